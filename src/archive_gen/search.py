"""The search index: exact substring search over the records, as character n-gram doc lists and bigram
offsets, sharded by time and by gram bucket, in script files the search page loads lazily (also from file://).

Layout and encoding: docs/search.md. The public surface is ``search_doc``, ``shard_of``, ``index_shard`` and
``index_root`` (pure and deterministic, module level, picklable), plus ``build_search_index_cached`` that the
build calls until the engine caches shards itself.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from . import urls
from .archive import Archive
from .model import Item

SEARCH_DIR = "search"
ROOT_PATH = f"{SEARCH_DIR}/index.js"
SHARD_UNDATED = "undated"
# bump when the bytes index_shard writes for the same docs change
SEARCH_FORMAT = 2
FACETS = ("province", "prefecture", "county", "topic", "year", "kind")
FILTER_NAMES = FACETS[:5]
CHUNK_DOCS = 16  # docs per text chunk: the results shown load a few small chunks, not the archive
PART_DOCS = 256  # docs per positional part: a long phrase loads offsets only where its candidates are
DOC_BUCKET_BYTES = 6_000  # target size of one doc-list bucket before compression
POSITION_BUCKET_BYTES = 2_500  # and of one positional bucket of one part
MAX_BUCKETS = 4096
# offset space of a doc: head (kicker, title, subtitle) from 0, lead from LEAD_BASE, body from BODY_BASE
LEAD_BASE, BODY_BASE = 1 << 10, 1 << 11
FREQUENT_BYTES = 1_500  # a bigram with more offsets than this keeps them apart, in the parts
TRIGRAM = 1 << 42  # a trigram abc is listed as the gram (a, TRIGRAM + (b << 21) + c)
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


def normalise(text: str) -> str:
    """What the index sees of a text (and of a query): see ``_normal_table``."""
    return text.translate(NORMAL)


class ShardStore(Protocol):
    """Where finished shards are kept between builds (the build cache); may forget anything."""

    def load_shard(self, key: str) -> dict[str, bytes] | None: ...

    def store_shard(self, key: str, files: dict[str, bytes]) -> None: ...


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


def shard_of(date: str | None, newest: str | None) -> str:
    """Shard of an item dated ``date`` when the newest issue is ``newest``.

    The newest year is cut by month ("2024-08"), older years are whole ("2023"); a month shard is merged
    into its year only when a newer year begins, so adding a day never moves an item between shards but
    at that roll-over. Items without a (parseable) date, and the newest year's items known only by year
    ("2024"), get a shard of their own."""
    parts = urls.date_parts(date)
    if not parts:
        return SHARD_UNDATED
    latest = urls.date_parts(newest)
    if len(parts) >= 2 and latest and parts[0] >= latest[0]:
        return f"{parts[0]}-{parts[1]}"
    return parts[0]


def shard_order(name: str) -> tuple[int, str, int, str]:
    """Sort key of shards: newest first (a year's months before its year-only shard), undated last."""
    if name == SHARD_UNDATED:
        return (1, "", 0, "")
    year, _, month = name.partition("-")
    return (0, _descending(year), 0 if month else 1, _descending(month))


def _descending(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def docs_order(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """The order index_shard expects: date desc, then id (two stable sorts)."""
    return sorted(sorted(docs, key=lambda d: d.id), key=lambda d: d.date, reverse=True)


# ---------------------------------------------------------------------------------------------
# encoding

def varints(values: npt.NDArray[np.int64]) -> bytes:
    """LEB128 unsigned varints of non-negative integers, vectorised."""
    v = np.asarray(values, dtype=np.uint64)
    if not len(v):
        return b""
    sizes = np.ones(len(v), dtype=np.int64)
    for shift in range(7, 64, 7):
        more = (v >> np.uint64(shift)) > 0
        if not more.any():
            break
        sizes += more
    ends = np.cumsum(sizes)
    starts = ends - sizes
    out = np.empty(int(ends[-1]), dtype=np.uint8)
    for j in range(int(sizes.max())):
        has = sizes > j
        byte = (v[has] >> np.uint64(7 * j)) & np.uint64(0x7F)
        last = sizes[has] == j + 1
        out[starts[has] + j] = (byte | np.where(last, 0, 0x80).astype(np.uint64)).astype(np.uint8)
    return out.tobytes()


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
    """Bucket of the gram (first, second) (second 0 for a unigram); search.js computes the same."""
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


# the 7-bit values a JavaScript string literal cannot hold as they are ("\0", LF, CR, '"', "\\"): such a value
# and the 7 bits after it are written as one character U+0080 + (index << 7 | next), two bytes of UTF-8
# for 14 bits; so a file is 8/7 of its compressed size (base64 would be 4/3), valid UTF-8 everywhere
ESCAPED = (0x00, 0x0A, 0x0D, 0x22, 0x5C)
_ESCAPE_INDEX = np.full(128, -1, dtype=np.int64)
_ESCAPE_INDEX[list(ESCAPED)] = np.arange(len(ESCAPED))


def seven(data: bytes) -> str:
    """Bytes as a string of 7-bit characters (zero bits pad the last one), escapes as above."""
    bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8))
    bits = np.r_[bits, np.zeros(-len(bits) % 7, dtype=np.uint8)].reshape(-1, 7)
    values = (bits.astype(np.int64) @ (1 << np.arange(6, -1, -1, dtype=np.int64))).astype(np.int64)
    values = np.r_[values, 0]  # an escape at the very end pairs with zero bits the reader never uses
    codes = values.copy()
    keep = np.ones(len(values), dtype=bool)
    keep[-1] = False
    paired = -1
    for at in np.flatnonzero(_ESCAPE_INDEX[values[:-1]] >= 0).tolist():
        if at == paired:
            continue  # the 7 bits after an escape travel with it
        codes[at] = 0x80 + (int(_ESCAPE_INDEX[values[at]]) << 7 | int(values[at + 1]))
        keep[at + 1] = False
        paired = at + 1
    return codes[keep].astype("<u4").tobytes().decode("utf-32-le")


def unseven(text: str, size: int) -> bytes:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.int64)
    escaped = codes >= 0x80
    at = np.cumsum(np.where(escaped, 2, 1)) - np.where(escaped, 2, 1)  # where each character's groups start
    values = np.zeros(int(at[-1]) + (2 if escaped[-1] else 1) if len(codes) else 0, dtype=np.int64)
    values[at[~escaped]] = codes[~escaped]
    extra = codes[escaped] - 0x80
    values[at[escaped]] = np.array(ESCAPED, dtype=np.int64)[extra >> 7]
    values[at[escaped] + 1] = extra & 0x7F
    bits = ((values[:, None] >> np.arange(6, -1, -1)) & 1).astype(np.uint8).ravel()
    return np.packbits(bits[:size * 8]).tobytes()


def deflate(payload: bytes) -> bytes:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    return squeeze.compress(payload) + squeeze.flush()


def script(path: str, payload: bytes) -> bytes:
    """One index file: ``AGSearch("<path>", <size>, "<7-bit text of the raw-deflated payload>")``."""
    packed = deflate(payload)
    return f'{CALLBACK}("{path}",{len(packed)},"{seven(packed)}");\n'.encode()


def script_payload(data: bytes) -> tuple[str, bytes]:
    """(path, payload) of a file written by ``script``."""
    text = data.decode("utf-8")
    head = f'{CALLBACK}("'
    if not text.startswith(head):
        raise ValueError("not a search index file")
    path, _, rest = text[len(head):].partition('",')
    size, _, packed = rest.partition(',"')
    return path, zlib.decompress(unseven(packed.rstrip().removesuffix('");'), int(size)), -15)


# ---------------------------------------------------------------------------------------------
# one shard

def _groups(keys: Codes) -> tuple[Codes, Codes]:
    """Start index and length of each run of equal keys in a sorted array."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return starts, np.diff(np.r_[starts, len(keys)])


def _varint_sizes(values: Codes) -> Codes:
    v = values.astype(np.uint64)
    sizes = np.ones(len(v), dtype=np.int64)
    for shift in range(7, 64, 7):
        more = (v >> np.uint64(shift)) > 0
        if not more.any():
            break
        sizes += more
    return sizes


def _encode_groups(values: Codes, starts: Codes, lengths: Codes) -> list[bytes]:
    """varints of each group, as one vectorised encoding cut at group boundaries."""
    if not len(starts):
        return []
    data = varints(values)
    ends = np.cumsum(_varint_sizes(values))
    cut = np.r_[0, ends[starts + lengths - 1]]
    return [data[cut[i]:cut[i + 1]] for i in range(len(starts))]


@dataclass(frozen=True)
class _Lists:
    """Encoded lists of grams, grouped: gram code points (second 0 for a unigram), entry counts, bytes."""

    first: Codes
    second: Codes
    counts: Codes
    payloads: list[bytes]


def _bucket_payloads(lists: _Lists, count: int) -> list[bytes]:
    """Lists cut into ``count`` buckets by gram hash; a bucket lists its grams (first, second, entries,
    byte length), then their lists in the same order."""
    buckets = _buckets_of(lists.first, lists.second, count)
    members: list[list[int]] = [[] for _ in range(count)]
    for index, bucket in enumerate(buckets.tolist()):
        members[bucket].append(index)
    out = []
    for indexes in members:
        header: list[int] = [len(indexes)]
        for i in indexes:
            header += [int(lists.first[i]), int(lists.second[i]), int(lists.counts[i]), len(lists.payloads[i])]
        out.append(varints(np.array(header, dtype=np.int64)) + b"".join(lists.payloads[i] for i in indexes))
    return out


def _occurrences(stream: Codes, doc_starts: Codes, head_ends: Codes, lead_ends: Codes
                 ) -> tuple[Codes, Codes, Codes, Codes]:
    """Every character: (code point, doc, virtual offset, class), SEPs left out, in stream order."""
    positions = np.flatnonzero(stream != ord(SEP))
    docs = np.searchsorted(doc_starts, positions, side="right") - 1
    local = positions - doc_starts[docs]
    head, lead = head_ends[docs], lead_ends[docs]
    in_head = local < head
    in_lead = ~in_head & (local < lead)
    lead_start = np.where(head > 0, head + 1, 0)
    body_start = np.where((head > 0) | (lead > head), lead + 1, 0)
    lead_len = np.where(lead > head, lead - lead_start, 0)
    lead_at = np.maximum(LEAD_BASE, head + 1)
    body_at = np.maximum(BODY_BASE, lead_at + lead_len + 1)
    offsets = np.where(in_head, local, np.where(in_lead, lead_at + local - lead_start, body_at + local - body_start))
    classes = np.where(in_head, CLASS_HEAD, np.where(in_lead, CLASS_LEAD, CLASS_BODY))
    return positions, docs, offsets, classes


def _doc_lists(first: Codes, second: Codes, docs: Codes, classes: Codes) -> _Lists:
    """For each gram (first, second): its docs ascending, each as (gap << 2) | best class; counts (n << 1)."""
    order = np.lexsort((classes, docs, second, first))
    first, second, docs, classes = first[order], second[order], docs[order], classes[order]
    gram_change = np.r_[True, (first[1:] != first[:-1]) | (second[1:] != second[:-1])] if len(docs) else \
        np.zeros(0, bool)
    keep = gram_change | np.r_[True, docs[1:] != docs[:-1]] if len(docs) else gram_change
    f, s2, d, c, g = first[keep], second[keep], docs[keep], classes[keep], gram_change[keep]
    starts = np.flatnonzero(g)
    lengths = np.diff(np.r_[starts, len(d)])
    gaps = np.diff(np.r_[0, d])
    gaps[starts] = d[starts]
    return _Lists(f[starts], s2[starts], lengths << 1, _encode_groups((gaps << 2) | c, starts, lengths))


def _bigram_lists(keys: Codes, docs: Codes, offsets: Codes, classes: Codes
                  ) -> tuple[_Lists, dict[int, _Lists], Codes]:
    """Bigram lists (input sorted by key, then doc, then offset).

    Also returns the keys of the frequent bigrams. A bigram whose offsets are few keeps them in its doc list: per doc the doc gap, then its offsets as
    (gap << 1) | another-follows (count (n << 1) | 1). A frequent bigram gets a plain doc list (as
    ``_doc_lists``) and its offsets go to the parts of PART_DOCS docs, per doc in doc-list order."""
    empty = np.zeros(0, dtype=np.int64)
    if not len(keys):
        return _Lists(empty, empty, empty, []), {}, empty
    pair_start = np.r_[True, (keys[1:] != keys[:-1]) | (docs[1:] != docs[:-1])]
    pair_id = np.cumsum(pair_start) - 1
    first_occ = np.flatnonzero(pair_start)
    last_in_pair = np.r_[pair_start[1:], True]
    gaps = np.diff(np.r_[0, offsets])
    gaps[pair_start] = offsets[pair_start]
    flagged = (gaps << 1) | (~last_in_pair).astype(np.int64)
    pair_key, pair_doc, pair_cls = keys[first_occ], docs[first_occ], classes[first_occ]
    k_starts, k_pairs = _groups(pair_key)
    doc_gaps = np.diff(np.r_[0, pair_doc])
    doc_gaps[k_starts] = pair_doc[k_starts]
    occ_per_pair = np.diff(np.r_[first_occ, len(keys)])
    occ_per_key = np.add.reduceat(occ_per_pair, k_starts)
    offset_bytes = np.add.reduceat(_varint_sizes(flagged), first_occ[k_starts])
    frequent = offset_bytes > FREQUENT_BYTES
    gram_first, gram_second = pair_key[k_starts] >> 21, pair_key[k_starts] & ((1 << 21) - 1)
    # every bigram encoded both ways; each keeps the one it needs
    seq = np.empty(len(keys) + len(first_occ), dtype=np.int64)
    seq[np.arange(len(keys)) + pair_id + 1] = flagged
    seq[first_occ + np.arange(len(first_occ))] = doc_gaps
    seq_starts = first_occ[k_starts] + k_starts
    with_offsets = _encode_groups(seq, seq_starts, k_pairs + occ_per_key)
    plain = _encode_groups((doc_gaps << 2) | pair_cls, k_starts, k_pairs)
    payloads = [plain[i] if frequent[i] else with_offsets[i] for i in range(len(k_starts))]
    lists = _Lists(gram_first, gram_second, (k_pairs << 1) | (~frequent).astype(np.int64), payloads)
    # offsets of the frequent bigrams, by (bigram, part): occurrences are sorted by key, then doc
    chosen = np.flatnonzero(np.repeat(frequent, occ_per_key))
    parts: dict[int, _Lists] = {}
    if len(chosen):
        part_of = docs[chosen] // PART_DOCS
        g_starts, g_lengths = _groups(keys[chosen] * 65536 + part_of)
        encoded = _encode_groups(flagged[chosen], g_starts, g_lengths)
        g_keys, g_parts = keys[chosen][g_starts], part_of[g_starts]
        for part in np.unique(g_parts).tolist():
            keep = np.flatnonzero(g_parts == part)
            parts[part] = _Lists(g_keys[keep] >> 21, g_keys[keep] & ((1 << 21) - 1), g_lengths[keep],
                                 [encoded[i] for i in keep.tolist()])
    return lists, parts, pair_key[k_starts][frequent]


def _meta(docs: Sequence[SearchDoc]) -> bytes:
    """What filters count: JSON value tables, then per doc its kind, year, regions and topics (varints)."""
    tables: dict[str, dict[str, int]] = {"region": {}, "topic": {}, "year": {}, "kind": {}}

    def ref(table: str, value: str) -> int:
        return tables[table].setdefault(value, len(tables[table]))

    records: list[int] = []
    for doc in docs:
        region_ids = [ref("region", "\t".join(r)) for r in doc.regions]
        topic_ids = [ref("topic", t) for t in doc.topics]
        records += [ref("kind", doc.kind), ref("year", doc.year), len(region_ids), *region_ids,
                    len(topic_ids), *topic_ids]
    header = {name: list(values) for name, values in tables.items()}
    header["region"] = [value.split("\t") for value in header["region"]]
    head_json = json.dumps({"docs": len(docs), "tables": header}, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":")).encode("utf-8")
    return varints(np.array([len(head_json)], dtype=np.int64)) + head_json + varints(np.array(records, dtype=np.int64))


def _chunk(docs: Sequence[SearchDoc], texts: Sequence[str], heads: Sequence[int]) -> bytes:
    """What a listed result shows: url, title, date, page, kind, region, the searchable text, head end."""
    rows = [[d.url, d.title, d.date, d.page, d.kind, d.region, text, head]
            for d, text, head in zip(docs, texts, heads, strict=True)]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def doc_text(doc: SearchDoc) -> tuple[str, int, int]:
    """The doc's searchable text (fields joined by SEP) with the ends of its head and lead parts."""
    head = SEP.join(doc.head)
    text = SEP.join(doc.fields())
    head_end = len(head)
    lead_end = head_end + (len(doc.lead) + (1 if doc.head else 0) if doc.lead else 0)
    return text, head_end, lead_end


def index_shard(name: str, docs: Sequence[SearchDoc]) -> dict[str, bytes]:
    """The files of one shard, paths relative to the site root, under ``search/<name>.<hash>/``:

    - ``meta.js``: filter values of every doc (for counts and filters);
    - ``d<k>.js``: doc lists of unigrams and bigrams (with their offsets, but for frequent bigrams) and of
      the trigrams made of two frequent bigrams, bucket k of the gram hash;
    - ``p<part>-<k>.js``: offsets of the frequent bigrams in the docs of one part (PART_DOCS docs);
    - ``t<n>.js``: what results show of CHUNK_DOCS docs.
    Docs keep the given order (date desc, then id); a doc's number is its place in it."""
    texts: list[str] = []
    head_ends: list[int] = []
    lead_ends: list[int] = []
    for doc in docs:
        text, head_end, lead_end = doc_text(doc)
        texts.append(text)
        head_ends.append(head_end)
        lead_ends.append(lead_end)
    lengths = [len(t) + 1 for t in texts]  # each doc is followed by SEP in the stream
    stream = np.frombuffer(normalise("".join(t + SEP for t in texts)).encode("utf-32-le"), dtype="<u4").astype(np.int64)
    doc_starts = np.r_[0, np.cumsum(lengths)[:-1]].astype(np.int64) if docs else np.zeros(0, dtype=np.int64)
    positions, occ_docs, offsets, classes = _occurrences(stream, doc_starts, np.array(head_ends, dtype=np.int64),
                                                         np.array(lead_ends, dtype=np.int64))
    chars = stream[positions]
    # a bigram is two neighbouring characters of one field: both in the stream, next to each other
    pair = np.flatnonzero(positions[1:] == positions[:-1] + 1) if len(positions) else positions
    bkeys = (chars[pair] << 21) | chars[pair + 1]
    order = np.argsort(bkeys, kind="stable")  # docs, then offsets, stay ascending within a bigram
    bkeys, bdocs, boffsets, bclasses = bkeys[order], occ_docs[pair][order], offsets[pair][order], classes[pair][order]
    unigram_lists = _doc_lists(chars, np.zeros(len(chars), dtype=np.int64), occ_docs, classes)
    bigram_lists, parts, frequent = _bigram_lists(bkeys, bdocs, boffsets, bclasses)
    # trigrams of two frequent bigrams get doc lists of their own: such a three-character phrase (总工会)
    # is then answered without the offsets of its bigrams, which are the largest lists of the shard
    triple = np.flatnonzero(positions[2:] == positions[:-2] + 2) if len(positions) > 2 else positions[:0]
    first_key = (chars[triple] << 21) | chars[triple + 1]
    second_key = (chars[triple + 1] << 21) | chars[triple + 2]
    both = np.isin(first_key, frequent) & np.isin(second_key, frequent)
    t = triple[both]
    trigram_lists = _doc_lists(chars[t], TRIGRAM + (chars[t + 1] << 21) + chars[t + 2], occ_docs[t], classes[t])
    grams = _Lists(np.r_[unigram_lists.first, bigram_lists.first, trigram_lists.first],
                   np.r_[unigram_lists.second, bigram_lists.second, trigram_lists.second],
                   np.r_[unigram_lists.counts, bigram_lists.counts, trigram_lists.counts],
                   unigram_lists.payloads + bigram_lists.payloads + trigram_lists.payloads)
    payloads: dict[str, bytes] = {"meta.js": _meta(docs)}
    d_count = _bucket_count(sum(len(p) for p in grams.payloads), DOC_BUCKET_BYTES)
    for bucket, data in enumerate(_bucket_payloads(grams, d_count)):
        payloads[f"d{bucket}.js"] = data
    part_bytes = max((sum(len(p) for p in lists.payloads) for lists in parts.values()), default=0)
    p_count = _bucket_count(part_bytes, POSITION_BUCKET_BYTES)
    for part in range((len(docs) + PART_DOCS - 1) // PART_DOCS):
        lists = parts.get(part, _Lists(*(np.zeros(0, dtype=np.int64),) * 3, []))
        for bucket, data in enumerate(_bucket_payloads(lists, p_count)):
            payloads[f"p{part}-{bucket}.js"] = data
    for number, start in enumerate(range(0, len(docs), CHUNK_DOCS)):
        end = start + CHUNK_DOCS
        payloads[f"t{number}.js"] = _chunk(docs[start:end], texts[start:end], head_ends[start:end])
    digest = hashlib.sha256(f"{SEARCH_FORMAT}\0{name}\0".encode())
    for rel, data in sorted(payloads.items()):
        digest.update(rel.encode("ascii") + b"\0" + hashlib.sha256(data).digest())
    folder = f"{SEARCH_DIR}/{name}.{digest.hexdigest()[:10]}"
    return {f"{folder}/{rel}": script(f"{folder}/{rel}", data) for rel, data in sorted(payloads.items())}


def index_root(shards: Sequence[tuple[str, Mapping[str, bytes]]]) -> dict[str, bytes]:
    """``search/index.js``: every shard (newest first) with its folder, doc count and bucket counts,
    read back from the shards' own files."""
    listed = []
    for name, files in sorted(shards, key=lambda s: shard_order(s[0])):
        folders = {path.rsplit("/", 1)[0] for path in files}
        if len(folders) != 1:
            raise ValueError(f"shard {name} is not one folder")
        folder = folders.pop()
        names = [path.rsplit("/", 1)[1] for path in files]
        meta = script_payload(files[f"{folder}/meta.js"])[1]
        (size,), at = read_varints(meta, 0, 1)
        docs = json.loads(meta[at:at + size])["docs"]
        listed.append({"name": name, "dir": folder.removeprefix(SEARCH_DIR + "/"), "docs": docs,
                       "d": sum(n.startswith("d") for n in names),
                       "p": sum(n.startswith("p0-") for n in names),
                       "t": sum(n.startswith("t") for n in names)})
    body = json.dumps({"format": SEARCH_FORMAT, "chunk": CHUNK_DOCS, "part": PART_DOCS, "shards": listed},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body = body.replace("<", "\\u003c")
    return {ROOT_PATH: f'{CALLBACK}("{ROOT_PATH}",{body});\n'.encode()}


# ---------------------------------------------------------------------------------------------
# the build's entry point (until the engine caches shards itself)

@dataclass(frozen=True)
class SearchIndex:
    """The index files plus which shards had to be indexed this time."""

    files: dict[str, bytes]
    shard_keys: tuple[str, ...]  # cache key of every shard, in shard order
    built: tuple[str, ...]  # shards indexed now; the others came from the store
    # folders the index owns whole: an old file there that the index no longer has is removed
    replaced_whole: tuple[str, ...] = (SEARCH_DIR + "/",)


def _code_key() -> str:
    return hashlib.sha256(Path(__file__).read_bytes() + np.__version__.encode()).hexdigest()


def shard_key(name: str, docs: Sequence[SearchDoc], code: str) -> str:
    """Cache key of a shard: its name, its docs in order and the search code."""
    h = hashlib.sha256(f"{SEARCH_FORMAT}\0{code}\0{name}\0".encode())
    for doc in docs:
        h.update(repr(doc).encode("utf-8") + b"\0")
    return h.hexdigest()


def shard_docs(items: Iterable[Item]) -> dict[str, list[SearchDoc]]:
    """Search records grouped by shard, shards newest first, docs date desc then id."""
    docs = docs_order(search_doc(item) for item in items)
    newest = next((d.date for d in docs if urls.date_parts(d.date)), None)
    grouped: dict[str, list[SearchDoc]] = {}
    for doc in docs:
        grouped.setdefault(shard_of(doc.date or None, newest), []).append(doc)
    return {name: grouped[name] for name in sorted(grouped, key=shard_order)}


def build_search_index_cached(items: Iterable[Item], store: ShardStore | None) -> SearchIndex:
    """The whole index; shards whose docs did not change come from ``store``."""
    code = _code_key()
    grouped = shard_docs(items)
    keys = {name: shard_key(name, docs, code) for name, docs in grouped.items()}
    outputs: list[tuple[str, dict[str, bytes]]] = []
    built: list[str] = []
    for name, docs in grouped.items():
        files = store.load_shard(keys[name]) if store is not None else None
        if files is None:
            files = index_shard(name, docs)
            built.append(name)
            if store is not None:
                store.store_shard(keys[name], files)
        outputs.append((name, files))
    out: dict[str, bytes] = {}
    for _, files in outputs:
        out.update(files)
    out.update(index_root(outputs))
    return SearchIndex(dict(sorted(out.items())), tuple(keys.values()), tuple(built))


def build_search_index(items: Iterable[Item]) -> dict[str, bytes]:
    """Every index file of an archive's items, without a cache."""
    return build_search_index_cached(items, None).files


def search_filters(archive: Archive, item: Item) -> dict[str, list[str]]:
    """Filter values an article page lists (province, prefecture, county, topic, year), each list sorted,
    empty filters left out; the index computes its own from ``search_doc``."""
    values: dict[str, set[str]] = {name: set() for name in FILTER_NAMES}
    for tag in item.regions:
        for node in archive.region_path(tag.region.code):
            values[node.level].add(node.name)
    values["topic"].update(t.label for t in item.topics)
    year = urls.date_parts(item.date)[:1]
    if year:
        values["year"].add(year[0])
    return {name: sorted(found) for name, found in values.items() if found}


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


def cover(length: int) -> tuple[int, ...]:
    """Offsets of the bigrams a phrase of ``length`` (>= 2) characters is read through: 0, 2, 4, … and the
    last one, so every character is in one of them and a hit is exact without the bigrams in between."""
    offsets = list(range(0, length - 1, 2))
    if offsets[-1] != length - 2:
        offsets.append(length - 2)
    return tuple(offsets)


def _class(offset: int) -> int:
    return CLASS_HEAD if offset < LEAD_BASE else CLASS_LEAD if offset < BODY_BASE else CLASS_BODY


def _flagged(values: Sequence[int], at: int) -> tuple[int, list[int]]:
    """One doc's offsets from (gap << 1) | another-follows values starting at ``at``; returns the end."""
    found: list[int] = []
    offset = 0
    while True:
        value = values[at]
        at += 1
        offset += value >> 1
        found.append(offset)
        if not value & 1:
            return at, found


@dataclass(frozen=True)
class Hit:
    """One matching doc: its shard's place in the root, its number there, its rank (lower is better)."""

    shard: int
    doc: int
    rank: int


class IndexReader:
    """The files of a built index (site-relative path -> bytes), queried as search.js queries them."""

    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = files
        text = files[ROOT_PATH].decode("utf-8")
        self.root = json.loads(text[text.index(",") + 1:text.rindex(")")])
        self._payloads: dict[str, bytes] = {}
        self._buckets: dict[str, dict[tuple[int, int], tuple[int, bytes]]] = {}

    def _payload(self, shard: Mapping[str, object], name: str) -> bytes:
        path = f"{SEARCH_DIR}/{shard['dir']}/{name}"
        if path not in self._payloads:
            found, self._payloads[path] = script_payload(self.files[path])
            if found != path:
                raise ValueError(f"{path} registers itself as {found}")
        return self._payloads[path]

    def _bucket(self, shard: Mapping[str, object], name: str) -> dict[tuple[int, int], tuple[int, bytes]]:
        key = f"{shard['dir']}/{name}"
        if key not in self._buckets:
            data = self._payload(shard, name)
            (grams,), at = read_varints(data, 0, 1)
            header, at = read_varints(data, at, grams * 4)
            found = {}
            for i in range(grams):
                first, second, count, length = header[i * 4:(i + 1) * 4]
                found[(first, second)] = (count, data[at:at + length])
                at += length
            self._buckets[key] = found
        return self._buckets[key]

    def _entry(self, shard: Mapping[str, object], first: int, second: int) -> tuple[int, bool, bytes]:
        name = f"d{bucket_of(first, second, int(str(shard['d'])))}.js"
        count, data = self._bucket(shard, name).get((first, second), (0, b""))
        return count >> 1, bool(count & 1), data

    def doc_list(self, shard: Mapping[str, object], first: int, second: int
                 ) -> tuple[dict[int, int], dict[int, list[int]] | None]:
        """Docs holding a unigram (second 0) or bigram, each with its best field class; and the bigram's
        offsets per doc when its doc list carries them (None for a frequent bigram: they are in parts)."""
        count, with_offsets, data = self._entry(shard, first, second)
        if not count:
            return {}, {}  # not in the shard at all
        values, _ = read_varints(data)
        classes: dict[int, int] = {}
        doc = 0
        if not with_offsets:
            for value in values:
                doc += value >> 2
                classes[doc] = value & 3
            if len(classes) != count:
                raise ValueError("a doc list is shorter than its header says")
            return classes, None
        offsets: dict[int, list[int]] = {}
        at = 0
        while at < len(values):
            doc += values[at]
            at, found = _flagged(values, at + 1)
            offsets[doc] = found
            classes[doc] = _class(found[0])
        if len(classes) != count:
            raise ValueError("a doc list is shorter than its header says")
        return classes, offsets

    def part_offsets(self, shard: Mapping[str, object], part: int, first: int, second: int,
                     docs: Sequence[int]) -> dict[int, list[int]]:
        """Offsets of a frequent bigram in each of ``docs`` (its docs in that part, ascending)."""
        name = f"p{part}-{bucket_of(first, second, int(str(shard['p'])))}.js"
        count, data = self._bucket(shard, name).get((first, second), (0, b""))
        values, _ = read_varints(data)
        found: dict[int, list[int]] = {}
        at = 0
        for doc in docs:
            at, found[doc] = _flagged(values, at)
        if at != len(values) or len(values) != count:
            raise ValueError(f"{name} does not match the doc list")
        return found

    def phrase_docs(self, shard: Mapping[str, object], phrase: str) -> dict[int, int]:
        """Docs of one shard containing the (normalised) phrase, each with its best field class."""
        codes = [ord(c) for c in phrase]
        if len(codes) == 1:
            return self.doc_list(shard, codes[0], 0)[0]
        chosen = cover(len(codes))  # only these bigrams are read: together they touch every character
        lists = {i: self.doc_list(shard, codes[i], codes[i + 1]) for i in chosen}
        if len(codes) == 2:
            return lists[0][0]
        if len(codes) == 3 and lists[0][1] is None and lists[1][1] is None:
            # both bigrams frequent: the trigram has a doc list of its own (none: no doc holds it)
            return self.doc_list(shard, codes[0], TRIGRAM + (codes[1] << 21) + codes[2])[0]
        candidates = sorted(set.intersection(*(set(lists[i][0]) for i in chosen)))
        found: dict[int, int] = {}
        for part in sorted({doc // PART_DOCS for doc in candidates}):
            offsets: dict[int, dict[int, list[int]]] = {}
            for i in chosen:
                classes, known = lists[i]
                if known is None:
                    mine = sorted(doc for doc in classes if doc // PART_DOCS == part)
                    known = self.part_offsets(shard, part, codes[i], codes[i + 1], mine)
                offsets[i] = known
            for doc in candidates:
                if doc // PART_DOCS != part:
                    continue
                starts = set.intersection(*({o - i for o in offsets[i][doc]} for i in chosen))
                if starts:
                    found[doc] = _class(min(starts))
        return found

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
        """[url, title, date, page, kind, region, text, head end] of a hit, from its text chunk."""
        shard = self.root["shards"][hit.shard]
        size = int(self.root["chunk"])
        rows = json.loads(self._payload(shard, f"t{hit.doc // size}.js"))
        row: list[object] = rows[hit.doc % size]
        return row

    def rows(self) -> list[list[object]]:
        """Every doc's row, shard by shard, in index order."""
        out: list[list[object]] = []
        for number, shard in enumerate(self.root["shards"]):
            out += [self.row(Hit(number, doc, 0)) for doc in range(int(shard["docs"]))]
        return out
