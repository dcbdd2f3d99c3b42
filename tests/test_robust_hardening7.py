"""Hardening round 7: faults found by probing the new forked workers of a rebuild (the output warmer,
the parser started ahead), the template-name scan behind page keys, and the build's stderr. Each test
failed before its fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from archive_gen.build import BuildOptions, BuildResult, build_site
from archive_gen.config import Config
from archive_gen.render import ANY_TEMPLATE, _referenced
from projects import TOY, make_project, tree

BUILTIN_ARTICLE = Path(__file__).resolve().parents[1] / "templates" / "article.html"


def run(config: Config, **options: Any) -> BuildResult:
    return build_site(config, BuildOptions(**options), stages=TOY)


# ---------------------------------------------------------------------------------------------
# page keys: every template a page really uses

@pytest.mark.parametrize(("tag", "partial"), [
    ('{% set part = "_p" ~ "art.html" %}{% include part %}', "_part.html"),  # a name held in a variable
    ('{% include "_q" + ".html" %}', "_q.html"),  # a name put together from literals
    ('{% include "\\u5934.html" %}', "头.html"),  # an escape Jinja decodes
    ('{% include "a%}b.html" %}', "a%}b.html"),  # "%}" inside the name
    ("{%- include '头 部.html' -%}", "头 部.html"),  # non-ASCII, whitespace control
    ('{% include "it\'s.html" %}', "it's.html"),  # a quote inside the name
])
def test_editing_a_partial_an_article_template_includes_rerenders_exactly_the_articles(
        tmp_path: Path, tag: str, partial: str) -> None:
    config = make_project(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    source = BUILTIN_ARTICLE.read_text(encoding="utf-8")
    assert "{% block main %}" in source
    (templates / "article.html").write_text(source.replace("{% block main %}", "{% block main %}" + tag, 1),
                                            encoding="utf-8")
    (templates / partial).write_text("<i>first partial</i>", encoding="utf-8")
    run(config)
    before = tree(config.output)
    (templates / partial).write_text("<i>second partial</i>", encoding="utf-8")
    result = run(config)
    after = tree(config.output)
    changed = sorted(path for path in after if path.endswith(".html") and before.get(path) != after[path])
    articles = sorted(path for path in after if path.startswith("articles/"))
    assert len(articles) == 4 and changed == articles
    assert all(b"second partial" in after[path] for path in articles)
    assert result.pages_rendered == len(articles)


def test_the_template_name_scan_reads_names_as_jinja_does() -> None:
    assert _referenced('{% include "\\u5934.html" %}') == ("头.html",)
    assert _referenced('{% include "a%}b.html" %}{% extends "base.html" %}') == ("a%}b.html", "base.html")
    # plain names with Jinja's own words beside them are no computed names
    plain = ('{% from "_tools.html" import a, b as c with context %}{% import "m.html" as m without context %}'
             '{%- include ["x.html", "y.html"] ignore missing with context -%}{% extends ("base.html") %}')
    assert _referenced(plain) == ("_tools.html", "base.html", "m.html", "x.html", "y.html")
    for computed in ("{% include part %}", '{% extends "a" ~ b %}', '{% import "m" + ".html" as m %}',
                     '{% from name import x %}', '{% include "a.html" if wide else "b.html" %}'):
        assert ANY_TEMPLATE in _referenced(computed), computed
