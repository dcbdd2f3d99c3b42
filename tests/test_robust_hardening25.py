"""Hardening round 25: caches, concurrency, signals and `serve`, through real `archive-gen serve` processes and
real files. serve's watcher watched every folder below the sources recursively, following every link to a
folder: a link in the sources to / or /usr (which the build skips, as a link out of the source folder) had it walk
and watch that whole tree (10,000 inotify watches for /usr, the machine's limit for /), and an edit was seen
seconds later, or never. Each test failed before its fix (docs/robustness.md "Round 25")."""

from __future__ import annotations

import glob
import os
import shutil
import time
from pathlib import Path

import pytest

from robust_util import SEED
from test_robust_hardening23 import Serve

pytestmark = pytest.mark.skipif(not Path("/proc/self/fdinfo").is_dir(), reason="counts inotify watches in /proc")


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
