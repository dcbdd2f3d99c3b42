"""The conservation check: nothing printed on a page may vanish or be misfiled between the text and the records.

Every non-blank source line must be listed by exactly one item (``source_lines``), be page furniture
(``Page.furniture``: 版 lines, mastheads, editor credits) or be named by a notice, and the non-whitespace
text of each item's lines must be found in that item's fields. A headline misread as body text keeps
its characters, so it is checked for on its own: a bare headline-like line filed as the last paragraph
of an item, right above another item's first line, is reported (the shape test here is deliberately
independent of the parser's).

A page printed in side-by-side columns (``Page.columns``) was read in column order, so one of its lines may hold
pieces of two items: there each piece must be in exactly one place (the pieces part the line's characters, no
character in two pieces or in none) and its text in the fields of the item that took it, and every item listing the
line must hold one of its pieces.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Item, Notice, Page
from ..patterns import lazy_compile

_SPACE = lazy_compile(r"\s+")
# structural labels and rules carry no content of their own
_LABELS = ("阅读提示", "核心提示", "核心阅读", "内容提要", "导读", "提要", "导语")
# a tip box's label run in before its text ("阅读提示　…", "【核心提示】…"): the label is kept in no field
_TIP_LABEL = lazy_compile(rf"^【?(?:{'|'.join(_LABELS)})】?[：:]?")
_DECORATION = set("—–-_=~*·•□■◆◇○●★☆▲△▶►#＝－…:：─━＊※")
_BULLETS = "●■◆★☆□◇▲▶►"
_MIN_PIECE = 2
_MAX_PIECES = 8
# a headline as printed: short, no punctuation inside, not ending a sentence; a bracketed note may end it
_NOTE = lazy_compile(r"[(（][^()（）]{1,12}[)）]$")
_PUNCTUATION = set("。！？!?，,、；;：:…”’」』》")
_HEADLINE_MAX = 40
_VERSE_MAX = 20  # the verse rule's short line (units._VERSE_MAX_CHARS)
_SENTENCE_STOP = lazy_compile(r"[。！？!?]")
# "4200个　高校毕业生见习岗位", "职工书屋　410家": a row of a figures box (数读, 数说, 数据), a figure with its unit set
# apart from its label by a gap, either side; a headline never opens or ends with a bare figure after a gap
_FIGURE_ROW = lazy_compile(r"^[\d.,，．%％]+[^\s\d]{0,3}[ \u3000]+\S|^\S.*[ \u3000]+[\d.,，．%％]+[^\s\d]{0,3}$")
# the marks an archive export prints around headlines and bylines (## and ＃ headings, **bold**, 主题：/作者: labels,
# 1. ordinals): set aside by the parser (exports.py), so they are looked for in no field
_EXPORT_MARK = lazy_compile(
    r"^(?:[#＃]{1,6}|\*\*|(?:引题|肩题|眉题|主题|正题|标题|副题|作者)[：:]|【(?:引题|肩题|眉题|主题|正题|标题|副题|作者)】"
    r"|\d{1,2}[.．、])|\*\*$"
)
# a story's opening dateline ("本报讯(记者…)", "本报南京11月22日电", "本报九江讯　…", "本报(记者…)"): a body line
# however short, never a headline (a headline may open with 本报 — "本报通讯员培训班开班" — but not with a dateline)
_DATELINE = lazy_compile(r"^本报(?:讯|[(（]|[\u3400-\u9fff]{1,6}讯(?=[\s\u3000(（]|记者|通讯员)"
                         r"|[^\s，。(（]{0,8}?[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日[电讯])")


def _item_blob(item: Item) -> str:
    fields: list[str] = [item.kicker or "", item.title or "", item.subtitle or "", item.column or "",
                         *item.column_extra, item.byline_raw or "", item.lead or "", *item.paragraphs,
                         *(c.text for c in item.crossheads), item.reading_tip or "", item.credit or "",
                         *item.trailer, *(c.text for c in item.captions)]
    for cont in (item.continued_to, item.continued_from):
        if cont is not None:
            fields.append(cont.marker)
    return "\x00".join(_SPACE.sub("", f) for f in fields)


def _covered(line: str, blob: str) -> bool:
    """True when the line can be cut into a few pieces that all occur in the item's fields."""
    pieces = 0
    rest = line
    while rest:
        if pieces >= _MAX_PIECES:
            return False
        low, high = 0, len(rest)
        while low < high:  # longest prefix of ``rest`` found in the blob (substring-ness is monotone)
            mid = (low + high + 1) // 2
            if rest[:mid] in blob:
                low = mid
            else:
                high = mid - 1
        if low == 0 and rest[0] in ":：【】〖〗[]［］〔〕":
            # the colon a digest item's headline is glued to its text by (units._COLON_RUN_IN), the lenticular brackets
            # a story's headline is printed in at the head of its text (units._BRACKET_RUN_IN_TITLE)
            rest = rest[1:]
            continue
        if low == 0 or (low < _MIN_PIECE < len(rest) and rest[0] not in _PUNCTUATION):
            # one character alone is found almost anywhere: only a stop or comma may stand as a piece (a hard
            # break that left a paragraph's 。 at the head of the next line, before its sign-off: "。（李　平）")
            return False
        rest = rest[low:]
        pieces += 1
    return True


def looks_like_headline(text: str) -> bool:
    """A printed headline line: short, some Chinese, no punctuation, a bracketed note allowed at the end, not a
    figures box's row, not a story's opening dateline ("本报讯(记者郑莉 郝赫)针对以": a lead cut off mid-sentence)."""
    if _FIGURE_ROW.match(text.strip()) or _DATELINE.match(text.strip()):
        return False
    compact = _SPACE.sub("", text)
    compact = _NOTE.sub("", compact) if _NOTE.search(compact) and not _NOTE.fullmatch(compact) else compact
    han = sum(1 for ch in compact if "\u3400" <= ch <= "\u9fff")
    return han >= 4 and len(compact) <= _HEADLINE_MAX and not any(ch in _PUNCTUATION for ch in compact) \
        and compact[-1:] not in ")）摄"  # a photo credit ends in 摄


def _misfiled_headlines(lines: list[str], page: Page) -> list[Notice]:
    """Headline-like lines filed as the last paragraph of an item right above another item's first line."""
    starts = {min(item.source_lines): k for k, item in enumerate(page.items) if item.source_lines}
    problems: list[Notice] = []
    for k, item in enumerate(page.items):
        if not item.paragraphs or not item.source_lines:
            continue
        last = _SPACE.sub("", item.paragraphs[-1])
        if not looks_like_headline(last) or last in _item_blob(replace(item, paragraphs=())):
            continue  # the same text printed as a byline or heading of the item is not the paragraph's line
        for number in item.source_lines:
            if _SPACE.sub("", lines[number - 1]) != last:
                continue
            if _last_verse(lines, item, number) or _last_of_list(item) or _FIGURE_ROW.match(lines[number - 1].strip()):
                continue
            after = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), None)
            repeated = [n for n in (number - 1, after) if n and _SPACE.sub("", lines[n - 1]) == last]
            if repeated:
                continue  # a line printed twice (above it, or as the next line): a copy, not a misread headline
            if after is not None and starts.get(after, k) != k:
                problems.append(Notice(page.source, number, "conservation",
                                       "a headline-like line is filed as the last paragraph of the item above "
                                       f"the next item's first line (line {after}): a headline read as body?",
                                       "error"))
    return problems


def _last_of_list(item: Item) -> bool:
    """The last entry of a list of units or names: every paragraph of the item looks like a headline (two
    or more), so the line is one of a list, not a headline misfiled under the story above."""
    return len(item.paragraphs) >= 2 and all(looks_like_headline(_SPACE.sub("", p)) for p in item.paragraphs)


def _last_verse(lines: list[str], item: Item, number: int) -> bool:
    """The last line of a stanza: on a page with blank lines between blocks, the line above it is printed
    right over it and is the item's paragraph before, headline-like too (a verse of a poem)."""
    if len(item.paragraphs) < 2 or number < 2:
        return False
    if not lines[number - 2].strip():
        # a poem printed one verse to a stanza (a blank line after every verse): three or more short lines, none a
        # sentence, the item's whole body
        return len(item.paragraphs) >= 3 and all(
            len(_SPACE.sub("", p)) <= _VERSE_MAX and not _SENTENCE_STOP.search(_SPACE.sub("", p)[:-1])
            for p in item.paragraphs)
    above = _SPACE.sub("", lines[number - 2])
    # the verse rule reads poems on pages that part their blocks with blank lines (a one-stanza poem has
    # none inside its own lines)
    blanks = any(not line.strip() for line in lines)
    # a verse is a short line with no sentence inside (commas allowed: "蹲点，只有起点，没有终点")
    verse = len(above) <= _VERSE_MAX and not _SENTENCE_STOP.search(above[:-1])
    return blanks and above == _SPACE.sub("", item.paragraphs[-2]) and verse


def conservation(text: str, page: Page) -> list[Notice]:
    """Problems found (empty when every line is accounted for); each problem names its line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    owners: dict[int, list[int]] = {}
    for index, item in enumerate(page.items):
        for number in item.source_lines:
            owners.setdefault(number, []).append(index)
    furniture = {f.line: f.text for f in page.furniture}
    noticed = {n.line for n in page.notices if n.line}
    if any(n.level == "error" and n.line is None for n in page.notices) and not page.items:
        return []  # the page as a whole was refused, with a reason
    problems: list[Notice] = []
    blobs: dict[int, str] = {}
    columned = _columns(lines, page, owners, furniture, noticed, blobs, problems)
    for number, raw in enumerate(lines, 1):
        compact = _SPACE.sub("", raw).replace("\ufeff", "").replace("\x00", "")
        if not compact or number in columned:
            continue
        holders = owners.get(number, [])
        if number in furniture:
            if holders:
                problems.append(Notice(page.source, number, "conservation",
                                       f"page furniture line is also claimed by items {holders}", "error"))
            elif _SPACE.sub("", furniture[number]) != compact:
                problems.append(Notice(page.source, number, "conservation",
                                       "page furniture does not hold this line's text", "error"))
            continue
        if len(holders) > 1:
            problems.append(Notice(page.source, number, "conservation",
                                   f"line is claimed by items {holders}", "error"))
            continue
        if not holders:
            if number not in noticed:
                problems.append(Notice(page.source, number, "conservation",
                                       "line is in no item and no notice", "error"))
            continue
        # (a label printed with its colon, "导语：", is the same label: units.py reads it so)
        if number in noticed or compact.rstrip(":：") in _LABELS or all(ch in _DECORATION for ch in compact):
            continue
        index = holders[0]
        if index not in blobs:
            blobs[index] = _item_blob(page.items[index])
        # a bullet before a run-in title ("●宁夏举办职工篮球赛　…") is decoration, kept in no field
        if not _covered(compact, blobs[index]) and not _covered(compact.lstrip(_BULLETS), blobs[index]) \
                and not _covered(_EXPORT_MARK.sub("", compact), blobs[index]) \
                and not _covered(_TIP_LABEL.sub("", compact), blobs[index]):
            problems.append(Notice(page.source, number, "conservation",
                                   "text of this line is missing from its item's fields", "error"))
    return problems + _misfiled_headlines(lines, page)


def _columns(lines: list[str], page: Page, owners: dict[int, list[int]], furniture: dict[int, str],
             noticed: set[int], blobs: dict[int, str], problems: list[Notice]) -> set[int]:
    """Check the lines of a page read in column order piece by piece; the numbers of the lines so checked."""
    pieces: dict[int, list[tuple[int, int, int]]] = {}
    for cell in page.columns:
        if cell.end > cell.start:
            pieces.setdefault(cell.line, []).append((cell.start, cell.end, cell.item))
    for number, held in sorted(pieces.items()):
        raw = lines[number - 1] if number <= len(lines) else ""
        seen = [0] * len(raw)
        for start, end, _ in held:
            for k in range(start, min(end, len(raw))):
                seen[k] += 1
        lost = [k for k, ch in enumerate(raw) if not ch.isspace() and seen[k] != 1]
        if lost:
            problems.append(Notice(page.source, number, "conservation", "the column pieces of this line leave out "
                                   f"or repeat characters (at {lost[0] + 1})", "error"))
            continue
        took: set[int] = set()
        for start, end, index in held:
            compact = _SPACE.sub("", raw[start:end])
            if not compact:
                continue
            if index == -2:
                if compact not in _SPACE.sub("", furniture.get(number, "")):
                    problems.append(Notice(page.source, number, "conservation",
                                           "page furniture does not hold this piece of the line", "error"))
                continue
            if index < 0 or index >= len(page.items):
                if number not in noticed:
                    problems.append(Notice(page.source, number, "conservation",
                                           "a piece of this line is in no item and no notice", "error"))
                continue
            took.add(index)
            if index not in blobs:
                blobs[index] = _item_blob(page.items[index])
            if number in noticed or all(ch in _DECORATION for ch in compact):
                continue
            if not _covered(compact, blobs[index]) and not _covered(compact.lstrip(_BULLETS), blobs[index]):
                problems.append(Notice(page.source, number, "conservation",
                                       f"text of a piece of this line is missing from item {index}'s fields", "error"))
        idle = sorted(set(owners.get(number, [])) - took)
        if idle:
            problems.append(Notice(page.source, number, "conservation",
                                   f"line is listed by items {idle}, which hold none of its pieces", "error"))
    return set(pieces)
