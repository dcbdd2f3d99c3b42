"""`archive-gen serve`: build, serve the output folder on loopback, rebuild on change and reload the browser.

The server only reads files that resolve inside the output folder (no ``..``, no symlinks out). A tiny
live-reload script is injected into HTML *responses* only; the files on disk are never changed. Browsers
that hang up early or idle are dropped without a word; Ctrl-C (and SIGTERM, turned into it by the CLI)
ends :meth:`DevServer.watch` with KeyboardInterrupt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import ipaddress
import mimetypes
import os
import posixpath
import re
import resource
import socket
import socketserver
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar

from .build import BuildOptions, BuildResult, BuildSession, build_site
from .config import CONFIG_NAME, Config
from .errors import ArchiveGenError, OutputBusy, ServeError, count, os_error_text, shown
from .records import Stages
from .search import SEARCH_DIR
from .sources import PAGE_SUFFIX, walk_folders
from .writer import MANIFEST_PATH, WriteResult

IDLE_SECONDS = 30  # a connection that sends no request for this long is closed (and frees its thread)

# a source read empty though just written (an editor truncated it and is writing), or changing while read, is
# read again for up to this long before it is reported (sources.read_bytes)
SETTLE_SECONDS = 1.0

# a request read during a rebuild's commit is read again (SiteState.steady): this many times at most, each
# waiting this long at most for the files to be in place
STEADY_TRIES = 20
# a rebuild that finds another build of the output running (`archive-gen build`, a second serve of the
# project) waits for it this long at most, looking every BUSY_STEP seconds, then builds
BUSY_SECONDS = 120.0
BUSY_STEP = 0.1
STEADY_WAIT = 10.0

VERSION_PATH = "/__archive_gen/version"
WAIT_SECONDS = 20  # a version request with ?since= is held this long at most (below IDLE_SECONDS)
# long polling: the request for the next version is answered the moment a rebuild lands, so an open page
# reloads at once (a timer would add up to its period to every edit). The answer is "SITE PAGES": the search
# page reloads when anything changed (its index files move), every other page only when pages changed, so a
# search shard indexed after the pages of an edit does not reload an open article a second time
RELOAD_SCRIPT = (
    "<script>/* archive-gen serve: live reload (not in the built files) */(function(){"
    "var part=/\\/search\\/(index\\.html)?$/.test(location.pathname)?0:1,seen=null;"
    "function poll(){fetch('" + VERSION_PATH + "'+(seen===null?'':'?since='+seen[0]),{cache:'no-store'})"
    ".then(function(r){return r.text();}).then(function(t){var v=t.split(' ');"
    "if(seen!==null&&v[part]!==seen[part]){location.reload();return;}seen=v;setTimeout(poll,0);})"
    ".catch(function(){setTimeout(poll,1000);});}poll();})();</script>"
).encode("ascii")

_T = TypeVar("_T")

_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json", ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml", ".wasm": "application/wasm", ".woff2": "font/woff2", ".woff": "font/woff",
}


class SiteState:
    """What the request handlers share with the rebuild loop: the folder and two versions, of the site
    (any file) and of its pages (any file but the search index), that change when a rebuild lands (open
    pages wait for a change, then reload)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._version = 0
        self._pages_version = 0
        self._closed = False
        self._changed = threading.Condition()
        # a build's files going in place: odd while they move (a seqlock; see steady)
        self._moves = 0
        self._moved = threading.Condition()

    @contextlib.contextmanager
    def moving(self) -> Iterator[None]:
        """Held while a rebuild puts its files in place (writer.MoveGuard): answers wait, or are read again."""
        with self._moved:
            self._moves += 1
        try:
            yield
        finally:
            with self._moved:
                self._moves += 1
                self._moved.notify_all()

    def steady(self, read: Callable[[], _T]) -> _T:
        """``read()`` of the site as no rebuild was changing it: the old site or the new one, never a mix.

        The build rewrites a changed file in place (writer.put_in_place), and creates a new one empty before
        its bytes: a page asked for meanwhile was answered half new and half old (the new bytes with the old
        file's tail), or empty. A read that overlapped a commit is done again once the files are in place
        (readers never hold the rebuild up)."""
        for _ in range(STEADY_TRIES):
            with self._moved:
                self._moved.wait_for(lambda: self._moves % 2 == 0, STEADY_WAIT)
                started = self._moves
            answer = read()
            with self._moved:
                if self._moves == started and started % 2 == 0:
                    return answer
        return read()  # commits without end (none that serve makes): the last read stands

    @property
    def version(self) -> int:
        with self._changed:
            return self._version

    @property
    def versions(self) -> str:
        """"SITE PAGES", as the version request answers."""
        with self._changed:
            return f"{self._version} {self._pages_version}"

    def bump(self, *, pages: bool = True) -> None:
        with self._changed:
            self._version += 1
            self._pages_version += pages
            self._changed.notify_all()

    def wait_for_change(self, seen: int, timeout: float) -> str:
        """The versions once the site's differs from ``seen``, or after ``timeout`` seconds, or at close."""
        with self._changed:
            self._changed.wait_for(lambda: self._version != seen or self._closed, timeout)
            return f"{self._version} {self._pages_version}"

    def close(self) -> None:
        """Answer every waiting request now (the server is stopping)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()


def resolve_request(root: Path, url_path: str) -> Path | None:
    """The file a URL path names inside ``root``, or None when it is outside, missing or unsafe.

    Directories map to their index.html. Any ``..`` segment is refused outright, and the final path is
    resolved (following symlinks) and must still be inside the resolved root. A hidden name (``.archive-gen/``:
    the output's manifest and build lock) is none of the site's pages: GitHub Pages' artifact leaves hidden
    files out, so serve does too.
    """
    path = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path)
    if "\0" in path or "\\" in path:
        return None
    segments = [s for s in path.split("/") if s not in ("", ".")]
    if any(s.startswith(".") for s in segments):  # "..", and hidden names
        return None
    real_root = root.resolve()
    candidate = real_root.joinpath(*segments)
    try:  # a name longer than the file system takes (ENAMETOOLONG) is no file: is_dir raised it, no answer
        if candidate.is_dir():
            candidate = candidate / "index.html"
        elif segments and path.rsplit("/", 1)[-1] in ("", "."):
            # a file asked for as a folder ("/index.html/"): it was served, and every relative link of the
            # page then pointed below it (…/index.html/static/…, each a 404); GitHub Pages answers 404
            return None
        real = candidate.resolve(strict=True)
        # the output itself a file (the user's, put where the site was): no page of the site
        if not real.is_relative_to(real_root) or not real.is_file() or real == real_root:
            return None
    except (OSError, RuntimeError):
        return None
    return real


def inject_reload(body: bytes) -> bytes:
    """The page with the live-reload script before its last ``</body>`` (or at the end)."""
    lower = body.lower()
    at = lower.rfind(b"</body>")
    if at == -1:
        return body + RELOAD_SCRIPT
    return body[:at] + RELOAD_SCRIPT + body[at:]


def make_handler(state: SiteState, log: Callable[[str], None] | None = None) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to ``state`` (GET/HEAD only)."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "archive-gen"
        sys_version = ""
        timeout = IDLE_SECONDS
        _cache_said = False  # this answer's headers hold a Cache-Control line

        def do_GET(self) -> None:
            self._respond(head=False)

        def do_HEAD(self) -> None:
            self._respond(head=True)

        def _respond(self, *, head: bool) -> None:
            url = urllib.parse.urlsplit(self.path)
            url_path = url.path
            if url_path == VERSION_PATH:
                since = urllib.parse.parse_qs(url.query).get("since", [""])[0]
                # plain ASCII digits, and few: '²' is a digit int() refuses, and 5,000 digits exceed its limit
                readable = since.isascii() and since.isdigit() and len(since) <= 18
                versions = state.wait_for_change(int(since), WAIT_SECONDS) if readable else state.versions
                self._send(HTTPStatus.OK, "text/plain; charset=utf-8", versions.encode(), head)
                return
            plain = urllib.parse.unquote(url_path)
            if ".." in plain.split("/"):
                self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", b"403 forbidden\n", head)
                return
            status, ctype, body = state.steady(lambda: _answer(state.root, url_path, plain))
            if status == HTTPStatus.MOVED_PERMANENTLY:
                # relative links inside an index page need the trailing slash (as GitHub Pages answers). A
                # browser keeps a 301 without caching headers for good, so the folder's address led to its
                # slash long after the folder became a file or went (no-store, like every other answer);
                # the address is the folder's own path, one leading slash ("//topics" sent to the host
                # "topics" on an interpreter that does not fold it), with the query kept
                location = "/" + "/".join(s for s in url_path.split("/") if s not in ("", ".")) + "/"
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", location + (f"?{url.query}" if url.query else ""))
                self.send_header("Content-Length", "0")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                return
            if isinstance(body, Path):  # a file too big to read whole: sent from the disk
                self._send_file(body, ctype, head)
                return
            if ctype.startswith("text/html"):
                body = inject_reload(body)
            self._send(status, ctype, body, head)

        def _send_file(self, path: Path, ctype: str, head: bool) -> None:
            """``path`` a block at a time (at most the size it has when opened): a file of gigabytes kept in the
            output (the user's scans, with --allow-foreign-files) was read whole for each request, a MemoryError
            and the request dropped, or the machine's memory taken."""
            try:
                handle = path.open("rb")
            except OSError:
                _, _, body = _answer(state.root, "/404.html", "/404.html")
                self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", body if isinstance(body, bytes)
                           else NOT_FOUND, head)
                return
            with handle:
                left = os.fstat(handle.fileno()).st_size
                self.send_response(HTTPStatus.OK)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(left))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                while not head and left > 0:
                    block = handle.read(min(STREAM_BLOCK, left))
                    if not block:  # cut short meanwhile: the client sees fewer bytes than said, and the end
                        self.close_connection = True
                        break
                    self.wfile.write(block)
                    left -= len(block)

        def _send(self, status: HTTPStatus, ctype: str, body: bytes, head: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def send_header(self, keyword: str, value: str) -> None:
            if keyword.lower() == "cache-control":
                self._cache_said = True
            super().send_header(keyword, value)

        def end_headers(self) -> None:
            # every answer, the server's own errors too (501 for POST, 400, 414): nothing of a dev server is kept
            if not self._cache_said:
                super().send_header("Cache-Control", "no-store")
            self._cache_said = False
            super().end_headers()

        def log_message(self, format: str, *args: object) -> None:
            if log is not None:
                log(f"{self.address_string()} {format % args}")

    return Handler


# a file larger than this is sent a block at a time, not read whole; the build writes none so large
# (render.MAX_STATIC_FILE_BYTES is the largest file it copies), so what a rebuild rewrites is still read whole under
# SiteState.steady
STREAM_ABOVE = 64 * 1024 * 1024
STREAM_BLOCK = 1024 * 1024


def _answer(root: Path, url_path: str, plain: str) -> tuple[HTTPStatus, str, bytes | Path]:
    """(status, content type, body) of a site file's URL as the folder holds it now (read under
    SiteState.steady: one state of the site); the body of a file over STREAM_ABOVE is its path."""
    target = resolve_request(root, url_path)
    if target is not None and not url_path.endswith("/") and target.name == "index.html" \
            and not plain.endswith(".html"):
        return HTTPStatus.MOVED_PERMANENTLY, "", b""
    if target is not None:
        try:
            if target.stat().st_size > STREAM_ABOVE:
                return HTTPStatus.OK, _content_type(target), target
            return HTTPStatus.OK, _content_type(target), target.read_bytes()
        except OSError:
            pass
    page = resolve_request(root, "/404.html")
    try:
        body = page.read_bytes() if page else NOT_FOUND
    except OSError:
        body = NOT_FOUND
    return HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", body


NOT_FOUND = b"<!doctype html><title>404</title><p>404 not found"


def _content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _TYPES:
        return _TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _QuietHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that binds without a reverse DNS lookup, and reports a failed request in
    one line at most: a browser that hangs up (broken pipe, reset) or idles out is not news at all."""

    daemon_threads = True
    request_queue_size = 128  # socketserver's 5 drops connections when a page loads many files at once

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], family: int,
                 log: Callable[[str], None], max_connections: int | None = None) -> None:
        self.address_family = family
        self._log = log
        self.max_connections = max_connections if max_connections is not None else connection_limit()
        self._open = 0
        self._counting = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        # each connection holds a descriptor for as long as the client keeps it open (IDLE_SECONDS): hundreds
        # of them took every descriptor the process may have, and the rebuild of the next edit failed ("cannot
        # read config file: Too many open files"), was never tried again, and accept() failed in a busy loop.
        # A connection over the limit is closed at once; a browser opens six
        with self._counting:
            full = self._open >= self.max_connections
            if not full:
                self._open += 1
        if full:
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)  # type: ignore[arg-type]
        except BaseException:
            self._done()
            raise

    def process_request_thread(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        try:
            super().process_request_thread(request, client_address)  # type: ignore[arg-type]
        finally:
            self._done()

    def _done(self) -> None:
        with self._counting:
            self._open -= 1

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # HTTPServer's would call socket.getfqdn (slow DNS)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def handle_error(self, request: object, client_address: object) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        peer = client_address[0] if isinstance(client_address, tuple) and client_address else "?"
        self._log(f"archive-gen: warning: a request from {peer} failed: {type(exc).__name__}: {exc}")


def connection_limit() -> int:
    """How many connections serve keeps open at once: what the descriptor limit (``ulimit -n``) leaves once
    a rebuild has the descriptors it needs (a quarter of the limit, at least 128)."""
    try:
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (OSError, ValueError):
        return 256
    if soft == resource.RLIM_INFINITY or soft > 1 << 20:
        soft = 1 << 20
    return max(8, soft - max(128, soft // 4))


def bind_server(host: str, port: int, handler: type[BaseHTTPRequestHandler],
                log: Callable[[str], None] = print, max_connections: int | None = None) -> ThreadingHTTPServer:
    """A server listening on ``host``:``port`` (IPv4 or IPv6), or a ServeError saying why not; at most
    ``max_connections`` open at once (by default what the descriptor limit allows: connection_limit)."""
    where = f"port {port} on {shown(host)}"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        raise ServeError(f"cannot listen on {shown(host)}: no such host name or address; "
                         "try --host 127.0.0.1") from None
    family = infos[0][0] if infos else socket.AF_INET
    try:
        return _QuietHTTPServer((host, port), handler, family, log, max_connections)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"{where} is already in use; try --port 0 or another port") from None
        if exc.errno == errno.EACCES:
            raise ServeError(f"{where}: permission denied (ports below 1024 need administrator rights); "
                             "try --port 0 or another port") from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise ServeError(f"cannot listen on {shown(host)}: not an address of this machine; "
                             "try --host 127.0.0.1") from None
        raise ServeError(f"cannot listen on {where}: {exc.strerror or exc}") from None


@dataclass(frozen=True)
class ServeLimits:
    """Bounds for tests and embedding: stop after this many seconds or rebuilds (None: until Ctrl-C)."""

    seconds: float | None = None
    rebuilds: int | None = None


def _without_site(root: Path) -> tuple[str, ...] | None:
    """None while ``root`` holds a built site (its manifest); else what is there instead (``("",)`` for nothing,
    else the names in the folder): a rebuild is tried once for each new state, never again and again."""
    if (root / MANIFEST_PATH).is_file():
        return None
    try:
        return tuple(sorted(os.listdir(root)))
    except NotADirectoryError:  # a file of the user's in its place: its removal is a new state (was not rebuilt)
        return ("", "a file")
    except OSError:
        return ("",)


class DevServer:
    """The HTTP server in a background thread plus the watch-and-rebuild loop in the caller's thread."""

    def __init__(self, load: Callable[[], Config], options: BuildOptions, *, host: str = "127.0.0.1",
                 port: int = 8000, stages: Stages | None = None, echo: Callable[[str], None] = print,
                 on_build: Callable[[BuildResult], None] | None = None) -> None:
        self._load = load
        self._options = options
        self._stages = stages
        self._echo = echo
        self._on_build = on_build
        self.config = load()
        self.state = SiteState(self.config.output)
        self._httpd = bind_server(host, port, make_handler(self.state), echo)
        self._thread: threading.Thread | None = None
        self._session = BuildSession()
        self._warmed = False
        self.rebuilds = 0
        # what the watched files were when the first build began: the watcher starts after that build, so an
        # edit saved while it ran (or before the watcher was up) was seen by nobody until the next edit
        self._before_first: list[tuple[str, int, int, int, int]] | None = None
        self._first_checked = False
        # the served folder was missing when last looked at: rebuilt once when it goes, not again and again
        self._output_gone: tuple[str, ...] | None = None
        self._failed = False  # the last rebuild failed: what it should watch is looked for again while idle

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/"

    def build(self, *, defer_search: bool = False, announce: bool = False) -> BuildResult:
        """One build; with ``announce``, open pages are told the moment its files are in place."""
        options = dataclasses.replace(self._options, defer_search=defer_search,
                                      settle=max(self._options.settle, SETTLE_SECONDS), watched=True)
        if self._before_first is None and not self._first_checked:
            self._before_first = self._stamps()
        result = build_site(self.config, options, stages=self._stages, session=self._session,
                            committed=self._committed if announce else None, moving=self.state.moving)
        self.state.root = result.output
        if self._on_build is not None:
            self._on_build(result)
        return result

    def warm(self) -> None:
        """Get the parser and tagger ready for the first edit (the initial build read every page from the
        cache); a failure here is the first rebuild's to report."""
        # the same stage fails again on a real page, and is reported there
        with contextlib.suppress(Exception):
            self._session.warm(self.config, self._stages)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.1,), name="archive-gen-http",
                                        daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop serving and free the port (also when :meth:`start` was never called)."""
        self.state.close()
        if self._thread is not None:
            self._httpd.shutdown()  # waits for serve_forever to return: only when it is running
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def watched_paths(self, config: Config | None = None) -> list[Path]:
        cfg = config or self.config
        # without a config file, the one load_config reads once it is there (watched from then on)
        candidates: Iterable[Path | None] = (
            *cfg.sources, cfg.config_file or cfg.root / CONFIG_NAME, cfg.about, cfg.taxonomy.file,
            cfg.root / "templates", cfg.root / "static",
        )
        return sorted({p.resolve() for p in candidates if p is not None and p.exists()}, key=str)

    def _stamps(self) -> list[tuple[str, int, int, int, int]]:
        """(path, size, mtime, inode, ctime: an edit whose mtime was put back changes it) of every file the watcher watches (output and cache left out, and hidden
        files: an editor's swap file is no change to the site)."""
        # realpath, not resolve: a loop of links as the output or the cache is the build's to report (resolve
        # raised it as a RuntimeError traceback before the build could)
        ignored = tuple(os.path.realpath(p) for p in (self.state.root, self.config.output, self.config.cache_dir))
        found: list[tuple[str, int, int, int, int]] = []

        def add(path: str) -> None:
            try:
                info = os.stat(path)
            except OSError:
                return
            found.append((path, info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns))

        for root in self.watched_paths():
            if not root.is_dir():
                add(str(root))
                continue
            for folder, dirs, files in walk_folders(root, followlinks=False):  # os.walk recursed
                dirs[:] = sorted(d for d in dirs if os.path.join(folder, d) not in ignored and d[:1] != ".")
                for name in sorted(files):
                    if name[:1] != ".":
                        add(os.path.join(folder, name))
        return found

    def watch(self, limits: ServeLimits = ServeLimits(), stop: threading.Event | None = None) -> None:
        """Rebuild on every change until a limit is reached or ``stop`` is set; Ctrl-C raises
        KeyboardInterrupt out of here (never swallowed).

        Rebuilds run inside the watch, so a change made during a rebuild is reported by the next step
        and rebuilt at once (restarting the watcher after each rebuild lost such edits). The watcher is
        restarted only when what it should watch changed (a folder appeared, an editor replaced a
        watched file by renaming); a catch-up rebuild then covers the moment it was not watching."""
        import watchfiles

        stop = stop or threading.Event()
        timer = None
        if limits.seconds is not None:
            timer = threading.Timer(limits.seconds, stop.set)
            timer.daemon = True
            timer.start()
        catch_up = False
        # the watched files as the last rebuild found them, when the watcher restarted after it: the catch-up
        # rebuild is needed only if something changed since (a source folder deleted under the server was
        # rebuilt twice, its "source folder not found" said twice)
        settled: list[tuple[str, int, int, int, int]] | None = None
        try:
            while not stop.is_set():
                if limits.rebuilds is not None and self.rebuilds >= limits.rebuilds:
                    return
                paths = self.watched_paths()
                if not paths:  # everything watched is gone: look again shortly
                    stop.wait(0.5)
                    if self._elsewhere(paths):
                        self._rebuild()
                    continue
                watched = _identities(paths)
                folders = self._watch_list(paths)
                if not folders:  # gone between the two looks: look again shortly
                    catch_up = True
                    stop.wait(0.3)
                    continue
                ignored = [self.state.root, self.config.cache_dir]
                try:
                    # each folder on its own (recursive=False): a recursive watch follows every link to a
                    # folder, so a link in the sources to / or the home folder (which the build skips) had the
                    # watcher walk and watch that whole tree before it saw any edit
                    for changes in watchfiles.watch(*(path for path, _ in folders), stop_event=stop, debounce=300,
                                                    step=50, recursive=False,
                                                    rust_timeout=500, yield_on_timeout=True, raise_interrupt=True,
                                                    watch_filter=_SiteFilter(ignored, self._page_folders(paths))):
                        if stop.is_set():
                            break
                        if not self._first_checked:
                            # the watcher is up: anything changed since the first build began is rebuilt now
                            self._first_checked = True
                            if not changes and self._before_first is not None:
                                catch_up = catch_up or self._stamps() != self._before_first
                            self._before_first = None
                        if settled is not None:
                            if not changes and self._stamps() == settled:
                                catch_up = False
                            settled = None
                        if not changes:
                            # the output is no watched path: a site deleted under the server ("rm -rf site")
                            # was answered with 404s until some source was edited; it is built again now
                            # so was one deleted and made again, empty or not ("rm -rf site && mkdir site", a
                            # cleaning script): its manifest is gone with it, and every page was a 404 for good
                            gone = _without_site(self.state.root)
                            catch_up = catch_up or (gone is not None and gone != self._output_gone)
                            self._output_gone = gone
                        # a failed rebuild read the config while its sources were away (renamed, a checkout
                        # under way): the watcher watched what was left, the folder's return was no event, and
                        # every later edit went unseen. Looked for again while idle, until a rebuild succeeds
                        # a path to watch that appeared since (archive.yaml, templates/ or static/ made
                        # while serving) was no event either: the site kept the old config or templates
                        if not changes and (self.watched_paths() != paths
                                            or (self._failed and self._elsewhere(paths))):
                            catch_up = True
                        if not changes and not catch_up:
                            if not self._warmed:  # idle, and the watcher already notes any edit meanwhile
                                self._warmed = True
                                self.warm()
                            continue
                        catch_up = False
                        before = self._stamps()
                        self._rebuild()
                        if limits.rebuilds is not None and self.rebuilds >= limits.rebuilds:
                            return
                        now = self.watched_paths()
                        if now != paths or _identities(now) != watched or self._watch_list(now) != folders:
                            catch_up = True
                            settled = before
                            break
                except OSError:  # a watched folder vanished between listing and watching: that is a change
                    catch_up = True
                    stop.wait(0.3)
        finally:
            if timer is not None:
                timer.cancel()

    def _watch_list(self, paths: list[Path]) -> list[tuple[str, tuple[int, int]]]:
        """What the watcher watches, each path without what lies below it, with its (device, inode): the files
        of ``paths``, and every folder under the folders of ``paths`` that the build walks (hidden folders, the
        output and the cache left out). A link to a folder is followed only as the build follows it
        (``follow_symlinks``), each folder once (a loop of links ends). A folder replaced by another of its name
        (moved away and another moved in) is another inode: the watcher watches the new one."""
        # known by (device, inode), never by realpath: that looks at every folder of the path, and in a tree 1,000
        # folders deep took 17 s
        ignored: set[tuple[int, int]] = set()
        for own in (self.state.root, self.config.output, self.config.cache_dir):
            with contextlib.suppress(OSError):
                info = os.stat(own)
                ignored.add((info.st_dev, info.st_ino))
        found: list[tuple[str, tuple[int, int]]] = []
        seen: set[tuple[int, int]] = set()
        for root in paths:
            todo = [str(root)]
            while todo:
                top = todo.pop()
                try:
                    info = os.stat(top)
                except OSError:  # gone meanwhile
                    continue
                ident = (info.st_dev, info.st_ino)
                if ident in seen or ident in ignored:
                    continue
                seen.add(ident)
                found.append((top, ident))
                try:
                    with os.scandir(top) as listing:
                        entries = sorted(listing, key=lambda e: e.name, reverse=True)
                except OSError:  # a file, or a folder gone or unreadable: watched as it is
                    continue
                for entry in entries:
                    with contextlib.suppress(OSError):
                        if entry.name[:1] != "." and entry.is_dir() and (
                                self.config.follow_symlinks or not entry.is_symlink()):
                            todo.append(entry.path)
        return found

    def _page_folders(self, paths: list[Path]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The watched source folders, and the project's other watched files and folders (for _SiteFilter)."""
        sources = {str(p.resolve()) for p in self.config.sources}
        return (tuple(str(p) for p in paths if str(p) in sources and p.is_dir()),
                tuple(str(p) for p in paths if str(p) not in sources))

    def _elsewhere(self, paths: list[Path]) -> bool:
        """True when the config read now leads the watcher to other paths than ``paths`` (a source folder
        back, or the config's default source now found); a config that cannot be read leads nowhere new."""
        try:
            return self.watched_paths(self._load()) != paths
        except Exception:  # the next rebuild reports it
            return False

    def _rebuild(self) -> None:
        self.rebuilds += 1
        started = time.perf_counter()
        self._failed = True
        try:
            self.config = self._load()
            # the pages first (an open page reloads as soon as they land), then the search shards they changed
            result = self._build_after_others(defer_search=True)
            if result.search_deferred:
                self._landed(result, started, "search follows")
                started = time.perf_counter()
                result = self._build_after_others(defer_search=False)
        except ArchiveGenError as err:
            for line in err.details:
                self._echo(line)
            self._echo(f"archive-gen: error: {err}")
            return
        except OSError as exc:  # as `build` reports it, and the last good site stays served
            self._echo(f"archive-gen: error: {os_error_text(exc)}")
            return
        self._failed = False
        self._landed(result, started, "search updated" if result.shards_indexed else "")

    def first_build(self) -> BuildResult:
        """The build before serving, after any other build of the output that runs now (as a rebuild waits):
        a second `serve` of the project started while the first rebuilt an edit, or serve started beside an
        `archive-gen build`, ended at once ("another build of this output folder is running", exit 2)."""
        return self._build_after_others(defer_search=False, announce=False)

    def _build_after_others(self, *, defer_search: bool, announce: bool = True) -> BuildResult:
        """A rebuild, after any other build of the output that runs now: a second `serve` of the project, or an
        `archive-gen build` run beside it. Each printed "another build of this output folder is running" for
        an edit the other built, and told no open page: they kept showing the page as before the edit until
        reloaded by hand. Open pages reload once the rebuild that waited is done (the other build may have
        changed any file, and this one may find nothing left to write)."""
        deadline = time.monotonic() + BUSY_SECONDS
        waited = False
        while True:
            try:
                result = self.build(defer_search=defer_search, announce=announce)
            except OutputBusy as busy:
                if time.monotonic() >= deadline:
                    raise
                if not waited and not announce:  # serving has not begun: say why nothing happens yet
                    self._echo(f"{shown(busy.source or str(self.config.output))}: another build of this output folder is running; waiting for it…")
                waited = True
                time.sleep(BUSY_STEP)
                continue
            if waited:
                self.state.bump()
            return result

    def _committed(self, output: Path, written: WriteResult) -> None:
        """The new files are in place: open pages reload now, while the build still updates its cache."""
        self.state.root = output
        if written.written or written.removed:  # open pages reload only when a file really changed
            self.state.bump(pages=not all(map(_search_index_file, (*written.written, *written.removed))))

    def _landed(self, result: BuildResult, started: float, note: str) -> None:
        self._echo(f"rebuilt in {time.perf_counter() - started:.2f} s: {count(result.files_written, 'file')} written"
                   + (f", {count(len(result.errors), 'error')}" if result.errors else "") + (f" ({note})" if note else ""))


def _search_index_file(path: str) -> bool:
    """A file only the search page reads (or the manifest, which no page reads)."""
    return path == MANIFEST_PATH or (path.startswith(SEARCH_DIR + "/") and not path.endswith(".html"))


def _identities(paths: Iterable[Path]) -> list[tuple[int, int] | None]:
    """(device, inode) of each path: an editor that saves by renaming gives a watched file a new one."""
    found: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            found.append(None)
        else:
            found.append((stat.st_dev, stat.st_ino))
    return found


# what editors write beside a file they save, under names no filter knows: vim's probe of the folder ("4913",
# made and deleted at once) and emacs' auto-save copy ("#page.txt#")
_EDITOR_NAMES = re.compile(r"4913|#.*#")


class _SiteFilter:
    """watchfiles filter: the default ignores plus the output and cache folders and temp files, and in a source
    folder what no build reads (``page_folders``: the watched source folders, the project's own files in them
    left out of this)."""

    def __init__(self, ignored: Iterable[Path], page_folders: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
                 ) -> None:
        import watchfiles

        self._default = watchfiles.DefaultFilter()
        self._ignored = tuple(os.path.realpath(p) for p in ignored)
        self._folders, self._own = page_folders

    def __call__(self, change: object, path: str) -> bool:
        name = posixpath.basename(path)
        if name.startswith(".") and (".tmp" in name or ".old-" in name):
            return False
        if any(path == p or path.startswith(p + "/") for p in self._ignored):
            return False
        if not self._default(change, path):  # type: ignore[arg-type]
            return False
        return not self._no_page(path, name)

    def _no_page(self, path: str, name: str) -> bool:
        """True for a path in a source folder that the build never reads: a hidden name (the walk skips it), an
        editor's scratch file, a file that is not ``*.txt`` (a scan, notes.md, Thumbs.db: each was a rebuild
        that wrote nothing, and a "rebuilt …: 0 files written" line). Anything gone is kept (a folder moved
        away leaves one event, its name), and so are the project's own files kept there (``source: .``)."""
        folder = next((f for f in self._folders if path.startswith(f + "/")), None)
        if folder is None or any(path == p or path.startswith(p + "/") for p in self._own):
            return False
        if any(part[:1] == "." for part in path[len(folder) + 1:].split("/")) or _EDITOR_NAMES.fullmatch(name):
            return True
        return not name.lower().endswith(PAGE_SUFFIX) and os.path.isfile(path) and not os.path.islink(path)

