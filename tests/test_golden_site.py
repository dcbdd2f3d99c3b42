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
    join = '（以下原载<a href="../../../../issues/2024-03-01/page-02.html">第2版</a>）'
    stitched = next(built[p].decode() for p in articles if join in built[p].decode())
    assert "长春朝阳区" in stitched
    assert "调解前置" in stitched
    # the join is shown where the second half begins, under the jump marker as printed, which no
    # longer dangles at the end
    assert stitched.count("(下转第2版)") == 1
    assert stitched.index("(下转第2版)") < stitched.index(join) < stitched.index("调解前置")
    # one 版面 page per source page, with 版面导航
    assert {"issues/2024-03-01/page-01.html", "issues/2024-03-01/page-02.html",
            "issues/2024-03-02/page-01.html"} <= set(built)
    assert any(Path(p).parts[:2] == ("regions", "220104-chaoyang") for p in built)
