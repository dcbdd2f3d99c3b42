"""Synthetic newspaper corpus for the benchmark: raw page files like seeds/*.txt plus the same items as Markdown.

Usage: python bench/generate.py --articles 10000 --seed 1 --out /tmp/corpus/raw [--markdown /tmp/corpus/content]
Deterministic: each day's pages come from random.Random(f"{seed}:{date}") and every choice draws from tuples.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from vocab import (
    COLUMNS,
    COMPANIES,
    CROSSHEADS,
    GENERIC,
    GIVEN,
    ORGS,
    PHOTO_SCENES,
    PLACES,
    SURNAMES,
    TOPICS,
    TopicWords,
)

PAGES_PER_DAY = 10
ITEMS_PER_PAGE = (7, 9)  # inclusive range, ~8 on average
FIRST_DAY = dt.date(2016, 1, 4)
DAILY_FIRST_DAY = dt.date(2024, 1, 1)  # --per-day corpora: consecutive daily issues from here
MIN_SPAN_DAYS = 3650  # spread issues over about ten years
JUMP_FROM, JUMP_TO = 1, 3  # the page-1 lead story continues on page 3, as in the seeds
_NO_SPLIT = set("，。、；：？！,.;:?!“”‘’「」()（）《》—…·0123456789%+ ")  # never split a paragraph next to these


@dataclass(frozen=True)
class Place:
    """A real division; levels that do not apply are empty strings."""

    province: str
    prefecture: str
    county: str

    @classmethod
    def parse(cls, spec: str) -> Place:
        province, prefecture, county = spec.split("|")
        return cls(province, prefecture, county)

    @property
    def names(self) -> tuple[str, ...]:
        """Province, prefecture, county: the region terms this place stands for."""
        return tuple(n for n in (self.province, self.prefecture, self.county) if n)

    @property
    def full(self) -> str:
        """As a lead sentence prints it: 江苏省盐城市滨海县."""
        return "".join(self.names)

    @property
    def local(self) -> str:
        """The most specific name: 滨海县."""
        return self.names[-1]

    @property
    def city(self) -> str:
        """The city a dateline names (南京, 北京), or "" when the place is a whole province."""
        if self.province.endswith("市") and self.province[:2] in ("北京", "天津", "上海", "重庆"):
            return self.province[:-1]
        if self.prefecture.endswith("市"):
            return self.prefecture[:-1]
        return ""


_PLACES = tuple(Place.parse(p) for p in PLACES)


def short_name(name: str) -> str:
    """Drop the level suffix for headlines (盐城市 -> 盐城, 江苏省 -> 江苏), keeping two characters at least."""
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "县", "区", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class SynthItem:
    """One generated item: what a loader should find, and the blocks it is printed as."""

    kind: str  # article, photo or commentary
    title: str | None  # None for the untitled "(上接第1版)" continuation, as in the seeds
    blocks: tuple[str, ...]  # printed blocks in order; lines inside a block are joined by "\n"
    date: str
    page: int
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None
    byline: str | None = None  # the lead or byline line as printed
    paragraphs: tuple[str, ...] = ()  # body paragraphs after column-break joins, lead included
    crossheads: tuple[tuple[int, str], ...] = ()  # (index of the paragraph it precedes, text)
    reading_tip: str | None = None
    credit: str | None = None
    regions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    continued_to: int | None = None
    continued_from: int | None = None

    @property
    def body_chars(self) -> int:
        return sum(len(p) for p in self.paragraphs)


@dataclass(frozen=True)
class SynthPage:
    """One page file: its date, page number and items."""

    date: str
    page: int
    items: tuple[SynthItem, ...]

    def relpath(self, nested: bool = False) -> str:
        name = f"{self.date}_{self.page:02d}.txt"
        return f"{self.date[:4]}/{self.date[5:7]}/{name}" if nested else name

    @property
    def text(self) -> str:
        parts = ["\n"]
        for item in self.items:
            parts.append("\n\n".join(item.blocks))
        return "\n\n\n".join(parts) + "\n"


@dataclass
class _Writer:
    """Draws the text of one day from its own random stream."""

    rng: random.Random
    date: dt.date
    used_titles: dict[str, None] = field(default_factory=dict)

    # -- small pieces ---------------------------------------------------------------------------
    def name(self) -> str:
        given = self.rng.choice(GIVEN) + (self.rng.choice(GIVEN) if self.rng.random() < 0.7 else "")
        return self.rng.choice(SURNAMES) + given

    def num(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def fill(self, template: str, org: str) -> str:
        return template.format(org=org, n=self.num(2, 60), m=self.num(100, 9000), p=self.num(30, 95))

    def event_day(self) -> str:
        """Yesterday, as a story printed today names it (11月21日)."""
        day = self.date - dt.timedelta(days=self.rng.choice((1, 1, 2, 3)))
        return f"{day.month}月{day.day}日"

    def org_for(self, place: Place) -> str:
        template = self.rng.choice(ORGS)
        if "市总" in template and not place.local.endswith("市"):
            template = "{p}总工会"  # "市总" is only said of cities
        return template.format(p=place.local, s=short_name(place.local))

    def company_for(self, place: Place) -> str:
        return self.rng.choice(COMPANIES).format(s=short_name(place.local))

    def topics(self) -> tuple[TopicWords, ...]:
        first = self.rng.choice(TOPICS)
        if self.rng.random() < 0.45:
            second = self.rng.choice(TOPICS)
            if second.slug != first.slug:
                return (first, second)
        return (first,)

    def sentence(self, topic: TopicWords, place: Place, org: str) -> str:
        roll = self.rng.random()
        if roll < 0.30:
            opener = self.rng.choice(("今年以来", "近年来", "日前", "近期", self.event_day()))
            return f"{opener},{org}{self.rng.choice(topic.actions)}"
        if roll < 0.50:
            return f"{self.rng.choice(('目前', '截至目前', '据统计', '一年来'))},{self.fill(self.rng.choice(topic.results), org)}"
        if roll < 0.62:
            speaker = self.rng.choice((f"{place.local}总工会副主席", "企业工会主席", "一线职工", "职工代表"))
            return f"“{self.rng.choice(topic.quotes)}。”{speaker}{self.name()}说"
        if roll < 0.75:
            keyword = self.rng.choice(topic.keywords)
            return f"围绕{keyword},{self.company_for(place)}{self.rng.choice(topic.actions)},{self.rng.choice(('取得了明显成效', '受到职工普遍欢迎', '形成了可复制的经验'))}"
        return self.fill(self.rng.choice(GENERIC), org)

    def paragraph(self, topics: tuple[TopicWords, ...], place: Place, org: str, sentences: int) -> str:
        picked = [self.sentence(self.rng.choice(topics) if self.rng.random() < 0.3 else topics[0], place, org)
                  for _ in range(sentences)]
        return "。".join(picked) + "。"

    def body(self, topics: tuple[TopicWords, ...], place: Place, org: str, target: int) -> list[str]:
        first = (f"{self.rng.choice(('近日', '日前', self.event_day()))},{place.full}"
                 f"{org.removeprefix(place.local)}{self.rng.choice(topics[0].actions)},"
                 f"{self.rng.choice(topics[0].keywords)}工作取得新进展。{self.paragraph(topics, place, org, 2)}")
        paragraphs = [first]
        while sum(len(p) for p in paragraphs) < target:
            paragraphs.append(self.paragraph(topics, place, org, self.num(2, 4)))
        return paragraphs

    def split_column(self, paragraph: str) -> tuple[str, ...]:
        """Break a paragraph where a newspaper column would, never next to punctuation or digits."""
        if len(paragraph) < 90 or self.rng.random() > 0.25:
            return (paragraph,)
        cut = self.num(35, len(paragraph) - 35)
        for pos in range(cut, len(paragraph) - 35):
            if paragraph[pos - 1] not in _NO_SPLIT and paragraph[pos] not in _NO_SPLIT:
                return (paragraph[:pos], paragraph[pos:])
        return (paragraph,)

    def unique_title(self, title: str) -> str:
        # two items with one headline on a day would be indistinguishable in an index; vary the wording
        while title in self.used_titles:
            title = f"{title[:-1]}{self.rng.choice('新实好')}{title[-1]}"
        self.used_titles[title] = None
        return title

    # -- items ----------------------------------------------------------------------------------
    def article(self, page: int) -> SynthItem:
        place = self.rng.choice(_PLACES)
        topics = self.topics()
        org = self.org_for(place)
        short = short_name(place.local)
        # a headline with spaces reads as a banner slogan ("新时代 新工人"); titles use a comma instead
        phrase = self.rng.choice(topics[0].titles).replace(" ", ",")
        title = self.unique_title(self.rng.choice((f"{short}{phrase}", f"{short}:{phrase}",
                                                   f"{org}{self.rng.choice(topics[0].actions)}")))
        kicker = (f"{org}{self.rng.choice(topics[0].actions)},{self.rng.choice(topics[-1].actions)}——"
                  if self.rng.random() < 0.25 else None)
        subtitle = self.rng.choice(topics[-1].titles) if self.rng.random() < 0.3 else None
        if subtitle == title.removeprefix(short).removeprefix(":") or (
                not kicker and len(title) >= 20 and len(title) > 1.5 * len(subtitle or title)) or (
                not kicker and "了" in (subtitle or "") and "了" not in title):
            # a long line over a much shorter one reads as kicker + title (the seeds' convention), and so does
            # a plain line over one that states the outcome with 了 (…打通了: the held-out keys' two-line stacks,
            # tests/heldout/two-line-stacks.md), so such a headline gets that subtitle only under a "——" kicker
            subtitle = None
        style = self.rng.choices(("xun", "dian", "line"), weights=(5, 2, 3))[0]
        if style == "dian" and not place.city:
            style = "xun"
        reporter = self.name()
        feature = style == "line"
        column = self.rng.choice(COLUMNS) if feature and self.rng.random() < 0.35 else None
        paragraphs = self.body(topics, place, org, self.num(650, 950) if feature else self.num(560, 820))
        lead: str | None = None
        byline_line: str | None = None
        if style == "xun":
            names = reporter + (f" {self.name()}" if self.rng.random() < 0.3 else "")
            extra = f" 通讯员{self.name()}" if self.rng.random() < 0.4 else ""
            lead = f"本报讯(记者{names}{extra})"
        elif style == "dian":
            day = self.date - dt.timedelta(days=1)
            lead = f"本报{place.city}{day.month}月{day.day}日电(记者{reporter})"
        else:
            byline_line = f"本报记者 {reporter}" + (f" 本报通讯员 {self.name()}" if self.rng.random() < 0.4 else "")
        if lead:
            paragraphs[0] = lead + paragraphs[0]
        crossheads: list[tuple[int, str]] = []
        if feature and len(paragraphs) >= 4:
            for before in sorted(self.rng.sample(range(1, len(paragraphs)), k=min(3, len(paragraphs) // 2))):
                crossheads.append((before, self.rng.choice(CROSSHEADS)))
        tip = (f"{self.fill(self.rng.choice(topics[0].results), org)}……{org}{self.rng.choice(topics[0].actions)},"
               f"{self.rng.choice(('为职工办实事', '推动工作落地见效', '打通服务职工“最后一公里”'))}。"
               if feature and self.rng.random() < 0.4 else None)

        blocks: list[str] = []
        if kicker:
            blocks.append(kicker)
        blocks.append(title)
        if subtitle:
            blocks.append(subtitle)
        if column:
            blocks.append(column)  # banners are often printed after the title on these pages
        if byline_line:
            blocks.append(byline_line)
        if tip:
            blocks += ["阅读提示", tip]
        heads = dict(crossheads)
        for i, paragraph in enumerate(paragraphs):
            if i in heads:
                blocks.append(heads[i])
            blocks.extend(self.split_column(paragraph))
        return SynthItem(
            kind="article", title=title, blocks=tuple(blocks), date=self.date.isoformat(), page=page,
            kicker=kicker, subtitle=subtitle, column=column, byline=lead or byline_line,
            paragraphs=tuple(paragraphs), crossheads=tuple(crossheads), reading_tip=tip,
            regions=place.names, topics=tuple(t.label for t in topics))

    def photo(self, page: int) -> SynthItem:
        place = self.rng.choice(_PLACES)
        topic = self.rng.choice(TOPICS)
        # photo headlines are short and unpunctuated in the seeds; a comma would read as a caption
        title = self.unique_title(self.rng.choice([t for t in topic.titles if " " not in t]))
        caption = [f"{self.event_day()},在{place.full}{self.company_for(place)},{self.rng.choice(PHOTO_SCENES)}。"]
        if self.rng.random() < 0.6:
            caption.append(f"近年来,{short_name(place.local)}{self.rng.choice(topic.actions)},"
                           f"{self.fill(self.rng.choice(topic.results), '')}。")
        credit = self.rng.choice((f"新华社记者 {self.name()} 摄", f"本报通讯员 {self.name()} 摄",
                                  f"通讯员{self.name()} 摄", f"本报记者 {self.name()} 摄"))
        blocks = [title, *caption[:-1]]
        # both placements occur in the seeds: the credit on the next line, or after a space at the end
        blocks.append(f"{caption[-1]}\n{credit}" if self.rng.random() < 0.5 else f"{caption[-1]} {credit}")
        return SynthItem(kind="photo", title=title, blocks=tuple(blocks), date=self.date.isoformat(), page=page,
                         byline=credit, paragraphs=tuple(caption), credit=credit, regions=place.names,
                         topics=(topic.label,))

    def commentary(self, page: int) -> SynthItem:
        topic = self.rng.choice(TOPICS)
        place = self.rng.choice(_PLACES)
        phrase = self.rng.choice(topic.titles).replace(" ", ",")
        title = self.unique_title(phrase + self.rng.choice(("值得点赞", "贵在坚持", "多多益善")))
        author = self.name()
        org = self.org_for(place)
        paragraphs = [f"{org}{self.rng.choice(topic.actions)},这一做法值得关注({self.event_day()}《工人日报》)。",
                      *(self.paragraph((topic,), place, org, self.num(3, 4)) for _ in range(self.num(3, 4)))]
        blocks = ["工运走笔", title, f"■{author}", *paragraphs]
        return SynthItem(kind="commentary", title=title, blocks=tuple(blocks), date=self.date.isoformat(),
                         page=page, column="工运走笔", byline=f"■{author}", paragraphs=tuple(paragraphs),
                         regions=(), topics=(topic.label,))


def _jump(lead: SynthItem, page: int) -> tuple[SynthItem, SynthItem]:
    """Split a page-1 story: its head keeps a "(下转第3版)" line; its tail, untitled as in the seeds,
    opens with "(上接第1版)"."""
    keep = max(2, len(lead.paragraphs) // 2)
    head_paras, tail_paras = lead.paragraphs[:keep], lead.paragraphs[keep:]
    marker_to, marker_from = f"(下转第{page}版)", f"(上接第{JUMP_FROM}版)"
    head_blocks: list[str] = []
    for block in lead.blocks:
        if block == tail_paras[0] or tail_paras[0].startswith(block):
            break
        head_blocks.append(block)
    if head_blocks and head_blocks[-1] == dict(lead.crossheads).get(keep):
        head_blocks.pop()  # that crosshead belongs to the tail
    head = replace(lead, blocks=(*head_blocks, marker_to), paragraphs=head_paras,
                   crossheads=tuple(c for c in lead.crossheads if c[0] < keep), continued_to=page)
    tail_paras = (marker_from + tail_paras[0], *tail_paras[1:])
    tail = SynthItem(kind="article", title=None, blocks=tail_paras, date=lead.date, page=page,
                     paragraphs=tail_paras, regions=lead.regions, topics=lead.topics, continued_from=JUMP_FROM)
    return head, tail


def generate_day(seed: int, date: dt.date, max_items: int, pages: int = PAGES_PER_DAY) -> list[SynthPage]:
    """The pages of one issue, at most ``max_items`` items; the same (seed, date, max_items) gives the same pages."""
    writer = _Writer(random.Random(f"archive-gen-bench:{seed}:{date.isoformat()}"), date)
    counts = [writer.num(*ITEMS_PER_PAGE) for _ in range(pages)]
    plan: list[list[SynthItem]] = []
    left = max_items
    for number, count in enumerate(counts, start=1):
        if left <= 0:
            break
        items: list[SynthItem] = []
        for slot in range(min(count, left)):
            roll = writer.rng.random()
            if slot > 0 and roll < 0.15:
                items.append(writer.photo(number))
            elif slot > 1 and roll < 0.22 and number > 1:
                items.append(writer.commentary(number))
            else:
                items.append(writer.article(number))
        left -= len(items)
        plan.append(items)
    if len(plan) >= JUMP_TO and plan[JUMP_FROM - 1][-1].kind == "article" and len(plan[JUMP_TO - 1]) >= 2:
        # replace the last item of page 3 by the continuation, so item counts stay as planned
        head, tail = _jump(plan[JUMP_FROM - 1][-1], JUMP_TO)
        plan[JUMP_FROM - 1][-1] = head
        plan[JUMP_TO - 1][-1] = tail
    return [SynthPage(date.isoformat(), number, tuple(items)) for number, items in enumerate(plan, start=1)]


def issue_dates(articles: int, seed: int, per_day: int | None = None) -> list[dt.date]:
    """Enough issue days for ``articles`` items: spread over about ten years (sorted, no duplicates), or
    with ``per_day`` one issue every day from DAILY_FIRST_DAY, as a daily paper prints them."""
    if per_day:
        return [DAILY_FIRST_DAY + dt.timedelta(days=d) for d in range(math.ceil(articles / per_day))]
    per_day = PAGES_PER_DAY * ITEMS_PER_PAGE[0]
    days = math.ceil(articles / per_day) + 1
    span = max(MIN_SPAN_DAYS, days * 3)
    offsets = sorted(random.Random(f"archive-gen-bench-dates:{seed}").sample(range(span), days))
    return [FIRST_DAY + dt.timedelta(days=o) for o in offsets]


def pages_per_day(per_day: int | None) -> int:
    """Pages of one issue: ten, or as many ~8-item pages as ``per_day`` items need."""
    return max(1, round(per_day * 2 / sum(ITEMS_PER_PAGE))) if per_day else PAGES_PER_DAY  # ~8 items a page


def generate_corpus(articles: int, seed: int, per_day: int | None = None) -> list[SynthPage]:
    """Exactly ``articles`` items on ~8-item pages: ~10 pages a day on days spread over ten years, or
    with ``per_day`` at most that many items every day (the realistic daily paper)."""
    pages: list[SynthPage] = []
    left = articles
    for date in issue_dates(articles, seed, per_day):
        if left <= 0:
            break
        day = generate_day(seed, date, min(left, per_day or left), pages_per_day(per_day))
        left -= sum(len(p.items) for p in day)
        pages.extend(day)
    return pages


def next_issue(pages: list[SynthPage]) -> dt.date:
    """The day after the newest issue: where a "one new day" rebuild adds its pages."""
    return dt.date.fromisoformat(max(p.date for p in pages)) + dt.timedelta(days=1)


def extra_day(pages: list[SynthPage], seed: int, per_day: int | None = None) -> list[SynthPage]:
    """The issue after the corpus's newest one (the daily-rebuild timing adds it)."""
    count = pages_per_day(per_day)
    return generate_day(seed, next_issue(pages), per_day or count * ITEMS_PER_PAGE[1], count)


def write_raw(pages: list[SynthPage], out: Path, nested: bool = False) -> int:
    """Write page files as UTF-8; returns the number of files written."""
    for page in pages:
        path = out / page.relpath(nested)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.text, encoding="utf-8")
    return len(pages)


def _markdown(item: SynthItem) -> str:
    # Hugo needs a title for the untitled continuation: name it after its opening words
    title = item.title or f"(续){item.paragraphs[0].removeprefix(f'(上接第{item.continued_from}版)')[:20]}"
    front = {"title": title, "date": item.date, "kind": item.kind, "page": item.page,
             "kicker": item.kicker, "subtitle": item.subtitle, "column": item.column, "byline": item.byline,
             "regions": list(item.regions), "topics": list(item.topics)}
    # JSON scalars are valid YAML, and json.dumps quotes every Chinese string safely
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items() if v is not None), "---", ""]
    if item.reading_tip:
        lines += [f"> 阅读提示:{item.reading_tip}", ""]
    heads = dict(item.crossheads)
    for i, paragraph in enumerate(item.paragraphs):
        if i in heads:
            lines += [f"## {heads[i]}", ""]
        lines += [paragraph, ""]
    if item.credit:
        lines += [f"*{item.credit}*", ""]
    return "\n".join(lines)


def write_markdown(pages: list[SynthPage], content: Path) -> int:
    """Write every item as content/articles/YYYY/MM/DD/PP-II.md for the Hugo peer; returns the file count."""
    count = 0
    for page in pages:
        year, month, day = page.date.split("-")
        folder = content / "articles" / year / month / day
        folder.mkdir(parents=True, exist_ok=True)
        for index, item in enumerate(page.items):
            (folder / f"{page.page:02d}-{index:02d}.md").write_text(_markdown(item), encoding="utf-8")
            count += 1
    return count


def iter_items(pages: list[SynthPage]) -> Iterator[SynthItem]:
    for page in pages:
        yield from page.items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="number of items (articles, photos, commentary)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder for the raw page files")
    parser.add_argument("--markdown", type=Path, help="Hugo content folder for the same items as Markdown")
    parser.add_argument("--nested", action="store_true", help="write raw pages under YYYY/MM/ folders")
    parser.add_argument("--per-day", type=int, default=None,
                        help="items per day, one issue every day (the realistic corpus: --per-day 80); "
                             "default: ~80-item issues spread over about ten years")
    parser.add_argument("--extra-day", action="store_true",
                        help="write only the one issue that follows the corpus (for the daily-rebuild timing)")
    args = parser.parse_args(argv)
    if args.articles < 1 or (args.per_day is not None and args.per_day < 1):
        parser.error("--articles and --per-day must be at least 1")
    pages = generate_corpus(args.articles, args.seed, args.per_day)
    if args.extra_day:
        pages = extra_day(pages, args.seed, args.per_day)
    files = write_raw(pages, args.out, args.nested)
    items = sum(len(p.items) for p in pages)
    chars = [i.body_chars for i in iter_items(pages) if i.kind == "article" and not i.continued_from and not i.continued_to]
    print(f"{files} page files, {items} items, {len({p.date for p in pages})} days "
          f"({pages[0].date} .. {pages[-1].date}); mean article body {sum(chars) / max(1, len(chars)):.0f} chars",
          file=sys.stderr)
    if args.markdown:
        write_markdown(pages, args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
