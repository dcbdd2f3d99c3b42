"""Rules from the sixty-first held-out batch (tests/heldout/fresh60, written to be hard): a pdftotext -layout masthead
spread by runs of spaces; a paragraph cut by a page break's running head and page number; titles printed over two lines
mid-phrase (after a verb of putting in place, before a predicate opening on verb+了); a kicker that is a clause ending in
a comma; a headline set off by blank lines on a page of tight paragraphs; a 【…答记者问】 subtitle. Each rule has a test
that failed before it and a guard (a near-miss it must not fire on). The inputs differ from the batch's pages."""

from __future__ import annotations

from archive_gen.loader import furniture
from loader_pages import BODY, page

SPREAD = "劳动午报                      2019年4月2日 星期二                      第5版 职工生活"
MASTHEAD = "劳动午报　2019年4月2日　星期二　第5版　职工生活"


def test_a_masthead_spread_over_the_width_by_runs_of_spaces_is_furniture() -> None:
    # a pdftotext -layout copy spreads the masthead's parts over the page's width: each run of spaces is one gap, so
    # the line (67 characters as printed) is measured as the 30 or so its parts and gaps take
    parsed = page(SPREAD, "海淀职工书屋上新", "　　" + BODY)
    assert (parsed.page, parsed.page_name) == (5, "职工生活")
    assert [i.title for i in parsed.items] == ["海淀职工书屋上新"]


def test_a_furniture_line_longer_than_a_masthead_even_with_its_gaps_closed_is_not_read() -> None:
    # guard: the limit still holds for the parts themselves (70 characters of editors' credits, gaps closed)
    line = "劳动午报  2019年4月2日  第5版  " + "  ".join(["本版编辑：欧阳明轩"] * 6)
    assert furniture._read(line) is None


PDF_BREAK = ("    本报讯 3月28日，海淀区总工会在中关村举办职工“书香节”，现场发放\n"
             "图书3000余册，还为40家企业的职工书屋配送新书。全区已建成职\n"
             "                                                          5\n"
             "\f劳动午报                      2019年4月2日 星期二\n"
             "工书屋210家，“书香节”期间新增的藏书中有3000册\n"
             "是技能类图书。\n"
             "    区总工会有关负责人说，今年将新建职工书屋20家。")


def test_a_paragraph_runs_on_under_a_page_break_s_running_head_and_page_number() -> None:
    # a sentence cut off inside a word ("职" / "工书屋") with a page number and the next PDF page's running head tight
    # under it, and the text going on at once (its first line alone would read as a headline): one paragraph, the two
    # furniture lines not in it
    parsed = page(MASTHEAD, "海淀职工“书香节”开幕", PDF_BREAK)
    item, = parsed.items
    assert item.paragraphs[0].endswith("全区已建成职工书屋210家，“书香节”期间新增的藏书中有3000册是技能类图书。")
    assert len(item.paragraphs) == 2
    assert 7 not in item.source_lines and 8 not in item.source_lines  # (page lines: the number, the running head)


def test_a_finished_sentence_over_a_running_head_still_ends_its_block() -> None:
    # guard: a paragraph that ended its sentence before the break is over; the line after the running head starts a
    # paragraph of its own (the rule reads only a sentence cut off at the break)
    text = PDF_BREAK.replace("全区已建成职\n", "\n").replace("工书屋210家，", "全区已建成职工书屋210家，")
    item = page(MASTHEAD, "海淀职工“书香节”开幕", text).items[0]
    assert item.paragraphs[0].endswith("配送新书。")


def test_a_title_broken_after_a_verb_of_putting_in_place_is_one_title() -> None:
    # "…推行" / "…月清月结", "…为夜班职工开通" / "二十条…": the verb's object is on the line under it
    for upper, lower in (("许昌建筑企业推行", "农民工实名制管理"), ("洛阳为环卫工人开设", "二十个“爱心驿站”")):
        item, = page(f"{upper}\n{lower}", "　　" + BODY).items
        assert (item.kicker, item.title, item.subtitle) == (None, upper + lower, None)


def test_a_verb_of_putting_in_place_after_a_place_or_with_no_coverb_closes_its_line() -> None:
    # guard: "在全市推行" (a place before the verb), "今起实行" (a time) and "地铁5号线开通" (开通 with no 为…) close the line
    for upper, lower in (("阳光工资制度在全市推行", "三万名职工受益"), ("新规今起实行", "职工加班费有了新算法"),
                         ("地铁5号线开通", "沿线职工通勤更方便")):
        item, = page(f"{upper}\n{lower}", "　　" + BODY).items
        assert upper + lower not in (item.title, item.kicker)


def test_a_predicate_opening_on_verb_and_le_finishes_the_subject_above_it() -> None:
    # "这家老厂的“蓝领专家”" / "撑起了半条生产线": a subject over its predicate, one title
    item, = page("一群“老师傅”\n带出了三百名新焊工", "　　" + BODY).items
    assert (item.kicker, item.title) == (None, "一群“老师傅”带出了三百名新焊工")


def test_a_line_opening_on_wei_le_is_no_predicate_of_the_line_above() -> None:
    # guard: 为了 is a preposition ("为了一句承诺" is a kicker over the title under it), and the rule reads only lower lines
    item, = page("为了一句承诺\n他在山区坚守二十年", "　　" + BODY).items
    assert item.title == "他在山区坚守二十年"


def test_a_short_clause_ending_in_a_comma_over_a_title_is_its_kicker() -> None:
    # "春风送岗位，" after a story credited on a bracketed line, tight over the title: the 引题 the title finishes
    first = "　　" + BODY + "\n\n（记者　晁　阳）"
    parsed = page("濮阳工会办起夜校", first, "援企稳岗位，\n鹤壁专场招聘会开进园区", "　　" + BODY)
    assert [(i.kicker, i.title) for i in parsed.items] == [(None, "濮阳工会办起夜校"), ("援企稳岗位，", "鹤壁专场招聘会开进园区")]
    two = page("坚持技能强企，\n这家老厂的“蓝领专家”\n撑起了半条生产线", "　　" + BODY).items[0]
    assert (two.kicker, two.title) == ("坚持技能强企，", "这家老厂的“蓝领专家”撑起了半条生产线")


def test_a_line_ending_in_a_comma_with_a_blank_line_under_it_is_no_kicker() -> None:
    # guard: a short line stopping on a comma, parted by a blank line from the line under it, is text cut short (the
    # sentence goes on), not a 引题 tight over a title
    parsed = page("濮阳工会办起夜校", "　　" + BODY, "援企稳岗位，", "　　" + BODY)
    assert all(i.kicker != "援企稳岗位，" for i in parsed.items)
    assert [i.title for i in parsed.items] == ["濮阳工会办起夜校"]


LAYOUT_STORY = ("    本报讯（记者 柏　林）3月30日，丰台区总工会为300名快递员送上\n"
                "春季“健康包”，内有口罩、护手霜和常用药品。\n"
                "    区总工会还将在全区设立20个户外劳动者服务站点。")


def test_a_heading_set_off_like_the_headline_on_a_page_of_tight_paragraphs_heads_the_next_story() -> None:
    # a pdftotext copy: blank lines only around headlines, paragraphs parted by indents; under a short 本报讯 story a
    # line set off as the story's own headline was heads the next story (here a sentence ending in ！)
    parsed = page(MASTHEAD, "丰台快递员收到“健康包”", LAYOUT_STORY, "户外劳动者，你的权益有人管！",
                  "    日前，丰台区总工会发布户外劳动者权益保障提示，提醒职工遇到侵权可拨打12351。")
    assert [i.title for i in parsed.items] == ["丰台快递员收到“健康包”", "户外劳动者，你的权益有人管！"]


def test_a_box_label_set_off_the_same_way_stays_in_the_story() -> None:
    # guard: a box's label (记者手记) set off the same way extends the story above it: a crosshead
    parsed = page(MASTHEAD, "丰台快递员收到“健康包”", LAYOUT_STORY, "记者手记",
                  "    小小“健康包”，装的是工会对快递小哥的牵挂。")
    item, = parsed.items
    assert [c.text for c in item.crossheads] == ["记者手记"]


def test_a_bracketed_line_saying_who_answers_the_paper_s_questions_is_the_subtitle() -> None:
    parsed = page("让每一份集体合同都“落地生根”", "【全国总工会集体协商部负责人答记者问】",
                  "　　问：今年推进集体协商有哪些新举措？", "　　答：" + BODY)
    item, = parsed.items
    assert (item.title, item.subtitle, item.column) == ("让每一份集体合同都“落地生根”", "【全国总工会集体协商部负责人答记者问】",
                                                        None)


def test_a_bracketed_column_label_under_a_title_stays_a_column() -> None:
    # guard: 【走进新车间】 under a title names a series: the column, as before
    item, = page("让每一份集体合同都“落地生根”", "【走进新车间】", "　　" + BODY).items
    assert (item.subtitle, item.column) == (None, "【走进新车间】")
