"""Drafts -> items: headline roles, credits with their printed roles, body paragraphs (with text put back
from elsewhere on the page), crossheads, a missing opening, the label of an untitled half, and stable ids.

The stages before this one, in order: units.classify and units.join_splits (blocks -> units),
segment.segment (units -> drafts), orphans.attach_orphans (text printed away from its story). Pure.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..model import UNTITLED_LABEL, Byline, BylineRole, Crosshead, Item, Notice
from . import shapes
from .bylines import (
    Credits,
    Lead,
    credit_credits,
    is_byline_line,
    is_person_name,
    parse_byline_line,
    person_names,
    signature,
    signoff_credits,
    split_lead,
    trailer_credits,
)
from .headlines import ItemHeads, read_stack
from .segment import Draft
from .units import Unit, joined, starts_with_half_word, starts_with_headline_tail

_CAPTION_MAX_PARAGRAPHS = 4
_NUMBERED_CAPTION_MAX = 8
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_TITLE_BULLETS = "●◆▲★▶►"  # (■ opens a title as a rubric mark too: "■江口：…" keeps it, as it always has)


def build_item(draft: Draft, source: str, index: int, notices: list[Notice]) -> Item:
    """Turn a finished draft into an Item (ids are filled in later, once all items are known)."""
    heads = draft.heads
    if heads is None and draft.headlines:
        heads = _own_reading(draft)
    texts_of = [u.text for u in draft.headlines]

    def role(k: int | None) -> str | None:
        return texts_of[k] if k is not None else None

    columns = tuple(texts_of[k] for k in heads.columns) if heads else ()
    paragraphs = _paragraph_units(draft)
    texts = [u.text for u in paragraphs]
    lead: Lead | None = None
    # a headline with nothing under it reads the lead of its text put back from elsewhere, too
    if texts and (draft.paragraphs or paragraphs[0].lead is not None):
        lead = split_lead(texts[0])
        if lead is not None:
            texts[0] = lead.rest
    # a lead under the editors' note that opens the story ("编者按：…" then "本报长春9月2日电（记者…）…"): it credits the
    # story and dates it as an opening lead does, and stays printed in its paragraph (``lead`` is the first paragraph's)
    note_lead = split_lead(texts[1]) if lead is None and len(texts) > 1 and _opens_with_note(draft, paragraphs) \
        else None
    credit_lead = lead or note_lead
    byline = Byline()
    credited: list[BylineRole] = []
    raw_parts: list[str] = []
    for unit in draft.bylines:
        credits = _credits_of_line(unit.text)
        byline = _merge(byline, credits.byline)
        credited.extend(credits.roles)
        raw_parts.append(unit.text)
    if credit_lead is not None and (credit_lead.credit_text or not raw_parts):
        byline = _merge(byline, credit_lead.byline)
        credited[:0] = credit_lead.roles
        raw_parts.insert(0, credit_lead.text)
    for unit in paragraphs:
        if unit.signoff:
            credits = signoff_credits(unit.signoff)
            byline = _merge(byline, credits.byline)
            credited.extend(credits.roles)
            raw_parts.append(unit.signoff)
    for unit in draft.trailers:
        named = trailer_credits(unit.text)  # "（作者：name，系…）": the essay's author, named at its end
        if named is not None and not raw_parts:
            byline = _merge(byline, named.byline)
            credited.extend(named.roles)
            raw_parts.append(unit.text)
    credit = " ".join(c for c in (draft.credit_text, *draft.more_credits) if c) or None
    if credit:
        for part in (draft.credit_text, *draft.more_credits):
            credits = credit_credits(part or "")
            byline = _merge(byline, credits.byline)
            credited.extend(credits.roles)
        if not raw_parts:
            raw_parts.append(credit)
    texts, crossheads = _dedupe(texts, paragraphs, _crossheads(draft, len(paragraphs)), notices, source)
    for unit in paragraphs + draft.marker_units:
        for marker in (unit.marker_to, unit.marker_from):
            if marker is not None and marker is not draft.continued_to and marker is not draft.continued_from:
                notices.append(Notice(source, marker.line, "extra-jump-marker",
                                      f"a second jump marker {marker.marker} in one item was not kept"))
    tip = draft.tip.text if draft.tip else next((u.tip for u in paragraphs if u.tip), None)
    kind = _kind(draft, lead, byline, texts, columns)
    incomplete = _starts_incomplete(draft, texts)
    if incomplete and paragraphs:
        notices.append(Notice(source, paragraphs[0].first_line, "starts-incomplete",
                              "the story starts mid-sentence: its opening is not in the source"))
    # a title printed over two lines is one title: its lines join with nothing between (Chinese sets no space)
    title = "".join(t for t in (role(k) for k in (heads.title, *heads.title_more)) if t) if heads else None
    if title and title[:1] in _TITLE_BULLETS and len(title) > 1 and title[1] not in _TITLE_BULLETS + " \u3000":
        title = title[1:]  # a brief's title printed after a bullet ("●新昌电厂…"): the bullet is decoration, no headline text
    lines = sorted(set(draft.lines() + [n for u in draft.fragments for n in u.lines]))
    return Item(
        id="", source=source, index=index, kind=kind,  # type: ignore[arg-type]
        kicker=role(heads.kicker) if heads else None, title=title, subtitle=_subtitle(heads, role),
        title_label=None if title else _title_label(draft),
        column=columns[0] if columns else None, column_extra=columns[1:],
        byline=byline, byline_raw=" ".join(raw_parts) or None, byline_roles=_unique_roles(credited),
        lead=lead.text if lead else None, dateline=credit_lead.dateline if credit_lead else None,
        paragraphs=tuple(t for t in texts if t), crossheads=crossheads,
        reading_tip=tip, credit=credit,
        trailer=tuple(u.text for u in draft.trailers),
        continued_to=draft.continued_to, continued_from=draft.continued_from,
        starts_incomplete=incomplete,
        fragment_lines=tuple(sorted(n for u in draft.fragments for n in u.lines)),
        source_lines=tuple(lines),
    )


def _opens_with_note(draft: Draft, paragraphs: list[Unit]) -> bool:
    """The story's first paragraph is the editors' note ("编者按：…", or the note under an 编者按 label)."""
    if not draft.headlines or not paragraphs:
        return False
    return shapes.editor_note(paragraphs[0].text) or any(h.kind == "notelabel" for h in draft.headlines)


def _subtitle(heads: ItemHeads | None, role: Callable[[int | None], str | None]) -> str | None:
    """The 副题; a second ——line under the first is part of it (joined with a space, as two printed lines)."""
    if heads is None or heads.subtitle is None:
        return None
    return " ".join(t for t in (role(k) for k in (heads.subtitle, *heads.subtitle_more)) if t)


def _own_reading(draft: Draft) -> ItemHeads:
    """Roles of a headline group that did not come from a stack reading (a headline taken back from the
    story above a lead): read as one story."""
    reading = read_stack([u.text for u in draft.headlines])
    if len(reading.items) == 1 and not reading.signature:
        return reading.items[0]
    count = len(draft.headlines)
    return ItemHeads(title=0, subtitle=1 if count > 1 else None, columns=tuple(range(2, count)))


def _paragraph_units(draft: Draft) -> list[Unit]:
    """The draft's own paragraphs, then text put back from elsewhere; a last paragraph cut off
    mid-sentence runs on into the first block put back."""
    own = list(draft.paragraphs)
    extra = list(draft.fragments)
    if own and extra and not own[-1].marker_to and not own[-1].credit and not _closed(own[-1].text) \
            and extra[0].lead is None and not extra[0].marker_from:
        own[-1] = joined(own[-1], extra.pop(0))
    return own + extra


def _crossheads(draft: Draft, count: int) -> list[tuple[Unit, int]]:
    """Crosshead positions in the final paragraph list (one less after a cut-off paragraph ran on into
    the text put back)."""
    merged = len(draft.paragraphs) + len(draft.fragments) - count
    edge = len(draft.paragraphs)
    return [(unit, before - merged if before >= edge and merged else before) for unit, before in draft.crossheads]


def _closed(text: str) -> bool:
    return bool(text) and (text[-1] in "。！？!?…”’」』)）》" or text.endswith("——"))


def _credits_of_line(text: str) -> Credits:
    """A byline line, a signature ("安徽合肥 陈建军") or a bare author name ("李　强")."""
    if is_byline_line(text):
        return parse_byline_line(text)
    names = person_names(text)
    if names:  # "王晓红　李　明": co-authors under a title (before signature: not "place name")
        return Credits(Byline(authors=names), tuple(BylineRole(n, "") for n in names))
    signed = signature(text)
    if signed is not None:
        return signed
    name = text.strip(" \u3000")
    if is_person_name(name):
        return Credits(Byline(authors=(name,)), (BylineRole(name, ""),))
    return parse_byline_line(text)


def _starts_incomplete(draft: Draft, texts: list[str]) -> bool:
    """The story's opening is not in the source: its first paragraph starts mid-sentence. A half
    continued from another page starts where its marker says, so it is never incomplete."""
    if draft.continued_from is not None or not texts or not texts[0]:
        return False
    first = texts[0]
    if shapes.opens_mid_sentence(first):
        return True
    # text put back from elsewhere under a headline with nothing of its own: a cut word says the
    # opening was lost (a lone rare character, "务中心牵头…")
    moved = (not draft.paragraphs and bool(draft.fragments)) or (draft.orphan and not draft.headlines)
    return moved and (starts_with_half_word(first) or starts_with_headline_tail(first, draft.headline_text()))


def _title_label(draft: Draft) -> str:
    """An honest label for an untitled item: its jump marker as printed, never a cut sentence."""
    if draft.continued_from is not None:
        return draft.continued_from.marker
    return UNTITLED_LABEL


def _unique_roles(roles: list[BylineRole]) -> tuple[BylineRole, ...]:
    """Each name once, with the first role printed for it."""
    seen: dict[str, BylineRole] = {}
    for role in roles:
        seen.setdefault(role.name, role)
    return tuple(seen.values())


def _merge(a: Byline, b: Byline) -> Byline:
    def join(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
        return x + tuple(n for n in y if n not in x)

    return Byline(join(a.reporters, b.reporters), join(a.correspondents, b.correspondents),
                  join(a.photographers, b.photographers), join(a.authors, b.authors),
                  join(a.interns, b.interns))


# compiled once: _dedupe runs it twice on every paragraph
_WHITESPACE = re.compile(r"\s+")


def _dedupe(texts: list[str], units: list[Unit], heads: list[tuple[Unit, int]], notices: list[Notice],
            source: str) -> tuple[list[str], tuple[Crosshead, ...]]:
    """Drop a paragraph printed twice (reported); report a paragraph that repeats its own text."""
    kept: list[str] = []
    seen: dict[str, int] = {}
    new_index: list[int] = []  # old paragraph index -> kept index (for crosshead positions)
    for k, (text, unit) in enumerate(zip(texts, units, strict=True)):
        new_index.append(len(kept))
        key = _WHITESPACE.sub("", text)
        printed = _WHITESPACE.sub("", unit.text)  # with its lead: a first paragraph printed twice, lead and all
        if key and k > 0 and (key in seen or printed in seen):
            for line in unit.lines:
                notices.append(Notice(source, line, "duplicate-paragraph",
                                      f"paragraph repeats lines {seen.get(key) or seen[printed]}; the copy was dropped"))
            continue
        seen.setdefault(key, unit.first_line)
        seen.setdefault(printed, unit.first_line)
        half = len(key) // 2
        if len(key) >= 40 and len(key) % 2 == 0 and key[:half] == key[half:]:
            notices.append(Notice(source, unit.first_line, "repeated-text",
                                  "the paragraph holds the same passage twice (kept as printed)"))
        kept.append(text)
    new_index.append(len(kept))
    crossheads = tuple(Crosshead(u.text, new_index[min(max(before, 0), len(new_index) - 1)], u.first_line)
                       for u, before in heads)
    return kept, crossheads


def _kind(draft: Draft, lead: Lead | None, byline: Byline, texts: list[str], columns: tuple[str, ...] = ()) -> str:
    if not draft.headlines and draft.orphan and not draft.carried_over:
        return "fragment"
    limit = _NUMBERED_CAPTION_MAX if any(t[:1] in _CIRCLED for t in texts) else _CAPTION_MAX_PARAGRAPHS
    if draft.credit_text and lead is None and len(texts) <= limit and not draft.bylines:
        return "photo"  # a story with its own byline line is an article with a picture
    if byline.authors or any("作者" in u.text for u in draft.trailers):
        return "commentary"
    if columns and shapes.commentary_label(columns[0]) and lead is None:
        return "commentary"  # 短评/快评/时评/编后 printed over the title: the paper's comment, signed or not
    if draft.headlines and lead is not None and len(texts) == 1 and len(texts[0]) < 150:
        return "brief"
    return "article"


# ---------------------------------------------------------------------------------------------
# ids


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


_ID_OPENING_CHARS = 32


def item_id(source_name: str, title: str | None, body: str) -> str:
    """12 hex chars of sha1 over the page's source name and the item's normalised title, or for an
    untitled item its opening words: an id (and the article's URL) survives every edit of the body
    below its first line; when it does change, the build redirects the old URL (docs/site.md)."""
    titled = _norm(title)
    identity = titled if titled else "\x1e" + _norm(body)[:_ID_OPENING_CHARS]
    return hashlib.sha1(f"v2\x1f{source_name}\x1f{identity}".encode("utf-8", "surrogateescape")).hexdigest()[:12]


def legacy_item_id(source_stem: str, title: str | None, body: str) -> str:
    """The id archive-gen gave before version 0.2 (title and opening text): known so that its URLs,
    already published, redirect to the item's current page."""
    payload = "\x1f".join((source_stem, _norm(title), _norm(body)[:64]))
    return hashlib.sha1(payload.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def assign_ids(items: list[Item], source_name: str, taken: set[str] | None = None) -> list[Item]:
    """Stable ids; stories of one title on one page are told apart by their opening words, and a collision left
    (the same title and opening twice) by rehashing with a counter, in page order."""
    ids = item_ids(items, source_name, taken)
    return [replace(item, id=ident) for item, ident in zip(items, ids, strict=True)]


def item_ids(items: list[Item], source_name: str, taken: set[str] | None = None) -> list[str]:
    """The ids ``assign_ids`` gives, in order (for a caller that rebuilds the items anyway: one copy each)."""
    used = taken if taken is not None else set()
    # counters below the last one given to a base are all taken (``used`` only grows), so a page that
    # repeats one story thousands of times resumes there instead of rehashing from 1 every time
    last_counter: dict[str, int] = {}
    out: list[str] = []
    bases = [item_id(source_name, item.title, item.body_text) for item in items]
    shared = {base for base, n in Counter(bases).items() if n > 1}
    for item, base in zip(items, bases, strict=True):
        if base in shared:
            # stories of one title on one page (简讯, 图片新闻): each is told apart by its opening words too, not by
            # its place among them, so a story deleted or added beside the others never hands its URL (and its
            # readers) to another story; an edit of those opening words moves the URL, with a redirect
            base = _rehash(base, "\x1e" + _norm(item.body_text)[:_ID_OPENING_CHARS])
        counter = last_counter.get(base, 1)
        ident = base if counter == 1 else _rehash(base, counter)
        while ident in used:
            counter += 1
            ident = _rehash(base, counter)
        last_counter[base] = counter
        used.add(ident)
        out.append(ident)
    return out


def _rehash(base: str, counter: int | str) -> str:
    return hashlib.sha1(f"{base}#{counter}".encode()).hexdigest()[:12]
