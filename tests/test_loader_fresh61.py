"""Rules from the sixty-second held-out batch (tests/heldout/fresh61, written to be hard): numbered 问1：/答1： turns of a
Q&A column; an older headline printed as a unit's name over its people's deed or over whom it does something for (an OCR
space inside the unit's name); OCR's "o" for "。" ending a paragraph; a 人物 sketch headed by a person's name over a line
introducing that person by post. Each rule has a test that failed before it and a guard (a near-miss it must not fire
on). The inputs differ from the batch's pages."""

from __future__ import annotations

from loader_pages import BODY, page

MASTHEAD = "工人日报　2016年3月8日　第7版　法治"


def test_numbered_question_and_answer_turns_are_paragraphs_of_one_column() -> None:
    # "问1：…？" is a turn of the Q&A under the column's title, not the title of an item of its own
    parsed = page(MASTHEAD, "劳动合同，这些事要问清", "本报记者　甘　霖　整理",
                  "　　问1：试用期可以不签劳动合同吗？", "　　答1：不可以。试用期包含在劳动合同期限内，用人单位应当依法签订书面劳动合同。",
                  "　　问2：单位不给缴社保，我能辞职吗？", "　　答2：可以。用人单位未依法缴纳社会保险费的，劳动者可以解除劳动合同，并要求经济补偿。")
    assert [i.title for i in parsed.items] == ["劳动合同，这些事要问清"]
    assert len(parsed.items[0].paragraphs) == 4


def test_a_headline_asking_a_hundred_workers_is_no_numbered_turn() -> None:
    # guard: a number of three digits before the colon counts people, not questions: the line stays a headline
    parsed = page(MASTHEAD, "问100名职工：你的年假休了吗？", "　　" + BODY)
    assert [i.title for i in parsed.items] == ["问100名职工：你的年假休了吗？"]


def test_a_unit_s_name_over_its_people_s_deed_is_one_title() -> None:
    # "…机床厂" over "职工…": subject over predicate, one title; an OCR space inside the unit's name changes nothing
    for upper, lower in (("齐齐哈尔第一机床厂", "职工自编教材学技术"), ("太原钢铁公司 工会", "为退休职工建起活动中心")):
        parsed = page("工人日报　一九八七年六月二日　第二版", upper, lower, "　　本报讯　" + BODY)
        assert [i.title.replace(" ", "") for i in parsed.items] == [(upper + lower).replace(" ", "")]


def test_a_unit_s_name_over_a_phrase_of_its_own_is_not_joined_to_it() -> None:
    # guard: the line under the unit's name is a phrase of its own (no predicate opening on the unit's people or on a
    # coverb): the two lines are not joined into one title
    item = page("工人日报　一九八七年六月二日　第二版", "齐齐哈尔第一机床厂", "老劳模的新课堂", "　　本报讯　" + BODY).items[0]
    assert item.title != "齐齐哈尔第一机床厂老劳模的新课堂"
    assert "老劳模的新课堂" in (item.title, item.subtitle)


def test_ocr_o_for_a_full_stop_ends_a_paragraph() -> None:
    # "…峰o" then an indented line: the "o" is the full stop's circle; the next line opens a paragraph of its own
    text = ("　　这个队组建以来，累计钻井进尺一百多万米，相当于打穿一百多座珠穆朗玛峰o\n"
            "　　队长说，他们靠的就是一股子不服输的劲头。")
    item = page("工人日报　一九八六年五月三日　第二版", "钻井队的新纪录", text).items[0]
    assert len(item.paragraphs) == 2


def test_a_latin_o_after_a_letter_ends_nothing() -> None:
    # guard: an "o" after a Latin letter is a word's (Logo), not a full stop: the hard-wrapped line runs on
    text = ("　　公司为职工设计了新的工会会徽和Logo\n"
            "　　作为今年职工文化节的主视觉，受到职工欢迎。")
    item = page("工人日报　2016年3月8日　第5版", "职工文化节开幕", text).items[0]
    assert len(item.paragraphs) == 1


def test_a_name_over_a_line_introducing_the_person_heads_a_sketch() -> None:
    # a 人物 sketch: a person's name is its title, the line giving unit and post under it the subtitle
    parsed = page("第05版：劳动者风采", "祁志刚", "　　兰州石化公司炼油厂仪表工，全国技术能手",
                  "　　" + BODY, "（本报记者　甘　霖）", "卢秀珍", "　　哈尔滨电机厂焊接车间班长",
                  "　　" + BODY)
    assert [(i.title, i.subtitle) for i in parsed.items] == [
        ("祁志刚", "兰州石化公司炼油厂仪表工，全国技术能手"), ("卢秀珍", "哈尔滨电机厂焊接车间班长")]


def test_a_poem_titled_with_a_post_under_a_signature_is_no_sketch() -> None:
    # guard: a post named with no unit ("写给塔吊司机") after a signed essay titles the poem under it
    parsed = page("第08版：副刊", "车间的吊兰", "　　" + BODY + "\n　　　　　　　　于　澜", "写给塔吊司机\n□宁　远\n你在离天最近的地方\n把一座城\n一层一层举高")
    assert [i.title for i in parsed.items] == ["车间的吊兰", "写给塔吊司机"]


def test_a_lead_dated_in_characters_names_its_reporter() -> None:
    # "本报沈阳五月二日电　记者郑 钢报道：": a date written in characters, then the reporter and 报道 (an OCR space in the
    # name): the lead credits the reporter, as it does with the date in digits
    text = "本报鞍山六月十二日电　记者柏 林报道：" + BODY
    item = page("工人日报　一九八七年六月十三日　第一版", "鞍钢职工节约一度电", "　　" + text).items[0]
    assert item.byline.reporters == ("柏 林",)
    assert item.paragraphs[0] == BODY


def test_a_lead_dated_in_characters_with_no_reporter_keeps_its_text() -> None:
    # guard: a written-date lead with no 记者…报道 credit is read as before, the text after it kept whole
    item = page("工人日报　一九八七年六月十三日　第一版", "鞍钢职工节约一度电", "　　本报鞍山六月十二日电　" + BODY).items[0]
    assert item.byline.reporters == ()
    assert item.paragraphs[0] == BODY


STARS = "＊　　＊　　＊"


def test_a_row_of_stars_inside_a_story_parts_two_parts_of_its_text() -> None:
    # "＊　＊　＊" between two paragraphs of one story is a section break: the text under it is still the story's
    first, second = "　　本报讯　" + BODY, "　　记者在现场看到，前来咨询的职工排起了长队，工作人员一一耐心解答。"
    parsed = page("第３版　综合新闻", "职工服务中心开门迎客", first, STARS, second)
    assert [i.title for i in parsed.items] == ["职工服务中心开门迎客"]
    assert len(parsed.items[0].paragraphs) == 2


def test_a_row_of_stars_over_a_headline_still_ends_the_story() -> None:
    # guard: a headline under the stars starts the next story (ASCII stars, read as a rule before the rule was added)
    parsed = page("第３版　综合新闻", "职工服务中心开门迎客", "　　本报讯　" + BODY, "*　*　*", "女工夜校开学",
                  "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == ["职工服务中心开门迎客", "女工夜校开学"]


def test_a_rule_of_box_drawing_bars_between_stories_is_no_column() -> None:
    # "──────" between two stories is a rule: decoration, never the column of the story under it
    parsed = page("第３版　综合新闻", "职工服务中心开门迎客", "　　本报讯　" + BODY, "──────────",
                  "女工夜校开学", "　　本报讯　" + BODY)
    assert [(i.title, i.column) for i in parsed.items] == [("职工服务中心开门迎客", None), ("女工夜校开学", None)]


def test_a_subtitle_opened_by_box_drawing_bars_is_still_a_headline_line() -> None:
    # guard: only a line made wholly of bars is a rule; "──记…" (bars typed for ——) stays in the headline stack
    parsed = page("第３版　综合新闻", "铁人精神代代传", "──记大庆油田钻井二公司1205钻井队", "本报记者　龚　伟", "　　" + BODY)
    assert [i.title for i in parsed.items] == ["铁人精神代代传"]


def test_an_essay_signed_with_where_and_when_it_was_written_ends_there() -> None:
    # "2003年8月于株洲" under an essay's text is its sign-off (a trailer), not the title of an item of its own
    parsed = page("第７版　副刊", "老厂房的黄昏", "　　谭　林", "　　" + BODY,
                  "　　　　　　　　　　1998年5月改定于北京", "“手艺”里的中国", "　　" + BODY)
    assert [i.title for i in parsed.items] == ["老厂房的黄昏", "“手艺”里的中国"]


def test_a_headline_dating_a_meeting_in_a_city_is_no_sign_off() -> None:
    # guard: "…年…月于…召开…" tells of an event: the line stays a headline
    parsed = page("第７版　副刊", "老厂房的黄昏", "　　" + BODY, "2020年5月于北京召开职工文学年会", "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == ["老厂房的黄昏", "2020年5月于北京召开职工文学年会"]


def test_ocr_s_kou_for_the_square_before_a_byline_line_is_the_mark() -> None:
    # "口本报通讯员　葛　群": OCR read the □ before the byline as 口; the role is 本报通讯员, as printed after the mark
    item = page("工人日报　一九八六年五月三日　第二版", "女工夜校开学", "口本报通讯员　葛　群", "　　" + BODY).items[0]
    assert [(r.name, r.role) for r in item.byline_roles] == [("葛\u3000群", "本报通讯员")]


def test_a_narrator_s_kou_shu_label_is_no_ocr_square() -> None:
    # guard: "口述：" labels who told the story; its 口 is a word's, and the line is read as before
    item = page("第５版　劳动者", "我在矿山三十年", "口述：退休矿工　吕　方", "　　" + BODY).items[0]
    assert [(r.name, r.role) for r in item.byline_roles] == [("吕\u3000方", "退休矿工")]
