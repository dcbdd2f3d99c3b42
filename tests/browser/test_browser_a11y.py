"""axe-core over one page of each kind of the built seed site (served over HTTP): no serious or critical
accessibility violations, in the light and (for the main reading pages) the dark colour scheme.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Browser

from .sitekit import find_article, first_page, search_page

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = ("serious", "critical")
ARTICLE_TITLE = "海西州工会开展关爱货车司机活动"

PAGE_KINDS: dict[str, Callable[[Path], Path]] = {
    "home": lambda site: site / "index.html",
    "issue": lambda site: site / "issues" / "2021-05-14" / "index.html",
    "source-page": lambda site: site / "issues" / "2021-05-14" / "page-01.html",
    "article": lambda site: find_article(site, ARTICLE_TITLE),
    "region-index": lambda site: site / "regions" / "index.html",
    "region": lambda site: site / "regions" / "350000-fujian" / "index.html",
    "topic-index": lambda site: site / "topics" / "index.html",
    "topic": lambda site: first_page(site, "topics/*/index.html"),
    "keyword-index": lambda site: site / "keywords" / "index.html",
    "keyword": lambda site: first_page(site, "keywords/*/index.html"),
    "archive": lambda site: site / "archive" / "index.html",
    "search": search_page,
    "404": lambda site: site / "404.html",
}
DARK_KINDS = tuple(PAGE_KINDS)  # dark mode has its own colours: every kind is checked again there


def axe_violations(browser: Browser, url: str, axe_script: Path,
                   color_scheme: Literal["light", "dark"]) -> list[str]:
    """Serious/critical axe-core violations of one page, one readable line per rule."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
    try:
        page = context.new_page()
        response = page.goto(url)
        assert response is not None and response.ok, f"{url} answered {response.status if response else None}"
        page.add_script_tag(path=str(axe_script))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    lines = []
    for violation in results["violations"]:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        targets = "; ".join(
            f"{' '.join(node['target'])} → {node['html'][:100]}" for node in violation["nodes"][:3])
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} "
                     f"({len(violation['nodes'])} nodes) e.g. {targets}")
    return lines


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_serious_axe_violations(kind: str, seed_site: Path, site_url: str, chromium: Browser,
                                   axe_script: Path) -> None:
    path = PAGE_KINDS[kind](seed_site)
    assert path.is_file(), f"no {kind} page at {path.relative_to(seed_site)}"
    url = site_url + path.relative_to(seed_site).as_posix()
    problems = axe_violations(chromium, url, axe_script, "light")
    assert not problems, f"axe-core on the {kind} page {url}:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", DARK_KINDS)
def test_no_serious_axe_violations_in_dark_mode(kind: str, seed_site: Path, site_url: str,
                                                chromium: Browser, axe_script: Path) -> None:
    """Dark mode has its own colours, so contrast is checked again there."""
    path = PAGE_KINDS[kind](seed_site)
    url = site_url + path.relative_to(seed_site).as_posix()
    problems = axe_violations(chromium, url, axe_script, "dark")
    assert not problems, f"axe-core (dark mode) on the {kind} page {url}:\n" + "\n".join(problems)


def test_axe_reports_a_known_violation(chromium: Browser, axe_script: Path, tmp_path: Path) -> None:
    """The harness can fail: an image without alt text and an unlabeled input are serious/critical."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="zh-CN"><title>坏页面</title><main><h1>坏</h1>'
                   '<img src="x.png"><input type="text"></main></html>', encoding="utf-8")
    problems = axe_violations(chromium, bad.as_uri(), axe_script, "light")
    assert any("image-alt" in p for p in problems), problems
    assert any("label" in p for p in problems), problems
