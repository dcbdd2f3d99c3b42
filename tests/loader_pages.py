"""A page made of text blocks and parsed by the real loader, checked for lost text: the loader tests' one helper."""

from __future__ import annotations

from archive_gen.loader import conservation, parse_page
from archive_gen.model import Page


def page(*blocks: str, source: str = "p.txt") -> Page:
    """The blocks joined by blank lines, parsed; every test page also checks that nothing was lost."""
    text = "\n\n".join(blocks) + "\n"
    parsed = parse_page(text, source)
    assert conservation(text, parsed) == []
    return parsed
