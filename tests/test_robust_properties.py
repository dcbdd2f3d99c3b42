"""Properties of whole builds: nothing is lost, one record = one page = one search entry, one bad page
never stops the others, and generated pages go through parse → tag → render without raising.

The hypothesis runs are bounded (a few examples) in CI; the documented long run is
``HYPOTHESIS_PROFILE=long pytest tests/test_loader_properties.py tests/test_robust_properties.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_gen.config import load_config
from archive_gen.loader import conservation, parse_page
from robust_util import PNG, SEEDS, UNDECODABLE, invoke, search_entries, stderr_lines, write_config
from test_loader_properties import pages as page_texts

settings.register_profile("robust-ci", max_examples=4, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("robust-long", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROFILE = "robust-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "robust-ci"


@dataclass(frozen=True)
class Built:
    root: Path
    site: Path
    code: int
    out: str
    err: str
    records: list[dict[str, object]]


@pytest.fixture(scope="module")
def seeds_with_bad_pages(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The five seeds plus a PNG named .txt and an undecodable file, built once with --strict."""
    root = tmp_path_factory.mktemp("mixed")
    sources = root / "sources"
    shutil.copytree(SEEDS, sources)
    (sources / "scan.txt").write_bytes(PNG)
    (sources / "garbled.txt").write_bytes(UNDECODABLE)
    config = write_config(root)
    code, out, err = invoke("build", "--config", str(config), "--strict", "--jobs", "1")
    _, exported, _ = invoke("export", "--config", str(config), "--no-tags")
    records = [json.loads(line) for line in exported.splitlines()]
    return Built(root, root / "site", code, out, err, records)


def test_one_bad_page_never_stops_the_others(seeds_with_bad_pages: Built) -> None:
    built = seeds_with_bad_pages
    assert built.code == 1
    assert "Traceback" not in built.err
    errors = [line for line in stderr_lines(built.err) if ": error: " in line]
    assert errors == ["garbled.txt: error: mostly undecodable as utf-8 (binary data?), not a text page",
                      "scan.txt: error: binary file, not a text page"]
    assert "  2 pages could not be read: see the errors above" in built.err.splitlines()
    assert "7 pages read" in built.out
    # every seed page made it into the site
    assert {r["source"] for r in built.records} == {p.name for p in SEEDS.glob("*.txt")}
    assert (built.site / "index.html").is_file()


def test_strict_build_loses_no_line_of_any_seed(seeds_with_bad_pages: Built) -> None:
    # --strict turns every line the parser dropped into an error: only the two bad pages may fail
    built = seeds_with_bad_pages
    assert "--strict: the build is marked as failed" in built.err
    losses = [line for line in stderr_lines(built.err) if ": error: " in line and "not a text page" not in line]
    assert losses == []
    config = load_config(built.root / "archive.yaml")
    for path in sorted(config.sources[0].glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        assert conservation(text, parse_page(text, path.name)) == [], path.name


def test_every_record_has_exactly_one_article_page(seeds_with_bad_pages: Built) -> None:
    built = seeds_with_bad_pages
    ids = sorted(str(r["id"]) for r in built.records)
    assert len(ids) == len(set(ids)) > 30
    pages = sorted(built.site.glob("articles/**/*.html"))
    searchable = [p for p in pages if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert len(searchable) == len(pages) == len(ids)
    assert sorted(p.stem for p in pages) == ids
    # no other page kind is indexed for search
    others = [p for p in built.site.rglob("*.html") if "articles" not in p.parts
              and "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert others == []


def test_every_record_has_exactly_one_search_entry(seeds_with_bad_pages: Built) -> None:
    built = seeds_with_bad_pages
    entries = search_entries(built.site)
    urls = [str(e["url"]) for e in entries]
    assert len(urls) == len(set(urls)) == len(built.records)
    assert sorted(Path(u).stem for u in urls) == sorted(str(r["id"]) for r in built.records)
    assert all((built.site / u).is_file() for u in urls)


# ---------------------------------------------------------------------------------------------
# end-to-end fuzzing: generated pages through the real tagger and renderer


@pytest.fixture(scope="module")
def tagger_and_config(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, object]:
    from archive_gen.tagging import Tagger

    root = tmp_path_factory.mktemp("fuzz")
    config = load_config(write_config(root))
    return Tagger(config), config


@settings(settings.get_profile(PROFILE))
@given(st.lists(page_texts(), min_size=1, max_size=2))
def test_generated_pages_parse_tag_and_render(tagger_and_config: tuple[object, object], texts: list[str]) -> None:
    from archive_gen.build import render_site
    from archive_gen.writer import check_site_path

    tagger, config = tagger_and_config
    pages = []
    for k, text in enumerate(texts):
        page = parse_page(text, f"2021-05-1{k}_0{k + 1}.txt")
        assert conservation(text, page) == []
        pages.append(tagger.tag_page(page))  # type: ignore[attr-defined]
    files = render_site(pages, config)  # type: ignore[arg-type]
    for path in files:
        check_site_path(path)  # every path the renderer produced is a safe relative path
    items = [item for page in pages for item in page.items]
    articles = [path for path in files if path.startswith("articles/")]
    # halves printed on two of the pages may be joined into one article; nothing else merges
    stitched = sum(len(item.continuation_parts) for page in pages for item in page.items)
    assert len(articles) + stitched >= len(items) and (articles or not items)
    assert "index.html" in files
