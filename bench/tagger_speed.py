"""Tagging CPU time per item on a warm tagger, and the tagger's start-up cost in a fresh process.

usage: python3 bench/tagger_speed.py [SOURCE ...] [--repeat N] [--startup N] [--cache DIR]

SOURCE (folders or page files) defaults to seeds/. The pages are parsed once, untagged; a Tagger is
built and warmed by tagging every item once; then every item is tagged ``--repeat`` times (default 3)
and the median CPU time (time.process_time: a shared machine skews wall time) is printed per item and
as items tagged per second, with the same median for each part (segmenting, regions, topics, keywords).

``--startup N`` (default 5, 0 to skip) also measures, in N fresh interpreters on a warm cache folder,
the CPU seconds of ``Tagger(config)`` and of tagging the first item (the one-off cost a build pays
before its first tag), and prints their medians.

Example (issue 12): python3 bench/tagger_speed.py /work/perf1kt/raw
"""

from __future__ import annotations

import argparse
import json
import pickle
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

ROOT = Path(__file__).resolve().parent.parent


def median_cpu(fn: Callable[[], Any], repeat: int) -> float:
    """Median CPU seconds of ``repeat`` runs of ``fn``."""
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        runs.append(time.process_time() - start)
    return statistics.median(runs)


def warm(items: list[Item], cache: Path, repeat: int) -> dict[str, float]:
    """Median CPU seconds per part over every item, on a tagger that has tagged them all once."""
    tagger = Tagger(load_config(root=cache))
    for item in items:
        tagger.tag_item(item)  # loads the engine and fills every memo, as a long build would
    segmented = [tagger.segment(item) for item in items]
    pairs = list(zip(items, segmented, strict=True))
    parts: dict[str, Callable[[], Any]] = {
        "segment": lambda: [tagger.segment(item) for item in items],
        "regions": lambda: [tagger._regions.tag(i, segmented=s) for i, s in pairs],
        "topics": lambda: [tagger._topics.tag(i, segmented=s) for i, s in pairs],
        "keywords": lambda: [tagger._keywords.extract(i, segmented=s) for i, s in pairs],
        "all": lambda: [tagger.tag_item(item) for item in items],
    }
    return {name: median_cpu(fn, repeat) for name, fn in parts.items()}


# runs in a fresh interpreter: the CPU time of building the Tagger and of its first item
_STARTUP = """
import json, pickle, sys, time
from pathlib import Path
from archive_gen.config import load_config
from archive_gen.tagging import Tagger
items = pickle.loads(Path(sys.argv[2]).read_bytes())
config = load_config(root=Path(sys.argv[1]))
clock = time.process_time
start = clock()
tagger = Tagger(config)
built = clock()
tagger.tag_item(items[0])
first = clock()
print(json.dumps({"construct": built - start, "first": first - built}))
"""


def startup(items: list[Item], cache: Path, runs: int) -> dict[str, float]:
    """Median CPU seconds of Tagger() and of its first item over ``runs`` fresh processes (warm cache)."""
    sample = cache / "tagger-speed-items.pickle"
    sample.write_bytes(pickle.dumps(items[:1]))
    command = [sys.executable, "-c", _STARTUP, str(cache), str(sample)]
    subprocess.run(command, check=True, capture_output=True)  # fills the cache folder
    rows = [
        json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
    return {key: statistics.median(row[key] for row in rows) for key in ("construct", "first")}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs over every item (median)")
    parser.add_argument("--startup", type=int, default=5, metavar="N", help="fresh processes (0: skip)")
    parser.add_argument(
        "--cache", type=Path, default=None, help="project folder for .archive-cache (default: temp)"
    )
    args = parser.parse_args()

    items = [item for page in load_pages(args.sources) for item in page.items]
    if not items:
        parser.error("no items found")
    cache = args.cache or Path(tempfile.mkdtemp(prefix="tagger-speed-"))
    seconds = warm(items, cache, args.repeat)
    print(f"{len(items)} items; CPU seconds, median of {args.repeat}, warm tagger")
    for part, spent in seconds.items():
        print(
            f"  {part:9} {spent:7.3f} s  {spent / len(items) * 1000:7.3f} ms/item  {len(items) / spent:8.0f} items/s"
        )
    if args.startup:
        found = startup(items, cache, args.startup)
        print(
            f"start-up, median of {args.startup} fresh processes (CPU): Tagger() {found['construct']:.3f} s, "
            f"first item {found['first']:.3f} s"
        )


if __name__ == "__main__":
    main()
