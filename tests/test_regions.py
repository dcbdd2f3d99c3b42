"""Region tagging rules, one test per rule, on small inline items with the real gazetteer and jieba."""

from __future__ import annotations

import pytest

from archive_gen.model import Dateline, Item, RegionTag
from archive_gen.tagging.gazetteer import Gazetteer
from archive_gen.tagging.regions import RegionTagger, _one_code, _sentence_end
from archive_gen.tagging.segmented import segment_item
from archive_gen.tagging.segmenter import Segmenter


@pytest.fixture(scope="module")
def tagger() -> RegionTagger:
    gazetteer = Gazetteer.load()
    return RegionTagger(gazetteer, Segmenter(gazetteer.segmenter_words()))


def make(title: str | None = None, *paragraphs: str, date: str | None = "2023-05-01", kicker: str | None = None,
         dateline: str | None = None) -> Item:
    return Item(id="t", source="t.txt", index=0, kind="article", date=date, title=title, kicker=kicker,
                dateline=Dateline(dateline) if dateline else None, paragraphs=tuple(paragraphs))


def codes(tags: tuple[RegionTag, ...]) -> list[str]:
    return [t.region.code for t in tags]


# -- ambiguous names --------------------------------------------------------------------------------

def test_chaoyang_with_beijing_context_is_beijing(tagger: RegionTagger) -> None:
    regions, _, ambiguities = tagger.tag(make("朝阳区举办职工技能大赛", "北京市总工会有关负责人介绍,大赛共有300名职工参加。"))
    assert "110105" in codes(regions)
    assert ambiguities == ()


def test_chaoyang_with_changchun_context_is_changchun(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("朝阳区举办职工技能大赛", "长春市总工会有关负责人介绍,大赛共有300名职工参加。"))
    assert "220104" in codes(regions)
    assert "110105" not in codes(regions)


def test_chaoyang_without_context_is_recorded_as_ambiguity(tagger: RegionTagger) -> None:
    regions, mentioned, ambiguities = tagger.tag(make("朝阳区举办职工技能大赛", "大赛共有300名职工参加。"))
    assert regions == () and mentioned == ()
    assert len(ambiguities) == 1
    assert {"110105", "220104"} <= set(ambiguities[0].candidates)
    assert ambiguities[0].resolved_to is None
    assert ambiguities[0].field == "title"


def test_gulou_in_one_province_keeps_only_the_province(tagger: RegionTagger) -> None:
    # 南京 and 徐州 both have a 鼓楼区: with only 江苏 as context the province is all that is certain
    regions, _, ambiguities = tagger.tag(make("鼓楼区开展送清凉活动", "江苏省总工会有关负责人出席。"))
    assert codes(regions) == ["320000"]
    assert ambiguities[0].resolved_to == "320000"
    assert set(ambiguities[0].candidates) >= {"320106", "320302"}


def test_gulou_with_a_city_dateline_is_that_citys_district(tagger: RegionTagger) -> None:
    # 南京 and 徐州 (江苏), 福州, 开封 all have a 鼓楼区: the 南京 dateline names the city, so the district
    regions, _, ambiguities = tagger.tag(make("鼓楼区工会为复工企业送去防疫包", "今天,鼓楼区总工会走访辖区企业。",
                                              dateline="南京"))
    assert codes(regions) == ["320106"]
    assert (regions[0].region.prefecture, regions[0].region.county) == ("南京市", "鼓楼区")
    assert ambiguities == ()


def test_ambiguous_district_resolved_by_its_city_in_the_text(tagger: RegionTagger) -> None:
    # 铁西区 is in 沈阳, 鞍山 (辽宁) and 四平 (吉林); 沈阳 named in the opening decides; "的北方重工集团"
    # after it is not part of a company name
    regions, _, _ = tagger.tag(make("他用了18年", "9月的沈阳,秋意渐浓。在位于铁西区的北方重工集团装配车间里,他正带着徒弟调试设备。"))
    assert codes(regions) == ["210106"]


def test_generic_district_name_licensed_by_its_city(tagger: RegionTagger) -> None:
    title = "市中区推动非公企业工资集体协商全覆盖"
    body = "今天,市中区总工会组织38家非公企业开展行业工资集体协商。"
    # 济南, 枣庄, 内江 and 乐山 each have a 市中区: the 济南 dateline names the one meant
    regions, _, _ = tagger.tag(make(title, body, dateline="济南"))
    assert codes(regions) == ["370103"]
    # without a city it stays an ordinary word; with only 山东 (济南 and 枣庄) it is still not certain
    assert tagger.tag(make(title, body)) == ((), (), ())
    regions, _, _ = tagger.tag(make(title, "山东省" + body))
    assert codes(regions) == ["370000"]


def test_headline_sending_its_subject_somewhere_is_refined_by_the_opening(tagger: RegionTagger) -> None:
    # the headline names the prefecture's union going to a site; the opening says the site is in 宁南县
    regions, _, _ = tagger.tag(make("凉山州总工会“送清凉”进白鹤滩水电站工地",
                                    "7月12日,四川省凉山彝族自治州总工会慰问团来到白鹤滩水电站宁南县工区。"))
    assert codes(regions) == ["513427"]
    assert regions[0].region.prefecture == "凉山彝族自治州"


# -- false friends ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "双方签订合作协议,共建职工服务阵地。",
    "工会推出职工互助保障计划。",
    "他在东方餐馆当厨师。",
    "新华社记者在现场采访。",
    "青年职工树立远大理想。",
    "活动名为印象东方。",
    "工作开展得十分平和顺利。",
    "城区和郊区的职工都来参加。",
    "他在东方餐馆有限公司当厨师。",
    "远大理想科技公司与工会签订合作协议。",
    "新华社记者在互助保障集团采访。",
])
def test_false_friends_are_not_places(tagger: RegionTagger, text: str) -> None:
    regions, mentioned, ambiguities = tagger.tag(make("职工活动", text))
    assert (regions, mentioned, ambiguities) == ((), (), ())


# -- short forms ------------------------------------------------------------------------------------

def test_suffixed_short_form_of_autonomous_prefecture(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("海西州工会开展关爱货车司机活动", "活动持续一周。"))
    assert [t.region.prefecture for t in regions] == ["海西蒙古族藏族自治州"]
    assert regions[0].region.province == "青海省"


def test_county_short_form_after_its_prefecture(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("宁波镇海:全链式化解劳动争议", "调解中心一年受理案件300件。"))
    assert codes(regions) == ["330211"]
    assert regions[0].region.prefecture == "宁波市"


def test_county_short_form_alone_does_not_count(tagger: RegionTagger) -> None:
    regions, mentioned, _ = tagger.tag(make("鄞州成立服务联盟", "联盟有20家成员单位。"))
    assert regions == () and mentioned == ()


def test_county_short_form_counts_once_the_full_name_appeared(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("鄞州成立服务联盟", "近日,鄞州区总工会牵头成立服务联盟。"))
    assert codes(regions) == ["330212"]


def test_county_list_after_province(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("工会赴山西开展志愿服务", "6月4日,志愿服务活动在山西和顺、壶关开展。"))
    assert sorted(codes(regions)) == ["140427", "140723"]
    assert {t.region.prefecture for t in regions} == {"长治市", "晋中市"}


# -- levels -----------------------------------------------------------------------------------------

def test_municipal_district_has_no_prefecture(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("送教走进基层", "近日,项目走进北京市朝阳区东湖街道总工会。"))
    region = regions[0].region
    assert (region.province, region.prefecture, region.county) == ("北京市", None, "朝阳区")
    assert region.slug == "110105-chaoyang"


def test_county_level_city_directly_under_province_has_no_prefecture(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("技能竞赛", "近日,海南省东方市举办职工技能竞赛。"))
    region = regions[0].region
    assert (region.province, region.prefecture, region.county) == ("海南省", None, "东方市")


def test_missing_parent_levels_are_filled(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("送法进工地", "11月22日,宁国市公安局前往工地开展普法宣传。"))
    region = regions[0].region
    assert (region.province, region.prefecture, region.county) == ("安徽省", "宣城市", "宁国市")


def test_city_alone_implies_its_province(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("舟山市三方共建法律服务机制", "机制运行一年来成效明显。"))
    assert (regions[0].region.province, regions[0].region.prefecture) == ("浙江省", "舟山市")


# -- years ------------------------------------------------------------------------------------------

def test_abolished_district_found_in_its_own_years(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("当建筑工人", "日前,杭州市江干区总工会走进建筑工地。", date="2019-11"))
    assert codes(regions) == ["330104"]


def test_abolished_district_not_a_current_name(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("当建筑工人", "日前,杭州市江干区总工会走进建筑工地。", date="2023-05-01"))
    assert codes(regions) == ["330100"]


def test_abolished_district_resolvable_when_year_unknown(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("当建筑工人", "日前,杭州市江干区总工会走进建筑工地。", date=None))
    assert codes(regions) == ["330104"]


def test_explicit_year_overrides_item_date(tagger: RegionTagger) -> None:
    item = make("当建筑工人", "日前,杭州市江干区总工会走进建筑工地。", date="2023-05-01")
    regions, _, _ = tagger.tag(item, year=2019)
    assert codes(regions) == ["330104"]


# -- setting vs passing mention ---------------------------------------------------------------------

def test_national_story_gets_no_region(tagger: RegionTagger) -> None:
    regions, mentioned, _ = tagger.tag(make(
        "全总将大力推进新业态就业群体入会工作",
        "记者从5月12日在北京市召开的全总会议上获悉,今年将集中推动头部企业建会。"))
    assert regions == ()
    assert codes(mentioned) == ["110000"]


def test_national_body_filed_from_its_seat_gets_no_region(tagger: RegionTagger) -> None:
    # 本报北京…电 about 全总: 北京 is where the report was filed, a mentioned place
    regions, mentioned, _ = tagger.tag(make("全总拨付1.2亿元开展夏季“送清凉”活动",
                                            "记者今天从全国总工会获悉,全总近日下拨专项资金。", dateline="北京"))
    assert regions == ()
    assert codes(mentioned) == ["110000"]


def test_nationwide_meeting_keeps_its_dateline_venue(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("全国机械冶金建材系统产业工人队伍建设改革现场推进会召开", "会议总结了各地经验。",
                                    dateline="南京"))
    assert codes(regions) == ["320100"]


def test_national_story_keeps_the_place_in_its_title(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("全国工会社会联络工作会议在昆明召开", "5月13日,全国工会社会联络工作会议召开。"))
    assert codes(regions) == ["530100"]


def test_dateline_elsewhere_loses_to_the_title_place(tagger: RegionTagger) -> None:
    regions, mentioned, _ = tagger.tag(make("北江洪峰过境广东英德城区", "6月23日,洪峰过境,城区部分低洼地带受淹。",
                                            dateline="广州"))
    assert codes(regions) == ["441881"]
    assert codes(mentioned) == ["440100"]


def test_dateline_is_the_setting_when_nothing_contradicts_it(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("产业工人队伍建设改革现场推进会召开", "会议总结了各地经验。", dateline="南京"))
    assert codes(regions) == ["320100"]


def test_origin_is_a_passing_mention(tagger: RegionTagger) -> None:
    regions, mentioned, _ = tagger.tag(make("109级台阶的致敬", "63名来自福建省的工会干部来到江西井冈山,学党史。"))
    assert [t.region.county for t in regions] == ["井冈山市"]
    assert codes(mentioned) == ["350000"]


def test_company_home_gives_way_to_the_setting(tagger: RegionTagger) -> None:
    regions, mentioned, _ = tagger.tag(make("二次拜师", "近日,活动在山东能源集团的新疆维吾尔自治区乌鲁木齐市矿区启动。"))
    assert codes(regions) == ["650100"]
    assert codes(mentioned) == ["370000"]


def test_subject_organisation_in_title_beats_body_places(tagger: RegionTagger) -> None:
    regions, mentioned, _ = tagger.tag(make(
        "蹲点,只有起点", "2021年,福建省福州市总工会干部在福清市蹲点。", kicker="福州市总推动蹲点工作常态化——"))
    assert codes(regions) == ["350100"]
    assert codes(mentioned) == ["350181"]


def test_company_home_is_the_setting_when_nothing_else_is_named(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("助力职工技能水平节节高", "近日,华能海南发电股份有限公司电厂检修部开展技能竞赛。"))
    assert codes(regions) == ["460000"]


def test_city_in_a_company_name_is_the_setting_when_nothing_else_is(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("从女焊花到大国工匠", "焊枪轻点,弧光闪烁。易冉是中车株洲电力机车有限公司的焊工。"))
    assert codes(regions) == ["430200"]
    # a setting named up front wins; the company's home is then a passing mention
    regions, mentioned, _ = tagger.tag(make("从女焊花到大国工匠", "近日,湖北省武汉市举办焊工技能竞赛。",
                                            "中车株洲电力机车有限公司的焊工夺得第一名。"))
    assert codes(regions) == ["420100"] and codes(mentioned) == ["430200"]


def test_configured_alias_is_a_place() -> None:
    gazetteer = Gazetteer.load({"甬城": "330200"})
    tagger = RegionTagger(gazetteer, Segmenter(gazetteer.segmenter_words()))
    regions, _, _ = tagger.tag(make("甬城职工文化节开幕", "活动持续一个月。"))
    assert codes(regions) == ["330200"]


def test_garbled_text_does_not_crash(tagger: RegionTagger) -> None:
    regions, _, _ = tagger.tag(make("相隔14年的二次拜师", "活动在山东能源集团兖矿新疆维吾尔自治区乌鲁木齐市启动。"))
    assert "650100" in codes(regions)


def test_item_without_text_has_no_tags(tagger: RegionTagger) -> None:
    assert tagger.tag(make(None)) == ((), (), ())


# -- evidence and determinism -----------------------------------------------------------------------

def test_evidence_points_at_the_matched_text(tagger: RegionTagger) -> None:
    item = make("长沙:共建500个骑士驿站", "近日,湖南省长沙市总工会联合平台建设驿站。")
    regions, _, _ = tagger.tag(item)
    assert codes(regions) == ["430100"]
    texts = {"title": item.title, "paragraph:0": item.paragraphs[0]}
    assert regions[0].score > 0
    assert {e.field for e in regions[0].evidence} == {"title", "paragraph:0"}
    for evidence in regions[0].evidence:
        assert texts[evidence.field][evidence.offset:evidence.offset + len(evidence.text)] == evidence.text


def test_tagging_is_deterministic(tagger: RegionTagger) -> None:
    items = [make("中国教科文卫体工会赴山西开展志愿服务", "活动在山西和顺、壶关开展,来自北京市的教师参加。"),
             make("鼓楼区开展送清凉活动", "福州市鼓楼区总工会走进工地。", "南京市、徐州市的代表参加。"),
             make("市中区推动工资集体协商", "市中区总工会组织企业协商。", dateline="济南"),
             make("朝阳区举办职工技能大赛", "大赛共有300名职工参加。")]
    first = [tagger.tag(item) for item in items]
    # a tagger built separately (its own gazetteer and segmenter), fed the items in the opposite order
    gazetteer = Gazetteer.load()
    other = RegionTagger(gazetteer, Segmenter(gazetteer.segmenter_words()))
    assert [other.tag(item) for item in reversed(items)] == first[::-1]
    assert [tagger.tag(item) for item in items] == first
    assert all(regions or ambiguities for regions, _, ambiguities in first)  # each item tags something


def test_one_code_counts_divisions_not_rows(tagger: RegionTagger) -> None:
    # the fast path for a single candidate must agree with counting distinct codes (issue 12)
    rows = [d for d in tagger.gazetteer.divisions if d.code == "120110"]  # 东郊区 until 1991, then 东丽区
    other = next(d for d in tagger.gazetteer.divisions if d.code == "120111")
    assert len(rows) == 2 and _one_code(tuple(rows)) and _one_code(tuple(rows[:1]))
    assert not _one_code((rows[0], other))


def test_sentence_end_skips_marks_inside_quotations() -> None:
    # the scan jumps from mark to mark (issue 12): the same ends as reading every character
    assert _sentence_end("他说：“好。”然后走了。", 0) == 12  # 好。 is quoted
    assert _sentence_end("”。", 0) == 2  # a stray closing mark does not open a quotation
    assert _sentence_end("「『。』」？后", 0) == 6
    assert _sentence_end("a!b", 0) == 2 and _sentence_end("一。二。", 2) == 4
    assert _sentence_end("“没有结束", 0) == 5 and _sentence_end("", 0) == 0


def test_given_tokens_are_used_as_cut(tagger: RegionTagger) -> None:
    item = make("福清市开展送清凉活动", "福清一线职工收到清凉礼包。", date="2021-07-01")
    segmented = segment_item(item, tagger.segmenter)
    assert tagger.tag(item, segmented=segmented) == tagger.tag(item)
    # with tokens that cut through the name, 福清市 is no longer on token boundaries
    field = segmented.fields[0]
    split = type(field)(field.name, field.text, field.folded, (("福", 0, 1), ("清市开展", 1, 5), *field.tokens[2:]))
    assert codes(tagger.tag(item)[0]) == ["350181"]
    regions, _, _ = tagger.tag(item, segmented=type(segmented)((split, *segmented.fields[1:])))
    assert regions == ()  # and the body's 福清 is a short form with no full name to license it


def test_short_form_needs_the_full_name_in_the_same_item(tagger: RegionTagger) -> None:
    # the second pass (short forms licensed by a full name) runs only when a short form was turned away
    alone, _, _ = tagger.tag(make("福清一线职工收到清凉礼包", "活动持续一周。", date="2021-07-01"))
    licensed, _, _ = tagger.tag(make("福清一线职工收到清凉礼包", "福清市总工会开展送清凉活动。", date="2021-07-01"))
    assert "350181" not in codes(alone)
    assert codes(licensed) == ["350181"]
    assert {e.field for e in licensed[0].evidence} == {"title", "paragraph:0"}
