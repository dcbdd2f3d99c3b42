"""Issue 18, twenty-second round (tests/heldout_tagging20, long items): in a long item a whole paragraph about a topic
makes it a secondary at a lower share of the primary's score; a paragraph's sentences naming no topic (its setting, a
result in figures) do not count against the topic its other sentences name; fatigue driving and overloading are
safety words, a mine-rescue drill a safety drill. Checked on small invented items unlike the held-out pages, each rule
with a guard."""

from __future__ import annotations

import pytest

from archive_gen.tagging import topics as topics_module
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# -- a whole paragraph of a long item ------------------------------------------------------------------------------------

_MEDIATION = (
    "某区人民法院与区总工会共同设立的劳动争议调解中心近日投入运行，进入法院的劳动争议案件经当事人同意先行调解。",
    "中心聘请了6名工会调解员，调解成功的劳动争议案件由法院出具司法确认书；调解不成的，及时转入诉讼程序。",
    "运行三个月来，中心调解劳动争议案件120件，调解成功88件，为农民工追回拖欠工资260万元。",
)
# (its 对职工反映的问题 was 对职工来信来访 until the thirty-seventh round made 来信来访 a petition term: the paragraph's
# evidence is kept as it was, so the guard below still tells the long-item share from the short one)
_PETITIONS = "区总工会同时改进了信访工作。信访接待室对职工反映的问题实行首问负责、限时办结，对重复信访、信访积案逐件梳理。"
_CLOSING = "区总工会负责人表示，下一步将在工业园区设立劳动争议调解工作站，让劳动争议就地化解。"


def test_a_whole_paragraph_of_a_long_item_is_a_secondary(topics: TopicTagger) -> None:
    # five paragraphs on mediation and one wholly on the petition system: it scores under SECONDARY_SHARE of the
    # mediation's evidence, which four paragraphs and the headline pile up, yet it is a whole paragraph about 信访
    got = labels(topics, "某区法院与工会联手调解劳动争议", *_MEDIATION, _PETITIONS, _CLOSING)
    assert got == ["劳动争议与维权", "社会联络与信访"]


def test_the_long_item_share_applies_to_long_items_only(
    topics: TopicTagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    # guard: with the long-item share as high as the short items' one, the same paragraph is no secondary (the test
    # above checks the long-item share, not some other rule)
    monkeypatch.setattr(topics_module, "LONG_SECONDARY_SHARE", topics_module.SECONDARY_SHARE)
    got = labels(topics, "某区法院与工会联手调解劳动争议", *_MEDIATION, _PETITIONS, _CLOSING)
    assert got == ["劳动争议与维权"]


# -- sentences naming no topic ------------------------------------------------------------------------------------------

_CRAFTSMAN = (
    "某钢厂高级技师老周从事焊接工作30年，先后攻克技术难题20多项，被评为全国劳动模范，带出徒弟40多人。"
)
_HOME_VILLAGE = (
    "老周的老家在一个小山村。这几年，他多次带着徒弟回村对接产业帮扶项目，帮助村民建起了蔬菜种植合作社和一座冷库，"
    "村里的蔬菜从此卖到了省城的超市。今年全村人均收入多了1500元。"
)


def test_sentences_naming_no_topic_do_not_count_against_a_paragraphs_topic(topics: TopicTagger) -> None:
    # the village paragraph's topic words are all in its long middle sentence, two thirds of its text; the short first
    # (where his home is) and last (a result in figures) name no topic: one sentence of three, yet the paragraph is
    # about the village's revival, not a passing sentence
    got = labels(topics, "焊花里的劳模老周", _CRAFTSMAN, _HOME_VILLAGE)
    assert got == ["劳模工匠与技能", "乡村振兴与帮扶"]


def test_sentences_naming_another_topic_still_count(topics: TopicTagger) -> None:
    # guard: when the other sentences of the paragraph are about something else (his contest, his apprentices), the
    # village sentence is one of three and makes no secondary
    got = labels(
        topics,
        "焊花里的劳模老周",
        _CRAFTSMAN,
        "去年老周在全省焊工技能大赛中获得第一名。这几年，他多次回村对接产业帮扶项目，帮助村民建起了蔬菜种植合作社。"
        "今年他又收了5名徒弟，师傅带徒弟，手把手传授焊接技艺。",
    )
    assert got == ["劳模工匠与技能"]


# -- safety words: a driver's fatigue, an overloaded lorry, a mine-rescue team ------------------------------------------


def test_fatigue_driving_and_overloading_are_safety(topics: TopicTagger) -> None:
    # the second paragraph's only other safety word is 事故: without 疲劳驾驶 and 超载 it has one word of the topic
    got = labels(
        topics,
        "网约车司机有了自己的工会小组",
        "某市总工会在网约车平台的服务中心建起工会小组，300多名网约车司机当天入会。",
        "不少司机一天要开十几个小时。有司机说，他见过同行疲劳驾驶引发的事故；车辆超载、疲劳驾驶最让人担心。",
    )
    assert got[-1] == "安全生产" and "安全生产" not in got[:1]


def test_a_mine_rescue_team_is_safety(topics: TopicTagger) -> None:
    # a photo of a mine-rescue team's drill: no union angle and no other topic word, so without 矿山救护队 it falls to
    # 产业与经济发展
    got = labels(
        topics,
        "矿山救护队员练本领",
        "7月8日，一支矿山救护队的队员在模拟巷道内进行演练，随时准备应对透水、冒顶等事故。 本报记者 李明 摄",
        kind="photo",
    )
    assert got == ["安全生产"]


def test_a_theme_sprinkled_over_a_long_item_needs_the_usual_share(topics: TopicTagger) -> None:
    # guard: the petitions said in one short sentence of each of two longer paragraphs (a theme, so each paragraph
    # counts as dominated) run through neither, and the long-item share does not apply to them
    got = labels(
        topics,
        "某区法院与工会联手调解劳动争议",
        *_MEDIATION,
        "重复信访、信访积案逐件梳理。工作人员每天早上八点开门，中午轮流值班，晚上六点以后留一人接听电话，周末也不休息。"
        "来的人大多是附近工厂的工人，也有一些是从外地专程赶来的，有的一待就是大半天。",
        "信访积案、重复信访限时办结。接待室里摆着饮水机和几排长椅，墙上贴着办事流程图，桌上放着老花镜和纸笔。"
        "不少人头一回来，进门时有些拘谨，坐下来说上几句话，慢慢也就放松了。",
        _CLOSING,
    )
    assert got == ["劳动争议与维权"]
