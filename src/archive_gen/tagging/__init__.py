"""The tagger: regions (gazetteer + jieba), topics (taxonomy) and keywords (TF-IDF) for every item.

Public API:
    Tagger(config, engine=None)               cheap: reads the taxonomy, gazetteer and stop-words; the
                                              segmenter's engine and tables load on the first item
    Tagger.tag_item(item, year=None) -> Item  pure: the item with regions, topics and keywords filled
    Tagger.tag_page(page) -> Page             pure: every item of the page tagged (the page date gives the year,
                                              its masthead the paper: masthead_paper)
    Tagger.fingerprint                        == Tagger.fingerprint_for(config, engine)
    Tagger.fingerprint_for(config, engine)    cache key of the tags, computed without loading jieba
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..config import Config
from ..errors import ConfigError
from ..model import Evidence, Item, Page, RegionTag
from .gazetteer import Gazetteer
from .keywords import KeywordExtractor, KeywordSlugs, packaged_stopwords
from .regions import RegionTagger
from .segmented import Segmented, segment_item
from .segmenter import Engine, Segmenter, default_engine, segmenter_fingerprint, user_tables_dir
from .topics import Taxonomy, TopicTagger, load_taxonomy

__all__ = ["TAGGER_VERSION", "Segmented", "Tagger", "masthead_paper", "user_tables"]

# the stored tags' format: bump when what a cached tag holds changes shape (a rule change needs no bump: the key
# hashes the tagging code and data by content, fingerprint_for)
TAGGER_VERSION = "7"
TAXONOMY_POS = "nz"  # part-of-speech flag given to taxonomy terms in the private dictionary
# a division's level word closing its name; the stem before it (two characters at least) names it beside its chip
_LEVEL_WORD = re.compile(r"(.{2,}?)(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|特区|省|市|县|区|盟|旗)")
# a masthead line's words: the paper's name comes first, before a gap or a bar ("河南工人日报｜2007年6月19日")
_MASTHEAD_GAPS = re.compile(r"[\s\u3000|｜·•/]+")
_PAPER = re.compile(r"[\u4e00-\u9fff]{2,12}报")


def masthead_paper(page: Page) -> str | None:
    """The paper's name as the page's first masthead prints it ("四川工人日报" of "四川工人日报　2016年7月6日"), or
    None when the page prints no masthead naming a paper (a 版 line, a date line)."""
    for line in page.furniture:
        if line.kind == "masthead":
            first = _MASTHEAD_GAPS.split(line.text.strip(), maxsplit=1)[0]
            if _PAPER.fullmatch(first):
                return first
    return None


def _year(date: str | None) -> int | None:
    match = re.match(r"(\d{4})", date or "")
    return int(match.group(1)) if match else None


def user_tables(config: Config) -> Path | None:
    """The user's tables folder (``segmenter.user_tables_dir``) for a build of ``config``: never one inside
    its output, sources or cache. The tagger's tables and the loader's compiled patterns both go there."""
    return user_tables_dir((config.output, config.cache_dir, *config.sources))


class Tagger:
    """Everything tagging needs, built once per process: one Segmenter shared by regions, topics and
    keywords, and each item cut once (:class:`Segmented`) for all three."""

    def __init__(self, config: Config, *, engine: Engine | None = None) -> None:
        self.taxonomy: Taxonomy = load_taxonomy(config.taxonomy, config_file=config.config_file)
        self.stopwords = packaged_stopwords()
        self.gazetteer = Gazetteer.load(config.gazetteer_aliases, lines=config.override_lines,
                                        source=str(config.config_file) if config.config_file else None)
        # one tokenizer knows both vocabularies: a place name and a topic term never split each other; its
        # tables (and the keyword slugs) are the user's, shared by every archive, when there is a home for them
        tables = user_tables(config) or config.cache_dir / "jieba"
        self.segmenter = Segmenter(self.words(), cache_dir=tables, engine=engine)
        self._regions = RegionTagger(self.gazetteer, self.segmenter)
        self._topics = TopicTagger(self.taxonomy, self.segmenter)
        self._chip_memo: dict[str, frozenset[str]] = {}
        self._keywords = KeywordExtractor(self.segmenter, self.stopwords, KeywordSlugs(tables))
        self.fingerprint = self.fingerprint_for(config, self.segmenter.engine)

    def words(self) -> list[tuple[str, int | None, str | None]]:
        """The custom words of the segmenter: taxonomy terms and gazetteer names."""
        return [(w, None, TAXONOMY_POS) for w in self.taxonomy.words()] + self.gazetteer.segmenter_words()

    @staticmethod
    def fingerprint_for(config: Config, engine: Engine | None = None) -> str:
        """Hash of everything the tags depend on, without loading jieba or building a Tagger (~10 ms):
        the tagger version and code, the packaged data (gazetteer, taxonomy, stop-words), the configured
        taxonomy file and extensions, the gazetteer aliases, and the engine with its version."""
        resolved = engine or default_engine()
        digest = hashlib.sha256(f"archive-gen tagger {TAGGER_VERSION}".encode())
        package = resources.files(__package__)
        # the tagging code and its data files, by content (a change to a rule changes the key)
        for entry in sorted(_package_files(package), key=lambda e: e[0]):
            digest.update(b"\0" + entry[0].encode() + b"\0" + entry[1])
        if config.taxonomy.file is not None:
            try:
                digest.update(b"\0taxonomy\0" + Path(config.taxonomy.file).read_bytes())
            except OSError as exc:
                raise ConfigError(f"cannot read taxonomy: {exc.strerror or exc}",
                                  source=str(config.taxonomy.file)) from None
        digest.update(b"\0extend\0" + repr(config.taxonomy.extend).encode("utf-8"))
        digest.update(b"\0aliases\0" + repr(sorted(config.gazetteer_aliases.items())).encode("utf-8"))
        digest.update(b"\0engine\0" + segmenter_fingerprint((), resolved).encode())
        return digest.hexdigest()[:16]

    def segment(self, item: Item) -> Segmented:
        """The item's text fields cut once, as every part of the tagger reads them."""
        return segment_item(item, self.segmenter)

    def tag_item(self, item: Item, *, year: int | None = None, paper: str | None = None) -> Item:
        """The item with regions, mentioned places, ambiguities, topics and keywords filled; ``paper`` is the
        paper its page's masthead names (a provincial paper implies its province: docs/regions.md 9p)."""
        segmented = self.segment(item)
        regions, mentioned, ambiguities = self._regions.tag(item, year=year if year else _year(item.date),
                                                            segmented=segmented, paper=paper)
        return replace(item, regions=regions, mentioned_places=mentioned, ambiguities=ambiguities,
                       topics=self._topics.tag(item, segmented=segmented),
                       keywords=self._keywords.extract(item, segmented=segmented,
                                                       places=self._place_names((*regions, *mentioned))))

    def _place_names(self, tags: tuple[RegionTag, ...]) -> frozenset[str]:
        """Every name form of the tagged places and of the divisions above them, plus the text matched."""
        names: set[str] = set()
        for tag in tags:
            for code in (tag.region.code, *(code for code, _ in tag.region.ancestor_slugs)):
                names.update(self._chip_names(code))
            names.update(e.text for e in tag.evidence)
        return frozenset(names)

    def _chip_names(self, code: str) -> frozenset[str]:
        """The division's name forms plus each one's stem without its level word (浦东 of 浦东新区, 城关 of 城关区):
        the gazetteer keeps no short form for a name that is ambiguous as a place, but beside the chip of that very
        division the stem names it all the same, so it is no keyword (issue 18, keyword quality). Memoised."""
        found = self._chip_memo.get(code)
        if found is None:
            names = self.gazetteer.names_of(code)
            stems = {m.group(1) for name in names if (m := _LEVEL_WORD.fullmatch(name))}
            found = self._chip_memo[code] = names | stems
        return found

    def tag_page(self, page: Page) -> Page:
        """The page with every item tagged; the page's date gives the year for historic place names, its
        masthead the paper (``masthead_paper``)."""
        year = _year(page.date)
        paper = masthead_paper(page)
        items = [self.tag_item(item, year=year, paper=paper) for item in page.items]
        return replace(page, items=tuple(self._page_context(items, year)))

    def _page_context(self, items: list[Item], year: int | None) -> list[Item]:
        """Items whose one place name two divisions share and nothing in the item decides (通州区: 北京's or 南通's)
        placed by their page: the candidate in the province that at least PAGE_CONTEXT_ITEMS other items of the page
        are tagged in, when no other item is tagged in another candidate's province (a 劳动午报 权益 page of 丰台区,
        海淀区 and 北京市总工会 items; heldout_tagging47, rule 71). A page naming neither, or both, decides nothing."""
        if len(items) <= PAGE_CONTEXT_ITEMS:
            return items
        placed = [{tag.region.province for tag in item.regions} for item in items]
        out = list(items)
        for index, item in enumerate(items):
            if item.regions or not item.ambiguities:
                continue
            sets = {a.candidates for a in item.ambiguities}
            if len(sets) != 1:
                continue
            candidates = next(iter(sets))
            provinces = {code: self.gazetteer.region(code, year).province for code in candidates}
            if len(set(provinces.values())) != len(candidates):
                continue  # two candidates in one province: the page's province cannot choose
            support = {code: sum(1 for other, found in enumerate(placed) if other != index and province in found)
                       for code, province in provinces.items()}
            chosen = [code for code, count in support.items() if count >= PAGE_CONTEXT_ITEMS]
            if len(chosen) != 1 or any(count for code, count in support.items() if code != chosen[0]):
                continue
            code = chosen[0]
            evidence = tuple(Evidence(a.text, a.field, _offset(item, a.field, a.text)) for a in item.ambiguities)
            tag = RegionTag(region=self.gazetteer.region(code, year), evidence=evidence[:8], score=PAGE_CONTEXT_SCORE)
            out[index] = replace(item, regions=(tag,),
                                 ambiguities=tuple(replace(a, resolved_to=code) for a in item.ambiguities))
        return out


PAGE_CONTEXT_ITEMS = 2  # other items of a page placed in a candidate's province that place an undecided name there
PAGE_CONTEXT_SCORE = 0.5  # a region placed by the page: the weight of a body mention


def _offset(item: Item, field: str, text: str) -> int:
    """Where ``text`` is in the item's ``field`` (title, subtitle, paragraph:N), or 0."""
    if field.startswith("paragraph:"):
        at = int(field.partition(":")[2])
        value = item.paragraphs[at] if at < len(item.paragraphs) else ""
    else:
        value = getattr(item, field, None) or ""
    return max(value.find(text), 0) if isinstance(value, str) else 0


def _package_files(package: Traversable) -> list[tuple[str, bytes]]:
    """(relative path, bytes) of the tagging package's code and data (no caches)."""
    files: list[tuple[str, bytes]] = []
    for entry in package.iterdir():
        if entry.name.startswith((".", "__pycache__")):
            continue
        if entry.is_dir():
            files.extend((f"{entry.name}/{name}", data) for name, data in _package_files(entry))
        elif entry.name.endswith((".py", ".txt", ".tsv", ".yaml")):
            files.append((entry.name, entry.read_bytes()))
    return files
