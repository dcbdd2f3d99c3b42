"""Keyword quality check (issue 18: "keywords must be informative and distinct"): tag the seeds and the held-out
tagging sets, list every extracted keyword, and count the ones a reader would call generic or a duplicate of a
region chip of the same item.

usage: PYTHONPATH=src python3 tests/keyword_quality.py [--list] [--json]

Generic is judged by a reviewer's list (``JUDGED_GENERIC`` below), written by reading the keyword listing of every
set: words that fit any report (counts, plans, results, scopes, generic actors and steps, administrative ranks,
the union's own words). It is deliberately wider than the tagger's closed list (tagging/data/stopwords-generic.txt)
so that the check also shows what the mechanism leaves. A duplicate is a keyword equal to a name form of one of the
item's region chips or mentioned places (or a division above them) or to such a name without its level word
(浦东 beside 浦东新区), or a keyword contained in one (兰州 beside 兰州市). ``--list`` prints every item's keywords
with the flags; the last line gives the counts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from archive_gen.config import load_config
from archive_gen.loader.stitch import stitch_continuations
from archive_gen.model import Item
from archive_gen.records import load_pages
from archive_gen.tagging import Tagger

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SETS = [ROOT / "seeds", TESTS / "heldout_tagging" / "pages",
        *sorted(TESTS.glob("heldout_tagging[0-9]*/pages"), key=lambda p: int(p.parent.name[15:]))]

# a reviewer's judgement, not the tagger's data: words that say nothing about what one item is about
_JUDGED_LINES = (
    "人数 人均 数量 总数 比例 金额 次数 面积 费用 方案 办法 措施 计划 部署 意见 目标 程序 制度 政策 要求 安排 通知 成果 结果",
    "突破 进展 成绩 效果 总结 评价 两地 全部 部分 个人 地方 领域 基础 时间 自治区 辖区 当地 本地 全区 县内 市内 区内 省内",
    "公司 集团 人员 领导 机关 小组 启动 行动 调整 联系 来自 达到 产生 吸引 合理 项目 市级 省级 区级 县级 企业 工作 单位 部门",
    "专责 活动 开展 服务 职工 工会 行业 情况 问题 方面 作用 形式 内容 平台 专项 免费 上门 获得者 未找到 服务台",
)
JUDGED_GENERIC = frozenset(word for line in _JUDGED_LINES for word in line.split())
_LEVEL = re.compile(r"(.{2,}?)(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|特区|省|市|县|区|盟|旗)")


def _chip_names(tagger: Tagger, item: Item) -> set[str]:
    names: set[str] = set()
    for tag in (*item.regions, *item.mentioned_places):
        for code in (tag.region.code, *(code for code, _ in tag.region.ancestor_slugs)):
            for name in tagger.gazetteer.names_of(code):
                names.add(name)
                m = _LEVEL.fullmatch(name)
                if m:
                    names.add(m.group(1))
    return names


def check(show: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        tagger = Tagger(load_config(root=Path(tmp)))
        items = keywords = 0
        generic: Counter[str] = Counter()
        duplicate: Counter[str] = Counter()
        for folder in SETS:
            pages = stitch_continuations([tagger.tag_page(page) for page in load_pages([folder])])
            for page in pages:
                for item in page.items:
                    if item.kind == "fragment":
                        continue
                    items += 1
                    chips = _chip_names(tagger, item)
                    flags = []
                    for kw in item.keywords:
                        keywords += 1
                        if kw.word in JUDGED_GENERIC:
                            generic[kw.word] += 1
                            flags.append(f"{kw.word}[generic]")
                        elif kw.word in chips or any(kw.word in name for name in chips if len(kw.word) >= 2):
                            duplicate[kw.word] += 1
                            flags.append(f"{kw.word}[region]")
                        else:
                            flags.append(kw.word)
                    if show:
                        print(f"{folder.relative_to(ROOT)}/{Path(page.source).stem}#{item.index} {item.title}: "
                              + " ".join(flags))
    return {"items": items, "keywords": keywords, "generic": sum(generic.values()),
            "duplicate": sum(duplicate.values()), "generic_words": dict(generic.most_common()),
            "duplicate_words": dict(duplicate.most_common())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every item's keywords with flags")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = check(show=args.list)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(f"items={result['items']} keywords={result['keywords']} generic={result['generic']} "
              f"duplicate={result['duplicate']}")
        print("generic:", result["generic_words"])
        print("duplicate:", result["duplicate_words"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
