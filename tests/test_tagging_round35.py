"""Thirty-fifth round (tests/heldout_tagging32, an ordinary 工人日报 day by a new hand): the party's study campaigns of
earlier years are party education as 党史学习教育 is; the place a 把 headline takes its object to is where it goes, not
what the item is about; a ball game's contest said by its form (邀请赛, 友谊赛) is workers' sport; the oil fields and
the coal groups named by no division's name are read at their seat (data/enterprises.tsv). Checked on small invented
items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, date: str) -> list[tuple[str, str]]:
    """(province, prefecture) of each region an article is tagged with, sorted."""
    found = region_tags(tagger, title, *paragraphs, date=date, lead="本报讯（通讯员 周平）")
    return sorted((t.region.province or "", t.region.prefecture or "") for t in found)


# -- the party's study campaigns of earlier years ------------------------------------------------------------------------


def test_an_earlier_party_study_campaign_is_party_education(topics: TopicTagger) -> None:
    # before: 科学发展观 and 学习实践活动 were no terms, and the item got the union default
    got = labels(topics, "机务段党委开展深入学习实践科学发展观活动",
                 "机务段党委日前召开动员会，在全段党员干部中开展深入学习实践科学发展观活动，分学习调研、分析检查、"
                 "整改落实三个阶段进行。",
                 "各车间党支部结合安全行车、节能降耗的实际，组织党员学原著、谈体会，查找思想和作风上的差距。")
    assert got[0] == "党建与主题教育"


def test_a_campaign_named_in_passing_does_not_make_the_topic(topics: TopicTagger) -> None:
    # guard: subject_only; a union founded in a year the campaign is named in one clause stays the union's building
    got = labels(topics, "城郊乡企业新建工会17家",
                 "今年以来，乡总工会以“三个代表”重要思想为指导，深入非公有制企业宣传《工会法》，新建企业工会17家，"
                 "发展会员900多人。")
    assert got[0] == "工会组织建设"


# -- the place a 把 headline takes its object to -------------------------------------------------------------------------


def test_the_place_a_ba_headline_takes_its_object_to_is_where_it_goes(topics: TopicTagger) -> None:
    # before: the headline's 职工书屋 (职工文体) outweighed the party education it received
    got = labels(topics, "把红色教育带到职工书屋",
                 "公司党委在职工书屋设立红色图书专架，组织党员职工开展读红色经典活动。",
                 "今年以来，已有400多名党员参加了12场读书分享。")
    assert got[0] == "党建与主题教育"


def test_a_place_before_the_verb_keeps_its_reading(topics: TopicTagger) -> None:
    # guard: the union's own building said before the verb (把职工之家建设落到实处) is what the headline is about
    got = labels(topics, "把职工之家建设落到实处",
                 "市总工会今年投入资金200万元，对全市60家基层工会的职工之家进行规范化建设，配齐活动场所和设施。")
    assert got[0] == "工会组织建设"


# -- a ball game's contest said by its form ------------------------------------------------------------------------------


def test_a_ball_games_invitational_is_workers_sport(topics: TopicTagger) -> None:
    # before: the segmenter cut 足球/友谊赛 and no term matched; the item got the fallback
    got = labels(topics, "港区职工足球友谊赛踢响",
                 "9月20日，港区码头公司和集装箱公司的职工足球队在港区球场进行友谊赛，双方球员都是一线装卸工人。")
    assert got[0] == "职工文体"


def test_the_ball_alone_is_no_contest(topics: TopicTagger) -> None:
    # guard: balls made in a factory are industry, not a match
    got = labels(topics, "乒乓球生产线满负荷运转",
                 "眼下正值出口旺季，一家体育用品厂的乒乓球生产线满负荷运转，今年订单比去年增加两成，年产值有望突破"
                 "2亿元。　本报通讯员 高平 摄", kind="photo")
    assert got[0] == "产业与经济发展"


# -- oil fields and coal groups named by no division's name --------------------------------------------------------------


def test_an_oil_field_named_by_a_region_is_read_at_its_seat(regions: RegionTagger) -> None:
    # before: 中原油田 named no place, and the item had no region
    got = regions_of(regions, "中原油田采油工技术比武落幕",
                     "中原油田日前举行采油工技术比武，来自各采油厂的86名选手参加了理论和实际操作比赛。", date="2012-05-09")
    assert got == [("河南省", "濮阳市")]


def test_a_coal_group_named_by_a_historic_place_is_read_at_its_seat(regions: RegionTagger) -> None:
    got = regions_of(regions, "潞安集团为井下矿工送清凉",
                     "入伏以来，潞安集团工会为各矿井下一线矿工送去绿豆汤和防暑药品。", date="2017-07-19")
    assert got == [("山西省", "长治市")]


def test_an_oil_fields_own_place_is_the_setting(regions: RegionTagger) -> None:
    # guard: an item naming its own place keeps it; the group's seat is then only the company's home
    got = regions_of(regions, "辽河油田在锦州建起职工培训基地",
                     "辽河油田在辽宁省锦州市建成的职工培训基地日前投用，可同时培训学员300人。", date="2015-04-08")
    assert ("辽宁省", "锦州市") in got


def test_victory_is_no_oil_field(regions: RegionTagger) -> None:
    # guard: 胜利 alone (a victory) names no place; only the whole 胜利油田 is the table's form
    got = regions_of(regions, "劳动竞赛取得胜利",
                     "全体参赛职工团结一心，这场劳动竞赛取得了最后的胜利。", date="2016-03-02")
    assert got == []
