"""Thirtieth round (tests/heldout_tagging27's open region misses): jieba's dictionary holds some institutions' names
as one word with their place's full name (深圳市中级人民法院, 广州市卫生局, 湖北省人民医院), so the name never ended on
a token boundary and the place was never found. A full name (with its level word) that opens such a token is now a
mention, as a place opening a company's one-token name is; a short form inside a token (中山大学) and a name inside a
token but not at its start (中共南京市委) stay unsupported. Checked on small invented items, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, kind: str = "article",
               subtitle: str | None = None) -> list[tuple[str, str]]:
    """(province, prefecture) of each region the item is tagged with."""
    found = region_tags(tagger, title, *paragraphs, date="2021-06-18", lead=None, kind=kind, subtitle=subtitle)
    return sorted((t.region.province or "", t.region.prefecture or "") for t in found)


def test_a_full_name_opening_an_institutions_one_word_name_is_its_place(regions: RegionTagger,
                                                                        topics: TopicTagger) -> None:
    # 深圳市中级人民法院 is one word of jieba's dictionary: 深圳市 ends inside it
    paragraphs = (
        "劳动争议案件有哪些新变化？本报记者日前专访了深圳市中级人民法院民事审判庭庭长王立。",
        "记者：去年以来，劳动争议案件有哪些新变化？",
        "王立：受理的劳动争议案件中，涉及新就业形态劳动者的明显增多，我们和工会一起推动诉调对接。",
    )
    got = regions_of(regions, "让劳动争议化解在诉前", *paragraphs, kind="interview",
                     subtitle="——访深圳市中级人民法院民事审判庭庭长王立")
    assert got == [("广东省", "深圳市")]
    # the topic is untouched by where the court sits
    assert labels(topics, "让劳动争议化解在诉前", *paragraphs, kind="interview")[0] == "劳动争议与维权"


def test_a_county_or_district_opening_an_institutions_word_is_found_too(regions: RegionTagger) -> None:
    # 南关区法院 (长春) is one word of the dictionary as well: a district's full name is as good as a city's
    got = regions_of(regions, "法官进企业讲劳动法", "南关区法院的法官走进园区企业，为200多名职工讲解劳动合同法。")
    assert got == [("吉林省", "长春市")]


def test_a_short_form_opening_an_institutions_word_stays_unsupported(regions: RegionTagger) -> None:
    # guard: 中山大学 is one word; 中山 is 中山市's short form only, which a token's inside never supports
    got = regions_of(regions, "高校教授进工地宣讲", "中山大学的几位教授走进工地，为农民工讲解安全生产知识。")
    assert got == []


def test_a_full_name_inside_a_token_but_not_at_its_start_stays_unsupported(regions: RegionTagger) -> None:
    # guard: 中共南京市委 is one word whose 南京市 starts inside it: the rule wants the name to open the token
    got = regions_of(regions, "理论宣讲进车间", "中共南京市委宣讲团的成员走进车间，和一线职工面对面交流。")
    assert ("江苏省", "南京市") not in got


def test_a_resident_or_an_area_word_is_no_institution(regions: RegionTagger) -> None:
    # guard: 广州市区 (the city's urban area) is one word too, but no institution's: nothing new is found in it
    got = regions_of(regions, "高温天气送清凉", "连日来广州市区持续高温，环卫工人顶着烈日清扫街道。")
    assert got == []
