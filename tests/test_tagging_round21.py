"""Issue 18, twenty-first round (tests/heldout_tagging19): a school for migrant workers (农民工学校, 农民工夜校) is
就业与职工培训 whatever its law lesson adds; a troupe's performance said by its genre (小品, 快板, 排练, 首演) is 职工文体;
杨凌示范区 (a national agricultural zone, 凌 for the district's 陵) is 咸阳's 杨陵区. Checked on small invented items unlike the held-out pages, each rule with a guard."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels


def places(tagger: RegionTagger, title: str, *paragraphs: str) -> list[str]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        date="2024-04-10",
        title=title,
        lead="本报讯（记者 陈明）",
        paragraphs=paragraphs,
    )
    found, _, _ = tagger.tag(it)
    return [t.region.county or t.region.prefecture or t.region.province for t in found]


# -- topics: a school for migrant workers -------------------------------------------------------------------------------


def test_a_migrant_workers_school_is_training(topics: TopicTagger) -> None:
    # the headline names no topic word (学校 is a cue, 开课 none); the closing paragraph's law lesson (劳动合同, 欠薪,
    # 工伤, 维权) would decide alone without the school
    assert (
        labels(
            topics,
            "港区民工学校开课",
            "港区总工会在一处码头工地办起民工学校，120名装卸工报名，每周三个晚上上课，学叉车驾驶和电工基础。",
            "学校还请来律师讲劳动合同怎么签、欠薪怎么追、工伤怎么认定，讲解维权的途径，不少工人课后留下来咨询。",
        )[0]
        == "就业与职工培训"
    )


def test_a_workers_night_school_of_hobby_classes_stays_culture(topics: TopicTagger) -> None:
    # guard: 职工夜校 of 兴趣班 is 职工文体 (TAXONOMY), not the migrant workers' school
    assert (
        labels(
            topics,
            "职工夜校开出兴趣班",
            "市总工会职工夜校本月开出书法、舞蹈、茶艺兴趣班，300多名职工报名。",
        )[0]
        == "职工文体"
    )


# -- topics: a performance said by its genre ----------------------------------------------------------------------------


def test_a_troupes_sketch_is_workers_culture(topics: TopicTagger) -> None:
    # no word of the topic but the genre and its making: 小品, 快板, 排练, 首演
    got = labels(
        topics,
        "公交司机自编自演小品",
        "市公交集团的12名驾驶员利用休班时间自编自演小品《末班车》和快板《文明行车》，排练了一个多月。",
        "两个节目日前在公司礼堂首演，300多名司乘人员到场观看。",
    )
    assert got[0] == "职工文体"


def test_a_drill_is_no_rehearsal(topics: TopicTagger) -> None:
    # guard: an emergency drill (应急演练) rehearses no performance: it stays work safety
    got = labels(
        topics,
        "化工园区开展应急演练",
        "园区管委会联合企业工会日前开展危化品泄漏应急演练，300多名职工参加，演练了疏散、堵漏和救援。",
    )
    assert got[0] == "安全生产" and "职工文体" not in got


# -- regions: a zone written with another character than its district ---------------------------------------------------


def test_the_yangling_zone_is_its_district(regions: RegionTagger) -> None:
    # a provincial paper names neither 陕西 nor 咸阳: the zone's name is the only place
    assert places(
        regions,
        "杨凌示范区举办农机操作技能大赛",
        "杨凌示范区总工会日前举办农机操作技能大赛，来自区内12家农业企业的60名农机手参赛。",
    ) == ["杨陵区"]


def test_the_district_by_its_own_name_stays(regions: RegionTagger) -> None:
    # guard: 杨陵区 as the gazetteer writes it is found as before
    assert places(
        regions,
        "咸阳杨陵区职工书屋建到村里",
        "陕西咸阳市杨陵区总工会日前在5个村的农业合作社建起职工书屋。",
    ) == ["杨陵区"]


# -- topics: the page's topic against a headline's near-synonym -----------------------------------------------------------

_TROUPE = (
    "区总工会帮助一家外卖站点组建的文艺队日前在站点首演小品《准时达》，演员都是站里的骑手。",
    "文艺队有队员20人，每周排练两次，区总工会请来剧团的老师辅导，明年还要排一台快板节目。",
)


def test_a_riders_troupe_on_the_culture_page_is_culture(topics: TopicTagger) -> None:
    # the headline names the riders by a near-synonym (外卖小哥: who); the 文体 page and both paragraphs say what
    got = labels(topics, "外卖小哥登台了", *_TROUPE, page_name="文体")
    assert got[0] == "职工文体"


def test_the_same_story_elsewhere_keeps_its_headline_topic(topics: TopicTagger) -> None:
    # guard: on a page named for no topic the headline's topic stays the primary, as before
    got = labels(topics, "外卖小哥登台了", *_TROUPE, page_name="要闻")
    assert got[0] == "新就业形态劳动者"
