"""The tagger: regions (gazetteer + jieba), topics (taxonomy) and keywords (TF-IDF) for every item.

Public API:
    Tagger(config)                            builds the private segmenter once (gazetteer + taxonomy words)
    Tagger.tag_item(item, year=None) -> Item  pure: the item with regions, topics and keywords filled
    Tagger.tag_page(page) -> Page             pure: every item of the page tagged (the page date gives the year)
    Tagger.fingerprint                        hash of tagger version + taxonomy + gazetteer + stop-words
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from ..config import Config
from ..model import Item, Page
from .gazetteer import Gazetteer
from .keywords import KeywordExtractor, packaged_stopwords
from .regions import RegionTagger
from .segmenter import Segmenter
from .topics import Taxonomy, TopicTagger, load_taxonomy

__all__ = ["TAGGER_VERSION", "Tagger"]

# bump when tagging rules change so that cached tags from an older version are not reused
TAGGER_VERSION = "1"
TAXONOMY_POS = "nz"  # part-of-speech flag given to taxonomy terms in the private dictionary


def _year(date: str | None) -> int | None:
    match = re.match(r"(\d{4})", date or "")
    return int(match.group(1)) if match else None


class Tagger:
    """Everything tagging needs, built once per process: one Segmenter, regions, topics, keywords."""

    def __init__(self, config: Config) -> None:
        self.taxonomy: Taxonomy = load_taxonomy(config.taxonomy, config_file=config.config_file)
        self.stopwords = packaged_stopwords()
        self.gazetteer = Gazetteer.load(config.gazetteer_aliases, lines=config.override_lines,
                                        source=str(config.config_file) if config.config_file else None)
        # one tokenizer knows both vocabularies: a place name and a topic term never split each other
        words = [(w, None, TAXONOMY_POS) for w in self.taxonomy.words()] + self.gazetteer.segmenter_words()
        self.segmenter = Segmenter(words, cache_dir=config.cache_dir / "jieba")
        self._regions = RegionTagger(self.gazetteer, self.segmenter)
        self._topics = TopicTagger(self.taxonomy, self.segmenter)
        self._keywords = KeywordExtractor(self.segmenter, self.stopwords)
        digest = hashlib.sha256(f"archive-gen tagger {TAGGER_VERSION}".encode())
        for part in (self.taxonomy.fingerprint, self.gazetteer.fingerprint,
                     self.segmenter.fingerprint, "\n".join(self.stopwords)):
            digest.update(b"\0" + part.encode("utf-8"))
        self.fingerprint = digest.hexdigest()[:16]

    def tag_item(self, item: Item, *, year: int | None = None) -> Item:
        """The item with regions, mentioned places, ambiguities, topics and keywords filled."""
        regions, mentioned, ambiguities = self._regions.tag(item, year=year if year else _year(item.date))
        return replace(item, regions=regions, mentioned_places=mentioned, ambiguities=ambiguities,
                       topics=self._topics.tag(item), keywords=self._keywords.extract(item))

    def tag_page(self, page: Page) -> Page:
        """The page with every item tagged; the page's date gives the year for historic place names."""
        year = _year(page.date)
        return replace(page, items=tuple(self.tag_item(item, year=year) for item in page.items))
