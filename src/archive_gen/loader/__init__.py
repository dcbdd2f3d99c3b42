"""The loader: a page file's bytes -> a Page record. decode.py turns bytes into text; exports.py sets aside an
archive export's marks (## headings, 主题： labels, numbered headlines) and reads a traditional-character page
through simplified forms; blocks.py, furniture.py, units.py, segment.py (with headlines.py), orphans.py and items.py
parse it; dates.py dates it; stitch.py joins
halves printed on two pages. columns.py first rewrites a page printed in side-by-side columns (pdftotext -layout)
into reading order; the items' line numbers are mapped back to the page's own. It never opens files: sources.py finds them.

Public API:
    parse_source(data, source, override) -> (Page, text)   decode and parse one page file's bytes
    parse_page(text, source, ...) -> Page              pure: parse one decoded page text
    conservation(text, page) -> list[Notice]           every non-blank line accounted for exactly once
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import replace

from ..config import PageOverride
from ..model import ColumnCell, Continuation, Crosshead, Item, Notice, Page, PageLine
from ..patterns import lazy_compile
from . import shapes
from .blocks import split_blocks
from .columns import ColumnView, column_view
from .conserve import conservation
from .dates import PageDate, date_from_path, infer_date, page_from_path, path_date_problem
from .decode import decode_bytes, normalise_newlines
from .exports import as_printed, export_view, traditional_view, width_view
from .furniture import Furniture, take_furniture
from .items import build_item, item_ids
from .orphans import attach_orphans
from .segment import segment
from .units import classify, join_splits

__all__ = ["conservation", "parse_page", "parse_source"]

# a literary page by its printed name: 副刊, 文苑 (职工文苑), 文艺, 文学, 诗歌, 散文, 书香, 读书, 随笔
_LITERARY_PAGE = lazy_compile(r"副刊|文苑|文艺|文学|诗歌|散文|书香|读书|随笔")


def literary_kind(item: Item, page_name: str | None) -> str:
    """The item's kind, where a piece signed by its author on a literary page (a memoir, a poem, a sketch under "□ name"
    or "文/name", or with an （作者单位：…） trailer) is a piece of writing, ``article``, not the opinion piece an author's
    credit makes it elsewhere; a piece under a commentary label (短评, 编后…) stays a commentary."""
    if item.kind != "commentary" or not page_name or not _LITERARY_PAGE.search(page_name) or not item.byline.authors:
        return item.kind
    if item.column and shapes.commentary_label(item.column):
        return item.kind
    return "article"


_MIN_HAN_CHARS = 4  # fewer Chinese characters than this in all of a page's items: nothing to archive
_HAN = lazy_compile("[\u3400-\u9fff]")


def _han_count(items: list[Item]) -> int:
    """How many Chinese characters the items' titles and paragraphs hold, counting no further than needed."""
    count = 0
    for it in items:
        for part in (it.title or "", *it.paragraphs):
            count += len(_HAN.findall(part))
            if count >= _MIN_HAN_CHARS:
                return count
    return count


def parse_page(text: str, source: str, *, date: str | None = None, page: int | None = None,
               sha256: str = "", encoding: str = "utf-8") -> Page:
    """Parse one decoded page. Pure and total: any input gives a Page (problems become Notices).

    ``date``/``page`` override what the file name and the text say.
    """
    text = normalise_newlines(text).replace("\x00", "")
    lines = text.split("\n")
    line_count = len(lines) - (1 if text.endswith("\n") else 0)
    # a form feed is an OCR program's or pdftotext's page break, glued to the first character of the next scanned image's
    # first line (or ending the file): white space, not text, and in front of an indent it would hide the indent that
    # opens that line's paragraph; it goes, and every line keeps its number (the page's line count too)
    text = text.replace("\f", "")
    view = column_view(text)
    if view is None:
        return _parse_text(text, source, line_count, date=date, page=page, sha256=sha256, encoding=encoding)
    # printed in side-by-side columns: parsed in reading order, every line number mapped back to the page's own
    parsed = _parse_text(view.text, source, line_count, date=date, page=page, sha256=sha256, encoding=encoding)
    return _mapped(parsed, view)


def _mapped(page: Page, view: ColumnView) -> Page:
    """A page parsed from its reading-order rewrite, with the source's line numbers, and the pieces of each line
    with the item that took them (``Page.columns``: what the conservation check asks of a line two items share)."""

    def at(line: int | None) -> int | None:
        return view.origin(line) if line else line

    def moved(cont: Continuation | None) -> Continuation | None:
        return replace(cont, line=view.origin(cont.line)) if cont is not None else None

    owner: dict[int, int] = {}
    for index, item in enumerate(page.items):
        for number in item.source_lines:
            owner.setdefault(number, index)
    furniture = {f.line for f in page.furniture}
    cells = tuple(ColumnCell(c.line, c.start, c.end, owner.get(k, -2 if k in furniture else -1))
                  for k, c in enumerate(view.cells, 1))
    items = tuple(replace(
        item, source_lines=tuple(sorted({view.origin(n) for n in item.source_lines})),
        fragment_lines=tuple(sorted({view.origin(n) for n in item.fragment_lines})),
        crossheads=tuple(Crosshead(c.text, c.before, view.origin(c.line)) for c in item.crossheads),
        continued_to=moved(item.continued_to), continued_from=moved(item.continued_from))
        for item in page.items)
    notices = tuple(sorted((replace(n, line=at(n.line)) for n in page.notices),
                           key=lambda n: (n.line or 0, n.code, n.message)))
    return replace(page, items=items, notices=notices, columns=cells,
                   furniture=tuple(PageLine(view.origin(f.line), f.text, f.kind) for f in page.furniture))


def _blank(text: str) -> bool:
    """No visible character: white space and invisible format characters (zero-width spaces and joiners, a
    byte order mark left inside) only. Such a page was "no recognisable item", as if it held text."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def _parse_text(text: str, source: str, line_count: int, *, date: str | None, page: int | None, sha256: str,
                encoding: str) -> Page:
    """parse_page on a text in reading order."""
    notices: list[Notice] = []
    # a page printing digits, letters or brackets only in the other width is read in the parser's (ids, dates and
    # the conservation check see it as printed)
    text, back = width_view(text)
    furniture, furniture_notices = take_furniture(text, source)
    notices.extend(furniture_notices)
    # an export's marks (## headings, 主题： labels, numbered headlines) are no text of the page's items
    # a page in traditional characters is read through the simplified forms of the words the parser knows
    view, traditional = traditional_view(export_view(text))
    units = join_splits(classify(split_blocks(view, frozenset(f.line for f in furniture.lines))))
    drafts = attach_orphans(segment(units), notices, source)
    items = [build_item(d, source, k, notices) for k, d in enumerate(drafts)]
    if traditional:
        items = [as_printed(it) for it in items]
    items = [i for i in items if i.paragraphs or i.title or i.kicker or i.credit or i.trailer or i.source_lines]
    han = _han_count(items)
    if not any(it.title or it.paragraphs for it in items) or han < _MIN_HAN_CHARS:
        # a Chinese news page has Chinese text: digits, dashes or Latin words alone are not an archive
        has_text = any(it.title or it.paragraphs for it in items)
        what = "blank page" if _blank(text) else \
            "no recognisable item (no Chinese text)" if has_text else "no recognisable item"
        notices.append(Notice(source, None, "no-items", f"{what}, nothing to archive", "error"))
        items = []
    page_date = _page_date(source, date, items, text, furniture)
    if page_date.value is None and not _blank(text):  # a blank page has nothing to date: its error says it all
        notices.append(Notice(source, None, "no-date", "no date in the file name or the text; set pages."
                              f"{source}.date in archive.yaml"))
    problem = None if date else path_date_problem(source)
    if problem:  # the user meant the name to date the page: say what dates it instead
        if page_date.value is None or not page_date.evidence or page_date.evidence.startswith("file name"):
            how = ""
        elif page_date.inferred:
            how = f"; dated {page_date.value} from its text, a guess (set pages.{source}.date in archive.yaml)"
        else:
            how = f"; dated {page_date.value} by its {page_date.evidence}"
        notices.append(Notice(source, None, "file-date", problem + how))
    if back:  # dated in the view; the items and the furniture as printed
        items = [as_printed(it, back) for it in items]
        furniture = as_printed(furniture, back)
    number = _page_number(source, page, furniture, notices)
    # one copy of each item with its place and id (ids depend on the title and text, not on these fields)
    items = [replace(it, index=k, date=page_date.value, date_inferred=page_date.inferred, page=number,
                     page_name=furniture.page_name, id=ident, kind=literary_kind(it, furniture.page_name))
             for k, (it, ident) in enumerate(zip(items, item_ids(items, source), strict=True))]
    notices.sort(key=lambda n: (n.line or 0, n.code, n.message))
    return Page(source=source, sha256=sha256, encoding=encoding, date=page_date.value,
                date_inferred=page_date.inferred, date_evidence=page_date.evidence, page=number,
                items=tuple(items), notices=tuple(notices), line_count=line_count,
                page_name=furniture.page_name, furniture=furniture.lines)


def _page_number(source: str, forced: int | None, furniture: Furniture, notices: list[Notice]) -> int | None:
    """archive.yaml, else the file name, else the 版 line; a 版 line that disagrees is reported."""
    from_name = page_from_path(source)
    chosen = forced if forced is not None else from_name if from_name is not None else furniture.page
    if furniture.page is not None and chosen is not None and furniture.page != chosen:
        line = next((f.line for f in furniture.lines if f.kind in ("page", "masthead")), None)
        given = "archive.yaml" if forced is not None else "the file name"
        notices.append(Notice(source, line, "page-line",
                              f"the page says 第{furniture.page}版 but {given} says {chosen}; {chosen} was kept"))
    return chosen


def _page_date(source: str, forced: str | None, items: list[Item], text: str, furniture: Furniture) -> PageDate:
    if forced:
        return PageDate(forced, False, "archive.yaml override")
    from_name = date_from_path(source)
    if from_name:
        return PageDate(from_name, False, f"file name {source}")
    if furniture.date:
        # the masthead, or an e-paper's breadcrumb naming the day ("劳动报 > 2014年07月22日 > 第06版：维权", a web line)
        line = next((f.line for f in furniture.lines if f.kind == "masthead"), None) \
            or next(f.line for f in furniture.lines if f.kind == "web")
        return PageDate(furniture.date, False, f"masthead (line {line})")
    openings: list[tuple[str, str]] = []
    for item in items:
        if item.lead and item.paragraphs:
            openings.append(("lead", f"{item.lead} {item.paragraphs[0]}"))
        elif item.kind == "photo" and item.paragraphs:
            openings.append(("caption", item.paragraphs[0]))
    return infer_date(openings, text)


# characters no page means and neither HTML nor XML 1.0 allows: C0 controls but tab, line ends, vertical tab and
# form feed (white space the parser reads), DEL, C1 controls (Windows-1252 bytes read as Latin-1), noncharacters.
# One in a page made every feed holding its item invalid XML (a feed reader drops the whole feed)
_CONTROLS = lazy_compile("[\x01-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff"
                         "\U0002fffe\U0002ffff\U000ffffe\U000fffff\U0010fffe\U0010ffff]")


def _without_controls(text: str, source: str, notices: list[Notice]) -> str:
    """``text`` without the control characters and noncharacters of ``_CONTROLS``, said once with the first
    line that held one (line numbers are kept: no line break is removed)."""
    first = _CONTROLS.search(text)
    if first is None:
        return text
    cleaned, removed = _CONTROLS.subn("", text)
    what = "an invisible control character was" if removed == 1 else \
        f"{removed:,} invisible control characters were"
    notices.append(Notice(source, text.count("\n", 0, first.start()) + 1, "control-characters",
                          f"{what} removed (not allowed in web pages and feeds)"))
    return cleaned


def parse_source(data: bytes, source: str, override: PageOverride | None = None) -> tuple[Page, str]:
    """Decode and parse one page file's bytes (the one way every command reads a page).

    Returns the page and its decoded text (what the conservation check compares against). An
    undecodable or binary file is not parsed: the page carries the error and no items. ``override``
    (archive.yaml ``pages:``) forces the date and page number.
    """
    date = override.date if override else None
    number = override.page if override else None
    text, encoding, notices = decode_bytes(data, source)
    text = _without_controls(text, source, notices)
    digest = hashlib.sha256(data).hexdigest()
    if any(n.level == "error" for n in notices):
        return Page(source, digest, encoding, date, False, None, number, (), tuple(notices),
                    text.count("\n") + 1 if text else 0), text
    page = parse_page(text, source, date=date, page=number, sha256=digest, encoding=encoding)
    merged = tuple(sorted([*notices, *page.notices], key=lambda n: (n.line or 0, n.code, n.message)))
    return replace(page, notices=merged), text
