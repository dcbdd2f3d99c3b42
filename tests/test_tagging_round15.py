"""Issue 18, fifteenth round (tests/heldout_tagging13): the mechanisms added after its first run, checked on small
invented items unlike the held-out pages."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.topics import TopicTagger


def labels(tagger: TopicTagger, title: str, *paragraphs: str) -> list[str]:
    it = Item(id="t", source="t.txt", index=0, kind="article", page_name="综合", title=title,  # type: ignore[arg-type]
              lead="本报讯（通讯员 张明）", paragraphs=paragraphs)
    return [t.label for t in tagger.tag(it, segmented=None)]


def test_a_qualified_place_after_a_verb_of_going_is_where_the_subject_went(topics: TopicTagger) -> None:
    # 安置点 (a disaster-relief keyword) is where the training class went, qualified by 移民 between the verb and it
    got = labels(
        topics,
        "区总工会把缝纫培训班开进移民安置点",
        "6月3日，区总工会在一处移民安置点开办缝纫培训班，60名群众参加培训。",
        "培训班为期20天，学员结业后由合作企业优先录用。安置点内还设了报名咨询台。",
    )
    assert got[0] == "就业与职工培训" and "疫情防控与抗灾" not in got


def test_a_deed_after_the_place_keeps_its_reading(topics: TopicTagger) -> None:
    # guard: 走进工地 then 送清凉 (no place suffix): what was done there, the headline's topic
    got = labels(
        topics,
        "市总工会走进工地送清凉",
        "7月15日，市总工会走进一处建筑工地，为200多名高温作业的工人送去防暑降温药品。",
        "工会还提醒企业合理安排作业时间，防止中暑。",
    )
    assert got[0] == "安全生产"


def test_a_cue_ending_the_headline_s_founding_names_what_was_founded(topics: TopicTagger) -> None:
    # 工会联合会 is only a cue of 工会组织建设; founded in the headline (成立…工会联合会) it says what the item is about,
    # not the couriers the sector word names
    got = labels(
        topics,
        "某街道成立快递行业工会联合会",
        "9月2日，某街道快递行业工会联合会成立，辖区6家快递网点的150名快递员当天申请入会。",
        "联合会首届委员会由快递员和网点负责人组成，快递员李强当选主席。",
    )
    assert got[0] == "工会组织建设"


def test_a_founding_whose_phrase_ends_in_no_cue_keeps_the_headline_s_topic(topics: TopicTagger) -> None:
    # guard: 成立…服务队 ends in no cue: the couriers' item stays theirs
    got = labels(
        topics,
        "某街道成立快递员志愿服务队",
        "9月2日，某街道快递员志愿服务队成立，辖区6家快递网点的40名快递员报名。",
        "服务队利用派送间隙为独居老人代购生活用品。",
    )
    assert got[0] == "新就业形态劳动者"


def test_what_a_vote_adopted_is_the_vote_s_matter(topics: TopicTagger) -> None:
    # 高温津贴 right after 表决通过 is what the 职代会 adopted, not a rights item of its own
    got = labels(
        topics,
        "某机械厂职代会表决通过高温津贴标准",
        "6月6日，某机械厂召开职工代表大会，98名职工代表无记名投票，表决通过了高温津贴标准。",
        "按照标准，锻造车间职工每月高温津贴为280元。这项标准是职工代表在提案中提出的。",
    )
    assert got == ["民主管理"]


def test_a_matter_the_body_takes_up_on_its_own_is_still_a_secondary(topics: TopicTagger) -> None:
    # guard: the body has a paragraph of its own on the arrears behind the vote (劳动争议, 仲裁, 拖欠工资)
    got = labels(
        topics,
        "某机械厂职代会表决通过高温津贴标准",
        "6月6日，某机械厂召开职工代表大会，98名职工代表无记名投票，表决通过了高温津贴标准。",
        "去年，该厂因拖欠工资和高温津贴引发劳动争议，20多名职工申请劳动仲裁，厂工会律师介入调解后才化解。",
    )
    assert got[0] == "民主管理" and "劳动争议与维权" in got
