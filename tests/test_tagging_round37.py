"""Thirty-seventh round (tests/heldout_tagging34, an ordinary 工人日报 day by a new hand): workers' visits received by
the union (接待职工来访, 来访接待日, 来信来访) are the petition system's work, 社会联络与信访, as 信访 is. Checked on small
invented items unlike the held-out page, with guards."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# -- workers' visits received ----------------------------------------------------------------------------------------


def test_visits_received_from_workers_are_petition_work(topics: TopicTagger) -> None:
    # before: no petition word was a term (来访 is not 信访); the 基层工会 the cases go to gave the union's building
    got = labels(topics, "区总工会开通职工来访绿色通道",
                 "区总工会近日在服务大厅设立窗口，专门接待职工来访，对职工反映的问题当场登记，"
                 "需要其他部门办理的，由专人跟踪督办，10个工作日内答复来访职工。")
    assert got[0] == "社会联络与信访"


def test_letters_and_visits_handled_are_petition_work(topics: TopicTagger) -> None:
    # before: as above; 来信来访 is the petition system's own pair of channels
    got = labels(topics, "县总工会来信来访件件有回音",
                 "县总工会今年以来受理职工来信来访96件，逐件登记、限时办结，办结率达到98%。")
    assert got[0] == "社会联络与信访"


def test_a_visiting_delegation_is_no_petition(topics: TopicTagger) -> None:
    # guard: 来访 as a guest's visit (来访的代表团, 来访客人) is no petition; the exchange between unions decides
    got = labels(topics, "兄弟城市工会代表团来访交流建会经验",
                 "市总工会日前接待来访的兄弟城市工会代表团，双方就新建企业工会、发展会员等经验进行交流。")
    assert "社会联络与信访" not in got
