"""Kickers the loader must not invent (issue 14's measurement gap): a line that is page furniture or a banner over the
page's stories is no story's 引题. Each rule has a test that failed before it and a guard it must not fire on."""

from __future__ import annotations

from loader_pages import BODY, page


def only(parsed):  # type: ignore[no-untyped-def]
    assert len(parsed.items) == 1, [i.title for i in parsed.items]
    return parsed.items[0]


# ---- a masthead's date line that counts the issue's pages ("今日8版"), under a romanised name with an apostrophe ----


def test_a_date_line_counting_the_issues_pages_is_masthead_not_a_kicker() -> None:
    parsed = page("楚天工人报\nCHUTIAN WORKERS' DAILY\n2026年10月12日　星期一　　农历九月初二　　今日8版\n第1版　要闻",
                  "全省职工技能大赛决赛开幕", "——3200名选手角逐28个工种", "本报讯（记者　李　源）" + BODY)
    item = only(parsed)
    assert item.kicker is None and item.title == "全省职工技能大赛决赛开幕"
    assert parsed.page == 1 and parsed.date == "2026-10-12"
    furniture = {line.text for line in parsed.furniture}
    assert {"楚天工人报", "CHUTIAN WORKERS' DAILY"} <= furniture


def test_a_count_of_pages_alone_on_a_date_line_variant() -> None:
    parsed = page("2026年10月12日　星期一　本期16版\n第3版　工会新闻", "全市工会召开职工代表座谈会",
                  "本报讯（记者　李　源）" + BODY)
    assert only(parsed).kicker is None
    assert "2026年10月12日　星期一　本期16版" in {line.text for line in parsed.furniture}


def test_guard_a_headline_saying_how_many_pages_is_still_a_headline() -> None:
    # a line that counts pages but is no masthead token of its own ("…今日8版" inside a sentence) stays text
    parsed = page("第2版　要闻", "本报今日8版推出职工技能大赛特刊", "本报讯（记者　李　源）" + BODY)
    assert [i.title for i in parsed.items] == ["本报今日8版推出职工技能大赛特刊"]


def test_guard_capitals_with_an_apostrophe_inside_the_text_stay_text() -> None:
    parsed = page("2026年3月2日　星期一　第1版", "西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY,
                  "WORKERS' VOICES", "全市职工书屋今年新增藏书两万册，借阅人次比去年增加三成。")
    assert "WORKERS' VOICES" not in {line.text for line in parsed.furniture}


# ---- a line naming the kind of page or section (…特别报道, …·专版, 读者来信) is a banner, not a kicker ----


def test_a_special_report_banner_over_a_profile_is_its_column() -> None:
    item = only(page("第5版　特别报道", "抗冰保电特别报道", "冰雪中的“银线卫士”", "——记贵州电网都匀供电局输电线路抢修队",
                     "本报记者　罗永刚", BODY))
    assert (item.column, item.kicker, item.title) == ("抗冰保电特别报道", None, "冰雪中的“银线卫士”")


def test_a_special_page_banner_with_a_dot_is_its_column() -> None:
    item = only(page("第5版　专版", "产业工人队伍建设改革·专版", "江淮重工：技能等级认定打通职工“成长通道”",
                     "本报记者　周　航", BODY))
    assert (item.column, item.kicker) == ("产业工人队伍建设改革·专版", None)


def test_the_letters_label_is_a_column_even_when_the_text_names_it() -> None:
    item = only(page("第5版　职工生活", "读者来信", "车间里的高温，谁来管一管？",
                     "编者按：入伏以来，多地气温突破38摄氏度。本报陆续收到读者来信，反映车间高温问题。", BODY))
    assert (item.column, item.kicker, item.title) == ("读者来信", None, "车间里的高温，谁来管一管？")


def test_guard_a_kicker_that_mentions_a_report_is_still_a_kicker() -> None:
    # a clause over the title that only mentions a special report ends on no page kind: it keeps its kicker reading
    item = only(page("第2版　要闻", "本报推出抗冰保电特别报道——", "冰雪中的“银线卫士”", "本报讯（记者　罗永刚）" + BODY))
    assert item.kicker == "本报推出抗冰保电特别报道——" and item.column is None


def test_guard_a_headline_ending_in_a_supplement_word_with_a_verb_is_a_title() -> None:
    # "…推出…专刊" tells of a supplement launched: a story's title, and more than fourteen characters before 专刊
    item = only(page("第3版　工会新闻", "全省各级工会为一线职工推出夏季安全生产知识学习专刊", "本报讯（记者　李　源）" + BODY))
    assert item.title == "全省各级工会为一线职工推出夏季安全生产知识学习专刊" and item.column is None


def test_a_data_box_label_over_its_title_is_its_column() -> None:
    # a 数据 box (fresh60): the label names what is printed under it, the title says what the figures are
    item = only(page("第8版　图片·数据", "数据", "2022年全国工会帮扶工作",
                     "帮扶困难职工：156万户\n慰问资金：34.6亿元\n新建职工之家：1.8万个", "数据来源：全国总工会"))
    assert (item.column, item.kicker, item.title) == ("数据", None, "2022年全国工会帮扶工作")


def test_guard_a_headline_about_data_is_still_a_title() -> None:
    # a line that says something of data (数据说话, 数据见证…) is a headline's part, not a box's kind
    item = only(page("第3版　工会新闻", "数据见证职工收入稳步增长", "本报讯（记者　李　源）" + BODY))
    assert item.title == "数据见证职工收入稳步增长" and item.column is None
