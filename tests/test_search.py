"""Tests for the search index (search.py): encoding and decoding, shards, the query planner, and the
ground truth: for 30+ queries the index finds exactly the items that contain them (seeds and 10k corpus)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive_gen import search
from archive_gen.archive import build_archive
from archive_gen.build import render_site
from archive_gen.loader.stitch import stitch_continuations
from archive_gen.model import Caption, Crosshead, Item, Region, RegionTag, TopicTag
from archive_gen.records import MemoryRecords, load_pages
from archive_gen.search import (
    ROOT_PATH,
    IndexReader,
    SearchDoc,
    build_search_index,
    build_search_index_cached,
    cover,
    index_root,
    index_shard,
    read_varints,
    script,
    script_payload,
    search_doc,
    seven,
    shard_of,
    unseven,
    varints,
)
from fixtures.records import HOSTILE_TITLE, config, pages
from search_truth import CORPUS_QUERIES, SEED_QUERIES, Truth

REPO = Path(__file__).resolve().parents[1]


def _item(n: int, title: str, *paragraphs: str, date: str | None = "2024-03-05", **more: object) -> Item:
    base = Item(id=f"i{n:03d}", source="x.txt", index=n, kind="article", date=date, title=title,
                paragraphs=paragraphs, url=f"articles/i{n:03d}.html")
    return dataclasses.replace(base, **more)  # type: ignore[arg-type]


def _hits(files: dict[str, bytes] | IndexReader, query: str) -> set[str]:
    reader = files if isinstance(files, IndexReader) else IndexReader(files)
    return {str(reader.row(h)[0]) for h in reader.search(query)}


# ---------------------------------------------------------------------------------------------
# encoding

@given(st.lists(st.integers(min_value=0, max_value=2**40), max_size=50))
def test_varints_round_trip(values: list[int]) -> None:
    data = varints(np.array(values, dtype=np.int64))
    assert read_varints(data) == (values, len(data))
    assert all(b < 0x80 for b in data[-1:])  # the last byte of the last value ends it


@given(st.binary(max_size=300) | st.lists(st.sampled_from([0x00, 0x0A, 0x22, 0x5C, 0x85]), max_size=60).map(bytes))
def test_seven_bit_text_round_trips_and_is_a_safe_js_string(data: bytes) -> None:
    text = seven(data)
    assert unseven(text, len(data)) == data
    assert not set(text) & {'"', "\\", "\n", "\r", "\0"}
    assert all(ord(c) < 0x80 + (5 << 7) for c in text)  # one or two bytes of UTF-8 each
    # 7 bits a byte of UTF-8 (an escape is 14 bits in two bytes), so at most 8/7 of the size plus one
    assert len(text.encode("utf-8")) <= len(data) * 8 // 7 + 2


def test_index_files_are_scripts_that_name_themselves() -> None:
    payload = os.urandom(2000) + "总工会".encode()
    data = script("search/x.abc/b3.js", payload)
    assert data.startswith(b'AGSearch("search/x.abc/b3.js",') and data.endswith(b'");\n')
    assert script_payload(data) == ("search/x.abc/b3.js", payload)
    data.decode("utf-8")  # valid UTF-8 whatever the payload


def test_bucket_hash_is_the_same_vectorised_and_scalar() -> None:
    first = np.array([0x5DE5, 0x4F1A, 0x41, 0x20000, 0x10FFFF], dtype=np.int64)
    second = np.array([0x4F1A, 0, 0x5DE5, 0x7, 0x10FFFF], dtype=np.int64)
    for buckets in (1, 2, 64, 4096):
        vector = search._buckets_of(first, second, buckets).tolist()
        assert vector == [search.bucket_of(a, b, buckets) for a, b in zip(first.tolist(), second.tolist(), strict=True)]
    # the constants search.js uses: a change in one of the two would send lookups to the wrong bucket
    js = (REPO / "static" / "search.js").read_text(encoding="utf-8")
    assert "0x9e3779b1" in js and "0x85ebca6b" in js and ">>> 15" in js and ">>> 13" in js


def test_normalise_maps_full_width_and_case_one_to_one() -> None:
    assert search.normalise("５Ｇ ＡＰＰ App\u3000工会") == "5g\napp\napp\n工会"
    text = "Ｈｅｌｌｏ，世界！\t新"
    assert len(search.normalise(text)) == len(text)
    assert search.phrases("  ＡＰＰ  app 工会\u3000工会 ") == ["app", "工会"]


def test_cover_offsets_touch_every_character() -> None:
    assert cover(2) == (0,) and cover(3) == (0, 1) and cover(4) == (0, 2) and cover(5) == (0, 2, 3)
    for length in range(2, 30):
        offsets = cover(length)
        assert {o + k for o in offsets for k in (0, 1)} == set(range(length))
        assert len(offsets) == length // 2 + (length % 2 == 1)  # half the bigrams of a long phrase


# ---------------------------------------------------------------------------------------------
# records and shards

def test_search_doc_takes_every_searchable_field_and_the_filters() -> None:
    region = Region("350426", "福建省", "三明市", "尤溪县", slug="350426-youxi")
    item = _item(1, "标题", "第一段", "第二段", kicker="引题", subtitle="副题", lead="本报讯(记者甲)",
                 crossheads=(Crosshead("小标题", 1, 3),), reading_tip="提示", credit="新华社记者 乙 摄",
                 captions=(Caption("图说", "丙 摄"),), page=3,
                 regions=(RegionTag(region),) * 2, topics=(TopicTag("weiquan", "维权", 1.0),))
    doc = search_doc(item)
    assert doc.fields() == ("引题", "标题", "副题", "本报讯(记者甲)", "第一段", "第二段", "小标题", "提示",
                            "图说", "丙 摄", "新华社记者 乙 摄")
    assert doc.regions == (("福建省", "三明市", "尤溪县"),) and doc.region == "福建省三明市尤溪县"
    assert doc.topics == ("维权",) and doc.page == 3 and doc.year == "2024"
    text, head_end, lead_end = search.doc_text(doc)
    assert text[:head_end] == "引题\n标题\n副题" and text[head_end + 1:lead_end] == "本报讯(记者甲)"


def test_shards_are_years_but_the_newest_year_by_month() -> None:
    newest = "2024-03-05"
    assert shard_of("2024-03-01", newest) == "2024-03"
    assert shard_of("2024-01-31", newest) == "2024-01"
    assert shard_of("2024-02", newest) == "2024-02"
    assert shard_of("2024", newest) == "2024"
    assert shard_of("2023-12-31", newest) == "2023"
    assert shard_of(None, newest) == shard_of("garbage", newest) == "undated"
    # a new day moves nothing; a new year merges the old year's months into the year
    assert shard_of("2024-01-31", "2024-03-06") == shard_of("2024-01-31", newest)
    assert shard_of("2024-01-31", "2025-01-02") == "2024"
    ordered = sorted(["undated", "2023", "2024", "2024-01", "2024-03", "2016"], key=search.shard_order)
    assert ordered == ["2024-03", "2024-01", "2024", "2023", "2016", "undated"]


def _docs(*items: Item) -> list[SearchDoc]:
    return search.docs_order(search_doc(i) for i in items)


def _expected_offsets(doc: SearchDoc, gram: str) -> list[int]:
    """Offsets of ``gram`` in a short doc's offset space: head from 0, lead from LEAD_BASE, body from BODY_BASE."""
    found: list[int] = []
    if "\n" in gram:
        return found  # no bigram spans a field or paragraph break
    for base, part in ((0, "\n".join(doc.head)), (search.LEAD_BASE, doc.lead), (search.BODY_BASE, "\n".join(doc.body))):
        text = search.normalise(part)
        found += [base + m.start() for m in re.finditer(f"(?={re.escape(gram)})", text)]
    return found


@pytest.mark.parametrize("frequent_bytes", [10_000, 0])  # offsets in the doc lists, or all in the parts
def test_shard_files_decode_to_the_offsets_of_every_bigram(frequent_bytes: int,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "FREQUENT_BYTES", frequent_bytes)
    monkeypatch.setattr(search, "PART_DOCS", 2)
    items = [_item(1, "总工会", "工会工作，工会会员。", lead="本报讯 工会"), _item(2, "APP", "５Ｇ工会"),
             _item(3, "无关", "天津"), _item(4, "工会", "会员")]
    docs = _docs(*items)
    files = index_shard("2024-03", docs)
    assert len({p.rsplit("/", 1)[0] for p in files}) == 1
    folder = next(iter(files)).rsplit("/", 1)[0]
    assert re.fullmatch(r"search/2024-03\.[0-9a-f]{10}", folder)
    reader = IndexReader({**files, **index_root([("2024-03", files)])})
    (shard,) = reader.root["shards"]
    assert shard["docs"] == 4 and shard["name"] == "2024-03"
    for gram in ("工会", "会会", "5g", "天津", "会员", "讯\n"):
        classes, offsets = reader.doc_list(shard, ord(gram[0]), ord(gram[1]))
        expected = {n: _expected_offsets(doc, gram) for n, doc in enumerate(docs) if _expected_offsets(doc, gram)}
        assert sorted(classes) == sorted(expected), gram
        if offsets is None:  # a frequent bigram: its offsets are in the parts
            assert frequent_bytes == 0
            offsets = {}
            for part in {n // 2 for n in expected}:
                mine = sorted(n for n in expected if n // 2 == part)
                offsets.update(reader.part_offsets(shard, part, ord(gram[0]), ord(gram[1]), mine))
        assert offsets == expected, gram
    # a unigram lists its docs with the best field class of its hits
    assert reader.doc_list(shard, ord("会"), 0) == ({0: 0, 1: 2, 3: 0}, None)
    assert reader.doc_list(shard, ord("讯"), 0)[0] == {0: 1}


def test_phrases_never_span_two_fields_and_rank_title_over_body() -> None:
    items = [_item(1, "工会", "会员"), _item(2, "新闻", "会员之家", "工会的会员"), _item(3, "其他", "工")]
    files = build_search_index(items)
    assert _hits(files, "会会") == set()  # "工会" + "会员" across the title/body break
    assert _hits(files, "会的会员") == {"articles/i002.html"}
    reader = IndexReader(files)
    ranked = [reader.row(h)[0] for h in reader.search("工会")]
    assert ranked == ["articles/i001.html", "articles/i002.html"]  # title hit first
    assert [reader.row(h)[0] for h in reader.search("工")] == ["articles/i001.html", "articles/i002.html",
                                                               "articles/i003.html"]


def test_a_new_day_reindexes_only_the_newest_shard() -> None:
    old = [_item(n, f"旧闻{n}", "工会", date=date) for n, date in
           enumerate(["2022-05-01", "2023-07-01", "2024-01-10", "2024-03-01"])]
    store = _MemoryStore()
    first = build_search_index_cached(old, store)
    assert set(first.built) == {"2022", "2023", "2024-01", "2024-03"}
    again = build_search_index_cached([*old, _item(9, "新闻", "女职工", date="2024-03-02")], store)
    assert again.built == ("2024-03",)
    assert _hits(again.files, "女职工") == {"articles/i009.html"}
    stale = {p for p in first.files if "/2024-03." in p}
    assert stale and not stale & set(again.files)  # the changed shard has a new folder name
    assert {p for p in first.files if "/2023." in p} <= set(again.files)
    # the same docs, the same bytes, from the store or not
    assert build_search_index_cached([*old, _item(9, "新闻", "女职工", date="2024-03-02")], None).files == again.files


class _MemoryStore:
    def __init__(self) -> None:
        self.shards: dict[str, dict[str, bytes]] = {}

    def load_shard(self, key: str) -> dict[str, bytes] | None:
        return self.shards.get(key)

    def store_shard(self, key: str, files: dict[str, bytes]) -> None:
        self.shards[key] = files


# ---------------------------------------------------------------------------------------------
# the fixture archive and the rendered search page

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    cfg = config(tmp_path_factory.mktemp("search-root"))
    records = MemoryRecords(pages())
    archive = build_archive(records.summaries)
    full = {item.id: item for page in records.pages for item in page.items}
    site = render_site(pages(), cfg)
    items = [full[i] for i in archive.order]
    return (archive, items), site, build_search_index(items)


def test_search_page_points_at_the_index_and_offers_every_filter(built):
    _, site, index = built
    page = site["search/index.html"].decode("utf-8")
    assert f'data-index="{ROOT_PATH}"' in page and 'data-site-root="../"' in page
    assert ROOT_PATH in index and '<script src="../static/search.js"></script>' in page
    for name in search.FACETS:
        assert f'id="filter-{name}"' in page and f'for="filter-{name}"' in page
    assert 'id="search-facets"' in page and "<details" in page  # folds away on a phone
    assert "fallback" not in page and "pagefind" not in page


def test_hostile_text_stays_data(built):
    _, _, index = built
    reader = IndexReader(index)
    rows = [reader.row(h) for h in reader.search(HOSTILE_TITLE.split()[0])]
    assert [r[1] for r in rows if r[1] == HOSTILE_TITLE]  # stored as text; search.js only sets textContent
    script_text = (REPO / "static" / "search.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script_text and "eval(" not in script_text
    # every file is one call with a plain string literal: no text can end the string or run code
    call = re.compile(r'AGSearch\("search/[\w.-]+/[\w-]+\.js",\d+,"[^"\\\n\r]*"\);\n')
    for path, data in index.items():
        if path == ROOT_PATH:
            assert b"<" not in data and data.startswith(b'AGSearch("search/index.js",{')
        else:
            assert call.fullmatch(data.decode("utf-8")), path


def test_search_index_is_deterministic(built):
    (_, items), _, index = built
    assert build_search_index(items[::-1]) == index  # the order given does not matter


def test_facet_values_come_from_the_tags(built):
    (archive, _), _, index = built
    reader = IndexReader(index)
    text = script_payload(index[f"search/{reader.root['shards'][0]['dir']}/meta.js"])[1]
    (size,), at = read_varints(text, 0, 1)
    tables = json.loads(text[at:at + size])["tables"]
    assert set(tables) == {"region", "topic", "year", "kind"}
    labels = {label for item in archive.items.values() for _, label in item.topics}
    assert set(tables["topic"]) <= labels


# ---------------------------------------------------------------------------------------------
# ground truth: exactly the items that contain the query

@pytest.fixture(scope="module")
def seed_items(seeds_dir: Path) -> list[Item]:
    loaded = stitch_continuations(load_pages([seeds_dir]))
    from archive_gen import urls

    return [dataclasses.replace(i, url=urls.article_path(i.id, i.date)) for p in loaded for i in p.items]


def _check_truth(items: list[Item], files: dict[str, bytes], queries: tuple[str, ...]) -> dict[str, int]:
    counts = {}
    oracle, reader = Truth(items), IndexReader(files)
    for query in queries:
        truth = oracle.expected(query)
        found = _hits(reader, query)
        assert found == truth, (f"{query!r}: {len(found)} found, {len(truth)} expected; "
                                f"missed {sorted(truth - found)[:3]}, wrong {sorted(found - truth)[:3]}")
        counts[query] = len(truth)
    return counts


@pytest.mark.parametrize("frequent_bytes", [search.FREQUENT_BYTES, 0])  # 0: every bigram frequent, so
def test_seed_queries_find_exactly_the_items_that_contain_them(seed_items: list[Item], frequent_bytes: int,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # three-character phrases go through trigram lists, longer ones through offsets in parts
    monkeypatch.setattr(search, "FREQUENT_BYTES", frequent_bytes)
    assert len(SEED_QUERIES) >= 30
    counts = _check_truth(seed_items, build_search_index(seed_items), SEED_QUERIES)
    # the cases of issue 13, and a mix of empty, small and large answers
    assert counts["天津"] == 1 and counts["女职工"] == 0 and counts["蹲点"] == 3 and counts["工会"] == 35
    assert counts["总工会"] < counts["工会"] and counts["APP"] == counts["ＡＰＰ"] == counts["app"] == 1
    assert sum(1 for n in counts.values() if n == 0) >= 4 and sum(1 for n in counts.values() if n > 5) >= 8


def test_corpus_queries_find_exactly_the_items_that_contain_them(corpus_10k) -> None:
    items, files = corpus_10k
    assert len(items) > 9_800 and len(CORPUS_QUERIES) >= 30  # continued halves are stitched into one item
    counts = _check_truth(items, files, CORPUS_QUERIES)
    assert counts["工会"] > 1000 and counts["总工会"] > 100 and counts["火星"] == 0
    assert sum(1 for n in counts.values() if 0 < n < 100) >= 5


def test_the_removed_fallback_limit_is_a_config_error_naming_it(tmp_path: Path) -> None:
    from archive_gen.config import load_config
    from archive_gen.errors import ConfigError

    (tmp_path / "archive.yaml").write_text("title: 档案\nsearch_fallback_max_items: 3000\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "archive.yaml")
    assert "search_fallback_max_items" in str(caught.value) and ":2" in str(caught.value)
