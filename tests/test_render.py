"""Tests for render.render_site on the fixture corpus: entry points, relative links, escaping,
StrictUndefined, user template overrides and byte-identical output."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archive_gen.archive import build_archive as build_from_summaries
from archive_gen.build import render_site as render_pages
from archive_gen.errors import RenderError
from archive_gen.records import MemoryRecords
from fixtures.records import HOSTILE_TITLE, TEMPLATE_BODY, config, pages

ENTRY_POINTS = ("index.html", "regions/index.html", "topics/index.html", "archive/index.html",
                "search/index.html", "feed.xml", "sitemap.xml", "404.html", "robots.txt", ".nojekyll")
HOSTILE = "articles/2023/11/23/20231123-01-b1.html"


def build_archive(corpus, _config=None):
    """The archive of hand-made tagged pages as a build sees them (halves stitched)."""
    return build_from_summaries(MemoryRecords(corpus).summaries)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("site-root")
    cfg = config(root)
    return build_archive(pages(), cfg), cfg, render_pages(pages(), cfg)


def text(site, path):
    return site[path].decode("utf-8")


def test_fixed_entry_points_and_page_kinds_exist(built):
    archive, _, site = built
    for path in ENTRY_POINTS:
        assert path in site, path
    for item in archive.items.values():
        assert item.url in site
    assert "issues/2021-05-14/index.html" in site and "issues/undated/index.html" in site
    assert "regions/350426-youxi/index.html" in site and "regions/350426-youxi/feed.xml" in site
    assert "topics/gonghui-zuzhi/feed.xml" in site
    # per_page=2 and 6 items in 工会组织建设: the front page holds the newest two, pages 1-2 the rest
    # (page 1 the oldest)
    assert "topics/gonghui-zuzhi/page/1/index.html" in site
    assert "topics/gonghui-zuzhi/page/2/index.html" in site
    assert "topics/gonghui-zuzhi/page/3/index.html" not in site
    assert all(path.isascii() for path in site)


def test_html_pages_are_chinese_and_have_landmarks(built):
    _, _, site = built
    for path in (p for p in site if p.endswith(".html")):
        page = text(site, path)
        assert '<html lang="zh-CN">' in page, path
        assert 'href="#main"' in page and '<main id="main"' in page, path
        assert page.count("<h1") == 1, path
        # a dict key shadowed by a dict method (items, keys…) would print as a repr
        assert "built-in method" not in page and "object at 0x" not in page, path


def test_links_are_relative_never_rooted(built):
    _, _, site = built
    for path in (p for p in site if p.endswith(".html")):
        for href in re.findall(r'(?:href|src)="([^"]*)"', text(site, path)):
            assert not href.startswith("/"), (path, href)
            assert not href.lower().startswith("javascript:"), (path, href)
            assert not href.startswith("http"), (path, href)  # base_url is empty here


def test_hostile_title_is_text_everywhere(built):
    _, _, site = built
    page = text(site, HOSTILE)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert TEMPLATE_BODY in page  # rendered as data, not evaluated
    assert ">49<" not in page
    assert 'href="javascript' not in page
    # JSON-LD cannot be closed by the title
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "</" not in jsonld and "\\u003cscript\\u003e" in jsonld
    feed = text(site, "feed.xml")
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in ET.fromstring(feed).iter(
        "{http://www.w3.org/2005/Atom}entry")]
    assert HOSTILE_TITLE in titles  # the XML parser gets the text back: it was escaped, not dropped


def test_article_page_parts(built):
    archive, _, site = built
    page = text(site, archive.items["20210514-01-a3"].url)
    body = page[page.index('<div class="story-body">'):]
    assert body.index("传承红色基因") < body.index("学员们与革命后代互动交流")
    assert body.index("福州市总工会组织") < body.index("传承红色基因")
    assert '<strong class="lead">本报福州5月13日电(记者李娜 通讯员林如长)</strong>福州市总工会' in page
    assert "阅读提示" in page and "奋斗百年路 启航新征程" in page
    # the half printed on 版3 is stitched in where it begins, under the head's jump marker as printed,
    # with a link to the 版面 page it was printed on
    join = '<span class="marker">(下转第3版)</span> （以下原载<a href="../../../../issues/2021-05-14/page-03.html">第3版</a>）'
    assert body.index("大家表示要赓续红色基因") < body.index(join) < body.index("学习结束后")
    assert "转第3版" not in page.replace("下转第3版", "")  # never reworded
    assert "regions/350100-fuzhou/index.html" in page and "topics/dangjian/index.html" in page
    assert 'name="citation_title" content="在红色热土上汲取奋进力量"' in page
    assert '"@type": "NewsArticle"' in page
    assert "李娜, 林如长. 在红色热土上汲取奋进力量[N]. 测试档案, 2021-05-14(1)." in page
    # the stitched half has no page of its own: the article holds all of it
    assert "20210514-03-c1" not in archive.items and "articles/2021/05/14/20210514-03-c1.html" not in site
    assert "相关报道" in page


def test_issue_and_archive_pages(built):
    _, _, site = built
    issue = text(site, "issues/2021-05-14/index.html")
    assert issue.index("第1版") < issue.index("第3版")
    assert issue.index("全总机关启动干部赴基层蹲点活动") < issue.index("东西协作谱新篇")
    assert 'href="../2023-11-23/index.html" rel="next"' in issue
    calendar = text(site, "archive/index.html")
    assert 'href="../issues/2021-05-14/index.html"' in calendar and "2021年5月" in calendar
    assert "issues/undated/index.html" in calendar


def test_region_term_page_has_hierarchy_and_newest_first(built):
    _, _, site = built
    page = text(site, "regions/350400-sanming/index.html")
    assert 'href="../350000-fujian/index.html"' in page  # breadcrumb to the province
    assert "尤溪县" in page
    assert page.index("尤溪县工会助力乡村振兴") < page.index("三明市开展职工技能竞赛")
    listing = text(site, "regions/index.html")
    assert listing.index("福建省") < listing.index("三明市") < listing.index("尤溪县")


def test_no_base_url_means_no_canonical_but_base_url_gives_absolute_feeds(built, tmp_path):
    _, _, site = built
    assert 'rel="canonical"' not in text(site, "index.html")
    cfg = config(tmp_path, base_url="https://example.org/archive")
    other = render_pages(pages(), cfg)
    assert '<link rel="canonical" href="https://example.org/archive/index.html">' in text(other, "index.html")
    assert "https://example.org/archive/articles/2021/05/14/20210514-01-a1.html" in text(other, "feed.xml")
    assert "<loc>https://example.org/archive/index.html</loc>" in text(other, "sitemap.xml")
    assert "Sitemap: https://example.org/archive/sitemap.xml" in text(other, "robots.txt")
    # internal links stay relative even with a base_url
    assert 'href="regions/index.html"' in text(other, "index.html")


def test_feeds_are_wellformed_atom(built):
    _, _, site = built
    for path in (p for p in site if p.endswith("feed.xml")):
        root = ET.fromstring(site[path])
        assert root.tag == "{http://www.w3.org/2005/Atom}feed", path
        assert root.findtext("{http://www.w3.org/2005/Atom}updated")


def test_two_renders_are_byte_identical(built):
    _, cfg, site = built
    again = render_pages(list(reversed(pages())), cfg)
    assert again == site


def test_build_date_honours_source_date_epoch(built, monkeypatch):
    _, cfg, _ = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert 'datetime="2023-11-14"' in text(render_pages(pages(), cfg), "index.html")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert 'datetime="2023-11-23">2023-11-23' in text(render_pages(pages(), cfg), "index.html")


def test_about_markdown_is_rendered_without_raw_html(tmp_path):
    about = tmp_path / "about.md"
    about.write_text("# 关于\n\n本档案**收录**工人日报。<script>x()</script> [坏链接](javascript:alert(1))\n",
                     encoding="utf-8")
    cfg = config(tmp_path, about=about)
    home = text(render_pages(pages(), cfg), "index.html")
    assert "<strong>收录</strong>" in home
    assert "<script>x()</script>" not in home and "&lt;script&gt;" in home
    assert 'href="javascript' not in home


def test_user_template_overrides_builtin_and_strict_undefined_fails(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>自定义 {{ heading }}</h1>{% endblock %}', encoding="utf-8")
    cfg = config(tmp_path)
    assert "<h1>自定义 页面不存在</h1>" in text(render_pages(pages(), cfg), "404.html")
    (tmp_path / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}{{ no_such_variable }}{% endblock %}', encoding="utf-8")
    with pytest.raises(RenderError, match=r"404\.html.*no_such_variable"):
        render_pages(pages(), cfg)


def test_template_syntax_error_names_file_and_line(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "404.html").write_text("ok\n{% if %}\n", encoding="utf-8")
    cfg = config(tmp_path)
    with pytest.raises(RenderError, match=r"404\.html:2: template syntax error"):
        render_pages(pages(), cfg)


def test_builtin_templates_are_found_in_an_installed_wheel_layout(tmp_path: Path) -> None:
    # a wheel puts templates/ and static/ inside the package as _templates/ and _static/, with no
    # pyproject.toml above them (this once fell back to a non-path and every build failed)
    from archive_gen.resources import builtin_dir

    package = tmp_path / "site-packages" / "archive_gen"
    (package / "_templates").mkdir(parents=True)
    (package / "_static").mkdir()
    assert builtin_dir("templates", package) == package / "_templates"
    assert builtin_dir("static", package) == package / "_static"
    assert (builtin_dir("templates") / "base.html").is_file()  # and in this checkout


def test_search_offers_prefecture_and_county_filters_tied_to_their_province(built):
    _, _, site = built
    page = text(site, "search/index.html")
    for name in ("province", "prefecture", "county", "topic", "year", "kind"):
        assert f'data-filter="{name}"' in page, name
    # a county option names where it is (county names repeat) and carries its parents for the script
    assert re.search(r'<option value="尤溪县" [^>]*data-province="福建省" data-prefecture="三明市">尤溪县（三明市）（\d+）'
                     r'</option>', page)


def test_the_404_page_names_the_site_root_only_when_the_base_url_is_known(tmp_path):
    with_base = config(tmp_path, base_url="https://user.github.io/repo/")
    page = render_pages(pages(), with_base)["404.html"].decode()
    assert '<base href="https://user.github.io/repo/">' in page
    without = config(tmp_path)
    assert "<base " not in render_pages(pages(), without)["404.html"].decode()


def _card_links(html: str) -> list[str]:
    return re.findall(r'<h3 class="card-title"><a href="([^"]*)">', html)


def test_a_card_drawn_once_carries_each_pages_own_link(built):
    _, _, site = built
    item = "articles/2021/05/14/20210514-01-a1.html"
    pages_listing = {path: _card_links(text(site, path)) for path in site
                     if path.endswith(".html") and any(link.endswith("20210514-01-a1.html")
                                                       for link in _card_links(text(site, path)))}
    depths = {path.count("/") for path in pages_listing}
    assert len(depths) >= 2, pages_listing  # the same card at two link depths
    for path, links in pages_listing.items():
        wanted = posixpath.relpath(item, posixpath.dirname(path) or ".")
        assert wanted in links, (path, links)


def test_a_user_card_macro_that_rewrites_the_link_is_drawn_for_every_link(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "_cards.html").write_text(
        '{% macro card(c, level=3) %}<a class="mine" href="{{ c.href|replace(".html", "") }}#{{ c.href|length }}">'
        '{{ c.title }}</a>{% endmacro %}', encoding="utf-8")
    site = render_pages(pages(), config(tmp_path))
    listed = {path: re.findall(r'class="mine" href="([^"]*)#(\d+)"', text(site, path)) for path in site
              if path.endswith(".html")}
    drawn = [(path, link, int(length)) for path, found in listed.items() for link, length in found]
    assert len({path.count("/") for path, _, _ in drawn}) >= 2
    for path, link, length in drawn:
        assert not link.endswith(".html") and length == len(link) + len(".html"), (path, link)


def test_printed_expressions_escape_exactly_as_jinja_does(tmp_path: Path) -> None:
    # the environment prints plain strings without building a Markup each (render._printed): every kind of
    # value must come out as Jinja's own autoescape prints it, in pages, macros, blocks and filter blocks
    import jinja2
    from markupsafe import Markup

    from archive_gen.render import _environment, _escape_inner, _printed

    class Html:
        def __html__(self) -> str:
            return "<i>safe</i>"

    class Text(str):
        pass

    source = ('{% macro m(v) %}[{{ v }}]{% endmacro %}{% set kept %}{{ a }}{% endset %}'
              '{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}|{{ f }}|{{ g }}|{{ m(a) }}|{{ kept }}|'
              '{% filter upper %}{{ a }}{% endfilter %}|{{ a ~ b }}|{% for x in [a, b] %}{{ x }}{% endfor %}')
    values = {"a": "<a href=\"x\">'&'</a> 中文", "b": Markup("<b>&amp;</b>"), "c": 3, "d": None, "e": Html(),
              "f": Text("<t>"), "g": ""}
    (tmp_path / "t.html").write_text(source, encoding="utf-8")
    ours = _environment((str(tmp_path),)).get_template("t.html")
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), autoescape=True)
    assert ours.render(values) == plain.get_template("t.html").render(values)
    assert "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt; 中文" in ours.render(values)
    assert _escape_inner is None or ours.root_render_func.__globals__["escape"] is _printed


def test_a_dot_on_a_context_dict_finds_what_jinja_finds(tmp_path: Path) -> None:
    # the environment reads a dict's key first for a name no dict attribute has (render._Environment): a key named
    # like a dict method must still give the method, a missing key must still be undefined (StrictUndefined: an
    # error), and objects and other mappings go Jinja's own way
    import collections

    import jinja2

    from archive_gen.render import _environment

    source = ("{{ d.label }}|{{ d.items() | list | length }}|{{ d.keys is callable }}|{{ o.real }}|"
              "{{ m.label }}|{{ d.get('label') }}|{{ d.nested.href }}")
    values = {"d": {"label": "<x>", "items": [1, 2, 3], "keys": "k", "nested": {"href": "a/b.html"}},
              "o": 5, "m": collections.OrderedDict(label="ordered")}
    (tmp_path / "t.html").write_text(source, encoding="utf-8")
    (tmp_path / "missing.html").write_text("{{ d.absent }}", encoding="utf-8")
    ours = _environment((str(tmp_path),))
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), autoescape=True,
                               undefined=jinja2.StrictUndefined)
    assert ours.get_template("t.html").render(values) == plain.get_template("t.html").render(values)
    assert ours.get_template("t.html").render(values) == "&lt;x&gt;|4|True|5|ordered|&lt;x&gt;|a/b.html"
    with pytest.raises(jinja2.UndefinedError):
        ours.get_template("missing.html").render(values)


class _Store:
    """A dict standing for the build cache's entries."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], object] = {}
        self.stored = 0

    def load(self, kind, key):
        return self.entries.get((kind, key))

    def store(self, kind, key, payload):
        self.stored += 1
        self.entries[(kind, key)] = payload


def test_compiled_templates_are_kept_and_a_changed_template_is_compiled_again(tmp_path):
    from archive_gen.render import TemplateCodeCache, _environment, make_environment

    (tmp_path / "templates").mkdir()
    mine = tmp_path / "templates" / "404.html"
    mine.write_text('{% extends "base.html" %}{% block main %}<h1>第一版</h1>{% endblock %}', encoding="utf-8")
    cfg = config(tmp_path)
    store = _Store()
    first = make_environment(cfg, TemplateCodeCache(store)).get_template("404.html")
    assert store.stored == 1 and {kind for kind, _ in store.entries} == {"templates"}
    stored = store.stored
    _environment.cache_clear()  # a new process: nothing compiled in memory
    again = make_environment(cfg, TemplateCodeCache(store)).get_template("404.html")
    assert again is not first and store.stored == stored  # loaded, not compiled and stored again
    assert "".join(again.blocks["main"](again.new_context({}))) == "<h1>第一版</h1>"
    mine.write_text('{% extends "base.html" %}{% block main %}<h1>第二版</h1>{% endblock %}', encoding="utf-8")
    _environment.cache_clear()
    edited = make_environment(cfg, TemplateCodeCache(store)).get_template("404.html")
    assert store.stored == stored + 1  # only the changed template is compiled again
    assert "".join(edited.blocks["main"](edited.new_context({}))) == "<h1>第二版</h1>"
    _environment.cache_clear()
    assert "<h1>第二版</h1>" in text(render_pages(pages(), cfg), "404.html")


_NAMING_SOURCES = [
    '{% extends "base.html" %}{% block x %}{% endblock %}',
    "{%- from 'macros/cards.html' import card with context -%}",
    '{% import "forms.html" as forms %}{{ forms.x() }}',
    "{% include ['missing.html', \"fallback.html\"] ignore missing %}",
    '{%+ include "plus.html" +%}\n{% raw %}{% include "raw.html" %}{% endraw %}',
    '{% set name = "partial.html" %}{% include name %}{% include "it\'s.html" %}',
    '{{ "not a template" }}{% if x %}{% include "nested/deep.html" %}{% endif %}',
]


@pytest.mark.parametrize("source", _NAMING_SOURCES)
def test_template_references_cover_what_jinja_finds(source: str) -> None:
    """A page's key follows every template its template names: the quick scan must find at least what
    Jinja's own parser reports (ground truth from jinja2.meta, not from the scan)."""
    import jinja2
    import jinja2.meta

    from archive_gen.render import _referenced

    truth = {name for name in jinja2.meta.find_referenced_templates(jinja2.Environment().parse(source)) if name}
    assert truth, "each sample names at least one template"
    assert truth <= set(_referenced(source))


def test_a_template_chosen_at_render_time_is_covered_either_way() -> None:
    from archive_gen.render import _referenced

    # Jinja's parser reports nothing it can know for this tag; the scan keeps both names in the key
    assert {"a.html", "b.html"} <= set(_referenced('{% include "a.html" if flag else "b.html" %}'))


def test_every_builtin_template_reference_is_found() -> None:
    import jinja2
    import jinja2.meta

    from archive_gen.render import _referenced
    from archive_gen.resources import builtin_dir

    folder = builtin_dir("templates")
    sources = [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.html"))]
    assert len(sources) > 5
    found = 0
    for source in sources:
        truth = {n for n in jinja2.meta.find_referenced_templates(jinja2.Environment().parse(source)) if n}
        assert truth <= set(_referenced(source))
        found += len(truth)
    assert found > 5
