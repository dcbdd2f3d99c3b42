"""heldout_tagging53's round (tag53: a check of rules 91-107 in unseen forms). General rules (docs/tagging.md rules
108-110), each checked on small invented items unlike the held-out pages, with a guard:

108. workers' shows said by more crafts (篆刻展, 陶艺展, 布艺展, 木雕展, 竹编展, 面塑展, 盆景展) are 职工文体, as rule 104's
    剪纸展 and 根雕展 are; still not a sales fair (陶艺展销) nor a hall (木雕展馆);
109. a closing paragraph opened by an add-on word (另据了解，…还…; 据悉，…还…) before its 还 clause is a paragraph of its
    own as rule 102's opening phrase of time makes it: its terms count in full; an add-on word before a clause of the
    story's own (据悉，…建起了…，还…) or a short closing line stays on the side;
110. the union's reach said as its coverage (工会覆盖面) is 工会组织建设's, as 工会覆盖率 is; not other coverage (医保覆盖面)."""

from __future__ import annotations

import pytest

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# rule 108: more crafts of a workers' show


@pytest.mark.parametrize("craft", ["篆刻", "陶艺", "布艺", "木雕", "竹编", "面塑", "盆景"])
def test_a_show_said_by_more_crafts_is_culture(topics: TopicTagger, craft: str) -> None:
    got = labels(topics, f"长宁区职工{craft}展开幕",
                 f"区总工会日前举办职工{craft}展，展出全区职工业余时间创作的作品80件，吸引了2000多名观众。")
    assert got[0] == "职工文体"


def test_a_craft_sales_fair_or_hall_is_not_a_show(topics: TopicTagger) -> None:
    # guard: a sales fair of the craft (陶艺展销) and a hall (木雕展馆) are no craft show
    got = labels(topics, "困难职工陶艺展销会开幕", "市总工会为困难职工举办陶艺展销会，帮助他们增加收入。")
    assert got[0] != "职工文体"
    got = labels(topics, "市总工会慰问木雕展馆职工", "市总工会来到木雕展馆，为坚守岗位的职工送去慰问品。")
    assert "职工文体" not in got


# rule 109: a closing "also" paragraph opened by an add-on word


_COURSE = ("区总工会近日在区职工学校开办电工技能培训班，首期60名职工免费参加培训，考核合格者可获得电工上岗证，"
           "结业后由区总工会推荐就业。")


@pytest.mark.parametrize("word", ["另据了解", "据了解", "据悉", "与此同时"])
def test_an_add_on_word_opening_an_also_paragraph_makes_a_secondary(topics: TopicTagger, word: str) -> None:
    # before: the opening 另据了解 was no phrase of time or purpose (and has 了), so the 还 clause stayed on the side: no secondary
    got = labels(topics, "区总工会开办电工技能培训班", _COURSE,
                 f"{word}，区总工会还组织安全监督员深入班组开展安全隐患排查，督促企业为一线电工配齐绝缘手套和安全帽，"
                 "并对查出的隐患逐项整改。")
    assert got[:2] == ["就业与职工培训", "安全生产"]


def test_an_add_on_word_before_a_clause_of_its_own_stays_on_the_side(topics: TopicTagger) -> None:
    # guard: 据悉 then a clause of the story's own with its verb done, then 还: an addition to that clause
    got = labels(topics, "区总工会开办电工技能培训班", _COURSE,
                 "据悉，区总工会今年在各街道建起了5个电工培训点，还为参训的困难职工送去了慰问品和米面油。培训期间，"
                 "培训点还为学员免费提供午餐和饮用水。")
    assert got == ["就业与职工培训"]
    got = labels(topics, "区总工会开办电工技能培训班", _COURSE, "据悉，区总工会还为学员送上了安全帽。")
    assert got == ["就业与职工培训"]


# rule 110: the union's reach said as its coverage (覆盖面)


def test_union_coverage_said_as_its_reach_is_union_building(topics: TopicTagger) -> None:
    # before: 工会覆盖面 was no term (rule 103 took only 覆盖率): the closing 调解 paragraph decided the primary
    got = labels(topics, "开发区外资企业工会覆盖面达到九成",
                 "开发区总工会近年来组织工作组逐家上门，帮助外资企业建立工会。",
                 "另据了解，开发区总工会今年还建起了劳动争议调解委员会，去年共调解劳动争议120多件，一批拖欠加班费、"
                 "工伤赔偿的纠纷在企业内部得到化解。")
    assert got[0] == "工会组织建设"


def test_other_coverage_is_not_union_building(topics: TopicTagger) -> None:
    # guard: the coverage of insurance (医保覆盖面) is no union's reach
    got = labels(topics, "农民工医保覆盖面进一步扩大", "市人社局日前通报，全市农民工参加医疗保险的人数比去年增加了3万人。")
    assert "工会组织建设" not in got
