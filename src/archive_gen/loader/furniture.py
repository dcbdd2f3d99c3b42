"""Page furniture: the 版 line ("第03版：要闻", "3版 要闻", "■第2版 新闻"), a masthead ("工人日报　2023年
10月17日　星期二　第1版") and editor credits ("本版编辑：许静"). They belong to no item; the page keeps them.

Pure: blocks in, (furniture, the other blocks, notices) out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Notice, PageLine
from .blocks import Block

_GAP = r"[ \u3000\t]"
_CN_NUMBER = "一二三四五六七八九十"
_PAGE = (rf"(?:第{_GAP}*)?(?P<number>[A-Da-d]?\d{{1,2}}|[{_CN_NUMBER}]{{1,3}}){_GAP}*版"
         rf"(?:{_GAP}*[:：·]?{_GAP}*(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff·・]{{0,9}}))?")
_PAGE_LINE = re.compile(rf"^[■□◆●]?{_GAP}*{_PAGE}$")
_MASTHEAD = re.compile(
    rf"^(?P<paper>[\u4e00-\u9fff]{{2,10}}报){_GAP}*"
    rf"(?P<year>(?:19|20)\d{{2}})年(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日{_GAP}*"
    rf"(?:星期[一二三四五六日天]|周[一二三四五六日天])?{_GAP}*(?:{_PAGE})?$")
_EDITOR = re.compile(
    rf"^(?:本版|责任)(?:责任)?编辑{_GAP}*[:：]?{_GAP}*[\u4e00-\u9fff·{_GAP[1:-1]}]{{2,12}}"
    rf"(?:{_GAP}+(?:美编|美术编辑|校对|版式设计|图片编辑|实习编辑){_GAP}*[:：]?{_GAP}*[\u4e00-\u9fff·{_GAP[1:-1]}]{{2,12}})*$")


@dataclass(frozen=True)
class Furniture:
    """What the page's own furniture says about it."""

    lines: tuple[PageLine, ...] = ()
    page: int | None = None  # 版 number printed on the page (None when absent or contradictory)
    page_name: str | None = None
    date: str | None = None  # from a masthead line ("2023年10月17日"), ISO


def _number(text: str) -> int | None:
    digits = re.sub(r"^[A-Da-d]", "", text)
    if digits.isdigit():
        value = int(digits)
    else:
        tens, _, ones = text.partition("十")
        if "十" not in text:
            value = _CN_NUMBER.index(text) + 1 if len(text) == 1 else 0
        else:
            value = (_CN_NUMBER.index(tens) + 1 if tens else 1) * 10 + (_CN_NUMBER.index(ones) + 1 if ones else 0)
    return value if 0 < value < 1000 else None


def _read(text: str) -> tuple[str, int | None, str | None, str | None] | None:
    """(kind, page number, page name, ISO date) of a furniture line, or None for any other line."""
    compact = text.strip(" \u3000\t")
    if len(compact) > 40:
        return None
    match = _PAGE_LINE.match(compact)
    if match:
        return "page", _number(match.group("number")), match.group("name"), None
    match = _MASTHEAD.match(compact)
    if match:
        try:
            day = dt.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        except ValueError:
            return None
        number = _number(match.group("number")) if match.group("number") else None
        return "masthead", number, match.group("name"), day.isoformat()
    if _EDITOR.match(compact):
        return "editor", None, None, None
    return None


def take_furniture(blocks: list[Block], source: str) -> tuple[Furniture, list[Block], list[Notice]]:
    """Lift furniture lines out of the page's blocks.

    A furniture line must be a block of its own (a 版 line run into a paragraph is text). Two 版 lines
    that disagree (several pages in one file) leave the page number unset, with a notice.
    """
    kept: list[Block] = []
    lines: list[PageLine] = []
    numbers: list[tuple[int, int]] = []
    names: list[str] = []
    dates: list[str] = []
    for block in blocks:
        found = _read(block.text) if len(block.lines) == 1 else None
        if found is None:
            kept.append(block)
            continue
        kind, number, name, date = found
        lines.append(PageLine(block.first_line, block.parts[0], kind))  # type: ignore[arg-type]
        if number is not None:
            numbers.append((number, block.first_line))
        if name:
            names.append(name)
        if date:
            dates.append(date)
    notices: list[Notice] = []
    page = None
    distinct = sorted({n for n, _ in numbers})
    if len(distinct) == 1:
        page = distinct[0]
    elif distinct:
        where = ", ".join(f"第{n}版 (line {line})" for n, line in numbers)
        notices.append(Notice(source, numbers[0][1], "page-line",
                              f"the page carries different page numbers: {where}; none was kept"))
    name = names[0] if len(set(names)) == 1 else None
    if len(set(names)) > 1:
        notices.append(Notice(source, lines[0].line, "page-line",
                              f"the page carries different page names ({', '.join(dict.fromkeys(names))}); none was kept"))
    date = dates[0] if len(set(dates)) == 1 else None
    return Furniture(tuple(lines), page, name, date), kept, notices
