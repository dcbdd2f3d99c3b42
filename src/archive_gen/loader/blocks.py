"""Text -> blocks: runs of lines separated by blank lines or by an indented first line (People's Daily style).

A block remembers its 1-based source lines and how many blank lines stood before it (image slots).
Pure string work, no knowledge of headlines or items.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def split_blocks(text: str) -> list[Block]:
    """Split page text (LF line ends) into blocks.

    Inside a run of non-blank lines, an indented line starts a new block and an unindented line
    continues the block above only when that block opened with an indent (hard-wrapped paragraphs);
    otherwise each line is its own block (captions with a credit line under them).
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

    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip(INDENT_CHARS + "\r\x0b\x0c\ufeff")
        if not stripped:
            flush()
            blank += 1
            continue
        starts_indented = raw[:1] in INDENT_CHARS
        if lines and (starts_indented or not indented):
            flush()
            blank_before = 0
        elif not lines:
            blank_before = blank
        if not lines:
            indented = starts_indented
        lines.append(number)
        parts.append(stripped)
        blank = 0
    flush()
    return blocks


def is_closed(text: str) -> bool:
    """True when the text ends a sentence (so the next block is not its continuation)."""
    return bool(text) and text[-1] in CLOSING


def ends_open(text: str) -> bool:
    """True when the text ends with a comma-like mark: the sentence certainly goes on."""
    return bool(text) and text[-1] in OPEN_ENDINGS
