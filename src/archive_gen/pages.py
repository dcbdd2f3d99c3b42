"""What pages the site has and what each is made from: one builder per page kind returns a frozen inputs
object, and the page's key is the hash of that object (plus its template and the rendering code).

Builders read the archive's indexes and summaries; context functions (render.py) read only the inputs,
plus item records and cards through references that carry their content keys (``RecordRef``,
``CardRef``). So a page whose inputs hash the same renders to the same bytes, and nothing needs to be
kept in sync by hand (Lektor records what a page reads; here the page says it up front).
"""

from __future__ import annotations

import calendar
import hashlib
import io
import pickle
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from . import urls
from .archive import Archive, RegionNode, Term
from .config import Config

KIND_LABELS = {"article": "消息", "photo": "图片", "commentary": "评论", "brief": "简讯", "fragment": "续文"}
TAXONOMY_LABELS = {"regions": "地区", "topics": "主题", "keywords": "关键词"}
LEVEL_LABELS = {"province": "省级", "prefecture": "地级", "county": "县级"}
HOME_ISSUES = 10
HOME_TERMS = 15
HEADLINES = 4
# a keyword carried by a single item gets no page of its own (it would only repeat that article's
# link); it is still listed on the keyword index and shown on the article, unlinked
KEYWORD_PAGE_MIN = 2

CardRef = tuple[str, str]  # (item id, card key): a card, with the key of what it shows
RecordRef = tuple[str, str, str]  # (source, item id, record key): an item's full record
Link = tuple[str, str]  # (site-relative target path, label)


@dataclass(frozen=True)
class SiteInputs:
    """What every page shows of the site (config values)."""

    title: str
    newspaper: str
    description: str
    lang: str
    base_url: str


@dataclass(frozen=True)
class HomeInputs:
    site: SiteInputs
    build_date: str
    latest: tuple[tuple[Link, int, int, tuple[CardRef, ...]], ...]  # issue link, pages, items, headlines
    regions: tuple[tuple[Link, int], ...]
    topics: tuple[tuple[Link, int], ...]
    counts: tuple[int, int, int, int]  # articles, issues, regions, topics
    about_html: str | None


@dataclass(frozen=True)
class IssueInputs:
    site: SiteInputs
    path: str
    label: str
    date: str | None
    pages: tuple[tuple[str, str, tuple[CardRef, ...]], ...]  # label, anchor, cards
    item_count: int
    older: Link | None
    newer: Link | None


@dataclass(frozen=True)
class ArticleInputs:
    site: SiteInputs
    path: str
    record: RecordRef
    issue: Link
    neighbours: tuple[CardRef | None, CardRef | None]  # previous, next in the issue
    related: tuple[CardRef, ...]
    jumps: tuple[str | None, str | None]  # article paths of the other half (continued to, from)
    keywords: tuple[tuple[str, str | None], ...]  # word, its page (None: no page)
    regions: tuple[tuple[Link, str], ...]  # chip, trail ("省 › 市")
    topics: tuple[Link, ...]


@dataclass(frozen=True)
class TermListInputs:
    site: SiteInputs
    kind: str
    terms: tuple[TermTree, ...]
    term_count: int


@dataclass(frozen=True)
class TermTree:
    link: Link | None  # None: the term has no page (a keyword of one item)
    label: str
    count: int
    children: tuple[TermTree, ...] = ()


@dataclass(frozen=True)
class TermInputs:
    site: SiteInputs
    kind: str
    path: str
    label: str
    number: int | None  # None: the front page
    breadcrumbs: tuple[Link, ...]
    level_label: str | None
    feed: str | None
    count: int | None
    children: tuple[tuple[Link, int], ...]
    cards: tuple[CardRef, ...]
    pagination: tuple[str, Link | None, Link | None, tuple[tuple[Link, str], ...]] | None  # label, newer, older, pages


@dataclass(frozen=True)
class FeedInputs:
    site: SiteInputs
    build_date: str
    path: str
    title: str
    alternate: str
    entries: tuple[RecordRef, ...]


@dataclass(frozen=True)
class ArchiveInputs:
    site: SiteInputs
    years: tuple[tuple[str, int, tuple[tuple[str, str | None, tuple[tuple[str, str], ...]], ...]], ...]
    undated: tuple[str, int] | None  # (path, item count) of the issue of undated pages


@dataclass(frozen=True)
class SearchInputs:
    site: SiteInputs
    facets: tuple[tuple[str, str, tuple[tuple[str, str, int, str | None, str | None], ...]], ...]
    item_count: int


@dataclass(frozen=True)
class NotFoundInputs:
    site: SiteInputs


@dataclass(frozen=True)
class RedirectInputs:
    site: SiteInputs
    path: str
    target: str
    title: str


@dataclass(frozen=True)
class SitemapInputs:
    entries: tuple[tuple[str, str | None], ...]  # loc, lastmod


PageInputs = (HomeInputs | IssueInputs | ArticleInputs | TermListInputs | TermInputs | FeedInputs | ArchiveInputs
              | SearchInputs | NotFoundInputs | RedirectInputs | SitemapInputs)


@dataclass(frozen=True)
class PageJob:
    """One page to make: where it goes, its template, and everything it is made from."""

    path: str
    template: str
    inputs: PageInputs


def inputs_digest(inputs: PageInputs) -> bytes:
    """Hash of an inputs object: pickled without memo (so equal objects give equal bytes, however their
    strings were made) and hashed."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(inputs)
    return hashlib.sha256(buffer.getvalue()).digest()


def site_inputs(config: Config) -> SiteInputs:
    return SiteInputs(config.title, config.newspaper or config.title, config.description, config.language,
                      config.base_url)


# ---------------------------------------------------------------------------------------------
# labels shared by builders and contexts

def format_date(date: str | None) -> str:
    parts = urls.date_parts(date)
    if len(parts) == 3:
        return f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    if len(parts) == 2:
        return f"{int(parts[0])}年{int(parts[1])}月"
    if len(parts) == 1:
        return f"{int(parts[0])}年"
    return "日期不详"


def page_label(number: int | None) -> str:
    return f"第{number}版" if number is not None else "版次不详"


def issue_label(archive: Archive, key: str) -> str:
    return format_date(archive.issue_by_key[key].date)


def has_page(kind: str, term: RegionNode | Term) -> bool:
    """Regions and topics always get a page; keywords only when shared by several items."""
    return kind != "keywords" or term.count >= KEYWORD_PAGE_MIN


def default_build_date(archive: Archive, epoch: str) -> str:
    """SOURCE_DATE_EPOCH when given, else the newest issue's date: the output never depends on the clock."""
    if epoch.strip().isdigit():
        return time.strftime("%Y-%m-%d", time.gmtime(int(epoch.strip())))
    parts = urls.date_parts(archive.newest_date() or "")
    # a month-only newest issue still gives a valid day for feeds
    return "-".join((*parts, "01", "01")[:3]) if parts else "1970-01-01"


def term_plan(term: RegionNode | Term, per_page: int) -> tuple[list[tuple[str, ...]], int]:
    """The term's items cut into slices of ``per_page`` counted from the oldest (each slice newest
    first), and how many of the oldest slices get pages of their own.

    New items only ever fill the newest slice, so every older slice page keeps its bytes and its URL
    its meaning. The front page shows the newest slice, and the one before it while the newest holds
    less than a full page.
    """
    chrono = term.item_ids[::-1]  # oldest first
    slices = [chrono[start:start + per_page][::-1] for start in range(0, len(chrono), per_page)] or [()]
    on_front = 1 if len(chrono) % per_page == 0 or len(slices) == 1 else 2
    return slices, len(slices) - on_front


def terms_of(archive: Archive, kind: str) -> Sequence[RegionNode | Term]:
    if kind == "regions":
        return [archive.regions[code] for code in sorted(archive.regions)]
    return archive.topics if kind == "topics" else archive.keywords


def term_label(term: RegionNode | Term) -> str:
    return term.name if isinstance(term, RegionNode) else term.label


# ---------------------------------------------------------------------------------------------
# the plan

class SitePlan:
    """Every page of the site as a PageJob, built from the archive (summaries and indexes)."""

    def __init__(self, archive: Archive, config: Config, *, about_html: str | None, build_date: str,
                 redirects: Sequence[tuple[str, str, str]] = ()) -> None:
        self.archive = archive
        self.config = config
        self.site = site_inputs(config)
        self.about_html = about_html
        self.build_date = build_date
        self.redirects = redirects  # (old path, new path, title)
        self._cards: dict[str, CardRef] = {}

    def card(self, item_id: str) -> CardRef:
        ref = self._cards.get(item_id)
        if ref is None:
            ref = self._cards[item_id] = (item_id, self.archive.items[item_id].card_key)
        return ref

    def record(self, item_id: str) -> RecordRef:
        item = self.archive.items[item_id]
        return (item.source, item.id, item.record_key)

    def jobs(self) -> Iterator[PageJob]:
        """Every page, in a fixed order (the sitemap comes last: it lists the others)."""
        archive = self.archive
        yield PageJob("index.html", "index.html", self.home())
        for key in archive.issue_by_key:
            yield PageJob(archive.issue_by_key[key].url, "issue.html", self.issue(key))
        for item_id in archive.order:
            yield PageJob(archive.items[item_id].url, "article.html", self.article(item_id))
        for kind in ("regions", "topics", "keywords"):
            yield PageJob(f"{kind}/index.html", "taxonomy_list.html", self.term_list(kind))
            for term in terms_of(archive, kind):
                if not has_page(kind, term):
                    continue
                yield from self.term_pages(kind, term)
                if kind != "keywords":
                    path = urls.term_feed_path(kind, term.slug)
                    yield PageJob(path, "feed.xml", self.feed(path, f"{term_label(term)} - {self.site.title}",
                                                              term.item_ids, urls.term_path(kind, term.slug)))
        yield PageJob("archive/index.html", "archive.html", self.calendar())
        yield PageJob("search/index.html", "search.html", self.search())
        yield PageJob("404.html", "404.html", NotFoundInputs(self.site))
        yield PageJob("feed.xml", "feed.xml", self.feed("feed.xml", self.site.title, archive.order, "index.html"))
        for old, new, title in self.redirects:
            yield PageJob(old, "redirect.html", RedirectInputs(self.site, old, new, title))

    def sitemap(self, paths: Sequence[str]) -> PageJob:
        """The sitemap of the given pages (every page but feeds, redirects and the 404 page)."""
        dates = {item.url: item.date for item in self.archive.items.values()}
        entries = tuple((urls.absolute(self.site.base_url, p) if self.site.base_url else p,
                         dates.get(p) if len(urls.date_parts(dates.get(p))) == 3 else None) for p in paths)
        return PageJob("sitemap.xml", "sitemap.xml", SitemapInputs(entries))

    # -- builders -----------------------------------------------------------------------------

    def home(self) -> HomeInputs:
        archive = self.archive
        latest = []
        for issue in archive.issues[:HOME_ISSUES]:
            latest.append(((issue.url, issue_label(archive, issue.key)), len(issue.pages), len(issue.item_ids),
                           tuple(self.card(i) for i in headlines(archive, issue.item_ids))))
        regions = tuple(((urls.term_path("regions", archive.regions[c].slug), archive.regions[c].name),
                         archive.regions[c].count) for c in archive.region_roots[:HOME_TERMS])
        topics = tuple(((urls.term_path("topics", t.slug), t.label), t.count) for t in archive.topics[:HOME_TERMS])
        counts = (len(archive.items), len(archive.issues), len(archive.regions), len(archive.topics))
        return HomeInputs(self.site, self.build_date, tuple(latest), regions, topics, counts, self.about_html)

    def issue(self, key: str) -> IssueInputs:
        archive = self.archive
        issue = archive.issue_by_key[key]
        pages = tuple((page_label(p.page), f"page-{p.page}" if p.page is not None else "page-unknown",
                       tuple(self.card(i) for i in p.item_ids)) for p in issue.pages)
        older = (urls.issue_path(issue.prev_key), issue_label(archive, issue.prev_key)) if issue.prev_key else None
        newer = (urls.issue_path(issue.next_key), issue_label(archive, issue.next_key)) if issue.next_key else None
        return IssueInputs(self.site, issue.url, issue_label(archive, key), issue.date, pages, len(issue.item_ids),
                           older, newer)

    def article(self, item_id: str) -> ArticleInputs:
        archive = self.archive
        item = archive.items[item_id]
        issue = archive.issue_by_key[archive.issue_of[item_id]]
        position = issue.item_ids.index(item_id)
        before = issue.item_ids[position - 1] if position > 0 else None
        after = issue.item_ids[position + 1] if position + 1 < len(issue.item_ids) else None
        jumps = tuple(archive.items[target].url if target else None
                      for target in (archive.continued_to.get(item_id), archive.continued_from.get(item_id)))
        keywords = []
        for word, _ in item.keywords:
            term = archive.keyword_by_word.get(word)
            keywords.append((word, urls.term_path("keywords", term.slug)
                             if term is not None and has_page("keywords", term) else None))
        regions = []
        for region in item.regions:
            path = archive.region_path(region.code)
            node = path[-1]
            regions.append(((urls.term_path("regions", node.slug), node.name), " › ".join(n.name for n in path)))
        topics = tuple((urls.term_path("topics", slug), archive.topic_by_slug[slug].label) for slug, _ in item.topics)
        return ArticleInputs(
            self.site, item.url, self.record(item_id),
            (issue.url, f"{issue_label(archive, issue.key)} {page_label(item.page)}"),
            (self.card(before) if before else None, self.card(after) if after else None),
            tuple(self.card(r) for r in archive.related.get(item_id, ())), (jumps[0], jumps[1]), tuple(keywords),
            tuple(regions), topics)

    def term_list(self, kind: str) -> TermListInputs:
        archive = self.archive
        if kind == "regions":
            terms = tuple(self._region_tree(code) for code in archive.region_roots)
        else:
            terms = tuple(TermTree((urls.term_path(kind, t.slug), t.label) if has_page(kind, t) else None, t.label,
                                   t.count) for t in terms_of(archive, kind))
        return TermListInputs(self.site, kind, terms, len(terms_of(archive, kind)))

    def _region_tree(self, code: str) -> TermTree:
        node = self.archive.regions[code]
        return TermTree((urls.term_path("regions", node.slug), node.name), node.name, node.count,
                        tuple(self._region_tree(child) for child in node.children))

    def term_pages(self, kind: str, term: RegionNode | Term) -> Iterator[PageJob]:
        """The term's front page, then its older pages 1, 2… (page 1 the oldest); see ``term_plan``."""
        per_page = self.config.per_page
        slices, archived = term_plan(term, per_page)
        front_ids = [i for chunk in slices[archived:][::-1] for i in chunk]
        label = term_label(term)
        breadcrumbs: tuple[Link, ...] = ()
        level = None
        children: tuple[tuple[Link, int], ...] = ()
        if isinstance(term, RegionNode):
            breadcrumbs = tuple((urls.term_path("regions", n.slug), n.name)
                                for n in self.archive.region_path(term.code)[:-1])
            level = LEVEL_LABELS[term.level]
            children = tuple(((urls.term_path("regions", self.archive.regions[c].slug), self.archive.regions[c].name),
                              self.archive.regions[c].count) for c in term.children)
        feed = urls.term_feed_path(kind, term.slug) if kind != "keywords" else None
        pagination = None
        if archived:
            pagination = (f"更早的稿件：共{archived}页，第1页最早", None,
                          (urls.term_path(kind, term.slug, archived), "更早"),
                          tuple(((urls.term_path(kind, term.slug, n), str(n)), self._slice_range(slices[n - 1]))
                                for n in range(archived, 0, -1)))
        path = urls.term_path(kind, term.slug)
        yield PageJob(path, "taxonomy_term.html", TermInputs(
            self.site, kind, path, label, None, breadcrumbs, level, feed, term.count, children,
            tuple(self.card(i) for i in front_ids), pagination))
        for number in range(1, archived + 1):
            ids = slices[number - 1]
            newer = (urls.term_path(kind, term.slug) if number == archived else urls.term_path(kind, term.slug, number + 1),
                     "最新" if number == archived else "较新")
            older = (urls.term_path(kind, term.slug, number - 1), "较早") if number > 1 else None
            path = urls.term_path(kind, term.slug, number)
            yield PageJob(path, "taxonomy_term.html", TermInputs(
                self.site, kind, path, label, number, breadcrumbs, level, feed, None, (),
                tuple(self.card(i) for i in ids), (f"第{number}页（{self._slice_range(ids)}）", newer, older, ())))

    def _slice_range(self, ids: Sequence[str]) -> str:
        """"2021年5月14日—2021年6月2日" for a slice listed newest first."""
        items = self.archive.items
        newest, oldest = format_date(items[ids[0]].date), format_date(items[ids[-1]].date)
        return newest if newest == oldest else f"{oldest}—{newest}"

    def feed(self, path: str, title: str, item_ids: Sequence[str], alternate: str) -> FeedInputs:
        return FeedInputs(self.site, self.build_date, path, title, alternate,
                          tuple(self.record(i) for i in item_ids[:self.config.feed_items]))

    def calendar(self) -> ArchiveInputs:
        archive = self.archive
        years = []
        for year in archive.years:
            months = []
            for month in year.months:
                months.append((year.year, month.month, tuple((key, issue_label(archive, key))
                                                              for key in month.issue_keys)))
            years.append((year.year, year.issue_count, tuple(months)))
        undated = archive.issue_by_key.get(urls.UNDATED)
        return ArchiveInputs(self.site, tuple(years), (undated.url, len(undated.item_ids)) if undated else None)

    def search(self) -> SearchInputs:
        return SearchInputs(self.site, search_facets(self.archive), len(self.archive.items))


def headlines(archive: Archive, item_ids: Sequence[str], limit: int = HEADLINES) -> list[str]:
    """The first items of an issue that have a headline of their own (fragments and photos later)."""
    preferred = [i for i in item_ids if archive.items[i].kind in ("article", "commentary") and archive.items[i].title]
    rest = [i for i in item_ids if i not in preferred]
    return (preferred + rest)[:limit]


def search_facets(archive: Archive) -> tuple[tuple[str, str, tuple[tuple[str, str, int, str | None, str | None], ...]],
                                             ...]:
    """Filter choices of the search form: (name, label, options (value, label, count, province, prefecture))."""
    def by_level(level: str) -> list[RegionNode]:
        return sorted((n for n in archive.regions.values() if n.level == level), key=lambda n: (-n.count, n.code))

    province = tuple((archive.regions[c].name, archive.regions[c].name, archive.regions[c].count, None, None)
                     for c in archive.region_roots)
    prefecture = tuple((n.name, n.name, n.count, n.province, None) for n in by_level("prefecture"))
    # county names repeat across China (朝阳区, 鼓楼区): the label says where, the page script then sets
    # the province and city filters too
    county = tuple((n.name, f"{n.name}（{n.prefecture or n.province}）", n.count, n.province, n.prefecture)
                   for n in by_level("county"))
    topic = tuple((t.label, t.label, t.count, None, None) for t in archive.topics)
    years: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for item in archive.items.values():
        year = urls.date_parts(item.date)[:1]
        if year:
            years[year[0]] = years.get(year[0], 0) + 1
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    year_options = tuple((y.year, y.year, years.get(y.year, 0), None, None) for y in archive.years)
    kind = tuple((k, KIND_LABELS.get(k, k), kinds[k], None, None) for k in sorted(kinds, key=lambda k: (-kinds[k], k)))
    return (("province", "省份", province), ("prefecture", "地市", prefecture), ("county", "区县", county),
            ("topic", "主题", topic), ("year", "年份", year_options), ("kind", "体裁", kind))


def month_weeks(year: str, month: str) -> list[list[int]]:
    return calendar.Calendar(firstweekday=0).monthdayscalendar(int(year), int(month))
