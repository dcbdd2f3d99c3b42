"""Credits: run-in leads ("本报讯(记者…)"), byline lines, photo credits and the names inside them.

Every function here is pure and works on one string; names are returned as printed ("刘　芳" stays one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Byline, Dateline

HAN = "\u3400-\u9fff"
_SPACE = " \u3000\u00a0\t"
# role words, longest first so that "本报通讯员" is not read as "本报" + "通讯员"
_ROLE = (r"(?:(?:本报|新华社|人民日报|中新社|工人日报)?(?:特约|见习|实习)?(?:摄影)?记者|(?:本报|特约)?通讯员"
         r"|实习生|特约撰稿人|摄影)")
_ROLE_RE = re.compile(_ROLE)
_NAME_CHUNK = re.compile(rf"[{HAN}·]+")

_LEAD_PLAIN = re.compile(
    rf"^(?P<lead>(?:本报讯|本报|(?P<agency>新华社|中新社)(?=[{HAN}]{{1,8}}\d))"
    rf"(?:(?P<place>[{HAN}]{{1,8}}?)(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日电)?"
    rf"(?:[ \u3000]*[(（](?P<paren>[^()（）\n]{{1,60}})[)）])?)")
_LEAD_REPORTED = re.compile(
    rf"^(?P<lead>本报讯[ \u3000]*(?P<credit>{_ROLE}[{HAN}{_SPACE}·]{{1,40}}?(?:摄影)?报道))")
_CREDIT_END = re.compile(
    rf"(?P<credit>(?:(?:新华社|本报|人民日报|中新社)?(?:特约|见习|实习)?(?:摄影)?(?:记者|通讯员)|实习生|新华社)?"
    rf"[{_SPACE}]*[{HAN}]{{2,4}}(?:[{_SPACE}、]+[{HAN}]{{1,4}})*[{_SPACE}]*摄)$")
_AUTHOR_MARK = "■□●◆"


@dataclass(frozen=True)
class Lead:
    """A run-in lead found at the start of a paragraph."""

    text: str  # as printed, without trailing spaces
    rest: str  # the paragraph after the lead, leading spaces removed
    byline: Byline
    credit_text: str | None  # the part the names were read from
    dateline: Dateline | None


def split_lead(paragraph: str) -> Lead | None:
    """Find "本报讯(记者X)", "本报南京11月22日电(…)", "本报讯 记者X报道", "本报(记者X)" or plain "本报讯"."""
    match = _LEAD_REPORTED.match(paragraph)
    if match:
        credit = match.group("credit")
        return Lead(match.group("lead").rstrip(_SPACE), paragraph[match.end():].lstrip(_SPACE),
                    parse_names(credit), credit, None)
    match = _LEAD_PLAIN.match(paragraph)
    if not match:
        return None
    lead = match.group("lead")
    paren = match.group("paren")
    if lead in ("本报",) or (lead.startswith("本报") and not lead.startswith("本报讯")
                             and not match.group("month") and not paren):
        return None  # "本报…" that is just a sentence about the paper
    if paren is not None and not _ROLE_RE.search(paren):
        # "(…)" that is not a credit belongs to the text (本报讯(上接…) is handled elsewhere)
        if lead.startswith("本报讯") or match.group("month"):
            lead = lead[: lead.index(paren) - 1].rstrip(_SPACE + "(（")
            paren = None
        else:
            return None
    if match.group("agency") and not match.group("month"):
        return None
    dateline = None
    if match.group("month"):
        dateline = Dateline(match.group("place") or "", int(match.group("month")), int(match.group("day")))
    rest = paragraph[len(lead):].lstrip(_SPACE)
    byline = parse_names(paren) if paren else Byline()
    return Lead(lead.rstrip(_SPACE), rest, byline, paren, dateline)


def parse_names(text: str) -> Byline:
    """Names by role from a credit string ("记者王伟 通讯员刘义昂 顾琳琳", "见习记者何良玉通讯员邢守秒报道")."""
    text = text.strip(_SPACE)
    for mark in _AUTHOR_MARK:
        text = text.replace(mark, " ")
    if text.endswith("摄影报道"):
        return _with_photographers(parse_names(text[: -len("摄影报道")]))
    if text.endswith("报道"):
        text = text[: -len("报道")]
    if text.endswith("摄"):
        names = _names(_ROLE_RE.sub(" ", text[:-1]))
        return Byline(photographers=names)
    roles: dict[str, list[str]] = {"reporters": [], "correspondents": [], "interns": [], "photographers": [],
                                   "authors": []}
    current = "reporters"
    pos = 0
    for match in _ROLE_RE.finditer(text):
        _extend(roles[current], text[pos:match.start()])
        current = _role_field(match.group(0))
        pos = match.end()
    _extend(roles[current], text[pos:])
    return Byline(**{k: tuple(v) for k, v in roles.items()})


def _with_photographers(byline: Byline) -> Byline:
    people = byline.reporters + byline.correspondents + byline.interns
    return Byline(byline.reporters, byline.correspondents, people, byline.authors, byline.interns)


def _role_field(role: str) -> str:
    if "通讯员" in role:
        return "correspondents"
    if "实习生" in role:
        return "interns"
    if role == "摄影" or "摄影记者" in role:
        return "photographers"
    if "撰稿" in role:
        return "authors"
    return "reporters"


def _extend(names: list[str], chunk: str) -> None:
    names.extend(_names(chunk))


def _names(chunk: str) -> tuple[str, ...]:
    """Split a run of names on spaces; "刘　芳" (two characters around one U+3000) is one name."""
    pieces = re.split(r"([ \u00a0\t\u3000、,，]+)", chunk.strip(_SPACE))
    out: list[str] = []
    previous_single = False
    for k in range(0, len(pieces), 2):
        piece = pieces[k]
        if not piece:
            continue
        gap = pieces[k - 1] if k else ""
        if out and previous_single and len(piece) == 1:
            # a one-character "name" is half of a name printed with a gap; keep a single U+3000 as printed
            out[-1] += "\u3000" + piece if gap == "\u3000" else piece
            previous_single = False
            continue
        out.append(piece)
        previous_single = len(piece) == 1
    return tuple(p for p in out if _NAME_CHUNK.fullmatch(p.replace("\u3000", "")))


_BYLINE_LINE = re.compile(
    rf"^(?:[{_AUTHOR_MARK}][{_SPACE}]*[{HAN}·\u3000 ]{{2,20}}"
    rf"|(?:{_ROLE}[{_SPACE}]*[{HAN}·]{{1,4}}(?:[{_SPACE}]+[{HAN}·]{{1,4}})*[{_SPACE}]*)+(?:报道)?)$")


def is_byline_line(text: str) -> bool:
    """"本报记者 李逸萌", "本报记者 田国奎 本报通讯员 冯际刚", "■郑建钢"."""
    return len(text) <= 60 and bool(_BYLINE_LINE.match(text)) and not text.endswith("摄")


def parse_byline_line(text: str) -> Byline:
    stripped = text.strip(_SPACE)
    if stripped[:1] in _AUTHOR_MARK:
        return Byline(authors=_names(stripped[1:]))
    return parse_names(stripped)


def split_credit(text: str) -> tuple[str, str] | None:
    """A photo credit at the end of a caption or alone: (text before it, credit as printed)."""
    if not text.endswith("摄"):
        return None
    match = _CREDIT_END.search(text)
    if not match:
        return None
    before = text[: match.start()]
    credit = match.group("credit").strip(_SPACE)
    if before and before[-1] not in "。！？!?”’」』…)） \u3000":
        # glued to a caption: the credit must follow a closed sentence, or its role word must be present
        inner = _CREDIT_ROLE_START.match(credit)
        if not inner:
            return None
    if not _CREDIT_ROLE_START.match(credit) and before and len(credit) > 8:
        return None
    return before.rstrip(_SPACE), credit


_CREDIT_ROLE_START = re.compile(r"(?:新华社|本报|人民日报|中新社|特约|见习|实习|摄影|记者|通讯员)")


def credit_byline(credit: str) -> Byline:
    """Photographers of a credit line ("本报通讯员 张锋 孟宪勋 摄")."""
    body = credit[:-1] if credit.endswith("摄") else credit
    return Byline(photographers=_names(_ROLE_RE.sub(" ", body)))
