"""Keywords: 5–10 TF-IDF words per item from the item's shared tokens, with parts of speech and IDF
looked up in jieba's dictionary (no part-of-speech tagging at run time) and domain stop-words."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

from ..model import Item, Keyword
from ..urls import keyword_slug
from .segmented import Segmented, segment_item
from .segmenter import KeywordLexicon, Segmenter

MIN_KEYWORDS = 5
MAX_KEYWORDS = 10
RELATIVE_CUTOFF = 0.25  # beyond the first MIN_KEYWORDS, keep words weighing this share of the best
# parts of speech worth indexing: nouns, place/organisation names, verbal nouns, idioms, our terms;
# person names (nr) are bylines and quotes, not subjects, and numbers/adverbs never are. A word the
# dictionary does not know (found by jieba's HMM) is skipped: most of them are people's names.
KEYWORD_POS = ("n", "nz", "ns", "nt", "nrt", "vn", "l", "i", "j", "eng", "an")
# an item with fewer than MIN_KEYWORDS of those fills up with its best verbs and adjectives (采摘, 丰收):
# still no stop-words, names, numbers or single characters
FILL_POS = ("v", "vd", "a", "ad")
_NOT_A_WORD = re.compile(r"[\d０-９%％.·\-_/]|^[A-Za-z]$")
# a headline says what the item is about: its words count as often as this in the TF part
TITLE_REPEAT = 2
HEADLINE_FIELDS = ("kicker", "title", "subtitle")
BODY_FIELDS = ("paragraph", "caption", "reading_tip")


def packaged_stopwords() -> tuple[str, ...]:
    """The stop-words shipped in ``tagging/data/stopwords*.txt``, sorted and unique."""
    data = resources.files(__package__).joinpath("data")
    words: set[str] = set()
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("stopwords") and entry.name.endswith(".txt"):
            words.update(parse_stopwords(entry.read_text(encoding="utf-8")))
    return tuple(sorted(words))


def parse_stopwords(text: str) -> list[str]:
    """One word a line; blank lines and ``#`` comments are skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class KeywordExtractor:
    """TF-IDF keywords for an item: the headline (counted twice) plus the body, stop-words removed.

    Ordering is deterministic: weight descending, then the word. Words are the folded tokens
    (full-width Latin letters as ASCII), so the same word is one keyword however it was printed.
    """

    def __init__(self, segmenter: Segmenter, stopwords: Iterable[str]) -> None:
        self._segmenter = segmenter
        self.stopwords = frozenset(stopwords)

    @functools.cached_property
    def _lexicon(self) -> KeywordLexicon:
        return self._segmenter.keyword_lexicon(KEYWORD_POS)  # loaded on the first item, not at start-up

    @functools.cached_property
    def _fill_lexicon(self) -> KeywordLexicon:
        return self._segmenter.keyword_lexicon(KEYWORD_POS + FILL_POS)  # loaded on the first short item

    def _candidates(self, lexicon: KeywordLexicon, tokens: list[str]) -> list[tuple[str, float]]:
        return [(word, weight) for word, weight in lexicon.tfidf(tokens, self.stopwords)
                if len(word) >= 2 and not _NOT_A_WORD.search(word)]

    def extract(self, item: Item, *, segmented: Segmented | None = None) -> tuple[Keyword, ...]:
        """5–10 keywords (fewer only when a short item has no more candidates); ``segmented`` is the item's
        tokens when the caller has them."""
        if segmented is None:
            segmented = segment_item(item, self._segmenter)
        tokens = segmented.tokens(*HEADLINE_FIELDS) * TITLE_REPEAT + segmented.tokens(*BODY_FIELDS)
        if not tokens:
            return ()
        scored = self._candidates(self._lexicon, tokens)
        if len(scored) < MIN_KEYWORDS:
            # a short item: the nouns it has, then its best other words, weighed together
            wide = self._candidates(self._fill_lexicon, tokens)
            keep = {word for word, _ in scored}
            keep.update([word for word, _ in wide if word not in keep][:MIN_KEYWORDS - len(keep)])
            scored = [pair for pair in wide if pair[0] in keep]
        if not scored:
            return ()
        best = scored[0][1]
        kept = [pair for i, pair in enumerate(scored[:MAX_KEYWORDS])
                if i < MIN_KEYWORDS or pair[1] >= RELATIVE_CUTOFF * best]
        return tuple(Keyword(word=word, weight=round(weight, 6), slug=keyword_slug(word)) for word, weight in kept)
