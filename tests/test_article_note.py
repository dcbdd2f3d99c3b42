"""The article page notes a story whose opening is missing from the source (Item.starts_incomplete), and
only that story."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from archive_gen.build import render_site
from fixtures.records import config, pages

NOTE = "本文开头缺失"
MARKED = "20231123-01-b2"


def _site(tmp_path: Path) -> dict[str, bytes]:
    corpus = []
    for page in pages():
        items = tuple(dataclasses.replace(i, starts_incomplete=i.id == MARKED) for i in page.items)
        corpus.append(dataclasses.replace(page, items=items))
    return render_site(corpus, config(tmp_path))


def test_missing_opening_is_noted_before_the_body_of_that_story_only(tmp_path: Path) -> None:
    site = _site(tmp_path)
    articles = {path: data.decode("utf-8") for path, data in site.items() if path.startswith("articles/")}
    assert articles
    marked = [path for path, html in articles.items() if NOTE in html]
    assert marked == [f"articles/2023/11/23/{MARKED}.html"]
    html = articles[marked[0]]
    assert html.count(NOTE) == 1 and html.index(NOTE) > html.index("<h1>")
