"""The marks an archive export prints around a page's text, set aside before the page is cut into blocks.

Pages do not only come as typeset text: a content system exports them to markdown (``## title``, ``### ——subtitle``,
``**本报记者　name**``), an editing system prints the name of each headline part before it (``引题：`` ``主题：``
``副题：`` ``作者：``), a digest numbers its headlines (``1. title``). None of these marks is headline or byline text;
``export_view`` gives every line with its mark removed (the same number of lines, each in its place), so the
parser reads the page as it would the typeset one. Page furniture is read from the text as printed; the
conservation check knows the same marks (conserve.py) and does not ask for them in the items' fields.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..patterns import lazy_compile
from .bylines import is_byline_line
from .shapes import headline_text

# a markdown heading mark, half- or full-width, and the space after it ("#职工心声#", a hashtag, has none)
_HEADING_MARK = lazy_compile(r"^[ \u3000]*(?:#{1,6}|＃{1,6})[ \u3000]+(?=\S)")
# a whole line in markdown bold: "**本报记者　邝海宁**"
_BOLD_LINE = lazy_compile(r"^[ \u3000]*\*\*(?P<inner>[^*]+)\*\*[ \u3000]*$")
# the name of a headline part printed before it by an editing system, with a colon or in 【】 (``主题：``, ``【标题】``);
# the page must print a title label (主题/标题/正题) for any of these to be read as one
_PART_LABEL = lazy_compile(
    r"^[ \u3000]*(?:(?:引题|肩题|眉题|主题|正题|标题|副题)[：:]|【(?:引题|肩题|眉题|主题|正题|标题|副题)】)[ \u3000]*(?=\S)"
)
_TITLE_LABEL = lazy_compile(r"^[ \u3000]*(?:(?:主题|正题|标题)[：:]|【(?:主题|正题|标题)】)[ \u3000]*\S")
# "作者：本报记者　name": the label of a byline line (only when what follows is a byline line)
_AUTHOR_LABEL = lazy_compile(r"^[ \u3000]*(?:作者[：:]|【作者】)[ \u3000]*(?=\S)")
# an ordinal before a headline: "1. title", "2．title", "3、title"
_ORDINAL = lazy_compile(r"^[ \u3000]*(?P<n>\d{1,2})[.．、][ \u3000]*(?=\S)")
_MIN_NUMBERED = 2  # a numbered run of headlines: 1 and 2 at least


def export_view(text: str) -> str:
    """``text`` with each line's export mark removed (lines keep their number; an unmarked page is returned
    as it is)."""
    lines = text.split("\n")
    labelled = any(_TITLE_LABEL.match(line) for line in lines)
    numbered = _numbered_headlines(lines)
    out: list[str] = []
    changed = False
    for number, line in enumerate(lines, 1):
        new = _HEADING_MARK.sub("", line, count=1)
        bold = _BOLD_LINE.match(new)
        if bold:
            new = bold.group("inner")
        if labelled:
            new = _PART_LABEL.sub("", new, count=1)
        # an 作者： label over a byline line is no part of it on any page: a web e-paper's article view prints one
        # ("作者：本报记者　邹　杰") with no 主题： labels around it
        author = _AUTHOR_LABEL.match(new)
        if author and is_byline_line(new[author.end() :]):
            new = new[author.end() :]
        if number in numbered:
            new = _ORDINAL.sub("", new, count=1)
        changed = changed or new != line
        out.append(new)
    return "\n".join(out) if changed else text


def _numbered_headlines(lines: list[str]) -> set[int]:
    """The lines of a run of numbered headlines: 1, 2, 3… in order, each headline-shaped after its ordinal, each
    after a blank line (or a label line) and followed by text on the next line. A numbered list inside a
    story (``1．保留好…；``) is running text and breaks the run."""
    found: list[tuple[int, int]] = []
    for number, line in enumerate(lines, 1):
        match = _ORDINAL.match(line)
        if not match:
            continue
        rest = line[match.end() :].strip(" \u3000")
        below = lines[number] if number < len(lines) else ""
        if (
            headline_text(rest)
            and below.strip(" \u3000")
            and (number == 1 or not lines[number - 2].strip(" \u3000") or not found)
        ):
            found.append((number, int(match.group("n"))))
    run: list[int] = []
    expected = 1
    for number, ordinal in found:
        if ordinal == expected:
            run.append(number)
            expected += 1
        elif ordinal == 1:  # a second run starts
            run, expected = [number], 2
    return set(run) if len(run) >= _MIN_NUMBERED else set()


# The words the parser knows are typed in simplified characters (本报讯, 记者, 通讯员, 摄…). A page printed in traditional
# characters (a Hong Kong or Macao union paper: 本報訊, 記者, 通訊員, 攝) is read through a view in which the
# traditional forms of those words' characters are simplified, and every field of its items is given back in the
# characters printed. Only when the page prints none of the simplified forms is that exact: each simplified
# character of a field then stands for the traditional one the page printed.
_TRADITIONAL = "報記訊員攝電實習見編輯圖駐約論評讀責華發據轉單題導會聯網綜訪談說問寫連載續專欄聲誤錄啟與為後"
_SIMPLIFIED = "报记讯员摄电实习见编辑图驻约论评读责华发据转单题导会联网综访谈说问写连载续专栏声误录启与为后"
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_TO_PRINTED = str.maketrans(_SIMPLIFIED, _TRADITIONAL)
# this many of the traditional forms on a page, and no simplified one: a traditional page
_MIN_TRADITIONAL = 3
# fields of an item that are not printed text (a file's path may hold any character; a jump's direction is a word of ours)
_NOT_PRINTED = frozenset({"id", "source", "kind", "date", "url", "direction", "item_id"})

# Full-width forms (U+FF01-FF5E) and their ASCII twins mean the same to a reader: a GBK-era page prints ２００６年 and
# Ａ１版, an e-paper or OCR export prints 本报讯(记者…) and Q:. The parser's words and patterns are written in one form
# of each: ASCII for digits, Latin letters and symbols, full width for the brackets and marks of Chinese sentences.
# A page that prints a class only in the other form is read through a view in that form (each character in its
# place), and its items are given back as printed; a page printing both forms of a class is read as it is (the view
# could not be turned back exactly).
_SENTENCE_MARKS = "（）：，；！？"
_WIDTH_CLASSES: tuple[tuple[str, str], ...] = (
    ("0123456789", "".join(chr(ord(c) + 0xFEE0) for c in "0123456789")),
    *(("".join(chr(c) for c in range(start, start + 26)), "".join(chr(c + 0xFEE0) for c in range(start, start + 26)))
      for start in (0x41, 0x61)),
    ("()", "（）"),
    *((chr(c), chr(c + 0xFEE0)) for c in range(0x21, 0x7F)
      if not chr(c).isalnum() and chr(c) not in "()" and chr(c) not in "\"'"),
)


def width_view(text: str) -> tuple[str, dict[int, int]]:
    """``(view, back)``: the text with each class of characters it prints only in the form the parser does not read
    turned into the form it reads (each character in its place), and the table that turns the view's characters
    back (empty for a page printed in the parser's forms)."""
    printed = set(text)
    folds: dict[int, int] = {}
    back: dict[int, int] = {}
    for ascii_class, full_class in _WIDTH_CLASSES:
        read, other = (full_class, ascii_class) if full_class[0] in _SENTENCE_MARKS else (ascii_class, full_class)
        if printed.isdisjoint(read) and not printed.isdisjoint(other):
            for mine, theirs in zip(read, other, strict=True):
                folds[ord(theirs)] = ord(mine)
                back[ord(mine)] = ord(theirs)
    return (text.translate(folds), back) if folds else (text, back)


def traditional_view(text: str) -> tuple[str, bool]:
    """``(view, traditional)``: for a page printed in traditional characters, the text with the traditional forms
    of the parser's words simplified (each character in its place) and True; any other page as it is."""
    if sum(text.count(ch) for ch in _TRADITIONAL) < _MIN_TRADITIONAL or any(ch in text for ch in _SIMPLIFIED):
        return text, False
    return text.translate(_TO_SIMPLIFIED), True


def as_printed(value: Any, back: dict[int, int] = _TO_PRINTED) -> Any:
    """``value`` (an item, or any of its parts) with the characters of a page's view given back as printed: the
    simplified characters of a traditional page's view (the default), or ``back`` from ``width_view``."""
    if isinstance(value, str):
        return value.translate(back)
    if isinstance(value, tuple):
        return tuple(as_printed(v, back) for v in value)
    if isinstance(value, list):
        return [as_printed(v, back) for v in value]
    if isinstance(value, dict):
        return {as_printed(k, back): as_printed(v, back) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: as_printed(getattr(value, f.name), back)
            for f in dataclasses.fields(value)
            if f.init and f.name not in _NOT_PRINTED
        }
        return dataclasses.replace(value, **changes)
    return value
