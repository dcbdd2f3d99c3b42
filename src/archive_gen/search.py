"""The search index: exact substring search over the records. Doc lists of every character, every character
pair and every frequent longer n-gram narrow a phrase down; the candidates' own text (which results show
anyway) settles the rest. Sharded by time, in script files the search page loads lazily (also from file://).

Layout and query plan: docs/search.md. The build uses ``search_doc``, ``shard_of``, ``docs_order``,
``index_shard`` and ``index_root`` (pure and deterministic, module level, picklable); ``build_search_index``
and ``IndexReader`` (the planner of static/search.js, in Python) serve tests and bench/.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from . import urls
from .model import Item

SEARCH_DIR = "search"
ROOT_PATH = f"{SEARCH_DIR}/index.js"
SHARD_UNDATED = "undated"
# bump when the bytes index_shard writes for the same docs change
SEARCH_FORMAT = 4
FACETS = ("province", "prefecture", "county", "topic", "year", "kind")
FILTER_NAMES = FACETS[:5]
CHUNK_DOCS = 8  # docs per text chunk: a result, or a candidate to check, loads one chunk
FREQUENT_DOCS = 8  # an n-gram with at least this many occurrences in a shard is frequent: see _Level
MAX_GRAM = 8  # longest n-gram with a doc list; a longer phrase is narrowed by its parts and checked
INLINE_NODE = 8  # a border gram's list of at most this many docs is written in its trie
LABEL_GRAM = 8  # a longest gram carries up to this many characters that all its occurrences go on with
PAGE_BYTES = 8192  # lists and tries too large for their bucket go to pages of this many bytes
INLINE_LIST = 64  # a character's or pair's list of at most this many bytes stays in its bucket
INLINE_TRIE = 384  # and so does a pair's trie of at most this many bytes
BUCKET_BYTES = 6_000  # target size of one dictionary bucket before compression
MAX_BUCKETS = 4096
YEAR_SHARD_DOCS = 12_000  # a year with more items than this is cut by month (busy_periods)
MONTH_SHARD_DOCS = 1_000  # a month of the newest year with more items than this is cut by ten days
SEP = "\n"  # between fields and paragraphs: no phrase can span it (queries are split on whitespace)
# head (kicker, title, subtitle) hits rank above lead hits, which rank above the rest
CLASS_HEAD, CLASS_LEAD, CLASS_BODY = 0, 1, 2
CALLBACK = "AGSearch"  # every index file is one call of this function, so script tags load it from file://

Codes = npt.NDArray[np.int64]


def _normal_table() -> dict[int, int]:
    """Full-width ASCII -> ASCII, A-Z -> a-z, any whitespace -> SEP: one code point for one, so positions
    in the normalised text are positions in the printed text (static/search.js applies the same map)."""
    table = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
    for c in range(0xFF21, 0xFF3B):  # full-width capitals go straight to lower case
        table[c] = c - 0xFEE0 + 32
    table.update({c: c + 32 for c in range(0x41, 0x5B)})
    table.update({c: ord(SEP) for c in _WHITESPACE})
    return table


# what JavaScript's \s matches (and Python's str.isspace agrees on these)
_WHITESPACE = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029,
               0x202F, 0x205F, 0x3000, 0xFEFF)
NORMAL = _normal_table()
_NORMAL_ARRAY = np.arange(0x10000, dtype=np.int64)
_NORMAL_ARRAY[list(NORMAL)] = list(NORMAL.values())


def normalise(text: str) -> str:
    """What the index sees of a text (and of a query): see ``_normal_table``."""
    return text.translate(NORMAL)


def _normalised_codes(text: str) -> Codes:
    """Code points of ``normalise(text)``, as one array."""
    raw = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.int64)
    return np.where(raw < 0x10000, _NORMAL_ARRAY[np.minimum(raw, 0xFFFF)], raw)


@dataclass(frozen=True)
class SearchDoc:
    """Everything search needs of one item: what is matched, what a result shows, what filters count."""

    id: str
    url: str
    date: str  # "" when undated
    page: int | None  # 版
    kind: str
    title: str  # as listed
    region: str  # the main region, e.g. "福建省三明市尤溪县"; "" when none
    regions: tuple[tuple[str, str, str], ...]  # (province, prefecture, county) of each region tag, "" where none
    topics: tuple[str, ...]  # topic labels
    head: tuple[str, ...]  # kicker, title, subtitle as printed (those present)
    lead: str  # the run-in lead
    body: tuple[str, ...]  # paragraphs, crossheads, 阅读提示, captions and photo credits

    @property
    def year(self) -> str:
        parts = urls.date_parts(self.date)
        return parts[0] if parts else ""

    def fields(self) -> tuple[str, ...]:
        """Searchable fields in index order: head, lead, body (empty ones left out)."""
        return (*self.head, *((self.lead,) if self.lead else ()), *self.body)


def search_doc(item: Item) -> SearchDoc:
    """The search record of a tagged item (its url filled)."""
    regions: list[tuple[str, str, str]] = []
    for tag in item.regions:
        r = tag.region
        entry = (r.province, r.prefecture or "", r.county or "")
        if entry not in regions:
            regions.append(entry)
    topics: list[str] = []
    for topic in item.topics:
        if topic.label not in topics:
            topics.append(topic.label)
    body = [*item.paragraphs, *(h.text for h in item.crossheads)]
    body += [item.reading_tip or "", *(c.text for c in item.captions), *(c.credit or "" for c in item.captions),
             item.credit or ""]
    return SearchDoc(
        id=item.id, url=item.url or "", date=item.date or "", page=item.page, kind=item.kind,
        title=item.display_title, region="".join(regions[0]) if regions else "",
        regions=tuple(regions), topics=tuple(topics),
        head=tuple(t for t in (item.kicker, item.title, item.subtitle) if t),
        lead=item.lead or "", body=tuple(t for t in body if t))


def doc_text(doc: SearchDoc) -> tuple[str, int, int]:
    """The doc's searchable text (fields joined by SEP) with the ends of its head and lead parts."""
    head = SEP.join(doc.head)
    text = SEP.join(doc.fields())
    head_end = len(head)
    lead_end = head_end + (len(doc.lead) + (1 if doc.head else 0) if doc.lead else 0)
    return text, head_end, lead_end


def shard_of(date: str | None, newest: str | None, busy: Collection[str] = ()) -> str:
    """Shard of an item dated ``date`` when the newest issue is ``newest`` and the ``busy`` periods (see
    ``busy_periods``) hold more items than one shard should.

    The newest year is cut by month ("2024-08"), and a busy month of it by ten days ("2024-08-2": the 11th
    to the 20th; "-3" runs to the month's end); busy years are cut by month, other years are whole ("2022").
    The newest year's shards are merged into months or the year only when a newer year begins, so adding a
    day moves no item between shards but at that roll-over, or once when its month becomes busy. A day or
    an edit in a daily paper's newest year so re-indexes ten days (~800 items), not a month. Items without
    a (parseable) date get a shard of their own, and so do the items of a cut year known only by year
    ("2024") or of a cut month known only by month ("2024-08")."""
    parts = urls.date_parts(date)
    if not parts:
        return SHARD_UNDATED
    latest = urls.date_parts(newest)
    newest_year = bool(latest) and parts[0] >= latest[0]
    if len(parts) >= 3 and newest_year and f"{parts[0]}-{parts[1]}" in busy:
        return f"{parts[0]}-{parts[1]}-{min(3, max(1, 1 + (int(parts[2]) - 1) // 10))}"
    if len(parts) >= 2 and (newest_year or parts[0] in busy):
        return f"{parts[0]}-{parts[1]}"
    return parts[0]


def busy_periods(dates: Iterable[str | None]) -> frozenset[str]:
    """Years with more than YEAR_SHARD_DOCS items ("2023") and months with more than MONTH_SHARD_DOCS
    ("2024-05"). A daily paper's year (~30,000 items) is indexed by month, so the indexer's memory and the
    work of a back-filled day or an edit stay a month's worth; its newest year's months (~2,500 items) by ten
    days, so a new day or an edit there re-indexes ~800 items."""
    per_year: Counter[str] = Counter()
    per_month: Counter[str] = Counter()
    for parts in map(urls.date_parts, dates):
        if parts:
            per_year[parts[0]] += 1
            if len(parts) >= 2:
                per_month[f"{parts[0]}-{parts[1]}"] += 1
    return frozenset([*(year for year, count in per_year.items() if count > YEAR_SHARD_DOCS),
                      *(month for month, count in per_month.items() if count > MONTH_SHARD_DOCS)])


def shard_order(name: str) -> tuple[int, str, int, str, int, str]:
    """Sort key of shards: newest first (a month's ten-day parts before its month-only shard, a year's
    months before its year-only shard), undated last."""
    if name == SHARD_UNDATED:
        return (1, "", 0, "", 0, "")
    year, _, rest = name.partition("-")
    month, _, part = rest.partition("-")
    return (0, _descending(year), 0 if month else 1, _descending(month), 0 if part else 1, _descending(part))


def _descending(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def docs_order(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """The order index_shard expects: date desc, then id (two stable sorts)."""
    return sorted(sorted(docs, key=lambda d: d.id), key=lambda d: d.date, reverse=True)


# ---------------------------------------------------------------------------------------------
# encoding

def _varint_sizes(values: Codes) -> Codes:
    v = np.asarray(values, dtype=np.uint64)
    sizes = np.ones(len(v), dtype=np.int64)
    for shift in range(7, 64, 7):
        more = (v >> np.uint64(shift)) > 0
        if not more.any():
            break
        sizes += more
    return sizes


def _varint_array(values: Codes) -> tuple[npt.NDArray[np.uint8], Codes]:
    """LEB128 unsigned varints of non-negative integers, vectorised: the bytes and each value's end."""
    v = np.asarray(values, dtype=np.uint64)
    sizes = _varint_sizes(v)
    ends = np.cumsum(sizes)
    out = np.empty(int(ends[-1]) if len(v) else 0, dtype=np.uint8)
    longest = int(sizes.max()) if len(v) else 0
    # most values take one byte: every value's first byte is written in one pass, the rest only where needed
    if longest:
        out[ends - sizes] = ((v & np.uint64(0x7F)) | ((sizes > 1).astype(np.uint64) << np.uint64(7))).astype(np.uint8)
    for j in range(1, longest):
        has = np.flatnonzero(sizes > j)
        byte = (v[has] >> np.uint64(7 * j)) & np.uint64(0x7F)
        more = (sizes[has] > j + 1).astype(np.uint64) << np.uint64(7)
        out[ends[has] - sizes[has] + j] = (byte | more).astype(np.uint8)
    return out, ends


def varints(values: Codes | Sequence[int]) -> bytes:
    """LEB128 unsigned varints of non-negative integers."""
    return _varint_array(np.asarray(values, dtype=np.int64))[0].tobytes()


def read_varints(data: bytes, pos: int = 0, count: int | None = None) -> tuple[list[int], int]:
    """Decode ``count`` varints (all when None) from ``data`` at ``pos``; returns them and the end."""
    out: list[int] = []
    while pos < len(data) and (count is None or len(out) < count):
        value = shift = 0
        while True:
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        out.append(value)
    return out, pos


def bucket_of(first: int, second: int, buckets: int) -> int:
    """Bucket of the gram (first, second) (second 0 for a character); search.js computes the same."""
    h = ((first * 0x9E3779B1) & 0xFFFFFFFF) ^ (second & 0xFFFFFFFF)
    h = ((h ^ (h >> 15)) * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    return h & (buckets - 1)


def _buckets_of(first: Codes, second: Codes, buckets: int) -> Codes:
    a = first.astype(np.uint64)
    h = ((a * np.uint64(0x9E3779B1)) & np.uint64(0xFFFFFFFF)) ^ (second.astype(np.uint64) & np.uint64(0xFFFFFFFF))
    h = ((h ^ (h >> np.uint64(15))) * np.uint64(0x85EBCA6B)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(13)
    return (h & np.uint64(buckets - 1)).astype(np.int64)


def _bucket_count(total_bytes: int, target: int) -> int:
    count = 1
    while count * target < total_bytes and count < MAX_BUCKETS:
        count *= 2
    return count


# A payload travels as a JavaScript string in a UTF-16 file (a byte order mark says so, over HTTP and from
# file://): 31 bits in two UTF-16 units, each one of RADIX values from U+0100 up, U+2028 and U+2029 skipped
# (U+0100 + RADIX stays below the surrogates). So a file is 32/31 of its compressed size; 7 bits in a byte
# of UTF-8 would be 8/7, base64 4/3.
RADIX = 46341  # RADIX ** 2 >= 2 ** 31
_UNIT_BASE, _UNIT_SKIP = 0x100, 0x2028


def _units(values: Codes) -> Codes:
    return values + _UNIT_BASE + 2 * (values + _UNIT_BASE >= _UNIT_SKIP)


def pack(data: bytes) -> str:
    """Bytes as UTF-16 text, 31 bits per two units (zero bits pad the last group)."""
    bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8))
    bits = np.r_[bits, np.zeros(-len(bits) % 31, dtype=np.uint8)].reshape(-1, 31)
    groups = bits.astype(np.int64) @ (1 << np.arange(30, -1, -1, dtype=np.int64))
    units = np.empty(2 * len(groups), dtype=np.int64)
    units[0::2], units[1::2] = _units(groups // RADIX), _units(groups % RADIX)
    return units.astype("<u2").tobytes().decode("utf-16-le")


def unpack(text: str, size: int) -> bytes:
    units = np.frombuffer(text.encode("utf-16-le"), dtype="<u2").astype(np.int64)
    values = units - _UNIT_BASE - 2 * (units > _UNIT_SKIP + 1)
    groups = values[0::2] * RADIX + values[1::2]
    bits = ((groups[:, None] >> np.arange(30, -1, -1)) & 1).astype(np.uint8).ravel()
    return np.packbits(bits[:size * 8]).tobytes()


def deflate(payload: bytes) -> bytes:
    # level 6, not 9: on a month's shard of a daily paper (715 files, 8 MB) 9 took 0.25 s against 0.175 s
    # for 0.08 % fewer bytes; a day's or an edit's rebuild waits for that shard
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -15, 9)
    return squeeze.compress(payload) + squeeze.flush()


def script(path: str, payload: bytes) -> bytes:
    """One index file, UTF-16 with a byte order mark:
    ``AGSearch("<path>", <size>, "<packed raw-deflated payload>");``."""
    packed = deflate(payload)
    return f'\ufeff{CALLBACK}("{path}",{len(packed)},"{pack(packed)}");\n'.encode("utf-16-le")


def script_payload(data: bytes) -> tuple[str, bytes]:
    """(path, payload) of a file written by ``script``."""
    text = data.decode("utf-16-le")
    head = f'\ufeff{CALLBACK}("'
    if not text.startswith(head):
        raise ValueError("not a search index file")
    path, _, rest = text[len(head):].partition('",')
    size, _, packed = rest.partition(',"')
    return path, zlib.decompress(unpack(packed.rstrip().removesuffix('");'), int(size)), -15)


# ---------------------------------------------------------------------------------------------
# one shard: the text as one array, runs of equal n-grams, doc lists, tries, buckets, pages, chunks

def _sorted_by(major: Codes, pos: Codes, pos_bits: int, grouped: bool = False) -> tuple[Codes, Codes]:
    """``pos`` sorted by (major, pos), with the majors in that order: one sort of packed keys when they
    fit in 63 bits (a plain sort is several times faster than an argsort). ``grouped``: the input comes
    in order of the shorter gram each major extends, positions ascending within it, so a merge sort
    (numpy's stable sort) finds most of the order made, a third faster than a quicksort."""
    if not len(pos):
        return pos, major
    if int(major.max()).bit_length() + pos_bits <= 63:
        key = np.sort((major << pos_bits) | pos, kind="stable" if grouped else None)
        return key & ((1 << pos_bits) - 1), key >> pos_bits
    order = np.lexsort((pos, major))
    return pos[order], major[order]


@dataclass
class _Runs:
    """One n-gram length: the grams' occurrences sorted by gram, then position."""

    pos: Codes  # sorted positions
    run: Codes  # run (distinct gram) of each sorted position
    starts: Codes  # first index of each run
    occ: Codes  # occurrences of each run


_NO_RUNS = _Runs(*(np.zeros(0, dtype=np.int64),) * 4)


def _runs(major: Codes, pos: Codes, pos_bits: int, grouped: bool = False) -> _Runs:
    pos, major = _sorted_by(major, pos, pos_bits, grouped)
    new = np.ones(len(pos), dtype=bool)
    new[1:] = major[1:] != major[:-1]
    starts = np.flatnonzero(new)
    return _Runs(pos, np.cumsum(new) - 1, starts, np.diff(np.r_[starts, len(pos)]))


def _shard_stream(docs: Sequence[SearchDoc]) -> tuple[Codes, Codes, Codes, list[tuple[str, int, int]]]:
    """The shard's normalised text as code points (each field and each doc end with SEP), each position's
    doc and field class, and each doc's text with its head and lead ends."""
    parts = [doc_text(d) for d in docs]
    codes = _normalised_codes("".join(t + SEP for t, _, _ in parts))
    lengths = np.array([len(t) + 1 for t, _, _ in parts], dtype=np.int64)
    doc_of = np.repeat(np.arange(len(parts), dtype=np.int64), lengths)
    local = np.arange(len(codes), dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    heads = np.array([h for _, h, _ in parts], dtype=np.int64)
    leads = np.array([le for _, _, le in parts], dtype=np.int64)
    cls = (local >= heads[doc_of]).astype(np.int64) + (local >= leads[doc_of])
    return codes, doc_of, cls, parts


class _Lists:
    """Doc lists in the making, numbered as they are chosen; each list holds its docs ascending, each doc
    with the best field class of its hits (the class of its first hit: head, lead, body come in that order)."""

    def __init__(self, doc_of: Codes, cls: Codes) -> None:
        self.doc_of, self.cls = doc_of, cls
        self.parts: list[tuple[Codes, Codes, Codes]] = []  # (list number, doc, class), in list order
        self.count = 0

    def number(self, chosen: npt.NDArray[np.bool_]) -> Codes:
        """Numbers for the chosen runs (-1 for the others), in run order."""
        numbers = np.full(len(chosen), -1, dtype=np.int64)
        numbers[chosen] = self.count + np.arange(int(chosen.sum()))
        self.count += int(chosen.sum())
        return numbers

    def add_sorted(self, numbers: Codes, pos: Codes) -> None:
        """Occurrences already sorted by list, then position (list -1: none)."""
        keep = numbers >= 0
        self._add(numbers[keep], pos[keep])

    def add_entries(self, numbers: Codes, docs: Codes, classes: Codes) -> None:
        self.parts.append((numbers, docs, classes))

    def _add(self, numbers: Codes, pos: Codes) -> None:
        docs = self.doc_of[pos]
        first = np.ones(len(pos), dtype=bool)
        first[1:] = (numbers[1:] != numbers[:-1]) | (docs[1:] != docs[:-1])
        self.parts.append((numbers[first], docs[first], self.cls[pos[first]]))

    def encode(self) -> tuple[Codes, Codes, npt.NDArray[np.uint8], Codes]:
        """Every list as values (doc gap << 2) | class, the first gap counted from doc 0, and as their
        varints: the values of all lists in list order, list i's values at [bounds[i], bounds[i + 1]), and
        the same for the bytes."""
        # this is the indexer's peak of memory: each part is let go as soon as it is joined or used
        parts, self.parts = self.parts, []
        pieces = [list(column) for column in zip(*parts, strict=True)] if parts else [[np.zeros(0, dtype=np.int64)]] * 3
        del parts
        numbers = np.concatenate(pieces[0])
        pieces[0] = []
        counts = np.bincount(numbers, minlength=self.count)
        del numbers
        firsts = np.cumsum(counts) - counts
        docs = np.concatenate(pieces[1])
        pieces[1] = []
        values = np.diff(np.r_[0, docs])  # the gaps, made values in place below
        values[firsts[counts > 0]] = docs[firsts[counts > 0]]
        del docs
        values <<= 2
        values |= np.concatenate(pieces[2])
        del pieces
        data, ends = _varint_array(values)
        value_bounds = np.r_[firsts, len(values)]
        return values, value_bounds, data, np.r_[0, ends][value_bounds]


@dataclass
class _Level:
    """The grams of one length that get a node: the frequent ones (at least FREQUENT_DOCS occurrences),
    and from length 3 the border ones (less frequent, but both their shorter grams are frequent). Nodes
    are numbered globally, in order of length, then of the gram."""

    runs: _Runs
    node: npt.NDArray[np.bool_]  # per run
    offset: int  # global number of the first node
    frequent: npt.NDArray[np.bool_]  # per node
    occ: Codes  # per node
    parent: Codes  # global number of the gram without its last character (-1 for a pair)
    suffix: Codes  # and without its first character
    last: Codes  # code point of the last character
    same: Codes  # a gram with exactly this gram's occurrences, shifted or not (-1: none): its list is shared
    own: Codes = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # own list (-1: shares), per node
    run_lists: Codes = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # list numbers, per run


def _level(runs: _Runs, rank: Codes, offset: int, length: int, char: Codes, point: Codes) -> _Level:
    frequent = runs.occ >= FREQUENT_DOCS
    node = frequent | (~frequent & (2 < length <= MAX_GRAM))
    count = int(node.sum())
    head = runs.pos[runs.starts[node]]
    none = np.full(count, -1, dtype=np.int64)
    return _Level(runs, node, offset, frequent[node], runs.occ[node],
                  rank[head] if length > 2 else none, rank[head + 1] if length > 2 else none,
                  point[char[head + length - 1]], none.copy())


@dataclass(frozen=True)
class _Mined:
    """A shard's grams and lists."""

    single_point: Codes  # per character: code point, list number
    single_list: Codes
    pair_first: Codes  # per pair: code points, list number, node number (-1: not frequent)
    pair_second: Codes
    pair_list: Codes
    pair_node: Codes
    node_length: Codes  # per node (frequent pairs first): length, last code point, prefix node
    node_last: Codes
    node_parent: Codes
    node_list: Codes  # the list it has (its own, or the one of the gram with its occurrences)
    node_own: Codes  # its own list (-1: it shares)
    node_via_child: Codes  # the child whose list it shares (-1: the list is named)
    node_frequent: npt.NDArray[np.bool_]
    node_label: npt.NDArray[np.int64]  # per node, for the longest grams: what every occurrence goes on with
    list_values: Codes  # every list's values and their bounds, and the same as bytes
    value_bounds: Codes
    list_data: npt.NDArray[np.uint8]
    list_bounds: Codes

    def list_docs(self, numbers: Codes) -> Codes:
        return np.diff(self.value_bounds)[numbers]


def _rank(runs: _Runs, chosen: npt.NDArray[np.bool_], numbers: Codes, n: int) -> Codes:
    """Per position (and one past the end): the number of the chosen run there, else -1."""
    rank = np.full(n + 1, -1, dtype=np.int64)
    rank[runs.pos] = np.where(chosen, numbers, -1)[runs.run]
    return rank


def _mine(codes: Codes, doc_of: Codes, cls: Codes) -> _Mined:
    """Count every character, pair, frequent longer gram and border gram of the shard's text; each gets a
    doc list, but a gram whose occurrences are exactly those of another gram shares that gram's list."""
    n = len(codes)
    pos_bits = max(1, n.bit_length())
    valid = codes != ord(SEP)
    present = np.zeros(0x110000, dtype=bool)
    present[codes] = True
    char = np.cumsum(present)[codes] - 1  # dense character numbers, in code point order
    point = np.flatnonzero(present).astype(np.int64)
    alphabet = len(point)
    lists = _Lists(doc_of, cls)
    # characters: one sort of (character, doc, class) keys gives every list
    at = np.flatnonzero(valid)
    doc_bits = max(1, int(doc_of[-1]).bit_length()) if n else 1
    key = np.sort((char[at] << (doc_bits + 2)) | (doc_of[at] << 2) | cls[at])
    key = key[np.r_[True, (key[1:] >> 2) != (key[:-1] >> 2)]]  # the best class of each (character, doc)
    chars = key >> (doc_bits + 2)
    new_char = np.r_[True, chars[1:] != chars[:-1]]
    singles = chars[new_char]
    lists.number(np.ones(len(singles), dtype=bool))
    lists.add_entries(np.cumsum(new_char) - 1, (key >> 2) & ((1 << doc_bits) - 1), key & 3)
    # pairs, then each longer length from the positions where both shorter grams are frequent
    pair_at = np.flatnonzero(valid[:-1] & valid[1:])
    grouped = alphabet <= 1 << 16  # then a radix sort orders the pairs by their first character
    if grouped:
        pair_at = pair_at[np.argsort(char[pair_at].astype(np.uint16), kind="stable")]
    runs = _runs(char[pair_at] * alphabet + char[pair_at + 1], pair_at, pos_bits, grouped)
    pair_count = len(runs.starts)
    pair_head = runs.pos[runs.starts]
    rank = np.full(n + 1, -1, dtype=np.int64)
    levels: list[_Level] = []
    length, offset = 2, 0
    while True:
        current = _level(runs, rank, offset, length, char, point)
        numbers = offset + np.arange(len(current.occ))
        if levels:
            _share(levels[-1], current, numbers)
            _own_lists(levels[-1], lists, length == 3)
            levels[-1].runs = _NO_RUNS  # its occurrences are in the lists now (each length's: ~2 words a char)
        levels.append(current)
        offset += len(numbers)
        frequent_runs = current.node & (runs.occ >= FREQUENT_DOCS)
        rank = _rank(runs, frequent_runs, np.cumsum(current.node) - 1 + current.offset, n)
        if length == MAX_GRAM or not frequent_runs.any():
            break
        length += 1
        runs = _next_runs(runs, rank, current.offset, length, char, alphabet, pos_bits, n)
    last = levels[-1]
    label = np.full((len(last.occ), LABEL_GRAM), -1, dtype=np.int64)
    if length == MAX_GRAM and last.frequent.any():
        label = _cap(last, _next_runs(runs, rank, last.offset, length + 1, char, alphabet, pos_bits, n), rank, point,
                     char)
    _own_lists(last, lists, length == 2)
    last.runs = _NO_RUNS
    del runs
    same = np.concatenate([level.same for level in levels])
    parent = np.concatenate([level.parent for level in levels])
    everyone = np.arange(len(same))
    owner = np.where(same >= 0, same, everyone)
    while True:  # chains of sharing end at a gram with a list of its own
        further = owner[owner]
        if np.array_equal(further, owner):
            break
        owner = further
    own = np.concatenate([level.own for level in levels])
    via_child = np.where((same >= 0) & (parent[np.maximum(same, 0)] == everyone), same, -1)
    pair_node = np.full(pair_count, -1, dtype=np.int64)
    pair_node[levels[0].node] = np.arange(len(levels[0].occ))
    node_list = own[owner]
    pair_list = levels[0].run_lists.copy()
    pair_list[pair_node >= 0] = node_list[pair_node[pair_node >= 0]]
    node_label = np.full((len(same), LABEL_GRAM), -1, dtype=np.int64)
    node_label[last.offset:last.offset + len(last.occ)] = label
    values, value_bounds, data, bounds = lists.encode()
    return _Mined(point[singles], np.arange(len(singles)), point[char[pair_head]], point[char[pair_head + 1]],
                  pair_list, pair_node,
                  np.concatenate([np.full(len(level.occ), i + 2, dtype=np.int64) for i, level in enumerate(levels)]),
                  np.concatenate([level.last for level in levels]), parent, node_list, own, via_child,
                  np.concatenate([level.frequent for level in levels]), node_label, values, value_bounds, data, bounds)


def _next_runs(shorter: _Runs, rank: Codes, offset: int, length: int, char: Codes, alphabet: int, pos_bits: int,
               n: int) -> _Runs:
    """Grams of ``length`` at the positions where both grams of ``length - 1`` are frequent, taken in the
    order of the ``shorter`` grams' occurrences (sorted by gram, then position)."""
    # every position's gram, made in position order (reading memory in order); then one gather
    major = np.full(n, -1, dtype=np.int64)
    span = n - length + 1
    if span > 0:
        extends = (rank[:span] >= 0) & (rank[1:span + 1] >= 0)
        major[:span] = np.where(extends, (rank[:span] - offset) * alphabet + char[length - 1:], -1)
    at = shorter.pos
    majors = major[at]
    keep = majors >= 0
    return _runs(majors[keep], at[keep], pos_bits, grouped=True)


def _share(shorter: _Level, longer: _Level, numbers: Codes) -> None:
    """A shorter gram whose every occurrence extends to a longer one (as its prefix, or as its suffix)
    has the longer one's occurrences, so the longer one's list; such a longer gram is as frequent."""
    for links in (longer.suffix, longer.parent):  # the prefix wins when both hold
        same = longer.frequent & (longer.occ == shorter.occ[links - shorter.offset])
        shorter.same[links[same] - shorter.offset] = numbers[same]


def _cap(last: _Level, helper: _Runs, rank: Codes, point: Codes, char: Codes) -> npt.NDArray[np.int64]:
    """The longest grams: one longer length is counted but gets no nodes. A longest gram always followed
    by the same character has that as the first character of its label; when the gram one further on has
    the same occurrences too, the two share a list and the label goes on with the further gram's."""
    count = len(last.occ)
    head = helper.pos[helper.starts]
    prefix, suffix = rank[head] - last.offset, rank[head + 1] - last.offset
    follows = helper.occ == last.occ[prefix]
    following = np.full(count, -1, dtype=np.int64)
    following[prefix[follows]] = point[char[head[follows] + MAX_GRAM]]
    chained = follows & (helper.occ == last.occ[suffix])
    link = np.full(count, -1, dtype=np.int64)
    link[prefix[chained]] = suffix[chained]
    # a chain shares the list of its last gram
    end = np.where(link >= 0, link, np.arange(count))
    while True:
        further = end[end]
        if np.array_equal(further, end):
            break
        end = further
    linked = end != np.arange(count)
    last.same[linked] = end[linked] + last.offset
    label = np.full((count, LABEL_GRAM), -1, dtype=np.int64)
    at = np.arange(count)
    for j in range(LABEL_GRAM):
        label[:, j] = np.where(at >= 0, following[np.maximum(at, 0)], -1)
        at = np.where(label[:, j] >= 0, link[np.maximum(at, 0)], -1)
    return label


def _own_lists(level: _Level, lists: _Lists, pairs: bool) -> None:
    """Lists for one length's nodes that share none (and, for pairs, the infrequent ones, which have no
    node but an entry)."""
    chosen = np.zeros(len(level.node), dtype=bool)
    chosen[level.node] = level.same < 0
    if pairs:
        chosen |= ~level.node
    numbers = lists.number(chosen)
    # runs are in gram order and a length's lists are numbered in run order, so the occurrences come
    # sorted by list, then position: each is cut to one entry per (list, doc) at once
    lists.add_sorted(numbers[level.runs.run], level.runs.pos)
    level.own = numbers[level.node]
    level.run_lists = numbers


def _gather(data: npt.NDArray[np.uint8], starts: Codes, lengths: Codes) -> npt.NDArray[np.uint8]:
    """data[starts[i]:starts[i] + lengths[i]] for every i, one after another."""
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.uint8)
    skip = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return data[skip + np.arange(total)]


def _exclusive_within(values: Codes, groups: Codes) -> Codes:
    """Per element: the sum of the values before it in its group (groups given as sorted labels)."""
    total = np.cumsum(values) - values
    first = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]]) if len(groups) else groups
    return total - np.repeat(total[first], np.diff(np.r_[first, len(groups)]))


@dataclass(frozen=True)
class _Tries:
    """Per pair node with longer grams: its trie, as bytes."""

    roots: Codes  # pair node numbers
    data: npt.NDArray[np.uint8]
    bounds: Codes  # trie i at data[bounds[i]:bounds[i + 1]]


def _trie_layout(mined: _Mined) -> tuple[Codes, Codes, Codes, Codes]:
    """Nodes of length >= 3 in trie order (by root pair, then depth first, children by code point), with
    each one's root, child count and place among its siblings."""
    length, parent = mined.node_length, mined.node_parent
    count = len(length)
    size = np.ones(count, dtype=np.int64)
    for k in range(MAX_GRAM, 3, -1):
        at = np.flatnonzero(length == k)
        size += np.bincount(parent[at], weights=size[at], minlength=count).astype(np.int64)
    nodes = np.flatnonzero(length >= 3)
    children = np.bincount(parent[nodes], minlength=count).astype(np.int64)
    pre = np.zeros(count, dtype=np.int64)
    root = np.arange(count, dtype=np.int64)
    sibling = np.zeros(count, dtype=np.int64)
    for k in range(3, MAX_GRAM + 1):
        at = np.flatnonzero(length == k)  # grouped by parent, code points ascending within a group
        if not len(at):
            break
        mine = parent[at]
        pre[at] = pre[mine] + 1 + _exclusive_within(size[at], mine)
        root[at] = root[mine]
        sibling[at] = _exclusive_within(np.ones(len(at), dtype=np.int64), mine)
    order = nodes[np.lexsort((pre[nodes], root[nodes]))]
    return order, root, children, sibling


def _tries(mined: _Mined, order: Codes, root: Codes, children: Codes, sibling: Codes, inline: Codes,
           list_ref: tuple[Codes, Codes]) -> _Tries:
    """Each root pair's trie as varints: its child count, then per node depth first its last code point,
    (child count << 3) | (has label << 2) | kind, and by kind: 0 the place of the child whose list it
    shares (that child has exactly its occurrences), 1 its list's offset and length in the pages, 2 its list
    inline (the count of docs, then the list's values); then for a longest gram with a label, the label's
    length and code points (every occurrence of the gram goes on with them)."""
    offsets, lengths = list_ref
    roots = np.flatnonzero((mined.node_length == 2) & (children > 0))
    record_root = np.r_[roots, root[order]]
    record_node = np.r_[np.full(len(roots), -1, dtype=np.int64), order]
    sequence = np.lexsort((record_node >= 0, record_root))  # stable: a root, then its nodes in trie order
    record_root, record_node = record_root[sequence], record_node[sequence]
    is_node = record_node >= 0
    node = np.maximum(record_node, 0)
    via = is_node & (mined.node_via_child[node] >= 0)
    listed = mined.node_list[node]
    kind = np.where(via, 0, np.where(inline[listed], 2, 1))
    inline_count = np.where(is_node & (kind == 2), mined.list_docs(listed), 0)
    label_size = (mined.node_label[node] >= 0).sum(axis=1) * is_node
    has_label = label_size > 0
    sizes = np.where(is_node, 2 + np.where(kind == 0, 1, np.where(kind == 1, 2, 1 + inline_count)), 1)
    sizes += np.where(has_label, 1 + label_size, 0)
    starts = np.cumsum(sizes) - sizes
    values = np.zeros(int(sizes.sum()), dtype=np.int64)
    values[starts[~is_node]] = children[record_root[~is_node]]
    at = starts[is_node]
    values[at] = mined.node_last[node[is_node]]
    values[at + 1] = (children[node[is_node]] << 3) | (has_label[is_node] << 2) | kind[is_node]
    shared = is_node & (kind == 0)
    values[starts[shared] + 2] = sibling[mined.node_via_child[node[shared]]]
    paged = is_node & (kind == 1)
    values[starts[paged] + 2] = offsets[listed[paged]]
    values[starts[paged] + 3] = lengths[listed[paged]]
    carried = is_node & (kind == 2)
    values[starts[carried] + 2] = inline_count[carried]
    if carried.any():
        counts = inline_count[carried]
        where = np.repeat(starts[carried] + 3 - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
        values[where] = mined.list_values[np.repeat(mined.value_bounds[listed[carried]] - (np.cumsum(counts) - counts),
                                                    counts) + np.arange(int(counts.sum()))]
    if has_label.any():
        label_at = starts + sizes - 1 - label_size  # the label ends the record
        values[label_at[has_label]] = label_size[has_label]
        rows = np.repeat(np.flatnonzero(has_label), label_size[has_label])
        column = _exclusive_within(np.ones(len(rows), dtype=np.int64), rows)
        values[label_at[rows] + 1 + column] = mined.node_label[node[rows], column]
    encoded, ends = _varint_array(values)
    first_value = starts[~is_node]
    byte_start = np.where(first_value > 0, ends[np.maximum(first_value - 1, 0)], 0)
    return _Tries(roots, encoded, np.r_[byte_start, len(encoded)])


def _place(sizes: Codes, start: int) -> tuple[Codes, int]:
    """Offsets in the pages for items of these sizes, in order from ``start``: small items follow each
    other; one of a quarter page or more never crosses a page boundary it need not cross (it starts a
    page when it does not fit in what is left of one), so reading it loads no page more than needed."""
    offsets = np.zeros(len(sizes), dtype=np.int64)
    large = np.flatnonzero(sizes >= PAGE_BYTES // 4)
    at, done = start, 0
    for item in [*large.tolist(), len(sizes)]:
        run = sizes[done:item]
        offsets[done:item] = at + np.cumsum(run) - run
        at += int(run.sum())
        if item == len(sizes):
            break
        size = int(sizes[item])
        if at % PAGE_BYTES and at % PAGE_BYTES + size > PAGE_BYTES:
            at += PAGE_BYTES - at % PAGE_BYTES
        offsets[item] = at
        at += size
        done = item + 1
    return offsets, at


def _dictionary(mined: _Mined) -> tuple[list[bytes], list[bytes]]:
    """The shard's buckets and pages: every character and pair is an entry of the bucket its code points
    hash to, with its list and its trie in the bucket when they are small, else in the pages."""
    data, bounds = mined.list_data, mined.list_bounds
    list_size = np.diff(bounds)
    order, root, children, sibling = _trie_layout(mined)
    entry_first = np.r_[mined.single_point, mined.pair_first]
    entry_second = np.r_[np.zeros(len(mined.single_point), dtype=np.int64), mined.pair_second]
    entry_list = np.r_[mined.single_list, mined.pair_list]
    entry_df = mined.list_docs(entry_list)
    # a small list of a border gram is written in its trie; pages hold the other lists tries point at (in
    # trie order), then large lists of entries, then large tries
    inline = np.zeros(len(list_size), dtype=bool)
    border = (mined.node_length >= 3) & ~mined.node_frequent & (mined.list_docs(mined.node_list) <= INLINE_NODE)
    inline[mined.node_own[border]] = True
    trie_lists = mined.node_own[order]
    trie_lists = trie_lists[(trie_lists >= 0) & ~inline[np.maximum(trie_lists, 0)]]
    in_pages = np.zeros(len(list_size), dtype=bool)
    in_pages[trie_lists] = True
    entry_paged = in_pages[entry_list] | (list_size[entry_list] > INLINE_LIST)
    big = np.unique(entry_list[entry_paged & ~in_pages[entry_list]])  # characters and pairs own theirs
    page_lists = np.r_[trie_lists, big]
    offsets = np.full(len(list_size), -1, dtype=np.int64)
    offsets[page_lists], lists_end = _place(list_size[page_lists], 0)
    tries = _tries(mined, order, root, children, sibling, inline, (offsets, list_size))
    trie_size = np.diff(tries.bounds)
    entry_trie = np.full(len(entry_first), -1, dtype=np.int64)
    node_entry = np.full(len(mined.node_length), -1, dtype=np.int64)
    node_entry[mined.pair_node[mined.pair_node >= 0]] = len(mined.single_point) + np.flatnonzero(mined.pair_node >= 0)
    entry_trie[node_entry[tries.roots]] = np.arange(len(tries.roots))
    has_trie = entry_trie >= 0
    trie_of = np.maximum(entry_trie, 0)
    trie_paged = has_trie & (trie_size[trie_of] > INLINE_TRIE) if len(trie_size) else has_trie
    paged_tries = entry_trie[trie_paged]
    trie_offsets = np.zeros(len(trie_size), dtype=np.int64)
    trie_offsets[paged_tries], stream_end = _place(trie_size[paged_tries], lists_end)
    stream = np.zeros(stream_end, dtype=np.uint8)
    for at, source, starts_, sizes_ in ((offsets[page_lists], data, bounds[page_lists], list_size[page_lists]),
                                        (trie_offsets[paged_tries], tries.data, tries.bounds[paged_tries],
                                         trie_size[paged_tries])):
        stream[_gather(np.arange(stream_end), at, sizes_)] = _gather(source, starts_, sizes_)
    # a page is its part of the stream, without the gap at its end that a larger item left
    used = np.zeros(stream_end + 1, dtype=bool)
    for at, sizes_ in ((offsets[page_lists], list_size[page_lists]), (trie_offsets[paged_tries], trie_size[paged_tries])):
        used[_gather(np.arange(stream_end), at, sizes_)] = True
    pages = []
    for at in range(0, stream_end, PAGE_BYTES):
        held = np.flatnonzero(used[at:at + PAGE_BYTES])
        pages.append(stream[at:at + (int(held[-1]) + 1 if len(held) else 0)].tobytes())
    # entries: header values, then the blobs kept in the bucket
    trie_mode = np.where(trie_paged, 2, np.where(has_trie, 1, 0))
    list_len = list_size[entry_list]
    fields = [entry_first, entry_second, entry_df, entry_paged.astype(np.int64) | (trie_mode << 1)]
    sizes = 4 + entry_paged + 1 + np.where(trie_paged, 2, has_trie.astype(np.int64))
    starts = np.cumsum(sizes) - sizes
    values = np.zeros(int(sizes.sum()), dtype=np.int64)
    for i, column in enumerate(fields):
        values[starts + i] = column
    at = starts + 4
    values[at[entry_paged]] = offsets[entry_list[entry_paged]]
    at = at + entry_paged
    values[at] = list_len
    at = at + 1
    values[at[trie_paged]] = trie_offsets[trie_of[trie_paged]]
    at = at + trie_paged
    values[at[has_trie]] = trie_size[trie_of[has_trie]]
    header, value_ends = _varint_array(values)
    header_start = np.where(starts > 0, value_ends[np.maximum(starts - 1, 0)], 0)
    header_size = value_ends[starts + sizes - 1] - header_start
    list_inline = np.where(entry_paged, 0, list_len)
    trie_inline = np.where(has_trie & ~trie_paged, trie_size[trie_of], 0) if len(trie_size) else \
        np.zeros(len(entry_first), dtype=np.int64)
    total = int(header_size.sum() + list_inline.sum() + trie_inline.sum())
    count = _bucket_count(total, BUCKET_BYTES)
    bucket = _buckets_of(entry_first, entry_second, count)
    ordered = np.lexsort((entry_second, entry_first, bucket))
    per_bucket = np.bincount(bucket, minlength=count)
    cuts = np.r_[0, np.cumsum(per_bucket)]
    head_bytes = _gather(header, header_start[ordered], header_size[ordered])
    head_cuts = np.r_[0, np.cumsum(header_size[ordered])][cuts]
    blob_lengths = np.empty(2 * len(ordered), dtype=np.int64)
    blob_lengths[0::2], blob_lengths[1::2] = list_inline[ordered], trie_inline[ordered]
    blob_starts = np.empty(2 * len(ordered), dtype=np.int64)
    blob_starts[0::2] = bounds[entry_list[ordered]]
    blob_starts[1::2] = tries.bounds[trie_of[ordered]] if len(trie_size) else 0
    source = np.concatenate([data, tries.data])
    blob_starts[1::2] += len(data)
    blobs = _gather(source, blob_starts, blob_lengths)
    blob_cuts = np.r_[0, np.cumsum(blob_lengths)][2 * cuts]
    buckets = [varints([int(per_bucket[b])]) + head_bytes[head_cuts[b]:head_cuts[b + 1]].tobytes()
               + blobs[blob_cuts[b]:blob_cuts[b + 1]].tobytes() for b in range(count)]
    return buckets, pages


def _meta(docs: Sequence[SearchDoc], counts: dict[str, int]) -> bytes:
    """What filters count (JSON value tables, then per doc its kind, year, regions and topics as varints),
    with the shard's doc, bucket, page and chunk counts that index_root reads."""
    tables: dict[str, dict[str, int]] = {"region": {}, "topic": {}, "year": {}, "kind": {}}

    def ref(table: str, value: str) -> int:
        return tables[table].setdefault(value, len(tables[table]))

    records: list[int] = []
    for doc in docs:
        region_ids = [ref("region", "\t".join(r)) for r in doc.regions]
        topic_ids = [ref("topic", t) for t in doc.topics]
        records += [ref("kind", doc.kind), ref("year", doc.year), len(region_ids), *region_ids,
                    len(topic_ids), *topic_ids]
    header: dict[str, object] = {name: list(values) for name, values in tables.items()}
    header["region"] = [value.split("\t") for value in tables["region"]]
    head_json = json.dumps({"docs": len(docs), "tables": header, **counts}, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":")).encode("utf-8")
    return varints([len(head_json)]) + head_json + varints(records)


def utf16_length(text: str) -> int:
    """Length of a text in UTF-16 units, as JavaScript counts it."""
    return len(text) + sum(1 for c in text if c > "\uffff")


def _chunk(docs: Sequence[SearchDoc], parts: Sequence[tuple[str, int, int]]) -> bytes:
    """What a listed result shows and a candidate is checked against: url, title, date, page, kind, region,
    the searchable text, and the ends of its head and lead in UTF-16 units (as search.js indexes text)."""
    rows = [[d.url, d.title, d.date, d.page, d.kind, d.region, text, utf16_length(text[:head]),
             utf16_length(text[:lead])] for d, (text, head, lead) in zip(docs, parts, strict=True)]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def index_shard(name: str, docs: Sequence[SearchDoc]) -> dict[str, bytes]:
    """The files of one shard, paths relative to the site root, under ``search/<name>.<hash>/``:

    - ``meta.js``: filter values of every doc, and the shard's file counts;
    - ``d<k>.js``: bucket k of the dictionary: characters and pairs whose code points hash to k, each with
      its doc list and the trie of its frequent longer grams (each with a doc list), or where they are in
      the pages;
    - ``l<n>.js``: page n of the lists and tries too large for their bucket;
    - ``t<n>.js``: the text of CHUNK_DOCS docs, for results and for checking candidates.
    Docs keep the given order (date desc, then id); a doc's number is its place in it."""
    codes, doc_of, cls, parts = _shard_stream(docs)
    buckets, pages = _dictionary(_mine(codes, doc_of, cls)) if (codes != ord(SEP)).any() else ([b"\0"], [])
    chunks = [_chunk(docs[at:at + CHUNK_DOCS], parts[at:at + CHUNK_DOCS]) for at in range(0, len(docs), CHUNK_DOCS)]
    payloads = {"meta.js": _meta(docs, {"d": len(buckets), "l": len(pages), "t": len(chunks)})}
    payloads.update({f"d{k}.js": data for k, data in enumerate(buckets)})
    payloads.update({f"l{k}.js": data for k, data in enumerate(pages)})
    payloads.update({f"t{k}.js": data for k, data in enumerate(chunks)})
    digest = hashlib.sha256(f"{SEARCH_FORMAT}\0{name}\0".encode())
    for rel, data in sorted(payloads.items()):
        digest.update(rel.encode("ascii") + b"\0" + hashlib.sha256(data).digest())
    folder = f"{SEARCH_DIR}/{name}.{digest.hexdigest()[:10]}"
    return {f"{folder}/{rel}": script(f"{folder}/{rel}", data) for rel, data in sorted(payloads.items())}


def _shard_meta(data: bytes) -> dict[str, object]:
    meta = script_payload(data)[1]
    (size,), at = read_varints(meta, 0, 1)
    head: dict[str, object] = json.loads(meta[at:at + size])
    return head


def index_root(shards: Sequence[tuple[str, Mapping[str, bytes]]]) -> dict[str, bytes]:
    """``search/index.js``: every shard (newest first) with its folder and its doc, bucket, page and chunk
    counts, read from its meta.js alone (the other files may be listed by name only)."""
    listed = []
    for name, files in sorted(shards, key=lambda s: shard_order(s[0])):
        folders = {path.rsplit("/", 1)[0] for path in files}
        if len(folders) != 1:
            raise ValueError(f"shard {name} is not one folder")
        folder = folders.pop()
        head = _shard_meta(files[f"{folder}/meta.js"])
        listed.append({"name": name, "dir": folder.removeprefix(SEARCH_DIR + "/"),
                       **{key: head[key] for key in ("docs", "d", "l", "t")}})
    body = json.dumps({"format": SEARCH_FORMAT, "chunk": CHUNK_DOCS, "page": PAGE_BYTES, "frequent": FREQUENT_DOCS,
                       "shards": listed},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body = body.replace("<", "\\u003c")
    return {ROOT_PATH: f'{CALLBACK}("{ROOT_PATH}",{body});\n'.encode()}


def shard_docs(items: Iterable[Item]) -> dict[str, list[SearchDoc]]:
    """Search records grouped by shard, shards newest first, docs date desc then id."""
    docs = docs_order(search_doc(item) for item in items)
    newest = next((d.date for d in docs if urls.date_parts(d.date)), None)
    busy = busy_periods(d.date for d in docs)
    grouped: dict[str, list[SearchDoc]] = {}
    for doc in docs:
        grouped.setdefault(shard_of(doc.date or None, newest, busy), []).append(doc)
    return {name: grouped[name] for name in sorted(grouped, key=shard_order)}


def build_search_index(items: Iterable[Item]) -> dict[str, bytes]:
    """Every index file of an archive's items (tests and bench/; the build indexes and caches per shard)."""
    shards = [(name, index_shard(name, docs)) for name, docs in shard_docs(items).items()]
    out: dict[str, bytes] = {}
    for _, files in shards:
        out.update(files)
    out.update(index_root(shards))
    return dict(sorted(out.items()))


# ---------------------------------------------------------------------------------------------
# reading an index back: the query planner of static/search.js, in Python (tests and bench/ check the
# files and the plan with it; the browser runs the JavaScript one)

def phrases(query: str) -> list[str]:
    """A query's phrases: normalised, split on whitespace, each once, in order."""
    seen: dict[str, None] = {}
    for phrase in normalise(query).split(SEP):
        if phrase:
            seen.setdefault(phrase, None)
    return list(seen)


def field_class(at: int, head_end: int, lead_end: int) -> int:
    """Class of a hit at ``at`` in a doc's text: head, lead or body (all three in the same units)."""
    return CLASS_HEAD if at < head_end else CLASS_LEAD if at < lead_end else CLASS_BODY


@dataclass(frozen=True)
class Hit:
    """One matching doc: its shard's place in the root, its number there, its rank (lower is better)."""

    shard: int
    doc: int
    rank: int


@dataclass
class _Node:
    """A gram in a pair's trie: its list (in the pages, or its values right here), or the child sharing it."""

    children: dict[int, _Node]
    ref: tuple[int, int] | None = None
    values: list[int] | None = None
    via: int = -1  # place of the child whose list it is (when it has none named)
    label: tuple[int, ...] = ()  # a longest gram: the code points every occurrence goes on with


@dataclass(frozen=True)
class _Entry:
    """A character or pair in its bucket: docs, its list (bytes, or a place in the pages), its trie."""

    docs: int
    list_bytes: bytes | None
    list_ref: tuple[int, int] | None
    trie_bytes: bytes | None
    trie_ref: tuple[int, int] | None


def _parse_trie(values: Sequence[int]) -> _Node:
    """A trie from its values (see ``_tries``)."""
    at = 1

    def children(count: int) -> dict[int, _Node]:
        nonlocal at
        found: dict[int, _Node] = {}
        for _ in range(count):
            code, head = values[at], values[at + 1]
            kind, at = head & 3, at + 2
            node = _Node({})
            if kind == 0:
                node.via, at = values[at], at + 1
            elif kind == 1:
                node.ref, at = (values[at], values[at + 1]), at + 2
            else:
                node.values, at = list(values[at + 1:at + 1 + values[at]]), at + 1 + values[at]
            if head & 4:
                node.label, at = tuple(values[at + 1:at + 1 + values[at]]), at + 1 + values[at]
            node.children = children(head >> 3)
            found[code] = node
        return found

    return _Node(children(values[0]))


VERIFY_DIRECT = 2  # candidates of a first match that are checked against their text right away


def _second_starts(length: int, end: int) -> tuple[list[int], list[int]]:
    """Where else to look up a phrase of ``length`` whose first gram with a list ends at ``end``, in two
    rounds. The phrase is not a gram with a list, so when the first gram stopped short of a longer one it
    has a rare part (a pair, or a border gram) ending just after it: the next round reads the three starts
    before ``end``; only if none of them narrowed the candidates to a rare list are the others read."""
    near = [s for s in (end - 1, end - 2, end - 3) if 1 <= s <= length - 2]
    return near, [s for s in range(1, length - 1) if s not in near]


class IndexReader:
    """The files of a built index (site-relative path -> bytes), queried as search.js queries them.
    ``loaded`` collects the paths a query read."""

    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = files
        text = files[ROOT_PATH].decode("utf-8")
        self.root = json.loads(text[text.index(",") + 1:text.rindex(")")])
        self.loaded: set[str] = set()
        self._payloads: dict[str, bytes] = {}
        self._buckets: dict[str, dict[tuple[int, int], _Entry]] = {}
        self._tries: dict[tuple[str, int, int], _Node] = {}
        self._rows: dict[str, list[list[object]]] = {}

    def _payload(self, shard: Mapping[str, object], name: str) -> bytes:
        path = f"{SEARCH_DIR}/{shard['dir']}/{name}"
        self.loaded.add(path)
        if path not in self._payloads:
            found, self._payloads[path] = script_payload(self.files[path])
            if found != path:
                raise ValueError(f"{path} registers itself as {found}")
        return self._payloads[path]

    def _bucket(self, shard: Mapping[str, object], first: int, second: int) -> dict[tuple[int, int], _Entry]:
        return self._bucket_at(shard, bucket_of(first, second, int(str(shard["d"]))))

    def _bucket_at(self, shard: Mapping[str, object], bucket: int) -> dict[tuple[int, int], _Entry]:
        name = f"d{bucket}.js"
        key = f"{shard['dir']}/{name}"
        if key not in self._buckets:
            data = self._payload(shard, name)
            (count,), at = read_varints(data, 0, 1)
            heads = []
            for _ in range(count):
                (a, b, docs, flags), at = read_varints(data, at, 4)
                if flags & 1:
                    (off, size), at = read_varints(data, at, 2)
                    list_ref: tuple[int, int] | None = (off, size)
                else:
                    (size,), at = read_varints(data, at, 1)
                    list_ref = None
                mode = flags >> 1
                trie_ref: tuple[int, int] | None = None
                trie_size = 0
                if mode == 2:
                    (off, trie_size), at = read_varints(data, at, 2)
                    trie_ref = (off, trie_size)
                elif mode == 1:
                    (trie_size,), at = read_varints(data, at, 1)
                heads.append((a, b, docs, list_ref, size, mode, trie_ref, trie_size))
            found = {}
            for a, b, docs, list_ref, size, mode, trie_ref, trie_size in heads:
                list_bytes = None
                if list_ref is None:
                    list_bytes, at = data[at:at + size], at + size
                trie_bytes = None
                if mode == 1:
                    trie_bytes, at = data[at:at + trie_size], at + trie_size
                found[(a, b)] = _Entry(docs, list_bytes, list_ref, trie_bytes, trie_ref)
            if at != len(data):
                raise ValueError(f"{name} has {len(data) - at} bytes too many")
            self._buckets[key] = found
        return self._buckets[key]

    def entry(self, shard: Mapping[str, object], first: int, second: int) -> _Entry | None:
        """A character's (second 0) or pair's entry in its bucket; None when no doc of the shard has it."""
        return self._bucket(shard, first, second).get((first, second))

    def _pages(self, shard: Mapping[str, object], ref: tuple[int, int]) -> bytes:
        offset, size = ref
        page = int(self.root["page"])
        first, last = offset // page, (offset + size - 1) // page
        data = b"".join(self._payload(shard, f"l{n}.js") for n in range(first, last + 1))
        return data[offset - first * page:offset - first * page + size]

    @staticmethod
    def doc_list(values: Sequence[int]) -> dict[int, int]:
        """A doc list from its values: each doc with the best field class of its hits."""
        found: dict[int, int] = {}
        doc = 0
        for value in values:
            doc += value >> 2
            found[doc] = value & 3
        return found

    def entry_docs(self, shard: Mapping[str, object], entry: _Entry) -> dict[int, int]:
        data = entry.list_bytes if entry.list_ref is None else self._pages(shard, entry.list_ref)
        assert data is not None
        docs = self.doc_list(read_varints(data)[0])
        if len(docs) != entry.docs:
            raise ValueError("a doc list is shorter than its entry says")
        return docs

    def trie(self, shard: Mapping[str, object], first: int, second: int, entry: _Entry) -> _Node | None:
        if entry.trie_bytes is None and entry.trie_ref is None:
            return None
        key = (str(shard["dir"]), first, second)
        if key not in self._tries:
            data = entry.trie_bytes if entry.trie_ref is None else self._pages(shard, entry.trie_ref)
            assert data is not None
            self._tries[key] = _parse_trie(read_varints(data)[0])
        return self._tries[key]

    def node_docs(self, shard: Mapping[str, object], node: _Node) -> dict[int, int]:
        while node.via >= 0:
            node = list(node.children.values())[node.via]
        if node.values is not None:
            return self.doc_list(node.values)
        assert node.ref is not None
        return self.doc_list(read_varints(self._pages(shard, node.ref))[0])

    def longest(self, shard: Mapping[str, object], codes: Sequence[int], start: int
                ) -> tuple[int, dict[int, int]] | None:
        """The longest gram with a list at ``start`` of the phrase: its end and its docs (None when the
        phrase can be in no doc of the shard: its pair at ``start`` is in none, or it leaves a label)."""
        first, second = codes[start], codes[start + 1]
        entry = self.entry(shard, first, second)
        if entry is None:
            return None
        node = self.trie(shard, first, second, entry)
        end, deepest = start + 2, None
        while node is not None and end < len(codes) and codes[end] in node.children:
            node = deepest = node.children[codes[end]]
            end += 1
        if deepest is not None and deepest.label:
            # every occurrence goes on with the label: a phrase that leaves it is in no doc
            for code in deepest.label:
                if end == len(codes):
                    break
                if codes[end] != code:
                    return None
                end += 1
        return end, self.entry_docs(shard, entry) if deepest is None else self.node_docs(shard, deepest)

    def listed(self, shard: Mapping[str, object]) -> Iterable[tuple[str, dict[int, int]]]:
        """Every gram of the shard that has a list, with its docs: each character and pair, each gram of
        their tries, and each gram a label lengthens (tests check them all against the text)."""
        for bucket in range(int(str(shard["d"]))):
            found = self._bucket_at(shard, bucket)
            for (first, second), entry in found.items():
                gram = chr(first) + (chr(second) if second else "")
                yield gram, self.entry_docs(shard, entry)
                trie = self.trie(shard, first, second, entry) if second else None
                stack = [(gram, child) for child in ([] if trie is None else [trie])]
                while stack:
                    prefix, node = stack.pop()
                    for code, child in node.children.items():
                        docs = self.node_docs(shard, child)
                        yield prefix + chr(code), docs
                        for k in range(1, len(child.label) + 1):
                            yield prefix + chr(code) + "".join(map(chr, child.label[:k])), docs
                        stack.append((prefix + chr(code), child))

    def _row(self, shard: Mapping[str, object], doc: int) -> list[object]:
        size = int(self.root["chunk"])
        name = f"t{doc // size}.js"
        key = f"{shard['dir']}/{name}"
        if key not in self._rows:
            self._rows[key] = json.loads(self._payload(shard, name))
        return self._rows[key][doc % size]

    def phrase_docs(self, shard: Mapping[str, object], phrase: str) -> dict[int, int]:
        """Docs of one shard containing the (normalised) phrase, each with its best field class."""
        codes = [ord(c) for c in phrase]
        if len(codes) < 3:
            entry = self.entry(shard, codes[0], codes[1] if len(codes) == 2 else 0)
            return self.entry_docs(shard, entry) if entry is not None else {}
        first = self.longest(shard, codes, 0)
        if first is None:
            return {}
        end, candidates = first
        if end == len(codes):
            return candidates  # the phrase itself has a list
        for starts in _second_starts(len(codes), end):
            if len(candidates) <= VERIFY_DIRECT:
                break
            for start in starts:
                found = self.longest(shard, codes, start)
                if found is None:
                    return {}
                candidates = {d: c for d, c in candidates.items() if d in found[1]}
            if len(candidates) < int(self.root["frequent"]):
                break
        out: dict[int, int] = {}
        for doc in sorted(candidates):
            row = self._row(shard, doc)
            text = normalise(str(row[6]))
            at = text.find(phrase)
            if at >= 0:
                out[doc] = field_class(utf16_length(text[:at]), int(str(row[7])), int(str(row[8])))
        return out

    def search(self, query: str) -> list[Hit]:
        """Every doc holding all the query's phrases, by rank, then newest first."""
        wanted = phrases(query)
        hits: list[Hit] = []
        for number, shard in enumerate(self.root["shards"]):
            if not wanted:
                continue
            per_phrase = [self.phrase_docs(shard, p) for p in wanted]
            for doc in sorted(set.intersection(*(set(found) for found in per_phrase))):
                hits.append(Hit(number, doc, sum(found[doc] for found in per_phrase)))
        return sorted(hits, key=lambda h: (h.rank, h.shard, h.doc))

    def row(self, hit: Hit) -> list[object]:
        """[url, title, date, page, kind, region, text, head end, lead end] of a hit, from its text chunk."""
        return self._row(self.root["shards"][hit.shard], hit.doc)

    def rows(self) -> list[list[object]]:
        """Every doc's row, shard by shard, in index order."""
        out: list[list[object]] = []
        for number, shard in enumerate(self.root["shards"]):
            out += [self.row(Hit(number, doc, 0)) for doc in range(int(shard["docs"]))]
        return out
