"""Issue 18, twelfth round (tests/heldout_tagging10): the mechanisms added after its first run, checked on small
invented items unlike the held-out pages."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.topics import TopicTagger


def labels(tagger: TopicTagger, title: str, *paragraphs: str) -> list[str]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        page_name="综合",
        title=title,  # type: ignore[arg-type]
        lead="本报讯（通讯员 张明）",
        paragraphs=paragraphs,
    )
    return [t.label for t in tagger.tag(it, segmented=None)]


def test_what_a_school_teaches_decides_its_topic(topics: TopicTagger) -> None:
    # the school is named in the headline, then what it teaches: the teaching is the item
    got = labels(
        topics,
        "港区“职工夜校”开讲劳动合同法",
        "近日，某港区工会开办的职工夜校每周四晚请律师讲解劳动合同签订、试用期和加班费等法律知识。",
        "夜校已开课8期，400多名码头工人听课，课后律师现场解答职工的法律咨询。",
    )
    assert got[0] == "劳动争议与维权"
    assert "职工文体" not in got


def test_a_school_whose_headline_names_no_subject_keeps_its_topic(topics: TopicTagger) -> None:
    # no term after the verb of teaching: nothing says what is taught, the school stays the headline's topic
    got = labels(
        topics,
        "纺织厂“职工夜校”开课了",
        "近日，某纺织厂工会开办的职工夜校开课，开设书法、声乐、摄影等兴趣班，200多名职工报名。",
    )
    assert got[0] == "职工文体"


def test_a_sector_before_an_organisation_yields_the_headline_to_the_act(topics: TopicTagger) -> None:
    # 快递 of 快递企业 says whose organisation acts; founding a union is what the headline says was done
    got = labels(
        topics,
        "城西快递企业建立联合工会",
        "本报讯 日前，某区快递行业联合工会成立，辖区9家快递网点的150名快递员集体入会。",
        "联合工会将推动快递企业与快递员就派件费、休息时间开展协商，并为快递员设立休息点。",
    )
    assert got[:2] == ["工会组织建设", "新就业形态劳动者"]


def test_a_sector_alone_in_the_headline_keeps_its_topic(topics: TopicTagger) -> None:
    # no other topic in the headline: the sector term still names it
    got = labels(
        topics,
        "快递企业为快递员配备防寒服",
        "本报讯 入冬以来，某市快递企业为一线快递员配备防寒服和暖宝宝，快递员在网点可以喝上热水。",
    )
    assert got[0] == "新就业形态劳动者"
