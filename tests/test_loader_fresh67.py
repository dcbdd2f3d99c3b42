"""Rules from the sixty-eighth held-out batch (tests/heldout/fresh67, ordinary pages in the papers, decades and page kinds
earlier batches used least: 1957/1963 typeset 工人日报, a 兵团 paper, a 香港 union paper in traditional characters, a 劳动报
e-paper copy). Each rule has a test that failed before it and a guard (a near-miss it must not fire on); the inputs differ
from the batch's pages, and each test covers its class in more forms than the pages print:

- a figure written in characters (三百二十万人, 一百零五万吨, 一九八〇年) is a figure: rows of them are a box's rows, not a stack;
- a table whose cells are parted by one U+3000 ("钳工　126　98%") is read as a table where its data rows hold figures;
- a signing date written in characters or full-width figures (二〇一五年五月十二日, ２０１５年５月１２日) closes a notice;
- a notice's heading in traditional characters (啟事, 聲明, 訃告, 關於…的通知) titles a notice of its own;
- an e-paper's breadcrumb (劳动报 > 日期 > 第06版：维权) names the page it leads to (and dates it).
"""

from __future__ import annotations

from archive_gen.loader import furniture, shapes
from loader_pages import BODY, page

MASTHEAD = "江州工人报　1982年6月8日　第2版　综合新闻"


# --- figures written in characters --------------------------------------------------------------------------------------


def test_rows_of_figures_written_in_characters_stay_in_their_story() -> None:
    # before: a figure had to be written in Arabic digits, so the rows were read as a kicker, title and subtitle
    for rows in (("一九八〇年　四十二万吨", "一九八五年　六十八万吨", "一九九〇年　一百零五万吨"),
                 ("三千二百人　参加技术培训", "一千八百人　取得等级证书"),
                 ("新建职工宿舍　十二栋", "新办托儿所　十五所", "新增浴室　两千平方米")):
        # the rows printed under the sentence that introduces them, no blank line between (as a typeset copy prints them)
        parsed = page(MASTHEAD, "江州钢厂产量逐年上升", "　　本报讯　" + BODY, "\n".join("　　" + line for line in ("这个厂历年的产量和培训人数如下：", *rows)),
                      "纺织女工业余学文化", "　　本报讯　" + BODY)
        assert [i.title for i in parsed.items] == ["江州钢厂产量逐年上升", "纺织女工业余学文化"], rows
        assert parsed.items[0].paragraphs[-len(rows):] == rows
        assert parsed.items[0].kicker is None and parsed.items[1].kicker is None


def test_numerals_that_name_things_are_no_figures() -> None:
    # guard: one numeral or two name a thing or a day (一线, 三八, 五一, 百万职工), no amount; a kicker so printed stays one
    for text in ("一线工人　三八红旗手", "百万职工　同唱一首歌", "迎五一　比贡献"):
        assert not shapes.figure_row(text, narrow=True), text
    parsed = page(MASTHEAD, "一线工人　三八红旗手", "纺织女工王秀英的二十年", "　　本报讯　" + BODY)
    assert [(i.kicker, i.title) for i in parsed.items] == [("一线工人　三八红旗手", "纺织女工王秀英的二十年")]


# --- a table set narrow -------------------------------------------------------------------------------------------------


def test_a_table_whose_cells_are_parted_by_one_gap_closes_its_story() -> None:
    # before: a table needed wide gaps between its cells, so the data rows became a headline stack over the next title
    for rows in (("工种　参赛人数　合格率", "钳工　126　98%", "电工　88　95%", "焊工　143　91%"),
                 ("县区　新增会员（人）　建会企业（家）", "东城区　3200　46", "西城区　2750　38"),
                 ("单位 产量 增长", "一车间 4.2万件 12%", "二车间 3.9万件 8%")):
        parsed = page(MASTHEAD, "全市职工技能大赛成绩揭晓", "　　本报讯（记者　王　勇）　" + BODY, "　　各工种成绩", *rows,
                      "职工书屋送书到工地", "　　本报讯　" + BODY)
        assert [i.title for i in parsed.items] == ["全市职工技能大赛成绩揭晓", "职工书屋送书到工地"], rows
        first = parsed.items[0]
        assert first.paragraphs[-len(rows):] == rows
        assert [c.text for c in first.crossheads] == ["各工种成绩"]
        assert parsed.items[1].kicker is None and parsed.items[1].subtitle is None


def test_phrases_parted_by_one_gap_are_no_table() -> None:
    # guard: a slogan kicker of three phrases, a byline line and a lone row with figures hold no table's data rows
    parsed = page(MASTHEAD, "学先进　赶先进　帮后进", "沈阳重型机器厂掀起技术革新热潮", "　　本报讯　" + BODY)
    item = parsed.items[0]
    assert (item.kicker, item.title) == ("学先进　赶先进　帮后进", "沈阳重型机器厂掀起技术革新热潮")
    parsed = page(MASTHEAD, "沈阳重型机器厂掀起技术革新热潮", "本报记者　王　勇", "　　" + BODY)
    assert [r.name for r in parsed.items[0].byline_roles] == ["王\u3000勇"]
    assert shapes.table_cells("学先进　赶先进　帮后进") is None  # the wide reading is unchanged


# --- a signing date written in characters -------------------------------------------------------------------------------


def test_a_signing_date_in_characters_closes_the_notice() -> None:
    # before: a signing date had to be in ASCII figures, so the date under the signer titled an empty item
    for date in ("二〇一五年五月十二日", "一九八七年四月三十日", "２０１５年５月１２日", "十月三十一日"):
        parsed = page(MASTHEAD, "会员大会通知", "　　本会定于六月六日下午三时举行会员大会，审议会务报告。",
                      "　　敬请各会员准时出席。", "江州市总工会\n" + date)
        assert [i.title for i in parsed.items] == ["会员大会通知"], date
        assert parsed.items[0].trailer[-1] == date
        assert len(parsed.items[0].paragraphs) == 2


def test_a_title_opening_on_a_year_in_characters_is_no_signing_date() -> None:
    # guard: a date with more after it, a year alone and a month alone are no signing date
    for text in ("一九六三年的春天", "二〇一五年", "五月", "二〇一五年五月十二日的那场雨"):
        assert not shapes.signing_date(text), text


# --- notices in traditional characters ----------------------------------------------------------------------------------


def test_a_notice_heading_in_traditional_characters() -> None:
    for heading in ("徵稿啟事", "聲明", "訃　告", "關於舉辦會員大會的通知"):
        assert shapes.notice_title(heading), heading
    assert shapes.notice_title("关于报送2019年度工会统计年报的通知")


def test_words_holding_a_notice_character_are_no_notice_heading() -> None:
    # guard: 啟事 or 聲明 inside a longer phrase, and 關於 with no document word after it
    for text in ("從一則啟事說起的往事回憶", "聲明之後工友們怎樣維權", "關於職工的幾點思考"):
        assert not shapes.notice_title(text), text


# --- an e-paper's breadcrumb --------------------------------------------------------------------------------------------


def test_a_breadcrumb_names_the_page_it_leads_to() -> None:
    # before: the trail was a web line and named no page (its number came from the file name or nowhere)
    for trail, date in (("劳动报 > 2014年07月22日 > 第06版：维权", "2014-07-22"),
                        ("劳动报>2014年07月22日>第06版：维权", "2014-07-22"),
                        ("当前位置：首页 > 劳动报 > 第06版：维权", None),
                        ("首页 » 第06版：维权", None)):
        parsed = page(trail, "上一期　下一期　返回目录", "加班费为何迟迟不到位", "　　本报讯　" + BODY,
                      source="p.txt")
        assert (parsed.page, parsed.page_name) == (6, "维权"), trail
        assert [i.title for i in parsed.items] == ["加班费为何迟迟不到位"]
        if date:
            assert parsed.date == date


def test_a_trail_with_no_page_names_none() -> None:
    # guard: a trail of sections with no 版 names no page, and the site's word 首页 alone is no furniture
    assert furniture._read("首页 > 职工之友 > 新闻") is None
    assert furniture._read("首页") is None
