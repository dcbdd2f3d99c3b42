"""The tags snapshot: every tag of every item of the seeds and of a generated bench corpus, frozen.

Shared by tests/test_tags_snapshot.py and tests/tags_snapshot/regen.py. The snapshot keeps the tagger's
*input* too (the parsed items, ``<set>.items.jsonl.gz``), so it checks the tagger alone: a change to the
loader or to the corpus generator does not move it. ``<set>.tags.jsonl.gz`` holds one line per item with
its regions, mentioned places, ambiguities, topics and keywords (scores and evidence included); both are
gzipped with no timestamp, so regenerating the same answers gives the same bytes.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from archive_gen.model import (
    Byline,
    Caption,
    Continuation,
    ContinuationPart,
    Crosshead,
    Dateline,
    Item,
    to_jsonable,
)
from archive_gen.tagging import Tagger

HERE = Path(__file__).resolve().parent
SNAPSHOT = HERE / "tags_snapshot"
REPO = HERE.parent
SETS = ("seeds", "corpus")
TAG_FIELDS = ("regions", "mentioned_places", "ambiguities", "topics", "keywords")
# the corpus: `python bench/generate.py --articles 1000 --seed 1`
CORPUS_ARGS = ("--articles", "1000", "--seed", "1")
_NESTED: dict[str, Any] = {
    "byline": Byline, "dateline": Dateline, "continued_to": Continuation, "continued_from": Continuation,
}
_NESTED_TUPLES: dict[str, Any] = {"crossheads": Crosshead, "captions": Caption, "continuation_parts": ContinuationPart}


def items_path(name: str) -> Path:
    return SNAPSHOT / f"{name}.items.jsonl.gz"


def tags_path(name: str) -> Path:
    return SNAPSHOT / f"{name}.tags.jsonl.gz"


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def item_from_json(record: dict[str, Any]) -> Item:
    """An untagged Item rebuilt from its ``to_jsonable`` form (unknown keys are an error)."""
    known = {f.name for f in fields(Item)}
    kwargs: dict[str, Any] = {}
    for key, value in record.items():
        if key not in known:
            raise KeyError(f"snapshot item has unknown field {key!r}")
        if key in _NESTED and value is not None:
            value = _NESTED[key](**{k: _tuples(v) for k, v in value.items()})
        elif key in _NESTED_TUPLES:
            value = tuple(_NESTED_TUPLES[key](**{k: _tuples(v) for k, v in part.items()}) for part in value)
        else:
            value = _tuples(value)
        kwargs[key] = value
    return Item(**kwargs)


def read_items(name: str) -> list[Item]:
    with gzip.open(items_path(name), "rt", encoding="utf-8") as handle:
        return [item_from_json(json.loads(line)) for line in handle if line.strip()]


def write_items(name: str, items: Iterable[Item]) -> None:
    lines = []
    for item in items:
        record = to_jsonable(replace(item, **{f: () for f in TAG_FIELDS}, url=None))
        for key in (*TAG_FIELDS, "url"):
            record.pop(key)
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    write_gzip(items_path(name), lines)


def write_gzip(path: Path, lines: list[str]) -> None:
    # mtime 0 and no file name: the file is byte-identical when regenerated from the same lines
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write("".join(lines).encode("utf-8"))


def tag_lines(tagger: Tagger, items: Iterable[Item]) -> list[str]:
    """One JSON line per item: its identity and every tag field, as the tagger gives them."""
    lines = []
    for item in items:
        tagged = tagger.tag_item(item)
        record = {"source": item.source, "index": item.index, "id": item.id,
                  **{f: to_jsonable(getattr(tagged, f)) for f in TAG_FIELDS}}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return lines


def read_tag_lines(name: str) -> list[str]:
    path = tags_path(name)
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return handle.read().splitlines(keepends=True)


def describe(record: dict[str, Any], field: str) -> str:
    """A tag field in a few words, for change summaries: region names, topic labels, keyword words."""
    value = record.get(field) or []
    if field in ("regions", "mentioned_places"):
        return "/".join("".join(x for x in (r["region"]["province"], r["region"]["prefecture"],
                                            r["region"]["county"]) if x) for r in value) or "-"
    if field == "topics":
        return "/".join(t["label"] for t in value) or "-"
    if field == "keywords":
        return " ".join(k["word"] for k in value) or "-"
    return "/".join(a["text"] for a in value) or "-"


def load_source_items(name: str) -> list[Item]:
    """The items of a set parsed from its pages by the current loader (used only to refresh the inputs)."""
    from archive_gen.records import load_pages

    if name == "seeds":
        pages = load_pages([REPO / "seeds"])
    else:
        import subprocess

        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), *CORPUS_ARGS, "--out", tmp],
                           check=True, capture_output=True)
            pages = load_pages([Path(tmp)])
    return [item for page in pages for item in page.items]
