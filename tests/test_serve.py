"""`archive-gen serve`: path safety, live-reload injection, loopback only, rebuild on a source edit, and
how it stops and fails: Ctrl-C and SIGTERM exit 130, a busy port or no sources exit 2 with one line,
browsers that hang up or idle leave no trace on stderr.

The library is tested in this process (DevServer with the toy stages); the command runs as a real
`archive-gen serve` subprocess and is stopped with real signals (test hooks are DevServer/watch
parameters, never CLI options).
"""

from __future__ import annotations

import _thread
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_gen.build import BuildOptions, BuildSession, build_site
from archive_gen.config import Config
from archive_gen.errors import ServeError
from archive_gen.loader import parse_source, units
from archive_gen.records import _WARM_PAGE
from archive_gen.serve import (
    RELOAD_SCRIPT,
    VERSION_PATH,
    DevServer,
    ServeLimits,
    SiteState,
    bind_server,
    inject_reload,
    make_handler,
    resolve_request,
)
from projects import TAGGER_LOG_ENV, TOY, make_project, tree

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_d00d0f73704abedd.txt"


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


def _get(server: DevServer, path: str, timeout: float = 5) -> tuple[int, bytes, dict[str, str]]:
    host, port = server.url.split("//")[1].rstrip("/").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
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
    assert _get(server, VERSION_PATH)[1] == b"0 0"
    watcher = threading.Thread(target=server.watch, args=(ServeLimits(seconds=20, rebuilds=1),))
    watcher.start()
    time.sleep(0.5)  # let the watcher start before the edit
    (config.sources[0] / "2021-05-14_02.txt").write_text("改过的标题\n正文", encoding="utf-8")
    watcher.join(timeout=25)
    assert not watcher.is_alive()
    assert server.rebuilds == 1
    # the pages landed first (open pages reload once), then the search shard the edit changed (which only
    # the search page reloads for)
    assert _get(server, VERSION_PATH)[1] == b"2 1"
    assert "改过的标题".encode() in _get(server, "/")[1]


def test_an_edit_made_while_a_rebuild_runs_is_rebuilt_too(tmp_path: Path) -> None:
    # the watcher used to restart after every rebuild, so an edit saved during one was never seen
    config = make_project(tmp_path)
    page = config.sources[0] / "2021-05-14_02.txt"
    builds: list[int] = []

    def edit_again_during_the_first_rebuild(result: object) -> None:
        builds.append(1)
        if len(builds) == 2:
            page.write_text("第二次改的标题\n正文", encoding="utf-8")

    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None,
                       on_build=edit_again_during_the_first_rebuild)
    server.build()
    try:
        watcher = threading.Thread(target=server.watch, args=(ServeLimits(seconds=20, rebuilds=2),))
        watcher.start()
        time.sleep(0.5)  # let the watcher start before the edit
        page.write_text("第一次改的标题\n正文", encoding="utf-8")
        watcher.join(timeout=25)
        assert not watcher.is_alive()
        assert server.rebuilds == 2 and len(builds) >= 3  # a rebuild is one or two builds (search deferred)
        home = (config.output / "index.html").read_text(encoding="utf-8")
        assert "第二次改的标题" in home and "第一次改的标题" not in home
    finally:
        server.close()


def test_a_version_request_waits_for_the_next_rebuild_and_is_answered_at_once(
        served: tuple[DevServer, Config]) -> None:
    server, _ = served
    answers: list[tuple[bytes, float]] = []

    def wait() -> None:
        body = _get(server, f"{VERSION_PATH}?since=0", timeout=30)[1]
        answers.append((body, time.monotonic()))

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.5)
    assert waiter.is_alive() and not answers  # held while nothing changed
    bumped = time.monotonic()
    server.state.bump()
    waiter.join(timeout=5)
    assert answers and answers[0][0] == b"1 1" and answers[0][1] - bumped < 0.5
    assert _get(server, f"{VERSION_PATH}?since=0")[1] == b"1 1"  # already newer: no wait
    server.state.bump(pages=False)  # only the search index changed: the site's version moves, the pages' not
    assert _get(server, f"{VERSION_PATH}?since=1")[1] == b"2 1"
    # a request waiting when the server stops is answered, not left hanging
    late = threading.Thread(target=wait)
    late.start()
    time.sleep(0.3)
    server.close()
    late.join(timeout=5)
    assert not late.is_alive() and answers[-1][0] == b"2 1"


def test_watch_stops_by_itself_after_the_time_limit(served: tuple[DevServer, Config]) -> None:
    server, _ = served
    started = time.monotonic()
    server.watch(ServeLimits(seconds=1))
    assert time.monotonic() - started < 5 and server.rebuilds == 0


def test_ctrl_c_is_not_swallowed_by_the_watcher(served: tuple[DevServer, Config]) -> None:
    # the watcher used to catch KeyboardInterrupt and start watching again until the time limit
    server, _ = served
    timer = threading.Timer(1.0, _thread.interrupt_main)
    started = time.monotonic()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            server.watch(ServeLimits(seconds=30))
    finally:
        timer.cancel()
    assert time.monotonic() - started < 10


def test_a_stop_event_ends_watching(served: tuple[DevServer, Config]) -> None:
    server, _ = served
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    server.watch(stop=stop)
    assert time.monotonic() - started < 5 and server.rebuilds == 0


def test_close_without_start_returns_and_frees_the_port(tmp_path: Path) -> None:
    # close() used to wait forever for a serve loop that never started (a failed first build hung serve)
    config = make_project(tmp_path)
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    port = int(server.url.rstrip("/").rsplit(":", 1)[1])
    closer = threading.Thread(target=server.close)
    closer.start()
    closer.join(timeout=5)
    assert not closer.is_alive()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))


def _listening_socket() -> tuple[socket.socket, int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock, sock.getsockname()[1]


def test_a_busy_port_is_named(tmp_path: Path) -> None:
    busy, port = _listening_socket()
    with busy, pytest.raises(ServeError) as info:
        bind_server("127.0.0.1", port, make_handler(SiteState(tmp_path)))
    assert str(info.value) == f"port {port} on 127.0.0.1 is already in use; try --port 0 or another port"
    assert info.value.exit_code == 2


def test_an_unknown_host_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ServeError) as info:
        bind_server("no-such-host.invalid", 0, make_handler(SiteState(tmp_path)))
    assert str(info.value) == ("cannot listen on no-such-host.invalid: no such host name or address; "
                               "try --host 127.0.0.1")


def test_ipv6_loopback_is_served(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>v6</p>")
    httpd = bind_server("::1", 0, make_handler(SiteState(tmp_path)))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    try:
        conn = http.client.HTTPConnection("::1", httpd.server_address[1], timeout=5)
        conn.request("GET", "/")
        assert conn.getresponse().read().startswith(b"<p>v6</p>")
        conn.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


# ---------------------------------------------------------------------------------------------
# the command: a real `archive-gen serve` process with the real stages, stopped by real signals

@pytest.fixture(scope="module")
def serve_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One page of the seeds; the first server builds it, later ones find the site up to date."""
    root = tmp_path_factory.mktemp("serve-project")
    (root / "sources").mkdir()
    shutil.copy(SEED, root / "sources" / SEED.name)
    return root


def _start(root: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "archive_gen", "serve", "--port", "0", "--jobs", "1", *args],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("Serving "):
            return proc, line.split(" at ")[1].split()[0]
    proc.kill()
    raise AssertionError(f"serve did not start: {proc.communicate()[1]}")


def _stop(proc: subprocess.Popen[str], signum: int) -> tuple[int, str]:
    proc.send_signal(signum)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"serve did not stop on signal {signum}: {err[-2000:]}") from None
    return proc.returncode, err


def _port(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1])


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_answers_on_loopback_and_stops_on_a_signal_with_130(serve_project: Path, signum: int) -> None:
    proc, url = _start(serve_project)
    try:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=5) as response:
            page = response.read()
        assert b"<html" in page and RELOAD_SCRIPT in page
        assert RELOAD_SCRIPT not in (serve_project / "site" / "index.html").read_bytes()
        assert tree(serve_project / "site")
    finally:
        code, err = _stop(proc, signum)
    assert code == 130
    assert err == "archive-gen: interrupted; the server stopped\n"
    with socket.socket() as probe:  # nothing listens there any more (a new server could bind it)
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", _port(url)))


@pytest.mark.slow
def test_idle_and_dropped_connections_leave_stderr_silent(serve_project: Path) -> None:
    proc, url = _start(serve_project)
    port = _port(url)
    try:
        clients = []
        for k in range(300):
            client = socket.create_connection(("127.0.0.1", port), timeout=5)
            if k % 3 == 1:
                client.sendall(b"GET /index.html HT")  # half a request line, then nothing
            elif k % 3 == 2:
                client.sendall(b"GET / HTTP/1.0\r\n\r\n")  # a whole request whose answer is never read
            clients.append(client)
        time.sleep(0.5)
        for client in clients:  # hang up with a reset: the server's writes and reads fail
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            client.close()
        time.sleep(1.0)
        with urllib.request.urlopen(url, timeout=5) as response:  # still serving
            assert response.status == 200
    finally:
        code, err = _stop(proc, signal.SIGINT)
    assert code == 130
    assert err == "archive-gen: interrupted; the server stopped\n"


@pytest.mark.slow
def test_a_busy_port_is_one_line_exit_2(serve_project: Path) -> None:
    busy, port = _listening_socket()
    with busy:
        done = subprocess.run([sys.executable, "-m", "archive_gen", "serve", "--port", str(port)],
                              cwd=serve_project, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == f"archive-gen: error: port {port} on 127.0.0.1 is already in use; try --port 0 or " \
                          "another port\n"
    assert done.stdout == ""


@pytest.mark.parametrize(("make", "message"), [
    (lambda root: None, "{root}/sources: source folder not found "
                        "(give page files or folders, or set 'source' in archive.yaml)"),
    (lambda root: (root / "sources").mkdir(), "{root}/sources: no page files (*.txt) found"),
], ids=["no-source-folder", "no-page-files"])
def test_no_sources_fails_like_build_before_taking_the_port(tmp_path: Path, make: object, message: str) -> None:
    # the port is busy: had serve bound it first, it would say so (or, before, hang holding it)
    make(tmp_path)  # type: ignore[operator]
    busy, port = _listening_socket()
    with busy:
        done = subprocess.run([sys.executable, "-m", "archive_gen", "serve", "--port", str(port)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=60)
        built = subprocess.run([sys.executable, "-m", "archive_gen", "build", "-q"],
                               cwd=tmp_path, capture_output=True, text=True, timeout=60)
    expected = f"archive-gen: error: {message.format(root=tmp_path)}\n"
    assert (done.returncode, done.stderr, done.stdout) == (2, expected, "")
    assert (built.returncode, built.stderr) == (2, expected)


@pytest.mark.parametrize("option", ["--stop-after", "--max-rebuilds"])
def test_no_hidden_testing_options(option: str) -> None:
    from click.testing import CliRunner

    from archive_gen.cli import main

    result = CliRunner().invoke(main, ["serve", option, "1"])
    assert result.exit_code == 2 and f"No such option '{option}'" in result.stderr


def test_warming_up_builds_the_tagger_once_so_the_first_edit_does_not(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    config = make_project(tmp_path)
    build_site(config, stages=TOY)  # the cache holds every page: serve's first build parses nothing
    log = tmp_path / "taggers.log"
    monkeypatch.setenv(TAGGER_LOG_ENV, str(log))
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    try:
        assert server.build().pages_parsed == 0
        assert not log.exists()
        server.warm()
        assert log.read_text().splitlines() == [str(os.getpid())]
        (config.sources[0] / "2021-05-14_02.txt").write_text("改过的标题\n正文", encoding="utf-8")
        result = server.build()
        assert result.pages_parsed == 1
        assert log.read_text().splitlines() == [str(os.getpid())]  # the edit used the warm tagger
    finally:
        server.close()


def test_the_warm_up_page_builds_the_loaders_own_tokenizer_so_a_days_first_page_does_not() -> None:
    # the loader asks its own jieba tokenizer whether a word spans a column break (~0.13 s to build): a warm-up
    # page without such a break left that to the first real page, on a day's build's longest path
    units._segmenter.cache_clear()
    parse_source(_WARM_PAGE, "<warm-up>", None)
    assert "_engine" in units._segmenter().__dict__


def test_the_warm_up_page_reads_as_a_story_with_a_byline_through_the_real_stages(tmp_path: Path) -> None:
    page, _ = parse_source(_WARM_PAGE, "<warm-up>", None)
    stories = [item for item in page.items if item.kind == "article"]
    assert stories and stories[0].title == "职工技能大赛决赛开幕"
    assert stories[0].byline is not None and stories[0].byline.reporters  # the byline grammar ran
    config = make_project(tmp_path)
    config.cache_dir.mkdir(parents=True)
    BuildSession().warm(config)  # the real parser and tagger: raises if the sample breaks either
