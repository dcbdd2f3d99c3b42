"""The search page in real Chromium, over HTTP on 127.0.0.1 and from file://: exactly the items that contain
each query (ground truth by plain substring over the records, tests/search_truth.py) on the seed site and on
the generated 10k corpus; filters with counts; the URL follows the query (Back works); a late answer to an
old query never replaces a newer one; the first results show while older shards still answer, and the count
only once all have; filters fold away on a phone.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from archive_gen import search, urls
from archive_gen.loader.stitch import stitch_continuations
from archive_gen.model import Item
from archive_gen.records import load_pages
from search_truth import BROWSER_CORPUS_QUERIES, SEED_QUERIES, Truth

from .sitekit import SEEDS_DIR, WatchedPage, search_page, serve_directory

pytestmark = pytest.mark.browser

COUNT = "#search-results[data-result-count]"
RESULT_LINKS = "[data-result]"


@pytest.fixture(scope="module")
def seed_truth() -> Truth:
    pages = stitch_continuations(load_pages([SEEDS_DIR]))
    items = [dataclasses.replace(i, url=urls.article_path(i.id, i.date)) for p in pages for i in p.items]
    return Truth(items)


@pytest.fixture(scope="module")
def corpus_site(seed_site: Path, corpus_10k: tuple[list[Item], dict[str, bytes]],
                tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Truth]:
    """The seed site's search page and scripts with the 10k corpus's index in place of the seeds'."""
    items, files = corpus_10k
    site = tmp_path_factory.mktemp("corpus-site")
    shutil.copytree(seed_site / "static", site / "static")
    (site / "search").mkdir()
    shutil.copy(search_page(seed_site), site / "search" / "index.html")
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    return site, Truth(items)


@pytest.fixture(scope="module")
def corpus_url(corpus_site: tuple[Path, Truth]) -> Iterator[str]:
    with serve_directory(corpus_site[0]) as url:
        yield url


def wait_count(page: Page) -> int:
    page.wait_for_selector(COUNT, state="attached")
    return int(page.get_attribute("#search-results", "data-result-count") or "-1")


def all_results(page: Page, site_root: str) -> set[str]:
    """Every result of the finished search (all pages of it), as site-relative paths."""
    count = wait_count(page)
    if page.locator(RESULT_LINKS).count() < count:
        page.get_by_role("button", name="全部显示").click()
        expect(page.locator(RESULT_LINKS)).to_have_count(count, timeout=60_000)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    assert len(hrefs) == count
    return {unquote(h)[len(site_root):] for h in hrefs}


def check_queries(page: Page, base: str, site_root: str, truth: Truth, queries: tuple[str, ...],
                  typed: bool = False) -> int:
    """Open search/index.html?q=… for each query (or type each into the box of one page); returns how
    many had results."""
    with_hits = 0
    if typed:
        page.goto(base + "search/index.html")
    for query in queries:
        if typed:
            page.get_by_role("searchbox").fill(query)
            page.get_by_role("searchbox").press("Enter")
        else:
            page.goto(base + "search/index.html?q=" + quote(query))
        expected = truth.expected(query)
        found = all_results(page, site_root)
        assert found == expected, (f"{query!r} at {base}: {len(found)} found, {len(expected)} expected; "
                                   f"missed {sorted(expected - found)[:3]}, wrong {sorted(found - expected)[:3]}")
        with_hits += bool(expected)
    return with_hits


@pytest.mark.parametrize("over", ["http", "file"])
def test_seed_site_finds_exactly_what_was_typed(over: str, seed_site: Path, site_url: str, seed_truth: Truth,
                                                watched: WatchedPage) -> None:
    base = site_url if over == "http" else seed_site.as_uri() + "/"
    with_hits = check_queries(watched.page, base, base, seed_truth, SEED_QUERIES[:8])  # a URL each
    with_hits += check_queries(watched.page, base, base, seed_truth, SEED_QUERIES[8:], typed=True)
    assert with_hits >= 30
    assert watched.console.errors == []


@pytest.mark.parametrize("over", ["http", "file"])
def test_corpus_of_10k_finds_exactly_what_was_typed(over: str, corpus_site: tuple[Path, Truth], corpus_url: str,
                                                    watched: WatchedPage) -> None:
    site, truth = corpus_site
    base = corpus_url if over == "http" else site.as_uri() + "/"
    with_hits = check_queries(watched.page, base, base, truth, BROWSER_CORPUS_QUERIES, typed=True)
    assert len(BROWSER_CORPUS_QUERIES) >= 30 and with_hits >= 24
    assert watched.console.errors == []


def test_results_show_date_page_kind_region_and_a_marked_snippet(site_url: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(site_url + "search/index.html?q=" + quote("货车司机"))
    assert wait_count(page) == 5
    first = page.locator("#search-results li").first
    expect(first.locator("mark").first).to_have_text("货车司机")
    meta = first.locator(".card-meta").inner_text()
    assert meta.startswith("2023-11-23 · 消息 · 青海省海西蒙古族藏族自治州"), meta
    # a title hit ranks first; the word inside 总工会 is marked in the snippet
    page.goto(site_url + "search/index.html?q=" + quote("工会"))
    wait_count(page)
    assert page.locator("#search-results li .snippet mark", has_text="工会").count() > 5


def test_filters_count_for_the_query_and_the_url_keeps_the_state(site_url: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(site_url + "search/index.html")
    box = page.get_by_role("searchbox")
    box.fill("货车司机")
    box.press("Enter")
    assert wait_count(page) == 5
    assert parse_qs(urlsplit(page.url).query) == {"q": ["货车司机"]}
    province = page.get_by_label("省份")
    qinghai = province.locator("option[value='青海省']")
    expect(qinghai).to_have_text("青海省（1）")  # counted for this query, not for the archive
    province.select_option("青海省")
    assert wait_count(page) == 1
    assert parse_qs(urlsplit(page.url).query) == {"q": ["货车司机"], "province": ["青海省"]}
    expect(page.locator(RESULT_LINKS)).to_have_text(["海西州工会开展关爱货车司机活动"])
    # Back returns to the unfiltered search, from the URL alone
    page.go_back()
    assert wait_count(page) == 5
    expect(province).to_have_value("")
    # a bookmarked URL with a filter runs on load; date order is a switch in the URL too
    page.goto(site_url + "search/index.html?q=" + quote("工会") + "&year=2021&sort=date")
    count = wait_count(page)
    assert 0 < count < 35
    expect(page.get_by_label("年份")).to_have_value("2021")
    dates = page.eval_on_selector_all("#search-results time", "ts => ts.map(t => t.textContent)")
    assert dates and dates == sorted(dates, reverse=True) and all(d.startswith("2021") for d in dates)
    assert watched.console.errors == []


def test_typing_searches_and_replaces_the_url_and_a_late_answer_is_dropped(site_url: str,
                                                                           watched: WatchedPage) -> None:
    page = watched.page
    held: list[Route] = []
    # the text chunks that results show are held back: the first query (14 results) waits for them,
    # the second (no result) needs none, so the first answer arrives last

    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/t*.js", hold)
    page.goto(site_url + "search/index.html")
    history = page.evaluate("history.length")
    box = page.get_by_role("searchbox")
    box.press_sequentially("天")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the first query never asked for its results' text"
    assert parse_qs(urlsplit(page.url).query) == {"q": ["天"]}  # the debounced search replaced the URL
    box.fill("女职工")
    assert wait_count(page) == 0
    for route in held:
        route.continue_()
    page.unroute("**/t*.js", hold)
    page.wait_for_timeout(800)  # the answer for 天 arrives now and must be ignored
    assert page.get_attribute("#search-results", "data-result-count") == "0"
    expect(page.locator(RESULT_LINKS)).to_have_count(0)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["女职工"]}
    assert page.evaluate("history.length") == history  # typing replaces the entry, it does not push
    assert watched.console.errors == []


def older_shard_files(files: dict[str, bytes], query: str) -> set[str]:
    """The index files that search.js reads for a query in every shard but the newest (search.IndexReader
    plans as search.js does)."""
    reader = search.IndexReader(files)
    reader.search(query)
    newest = f"{search.SEARCH_DIR}/{reader.root['shards'][0]['dir']}/"
    return {path for path in reader.loaded if not path.startswith(newest)}


class Held:
    """Requests for the given site-relative files wait until released; after that they go through."""

    def __init__(self, page: Page, paths: set[str]) -> None:
        self.paths = paths
        self.routes: list[Route] = []
        self.released = False
        page.route(self.matches, self.hold)

    def matches(self, url: str) -> bool:
        return any(url.endswith("/" + path) for path in self.paths)

    def hold(self, route: Route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.routes:
            route.continue_()


def shown_links(page: Page) -> list[str]:
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.getAttribute('href'))")


def newest_shard_start(files: dict[str, bytes], query: str, by_date: bool) -> list[str]:
    """Links of the results the newest shard decides alone (its hits in date order, its head hits in
    relevance order: no older hit can precede them), up to a page."""
    reader = search.IndexReader(files)
    hits = sorted((h for h in reader.search(query) if h.shard == 0 and (by_date or h.rank == 0)), key=lambda h: h.doc)
    return ["../" + str(reader.row(h)[0]) for h in hits[:20]]


@pytest.mark.parametrize("sort", ["", "date"])
def test_first_results_show_before_older_shards_answer(sort: str, corpus_10k: tuple[list[Item], dict[str, bytes]],
                                                       corpus_site: tuple[Path, Truth], corpus_url: str,
                                                       watched: WatchedPage) -> None:
    page = watched.page
    files = corpus_10k[1]
    truth = corpus_site[1]
    # a common word fills the first page from the newest month alone; a rarer one shows what it has there
    rarer = next(q for q in ("烟台", "劳模", "山东", "天津", "帮扶", "欠薪")
                 if 0 < len(newest_shard_start(files, q, sort == "date")) < 20)
    for query in ("工会", rarer):
        start = newest_shard_start(files, query, sort == "date")
        held = Held(page, older_shard_files(files, query))
        assert held.paths, f"{query} reads no file of the older shards"
        url = corpus_url + "search/index.html?q=" + quote(query) + ("&sort=date" if sort else "")
        page.goto(url, wait_until="domcontentloaded")  # held files hold the load event too
        expect(page.locator(RESULT_LINKS)).to_have_count(len(start))
        assert shown_links(page) == start
        assert held.routes, "the older shards were never asked"
        assert page.get_attribute("#search-results", "data-result-count") is None  # not known yet
        expect(page.locator("#search-more")).to_be_hidden()
        held.release()
        count = wait_count(page)
        assert count == len(truth.expected(query)) > 20
        final = shown_links(page)
        assert len(final) == 20 and final[:len(start)] == start  # the first ones stay, the rest follow
        expect(page.get_by_role("button", name=f"显示更多（还有 {count - 20} 篇）")).to_be_visible()
        page.unroute_all()
    assert watched.console.errors == []


def test_a_late_answer_never_replaces_a_newer_search_shown_early(corpus_10k: tuple[list[Item], dict[str, bytes]],
                                                                  corpus_site: tuple[Path, Truth], corpus_url: str,
                                                                  watched: WatchedPage) -> None:
    page = watched.page
    files = corpus_10k[1]
    old = older_shard_files(files, "工会")
    # a newer query that reads none of the files held back from the old one
    newer = next(q for q in ("劳模", "山东", "欠薪", "帮扶", "天津", "技能", "工匠")
                 if not older_shard_files(files, q) & old)
    held = Held(page, old)
    page.goto(corpus_url + "search/index.html?q=" + quote("工会"), wait_until="domcontentloaded")  # held: no load
    expect(page.locator(RESULT_LINKS)).to_have_count(20)  # the old query's first page, its count pending
    box = page.get_by_role("searchbox")
    box.fill(newer)
    box.press("Enter")
    expected = corpus_site[1].expected(newer)
    assert wait_count(page) == len(expected) > 20
    newer_links = shown_links(page)
    held.release()
    page.wait_for_timeout(800)  # the old query's answer arrives now and must be ignored
    assert page.get_attribute("#search-results", "data-result-count") == str(len(expected))
    assert shown_links(page) == newer_links
    assert parse_qs(urlsplit(page.url).query) == {"q": [newer]}
    assert watched.console.errors == []


def test_filters_fold_away_on_a_phone(site_url: str, watched_phone: WatchedPage) -> None:
    page = watched_phone.page
    page.goto(site_url + "search/index.html")
    expect(page.locator("#search-facets")).not_to_have_attribute("open", "")
    expect(page.get_by_label("省份")).to_be_hidden()
    page.locator("#search-facets summary").click()
    expect(page.get_by_label("省份")).to_be_visible()


def test_without_its_index_the_page_says_why(seed_site: Path, tmp_path: Path, watched: WatchedPage) -> None:
    copy = tmp_path / "site"
    shutil.copytree(seed_site, copy, ignore=shutil.ignore_patterns("index.js"))
    page = watched.page
    page.goto((copy / "search" / "index.html").as_uri() + "?q=" + quote("工会"))
    expect(page.get_by_role("status")).to_contain_text("搜索索引没有找到")
    expect(page.locator("#search-unavailable")).to_be_visible()
    expect(page.locator(RESULT_LINKS)).to_have_count(0)
