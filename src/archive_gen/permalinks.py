"""Permanent article URLs: every article URL a build published keeps working, as the article or as a
redirect to where it went (Hugo's aliases, kept automatically).

Each build records every article URL it publishes, with who it was (id, source, date, title), in the
output's manifest (and, when ``url_history`` is set in archive.yaml, in that project file too, so the
record survives a fresh checkout). A recorded URL that a later build no longer produces gets a
redirect page to the item's new page (its id changed: a new title, a better parse), else to the page
of its issue, else to the date archive; it is left out of the sitemap and the feeds.
"""

from __future__ import annotations

import contextlib
import errno
import html
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from . import urls
from .archive import Archive
from .errors import OutputError

Published = tuple[str, str, str, str, str, str]  # id, source, date, title, index on its page, opening words
OPENING_CHARS = 24
HISTORY_HEADER = "# archive-gen: every article URL this archive has published (keep it with the sources; docs/site.md)"


def published(archive: Archive) -> dict[str, Published]:
    """The article URLs this build publishes."""
    return {item.url: (item.id, item.source, item.date or "", item.display_title, str(item.index),
                       item.snippet[:OPENING_CHARS]) for item in archive.items.values()}


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def redirects(history: Mapping[str, Published], archive: Archive) -> list[tuple[str, str, str]]:
    """(old path, target path, title) for every recorded URL this build does not produce, sorted."""
    current = {item.url for item in archive.items.values()}
    missing = [old for old in history if old not in current and urls.is_article_path(old)]
    if not missing:
        return []
    by_alias: dict[str, str] = {}
    # (source or date, title), when one item there has it: of two stories of one title (简讯, 图片新闻) the title
    # alone would pick the first, whichever the old URL was; their opening words tell them apart below
    by_title: dict[tuple[str, str], str | None] = {}
    by_opening: dict[tuple[str, str], str] = {}  # (source or date, opening words)
    by_place: dict[tuple[str, str], str] = {}  # (source, index)
    # anywhere in the archive, when only one item has it: a page renamed to another date (its URL, which
    # embeds the date, and its source both changed) went to the date archive instead of to its items
    by_text: dict[tuple[str, str], str | None] = {}  # (title, opening words)
    for item in sorted(archive.items.values(), key=lambda i: (i.source, i.index)):
        for old in (*item.aliases, *item.parts):
            by_alias.setdefault(old, item.id)
        for where in (item.source, item.date or ""):
            key = (where, _norm(item.display_title))
            by_title[key] = None if key in by_title else item.id
        if item.snippet:
            by_opening.setdefault((item.source, _norm(item.snippet[:OPENING_CHARS])), item.id)
            by_opening.setdefault((item.date or "", _norm(item.snippet[:OPENING_CHARS])), item.id)
        by_place.setdefault((item.source, str(item.index)), item.id)
        text = (_norm(item.display_title), _norm(item.snippet[:OPENING_CHARS]))
        by_text[text] = None if text in by_text else item.id
    out: list[tuple[str, str, str]] = []
    for old in sorted(missing):
        old_id, source, date, title, index, opening = history[old]
        # the same item under a new id: known by its old id, its title, its opening words, both (anywhere:
        # a page renamed to another date) or its place
        target_id = (by_alias.get(old_id) or by_title.get((source, _norm(title))) or by_title.get((date, _norm(title)))
                     or (by_opening.get((source, _norm(opening))) or by_opening.get((date, _norm(opening)))
                         if opening else None)
                     or by_text.get((_norm(title), _norm(opening))) or by_place.get((source, index)))
        if target_id is not None:
            target = archive.items[target_id]
            out.append((old, target.url, target.display_title))
            continue
        issue = archive.issue_by_key.get(urls.issue_key(date or None))
        if issue is not None:
            out.append((old, issue.url, title))
        else:
            out.append((old, "archive/index.html", title))
    return out


_HEAD_BYTES = 16384  # an article page's metadata, or a whole redirect page, lies well within this
_META = re.compile(r'<meta (?:property|name)="(og:title|description|generator)" content="([^"]*)"')
_REFRESH = re.compile(r'<meta http-equiv="refresh"')
_MOVED_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def history_on_disk(output: Path, site_title: str = "") -> dict[str, Published]:
    """The article URLs an output folder whose manifest was lost (deleted, or a site of an archive-gen
    that kept none) shows: its article and redirect pages, each known by its id (the file name), date
    (its folder), title and opening words as the page carries them. Without this, a build after the
    manifest was deleted (and no ``url_history``) forgot every URL it had published: their redirects
    were no longer made, and ``--clean`` deleted the pages (a URL published once answered 404)."""
    found: dict[str, Published] = {}
    top = output / "articles"
    for folder, dirs, files in os.walk(top):  # never follows a link
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            rel = path.relative_to(output).as_posix()
            if not urls.is_article_path(rel):
                continue
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
                with os.fdopen(fd, "rb") as handle:
                    if not stat.S_ISREG(os.fstat(fd).st_mode):
                        continue
                    head = handle.read(_HEAD_BYTES).decode("utf-8", "replace")
            except OSError:
                continue
            meta = {key: html.unescape(value) for key, value in _META.findall(head)}
            if _REFRESH.search(head):  # a redirect page of an earlier build: its title is the item's
                shown = _MOVED_TITLE.search(head)
                title = html.unescape(shown.group(1)).strip() if shown else ""
                if site_title and title.endswith(" - " + site_title):
                    title = title[: -len(site_title) - 3]
                opening = ""
            elif meta.get("generator") == "archive-gen":
                title, opening = meta.get("og:title", ""), meta.get("description", "")[:OPENING_CHARS]
            else:
                continue  # not a page archive-gen wrote
            parts = rel.split("/")[1:-1]
            date = "" if parts == [urls.UNDATED] else "-".join(parts)
            found[rel] = (Path(name).stem, "", date, title, "", opening)
    return found


def read_history(path: Path | None) -> dict[str, Published]:
    """The url_history project file (missing: empty); OutputError when it is not archive-gen's."""
    if path is None:
        return {}
    try:
        os.stat(path)
    except FileNotFoundError:  # not there yet (or a link to where it will be): written after the build
        return {}
    except OSError as exc:  # a loop of links: it read as missing, and the build failed only once the site was written
        raise OutputError(f"cannot read the URL history: {exc.strerror}", source=str(path)) from None
    try:  # O_NONBLOCK: a pipe named as the history must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):  # a pipe or /dev/zero is never read (it has no end)
                what = "a folder, not a file" if stat.S_ISDIR(mode) else "not a regular file (a pipe, socket or device)"
                raise OutputError(f"the URL history is {what}", source=str(path),
                                  hint="point url_history in archive.yaml at a new file")
            head = handle.read(len(HISTORY_HEADER.encode()) + 1)  # someone's big file: not read whole
            text = "" if head.rstrip(b"\r\n") != HISTORY_HEADER.encode() else (head + handle.read()).decode(
                "utf-8", errors="surrogateescape")
    except OSError as exc:
        raise OutputError(f"cannot read the URL history: {exc.strerror}", source=str(path)) from None
    lines = text.splitlines()
    if not lines or lines[0] != HISTORY_HEADER:
        raise OutputError("refusing to use this file as the URL history: archive-gen did not write it",
                          source=str(path), hint="point url_history in archive.yaml at a new file")
    history: dict[str, Published] = {}
    for line in lines[1:]:
        fields = line.split("\t")
        if len(fields) == 7 and urls.is_article_path(fields[0]):
            history[fields[0]] = (fields[1], fields[2], fields[3], fields[4], fields[5], fields[6])
    return history


def _through_links(path: Path) -> Path:
    """The file a path leads to (itself when it is no link; a link's target also when that is not there yet);
    OSError (ELOOP) for a loop of links."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve()
    except RuntimeError:  # this Python's word for a loop of links
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None


def make_history_folder(path: Path | None) -> None:
    """Make the folder the url_history file goes in, as the output and cache folders are made, before the build
    writes anything: a history in a folder not there yet failed only once the site was written (exit 2, a site
    published without its history); a folder that cannot be made is said before the site is touched."""
    if path is None:
        return
    try:
        _through_links(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot make the URL history's folder: {exc.strerror or exc}",
                          source=str(exc.filename or path.parent)) from None


def history_text(history: Mapping[str, Published]) -> str:
    rows = [HISTORY_HEADER]
    for path in sorted(history):
        fields = (path, *history[path])
        rows.append("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields))
    return "\n".join(rows) + "\n"


def write_history(path: Path, history: Mapping[str, Published]) -> None:
    """Rewrite the url_history file (only archive-gen's own: read_history checked its header). A link is
    written through: the history is kept where it leads (another repository, a shared folder), and the link
    is the user's (it was replaced by a file of its own, and where it led was never written again)."""
    text = history_text(history)
    try:
        path = _through_links(path)
        if path.is_file() and path.read_text(encoding="utf-8", errors="surrogateescape") == text:
            return
    except OSError as exc:
        raise OutputError(f"cannot write the URL history: {exc.strerror}", source=str(path)) from None
    # a short name of its own beside the file: ".<name>.<pid>.tmp" went over the 255 bytes a name may take
    # for a long (legal) history name, and a failed write (a full disk) left the half-written copy beside
    # the user's files
    tmp: str | None = None
    try:
        # a name of its own (O_EXCL: nothing there is followed or overwritten)
        fd, tmp = tempfile.mkstemp(prefix=".archive-gen-history.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8", "surrogateescape"))
        # the history's mode kept (mkstemp makes 0600: a shared project's history went private)
        os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode) if path.is_file() else 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise OutputError(f"cannot write the URL history: {exc.strerror}", source=str(path)) from None
