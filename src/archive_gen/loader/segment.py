"""Units -> drafts: the page cut into stories in print order.

A run of headline-like lines (with byline lines and 阅读提示 boxes among them) is a stack, read as a
whole by ``headlines.read_stack``; a single heading inside a story is a crosshead unless the evidence
(``CROSSHEAD_FEATURES``) says it titles a new item; a run-in lead always opens a story; a photo credit,
a trailer, a brief's bracketed sign-off or a rule closes one. Pure.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Set
from dataclasses import dataclass, field

from ..model import Continuation
from ..patterns import lazy_compile
from . import shapes
from .bylines import (
    credit_credits,
    house_author,
    is_person_name,
    marked_signature,
    parse_credits,
    signature,
    signoff_credits,
    unit_signoff,
)
from .headlines import ItemHeads, StackContext, read_stack
from .units import (
    COMMA_INSIDE,
    SECTION_BREAK,
    Unit,
    bare_name_line,
    editors_signoff,
    headline_shaped,
    plain_text,
)

_CAPTION_MAX_PARAGRAPHS = 4
# the marks that open an author line ("■ 郦　鸣", "□　应　涛")
_AUTHOR_MARKS = "■□●◆○◇◎"
_NUMBERED_CAPTION_MAX = 8  # 组图: ①②③… captions
_BODY_CHARS = 400  # the opening of a body that repeats its title's words
_RECLAIM_MAX_CHARS = 30
_SUBTITLE_MAX_CHARS = 40  # a 副题 printed as a sentence fills at most a line of headline type
_NEARBY_UNITS = 300  # how far the page-wide evidence for a stack looks, in blocks
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


@dataclass
class Draft:
    """A story being assembled."""

    headlines: list[Unit] = field(default_factory=list)  # headline lines, in print order
    heads: ItemHeads | None = None  # their roles (indexes into ``headlines``); None: read when built
    bylines: list[Unit] = field(default_factory=list)  # byline, signature and author-name lines
    paragraphs: list[Unit] = field(default_factory=list)
    crossheads: list[tuple[Unit, int]] = field(default_factory=list)
    fragments: list[Unit] = field(default_factory=list)  # paragraphs printed elsewhere on the page
    tip: Unit | None = None
    tip_lines: list[int] = field(default_factory=list)
    credit: Unit | None = None  # standalone credit line
    credit_text: str | None = None
    more_credits: list[str] = field(default_factory=list)  # credits of further numbered pictures of a 组图
    trailers: list[Unit] = field(default_factory=list)
    decor: list[int] = field(default_factory=list)
    marker_units: list[Unit] = field(default_factory=list)
    continued_to: Continuation | None = None
    continued_from: Continuation | None = None
    finished: bool = False  # a credit, trailer or rule closed it: later body blocks are orphans
    orphan: bool = False  # started by a body block with no headline
    # an orphan opening the page that no story claims: the rest of one begun on another page
    carried_over: bool = False

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

    @property
    def bodiless(self) -> bool:
        """A headline with nothing under it: its body was printed elsewhere (or lost)."""
        return bool(self.headlines) and not self.paragraphs and not self.fragments and not self.credit_text \
            and not self.continued_to

    @property
    def dangling(self) -> bool:
        """Its last paragraph stops mid-sentence with no jump marker: the rest is printed elsewhere."""
        if not self.paragraphs or self.continued_to or self.credit_text or self.fragments:
            return False
        last = self.paragraphs[-1]
        if last.entry or last.verse or shapes.list_entry(last.text):
            return False  # an honours-list entry, a row of figures or a poem's last verse needs no full stop
        return not last.marker_to and not _finished_sentence(last.text)


def _finished_sentence(text: str) -> bool:
    return bool(text) and (text[-1] in "。！？!?…”’」』)）》" or text.endswith("——"))


# ---------------------------------------------------------------------------------------------
# the page as a whole, for evidence that crosses stories


_NOT_GRAM = lazy_compile(r"[^\u3400-\u9fff0-9A-Za-z]")


def gram_text(text: str) -> str:
    """The characters bigrams are made of: NFKC-normalised Han, digits and Latin letters, in order."""
    return _NOT_GRAM.sub("", unicodedata.normalize("NFKC", text))


@functools.lru_cache(maxsize=8192)
def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of ``text`` (``gram_text``). Memoised: a page asks for the same line's bigrams
    in every stack reading, crosshead test and orphan match; frozen, so a caller cannot spoil the memo."""
    text = gram_text(text)
    return frozenset(map(str.__add__, text, text[1:]))


def share(part: Set[str], whole: Set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def share_in(part: Set[str], cleaned: str) -> float:
    """``share(part, bigrams(text))`` given ``gram_text(text)``: a bigram is in a text's bigram set exactly
    when it is a substring of its gram text, so a long text (a story so far) needs no set of its own."""
    return sum(1 for gram in part if gram in cleaned) / len(part) if part else 0.0


def idf(sets: list[Set[str]]) -> dict[str, float]:
    """Inverse document frequency of bigrams over the texts of one page."""
    df: dict[str, int] = {}
    for grams in sets:
        for gram in grams:
            df[gram] = df.get(gram, 0) + 1
    n = max(len(sets), 1)
    logs = [0.0] + [math.log((n + 1) / c) for c in range(1, n + 1)]
    return {g: logs[c] for g, c in df.items()}


def weighted_share(grams: Set[str], other: Set[str], weights: dict[str, float]) -> float:
    """Weighted share of ``grams`` that also occur in ``other``."""
    if not grams:
        return 0.0
    total = sum(weights.get(g, 1.0) for g in grams)
    return sum(weights.get(g, 1.0) for g in grams & other) / total if total else 0.0


class _PageText:
    """Bigram views of the page's text units, for the stack reader's page-wide evidence."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self._ends: dict[int, int] = {}
        self._matches: dict[tuple[tuple[str, ...], int, int], float] = {}

    @functools.cached_property
    def grams(self) -> list[frozenset[str]]:  # computed only when a stack needs page-wide evidence
        return [bigrams(u.text) if u.kind == "text" else frozenset() for u in self.units]

    @functools.cached_property
    def weights(self) -> dict[str, float]:
        return idf([g for g in self.grams if g])

    @functools.cached_property
    def loose(self) -> list[int]:
        """Text that may be the body of a headline printed elsewhere: not a story's opening (a run-in lead
        printed right after another story's text, with no headline over it, opens nothing either)."""
        units = self.units
        return [k for k, u in enumerate(units) if u.kind == "text"
                and not headline_shaped(u) and k > 0 and not _opens_story(units, k)]

    @functools.cached_property
    def recurring(self) -> frozenset[str]:
        """Lines printed two or more times on the page over another headline line ("建功“十五五”·产业工人风采"
        above each story of a 专版): a series banner repeated over its stories."""
        units = self.units
        counts = collections.Counter(
            u.text.strip(" \u3000") for u, below in itertools.pairwise(units)
            if u.kind == "text" and len(u.lines) == 1 and headline_shaped(u) and below.kind == "text"
            and headline_shaped(below))
        return frozenset(text for text, count in counts.items() if count >= 2)

    @functools.cached_property
    def stranded(self) -> list[int]:
        """Loose text printed right after a story closed (a sign-off, a credit, a trailer, a signature line):
        no story goes on there, so it is the body of a headline printed elsewhere."""
        units = self.units
        return [k for k in self.loose if _closes_story(units, k - 1)]

    def stranded_outside(self, start: int, stop: int) -> bool:
        """Stranded text near the stack but not under it."""
        found = self.stranded[bisect.bisect_left(self.stranded, start - _NEARBY_UNITS):
                              bisect.bisect_right(self.stranded, stop + _NEARBY_UNITS)]
        return any(not start <= k < stop for k in found)

    def body_after(self, start: int) -> str:
        parts: list[str] = []
        for k, unit in enumerate(self.units[start: start + 6]):
            if unit.kind != "text" or headline_shaped(unit) or (k and unit.lead is not None):
                break  # (a second run-in lead opens another story's text)
            parts.append(unit.text)
            if unit.signoff:
                break  # "…。（齐　悦）": a brief's sign-off is its last line
        return "".join(parts)[:_BODY_CHARS]

    def body_end(self, start: int) -> int:
        """Where the body under a stack ends: the next lead, stack of two lines, credit, trailer or rule."""
        if start not in self._ends:
            self._ends[start] = self._body_end(start)
        return self._ends[start]

    def _body_end(self, start: int) -> int:
        k = start
        while k < len(self.units):
            unit = self.units[k]
            if unit.kind in ("credit", "trailer", "decor", "marker") or unit.credit or unit.marker_from or \
                    (k > start and unit.lead is not None):
                if _section_break(unit) and k + 1 < len(self.units) and not headline_shaped(self.units[k + 1]):
                    k += 1  # "＊　＊　＊" over more text: a break inside the story, whose body goes on
                    continue
                break
            if headline_shaped(unit) and k + 1 < len(self.units) and headline_shaped(self.units[k + 1]):
                break
            k += 1
            if unit.signoff:
                break  # a sign-off closes the body: what follows it belongs to another story
        return k

    def elsewhere(self, lines: list[str], skip: range) -> float:
        key = (tuple(lines), skip.start, skip.stop)
        if key not in self._matches:
            self._matches[key] = self._elsewhere(*key)
        return self._matches[key]

    def _elsewhere(self, lines: tuple[str, ...], start: int, stop: int) -> float:
        """The best match of any one of the lines (a subtitle need not recur in the body)."""
        best = 0.0
        for line in lines:
            grams = bigrams(line)
            # a short line (a banner) finds its few words anywhere: its evidence counts for less
            scale = min(1.0, len(grams) / 10)
            # a page holds a few dozen stories; a file of thousands (pages joined) is searched nearby
            for k in self.loose[bisect.bisect_left(self.loose, start - _NEARBY_UNITS):
                                bisect.bisect_right(self.loose, stop + _NEARBY_UNITS)]:
                if not start <= k < stop:
                    best = max(best, scale * weighted_share(grams, self.grams[k], self.weights))
        return best

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def echo(line: str, body: str) -> float:
        """Share of a headline line's words found in a body (asked once per line by every reading)."""
        return share(bigrams(line), bigrams(body))


def _closes_story(units: list[Unit], k: int) -> bool:
    """The unit at k ends a story: a credit, a trailer, a brief's sign-off, or a byline line signing text."""
    unit = units[k]
    if unit.kind in ("credit", "trailer"):
        return True
    if unit.kind == "text":
        return bool(unit.signoff or unit.credit)
    return unit.kind == "byline" and k >= 1 and units[k - 1].kind == "text" and not headline_shaped(units[k - 1])


def _opens_story(units: list[Unit], k: int) -> bool:
    previous = units[k - 1]
    if previous.kind == "byline" and k >= 2 and units[k - 2].kind == "text" and not headline_shaped(units[k - 2]):
        return False  # a byline after text signs the story above; what follows it opens nothing
    return previous.kind in ("byline", "tiplabel") or headline_shaped(previous)


# ---------------------------------------------------------------------------------------------
# crossheads


@dataclass
class _Heading:
    """What the crosshead decision knows about a single heading line inside a story."""

    text: str
    paragraphs: int
    has_lead: bool
    has_byline_line: bool
    has_crossheads: bool
    continued: bool
    echo_next: float
    echo_story: float
    list_follows: bool
    table_follows: bool = False
    opens_interview: bool = False  # the next paragraph is the first interviewer's turn (记者：…, 问：…)
    opens_letter: bool = False  # the next paragraph is a letter's salutation (编辑同志：)
    dated_lead: bool = False  # the story opens with a dateline lead (新华社东京12月1日电)
    reported: bool = False  # the story opens by citing another outlet's report (据外媒报道，…, 据《…》报道，…)
    reports_next: bool = False  # the paragraph under the line opens by citing another outlet's report
    poem_follows: bool = False  # verses follow and the story so far is prose: the line titles a poem
    grid_follows: bool = False  # a table of three or more columns printed as lines follows (its header, its rows)
    signed_next: bool = False  # the paragraph under the line ends with a bracketed name sign-off ("…。（柳　青）")
    # a blank line above the line, running text tight under it, and no blank line between the story's own
    # paragraphs: the page parts its items, not its paragraphs, with blank lines (a box's label over its rows is no such line)
    gap_parts_items: bool = False
    # the story is a short signed commentary: its author's name alone on a line over its text (no lead, no section yet),
    # three paragraphs at most so far, the last one closed
    short_comment: bool = False
    # the text under the line (before any other heading) ends with a bracketed sign-off naming nobody the story's byline
    # line names ("…5本。（本报通讯员　芮　琦）" under a profile by 本报记者　蓝　溪)
    signed_by_other: bool = False
    bureau_lead: bool = False  # the story opens with the paper's own undated lead (本报讯, 本报讯（记者　…）)
    how_to: bool = False  # the line tells the reader how to do something (…这样申请, 如何…, …需带哪些材料, …指南)
    # the page sets headlines apart by blank lines and parts paragraphs by indents alone (a pdftotext copy): the story's
    # first paragraph stands a blank line under its headline, its later ones tight, and the line has a blank line above
    # and below it as that headline has (a box's label — 记者手记, 相关链接, 背景 — is left out: a box extends the story)
    set_off_as_head: bool = False
    # the line is the bare name of an honour (五一劳动奖状, 工人先锋号, 优胜单位) and the story is a document conferring
    # honours (…关于表彰…的决定, …的通报): the line heads one of the document's lists; or the line names a group with
    # the count of its rows (江北区（3名）) inside a list titled as a whole (…名单), over rows: one of its sections
    honour_section: bool = False
    # the story is a results list (…项目成绩) and place rows follow the line ("第1名　…"): the line names the next event
    results_section: bool = False
    # a reader's question follows (读者问：, 网友问：, 职工问：; not an interviewer's 记者：/问：) and the story already
    # answers a reader's question: a Q&A column prints each reader's question under a headline of its own
    next_reader_question: bool = False
    # the paragraph under the line opens with a chart's caption label (图表：…, 示意图：…): the line titles the chart
    chart_next: bool = False
    # the story announces that the page prints speeches in summary (本版摘登发言要点, 现将发言摘编如下), or is itself one
    # speaker's summary, and the line names a speaker before a colon (江北区总工会副主席房静：把服务阵地…): the line titles
    # (the next) speaker's summary
    speaker_summary: bool = False


CROSSHEAD_FEATURES: list[tuple[str, Callable[[_Heading], bool], float]] = [
    ("a single heading inside a story is a crosshead", lambda h: True, 0.5),
    ("features and long stories have crossheads",
     lambda h: h.paragraphs >= 2 or h.has_byline_line or h.has_crossheads or h.continued, 1.5),
    ("crossheads are short", lambda h: len(h.text) <= 16, 0.5),
    ("a one-paragraph dispatch has no crossheads", lambda h: h.paragraphs == 1 and h.has_lead
     and not h.has_byline_line, -0.75),
    ("a short dispatch (a dateline lead: 新华社东京…电, 本报北京…电) of two or three paragraphs has no crossheads",
     lambda h: 2 <= h.paragraphs <= 3 and h.dated_lead and not h.has_byline_line and not h.has_crossheads, -3.0),
    # a how-to printed under a short 本报讯 story carries no dateline and no byline of its own, so only its heading
    # parts it from the news; a heading telling the reader how to do something (…需带哪些材料, …这样申请, …办理指南)
    # is no section of a news story of one to three paragraphs (a label such as 记者手记 or 新闻链接, or a statement such
    # as “爱心驿站”全天开放, still is)
    ("a how-to heading under a short undated 本报讯 story (a lead naming no date or place, no byline line) of up to "
     "three paragraphs titles a piece of its own", lambda h: h.how_to and 1 <= h.paragraphs <= 3 and h.has_lead
     and h.bureau_lead and not h.dated_lead and not h.has_byline_line and not h.has_crossheads, -2.5),
    # a pdftotext copy of a page sets every headline off by blank lines and parts paragraphs by indents alone: in a short
    # story opening on its lead (本报讯…, a dateline), a line set off as its own headline was is the next story's
    ("a line set off by blank lines as the story's own headline was, on a page whose paragraphs are tight, under a "
     "short story opening on a lead (two or three paragraphs, no section yet), heads the next story",
     lambda h: h.set_off_as_head and h.has_lead and 2 <= h.paragraphs <= 3 and not h.has_crossheads, -3.0),
    ("a short round-up of others' reports (据外媒报道，…, no dateline) of two or three paragraphs has no crossheads",
     lambda h: 2 <= h.paragraphs <= 3 and h.reported and not h.has_byline_line and not h.has_crossheads, -3.0),
    ("text opening on another outlet's report (据《…》消息，) under the line: the line titles a round-up, no section",
     lambda h: h.reports_next and not h.has_crossheads, -3.0),
    ("the next paragraph restates the line and the story so far does not",
     lambda h: h.echo_next >= 0.5 and h.echo_story < 0.25, -1.0),
    ("a list follows: the line is the list's title", lambda h: h.list_follows, -4.0),
    ("verses follow a prose story: the line titles a poem of its own (a second poem's title inside a poem stays a "
     "crosshead)", lambda h: h.poem_follows, -4.0),
    ("an interview's first question follows and the story so far has no turns: the line titles the interview",
     lambda h: h.opens_interview, -3.0),
    ("a short label over rows of figures inside a story labels the story's box (数说安全, 【数读】), not a list",
     lambda h: h.table_follows and len(h.text) <= 8, 4.5),
    ("a caption over a table of three or more columns printed as lines inside a story captions the story's table "
     "(its rows are no list the line would title, and a short dispatch closed by a table still has it)",
     lambda h: h.grid_follows, 8.0),
    ("a bracketed note ends titles, not crossheads", lambda h: shapes.bracket_note(h.text) is not None
     and not shapes.bracket_label(h.text), -2.0),
    ("“place：…” is a title", lambda h: bool(re.match(r"^[^,，:：“”]{1,10}[:：]", h.text)), -1.0),
    ("a notice's heading (更正, 启事, 声明) titles a notice of its own", lambda h: shapes.notice_title(h.text), -4.0),
    ("a box of advice (安全小贴士, 温馨提示) is a piece of its own", lambda h: shapes.advice_box(h.text), -4.0),
    ("a letter's salutation follows (编辑同志：): the line titles the letter", lambda h: h.opens_letter, -4.0),
    ("a 【label】 inside a story is a crosshead", lambda h: shapes.bracket_label(h.text), 1.5),
    ("a numbered section heading (一、…, 第三章　附则) inside a story is a crosshead",
     lambda h: shapes.numbered_heading(h.text), 1.5),
    ("on a page that parts items (not paragraphs) with blank lines, a line after a gap with its text tight under it "
     "heads the next item", lambda h: h.gap_parts_items, -3.0),
    ("a story credited on a byline line is not signed again at its end: a line over a paragraph closed by a bracketed "
     "name (…。（柳　青）) titles a brief of its own", lambda h: h.signed_next and h.has_byline_line, -4.0),
    # a half continued from another page (上接第1版) was credited where it began: its text is not signed by a bracketed
    # name after a heading either, so such a line under it opens a signed brief (fresh54's 基层传真 page)
    ("a half continued from another page is credited on that page: a line over a paragraph closed by a bracketed name "
     "titles a brief of its own", lambda h: h.signed_next and h.continued and not h.has_byline_line, -4.0),
    ("a story credited on a byline line is not signed by someone else further down: a line over text closed by a "
     "sign-off naming another writer titles that writer's piece", lambda h: h.signed_by_other and h.has_byline_line, -4.0),
    # a 决定/通报 conferring several honours prints one list under each honour's bare name; the list under the line
    # would otherwise make it the list's own title (−4)
    ("inside a document conferring honours, an honour's bare name over its list is a section of the document",
     lambda h: h.honour_section, 5.0),
    # a results list prints one run of place rows under each event's name (男子100米, 女子400米); the rows under the line
    # would otherwise make it a list's own title (−4)
    ("inside a results list, an event's name over its place rows is a section of the list",
     lambda h: h.results_section, 5.0),
    # an interview's crossheads sit between its interviewer's turns (记者：, 问：); a column answering readers (律师信箱,
    # 专家答疑) prints each reader's question, and its answer, under a headline of its own
    ("a reader's question follows a story that already answered one: the line titles the next reader's Q&A",
     lambda h: h.next_reader_question, -4.0),
    # a 数读 page prints a chart under a story: its title, then a caption opening 图表：; the title is no section of the story
    ("a speaker's name and a colon over the point, after a report announcing speeches in summary (本版摘登发言要点) or "
     "another speaker's summary: the line titles that speaker's summary", lambda h: h.speaker_summary, -4.0),
    ("a chart's caption (图表：…) follows: the line titles the chart, a piece of its own", lambda h: h.chart_next, -4.0),
    ("a short commentary signed by its author's name over its text has no sections: a heading after its closed text "
     "titles the next piece (a commentary printed unsigned after it, a Q&A)", lambda h: h.short_comment, -3.0),
]


_INTERVIEWERS = ("记者", "本报记者", "问", "Q")
# the paper's own undated lead: "本报讯", "本报讯（记者　罗　敏）"
_BUREAU_LEAD = lazy_compile(r"^本报讯")
# a heading that tells the reader how to do something: "工伤认定这样申请", "维权热线怎么打", "申请法律援助需带哪些材料",
# "驿站在哪里？", "普惠卡办理指南", "会员卡还能这样用" (这样 and a verb of using, claiming, checking or paying)
_HOW_TO = lazy_compile(r"怎么|怎样|如何|这样(?:申请|办理|操作|查询|办|做|填|报|用|领|查|缴)|哪些|哪里|哪儿|指南|须知|攻略|流程")
# a box's label, which extends the story above it (README: boxes under a story)
_BOX_LABEL = lazy_compile(r"(?:手记|链接|背景|档案|延伸阅读|相关新闻|相关阅读|点评|短评|观察|提示|小贴士|名词解释)$")
# "据外媒报道，", "据《四川工人日报》报道，", "据日本共同社消息，": a story opening on another outlet's report
_REPORTED = lazy_compile(r"^据[^，,。；;：:]{1,20}(?:报道|消息)[，,]")


def _list_ahead(units: list[Unit], start: int) -> bool:
    """Two or more honours-list entries follow (short lines ending in 。)."""
    entries = 0
    for unit in units[start: start + 3]:
        if unit.kind != "text" or not (unit.entry or shapes.list_entry(unit.text)) or unit.lead is not None:
            break
        entries += 1
    return entries >= 2


def _table_ahead(units: list[Unit], start: int) -> bool:
    """Two or more rows of a table of figures follow ("1.6万家　　参赛企业", "结案率　　99.2%")."""
    rows = 0
    for unit in units[start: start + 3]:
        if unit.kind != "text" or unit.lead is not None or not shapes.figure_row(unit.text, narrow=unit.entry):
            break
        rows += 1
    return rows >= 2


def _grid_ahead(units: list[Unit], start: int) -> bool:
    """The rows of a table of three or more columns follow (units._mark_table_rows marked them, cells parted by wide
    gaps or, in a table set narrow, by one)."""
    rows = list(itertools.takewhile(lambda u: u.kind == "text" and u.entry
                                    and (u.narrow_table or shapes.table_cells(u.text) is not None),
                                    units[start: start + 3]))
    return len(rows) >= 2


def _signed_at_end(draft: Draft) -> bool:
    """A signature line ("浙江温州　钢筋工　罗小兵") printed after the story's text."""
    start = min(draft.paragraphs[0].lines) if draft.paragraphs else None
    if start is None:
        return False
    # an author line ("■ 尚　岚") printed after the story's last paragraph signs it at its end (a 时评 signed below
    # its text): the piece is over
    end = max(draft.paragraphs[-1].lines)
    # a bracketed compiler's credit after the last paragraph ("（本报记者　罗　敏　整理）" under a Q&A) closes the piece
    # it credits, as a signature does: a heading after it heads the next piece
    return any(min(u.lines) > start and signature(u.text) is not None for u in draft.bylines) \
        or any(min(u.lines) > end and u.text.strip(" \u3000")[:1] in _AUTHOR_MARKS for u in draft.bylines) \
        or any(min(u.lines) > end and _COMPILED_BY.fullmatch(u.text.strip(" \u3000")) is not None for u in draft.bylines)


def _honours_list(draft: Draft) -> bool:
    """The draft is an honours list titled as a whole ("…获奖名单", "…先进集体和先进个人"), not by one honour's bare
    name: the bare names printed under it ("五一劳动奖章", "工人先锋号") head its sections."""
    return any(u.kind == "text" and shapes.list_title(u.text) and not shapes.honour_section(u.text)
               for u in draft.headlines) and all(u.entry for u in draft.paragraphs)  # rows only: a news story has prose


def _is_crosshead(head: Unit, nxt: Unit | None, current: Draft | None, units: list[Unit], after: int) -> bool:
    if current is None or current.finished or not current.paragraphs:
        return False
    if head.kind != "text" or len(head.text) > shapes.MAX_CROSSHEAD_CHARS or nxt is None or nxt.kind != "text":
        return False
    if head.runin:
        return False  # "◇title　text…": a brief's run-in title titles the brief, never a section of the one above
    if any(u.runin for u in current.headlines):
        return False  # a brief run in after a bullet has no sections: a heading after it heads the next piece
    if nxt.marker_from or nxt.lead is not None or headline_shaped(nxt):
        return False
    if head.blank_before >= 2 or nxt.blank_before >= 2:
        return False  # gaps around a heading mark an image slot: a new (photo) item
    if _photo_ahead(units, after) or marked_signature(head.text) or _signed_ahead(units, after):
        return False
    if _signed_at_end(current):
        return False  # a letter signed after its text is over: a heading after it heads the next piece
    if shapes.signing_office(head.text) and shapes.SENTENCE_STOPS.search(current.paragraphs[-1].text[-1:]):
        return False  # "…特此声明。" then "某市总工会办公室": the office signs the notice, it heads nothing
    facts = _Heading(head.text, len(current.paragraphs), bool(current.paragraphs[0].lead),
                     bool(current.bylines), bool(current.crossheads), current.continued_from is not None,
                     share(bigrams(head.text), bigrams(nxt.text)),
                     share_in(bigrams(head.text), gram_text(current.headline_text() + current.body_text())),
                     _list_ahead(units, after), _table_ahead(units, after),
                     _asks_first(nxt.text) and not any(shapes.speaker(u.text) for u in current.paragraphs),
                     shapes.salutation(nxt.text),
                     current.paragraphs[0].lead is not None and current.paragraphs[0].lead.dateline is not None,
                     bool(_REPORTED.match(current.paragraphs[0].text)), bool(_REPORTED.match(nxt.text)),
                     nxt.verse and not current.paragraphs[-1].verse, _grid_ahead(units, after), nxt.signoff is not None,
                     head.blank_before >= 1 and nxt.blank_before == 0 and len(current.paragraphs) >= 2
                     and (shapes.sentencey(nxt.text) or nxt.text.rstrip()[-1:] in "。！？!?") and not nxt.entry
                     and all(u.blank_before == 0 for u in current.paragraphs[1:]),
                     _short_comment(current), _signed_by_other(units, after, current),
                     current.paragraphs[0].lead is not None and _BUREAU_LEAD.match(current.paragraphs[0].lead.text) is not None,
                     _HOW_TO.search(head.text) is not None,
                     head.blank_before >= 1 and nxt.blank_before >= 1 and len(current.paragraphs) >= 2
                     and current.paragraphs[0].blank_before >= 1
                     and all(u.blank_before == 0 for u in current.paragraphs[1:])
                     and _BOX_LABEL.search(head.text.strip(" \u3000")) is None,
                     (shapes.honour_section(head.text) and (shapes.conferring_document(current.headline_text())
                                                            or (_honours_list(current) and _list_ahead(units, after))))
                     or (shapes.counted_section(head.text) and _honours_list(current) and _list_ahead(units, after))
                     or (shapes.bare_section(head.text) and _honours_list(current) and after < len(units)
                         and units[after].kind == "text" and units[after].entry),
                     nxt.entry and shapes.results_row(nxt.text) and shapes.results_title(current.headline_text())
                     and not shapes.results_title(head.text),
                     _reader_asks(nxt.text) and any(_reader_asks(u.text) for u in current.paragraphs),
                     _CHART_CAPTION.match(nxt.text.lstrip(" \u3000")) is not None,
                     _SPEAKER_HEADLINE.match(head.text.strip(" \u3000")) is not None
                     and (_EXCERPTS_ANNOUNCED.search(current.body_text()) is not None
                          or _SPEAKER_HEADLINE.match(current.headline_text().strip(" \u3000")) is not None))
    return sum(weight for _what, test, weight in CROSSHEAD_FEATURES if test(facts)) > 0


# a report of a meeting announces that the page prints its speeches in summary ("本版摘登发言要点", "现将发言摘编如下")
_EXCERPTS_ANNOUNCED = lazy_compile(r"(?:摘登|摘编|摘发)[^。！？]{0,8}(?:发言|讲话|观点)|(?:发言|讲话)(?:摘要|摘登|摘编|要点)")
# a speaker's summary headline: the speaker's post (ending on a post's word) and name glued before a colon, then the point
_SPEAKER_HEADLINE = lazy_compile(r"^(?:[\u4e00-\u9fff“”·]{2,20}(?:主席|书记|站长|局长|厂长|经理|院长|校长|主任|代表|委员|部长|"
                                 r"班长|组长|队长|技师|工人|职工|司机|快递员|骑手)[\u4e00-\u9fff·]{2,4}"
                                 # or the name first and the post in brackets: "石磊（江州港务集团桥吊司机）："
                                 r"|[\u4e00-\u9fff·]{2,4}[（(][\u4e00-\u9fff“”·、]{2,24}[）)])[：:][^：:]{4,30}$")
# a chart's caption opens with its label: "图表：2015年…", "示意图：…", "统计图："
_CHART_CAPTION = lazy_compile(r"^(?:图表|示意图|统计图|数据图|柱状图|折线图|饼图)[：:]")

_SHORT_COMMENT_PARAGRAPHS = 3
# a compiler's credit in brackets on a line of its own: "（本报记者　罗　敏　整理）", "(记者 王  敏 整理)"
_COMPILED_BY = lazy_compile(r"[(（][^()（）]{2,30}整理[)）]")


def _short_comment(draft: Draft) -> bool:
    """A short commentary so far: an author's name alone (or the paper's commentator) on a byline line over its text,
    no lead, no crosshead, at most three paragraphs, the last one closed."""
    if not draft.bylines or not draft.paragraphs or draft.crossheads or draft.paragraphs[0].lead is not None \
            or len(draft.paragraphs) > _SHORT_COMMENT_PARAGRAPHS or not _finished_sentence(draft.paragraphs[-1].text):
        return False
    first = draft.paragraphs[0].first_line
    return all(u.first_line < first and (bare_name_line(u.text.strip(" \u3000" + _AUTHOR_MARKS))
                                         or house_author(u.text)) for u in draft.bylines)


# a reader's question labelled by who asks and how (网友留言：, 职工提问：, 读者来信：, 市民咨询：) rather than 读者问：
_READER_TURN = lazy_compile(r"(?:读者|网友|网民|职工|市民|工友|听众|群众)(?:留言|提问|咨询|来信|来电)")


def _reader_label(label: str | None) -> bool:
    """A reader's turn label: 读者问, 网友问, 职工问 (a short label ending 问 that is no interviewer's), or 网友留言,
    职工提问 and the like."""
    return label is not None and label not in _INTERVIEWERS and (
        (label.endswith("问") and len(label) <= 3) or _READER_TURN.fullmatch(label) is not None)


# a reader's question saying how it came in ("读者来信问：", "网友留言问：", "职工来电问："): longer than a speaker's label,
# still the reader's question put to an expert
_READER_WROTE_ASKS = lazy_compile(r"^(?:读者|网友|职工|市民|群众|听众)(?:来信|来电|留言|来函)问[：:](?=.)")


def _asks_first(text: str) -> bool:
    """The paragraph is a first question: an interviewer's turn (记者：, 问：) or a reader's question put to an expert
    (读者问：, 网友留言：, 读者来信问：), which a Q&A headed by its title alone opens with."""
    label = shapes.speaker(text)
    return (label is not None and (label in _INTERVIEWERS or _reader_label(label))) \
        or _READER_WROTE_ASKS.match(text) is not None


def _reader_asks(text: str) -> bool:
    """The paragraph is a reader's question put to an expert (读者问：, 网友问：, 职工提问：, 网友留言：, 读者来信问：), not
    an interviewer's turn."""
    return _reader_label(shapes.speaker(text)) or _READER_WROTE_ASKS.match(text) is not None


def _signed_ahead(units: list[Unit], start: int) -> bool:
    """True when a signature closes the next few body blocks before any other heading: the heading titles
    a signed piece of its own (a reader's letter), not a section of the story above."""
    for seen in range(min(len(units) - start, _CAPTION_MAX_PARAGRAPHS + 1)):
        unit = units[start + seen]
        if seen and unit.kind == "trailer" and editors_signoff(unit.text):
            return True  # "编辑的话" over a note the editors sign (——编　者): a piece of its own
        if seen and unit.kind == "byline" and unit.text.strip(" \u3000")[:1] in _AUTHOR_MARKS \
                and units[start + seen - 1].kind == "text" \
                and units[start + seen - 1].text.rstrip()[-1:] in "。！？!?”…":
            return True  # "■ name" right after finished text signs the piece the heading titles (a signed 时评)
        if unit.kind != "text" or unit.lead is not None:
            return False
        if seen and marked_signature(unit.text):
            return True
        if headline_shaped(unit):
            return False
    return False


def _squeeze(name: str) -> str:
    return "".join(name.split())


def _signed_by_other(units: list[Unit], start: int, current: Draft) -> bool:
    """True when one of the next few paragraphs, before any other heading, is closed by a bracketed sign-off and the
    sign-off names nobody the story's byline lines name: the writer signs a piece of their own, and the heading above
    the text titles it (a crosshead's section ends with its story's own writer, if with anyone). Looks no further than
    ``_signed_ahead`` does."""
    if not current.bylines:
        return False
    for seen in range(min(len(units) - start, _CAPTION_MAX_PARAGRAPHS + 1)):
        unit = units[start + seen]
        if unit.kind != "text" or unit.lead is not None or (seen and headline_shaped(unit)):
            return False
        if unit.signoff is not None:
            signers = {_squeeze(name) for name in signoff_credits(unit.signoff).byline.names()}
            own = {_squeeze(name) for line in current.bylines for name in parse_credits(line.text).byline.names()}
            return bool(signers) and bool(own) and not signers & own
    return False


def _photo_ahead(units: list[Unit], start: int) -> bool:
    """True when a photo credit closes the next few body blocks (the heading is a photo title)."""
    limit = _CAPTION_MAX_PARAGRAPHS
    for seen in range(len(units) - start):  # indexing, not a slice: a copy per headline is quadratic
        unit = units[start + seen]
        if unit.kind == "credit":
            return seen > 0
        if unit.kind != "text" or headline_shaped(unit):
            return False
        if unit.text[:1] in _CIRCLED:
            limit = _NUMBERED_CAPTION_MAX
        if unit.credit:
            return True
        if unit.lead is not None or seen >= limit:
            return False
    return False


# ---------------------------------------------------------------------------------------------
# segmentation


def segment(units: list[Unit]) -> list[Draft]:
    """Cut the unit stream into drafts in page order."""
    page = _PageText(units)
    drafts: list[Draft] = []
    current: Draft | None = None
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.kind in ("byline", "tiplabel", "notelabel") or headline_shaped(unit):
            j, group = _collect(units, i)
            if not group:  # a tip label with no text after it: a bare label, kept with the item
                if current is None:
                    current = Draft(orphan=True)
                    drafts.append(current)
                current.decor.extend(unit.lines)
                i += 1
                continue
            current = _place_group(group, units, j, current, drafts, page)
            i = j
            continue
        if _photo_of_its_own(units, i, current):
            current = Draft()  # the caption opens a photo item of its own, untitled and no stray (an orphan)
            drafts.append(current)
        current = _place_unit(unit, current, drafts)
        i += 1
    _unheaded_last_line(drafts)
    _notes_after_signature(drafts)
    _notes_above(drafts)
    _headline_markers(drafts)
    _group_poem_titles(drafts)
    _pull_quotes(drafts)
    return drafts


# a caption that dates its own scene ("5月8日，在…企业，…"): a news photo's caption says when it was taken; a caption of
# the story's own picture points at it ("图为…", "上图：…") and leaves the when to the story
_DATED_SCENE = lazy_compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日[，,]")
_SPACES = " \u3000\t"


def _photo_of_its_own(units: list[Unit], k: int, current: Draft | None) -> bool:
    """A caption printed under a story's closed text with one blank line or more between, credited (on its line or the
    next) to a photographer the story's credits do not name, dating its own scene: a news photo of its own, not the
    story's picture (a story's own picture is taken by its writer, or captioned "图为…"). After a brief closed by its
    sign-off, any credited caption is."""
    unit = units[k]
    if current is None or not current.paragraphs or unit.kind != "text":
        return False
    credit = unit.credit  # the cheap test first: most text blocks have no credit on their line or the next
    if credit is None and k + 1 < len(units) and units[k + 1].kind == "credit":
        credit = units[k + 1].credit
    if not credit or unit.lead is not None or unit.marker_from or unit.blank_before < 1 \
            or not _finished_sentence(current.paragraphs[-1].text.rstrip(_SPACES)):
        return False
    if current.finished:
        # a brief closed by its bracketed sign-off ("…。（张　华）") is over: a credited caption after it is a photo of
        # its own (not a stray piece of text, which is what an untitled block after a closed story is taken for)
        return bool(current.paragraphs[-1].signoff) and current.credit_text is None and not current.trailers
    if not _DATED_SCENE.match(unit.text.strip(_SPACES)):
        return False
    byline = credit_credits(credit).byline
    names = [re.sub(f"[{_SPACES}]", "", name) for name in (*byline.photographers, *byline.reporters,
                                                          *byline.correspondents)]
    if not names:
        return False
    story = re.sub(f"[{_SPACES}]", "", "".join(u.text for u in [*current.headlines, *current.bylines,
                                                               *current.paragraphs]))
    return not any(name in story for name in names)


# a paragraph that is one quoted sentence and nothing else, short enough to be printed large ("“焊缝不会说谎，…。”")
_QUOTED_LINE = lazy_compile(r"^“(?P<said>[^“”]{4,40})”$")
_PULL_QUOTE_CLAUSE = 4  # characters of the quote's first clause that must recur in the story's text


def _pull_quotes(drafts: list[Draft]) -> None:
    """A feature's pull quote: a line that is one quoted sentence, inside the text (not its first or last paragraph),
    whose first clause the story prints in one of its own paragraphs, is display text repeating the story's words (a
    crosshead), not a paragraph of its own. Only stories with a byline line or crossheads (features) print them."""
    for draft in drafts:
        if not (draft.bylines or draft.crossheads) or len(draft.paragraphs) < 4:
            continue
        quotes = []
        for k, unit in enumerate(draft.paragraphs):
            said = _QUOTED_LINE.match(unit.text.strip(" \u3000"))
            clause = re.split(r"[，,。！？!?；;：:]", said.group("said"))[0] if said else ""
            if 0 < k < len(draft.paragraphs) - 1 and unit.lead is None and len(clause) >= _PULL_QUOTE_CLAUSE \
                    and any(clause in other.text for j, other in enumerate(draft.paragraphs) if j != k):
                quotes.append(k)
        if not quotes:
            continue
        # a crosshead's place counts the paragraphs before it: the quotes before it are no longer among them
        heads = [(unit, before - sum(1 for k in quotes if k < before)) for unit, before in draft.crossheads]
        heads += [(draft.paragraphs[k], k - n) for n, k in enumerate(quotes)]
        draft.paragraphs = [unit for k, unit in enumerate(draft.paragraphs) if k not in quotes]
        draft.crossheads = sorted(heads, key=lambda pair: (pair[1], pair[0].first_line))


# a title that says how many poems it prints, each under a title of its own: "（组诗选二）", "（组诗三首）", "（二首）"
# (not "（外一首）": the first poem goes under the headline itself, with no title line of its own)
_POEM_GROUP = lazy_compile(r"[(（](?:组诗选(?P<chosen>[二三四五六])|组诗(?P<group>[二三四五六])首|(?P<plain>[二三四五六])首)[)）]$")
_POEM_NUMBERS = "一二三四五六"


def _group_poem_titles(drafts: list[Draft]) -> None:
    """A group of poems whose title says how many it prints, with as many stanzas and no poem's title found
    yet: each stanza opens with its poem's title printed right above the verses (a crosshead, not a verse)."""
    for draft in drafts:
        if draft.heads is None or draft.crossheads or not draft.paragraphs \
                or not all(u.verse for u in draft.paragraphs):
            continue
        match = _POEM_GROUP.search(draft.headlines[draft.heads.title].text.rstrip(" \u3000"))
        if match is None:
            continue
        count = _POEM_NUMBERS.index(match.group("chosen") or match.group("group") or match.group("plain")) + 1
        starts = [k for k, unit in enumerate(draft.paragraphs) if k == 0 or unit.blank_before >= 1]
        ends = [*starts[1:], len(draft.paragraphs)]
        if len(starts) != count or any(end - start < 3 for start, end in zip(starts, ends, strict=True)):
            continue  # a title over at least two verses in every stanza
        titles = {id(draft.paragraphs[k]) for k in starts}
        crossheads: list[tuple[Unit, int]] = []
        paragraphs: list[Unit] = []
        for unit in draft.paragraphs:
            if id(unit) in titles:
                crossheads.append((unit, len(paragraphs)))
            else:
                paragraphs.append(unit)
        draft.paragraphs, draft.crossheads = paragraphs, crossheads


def _headline_markers(drafts: list[Draft]) -> None:
    """A headline printed with its jump marker ("…（上接第2版）") makes its story a continued half; read in any
    other place (a crosshead, text, a second marker in one story) the marker goes back into the line."""
    for draft in drafts:
        units = draft.headlines + [u for u, _ in draft.crossheads] + draft.paragraphs + draft.bylines
        for unit in units:
            if not unit.head_marker or unit.marker_from is None:
                continue
            if any(unit is head for head in draft.headlines) and draft.continued_from is None:
                draft.continued_from = unit.marker_from
                continue
            if unit.marker_from is not draft.continued_from:
                unit.text += unit.marker_from.marker
                unit.marker_from = None
                unit.head_marker = False


def _notes_after_signature(drafts: list[Draft]) -> None:
    """An 编者按 run-in printed after a signed letter and over the next headline introduces the piece under that
    headline (the editor's answer to the letter): it opens that piece's body, it is no text of the letter."""
    for draft, nxt in itertools.pairwise(drafts):
        if not (draft.bylines and draft.paragraphs and nxt.headlines) or draft.fragments:
            continue
        signed = max(n for u in draft.bylines for n in u.lines)
        cut = next((k for k, u in enumerate(draft.paragraphs) if min(u.lines) > signed), None)
        # a byline line above all the text (a commentator's line under the title) signs nothing printed
        # before the note: the note is that piece's own run-in
        if not cut or not shapes.editor_note(draft.paragraphs[cut].text) \
                or any(before > cut for _unit, before in draft.crossheads):
            continue
        notes = draft.paragraphs[cut:]
        del draft.paragraphs[cut:]
        nxt.paragraphs[:0] = notes
        nxt.crossheads = [(unit, before + len(notes)) for unit, before in nxt.crossheads]


def _notes_above(drafts: list[Draft]) -> None:
    """An 编者按 run-in printed above a headline with no headline of its own ("编者按：…" at the top of a page,
    over a series banner and the first piece) opens the body of the story under it. A single line over
    nothing but an 编者按 is the banner of the section that note introduces: it goes over the next story."""
    k = 0
    while k + 1 < len(drafts):
        note, nxt = drafts[k], drafts[k + 1]
        if _banner_over_note(note, nxt):
            assert nxt.heads is not None
            shifted = ItemHeads(title=nxt.heads.title + 1,
                                kicker=None if nxt.heads.kicker is None else nxt.heads.kicker + 1,
                                title_more=tuple(j + 1 for j in nxt.heads.title_more),
                                subtitle=None if nxt.heads.subtitle is None else nxt.heads.subtitle + 1,
                                subtitle_more=tuple(j + 1 for j in nxt.heads.subtitle_more),
                                columns=(0, *(c + 1 for c in nxt.heads.columns)), names=nxt.heads.names)
            nxt.headlines[:0] = note.headlines
            nxt.heads = shifted
            note.headlines, note.heads, note.orphan = [], None, True
        if note.orphan and not note.headlines and not note.bylines and not note.crossheads \
                and not note.credit_text and not note.marker_units and note.continued_to is None \
                and note.continued_from is None and note.tip is None and not note.tip_lines \
                and note.paragraphs and shapes.editor_note(note.paragraphs[0].text) \
                and nxt.headlines and not nxt.continued_from:
            nxt.paragraphs[:0] = note.paragraphs
            nxt.crossheads = [(unit, before + len(note.paragraphs)) for unit, before in nxt.crossheads]
            nxt.decor.extend(note.decor)
            nxt.trailers[:0] = note.trailers
            del drafts[k]
            continue
        k += 1


def _banner_over_note(note: Draft, nxt: Draft) -> bool:
    """A one-line headline whose only text is an 编者按 note, above a story with a headline of its own."""
    return len(note.headlines) == 1 and note.heads is not None and not (note.heads.kicker or note.heads.subtitle
                                                                       or note.heads.columns) \
        and not note.bylines and not note.crossheads and not note.fragments and not note.credit_text \
        and not note.marker_units and note.continued_to is None and note.continued_from is None \
        and len(note.paragraphs) == 1 and shapes.editor_note(note.paragraphs[0].text) \
        and bool(nxt.headlines) and nxt.heads is not None and not nxt.continued_from


def _collect(units: list[Unit], i: int) -> tuple[int, list[Unit]]:
    j = i
    group: list[Unit] = []
    while j < len(units):
        u = units[j]
        if u.kind == "byline" or headline_shaped(u):
            group.append(u)
            j += 1
        elif u.kind in ("tiplabel", "notelabel") and j + 1 < len(units) and plain_text(units[j + 1]):
            group.extend(units[j: j + 2])
            j += 2
        else:
            break
    return j, group


def only_a_note(draft: Draft) -> bool:
    """A headline whose body so far is only the editors' note it opens with ("编者按：…", or the note under an 编者按 label
    read with the headlines): a lead after it opens that story's news, not a story of its own."""
    if not draft.headlines or draft.crossheads or not draft.paragraphs or draft.finished:
        return False
    if all(shapes.editor_note(p.text) for p in draft.paragraphs):
        return True
    return len(draft.paragraphs) == 1 and any(h.kind == "notelabel" for h in draft.headlines)


def _place_unit(unit: Unit, current: Draft | None, drafts: list[Draft]) -> Draft | None:
    """A body block, credit, jump marker, trailer or rule: where it goes."""
    # "(上接第1版)" opens a story's second half; the headline reprinted above it stays with it, whether the
    # marker runs into the text or stands on a line of its own
    reprinted = unit.marker_from is not None and current is not None and bool(current.headlines) \
        and not (current.paragraphs or current.crossheads or current.finished or current.continued_from)
    if unit.kind == "text":
        if current is not None and _next_bullet(current, unit):
            current.paragraphs.append(unit)  # "▲…（贺　娟）" after "▲…（吕　强）": the next item of the same box
            return current
        if current is not None and _next_picture(current, unit):
            current.paragraphs.append(unit)  # "图②…" after "图①… 摄": the next picture of the same 组图
            if unit.credit:
                current.more_credits.append(unit.credit)
            return current
        if unit.lead is not None and current is not None and not current.finished \
                and any(p.text == unit.text for p in current.paragraphs):
            current.paragraphs.append(unit)  # a paragraph printed twice, lead and all: the copy is dropped later
            return current
        if (unit.marker_from and not reprinted) or current is None or current.finished or \
                (unit.lead is not None and (current.paragraphs or current.crossheads) and not only_a_note(current)) or \
                (unit.credit and current.credit_text):
            reclaimed = _reclaim_headline(current) if unit.lead is not None and current is not None else []
            if reclaimed and current is not None and drafts and drafts[-1] is current and not current.lines():
                drafts.pop()  # its whole headline went to the lead's story: nothing of it is left
            current = Draft(orphan=not unit.marker_from and unit.lead is None and not reclaimed,
                            headlines=reclaimed)
            drafts.append(current)
        if unit.marker_from and current.continued_from is None:
            current.continued_from = unit.marker_from
        if current.paragraphs and not unit.marker_to and _bracketed_signature(unit.text):
            current.bylines.append(unit)  # "（北京市劳动法学会 李  林）" signs the text above
            return current
        current.paragraphs.append(unit)
        if unit.marker_to:
            current.continued_to = unit.marker_to
        if unit.signoff:
            current.finished = True  # "…。（张　华）": a brief's sign-off is its last line
        if unit.credit:
            current.credit_text = unit.credit
            current.finished = True
    elif unit.kind == "credit":
        if current is None:
            current = Draft(orphan=True)
            drafts.append(current)
        if current.credit is None and current.credit_text is None:
            current.credit, current.credit_text = unit, unit.credit
        elif unit.credit:
            current.more_credits.append(unit.credit)  # a second credit line ("…摄" then "视觉中国供图")
            current.decor.extend(unit.lines)
        else:
            current.paragraphs.append(unit)
        # a credit printed between a photo's title and its caption leaves the caption to come
        current.finished = bool(current.paragraphs) or not current.headlines
    elif unit.kind == "marker":
        if unit.marker_from:
            if not reprinted:
                current = Draft(continued_from=unit.marker_from)
                drafts.append(current)
            assert current is not None
            current.continued_from = unit.marker_from
            current.marker_units.append(unit)
        else:
            if current is None:
                current = Draft(orphan=True)
                drafts.append(current)
            current.marker_units.append(unit)
            current.continued_to = unit.marker_to
    elif unit.kind in ("trailer", "decor"):
        if current is None:
            current = Draft(orphan=True)
            drafts.append(current)
        if unit.kind == "trailer":
            current.trailers.append(unit)
        else:
            current.decor.extend(unit.lines)
        # a section break ("＊　＊　＊") inside a story's text parts two of its parts: the story goes on under it (the
        # next headline still starts the next story); any other rule closes the story
        current.finished = current.finished or not (_section_break(unit) and current.paragraphs)
    return current


def _section_break(unit: Unit) -> bool:
    return unit.kind == "decor" and SECTION_BREAK.match(unit.text) is not None


_BULLETS = "▲△●○■□◆◇★☆▶►"


def _next_bullet(current: Draft, unit: Unit) -> bool:
    """A bulleted item after a signed item with the same bullet under one headline: the next entry of a 短讯
    box whose entries are each signed ("▲…（吕　强）" then "▲…（贺　娟）"), not text printed away from its story."""
    if not current.headlines or not current.paragraphs or unit.lead is not None or unit.marker_from \
            or current.credit_text or current.trailers:
        return False
    last = current.paragraphs[-1]
    mark = unit.text[:1]
    return mark in _BULLETS and last.text[:1] == mark and bool(last.signoff)


_NUMBERED_PICTURE = re.compile(r"^(?:图[ \u3000]*)?[①-⑳]|^图[0-9一二三四五六七八九十]{1,2}[：:. \u3000]")


def _next_picture(current: Draft, unit: Unit) -> bool:
    """A numbered caption after a credited numbered caption under the same photo title (each picture of a
    组图 credited on its own)."""
    return bool(current.headlines and current.credit_text and current.paragraphs and unit.lead is None
                and not unit.marker_from and _NUMBERED_PICTURE.match(current.paragraphs[0].text)
                and _NUMBERED_PICTURE.match(unit.text))


def _role_signature(text: str) -> bool:
    """"（河南洛阳　快递员　name）": a signature naming the signer's role (a reader's letter signed at its end),
    short enough to look like a bracketed note; it signs the story, it is no trailer."""
    signed = signature(text)
    return signed is not None and any(role.role for role in signed.roles)


_PADDED_PAIR = re.compile(r"[\u4e00-\u9fff][ \u3000]{1,3}[\u4e00-\u9fff]")


def _signed_verse(current: Draft, text: str) -> bool:
    """"（江州纺织集团　谷　雨）" after a poem's last verse: the poet's unit and name sign the poem (a bracketed note
    after prose, "（江州市总工会）", names nobody and is a trailer either way)."""
    return bool(current.paragraphs) and current.paragraphs[-1].verse and _bracketed_signature(text)


def _bracketed_name(text: str) -> bool:
    """"（秦　桑）": one person's name alone in brackets on its own line. Two characters padded to the width of
    three ("（羊　奇）") are a name whatever the surname: notes in brackets ("（完）", "（续完）") are not padded."""
    inner = text.strip(" \u3000")
    if not (inner[:1] in "(（" and inner[-1:] in ")）"):
        return False
    name = inner[1:-1]
    return is_person_name(name) or bool(_PADDED_PAIR.fullmatch(name))


def _bracketed_signature(text: str) -> bool:
    return text[:1] in "(（" and signature(text) is not None


def _is_tip_text(group: list[Unit], k: int) -> bool:
    """The text of a 阅读提示 box or of an 编者按 note (the unit after its label)."""
    return k > 0 and group[k - 1].kind in ("tiplabel", "notelabel")


def _place_group(group: list[Unit], units: list[Unit], after: int, current: Draft | None, drafts: list[Draft],
                 page: _PageText) -> Draft | None:
    """Put a stack where it belongs: signature of the story before, crosshead, or new stories."""
    # byline lines before any headline sign the story above them ("■作者" printed at the end)
    if current is not None and current.paragraphs and current.credit_text is None:
        while group and group[0].kind == "byline":
            if house_author(group[0].text) and len(group) > 1 and group[1].kind == "text":
                break  # "本刊评论员" printed over a commentary's title signs the piece below it
            current.bylines.append(group.pop(0))
        if not group:
            return current
    # an 编者按 label is read with the headlines (a banner); its note opens the story's body
    heads = [k for k, u in enumerate(group) if (u.kind == "text" and not _is_tip_text(group, k))
             or u.kind == "notelabel"]
    if not heads:
        # bylines or a tip box alone: under the headline printed above them (an 编者按 may stand between)
        target = current if current is not None and current.headlines and not current.bylines \
            and current.credit_text is None else None
        if target is None:
            target = Draft()
            drafts.append(target)
        _add_meta(target, group)
        return target
    # bylines and 阅读提示 boxes close a stack; lines after them are crossheads or another stack
    meta = [k for k in range(len(group)) if k not in heads and not (k > 0 and group[k - 1].kind == "notelabel")]
    last_meta = max(meta) if meta else -1
    trailing = [k for k in heads if k > last_meta] if heads[0] < last_meta else []
    if len(trailing) >= 2:
        # a second stack after the byline of a story with no body: read it on its own
        current = _place_group(group[: trailing[0]], units, after, current, drafts, page)
        return _place_group(group[trailing[0]:], units, after, current, drafts, page)
    lead_at = trailing[0] if trailing else None
    if lead_at is None and len(heads) >= 2 and heads[-1] == len(group) - 1 \
            and shapes.numbered_heading(group[-1].text) and not shapes.numbered_heading(group[heads[0]].text):
        # "第一章　总　则" under a document's title opens its body: the first crosshead, not a banner
        lead_at = len(group) - 1
    if lead_at is None and len(heads) >= 2 and heads[-1] == len(group) - 1 \
            and shapes.results_title(group[heads[-2]].text) and not shapes.results_title(group[-1].text) \
            and len(group[-1].text.strip(_SPACES)) <= shapes.MAX_CROSSHEAD_CHARS \
            and sum(1 for u in units[after: after + 2] if u.kind == "text" and u.entry) == 2:
        # "男子100米" under "…项目成绩", over place rows: the list's first event heading, not a banner under its title
        lead_at = len(group) - 1
    if lead_at is None and len(heads) >= 2 and heads[-1] == len(group) - 1 \
            and shapes.list_title(group[heads[-2]].text) and not shapes.honour_section(group[heads[-2]].text) \
            and (shapes.honour_section(group[-1].text) or shapes.counted_section(group[-1].text)
                 or shapes.bare_section(group[-1].text)) \
            and sum(1 for u in units[after: after + 2] if u.kind == "text" and u.entry) == 2:
        # "五一劳动奖状" (or a group counted: "江北区（3名）") under "…获奖名单", over unit rows: the list's first section,
        # not a column printed under its title nor a title under a kicker
        lead_at = len(group) - 1
    lead_in = group[lead_at] if lead_at is not None else None
    if lead_at is not None:
        group = group[:lead_at]
        heads = heads[:-1]
    if current is not None and current.paragraphs and current.credit_text is None and not current.finished \
            and _bracketed_name(group[0].text):
        # "（秦　桑）" alone after a commentary's text: its author signs it, as a brief is signed at its end
        current.bylines.append(group[0])
        remaining = group[1:] + ([lead_in] if lead_in is not None else [])
        return _place_group(remaining, units, after, current, drafts, page) if remaining else current
    if current is not None and current.paragraphs and not current.finished and group[0].kind == "text" \
            and shapes.note_only(group[0].text) and not shapes.bracket_label(group[0].text) \
            and not _role_signature(group[0].text) and not _signed_verse(current, group[0].text):
        # "（受访者供图）", "（完）": a bracketed note right after a story's text closes that story
        current.trailers.append(group[0])
        current.finished = True
        remaining = group[1:] + ([lead_in] if lead_in is not None else [])  # the heading after them too
        return _place_group(remaining, units, after, current, drafts, page) if remaining else current
    nxt = units[after] if after < len(units) else None
    if len(group) == 1 and current is not None and current.paragraphs and current.credit_text is None \
            and not current.finished and marked_signature(group[0].text):
        current.bylines.append(group[0])  # a letter signed above the reply printed under it
        return current
    if len(group) == 1 and current is not None and current.paragraphs and current.credit_text is None \
            and not current.finished and not current.bylines and unit_signoff(group[0].text) \
            and _finished_sentence(current.paragraphs[-1].text):
        # "江州重型机械厂　武　昕" after an essay's last full stop: its writer signs it (a note may follow)
        current.bylines.append(group[0])
        return current
    if len(group) == 1 and _is_crosshead(group[0], nxt, current, units, after):
        assert current is not None
        current.crossheads.append((group[0], len(current.paragraphs)))
        return current
    if len(group) >= 2 and all(u.kind == "text" and shapes.numbered_heading(u.text) for u in group) \
            and _is_crosshead(group[-1], nxt, current, units, after):
        assert current is not None  # "一、…" over "（一）…": a section's heading and its first subsection's
        current.crossheads.extend((unit, len(current.paragraphs)) for unit in group)
        return current
    head_units = [group[k] for k in heads]
    context = StackContext(
        body=page.body_after(after),
        after_body=current is not None and bool(current.paragraphs) and current.credit_text is None,
        elsewhere=lambda lines: page.elsewhere(lines, range(after, page.body_end(after))),
        stranded=lambda: page.stranded_outside(after, page.body_end(after)),
        echo=page.echo,
        bylined=heads[-1] + 1 < len(group) and group[heads[-1] + 1].kind == "byline"
        and group[heads[-1] + 1].text[:1] not in "(（",
        lead=heads[-1] + 1 == len(group) and nxt is not None and nxt.kind == "text" and nxt.lead is not None,
        runin=head_units[-1].runin,
        recurring=page.recurring)
    reading = read_stack([u.text for u in head_units], context)
    if reading.run_on:
        assert current is not None  # a line runs on only from body text
        current.paragraphs.extend(head_units[k] for k in reading.run_on)
    if reading.signature:
        assert current is not None  # a signature is only read after body text
        for k in reading.signature:
            if signature(head_units[k].text) is None and not is_person_name(head_units[k].text):
                current.trailers.append(head_units[k])  # an office (and the date) signs: it names nobody
                current.finished = True
            else:
                current.bylines.append(head_units[k])
    if reading.signature and current is not None and len(reading.items) == 1 and len(heads) - len(reading.signature) == 1 \
            and shapes.reply_label(head_units[reading.items[0].title].text) and _signed_at_end(current):
        # "记者回访" (and the reporter's line) under a signed letter: the answer printed with the letter
        current.crossheads.append((head_units[reading.items[0].title], len(current.paragraphs)))
        current.bylines.extend(u for k, u in enumerate(group) if k not in heads)
        current.finished = False  # the letter's date closed the letter, not the item: the answer follows
        return current
    if not reading.items:
        # every line signs the story before: byline lines and boxes printed with them stay with it too
        rest = [u for k, u in enumerate(group) if k not in heads]
        if rest and current is not None:
            _add_meta(current, rest)
        if lead_in is not None:  # the heading after them is read on its own
            return _place_group([lead_in], units, after, current, drafts, page)
        return current
    new: list[Draft] = []
    for heads_of_item in reading.items:
        members = sorted({heads_of_item.title, *(k for k in (heads_of_item.kicker, heads_of_item.subtitle)
                                                   if k is not None), *heads_of_item.title_more,
                          *heads_of_item.subtitle_more,
                          *heads_of_item.columns})
        position = {k: n for n, k in enumerate(members)}
        draft = Draft(headlines=[head_units[k] for k in members],
                      heads=ItemHeads(title=position[heads_of_item.title],
                                      kicker=position.get(heads_of_item.kicker)
                                      if heads_of_item.kicker is not None else None,
                                      subtitle=position.get(heads_of_item.subtitle)
                                      if heads_of_item.subtitle is not None else None,
                                      title_more=tuple(position[k] for k in heads_of_item.title_more),
                                      subtitle_more=tuple(position[k] for k in heads_of_item.subtitle_more),
                                      columns=tuple(position[k] for k in heads_of_item.columns)),
                      bylines=[head_units[k] for k in heads_of_item.names])
        new.append(draft)
    first_head_of = [min([*d_heads.columns, d_heads.title] + [k for k in (d_heads.kicker,) if k is not None])
                     for d_heads in reading.items]
    for k, unit in enumerate(group):
        if k in heads:
            continue
        # a byline or tip belongs to the last story whose headline starts above it
        position = sum(1 for h in heads if h < k)
        owner = max((n for n, start in enumerate(first_head_of) if start < position), default=0)
        if k > 0 and group[k - 1].kind == "notelabel":
            new[owner].paragraphs.append(unit)  # the 编者按 note
            continue
        _add_meta(new[owner], [unit] if unit.kind != "tiplabel" else group[k: k + 2])
    if lead_in is not None:
        new[-1].crossheads.append((lead_in, 0))
    drafts.extend(new)
    return new[-1]


def _add_meta(draft: Draft, units: list[Unit]) -> None:
    k = 0
    while k < len(units):
        unit = units[k]
        if unit.kind == "tiplabel" and k + 1 < len(units):
            if draft.tip is None:
                draft.tip = units[k + 1]
                draft.tip_lines.extend(unit.lines + units[k + 1].lines)
            else:  # a second box: its text is kept as body, its label with the rules
                draft.decor.extend(unit.lines)
                draft.paragraphs.append(units[k + 1])
            k += 2
            continue
        if unit.kind == "byline":
            draft.bylines.append(unit)
        k += 1


def _unheaded_last_line(drafts: list[Draft]) -> None:
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
    if COMMA_INSIDE.search(line.text) and len(line.text) >= 16:
        drafts.pop()
        previous.paragraphs.append(line)


def _reclaim_headline(previous: Draft) -> list[Unit]:
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
    # one line printed tight under a headline, with the lead right after it: the 副题, printed as a sentence ("通过开发公益性
    # 岗位…帮助10万名受灾群众尽快就业。"), not the text of a story (a story's text opens with its lead; none of it is above)
    tight_tail = tail.blank_before == 0 and len(tail.lines) == 1 and len(tail.text) <= _SUBTITLE_MAX_CHARS \
        and tail.lead is None and not (tail.credit or tail.signoff or tail.marker_to or tail.marker_from or tail.joined
                                       or tail.tip or tail.runin or tail.turn)
    if count == 1 and tight_tail and previous.headlines and not (previous.bylines or previous.crossheads or previous.tip
                                                                 or previous.credit or previous.trailers):
        # under a whole stack, the stack with it heads the lead's story
        taken = [*previous.headlines, tail]
        previous.headlines, previous.paragraphs, previous.heads = [], [], None
        return taken
    short_tail = (len(tail.text) <= _RECLAIM_MAX_CHARS and len(tail.blocks) == 1 and tail.lead is None
                  and not (tail.credit or tail.marker_to or tail.marker_from or tail.joined or tail.tip)
                  and not shapes.generic_speaker(tail.text))
    if previous.crossheads:
        head, before = previous.crossheads[-1]
        if before == count and count > 0:
            previous.crossheads.pop()
            return [head]
        if before == count - 1 and (short_tail or tight_tail) and count > 1:
            previous.crossheads.pop()
            previous.paragraphs.pop()
            return [head, tail]
    if short_tail and count > 1 and tail.text[-1:] in "！？!?" and not shapes.SENTENCE_STOPS.search(tail.text[:-1]):
        previous.paragraphs.pop()
        return [tail]
    return []
