"""Thirty-second round (tests/heldout_tagging29, an ordinary day by a new hand): an enterprise named only by its short
form (鞍钢, 同煤, 宝武: the packaged table of enterprise short forms, gazetteer ENTERPRISES_FILE) is the company of its
seat, read by the page's year, and the setting only when the item names no place of its own; a report from several
places that names them up front (记者在河南、安徽、四川三省采访) is set in each place a paragraph opens on (在河南省固始县，…);
protection said of women workers (女职工劳动保护, 女职工“四期”保护) is 女职工, not work safety. Checked on small invented
items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.gazetteer import Gazetteer
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, date: str = "2019-05-15",
               subtitle: str | None = None, lead: str | None = "本报讯（通讯员 张明）") -> list[tuple[str, str, str]]:
    """(province, prefecture, county) of each region an article is tagged with, sorted."""
    found = region_tags(tagger, title, *paragraphs, date=date, lead=lead, subtitle=subtitle)
    return sorted((t.region.province or "", t.region.prefecture or "", t.region.county or "") for t in found)


# -- an enterprise's short form is the company of its seat ------------------------------------------------------------


def test_a_group_named_only_by_its_short_form_is_set_at_its_seat(regions: RegionTagger) -> None:
    # before: no place word, no region
    got = regions_of(regions, "马钢炼铁总厂百名职工同台比武",
                     "5月12日，马钢炼铁总厂第六届职工技能运动会开幕，来自各作业区的100多名职工参加高炉操作等5个项目的比赛。")
    assert got == [("安徽省", "马鞍山市", "")]


def test_the_seat_is_read_by_the_pages_year(regions: RegionTagger) -> None:
    # 莱钢's seat: 莱芜市 to 2017, 济南's 莱芜区 since; 攀钢's city was 渡口市 to 1986
    title, opening = "莱钢职工读书月启动", "4月23日，莱钢第十届职工读书月启动，各厂矿职工书屋新添图书1.2万册。"
    assert regions_of(regions, title, opening, date="2012-04-25") == [("山东省", "莱芜市", "")]
    assert regions_of(regions, title, opening, date="2021-04-25") == [("山东省", "济南市", "莱芜区")]
    assert regions_of(regions, "攀钢轧钢厂开展安全月活动", "6月1日起，攀钢轧钢厂开展安全生产月活动。",
                      date="1985-06-05") == [("四川省", "渡口市", "")]


def test_a_short_form_beside_the_items_own_place_stays_the_companys_home(regions: RegionTagger) -> None:
    # guard: the item is set where it says; the group's seat is a passing mention, as a company's home is
    got = regions_of(regions, "沈阳一家民营企业职工赴外地学技术",
                     "辽宁省沈阳市一家民营机械厂日前组织20名青年职工，到太钢的轧钢车间跟班学习一个月。")
    assert got == [("辽宁省", "沈阳市", "")]


def test_a_subsidiary_named_by_its_group_and_its_own_place_is_at_its_own_place(regions: RegionTagger) -> None:
    # guard: 攀钢集团西昌钢钒公司 is in 西昌, not at the group's seat
    got = regions_of(regions, "钢钒公司里的“金点子”", "走进攀钢集团西昌钢钒公司的轧钢车间，职工们正在讨论一条合理化建议。")
    assert got == [("四川省", "凉山彝族自治州", "西昌市")]


def test_an_enterprises_seat_decides_no_other_name(regions: RegionTagger) -> None:
    # guard: 本报大同…电 is filed from the city; 同煤 names the company, not a place inside which 大同 (县) would lie
    got = regions_of(regions, "井口的“三道关”", "每天早上，同煤集团一座矿井的井口都要进行酒精测试和安全知识抽问。",
                     date="2009-06-10", lead="本报大同6月8日电（记者 王建平）")
    assert got == [("山西省", "大同市", "")]


def test_enterprise_short_forms_are_no_names_of_their_seat() -> None:
    # guard: the short form is no name of the division (keywords and chips name places only) and no jieba word added
    gazetteer = Gazetteer.load()
    assert "包钢" not in gazetteer.names_of("150200")
    assert "包钢" not in {word for word, _freq, _tag in gazetteer.segmenter_words()}
    assert {f.kind for f in gazetteer.forms("包钢")} == {"enterprise"}


# -- a report from several places, paragraph by paragraph ---------------------------------------------------------------


def test_a_survey_of_three_provinces_is_set_where_each_paragraph_opens(regions: RegionTagger) -> None:
    # before: only the one paragraph whose county union acts (德清县总工会) gave a place
    got = regions_of(
        regions, "小微企业职工的“体检难”如何破解",
        "今年以来，各地工会为小微企业职工免费体检的做法多了起来。记者近日在江苏、浙江、安徽三省采访发现，覆盖面还不够宽。",
        "在江苏省太仓市，市总工会与两家医院签约，职工凭会员卡就能预约体检。",
        "浙江省德清县总工会则把体检车开进了工业园区，一天能检200多人。",
        "在安徽省宁国市，记者看到，一些小微企业的职工仍不知道可以免费体检。",
        subtitle="——苏浙皖三省小微企业职工体检调查", lead=None, date="2019-09-18")
    assert got == [("安徽省", "宣城市", "宁国市"), ("江苏省", "苏州市", "太仓市"), ("浙江省", "湖州市", "德清县")]


def test_a_many_places_report_naming_none_up_front_keeps_no_region(regions: RegionTagger) -> None:
    # guard: 多地 with no place named up front (记者在多地采访) is a national report; its paragraphs' places are examples
    got = regions_of(
        regions, "多地推出职工疗休养新举措",
        "今年以来，各地工会不断丰富职工疗休养的形式。记者近日在多地采访发现，疗休养正在从“福利”变成“服务”。",
        "在浙江省安吉县，县总工会把疗休养基地建在了茶园里。",
        "四川省都江堰市总工会则推出了“家庭疗休养”套餐。",
        lead=None, date="2023-08-09")
    assert got == []


def test_one_paragraph_opening_on_a_place_is_an_example(regions: RegionTagger) -> None:
    # guard: a counted headline whose one later paragraph opens on a place keeps the places it had
    got = regions_of(
        regions, "两地工会签订劳务协作协议",
        "陕西省榆林市总工会与宁夏回族自治区吴忠市总工会日前签订劳务协作协议。",
        "按照协议，两地每年联合举办4场招聘会。",
        "在甘肃省庆阳市，类似的协作已开展了3年。",
        date="2020-03-11")
    assert got == [("宁夏回族自治区", "吴忠市", ""), ("陕西省", "榆林市", "")]


# -- 女职工: protection said of women workers --------------------------------------------------------------------------


def test_protection_of_women_workers_is_the_women_workers_topic(topics: TopicTagger) -> None:
    # before: 劳动保护 alone (安全生产) decided; 女工 only says who
    got = labels(
        topics, "两家矿山企业9名女工调离井下岗位",
        "县总工会日前会同人社部门开展女职工劳动保护专项检查，发现两家矿山企业安排9名女工从事井下作业，已全部调到地面岗位。",
        "检查组还查看了女职工“四期”保护制度的落实情况。",
    )
    assert got[0] == "女职工", got


def test_work_protection_gear_stays_work_safety(topics: TopicTagger) -> None:
    # guard: 劳动保护 said of equipment, not of women workers, is still work safety
    got = labels(
        topics, "建筑工地为工人更新劳动保护用品",
        "区总工会日前为12个建筑工地的800多名工人发放安全帽、防护手套等劳动保护用品，并开展安全教育。",
    )
    assert got[0] == "安全生产", got
