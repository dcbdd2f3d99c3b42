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
from hypothesis import given, settings
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
    index_root,
    index_shard,
    pack,
    read_varints,
    script,
    script_payload,
    search_doc,
    shard_of,
    unpack,
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


@given(st.binary(max_size=300) | st.lists(st.sampled_from([0x00, 0x0A, 0x22, 0x5C, 0xFF]), max_size=60).map(bytes))
def test_packed_text_round_trips_and_is_a_safe_js_string(data: bytes) -> None:
    text = pack(data)
    assert unpack(text, len(data)) == data
    units = text.encode("utf-16-le")
    codes = [int.from_bytes(units[i:i + 2], "little") for i in range(0, len(units), 2)]
    # nothing a string literal cannot hold as it is: no quote, backslash, line end, surrogate or BOM
    assert all(0x100 <= c < 0xD800 and c not in (0x2028, 0x2029) for c in codes)
    # 31 bits in two units (4 bytes): at most 32/31 of the size, and a pair for the last bits
    assert len(units) <= len(data) * 32 / 31 + 4


def test_index_files_are_utf16_scripts_that_name_themselves() -> None:
    payload = os.urandom(2000) + "总工会".encode()
    data = script("search/x.abc/d3.js", payload)
    assert data.startswith("\ufeffAGSearch(\"search/x.abc/d3.js\",".encode("utf-16-le"))
    assert data.endswith('");\n'.encode("utf-16-le"))
    assert script_payload(data) == ("search/x.abc/d3.js", payload)
    assert len(data) < len(search.deflate(payload)) * 33 / 31 + 200  # about 32/31 of the compressed payload


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


@given(st.text(max_size=80))
def test_the_index_normalises_text_as_queries_are(text: str) -> None:
    codes = search._normalised_codes(text)
    assert "".join(map(chr, codes.tolist())) == search.normalise(text)


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


def test_shards_are_years_the_newest_year_by_month_and_its_busy_months_by_ten_days() -> None:
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
    # a year of a daily paper (more than YEAR_SHARD_DOCS items) stays cut by month, newest or not
    dates = [f"2023-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)
             for _ in range(search.YEAR_SHARD_DOCS // (12 * 28) + 1)]
    busy = search.busy_periods([*dates, "2022-05-01", "2024-01-02", None, "garbage"])
    assert {p for p in busy if "-" not in p} == {"2023"}
    assert shard_of("2023-07-09", "2024-01-02", busy) == "2023-07"
    assert shard_of("2023", "2024-01-02", busy) == "2023" and shard_of("2022-05-01", "2024-01-02", busy) == "2022"
    assert {p for p in search.busy_periods(dates[:search.YEAR_SHARD_DOCS]) if "-" not in p} == set()  # one shard
    # and while it is the newest year, each month with more than MONTH_SHARD_DOCS items is cut by ten days
    assert len(dates) // 12 > search.MONTH_SHARD_DOCS and "2023-07" in busy
    assert shard_of("2023-07-09", "2023-12-31", busy) == shard_of("2023-07-10", "2023-12-31", busy) == "2023-07-1"
    assert shard_of("2023-07-11", "2023-12-31", busy) == "2023-07-2"
    assert shard_of("2023-07-31", "2023-12-31", busy) == shard_of("2023-07-21", "2023-12-31", busy) == "2023-07-3"
    assert shard_of("2023-07", "2023-12-31", busy) == "2023-07"  # known only by month: beside its parts
    month = [f"2024-05-{d:02d}" for d in range(1, 31) for _ in range(34)]
    assert search.busy_periods(month[:search.MONTH_SHARD_DOCS]) == frozenset()  # at the limit: one shard
    assert "2024-05" in search.busy_periods(month) and shard_of("2024-05-15", "2024-05-30", busy) == "2024-05"
    ordered = sorted(["undated", "2023", "2024", "2024-01-1", "2024-01", "2024-03-1", "2024-03-3", "2024-01-2",
                      "2016"], key=search.shard_order)
    assert ordered == ["2024-03-3", "2024-03-1", "2024-01-2", "2024-01-1", "2024-01", "2024", "2023", "2016",
                       "undated"]


def _docs(*items: Item) -> list[SearchDoc]:
    return search.docs_order(search_doc(i) for i in items)


def _truth_classes(docs: list[SearchDoc], gram: str) -> dict[int, int]:
    """Docs holding ``gram`` with the field class of its first hit, by brute force over the doc text."""
    found = {}
    for number, doc in enumerate(docs):
        text, head_end, lead_end = search.doc_text(doc)
        at = search.normalise(text).find(gram)
        if at >= 0:
            found[number] = search.field_class(at, head_end, lead_end)
    return found


SMALL = {"FREQUENT_DOCS": 2, "PAGE_BYTES": 16, "INLINE_LIST": 6, "INLINE_TRIE": 24, "INLINE_NODE": 1, "MAX_GRAM": 5,
         "LABEL_GRAM": 3, "BUCKET_BYTES": 200}


@pytest.fixture
def tiny_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Limits that make a handful of docs use every part of the format: tries, border grams, labels, lists
    inline and in pages, several buckets and pages."""
    for name, value in SMALL.items():
        monkeypatch.setattr(search, name, value)


def test_every_listed_gram_has_exactly_the_docs_that_hold_it(tiny_limits: None) -> None:
    items = [_item(1, "总工会", "工会工作，工会会员。", lead="本报讯 工会"), _item(2, "APP", "５Ｇ工会工作"),
             _item(3, "无关", "天津工会会员"), _item(4, "工会", "会员", "工会会员之家"),
             _item(5, "工会工作会议", "全总工会工作会议召开"), _item(6, "又一", "工会工作会议")]
    docs = _docs(*items)
    files = index_shard("2024-03", docs)
    folder = next(iter(files)).rsplit("/", 1)[0]
    assert re.fullmatch(r"search/2024-03\.[0-9a-f]{10}", folder)
    assert len({p.rsplit("/", 1)[0] for p in files}) == 1
    reader = IndexReader({**files, **index_root([("2024-03", files)])})
    (shard,) = reader.root["shards"]
    assert shard["docs"] == 6 and shard["name"] == "2024-03" and shard["d"] > 1 and shard["l"] > 1
    listed = list(reader.listed(shard))
    grams = [gram for gram, _ in listed]
    assert listed and len(grams) == len(set(grams))
    for gram, found in listed:
        assert found == _truth_classes(docs, gram), gram
    # every character and pair of the text has a list; longer grams too (tries, and labels beyond them)
    text = "\n".join(search.normalise(search.doc_text(d)[0]) for d in docs)
    pairs = {text[i:i + 2] for i in range(len(text) - 1)} - {g for g in (text[i:i + 2] for i in range(len(text) - 1))
                                                              if "\n" in g}
    assert set(text) - {"\n"} <= set(grams) and pairs <= set(grams)
    assert max(len(g) for g in grams) > search.MAX_GRAM  # a label goes on past the longest trie gram
    assert "工会工作会议" in grams and "工会会员" in grams


def test_a_rare_phrase_of_common_parts_checks_few_candidates(tiny_limits: None) -> None:
    common = ["工会工作", "会议召开", "工作会议"]
    items = [_item(n, f"稿{n}", common[n % 3] + "。", common[(n + 1) % 3]) for n in range(40)]
    items.append(_item(99, "稿件", "工会工作会议召开"))  # every pair and trigram of it is common
    docs = _docs(*items)
    files = index_shard("2024-03", docs)
    reader = IndexReader({**files, **index_root([("2024-03", files)])})
    assert [reader.row(h)[0] for h in reader.search("工会工作会议召开")] == ["articles/i099.html"]
    checked = {p for p in reader.loaded if p.rsplit("/", 1)[1].startswith("t")}
    assert len(checked) <= 2  # its rare part was found: no chunk of the common docs was read


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


def test_a_month_cut_by_ten_days_is_searched_newest_first_and_finds_exactly_what_it_holds() -> None:
    words = ("职工书屋", "安全生产", "劳模工匠", "困难帮扶")
    items = [_item(n, f"第{n}篇{words[n % 4]}", f"正文{n}说{words[(n // 4) % 4]}。",
                   date=f"2024-05-{1 + n % 30:02d}", id=f"m{n:04d}") for n in range(search.MONTH_SHARD_DOCS + 20)]
    items.append(_item(9999, "四月的一篇职工书屋", "正文", date="2024-04-30", id="april"))
    files = build_search_index(items)
    reader = IndexReader(files)
    names = [s["name"] for s in reader.root["shards"]]
    assert names == ["2024-05-3", "2024-05-2", "2024-05-1", "2024-04"]
    for word in words:
        truth = {i.url for i in items if word in (i.title or "") or any(word in p for p in i.paragraphs)}
        assert truth and _hits(reader, word) == truth
    # among equal ranks newest first: the head hits from the month's last ten days first, April's last
    titles = {i.url: i.title or "" for i in items}
    dates = {i.url: i.date for i in items}
    heads = [url for url in (str(reader.row(h)[0]) for h in reader.search("职工书屋")) if "职工书屋" in titles[url]]
    assert len(heads) > 200 and [dates[h] for h in heads] == sorted((dates[h] for h in heads), reverse=True)
    assert dates[heads[0]] >= "2024-05-21" and dates[heads[-1]] == "2024-04-30"


def test_a_new_day_changes_only_the_newest_shard() -> None:
    old = [_item(n, f"旧闻{n}", "工会", date=date) for n, date in
           enumerate(["2022-05-01", "2023-07-01", "2024-01-10", "2024-03-01"])]
    new = [*old, _item(9, "新闻", "女职工", date="2024-03-02")]
    first, again = build_search_index(old), build_search_index(new)
    changed = {p.rsplit("/", 1)[0] for p in set(first) ^ set(again) if p != ROOT_PATH}
    assert {c.split("/")[1].split(".")[0] for c in changed} == {"2024-03"}  # its folder, old and new
    assert {p: d for p, d in first.items() if "/2024-03." not in p and p != ROOT_PATH} == \
        {p: d for p, d in again.items() if "/2024-03." not in p and p != ROOT_PATH}
    assert _hits(again, "女职工") == {"articles/i009.html"}


def test_the_root_needs_only_each_shards_file_names_and_meta() -> None:
    items = [_item(n, f"稿件{n}", "工会", date=date) for n, date in enumerate(["2023-07-01", "2024-03-01"])]
    shards = [(name, index_shard(name, docs)) for name, docs in search.shard_docs(items).items()]
    listing = [(name, {p: d if p.endswith("/meta.js") else b"" for p, d in files.items()}) for name, files in shards]
    assert index_root(listing) == index_root(shards)
    root = IndexReader({**shards[0][1], **shards[1][1], **index_root(shards)}).root
    assert [s["name"] for s in root["shards"]] == ["2024-03", "2023"] and all(s["t"] == 1 for s in root["shards"])


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
    call = re.compile('\ufeff' r'AGSearch\("search/[\w.-]+/[\w-]+\.js",\d+,"[^"\\\n\r\u2028\u2029]*"\);\n')
    for path, data in index.items():
        if path == ROOT_PATH:
            assert b"<" not in data and data.startswith(b'AGSearch("search/index.js",{')
        else:
            assert call.fullmatch(data.decode("utf-16-le")), path


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


@pytest.mark.parametrize("limits", ["default", "tiny", "none frequent"])
def test_seed_queries_find_exactly_the_items_that_contain_them(seed_items: list[Item], limits: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # tiny: most grams are frequent (tries, labels, lists in pages); none frequent: only characters and
    # pairs have lists, every longer phrase is checked against the text of its candidates
    if limits == "tiny":
        for name, value in SMALL.items():
            monkeypatch.setattr(search, name, value)
    elif limits == "none frequent":
        monkeypatch.setattr(search, "FREQUENT_DOCS", 10**9)
    assert len(SEED_QUERIES) >= 30
    counts = _check_truth(seed_items, build_search_index(seed_items), SEED_QUERIES)
    # the cases of issue 13, and a mix of empty, small and large answers
    assert counts["天津"] == 1 and counts["女职工"] == 0 and counts["蹲点"] == 3 and counts["工会"] == 35
    assert counts["总工会"] < counts["工会"] and counts["APP"] == counts["ＡＰＰ"] == counts["app"] == 1
    assert sum(1 for n in counts.values() if n == 0) >= 4 and sum(1 for n in counts.values() if n > 5) >= 8


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="工会职总天津", min_size=1, max_size=12), min_size=1, max_size=12),
       st.lists(st.text(alphabet="工会职总天津", min_size=1, max_size=6), min_size=1, max_size=8),
       st.integers(min_value=1, max_value=4))
def test_random_texts_find_exactly_what_holds_each_phrase(bodies: list[str], queries: list[str], frequent: int) -> None:
    limits = {**SMALL, "FREQUENT_DOCS": frequent}
    saved = {name: getattr(search, name) for name in limits}
    try:
        for name, value in limits.items():
            setattr(search, name, value)
        items = [_item(n, body[:3], *body.split("津")) for n, body in enumerate(bodies)]
        files = build_search_index(items)
    finally:
        for name, value in saved.items():
            setattr(search, name, value)
    oracle, reader = Truth(items), IndexReader(files)
    for query in [*queries, *(b[1:5] for b in bodies)]:
        assert _hits(reader, query) == oracle.expected(query), query


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
