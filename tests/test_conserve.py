"""The conservation check (loader/conserve.py) on lines whose shape it used to misjudge: a lone stop carried to the
next line before a sign-off, and the rows of a figures box at the end of a story."""

from __future__ import annotations

from pathlib import Path

from archive_gen.loader import conservation, parse_page, parse_source
from archive_gen.loader.conserve import looks_like_headline


def test_a_stop_carried_to_the_line_of_the_sign_off_is_found() -> None:
    text = ("南京职工书画展开幕\n\n"
            "　　本报讯　南京市第十届职工书法美术摄影\n展览10月5日在市工人文化宫开幕，展出作\n品420件，作者大多是来自生产一线的职工\n"
            "。（李　平）\n\n"
            "苏州举办职工技能大赛\n\n　　本报讯　苏州市第五届职工职业技能大赛日前举行，来自全市的800名职工参赛。（王　芳）\n")
    page = parse_page(text, "2001-10-08_02.txt")
    assert [i.title for i in page.items] == ["南京职工书画展开幕", "苏州举办职工技能大赛"]
    assert page.items[0].paragraphs[-1].endswith("职工。")
    assert conservation(text, page) == []


def test_a_lost_character_beside_a_stop_is_still_reported() -> None:
    text = "标题一行\n\n本报讯　全市职工参加培训。\n"
    page = parse_page(text, "2001-10-08_02.txt")
    # the line's text as printed, with a character no field holds after the stop
    tampered = text.replace("培训。", "培训。\n。爨")
    assert any(n.line == 4 for n in conservation(tampered, page))


def test_rows_of_a_figures_box_are_not_headlines() -> None:
    assert not looks_like_headline("4200个　高校毕业生见习岗位")
    assert not looks_like_headline("3.6万人　城镇新增就业")
    assert not looks_like_headline("142场 招聘会")
    assert not looks_like_headline("职工书屋　410家")
    assert looks_like_headline("江州调整最低工资标准")
    assert looks_like_headline("4200个见习岗位等你来")  # no gap: a headline may open with a figure


def test_a_stories_opening_dateline_is_no_headline() -> None:
    # a lead cut off mid-sentence is short and has no punctuation, but its dateline opens a story's body
    assert not looks_like_headline("本报讯(记者郑莉郝赫)针对以")
    assert not looks_like_headline("本报南京11月22日电(记者黄洪涛)针对以")
    assert not looks_like_headline("本报九江讯记者王五针对以")
    assert not looks_like_headline("本报(记者刘旭)针对以")
    # guards: a headline may open with 本报 when no dateline follows
    assert looks_like_headline("本报通讯员培训班开班")
    assert looks_like_headline("本报举办职工书法展")
    assert looks_like_headline("本报电商直播间开播")


def test_a_figures_box_closing_a_story_above_the_next_headline_is_no_misfiled_headline() -> None:
    text = ("江州就业开局良好\n\n本报记者　温　宁\n\n"
            "记者3月7日获悉，今年1至2月，全市城镇新增就业3.6万人。全市开发见习岗位4200个。\n\n"
            "数读\n\n3.6万人　城镇新增就业\n\n4200个　高校毕业生见习岗位\n\n"
            "江州调整最低工资标准\n本报讯（记者　温　宁）江州市日前发布通知，自4月1日起调整全市最低工资标准。\n")
    page = parse_page(text, "2027-03-09_05.txt")
    assert [i.title for i in page.items][-1] == "江州调整最低工资标准"
    assert page.items[0].paragraphs[-1].replace("\u3000", "").endswith("高校毕业生见习岗位")
    assert conservation(text, page) == []


def test_every_held_out_page_passes_the_strict_check() -> None:
    # `build --strict` fails on any conservation error: on the pages written to judge the loader and the tagger,
    # a false alarm is as much a defect as a lost line (the check runs on the text as the build decodes it)
    tests = Path(__file__).resolve().parent
    files = sorted(p for p in tests.glob("heldout*/**/*.txt") if p.parent.name in ("pages", "check"))
    assert len(files) >= 400
    errors = []
    for path in files:
        page, text = parse_source(path.read_bytes(), path.name, None)
        errors += [str(n) for n in conservation(text, page) if n.level == "error"]
    assert errors == []
