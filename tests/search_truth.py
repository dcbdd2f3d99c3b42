"""Ground truth for search: which items contain a query, by plain substring over the records.

Written apart from archive_gen.search on purpose (its own field list, normaliser and phrase split), so a
test comparing the two checks the index, not the index against itself. Also builds the generated corpus
(bench/generate.py, parsed without tagging) that the 10k tests search.
"""

from __future__ import annotations

import dataclasses
import importlib
import multiprocessing
import os
import sys
from pathlib import Path

from archive_gen import urls
from archive_gen.loader.stitch import stitch_continuations
from archive_gen.model import Item, Page
from archive_gen.records import load_pages

BENCH = Path(__file__).resolve().parents[1] / "bench"

# one- and two-character queries, words inside longer words (工会 in 总工会), places, people, numbers,
# Latin in either width and case, punctuation, several phrases, and queries that match nothing
SEED_QUERIES = (
    "工", "天", "蹲", "点", "会",
    "天津", "工会", "蹲点", "职工", "劳动", "福建", "福州", "山西", "长沙", "外卖", "骑手",
    "总工会", "女职工", "农民工", "劳动者", "职代会", "海西州", "来宾市", "合山市", "尤溪",
    "货车司机", "新就业形态", "全国总工会", "中华全国总工会", "心理咨询", "工会工作", "园区枫桥", "“园区枫桥”",
    "庞慧敏", "郑世飞", "朱欣",
    "2023", "14", "109", "1.3亿", "APP", "app", "ＡＰＰ", "Ａpp", "5G", "5g",
    "工会 福建", "职工 天津", "总工会 蹲点", "货车司机 青海", "APP 骑士", "工会　福建",
    "火星", "xyz", "工会 火星", "尤溪县总工会",
)
# the generated corpus: its vocabulary (bench/vocab.py) has places, unions, companies, people and numbers
CORPUS_QUERIES = (
    "工", "会", "镇", "赣", "〇",
    "工会", "职工", "女职", "农民", "劳模", "山东", "烟台", "龙口", "王伟", "李娜", "2020", "461",
    "总工会", "女职工", "农民工", "教科文卫体", "龙口市教科文卫体工会", "东西协作", "劳务对接", "特色种植",
    "山东省烟台市", "新就业形态劳动者", "工会 山东", "职工 2019", "农民工 工资 欠薪",
    "火星", "5G", "APP", "工会 火星", "女职工 烟台", "鄂", "陈静", "临沂", "1.5",
)
# what the browser types on the same index: listing every result of a large answer loads most of the text
# chunks (a few seconds each), so a few large answers and many small ones; the Python test checks them all
BROWSER_CORPUS_QUERIES = (
    "工会", "总工会", "女职工", "帮扶", "山西",
    "赣", "鄂", "皖", "〇", "烟台", "龙口", "龙口市", "临沂", "曲阜", "太原", "王伟", "李娜", "张强", "陈静",
    "2020", "2016", "461", "100", "1.5", "龙口市教科文卫体工会", "山东省烟台市", "职工 2019", "女职工 烟台",
    "工会 火星", "火星", "5G", "APP",
)


def plain(text: str) -> str:
    """Full-width ASCII as ASCII, Latin in lower case: how a reader expects 5G, ５Ｇ and 5g to match."""
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text).lower()


def searchable(item: Item) -> list[str]:
    """What search promises to look in: kicker, title, subtitle, lead, body (paragraphs, crossheads,
    阅读提示) and captions (with their credits); each a field of its own, so no match spans two."""
    fields = [item.kicker, item.title, item.subtitle, item.lead, *item.paragraphs,
              *(h.text for h in item.crossheads), item.reading_tip, item.credit,
              *(c.text for c in item.captions), *(c.credit for c in item.captions)]
    return [plain(f) for f in fields if f]


class Truth:
    """Answers by brute force over every item's fields (kept joined by a line break, which no phrase holds)."""

    def __init__(self, items: list[Item]) -> None:
        self.texts = [("\n".join(searchable(item)), item.url or "") for item in items]

    def expected(self, query: str) -> set[str]:
        """URLs of the items holding every space-separated phrase of ``query``."""
        wanted = plain(query).split()
        if not wanted:
            return set()
        return {url for text, url in self.texts if all(p in text for p in wanted)}


def _load_part(folder: Path) -> list[Page]:
    return load_pages([folder])


def corpus_items(folder: Path, articles: int, seed: int = 1) -> list[Item]:
    """The generated corpus written to ``folder`` and parsed (not tagged), urls filled as the site does."""
    sys.path.insert(0, str(BENCH))
    try:
        generate = importlib.import_module("generate")
    finally:
        sys.path.remove(str(BENCH))
    pages = sorted(generate.generate_corpus(articles, seed), key=lambda page: page.relpath(False))
    # the pages in contiguous parts, parsed side by side (one core parsed 10k items in ~25 s) in spawned processes
    # (the browser tests call this with Playwright's threads running: no fork); each part is a
    # root of its own, so every source keeps its name, and the parts in order are the folder in order
    parts = [folder / f"part{n}" for n in range(max(1, min(4, os.cpu_count() or 1)))]
    size = -(-len(pages) // len(parts))
    for n, part in enumerate(parts):
        generate.write_raw(pages[n * size:(n + 1) * size], part)
    with multiprocessing.get_context("spawn").Pool(len(parts)) as pool:
        parsed = [page for part in pool.map(_load_part, parts) for page in part]
    pages = stitch_continuations(parsed)
    return [dataclasses.replace(item, url=urls.article_path(item.id, item.date))
            for page in pages for item in page.items]
