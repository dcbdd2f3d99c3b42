#!/usr/bin/env python3
"""Score the loader on whitespace-only and character-width variations of pages it already reads (issue 14: brittleness).

usage: python tests/heldout/perturb.py [--set NAME|all] [--variant NAME ...] [--json] [--markdown]

Each variant copies a set's pages to a temporary folder with ONE whitespace or width change that leaves every
string the keys compare unchanged after the scorer's normalisation (NFKC, all whitespace dropped), runs the
same export and scores it with the same keys (tests/heldout/score.py's functions: the gold scorer plus its
extra checks). Where a variant moves lines (doubled or dropped blank lines) the keys' line numbers
(``lines``/``source_lines``, which score.py uses to find records) are moved with them. A page a variant
cannot change without changing what the keys mean is copied unchanged and listed as skipped.

Variants:
  crlf       CRLF line ends
  ideo2sp    every two-U+3000 paragraph indent printed as four ASCII spaces
  sp2ideo    every four-ASCII-space paragraph indent printed as two U+3000
  trailing   spaces and a U+3000 after every line (blank lines too)
  blank2     every run of blank lines doubled
  bom        a UTF-8 byte order mark (UTF-8 pages without one)
  halfwidth  full-width forms (U+FF01-FF5E: （）：，！？ digits, letters) printed as their ASCII characters, as many
             e-paper and OCR exports print them (本报讯(记者…), 第3版); the scorer's NFKC makes both the same
  fullwidth  printable ASCII in the text (not indents) printed as its full-width form (（记者…）, ２０２４年), as GBK-era
             pages print digits and brackets
  noblank    blank lines dropped between two paragraphs of the same item where the second is indented (人民日报-style
             continuous text); kept next to a headline, byline, crosshead or tip line, at an item's first line, and
             next to page furniture
"""

from __future__ import annotations

import argparse
import codecs
import copy
import importlib.util
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive_gen.loader.columns import column_view

HERE = Path(__file__).resolve().parent


def _load_score() -> Any:
    spec = importlib.util.spec_from_file_location("heldout_score", HERE / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _load_score()

METRICS = ("title_f1", "body_bounds", "paragraphs", "byline", "kicker", "subtitle")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_INDENT = re.compile(r"^[ \t\u3000]")


@dataclass
class Page:
    """A page as text lines, with what is needed to write it back as it was printed."""

    lines: list[str]
    eol: str
    codec: str
    bom: bytes


@dataclass
class Outcome:
    """A variant's page: its new lines, where each old line went (1-based), or why it was left alone."""

    page: Page
    moved: dict[int, int] = field(default_factory=dict)
    skipped: str = ""


def read_page(path: Path) -> Page:
    data = path.read_bytes()
    bom, codec = b"", ""
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, codec, data = mark, name, data[len(mark):]
            break
    if not codec:
        try:
            data.decode("utf-8")
            codec = "utf-8"
        except UnicodeDecodeError:
            codec = "gb18030"
    text = data.decode(codec)
    eol = "\r\n" if "\r\n" in text else "\n"
    return Page(text.replace("\r\n", "\n").split("\n"), eol, codec, bom)


def write_page(page: Page, path: Path) -> None:
    path.write_bytes(page.bom + page.eol.join(page.lines).encode(page.codec))


def _same(page: Page, **changes: Any) -> Page:
    return Page(**{**page.__dict__, **changes})


def crlf(page: Page, key: dict | None) -> Outcome:
    if page.eol == "\r\n":
        return Outcome(page, skipped="already CRLF")
    return Outcome(_same(page, eol="\r\n"))


def _reindent(page: Page, old: str, new: str) -> Outcome:
    pattern = re.compile(rf"^{old}(?=[^ \t\u3000])")
    lines = [pattern.sub(new, line) for line in page.lines]
    if lines == page.lines:
        return Outcome(page, skipped="no such indent")
    return Outcome(_same(page, lines=lines))


def ideo2sp(page: Page, key: dict | None) -> Outcome:
    return _reindent(page, "\u3000\u3000", "    ")


def sp2ideo(page: Page, key: dict | None) -> Outcome:
    return _reindent(page, "    ", "\u3000\u3000")


def trailing(page: Page, key: dict | None) -> Outcome:
    lines = list(page.lines)
    last = len(lines) - 1 if lines and lines[-1] == "" else len(lines)  # not after the final line end
    return Outcome(_same(page, lines=[line + "  \u3000" if k < last else line for k, line in enumerate(lines)]))


def _rebuild(page: Page, keep: Callable[[int, str], int]) -> Outcome:
    """Lines written ``keep(k, line)`` times each (0, 1 or 2); ``moved`` maps each kept line's old number."""
    out: list[str] = []
    moved: dict[int, int] = {}
    for k, line in enumerate(page.lines):
        times = keep(k, line)
        if times:
            moved[k + 1] = len(out) + 1
        out.extend([line] * times)
    if out == page.lines:
        return Outcome(page, skipped="no blank line to change")
    return Outcome(_same(page, lines=out), moved)


def blank2(page: Page, key: dict | None) -> Outcome:
    last = len(page.lines) - 1
    return _rebuild(page, lambda k, line: 2 if not line.strip() and k < last else 1)


def bom(page: Page, key: dict | None) -> Outcome:
    if page.bom:
        return Outcome(page, skipped="has a BOM")
    if page.codec != "utf-8":
        return Outcome(page, skipped=f"{page.codec}, not UTF-8")
    return Outcome(_same(page, bom=codecs.BOM_UTF8))


def _width(page: Page, table: dict[int, str]) -> Outcome:
    if column_view("\n".join(page.lines)) is not None:
        # side-by-side columns are placed by display width: a narrower or wider character moves every column after
        # it, which no layout program that printed the other width would do
        return Outcome(page, skipped="printed in side-by-side columns")
    lines = [line.translate(table) for line in page.lines]
    if lines == page.lines:
        return Outcome(page, skipped="nothing to change")
    return Outcome(_same(page, lines=lines))


_TO_HALF = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_TO_FULL = {code: chr(code + 0xFEE0) for code in range(0x21, 0x7F)}


def halfwidth(page: Page, key: dict | None) -> Outcome:
    return _width(page, _TO_HALF)


def fullwidth(page: Page, key: dict | None) -> Outcome:
    return _width(page, _TO_FULL)


def _spans(item: dict, name: str) -> set[int]:
    out: set[int] = set()
    for span in item.get(name) or []:
        lo, hi = (span, span) if not isinstance(span, list) else span
        lo, hi = _line_no(lo), _line_no(hi)
        if lo and hi:
            out.update(range(lo, hi + 1))
    return out


def _line_no(value: Any) -> int:
    if isinstance(value, int):
        return value
    match = re.match(r"^(\d+)(/\d+)?$", str(value))
    return int(match.group(1)) if match else 0


def _heads(item: dict) -> set[int]:
    """Lines that are not a body paragraph's text: headline parts, bylines, crossheads, tips, the item's start."""
    out: set[int] = set()
    for value in (item.get("head") or {}).values():
        for part in value if isinstance(value, list) else [value]:
            out.add(_line_no(part))
    for name in ("byline_lines", "crosshead_lines", "tip_lines", "caption_lines", "credit_lines"):
        for value in item.get(name) or []:
            for part in value if isinstance(value, list) else [value]:
                out.add(_line_no(part))
    lines = _spans(item, "lines") or _spans(item, "source_lines")
    if lines:
        out.add(min(lines))
    return out


def noblank(page: Page, key: dict | None) -> Outcome:
    if key is None:
        return Outcome(page, skipped="no key")
    owner: dict[int, int] = {}
    heads: set[int] = set()
    for item in key["articles"]:
        for line in _spans(item, "lines") or _spans(item, "source_lines"):
            owner.setdefault(line, item["index"])
        heads |= _heads(item)
    text = page.lines

    def keep(k: int, line: str) -> int:
        if line.strip():
            return 1
        prev = next((j for j in range(k - 1, -1, -1) if text[j].strip()), None)
        nxt = next((j for j in range(k + 1, len(text)) if text[j].strip()), None)
        if prev is None or nxt is None or nxt != k + 1:
            return 1  # only a single blank line before an indented line goes
        if not _INDENT.match(text[nxt]) or (nxt + 1) in heads or (prev + 1) in heads:
            return 1
        same = owner.get(prev + 1) is not None and owner.get(prev + 1) == owner.get(nxt + 1)
        return 0 if same else 1

    return _rebuild(page, keep)


VARIANTS: dict[str, Callable[[Page, dict | None], Outcome]] = {
    "crlf": crlf, "ideo2sp": ideo2sp, "sp2ideo": sp2ideo, "trailing": trailing, "blank2": blank2, "bom": bom,
    "noblank": noblank, "halfwidth": halfwidth, "fullwidth": fullwidth}


def remap_key(key: dict, moved: dict[int, int]) -> dict:
    """The key with the line numbers score.py reads moved to where the variant put those lines."""
    if not moved:
        return key
    out = copy.deepcopy(key)

    def move(value: Any) -> Any:
        if isinstance(value, list):
            return [move(v) for v in value]
        if isinstance(value, int):
            return moved.get(value, value)
        match = re.match(r"^(\d+)(/\d+)$", str(value))
        if match:
            return f"{moved.get(int(match.group(1)), int(match.group(1)))}{match.group(2)}"
        return value

    for item in out["articles"]:
        for name in ("lines", "source_lines"):
            if item.get(name):
                item[name] = move(item[name])
    return out


def run_variant(names: list[str], variant: str | None) -> tuple[dict[str, dict], list[str]]:
    """Scores of each set under the variant (None: the pages as they are), and the pages it skipped."""
    skipped: list[str] = []
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        prepared_sets = {}
        for name in names:
            pages_dir, keys_dir, tags_dir = score.SETS[name]
            keys = score.load_keys(keys_dir, tags_dir)
            target = Path(tmp) / name
            target.mkdir()
            for path in sorted(pages_dir.iterdir()):
                if not path.is_file():
                    continue
                if variant is None or path.suffix != ".txt":
                    shutil.copy(path, target / path.name)
                    continue
                outcome = VARIANTS[variant](read_page(path), keys.get(path.stem))
                if outcome.skipped:
                    skipped.append(f"{name}/{path.name}: {outcome.skipped}")
                write_page(outcome.page, target / path.name)
                if path.stem in keys:
                    keys[path.stem] = remap_key(keys[path.stem], outcome.moved)
            has_tags = score.export_request(name, False)[1]
            prepared_sets[name] = (target, keys, has_tags)
        exported = score.export_all((target, has_tags) for target, _, has_tags in prepared_sets.values())
        for name, (target, keys, has_tags) in prepared_sets.items():
            records = exported[(target, has_tags)]
            overall = score.score(score.prepared(keys), records, has_tags)
            extra = score.extra_checks(keys, records, name in score.COMPLETE_EXTRAS)
            results[name] = {**{m: overall.get(m) for m in METRICS},
                             "items_gold": overall.get("items_gold"), "items_pred": overall.get("items_pred"),
                             "roles": extra["roles"], "pages": extra["page_numbers"]}
    return results, skipped


def _mean(values: list[Any]) -> str:
    nums = [v for v in values if isinstance(v, int | float)]
    return f"{sum(nums) / len(nums):.4f}" if nums else "-"


def markdown(base: dict[str, dict], runs: dict[str, tuple[dict[str, dict], list[str]]]) -> str:
    head = ["variant", *METRICS, "roles", "sets dropped", "pages skipped"]
    rows = [head, ["-"] * len(head)]

    def row(label: str, res: dict[str, dict], dropped: str, skipped: str) -> list[str]:
        roles = [sum(r["roles"][k] for r in res.values()) for k in (0, 1)]
        return [label, *(_mean([r[m] for r in res.values()]) for m in METRICS), f"{roles[0]}/{roles[1]}",
                dropped, skipped]

    rows.append(row("(none)", base, "-", "-"))
    details = []
    for variant, (res, skipped) in runs.items():
        drops = []
        for name, got in res.items():
            lost = [f"{m} {base[name][m]}→{got[m]}" for m in METRICS
                    if isinstance(got[m], int | float) and isinstance(base[name][m], int | float)
                    and got[m] < base[name][m]]
            if got["roles"][0] < base[name]["roles"][0]:
                lost.append(f"roles {base[name]['roles'][0]}→{got['roles'][0]}")
            if lost:
                drops.append(f"{name} ({', '.join(lost)})")
        rows.append(row(variant, res, str(len(drops)), str(len(skipped))))
        if drops:
            details.append(f"- **{variant}**: " + "; ".join(drops))
    table = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    return table + "\n\nMetrics are means over the sets (macro); roles summed.\n\n" + "\n".join(details) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="all")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--skipped", action="store_true", help="list the pages each variant left alone")
    args = parser.parse_args()
    names = [n for n in score.SETS] if args.set == "all" else args.set.split(",")
    base, _ = run_variant(names, None)
    runs = {v: run_variant(names, v) for v in (args.variant or list(VARIANTS))}
    if args.json:
        print(json.dumps({"base": base, **{v: {"scores": r, "skipped": s} for v, (r, s) in runs.items()}},
                         ensure_ascii=False, indent=1))
        return 0
    print(markdown(base, runs))
    if args.skipped:
        for variant, (_, skipped) in runs.items():
            print(f"{variant}: {len(skipped)} skipped: " + "; ".join(skipped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
