"""Floors on the tagging held-out set (tests/heldout_tagging: pages and keys written before the tagger saw
them), scored by tests/heldout_tagging/score.py; raise them as the tagger improves, never lower them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent / "heldout_tagging"
FLOORS = {"province_f1": 0.98, "prefecture_f1": 0.97, "topic_f1": 0.84}


def test_heldout_tagging_scores_meet_their_floors() -> None:
    spec = importlib.util.spec_from_file_location("heldout_tagging_score", HERE / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.score(HERE / "pages", HERE / "keys")
    assert result["items"] >= 25 and result["unmatched"] == 0
    for metric, floor in FLOORS.items():
        assert result[metric] >= floor, (metric, result[metric], result["confusion"])
