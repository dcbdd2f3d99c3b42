"""Small invented items for the tagging rounds' rule tests: a topic tagger's labels, and a region tagger's regions, for a
headline and its paragraphs."""

from __future__ import annotations

from archive_gen.model import Item, RegionTag
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger

_BY_KIND = "by kind"


def labels(tagger: TopicTagger, title: str, *paragraphs: str, kind: str = "article", page_name: str = "基层",
           lead: str | None = _BY_KIND) -> list[str]:
    """The topics of an item of ``kind`` on a ``page_name`` page, primary first; its lead is ``lead``, or by
    default a 本报讯 lead for an article and none for any other kind."""
    if lead == _BY_KIND:
        lead = "本报讯（通讯员 张明）" if kind == "article" else None
    it = _item(title, paragraphs, kind=kind, lead=lead, page_name=page_name)
    return [t.label for t in tagger.tag(it, segmented=None)]


def region_tags(tagger: RegionTagger, title: str, *paragraphs: str, date: str, lead: str | None = "本报讯（记者 陈明）",
                kind: str = "article", subtitle: str | None = None, paper: str | None = None) -> list[RegionTag]:
    """The regions an item of ``kind`` dated ``date`` is tagged with, in the tagger's order; ``paper`` is the name
    of the paper its page's masthead prints (四川工人日报), when it prints one."""
    it = _item(title, paragraphs, kind=kind, lead=lead, date=date, subtitle=subtitle)
    found, _, _ = tagger.tag(it, paper=paper) if paper else tagger.tag(it)
    return list(found)


def _item(title: str, paragraphs: tuple[str, ...], *, kind: str, lead: str | None, **fields: str | None) -> Item:
    """One invented item of ``kind`` with its headline, lead and paragraphs (and any other Item fields given)."""
    return Item(id="t", source="t.txt", index=0, kind=kind, title=title, lead=lead,  # type: ignore[arg-type]
                paragraphs=paragraphs, **fields)  # type: ignore[arg-type]
