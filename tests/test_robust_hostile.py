"""Hostile text in pages, config, taxonomy and about.md: nothing is executed (no injected elements,
attributes, javascript: links or template evaluation), feeds stay well-formed XML, the search indexes
stay data, and no file is written outside the output folder. Plus the dev server's path safety."""

from __future__ import annotations

import http.client
import re
import xml.dom.minidom
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive_gen.build import BuildOptions
from archive_gen.cli import main
from archive_gen.config import Config
from archive_gen.resources import builtin_dir
from archive_gen.serve import DevServer, resolve_request
from projects import TOY, make_project
from robust_util import audit_html, invoke, search_entries, snapshot

PAYLOADS = ["<script>alert(1)</script>", "</title>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}",
            "{% for x in range(3) %}X{% endfor %}", "javascript:alert(1)", "../../etc/passwd", "..\\..\\win"]
CONFIG = """title: "<script>alert('t')</script>{{ 7*7 }}"
description: '"><img src=x onerror=alert(1)> {% raw %}'
base_url: https://example.org/a/
taxonomy:
  extend:
    - slug: evil
      label: "<script>alert(2)</script>{{ 7*7 }}../x"
      definition: "</title>javascript:alert(1)"
      keywords: ["蹲点", "../../x", "<b>粗体</b>", "javascript:alert(1)"]
gazetteer:
  aliases:
    "<b>榕城</b>": "350100"
"""
ABOUT = """# <script>alert('about')</script>

[点这里](javascript:alert(1)) ![图](javascript:alert(2)) <img src=x onerror=alert(3)> {{ 7*7 }}
"""


def _page() -> str:
    blocks = []
    for k, payload in enumerate(PAYLOADS):
        blocks.append(f"工会{payload}标题第{k}条\n\n本报讯(记者郑莉 郝赫){payload} 全总机关日前启动干部赴基层蹲点活动，"
                      f"<b>榕城</b>总工会推动蹲点工作常态化。javascript:alert(1) 详见 {payload}\n")
    return "\n".join(blocks)


@dataclass(frozen=True)
class Hostile:
    root: Path
    site: Path
    code: int
    out: str
    err: str
    outside_before: dict[str, tuple[int, int]]
    outside_after: dict[str, tuple[int, int]]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    # a folder of its own around the project: the snapshots below watch the project's parent, which must hold
    # nothing of other tests' (one left a tree too deep for any path to name there, and every test here errored)
    root = tmp_path_factory.mktemp("hostile") / "archive"
    root.mkdir()
    sources = root / "sources"
    sources.mkdir()
    for name in ("2021-05-14_01.txt", "a..b.txt", "x..\\..\\y.txt", "<script>z.txt", "..evil.txt"):
        (sources / name).write_text(_page(), encoding="utf-8")
    (root / "about.md").write_text(ABOUT, encoding="utf-8")
    (root / "archive.yaml").write_text(CONFIG + "source: sources\noutput: out/site\n", encoding="utf-8")
    # the output lies one level down, so a "../" escaping it would land in a folder we watch
    (root / "out").mkdir()
    skip = ("out/site", ".archive-cache")
    before = snapshot(root.parent, skip=tuple(f"{root.name}/{s}" for s in skip))
    code, out, err = invoke("build", "--config", str(root / "archive.yaml"), "--jobs", "1")
    after = snapshot(root.parent, skip=tuple(f"{root.name}/{s}" for s in skip))
    return Hostile(root, root / "out" / "site", code, out, err, before, after)


def test_hostile_build_succeeds(hostile: Hostile) -> None:
    assert hostile.code == 0, hostile.err
    assert len(list(hostile.site.glob("articles/**/*.html"))) == 4 * len(PAYLOADS)


def test_nothing_is_written_outside_the_output_folder(hostile: Hostile) -> None:
    assert hostile.outside_after == hostile.outside_before
    for path in hostile.site.rglob("*"):
        rel = path.relative_to(hostile.site).as_posix()
        assert path.resolve().is_relative_to(hostile.site.resolve())
        assert rel.isascii() and ".." not in rel.split("/") and "\\" not in rel, rel


def test_no_injected_elements_attributes_or_links(hostile: Hostile) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        audit = audit_html(page.read_text(encoding="utf-8"), base_url="https://example.org/a/")
        assert audit.problems == [], (page, audit.problems)


def test_templates_are_never_evaluated_from_data(hostile: Hostile) -> None:
    article = next(p for p in hostile.site.glob("articles/**/*.html")
                   if "标题第3条" in p.read_text(encoding="utf-8"))
    text = " ".join(audit_html(article.read_text(encoding="utf-8")).texts)
    assert "工会{{ 7*7 }}标题第3条" in text
    for page in hostile.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "工会49标题" not in html and "XXX" not in html
    home = (hostile.site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;{{ 7*7 }}" in home
    assert "alert(3)" not in home or "&lt;img src=x onerror=alert(3)&gt;" in home


def test_feeds_are_well_formed_and_escape_payloads(hostile: Hostile) -> None:
    feeds = sorted(hostile.site.rglob("*.xml"))
    assert len(feeds) >= 3
    for feed in feeds:
        document = xml.dom.minidom.parse(str(feed))  # raises on anything not well-formed
        assert not document.getElementsByTagName("script"), feed
        assert not document.getElementsByTagName("img"), feed
    main_feed = (hostile.site / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in main_feed


def test_search_indexes_stay_data(hostile: Hostile) -> None:
    entries = search_entries(hostile.site)
    assert len(entries) == 4 * len(PAYLOADS)
    raw = (hostile.site / "search" / "index.js").read_text(encoding="utf-8")
    assert "</script" not in raw.lower() and "<!--" not in raw
    titles = {str(e["title"]) for e in entries}
    assert "工会<script>alert(1)</script>标题第0条" in titles  # kept as text, rendered with textContent
    for entry in entries:
        url = str(entry["url"])
        assert re.fullmatch(r"articles/[0-9a-z/]+/[0-9a-f]{12}\.html", url), url
    # the results are built with textContent only, so a title is never parsed as HTML
    assert "innerHTML" not in (builtin_dir("static") / "search.js").read_text(encoding="utf-8")


def test_hostile_names_from_the_taxonomy_are_shown_as_text(hostile: Hostile) -> None:
    topic = (hostile.site / "topics" / "evil" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;{{ 7*7 }}../x" in topic
    keyword_dirs = [p.name for p in (hostile.site / "keywords").iterdir() if p.is_dir()]
    assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in keyword_dirs), keyword_dirs


def test_page_names_with_dots_are_pages_and_hidden_files_are_skipped(hostile: Hostile) -> None:
    # "..evil.txt" starts with a dot: a hidden file, never read; "a..b.txt" and the others are pages
    assert "4 pages read" in hostile.out
    assert not [p for p in hostile.site.rglob("*") if p.name.startswith("..") or "<" in p.name]


# ---------------------------------------------------------------------------------------------
# the dev server: loopback by default, nothing outside the output folder


def test_serve_binds_loopback_by_default() -> None:
    host = next(p for p in main.commands["serve"].params if p.name == "host")  # type: ignore[attr-defined]
    assert host.default == "127.0.0.1"


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[DevServer, Config]]:
    config = make_project(tmp_path)
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "index.html").write_text("secret folder", encoding="utf-8")
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    server.build()
    (config.output / "up").symlink_to(tmp_path / "outside", target_is_directory=True)
    (config.output / "deep").mkdir()
    (config.output / "deep" / "rel.txt").symlink_to(Path("..") / ".." / "outside.txt")
    server.start()
    try:
        yield server, config
    finally:
        server.close()


def _get(server: DevServer, path: str, method: str = "GET") -> tuple[int, bytes]:
    host, port = server.url.split("//")[1].rstrip("/").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.request(method, path)  # sent as written: no client-side normalisation
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_default_server_address_is_loopback(served: tuple[DevServer, Config]) -> None:
    assert served[0].url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("path", [
    "/%2E%2E/outside.txt", "/.%2e/outside.txt", "/%2e./outside.txt", "/..%2foutside.txt",
    "/items/..%2F..%2Foutside.txt", "/%2e%2e%2f%2e%2e%2foutside.txt", "/./../outside.txt",
    "http://127.0.0.1/../outside.txt",
])
def test_encoded_traversal_is_forbidden(served: tuple[DevServer, Config], path: str) -> None:
    status, body = _get(served[0], path)
    assert status == 403 and b"secret" not in body


@pytest.mark.parametrize("path", [
    "/%252e%252e/outside.txt", "/..%5coutside.txt", "/%5c..%5coutside.txt", "//outside.txt",
    "/up/index.html", "/up/", "/deep/rel.txt", "/outside.txt%00.html", "/%00",
])
def test_other_escapes_find_nothing(served: tuple[DevServer, Config], path: str) -> None:
    status, body = _get(served[0], path)
    assert status in (403, 404) and b"secret" not in body, (path, status)


def test_head_is_safe_and_other_methods_are_refused(served: tuple[DevServer, Config]) -> None:
    assert _get(served[0], "/%2e%2e/outside.txt", "HEAD")[0] == 403
    assert _get(served[0], "/", "POST")[0] == 501
    assert _get(served[0], "/", "PUT")[0] == 501


def test_resolve_request_refuses_links_out_and_encoded_parents(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (root / "inner").mkdir()
    (root / "inner" / "ok.html").write_text("ok", encoding="utf-8")
    (root / "inner" / "link.html").symlink_to(tmp_path / "secret.txt")
    (root / "root-link").symlink_to(tmp_path)
    assert resolve_request(root, "/inner/ok.html") == (root / "inner" / "ok.html").resolve()
    for bad in ("/inner/link.html", "/root-link/secret.txt", "/inner/%2e%2e/%2e%2e/secret.txt",
                "/%2E%2E%2Fsecret.txt", "/inner/..%2F..%2Fsecret.txt"):
        assert resolve_request(root, bad) is None, bad
