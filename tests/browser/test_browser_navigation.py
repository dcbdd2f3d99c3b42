"""Clicking through the built seed site opened from disk (file://): home → region index → a province →
an article, then back, with the heading and URL checked at every step and no console errors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .sitekit import WatchedPage

pytestmark = pytest.mark.browser

PROVINCE = "青海"
ARTICLE_TITLE = "海西州工会开展关爱货车司机活动"
REGION_INDEX_URL = re.compile(r"/regions/index\.html$")
REGION_PAGE_URL = re.compile(r"/regions/[a-z0-9-]+/index\.html$")
ARTICLE_URL = re.compile(r"/articles/[^?#]+\.html$")


def test_home_to_region_to_article_and_back(seed_site: Path, watched: WatchedPage) -> None:
    page = watched.page
    page.goto((seed_site / "index.html").as_uri())
    expect(page.locator("h1").first).to_be_visible()
    assert page.title().strip(), "home page has an empty <title>"

    page.locator('a[href$="regions/index.html"]').first.click()
    expect(page).to_have_url(REGION_INDEX_URL)
    expect(page.locator("h1").first).to_contain_text("地区")

    page.get_by_role("link", name=re.compile(PROVINCE)).first.click()
    expect(page).to_have_url(REGION_PAGE_URL)
    expect(page.locator("h1").first).to_contain_text(PROVINCE)
    province_url = page.url

    page.get_by_role("link", name=ARTICLE_TITLE).first.click()
    expect(page).to_have_url(ARTICLE_URL)
    expect(page.locator("h1").first).to_contain_text(ARTICLE_TITLE)

    page.go_back()
    expect(page).to_have_url(province_url)
    expect(page.locator("h1").first).to_contain_text(PROVINCE)
    page.go_back()
    expect(page).to_have_url(REGION_INDEX_URL)

    assert watched.console.errors == [], "console errors while browsing from file://"


def test_article_page_links_to_its_issue(seed_site: Path, watched: WatchedPage) -> None:
    """An article is not a dead end: it links to its issue (the day's paper)."""
    page = watched.page
    article = next(iter(sorted((seed_site / "articles").rglob("*.html"))))
    page.goto(article.as_uri())
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert any(re.search(r"issues/[^/]+/index\.html$", h) for h in hrefs), f"no issue link on {article.name}"
    assert watched.console.errors == []
