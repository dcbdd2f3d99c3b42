"""Issue 18, twenty-fourth round (tests/heldout_tagging22, amenity and hazard words, short forms and zones): a short
form written before a town or a zone of its own is that place; a short form glued to a place it is not in, or an
everyday word before 的 and a count, is a word; a bare prefecture short form means the prefecture, not a district
elsewhere sharing it; a topic said only as one service of a list of services given is a service; occupational-disease
screening and prevention is safety. Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def places(tagger: RegionTagger, title: str, *paragraphs: str, date: str = "2016-05-10") -> list[str]:
    found = region_tags(tagger, title, *paragraphs, date=date)
    return [t.region.county or t.region.prefecture or t.region.province for t in found]


# -- regions: a short form before a town or a zone ------------------------------------------------------------------


def test_a_short_form_before_its_town_is_the_place(regions: RegionTagger) -> None:
    got = places(regions, "纺织女工有了休息室", "在江阴周庄镇一家纺织企业，车间旁新建了女工休息室。")
    assert got == ["江阴市"]


def test_a_short_form_before_a_zone_word_is_the_place(regions: RegionTagger) -> None:
    got = places(regions, "企业职工读书会", "在太仓开发区一家机械企业，职工每月举办一次读书会。")
    assert got == ["太仓市"]


def test_an_everyday_word_before_townships_is_no_place(regions: RegionTagger) -> None:
    # guard: 新建 (新建县's short form) is the verb of 新建乡镇工会: no town slot for an everyday word
    got = places(regions, "工会组织向基层延伸", "今年全省新建乡镇工会50个，覆盖职工3万人。")
    assert "新建县" not in got and "新建区" not in got


# -- regions: a short form glued to a place it is not in; an everyday word before 的 and a count -----------------------


def test_a_short_form_glued_to_a_place_it_is_not_in_is_a_word(regions: RegionTagger) -> None:
    got = places(regions, "常州新建30家爱心驿站", "江苏省常州市总工会近日为30家爱心驿站授牌。")
    assert got == ["常州市"]


def test_a_short_form_inside_the_place_before_it_is_kept(regions: RegionTagger) -> None:
    # guard: 苏州昆山 is 昆山 of 苏州 (a chain), the count after it no matter
    got = places(regions, "外资企业建起职工书屋", "苏州昆山一家外资企业建起了职工书屋。")
    assert got == ["昆山市"]


def test_an_everyday_word_before_de_and_a_count_is_no_place(regions: RegionTagger) -> None:
    got = places(regions, "职工书屋授牌", "江苏省常州市总工会为今年新建的40家职工书屋授牌。")
    assert got == ["常州市"]


def test_a_rare_short_form_before_de_and_a_count_is_the_place(regions: RegionTagger) -> None:
    # guard: 昆山的一家企业 still names 昆山 (a rare stem)
    got = places(regions, "外资企业建起职工书屋", "在昆山的一家外资企业，职工书屋对全体员工开放。")
    assert got == ["昆山市"]


# -- regions: a bare prefecture short form -----------------------------------------------------------------------------


def test_a_bare_prefecture_short_form_is_the_prefecture(regions: RegionTagger) -> None:
    # 大同 is 大同市 (山西), its own 大同县 and 大庆's 大同区: with nothing else named, the prefecture-level city
    got = places(regions, "矿工下井前的安全课", "在大同一座煤矿的班前会上，班长给矿工讲安全规程。")
    assert got == ["大同市"]


def test_a_short_form_of_districts_of_one_level_stays_unresolved(regions: RegionTagger) -> None:
    # guard: 鼓楼 is a district of several cities, none higher than another: no place
    got = places(regions, "社区医院开设职工门诊", "在鼓楼一家社区医院，职工门诊每天开放到晚上8点。")
    assert got == []


# -- topics: a service among services ----------------------------------------------------------------------------------


def test_a_topic_said_only_as_one_service_of_a_list_is_a_service(topics: TopicTagger) -> None:
    got = labels(
        topics,
        "工地旁建起“工友小屋”",
        "某新区总工会在大型工地旁建起“工友小屋”，为建筑工人提供休息、洗浴、理发、法律咨询等服务，每间可容纳40人。",
        kind="brief",
        page_name="权益",
        lead="本报讯（通讯员 刘敏）",
    )
    assert got == ["职工服务与普惠"]


def test_a_topic_said_outside_the_list_too_keeps_its_hits(topics: TopicTagger) -> None:
    # guard: a paragraph of its own about the legal help (律师, 追回欠薪) keeps 维权
    got = labels(
        topics,
        "工地旁建起“工友小屋”",
        "某新区总工会在大型工地旁建起“工友小屋”，为建筑工人提供休息、洗浴、理发、法律咨询等服务，每间可容纳40人。",
        "小屋里的律师每周值班一天，今年已帮助15名建筑工人追回欠薪6万元，调解劳动争议8起。",
        page_name="权益",
    )
    assert "劳动争议与维权" in got


# -- topics: occupational-disease screening --------------------------------------------------------------------------


def test_occupational_disease_screening_is_safety(topics: TopicTagger) -> None:
    got = labels(
        topics,
        "石材企业工人免费做职业健康检查",
        "某县总工会联合县医院，为县内石材企业的300名打磨工人免费进行职业健康检查，对查出的疑似病例跟踪复查。",
        kind="brief",
    )
    assert got == ["安全生产"]


def test_an_occupational_disease_saying_who_is_no_safety(topics: TopicTagger) -> None:
    # guard: 尘肺病 names who is helped; the relief is the story
    got = labels(
        topics,
        "县总工会为尘肺病矿工送去慰问金",
        "某县总工会日前为全县80名患尘肺病的困难矿工每人送去慰问金800元，并把他们纳入困难职工帮扶档案。",
        kind="brief",
    )
    assert "安全生产" not in got
