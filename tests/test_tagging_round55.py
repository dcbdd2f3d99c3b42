"""heldout_tagging52's round (issue 18, unseen pages: ordinary items in the south and centre, rich in two-topic items,
commentaries and photo captions). General rules (docs/tagging.md rules 102-107), each checked on small invented items
unlike the held-out pages, with a guard:

102. a closing paragraph that opens with what else was done (入冬以来，市总工会还…; 为配合…，市总工会还…) and runs to 60
    characters or more is a paragraph of its own, not an "also" on the side: its terms count in full, and the paragraph
    tests say whether it makes a secondary; a short closing line with 还 stays on the side;
103. how far unions reach said as a rate by its verb (工会组建率, 组建率, 工会覆盖率) is 工会组织建设's, as 建会率 is; not
    the party's (党组织组建率);
104. workers' shows of what they made by hand, said by the craft (彩灯展, 剪纸展, 作品展, 手工艺品展) or as a lantern fair
    (灯会), are 职工文体, as 书法展 and 摄影展 are; not a showing of results (成果展) nor a sales fair (展销);
105. a provincial or city paper's piece with no lead (a commentary) that speaks of its home in the paper's own voice
    (我省, 本省; 我区, 我市) is set there (regions); a national paper's, or one without such a word, is not;
106. 特困职工 (one token), 特困职工家庭 and 困难职工家庭 are 职工服务与普惠 terms, as 困难职工 is;
107. the craft and the master of a course the headline names (技艺, 绝活, 手艺, 师傅 in a 培训班 item) say what is taught
    and who teaches: no 劳模工匠与技能 secondary from them; an item with a contest or that topic's keyword keeps them."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def _places(found: list) -> list[tuple[str, str | None]]:
    return [(t.region.province, t.region.prefecture) for t in found]


_COURSE = ("区总工会近日在区职工学校开办电工技能培训班，首期60名职工免费参加培训，考核合格者可获得电工上岗证，"
           "结业后由区总工会推荐就业。")


# rule 102: a closing paragraph given wholly to what else was done


def test_a_closing_also_paragraph_makes_a_secondary(topics: TopicTagger) -> None:
    # before: the closing paragraph's 还 made all its 安全生产 terms "on the side": no secondary
    got = labels(topics, "区总工会开办电工技能培训班", _COURSE,
                 "开班以来，区总工会还组织安全监督员深入班组开展安全隐患排查，督促企业为一线电工配齐绝缘手套和安全帽，"
                 "并对查出的隐患逐项整改。")
    assert got[:2] == ["就业与职工培训", "安全生产"]


def test_a_short_closing_also_line_stays_on_the_side(topics: TopicTagger) -> None:
    # guard: one short closing line with 还 is an addition on the side, not a paragraph about its topic
    got = labels(topics, "区总工会开办电工技能培训班", _COURSE, "结业式上，区总工会还为学员送上了安全帽。")
    assert got == ["就业与职工培训"]


def test_an_also_late_in_a_long_closing_paragraph_stays_on_the_side(topics: TopicTagger) -> None:
    # guard: the paragraph opens with the course's own news; only its last clause's 还 is an addition
    got = labels(topics, "区总工会开办电工技能培训班", _COURSE,
                 "培训班聘请了3名高级技师授课，课程包括电工基础、线路安装和故障排除，学员反映课程实用。"
                 "结业那天，工会还送上了防暑药品。")
    assert got == ["就业与职工培训"]


def test_an_also_after_the_paragraphs_own_clause_stays_on_the_side(topics: TopicTagger) -> None:
    # guard: the 还 follows a clause of the story's own with its verb done (…建起了5个培训点，还…): an addition to
    # that clause, not a paragraph opening with what else was done
    got = labels(topics, "区总工会开办电工技能培训班", _COURSE,
                 "区总工会今年在各街道建起了5个电工培训点，还为参训的困难职工送去了慰问品和米面油。培训期间，培训点还为学员"
                 "免费提供午餐和饮用水。")
    assert got == ["就业与职工培训"]


# rule 103: the union's reach said as a rate by its verb


def test_a_union_founding_rate_in_the_headline_is_union_building(topics: TopicTagger) -> None:
    # before: 工会组建率 was no term (组建/率): the body's 调解 paragraph decided the primary
    got = labels(topics, "开发区外资企业工会组建率达到九成",
                 "开发区总工会近年来组织工作组逐家上门，帮助外资企业建立工会。",
                 "各企业工会还普遍建立了劳动争议调解委员会，去年共调解劳动争议120多件，一批拖欠加班费、工伤赔偿的纠纷"
                 "在企业内部得到化解。")
    assert got[0] == "工会组织建设"


def test_a_party_founding_rate_is_not_union_building(topics: TopicTagger) -> None:
    # guard: 党组织组建率 is the party's reach
    got = labels(topics, "非公企业党组织组建率达到八成", "区委组织部组织党建指导员深入非公企业，推动党组织应建尽建。")
    assert "工会组织建设" not in got


# rule 104: workers' shows of their crafts


def test_a_workers_paper_cut_show_is_culture(topics: TopicTagger) -> None:
    # before: 剪纸展 was no term: the union-default 职工服务与普惠 by the fallback
    got = labels(topics, "职工剪纸展在文化宫开展", "5月1日，市总工会主办的职工剪纸展在市工人文化宫开展，展出职工作品200余幅。",
                 kind="photo")
    assert got[0] == "职工文体"


def test_a_lantern_fair_of_workers_is_culture(topics: TopicTagger) -> None:
    got = labels(topics, "市总工会举办迎春灯会", "春节期间，市总工会在劳动公园举办迎春灯会，40多家企业工会送展彩灯80组。",
                 kind="photo")
    assert got[0] == "职工文体"


def test_a_show_of_innovation_results_is_not_culture(topics: TopicTagger) -> None:
    # guard: a show of results (成果展) and a sales fair (展销) are no craft show
    got = labels(topics, "职工创新成果展开幕", "市总工会举办职工技术创新成果展，展出劳模创新工作室的技术革新成果60项。")
    assert "职工文体" not in got
    got = labels(topics, "职工手工艺品展销会开幕", "市总工会为困难职工举办手工艺品展销会，帮助他们增加收入。")
    assert got[0] != "职工文体"


# rule 105: a paper's own voice for its home


_COMMENT = ("今年起，我省将在非公企业中全面推行工资集体协商。协商要谈出实效，职工代表要由职工选出来，协商结果要交职工代表"
            "大会讨论。")


def test_a_provincial_papers_commentary_on_our_province_is_set_there(regions: RegionTagger) -> None:
    # before: a commentary has no 本报 lead and names no place: no region
    found = region_tags(regions, "协商要谈出实效", _COMMENT, date="2014-03-12", lead=None, kind="commentary",
                        paper="湖南工人报")
    assert _places(found) == [("湖南省", None)]


def test_a_national_papers_commentary_on_our_province_has_no_region(regions: RegionTagger) -> None:
    # guard: 工人日报 has no home province; and a provincial paper's commentary without 我省 names no place
    assert region_tags(regions, "协商要谈出实效", _COMMENT, date="2014-03-12", lead=None, kind="commentary",
                       paper="工人日报") == []
    assert region_tags(regions, "协商要谈出实效", _COMMENT.replace("我省", "各地"), date="2014-03-12", lead=None,
                       kind="commentary", paper="湖南工人报") == []


# rule 106: workers in the deepest hardship


def test_hardship_households_helped_in_a_closing_paragraph_are_a_service(topics: TopicTagger) -> None:
    # before: 特困职工 (one token) was no term, and the paragraph's 普惠 fell under the secondary share
    got = labels(topics, "区总工会开办电工技能培训班", _COURSE,
                 "区总工会对参训的特困职工逐户走访，为特困职工家庭送去米面油，对家中有子女上学的特困职工给予助学补贴。")
    assert got[:2] == ["就业与职工培训", "职工服务与普惠"]


def test_a_poor_villager_is_not_a_hardship_worker(topics: TopicTagger) -> None:
    # guard: 特困户 of a village is rural aid's, not the union's relief of its workers
    got = labels(topics, "县总工会干部结对帮扶贫困村", "县总工会干部与村里20户贫困户、特困户结对，帮助发展种植养殖。")
    assert got[0] == "乡村振兴与帮扶"


# rule 107: the craft and the master of a course


def test_a_craft_course_taught_by_a_master_is_training_only(topics: TopicTagger) -> None:
    # before: 技艺 and 师傅 (near-synonyms of 劳模工匠与技能) gave the course a second topic
    got = labels(topics, "社区举办竹编技艺培训班", "社区工会举办竹编技艺培训班，40名待业居民跟随竹编老师傅学习破篾、编织等技艺，"
                 "结业后可获得职业技能等级证书。", kind="photo")
    assert got == ["就业与职工培训"]


def test_a_course_with_a_contest_keeps_the_craft(topics: TopicTagger) -> None:
    # guard: a course ending in a contest of the craft, or taught by a 劳模, is also 劳模工匠与技能's
    got = labels(topics, "社区举办竹编技艺培训班", "社区工会举办竹编技艺培训班，40名待业居民跟随竹编老师傅学习破篾、编织等技艺，"
                 "结业时举行技艺比武，评出竹编能手5名。", kind="photo")
    assert "劳模工匠与技能" in got
