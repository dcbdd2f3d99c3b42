"""Fixtures for the browser tests: the seed site built once, a loopback HTTP server, headless Chromium
(Debian /usr/bin/chromium through Playwright) and pages that record console errors.

Chromium missing: the tests skip, except with CI=true where they fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from .sitekit import (
    AXE_PATH,
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    ConsoleLog,
    WatchedPage,
    build_seed_site,
    require,
    serve_directory,
)

# Generous for a cold CJK font cache, short enough that a hung page fails fast.
PAGE_TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds/ archive built once per session (shared with the top-level site tests)."""
    return build_seed_site(tmp_path_factory)


@pytest.fixture(scope="session")
def site_url(seed_site: Path) -> Iterator[str]:
    """Base URL (ending in "/") of the seed site served over HTTP on 127.0.0.1."""
    with serve_directory(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    require(CHROMIUM_PATH.is_file(), f"Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(playwright_session: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the whole session; each test gets its own context."""
    browser = playwright_session.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def _open(browser: Browser, **context_options: object) -> Iterator[WatchedPage]:
    context = browser.new_context(**context_options)  # type: ignore[arg-type]
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()
    console = ConsoleLog()
    page.on("console", console.on_console)
    page.on("pageerror", console.on_page_error)
    try:
        yield WatchedPage(page=page, console=console)
    finally:
        context.close()


@pytest.fixture
def watched(chromium: Browser) -> Iterator[WatchedPage]:
    """A desktop-sized page (1280×900) in a fresh browser context."""
    yield from _open(chromium, viewport={"width": 1280, "height": 900})


@pytest.fixture
def watched_phone(chromium: Browser) -> Iterator[WatchedPage]:
    """A 375px-wide page, the width of a small phone."""
    yield from _open(chromium, viewport={"width": 375, "height": 740}, device_scale_factor=2)


@pytest.fixture
def watched_dark(chromium: Browser) -> Iterator[WatchedPage]:
    """A desktop page whose browser prefers the dark colour scheme."""
    yield from _open(chromium, viewport={"width": 1280, "height": 900}, color_scheme="dark")


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe.min.js from the local npm install; skipped locally when absent, a failure on CI."""
    require(AXE_PATH.is_file(),
            f"axe-core not installed at {AXE_PATH} (run: npm install --prefix tests/browser/.npm axe-core@4)")
    return AXE_PATH
