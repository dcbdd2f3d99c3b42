"""The one error hierarchy of archive-gen; every user-facing failure is one of these.

    ArchiveGenError            base: printed as one line, never with a traceback
    ├── ConfigError            archive.yaml / taxonomy / overrides are invalid (exit 2)
    ├── SourceError            a page file cannot be read or decoded (that page is skipped, exit 1)
    ├── RenderError            a template or the site assembly failed (exit 1)
    └── OutputError            the output folder cannot be written or is unsafe (exit 2)
"""

from __future__ import annotations


class ArchiveGenError(Exception):
    """Base class: ``str(err)`` is the complete one-line message shown to the user."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.hint = hint
        super().__init__(self.format())

    def format(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}:{self.line}: " if self.line else f"{self.source}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


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
