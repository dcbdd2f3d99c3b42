"""Forty-sixth round (tests/heldout_tagging42, pages aimed at weak spots): a school or class the headline names with
nothing taught there (工地开设“农民工夜校”) is about what its body says its courses mainly are (课程以安全生产知识为主);
the school's name says how the item is delivered (docs/tagging.md rule 50). Checked on small invented items unlike the
held-out page, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels


def test_a_school_whose_courses_are_mainly_safety_is_safety(topics: TopicTagger) -> None:
    assert labels(topics, "物流园开办“农民工学校”",
                  "物流园区的农民工学校日前开学，首批60名装卸工报名。",
                  "学校每月上课四次，课程以安全生产知识为主，也介绍劳动合同签订方面的常识。",
                  page_name="维权")[0] == "安全生产"


def test_a_school_whose_main_content_is_the_labour_law_is_rights(topics: TopicTagger) -> None:
    assert labels(topics, "码头办起职工夜校",
                  "港务公司工会在码头开办的职工夜校本月开课，80名装卸工报名参加。",
                  "夜校的授课内容以劳动合同法和工伤保险条例为主，由律师轮流讲授。")[0] == "劳动争议与维权"


def test_a_school_teaching_trade_skills_keeps_training(topics: TopicTagger) -> None:
    # the guard: a school whose body names no main content of another topic (trade skills, a closing law lesson)
    # stays the school's topic
    assert labels(topics, "工业园办起“农民工夜校”",
                  "市总工会在工业园开办的农民工夜校日前开课，为农民工讲授数控操作和电工课程。",
                  "夜校还开设了法律课，讲解劳动合同和讨薪的途径。")[0] == "就业与职工培训"


def test_a_headline_naming_more_than_the_school_keeps_its_own_subject(topics: TopicTagger) -> None:
    # the guard: the headline says what the item is about besides the school (技能竞赛), so the body's main content
    # (安全生产) does not replace it (which of the headline's topics leads is the older rules' matter)
    assert labels(topics, "农民工夜校学员技能竞赛决出十名能手",
                  "市总工会农民工夜校举办学员技能竞赛，120名学员参加。",
                  "夜校课程以安全生产知识为主，竞赛也考安全操作。")[0] != "安全生产"
