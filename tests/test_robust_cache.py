"""Cache entries that load but are wrong, and cache files that are not files (issue 16, part 4), through
the real command line: each is a miss, never an error and never wrong output. After every corruption the
site is built again (its folder deleted, so every kind of entry is read) and must equal, byte for byte,
the site a build with an empty cache made. Also: the cache folder is marked (CACHEDIR.TAG), pruning
deletes only archive-gen's own entries (never a user's file, never a link, never through a linked
folder), and hypothesis corrupts random entries at random.
"""

from __future__ import annotations

import os
import shutil
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_gen.build import BuildState
from archive_gen.cache import CACHEDIR_TAG, MARKER, BuildCache
from archive_gen.records import STATE_KEY
from robust_util import SEEDS, invoke, tree_state

settings.register_profile("cache-ci", max_examples=4, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("cache-long", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROFILE = "cache-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "cache-ci"


def site_bytes(site: Path) -> dict[str, bytes]:
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert len(files) > 100 and "index.html" in files
    return files


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """The five seed pages (five search shards, related lists across days) built once from an empty
    cache: the project with its now warm cache, and the cold site every test compares with."""
    root = tmp_path_factory.mktemp("warm")
    shutil.copytree(SEEDS, root / "sources")
    (root / "archive.yaml").write_text("source: sources\noutput: site\n", encoding="utf-8")
    code, _, err = invoke("build", "-q", "--config", str(root / "archive.yaml"))
    assert code == 0, err
    return root, site_bytes(root / "site")


@pytest.fixture
def project(warm: tuple[Path, dict[str, bytes]], tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(warm[0], root, symlinks=True)
    return root


def rebuild(project: Path, *args: str) -> dict[str, bytes]:
    """Delete the site and build it again with whatever is in the cache: exit 0, nothing on stderr."""
    shutil.rmtree(project / "site")
    code, out, err = invoke("build", "-q", "--config", str(project / "archive.yaml"), *args)
    assert (code, out, err) == (0, "", ""), err
    return site_bytes(project / "site")


def entries(cache: Path, kind: str = "") -> list[Path]:
    """Every entry file (optionally of one kind), sorted; asserts there is at least one."""
    found = sorted(p for p in (cache / kind if kind else cache).rglob("*.entry") if p.is_file())
    assert found, kind
    return found


def entry_key(path: Path) -> str:
    return path.name.removesuffix(".entry")


# ---------------------------------------------------------------------------------------------
# related-articles lists that load (the right key, a valid checksum) but name the wrong items

Change = Callable[[str, tuple[str, ...], dict[str, str]], tuple[str, ...]]


def _later(item: str, rel: tuple[str, ...], dates: dict[str, str]) -> tuple[str, ...]:
    later = sorted(i for i in dates if dates[i] > dates[item])
    return (later[0], *rel[1:]) if later else rel


def _six(item: str, rel: tuple[str, ...], dates: dict[str, str]) -> tuple[str, ...]:
    earlier = sorted(i for i in dates if dates[i] <= dates[item] and i != item)
    return tuple(earlier[:6]) if len(earlier) >= 6 else rel


CHANGES: dict[str, Change] = {
    "unknown-id": lambda item, rel, dates: ("ffffffffffff", *rel[1:]),  # was a KeyError on every build
    "itself": lambda item, rel, dates: (item,),
    "twice": lambda item, rel, dates: (rel[0], rel[0]) if rel else rel,
    "later-day": _later,  # an item of a later day: never related (a new day must not change old pages)
    "six": _six,  # more than five
}


def test_related_lists_that_load_but_are_wrong_are_made_again(project: Path,
                                                              warm: tuple[Path, dict[str, bytes]]) -> None:
    """Every cached related list rewritten under its right key with a valid checksum (the entry loads),
    each item's list broken in one of the ways of CHANGES, in turn."""
    cache = BuildCache(project / ".archive-cache")
    state = cache.load_single("state", STATE_KEY)
    chunks = [cache.load("summaries", key) for key in cache.keys("summaries")]
    assert isinstance(state, BuildState) and state.related and chunks and all(isinstance(c, dict) for c in chunks)
    dates = {item.id: item.date or "" for chunk in chunks for stored in chunk.values()
             for item in stored.summary.items}
    assert set(state.related) <= set(dates) and len(dates) > 10
    changes = list(CHANGES.values())
    related, used = {}, set()
    for n, (item, (key, ids)) in enumerate(sorted(state.related.items())):
        changed = changes[n % len(changes)](item, ids, dates)
        if changed != ids:
            used.add(n % len(changes))
        related[item] = (key, changed)
    assert used == set(range(len(changes)))  # each way of breaking a list is met at least once
    cache.store_single("state", STATE_KEY, BuildState(state.sources, related, state.keyword_pages, state.issues))
    assert rebuild(project) == warm[1]


# ---------------------------------------------------------------------------------------------
# whole, valid entries in the wrong place; damaged entries; entries of the wrong class

def _swap(a: Path, b: Path) -> None:
    data = a.read_bytes()
    a.write_bytes(b.read_bytes())
    b.write_bytes(data)


def test_swapped_entries_are_misses(project: Path, warm: tuple[Path, dict[str, bytes]]) -> None:
    cache = project / ".archive-cache"
    for kind in ("search", "shards", "pages", "docs"):
        found = entries(cache, kind)
        assert len(found) >= 2, kind
        for a, b in zip(found[::2], found[1::2], strict=False):
            _swap(a, b)  # every entry is now whole, with a valid checksum, under another's name
    _swap(entries(cache, "outputs")[0], cache / "state.entry")
    _swap(entries(cache, "summaries")[0], entries(cache, "pages")[-1])
    assert rebuild(project) == warm[1]


def test_swapped_shard_listings_with_the_site_kept_never_mix_up_the_index(project: Path,
                                                                          warm: tuple[Path, dict[str, bytes]]
                                                                          ) -> None:
    # with the site on disk a kept shard is not even read: only its listing is, which must be its own
    found = entries(project / ".archive-cache", "shards")
    for a, b in zip(found[::2], found[1::2], strict=False):
        _swap(a, b)
    (project / "archive.yaml").write_text("source: sources\noutput: site\ntitle: 新的标题\n", encoding="utf-8")
    code, _, err = invoke("build", "-q", "--config", str(project / "archive.yaml"))
    assert code == 0, err
    def index(files: dict[str, bytes]) -> dict[str, bytes]:  # the search index (its page shows the title)
        found = {rel: data for rel, data in files.items() if rel.startswith("search/") and rel.endswith(".js")}
        assert len(found) > 10
        return found

    assert index(site_bytes(project / "site")) == index(warm[1])


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda data: data[:len(data) // 2],
    "one-byte-flipped": lambda data: data[:-7] + bytes([data[-7] ^ 0x40]) + data[-6:],
    "grown": lambda data: data + b"\0" * 10,
    "empty": lambda data: b"",
    "header-only": lambda data: data[:160],
}


def test_damaged_entries_are_misses(project: Path, warm: tuple[Path, dict[str, bytes]]) -> None:
    found = entries(project / ".archive-cache")
    damages = list(DAMAGES.values())
    assert len(found) > 3 * len(damages)
    for n, path in enumerate(found):  # each entry damaged in one of the ways, in turn
        path.write_bytes(damages[n % len(damages)](path.read_bytes()))
    assert rebuild(project) == warm[1]


class NotAnEntry:
    """A class no cache entry is made of (pickled here, loaded by the build)."""

    def __init__(self) -> None:
        self.payload = ["../../etc/passwd"]


def test_entries_of_the_wrong_class_under_the_right_header_are_misses(project: Path,
                                                                      warm: tuple[Path, dict[str, bytes]]
                                                                      ) -> None:
    # among them an entry of an older archive-gen whose record class has since gone: unpickling fails
    gone = types.ModuleType("archive_gen_gone_module")
    record = type("Record", (), {"__module__": gone.__name__})
    gone.Record = record  # type: ignore[attr-defined]
    sys.modules[gone.__name__] = gone
    payloads: list[object] = [{"search/../../evil.js": "text, not bytes"}, ["a list"], ("a", "tuple"), "text", 42,
                              None, NotAnEntry(), {"not": "a record"}, record()]
    try:
        _restore_all(project / ".archive-cache", payloads)
    finally:
        del sys.modules[gone.__name__]
    assert rebuild(project) == warm[1]


def _restore_all(cache_dir: Path, payloads: list[object]) -> None:
    """Store one of ``payloads`` (in turn) under the key of every entry: right header, valid checksum,
    wrong content."""
    cache = BuildCache(cache_dir)
    found = entries(cache_dir)
    assert len(found) > 2 * len(payloads)
    for n, path in enumerate(found):
        payload = payloads[n % len(payloads)]
        kind = path.relative_to(cache_dir).parts[0]
        key = _header_key(path)
        if kind.endswith(".entry"):  # state.entry
            cache.store_single(kind.removesuffix(".entry"), key, payload)
            loaded = cache.load_single(kind.removesuffix(".entry"), key)
        else:
            assert key == entry_key(path)
            cache.store(kind, key, payload)
            loaded = cache.load(kind, key)
        assert type(loaded) is type(payload)  # it loads


def _header_key(path: Path) -> str:
    """The key an entry carries in its header (after the magic line)."""
    return path.read_bytes().split(b"\n", 1)[1][:64].decode("ascii")


# ---------------------------------------------------------------------------------------------
# cache files that are not files: links (never followed), pipes (never waited on)

def _cache_files(cache: Path, tables: Path) -> list[Path]:
    """Every file of the cache (entries) and of the user's tables folder (the segmenter's tables and the
    keyword slugs)."""
    found = sorted(p for folder in (cache, tables) for p in folder.rglob("*")
                   if p.is_file() and p.name not in (CACHEDIR_TAG, MARKER))
    assert any(p.parent == tables for p in found) and any(p.suffix == ".entry" for p in found)
    return found


def test_cache_files_that_are_links_or_pipes_are_never_read_through(project: Path,
                                                                    warm: tuple[Path, dict[str, bytes]],
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # the user's tables as the warm build left them, in a folder of this test's own (the session's stay whole)
    tables = tmp_path / "xdg" / "archive-gen"
    shutil.copytree(Path(os.environ["XDG_CACHE_HOME"]) / "archive-gen", tables)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    users = tmp_path / "thesis.docx"
    users.write_bytes(b"PK\x03\x04 ten years of work")
    before = tree_state(tmp_path, skip=("p", "xdg"))
    found = _cache_files(project / ".archive-cache", tables)
    shared = [p for p in found if p.parent == tables]
    others = [p for p in found if p.parent != tables]
    for n, path in enumerate([*others, *shared]):  # each file in turn; the tables each way too
        path.unlink()
        target = n % 3 if path.parent != tables else shared.index(path) % 3
        if target == 2:
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero" if target == 0 else users)
    assert rebuild(project) == warm[1]  # reading /dev/zero or a pipe would never end
    assert tree_state(tmp_path, skip=("p", "xdg")) == before  # the linked file: never read into, never written


def test_a_linked_folder_inside_the_cache_is_never_written_into_or_pruned(project: Path,
                                                                          warm: tuple[Path, dict[str, bytes]],
                                                                          tmp_path: Path) -> None:
    cache = project / ".archive-cache"
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.md").write_text("mine", encoding="utf-8")
    for n in range(30):  # named like entries: pruning would delete them, were it to walk the link
        (theirs / f"{n:064x}.entry").write_text("mine too", encoding="utf-8")
    before = tree_state(theirs)
    shutil.rmtree(cache / "search")
    (cache / "search").symlink_to(theirs, target_is_directory=True)
    first = sorted((cache / "pages").iterdir())[0]
    shutil.rmtree(first)
    first.symlink_to(theirs, target_is_directory=True)
    assert rebuild(project) == warm[1]
    assert rebuild(project) == warm[1]
    assert tree_state(theirs) == before


# ---------------------------------------------------------------------------------------------
# the marks, and pruning

def test_the_cache_folder_is_marked_with_a_valid_cachedir_tag(warm: tuple[Path, dict[str, bytes]]) -> None:
    cache = warm[0] / ".archive-cache"
    tag = (cache / CACHEDIR_TAG).read_bytes()
    # https://bford.info/cachedir/: the file begins with exactly these 43 bytes
    assert tag[:43] == b"Signature: 8a477f597d28d172789f06886806bc55"
    assert tag.decode("ascii").splitlines()[1].startswith("#")
    assert (cache / MARKER).read_text(encoding="utf-8").startswith('{"generator": "archive-gen"')


@pytest.mark.parametrize("damage", ["link-dev-zero", "link-users-file", "pipe", "empty"])
def test_a_damaged_mark_is_put_right_and_never_read_or_written_through(project: Path,
                                                                        warm: tuple[Path, dict[str, bytes]],
                                                                        tmp_path: Path, damage: str) -> None:
    cache = project / ".archive-cache"
    users = tmp_path / "thesis.docx"
    users.write_bytes(b"PK\x03\x04 ten years of work")
    before = tree_state(tmp_path, skip=("p",))
    marker = cache / MARKER
    marker.unlink()
    if damage == "link-dev-zero":
        marker.symlink_to("/dev/zero")
    elif damage == "link-users-file":
        marker.symlink_to(users)
    elif damage == "pipe":
        os.mkfifo(marker)
    else:
        marker.write_bytes(b"")
    links = [p for p in entries(cache, "pages")][:2]
    assert links, "the warm cache holds page entries"
    for path in links:  # damage elsewhere too, as a disk fault leaves it: the folder stays archive-gen's
        path.unlink()
        path.symlink_to("/dev/zero")
    assert rebuild(project) == warm[1]
    assert marker.is_file() and not marker.is_symlink()
    assert tree_state(tmp_path, skip=("p",)) == before  # the linked file: never read into, never written


def test_pruning_deletes_only_archive_gens_own_entries(project: Path, tmp_path: Path) -> None:
    cache = project / ".archive-cache"
    users = tmp_path / "thesis.docx"
    users.write_bytes(b"PK\x03\x04 ten years of work")
    theirs = {"search/notes.md": "search notes", "pages/scans/p1.png": "png", "search/" + "a" * 64 + ".entry.bak":
              "a backup", "search/" + "b" * 63 + ".entry": "one hex short", "README": "what this folder is"}
    for rel, text in theirs.items():
        (cache / rel).parent.mkdir(parents=True, exist_ok=True)
        (cache / rel).write_text(text, encoding="utf-8")
    (cache / "search" / ("c" * 64 + ".entry")).symlink_to(users)  # a link named like an entry
    stale = [cache / "search" / f"{n:064x}.entry" for n in range(25)]  # more than the 20 kept for undo
    for path in stale:
        path.write_bytes(b"a stale entry of archive-gen's")
    kept_before = {rel: v for rel, v in tree_state(cache).items()
                   if rel in theirs or rel.endswith("c" * 64 + ".entry")}
    assert len(kept_before) == len(theirs) + 1
    (project / "archive.yaml").write_text("source: sources\noutput: site\ntitle: 再建一次\n", encoding="utf-8")
    code, _, err = invoke("build", "-q", "--config", str(project / "archive.yaml"))
    assert code == 0, err
    assert not any(path.exists() for path in stale)  # pruned: these are archive-gen's by their names
    after = tree_state(cache)
    assert {rel: after.get(rel) for rel in kept_before} == kept_before
    assert users.read_bytes() == b"PK\x03\x04 ten years of work"


# ---------------------------------------------------------------------------------------------
# random corruption

@settings(settings.get_profile(PROFILE))
@given(data=st.data())
def test_random_cache_corruption_is_never_an_error_nor_wrong_output(project: Path,
                                                                    warm: tuple[Path, dict[str, bytes]],
                                                                    data: st.DataObject) -> None:
    work = project.parent / f"fuzz-{data.draw(st.integers(0, 10**9), label='run')}"
    shutil.copytree(warm[0], work, symlinks=True)
    files = sorted(p for p in (work / ".archive-cache").rglob("*") if p.is_file())
    chosen = data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=8, unique=True), label="files")
    for path in chosen:
        raw = path.read_bytes()
        how = data.draw(st.sampled_from(["flip", "cut", "append", "replace", "swap", "link", "empty"]), label="how")
        if how == "flip" and raw:
            at = data.draw(st.integers(0, len(raw) - 1), label="at")
            raw = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255), label="xor")]) + raw[at + 1:]
        elif how == "cut":
            raw = raw[:data.draw(st.integers(0, max(0, len(raw) - 1)), label="keep")]
        elif how == "append":
            raw += data.draw(st.binary(min_size=1, max_size=64), label="tail")
        elif how == "replace":
            raw = data.draw(st.binary(max_size=256), label="bytes")
        elif how == "swap":
            other = data.draw(st.sampled_from(files), label="other")
            raw = other.read_bytes()
        elif how == "link":
            path.unlink()
            path.symlink_to("/dev/zero")
            continue
        else:
            raw = b""
        path.write_bytes(raw)
    try:
        assert rebuild(work) == warm[1]
    finally:
        shutil.rmtree(work)
