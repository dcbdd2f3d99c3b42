"""Issue 18, secondary topics by the user's practice (tests/heldout_tagging/SECONDARY.md): a secondary topic needs a
paragraph about it, so one sentence of a longer paragraph, the topic said nowhere else, does not make that paragraph
its own; and a paragraph listing the services given (提供休息、热水、手机充电等服务), which no topic's words name, is a
paragraph about services, the union-default topic's (职工服务与普惠) beside the item's primary. Checked on small
invented items unlike the held-out pages, each rule with a guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

_INSPECTION = (
    "某市总工会近日联合市应急管理局，对全市40家企业开展冬季安全生产检查，查出安全隐患52处，督促企业限期整改。"
)
_FOLLOW_UP = "检查组还抽查了企业安全生产责任制的落实情况，对3家事故隐患较多的企业负责人进行了约谈。"


def test_one_sentence_of_a_longer_paragraph_is_no_secondary(topics: TopicTagger) -> None:
    # the training courses are one sentence of four in the closing meeting's paragraph, and no other paragraph
    # names them: that paragraph is the meeting's, not a paragraph about training
    got = labels(
        topics,
        "某市总工会开展冬季安全生产大检查",
        _INSPECTION,
        "检查结束后，市总工会召开了总结会。会上通报了检查中发现的问题。市总工会宣布今年将开办公益技能培训班，"
        "组织就业技能培训，帮助下岗职工稳岗就业。与会企业负责人作了表态发言。",
        _FOLLOW_UP,
    )
    assert got == ["安全生产"]


def test_a_paragraph_wholly_about_another_topic_stays_a_secondary(topics: TopicTagger) -> None:
    # guard: the same words running through a paragraph of their own make it a paragraph about training
    got = labels(
        topics,
        "某市总工会开展冬季安全生产大检查",
        _INSPECTION,
        "市总工会宣布今年将开办公益技能培训班，组织就业技能培训。首批培训班面向下岗职工，帮助他们稳岗就业。",
        _FOLLOW_UP,
    )
    assert got == ["安全生产", "就业与职工培训"]


def test_a_list_of_services_given_is_a_paragraph_of_services(topics: TopicTagger) -> None:
    # 饮水、充电、休息 are no topic's words: the rest stop's paragraph is its services, 普惠 beside the riders' topic
    got = labels(
        topics,
        "某区外卖骑手有了“歇脚点”",
        "某区总工会日前在商圈建起外卖骑手歇脚点，为骑手提供饮水、充电、休息等服务，已接待骑手800多人次。",
    )
    assert got == ["新就业形态劳动者", "职工服务与普惠"]


def test_services_named_by_their_topics_add_no_default(topics: TopicTagger) -> None:
    # guard: legal advice, training and mediation are their own topics' words; the list is no paragraph of
    # unnamed services, and their topics decide (or not) by their own evidence
    got = labels(
        topics,
        "某区外卖骑手有了服务站",
        "某区总工会日前在商圈建起外卖骑手服务站，为骑手提供法律咨询、技能培训和劳动争议调解等服务，已接待骑手800多人次。",
    )
    assert "职工服务与普惠" not in got
