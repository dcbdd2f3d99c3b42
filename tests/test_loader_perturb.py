"""Whitespace-only variants of pages the loader reads (tests/heldout/perturb.py): the same page with its blank lines
doubled, CRLF line ends, trailing spaces or a BOM must read as the page does."""

from __future__ import annotations

import sys
from pathlib import Path

from loader_pages import page

sys.path.insert(0, str(Path(__file__).resolve().parent / "heldout"))

STORY = ("车间里的“点子大王”", "■本报记者 张  峰",
         "走进西岭钢铁公司炼钢厂，说起维修工周文斌，工友们都竖起大拇指。",
         "工作20多年来，周文斌先后提出合理化建议300多条，完成技术革新40多项。",
         "“干一行就要钻一行”",
         "周文斌的办公桌上，放着厚厚一摞笔记本，里面记满了设备故障的处理办法。",
         "2021年，以周文斌名字命名的劳模创新工作室成立，他带着徒弟攻克难题。")


def _doubled(*blocks: str) -> tuple[str, ...]:
    # page() joins blocks with one blank line; a block ending in a line end adds a second
    return tuple(b + "\n" for b in blocks)


def test_a_crosshead_stays_inside_its_story_when_every_blank_line_is_doubled() -> None:
    # a page whose every gap is two blank lines means by two what other pages mean by one: the crosshead between
    # paragraphs is no item break
    plain = page(*STORY)
    doubled = page(*_doubled(*STORY))
    assert [(i.title, len(i.paragraphs)) for i in plain.items] == [("车间里的“点子大王”", 4)]
    assert [(i.title, len(i.paragraphs)) for i in doubled.items] == [(i.title, len(i.paragraphs)) for i in plain.items]


def test_a_wider_gap_on_a_double_spaced_page_still_parts_items() -> None:
    # guard: on a double-spaced page a run of four blank lines is still wider than the page's gap, and on a page whose
    # paragraphs follow each other with no blank line (indents) a run of two keeps its meaning
    from archive_gen.loader.blocks import split_blocks

    blocks = split_blocks("标题一\n\n\n本报讯　正文一。\n\n\n\n\n标题二\n\n\n本报讯　正文二。\n")
    assert [b.blank_before for b in blocks] == [0, 1, 2, 1]
    indented = split_blocks("标题一\n　　正文一。\n　　正文二。\n\n\n标题二\n　　正文三。\n")
    assert [b.blank_before for b in indented] == [0, 0, 0, 2, 0]


def test_variants_of_held_out_sets_score_as_the_pages_do() -> None:
    # a cheap regression net over a few sets: blank lines doubled and CRLF line ends score as the pages do
    import perturb

    names = ["heldout", "seeds"]
    base, _ = perturb.run_variant(names, None)
    for variant in ("blank2", "crlf"):
        got, _ = perturb.run_variant(names, variant)
        assert got == base, variant


def test_four_space_indents_on_narrow_column_pages_score_as_the_pages_do() -> None:
    # fresh25 (a PDF's narrow column, hard-wrapped; some pages indent with two spaces, some with two U+3000): its
    # U+3000 indents retyped as four spaces take the same room of the column (title F1 fell 1.0 -> 0.818 before)
    import perturb

    base, _ = perturb.run_variant(["fresh25"], None)
    got, _ = perturb.run_variant(["fresh25"], "ideo2sp")
    assert got == base


def test_an_unindented_salutation_over_indented_text_is_a_paragraph_of_its_own() -> None:
    # a document's addressees at the margin ("各区总工会，区直各工会：") with its indented text on the next line and no
    # blank line between: the indent starts the next paragraph (as a blank line would)
    parsed = page("西岭区总工会关于开展夏季送清凉活动的通知",
                  "各街镇总工会，区直各工会：\n　　为切实维护高温作业职工的身体健康，区总工会决定开展夏季送清凉活动。",
                  "西岭区总工会\n2010年7月15日")
    assert parsed.items[0].paragraphs[0] == "各街镇总工会，区直各工会："


def test_a_salutation_running_on_at_the_margin_still_joins() -> None:
    # guard: with no blank line and no indent, the next line at the margin is the salutation's column-break tail
    parsed = page("西岭区总工会关于开展夏季送清凉活动的通知",
                  "各街镇总工会，区直各工会：\n为切实维护高温作业职工的身体健康，区总工会决定开展夏季送清凉活动。")
    assert parsed.items[0].paragraphs[0].startswith("各街镇总工会，区直各工会：为切实")


TABLE_STORY = ("全市职工互助保障参保人数突破30万", "本报讯（记者　林　岚）记者从市总工会获悉，今年一季度全市职工互助保障参保人数达30.2万人，同比增长6.1%。",
               "今年，市总工会将新就业形态劳动者纳入互助保障范围，参保费用由工会经费补贴一半。",
               "一季度部分区县职工互助保障情况\n区县  参保人数（万人）  同比增长\n东城区  6.2  6.3%\n西城区  5.5  5.1%\n"
               "南湖区  4.9  4.8%\n北湖区  3.1  2.2%\n高新区  2.8  9.6%",
               "记者手记",
               "采访中，不少职工说，互助保障花钱不多，关键时候真管用，希望工会把这件好事办得更实更好。")


def test_a_double_spaced_page_with_a_table_reads_as_the_page_does() -> None:
    # many lines standing close (a table's rows, a poem's lines) are no sign that the page parts paragraphs with no
    # blank line: where two paragraphs of running text meet, this page leaves two blank lines, so two mean one
    plain = page(*TABLE_STORY)
    doubled = page(*_doubled(*TABLE_STORY))
    assert [i.title for i in plain.items] == ["全市职工互助保障参保人数突破30万"]
    assert [(i.title, len(i.paragraphs)) for i in doubled.items] == [(i.title, len(i.paragraphs)) for i in plain.items]


def test_an_indented_page_with_a_table_keeps_two_blank_lines_as_an_item_break() -> None:
    # guard: where running paragraphs follow each other with no blank line (indents), a run of two blank lines is the
    # item break the page prints, however many table rows stand close elsewhere on it
    from archive_gen.loader.blocks import split_blocks

    text = ("标题一\n　　" + TABLE_STORY[1] + "\n　　" + TABLE_STORY[2] + "\n区县  参保人数\n东城区  6.2\n西城区  5.5\n"
            "南湖区  4.9\n北湖区  3.1\n\n\n标题二\n　　" + TABLE_STORY[5] + "\n")
    assert [b.blank_before for b in split_blocks(text)][-2:] == [2, 0]


def test_pages_printed_in_the_other_width_score_as_the_pages_do() -> None:
    # the sets that dropped most when their marks were printed in the other width (fresh49: ２００６年 dates under signers,
    # fresh7: Ａ１　要闻 and Ｑ：, fresh48: honours lists headed 奖状(2个), fresh28: a web copy's ０６：５０ clock)
    import perturb

    names = ["fresh7", "fresh28", "fresh48", "fresh49"]
    base, _ = perturb.run_variant(names, None)
    assert base and all(result["title_f1"] == 1.0 for result in base.values()), base
    for variant in ("halfwidth", "fullwidth"):
        got, skipped = perturb.run_variant(names, variant)
        assert got == base, variant
        assert len(skipped) < 4, skipped  # the variant changed (nearly) every page
