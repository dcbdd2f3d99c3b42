"""Small invented items for the tagging rounds' rule tests: a topic tagger's labels for a headline and its paragraphs."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.topics import TopicTagger


def labels(tagger: TopicTagger, title: str, *paragraphs: str, kind: str = "article") -> list[str]:
    """The topics of an item of ``kind`` on a 基层 page (an article with a 本报讯 lead), primary first."""
    lead = "本报讯（通讯员 张明）" if kind == "article" else None
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind=kind,  # type: ignore[arg-type]
        page_name="基层",
        title=title,
        lead=lead,
        paragraphs=paragraphs,
    )
    return [t.label for t in tagger.tag(it, segmented=None)]
