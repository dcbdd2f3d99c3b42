"""Loader speed: CPU seconds to parse every page of some folders, and the one-time regex compile cost.

usage: python3 bench/loader_speed.py [SOURCE ...] [--repeat N] [--compile N] [--profile]

SOURCE defaults to seeds/ and the held-out page folders (tests/heldout*/**/pages). Every ``*.txt`` file
under each SOURCE is read into memory first; then all of them go through
``archive_gen.loader.parse_source`` once, in each of ``N`` fresh processes (default 3: a build parses a
page once, so memos must start empty as they do in a build), and the median CPU time
(``time.process_time``: a shared machine skews wall time) is printed per SOURCE and in all. Each process
first pays its one-time costs (``warm_up``: compiling the lazy patterns, loading the word segmenter),
which ``--compile`` measures apart.

``--compile N`` (default 3) runs N fresh processes and prints the median CPU seconds of each one-time
cost: the first parse of one small page over the second (mostly compiling the byline and credit
patterns: what a CLI build that parses one page pays), compiling the package's lazy patterns that page
did not touch (a real page touches most of them), loading the loader's word segmenter, and loading the
one-character frequency table of the half-word test. ``--profile`` prints a cProfile of one pass instead of timing.
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

_WARM_UP = "2024年1月1日\n\n本报讯（记者　王小明）今天，市里举行了会议。\n".encode()

# A fresh process: parse one page twice (the first parse pays for compiling the patterns it uses), compile
# the lazy patterns left, load the word segmenter, then the one-character frequency table.
_COMPILE_PROBE = f"""
import time
from archive_gen.loader import parse_source
data = {_WARM_UP!r}
t0 = time.process_time(); parse_source(data, "2024-01-01_01.txt"); t1 = time.process_time()
parse_source(data, "2024-01-01_02.txt"); t2 = time.process_time()
print((t1 - t0) - (t2 - t1))
import sys
from archive_gen.patterns import LazyPattern
lazy = [v for name, m in list(sys.modules.items()) if name.startswith("archive_gen.")
        for v in vars(m).values() if isinstance(v, LazyPattern) and v._compiled is None]
t3 = time.process_time()
for v in lazy:
    v.pattern  # any attribute compiles it
t4 = time.process_time()
print(t4 - t3)
from archive_gen.loader.units import starts_with_half_word, word_spans
word_spans("职工")
t5 = time.process_time()
print(t5 - t4)
starts_with_half_word("务中心牵头")  # the one-character frequency table
print(time.process_time() - t5)
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


def warm_up() -> None:
    """Pay this process's one-time costs before timing: compile every lazy pattern of the package and
    load the loader's word segmenter (both measured apart, by ``--compile``); the memos stay empty."""
    from archive_gen.loader.units import starts_with_half_word, word_spans
    from archive_gen.patterns import LazyPattern

    parse_source(_WARM_UP, "2024-01-01_01.txt")
    for name, module in list(sys.modules.items()):
        if name.startswith("archive_gen."):
            for value in list(vars(module).values()):
                if isinstance(value, LazyPattern):
                    _ = value.pattern  # any attribute compiles it
    word_spans("职工")
    starts_with_half_word("务中心牵头")  # loads the one-character frequency table


def one_pass(folder: Path) -> float:
    """CPU seconds of one pass over ``folder`` in this process, after ``warm_up``."""
    pages = read_pages(folder)
    warm_up()
    t0 = time.process_time()
    parse_all(pages)
    return time.process_time() - t0


def median_cpu(folder: Path, repeat: int) -> float:
    """Median CPU seconds of ``repeat`` passes over ``folder``, each in a fresh process."""
    times = [
        float(
            subprocess.run(
                [sys.executable, __file__, "--one-pass", str(folder)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(times)


def compile_cost(runs: int) -> list[float]:
    """Medians, over ``runs`` fresh processes, of each one-time cost ``_COMPILE_PROBE`` prints."""
    runs_out = [
        [
            float(x)
            for x in subprocess.run(
                [sys.executable, "-c", _COMPILE_PROBE], capture_output=True, text=True, check=True
            ).stdout.split()
        ]
        for _ in range(runs)
    ]
    return [statistics.median(column) for column in zip(*runs_out, strict=True)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compile", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--one-pass", type=Path, help=argparse.SUPPRESS)  # the child process of a timed pass
    args = ap.parse_args(argv)
    if args.one_pass:
        print(one_pass(args.one_pass))
        return
    sources = args.sources or default_sources()
    loaded = [(src, read_pages(src)) for src in sources]
    everything = [p for _, pages in loaded for p in pages]
    if args.profile:
        import cProfile
        import pstats

        warm_up()
        prof = cProfile.Profile()
        prof.runcall(parse_all, everything)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
        return
    total = 0.0
    for src, pages in loaded:
        cpu = median_cpu(src, args.repeat)
        total += cpu
        print(f"{src}: {len(pages)} pages, {cpu:.3f} CPU-s (median of {args.repeat})")
    print(f"all: {len(everything)} pages, {total:.3f} CPU-s")
    if args.compile:
        first, rest, segmenter, table = compile_cost(args.compile)
        print(
            f"one-time costs of a fresh process, CPU-s (median of {args.compile}): first parse of a small page "
            f"over the second {first:.3f}; the lazy patterns it left {rest:.3f}; the word segmenter "
            f"{segmenter:.3f}; the one-character frequency table {table:.3f}"
        )


if __name__ == "__main__":
    main()
