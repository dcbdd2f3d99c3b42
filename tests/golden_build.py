"""Builds the golden fixture corpus; shared by tests/test_golden_site.py and tests/golden/regen.py."""

from __future__ import annotations

from pathlib import Path

from archive_gen.build import BuildOptions, build_site
from archive_gen.config import load_config

GOLDEN = Path(__file__).resolve().parent / "golden"
# Only the build's lock file is skipped (it is empty and no part of the site): the search index and the
# ownership manifest are deterministic and compared byte for byte too.
SKIPPED_PREFIXES: tuple[str, ...] = (".archive-gen/build.lock",)


def build_golden(tmp: Path) -> Path:
    config = load_config(GOLDEN / "archive.yaml").with_overrides(
        output=tmp / "site", cache_dir=tmp / "cache")
    result = build_site(config, BuildOptions(jobs=1, force=True))
    assert result.exit_code == 0, result.errors
    return tmp / "site"


def golden_files(site: Path) -> dict[str, bytes]:
    """Every output file that the golden comparison covers, by site-relative path."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.relative_to(site).as_posix().startswith(SKIPPED_PREFIXES)
    }
