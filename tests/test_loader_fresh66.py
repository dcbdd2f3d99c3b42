"""Rules from the sixty-seventh held-out batch (tests/heldout/fresh66, a check of the fresh62/fresh64 rules in other
surface forms). Each rule is written over its class, in more forms than the batch printed: a sign-off dated by a year
named by its stem and branch (癸酉年, 乙亥年), a holiday in quotes (“五一”, “十一”) or the days off round it by any name
(假日, 小长假, 黄金周); a kicker listing short phrases parted by a middle dot or a slash, however long the list; a sketch's
introduction in any pair of brackets but 《》 (「」, 『』, 〈〉, ［］); a firm named after 一家/两家/某家 by any noun (…煤矿,
…中介, …网点) or by more kinds; a sanction with a manner between 被 and its verb (被依法查办, 遭顶格处罚) and by more verbs
(勒令, 查办, 没收, 开除…); a benefactive coverb over any verb of getting back with 回 (拿回, 领回, 索回) or of demanding
what is owed (讨要, 追讨); a result complement before 了 (建成了, 闯出了, 拿下了, 练就了, 学会了); OCR's zero for 。 (before a
quotation's close, at a line's end on a page with no 。, before a credit), its 汛/迅 for 讯 and 曰 for 日 in a lead, and
囗/ロ for the □ before a byline. Each rule has a test that failed before it and a guard (a near-miss it must not fire
on). The inputs differ from the batch's pages."""

from __future__ import annotations

import pytest

from loader_pages import BODY, page

OLD = "工人日报　一九九一年十月八日　星期二　第三版"
MASTHEAD = "山西工人报　2012年6月12日　第3版　综合"
FUKAN = "山西工人报　2012年6月12日　第7版　副刊"


@pytest.mark.parametrize("signoff", ["乙亥年端午于济南", "戊寅年中秋写于大连", "2012年“十一”黄金周于黄山",
                                     "2009年“五一”小长假写于青岛", "2014年元旦假日于兰州"])
def test_a_sign_off_dated_by_a_stem_branch_year_or_a_quoted_holiday_is_a_trailer(signoff: str) -> None:
    text = "　　" + BODY + "\n\n　　　　　　　　　　" + signoff
    parsed = page(FUKAN, "老车间的钟声", "闫　冬", text, "工地上的读书会", "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == ["老车间的钟声", "工地上的读书会"]
    assert signoff not in "".join(parsed.items[0].paragraphs)


@pytest.mark.parametrize("line", ["乙亥年端午于济南举行龙舟赛", "2012年“十一”黄金周于黄山开幕"])
def test_a_stem_branch_year_or_quoted_holiday_before_an_event_is_no_sign_off(line: str) -> None:
    # guard: a date and 于 a place before an event's verb reports news: a headline, not a sign-off
    parsed = page(MASTHEAD, line, "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == [line]


@pytest.mark.parametrize("kicker", ["讲安全·查隐患·保平安·促生产，", "学理论／比技能／赛技术／当工匠，", "稳岗位・保工资・促就业・惠民生，"])
def test_a_kicker_listing_phrases_by_dots_or_slashes_is_the_kicker(kicker: str) -> None:
    parsed = page(MASTHEAD, f"{kicker}\n大同三千名矿工签订安全承诺书", "　　本报讯　" + BODY)
    item = parsed.items[0]
    assert (item.kicker, item.title) == (kicker, "大同三千名矿工签订安全承诺书")


def test_a_list_of_long_phrases_ending_in_a_comma_is_no_kicker() -> None:
    # guard: a list whose phrases run long is no kicker's list, whatever parts them
    from archive_gen.loader.headlines import _COMMA_KICKER
    from archive_gen.loader.units import _CLAUSE_KICKER
    line = "一线职工·进城务工人员·快递员·外卖骑手和网约车司机，"
    assert not _COMMA_KICKER.match(line) and not _CLAUSE_KICKER.match(line)


@pytest.mark.parametrize("intro", ["「大同一家煤矿综采队队长」", "〈太原一家物流企业叉车司机〉", "『晋中一家纺织厂挡车工』",
                                   "〘阳泉一家医院护士长〙"])
def test_an_introduction_in_other_brackets_heads_a_sketch(intro: str) -> None:
    parsed = page(MASTHEAD, "三晋工匠", "贾小兰", "　　" + intro, "　　" + BODY, "　　（本报记者　甘　霖）")
    item = parsed.items[0]
    assert (item.column, item.title, item.subtitle) == ("三晋工匠", "贾小兰", intro)


def test_a_works_title_in_book_marks_is_no_introduction() -> None:
    # guard: 《》 names a work, never a person's post ("《写给一家煤矿的采煤队长》" is a poem's title)
    from archive_gen.loader.units import introduces_person
    assert not introduces_person("《写给一家煤矿的采煤队长》")
    assert not introduces_person("「大国工匠」")


@pytest.mark.parametrize(("upper", "lower"), [("运城一家小煤矿", "超员下井被勒令停产"),
                                              ("太原两家职业中介", "虚假招聘被依法取缔"),
                                              ("某家快递网点", "克扣派件费遭顶格处罚"),
                                              ("大同一家培训机构", "卷款停课被责成退费")])
def test_a_firm_by_any_noun_over_a_sanction_with_a_manner_is_one_title(upper: str, lower: str) -> None:
    parsed = page(MASTHEAD, f"{upper}\n{lower}", "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == [upper + lower]


def test_a_firm_over_a_finding_or_news_of_its_own_is_not_joined() -> None:
    # guard: 被依法认定为… is no sanction, and a line saying what the firm does is none either
    from archive_gen.loader.headlines import _PASSIVE_PREDICATE
    assert not _PASSIVE_PREDICATE.match("工伤被依法认定为视同工伤")
    item = page(MASTHEAD, "两家劳务中介\n明年起统一收费标准", "　　本报讯　" + BODY).items[0]
    assert item.title != "两家劳务中介明年起统一收费标准"


@pytest.mark.parametrize(("upper", "lower"), [("忻州市总工会帮四十名护工领回", "被扣押的身份证"),
                                              ("工会律师为二十名保安索回", "被克扣的工资三万元"),
                                              ("晋中市总工会替一线环卫工人追讨", "拖欠的加班费")])
def test_a_coverb_over_any_getting_back_verb_runs_on(upper: str, lower: str) -> None:
    parsed = page(MASTHEAD, f"{upper}\n{lower}", "　　本报讯　" + BODY)
    assert [(i.title, i.subtitle) for i in parsed.items] == [(upper + lower, None)]


def test_a_getting_back_verb_with_no_one_served_stays_a_title() -> None:
    # guard: "被扣身份证全部拿回" names no one served: a title over its ——subtitle as before
    item = page(MASTHEAD, "被扣身份证全部拿回\n——记者回访一线护工", "　　本报讯　" + BODY).items[0]
    assert (item.title, item.subtitle) == ("被扣身份证全部拿回", "——记者回访一线护工")


@pytest.mark.parametrize(("upper", "lower"), [("吕梁十个乡镇全部建成了", "职工服务站"),
                                              ("这群年轻焊工闯出了", "一条技能成才路"),
                                              ("太钢炼钢厂的工人拿下了", "全国技能大赛金牌")])
def test_a_title_line_ending_on_a_result_complement_and_le_runs_on(upper: str, lower: str) -> None:
    parsed = page(MASTHEAD, f"{upper}\n{lower}", "　　本报讯　" + BODY)
    assert [(i.title, i.subtitle) for i in parsed.items] == [(upper + lower, None)]


@pytest.mark.parametrize("upper", ["职工文化宫落成了", "今冬第一场雪下了", "老厂房的烟囱倒下了"])
def test_a_result_complement_that_closes_its_clause_stays_a_title(upper: str) -> None:
    # guard: 落成了, 雪下了, 倒下了 close their clause: the ——subtitle stays the subtitle
    item = page(MASTHEAD, f"{upper}\n——记者回访一线职工", "　　本报讯　" + BODY).items[0]
    assert (item.title, item.subtitle) == (upper, "——记者回访一线职工")


def test_an_ocr_zero_closing_a_quotation_is_no_kicker() -> None:
    story = ("　　本报讯　太原钢铁公司工会日前组织职工开展安全检查,查出隐患八十多处0\n"
             "　　厂长说:“安全生产,一天也不能松0”")
    parsed = page(OLD, "太钢职工查隐患", story, "晋城煤矿工会办起职工夜校", "　　本报讯　" + BODY)
    assert [(i.kicker, i.title) for i in parsed.items] == [(None, "太钢职工查隐患"), (None, "晋城煤矿工会办起职工夜校")]
    assert len(parsed.items[0].paragraphs) == 2


def test_an_ocr_zero_at_the_end_of_a_line_with_no_stop_closes_it() -> None:
    from archive_gen.loader.blocks import is_closed
    assert is_closed("区总工会为四十名临时工讨回工资一万一千元0")


def test_a_quoted_zero_and_a_zero_on_a_page_with_stops_are_figures() -> None:
    # guard: "“清0”" holds no sentence; after a "。" a closing zero is a figure, not a stop
    from archive_gen.loader.blocks import is_closed
    from archive_gen.loader.shapes import sentencey
    assert not sentencey("让安全事故“清0”")
    assert not is_closed("全厂实现安全生产。今年轻伤人数降为0")


def test_an_ocr_zero_before_a_credit_ends_the_sentence() -> None:
    from archive_gen.loader.bylines import split_signoff
    assert split_signoff("本报讯　晋城煤矿工会日前组织职工义务献血,献血量达十万毫升0(隋 岩)") is not None


def test_a_figure_before_a_bracketed_name_is_no_stop() -> None:
    # guard: after a digit a zero is a figure's, and the bracket stays in the text
    from archive_gen.loader.bylines import split_signoff
    assert split_signoff("本报讯　晋城煤矿工会今年共组织义务献血10(隋 岩)") is None


@pytest.mark.parametrize(("text", "lead"), [("本报汛　晋城煤矿工会日前组织职工义务献血。", "本报汛"),
                                            ("本报迅（记者 甘　霖）晋城煤矿工会日前组织职工义务献血。", "本报迅（记者 甘　霖）"),
                                            ("本报太原十月七曰电　记者甘　霖报道:太钢工会日前表彰一批女职工。",
                                             "本报太原十月七曰电　记者甘　霖报道:")])
def test_a_lead_ocr_misread_is_read_and_kept_as_printed(text: str, lead: str) -> None:
    from archive_gen.loader.bylines import split_lead
    found = split_lead(text)
    assert found is not None and found.text == lead
    assert not found.rest.startswith(("汛", "迅", "电"))


@pytest.mark.parametrize("text", ["本报迅速派出记者赶赴现场采访。", "本报汛期特别报道组日前赶赴灾区。"])
def test_a_sentence_about_the_paper_is_no_misread_lead(text: str) -> None:
    # guard: 迅/汛 running on into a word (迅速, 汛期) is no misread 讯
    from archive_gen.loader.bylines import split_lead
    assert split_lead(text) is None


@pytest.mark.parametrize("mark", ["囗", "ロ"])
def test_other_squares_before_a_byline_are_the_mark(mark: str) -> None:
    item = page(OLD, "心里装着工友的人", f"{mark}本报记者　闵　华", "　　" + BODY).items[0]
    assert [(r.name, r.role) for r in item.byline_roles] == [("闵　华", "本报记者")]


def test_a_square_before_no_role_is_kept() -> None:
    # guard: 囗 before anything but a role is the text's own
    from archive_gen.loader.bylines import _ocr_square
    assert _ocr_square("囗岸管理站职工") == "囗岸管理站职工"


# the post-fix check page's misses (tests/heldout/fresh66/pages/f66-2018-03-06_03.txt): 练就了 (a result complement not
# among 成/出/下) and “三八”节前夕 (节 outside the quotes)

@pytest.mark.parametrize(("upper", "lower"), [("鹤岗三百名青年矿工练就了", "一身井下救护本领"),
                                              ("这些农民工两年里学会了", "电焊和数控编程"),
                                              ("省总工会送教小分队走遍了", "全省十三个地市")])
def test_a_title_line_ending_on_any_result_complement_and_le_runs_on(upper: str, lower: str) -> None:
    parsed = page(MASTHEAD, f"{upper}\n{lower}", "　　本报讯　" + BODY)
    assert [(i.title, i.subtitle) for i in parsed.items] == [(upper + lower, None)]


@pytest.mark.parametrize("upper", ["这家民营企业有工会了", "参赛选手全部到齐了", "工人们的衣服湿透了"])
def test_a_result_pair_that_closes_or_a_noun_in_hui_stays_a_title(upper: str) -> None:
    # guard: 到齐了, 湿透了 close their clause; 工会了 is a noun and its 了: the ——subtitle stays the subtitle
    item = page(MASTHEAD, f"{upper}\n——记者回访一线职工", "　　本报讯　" + BODY).items[0]
    assert (item.title, item.subtitle) == (upper, "——记者回访一线职工")


@pytest.mark.parametrize("signoff", ["己亥年“五一”节于鸡西", "2019年“三八”节前夕写于牡丹江"])
def test_a_quoted_holiday_with_jie_outside_the_quotes_dates_a_sign_off(signoff: str) -> None:
    text = "　　" + BODY + "\n\n　　　　　　　　　　" + signoff
    parsed = page(FUKAN, "老车间的钟声", "闫　冬", text, "工地上的读书会", "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == ["老车间的钟声", "工地上的读书会"]
    assert signoff not in "".join(parsed.items[0].paragraphs)
