"""The seed pages scored against the hand-checked answer keys (tests/gold/score_keys.py, run as written)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archive_gen.export import export_jsonl
from archive_gen.loader import conservation
from archive_gen.records import load_pages

# the seeds are read perfectly: any loss here is a regression
THRESHOLDS = {"title_f1": 1.0, "body_bounds": 1.0, "paragraphs": 1.0, "byline": 1.0, "kicker": 1.0, "subtitle": 1.0}


@pytest.fixture(scope="module")
def seed_pages(seeds_dir: Path):
    return load_pages([seeds_dir])


@pytest.fixture(scope="module")
def scores(seed_pages, gold_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    records = tmp_path_factory.mktemp("golden") / "records.jsonl"
    records.write_text(export_jsonl(i for p in seed_pages for i in p.items), encoding="utf-8")
    result = subprocess.run([sys.executable, str(gold_dir / "score_keys.py"), str(gold_dir), str(records), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[0])


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_metric_meets_threshold(scores: dict[str, object], metric: str) -> None:
    assert float(scores[metric]) >= THRESHOLDS[metric], scores


def test_both_fragments_are_attached(scores: dict[str, object]) -> None:
    assert scores["fragments"] == "2/2"


def test_seed_dates_match_the_keys(seed_pages, gold_dir: Path) -> None:
    import yaml

    for page in seed_pages:
        key = yaml.safe_load((gold_dir / (Path(page.source).stem + ".yaml")).read_text(encoding="utf-8"))
        assert page.date == str(key["inferred_date"]), page.source
        assert page.date_inferred and page.date_evidence


def test_seeds_conserve_every_line(seed_pages, seeds_dir: Path) -> None:
    for page in seed_pages:
        text = (seeds_dir / page.source).read_text(encoding="utf-8")
        assert conservation(text, page) == []
        assert not [n for n in page.notices if n.level == "error"]


def test_only_the_tianjin_story_starts_incomplete_and_the_untitled_half_is_labelled(seed_pages) -> None:
    items = {(p.source[:3], i.index): i for p in seed_pages for i in p.items}
    incomplete = [key for key, item in items.items() if item.starts_incomplete]
    assert incomplete == [("001", 0)] and items["001", 0].title.startswith("天津探索")
    untitled = [item for item in items.values() if item.title is None]
    assert [(i.title_label, i.display_title) for i in untitled] == [("(上接第1版)", "(上接第1版)")]
