"""The loader: page files -> Page records. decode.py reads bytes; blocks.py, furniture.py, units.py,
segment.py (with headlines.py), orphans.py and items.py parse text; dates.py dates; stitch.py joins halves.

Public API:
    load_pages(paths, config=None) -> list[Page]      read + parse many files (paths: files or folders)
    parse_page(text, source, ...) -> Page              pure: parse one decoded page text
    conservation(text, page) -> list[Notice]           every non-blank line accounted for exactly once
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ..config import Config
from ..model import Item, Notice, Page
from .blocks import split_blocks
from .conserve import conservation
from .dates import PageDate, date_from_path, file_source_name, infer_date, page_from_path
from .decode import decode_bytes, normalise_newlines, read_source
from .furniture import Furniture, take_furniture
from .items import assign_ids, build_item
from .orphans import attach_orphans
from .segment import segment
from .units import classify, join_splits

__all__ = ["conservation", "load_pages", "parse_page"]

_MIN_HAN_CHARS = 4  # fewer Chinese characters than this in all of a page's items: nothing to archive


def parse_page(text: str, source: str, *, date: str | None = None, page: int | None = None,
               sha256: str = "", encoding: str = "utf-8") -> Page:
    """Parse one decoded page. Pure and total: any input gives a Page (problems become Notices).

    ``date``/``page`` override what the file name and the text say.
    """
    text = normalise_newlines(text).replace("\x00", "")
    notices: list[Notice] = []
    lines = text.split("\n")
    line_count = len(lines) - (1 if text.endswith("\n") else 0)
    furniture, furniture_notices = take_furniture(text, source)
    notices.extend(furniture_notices)
    units = join_splits(classify(split_blocks(text, frozenset(f.line for f in furniture.lines))))
    drafts = attach_orphans(segment(units), notices, source)
    items = [build_item(d, source, k, notices) for k, d in enumerate(drafts)]
    items = [i for i in items if i.paragraphs or i.title or i.kicker or i.credit or i.trailer or i.source_lines]
    han = sum(1 for it in items for part in (it.title or "", *it.paragraphs) for ch in part if "\u3400" <= ch <= "\u9fff")
    if not any(it.title or it.paragraphs for it in items) or han < _MIN_HAN_CHARS:
        # a Chinese news page has Chinese text: digits, dashes or Latin words alone are not an archive
        has_text = any(it.title or it.paragraphs for it in items)
        what = "blank page" if not text.strip() else \
            "no recognisable item (no Chinese text)" if has_text else "no recognisable item"
        notices.append(Notice(source, None, "no-items", f"{what}, nothing to archive", "error"))
        items = []
    page_date = _page_date(source, date, items, text, furniture)
    if page_date.value is None:
        notices.append(Notice(source, None, "no-date", "no date in the file name or the text; set pages."
                              f"{source}.date in archive.yaml"))
    number = _page_number(source, page, furniture, notices)
    items = [replace(it, index=k, date=page_date.value, date_inferred=page_date.inferred, page=number,
                     page_name=furniture.page_name)
             for k, it in enumerate(items)]
    items = assign_ids(items, PurePosixPath(source).stem)
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
        line = next(f.line for f in furniture.lines if f.kind == "masthead")
        return PageDate(furniture.date, False, f"masthead (line {line})")
    openings: list[tuple[str, str]] = []
    for item in items:
        if item.lead and item.paragraphs:
            openings.append(("lead", f"{item.lead} {item.paragraphs[0]}"))
        elif item.kind == "photo" and item.paragraphs:
            openings.append(("caption", item.paragraphs[0]))
    return infer_date(openings, text)


def load_pages(paths: Sequence[Path], config: Config | None = None) -> list[Page]:
    """Read and parse page files; folders are searched recursively for *.txt, sorted by relative path.

    Unreadable or undecodable files give a Page with an error Notice; unreadable folders and symlink
    loops give a Page with a warning; nothing raises for bad input.
    """
    overrides = config.pages if config is not None else {}
    pages: list[Page] = []
    taken: set[str] = set()
    for root in paths:
        for path, source, problems in _page_files(Path(root)):
            if problems:
                pages.append(Page(source, "", "", None, False, None, None, (), tuple(problems)))
                continue
            page = _load_one(path, source, overrides.get(source))
            items = assign_ids(list(page.items), PurePosixPath(source).stem, taken)
            pages.append(replace(page, items=tuple(items)))
    return pages


def _load_one(path: Path, source: str, override: object | None) -> Page:
    data, notices = read_source(path, source)
    if data is None:
        return Page(source, "", "", None, False, None, None, (), tuple(notices))
    text, encoding, notices = decode_bytes(data, source)
    digest = hashlib.sha256(data).hexdigest()
    date = getattr(override, "date", None)
    number = getattr(override, "page", None)
    if any(n.level == "error" for n in notices):
        return Page(source, digest, encoding, date, False, None, number, (), tuple(notices),
                    text.count("\n") + 1 if text else 0)
    page = parse_page(text, source, date=date, page=number, sha256=digest, encoding=encoding)
    merged = tuple(sorted(notices + list(page.notices), key=lambda n: (n.line or 0, n.code, n.message)))
    return replace(page, notices=merged)


def _page_files(root: Path) -> list[tuple[Path, str, list[Notice]]]:
    """(path, source, problems) for every page file under ``root`` (or ``root`` itself), sorted."""
    if root.is_file():
        return [(root, file_source_name(root.as_posix()), [])]
    if not root.exists():
        source = root.as_posix()
        return [(root, source, [Notice(source, None, "missing", "no such file or folder", "error")])]
    found: list[tuple[Path, str, list[Notice]]] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(folder: Path, rel: PurePosixPath) -> None:
        try:
            stat = folder.stat()
        except OSError as exc:
            found.append((folder, rel.as_posix(), [Notice(rel.as_posix(), None, "unreadable",
                                                          f"cannot open folder: {exc.strerror}")]))
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen_dirs:
            found.append((folder, rel.as_posix(), [Notice(rel.as_posix(), None, "symlink-loop",
                                                          "folder link leads back to a folder already read; skipped")]))
            return
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.append((folder, rel.as_posix() or ".", [Notice(rel.as_posix() or ".", None, "unreadable",
                                                                 f"cannot list folder: {exc.strerror}")]))
            return
        for entry in entries:
            child = rel / entry.name
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as exc:
                found.append((Path(entry.path), child.as_posix(),
                              [Notice(child.as_posix(), None, "unreadable", f"cannot read: {exc.strerror}")]))
                continue
            if is_dir:
                walk(Path(entry.path), child)
            elif is_file and entry.name.endswith(".txt") and not entry.name.startswith("."):
                found.append((Path(entry.path), child.as_posix(), []))
            elif entry.is_symlink() and entry.name.endswith(".txt") and not os.path.exists(entry.path):
                found.append((Path(entry.path), child.as_posix(),
                              [Notice(child.as_posix(), None, "broken-link", "symbolic link to nothing", "error")]))
            elif entry.name.endswith(".txt") and not entry.name.startswith("."):
                # a named pipe or a device would block the read forever (or never end): never opened
                found.append((Path(entry.path), child.as_posix(),
                              [Notice(child.as_posix(), None, "not-a-file",
                                      "not a regular file (a pipe, socket or device); skipped")]))

    walk(root, PurePosixPath(""))
    return sorted(found, key=lambda f: f[1])
