"""Issue 18, eighteenth round (tests/heldout_tagging16): a union built or joined said with a verb the segmenter cuts
apart (建起工会, 加入了工会), a contest said with a verb before the skill (比技能), a headline tie between who does
something (女职工) and what is done (a contest), and the hosts of a visit to learn, who are no party to the trip.
Checked on small invented items unlike the held-out pages, each rule with a guard."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# -- topics: a union built or joined, said with a verb -------------------------------------------------------------


def test_a_union_built_said_with_a_verb_is_the_union_s_own_building(topics: TopicTagger) -> None:
    # 建起工会 and 加入了工会 are cut 建起/工会, 加入/了/工会: without them the headline names no topic and the background
    # clause (以往…拖欠加班费…时有发生) outweighed the story as a rights secondary
    got = labels(
        topics,
        "港口装卸队建起工会",
        "某港口的6支装卸队日前建起工会，320多名装卸工加入了工会。",
        "装卸工多为临时用工，以往劳动合同不规范、拖欠加班费的事时有发生。",
    )
    assert got == ["工会组织建设"]


def test_a_union_facility_built_is_not_a_union_built(topics: TopicTagger) -> None:
    # guard: 建起工会驿站 is a service station, not a union founded
    got = labels(
        topics,
        "港口建起工会驿站",
        "某港口工会日前在码头建起工会驿站，为装卸工提供热水、微波炉和休息座椅。",
    )
    assert got[0] == "职工服务与普惠" and "工会组织建设" not in got


# -- topics: a contest said with a verb, and who competes -----------------------------------------------------------


def test_a_contest_said_with_a_verb_before_the_skill_is_a_contest(topics: TopicTagger) -> None:
    # 比技能: no contest term in the headline; the body's 比拼 is no term either
    got = labels(
        topics,
        "水厂化验员比技能",
        "某水厂日前组织26名化验员同场比拼，分理论和实操两部分，评出一等奖3名。",
    )
    assert got[0] == "劳模工匠与技能"


def test_a_comparison_is_no_contest(topics: TopicTagger) -> None:
    # guard: 相比技能 compares, 秀技能人才 would be people: no contest read into them
    got = labels(
        topics,
        "职工书屋添新书",
        "某区职工书屋日前新添图书2000册，相比技能类图书，职工更爱借阅文学类图书。",
    )
    assert "劳模工匠与技能" not in got


def test_a_headline_tie_goes_to_what_is_done_not_who_does_it(topics: TopicTagger) -> None:
    # 女职工 (who) and 技能竞赛 (what) weigh the same in the headline; 巾帼建功 makes 女职工 more than a who-word in the
    # body, so it stays a secondary, but the contest is the primary
    got = labels(
        topics,
        "园区女职工技能竞赛落幕",
        "某工业园区总工会日前举办女职工技能竞赛，来自18家企业的96名女职工参加缝纫、质检两个项目的角逐。"
        "园区女职工委员会借竞赛开展巾帼建功活动，获奖者推荐参评巾帼文明岗。",
    )
    assert got == ["劳模工匠与技能", "女职工"]


def test_women_named_by_a_term_of_their_own_keep_the_headline(topics: TopicTagger) -> None:
    # guards: 两癌筛查 is the 女职工 topic's own word (no who-word), and a who-word against a near-synonym of another
    # topic (工会会员 … 慰问品) is a tie of two weak words that the scores decide, as before
    got = labels(
        topics,
        "女职工两癌筛查进企业",
        "某区总工会日前组织女职工两癌筛查，1200名女职工免费接受检查。",
    )
    assert got[0] == "女职工"
    got = labels(
        topics,
        "为船员工会会员送去慰问品",
        "某区总工会日前为200名船员工会会员送去慰问品。",
        "今年以来，全区新建船员工会8家，吸纳船员入会1500人。",
    )
    assert got[0] == "工会组织建设"


# -- regions: the hosts of a visit to learn ---------------------------------------------------------------------------


def places(tagger: RegionTagger, title: str, *paragraphs: str, date: str = "2016-06-15") -> list[str | None]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        date=date,
        title=title,
        lead="本报讯（通讯员 张明）",
        paragraphs=paragraphs,
    )
    found, _, _ = tagger.tag(it)
    return [t.region.prefecture or t.region.province for t in found]


def test_the_hosts_of_a_visit_to_learn_are_a_destination(regions: RegionTagger) -> None:
    # 赴江苏常州、无锡两市考察…: 常州市总工会 briefs the visitors, it is no party to the trip
    got = places(
        regions,
        "牡丹江市总工会组团学习职工书屋建设经验",
        "牡丹江市总工会近日组织考察团，赴江苏常州、无锡两市考察职工书屋建设。",
        "在常州，考察团听取了常州市总工会的经验介绍，参观了4家企业的职工书屋。",
    )
    assert got == ["牡丹江市"]


def test_the_other_end_of_a_labour_trip_whose_union_acts_is_still_a_setting(regions: RegionTagger) -> None:
    # guard (rule 9g): a labour-export trip's other end, whose own union takes the workers in, is a setting
    got = places(
        regions,
        "牡丹江市总工会送农民工外出务工",
        "牡丹江市总工会近日组织86名农民工，赴江苏常州务工。",
        "常州市总工会为他们对接了3家企业，并安排了住宿。",
    )
    assert sorted(got) == ["常州市", "牡丹江市"]
