"""Hardening round 23: `serve` and what an archivist does to the folder while it runs, through real `archive-gen
serve` processes, real files and real HTTP. archive.yaml deleted while serving built the defaults (another
source folder into another output) and served that; a file no build reads dropped into a source folder (a
scan, notes, an editor's scratch file) was a rebuild and a "0 files written" line each. Each test failed
before its fix (docs/robustness.md "Round 23")."""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from robust_util import SEEDS, two_seed_project


class Serve:
    """A real `archive-gen serve --port 0` in ``root``; its stdout lines are read as they come."""

    def __init__(self, root: Path, *args: str, started: bool = True) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "archive_gen", "serve", "--port", "0", "--jobs", "1",
                                      *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.lines: queue.Queue[str] = queue.Queue()
        self.err: queue.Queue[str] = queue.Queue()
        for stream, into in ((self.proc.stdout, self.lines), (self.proc.stderr, self.err)):
            threading.Thread(target=lambda s=stream, q=into: [q.put(line) for line in s or ()], daemon=True).start()
        self.url = ""
        self.before: list[str] = []  # the lines before "Serving …"
        if started:
            self.serving()

    def serving(self) -> None:
        """Wait for "Serving … at URL" (the lines before it in ``before``)."""
        deadline = time.monotonic() + 20
        while not self.url and time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            if line.startswith("Serving "):
                self.url = line.split(" at ")[1].split()[0]
            else:
                self.before.append(line)
        if not self.url:
            self.stop()
            time.sleep(0.2)
            raise AssertionError("serve did not start: " + "".join(self.drain(self.err)))

    @staticmethod
    def drain(lines: queue.Queue[str]) -> list[str]:
        found = []
        with contextlib.suppress(queue.Empty):
            while True:
                found.append(lines.get_nowait())
        return found

    @staticmethod
    def wait_for(lines: queue.Queue[str], start: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
                if line.startswith(start):
                    return line
        raise AssertionError(f"no line starting {start!r} within {timeout} s")

    def get(self, path: str = "") -> bytes:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return response.read()

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return self.proc.returncode


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build cache holding the seeds' pages: each test's first build reads them from it (a cold one took
    seconds of a busy machine)."""
    root = tmp_path_factory.mktemp("cache")
    (root / "sources").mkdir()
    for seed in sorted(SEEDS.glob("00[0-2]_*.txt")):
        shutil.copy(seed, root / "sources")
    subprocess.run([sys.executable, "-m", "archive_gen", "build", "-q", "--jobs", "1"], cwd=root, check=True)
    return root / ".archive-cache"


@contextlib.contextmanager
def serving(root: Path, *args: str, cache: Path | None = None) -> Iterator[Serve]:
    if cache is not None and not (root / ".archive-cache").exists():
        shutil.copytree(cache, root / ".archive-cache")
    server = Serve(root, *args)
    try:
        yield server
    finally:
        server.stop()


# ---------------------------------------------------------------------------------------------
# archive.yaml deleted while serving


@pytest.mark.parametrize("link", [False, True], ids=["file", "link"])
def test_archive_yaml_deleted_while_serving_is_said_and_the_last_good_site_stays(tmp_path: Path, cache: Path,
                                                                                link: bool) -> None:
    # the rebuild read the defaults: `sources/` (another folder of pages) built into a new `site/`, and that site
    # served in place of the archive's, without a word
    (tmp_path / "pages").mkdir()
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", tmp_path / "pages")
    (tmp_path / "sources").mkdir()
    shutil.copy(SEEDS / "000_d00d0f73704abedd.txt", tmp_path / "sources" / "2021-05-14_01.txt")
    config = tmp_path / "archive.yaml"
    text = "source: pages\noutput: public\ntitle: 我的档案\n"
    if link:  # archive.yaml a link to the config kept elsewhere: the link is what goes
        (tmp_path / "shared.yaml").write_text(text.replace("pages", str(tmp_path / "pages"))
                                              .replace("public", str(tmp_path / "public")), encoding="utf-8")
        config.symlink_to(tmp_path / "shared.yaml")
    else:
        config.write_text(text, encoding="utf-8")
    with serving(tmp_path, cache=cache) as server:
        assert "我的档案" in server.get().decode()
        config.unlink()
        if link:  # the link is no watched file (its target is): the next edit finds it gone
            page = tmp_path / "pages" / "001_71b934195b22698b.txt"
            page.write_bytes(page.read_bytes() + "\n\n本报讯 工人们在车间里忙碌。\n".encode())
        said = server.wait_for(server.err, "archive-gen:")
        assert said == (f"archive-gen: error: {config}: config file not found (it was removed while serving; "
                        "the last good site stays served until it is back)\n")
        assert not (tmp_path / "site").exists()
        assert "我的档案" in server.get().decode()
        config.write_text("source: pages\noutput: public\ntitle: 我的新档案\n", encoding="utf-8")
        server.wait_for(server.lines, "rebuilt")
        assert "我的新档案" in server.get().decode()
        time.sleep(0.5)
        assert server.drain(server.err) == []  # said once
    assert not (tmp_path / "site").exists()


def test_serve_without_a_config_file_still_reads_one_made_while_serving(tmp_path: Path, cache: Path) -> None:
    # guard: a project served on the defaults (no archive.yaml) is no project whose config went away
    (tmp_path / "sources").mkdir()
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", tmp_path / "sources")
    with serving(tmp_path, cache=cache) as server:
        (tmp_path / "archive.yaml").write_text("source: sources\noutput: site\ntitle: 新名字\n", encoding="utf-8")
        server.wait_for(server.lines, "rebuilt")
        assert "新名字" in server.get().decode()
        assert server.drain(server.err) == []


# ---------------------------------------------------------------------------------------------
# files no build reads, dropped into a source folder


def test_files_no_build_reads_in_a_source_folder_start_no_rebuild(tmp_path: Path, cache: Path) -> None:
    # each was a rebuild that wrote nothing, and a "rebuilt in 0.01 s: 0 files written" line
    two_seed_project(tmp_path)
    src = tmp_path / "sources"
    with serving(tmp_path, cache=cache) as server:
        time.sleep(1.0)  # the watcher is up (a change before it is compared with the first build's files)
        (src / "4913").write_bytes(b"")  # vim's probe of the folder, made and deleted at once
        (src / "4913").unlink()
        (src / "#2021-05-14_01.txt#").write_bytes(b"x")  # emacs' auto-save
        (src / "scan.PDF").write_bytes(b"%PDF-1.4")
        (src / "notes.md").write_text("校对记录\n", encoding="utf-8")
        (src / ".sync").mkdir()
        (src / ".sync" / "2021-05-16_01.txt").write_bytes(b"x")
        (src / "#2021-05-14_01.txt#").unlink()
        time.sleep(0.8)
        page = src / "2021-05-14_01.txt"
        page.write_bytes(page.read_bytes() + "\n\n本报讯 工人们在车间里忙碌。\n".encode())
        first = server.wait_for(server.lines, "rebuilt")
        assert " 0 files written" not in first, first
        assert server.drain(server.err) == []


def test_a_folder_moved_in_and_away_and_a_note_renamed_to_a_page_are_rebuilt(tmp_path: Path, cache: Path) -> None:
    # guard: a folder moved away leaves one event, its name (no .txt): it is rebuilt; so is notes.md → notes.txt
    two_seed_project(tmp_path)
    src = tmp_path / "sources"
    (tmp_path / "away").mkdir()
    day = tmp_path / "away" / "2021-05"
    day.mkdir()
    shutil.copy(SEEDS / "002_af3854c40ad81c88.txt", day / "2021-05-15_01.txt")
    with serving(tmp_path, cache=cache) as server:
        day.rename(src / "2021-05")
        assert " 0 files written" not in server.wait_for(server.lines, "rebuilt")
        time.sleep(1.0)
        server.drain(server.lines)
        (src / "2021-05").rename(day)
        assert " 0 files written" not in server.wait_for(server.lines, "rebuilt")
        time.sleep(1.0)
        notes = src / "notes.md"
        shutil.copy(SEEDS / "002_af3854c40ad81c88.txt", notes)
        time.sleep(0.8)
        server.drain(server.lines)
        notes.rename(src / "2021-05-17_01.txt")
        assert " 0 files written" not in server.wait_for(server.lines, "rebuilt")


# ---------------------------------------------------------------------------------------------
# the address in the warning


def _ipv6() -> bool:
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET6) as probe:
        probe.bind(("::", 0))
        return True
    return False


@pytest.mark.skipif(not _ipv6(), reason="no IPv6 on this machine")
def test_the_warning_for_every_ipv6_address_shows_it_in_brackets(tmp_path: Path, cache: Path) -> None:
    # "archive-gen: warning: listening on ::: other machines can reach this server"
    two_seed_project(tmp_path)
    shutil.copytree(cache, tmp_path / ".archive-cache")
    server = Serve(tmp_path, "--host", "::")
    server.stop()
    assert server.url.startswith("http://[::]:")
    said = [line for line in server.drain(server.err) if "warning" in line]
    assert said == ["archive-gen: warning: listening on [::]: other machines can reach this server\n"]


# ---------------------------------------------------------------------------------------------
# two serves (or serve and build) of one project

HOLD = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.lockf(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()  # held until the test says
"""


def test_serve_started_during_another_build_of_its_output_waits_for_it(tmp_path: Path, cache: Path) -> None:
    # a second serve of the project started while the first rebuilt an edit (or serve beside `archive-gen
    # build`) ended at once: "another build of this output folder is running (pid N)", exit 2; its rebuilds
    # already waited for the other build
    two_seed_project(tmp_path)
    shutil.copytree(cache, tmp_path / ".archive-cache")
    lock = tmp_path / "site" / ".archive-gen" / "build.lock"
    lock.parent.mkdir(parents=True)
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(lock)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    try:
        assert other.stdout is not None and other.stdout.readline() == "held\n"
        server = Serve(tmp_path, started=False)
        try:
            assert server.wait_for(server.lines, "/", timeout=10) == (
                f"{tmp_path / 'site'}: another build of this output folder is running; waiting for it…\n")
            assert other.poll() is None
            other.stdin.write("go\n")
            other.stdin.close()
            server.serving()
            assert server.before[0].startswith("built 2 pages")
            assert b"<html" in server.get()
        finally:
            assert server.stop() == 130
    finally:
        other.kill()
        other.wait()


# ---------------------------------------------------------------------------------------------
# the reader of serve's output goes away


def test_serve_goes_on_when_the_reader_of_its_output_goes_away(tmp_path: Path, cache: Path) -> None:
    # `archive-gen serve | head -1`, a script that read the first line and closed its pipe: serve ended with
    # "archive-gen: error: Broken pipe", exit 2, at its next line (the address); the server stopped
    two_seed_project(tmp_path)
    shutil.copytree(cache, tmp_path / ".archive-cache")
    read, write = os.pipe()
    proc = subprocess.Popen([sys.executable, "-m", "archive_gen", "serve", "--port", "0", "--jobs", "1"],
                            cwd=tmp_path, stdout=write, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    os.close(write)
    try:
        with os.fdopen(read) as out:
            assert out.readline().startswith("built 2 pages")
        page = tmp_path / "sources" / "2021-05-14_01.txt"
        page.write_bytes(page.read_bytes() + "\n\n本报讯 工人们在车间里忙碌。\n".encode())
        deadline = time.monotonic() + 8
        while "车间里忙碌" not in _all_pages(tmp_path / "site") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert proc.poll() is None
        assert "车间里忙碌" in _all_pages(tmp_path / "site")
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert (proc.returncode, err) == (130, "archive-gen: interrupted; the server stopped\n")


def _all_pages(site: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html"))


# ---------------------------------------------------------------------------------------------
# the output folder replaced by a file of the user's


def test_a_file_put_where_the_site_was_is_not_served_and_its_removal_is_rebuilt(tmp_path: Path, cache: Path) -> None:
    # the user's file was served as the site's "/" (200, its bytes), and once it was removed nothing was rebuilt:
    # every page a 404 until some source was edited (a missing folder looked the same as the file)
    two_seed_project(tmp_path)
    site = tmp_path / "site"
    with serving(tmp_path, cache=cache) as server:
        shutil.rmtree(site)
        site.write_text("我的笔记\n", encoding="utf-8")
        said = server.wait_for(server.err, "archive-gen:")
        assert said == f"archive-gen: error: {site}: output path exists and is not a folder\n"
        with pytest.raises(urllib.error.HTTPError) as refused:
            server.get()
        assert refused.value.code == 404 and "我的笔记" not in refused.value.read().decode()
        assert site.read_text(encoding="utf-8") == "我的笔记\n"  # left as it is
        site.unlink()
        server.wait_for(server.lines, "rebuilt")
        assert b"<html" in server.get()
        assert server.drain(server.err) == []
