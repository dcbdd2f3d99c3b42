"""The one error hierarchy of archive-gen, and how user-facing messages show names and counts.

    ArchiveGenError            base: printed as one line, never with a traceback
    ├── ConfigError            archive.yaml / taxonomy / overrides are invalid (exit 2)
    ├── SourceError            a page file cannot be read or decoded (exit 1; the rest is built)
    ├── RenderError            a template or the site assembly failed (exit 1)
    ├── OutputError            the output folder cannot be written or is unsafe (exit 2)
    └── ServeError             the local server cannot listen (port in use, no such address) (exit 2)

Every message is exactly one line: file names and other user text go through :func:`shown` (quoted
with escapes when they hold anything a reader could mistake), whole messages through :func:`one_line`.
"""

from __future__ import annotations

import os
import unicodedata

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _hidden(ch: str) -> bool:
    """True for a character that must not reach a message as itself: controls, line and paragraph
    separators, format characters (bidi overrides, zero-width), surrogates, unassigned code points.
    Spaces (U+0020, U+3000, no-break space) are shown as they are."""
    return not ch.isprintable() and unicodedata.category(ch) != "Zs"


def _escape(ch: str) -> str:
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by os.fsdecode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def one_line(text: str) -> str:
    """``text`` with every character that could break or disguise a line escaped (``\\n``, ``\\x1b``,
    ``\\u2028``, a surrogate as ``\\xNN``): the last guard before anything is printed."""
    if text.isprintable():
        return text
    return "".join(_escape(ch) if _hidden(ch) else ch for ch in text)


def shown(name: str | os.PathLike[str]) -> str:
    """A file name (or a key, or other user text) as a message shows it.

    Plain names are shown as they are. A name that is empty, holds a hidden character (newline,
    control, bidi override, a byte that was not UTF-8), a quote, ``": "``, or starts or ends with white
    space is shown in double quotes with backslash escapes, so it can neither break the message into
    lines nor pose as part of it: ``"evil\\nx.txt: error: forged"``.
    """
    text = os.fspath(name)
    visible = text.isprintable() or not any(_hidden(ch) for ch in text)
    if text and visible and text == text.strip() and not any(q in text for q in ('"', "'", ": ")):
        return text
    body = "".join("\\\\" if ch == "\\" else '\\"' if ch == '"' else _escape(ch) if _hidden(ch) else ch
                   for ch in text)
    return f'"{body}"'


def clipped(value: str, limit: int = 80) -> str:
    """A user value quoted for a message (Python repr, so one line), cut to ``limit`` characters."""
    if len(value) > limit:
        return repr(value[:limit]) + f"… ({len(value):,} characters)"
    return repr(value)


def os_error_text(exc: OSError) -> str:
    """``/path/file: Permission denied``: an OSError as one line, its file name shown safely."""
    name = exc.filename
    where = f"{shown(os.fsdecode(name))}: " if isinstance(name, (str, bytes, os.PathLike)) and name else ""
    return one_line(f"{where}{exc.strerror or exc}")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 page``, ``2 pages``, ``0 errors``: the one place messages put a number before a noun."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


class ArchiveGenError(Exception):
    """Base class: ``str(err)`` is the complete one-line message shown to the user.

    ``details`` are further complete lines printed before it (e.g. the error of every unreadable page
    when no page could be read at all)."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 hint: str | None = None, details: tuple[str, ...] = ()) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.hint = hint
        self.details = details
        super().__init__(self.format())

    def format(self) -> str:
        where = ""
        if self.source:
            where = f"{shown(self.source)}:{self.line}: " if self.line else f"{shown(self.source)}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return one_line(text)


class ConfigError(ArchiveGenError):
    """archive.yaml, the taxonomy or an override is invalid."""

    exit_code = 2


class SourceError(ArchiveGenError):
    """A page file could not be read or decoded."""

    exit_code = 1


class RenderError(ArchiveGenError):
    """Rendering the site failed."""

    exit_code = 1


class OutputError(ArchiveGenError):
    """The output folder is unwritable or unsafe (inside the sources, a file, …)."""

    exit_code = 2


class OutputBusy(OutputError):
    """Another build holds the output folder's lock (``serve`` waits for it and builds after it)."""


class ServeError(ArchiveGenError):
    """``archive-gen serve`` cannot listen where it was asked to (port in use, unknown address)."""

    exit_code = 2
