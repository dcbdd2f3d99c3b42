"""Rules from the sixty-third held-out batch (tests/heldout/fresh62, a check of the fresh60/fresh61 rules in other surface
forms): OCR's "o" for "。" before a closing quote and before a sign-off; a sign-off dated by a festival; a title line ending
on a verb of making or getting and its 了, or on 为…落实; a clause kicker holding quotes; a 访… subtitle in 〔〕; numbered
turns 问一：/答一：; a sketch's introduction in brackets under the name; a folio between dashes and a paper·section running
head inside a paragraph; a firm over a passive predicate. Each rule has a test that failed before it and a guard (a
near-miss it must not fire on). The inputs differ from the batch's pages."""

from __future__ import annotations

from loader_pages import BODY, page

OLD = "工人日报　一九八四年三月六日　星期二　第二版"
MASTHEAD = "工人日报　2018年4月3日　第5版　综合"


def test_ocr_o_before_a_closing_quote_ends_the_paragraph() -> None:
    # "…真本事o”" closes a quoted sentence: the paragraph ends there and is not the kicker of the headline under it
    parsed = page(OLD, "锅炉厂青工学技术", "　　本报讯　锅炉厂青工参加技术培训的人数由三百人增加到九百人o今年以来,有四十人通过考核。",
                  "　　车间主任说:“要当好工人,就得有真本事o”", "他们把技术送到了工地", "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == ["锅炉厂青工学技术", "他们把技术送到了工地"]
    assert parsed.items[1].kicker is None
    assert len(parsed.items[0].paragraphs) == 2


def test_a_latin_word_ending_in_o_before_a_quote_is_no_stop() -> None:
    # guard: "o" after a Latin letter ("Logo”") is a word's: the quoted line is still read as no sentence of its own
    from archive_gen.loader.shapes import sentencey
    assert not sentencey("新“Logo”发布")


def test_ocr_o_before_a_bracketed_credit_signs_the_brief() -> None:
    parsed = page(OLD, "职工业余书法班结业", "　　本报讯　市工人文化宫举办的职工业余书法班日前结业,六十名学员参加考试o(葛 岚)")
    item = parsed.items[0]
    assert item.paragraphs[-1].endswith("考试o")
    assert "葛 岚" in item.byline.names()


def test_a_latin_o_before_a_bracket_is_no_stop() -> None:
    # guard: "…Logo(图)" ends in a word: the bracket is no credit
    from archive_gen.loader.bylines import split_signoff
    assert split_signoff("厂里发布了新的Logo(葛 岚)") is None


def test_a_sign_off_dated_by_a_festival_is_a_trailer() -> None:
    text = "　　" + BODY + "\n\n　　　　　　　　　　一九九九年春节写于抚顺"
    parsed = page("工人日报　1999年3月2日　第7版　副刊", "矿工的年", "孟庆华", text)
    assert [i.title for i in parsed.items] == ["矿工的年"]
    item = parsed.items[0]
    assert not any("写于" in p for p in item.paragraphs)


def test_a_festival_meeting_is_no_sign_off() -> None:
    # guard: "…年春节于北京举行…" reports an event: a headline, not a sign-off
    parsed = page(MASTHEAD, "2018年春节于北京举行团拜会", "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == ["2018年春节于北京举行团拜会"]


def test_a_title_line_ending_on_a_verb_and_its_le_runs_on() -> None:
    for upper, lower in (("这座老矿山的退休职工办起了", "一家“夕阳红”食堂"), ("郑州为五万名快递小哥落实", "免费健康体检")):
        parsed = page(MASTHEAD, f"{upper}\n{lower}", "　　本报讯　" + BODY)
        assert [(i.title, i.subtitle) for i in parsed.items] == [(upper + lower, None)]


def test_a_clause_closed_by_le_is_a_title_of_its_own() -> None:
    # guard: "…加班费没有了" closes its clause; the line under it is the subtitle, not its object
    parsed = page(MASTHEAD, "这家企业的加班费没有了\n——记者追踪职工工资变化", "　　本报讯　" + BODY)
    assert parsed.items[0].title == "这家企业的加班费没有了"


def test_a_clause_kicker_holding_quotes_is_the_kicker() -> None:
    parsed = page(MASTHEAD, "从“要我学技术”到“我要学技术”，\n长沙职工夜校报名人数翻了一番", "　　本报讯　" + BODY)
    item = parsed.items[0]
    assert (item.kicker, item.title) == ("从“要我学技术”到“我要学技术”，", "长沙职工夜校报名人数翻了一番")


def test_a_long_quoted_sentence_ending_in_a_comma_is_no_kicker() -> None:
    # guard: without its quotes the line is still too long for a clause kicker
    line = "“每一名职工都要把技术练精练透练到家，也要把安全放在第一位”，"
    parsed = page(MASTHEAD, f"{line}\n长沙职工夜校报名人数翻了一番", "　　本报讯　" + BODY)
    assert parsed.items[0].kicker != line


def test_a_profile_line_in_square_brackets_is_the_subtitle() -> None:
    parsed = page(MASTHEAD, "让每一名快递小哥都有“娘家”", "〔访市总工会基层工作部部长冉晓东〕", "本报记者　甘　霖",
                  "　　" + BODY)
    item = parsed.items[0]
    assert (item.title, item.subtitle) == ("让每一名快递小哥都有“娘家”", "〔访市总工会基层工作部部长冉晓东〕")


def test_a_short_visiting_column_in_brackets_stays_a_column() -> None:
    # guard: 【访民情】 is a column's name (a few characters), not a 副题
    item = page(MASTHEAD, "【访民情】", "社区工会驿站开进菜市场", "　　本报讯　" + BODY).items[0]
    assert item.subtitle is None


def test_turns_numbered_in_characters_are_paragraphs() -> None:
    parsed = page(MASTHEAD, "欠薪怎么办？律师来解答", "本报记者　甘　霖",
                  "　　问一：包工头跑了，工钱找谁要？", "　　答一：可以找总承包单位。施工总承包单位应当依法先行清偿拖欠的工资。",
                  "　　问二：没有劳动合同怎么办？", "　　答二：工友的证言、考勤记录和微信聊天记录都可以作为证据。")
    assert [i.title for i in parsed.items] == ["欠薪怎么办？律师来解答"]
    assert len(parsed.items[0].paragraphs) == 4
    assert not parsed.items[0].crossheads


def test_a_two_character_speaker_is_still_a_speaker() -> None:
    # guard: "问一问：" is no numbered turn; a name's label ("周建民：") is read as before
    from archive_gen.loader.shapes import speaker
    assert speaker("问一问：工钱找谁要？") == "问一问"
    assert speaker("周建民：那时候条件很苦。") == "周建民"


def test_a_name_over_a_bracketed_introduction_heads_a_sketch() -> None:
    parsed = page(MASTHEAD, "罗小燕", "　　（长沙地铁运营公司列车司机、湖南省五一劳动奖章获得者）",
                  "　　开了八年地铁，罗小燕没有一次晚点。", "　　（本报记者　甘　霖）")
    item = parsed.items[0]
    assert (item.title, item.subtitle) == ("罗小燕", "（长沙地铁运营公司列车司机、湖南省五一劳动奖章获得者）")
    assert len(item.paragraphs) == 1


def test_a_bracketed_author_note_under_a_name_is_no_introduction() -> None:
    # guard: "（作者为…厂职工）" under an author's name is a note on the writer, never a sketch's 副题
    item = page("工人日报　2018年4月3日　第7版　副刊", "写给师傅", "谭　林", "（作者为株洲电力机车厂职工）",
                "　　" + BODY).items[0]
    assert item.title == "写给师傅"
    assert item.subtitle is None


def test_a_dashed_folio_and_a_paper_section_head_inside_a_paragraph() -> None:
    text = ("    本报讯（记者 甘 霖）长沙市总工会今年为一线职工办实事，已建成\n"
            "户外劳动者服务站三百多个，全市职工\n"
            "                              — 12 —\n"
            "\f湖南工人报·综合                             2018年4月3日\n"
            "可就近歇脚、饮水、充电。")
    item = page("湖南工人报          2018年4月3日          第12版  综合", "长沙建成三百多个户外劳动者服务站", text).items[0]
    assert len(item.paragraphs) == 1
    assert item.paragraphs[0].endswith("全市职工可就近歇脚、饮水、充电。")


def test_a_dashed_line_of_words_is_no_folio() -> None:
    # guard: "— 记者手记 —" is a label, not a page number; a paper·section name with no date is no masthead
    from archive_gen.loader.furniture import _STRAY_MARK, _read
    assert not _STRAY_MARK.match("— 记者手记 —")
    assert _read("湖南工人报·综合") is None


def test_a_firm_over_a_passive_predicate_is_one_title() -> None:
    parsed = page(MASTHEAD, "长沙一建筑企业\n克扣农民工工资被曝光", "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == ["长沙一建筑企业克扣农民工工资被曝光"]


def test_a_firm_over_a_phrase_of_its_own_is_not_joined() -> None:
    # guard: the line under the firm says no sanction done to it: the two lines are not one title
    item = page(MASTHEAD, "长沙一建筑企业\n工地食堂的新菜单", "　　本报讯　" + BODY).items[0]
    assert item.title != "长沙一建筑企业工地食堂的新菜单"
