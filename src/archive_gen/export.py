"""Records -> the JSON export schema (documented in docs/export-schema.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from . import urls
from .model import Item, RegionTag, to_jsonable


def _region(tag: RegionTag) -> dict[str, Any]:
    r = tag.region
    out: dict[str, Any] = {"province": r.province}
    if r.prefecture:
        out["prefecture"] = r.prefecture
    if r.county:
        out["county"] = r.county
    out["code"] = r.code
    out["slug"] = r.slug
    out["score"] = round(tag.score, 3)
    out["evidence"] = [to_jsonable(e) for e in tag.evidence]
    return out


def item_record(item: Item) -> dict[str, Any]:
    """One item as a plain dict in export order."""
    rec = to_jsonable(item)
    if rec.get("url") is None:
        rec["url"] = urls.article_path(item.id, item.date)  # where `build` puts the article's page
    rec["regions"] = [_region(t) for t in item.regions]
    rec["mentioned_places"] = [_region(t) for t in item.mentioned_places]
    rec["topics"] = [
        {"slug": t.slug, "label": t.label, "score": round(t.score, 3), "evidence": to_jsonable(t.evidence)}
        for t in item.topics
    ]
    rec["keywords"] = [{"word": k.word, "weight": round(k.weight, 4)} for k in item.keywords]
    return rec


def export_jsonl(items: Iterable[Item]) -> str:
    """One JSON object per line, keys in schema order, non-ASCII kept readable."""
    return "".join(json.dumps(item_record(i), ensure_ascii=False) + "\n" for i in items)


def export_json(items: Iterable[Item]) -> str:
    return json.dumps([item_record(i) for i in items], ensure_ascii=False, indent=2) + "\n"
