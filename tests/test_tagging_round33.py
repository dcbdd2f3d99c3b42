"""Thirty-third round (tests/heldout_tagging30, provincial labour papers by a new hand): a provincial paper's bureau
files as 本报洛阳讯, with no day, and that place is the item's dateline as 本报洛阳6月18日电 is; and the province a
provincial paper's masthead names (四川工人日报, 河南工人日报) is the province of its own reports that name no place of
their own (a town, a zone, 省总工会), the province inside which a bare county-level-city short form is read (什邡), and
the province deciding a district name two provinces share (龙华区). Checked on small invented items unlike the held-out
pages, each with a guard."""

from __future__ import annotations

from pathlib import Path

from archive_gen.config import load_config
from archive_gen.model import Item, Page, PageLine
from archive_gen.tagging import Tagger, masthead_paper
from archive_gen.tagging.regions import RegionTagger
from tagging_probe import region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, date: str = "2018-05-16",
               lead: str | None = "本报讯（通讯员 李红）", paper: str | None = None) -> list[tuple[str, str, str]]:
    """(province, prefecture, county) of each region an article is tagged with, sorted."""
    found = region_tags(tagger, title, *paragraphs, date=date, lead=lead, paper=paper)
    return sorted((t.region.province or "", t.region.prefecture or "", t.region.county or "") for t in found)


# -- 本报X讯: a dateline with no day -------------------------------------------------------------------------------------


def test_a_bureau_dateline_with_no_day_is_the_dateline(regions: RegionTagger) -> None:
    # before: 本报芜湖讯 was read as no dateline, and 经开区 names no city: no region
    got = regions_of(regions, "经开区200名新职工拜师学艺",
                     "5月14日，经开区总工会举行师徒结对仪式，区内15家企业的200名新入职职工与技术骨干签订师徒协议。",
                     lead="本报芜湖讯（记者 王林　通讯员 胡静）")
    assert got == [("安徽省", "芜湖市", "")]


def test_a_compiled_report_names_no_bureau(regions: RegionTagger) -> None:
    # guard: 本报综合讯 (a report compiled from several sources) and 本报讯 name no place; an 通讯员 is no dateline
    for lead in ("本报综合讯", "本报讯（通讯员 刘江）", "本报通讯员 陈华"):
        assert regions_of(regions, "多家企业为一线职工调整作息", "入夏以来，不少企业为一线职工调整了作息时间。",
                          lead=lead) == []


# -- the province a provincial paper's masthead names ------------------------------------------------------------------


def test_a_report_naming_no_place_is_set_in_the_papers_province(regions: RegionTagger) -> None:
    # before: the only place is a town, which the gazetteer does not hold: no region. Since rule 54 (forty-seventh
    # round) the town table places 花石镇 (湘潭县 of Hunan and 禹州 of Henan) in the paper's province: its county
    got = regions_of(regions, "花石镇湘莲加工企业职工集中入会",
                     "5月12日，花石镇总工会在镇湘莲加工园区举行入会仪式，12家湘莲加工企业的360名职工加入工会。",
                     paper="湖南工人报")
    assert got == [("湖南省", "湘潭市", "湘潭县")]


def test_the_papers_province_is_no_setting_of_a_national_item_or_another_papers_report(regions: RegionTagger) -> None:
    # guard: a national body acting, or an agency's report, is not the provincial paper's local news
    national = regions_of(regions, "全总部署开展职工技能提升行动",
                          "全国总工会日前印发通知，部署开展职工技能提升行动。", paper="湖南工人报")
    agency = regions_of(regions, "多家快递企业承诺保障快递员休息权",
                        "日前，多家快递企业联合发出倡议，承诺合理安排快递员的工作时间。", lead="据新华社电",
                        paper="湖南工人报")
    assert national == [] and agency == []


def test_the_papers_province_adds_nothing_to_a_place_the_item_names(regions: RegionTagger) -> None:
    # guard: an item set in a city keeps the city; one set in another province is not moved into the paper's
    assert regions_of(regions, "贵阳环卫工人有了爱心早餐", "5月15日起，贵阳市总工会为环卫工人免费提供早餐。",
                      paper="湖南工人报") == [("贵州省", "贵阳市", "")]


def test_a_bare_county_level_city_is_read_inside_the_papers_province(regions: RegionTagger) -> None:
    # before: 醴陵 with no province or prefecture named was a word, so the item had no place
    got = regions_of(regions, "醴陵工会为陶瓷企业职工送技能培训",
                     "5月10日，市总工会联合职业院校为陶瓷企业的120名职工举办釉下彩绘技能培训班。", paper="湖南工人报")
    assert got == [("湖南省", "株洲市", "醴陵市")]
    # guard: on a page with no masthead, or another province's paper, the short form stays unsupported
    assert regions_of(regions, "醴陵工会为陶瓷企业职工送技能培训",
                      "5月10日，市总工会联合职业院校为陶瓷企业的120名职工举办釉下彩绘技能培训班。") == []


def test_a_bare_county_short_form_still_needs_its_prefecture(regions: RegionTagger) -> None:
    # guard: 茶陵 is a county (茶陵县 of 株洲): its short form needs its prefecture, which the paper does not name, so
    # the report is set in the paper's province only
    got = regions_of(regions, "茶陵工会为返乡农民工送岗位",
                     "5月9日，县总工会在县城举办返乡农民工专场招聘会，40家企业提供岗位1500多个。", paper="湖南工人报")
    assert got == [("湖南省", "", "")]


def test_the_papers_province_decides_a_district_name_two_provinces_share(regions: RegionTagger) -> None:
    # before: 鼓楼区 (南京, 徐州, 福州, 开封) with nothing else named stayed ambiguous: no region
    got = regions_of(regions, "鼓楼区总工会为新就业形态劳动者办专场招聘",
                     "5月11日，鼓楼区总工会举办专场招聘会，30家企业提供岗位800多个。", paper="福建工人报")
    assert got == [("福建省", "福州市", "鼓楼区")]
    # guard: a city the item names itself decides before the paper does
    got = regions_of(regions, "南京鼓楼区总工会办专场招聘",
                     "5月11日，鼓楼区总工会举办专场招聘会，30家企业提供岗位800多个。", paper="福建工人报")
    assert got == [("江苏省", "南京市", "鼓楼区")]


def test_the_paper_is_read_from_the_pages_masthead(tmp_path: Path) -> None:
    # the masthead's first word, when it is a paper's name; a date line or a 版 line names none
    page = Page(source="p.txt", sha256="", encoding="utf-8", date="2018-05-16", date_inferred=False,
                date_evidence=None, page=2, items=(), furniture=(
                    PageLine(1, "湖南工人报｜2018年5月16日｜星期三", "masthead"), PageLine(2, "第2版　基层", "page")))
    assert masthead_paper(page) == "湖南工人报"
    assert masthead_paper(Page(source="p.txt", sha256="", encoding="utf-8", date=None, date_inferred=False,
                               date_evidence=None, page=None, items=(), furniture=(
                                   PageLine(1, "2018年5月16日　星期三　第2版", "masthead"),))) is None
    item = Item(id="t", source="p.txt", index=0, kind="article", date="2018-05-16", title="花石镇职工集中入会",
                lead="本报讯（通讯员 李红）", paragraphs=("5月12日，花石镇总工会举行入会仪式，360名职工加入工会。",))
    tagger = Tagger(load_config(root=tmp_path))
    tagged = tagger.tag_page(Page(**{**page.__dict__, "items": (item,)}))
    (region,) = tagged.items[0].regions
    # (the paper's province decides which 花石镇 it is, rule 54: the masthead stays in the evidence)
    assert region.region.province == "湖南省" and "masthead" in {e.field for e in region.evidence}
