"""The benchmark: archive-gen (cold, no-op, one new day) against Hugo + Pagefind on the same generated articles.

Usage: python bench/run.py --sizes 1000,10000 [--runs 3] [--jobs 2] [--json bench/results.json]
Each figure is the median of --runs runs; the table gives ratios against the peer measured in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import generate
import measure
import peer_hugo

MIB = 2**20
# Targets from the issue, for 10k articles on 2 cores.
TARGETS = {"cold_vs_peer": 1.0, "daily_vs_hugo": 0.5, "noop_vs_hugo": 0.25, "peak_rss_mib": 1024}


class BenchError(RuntimeError):
    """The benchmark cannot run (a tool is missing or a build failed); the message says which."""


@dataclass(frozen=True)
class ArchiveGen:
    """How to invoke `archive-gen build` on this installation."""

    command: tuple[str, ...]
    takes_jobs: bool
    takes_quiet: bool
    env: dict[str, str] | None = None  # the environment runs get (PYTHONPATH of a frozen snapshot, if any)

    @classmethod
    def find(cls, snapshot: Path | None = None) -> ArchiveGen:
        """The installed CLI, or ``python -m archive_gen`` from a frozen copy of the checkout."""
        # as installed for real: bytecode cached (a shell with PYTHONDONTWRITEBYTECODE would charge every
        # run for compiling the package again)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        if snapshot:
            env["PYTHONPATH"] = str(freeze_checkout(snapshot))
            command: tuple[str, ...] = (sys.executable, "-m", "archive_gen")
        else:
            exe = shutil.which("archive-gen")
            command = (exe,) if exe else (sys.executable, "-m", "archive_gen")
        probe = subprocess.run([*command, "build", "--help"], capture_output=True, text=True, env=env)
        if probe.returncode != 0:
            reason = (probe.stderr.strip().splitlines() or ["no output"])[-1]
            raise BenchError(f"`archive-gen build` is not available yet ({reason}); "
                             "use --peer-only to measure Hugo + Pagefind alone")
        return cls(command, "--jobs" in probe.stdout, "--quiet" in probe.stdout, env)

    def build(self, config: Path, jobs: int, before: Callable[[], None] | None = None) -> measure.Run:
        args = [*self.command, "build", "--config", str(config)]
        if self.takes_jobs:
            args += ["--jobs", str(jobs)]
        if self.takes_quiet:
            args.append("--quiet")  # no progress display: the peer prints nothing either (--quiet)
        return measure.run(args, cwd=config.parent, env=self.env, before=before)

    def settle(self, warm_config: Path, jobs: int, sources: Path) -> Callable[[], None]:
        """What runs before each timed build: the page cache dropped (measure.drop_page_cache), then the
        tool warmed by a cold build of a one-day corpus (every module, dictionary and template read from
        disk) and the sources read, so a build starts as on a machine that ran archive-gen before; the
        archive's own cache and output are not warmed (a daily rebuild reads them cold the next day)."""
        def before() -> None:
            if not measure.drop_page_cache():
                return
            for stale in (warm_config.parent / "site", warm_config.parent / ".archive-cache"):
                shutil.rmtree(stale, ignore_errors=True)
            subprocess.run([*self.command, "build", "--config", str(warm_config), "--jobs", str(jobs), "--quiet"],
                           cwd=warm_config.parent, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=False)
            measure.read_through(sources)
        return before


def freeze_checkout(target: Path) -> Path:
    """Copy src/, templates/, static/ and pyproject.toml of this checkout to ``target``; returns the src path.

    The build cache is keyed by the package's own code, so a teammate saving a file between the cold
    build and the no-op rebuild would silently turn the no-op into a full rebuild; a frozen copy cannot.
    """
    repo = Path(__file__).resolve().parents[1]
    shutil.rmtree(target, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("src", "templates", "static"):
        shutil.copytree(repo / name, target / name, ignore=ignore)
    shutil.copy2(repo / "pyproject.toml", target / "pyproject.toml")
    return target / "src"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def prepare(work: Path, size: int, seed: int, per_day: int | None = None) -> tuple[Path, list[generate.SynthPage]]:
    """Generate the corpus (raw pages + Markdown) and archive.yaml; returns the config and the extra day."""
    shutil.rmtree(work, ignore_errors=True)
    pages = generate.generate_corpus(size, seed, per_day)
    generate.write_raw(pages, work / "raw")
    generate.write_markdown(pages, work / "content")
    extra = generate.extra_day(pages, seed, per_day)
    config = work / "archive.yaml"
    config.write_text("source: raw\noutput: site\ncache_dir: .archive-cache\n", encoding="utf-8")
    # one day of other items, built cold (untimed) before each timed build to warm the tool (ArchiveGen.settle)
    generate.write_raw(generate.generate_corpus(80, seed + 1, per_day or 80), work / "warm" / "raw")
    (work / "warm" / "archive.yaml").write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    return config, extra


def run_archive_gen(tool: ArchiveGen, config: Path, extra: list[generate.SynthPage], jobs: int) -> dict[str, Any]:
    """One round: cold build, no-op rebuild, rebuild after one new day; sizes are taken after the cold build."""
    work = config.parent
    for stale in (work / "site", work / ".archive-cache"):
        shutil.rmtree(stale, ignore_errors=True)
    for page in extra:
        (work / "raw" / page.relpath()).unlink(missing_ok=True)
    settle = tool.settle(work / "warm" / "archive.yaml", jobs, work / "raw")
    cold = tool.build(config, jobs, settle)
    size, files = measure.tree_size(work / "site")
    index_size, index_files = measure.tree_size(work / "site" / "search")
    noop = tool.build(config, jobs, settle)
    generate.write_raw(extra, work / "raw")
    daily = tool.build(config, jobs, settle)
    edited, original = edit_old_page(work / "raw")
    edit = tool.build(config, jobs, settle)
    edited.write_bytes(original)
    runs = (cold, noop, daily, edit)
    return {"cold_s": cold.seconds, "noop_s": noop.seconds, "daily_s": daily.seconds, "edit_s": edit.seconds,
            "cold_cpu_s": cold.cpu_seconds, "daily_cpu_s": daily.cpu_seconds,
            "peak_rss_max_process_mib": max(r.peak_rss_max_process for r in runs) / MIB,
            "peak_rss_tree_mib": max(r.peak_rss_tree for r in runs) / MIB,
            "peak_pss_tree_mib": max(r.peak_pss_tree for r in runs) / MIB,
            "output_mib": size / MIB, "output_files": files,
            "index_mib": index_size / MIB, "index_files": index_files}


def edit_old_page(raw: Path) -> tuple[Path, bytes]:
    """"One old page edited": a typo fixed in the body text of the page in the middle of the archive (a
    comma becomes an enumeration comma). Returns the page and its original bytes, to put back."""
    files = sorted(raw.rglob("*.txt"))
    page = files[len(files) // 2]
    data = page.read_bytes()
    at = data.find(b",", len(data) // 2)
    if at < 0:
        raise BenchError(f"no comma to change in {page}")
    page.write_bytes(data[:at] + "、".encode() + data[at + 1:])
    return page, data


def run_peer(work: Path, jobs: int) -> dict[str, Any]:
    def settle() -> None:  # as ArchiveGen.settle: the page cache dropped, the binaries and the sources read
        if measure.drop_page_cache():
            measure.read_through(peer_hugo.hugo_binary(), peer_hugo.pagefind_binary(), peer_hugo.THEME_DIR,
                                 work / "content")
    peer = peer_hugo.build(work / "content", work / "hugo", jobs, before=settle)
    return {"hugo_s": peer.hugo.seconds, "pagefind_s": peer.pagefind.seconds,
            "total_s": peer.hugo.seconds + peer.pagefind.seconds,
            "cpu_s": peer.hugo.cpu_seconds + peer.pagefind.cpu_seconds,
            "hugo_peak_rss_mib": peer.hugo.peak_rss_max_process / MIB,
            "pagefind_peak_rss_mib": peer.pagefind.peak_rss_max_process / MIB,
            "peak_rss_max_process_mib": max(peer.hugo.peak_rss_max_process, peer.pagefind.peak_rss_max_process) / MIB,
            "output_mib": peer.output_bytes / MIB, "output_files": peer.output_files,
            "index_mib": peer.index_bytes / MIB, "index_files": peer.index_files}


def stage_times(config: Path, extra: list[generate.SynthPage], jobs: int, env: dict[str, str] | None) -> dict[str, Any]:
    """One extra instrumented cold build (library API) to split the time by stage, search index included."""
    work = config.parent
    for stale in (work / "site", work / ".archive-cache"):
        shutil.rmtree(stale, ignore_errors=True)
    for page in extra:  # the same N items as the timed cold builds
        (work / "raw" / page.relpath()).unlink(missing_ok=True)
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("stage_timer.py")), "--config", str(config),
                           "--jobs", str(jobs)], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout)


def medians(rounds: list[dict[str, Any]]) -> dict[str, float]:
    return {key: _median([r[key] for r in rounds]) for key in rounds[0]} if rounds else {}


def ratios(ag: dict[str, float], peer: dict[str, float]) -> dict[str, float]:
    if not ag or not peer:
        return {}
    return {"cold_vs_peer": ag["cold_s"] / peer["total_s"],
            "cold_cpu_vs_peer": ag["cold_cpu_s"] / peer["cpu_s"],
            "daily_vs_hugo": ag["daily_s"] / peer["hugo_s"],
            "edit_vs_hugo": ag["edit_s"] / peer["hugo_s"],
            "noop_vs_hugo": ag["noop_s"] / peer["hugo_s"],
            "memory_vs_peer": ag["peak_rss_max_process_mib"] / peer["peak_rss_max_process_mib"]}


def table(report: dict[str, Any]) -> str:
    """A Markdown table of the medians and ratios, with the machine underneath."""
    rows = ["| corpus | archive-gen cold | CPU | no-op | +1 day | 1 page edited | peak RSS / PSS (tree) | output "
            "| Hugo | Pagefind | peer CPU | peer output | cold/(H+P) | CPU/peer | day/H | edit/H | no-op/H |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, res in report["sizes"].items():
        ag, peer, ratio = res.get("archive_gen") or {}, res.get("peer") or {}, res.get("ratios") or {}

        def cell(d: dict[str, float], key: str, fmt: str, unit: str = "") -> str:
            return format(d[key], fmt) + unit if key in d else "–"

        rows.append(" | ".join([
            f"| {label}", cell(ag, "cold_s", ".2f", " s"), cell(ag, "cold_cpu_s", ".1f", " s"),
            cell(ag, "noop_s", ".2f", " s"), cell(ag, "daily_s", ".2f", " s"), cell(ag, "edit_s", ".2f", " s"),
            cell(ag, "peak_rss_tree_mib", ".0f", " / ") + cell(ag, "peak_pss_tree_mib", ".0f", " MiB"),
            f"{cell(ag, 'output_mib', '.0f')} MiB / {cell(ag, 'output_files', '.0f')} files",
            cell(peer, "hugo_s", ".2f", " s"), cell(peer, "pagefind_s", ".2f", " s"), cell(peer, "cpu_s", ".1f", " s"),
            f"{cell(peer, 'output_mib', '.0f')} MiB / {cell(peer, 'output_files', '.0f')} files",
            cell(ratio, "cold_vs_peer", ".2f", "×"), cell(ratio, "cold_cpu_vs_peer", ".2f", "×"),
            cell(ratio, "daily_vs_hugo", ".2f", "×"), cell(ratio, "edit_vs_hugo", ".2f", "×"),
            cell(ratio, "noop_vs_hugo", ".2f", "×") + " |"]))
    m = report["machine"]
    rows.append("")
    rows.append(f"Machine: {m['cpu']}, {m['cores_usable']} usable cores, {m['ram_gb']} GB RAM, Python {m['python']}; "
                f"--jobs {report['jobs']}, median of {report['runs']} runs; {report['tools']}.")
    rows.append(f"Targets at 10k: cold ≤ {TARGETS['cold_vs_peer']}×, day and edit ≤ {TARGETS['daily_vs_hugo']}×, "
                f"no-op ≤ {TARGETS['noop_vs_hugo']}×, peak memory of the whole tree ≤ {TARGETS['peak_rss_mib']} MiB "
                "(RSS sums count the pages forked workers share with their parent once per process; PSS counts "
                "each page once).")
    return "\n".join(rows)


def _versions() -> str:
    parts = []
    for name, cmd in (("hugo", [str(peer_hugo.hugo_binary()), "version"]),
                      ("pagefind", [str(peer_hugo.pagefind_binary()), "--version"])):
        out = subprocess.run(cmd, capture_output=True, text=True).stdout.split()
        parts.append(f"{name} {next((w.split('-')[0] for w in out if w[:1].isdigit() or w.startswith('v0')), '?')}")
    return ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="archive-gen --jobs and the peer's GOMAXPROCS")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-day", type=int, default=None,
                        help="items per daily issue, one issue every day (the realistic corpus: 80); "
                             "default: ~80-item issues spread over about ten years")
    parser.add_argument("--work", type=Path, default=Path("/tmp/archive-gen-bench"), help="scratch folder")
    parser.add_argument("--json", type=Path, help="write the full report here")
    parser.add_argument("--peer-only", action="store_true", help="measure Hugo + Pagefind only")
    parser.add_argument("--live-code", action="store_true",
                        help="run the installed code as it changes instead of a frozen copy under --work")
    parser.add_argument("--no-stages", action="store_true", help="skip the extra instrumented build per size")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated whole numbers, got {args.sizes!r}")
    if not sizes or min(sizes) < 1 or args.runs < 1 or args.jobs < 1:
        parser.error("--sizes, --runs and --jobs must be at least 1")

    try:
        tool = None if args.peer_only else ArchiveGen.find(None if args.live_code else args.work / "_code")
        report: dict[str, Any] = {"started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                                  "machine": measure.machine(), "jobs": args.jobs, "runs": args.runs,
                                  "seed": args.seed, "per_day": args.per_day, "tools": _versions(),
                                  "page_cache_dropped": measure.drop_page_cache(), "sizes": {}}
        for size in sizes:
            label = f"{size}" + (f"-daily{args.per_day}" if args.per_day else "")
            work = args.work / label
            t0 = time.perf_counter()
            config, extra = prepare(work, size, args.seed, args.per_day)
            print(f"[{size}] corpus generated in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
            ag_rounds, peer_rounds = [], []
            for number in range(1, args.runs + 1):
                if tool:
                    ag_rounds.append(run_archive_gen(tool, config, extra, args.jobs))
                    print(f"[{size}] run {number}: archive-gen {json.dumps(ag_rounds[-1])}", file=sys.stderr)
                peer_rounds.append(run_peer(work, args.jobs))
                print(f"[{size}] run {number}: peer {json.dumps(peer_rounds[-1])}", file=sys.stderr)
            ag, peer = medians(ag_rounds), medians(peer_rounds)
            result = {"archive_gen": ag or None, "peer": peer, "ratios": ratios(ag, peer),
                      "rounds": {"archive_gen": ag_rounds, "peer": peer_rounds}}
            if tool and not args.no_stages:
                result["archive_gen_stages"] = stage_times(config, extra, args.jobs, tool.env)
            report["sizes"][label] = result
            if args.json:  # after every size, so a long 100k run leaves the smaller results behind
                args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except (BenchError, peer_hugo.PeerMissing, measure.CommandFailed) as err:
        print(f"bench: error: {err}", file=sys.stderr)
        return 1
    print(table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
