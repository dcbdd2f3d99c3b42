"""Derived indexes computed once after tagging: items with URLs, issues, regions, topics, keywords,
dates, related items and continuation links. Indexes hold item ids, never copies of items.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from . import urls
from .model import ItemSummary, PageSummary, Region

RELATED_MAX = 5
RELATED_MIN = 3
# per shared tag, how many of its nearest earlier holders are scored as related candidates
RELATED_NEIGHBOURS = 40
# shared tags weigh by how specific they are: a shared county says more than a shared keyword
_WEIGHT_COUNTY, _WEIGHT_PREFECTURE, _WEIGHT_PROVINCE = 4, 2, 1
_WEIGHT_TOPIC, _WEIGHT_KEYWORD = 3, 1

# item id -> (key the list was computed under, related ids): kept by the build between runs
RelatedCache = Mapping[str, tuple[str, tuple[str, ...]]]


@dataclass(frozen=True)
class IssuePage:
    """One printed page (版) of an issue: its number (None when unknown) and its items in page order."""

    page: int | None
    sources: tuple[str, ...]
    item_ids: tuple[str, ...]
    keys: tuple[str, ...] = ()  # PageSummary.key of each source
    names: tuple[str | None, ...] = ()  # the 版 name each source prints (None: none printed)


@dataclass(frozen=True)
class Issue:
    """All pages of one date ("2021-05-14", "2019-11" or "undated"), newest issue first in Archive.issues."""

    key: str
    date: str | None
    url: str
    pages: tuple[IssuePage, ...]
    item_ids: tuple[str, ...]  # every item, pages in order, items in page order
    prev_key: str | None  # the older issue
    next_key: str | None  # the newer issue


@dataclass(frozen=True)
class RegionNode:
    """A division at one level with every item set there or below (newest first)."""

    code: str
    slug: str
    name: str
    level: str  # "province" | "prefecture" | "county"
    parent: str | None  # code of the parent node
    children: tuple[str, ...]  # codes, by count desc then code
    item_ids: tuple[str, ...]
    province: str
    prefecture: str | None = None

    @property
    def count(self) -> int:
        return len(self.item_ids)


@dataclass(frozen=True)
class Term:
    """A topic or keyword with its items (newest first)."""

    slug: str
    label: str
    item_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.item_ids)


@dataclass(frozen=True)
class MonthNode:
    year: str
    month: str | None  # None: only the year is known
    issue_keys: tuple[str, ...]  # oldest day first, partial-date issues first


@dataclass(frozen=True)
class YearNode:
    year: str
    months: tuple[MonthNode, ...]  # newest month first

    @property
    def issue_count(self) -> int:
        return sum(len(m.issue_keys) for m in self.months)


@dataclass(frozen=True)
class Archive:
    """Everything the renderer needs, computed once; mappings are read-only."""

    items: Mapping[str, ItemSummary]  # id -> item summary, in ``order``
    order: tuple[str, ...]  # all ids, date desc then id
    issues: tuple[Issue, ...]  # newest first, the undated issue last
    issue_by_key: Mapping[str, Issue]
    issue_of: Mapping[str, str]  # item id -> issue key
    regions: Mapping[str, RegionNode]  # code -> node
    region_roots: tuple[str, ...]  # province codes by count desc then code
    topics: tuple[Term, ...]  # count desc, then slug
    keywords: tuple[Term, ...]  # count desc, then word
    years: tuple[YearNode, ...]  # newest first
    related: Mapping[str, tuple[str, ...]]  # item id -> up to five earlier or same-day items
    continued_to: Mapping[str, str]  # item id -> id of the item carrying the rest of the text
    continued_from: Mapping[str, str]  # item id -> id of the item where the text began
    topic_by_slug: Mapping[str, Term] = field(default_factory=lambda: MappingProxyType({}))
    keyword_by_word: Mapping[str, Term] = field(default_factory=lambda: MappingProxyType({}))  # label -> term
    keyword_by_slug: Mapping[str, Term] = field(default_factory=lambda: MappingProxyType({}))
    related_keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # for the cache
    duplicate_ids: tuple[tuple[str, str], ...] = ()  # (source, id) of items left out: the id was taken
    # per-archive memo of pure functions of the records (the renderer's item cards); never compared
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # the per-item passes of the region, topic and keyword indexes, which a later archive extends when only
    # newer items came (a new day); derived from the fields above, so never compared
    folds: _Folds | None = field(default=None, compare=False, repr=False)
    related_lists: _RelatedLists | None = field(default=None, compare=False, repr=False)  # and the related pass

    def related_cache(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """What a later build passes back to ``build_archive`` to reuse these related lists."""
        return {i: (self.related_keys[i], self.related[i]) for i in sorted(self.related_keys)}

    def newest_date(self) -> str | None:
        for issue in self.issues:
            if issue.date:
                return issue.date
        return None

    def region_path(self, code: str) -> tuple[RegionNode, ...]:
        """Province first, down to the node itself."""
        chain: list[RegionNode] = []
        node: RegionNode | None = self.regions.get(code)
        while node is not None:
            chain.append(node)
            node = self.regions.get(node.parent) if node.parent else None
        return tuple(reversed(chain))


def _newest_first(items: Iterable[ItemSummary]) -> list[ItemSummary]:
    """Date desc, then id asc: two stable sorts make the tie-break explicit."""
    by_id = sorted(items, key=lambda i: i.id)
    return sorted(by_id, key=lambda i: i.date or "", reverse=True)


def _page_order_key(page: PageSummary) -> tuple[int, int, str]:
    return (0 if page.page is not None else 1, page.page or 0, page.source)


@dataclass(frozen=True)
class Catalogue:
    """The archive's items in order, before any index is made (a fiftieth of ``build_archive``'s work): what
    the search stage needs to start indexing while the indexes are assembled."""

    items: Mapping[str, ItemSummary]  # id -> item summary, in ``order``
    order: tuple[str, ...]  # date desc, then id
    pages_by_issue: Mapping[str, tuple[PageSummary, ...]]  # issue key -> its pages, each with its kept items
    duplicate_ids: tuple[tuple[str, str], ...]  # (source, id) of items left out: the id was taken

    def newest_date(self) -> str | None:
        """The date of the newest dated issue (``Archive.newest_date`` of the archive made from it)."""
        dated = [key for key in self.pages_by_issue if key != urls.UNDATED]
        return max(dated) if dated else None


def catalogue(pages: Sequence[PageSummary]) -> Catalogue:
    """Every item of the readable pages once, newest first; an item whose id another page's item already
    has (two files of one name in different folders with the same headline) is left out and reported."""
    items: dict[str, ItemSummary] = {}
    duplicates: list[tuple[str, str]] = []
    pages_by_issue: dict[str, list[PageSummary]] = defaultdict(list)
    for page in sorted(pages, key=lambda p: p.source):
        if page.failed:
            continue
        kept = []
        for item in page.items:
            if item.id in items:
                duplicates.append((item.source, item.id))
                continue
            items[item.id] = item
            kept.append(item)
        pages_by_issue[urls.issue_key(_page_date(page))].append(replace(page, items=tuple(kept)))
    ordered = _newest_first(items.values())
    return Catalogue(MappingProxyType({i.id: items[i.id] for i in ordered}), tuple(i.id for i in ordered),
                     MappingProxyType({k: tuple(v) for k, v in pages_by_issue.items()}), tuple(duplicates))


def build_archive(pages: Sequence[PageSummary] | Catalogue, prior_related: RelatedCache | None = None,
                  prior: Archive | None = None) -> Archive:
    """Assemble every index from the summaries of tagged pages (or from their ``catalogue``, when the
    caller has made it already).

    An item whose id another page's item already has is left out of the indexes; ``duplicate_ids``
    reports it. ``prior_related`` (``Archive.related_cache()`` of an earlier build) and ``prior`` (the
    archive a long-running process built last) only save work: the result is the same with or without."""
    cat = pages if isinstance(pages, Catalogue) else catalogue(pages)
    items, order = cat.items, cat.order
    issues, issue_of = _issues(cat.pages_by_issue)
    if prior is not None and _same_tags(prior, cat):
        # a correction that left every item's place, date and tags alone (a typo fixed in a body): the
        # tag indexes and related lists are the prior archive's, only the items and issues are new
        return replace(prior, items=items, issues=issues, issue_by_key=MappingProxyType({i.key: i for i in issues}),
                       issue_of=MappingProxyType(issue_of), years=_years(issues), **_continuations(issues, items),
                       duplicate_ids=cat.duplicate_ids, memo={})
    ordered = list(items.values())
    folds, lists = (_extended(prior, cat, prior_related) if prior is not None else None) \
        or (_fold(ordered), _related(ordered, prior_related))
    regions, roots = folds.regions()
    topics, keywords = folds.topics(), folds.keywords()
    related, related_keys = lists.related, lists.keys
    return Archive(
        items=items,
        order=order,
        issues=issues,
        issue_by_key=MappingProxyType({i.key: i for i in issues}),
        issue_of=MappingProxyType(issue_of),
        regions=MappingProxyType(regions),
        region_roots=roots,
        topics=topics,
        keywords=keywords,
        years=_years(issues),
        related=MappingProxyType({i: related[i] for i in order}),
        **_continuations(issues, items),
        topic_by_slug=MappingProxyType({t.slug: t for t in topics}),
        keyword_by_word=MappingProxyType({t.label: t for t in keywords}),
        keyword_by_slug=MappingProxyType({t.slug: t for t in keywords}),
        related_keys=MappingProxyType(related_keys),
        duplicate_ids=cat.duplicate_ids,
        folds=folds,
        related_lists=lists,
    )


def _tag_fields(item: ItemSummary) -> tuple[object, ...]:
    """What the region, topic and keyword indexes and the related lists read of an item (besides its id)."""
    return (item.date, item.page, item.source, item.index, item.regions, item.topics, item.keywords)


def _tags_kept(prior: Archive, items: Mapping[str, ItemSummary]) -> bool:
    """Every item of ``prior`` is in ``items`` with the same place, date and tags."""
    before = prior.items
    for item_id in prior.order:
        old, item = before[item_id], items[item_id]
        if old is not item and _tag_fields(old) != _tag_fields(item):
            return False
    return True


def _same_tags(prior: Archive, cat: Catalogue) -> bool:
    """Every item of ``cat`` is in ``prior``, in the same order, with the same place, date and tags."""
    return prior.order == cat.order and _tags_kept(prior, cat.items)


def _newer_only(prior: Archive, cat: Catalogue) -> tuple[str, ...] | None:
    """The ids ``cat`` holds in front of every item of ``prior`` (which it holds in the same order, each
    with the same place, date and tags), or None when ``cat`` differs from ``prior`` in any other way."""
    extra = len(cat.order) - len(prior.order)
    if extra <= 0 or cat.order[extra:] != prior.order or not _tags_kept(prior, cat.items):
        return None
    return cat.order[:extra]


def _extended(prior: Archive, cat: Catalogue, prior_related: RelatedCache | None
              ) -> tuple[_Folds, _RelatedLists] | None:
    """``prior``'s index passes and related lists carried on over the items ``cat`` adds in front of all of
    ``prior``'s (a new day), or None when ``cat`` is not ``prior`` and such items."""
    old_folds, old_lists = prior.folds, prior.related_lists
    newer = _newer_only(prior, cat) if old_folds is not None and old_lists is not None else None
    if newer is None or old_folds is None or old_lists is None:
        return None
    added = [cat.items[i] for i in newer]
    # the index passes over the new items go in front of the prior's (each index lists its items newest first)
    folds = _fold(added).before(old_folds)
    if min(item.date or "" for item in added) <= (old_lists.last_date() or ""):
        # a page more for the prior's last day changes that day's lists: they are all made again
        return folds, _related(list(cat.items.values()), prior_related)
    # on days after the prior's last: its lists stand, the new days' are made after them
    lists = old_lists.copy()
    lists.add(sorted(added, key=_chrono_key), prior_related)
    return folds, lists


def _page_date(page: PageSummary) -> str | None:
    if page.date:
        return page.date
    # a page without its own date still belongs with its items when they agree on one
    dates = sorted({i.date for i in page.items if i.date})
    return dates[0] if len(dates) == 1 else None


def _issues(pages_by_issue: Mapping[str, Sequence[PageSummary]]) -> tuple[tuple[Issue, ...], dict[str, str]]:
    dated = sorted((k for k in pages_by_issue if k != urls.UNDATED), reverse=True)
    keys = dated + ([urls.UNDATED] if urls.UNDATED in pages_by_issue else [])
    issue_of: dict[str, str] = {}
    issues = []
    for position, key in enumerate(keys):
        grouped: dict[int | None, list[PageSummary]] = defaultdict(list)
        for page in sorted(pages_by_issue[key], key=_page_order_key):
            grouped[page.page].append(page)
        issue_pages = []
        for number in sorted(grouped, key=lambda n: (n is None, n or 0)):
            ids = tuple(item.id for page in grouped[number] for item in sorted(page.items, key=lambda i: i.index))
            issue_pages.append(IssuePage(number, tuple(p.source for p in grouped[number]), ids,
                                         tuple(p.key for p in grouped[number]),
                                         tuple(p.page_name for p in grouped[number])))
        all_ids = tuple(i for p in issue_pages for i in p.item_ids)
        for item_id in all_ids:
            issue_of[item_id] = key
        is_dated = key != urls.UNDATED
        older = keys[position + 1] if is_dated and position + 1 < len(dated) else None
        newer = keys[position - 1] if is_dated and position > 0 else None
        issues.append(Issue(key=key, date=key if is_dated else None, url=urls.issue_path(key),
                            pages=tuple(issue_pages), item_ids=all_ids, prev_key=older, next_key=newer))
    return tuple(issues), issue_of


def _ancestors(region: Region) -> list[tuple[str, str, str, str | None]]:
    """(code, level, name, parent code) from the province down to the region itself."""
    province_code = region.code[:2] + "0000"
    chain: list[tuple[str, str, str, str | None]] = [(province_code, "province", region.province, None)]
    parent = province_code
    if region.prefecture:
        prefecture_code = region.code[:4] + "00" if region.county else region.code
        chain.append((prefecture_code, "prefecture", region.prefecture, parent))
        parent = prefecture_code
    if region.county:
        chain.append((region.code, "county", region.county, parent))
    if not region.prefecture and not region.county:
        chain[0] = (region.code, "province", region.province, None)
    return chain


# region code -> (level, name, parent code, province, prefecture of a county)
_RegionInfo = tuple[str, str, str | None, str, str | None]


@dataclass(frozen=True)
class _Folds:
    """One pass over the items, newest first, for the region, topic and keyword indexes: the members of each
    region, topic and keyword in order, and what the first item to name each says of it. ``before`` puts
    the pass over newer items in front of an older pass: the result is the pass over both."""

    region_members: Mapping[str, tuple[str, ...]]
    region_info: Mapping[str, _RegionInfo]  # as the first item naming the region gives it
    region_slugs: Mapping[str, frozenset[str]]  # the gazetteer's slugs of each region, from every item
    topic_members: Mapping[str, tuple[str, ...]]
    topic_labels: Mapping[str, str]
    keyword_members: Mapping[str, tuple[str, ...]]
    keyword_slugs: Mapping[str, str]

    def before(self, older: _Folds) -> _Folds:
        def joined(newer: Mapping[str, tuple[str, ...]], later: Mapping[str, tuple[str, ...]]
                   ) -> dict[str, tuple[str, ...]]:
            return {k: newer.get(k, ()) + later.get(k, ()) for k in {*newer, *later}}

        # a first-seen value: the newer pass's when it has one (``{**older, **newer}``)
        return _Folds(joined(self.region_members, older.region_members), {**older.region_info, **self.region_info},
                      {k: self.region_slugs.get(k, frozenset()) | older.region_slugs.get(k, frozenset())
                       for k in {*self.region_slugs, *older.region_slugs}},
                      joined(self.topic_members, older.topic_members), {**older.topic_labels, **self.topic_labels},
                      joined(self.keyword_members, older.keyword_members),
                      {**older.keyword_slugs, **self.keyword_slugs})

    def regions(self) -> tuple[dict[str, RegionNode], tuple[str, ...]]:
        members, info = self.region_members, self.region_info
        children: dict[str, list[str]] = defaultdict(list)
        for code, (_, _, parent, _, _) in info.items():
            if parent:
                children[parent].append(code)

        def by_size(codes: Iterable[str]) -> tuple[str, ...]:
            return tuple(sorted(codes, key=lambda c: (-len(members[c]), c)))

        nodes = {}
        for code in sorted(info):
            level, name, parent, province, prefecture = info[code]
            slugs = sorted(self.region_slugs.get(code, ()))
            nodes[code] = RegionNode(code=code, slug=slugs[0] if slugs else urls.region_slug(code, name), name=name,
                                     level=level, parent=parent, children=by_size(children[code]),
                                     item_ids=members[code], province=province, prefecture=prefecture)
        roots = by_size(code for code, node in nodes.items() if node.parent is None)
        return nodes, roots

    def topics(self) -> tuple[Term, ...]:
        return tuple(sorted((Term(slug, self.topic_labels[slug], ids) for slug, ids in self.topic_members.items()),
                            key=lambda t: (-t.count, t.slug)))

    def keywords(self) -> tuple[Term, ...]:
        terms = [Term(self.keyword_slugs[word], word, ids) for word, ids in self.keyword_members.items()]
        return tuple(sorted(terms, key=lambda t: (-t.count, t.label)))


def _fold(ordered: Sequence[ItemSummary]) -> _Folds:
    """The pass of ``_Folds`` over items in archive order (newest first)."""
    region_members: dict[str, list[str]] = defaultdict(list)
    info: dict[str, _RegionInfo] = {}
    slugs: dict[str, set[str]] = defaultdict(set)
    topic_members: dict[str, list[str]] = defaultdict(list)
    labels: dict[str, str] = {}
    keyword_members: dict[str, list[str]] = defaultdict(list)
    known: dict[str, str] = {}
    for item in ordered:
        seen: set[str] = set()
        for region in item.regions:
            if region.slug:
                slugs[region.code].add(region.slug)
            for code, slug in region.ancestor_slugs:
                if slug:
                    slugs[code].add(slug)
            for code, level, name, parent in _ancestors(region):
                info.setdefault(code, (level, name, parent, region.province,
                                       region.prefecture if level == "county" else None))
                if code not in seen:
                    seen.add(code)
                    region_members[code].append(item.id)
        for slug, label in item.topics:
            labels.setdefault(slug, label)
            topic_members[slug].append(item.id)
        for word, slug in sorted(item.keywords):
            keyword_members[word].append(item.id)
            known.setdefault(word, slug)
    return _Folds({k: tuple(v) for k, v in region_members.items()}, info,
                  {k: frozenset(v) for k, v in slugs.items()}, {k: tuple(v) for k, v in topic_members.items()},
                  labels, {k: tuple(v) for k, v in keyword_members.items()}, known)


def _years(issues: Sequence[Issue]) -> tuple[YearNode, ...]:
    by_month: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for issue in issues:
        parts = urls.date_parts(issue.date)
        if parts:
            by_month[(parts[0], parts[1] if len(parts) > 1 else None)].append(issue.key)
    years: dict[str, list[MonthNode]] = defaultdict(list)
    for (year, month) in sorted(by_month, key=lambda ym: (ym[0], ym[1] or ""), reverse=True):
        years[year].append(MonthNode(year, month, tuple(sorted(by_month[(year, month)]))))
    return tuple(YearNode(year, tuple(months)) for year, months in sorted(years.items(), reverse=True))


def _region_weights(regions: Iterable[Region]) -> dict[str, int]:
    weights: dict[str, int] = {}
    level_weight = {"county": _WEIGHT_COUNTY, "prefecture": _WEIGHT_PREFECTURE, "province": _WEIGHT_PROVINCE}
    for region in regions:
        for code, level, _, _ in _ancestors(region):
            weights[code] = max(weights.get(code, 0), level_weight[level])
    return weights


@functools.lru_cache(maxsize=4096)
def _region_features(regions: tuple[Region, ...]) -> tuple[tuple[str, int], ...]:
    """("r:code", weight) of a set of settings, sorted; few distinct sets recur across an archive."""
    return tuple(sorted((f"r:{code}", weight) for code, weight in _region_weights(regions).items()))


def tags_key(regions: tuple[Region, ...], topics: tuple[tuple[str, str], ...],
             keywords: tuple[tuple[str, str], ...]) -> str:
    """Digest of what an item's related-list features are made from (``ItemSummary.tags_key``)."""
    h = hashlib.sha256(repr((regions, topics, keywords)).encode("utf-8", "surrogateescape"))
    return h.hexdigest()


# record key -> an item's features: a long-running process (serve) assembles the archive again after every
# edit, and all but the edited items are the same records
_FEATURES_MEMO: dict[str, tuple[tuple[str, int], ...]] = {}
_FEATURES_MEMO_MAX = 500_000


def _sorted_features(item: ItemSummary) -> tuple[tuple[str, int], ...]:
    """(feature, weight) of an item, sorted; remembered by its record key (equal keys, equal records)."""
    found = _FEATURES_MEMO.get(item.record_key) if item.record_key else None
    if found is None:
        # the prefixes sort k: < r: < t:, and each part holds distinct features: sorting the parts sorts all
        found = (*[(f"k:{word}", _WEIGHT_KEYWORD) for word in sorted({word for word, _ in item.keywords})],
                 *_region_features(item.regions),
                 *[(f"t:{slug}", _WEIGHT_TOPIC) for slug in sorted({slug for slug, _ in item.topics})])
        if item.record_key:
            if len(_FEATURES_MEMO) >= _FEATURES_MEMO_MAX:
                _FEATURES_MEMO.clear()
            _FEATURES_MEMO[item.record_key] = found
    return found


# the algorithm's constants seed the related lists' hash chain, so changing them never reuses an old list
_RELATED_SEED = repr(("related-v4", RELATED_MIN, RELATED_MAX, RELATED_NEIGHBOURS, _WEIGHT_COUNTY, _WEIGHT_PREFECTURE,
                      _WEIGHT_PROVINCE, _WEIGHT_TOPIC, _WEIGHT_KEYWORD)).encode()


def _chrono_key(item: ItemSummary) -> tuple[str, str]:
    return (item.date or "", item.id)


class _RelatedLists:
    """Up to five earlier (or same-day) items sharing the most regions/topics/keywords, and the key each
    list was computed under, made day by day from the oldest.

    Only earlier coverage is considered, so adding a new day never changes an old article's list (its
    page stays as it is: the daily rebuild), and a later archive whose new items all come after the last
    day here continues a copy of these lists instead of starting over. A list depends on the items of its
    own day and before, summed up in a hash chain over the days; a ``prior`` list whose key still matches
    is reused. Per shared tag only the nearest ``RELATED_NEIGHBOURS`` earlier holders are scored, which
    keeps the work linear and favours coverage close in time. Ties: higher score, then nearer in time.
    Fewer than ``RELATED_MIN`` found: the same day's items nearest on the printed pages fill up.
    """

    def __init__(self) -> None:
        self.chrono: list[ItemSummary] = []  # oldest first (``_chrono_key``)
        self.features: list[tuple[tuple[str, int], ...]] = []
        self.holders: dict[str, list[int]] = defaultdict(list)  # feature -> positions, oldest first
        self.day_start: list[int] = []
        self.day_end: list[int] = []
        self.keys: dict[str, str] = {}
        self.related: dict[str, tuple[str, ...]] = {}
        self.chain = hashlib.sha256(_RELATED_SEED)

    def last_date(self) -> str | None:
        return (self.chrono[-1].date or "") if self.chrono else None

    def copy(self) -> _RelatedLists:
        """An independent copy (the one copied from may still serve: serve's last archive)."""
        other = _RelatedLists()
        other.chrono, other.features = list(self.chrono), list(self.features)
        other.holders = defaultdict(list, {feature: list(at) for feature, at in self.holders.items()})
        other.day_start, other.day_end = list(self.day_start), list(self.day_end)
        other.keys, other.related, other.chain = dict(self.keys), dict(self.related), self.chain.copy()
        return other

    def add(self, items: Sequence[ItemSummary], prior: RelatedCache | None) -> None:
        """Append ``items`` (in ``_chrono_key`` order, every one dated after the last day here) and make
        their lists."""
        base = len(self.chrono)
        chrono = self.chrono
        chrono.extend(items)
        for position in range(base, len(chrono)):
            pairs = _sorted_features(chrono[position])
            self.features.append(pairs)
            for feature, _ in pairs:
                self.holders[feature].append(position)
        start = base
        while start < len(chrono):
            date = chrono[start].date or ""
            end = start
            while end + 1 < len(chrono) and (chrono[end + 1].date or "") == date:
                end += 1
            for position in range(start, end + 1):
                self.day_start.append(start)
                self.day_end.append(end)
                this = chrono[position]
                # the features are a function of the tags (and the constants above): their digest stands for
                # them; length-prefixed strings, so no file name can make two different days hash alike
                tags = this.tags_key or tags_key(this.regions, this.topics, this.keywords)
                # and the date: an item moved to another day (an override) changes the days its list may draw on
                self.chain.update(f"{len(this.id)}:{this.id}{this.page};{len(this.source)}:{this.source}"
                                  f"{this.index};{len(date)}:{date}{tags}|".encode("utf-8", "surrogateescape"))
            day_key = self.chain.hexdigest()
            for position in range(start, end + 1):
                self.keys[chrono[position].id] = day_key
            start = end + 1
        position_of = {item.id: position for position, item in enumerate(chrono)} if prior else {}
        for position in range(base, len(chrono)):
            item = chrono[position]
            cached = prior.get(item.id) if prior else None
            limit = self.day_end[position]
            # a list from the cache is used only as this function could have made it (a damaged or forged
            # cache must not name an unknown, later or repeated item): else it is made again
            if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == self.keys[item.id] \
                    and isinstance(cached[1], tuple) and len(set(cached[1])) == len(cached[1]) <= RELATED_MAX \
                    and all(position_of.get(other, limit + 1) <= limit and other != item.id for other in cached[1]):
                self.related[item.id] = cached[1]
                continue
            self.related[item.id] = self._best(position)

    def _best(self, position: int) -> tuple[str, ...]:
        chrono, limit = self.chrono, self.day_end[position]
        item = chrono[position]
        # a feature weighs the same in every item that has it (a region code's weight is its level's),
        # so a shared feature adds its own weight: each holder is listed that many times, and counted once
        # (Counter counts in C: this loop ran ~2M times in Python for a cold 10k build)
        listed: list[int] = []
        for feature, weight in self.features[position]:
            positions = self.holders[feature]
            upto = bisect.bisect_right(positions, limit)
            listed.extend(positions[max(0, upto - RELATED_NEIGHBOURS - 1):upto] * weight)
        scores = Counter(listed)
        scores.pop(position, None)
        # highest score first, then the nearest in time (the larger position); only candidates scoring at
        # least the RELATED_MAX-th best score can be among them (sorting plain ints first is ~10x cheaper)
        ordered_scores = sorted(scores.values(), reverse=True)
        floor = ordered_scores[RELATED_MAX - 1] if len(ordered_scores) >= RELATED_MAX else 0
        ranked = sorted((-score, -other) for other, score in scores.items() if score >= floor)
        best = [-negated for _, negated in ranked[:RELATED_MAX]]
        if len(best) < RELATED_MIN:
            # too little shared: fill up with the same day's other items, nearest on the printed pages
            # first (the same day only, so the list still never changes when later days arrive)
            same_day = [k for k in range(self.day_start[position], limit + 1) if k != position and k not in best]
            same_day.sort(key=lambda k: (abs((chrono[k].page or 0) - (item.page or 0)), chrono[k].page or 0,
                                         chrono[k].source, chrono[k].index))
            best += same_day[:RELATED_MIN - len(best)]
        return tuple(chrono[other].id for other in best)


def _related(ordered: Sequence[ItemSummary], prior: RelatedCache | None = None) -> _RelatedLists:
    """Every item's related list (``_RelatedLists``), made from the oldest day."""
    lists = _RelatedLists()
    lists.add(sorted(ordered, key=_chrono_key), prior)
    return lists


def _continuations(issues: Sequence[Issue], items: Mapping[str, ItemSummary]) -> dict[str, Mapping[str, str]]:
    to_links: dict[str, str] = {}
    from_links: dict[str, str] = {}
    for issue in issues:
        for page in issue.pages:
            for item_id in page.item_ids:
                jump = items[item_id].continued_to
                if jump is None or page.page is None:
                    continue
                target = _continuation_target(issue, jump.page, page.page, items)
                if target and target != item_id and target not in from_links:
                    to_links[item_id] = target
                    from_links[target] = item_id
    return {"continued_to": MappingProxyType(to_links), "continued_from": MappingProxyType(from_links)}


def _continuation_target(issue: Issue, target_page: int, this_page: int, items: Mapping[str, ItemSummary]
                         ) -> str | None:
    for page in issue.pages:
        if page.page != target_page:
            continue
        for item_id in page.item_ids:
            marker = items[item_id].continued_from
            if marker is not None and marker.page == this_page:
                return item_id
    return None
