"""Tagging speed: segmenter engines (jieba vs rjieba) and the whole Tagger, per part, on page files.

usage: python3 bench/segment_speed.py [SOURCE ...] [--repeat N] [--cache DIR] [--startup N [--daily K]]

SOURCE defaults to seeds/; a generated corpus works too (python3 bench/generate.py --articles 1000
--out /tmp/c1k). Prints, for each installed engine: Tagger construction and first-item time (warm cache),
cutting speed, items/s per core (CPU time, best of N) for segmenting, regions, topics, keywords and
all tags, and whether the two engines give identical tokens and identical tags on every item.

``--startup N`` measures instead what a fresh process pays before and while tagging, as a build worker
does (median of N processes on a warm cache folder, the default engine): importing the tagger, the
Tagger, its first item, the first K items in all (``--daily``, default 80: a daily rebuild's pages), the
CPU seconds of the whole process, and whether pypinyin was imported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive_gen.config import load_config
from archive_gen.model import Item
from archive_gen.records import load_pages
from archive_gen.tagging import Tagger
from archive_gen.tagging.segmenter import available_engines

ROOT = Path(__file__).resolve().parent.parent


def best_cpu(fn: Callable[[], Any], repeat: int) -> float:
    """Least CPU seconds over ``repeat`` runs (CPU time: a busy shared machine skews wall time)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def measure(engine: str, items: list[Item], cache: Path, repeat: int) -> dict[str, Any]:
    config = load_config(root=cache)
    Tagger(config, engine=engine).tag_item(items[0])  # fills the cache folder, so the next start is warm
    start = time.perf_counter()
    tagger = Tagger(config, engine=engine)
    built = time.perf_counter()
    tagger.tag_item(items[0])
    first = time.perf_counter()
    segmented = [tagger.segment(item) for item in items]
    chars = sum(len(f.text) for s in segmented for f in s.fields)
    parts = {
        "segment": lambda: [tagger.segment(item) for item in items],
        "regions": lambda: [tagger._regions.tag(i, segmented=s) for i, s in zip(items, segmented, strict=True)],
        "topics": lambda: [tagger._topics.tag(i, segmented=s) for i, s in zip(items, segmented, strict=True)],
        "keywords": lambda: [tagger._keywords.extract(i, segmented=s) for i, s in zip(items, segmented, strict=True)],
        "all": lambda: [tagger.tag_item(item) for item in items],
    }
    seconds = {name: best_cpu(fn, repeat) for name, fn in parts.items()}
    return {"construct": built - start, "first": first - built, "seconds": seconds, "chars": chars,
            "tokens": [[f.tokens for f in s.fields] for s in segmented],
            "tags": [tagger.tag_item(item) for item in items]}


# runs in a fresh interpreter; public API only, so it measures an older checkout too (PYTHONPATH=old/src)
_STARTUP = """
import json, pickle, sys, time
clock = time.perf_counter
start = clock()
from pathlib import Path
from archive_gen.config import load_config
from archive_gen.tagging import Tagger
imported = clock()
items = pickle.loads(Path(sys.argv[2]).read_bytes())
config = load_config(root=Path(sys.argv[1]))
loaded = clock()
tagger = Tagger(config)
built = clock()
tagger.tag_item(items[0])
first = clock()
for item in items[1:]:
    tagger.tag_item(item)
done = clock()
print(json.dumps({"import": imported - start, "construct": built - loaded, "first": first - built,
                  "daily": done - built + (imported - start), "cpu": time.process_time(),
                  "pypinyin": "pypinyin" in sys.modules}))
"""


def startup(items: list[Item], cache: Path, runs: int, daily: int) -> None:
    """Median start-up figures of ``runs`` fresh processes on a warm cache (see the module docstring)."""
    import pickle

    sample = cache / "startup-items.pickle"
    sample.write_bytes(pickle.dumps(items[:daily]))
    command = [sys.executable, "-c", _STARTUP, str(cache), str(sample)]
    subprocess.run(command, check=True, capture_output=True)  # fills the cache folder
    rows = [json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
            for _ in range(runs)]
    median = {key: statistics.median(row[key] for row in rows) for key in ("import", "construct", "first", "daily", "cpu")}
    print(f"start-up, median of {runs} fresh processes, warm cache: import {median['import']:.3f}s, "
          f"Tagger() {median['construct']:.3f}s, first item {median['first']:.3f}s; "
          f"import + {min(daily, len(items))} items {median['daily']:.3f}s wall, process CPU {median['cpu']:.3f}s; "
          f"pypinyin imported in {sum(row['pypinyin'] for row in rows)}/{runs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=None, help="project folder for .archive-cache (default: a temp one)")
    parser.add_argument("--startup", type=int, default=0, metavar="N", help="measure start-up in N fresh processes")
    parser.add_argument("--daily", type=int, default=80, metavar="K", help="items a start-up process tags")
    args = parser.parse_args()

    items = [item for page in load_pages(args.sources) for item in page.items]
    if not items:
        parser.error("no items found")
    cache = args.cache or Path(tempfile.mkdtemp(prefix="segment-speed-"))
    if args.startup:
        startup(items, cache, args.startup, args.daily)
        return
    print(f"{len(items)} items from {', '.join(str(s) for s in args.sources)}; CPU time, best of {args.repeat}")
    results = {engine: measure(engine, items, cache, args.repeat) for engine in available_engines()}
    print(f"{'engine':8} {'construct':>9} {'1st item':>8} {'cut KB/s':>9}  items/s: "
          f"{'segment':>8} {'regions':>8} {'topics':>8} {'keywords':>8} {'all':>8}")
    for engine, result in results.items():
        seconds = result["seconds"]
        rates = " ".join(f"{len(items) / seconds[p]:8.0f}" for p in ("segment", "regions", "topics", "keywords", "all"))
        speed = result["chars"] * 3 / 1024 / seconds["segment"]  # ~3 bytes per CJK character in UTF-8
        print(f"{engine:8} {result['construct']:8.2f}s {result['first']:7.2f}s {speed:9.0f}           {rates}")
    if len(results) == 2:
        jieba, rjieba = results["jieba"], results["rjieba"]
        same_tokens = sum(a == b for a, b in zip(jieba["tokens"], rjieba["tokens"], strict=True))
        same_tags = sum(a == b for a, b in zip(jieba["tags"], rjieba["tags"], strict=True))
        print(f"identical tokens on {same_tokens}/{len(items)} items, identical tags on {same_tags}/{len(items)}")


if __name__ == "__main__":
    main()
