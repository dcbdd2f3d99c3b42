"""Hardening round 14: faults found by attacking `serve` with the ways editors and tools write files, with
requests during a rebuild and with other builds of the same output: a page saved by truncating and then
writing, a page asked for while its file was being rewritten, and a rebuild that met another build. Each test
failed before its fix. (Editors' other save patterns, git checkouts, appends, caching headers, HEAD, dropped
clients and live reload were attacked too and were already right: docs/robustness.md "Round 14".)"""

from __future__ import annotations

import contextlib
import http.client
import os
import queue
import resource
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from archive_gen import writer
from archive_gen.build import BuildOptions, build_site
from archive_gen.serve import RELOAD_SCRIPT, DevServer
from projects import TOY, make_project, site_tree
from robust_util import SEED

PAGE = "2021-05-14_01.txt"
TEXT = "工人罢工\n工厂里\n\n第二篇\n正文\n"
OTHER = {"2021-05-15_01.txt": "新就业形态\n快递员入会\n"}


def _server(tmp_path: Path, said: list[str] | None = None) -> DevServer:
    config = make_project(tmp_path, {PAGE: TEXT, **OTHER})
    return DevServer(lambda: config, BuildOptions(), port=0, stages=TOY,
                     echo=(said.append if said is not None else lambda line: None))


def test_serve_reads_a_page_again_when_an_editor_truncated_it_and_is_still_writing(tmp_path: Path) -> None:
    # an editor that saves by truncating and then writing (or rsync --inplace) was caught in between: serve
    # said "empty file, not a text page" and reloaded open pages into a site without the page
    server = _server(tmp_path)
    try:
        server.build()
        page = tmp_path / "sources" / PAGE
        page.write_bytes(b"")
        writing = threading.Timer(0.3, lambda: page.write_text(TEXT + "\n第三篇\n正文\n", encoding="utf-8"))
        writing.start()
        result = server.build()
        writing.join()
        assert not result.errors, result.errors
        assert result.items == 4
        # a page that stays empty is read empty (the real parser reports it) after one wait, not one a read
        page.write_bytes(b"")
        started = time.monotonic()
        result = server.build()
        assert result.items == 1 and time.monotonic() - started < 1.8
    finally:
        server.close()
    # `build` reads what is there at once
    page.write_bytes(b"")
    started = time.monotonic()
    result = build_site(server.config, BuildOptions(), stages=TOY)
    assert result.items == 1 and time.monotonic() - started < 0.9


def test_a_page_asked_for_while_a_rebuild_rewrites_it_is_the_old_or_the_new_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a rebuild rewrites a changed file in place: a request answered meanwhile got the new bytes followed by
    # the old file's tail (or an empty new file), a page that was never built
    server = _server(tmp_path)
    server.build()
    server.start()
    index = tmp_path / "site" / "index.html"
    old = index.read_bytes()
    halfway, answered = threading.Event(), threading.Event()
    put = writer.put_in_place

    def slow_put(target: str, data: bytes, *, new: bool = False) -> None:
        if target == str(index) and not halfway.is_set():
            with open(target, "r+b") as fh:  # the first half of the new bytes over the old ones
                fh.write(data[: len(data) // 2])
            halfway.set()
            answered.wait(1.5)
        put(target, data, new=new)

    monkeypatch.setattr(writer, "put_in_place", slow_put)
    got: list[bytes] = []

    def ask() -> None:
        halfway.wait(20)
        host, port = server.url[len("http://"):].rstrip("/").rsplit(":", 1)
        conn = http.client.HTTPConnection(host, int(port), timeout=20)
        conn.request("GET", "/index.html")
        got.append(conn.getresponse().read())
        conn.close()
        answered.set()

    asker = threading.Thread(target=ask)
    asker.start()
    try:
        (tmp_path / "sources" / PAGE).write_text("新的标题很长" * 40 + "\n正文\n", encoding="utf-8")
        server.build(announce=True)
        asker.join(30)
    finally:
        answered.set()
        server.close()
    new = index.read_bytes()
    assert new != old and got
    assert got[0].replace(RELOAD_SCRIPT, b"") in (old, new)


HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_serve_waits_for_another_build_of_its_output_and_reloads_open_pages(tmp_path: Path) -> None:
    # a second serve of the project, or `archive-gen build` beside serve, held the output's lock: serve said
    # "another build of this output folder is running" for the edit and told no open page to reload
    said: list[str] = []
    server = _server(tmp_path, said)
    try:
        server.build()
        other = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "site" / writer.LOCK_PATH), "0.8"],
                                 stdout=subprocess.PIPE, text=True)
        assert other.stdout is not None and other.stdout.readline() == "held\n"
        before = server.state.version
        (tmp_path / "sources" / PAGE).write_text(TEXT + "\n第三篇\n正文\n", encoding="utf-8")
        server._rebuild()
        other.wait(10)
        assert not [line for line in said if "error" in line], said
        assert server.state.version > before
    finally:
        server.close()
    cold = tmp_path / "cold"
    build_site(make_project(cold, {PAGE: TEXT + "\n第三篇\n正文\n", **OTHER}), BuildOptions(), stages=TOY)
    assert site_tree(tmp_path / "site") == site_tree(cold / "site")


def _low_descriptor_limit() -> None:  # in the serve process only (a preexec_fn)
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))


def test_serve_builds_an_edit_while_hundreds_of_idle_connections_are_open(tmp_path: Path) -> None:
    # every idle connection held a descriptor: 300 of them under `ulimit -n 256` took them all, the rebuild of
    # the next edit failed ("cannot read config file: Too many open files") and was never tried again
    (tmp_path / "sources").mkdir()
    page = tmp_path / "sources" / "2021-05-14_01.txt"
    shutil.copy(SEED, page)
    proc = subprocess.Popen([sys.executable, "-m", "archive_gen", "serve", "--port", "0", "--jobs", "1"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=_low_descriptor_limit)
    held: list[socket.socket] = []
    try:
        assert proc.stdout is not None
        url = next(line for line in proc.stdout if line.startswith("Serving ")).split(" at ")[1].split()[0]
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        for _ in range(300):
            try:
                held.append(socket.create_connection(("127.0.0.1", port), timeout=2))
            except OSError:
                break
        time.sleep(0.5)
        page.write_bytes(page.read_bytes() + "\n\n本报讯 工人们在车间里忙碌。\n".encode())
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout or ()], daemon=True).start()
        rebuilt = ""
        with contextlib.suppress(queue.Empty):
            while not rebuilt.startswith("rebuilt"):
                rebuilt = lines.get(timeout=10)
        for conn in held:
            conn.close()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
    finally:
        for conn in held:
            conn.close()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert rebuilt and "error" not in err, err
