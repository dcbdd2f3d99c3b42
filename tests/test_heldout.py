"""The loader on the second held-out set (tests/heldout): floors per set and per failure class, the keys
checked against their pages, and the seeds kept at 1.0 by tests/test_golden_keys.py."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HELDOUT = Path(__file__).resolve().parent / "heldout"
# what the loader reaches on this set, rounded down a little (tests/heldout/SCORES.md)
FLOORS = {"title_f1": 0.97, "body_bounds": 0.97, "paragraphs": 0.97, "byline": 0.97, "subtitle": 0.95, "kicker": 0.85}
CLASS_TITLE_F1_FLOOR = 0.9


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HELDOUT / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return _module("score").run_set("heldout", tags=False, verbose=True)


def test_keys_agree_with_their_pages() -> None:
    done = subprocess.run([sys.executable, str(HELDOUT / "keytool.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_set_covers_every_failure_class() -> None:
    keys = _module("score").load_keys(HELDOUT / "keys", None)
    assert len(keys) >= 10
    classes = {str(c) for key in keys.values() for item in key["articles"] for c in item.get("classes") or []}
    assert {str(n) for n in range(1, 13)} <= classes


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_overall_floor(result: dict[str, Any], metric: str) -> None:
    assert float(result["overall"][metric]) >= FLOORS[metric], (result["overall"], result["misses"])


def test_every_fragment_is_attached(result: dict[str, Any]) -> None:
    done, total = result["overall"]["fragments"].split("/")
    assert int(total) >= 3 and done == total, result["misses"]


def test_title_f1_floor_per_failure_class(result: dict[str, Any]) -> None:
    classes = result["classes"]
    assert {str(n) for n in range(1, 13)} <= set(classes)
    low = {cls: res["title_f1"] for cls, res in classes.items() if float(res["title_f1"]) < CLASS_TITLE_F1_FLOOR}
    assert not low, low


def test_roles_labels_pages_and_missing_openings(result: dict[str, Any]) -> None:
    extra = result["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 50 and roles_right >= 0.95 * roles_total
    assert extra["starts_incomplete"] == {"tp": 2, "fp": 0, "fn": 0}
    for check in ("title_labels", "page_numbers", "page_names", "stitched_across_pages"):
        right, total = extra[check]
        assert total > 0 and right == total, (check, extra[check])
