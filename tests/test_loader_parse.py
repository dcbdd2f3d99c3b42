"""parse_page on small inline pages: one test per parsing rule (headlines, bylines, bodies, photos, jumps)."""

from __future__ import annotations

import pytest

from archive_gen.loader import conservation, parse_page, shapes
from archive_gen.loader.blocks import split_blocks
from archive_gen.loader.headlines import StackContext, read_stack
from archive_gen.loader.segment import bigrams, share
from archive_gen.loader.units import bare_name_line, classify, join_splits, starts_with_headline_tail
from archive_gen.model import Byline, Dateline, Page
from loader_pages import BODY, page

BODY2 = "据了解，该市已建成职工服务站点四十余个，累计服务职工两万余人次，受到广泛好评。"



def only(parsed: Page):
    assert len(parsed.items) == 1, [i.title for i in parsed.items]
    return parsed.items[0]


# ---- leads and bylines ---------------------------------------------------------------------

def test_lead_with_parenthesised_reporters_is_moved_out_of_the_first_paragraph() -> None:
    item = only(page("全总机关启动干部赴基层蹲点活动", "本报讯(记者郑莉 郝赫)为贯彻落实中央精神，全总机关启动蹲点活动。", BODY))
    assert item.lead == "本报讯(记者郑莉 郝赫)"
    assert item.paragraphs[0] == "为贯彻落实中央精神，全总机关启动蹲点活动。"
    assert item.byline.reporters == ("郑莉", "郝赫") and item.byline_raw == "本报讯(记者郑莉 郝赫)"


def test_dated_lead_gives_a_dateline() -> None:
    item = only(page("推进会召开", "本报南京11月22日电(记者黄洪涛)今天，推进会在南京召开。", BODY))
    assert item.lead == "本报南京11月22日电(记者黄洪涛)"
    assert item.dateline == Dateline("南京", 11, 22)
    assert item.byline.reporters == ("黄洪涛",) and item.paragraphs[0].startswith("今天")


def test_reported_lead_without_parentheses() -> None:
    item = only(page("金华市总工会：坚持高站位", "本报讯 记者荣荣江报道 金华市总工会党组把主题教育作为重要任务。", BODY))
    assert item.lead == "本报讯 记者荣荣江报道" and item.byline.reporters == ("荣荣江",)
    assert item.paragraphs[0].startswith("金华市总工会党组")


def test_names_run_together_with_role_words() -> None:
    item = only(page("舟山市三方共建协作机制", "本报讯 见习记者何良玉通讯员邢守秒报道 日前，舟山市总工会联合市司法局出台意见。", BODY))
    assert item.byline.reporters == ("何良玉",) and item.byline.correspondents == ("邢守秒",)


def test_three_roles_including_intern() -> None:
    item = only(page("北江洪峰过境英德城区",
                     "本报广州6月23日电(记者叶小钟 通讯员廖宇红 实习生谢迅)记者今天获悉，洪峰已经过境。", BODY))
    assert item.byline == Byline(reporters=("叶小钟",), correspondents=("廖宇红",), interns=("谢迅",))


def test_benbao_lead_without_xun_and_plain_benbaoxun() -> None:
    first = only(page("大连职工医疗互助活动升级", "本报(记者刘旭)近日，记者获悉，实施细则已经出台。", BODY))
    assert first.lead == "本报(记者刘旭)" and first.byline.reporters == ("刘旭",)
    second = only(page("工作会议在昆明召开", "本报讯 5月13日，全国工会社会联络工作会议在昆明召开。", BODY))
    assert second.lead == "本报讯" and second.byline.names() == ()
    assert second.paragraphs[0].startswith("5月13日")


def test_photo_report_lead_credits_a_photographer() -> None:
    item = only(page("当建筑工人 体工会初心", "本报讯 通讯员马晓琛摄影报道 为扎实开展主题教育，机关干部走进建筑工地。", BODY, BODY2))
    assert item.kind == "article"
    assert "马晓琛" in item.byline.photographers and item.lead == "本报讯 通讯员马晓琛摄影报道"


def test_byline_line_with_two_roles() -> None:
    item = only(page("3粒“种子”赋能“产改”", "本报记者 田国奎 本报通讯员 冯际刚", BODY, BODY2))
    assert item.byline.reporters == ("田国奎",) and item.byline.correspondents == ("冯际刚",)
    assert item.byline_raw == "本报记者 田国奎 本报通讯员 冯际刚"


def test_name_printed_with_an_ideographic_space_is_one_name() -> None:
    item = only(page("职工书屋里的新书香", "本报记者 刘\u3000芳 王小明", BODY))
    assert item.byline.reporters == ("刘\u3000芳", "王小明")


# ---- headlines -----------------------------------------------------------------------------

def test_kicker_ending_with_dashes_and_banner_after_the_title() -> None:
    item = only(page("福州市总推动蹲点工作常态化、制度化，赋能“小三级”工会——", "蹲点，只有起点，没有终点",
                     "强基层增活力 工会建设在行动", "本报记者 李润剑", BODY, BODY2))
    assert item.kicker.endswith("——") and item.title == "蹲点，只有起点，没有终点"
    assert item.column == "强基层增活力 工会建设在行动" and item.subtitle is None


def test_title_then_subtitle() -> None:
    item = only(page("北京市总实施公益送教项目", "引导优质教育培训资源向基层下沉", "本报讯(记者赖志凯)近日，项目走进街道。", BODY))
    assert (item.kicker, item.title, item.subtitle) == (None, "北京市总实施公益送教项目", "引导优质教育培训资源向基层下沉")


def test_long_first_line_over_short_second_is_kicker_and_title() -> None:
    item = only(page("“毛泽东号”精神就是对安全的承诺,机车组领军人王振强实现安全驾驶1300余趟", "书写英雄机车新传奇",
                     "最美职工", "本报记者 赖志凯", BODY))
    assert item.kicker.startswith("“毛泽东号”") and item.title == "书写英雄机车新传奇" and item.column == "最美职工"


def test_two_banner_lines_after_title() -> None:
    item = only(page("109级台阶的致敬", "奋斗百年路 启航新征程", "学党史 悟思想 办实事 开新局", "本报记者 李逸萌", BODY))
    assert item.title == "109级台阶的致敬" and item.column == "奋斗百年路 启航新征程"
    assert item.column_extra == ("学党史 悟思想 办实事 开新局",)


def test_slogan_above_a_colon_title_is_the_kicker() -> None:
    item = only(page("一体化办公 一站式服务 一次性解决", "宁波镇海:「商调裁诉执」全链式化解劳动争议",
                     "本报讯(记者邹偶然)一次工伤调解经历，让职工加深了对工会的认识。", BODY))
    assert item.kicker == "一体化办公 一站式服务 一次性解决" and item.title.startswith("宁波镇海:")


def test_compound_one_line_headline_stays_whole() -> None:
    line = "中国职工国际旅行社总社与贵州省文旅厅签订合作协议 打造文旅康养品牌 共享资源服务职工"
    item = only(page(line, "本报讯(记者李丰)11月22日，年会在毕节召开。", BODY))
    assert item.title == line and item.subtitle is None


def test_title_ending_with_a_question_mark() -> None:
    item = only(page("职工疗休养怎么选？", "本报讯(记者李丰)近日，记者走访多家疗休养基地。", BODY))
    assert item.title == "职工疗休养怎么选？" and item.paragraphs[0].startswith("近日")


def test_commentary_with_column_banner_and_author_mark() -> None:
    item = only(page("工运走笔", "面向基层的 “文艺轻骑兵” 多多益善", "■郑建钢", BODY, BODY2))
    assert item.kind == "commentary" and item.column == "工运走笔"
    assert item.title == "面向基层的 “文艺轻骑兵” 多多益善" and item.byline.authors == ("郑建钢",)
    assert item.byline_raw == "■郑建钢"


def test_items_separated_by_rules() -> None:
    parsed = page("甲地工会开展活动", "本报讯(记者王伟)甲地工会近日开展活动。", "——————", "乙地工会开展活动",
                  "本报讯(记者李丰)乙地工会近日开展活动。", "□□□□")
    assert [i.title for i in parsed.items] == ["甲地工会开展活动", "乙地工会开展活动"]


# ---- paragraphs ----------------------------------------------------------------------------

def test_indented_lines_start_paragraphs_without_blank_lines() -> None:
    text = ("工会服务站点建设提速\n\n\u3000\u3000本报讯(记者王伟)近日，记者从市总工会获悉，\n全市职工服务站点建设提速。\n"
            "\u3000\u3000" + BODY + "\n  " + BODY2 + "\n")
    parsed = parse_page(text, "pd.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert item.paragraphs == ("近日，记者从市总工会获悉，全市职工服务站点建设提速。", BODY, BODY2)


def test_block_without_closing_punctuation_is_joined_with_the_next() -> None:
    item = only(page("工会帮就业", "本报讯(记者王伟)今年以来，市总工会扎实推进帮就业行动，根据用工需求变化，锚定重点人",
                     "群开展技能培训。", BODY))
    assert item.paragraphs[0] == "今年以来，市总工会扎实推进帮就业行动，根据用工需求变化，锚定重点人群开展技能培训。"
    assert len(item.paragraphs) == 2


def test_block_ending_with_a_comma_is_joined() -> None:
    item = only(page("工会帮就业", "本报讯(记者王伟)市总工会组织开展宣传准备、调查摸底、建会入会、",
                     "检查验收和总结评估等工作。"))
    assert item.paragraphs == ("市总工会组织开展宣传准备、调查摸底、建会入会、检查验收和总结评估等工作。",)


def test_crosshead_between_closed_paragraphs() -> None:
    item = only(page("建会小分队来了", "本报记者 李丰", BODY, "进驻工作薄弱区域", BODY2))
    assert item.paragraphs == (BODY, BODY2)
    assert [(c.text, c.before) for c in item.crossheads] == [("进驻工作薄弱区域", 1)]


def test_short_mid_word_split_after_a_closed_paragraph_is_not_a_crosshead() -> None:
    item = only(page("常山县总工会推动普惠服务", "本报讯 通讯员杨叶根报道 近日，多家商铺签订协议。", BODY,
                     "县总工会领导班子针对以", "上问题，专门召开形势分析会，听取部室的意见建议。"))
    assert item.crossheads == ()
    assert item.paragraphs[-1] == "县总工会领导班子针对以上问题，专门召开形势分析会，听取部室的意见建议。"


def test_reading_tip_inside_a_split_word() -> None:
    item = only(page("搭平台强激励", "本报记者 赖书闻", BODY,
                     "“2022年，我们研发的监测系统获得国家专利授权。”华能东方电厂检修部电气专", "阅读提示",
                     "劳模先进评选向技术技能人才倾斜，鼓励职工锻造过硬技能。",
                     "责叶俊锋自豪地告诉记者，研发团队获得1万元奖励。"))
    assert item.reading_tip == "劳模先进评选向技术技能人才倾斜，鼓励职工锻造过硬技能。"
    assert item.paragraphs[-1].endswith("电气专责叶俊锋自豪地告诉记者，研发团队获得1万元奖励。")


def test_reading_tip_between_byline_and_body() -> None:
    item = only(page("3粒种子赋能产改", "本报记者 田国奎", "阅读提示", "如何深入推进产改？市总工会注重发挥典型的示范带动作用。",
                     BODY, BODY2))
    assert item.reading_tip.startswith("如何深入推进产改") and item.paragraphs == (BODY, BODY2)


@pytest.mark.parametrize("tip", ["阅读提示　如何深入推进产改？市总工会注重发挥典型的示范带动作用。",
                                 "核心提示：如何深入推进产改？市总工会注重发挥典型的示范带动作用。",
                                 "【导读】如何深入推进产改？市总工会注重发挥典型的示范带动作用。"])
def test_reading_tip_run_in_after_its_label_under_the_byline(tip: str) -> None:
    # the box written on one line after its label (no line of its own for the label) is the tip all the same
    item = only(page("3粒种子赋能产改", "本报记者 田国奎", tip, BODY, BODY2))
    assert item.reading_tip == "如何深入推进产改？市总工会注重发挥典型的示范带动作用。"
    assert item.paragraphs == (BODY, BODY2)


def test_reading_tip_run_in_right_under_the_headlines() -> None:
    item = only(page("农民工工资“讨”起来仍难", "——太原市建筑业农民工工资支付情况调查",
                     "阅读提示 今年以来，拖欠农民工工资的投诉下降了三成多，但层层分包仍让工资难讨。", BODY, BODY2))
    assert item.reading_tip.startswith("今年以来") and item.paragraphs == (BODY, BODY2)


def test_a_body_paragraph_opening_on_a_tip_label_stays_a_paragraph() -> None:
    # guard: inside the body (after the lead's paragraph) the words are the paragraph's own
    text = "导读 课程是这次培训的重点，每名学员都领到了一本操作手册。"
    item = only(page("职工夜校开课", "本报讯(记者郑莉)职工夜校日前开课，首期学员120人。", text, BODY))
    assert item.reading_tip is None and text in item.paragraphs


def test_duplicate_paragraph_is_kept_once_with_a_warning() -> None:
    parsed = page("海西州工会开展关爱活动", "本报讯(记者邢生祥)记者近日获悉，州工会开展关爱活动。", BODY, BODY, BODY2)
    item = only(parsed)
    assert item.paragraphs.count(BODY) == 1 and len(item.paragraphs) == 3
    assert [n.code for n in parsed.notices if n.code == "duplicate-paragraph"] == ["duplicate-paragraph"]


def test_text_repeated_inside_a_paragraph_is_kept_and_reported() -> None:
    parsed = page("合作协议签订", "本报讯(记者李丰)双方签约。", BODY + BODY)
    assert only(parsed).paragraphs[-1] == BODY + BODY
    assert "repeated-text" in [n.code for n in parsed.notices]


# ---- photos --------------------------------------------------------------------------------

CAPTION = "5月13日，车辆行驶在高速公路上（无人机照片）。"


def test_photo_with_credit_on_its_own_line() -> None:
    text = f"东西协作谱新篇\n\n{CAPTION}\n\n{BODY}\n新华社记者 姜克红 摄\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert item.kind == "photo" and item.credit == "新华社记者 姜克红 摄"
    assert item.byline.photographers == ("姜克红",) and item.paragraphs == (CAPTION, BODY)


def test_photo_credit_glued_after_a_space() -> None:
    item = only(page("职工线上点单 工会线下配单", CAPTION + " 本报通讯员 张锋 孟宪勋 摄"))
    assert item.kind == "photo" and item.credit == "本报通讯员 张锋 孟宪勋 摄"
    assert item.byline.photographers == ("张锋", "孟宪勋") and item.paragraphs == (CAPTION,)


def test_photo_credit_glued_without_a_space() -> None:
    item = only(page("“粽子村”里粽飘香", CAPTION + "新华社记者 陈思汗 摄"))
    assert item.credit == "新华社记者 陈思汗 摄" and item.paragraphs == (CAPTION,)


def test_photo_title_between_articles_is_not_a_crosshead() -> None:
    parsed = page("甲地工会开展活动", "本报讯(记者王伟)甲地工会近日开展活动。", BODY, "比比谁是垃圾分类达人",
                  "近日，杭州市总工会举办了垃圾分类职工技能比武。", "通讯员余美娟 摄")
    assert [i.kind for i in parsed.items] == ["article", "photo"]
    assert parsed.items[1].byline.photographers == ("余美娟",)


# ---- continuations and orphans --------------------------------------------------------------

def test_jump_markers_inline_and_standalone() -> None:
    parsed = page("书写英雄机车新传奇", "本报记者 赖志凯", BODY, BODY2, "(下转第3版)")
    item = only(parsed)
    assert item.continued_to.page == 3 and item.continued_to.direction == "to"
    assert "(下转第3版)" not in "".join(item.paragraphs)
    inline = only(page("甲地工会开展活动", "本报讯(记者王伟)甲地工会近日开展活动。", BODY + "(下转第2版)"))
    assert inline.continued_to.marker == "(下转第2版)" and inline.paragraphs[-1] == BODY


def test_continued_from_starts_an_untitled_commentary_with_trailer() -> None:
    parsed = page("(上接第1版)关于工会工作，习近平总书记指出了方向。", BODY, "充分发挥工人阶级主力军作用", BODY2,
                  "(作者:中华全国总工会党组书记) (原载《人民日报》2023年11月22日第9版)")
    item = only(parsed)
    assert item.title is None and item.kind == "commentary" and item.continued_from.page == 1
    assert item.paragraphs[0] == "关于工会工作，习近平总书记指出了方向。"
    assert item.trailer == ("(作者:中华全国总工会党组书记) (原载《人民日报》2023年11月22日第9版)",)
    assert [c.text for c in item.crossheads] == ["充分发挥工人阶级主力军作用"]


def test_headline_without_body_gets_the_orphan_after_a_photo() -> None:
    parsed = page("天津探索“互联网+民主管理”工作模式,上线“云端职代会”系统", "单位可定制云端会议议程 职工能随时随地线上参会",
                  "全国机械冶金建材系统产业工人队伍建设改革现场推进会召开",
                  "本报南京11月22日电(记者黄洪涛)今天，全国机械冶金建材系统产业工人队伍建设改革现场推进会召开。", BODY,
                  "老瓷厂变身文创产业园", CAPTION + " 新华社记者 杨世尧 摄",
                  "会的补充，线上职代会具有与线下职代会同等的法律效力。",
                  "天津市总劳动关系部负责人介绍，“云端职代会”系统具备会议议程定制、在线表决等功能。")
    titles = [i.title for i in parsed.items]
    assert titles[:2] == ["天津探索“互联网+民主管理”工作模式,上线“云端职代会”系统",
                          "全国机械冶金建材系统产业工人队伍建设改革现场推进会召开"]
    owner = parsed.items[0]
    assert owner.subtitle == "单位可定制云端会议议程 职工能随时随地线上参会"
    assert owner.paragraphs[0].startswith("会的补充") and len(owner.fragment_lines) == 2
    assert "fragment" not in [i.kind for i in parsed.items]


def test_unmatched_orphan_stays_a_fragment_with_a_warning() -> None:
    parsed = page("老瓷厂变身文创产业园", CAPTION + " 新华社记者 杨世尧 摄", "另有一段没有标题的文字，讲述海边渔民的生活变化。")
    assert [i.kind for i in parsed.items] == ["photo", "fragment"]
    assert "orphan-block" in [n.code for n in parsed.notices]


# ---- whole-page failures and ids -------------------------------------------------------------

def test_blank_and_unrecognisable_pages_are_errors() -> None:
    for text in ("", "\n\n  \n", "——————\n"):
        parsed = parse_page(text, "x.txt")
        assert parsed.items == () and parsed.failed
        assert [n.code for n in parsed.notices if n.level == "error"] == ["no-items"]


def test_ids_are_stable_and_unique() -> None:
    blocks = ("甲地工会开展活动", "本报讯(记者王伟)甲地工会近日开展活动。", "甲地工会开展活动", "本报讯(记者王伟)甲地工会近日开展活动。")
    first, second = page(*blocks), page(*blocks)
    ids = [i.id for i in first.items]
    assert ids == [i.id for i in second.items] and len(set(ids)) == 2
    assert all(len(i) == 12 and int(i, 16) >= 0 for i in ids)
    alone = page(*blocks[:2])
    moved = page("前面加一条", "本报讯(记者李丰)别的消息。", *blocks[:2])
    assert moved.items[1].id == alone.items[0].id  # position on the page does not change the id
    # two stories of one headline are told apart by their opening words, not their order (test_robust_urls)
    assert alone.items[0].id not in ids


# ---- rules found on held-out pages ------------------------------------------------------------

def parsed_lines(text: str, source: str = "p.txt") -> Page:
    parsed = parse_page(text, source)
    assert conservation(text, parsed) == []
    return parsed


def test_peoples_daily_layout_headlines_between_indented_paragraphs_start_new_items() -> None:
    # no blank lines at all: a finished paragraph followed by a short bare line is a heading, not a wrap
    text = ("标题一\n\u3000\u3000本报讯（记者甲）第一段写完了。\n小标题在这里\n\u3000\u3000第二段也写完了。\n"
            "□□□\n标题二在这里\n\u3000\u3000本报讯（记者乙）正文内容。\n")
    first, second = parsed_lines(text).items
    assert first.title == "标题一" and first.paragraphs == ("第一段写完了。", "第二段也写完了。")
    assert [c.text for c in first.crossheads] == ["小标题在这里"]
    assert second.title == "标题二在这里" and second.paragraphs == ("正文内容。",)


def test_peoples_daily_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = ("职工书屋开进车间\n\u3000\u3000本报讯（记者甲）近日，市总工会在十家企业建成职工书屋，\n"
            "为一线职工提供图书借阅、数字阅读等服务。\n又一行折行的正文，继续讲述书屋如何运营，职工如何借书。\n")
    item = only(parsed_lines(text))
    assert len(item.paragraphs) == 1 and item.paragraphs[0].endswith("职工如何借书。")


def test_a_dash_subtitle_is_never_cut_off_as_another_story() -> None:
    item = only(page("从“女焊花”到大国工匠", "——记全国五一劳动奖章获得者、某公司焊工易冉", "本报记者 陈俊宇",
                     "3月4日，在某公司焊接车间，易冉正在施焊。", "易冉先后获得全国五一劳动奖章、全国技术能手等荣誉。"))
    assert item.title == "从“女焊花”到大国工匠"
    assert item.subtitle == "——记全国五一劳动奖章获得者、某公司焊工易冉"
    assert item.byline.reporters == ("陈俊宇",) and len(item.paragraphs) == 2


def test_a_lead_takes_back_the_headline_printed_just_above_it() -> None:
    # the title ends in ！ and holds a comma, so alone it reads as body text of the story above
    first, second = page("甲地工会慰问职工", "本报讯(记者甲)正文写完了。", "义乌一企业职工写信感谢工会",
                         "“工会兄弟，谢谢你们！”", "本报讯 记者乙报道 正文写完了。").items
    assert first.paragraphs == ("正文写完了。",) and first.crossheads == ()
    assert (second.title, second.subtitle) == ("义乌一企业职工写信感谢工会", "“工会兄弟，谢谢你们！”")
    assert second.byline.reporters == ("乙",)


def test_a_headline_reprinted_above_a_continued_half_stays_with_it() -> None:
    item = only(page("从“女焊花”到大国工匠", "(上接第1版)她先后带领团队攻克技术难题27项。", BODY))
    assert item.title == "从“女焊花”到大国工匠" and item.continued_from is not None
    assert item.continued_from.page == 1 and len(item.paragraphs) == 2


def test_an_unfinished_last_line_is_the_last_paragraph_not_a_headline() -> None:
    # a file cut short: the final sentence lost its full stop
    item = only(page("全总召开会议部署工作", "本报讯(记者张锐)全总今天召开会议部署下半年工作。",
                     "会议要求各级工会积极行动起来，推动工作取得实效"))
    assert item.paragraphs[-1] == "会议要求各级工会积极行动起来，推动工作取得实效"


# ---- rules from the third held-out batch (tests/heldout/fresh2); inputs differ from those pages ----

def test_photo_credit_with_the_role_before_a_slash_glued_to_the_caption() -> None:
    item = only(page("麦田里的“铁牛”", CAPTION + "摄影/周　斌（视觉中国）"))
    assert item.kind == "photo" and item.credit == "摄影/周　斌（视觉中国）"
    assert item.byline.photographers == ("周　斌",) and item.paragraphs == (CAPTION,)
    item = only(page("港口夜色", CAPTION + "图/新华社记者 许建国"))
    assert item.credit == "图/新华社记者 许建国" and item.byline.photographers == ("许建国",)
    assert [(r.name, r.role) for r in item.byline_roles] == [("许建国", "新华社记者")]


def test_a_sign_off_closes_a_brief_so_the_next_heading_titles_the_next_brief() -> None:
    parsed = page("职工之家", "南京新建职工驿站二十个\n今年以来，南京市总工会新建职工驿站二十个，服务户外劳动者。（孙　立）",
                  "苏州举办劳模工匠宣讲会\n日前，苏州市总工会举办宣讲会，十位劳模工匠走进企业。（何静怡）")
    assert [i.title for i in parsed.items] == ["南京新建职工驿站二十个", "苏州举办劳模工匠宣讲会"]
    assert [i.byline.names() for i in parsed.items] == [("孙　立",), ("何静怡",)]


def test_letters_signed_with_a_dash_or_in_brackets_are_items_of_their_own() -> None:
    parsed = page("社区食堂解了燃眉之急", BODY, "——浙江温州某鞋厂职工　林小芳",
                  "希望多建一些母婴室", BODY2, "（福建厦门　网约车司机　郑伟强）")
    assert [i.title for i in parsed.items] == ["社区食堂解了燃眉之急", "希望多建一些母婴室"]
    assert [i.byline.names() for i in parsed.items] == [("林小芳",), ("郑伟强",)]
    assert [i.paragraphs for i in parsed.items] == [(BODY,), (BODY2,)]


def test_a_signature_with_a_role_signs_the_letter_above_the_reply_under_it() -> None:
    item = only(page("加班工资怎么算", BODY, "山东临沂　读者　孙国强", "律师答复：", BODY2))
    assert item.byline.names() == ("孙国强",)
    assert [(r.name, r.role) for r in item.byline_roles] == [("孙国强", "读者")]


def test_two_bare_author_names_under_a_title_are_its_byline() -> None:
    item = only(page("平台用工的法律边界", "赵立群　何　军", BODY, BODY2))
    assert item.byline.authors == ("赵立群", "何　军") and item.paragraphs == (BODY, BODY2)


def test_a_numbered_heading_is_a_crosshead_not_half_a_sentence() -> None:
    item = only(page("新时代工会工作的着力点", "■周文斌", BODY, "一、强化思想引领，凝聚奋进力量", BODY2))
    assert [c.text for c in item.crossheads] == ["一、强化思想引领，凝聚奋进力量"]
    assert item.paragraphs == (BODY, BODY2)


def test_verse_lines_under_a_title_and_byline_are_paragraphs_not_headlines() -> None:
    text = ("车间的早晨\n\n□ 王小川\n\n天还没亮\n机器先醒\n我们把月光\n装进焊枪\n\n"
            "火花落下\n落成星星\n\n工地上的春节\n\n文/黄　磊\n\n" + BODY + "\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    assert [i.title for i in parsed.items] == ["车间的早晨", "工地上的春节"]
    assert parsed.items[0].paragraphs == ("天还没亮", "机器先醒", "我们把月光", "装进焊枪", "火花落下", "落成星星")
    assert parsed.items[1].byline.names() == ("黄　磊",)


def test_a_letter_spaced_column_name_is_a_banner_not_the_title() -> None:
    item = only(page("读　书", "一本书里的工匠精神", "■许　诺", BODY))
    assert item.column == "读　书" and item.title == "一本书里的工匠精神"


# ---- rules from the fourth held-out batch (tests/heldout/fresh3); inputs differ from those pages ----

def test_an_index_box_whose_entries_open_with_their_page_is_furniture() -> None:
    text = ("第1版　要闻\n\n今日导读\n2版　技能比武擂台赛开赛\n7版　一位老焊工的三十年\n\n"
            "全总召开劳动竞赛推进会\n\n" + BODY + "\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    assert [i.title for i in parsed.items] == ["全总召开劳动竞赛推进会"]
    assert [f.kind for f in parsed.furniture] == ["page", "index", "index", "index"]
    assert parsed.items[0].page_name == "要闻"  # the entries are not the page's own 版 lines
    text = "导读\n▶一周工会动态　3版\n▶一位老焊工的三十年　第7版\n\n全总召开劳动竞赛推进会\n\n" + BODY + "\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == [] and [i.title for i in parsed.items] == ["全总召开劳动竞赛推进会"]


def test_a_standalone_continuation_marker_keeps_the_reprinted_headline_above_it() -> None:
    item = only(page("老旧小区加装电梯提速", "（上接第3版）", BODY, BODY2))
    assert item.title == "老旧小区加装电梯提速" and item.continued_from is not None
    assert item.continued_from.page == 3 and item.paragraphs == (BODY, BODY2)


def test_credits_that_name_a_source_close_a_caption_and_credit_nobody() -> None:
    item = only(page("雪后巡线", CAPTION + "　新华社供图"))
    assert item.kind == "photo" and item.credit == "新华社供图" and item.byline.names() == ()
    assert item.paragraphs == (CAPTION,)
    parsed = page("银杏大道", CAPTION + "\n（照片由市总工会宣传部提供）", "下一条消息的标题", BODY)
    assert [i.title for i in parsed.items] == ["银杏大道", "下一条消息的标题"]
    assert parsed.items[0].credit == "（照片由市总工会宣传部提供）" and parsed.items[0].paragraphs == (CAPTION,)


def test_a_cartoon_credit_with_a_slash() -> None:
    item = only(page("加班“隐身术”", "漫画/郑　明"))
    assert item.title == "加班“隐身术”" and item.subtitle is None
    assert item.credit == "漫画/郑　明" and item.byline.names() == ("郑　明",)


def test_byline_lines_ending_with_photo_report_or_text_and_pictures() -> None:
    item = only(page("大桥合龙的那一刻", "本报通讯员　周　洁　摄影报道", BODY))
    assert item.subtitle is None and item.byline.names() == ("周　洁",) and item.paragraphs == (BODY,)
    item = only(page("守山人", "记者　宋　平　文/图", BODY))
    assert item.byline.names() == ("宋　平",) and item.paragraphs == (BODY,)


def test_labelled_credit_lines_name_the_narrator_and_the_writer() -> None:
    item = only(page("一把锉刀用了四十年", "口述：退休钳工　黄文忠\n整理：本报实习生　邓　琳", BODY))
    assert item.title == "一把锉刀用了四十年" and item.subtitle is None
    assert set(item.byline.names()) == {"黄文忠", "邓　琳"}
    assert {(r.name, r.role) for r in item.byline_roles} == {("黄文忠", "退休钳工"), ("邓　琳", "本报实习生")}


def test_one_line_questions_of_a_recurring_interviewer_are_turns_not_crossheads() -> None:
    item = only(page("对话一线班组长", "本报记者　方　圆", "小周：您带班组最看重什么？",
                     "陈建平：安全第一。每天班前会，我都要把风险点讲一遍。",
                     "小周：年轻人愿意学吗？", "陈建平：愿意。去年班里三个年轻人考上了高级工。"))
    assert item.crossheads == () and len(item.paragraphs) == 4


def test_an_editors_note_printed_above_a_banner_and_title_opens_that_piece() -> None:
    note = "编者按：职工书屋建设已走过十多个年头。本版推出系列报道，记录书屋里的故事。"
    parsed = page(note, "书香工地", "板房里的图书角", "■ 何小兵", BODY, BODY2)
    item = only(parsed)
    assert item.title == "板房里的图书角" and item.column == "书香工地"
    assert item.paragraphs == (note, BODY, BODY2)


def test_a_byline_never_continues_an_indented_dash_subtitle() -> None:
    text = ("快递小哥有了“暖心港湾”\n\u3000\u3000——来自浙江义乌的报道\n本报记者　施　然\n\u3000\u3000" + BODY +
            "\n\u3000\u3000" + BODY2 + "\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert item.subtitle == "——来自浙江义乌的报道" and item.byline.names() == ("施　然",)
    assert item.paragraphs == (BODY, BODY2)


def test_a_document_in_full_title_adoption_note_chapters_articles_and_annex() -> None:
    parsed = page("省总工会修订工会经费使用办法",
                  "本报讯（记者　龚　伟）省总工会日前修订工会经费使用办法。全文如下。",
                  "某省基层工会经费使用办法", "（2024年11月28日某省总工会第三次全委会议通过）",
                  "第一章　一般规定", "第一条　为加强基层工会经费管理，制定本办法。", "第二条　本办法适用于全省基层工会。",
                  "第二章　附　　则", "第三条　本办法由省总工会负责解释。", "附：基层工会经费收支表（略）")
    assert [i.title for i in parsed.items] == ["省总工会修订工会经费使用办法", "某省基层工会经费使用办法"]
    document = parsed.items[1]
    assert document.subtitle == "（2024年11月28日某省总工会第三次全委会议通过）"
    assert [c.text for c in document.crossheads] == ["第一章　一般规定", "第二章　附　　则"]
    assert len(document.paragraphs) == 4 and document.paragraphs[-1].startswith("附：")


def test_an_office_signing_a_notice_is_a_trailer_not_a_headline() -> None:
    parsed = page("声明", "近日有人冒用本会名义开展培训收费活动，本会从未授权任何机构。特此声明。",
                  "某市总工会办公室", "环卫工人用上智能手环", BODY)
    assert [i.title for i in parsed.items] == ["声明", "环卫工人用上智能手环"]
    assert parsed.items[0].trailer == ("某市总工会办公室",) and parsed.items[0].byline.names() == ()


def test_a_dash_subtitle_closes_a_bodiless_headline_whose_tail_follows_a_signed_story() -> None:
    tail = "卫工人月工资普遍提高到三千元以上，环卫工人工资集体协商已覆盖八成城市。"
    parsed = page("各地提高环卫工人工资待遇", "——部分城市实行工资集体协商", "快递驿站开进了城中村",
                  BODY, "本报通讯员　邹　毅", tail)
    assert [i.title for i in parsed.items] == ["各地提高环卫工人工资待遇", "快递驿站开进了城中村"]
    first, second = parsed.items
    assert first.subtitle == "——部分城市实行工资集体协商" and first.paragraphs == (tail,)
    assert first.starts_incomplete and second.paragraphs == (BODY,) and second.byline.names() == ("邹　毅",)


def test_text_opening_inside_a_word_of_its_headline_was_cut_from_that_word() -> None:
    assert starts_with_headline_tail("温泉疗养名额向一线倾斜。", "一线职工赴山区温泉疗养") is False  # a whole word
    assert starts_with_headline_tail("卫工人月工资普遍提高。", "各地提高环卫工人工资待遇")
    assert not starts_with_headline_tail("工人们纷纷点赞。", "各地提高环卫工人工资待遇")  # a word may open a sentence


def test_a_notice_heading_after_a_story_titles_the_notice_and_its_signer_and_date_are_trailers() -> None:
    parsed = page("夜市里的工会服务站", BODY, BODY2, "启事",
                  "本报职工摄影大赛征稿截止日期延至6月30日，欢迎踊跃投稿。", "本报编辑部", "2025年5月8日")
    assert [i.title for i in parsed.items] == ["夜市里的工会服务站", "启事"]
    assert parsed.items[0].paragraphs == (BODY, BODY2) and parsed.items[0].crossheads == ()
    assert parsed.items[1].trailer == ("本报编辑部", "2025年5月8日")


def test_an_editors_note_in_lenticular_brackets_with_no_colon_opens_the_piece_below() -> None:
    note = "【编者按】本版今起推出“劳动者说”栏目，讲述普通劳动者的故事。"
    parsed = page("港口“铁姑娘”", CAPTION + "摄影/谢　军", note, "山里的邮路", "■ 刘　明", BODY)
    assert [i.title for i in parsed.items] == ["港口“铁姑娘”", "山里的邮路"]
    assert parsed.items[1].paragraphs == (note, BODY)


def test_a_slogan_kicker_of_two_four_character_phrases_is_no_honours_list_entry() -> None:
    text = ("第3版：综合新闻\n依法维权　温暖同行\n某省法律援助进园区活动启动\n本报记者　邵　杰\n\u3000\u3000" + BODY + "\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert (item.kicker, item.title) == ("依法维权　温暖同行", "某省法律援助进园区活动启动")


def test_a_file_photo_note_glued_to_a_caption_is_its_credit() -> None:
    item = only(page("老厂房新生", CAPTION + "　　（资料图片）"))
    assert item.credit == "（资料图片）" and item.paragraphs == (CAPTION,) and item.byline.names() == ()


def test_a_salutation_alone_above_a_letter_is_a_paragraph_of_its_own() -> None:
    item = only(page("小区门口的“堵点”何时疏通", "尊敬的编辑：", BODY, "浙江宁波　读者　应海波"))
    assert item.paragraphs == ("尊敬的编辑：", BODY) and item.crossheads == ()
    assert item.byline.names() == ("应海波",)


def test_a_jump_to_a_lettered_page_is_a_marker() -> None:
    item = only(page("沙漠里的光伏电站", BODY, "据介绍，电站年发电量可达十亿千瓦时。（下转B2版）"))
    assert item.continued_to is not None and item.continued_to.page == 2
    assert item.paragraphs[-1] == "据介绍，电站年发电量可达十亿千瓦时。"


def test_a_question_answered_by_an_interview_turn_is_a_turn_not_a_crosshead() -> None:
    item = only(page("守护“国之重器”的人", "本报记者　韦　清", "问：您在这个岗位干了多少年？",
                     "答：整整二十年。设备的每一个部件我都熟悉。", "这份工作最难的是什么？",
                     "答：是责任。一点差错都不能有。"))
    assert item.crossheads == () and len(item.paragraphs) == 4
    assert item.paragraphs[2] == "这份工作最难的是什么？"


def test_a_banner_with_a_typographic_mark_is_a_banner() -> None:
    parsed = page("夜班公交司机的一天", BODY, "◆工友心声", "希望多建些司机休息室", BODY2, "——某公交公司驾驶员　马小军")
    assert [(i.column, i.title) for i in parsed.items] == [(None, "夜班公交司机的一天"), ("◆工友心声", "希望多建些司机休息室")]
    assert parsed.items[1].paragraphs == (BODY2,)


def test_a_first_paragraph_printed_twice_lead_and_all_is_kept_once() -> None:
    lead = "本报讯（记者　苗　青）6月30日，某省职工疗休养基地揭牌，首批200名劳模入住。"
    parsed = page("劳模疗休养基地揭牌", lead, lead, BODY)
    item = only(parsed)
    assert item.paragraphs == ("6月30日，某省职工疗休养基地揭牌，首批200名劳模入住。", BODY)
    assert [n.code for n in parsed.notices if n.code == "duplicate-paragraph"] == ["duplicate-paragraph"]


def test_each_picture_of_a_photo_set_credited_on_its_own_stays_in_the_set() -> None:
    item = only(page("黄河岸边的守堤人（组图）", "①　7月2日，巡堤队员在检查堤坝。新华社记者　郝　源　摄",
                     "②　队员们在堤上吃午饭。　本报通讯员　甘　霖　摄"))
    assert item.kind == "photo" and len(item.paragraphs) == 2
    assert item.byline.photographers == ("郝　源", "甘　霖")
    assert item.credit == "新华社记者　郝　源　摄 本报通讯员　甘　霖　摄"


def test_photo_credits_with_the_role_in_brackets_or_the_agency_after_she() -> None:
    item = only(page("晨练", CAPTION + "（特约摄影　庞　博）"))
    assert item.credit == "（特约摄影　庞　博）" and item.paragraphs == (CAPTION,)
    assert [(r.name, r.role) for r in item.byline_roles] == [("庞　博", "特约摄影")]
    item = only(page("晚霞", CAPTION + "\n邵明亮／摄（人民图片）"))
    assert item.credit == "邵明亮／摄（人民图片）" and item.byline.photographers == ("邵明亮",)


def test_an_honours_list_of_units_or_name_rows_under_its_title_is_one_item_of_entries() -> None:
    parsed = page("全国模范职工之家名单", "（按地区排序）", "某钢铁公司炼铁厂工会", "某港口集团装卸公司",
                  "某市公交总公司第三车队", "优秀工会积极分子", "陈　立　黄小梅　林志强", "郭　勇　范晓东",
                  "新疆成立首个快递行业工会", "本报讯（记者　王　丹）" + BODY)
    assert [i.title for i in parsed.items] == ["全国模范职工之家名单", "优秀工会积极分子", "新疆成立首个快递行业工会"]
    units, people, story = parsed.items
    assert units.subtitle == "（按地区排序）" and len(units.paragraphs) == 3
    assert people.paragraphs == ("陈　立　黄小梅　林志强", "郭　勇　范晓东")
    assert story.paragraphs == (BODY,)


def test_a_column_name_between_dashes_under_a_title_is_a_banner_not_a_subtitle() -> None:
    item = only(page("加班费不能“打折”", "——劳动者说——", "■ 姚　远", BODY))
    assert (item.title, item.subtitle, item.column) == ("加班费不能“打折”", None, "——劳动者说——")
    assert item.byline.names() == ("姚　远",)


def test_continuation_markers_after_a_reprinted_headline_or_bare_after_a_mark() -> None:
    item = only(page("一条铁路和它的守护者（上接第2版）", BODY, BODY2))
    assert item.title == "一条铁路和它的守护者" and item.continued_from is not None
    assert item.continued_from.page == 2 and item.paragraphs == (BODY, BODY2)
    item = only(page("◆上接第4版", BODY))
    assert item.title is None and item.continued_from is not None and item.continued_from.page == 4


def test_media_and_paper_names_are_part_of_the_printed_role() -> None:
    item = only(page("技能人才评价改革提速", "工人日报—中工网记者　章　程　本报通讯员　秦　川", BODY))
    assert [(r.name, r.role) for r in item.byline_roles] == [("章　程", "工人日报—中工网记者"), ("秦　川", "本报通讯员")]
    item = only(page("夜市烟火气", "本报讯（融媒体记者　卜　凡）" + BODY))
    assert item.byline.reporters == ("卜　凡",) and [(r.name, r.role) for r in item.byline_roles] == [("卜　凡", "融媒体记者")]


def test_every_role_may_carry_the_papers_name() -> None:
    item = only(page("“小候鸟”暑期托管班开班", "工人日报—中工网记者　何　畅\n工人日报—中工网通讯员　宋　词", BODY))
    assert item.byline.reporters == ("何　畅",) and item.byline.correspondents == ("宋　词",)
    item = only(page("塔吊上的“空中哨兵”", CAPTION + "　　工人日报—中工网记者　彭　程　摄"))
    assert item.credit == "工人日报—中工网记者　彭　程　摄" and item.paragraphs == (CAPTION,)


def test_one_line_over_a_title_is_not_split_off_as_a_bodiless_headline_on_weak_evidence() -> None:
    # the body repeats the second line only, and text elsewhere shares a few common words with the first:
    # weak evidence that the first line is a headline whose body is printed elsewhere; it is the kicker
    body = "连日来，多地工会为一线职工发放防护手套，累计发放防护手套20万副。"
    context = StackContext(body=body, after_body=True, elsewhere=lambda lines: 0.16,
                           echo=lambda line, text: share(bigrams(line), bigrams(text)))
    reading = read_stack(["关爱劳动者“手上的安全”", "多地工会为一线职工发放防护手套"], context)
    assert len(reading.items) == 1 and reading.items[0].title in (0, 1)


def test_briefs_whose_titles_run_in_after_a_bullet() -> None:
    parsed = page("工会快讯", "●宁夏举办职工篮球赛　8月以来，宁夏各级工会举办职工篮球赛120场。（马　骏）",
                  "●海南开展送法进企业活动　日前，海南省总工会组织律师走进50家企业开展普法宣传。（符　玲）")
    assert [(i.column, i.title) for i in parsed.items] == [("工会快讯", "宁夏举办职工篮球赛"), (None, "海南开展送法进企业活动")]
    assert parsed.items[0].paragraphs == ("8月以来，宁夏各级工会举办职工篮球赛120场。",)
    assert parsed.items[1].byline.names() == ("符　玲",)


def test_a_kicker_printed_inside_a_column_broken_paragraph_waits_for_its_title() -> None:
    parsed = page("海岛上的“职工书屋”", "本报记者　林　涛",
                  "在浙江舟山的一座小岛上，渔民们下海归来，常常会走进码头边的",
                  "关注职工文化生活——",
                  "职工书屋看书读报。书屋里的两千多册图书，大多是岛上职工捐赠的。",
                  "“送文化”走进高原兵站",
                  "本报讯（记者　白　雪）8月以来，西藏各级工会组织文艺小分队走进高原兵站。")
    assert [(i.kicker, i.title) for i in parsed.items] == [(None, "海岛上的“职工书屋”"),
                                                         ("关注职工文化生活——", "“送文化”走进高原兵站")]
    assert len(parsed.items[0].paragraphs) == 1 and parsed.items[0].crossheads == ()


def test_interview_labels_after_a_mark_or_in_lenticular_brackets_are_turns() -> None:
    for ask, answer in (("【问】", "【答】"), ("◆记者：", "◆曹　阳：")):
        item = only(page("对话青年技师", "本报记者　卢　平", ask + "您是怎么走上技能之路的？",
                         answer + "我从学徒干起。那时候一个零件要练上百遍。", ask + "最想对年轻人说什么？",
                         answer + "沉下心，耐得住。"))
        assert item.crossheads == () and len(item.paragraphs) == 4


def test_text_opening_with_the_tail_of_a_plural_noun_starts_incomplete() -> None:
    parsed = page("友们都说，这样的食堂办到了心坎上。", "夜班职工有了热饭吃", "本报讯（记者　石　磊）" + BODY)
    assert parsed.items[0].starts_incomplete and parsed.items[0].title is None
    assert not only(page("工友食堂", "我们在食堂吃上了热饭。" + BODY)).starts_incomplete


# ---- issue 14, fifth batch (fresh4): rules found on its first run -----------------------------------

def test_a_masthead_with_glued_bars_is_page_furniture() -> None:
    text = "四川工人日报|2025年5月6日|星期二|第3版　综合\n\n职工书屋开进工地\n\n本报讯（记者　罗　江）" + BODY + "\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    assert (parsed.page, parsed.page_name) == (3, "综合")
    assert [(i.kicker, i.title) for i in parsed.items] == [(None, "职工书屋开进工地")]


def test_a_credit_for_the_whole_page_is_page_furniture() -> None:
    for credit in ("（本版图片由某市总工会提供）", "本版撰稿：本报记者　冯　川"):
        text = f"职工书屋开进工地\n\n本报讯（记者　罗　江）{BODY}\n\n{credit}\n"
        parsed = parse_page(text, "p.txt")
        assert conservation(text, parsed) == []
        item = only(parsed)
        assert item.byline.names() == ("罗　江",) and item.paragraphs[-1].endswith("新成效。") and not item.trailer


def test_a_padded_name_glued_to_she_in_brackets_is_a_photo_credit() -> None:
    item = only(page("渡口新貌", "5月2日，游客在新建成的渡口码头候船。（孟　岩摄）"))
    assert item.kind == "photo" and item.credit == "（孟　岩摄）"
    assert item.byline.photographers == ("孟　岩",) and item.paragraphs == ("5月2日，游客在新建成的渡口码头候船。",)


def test_a_bare_author_name_under_a_commentary_title_is_never_read_into_the_piece_above() -> None:
    parsed = page("读书会走进车间", "本报讯（通讯员　方　舟）" + BODY, BODY2,
                  "莫让“隐形门槛”挡住求职者", "宋志刚", "一些招聘启事写着“限本地户籍”，这样的门槛应当拆除。",
                  "用人单位应当依法招聘，给求职者公平的机会。")
    assert [i.title for i in parsed.items] == ["读书会走进车间", "莫让“隐形门槛”挡住求职者"]
    piece = parsed.items[1]
    assert piece.byline.authors == ("宋志刚",) and piece.paragraphs[0].startswith("一些招聘启事")
    assert len(parsed.items[0].paragraphs) == 2


def test_a_bare_name_after_a_letter_signs_it_and_a_column_name_with_a_surname_does_not() -> None:
    parsed = page("快递柜收费谁说了算", "我在小区取快递，超时一小时就要收费，希望有关部门管一管。", "韩　梅",
                  "马上评", "别让“最后一公里”变成“最贵一公里”", "快递柜收费要有规矩，不能让居民多掏腰包。")
    assert [(i.title, i.column) for i in parsed.items] == [("快递柜收费谁说了算", None),
                                                          ("别让“最后一公里”变成“最贵一公里”", "马上评")]
    assert parsed.items[0].byline.authors == ("韩　梅",) and parsed.items[1].byline.names() == ()


def test_a_profile_subtitle_opening_with_ji_needs_no_dash() -> None:
    # a short title, or one of two phrases, would otherwise read as a banner or kicker over "记…"
    for title in ("绿色邮路", "一个邮包　二十年山路"):
        item = only(page(title + "\n记贵州某县邮政支局投递员王小平", "本报记者　龙　飞", BODY, BODY2))
        assert (item.kicker, item.title, item.subtitle, item.column) == (None, title, "记贵州某县邮政支局投递员王小平", None)
    reading = read_stack(["记者调查", "高温下的外卖骑手"])
    assert reading.items[0].subtitle != 0  # 记者… is a column word, not a profile's subtitle


def test_a_bodiless_two_line_headline_is_split_from_the_next_title_when_its_text_is_stranded() -> None:
    # the text printed after the signed brief shares almost no words with the first two lines
    parsed = page("老码头换新颜", "渔港小镇迎来旅游热",
                  "残疾职工就业培训班结业",
                  "本报讯　日前，某市残联与市总工会联合举办的残疾职工就业培训班结业，48名学员领到结业证书。（江　帆）",
                  "清晨六点，石浦港的渔船陆续靠岸，游客们早早守在岸边，争相拍下开渔后的第一网海鲜。",
                  "当地民宿经营者说，今年五一假期的预订量比去年同期翻了一番。")
    assert [i.title for i in parsed.items][1] == "残疾职工就业培训班结业"
    first = parsed.items[0]
    assert first.title in ("老码头换新颜", "渔港小镇迎来旅游热") and len(first.paragraphs) == 2
    assert first.paragraphs[0].startswith("清晨六点") and parsed.items[1].byline.names() == ("江　帆",)
    assert len(parsed.items) == 2


def test_a_speaker_line_with_the_job_before_the_name_is_a_byline() -> None:
    item = only(page("让新就业形态劳动者有“家”", "省政协委员、某律师事务所主任　周　航", BODY))
    assert item.byline.authors == ("周　航",)
    assert [(r.name, r.role) for r in item.byline_roles] == [("周　航", "省政协委员、某律师事务所主任")]
    assert item.paragraphs == (BODY,)


def test_a_banner_over_an_editors_note_goes_over_the_first_piece_under_it() -> None:
    parsed = page("匠心传承", "编者按　技能人才是支撑中国制造的重要力量。本版今起推出系列报道，敬请关注。",
                  "一把锉刀磨出“精度”", "本报记者　吴　越", BODY, "钳工班里的“女状元”", "本报记者　吴　越", BODY2)
    assert [(i.column, i.title) for i in parsed.items] == [("匠心传承", "一把锉刀磨出“精度”"),
                                                          (None, "钳工班里的“女状元”")]
    assert parsed.items[0].paragraphs[0].startswith("编者按") and len(parsed.items[0].paragraphs) == 2


def test_a_word_that_starts_with_a_surname_is_no_bare_name() -> None:
    assert [bare_name_line(t) for t in ("郭　峰", "孟凡清", "欧阳明", "钱文静")] == [True] * 4
    assert [bare_name_line(t) for t in ("高温", "高温下", "马上评", "石榴籽", "王者归来", "简讯")] == [False] * 6
    for kicker in ("高温下", "石榴籽"):
        parsed = page("读书会走进车间", "本报讯（通讯员　方　舟）" + BODY, BODY2, kicker, "多地发放防暑降温物资",
                      "本报讯（记者　柯　林）连日来，多地工会为户外劳动者送去防暑降温物资。")
        assert [(i.kicker, i.title) for i in parsed.items][1][1] == "多地发放防暑降温物资"
        assert parsed.items[0].byline.names() == ("方　舟",)


def test_a_lead_whose_roles_and_names_are_parted_by_spaces_with_no_brackets() -> None:
    item = only(page("夜校开到了园区里", "本报讯　记者　高　原　通讯员　欧阳晨　5月9日晚，园区职工夜校开课。" + BODY))
    assert item.lead == "本报讯　记者　高　原　通讯员　欧阳晨" and item.paragraphs[0].startswith("5月9日晚")
    assert [(r.name, r.role) for r in item.byline_roles] == [("高　原", "记者"), ("欧阳晨", "通讯员")]
    item = only(page("夜校开到了园区里", "本报讯　记者从市总工会获悉，园区职工夜校开课。" + BODY))
    assert item.lead == "本报讯" and item.byline.names() == ()


def test_a_run_in_title_never_runs_on_into_the_next_line() -> None:
    # found by the long property run: an indented "■name" line and an unindented numbered caption make one
    # block; the bullet's "title" would end inside the caption's line and leave that line half accounted for
    text = "\u3000\u3000■周立新\n②\u30003月8日，职工在车间检修设备。新华社记者\u3000柯\u3000南\u3000摄\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    assert all(item.title != "周立新②" for item in parsed.items)


def test_a_caption_with_its_credit_glued_on_is_never_moved_away_as_a_stray_tail() -> None:
    # found by the long property run: the credited caption was handed to a bodiless headline sharing its
    # words while the credit stayed with the story above, so the credit's line was accounted for nowhere
    text = ("全市职工运动会开幕\n开幕式上，各代表队依次入场。\n夜班公交，不分昼夜，温暖归途\n"
            "据了解，全市已开通夜班公交线路四十余条， 本报记者 孔　岚 摄\n夜班公交，不分昼夜，温暖归途\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []


# ---- rules found by the sixth held-out batch (fresh5); inputs unlike its pages -------------------------------

def test_masthead_of_a_paper_whose_name_does_not_end_in_bao_is_furniture() -> None:
    parsed = page("职工之友　2024年3月2日　星期六　第2版　维权", "讨薪有了“绿色通道”",
                  "本报讯（记者　任　远）3月1日，某区劳动人事争议仲裁院开通农民工讨薪绿色通道。", BODY)
    item = only(parsed)
    assert item.title == "讨薪有了“绿色通道”" and item.subtitle is None and item.kicker is None
    assert parsed.page_name == "维权" and [f.line for f in parsed.furniture] == [1]


def test_a_short_headline_with_a_date_and_no_ban_is_not_a_masthead() -> None:
    # a name, a date and a weekday but no 版: nothing makes it a masthead
    parsed = page("春风行动　2024年2月20日　星期二", BODY)
    assert parsed.furniture == () or all(f.line != 1 for f in parsed.furniture)


def test_zebian_line_is_page_furniture() -> None:
    parsed = page("夜市里的流动服务站", "本报讯（通讯员　易　帆）服务站每晚七点开门。", BODY, "责编：司徒静")
    item = only(parsed)
    assert item.byline.authors == () and [f.text for f in parsed.furniture] == ["责编：司徒静"]


def test_rows_of_figures_inside_a_story_are_paragraphs_not_a_headline_stack() -> None:
    text = ("劳动保障监察年报发布\n\n本报讯（记者　吕　方）某市人社局日前发布去年劳动保障监察数据。\n\n"
            "受理举报投诉　　　　2316件\n追发工资待遇　　　　8460万元\n结案率　　　　　　　99.2%\n\n"
            "该局表示，今年将继续加大欠薪治理力度。\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert list(item.paragraphs[1:]) == ["受理举报投诉　　　　2316件", "追发工资待遇　　　　8460万元",
                                   "结案率　　　　　　　99.2%", "该局表示，今年将继续加大欠薪治理力度。"]


def test_a_line_after_a_blank_under_a_tight_honours_list_is_not_one_of_its_entries() -> None:
    text = ("2023年度优秀班组名单\n\n某钢铁公司炼铁车间\n某港口集团装卸一队\n某热电厂检修班\n\n"
            "夜校课堂搬进了车间\n\n职工书屋添新书\n\n本报讯（通讯员　石　磊）某市职工书屋新添图书两千册。\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    listing = parsed.items[0]
    assert listing.title == "2023年度优秀班组名单" and len(listing.paragraphs) == 3
    assert all("夜校课堂" not in p for p in listing.paragraphs)


def test_signed_bulleted_items_under_one_label_stay_one_box() -> None:
    item = only(page("每周简讯",
                     "●某市总工会日前为500名环卫工人送去防暑用品。（罗　兰）",
                     "●某区工会举办青年职工联谊会，120名单身职工参加。（何小川）",
                     "●某县工会开展安全生产知识竞赛，30支队伍参赛。（方　圆）"))
    assert item.title == "每周简讯" and len(item.paragraphs) == 3
    assert set(item.byline.reporters + item.byline.authors) >= {"罗　兰", "何小川", "方　圆"}


def test_house_commentator_alone_is_a_byline_not_a_banner() -> None:
    item = only(page("把职工的“小事”办成实事", "本刊评论员", BODY, BODY2))
    assert item.column is None and item.byline_raw == "本刊评论员" and len(item.paragraphs) == 2


def test_author_line_with_a_hollow_diamond_mark() -> None:
    item = only(page("别让“打卡”变了味", "◇ 欧阳晴", BODY))
    assert item.byline.authors == ("欧阳晴",) and list(item.paragraphs) == [BODY]


def test_guest_list_under_a_label_is_the_credit_block() -> None:
    text = ("灵活就业者的社保怎么缴\n\n对话嘉宾：\n某市人社局副局长　龙　飞\n快递小哥　陈　亮\n主持人：本报记者　刘　敏\n\n"
            "主持人：灵活就业人员参保有哪些新变化？\n\n龙　飞：今年起，参保不再受户籍限制。\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    names = set(item.byline.reporters + item.byline.authors)
    assert {"龙　飞", "陈　亮", "刘　敏"} <= names
    assert len(item.paragraphs) == 2 and all("嘉宾" not in p for p in item.paragraphs)


# ---- fresh6 first-run classes (each on an invented example unlike the held-out pages) -------------------


def test_a_special_pages_sponsor_line_is_page_furniture() -> None:
    parsed = page("第8版　乡村振兴专版", "本专版由某县总工会　某县农业农村局联合主办",
                  "合作社里来了技术员", "本报讯　日前，某县总工会组织农技人员走进合作社，指导社员科学管理果园。")
    item = only(parsed)
    assert item.title == "合作社里来了技术员"
    assert all("主办" not in p for p in item.paragraphs)
    assert any("主办" in f.text for f in parsed.furniture)


def test_a_short_label_over_figure_first_rows_is_a_crosshead_of_the_story() -> None:
    rows = "260场　　走访企业\n7.5万元　　慰问资金\n98%　　职工满意率"
    parsed = page("社区工会走访小微企业", "本报记者　范　林", BODY, BODY2, "【账本】", rows)
    item = only(parsed)
    assert [c.text for c in item.crossheads] == ["【账本】"]
    assert item.paragraphs[-3:] == ("260场　　走访企业", "7.5万元　　慰问资金", "98%　　职工满意率")


def test_a_title_with_two_dash_subtitles() -> None:
    item = only(page("山区公路通了“幸福路”", "——养路工守护盘山公路二十年", "——一条路带富三个村",
                     "本报记者　沈　玥", BODY, BODY2))
    assert item.kicker is None and item.title == "山区公路通了“幸福路”"
    assert item.subtitle is not None and "养路工" in item.subtitle and "三个村" in item.subtitle


def test_a_spread_out_notice_heading_after_a_story_titles_a_notice_signed_by_a_body_and_a_date() -> None:
    parsed = page("车间里的“读书角”", BODY, "启　事", "本会定于下月举办职工摄影比赛，欢迎广大职工踊跃投稿。",
                  "某区纺织厂工会\n2026年3月2日", "食堂开进了工业园", "本报讯　日前，某工业园区职工食堂开业，可同时容纳六百人就餐。")
    titles = [i.title for i in parsed.items]
    assert titles == ["车间里的“读书角”", "启　事", "食堂开进了工业园"]
    notice = parsed.items[1]
    assert notice.trailer == ("某区纺织厂工会", "2026年3月2日") and len(notice.paragraphs) == 1
    assert parsed.items[2].kicker is None


def test_a_list_whose_last_entry_has_no_stop_is_not_waiting_for_text() -> None:
    parsed = page("职工书屋开放", BODY, "据悉，书屋每周开放五天，职工凭工会会员卡即可借阅图书。",
                  "最受欢迎的五本书", "何秀英　某化工厂化验员\n梁　军　某机床厂车工")
    first, second = parsed.items
    assert len(first.paragraphs) == 2 and len(second.paragraphs) == 2


def test_a_signers_occupation_is_their_role() -> None:
    for line, name, role in (("快递小哥　陈　亮", "陈　亮", "快递小哥"), ("云南昆明　环卫工人　杨正明", "杨正明", "环卫工人")):
        item = only(page("希望多建几个歇脚点", "编辑同志：", "我们每天在路上跑，想找个地方喝口水、热热饭都不容易。",
                         line))
        assert [(r.name, r.role) for r in item.byline_roles] == [(name, role)]


def test_a_question_over_a_letters_signature_and_an_editors_note_after_it() -> None:
    parsed = page("工伤认定要多久", "编辑同志：", "我在工地摔伤了腿，单位迟迟不给申请工伤认定。",
                  "请问，单位不申请，我自己能申请工伤认定吗？", "浙江温州　钢筋工　罗小兵",
                  "编者按　罗小兵的疑问具有代表性，本报请律师作答。", "职工本人也可以申请工伤认定",
                  "■某律师事务所律师　蔡文静", "根据工伤保险条例，用人单位未按规定提出申请的，职工本人可以直接申请。")
    letter, answer = parsed.items
    assert letter.title == "工伤认定要多久" and letter.paragraphs[-1].startswith("请问")
    assert [(r.name, r.role) for r in letter.byline_roles] == [("罗小兵", "钢筋工")]
    assert answer.title == "职工本人也可以申请工伤认定" and answer.paragraphs[0].startswith("编者按")
    assert [(r.name, r.role) for r in answer.byline_roles] == [("蔡文静", "某律师事务所律师")]


def test_a_house_commentator_printed_above_a_title_signs_the_piece_below() -> None:
    parsed = page("夜市摊主有了流动工会", "本报记者　白　露", BODY, BODY2, "本报评论员", "把工会建到烟火气里",
                  "流动的摊主也需要组织，工会的服务就要跟着他们流动起来。")
    story, comment = parsed.items
    assert story.title == "夜市摊主有了流动工会" and len(story.paragraphs) == 2
    assert comment.title == "把工会建到烟火气里" and comment.byline_raw == "本报评论员"
    assert comment.byline_roles == () and not comment.byline.reporters  # the house voice names nobody


# ---- rules found by the eighth held-out batch (fresh7); inputs unlike its pages -------------------------------

def test_a_masthead_over_three_lines_paper_date_and_a_lettered_page_is_furniture() -> None:
    text = ("滨海职工报\n2025年11月3日　星期一\nB2　文体\n\n篮球联赛鸣哨\n\n本报讯（记者　莫　林）" + BODY + "\n")
    parsed = parse_page(text, "scan.txt")  # no date in the file name: the masthead's date line gives it
    assert conservation(text, parsed) == []
    assert [f.line for f in parsed.furniture] == [1, 2, 3]
    assert (parsed.page, parsed.page_name, parsed.date, parsed.date_inferred) == (2, "文体", "2025-11-03", False)
    assert [(i.kicker, i.title, i.subtitle) for i in parsed.items] == [(None, "篮球联赛鸣哨", None)]


def test_a_date_without_a_weekday_is_no_masthead_and_a_lone_paper_name_stays_text() -> None:
    parsed = page("喜报", "2025年11月3日", BODY)  # a signature date under a notice: text, not furniture
    assert parsed.furniture == ()


def test_a_bracketed_credit_ending_in_she_on_its_own_line_credits_the_photographer() -> None:
    # "（本报记者…）" alone is an author trailer; ending in 摄 it is a photo credit
    item = only(page("雪后抢修", "11月2日，某县供电所职工在山区清除线路积雪。", "（本报记者　尚　可　摄）"))
    assert item.kind == "photo" and item.byline.names() == ("尚　可",) and item.trailer == ()


def test_a_paragraph_hard_wrapped_at_the_pages_width_keeps_its_short_last_line() -> None:
    # no blank lines; a paragraph opens with spaces; every line of text is cut at 20 characters, and one cut
    # falls right after a full stop, so the paragraph's last line looks like a new unindented block
    lines = ("书香飘进生产车间",
             "  职工书屋今年新添图书三千册，阅读区增", "设二十个座位，还与市图书馆实现通借通还。", "倒班职工借书，再也不用跑远路了。",
             "  工会将继续推进书屋建设，计划年底前覆", "盖全部生产车间和班组，让职工在家门口就能", "读到好书。")
    item = only(page("\n".join(lines)))
    assert item.title == "书香飘进生产车间" and len(item.paragraphs) == 2
    assert item.paragraphs[0].endswith("再也不用跑远路了。")


def test_a_line_after_a_full_stop_is_glued_only_on_a_page_wrapped_at_a_fixed_width() -> None:
    from archive_gen.loader.blocks import split_blocks, wrap_width

    lines = ["书香飘进生产车间", "  职工书屋今年新添图书三千册，阅读区增设二十个座位。", "倒班职工借书，再也不用跑远路了。"]
    assert wrap_width(lines) is None  # lines of many lengths: no fixed width
    assert [b.lines for b in split_blocks("\n".join(lines))] == [(1,), (2,), (3,)]


def test_a_chronicle_of_dated_rows_under_a_heading_is_an_item_of_its_own() -> None:
    rows = ("2024年3月　成立职工创新联盟，首批成员企业12家。\n2024年9月　首批12个创新项目结题，转化收益300万元。\n"
            "2025年5月　联盟成员扩大到46家企业，覆盖全市主要行业。")
    parsed = page("职工创新联盟助力企业转型", "本报记者　纪　安", BODY, BODY2, "联盟发展历程", rows)
    story, chronicle = parsed.items
    assert len(story.paragraphs) == 2 and story.crossheads == ()
    assert chronicle.title == "联盟发展历程" and len(chronicle.paragraphs) == 3


# ---- rules found by the fresh8 first run (issue 14) -------------------------------------------


def test_a_credit_ending_in_sheying_on_its_own_line_closes_a_photo() -> None:
    # "role name　摄影" is printed for "…　摄": a photo credit, not a byline line of the story above
    parsed = page("夜班车间里的读书角", "本报讯　某厂工会在夜班车间设立读书角，配备图书八百册。",
                  "雪中送炭到工地", "1月8日，志愿者为隧道工人送去棉衣。", "特约记者　孔　明　本报通讯员　冯　达　摄影")
    story, photo = parsed.items
    assert story.credit is None and len(story.paragraphs) == 1
    assert photo.kind == "photo" and photo.byline.photographers == ("孔　明", "冯　达")
    assert [(r.name, r.role) for r in photo.byline_roles] == [("孔　明", "特约记者"), ("冯　达", "本报通讯员")]


def test_a_credit_line_labelled_per_picture_credits_every_photographer() -> None:
    item = only(page("春耕时节（组图）", "①农机手在田间作业。", "②技术员查看秧苗长势。",
                     "图①　新华社记者　钟　声　摄　图②　本报记者　方圆圆　摄"))
    assert item.kind == "photo" and len(item.paragraphs) == 2
    assert item.byline.photographers == ("钟　声", "方圆圆")


def test_a_writer_and_photographer_credit_line_names_both() -> None:
    item = only(page("山村来了流动书车", "周末，市图书馆的流动书车开进大山，村民排队借书。", "通讯员　韩　梅/文　见习记者　林　森/图"))
    assert item.byline.reporters == () and item.byline.correspondents == ("韩　梅",)
    assert item.byline.photographers == ("林　森",)
    assert {(r.name, r.role) for r in item.byline_roles} == {("韩　梅", "通讯员"), ("林　森", "见习记者")}


def test_a_paper_and_special_correspondent_role_is_kept_whole() -> None:
    item = only(page("职工运动会开幕", "人民日报特约通讯员　谷　雨　本报实习生　石　磊", BODY))
    assert [(r.name, r.role) for r in item.byline_roles] == [("谷　雨", "人民日报特约通讯员"), ("石　磊", "本报实习生")]


def test_a_headline_that_asks_then_answers_on_one_line_is_a_title() -> None:
    item = only(page("辞职后公积金能取吗？三种情况要分清（维权课堂）", "——一名职工的咨询引出的话题", BODY))
    assert item.title == "辞职后公积金能取吗？三种情况要分清（维权课堂）"
    assert item.subtitle == "——一名职工的咨询引出的话题" and item.paragraphs == (BODY,)


def test_two_sentences_in_a_paragraph_are_not_a_question_headline() -> None:
    from archive_gen.loader.shapes import headline_text

    assert not headline_text("行不行？试一试就知道了，大家说。")
    assert not headline_text("“真的吗？”他问。")
    assert headline_text("工资被拖欠怎么办？律师来支招")


def test_a_slogan_under_a_bracketed_banner_is_the_kicker() -> None:
    item = only(page("【新春走基层】", "迎新春　送温暖　暖人心", "三百名环卫工吃上团圆饭", "本报记者　凌　云", BODY))
    assert (item.column, item.kicker, item.title) == ("【新春走基层】", "迎新春　送温暖　暖人心", "三百名环卫工吃上团圆饭")


def test_a_short_clause_over_a_title_and_subtitle_is_a_kicker_not_a_column() -> None:
    item = only(page("向最美护士致敬", "市人民医院护理团队获评全国巾帼文明岗", "六十名护士坚守急诊一线十年", BODY))
    assert (item.column, item.kicker, item.title) == (None, "向最美护士致敬", "市人民医院护理团队获评全国巾帼文明岗")
    assert item.subtitle == "六十名护士坚守急诊一线十年"


def test_a_tail_after_closed_briefs_goes_to_the_one_story_cut_off_mid_sentence() -> None:
    # the story stops mid-sentence; after two briefs signed in brackets, a block with no headline reads on
    parsed = page("高速服务区建起司机之家", "本报讯　某高速服务区司机之家日前投用，设有休息室、淋浴间和",
                  "工会开展读书月活动", "本报讯　某区工会举办职工读书月活动，发放图书两千册。（吴　桐）",
                  "社区举办职工书法展", "本报讯　某社区举办职工书法展，展出作品六十件。（童　言）",
                  "洗衣房，每天接待过往货车司机三百余人次。")
    assert "fragment" not in [i.kind for i in parsed.items]
    owner = parsed.items[0]
    assert owner.paragraphs[-1].endswith("淋浴间和洗衣房，每天接待过往货车司机三百余人次。")


def test_a_heading_over_an_interviews_first_question_titles_the_interview() -> None:
    # an untitled half (上接) ends; a heading, then 记者： turns: a new piece, not a crosshead of the half
    parsed = page("（上接第2版）", BODY, "技能补贴怎么领", "记者：今年的技能提升补贴有哪些变化？",
                  "人社局职业能力处处长　白　露：申领范围扩大到所有参保职工。", "记者：多久能到账？", "白　露：审核通过后十五个工作日内发放。")
    half, interview = parsed.items
    assert half.title is None and half.paragraphs == (BODY,) and half.crossheads == ()
    assert interview.title == "技能补贴怎么领" and len(interview.paragraphs) == 4


def test_a_heading_between_turns_of_an_interview_stays_a_crosshead() -> None:
    item = only(page("车间里的技能课", "本报记者　丁　香", "记者：为什么要办车间课堂？", "答：工人下了班没时间去培训中心。",
                     "从一个班组到全厂", "记者：现在有多少人参加？", "答：全厂一千二百人都报了名。"))
    assert [c.text for c in item.crossheads] == ["从一个班组到全厂"] and len(item.paragraphs) == 4


def test_a_credit_ending_wen_bing_she_names_one_photographer() -> None:
    item = only(page("码头上的夜班", "凌晨，装卸工人在码头作业。新华社记者　柏　林　文并摄"))
    assert item.kind == "photo" and item.byline.photographers == ("柏　林",)


def test_a_comma_title_ending_on_le_over_a_byline_line_is_a_title() -> None:
    # "…，工人笑了" could be a sentence cut at a column end, but a byline line under it opens a story
    item = only(page("食堂饭菜降价了，工人笑了", "本报记者　封　岩", BODY, BODY2))
    assert item.title == "食堂饭菜降价了，工人笑了" and item.paragraphs == (BODY, BODY2)
    # with no byline under it, the same kind of line after a paragraph still reads as a cut sentence
    from archive_gen.loader.shapes import headline_text

    assert not headline_text("在车间一线，他们把最难啃的骨头留给了")
    assert headline_text("食堂饭菜降价了，工人笑了", cut_ok=True)


def test_a_line_over_a_byline_line_after_a_story_titles_the_next_story() -> None:
    # "夜班有补贴，…" opens with a short phrase and a comma (as a sentence cut at a column end can), but a
    # byline line under it opens the next story: it is that story's title, not the run-on of the one before
    parsed = page("车间工会办起夜校", "本报讯　某厂工会开办职工夜校，首期招收学员八十名。", BODY,
                  "夜班有补贴，休息有驿站，城南物流园留住了年轻骑手", "本报记者　梅　朵　本报通讯员　夏　至", BODY2)
    first, second = parsed.items  # the tail shares a little with the story cut short (工资, 农民工), nothing with its host
    assert first.paragraphs[-1] == BODY
    assert second.title == "夜班有补贴，休息有驿站，城南物流园留住了年轻骑手" and second.paragraphs == (BODY2,)
    assert second.byline.reporters == ("梅　朵",)


def test_a_letter_with_a_comma_title_after_a_finished_commentary_is_its_own_piece() -> None:
    # a commentary ends; a one-line title with a comma, the letter's text, and a signature naming the
    # signer's place and job in brackets: the letter is a piece of its own, not a column-split paragraph
    parsed = page("技能不分高低", "■石　磊", BODY, BODY2, "夜班再累，也想在书屋读几页书",
                  "我在物流园开叉车，下了夜班最想找个安静地方看看书。希望园区的职工书屋晚上也能开门。",
                  "（江苏无锡　司机　宋小川）")
    commentary, letter = parsed.items
    assert commentary.paragraphs == (BODY, BODY2)
    assert letter.title == "夜班再累，也想在书屋读几页书" and len(letter.paragraphs) == 1
    assert letter.byline.authors == ("宋小川",) and letter.trailer == ()


# ---- the eleventh held-out batch (tests/heldout/fresh10) ------------------------------------------


def test_a_long_series_line_is_a_banner_and_the_slogan_under_it_the_kicker() -> None:
    # "…·系列评论之三" is a banner however long the name before its number; a slogan under a series line is the
    # title's kicker (a headline carries one banner above it far more often than two)
    item = only(page("关注新就业形态劳动者权益·系列评论之三", "算法不能“算”走骑手的休息时间", "本报评论员　谷　雨", BODY))
    assert (item.column, item.title) == ("关注新就业形态劳动者权益·系列评论之三", "算法不能“算”走骑手的休息时间")
    item = only(page("大国工匠风采录·系列报道之三", "一双脚 一张图 一颗心", "燃气管网上的“活地图”",
                     "——记江州燃气集团巡线工买买提·吐尔逊", "本报记者　柯　蓝", BODY))
    assert (item.column, item.kicker, item.title) == ("大国工匠风采录·系列报道之三", "一双脚 一张图 一颗心",
                                                      "燃气管网上的“活地图”")


def test_an_issuing_body_with_a_verb_of_conferring_is_the_kicker_of_an_honours_list() -> None:
    parsed = page("车间工会办起夜校", "本报讯　某厂工会开办职工夜校，首期招收学员八十名。", "江州市总工会命名",
                  "2026年度“江州工匠”", "姚远航　江州重工集团数控车工。\n尚　进　江州港务集团门机司机。")
    honours = parsed.items[-1]
    assert (honours.kicker, honours.title) == ("江州市总工会命名", "2026年度“江州工匠”")
    assert honours.paragraphs == ("姚远航　江州重工集团数控车工。", "尚　进　江州港务集团门机司机。")


def test_an_editors_note_under_a_commentators_byline_line_stays_with_its_piece() -> None:
    # the byline line stands above all the text: it signs nothing printed before the note, so the 编者按 run-in
    # opens this piece and does not move to the next one
    note = "编者按：本报推出系列评论，围绕报酬、休息等话题展开讨论，敬请关注。"
    parsed = page("算法不能“算”走骑手的休息时间", "本报评论员　谷　雨", note, BODY, "工人论坛",
                  "技能补贴要让职工“看得见、领得到”", "特约评论员　柏　舟", BODY2)
    first, second = parsed.items
    assert first.paragraphs == (note, BODY) and second.paragraphs == (BODY2,)
    assert second.column == "工人论坛"


def test_a_column_name_under_a_title_is_no_half_of_a_split_sentence() -> None:
    # "职工说事" + "前些年…" read as one word across the join ("事前"), but a column's name under a title is
    # part of the headline group
    text = "前些年，不少企业恢复了工间操，可没过多久，有的地方就“偃旗息鼓”了。"
    parsed = page("技能不分高低", BODY, "工间操不该“一阵风”", "职工说事", text, BODY2)
    last = parsed.items[-1]
    assert (last.title, last.column) == ("工间操不该“一阵风”", "职工说事") and last.paragraphs == (text, BODY2)


def test_a_bracketed_name_alone_after_the_text_signs_the_piece() -> None:
    item = only(page("工间操不该“一阵风”", "职工说事", BODY, BODY2, "（秦　桑）"))
    assert item.byline.names() == ("秦　桑",) and item.trailer == () and item.byline_raw == "（秦　桑）"


def test_a_group_photo_label_belongs_to_its_credit() -> None:
    item = only(page("金秋棉田机采忙", "①10月13日，采棉机正在作业。", "②10月13日，棉农在田头查看棉花。",
                     "组图：本报记者　米　粒　通讯员　艾尔肯·吾斯曼　摄"))
    assert item.kind == "photo" and item.credit == "组图：本报记者　米　粒　通讯员　艾尔肯·吾斯曼　摄"
    assert len(item.paragraphs) == 2 and item.byline.photographers == ("米　粒", "艾尔肯·吾斯曼")


def test_a_single_character_before_a_pause_opens_mid_word() -> None:
    from archive_gen.loader.shapes import opens_mid_sentence

    assert opens_mid_sentence("位，每月评比一次，得分与班组绩效挂钩。")  # the tail of 岗位/单位
    assert not opens_mid_sentence("对，这就是我们的办法。") and not opens_mid_sentence("但，问题仍然存在。")
    item = only(page("“安康杯”竞赛进班组", "——江州建工集团安全生产见闻", "位，每月评比一次，得分与班组绩效挂钩。", BODY))
    assert item.starts_incomplete


def test_a_bodiless_headline_over_the_next_title_takes_its_lead_text_printed_after_that_story() -> None:
    # a one-line headline right above another story's title is read as a headline of its own when its text,
    # lead and all, is printed after that story (the body under the stack echoes the second title only)
    night = "本报讯（通讯员　燕　南）10月16日晚，江州市职工夜校秋季班在市工人文化宫开课，1800余名职工报名参加。"
    parsed = page("职工夜校秋季班开课", "江州港集团“蓝领创客”获三项专利授权",
                  "本报讯（见习记者　闻　达）近日，江州港务集团“蓝领创客”工作室的三项成果获得国家专利授权。",
                  "工作室成员均为一线职工，成立五年来累计完成技术革新83项。", night)
    school, patents = parsed.items
    assert (school.kicker, school.title) == (None, "职工夜校秋季班开课")
    assert school.lead == "本报讯（通讯员　燕　南）" and school.byline.names() == ("燕　南",)
    assert (patents.kicker, patents.title) == (None, "江州港集团“蓝领创客”获三项专利授权")
    assert len(patents.paragraphs) == 2


def test_a_tail_sharing_no_words_after_the_last_story_goes_to_the_one_story_cut_off() -> None:
    # the words decide nothing (the tail shares almost none with the interview it follows, nor with its own
    # story), but one story on the page stops mid-sentence and the tail reads on from it
    cut = "据介绍，改造费用由企业和工会按比例分担，市总工会还组织营养师走进食堂，并对食堂从业人员开展"
    parsed = page("职工食堂“明厨亮灶”让就餐更放心",
                  "本报讯（本报通讯员　郝　帅）全市已有186家企业职工食堂完成“明厨亮灶”改造，职工可实时查看后厨操作。",
                  cut, "让“娘家人”服务一点就到", "——访江州市总工会网上工作部部长乌兰·巴特尔", "本报记者　邵　宁",
                  "记者：“职工之家”App主要能为职工办哪些事？",
                  "乌兰·巴特尔：入会、申请困难帮扶、报名技能培训，这些事现在都能在手机上办。",
                  "记者：怎样让更多新就业形态劳动者用起来？",
                  "乌兰·巴特尔：我们在App里开设了骑手、货车司机等专区，打开就能找到最近的歇脚点。",
                  "食品安全培训，累计培训1300余人次。")
    canteen, interview = parsed.items
    assert canteen.paragraphs[-1] == cut + "食品安全培训，累计培训1300余人次。"
    assert len(interview.paragraphs) == 4

# ---- fresh11: other papers and page types (rules found by tests/heldout/fresh11) ---------------

def test_a_section_heading_over_its_first_subsection_heading_are_both_crossheads() -> None:
    item = only(page("把握新发展阶段的工会工作", BODY, "三、夯实基层组织基础", "（一）扩大组织覆盖", BODY2,
                     "（二）增强组织活力", "工会要把服务做到职工身边，不断增强职工群众的获得感。"))
    assert [c.text for c in item.crossheads] == ["三、夯实基层组织基础", "（一）扩大组织覆盖", "（二）增强组织活力"]
    assert len(item.paragraphs) == 3


def test_an_essays_author_named_only_in_its_closing_bracket_is_its_byline() -> None:
    item = only(page("让技能成为职工的底气", BODY, BODY2, "（作者：郝明川，系某大学公共管理学院副教授）"))
    assert item.byline.authors == ("郝明川",) and item.trailer == ("（作者：郝明川，系某大学公共管理学院副教授）",)
    assert item.paragraphs == (BODY, BODY2)
    # a trailer that names a unit and no person adds nobody
    item = only(page("让技能成为职工的底气", "■郝明川", BODY, "（作者单位：某大学公共管理学院）"))
    assert item.byline.authors == ("郝明川",)


def test_a_double_circle_marks_an_author_line() -> None:
    item = only(page("小事不小", "◎ 钱　塘", BODY, BODY2))
    assert item.byline.authors == ("钱　塘",) and item.paragraphs == (BODY, BODY2)


def test_a_poem_under_a_padded_title_and_a_bare_author_name_keeps_its_verses() -> None:
    parsed = page("第8版　副刊", "塔　吊", "柯　蓝", "在城市的最高处\n我数着\n一层一层\n长高的楼", "风从江面吹来\n吹亮了\n我的安全帽",
                  "（作者单位：某建工集团）", "晨光里的工地", "柳　絮", BODY)
    poem, prose = parsed.items
    assert poem.title == "塔　吊" and poem.byline.authors == ("柯　蓝",)
    assert poem.paragraphs == ("在城市的最高处", "我数着", "一层一层", "长高的楼", "风从江面吹来", "吹亮了", "我的安全帽")
    assert poem.trailer == ("（作者单位：某建工集团）",)
    assert prose.title == "晨光里的工地" and prose.byline.authors == ("柳　絮",) and prose.paragraphs == (BODY,)


def test_a_letter_keeps_its_closing_formula_date_and_the_answer_under_a_reply_label() -> None:
    parsed = page("第5版　读者来信", "宿舍的空调何时能修", "编辑同志：",
                  "我们宿舍的空调坏了一个多月，反映了几次都没人来修。希望有关部门重视。", "此致", "敬礼！",
                  "读者　邬小青", "7月2日", "记者回访", "本报记者　古　月",
                  "记者联系了该公司工会，工会表示空调已经维修完毕。", "食堂排队时间太长",
                  "午饭时间食堂只开两个窗口，排队要二十分钟。建议增开窗口。", "某物流园职工　杭　州")
    letter, second = parsed.items
    assert letter.title == "宿舍的空调何时能修" and letter.trailer == ("7月2日",)
    assert letter.paragraphs[2:4] == ("此致", "敬礼！") and len(letter.paragraphs) == 5
    assert [c.text for c in letter.crossheads] == ["记者回访"]
    assert {r.name: r.role for r in letter.byline_roles} == {"邬小青": "读者", "古　月": "本报记者"}
    assert second.title == "食堂排队时间太长" and len(second.paragraphs) == 1


def test_a_web_copys_bracketed_footer_is_page_furniture() -> None:
    parsed = page("职工书屋开到工地上", "　　本报记者　白　桦", BODY, "《 光明日报 》（ 2026年4月3日　 第 07 版）")
    item = only(parsed)
    assert item.paragraphs == (BODY,)
    assert parsed.page == 7 and parsed.date == "2026-04-03"


def test_a_lead_and_a_credit_may_name_another_paper() -> None:
    item = only(page("全市职工运动会开幕", "江城晚报讯（记者付　强、通讯员鲁　青）5月8日，全市职工运动会开幕。", BODY))
    assert item.lead == "江城晚报讯（记者付　强、通讯员鲁　青）"
    assert item.byline.reporters == ("付　强",) and item.byline.correspondents == ("鲁　青",)
    photo = only(page("夜色中的港口", "5月7日晚，货轮在港口装卸集装箱。", "江城晚报记者　齐　岳　摄"))
    assert photo.kind == "photo" and photo.byline.photographers == ("齐　岳",)
    assert {r.name: r.role for r in photo.byline_roles} == {"齐　岳": "江城晚报记者"}
    assert photo.paragraphs == ("5月7日晚，货轮在港口装卸集装箱。",)


def test_a_box_of_advice_after_a_story_is_a_piece_of_its_own() -> None:
    parsed = page("车间里的安全课", "本报通讯员　龙　飞", BODY, BODY2, "防暑小贴士",
                  "高温天气户外作业要避开正午时段，随身携带防暑药品，多喝淡盐水。")
    story, box = parsed.items
    assert story.paragraphs == (BODY, BODY2) and story.crossheads == ()
    assert box.title == "防暑小贴士" and len(box.paragraphs) == 1


def test_a_sheying_label_credits_photographers_not_authors() -> None:
    item = only(page("清晨的菜市场", "6月3日清晨，商户们在菜市场整理当天的蔬菜。", "摄影：费　青　闻　笛"))
    assert item.byline.photographers == ("费　青", "闻　笛") and item.byline.authors == ()


def test_a_heading_over_a_letters_salutation_titles_the_letter_not_a_crosshead() -> None:
    # a box of advice ends; a heading over "编辑同志：" opens a reader's letter signed "读者：name"
    parsed = page("维权小贴士", "劳动者遇到欠薪问题，可拨打职工服务热线求助。", "年休假能不能折算工资",
                  "编辑同志：", "我入职三年，单位从没安排过年休假。请问能要求折算工资吗？", "读者：景　明")
    box, letter = parsed.items
    assert box.title == "维权小贴士" and len(box.paragraphs) == 1 and box.crossheads == ()
    assert letter.title == "年休假能不能折算工资" and letter.paragraphs[0] == "编辑同志："
    assert {r.name: r.role for r in letter.byline_roles} == {"景　明": "读者"}


def test_a_short_unmarked_line_over_a_title_and_a_plain_subtitle_is_the_kicker() -> None:
    # a three-line stack with no ——: the short top line (a phrase of five to seven characters) is the 引题
    item = only(page("春耕备耕正当时", "江城农机职工下田送技术", "全市组建八十支农机维修服务队", "本报记者　贺　川",
                     BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("春耕备耕正当时", "江城农机职工下田送技术",
                                                        "全市组建八十支农机维修服务队")
    assert item.column is None


def test_a_bare_column_name_over_a_title_with_a_dash_subtitle_stays_a_column() -> None:
    item = only(page("劳模风采录", "三十年守护一条铁路线", "——记江城工务段线路工区工长严守成", "本报记者　贺　川", BODY))
    assert item.column == "劳模风采录" and item.kicker is None
    assert item.subtitle == "——记江城工务段线路工区工长严守成"


def test_a_place_and_a_colon_over_a_title_is_its_kicker() -> None:
    item = only(page("浙江湖州：", "“职工夜校”开到产业园区", "本报讯（记者　贺　川）近日，湖州市总工会在产业园区开办职工夜校。",
                     BODY))
    assert item.kicker == "浙江湖州：" and item.title == "“职工夜校”开到产业园区" and item.column is None


def test_a_column_label_with_a_colon_stays_a_column() -> None:
    item = only(page("记者调查：", "“共享员工”能否走得更远", "本报记者　贺　川", BODY))
    assert item.column == "记者调查：" and item.kicker is None


# ---- fresh13 (issue 14, the fourteenth batch): agency copy, service pages, run-in briefs, notes with no blank lines ----

def test_a_clause_ending_in_a_verb_of_reporting_over_a_title_is_its_kicker() -> None:
    item = only(page("全国职工状况抽样调查显示", "技能岗位收入连续五年增长",
                     "新华社北京3月2日电（记者　袁　朗）全国总工会2日发布职工状况抽样调查结果。", BODY))
    assert (item.kicker, item.title, item.subtitle) == ("全国职工状况抽样调查显示", "技能岗位收入连续五年增长", None)


def test_an_author_line_with_a_bar_after_wen_signs_the_piece() -> None:
    item = only(page("工人文苑", "雨中的站台", "文｜闻　溪", BODY, BODY2))
    assert item.title == "雨中的站台" and item.column == "工人文苑"
    assert item.byline.names() == ("闻　溪",) and item.paragraphs == (BODY, BODY2)


def test_a_wentu_credit_naming_a_union_signs_the_story_and_names_nobody() -> None:
    item = only(page("夜校里的读书声", "文/图　江城市总工会", BODY, BODY2))
    assert item.title == "夜校里的读书声" and item.subtitle is None
    assert item.byline.names() == () and item.paragraphs == (BODY, BODY2)


def test_another_agencys_picture_distributed_by_xinhua_is_a_credit() -> None:
    text = "雪后的港口\n\n1月5日，工人在德国汉堡港清扫码头积雪。\n新华社/欧新\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    photo = only(parsed)
    assert photo.kind == "photo" and photo.credit == "新华社/欧新" and photo.byline.names() == ()
    assert photo.paragraphs == ("1月5日，工人在德国汉堡港清扫码头积雪。",)


def test_a_ju_xinhua_dian_lead_opens_a_brief() -> None:
    item = only(page("一季度用工需求回升", "据新华社电　人力资源和社会保障部日前发布数据，一季度用工需求环比回升。"))
    assert item.lead == "据新华社电" and item.paragraphs[0].startswith("人力资源和社会保障部")


def test_the_items_of_a_numbered_list_are_paragraphs_of_their_own() -> None:
    item = only(page("申领技能补贴三步走", "1．登录职工服务平台，进入“技能补贴”栏目；\n2．上传职业资格证书及身份证明；\n"
                     "3．审核通过后，补贴在10个工作日内发放到个人账户。"))
    assert len(item.paragraphs) == 3 and item.paragraphs[1] == "2．上传职业资格证书及身份证明；"


def test_a_run_in_brief_whose_text_is_one_sentence_is_a_brief() -> None:
    parsed = page("城南动态", "◇街道举办职工羽毛球赛　日前，街道第三届职工羽毛球赛落幕，12支队伍参赛。",
                  "◇园区成立货运司机工会　近日，园区货运司机工会成立，首批会员208人。")
    assert [i.title for i in parsed.items] == ["街道举办职工羽毛球赛", "园区成立货运司机工会"]
    assert all(len(i.paragraphs) == 1 for i in parsed.items)


def test_a_run_in_title_is_never_a_crosshead_of_the_brief_above() -> None:
    # the second title shares no words with its text, so nothing but its run-in shape says it is a title
    parsed = page("◆江城举办职工象棋赛　日前，比赛在市工人文化宫举行。共有60名职工参赛。",
                  "◆新区开展送法进工地活动　近日，区法律援助中心的律师走进三个建筑工地。现场解答咨询120余人次。")
    assert [i.title for i in parsed.items] == ["江城举办职工象棋赛", "新区开展送法进工地活动"]
    assert all(i.crossheads == () for i in parsed.items)


def test_a_heading_after_a_short_dispatch_titles_the_next_story() -> None:
    parsed = page("日本调整外籍劳工政策", "中新社东京3月1日电　日本政府1日通过新的外籍劳工制度方案，将于明年实施。", BODY2,
                  "法国推迟养老金法案表决", "据法新社报道，法国国民议会2月28日决定推迟表决养老金改革法案。")
    assert [i.title for i in parsed.items] == ["日本调整外籍劳工政策", "法国推迟养老金法案表决"]
    assert parsed.items[0].crossheads == () and len(parsed.items[0].paragraphs) == 2


def test_a_bracketed_note_after_a_finished_sentence_is_no_wrapped_tail_on_a_page_with_no_blank_lines() -> None:
    text = ("在新时代弘扬工匠精神\n江城职业技术学院　蔺　川\n　　" + BODY + "\n　　" + BODY2 + "\n"
            "（本文系江城市社科规划项目“产业工人技能形成研究”阶段性成果）\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert item.paragraphs == (BODY, BODY2)
    assert item.trailer == ("（本文系江城市社科规划项目“产业工人技能形成研究”阶段性成果）",)


def test_a_headline_opening_with_wen_is_no_unit_credit() -> None:
    # guard: "文化…" opens a word, not a 文/ credit; only a separator or a gap after 文/图 makes a credit line
    from archive_gen.loader.bylines import is_byline_line
    assert not is_byline_line("文化和旅游局") and not is_byline_line("图书馆工会")
    assert is_byline_line("文/图　江城市总工会") and is_byline_line("文｜闻　溪")


def test_the_first_item_of_a_numbered_list_under_its_lead_in_sentence_is_a_paragraph_of_its_own() -> None:
    item = only(page("公积金提取须知", "本报记者　贺　川", "近日，市公积金中心调整提取办法。职工提取住房公积金，须满足下列情形之一：\n（1）购买自住住房；\n"
                     "（2）偿还购房贷款本息。", BODY))
    assert item.paragraphs[:3] == ("近日，市公积金中心调整提取办法。职工提取住房公积金，须满足下列情形之一：", "（1）购买自住住房；", "（2）偿还购房贷款本息。")
    # guard: a sentence cut after a colon at a column end still joins its tail when the tail is no list item
    joined = only(page("公积金提取须知", "本报记者　贺　川", "市公积金中心负责人介绍：", "今年以来，全市共办理提取业务两万余笔。"))
    assert joined.paragraphs == ("市公积金中心负责人介绍：今年以来，全市共办理提取业务两万余笔。",)


def test_a_news_sites_dateline_opens_a_lead() -> None:
    item = only(page("冬季劳务对接活动启动", "中新网成都12月1日电　记者1日获悉，冬季劳务对接活动将持续至明年2月。", BODY))
    assert item.lead == "中新网成都12月1日电" and item.dateline == Dateline("成都", 12, 1)


# ---- fresh14 (issue 14, fifteenth batch) -----------------------------------------------------

def test_a_letter_signed_place_reader_name_is_signed_not_an_honours_entry() -> None:
    parsed = page("读者来信", "食堂饭菜该降价了", "编辑同志：", "我们厂食堂的饭菜一年涨了三次价，分量却越来越少，希望厂里管一管。",
                  "江城市　读者　尚　云", "夜班公交能否多开几趟", "下夜班后等车常常要半个小时，希望公交公司增开班次。", "读者　程晓丹")
    assert [i.title for i in parsed.items] == ["食堂饭菜该降价了", "夜班公交能否多开几趟"]
    first = parsed.items[0]
    assert first.byline.names() == ("尚　云",) and len(first.paragraphs) == 2
    assert [(r.name, r.role) for r in first.byline_roles] == [("尚　云", "读者")]
    # guard: a name, a wide gap and a unit is still an honours-list entry
    from archive_gen.loader import shapes
    assert shapes.list_entry("马　超　江城客车公司焊接班班长") and not shapes.list_entry("江城市　读者　尚　云")


def test_a_label_of_a_role_word_and_two_characters_is_no_signature() -> None:
    from archive_gen.loader.bylines import signature
    assert signature("职工简讯") is None and signature("网友热议") is None
    # guard: a gap, a colon, brackets or a dash between the role and the name still sign
    assert all(signature(t) is not None for t in ("读者　刘梅", "读者：刘梅", "（读者刘梅）", "——读者刘梅"))
    parsed = page("夜校开课了", "——访江城市总工会职工学校校长蒙　雪", "本报记者　费　扬", "记者：夜校开设了哪些课程？",
                  "蒙　雪：有电工、焊工等技能课，也有书法、摄影等兴趣课。", "职工简讯", "江城港开展消防演练",
                  "本报讯　日前，江城港务集团组织消防应急演练，200余名职工参加。（史　青）")
    assert [i.title for i in parsed.items] == ["夜校开课了", "江城港开展消防演练"]
    assert parsed.items[0].byline.names() == ("费　扬",) and parsed.items[1].column == "职工简讯"


def test_an_honours_list_under_a_conferring_line_is_a_list_whatever_the_honour() -> None:
    parsed = page("江城市总工会命名", "2026年度江城市“职工创新工作室”（部分）",
                  "江城重工集团焊接工艺创新工作室\n江城港务集团桥吊技术攻关组\n江城市中心医院护理质量改进组",
                  "安全生产 警钟长鸣", "江城开展冬季安全大检查", "本报讯（记者　饶　佳）" + BODY)
    assert [i.title for i in parsed.items] == ["2026年度江城市“职工创新工作室”（部分）", "江城开展冬季安全大检查"]
    assert len(parsed.items[0].paragraphs) == 3 and parsed.items[1].kicker == "安全生产 警钟长鸣"
    # guard: an honour named in quotes titles a list on its own, a quoted phrase naming none does not; a body and a
    # verb that confers nothing is no conferring line
    from archive_gen.loader import shapes
    assert shapes.list_title("2026年度“工人先锋号”（部分）") and not shapes.list_title("走进“职工之家”")
    assert shapes.confers("江城市总工会命名") and not shapes.confers("江城市总工会召开")


def test_a_heading_after_a_short_round_up_of_others_reports_titles_the_next_story() -> None:
    parsed = page("韩国上调外卖骑手保险补贴", "据韩联社报道，韩国雇佣劳动部日前宣布，明年起提高外卖骑手工伤保险补贴比例。",
                  "另据报道，首尔市还将在地铁站附近增设骑手休息点。", "澳大利亚最低工资上调", "据澳洲媒体报道，澳大利亚公平工作委员会宣布上调全国最低工资。",
                  BODY2)
    assert [i.title for i in parsed.items] == ["韩国上调外卖骑手保险补贴", "澳大利亚最低工资上调"]
    assert parsed.items[0].crossheads == ()
    # guard: a bylined feature opening with 据…报道 keeps its crosshead
    feature = only(page("平台劳动者的冬天", "本报记者　伍　岳", "据媒体报道，多地平台劳动者冬季接单量明显上升。", BODY,
                        "保障仍有短板", "据了解，一些平台尚未为骑手缴纳职业伤害保障，受伤后维权困难。"))
    assert [c.text for c in feature.crossheads] == ["保障仍有短板"]


def test_a_tail_printed_after_the_last_story_goes_to_the_story_cut_short_it_reads_on_from() -> None:
    parsed = page("工资保证金制度全面推行", "本报讯（实习生　任　航）记者日前从江城市人社局获悉，全市在建项目已全部开设农民工工资专用账户，今年以来通过专户发放工资19亿元。",
                  "据介绍，人社部门还将联合住建部门、工会等单位，在元旦春节前开展", "工地上的“充电站”", "本报记者　龙　溪",
                  "在江城地铁3号线工地，一间由板房改造的“工友充电站”格外显眼。", "“干完活进来歇一歇，心里踏实。”钢筋工罗大成说。",
                  "拖欠工资专项整治，对查实的问题限期整改，确保农民工工资按时足额发放。")
    first, second = parsed.items  # the tail shares a little with the story cut short (工资, 农民工), nothing with its host
    assert first.paragraphs[-1] == "据介绍，人社部门还将联合住建部门、工会等单位，在元旦春节前开展拖欠工资专项整治，对查实的问题限期整改，确保农民工工资按时足额发放。"
    assert len(second.paragraphs) == 2
    # guard: a last paragraph that opens a quote does not read on from the cut story
    guarded = page("工资保证金制度全面推行", "本报讯（实习生　任　航）记者日前从江城市人社局获悉，全市在建项目已全部开设农民工工资专用账户，今年以来通过专户发放工资19亿元。",
                   "据介绍，人社部门还将联合住建部门、工会等单位，在元旦春节前开展", "工地上的“充电站”", "本报记者　龙　溪",
                   "在江城地铁3号线工地，一间由板房改造的“工友充电站”格外显眼。", "“拖欠工资的事，现在少多了。”钢筋工罗大成说。")
    assert len(guarded.items[1].paragraphs) == 2 and guarded.items[0].paragraphs[-1] == "据介绍，人社部门还将联合住建部门、工会等单位，在元旦春节前开展"


def test_very_short_phrases_over_a_title_and_a_run_in_lead_are_its_kicker() -> None:
    item = only(page("保安全 护稳定 促发展", "江城启动冬季安全生产百日行动", "本报讯（记者　汤　宁）" + BODY, BODY2))
    assert (item.kicker, item.column, item.title) == ("保安全 护稳定 促发展", None, "江城启动冬季安全生产百日行动")
    # guard: over a feature with no lead the same phrases stay a campaign banner
    banner = only(page("新时代 新征程 新伟业", "一把焊枪的“毫米人生”", BODY, BODY2))
    assert (banner.column, banner.kicker) == ("新时代 新征程 新伟业", None)


def test_collectives_named_as_a_workers_home_are_honours_list_rows() -> None:
    parsed = page("江城市总工会表彰", "2026年度“模范职工之家”", "江城港务集团装卸公司职工之家\n江城第二纺织厂职工小家\n江城市政工程公司职工之家",
                  "钢轨上的“听诊师”", "本报记者　龙　溪", BODY, BODY2)
    assert [i.title for i in parsed.items] == ["2026年度“模范职工之家”", "钢轨上的“听诊师”"]
    assert len(parsed.items[0].paragraphs) == 3
    # guard: a phrase ending 家 that names no unit ("老专家", "回到家") is no row
    from archive_gen.loader import shapes
    assert shapes.list_row("江城第二纺织厂职工小家") and not shapes.list_row("退休后回到家")


def test_a_heading_over_text_opening_on_another_papers_report_titles_a_round_up() -> None:
    parsed = page("守护城市的“蜘蛛人”", "本报通讯员　苗　禾", BODY, BODY2, "多地为外卖骑手建起“歇脚站”",
                  "据《湖南工人报》消息，长沙市总工会今年新建骑手驿站120个，提供饮水、充电等服务。",
                  "另据《贵州日报》消息，贵阳市将在明年上半年实现城区骑手驿站全覆盖。")
    assert [i.title for i in parsed.items] == ["守护城市的“蜘蛛人”", "多地为外卖骑手建起“歇脚站”"]
    assert parsed.items[0].crossheads == () and len(parsed.items[1].paragraphs) == 2
    # guard: a section opening 据了解， (no outlet's report) under a feature's heading stays a crosshead
    feature = only(page("守护城市的“蜘蛛人”", "本报通讯员　苗　禾", BODY, BODY2, "高空作业有了保险",
                        "据了解，市总工会今年为1200名高空作业职工购买了意外伤害保险。"))
    assert [c.text for c in feature.crossheads] == ["高空作业有了保险"]


# ---- fresh15 (issue 14, sixteenth batch) -----------------------------------------------------

def test_a_place_lead_with_no_date_opens_the_text() -> None:
    item = only(page("芜城港开设职工子女托管班", "本报芜城讯　通讯员　石　磊　近日，芜城港务集团工会开设职工子女寒假托管班。", BODY))
    assert item.lead == "本报芜城讯　通讯员　石　磊" and item.byline.correspondents == ("石　磊",)
    assert item.paragraphs[0].startswith("近日")
    bare = only(page("芜城港开展冬训", "本报芜城讯　日前，芜城港务集团组织开展冬季技能培训。", BODY))
    assert bare.lead == "本报芜城讯" and bare.paragraphs[0].startswith("日前")
    bracketed = only(page("芜城港开展冬训", "本报芜城讯（记者　蔡　明）日前，芜城港务集团组织开展冬季技能培训。", BODY))
    assert bracketed.byline.reporters == ("蔡　明",)
    # guard: a sentence about the paper's reporters opens no lead
    plain = only(page("芜城港开展冬训", "本报记者从芜城港务集团获悉，该集团日前组织开展冬季技能培训。", BODY))
    assert plain.lead is None and plain.paragraphs[0].startswith("本报记者从")


def test_a_credit_naming_another_papers_reporter_after_a_caption() -> None:
    item = only(page("春运首日", "1月10日，旅客在芜城站有序候车。　　芜城晚报记者　蔡　明　摄"))
    assert item.kind == "photo" and item.paragraphs == ("1月10日，旅客在芜城站有序候车。",)
    assert [(r.name, r.role) for r in item.byline_roles] == [("蔡　明", "芜城晚报记者")]
    # guard: a caption that names such a reporter inside its text keeps its text; a run of bare "names" glued to a
    # caption with no role is still caption text
    from archive_gen.loader.bylines import split_credit
    assert split_credit("1月10日，芜城晚报记者蔡明在站台采访旅客。") is None
    assert split_credit("旅客在候车。芜城站台候车大厅春运摄") is None


def test_a_photo_credit_opening_with_sheying_before_a_role_and_a_name() -> None:
    item = only(page("雪后清障", "1月5日，养护工人在芜城绕城高速清理积雪。摄影　本报记者　莫　非"))
    assert item.kind == "photo" and item.paragraphs == ("1月5日，养护工人在芜城绕城高速清理积雪。",)
    assert item.byline.photographers == ("莫　非",)
    assert [(r.name, r.role) for r in item.byline_roles] == [("莫　非", "本报记者")]
    # guard: 摄影 and a name with no role, or 摄影 inside the text, is no credit
    from archive_gen.loader.bylines import split_credit
    assert split_credit("他的爱好是摄影　书法") is None and split_credit("摄影　莫　非") is None


def test_a_bracketed_credit_with_a_slash_before_she_is_a_credit() -> None:
    item = only(page("湖畔晨光", "1月6日清晨，市民在芜城南湖边晨练。\n（通讯员　邝　宇/摄）"))
    assert item.kind == "photo" and item.trailer == () and item.byline.photographers == ("邝　宇",)
    assert [(r.name, r.role) for r in item.byline_roles] == [("邝　宇", "通讯员")]
    # guard: the same credit with no slash is read as before
    plain = only(page("湖畔晨光", "1月6日清晨，市民在芜城南湖边晨练。\n（通讯员　邝　宇　摄）"))
    assert plain.byline.photographers == ("邝　宇",)


def test_question_and_answer_turns_parted_by_a_wide_space_are_paragraphs() -> None:
    item = only(page("“把每一次巡检都做到位”", "——访芜城供电公司高级技师乔　木", "本报记者　蔡　明",
                     "乔木在变电运维岗位上工作了20年。近日，记者来到她的班组。", "问　您刚上班时遇到过什么困难？",
                     "答　那时候设备多、图纸少，我就一台一台地记，一本笔记记了三年。", "问　对年轻人有什么建议？",
                     "答　多问、多看、多动手。"))
    assert item.crossheads == () and len(item.paragraphs) == 5
    # guard: a padded two-character heading and a byline line are no turns
    from archive_gen.loader import shapes
    assert shapes.speaker("问　题") is None and shapes.speaker("记者　蔡　明") is None
    assert shapes.speaker("问　您刚上班时遇到过什么困难？") == "问"


def test_a_padded_name_in_brackets_signs_a_commentary_whatever_its_surname() -> None:
    text = "\n".join(["■短评", "“小驿站”里有大温暖", "驿站建得好不好，关键看有没有人来歇脚。只要把驿站建在劳动者身边，驿站就能“热”起来。",
                      "（满　江）"]) + "\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert item.byline.names() == ("满　江",) and item.trailer == ()
    # guard: a bracketed note after a story (not padded) is still a trailer
    noted = parse_page("\n".join(["■短评", "“小驿站”里有大温暖", "驿站建得好不好，关键看有没有人来歇脚。", "（完）"]) + "\n", "p.txt")
    assert noted.items[0].trailer == ("（完）",) and noted.items[0].byline.names() == ()


def test_a_marked_author_line_naming_a_unit_signs_the_essay() -> None:
    item = only(page("学术观点", "以职业培训促进充分就业", "◇　芜城师范学院　乔　木",
                     "高质量充分就业离不开劳动者技能的持续提升，需要构建终身职业技能培训制度。", BODY))
    assert item.title == "以职业培训促进充分就业" and item.subtitle is None
    assert item.byline.names() == ("乔　木",)
    # guard: without the author mark, or with a unit of no known ending, the line is no author line
    from archive_gen.loader.bylines import is_byline_line
    assert not is_byline_line("芜城师范学院　乔　木") and not is_byline_line("◇　一线风采　乔　木")


POEM_PAGE = ("巡夜人", "□ 乔　木", "大雪落下的时候\n他们沿着铁轨\n把一盏灯\n提成回家的路",
             "灯　语", "每一盏灯亮起来\n都有一双手\n在寒风里\n拧紧过螺丝",
             "开卷有益", "在钢水里读懂时代", "——读报告文学《炉火》", "◎ 蔡　明",
             "《炉火》记录了芜城钢厂几代炉前工的奋斗历程。作者深入车间采访一年多，笔下人物有血有肉。",
             "书中写到，老炉长为了抢修一座高炉，连续三个晚上没有回家。这样的细节，让人读来动容。")


def test_a_poems_last_verse_takes_no_tail_from_the_next_item() -> None:
    parsed = page(*POEM_PAGE)
    assert [i.title for i in parsed.items] == ["巡夜人", "在钢水里读懂时代"]
    poem, review = parsed.items
    assert len(poem.paragraphs) == 8 and poem.paragraphs[-1] == "拧紧过螺丝"
    assert len(review.paragraphs) == 2
    # guard: a prose story cut off mid-sentence still takes the page's silent tail
    cut = page("冬季送温暖资金提前下拨", "本报讯（记者　蔡　明）记者日前从芜城市总工会获悉，今年冬季送温暖资金已全部下拨到基层工会，共计3600万元。",
               "据介绍，市总工会还将联合民政、人社等部门，在元旦春节前开展", "车间里的“读书角”", "本报记者　乔　木",
               "在芜城机床厂总装车间，一排书架靠墙而立，几名工人正坐在长凳上翻书。", "“干完活来看看书，心里静。”装配工罗小川说。",
               "困难职工家庭走访慰问，把慰问金和慰问品送到职工手中。")
    assert cut.items[0].paragraphs[-1].endswith("在元旦春节前开展困难职工家庭走访慰问，把慰问金和慰问品送到职工手中。")
    assert len(cut.items[1].paragraphs) == 2


def test_a_statement_over_a_title_and_subtitle_is_their_kicker_not_a_column() -> None:
    text = "\n".join(["冬季施工不停歇", "芜城：重点工程建设者坚守一线", "——全市120个重点项目冬季施工有序推进", "　　本报记者　蔡　明",
                      "　　入冬以来，芜城市120个重点项目保持施工节奏，3万余名建设者坚守一线。", "　　" + BODY]) + "\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert item.kicker == "冬季施工不停歇" and item.column is None
    assert item.title == "芜城：重点工程建设者坚守一线" and item.subtitle == "——全市120个重点项目冬季施工有序推进"
    # guard: a column's name (no statement) over the same headline stays a column
    named = only(parse_page(text.replace("冬季施工不停歇", "一线观察"), "p.txt"))
    assert named.column == "一线观察" and named.kicker is None


# ---- fresh16 (issue 14, seventeenth batch) ---------------------------------------------------

@pytest.mark.parametrize("label", ["时　讯", "简　讯"])
def test_a_padded_label_over_bulleted_run_in_briefs_heads_the_first_brief(label: str) -> None:
    # (a padded pair opening with a surname read as a name signing the story above, and the run-in title joined
    # back to its text as a split sentence)
    parsed = page("芜城港开通职工通勤专线", "本报讯（通讯员　祁　远）1月3日，芜城港务集团开通职工通勤专线4条。", BODY,
                  label,
                  "▲芜城区总工会走访慰问环卫职工　1月5日，芜城区总工会走访慰问一线环卫职工320人，送去棉衣、手套等物资。（乔　林）",
                  "▲芜城供电公司开展冬季安全培训　日前，芜城供电公司组织一线班组开展冬季安全培训，参训职工560人次。")
    titles = [i.title for i in parsed.items]
    assert titles == ["芜城港开通职工通勤专线", "芜城区总工会走访慰问环卫职工", "芜城供电公司开展冬季安全培训"], titles
    first, brief = parsed.items[0], parsed.items[1]
    assert len(first.paragraphs) == 2 and first.crossheads == () and first.byline.correspondents == ("祁　远",)
    assert brief.column == label and brief.paragraphs[0].startswith("1月5日") and "乔　林" in brief.byline.reporters


def test_a_bare_padded_name_after_a_story_still_signs_it_when_no_run_in_brief_follows() -> None:
    # guard: only a line right over a bulleted brief's run-in title is read as the briefs' label
    lines = ["郭　峰", "芜城港开通职工通勤专线"]
    signed = read_stack(lines, StackContext(body=BODY, after_body=True))
    assert signed.signature == (0,) and [h.title for h in signed.items] == [1]
    labelled = read_stack(lines, StackContext(body=BODY, after_body=True, runin=True))
    assert labelled.signature == () and [(h.title, h.columns) for h in labelled.items] == [(1, (0,))]


def test_a_line_repeated_over_several_headlines_is_their_series_banner() -> None:
    banner = "奋进新征程·一线劳动者风采"
    parsed = page(banner, "芜城港桥吊班组三年零事故", "本报记者　蔡　明", BODY,
                  banner, "“焊花姐”邝玉兰：一道焊缝十年功", "本报通讯员　石　磊", BODY2,
                  banner, "芜城地铁检修工夜守列车", "本报记者　蔡　明", BODY)
    assert [i.title for i in parsed.items] == ["芜城港桥吊班组三年零事故", "“焊花姐”邝玉兰：一道焊缝十年功",
                                               "芜城地铁检修工夜守列车"]
    assert all(i.column == banner and i.subtitle is None for i in parsed.items)


def test_a_title_printed_twice_under_different_kickers_stays_a_title() -> None:
    # guard: only the top line of a stack, printed again over other headlines, is read as a banner
    parsed = page("一线见闻——", "芜城港开通职工通勤专线", "本报记者　蔡　明", BODY,
                  "岁末走基层——", "芜城港开通职工通勤专线", "本报通讯员　石　磊", BODY2)
    assert [(i.kicker, i.title) for i in parsed.items] == [("一线见闻——", "芜城港开通职工通勤专线"),
                                                          ("岁末走基层——", "芜城港开通职工通勤专线")]
    plain = read_stack(["奋进新征程·一线劳动者风采", "芜城港桥吊班组三年零事故"], StackContext(body=BODY))
    repeated = read_stack(["奋进新征程·一线劳动者风采", "芜城港桥吊班组三年零事故"],
                          StackContext(body=BODY, recurring=frozenset({"奋进新征程·一线劳动者风采"})))
    assert [h.columns for h in repeated.items] == [(0,)] and [h.columns for h in plain.items] != [(0,)]


def test_a_sponsor_line_with_no_benban_is_page_furniture() -> None:
    parsed = page("第6版　安全生产专版\n芜城市应急管理局　芜城市总工会　联合主办", "冬季安全生产检查全面展开",
                  "本报记者　蔡　明", BODY)
    item = only(parsed)
    assert item.kicker is None and item.title == "冬季安全生产检查全面展开"
    assert any(line.text.endswith("联合主办") for line in parsed.furniture)
    # guard: a headline or a sentence saying who hosts something is no sponsor line
    from archive_gen.loader.furniture import _SPONSOR_LINE
    assert not _SPONSOR_LINE.match("芜城市总工会主办职工冬季运动会")
    assert not _SPONSOR_LINE.match("职工书画展由芜城市总工会主办")
    assert not _SPONSOR_LINE.match("芜城市总工会和芜城日报社联合主办")  # no gap: a line of a hard-wrapped paragraph
    assert _SPONSOR_LINE.match("芜城市总工会　主办")


def test_a_readers_role_glued_to_the_place_before_the_name() -> None:
    item = only(page("读者来信", "食堂饭菜价格能否公开？", "编辑同志：",
                     "我们厂食堂今年涨价两次，职工不知道钱花在了哪里，希望能定期公开账目。", "芜城读者　秦　风"))
    assert [(r.name, r.role) for r in item.byline_roles] == [("秦　风", "读者")]
    # guard: a unit ending in 职工 keeps it (the unit is no role)
    from archive_gen.loader.bylines import signature
    credits = signature("芜城某纺织厂职工　黄　蓓")
    assert credits is not None and [(r.name, r.role) for r in credits.roles] == [("黄　蓓", "")]


def test_an_unmarked_unit_and_name_after_an_essay_signs_it() -> None:
    item = only(page("母亲的针线筐", "母亲在纺织厂干了一辈子挡车工，退休后，针线筐就成了她的宝贝。",
                     "如今我也进了纺织厂，才懂得那一针一线里的分量。", "芜城纺织集团　严　冬",
                     "编后：一只针线筐，连着两代纺织工人的手艺。欢迎职工朋友来稿。"))
    assert item.byline.authors == ("严　冬",) and item.crossheads == ()
    assert len(item.paragraphs) == 3 and item.paragraphs[-1].startswith("编后")
    # guard: a unit with no person's name after it, or a name after a cut sentence, is no sign-off
    from archive_gen.loader.bylines import unit_signoff
    assert not unit_signoff("芜城港务集团　转型之路") and unit_signoff("芜城纺织集团　严　冬")


def test_a_heading_after_a_run_in_brief_heads_the_next_piece() -> None:
    parsed = page("芜城港开通职工通勤专线", BODY,
                  "◆芜城区总工会走访慰问环卫职工　1月5日，芜城区总工会走访慰问一线环卫职工320人，送去棉衣等物资。",
                  "灯下的夜班", "每到深夜，调度室的灯总是亮着，值班的人一遍遍核对列车运行图。",
                  "那盏灯，照着这座城市的平安夜。")
    assert [i.title for i in parsed.items] == ["芜城港开通职工通勤专线", "芜城区总工会走访慰问环卫职工", "灯下的夜班"]
    assert len(parsed.items[1].paragraphs) == 1 and parsed.items[1].crossheads == ()
    assert len(parsed.items[2].paragraphs) == 2


def test_a_heading_inside_a_story_with_a_headline_is_still_a_crosshead() -> None:
    # guard: a story titled on its own line keeps its crossheads
    item = only(page("芜城港冬季生产见闻", "本报记者　蔡　明", BODY, "一线：寒风中的坚守",
                     "凌晨四点，码头上的桥吊司机已经开始了一天的作业，他们要在寒风中连续工作八个小时。", BODY2))
    assert [c.text for c in item.crossheads] == ["一线：寒风中的坚守"]


# ---- fresh17 (the eighteenth batch) ----------------------------------------------------------


def test_a_dated_lead_with_an_unbracketed_credit_closed_by_reported_is_the_lead() -> None:
    item = only(page("芜城开通返岗务工专车",
                     "本报芜城3月2日电　记者蒯　宁、通讯员阚小川报道：2日上午，首批返岗务工人员乘专车抵达芜城经济开发区。",
                     BODY))
    assert item.lead == "本报芜城3月2日电　记者蒯　宁、通讯员阚小川报道："
    assert item.byline.reporters == ("蒯　宁",) and item.byline.correspondents == ("阚小川",)
    assert item.dateline == Dateline("芜城", 3, 2)
    assert item.paragraphs[0].startswith("2日上午")


def test_a_dated_lead_followed_by_a_sentence_about_the_reporter_keeps_its_text() -> None:
    # guard: "记者从…获悉，…" after a dateline is the text (no credit closed by 报道 before a comma)
    item = only(page("芜城开通返岗务工专车", "本报芜城3月2日电　记者从芜城市总工会获悉，今年将开通返岗专车20趟。", BODY))
    assert item.lead == "本报芜城3月2日电" and not item.byline.names()
    assert item.paragraphs[0].startswith("记者从芜城市总工会获悉")


def test_a_bracketed_place_and_name_glued_after_a_letter_signs_it() -> None:
    item = only(page("加班费何时能补发？", "编辑同志：", "我在芜城一家电子厂做操作工，去年冬天连续加班两个月，至今没有拿到加班费。",
                     "我手里有考勤记录，上面写明了每天的加班时长。请问我应该向哪个部门反映？（芜城市城南区　冼家明）"))
    assert item.byline.names() == ("冼家明",)
    assert item.paragraphs[-1] == "我手里有考勤记录，上面写明了每天的加班时长。请问我应该向哪个部门反映？"


def test_a_bracket_naming_no_person_after_the_last_sentence_stays_text() -> None:
    # guard: a bracketed unit, or a place and a word that is no name, is not a signature
    item = only(page("职工书屋开放", "本报讯（记者　蒯　宁）芜城职工书屋日前正式开放，首批图书三千册。（芜城市总工会）", BODY))
    assert item.byline.names() == ("蒯　宁",)
    assert "（芜城市总工会）" in "".join(item.paragraphs)
    from archive_gen.loader.bylines import split_signoff
    assert split_signoff("活动当天正式启动。（芜城　经济开发区）") is None


def test_the_editors_dash_signoff_is_a_trailer_not_a_headline() -> None:
    parsed = page("职工书屋开放", "本报讯（记者　蒯　宁）芜城职工书屋日前正式开放，首批图书三千册，职工可免费借阅。", BODY,
                  "——本刊编辑部")
    assert [i.title for i in parsed.items] == ["职工书屋开放"]
    assert parsed.items[0].trailer == ("——本刊编辑部",) and len(parsed.items[0].paragraphs) == 2


def test_a_dash_profile_subtitle_is_not_the_editors_signoff() -> None:
    # guard: "——记…" under a title is a subtitle; a dash before a person still signs as before
    item = only(page("车间里的“老把式”", "——记芜城机床厂钳工班长冼家明", BODY, BODY2))
    assert item.subtitle == "——记芜城机床厂钳工班长冼家明" and item.trailer == ()


def test_a_letter_signed_by_a_collective_over_a_date_keeps_its_last_line() -> None:
    parsed = page("一封来自食堂职工的感谢信", "尊敬的芜城市总工会：",
                  "春节前夕，工会的同志来到食堂，为我们送来了慰问品和新春祝福，让我们倍感温暖。",
                  "在这里，我们向工会的同志们道一声：辛苦了！",
                  "芜城机床厂食堂全体职工\n2027年3月1日",
                  "来信追踪", "小区路灯为何不亮？",
                  "本报讯（记者　蒯　宁）近日，读者来信反映城南某小区路灯长期不亮。记者调查发现，线路已老化。", BODY)
    assert [i.title for i in parsed.items] == ["一封来自食堂职工的感谢信", "小区路灯为何不亮？"]
    letter = parsed.items[0]
    assert letter.paragraphs[-1] == "在这里，我们向工会的同志们道一声：辛苦了！" and not letter.byline.names()


def test_a_body_name_over_a_title_is_not_a_collective_signature() -> None:
    # guard: a collective's name with no date under it, over a headline, is still read with the headlines
    from archive_gen.loader.headlines import _dated_office
    assert not _dated_office(["芜城机床厂全体职工", "车间里的“老把式”"], 0)
    assert _dated_office(["芜城机床厂全体职工", "2027年3月1日"], 0)


def test_a_label_over_a_note_the_editors_sign_heads_a_piece_of_its_own() -> None:
    parsed = page("职工书屋开放", "本报讯（记者　蒯　宁）芜城职工书屋日前正式开放，首批图书三千册，职工可免费借阅。", BODY,
                  "写在后面", "职工的每一封来信，我们都认真阅读。欢迎读者继续来信，本版将持续关注。", "——编　者")
    assert [i.title for i in parsed.items] == ["职工书屋开放", "写在后面"]
    assert parsed.items[0].crossheads == () and parsed.items[1].trailer == ("——编　者",)


def test_a_crosshead_over_text_with_no_editors_signoff_stays_a_crosshead() -> None:
    # guard: the same heading and text with no sign-off under them is a section of the story above
    item = only(page("芜城港冬季生产见闻", "本报记者　蔡　明", BODY, "写在后面",
                     "凌晨四点，码头上的桥吊司机已经开始了一天的作业，他们要在寒风中连续工作八个小时。", BODY2))
    assert [c.text for c in item.crossheads] == ["写在后面"]


# ---- fresh18 ----------------------------------------------------------------------------------


def test_a_run_of_figure_rows_with_one_gap_is_a_box_of_the_story() -> None:
    item = only(page("前两个月芜城新增就业2.1万人", "本报记者　乔　木", BODY, BODY2, "数读",
                     "2.1万人\u3000城镇新增就业", "96场\u3000招聘会", "3100个\u3000见习岗位"))
    assert [c.text for c in item.crossheads] == ["数读"]
    assert item.paragraphs[2:] == ("2.1万人\u3000城镇新增就业", "96场\u3000招聘会", "3100个\u3000见习岗位")


def test_one_figure_shaped_line_over_a_title_is_still_a_kicker() -> None:
    # guard: alone, "figure　phrase" is a headline line (a kicker with a gap), not a row of a box
    item = only(page("10万职工\u3000同上一堂安全课", "芜城安全生产月活动启动", BODY))
    assert "10万职工\u3000同上一堂安全课" in (item.kicker, item.title) and item.paragraphs == (BODY,)


def test_a_list_announced_by_a_colon_stays_in_the_story() -> None:
    item = only(page("芜城职工羽毛球赛落幕", "本报讯（记者　乔　木）3月10日，芜城市职工羽毛球比赛落下帷幕，48支代表队参赛。",
                     "比赛结果如下：", "男子团体：芜城钢厂、芜城港务集团", "女子单打：柯　蓝（芜城纺织厂）", BODY))
    assert item.paragraphs[1:] == ("比赛结果如下：", "男子团体：芜城钢厂、芜城港务集团", "女子单打：柯　蓝（芜城纺织厂）", BODY)


def test_a_colon_title_after_an_announced_list_heads_the_next_story() -> None:
    # guard: the last "row" over a lead is the next story's place-colon title, not a row of the list
    parsed = page("芜城职工羽毛球赛落幕", "本报讯（记者　乔　木）3月10日，芜城市职工羽毛球比赛落下帷幕，48支代表队参赛。",
                  "比赛结果如下：", "男子团体：芜城钢厂、芜城港务集团", "女子单打：柯　蓝（芜城纺织厂）", "混合双打：芜城电厂",
                  "江西南昌：农民工工资专户全覆盖", "本报讯（记者　柯　蓝）记者日前从南昌市人社局获悉，全市在建项目已全部开设农民工工资专户。")
    assert [i.title for i in parsed.items] == ["芜城职工羽毛球赛落幕", "江西南昌：农民工工资专户全覆盖"]
    assert parsed.items[0].paragraphs[-1] == "混合双打：芜城电厂"


def test_a_colon_label_over_a_title_is_still_a_column() -> None:
    # guard: under no text, a short colon line is a column's label over the headline
    item = only(page("记者调查：", "小区充电桩为何“建不起来”", "本报记者　乔　木", BODY))
    assert item.column == "记者调查：" and item.title == "小区充电桩为何“建不起来”"


def test_a_role_in_a_bracketed_signoff_vouches_for_a_rare_surname() -> None:
    from archive_gen.loader.bylines import split_signoff
    assert split_signoff("职工参赛。（本报记者　芮　思）") == ("职工参赛。", "（本报记者　芮　思）")
    assert split_signoff("职工参赛。（记者 芮　思）") == ("职工参赛。", "（记者 芮　思）")
    # no role, no known surname: printed solid, not vouched for; padded to a name's width with one U+3000, a name (issue 14)
    assert split_signoff("职工参赛。（芮思）") is None
    assert split_signoff("职工参赛。（芮　思）") == ("职工参赛。", "（芮　思）")
    item = only(page("●芜城港举办劳动法知识竞赛", "3月10日，芜城港务集团工会举办劳动法知识竞赛，18支代表队参赛。（本报记者　芮　思）"))
    assert item.paragraphs == ("3月10日，芜城港务集团工会举办劳动法知识竞赛，18支代表队参赛。",)
    assert item.byline.reporters == ("芮　思",)


def test_a_poem_signed_after_its_stanzas_is_a_piece_of_its_own() -> None:
    parsed = page("第8版　副刊", "母亲的针线", "芜城机务段　庞　宇", BODY, BODY2, "夜班的灯",
                  "车间的灯亮了\n比星星早一点", "你在流水线上站成一棵树\n把夜色缝进明天", "灯下的人\n从不说累",
                  "（芜城纺织厂　柯　蓝）", "新书架", "一本写给青年技工的书", "■ 乔　木", BODY)
    assert [i.title for i in parsed.items] == ["母亲的针线", "夜班的灯", "一本写给青年技工的书"]
    essay, poem, review = parsed.items
    assert essay.crossheads == () and essay.paragraphs == (BODY, BODY2)
    assert poem.paragraphs == ("车间的灯亮了", "比星星早一点", "你在流水线上站成一棵树", "把夜色缝进明天", "灯下的人", "从不说累")
    assert poem.byline.authors == ("柯　蓝",) and poem.trailer == ()
    assert review.column == "新书架" and review.byline.authors == ("乔　木",)


def test_a_run_in_title_before_a_lead_needs_no_bullet() -> None:
    parsed = page("第6版　职工文体", "文体快讯",
                  "职工书画展开展\u3000本报讯\u30003月9日，芜城职工书画作品展在市工人文化宫开展，展出作品160余幅。（柯　蓝）",
                  "“工匠杯”象棋赛报名启动\u3000本报讯\u3000芜城市第三届“工匠杯”职工象棋赛即日起接受报名。（乔　木）")
    assert [(i.column, i.title) for i in parsed.items] == [("文体快讯", "职工书画展开展"), (None, "“工匠杯”象棋赛报名启动")]
    assert parsed.items[1].byline.names() == ("乔　木",)
    # guard: a line that opens with its lead is no run-in, whatever gap follows the lead
    item = only(page("芜城职工书屋开放", "本报讯\u3000芜城职工书屋日前正式开放，首批图书三千册，职工可免费借阅。"))
    assert item.title == "芜城职工书屋开放" and item.paragraphs == ("芜城职工书屋日前正式开放，首批图书三千册，职工可免费借阅。",)


# ---- fresh19 ----------------------------------------------------------------------------------


def test_a_publisher_signs_its_notice_with_a_date() -> None:
    parsed = page("“我和我的车间”摄影征集启事", BODY, "芜城工人报社\n2027年4月2日")
    item = only(parsed)
    assert item.title == "“我和我的车间”摄影征集启事" and item.paragraphs == (BODY,)
    assert item.trailer == ("芜城工人报社", "2027年4月2日")
    from archive_gen.loader import shapes
    assert shapes.signing_office("芜城职工杂志社") and shapes.signing_office("芜城工人报社")
    # guard: a headline naming a paper over a story's text still heads that story
    parsed = page("芜城职工书屋开放", BODY, "走进芜城工人报社", "本报讯（记者　乔　木）" + BODY2)
    assert [i.title for i in parsed.items] == ["芜城职工书屋开放", "走进芜城工人报社"]


def test_a_finished_comma_sentence_over_a_letter_signature_is_the_letters_last_line() -> None:
    question = "能不能延长食堂开放时间，或者增设夜宵窗口，方便我们夜班职工？"
    parsed = page("读者来信", "厂区食堂能否为夜班留盏灯", "编辑同志：", BODY, question, "芜城市开发区　读者　柯　蓝",
                  "芜城职工书屋开放", "本报讯（记者　乔　木）" + BODY2)
    assert [i.title for i in parsed.items] == ["厂区食堂能否为夜班留盏灯", "芜城职工书屋开放"]
    item = parsed.items[0]
    assert item.paragraphs == ("编辑同志：", BODY, question)
    assert item.byline.names() == ("柯　蓝",)
    # guard: with no signature under it, a question line between stories still heads the next story
    parsed = page("芜城职工书屋开放", BODY, "工资条为何越来越看不懂？", "本报讯（记者　乔　木）" + BODY2)
    assert [i.title for i in parsed.items] == ["芜城职工书屋开放", "工资条为何越来越看不懂？"]


def test_an_editors_afterword_run_in_closes_the_signed_letter() -> None:
    note = "【编者附言】读者反映的问题已转交有关部门，本报将持续关注。"
    item = only(page("读者来信", "夜班职工就餐难谁来管", "编辑同志：", BODY, BODY2, "芜城市江北区　读者　乔　木", note))
    assert item.paragraphs == ("编辑同志：", BODY, BODY2, note) and item.byline.names() == ("乔　木",)
    from archive_gen.loader import shapes
    assert shapes.editor_afterword("编后：一只工具箱，装的是手艺。") and shapes.editor_afterword(note)
    # guard: the word inside a sentence, or 编者按 (which opens a piece), is no afterword
    assert not shapes.editor_afterword("编后记得把稿子交上来。") and not shapes.editor_afterword("编者按：近日，…")


def test_a_writer_photographer_credit_after_a_caption_closes_it() -> None:
    from archive_gen.loader.bylines import credit_credits, split_credit
    caption = "4月18日，芜城纺织集团职工在车间读书角阅读。"
    assert split_credit(caption + "\u3000\u3000文/图\u3000本报记者\u3000乔　木") == (caption, "文/图\u3000本报记者\u3000乔　木")
    assert credit_credits("文/图\u3000通讯员\u3000柯　蓝").byline.photographers == ("柯　蓝",)
    # guard: 文/图 glued inside a sentence is no credit
    assert split_credit("展览以文/图结合的方式介绍劳模事迹") is None


def test_an_opening_note_of_a_new_column_is_the_first_paragraph_of_the_piece_under_it() -> None:
    note = "开栏的话：即日起，本版推出“走进新车间”栏目，记录新车间里的新工人、新故事。"
    item = only(page("【走进新车间】", note, "在“黑灯工厂”里当“医生”", "本报记者　乔　木", BODY, BODY2))
    assert item.column == "【走进新车间】" and item.title == "在“黑灯工厂”里当“医生”"
    assert item.paragraphs == (note, BODY, BODY2)
    from archive_gen.loader import shapes
    assert shapes.editor_note("开篇的话　技能人才是制造强国的“顶梁柱”。")
    # guard: a sentence that merely starts with the words is no note
    assert not shapes.editor_note("开栏的话题引发热议")


def test_an_author_line_printed_after_the_text_signs_the_piece_above() -> None:
    parsed = page("工人时评", "“隐形加班”该有个说法了", "■ 乔　木", BODY, BODY2, "技能补贴要“应发尽发”", BODY, BODY2,
                  "■ 柯　蓝", "给新职业多一些“成长空间”", BODY, BODY2, "庞　宇")
    assert [i.title for i in parsed.items] == ["“隐形加班”该有个说法了", "技能补贴要“应发尽发”", "给新职业多一些“成长空间”"]
    assert [i.byline.authors for i in parsed.items] == [("乔　木",), ("柯　蓝",), ("庞　宇",)]
    assert all(i.paragraphs == (BODY, BODY2) for i in parsed.items)
    # guard: under a byline line of its own story, a short heading between paragraphs stays a crosshead
    item = only(page("在“黑灯工厂”里当“医生”", "本报记者　乔　木", BODY, BODY2, "小创新解决大问题", BODY, BODY2))
    assert [c.text for c in item.crossheads] == ["小创新解决大问题"]


# ---- fresh20 (the twenty-first batch); inputs unlike its pages ---------------------------------

def test_a_dated_lead_with_no_place_is_a_lead() -> None:
    parsed = page("西岭县总工会开展送清凉活动", "本报7月3日讯（记者　柯　蓝　通讯员　乔　木）连日来，西岭县总工会走访一线岗位。", BODY,
                  "江口区技能比武开赛", "本报7月2日电（通讯员　庞　宇）江口区第三届职工技能比武日前开赛。")
    first, second = parsed.items
    assert first.lead == "本报7月3日讯（记者　柯　蓝　通讯员　乔　木）" and first.byline.names() == ("柯　蓝", "乔　木")
    assert first.dateline == Dateline("", 7, 3) and first.paragraphs[0] == "连日来，西岭县总工会走访一线岗位。"
    assert [(r.name, r.role) for r in second.byline_roles] == [("庞　宇", "通讯员")]
    # guard: 本报 then a date inside a sentence is no lead
    assert only(page("报庆活动举行", "本报7月3日迎来创刊七十周年，读者代表出席。", BODY)).lead is None


def test_a_page_wrapped_everywhere_at_one_width_joins_a_headline_cut_at_the_width() -> None:
    width = 16
    title = "西岭县总工会为环卫工人建成爱心驿站三十"  # 19 characters: wrapped after 16
    body = "据了解，西岭县今年共建成爱心驿站三十个，驿站内配备了饮水机、微波炉、急救箱等设施，环卫工人、快递员都可以免费使用。"
    story = "驿站由工会和街道共同管理，每天早上六点开门，晚上九点关门，节假日照常开放，受到户外劳动者欢迎。"
    lines = ["第3版　综合", "", title[:width], title[width:] + "个", "", "本报记者　柯　蓝", ""]
    for text in (body, story):
        lines += [text[k:k + width] for k in range(0, len(text), width)] + [""]
    item = only(parsed_lines("\n".join(lines)))
    assert item.title == title + "个" and item.subtitle is None
    assert item.paragraphs == (body, story)
    # guard: on a page with longer lines (not wrapped everywhere), a headline of that width stays apart
    heads = ["■江口：职工书屋开到了生产车间里", "■西岭：环卫驿站开到了城区路边上", "■北川：职工食堂开到了施工工地旁"]
    assert {len(h) for h in heads} == {width}
    guard = "\n".join(["第3版", "", heads[0], "本报讯　" + body, "", heads[1], "本报讯　" + story, "", heads[2],
                       "本报讯　" + body]) + "\n"
    assert [i.title for i in parsed_lines(guard).items] == heads


def test_clauses_numbered_in_chinese_in_brackets_are_paragraphs_of_their_own() -> None:
    clauses = ("（一）热爱工会工作，具有较强的组织协调能力；", "（二）具有大学专科以上学历；", "（三）身体健康，能适应岗位要求。")
    item = only(page("西岭县总工会招聘社会化工会工作者公告", "根据工作需要，现面向社会招聘社会化工会工作者，有关事项如下：",
                     "一、报名条件", *clauses))
    assert item.paragraphs[1:] == clauses
    from archive_gen.loader import shapes
    assert shapes.list_number("（十二）其他事项。") == 12 and shapes.list_number("（十）附则") == 10
    # guard: a bracket of words is no number
    assert shapes.list_number("（上）") is None


def test_a_spread_out_notice_heading_after_a_notice_signed_by_the_paper_titles_its_own_notice() -> None:
    statement = "近日有人冒用本报名义推销图书。本报从未委托任何单位和个人发行此类图书，特此声明。"
    fix = "本报6月2日第3版《职工书屋开到车间》一文中，“一百二十家”应为“二百一十家”。特此更正。"
    parsed = page("严正声明", statement, "西岭工人报社", "更　正", fix)
    assert [i.title for i in parsed.items] == ["严正声明", "更　正"]
    assert parsed.items[0].trailer == ("西岭工人报社",) and parsed.items[1].paragraphs == (fix,)
    assert parsed.items[1].column is None


def test_rows_of_a_table_of_three_columns_are_entries_of_the_story() -> None:
    from archive_gen.loader import shapes
    rows = ("地区\u3000\u3000参赛人数\u3000\u3000获奖人数", "江口区\u3000\u3000860\u3000\u300042", "西岭县\u3000\u3000520\u3000\u300031")
    text = "\n".join(["技能比武成绩揭晓", "", "本报记者　柯　蓝", "", BODY, "", BODY2, "", "各区县参赛情况", *rows, ""])
    item = only(parsed_lines(text))
    assert item.title == "技能比武成绩揭晓" and item.paragraphs == (BODY, BODY2, *rows)
    assert [c.text for c in item.crossheads] == ["各区县参赛情况"]
    assert shapes.table_cells(rows[1]) == ["江口区", "860", "42"] and shapes.figure_cells(["江口区", "860", "42"])
    # guard: a line of two cells is no table row, nor is a row holding a sentence
    assert shapes.table_cells("江口区\u3000\u3000860") is None and shapes.table_cells("甲\u3000\u3000乙。\u3000\u3000丙") is None


def test_a_caption_over_a_table_inside_a_story_is_a_crosshead() -> None:
    rows = ("项目\u3000\u3000今年\u3000\u3000去年", "职工书屋\u3000\u300036家\u3000\u300028家", "爱心驿站\u3000\u300052个\u3000\u300040个")
    caption = "西岭县总工会服务阵地建设情况一览"  # longer than a 数读 label
    text = "\n".join(["西岭县服务阵地越建越多", "", "本报记者　柯　蓝", "", BODY, "", BODY2, "", caption, *rows, ""])
    item = only(parsed_lines(text))
    assert [c.text for c in item.crossheads] == [caption] and item.paragraphs[-3:] == rows


def test_an_advertisement_label_and_its_lines_are_page_furniture() -> None:
    text = "第8版　副刊\n\n夜班车间\n\n柯　蓝\n\n" + BODY + "\n\n·广告·\n西岭家电城　以旧换新　全城包邮\n服务热线：0761-5551234\n"
    parsed = parsed_lines(text)
    assert [i.title for i in parsed.items] == ["夜班车间"]
    assert [(f.line, f.kind) for f in parsed.furniture if f.kind == "advert"] == [(9, "advert"), (10, "advert"),
                                                                                  (11, "advert")]
    # guard: the word inside a headline is no advertisement label
    assert not any(f.kind == "advert" for f in parsed_lines("第8版\n\n广告牌下的夜班工人\n\n" + BODY + "\n").furniture)


def test_a_group_of_poems_that_says_how_many_it_prints_opens_each_stanza_with_a_poem_title() -> None:
    first = ("车　间", "机床还在转", "汗水落在图纸上", "像一颗颗星")
    second = ("工　地", "钢筋是琴弦", "塔吊是指挥", "唱一首黎明的歌")
    essay = ["夜班车间", "", "乔　木", "", BODY, "", BODY2, "", BODY, "", BODY2, "", BODY, ""]  # prose above: blank-lined
    text = "\n".join([*essay, "劳动的诗行（组诗二首）", "", "柯　蓝", "", *first, "", *second, ""])
    item = parsed_lines(text).items[1]
    assert [c.text for c in item.crossheads] == ["车　间", "工　地"]
    assert item.paragraphs == first[1:] + second[1:]
    # guard: three stanzas under a title announcing two poems stay verses
    guard = parsed_lines("\n".join([*essay, "劳动的诗行（组诗二首）", "", "柯　蓝", "", *first, "", *second, "", *first,
                                     ""])).items[1]
    assert not guard.crossheads and guard.paragraphs[0] == "车　间"


# ---- fresh20: rules found by its post-fix check page --------------------------------------------

def test_a_dated_lead_with_an_unbracketed_credit_is_a_lead() -> None:
    item = only(page("西岭县职工徒步大会举行", "本报6月8日讯　记者　柯　蓝　6月7日，西岭县总工会举办职工徒步大会。", BODY))
    assert item.lead == "本报6月8日讯　记者　柯　蓝" and item.byline.names() == ("柯　蓝",)
    assert item.dateline == Dateline("", 6, 8) and item.paragraphs[0] == "6月7日，西岭县总工会举办职工徒步大会。"


def test_a_caption_over_a_table_closing_a_short_dated_dispatch_is_a_crosshead() -> None:
    rows = ("区县  职工书屋  爱心驿站", "江口区  36家  52个", "西岭县  28家  40个")
    caption = "各区县服务阵地建设情况一览表"
    text = "\n".join(["服务阵地越建越多", "", "本报6月8日电（记者　柯　蓝）" + BODY, "", BODY2, "", caption, *rows, ""])
    item = only(parsed_lines(text))
    assert item.dateline == Dateline("", 6, 8)
    assert [c.text for c in item.crossheads] == [caption] and item.paragraphs[-3:] == rows


def test_verses_are_read_on_a_blank_lined_page_that_prints_many_short_lines_line_under_line() -> None:
    rows = [f"{name}  {a}人  {b}人" for name, a, b in (("江口区", 36, 12), ("西岭县", 28, 9), ("北川县", 19, 7),
                                                      ("南河区", 22, 8), ("东湖区", 31, 10))]
    verses = ("春", "焊花落进窗外的桃林", "师傅说订单", "比花开得还早", "", "夏", "风扇吹不散机油味", "工装湿了又干", "干了又湿")
    text = "\n".join(["技能比武成绩揭晓", "", "本报记者　柯　蓝", "", BODY, "", BODY2, "", "各区县获奖情况", *rows, "",
                      "车间四季（组诗二首）", "", "■ 乔　木", "", *verses, ""])
    parsed = parsed_lines(text)
    assert [i.title for i in parsed.items] == ["技能比武成绩揭晓", "车间四季（组诗二首）"]
    poem = parsed.items[1]
    assert [c.text for c in poem.crossheads] == ["春", "夏"] and len(poem.paragraphs) == 6


# ---- fresh21 (the twenty-second batch: pages as archive exports give them); inputs unlike its pages ------

def test_markdown_heading_and_bold_marks_are_no_headline_or_byline_text() -> None:
    parsed = page("## 西岭县总工会开展送清凉活动", "### ——为一线职工送去防暑物资", "**本报记者　柯　蓝**", BODY,
                  "＃＃ 江口区技能比武开赛", "本报讯（通讯员　乔　木）" + BODY2)
    first, second = parsed.items
    assert (first.title, first.subtitle, first.byline.names()) == ("西岭县总工会开展送清凉活动", "——为一线职工送去防暑物资",
                                                                   ("柯　蓝",))
    assert second.title == "江口区技能比武开赛" and second.paragraphs == (BODY2,)
    # guard: a hashtag at the start of a line (no space after the mark) is text as printed
    from archive_gen.loader.exports import export_view

    assert export_view("#职工心声#夜班路上的一盏灯\n") == "#职工心声#夜班路上的一盏灯\n"


def test_a_markdown_heading_of_the_page_line_is_page_furniture() -> None:
    parsed = page("# 第6版　文体新闻", "西岭县职工运动会开幕", BODY)
    assert parsed.page_name == "文体新闻" and only(parsed).title == "西岭县职工运动会开幕"


def test_labels_of_headline_parts_and_of_the_byline_printed_by_an_editing_system_are_no_text() -> None:
    parsed = page("肩题：夏季送清凉\n标题：西岭县总工会走访一线岗位\n副题：慰问职工三千余人\n作者：本报记者　柯　蓝", BODY)
    item = only(parsed)
    assert (item.kicker, item.title, item.subtitle) == ("夏季送清凉", "西岭县总工会走访一线岗位", "慰问职工三千余人")
    assert item.byline.names() == ("柯　蓝",) and item.paragraphs == (BODY,)
    # guard: on a page that prints no title label, a 副题：line is text as printed
    assert "副题：慰问职工三千余人" in "".join(page("西岭县总工会走访一线岗位", "副题：慰问职工三千余人。" + BODY).items[0].paragraphs)


def test_an_unbracketed_source_line_is_a_trailer() -> None:
    item = only(page("西岭县总工会走访一线岗位\n夏季送清凉活动启动\n稿件来源：西岭县总工会", BODY, BODY2))
    assert item.title == "西岭县总工会走访一线岗位" and item.subtitle == "夏季送清凉活动启动"
    assert item.trailer == ("稿件来源：西岭县总工会",) and item.paragraphs == (BODY, BODY2)


def test_numbered_headlines_lose_their_ordinals() -> None:
    lead = "本报讯（记者　柯　蓝）"
    parsed = page(f"1．西岭县职工运动会开幕\n{lead}{BODY}", f"2．江口区技能比武开赛\n{lead}{BODY2}",
                  f"3．北川县为环卫工人送清凉\n{lead}{BODY}")
    assert [i.title for i in parsed.items] == ["西岭县职工运动会开幕", "江口区技能比武开赛", "北川县为环卫工人送清凉"]
    # guard: a numbered list inside a story keeps its numbers (running text, not headlines)
    tips = only(page("讨薪要点", "1．保留好劳动合同、工资条等证据；", "2．可拨打12333投诉；", "3．可申请劳动仲裁。"))
    assert tips.paragraphs[0].startswith("1．")


def test_digest_items_whose_headline_is_glued_to_the_text_by_a_colon_are_items() -> None:
    briefs = [("西岭县职工运动会开幕", "6月3日，西岭县第五届职工运动会开幕，设12个比赛项目，2000余名职工参赛。"),
              ("江口区为环卫工人送清凉", "江口区总工会近日走访全区环卫站点，为800名环卫工人送去防暑降温物资。"),
              ("北川县举办职工读书分享会", "北川县总工会日前举办职工读书分享会，12名职工分享了读书心得和工作感悟。")]
    parsed = page("简讯", *(f"{title}：{text}" for title, text in briefs))
    assert [(i.title, i.paragraphs) for i in parsed.items] == [(title, (text,)) for title, text in briefs]
    # guard: speakers' turns (a name that is no headline) stay paragraphs of their story
    turns = page("调解现场", "项目经理张卫东：工程款还没结算完，我们也在想办法解决。", "农民工代表魏长根：过节前总得让大家拿到钱回家去。",
                 "调解员卜向阳：双方各让一步，公司先行支付七成工资。")
    assert len(turns.items) == 1 and len(turns.items[0].paragraphs) == 3


def test_a_page_in_traditional_characters_reads_its_credits_and_keeps_its_characters() -> None:
    parsed = page("職工運動會開幕", "本報訊（記者　柯　藍）" + "職工運動會昨日開幕，二千名職工參加。",
                  "午間休息站", "工友在休息站內乘涼。\u3000\u3000本報記者　喬　木　攝")
    first, second = parsed.items
    assert first.lead == "本報訊（記者　柯　藍）" and first.byline.names() == ("柯　藍",)
    assert [(r.name, r.role) for r in first.byline_roles] == [("柯　藍", "記者")]
    assert second.kind == "photo" and second.credit == "本報記者　喬　木　攝"


# ---- fresh21: rules found by its post-fix check page --------------------------------------------

def test_labels_of_headline_parts_printed_in_lenticular_brackets_are_no_text() -> None:
    item = only(page("【眉题】夏季送清凉\n【正题】西岭县总工会走访一线岗位\n【副题】慰问职工三千余人\n【作者】本报记者　柯　蓝", BODY))
    assert (item.kicker, item.title, item.subtitle) == ("夏季送清凉", "西岭县总工会走访一线岗位", "慰问职工三千余人")
    assert item.byline.names() == ("柯　蓝",)
    # guard: a 【】 column label over a title (no part named) is kept as printed
    assert only(page("【工会动态】", "西岭县总工会走访一线岗位", "本报讯（记者　柯　蓝）" + BODY)).column == "【工会动态】"


# ---- fresh22 (the twenty-third batch: ordinary pages); inputs unlike its pages ----------------

def test_who_gave_a_verdict_and_a_colon_under_a_title_is_its_subtitle() -> None:
    item = only(page("企业以口头约定为由拒付加班费被判败诉", "专家:加班事实有证据即应足额支付", "本报记者 柯　蓝", BODY))
    assert (item.kicker, item.title, item.subtitle) == (None, "企业以口头约定为由拒付加班费被判败诉", "专家:加班事实有证据即应足额支付")
    # guard: a place and a colon under a kicker is still the title ("宁波镇海：…")
    placed = only(page("一体化办公 一站式服务", "西岭:劳动争议一站化解", "本报讯(记者柯蓝)" + BODY))
    assert (placed.kicker, placed.title) == ("一体化办公 一站式服务", "西岭:劳动争议一站化解")


def test_a_short_phrase_with_de_over_a_photo_title_is_the_title_not_a_column() -> None:
    item = only(page("晨光里的筑路人", "西岭县国道改建工程加紧施工", "7月8日，建设者在西岭县国道改建工地铺设沥青。　本报记者　柯　蓝　摄"))
    assert (item.column, item.title, item.subtitle) == (None, "晨光里的筑路人", "西岭县国道改建工程加紧施工")
    # guard: a column's name over a title stays a column
    assert only(page("工运走笔", "让职工书屋真正热起来", "■柯　蓝", BODY)).column == "工运走笔"


def test_a_theme_line_the_story_never_retells_over_a_line_it_does_is_the_kicker() -> None:
    lead = "本报讯（记者　柯　蓝）"
    item = only(page("加强新就业形态劳动者权益保障", "西岭县为千名快递员办理互助保障",
                     lead + "近日，西岭县总工会为千名快递员办理职工互助保障，每人每年可获最高两万元补助。", BODY))
    assert (item.kicker, item.title, item.subtitle) == ("加强新就业形态劳动者权益保障", "西岭县为千名快递员办理互助保障", None)
    # guard: a theme-shaped title the story retells keeps its subtitle
    kept = only(page("推进职工互助保障扩面提质", "西岭县参保职工突破十万人",
                     lead + "今年以来，西岭县总工会推进职工互助保障扩面提质，参保职工突破十万人。", BODY))
    assert (kept.kicker, kept.title, kept.subtitle) == (None, "推进职工互助保障扩面提质", "西岭县参保职工突破十万人")


# ---- fresh23 (the twenty-fourth batch: ordinary pages of older years, two OCR'd from microfilm); inputs unlike its pages ----

def test_a_run_in_lead_alone_on_an_indented_line_opens_the_wrapped_paragraph_under_it() -> None:
    text = ("西岭县启动职工技能提升行动\n"
            "　　本报讯（记者柯蓝　通讯员岳川）\n"
            "记者从西岭县总工会获悉，该县启动职工\n"
            "技能提升行动，计划年内培训一线职工五\n"
            "千人次，培训合格的职工可申领技能补贴。\n"
            "　　据介绍，培训分电工、焊工、数控车\n"
            "工等十二个工种，全部免费。\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    item = only(parsed)
    assert item.title == "西岭县启动职工技能提升行动" and item.lead == "本报讯（记者柯蓝　通讯员岳川）"
    assert item.byline.names() == ("柯蓝", "岳川") and len(item.paragraphs) == 2
    assert item.paragraphs[0].startswith("记者从西岭县总工会获悉")


def test_a_reported_lead_after_a_gap_keeps_its_colon() -> None:
    item = only(page("西岭县职工书屋达到两百家", "本报讯　通讯员岳川报道：" + BODY))
    assert item.lead == "本报讯　通讯员岳川报道：" and item.paragraphs[0] == BODY
    assert item.byline.names() == ("岳川",) and not item.starts_incomplete


def test_roles_glued_to_names_in_an_unbracketed_placed_lead_are_read() -> None:
    item = only(page("西岭县农民工夜校开课", "本报西岭讯　通讯员岳川　记者柯　蓝　" + BODY))
    assert item.lead == "本报西岭讯　通讯员岳川　记者柯　蓝" and item.paragraphs[0] == BODY
    assert [(r.name, r.role) for r in item.byline_roles] == [("岳川", "通讯员"), ("柯　蓝", "记者")]


def test_a_bracketed_sign_off_of_two_names_one_with_a_listed_surname_credits_both() -> None:
    text = "西岭县总工会为三百名环卫工人送去防暑降温物资。"
    item = only(page("西岭县为环卫工人送清凉", text + "（乌兰　柯蓝）"))
    assert item.paragraphs == (text,) and item.byline.names() == ("乌兰", "柯蓝")
    # guard: a bracket of name-shaped words none of which has a listed surname stays text
    kept = only(page("西岭县为环卫工人送清凉", text + "（乌兰　图雅）"))
    assert kept.paragraphs == (text + "（乌兰　图雅）",)


def test_a_meeting_held_over_the_line_giving_its_message_is_the_kicker() -> None:
    item = only(page("西岭县总工会召开职工代表工作座谈会", "让职工的每条建议都有回音", "本报讯（记者　柯　蓝）" + BODY))
    assert (item.kicker, item.title, item.subtitle) == ("西岭县总工会召开职工代表工作座谈会", "让职工的每条建议都有回音", None)
    # guard: the meeting line over a ——subtitle stays the title
    alone = only(page("西岭县总工会召开职工代表工作座谈会", "——听取基层工会意见建议", "本报讯（记者　柯　蓝）" + BODY))
    assert (alone.kicker, alone.title) == (None, "西岭县总工会召开职工代表工作座谈会")


def test_who_deployed_what_over_the_line_giving_its_demand_is_the_kicker() -> None:
    # "全总部署…送温暖活动" over what the deployment asks: the occasion, the 引题, as a meeting's or a notice's line is
    lead = "本报讯（记者　柯　蓝）"
    item = only(page("西岭县总工会部署今冬送温暖活动", "困难职工帮扶要做到“应帮尽帮”", lead + BODY))
    assert (item.kicker, item.title, item.subtitle) == ("西岭县总工会部署今冬送温暖活动", "困难职工帮扶要做到“应帮尽帮”", None)
    # guard: the deployment line over a ——subtitle stays the title
    alone = only(page("西岭县总工会部署今冬送温暖活动", "——筹集帮扶资金三百万元", lead + BODY))
    assert (alone.kicker, alone.title) == (None, "西岭县总工会部署今冬送温暖活动")
    # guard: under a short kicker saying what is being done, a deployment line stays the title
    under = only(page("岁末年初清欠薪", "西岭县五部门部署开展欠薪问题专项检查", lead + BODY))
    assert (under.kicker, under.title) == ("岁末年初清欠薪", "西岭县五部门部署开展欠薪问题专项检查")


def test_a_bare_word_the_opening_names_in_full_over_a_title_is_its_kicker() -> None:
    lead = "本报讯（通讯员　岳　川）"
    item = only(page("岭南", "三千名快递员有了“暖心驿站”", lead + "今年以来，岭南市总工会在快递网点建成驿站四十个。"))
    assert (item.kicker, item.title, item.column) == ("岭南", "三千名快递员有了“暖心驿站”", None)
    # guard: a column's name the story does not retell stays a column
    kept = only(page("走基层", "三千名快递员有了“暖心驿站”", lead + "今年以来，岭南市总工会在快递网点建成驿站四十个。"))
    assert (kept.kicker, kept.column) == (None, "走基层")
# ---- fresh24 (the twenty-fifth batch: ordinary pages); inputs unlike its pages ----------------

_FOOT = (
    "西岭县职工书屋增至六十家",
    "本报讯（记者　柯　蓝）近日，西岭县总工会新建职工书屋十二家，全县职工书屋增至六十家。",
)


def test_text_opening_with_a_lone_measure_word_starts_mid_sentence() -> None:
    first = page("名选手进入决赛，比赛结果将于月底公布。", *_FOOT).items[0]
    assert first.title is None and first.starts_incomplete
    # guard: a whole word that opens with a measure word's character ("项目") can open a sentence
    whole = page("项目建成后，可满足周边职工的就餐需求。", *_FOOT).items[0]
    assert whole.title is None and not whole.starts_incomplete


def test_text_opening_the_page_that_no_story_claims_is_an_untitled_item_not_a_fragment() -> None:
    first = page("比赛结果将于月底公布，主办方表示将把比赛办成品牌赛事。", *_FOOT).items[0]
    assert (first.kind, first.title, first.title_label) == ("article", None, "（无标题）")
    # guard: the same block lower on the page, after a photo closed by its credit, is a fragment of some story on it
    lower = page(
        *_FOOT,
        "雨后的工地",
        "7月8日，建设者在西岭县国道改建工地铺设沥青。　本报记者　柯　蓝　摄",
        "比赛结果将于月底公布，主办方表示将把比赛办成品牌赛事。",
    ).items[-1]
    assert (lower.kind, lower.title) == ("fragment", None)


# ---- fresh25 (the twenty-sixth batch: a PDF e-edition's text broken at its narrow column); inputs unlike its pages ----


def _column(text: str, width: int, indent: str = "") -> str:
    """``text`` broken every ``width`` characters, as a PDF's narrow column prints it (its first line indented)."""
    first = width - len(indent)
    return "\n".join([indent + text[:first]] + [text[k: k + width] for k in range(first, len(text), width)])


_NIGHT = ("西岭县公交公司和县总工会联合开通三条职工夜间公交专线，途经县城四个工业园区，末班车延至晚上十一点半，"
          "上夜班的职工凭工会会员卡乘车免费。")
_NIGHT_TWO = "专线开通首周，日均乘客一千二百人次，县总工会将根据职工意见再调整站点和班次。"
_NIGHT_THREE = "不少职工说，以前下夜班只能打车或者等家人来接，现在坐专线二十分钟就能到家。"


def test_a_narrow_column_line_that_fills_the_width_runs_on_into_the_next() -> None:
    texts = [_column(p, 12) for p in (_NIGHT, _NIGHT_TWO, _NIGHT_THREE)]
    item = only(page("西岭职工夜班回家有了专线", *texts))
    assert item.paragraphs == (_NIGHT, _NIGHT_TWO, _NIGHT_THREE)
    # guard: a box's label + figure rows as wide as the column stay one row each
    rows = page("西岭职工夜班回家有了专线", *texts, "夜间公交专线数　三条线路\n日均乘客　一千二百人次")
    printed = [it.title or "" for it in rows.items] + [p for it in rows.items for p in it.paragraphs]
    assert not any("三条线路日均" in text for text in printed)


def test_a_headline_line_near_a_narrow_column_width_runs_on_into_its_shorter_tail() -> None:
    body = "\n".join(_column(p, 12, "\u3000\u3000") for p in (_NIGHT, _NIGHT_TWO, _NIGHT_THREE))
    item = only(page("西岭县总工会为快递员\n送上夏季防暑用品", body))
    assert item.title == "西岭县总工会为快递员送上夏季防暑用品"
    # guard: a ——subtitle under the title is a part of its own
    parts = only(page("西岭县总工会为快递员\n——防暑用品送到网点", body))
    assert (parts.title, parts.subtitle) == ("西岭县总工会为快递员", "——防暑用品送到网点")


def test_a_photo_credit_wrapped_onto_a_second_line_is_one_credit() -> None:
    item = page("夜色中的检修线", "6月3日晚，西岭机务段职工在检修库内检查动车组转向架。\n本报记者　柯　蓝\n特约摄影　周　平　摄",
                "西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）近日，西岭县总工会新建职工书屋十二家。").items[0]
    assert item.kind == "photo" and item.title == "夜色中的检修线"
    assert item.byline.photographers == ("柯　蓝", "周　平")


def test_a_papers_name_beside_an_editors_line_at_the_foot_is_page_furniture() -> None:
    item = only(page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）近日，西岭县总工会新建职工书屋十二家。",
                     "江州职工报\n责任编辑：罗　敏　校对：金　晖"))
    assert item.title == "西岭县职工书屋增至六十家"


def test_a_line_naming_the_kind_of_report_over_a_news_line_is_its_kicker() -> None:
    lead = "本报讯（记者　柯　蓝）"
    text = lead + "记者走访西岭县三个工业园区发现，今年以来园区企业新招一线职工一千二百人，缺工问题明显缓解。"
    item = only(page("园区招工一线调查", "三个园区新招一线职工一千二百人", text))
    assert (item.kicker, item.title, item.subtitle) == ("园区招工一线调查", "三个园区新招一线职工一千二百人", None)
    # guard: a news line over a ——subtitle stays the title
    kept = only(page("园区招工一线调查", "——三个园区新招一线职工一千二百人", text))
    assert kept.title == "园区招工一线调查"


# ---- fresh25: rules found by its post-fix check page --------------------------------------------


def test_a_headline_line_near_a_narrow_column_width_runs_on_into_a_tail_as_long() -> None:
    body = "\n".join(_column(p, 12, "\u3000\u3000") for p in (_NIGHT, _NIGHT_TWO, _NIGHT_THREE))
    item = only(page("西岭县总工会为快递员\n送上夏季防暑降温用品", body))
    assert item.title == "西岭县总工会为快递员送上夏季防暑降温用品"
# ---- fresh26 (the twenty-seventh batch: ordinary pages of the least-used sections); inputs unlike its pages ----


def test_a_romanised_name_and_a_publishers_line_over_the_date_line_are_masthead() -> None:
    parsed = page("岭南职工报\nLINGNAN ZHIGONG BAO\n岭南市总工会主办　邮发代号　45-18", "2026年3月2日　星期一　第1版",
                  "西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY)
    item = only(parsed)
    assert item.title == "西岭县职工书屋增至六十家" and item.page == 1
    # guard: a line of capitals inside the text, below the first story, is no masthead
    lower = page("2026年3月2日　星期一　第1版", "西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY,
                 "CHINA DAILY WORKERS", BODY2)
    assert "CHINA DAILY WORKERS" in "".join(p for it in lower.items for p in (it.title or "", *it.paragraphs))


def test_a_line_over_a_paragraph_signed_in_brackets_after_a_bylined_story_titles_a_brief() -> None:
    story = ("西岭县建成首个职工疗休养基地", "本报记者　柯　蓝", BODY, BODY2)
    parsed = page(*story, "东川区送法进工地", "东川区总工会组织律师走进五个建筑工地，为农民工讲解劳动合同知识。（岳　川）")
    assert [i.title for i in parsed.items] == ["西岭县建成首个职工疗休养基地", "东川区送法进工地"]
    assert parsed.items[1].byline.names() == ("岳　川",)
    # guard: a section heading over unsigned text stays the story's crosshead
    kept = only(page(*story, "送法进工地", "东川区总工会组织律师走进五个建筑工地，为农民工讲解劳动合同知识。"))
    assert [c.text for c in kept.crossheads] == ["送法进工地"]


def test_a_jumped_tail_is_not_handed_to_the_paper_commentators_piece() -> None:
    tail = "市人社局有关负责人表示，下一步将完善技能人才评价激励机制，让技能人才收入稳步提高。（下转第2版）"
    parsed = page("岭南港务集团三千职工岗位练兵", "本报讯（记者　柯　蓝）港务集团日前举行码头作业岗位练兵，三千名装卸工参加。",
                  "练兵设置桥吊、理货等六个项目，前十名将获评集团技术能手。", tail,
                  "技能人才要有更多获得感", "本报评论员",
                  "技能人才是产业发展的重要支撑。评价激励机制完善了，技能人才的收入才能稳步提高。",
                  "让技能人才有奔头，企业要舍得投入，工会要做好服务，技能人才评价要打通。",
                  "只要技能人才的成长通道打通了，产业发展就有了坚实支撑。")
    first = parsed.items[0]
    assert first.paragraphs[-1].startswith("市人社局有关负责人表示") and len(parsed.items[1].paragraphs) == 3


def test_a_short_count_over_a_longer_line_is_its_kicker() -> None:
    item = only(page("签约项目36个", "西岭县在省城举行招商引资推介会", "本报讯（记者　柯　蓝）" + BODY))
    assert (item.kicker, item.title, item.subtitle) == ("签约项目36个", "西岭县在省城举行招商引资推介会", None)
    # guard: a count over a ——subtitle is the title
    kept = only(page("签约项目36个", "——西岭县招商引资推介会侧记", "本报讯（记者　柯　蓝）" + BODY))
    assert (kept.kicker, kept.title) == (None, "签约项目36个")


def test_a_quoted_line_repeating_the_storys_words_is_a_pull_quote_not_a_paragraph() -> None:
    opening = "老周在机修车间干了三十年，他常对徒弟说：“设备不会骗人，你对它用心，它就给你出活。”"
    feature = ("机修车间里的“老周”", "本报记者　柯　蓝", opening)
    rest = ("去年，车间引进新生产线，老周带着徒弟啃下了调试难题。", BODY2, "如今，老周的徒弟已有六人当上了班组长。")
    item = only(page(*feature, "“设备不会骗人，你对它用心，它就给你出活。”", *rest))
    assert len(item.paragraphs) == 4 and "“设备不会骗人，你对它用心，它就给你出活。”" in [c.text for c in item.crossheads]
    # guard: a quoted paragraph the story says nowhere else is a paragraph (a quote that opens a section)
    kept = only(page(*feature, "“车间就是考场，每天都在答卷。”", *rest))
    assert len(kept.paragraphs) == 5


# ---- fresh27 (the twenty-eighth batch: OCR'd pages with character-level noise); inputs unlike its pages ----


def test_a_lone_rule_or_folio_mark_line_is_furniture() -> None:
    for mark in ("｜", "□", "12"):
        parsed = page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY, mark,
                      "东川区送法进工地", "本报讯（通讯员　岳　川）" + BODY2)
        assert [i.title for i in parsed.items] == ["西岭县职工书屋增至六十家", "东川区送法进工地"], mark
        assert any(f.text == mark and f.kind == "stray" for f in parsed.furniture)


def test_a_lead_bracket_misread_or_lost_still_credits_its_names() -> None:
    for lead, rest in (("本报岭南4月2日电<记者　柯　蓝)", BODY), ("本报讯（通讯员　岳　川〉", BODY),
                       ("本报东川讯（记者　柯　蓝　通讯员　岳　川", "\u3000" + BODY)):
        item = only(page("岭南港务集团三千职工岗位练兵", lead + rest))
        assert item.paragraphs[0] == BODY and item.byline.names(), lead
    # guard: a bracket of text that is no credit stays in the text
    kept = only(page("岭南港务集团三千职工岗位练兵", "本报讯〈岭南港务集团供稿〉" + BODY))
    assert kept.paragraphs[0].startswith("〈岭南港务集团供稿〉")


def test_a_dot_read_as_a_full_stop_inside_a_name_on_a_byline_line() -> None:
    item = only(page("雪域高原上的电力“守护者”", "本报记者　次仁.旺堆　本报通讯员　柯　蓝", BODY, BODY2))
    assert item.byline.names() == ("次仁.旺堆", "柯　蓝") and len(item.paragraphs) == 2


def test_a_dash_read_as_yi_yi_ends_a_kicker_and_opens_a_subtitle() -> None:
    item = only(page("岗位建功新时代一一", "岭南港务集团三千职工岗位练兵", "本报讯（记者　柯　蓝）" + BODY))
    assert (item.kicker, item.title) == ("岗位建功新时代一一", "岭南港务集团三千职工岗位练兵")
    item = only(page("码头上的“桥吊状元”", "一一记岭南港务集团桥吊司机柯　岚", "本报记者　柯　蓝", BODY, BODY2))
    assert (item.title, item.subtitle) == ("码头上的“桥吊状元”", "一一记岭南港务集团桥吊司机柯　岚")


def test_a_short_line_with_a_stray_full_stop_over_a_lead_is_a_headline() -> None:
    parsed = page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY,
                  "东川区开展送法进工地活动。", "本报东川4月2日电（通讯员　岳　川）" + BODY2)
    assert [i.title for i in parsed.items] == ["西岭县职工书屋增至六十家", "东川区开展送法进工地活动。"]
    # guard: a short closed sentence over plain text stays a paragraph
    kept = only(page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY, "会议为期两天半。", BODY2))
    assert list(kept.paragraphs[-2:]) == ["会议为期两天半。", BODY2]


def test_a_half_width_stop_after_han_ends_a_paragraph() -> None:
    item = only(page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）西岭县新建职工书屋十二家.",
                     "\u3000\u3000" + BODY2))
    assert len(item.paragraphs) == 2
    # guard: a "." after a digit is a decimal point, the sentence goes on in the next block
    kept = only(page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）西岭县职工书屋藏书达到3.", "5万册，" + BODY2))
    assert len(kept.paragraphs) == 1


def test_a_bracketed_signoff_after_a_half_width_stop_after_han_is_a_credit() -> None:
    item = only(page("东川区送法进工地", "本报讯　东川区总工会组织律师走进五个建筑工地，为农民工讲解劳动合同知识.(岳　川)"))
    assert item.byline.names() == ("岳　川",) and item.paragraphs[-1].endswith("知识.")


# ---- fresh28 (the twenty-ninth batch: pages copied from a 数字报 or a news website); inputs unlike its pages ----


def test_a_web_views_control_and_time_lines_are_furniture() -> None:
    parsed = page("岭南港务集团三千职工岗位练兵", "【字号 大 中 小】　打印本页　关闭窗口\n发布时间：2024-03-02 07:10\n来源：岭南日报",
                  "本报讯（记者　柯　蓝）" + BODY, "上一篇　下一篇\n分享到：微信　微博", "返回目录")
    item = only(parsed)
    assert item.title == "岭南港务集团三千职工岗位练兵" and item.paragraphs == (BODY,)
    assert {f.text for f in parsed.furniture if f.kind == "web"} >= {"上一篇　下一篇", "来源：岭南日报", "返回目录"}
    # guard: a 来源 line with no web control beside it stays the story's own trailer, and 大/中/小 alone are words
    kept = only(page("岭南港务集团三千职工岗位练兵", "本报讯（记者　柯　蓝）" + BODY, "来源：岭南日报"))
    assert not any(f.kind == "web" for f in page("大　中　小", BODY).furniture) and kept.title


def test_a_news_sites_breadcrumb_meta_line_and_related_list_are_furniture() -> None:
    parsed = page("岭南网 > 新闻 > 职工", "岭南港务集团三千职工岗位练兵\n2024-03-02 07:10:05　来源：岭南日报　作者：柯　蓝",
                  "本报讯（记者　柯　蓝）" + BODY, "相关新闻\n东川区送法进工地\n西岭县职工书屋增至六十家")
    assert [i.title for i in parsed.items] == ["岭南港务集团三千职工岗位练兵"]
    assert {f.line for f in parsed.furniture if f.kind == "web"} == {1, 4, 8, 9, 10}


def test_a_title_list_before_the_articles_is_furniture() -> None:
    for bullet in ("", "● "):
        parsed = page(f"{bullet}西岭县职工书屋增至六十家\n{bullet}东川区送法进工地", "西岭县职工书屋增至六十家",
                      "本报讯（记者　柯　蓝）" + BODY, "东川区送法进工地", "本报讯（通讯员　岳　川）" + BODY2)
        assert [i.title for i in parsed.items] == ["西岭县职工书屋增至六十家", "东川区送法进工地"], bullet
        assert [f.kind for f in parsed.furniture if f.line in (1, 2)] == ["index", "index"]
    # guard: two lines printed twice as a block (a refrain) are no title list
    kept = page("西岭县的春天\n东川区的秋天", BODY, "西岭县的春天\n东川区的秋天", BODY2)
    assert not any(f.kind == "index" for f in kept.furniture)


def test_a_page_navigation_list_names_no_page_and_an_iso_dated_header_does() -> None:
    parsed = page("岭南日报 2024-03-02 第03版：新闻\n版面导航\n第01版：要闻\n第02版：评论\n第03版：新闻",
                  "西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY)
    assert (parsed.page, parsed.page_name) == (3, "新闻") and len(parsed.items) == 1
    footer = page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY, "《岭南日报》（2024年03月02日 05版）")
    assert footer.page == 5 and only(footer).paragraphs == (BODY,)


def test_an_author_label_over_a_byline_line_on_an_unlabelled_page() -> None:
    item = only(page("岭南港务集团三千职工岗位练兵", "作者：本报记者　柯　蓝　本报通讯员　岳　川", BODY, BODY2))
    assert item.byline.names() == ("柯　蓝", "岳　川") and len(item.paragraphs) == 2
# ---- fresh29 (the thirtieth batch: ordinary pages varied in headline stacks); inputs unlike its pages ----


def test_a_packed_run_of_bare_run_in_titles_is_a_run_of_briefs() -> None:
    briefs = ("西岭县职工篮球赛落幕\u3000西岭县第五届职工篮球赛日前落幕，十六支代表队参赛。",
              "东川区表彰安全生产标兵\u3000东川区总工会表彰安全生产标兵四十名，每人发给奖金三百元。（岳　川）")
    parsed = page("短　讯", "\n".join(briefs))
    assert [i.title for i in parsed.items] == ["西岭县职工篮球赛落幕", "东川区表彰安全生产标兵"]
    assert parsed.items[1].byline.names() == ("岳　川",)
    # guard: one such line alone (a paragraph opening with a phrase and a gap) stays text of the story above
    kept = only(page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY, briefs[0]))
    assert len(kept.paragraphs) == 2
    # guard: dated rows packed line under line ("2023年11月　…") are a chronicle's rows, not briefs
    rows = only(page("西岭县职工书屋增至六十家", "本报讯（记者　柯　蓝）" + BODY,
                     "2023年11月\u3000首批职工书屋建成开放，藏书一万册。\n2024年6月\u3000职工书屋增至六十家，覆盖全县企业。"))
    assert len(rows.paragraphs) >= 2


def test_a_day_place_line_over_a_longer_title_is_its_kicker() -> None:
    item = only(page("3月9日·西岭矿区\n西岭煤矿千名矿工开展安全生产大检查", "本报讯（记者　柯　蓝）" + BODY))
    assert (item.kicker, item.title) == ("3月9日·西岭矿区", "西岭煤矿千名矿工开展安全生产大检查")
    # guard: a line with no day in it stays the title over its subtitle
    kept = only(page("西岭·东川两地\n工会联合开展安全生产大检查行动", "本报讯（记者　柯　蓝）" + BODY))
    assert kept.kicker is None


def test_a_title_line_broken_mid_phrase_runs_on_into_one_title() -> None:
    # the first line stops on a verb wanting its object: one title, not a title over its subtitle
    item = only(page("西岭县总工会多方筹资帮助解决\n困难职工子女入学难问题", "本报讯（记者　柯　蓝）" + BODY))
    assert (item.kicker, item.title, item.subtitle) == (None, "西岭县总工会多方筹资帮助解决困难职工子女入学难问题", None)
    # between a kicker ending —— and a ——subtitle: the second line opens on a coverb wanting the first as its subject
    stack = "推进户外劳动者服务阵地建设——\n东川区六千名环卫工人\n通过爱心驿站喝上热水\n——全区建成户外劳动者驿站四十个"
    item = only(page(stack, "本报讯（通讯员　岳　川）" + BODY))
    assert (item.kicker, item.title, item.subtitle) == (
        "推进户外劳动者服务阵地建设——", "东川区六千名环卫工人通过爱心驿站喝上热水", "——全区建成户外劳动者驿站四十个")
    # 将 before an adverb opens a line only as the future auxiliary, which wants the subject above it
    item = only(page("西岭县八千名环卫工人\n将陆续领到防暑降温用品", "本报讯（记者　柯　蓝）" + BODY))
    assert item.title == "西岭县八千名环卫工人将陆续领到防暑降温用品"
    # guards: a finished line over a phrase of its own stays a title over its subtitle, and a line reporting what a
    # study shows stays the kicker over its title
    kept = only(page("西岭煤矿开展安全生产大检查\n千名矿工查出隐患五百余处", "本报讯（记者　柯　蓝）" + BODY))
    assert (kept.title, kept.subtitle) == ("西岭煤矿开展安全生产大检查", "千名矿工查出隐患五百余处")
    kept = only(page("省总工会调查显示\n八成职工希望延长职工食堂开饭时间", "本报讯（记者　柯　蓝）" + BODY))
    assert (kept.kicker, kept.title) == ("省总工会调查显示", "八成职工希望延长职工食堂开饭时间")
    # …and a verb after a manner or a direction (向纵深推进, 扎实开展) closes its line: no run-on
    kept = only(page("西岭矿区安全生产大检查向纵深推进\n千名矿工查出隐患五百余处", "本报讯（记者　柯　蓝）" + BODY))
    assert "千名矿工" not in (kept.title or "") or "大检查" not in (kept.title or "")


def test_of_two_short_bare_lines_the_shorter_is_the_column() -> None:
    item = only(page("职工风采录\n焊花飞舞筑长桥", "本报讯（记者　柯　蓝）" + BODY))
    assert (item.column, item.title) == ("职工风采录", "焊花飞舞筑长桥")
    # guard: a title over a shorter column's name printed under it keeps that reading
    kept = only(page("焊花飞舞筑长桥\n工运走笔", "本报讯（记者　柯　蓝）" + BODY))
    assert (kept.title, kept.column) == ("焊花飞舞筑长桥", "工运走笔")


# ---- fresh30: ordinary pages by a fresh hand ---------------------------------------------------


def test_a_jumped_tail_is_not_handed_to_a_commentary_under_its_label() -> None:
    # the 短评 beside the front page's lead comments on its news in its words: the lead's last paragraph, closed by
    # its jump marker, stays the lead's (the old owner search took the words shared with the comment for a tail)
    lead = ("　　本报西岭5月9日电　（记者　柯　蓝）西岭省第六届职工职业技能大赛9日闭幕，全省1.2万名职工参加了"
            "焊工、电工、数控车工等22个工种的比赛。")
    tail = ("　　本届大赛的获奖选手中，一线职工占八成以上，农民工选手有46人，比上届增加19人；"
            "来自快递、家政等新兴行业的一线职工首次站上领奖台。（下转第2版）")
    parsed = page("西岭省职工技能大赛闭幕", lead, "　　" + BODY, tail, "短　评", "让一线职工站上领奖台",
                  "　　一线职工站上领奖台，农民工选手越来越多，快递、家政等新兴行业的职工也来了。这说明，技能成才的路越走越宽。",
                  "　　领奖台不是终点。让获奖选手的技能等级与待遇挂钩，让更多一线职工看到奔头，才是大赛的意义所在。")
    story, comment = parsed.items
    assert len(story.paragraphs) == 3 and story.continued_to is not None
    assert comment.column == "短　评" and len(comment.paragraphs) == 2


def test_a_dated_dian_lead_with_an_unbracketed_spaced_credit() -> None:
    # "本报西岭9月19日电　记者　柯　蓝　记者今天…": role and name set off by U+3000, no brackets, as the 讯 form
    item = only(page("西岭今年调整最低工资标准", "本报西岭9月19日电　记者　柯　蓝　记者今天从西岭省人社厅获悉，" + BODY))
    assert item.byline.names() == ("柯　蓝",) and item.paragraphs[0].startswith("记者今天")
    assert item.dateline == Dateline("西岭", 9, 19)
    # the undated 讯 form: its credit is read the same way; since fresh65 its place is its dateline (no month, no day)
    kept = only(page("西岭今年调整最低工资标准", "本报西岭讯　记者　柯　蓝　" + BODY))
    assert kept.byline.names() == ("柯　蓝",) and kept.dateline == Dateline("西岭")


def test_a_gap_above_a_heading_parts_items_on_a_page_whose_paragraphs_have_none() -> None:
    # paragraphs marked by U+3000 indents, blank lines only between items: a heading after a gap with its text tight
    # under it starts the next item (an essay), not a crosshead of the story above
    text = ("西岭职工书画展开幕\n　　本报讯（记者　柯　蓝）" + BODY + "\n　　" + BODY2 + "\n\n"
            "母亲的针线筐\n　　母亲的针线筐是外婆留下的，竹篾编的，边上磨得发亮。\n"
            "　　后来我进了纺织厂，才懂得一针一线里的功夫。\n")
    parsed = parse_page(text, "p.txt")
    assert [i.title for i in parsed.items] == ["西岭职工书画展开幕", "母亲的针线筐"]
    assert [len(i.paragraphs) for i in parsed.items] == [2, 2]
    # guard: a heading tight between paragraphs (no gap above it) is still a crosshead
    tight = parse_page(text.replace("\n\n母亲", "\n母亲"), "p.txt")
    assert len(tight.items) == 1 and [c.text for c in tight.items[0].crossheads] == ["母亲的针线筐"]


def test_a_poem_under_its_poets_marked_line_on_a_page_with_no_blank_lines() -> None:
    # consecutive lines are headline stacks on such a page, but a poem's title over "◎name" over short lines is a poem
    text = ("第8版　副刊\n西岭职工书画展开幕\n　　本报讯（记者　柯　蓝）" + BODY + "\n　　" + BODY2 + "\n"
            "晨光里的工地\n◎岳　川\n塔吊举起第一缕光\n安全帽下的汗珠\n是城市醒得最早的露水\n\n钢筋在手里\n一根一根长成楼\n")
    parsed = parse_page(text, "p.txt")
    poem = parsed.items[-1]
    assert poem.title == "晨光里的工地" and poem.byline.names() == ("岳　川",)
    assert len(poem.paragraphs) == 5


# ---- issue 14, the loader on unseen pages: the misses fresh28, fresh30 and fresh31 left open, and the tagging round's --


def test_a_short_question_over_a_line_stating_news_is_kicker_and_title() -> None:
    # the first line poses the question (…如何破解), the second states the news (a subject, 让, 了): 引题 and 主题
    item = only(page("“一老一小”难题如何破解\n企业托育室让双职工家庭松了口气", "本报讯（记者　柯　蓝）" + BODY))
    assert (item.kicker, item.title, item.subtitle) == ("“一老一小”难题如何破解", "企业托育室让双职工家庭松了口气", None)
    # guard: a question title over its ——subtitle, and over a line answering it (no subject, no news), keep their reading
    dashed = only(page("加班费该怎么算\n——一名货车司机的来信", "本报讯（记者　柯　蓝）" + BODY))
    assert (dashed.kicker, dashed.title, dashed.subtitle) == (None, "加班费该怎么算", "——一名货车司机的来信")
    answered = only(page("工资被拖欠怎么办\n先看清这三种情形", "本报讯（记者　柯　蓝）" + BODY))
    assert (answered.kicker, answered.title, answered.subtitle) == (None, "工资被拖欠怎么办", "先看清这三种情形")


def test_a_question_word_before_the_last_verb_closes_the_line() -> None:
    # "…如何破解": the verb's object is the topic put first, so the line is whole and does not run on into the next
    # (before, 破解 at the end read as a verb wanting its object and the two lines were joined into one title)
    reading = read_stack(["技能人才短缺难题如何破解", "江州职工夜校开到车间里"])
    assert not reading.items[0].title_more
    # guard: a line that does break off on the verb still runs on
    broken = read_stack(["江州市总工会研究解决", "青年职工住房困难问题"])
    assert broken.items[0].title_more == (1,)


def test_a_title_over_two_lines_whose_second_opens_with_a_scope_adverb() -> None:
    # "…推动非公企业" / "普遍建立…": the adverb wants the subject printed above it, so the two lines are one 主题 (before,
    # the upper line was read as the kicker)
    item = only(page("西岭推动非公企业\n普遍建立工资集体协商制度\n——今年将覆盖八成以上规模以上企业",
                     "本报讯（记者　柯　蓝）" + BODY))
    assert (item.kicker, item.title) == (None, "西岭推动非公企业普遍建立工资集体协商制度")
    # guard: a whole line over a line with its own subject stays kicker + title
    kept = only(page("稳就业　惠民生\n西岭非公企业普遍建立工资集体协商制度", "本报讯（记者　柯　蓝）" + BODY))
    assert (kept.kicker, kept.title) == ("稳就业　惠民生", "西岭非公企业普遍建立工资集体协商制度")


def test_a_theme_line_over_a_title_and_its_subtitle_is_their_kicker_not_a_column() -> None:
    # "关注节后用工": a verb and what it turns to says what the news is about, as a statement (…不放松) does
    item = only(page("关注节后用工\n西岭非公企业普遍建立工资协商制度\n——今年将覆盖八成以上规模以上企业",
                     "本报讯（记者　柯　蓝）" + BODY))
    assert (item.column, item.kicker, item.title) == (None, "关注节后用工", "西岭非公企业普遍建立工资协商制度")
    # both rules on one stack: the theme over a 主题 printed over two lines and its ——subtitle (the fresh30 page's shape)
    both = only(page("关注节后用工\n西岭推动非公企业\n普遍建立工资集体协商制度\n——今年将覆盖八成以上规模以上企业",
                     "本报讯（记者　柯　蓝）" + BODY))
    assert (both.column, both.kicker, both.title) == (None, "关注节后用工", "西岭推动非公企业普遍建立工资集体协商制度")
    # guard: a theme-shaped line over a commentary's title alone stays the column it is there
    kept = only(page("聚焦隐形加班\n“已读不回”不该成为职工的烦恼", "韩　庆", "　　" + BODY))
    assert (kept.column, kept.title, kept.kicker) == ("聚焦隐形加班", "“已读不回”不该成为职工的烦恼", None)


_STORY = ("江州启动职工技能提升行动", "　　本报讯　江州市总工会日前启动职工技能提升行动，今年将培训职工5万人次。",
          "　　据介绍，各级工会将推动企业建立技能人才薪酬激励机制，让技能人才有奔头。")
_SCENE = "5月8日，在江州经济技术开发区一家汽车零部件企业，技能大师工作室的师傅正在指导青年职工调试设备。"


def test_a_dated_caption_credited_to_another_photographer_under_a_story_is_a_photo_of_its_own() -> None:
    parsed = page(*_STORY, _SCENE + "\n本报通讯员　万　军　摄")
    story, photo = parsed.items
    assert len(story.paragraphs) == 2 and story.byline.names() == ()
    assert (photo.kind, photo.title, photo.byline.names()) == ("photo", None, ("万　军",))
    # the credit glued to the caption's line: the same
    glued = page(*_STORY, _SCENE + "　本报通讯员　万　军　摄")
    assert [i.kind for i in glued.items] == ["article", "photo"]
    # guard: the story's own reporter took it, or the caption points at the story's picture: the story's photo
    own = only(page(_STORY[0], "本报记者　万　军", *_STORY[1:], _SCENE + "\n本报记者　万　军　摄"))
    assert len(own.paragraphs) == 3
    pointed = only(page(*_STORY, "图为师傅正在指导青年职工调试设备。\n本报通讯员　万　军　摄"))
    assert len(pointed.paragraphs) == 3 and pointed.byline.names() == ("万　军",)


def test_a_credited_caption_after_a_brief_closed_by_its_sign_off_is_a_photo_not_a_stray() -> None:
    parsed = page(_STORY[0], _STORY[1], _STORY[2] + "（张　华）", "职工在车间里学习数控操作。\n本报通讯员　万　军　摄")
    story, photo = parsed.items
    assert story.byline.names() == ("张　华",)
    assert (photo.kind, photo.byline.names()) == ("photo", ("万　军",))


def test_a_qa_headed_by_its_title_alone_opens_with_a_readers_question() -> None:
    # "读者问：…" under a single line after a closed story: the line titles the Q&A, it is no crosshead of the story above
    parsed = page("天水市总工会开通职工信访直通车", "　　本报讯（通讯员　马文斌）" + BODY, "加班费应当怎么算",
                  "　　读者问：公司经常安排周末加班，却只给调休不给加班费，这样做合法吗？",
                  "　　律师答：用人单位安排休息日工作又不能安排补休的，应支付不低于工资200%的工资报酬。")
    assert [i.title for i in parsed.items] == ["天水市总工会开通职工信访直通车", "加班费应当怎么算"]
    assert len(parsed.items[1].paragraphs) == 2
    # guard: inside a story whose text already has turns, a line over the next question is still a crosshead
    kept = only(page("面对面：职工说出心里话", "　　问：今年工资涨了吗？", "　　答：涨了一些。",
                     "关于休假", "　　读者问：年休假能不能分开休？", "　　答：可以分段安排。"))
    assert [c.text for c in kept.crossheads] == ["关于休假"]


def test_an_unsigned_commentary_after_a_short_signed_one_is_a_piece_of_its_own() -> None:
    first = ("近日，不少城市的工会驿站新增了面向外卖骑手的服务功能：可以歇脚、热饭、给手机充电。",
             "入会只是第一步，更要让骑手入会后有实实在在的获得感，工会要多听骑手的意见。")
    second = ("据报道，湖南株洲一家轨道交通企业的焊工李建军，30年来坚守在焊接岗位，练就了绝活。",
              "工匠精神不是一朝一夕练成的，它来自日复一日的坚守和精益求精的追求。")
    parsed = page("让骑手在城市里有“家”可归", "韩　庆", *first, "工匠精神从坚守中来", *second)
    assert [i.title for i in parsed.items] == ["让骑手在城市里有“家”可归", "工匠精神从坚守中来"]
    assert [len(i.paragraphs) for i in parsed.items] == [2, 2] and parsed.items[0].crossheads == ()
    # guard: a feature credited to a reporter (not an author's name alone) keeps its crosshead
    kept = only(page("让骑手在城市里有“家”可归", "本报记者　韩　庆", *first, "工匠精神从坚守中来", *second))
    assert [c.text for c in kept.crossheads] == ["工匠精神从坚守中来"]


def test_a_labelled_crosshead_without_a_stop_is_not_joined_to_the_paragraph_under_it() -> None:
    # "工人：收入涨了，开支更多" between paragraphs (no indents, blank lines between): whose side the section gives and
    # its gist, a crosshead, not the first half of a paragraph broken by a column end
    paragraphs = ("今年以来，江州市职工收入稳步增长，但不少职工反映生活开支也在增加。",
                  "江州市统计局的数据显示，一季度全市职工平均工资同比增长6.2%，高于去年同期。",
                  "在一家机械厂工作的李师傅说，工资每月多了三百元，可房租涨得更快。",
                  "市总工会有关负责人表示，将推动企业建立工资正常增长机制。")
    item = only(page("收入增长了，日子怎么样", "本报记者　柯　蓝", *paragraphs[:2], "工人：收入涨了，开支更多",
                     *paragraphs[2:]))
    assert [c.text for c in item.crossheads] == ["工人：收入涨了，开支更多"] and len(item.paragraphs) == 4
    # guard: a sentence with a colon cut by a column end, longer than a heading, still joins its other half
    joined = only(page("收入增长了，日子怎么样", "本报记者　柯　蓝", *paragraphs[:2], "他告诉记者：工资每月涨了三百元，可是房租和",
                       "孩子的学费也跟着涨了不少。", paragraphs[3]))
    assert joined.crossheads == () and "可是房租和孩子的学费" in joined.paragraphs[2]


# ---- older pages (1950s–1980s) as a digitised archive gives them -------------------------------

def test_a_ban_header_with_the_date_written_out_is_page_furniture() -> None:
    # "工人日报　一九六四年三月五日　星期四　第二版": the date in characters (〇 for zero too) still makes the masthead
    parsed = page("工人日报　一九六〇年三月五日　星期六　第二版", "全国总工会召开座谈会", "本报讯　全国总工会日前召开座谈会。", BODY)
    assert [i.title for i in parsed.items] == ["全国总工会召开座谈会"]
    assert parsed.page == 2 and parsed.date == "1960-03-05"
    # guard: a date written out inside a sentence is no masthead
    kept = page("一九六〇年三月五日，全国总工会召开座谈会", "本报讯　全国总工会日前召开座谈会。", BODY)
    assert kept.items[0].title == "一九六〇年三月五日，全国总工会召开座谈会"


def test_an_older_wire_lead_with_the_day_written_out() -> None:
    # "新华社北京二十日电", "新华社十一日讯": the day in characters, the month left out
    item = only(page("全国职工、干部积极参加技术培训", "新华社北京二十日电　据全国总工会统计，今年已有八百多万名职工参加培训。", BODY))
    assert item.lead == "新华社北京二十日电" and item.dateline == Dateline("北京", None, 20)
    assert item.paragraphs[0].startswith("据全国总工会统计")
    short = only(page("鞍钢提前完成全年计划", "新华社十一日讯　鞍山钢铁公司的职工已经提前完成了今年的国家计划。", BODY))
    assert short.lead == "新华社十一日讯" and short.dateline == Dateline("", None, 11)
    # guard: 新华社 opening a sentence with no dateline is text
    plain = only(page("鞍钢提前完成全年计划", "新华社记者近日走访了鞍山钢铁公司。", BODY))
    assert plain.lead is None


def test_a_units_name_over_what_it_did_is_one_title() -> None:
    # an older headline printed subject over predicate: a unit's name alone (or units joined by 、) is no headline
    parsed = page("鞍钢、本钢、抚顺矿务局\n提前完成今年国家计划", "本报讯　三个企业的职工经过九个多月的努力，完成了计划。", BODY)
    assert [(i.title, i.subtitle) for i in parsed.items] == [("鞍钢、本钢、抚顺矿务局提前完成今年国家计划", None)]
    # guard: a title with a subtitle that does not open on a deed keeps both parts
    kept = page("天津棉纺三厂细纱车间\n——先进生产者的摇篮", "本报讯　细纱车间开展先进生产者运动以来，断头率降低了。", BODY)
    assert [(i.title, i.subtitle) for i in kept.items] == [("天津棉纺三厂细纱车间", "——先进生产者的摇篮")]


def test_a_quotation_box_under_its_label_is_page_furniture() -> None:
    # "最　高　指　示" (or "毛主席语录") over the quotation it boxes, as 1960s–70s pages print one at their top: no story
    # and part of none, as a 公益广告 block is
    parsed = page("最　高　指　示", "抓革命，促生产，促工作，促战备。", "西岭机械厂超额完成生产计划",
                  "本报讯　西岭机械厂职工大搞技术革新，提前二十天完成了上半年的生产计划。", BODY)
    assert [i.title for i in parsed.items] == ["西岭机械厂超额完成生产计划"]
    assert [(f.text, f.kind) for f in parsed.furniture] == [("最　高　指　示", "quote"),
                                                           ("抓革命，促生产，促工作，促战备。", "quote")]
    # guard: the label over a headline (no sentence closed under it) boxes nothing
    kept = page("毛主席语录", "学习毛主席著作的体会", "本报讯　" + BODY)
    assert kept.furniture == () and kept.items[0].title == "学习毛主席著作的体会"


def test_a_bare_run_of_briefs_holds_a_brief_of_one_short_sentence() -> None:
    # "简　讯" over two run-in briefs, the first as short as one sentence with no comma: the run (whose other brief is
    # surely brief text) vouches for it, and the label is the briefs' column, not their title
    briefs = ("西岭县职工夜校开学\u3000西岭县第一所职工夜校日前开学。",
              "东川区表彰安全生产标兵\u3000东川区总工会日前表彰安全生产标兵四十名，每人发给奖金三百元。")
    parsed = page("简　讯", "\n".join(briefs))
    assert [(i.title, i.column) for i in parsed.items] == [("西岭县职工夜校开学", "简　讯"), ("东川区表彰安全生产标兵", None)]
    # guard: a run of such short sentences alone (no brief with running text) vouches for none of them
    short = ("西岭县职工夜校开学\u3000西岭县第一所职工夜校日前开学。", "东川区召开安全工作会议\u3000东川区总工会日前召开安全生产工作会议。")
    kept = page("简　讯", "\n".join(short))
    assert "西岭县职工夜校开学" not in [i.title for i in kept.items]


def test_a_headline_quoting_a_verdict_with_a_full_stop_over_a_lead() -> None:
    # "工人们说：这样的厂长我们信得过。": a speaker, a colon and one clause closed by a stop, right over a run-in lead, is
    # that story's headline (older pages print the stop), not the last paragraph of the story above
    parsed = page("西岭机械厂扩建装配车间", "本报讯　" + BODY, "职工们说：这样的工会主席我们拥护。", "本报讯　" + BODY2)
    assert [i.title for i in parsed.items] == ["西岭机械厂扩建装配车间", "职工们说：这样的工会主席我们拥护。"]
    # guard: such a line over plain text stays the story's paragraph
    kept = only(page("西岭机械厂扩建装配车间", "本报讯　" + BODY, "他说：会议为期两天半。", BODY2))
    assert kept.paragraphs[-2] == "他说：会议为期两天半。"


def test_a_reporter_after_a_dash_and_an_agency_in_brackets_credit_the_story() -> None:
    # older pages sign a story at its end: "——本报记者　name" glued to the last sentence or on a line of its own, or
    # "（新华社）" glued to a brief: credits (the reporter with the role printed), not body text
    glued = only(page("西岭机械厂扩建装配车间", "本报讯　" + BODY, "这个厂的职工说，扩建以后产量可以翻一番。——本报记者　柯　蓝"))
    assert glued.paragraphs[-1] == "这个厂的职工说，扩建以后产量可以翻一番。"
    assert [(r.name, r.role) for r in glued.byline_roles] == [("柯　蓝", "本报记者")] and glued.kind == "article"
    alone = only(page("西岭机械厂扩建装配车间", "本报讯　" + BODY, BODY2, "——本报通讯员　岳　川"))
    assert [(r.name, r.role) for r in alone.byline_roles] == [("岳　川", "本报通讯员")]
    assert alone.byline.correspondents == ("岳　川",) and alone.kind == "article"
    agency = only(page("西岭县职工疗养院接待疗养员三千人次", "西岭县职工疗养院今年共接待职工疗养员三千二百多人次。（新华社）"))
    assert agency.paragraphs == ("西岭县职工疗养院今年共接待职工疗养员三千二百多人次。",)
    assert agency.byline.names() == () and agency.byline_raw == "（新华社）"
    # guard: a quotation's author after a dash (no role) stays the text's
    kept = only(page("西岭机械厂扩建装配车间", "本报讯　" + BODY, "这个厂的老工人常说的一句话是：“多干一点。”——鲁迅"))
    assert kept.paragraphs[-1].endswith("——鲁迅")


def test_who_issued_what_over_a_title_is_its_kicker() -> None:
    # "全总发出通知" over the title giving what the notice says: the 引题, not a column's name
    item = only(page("省总工会发出通知\n要求各级工会做好夏季防暑降温工作", "本报讯　" + BODY))
    assert (item.kicker, item.title, item.column) == ("省总工会发出通知", "要求各级工会做好夏季防暑降温工作", None)
    # …also over a title opening on a manner adverb that wants a subject ("切实…"): the kicker is whole, not the title's
    # first half
    asks = only(page("市劳动局发出紧急通知\n切实做好高温季节防暑降温工作", "本报讯　" + BODY))
    assert (asks.kicker, asks.title) == ("市劳动局发出紧急通知", "切实做好高温季节防暑降温工作")
    # guard: a column's name over a title stays the column
    kept = only(page("工运走笔\n要求各级工会做好夏季防暑降温工作", "本报讯　" + BODY))
    assert (kept.kicker, kept.column) == (None, "工运走笔")


def test_a_work_units_name_ending_in_qu_dui_or_suo_over_what_it_did_is_one_title() -> None:
    # a unit's name alone (装卸区, 采煤队, 研究所, 机务段…) over a line opening on a deed is one title over two lines
    for unit in ("西岭港第三装卸区", "西岭煤矿采煤一队", "西岭机械研究所", "西岭铁路机务段"):
        item = only(page(f"{unit}\n开展技术革新运动", "本报讯　" + BODY))
        assert (item.title, item.subtitle, item.column) == (f"{unit}开展技术革新运动", None, None)
    # guard: a place ending in 区 (a district, a new area) is no unit: the title is not joined to it
    kept = only(page("西岭市浦东新区\n开展技术革新运动", "本报讯　" + BODY))
    assert kept.title == "开展技术革新运动"


def test_the_commentator_label_over_a_title_is_its_column_not_a_byline() -> None:
    # "评论员文章" labels the paper's commentary: 文章 is no name under the role 评论员
    item = only(page("评论员文章", "把企业管理搞上去", BODY, BODY2))
    assert (item.column, item.title, item.byline.names()) == ("评论员文章", "把企业管理搞上去", ())


# ---- fresh34 (the thirty-fifth batch): ordinary pages of 2017–2025 by a new hand ----------------------------------------


def test_a_daoyu_box_under_the_headline_is_a_reading_tip() -> None:
    # "导语" labels a 深读 piece's summary box as 阅读提示 does: the box is the tip, neither a column nor a paragraph
    tip = "老师傅陆续退休，年轻人留不住，新设备没人会开，记者近日走进车间，记录下这家老厂的探索。"
    item = only(page("一座老厂的“技能突围”", "导语\n" + tip, "本报记者　宋广川", BODY, BODY2))
    assert (item.title, item.column, item.reading_tip) == ("一座老厂的“技能突围”", None, tip)
    assert item.paragraphs == (BODY, BODY2)
    # with its colon ("导语："), as the loader reads 阅读提示：; the strict check knows the label too (page() checks it)
    colon = only(page("一座老厂的“技能突围”", "导语：\n" + tip, "本报记者　宋广川", BODY, BODY2))
    assert (colon.column, colon.reading_tip, colon.paragraphs) == (None, tip, (BODY, BODY2))


def test_a_writers_slash_credit_glued_to_a_role_is_a_byline_line() -> None:
    # "文/本报记者　name" under a title and subtitle is the writer's byline line, not a column; "图/文　role name" (the
    # words of 文/图 the other way round) credits a photo as 文/图 does
    item = only(page("“夜校”开到了工地上", "——福州地铁项目部工会办起农民工学校见闻", "文/本报记者　游丽娟", BODY, BODY2))
    assert (item.title, item.column) == ("“夜校”开到了工地上", None)
    assert [(r.name, r.role) for r in item.byline_roles] == [("游丽娟", "本报记者")]
    photo = only(page("港口夜色", "图/文　本报记者　邢　岚",
                      "10月5日夜，青岛港自动化码头灯火通明，桥吊有序作业。假期期间，码头吞吐量保持高位。"))
    assert (photo.title, photo.column) == ("港口夜色", None)
    assert [(r.name, r.role) for r in photo.byline_roles] == [("邢　岚", "本报记者")]
    # guard: "图/role name" credits a picture, not a writer's byline line
    kept = only(page("港口夜色", "10月5日夜，青岛港自动化码头灯火通明，桥吊有序作业。", "图／本报通讯员　聂小雨"))
    assert kept.byline.photographers == ("聂小雨",)


def test_a_chart_credit_zhitu_closes_its_caption() -> None:
    # "制图：name" after a chart's caption credits the chart as "摄" credits a photo: not caption text
    item = only(page("受访配送员每天在线多久", "图表：10小时以上的占43.7%，8至10小时的占34.7%，8小时以下的占21.6%。　制图：闻　涛"))
    assert item.paragraphs == ("图表：10小时以上的占43.7%，8至10小时的占34.7%，8小时以下的占21.6%。",)
    assert item.byline.names() == ("闻　涛",)


def test_a_share_of_people_over_what_they_want_is_one_title() -> None:
    # "近七成受访网约配送员" names who (a share of people), not what: the line under it completes one title over two lines
    item = only(page("派单怎么派　运费怎么算\n近七成受访网约配送员\n希望平台公开派单和计价规则", "本报记者　祁雪松", BODY, BODY2))
    assert (item.kicker, item.title, item.column) == ("派单怎么派　运费怎么算", "近七成受访网约配送员希望平台公开派单和计价规则", None)
    # guard: a share that states its news whole ("…超过六成") stays a line of its own
    kept = only(page("职工书屋覆盖率超过六成\n西岭市推进职工书屋建设", "本报讯　" + BODY))
    assert kept.title != "职工书屋覆盖率超过六成西岭市推进职工书屋建设"


def test_a_padded_two_character_sign_off_is_a_name_whatever_its_surname() -> None:
    text = "本报讯　记者从市总工会了解到，今年以来新建职工书屋56家，覆盖所有规模以上企业。"
    item = only(page("某市职工书屋年内将达300家", text + "（海　燕）"))
    assert item.byline_raw.endswith("（海　燕）") and item.paragraphs[-1].endswith("企业。")
    # guard: a bracketed place or note printed solid after the stop stays in the text
    for note in ("（北京）", "（完）"):
        assert only(page("某市职工书屋年内将达300家", text + note)).paragraphs[-1].endswith(note)


def test_a_noun_phrase_over_a_line_stating_a_deed_is_its_kicker() -> None:
    lead = "本报讯（记者王　明）" + BODY
    item = only(page("工地上的“夜校”", "某市建筑工会开设农民工学堂", lead, BODY2))
    assert item.kicker == "工地上的“夜校”" and item.title == "某市建筑工会开设农民工学堂" and item.subtitle is None
    # guard: a noun-phrase title over a ——subtitle keeps its reading
    item = only(page("工地上的“夜校”", "——记某建筑工地的农民工学堂", "本报记者　王　明", BODY, BODY2))
    assert item.title == "工地上的“夜校”" and item.subtitle == "——记某建筑工地的农民工学堂"


def test_label_value_rows_giving_numbers_are_a_service_box_under_its_heading() -> None:
    rows = ("市总工会职工服务热线：12351", "法律援助咨询：拨打12348转接", "服务时间：工作日9:00—17:00")
    for sep in ("\n\n", "\n"):  # with blank lines and with none
        text = sep.join(("某市工会开展送法活动", "本报讯（通讯员王　明）" + BODY, BODY2, "职工法律服务热线", *rows)) + "\n"
        parsed = parse_page(text, "p.txt")
        assert conservation(text, parsed) == []
        assert [i.title for i in parsed.items] == ["某市工会开展送法活动", "职工法律服务热线"]
        assert parsed.items[1].paragraphs == rows and parsed.items[1].subtitle is None
    # guard: two colon lines with figures over a lead stay the story's headline, not paragraphs
    item = only(page("全市职工书屋：年内将达300家", "市总工会：今年再建书屋56家", "本报讯（通讯员王　明）" + BODY, BODY2))
    assert item.title == "全市职工书屋：年内将达300家" and item.paragraphs == (BODY, BODY2)


def test_a_heading_over_text_signed_by_another_writer_titles_a_piece_of_its_own() -> None:
    def profile(signer: str) -> Page:
        return page("一根焊条的坚守", "——记某厂焊接技师李　强", "本报记者　王　明", BODY, BODY2, "师徒同台", BODY,
                    "车间里的“小本子”", BODY2, BODY + signer)
    parsed = profile("（本报通讯员　赵　亮）")
    assert [i.title for i in parsed.items] == ["一根焊条的坚守", "车间里的“小本子”"]
    assert [c.text for c in parsed.items[0].crossheads] == ["师徒同台"]
    assert parsed.items[1].byline.correspondents == ("赵　亮",) and len(parsed.items[1].paragraphs) == 2
    # guard: a section closed by the profile's own writer's sign-off stays a section of the profile
    item = only(profile("（本报记者　王　明）"))
    assert [c.text for c in item.crossheads] == ["师徒同台", "车间里的“小本子”"]


# ---- fresh35 (the thirty-sixth batch): ordinary pages of 2012–2022 by a new hand ----------------------------------------


def test_an_open_verb_over_a_closed_clause_is_the_kicker_not_half_a_title() -> None:
    # "…部署推进" ends on a verb wanting its object, but the line under it closes on its own predicate ("…全面启动"): a
    # whole clause 推进 cannot govern, so the upper line is the 引题 over the title, not the first half of one title
    item = only(page("市总工会部署推进", "职工技能提升行动全面启动", "——今年将培训一线职工五万人次", "本报讯　" + BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("市总工会部署推进", "职工技能提升行动全面启动", "——今年将培训一线职工五万人次")
    # guard: a verb that takes a person and what they do next ("帮助…顺利返岗") still runs on into the line under it
    kept = only(page("多措并举帮助", "外地农民工节后顺利返岗", "本报讯　" + BODY, BODY2))
    assert kept.title == "多措并举帮助外地农民工节后顺利返岗"


# ---- fresh36 (the thirty-seventh batch): ordinary pages of 2006–2023 by a new hand ----------------------------------------


def test_a_title_with_a_comma_over_a_dash_subtitle_that_opens_a_story_is_no_cut_sentence() -> None:
    # "…，职工可以“点菜”了" is long, holds a comma and stops on 了, as a sentence cut at a column end may; but it stands
    # over a ——subtitle that stands over a byline line (or a run-in lead): a cut sentence goes on with text
    title, sub = "食堂饭菜不合口味，职工可以“点菜”了", "——某市部分企业工会推行“伙委会”见闻"
    for sep in ("\n\n", "\n"):  # with blank lines, and with none (indents mark the paragraphs)
        text = sep.join((title, sub, "本报记者　王　明", "　　" + BODY, "　　" + BODY2)) + "\n"
        parsed = parse_page(text, "p.txt")
        assert conservation(text, parsed) == []
        item = only(parsed)
        assert (item.title, item.subtitle, item.paragraphs) == (title, sub, (BODY, BODY2))
    lead = only(page(title, sub, "本报讯（记者　王　明）" + BODY, BODY2))
    assert (lead.title, lead.subtitle) == (title, sub)
    # guard: the same long line over a —— line that signs (——place　job　name), not a subtitle, stays the story's text
    signed = page("某厂工会帮职工讨回欠薪", BODY, "我们向工会的同志道一声感谢，这份情谊大家都记在心里了",
                  "——江州市农民工　向德民", "本报记者　王　明")
    assert signed.items[0].title == "某厂工会帮职工讨回欠薪"
    assert not any(i.title == "我们向工会的同志道一声感谢，这份情谊大家都记在心里了" for i in signed.items)


def test_a_lone_telephone_row_in_running_text_is_a_paragraph() -> None:
    # "咨询电话：010－65112233" between a notice's text and 特此公告。: no headline ends on a number to dial
    text_line = "为做好明年的职工住院互助保障工作，经研究，参保工作自10月15日起开始，至12月31日截止。"
    for sep in ("\n", "\n\n"):
        text = sep.join(("公　　告", "　　" + text_line, "　　咨询电话：010－65112233", "　　特此公告。",
                         "某市职工互助保障委员会", "2013年10月15日")) + "\n"
        parsed = parse_page(text, "p.txt")
        assert conservation(text, parsed) == []
        item = only(parsed)
        assert item.title == "公　　告"
        assert item.paragraphs == (text_line, "咨询电话：010－65112233", "特此公告。")
    # guard: a colon line giving a number right over a run-in lead is still the next story's title
    parsed = page("某厂工会办实事", "本报讯　" + BODY, "职工服务热线：12351", "本报讯（记者　王　明）" + BODY2)
    assert [i.title for i in parsed.items] == ["某厂工会办实事", "职工服务热线：12351"]


def test_a_spread_out_brief_label_is_no_name() -> None:
    # "简　讯" (简 is a surname) spread out over the briefs labels them; it does not sign the story above as a bare name
    briefs = ("全国职工职业道德建设论坛举行\n5月6日，全国职工职业道德建设论坛在苏州举行，100余名代表交流了经验。（吴　宁）\n"
              "湖北为一线职工免费体检\n湖北省总工会近日启动“职工健康行动”，今年将为10万名职工免费体检。（鲁　江）")
    for label in ("简　讯", "简  讯"):
        parsed = page("首都劳动者文化节开幕", "本报北京5月9日电（记者　王　蕾）" + BODY, label, briefs)
        assert [i.title for i in parsed.items] == ["首都劳动者文化节开幕", "全国职工职业道德建设论坛举行", "湖北为一线职工免费体检"]
        assert parsed.items[0].byline.names() == ("王　蕾",) and parsed.items[1].column == label
    # guard: a padded name alone under a commentary's title still signs it
    item = only(page("让劳动者的荣光更加闪亮", "简　明", BODY, BODY2))
    assert item.byline.names() == ("简　明",) and item.column is None


def test_a_modal_question_line_completes_the_line_above_into_one_title() -> None:
    # "能不能要经济补偿" asks about the case the line above states ("试用期里被辞退"): one question over two lines, not a
    # second banner over a title (nor a title over a subtitle)
    item = only(page("以案说法", "试用期里被辞退\n能不能要经济补偿", "本报见习记者　孙　静", BODY, BODY2))
    assert (item.column, item.title, item.kicker, item.subtitle) == ("以案说法", "试用期里被辞退能不能要经济补偿", None, None)
    # guard: a question line with its own subject ("调休…能否…") keeps its own reading under a kicker
    kept = only(page("节假日加班", "调休能否代替加班费", "本报记者　王　明", BODY, BODY2))
    assert kept.title == "调休能否代替加班费"


def test_a_short_half_of_a_two_line_title_is_no_banner_beside_it() -> None:
    # "能否拒绝执行" is short enough for a banner's shape, but it opens on what wants the line above as its subject: the
    # two lines are one title, not a title with a banner printed under it (nor a banner over a title, the other way)
    item = only(page("维权信箱", "公司单方面调岗降薪\n能否拒绝执行", "本报记者　王　明", BODY, BODY2))
    assert (item.column, item.title) == ("维权信箱", "公司单方面调岗降薪能否拒绝执行")
    # guard: a column's name printed under a whole title stays its banner
    kept = only(page("工间操不该“一阵风”", "职工说事", "本报记者　王　明", BODY, BODY2))
    assert (kept.title, kept.column) == ("工间操不该“一阵风”", "职工说事")
# ---- fresh37 (the thirty-eighth batch): text forms of conversion tools and copy-paste -----------------------------------


def test_a_masthead_dated_in_full_width_digits_is_page_furniture() -> None:
    # an OCR program's TXT (or an input method in full-width mode) prints the masthead's date in full-width digits: the
    # line is still the masthead, not a kicker over the first headline
    for date in ("２０２５年１１月３日", "２０２５－１１－０３"):
        text = f"滨海职工报　{date}　星期一\n第０５版：地方\n\n篮球联赛鸣哨\n\n本报讯（记者　莫　林）" + BODY + "\n"
        parsed = parse_page(text, "scan.txt")
        assert conservation(text, parsed) == []
        assert [f.line for f in parsed.furniture] == [1, 2] and parsed.date == "2025-11-03" and not parsed.date_inferred
        assert [(i.kicker, i.title) for i in parsed.items] == [(None, "篮球联赛鸣哨")]
    # guard: a full-width year with no month and day over a headline is no date, and the line stays text
    text = "２０２５　星期一\n\n篮球联赛鸣哨\n\n本报讯（记者　莫　林）" + BODY + "\n"
    assert all(f.line != 1 for f in parse_page(text, "scan.txt").furniture)


def test_a_sign_off_set_apart_from_the_last_sentence_by_a_gap_is_a_credit() -> None:
    # a word processor's copy parts the brief's bracketed writer from its last sentence with a tab (or a U+3000, spaces)
    for gap in ("\t", "\u3000", "  "):
        item = only(page("某市职工书屋年内将达300家", "本报讯　" + BODY + gap + "（黄　蕾）"))
        assert item.byline_raw.endswith("（黄　蕾）") and item.byline.names() == ("黄　蕾",)
        assert item.paragraphs[-1] == BODY
    # guard: a bracketed note or place after the gap is no writer, and a bracket after an unfinished phrase is text
    for tail in ("\t（北京）", "\t（完）"):
        assert only(page("某市职工书屋年内将达300家", "本报讯　" + BODY + tail)).paragraphs[-1].endswith(tail[1:])
    kept = only(page("某市职工书屋年内将达300家", "本报讯　" + BODY + "据市总工会\t（黄　蕾）"))
    assert kept.paragraphs[-1].endswith("（黄　蕾）") and kept.byline.names() == ()


def test_an_indented_salutation_over_an_indented_paragraph_is_a_paragraph_of_its_own() -> None:
    # a letter on a page that opens every paragraph with an indent (two ASCII spaces, U+3000, a tab) and prints no blank
    # line: the salutation's line ends in a colon, but the indent under it starts the letter's first paragraph
    for indent in ("  ", "\u3000\u3000", "\t"):
        text = "\n".join(("读者来信", "夜班公交能否再延长一小时", indent + "编辑同志：", indent + BODY, indent + BODY2,
                          indent + "辽宁大连　读者　丁海波")) + "\n"
        parsed = parse_page(text, "p.txt")
        assert conservation(text, parsed) == []
        assert only(parsed).paragraphs == ("编辑同志：", BODY, BODY2)
    # guard: the salutation's line over an unindented line (a column break cut the letter there) runs on into it
    text = "\n".join(("读者来信", "夜班公交能否再延长一小时", "\u3000\u3000编辑同志：", BODY, "\u3000\u3000" + BODY2)) + "\n"
    assert only(parse_page(text, "p.txt")).paragraphs == ("编辑同志：" + BODY, BODY2)


def test_a_short_call_over_a_longer_line_with_no_dash_is_its_kicker() -> None:
    # "让一线职工当“评委”" says what ought to be and names no news: over a line twice its length (who did what) it is the 引题,
    # not a title over a 副题 printed with no ——
    news = "西岭市一家铁路机务段职工食堂每月搞“民主测评”"
    for under in ("本报记者　王　明", "本报讯（记者王　明）" + BODY):
        item = only(page("让一线职工当“评委”", news, under, BODY2))
        assert (item.kicker, item.title, item.subtitle) == ("让一线职工当“评委”", news, None)
    # guards: a call over a ——subtitle, or over a profile's 记… line, keeps its reading as the title
    item = only(page("让一线职工当“评委”", "——" + news, "本报讯（记者王　明）" + BODY, BODY2))
    assert (item.kicker, item.title) == (None, "让一线职工当“评委”")
    item = only(page("让技能人才更“吃香”", "记西岭市一家铁路机务段的高级技师王　强和他的徒弟们", "本报记者　王　明", BODY, BODY2))
    assert (item.title, item.subtitle) == ("让技能人才更“吃香”", "记西岭市一家铁路机务段的高级技师王　强和他的徒弟们")


def test_a_form_feed_between_scanned_images_hides_no_indent_and_moves_no_line() -> None:
    # an OCR program's TXT of a page scanned as two images: the second image's text opens with a form feed glued before
    # the indent of its first paragraph (and one ends the file); the paragraph is still one of its own
    last = "市总工会表示，将继续加大投入，推动职工书屋向中小企业和新就业形态劳动者集中的地方延伸。"
    text = ("第05版：地方\n某市职工书屋年内将达300家\n　　本报讯　" + BODY + "\n\f　　" + BODY2 + "\n　　" + last
            + "\n\f各区工会开展读书月活动\n　　本报讯　" + BODY2 + "\n\f")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    first, second = parsed.items
    assert first.paragraphs == (BODY, BODY2, last) and first.source_lines == (2, 3, 4, 5)
    # guard: a headline the form feed is glued to stays a headline at the margin, on its own line number
    assert second.title == "各区工会开展读书月活动" and second.source_lines == (6, 7) and parsed.line_count == 8


# ---- fresh38 (the thirty-ninth batch): ordinary pages rich in headline stacks ------------------------------------------


def test_a_date_alone_between_the_papers_name_and_the_ban_line_is_the_masthead() -> None:
    # a plain copy prints the paper's name, the date with no weekday and the 版 line each on a line of its own: the date
    # opens the page with the masthead, and neither it nor the name is a column over the first headline
    for head in ("工人日报\n2011年12月06日\n第05版：劳动关系", "工人日报\n第05版：劳动关系\n2011年12月06日"):
        text = head + "\n\n一家纺织厂三年涨了三次工资——\n车间里坐上了谈判桌\n\n本报讯（记者　叶　青）" + BODY + "\n"
        parsed = parse_page(text, "page.txt")
        assert conservation(text, parsed) == []
        assert [f.line for f in parsed.furniture] == [1, 2, 3] and parsed.date == "2011-12-06"
        assert [(i.column, i.kicker, i.title) for i in parsed.items] == [
            (None, "一家纺织厂三年涨了三次工资——", "车间里坐上了谈判桌")]
    # guard: a date alone under a notice's text (it signs the notice), and one opening a page with no masthead or 版 line
    # near it, are no furniture
    text = "第05版：劳动关系\n\n更　正\n\n本报12月5日第5版一文中的数字有误，特此更正。\n\n本报编辑部\n2011年12月06日\n"
    assert [f.line for f in parse_page(text, "page.txt").furniture] == [1]
    text = "2011年12月06日\n\n车间里坐上了谈判桌\n\n本报讯（记者　叶　青）" + BODY + "\n"
    assert parse_page(text, "page.txt").furniture == ()


def test_a_span_from_one_line_to_the_next_is_one_title() -> None:
    # "从“老板一句话”" opens a span that "到“大家坐下谈”" closes: a line holding 从… alone has not finished its phrase, and
    # the line under it opening with 到 completes it (a 主题 printed over two parallel lines)
    item = only(page("一家纺织厂三年涨了三次工资——", "从“老板一句话”", "到“大家坐下谈”", "本报记者　叶　青", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("一家纺织厂三年涨了三次工资——", "从“老板一句话”到“大家坐下谈”", None)
    # guards: a line holding both ends (从车间到讲台) is whole, and so is one whose 从 opens no span (从严从实…)
    item = only(page("从车间到讲台", "一名老焊工的三十年", "本报记者　叶　青", BODY, BODY2))
    assert item.title == "一名老焊工的三十年"
    item = only(page("从严从实抓安全", "江州重工开展隐患排查", "本报讯（记者　叶　青）" + BODY, BODY2))
    assert item.title == "江州重工开展隐患排查"


def test_a_benefactive_coverb_and_whom_it_serves_ending_a_line_runs_on_into_its_verb() -> None:
    # "市总工会为三千名环卫工人" has not reached its predicate: the coverb's verb is on the line under it ("送上…")
    item = only(page("市总工会为三千名环卫工人", "送上免费体检卡和节日慰问品", "本报讯（记者　宋　宇）" + BODY, BODY2))
    assert (item.title, item.subtitle) == ("市总工会为三千名环卫工人送上免费体检卡和节日慰问品", None)
    # guards: 为 inside a verb (被评为…) and 给 as the complement of a verb of giving (送给…) end a clause
    item = only(page("三名一线焊工被评为优秀农民工", "江州重工今年已有九人获此殊荣", "本报讯（记者　宋　宇）" + BODY, BODY2))
    assert (item.title, item.subtitle) == ("三名一线焊工被评为优秀农民工", "江州重工今年已有九人获此殊荣")
    item = only(page("把节日的温暖送给一线职工", "江州市总工会走访慰问困难职工", "本报讯（记者　宋　宇）" + BODY, BODY2))
    assert (item.kicker, item.title) == ("把节日的温暖送给一线职工", "江州市总工会走访慰问困难职工")


def test_a_causative_clause_under_a_line_ending_on_a_verb_is_no_object_of_that_verb() -> None:
    # "让一线职工干得安心" is a clause with its own predicate: the line above ending on 保障 (there closing a noun phrase)
    # does not take it as its object, so the two are not one title
    item = only(page("全市推进职工权益保障", "让一线职工干得安心", "本报讯（记者　宋　宇）" + BODY, BODY2))
    assert item.title != "全市推进职工权益保障让一线职工干得安心"
    assert {item.kicker, item.title, item.subtitle} >= {"全市推进职工权益保障", "让一线职工干得安心"}
    # guard: a verb that takes a person and what they do next still runs on into the line under it
    assert only(page("多措并举帮助", "外地农民工节后顺利返岗", "本报讯　" + BODY, BODY2)).title == "多措并举帮助外地农民工节后顺利返岗"


def test_who_talks_about_what_over_a_title_is_its_kicker() -> None:
    # "代表委员热议…", "专家解读…": the occasion over the title that gives what was said, as "…提出" is
    item = only(page("代表委员热议新就业形态劳动者权益保障", "让“奔跑者”跑得安心更舒心", "本报记者　卢　越", BODY, BODY2))
    assert (item.kicker, item.title) == ("代表委员热议新就业形态劳动者权益保障", "让“奔跑者”跑得安心更舒心")
    item = only(page("专家解读新修订的安全生产法", "这些变化与职工切身相关", "本报记者　卢　越", BODY, BODY2))
    assert (item.kicker, item.title) == ("专家解读新修订的安全生产法", "这些变化与职工切身相关")
    # guard: after a causative the talking is a statement of its own (厂务公开让职工说话…): it keeps its reading as the title
    item = only(page("厂务公开让职工说话有了分量", "江州机械厂推行民主管理十年", "本报讯（记者　宋　宇）" + BODY, BODY2))
    assert (item.kicker, item.title) == (None, "厂务公开让职工说话有了分量")


def test_a_line_that_only_says_when_is_a_kicker_not_a_column() -> None:
    # "劳动节前夕", "春节来临之际" set the news in time; a column's name is no time
    for when in ("劳动节前夕", "春节来临之际"):
        item = only(page(when, "江州市总工会慰问三千名环卫工人", "本报讯（记者　宋　宇）" + BODY, BODY2))
        assert (item.column, item.kicker, item.title) == (None, when, "江州市总工会慰问三千名环卫工人")
    # guard: a column's name over a title stays the column
    item = only(page("工匠绝活", "她给精密零件“绣花”", BODY, BODY2))
    assert (item.column, item.kicker) == ("工匠绝活", None)


def test_a_short_line_ending_on_a_verb_and_its_object_is_a_kicker_not_a_column() -> None:
    # "岁末年初清欠薪", "迎峰度夏保供电": a campaign line cut as time + verb + object says what is being done
    item = only(page("岁末年初清欠薪", "五部门部署开展农民工工资支付情况专项检查", "本报讯（记者　钱　岳）" + BODY, BODY2))
    assert (item.column, item.kicker, item.title) == (None, "岁末年初清欠薪", "五部门部署开展农民工工资支付情况专项检查")
    item = only(page("迎峰度夏保供电", "40米高空上的“巡线人”", "7月11日，供电公司职工在铁塔上检查线路。　本报通讯员　丁　磊　摄"))
    assert (item.column, item.kicker, item.title) == (None, "迎峰度夏保供电", "40米高空上的“巡线人”")
    # guard: a commentary's column name over its title stays the column
    item = only(page("劳动时评", "工资协商不能“走过场”", BODY, BODY2 + "（肖　岚）"))
    assert (item.column, item.kicker) == ("劳动时评", None)


def test_a_day_and_place_set_apart_by_a_gap_over_any_title_is_its_kicker() -> None:
    # a reporter's dateline printed as the 引题, with a middle dot or a gap, over a title however short
    item = only(page("4月26日·山东青岛", "码头上的“夜班人”", "4月26日夜，青岛港码头桥吊司机正在作业。　本报通讯员　韩　冰　摄"))
    assert (item.kicker, item.title, item.subtitle) == ("4月26日·山东青岛", "码头上的“夜班人”", None)
    item = only(page("7月12日　江西九江", "大堤上的“职工突击队”", "本报记者　蔡　芸", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("7月12日　江西九江", "大堤上的“职工突击队”", None)
    # guard: over a ——subtitle the line keeps its reading as the title (a dated report's headline and its 副题)
    item = only(page("4月26日·山东青岛", "——记青岛港前湾码头的桥吊司机们", "本报记者　蔡　芸", BODY, BODY2))
    assert (item.kicker, item.title) == (None, "4月26日·山东青岛")


def test_a_spaced_label_over_a_brief_is_no_name_signing_the_story_before() -> None:
    # "简　讯" looks like a padded name (简 is a surname): over a titled brief it labels the briefs, and a comment already
    # signed （name） at its end is not signed by it too
    parsed = page("工资协商不能“走过场”", BODY, BODY2 + "（肖　岚）", "简　讯", "天津建立劳动争议“一站式”调处中心",
                  "本报讯　" + BODY + "（刘　平）")
    comment, brief = parsed.items
    assert comment.byline.names() == ("肖　岚",) and "简" not in (comment.byline_raw or "")
    assert (brief.column, brief.title) == ("简　讯", "天津建立劳动争议“一站式”调处中心")
    # guard: a padded name with the same surname under a title is its writer
    assert only(page("工资协商不能“走过场”", "简　宁", BODY, BODY2)).byline.names() == ("简　宁",)


def test_a_kicker_leads_into_the_title_under_it_not_into_half_a_sentence() -> None:
    # on a page with indents and no blank lines, a title under a kicker (a line ending ——, or phrases set apart by a gap)
    # over an unindented line is the title, not the first half of a sentence split after a crosshead
    def units_of(heading: str) -> list[list[int]]:
        text = "\n".join(["江州职工书屋年内将达300家", "\u3000\u3000本报讯　" + BODY, heading,
                          "今年将组织农民工等重点群体开展技能培训行动", "通过开发公益性岗位等方式，帮助10万名群众尽快就业。",
                          "\u3000\u3000本报成都5月19日电　（记者　康　宁）" + BODY]) + "\n"
        return [u.lines for u in join_splits(classify(split_blocks(text)))]

    for kicker in ("稳就业 促增收——", "灾后重建　就业先行"):
        assert units_of(kicker) == [[1], [2], [3], [4], [5], [6]]
    # guard: under a heading that leads into nothing, the line still runs on into the sentence it starts
    assert units_of("工会干部走进车间")[3] == [4, 5]


def test_a_sentence_tight_under_a_headline_and_over_a_lead_is_the_subtitle() -> None:
    # a 副题 printed as a sentence with its stop, with no ——, at the margin right under the title and right over the lead
    # that opens the story's text (on a page with indents and no blank lines): a headline part, not a story of one line
    sub = "通过开发公益性岗位、组织劳务输出等方式，帮助10万名受灾群众尽快就业。"
    for stack in (["四川启动受灾群众就业援助行动"], ["灾后重建　就业先行", "四川启动受灾群众就业援助行动"]):
        text = "\n".join(["第02版：要闻", "江州职工书屋年内将达300家", "\u3000\u3000本报讯　" + BODY, *stack, sub,
                          "\u3000\u3000本报成都5月19日电　（记者　康　宁）" + BODY, "\u3000\u3000" + BODY2]) + "\n"
        parsed = parse_page(text, "p.txt")
        assert conservation(text, parsed) == []
        first, second = parsed.items
        assert first.paragraphs == (BODY,)
        assert (second.title, second.subtitle, second.lead) == ("四川启动受灾群众就业援助行动", sub, "本报成都5月19日电　（记者　康　宁）")
        assert second.paragraphs == (BODY, BODY2)
    # guard: a sentence parted from its title by a blank line is the title's text, however the story after it opens
    parsed = page("江州职工书屋年内将达300家", "全市职工书屋已覆盖八成以上规模企业，惠及职工十余万人。", "本报讯　" + BODY)
    assert parsed.items[0].subtitle is None and parsed.items[0].paragraphs == ("全市职工书屋已覆盖八成以上规模企业，惠及职工十余万人。",)


def test_a_photo_credit_closes_its_caption_on_a_page_with_no_blank_lines() -> None:
    # "…抵达北京站。　新华社记者　温　岩　摄": the credit closes the caption as a full stop does, so the headline at the margin
    # under it is no wrapped tail of the caption
    text = "\n".join(["第02版：要闻", "北京·3月3日", "一线代表陆续抵京", "\u3000\u30003月3日，来自生产一线的全国人大代表抵达北京站。　新华社记者　温　岩　摄",
                      "去年全国城镇新增就业1256万人", "\u3000\u3000新华社北京3月3日电（记者　陈　旭）" + BODY]) + "\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    photo, wire = parsed.items
    assert photo.credit == "新华社记者　温　岩　摄" and photo.paragraphs == ("3月3日，来自生产一线的全国人大代表抵达北京站。",)
    assert (wire.title, wire.lead) == ("去年全国城镇新增就业1256万人", "新华社北京3月3日电（记者　陈　旭）")
    # guard: a line ending on the verb 拍摄 (no credit) still wraps into the next line
    text = "\n".join(["第02版：要闻", "江州职工摄影展开幕", "\u3000\u3000本报讯　市总工会组织会员深入基层一线采风拍摄",
                      "了一批反映劳动者风采的作品。", "\u3000\u3000" + BODY2]) + "\n"
    assert only(parse_page(text, "p.txt")).paragraphs[0] == "市总工会组织会员深入基层一线采风拍摄了一批反映劳动者风采的作品。"


def test_a_question_kicker_leading_into_its_title_with_a_dash_is_a_headline() -> None:
    # "送餐途中受了伤，谁来担责？——": the ？ closes the kicker, which leads into the title under it; not a line of the text of
    # the story above (a page with no indents and blank lines between paragraphs)
    text = "\n\n".join(["第07版：职工生活", "“暖心驿站”里的冬天", "本报记者　黄　洁", BODY, BODY2,
                        "送餐途中受了伤，谁来担责？——\n外卖骑手的“保障之问”", BODY, BODY2]) + "\n"
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    assert [(i.kicker, i.title, len(i.paragraphs)) for i in parsed.items] == [
        (None, "“暖心驿站”里的冬天", 2), ("送餐途中受了伤，谁来担责？——", "外卖骑手的“保障之问”", 2)]
    # guard: two sentences before the dash are running text, not a kicker
    assert not shapes.headline_text("送餐途中受了伤。谁来担责？——")
# ---- fresh39: other labour and industry papers (weeklies, trade papers, company papers, a 省总 newsletter) -----------------

def test_contact_fields_beside_a_page_line_or_editors_are_furniture() -> None:
    # a trade paper's 版 line with ■-marked editor and telephone fields, a foot line of editors with a telephone and an
    # e-mail, a company paper's 总编辑/值班编辑/校对 line, a foot line naming the 版's own telephone
    for line in ("第2版　企业新闻　　■本版责编　韩雪梅　　■联系电话：0352-7086512",
                 "本版编辑：罗　琴　　电话：0731-84402215　　E-mail：abc@126.com",
                 "总编辑：胡建平　　值班编辑：彭　丽　　校对：万小燕",
                 "本版电话：0571-86061234　　E-mail:abc_d@163.com"):
        parsed = page("某市总工会开展送清凉活动", "本报讯　" + BODY, BODY2, line)
        assert [i.title for i in parsed.items] == ["某市总工会开展送清凉活动"], line
        assert line in [f.text for f in parsed.furniture]
    # guard: a notice's telephone row alone stays its paragraph
    item = only(page("招生启事", BODY, "咨询电话：0731-84402215"))
    assert item.paragraphs == (BODY, "咨询电话：0731-84402215")


def test_an_address_line_at_the_foot_of_the_page_is_furniture() -> None:
    parsed = page("春天的电网", "银线越过山冈\n把光送进每一扇窗", "投稿邮箱：abc@example.com.cn")
    assert "投稿邮箱：abc@example.com.cn" in [f.text for f in parsed.furniture]
    # guard: the same line inside the page (a call for pieces goes on under it) stays text
    parsed = page("征稿启事", BODY, "投稿邮箱：abc@example.com.cn", BODY2)
    assert "投稿邮箱：abc@example.com.cn" not in [f.text for f in parsed.furniture]


def test_a_page_name_on_the_line_under_a_nameless_page_line_names_the_page() -> None:
    head = "江城工会报\n2019年6月12日　星期三　第3版　责任编辑：周　敏　美术编辑：林　涛\n基层动态"
    item = only(page(head, "某市总工会开展送清凉活动", "本报讯　" + BODY, BODY2))
    assert (item.page, item.page_name, item.column) == (3, "基层动态", None)
    # guard: under a 版 line that names its page, the short line is the first story's banner
    head = "江城工会报\n2019年6月12日　星期三　第3版　综合新闻\n基层动态"
    item = only(page(head, "某市总工会开展送清凉活动", "本报讯　" + BODY, BODY2))
    assert (item.page_name, item.column) == ("综合新闻", "基层动态")


def test_a_paper_name_ending_in_no_bao_over_its_date_line_is_the_masthead() -> None:
    parsed = page("河西工会通讯\n河西省总工会主办　　2019年10月15日　星期二　第2版　工作简报",
                  "某市总工会开展送清凉活动", "本报讯　" + BODY, BODY2)
    assert only(parsed).column is None and parsed.furniture[0].text == "河西工会通讯"
    # guard: a short line over a story's text (no masthead under it) stays the story's
    item = only(page("河西工会通讯", "某市总工会开展送清凉活动", "本报讯　" + BODY, BODY2))
    assert "河西工会通讯" in (item.column, item.kicker, item.title)


def test_a_papers_reporter_station_is_a_reporters_role() -> None:
    item = only(page("某矿监测系统完成升级", "本报讯（大同记者站　刘建军　通讯员　王　鹏）" + BODY, BODY2))
    assert [(r.name, r.role) for r in item.byline_roles] == [("刘建军", "大同记者站"), ("王　鹏", "通讯员")]
    item = only(page("车间里的烦心事当场有了回音", "本报驻西湖记者站　吴　倩　特约通讯员　赵国栋", BODY, BODY2))
    assert item.subtitle is None and [(r.name, r.role) for r in item.byline_roles] == [
        ("吴　倩", "本报驻西湖记者站"), ("赵国栋", "特约通讯员")]
    # guard: 记者站 in a sentence names nobody
    item = only(page("某矿监测系统完成升级", "本报讯　大同记者站近日搬入新址，" + BODY, BODY2))
    assert item.byline.names() == ()


def test_a_lead_bracket_naming_the_writers_unit_and_the_writer_credits_the_writer() -> None:
    item = only(page("快递小哥有了流动工会小组", "本报讯（鹿鸣区总工会　黄晓敏）" + BODY, BODY2))
    assert item.lead == "本报讯（鹿鸣区总工会　黄晓敏）" and item.byline.names() == ("黄晓敏",)
    assert item.paragraphs[0] == BODY
    # guard: a bracket of a unit and no person stays in the text
    item = only(page("快递小哥有了流动工会小组", "本报讯（鹿鸣区总工会　供稿）" + BODY, BODY2))
    assert item.byline.names() == () and item.paragraphs[0].startswith("（鹿鸣区总工会")


def test_a_bullet_before_a_title_on_its_own_line_is_no_headline_text() -> None:
    parsed = page("厂区简讯", "●新昌电厂“师带徒”结对32对", "　　" + BODY + "（罗　兵）",
                  "●集团工会举办职工健步走活动", "　　" + BODY2 + "（谢文娟）")
    assert [i.title for i in parsed.items] == ["新昌电厂“师带徒”结对32对", "集团工会举办职工健步走活动"]
    # guard: a mark the title repeats inside it is the title's own ("★★★星级职工之家揭晓" keeps its stars after the first)
    assert only(page("★★★星级职工之家揭晓", "本报讯　" + BODY, BODY2)).title == "★★★星级职工之家揭晓"


def test_a_banner_of_selected_pieces_is_a_column() -> None:
    item = only(page("“我与企业共成长”征文选登", "那一盏不灭的灯", "■肖　敏", BODY, BODY2))
    assert (item.column, item.title, item.subtitle) == ("“我与企业共成长”征文选登", "那一盏不灭的灯", None)
    # guard: a headline about a contest (what happened) stays the title
    item = only(page("集团“我与企业共成长”征文评选揭晓", "本报讯　" + BODY, BODY2))
    assert (item.column, item.title) == (None, "集团“我与企业共成长”征文评选揭晓")


def test_a_name_with_the_unit_in_brackets_after_it_is_an_author_line() -> None:
    item = only(page("春天的电网", "陈志远（新昌发电厂）", "银线越过山冈\n把光送进每一扇窗", "我们在铁塔上\n和春天"))
    assert (item.title, item.column, item.byline.names()) == ("春天的电网", None, ("陈志远",))
    # guard: a bracket of no unit after a name is no author line
    item = only(page("春天的电网", "陈志远（新昌）", "银线越过山冈\n把光送进每一扇窗"))
    assert item.byline.names() == ()


def test_a_documents_heading_titles_the_document_and_its_addressees_are_a_paragraph() -> None:
    essay = page("把工会组织建到产业链上", "□酒泉市总工会　高建华", "　　" + BODY, "一、以产业链为纽带建会", "　　" + BODY2,
                 "关于报送2019年度工会统计年报的通知", "各市州总工会，各省级产业工会：", "　　" + BODY, "　　特此通知。")
    first, notice = essay.items
    assert notice.title == "关于报送2019年度工会统计年报的通知"
    assert notice.paragraphs == ("各市州总工会，各省级产业工会：", BODY, "特此通知。")
    assert [c.text for c in first.crossheads] == ["一、以产业链为纽带建会"]
    # guard: a heading about a document (news of it, no 关于…的 form) inside the piece stays a crosshead
    essay = page("把工会组织建到产业链上", "□酒泉市总工会　高建华", "　　" + BODY, "一、以产业链为纽带建会", "　　" + BODY2,
                 "二、以技能提升为抓手服务", "　　" + BODY2)
    assert [c.text for c in only(essay).crossheads] == ["一、以产业链为纽带建会", "二、以技能提升为抓手服务"]


def test_a_banner_of_selected_pieces_stays_over_a_title_however_short() -> None:
    # "道口" is short enough for a banner's shape; the 征文选登 line over it is the banner, and it the poem's title
    item = only(page("“我的铁路我的家”征文选登", "道口", "莫春华（柳州工务段）", "栏杆抬起又落下\n一天四十趟列车"))
    assert (item.column, item.title) == ("“我的铁路我的家”征文选登", "道口")
    # guard: news of the call (who holds it) over a short line is no banner of its pieces
    item = only(page("集团举办“我的铁路我的家”征文", "本报讯　" + BODY, BODY2))
    assert (item.column, item.title) == (None, "集团举办“我的铁路我的家”征文")


# ---- rules from the forty-first held-out batch (tests/heldout/fresh40); inputs differ from those pages ----

def test_an_index_label_naming_the_paper_and_the_day_is_furniture() -> None:
    # "本报今日要目" heads a 要目 box as "要目" does: 本报/本期 and 今日/本期 before 要目 or 导读 name the same box
    text = ("第1版　要闻\n\n本报今日要目\n▲技能比武擂台赛开赛（二版）\n▲一位老焊工的三十年（七版）\n\n"
            "全总召开劳动竞赛推进会\n\n" + BODY + "\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    assert [(i.title, i.column) for i in parsed.items] == [("全总召开劳动竞赛推进会", None)]
    assert [f.kind for f in parsed.furniture] == ["page", "index", "index", "index"]
    # guard: a title that ends on 导读 is a title, not the box's label
    text = ("第1版　要闻\n\n今日导读\n▲技能比武擂台赛开赛（二版）\n▲一位老焊工的三十年（七版）\n\n"
            "暑期职工书单导读\n\n" + BODY + "\n")
    parsed = parse_page(text, "p.txt")
    assert [i.title for i in parsed.items] == ["暑期职工书单导读"]


def test_an_editor_credit_naming_the_page_and_the_role_is_furniture() -> None:
    # "本版责任编辑　name" is "本版编辑　name" with the role spelled in full: the page's editor, no author of the story above
    parsed = page("某市总工会开展送清凉活动", "本报讯　" + BODY + "（沈一鸣）", "本版责任编辑　谢　川")
    item = only(parsed)
    assert item.byline.names() == ("沈一鸣",)
    assert [f.kind for f in parsed.furniture] == ["editor"]
    parsed = page("某市总工会开展送清凉活动", "本报讯　" + BODY, "本版责编：谢　川")
    assert only(parsed).byline.names() == () and [f.kind for f in parsed.furniture] == ["editor"]
    # guard: a sentence about the page's editors is text
    parsed = page("某市总工会开展送清凉活动", "本报讯　" + BODY, "本版责任编辑和美术编辑共同完成了版面设计。")
    assert not parsed.furniture


def test_a_cartoon_credit_with_a_colon_closes_its_caption() -> None:
    # "漫画：name" (or "绘图：name") on its own line under a cartoon's caption credits it, as "漫画／name" and "制图：name" do
    item = only(page("“随叫随到”", "下班后的工作群消息，一条接一条。", "漫画：吴　桐"))
    assert item.title == "“随叫随到”" and item.byline.names() == ("吴　桐",)
    item = only(page("“随叫随到”", "下班后的工作群消息，一条接一条。　绘图：吴　桐"))
    assert item.paragraphs == ("下班后的工作群消息，一条接一条。",) and item.byline.names() == ("吴　桐",)
    # guard: a colon after 漫画 in a sentence is text
    item = only(page("漫画展开幕", "本报讯　" + BODY, "漫画：一种用夸张手法讽刺时弊的绘画，深受职工喜爱。"))
    assert item.byline.names() == ()


def test_a_noun_phrase_over_a_line_of_someone_delivering_is_its_kicker() -> None:
    # "酷暑中的“移动冰箱”" names no news; the line under it says who brought what where (送…开进/走进/送到…): 引题 + 主题
    item = only(page("酷暑中的“移动冰箱”", "西岭工会送清凉车开进工地", "本报讯（记者　项　阳）" + BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("酷暑中的“移动冰箱”", "西岭工会送清凉车开进工地", None)
    item = only(page("车间里的“加油站”", "西岭市总工会把技能课堂送到一线", "本报讯（记者　项　阳）" + BODY, BODY2))
    assert (item.kicker, item.title) == ("车间里的“加油站”", "西岭市总工会把技能课堂送到一线")
    # guard: a ——记 subtitle under such a title keeps its reading
    item = only(page("酷暑中的“移动冰箱”", "——记西岭工会送清凉车司机王建军", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title) == (None, "酷暑中的“移动冰箱”")


# ---- issue 14: two plain statements with no —— (kicker + title, or title + subtitle) ------------------------------------


def test_of_two_plain_statements_the_one_stating_the_outcome_with_le_is_the_title() -> None:
    # "技能培训送进园区" states no outcome; "新就业形态劳动者成了“香饽饽”" does, with the perfective 了: the 主题, and the line over
    # it the 引题 — not a title over a 副题 printed with no ——, whichever line is longer
    for upper, lower in (("技能培训送进园区", "新就业形态劳动者成了“香饽饽”"),
                         ("东岭区总工会每季度开一次“职工恳谈会”", "职工的“急难事”当场有了着落")):
        for under in ("本报记者　王　明", "本报讯（记者王　明）" + BODY):
            item = only(page(upper, lower, under, BODY2))
            assert (item.kicker, item.title, item.subtitle) == (upper, lower, None)
    # guards: a 副题 that sizes the news (a figure), lists, or answers a question title keeps its reading; so does a title
    # that itself states the outcome, and a plain 副题 with no 了
    for upper, lower in (("东岭区职工驿站建设提速", "全区新就业形态劳动者有了300个“歇脚点”"),
                         ("东岭区职工驿站建设提速", "饮水、热饭、充电一应俱全了"),
                         ("青年技工缘何成为“抢手货”", "校企合作让学生未毕业就有了“饭碗”"),
                         ("东岭码头工人有了“智慧工休室”", "空调淋浴充电设施一应俱全"),
                         ("东岭区职工驿站建设提速", "新就业形态劳动者就近可歇脚")):
        item = only(page(upper, lower, "本报讯（记者王　明）" + BODY, BODY2))
        assert (item.kicker, item.title, item.subtitle) == (None, upper, lower)
# ---- rules from the forty-third held-out batch (tests/heldout/fresh42); inputs differ from those pages ----

def test_a_chief_editor_and_a_layout_credit_are_editor_credits() -> None:
    # "本版主编：name" and "版式：name" credit the page's editors as "责任编辑：name" does, on a line of their own or on the 版 line
    head = "湖东工人报\n2012年5月8日　星期二\n第5版　职工生活\n本版主编：方　宁　　责任编辑：于小慧"
    parsed = page(head, "湖东市总工会开展职工健步走活动", "本报讯　" + BODY, BODY2)
    item = only(parsed)
    assert (item.title, item.page, item.page_name) == ("湖东市总工会开展职工健步走活动", 5, "职工生活")
    parsed = page("湖东工人报\n2012年5月8日　星期二\n第2版　综合　　责任编辑：何　云　　版式：孟　洁",
                  "湖东市总工会开展职工健步走活动", "本报讯　" + BODY, BODY2)
    item = only(parsed)
    assert (item.kicker, item.title, item.page_name) == (None, "湖东市总工会开展职工健步走活动", "综合")
    # guard: a headline opening with 主编 and a colon, no name after it, stays the headline
    item = only(page("主编：让每一篇稿子都带着泥土味", "本报讯　" + BODY, BODY2))
    assert item.title == "主编：让每一篇稿子都带着泥土味"


def test_a_page_name_before_the_date_on_the_folio_line_under_the_paper_names_the_page() -> None:
    # an inside page's folio line, "版名　date　第N版", under the paper's name alone: the first word is the 版名
    head = "辽东工人报\n文化周刊　　2018年3月2日　星期五　　第7版"
    item = only(page(head, "辽东职工摄影展开幕", "本报讯　" + BODY, BODY2))
    assert (item.page, item.page_name) == (7, "文化周刊")
    # guard: with no paper's name over it the first word is the paper's own name (长兴工运), no 版名
    item = only(page("长兴工运　　2018年3月2日　星期五　　第7版", "长兴职工摄影展开幕", "本报讯　" + BODY, BODY2))
    assert (item.page, item.page_name) == (7, None)


def test_a_count_of_people_alone_over_what_they_do_is_one_title() -> None:
    # "…三千名装卸工人" names who and no news: the line under it says what they did, one title over two lines
    item = only(page("江州港务集团三千名装卸工人", "在技术比武中练就“绝活”", "本报讯（记者　项　阳）" + BODY, BODY2))
    assert (item.title, item.subtitle) == ("江州港务集团三千名装卸工人在技术比武中练就“绝活”", None)
    # guard: a ——subtitle under the same line keeps the title + subtitle reading
    item = only(page("江州港务集团三千名装卸工人", "——港区技能培训见闻", "本报记者　项　阳", BODY, BODY2))
    assert (item.title, item.subtitle) == ("江州港务集团三千名装卸工人", "——港区技能培训见闻")


def test_a_span_from_one_state_to_another_over_a_line_of_news_is_its_kicker() -> None:
    # "从“要我学”到“我要学”" names a change and no news: over a longer line with no —— in which someone does something, it
    # is the 引题 and that line the title
    item = only(page("从“要我学”到“我要学”", "江州纺织厂女工用夜校课程考出技师证", "本报讯（记者　项　阳）" + BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("从“要我学”到“我要学”", "江州纺织厂女工用夜校课程考出技师证", None)
    # guard: a ——subtitle under the span keeps the title + subtitle reading
    item = only(page("从“要我学”到“我要学”", "——江州纺织厂女工夜校见闻", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == (None, "从“要我学”到“我要学”", "——江州纺织厂女工夜校见闻")


def test_a_byline_lines_last_name_may_carry_the_writers_unit_in_brackets() -> None:
    # "通讯员　许明亮（江州市总工会）": the contributor's unit in brackets after the name is no name and no headline
    item = only(page("“职工夜校”开进了车间", "本报记者　章　林　通讯员　许明亮（江州市总工会）", BODY, BODY2))
    assert (item.title, item.subtitle) == ("“职工夜校”开进了车间", None)
    assert [(r.name, r.role) for r in item.byline_roles] == [("章　林", "本报记者"), ("许明亮", "通讯员")]
    # guard: a bracket naming no body (a place) after the name is no unit: the line stays the subtitle
    item = only(page("“职工夜校”开进了车间", "本报记者　章　林（江州）", BODY, BODY2))
    assert item.byline.names() == ()


def test_a_noun_phrase_over_a_line_of_something_moved_to_workers_is_its_kicker() -> None:
    # "塔吊下的新变化" names no news; the line under it says what was moved where (搬进/搬到/住进…): 引题 + 主题
    item = only(page("塔吊下的新变化", "“工会驿站”搬进了项目部", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("塔吊下的新变化", "“工会驿站”搬进了项目部", None)
    # the deed's line need not be the longer one: as long as the noun phrase it is still the news
    item = only(page("工地上的“新鲜事”", "职工书屋搬进了工棚", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("工地上的“新鲜事”", "职工书屋搬进了工棚", None)
    # guard: a question under the noun phrase is its subtitle (it asks, it states no deed)
    item = only(page("塔吊下的新变化", "“工会驿站”搬进项目部之后怎么管", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title) == (None, "塔吊下的新变化")


def test_a_line_opening_on_a_field_visit_over_a_line_of_news_is_its_kicker() -> None:
    # "直击秋粮收储一线" says where the reporter went (直击/探访/探营/蹲点/实探 and the scene), not what happened: over a
    # plain line of news with no —— it is the 引题 and that line the title, as a line ending …一线观察 already is
    item = only(page("直击秋粮收储一线", "粮库职工连夜抢收入仓", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("直击秋粮收储一线", "粮库职工连夜抢收入仓", None)
    item = only(page("探访城郊物流园", "分拣员换上降温背心", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("探访城郊物流园", "分拣员换上降温背心", None)
    # …and over a title and a 本报讯 lead it is no column's name (it names a scene, as a column never does)
    item = only(page("探访城郊物流园", "分拣员用上了降温背心", "本报讯（记者　项　阳）" + BODY, BODY2))
    assert (item.column, item.kicker, item.title) == (None, "探访城郊物流园", "分拣员用上了降温背心")
    # guard: a ——subtitle under it keeps the title + subtitle reading
    item = only(page("探访城郊物流园", "——江州快递分拣中心见闻", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == (None, "探访城郊物流园", "——江州快递分拣中心见闻")


def test_a_noun_phrase_of_four_characters_after_de_over_people_at_their_posts_is_its_kicker() -> None:
    # "车站里的工会身影" names a scene (…的 and a noun of up to four characters); the line under it says who held their posts
    # (坚守/值守/奋战/鏖战…): 引题 + 主题, as a noun phrase over a line of a deed already is
    item = only(page("车站里的工会身影", "八百名职工志愿者坚守服务岗位", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("车站里的工会身影", "八百名职工志愿者坚守服务岗位", None)
    item = only(page("高温下的“电力蓝”", "抢修队员连续奋战三十小时", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title, item.subtitle) == ("高温下的“电力蓝”", "抢修队员连续奋战三十小时", None)
    # guard: a question under the noun phrase is its subtitle
    item = only(page("车站里的工会身影", "志愿者如何坚守岗位", "本报记者　项　阳", BODY, BODY2))
    assert (item.kicker, item.title) == (None, "车站里的工会身影")
# ---- rules from the forty-seventh held-out batch (tests/heldout/fresh46); inputs differ from those pages ----

def test_an_index_box_whose_entries_end_with_see_page_n_is_furniture() -> None:
    # "◆一位老焊工的三十年　见第7版": a 导读 entry pointing to its page with 见 (or 详见) after a gap, under the box's label
    text = ("第1版　要闻\n\n本报导读\n◆技能比武擂台赛开赛　见第2版\n◆一位老焊工的三十年　详见第7版\n\n"
            "全总召开劳动竞赛推进会\n\n" + BODY + "\n")
    parsed = parse_page(text, "p.txt")
    assert conservation(text, parsed) == []
    assert [(i.title, i.column) for i in parsed.items] == [("全总召开劳动竞赛推进会", None)]
    assert [f.kind for f in parsed.furniture] == ["page", "index", "index", "index"]
    # guard: with no 导读 label over them, such lines are not taken for an index box
    text = "第1版　要闻\n\n技能比武擂台赛开赛　见第2版\n\n" + BODY + "\n"
    parsed = parse_page(text, "p.txt")
    assert [f.kind for f in parsed.furniture] == ["page"]


def test_a_meeting_held_at_a_place_over_the_line_giving_its_outcome_is_the_kicker() -> None:
    # "…表彰大会在长沙召开" reports the meeting as "…召开…大会" does, the meeting named before where it was held
    lead = "本报讯（记者　柯　蓝）"
    item = only(page("西岭县职工技能表彰大会在县城召开", "三百名技术能手受到表彰", lead + BODY))
    assert (item.kicker, item.title, item.subtitle) == ("西岭县职工技能表彰大会在县城召开", "三百名技术能手受到表彰", None)
    # guard: the meeting line over a ——subtitle stays the title
    alone = only(page("西岭县职工技能表彰大会在县城举行", "——三百名技术能手受到表彰", lead + BODY))
    assert (alone.kicker, alone.title) == (None, "西岭县职工技能表彰大会在县城举行")
    # guard: under a short kicker, the meeting line stays the title
    under = only(page("表彰先进　激励职工", "西岭县职工技能表彰大会在县城举行", lead + BODY))
    assert (under.kicker, under.title) == ("表彰先进　激励职工", "西岭县职工技能表彰大会在县城举行")
# ---- rules from the forty-eighth held-out batch (tests/heldout/fresh47); inputs differ from those pages ----


def test_a_how_to_under_a_short_benbaoxun_story_is_an_item_of_its_own() -> None:
    # a how-to printed straight under a short 本报讯 story has no dateline and no byline of its own: only its
    # heading parts it from the news, and a story of one to three paragraphs is too short for sections
    lead = "本报讯（记者　柯　蓝）"
    for story in ([lead + BODY], [lead + BODY, BODY2]):
        parsed = page("西岭县开通职工维权热线", *story, "维权热线怎么打", "职工拨打热线后，可按语音提示选择咨询类别。")
        assert [(i.title, len(i.paragraphs)) for i in parsed.items] == [
            ("西岭县开通职工维权热线", len(story)), ("维权热线怎么打", 1)]
        assert not parsed.items[0].crossheads
    # guard: a statement (no how-to) in a 本报讯 story of two paragraphs is still its crosshead
    said = only(page("西岭县开通职工维权热线", lead + BODY, BODY2, "热线全天有人值守", "职工拨打热线后，可按语音提示选择咨询类别。"))
    assert [c.text for c in said.crossheads] == ["热线全天有人值守"]
    # guard: a 【label】 in a 本报讯 story of two paragraphs is still its crosshead
    kept = only(page("西岭县开通职工维权热线", lead + BODY, BODY2, "【延伸阅读】", "职工拨打热线后，可按语音提示选择咨询类别。"))
    assert [c.text for c in kept.crossheads] == ["【延伸阅读】"]
    # guard: a feature with a byline line keeps its crossheads
    feature = only(page("老焊工的三十年", "本报记者　柯　蓝", BODY, BODY2, "手上功夫练出来", "职工拨打热线后，可按语音提示选择咨询类别。"))
    assert [c.text for c in feature.crossheads] == ["手上功夫练出来"]


def test_a_compilers_credit_under_a_qa_closes_it() -> None:
    # "（本报记者　柯　蓝　整理）" after the last answer closes the Q&A: the heading after it titles the next piece
    parsed = page("加班费怎么算", "问：周末加班，单位只给调休行不行？", "答：安排休息日工作又不能补休的，应支付不低于工资百分之二百的报酬。",
                  "（本报记者　柯　蓝　整理）", "西岭县职工法律援助律师团招募启动", "为做好职工法律援助工作，县总工会面向社会招募律师。")
    assert [(i.title, len(i.paragraphs)) for i in parsed.items] == [("加班费怎么算", 2), ("西岭县职工法律援助律师团招募启动", 1)]
    assert parsed.items[0].byline.reporters or parsed.items[0].byline.authors or parsed.items[0].byline_raw


def test_a_later_addressee_qualified_before_its_ge_is_still_a_salutation() -> None:
    # "各市总工会，省各产业工会：" names the notice's addressees: a paragraph of its own, not joined to the text under it
    assert shapes.salutation("各市总工会，省各产业工会：")
    assert shapes.salutation("各区总工会，市直各有关单位：")
    assert shapes.salutation("各市州总工会，各省级产业工会：")
    # guard: a sentence ending in a colon is no salutation
    assert not shapes.salutation("各市总工会要做好以下工作：")
    item = only(page("关于开展职工书屋申报工作的通知", "各市总工会，省各产业工会：", "　　" + BODY))
    assert len(item.paragraphs) == 2


# ---- rules from the forty-ninth held-out batch (tests/heldout/fresh48); inputs differ from those pages ----


def test_honour_sections_inside_a_conferring_document_are_its_crossheads() -> None:
    # a 决定/通报 conferring honours prints one list per honour under the honour's bare name (五一劳动奖状,
    # 工人先锋号): the names are sections of the document, not the titles of new items
    decision = ("西岭县总工会关于表彰2021年度先进集体和先进个人的决定", "各乡镇总工会：",
                "　　为表彰先进，县总工会决定授予县自来水公司等单位县五一劳动奖状，授予罗　敏等职工县五一劳动奖章。")
    lists = ("县五一劳动奖状", "西岭县自来水公司\n西岭县人民医院", "县五一劳动奖章",
             "罗　敏　西岭县自来水公司抄表员\n柯　蓝　西岭县人民医院护士")
    item = only(page(*decision, *lists, "　　希望受到表彰的集体和个人珍惜荣誉，再创佳绩。"))
    assert [c.text for c in item.crossheads] == ["县五一劳动奖状", "县五一劳动奖章"]
    assert len(item.paragraphs) == 7
    # a 通报 whose lists are headed 优胜单位 / 优秀选手: the same
    notice = only(page("关于对全县职工技能竞赛优胜单位和个人的通报", "　　" + BODY, "优胜单位", "西岭县自来水公司\n西岭县人民医院",
                       "优秀选手", "罗　敏　西岭县自来水公司抄表员\n柯　蓝　西岭县人民医院护士"))
    assert [c.text for c in notice.crossheads] == ["优胜单位", "优秀选手"]
    assert len(notice.paragraphs) == 5
    # guard: a news story about an award is no conferring document; a list titled after it stays an item of its own
    parsed = page("西岭县表彰一批先进集体", "本报讯　日前，西岭县总工会表彰了一批先进集体和先进个人。" + BODY,
                  "县五一劳动奖状获奖单位", "西岭县自来水公司\n西岭县人民医院")
    assert [i.title for i in parsed.items] == ["西岭县表彰一批先进集体", "县五一劳动奖状获奖单位"]




# ---- rules from the fiftieth held-out batch (tests/heldout/fresh49); inputs differ from those pages ----
def test_addressees_naming_places_in_brackets_or_runs_are_a_salutation_paragraph() -> None:
    # a document's addressees may name their places in a bracket ("各县（市、区）总工会") or a run parted by 、 ("各省、
    # 自治区、直辖市总工会"), and a later addressee may be one body named in full ("中央和国家机关工会联合会"): still the
    # salutation, a paragraph of its own (not joined to the text under it)
    for line in ("各县（市、区）总工会，市直各产业工会：", "各省、自治区、直辖市总工会，各全国产业工会，中央和国家机关工会联合会：",
                 "各乡镇总工会，县直各单位工会："):
        assert shapes.salutation(line), line
    assert not shapes.salutation("各市总工会要做好以下工作：")  # guard: a sentence addressing them is no salutation
    assert not shapes.salutation("各级工会要把工作做好，市总工会：")
    item = only(page("关于开展夏季“送清凉”活动的通知", "各县（市、区）总工会，市直各产业工会：", "　　" + BODY))
    assert len(item.paragraphs) == 2 and item.paragraphs[0] == "各县（市、区）总工会，市直各产业工会："


def test_a_body_and_a_date_under_a_lists_last_row_sign_the_document() -> None:
    # a 决定/通报 that ends on its list: the signing body and the date printed straight under the last row (or after a
    # blank line) sign the document; they are no row of the list and no headline of the brief below
    brief = ("劳模工作室开放日活动举行", "　　本报讯　5月8日，西岭县劳模创新工作室开放日活动举行，200余名职工参观学习。（许　诺）")
    for gap in ("\n", "\n\n"):
        parsed = page("西岭县总工会关于2020年度劳动竞赛优胜单位的通报", "各乡镇总工会：", "　　" + BODY, "优胜单位",
                      "西岭县自来水公司\n西岭县人民医院\n西岭县公交公司" + gap + "西岭县总工会\n2021年3月26日", *brief)
        assert [i.title for i in parsed.items] == ["西岭县总工会关于2020年度劳动竞赛优胜单位的通报", brief[0]], gap
        notice = parsed.items[0]
        assert notice.paragraphs[-1] == "西岭县公交公司" and "西岭县总工会" not in notice.paragraphs
        assert [c.text for c in notice.crossheads] == ["优胜单位"]


def test_event_names_in_a_results_list_head_its_place_rows() -> None:
    # a results list (…项目成绩) prints each event's name over place rows ("第1名　name（unit）"): the events are the
    # list's sections, the rows its paragraphs, and a story under the list is a story of its own
    results = ("全县职工运动会部分项目成绩", "男子100米", "第1名　张建国（县自来水公司）\n第2名　李　伟（县人民医院）",
               "女子跳绳", "第1名　王丽萍（县公交公司）\n第2名　朱　慧（县供电公司）")
    story = ("西岭职工乒乓球赛开拍", "　　本报讯（通讯员　孙　波）10月10日，西岭县职工乒乓球赛开拍，160名选手参赛。")
    parsed = page(*results, *story)
    assert [i.title for i in parsed.items] == [results[0], story[0]]
    item = parsed.items[0]
    assert item.column is None and [c.text for c in item.crossheads] == ["男子100米", "女子跳绳"]
    assert len(item.paragraphs) == 4
    # guard: briefs whose titles read like a place or an event (第一名的秘诀, 男子组比赛今日开赛) stay briefs
    parsed = page("第一名的秘诀", "　　本报讯　在日前举行的全县职工技能大赛上，获得车工第一名的张海说，秘诀就是多练。（黄　平）",
                  "男子组比赛今日开赛", "　　本报讯　全县职工篮球赛男子组比赛今日开赛，16支队伍参赛。（罗　刚）")
    assert [i.title for i in parsed.items] == ["第一名的秘诀", "男子组比赛今日开赛"]


def test_a_column_named_for_a_kind_of_piece_over_a_quoted_title() -> None:
    # "身边的榜样" names a column (a 的 phrase ending on the kind of piece it runs), not a title with a 副题 under it
    item = only(page("身边的榜样", "外卖骑手当上“安全员”", "本报记者　周　倩", "　　" + BODY))
    assert item.column == "身边的榜样" and item.title == "外卖骑手当上“安全员”" and item.subtitle is None
    # guard: a 的 phrase describing a person or scene still describes (no column's name)
    assert read_stack(["夜色中的建设者", "外卖骑手当上“安全员”"], StackContext(bylined=True)).items[0].columns == ()


def test_a_section_of_units_or_teams_named_for_their_honour_heads_its_rows() -> None:
    # 先进单位 / 先进班组 / 优秀单位 are honours as 先进集体 is: inside a conferring document each heads its list of rows
    for name in ("先进单位", "先进班组（2个）", "优秀单位"):
        assert shapes.honour_section(name), name
    assert not shapes.honour_section("先进单位名单")  # guard: a list's own title names itself
    item = only(page("西岭县总工会关于表彰2021年度安全生产先进单位的决定", "各乡镇总工会：", "　　" + BODY, "先进单位（2个）",
                     "西岭县自来水公司\n西岭县人民医院", "先进班组（2个）", "西岭县自来水公司抄表班\n西岭县公交公司一车队"))
    assert [c.text for c in item.crossheads] == ["先进单位（2个）", "先进班组（2个）"]
    assert len(item.paragraphs) == 6
