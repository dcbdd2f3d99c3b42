"""The search page of the built seed site: Pagefind over HTTP on 127.0.0.1 (query, then a province filter),
and from file:// either the bundled fallback index or a clear "serve the site" hint.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from .sitekit import WatchedPage, find_article, search_page

pytestmark = pytest.mark.browser

QUERY = "货车司机"
ARTICLE_TITLE = "海西州工会开展关爱货车司机活动"
PROVINCE = "青海省"
RESULT_LINKS = "#search-results a[href]"
SEARCHING = "正在搜索"
SERVE_HINT = re.compile(r"archive-gen serve|http\.server")


def run_query(page: Page, query: str) -> None:
    page.get_by_role("searchbox").fill(query)
    page.get_by_role("searchbox").press("Enter")


def result_hrefs(page: Page) -> list[str]:
    """Absolute URLs of the listed results, once the page has stopped saying it is searching."""
    expect(page.get_by_role("status")).not_to_contain_text(SEARCHING)
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")


def disable_fallback(route: Route) -> None:
    """Serve an empty fallback index, so over HTTP only a working Pagefind can produce results."""
    route.fulfill(status=200, content_type="text/javascript", body="/* fallback disabled by the test */")


def province_region_page(site: Path, province: str) -> Path:
    """The region page whose heading names ``province`` (found on disk, not through the search index)."""
    for path in sorted(site.glob("regions/*/index.html")):
        if re.search(rf"<h1\b[^>]*>[^<]*{province}", path.read_text(encoding="utf-8")):
            return path
    pytest.fail(f"no region page for {province}", pytrace=False)


def test_pagefind_search_and_province_filter(seed_site: Path, site_url: str, watched: WatchedPage) -> None:
    page = watched.page
    page.route("**/search/fallback-index.js", disable_fallback)
    page.goto(site_url + search_page(seed_site).relative_to(seed_site).as_posix())

    run_query(page, QUERY)
    expect(page.locator(RESULT_LINKS, has_text=ARTICLE_TITLE)).to_be_visible()
    unfiltered = result_hrefs(page)

    page.get_by_label("省份").select_option(PROVINCE)
    expect(page.locator(RESULT_LINKS, has_text=ARTICLE_TITLE)).to_be_visible()
    filtered = result_hrefs(page)
    assert 0 < len(filtered) < len(unfiltered), (
        f"the {PROVINCE} filter did not narrow the {len(unfiltered)} results for {QUERY!r}: {filtered}")

    # every remaining result must be an article the site itself files under the province or a division of
    # it: GB/T 2260 codes share their first two digits with the province ("630000" → "63xxxx")
    province_code = province_region_page(seed_site, PROVINCE.removesuffix("省")).parent.name[:2]
    for href in filtered:
        article = (seed_site / unquote(urlsplit(href).path).lstrip("/")).resolve()
        assert article.is_file(), f"search result {href} is not a built page"
        region_codes = set(re.findall(r'href="[^"]*regions/(\d{6})-[^"/]*/index\.html"',
                                      article.read_text(encoding="utf-8")))
        assert any(code.startswith(province_code) for code in region_codes), (
            f"filtered result {href} links to no region of {PROVINCE} (its regions: {sorted(region_codes)})")

    page.get_by_role("link", name=ARTICLE_TITLE).first.click()
    expect(page.locator("h1").first).to_contain_text(ARTICLE_TITLE)
    assert find_article(seed_site, ARTICLE_TITLE).as_posix().endswith(urlsplit(page.url).path.lstrip("/"))
    assert watched.console.errors == [], "console errors on the search page over HTTP"


def test_search_from_file_uses_the_fallback_or_explains_how_to_serve(seed_site: Path,
                                                                      watched: WatchedPage) -> None:
    """Browsers refuse Pagefind's module/wasm loads from file://: the page must search a bundled fallback
    index when it ships one, and otherwise say how to serve the site (never fail silently)."""
    page = watched.page
    search = search_page(seed_site)
    ships_fallback = bool(re.search(r"<script[^>]+src=\"[^\"]*fallback[^\"]*\"", search.read_text(encoding="utf-8")))
    page.goto(search.as_uri())
    run_query(page, QUERY)
    if ships_fallback:
        expect(page.locator(RESULT_LINKS, has_text=ARTICLE_TITLE)).to_be_visible()
        expect(page.get_by_text(SERVE_HINT).filter(visible=True)).to_have_count(0)
    else:
        expect(page.get_by_text(SERVE_HINT).first).to_be_visible()
    assert watched.console.errors == [], "console errors on the search page from file://"


def test_search_from_file_without_fallback_explains_how_to_serve(seed_site: Path, tmp_path: Path,
                                                                 watched: WatchedPage) -> None:
    """Same page with its fallback index missing (as for archives above the size limit): a visible hint."""
    copy = tmp_path / "site"
    shutil.copytree(seed_site, copy, ignore=shutil.ignore_patterns("*fallback*"))
    page = watched.page
    page.goto(search_page(copy).as_uri())
    run_query(page, QUERY)
    expect(page.get_by_text(SERVE_HINT).first).to_be_visible()
    expect(page.locator(RESULT_LINKS)).to_have_count(0)
