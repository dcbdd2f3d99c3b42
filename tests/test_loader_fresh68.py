"""Rules from the sixty-ninth held-out batch (tests/heldout/fresh68: layouts the samples and earlier batches hold few of).
Each rule is written over its class, in more forms than the batch printed: a story whose headline is printed in 【】 (or
〖〗) at the head of its first paragraph, with a lead after it, with none, with quotes inside; bulleted briefs (■, ▲, ●, ◆)
packed line under line whose titles are parted from their text by one space only; a page that parts its items by blank
lines and its paragraphs by an indent only, where a sentence may end at a line's end inside a paragraph. Each rule has a
test that failed before it and a guard (a near-miss it must not fire on). The inputs differ from the batch's pages."""

from __future__ import annotations

import pytest

from loader_pages import BODY, page

MASTHEAD = "河北工人报　2015年8月4日　第3版　综合新闻"
OLD = "工人日报　一九五九年六月十日　星期三　第二版"


@pytest.mark.parametrize(("line", "title"), [
    ("【石家庄开通农民工返乡专列】本报讯（记者　韩　冰）8月3日，石家庄开通首趟农民工返乡专列，800余名农民工乘车。",
     "石家庄开通农民工返乡专列"),
    ("【“职工书屋”建到工地上】8月2日，保定市总工会在一处建筑工地建成“职工书屋”，配备图书两千余册。",
     "“职工书屋”建到工地上"),
    ("〖唐山百名劳模进校园〗　新华社唐山8月3日电　唐山市百名劳模日前走进中小学校，讲述自己的奋斗故事。",
     "唐山百名劳模进校园"),
])
def test_a_headline_in_lenticular_brackets_run_into_the_text_heads_a_story(line: str, title: str) -> None:
    parsed = page(MASTHEAD, "邯郸开展职工技能比武", "　　本报讯　" + BODY, "　　" + line, "　　" + BODY)
    assert [i.title for i in parsed.items] == ["邯郸开展职工技能比武", title]
    assert len(parsed.items[1].paragraphs) == 2


@pytest.mark.parametrize("line", ["【扩面】今年以来，全市新增工会会员两万余人，覆盖了一批新就业形态劳动者。",
                                  "【案情回顾】2014年3月，李某进入某公司工作，双方签订了为期三年的劳动合同。",
                                  "【编者按】工会是职工之家，本报今起推出系列报道，敬请关注。"])
def test_a_short_label_or_note_in_brackets_opens_a_paragraph(line: str) -> None:
    # guard: a paragraph's lead-in (【扩面】), a label (【案情回顾】) or an editors' note is no headline
    parsed = page(MASTHEAD, "邯郸开展职工技能比武", "　　本报讯　" + BODY, "　　" + line)
    assert [i.title for i in parsed.items] == ["邯郸开展职工技能比武"]


def test_bulleted_briefs_titled_with_one_space_are_briefs() -> None:
    briefs = "\n".join([
        "●邢台总工会为快递员送清凉 8月1日，邢台市总工会走访12个快递网点，为300余名快递员送去防暑用品。",
        "◆沧州港举办青年职工辩论赛 7月30日，沧州港务集团举办青年职工辩论赛，8支队伍参赛。（庞　磊）",
        "■衡水启动劳模疗休养 近日，衡水市总工会组织60名劳模赴承德疗休养。",
    ])
    parsed = page(MASTHEAD, "邯郸开展职工技能比武", "　　本报讯　" + BODY, briefs)
    assert [i.title for i in parsed.items] == ["邯郸开展职工技能比武", "邢台总工会为快递员送清凉",
                                               "沧州港举办青年职工辩论赛", "衡水启动劳模疗休养"]
    assert parsed.items[2].paragraphs[0].startswith("7月30日")


def test_one_bulleted_line_with_one_space_is_no_brief() -> None:
    # guard: alone, a bullet's line with one space inside (a PDF copy's space before a figure) is a paragraph
    line = "■今年上半年全市新增就业岗位 12万个，城镇登记失业率控制在3.5%以内，就业形势总体稳定。"
    parsed = page(MASTHEAD, "邯郸开展职工技能比武", "　　本报讯　" + BODY + "\n" + line)
    assert [i.title for i in parsed.items] == ["邯郸开展职工技能比武"]


def test_a_sentence_ending_at_a_line_end_does_not_end_an_indented_paragraph() -> None:
    first = "\n".join(["大连造船厂提前完成第二季度计划", "　　本报消息　大连造船厂全体职工响应增产节约的",
                       "号召，六月九日提前完成了第二季度的生产计划。", "全厂职工提出了三百多条合理化建议。",
                       "　　这个厂的焊工们改进了焊接方法，每条船的", "建造时间缩短了十多天。"])
    second = "\n".join(["抚顺矿工创造采煤新纪录", "　　新华社抚顺九日电　抚顺龙凤矿采煤一队", "九日创造了日产原煤的新纪录。",
                        "矿工们说：「明天还要干得更好。」", "　　这个队今年已经四次刷新纪录。"])
    third = "\n".join(["鞍钢工人业余学校开学", "　　本报消息：鞍钢工人业余学校春季班开学，",
                       "有三千多名工人报名入学。"])
    parsed = page(OLD, first, second, third)
    assert [i.title for i in parsed.items] == ["大连造船厂提前完成第二季度计划", "抚顺矿工创造采煤新纪录", "鞍钢工人业余学校开学"]
    assert [len(i.paragraphs) for i in parsed.items] == [2, 2, 1]


def test_a_headline_ending_in_a_stop_tight_under_a_paragraph_stays_a_headline() -> None:
    # guard: a page that parts nothing by blank lines (no blank line between its items): a line ending in ？ or 。 under
    # a finished paragraph may be the next headline
    text = "\n".join([MASTHEAD, "石家庄职工夏季送清凉活动启动", "　　本报讯　7月8日，石家庄市总工会启动夏季送清凉活动，",
                      "为一线职工送去防暑降温物品。", "加班费到底该怎么算？", "　　读者来信问：我在一家工厂上班，",
                      "周末加班只给调休，这样做对吗？", "　　答：用人单位安排劳动者休息日工作又不能安排补休的，",
                      "应支付不低于工资百分之二百的工资报酬。"])
    parsed = page(text)
    assert [i.title for i in parsed.items] == ["石家庄职工夏季送清凉活动启动", "加班费到底该怎么算？"]


@pytest.mark.parametrize(("paragraph", "lead"), [("本报消息　沈阳机床一厂职工提前完成了全年计划。", "本报消息"),
                                                 ("本报消息：太原钢铁厂工人业余学校开学。", "本报消息："),
                                                 ("本报消息（记者　方　明）青岛港工人创造装卸新纪录。", "本报消息（记者　方　明）")])
def test_an_older_papers_own_news_lead_is_a_lead(paragraph: str, lead: str) -> None:
    from archive_gen.loader.bylines import split_lead
    found = split_lead(paragraph)
    assert found is not None and found.text == lead


def test_the_words_for_the_papers_news_in_a_sentence_are_no_lead() -> None:
    # guard: 本报消息 glued to the sentence it opens is the subject of that sentence
    from archive_gen.loader.bylines import split_lead
    assert split_lead("本报消息发出后，读者纷纷来信询问报名办法。") is None
