"""Run one command and measure it: wall time, peak RSS of the largest process and of the whole process tree.

psutil polls the tree every few milliseconds, so children (worker pools, pagefind) are counted too.
"""

from __future__ import annotations

import contextlib
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

POLL_SECONDS = 0.1  # 10 Hz: enough for builds of seconds, and the poller itself stays under 2% of a core
# the PSS comes from /proc/PID/smaps_rollup, a walk of the page tables: 50-200 ms for a process of 2-3 GB, so
# read once a second (at 10 Hz the poller took most of a core from the build it measured)
PSS_EVERY = 10
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


@dataclass(frozen=True)
class Run:
    """One measured command."""

    seconds: float
    peak_rss_max_process: int  # bytes: the largest single process at any poll
    peak_rss_tree: int  # bytes: the largest sum over the process tree at any poll
    returncode: int
    stderr_tail: str
    cpu_seconds: float = 0.0  # user + system time of the command and every process it waited for
    # bytes: the largest sum of proportional set sizes over the tree (a page shared by n processes counts
    # 1/n in each: forked workers share their parent's memory copy-on-write, which the RSS sum counts again
    # for every worker)
    peak_pss_tree: int = 0


class CommandFailed(RuntimeError):
    """A measured command exited non-zero; the message carries the end of its stderr."""


def _tree_rss(root: psutil.Process, *, pss: bool) -> tuple[int, int, int]:
    """The largest RSS, the RSS sum and (with ``pss``, else 0) the PSS sum over ``root`` and its descendants."""
    procs = [root]
    with contextlib.suppress(psutil.Error):
        procs += root.children(recursive=True)
    largest = total = proportional = 0
    for proc in procs:
        try:
            rss = proc.memory_info().rss
            if pss:
                proportional += getattr(proc.memory_full_info(), "pss", rss)
        except psutil.Error:
            continue  # it ended between listing and reading
        largest = max(largest, rss)
        total += rss
    return largest, total, proportional


def drop_page_cache() -> bool:
    """Write everything back and drop the kernel's clean page cache, the block device's buffers included;
    False where this process may not (not root, not Linux).

    Why: on this bench's machines (ext4 on a virtual disk) creating a file got slower the more of the
    disk's metadata the buffer cache held (``find_get_block_common`` walking large folios): Hugo's cold
    build took 4.3, 5.6, 7.1, 9.1, then 9.7-11.8 s in consecutive identical runs, kernel time rising from
    1.3 to 13 s, and 4.3 s again right after dropping the cache. Without a drop, whichever command ran
    later in a round paid for what the earlier ones had written.
    """
    os.sync()
    try:
        with DROP_CACHES.open("w") as handle:
            handle.write("1\n")
    except OSError:
        return False
    return True


def read_through(*paths: Path) -> None:
    """Read every file under ``paths`` once, so what a tool reads at start-up comes from memory (as it does
    for anyone who runs it twice) while its output's metadata does not."""
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            with contextlib.suppress(OSError), file.open("rb") as handle:
                while handle.read(1 << 20):
                    pass


def run(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None, check: bool = True,
        before: Callable[[], None] | None = None) -> Run:
    """Run ``cmd`` to completion, polling memory in a thread; raise CommandFailed on a non-zero exit if ``check``.
    ``before`` runs first, off the clock (drop_page_cache and warming the tool: bench/run.py)."""
    peaks = [0, 0, 0]
    if before is not None:
        before()
    # what an earlier command wrote (a cold round writes ~300 MB) is flushed before this one starts, not on
    # its clock: without it the tool measured after a big write paid for the other's writeback
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def poll() -> None:
        polls = 0
        while not done.is_set():
            for index, value in enumerate(_tree_rss(proc, pss=polls % PSS_EVERY == 0)):
                peaks[index] = max(peaks[index], value)
            polls += 1
            done.wait(POLL_SECONDS)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    done.set()
    watcher.join()
    tail = err.decode("utf-8", "replace").strip().splitlines()[-5:]
    result = Run(seconds, peaks[0], peaks[1], proc.returncode, "\n".join(tail), cpu, peaks[2])
    if check and proc.returncode != 0:
        raise CommandFailed(f"{' '.join(cmd)} exited {proc.returncode}: {result.stderr_tail}")
    return result


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``folder``; (0, 0) when it does not exist."""
    size = files = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            try:
                size += os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                continue
            files += 1
    return size, files


def machine() -> dict[str, object]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores_logical": psutil.cpu_count(logical=True),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }
