"""The article template notes a story whose opening is missing from the source (Item.starts_incomplete),
and shows nothing when the context does not say so (older render contexts carry no flag)."""

from __future__ import annotations

from pathlib import Path

from archive_gen.archive import build_archive
from archive_gen.render import SiteInfo, article_context, make_environment
from fixtures.records import config, pages

NOTE = "本文开头缺失"


def _render(tmp_path: Path, **extra: object) -> str:
    cfg = config(tmp_path)
    archive = build_archive(pages(), cfg)
    site = SiteInfo(title=cfg.title, newspaper=cfg.newspaper or cfg.title, description=cfg.description,
                    lang=cfg.language, base_url=cfg.base_url, build_date="2024-01-01", item_count=len(archive.items))
    item_id = sorted(archive.items)[0]
    context = article_context(archive, site, item_id) | extra
    return make_environment(cfg).get_template("article.html").render(context)


def test_missing_opening_is_noted_before_the_body(tmp_path: Path) -> None:
    html = _render(tmp_path, starts_incomplete=True)
    assert html.count(NOTE) == 1
    assert html.index(NOTE) < html.index("story-body") + 200 and html.index("story-body") < html.index(NOTE)


def test_no_note_for_a_whole_story_or_a_context_without_the_flag(tmp_path: Path) -> None:
    assert NOTE not in _render(tmp_path, starts_incomplete=False)
    assert NOTE not in _render(tmp_path)
