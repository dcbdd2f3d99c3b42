"""parse_page on small inline pages for the rules of issue 14: headline stacks read as a whole, lists,
bylines with roles, credits, interviews, orphan tails, commentary and letters, continued halves, missing
openings, bracketed notes and page furniture. Every page is also checked for conservation."""

from __future__ import annotations

from dataclasses import replace

from archive_gen.loader import conservation, parse_page
from archive_gen.loader.headlines import StackContext, read_stack
from archive_gen.model import BylineRole, Page
from loader_pages import BODY, page

BODY2 = "据了解，该市已建成职工服务站点四十余个，累计服务职工两万余人次，受到广泛好评。"
LEAD = "本报讯(记者王伟)近日，全市各级工会启动技能提升行动，帮助一线职工提升技能水平。"



def only(parsed: Page):
    assert len(parsed.items) == 1, [i.title for i in parsed.items]
    return parsed.items[0]


def heads(item) -> tuple:
    return item.kicker, item.title, item.subtitle, item.column


# ---- class 1, 2: stacks -------------------------------------------------------------------------

def test_three_line_stack_without_dashes_is_kicker_title_subtitle() -> None:
    item = only(page("发挥工会组织优势 助力农民工稳岗就业", "全总启动“春暖农民工”服务行动",
                     "今年将为300万名以上农民工提供就业创业服务", LEAD, BODY))
    assert heads(item) == ("发挥工会组织优势 助力农民工稳岗就业", "全总启动“春暖农民工”服务行动",
                           "今年将为300万名以上农民工提供就业创业服务", None)


def test_long_sentence_kicker_over_title_and_dash_subtitle() -> None:
    item = only(page("连续三年开展“安康杯”竞赛，全省企业生产安全事故起数下降两成", "守好安全生产“第一道防线”",
                     "——记河北省总工会劳动保护部", "本报记者 张晓明", BODY, BODY2))
    assert item.kicker.startswith("连续三年") and item.title == "守好安全生产“第一道防线”"
    assert item.subtitle == "——记河北省总工会劳动保护部" and item.byline.reporters == ("张晓明",)


def test_series_banner_and_bracketed_series_line_above_a_title_are_columns() -> None:
    parsed = page("一线职工风采录", "天山脚下的“电力尖兵”", "本报记者 李静", BODY,
                  "【大国工匠·系列报道③】", "毫厘之间见真功", "本报记者 王冬梅", BODY2)
    first, second = parsed.items
    assert heads(first) == (None, "天山脚下的“电力尖兵”", None, "一线职工风采录")
    assert heads(second) == (None, "毫厘之间见真功", None, "【大国工匠·系列报道③】")


def test_slogan_with_a_space_above_a_title_is_its_kicker_not_an_item() -> None:
    item = only(page("扎紧“钱袋子” 护好“血汗钱”", "云南开展根治欠薪冬季专项行动", LEAD))
    assert (item.kicker, item.title) == ("扎紧“钱袋子” 护好“血汗钱”", "云南开展根治欠薪冬季专项行动")


def test_campaign_banner_of_short_phrases_above_a_title_is_a_column() -> None:
    item = only(page("新时代 新征程 新伟业", "一颗螺丝钉的“精度人生”", "本报记者 李丰", BODY))
    assert heads(item) == (None, "一颗螺丝钉的“精度人生”", None, "新时代 新征程 新伟业")


def test_a_line_introducing_the_title_is_a_kicker() -> None:
    item = only(page("全国工会职工疗休养工作推进会提出", "让一线职工成为疗休养主体", LEAD))
    assert (item.kicker, item.title) == ("全国工会职工疗休养工作推进会提出", "让一线职工成为疗休养主体")


def test_headline_with_no_body_above_another_story_is_its_own_item() -> None:
    # the body under the stack repeats only the third line; the first two have their text elsewhere
    parsed = page("昆明为环卫工人建起“爱心驿站”", "全市已建成驿站300余个，免费提供饮水、热饭、休息等服务",
                  "青海启动职工普惠服务“进万家”活动",
                  "本报讯(记者邢海)6月18日，青海省总工会启动职工普惠服务“进万家”活动，让更多职工享受普惠服务。",
                  "端午节前送粽香", "6月17日，工会工作人员为职工送上粽子。本报通讯员 郝群 摄",
                  "的驿站统一标识、统一服务规范，配备饮水机、微波炉、医药箱，环卫工人可以免费使用。",
                  "昆明市总工会有关负责人表示，将推动“爱心驿站”向乡镇延伸。")
    titles = [i.title for i in parsed.items]
    assert titles[:2] == ["昆明为环卫工人建起“爱心驿站”", "青海启动职工普惠服务“进万家”活动"]
    owner = parsed.items[0]
    assert owner.subtitle.startswith("全市已建成驿站") and len(owner.paragraphs) == 2
    assert owner.starts_incomplete and parsed.items[1].kicker is None


def test_stack_reader_uses_every_line_once() -> None:
    lines = ["【一线风采】", "深化产业工人队伍建设改革——", "让更多产业工人成为“金蓝领”", "——记某公司工会", "最美职工"]
    reading = read_stack(lines, StackContext())
    used: list[int] = list(reading.signature)
    for item in reading.items:
        used += [item.title, *(k for k in (item.kicker, item.subtitle) if k is not None), *item.columns, *item.names]
    assert sorted(used) == list(range(len(lines)))
    (item,) = reading.items
    assert (item.kicker, item.title, item.subtitle, item.columns) == (1, 2, 3, (0, 4))


# ---- class 3: lists -------------------------------------------------------------------------------

def test_honours_list_after_a_story_is_its_own_item() -> None:
    parsed = page("江苏表彰五一劳动奖获得者", LEAD, BODY, "2023年江苏省五一劳动奖章获得者名单（部分）",
                  "丁国强　南京地铁运营有限责任公司车辆维修工。", "王秀兰　徐工集团工程机械股份有限公司焊接技师。",
                  "刘海波　中车戚墅堰机车有限公司数控车工。")
    first, second = parsed.items
    assert len(first.paragraphs) == 2 and first.crossheads == ()
    assert second.title == "2023年江苏省五一劳动奖章获得者名单（部分）" and len(second.paragraphs) == 3


def test_list_of_names_and_units_without_full_stops_is_body_not_headlines() -> None:
    item = only(page("2022年全国五一劳动奖章获得者（部分）", "王建国　中国一重集团有限公司焊工",
                     "李秀英　北京协和医院护士长", "张志强　中国中铁隧道局盾构机主司机"))
    assert item.title == "2022年全国五一劳动奖章获得者（部分）" and len(item.paragraphs) == 3


def test_stack_of_title_and_subtitle_over_a_list_is_not_joined_to_it() -> None:
    item = only(page("河南表彰一批五一劳动奖章获得者", "200名一线职工和劳模工匠获此殊荣",
                     "\u3000\u3000马  超　郑州宇通客车股份有限公司焊装车间班长。",
                     "\u3000\u3000王丽娜　河南省人民医院急诊科护士长。"))
    assert item.subtitle == "200名一线职工和劳模工匠获此殊荣" and item.paragraphs[0].startswith("马  超")


# ---- class 4, 12: bylines and roles --------------------------------------------------------------

def test_two_byline_lines_with_long_minority_names() -> None:
    item = only(page("天山脚下的“电力尖兵”", "本报记者 阿依努尔·吐尔洪", "本报通讯员 买买提江·艾力", BODY))
    assert item.title == "天山脚下的“电力尖兵”" and item.subtitle is None
    assert item.byline.reporters == ("阿依努尔·吐尔洪",) and item.byline.correspondents == ("买买提江·艾力",)


def test_roles_are_kept_as_printed() -> None:
    item = only(page("宜昌：“工会+法院”联手化解欠薪纠纷", "本报讯(见习记者 李欣然 本报通讯员 孙海涛)去年以来，宜昌市总工会设立工作站。"))
    assert item.byline.reporters == ("李欣然",) and item.byline.correspondents == ("孙海涛",)
    assert item.byline_roles == (BylineRole("李欣然", "见习记者"), BylineRole("孙海涛", "本报通讯员"))
    intern = only(page("新修订工会法解读", "本报记者 郑  莉", "本报实习生 依力夏提·吾斯曼", BODY))
    assert intern.byline.interns == ("依力夏提·吾斯曼",)
    assert intern.byline_roles == (BylineRole("郑  莉", "本报记者"), BylineRole("依力夏提·吾斯曼", "本报实习生"))


def test_marked_reporter_byline_is_not_a_commentary_author() -> None:
    item = only(page("车间里的“点子大王”", "■本报记者 张  峰", BODY, BODY2))
    assert item.kind == "article" and item.byline.reporters == ("张  峰",)
    assert item.byline_roles == (BylineRole("张  峰", "本报记者"),)


def test_column_words_after_a_role_word_are_not_a_byline() -> None:
    parsed = page("记者手记", "采访结束时，夕阳西下，职工们还在车间里忙碌。")
    assert only(parsed).title == "记者手记" and only(parsed).byline.names() == ()


# ---- class 5: photo credits ---------------------------------------------------------------------

CAPTION = "9月27日，在重庆市江北区一处地铁施工现场，工人们冒着高温绑扎钢筋。"


def test_credit_glued_with_no_space_at_all() -> None:
    item = only(page("高温下的坚守", CAPTION + "新华社记者 程敏摄"))
    assert item.kind == "photo" and item.credit == "新华社记者 程敏摄" and item.paragraphs == (CAPTION,)
    assert item.byline.photographers == ("程敏",) and item.byline_roles == (BylineRole("程敏", "新华社记者"),)


def test_credit_with_a_padded_name_and_two_roles_on_one_line() -> None:
    item = only(page("金秋时节农事忙（组图）", "秋分过后，各地农民抢抓晴好天气收获秋粮。", "①9月26日，农机手驾驶收割机收获水稻。",
                     "②9月25日，农民将收获的玉米装车外运。", "③9月26日，采棉机正在采收棉花。",
                     "本报记者 王  伟 本报通讯员 张家豪 摄"))
    assert item.kind == "photo" and item.title == "金秋时节农事忙（组图）" and len(item.paragraphs) == 4
    assert item.byline.photographers == ("王  伟", "张家豪")
    assert item.byline_roles == (BylineRole("王  伟", "本报记者"), BylineRole("张家豪", "本报通讯员"))


def test_agency_credit_in_brackets() -> None:
    item = only(page("港口装卸正当时", "9月26日，在青岛港前湾集装箱码头，集装箱装卸作业有序进行。", "新华社发（刘军喜 摄）"))
    assert item.kind == "photo" and item.credit == "新华社发（刘军喜 摄）" and item.byline.photographers == ("刘军喜",)


# ---- class 6: interviews -------------------------------------------------------------------------

def test_interview_questions_are_paragraphs_not_crossheads() -> None:
    item = only(page("让产业工人在改革中更有获得感", "——访湖北省总工会常务副主席周建民", "本报记者 柳青",
                     "近日，记者专访了湖北省总工会常务副主席周建民。", "记者：湖北推进产改的着力点在哪里？",
                     "周建民：我们把提升技能作为着力点。近三年，全省组织技能竞赛1.2万场次。", "记者：下一步有什么打算？",
                     "周建民：我们将把产改的成果惠及更多职工。"))
    assert item.crossheads == () and len(item.paragraphs) == 5
    assert item.paragraphs[1] == "记者：湖北推进产改的着力点在哪里？"


def test_questions_and_answers_with_q_and_a_labels() -> None:
    item = only(page("工伤认定申请超过时限怎么办？", "本报记者 吴迪 整理", "问：单位没有申请工伤认定，我还能申请吗？",
                     "答：工伤职工或者其近亲属可以在1年内直接提出工伤认定申请。", "问：超过1年就不能申请了吗？",
                     "答：不属于职工个人原因耽误的时间不计算在申请时限内。"))
    assert item.crossheads == () and len(item.paragraphs) == 4 and item.byline.reporters == ("吴迪",)


# ---- class 7: orphan tails -------------------------------------------------------------------------

def test_tail_printed_after_an_unrelated_story_goes_back_to_the_story_cut_short() -> None:
    parsed = page("宜昌：“工会+法院”联手化解欠薪纠纷",
                  "本报讯(记者李欣然)去年以来，宜昌市总工会与市中级人民法院建立诉调对接机制，为农民工讨薪提供服务。",
                  "据统计，今年以来，宜昌已有37名农民工通过这一渠道拿回了被拖欠的",
                  "武汉开通新就业形态劳动者服务热线",
                  "本报讯(记者柳青)3月10日，武汉市总工会开通服务热线，为快递员、外卖送餐员提供政策咨询。",
                  "热线实行全天24小时人工接听，工作人员将在3个工作日内给予答复。",
                  "工资共计126万元。宜昌市总工会法律工作部负责人表示，诉调对接让欠薪纠纷在诉前得到化解。")
    yichang, wuhan = parsed.items
    assert yichang.paragraphs[-1].endswith("被拖欠的工资共计126万元。宜昌市总工会法律工作部负责人表示，诉调对接让欠薪纠纷在诉前得到化解。")
    assert len(wuhan.paragraphs) == 2 and "moved-tail" in [n.code for n in parsed.notices]


# ---- class 8: commentary, 编者按, letters -----------------------------------------------------------

def test_column_below_the_title_and_commentator_role() -> None:
    item = only(page("维权服务不能“一阵风”", "工运走笔", "本报评论员 韩  雪", BODY, BODY2))
    assert heads(item) == (None, "维权服务不能“一阵风”", None, "工运走笔") and item.kind == "commentary"
    assert item.byline.authors == ("韩  雪",) and item.byline_roles == (BylineRole("韩  雪", "本报评论员"),)


def test_editors_note_opens_the_body_and_the_byline_after_it_stays_with_the_story() -> None:
    item = only(page("职工之声", "一名快递员的“入会”经历", "编者按：本期刊发一名快递员的来稿，讲述他加入工会前后的变化。",
                     "■陈小军", "我是一名快递员，在成都送快递已经有5年了。", BODY2))
    assert heads(item) == (None, "一名快递员的“入会”经历", None, "职工之声")
    assert item.paragraphs[0].startswith("编者按：") and len(item.paragraphs) == 3
    assert item.byline.authors == ("陈小军",)


def test_readers_letters_signed_at_the_end() -> None:
    parsed = page("读者来信", "小区充电桩何时不再“一桩难求”", "我是一名网约车司机，每天要花不少时间找充电桩。",
                  "安徽合肥 陈建军", "职工食堂能否延长供餐时间", "我们单位实行倒班制，建议食堂延长供餐时间。",
                  "湖北襄阳 读者 刘梅")
    first, second = parsed.items
    assert (first.column, first.title, first.byline.authors) == ("读者来信", "小区充电桩何时不再“一桩难求”", ("陈建军",))
    assert (second.title, second.byline.authors, len(second.paragraphs)) == ("职工食堂能否延长供餐时间", ("刘梅",), 1)
    assert second.byline_roles == (BylineRole("刘梅", "读者"),)


def test_commentary_with_a_bare_author_name_and_trailer() -> None:
    text = ("人民时评\n让劳动者体面劳动全面发展\n李　强\n\u3000\u3000劳动是财富的源泉，也是幸福的源泉。\n"
            "\u3000\u3000（作者为中国劳动关系学院教授）\n")
    parsed = parse_page(text, "rm.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert heads(item) == (None, "让劳动者体面劳动全面发展", None, "人民时评") and item.byline.authors == ("李　强",)
    assert item.kind == "commentary" and item.trailer == ("（作者为中国劳动关系学院教授）",)


# ---- class 9: continued halves -----------------------------------------------------------------------

def test_untitled_continued_half_is_labelled_by_its_marker_as_printed() -> None:
    item = only(page("（上接第 1 版）在中铁十一局一处项目部，工会主席向记者展示了工资台账。", BODY))
    assert item.title is None and item.title_label == "（上接第 1 版）" and item.display_title == "（上接第 1 版）"
    assert item.continued_from.marker == "（上接第 1 版）" and not item.starts_incomplete


def test_untitled_item_without_a_marker_never_shows_a_cut_sentence() -> None:
    item = only(page("另有一段没有标题的文字，讲述海边渔民的生活变化。"))
    assert item.title is None and item.title_label == "（无标题）"
    assert "渔民" not in item.display_title


# ---- class 10: missing openings and repeats -------------------------------------------------------------

def test_a_story_starting_mid_sentence_is_marked_and_reported() -> None:
    parsed = page("重庆探索“工会+社区”服务新模式", "的工会服务站点，职工在家门口就能办理入会、申请帮扶等事项。")
    item = only(parsed)
    assert item.starts_incomplete and "starts-incomplete" in [n.code for n in parsed.notices]
    whole = only(page("重庆探索“工会+社区”服务新模式", LEAD))
    assert not whole.starts_incomplete


def test_a_paragraph_printed_twice_is_kept_once_and_reported() -> None:
    parsed = page("青海启动职工普惠服务活动", LEAD, BODY, BODY)
    assert only(parsed).paragraphs.count(BODY) == 1
    assert "duplicate-paragraph" in [n.code for n in parsed.notices]


# ---- class 11: bracketed notes ----------------------------------------------------------------------------

def test_title_with_a_bracketed_note_keeps_its_subtitle_and_the_story_above_keeps_its_end() -> None:
    parsed = page("春耕时节农机忙", "3月13日，农机手正在检修拖拉机，为春耕生产做准备。", "本报记者 刘  洋 摄",
                  "职工疗休养新规实施一年来成效初显(图)", "全省累计组织12万名一线职工参加疗休养", LEAD, BODY)
    photo, story = parsed.items
    assert photo.kind == "photo" and photo.byline.photographers == ("刘  洋",)
    assert (story.title, story.subtitle) == ("职工疗休养新规实施一年来成效初显(图)", "全省累计组织12万名一线职工参加疗休养")


def test_conservation_reports_a_headline_filed_as_the_last_paragraph_above_another_item() -> None:
    text = "甲地工会开展活动\n\n" + LEAD + "\n\n新规实施一年来成效初显(图)\n\n全省组织12万名职工参加疗休养\n\n" + BODY + "\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == [] and [i.title for i in parsed.items][1] == "新规实施一年来成效初显(图)"
    first, second = parsed.items
    # the loss this check exists for: the headline read as body text, the subtitle as the title
    misread = replace(parsed, items=(
        replace(first, paragraphs=(*first.paragraphs, "新规实施一年来成效初显(图)"),
                source_lines=(*first.source_lines, 5)),
        replace(second, title="全省组织12万名职工参加疗休养", subtitle=None,
                source_lines=tuple(n for n in second.source_lines if n != 5))))
    problems = conservation(text, misread)
    assert [(n.line, n.code, n.level) for n in problems] == [(5, "conservation", "error")]


# ---- page furniture -------------------------------------------------------------------------------------------

def test_page_line_gives_page_number_and_name_when_the_file_name_does_not() -> None:
    parsed = page("第03版：要闻", "甲地工会开展活动", LEAD, source="2022-03-15.txt")
    assert (parsed.page, parsed.page_name) == (3, "要闻")
    assert [(f.line, f.text, f.kind) for f in parsed.furniture] == [(1, "第03版：要闻", "page")]
    assert only(parsed).page == 3 and only(parsed).page_name == "要闻" and only(parsed).title == "甲地工会开展活动"


def test_file_name_page_wins_over_a_contradicting_page_line_with_a_notice() -> None:
    parsed = page("■第2版 新闻", "甲地工会开展活动", LEAD, "本版编辑：许  静", source="2022-03-15_05.txt")
    assert (parsed.page, parsed.page_name) == (5, "新闻")
    assert "page-line" in [n.code for n in parsed.notices]
    assert [f.kind for f in parsed.furniture] == ["page", "editor"] and len(parsed.items) == 1


def test_masthead_gives_the_date_when_the_file_name_has_none() -> None:
    parsed = page("工人日报　2023年10月17日　星期二　第1版", "甲地工会开展活动", LEAD, source="front.txt")
    assert (parsed.date, parsed.date_inferred, parsed.page) == ("2023-10-17", False, 1)
    assert parsed.furniture[0].kind == "masthead"


def test_jump_marker_keeps_its_printed_wording() -> None:
    item = only(page("书写英雄机车新传奇", "本报记者 赖志凯", BODY, "（下转 第3版）"))
    assert item.continued_to.marker == "（下转 第3版）" and item.continued_to.page == 3


# ---- variants found on the fresh pages (tests/heldout/fresh) ------------------------------------------------

def test_page_line_with_a_separator_before_its_name() -> None:
    parsed = page("05版 · 教育与就业", "甲地工会开展活动", LEAD, source="2024-09-10_05.txt")
    assert (parsed.page, parsed.page_name, len(parsed.items)) == (5, "教育与就业", 1)


def test_column_label_with_a_colon_over_a_stack() -> None:
    item = only(page("记者调查：", "职业院校毕业生缘何成为“抢手货”", "订单培养、校企共建让学生未毕业就有了“饭碗”",
                     "本报记者 陈  曦", BODY))
    assert heads(item) == (None, "职业院校毕业生缘何成为“抢手货”", "订单培养、校企共建让学生未毕业就有了“饭碗”", "记者调查：")
    assert item.byline_roles == (BylineRole("陈  曦", "本报记者"),)


def test_editors_note_box_above_a_letter_and_an_experts_bracketed_signature() -> None:
    parsed = page("从“零基础”到“技术大拿”", "(上接第一版)刚进厂时，刘志刚连图纸都看不懂。", "编者按",
                  "近期，本报收到不少读者来信，反映加班费计算不规范的问题。", "加班费该怎么算", "读者 王  红",
                  "我在一家物流公司工作，经常周末加班。", "专家：休息日加班又不能安排补休的，应支付不低于工资200%的报酬。",
                  "（北京市劳动法学会 李  林）")
    half, letter = parsed.items
    assert half.title == "从“零基础”到“技术大拿”" and half.continued_from.marker == "(上接第一版)"
    assert (letter.column, letter.title) == ("编者按", "加班费该怎么算")
    assert letter.paragraphs[0].startswith("近期，本报收到") and len(letter.paragraphs) == 3
    assert letter.byline.authors == ("王  红", "李  林")
    assert letter.byline_roles == (BylineRole("王  红", "读者"), BylineRole("李  林", ""))


def test_bracketed_credit_line_after_a_qa_names_its_compiler() -> None:
    item = only(page("让职工子女上学不再难", "问：工会在解决职工子女入学方面做了哪些工作？", "答：我们开展了“金秋助学”活动。",
                     "（本报记者 王  敏 整理）"))
    assert item.byline.reporters == ("王  敏",) and item.byline_roles == (BylineRole("王  敏", "本报记者"),)
    assert len(item.paragraphs) == 2 and item.trailer == ()


def test_sign_off_with_a_role_in_brackets() -> None:
    item = only(page("芜湖：职工服务驿站开进商圈", "本报讯 近日，芜湖市总工会在商圈建成5个职工服务驿站。（通讯员 吴  娟）"))
    assert item.paragraphs == ("近日，芜湖市总工会在商圈建成5个职工服务驿站。",)
    assert item.byline.correspondents == ("吴  娟",) and item.byline_roles == (BylineRole("吴  娟", "通讯员"),)


def test_credits_in_brackets_and_across_two_agencies() -> None:
    first, second = page("老师们的“教师节礼物”", "9月9日，学生们为老师献上亲手制作的贺卡。（新华社记者 李  响 摄）",
                         "冬日里的劳动者（组图）", "图①：11月20日凌晨，环卫工人在清扫道路积雪。", "图②：11月21日，电力工人在检修线路。",
                         "新华社记者 王  松　本报记者 刘  洋　摄").items
    assert first.kind == "photo" and first.credit == "（新华社记者 李  响 摄）" and first.byline.photographers == ("李  响",)
    assert second.kind == "photo" and len(second.paragraphs) == 2
    assert second.byline_roles == (BylineRole("王  松", "新华社记者"), BylineRole("刘  洋", "本报记者"))
