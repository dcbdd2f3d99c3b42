"""`archive-gen serve`: path safety, live-reload injection, loopback only, rebuild on a source edit."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_gen.build import BuildOptions
from archive_gen.config import Config
from archive_gen.serve import (
    RELOAD_SCRIPT,
    VERSION_PATH,
    DevServer,
    ServeLimits,
    inject_reload,
    resolve_request,
)
from projects import TOY, make_project, tree


def test_resolve_request_maps_folders_to_index_and_refuses_escapes(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "a").mkdir(parents=True)
    (root / "index.html").write_text("home")
    (root / "a" / "index.html").write_text("a")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link-out.txt").symlink_to(tmp_path / "secret.txt")
    (root / "dir-out").symlink_to(tmp_path)
    (root / "link-in.html").symlink_to(root / "index.html")
    assert resolve_request(root, "/") == (root / "index.html").resolve()
    assert resolve_request(root, "/a/?q=1") == (root / "a" / "index.html").resolve()
    assert resolve_request(root, "/%61/index.html") == (root / "a" / "index.html").resolve()
    assert resolve_request(root, "/link-in.html") == (root / "index.html").resolve()
    for bad in ("/../secret.txt", "/a/../../secret.txt", "/%2e%2e/secret.txt", "/link-out.txt",
                "/dir-out/secret.txt", "/missing.html", "/a\\..\\..\\secret.txt", "/x%00.html"):
        assert resolve_request(root, bad) is None, bad


def test_reload_script_goes_before_the_last_body_end() -> None:
    assert inject_reload(b"<p>x</p></BODY></html>") == b"<p>x</p>" + RELOAD_SCRIPT + b"</BODY></html>"
    assert inject_reload(b"<p>no body") == b"<p>no body" + RELOAD_SCRIPT


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[DevServer, Config]]:
    config = make_project(tmp_path)
    (tmp_path / "outside.txt").write_text("secret")
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    server.build()
    (config.output / "escape.txt").symlink_to(tmp_path / "outside.txt")
    server.start()
    try:
        yield server, config
    finally:
        server.close()


def _get(server: DevServer, path: str) -> tuple[int, bytes, dict[str, str]]:
    host, port = server.url.split("//")[1].rstrip("/").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.request("GET", path)  # http.client sends the path as given: no client-side normalisation
        response = conn.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        conn.close()


def test_serves_the_site_on_loopback_with_reload_only_in_responses(served: tuple[DevServer, Config]) -> None:
    server, config = served
    assert server.url.startswith("http://127.0.0.1:")
    status, body, headers = _get(server, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.startswith(b"<!DOCTYPE html>") and "<title>档案</title>".encode() in body and RELOAD_SCRIPT in body
    assert RELOAD_SCRIPT not in (config.output / "index.html").read_bytes()
    status, body, _ = _get(server, "/static/style.css")
    assert (status, body) == (200, (config.output / "static" / "style.css").read_bytes())
    status, body, headers = _get(server, "/items")
    assert status in (301, 404)


def test_refuses_traversal_and_symlinks_out(served: tuple[DevServer, Config]) -> None:
    server, _ = served
    assert _get(server, "/../outside.txt")[0] == 403
    assert _get(server, "/items/../../outside.txt")[0] == 403
    assert _get(server, "/%2e%2e/outside.txt")[0] == 403
    status, body, _ = _get(server, "/escape.txt")
    assert status == 404 and b"secret" not in body


def test_rebuilds_after_a_source_edit_and_bumps_the_version(served: tuple[DevServer, Config]) -> None:
    server, config = served
    assert _get(server, VERSION_PATH)[1] == b"0"
    watcher = threading.Thread(target=server.watch, args=(ServeLimits(seconds=20, rebuilds=1),))
    watcher.start()
    time.sleep(0.5)  # let the watcher start before the edit
    (config.sources[0] / "2021-05-14_02.txt").write_text("改过的标题\n正文", encoding="utf-8")
    watcher.join(timeout=25)
    assert not watcher.is_alive()
    assert server.rebuilds == 1
    assert _get(server, VERSION_PATH)[1] == b"1"
    assert "改过的标题".encode() in _get(server, "/")[1]


def test_watch_stops_by_itself_after_the_time_limit(served: tuple[DevServer, Config]) -> None:
    server, _ = served
    started = time.monotonic()
    server.watch(ServeLimits(seconds=1))
    assert time.monotonic() - started < 5 and server.rebuilds == 0


# ---------------------------------------------------------------------------------------------
# the command (real stages)

@pytest.mark.slow
def test_serve_command_answers_on_loopback_and_stops_by_itself(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_d00d0f73704abedd.txt"
    (tmp_path / "sources" / seed.name).write_bytes(seed.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "archive_gen", "serve", "--port", "0", "--jobs", "1",
                             "--stop-after", "20"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        url = None
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("Serving "):
                url = line.split(" at ")[1].split()[0]
                break
        assert url and url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=5) as response:
            page = response.read()
        assert b"<html" in page and RELOAD_SCRIPT in page
        assert RELOAD_SCRIPT not in (tmp_path / "site" / "index.html").read_bytes()
        assert tree(tmp_path / "site")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
