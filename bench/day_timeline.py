"""Timeline of one build at --jobs 2 through the library API: when the parse worker forked ahead is warm and
finishes each page, when the parent assembles the last archive, and when each stage starts.

Usage: python bench/day_timeline.py --config WORK/archive.yaml   (after adding a day's pages to a built archive)
Prints one line per event to stderr: seconds since start, process id, event. Wraps the record stage's worker
functions before the build forks, so the forked worker reports too.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()

import archive_gen.build as build  # noqa: E402
import archive_gen.records as records  # noqa: E402
from archive_gen.config import load_config  # noqa: E402


def stamp(event: str) -> None:
    print(f"{time.perf_counter() - STARTED:6.3f} [{os.getpid()}] {event}", file=sys.stderr, flush=True)


_INIT_WORKER = records._init_warm_worker
_RUN_IN_WORKER = records._run_in_worker
_BUILD_ARCHIVE = build.build_archive


# module-level, not closures: the worker pool pickles the function it runs by its qualified name
def init_worker(*args: Any) -> None:
    stamp("worker forked")
    _INIT_WORKER(*args)
    stamp("worker warm")


def run_in_worker(job: Any) -> Any:
    out = _RUN_IN_WORKER(job)
    stamp("worker page done")
    return out


def build_archive(*args: Any, **kwargs: Any) -> Any:
    stamp("build_archive start")
    out = _BUILD_ARCHIVE(*args, **kwargs)
    stamp("build_archive end")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    records._init_warm_worker = init_worker
    records._run_in_worker = run_in_worker
    build.build_archive = build_archive  # type: ignore[assignment]
    stamp("imports done")

    def progress(stage: str, done: int, total: int) -> None:
        if done in (0, total):
            stamp(f"{stage} {done}/{total}")

    result = build.build_site(load_config(args.config), build.BuildOptions(jobs=args.jobs), progress=progress)
    stamp(f"done: {result.files_written} files written, {result.pages_rendered} pages rendered")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
