"""Responsive layout and dark mode of the built seed site: no sideways scrolling on a 375px phone, and
the dark colour scheme really changes the page background.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .sitekit import WatchedPage, find_article, first_page, search_page

pytestmark = pytest.mark.browser

ARTICLE_TITLE = "海西州工会开展关爱货车司机活动"
# The background a reader sees: the first of body/html that is not transparent.
EFFECTIVE_BACKGROUND_JS = """() => {
  for (const el of [document.body, document.documentElement]) {
    const colour = getComputedStyle(el).backgroundColor;
    if (colour && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
  }
  return 'transparent';
}"""
OVERFLOW_JS = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide};
}"""


def horizontal_overflow(page: Page) -> dict[str, object]:
    return page.evaluate(OVERFLOW_JS)


KINDS = {
    "article": lambda site: find_article(site, ARTICLE_TITLE),
    "home": lambda site: site / "index.html",
    "issue": lambda site: first_page(site, "issues/*/index.html"),
    "source-page": lambda site: site / "issues" / "2021-05-14" / "page-01.html",
    "region-index": lambda site: site / "regions" / "index.html",
    "region": lambda site: site / "regions" / "350000-fujian" / "index.html",
    "topic": lambda site: first_page(site, "topics/*/index.html"),
    "keyword-index": lambda site: site / "keywords" / "index.html",
    "archive": lambda site: site / "archive" / "index.html",
    "search": lambda site: search_page(site),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_horizontal_scroll_at_375px(kind: str, seed_site: Path, watched_phone: WatchedPage) -> None:
    path = KINDS[kind](seed_site)
    watched_phone.page.goto(path.as_uri())
    overflow = horizontal_overflow(watched_phone.page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], (
        f"{kind} page {path.relative_to(seed_site)} scrolls sideways at 375px: {overflow}")


def test_the_masthead_does_not_break_a_word_at_375px(seed_site: Path, watched_phone: WatchedPage) -> None:
    """The site title stays on one line on a phone (it used to wrap mid-word)."""
    page = watched_phone.page
    page.goto((seed_site / "index.html").as_uri())
    lines = page.evaluate("""() => {
      const a = document.querySelector('.site-title a');
      const range = document.createRange(); range.selectNodeContents(a);
      return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    }""")
    assert lines == 1


def test_overflow_probe_detects_a_too_wide_page(watched_phone: WatchedPage) -> None:
    """The probe can fail: a 600px-wide block must make a 375px page scroll sideways."""
    watched_phone.page.set_content('<!doctype html><body><div style="width:600px">宽</div></body>')
    overflow = horizontal_overflow(watched_phone.page)
    assert overflow["scrollWidth"] > overflow["clientWidth"]


def test_dark_mode_changes_the_background(seed_site: Path, watched: WatchedPage,
                                          watched_dark: WatchedPage) -> None:
    article = find_article(seed_site, ARTICLE_TITLE).as_uri()
    watched.page.goto(article)
    watched_dark.page.goto(article)
    light = watched.page.evaluate(EFFECTIVE_BACKGROUND_JS)
    dark = watched_dark.page.evaluate(EFFECTIVE_BACKGROUND_JS)
    assert light != dark, f"prefers-color-scheme: dark leaves the background at {light}"
    assert luminance(dark) < luminance(light), f"dark background {dark} is not darker than {light}"
    assert watched.console.errors == [] and watched_dark.console.errors == []


def luminance(css_colour: str) -> float:
    """Rough relative luminance of an rgb()/rgba() colour; transparent counts as the white canvas."""
    if not css_colour.startswith("rgb"):
        return 1.0
    channels = [float(v) for v in css_colour[css_colour.index("(") + 1:-1].replace("/", ",").split(",")[:3]]
    red, green, blue = (c / 255 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
