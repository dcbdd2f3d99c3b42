"""Loader speed: CPU seconds to parse every page of some folders, and the one-time regex compile cost.

usage: python3 bench/loader_speed.py [SOURCE ...] [--repeat N] [--compile N] [--profile]

SOURCE defaults to seeds/ and the held-out page folders (tests/heldout*/**/pages). Every ``*.txt`` file
under each SOURCE is read into memory first; then all of them go through
``archive_gen.loader.parse_source`` ``N`` times (default 3) and the median CPU time (``time.process_time``:
a shared machine skews wall time) is printed per SOURCE and in all. The first pass also compiles the
loader's lazy patterns, so the first pass is run once before timing.

``--compile N`` (default 3) runs N fresh processes that parse one small page and prints the median CPU
seconds the first parse costs over the second (mostly compiling the byline and credit patterns: what a
CLI build that parses one page pays). ``--profile`` prints a cProfile of one pass instead of timing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from archive_gen.loader import parse_source

ROOT = Path(__file__).resolve().parent.parent

# A fresh process: parse one page twice; the first parse pays for compiling the lazy patterns.
_COMPILE_PROBE = """
import time
from archive_gen.loader import parse_source
data = "2024年1月1日\\n\\n本报讯（记者　王小明）今天，市里举行了会议。\\n".encode()
t0 = time.process_time(); parse_source(data, "2024-01-01_01.txt"); t1 = time.process_time()
parse_source(data, "2024-01-01_02.txt"); t2 = time.process_time()
print((t1 - t0) - (t2 - t1))
"""


def default_sources() -> list[Path]:
    """seeds/ and every held-out pages folder, in a stable order."""
    found = [ROOT / "seeds", ROOT / "tests" / "heldout" / "pages"]
    found += sorted((ROOT / "tests" / "heldout").glob("fresh*/pages"))
    found += sorted(ROOT.glob("tests/heldout_tagging*/pages"))
    return [p for p in found if p.is_dir()]


def read_pages(folder: Path) -> list[tuple[str, bytes]]:
    """(relative name, bytes) of every .txt file under ``folder``, sorted by name."""
    return [(str(p.relative_to(folder)), p.read_bytes()) for p in sorted(folder.rglob("*.txt"))]


def parse_all(pages: list[tuple[str, bytes]]) -> None:
    """Parse every page once (the work being timed)."""
    for name, data in pages:
        parse_source(data, name)


def median_cpu(pages: list[tuple[str, bytes]], repeat: int) -> float:
    """Median CPU seconds of ``repeat`` passes over ``pages``."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        parse_all(pages)
        times.append(time.process_time() - t0)
    return statistics.median(times)


def compile_cost(runs: int) -> float:
    """Median, over ``runs`` fresh processes, of the first parse's extra CPU seconds over the second."""
    costs = [
        float(
            subprocess.run(
                [sys.executable, "-c", _COMPILE_PROBE], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(costs)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compile", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    sources = args.sources or default_sources()
    loaded = [(src, read_pages(src)) for src in sources]
    everything = [p for _, pages in loaded for p in pages]
    parse_all(everything[:1])  # compile the lazy patterns outside the timing
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(parse_all, everything)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
        return
    total = 0.0
    for src, pages in loaded:
        cpu = median_cpu(pages, args.repeat)
        total += cpu
        print(f"{src}: {len(pages)} pages, {cpu:.3f} CPU-s (median of {args.repeat})")
    print(f"all: {len(everything)} pages, {total:.3f} CPU-s")
    if args.compile:
        print(
            f"regex compile (first parse over second, fresh process): {compile_cost(args.compile):.3f} CPU-s "
            f"(median of {args.compile})"
        )


if __name__ == "__main__":
    main()
