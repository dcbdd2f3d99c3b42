"""`archive-gen serve` in a real browser: an open article reloads by itself when its source page is
edited, showing the new text, and the live-reload script logs no error while it waits.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from archive_gen.build import BuildOptions
from archive_gen.serve import DevServer, ServeLimits
from projects import TOY, make_project

from .sitekit import WatchedPage

pytestmark = pytest.mark.browser

ARTICLE = "articles/2021/05/14/2021-05-14_02-0.html"


def test_an_open_page_reloads_with_the_edit(tmp_path: Path, watched: WatchedPage) -> None:
    config = make_project(tmp_path)
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    server.build()
    server.start()
    try:
        page = watched.page
        page.goto(server.url + ARTICLE)
        expect(page.locator("h1").first).to_contain_text("东西协作谱新篇")
        page.evaluate("window.__beforeEdit = true")  # gone after a reload: proves the page was reloaded
        watcher = threading.Thread(target=server.watch, args=(ServeLimits(seconds=30, rebuilds=1),))
        watcher.start()
        page.wait_for_timeout(500)  # the watcher is watching
        source = config.sources[0] / "2021-05-14_02.txt"
        source.write_text("东西协作谱新篇\n编辑后的新段落出现在页面上", encoding="utf-8")
        expect(page.locator("main")).to_contain_text("编辑后的新段落出现在页面上", timeout=15_000)
        assert page.evaluate("window.__beforeEdit === undefined")
        page.evaluate("window.__afterEdit = true")
        watcher.join(timeout=30)
        assert server.rebuilds == 1 and server.state.versions == "2 1"  # the search shard landed after the pages
        page.wait_for_timeout(300)
        assert page.evaluate("window.__afterEdit === true")  # and did not reload the article a second time
    finally:
        server.close()
    assert watched.console.errors == [], watched.console.errors
