"""Thirty-ninth round (tests/heldout_tagging36, provincial and city labour papers by a new hand): a city's paper (its
masthead's name opens with a prefecture's: 青岛工人报, 大连职工报) implies its city for its own reports that name no place
of its own (a street or a town the gazetteer does not hold), as a provincial paper implies its province; and a founding
or joining term said as an attribute of what is done already (已建会的非公企业中, 已入会的职工) picks out whom a count
covers and founds nothing. Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, lead: str | None = "本报讯（通讯员 李红）",
               paper: str | None = None, date: str = "2019-05-16") -> list[tuple[str, str, str]]:
    """(province, prefecture, county) of each region an article is tagged with, sorted."""
    found = region_tags(tagger, title, *paragraphs, date=date, lead=lead, paper=paper)
    return sorted((t.region.province or "", t.region.prefecture or "", t.region.county or "") for t in found)


_STREET = ("沙河口街道为环卫工人送清凉", "7月10日，沙河口街道总工会走访辖区环卫站点，为120名环卫工人送去毛巾、茶叶和防暑药品。")


def test_a_city_papers_own_report_with_no_place_is_set_in_its_city(regions: RegionTagger) -> None:
    # before: only a province's name opening the masthead implied a place, so a street of the city gave no region
    assert regions_of(regions, *_STREET, paper="大连职工报") == [("辽宁省", "大连市", "")]


def test_the_city_paper_is_read_by_its_name(regions: RegionTagger) -> None:
    assert regions.paper_city("青岛工人报", 2023) is not None
    assert regions.paper_city("工人日报", 2023) is None  # guard: no place opens the name
    assert regions.paper_city("四川工人日报", 2016) is None  # guard: a provincial paper implies its province only


def test_a_city_paper_yields_to_a_place_written(regions: RegionTagger) -> None:
    # guard: a place the report writes is its setting, the masthead's city is a last resort
    got = regions_of(regions, "丹东职工技能大赛落幕", "6月5日，丹东市第五届职工技能大赛落幕，300名职工参赛。",
                     paper="大连职工报")
    assert got == [("辽宁省", "丹东市", "")]


def test_a_city_papers_item_with_no_own_dateline_has_no_region(regions: RegionTagger) -> None:
    # guard: a how-to or a Q&A with no 本报 lead is no local report; national items keep no region either
    assert regions_of(regions, *_STREET, lead=None, paper="大连职工报") == []
    assert regions_of(regions, "全国总工会部署夏季送清凉活动", "全国总工会日前印发通知，部署开展夏季送清凉活动。",
                      paper="大连职工报") == []


# -- a founding said of what is done already ---------------------------------------------------------------------------


def test_unions_already_built_pick_out_a_count(topics: TopicTagger) -> None:
    # before: 建会 in 已建会的…企业中 was read as a union founded, 工会组织建设 beside the count's own topic (厂务公开)
    got = labels(topics, "全市非公企业厂务公开覆盖面扩大",
                 "记者从市总工会获悉，全市已建会的非公有制企业中，推行厂务公开制度的达到88%，比前年提高了9个百分点。",
                 "市总工会把厂务公开作为今年的重点，组织工会干部分片指导，督促企业定期公开涉及职工切身利益的事项。")
    assert got == ["民主管理"]


def test_a_union_being_built_still_counts(topics: TopicTagger) -> None:
    # guard: a founding done now (推动企业建会, 新建会企业) and 已 with no attribute after it (已建会120家) still count
    got = labels(topics, "开发区推动非公企业建会",
                 "今年以来，开发区总工会组织建会小分队上门宣传，推动86家非公企业建会，新发展会员5200人。")
    assert got[0] == "工会组织建设"
    got = labels(topics, "工业园区小微企业建会120家", "截至目前，园区小微企业已建会120家，发展会员3100人。")
    assert got[0] == "工会组织建设"
