"""The records every stage passes on: pages, items (articles, photos, commentary, briefs) and their tags.

All records are frozen dataclasses; stages return new records (``dataclasses.replace``) instead of mutating.
Text fields keep the characters exactly as printed; normalisation (NFKC etc.) happens only for matching.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .errors import one_line, shown

UNTITLED_LABEL = "（无标题）"  # display title of an item printed with no headline and no jump marker
ItemKind = Literal["article", "photo", "commentary", "brief", "fragment"]
ITEM_KINDS: tuple[str, ...] = ("article", "photo", "commentary", "brief", "fragment")


@dataclass(frozen=True)
class Byline:
    """People credited on an item, names only, as printed ("刘　芳" stays one name)."""

    reporters: tuple[str, ...] = ()  # 记者, 本报记者, 见习记者
    correspondents: tuple[str, ...] = ()  # 通讯员
    photographers: tuple[str, ...] = ()  # "… 摄", 摄影报道
    authors: tuple[str, ...] = ()  # commentary authors ("■郑建钢"), signed pieces
    interns: tuple[str, ...] = ()  # 实习生

    def names(self) -> tuple[str, ...]:
        """Every credited name once, in role order."""
        seen: dict[str, None] = {}
        for group in (self.reporters, self.correspondents, self.photographers, self.authors, self.interns):
            for name in group:
                seen.setdefault(name, None)
        return tuple(seen)


@dataclass(frozen=True)
class BylineRole:
    """One credited name with the role word printed before it ("见习记者", "本报通讯员", "新华社记者");
    ``role`` is "" when no role word is printed ("■郑建钢", a bare name under a commentary title)."""

    name: str  # as in ``Byline``
    role: str  # as printed, never normalised (本报见习记者 stays 本报见习记者)


@dataclass(frozen=True)
class Dateline:
    """The place and day of a "本报南京11月22日电" lead; month/day are None when not printed."""

    place: str
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Continuation:
    """A jump marker: "(下转第3版)" is direction "to", "(上接第1版)" is direction "from"."""

    direction: Literal["to", "from"]
    page: int  # the other page (版) number
    marker: str  # the marker as printed, e.g. "(下转第3版)"
    line: int  # 1-based source line of the marker


@dataclass(frozen=True)
class ContinuationPart:
    """The other half of a continued article, printed on another page and stitched into this item.

    Its paragraphs are this item's ``paragraphs[first_paragraph:]`` (up to the next part)."""

    source: str  # page file the half was printed in
    page: int | None  # its 版 number
    item_id: str  # the id the half had as a record of its own page
    title: str | None  # the title reprinted over the half, if any
    first_paragraph: int  # index in the stitched item's paragraphs where this half begins
    source_lines: tuple[int, ...] = ()  # lines of ``source`` it consumed


@dataclass(frozen=True)
class Crosshead:
    """An in-body sub-heading; it stands before paragraph number ``before`` (0-based)."""

    text: str
    before: int
    line: int


@dataclass(frozen=True)
class Caption:
    """A photo caption paragraph group and its credit line ("新华社记者 姜克红 摄")."""

    text: str
    credit: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Why a tag was given: the matched text and where it was found (e.g. field "title", "paragraph:0")."""

    text: str
    field: str
    offset: int = 0


@dataclass(frozen=True)
class Region:
    """An administrative division with full official names; levels that do not apply are None.

    Municipalities (北京市…) have no prefecture; county-level cities directly under a province
    (海南 东方市) have no prefecture either.
    """

    code: str  # GB/T 2260 six-digit code of the most specific level
    province: str
    prefecture: str | None = None
    county: str | None = None
    slug: str = ""  # ASCII, stable: "<code>-<pinyin>", e.g. "350100-fuzhou"
    ancestor_slugs: tuple[tuple[str, str], ...] = ()  # (code, slug) of the province/prefecture above

    @property
    def name(self) -> str:
        return self.county or self.prefecture or self.province

    @property
    def level(self) -> Literal["province", "prefecture", "county"]:
        if self.county:
            return "county"
        if self.prefecture:
            return "prefecture"
        return "province"


@dataclass(frozen=True)
class RegionTag:
    """A region an item is about (or mentions), with the evidence that produced it."""

    region: Region
    evidence: tuple[Evidence, ...] = ()
    score: float = 0.0


@dataclass(frozen=True)
class Ambiguity:
    """A place name that could not be resolved to one division (鼓楼区 in four cities)."""

    text: str
    candidates: tuple[str, ...]  # codes
    resolved_to: str | None = None  # code of the level kept (e.g. the province), or None
    field: str = ""


@dataclass(frozen=True)
class TopicTag:
    """A topic from the taxonomy with its score and the terms that produced it."""

    slug: str
    label: str
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Keyword:
    """A TF-IDF keyword with its weight."""

    word: str
    weight: float
    slug: str = ""  # ASCII page name (urls.keyword_slug), computed once when the keyword is found


@dataclass(frozen=True)
class Item:
    """One item printed on a page, in page order. ``paragraphs`` holds body text only:
    the lead ("本报讯(记者…)") is moved to ``lead``, jump markers to ``continued_*``,
    credits to ``captions``/``byline``, crossheads and 阅读提示 boxes to their own fields."""

    id: str  # stable: derived from date/page/source and the item's own text, not its index
    source: str  # path of the page file relative to the source folder, with "/" separators
    index: int  # 0-based position on the page
    kind: ItemKind
    date: str | None = None  # ISO "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that is known
    date_inferred: bool = False
    page: int | None = None  # 版 number
    page_name: str | None = None  # 版 name printed on the page ("要闻", "综合新闻"), None when not printed
    kicker: str | None = None  # 引题
    title: str | None = None
    title_label: str | None = None  # shown for an untitled item instead of a title: the jump marker as
    #                                 printed ("(上接第1版)"), never text cut from the body; None when titled
    subtitle: str | None = None  # 副题
    column: str | None = None  # section banner / column name (工运走笔, 最美职工…)
    column_extra: tuple[str, ...] = ()  # further banner lines
    byline: Byline = field(default_factory=Byline)
    byline_raw: str | None = None  # the text the byline was read from
    byline_roles: tuple[BylineRole, ...] = ()  # each name of ``byline`` with its role word as printed
    lead: str | None = None  # the run-in lead removed from the first paragraph
    dateline: Dateline | None = None
    paragraphs: tuple[str, ...] = ()
    crossheads: tuple[Crosshead, ...] = ()
    reading_tip: str | None = None  # 阅读提示 box text
    credit: str | None = None  # photo credit line as printed ("新华社记者 姜克红 摄"); photo captions are the paragraphs
    captions: tuple[Caption, ...] = ()  # captions of pictures printed inside an article (not photo items)
    trailer: tuple[str, ...] = ()  # author office / reprint source lines ("(原载《人民日报》…)")
    continued_to: Continuation | None = None
    continued_from: Continuation | None = None
    starts_incomplete: bool = False  # the story's opening is not in the source: its body starts mid-sentence
    fragment_lines: tuple[int, ...] = ()  # lines of orphan blocks stitched in from elsewhere on the page
    continuation_parts: tuple[ContinuationPart, ...] = ()  # halves from other pages stitched in, in order
    source_lines: tuple[int, ...] = ()  # every 1-based source line this item consumed
    # filled by the tagger
    regions: tuple[RegionTag, ...] = ()
    mentioned_places: tuple[RegionTag, ...] = ()
    ambiguities: tuple[Ambiguity, ...] = ()
    topics: tuple[TopicTag, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    # filled when the archive is assembled
    url: str | None = None  # site-relative, e.g. "articles/2021/05/14/01-9f3a2c1d.html"

    @property
    def display_title(self) -> str:
        """What lists, citations and feeds show: the printed title, else the kicker, else an honest label
        (never a sentence cut from the body)."""
        return self.title or self.kicker or self.title_label or UNTITLED_LABEL

    @property
    def body_text(self) -> str:
        return "".join(self.paragraphs)


@dataclass(frozen=True)
class Notice:
    """A warning or error about a source file, printed as ``file:line: message``."""

    source: str
    line: int | None
    code: str  # short machine code, e.g. "duplicate-paragraph", "undecodable", "no-date"
    message: str
    level: Literal["warning", "error"] = "warning"

    def __str__(self) -> str:
        """One line whatever the file is called: an unusual name is quoted (errors.shown)."""
        where = f"{shown(self.source)}:{self.line}" if self.line else shown(self.source)
        return f"{where}: {self.level}: {one_line(self.message)}"


def name_key(name: str) -> str:
    """What two spellings of one file name have in common: the name in Unicode NFC. macOS (and a zip made
    there) stores "café.txt" decomposed (e + U+0301), a file typed on Linux or in archive.yaml composed:
    the same name to the user, shown alike in every message, yet a ``pages:`` override never found the
    file ("no such page file"), and two such files were two pages of one printed name."""
    return unicodedata.normalize("NFC", name)


def source_name(name: str) -> str:
    """The name records give a page file (its relative path): valid Unicode whatever the file system holds.

    Names come from the OS through os.fsdecode, which keeps bytes that are not UTF-8 as surrogates; those
    cannot be hashed, cached as JSON, exported or printed. Each such path part is decoded as GB18030 (an
    archive unzipped from GBK has these names, and the pages use the same encoding), and a part valid in
    neither keeps its bytes as ``\\xNN`` escapes. UTF-8 names are returned unchanged.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    parts = []
    for part in name.split("/"):
        try:
            raw = os.fsencode(part)
        except UnicodeEncodeError:  # a surrogate os.fsdecode cannot have made: keep it visible
            raw = part.encode("utf-8", "backslashreplace")
        for encoding in ("utf-8", "gb18030"):
            try:
                parts.append(raw.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            parts.append(raw.decode("utf-8", "backslashreplace"))
    return "/".join(parts)


@dataclass(frozen=True)
class PageLine:
    """A line of page furniture that belongs to no item: the 版 line ("第03版：要闻"), a masthead
    ("工人日报 2023年10月17日 星期二 第1版"), an editor credit ("本版编辑：许静"), a 导读 entry
    pointing to another page ("职工疗休养新规实施一年来成效初显（3版）") or an advertisement ("公益广告" and its lines)."""

    line: int  # 1-based source line
    text: str  # as printed
    # index: a 导读 box pointing to other pages; advert: an advertisement's label and the lines printed under it;
    # stray: a column rule or folio OCR read as a line of its own ("|", "丨", "■", "4"); web: a web copy's controls,
    # metadata, breadcrumb, 版面导航 or 相关新闻 lines ("上一篇　下一篇", "发布时间：2023-05-12 06:50"); quote: a quotation
    # box's label ("毛主席语录", "最高指示") and the quotation under it
    kind: Literal["page", "masthead", "editor", "index", "advert", "stray", "web", "quote"]


@dataclass(frozen=True)
class ColumnCell:
    """A piece of a line printed in side-by-side columns (``pdftotext -layout``): characters ``start``..``end`` of
    source line ``line`` and the index of the item that took it (-2: page furniture; -1: none)."""

    line: int
    start: int
    end: int
    item: int


@dataclass(frozen=True)
class Page:
    """A parsed page file: its items in page order plus what the loader noticed."""

    source: str  # relative path with "/" separators
    sha256: str  # of the raw bytes
    encoding: str
    date: str | None
    date_inferred: bool
    date_evidence: str | None
    page: int | None
    items: tuple[Item, ...]
    notices: tuple[Notice, ...] = ()
    line_count: int = 0
    page_name: str | None = None  # 版 name printed on the page ("要闻"), None when not printed
    furniture: tuple[PageLine, ...] = ()  # 版 lines, mastheads, editor credits: lines of no item
    # a page printed in side-by-side columns: the pieces its lines were cut into when it was read in column order
    # (empty on every other page)
    columns: tuple[ColumnCell, ...] = ()

    @property
    def failed(self) -> bool:
        """True when the page could not be read at all (the build exits 1)."""
        return any(n.level == "error" for n in self.notices) and not self.items


SNIPPET_CHARS = 90  # of the body's opening, on a card
ABSTRACT_CHARS = 200  # of the body's opening, in a feed


def cut(text: str, limit: int) -> str:
    """``text``, or its first ``limit`` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass(frozen=True)
class ItemSummary:
    """What indexes, cards, feeds and related lists need of an item; the full record stays in the cache.

    Summaries of every item are loaded on every build, so they hold no body text beyond the snippet.
    """

    id: str
    source: str
    index: int  # position on its page
    kind: ItemKind
    date: str | None
    date_inferred: bool
    page: int | None
    url: str  # site-relative article path
    kicker: str | None
    title: str | None
    subtitle: str | None
    column: str | None
    display_title: str
    snippet: str  # the opening of the body, cut for cards
    abstract: str  # the opening of the body, cut longer, for feeds
    names: tuple[str, ...]  # everyone credited, in role order (Byline.names)
    regions: tuple[Region, ...]  # the main setting: unique codes, in tag order
    topics: tuple[tuple[str, str], ...]  # (slug, label), unique, primary first
    keywords: tuple[tuple[str, str], ...]  # (word, slug), unique, in weight order
    continued_to: Continuation | None = None
    continued_from: Continuation | None = None
    parts: tuple[str, ...] = ()  # ids the halves stitched into this item had on their own pages
    aliases: tuple[str, ...] = ()  # ids older versions of archive-gen gave the item (their URLs redirect)
    record_key: str = ""  # digest of the full (stitched, tagged) record: equal keys, equal records
    card_key: str = ""  # digest of what a card shows of the item (title, kicker, snippet, date…)
    tags_key: str = ""  # digest of regions, topics and keywords (archive.tags_key); "" when not computed
    page_name: str | None = None  # 版 name printed on its page ("要闻"), None when not printed


@dataclass(frozen=True)
class PageSummary:
    """A source page as the indexes see it: where and when it was printed, and its items' summaries."""

    source: str
    date: str | None
    date_inferred: bool
    page: int | None
    failed: bool
    items: tuple[ItemSummary, ...]
    notices: tuple[Notice, ...] = ()
    page_name: str | None = None  # 版 name printed on the page, None when not printed
    key: str = ""  # digest of the page's final records and source text (its 版面 page shows both)


def to_jsonable(obj: Any) -> Any:
    """Records -> plain JSON types (tuples become lists), keeping field order."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj
