"""Fortieth round (development zones named without their city, noticed on tests/heldout_tagging36): a national
development zone named by its own name (东湖高新区, 张江高新区, 泰达, 南京's 江北新区: data/devzones.tsv) is read as its
seat, the setting only when the item names no place of its own, as an enterprise's short form is; a generic zone name
(经济技术开发区 alone) names nothing, a page printed before the zone was set up does not resolve to it, and a city the
item writes wins. Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.gazetteer import Gazetteer
from archive_gen.tagging.regions import RegionTagger
from tagging_probe import region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, date: str = "2019-05-16",
               paper: str | None = None) -> list[tuple[str, str, str]]:
    """(province, prefecture, county) of each region an article is tagged with, sorted."""
    found = region_tags(tagger, title, *paragraphs, date=date, lead="本报讯（通讯员 李红）", paper=paper)
    return sorted((t.region.province or "", t.region.prefecture or "", t.region.county or "") for t in found)


def test_a_zone_named_by_its_own_name_is_set_at_its_seat(regions: RegionTagger) -> None:
    # before: the gazetteer held divisions only, so the item got no place (or only the paper's province)
    got = regions_of(regions, "高新区职工技能竞赛落幕", "5月10日，东湖高新区总工会举办职工技能竞赛，200余名职工参赛。")
    assert got == [("湖北省", "武汉市", "")]
    assert regions_of(regions, "园区建设者之家揭牌", "张江高新区总工会为园区建设者建起12个驿站。") == [("上海市", "", "")]


def test_each_kind_reads_its_own_endings(regions: RegionTagger) -> None:
    # an economic zone's 经开区, a new area's 新区, a zone known by its name alone
    assert regions_of(regions, "职工书屋开放", "大亚湾经开区总工会的职工书屋日前开放。") == [("广东省", "惠州市", "")]
    assert regions_of(regions, "新区工会送清凉", "江北新区总工会为一线职工送去清凉。") == [("江苏省", "南京市", "")]
    assert regions_of(regions, "劳模工作室挂牌", "泰达一家企业的劳模创新工作室日前挂牌。") == [("天津市", "", "")]


def test_a_generic_zone_name_names_nothing(regions: RegionTagger) -> None:
    # guard: no row's stem is a word or a kind of zone, so 经济技术开发区 or 高新区 alone names no place
    assert regions_of(regions, "开发区工会送温暖", "经济技术开发区总工会走访困难职工。") == []
    assert regions_of(regions, "高新区工会送温暖", "高新区总工会走访困难职工。") == []


def test_a_zone_is_read_only_from_the_year_it_was_set_up(regions: RegionTagger) -> None:
    # guard: 南京's 江北新区 dates from 2015, 钒钛高新区 from 2015; earlier pages do not resolve to them
    item = ("新区工会送清凉", "江北新区总工会为一线职工送去清凉。")
    assert regions_of(regions, *item, date="2012-07-01") == []
    assert regions_of(regions, *item, date="2016-07-01") == [("江苏省", "南京市", "")]
    gaz: Gazetteer = regions.gazetteer
    assert gaz.forms_in("钒钛高新区", 2010) == ()
    assert [f.division.name for f in gaz.forms_in("钒钛高新区", 2020)] == ["攀枝花市"]


def test_a_city_written_wins_over_a_zone(regions: RegionTagger) -> None:
    # guard: the zone is where a visitor came from, the city the item writes is where it happens
    got = regions_of(regions, "宜昌职工学技术", "6月3日，宜昌市总工会组织职工代表赴东湖高新区企业学习。")
    assert got == [("湖北省", "宜昌市", "")]


def test_a_zone_name_is_no_name_of_its_seat(regions: RegionTagger) -> None:
    # guard: like 包钢 of 包头, a zone's form licenses no short form of its city and is not among the city's names
    assert "东湖高新区" not in regions.gazetteer.names_of("420100")


def test_a_provincial_papers_zone_report_is_set_at_the_seat(regions: RegionTagger) -> None:
    # before: a 湖北 paper's report naming only the zone was set in the paper's province
    got = regions_of(regions, "光谷职工运动会开幕", "东湖新技术开发区第三届职工运动会日前开幕。", paper="湖北工人报")
    assert got == [("湖北省", "武汉市", "")]
