"""Forty-ninth round (tests/heldout_tagging45, topic traps: commentaries with a closing side topic, seasonal photo
captions, one worker's feature, union meetings listing tasks, briefs, legal Q&A). Two vocabulary gaps decided topics
wrongly. A union committee's plenary (总工会召开十四届三次全委会, 全委（扩大）会议) had no term, so a meeting report whose
body lists the year's tasks in one sentence (一要…帮扶；二要…入会；三要…竞赛) took whichever task weighed most (困难职工帮扶
and 金秋助学: 职工服务与普惠) as its primary and another as a secondary; the plenary is the union's own organisational
business, 工会组织建设, as a 工会工作会议 already was. And a union's degree courses for workers (学历提升, 学历教育,
求学圆梦) are adult training, 就业与职工培训, where no word named them. Checked on small invented items unlike the
held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels


def test_a_union_plenary_listing_tasks_is_the_unions_own_business(topics: TopicTagger) -> None:
    assert labels(topics, "绵阳市总工会召开九届五次全委会",
                  "1月9日，绵阳市总工会九届五次全委会议召开，总结去年工作，部署今年任务。",
                  "会议要求，今年全市各级工会一要做好困难职工帮扶和送温暖；二要开展劳动和技能竞赛；三要推进货车司机入会。") == [
        "工会组织建设"]


def test_a_plenary_named_in_the_body_with_its_enlarged_session(topics: TopicTagger) -> None:
    # the headline names no topic; the body's 全委（扩大）会议 (full-width brackets, folded) names the meeting
    got = labels(topics, "乐山部署今年重点工作",
                 "乐山市总工会八届三次全委（扩大）会议日前召开，部署今年工作。",
                 "会议要求，一要做好困难职工帮扶；二要办好金秋助学；三要抓好农民工入会。")
    assert got[0] == "工会组织建设"


def test_a_party_plenary_is_no_union_meeting(topics: TopicTagger) -> None:
    # guard: a party committee's plenary (区委…全委会) has no 工会 before it: the pattern does not fire
    got = labels(topics, "区委召开十二届五次全委会 部署乡村振兴工作",
                 "会议要求，推进特色种植，带动农民增收，建设和美乡村。")
    assert "工会组织建设" not in got


def test_a_whole_paragraph_on_a_task_still_makes_a_secondary(topics: TopicTagger) -> None:
    # guard: the plenary makes the meeting the primary; a paragraph wholly about one task (the hardship relief it
    # reported) still makes that task a secondary topic, as a union congress's paragraphs do
    got = labels(topics, "德阳市总工会召开全委会",
                 "2月20日，德阳市总工会七届四次全委会召开。",
                 "会议通报，去年全市工会筹集帮扶资金2600万元，走访慰问困难职工1.2万户。全市建成困难职工帮扶中心12个，"
                 "为困难职工子女发放金秋助学金300万元。今年还将扩大职工医疗互助保障覆盖面。")
    assert got[0] == "工会组织建设" and "职工服务与普惠" in got


def test_degree_courses_for_workers_are_training(topics: TopicTagger) -> None:
    assert labels(topics, "县总工会启动职工学历提升计划",
                  "县总工会今年启动职工学历提升计划，与当地电大合作，资助300名一线职工攻读大专、本科学历。")[0] == (
        "就业与职工培训")


def test_a_degree_required_by_a_job_is_no_course(topics: TopicTagger) -> None:
    # guard: 学历 alone (a job's requirement) is no term; only the courses are
    got = labels(topics, "产业园招聘会提供岗位3000个", "招聘会上，不少企业要求求职者具有大专以上学历。")
    assert got[0] == "就业与职工培训" and len(got) == 1
