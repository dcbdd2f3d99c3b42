"""A page made of text blocks and parsed by the real loader, checked for lost text: the loader tests' one helper."""

from __future__ import annotations

from archive_gen.loader import conservation, parse_page
from archive_gen.model import Page

# a body sentence of no particular shape, for pages that need a story's text
BODY = "会议要求，各级工会要着眼服务全局，把推进改革作为重要任务，推动改革取得新进展新成效。"


def page(*blocks: str, source: str = "p.txt") -> Page:
    """The blocks joined by blank lines, parsed; every test page also checks that nothing was lost."""
    text = "\n\n".join(blocks) + "\n"
    parsed = parse_page(text, source)
    assert conservation(text, parsed) == []
    return parsed
