"""Text -> blocks: runs of lines separated by blank lines or by an indented first line (People's Daily style).

A block remembers its 1-based source lines and how many blank lines stood before it (image slots).
Pure string work, no knowledge of headlines or items (a byline line's shape is asked of bylines.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from ..patterns import lazy_compile
from .bylines import is_byline_line, split_credit, split_lead

INDENT_CHARS = " \t\u3000\u00a0"
# characters that close a sentence; a block ending otherwise continues in the next body block
CLOSING = "。！？!?…”’」』)）》"
OPEN_ENDINGS = "，,、；;：:"


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines read as one unit; ``text`` joins them with no separator."""

    lines: tuple[int, ...]  # 1-based source lines
    parts: tuple[str, ...]  # each line stripped of indentation and trailing spaces
    blank_before: int  # blank lines between this block and the previous one (or the top of the page)
    indented: bool

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def first_line(self) -> int:
        return self.lines[0]


# a wrapped line of running text: long, with punctuation inside (headlines are short and bare)
_WRAP_MIN_CHARS = 24
_INNER_PUNCTUATION = "，,、；;：:。！？!?“”"
_RULE_CHARS = set("—–-_=~*·•□■◆◇○●★☆#＝－… \u3000")


def continues_indented(previous: str, line: str, previous_full: bool = False, tight: bool = False) -> bool:
    """May an unindented ``line`` continue the indented block whose last line is ``previous``?

    Yes when ``previous`` stops mid-sentence (a hard-wrapped paragraph), or when ``line`` itself reads
    as wrapped running text. No for a line after a finished sentence that is short or bare (the next
    headline of a People's Daily style page, which has no blank lines), for rows of rules (□□□, ———)
    and for author lines (■李丰).
    """
    if all(ch in _RULE_CHARS for ch in line) or line.startswith(("■", "□", "◆", "●")):
        return False
    if is_byline_line(line):
        return False  # "本报记者  邱  实" under an indented ——subtitle: a byline, not the subtitle's tail
    if not is_closed(previous):
        # a caption's photo credit closes it as a full stop does ("…抵达北京站。　新华社记者　温　岩　摄"): the line under it
        # (the next headline, at the margin of a page that prints no blank line) is no wrapped tail of the caption
        return not (previous.endswith("摄") and split_credit(previous) is not None)
    if _lead_alone(previous):
        return True  # "本报讯（记者…）" filling its line: the lead runs into the text, which the next line starts
    if line[:1] in "(（" and line[-1:] in ")）":
        return False  # a line wholly in brackets after a finished sentence is a note of its own ("（本文系…）")
    if previous_full and any(ch in _SENTENCE_PUNCTUATION for ch in line):
        return True  # the previous line filled the page's fixed width: this is its paragraph's wrapped tail
    if tight and _STOPPED_LINE.fullmatch(line):
        return True  # a page whose paragraphs open only on an indent: a sentence may end at a line's end ("…竞赛。")
    return len(line) >= _WRAP_MIN_CHARS and any(ch in _INNER_PUNCTUATION for ch in line[:-1])


def _lead_alone(text: str) -> bool:
    """A run-in lead and nothing after it ("本报讯（记者陈永福　通讯员邵丽娟）"): it opens a paragraph whose text a
    hard wrap put on the next line (its closing bracket is no sentence end)."""
    lead = split_lead(text)
    return lead is not None and not lead.rest


def continues_full_line(line: str, previous_full: bool) -> bool:
    """May an unindented ``line`` continue the unindented block above it? Only when the line above filled the
    fixed width every line of the page keeps to (``previous_full``): an export tool that hard-wraps every line
    (headlines too) and parts paragraphs by blank lines cuts a long headline or a paragraph there, and its next
    line is the rest (a line of that page that does not fill the width ends its block). Not a byline line or a
    row of rules."""
    if not previous_full or all(ch in _RULE_CHARS for ch in line):
        return False
    return not is_byline_line(line)


# a wrapped line of running text ending a sentence (its quote or bracket closed after the stop), of some length
_STOPPED_LINE = lazy_compile(r"[^\s]{7,}[。！？!?][”」』’）)]?")
# punctuation of running text (quotes and brackets are left out: headlines print them too)
_SENTENCE_PUNCTUATION = "，,、；;。！？!?"
# a page hard-wrapped at a fixed width: at least this many lines (and this share of the long ones) have one length
_WRAP_WIDTH_MIN_LINES = 3
_WRAP_WIDTH_SHARE = 0.3
_WRAP_WIDTH_MIN = 16


def wrap_width(raw_lines: list[str], measure: IndentMeasure | None = None) -> int | None:
    """The width a page was hard-wrapped at (every line of running text broken at the same length, the last
    line of a paragraph shorter), or None: the most common length of the long lines, when it is common."""
    measured = [len(raw.rstrip()) if measure is None else measure(raw) for raw in raw_lines]
    lengths = [length for length in measured if length >= _WRAP_WIDTH_MIN]
    if not lengths:
        return None
    counts: dict[int, int] = {}
    for length in lengths:
        counts[length] = counts.get(length, 0) + 1
    width, count = max(counts.items(), key=lambda pair: (pair[1], pair[0]))
    if count >= _WRAP_WIDTH_MIN_LINES and count >= _WRAP_WIDTH_SHARE * len(lengths):
        return width
    return None


# a PDF e-edition's text (pdftotext without -layout, a viewer's copy) breaks every line at its narrow column: most lines of the
# page (page furniture aside) have one length of 10-15 characters, a line may run one over with a closing mark kept on it
_NARROW_WIDTH_MIN = 10
_NARROW_MIN_LINES = 8
_NARROW_SHARE = 0.5
_NARROW_LINE_MIN = 6  # shorter lines (names, labels, a paragraph's last word) say nothing of the width
_KEPT_ON_LINE = CLOSING + OPEN_ENDINGS


def narrow_width(raw_lines: list[str], skip: frozenset[int], measure: IndentMeasure | None = None) -> int | None:
    """The narrow column width a PDF's text was broken at (10-15 characters), or None: the length most of the page's
    lines of six characters or more have, page furniture left out. An ordinary page prints each paragraph on one line
    (no length repeats) and a People's Daily style page breaks at 16 or more (``wrap_width``)."""
    counts: dict[int, int] = {}
    total = 0
    for number, raw in enumerate(raw_lines, 1):
        length = len(raw.rstrip()) if measure is None else measure(raw)
        if number in skip or len(raw.strip(INDENT_CHARS)) < _NARROW_LINE_MIN:
            continue
        total += 1
        counts[length] = counts.get(length, 0) + 1
    if not counts:
        return None
    width, count = max(counts.items(), key=lambda pair: (pair[1], pair[0]))
    if _NARROW_WIDTH_MIN <= width < _WRAP_WIDTH_MIN and count >= _NARROW_MIN_LINES and count >= _NARROW_SHARE * total:
        return width
    return None


def _fills(raw: str, width: int, length: int | None = None) -> bool:
    """The line fills the column: its width, or one more when a closing mark was kept on it rather than open the next.
    ``length`` is the line's measured length (``IndentMeasure``), its characters when not given."""
    line = raw.rstrip()
    size = len(line) if length is None else length
    return size == width or (size == width + 1 and line[-1] in _KEPT_ON_LINE)


def _within(raw: str, width: int, length: int | None = None) -> bool:
    return (len(raw.rstrip()) if length is None else length) <= width or _fills(raw, width, length)


# a leading run is recounted when most of the lines it opens (at least two) overrun the width by one amount
_INDENT_MIN_LINES = 2
_INDENT_SHARE = 0.5


@dataclass(frozen=True)
class IndentMeasure:
    """How a hard-wrapped page counts its paragraph indents against its wrap width. The tool that broke the lines gave
    an indent the room of so many characters of the column (two U+3000 or two spaces: two), but the characters that
    print it vary: the same indent retyped as four ASCII spaces is four characters, two more than the width allows.
    ``rooms`` maps such a leading run to the room it takes, learned from the page (the run's characters less the
    amount most lines it opens overrun the width by); a line opened by one measures that room plus its text, any
    other line its characters."""

    rooms: tuple[tuple[str, int], ...] = ()

    def __call__(self, raw: str) -> int:
        line = raw.rstrip()
        if self.rooms:
            text = line.lstrip(INDENT_CHARS)
            room = dict(self.rooms).get(line[: len(line) - len(text)])
            if room is not None:
                return room + len(text)
        return len(line)


def indent_measure(raw_lines: list[str]) -> IndentMeasure:
    """The page's indents as ``IndentMeasure`` counts them. The width is read off the unindented lines (the wrapped
    tails of paragraphs, most of a hard-wrapped page): their most common length, when common. A leading run whose
    lines mostly overrun it by one amount (less than the run) takes its characters less that amount; every other run,
    and every run on a page with no such width, counts as its characters (a page whose indents fit is read as before)."""
    widths: dict[int, int] = {}
    runs: dict[str, list[int]] = {}
    for raw in raw_lines:
        line = raw.rstrip()
        text = line.lstrip(INDENT_CHARS)
        if len(text) < _NARROW_LINE_MIN:
            continue
        if len(text) == len(line):
            widths[len(line)] = widths.get(len(line), 0) + 1
        else:
            runs.setdefault(line[: len(line) - len(text)], []).append(len(text))
    if not widths or not runs:
        return IndentMeasure()
    width, wide = max(widths.items(), key=lambda pair: (pair[1], pair[0]))
    if wide < _WRAP_WIDTH_MIN_LINES:
        return IndentMeasure()
    rooms: list[tuple[str, int]] = []
    for run, texts in runs.items():
        overruns: dict[int, int] = {}
        for size in texts:
            overruns[len(run) + size - width] = overruns.get(len(run) + size - width, 0) + 1
        over, seen = max(overruns.items(), key=lambda pair: (pair[1], -pair[0]))
        if 0 < over < len(run) and seen >= _INDENT_MIN_LINES and seen >= _INDENT_SHARE * len(texts):
            rooms.append((run, len(run) - over))
    return IndentMeasure(tuple(rooms))


def _gapped(line: str) -> bool:
    """A U+3000 or two spaces inside a line with no sentence mark: a box's row (``label　figure``) or a name line, never wrapped
    running text (a sign-off ``…160幅。（余　洁）`` is text)."""
    return ("\u3000" in line or "  " in line) and not any(ch in _SENTENCE_PUNCTUATION for ch in line)


# a headline part broken at its own (larger type's) width: its first line near the column width, the rest shorter
_HEAD_WRAP_SLACK = 3
_HEAD_ENDS = "。！？!?"


def headline_wraps(previous: str, line: str, width: int) -> bool:
    """On a page broken at a narrow column, does ``line`` finish the headline line above it? A headline set in larger
    type breaks a few characters short of the column (``百万职工投身重点工程`` / ``劳动和技能竞赛``): the line above comes
    within three characters of the width, this one is no longer (a longer line under a shorter one starts a part of
    its own, the shorter one a kicker), and neither is a new part (``——…``), a finished
    sentence, a byline line or a row."""
    if len(previous) < width - _HEAD_WRAP_SLACK or len(line) > len(previous):
        return False
    if previous.endswith("——") or previous[-1:] in _HEAD_ENDS or line.startswith(("—", "－")):
        return False
    return not (is_byline_line(line) or is_byline_line(previous) or _gapped(line) or _gapped(previous))


def _runs_on(previous: str, line: str, previous_full: bool, narrow: int | None, run: int) -> bool:
    """May an unindented ``line`` continue the unindented block (of ``run`` lines) whose last line is ``previous``?
    On a page broken at a narrow column a box's rows never run on, and a headline's first line runs on into its
    shorter tail."""
    if narrow is None:
        return continues_full_line(line, previous_full)
    if continues_full_line(line, previous_full) and not (_gapped(line) or _gapped(previous)):
        return True
    return run == 1 and headline_wraps(previous, line, narrow)


def split_blocks(text: str, skip: frozenset[int] = frozenset()) -> list[Block]:
    """Split page text (LF line ends) into blocks.

    Inside a run of non-blank lines, an indented line starts a new block and an unindented line
    continues the block above only when that block opened with an indent and the line reads as its
    continuation (``continues_indented``); otherwise each line is its own block (headlines between
    indented paragraphs, captions with a credit line under them). Lines in ``skip`` (page furniture,
    read before) end the block above them and belong to none.
    """
    blocks: list[Block] = []
    lines: list[int] = []
    parts: list[str] = []
    blank = 0
    blank_before = 0
    indented = False

    def flush() -> None:
        if lines:
            blocks.append(Block(tuple(lines), tuple(parts), blank_before, indented))
            lines.clear()
            parts.clear()

    raw_lines = text.split("\n")
    # line lengths as the wrap counted them: the page's own indent takes the room it took there, whatever its characters
    measure = indent_measure(raw_lines)
    width = wrap_width(raw_lines, measure)
    narrow = None
    if width is None:
        # a PDF's narrow column: the same reading, page furniture (wider, read before) left out
        narrow = width = narrow_width(raw_lines, skip, measure)
    if narrow is None:
        # every line of the page within the width: the tool wrapped it all, headlines too (a page of long unwrapped
        # paragraphs may still show a few lines of one length, its headlines among them)
        wrapped_everywhere = width is not None and all(measure(raw) <= width for raw in raw_lines)
    else:
        wrapped_everywhere = all(
            _within(raw, narrow, measure(raw)) for number, raw in enumerate(raw_lines, 1) if number not in skip)
    tight = _paragraphs_by_indent_only(raw_lines, skip)
    previous_full = False
    for number, raw in enumerate(raw_lines, 1):
        stripped = raw.strip(INDENT_CHARS + "\r\x0b\x0c\ufeff")
        if number in skip:
            if not (lines and not is_closed(parts[-1]) and _runs_through(raw_lines, number, skip)):
                flush()
            # (else a running head or a page number a PDF's page break put inside a paragraph, the sentence above it
            # cut off and the next line at once below: the paragraph goes on under it, as if it were not printed)
            continue
        if not stripped:
            flush()
            blank += 1
            continue
        starts_indented = raw[:1] in INDENT_CHARS
        if lines and (
            starts_indented
            or not (
                continues_indented(parts[-1], stripped, previous_full, tight)
                if indented
                else _runs_on(parts[-1], stripped, previous_full and wrapped_everywhere, narrow, len(lines))
            )
        ):
            flush()
            blank_before = 0
        elif not lines:
            blank_before = blank
        if not lines:
            indented = starts_indented
        lines.append(number)
        parts.append(stripped)
        previous_full = width is not None and (
            measure(raw) == width if narrow is None else _fills(raw, width, measure(raw)))
        blank = 0
    flush()
    return _gaps_in_units(blocks)


_PARTED_MIN = 2


def _paragraphs_by_indent_only(raw_lines: list[str], skip: frozenset[int]) -> bool:
    """Does the page part its items by blank lines and its paragraphs by an indent only? (an older page as a digitised
    archive gives it: a headline after a blank line, its paragraphs each opened by an indent tight under the line
    above, never after a blank line.) There a line ending a sentence says nothing about the paragraph: the typesetter
    let sentences end at a line's end (``…开展了劳动竞赛。`` over ``全厂四千多名职工…``), and only an indent opens
    the next paragraph."""
    parted = tight = 0  # blank lines standing between two lines of text; indented lines tight under a line of text
    previous, seen = "", False
    for number, raw in enumerate(raw_lines, 1):
        if number in skip:
            previous = ""
            continue
        stripped = raw.strip(INDENT_CHARS + "\r\x0b\x0c\ufeff")
        if stripped and seen and not previous:
            parted += 1
        if stripped and raw[:1] in INDENT_CHARS:
            if not previous:
                return False  # an indented line after a blank line (or at the top): blank lines part paragraphs too
            tight += 1
        seen = seen or bool(stripped)
        previous = stripped
    return parted >= _PARTED_MIN and tight >= _PARTED_MIN


def _runs_through(raw_lines: list[str], number: int, skip: frozenset[int]) -> bool:
    """Does the run of furniture lines at ``number`` (1-based) stand tight between two lines of text, with no blank
    line on either side (a page break's running head and page number inside a paragraph)?"""
    if number < 2 or not raw_lines[number - 2].strip(INDENT_CHARS + "\r\x0b\x0c\ufeff"):
        return False
    after = number
    while after + 1 in skip:
        after += 1
    return after < len(raw_lines) and bool(raw_lines[after].strip(INDENT_CHARS + "\r\x0b\x0c\ufeff"))


def _gaps_in_units(blocks: list[Block]) -> list[Block]:
    """Blank runs counted in the page's own unit. A page that parts its paragraphs with blank lines and never with
    fewer than two (a word processor's double spacing, a copy that doubled every line end) means by two blank lines
    what other pages mean by one: each run is divided by the smallest, so a gap that parts items stays wider than one
    that parts paragraphs. A page whose paragraphs follow each other with no blank line (indents) keeps its counts:
    there a run of two is the item break it prints. Which of the two a page is shows where two paragraphs of running
    text meet; lines that are not running text (a table's rows, a poem's lines, a masthead) stand close on both kinds of
    page, so a page printing many of them is still double spaced when its running paragraphs stand apart."""
    gaps = [b.blank_before for b in blocks[1:] if b.blank_before]
    if not gaps or min(gaps) < 2:
        return blocks
    if len(gaps) * 2 <= len(blocks) - 1:
        meetings = [after.blank_before for before, after in pairwise(blocks)
                    if _running_text(before) and _running_text(after)]
        if not meetings or sum(1 for gap in meetings if gap) * 2 <= len(meetings):
            return blocks
    unit = min(gaps)
    return [replace(b, blank_before=(2 * b.blank_before + unit) // (2 * unit)) if b.blank_before else b
            for b in blocks]


def _running_text(block: Block) -> bool:
    """A paragraph of running text: as long as a wrapped line, with punctuation inside, closed."""
    text = block.text
    return len(text) >= _WRAP_MIN_CHARS and is_closed(text) and any(ch in _INNER_PUNCTUATION for ch in text[:-1])


def is_closed(text: str) -> bool:
    """True when the text ends a sentence (so the next block is not its continuation)."""
    return bool(text) and (text[-1] in CLOSING or _ocr_stop(text))


def _ocr_stop(text: str) -> bool:
    """OCR of a scanned page reads a full stop as a half-width "." ("…生产经营计划."): a "." right after a Han
    character ends the sentence as "。" does (a "." after a digit or a Latin letter is a decimal point or an
    abbreviation, and ends nothing). It reads the small circle of "。" as a Latin "o" too ("…珠穆朗玛峰o"): no word of
    running text puts a lone Latin letter o straight after a Han character, so that "o" ends the sentence as well. A zero
    "0" does too ("…拖欠半年的工资一万一千元0") in a text holding no "。" of its own, a page whose every stop OCR read as a
    zero; where a "。" stands, a zero after a Han character is a figure ("…轻伤人数降为0")."""
    if len(text) >= 2 and text[-1] == "0" and "\u4e00" <= text[-2] <= "\u9fff":
        return "。" not in text
    return len(text) >= 2 and text[-1] in ".oO" and "\u4e00" <= text[-2] <= "\u9fff"


def ends_open(text: str) -> bool:
    """True when the text ends with a comma-like mark: the sentence certainly goes on."""
    return bool(text) and text[-1] in OPEN_ENDINGS
