"""The reader's tools in real Chromium: 版面 navigation, jump links, the 版面 page's item links, map links,
the date picker, the font-size toggle, and the 404 page at any depth of a sub-path site without base_url.

Served over HTTP (file:// for the date picker too); every step checks the heading or URL it reaches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .sitekit import WatchedPage, build_reader_site, find_article, serve_directory

pytestmark = pytest.mark.browser

ISSUE = "issues/2024-03-01/index.html"
HEAD_TITLE = "长春朝阳区开展劳动争议调解进园区活动"


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_reader_site(tmp_path_factory)


@pytest.fixture(scope="module")
def reader_url(reader_site: Path) -> Iterator[str]:
    with serve_directory(reader_site) as url:
        yield url


def heading(page: Page) -> str:
    return page.locator("h1").first.inner_text()


def test_page_navigation_steps_through_the_pages_of_an_issue(reader_url: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(reader_url + ISSUE)
    nav = page.get_by_role("navigation", name="版面导航")
    expect(nav.get_by_role("link", name="第1版：要闻", exact=True)).to_be_visible()
    nav.get_by_role("link", name="第1版：要闻原文").click()
    expect(page).to_have_url(re.compile(r"/issues/2024-03-01/page-01\.html$"))
    assert heading(page) == "2024年3月1日 第1版：要闻"
    page.get_by_role("link", name=re.compile("^下一版：第2版：综合新闻")).click()
    expect(page).to_have_url(re.compile(r"/page-02\.html$"))
    assert heading(page) == "2024年3月1日 第2版：综合新闻"
    expect(page.locator(".page-steps")).to_contain_text("已是最后一版")
    page.get_by_role("link", name=re.compile("^← 上一版：第1版：要闻")).click()
    expect(page).to_have_url(re.compile(r"/page-01\.html$"))
    page.get_by_role("link", name="2024年3月1日").first.click()
    expect(page).to_have_url(re.compile(r"/issues/2024-03-01/index\.html$"))
    assert watched.console.errors == []


def test_jump_links_lead_from_one_half_to_the_other(reader_url: str, reader_site: Path,
                                                     watched: WatchedPage) -> None:
    page = watched.page
    article = find_article(reader_site, HEAD_TITLE).relative_to(reader_site).as_posix()
    page.goto(reader_url + article)
    join = page.locator("p.jump-join")
    expect(join).to_contain_text("(下转第2版)")
    join.get_by_role("link", name="第2版").click()
    expect(page).to_have_url(re.compile(r"/issues/2024-03-01/page-02\.html$"))
    tail = page.locator("section.printed-item", has_text="(上接第1版)")
    expect(tail).to_have_count(1)
    tail.get_by_role("link", name=HEAD_TITLE).click()
    expect(page).to_have_url(re.compile(re.escape(article) + "$"))
    assert heading(page) == HEAD_TITLE
    assert watched.console.errors == []


def test_every_item_link_of_a_source_page_opens_its_article(reader_url: str, watched: WatchedPage) -> None:
    page = watched.page
    for source in ("issues/2024-03-01/page-01.html", "issues/2024-03-01/page-02.html"):
        page.goto(reader_url + source)
        labels = page.locator("section.printed-item .printed-label a")
        titles = labels.all_inner_texts()
        assert titles, f"no item links on {source}"
        for n, title in enumerate(titles):
            page.goto(reader_url + source)
            page.locator("section.printed-item .printed-label a").nth(n).click()
            expect(page).to_have_url(re.compile(r"/articles/.+\.html$"))
            assert heading(page) == title
    assert watched.console.errors == []


def test_map_links_open_the_province_and_its_prefecture(site_url: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(site_url + "regions/index.html")
    province = page.locator('figure.region-map a[aria-label^="福建省："]')
    expect(province).to_have_count(1)
    province.click()
    expect(page).to_have_url(re.compile(r"/regions/350000-fujian/index\.html$"))
    assert heading(page) == "福建省"
    prefectures = page.locator("figure.region-map a")
    assert prefectures.count() >= 1
    name = prefectures.first.get_attribute("aria-label").split("：")[0]
    prefectures.first.click()
    expect(page).to_have_url(re.compile(r"/regions/35\d{4}-[a-z]+/index\.html$"))
    assert heading(page) == name
    assert watched.console.errors == []


@pytest.mark.parametrize("over", ["http", "file"])
def test_the_date_picker_opens_the_issue_of_a_day_or_the_nearest(over: str, reader_url: str, reader_site: Path,
                                                                   watched: WatchedPage) -> None:
    page = watched.page
    start = "issues/2024-03-02/index.html"
    page.goto(reader_url + start if over == "http" else (reader_site / start).as_uri())
    picker = page.locator("form.date-jump")
    picker.locator("input[type=date]").fill("2024-03-01")
    picker.get_by_role("button", name="查看当期").click()
    expect(page).to_have_url(re.compile(r"/issues/2024-03-01/index\.html$"))
    assert heading(page) == "2024年3月1日"
    # a day without a paper: the newest issue before it, which says so
    picker = page.locator("form.date-jump")
    picker.locator("input[type=date]").fill("2024-03-20")
    picker.get_by_role("button", name="查看当期").click()
    expect(page).to_have_url(re.compile(r"/issues/2024-03-02/index\.html\?from=2024-03-20$"))
    expect(page.locator(".date-jump-note")).to_have_text("2024年3月20日没有收录报纸，这是最近的一期。")
    assert watched.console.errors == []


def test_the_font_toggle_changes_the_text_size_and_is_remembered(reader_url: str, reader_site: Path,
                                                                  watched: WatchedPage) -> None:
    page = watched.page
    article = find_article(reader_site, HEAD_TITLE).relative_to(reader_site).as_posix()
    page.goto(reader_url + article)
    body = page.locator(".story-body p").nth(1)
    size = lambda: float(body.evaluate("p => parseFloat(getComputedStyle(p).fontSize)"))  # noqa: E731
    middle = size()
    toggle = page.get_by_role("group", name="字号")
    expect(toggle.get_by_role("button", name="中")).to_have_attribute("aria-pressed", "true")
    toggle.get_by_role("button", name="大").click()
    assert size() > middle
    expect(toggle.get_by_role("button", name="大")).to_have_attribute("aria-pressed", "true")
    page.reload()
    assert size() > middle, "the chosen size was not remembered"
    page.goto(reader_url + "issues/2024-03-01/page-01.html")  # and on the 版面 page too
    assert page.evaluate("document.documentElement.dataset.font") == "l"
    page.goto(reader_url + article)
    page.get_by_role("group", name="字号").get_by_role("button", name="小").click()
    assert size() < middle
    page.get_by_role("group", name="字号").get_by_role("button", name="中").click()
    assert size() == middle
    assert watched.console.errors == []


def test_copy_citation_and_share_link(reader_url: str, reader_site: Path, watched: WatchedPage) -> None:
    page = watched.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    article = find_article(reader_site, HEAD_TITLE).relative_to(reader_site).as_posix()
    page.goto(reader_url + article)
    page.get_by_role("button", name="复制引用").click()
    citation = page.locator("#citation-text").inner_text().strip()
    expect(page.locator(".tool-status")).to_contain_text("已复制引用")
    assert page.evaluate("navigator.clipboard.readText()") == citation
    page.get_by_role("button", name="分享链接").click()
    expect(page.locator(".tool-status")).to_contain_text("已复制链接")
    assert page.evaluate("navigator.clipboard.readText()") == reader_url + article


def test_the_404_page_keeps_its_style_and_links_at_any_depth_under_a_sub_path(reader_site: Path,
                                                                             watched: WatchedPage) -> None:
    """Built without base_url and served under /repo/ like a GitHub Pages project site."""
    page = watched.page
    with serve_directory(reader_site, prefix="repo/") as url:
        for missing in ("gone.html", "articles/2024/03/01/gone.html", "regions/nowhere/deeper/x.html"):
            response = page.goto(url + missing)
            assert response is not None and response.status == 404
            assert heading(page) == "页面不存在"
            colour = page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle")
            assert colour == "double", f"unstyled at {missing}"
            home = page.get_by_role("link", name="首页").last
            expect(home).to_have_attribute("href", "index.html")
            page.wait_for_function("document.querySelector('base') !== null")
            home.click()
            expect(page).to_have_url(url + "index.html")
    assert [e for e in watched.console.errors if "404" not in e] == []
