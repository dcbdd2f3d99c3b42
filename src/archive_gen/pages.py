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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace

from . import urls
from .archive import Archive, IssuePage, RegionNode, Term
from .config import Config
from .errors import ConfigError, clipped
from .model import ItemSummary
from .resources import builtin_dir

KIND_LABELS = {"article": "消息", "photo": "图片", "commentary": "评论", "brief": "简讯", "fragment": "续文"}
TAXONOMY_LABELS = {"regions": "地区", "topics": "主题", "keywords": "关键词"}
_TERM_FOLDERS = tuple(f"{kind}/" for kind in TAXONOMY_LABELS)
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
    page_names: tuple[tuple[int, str], ...] = ()  # 版 number -> name for pages that print none


@dataclass(frozen=True)
class HomeInputs:
    site: SiteInputs
    build_date: str
    latest: tuple[tuple[Link, int | None, int, tuple[CardRef, ...]], ...]  # issue link, pages (None: some
    #                                                                         page numbers unknown), items, headlines
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
    pages: tuple[tuple[str | None, str, str, tuple[CardRef, ...]], ...]  # 版 label (None: unknown), anchor,
    #                                                                     版面 page, cards; one per source page
    numbered: bool  # every page's number is known (only then does the issue say how many 版 it has)
    item_count: int
    older: Link | None
    newer: Link | None


@dataclass(frozen=True)
class SourcePageInputs:
    """The 版面 page of one source page: the page as printed, each item's lines linked to its article."""

    site: SiteInputs
    path: str
    page: tuple[str, str]  # (source, PageSummary.key): the printed page and its text, checked
    label: str | None  # "第3版：要闻"; None when neither number nor name is known
    issue: Link
    date: str | None
    articles: tuple[tuple[str, CardRef], ...]  # id an item has as printed here -> the article showing it
    pages: tuple[tuple[Link, bool], ...]  # every page of the issue (the 版面导航), current one flagged
    older: Link | None  # 上一版
    newer: Link | None  # 下一版


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
    source_page: Link | None = None  # its 版面 page ("第3版：要闻", or "版面原文" when unknown)
    page_label: str | None = None  # "第3版：要闻"; None when the page number and name are unknown
    same_page: tuple[CardRef, ...] = ()  # 本版其他稿件, in page order
    neighbour_issues: tuple[str | None, str | None] = (None, None)  # issue label of a neighbour in another issue
    issue_pages: tuple[tuple[int, str], ...] = ()  # 版 number -> 版面 page of this issue (jump targets)


@dataclass(frozen=True)
class TermListInputs:
    site: SiteInputs
    kind: str
    terms: tuple[TermTree, ...]
    term_count: int
    map: tuple[tuple[str, str, str, int], ...] = ()  # regions: province code, page, name, count


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
    timeline: tuple[tuple[str, int], ...] = ()  # front page of a topic: items per month ("2021-05", n)
    map: tuple[str, tuple[tuple[str, str, str, int], ...]] | None = None  # front page of a province: its
    #                                                   code and its prefectures (code, page, name, count)


@dataclass(frozen=True)
class FeedInputs:
    site: SiteInputs
    build_date: str
    path: str
    title: str
    alternate: str
    entries: tuple[RecordRef, ...]
    full: bool = False  # entries carry the whole text (the main feed), not only the opening


@dataclass(frozen=True)
class ArchiveInputs:
    site: SiteInputs
    years: tuple[tuple[str, int, tuple[tuple[str, str | None, tuple[tuple[str, str], ...]], ...]], ...]
    undated: tuple[str, int] | None  # (path, item count) of the issue of undated pages
    timeline: tuple[tuple[str, int], ...] = ()  # items per month ("2021-05", n), oldest first


@dataclass(frozen=True)
class SearchInputs:
    site: SiteInputs
    facets: tuple[tuple[str, str, tuple[tuple[str, str, int, str | None, str | None], ...]], ...]
    item_count: int


@dataclass(frozen=True)
class NotFoundInputs:
    site: SiteInputs
    css: str = ""  # the stylesheet, inlined: served at any depth, the page cannot know where static/ is


@dataclass(frozen=True)
class IssueDatesInputs:
    """Every issue's date and page, for the date picker (one small file, loaded only when it is used)."""

    issues: tuple[tuple[str, str], ...]  # (issue key, site-relative path), newest first


@dataclass(frozen=True)
class RedirectInputs:
    site: SiteInputs
    path: str
    target: str
    title: str


@dataclass(frozen=True)
class SitemapInputs:
    entries: tuple[tuple[str, str | None], ...]  # loc, lastmod


PageInputs = (HomeInputs | IssueInputs | SourcePageInputs | ArticleInputs | TermListInputs | TermInputs | FeedInputs
              | ArchiveInputs | SearchInputs | NotFoundInputs | IssueDatesInputs | RedirectInputs | SitemapInputs)


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
    issues: frozenset[str]  # issue keys whose issue page and articles may differ: of items changed in what
    # other pages show of them (before and after), and the issues next to new or removed ones
    printed: frozenset[str]  # issue keys whose 版面 pages may differ (they show the text: any change)
    terms: frozenset[TermId]  # terms those items are (or were) in, and keywords whose page came or went
    since: Mapping[TermId, str]  # term -> oldest date where its membership changed (slices from there on)
    articles: frozenset[str]  # articles whose inputs may differ
    grown: Mapping[TermId, int] = field(default_factory=dict)  # term -> items gained (negative: lost)

    @classmethod
    def between(cls, before: Sequence[ItemSummary], after: Sequence[ItemSummary], archive: Archive,
                related_before: Mapping[str, tuple[str, ...]], keyword_pages_before: frozenset[str],
                issues_before: frozenset[str]) -> Changes:
        """The changes from the summaries a build replaced (``before``) to the ones it has now (``after``,
        for the same sources), given the previous related lists, keywords with pages and issue keys.

        An item whose summary changed only in its record key (a correction deep in the body: its card,
        tags and abstract are the same) changes only the pages that show its text: its article and its
        版面 page (and its search shard)."""
        old = {i.id: i for i in before}
        new = {i.id: i for i in after}
        items = {i for i in old.keys() | new.keys() if old.get(i) != new.get(i)}
        shown = {i for i in items if _shown(old.get(i)) != _shown(new.get(i))}

        def issue_keys(ids: set[str]) -> set[str]:
            return {urls.issue_key(x.date) for x in (*(old[i] for i in ids if i in old),
                                                     *(new[i] for i in ids if i in new))}

        issues = issue_keys(shown)
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
        for item_id in shown:
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
                issue = archive.issue_by_key[key]
                articles.update(issue.item_ids)
                # 上一篇/下一篇 run on into the neighbouring issues: their last and first article show
                # this issue's first and last item
                if issue.item_ids:
                    older = archive.issue_by_key.get(issue.prev_key or "")
                    newer = archive.issue_by_key.get(issue.next_key or "")
                    if older is not None and older.item_ids:
                        articles.add(older.item_ids[-1])
                    if newer is not None and newer.item_ids:
                        articles.add(newer.item_ids[0])
        for item_id, related in archive.related.items():
            if related_before.get(item_id) != related or any(r in shown for r in related):
                articles.add(item_id)
        for word in flipped:
            term = archive.keyword_by_word.get(word)
            if term is not None:
                articles.update(term.item_ids)
        return cls(frozenset(items), frozenset(issues), frozenset(issues | issue_keys(items)), frozenset(terms),
                   since, frozenset(articles), grown)


def _shown(item: ItemSummary | None) -> ItemSummary | None:
    """What pages other than its article (and 版面 page) read of an item: its whole summary but the key
    of its full record."""
    return replace(item, record_key="") if item is not None else None


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
                      config.base_url, config.page_names)


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
    """"第3版", or "" when the number is unknown (nothing is said then)."""
    return f"第{number}版" if number is not None else ""


def page_title(site: SiteInputs, number: int | None, printed: str | None) -> str | None:
    """"第3版：要闻": the number and the name the page prints (else the configured name for that number);
    None when neither is known."""
    name = printed or (dict(site.page_names).get(number) if number is not None else None)
    if number is None:
        return name
    return f"第{number}版：{name}" if name else f"第{number}版"


def issue_label(archive: Archive, key: str) -> str:
    return format_date(archive.issue_by_key[key].date)


def has_page(kind: str, term: RegionNode | Term) -> bool:
    """Regions and topics always get a page; keywords only when shared by several items."""
    return kind != "keywords" or term.count >= KEYWORD_PAGE_MIN


# 9999-12-31T23:59:59Z: a later date has five digits of year, which no feed or sitemap date can hold
LAST_EPOCH = 253402300799


def source_date_epoch(value: str) -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds since 1970, None when unset or blank; a ConfigError naming it when
    it is no such number. It was read when ``str.isdigit`` said so: "²" and 5,000 digits passed that and
    were a ValueError traceback, a time past the year 9999 an OverflowError one; other text was ignored
    without a word (reproducible-builds.org asks a build to stop on a malformed value)."""
    text = value.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and len(text) <= 12 and int(text) <= LAST_EPOCH):
        raise ConfigError(f"must be a whole number of seconds since 1970-01-01 up to {LAST_EPOCH} "
                          f"(9999-12-31), got {clipped(value, 40)}", source="SOURCE_DATE_EPOCH",
                          hint="unset it, or set it to e.g. $(git log -1 --format=%ct)")
    return int(text)


def default_build_date(archive: Archive, epoch: str) -> str:
    """SOURCE_DATE_EPOCH when given, else the newest issue's date: the output never depends on the clock."""
    seconds = source_date_epoch(epoch)
    if seconds is not None:
        return time.strftime("%Y-%m-%d", time.gmtime(seconds))
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
                 redirects: Sequence[tuple[str, str, str]] = (), changes: Changes | None = None,
                 css: str = "") -> None:
        self.archive = archive
        self.config = config
        self.changes = changes  # None: every page's inputs are built
        self.site = site_inputs(config)
        self.about_html = about_html
        self.build_date = build_date
        self.redirects = redirects  # (old path, new path, title)
        self.css = css or stylesheet(config)  # the stylesheet the 404 page inlines
        self._cards: dict[str, CardRef] = {}
        self._source_pages: dict[str, list[tuple[str, str | None, tuple[IssuePage, int]]]] = {}

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
            # a 版面 page reads its source page, the cards of the issue's items and the issue's page list:
            # all of them change only with an item of its issue (Changes.printed)
            printed = changes is None or key in changes.printed
            for position, (path, _, _) in enumerate(self.source_pages(key)):
                yield PageJob(path, "source_page.html", functools.partial(self.source_page, key, position), printed)
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
                    # a feed listing an undated item reads the build's date, which a new newest day (or
                    # SOURCE_DATE_EPOCH) moves without touching the term: it kept the old date until --clean
                    yield PageJob(path, "feed.xml", make, dirty or self._reads_build_date(term.item_ids))
        yield PageJob("archive/index.html", "archive.html", self.calendar)
        yield PageJob(urls.ISSUE_DATES_PATH, "issues.js", self.issue_dates)
        yield PageJob("search/index.html", "search.html", self.search)
        yield PageJob("404.html", "404.html", _given(NotFoundInputs(self.site, self.css)))
        # the main feed carries whole articles: its ~50 records are mostly the newest day's, read anyway;
        # term feeds carry openings only (docs/site.md: dozens change a day, with older items in them)
        yield PageJob("feed.xml", "feed.xml",
                      functools.partial(self.feed, "feed.xml", self.site.title, archive.order, "index.html",
                                        full=True))
        for old, new, title in self.redirects:
            yield PageJob(old, "redirect.html", _given(RedirectInputs(self.site, old, new, title)))

    def term_redirects(self, published: Iterable[str], made: Set[str]) -> Iterator[PageJob]:
        """A redirect page at every term page the last build published that this one does not make: a term no
        item has any more (a topic taken out of the taxonomy, a keyword down to one item), or an older page of a
        term that shrank. It leads to the term's front page while the term has one, else to the list of its
        kind; a stale copy would list items that no longer carry the term and link to its withdrawn feed."""
        gone = sorted(p for p in published if p.startswith(_TERM_FOLDERS) and p not in made)  # most builds: none
        fronts: dict[tuple[str, str], tuple[str, str]] = {}
        for kind in TAXONOMY_LABELS if gone else ():
            for term in terms_of(self.archive, kind):
                if has_page(kind, term):
                    fronts[(kind, term.slug)] = (urls.term_path(kind, term.slug), term_label(term))
        for old in gone:
            found = urls.term_page_of(old)
            if found is None:
                continue
            kind, slug = found
            target, title = fronts.get((kind, slug), (f"{kind}/index.html", TAXONOMY_LABELS[kind]))
            yield PageJob(old, "redirect.html", _given(RedirectInputs(self.site, old, target, title)))

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
            numbered = all(p.page is not None for p in issue.pages)
            latest.append(((issue.url, issue_label(archive, issue.key)),
                           sum(len(p.sources) for p in issue.pages) if numbered else None, len(issue.item_ids),
                           tuple(self.card(i) for i in headlines(archive, issue.item_ids))))
        regions = tuple(((urls.term_path("regions", archive.regions[c].slug), archive.regions[c].name),
                         archive.regions[c].count) for c in archive.region_roots[:HOME_TERMS])
        topics = tuple(((urls.term_path("topics", t.slug), t.label), t.count) for t in archive.topics[:HOME_TERMS])
        counts = (len(archive.items), len(archive.issues), len(archive.regions), len(archive.topics))
        return HomeInputs(self.site, self.build_date, tuple(latest), regions, topics, counts, self.about_html)

    def source_pages(self, key: str) -> list[tuple[str, str | None, tuple[IssuePage, int]]]:
        """The printed pages of an issue in page order: (版面 path, 版 label, (its IssuePage, position
        among the IssuePage's sources))."""
        found = self._source_pages.get(key)
        if found is None:
            issue = self.archive.issue_by_key[key]
            found = []
            for page in issue.pages:
                unique = page.page is not None and len(page.sources) == 1
                for at, source in enumerate(page.sources):
                    name = page.names[at] if at < len(page.names) else None
                    found.append((urls.source_page_path(key, page.page, source, unique),
                                  page_title(self.site, page.page, name), (page, at)))
            self._source_pages[key] = found
        return found

    def _page_items(self, page: IssuePage, at: int) -> tuple[str, ...]:
        source = page.sources[at]
        if len(page.sources) == 1:
            return page.item_ids
        return tuple(i for i in page.item_ids if self.archive.items[i].source == source)

    def issue(self, key: str) -> IssueInputs:
        archive = self.archive
        issue = archive.issue_by_key[key]
        pages = []
        for number, (path, label, (page, at)) in enumerate(self.source_pages(key), start=1):
            anchor = f"page-{page.page}" if page.page is not None and len(page.sources) == 1 else f"printed-{number}"
            pages.append((label, anchor, path, tuple(self.card(i) for i in self._page_items(page, at))))
        older = (urls.issue_path(issue.prev_key), issue_label(archive, issue.prev_key)) if issue.prev_key else None
        newer = (urls.issue_path(issue.next_key), issue_label(archive, issue.next_key)) if issue.next_key else None
        return IssueInputs(self.site, issue.url, issue_label(archive, key), issue.date, tuple(pages),
                           all(p.page is not None for p in issue.pages), len(issue.item_ids), older, newer)

    def source_page(self, key: str, position: int) -> SourcePageInputs:
        archive = self.archive
        issue = archive.issue_by_key[key]
        listed = self.source_pages(key)
        path, label, (page, at) = listed[position]
        source = page.sources[at]
        articles = {i: self.card(i) for i in self._page_items(page, at)}
        # halves printed here and stitched into an article of another page of the issue
        for item_id in issue.item_ids:
            for part in archive.items[item_id].parts:
                articles.setdefault(part, self.card(item_id))
        nav = tuple(((p, lab or f"版面{n}"), n - 1 == position) for n, (p, lab, _) in enumerate(listed, start=1))
        older = nav[position - 1][0] if position > 0 else None
        newer = nav[position + 1][0] if position + 1 < len(nav) else None
        key_of = page.keys[at] if at < len(page.keys) else ""
        return SourcePageInputs(self.site, path, (source, key_of), label,
                                (issue.url, issue_label(archive, key)), issue.date,
                                tuple(sorted(articles.items())), nav, older, newer)

    def article(self, item_id: str) -> ArticleInputs:
        archive = self.archive
        item = archive.items[item_id]
        issue_key = archive.issue_of[item_id]
        issue = archive.issue_by_key[issue_key]
        position = issue.item_ids.index(item_id)
        before = issue.item_ids[position - 1] if position > 0 else None
        after = issue.item_ids[position + 1] if position + 1 < len(issue.item_ids) else None
        # the first and last items lead on into the neighbouring issues (older before, newer after)
        labels: list[str | None] = [None, None]
        if before is None and issue.prev_key and archive.issue_by_key[issue.prev_key].item_ids:
            before = archive.issue_by_key[issue.prev_key].item_ids[-1]
            labels[0] = issue_label(archive, issue.prev_key)
        if after is None and issue.next_key and archive.issue_by_key[issue.next_key].item_ids:
            after = archive.issue_by_key[issue.next_key].item_ids[0]
            labels[1] = issue_label(archive, issue.next_key)
        jumps = tuple(archive.items[target].url if target else None
                      for target in (archive.continued_to.get(item_id), archive.continued_from.get(item_id)))
        shown_regions = set()
        regions = []
        for region in item.regions:
            path = archive.region_path(region.code)
            node = path[-1]
            shown_regions.update(n.name for n in path)
            regions.append(((urls.term_path("regions", node.slug), node.name), " › ".join(n.name for n in path)))
        keywords = []
        for word, _ in item.keywords:
            if any(name == word or (len(word) >= 2 and name.startswith(word)) for name in shown_regions):
                continue  # the region chip already says it (福州 beside 福州市)
            term = archive.keyword_by_word.get(word)
            keywords.append((word, urls.term_path("keywords", term.slug)
                             if term is not None and has_page("keywords", term) else None))
        topics = tuple((urls.term_path("topics", slug), archive.topic_by_slug[slug].label) for slug, _ in item.topics)
        source_page: Link | None = None
        label: str | None = None
        same: tuple[str, ...] = ()
        numbers: dict[int, list[str]] = {}
        for path, title, (page, at) in self.source_pages(issue_key):
            if page.page is not None:
                numbers.setdefault(page.page, []).append(path)
            if page.sources[at] == item.source:
                source_page, label = (path, title or "版面原文"), title
                same = tuple(i for i in self._page_items(page, at) if i != item_id)
        return ArticleInputs(
            self.site, item.url, self.record(item_id),
            (issue.url, issue_label(archive, issue.key)),
            (self.card(before) if before else None, self.card(after) if after else None),
            tuple(self.card(r) for r in archive.related.get(item_id, ())), (jumps[0], jumps[1]), tuple(keywords),
            tuple(regions), topics, source_page, label, tuple(self.card(i) for i in same), (labels[0], labels[1]),
            tuple((n, paths[0]) for n, paths in sorted(numbers.items()) if len(paths) == 1))

    def term_list(self, kind: str) -> TermListInputs:
        archive = self.archive
        shown: tuple[tuple[str, str, str, int], ...] = ()
        if kind == "regions":
            terms = tuple(self._region_tree(code) for code in archive.region_roots)
            shown = tuple((code, urls.term_path("regions", archive.regions[code].slug), archive.regions[code].name,
                           archive.regions[code].count) for code in sorted(archive.region_roots))
        else:
            # a keyword of one item has no page: listing it would only be a word (the article shows it)
            terms = tuple(TermTree((urls.term_path(kind, t.slug), t.label), t.label, t.count)
                          for t in terms_of(archive, kind) if has_page(kind, t))
        return TermListInputs(self.site, kind, terms, len(terms), shown)

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
            timeline = month_counts(self.archive, term.item_ids) if kind == "topics" else ()
            shape = None
            if isinstance(term, RegionNode) and term.level == "province":
                regions = self.archive.regions
                shape = (term.code, tuple((c, urls.term_path("regions", regions[c].slug), regions[c].name,
                                           regions[c].count) for c in sorted(term.children)
                                          if regions[c].level == "prefecture"))
            return TermInputs(self.site, kind, urls.term_path(kind, term.slug), label, None, breadcrumbs, level, feed,
                              term.count, children, tuple(self.card(i) for i in front_ids), pagination, timeline,
                              shape)
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

    def feed(self, path: str, title: str, item_ids: Sequence[str], alternate: str, full: bool = False) -> FeedInputs:
        shown = item_ids[:self.config.feed_items]
        return FeedInputs(self.site, self.build_date if self._reads_build_date(item_ids) else "", path, title,
                          alternate, tuple(self.record(i) for i in shown), full)

    def _reads_build_date(self, item_ids: Sequence[str]) -> bool:
        """Whether the feed of these items shows the build's date: it stands in for the time of an item with
        no date at all (a month-only item shows its month's first day), or of an empty feed; only then is it
        an input."""
        shown = item_ids[:self.config.feed_items]
        return not shown or not all(urls.date_parts(self.archive.items[i].date) for i in shown)

    def issue_dates(self) -> IssueDatesInputs:
        return IssueDatesInputs(tuple((issue.key, issue.url) for issue in self.archive.issues if issue.date))

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
        months: dict[str, int] = {}
        for issue in archive.issues:  # per issue, not per item: a build never walks every item for this
            parts = urls.date_parts(issue.date)
            if len(parts) >= 2:
                months["-".join(parts[:2])] = months.get("-".join(parts[:2]), 0) + len(issue.item_ids)
        return ArchiveInputs(self.site, tuple(years), (undated.url, len(undated.item_ids)) if undated else None,
                             fill_months(months))

    def search(self) -> SearchInputs:
        return SearchInputs(self.site, search_facets(self.archive), len(self.archive.items))


def stylesheet(config: Config) -> str:
    """static/style.css as the site will have it (the project's own copy wins over the built-in one)."""
    for folder in (config.root / "static", builtin_dir("static")):
        path = folder / "style.css"
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return ""


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


def month_counts(archive: Archive, item_ids: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """Items per month ("2021-05", n), every month from the first to the last (empty ones included)."""
    months: dict[str, int] = {}
    for item_id in item_ids:
        parts = urls.date_parts(archive.items[item_id].date)
        if len(parts) >= 2:
            months["-".join(parts[:2])] = months.get("-".join(parts[:2]), 0) + 1
    return fill_months(months)


def fill_months(months: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    if not months:
        return ()
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append((key, months.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def month_weeks(year: str, month: str) -> list[list[int]]:
    return calendar.Calendar(firstweekday=0).monthdayscalendar(int(year), int(month))
