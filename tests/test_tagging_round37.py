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


# -- a union founded in the first half of a two-part headline ----------------------------------------------------------


def test_a_union_founded_before_a_headlines_space_is_the_founding(topics: TopicTagger) -> None:
    # before: the space between the headline's halves did not end the founding clause (…工会成立 …), so only the second
    # half's who-word (网约车司机) was a headline term and the drivers outweighed the union founded
    got = labels(topics, "西城区网约车行业工会成立 300名网约车司机入会",
                 "区网约车行业工会日前召开成立大会，选举产生工会委员会，当天有300名网约车司机填表入会。")
    assert got[0] == "工会组织建设"


def test_a_union_body_founding_a_station_before_a_space_is_no_founding(topics: TopicTagger) -> None:
    # guard: the 总工会 founding something (a station for drivers) is not a union founded, space or comma after it
    got = labels(topics, "区总工会成立 网约车司机服务站",
                 "区总工会在出租车停靠点旁建起网约车司机服务站，司机可以在站里休息、充电、饮水。")
    assert got[0] != "工会组织建设"
