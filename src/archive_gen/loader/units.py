"""Blocks -> units: each block gets a kind (text, byline, credit, jump marker, 阅读提示 label, trailer, rule),
jump markers and glued photo credits are lifted out of text, and column-broken paragraphs are re-joined.

Pure; jieba (through the tagger's private Segmenter) is consulted only for the few short blocks whose
join is ambiguous and for the first word of a block that may start mid-sentence.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Continuation
from ..patterns import lazy_compile
from ..tagging.segmenter import Segmenter
from . import shapes
from .blocks import Block, ends_open, is_closed
from .bylines import (
    COMPOUND_SURNAMES,
    Lead,
    is_byline_line,
    is_person_name,
    label_pair,
    marked_signature,
    signature,
    split_credit,
    split_lead,
    split_signoff,
)

# a lettered page ("下转A4版") continues on that page's number, the letter naming the section
MARKER = lazy_compile(r"[(（][ \u3000]*(?P<dir>下转|上接|紧接|转|接)[ \u3000]*(?:第|至|自)?[ \u3000]*[A-Da-d]?"
                    r"(?P<page>\d{1,3}|[一二三四五六七八九十]{1,3})"
                    r"[ \u3000]*版[^()（）]{0,6}[)）]")
# a marker alone on its line with no brackets, after a typographic mark: "■上接第1版", "▲下转第3版"
_BARE_MARKER = lazy_compile(r"[■□◆●▲►▶]?(?P<dir>下转|上接|紧接|转|接)(?:第|至|自)?[A-Da-d]?"
                          r"(?P<page>\d{1,3}|[一二三四五六七八九十]{1,3})版")
# a brief whose title runs in before its text after a bullet, parted by a wide gap
_RUN_IN_TITLE = lazy_compile(r"[▲●■◆★☆□◇▶►][ \u3000]*(?P<title>[^\s，,。！？!?；;：:]{4,30})(?:\u3000|[ \u3000]{2,})(?P<rest>\S.*)")
# the same with no bullet: a title, a wide gap and a lead ("职工书画展开展　本报讯　3月9日，…"): the lead after the gap
# marks the run-in as surely as a bullet does (``_lead_run_in``)
_BARE_RUN_IN_TITLE = lazy_compile(r"[ \u3000]*(?P<title>[^\s，,。！？!?；;：:]{4,30})(?:\u3000|[ \u3000]{2,})(?P<rest>\S.*)")
# a story whose headline is printed in lenticular brackets at the head of its first paragraph, with no headline line
# ("【江州港开通职工通勤专线】本报讯（记者…）…", "【女职工休息室挂牌】7月13日，…"): five characters or more inside (a
# paragraph's lead-in "【扩面】…" and the labels 【案情】, 【说法】, 【核心提示】 are shorter), a headline's shape, and a
# story's text after it (``_bracket_run_in``); 〖〗, square brackets ［］ (read as [] once a page's full-width ASCII is
# folded) and tortoise-shell brackets 〔〕 are the same class, each pair closed by its own kind (a document number
# "〔2015〕12号" is under five characters)
_BRACKET_RUN_IN_TITLE = lazy_compile(r"[ \u3000]*(?P<open>[【〖\[〔])(?P<title>[^【】〖〗\[\]〔〕\s，,。！？!?；;：:]{5,30})"
                                     r"(?P<close>[】〗\]〕])[ \u3000]*(?P<rest>\S.*)")
_BRACKET_PAIRS = ("【】", "〖〗", "[]", "〔〕")
# a bulleted brief whose title is parted from its text by ONE space (a PDF copy's: "■江北区总工会送清凉 9月16日，…"):
# trusted only in a run of such lines (``_bare_run_in_items``), never alone
_SPACED_RUN_IN_TITLE = lazy_compile(r"[▲●■◆★☆□◇▶►][ \u3000]*(?P<title>[^\s，,。！？!?；;：:]{4,30}) (?P<rest>\S.*)")
# (导语: a 深读/特别报道 piece's summary box under its headline, as 阅读提示 is)
TIP_LABELS = ("阅读提示", "核心提示", "核心阅读", "内容提要", "导读", "提要", "导语")
# a tip box written on one line after its label ("阅读提示　今年以来，…", "【核心提示】…"): the label, a gap or colon, and
# prose (a sentence stop in it: a digest's "导读　2版　…" rows are no tip); read as a box only right under the headline
# stack or byline (_labelled_tip), so a body paragraph opening on those words stays a paragraph
_TIP_WORDS = "|".join(TIP_LABELS)
_LABELLED_TIP = lazy_compile(
    rf"(?P<label>【(?:{_TIP_WORDS})】[：:]?[ \u3000]*"
    rf"|(?:{_TIP_WORDS})(?:[：:][ \u3000]*|[ \u3000]+))(?P<rest>\S.*[。！？!?].*)")
_TRAILER = lazy_compile(r"^[(（](?:(?:作者|原载|来源|摘自|转载|本文|编者|注)[^\n]*"
                      r"|(?:本报记者|记者|通讯员|实习生|责任编辑|编辑)[^()（）\n]*)[)）]$")
# an export's unbracketed line naming where the story came from ("来源：工人日报", "稿件来源：市总工会"): a trailer
_SOURCE_LINE = lazy_compile(r"^(?:来源|稿源|稿件来源|信息来源)[：:][ \u3000]*[^\s，,。！？!?；;：:]{2,20}$")
# where and when an essay or a poem was written, under its text: "2003年8月于株洲", "一九八五年秋写于鞍山", "——1998年5月
# 改定于北京", "写于大庆　2001年3月", "二〇二二年中秋写于襄阳", "一九八七年五一前夕于鞍山", "2023.9.28　写于杭州" (a year
# and a month, a season or a holiday, or a date in figures, and 于 before a place): the piece's sign-off, a trailer, never a
# headline (a date alone is read by shapes.signing_date; a place alone names nothing written)
# (a year in figures, in characters, or by its stem and branch as a writer dating by the old calendar prints it: "癸酉年清明",
# "丙申年中秋"; a holiday in quotes, as "“五一”" and "“十一”" (National Day, only so) are often printed, and the days off
# round it by any of their names: 假期, 假日, 长假, 小长假, 黄金周; 节 inside the quotes or after them, "“三八”节前夕")
_WRITTEN_DATE = (r"(?:(?:(?:19|20)[0-9]{2}|[一二][〇○零一二三四五六七八九]{3}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])年"
                 r"(?:(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:[0-9]{1,2}日|[一二三]?十[一二三四五六七八九]?日"
                 r"|[一二三四五六七八九]日)?|[春夏秋冬]天?|[春夏秋冬]季"
                 # a holiday by its name or by its date ("中秋", "国庆", "五一", "劳动节", "三八", "建党节"…), the day's
                 # eve or the days off round it ("五一前夕", "国庆假期", "春节长假", "中秋之夜")
                 r"|(?:中秋|春节|元旦|国庆|端午|除夕|清明|重阳|元宵|七夕|冬至|腊八|小年|五一|五四|三八|六一|七一|八一)节?"
                 r"|(?:劳动|青年|妇女|儿童|建党|建军|教师)节"
                 r"|[“「\"](?:中秋|春节|元旦|国庆|端午|除夕|清明|重阳|元宵|七夕|冬至|腊八|小年|五一|五四|三八|六一|七一|八一"
                 r"|十一)节?[”」\"]节?)"
                 r"(?:[上中下]旬|初|底|末|前夕|前后|前|后|假期|假日|小长假|长假|黄金周|期间|之际|之夜|夜)?"
                 # a date in figures parted by dots, dashes or slashes ("2023.9.28", "2023-09-28", "1998/5/4"), as a
                 # typed or pasted sign-off prints it
                 r"|(?:19|20)[0-9]{2}[.．/／\-－][01]?[0-9](?:[.．/／\-－][0-3]?[0-9])?)")
# (the place a few characters with no verb of an event: "2020年5月于北京召开" is news of a meeting, not a sign-off)
_WRITTEN_AT = (r"(?:写|改|草|修改|改定|定稿|完稿|作)?于(?![\u4e00-\u9fff]*(?:召开|举行|举办|开幕|闭幕|成立|启动|开展|发布|完成"
               r"|建成|开通|投产|签约|签订|落户|落成))[\u4e00-\u9fff]{2,8}")
_WRITTEN_WHERE = lazy_compile(rf"^[—－]{{0,2}}[ \u3000]*(?:{_WRITTEN_DATE}[ \u3000]*{_WRITTEN_AT}"
                              rf"|{_WRITTEN_AT}[ \u3000]+{_WRITTEN_DATE})$")
# the editors signing a note with a dash and no person: "——编　者", "——本刊编辑部" (a trailer, never a headline)
_EDITORS_SIGNOFF = lazy_compile(r"^[—－]{1,2}[ \u3000]*(?:编[ \u3000]*者|本(?:报|刊|版)?编辑部)$")


def editors_signoff(text: str) -> bool:
    """"——编　者", "——本刊编辑部": the editors sign a note with a dash and no person's name."""
    return bool(_EDITORS_SIGNOFF.match(text.strip(" \u3000")))


DECORATION = set("—–-_=~*·•□■◆◇○●★☆#＝－…─━＊※")
# a row of a few stars, asterisks or reference marks parted by gaps ("＊　＊　＊", "* * *", "※※※"): a section break
# inside one story, which a page prints between two parts of its text (a rule of bars or boxes parts stories instead)
SECTION_BREAK = lazy_compile(r"^[ \u3000]*[*＊※☆★](?:[ \u3000]*[*＊※☆★]){1,4}[ \u3000]*$")
COMMA_INSIDE = lazy_compile(r"[,，、；;]")
# single characters that do not end a headline but often end the first half of a split sentence
_FUNCTION_ENDINGS = set("以的了在和与对将把被从向为及并而是有其之于由使让给就都也又还更要")
_OPENING_MARKS = "“「『《(（【‘\"'"
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_RARE_WORD = 2000  # a one-character first word rarer than this in jieba's dictionary is half of a word
# measure words that never open a sentence alone: each needs the number printed before it ("1200户", "300名"); 头, 只, 家
# and 次 are left out (头一回, 只见, 家住, 次日 open sentences)
_COUNTED = frozenset("户名项件辆台座株亩吨份批位个")


@functools.cache
def _segmenter() -> Segmenter:
    """The tagger's private jieba tokenizer, built once on first need (loading jieba takes about a second)."""
    return Segmenter()


def word_spans(text: str) -> list[tuple[str, int, int]]:
    return _segmenter().spans(text)


# last characters of column names (简讯, 时评, 来论, 漫谈, 手记, 随笔, 快评): such a line is not a bare name
_COLUMN_ENDINGS = set("讯论评谈言语话记笔说议闻事窗坛苑角台刊栏集录")


def bare_name_line(text: str) -> bool:
    """One person's name alone on its line, as printed under a commentary's title or after a letter: a padded
    pair ("郭　峰"), or three characters (four with a two-character surname) that jieba does not read as a word
    and a tail ("高温下", "马上评", "石榴籽" start with a surname too) and that do not end like a column's name.
    An unpadded pair ("高温", "林立") is more often a word than a name."""
    printed = text.strip(" \u3000")
    if not is_person_name(printed) or label_pair(printed):
        return False  # (a spread-out "简　讯" labels the briefs under it; it signs nothing)
    compact = re.sub(r"[ \u3000\t]+", "", printed)
    if compact != printed:
        return True
    if compact[-1] in _COLUMN_ENDINGS or len(compact) == 2 or (len(compact) == 4 and not compact.startswith(COMPOUND_SURNAMES)):
        return False
    first = word_spans(compact)[0][0]
    return len(first) == 1 or first == compact


def starts_with_half_word(text: str) -> bool:
    """The first word is a lone, rare character that jieba cannot attach to what follows ("务中心牵头"
    is the tail of 服务中心), or a lone measure word that needs the number printed before it ("户签订了…" is
    the tail of "1200户"): the block was cut out of a word."""
    head = text[:8]
    if not head or not "\u4e00" <= head[0] <= "\u9fff":
        return False
    spans = word_spans(head)
    if len(spans) < 2 or spans[0][2] != 1 or spans[1][2] - spans[1][1] < 2:
        return False
    return spans[0][0] in _COUNTED or _segmenter().char_frequency(spans[0][0]) < _RARE_WORD


def starts_with_headline_tail(text: str, headline: str) -> bool:
    """The text opens with the inside or tail of a word of its own headline ("温津贴标准由…" under
    "多地上调高温津贴标准": "温" ends 高温): the block was cut out of that word."""
    head = text[:8]
    if not head or not "\u4e00" <= head[0] <= "\u9fff" or not headline:
        return False
    spans = word_spans(head)
    if len(spans) < 2:
        return False
    first = spans[0][0]
    if len(first) != 1:
        return False  # a whole word ("工人们…") may open a sentence even when the headline holds it
    return any(len(word) > len(first) and word.find(first, 1) > 0 and not word.startswith(first)
               for word, _start, _end in word_spans(headline))


@dataclass
class Unit:
    """A working record for one block (or several joined blocks) while the page is parsed."""

    kind: str  # text, byline, credit, marker, tiplabel, notelabel (编者按 alone), trailer, decor
    blocks: list[Block]
    text: str
    marker_from: Continuation | None = None
    marker_to: Continuation | None = None
    credit: str | None = None  # a photo credit glued to the end of the text
    signoff: str | None = None  # writers credited in brackets after the text ("（陈  晨）")
    tip: str | None = None  # a 阅读提示 box found inside a split paragraph
    tip_lines: tuple[int, ...] = ()
    joined: bool = False
    turn: bool = False  # a turn of an interview ("记者：…", a speaker's name that recurs on the page)
    verse: bool = False  # a line of a poem: a paragraph of its own, never a headline, never joined
    head_marker: bool = False  # "劳模精神代代传（上接第1版）": a reprinted headline carrying its jump marker
    entry: bool = False  # a line of an honours list under its title: the same
    narrow_table: bool = False  # a row of a table whose cells are parted by one gap ("农八师　96.2　88%"): an entry too
    bylined: bool = False  # a one-line block right above a byline line ("本报记者　name"): the story's title
    runin: bool = False  # a brief's title run in before its text after a bullet ("◇title　text…"): a title
    stray_stop: bool = False  # a short line ending in a full stop OCR put on a headline, right over a lead
    clause_kicker: bool = False  # a short clause ending in a comma alone on its line, tight over a title: its 引题
    introduction: bool = False  # a bracketed line introducing the person named on the line above: a sketch's 副题
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


def _labelled_tip(text: str, before: list[Unit]) -> tuple[str, str] | None:
    """(label, box text) of a tip box written on one line after its label (_LABELLED_TIP) right under a byline or a
    headline-like line (the stack's last line: a story's top), else None."""
    found = _LABELLED_TIP.fullmatch(text)
    if found is None or not before:
        return None
    previous = before[-1]
    # shapes.headline_text, not headline_shaped: that memo is set once the units are marked, and this unit's
    # neighbour is still being read
    if previous.kind == "byline" or (previous.kind == "text" and not previous.runin
                                     and split_lead(previous.text) is None and shapes.headline_text(previous.text)):
        return found.group("label").strip(" \u3000"), found.group("rest")
    return None


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text, 0)


def classify(blocks: list[Block]) -> list[Unit]:
    """Give each block a kind and lift inline jump markers and glued photo credits out of its text."""
    units: list[Unit] = []
    digest = _digest_items(blocks)
    bare = _bare_run_in_items(blocks)
    for number, block in enumerate(blocks):
        text = block.text
        compact = text.replace(" ", "").replace("\u3000", "")
        if all(ch in DECORATION for ch in compact):
            units.append(Unit("decor", [block], text))
            continue
        whole = MARKER.fullmatch(compact) or _BARE_MARKER.fullmatch(compact)
        if whole:
            unit = Unit("marker", [block], text)
            cont = _continuation(MARKER.fullmatch(text.strip(" \u3000")) or whole, block.first_line)
            unit.marker_to, unit.marker_from = (cont, None) if cont.direction == "to" else (None, cont)
            units.append(unit)
            continue
        if compact.rstrip(":：") in TIP_LABELS:
            units.append(Unit("tiplabel", [block], text))
            continue
        tip = _labelled_tip(text, units)
        if tip is not None:
            # the label and its box, as a label line and the box's text under it are read (thirtieth round)
            units.append(Unit("tiplabel", [block], tip[0]))
            units.append(Unit("text", [block], tip[1]))
            continue
        if is_byline_line(text):  # before trailers: "（本报记者 王  敏 整理）" credits a name
            units.append(Unit("byline", [block], text))
            continue
        if (_TRAILER.match(text) and not text.rstrip(")）" + " \u3000").endswith("摄")) or _EDITORS_SIGNOFF.match(text) \
                or _SOURCE_LINE.match(text) or _WRITTEN_WHERE.match(text.strip(" \u3000")):
            # "（本报记者　汤　淼　摄）" credits a photographer: a credit, read below
            units.append(Unit("trailer", [block], text))
            continue
        if shapes.editor_label(text):
            units.append(Unit("notelabel", [block], text))
            continue
        credit = split_credit(text)
        if credit is not None and not credit[0]:
            units.append(Unit("credit", [block], text, credit=credit[1]))
            continue
        runin = _bracket_run_in(text) or _RUN_IN_TITLE.match(text) or _lead_run_in(text) or digest.get(number) \
            or bare.get(number)
        # the run-in title ends on the block's first line (the lines after it are the brief's text): a title
        # that runs on into the next line ("■郑建钢" + "①…") is no title (a bare run's brief may be one short sentence:
        # its run vouched for it)
        if runin and runin.end("title") <= len(block.parts[0]) \
                and shapes.headline_text(runin.group("title")) \
                and (_brief_text(runin.group("rest")) or (number in bare and is_closed(runin.group("rest")))) \
                and split_lead(text[runin.start("title"):]) is None:
            # "▲辽宁启动职工技能提升行动　日前，…": a brief's title run in before its text, after a bullet
            units.append(Unit("text", [block], runin.group("title"), runin=True))  # the bullet is decoration
            text = runin.group("rest")
            credit = split_credit(text)
        unit = Unit("text", [block], text)
        _lift_markers(unit)
        if credit is not None and unit.text.endswith(credit[1]):
            unit.text = credit[0]
            unit.credit = credit[1]
        signoff = split_signoff(unit.text) if unit.credit is None and not unit.marker_to else None
        if signoff is not None:
            unit.text, unit.signoff = signoff
        units.append(unit)
    _join_wrapped_credits(units)
    _mark_turns(units)
    _mark_verse(units)
    _mark_entries(units)
    _mark_dated_rows(units)
    _mark_results_rows(units)
    _mark_figure_rows(units)
    _mark_table_rows(units)
    _mark_colon_lists(units)
    _mark_contact_rows(units)
    _mark_guests(units)
    _mark_bylined(units)
    _mark_stray_stops(units)
    _mark_clause_kickers(units)
    _mark_bracketed_introductions(units)
    return units


def _join_wrapped_credits(units: list[Unit]) -> None:
    """A photo credit too wide for its column wraps onto a second line: ``本报记者　黄　蕊`` over ``本报通讯员　万　里　摄``
    with no blank line between them is one credit of two roles (the first line alone reads as a story's byline)."""
    k = 0
    while k + 1 < len(units):
        first, second = units[k], units[k + 1]
        if first.kind == "byline" and second.kind == "credit" and second.blocks[0].blank_before == 0 \
                and len(first.blocks) == 1 and not first.text.endswith("摄"):
            text = first.text.strip(" \u3000") + "\u3000" + second.text.strip(" \u3000")
            credit = split_credit(text)
            if credit is not None and not credit[0]:
                units[k: k + 2] = [Unit("credit", first.blocks + second.blocks, text, credit=credit[1])]
        k += 1


# a digest item: its headline glued to its text by a colon ("江州开通职工通勤专线：6月10日，…"); the headline may hold
# a comma, never a sentence stop or a second colon
_COLON_RUN_IN = lazy_compile(r"[ \u3000]*(?P<title>[^\s。！？!?；;：:、]{9,40})[：:][ \u3000]*(?P<rest>\S.{19,})")
# what a speaker's or a report's lead-in ends on ("…负责人表示：", "…介绍："): a turn or a quote, not a headline
_SAYS = ("说", "表示", "介绍", "指出", "认为", "强调", "称", "道", "问", "答", "如下", "提到", "透露", "坦言", "告诉记者",
         "提出", "建议", "呼吁", "要求", "发现", "显示", "获悉", "了解到", "看来", "来说")
_DIGEST_RUN_MIN = 3


def _digest_items(blocks: list[Block]) -> dict[int, re.Match[str]]:
    """The blocks of a digest: three or more one-line blocks in a row, each a headline glued to a paragraph of
    text by a colon, the headlines all different (a speaker's name recurs; a label as short as ``调解员：`` or a
    row of a list ``男子团体：…`` is far shorter than a headline)."""
    found: dict[int, re.Match[str]] = {}
    run: list[tuple[int, re.Match[str]]] = []

    def close() -> None:
        titles = {m.group("title") for _, m in run}
        if len(run) >= _DIGEST_RUN_MIN and len(titles) == len(run):
            found.update(run)
        run.clear()

    for number, block in enumerate(blocks):
        match = _COLON_RUN_IN.fullmatch(block.text) if len(block.lines) == 1 else None
        if match and (match.group("title").endswith(_SAYS) or not _brief_text(match.group("rest"))
                      or not is_closed(match.group("rest")) or split_lead(block.text) is not None):
            match = None
        if match is None:
            close()
        else:
            run.append((number, match))
    close()
    return found


_BARE_RUN_MIN = 2
# a date alone ("2024年3月", "3月5日") before the gap opens a chronicle's row, never a brief's title
_DATE_ONLY = lazy_compile(r"(?:[\d〇一二三四五六七八九十]{1,4}年)?(?:[\d一二三四五六七八九十]{1,3}月)?(?:[\d一二三四五六七八九十]{1,3}[日号])?")


def _bare_run_in_items(blocks: list[Block]) -> dict[int, re.Match[str]]:
    """The briefs of a 简讯 run printed with no bullet and no lead: two or more one-line blocks in a row with no blank
    line between them, each a short bare title, a U+3000 (or a wide gap) and one finished paragraph of brief text
    ("北京建筑工人技术比赛开幕　首都建筑系统…。"), the titles all different. One such line alone may be a paragraph
    opening with a label; a run of them packed line under line is the run-in briefs of a bold-title column."""
    found: dict[int, re.Match[str]] = {}
    run: list[tuple[int, re.Match[str]]] = []
    sure = False  # a brief of the run has running text (a comma inside), not one bare sentence

    def close() -> None:
        nonlocal sure
        titles = {m.group("title") for _, m in run}
        if len(run) >= _BARE_RUN_MIN and len(titles) == len(run) and sure:
            found.update(run)
        run.clear()
        sure = False

    for number, block in enumerate(blocks):
        match = (_BARE_RUN_IN_TITLE.fullmatch(block.text) or _SPACED_RUN_IN_TITLE.fullmatch(block.text)) \
            if len(block.lines) == 1 else None
        # a brief as short as one finished sentence with no comma ("大连造船厂新船下水　大连造船厂建造的一艘万吨级货轮
        # 日前下水。") is one only in a run that holds a surer one: alone it may be a label and a sentence
        if match and (len(match.group("title")) < 6 or _DATE_ONLY.fullmatch(match.group("title"))
                      or not shapes.headline_text(match.group("title"))
                      or not (_brief_text(match.group("rest")) or is_closed(match.group("rest")))
                      or split_lead(block.text) is not None):
            match = None
        if match is not None and run and block.blank_before:
            close()  # packed line under line: a blank line ends the run
        if match is None:
            close()
        else:
            run.append((number, match))
            sure = sure or _brief_text(match.group("rest"))
    close()
    return found


def _lead_run_in(text: str) -> re.Match[str] | None:
    """A brief's title run in before its text with no bullet, when the text after the gap opens with a lead
    ("“工匠杯”象棋赛报名启动　本报讯　…"); a line that itself opens with a lead ("本报讯　3月9日，…") is no run-in."""
    runin = _BARE_RUN_IN_TITLE.match(text)
    if runin is None or split_lead(runin.group("rest")) is None:
        return None
    return runin


def _bracket_run_in(text: str) -> re.Match[str] | None:
    """A story's headline in 【】 (〖〗, [], 〔〕) run in before its text: the text after the bracket opens with a lead or is a story's
    running text; an editors' note, a tip box or a label in brackets is none."""
    runin = _BRACKET_RUN_IN_TITLE.match(text)
    if runin is None or runin.group("open") + runin.group("close") not in _BRACKET_PAIRS:
        return None
    if shapes.editor_note(text.strip(" \u3000")) or _LABELLED_TIP.match(text.strip(" \u3000")):
        return None
    if split_lead(runin.group("rest")) is None and not _brief_text(runin.group("rest")):
        return None
    return runin


def _brief_text(text: str) -> bool:
    """The text of a run-in brief: running text, or one finished sentence with a comma inside
    ("日前，某街道快递行业工会联合会成立，首批吸纳会员312人。")."""
    return shapes.sentencey(text) or (is_closed(text) and bool(COMMA_INSIDE.search(text)))


def _mark_bylined(units: list[Unit]) -> None:
    """A one-line block printed right above a byline line ("本报记者　name", not a bracketed signature) heads the
    story that byline opens: a sentence cut at a column end goes on with text, never with a byline, so a title
    ending on 了 ("…，法院判了") is no cut sentence there."""
    for k, (unit, below) in enumerate(itertools.pairwise(units)):
        if unit.kind != "text" or len(unit.lines) != 1:
            continue
        if (below.kind == "byline" and below.text[:1] not in "(（") or _subtitle_opening_story(units, k + 1):
            unit.bylined = True


def _subtitle_opening_story(units: list[Unit], k: int) -> bool:
    """Unit k is a one-line ——subtitle ("——上海部分企业工会推行“伙委会”见闻", not a ——signed name) right over a byline
    line or a run-in lead: the line above it is that story's title, as a line right above the byline is (a sentence
    cut at a column end goes on with text, never with a ——subtitle and a byline). Looks two units ahead, no further."""
    sub = units[k]
    if sub.kind != "text" or len(sub.lines) != 1 or k + 1 >= len(units):
        return False
    text = sub.text.strip(" \u3000")
    if not text.startswith(("——", "－－")) or signature(text) is not None or not shapes.headline_text(text[2:]):
        return False
    story = units[k + 1]
    return (story.kind == "byline" and story.text[:1] not in "(（") or (story.kind == "text" and story.lead is not None)


# a headline OCR'd with a full stop after it: a short line, one clause with no comma or other stop inside; or (as older
# pages print a headline quoting a verdict, stop and all) a short speaker, a colon and one such clause: "工人们说：这样的
# 厂长我们信得过。"
_STRAY_STOP = lazy_compile(r"^(?:[^，,、；;：:。！？!?\s“”]{2,8}[：:])?[^，,、；;：:。！？!?\s]{6,24}[。.]$")


def _mark_stray_stops(units: list[Unit]) -> None:
    """OCR of a scanned page reads a speck after a headline as a full stop ("…技能大赛。"), and older pages print one
    after a sentence headline ("工人们说：这样的厂长我们信得过。"). A short one-clause line
    ending in a stop, parted by blank lines from the text above it and printed right over a story's run-in lead
    (本报讯…, 本报X月X日电…), is that story's headline: a story's last paragraph is not followed by another story's
    lead with no headline between them."""
    for k, (unit, below) in enumerate(itertools.pairwise(units)):
        if unit.kind == "text" and below.kind == "text" and len(unit.lines) == 1 and len(unit.blocks) == 1 \
                and _STRAY_STOP.match(unit.text) and below.lead is not None and unit.lead is None \
                and (k == 0 or unit.blocks[0].blank_before > 0) and below.blocks[0].blank_before > 0:
            unit.stray_stop = True


# a 引题 printed as the first clause of a sentence the title finishes ("坚持技能强企，" over "这家老厂的…"; "春风送岗位，"
# over "安阳专场招聘会开进社区"; "从“要我安全”到“我要安全”，" over a title): one or two short clauses, the last ending in a
# comma, no other stop inside
# (a clause may list short phrases parted by 、, "稳就业、保民生，"; a 、 never opens or closes one)
# (or a list of two to six short phrases, two to four characters each, parted by 、, a middle dot · ・ • or a slash,
# however long the list runs: "查合同·查工资·查工时·查社保，", "讲安全／查隐患／保平安／促生产，")
_CLAUSE_KICKER = lazy_compile(r"^(?!、)[^，,；;：:。！？!?\s]{3,12}(?<!、)(?:[，,](?!、)[^，,；;：:。！？!?\s]{3,12}(?<!、))?[，,]$"
                              r"|^(?:[^，,；;：:。！？!?\s、·・•／/]{2,4}[、·・•／/]){1,5}[^，,；;：:。！？!?\s、·・•／/]{2,4}[，,]$")
# quote marks are not counted in a clause's length ("从“要我安全”到“我要安全”，" is a clause of ten characters)
# (nor are book-title marks, "从《劳动法》到《劳动合同法》，", nor ASCII quotes a typed copy prints)
_QUOTE_MARKS = lazy_compile(r"[“”‘’「」『』《》〈〉\"']")


# a person introduced by post: a unit and a post or an honour (or two, parted by 、 or ，), ending on the post or honour
# (a trade named by its last character: …工 "焊工", …员 "站务员", "快递员", …师 "酿酒师", "设计师", …长 "列车长", "班长")
_POST = (r"(?:司机|技师|高级技师|首席技师|工程师|班长|组长|队长|车间主任|主任|书记|厂长|经理|站长|船长|机长|教师|医生|护士|工人|职工"
         r"|[车钳铣刨焊电钻]工|[^\s，、。]{1,4}[工员师长手匠]|获得者|劳动模范|劳模|工匠|能手|标兵|传承人|代表|委员|队员)")
_INTRODUCES = lazy_compile(rf"[\u4e00-\u9fff“”·]{{4,30}}?{_POST}(?:[，、][\u4e00-\u9fff“”·]{{0,20}}?{_POST})*")
# (a firm named by its kind, "一家黄酒企业", "某建筑单位", is a unit too)
_UNIT_WORD = lazy_compile(r"(?:公司|厂|集团|局|矿|医院|学校|大学|站|中心|车间|班|队|所|港|码头|油田|段|社|店|场|企业|单位|工地"
                          r"|酒店|银行|院|馆)")
# the introduction printed in brackets of any kind ("（徐工集团装载机事业部焊工、全国技术能手）", "〔…站务员〕",
# "【…酿酒师】"; shapes.in_one_bracket_pair); a credit or a note in brackets (作者为…, 本报记者…) is no introduction
_NOT_INTRODUCING = r"(?!作者|本报|记者|通讯员|实习生)"
_IN_BRACKETS = lazy_compile(shapes.in_one_bracket_pair(_NOT_INTRODUCING))


def introduces_person(text: str) -> bool:
    """A line introducing a person by post, as a 人物 sketch prints under the name that heads it ("大连港集团矿石码头
    门机司机，全国五一劳动奖章获得者", "…女子采油班班长", or in brackets, "（徐工集团…焊工、全国技术能手）"): a unit and a
    post or honour, no verb's sentence, no stop. The unit must be named (…公司, …厂, …班): a post alone after a verb
    ("写给塔吊司机") titles a poem."""
    text = text.strip(" \u3000")
    bracketed = _IN_BRACKETS.fullmatch(text)
    if bracketed:
        text = next(part for part in bracketed.groups() if part is not None)
    return bool(_INTRODUCES.fullmatch(text)) and bool(_UNIT_WORD.search(text))


def _mark_bracketed_introductions(units: list[Unit]) -> None:
    """A 人物 sketch may print the introduction under the bare name that heads it in brackets ("钱卫东" over
    "（徐工集团装载机事业部焊工、全国技术能手）"): the bracketed line is that headline's 副题, shaped as a headline line
    is once its brackets are set aside (a bracketed line is otherwise closed, text or a note)."""
    for above, unit in itertools.pairwise(units):
        if (above.kind == "text" and len(above.lines) == 1 and bare_name_line(above.text) \
                and unit.kind == "text" and len(unit.lines) == 1 and len(unit.blocks) == 1 \
                and _IN_BRACKETS.fullmatch(unit.text.strip(" \u3000")) and introduces_person(unit.text)) or (above.kind == "text" and len(above.lines) == 1 and above.lead is None and headline_shaped(above) \
                and unit.kind == "text" and len(unit.lines) == 1 and len(unit.blocks) == 1 \
                and shapes.interview_bracket(unit.text)):
            unit.introduction = True
            unit._shape = None


def _mark_clause_kickers(units: list[Unit]) -> None:
    """A 引题 may be a clause that ends in a comma, the title under it finishing the sentence ("春风送岗位，" over
    "安阳专场招聘会开进社区"). A short line of one or two clauses ending in a comma, alone in its block, set off from the
    text above it (a blank line, the top of the page, or a finished sentence or a credit line over it), with a
    headline-shaped line right under it and no blank line between, is that 引题: a wrapped sentence's first line is not
    followed by a headline, and a paragraph never stops on a comma before a blank line."""
    for k, (unit, below) in enumerate(itertools.pairwise(units)):
        if unit.kind != "text" or len(unit.lines) != 1 or len(unit.blocks) != 1 or unit.joined or unit.verse \
                or unit.turn or unit.entry or unit.lead is not None or unit.credit or unit.signoff \
                or not _CLAUSE_KICKER.match(_QUOTE_MARKS.sub("", unit.text.strip(" \u3000"))):
            continue
        above = units[k - 1] if k else None
        apart = above is None or unit.blank_before > 0 or above.kind in ("byline", "credit", "trailer") \
            or (above.kind == "text" and is_closed(above.text))
        if apart and below.kind == "text" and below.blank_before == 0 and not below.verse \
                and len(below.lines) == 1 and headline_shaped(below) and not ends_open(below.text):
            unit.clause_kicker = True
            unit._shape = None


# the label over a list of the people taking part in a 对话/访谈: "嘉宾：", "对话嘉宾：", "受访者："
_GUEST_LABEL = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}嘉宾|受访者|参与讨论|出席)[：:]$")


def _mark_guests(units: list[Unit]) -> None:
    """A guest list ("嘉宾：" over "job　name" lines printed line under line, often ending with "主持人：…"):
    the label and the lines under it that credit a person are byline lines, not text."""
    for k, unit in enumerate(units):
        if unit.kind != "text" or not _GUEST_LABEL.match(unit.text.strip(" \u3000")):
            continue
        guests = []
        for row in units[k + 1:]:
            if row.blank_before or not (row.kind == "byline" or (
                    row.kind == "text" and row.lead is None and signature(row.text) is not None)):
                break
            guests.append(row)
        if guests:
            for row in (unit, *guests):
                row.kind = "byline"


def _mark_entries(units: list[Unit]) -> None:
    """An honours list under its title ("…获奖单位", "…获得者", or any honour under a line conferring it:
    "江州市总工会命名" / "2026年度“职工创新工作室”"): the lines under it (after a bracketed note such as
    "（按行政区划排序）") that name units or people are its entries, two or more of them."""
    for k, unit in enumerate(units):
        conferred = k > 0 and units[k - 1].kind == "text" and shapes.confers(units[k - 1].text)
        # a bare group name ("装备制造") right under a list's title or under the list's rows heads a section of it
        grouped = k > 0 and units[k - 1].kind == "text" and shapes.bare_section(unit.text) \
            and (units[k - 1].entry or shapes.list_title(units[k - 1].text))
        # an honour's bare name (优胜单位, 县五一劳动奖章) heads a list as a list's title does
        # and so does a group's name with the count of its rows ("江北区（3名）")
        if unit.kind != "text" or not (shapes.list_title(unit.text) or shapes.honour_section(unit.text) or conferred
                                       or shapes.counted_section(unit.text) or grouped):
            continue
        j = k + 1
        if j < len(units) and units[j].kind == "text" and shapes.note_only(units[j].text):
            j += 1
        rows: list[Unit] = []
        while j < len(units) and units[j].kind == "text" and units[j].lead is None and not units[j].credit \
                and not shapes.list_title(units[j].text) and shapes.list_row(units[j].text):
            if len(rows) >= 2 and units[j].blank_before and not any(r.blank_before for r in rows[1:]):
                break  # rows printed line under line end at a blank line: what follows is a headline
            if shapes.signing_office(units[j].text) and j + 1 < len(units) and units[j + 1].kind == "text" \
                    and shapes.signing_date(units[j + 1].text):
                break  # a body's name over a date alone signs the document the list ends ("某市总工会" / "2021年3月26日")
            rows.append(units[j])
            j += 1
        # a "row" right above running text or a byline is the next story's headline ("…成立快递行业工会")
        while rows and j < len(units) and (units[j].kind == "byline" or (units[j].kind == "text" and (
                units[j].lead is not None or shapes.sentencey(units[j].text)))):
            rows.pop()
            j -= 1
        # a later section of a list already read may hold one row ("能源化工" over one row, under the list's rows)
        if len(rows) >= 2 or (rows and grouped and units[k - 1].entry):
            for row in rows:
                row.entry = True
                row._shape = None  # an earlier pass may have judged the row's shape before it was known to be one


# one row of a chronicle (大事记): a date, a gap, then the event ("4月28日　全市…召开。", "2025年3月　…")
_DATED_ROW = re.compile(r"^(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日)(?:[—\-－~～至]\d{1,2}[月日](?:\d{1,2}日)?)?"
                        r"[ \u3000]+[^ \u3000]")
_DATED_ROWS_MIN = 3


_RESULTS_ROWS_MIN = 2


def _mark_results_rows(units: list[Unit]) -> None:
    """A results list: two or more rows in a run, each a place, a gap and who took it ("第1名　张建国（杭钢集团）"), are
    entries of the list (the event heading over them heads them), not paragraphs or headlines of their own."""
    for row in _row_runs(units, shapes.results_row, _RESULTS_ROWS_MIN):
        row.entry = True
        row._shape = None  # judged a headline's shape before it was known to be a row


def _mark_dated_rows(units: list[Unit]) -> None:
    """A chronicle (大事记): three or more rows in a run, each a date, a gap and the event, are entries of a list
    (the heading over them titles it), not the paragraphs of the story printed above the heading."""
    for row in _row_runs(units, lambda text: bool(_DATED_ROW.match(text)), _DATED_ROWS_MIN):
        row.entry = True


def _row_runs(units: list[Unit], is_row: Callable[[str], bool], minimum: int) -> list[Unit]:
    """The plain text units (no lead, no credit) in runs of at least ``minimum`` that ``is_row`` says are rows."""
    found: list[Unit] = []
    k = 0
    while k < len(units):
        j = k
        while j < len(units) and units[j].kind == "text" and units[j].lead is None and not units[j].credit \
                and is_row(units[j].text):
            j += 1
        if j - k >= minimum:
            found.extend(units[k:j])
        k = max(j, k + 1)
    return found


# a row of results or facts under a sentence that announces them: "男子团体：江州钢铁集团、江州港集团", "女子单打：鄢　雪
# （江州纺织集团）" (a label, a colon, what it names; no sentence stop)
_COLON_ROW = lazy_compile(r"^[\u4e00-\u9fff]{2,8}[：:][ \u3000]*[^ \u3000。！？!?：:][^。！？!?：:]{0,40}$")
_COLON_ROWS_MIN = 2


def _mark_colon_lists(units: list[Unit]) -> None:
    """A list announced inside a story: a paragraph ending with a colon ("比赛结果如下：") right after the story's
    text, over two or more "label：what" rows. The announcing line and its rows are paragraphs of the story (the
    short line is no column label over a new piece, the rows are no colon titles), as honours-list entries are."""
    for k, unit in enumerate(units):
        if k == 0 or unit.kind != "text" or unit.text[-1:] not in "：:" or unit.lead is not None:
            continue
        before = units[k - 1]
        if before.kind != "text" or not is_closed(before.text) \
                or not (shapes.sentencey(before.text) or len(before.text) > shapes.MAX_CROSSHEAD_CHARS):
            continue  # a colon line under a headline or at the top of a page is a column's label ("记者调查：")
        rows = list(itertools.takewhile(
            lambda row: row.kind == "text" and row.lead is None and not row.credit and not row.runin
            and bool(_COLON_ROW.match(row.text.strip(" \u3000"))), units[k + 1:]))
        # a "row" right above a byline or a lead is the next story's colon title ("江西南昌：…" over 本报讯…)
        while rows and k + 1 + len(rows) < len(units) and (units[k + 1 + len(rows)].kind == "byline"
                                                           or units[k + 1 + len(rows)].lead is not None):
            rows.pop()
        if len(rows) >= _COLON_ROWS_MIN:
            for row in (unit, *rows):
                row.entry = True


# a row of a service box (热线, 电话, 时间, 地址): a label, a colon, and what it gives, a number in it ("全国总工会职工服务
# 热线：12351", "服务时间：工作日9:00—17:00"); no sentence stop, and no colon after the label's but a clock's
_CONTACT_ROW = lazy_compile(r"^[\u4e00-\u9fff]{2,12}[：:][ \u3000]*(?=[^。！？!?]*\d)(?:[^。！？!?：:]|(?<=\d)[:：](?=\d)){1,30}$")
_CONTACT_ROWS_MIN = 2
# a row that gives a telephone number and nothing else ("咨询电话：010－65112233", "报名热线：0571-8765432"): no headline
# ends on a number to dial, so one such row in running text is a paragraph of it as a run of rows is
_PHONE_ROW = lazy_compile(r"^[\u4e00-\u9fff]{0,8}(?:电话|热线|专线|传真|手机)[：:][ \u3000]*"
                          r"(?=(?:[^0-9０-９]*[0-9０-９]){5})[0-9０-９\-－—–()（）、/ ]+$")


def _mark_contact_rows(units: list[Unit]) -> None:
    """A service box (a hotline's numbers, its hours): two or more "label：value" rows in a run, each giving a number,
    are entries of the box under its heading, each a paragraph, never a headline stack (a colon title over a colon
    subtitle): a headline's colon line names a place or a speaker over what it says, not a number to call. A run right
    above a byline or a lead is the next story's headline. One row alone is an entry when it gives a telephone number
    and nothing else and follows running text (a notice's "咨询电话：…" between its text and 特此公告。)."""
    k = 0
    while k < len(units):
        j = k
        while j < len(units) and units[j].kind == "text" and units[j].lead is None and not units[j].credit \
                and not units[j].runin and _CONTACT_ROW.match(units[j].text.strip(" \u3000")):
            j += 1
        fewest = _CONTACT_ROWS_MIN
        if j - k == 1 and k > 0 and _PHONE_ROW.match(units[k].text.strip(" \u3000")) \
                and units[k - 1].kind == "text" and not shapes.headline_text(units[k - 1].text):
            fewest = 1  # (shapes.headline_text, not headline_shaped: that memo is set once the units are all marked)
        if j - k >= fewest and not (j < len(units) and (units[j].kind == "byline"
                                                        or units[j].lead is not None)):
            for row in units[k:j]:
                row.entry = True
                # an earlier marker may have asked headline_shaped of the row already (_signed_poem asks it of the
                # line over a signer and its date): an entry is never headline-shaped, so that answer is dropped
                row._shape = None
        k = max(j, k + 1)


_FIGURE_ROWS_MIN = 2


def _mark_figure_rows(units: list[Unit]) -> None:
    """A box of figures (数读, 数说): two or more rows in a run, each a figure and its label parted by a single
    U+3000 ("3.6万人　城镇新增就业" / "142场　招聘会"), are entries of the box, never a headline stack (one such
    row alone may be a kicker with a gap; rows with a wider gap are ``shapes.figure_row`` on their own)."""
    k = 0
    while k < len(units):
        j = k
        while j < len(units) and units[j].kind == "text" and units[j].lead is None and not units[j].credit \
                and not units[j].runin and shapes.figure_row(units[j].text, narrow=True):
            j += 1
        if j - k >= _FIGURE_ROWS_MIN:
            for row in units[k:j]:
                row.entry = True
        k = max(j, k + 1)


_TABLE_DATA_ROWS_MIN = 2


def _mark_table_rows(units: list[Unit]) -> None:
    """A table printed as lines: a run of rows with the same number of cells (three or more, parted by wide gaps),
    two or more of them figures after their label, the first perhaps the header naming the columns. The rows are
    entries of the story the table closes, each a paragraph: never a headline stack (a header row is no column
    label, a data row no kicker or title). A table set narrow (cells parted by one U+3000, "农八师　96.2　88%") is
    read the same way where no wide-gapped row is: its data rows must all hold figures after their label."""
    for narrow in (False, True):
        k = 0
        while k < len(units):
            j, width, data = k, None, 0
            while j < len(units) and units[j].kind == "text" and units[j].lead is None and not units[j].credit \
                    and not units[j].runin and not (narrow and units[j].entry) \
                    and (cells := shapes.table_cells(units[j].text, narrow)) is not None \
                    and width in (None, len(cells)) and (j == k or shapes.figure_cells(cells)):
                width = len(cells)
                data += shapes.figure_cells(cells)
                j += 1
            if data >= _TABLE_DATA_ROWS_MIN:
                for row in units[k:j]:
                    row.entry = True
                    if narrow:
                        row.narrow_table = True
            k = max(j, k + 1)


_VERSE_MAX_CHARS = 20


def _short_line(unit: Unit) -> bool:
    return unit.kind == "text" and len(unit.text) <= _VERSE_MAX_CHARS and not shapes.sentencey(unit.text) \
        and not unit.marker_from and not unit.marker_to and not unit.credit and unit.lead is None


def _mark_verse(units: list[Unit]) -> None:
    """A poem: on a page that parts its blocks with blank lines, two or more short lines printed on
    consecutive lines under a title and its byline are verses (stanzas are parted by blank lines); the
    poem goes on through further stanzas and single headings between them (the title of a second poem)."""
    if len(units) < 4:
        return
    prose = [u for u in units[1:] if not _short_line(u)]
    # People's Daily style: consecutive lines are headline stacks. A page whose paragraphs are parted by blank
    # lines is not one, however many short lines it prints line under line (a poem, a table, a list).
    stacked = sum(u.blank_before >= 1 for u in units[1:]) * 2 < len(units) - 1 \
        and sum(u.blank_before >= 1 for u in prose) * 2 < len(prose)
    in_poem = False
    i = 0
    while i < len(units):
        j = i + 1
        while j < len(units) and _short_line(units[j - 1]) and _short_line(units[j]) and units[j].blank_before == 0:
            j += 1
        if j - i >= 2:
            # under a title and its byline line, or its author's bare name ("李　岚")
            under_byline = i >= 2 and (units[i - 1].kind == "byline" or (units[i - 1].kind == "text"
                                                                         and bare_name_line(units[i - 1].text))) \
                and headline_shaped(units[i - 2])
            # where consecutive lines are stacks, only the poet's own line says a poem follows: a marked or bare
            # name ("◎刘　苇", "李　岚") under a title, over three or more short lines (a stack ends at its byline)
            if stacked and not in_poem and not (under_byline and j - i >= 3 and _poet_line(units[i - 1].text)):
                i = j
                continue
            if under_byline or in_poem or _signed_poem(units, i):
                for unit in units[i:j]:
                    unit.verse = True
                in_poem = True
        elif not stacked and not in_poem and (end := _verse_per_stanza(units, i)) > i:
            for unit in units[i:end]:
                unit.verse = True
            j = end
        elif not _short_line(units[i]):
            in_poem = False
        i = j


_LONE_VERSES_MIN = 3


def _verse_per_stanza(units: list[Unit], start: int) -> int:
    """A poem printed one verse to a stanza (a blank line after every verse), under a title and its poet's name alone,
    bare or after an author's mark ("夜班" / "周　宁", "◎　林　川"): three or more short lines, each parted from
    the last by a blank line. The run ends before a short line that heads what follows it — a title over an author line
    ("文/陆小禾", a bare name) or over prose. Returns the end of the run, or ``start`` when there is none."""
    if start < 2 or units[start].blank_before < 1 or units[start - 1].kind not in ("text", "byline") \
            or not _poet_line(units[start - 1].text) or not headline_shaped(units[start - 2]):
        return start
    k = start
    while k < len(units) and _short_line(units[k]) and units[k].blank_before >= 1:
        nxt = units[k + 1] if k + 1 < len(units) else None
        if nxt is not None and (nxt.kind == "byline" or not _short_line(nxt)
                                or (nxt.kind == "text" and _poet_line(nxt.text))):
            break  # a title over its author line or over prose
        k += 1
    return k if k - start >= _LONE_VERSES_MIN else start


def _poet_line(text: str) -> bool:
    """A poet's line under a poem's title: a name alone, bare or after an author's mark ("◎刘　苇", "□ 李　岚")."""
    name = text.strip(" \u3000").lstrip("■□●◆○◇◎").strip(" \u3000")
    return bare_name_line(name)


def _signed_poem(units: list[Unit], start: int) -> bool:
    """A poem with no author line under its title, signed after its last verse ("（江州纺织集团　谷　雨）",
    "——谷　雨", a bare name): two or more stanzas of short lines, parted from a one-line title by a blank line,
    and a signature after them. A headline stack is followed by a byline or by text, never by a signature."""
    if start < 1 or units[start].blank_before == 0 or not headline_shaped(units[start - 1]):
        return False
    stanzas, k = 0, start
    while k < len(units) and _short_line(units[k]) and units[k].blank_before >= 1:
        if stanzas >= 2 and (marked_signature(units[k].text) or bare_name_line(units[k].text)):
            return True
        j = k + 1
        while j < len(units) and _short_line(units[j]) and units[j].blank_before == 0:
            j += 1
        if stanzas == 0 and j - k < 2:
            return False
        stanzas, k = stanzas + 1, j
    return False


def _mark_turns(units: list[Unit]) -> None:
    """Interview turns: a generic label (记者：, 问：, 答：) or a label that opens two or more blocks,
    one of them running text ("周建民：…。"), is a speaker; those blocks are body, never headings."""
    labels: dict[str, list[Unit]] = {}
    for unit in units:
        if unit.kind == "text":
            label = shapes.speaker(unit.text)
            if label is not None:
                labels.setdefault(label, []).append(unit)
    speakers = [found for found in labels.values() if shapes.generic_speaker(found[0].text)
                or (len(found) >= 2 and any(shapes.sentencey(u.text) for u in found))]
    # in a dialogue the other side's recurring label is a speaker too, even when its turns are all
    # one-line questions ("工人日报：…？" asked of "刘国栋：…。")
    if any(len(found) >= 2 for found in speakers):
        speakers += [found for found in labels.values() if len(found) >= 2 and all(found is not s for s in speakers)]
    for found in speakers:
        for unit in found:
            unit.turn = True
    # a question answered by a turn is a turn too, labelled once or not at all ("对年轻人有什么建议？")
    for k in range(len(units) - 2, -1, -1):
        unit, answer = units[k], units[k + 1]
        if unit.kind == "text" and not unit.turn and answer.kind == "text" and answer.turn \
                and unit.text[-1:] in "？?" and answer.text[-1:] not in "？?":
            unit.turn = True


def _lift_markers(unit: Unit) -> None:
    text = unit.text
    start = MARKER.match(text)
    if start and start.group("dir") in ("上接", "紧接", "接"):
        unit.marker_from = _continuation(start, unit.blocks[0].lines[0])
        text = text[start.end():].lstrip(" \u3000")
    found = list(MARKER.finditer(text))
    end = found[-1] if found else None
    if end and end.end() == len(text.rstrip(" \u3000")) and end.group("dir") in ("下转", "转"):
        unit.marker_to = _continuation(end, unit.blocks[-1].lines[-1])
        text = text[: end.start()].rstrip(" \u3000")
    elif end and end.end() == len(text.rstrip(" \u3000")) and unit.marker_from is None and end.start() > 0 \
            and len(unit.lines) == 1 and shapes.headline_text(text[: end.start()].rstrip(" \u3000")):
        # a reprinted headline with the marker after it: the half's title, continued from that page
        unit.marker_from = _continuation(end, unit.blocks[-1].lines[-1])
        unit.head_marker = True
        text = text[: end.start()].rstrip(" \u3000")
    unit.text = text


# ---------------------------------------------------------------------------------------------
# shapes of units


def headline_shaped(unit: Unit) -> bool:
    if unit._shape is None:
        unit._shape = unit.kind == "text" and not (unit.joined or unit.credit or unit.marker_to
                                                   or (unit.marker_from and not unit.head_marker)
                                                   or unit.turn or unit.verse or unit.entry) \
            and unit.lead is None and shapes.headline_text(unit.text[:-1] if unit.stray_stop or unit.clause_kicker
                                                           else unit.text.strip(" \u3000")[1:-1] if unit.introduction
                                                           else unit.text,
                                                           cut_ok=unit.bylined)
    return unit._shape


def plain_text(unit: Unit) -> bool:
    """Text with nothing lifted out of it (usable as a 阅读提示 box)."""
    return unit.kind == "text" and not (unit.credit or unit.marker_to or unit.marker_from)


def body_like(unit: Unit) -> bool:
    return unit.kind == "text" and (not headline_shaped(unit) or ends_open(unit.text))


# ---------------------------------------------------------------------------------------------
# joining column-broken paragraphs


def join_splits(units: list[Unit]) -> list[Unit]:
    """Merge a block that ends mid-sentence with the body block that continues it (no separator).

    A 阅读提示 box printed between the two halves is lifted out as the tip of the joined paragraph; a kicker
    printed between them is put after the joined paragraph, above the title it leads into.
    """
    units = list(units)  # a held kicker changes places with the half after it
    out: list[Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        i += 1
        while unit.kind == "text" and not unit.marker_to and not unit.credit and not unit.signoff and not unit.verse \
                and not unit.entry and not shapes.figure_row(unit.text) \
                and i < len(units):
            tip: list[Unit] = []
            j = i
            if units[j].kind == "tiplabel" and j + 1 < len(units) and plain_text(units[j + 1]):
                tip = units[j: j + 2]
                j += 2
            elif _held_kicker(unit, units, j, out):
                # a kicker ("…——") printed between the halves of a split paragraph (a column break inside
                # the next story's headline stack) waits for its title after the joined paragraph
                units[j], units[j + 1] = units[j + 1], units[j]
            signed = j + 1 < len(units) and units[j + 1].kind in ("text", "byline") \
                and marked_signature(units[j + 1].text)
            if j >= len(units) or not _should_join(unit, units[j], out, tip, signed):
                break
            nxt = units[j]
            unit = joined(unit, nxt)
            if tip:
                unit.tip = tip[1].text
                unit.tip_lines = tuple(n for t in tip for n in t.lines)
            i = j + 1
        out.append(unit)
    return out


def _held_kicker(first: Unit, units: list[Unit], j: int, before: list[Unit]) -> bool:
    kicker = units[j]
    return j + 1 < len(units) and headline_shaped(kicker) and kicker.text.rstrip().endswith("——") \
        and len(kicker.lines) == 1 and units[j + 1].kind == "text" and ends_open_sentence(first.text) \
        and _should_join(first, units[j + 1], before, [])


def ends_open_sentence(text: str) -> bool:
    """The text stops mid-sentence: after a comma or on a character no sentence ends with."""
    return bool(text) and not is_closed(text) and (ends_open(text) or text[-1] in _FUNCTION_ENDINGS)


def joined(first: Unit, second: Unit) -> Unit:
    """One paragraph made of two units printed apart (a column break, or a tail printed elsewhere)."""
    return Unit("text", first.blocks + second.blocks, first.text + second.text, first.marker_from,
                second.marker_to, second.credit, second.signoff, first.tip or second.tip,
                first.tip_lines + second.tip_lines, True)


def _should_join(first: Unit, second: Unit, before: list[Unit], tip: list[Unit], signed: bool = False) -> bool:
    text = first.text
    if second.kind != "text" or not text or is_closed(text) or text.endswith("——") or second.marker_from:
        return False
    if first.runin:
        return False  # "▲title　text…": the bullet and the gap cut the brief's title from its text; it stays cut
    if second.lead is not None or not body_like(second) or second.verse or second.entry:
        return False
    if shapes.editor_note(second.text) or shapes.speaker(second.text):
        return False  # an 编者按 or an interview turn opens a paragraph of its own
    number, following = shapes.list_number(text), shapes.list_number(second.text)
    if following is not None and (following == (number or 0) + 1) and (number is not None or text[-1] in "：:"):
        # "1．…；" then "2．…；": the items of a numbered list, each a paragraph of its own; so is item 1 under
        # the sentence that introduces the list ("…需同时满足以下条件：" then "（1）…；")
        return False
    if (shapes.salutation(text) or shapes.letter_closing(text)) \
            and (second.blank_before >= 1 or second.blocks[0].indented):
        # "编辑同志：" above the letter, "此致" above "敬礼！": each a paragraph of its own, parted by a blank line or,
        # where no blank line is printed, by the next line's own indent, whether or not the salutation is indented (a
        # document's "各市总工会：" sits at the margin over its indented text; a column break's tail starts at the margin)
        return False
    if second.blocks[0].indented and not first.blocks[-1].indented and headline_shaped(first):
        return False  # an indent after an unindented heading starts a paragraph
    if shapes.bracket_note(text) is not None and headline_shaped(first):
        return False  # "…成效初显(图)": a headline with its note, not half a sentence
    if headline_shaped(first) and len(first.lines) == 1 and bare_name_line(text):
        return False  # "孟凡清" under a commentary title: its author, not the start of its first sentence
    if headline_shaped(first) and len(first.lines) == 1 and _column_author(text) \
            and before and headline_shaped(before[-1]):
        # "工人论坛　林　峰" under a commentary title: the column's label and the author, not the start of its first
        # sentence (a split sentence does not stop on a gap and a name)
        return False
    if shapes.notice_title(text) and len(first.lines) == 1:
        return False  # "启　事", "讣告": a notice's heading, never the first half of a sentence
    if ends_open(text) or shapes.sentencey(text) or shapes.cut_sentence(text) or first.lead is not None \
            or first.joined:
        return True
    return _join_score(first, second, before, tip, signed) >= 2


# a column's label, a gap (or a bar) and a person's name on a line of their own ("工人论坛　林　峰", "职工说法　王　强",
# "工人论坛｜任　远")
_COLUMN_AUTHOR = lazy_compile(r"^(?P<label>[\u4e00-\u9fff]{2,6})(?:[ \u3000]+|[ \u3000]*[｜|│][ \u3000]*)(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff \u3000·]{1,6})$")


def _column_author(text: str) -> bool:
    """"工人论坛　林　峰", "工人论坛｜任　远": a column's label and its writer's name parted by a gap or a bar, the name a
    person's."""
    match = _COLUMN_AUTHOR.match(text.strip(" \u3000"))
    return match is not None and is_person_name(match.group("name")) and not is_person_name(match.group("label"))


def _join_score(first: Unit, second: Unit, before: list[Unit], tip: list[Unit], signed: bool = False) -> int:
    """Evidence that a short unpunctuated block is half of a split sentence rather than a (cross)heading."""
    text, nxt = first.text, second.text
    score = 0
    commas = len(COMMA_INSIDE.findall(_strip_quoted(text)))
    if commas:
        # headings rarely hold commas; a long comma-bearing line after a paragraph is running text
        score += 2 if commas >= 2 or len(text) >= 12 else 1
    if text[-1] in _FUNCTION_ENDINGS:
        score += 1
    if shapes.numbered_heading(text):
        score -= 4  # "一、…" numbers a section heading, whatever commas it holds
    if _LABELLED_HEADING.match(text) and len(first.lines) == 1 and not shapes.generic_speaker(text):
        score -= 4  # "工人：收入涨了，开支更多": whose side a section gives, then its gist; a heading, commas and all
    if shapes.list_entry(nxt):
        score -= 2  # an honours-list entry stands alone
    if nxt[:1] in _OPENING_MARKS:
        score -= 2
    if second.blank_before >= 2 and not tip:
        score -= 2  # an image slot, not a column break
    prev = before[-1] if before else None
    prev_body = prev is not None and prev.kind == "text" and not headline_shaped(prev)
    if prev is not None and headline_shaped(prev):
        earlier = before[-2] if len(before) >= 2 else None
        banner_above = shapes.banner(prev.text) or shapes.bracket_label(prev.text) or \
            shapes.short_slogan(prev.text) or shapes.note_only(prev.text) or signature(prev.text) is not None \
            or shapes.signing_office(prev.text)
        # a kicker leads into the line under it (a line ending ——, or phrases set apart by a gap: "灾后重建　就业先行"):
        # that line is the title it leads into, not the first half of a sentence split after a crosshead
        leads_in = prev.text.rstrip().endswith("——") or shapes.slogan(prev.text)
        if earlier is not None and earlier.kind == "text" and not headline_shaped(earlier) and not banner_above \
                and not leads_in and not shapes.banner(text):
            score += 2  # two crossheads in a row are unlikely: this one is the start of a split sentence
        # (a column's name under a title, "工间操不该“一阵风”" / "职工说事", is the headline's banner)
        else:
            score -= 2  # it follows a headline: it is part of the headline group
    elif not prev_body:
        score -= 2
    if signed and prev_body and is_closed(prev.text) and len(first.lines) == 1:  # type: ignore[union-attr]
        # "跑单再忙，也要有喘口气的时间" after a closed paragraph, over text whose next line is a marked
        # signature ("（河南洛阳　快递员　name）"): a letter signed at its end, under its one-line title
        score -= 3
    if tip:
        score += 2  # a tip box is dropped into running text, not between a heading and its body
    if _word_spans_join(text, nxt):
        score += 2
    return score


# a short line opening with who speaks or whose side it gives and a colon, then a verdict with no sentence stop
# ("工人：收入涨了，开支更多", "企业：用工成本压力不小"): a crosshead of a story told from several sides; a sentence broken by a
# column end runs on past such a length, and an interview turn (记者：, 问：) is read apart (``generic_speaker``); a verb of
# saying before the colon ("李师傅说：…") opens a quotation, which a column end may cut
_LABELLED_HEADING = lazy_compile(r"^[\u4e00-\u9fff]{1,5}(?<![说道称讲问答示])[：:][^。！？!?；;：:“”]{2,14}$")


def _strip_quoted(text: str) -> str:
    return re.sub(r"“[^”]*”|「[^」]*」|《[^》]*》", "", text)


def _word_spans_join(left: str, right: str) -> bool:
    """True when jieba reads a word across the join ("针对以" + "上问题" -> "以上")."""
    tail, head = left[-6:], right[:6]
    if not tail or not head:
        return False
    cut = len(tail)
    return any(start < cut < end for _word, start, end in word_spans(tail + head))

