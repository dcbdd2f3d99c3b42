"""Tests for search.build_search_index: the Pagefind bundle (one entry per item, filters) and the
file:// fallback index."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from archive_gen.archive import build_archive
from archive_gen.render import render_site
from archive_gen.search import FALLBACK_PATH, build_search_index, fallback_enabled
from fixtures.records import HOSTILE_TITLE, config, pages


def _fragments(index):
    """Pagefind fragments are gzip'd JSON behind a "pagefind_dcd" signature."""
    out = []
    for path, data in sorted(index.items()):
        if path.startswith("pagefind/fragment/"):
            raw = gzip.decompress(data)
            assert raw.startswith(b"pagefind_dcd")
            out.append(json.loads(raw[len(b"pagefind_dcd"):]))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    cfg = config(tmp_path_factory.mktemp("search-root"))
    archive = build_archive(pages(), cfg)
    site = render_site(archive, cfg)
    return archive, cfg, site, build_search_index(site, archive, cfg)


def test_pagefind_bundle_present(built):
    _, _, _, index = built
    for name in ("pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/pagefind-worker.js"):
        assert name in index
    assert any(p.startswith("pagefind/index/") for p in index)
    assert any(p.startswith("pagefind/wasm.") for p in index)
    entry = json.loads(index["pagefind/pagefind-entry.json"])
    assert "zh" in entry["languages"]


def test_one_search_entry_per_item_with_filters(built):
    archive, _, _, index = built
    fragments = _fragments(index)
    urls = sorted(f["url"] for f in fragments)
    assert urls == sorted("/" + item.url for item in archive.items.values())
    by_url = {f["url"]: f for f in fragments}
    photo = by_url["/articles/2021/05/14/20210514-01-a2.html"]
    assert photo["filters"] == {"county": ["尤溪县"], "prefecture": ["三明市"], "province": ["福建省"],
                                "topic": ["乡村振兴与帮扶"], "year": ["2021"]}
    assert photo["meta"]["title"] == "东西协作谱新篇"
    # the extended binary segments Chinese: zero-width spaces mark the word breaks
    assert "\u200b" in photo["content"]
    # chips, citation and navigation are not indexed, only the article itself
    assert "引用本文" not in photo["content"] and "相关报道" not in photo["content"]


def test_hostile_title_stays_plain_text_in_search(built):
    _, _, _, index = built
    fallback = index[FALLBACK_PATH].decode("utf-8")
    assert "<script>" not in fallback and "\\u003cscript>" in fallback
    titles = [f["meta"]["title"] for f in _fragments(index)]
    assert HOSTILE_TITLE in titles  # stored as text; search.js only ever sets textContent
    script = Path(__file__).resolve().parents[1] / "static" / "search.js"
    assert "innerHTML" not in script.read_text(encoding="utf-8")


def test_fallback_index_content(built):
    archive, _, _, index = built
    text = index[FALLBACK_PATH].decode("utf-8")
    prefix = "window.ARCHIVE_SEARCH_FALLBACK = "
    assert text.startswith(prefix)
    records = json.loads(text[len(prefix):].rstrip().rstrip(";"))
    assert [r["url"] for r in records] == [archive.items[i].url for i in archive.order]
    youxi = next(r for r in records if r["url"].endswith("20231123-01-b2.html"))
    assert youxi["filters"]["county"] == ["尤溪县"] and youxi["date"] == "2023-11-23"
    assert "尤溪县总工会" in youxi["text"]


def test_search_page_loads_fallback_only_for_small_archives(built, tmp_path):
    archive, _, site, _ = built
    page = site["search/index.html"].decode("utf-8")
    assert '<script src="fallback-index.js"></script>' in page
    for name in ("province", "topic", "year"):
        assert f'id="filter-{name}"' in page and f'for="filter-{name}"' in page
    small = config(tmp_path, search_fallback_max_items=3)
    assert not fallback_enabled(archive, small)
    big_site = render_site(archive, small)
    big_page = big_site["search/index.html"].decode("utf-8")
    assert "fallback-index.js" not in big_page
    assert "archive-gen serve" in big_page and "python -m http.server" in big_page
    assert 'id="search-serve-hint" hidden' not in big_page


def test_search_index_is_deterministic(built):
    archive, cfg, site, index = built
    assert build_search_index(site, archive, cfg) == index
