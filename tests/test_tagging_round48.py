"""Fiftieth round (tests/heldout_tagging46: places named by a landmark, counted who-compounds, courier and rider
features about another topic, labour export, towns without their county, 朝阳区 by context). Three general rules
(docs/tagging.md rules 57-59), each checked on small invented items unlike the held-out pages, with a guard:

57. a city's bridge over the great rivers (芜湖长江大桥, one jieba token) names the city, and a scenic area named after
    the county-level place it lies in (九寨沟景区) names that place; not an everyday word's (温泉景区);
58. a headline counting people (三百名劳模工匠) glued to another topic's keyword (疗休养) says who takes part, as a verb
    of taking part does; not a half-weight term after them (体检), nor joining the union (集中入会);
59. a profile's headline naming the person's trade before the name (外卖骑手周明：…, 快递员孙强：…) gives the trade as
    who; the body says what the profile is about."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels


def _places(tagger: RegionTagger, title: str, *paragraphs: str, kind: str = "photo",
            date: str = "2019-05-10") -> set[tuple[str | None, str | None, str | None]]:
    item = Item(id="t", source="t.txt", index=0, kind=kind, title=title, lead=None,  # type: ignore[arg-type]
                paragraphs=paragraphs, date=date)  # type: ignore[arg-type]
    found, _, _ = tagger.tag(item)
    return {(t.region.province, t.region.prefecture, t.region.county) for t in found}


# rule 57: landmarks that name their place

def test_a_citys_river_bridge_names_the_city(regions: RegionTagger) -> None:
    # before: 芜湖长江大桥 is one token, so 芜湖 inside it was no name: nothing was tagged
    found = _places(regions, "桥面上的油漆工", "5月8日，在芜湖长江大桥养护工地，工人在为护栏刷漆。")
    assert ("安徽省", "芜湖市", None) in found


def test_a_scenic_area_names_the_county_it_lies_in(regions: RegionTagger) -> None:
    # before: 九寨沟 (a county's short form) alone needs support; before 景区 it is the place
    found = _places(regions, "景区保洁员的早班", "5月6日清晨，九寨沟景区的保洁员在栈道上清扫落叶。")
    assert {p for p, _, _ in found} == {"四川省"} and any(c == "九寨沟县" for _, _, c in found)


def test_an_everyday_word_before_a_scenic_area_is_no_place(regions: RegionTagger) -> None:
    # guard: 温泉 is a hot spring (and 新疆's 温泉县 only by name); the scenic area names no county
    found = _places(regions, "温泉景区里的服务员", "5月6日，一处温泉景区的服务员在为游客引路。")
    assert not any(c == "温泉县" for _, _, c in found)


def test_a_bridge_not_over_the_great_rivers_is_no_facility(regions: RegionTagger) -> None:
    # guard: only 长江大桥 and 黄河大桥 are read as a city's; 东海大桥 (上海's) names no 东海县
    found = _places(regions, "海上大桥的巡检员", "5月6日，东海大桥的巡检员在检查桥面。")
    assert not any(c == "东海县" for _, _, c in found)


# rule 58: a counted who-compound glued to the activity

def test_a_counted_who_compound_before_a_benefit_says_who(topics: TopicTagger) -> None:
    # before: 劳模 and 工匠 in the headline and every paragraph made 劳模工匠与技能 the primary
    got = labels(topics, "市总工会组织三百名劳模工匠疗休养",
                 "市总工会今年组织三百名劳模工匠分三批疗休养，每批七天。",
                 "参加疗休养的劳模工匠均来自生产一线，优先安排近五年未参加疗休养的劳模工匠。")
    assert got[0] == "职工服务与普惠" and "劳模工匠与技能" not in got


def test_counted_honourees_stay_the_subject(topics: TopicTagger) -> None:
    # guard: a count at the headline's end, nothing glued after it: the honours are the subject
    got = labels(topics, "区总工会表彰50名劳动模范", "区总工会日前召开大会，表彰50名区级劳动模范和先进工作者。")
    assert got[0] == "劳模工匠与技能"


def test_counted_couriers_joining_the_union_keep_both_topics(topics: TopicTagger) -> None:
    # guard: joining the union (集中入会) is organising those people: both topics, as the keys give them
    got = labels(topics, "江北区260名快递员集中入会", "江北区总工会日前举行入会仪式，260名快递员集中加入工会。")
    assert set(got[:2]) == {"新就业形态劳动者", "工会组织建设"}


def test_a_counted_group_with_a_half_weight_term_keeps_its_topic(topics: TopicTagger) -> None:
    # guard: a group's free health check (体检, half weight) takes the group's topic (KEYING.md)
    got = labels(topics, "千名快递员体检", "区总工会为辖区一千名快递员免费体检，检查项目12项。")
    assert got[0] == "新就业形态劳动者"


# rule 59: a trade written before a person's name in a profile's headline

def test_a_riders_poetry_is_workers_culture(topics: TopicTagger) -> None:
    # before: 外卖骑手 in the headline made 新就业形态劳动者 the only topic; 诗集 had no topic
    got = labels(topics, "外卖骑手周明：写诗的夜归人",
                 "外卖骑手周明每天送完最后一单，都会在手机上写几行诗。",
                 "去年，他的诗歌在市总工会举办的职工征文活动中获奖，他还打算出一本诗集。", lead=None,
                 kind="feature")
    assert got == ["职工文体"]


def test_a_couriers_contest_is_the_profiles_subject(topics: TopicTagger) -> None:
    # before: 快递员 (headline, three times in the body) and the page's 新就业形态 banner outweighed the contest and made 新就业形态劳动者 the primary
    got = labels(topics, "快递员孙强：技能比武场上的“状元”",
                 "在全市快递员职业技能竞赛中，快递员孙强夺得第一名，被授予市五一劳动奖章。",
                 "入行6年的快递员孙强，每天派送快递200多件。如今，他在公司的创新工作室带了8个徒弟。", lead=None,
                 kind="feature", page_name="新就业形态")
    assert got[0] == "劳模工匠与技能" and "新就业形态劳动者" not in got


def test_a_trade_the_headline_names_twice_is_what(topics: TopicTagger) -> None:
    # guard: the headline names the trade again after the name (为骑手建驿站): it is what the profile is about
    got = labels(topics, "快递员钱亮：为骑手们建起“歇脚点”",
                 "快递员钱亮自费在站点旁为外卖骑手、快递员建起歇脚点，提供饮水和充电。", lead=None, kind="feature")
    assert got[0] == "新就业形态劳动者"


def test_a_trade_with_no_name_after_it_is_unchanged(topics: TopicTagger) -> None:
    # guard: no person's name after the trade (骑手们的…): the rule does not fire; the riders stay the subject
    got = labels(topics, "骑手们的“暖心驿站”开张", "区总工会为外卖骑手建起暖心驿站，提供饮水、充电、休息等服务。")
    assert got[0] == "新就业形态劳动者"
