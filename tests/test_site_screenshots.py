"""The README's screenshot section shows every page kind the screenshot script takes, at both widths and
in both colour schemes, and every file it names is in docs/screenshots/ (and nothing else is)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

from screenshot import PAGE_KINDS, SCHEMES, WIDTHS, shot_name  # noqa: E402


def test_the_readme_shows_every_screenshot_and_every_screenshot_exists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Screenshots"):readme.index("\n## ", readme.index("## Screenshots") + 3)]
    named = set(re.findall(r'<img src="docs/screenshots/([^"]+)"', section))
    expected = {shot_name(kind, width, scheme) for kind in PAGE_KINDS for width in WIDTHS for scheme in SCHEMES}
    assert len(expected) == 52 and named == expected
    on_disk = {p.name for p in (REPO / "docs" / "screenshots").glob("*.png")}
    assert on_disk == expected
    for name in expected:
        data = (REPO / "docs" / "screenshots" / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        assert width == int(name.split("-")[-2]), name  # taken at the width it says
    assert (REPO / "docs" / "screenshot.png").is_file() and "(docs/screenshot.png)" in section
