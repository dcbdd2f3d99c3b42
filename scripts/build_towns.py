"""Build src/archive_gen/tagging/data/towns.tsv: every town (镇), township (乡) and street (街道) of China with the
county-level divisions holding one of that name (forty-seventh round, docs/tagging.md rule 54).

Source: dist/streets.csv of modood/Administrative-divisions-of-China (MIT, Copyright (c) 2017 mwn), the National
Bureau of Statistics' 统计用区划代码 (columns code, name, areaCode, provinceCode, cityCode).

usage: python scripts/build_towns.py STREETS_CSV [OUT_TSV]
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

SUFFIXES = ("镇", "乡", "街道")
HEADER = """# Towns (镇), townships (乡) and streets (街道) of China, one row per name, with the county-level divisions (GB/T 2260
# codes) that hold one of that name, from the National Bureau of Statistics' 统计用区划代码 as packaged in
# modood/Administrative-divisions-of-China dist/streets.csv (MIT License, Copyright (c) 2017 mwn; the permission
# notice: https://opensource.org/license/mit). Built by scripts/build_towns.py. The table is the complete class (every
# row of the source ending 镇, 乡 or 街道), read only as the setting of last resort (docs/tagging.md rule 54).
name\tcounties
"""


def main() -> None:
    src = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[1] / (
        "src/archive_gen/tagging/data/towns.tsv")
    counties: dict[str, set[str]] = defaultdict(set)
    with src.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            if name.endswith(SUFFIXES) and len(name) >= 3:
                counties[name].add(row["areaCode"].strip())
    lines = [f"{name}\t{','.join(sorted(codes))}" for name, codes in sorted(counties.items())]
    out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
