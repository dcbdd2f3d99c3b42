"""Thirty-fourth round (tests/heldout_tagging31, a national labour daily by a new hand): a bare short form two
prefectures shared in the page's year (南宁: 南宁地区 and 南宁市 until 2002) is the one the item prints in
full, not its neighbour; and a folk or board-game contest of workers (龙舟赛, 赛龙舟, 象棋赛) is their sport as a
篮球赛 is. Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, date: str) -> list[tuple[str, str, str]]:
    """(province, prefecture, county) of each region an article is tagged with, sorted."""
    found = region_tags(tagger, title, *paragraphs, date=date, lead="本报讯（通讯员 黄丽）")
    return sorted((t.region.province or "", t.region.prefecture or "", t.region.county or "") for t in found)


# -- one short form, two prefectures of one year ------------------------------------------------------------------------


def test_a_short_form_two_prefectures_share_is_the_one_printed_in_full(regions: RegionTagger) -> None:
    # before: the headline's bare 南宁 was 南宁地区 too (the body's 南宁市 counted as its neighbour's support)
    got = regions_of(regions, "南宁千名环卫工人领到冬衣",
                     "南宁市总工会日前为全市1000名环卫工人送去棉衣、手套等过冬物品。", date="1999-12-08")
    assert got == [("广西壮族自治区", "南宁市", "")]


def test_the_other_division_printed_in_full_is_meant_as_well(regions: RegionTagger) -> None:
    # guard: the 地区 printed in full is the place when it is the one printed
    got = regions_of(regions, "南宁农民工夜校开课",
                     "南宁地区总工会日前开办农民工夜校，首期120名学员学习电工和焊工技术。", date="1999-12-08")
    assert got == [("广西壮族自治区", "南宁地区", "")]


def test_a_short_form_of_a_city_and_its_own_county_keeps_the_city(regions: RegionTagger) -> None:
    # guard: 长沙 is 长沙市 and 长沙县 inside it; the county printed in full does not turn the bare city into it
    got = regions_of(regions, "长沙企业职工技能比武开赛",
                     "长沙市总工会主办的职工技能比武11日开赛，长沙县的12家企业派出选手参赛。", date="2019-05-12")
    assert ("湖南省", "长沙市", "") in got


# -- folk and board-game contests --------------------------------------------------------------------------------------


def test_a_dragon_boat_race_of_workers_is_their_sport(topics: TopicTagger) -> None:
    # before: only 比赛 (a generic word) was found, and the photo got the union default 职工服务与普惠
    got = labels(topics, "江面龙舟竞渡",
                 "5月28日，参加县职工龙舟赛的12支队伍在江面上展开角逐，现场观众2000多人。　本报通讯员 刘平 摄",
                 kind="photo")
    assert got[0] == "职工文体"


def test_a_chess_match_of_workers_is_their_sport(topics: TopicTagger) -> None:
    got = labels(topics, "铁路职工象棋赛落幕", "10月16日，局工会举办的职工象棋赛落幕，来自各站段的64名职工参赛。")
    assert got[0] == "职工文体"


def test_a_boat_built_in_a_workshop_is_no_contest(topics: TopicTagger) -> None:
    # guard: 龙舟 alone (boats made for sale) is industry, not a race
    got = labels(topics, "龙舟订单排到七月",
                 "端午临近，镇上一家木船厂的工人们正在赶制龙舟，今年的订单比去年增加三成，产值有望突破千万元。　本报通讯员 刘平 摄",
                 kind="photo")
    assert got[0] == "产业与经济发展"
