"""Never delete what archive-gen did not write (issue 16, part 1), through the real command line.

Every refused run is one stderr line and exit 2, and a snapshot of every file, link and folder around the
output and the cache (content, mtime, permissions; tests/robust_util.tree_state) is identical before and
after: the home folder, its parent, the filesystem root, the current folder, an ancestor of the sources
or of archive.yaml, a folder inside the sources, a stranger's site, a cache folder holding the user's
files, a linked cache. With --allow-foreign-files the site is added beside the user's files and never
replaces one: not by name, not a file where the site needs a folder, not a folder where it needs a file.

The output's manifest and the journal of a staging folder are archive-gen's records; forged or damaged,
they never make a build touch anything outside the output folder (docs/robustness.md says what each
forgery does inside it).
"""

from __future__ import annotations

import gzip
import json
import os
import pwd
import shutil
import zlib
from pathlib import Path

import pytest

from archive_gen.writer import JOURNAL, MANIFEST_PATH, MAX_MANIFEST_BYTES, manifest_bytes
from robust_util import SEED, SEEDS, invoke, one_error_line, tree_state

CHOOSE = "(choose a folder of its own, e.g. --output site)"
FOREIGN_HINT = ("(choose an empty or new folder, or pass --allow-foreign-files to add the site beside them "
                "(they are never replaced or deleted))")
DAMAGED = ("refusing to build into this folder: its ownership manifest is damaged, so archive-gen cannot tell "
           "its own files from others (move the output folder away and build again, or build into another folder)")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with the user's files, and a project inside it (archive.yaml, one seed page)."""
    home = tmp_path / "home" / "user"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "thesis.docx").write_bytes(b"PK\x03\x04 ten years of work")
    (home / ".bashrc").write_text("export PS1='$ '\n", encoding="utf-8")
    os.chmod(home / ".bashrc", 0o600)
    project = home / "proj"
    (project / "sources").mkdir(parents=True)
    shutil.copy(SEED, project / "sources" / "page.txt")
    (project / "notes.txt").write_text("my notes", encoding="utf-8")
    (project / "archive.yaml").write_text("source: sources\noutput: site\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path / "elsewhere")
    return tmp_path


def _refused(world: Path, *args: str) -> str:
    """Run ``archive-gen ARGS``; it must be refused (exit 2, one line, nothing printed on stdout) with
    every file, link and folder of ``world`` exactly as before. Returns the line."""
    before = tree_state(world)
    code, out, err = invoke(*args)
    assert (code, out) == (2, ""), err
    line = one_error_line(err)
    assert tree_state(world) == before
    return line


# ---------------------------------------------------------------------------------------------
# folders a build must never own

def test_the_parent_of_home_is_refused(world: Path) -> None:
    parent = world / "home"
    config = str(world / "home" / "user" / "proj" / "archive.yaml")
    assert _refused(world, "build", "--config", config, "-o", str(parent), "--clean") == (
        f"archive-gen: error: {parent}: refusing to use the home folder (or a folder above it) as the output "
        f"folder {CHOOSE}")
    # the explicit option for foreign files never opens these folders
    assert _refused(world, "build", "--config", config, "-o", str(parent), "--clean",
                    "--allow-foreign-files").endswith("refusing to use the home folder (or a folder above it) as "
                                                      f"the output folder {CHOOSE}")


def test_home_is_refused(world: Path) -> None:
    home = world / "home" / "user"
    assert _refused(world, "build", "--config", str(home / "proj" / "archive.yaml"), "-o", str(home),
                    "--clean") == (f"archive-gen: error: {home}: refusing to use the home folder (or a folder "
                                   f"above it) as the output folder {CHOOSE}")


def test_the_accounts_home_is_refused_even_when_home_points_elsewhere(world: Path) -> None:
    account_home = Path(pwd.getpwuid(os.getuid()).pw_dir).resolve()
    if account_home == Path("/") or world.is_relative_to(account_home):
        pytest.skip("the account's home is / or holds the test folder")
    config = str(world / "home" / "user" / "proj" / "archive.yaml")
    # no --allow-foreign-files: were the check gone, the foreign-folder check would still refuse it
    assert _refused(world, "build", "--config", config, "-o", str(account_home), "--clean") == (
        f"archive-gen: error: {account_home}: refusing to use the home folder (or a folder above it) as the "
        f"output folder {CHOOSE}")


def test_the_filesystem_root_is_refused(world: Path) -> None:
    config = str(world / "home" / "user" / "proj" / "archive.yaml")
    assert _refused(world, "build", "--config", config, "-o", "/", "--clean") == (
        "archive-gen: error: /: refusing to use the filesystem root as the output folder")


@pytest.mark.parametrize("output", [".", ".."])
def test_the_current_folder_and_its_parents_are_refused(world: Path, monkeypatch: pytest.MonkeyPatch,
                                                        output: str) -> None:
    project = world / "home" / "user" / "proj"
    monkeypatch.chdir(project / "sources")
    shown = project / "sources" if output == "." else project / "sources" / ".."  # as given, made absolute
    assert _refused(world, "build", "--config", str(project / "archive.yaml"), "-o", output, "--clean") == (
        f"archive-gen: error: {shown}: refusing to use the current folder (or a folder above it) as the output "
        f"folder {CHOOSE}")


def test_an_ancestor_of_the_sources_is_refused(world: Path) -> None:
    data = world / "data"
    (data / "sources").mkdir(parents=True)
    shutil.copy(SEED, data / "sources" / "page.txt")
    config = str(world / "home" / "user" / "proj" / "archive.yaml")
    assert _refused(world, "build", str(data / "sources"), "--config", config, "-o", str(data), "--clean") == (
        f"archive-gen: error: {data}: output folder contains the source folder {data / 'sources'} {CHOOSE}")


def test_an_ancestor_of_archive_yaml_is_refused(world: Path) -> None:
    conf = world / "conf"
    conf.mkdir()
    (conf / "archive.yaml").write_text("source: ../home/user/proj/sources\ncache_dir: ../cache\n", encoding="utf-8")
    assert _refused(world, "build", "--config", str(conf / "archive.yaml"), "-o", str(conf), "--clean") == (
        f"archive-gen: error: {conf}: output folder contains {conf / 'archive.yaml'} {CHOOSE}")
    # with the default cache beside archive.yaml, the cache is the first thing named
    (conf / "archive.yaml").write_text("source: ../home/user/proj/sources\n", encoding="utf-8")
    assert _refused(world, "build", "--config", str(conf / "archive.yaml"), "-o", str(conf), "--clean") == (
        f"archive-gen: error: {conf}: output folder contains {conf / '.archive-cache'} {CHOOSE}")


@pytest.mark.parametrize("where", ["inside", "equal"])
def test_an_output_inside_the_sources_is_refused(world: Path, where: str) -> None:
    project = world / "home" / "user" / "proj"
    output = project / "sources" / "site" if where == "inside" else project / "sources"
    assert _refused(world, "build", "--config", str(project / "archive.yaml"), "-o", str(output), "--clean") == (
        f"archive-gen: error: {output}: output folder {'is inside' if where == 'inside' else 'is'} the source "
        f"folder {project / 'sources'} "
        "(choose an output outside the sources, e.g. --output site)")


def test_the_cache_folder_as_output_is_refused(world: Path) -> None:
    project = world / "home" / "user" / "proj"
    cache = project / ".archive-cache"
    assert _refused(world, "build", "--config", str(project / "archive.yaml"), "-o", str(cache), "--clean") == (
        f"archive-gen: error: {cache}: output folder is {cache} {CHOOSE}")


# ---------------------------------------------------------------------------------------------
# a folder of someone else's files

def _their_site(site: Path) -> None:
    """Someone's own hand-made site: an index page, styles, a CNAME and .nojekyll like a Pages site."""
    (site / "css").mkdir(parents=True)
    (site / "index.html").write_text('<html><meta name="generator" content="Hugo">mine</html>', encoding="utf-8")
    (site / "css" / "a.css").write_text("body{}", encoding="utf-8")
    (site / "CNAME").write_text("example.org\n", encoding="utf-8")
    (site / ".nojekyll").write_bytes(b"")


def test_a_first_clean_build_into_someones_site_is_refused(world: Path) -> None:
    project = world / "home" / "user" / "proj"
    _their_site(project / "site")
    for clean in (["--clean"], []):
        assert _refused(world, "build", "--config", str(project / "archive.yaml"), *clean) == (
            f"archive-gen: error: {project / 'site'}: refusing to build into a folder that holds files "
            f"archive-gen did not write {FOREIGN_HINT}")


@pytest.mark.parametrize(("theirs", "line"), [
    ("index.html", "{site}/index.html: refusing to overwrite a file archive-gen did not write (move it away, or "
                   "build into another folder)"),
    ("articles", "{site}/articles: refusing to replace a file archive-gen did not write with a folder of the "
                 "site (move it away, or build into another folder)"),
    ("feed.xml/keep.txt", "{site}/feed.xml: refusing to replace a folder that holds files archive-gen did not "
                          "write (feed.xml/keep.txt is in it; move it away, or build into another folder)"),
    ("static -> link", "{site}/static: refusing to replace a file archive-gen did not write with a folder of the "
                       "site (move it away, or build into another folder)"),
], ids=["same-name", "file-where-a-folder-goes", "folder-where-a-file-goes", "link-where-a-folder-goes"])
def test_allow_foreign_files_never_replaces_one_of_theirs(world: Path, theirs: str, line: str) -> None:
    project = world / "home" / "user" / "proj"
    site = project / "site"
    site.mkdir()
    (site / "notes.md").write_text("beside the site", encoding="utf-8")
    if theirs.endswith("-> link"):
        (site / "static").symlink_to(world / "home" / "user" / "Documents", target_is_directory=True)
    else:
        (site / theirs).parent.mkdir(parents=True, exist_ok=True)
        (site / theirs).write_text("theirs", encoding="utf-8")
    # before the cache exists too: a refused build may leave only the cache (archive-gen's own) behind
    refused = _refused_keeping_the_cache(world, "build", "--config", str(project / "archive.yaml"),
                                         "--allow-foreign-files", "--clean")
    assert refused == "archive-gen: error: " + line.format(site=site)


def _refused_keeping_the_cache(world: Path, *args: str) -> str:
    """_refused, except that the project's cache folder (archive-gen's own, filled before the site was
    found in the way) may appear."""
    skip = ("home/user/proj/.archive-cache",)
    before = tree_state(world, skip=skip)
    code, out, err = invoke(*args)
    assert (code, out) == (2, ""), err
    assert tree_state(world, skip=skip) == before
    return one_error_line(err)


def test_allow_foreign_files_adds_the_site_beside_theirs_and_clean_never_removes_them(world: Path) -> None:
    project = world / "home" / "user" / "proj"
    site = project / "site"
    _their_site(site)
    (site / "index.html").unlink()  # the one name the site needs
    (site / "notes").mkdir()
    (site / "notes" / "a.txt").write_text("mine", encoding="utf-8")
    os.chmod(site / "notes" / "a.txt", 0o640)
    theirs = tree_state(site)
    config = str(project / "archive.yaml")
    code, _, err = invoke("build", "-q", "--config", config, "--allow-foreign-files", "--clean")
    assert code == 0, err
    assert (site / "index.html").read_bytes().count(b'content="archive-gen"') == 1
    assert {rel: tree_state(site).get(rel) for rel in theirs} == theirs
    # later builds own only what they wrote: a changed site with --clean removes its own stale files only
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", project / "sources" / "page.txt")
    around = tree_state(world, skip=("home/user/proj/site", "home/user/proj/.archive-cache"))
    code, out, err = invoke("build", "-v", "--config", config, "--clean")
    assert code == 0, err
    assert {rel: tree_state(site).get(rel) for rel in theirs} == theirs
    assert "removed" in out and not [line for line in err.splitlines() if line.startswith("kept")]
    assert tree_state(world, skip=("home/user/proj/site", "home/user/proj/.archive-cache")) == around


# ---------------------------------------------------------------------------------------------
# the cache folder

def test_cache_dir_dot_is_refused_before_anything_is_written(world: Path) -> None:
    project = world / "home" / "user" / "proj"
    (project / "archive.yaml").write_text("source: sources\noutput: site\ncache_dir: .\n", encoding="utf-8")
    (project / "search").mkdir()
    (project / "search" / "notes.md").write_text("search notes", encoding="utf-8")
    (project / "pages" / "scans").mkdir(parents=True)
    (project / "pages" / "scans" / "p1.png").write_bytes(b"\x89PNG")
    assert _refused(world, "build", "--config", str(project / "archive.yaml"), "--clean") == (
        f"archive-gen: error: {project}: refusing to use this folder as the cache: it holds files archive-gen did "
        "not write (archive.yaml) (set cache_dir in archive.yaml to a new or empty folder)")


@pytest.mark.parametrize(("layout", "named"), [
    ({"search/notes.md": "search notes", "pages/scans/p1.png": "png"}, "pages/scans/p1.png"),
    ({"search/notes.md": "search notes"}, "search/notes.md"),
    ({"summaries.entry.bak": "x"}, "summaries.entry.bak"),
    ({"pages/ab/" + "a" * 64 + ".entry": "looks like an entry", "docs/readme.txt": "x"}, "docs/readme.txt"),
    ({"outputs -> link": ""}, "outputs"),
    ({"state.entry -> link": ""}, "state.entry"),
], ids=["pages-and-search", "search-notes", "near-name", "one-foreign-file", "linked-folder", "linked-file"])
def test_a_cache_folder_holding_the_users_files_is_refused(world: Path, layout: dict[str, str], named: str) -> None:
    project = world / "home" / "user" / "proj"
    notes = project / "mycache"
    notes.mkdir()
    for rel, text in layout.items():
        if rel.endswith(" -> link"):
            (notes / rel[:-len(" -> link")]).symlink_to(world / "home" / "user" / "Documents")
            continue
        (notes / rel).parent.mkdir(parents=True, exist_ok=True)
        (notes / rel).write_text(text, encoding="utf-8")
    (project / "archive.yaml").write_text("source: sources\noutput: site\ncache_dir: mycache\n", encoding="utf-8")
    assert _refused(world, "build", "--config", str(project / "archive.yaml"), "--clean") == (
        f"archive-gen: error: {notes}: refusing to use this folder as the cache: it holds files archive-gen did not "
        f"write ({named}) (set cache_dir in archive.yaml to a new or empty folder)")


def test_a_linked_cache_folder_is_refused_and_its_target_untouched(world: Path) -> None:
    project = world / "home" / "user" / "proj"
    (world / "real-cache").mkdir()
    (project / ".archive-cache").symlink_to(world / "real-cache", target_is_directory=True)
    assert _refused(world, "build", "--config", str(project / "archive.yaml"), "--clean") == (
        f"archive-gen: error: {project / '.archive-cache'}: the cache folder is a link, and archive-gen follows no "
        "link in its cache (set cache_dir in archive.yaml to the folder itself)")
    (project / ".archive-cache").unlink()
    (project / ".archive-cache").write_text("a file", encoding="utf-8")
    assert _refused(world, "build", "--config", str(project / "archive.yaml")) == (
        f"archive-gen: error: {project / '.archive-cache'}: the cache folder is not a folder (set cache_dir in "
        "archive.yaml to a folder archive-gen may own)")


# ---------------------------------------------------------------------------------------------
# the output's manifest: damaged or forged

@pytest.fixture(scope="module")
def built_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once (site and cache), copied by the tests that need a built site."""
    root = tmp_path_factory.mktemp("built")
    (root / "sources").mkdir()
    shutil.copy(SEED, root / "sources" / "page.txt")
    (root / "archive.yaml").write_text("source: sources\noutput: site\n", encoding="utf-8")
    code, _, err = invoke("build", "-q", "--config", str(root / "archive.yaml"))
    assert code == 0, err
    return root


@pytest.fixture
def built(world: Path, built_template: Path) -> Path:
    """The built project, copied into the world (beside the user's home) with times and modes kept, and
    built once there (its cache remembers the site by the output's path): the next build is up to date."""
    project = world / "built"
    shutil.copytree(built_template, project, symlinks=True)
    code, _, err = invoke("build", "-q", "--config", str(project / "archive.yaml"))
    assert code == 0, err
    return project


def _bomb() -> bytes:
    """A gzip stream of 257 MiB of zeros (a quarter of a megabyte): more than any manifest may unpack to."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1 << 20)
    return b"".join([*(packer.compress(chunk) for _ in range(MAX_MANIFEST_BYTES >> 20 | 1)), packer.flush()])


@pytest.mark.parametrize("damage", ["garbage", "not-json", "wrong-format", "files-not-text", "cut-short",
                                    "link-to-dev-zero", "pipe", "folder", "gzip-bomb", "linked-own-folder"])
def test_a_damaged_manifest_is_refused_and_nothing_changes(world: Path, built: Path, damage: str) -> None:
    site = built / "site"
    manifest = site / MANIFEST_PATH
    whole = manifest.read_bytes()
    manifest.unlink()
    if damage == "garbage":
        manifest.write_bytes(b"\x00\x01 not a manifest")
    elif damage == "not-json":
        manifest.write_bytes(gzip.compress(b"{files: [index.html"))
    elif damage == "wrong-format":
        manifest.write_bytes(gzip.compress(json.dumps({"generator": "other", "format": 1, "files": []}).encode()))
    elif damage == "files-not-text":
        manifest.write_bytes(gzip.compress(json.dumps({"generator": "archive-gen", "format": 1,
                                                       "files": [1, 2]}).encode()))
    elif damage == "cut-short":
        manifest.write_bytes(whole[:len(whole) // 2])
    elif damage == "link-to-dev-zero":
        manifest.symlink_to("/dev/zero")
    elif damage == "pipe":
        os.mkfifo(manifest)
    elif damage == "folder":
        manifest.mkdir()
    elif damage == "gzip-bomb":
        manifest.write_bytes(_bomb())
    elif damage == "linked-own-folder":
        elsewhere = world / "own-elsewhere"
        shutil.move(str(site / ".archive-gen"), elsewhere)
        (elsewhere / "manifest.json.gz").write_bytes(whole)
        (site / ".archive-gen").symlink_to(elsewhere, target_is_directory=True)
    assert _refused(world, "build", "--config", str(built / "archive.yaml"), "--clean") == (
        f"archive-gen: error: {manifest}: {DAMAGED}")


def _forge(site: Path, files: list[str], articles: dict[str, list[str]] | None = None) -> None:
    # spelled as archive-gen spells it (one edited any other way is refused: test_robust_hardening19)
    (site / MANIFEST_PATH).write_bytes(manifest_bytes(files, {k: tuple(v) for k, v in (articles or {}).items()}))


def test_a_forged_manifest_never_reaches_outside_the_output(world: Path, built: Path) -> None:
    site = built / "site"
    home = world / "home" / "user"
    (built / "victim.txt").write_text("beside the site", encoding="utf-8")
    (site / "link").symlink_to(home / "Documents", target_is_directory=True)
    (site / "mine.txt").write_text("the user's, inside the output", encoding="utf-8")
    own = json.loads(gzip.decompress((site / MANIFEST_PATH).read_bytes()))["files"]
    forged = ["../victim.txt", "../../built/victim.txt", str(built / "victim.txt"), str(home / ".bashrc"),
              "link/thesis.docx", "articles/../../victim.txt", "./index.html", "", "mine.txt"]
    _forge(site, [*own, *forged], {"../../evil.html": ["x"] * 6,
                                   "articles/2000/01/01/aaaaaaaaaaaa.html": ["aaaaaaaaaaaa", "gone.txt", "2000-01-01",
                                                                             "旧标题", "0", "旧"]})
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", built / "sources" / "page.txt")  # a new site: stale files
    around = tree_state(world, skip=("built/site", "built/.archive-cache"))
    code, _, err = invoke("build", "-q", "--config", str(built / "archive.yaml"), "--clean")
    assert code == 0, err
    assert tree_state(world, skip=("built/site", "built/.archive-cache")) == around
    assert (site / "link").is_symlink() and (home / "Documents" / "thesis.docx").read_bytes().startswith(b"PK")
    # inside the output the manifest is the record of what is archive-gen's: a file it lists is replaced
    # or removed like any of archive-gen's (docs/robustness.md); the entries that name nothing inside the
    # output are dropped from the next manifest
    assert not (site / "mine.txt").exists()
    listed = json.loads(gzip.decompress((site / MANIFEST_PATH).read_bytes()))
    assert not [f for f in listed["files"] if f in forged]
    assert (site / "articles/2000/01/01/aaaaaaaaaaaa.html").read_bytes().count(b'http-equiv="refresh"') == 1
    assert not (world / "evil.html").exists() and not (built / "evil.html").exists()


# ---------------------------------------------------------------------------------------------
# staging folders and their journals beside the output

def _staging(built: Path, pid: int, journal: object, packs: dict[str, bytes]) -> Path:
    folder = built / f".site.tmp-{pid}"
    folder.mkdir()
    for name, data in packs.items():
        (folder / name).write_bytes(data)
    (folder / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    return folder


def test_a_forged_journal_never_reaches_outside_the_output(world: Path, built: Path) -> None:
    site = built / "site"
    home = world / "home" / "user"
    (built / "victim.txt").write_text("beside the site", encoding="utf-8")
    forged = _staging(built, 99999, {"write": [["../victim.txt", "pack-1", 0, 4], [str(built / "victim.txt"),
                                                                                   "pack-1", 0, 4]],
                                     "remove": ["../victim.txt", str(home / ".bashrc"),
                                                "../../home/user/Documents/thesis.docx"]},
                      {"pack-1": b"EVIL"})
    bad_pack = _staging(built, 99998, {"write": [["index.html", "../../victim.txt", 0, 4]], "remove": []},
                        {"pack-1": b"EVIL"})
    cut = _staging(built, 99996, {}, {"pack-1": b"EVIL"})
    (cut / JOURNAL).write_text('{"write": [["index.html", "pack-1", 0, 4]], "remo', encoding="utf-8")
    leftovers = (forged, bad_pack, cut)
    around = tree_state(world, skip=("built/site", "built/.archive-cache",
                                     *(f.relative_to(world).as_posix() for f in leftovers)))
    site_before = tree_state(site)
    code, out, err = invoke("build", "--config", str(built / "archive.yaml"))
    assert code == 0, err
    assert "up to date" in out and tree_state(site) == site_before  # not replayed: nothing moved in
    assert tree_state(world, skip=("built/site", "built/.archive-cache")) == around  # and dropped
    assert not any(f.exists() for f in leftovers)


def test_a_journal_reaching_a_users_file_is_not_replayed(world: Path, built: Path) -> None:
    site = built / "site"
    documents = world / "home" / "user" / "Documents"
    (site / "mine.txt").write_text("the user's", encoding="utf-8")
    (site / "link").symlink_to(documents, target_is_directory=True)
    # plain paths inside the output: a file the manifest does not list, and a removal through a link
    # (made to look archive-gen's by a forged manifest)
    _forge(site, [*json.loads(gzip.decompress((site / MANIFEST_PATH).read_bytes()))["files"], "link",
                  "link/thesis.docx"])
    staged = [_staging(built, 99997, {"write": [["mine.txt", "pack-1", 0, 4], ["index.html", "pack-1", 0, 4]],
                                      "remove": []}, {"pack-1": b"EVIL"}),
              _staging(built, 99995, {"write": [], "remove": ["link/thesis.docx"]}, {})]
    theirs = tree_state(documents), (site / "mine.txt").read_bytes()
    code, _, err = invoke("build", "-q", "--config", str(built / "archive.yaml"))
    assert code == 0, err
    assert (tree_state(documents), (site / "mine.txt").read_bytes()) == theirs
    assert b"EVIL" not in (site / "index.html").read_bytes() and (site / "link").is_symlink()
    assert not any(f.exists() for f in staged)


def test_a_users_folder_named_like_a_staging_folder_keeps_its_files(world: Path, built: Path) -> None:
    theirs = built / ".site.tmp-12345"
    theirs.mkdir()
    (theirs / "draft.txt").write_text("not archive-gen's", encoding="utf-8")
    (theirs / "pack-7").write_bytes(b"named like a pack: a leftover of archive-gen's, deleted")
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", built / "sources" / "page.txt")
    code, _, err = invoke("build", "-q", "--config", str(built / "archive.yaml"))
    assert code == 0, err
    assert sorted(p.name for p in theirs.iterdir()) == ["draft.txt"]
    assert (theirs / "draft.txt").read_text(encoding="utf-8") == "not archive-gen's"
    assert [p.name for p in built.iterdir() if p.name.startswith(".site.tmp-")] == [".site.tmp-12345"]
