"""Blocks -> items: joins column-broken paragraphs, finds headline groups, bodies, credits and jump markers,
and puts orphan blocks back with the story they continue.

The stages, in order: classify blocks into units, join split paragraphs, cut the page into item drafts,
re-attach orphans, then turn each draft into an ``Item``. Everything is pure; jieba (through the
tagger's private Segmenter) is consulted only for the few short blocks whose join is ambiguous.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..model import Byline, Continuation, Crosshead, Item, Notice
from .blocks import Block, ends_open, is_closed
from .bylines import Lead, credit_byline, is_byline_line, parse_byline_line, split_credit, split_lead

_MARKER = re.compile(r"[(（][ \u3000]*(?P<dir>下转|上接|转|接)(?:第|至|自)?[ \u3000]*(?P<page>\d{1,3}|[一二三四五六七八九十]{1,3})"
                     r"[ \u3000]*版[^()（）]{0,6}[)）]")
_TIP_LABELS = ("阅读提示", "核心提示", "内容提要", "导读", "提要")
_TRAILER = re.compile(r"^[(（](?:作者|原载|来源|摘自|转载|本文|编者|注)[^\n]*[)）]$")
_DECORATION = set("—–-_=~*·•□■◆◇○●★☆#＝－…")
_SENTENCE_STOPS = re.compile(r"[。！？!?]")
_COMMA_INSIDE = re.compile(r"[,，、；;]")
# single characters that do not end a headline but often end the first half of a split sentence
_FUNCTION_ENDINGS = set("以的了在和与对将把被从向为及并而是有其之于由使让给就都也又还更要")
_OPENING_MARKS = "“「『《(（【‘\"'"
_MAX_HEADLINE_CHARS = 60
_MAX_CROSSHEAD_CHARS = 30
_CAPTION_MAX_PARAGRAPHS = 4
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@functools.cache
def _segmenter_spans() -> Callable[[str], list[tuple[str, int, int]]]:
    """The tagger's private jieba tokenizer, built once on first need (it takes about a second)."""
    from ..tagging.segmenter import Segmenter

    return Segmenter().spans


# ---------------------------------------------------------------------------------------------
# units: classified blocks


@dataclass
class _Unit:
    """A working record for one block (or several joined blocks) while the page is parsed."""

    kind: str  # text, byline, credit, marker, tiplabel, trailer, decor
    blocks: list[Block]
    text: str
    marker_from: Continuation | None = None
    marker_to: Continuation | None = None
    credit: str | None = None  # a photo credit glued to the end of the text
    tip: str | None = None  # a 阅读提示 box found inside a split paragraph
    tip_lines: tuple[int, ...] = ()
    joined: bool = False
    # memo of the shape tests below; set on first use (a unit's text no longer changes by then)
    _lead: Lead | bool | None = field(default=False, repr=False)
    _shape: bool | None = field(default=None, repr=False)

    @property
    def lead(self) -> Lead | None:
        if self._lead is False:
            self._lead = split_lead(self.text) if self.kind == "text" else None
        return self._lead  # type: ignore[return-value]

    @property
    def lines(self) -> list[int]:
        return [n for b in self.blocks for n in b.lines]

    @property
    def blank_before(self) -> int:
        return self.blocks[0].blank_before

    @property
    def first_line(self) -> int:
        return self.blocks[0].first_line


def _continuation(match: re.Match[str], line: int) -> Continuation:
    digits = match.group("page")
    page = int(digits) if digits.isdigit() else _cn_number(digits)
    direction = "to" if match.group("dir") in ("下转", "转") else "from"
    return Continuation(direction, page, match.group(0), line)


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text, 0)


def classify(blocks: list[Block]) -> list[_Unit]:
    """Give each block a kind and lift inline jump markers and glued photo credits out of its text."""
    units: list[_Unit] = []
    for block in blocks:
        text = block.text
        compact = text.replace(" ", "").replace("\u3000", "")
        if all(ch in _DECORATION for ch in compact):
            units.append(_Unit("decor", [block], text))
            continue
        whole = _MARKER.fullmatch(compact)
        if whole:
            unit = _Unit("marker", [block], text)
            cont = _continuation(whole, block.first_line)
            unit.marker_to, unit.marker_from = (cont, None) if cont.direction == "to" else (None, cont)
            units.append(unit)
            continue
        if compact.rstrip(":：") in _TIP_LABELS:
            units.append(_Unit("tiplabel", [block], text))
            continue
        if _TRAILER.match(text):
            units.append(_Unit("trailer", [block], text))
            continue
        if is_byline_line(text):
            units.append(_Unit("byline", [block], text))
            continue
        credit = split_credit(text)
        if credit is not None and not credit[0]:
            units.append(_Unit("credit", [block], text, credit=credit[1]))
            continue
        unit = _Unit("text", [block], text)
        _lift_markers(unit)
        if credit is not None and unit.text.endswith(credit[1]):
            unit.text = credit[0]
            unit.credit = credit[1]
        units.append(unit)
    return units


def _lift_markers(unit: _Unit) -> None:
    text = unit.text
    start = _MARKER.match(text)
    if start and start.group("dir") in ("上接", "接"):
        unit.marker_from = _continuation(start, unit.blocks[0].lines[0])
        text = text[start.end():].lstrip(" \u3000")
    found = list(_MARKER.finditer(text))
    end = found[-1] if found else None
    if end and end.end() == len(text.rstrip(" \u3000")) and end.group("dir") in ("下转", "转"):
        unit.marker_to = _continuation(end, unit.blocks[-1].lines[-1])
        text = text[: end.start()].rstrip(" \u3000")
    unit.text = text


# ---------------------------------------------------------------------------------------------
# shapes


def _sentencey(text: str) -> bool:
    """Running text: a sentence stop inside, or too long for any headline."""
    return bool(_SENTENCE_STOPS.search(text[:-1])) or len(text) > _MAX_HEADLINE_CHARS


def _headline_shaped(unit: _Unit) -> bool:
    if unit._shape is None:
        unit._shape = _compute_headline_shaped(unit)
    return unit._shape


def _compute_headline_shaped(unit: _Unit) -> bool:
    if unit.kind != "text" or unit.joined or unit.credit or unit.marker_from or unit.marker_to:
        return False
    text = unit.text
    if not text or _sentencey(text) or ends_open(text):
        return False
    if is_closed(text):
        # titles may end with ? or ! (and a quoted crosshead with its closing quote)
        return len(text) <= _MAX_CROSSHEAD_CHARS and (text[-1] in "?？!！”’」』" or text.endswith("……"))
    return unit.lead is None


def _plain_text(unit: _Unit) -> bool:
    """Text with nothing lifted out of it (usable as a 阅读提示 box)."""
    return unit.kind == "text" and not (unit.credit or unit.marker_to or unit.marker_from)


def _body_like(unit: _Unit) -> bool:
    return unit.kind == "text" and (not _headline_shaped(unit) or ends_open(unit.text))


# ---------------------------------------------------------------------------------------------
# joining column-broken paragraphs


def join_splits(units: list[_Unit]) -> list[_Unit]:
    """Merge a block that ends mid-sentence with the body block that continues it (no separator).

    A 阅读提示 box printed between the two halves is lifted out as the tip of the joined paragraph.
    """
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        i += 1
        while unit.kind == "text" and not unit.marker_to and not unit.credit and i < len(units):
            tip: list[_Unit] = []
            j = i
            if units[j].kind == "tiplabel" and j + 1 < len(units) and _plain_text(units[j + 1]):
                tip = units[j: j + 2]
                j += 2
            if j >= len(units) or not _should_join(unit, units[j], out, tip):
                break
            nxt = units[j]
            unit = _Unit("text", unit.blocks + nxt.blocks, unit.text + nxt.text, unit.marker_from,
                         nxt.marker_to, nxt.credit, unit.tip, unit.tip_lines, True)
            if tip:
                unit.tip = tip[1].text
                unit.tip_lines = tuple(n for t in tip for n in t.lines)
            i = j + 1
        out.append(unit)
    return out


def _should_join(first: _Unit, second: _Unit, before: list[_Unit], tip: list[_Unit]) -> bool:
    text = first.text
    if second.kind != "text" or not text or is_closed(text) or text.endswith("——") or second.marker_from:
        return False
    if second.lead is not None or not _body_like(second):
        return False
    if ends_open(text) or _sentencey(text) or first.lead is not None or first.joined:
        return True
    return _join_score(first, second, before, tip) >= 2


def _join_score(first: _Unit, second: _Unit, before: list[_Unit], tip: list[_Unit]) -> int:
    """Evidence that a short unpunctuated block is half of a split sentence rather than a (cross)heading."""
    text, nxt = first.text, second.text
    score = 0
    commas = len(_COMMA_INSIDE.findall(_strip_quoted(text)))
    if commas:
        # headings rarely hold commas; a long comma-bearing line after a paragraph is running text
        score += 2 if commas >= 2 or len(text) >= 12 else 1
    if text[-1] in _FUNCTION_ENDINGS:
        score += 1
    if nxt[:1] in _OPENING_MARKS:
        score -= 2
    if second.blank_before >= 2 and not tip:
        score -= 2  # an image slot, not a column break
    prev = before[-1] if before else None
    prev_body = prev is not None and prev.kind == "text" and not _headline_shaped(prev)
    if prev is not None and _headline_shaped(prev):
        earlier = before[-2] if len(before) >= 2 else None
        if earlier is not None and earlier.kind == "text" and not _headline_shaped(earlier):
            score += 2  # two crossheads in a row are unlikely: this one is the start of a split sentence
        else:
            score -= 2  # it follows a headline: it is part of the headline group
    elif not prev_body:
        score -= 2
    if tip:
        score += 2  # a tip box is dropped into running text, not between a heading and its body
    if _word_spans(text, nxt):
        score += 2
    return score


def _strip_quoted(text: str) -> str:
    return re.sub(r"“[^”]*”|「[^」]*」|《[^》]*》", "", text)


def _word_spans(left: str, right: str) -> bool:
    """True when jieba reads a word across the join ("针对以" + "上问题" -> "以上")."""
    tail, head = left[-6:], right[:6]
    if not tail or not head:
        return False
    cut = len(tail)
    return any(start < cut < end for _word, start, end in _segmenter_spans()(tail + head))


# ---------------------------------------------------------------------------------------------
# drafts: items being assembled


@dataclass
class _Draft:
    headlines: list[_Unit] = field(default_factory=list)  # headline-shaped units, in print order
    bylines: list[_Unit] = field(default_factory=list)
    paragraphs: list[_Unit] = field(default_factory=list)
    crossheads: list[tuple[_Unit, int]] = field(default_factory=list)
    fragments: list[_Unit] = field(default_factory=list)  # orphan paragraphs stitched in
    tip: _Unit | None = None
    tip_lines: list[int] = field(default_factory=list)
    credit: _Unit | None = None  # standalone credit line
    credit_text: str | None = None
    trailers: list[_Unit] = field(default_factory=list)
    decor: list[int] = field(default_factory=list)
    marker_units: list[_Unit] = field(default_factory=list)
    continued_to: Continuation | None = None
    continued_from: Continuation | None = None
    finished: bool = False  # a credit, trailer or rule closed it: later body blocks are orphans
    orphan: bool = False  # started by a body block with no headline

    def lines(self) -> list[int]:
        units = self.headlines + self.bylines + self.paragraphs + self.trailers + self.marker_units
        units += [u for u, _ in self.crossheads]
        if self.credit:
            units.append(self.credit)
        out = [n for u in units for n in u.lines] + self.decor + self.tip_lines
        out += [n for u in self.paragraphs for n in u.tip_lines]
        return out

    def body_text(self) -> str:
        return "".join(u.text for u in self.paragraphs)

    def headline_text(self) -> str:
        return "".join(u.text for u in self.headlines)


def _photo_ahead(units: list[_Unit], start: int) -> bool:
    """True when a photo credit closes the next few body blocks (the heading is a photo title)."""
    for seen in range(len(units) - start):  # indexing, not a slice: a copy per headline is quadratic
        unit = units[start + seen]
        if unit.kind == "credit":
            return seen > 0
        if unit.kind != "text" or _headline_shaped(unit):
            return False
        if unit.credit:
            return True
        if unit.lead is not None or seen >= _CAPTION_MAX_PARAGRAPHS:
            return False
    return False


def segment(units: list[_Unit]) -> list[_Draft]:
    """Cut the unit stream into item drafts in page order."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.kind in ("byline", "tiplabel") or _headline_shaped(unit):
            j = i
            group: list[_Unit] = []
            while j < len(units):
                u = units[j]
                if u.kind == "byline" or _headline_shaped(u):
                    group.append(u)
                    j += 1
                elif u.kind == "tiplabel" and j + 1 < len(units) and _plain_text(units[j + 1]):
                    group.extend(units[j: j + 2])
                    j += 2
                else:
                    break
            if not group:  # a tip label with no text after it: a bare label, kept with the item
                if current is None:
                    current = _Draft(orphan=True)
                    drafts.append(current)
                current.decor.extend(unit.lines)
                i += 1
                continue
            nxt = units[j] if j < len(units) else None
            if _is_crosshead(group, nxt, current, units, j):
                assert current is not None
                current.crossheads.append((group[0], len(current.paragraphs)))
                i = j
                continue
            for draft in _drafts_from_group(group, units[j: j + _STACK_LOOKAHEAD]):
                drafts.append(draft)
            current = drafts[-1]
            i = j
            continue
        if unit.kind == "text":
            # "(上接第1版)" opens a story's second half; the headline reprinted above it stays with it
            reprinted = unit.marker_from is not None and current is not None and current.headlines \
                and not (current.paragraphs or current.crossheads or current.finished
                         or current.continued_from)
            if (unit.marker_from and not reprinted) or current is None or current.finished or \
                    (unit.lead is not None and (current.paragraphs or current.crossheads)):
                reclaimed = _reclaim_headline(current) if unit.lead is not None and current is not None else []
                current = _Draft(orphan=not unit.marker_from and unit.lead is None and not reclaimed,
                                 headlines=reclaimed)
                drafts.append(current)
            if unit.marker_from and current.continued_from is None:
                current.continued_from = unit.marker_from
            current.paragraphs.append(unit)
            if unit.marker_to:
                current.continued_to = unit.marker_to
            if unit.credit:
                current.credit_text = unit.credit
                current.finished = True
        elif unit.kind == "credit":
            if current is None:
                current = _Draft(orphan=True)
                drafts.append(current)
            if current.credit is None and current.credit_text is None:
                current.credit, current.credit_text = unit, unit.credit
            else:
                current.paragraphs.append(unit)  # a second credit line: keep its text as body
            current.finished = True
        elif unit.kind == "marker":
            if unit.marker_from:
                current = _Draft(continued_from=unit.marker_from)
                drafts.append(current)
                current.marker_units.append(unit)
            else:
                if current is None:
                    current = _Draft(orphan=True)
                    drafts.append(current)
                current.marker_units.append(unit)
                current.continued_to = unit.marker_to
        elif unit.kind == "trailer":
            if current is None:
                current = _Draft(orphan=True)
                drafts.append(current)
            current.trailers.append(unit)
            current.finished = True
        elif unit.kind == "decor":
            if current is None:
                current = _Draft(orphan=True)
                drafts.append(current)
            current.decor.extend(unit.lines)
            current.finished = True
        i += 1
    _unheaded_last_line(drafts)
    return drafts


def _unheaded_last_line(drafts: list[_Draft]) -> None:
    """A page that ends on a sentence-like line with no full stop (a file cut short, or a paragraph whose
    end is on the next page without a marker) is not a headline with no story under it: the line is the
    last paragraph of the story above."""
    if len(drafts) < 2:
        return
    last, previous = drafts[-1], drafts[-2]
    if last.paragraphs or last.bylines or last.crossheads or last.credit or last.trailers or last.tip \
            or last.marker_units or len(last.headlines) != 1:
        return
    line = last.headlines[0]
    if previous.finished or not previous.paragraphs or line.blank_before >= 2:
        return
    if _COMMA_INSIDE.search(line.text) and len(line.text) >= 16:
        drafts.pop()
        previous.paragraphs.append(line)


_RECLAIM_MAX_CHARS = 30


def _reclaim_headline(previous: _Draft) -> list[_Unit]:
    """The headline of a story whose lead follows another story's text directly, taken back from the end
    of that story: a lead always opens a story, and a headline printed right above it was misread.

    Taken back: a crosshead that ends the previous story (with at most one short line after it), or,
    when that story has no such crosshead, a last short paragraph shaped like a title ending in ！ or
    ？ (titles may carry a comma: “工会兄弟，谢谢你们！”). Stories with no headline at all keep theirs.
    """
    if previous.finished or not previous.paragraphs or (not previous.headlines and not previous.crossheads):
        return []
    count = len(previous.paragraphs)
    tail = previous.paragraphs[-1]
    short_tail = (len(tail.text) <= _RECLAIM_MAX_CHARS and len(tail.blocks) == 1 and tail.lead is None
                  and not (tail.credit or tail.marker_to or tail.marker_from or tail.joined or tail.tip))
    if previous.crossheads:
        head, before = previous.crossheads[-1]
        if before == count and count > 0:
            previous.crossheads.pop()
            return [head]
        if before == count - 1 and short_tail and count > 1:
            previous.crossheads.pop()
            previous.paragraphs.pop()
            return [head, tail]
    if short_tail and count > 1 and tail.text[-1:] in "！？!?" and not _SENTENCE_STOPS.search(tail.text[:-1]):
        previous.paragraphs.pop()
        return [tail]
    return []


def _is_crosshead(group: list[_Unit], nxt: _Unit | None, current: _Draft | None, units: list[_Unit],
                  after: int) -> bool:
    if current is None or current.finished or not current.paragraphs or len(group) != 1:
        return False
    head = group[0]
    if head.kind != "text" or len(head.text) > _MAX_CROSSHEAD_CHARS or nxt is None or nxt.kind != "text":
        return False
    if nxt.marker_from or nxt.lead is not None or _headline_shaped(nxt):
        return False
    if head.blank_before >= 2 or nxt.blank_before >= 2:
        return False  # gaps around a heading mark an image slot: a new (photo) item
    return not _photo_ahead(units, after)


def _drafts_from_group(group: list[_Unit], rest: list[_Unit]) -> list[_Draft]:
    """One draft per headline group, or two when a headline with no body sits on top of another."""
    heads = [u for u in group if u.kind == "text" and _headline_shaped(u) and not _is_tip_text(group, u)]
    split = _stacked_split(heads, rest)
    drafts: list[_Draft] = []
    if split:
        drafts.append(_Draft(headlines=heads[:split]))
        group = [u for u in group if u not in heads[:split]]
    draft = _Draft()
    k = 0
    while k < len(group):
        u = group[k]
        if u.kind == "byline":
            draft.bylines.append(u)
        elif u.kind == "tiplabel":
            draft.tip = group[k + 1]
            draft.tip_lines.extend(u.lines + group[k + 1].lines)
            k += 1
        else:
            draft.headlines.append(u)
        k += 1
    drafts.append(draft)
    return drafts


def _is_tip_text(group: list[_Unit], unit: _Unit) -> bool:
    index = group.index(unit)
    return index > 0 and group[index - 1].kind == "tiplabel"


_SUBTITLE_DASHES = ("——", "─", "--", "－－")
_STACK_BODY_CHARS = 400
_STACK_LOOKAHEAD = 6  # body blocks read after a headline group to decide a stacked split


def _stacked_split(heads: list[_Unit], rest: list[_Unit]) -> int:
    """How many leading headline lines belong to a story whose body is not under them (0: none).

    Evidence: the following body repeats the words of the later headline lines but none of the
    earlier ones (001: 天津… / 单位可定制… stand above 全国机械冶金… and its lead).
    """
    texts = [u.text for u in heads if not _banner_shaped(u.text)]
    if len(texts) < 2 or any(t.endswith("——") for t in texts):
        return 0
    body_units: list[_Unit] = []
    for unit in rest[:_STACK_LOOKAHEAD]:
        if unit.kind != "text" or _headline_shaped(unit):
            break
        body_units.append(unit)
    body = "".join(u.text for u in body_units)[:_STACK_BODY_CHARS]  # the opening repeats the title's words
    if not body:
        return 0
    grams = _bigrams(body)
    scores = [_share(_bigrams(t), grams) for t in texts]
    for cut in range(1, len(texts)):
        if texts[cut].startswith(_SUBTITLE_DASHES):
            continue  # "——记…" is the 副题 of the line above it: never the start of another story
        if max(scores[:cut]) < 0.2 and min(scores[cut:]) >= 0.45 and len(texts) - cut <= 2:
            lines_cut = texts[cut - 1]
            return next(k for k, u in enumerate(heads) if u.text == lines_cut) + 1
    return 0


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\u3400-\u9fff0-9A-Za-z]", "", unicodedata.normalize("NFKC", text))
    return {text[k: k + 2] for k in range(len(text) - 1)}


def _share(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


# ---------------------------------------------------------------------------------------------
# headline roles


_SLOGAN_PART = re.compile(r"[\u3400-\u9fff]{2,7}")


def _banner_shaped(text: str) -> bool:
    """Section banners: 工运走笔, 最美职工, 奋斗百年路 启航新征程, 抗疫情促发展 工会在行动."""
    if re.fullmatch(r"[\u3400-\u9fff]{2,5}", text):
        return True
    parts = re.split(r"[ \u3000]+", text)
    return len(parts) >= 2 and all(_SLOGAN_PART.fullmatch(p) for p in parts) and len(text) <= 24


_COLON_TITLE = re.compile(r"^[^,，:：]{1,10}[:：]")


@dataclass(frozen=True)
class _Roles:
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    columns: tuple[str, ...] = ()


def assign_roles(lines: list[str]) -> _Roles:
    """Kicker / title / subtitle / banners of one headline group, by shape and position."""
    if not lines:
        return _Roles()
    if len(lines) == 1:
        return _Roles(title=lines[0])
    plain = [k for k, t in enumerate(lines) if not _banner_shaped(t)]
    if not plain:
        return _Roles(title=lines[0], columns=tuple(lines[1:]))
    title_at: int | None = None
    kicker_at: int | None = None
    dashed = [k for k in plain if lines[k].endswith("——")]
    if dashed:
        kicker_at = dashed[0]
        title_at = next((k for k in plain if k > kicker_at and not lines[k].endswith("——")), None)
        if title_at is None:
            title_at, kicker_at = kicker_at, None
    else:
        colon = [k for k in plain if _COLON_TITLE.match(lines[k])]
        if colon and colon[0] > 0:
            title_at = colon[0]
        elif len(plain) >= 2:
            first, second = lines[plain[0]], lines[plain[1]]
            kicker_like = len(first) >= 20 and len(first) > 1.5 * len(second)
            title_at = plain[1] if kicker_like else plain[0]
            if kicker_like:
                kicker_at = plain[0]
        else:
            title_at = plain[0]
        if kicker_at is None and title_at > 0:
            before = title_at - 1
            if (not (_banner_shaped(lines[before]) and len(lines[before]) <= 5) and before in plain) or \
                    len(re.split(r"[ \u3000]+", lines[before])) >= 3:
                kicker_at = before
    subtitle_at = next((k for k in plain if k > title_at and k != kicker_at), None)
    used = {title_at, kicker_at, subtitle_at}
    columns = tuple(t for k, t in enumerate(lines) if k not in used)
    return _Roles(lines[kicker_at] if kicker_at is not None else None, lines[title_at],
                  lines[subtitle_at] if subtitle_at is not None else None, columns)


# ---------------------------------------------------------------------------------------------
# orphans


def attach_orphans(drafts: list[_Draft], notices: list[Notice], source: str) -> list[_Draft]:
    """Give orphan blocks back to the story they continue; unmatched ones stay as fragments."""
    _move_jumped_tails(drafts, notices, source)
    if not any(d.orphan and d.paragraphs and not d.headlines for d in drafts):
        return drafts
    weights = _idf([d.headline_text() + d.body_text() for d in drafts])
    kept: list[_Draft] = []
    for position, draft in enumerate(drafts):
        if not draft.orphan or not draft.paragraphs or draft.headlines or draft.credit_text:
            kept.append(draft)
            continue
        owner = _best_owner(draft, [d for d in _nearby(drafts, position) if d.headlines and not d.orphan], weights)
        if owner is None:
            kept.append(draft)
            notices.append(Notice(source, draft.paragraphs[0].first_line, "orphan-block",
                                  "body text with no headline and no matching story on the page; kept as a fragment"))
            continue
        owner.fragments.extend(draft.paragraphs)
        owner.continued_to = owner.continued_to or draft.continued_to
        owner.marker_units.extend(draft.marker_units)
        owner.decor.extend(draft.decor)
        owner.trailers.extend(draft.trailers)
    return kept


def _best_owner(orphan: _Draft, candidates: list[_Draft], weights: dict[str, float]) -> _Draft | None:
    """The story an orphan body continues: its headline words recur in the orphan, or its body shares
    the orphan's vocabulary; a headline still waiting for a body is the likeliest owner."""
    text = orphan.body_text()
    best: tuple[float, int] | None = None
    for index, cand in enumerate(candidates):
        if cand.credit_text:
            continue  # photos do not continue elsewhere
        score = max(_similarity(cand.headline_text(), text, weights),
                    _similarity(text, cand.headline_text() + cand.body_text(), weights))
        if not cand.paragraphs:
            score *= 1.5
        if cand.continued_to and orphan.continued_to:
            score *= 0.5  # it already jumps elsewhere
        if best is None or score > best[0]:
            best = (score, index)
    if best is None or best[0] < _OWNER_MIN_SCORE:
        return None
    return candidates[best[1]]


_OWNER_MIN_SCORE = 0.15
# A printed page holds a few dozen stories. Matching compares stories pairwise, so on a file of
# thousands of stories (many pages joined into one) orphans look only at stories near them and
# jumped tails are not matched at all: the file still loads in linear time and loses nothing.
_NEIGHBOURHOOD = 60
_PAGE_STORIES_MAX = 2 * _NEIGHBOURHOOD


def _nearby(drafts: list[_Draft], position: int) -> list[_Draft]:
    return drafts[max(0, position - _NEIGHBOURHOOD): position + _NEIGHBOURHOOD + 1]
_FOREIGN_TAIL_MAX = 0.05  # a tail sharing less than this with its host's own text is foreign to it
_TAIL_OWNER_MIN = 0.08


def _move_jumped_tails(drafts: list[_Draft], notices: list[Notice], source: str) -> None:
    """A story's tail printed under another story: the host's last blocks end with a jump marker, share
    almost nothing with the host's own text, and read on from a story that has no jump marker.

    Jumps are far more common for bylined features than for 本报讯 dispatches, so owners without a
    run-in lead count double.
    """
    if len(drafts) > _PAGE_STORIES_MAX:
        notices.append(Notice(source, None, "many-stories",
                              f"{len(drafts)} stories in one file (several pages joined?): story tails after "
                              "jump markers were not matched"))
        return
    for host in drafts:
        marker = host.continued_to
        if marker is None or len(host.paragraphs) < 3 or host.paragraphs[-1].marker_to is not marker:
            continue
        owners = [d for d in drafts if d is not host and d.headlines and not d.continued_to and not d.credit_text]
        if not owners:
            continue
        owner_grams = [_bigrams(d.headline_text() + d.body_text()) for d in owners]
        para_grams = [_bigrams(u.text) for u in host.paragraphs]
        weights = _idf_sets([_bigrams(host.headline_text()).union(*para_grams[:2]),
                             set().union(*para_grams[2:]), *owner_grams])
        for cut in range(2, len(host.paragraphs)):
            tail = set().union(*para_grams[cut:])
            head = _bigrams(host.headline_text()).union(*para_grams[:cut])
            own = _weighted_share(tail, head, weights)
            if own > _FOREIGN_TAIL_MAX:
                continue
            scored = []
            for k, (other, grams) in enumerate(zip(owners, owner_grams, strict=True)):
                theirs = _weighted_share(tail, grams, weights)
                if other.paragraphs and other.paragraphs[0].lead is None:
                    theirs *= 2
                scored.append((theirs, -k))
            theirs, neg_k = max(scored)
            if theirs >= _TAIL_OWNER_MIN and theirs >= 3 * own:
                _hand_over(host, cut, owners[-neg_k], marker, notices, source)
                break


def _hand_over(host: _Draft, cut: int, owner: _Draft, marker: Continuation, notices: list[Notice],
               source: str) -> None:
    tail_units = host.paragraphs[cut:]
    host.paragraphs = host.paragraphs[:cut]
    host.continued_to = None
    owner.fragments.extend(tail_units)
    owner.continued_to = marker
    notices.append(Notice(source, tail_units[0].first_line, "moved-tail",
                          f"lines {tail_units[0].first_line}-{tail_units[-1].lines[-1]} continue "
                          f"“{_short(owner)}” (jump marker and shared vocabulary)"))


def _short(draft: _Draft) -> str:
    return (draft.headlines[0].text if draft.headlines else draft.body_text())[:20]


def _idf(texts: list[str]) -> dict[str, float]:
    return _idf_sets([_bigrams(t) for t in texts])


def _idf_sets(sets: list[set[str]]) -> dict[str, float]:
    """Inverse document frequency of bigrams over the stories of one page."""
    df: dict[str, int] = {}
    for grams in sets:
        for gram in grams:
            df[gram] = df.get(gram, 0) + 1
    n = max(len(sets), 1)
    logs = [0.0] + [math.log((n + 1) / c) for c in range(1, n + 1)]
    return {g: logs[c] for g, c in df.items()}


def _similarity(part: str, whole: str, weights: dict[str, float]) -> float:
    return _weighted_share(_bigrams(part), _bigrams(whole), weights)


def _weighted_share(grams: set[str], other: set[str], weights: dict[str, float]) -> float:
    """Weighted share of ``grams`` that also occur in ``other``."""
    if not grams:
        return 0.0
    total = sum(weights.get(g, 1.0) for g in grams)
    return sum(weights.get(g, 1.0) for g in grams & other) / total if total else 0.0


# ---------------------------------------------------------------------------------------------
# drafts -> items


def build_item(draft: _Draft, source: str, index: int, notices: list[Notice]) -> Item:
    """Turn a finished draft into an Item (ids are filled in later, once all items are known)."""
    roles = assign_roles([u.text for u in draft.headlines])
    paragraphs = list(draft.paragraphs) + list(draft.fragments)
    texts = [u.text for u in paragraphs]
    lead: Lead | None = None
    if texts and draft.paragraphs:
        lead = split_lead(texts[0])
        if lead is not None:
            texts[0] = lead.rest
    byline = Byline()
    raw_parts: list[str] = []
    for unit in draft.bylines:
        byline = _merge(byline, parse_byline_line(unit.text))
        raw_parts.append(unit.text)
    if lead is not None and (lead.credit_text or not raw_parts):
        byline = _merge(byline, lead.byline)
        raw_parts.insert(0, lead.text)
    credit = draft.credit_text
    if credit:
        byline = _merge(byline, credit_byline(credit))
        if not raw_parts:
            raw_parts.append(credit)
    texts, crossheads = _dedupe(texts, paragraphs, draft, notices, source)
    for unit in paragraphs + draft.marker_units:
        for marker in (unit.marker_to, unit.marker_from):
            if marker is not None and marker is not draft.continued_to and marker is not draft.continued_from:
                notices.append(Notice(source, marker.line, "extra-jump-marker",
                                      f"a second jump marker {marker.marker} in one item was not kept"))
    tip = draft.tip.text if draft.tip else next((u.tip for u in paragraphs if u.tip), None)
    kind = _kind(draft, lead, byline, texts)
    lines = sorted(set(draft.lines() + [n for u in draft.fragments for n in u.lines]))
    return Item(
        id="", source=source, index=index, kind=kind,
        kicker=roles.kicker, title=roles.title, subtitle=roles.subtitle,
        column=roles.columns[0] if roles.columns else None, column_extra=roles.columns[1:],
        byline=byline, byline_raw=" ".join(raw_parts) or None,
        lead=lead.text if lead else None, dateline=lead.dateline if lead else None,
        paragraphs=tuple(t for t in texts if t), crossheads=crossheads,
        reading_tip=tip, credit=credit,
        trailer=tuple(u.text for u in draft.trailers),
        continued_to=draft.continued_to, continued_from=draft.continued_from,
        fragment_lines=tuple(sorted(n for u in draft.fragments for n in u.lines)),
        source_lines=tuple(lines),
    )


def _merge(a: Byline, b: Byline) -> Byline:
    def join(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
        return x + tuple(n for n in y if n not in x)

    return Byline(join(a.reporters, b.reporters), join(a.correspondents, b.correspondents),
                  join(a.photographers, b.photographers), join(a.authors, b.authors),
                  join(a.interns, b.interns))


def _dedupe(texts: list[str], units: list[_Unit], draft: _Draft, notices: list[Notice],
            source: str) -> tuple[list[str], tuple[Crosshead, ...]]:
    """Drop a paragraph printed twice (reported); report a paragraph that repeats its own text."""
    kept: list[str] = []
    seen: dict[str, int] = {}
    new_index: list[int] = []  # old paragraph index -> kept index (for crosshead positions)
    for k, (text, unit) in enumerate(zip(texts, units, strict=True)):
        new_index.append(len(kept))
        key = re.sub(r"\s+", "", text)
        if key and key in seen and k > 0:
            for line in unit.lines:
                notices.append(Notice(source, line, "duplicate-paragraph",
                                      f"paragraph repeats lines {seen[key]}; the copy was dropped"))
            continue
        seen.setdefault(key, unit.first_line)
        half = len(key) // 2
        if len(key) >= 40 and len(key) % 2 == 0 and key[:half] == key[half:]:
            notices.append(Notice(source, unit.first_line, "repeated-text",
                                  "the paragraph holds the same passage twice (kept as printed)"))
        kept.append(text)
    new_index.append(len(kept))
    crossheads = tuple(Crosshead(u.text, new_index[min(before, len(new_index) - 1)], u.first_line)
                       for u, before in draft.crossheads)
    return kept, crossheads


def _kind(draft: _Draft, lead: Lead | None, byline: Byline, texts: list[str]) -> str:
    if not draft.headlines and draft.orphan:
        return "fragment"
    if draft.credit_text and lead is None and len(texts) <= _CAPTION_MAX_PARAGRAPHS:
        return "photo"
    if byline.authors or any("作者" in u.text for u in draft.trailers):
        return "commentary"
    if draft.headlines and lead is not None and len(texts) == 1 and len(texts[0]) < 150:
        return "brief"
    return "article"


# ---------------------------------------------------------------------------------------------
# ids


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


_ID_OPENING_CHARS = 32


def item_id(source_name: str, title: str | None, body: str) -> str:
    """12 hex chars of sha1 over the page's source name and the item's normalised title, or for an
    untitled item its opening words: an id (and the article's URL) survives every edit of the body
    below its first line; when it does change, the build redirects the old URL (docs/site.md)."""
    identity = _norm(title) if _norm(title) else "\x1e" + _norm(body)[:_ID_OPENING_CHARS]
    return hashlib.sha1(f"v2\x1f{source_name}\x1f{identity}".encode("utf-8", "surrogateescape")).hexdigest()[:12]


def legacy_item_id(source_stem: str, title: str | None, body: str) -> str:
    """The id archive-gen gave before version 0.2 (title and opening text): known so that its URLs,
    already published, redirect to the item's current page."""
    payload = "\x1f".join((source_stem, _norm(title), _norm(body)[:64]))
    return hashlib.sha1(payload.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def assign_ids(items: list[Item], source_name: str, taken: set[str] | None = None) -> list[Item]:
    """Stable ids; a collision is resolved by rehashing with a counter, in page order."""
    used = taken if taken is not None else set()
    # counters below the last one given to a base are all taken (``used`` only grows), so a page that
    # repeats one story thousands of times resumes there instead of rehashing from 1 every time
    last_counter: dict[str, int] = {}
    out: list[Item] = []
    for item in items:
        base = item_id(source_name, item.title, item.body_text)
        counter = last_counter.get(base, 1)
        ident = base if counter == 1 else _rehash(base, counter)
        while ident in used:
            counter += 1
            ident = _rehash(base, counter)
        last_counter[base] = counter
        used.add(ident)
        out.append(replace(item, id=ident))
    return out


def _rehash(base: str, counter: int) -> str:
    return hashlib.sha1(f"{base}#{counter}".encode()).hexdigest()[:12]
