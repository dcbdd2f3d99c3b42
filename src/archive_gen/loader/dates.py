"""Issue date and page (版) number: from the file name when it carries them, else inferred from the text.

A paper is printed the day after the latest event it reports, so the inferred day is the latest dated
lead/caption/dateline plus one; when no day is certain only "YYYY-MM" (or "YYYY") is given, and when
not even the year is certain, None. Nothing here reads files or the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..patterns import lazy_compile

_SEP = r"[-_./]?"
_PATH_DATE = lazy_compile(rf"(?<!\d)((?:19|20)\d{{2}}){_SEP}(0[1-9]|1[0-2]){_SEP}(0[1-9]|[12]\d|3[01])(?!\d)")
# a date-shaped part of a file name that is not read as its date: any month and day of one or two digits
# between two equal separators ("2021-13-01", "2021_02_30", "2021-5-14"); the names _PATH_DATE reads
# are among them, so a second date in one name is seen too
_SHAPED_DATE = lazy_compile(r"(?<!\d)((?:19|20)\d{2})([-_./])(\d{1,2})\2(\d{1,2})(?!\d)")
_PAGE_AFTER_DATE = lazy_compile(r"^[-_. ]*(?:p|page|版|第)?0*(\d{1,3})(?:版)?(?:[-_. ].*)?$", re.IGNORECASE)
_PAGE_ONLY = lazy_compile(r"^(?:p|page|版|第)?0*(\d{1,3})(?:版)?$", re.IGNORECASE)

_FULL_DATE = lazy_compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_MONTH_DAY = lazy_compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_YEAR = lazy_compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_TARGET_BEFORE = ("到", "至", "争取", "力争", "计划", "预计", "目标", "展望", "迈向", "面向", "远景")
_QUANTITY_AFTER = "余多万亿千百个人名家元件次项台米吨户所条份场天位辆套只平公分秒小起批例处座"
_LEAD_DATE = lazy_compile(
    r"^(?:本报讯|本报|新华社)?(?:[\u4e00-\u9fff]{0,8}?(\d{1,2})月(\d{1,2})日电)?"
    r"(?:[(（][^()（）]{0,60}[)）])?[ \u3000]*(?:[^\d,，。]{0,14}?(\d{1,2})月(\d{1,2})日)?")


@dataclass(frozen=True)
class PageDate:
    """A page's date, whether it was inferred, and a one-line explanation."""

    value: str | None
    inferred: bool
    evidence: str | None


def date_from_path(rel_path: str) -> str | None:
    """"2021-05-14_01.txt", "grrb20210514-03.txt", "2021/05/14/01.txt", "20210514_3.txt" -> "2021-05-14"."""
    match = _PATH_DATE.search(_plain_digits(rel_path))
    if not match or not _valid(*map(int, match.groups())):
        return None
    return "-".join(match.groups())


def _plain_digits(name: str) -> str:
    """The name with full-width digits and separators as ASCII ("２０２１－０５－１６" is typed by a Chinese
    input method; its date was not seen and the page was dated from its text instead)."""
    return unicodedata.normalize("NFKC", name) if not name.isascii() else name


def path_date_problem(rel_path: str) -> str | None:
    """Why a date-shaped part of a file name is not the page's date, in words; None when there is none.

    "2021-02-30_01.txt" and "2021-13-01_02.txt" hold no date, "2021-5-14_01.txt" is not read as one and
    "2021-05-14_2021-05-15_03.txt" holds two: such a page was dated from its text (years away, at times)
    or by the first date, and nothing said so."""
    text = _plain_digits(rel_path)
    used = date_from_path(rel_path)
    dates = [*_PATH_DATE.finditer(text), *_SHAPED_DATE.finditer(text)]
    for match in sorted(dates, key=lambda m: m.start()):
        shown_date = match.group(0)
        year, month, day = int(match.group(1)), int(match.groups()[-2]), int(match.groups()[-1])
        if not 1 <= month <= 12:
            return f"the file name's {shown_date} is not a date (there is no month {month})"
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return f"the file name's {shown_date} is not a date ({year:04d}-{month:02d} has no day {day})"
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if used is None:
            return f"the file name's {shown_date} is not read as a date (write {iso})"
        if iso != used:
            return f"the file name holds two dates, {used} and {iso}; the first was used"
    return None


def file_source_name(path: str) -> str:
    """The source name of a page file given on its own: its name, or, when only its folders carry the
    date ("…/2021/05/14/01.txt"), the dated tail of its path, the name it gets when its folder is read."""
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    name = parts[-1] if parts else path
    if date_from_path(name):
        return name
    for depth in (2, 3, 4):
        tail = "/".join(parts[-depth:])
        if len(parts) >= depth and ".." not in parts[-depth:] and date_from_path(tail):
            return tail
    return name


def page_from_path(rel_path: str) -> int | None:
    """The page number after a date in the file name, or a bare number file inside a dated folder."""
    parts = _plain_digits(rel_path).split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    match = _PATH_DATE.search(stem)
    if match:
        after = _PAGE_AFTER_DATE.match(stem[match.end():])
        return _page(after.group(1)) if after else None
    if date_from_path("/".join(parts[:-1])):
        only = _PAGE_ONLY.match(stem)
        return _page(only.group(1)) if only else None
    return None


def _page(digits: str) -> int | None:
    number = int(digits)
    return number if number > 0 else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def infer_date(texts: Iterable[tuple[str, str]], all_text: str) -> PageDate:
    """Infer the issue date from dated openings and year mentions.

    ``texts`` are (kind, text) pairs for the openings that date an event: "lead" (first paragraph of a
    news item, lead included), "caption" (first caption paragraph); ``all_text`` is the whole page.
    """
    year, year_note = _latest_year(all_text)
    if year is None:
        return PageDate(None, False, None)  # nothing inferred: no date, and not an inferred one
    days: list[tuple[int, int, str]] = []
    for _kind, text in texts:
        match = _LEAD_DATE.match(text)
        if not match:
            continue
        for m_group, d_group in ((1, 2), (3, 4)):
            if match.group(m_group):
                month, day = int(match.group(m_group)), int(match.group(d_group))
                if _valid(year, month, day):
                    days.append((month, day, text[: match.end()].strip()))
    for found in _FULL_DATE.finditer(all_text):
        y, month, day = map(int, found.groups())
        if y == year and _valid(y, month, day):
            days.append((month, day, found.group(0)))
    if days:
        month, day, quote = max(days)
        issue = dt.date(year, month, day) + dt.timedelta(days=1)
        return PageDate(issue.isoformat(), True, f"latest dated event {month}月{day}日 (“{quote[:30]}”) + 1 day; "
                        f"year {year} from {year_note}")
    months = [int(m) for m, d in _MONTH_DAY.findall(all_text) if _valid(year, int(m), int(d))]
    if months:
        month = max(months)
        return PageDate(f"{year:04d}-{month:02d}", True,
                        f"latest mentioned month {month}月 (no dated lead or caption); year {year} from {year_note}")
    return PageDate(f"{year:04d}", True, f"year {year} from {year_note}; no month or day found")


def _latest_year(text: str) -> tuple[int | None, str]:
    """The latest year the page speaks of as past or present (targets like "力争到2027年末" excluded)."""
    best: tuple[int, str] | None = None
    for match in _YEAR.finditer(text):
        year = int(match.group(1))
        before = text[max(0, match.start() - 4): match.start()]
        after = text[match.end(): match.end() + 2]
        if any(before.endswith(word) for word in _TARGET_BEFORE):
            continue
        if after.startswith("年"):
            if after[1:2] in ("前", "后"):
                continue  # "2025年前" is a deadline, "2025年后" a plan
        elif not (before.endswith(("(", "（")) and after[:1] in ")）") and (
                not after or not ("\u4e00" <= after[0] <= "\u9fff") or after[0] in _QUANTITY_AFTER):
            continue
        quote = text[max(0, match.start() - 6): match.end() + 4].replace("\n", " ")
        if best is None or year > best[0]:
            best = (year, f"“{quote}”")
    if best is None:
        return None, ""
    return best
