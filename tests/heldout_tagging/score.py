"""Score the tagger on held-out pages: province, prefecture and topic F1, and a per-topic confusion table.

usage: python3 tests/heldout_tagging/score.py [PAGES_DIR LABELS_DIR] [--batch N] [--json] [-v]

Defaults to this folder's pages/ and keys/. ``--batch N`` scores only the label files that say ``batch: N``
(batch 2: the pages written for the region classes of issue 18; batch 3: the first-run pages of places and
situations not in batches 1-2; files without the field are batch 1). Labels are YAML files named after the pages, either answer
keys in the tests/gold format (``articles: [{index, title, regions, topics, kind}]``) or tag files
(``items: [{index, title, regions, topics}]``, as tests/heldout/tags/). The pages are loaded, tagged,
and stitched (continued halves joined) as `archive-gen build` does; each labelled item is matched to a
record by normalised title, else by index. Fragments and stitched tails are not scored (their owner is).
Scores use the rules of tests/gold/score_keys.py: a prefecture pair counts only under a right province;
municipalities and directly administered counties have no prefecture.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from archive_gen.config import load_config
from archive_gen.loader.stitch import stitch_continuations
from archive_gen.model import Item
from archive_gen.records import load_pages
from archive_gen.tagging import Tagger

# libyaml's safe loader when PyYAML has it (the same data, several times faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

HERE = Path(__file__).resolve().parent
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'})
_NO_PREFECTURE = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def norm(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "").translate(_QUOTES))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def provinces(regions: list[dict[str, Any]]) -> set[str]:
    return {norm(r["province"]) for r in regions if r.get("province")}


def prefectures(regions: list[dict[str, Any]]) -> set[tuple[str, str]]:
    out = set()
    for r in regions:
        prov, pref = norm(r.get("province")), norm(r.get("prefecture"))
        if pref and pref != prov and pref not in _NO_PREFECTURE:
            out.add((prov, pref))
    return out


def labels(path: Path) -> list[dict[str, Any]]:
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    entries = doc.get("articles") or doc.get("items") or []
    kept: list[dict[str, Any]] = []
    seen: set[str] = set()
    for entry in entries:
        title = norm(entry.get("title"))
        # a fragment or a continued half carries its owner's title (tag files) or says so (answer keys)
        if entry.get("kind") == "fragment" or "belongs_to" in entry or (title and title in seen):
            continue
        seen.add(title)
        kept.append(entry)
    return kept


_TAGGERS: dict[Path, Tagger] = {}


def predicted(pages_dir: Path, cache: Path) -> dict[str, list[Item]]:
    """The tagged items of every page, by page stem; one Tagger a cache folder (the test suite scores every
    set in one process with one folder: loading the tagger and jieba took ~1 s a set)."""
    tagger = _TAGGERS.get(cache) or _TAGGERS.setdefault(cache, Tagger(load_config(root=cache)))
    pages = [tagger.tag_page(page) for page in load_pages([pages_dir])]
    pages = stitch_continuations(pages)
    return {Path(page.source).stem: [i for i in page.items if i.kind != "fragment"] for page in pages}


def region_dicts(item: Item) -> list[dict[str, Any]]:
    return [{"province": t.region.province, "prefecture": t.region.prefecture, "county": t.region.county}
            for t in item.regions]


def batch_of(path: Path) -> int:
    """The batch a label file belongs to (``batch: N`` at its top level; 1 when absent)."""
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    return int(doc.get("batch", 1))


def score(pages_dir: Path, labels_dir: Path, verbose: bool = False, batch: int | None = None,
          cache: Path | None = None) -> dict[str, Any]:
    """Region and topic scores of the tagger on ``pages_dir`` against ``labels_dir``; ``cache`` is the cache
    folder the tagger may keep (a temporary one when None)."""
    if cache is not None:
        records = predicted(pages_dir, cache)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            records = predicted(pages_dir, Path(tmp))
    counts = Counter()
    per_topic: dict[str, Counter] = {}
    confusion: Counter = Counter()
    misses: list[str] = []
    label_files = [p for p in sorted(labels_dir.glob("*.yaml")) if batch is None or batch_of(p) == batch]
    for path in label_files:
        items = records.get(path.stem, [])
        by_title: dict[str, list[Item]] = {}
        for item in items:
            by_title.setdefault(norm(item.title), []).append(item)
        for entry in labels(path):
            found = by_title.get(norm(entry.get("title"))) if entry.get("title") else None
            item = found.pop(0) if found else next((i for i in items if i.index == entry.get("index")), None)
            counts["items"] += 1
            if item is None:
                counts["unmatched"] += 1
                misses.append(f"{path.stem} #{entry.get('index')}: no record for {entry.get('title')!r}")
                continue
            gold_regions = entry.get("regions") or []
            pred_regions = region_dicts(item)
            gp, pp = provinces(gold_regions), provinces(pred_regions)
            counts["p_tp"] += len(gp & pp)
            counts["p_fp"] += len(pp - gp)
            counts["p_fn"] += len(gp - pp)
            gq, pq = prefectures(gold_regions), {x for x in prefectures(pred_regions) if x[0] in gp}
            counts["q_tp"] += len(gq & pq)
            counts["q_fp"] += len(pq - gq)
            counts["q_fn"] += len(gq - pq)
            gold_topics = [norm(t) for t in entry.get("topics") or []]
            pred_topics = [norm(t.label) for t in item.topics]
            gt, pt = set(gold_topics), set(pred_topics)
            counts["t_tp"] += len(gt & pt)
            counts["t_fp"] += len(pt - gt)
            counts["t_fn"] += len(gt - pt)
            for label in gt | pt:
                row = per_topic.setdefault(label, Counter())
                row["tp" if label in gt and label in pt else "fn" if label in gt else "fp"] += 1
            if gold_topics and pred_topics and gold_topics[0] != pred_topics[0]:
                confusion[(gold_topics[0], pred_topics[0])] += 1
            if verbose and (gp != pp or gq != pq or gt != pt):
                misses.append(f"{path.stem} #{entry.get('index')} {entry.get('title')}: "
                              f"regions {sorted(gp | {p for _, p in gq})} -> {sorted(pp | {p for _, p in pq})}; "
                              f"topics {gold_topics} -> {pred_topics}")
    result: dict[str, Any] = {"items": counts["items"], "unmatched": counts["unmatched"]}
    for name, key in (("province", "p"), ("prefecture", "q"), ("topic", "t")):
        p, r, f = prf(counts[f"{key}_tp"], counts[f"{key}_fp"], counts[f"{key}_fn"])
        result.update({f"{name}_f1": round(f, 3), f"{name}_precision": round(p, 3), f"{name}_recall": round(r, 3)})
    result["per_topic"] = {label: dict(row) for label, row in sorted(per_topic.items())}
    result["confusion"] = {f"{a} -> {b}": n for (a, b), n in confusion.most_common()}
    result["misses"] = misses
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", type=Path, default=HERE / "pages")
    parser.add_argument("labels", nargs="?", type=Path, default=HERE / "keys")
    parser.add_argument("--batch", type=int, help="score only the label files of this batch")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    result = score(args.pages, args.labels, args.verbose, args.batch)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "misses"}, ensure_ascii=False))
        return
    print(" ".join(f"{k}={result[k]}" for k in ("items", "unmatched", "province_f1", "prefecture_f1", "topic_f1")))
    print(" ".join(f"{name} P/R={result[name + '_precision']}/{result[name + '_recall']}"
                   for name in ("province", "prefecture", "topic")))
    print(f"\n{'topic':14} {'tp':>3} {'fp':>3} {'fn':>3}  {'P':>5} {'R':>5} {'F1':>5}")
    for label, row in result["per_topic"].items():
        p, r, f = prf(row.get("tp", 0), row.get("fp", 0), row.get("fn", 0))
        print(f"{label:14} {row.get('tp', 0):3} {row.get('fp', 0):3} {row.get('fn', 0):3}  {p:5.2f} {r:5.2f} {f:5.2f}")
    if result["confusion"]:
        print("\nprimary topic confused (gold -> tagged):")
        for pair, n in result["confusion"].items():
            print(f"  {n} × {pair}")
    for line in result["misses"]:
        print(line)


if __name__ == "__main__":
    main()
