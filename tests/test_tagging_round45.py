"""Forty-seventh round (issue 18, the held-out sets under target): the places a reporter says they visited, listed in
the reading tip or the opening (记者近日在郑州、许昌等地物流园区走访, 记者走访了沂水、临朐、曹县三个县), are each a setting of
the report (docs/tagging.md rule 51). Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.regions import RegionTagger


def _prefectures(tagger: RegionTagger, title: str, *paragraphs: str, reading_tip: str | None = None,
                 subtitle: str | None = None, date: str = "2019-06-12") -> set[str]:
    item = Item(id="t", source="t.txt", index=0, kind="article", title=title, lead=None,  # type: ignore[arg-type]
                paragraphs=paragraphs, subtitle=subtitle, reading_tip=reading_tip, date=date)  # type: ignore[arg-type]
    found, _, _ = tagger.tag(item)
    return {t.region.prefecture for t in found if t.region.prefecture}


def test_a_visit_list_closed_by_dengdi_gives_each_place(regions: RegionTagger) -> None:
    # before: 新乡 (closing the list with 等地) was an example, only 洛阳 a setting
    found = _prefectures(regions, "冷链司机的夜班有多长", "在洛阳市一家冷链物流园，司机老赵凌晨三点就开始装车。",
                         "司机们说，最难的是装卸等待时间长，一等就是好几个小时。",
                         subtitle="——对河南冷链货车司机的调查",
                         reading_tip="记者近日在洛阳、新乡等地冷链物流园区走访发现，司机们普遍休息不足。")
    assert {"洛阳市", "新乡市"} <= found


def test_a_visit_list_after_the_verb_gives_each_county(regions: RegionTagger) -> None:
    # before: only the counties the paragraphs named with their city were settings
    found = _prefectures(regions, "乡镇的职工书屋，平时谁来看书？", "一个周六下午，郯城县一家职工书屋里坐满了人。",
                         "记者看到，金乡县的书屋办起了读书会，每月一期。",
                         "也有书屋用得不好。东明县一家书屋大门紧锁，门上只贴着牌子。",
                         subtitle="——山东三县职工书屋走访记",
                         reading_tip="今年春天，记者走访了郯城、金乡、东明三个县的15家职工书屋。")
    assert {"临沂市", "济宁市", "菏泽市"} <= found


def test_places_listed_without_the_reporter_stay_examples(regions: RegionTagger) -> None:
    # the guard: a list of places that adopted a practice, not visited by the reporter, stays an example
    found = _prefectures(regions, "冷链司机的夜班有多长", "在洛阳市一家冷链物流园，司机老赵凌晨三点就开始装车。",
                         subtitle="——对河南冷链货车司机的调查",
                         reading_tip="新乡、焦作等地也已推行司机错峰装卸的做法，效果明显。")
    assert "新乡市" not in found and "焦作市" not in found


def test_where_interviewed_people_come_from_is_no_visit(regions: RegionTagger) -> None:
    # the guard: the list after the verb is where the people come from (来自…), not where the reporter went
    found = _prefectures(regions, "冷链司机的夜班有多长", "在洛阳市一家冷链物流园，司机老赵凌晨三点就开始装车。",
                         subtitle="——对河南冷链货车司机的调查",
                         reading_tip="记者在洛阳采访了来自周口、商丘等地的十几名货车司机。")
    assert "周口市" not in found and "商丘市" not in found


def _provinces(tagger: RegionTagger, title: str, *paragraphs: str, date: str = "2020-09-16") -> set[str]:
    item = Item(id="t", source="t.txt", index=0, kind="article", title=title, lead="本报讯（记者 陈明）",  # type: ignore[arg-type]
                paragraphs=paragraphs, date=date)  # type: ignore[arg-type]
    found, _, _ = tagger.tag(item)
    return {t.region.province for t in found if t.region.province}


def test_an_investors_home_is_no_setting(regions: RegionTagger) -> None:
    # before: 广东 (the investors' home, in the opening) was a second setting beside 毕节
    found = _provinces(regions, "扶贫车间里的制鞋订单",
                       "在贵州省毕节市七星关区，一家由广东企业投资的制鞋扶贫车间里，150多名当地群众正在赶制订单。",
                       "车间负责人说，工人们大多是附近的留守妇女，月收入在2500元左右。")
    assert found == {"贵州省"}


def test_a_provinces_own_enterprises_stay_its_setting(regions: RegionTagger) -> None:
    # the guard: a place before 企业 with no investing verb after it is the enterprises' own place, the setting
    found = _provinces(regions, "非公企业工资集体协商全面推开",
                       "今年以来，浙江企业普遍开展工资集体协商，已建会企业签约率达到九成以上。")
    assert found == {"浙江省"}


def test_an_everyday_word_inside_a_phrase_before_a_count_is_the_verb(regions: RegionTagger) -> None:
    # before: 新建 (南昌's 新建区 since 2015) after 海口, a short form pass 1 turned away, was read as a place before a
    # count (新建20家) and licensed the body's 新建 too
    found = _provinces(regions, "海口新建20家职工书屋",
                       "今年以来，海南省海口市总工会在企业、园区新建职工书屋20家，为每家配送图书2000册。",
                       date="2017-11-08")
    assert found == {"海南省"}


def test_a_counted_place_opening_its_phrase_stays_a_place(regions: RegionTagger) -> None:
    # the guard: an everyday-word short form opening its phrase before a count (在大同一家煤矿; 大同 is also "great
    # harmony") is still the place counted in
    found = _provinces(regions, "煤矿工会为井下职工送夜宵",
                       "近日，在大同一家煤矿，工会干部把热腾腾的夜宵送到井下职工手中。", date="2017-11-08")
    assert found == {"山西省"}


def _towns_regions(tagger: RegionTagger, title: str, *paragraphs: str, paper: str | None = None,
                   date: str = "2019-04-16") -> list[tuple[str | None, str | None]]:
    item = Item(id="t", source="t.txt", index=0, kind="article", title=title, lead="本报讯（通讯员 沈明）",  # type: ignore[arg-type]
                paragraphs=paragraphs, date=date)  # type: ignore[arg-type]
    found, _, _ = tagger.tag(item, paper=paper) if paper else tagger.tag(item)
    return [(t.region.province, t.region.prefecture) for t in found]


def test_a_town_named_alone_gives_its_county(regions: RegionTagger) -> None:
    # before: 盛泽镇 (吴江区 of 苏州) is no division of the gazetteer, so a provincial paper's item had its province only
    assert _towns_regions(regions, "盛泽镇织造企业开展工资集体协商",
                          "4月12日，盛泽镇总工会组织镇内32家织造企业的职工代表与企业方开展工资集体协商。",
                          paper="江苏工人报") == [("江苏省", "苏州市")]


def test_a_town_two_provinces_have_is_read_in_the_papers_province(regions: RegionTagger) -> None:
    # before: the province only; 关山街道 is 武汉's (洪山区) and 西安's (阎良区): the paper's province decides
    assert _towns_regions(regions, "关山街道开展职工技能比武",
                          "近日，关山街道总工会举办辖区企业职工技能比武，120名职工参加。",
                          paper="湖北工人报", date="2021-03-11") == [("湖北省", "武汉市")]


def test_a_shared_town_name_with_nothing_to_decide_it_names_nothing(regions: RegionTagger) -> None:
    # the guard: with no province, a name two counties share is no certain county
    assert _towns_regions(regions, "关山街道开展职工技能比武",
                          "近日，关山街道总工会举办辖区企业职工技能比武，120名职工参加。", date="2021-03-11") == []


def test_a_town_under_a_place_the_item_names_changes_nothing(regions: RegionTagger) -> None:
    # the guard: an item already set at a prefecture keeps its setting (the town is only its detail)
    assert _towns_regions(regions, "宿迁一企业开展工资集体协商",
                          "4月12日，宿迁市宿城区一家织造企业与盛泽镇的客户签下订单后，工会开展了工资集体协商。",
                          paper="江苏工人报") == [("江苏省", "宿迁市")]


def test_a_shared_town_is_decided_by_the_shared_district_it_is_written_under(regions: RegionTagger) -> None:
    # before: nothing (龙华区 is 深圳's and 海口's, 观澜街道 深圳's and 蒙自's; the paper names no province); only 深圳's
    # 龙华区 holds a 观澜街道
    assert _towns_regions(regions, "观澜街道建起骑手服务站",
                          "9月23日，龙华区观澜街道总工会在辖区商圈建成的外卖骑手服务站投入使用。",
                          date="2024-09-26") == [("广东省", "深圳市")]


def test_a_shared_town_alone_stays_undecided(regions: RegionTagger) -> None:
    # the guard: the same town with no district, province or paper to decide it names nothing
    assert _towns_regions(regions, "观澜街道建起骑手服务站",
                          "9月23日，观澜街道总工会在辖区商圈建成的外卖骑手服务站投入使用。", date="2024-09-26") == []
