"""heldout_tagging50's round (issue 18, unseen pages: rules 81-90 checked on forms they were not written from, and
ordinary pages). General rules (docs/tagging.md rules 91-98), each checked on small invented items unlike the
held-out pages, with a guard:

91. an epidemic by the WHO's name in Chinese (严重急性呼吸综合征) or by a variant's name (奥密克戎, 德尔塔毒株) is a
    疫情防控与抗灾 term, as 非典 and 新冠 are (rules 67, 72, 81);
92. any way of ending a worker's job barred (不得裁员, 不得裁减人员, 不得解聘, 不得终止劳动合同) is the worker's right, as
    不得辞退 is (rule 88);
93. a heat reading inside any work room, shed, tank, kiln or pit (锅炉房里, 配电室内, 烘干间里) and after 将近/足有 is heat
    at work (rule 82 listed cabs and workshops); a home's room is not;
94. a rank with 以上 between a headline's count and the people (百名市级以上劳模) still says who (rule 83);
95. a closing one-sentence paragraph of services opened by 另悉, 另讯, 又讯 or 据悉 is an aside (rules 79, 86);
96. a headline's time frame said with 时期 (非典时期, 疫情防控关键时期) is a frame as …期间 is (rules 69, 87); an era
    (新时期) is none;
97. the provincial-level union papers whose name opens with no place (劳动午报, 劳动报, 南方工报) imply their province as a
    provincial paper does (rule 5 of the region rules, thirty-third round);
98. workers' technical-innovation results (技术创新成果, which the segmenter cuts 技术创新/成果) are 劳模工匠与技能, not
    the reform's (技术创新 is a 产改 word)."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger, _during_spans
from tagging_probe import labels, region_tags

# rule 91: an epidemic by the WHO's name or a variant's name


def test_sars_by_the_who_name_is_the_epidemic(topics: TopicTagger) -> None:
    # before: the name was cut into words no topic held; 培训 took the primary
    got = labels(topics, "县总工会为一线职工举办严重急性呼吸综合征防护培训",
                 "县总工会邀请疾控专家为公交、环卫职工讲授严重急性呼吸综合征的防护要点。")
    assert got[0] == "疫情防控与抗灾"


def test_a_variant_front_line_is_the_epidemic(topics: TopicTagger) -> None:
    # before: 奥密克戎 named no topic, so the relief to its front line gave 职工服务与普惠 the primary
    got = labels(topics, "区总工会慰问抗击德尔塔毒株一线的医护人员",
                 "区总工会负责人来到定点医院，看望慰问医护人员，送去慰问品200份。")
    assert got == ["疫情防控与抗灾"]


def test_a_delta_river_is_no_epidemic(topics: TopicTagger) -> None:
    # guard: 德尔塔 alone (a place's or a brand's name) names no strain
    got = labels(topics, "市总工会组织劳模赴德尔塔湿地公园疗休养", "市总工会组织30名劳模赴湿地公园疗休养，为期5天。")
    assert "疫情防控与抗灾" not in got


# rule 92: any way of ending a worker's job barred


def test_layoffs_barred_are_a_right(topics: TopicTagger) -> None:
    # before: 裁员 was no 维权 term, and the frame's epidemic stayed alone
    got = labels(topics, "禽流感防控期间 企业不得裁减职工",
                 "市人社局要求，禽流感防控期间，养殖企业不得以经营困难为由裁减职工，工资按时足额发放。")
    assert got[0] == "劳动争议与维权"


def test_a_contract_not_ended_is_a_right(topics: TopicTagger) -> None:
    got = labels(topics, "孕期职工，单位不得解聘", "职工怀孕期间，用人单位不得解聘，也不得终止劳动合同。")
    assert "劳动争议与维权" in got


def test_layoffs_reported_are_no_right_said(topics: TopicTagger) -> None:
    # guard: a company's layoffs reported, nothing barred, add no term
    got = labels(topics, "钢厂转型升级", "钢厂去年裁员300人，今年新上两条生产线，产值增长两成。")
    assert "劳动争议与维权" not in got


# rule 93: a heat reading inside any work room, shed, tank or kiln


def test_a_reading_inside_a_pump_room_is_heat_at_work(topics: TopicTagger) -> None:
    # before: 泵房 was not among rule 82's places, and 足有 not among its verbs: the fallback
    got = labels(topics, "泵房里的值守", "正午时分，泵房内足有四十五度，值班员老马每隔一小时巡检一次机组。", kind="photo")
    assert got[0] == "安全生产"


def test_a_reading_inside_a_drying_room_is_heat_at_work(topics: TopicTagger) -> None:
    got = labels(topics, "烘干间里的女工", "烘干间里将近50℃，女工们两小时轮换一次。", kind="photo")
    assert got[0] == "安全生产"


def test_a_bedroom_reading_is_no_heat_at_work(topics: TopicTagger) -> None:
    # guard: a home's room at 三十六度 is weather at home, not heat at work
    got = labels(topics, "老旧小区装上新空调", "入伏后，不少居民卧室里有三十六度，社区为独居老人装上空调。", kind="photo")
    assert "安全生产" not in got


# rule 94: a rank with 以上 between the count and the people


def test_a_rank_with_yishang_still_says_who(topics: TopicTagger) -> None:
    # before: 以上 after the rank hid the count, and 劳模 became a secondary
    got = labels(topics, "市总工会组织五十名省级以上劳模疗休养", "市总工会组织50名省级以上劳模赴海边疗休养，为期5天。")
    assert got == ["职工服务与普惠"]


def test_a_ranked_count_with_yishang_at_the_end_is_the_honoured(topics: TopicTagger) -> None:
    # guard: the count at the headline's end is still the honoured subject
    got = labels(topics, "市总工会表彰二十名县级以上劳模", "市总工会日前表彰了20名县级以上劳模，每人颁发荣誉证书。")
    assert got[0] == "劳模工匠与技能"


# rule 95: a closing add-on paragraph opened by 另悉 or 据悉


def test_a_closing_service_paragraph_opened_by_lingxi_is_an_aside(topics: TopicTagger) -> None:
    # before: 职工服务与普惠 added from the closing list
    got = labels(topics, "网约车司机集中入会",
                 "县总工会举行网约车司机集中入会仪式，150名司机现场加入工会。",
                 "县总工会表示，将推动网约车平台在本县的分支机构建立工会组织。",
                 "据悉，县总工会还将在客运站设立司机之家，为司机提供饮水、热饭、休息等服务。")
    assert "职工服务与普惠" not in got


def test_a_closing_station_paragraph_of_several_sentences_keeps_its_services(topics: TopicTagger) -> None:
    # guard: a closing paragraph opened by 据悉 that is the stations themselves (several sentences) keeps them
    got = labels(topics, "网约车司机集中入会",
                 "县总工会举行网约车司机集中入会仪式，150名司机现场加入工会。",
                 "县总工会表示，将推动网约车平台在本县的分支机构建立工会组织。",
                 "据悉，县总工会在客运站建成3个司机之家，为司机提供饮水、热饭、休息等服务。司机之家每天开放16小时，"
                 "已接待司机8000人次。司机之家还配备了药箱和充电桩，供司机免费使用。")
    assert "职工服务与普惠" in got


# rule 96: a time frame said with 时期


def test_a_frame_said_with_shiqi_yields_to_what_follows(topics: TopicTagger) -> None:
    # before: only …期间 was a frame, so the epidemic named in 甲流时期 stayed first
    got = labels(topics, "甲流时期 企业不得随意辞退职工",
                 "市人社局明确，甲流时期企业不得以生产经营困难为由随意辞退职工。",
                 "职工因甲流被隔离观察不能上班的，企业应照发工资；各级工会要受理职工投诉，依法维护职工合法权益。")
    assert got[0] == "劳动争议与维权"


def test_an_era_is_no_frame() -> None:
    # guard: 新时期 names an era, not when the story happens
    item = Item(id="t", source="t.txt", index=0, kind="article", title="新时期产改 市总工会出台实施方案",
                lead=None, paragraphs=("正文。",))
    assert _during_spans(item) == {}


def test_a_shiqi_frame_is_its_clause() -> None:
    item = Item(id="t", source="t.txt", index=0, kind="article", title="非典时期 企业不得降薪",
                lead=None, paragraphs=("正文。",))
    assert _during_spans(item) == {"title": ((0, 2),)}


# rule 97: a provincial-level union paper whose name opens with no place


def test_a_beijing_papers_own_report_is_in_beijing(regions: RegionTagger) -> None:
    # before: 劳动午报 named no province, so a report naming only 市总工会 had no region
    found = region_tags(regions, "市总工会发布职工疗休养新规", "市总工会日前发布新规，职工疗休养每人每年最多7天。",
                        date="2023-05-10", paper="劳动午报")
    assert [t.region.province for t in found] == ["北京市"]


def test_a_shared_district_on_the_shanghai_paper_is_shanghais(regions: RegionTagger) -> None:
    # 普陀区 is 上海's and 舟山's: 劳动报 decides it as a 上海 paper
    found = region_tags(regions, "普陀区总工会为快递员送清凉", "普陀区总工会为辖区300名快递员送去防暑用品。",
                        date="2021-07-20", paper="劳动报")
    assert [t.region.province for t in found] == ["上海市"]


def test_the_national_daily_implies_no_place(regions: RegionTagger) -> None:
    # guard: 工人日报 and a paper not in the table imply nothing
    for paper in ("工人日报", "劳动时报"):
        found = region_tags(regions, "市总工会发布职工疗休养新规", "市总工会日前发布新规，职工疗休养每人每年最多7天。",
                            date="2023-05-10", paper=paper)
        assert found == []


def test_another_provinces_city_on_the_beijing_paper_keeps_its_place(regions: RegionTagger) -> None:
    # guard: the paper's province is a last resort, not a place added to an item set elsewhere
    found = region_tags(regions, "张家口市总工会为冬奥建设者送温暖", "张家口市总工会为崇礼赛区建设者送去慰问品。",
                        date="2021-01-15", paper="劳动午报")
    assert "北京市" not in [t.region.province for t in found]
    assert "河北省" in [t.region.province for t in found]


# rule 98: workers' innovation results


def test_innovation_results_are_the_innovators(topics: TopicTagger) -> None:
    # before: 技术创新 (a 产改 word) headed the item, and the segmenter never gave 创新成果
    got = labels(topics, "市职工技术创新成果评选揭晓", "市总工会评出职工技术创新成果一等奖10项，获奖职工每人奖励5000元。")
    assert got[0] == "劳模工匠与技能"


def test_the_reform_said_as_itself_keeps_its_topic(topics: TopicTagger) -> None:
    # guard: an item framing itself as the reform stays 产改, results named or not
    got = labels(topics, "市产业工人队伍建设改革推进会召开",
                 "会议总结了产业工人队伍建设改革的成效，职工创新成果转化率提高到40%。")
    assert got[0] == "产业工人队伍建设改革"
