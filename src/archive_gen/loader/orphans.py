"""Text printed away from its story, put back: orphan blocks (body text with no headline over it), tails
printed under an unrelated story after a jump marker, and tails that run on from a story cut short.

Owners are found by shared vocabulary (bigrams weighted by how rare they are on the page). A story that
is waiting for text — a headline with nothing under it, or a last paragraph that stops mid-sentence —
is the likeliest owner. Pure.
"""

from __future__ import annotations

from ..model import Continuation, Notice
from . import shapes
from .bylines import house_author
from .segment import Draft, bigrams, idf, weighted_share
from .units import Unit, starts_with_half_word, starts_with_headline_tail

_OWNER_MIN_SCORE = 0.15
# A printed page holds a few dozen stories. Matching compares stories pairwise, so on a file of
# thousands of stories (many pages joined into one) orphans look only at stories near them and
# tails are not matched at all: the file still loads in linear time and loses nothing.
_NEIGHBOURHOOD = 60
_PAGE_STORIES_MAX = 2 * _NEIGHBOURHOOD
_FOREIGN_TAIL_MAX = 0.05  # a tail sharing less than this with its host's own text is foreign to it
_TAIL_OWNER_MIN = 0.08
_STRAY_OWNER_MIN = 0.2  # a tail with no jump marker needs more evidence to leave its host
_WAITING_BONUS = 1.5  # a story waiting for text is the likelier owner
_SILENT = 0.08  # a share of words this low says nothing either way
_CARRIED_OVER = (
    "body text opening the page with no headline, claimed by no story on it: the rest of a story begun on "
    "another page; kept as an untitled item"
)


def attach_orphans(drafts: list[Draft], notices: list[Notice], source: str) -> list[Draft]:
    """Give orphan blocks back to the story they continue; unmatched ones stay as fragments."""
    if len(drafts) > _PAGE_STORIES_MAX:
        notices.append(Notice(source, None, "many-stories",
                              f"{len(drafts)} stories in one file (several pages joined?): story tails after "
                              "jump markers were not matched"))
    else:
        _move_jumped_tails(drafts, notices, source)
        _move_stray_tails(drafts, notices, source)
    if not any((d.orphan or _headless_lead(d)) and d.paragraphs and not d.headlines for d in drafts):
        return drafts
    weights = idf([bigrams(d.headline_text() + d.body_text()) for d in drafts])
    kept: list[Draft] = []
    for position, draft in enumerate(drafts):
        if _headless_lead(draft):
            # a story printed with its run-in lead but no headline, right after another story: the text of a
            # headline with nothing under it elsewhere on the page, when its words say so; else it stays untitled
            nearby = drafts[max(0, position - _NEIGHBOURHOOD): position + _NEIGHBOURHOOD + 1]
            waiting = [d for d in nearby if d.headlines and not d.orphan and d.bodiless and not d.credit_text]
            owner = _best_owner(draft, waiting, weights) if waiting else None
            if owner is not None and _score(draft.body_text(), owner, weights) >= _OWNER_MIN_SCORE:
                _absorb(owner, draft)
            else:
                kept.append(draft)
            continue
        if not draft.orphan or not draft.paragraphs or draft.headlines or draft.credit_text:
            kept.append(draft)
            continue
        nearby = drafts[max(0, position - _NEIGHBOURHOOD): position + _NEIGHBOURHOOD + 1]
        owner = _best_owner(draft, [d for d in nearby if d.headlines and not d.orphan], weights)
        if owner is None:
            kept.append(draft)
            if not any(d.headlines for d in drafts[:position]):
                # above every headline of the page there is no story for it to continue: it is the rest of a story
                # begun on an earlier page (its jump marker lost or never printed), an untitled item of its own as a
                # half under "(上接第1版)" is, and no fragment of a story on this page
                draft.carried_over = True
                notices.append(Notice(source, draft.paragraphs[0].first_line, "orphan-block", _CARRIED_OVER))
                continue
            notices.append(Notice(source, draft.paragraphs[0].first_line, "orphan-block",
                                  "body text with no headline and no matching story on the page; kept as a fragment"))
            continue
        _absorb(owner, draft)
    return kept


def _headless_lead(draft: Draft) -> bool:
    """Text that opens with a run-in lead ("本报讯（…）") under no headline, and is no continued half."""
    return not draft.orphan and not draft.headlines and bool(draft.paragraphs) \
        and draft.paragraphs[0].lead is not None and draft.continued_from is None and not draft.credit_text


def _absorb(owner: Draft, orphan: Draft) -> None:
    """Everything an orphan block carries goes to its owner: text, signatures, crossheads, markers."""
    offset = len(owner.paragraphs) + len(owner.fragments)
    owner.crossheads.extend((unit, offset + before) for unit, before in orphan.crossheads)
    owner.fragments.extend(orphan.paragraphs)
    owner.bylines.extend(orphan.bylines)
    owner.continued_to = owner.continued_to or orphan.continued_to
    owner.marker_units.extend(orphan.marker_units)
    owner.decor.extend(orphan.decor)
    owner.trailers.extend(orphan.trailers)
    owner.tip_lines.extend(orphan.tip_lines)
    if orphan.tip is not None:
        if owner.tip is None:
            owner.tip = orphan.tip
        else:
            owner.fragments.append(orphan.tip)  # a second box: its text is kept with the story


def _score(text: str, candidate: Draft, weights: dict[str, float]) -> float:
    grams, head = bigrams(text), bigrams(candidate.headline_text())
    return max(weighted_share(head, grams, weights),
               weighted_share(grams, head | bigrams(candidate.body_text()), weights))


def _best_owner(orphan: Draft, candidates: list[Draft], weights: dict[str, float]) -> Draft | None:
    """The story an orphan body continues: its headline words recur in the orphan, or its body shares
    the orphan's vocabulary; a story waiting for text is the likeliest owner. When the words decide
    nothing, the one headline near it with nothing under it takes it (a headline and its text share few
    words more often than a page holds two bodiless headlines); with no such headline, the one story cut off
    mid-sentence that the block reads on from."""
    text = orphan.body_text()
    best: tuple[float, int] | None = None
    for index, cand in enumerate(candidates):
        if cand.credit_text:
            continue  # photos do not continue elsewhere
        score = _score(text, cand, weights)
        if cand.bodiless or cand.dangling:
            score *= _WAITING_BONUS
        if cand.continued_to and orphan.continued_to:
            score *= 0.5  # it already jumps elsewhere
        if best is None or score > best[0]:
            best = (score, index)
    if best is None or best[0] < _OWNER_MIN_SCORE:
        bodiless = [cand for cand in candidates if cand.bodiless and not cand.credit_text]
        if bodiless:
            return bodiless[0] if len(bodiless) == 1 else None
        # no headline waits: the one story cut off mid-sentence that the block reads on from takes it
        cut = [cand for cand in candidates if cand.dangling and not cand.credit_text and cand.paragraphs
               and _reads_on(cand.paragraphs[-1].text, text)]
        return cut[0] if len(cut) == 1 else None
    return candidates[best[1]]


def _move_jumped_tails(drafts: list[Draft], notices: list[Notice], source: str) -> None:
    """A story's tail printed under another story: the host's last blocks end with a jump marker, share
    almost nothing with the host's own text, and read on from a story that has no jump marker.

    Jumps are far more common for bylined features than for 本报讯 dispatches, so owners without a
    run-in lead count double.
    """
    for host in drafts:
        marker = host.continued_to
        if marker is None or len(host.paragraphs) < 3 or host.paragraphs[-1].marker_to is not marker:
            continue
        # the paper's commentator (本报评论员) writes on the page's own news, in its words: sharing them is no sign
        # that a jumped tail is the commentary's, and a reported tail ("…负责人表示，…") is not; nor is a piece under
        # a commentary label (短评, 快评, 编后: the paper's comment on the news beside it, unsigned or not)
        owners = [d for d in drafts if d is not host and d.headlines and not d.continued_to and not d.credit_text
                  and not any(house_author(u.text) for u in d.bylines)
                  and not (len(d.headlines) >= 2 and shapes.commentary_label(d.headlines[0].text))]
        if not owners:
            continue
        owner_grams = [bigrams(d.headline_text() + d.body_text()) for d in owners]
        para_grams = [bigrams(u.text) for u in host.paragraphs]
        weights = idf([bigrams(host.headline_text()).union(*para_grams[:2]),
                       set().union(*para_grams[2:]), *owner_grams])
        for cut in range(2, len(host.paragraphs)):
            tail = set().union(*para_grams[cut:])
            head = bigrams(host.headline_text()).union(*para_grams[:cut])
            own = weighted_share(tail, head, weights)
            if own > _FOREIGN_TAIL_MAX:
                continue
            scored = []
            for k, (other, grams) in enumerate(zip(owners, owner_grams, strict=True)):
                theirs = weighted_share(tail, grams, weights)
                if other.paragraphs and other.paragraphs[0].lead is None:
                    theirs *= 2
                scored.append((theirs, -k))
            theirs, neg_k = max(scored)
            if theirs >= _TAIL_OWNER_MIN and theirs >= 3 * own:
                _hand_over(host, cut, owners[-neg_k], marker, notices, source)
                break


def _move_stray_tails(drafts: list[Draft], notices: list[Notice], source: str) -> None:
    """The rest of a story that is waiting for text (a headline with nothing under it, or a paragraph cut
    off mid-sentence), printed after an unrelated story with no gap: the host's last paragraphs read on
    from the waiting story and share little with the host's own text.

    The cut must follow a finished sentence of the host; a tail that opens mid-sentence or mid-word is
    stronger evidence than vocabulary alone.
    """
    waiting = [d for d in drafts if d.bodiless or d.dangling]
    if not waiting:
        return
    weights = idf([bigrams(d.headline_text() + d.body_text()) for d in drafts])
    owner_grams = {id(d): (bigrams(d.headline_text()), bigrams(d.headline_text() + d.body_text())) for d in waiting}
    for host in drafts:
        if host in waiting or not host.headlines or len(host.paragraphs) < 2 or host.continued_to:
            continue
        grams = [bigrams(u.text) for u in host.paragraphs]
        head = bigrams(host.headline_text())
        best: tuple[float, int, Draft] | None = None
        for cut in range(1, len(host.paragraphs)):
            first = host.paragraphs[cut]
            if first.lead is not None or first.marker_from or not _ends_sentence(host.paragraphs[cut - 1].text):
                continue
            if any(before >= cut for _unit, before in host.crossheads):
                continue  # a tail with a crosshead of the host in it is the host's own text
            if any(unit.credit for unit in host.paragraphs[cut:]):
                continue  # a caption with its credit glued on closes the host's photo: it is no stray tail
            tail = set().union(*grams[cut:])
            own_all = head.union(*grams[:cut])
            own = _grams_score(tail, head, own_all, weights)
            first_own = _grams_score(grams[cut], head, own_all, weights)
            broken = shapes.opens_mid_sentence(first.text) or starts_with_half_word(first.text)
            # a tail that starts mid-word or mid-sentence needs less: it cannot open the host's paragraph
            for owner in waiting:
                owner_head, owner_all = owner_grams[id(owner)]
                theirs = _grams_score(tail, owner_head, owner_all, weights)
                # a tail that opens inside a word of the owner's headline ("卫工人…" under "…环卫工人…")
                cut_word = not broken and owner.bodiless and starts_with_headline_tail(first.text, owner.headline_text())
                needed, ratio = (_TAIL_OWNER_MIN, 1.0) if broken or cut_word else (_STRAY_OWNER_MIN, 2.0)
                if theirs < needed or theirs <= ratio * own:
                    continue
                if _grams_score(grams[cut], owner_head, owner_all, weights) <= first_own:
                    continue  # the tail's first paragraph must itself read on from the owner
                if owner.dangling and not _reads_on(owner.paragraphs[-1].text, first.text) and not broken:
                    continue
                margin = theirs - 2 * own
                if best is None or margin > best[0]:
                    best = (margin, cut, owner)
        if best is None and host is drafts[-1]:
            best = _silent_tail(host, grams, head, waiting, owner_grams, weights)
        if best is not None:
            _, cut, owner = best
            _hand_over(host, cut, owner, None, notices, source)
            waiting.remove(owner)


def _silent_tail(host: Draft, grams: list[set[str]], head: set[str], waiting: list[Draft],
                 owner_grams: dict[int, tuple[set[str], set[str]]],
                 weights: dict[str, float]) -> tuple[float, int, Draft] | None:
    """When the words decide nothing: the last story of the page ends with paragraphs that share almost
    nothing with its own text (and nothing with anything else, or a little with the story cut off), and one story
    on the page stops mid-sentence: the first
    such paragraph after a finished sentence, if it reads on from the cut, is that story's rest (as an orphan
    block with no owner by its words goes to the one story cut off that it reads on from)."""
    dangling = [d for d in waiting if d.dangling and not d.bodiless and d.paragraphs]
    if len(dangling) != 1 or len(waiting) != 1:
        return None
    owner = dangling[0]
    owner_head, owner_all = owner_grams[id(owner)]
    for cut in range(1, len(host.paragraphs)):
        first = host.paragraphs[cut]
        if first.lead is not None or first.marker_from or not _ends_sentence(host.paragraphs[cut - 1].text):
            continue
        if any(before >= cut for _unit, before in host.crossheads) or any(u.credit for u in host.paragraphs[cut:]):
            continue
        tail = set().union(*grams[cut:])
        own = _grams_score(tail, head, head.union(*grams[:cut]), weights)
        theirs = _grams_score(tail, owner_head, owner_all, weights)
        # the words say nothing of the host; of the owner they say nothing either, or speak for it (a share too
        # small for a tail that opens on a whole word, "冬季欠薪专项检查，…确保农民工…工资" after "…联合工会开展")
        if own < _SILENT and (theirs < _SILENT or theirs > own) and _reads_on(owner.paragraphs[-1].text, first.text):
            return (0.0, cut, owner)
    return None


def _grams_score(text: set[str], head: set[str], whole: set[str], weights: dict[str, float]) -> float:
    """How well text reads as part of a story: its headline's words recur in the text, or the text's
    words are the story's."""
    return max(weighted_share(head, text, weights), weighted_share(text, whole, weights))


def _ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in "。！？!?…”’」』)）》"


def _reads_on(dangling: str, start: str) -> bool:
    """The start of a block can follow a paragraph cut mid-sentence: it does not open a new one with a
    quote or a bracket."""
    return bool(start) and start[0] not in "“「『《(（【" and not dangling.endswith(("。", "！", "？"))


def _hand_over(host: Draft, cut: int, owner: Draft, marker: Continuation | None, notices: list[Notice],
               source: str) -> None:
    tail_units: list[Unit] = host.paragraphs[cut:]
    host.paragraphs = host.paragraphs[:cut]
    owner.fragments.extend(tail_units)
    if marker is not None:
        host.continued_to = None
        owner.continued_to = marker
    notices.append(Notice(source, tail_units[0].first_line, "moved-tail",
                          f"lines {tail_units[0].first_line}-{tail_units[-1].lines[-1]} continue "
                          f"“{_short(owner)}” ({'jump marker and ' if marker else ''}shared vocabulary)"))


def _short(draft: Draft) -> str:
    return (draft.headlines[0].text if draft.headlines else draft.body_text())[:20]
