"""What pages the site has and what each is made from: one builder per page kind returns a frozen inputs
object, and the page's key is the hash of that object (plus its template and the rendering code).

Builders read the archive's indexes and summaries; context functions (render.py) read only the inputs,
plus item records and cards through references that carry their content keys (``RecordRef``,
``CardRef``). So a page whose inputs hash the same renders to the same bytes, and nothing needs to be
kept in sync by hand (Lektor records what a page reads; here the page says it up front).
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import io
import pickle
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from . import urls
from .archive import Archive, RegionNode, Term
from .config import Config
from .model import ItemSummary

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
    """One page to make: where it goes, its template, and how to build everything it is made from.

    ``fresh`` is False when the page cannot have changed since the last build (``Changes``): its last key
    stands and its inputs are never built, unless that build left no key or no file for it."""

    path: str
    template: str
    make: Callable[[], PageInputs] = field(compare=False)
    fresh: bool = True

    @functools.cached_property
    def inputs(self) -> PageInputs:
        return self.make()


def _given(inputs: PageInputs) -> Callable[[], PageInputs]:
    return functools.partial(_identity, inputs)


def _identity(inputs: PageInputs) -> PageInputs:
    return inputs


TermId = tuple[str, str]  # (kind, key): ("regions", code), ("topics", slug), ("keywords", word)


@dataclass(frozen=True)
class Changes:
    """What changed since the last build of this output, in terms of the archive: which pages could have
    other inputs. The plan builds inputs only for those and keeps the last build's key for the rest, so a
    day's rebuild costs what the day touches. It never changes a page's bytes: tests/test_build.py checks
    that incremental builds equal cold ones after every kind of change."""

    items: frozenset[str]  # ids added, removed or changed in any field
    issues: frozenset[str]  # issue keys of those items, before and after, and the issues next to new ones
    terms: frozenset[TermId]  # terms those items are (or were) in, and keywords whose page came or went
    since: Mapping[TermId, str]  # term -> oldest date where its membership changed (slices from there on)
    articles: frozenset[str]  # articles whose inputs may differ
    grown: Mapping[TermId, int] = field(default_factory=dict)  # term -> items gained (negative: lost)

    @classmethod
    def between(cls, before: Sequence[ItemSummary], after: Sequence[ItemSummary], archive: Archive,
                related_before: Mapping[str, tuple[str, ...]], keyword_pages_before: frozenset[str],
                issues_before: frozenset[str]) -> Changes:
        """The changes from the summaries a build replaced (``before``) to the ones it has now (``after``,
        for the same sources), given the previous related lists, keywords with pages and issue keys."""
        old = {i.id: i for i in before}
        new = {i.id: i for i in after}
        items = {i for i in old.keys() | new.keys() if old.get(i) != new.get(i)}
        issues = {urls.issue_key(x.date) for x in (*(old[i] for i in items if i in old),
                                                   *(new[i] for i in items if i in new))}
        added = set(archive.issue_by_key) - issues_before
        removed = issues_before - set(archive.issue_by_key)
        keys = [i.key for i in archive.issues]
        for key in added | removed:
            issues.add(key)
            neighbours = keys if key in archive.issue_by_key else sorted({*keys, key}, reverse=True)
            at = neighbours.index(key)
            issues.update(neighbours[max(0, at - 1):at + 2])
        since: dict[TermId, str] = {}
        grown: dict[TermId, int] = {}
        terms: set[TermId] = set()
        for item_id in items:
            was = _terms(archive, old.get(item_id))
            now = _terms(archive, new.get(item_id))
            terms |= was | now
            for term in now - was:
                grown[term] = grown.get(term, 0) + 1
            for term in was - now:
                grown[term] = grown.get(term, 0) - 1
            dates = [x.date or "" for x in (old.get(item_id), new.get(item_id)) if x is not None]
            moved = was ^ now if was != now or len(set(dates)) > 1 else set()
            if old.get(item_id) is None or new.get(item_id) is None or len(set(dates)) > 1:
                moved = was | now
            for term in moved:
                since[term] = min(since.get(term, "9999"), *dates)
        keyword_pages = frozenset(t.label for t in archive.keywords if has_page("keywords", t))
        flipped = keyword_pages ^ keyword_pages_before
        terms.update(("keywords", word) for word in flipped)
        articles = {i for i in items if i in archive.items}
        for key in issues:
            if key in archive.issue_by_key:
                articles.update(archive.issue_by_key[key].item_ids)
        for item_id, related in archive.related.items():
            if related_before.get(item_id) != related or any(r in items for r in related):
                articles.add(item_id)
        for word in flipped:
            term = archive.keyword_by_word.get(word)
            if term is not None:
                articles.update(term.item_ids)
        return cls(frozenset(items), frozenset(issues), frozenset(terms), since, frozenset(articles), grown)


def _terms(archive: Archive, item: ItemSummary | None) -> set[TermId]:
    """Every term page an item is listed on: its regions and their ancestors, topics, keywords."""
    if item is None:
        return set()
    found: set[TermId] = {("topics", slug) for slug, _ in item.topics}
    found.update(("keywords", word) for word, _ in item.keywords)
    for region in item.regions:
        code = region.code
        found.add(("regions", code))
        found.add(("regions", code[:2] + "0000"))
        if region.county and region.prefecture:
            found.add(("regions", code[:4] + "00"))
    return found


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


def archived_pages(count: int, per_page: int) -> int:
    """How many older pages a term of ``count`` items has (``term_plan``'s second answer)."""
    slices = max(1, -(-count // per_page))
    return slices - (1 if count % per_page == 0 or slices == 1 else 2)


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
                 redirects: Sequence[tuple[str, str, str]] = (), changes: Changes | None = None) -> None:
        self.archive = archive
        self.config = config
        self.changes = changes  # None: every page's inputs are built
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
        changes = self.changes
        yield PageJob("index.html", "index.html", self.home)
        for key in archive.issue_by_key:
            fresh = changes is None or key in changes.issues
            yield PageJob(archive.issue_by_key[key].url, "issue.html", functools.partial(self.issue, key), fresh)
        for item_id in archive.order:
            fresh = changes is None or item_id in changes.articles
            yield PageJob(archive.items[item_id].url, "article.html", functools.partial(self.article, item_id),
                          fresh)
        for kind in ("regions", "topics", "keywords"):
            yield PageJob(f"{kind}/index.html", "taxonomy_list.html", functools.partial(self.term_list, kind))
            for term in terms_of(archive, kind):
                if not has_page(kind, term):
                    continue
                key = term.code if isinstance(term, RegionNode) else term.label if kind == "keywords" else term.slug
                dirty = changes is None or (kind, key) in changes.terms
                yield from self.term_pages(kind, term, dirty, changes.since.get((kind, key)) if changes else "",
                                           changes.grown.get((kind, key), 0) if changes else 0)
                if kind != "keywords":
                    path = urls.term_feed_path(kind, term.slug)
                    make = functools.partial(self.feed, path, f"{term_label(term)} - {self.site.title}",
                                             term.item_ids, urls.term_path(kind, term.slug))
                    yield PageJob(path, "feed.xml", make, dirty)
        yield PageJob("archive/index.html", "archive.html", self.calendar)
        yield PageJob("search/index.html", "search.html", self.search)
        yield PageJob("404.html", "404.html", _given(NotFoundInputs(self.site)))
        yield PageJob("feed.xml", "feed.xml",
                      functools.partial(self.feed, "feed.xml", self.site.title, archive.order, "index.html"))
        for old, new, title in self.redirects:
            yield PageJob(old, "redirect.html", _given(RedirectInputs(self.site, old, new, title)))

    def sitemap(self, paths: Sequence[str]) -> PageJob:
        """The sitemap of the given pages (every page but feeds, redirects and the 404 page)."""
        dates = {item.url: item.date for item in self.archive.items.values()}
        entries = tuple((urls.absolute(self.site.base_url, p) if self.site.base_url else p,
                         dates.get(p) if len(urls.date_parts(dates.get(p))) == 3 else None) for p in paths)
        return PageJob("sitemap.xml", "sitemap.xml", _given(SitemapInputs(entries)))

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

    def term_pages(self, kind: str, term: RegionNode | Term, dirty: bool = True, since: str | None = "",
                   grown: int = 0) -> Iterator[PageJob]:
        """The term's front page, then its older pages 1, 2… (page 1 the oldest); see ``term_plan``.

        A term that is not ``dirty`` yields its pages without inputs; a dirty one builds the front page,
        the older pages holding a changed item, every older page holding items dated ``since`` or later
        (its membership changed there: the slices after it shift), and the pages from the last one the
        term had before it ``grown`` (whose link to the next newer page moved)."""
        slices, archived = term_plan(term, self.config.per_page)
        last_before = archived_pages(term.count - grown, self.config.per_page)
        changed = self.changes.items if self.changes is not None else None
        front = functools.partial(self._term_inputs, kind, term, None)
        yield PageJob(urls.term_path(kind, term.slug), "taxonomy_term.html", front, dirty)
        items = self.archive.items
        for number in range(1, archived + 1):
            ids = slices[number - 1]
            make = functools.partial(self._term_inputs, kind, term, number)
            fresh = dirty and (changed is None or number >= min(archived, last_before)
                               or any(i in changed for i in ids) or bool(since and (items[ids[0]].date or "") >= since))
            yield PageJob(urls.term_path(kind, term.slug, number), "taxonomy_term.html", make, fresh)

    def _term_inputs(self, kind: str, term: RegionNode | Term, number: int | None) -> TermInputs:
        """One page of a term: the front page (``number`` None) or older page ``number``."""
        slices, archived = term_plan(term, self.config.per_page)
        label = term_label(term)
        breadcrumbs: tuple[Link, ...] = ()
        level = None
        feed = urls.term_feed_path(kind, term.slug) if kind != "keywords" else None
        if isinstance(term, RegionNode):
            breadcrumbs = tuple((urls.term_path("regions", n.slug), n.name)
                                for n in self.archive.region_path(term.code)[:-1])
            level = LEVEL_LABELS[term.level]
        if number is None:
            children: tuple[tuple[Link, int], ...] = ()
            if isinstance(term, RegionNode):
                regions = self.archive.regions
                children = tuple(((urls.term_path("regions", regions[c].slug), regions[c].name), regions[c].count)
                                 for c in term.children)
            pagination = None
            if archived:
                pagination = (f"更早的稿件：共{archived}页，第1页最早", None,
                              (urls.term_path(kind, term.slug, archived), "更早"),
                              tuple(((urls.term_path(kind, term.slug, n), str(n)), self._slice_range(slices[n - 1]))
                                    for n in range(archived, 0, -1)))
            front_ids = [i for chunk in slices[archived:][::-1] for i in chunk]
            return TermInputs(self.site, kind, urls.term_path(kind, term.slug), label, None, breadcrumbs, level, feed,
                              term.count, children, tuple(self.card(i) for i in front_ids), pagination)
        ids = slices[number - 1]
        newer = (urls.term_path(kind, term.slug) if number == archived else urls.term_path(kind, term.slug, number + 1),
                 "最新" if number == archived else "较新")
        older = (urls.term_path(kind, term.slug, number - 1), "较早") if number > 1 else None
        return TermInputs(self.site, kind, urls.term_path(kind, term.slug, number), label, number, breadcrumbs, level,
                          feed, None, (), tuple(self.card(i) for i in ids),
                          (f"第{number}页（{self._slice_range(ids)}）", newer, older, ()))

    def _slice_range(self, ids: Sequence[str]) -> str:
        """"2021年5月14日—2021年6月2日" for a slice listed newest first."""
        items = self.archive.items
        newest, oldest = format_date(items[ids[0]].date), format_date(items[ids[-1]].date)
        return newest if newest == oldest else f"{oldest}—{newest}"

    def feed(self, path: str, title: str, item_ids: Sequence[str], alternate: str) -> FeedInputs:
        shown = item_ids[:self.config.feed_items]
        # the build's date stands in for an undated item's (or an empty feed's) time; only then is it an input
        dated = shown and all(len(urls.date_parts(self.archive.items[i].date)) == 3 for i in shown)
        return FeedInputs(self.site, "" if dated else self.build_date, path, title, alternate,
                          tuple(self.record(i) for i in shown))

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
