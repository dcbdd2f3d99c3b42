"""Side-by-side columns -> reading order, before the ordinary parser runs.

``pdftotext -layout`` (and a PDF viewer's "keep layout" copy) prints a newspaper page's columns side by side on the
same text lines, parted by runs of spaces at display positions that stay put down the page; a headline over two or
three columns is centred above them; the 版 header and the foot lines span the width. Read line by line, such a page
interleaves two or three stories. This module finds the gutters (a run of three or more blank display cells, a Han
character being two cells wide, where many lines have a full column of text on the left and a column's text starting
right after it) and rewrites the page into reading order: column 1 top to bottom, then column 2, …, a line that
crosses a gutter (a headline over the columns) kept in place and cutting the columns above it from those below
(a recursive X-Y cut, so a headline over columns 2 and 3 with column 1 going on beside it is read in its place too).

Each line of the rewritten text remembers the piece of the source line it was cut from (``Cell``), so the items'
``source_lines`` are mapped back to the page's own line numbers and the conservation check can ask that every piece
of every line ended up in exactly one item. A page with no such gutters (every page but a layout copy) is left as
it is: ``column_view`` returns None and nothing else runs.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

_BLANK = " \t\u3000\u00a0"
_GUTTER_MIN = 3  # blank display cells between two columns (a U+3000 inside a headline or a name is two)
_SUPPORT_MIN = 4  # lines split at a gutter (a column of text either side) before a page counts as printed in columns
_SIDE_MIN = 16  # display cells of text on each side of a split (eight Han): a column, not a name or a figure
_NEAR = 8  # two candidate gutters this close are one (a paragraph's indent moves the right text by four)
_CROSS_SHARE_MAX = 0.25  # of the lines with text on both sides of a gutter, at most this many cross it
_INDENT_MAX = 4  # display cells of a paragraph indent inside a column (two U+3000, four spaces)
_LAYOUT_GAP = re.compile("[ \t\u00a0\u3000]{6,}")  # six spaces or three U+3000 and more: layout, not a word gap
_INNER_GAP = re.compile("[ \t\u00a0][ \t\u00a0\u3000]|\u3000[ \t\u00a0\u3000]")  # two cells and more, not one U+3000
_FULL_SLACK = 4  # a column line ending this close to the column's right edge runs on into the next line


@dataclass(frozen=True)
class Cell:
    """The piece of a source line a rewritten line holds: characters ``start``..``end`` of line ``line`` (1-based)."""

    line: int
    start: int
    end: int


@dataclass(frozen=True)
class ColumnView:
    """A page rewritten into reading order; ``cells[k]`` is where line k+1 of ``text`` was cut from."""

    text: str
    cells: tuple[Cell, ...]

    def origin(self, view_line: int) -> int:
        """The source line a (1-based) line of the rewritten text came from."""
        return self.cells[view_line - 1].line


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class _Line:
    """A source line's characters with their display positions."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.pos: list[int] = []
        at = 0
        for ch in raw:
            self.pos.append(at)
            at += _width(ch)
        self.width = at
        # runs of text parted by blank runs: (first display cell, end display cell) of each run of non-blank
        self.runs: list[tuple[int, int]] = []
        for k, ch in enumerate(raw):
            if ch in _BLANK:
                continue
            start, end = self.pos[k], self.pos[k] + _width(ch)
            if self.runs and self.runs[-1][1] == start:
                self.runs[-1] = (self.runs[-1][0], end)
            else:
                self.runs.append((start, end))

    @property
    def blank(self) -> bool:
        return not self.runs

    def text_between(self, lo: int, hi: int) -> bool:
        return any(s < hi and e > lo for s, e in self.runs)

    def crosses(self, x: int, column_start: int = 0) -> bool:
        """Text on both sides of display cell ``x`` not parted there by a gutter: a character on the gutter's edge,
        or a gap too narrow for one. A gap of two cells (a hanging stop makes a column's line that long) parts two
        columns only when the text left of it opens at the left column's edge (or its indent), not centred there
        as a headline's two phrases parted by a U+3000 are."""
        left = [(s, e) for s, e in self.runs if e <= x]
        right = [s for s, e in self.runs if s >= x]
        if any(s < x < e for s, e in self.runs):
            return True  # a character stands across the gutter's edge
        if not left or not right:
            return False
        gap = min(right) - left[-1][1]
        if gap >= _GUTTER_MIN:
            return False
        if gap < _GUTTER_MIN - 1 or min(right) > x + _INDENT_MAX:
            return True
        opening = left[-1][0]  # where the left column's text on this line opens
        for s, e in reversed(left[:-1]):
            if opening - e >= _GUTTER_MIN:
                break
            opening = s
        return not column_start <= opening <= column_start + _INDENT_MAX

    def chars(self, lo: int, hi: int) -> tuple[int, int]:
        """The character offsets [start, end) of the characters whose display position is in [lo, hi)."""
        start = next((k for k, p in enumerate(self.pos) if p >= lo), len(self.raw))
        end = next((k for k, p in enumerate(self.pos) if p >= hi), len(self.raw))
        return start, max(start, end)


def _splits(line: _Line) -> list[int]:
    """Display cells where a column's text starts after a gutter, with a column's width of text on each side."""
    out = []
    for k in range(1, len(line.runs)):
        gap = line.runs[k][0] - line.runs[k - 1][1]
        if gap < _GUTTER_MIN - 1:
            continue
        # the text of a column: runs parted by less than a gutter (a name's U+3000 stays inside)
        left_lo = line.runs[k - 1][0]
        for j in range(k - 1, 0, -1):
            if line.runs[j][0] - line.runs[j - 1][1] >= _GUTTER_MIN:
                break
            left_lo = line.runs[j - 1][0]
        right_hi = line.runs[k][1]
        for j in range(k + 1, len(line.runs)):
            if line.runs[j][0] - line.runs[j - 1][1] >= _GUTTER_MIN:
                break
            right_hi = line.runs[j][1]
        if line.runs[k - 1][1] - left_lo >= _SIDE_MIN and right_hi - line.runs[k][0] >= _SIDE_MIN:
            out.append(line.runs[k][0])
    return out


def _gutters(lines: list[_Line]) -> list[int]:
    """The display cells where columns 2, 3, … start: split positions many lines share, which few lines cross."""
    found = [_splits(line) for line in lines]
    positions = sorted({x for xs in found for x in xs})
    # a column's text starts at its edge, or a paragraph's indent further in: both count for the edge
    support = {x: sum(1 for xs in found if any(x <= y <= x + _INDENT_MAX for y in xs)) for x in positions}
    chosen: list[int] = []
    for x, count in sorted(support.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < _SUPPORT_MIN:
            break
        if any(abs(x - y) < _NEAR for y in chosen):
            continue
        both = [ln for ln in lines if ln.text_between(0, x - _GUTTER_MIN) and ln.text_between(x, 10**6)]
        crossing = sum(1 for ln in both if ln.crosses(x, max([0, *(y for y in chosen if y < x)])))
        if both and crossing / len(both) <= _CROSS_SHARE_MAX:
            chosen.append(x)
    chosen.sort()
    # columns too narrow to hold a column's text are no columns (a table's cells)
    edges = [0, *chosen]
    if any(b - a < _SIDE_MIN for a, b in itertools.pairwise(edges)):
        return []
    return chosen


def column_view(text: str) -> ColumnView | None:
    """The page in reading order when it is printed in side-by-side columns, else None."""
    raw_lines = text.split("\n")
    if sum(1 for raw in raw_lines if _INNER_GAP.search(raw.strip(_BLANK))) < _SUPPORT_MIN:
        return None  # cheap: too few lines with an inner gap for any columns
    lines = [_Line(raw) for raw in raw_lines]
    gutters = _gutters(lines)
    if not gutters:
        return None
    starts = [0, *gutters]
    split_lines = {n for n, line in enumerate(lines) if any(x <= y <= x + _INDENT_MAX for x in gutters
                                                             for y in _splits(line))}
    # the header lines above the page's first blank line and the foot lines below its last one span the width
    # (a 版 line with the date at the right edge, 本版编辑): kept whole unless a column split is among them
    printed = [n for n, line in enumerate(lines) if not line.blank]
    blanks = [n for n, line in enumerate(lines) if line.blank and printed[0] < n < printed[-1]]
    first, last = 0, len(lines) - 1
    if blanks:
        head = range(0, blanks[0])
        foot = range(blanks[-1] + 1, len(lines))
        if not split_lines & set(head):
            first = blanks[0]
        if not split_lines & set(foot):
            last = blanks[-1]
    order: list[tuple[int, int, int]] = [(n, 0, len(starts) - 1) for n in range(0, first)]
    _visit(lines, starts, first, last, 0, len(starts) - 1, order)
    order += [(n, 0, len(starts) - 1) for n in range(last + 1, len(lines))]
    return _render(lines, starts, order)


def _crosses_region(line: _Line, starts: list[int], lo: int, hi: int) -> list[int]:
    """The inner gutters of columns lo..hi that the line crosses."""
    return [k for k in range(lo + 1, hi + 1) if line.crosses(starts[k], starts[k - 1])]


def _visit(lines: list[_Line], starts: list[int], first: int, last: int, lo: int, hi: int,
           order: list[tuple[int, int, int]]) -> None:
    """Append the reading order of lines first..last (0-based) in columns lo..hi as (line, lo, hi) pieces."""
    if first > last:
        return
    if lo == hi:
        order.extend((n, lo, hi) for n in range(first, last + 1))
        return
    inner = hi - lo
    across = [n for n in range(first, last + 1) if len(_crosses_region(lines[n], starts, lo, hi)) == inner]
    if across:  # a headline over all these columns: the columns above it are read before it, those below after
        start = first
        for n in [*across, last + 1]:
            _visit(lines, starts, start, n - 1, lo, hi, order)
            if n <= last:
                order.append((n, lo, hi))
            start = n + 1
        return
    for k in range(lo + 1, hi + 1):  # a gutter no line of the region crosses parts it in two
        if not any(lines[n].crosses(starts[k], starts[k - 1]) for n in range(first, last + 1)):
            _visit(lines, starts, first, last, lo, k - 1, order)
            _visit(lines, starts, first, last, k, hi, order)
            return
    order.extend((n, lo, hi) for n in range(first, last + 1))  # no clean cut: read across


def _render(lines: list[_Line], starts: list[int], order: list[tuple[int, int, int]]) -> ColumnView:
    """The rewritten text, a piece a line. A column's blank pieces above its first text and below its last are
    dropped (they hold no character); between two columns a blank line is put unless the text runs on (the last
    line fills its column, or the next column opens with a paragraph's indent)."""
    whole = (0, len(starts) - 1)
    runs: list[tuple[tuple[int, int], list[tuple[str, Cell]]]] = []  # pieces of one column (or of whole lines)
    previous = -2
    for n, lo, hi in order:
        if (lo, hi) == whole:
            start, end = 0, len(lines[n].raw)
        else:
            start, end = lines[n].chars(starts[lo], starts[hi + 1] if hi + 1 < len(starts) else 10**9)
        piece = lines[n].raw[start:end].rstrip(_BLANK)
        if (lo, hi) == whole:
            # a line across the page parts its left and right ends by the layout's run of spaces (a 版 line with the
            # date at the right edge): read as the word gap it stands for
            piece = piece[: len(piece) - len(piece.lstrip(_BLANK))] + _LAYOUT_GAP.sub("\u3000", piece.lstrip(_BLANK))
        if not runs or runs[-1][0] != (lo, hi) or ((lo, hi) == whole and n != previous + 1):
            runs.append(((lo, hi), []))  # a column's run, or a run of whole lines one under the other
        previous = n
        runs[-1][1].append((piece, Cell(n + 1, start, end)))
    out: list[str] = []
    cells: list[Cell] = []
    runs_on = False
    for (lo, hi), pieces in runs:
        texts = [i for i, (piece, _) in enumerate(pieces) if piece.strip(_BLANK)]
        if not texts:
            continue
        top, foot = texts[0], texts[-1]
        if (lo, hi) == whole:
            top, foot = 0, len(pieces) - 1  # whole lines keep their blank lines
        opening = pieces[top][0]
        indent = sum(_width(ch) for ch in opening[: len(opening) - len(opening.lstrip(_BLANK))])
        if out and not (runs_on or 0 < indent <= _INDENT_MAX):
            out.append("")
            cells.append(Cell(pieces[top][1].line, pieces[top][1].start, pieces[top][1].start))
        for piece, cell in pieces[top:foot + 1]:
            out.append(piece)
            cells.append(cell)
        last = pieces[foot][0]
        # the column's last line reaches its right edge (the next column's start less a gutter; the widest line for
        # the last column): the text runs on into the next column
        edge = starts[hi + 1] - _GUTTER_MIN if hi + 1 < len(starts) else max(ln.width for ln in lines)
        used = sum(_width(ch) for ch in last) + starts[lo]
        runs_on = (lo, hi) != whole and used >= edge - _FULL_SLACK
    return ColumnView("\n".join(out), tuple(cells))
