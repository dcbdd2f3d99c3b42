"""What a line of text looks like: headline, banner, list entry, interview question, or a sentence that
starts in the middle. Pure string tests, shared by the headline reader, the joiner and the segmenter.
"""

from __future__ import annotations

import re
import unicodedata

from .blocks import ends_open, is_closed
from .bylines import is_person_name
from .lazy import lazy_compile

HAN = "\u3400-\u9fff"
SENTENCE_STOPS = lazy_compile(r"[。！？!?]")
MAX_HEADLINE_CHARS = 60
MAX_CROSSHEAD_CHARS = 30
_GAP = " \u3000"

# a short bracketed note after a headline: "(图)", "（上）", "（摘登）", "（组图）", "（2024年度）"
_NOTE = lazy_compile(r"[(（][^()（）]{1,12}[)）]$")
_BRACKET_LABEL = lazy_compile(r"^(?:【[^【】]{1,24}】|〖[^〖〗]{1,24}〗|\[[^\[\]]{1,24}\])$")
_SLOGAN_PART = lazy_compile(rf"[{HAN}“”‘’「」·]{{2,12}}")
_BANNER = lazy_compile(rf"[{HAN}·・]{{2,7}}")
# a speaker's run-in: "记者：", "问：", "答：", "主持人：" (a name that recurs is checked by the caller)
_SPEAKER = lazy_compile(rf"^(?P<label>本报记者|记者|主持人|编者|问|答|Q|A|[{HAN}]{{2,4}})[：:]")
_GENERIC_SPEAKERS = {"本报记者", "记者", "主持人", "问", "答", "Q", "A"}
_EDITOR_NOTE = lazy_compile(r"^[【\[]?编者按[】\]]?[：:\s\u3000]")
# characters that never open a sentence: closing marks, pauses, particles and suffixes
_NEVER_FIRST = set("，,、；;：:。.！!？?）)】」』”’》〉的地得了着过们吗呢吧啊嘛么")
# single characters that do open sentences before 的 ("我的…", "这的…" are fine; "会的补充" is not)
_BEFORE_DE_OK = set("我你他她它谁这那哪别有是真新好老大小多少全各某其该本此每旧长短高低")


def bracket_note(text: str) -> tuple[str, str] | None:
    """(headline, note) when a headline ends with a short bracketed note; None otherwise."""
    match = _NOTE.search(text)
    if not match or match.start() == 0:
        return None
    return text[: match.start()].rstrip(_GAP), match.group(0)


def note_only(text: str) -> bool:
    """A line that is only a bracketed note: "（2024年度）", "（组图）", "【案情】"."""
    return bool(_NOTE.fullmatch(text) or _BRACKET_LABEL.fullmatch(text))


def bracket_label(text: str) -> bool:
    """"【大国工匠·系列报道③】", "【说法】": a label in lenticular brackets."""
    return bool(_BRACKET_LABEL.fullmatch(text))


def sentencey(text: str) -> bool:
    """Running text: a sentence stop inside, or too long for any headline."""
    return bool(SENTENCE_STOPS.search(text[:-1])) or len(text) > MAX_HEADLINE_CHARS


def speaker(text: str) -> str | None:
    """The speaker label of an interview line ("记者：…", "周建民：…"), or None."""
    match = _SPEAKER.match(text)
    if not match or len(text) <= match.end() + 1:
        return None
    return match.group("label")


def generic_speaker(text: str) -> bool:
    """An interview question or answer with a generic label (记者, 问, 答, 主持人): always body text."""
    label = speaker(text)
    return label in _GENERIC_SPEAKERS


_EDITOR_LABEL = lazy_compile(r"^[【\[〖]?(?:编者按|编者的话|编后|编后语|编后记)[】\]〗]?[：:]?$")


def editor_label(text: str) -> bool:
    """"编者按" (or 【编者按】, 编后) printed alone on a line above the note it labels."""
    return bool(_EDITOR_LABEL.match(text.strip(_GAP)))


def editor_note(text: str) -> bool:
    """"编者按：…", "编者按　…", "【编者按】…": a note from the editors that opens a piece."""
    return bool(_EDITOR_NOTE.match(text))


def headline_text(text: str) -> bool:
    """Shaped like a headline line: short, no sentence inside, not ending mid-sentence.

    A trailing bracketed note ("…成效初显(图)", "…解读（上）") is set aside first, and a line that is only a
    note is headline-shaped too (it belongs to the headline above it).
    """
    if not text or generic_speaker(text) or editor_note(text) or list_entry(text):
        return False
    if note_only(text) or colon_label(text):
        return True
    noted = bracket_note(text)
    if noted is not None:
        text = noted[0]
    if not text or sentencey(text) or ends_open(text):
        return False
    if is_closed(text):
        # titles may end with ? or ! (and a quoted crosshead with its closing quote)
        return len(text) <= MAX_CROSSHEAD_CHARS and (text[-1] in "?？!！”’」』》" or text.endswith("……"))
    return True


_NAMED_ENTRY = lazy_compile(rf"^(?P<name>[{HAN}](?:[ \u3000]{{1,3}}[{HAN}]|[{HAN}]{{1,3}}))(?:\u3000|[ \u3000]{{2,}})[{HAN}]")


def list_entry(text: str) -> bool:
    """One entry of an honours list: short, one sentence, ending with 。 ("王秀兰　徐工集团焊接技师。"),
    or a person's name, a wide gap and their unit, with or without 。 ("马  超　郑州宇通客车…班长")."""
    if not 4 <= len(text) <= 50 or re.search(r"[，,；;：:]", text) or SENTENCE_STOPS.search(text[:-1]):
        return False
    if text.endswith("。"):
        return True
    named = _NAMED_ENTRY.match(text)
    return named is not None and is_person_name(named.group("name"))


def phrases(text: str) -> list[str]:
    """The space-separated phrases of a line; a space printed before an opening quote separates nothing
    ("宁波鄞州成立 “鄞领服务联盟”" is one phrase)."""
    return re.split(rf"[{_GAP}]+(?![“「『‘\"(（《])", text.strip(_GAP))


def slogan(text: str) -> bool:
    """Two or more short phrases separated by spaces: "奋斗百年路 启航新征程", "稳就业 促增收"."""
    parts = phrases(text)
    return len(parts) >= 2 and all(_SLOGAN_PART.fullmatch(p) for p in parts) and len(text) <= 30


def short_slogan(text: str) -> bool:
    """A campaign banner made of very short phrases: "新时代 新征程 新伟业", "学党史 悟思想"."""
    parts = phrases(text)
    return len(parts) >= 2 and all(re.fullmatch(rf"[{HAN}]{{2,3}}", p) for p in parts)


_DOTTED_BANNER = lazy_compile(rf"[{HAN}]{{2,6}}(?:[·・•|｜][{HAN}]{{2,6}})+")


def colon_label(text: str) -> bool:
    """A column label that introduces what follows: "记者调查：", "特别关注:"."""
    return len(text) <= 10 and text[-1:] in "：:" and bool(re.fullmatch(rf"[{HAN}·]{{2,8}}", text[:-1]))


def banner(text: str) -> bool:
    """A section banner or column name: 工运走笔, 最美职工, 以案说法, 奋斗者·正青春, 新时代·新作为·新篇章,
    记者调查："""
    text = text[:-1] if colon_label(text) else text
    return bool(_BANNER.fullmatch(text)) or (len(text) <= 16 and bool(_DOTTED_BANNER.fullmatch(text)))


def opens_mid_sentence(text: str) -> bool:
    """True when the text cannot be the start of a sentence: it opens with a closing mark, a pause, a
    particle ("的工会服务站点…"), or a single character bound to a following 的 ("会的补充…")."""
    text = unicodedata.normalize("NFKC", text.lstrip(_GAP))
    if not text:
        return False
    if text[0] in _NEVER_FIRST:
        return True
    return len(text) >= 3 and "\u4e00" <= text[0] <= "\u9fff" and text[1] == "的" and text[0] not in _BEFORE_DE_OK
