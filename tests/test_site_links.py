"""Link checker over the built seed site: every relative href/src names an existing file (directory links
must say index.html, so the site works from file://), fragments exist, no root-relative links, and absolute
links to the site itself appear only where they must be absolute (canonical, feeds, sitemap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser.sitekit import TEST_BASE_URL, build_seed_site, html_files

SHOWN_PROBLEMS = 30
LINK_ATTRIBUTES = frozenset({"href", "src", "poster", "action", "data"})
# <link rel=...> values whose href is meant to be absolute (or is fine either way)
ABSOLUTE_OK_RELS = frozenset({"canonical", "alternate", "sitemap"})
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
SCHEMES_NOT_CHECKED = ("mailto:", "tel:", "data:", "blob:")


@dataclass(frozen=True)
class Link:
    """One URL found in a page: where it is, which tag/attribute carried it, and the tag's rel."""

    page: Path
    line: int
    tag: str
    attribute: str
    url: str
    rel: frozenset[str]


class _LinkCollector(HTMLParser):
    """Collects link-bearing attributes and every id (and <a name>) of one HTML page."""

    def __init__(self, page: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[Link] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        rel = frozenset(values.get("rel", "").lower().split())
        line = self.getpos()[0]
        for name, value in sorted(values.items()):
            if name in LINK_ATTRIBUTES:
                self.links.append(Link(self.page, line, tag, name, value.strip(), rel))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        url = candidate.split()[0]
                        self.links.append(Link(self.page, line, tag, name, url, rel))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


@dataclass(frozen=True)
class ParsedPage:
    links: tuple[Link, ...]
    anchors: frozenset[str]


def parse_page(path: Path) -> ParsedPage:
    collector = _LinkCollector(path)
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return ParsedPage(tuple(collector.links), frozenset(collector.anchors))


def check_site(site: Path, base_url: str) -> list[str]:
    """Every link problem of the site as "page:line: <tag attr=url>: problem", in a stable order."""
    site = site.resolve()
    pages = {path: parse_page(path) for path in html_files(site)}
    problems: list[str] = []
    for path, parsed in pages.items():
        for link in parsed.links:
            problem = _link_problem(link, site, base_url, pages, parsed)
            if problem:
                where = f"{path.relative_to(site).as_posix()}:{link.line}"
                problems.append(f"{where}: <{link.tag} {link.attribute}={link.url!r}>: {problem}")
    for css in sorted(site.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for match in CSS_URL.finditer(text):
            url = match.group(2).strip()
            line = text.count("\n", 0, match.start()) + 1
            link = Link(css, line, "css", "url", url, frozenset())
            problem = _link_problem(link, site, base_url, pages, None)
            if problem:
                problems.append(f"{css.relative_to(site).as_posix()}:{line}: url({url}): {problem}")
    return problems


def _link_problem(link: Link, site: Path, base_url: str, pages: dict[Path, ParsedPage],
                  own: ParsedPage | None) -> str | None:
    url = link.url
    if not url:
        return "empty link" if link.attribute in ("href", "src") else None
    if url.lower().startswith(SCHEMES_NOT_CHECKED):
        return None
    if url.lower().startswith("javascript:"):
        return "javascript: URL (use a button)"
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        if base_url and url.startswith(base_url):
            # canonical/alternate links, and the 404 page's <base> (it is served at any missing URL)
            absolute_ok = (link.tag == "link" and link.rel & ABSOLUTE_OK_RELS) or (link.tag == "base" and url == base_url)
            return None if absolute_ok else "absolute link to the site's own page (use a relative link)"
        return None  # external sites are not checked (no network in tests)
    if url.startswith("/"):
        return "root-relative link (breaks file:// and hosting under a sub-path)"
    if not parts.path:  # "#fragment" or "?query" on the same page
        if parts.fragment and own is not None and unquote(parts.fragment) not in own.anchors:
            return f"no element with id {unquote(parts.fragment)!r} on this page"
        return None
    target = (link.page.parent / unquote(parts.path)).resolve()
    if not target.is_relative_to(site):
        return "points outside the site folder"
    if parts.path.endswith("/") or target.is_dir():
        return "directory link (point at the explicit index.html so file:// works)"
    if not target.is_file():
        return f"missing file {target.relative_to(site).as_posix()}"
    if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].anchors:
        return f"no element with id {unquote(parts.fragment)!r} in {target.relative_to(site).as_posix()}"
    return None


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed_site(tmp_path_factory)


def test_checker_finds_each_kind_of_broken_link(tmp_path: Path) -> None:
    """The checker itself, on a tiny inline site: each bad link is reported, each good one is not."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text('<h1 id="top">x</h1>', encoding="utf-8")
    (tmp_path / "style.css").write_text("a{background:url(img/missing.png)} b{background:url(data:x)}",
                                        encoding="utf-8")
    (tmp_path / "index.html").write_text(
        "<!doctype html>\n"
        '<link rel="stylesheet" href="style.css">\n'
        f'<link rel="canonical" href="{TEST_BASE_URL}index.html">\n'
        '<a href="sub/index.html#top">ok</a> <a href="https://example.com/">external ok</a>\n'
        '<a href="sub/">dir</a>\n'
        '<a href="nowhere.html">missing</a>\n'
        '<a href="/sub/index.html">root</a>\n'
        f'<a href="{TEST_BASE_URL}sub/index.html">own absolute</a>\n'
        '<a href="sub/index.html#nope">bad fragment</a> <a href="#here">bad local fragment</a>\n'
        '<img src="a.png?v=1" alt="">\n',
        encoding="utf-8")
    problems = check_site(tmp_path, TEST_BASE_URL)
    assert [p.split(": ", 1)[0] for p in problems] == [
        "index.html:5", "index.html:6", "index.html:7", "index.html:8", "index.html:9", "index.html:9",
        "index.html:10", "style.css:1"]
    assert "directory link" in problems[0]
    assert "missing file nowhere.html" in problems[1]
    assert "root-relative" in problems[2]
    assert "absolute link to the site's own page" in problems[3]
    assert "'nope'" in problems[4] and "'here'" in problems[5]
    assert "missing file a.png" in problems[6]
    assert "img/missing.png" in problems[7]


def test_every_internal_link_resolves(seed_site: Path) -> None:
    pages = html_files(seed_site)
    assert len(pages) >= 10, f"only {len(pages)} HTML pages built from five seed pages"
    problems = check_site(seed_site, TEST_BASE_URL)
    shown = "\n".join(problems[:SHOWN_PROBLEMS])
    assert not problems, f"{len(problems)} broken or badly formed links in the built seed site:\n{shown}"


def test_every_page_is_reachable_from_the_home_page(seed_site: Path) -> None:
    """Pages no link leads to are invisible to readers (404.html is reached by the server, not a link)."""
    site = seed_site.resolve()
    parsed = {path: parse_page(path) for path in html_files(site)}
    seen = {site / "index.html"}
    queue = [site / "index.html"]
    while queue:
        page = queue.pop()
        for link in parsed[page].links:
            parts = urlsplit(link.url)
            if parts.scheme or not parts.path or link.url.startswith("/"):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target in parsed and target not in seen:
                seen.add(target)
                queue.append(target)
    orphans = sorted(p.relative_to(site).as_posix() for p in parsed if p not in seen and p.name != "404.html")
    assert not orphans, f"{len(orphans)} pages are not linked from anywhere: {orphans[:20]}"
