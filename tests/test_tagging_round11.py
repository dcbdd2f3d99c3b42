"""Issue 18, eleventh round (tests/heldout_tagging9): the mechanisms added after its first run (a county difference
of the set, a members' benefit found by probing ordinary items), checked on small invented items unlike the held-out
pages."""

from __future__ import annotations

import pytest

from archive_gen.model import Item
from archive_gen.tagging.gazetteer import Gazetteer
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import TopicTagger


@pytest.fixture(scope="module")
def regions() -> RegionTagger:
    gazetteer = Gazetteer.load()
    return RegionTagger(gazetteer, Segmenter(gazetteer.segmenter_words()))


def settings(
    tagger: RegionTagger, title: str, *paragraphs: str, date: str = "2022-06-15"
) -> list[tuple[str, str | None, str | None]]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        date=date,
        title=title,  # type: ignore[arg-type]
        paragraphs=paragraphs,
    )
    found, _, _ = tagger.tag(it)
    return [(t.region.province, t.region.prefecture, t.region.county) for t in found]


def test_a_headline_city_is_refined_by_the_division_the_opening_writes_right_after_it(
    regions: RegionTagger,
) -> None:
    # the opening writes the headline's city and one of its districts or counties together: that is the scene
    assert settings(
        regions, "玉林：工友拿到了赔偿", "本报讯 日前，广西玉林市福绵区一家制衣厂的9名工人拿到了赔偿。"
    ) == [("广西壮族自治区", "玉林市", "福绵区")]
    assert settings(
        regions, "常德：车间里的调解员", "本报讯 在湖南常德市武陵区一家机械厂，工会调解员已化解纠纷20件。"
    ) == [("湖南省", "常德市", "武陵区")]
    # a county, and the city written in its short form
    assert settings(
        regions, "柳州：冬夜送姜茶", "本报讯 12月3日，柳州融安县环卫工人喝上了工会送来的姜茶。"
    ) == [("广西壮族自治区", "柳州市", "融安县")]


def test_a_headline_city_whose_own_body_goes_somewhere_inside_it_stays_the_city(
    regions: RegionTagger,
) -> None:
    # the city's union acting, a county only where it went: the item is the city's (rule 6)
    assert settings(
        regions, "常德：车间里的调解员", "本报讯 湖南常德市总工会日前来到武陵区一家机械厂，调解工资纠纷。"
    ) == [("湖南省", "常德市", None)]
    # a division chained to another city than the headline's is not a refinement
    assert settings(
        regions,
        "常德：工友拿到了赔偿",
        "本报讯 日前，来自湖南益阳市赫山区的9名工人在常德一家机械厂拿到了赔偿。",
    ) == [("湖南省", "常德市", None)]


# -- topics: members are who is served ---------------------------------------------------------------


def labels(tagger: TopicTagger, title: str, *paragraphs: str, page_name: str = "工会工作") -> list[str]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        page_name=page_name,
        title=title,
        paragraphs=paragraphs,
    )
    return [t.label for t in tagger.tag(it)]


def test_members_named_as_who_a_benefit_is_for_do_not_make_a_union_building_item(topics: TopicTagger) -> None:
    # a members' benefit on a page whose banner is 工会工作: the banner does not vouch for the members being the story
    assert labels(
        topics,
        "会员日里逛超市",
        "本报讯 日前，某市总工会推出“会员日”，60家特惠商家为持会员卡的工会会员打八折。",
    ) == ["职工服务与普惠"]
    # joining the union: a term of its own (入会) makes the members the story
    assert (
        labels(
            topics, "会员队伍又壮大了", "本报讯 日前，某区总工会举行集中入会仪式，500名保安员成为工会会员。"
        )[0]
        == "工会组织建设"
    )
