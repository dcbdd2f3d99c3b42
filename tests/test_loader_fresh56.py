"""Rules from the fifty-seventh held-out batch (tests/heldout/fresh56): a 导读 box whose entries end in dot leaders and
their page, a slogan over a meeting line and its outcome (a three-line stack with no ——), a commentary label in
tortoise-shell brackets (〔短评〕), and an obituary signed by its 治丧小组. The inputs differ from the batch's pages."""

from __future__ import annotations

from archive_gen.loader.shapes import bracket_label, signing_office
from loader_pages import BODY, page

LEAD = "　　本报杭州5月9日电　（记者　苗　青）" + BODY


def test_index_entries_ending_in_dot_leaders_are_furniture() -> None:
    # a 导读 box whose entries run into their page through dot leaders (◎title……第N版) names stories printed elsewhere:
    # page furniture, not headlines of this page
    parsed = page("第01版：要闻",
                  "今日导读\n◎职工疗休养基地名单公布…………第2版\n★一位女电工的三十年……………第4版\n◎快递小哥的“新家”……第7版",
                  "全省职工技能大赛开幕", LEAD)
    assert [i.title for i in parsed.items] == ["全省职工技能大赛开幕"]
    furniture = {line.text for line in parsed.furniture}
    assert "◎职工疗休养基地名单公布…………第2版" in furniture
    assert "★一位女电工的三十年……………第4版" in furniture


def test_dot_leader_lines_under_no_index_label_are_not_taken() -> None:
    # guard: the dot-leader reading holds only right under a 导读/要目 label; with none the lines are not furniture
    parsed = page("第01版：要闻", "全省职工技能大赛开幕", LEAD,
                  "◎职工疗休养基地名单公布…………第2版\n★一位女电工的三十年……………第4版")
    furniture = {line.text for line in parsed.furniture}
    assert "◎职工疗休养基地名单公布…………第2版" not in furniture


def test_a_slogan_over_a_meeting_line_and_its_outcome_is_a_three_line_stack() -> None:
    # 引题 slogan / 主题 reporting the meeting / 副题 giving what it decided, none with ——: the slogan is the kicker, not a
    # banner over a meeting kicker
    parsed = page("第01版：要闻", "凝心聚力　建功立业", "全省职工技术创新大会在杭州召开",
                  "五年内建成劳模工匠创新工作室三千家", LEAD)
    item = parsed.items[0]
    assert (item.kicker, item.title, item.subtitle) == (
        "凝心聚力　建功立业", "全省职工技术创新大会在杭州召开", "五年内建成劳模工匠创新工作室三千家")
    assert item.column is None


def test_a_bracket_label_over_a_kicker_and_title_stays_a_banner() -> None:
    # guard: a 【label】 (no slogan) over a meeting kicker and a title keeps its reading as the banner
    parsed = page("第01版：要闻", "【奋进新征程】", "全省职工技术创新大会在杭州召开",
                  "五年内建成劳模工匠创新工作室三千家", LEAD)
    item = parsed.items[0]
    assert item.column == "【奋进新征程】"
    assert item.title != "【奋进新征程】"


def test_a_tortoise_shell_bracketed_commentary_label_heads_the_commentary() -> None:
    # 〔短评〕 printed after a news story labels the short commentary under it, as 【短评】 does
    parsed = page("第03版：综合新闻", "职工食堂用上“智慧餐盘”", "　　本报讯（记者　苗　青）" + BODY,
                  "〔短评〕", "小餐盘里有大民生", "　　一个餐盘，装的是职工的获得感。好事办好，贵在用心。（柏　舟）")
    assert [i.title for i in parsed.items] == ["职工食堂用上“智慧餐盘”", "小餐盘里有大民生"]
    assert parsed.items[1].column == "〔短评〕"
    assert bracket_label("〔短评〕") and bracket_label("〔工会动态〕")


def test_bracketed_years_are_no_labels() -> None:
    # guard: a year or number in tortoise-shell brackets (a document number's part) is no label
    assert not bracket_label("〔2022〕") and not bracket_label("〔2022〕15号")


def test_an_obituary_signed_by_its_funeral_committee_is_one_notice() -> None:
    # a 讣告's signer (…同志治丧小组) and the date under it close the obituary: a trailer, not a title of its last
    # paragraphs, and the date is no title of the notice under it
    parsed = page("第08版：公告", "讣　告",
                  "　　江州市总工会原办公室主任向明远同志，因病医治无效，于2023年2月3日逝世，享年79岁。",
                  "　　向明远同志长期从事工会工作，勤勤恳恳，作风朴实。",
                  "向明远同志治丧小组\n2023年2月5日",
                  "更　正",
                  "　　本报2月3日第2版一文中，“职工126人”应为“职工162人”。特此更正。")
    assert [i.title for i in parsed.items] == ["讣\u3000告", "更\u3000正"]
    assert len(parsed.items[0].paragraphs) == 2
    assert signing_office("向明远同志治丧小组") and signing_office("全市职工技能大赛组委会")


def test_a_headline_telling_of_a_group_set_up_is_no_signer() -> None:
    # guard: a body set up (…成立…领导小组) is news, not a notice's signer
    assert not signing_office("市总工会成立职工帮扶领导小组")
    parsed = page("第03版：综合新闻", "职工食堂用上“智慧餐盘”", "　　本报讯（记者　苗　青）" + BODY,
                  "市总工会成立职工帮扶领导小组", "　　本报讯（通讯员　柏　舟）" + BODY)
    assert [i.title for i in parsed.items] == ["职工食堂用上“智慧餐盘”", "市总工会成立职工帮扶领导小组"]
