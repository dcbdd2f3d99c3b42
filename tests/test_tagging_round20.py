"""Issue 18, twentieth round (tests/heldout_tagging18): a part of 香港 whose name is a mainland county's short form
(九龙, 大埔) is the SAR's own area in an item naming the SAR; summer relief said by what is handed out (派送凉茶) is
heat protection, 安全生产; an industry's output said as the segmenter cuts it (年产值, 总产值: one token, so the
keyword 产值 never matched) is 产业与经济发展; and a piece with no lead on a page named for a topic (文体·副刊) takes the
topic its own text names by a keyword when that scores as much as the page's. Checked on small invented items unlike the
held-out pages, each rule with a guard."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels


def places(tagger: RegionTagger, title: str, *paragraphs: str) -> tuple[list[str], list[str]]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        date="2019-07-03",
        title=title,
        lead="本报讯（记者 陈明）",
        paragraphs=paragraphs,
    )
    found, mentioned, _ = tagger.tag(it)
    name = lambda t: t.region.county or t.region.prefecture or t.region.province  # noqa: E731
    return [name(t) for t in found], [name(t) for t in mentioned]


# -- regions: a part of a SAR named like a mainland county ------------------------------------------------------------


def test_a_part_of_hong_kong_is_no_mainland_county(regions: RegionTagger) -> None:
    # 在九龙一处… is a place slot, and 九龙 is 甘孜's 九龙县 as a short form: in a 香港 item it is 香港's 九龙
    found, mentioned = places(
        regions,
        "香港工会为外卖员开设休息站",
        "香港一家工会日前在九龙一处商场开设外卖员休息站，为外卖员提供饮水、充电和休息的地方。",
        "香港的外卖员多数没有固定休息地点，工会在大埔一处地铁站旁也设了一处。",
    )
    assert found == ["香港特别行政区"]
    assert "九龙县" not in mentioned and "大埔县" not in mentioned


def test_the_mainland_county_stays_when_the_item_names_no_sar(regions: RegionTagger) -> None:
    # guard: 九龙县 by its full name, and 大埔 after its province (广东大埔) with no SAR in the item, stay counties
    found, _ = places(
        regions,
        "九龙县总工会为牧民工办起培训班",
        "四川九龙县总工会日前为60名牧民工办起挖掘机操作培训班。",
    )
    assert found == ["九龙县"]
    found, _ = places(
        regions,
        "广东大埔：陶瓷企业工会开展技能比武",
        "广东大埔一家陶瓷企业工会日前举办拉坯技能比武，32名职工参赛。",
    )
    assert found == ["大埔县"]


# -- summer relief handed out: heat protection -------------------------------------------------------------------------


def test_summer_relief_handed_out_is_work_safety(topics: TopicTagger) -> None:
    # 凉茶, 绿豆汤 and 户外 were no words of any topic: the item fell to the union default
    got = labels(
        topics,
        "绿豆汤送到环卫工人手中",
        "某区总工会的志愿者日前来到环卫站，为户外作业的环卫工人派送绿豆汤和毛巾，入夏以来已送出绿豆汤5000多份。",
    )
    assert got[0] == "安全生产"


def test_a_herbal_tea_factory_is_no_safety_item(topics: TopicTagger) -> None:
    # guard: 凉茶 as a product, given to no one, says nothing of heat protection
    got = labels(
        topics,
        "凉茶生产线开足马力",
        "某市一家凉茶企业的生产线开足马力，今年上半年凉茶产量同比增长18%，产品出口东南亚。",
        lead=None,
        kind="photo",
    )
    assert "安全生产" not in got


# -- an industry said as the segmenter cuts it -----------------------------------------------------------------------


def test_an_industry_story_with_a_farmers_income_clause_is_industry(topics: TopicTagger) -> None:
    # 年产值 is one token (产值 never matched); the rural words (种植, 农户, 农民增收) then decided
    got = labels(
        topics,
        "枸杞干走俏国际市场",
        "某县今年枸杞种植面积达到8万亩，4家枸杞加工企业的产品六成以上出口。",
        "县里扶持加工企业与农户签订收购合同，全县枸杞产业年产值超过6亿元，带动农民增收。",
    )
    assert got[0] == "产业与经济发展"


def test_a_rural_story_with_an_output_figure_stays_rural(topics: TopicTagger) -> None:
    # guard: a village helped by a union, its 年产值 one figure, is still 乡村振兴与帮扶
    got = labels(
        topics,
        "市总工会帮扶村种上了高山茶",
        "市总工会驻村工作队帮助帮扶村发展高山茶种植，成立茶叶合作社，带动120户脱贫户增收。",
        "合作社今年茶叶年产值达到300万元，村民人均增收2000元，乡村振兴有了产业支撑。",
    )
    assert got[0] == "乡村振兴与帮扶"


# -- a piece with no lead on a page named for a topic --------------------------------------------------------------------


def test_a_story_on_the_literary_page_takes_its_own_subject(topics: TopicTagger) -> None:
    # the page name 文体·副刊 named 职工文体 like a headline (1.6); the story's text names the craft by a keyword as
    # strongly (徒弟, 技能比武: 1.6): before the rule 职工文体 was the primary
    got = labels(
        topics,
        "那把锉刀",
        "老何退休那天，把锉刀交给了徒弟小陈。",
        "锉刀磨得发亮，像他三十年的日子。",
        "小陈去年在厂里的技能比武中拿了第一。",
        lead=None,
        page_name="文体·副刊",
    )
    assert got == ["劳模工匠与技能"]


def test_a_poem_on_the_literary_page_stays_culture(topics: TopicTagger) -> None:
    # guard: a poem whose text names no topic as strongly keeps the page's topic
    got = labels(
        topics,
        "车间的早晨",
        "机器醒来的时候，阳光也醒了，工友们的笑声落在窗台上。",
        lead=None,
        page_name="文体·副刊",
    )
    assert got[0] == "职工文体"
