"""Stitch continued articles across pages: "(下转第3版)" on 版1 + "(上接第1版)" on 版3 become one item.

A pure stage over all loaded pages (it needs every page of an issue, so it runs after the per-page
parse). The tail's text moves into the head item — it is not duplicated — and the tail's own record
leaves its page; ``Item.continuation_parts`` records where the stitched half came from.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from ..model import ContinuationPart, Item, Page, TopicTag
from ..patterns import lazy_compile
from .shapes import slogan

_HAN_OR_WORD = lazy_compile(r"[\w\u3400-\u9fff]")


def _bigrams(text: str) -> set[str]:
    chars = [c for c in unicodedata.normalize("NFKC", text) if _HAN_OR_WORD.match(c)]
    return {a + b for a, b in itertools.pairwise(chars)}


def _overlap(head: Item, tail: Item) -> float:
    """Share of the tail's character bigrams that also occur in the head (0..1)."""
    tail_grams = _bigrams(tail.body_text)
    if not tail_grams:
        return 0.0
    head_grams = _bigrams("".join(filter(None, (head.kicker, head.title, head.subtitle))) + head.body_text)
    return len(tail_grams & head_grams) / len(tail_grams)


def _same_title(head: Item, tail: Item) -> bool:
    """True when the tail reprints the head's title (the usual make-up of a jump): the strongest sign of the
    pair, stronger than shared vocabulary, which generic words (一家, 企业, 职工) can tip towards another head."""
    if not head.title or not tail.title:
        return False
    return _bigrams(head.title) == _bigrams(tail.title)


def _reprinted_banner(head: Item, tail: Item) -> dict[str, object]:
    """The headline of a head whose jumped half reprints, as its title, the line the head read as its banner: a page
    reprints a story's title over its continued half, never a campaign banner, so that line is the title. Read on its
    own page, phrases parted by a gap under a title ("白天拧螺丝　晚上写小说" under "东莞冲压工何春生六年写下80多万字") look like
    a campaign banner printed after the title (奋斗百年路　启航新征程); the reprint shows they are the title and the line
    above them its kicker. Only such a slogan-shaped banner, which stands under its title, and only with no kicker;
    the fields to change, or {} when the reprint names no banner of the head."""
    if head.kicker is not None or not head.title or not head.column or not tail.title \
            or not slogan(head.column) or _same_title(head, tail) or _bigrams(head.column) != _bigrams(tail.title):
        return {}
    rest = head.column_extra
    return {"kicker": head.title, "title": head.column, "column": rest[0] if rest else None, "column_extra": rest[1:]}


_MAX_TOPICS = 3  # as the tagger gives
_HEADLINE_FIELDS = frozenset({"title", "kicker", "subtitle", "column", "column_extra", "page_name"})
_KEEP_SHARE = 0.5  # a weak head's topic stays a secondary of the stitched item with this share of the new primary


def _is_fallback(tag: TopicTag) -> bool:
    """True for a topic given for want of evidence (its evidence says so: field "fallback")."""
    return bool(tag.evidence) and all(e.field == "fallback" for e in tag.evidence)


def _from_headline(tag: TopicTag) -> bool:
    """True when a headline or banner term gave the topic (its evidence says where each term was)."""
    return any(e.field.partition(":")[0] in _HEADLINE_FIELDS for e in tag.evidence)


def _weak_head_yields(head: tuple[TopicTag, ...], tail: tuple[TopicTag, ...]) -> tuple[TopicTag, ...]:
    """The topics of an item whose head was cut short by its jump: a head whose primary no headline term gave is
    only the opening of the story (一座老工业城的“技工回流”: the people, 技术工人, in its second paragraph); when the
    tail's own primary, another topic, then outscores it over both halves, the whole item is about what the tail
    says (the courses and jobs on page 3), and a head topic stays only as a secondary holding half that score.
    Otherwise the head's topics stand (returned as the same tuple)."""
    lead, first = tail[0], head[0]
    if _is_fallback(lead) or lead.slug == first.slug or _from_headline(first):
        return head
    combined: dict[str, float] = {}
    for tag in (*head, *tail):
        if not _is_fallback(tag):
            combined[tag.slug] = combined.get(tag.slug, 0.0) + tag.score
    if combined.get(lead.slug, 0.0) <= combined.get(first.slug, 0.0):
        return head
    have = {t.slug for t in tail}
    kept = [t for t in head if t.slug not in have and combined.get(t.slug, 0.0) >= _KEEP_SHARE * combined[lead.slug]]
    return (*tail, *kept)[:_MAX_TOPICS]


def _carried_tags(head: Item, tail: Item) -> dict[str, object]:
    """The tags of a stitched item when its halves were tagged apart (the build tags each page, then
    stitches): the head's, completed by the tail's where the head found nothing. A head cut short by its
    jump marker may name no place (the setting is on the other page), and a tail's places the head did
    not name are at least mentioned."""
    regions = head.regions or tail.regions
    seen = {t.region.code for t in regions}
    mentioned = []
    for tag in (*head.mentioned_places, *tail.mentioned_places, *(() if regions is tail.regions else tail.regions)):
        if tag.region.code not in seen:
            seen.add(tag.region.code)
            mentioned.append(tag)
    # the head's topic is only the fallback one when every topic it has says so in its evidence
    fallback = not head.topics or all(_is_fallback(t) for t in head.topics)
    topics = tail.topics if (fallback and tail.topics) else head.topics
    if topics is head.topics and tail.topics:
        topics = _weak_head_yields(head.topics, tail.topics)
    if topics is head.topics and tail.topics and tail.topics[0].slug in {t.slug for t in head.topics}:
        # a tail read alone as the same story (its primary is one of the head's topics) may be about something
        # more the head never reached (the jump cut the head before its paragraph on women's clauses or on
        # safety): its secondary topics are secondaries of the whole item, after the head's own. A tail that reads
        # as another story (劳模 sent to workshops closing a training campaign) adds nothing
        have = {t.slug for t in topics}
        extra = [t for t in tail.topics[1:] if t.slug not in have and not _is_fallback(t)]
        topics = (*topics, *extra)[:_MAX_TOPICS]
    return {"regions": regions, "mentioned_places": tuple(mentioned),
            "ambiguities": head.ambiguities + tail.ambiguities,
            "topics": topics,
            "keywords": head.keywords or tail.keywords}


def stitch_continuations(pages: Sequence[Page]) -> list[Page]:
    """Join every tail ("上接第M版") to its head ("下转第N版") when both pages of the same date are present.

    A tail is matched only to heads on page M of the same date whose jump marker points at the tail's
    page; among several candidates the one whose title the tail reprints wins, else the one whose text
    shares most vocabulary with the tail (ties: page order). Unmatched halves stay as they are and keep their continuation links.
    """
    by_issue_page: dict[tuple[str, int], int] = {}
    for position, page in enumerate(pages):
        if page.date and page.page is not None:
            by_issue_page.setdefault((page.date, page.page), position)

    # (head page position, head item index) -> list of (tail page position, tail item index)
    claims: dict[tuple[int, int], list[tuple[int, int]]] = {}
    claimed_heads: set[tuple[int, int]] = set()
    for tail_pos, page in enumerate(pages):
        if not page.date or page.page is None:
            continue
        for tail_idx, tail in enumerate(page.items):
            jump = tail.continued_from
            if jump is None or not tail.paragraphs:
                continue
            head_pos = by_issue_page.get((page.date, jump.page))
            if head_pos is None or head_pos == tail_pos:
                continue
            candidates = [
                (idx, item) for idx, item in enumerate(pages[head_pos].items)
                if item.continued_to is not None and item.continued_to.page == page.page
                and (head_pos, idx) not in claimed_heads and item.kind != "fragment"
            ]
            if not candidates:
                continue
            best_idx, _ = max(candidates, key=lambda c: (_same_title(c[1], tail), _overlap(c[1], tail), -c[0]))
            claimed_heads.add((head_pos, best_idx))
            claims.setdefault((head_pos, best_idx), []).append((tail_pos, tail_idx))

    if not claims:
        return list(pages)
    removed = {tail for tails in claims.values() for tail in tails}
    out: list[Page] = []
    for pos, page in enumerate(pages):
        items: list[Item] = []
        for idx, item in enumerate(page.items):
            if (pos, idx) in removed:
                continue
            for tail_pos, tail_idx in claims.get((pos, idx), ()):
                tail = pages[tail_pos].items[tail_idx]
                part = ContinuationPart(source=pages[tail_pos].source, page=pages[tail_pos].page,
                                        item_id=tail.id, title=tail.title,
                                        first_paragraph=len(item.paragraphs),
                                        source_lines=tail.source_lines)
                # a head printed with no title takes the one reprinted over the tail
                titled = item.title is None and tail.title is not None
                item = replace(item, **_reprinted_banner(item, tail))
                item = replace(
                    item,
                    title=tail.title if titled else item.title,
                    title_label=None if titled else item.title_label,
                    paragraphs=item.paragraphs + tail.paragraphs,
                    crossheads=item.crossheads + tuple(
                        replace(c, before=c.before + len(item.paragraphs)) for c in tail.crossheads),
                    trailer=item.trailer + tail.trailer,
                    byline=item.byline if item.byline.names() else tail.byline,
                    continuation_parts=(*item.continuation_parts, part),
                    **_carried_tags(item, tail),
                )
            items.append(item)
        out.append(replace(page, items=tuple(items)))
    return out
