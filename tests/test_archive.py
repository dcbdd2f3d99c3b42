"""Unit tests for archive.build_archive: issues, region roll-up, topics, keywords, dates, related, jumps."""

from __future__ import annotations

import posixpath
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive_gen import urls
from archive_gen.archive import build_archive as build_from_summaries
from archive_gen.records import MemoryRecords
from fixtures.records import FUZHOU, YOUXI, config, pages


def build_archive(corpus, _config=None):
    """The archive of hand-made tagged pages, as the record stage would summarise them (unstitched)."""
    return build_from_summaries(MemoryRecords(corpus, stitch=False).summaries)


@pytest.fixture(scope="module")
def archive():
    return build_archive(pages(), config(Path("/nonexistent-root")))


def test_items_get_urls_and_order_is_date_desc_then_id(archive):
    assert archive.items["20210514-01-a1"].url == "articles/2021/05/14/20210514-01-a1.html"
    assert archive.items["undated-01-u1"].url == "articles/undated/undated-01-u1.html"
    dates = [archive.items[i].date or "" for i in archive.order]
    assert dates == sorted(dates, reverse=True)
    same_day = [i for i in archive.order if archive.items[i].date == "2021-05-14"]
    assert same_day == sorted(same_day)


def test_issues_one_per_date_pages_in_order_and_prev_next(archive):
    assert [i.key for i in archive.issues] == ["2023-11-23", "2021-05-14", "undated"]
    old = archive.issue_by_key["2021-05-14"]
    assert [p.page for p in old.pages] == [1, 3]
    assert old.item_ids == ("20210514-01-a1", "20210514-01-a2", "20210514-01-a3", "20210514-03-c1", "20210514-03-c2")
    assert old.next_key == "2023-11-23" and old.prev_key is None
    assert archive.issue_by_key["2023-11-23"].prev_key == "2021-05-14"
    assert archive.issue_by_key["undated"].prev_key is None
    assert archive.issue_of["undated-01-u1"] == "undated"


def test_region_counts_roll_up_county_to_prefecture_to_province(archive):
    county = archive.regions[YOUXI.code]
    prefecture = archive.regions["350400"]
    province = archive.regions["350000"]
    assert county.count == 2 and county.parent == "350400"
    assert set(county.item_ids) <= set(prefecture.item_ids)
    assert set(prefecture.item_ids) <= set(province.item_ids)
    # a3 is tagged 福州 and 江西: it counts once under 福建 even though two of its tags roll up there
    assert province.count == len(set(province.item_ids)) == 5
    assert archive.regions[FUZHOU.code].parent == "350000"
    # municipality district: no prefecture level
    assert archive.regions["110106"].parent == "110000"
    assert archive.region_roots[0] == "350000"
    assert [n.name for n in archive.region_path(YOUXI.code)] == ["福建省", "三明市", "尤溪县"]


def test_region_slugs_come_from_records_and_ancestors_get_code_slugs(archive):
    assert archive.regions[YOUXI.code].slug == "350426-youxi"
    assert archive.regions["350000"].slug == "350000-fujian"
    assert all(n.slug.isascii() and n.slug.startswith(code) for code, n in archive.regions.items())


def test_only_item_regions_count_not_mentioned_places():
    corpus = pages()
    first = corpus[0]
    item = replace(first.items[0], mentioned_places=(replace(first.items[0].regions[0],
                                                             region=YOUXI),))
    corpus[0] = replace(first, items=(item,))
    archive = build_archive(corpus, config(Path("/x")))
    assert item.id not in archive.regions[YOUXI.code].item_ids


def test_topics_and_keywords_counted_and_sorted(archive):
    topics = {t.slug: t for t in archive.topics}
    assert topics["gonghui-zuzhi"].count == 6
    counts = [t.count for t in archive.topics]
    assert counts == sorted(counts, reverse=True)
    words = {k.label: k for k in archive.keywords}
    assert words["蹲点"].count == 3
    assert words["蹲点"].slug.startswith("dun-dian-")
    assert all(k.slug.isascii() for k in archive.keywords)


def test_date_tree(archive):
    assert [y.year for y in archive.years] == ["2023", "2021"]
    assert archive.years[1].months[0].month == "05"
    assert archive.years[1].months[0].issue_keys == ("2021-05-14",)


def test_related_items_deterministic_and_sensible(archive):
    again = build_archive(list(reversed(pages())), config(Path("/y")))
    assert dict(again.related) == dict(archive.related)
    related = archive.related["20231123-01-b2"]
    assert 3 <= len(related) <= 5
    assert "20231123-01-b2" not in related
    # the photo shares the county 尤溪县 and the topic: it must come first
    assert related[0] == "20210514-01-a2"


def test_continuation_links_both_ways(archive):
    assert archive.continued_to["20210514-01-a3"] == "20210514-03-c1"
    assert archive.continued_from["20210514-03-c1"] == "20210514-01-a3"
    assert "20210514-01-a1" not in archive.continued_to


def test_continuation_without_other_half_has_no_link():
    corpus = [p for p in pages() if p.source != "a/p3.txt"]
    archive = build_archive(corpus, config(Path("/z")))
    assert archive.continued_to == {}


def test_an_item_whose_id_another_page_has_is_left_out_and_reported():
    corpus = pages()
    corpus.append(replace(corpus[0], source="b/zz.txt", items=tuple(replace(i, source="b/zz.txt")
                                                                 for i in corpus[0].items)))
    archive = build_archive(corpus, config(Path("/d")))
    assert archive.duplicate_ids == (("b/zz.txt", "20231123-02-b3"),)
    assert archive.items["20231123-02-b3"].source == "b/q2.txt"


def test_url_helpers_are_ascii_and_safe():
    assert urls.keyword_slug("山西") != urls.keyword_slug("陕西")
    assert urls.file_id("../../etc/passwd").startswith("item-")
    assert urls.article_path("x", "2019-11") == "articles/2019/11/x.html"
    assert urls.relative("articles/2021/05/14/a.html", "index.html") == "../../../../index.html"
    assert urls.relative("index.html", "regions/x/index.html") == "regions/x/index.html"


# ("ab" beside "a": a folder that is a prefix of another's name is no common folder)
@given(st.lists(st.sampled_from(["a", "b", "ab"]), min_size=0, max_size=3),
       st.lists(st.sampled_from(["a", "b", "ab"]), min_size=0, max_size=3),
       st.sampled_from(["x.html", "index.html"]), st.sampled_from(["y.html", "index.html"]))
def test_relative_links_resolve_to_their_target(here: list[str], there: list[str], name: str, target: str) -> None:
    from_path, to_path = "/".join([*here, name]), "/".join([*there, target])
    link = urls.relative(from_path, to_path)
    assert posixpath.normpath(posixpath.join(posixpath.dirname(from_path), link)) == to_path
    # and it is the shortest such link: the one posixpath.relpath gives
    if from_path != to_path:
        assert link == posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def test_an_item_sharing_nothing_still_gets_related_items_from_its_own_day(archive):
    # fill-ins come from the same day only, so later days never change the list
    for item_id, related in archive.related.items():
        item = archive.items[item_id]
        same_day = [i for i in archive.items.values() if i.date == item.date and i.id != item_id]
        assert len(related) >= min(3, len(same_day)), item_id
        assert all((archive.items[r].date or "") <= (item.date or "") for r in related), item_id


def _summaries_with(edit):
    summaries = MemoryRecords(pages(), stitch=False).summaries
    return [replace(p, items=tuple(edit(i) for i in p.items)) for p in summaries]


def test_a_prior_archive_serves_an_edit_that_kept_every_tag_with_the_same_result():
    before = build_from_summaries(_summaries_with(lambda i: i))
    # a typo fixed in a body: the summary changes (snippet, record key), its tags and place do not
    fixed = _summaries_with(lambda i: replace(i, snippet=i.snippet + "。", record_key=i.record_key + "x")
                            if i.id == "20210514-01-a2" else i)
    reused = build_from_summaries(fixed, prior=before)
    fresh = build_from_summaries(fixed)
    assert reused == fresh
    assert reused.items["20210514-01-a2"].snippet.endswith("。")
    assert reused.regions is before.regions and reused.related is before.related  # the indexes were reused


def test_a_prior_archive_is_not_reused_once_an_item_changed_its_tags():
    before = build_from_summaries(_summaries_with(lambda i: i))
    retagged = _summaries_with(lambda i: replace(i, topics=()) if i.id == "20210514-01-a1" else i)
    after = build_from_summaries(retagged, prior=before)
    assert after == build_from_summaries(retagged)
    assert after.topics != before.topics and after.regions is not before.regions
    dropped = _summaries_with(lambda i: i)
    dropped = [replace(p, items=p.items[1:]) if p.items and p.items[0].id == "20210514-01-a1" else p for p in dropped]
    assert build_from_summaries(dropped, prior=before) == build_from_summaries(dropped)


def _newest_day_apart():
    summaries = _summaries_with(lambda i: i)
    newest = max(p.date for p in summaries if p.date)
    return [p for p in summaries if p.date != newest], summaries, newest


def test_a_new_day_extends_the_prior_archive_passing_over_the_new_items_only(monkeypatch):
    from archive_gen import archive as archive_module

    older, everything, newest = _newest_day_apart()
    before = build_from_summaries(older)
    folded: list[list[str]] = []
    real_fold = archive_module._fold

    def spy(ordered):
        folded.append([i.id for i in ordered])
        return real_fold(ordered)

    listed: list[str] = []
    real_best = archive_module._RelatedLists._best

    def best_spy(self, position):
        listed.append(self.chrono[position].id)
        return real_best(self, position)

    monkeypatch.setattr(archive_module, "_fold", spy)
    monkeypatch.setattr(archive_module._RelatedLists, "_best", best_spy)
    extended = build_from_summaries(everything, prior=before)
    new_ids = sorted(i.id for p in everything if p.date == newest for i in p.items)
    assert len(new_ids) >= 2 and folded == [sorted(new_ids)]  # one pass, over the new day's items alone
    assert sorted(listed) == new_ids  # and related lists made for them alone
    folded.clear()
    fresh = build_from_summaries(everything)
    assert len(folded[0]) == len(fresh.items) > len(new_ids)
    assert extended == fresh
    assert extended.regions == fresh.regions and extended.keywords == fresh.keywords and extended.topics == fresh.topics
    # and the extended archive extends again as it was made from scratch
    assert extended.folds == fresh.folds


def test_a_back_filled_day_or_a_retagged_old_item_is_not_an_extension():
    older, everything, newest = _newest_day_apart()
    newest_only = [p for p in everything if p.date == newest]
    # the prior holds only the newest day: the older day is back-filled behind it
    assert build_from_summaries(everything, prior=build_from_summaries(newest_only)) == build_from_summaries(everything)
    retagged = [replace(p, items=tuple(replace(i, keywords=()) for i in p.items)) if p.date != newest else p
                for p in everything]
    assert build_from_summaries(retagged, prior=build_from_summaries(older)) == build_from_summaries(retagged)
