"""Forty-eighth round (tests/heldout_tagging44, ordinary daily news of 工人日报 and provincial workers' papers): a
vocabulary review of labour export. Two places' agreements placing a county's workers in jobs elsewhere (劳务协作,
劳务合作) and a county's named trade of such workers (劳务品牌) are employment promotion, the 就业与职工培训 of
TAXONOMY.md, in how the labour press uses them; before, none was a term, and an item written in them alone fell to the
fallback 产业与经济发展. 劳务输出 itself stays out: a paired-assistance report uses it for the aid's means. Checked on small invented items unlike the held-out pages, each with a
guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels


def test_labour_cooperation_between_two_places_is_employment(topics: TopicTagger) -> None:
    assert labels(topics, "沭阳与常熟签订劳务协作协议",
                  "沭阳县与常熟市日前签订劳务协作协议，今年计划向常熟的纺织、电子企业输送务工人员2000名。") == [
        "就业与职工培训"]


def test_a_labour_brand_is_employment(topics: TopicTagger) -> None:
    assert labels(topics, "会理县打响“会理建工”劳务品牌",
                  "会理县今年打造“会理建工”劳务品牌，组织10.2万人外出，务工收入超过20亿元。")[0] == "就业与职工培训"


def test_paired_assistance_keeps_rural_revitalisation_first(topics: TopicTagger) -> None:
    # guard: a paired-assistance story whose headline is the aid keeps 乡村振兴与帮扶 first; labour cooperation said in
    # one clause of it is no topic of its own
    got = labels(topics, "东西部协作帮扶车间带动脱贫户增收",
                 "在东西部协作支持下，县里建成帮扶车间12个，吸纳脱贫户就近就业600多人，劳务协作也在推进。")
    assert got[0] == "乡村振兴与帮扶"


def test_labour_dispatch_stays_a_rights_cue(topics: TopicTagger) -> None:
    # guard: 劳务派遣 (agency work) is a 维权 cue, not labour export; the review adds no 劳务 word but the four
    assert labels(topics, "劳务派遣工讨回加班费",
                  "市总工会法律援助中心帮助23名劳务派遣工追回被拖欠的加班费8.6万元。")[0] == "劳动争议与维权"


def test_labour_export_in_a_paired_assistance_report_is_the_aids_means(topics: TopicTagger) -> None:
    # guard: 劳务输出 in the body of a paired-assistance report (as heldout_tagging5's 闽宁劳务大巴) adds no
    # employment secondary: it is how the aid is given, and 劳务输出 is no term
    assert labels(topics, "对口协作大巴开进山区县",
                  "5辆大巴从县城出发，载着180名村民前往福建的鞋服企业。这是东西部协作开展以来县里组织的第四批劳务输出。",
                  "当地工会在企业设立“老乡之家”，为村民提供住宿、就医等方面的帮助。") == ["乡村振兴与帮扶"]
