"""Issue 18, thirteenth round (tests/heldout_tagging11): the mechanisms added after its first run, checked on small
invented items unlike the held-out pages."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger


def place(tagger: RegionTagger, title: str, *paragraphs: str, date: str) -> list[tuple[str, str | None, str | None]]:
    it = Item(id="t", source="t.txt", index=0, kind="article", date=date, title=title,  # type: ignore[arg-type]
              lead="本报讯（通讯员 张明）", paragraphs=paragraphs)
    return [(t.region.province, t.region.prefecture, t.region.county) for t in tagger.tag(it)[0]]


def labels(tagger: TopicTagger, title: str, *paragraphs: str, kind: str = "article") -> list[str]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind=kind,
        page_name="综合",
        title=title,  # type: ignore[arg-type]
        lead=None if kind == "commentary" else "本报讯（通讯员 张明）",
        paragraphs=paragraphs,
    )
    return [t.label for t in tagger.tag(it, segmented=None)]


# -- regions -------------------------------------------------------------------------------------------------

def test_a_county_whose_level_character_opens_its_unions_word(regions: RegionTagger) -> None:
    # 礼县总工会 is cut 礼 | 县总工会 (礼 is a common word, 县总工会 a dictionary word): the county still names its union
    got = place(regions, "礼县总工会为环卫工人办起暖心早餐",
                "12月3日，甘肃礼县总工会在县城设立5个早餐点，为环卫工人免费提供早餐。", date="2015-12-09")
    assert got == [("甘肃省", "陇南市", "礼县")]
    # the same after its province in the body only
    got = place(regions, "县总工会为环卫工人办起暖心早餐",
                "12月3日，山东单县总工会在县城设立5个早餐点，为环卫工人免费提供早餐。", date="2015-12-09")
    assert got == [("山东省", "菏泽市", "单县")]


def test_and_before_a_county_union_is_still_and(regions: RegionTagger) -> None:
    # guard: 市总工会和县总工会 — 和 runs on from a word before it, it is "and", not 和县
    got = place(regions, "两级工会联合送清凉", "7月10日，市总工会和县总工会联合开展送清凉活动。", date="2018-07-12")
    assert got == []


# -- topics: generic words never decide against specific evidence (extended) ---------------------------------

def test_a_generic_contest_word_yields_to_two_specific_words_of_skill(topics: TopicTagger) -> None:
    # 比赛 (a generic word of 职工文体) is all the headline says; the body names the contest's skill honours twice over
    got = labels(
        topics,
        "电厂举行仪表工比赛",
        "5月20日，某电厂举行仪表工比赛，40名仪表工比校验、比排障。",
        "获得第一名的选手被授予“技术能手”称号，并将参加省电力系统的技能比武。",
    )
    assert got[0] == "劳模工匠与技能"


def test_a_primary_with_a_specific_word_of_its_own_keeps_the_item(topics: TopicTagger) -> None:
    # guard: 比赛 in the headline and 趣味运动会 in the body: the primary does not rest on generic words only, so the
    # winners' honours (技术能手, 五一劳动奖章, 劳模) do not take the item over
    got = labels(
        topics,
        "电厂举行职工比赛",
        "5月20日，某电厂举行职工比赛，拔河、跳绳、趣味运动会等8个项目吸引800名职工参加。",
        "获奖职工中有3名“技术能手”、2名“五一劳动奖章”获得者和1名劳模。",
    )
    assert got[0] == "职工文体"


def test_the_bodys_specific_words_break_a_tie_of_headline_generic_words(topics: TopicTagger) -> None:
    # 安全 and 培训 both generic in the headline; 事故 in the body is specific: safety training is a safety item
    got = labels(
        topics,
        "新工上岗先过安全培训关",
        "每年新工入厂，车间都要组织安全培训，讲解以往的事故案例。",
        "培训结束后统一考试，不合格的新工不得上岗，车间去年未发生一起事故。",
        "安全培训抓实了，新工才能在岗位上守住安全底线。",
        kind="commentary",
    )
    assert got[0] == "安全生产"


def test_a_weaker_headline_word_with_specific_evidence_does_not_take_over(topics: TopicTagger) -> None:
    # guard: 安全 and 培训 tie in the headline, but the safety side (安全, one 事故) scores less than the course
    # (separate words: 安全培训 itself is one 安全生产 term since the vocabulary review, docs/tagging.md rule 48)
    got = labels(
        topics,
        "新工安全与技能培训结业",
        "3月起，车间为新工开办培训，培训两个月，学员学习设备操作、工艺流程。",
        "培训结业时统一考试，新工全部合格上岗。",
        "车间主任说，新工入厂先过培训关，才能少出事故。",
    )
    assert got[0] == "就业与职工培训"


# -- topics: a sentence at the side of the event's ground is an add-on ---------------------------------------

def test_a_service_at_the_side_of_the_ground_is_an_add_on(topics: TopicTagger) -> None:
    got = labels(
        topics,
        "矿区职工足球赛开赛",
        "6月28日，某矿区首届职工足球赛开赛，12支球队参赛。",
        "比赛为期十天。球场边，矿工会设立了送清凉服务点，为球员提供绿豆汤和防暑药品。",
    )
    assert got == ["职工文体"]


def test_a_heat_service_said_outright_still_makes_a_secondary_topic(topics: TopicTagger) -> None:
    # guard: the same service in a sentence of its own is part of the story
    got = labels(
        topics,
        "矿区职工足球赛开赛",
        "6月28日，某矿区首届职工足球赛开赛，12支球队参赛。",
        "比赛为期十天。矿工会设立了送清凉服务点，为球员提供绿豆汤和防暑药品。",
    )
    assert got == ["职工文体", "安全生产"]
