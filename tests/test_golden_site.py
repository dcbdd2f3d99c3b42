"""The golden site: building tests/golden/corpus must reproduce tests/golden/site byte for byte.

Regenerate deliberately with ``python3 tests/golden/regen.py`` and review the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from golden_build import GOLDEN, build_golden, golden_files

EXPECTED = GOLDEN / "site"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return golden_files(build_golden(tmp_path_factory.mktemp("golden")))


def test_golden_site_has_the_same_files(built: dict[str, bytes]) -> None:
    expected = golden_files(EXPECTED)
    assert sorted(built) == sorted(expected), "file list changed: run tests/golden/regen.py if intended"


def test_golden_site_matches_byte_for_byte(built: dict[str, bytes]) -> None:
    expected = golden_files(EXPECTED)
    for rel in sorted(set(built) & set(expected)):
        if built[rel] != expected[rel]:
            diff = difflib.unified_diff(
                expected[rel].decode("utf-8", "replace").splitlines(),
                built[rel].decode("utf-8", "replace").splitlines(),
                f"golden/{rel}", f"built/{rel}", lineterm="", n=2)
            pytest.fail("\n".join(list(diff)[:60]) + "\n(run tests/golden/regen.py if intended)")


def test_golden_site_covers_the_features(built: dict[str, bytes]) -> None:
    # guards against regenerating a degenerate site: the fixture must keep exercising these
    for entry in ("index.html", "regions/index.html", "topics/index.html", "archive/index.html",
                  "search/index.html", "feed.xml", "sitemap.xml", "404.html"):
        assert entry in built
    articles = [p for p in built if p.startswith("articles/")]
    assert len(articles) == 6  # the 上接 half is stitched into its head, not a page of its own
    stitched = next(built[p] for p in articles if "（以下原载第2版）" in built[p].decode())
    assert "长春朝阳区" in stitched.decode()
    assert "调解前置" in stitched.decode()
    # the join is shown where the second half begins, and the jump marker no longer dangles at the end
    assert "（以下原载第2版）" in stitched.decode() and "转第2版" not in stitched.decode()
    assert any(Path(p).parts[:2] == ("regions", "220104-chaoyang") for p in built)
