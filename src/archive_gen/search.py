"""The search index: exact substring search over the records, as positional character-bigram and unigram
postings, sharded by time and by gram bucket, in script files the search page loads lazily (also from file://).

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
SEARCH_FORMAT = 1
FACETS = ("province", "prefecture", "county", "topic", "year", "kind")
FILTER_NAMES = FACETS[:5]
CHUNK_DOCS = 16  # docs per text chunk: the results shown load a few small chunks, not the archive
BUCKET_BYTES = 12_000  # target size of one postings bucket before compression
MAX_BUCKETS = 4096
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
    h = ((first * 0x9E3779B1) & 0xFFFFFFFF) ^ second
    h = ((h ^ (h >> 15)) * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    return h & (buckets - 1)


def _buckets_of(first: Codes, second: Codes, buckets: int) -> Codes:
    a = first.astype(np.uint64)
    h = ((a * np.uint64(0x9E3779B1)) & np.uint64(0xFFFFFFFF)) ^ second.astype(np.uint64)
    h = ((h ^ (h >> np.uint64(15))) * np.uint64(0x85EBCA6B)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(13)
    return (h & np.uint64(buckets - 1)).astype(np.int64)


def _bucket_count(total_bytes: int) -> int:
    count = 1
    while count * BUCKET_BYTES < total_bytes and count < MAX_BUCKETS:
        count *= 2
    return count


# the 7-bit values a JavaScript string literal cannot hold as they are ("\0", LF, CR, '"', "\\"), written as
# U+0080 + their index instead: valid UTF-8 everywhere, 8/7 of the compressed size plus ~4% (base64: 4/3)
ESCAPED = (0x00, 0x0A, 0x0D, 0x22, 0x5C)
_ESCAPE = np.arange(128, dtype=np.uint32)
_ESCAPE[list(ESCAPED)] = 0x80 + np.arange(len(ESCAPED), dtype=np.uint32)


def seven(data: bytes) -> str:
    """Bytes as a string of 7-bit characters (zero bits pad the last one)."""
    bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8))
    bits = np.r_[bits, np.zeros(-len(bits) % 7, dtype=np.uint8)].reshape(-1, 7)
    values = bits.astype(np.uint32) @ (1 << np.arange(6, -1, -1, dtype=np.uint32))
    return _ESCAPE[values].astype("<u4").tobytes().decode("utf-32-le")


def unseven(text: str, size: int) -> bytes:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").copy()
    high = codes >= 0x80
    codes[high] = np.array(ESCAPED, dtype=np.uint32)[codes[high] - 0x80]
    bits = ((codes[:, None] >> np.arange(6, -1, -1, dtype=np.uint32)) & 1).astype(np.uint8).ravel()
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

@dataclass(frozen=True)
class _Postings:
    """Grams of one kind, grouped: for each gram its first/second code point and its encoded list."""

    first: Codes
    second: Codes
    counts: Codes  # entries per gram
    payloads: list[bytes]


def _groups(keys: Codes) -> tuple[Codes, Codes]:
    """Start index and length of each run of equal keys in a sorted array."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return starts, np.diff(np.r_[starts, len(keys)])


def _encode_groups(values: Codes, starts: Codes, lengths: Codes) -> list[bytes]:
    """varints of each group, as one vectorised encoding cut at group boundaries."""
    sizes = np.ones(len(values), dtype=np.int64)
    v = values.astype(np.uint64)
    for shift in range(7, 64, 7):
        more = (v >> np.uint64(shift)) > 0
        if not more.any():
            break
        sizes += more
    data = varints(values)
    ends = np.cumsum(sizes)
    cut = np.r_[0, ends[starts + lengths - 1]]
    return [data[cut[i]:cut[i + 1]] for i in range(len(starts))]


def _bigram_postings(stream: Codes) -> _Postings:
    """Every position of every bigram (no SEP inside), gap-coded per bigram."""
    sep = ord(SEP)
    first, second = stream[:-1], stream[1:]
    positions = np.flatnonzero((first != sep) & (second != sep))
    keys = (first[positions] << 21) | second[positions]
    order = np.argsort(keys, kind="stable")  # positions stay ascending within a bigram
    keys, positions = keys[order], positions[order]
    starts, lengths = _groups(keys)
    gaps = np.diff(np.r_[0, positions])
    gaps[starts] = positions[starts]
    group_keys = keys[starts]
    return _Postings(group_keys >> 21, group_keys & ((1 << 21) - 1), lengths,
                     _encode_groups(gaps, starts, lengths))


def _unigram_postings(stream: Codes, doc_starts: Codes, head_ends: Codes, lead_ends: Codes) -> _Postings:
    """For every character, the docs containing it, each with its best field class: (gap << 2) | class."""
    positions = np.flatnonzero(stream != ord(SEP))
    chars = stream[positions]
    docs = np.searchsorted(doc_starts, positions, side="right") - 1
    offset = positions - doc_starts[docs]
    classes = np.where(offset < head_ends[docs], CLASS_HEAD, np.where(offset < lead_ends[docs], CLASS_LEAD, CLASS_BODY))
    order = np.lexsort((classes, docs, chars))
    chars, docs, classes = chars[order], docs[order], classes[order]
    first = np.r_[True, (chars[1:] != chars[:-1]) | (docs[1:] != docs[:-1])]
    chars, docs, classes = chars[first], docs[first], classes[first]
    starts, lengths = _groups(chars)
    gaps = np.diff(np.r_[0, docs])
    gaps[starts] = docs[starts]
    values = (gaps << 2) | classes
    return _Postings(chars[starts], np.zeros(len(starts), dtype=np.int64), lengths,
                     _encode_groups(values, starts, lengths))


def _bucket_files(kind: str, postings: _Postings, folder: str, bigram: bool) -> tuple[dict[str, bytes], int]:
    """Postings cut into buckets by gram hash; each bucket file lists its grams, then their lists."""
    total = sum(len(p) for p in postings.payloads)
    count = _bucket_count(total)
    buckets = _buckets_of(postings.first, postings.second, count)
    files: dict[str, bytes] = {}
    members: list[list[int]] = [[] for _ in range(count)]
    for index, bucket in enumerate(buckets.tolist()):
        members[bucket].append(index)  # grams are sorted, so each bucket lists them sorted too
    for bucket, indexes in enumerate(members):
        header: list[int] = [len(indexes)]
        for i in indexes:
            header.append(int(postings.first[i]))
            if bigram:
                header.append(int(postings.second[i]))
            header += [int(postings.counts[i]), len(postings.payloads[i])]
        payload = varints(np.array(header, dtype=np.int64)) + b"".join(postings.payloads[i] for i in indexes)
        path = f"{folder}/{kind}{bucket}.js"
        files[path] = payload
    return files, count


def _meta(docs: Sequence[SearchDoc], lengths: Sequence[int], head_ends: Sequence[int],
          lead_ends: Sequence[int]) -> bytes:
    """What every query needs of every doc: text length and field bounds (to map positions), and the
    filter values (to count them). JSON value tables, then one varint record per doc."""
    tables: dict[str, dict[str, int]] = {"region": {}, "topic": {}, "year": {}, "kind": {}}

    def ref(table: str, value: str) -> int:
        return tables[table].setdefault(value, len(tables[table]))

    records: list[int] = []
    for doc, length, head, lead in zip(docs, lengths, head_ends, lead_ends, strict=True):
        region_ids = [ref("region", "\t".join(r)) for r in doc.regions]
        topic_ids = [ref("topic", t) for t in doc.topics]
        records += [length, head, lead - head, ref("kind", doc.kind), ref("year", doc.year),
                    len(region_ids), *region_ids, len(topic_ids), *topic_ids]
    header = {name: list(values) for name, values in tables.items()}
    header["region"] = [value.split("\t") for value in header["region"]]
    head_json = json.dumps({"docs": len(docs), "tables": header}, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":")).encode("utf-8")
    return varints(np.array([len(head_json)], dtype=np.int64)) + head_json + varints(np.array(records, dtype=np.int64))


def _chunk(docs: Sequence[SearchDoc], texts: Sequence[str]) -> bytes:
    """What a listed result shows: url, title, date, page, kind, region and the searchable text."""
    rows = [[d.url, d.title, d.date, d.page, d.kind, d.region, text] for d, text in zip(docs, texts, strict=True)]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def doc_text(doc: SearchDoc) -> tuple[str, int, int]:
    """The doc's searchable text (fields joined by SEP) with the ends of its head and lead parts."""
    head = SEP.join(doc.head)
    text = SEP.join(doc.fields())
    head_end = len(head)
    lead_end = head_end + (len(doc.lead) + (1 if doc.head else 0) if doc.lead else 0)
    return text, head_end, lead_end


def index_shard(name: str, docs: Sequence[SearchDoc]) -> dict[str, bytes]:
    """The files of one shard, paths relative to the site root: meta, unigram and bigram buckets, text
    chunks, all under ``search/<name>.<hash>/``; docs keep the given order (date desc, then id)."""
    texts: list[str] = []
    head_ends: list[int] = []
    lead_ends: list[int] = []
    for doc in docs:
        text, head_end, lead_end = doc_text(doc)
        texts.append(text)
        head_ends.append(head_end)
        lead_ends.append(lead_end)
    lengths = [len(t) + 1 for t in texts]  # each doc is followed by SEP in the stream
    stream_text = normalise("".join(t + SEP for t in texts))
    stream = np.frombuffer(stream_text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    doc_starts = np.r_[0, np.cumsum(lengths)[:-1]].astype(np.int64) if docs else np.zeros(0, dtype=np.int64)
    payloads: dict[str, bytes] = {"meta.js": _meta(docs, lengths, head_ends, lead_ends)}
    unigrams = _unigram_postings(stream, doc_starts, np.array(head_ends, dtype=np.int64),
                                 np.array(lead_ends, dtype=np.int64))
    one, _ = _bucket_files("u", unigrams, "", bigram=False)
    two, _ = _bucket_files("b", _bigram_postings(stream), "", bigram=True)
    payloads.update({path.lstrip("/"): data for path, data in (*one.items(), *two.items())})
    for number, start in enumerate(range(0, len(docs), CHUNK_DOCS)):
        payloads[f"t{number}.js"] = _chunk(docs[start:start + CHUNK_DOCS], texts[start:start + CHUNK_DOCS])
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
                       "u": sum(n.startswith("u") for n in names), "b": sum(n.startswith("b") for n in names),
                       "t": sum(n.startswith("t") for n in names)})
    body = json.dumps({"format": SEARCH_FORMAT, "chunk": CHUNK_DOCS, "shards": listed}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))
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
    """Offsets of the bigrams that match a phrase of ``length`` (>= 2) characters: 0, 2, 4, … and the last
    one, so every character is in one of them and a hit is exact without the bigrams in between."""
    offsets = list(range(0, length - 1, 2))
    if offsets[-1] != length - 2:
        offsets.append(length - 2)
    return tuple(offsets)


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
        self._meta: dict[str, tuple[list[int], list[int], list[int]]] = {}
        self._payloads: dict[str, bytes] = {}

    def _payload(self, shard: Mapping[str, object], name: str) -> bytes:
        path = f"{SEARCH_DIR}/{shard['dir']}/{name}"
        if path not in self._payloads:
            found, self._payloads[path] = script_payload(self.files[path])
            if found != path:
                raise ValueError(f"{path} registers itself as {found}")
        return self._payloads[path]

    def meta(self, shard: Mapping[str, object]) -> tuple[list[int], list[int], list[int]]:
        """Doc starts in the shard's stream (one more than docs), head ends and lead ends."""
        key = str(shard["dir"])
        if key not in self._meta:
            data = self._payload(shard, "meta.js")
            (size,), at = read_varints(data, 0, 1)
            docs = json.loads(data[at:at + size])["docs"]
            values, _ = read_varints(data, at + size)
            starts, heads, leads = [0], [], []
            i = 0
            for _ in range(docs):
                length, head, lead = values[i:i + 3]
                starts.append(starts[-1] + length)
                heads.append(head)
                leads.append(head + lead)
                regions = values[i + 5]
                topics = values[i + 6 + regions]
                i += 7 + regions + topics
            self._meta[key] = (starts, heads, leads)
        return self._meta[key]

    def postings(self, shard: Mapping[str, object], kind: str, first: int, second: int) -> list[int]:
        """The decoded list of one gram (positions for a bigram, (gap << 2 | class) for a unigram)."""
        count = int(str(shard[kind]))
        data = self._payload(shard, f"{kind}{bucket_of(first, second, count)}.js")
        (grams,), at = read_varints(data, 0, 1)
        width = 4 if kind == "b" else 3
        header, at = read_varints(data, at, grams * width)
        for i in range(grams):
            entry = header[i * width:(i + 1) * width]
            gram = (entry[0], entry[1] if kind == "b" else 0)
            size, length = entry[-2], entry[-1]
            if gram == (first, second):
                values, _ = read_varints(data[at:at + length])
                if len(values) != size:
                    raise ValueError("postings shorter than their header says")
                return values
            at += length
        return []

    def phrase_docs(self, shard: Mapping[str, object], phrase: str) -> dict[int, int]:
        """Docs of one shard containing the (normalised) phrase, each with its best field class."""
        codes = [ord(c) for c in phrase]
        found: dict[int, int] = {}
        if len(codes) == 1:
            doc = 0
            for value in self.postings(shard, "u", codes[0], 0):
                doc += value >> 2
                found[doc] = value & 3
            return found
        lists = {}
        for offset in cover(len(codes)):
            values = self.postings(shard, "b", codes[offset], codes[offset + 1])
            at, positions = 0, set()
            for gap in values:
                at += gap
                positions.add(at)
            lists[offset] = positions
        starts_sets = [{p - offset for p in positions} for offset, positions in lists.items()]
        starts = sorted(set.intersection(*starts_sets))
        doc_starts, heads, leads = self.meta(shard)
        doc = 0
        for start in starts:
            while doc_starts[doc + 1] <= start:
                doc += 1
            at = start - doc_starts[doc]
            cls = CLASS_HEAD if at < heads[doc] else CLASS_LEAD if at < leads[doc] else CLASS_BODY
            found[doc] = min(cls, found.get(doc, cls))
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
        """[url, title, date, page, kind, region, text] of a hit, from its text chunk."""
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
