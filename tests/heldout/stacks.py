#!/usr/bin/env python3
"""Collect every two-line headline stack printed with no —— from the keys of every set, with the parser's reading.

usage: PYTHONPATH=…/src python tests/heldout/stacks.py [--markdown] [--set NAME]

A two-line stack is an item whose key names exactly two headline lines besides its banners (kicker + title, title +
subtitle, or one title over two lines), neither marked by —— (nor 一一, nor a bracket-only note). For each the keyed
reading, the parser's reading (from ``archive-gen export``, as ``score.py`` runs it) and a few features of the two
lines are printed, so a cue telling a kicker + title from a title + subtitle can be checked against all of them at once.
Issue 14's notes in ``two-line-stacks.md`` were made with it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402  (the set table and the export runner)

DASH = ("——", "—", "--", "－－", "一一")
QUOTES = "“”‘’「」『』\""
NOTE = re.compile(r"[（(【〈].*[）)】〉]")


def norm(text: str | None) -> str:
    return score.norm(text)


def dashed(upper: str, lower: str) -> bool:
    return upper.rstrip().endswith(DASH) or lower.lstrip().startswith(DASH)


def stacks_of(key: dict[str, Any]) -> list[tuple[dict[str, Any], str, str, str]]:
    """(item, keyed reading KT/TS/T2, upper line, lower line) for the key's two-line stacks with no ——."""
    out = []
    for item in key["articles"]:
        if item.get("kind") == "fragment" or item.get("belongs_to_page"):
            continue
        head = item.get("head") or {}
        kicker, title, subtitle = item.get("kicker"), item.get("title"), item.get("subtitle")
        title_ref = head.get("title")
        # a ——subtitle (or a bracket-only note) under the two lines is marked: it leaves them as ambiguous as before
        marked_sub = bool(subtitle) and (subtitle.lstrip().startswith(DASH) or bool(NOTE.fullmatch(subtitle.strip())))
        tail = "+S" if marked_sub else ""
        if isinstance(title_ref, list) and len(title_ref) == 2 and not kicker and (not subtitle or marked_sub):
            lines = score_lines(key, title_ref)
            if lines:
                out.append((item, "T2" + tail, lines[0], lines[1]))
            continue
        if isinstance(title_ref, list):
            continue
        if kicker and title and (not subtitle or marked_sub):
            upper, lower, reading = kicker, title, "KT" + tail
        elif title and subtitle and not kicker:
            upper, lower, reading = title, subtitle, "TS"
        elif kicker and title and subtitle:
            upper, lower, reading = kicker, title, "KTS"  # three unmarked lines: the top two as the pair
        else:
            continue
        if dashed(upper, lower) or NOTE.fullmatch(lower.strip()):
            continue
        out.append((item, reading, upper, lower))
    return out


_PAGE_LINES: dict[str, list[str]] = {}


def score_lines(key: dict[str, Any], refs: list[Any]) -> list[str] | None:
    pages = key.get("_pages")
    if pages is None or not all(isinstance(r, int) for r in refs):
        return None
    import keytool  # the key's own reader of a page's lines

    keytool.PAGES = pages
    lines = keytool.page_lines(key["file"])
    return [keytool.line_text(lines, r) for r in refs]


def parsed(records: list[dict[str, Any]], stem: str, upper: str, lower: str) -> tuple[str, dict[str, Any] | None]:
    """The parser's reading of the stack: KT, TS, T2, or what it made of it."""
    u, w = norm(upper), norm(lower)
    for rec in records:
        if Path(rec["source"]).stem != stem:
            continue
        k, t, s = norm(rec.get("kicker")), norm(rec.get("title")), norm(rec.get("subtitle"))
        parts = {k, t, s} - {""}
        if not ({u, w, u + w} & parts):
            continue
        if t == u + w:
            return "T2", rec
        if k == u and t == w:
            return "KT", rec
        if t == u and s == w:
            return "TS", rec
        if t == u and not s:
            return "T+?", rec
        return f"other(k={rec.get('kicker')!r} t={rec.get('title')!r} s={rec.get('subtitle')!r})", rec
    return "none", None


_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:省|市|区|县|镇|乡|村|州|旗)")
_NUM = re.compile(r"[0-9０-９百千万亿一二三四五六七八九十两]+[余多]?[个名家件项条次人万元年天岁%％]")


def features(upper: str, lower: str) -> dict[str, Any]:
    u, w = upper.strip(" \u3000\t"), lower.strip(" \u3000\t")
    lu, lw = len(re.sub(r"\s", "", u)), len(re.sub(r"\s", "", w))
    return {
        "lu": lu, "lw": lw, "ratio": round(lw / max(lu, 1), 2),
        "longer": "upper" if lu > lw else "lower" if lw > lu else "same",
        "q": ("U" if any(c in u for c in QUOTES) else "") + ("L" if any(c in w for c in QUOTES) else ""),
        "num": ("U" if _NUM.search(u) else "") + ("L" if _NUM.search(w) else ""),
        "place": ("U" if _PLACE.match(u) else "") + ("L" if _PLACE.match(w) else ""),
        "le": ("U" if u.endswith("了") or "了" in u else "") + ("L" if "了" in w else ""),
        "gap": ("U" if re.search(r"[ \u3000]", u) else "") + ("L" if re.search(r"[ \u3000]", w) else ""),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default="all")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    names = [n for n in score.SETS if args.set in ("all", n)]
    exported = score.export_all(score.export_request(n, False) for n in names)
    rows = []
    for name in names:
        pages, keys_dir, _tags = score.SETS[name]
        keys = score.load_keys(keys_dir, None)
        records = exported[score.export_request(name, False)]
        for stem, key in keys.items():
            key["_pages"] = pages
            for item, reading, upper, lower in stacks_of(key):
                alts = [a for a in item.get("title_alts") or []]
                got, rec = parsed(records, stem, upper, lower)
                alt_ok = any(norm(a.get("title")) == norm(rec.get("title") if rec else "") for a in alts)
                rows.append((name, stem, item["index"], reading, got, alt_ok, upper, lower,
                             bool(item.get("byline_lines")), bool(item.get("lead")), features(upper, lower)))
    order = ("KT", "TS", "T2", "KT+S", "KTS", "T2+S")
    rows.sort(key=lambda row: order.index(row[3]))  # grouped by the keyed reading, in set order within each
    if args.markdown:
        print("| set | page#item | key | parser | upper | lower | len U/L | quotes | num | place | 了 | under |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, stem, index, reading, got, alt_ok, upper, lower, bylined, lead, f in rows:
        expected = "KT" if reading == "KTS" else reading.removesuffix("+S")
        mark = "" if got == expected else (" (alt)" if alt_ok else " ✗")
        under = "byline" if bylined else "lead" if lead else ""
        if args.markdown:
            print(f"| {name} | {stem}#{index} | {reading} | {got[:60]}{mark} | {upper} | {lower} | {f['lu']}/{f['lw']} "
                  f"| {f['q']} | {f['num']} | {f['place']} | {f['le']} | {under} |")
        else:
            print(name, stem, index, reading, got[:80] + mark, upper, "/", lower, f, under, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
