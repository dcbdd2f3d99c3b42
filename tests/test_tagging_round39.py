"""Fortieth round (tests/heldout_tagging37, 工人日报 pages by a new hand centred on topic difficulty): a page printed in
the year of a rename that writes the old full name keeps it (the gazetteer has years, not months: 襄樊市 became 襄阳市
in December 2010, and the data holds 襄阳市 for the whole year); and a term naming the office whose head a person is
(劳动争议审判庭庭长, 安全生产监督管理局副局长) says who the person is, not what the item is about. Checked on small
invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, date: str) -> list[tuple[str, str, str]]:
    """(province, prefecture, county) of each region an article is tagged with, sorted."""
    found = region_tags(tagger, title, *paragraphs, date=date)
    return sorted((t.region.province or "", t.region.prefecture or "", t.region.county or "") for t in found)


# -- rule 44: the old name written in the year of a rename ---------------------------------------------------------


def test_a_prefecture_written_by_its_old_name_in_the_rename_year_keeps_it(regions: RegionTagger) -> None:
    # before: 思茅市 (renamed 普洱市 in January 2007) on a page of 2007 was read as code 530800 and named 普洱市
    got = regions_of(regions, "思茅茶企职工喜领年终奖",
                     "1月8日，云南省思茅市总工会走访茶叶加工企业，看望慰问一线职工。", date="2007-01-10")
    assert got == [("云南省", "思茅市", "")]


def test_a_county_written_by_its_old_name_in_the_change_year_keeps_it(regions: RegionTagger) -> None:
    # guard (right before the rule too: the county-level city and the district have codes of their own): 吴江市 became
    # 苏州's 吴江区 in September 2012, and a May 2012 page still writes the city
    got = regions_of(regions, "吴江丝绸企业职工技能比武",
                     "5月10日，江苏省吴江市总工会举办丝绸行业职工技能比武，200名职工参赛。", date="2012-05-12")
    assert got == [("江苏省", "苏州市", "吴江市")]


def test_the_new_name_and_other_years_are_untouched(regions: RegionTagger) -> None:
    # guard: the new name written in the change year, and the old name in a year it was in force, read as before
    got = regions_of(regions, "普洱茶企职工技能比武",
                     "3月8日，云南省普洱市总工会举办制茶技能比武。", date="2007-03-10")
    assert got == [("云南省", "普洱市", "")]
    got = regions_of(regions, "思茅茶企职工技能比武",
                     "3月8日，云南省思茅市总工会举办制茶技能比武。", date="2005-03-10")
    assert got == [("云南省", "思茅市", "")]


def test_an_item_that_writes_the_new_name_too_keeps_the_new_one(regions: RegionTagger) -> None:
    # guard: an item of the change year that names the new name and the old one as former (原思茅市) knows the new
    got = regions_of(regions, "普洱市总工会走访茶企",
                     "1月25日，云南省普洱市总工会走访茶叶加工企业。原思茅市日前正式更名为普洱市。", date="2007-01-28")
    assert got == [("云南省", "普洱市", "")]


# -- rule 45: a term in the name of the office a person heads ------------------------------------------------------


def test_a_term_in_an_officials_office_is_not_the_subject(topics: TopicTagger) -> None:
    # before: an exhibitor's job (劳动争议审判庭庭长, 安全生产监督管理局副局长) gave a photo show 劳动争议与维权 or 安全生产
    # (摄影展 itself is no 文体 term, so what is left is the fallback: the point here is that the job names no topic)
    for job, wrong in (("区人民法院劳动争议审判庭庭长", "劳动争议与维权"), ("区安全生产监督管理局副局长", "安全生产")):
        got = labels(topics, "区职工摄影展开展", "6月3日，区第五届职工摄影展开展，展出全区职工拍摄的风光、人物作品120幅。",
                     f"参展作者中有车间工人、护士，也有{job}王丽。摄影展将持续到月底，其间还将举办摄影讲座。")
        assert wrong not in got, (job, got)


def test_a_term_that_is_the_subject_still_counts(topics: TopicTagger) -> None:
    # guard: an office's work that is the item's subject (仲裁 and 调解 throughout) still names its topic
    got = labels(topics, "工会调解员进驻仲裁院",
                 "市总工会派出6名劳动争议调解员进驻市劳动人事争议仲裁院，参与仲裁前调解，今年已调解劳动争议案件210件。",
                 "仲裁院仲裁庭庭长张明说，工会调解员熟悉企业情况，调解成功率达到70%。")
    assert got[0] == "劳动争议与维权"
