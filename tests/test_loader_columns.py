"""Pages printed in side-by-side columns (pdftotext -layout): loader/columns.py reads them in column order.

Each rule of the module has a small constructed page here (never a held-out page): the gutters found only where many
lines split at one display position with a column of text either side; column 1 read before column 2; a line across
the columns kept in place and cutting them; a headline over two of three columns; a two-cell gap a gutter only at a
column's edge; header and foot lines kept whole; no columns on ordinary pages; the conservation check piece by piece.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from archive_gen.loader import conservation, parse_page
from archive_gen.loader.columns import column_view


def _w(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _row(*cells: tuple[int, str]) -> str:
    """A line with each text at its display position (padded with spaces as pdftotext -layout pads)."""
    out, pos = "", 0
    for x, text in cells:
        out += " " * (x - pos) + text
        pos = x + _w(text)
    return out.rstrip()


def _centred(text: str, lo: int, hi: int) -> tuple[int, str]:
    return lo + (hi - lo - _w(text)) // 2, text


LEFT = ["　　江州市总工会日前启动职工", "技能提升行动，全年计划培训一", "线职工两万人次，覆盖制造、建", "筑、交通等十个行业，培训合格",
        "的职工将获得相应补贴。", "　　市总工会有关负责人说，行", "动将重点支持新就业形态劳动者"]
RIGHT = ["参加培训，帮助他们提升技能。", "", "  乐平职工书屋添新书", "", "　　本报讯　近日，乐平市总工", "会为全市职工书屋配送图书三千",
         "册。"]
X = 36  # column 2 opens at display cell 36 (column 1 is 30 cells wide, the gutter 6)


def _two_column_page() -> str:
    rows = ["第3版　工会新闻", "", _centred("江州启动职工技能提升行动", 0, 66)[1].rjust(0), ""]
    rows[2] = _row(_centred("江州启动职工技能提升行动", 0, 66))
    for left, right in zip(LEFT, RIGHT, strict=True):
        rows.append(_row(*([(0, left)] if left else []), *([(X, right)] if right else [])))
    rows += ["", "本版编辑：汪　洋"]
    return "\n".join(rows) + "\n"


def test_columns_are_read_one_after_the_other() -> None:
    """Column 1 top to bottom, then column 2: the story running on from the foot of column 1 reads on."""
    view = column_view(_two_column_page())
    assert view is not None
    text = view.text.replace(" ", "")
    assert text.index("动将重点支持新就业形态劳动者") < text.index("参加培训，帮助他们提升技能。") < text.index("乐平职工书屋添新书")
    # each line of the rewrite knows the source line it was cut from
    assert view.origin(view.text.split("\n").index("参加培训，帮助他们提升技能。") + 1) == 5


def test_items_of_a_column_page_keep_the_page_line_numbers() -> None:
    page = parse_page(_two_column_page(), "2024-05-09_03.txt")
    titles = [item.title for item in page.items]
    assert titles == ["江州启动职工技能提升行动", "乐平职工书屋添新书"]
    story, brief = page.items
    assert "".join(story.paragraphs).endswith("帮助他们提升技能。")
    assert 5 in story.source_lines and 11 in story.source_lines  # line 5 holds pieces of column 1 and column 2
    assert brief.source_lines[0] == 7 and 11 in brief.source_lines  # …so does line 11: the story's and the brief's
    assert conservation(_two_column_page(), page) == []


def test_a_line_across_the_columns_cuts_them() -> None:
    """A headline over both columns mid-page: the columns above it are read before it, those below after it."""
    rows = [_row((0, "　　上半版第一栏的文字排到这里"), (X, "　　上半版第二栏的文字接着排")) for _ in range(3)]
    rows += [_row((0, "上半版第一栏的文字还在继续排"), (X, "上半版第二栏的文字还在继续排")) for _ in range(2)]
    rows += ["", _row(_centred("宜州村村有了劳动维权联络员", 0, 66)), ""]
    rows += [_row((0, "下半版第一栏的文字排在标题下"), (X, "下半版第二栏的文字也在标题下")) for _ in range(4)]
    view = column_view("\n".join(rows))
    assert view is not None
    order = [line.strip() for line in view.text.split("\n") if line.strip()]
    head = order.index("宜州村村有了劳动维权联络员")
    assert all("上半版" in line for line in order[:head]) and all("下半版" in line for line in order[head + 1:])
    assert order.index("上半版第二栏的文字还在继续排") > order.index("上半版第一栏的文字还在继续排")


def test_a_headline_over_two_of_three_columns() -> None:
    """Column 1 goes on beside a headline over columns 2 and 3: column 1 whole, then the headline, then 2 and 3."""
    a, b, c = 0, 30, 60
    rows = [_row((a, "第一栏的评论文章从这里开始"), _centred("江州微心愿平台上线半年圆梦八千人次", b, 86))]
    for k in range(6):
        rows.append(_row((a, f"第一栏评论的第{k}行文字在此"), (b, f"第二栏新闻的第{k}行文字在此"), (c, f"第三栏新闻的第{k}行文字在此")))
    view = column_view("\n".join(rows))
    assert view is not None
    order = [line.strip() for line in view.text.split("\n") if line.strip()]
    assert order[:7] == ["第一栏的评论文章从这里开始", *(f"第一栏评论的第{k}行文字在此" for k in range(6))]
    assert order[7] == "江州微心愿平台上线半年圆梦八千人次"
    assert order[8:14] == [f"第二栏新闻的第{k}行文字在此" for k in range(6)]


def test_a_two_cell_gap_parts_columns_only_at_a_column_edge() -> None:
    """A column line with a hanging stop leaves a gutter of two cells; a centred kicker's U+3000 over the gutter is
    no gutter: the kicker stays one line."""
    x = 28
    rows = [_row(_centred("聚焦基层　夯实基础", 0, 52))]
    rows[0] = " " * (x - 2 - _w("聚焦基层")) + "聚焦基层　夯实基础"  # its U+3000 right at the gutter
    rows += [_row((0, "　　第一栏文字排满了一行，"), (x, "第二栏的文字排满了一行")) for _ in range(5)]
    view = column_view("\n".join(rows))
    assert view is not None
    lines = [line.strip() for line in view.text.split("\n") if line.strip()]
    assert lines[0] == "聚焦基层　夯实基础"
    assert lines[1:6] == ["第一栏文字排满了一行，"] * 5


def test_header_and_foot_lines_stay_whole() -> None:
    """The 版 line with the date at the right edge and the foot line span the width: one line each, the layout's
    run of spaces read as a word gap."""
    page = _two_column_page().replace("第3版　工会新闻", _row((0, "第3版　工会新闻"), (45, "2024年5月9日　星期四")), 1)
    view = column_view(page)
    assert view is not None
    assert view.text.split("\n")[0] == "第3版　工会新闻　2024年5月9日　星期四"
    parsed = parse_page(page, "2024-05-09_03.txt")
    assert parsed.page_name == "工会新闻" and [f.line for f in parsed.furniture] == [1, 13]
    assert conservation(page, parsed) == []


def test_no_columns_on_ordinary_pages() -> None:
    """A single line with a U+3000 gap, figure box rows, bylines with spaced names and an honours list with padded
    names are no columns: the page is parsed as it is."""
    ordinary = "\n".join([
        "第3版　工会新闻", "", "江州职工技能大赛落幕", "", "本报记者　王　浩　　本报通讯员　李　平", "",
        "　　日前，江州市第五届职工技能大赛落幕，312名职工参加比赛。", "",
        "4200个　　　高校毕业生见习岗位", "职工书屋　　　410家", "困难职工　　　1.2万户", "技能大师工作室　　　36个", "",
        *(f"{name}　　　江州市第{k}建筑公司钢筋工班组长" for k, name in enumerate(["王　浩", "李　平", "张　强", "赵　敏",
                                                                                  "刘　伟", "陈　静", "杨　帆"])),
    ])
    assert column_view(ordinary) is None


def test_a_lost_piece_is_reported() -> None:
    """The check asks each piece of a shared line to be in exactly one place: a piece dropped is reported."""
    text = _two_column_page()
    page = parse_page(text, "2024-05-09_03.txt")
    assert page.columns and conservation(text, page) == []
    dropped = replace(page, columns=tuple(c for c in page.columns if not (c.line == 5 and c.start > 0)))
    assert any(n.line == 5 and n.code == "conservation" for n in conservation(text, dropped))
    stolen = replace(page, columns=tuple(replace(c, item=0) if c.line == 11 and c.item == 1 else c for c in page.columns))
    assert any(n.line == 11 for n in conservation(text, stolen))
