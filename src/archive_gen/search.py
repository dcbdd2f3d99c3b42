"""The search index: Pagefind (extended build, CJK segmentation) over the rendered article pages, one
bundle per year (merged in the browser), plus a small fallback index for file:// on small archives.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gzip
import hashlib
import json
import os
import re
import shutil
import struct
import tempfile
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Protocol

from . import urls
from .archive import Archive
from .config import Config
from .errors import RenderError
from .model import Item

FALLBACK_PATH = "search/fallback-index.js"
PAGEFIND_DIR = "pagefind"
SHARD_UNDATED = "undated"
_SHARD_FORMAT = "2"  # bump when the documents fed to Pagefind change shape
_BODY_ATTR = "data-pagefind-body"
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_CONCURRENT_SHARDS = 2
FILTER_NAMES = ("province", "prefecture", "county", "topic", "year")
_FALLBACK_SNIPPET = 120


def fallback_enabled(archive: Archive, config: Config) -> bool:
    """The file:// fallback ships only for small archives (it is loaded whole into the page)."""
    return len(archive.items) <= config.search_fallback_max_items


def search_filters(archive: Archive, item: Item) -> dict[str, list[str]]:
    """Filter values of one item, each list sorted, empty filters left out."""
    values: dict[str, set[str]] = {name: set() for name in FILTER_NAMES}
    for tag in item.regions:
        for node in archive.region_path(tag.region.code):
            values[node.level].add(node.name)
    values["topic"].update(t.label for t in item.topics)
    year = urls.date_parts(item.date)[:1]
    if year:
        values["year"].add(year[0])
    return {name: sorted(found) for name, found in values.items() if found}


class ShardStore(Protocol):
    """Where finished Pagefind shards are kept between builds (the build cache); may forget anything."""

    def load_shard(self, key: str) -> dict[str, bytes] | None: ...

    def store_shard(self, key: str, files: dict[str, bytes]) -> None: ...


@dataclass(frozen=True)
class SearchIndex:
    """The index files plus which shards had to be built by Pagefind this time."""

    files: dict[str, bytes]
    shard_keys: tuple[str, ...]  # cache key of every shard, in shard order
    built: tuple[str, ...]  # shards (years) that Pagefind indexed now; the others came from the store
    # folders the index owns whole: an old file there that the index no longer has is removed
    replaced_whole: tuple[str, ...] = (PAGEFIND_DIR + "/",)


def build_search_index(site: Mapping[str, bytes], archive: Archive, config: Config) -> dict[str, bytes]:
    """Pagefind bundles under pagefind/<year>/ and, for small archives, search/fallback-index.js."""
    return build_search_index_cached(site, archive, config, None).files


def build_search_index_cached(site: Mapping[str, bytes], archive: Archive, config: Config,
                              store: ShardStore | None, digests: Mapping[str, str] | None = None) -> SearchIndex:
    """``build_search_index`` that re-runs Pagefind only for shards whose pages changed.

    ``digests`` (page path -> render digest, equal digests meaning equal bytes) lets a shard's key be
    computed without reading its pages; without them the pages' bytes are hashed."""
    index = pagefind_files(site, archive, config, store, digests)
    out = dict(index.files)
    if fallback_enabled(archive, config):
        out[FALLBACK_PATH] = fallback_index(archive)
    return SearchIndex(dict(sorted(out.items())), index.shard_keys, index.built, index.replaced_whole)


def shard_of(item: Item) -> str:
    """Search shard of an item: its year, so a new day re-indexes one year only."""
    year = urls.date_parts(item.date)[:1]
    return year[0] if year else SHARD_UNDATED


def pagefind_shards(archive: Archive) -> list[str]:
    """Shard names, newest year first, the undated shard last."""
    found = {shard_of(archive.items[i]) for i in archive.order}
    years = sorted((s for s in found if s != SHARD_UNDATED), reverse=True)
    return years + ([SHARD_UNDATED] if SHARD_UNDATED in found else [])


def pagefind_bundles(archive: Archive) -> list[str]:
    """Site paths of the Pagefind bundle folders; the search page loads the first and merges the rest."""
    return [f"{PAGEFIND_DIR}/{shard}/" for shard in pagefind_shards(archive)]


def _extended_binary() -> Path:
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]
    except ImportError:
        raise RenderError("the pagefind extended binary is missing",
                          hint="pip install 'pagefind[extended]'; the plain build cannot segment Chinese") from None
    return Path(get_executable())


def indexed_document(html: str, lang: str) -> str:
    """What Pagefind reads of a page: only its ``data-pagefind-body`` element, in a bare document.

    Pagefind indexes nothing outside that element, so feeding it just the element gives the same
    index while related links, navigation and counts elsewhere on the page can change without
    making the shard stale. A page without exactly one such element is indexed whole.
    """
    at = html.find(_BODY_ATTR)
    if at == -1 or html.find(_BODY_ATTR, at + 1) != -1:
        return html
    start = html.rfind("<", 0, at)
    opened = _TAG_NAME.match(html, start) if start != -1 else None
    if opened is None:
        return html
    tag = opened.group(1).lower()
    close = f"</{tag}>"
    end = html.find(close, at)
    if end == -1 or re.search(rf"<{tag}[\s>/]", html[start + 1:end], re.IGNORECASE):
        return html  # nested elements of the same name: a plain search cannot find the right end
    section = html[start:end + len(close)]
    return (f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8"></head>'
            f"<body>{section}</body></html>")


def pagefind_files(site: Mapping[str, bytes], archive: Archive, config: Config | None = None,
                   store: ShardStore | None = None, digests: Mapping[str, str] | None = None) -> SearchIndex:
    """Index only the article pages (one entry per item), one Pagefind bundle per year; shards whose
    pages are unchanged are taken from ``store``."""
    lang = config.language if config is not None else "zh-CN"
    digests = digests or {}
    urls_by_shard: dict[str, list[str]] = {shard: [] for shard in pagefind_shards(archive)}
    for item_id in archive.order:
        item = archive.items[item_id]
        url = item.url
        if url is None or url not in site:
            raise RenderError(f"article page missing from the rendered site: {url}", source=item_id)
        urls_by_shard[shard_of(item)].append(url)
    version = _pagefind_version()
    keys = {shard: _shard_key(version, shard, [(url, digests.get(url) or _document_key(site[url], lang))
                                               for url in urls])
            for shard, urls in urls_by_shard.items()}
    found: dict[str, dict[str, bytes]] = {}
    for shard, key in keys.items():
        cached = store.load_shard(key) if store is not None else None
        if cached is not None:
            found[shard] = cached
    missing = [shard for shard in urls_by_shard if shard not in found]
    documents = {shard: [(url, indexed_document(site[url].decode("utf-8"), lang)) for url in urls_by_shard[shard]]
                 for shard in missing}
    if missing:
        fresh = _run_to_completion(_run_pagefind([(shard, documents[shard]) for shard in missing]))
        for shard in missing:
            found[shard] = fresh[shard]
            if store is not None:
                store.store_shard(keys[shard], fresh[shard])
    files = {f"{PAGEFIND_DIR}/{shard}/{rel}": data
             for shard in urls_by_shard for rel, data in found[shard].items()}
    return SearchIndex(dict(sorted(files.items())), tuple(keys[s] for s in urls_by_shard), tuple(missing))


def _document_key(page: bytes, lang: str) -> str:
    """Without a render digest: the hash of what Pagefind reads of the page."""
    return "doc:" + hashlib.sha256(indexed_document(page.decode("utf-8"), lang).encode("utf-8")).hexdigest()


def _pagefind_version() -> str:
    from .cache import distribution_version

    return distribution_version("pagefind") + "/" + distribution_version("pagefind-bin-extended")


def _shard_key(version: str, shard: str, pages: list[tuple[str, str]]) -> str:
    """Hash of a shard's (url, page key) list: the same key means the same pages, the same index."""
    h = hashlib.sha256(f"{_SHARD_FORMAT}\0{version}\0{shard}\0".encode())
    for url, page_key in pages:
        h.update(url.encode("utf-8") + b"\0" + page_key.encode("utf-8") + b"\0")
    return h.hexdigest()


def _run_to_completion(coroutine: Coroutine[Any, Any, dict[str, dict[str, bytes]]]) -> dict[str, dict[str, bytes]]:
    """asyncio.run, also when the caller already runs an event loop in this thread (Jupyter, or a
    Playwright sync session in the same process): then the coroutine gets a private loop in a thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _scratch_dir(needed: int) -> str | None:
    """A memory-backed folder for Pagefind's input and output copies when there is room (on some
    disks creating ten thousand small files costs seconds), else the usual temp folder."""
    shm = Path("/dev/shm")
    try:
        if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > needed + (256 << 20):
            return str(shm)
    except OSError:
        pass
    return None


async def _run_pagefind(shards: list[tuple[str, list[tuple[str, str]]]]) -> dict[str, dict[str, bytes]]:
    """One Pagefind service, one index per shard; returns each shard's files relative to its bundle."""
    from pagefind.index import PagefindIndex
    from pagefind.service import PagefindService

    service = PagefindService()
    # the Python API picks whichever binary it finds first (or $PAGEFIND_BINARY_PATH); Chinese needs
    # the extended one, so pin it instead of trusting the environment
    service._bin = _extended_binary()
    await service.launch()
    try:
        scratch_bytes = 3 * sum(len(html) for _, pages in shards for _, html in pages)
        with tempfile.TemporaryDirectory(prefix="archive-gen-pagefind-", dir=_scratch_dir(scratch_bytes)) as tmp:
            async def one(position: int, shard: str, pages: list[tuple[str, str]]) -> dict[str, bytes]:
                created = await service.create_index({"force_language": "zh", "keep_index_url": True})
                index = PagefindIndex(config=None, _service=service, _index_id=created._index_id)
                # a private temp folder, never the output: the service answers each request only after
                # a 0.1 s poll, so one add_directory call beats one add_html_file per article by far,
                # and write_files avoids get_files(), which can stall on large indexes
                pages_dir, out_dir = Path(tmp) / f"site{position}", Path(tmp) / f"index{position}"
                for url, html in pages:
                    target = pages_dir / url
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(html, encoding="utf-8")
                result = await index.add_directory(str(pages_dir), glob="articles/**/*.html")
                if result.get("page_count") != len(pages):
                    raise RenderError(f"pagefind indexed {result.get('page_count')} of {len(pages)} "
                                      f"article pages of {shard}")
                await index.write_files(output_path=str(out_dir))
                await index.delete_index()  # frees the service's copy before the next shard starts
                shutil.rmtree(pages_dir, ignore_errors=True)
                # the packaged Pagefind UIs are not used (search.js is our own): leave them out
                files = {p.relative_to(out_dir).as_posix(): p.read_bytes()
                         for p in sorted(out_dir.rglob("*")) if p.is_file() and "-ui." not in p.name}
                return canonical_pagefind(files)

            # two shards at a time: the service holds every open index in memory, so indexing all years
            # at once made its peak grow with the whole archive; results are keyed by shard, so order
            # cannot leak
            slots = asyncio.Semaphore(_CONCURRENT_SHARDS)

            async def bounded(position: int, shard: str, pages: list[tuple[str, str]]) -> dict[str, bytes]:
                async with slots:
                    return await one(position, shard, pages)

            built = await asyncio.gather(*(bounded(n, shard, pages) for n, (shard, pages) in enumerate(shards)))
            return {shard: files for (shard, _), files in zip(shards, built, strict=True)}
    except RenderError:
        raise
    except Exception as exc:  # the service reports every failure as a bare Exception
        raise RenderError(f"pagefind failed: {exc}") from None
    finally:
        await service.close()


def fallback_records(archive: Archive) -> list[dict[str, Any]]:
    """What the file:// search scans: url, title, date, snippet, full text and filter values."""
    records = []
    for item_id in archive.order:
        item = archive.items[item_id]
        text = " ".join(part for part in (item.kicker, item.title, item.subtitle, item.lead, item.body_text,
                                          item.reading_tip, item.credit) if part)
        records.append({
            "url": item.url,
            "title": item.display_title,
            "date": item.date or "",
            "snippet": item.body_text[:_FALLBACK_SNIPPET],
            "text": text,
            "filters": search_filters(archive, item),
        })
    return records


def fallback_index(archive: Archive) -> bytes:
    """A script that sets window.ARCHIVE_SEARCH_FALLBACK; "<" is escaped so no text can close a tag."""
    data = json.dumps(fallback_records(archive), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.ARCHIVE_SEARCH_FALLBACK = {data};\n".encode()


# ---------------------------------------------------------------------------------------------
# Pagefind writes filter values and the filter list of its metadata file in hash-map order, so two
# runs over the same pages differ (upstream issue Pagefind/pagefind#638). The files are gzip'd CBOR
# behind a "pagefind_dcd" signature and are looked up by the names the metadata gives, so sorting
# their contents and renaming them by a hash of the new bytes keeps the bundle valid and stable.

_SIGNATURE = b"pagefind_dcd"
_META_FILTERS = 3  # [version, pages, index chunks, filters, sorts, meta fields]
_META_SORTS = 4


def canonical_pagefind(files: dict[str, bytes]) -> dict[str, bytes]:
    """Sort filter values and the metadata's filter list of one bundle (paths relative to the bundle);
    leave the bundle as is if anything is unexpected."""
    try:
        return _canonical_pagefind(files)
    except (ValueError, KeyError, IndexError, TypeError, OSError, EOFError):
        return files


def _canonical_pagefind(files: dict[str, bytes]) -> dict[str, bytes]:
    entry_path = "pagefind-entry.json"
    entry = json.loads(files[entry_path])
    out = dict(files)
    for language, info in sorted(entry["languages"].items()):
        meta_path = f"pagefind.{info['hash']}.pf_meta"
        meta = _read_chunk(files[meta_path])
        filters = meta[_META_FILTERS]
        renamed = []
        for name, old_hash in sorted(filters, key=lambda f: f[0]):
            old_path = f"filter/{old_hash}.pf_filter"
            chunk = _read_chunk(files[old_path])
            chunk[1] = sorted(chunk[1], key=lambda value: value[0].encode("utf-8"))
            data = _write_chunk(chunk)
            new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:7]}"
            del out[old_path]
            out[f"filter/{new_hash}.pf_filter"] = data
            renamed.append([name, new_hash])
        meta[_META_FILTERS] = renamed
        meta[_META_SORTS] = sorted(meta[_META_SORTS], key=lambda sort: sort[0])
        data = _write_chunk(meta)
        new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:10]}"
        del out[meta_path]
        out[f"pagefind.{new_hash}.pf_meta"] = data
        info["hash"] = new_hash
    out[entry_path] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return dict(sorted(out.items()))


def _read_chunk(data: bytes) -> Any:
    raw = gzip.decompress(data)
    if not raw.startswith(_SIGNATURE):
        raise ValueError("not a pagefind chunk")
    value, end = _cbor_decode(raw, len(_SIGNATURE))
    if end != len(raw) or _cbor_encode(value) != raw[len(_SIGNATURE):]:
        raise ValueError("chunk does not round-trip")  # an encoding this codec does not reproduce
    return value


def _write_chunk(value: Any) -> bytes:
    return gzip.compress(_SIGNATURE + _cbor_encode(value), compresslevel=9, mtime=0)


def _cbor_head(major: int, length: int) -> bytes:
    if length < 24:
        return bytes([major << 5 | length])
    for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if length < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | extra]) + struct.pack(fmt, length)
    raise ValueError("integer too large")


def _cbor_encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        return bytes([0xF5 if value is True else 0xF4 if value is False else 0xF6])
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)
    if isinstance(value, dict):
        return _cbor_head(5, len(value)) + b"".join(_cbor_encode(k) + _cbor_encode(v) for k, v in value.items())
    raise TypeError(f"cannot encode {type(value).__name__}")


def _cbor_decode(raw: bytes, pos: int) -> tuple[Any, int]:
    major, info = raw[pos] >> 5, raw[pos] & 0x1F
    pos += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise ValueError("unsupported CBOR simple value")
        return simple[info], pos
    if info < 24:
        length = info
    elif info <= 27:
        size = 1 << (info - 24)
        length = int.from_bytes(raw[pos:pos + size], "big")
        pos += size
    else:
        raise ValueError("indefinite CBOR lengths are not used by pagefind")
    if major == 0:
        return length, pos
    if major == 1:
        return -1 - length, pos
    if major in (2, 3):
        chunk = raw[pos:pos + length]
        return (chunk if major == 2 else chunk.decode("utf-8")), pos + length
    if major == 4:
        items = []
        for _ in range(length):
            item, pos = _cbor_decode(raw, pos)
            items.append(item)
        return items, pos
    if major == 5:
        mapping = {}
        for _ in range(length):
            key, pos = _cbor_decode(raw, pos)
            mapping[key], pos = _cbor_decode(raw, pos)
        return mapping, pos
    raise ValueError("unsupported CBOR type")
