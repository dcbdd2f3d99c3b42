"""Rules from the sixty-sixth held-out batch (tests/heldout/fresh65, pages aimed at the loader's weak lead classes). Each rule
has a test that failed before it and a guard (a near-miss it must not fire on); the inputs differ from the batch's pages,
and each test covers its class in more forms than the pages print:

- a lead naming a place with no 本报 and no date ("静安讯　…", "浦东讯　（通讯员　name）…", "闵行讯（通讯员 name）…") is a lead,
  dated by its place; a 本报X讯 lead with no date (本报芜湖讯) is dated by its place too, and a dated 讯 lead with its credit
  parted by gaps keeps its place as the 电 one does;
- a lead in the paragraph after the 编者按 that opens a story credits and dates that story, which it no longer splits;
- a poem printed one verse to a stanza under its title and the poet's bare name is verses, not a headline stack;
- a piece signed by its author on a literary page (副刊, 文苑, 书香…) is an article, not a commentary (``kind``).
"""

from __future__ import annotations

from archive_gen.loader.bylines import split_lead
from loader_pages import BODY, page

MASTHEAD = "江州工人报　2011年4月19日　第3版　区县工运"


# --- place-only leads -------------------------------------------------------------------------------------------------


def test_a_place_only_lead_with_no_paper_is_a_lead_dated_by_its_place() -> None:
    cases = {
        "静安讯　区总工会日前" + BODY: ("静安讯", "静安", ()),
        "浦东讯　（通讯员　李　强）　截至本月" + BODY: ("浦东讯\u3000（通讯员\u3000李\u3000强）", "浦东", ("李\u3000强",)),
        "闵行讯（通讯员 周建华）区总工会" + BODY: ("闵行讯（通讯员 周建华）", "闵行", ("周建华",)),
        "张家港讯 (记者 王海波) 日前" + BODY: ("张家港讯 (记者 王海波)", "张家港", ("王海波",)),
        "黔东南讯（杨　帆）近日" + BODY: ("黔东南讯（杨　帆）", "黔东南", ("杨　帆",)),
    }
    for text, (lead_text, place, names) in cases.items():
        lead = split_lead(text)
        assert lead is not None, text
        assert lead.text == lead_text
        assert lead.dateline is not None and lead.dateline.place == place
        assert lead.byline.names() == names


def test_words_ending_in_xun_are_no_place_leads() -> None:
    # guard: 简讯/快讯/喜讯/资讯/通讯, a clause (村民闻讯), a round-up (综合讯), an agency (新华社讯, handled elsewhere or not a
    # place), 讯 inside a word (闵行讯息), a bracket that is no credit
    for text in ("简讯　本市" + BODY, "工会快讯　" + BODY, "喜讯传来，" + BODY, "村民闻讯　赶来" + BODY,
                 "综合讯　据" + BODY, "职工通讯　" + BODY, "闵行讯息中心" + BODY, "静安讯（上接第1版）" + BODY,
                 "市场资讯　" + BODY):
        assert split_lead(text) is None, text


def test_a_bureau_lead_with_no_date_is_dated_by_its_place() -> None:
    for text, place in (("本报芜湖讯　（通讯员　陈　平）　" + BODY, "芜湖"), ("本报马鞍山讯　" + BODY, "马鞍山"),
                        ("本报洛阳讯（记者　王　磊）" + BODY, "洛阳")):
        lead = split_lead(text)
        assert lead is not None and lead.dateline is not None and lead.dateline.place == place, text
    spaced = split_lead("本报合肥3月8日讯　记者　张　敏　" + BODY)
    assert spaced is not None and spaced.dateline is not None and (spaced.dateline.place, spaced.dateline.month) == (
        "合肥", 3)


def test_no_place_for_a_plain_or_round_up_lead() -> None:
    # guard: 本报讯 and 本报综合讯 name no place
    for text in ("本报讯　" + BODY, "本报讯（记者　王　磊）" + BODY, "本报综合讯　" + BODY):
        lead = split_lead(text)
        assert lead is not None and lead.dateline is None, text


def test_a_place_only_lead_opens_a_story_of_its_own() -> None:
    # before: "闵行讯（通讯员 周建华）…" was no lead, so its short story was read as a crosshead of the story above
    parsed = page(MASTHEAD, "浦东百家企业签订工资集体协议", "　　浦东讯　（通讯员　李　强）　" + BODY, "　　" + BODY,
                  "闵行区工会开办夜校", "　　闵行讯（通讯员 周建华）区总工会" + BODY, "　　" + BODY)
    assert [i.title for i in parsed.items] == ["浦东百家企业签订工资集体协议", "闵行区工会开办夜校"]
    second = parsed.items[1]
    assert second.dateline is not None and second.dateline.place == "闵行"
    assert [(r.name, r.role) for r in second.byline_roles] == [("周建华", "通讯员")]


# --- a lead under an 编者按 -------------------------------------------------------------------------------------------


def test_a_lead_under_the_note_opening_a_story_credits_it() -> None:
    for note in ("　　编者按：职工的小发明看似细微，却是企业创新的源头活水。本报今起开设专栏。",
                 "　　【编者按】职工的小发明看似细微，却是企业创新的源头活水。"):
        parsed = page(MASTHEAD, "一汽职工“五小”成果年创效益过亿元", note,
                      "　　本报长春9月2日电（记者　柳　青　通讯员　孟庆华）　记者今天获悉，" + BODY, "　　" + BODY)
        assert len(parsed.items) == 1
        item = parsed.items[0]
        assert item.title == "一汽职工“五小”成果年创效益过亿元"
        assert len(item.paragraphs) == 3 and item.paragraphs[0].startswith(note.strip("\u3000")[:4])
        assert item.paragraphs[1].startswith("本报长春9月2日电")  # printed in place: ``lead`` is the first paragraph's
        assert item.lead is None
        assert [(r.name, r.role) for r in item.byline_roles] == [("柳\u3000青", "记者"), ("孟庆华", "通讯员")]
        assert item.dateline is not None and item.dateline.place == "长春"


def test_a_lead_under_a_labelled_note_credits_the_story() -> None:
    # the note under an 编者按 label on a line of its own, and a note parted from its label by U+3000 over a place-only lead
    parsed = page(MASTHEAD, "一汽职工成果年创效益过亿元", "编者按", "　　职工的小发明看似细微，却是企业创新的源头活水。",
                  "　　本报长春9月2日电（记者　柳　青）　记者今天获悉，" + BODY, "　　" + BODY)
    assert len(parsed.items) == 1 and len(parsed.items[0].paragraphs) == 3
    assert [r.name for r in parsed.items[0].byline_roles] == ["柳\u3000青"]
    parsed = page(MASTHEAD, "一汽职工成果年创效益过亿元", "　　编者按　职工的小发明看似细微，却是企业创新的源头活水。",
                  "　　静安讯（通讯员　柳　青）　" + BODY, "　　" + BODY)
    assert len(parsed.items) == 1
    assert parsed.items[0].dateline is not None and parsed.items[0].dateline.place == "静安"
    assert [(r.name, r.role) for r in parsed.items[0].byline_roles] == [("柳\u3000青", "通讯员")]


def test_a_lead_after_a_story_paragraph_still_opens_a_new_story() -> None:
    # guard: the exception is only for a body that is nothing but the note; a lead after a story's own text is the next
    # (untitled) story's, as before
    parsed = page(MASTHEAD, "一汽职工“五小”成果年创效益过亿元", "　　一汽工会每季度评选一次优秀成果。" + BODY,
                  "　　本报长春9月2日电（记者　柳　青）　记者今天获悉，" + BODY)
    assert len(parsed.items) == 2
    assert parsed.items[0].byline_roles == ()


# --- a poem one verse to a stanza ---------------------------------------------------------------------------------------


def test_a_poem_of_lone_verses_under_a_bare_name_is_one_poem() -> None:
    parsed = page("江州工人报　2016年6月22日　第4版　副刊", "夜班", "周　宁", "车间的灯亮着", "像一排不睡的眼睛",
                  "我们在机器的轰鸣里", "把夜晚一寸寸拧紧", "在车间读书的日子", "文/陆小禾",
                  "　　我们班组的工具柜旁，有一个小小的书架。" + BODY)
    assert [i.title for i in parsed.items] == ["夜班", "在车间读书的日子"]
    assert parsed.items[0].paragraphs == ("车间的灯亮着", "像一排不睡的眼睛", "我们在机器的轰鸣里", "把夜晚一寸寸拧紧")
    assert parsed.items[0].byline.names() == ("周\u3000宁",)
    # the run stops before a short line over prose: the next title over a story with no author line
    parsed = page("江州工人报　2016年6月22日　第4版　副刊", "焊花", "李　岚", "焊枪一点", "夜色就开了花",
                  "师傅说", "这是钢铁的星星", "全市职工诗歌朗诵会举行", "　　本报讯　" + BODY)
    assert [i.title for i in parsed.items] == ["焊花", "全市职工诗歌朗诵会举行"]
    assert len(parsed.items[0].paragraphs) == 4


def test_a_poem_of_lone_verses_under_a_marked_poet_line() -> None:
    # the poet's line after an author's mark (◎, □, ■) is a byline unit; it heads the poem as a bare name does
    # (an unpadded two-character name after a mark, "□林川", is no poet's line: no bare-name rule reads it)
    for poet in ("◎　林　川", "□林小川", "■ 林　川"):
        parsed = page("江州工人报　2012年8月14日　第6版　基层·文苑", "塔吊上的夏天", poet, "风从云里来", "汗从帽檐落",
                      "我在八十米的高处", "把城市一层层举起", "老师傅的搪瓷缸", "文/梁晓燕",
                      "　　厂里的老师傅们，几乎人手一个搪瓷缸。" + BODY)
        assert [i.title for i in parsed.items] == ["塔吊上的夏天", "老师傅的搪瓷缸"], poet
        assert len(parsed.items[0].paragraphs) == 4


def test_lone_short_lines_under_a_staff_credit_are_no_poem() -> None:
    # guard: a reporter's credit line is no poet's line; the short lines under it are read as before (here the next
    # headline stack), never as the verses of the item above
    parsed = page("江州工人报　2012年8月14日　第2版　要闻", "夏季劳动保护", "本报记者　黄　敏", "高温津贴", "防暑药品",
                  "作息调整", "　　全市各级工会" + BODY)
    assert parsed.items[0].title == "夏季劳动保护" and parsed.items[0].paragraphs == ()
    assert not any("作息调整" in i.paragraphs for i in parsed.items)


def test_two_lone_short_lines_under_a_name_are_no_poem() -> None:
    # guard: fewer than three lone lines under a title and a bare name are not read as verses
    parsed = page("江州工人报　2016年6月22日　第4版　副刊", "夜班", "周　宁", "车间的灯亮着", "像一排不睡的眼睛")
    assert not any(p == "车间的灯亮着" for i in parsed.items for p in i.paragraphs)


# --- kind on a literary page --------------------------------------------------------------------------------------------


def test_a_signed_piece_on_a_literary_page_is_an_article() -> None:
    # before: an author's credit ("□　name", a bare name over verses, an （作者单位：…） trailer) made every piece a commentary
    for name in ("副刊·职工文苑", "文艺副刊", "职工文苑", "书香"):
        parsed = page(f"江州工人报　2016年6月22日　第4版　{name}", "父亲的安全帽", "□　徐　波",
                      "　　父亲在建筑工地干了三十年，他的安全帽换过五顶。" + BODY, "　　" + BODY,
                      "　　（作者单位：南通某建筑公司）")
        assert parsed.items[0].byline.authors == ("徐\u3000波",)
        assert parsed.items[0].kind == "article", name


def test_a_signed_piece_elsewhere_and_a_labelled_comment_stay_commentaries() -> None:
    # guard: the same piece on a 理论/评论 page is an opinion piece; a 短评 on a literary page is the paper's comment
    parsed = page("江州工人报　2016年6月22日　第7版　理论", "让劳动者更有获得感", "□　徐　波",
                  "　　劳动者是社会财富的创造者。" + BODY, "　　" + BODY, "　　（作者单位：江州市委党校）")
    assert parsed.items[0].kind == "commentary"
    parsed = page("江州工人报　2016年6月22日　第4版　副刊", "短评", "读书要趁早", "■　徐　波",
                  "　　读书是一辈子的事。" + BODY, "　　" + BODY)
    assert parsed.items[0].kind == "commentary"
