"""A hard-wrapped page's paragraph indent counts as the room it took in the wrap, whatever characters print it (issue
14, ``ideo2sp``): two U+3000 retyped as four ASCII spaces leave the page's width, headlines and paragraphs as they were,
and a page whose own indent fits its width (two spaces, two U+3000) is measured by its characters as before."""

from __future__ import annotations

from archive_gen.loader.blocks import IndentMeasure, indent_measure
from loader_pages import page

IDEO = "\u3000\u3000"


def _wrapped(text: str, width: int, indent: str) -> str:
    # a PDF viewer's copy: the first line gives two characters of the column to the indent, the rest fill it
    lines, rest = [indent + text[: width - 2]], text[width - 2:]
    while rest:
        lines.append(rest[:width])
        rest = rest[width:]
    return "\n".join(lines)


def _narrow_page(indent: str, width: int = 14) -> tuple[str, ...]:
    # headlines broken at the column too (larger type, a few characters short of it), each over a byline
    return ("千名职工走上技能比武赛\n场争当行家里手", "本报记者　柳　翔",
            _wrapped("在湖北宜昌，一家化工企业把比武办到了装置旁。仪表班长刘志强带着徒弟们比排障速度、比操作规范，"
                     "半年来全班排除隐患近百处。", width, indent) + "\n"
            + _wrapped("“比的是本领，长的是志气。”刘志强说，今年班里已有6名年轻人考取了技师证书。", width, indent),
            "全省新增高技能人才三万\n余人", "本报通讯员　王　林",
            _wrapped("记者从省人力资源和社会保障厅获悉，一季度全省新增高技能人才3.2万人，职业技能培训补贴惠及职工"
                     "二十余万人次。", width, indent) + "\n"
            + _wrapped("省人社厅有关负责人介绍，各地正加快推行企业新型学徒制，让技能人才成长通道更加宽广。", width, indent))


def _read(*blocks: str) -> list[tuple[str | None, int]]:
    return [(i.title, len(i.paragraphs)) for i in page(*blocks).items]


def test_four_space_indents_on_a_narrow_column_read_as_two_u3000_ones() -> None:
    # before: the indented lines ran two past the column, so the page read as wrapped at 16 and its two-line headlines
    # lost their tails
    plain = _read(*_narrow_page(IDEO))
    assert plain == [("千名职工走上技能比武赛场争当行家里手", 2), ("全省新增高技能人才三万余人", 2)]
    assert _read(*_narrow_page("    ")) == plain
    measure = indent_measure("\n\n".join(_narrow_page("    ")).split("\n"))
    assert measure == IndentMeasure((("    ", 2),))
    assert measure("    在湖北宜昌，一家化工企业") == 14


def test_an_indent_that_fits_its_width_counts_as_its_characters() -> None:
    # guard: a page typing its indent as two spaces (fresh25's own pages) or two U+3000 is measured as before
    assert _read(*_narrow_page("  ")) == _read(*_narrow_page(IDEO))
    for indent in ("  ", IDEO):
        assert indent_measure("\n\n".join(_narrow_page(indent)).split("\n")) == IndentMeasure()


def test_no_recount_without_a_width_or_a_common_overrun() -> None:
    # guard: a page of long unwrapped paragraphs has no width to overrun; a run whose lines overrun the width only now
    # and then (a closing mark kept on the line, half-width digits) is no retyped indent
    unwrapped = ["标题", "    本报讯　一家化工企业把比武办到了装置旁，仪表班长带着徒弟们比排障速度。",
                 "    “比的是本领，长的是志气。”他说，今年班里已有6名年轻人考取了技师证书，明年还要多。"]
    assert indent_measure(unwrapped) == IndentMeasure()
    now_and_then = ["业把比武办到了装置旁。仪表", "班长刘志强带着徒弟们比排障", "速度、比操作规范，半年来全",
                    IDEO + "一家化工企业把比武办到", IDEO + "今年班里已有名年轻人考", IDEO + "去年11月上线以来，这个"]
    assert indent_measure(now_and_then) == IndentMeasure()
