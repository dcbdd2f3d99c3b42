"""Tests for search.build_search_index: the Pagefind bundles (one per year, one entry per item, filters),
shard reuse, and the file:// fallback index."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from archive_gen.archive import build_archive
from archive_gen.render import render_site
from archive_gen.search import (
    FALLBACK_PATH,
    build_search_index,
    build_search_index_cached,
    fallback_enabled,
    indexed_document,
    pagefind_bundles,
)
from fixtures.records import HOSTILE_TITLE, config, pages


def _fragments(index):
    """Pagefind fragments are gzip'd JSON behind a "pagefind_dcd" signature."""
    out = []
    for path, data in sorted(index.items()):
        if path.startswith("pagefind/") and "/fragment/" in path:
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


def test_one_pagefind_bundle_per_year(built):
    archive, _, site, index = built
    bundles = pagefind_bundles(archive)
    years = sorted({item.date[:4] for item in archive.items.values() if item.date}, reverse=True)
    undated = ["undated"] if any(not item.date for item in archive.items.values()) else []
    assert bundles == [f"pagefind/{year}/" for year in [*years, *undated]]
    for bundle in bundles:
        for name in ("pagefind.js", "pagefind-entry.json", "pagefind-worker.js"):
            assert bundle + name in index
        assert any(p.startswith(bundle + "index/") for p in index)
        assert any(p.startswith(bundle + "wasm.") for p in index)
        entry = json.loads(index[bundle + "pagefind-entry.json"])
        assert "zh" in entry["languages"]
    assert not any(p.count("/") == 1 and p.startswith("pagefind/") for p in index), "no unsharded bundle left"
    # the search page loads the newest bundle and merges the others
    page = site["search/index.html"].decode("utf-8")
    assert f'data-pagefind-src="../{bundles[0]}pagefind.js"' in page
    assert f'data-pagefind-merge="{" ".join("../" + b for b in bundles[1:])}"' in page


class _MemoryStore:
    def __init__(self):
        self.shards = {}
        self.loads = 0

    def load_shard(self, key):
        self.loads += 1
        return self.shards.get(key)

    def store_shard(self, key, files):
        self.shards[key] = files


def test_unchanged_shards_come_from_the_store_and_match_a_fresh_index(built):
    archive, cfg, site, index = built
    store = _MemoryStore()
    first = build_search_index_cached(site, archive, cfg, store)
    assert first.files == index and list(first.built) == [b.split("/")[1] for b in pagefind_bundles(archive)]
    # only what Pagefind reads counts: a change outside the indexed element keeps every shard
    touched = {path: (data.replace(b'<section class="cite"', b'<section data-x="1" class="cite"')
                      if path.startswith("articles/") else data) for path, data in site.items()}
    assert touched != site
    again = build_search_index_cached(touched, archive, cfg, store)
    assert again.built == () and again.files == index
    # an edit inside one article's indexed element rebuilds that year's shard only
    photo = "articles/2021/05/14/20210514-01-a2.html"
    edited = dict(site)
    edited[photo] = site[photo].replace("<h1>东西协作谱新篇</h1>".encode(), "<h1>东西协作谱华章</h1>".encode())
    assert edited[photo] != site[photo]
    third = build_search_index_cached(edited, archive, cfg, store)
    assert third.built == ("2021",)
    assert third.files == build_search_index(edited, archive, cfg)


def test_indexed_document_keeps_only_the_pagefind_body():
    html = ('<html><head><title>t</title></head><body><nav>菜单</nav><article class="s" data-pagefind-body>'
            '<h1>标题</h1><p>正文</p></article><aside>相关</aside></body></html>')
    doc = indexed_document(html, "zh-CN")
    assert '<article class="s" data-pagefind-body><h1>标题</h1><p>正文</p></article>' in doc
    assert "菜单" not in doc and "相关" not in doc and 'lang="zh-CN"' in doc
    # no marked element, two of them, or a nested element of the same name: the page is indexed whole
    assert indexed_document("<body><p>x</p></body>", "zh") == "<body><p>x</p></body>"
    two = '<div data-pagefind-body>a</div><div data-pagefind-body>b</div>'
    assert indexed_document(two, "zh") == two
    nested = '<div data-pagefind-body><div>a</div>b</div>'
    assert indexed_document(nested, "zh") == nested


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
