"""Hardening round 25: caches, concurrency, signals and `serve`, through real `archive-gen serve` processes and
real files. serve's watcher watched every folder below the sources recursively, following every link to a
folder: a link in the sources to / or /usr (which the build skips, as a link out of the source folder) had it walk
and watch that whole tree (10,000 inotify watches for /usr, the machine's limit for /), and an edit was seen
seconds later, or never. The loader's tables folder in the temp folder (``$TMPDIR/archive-gen-<uid>``) was used
when another user had made it, or when others could write in it. Each test failed before its fix
(docs/robustness.md "Round 25")."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from robust_util import REPO, SEED, tree_state
from test_robust_hardening23 import Serve

SRC = REPO / "src"


def _watches(pid: int) -> int:
    """The inotify watches process ``pid`` holds."""
    found = 0
    for info in glob.glob(f"/proc/{pid}/fdinfo/*"):
        try:
            with open(info, encoding="ascii", errors="replace") as handle:
                found += sum(line.startswith("inotify wd:") for line in handle)
        except OSError:
            pass
    return found


def _project(root: Path, extra: str = "") -> Path:
    (root / "sources").mkdir(parents=True)
    shutil.copy(SEED, root / "sources" / "2021-05-14_01.txt")
    (root / "archive.yaml").write_text("source: sources\noutput: site\n" + extra, encoding="utf-8")
    return root / "sources" / "2021-05-14_01.txt"


def _edit(page: Path, title: str) -> None:
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{title}\n\n本报讯 这是一条新的消息。\n", encoding="utf-8")


def _rebuilt(serve: Serve, timeout: float = 15.0) -> str:
    return Serve.wait_for(serve.lines, "rebuilt", timeout)


def _stopped(serve: Serve) -> list[str]:
    serve.proc.send_signal(2)
    serve.proc.wait(10)
    return Serve.drain(serve.err)


proc = pytest.mark.skipif(not Path("/proc/self/fdinfo").is_dir(), reason="counts inotify watches in /proc")


@proc
@pytest.mark.skipif(not Path("/usr/lib").is_dir(), reason="needs a big folder outside the project")
def test_a_link_out_of_the_sources_is_not_watched_and_edits_are_seen_at_once(tmp_path: Path) -> None:
    page = _project(tmp_path)
    os.symlink("/usr", tmp_path / "sources" / "usr")  # skipped by the build: a link out of the source folder
    serve = Serve(tmp_path)
    try:
        time.sleep(1.0)  # the watcher is up
        assert _watches(serve.proc.pid) < 50  # was 10,269: every folder of /usr
        _edit(page, "新闻标题测试")
        assert "files written" in _rebuilt(serve)  # was seen 5 s later (a link to /: not within 40 s)
    finally:
        err = _stopped(serve)
    assert err[-1] == "archive-gen: interrupted; the server stopped\n", err
    assert "Traceback" not in "".join(err)


# guards: what the build reads is still watched, and what it skips stays unwatched


@proc
def test_a_link_to_a_big_tree_added_while_serving_holds_no_later_edit_up(tmp_path: Path) -> None:
    page = _project(tmp_path)
    outside = tmp_path / "elsewhere"
    for a in range(15):
        for b in range(15):
            (outside / f"a{a}" / f"b{b}").mkdir(parents=True)
    serve = Serve(tmp_path)
    try:
        time.sleep(1.0)  # the watcher is up
        os.symlink(outside, tmp_path / "sources" / "elsewhere")
        time.sleep(1.5)
        Serve.drain(serve.lines)  # (the link may be a rebuild that writes nothing: the build skips it)
        assert _watches(serve.proc.pid) < 20  # (a link made while serving was not walked before either)
        _edit(page, "新闻标题测试")
        assert "files written" in _rebuilt(serve)
    finally:
        _stopped(serve)


def test_a_folder_made_while_serving_is_watched_once_made(tmp_path: Path) -> None:
    _project(tmp_path)
    serve = Serve(tmp_path)
    try:
        time.sleep(1.0)  # the watcher is up
        (tmp_path / "sources" / "2021" / "05").mkdir(parents=True)
        time.sleep(1.5)
        Serve.drain(serve.lines)
        day = tmp_path / "sources" / "2021" / "05" / "2021-05-15_01.txt"
        shutil.copy(SEED, day)
        assert "files written" in _rebuilt(serve)
        time.sleep(0.5)
        _edit(day, "新闻标题测试")  # an edit inside the new folder, once the watcher watches it
        assert "files written" in _rebuilt(serve)
    finally:
        _stopped(serve)


def test_a_folder_replaced_by_another_of_its_name_while_serving_is_watched(tmp_path: Path) -> None:
    # guard of the watch without recursion: the folder moved in under the old one's name is watched, not the old one
    _project(tmp_path)
    day = tmp_path / "sources" / "2021"
    day.mkdir()
    shutil.copy(SEED, day / "2021-05-15_01.txt")
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEED, other / "2021-05-16_01.txt")
    serve = Serve(tmp_path)
    try:
        time.sleep(1.0)  # the watcher is up
        day.rename(tmp_path / "old")
        other.rename(day)
        assert "files written" in _rebuilt(serve)
        time.sleep(1.5)
        Serve.drain(serve.lines)
        _edit(day / "2021-05-16_01.txt", "新闻标题测试")
        assert "files written" in _rebuilt(serve)
        time.sleep(1.5)
        Serve.drain(serve.lines)  # (its search shards follow)
        _edit(tmp_path / "old" / "2021-05-15_01.txt", "另一标题")  # no longer a source
        time.sleep(1.5)
        assert Serve.drain(serve.lines) == []
    finally:
        _stopped(serve)


def test_serve_sees_an_edit_at_the_bottom_of_a_source_tree_800_folders_deep_at_once(tmp_path: Path) -> None:
    # guard of the watch without recursion: each folder watched on its own, known by its inode (by its realpath,
    # which looks at every folder above it, the watcher took 17 s to start on a tree 1,000 deep)
    _project(tmp_path)
    deep = tmp_path / "sources"
    for _ in range(800):
        deep = deep / "a"
        deep.mkdir()
    page = deep / "2021-05-15_01.txt"
    shutil.copy(SEED, page)
    serve = Serve(tmp_path)
    try:
        time.sleep(2.0)  # the watcher is up
        _edit(page, "新闻标题测试")
        assert "files written" in _rebuilt(serve, 6.0)
    finally:
        _stopped(serve)
        page.unlink()
        while deep != tmp_path / "sources":  # (shutil.rmtree recurses)
            deep.rmdir()
            deep = deep.parent


@proc
def test_a_link_the_build_follows_is_watched_and_a_loop_of_links_ends(tmp_path: Path) -> None:
    _project(tmp_path, "follow_symlinks: true\n")
    outside = tmp_path / "shared" / "deep"
    outside.mkdir(parents=True)
    shared = outside / "2021-05-15_01.txt"
    shutil.copy(SEED, shared)
    os.symlink(tmp_path / "shared", tmp_path / "sources" / "shared")
    os.symlink("..", outside / "loop")  # shared/deep/loop -> shared: each folder is watched once
    serve = Serve(tmp_path)
    try:
        time.sleep(1.0)
        assert _watches(serve.proc.pid) < 20
        _edit(shared, "新闻标题测试")  # a page the build reads through the link
        assert "files written" in _rebuilt(serve)
    finally:
        _stopped(serve)


# ---------------------------------------------------------------------------------------------
# the per-user tables folder in the temp folder, which every user may write in


def _build_with_temp(root: Path, temp: Path) -> dict[str, tuple[object, ...]]:
    """Build the seed in ``root`` with ``temp`` as the temp folder; the site's state."""
    temp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(temp), "XDG_CACHE_HOME": str(root / "xdg"),
           "PYTHONPATH": os.environ.get("PYTHONPATH") or str(SRC)}
    done = subprocess.run([sys.executable, "-m", "archive_gen", "build", "-q", "-j", "2"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return {rel: (state[0], state[-1]) for rel, state in tree_state(root / "site").items()}  # not the mtimes


@pytest.mark.parametrize("foreign", ["world-writable", "another user's"])
def test_a_tables_folder_in_the_temp_folder_others_can_write_is_neither_read_nor_written(
        tmp_path: Path, foreign: str) -> None:
    # the loader's segmenter keeps its tables in $TMPDIR/archive-gen-<uid>: a folder of that name someone else
    # made first (/tmp is everyone's), or one others may write in, was used: its tables read, ours written into it
    if foreign == "another user's" and os.getuid() != 0:
        pytest.skip("making a folder of another user's needs root")
    _project(tmp_path / "a")
    _project(tmp_path / "b")
    clean = _build_with_temp(tmp_path / "a", tmp_path / "t1")
    planted = tmp_path / "t2" / f"archive-gen-{os.getuid()}"
    planted.mkdir(parents=True)
    if foreign == "another user's":
        os.chown(planted, 65534, 65534)
        planted.chmod(0o755)
    else:
        planted.chmod(0o777)
    before = tree_state(tmp_path / "t2")
    assert _build_with_temp(tmp_path / "b", tmp_path / "t2") == clean
    assert tree_state(tmp_path / "t2") == before  # was: words-….marshal written into it
    assert list((tmp_path / "t1").iterdir()) == [tmp_path / "t1" / f"archive-gen-{os.getuid()}"]


def test_the_users_own_private_tables_folder_in_the_temp_folder_is_used(tmp_path: Path) -> None:
    # guard: a folder of this user's that others cannot write in (0755 as an earlier archive-gen made it, 0700)
    _project(tmp_path)
    own = tmp_path / "t" / f"archive-gen-{os.getuid()}"
    own.mkdir(parents=True, mode=0o755)
    own.chmod(0o755)
    _build_with_temp(tmp_path, tmp_path / "t")
    assert [p.name[:6] for p in own.iterdir()] == ["words-"]
