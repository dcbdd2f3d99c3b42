"""Time the stages of one archive-gen build through the library API, optionally under a profiler.

Usage: python bench/stage_timer.py --config WORK/archive.yaml [--jobs 2] [--cprofile out.prof] [--top 25]
Prints one JSON object: seconds per stage (scan, parse, archive, render, search, write) and the total.
Profile with --jobs 1: worker processes are invisible to a profiler running in the parent.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path


def timed_build(config_path: Path, jobs: int, profile: Path | None, top: int) -> dict[str, object]:
    from archive_gen.build import BuildOptions, build_site
    from archive_gen.config import load_config

    config = load_config(config_path)
    marks: dict[str, float] = {}  # stage -> first time it was reported (insertion order is stage order)

    def progress(stage: str, done: int, total: int) -> None:
        marks.setdefault(stage, time.perf_counter())

    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    result = build_site(config, BuildOptions(jobs=jobs), progress=progress)
    if profiler:
        profiler.disable()
    ended = time.perf_counter()
    names = list(marks)
    stages = {name: round((marks[names[i + 1]] if i + 1 < len(names) else ended) - marks[name], 3)
              for i, name in enumerate(names)}
    report: dict[str, object] = {"total": round(ended - started, 3), "stages": stages, "items": result.items,
                                 "files_written": result.files_written, "up_to_date": result.up_to_date}
    if profiler and profile:
        profiler.dump_stats(profile)
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
        report["profile_top"] = text.getvalue()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--cprofile", type=Path, help="write cProfile stats here (use --jobs 1)")
    parser.add_argument("--top", type=int, default=30, help="functions to list from the profile")
    args = parser.parse_args(argv)
    try:
        report = timed_build(args.config, args.jobs, args.cprofile, args.top)
    except ImportError as err:
        print(f"stage_timer: error: archive-gen's build API is not available ({err})", file=sys.stderr)
        return 2
    profile_text = report.pop("profile_top", None)
    print(json.dumps(report, ensure_ascii=False))
    if profile_text:
        print(profile_text, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
