"""The region classes of issue 18, one test per class on realistic dated items: boundary changes by year,
same-named districts beside their city, county-level cities, 兵团 cities, the SARs, cities without counties,
and the places written in signatures, editor's notes, company names, venues and photo groups.

The gazetteer facts the tests rely on are first checked against the packaged data file read here with the
csv module alone (not through the Gazetteer class), so a wrong row fails the data test, not a rule test.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from archive_gen.model import Dateline, Item, RegionTag
from archive_gen.tagging.gazetteer import Gazetteer
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.segmenter import Segmenter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tagger() -> RegionTagger:
    gazetteer = Gazetteer.load()
    return RegionTagger(gazetteer, Segmenter(gazetteer.segmenter_words()))


def make(title: str | None, *paragraphs: str, date: str, dateline: str | None = None, byline_raw: str | None = None,
         kind: str = "article") -> Item:
    return Item(id="t", source="t.txt", index=0, kind=kind, date=date, title=title,  # type: ignore[arg-type]
                dateline=Dateline(dateline) if dateline else None, byline_raw=byline_raw, paragraphs=paragraphs)


def settings(tagger: RegionTagger, item: Item) -> list[tuple[str, str, str | None, str | None]]:
    regions, _, _ = tagger.tag(item)
    return [(t.region.code, t.region.province, t.region.prefecture, t.region.county) for t in regions]


def codes(tags: tuple[RegionTag, ...]) -> list[str]:
    return [t.region.code for t in tags]


# -- the data: historic memberships with their years -------------------------------------------------

@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, str]]]:
    """Rows of the packaged data file by name, read with the csv module only."""
    text = resources.files("archive_gen.tagging").joinpath("data", "gazetteer.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    by_name: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in csv.DictReader(lines, delimiter="\t"):
        by_name[row["name"]].append(row)
    return by_name


def spans(rows: dict[str, list[dict[str, str]]], name: str) -> set[tuple[str, str, int, int]]:
    return {(r["code"], r["parent"], int(r["first"]), int(r["last"])) for r in rows[name]}


def test_data_has_the_historic_memberships_with_their_years(rows: dict[str, list[dict[str, str]]]) -> None:
    # 巢湖: a prefecture (巢湖地区, then 巢湖市) until its 2011 split; then a county-level city of 合肥
    assert ("341400", "340000", 1999, 2010) in spans(rows, "巢湖市")
    assert ("340181", "340100", 2011, 2024) in spans(rows, "巢湖市")
    assert ("341421", "341400", 1999, 2010) in spans(rows, "庐江县")  # under 巢湖 ...
    assert ("340124", "340100", 2011, 2024) in spans(rows, "庐江县")  # ... then 合肥
    assert ("340225", "340200", 2011, 2018) in spans(rows, "无为县")  # to 芜湖, then a city in 2019
    assert ("340281", "340200", 2019, 2024) in spans(rows, "无为市")
    # 公主岭 moved from 四平 (2203) to 长春 (2201) in 2020
    assert ("220381", "220300", 1995, 2019) in spans(rows, "公主岭市")
    assert ("220184", "220100", 2020, 2024) in spans(rows, "公主岭市")
    # renamed: one code, two names in turn
    assert ("420600", "420000", 1980, 2009) in spans(rows, "襄樊市")
    assert ("420600", "420000", 2010, 2024) in spans(rows, "襄阳市")
    assert ("530800", "530000", 2003, 2006) in spans(rows, "思茅市")
    assert ("530800", "530000", 2007, 2024) in spans(rows, "普洱市")
    # 县 -> 市 upgrades
    assert ("130226", "130200", 1984, 1995) in spans(rows, "迁安县")
    assert ("130283", "130200", 1996, 2024) in spans(rows, "迁安市")
    assert ("130284", "130200", 2018, 2024) in spans(rows, "滦州市")
    # 莱芜: a prefecture until it became a district of 济南
    assert ("371200", "370000", 1992, 2017) in spans(rows, "莱芜市")
    assert ("370116", "370100", 2018, 2024) in spans(rows, "莱芜区")
    # 儋州: a county-level city under 海南 until 2014, a prefecture-level city from 2015
    assert ("469003", "460000", 2003, 2014) in spans(rows, "儋州市")
    assert ("460400", "460000", 2015, 2024) in spans(rows, "儋州市")


def test_data_places_without_a_prefecture_hang_under_the_province(rows: dict[str, list[dict[str, str]]]) -> None:
    for name in ("石河子市", "阿拉尔市", "五家渠市", "北屯市", "可克达拉市"):  # 兵团 cities
        assert any(r["parent"] == "650000" and r["level"] == "3" and r["last"] == "2024" for r in rows[name]), name
    for name in ("仙桃市", "潜江市", "天门市", "济源市", "琼海市"):  # county-level cities under a province
        assert any(r["parent"] in ("420000", "410000", "460000") and r["last"] == "2024" for r in rows[name]), name
    for name in ("东莞市", "中山市", "嘉峪关市"):  # prefecture-level cities without counties
        (current,) = [r for r in rows[name] if r["last"] == "2024"]
        assert current["level"] == "2"
        assert not any(r["parent"] == current["code"] for rs in rows.values() for r in rs)
    assert [(r["code"], r["level"]) for r in rows["香港特别行政区"]] == [("810000", "1")]
    assert [(r["code"], r["level"]) for r in rows["澳门特别行政区"]] == [("820000", "1")]


def test_data_has_no_placeholder_divisions(rows: dict[str, list[dict[str, str]]]) -> None:
    # 重庆's "市" (500300, 1997-2005) grouped its county-level cities in the statistical code; nobody names it
    assert all(len(name) >= 2 for name in rows), [name for name in rows if len(name) < 2]
    assert {r["parent"] for r in rows["江津市"] if r["code"] == "500381"} == {"500000"}


def test_generator_hangs_placeholder_groups_under_the_province() -> None:
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    table = [{"year": "2000", "province_name": "重庆市", "province_short": "重庆", "province_adcode": "500000",
              "city_name": placeholder, "city_short": placeholder, "city_adcode": "500300",
              "county_name": "江津市", "county_short": "江津", "county_adcode": "500381"}
             for placeholder in ("市", "县", "市辖区")]
    collected = module.collect(table)
    assert {row.parent for row in collected if row.code == "500381"} == {"500000"}
    assert not any(row.code == "500300" for row in collected)


# -- boundary changes over time --------------------------------------------------------------------

def test_chaohu_is_a_prefecture_before_its_split_and_a_city_of_hefei_after(tagger: RegionTagger) -> None:
    title = "巢湖市总工会为环卫工人送清凉"
    body = "连日来,巢湖市总工会深入建筑工地、环卫站点,看望慰问高温下坚守岗位的户外劳动者。"
    assert settings(tagger, make(title, body, date="2008-07-20")) == [("341400", "安徽省", "巢湖市", None)]
    assert settings(tagger, make(title, body, date="2013-07-20")) == [("340181", "安徽省", "合肥市", "巢湖市")]


def test_a_county_takes_the_prefecture_of_the_pages_year(tagger: RegionTagger) -> None:
    body = "日前,庐江县总工会联合县安监局对全县矿山企业开展安全生产大检查。"
    assert settings(tagger, make("矿山企业开展安全生产大检查", body, date="2009-06-01"))[0][2] == "巢湖市"
    assert settings(tagger, make("矿山企业开展安全生产大检查", body, date="2013-06-01"))[0][2] == "合肥市"
    moved = "今年以来,公主岭市总工会组织建会小分队深入工业园区,新建基层工会56家。"
    assert settings(tagger, make("非公企业建会提速", moved, date="2019-08-12"))[0][2] == "四平市"
    assert settings(tagger, make("非公企业建会提速", moved, date="2021-08-12"))[0][2] == "长春市"


def test_renamed_places_are_read_with_the_name_of_the_year(tagger: RegionTagger) -> None:
    assert settings(tagger, make("襄樊职工技能大赛决出20名“岗位状元”", "湖北省襄樊市第六届职工技能大赛日前闭幕。",
                                 date="2008-09-18")) == [("420600", "湖北省", "襄樊市", None)]
    assert settings(tagger, make("襄阳职工技能大赛开幕", "湖北省襄阳市第九届职工技能大赛日前开幕。",
                                 date="2015-09-18")) == [("420600", "湖北省", "襄阳市", None)]
    # in 2005 襄阳 was a district of 襄樊 (襄阳区), and 思茅 the prefecture that became 普洱 in 2007
    assert settings(tagger, make("襄阳区农民工夜校开课", "湖北襄樊市襄阳区总工会开办农民工夜校。", date="2005-03-01")) == [
        ("420607", "湖北省", "襄樊市", "襄阳区")]
    assert settings(tagger, make("思茅市总工会“送温暖”到茶山", "思茅市总工会组织慰问组深入茶区。", date="2005-06-14")) == [
        ("530800", "云南省", "思茅市", None)]
    assert settings(tagger, make("普洱茶企建起工会", "云南省普洱市今年在茶叶加工企业中新建工会46家。", date="2008-09-18")) == [
        ("530800", "云南省", "普洱市", None)]


def test_county_to_city_upgrades_need_the_year(tagger: RegionTagger) -> None:
    assert codes(tagger.tag(make("迁安县钢铁工人多炼钢", "迁安县的钢铁工人开展劳动竞赛。", date="1990-10-01"))[0]) == ["130226"]
    assert codes(tagger.tag(make("迁安市钢铁工人技能比武", "迁安市总工会举办技能比武。", date="2000-10-01"))[0]) == ["130283"]
    assert settings(tagger, make("无为市电缆企业建起“职工书屋”", "近日,无为市总工会为12家电缆企业配送图书。",
                                 date="2021-06-09")) == [("340281", "安徽省", "芜湖市", "无为市")]
    # the city's name is not read before it existed
    assert tagger.tag(make("无为市电缆企业建起“职工书屋”", "近日,无为市总工会为12家电缆企业配送图书。",
                           date="2015-06-09"))[0] == ()


def test_a_prefecture_that_became_a_district(tagger: RegionTagger) -> None:
    assert settings(tagger, make("莱芜钢铁职工技能比武", "山东莱芜市总工会举办钢铁行业职工技能比武。", date="2005-06-14")) == [
        ("371200", "山东省", "莱芜市", None)]
    assert settings(tagger, make("钢铁工人“五一”坚守一线", "“五一”前夕,济南市莱芜区总工会走进钢铁企业慰问职工。",
                                 date="2021-04-27")) == [("370116", "山东省", "济南市", "莱芜区")]


# -- same-named districts and the nearest named parent --------------------------------------------

def test_district_resolved_by_the_dateline_city(tagger: RegionTagger) -> None:
    item = make("城关区为环卫工人建起“暖心驿站”", "城关区总工会日前在辖区主要街道建成20座环卫工人“暖心驿站”。",
                date="2016-03-15", dateline="兰州")
    assert settings(tagger, item) == [("620102", "甘肃省", "兰州市", "城关区")]
    item = make("城关区建成20家职工之家", "城关区总工会今年建成20家职工之家。", date="2016-03-15", dateline="拉萨")
    assert codes(tagger.tag(item)[0]) == ["540102"]


def test_a_municipality_is_as_near_a_parent_as_a_prefecture(tagger: RegionTagger) -> None:
    # 天津市 is the parent of 天津's 和平区 as 沈阳市 is of 沈阳's: the city named nearest decides, not the level
    item = make("和平区楼宇工会覆盖万名白领", "记者近日从天津市总工会获悉,和平区在商务楼宇中推行“楼宇工会”建会模式。"
                "此前,沈阳市总工会曾组织人员前来考察。", date="2016-03-15")
    regions, _, ambiguities = tagger.tag(item)
    assert codes(regions) == ["120101"]
    assert ambiguities == ()


def test_one_name_is_one_place_in_an_item(tagger: RegionTagger) -> None:
    # 新华区 (石家庄, 沧州, 平顶山) in the headline is the 沧州市新华区 the body names
    item = make("新华区开办职工子女暑期托管班", "河北省沧州市新华区总工会近日开办暑期托管班,石家庄市总工会派员观摩。",
                date="2022-07-06")
    regions, _, ambiguities = tagger.tag(item)
    assert "130902" in codes(regions) and "130105" not in codes(regions)
    assert not any(a.text == "新华区" for a in ambiguities)


def test_a_district_beside_its_city_without_a_chain(tagger: RegionTagger) -> None:
    # 张家口, 石家庄 and (until 2020) 邢台 each have a 桥西区
    item = make("桥西区工会开设“职工夜校”", "张家口市总工会近日在桥西区开设“职工夜校”,首批开设书法、摄影等6门课程。",
                date="2016-03-15")
    assert settings(tagger, item) == [("130703", "河北省", "张家口市", "桥西区")]


def test_equal_support_for_two_districts_keeps_only_the_province(tagger: RegionTagger) -> None:
    item = make("鼓楼区开展送清凉活动", "江苏省总工会有关负责人出席。", date="2023-07-01")
    regions, _, ambiguities = tagger.tag(item)
    assert codes(regions) == ["320000"]
    assert ambiguities and ambiguities[0].resolved_to == "320000"


# -- county-level cities, 兵团 cities, SARs, cities without counties ------------------------------------

def test_county_level_city_short_form_licensed_by_its_province(tagger: RegionTagger) -> None:
    item = make("外来务工人员乐享“15分钟服务圈”", "江苏省总工会推广“15分钟服务圈”。在昆山,外来务工人员下班后步行15分钟就能找到"
                "工会驿站。", date="2019-08-06")
    regions, mentioned, _ = tagger.tag(item)
    assert ("320583", "苏州市") in [(t.region.code, t.region.prefecture) for t in (*regions, *mentioned)]


def test_county_level_city_heading_the_headline(tagger: RegionTagger) -> None:
    item = make("昆山：台资企业职工乐享“工会驿站”", "盛夏时节,在昆山一家台资电子企业的厂区门口,新建的“工会驿站”里凉风习习。",
                date="2019-08-06")
    assert settings(tagger, item) == [("320583", "江苏省", "苏州市", "昆山市")]
    item = make("迁安钢铁工人练就“火眼金睛”", "走进河北迁安一家钢铁企业的炼钢车间,炉前工王建军只看一眼钢水就知道温度。",
                date="2019-08-06")
    assert settings(tagger, item) == [("130283", "河北省", "唐山市", "迁安市")]


def test_short_forms_alone_stay_words(tagger: RegionTagger) -> None:
    # nothing around them: 东方 (海南 东方市) and 江山 (浙江 江山市) are words here, and a district's short
    # form stays a word even beside its city (杭州 … 西湖 is the lake)
    item = make("守护东方明珠的“蜘蛛人”", "他们像守护江山一样守护着这座城市的地标。", date="2020-01-01")
    assert tagger.tag(item)[:2] == ((), ())
    item = make("杭州环卫工人的一天", "清晨5点,杭州市的环卫工人已在西湖边开始清扫。", date="2020-01-01")
    regions, mentioned, _ = tagger.tag(item)
    assert "330106" not in codes(regions) + codes(mentioned)


def test_bingtuan_cities_and_sars_have_no_prefecture(tagger: RegionTagger) -> None:
    item = make("石河子：兵团职工技能竞赛落幕", "新疆生产建设兵团第八师石河子市第五届职工技能竞赛日前落幕。", date="2022-10-12")
    assert settings(tagger, item) == [("659001", "新疆维吾尔自治区", None, "石河子市")]
    item = make("香港工联会为基层劳工送“防疫包”", "香港工会联合会日前向基层劳工派发防疫包1万份。", date="2022-10-12")
    assert settings(tagger, item) == [("810000", "香港特别行政区", None, None)]
    item = make("澳门工联举办职业技能培训班", "澳门工会联合总会近日开办职业技能培训班。", date="2022-10-12")
    assert settings(tagger, item) == [("820000", "澳门特别行政区", None, None)]


def test_county_level_cities_under_a_province(tagger: RegionTagger) -> None:
    item = make("潜江小龙虾加工企业举办技能比武", "湖北潜江市总工会联合市人社局举办小龙虾加工职工技能比武。", date="2023-07-18")
    assert settings(tagger, item) == [("429005", "湖北省", None, "潜江市")]
    item = make("济源推进产业工人队伍建设改革", "今年以来,河南济源在重点企业推进产业工人队伍建设改革。", date="2023-07-18")
    assert settings(tagger, item) == [("419001", "河南省", None, "济源市")]


def test_cities_without_counties(tagger: RegionTagger) -> None:
    item = make("东莞：“新莞人”有了家门口的维权站", "7月中旬,东莞市长安镇职工法律服务站揭牌。", date="2023-07-18")
    assert settings(tagger, item) == [("441900", "广东省", "东莞市", None)]
    item = make("灯饰企业为一线职工送清凉", "连日来,广东中山古镇镇的灯饰企业工会为一线职工送去防暑药品。", date="2023-07-18")
    assert settings(tagger, item) == [("442000", "广东省", "中山市", None)]
    # 儋州: a county-level city under 海南 until 2014, a prefecture-level city since
    body = "海南儋州市总工会结对帮扶3个村,引进特色种植项目。"
    assert settings(tagger, make("工会帮扶助力乡村振兴", body, date="2010-11-20")) == [("469003", "海南省", None, "儋州市")]
    assert settings(tagger, make("工会帮扶助力乡村振兴", body, date="2019-11-20")) == [("460400", "海南省", "儋州市", None)]


# -- where the place is written ----------------------------------------------------------------------

def test_a_readers_signature_line_is_where_the_letter_comes_from(tagger: RegionTagger) -> None:
    item = make("加班费为何迟迟不到账", "我在一家物流公司做分拣员,公司承诺的加班费至今没有发放。", date="2020-05-20",
                byline_raw="河南郑州 读者 李明", kind="commentary")
    assert settings(tagger, item) == [("410100", "河南省", "郑州市", None)]
    staff = make("加班费为何迟迟不到账", "我在一家物流公司做分拣员。", date="2020-05-20", byline_raw="本报记者 李明")
    assert tagger.tag(staff)[0] == ()


def test_after_an_editors_note_the_story_opens_the_next_paragraph(tagger: RegionTagger) -> None:
    item = make("一名快递员的“入会”经历", "编者按：新就业形态劳动者入会是近年来工会工作的重点之一。本期刊发一名快递员的来稿。",
                "我是一名快递员,在成都送快递已经有5年了。以前总觉得工会离我们很远。", date="2022-11-09")
    assert settings(tagger, item) == [("510100", "四川省", "成都市", None)]


def test_a_company_named_after_its_place(tagger: RegionTagger) -> None:
    # the branch's place is the setting when nothing else is named (2021: 莱芜 is a district of 济南)
    item = make("一名焊工的“绝活”", "在山钢集团莱芜分公司的焊接车间,焊工刘明正在焊接关键部件。", date="2021-04-27")
    assert settings(tagger, item) == [("370116", "山东省", "济南市", "莱芜区")]
    item = make("港口装卸忙", "5月18日,在山东港口日照港石臼港区,工人们正在装卸进口铁矿石。", date="2020-05-20", kind="photo")
    assert settings(tagger, item) == [("371100", "山东省", "日照市", None)]
    item = make("天山脚下的“电力尖兵”", "凌晨4点,新疆伊犁河谷还笼罩在夜色中,国网伊犁供电公司输电运检班已经出发了。",
                date="2022-03-15")
    assert [s[2] for s in settings(tagger, item)] == ["伊犁哈萨克自治州"]


def test_venues_examples_and_honours(tagger: RegionTagger) -> None:
    # a nationwide meeting's venue is its place; a province's own meeting in its capital stays province-wide
    national = make("让一线职工成为疗休养主体", "10月15日,全国工会职工疗休养工作推进会在浙江杭州召开。", date="2023-10-17")
    assert codes(tagger.tag(national)[0]) == ["330100"]
    provincial = make("江苏表彰2023年五一劳动奖和工人先锋号", "4月27日,江苏省劳模工匠表彰大会在南京举行。", date="2023-04-28")
    assert codes(tagger.tag(provincial)[0]) == ["320000"]
    # 南京、无锡等地 are examples of a province-wide tour
    tour = make("劳模工匠进校园", "江苏省总工会组织20名劳模工匠走进南京、无锡等地的8所职业院校。", date="2023-04-28")
    assert codes(tagger.tag(tour)[0]) == ["320000"]
    # a national honour does not make a local story national
    honour = make("“95后”女焊工的逐梦路", "4月28日,在乌鲁木齐一处在建的体育馆工地上,25岁的章丽萍正在焊接钢结构。",
                  date="2021-04-30")
    honour = Item(**{**honour.__dict__, "subtitle": "她今年获得全国五一劳动奖章"})
    assert codes(tagger.tag(honour)[0]) == ["650100"]


def test_each_numbered_caption_of_a_photo_group_sets_its_scene(tagger: RegionTagger) -> None:
    item = make("秋收时节（组图）", "秋分将至,各地农民抢抓农时收获秋粮。", "①9月18日,在黑龙江省富锦市的稻田里,农机手收获水稻。",
                "②9月19日,在安徽省无为县的田间,农民晾晒新收的稻谷。", date="2017-09-20", kind="photo")
    assert sorted(settings(tagger, item)) == [("230882", "黑龙江省", "佳木斯市", "富锦市"),
                                              ("340225", "安徽省", "芜湖市", "无为县")]


# -- issue 18, batch 3 (first-run misses on unseen pages) ------------------------------------------

def test_data_has_shouxian_under_luan_then_huainan(rows: dict[str, list[dict[str, str]]]) -> None:
    # 寿县 moved from 六安 to 淮南 in 2015
    assert ("341521", "341500", 1999, 2014) in spans(rows, "寿县")
    assert ("340422", "340400", 2015, 2024) in spans(rows, "寿县")


def test_a_photo_group_whose_first_caption_has_a_place_keeps_every_caption(tagger: RegionTagger) -> None:
    # captions printed 图①：… (or ①　…): the first caption's place is one scene among the others
    item = make("冬日里的劳动者（组图）", "图①：11月20日凌晨，在黑龙江哈尔滨，环卫工人在清扫道路积雪。",
                "图②：11月21日，在内蒙古呼和浩特，电力工人在检修线路。", "图③：11月21日，在吉林长春，快递员在分拣包裹。",
                date="2019-11-22", kind="photo")
    assert sorted(s[2] for s in settings(tagger, item)) == ["呼和浩特市", "哈尔滨市", "长春市"]
    # an article with numbered points keeps its opening's setting
    article = make("工会推出三项举措", "近日，江苏省总工会推出三项举措。", "①在南京建设职工驿站。", "②在无锡开展技能培训。",
                   date="2019-11-22")
    assert codes(tagger.tag(article)[0]) == ["320000"]


def test_a_two_character_county_naming_its_own_union(tagger: RegionTagger) -> None:
    # 寿县 alone reads as a word elsewhere (two characters), but 寿县总工会 is the county's union
    body = "9月10日，寿县总工会在县城建成10个环卫工人“爱心驿站”。"
    assert settings(tagger, make("寿县总工会为环卫工人建起“爱心驿站”", body, date="2018-09-12")) == [
        ("340422", "安徽省", "淮南市", "寿县")]
    assert settings(tagger, make("县总工会为环卫工人建起“爱心驿站”", body, date="2012-09-12")) == [
        ("341521", "安徽省", "六安市", "寿县")]
    # "…总工会和县总工会": 和 is "and", not 和县
    joint = make("两级工会联合开展送清凉", "7月10日，市总工会和县总工会联合开展送清凉活动。", date="2018-07-12")
    assert tagger.tag(joint)[0] == ()


def test_a_bracketed_or_dashed_signature_gives_the_letters_place(tagger: RegionTagger) -> None:
    letter = make("小区充电桩何时能装上", "最近，不少骑手反映，小区没有电动车充电桩。", date="2025-03-12",
                  byline_raw="（广东深圳　外卖骑手　陈建伟）", kind="commentary")
    assert settings(tagger, letter) == [("440300", "广东省", "深圳市", None)]
    dashed = make("职工食堂的饭菜变香了", "去年厂工会成立了职工伙食委员会。", date="2025-03-12",
                  byline_raw="——江西南昌某电子厂职工　胡小红", kind="commentary")
    assert settings(tagger, dashed) == [("360100", "江西省", "南昌市", None)]
    # a unit and an expert's name in brackets is an affiliation, not where the story is
    expert = make("加班费该怎么算", "休息日安排劳动者工作又不能安排补休的，应支付加班费。", date="2020-06-30",
                  byline_raw="（北京市劳动法学会 李  林）", kind="commentary")
    assert tagger.tag(expert)[0] == ()


def test_a_provincial_body_filed_from_the_capital_is_province_wide(tagger: RegionTagger) -> None:
    item = make("快递小哥有了“暖心驿站”", "记者从辽宁省总工会获悉：截至目前，全省已建成户外劳动者服务站点3100余个。",
                date="2025-03-12", dateline="沈阳")
    assert settings(tagger, item) == [("210000", "辽宁省", None, None)]
    # the capital's own union keeps the capital
    city = make("职工驿站开进商圈", "记者从沈阳市总工会获悉：全市已建成职工驿站300个。", date="2025-03-12", dateline="沈阳")
    assert codes(tagger.tag(city)[0]) == ["210100"]


def test_a_list_of_honoured_people_and_units_is_set_where_all_the_units_are(tagger: RegionTagger) -> None:
    honours = make("第三批“江淮工匠”名单（部分）", "于海涛\u3000国网安徽省电力有限公司合肥供电公司带电作业班班长。",
                   "王晓燕\u3000安徽江淮汽车集团股份有限公司焊装车间技师。", "卢  强\u3000马鞍山钢铁股份有限公司炼铁总厂高炉工长。",
                   date="2023-12-08")
    assert settings(tagger, honours) == [("340000", "安徽省", None, None)]
    # all in one city: that city
    one_city = make("“合肥工匠”名单", "于海涛\u3000国网合肥供电公司带电作业班班长。", "王晓燕\u3000合肥江淮汽车焊装车间技师。",
                    date="2023-12-08")
    assert codes(tagger.tag(one_city)[0]) == ["340100"]


def test_data_zones_point_to_current_divisions(rows: dict[str, list[dict[str, str]]]) -> None:
    text = resources.files("archive_gen.tagging").joinpath("data", "zones.tsv").read_text(encoding="utf-8")
    zones = list(csv.DictReader([line for line in text.splitlines() if not line.startswith("#")], delimiter="\t"))
    assert zones
    current = {r["code"]: r["name"] for rs in rows.values() for r in rs if r["last"] == "2024"}
    for zone in zones:
        assert zone["code"] in current, zone
    assert {z["name"]: current[z["code"]] for z in zones if z["name"] in ("横琴", "雄安新区", "金普新区")} == {
        "横琴": "香洲区", "雄安新区": "保定市", "金普新区": "大连市"}


def test_new_areas_and_cooperation_zones_are_places(tagger: RegionTagger) -> None:
    # not divisions, but named as places: the division holding them is the setting
    item = make("横琴粤澳深度合作区职工服务中心揭牌", "5月6日，横琴粤澳深度合作区职工服务中心揭牌。", date="2023-05-09")
    assert settings(tagger, item) == [("440402", "广东省", "珠海市", "香洲区")]
    xiongan = make("雄安新区建设者有了“职工之家”", "近日，雄安新区总工会在建设工地建成职工之家。", date="2022-05-09")
    assert codes(tagger.tag(xiongan)[0]) == ["130600"]
    # a configured alias of the same name wins over the packaged one
    own = Gazetteer.load({"横琴": "440400"})
    assert {f.division.code for f in own.forms_in("横琴", 2023)} == {"440400"}


# -- fourth round (issue 18): the year a change takes effect, and the body acting in the opening ---------------

def test_data_has_wendeng_a_city_until_2013_then_a_district(rows: dict[str, list[dict[str, str]]]) -> None:
    assert [(r["code"], r["last"]) for r in rows["文登市"] if r["code"] == "371081"] == [("371081", "2013")]
    assert [(r["code"], r["first"]) for r in rows["文登区"]] == [("371003", "2014")]


def test_a_full_name_printed_in_the_year_it_was_replaced_is_the_old_division(tagger: RegionTagger) -> None:
    # the data has years only: 文登区 from 2014, but a page of March 2014 printing 文登市 means the county-level
    # city (the change may come later in the year); so does the short form in its headline
    item = make("文登：渔港边的职工服务站", "本报讯 山东省文登市总工会近日在石岛渔港建成职工服务站。", date="2014-03-20")
    assert settings(tagger, item) == [("371081", "山东省", "威海市", "文登市")]
    # a year later the same full name is no longer in force; the district's name is
    later = make("文登区工会服务站开放", "本报讯 威海市文登区总工会近日建成职工服务站。", date="2015-03-20")
    assert settings(tagger, later) == [("371003", "山东省", "威海市", "文登区")]
    # the short form alone, with no full name printed, is the division of the page's year
    alone = make("文登：渔港边的职工服务站", "本报讯 近日，当地总工会在渔港建成职工服务站。", date="2014-03-20")
    assert [c for c, *_ in settings(tagger, alone)] == ["371003"]


def test_a_headline_city_is_refined_by_the_district_body_acting_in_the_opening(tagger: RegionTagger) -> None:
    item = make("盐城：环卫工人有了爱心早餐", "本报讯 近日，江苏省盐城市亭湖区总工会联合爱心商户为环卫工人免费提供早餐。",
                date="2021-11-02")
    assert settings(tagger, item) == [("320902", "江苏省", "盐城市", "亭湖区")]
    # a city's own body going somewhere inside the city keeps the city (the district is where it went)
    visit = make("盐城市总工会慰问一线职工", "本报讯 11月1日，盐城市总工会负责人来到亭湖区一家纺织企业慰问一线职工。",
                 date="2021-11-02")
    assert [c for c, *_ in settings(tagger, visit)] == ["320900"]
    # the acting body is the first one the opening names: a district union it helps is not it
    helped = make("盐城：蹲点干部助力园区建站", "本报讯 盐城市总工会干部在亭湖区蹲点期间，帮助亭湖区总工会建成3个职工服务站。",
                  date="2021-11-02")
    assert [c for c, *_ in settings(tagger, helped)] == ["320900"]


def test_examples_closed_by_a_counted_group_are_not_settings(tagger: RegionTagger) -> None:
    # 甘肃、青海、宁夏等8个省区 is where the drivers come from, counted: the depot's city is the setting
    depot = make("物流园里的“司机之家”", "山东临沂市总工会在一处物流园建起司机之家,来往货车司机来自甘肃、青海、宁夏等8个省区。",
                 date="2022-06-01")
    assert codes(tagger.tag(depot)[0]) == ["371300"]
    # and in words (等十几个城市)
    fair = make("招聘会上的外地面孔", "江西九江市总工会举办招聘会,求职者来自武汉、长沙、合肥等十几个城市。", date="2021-03-02")
    assert codes(tagger.tag(fair)[0]) == ["360400"]


# -- sixth round (tests/heldout_tagging4) ---------------------------------------------------------------------

def test_a_place_written_before_ji_is_an_origin(tagger: RegionTagger) -> None:
    # 四川籍 says where the welders come from; the story is in 宁波
    story = make(None, "12名四川籍焊工日前在宁波一家船厂领到了技能等级证书。", date="2019-07-10")
    assert [s[1] for s in settings(tagger, story)] == ["浙江省"]


def test_examples_closed_by_a_counted_kind_of_division_are_not_settings(tagger: RegionTagger) -> None:
    # 锡林郭勒、呼伦贝尔等盟市: examples of where the herders come from; 包头 is where they go to work
    story = make(None, "内蒙古自治区总工会日前组织锡林郭勒、呼伦贝尔等盟市的200名牧民到包头企业务工。", date="2021-04-02")
    found = {(s[1], s[2]) for s in settings(tagger, story)}
    assert ("内蒙古自治区", "锡林郭勒盟") not in found and ("内蒙古自治区", "呼伦贝尔市") not in found


def test_a_headline_counting_its_parties_keeps_every_party_of_the_opening(tagger: RegionTagger) -> None:
    story = make("江苏工会与西北两省区结对协作",
                 "5月8日，江苏省总工会与甘肃省定西市、宁夏回族自治区固原市总工会在南京签订劳务协作协议。", date="2019-05-10")
    found = {(s[1], s[2]) for s in settings(tagger, story)}
    assert {p for p, _ in found} == {"江苏省", "甘肃省", "宁夏回族自治区"}
    assert ("甘肃省", "定西市") in found and ("江苏省", "南京市") not in found  # 南京 is where they signed


def test_a_quoted_opening_leaves_the_scene_to_the_next_sentence(tagger: RegionTagger) -> None:
    story = make("“有事找工会”",
                 "“孩子的学费总算有着落了。”10月9日，环卫工人李大姐领到了助学金。在湖南岳阳市岳阳楼区，"
                 "区总工会今年为86名环卫工人的子女发放助学金。", date="2020-10-12")
    assert ("湖南省", "岳阳市") in {(s[1], s[2]) for s in settings(tagger, story)}


# -- seventh round (tests/heldout_tagging5) --------------------------------------------------------------------------


def test_a_datelines_ambiguous_short_name_is_its_highest_level_division(tagger: RegionTagger) -> None:
    # 本报朝阳…电 with no other place: 朝阳市 (辽宁), not 北京's or 长春's 朝阳区 nor 朝阳县
    story = make("矿山工会办起夜间食堂", "矿工会为夜班矿工办起了夜间食堂。", date="2015-03-02", dateline="朝阳")
    assert [(s[1], s[2]) for s in settings(tagger, story)] == [("辽宁省", "朝阳市")]
    # two districts of one level (北京's and 南通's 通州区): nothing to prefer, no setting is made up
    shared = make("物流园工会建起职工书屋", "物流园工会建起了职工书屋。", date="2019-03-02", dateline="通州")
    assert settings(tagger, shared) == []


def test_a_zone_named_after_its_city_in_one_token_names_the_city(tagger: RegionTagger) -> None:
    # 武汉经济技术开发区 and 大连经济技术开发区 are single tokens of the segmenter
    story = make("园区企业集中建会", "湖北武汉经济技术开发区的46家汽车配件企业日前集中成立工会。", date="2018-06-12")
    assert ("湖北省", "武汉市") in {(s[1], s[2]) for s in settings(tagger, story)}
    other = make("一家外企的职代会", "辽宁大连经济技术开发区一家日资企业召开第一届职代会。", date="2016-04-20")
    assert ("辽宁省", "大连市") in {(s[1], s[2]) for s in settings(tagger, other)}


def test_a_list_continuing_an_origin_is_origins_whatever_closes_it(tagger: RegionTagger) -> None:
    # 来自江西、安徽和本地的求职者: 安徽 continues the origin list closed by 和本地, not by 等
    story = make("招聘会上的外地求职者",
                 "3月5日，在浙江义乌举行的招聘会上，来自江西、安徽和本地的600多名求职者与企业达成意向。", date="2019-03-06")
    assert {s[1] for s in settings(tagger, story)} == {"浙江省"}


# -- eighth round (tests/heldout_tagging6) ---------------------------------------------------------------------------


def test_a_trip_end_whose_own_body_acts_is_a_setting(tagger: RegionTagger) -> None:
    # both ends of a labour trip: 从甘肃天水出发 is an origin, but 天水市总工会 runs the buses
    story = make("务工专列开进了昆山",
                 "3月2日，一趟务工专列从甘肃天水出发，载着400名务工人员开往江苏昆山。",
                 "这趟专列由天水市总工会和昆山市总工会共同联系开行，车票由两地工会承担。", date="2019-03-03")
    assert {(s[1], s[2]) for s in settings(tagger, story)} == {("甘肃省", "天水市"), ("江苏省", "苏州市")}
    # the destination named in the opening after 前往, whose county union acts later: a setting too
    export = make("定西：300名村民外出务工",
                  "2月20日，甘肃定西市安定区的300名村民乘大巴前往浙江慈溪务工。",
                  "慈溪市总工会为他们安排了住宿，并在企业设立了老乡服务站。", date="2021-02-21")
    assert ("浙江省", "宁波市") in {(s[1], s[2]) for s in settings(tagger, export)}
    # an origin whose own body does not act stays an origin
    plain = make("昆山：外地务工人员返岗",
                 "2月25日，一批从甘肃天水来的务工人员回到江苏昆山的企业，昆山市总工会为他们送上了防疫包。",
                 date="2021-02-26")
    assert {(s[1], s[2]) for s in settings(tagger, plain)} == {("江苏省", "苏州市")}
