"""Loader classes where one item swallowed the next (issue 14, unseen pages): a column label and author line under a
commentary title, a how-to heading ending 这样用, a hotline box after a feature, a reader's question saying how it came
in (读者来信问：). Each rule has a test that fails before it and a guard where it must not fire; the inputs differ from
the held-out pages that showed the classes (heldout_tagging45, 36, 17 and the loader's fresh47)."""

from __future__ import annotations

from loader_pages import page

COMMENT = "　　近年来，不少企业把职工培训当成“走过场”，课时排得满满当当，实效却不明显。"
CLOSE = "　　培训要回到岗位需要上来，让职工学有所用、用有所得。"
NEWS = "　　本报讯（通讯员　郑　岚）日前，南川区总工会在工业园区开展职工技能培训，200多名职工参加。"


def test_a_column_label_and_author_under_a_title_after_a_commentary_opens_the_next_one() -> None:
    # a page with no indents: "职工说法　周　敏" under a title after a finished commentary is the column's label and the
    # author, not the opening of a sentence split by a column break; the title over it titles a piece of its own
    parsed = page("培训不能只图热闹", "本报评论员", COMMENT.strip(), CLOSE.strip(),
                  "加班费不是“恩赐”", "职工说法　周　敏",
                  "一些企业把加班费当成对职工的“奖励”，想给就给，不想给就拖。", CLOSE.strip())
    assert [i.title for i in parsed.items] == ["培训不能只图热闹", "加班费不是“恩赐”"]
    second = parsed.items[1]
    assert second.byline.authors == ("周　敏",)
    assert second.paragraphs[0].startswith("一些企业")


def test_a_column_author_line_after_a_one_line_brief() -> None:
    parsed = page("南川区开展职工技能培训", NEWS.strip(), "欠薪问题要从源头治", "工人论坛　黄　涛",
                  "每到年底，讨薪的新闻总会多起来。", CLOSE.strip())
    assert [i.title for i in parsed.items] == ["南川区开展职工技能培训", "欠薪问题要从源头治"]
    assert parsed.items[1].byline.authors == ("黄　涛",)


def test_a_place_and_name_signing_a_letter_after_its_text_still_signs_it() -> None:
    # guard: a place and a name after a letter's finished text (not under a title) is the writer's signature, read as
    # before: the rule asks for the line right under a headline
    parsed = page("食堂饭菜该换换口味了", "编辑同志：", "我们厂食堂的菜单几年没变过，职工意见很大。",
                  "希望厂工会能把职工的意见转给食堂。", "湖北襄阳　刘　梅",
                  "南川区开展职工技能培训", NEWS.strip())
    assert [i.title for i in parsed.items] == ["食堂饭菜该换换口味了", "南川区开展职工技能培训"]
    assert "刘　梅" in parsed.items[0].byline.authors


def test_a_how_to_ending_zheyang_yong_after_a_short_news_story_is_its_own_item() -> None:
    # "…还能这样用" tells the reader how to use something, as "…这样申请" does: after a short 本报讯 story it titles a
    # piece of its own
    parsed = page("南川区开展职工技能培训", NEWS, "　　培训为期三天，内容涵盖安全生产、电工技能等。",
                  "普惠卡还能这样用", "　　不少职工办了工会普惠卡，却只用来领取节日慰问品。其实，持卡还能享受体检优惠。",
                  "　　普惠卡丢失的，可到所在单位工会办理挂失。")
    assert [i.title for i in parsed.items] == ["南川区开展职工技能培训", "普惠卡还能这样用"]


def test_a_statement_heading_inside_a_short_news_story_stays_a_crosshead() -> None:
    # guard: a heading that states what was done ("培训课堂搬进车间") is no how-to and no box: a crosshead
    parsed = page("南川区开展职工技能培训", NEWS, "培训课堂搬进车间",
                  "　　培训为期三天，内容涵盖安全生产、电工技能等。", "　　参训职工表示，收获很大。")
    assert [i.title for i in parsed.items] == ["南川区开展职工技能培训"]


FEATURE = ("“焊花”里的二十年", "——记全国五一劳动奖章获得者、某重工焊工周建国", "本报记者　吴　迪　本报通讯员　洪　涛",
           "　　清晨7点，周建国已经站在焊机旁。二十年来，他焊过的焊缝没有一处返工。",
           "　　如今，以他名字命名的创新工作室已培养焊工骨干40多名。")


def test_a_hotline_box_after_a_feature_is_an_item_of_its_own() -> None:
    # "维权热线" over a notice telling the reader whom to call addresses the reader, not the feature above: a piece of its
    # own, as a 温馨提示 box is (a 记者手记 or 相关链接 box extends the story and stays its crosshead)
    parsed = page(*FEATURE, "维权热线",
                  "　　职工遇到劳动权益问题，可拨打市总工会维权热线12351，工作人员将及时答复。")
    assert [i.title for i in parsed.items] == ["“焊花”里的二十年", "维权热线"]


def test_a_reporters_note_after_a_feature_stays_its_crosshead() -> None:
    # guard: 记者手记 extends the feature (tests/heldout/README.md: boxes inside a story are crossheads)
    parsed = page(*FEATURE, "记者手记", "　　采访中，周建国说得最多的一句话是“焊缝就是良心”。")
    assert [i.title for i in parsed.items] == ["“焊花”里的二十年"]
    assert [c.text for c in parsed.items[0].crossheads] == ["记者手记"]


def test_a_statement_about_a_hotline_inside_a_feature_stays_a_crosshead() -> None:
    # guard: "开通维权热线" says what was done; it is no hotline box's label
    parsed = page(*FEATURE, "开通维权热线", "　　2020年，周建国所在的班组开通了维权热线，帮助工友解决难题。")
    assert [i.title for i in parsed.items] == ["“焊花”里的二十年"]


def test_a_readers_letter_question_after_a_story_opens_a_qa_item() -> None:
    # "读者来信问：" is a reader's question as "读者问：" is: the question headline over it titles a Q&A of its own
    parsed = page("南川区开展职工技能培训", NEWS, "　　培训为期三天，内容涵盖安全生产、电工技能等。",
                  "单位能否扣押职工证件？",
                  "　　读者来信问：我刚入职一家公司，公司要求把身份证原件交给人事部门保管，这样合法吗？",
                  "　　律师答：用人单位招用劳动者，不得扣押劳动者的居民身份证和其他证件。")
    assert [i.title for i in parsed.items] == ["南川区开展职工技能培训", "单位能否扣押职工证件？"]


def test_an_interviews_crosshead_over_a_reporters_turn_stays_inside() -> None:
    # guard: a heading over an interviewer's later turn inside an interview that already has turns is a crosshead
    parsed = page("技能人才如何成长", "本报记者　吴　迪", "　　记者：您当初为什么选择当焊工？",
                  "　　周建国：我父亲就是焊工，从小耳濡目染。", "谈传承",
                  "　　记者：您现在带了多少徒弟？", "　　周建国：前后带了40多个，不少已是技术骨干。")
    assert [i.title for i in parsed.items] == ["技能人才如何成长"]
