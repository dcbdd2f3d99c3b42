"""Issue 18, twenty-sixth round (tests/heldout_tagging24, an ordinary day from the provinces earlier sets name least,
and three open misses of earlier check pages): an everyday-word short form before a town's own name is the town's
place; a bare short form after a verb of travel is the trip's destination; a bearing or stretch reckoned from a rare
short form (以南, 段, 境内) is a place; where the item's people worked, with its own union acting, is a setting; the
body the opening starts with, from a place apart from the headline's, is a setting too; 位于 a place inside the
setting makes it precise; a place starting a company's one-token name is the company's home. Topics: a speakers'
group whose talks the opening names by another topic is about that topic; a subject-only topic's generic word alone
(办实事) is the union's service. Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def places(tagger: RegionTagger, title: str, *paragraphs: str, date: str = "2016-05-10") -> list[str]:
    found = region_tags(tagger, title, *paragraphs, date=date)
    return sorted(t.region.county or t.region.prefecture or t.region.province for t in found)


# -- regions: an everyday-word short form before its town ------------------------------------------------------------


def test_an_everyday_short_form_before_a_named_town_is_the_place(regions: RegionTagger) -> None:
    # 江山 is a word of jieba's dictionary (江山, "the country"), frequent enough to be refused alone
    got = places(
        regions, "木门企业建起职工食堂", "在江山贺村镇一家木门企业，工会为300多名职工办起了职工食堂。"
    )
    assert got == ["江山市"]


def test_an_everyday_short_form_before_counted_townships_is_no_place(regions: RegionTagger) -> None:
    # guard: 新建 is the verb of 新建两个乡镇工会 (a count before 乡镇, not a town's name)
    got = places(regions, "基层工会建设提速", "今年全省新建两个乡镇工会联合会，新建各乡镇职工服务站50个。")
    assert "新建区" not in got and "新建县" not in got


# -- regions: a trip's destination -----------------------------------------------------------------------------------


def test_a_short_form_after_a_verb_of_travel_is_the_destination(regions: RegionTagger) -> None:
    # 承德 is a prefecture short form that is also a word (承德 "to receive virtue"): after 赴, the trip's end
    got = places(regions, "一线职工赴承德疗休养", "河北省唐山市总工会组织的50名一线职工日前赴承德疗休养。")
    assert got == ["唐山市", "承德市"]


def test_an_everyday_short_form_after_a_verb_that_only_ends_in_to_is_no_place(regions: RegionTagger) -> None:
    # guard: 感到安康 is "to feel well" (安康市's short form), 开到红河边 a river bank
    got = places(
        regions,
        "关爱职工身心健康",
        "浙江省宁波市总工会开展心理关爱活动，让职工感到安康、温暖，把服务开到红河边的工地上。",
    )
    assert got == ["宁波市"]


def test_a_list_of_destinations_is_no_setting(regions: RegionTagger) -> None:
    # guard: 前往承德、保定等地 are examples of where (both short forms that are words), not the story's places
    got = places(
        regions, "劳模分批疗休养", "唐山市总工会组织的劳模疗休养团日前出发，前往承德、保定等地疗休养。"
    )
    assert got == ["唐山市"]


# -- regions: a bearing or stretch reckoned from a place ----------------------------------------------------------


def test_a_rare_short_form_before_a_bearing_is_the_place(regions: RegionTagger) -> None:
    # 库车 is a county's short form that needs support; written before 以东, only a place
    got = places(regions, "高速公路建设者比技能", "在库车以东的高速公路工地上，200多名建设者开展技能比武。")
    assert got == ["库车县"]


def test_an_everyday_short_form_before_a_bearing_is_a_word(regions: RegionTagger) -> None:
    # guard: 平原以南 is "south of the plain" (平原 is 平原县's short form and a common word)
    got = places(regions, "春耕生产忙", "在华北平原以南的麦田里，河南省农机手正忙着春耕。")
    assert "平原县" not in got


# -- regions: where the people worked, its own union acting -------------------------------------------------------


def test_where_the_workers_worked_is_a_setting_when_its_union_acts(regions: RegionTagger) -> None:
    got = places(
        regions,
        "两地工会联手帮农民工讨回工钱",
        "湖南省邵阳市的15名农民工日前拿到了被拖欠的工钱。他们曾在广东省东莞市一家电子厂打工。"
        "邵阳市总工会和东莞市总工会联手，帮他们讨回了工钱。",
    )
    assert got == ["东莞市", "邵阳市"]


def test_where_the_workers_worked_without_its_union_stays_a_mention(regions: RegionTagger) -> None:
    # guard: no body of 宁波 acts: the town where they once worked is only a mention
    got = places(
        regions,
        "返乡农民工参加技能培训",
        "湖南省邵阳市的60名返乡农民工参加了电工培训。他们曾在浙江省宁波市一家电子厂打工。"
        "邵阳市总工会为学员提供了免费食宿。",
    )
    assert got == ["邵阳市"]


# -- regions: the body the opening starts with, from elsewhere ------------------------------------------------------


def test_the_opening_body_from_a_place_apart_is_a_setting(regions: RegionTagger) -> None:
    got = places(
        regions,
        "工会结对助力和田县乡村振兴",
        "天津市总工会与新疆和田地区总工会日前签订结对协议，支持和田县发展特色种植。",
    )
    assert got == ["和田县", "天津市"]


def test_the_opening_body_above_the_headline_place_adds_nothing(regions: RegionTagger) -> None:
    # guard: 和田地区总工会 is the headline county's own prefecture body: the county stays the one setting
    got = places(
        regions, "和田县职工技能培训开班", "新疆和田地区总工会日前在和田县举办职工技能培训班，120名职工参训。"
    )
    assert got == ["和田县"]


# -- regions: 位于 a place inside the setting -------------------------------------------------------------------------


def test_lies_in_a_county_makes_the_setting_precise(regions: RegionTagger) -> None:
    got = places(
        regions,
        "煤矿开展安全培训",
        "山西一家煤矿日前对井下职工开展安全培训。",
        "这家位于山西平定县境内的煤矿有职工1200人。",
    )
    assert got == ["平定县"]


def test_lies_in_a_place_outside_the_setting_adds_nothing(regions: RegionTagger) -> None:
    # guard: the subsidiary lies in another province: no refinement of 山西, only a mention
    got = places(
        regions,
        "煤矿开展安全培训",
        "山西一家煤矿日前对井下职工开展安全培训。",
        "该企业另有一家位于内蒙古鄂尔多斯的分公司。",
    )
    assert got == ["山西省"]


# -- regions: a place starting a company's one-token name -----------------------------------------------------------


def test_a_place_starting_a_one_token_company_name_is_its_home(regions: RegionTagger) -> None:
    # 鹤岗矿务局 is one word of jieba's dictionary: the name ends inside the token
    got = places(
        regions, "鹤岗矿务局千名矿工技术比武", "矿务局工会日前举办井下采掘技术比武，1000多名矿工参赛。"
    )
    assert got == ["鹤岗市"]


def test_a_short_form_needing_support_inside_a_company_token_stays_a_word(regions: RegionTagger) -> None:
    # guard: 东方航空公司 is one token too, but 东方 (东方市's short form) still needs support
    got = places(regions, "东方航空公司乘务员技能比武", "公司工会日前举办客舱服务技能比武，200名乘务员参赛。")
    assert "东方市" not in got


# -- topics: a speakers' group, the campaign's everyday word -------------------------------------------------------


def test_a_speakers_group_is_about_what_the_opening_says_it_preaches(topics: TopicTagger) -> None:
    got = labels(
        topics,
        "工匠报告团走进校园",
        "市总工会组织由大国工匠组成的报告团，走进职业院校开展党史学习教育宣讲10场。",
        "报告团成员讲述党领导工人阶级奋斗的历史，引导青年学生听党话、跟党走。",
    )
    assert got[0] == "党建与主题教育"


def test_a_speakers_group_preaching_its_own_topic_keeps_it(topics: TopicTagger) -> None:
    # guard: the talks are about the craftsman spirit: the group's topic stays
    got = labels(
        topics,
        "工匠报告团走进校园",
        "市总工会组织由大国工匠组成的报告团，走进职业院校开展工匠精神宣讲10场。",
        "报告团成员讲述自己在岗位上攻克技术难题的经历。",
    )
    assert got[0] == "劳模工匠与技能"


def test_a_plain_practical_deed_is_the_unions_service(topics: TopicTagger) -> None:
    got = labels(
        topics, "矿区工会为井下职工办实事", "矿区工会今年为下井职工安装了更衣柜和烘干机，开通了通勤班车。"
    )
    assert got[0] == "职工服务与普惠"


def test_the_campaigns_practical_deeds_stay_party_building(topics: TopicTagger) -> None:
    # guard: 我为群众办实事 inside 党史学习教育: the campaign's word with the campaign named
    got = labels(
        topics,
        "“我为群众办实事”见成效",
        "市总工会把党史学习教育成果转化为“我为群众办实事”的具体行动，党员干部深入基层开展党史学习教育宣讲。",
    )
    assert got[0] == "党建与主题教育"
