"""The conservation check: nothing printed on a page may vanish between the text and the records.

Every non-blank source line must be listed by exactly one item (``source_lines``) or be named by a
notice, and the non-whitespace text of each item's lines must be found in that item's fields.
"""

from __future__ import annotations

import re

from ..model import Item, Notice, Page

_SPACE = re.compile(r"\s+")
# structural labels and rules carry no content of their own
_LABELS = ("阅读提示", "核心提示", "内容提要", "导读", "提要")
_DECORATION = set("—–-_=~*·•□■◆◇○●★☆#＝－…:：")
_MIN_PIECE = 2
_MAX_PIECES = 8


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
        if low == 0 or (low < _MIN_PIECE < len(rest)):
            return False
        rest = rest[low:]
        pieces += 1
    return True


def conservation(text: str, page: Page) -> list[Notice]:
    """Problems found (empty when every line is accounted for); each problem names its line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    owners: dict[int, list[int]] = {}
    for index, item in enumerate(page.items):
        for number in item.source_lines:
            owners.setdefault(number, []).append(index)
    noticed = {n.line for n in page.notices if n.line}
    if any(n.level == "error" and n.line is None for n in page.notices) and not page.items:
        return []  # the page as a whole was refused, with a reason
    problems: list[Notice] = []
    blobs: dict[int, str] = {}
    for number, raw in enumerate(lines, 1):
        compact = _SPACE.sub("", raw).replace("\ufeff", "").replace("\x00", "")
        if not compact:
            continue
        holders = owners.get(number, [])
        if len(holders) > 1:
            problems.append(Notice(page.source, number, "conservation",
                                   f"line is claimed by items {holders}", "error"))
            continue
        if not holders:
            if number not in noticed:
                problems.append(Notice(page.source, number, "conservation",
                                       "line is in no item and no notice", "error"))
            continue
        if number in noticed or compact in _LABELS or all(ch in _DECORATION for ch in compact):
            continue
        index = holders[0]
        if index not in blobs:
            blobs[index] = _item_blob(page.items[index])
        if not _covered(compact, blobs[index]):
            problems.append(Notice(page.source, number, "conservation",
                                   "text of this line is missing from its item's fields", "error"))
    return problems
