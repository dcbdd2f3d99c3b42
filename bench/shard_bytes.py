"""Bytes and files a query reads (Python planner, complete results) under two shard layouts of one corpus: the
newest year by month, and its busy months by ten days (search.busy_periods), with the indexer's CPU time for each.

Usage: python bench/shard_bytes.py PAGES_DIR   (e.g. a 10k daily corpus from bench/generate.py --per-day 80)
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from pathlib import Path

from search_bytes import QUERIES

from archive_gen import search, urls
from archive_gen.records import load_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path)
    args = parser.parse_args(argv)
    items = [dataclasses.replace(i, url=urls.article_path(i.id, i.date))
             for p in load_pages([args.pages]) for i in p.items]
    docs = search.docs_order(search.search_doc(i) for i in items)
    newest = docs[0].date
    for label, ten_days in (("month", False), ("ten days", True)):
        busy = search.busy_periods(d.date for d in docs)
        if not ten_days:
            busy = frozenset(p for p in busy if "-" not in p)
        grouped: dict[str, list[search.SearchDoc]] = {}
        for doc in docs:
            grouped.setdefault(search.shard_of(doc.date, newest, busy), []).append(doc)
        started = time.process_time()
        shards = [(name, search.index_shard(name, group)) for name, group in grouped.items()]
        cpu = time.process_time() - started
        files: dict[str, bytes] = {}
        for _, shard in shards:
            files.update(shard)
        files.update(search.index_root(shards))
        rows = []
        for query in QUERIES:
            reader = search.IndexReader(files)
            reader.search(query)
            rows.append((len(reader.loaded), sum(len(files[p]) for p in reader.loaded)))
        print(f"{label}: {len(shards)} shards, index {cpu:.1f} CPU-s, {len(files)} files; a query reads "
              f"median {statistics.median(r[1] for r in rows) / 1024:.0f} KiB (max {max(r[1] for r in rows) / 1024:.0f}) "
              f"in median {statistics.median(r[0] for r in rows):.0f} files (max {max(r[0] for r in rows)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
