"""Hardening round 21: what round 20 left open. A build whose cache cannot be written (a full disk) cost ten
times a cold build, because every later use of a page's records (search, its articles, its source page)
parsed and tagged it again with a tagger built afresh; serve printed "cannot read file" for a page renamed
between listing and reading; a loop of folder links without page files was skipped without a word. Each
test failed before its fix (docs/robustness.md "Round 21")."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from archive_gen import cache
from archive_gen.build import BuildOptions, build_site
from archive_gen.records import Stages
from projects import (
    TAGGER_LOG_ENV,
    make_project,
    make_toy_tagger,
    toy_conservation,
    toy_parse,
    toy_tag_inputs,
)
from robust_util import SEED, invoke, stderr_lines

# ---------------------------------------------------------------------------------------------
# a cache on a full disk

PARSE_LOG_ENV = "ARCHIVE_GEN_TEST_PARSE_LOG"


def counted_parse(data: bytes, source: str, override: object) -> tuple[object, str]:
    """The toy parse, noting each call in a file (worker processes write to it too)."""
    with open(os.environ[PARSE_LOG_ENV], "a", encoding="utf-8") as fh:
        fh.write(source + "\n")
    return toy_parse(data, source, override)  # type: ignore[arg-type]


COUNTED = Stages(parse=counted_parse, make_tagger=make_toy_tagger, tag_inputs=toy_tag_inputs,  # type: ignore[arg-type]
                 conservation=toy_conservation)
# the toy stages, uncounted
COUNTED_QUIET = Stages(parse=toy_parse, make_tagger=make_toy_tagger, tag_inputs=toy_tag_inputs,
                       conservation=toy_conservation)
PAGES = {f"2021-05-{day:02d}_0{n}.txt": f"标题{day}{n}\n正文一段\n\n另一条{day}{n}\n正文两段"
         for day in range(10, 16) for n in (1, 2)}


def _full(fd: int, header: bytes, data: bytes) -> None:
    os.close(fd)
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("lost", [False, True], ids=["new-cache", "entries-lost"])
def test_a_full_cache_costs_one_parse_and_one_tagger_per_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 jobs: int, lost: bool) -> None:
    # every page was parsed and tagged again by each later use of its records, and each time by a tagger built
    # afresh (jieba's tables, the gazetteer: most of a second): ~130 s a build instead of ~14 s for 200 pages
    config = make_project(tmp_path, PAGES)
    parses, taggers = tmp_path / "parses.log", tmp_path / "taggers.log"
    monkeypatch.setenv(PARSE_LOG_ENV, str(parses))
    monkeypatch.setenv(TAGGER_LOG_ENV, str(taggers))
    cold = build_site(config, BuildOptions(jobs=1), stages=COUNTED)
    site = {p.relative_to(config.output).as_posix(): p.read_bytes() for p in sorted(config.output.rglob("*"))
            if p.is_file() and ".archive-gen" not in p.parts}
    shutil.rmtree(config.output)
    if lost:  # the disk filled after the summaries were written: every page's records are gone
        shutil.rmtree(config.cache_dir / "pages")
        shutil.rmtree(config.cache_dir / "docs")
    else:
        shutil.rmtree(config.cache_dir)
    parses.unlink()
    taggers.unlink()
    monkeypatch.setattr(cache, "_write_file", _full)
    result = build_site(config, BuildOptions(jobs=jobs), stages=COUNTED)
    assert result.pages_read == cold.pages_read == len(PAGES)
    # each page parsed once, as in a cold build (a worker process also reads its warm-up page)
    assert sorted(s for s in _lines(parses) if s != "<warm-up>") == sorted(PAGES)
    assert len(set(_lines(taggers))) == len(_lines(taggers)) <= jobs + 1  # one tagger a process at most
    assert any(n.code == cache.UNWRITABLE for n in result.warnings)
    assert {p.relative_to(config.output).as_posix(): p.read_bytes() for p in sorted(config.output.rglob("*"))
            if p.is_file() and ".archive-gen" not in p.parts} == site


def test_entries_held_for_a_full_cache_are_read_back_as_fresh_copies(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # a guard: what the build holds in memory is read like an entry on disk, a copy each time, under its key only
    monkeypatch.setattr(cache, "_write_file", _full)
    store = cache.open_cache(tmp_path / "c")
    key, other = "a" * 64, "b" * 64
    store.store("pages", key, {"x": [1]})
    first = store.load("pages", key)
    assert first == {"x": [1]} and store.failure is not None
    first["x"].append(2)
    assert store.load("pages", key) == {"x": [1]}
    assert store.load("pages", other) is None and store.load("docs", key) is None
    assert store.take_unsaved("docs") == () and len(store.take_unsaved("pages")) == 1
    assert store.load("pages", key) is None  # handed on: not held twice


# ---------------------------------------------------------------------------------------------
# a page renamed or removed between the listing and the reading (serve during rapid renames)


@pytest.mark.parametrize("when", [1, 2], ids=["at-hashing", "at-parsing"])
def test_a_page_gone_before_it_is_read_is_quietly_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       when: int) -> None:
    # serve printed "cannot read file: No such file or directory" for each page a rename took between the
    # walk and the read (the rebuild the rename starts sees the new name anyway)
    from archive_gen import records

    config = make_project(tmp_path, PAGES)
    victim = config.sources[0] / "2021-05-12_01.txt"
    real = records.read_bytes
    calls = 0

    def racing(sf, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        if sf.path == victim:
            calls += 1
            if calls == when:
                victim.rename(victim.with_suffix(".moved"))
        return real(sf, *args, **kwargs)

    monkeypatch.setattr(records, "read_bytes", racing)
    result = build_site(config, BuildOptions(jobs=1), stages=COUNTED_QUIET)
    assert calls >= when
    assert result.errors == () and not [n for n in result.warnings if "cannot read" in n.message], result.errors
    assert result.pages_read == len(PAGES) - 1
    assert "标题121" not in "".join(p.read_text(encoding="utf-8") for p in config.output.rglob("*.html"))


def test_a_page_there_but_unreadable_is_still_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a guard: only a page that is gone is quiet; one there that cannot be read is still said
    from archive_gen import records

    config = make_project(tmp_path, PAGES)
    victim = config.sources[0] / "2021-05-12_01.txt"
    real = records.read_bytes

    def denied(sf, *args, **kwargs):  # type: ignore[no-untyped-def]
        if sf.path == victim:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(victim))
        return real(sf, *args, **kwargs)

    monkeypatch.setattr(records, "read_bytes", denied)
    result = build_site(config, BuildOptions(jobs=1), stages=COUNTED_QUIET)
    assert [n.message for n in result.errors] == ["cannot read file: Permission denied"]


# ---------------------------------------------------------------------------------------------
# a loop of folder links holding no page file


def _loop_project(root: Path) -> Path:
    (root / "sources").mkdir(parents=True)
    shutil.copy(SEED, root / "sources" / "2021-05-14_01.txt")
    (root / "archive.yaml").write_text("source: sources\noutput: site\n", encoding="utf-8")
    return root / "archive.yaml"


@pytest.mark.parametrize("command", ["check", "build"])
def test_every_loop_of_links_is_said_once_naming_its_links(tmp_path: Path, command: str) -> None:
    # loopa -> loopb -> loopa was skipped without a word, while a.txt -> b.txt -> a.txt was said once per link
    config = _loop_project(tmp_path)
    src = tmp_path / "sources"
    (src / "loopa").symlink_to("loopb")
    (src / "loopb").symlink_to("loopa")
    (src / "a.txt").symlink_to("b.txt")
    (src / "b.txt").symlink_to("a.txt")
    (src / "self").symlink_to("self")
    (src / "into").symlink_to("loopa")
    code, out, err = invoke(command, "--config", str(config))
    assert code == 0 and "Traceback" not in err, err
    said = [line for line in stderr_lines(out + err) if "warning: " in line and "loop" in line]  # check lists on stdout
    assert said == [
        "a.txt: warning: page file is a loop of links (a.txt -> b.txt -> a.txt); skipped",
        "into: warning: a link into a loop of links (loopa -> loopb -> loopa); skipped",
        "loopa: warning: a loop of links (loopa -> loopb -> loopa); skipped",
        "self: warning: a loop of links (self -> self); skipped"], err


def test_links_that_end_somewhere_are_no_loop(tmp_path: Path) -> None:
    # a guard: a link to a file that is not a page, a dangling link and a link to a folder say nothing of loops
    config = _loop_project(tmp_path)
    src = tmp_path / "sources"
    (src / "notes.md").write_text("notes", encoding="utf-8")
    (src / "notes").symlink_to("notes.md")
    (src / "gone").symlink_to("nowhere")
    (src / "deep").mkdir()
    (src / "deeper").symlink_to("deep")
    code, out, err = invoke("check", "--config", str(config))
    assert code == 0 and "loop" not in out + err, out + err
