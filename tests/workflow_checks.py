"""Checks of GitHub workflow files shared by test_init and test_packaging: GitHub's schema (as vendored
by check-jsonschema), the action majors in use, and what setup-python's pip cache will look for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

# The current major of every action our workflows use (each runs on Node 24; Node 20 actions were
# removed from GitHub's runners in September 2026). One table, so a bump is one reviewed change.
CURRENT_ACTIONS = {
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "actions/configure-pages": "v6",
    "actions/cache": "v5",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
    "actions/upload-artifact": "v7",
    "actions/download-artifact": "v8",
    "pypa/gh-action-pypi-publish": "release/v1",
}

# setup-python (v7, src/cache-distributions/pip-cache.ts) hashes the files matching cache-dependency-path
# (default **/requirements.txt), else those matching **/pyproject.toml; when neither matches, the step
# fails: "No file in ... matched to [...], make sure you have checked out the target repository".
SETUP_PYTHON_PIP_DEFAULT = "**/requirements.txt"
SETUP_PYTHON_PIP_BACKUP = "**/pyproject.toml"


def schema_errors(files: list[Path], schema: str = "vendor.github-workflows") -> str:
    """check-jsonschema's report on ``files`` ("" when all are valid)."""
    assert files, "no files to validate"
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           *map(str, files)], capture_output=True, text=True, check=False)
    return "" if done.returncode == 0 else done.stdout + done.stderr


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as a boolean; GitHub reads it as "on"
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    every = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    assert every, "a workflow without steps"
    return every


def actions(workflow: dict[str, Any]) -> list[tuple[str, str]]:
    """Every (action, ref) the workflow uses."""
    used = [tuple(step["uses"].split("@", 1)) for step in steps(workflow) if "uses" in step]
    return [(name, ref) for name, ref in used]


def outdated_actions(workflow: dict[str, Any]) -> list[str]:
    return [f"{name}@{ref} (current: {CURRENT_ACTIONS.get(name, 'not in CURRENT_ACTIONS')})"
            for name, ref in actions(workflow) if CURRENT_ACTIONS.get(name) != ref]


def pip_cache_misses(workflow: dict[str, Any], project: Path) -> list[str]:
    """The setup-python steps with ``cache: pip`` whose dependency files match nothing in ``project``:
    on GitHub those fail with "No file in ... matched to [...]"."""
    misses = []
    for step in steps(workflow):
        if not step.get("uses", "").startswith("actions/setup-python@"):
            continue
        given = step.get("with", {})
        if given.get("cache") != "pip":
            continue
        declared = given.get("cache-dependency-path")
        patterns = [p.strip() for p in str(declared or SETUP_PYTHON_PIP_DEFAULT).splitlines() if p.strip()]
        patterns.append(SETUP_PYTHON_PIP_BACKUP)
        if not any(any(project.glob(p)) for p in patterns):
            misses.append(", ".join(patterns))
    return misses
