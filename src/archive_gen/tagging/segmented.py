"""The Segmented record: every text field of an item cut into tokens once, shared by the region,
topic and keyword taggers (cutting is the expensive part of tagging)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from ..model import Item
from .segmenter import Segmenter, Span, fold

# 本报南京11月22日电: the place of a dateline the loader left inside the lead
_DATELINE = re.compile(r"本报([\u4e00-\u9fff]{2,8}?)\d{1,2}月\d{1,2}日电")
# a provincial paper's bureau files with no day (本报洛阳讯, 本报东莞讯): the place before 讯 is the dateline's as
# much as 本报洛阳6月18日电's (thirty-third round); 本报讯 has none, and an 通讯员 is no 讯
_BUREAU_DATELINE = re.compile(r"本报([\u4e00-\u9fff]{2,8}?)讯(?!员)")
# a reader's or author's signature line ("安徽合肥 陈建军", "河南郑州 读者 李明"): a place, then the name;
# a staff credit ("本报记者 王伟", "新华社发") is not one
_SIGNATURE = re.compile(r"([\u4e00-\u9fff]{2,12})[ \u3000]+\S")
_PARTS = re.compile(r"[ \u3000]+")
# a correspondent's unit and name in the lead's bracket ("本报讯（黔南州总工会　刘明）"): the loader credits the writer and
# keeps the bracket in the lead, so the unit, where the report comes from, is read from there as a dateline's place is
_LEAD_UNIT = re.compile(r"[（(]([\u4e00-\u9fff]{2,14}?(?:总工会|工会|工委|委员会|公司|集团|中心|[厂矿局段站处所校院]))"
                        r"[ \u3000\t]+[\u4e00-\u9fff·]{2,6}[)）]$")
_STAFF_WORDS = ("本报", "记者", "通讯员", "评论员", "新华社", "摄", "报道", "文/", "图/", "实习生", "特约")


# Ascending character offsets, a plain tuple: bisect it, or hash it where many questions are asked (regions).
# (A tuple subclass bisecting in ``__contains__`` cost ~1 µs to build per field and 0.6 µs per question.)
Offsets = tuple[int, ...]


@dataclass(frozen=True)
class SegmentedField:
    """One text field of an item and its tokens."""

    name: str  # "title", "kicker", "subtitle", "column", "column_extra:0", "page_name", "reading_tip", "lead",
    # "dateline", "signature", "unit", "paragraph:0", "crosshead:0", "caption:0"
    text: str  # as printed
    folded: str  # ``fold(text)``: full-width ASCII as ASCII, same length (offsets are shared)
    tokens: tuple[Span, ...]  # the tokens of ``folded`` with their offsets, in order
    # derived from ``tokens`` once, in compiled code (every item needs them; cached_property locks)
    words: tuple[str, ...] = dataclasses.field(init=False, repr=False, compare=False)  # the tokens' text
    starts: Offsets = dataclasses.field(init=False, repr=False, compare=False)  # token start offsets
    ends: Offsets = dataclasses.field(init=False, repr=False, compare=False)  # token end offsets

    def __post_init__(self) -> None:
        words, starts, ends = zip(*self.tokens, strict=True) if self.tokens else ((), (), ())
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "starts", starts)
        object.__setattr__(self, "ends", ends)


@dataclass(frozen=True)
class Segmented:
    """The tokens of every text field of one item, in field order; fields that are empty are absent."""

    fields: tuple[SegmentedField, ...]
    _by_name: dict[str, SegmentedField] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # items with many paragraphs are looked up field by field
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def field(self, name: str) -> SegmentedField | None:
        """The field called ``name``, or None when the item has no such text."""
        return self._by_name.get(name)

    def tokens(self, *names: str) -> list[str]:
        """The tokens of the named fields (a base name like "paragraph" takes every paragraph), in order."""
        wanted = frozenset(names)
        return list(itertools.chain.from_iterable(
            f.words for f in self.fields if f.name in wanted or f.name.partition(":")[0] in wanted))


def dateline_place(item: Item) -> str | None:
    """The dateline's place: the loader's, else one still printed in the lead ("本报南京11月22日电", "本报洛阳讯")."""
    if item.dateline and item.dateline.place:
        return item.dateline.place
    if not item.lead:
        return None
    found = _DATELINE.search(item.lead) or _BUREAU_DATELINE.match(item.lead.lstrip())
    return found.group(1) if found else None


def lead_unit(item: Item) -> str | None:
    """The unit of a correspondent the lead credits with a name ("本报讯（黔南州总工会　刘明）" -> 黔南州总工会), or None."""
    if not item.lead:
        return None
    found = _LEAD_UNIT.search(item.lead.rstrip())
    return found.group(1) if found else None


def signature_place(item: Item) -> str | None:
    """The place that opens a signature line (a reader's letter signed "湖北襄阳 读者 刘梅"), or None."""
    raw = item.byline_raw
    if not raw or any(word in raw for word in _STAFF_WORDS):
        return None
    text = raw.strip().lstrip("—-－ ")
    if text[:1] in "（(" and text[-1:] in "）)":
        # a bracketed sign-off is a signature only with a place, a role and a name (（广东深圳　外卖骑手　陈建伟）);
        # a bracketed pair may be a unit and an expert's name (（北京市劳动法学会 李林）)
        text = text[1:-1].strip()
        parts = _PARTS.split(text)
        while len(parts) >= 2 and len(parts[-1]) == 1 and len(parts[-2]) == 1:
            parts[-2:] = [parts[-2] + parts[-1]]  # a padded two-character name (李  林) is one part
        if len(parts) < 3:
            return None
    found = _SIGNATURE.match(text)
    return found.group(1) if found else None


def item_texts(item: Item) -> list[tuple[str, str]]:
    """(field name, text) for every non-empty text field of an item that any tagger reads."""
    texts: list[tuple[str, str]] = []
    for name in ("kicker", "title", "subtitle", "column"):
        value = getattr(item, name)
        if value:
            texts.append((name, value))
    texts.extend((f"column_extra:{i}", extra) for i, extra in enumerate(item.column_extra) if extra)
    if item.page_name:
        texts.append(("page_name", item.page_name))
    if item.reading_tip:
        texts.append(("reading_tip", item.reading_tip))
    if item.lead:
        texts.append(("lead", item.lead))
    place = dateline_place(item)
    if place:
        texts.append(("dateline", place))
    signed = signature_place(item)
    if signed:
        texts.append(("signature", signed))
    unit = lead_unit(item)
    if unit:
        texts.append(("unit", unit))
    texts.extend((f"paragraph:{i}", text) for i, text in enumerate(item.paragraphs) if text)
    texts.extend((f"crosshead:{i}", head.text) for i, head in enumerate(item.crossheads) if head.text)
    texts.extend((f"caption:{i}", caption.text) for i, caption in enumerate(item.captions) if caption.text)
    return texts


def segment_item(item: Item, segmenter: Segmenter) -> Segmented:
    """Cut every text field of ``item`` once (the folded text, so 法院＋工会 is one token like 法院+工会)."""
    fields = []
    for name, text in item_texts(item):
        folded = fold(text)
        fields.append(SegmentedField(name, text, folded, tuple(segmenter.spans(folded))))
    return Segmented(tuple(fields))
