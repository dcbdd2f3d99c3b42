"""The record stage: page files -> parsed and tagged pages -> halves stitched -> summaries and search docs.

Keys, all computed here from what the stage reads and runs:

- **record key** of a page: the code of the parse and tag functions (``fingerprint.function_key``: their
  modules and everything those import), the tagger's reading of the config (``Stages.tag_key``), and the
  page's bytes, source name and ``pages:`` override. One cache entry ("pages") holds the full tagged page.
- **summary key**: the record key, or, for a page whose jump markers can join it to another page of its
  date, a hash over that date's marker pages (stitching reads them all). It keys the page's search
  documents ("docs") and its entry in the summary store.

Summaries (``model.PageSummary``) are all a build reads of unchanged pages; full records are loaded from
the cache only for the pages that must be rendered (``RecordStore``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import BrokenExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from . import urls
from .archive import tags_key
from .cache import BuildCache, Unsaved, digest, sha256_bytes
from .config import Config, PageOverride
from .fingerprint import code_key
from .loader import conservation, parse_source
from .loader.decode import normalise_newlines
from .loader.items import legacy_item_id
from .loader.stitch import stitch_continuations
from .model import (
    ABSTRACT_CHARS,
    SNIPPET_CHARS,
    Item,
    ItemSummary,
    Notice,
    Page,
    PageSummary,
    Region,
    cut,
    name_key,
)
from .patterns import adopt_programs, programs_key, programs_to_keep
from .pools import ForkPool, fork_pool
from .search import SearchDoc, search_doc
from .sources import (
    CHANGING,
    CHANGING_MESSAGE,
    Discovery,
    SourceFile,
    discover,
    no_page_files,
    read_bytes,
    read_steady,
)
from .tagging import Tagger, user_tables
from .tagging.gazetteer import Gazetteer
from .tagging.segmenter import read_table, write_table
from .tagging.topics import load_taxonomy

MAX_PAGE_BYTES = 256 << 20  # a bigger "page" is not a page (and would not fit a worker's memory twice)
SUMMARY_FORMAT = 4
LOADED_PAGES = 256  # full page records a RecordStore keeps after reading them back from the cache
STATE_KEY = digest("build-state", 1)[:64]

ProgressFn = Callable[[str, int, int], None]


class TaggerLike(Protocol):
    """What the record stage needs of a tagger."""

    def tag_page(self, page: Page) -> Page: ...


def check_tagging_config(config: Config) -> None:
    """Read the configured taxonomy and gazetteer aliases the way the tagger does, so a bad one stops the
    run at once (ConfigError naming its line) instead of failing every page later."""
    if config.taxonomy.file is not None or config.taxonomy.extend:
        load_taxonomy(config.taxonomy, config_file=config.config_file)
    if config.gazetteer_aliases:
        shown = str(config.config_file) if config.config_file else "archive.yaml"
        Gazetteer.load(config.gazetteer_aliases, source=shown, lines=config.override_lines)


@dataclass(frozen=True)
class Stages:
    """The record functions a build runs; module-level functions, so worker processes can run them.

    A test passes its own (a parse that crashes, a tagger that counts its constructions); their code is
    part of the record keys like the real ones', so different stages never share cache entries.
    """

    parse: Callable[[bytes, str, PageOverride | None], tuple[Page, str]] = parse_source
    # the tagger's own names, not wrappers here: a stage's key is its module's code (the tagging package)
    make_tagger: Callable[[Config], TaggerLike] = Tagger
    tag_inputs: Callable[[Config], str] = Tagger.fingerprint_for
    conservation: Callable[[str, Page], list[Notice]] = conservation


def function_key(fn: Callable[..., object]) -> str:
    """The code behind a stage function: its name and everything its module imports."""
    module = getattr(fn, "__module__", "") or ""
    name = getattr(fn, "__qualname__", repr(fn))
    return digest(module, name, code_key(module) if module.startswith("archive_gen") else _foreign_code(fn))


def _foreign_code(fn: Callable[..., object]) -> str:
    """A stage from outside the package (a test's): the source file of its module."""
    code = getattr(fn, "__code__", None)
    filename = code.co_filename if code is not None else ""
    try:
        return sha256_bytes(Path(filename).read_bytes())
    except OSError:
        return filename


@dataclass(frozen=True)
class StageKeys:
    """The parts of every record key that do not depend on the page."""

    parse: str
    tag: str
    summary: str  # stitching, summaries and search documents

    @classmethod
    def of(cls, stages: Stages, config: Config) -> StageKeys:
        parse = digest(function_key(stages.parse), function_key(stages.conservation))
        tag = digest(function_key(stages.make_tagger), function_key(stages.tag_inputs), stages.tag_inputs(config))
        return cls(parse, tag, digest(code_key(__name__), SNIPPET_CHARS))

    def page_key(self, source: str, sha: str, override: PageOverride | None) -> str:
        """The key of a page's parse (cache "pages" holds the parse and, beside it, its latest tagging)."""
        return digest(self.parse, source, sha, repr(override))

    def record_key(self, page_key: str) -> str:
        """The key of a page's tagged records."""
        return digest(page_key, self.tag)


# ---------------------------------------------------------------------------------------------
# records of the stage

@dataclass(frozen=True)
class PageEntry:
    """One source file's records as cached under its page key: the parse (or the failed one), --strict's
    check of it, and its tagging under ``tag_key`` (a new tagger re-tags the parse, never re-parses)."""

    parsed: Page
    conservation: tuple[Notice, ...] | None  # None: not checked yet
    tag_key: str = ""
    tagged: Page | None = None  # None: failed to parse, or not tagged yet
    lines: tuple[str, ...] | None = None  # the decoded text's lines (source_lines); None: an entry made
    #                                      before the text was kept, parsed again when met

    def page(self, tag_key: str) -> Page | None:
        """The tagged page under ``tag_key`` (a failed parse is final as it is), or None."""
        if self.parsed.failed:
            return self.parsed
        return self.tagged if self.tag_key == tag_key and self.tagged is not None else None


@dataclass(frozen=True)
class StoredPage:
    """What the summary store keeps of one source between builds."""

    page_key: str
    record_key: str
    summary_key: str
    summary: PageSummary
    stitchable: bool  # has jump markers and a date and page number: its date's marker pages are read together
    conservation: tuple[Notice, ...] | None


@dataclass
class RecordSet:
    """What the stage found: a summary per source (discovery order) and how it got them."""

    pages: tuple[PageSummary, ...]
    stored: dict[str, StoredPage]  # source -> entry (every source)
    fresh: dict[str, Page]  # final pages computed in this process, by source (the rest is in the cache)
    losses: tuple[Notice, ...]  # --strict: text the parser lost
    parsed: int = 0
    tagged: int = 0
    hits: int = 0
    crashed: bool = False  # a stage raised or a file changed while read: nothing of it is cached as final
    changed: tuple[str, ...] = ()  # sources whose summaries are new this build
    previous: dict[str, PageSummary] = field(default_factory=dict)  # the last build's summaries of sources
    # that changed or are gone (what the plan needs to know which pages could have changed)
    # ``store_key`` of the summaries the cache held when the stage began: ``previous`` is the last site's
    # only while this is the key that build remembered beside its manifest (the stage stores its summaries
    # before the site is written, so a build stopped in between leaves summaries no site was made from)
    loaded_key: str = ""

    @property
    def summary_keys(self) -> dict[str, str]:
        return {source: entry.summary_key for source, entry in self.stored.items()}


def store_key(summary_keys: Mapping[str, str]) -> str:
    """One key for a whole summary store (source -> summary key): equal keys, the same summaries."""
    return digest("summary-store", SUMMARY_FORMAT, sorted(summary_keys.items()))


# ---------------------------------------------------------------------------------------------
# summaries

def final_page(page: Page) -> Page:
    """The page as the site shows it: every item dated (the page's date when it has none) and its URL set."""
    items = []
    for item in page.items:
        date = item.date or page.date
        items.append(dataclasses.replace(item, date=date, url=urls.article_path(item.id, date)))
    return dataclasses.replace(page, items=tuple(items))


def opening(item: Item, limit: int) -> str:
    """The start of an item's body (its 阅读提示 when it has no paragraphs), cut at ``limit``."""
    return cut("".join(item.paragraphs) or (item.reading_tip or ""), limit)


def summarise(item: Item, record_key: str) -> ItemSummary:
    """The summary of a final item; ``record_key`` must change whenever anything in the item can."""
    regions: dict[str, Region] = {}
    for tag in item.regions:
        regions.setdefault(tag.region.code, tag.region)
    topics: dict[str, str] = {}
    for topic in item.topics:
        topics.setdefault(topic.slug, topic.label)
    keywords: dict[str, str] = {}
    for keyword in item.keywords:
        if keyword.word.strip():
            keywords.setdefault(keyword.word, keyword.slug or urls.keyword_slug(keyword.word))
    stem = Path(item.source).stem
    legacy = legacy_item_id(stem, item.title, item.body_text)
    card = (item.id, item.url, item.display_title, item.kicker, item.subtitle, item.kind, item.date, item.page,
            opening(item, SNIPPET_CHARS))
    return ItemSummary(
        id=item.id, source=item.source, index=item.index, kind=item.kind, date=item.date,
        date_inferred=item.date_inferred, page=item.page, url=item.url or "", kicker=item.kicker,
        title=item.title, subtitle=item.subtitle, column=item.column, display_title=item.display_title,
        snippet=opening(item, SNIPPET_CHARS), abstract=opening(item, ABSTRACT_CHARS), names=item.byline.names(), regions=tuple(regions.values()),
        topics=tuple(topics.items()), keywords=tuple(keywords.items()), continued_to=item.continued_to,
        continued_from=item.continued_from, parts=tuple(p.item_id for p in item.continuation_parts),
        aliases=(legacy,) if legacy != item.id else (),
        record_key=digest(record_key, item.id), card_key=digest(card), page_name=item.page_name,
        tags_key=tags_key(tuple(regions.values()), tuple(topics.items()), tuple(keywords.items())),
    )


def summarise_page(page: Page, summary_key: str) -> PageSummary:
    return PageSummary(source=page.source, date=page.date, date_inferred=page.date_inferred, page=page.page,
                       failed=page.failed, items=tuple(summarise(i, summary_key) for i in page.items),
                       notices=page.notices, page_name=page.page_name, key=page_key_of(summary_key))


def page_key_of(summary_key: str) -> str:
    """The key a page's 版面 view is checked against (``RecordStore.source_page``)."""
    return digest(summary_key, "page")


def source_lines(text: str) -> tuple[str, ...]:
    """A decoded page's lines as the parser numbers them (1-based ``source_lines`` index into this)."""
    text = normalise_newlines(text).replace("\x00", "")
    lines = text.split("\n")
    return tuple(lines[:-1] if text.endswith("\n") else lines)


def search_docs(page: Page) -> tuple[SearchDoc, ...]:
    return tuple(search_doc(item) for item in page.items)


def stitchable(page: Page) -> bool:
    """Could stitching join this page to another? (a jump marker, a date and a page number)"""
    return bool(page.date) and page.page is not None and any(
        i.continued_to is not None or i.continued_from is not None for i in page.items)


# ---------------------------------------------------------------------------------------------
# per-page work, in this process or in a worker

@dataclass(frozen=True)
class _Job:
    position: int
    source: SourceFile
    sha: str
    page_key: str
    tag_key: str
    record_key: str
    summary_key: str  # for a page that turns out not to be stitchable
    override: PageOverride | None
    strict: bool
    use_cache: bool
    settle: float = 0.0  # sources.read_bytes: how long an empty or changing file is waited for


@dataclass(frozen=True)
class _Outcome:
    position: int
    stored: StoredPage | None  # final: a page that is not stitchable
    page: Page | None  # a stitchable page (tagged, not final): the parent joins it with its date's others
    conservation: tuple[Notice, ...] | None
    parsed: bool
    tagged: bool
    crashed: bool
    # the page's entries its worker's cache could not write (a full disk): the parent holds them for the
    # rest of the build, or each later use of the page (search, its articles, its source page) remade it
    unsaved: tuple[Unsaved, ...] = ()


# a page in the common shapes (headline stack, lead with a byline, a sentence cut by a column end, photo credit, jump
# marker): reading it loads what parsing and tagging load on first use (PageWorker.warm). The cut sentence makes the
# loader ask jieba whether a word spans the cut (its own tokenizer, ~0.13 s to build): without it the first page
# of a day built it after the warm-up, on the build's longest path
_WARM_PAGE = """第2版：要闻

职工技能大赛决赛开幕
本报讯（记者张　明　通讯员李小红）11月3日，某市第三届职工职业技能大赛决赛在市总工会职工培训中心开幕，来自全市机械、电力、建筑等行业的260名职工参加比赛。

针对以

上问题，市总工会今年将举办更多比赛。（下转第3版）

图为参赛选手在比赛中。　王　强摄
""".encode()


class KeptPrograms:
    """The loader's compiled patterns as an earlier process kept them (patterns.py): adopted before the first
    page a process parses (~0.2-0.3 s of compiling otherwise, most of a day's parse or a ``check``), and
    written back after a page that compiled one the table lacked. They depend on the interpreter only, so
    they are kept with the user's tables, for every archive (else in the archive's cache, when there is one)."""

    def __init__(self, config: Config, cache: BuildCache | None) -> None:
        self.config = config
        self.cache = cache
        self._read = False
        self._file: Path | None = None

    def read(self) -> None:
        if self._read:
            return
        self._read = True
        folder = user_tables(self.config)
        self._file = folder / f"patterns-{programs_key()}.marshal" if folder is not None else None
        if self._file is not None:
            adopt_programs(read_table(self._file, programs_key()))
        elif self.cache is not None:
            adopt_programs(self.cache.load("patterns", programs_key()))

    def keep(self) -> None:
        table = programs_to_keep()
        if table is None:
            return
        if self._file is not None:
            write_table(self._file, programs_key(), table)
        elif self.cache is not None:
            self.cache.store("patterns", programs_key(), table)


class PageWorker:
    """Parses and tags pages; the tagger (which loads jieba) is built on the first page that needs it."""

    def __init__(self, stages: Stages, config: Config, cache: BuildCache) -> None:
        self.stages = stages
        self.config = config
        self.cache = cache
        self._tagger: TaggerLike | None = None
        self.programs = KeptPrograms(config, cache)

    def warm(self) -> None:
        """Parse and tag a sample page (nothing is kept but what loads on first use: the tagger, jieba's
        dictionaries, the byline grammars), so the first page a long-running process reads later costs only
        its own work."""
        self.programs.read()
        page, _ = self.stages.parse(_WARM_PAGE, "<warm-up>", None)
        self.programs.keep()
        if self._tagger is None:
            self._tagger = self.stages.make_tagger(self.config)
        self._tagger.tag_page(page)

    def run(self, job: _Job) -> _Outcome:
        entry = self.cache.load("pages", job.page_key) if job.use_cache else None
        if not isinstance(entry, PageEntry) or (job.strict and entry.conservation is None) or entry.lines is None:
            entry = None
        parsed = tagged = crashed = False
        page = entry.page(job.tag_key) if entry is not None else None
        if page is None:
            entry, parsed, tagged, crashed = self._make(job, entry)
            if not crashed:
                self.cache.store("pages", job.page_key, entry)
            page = entry.page(job.tag_key) or entry.parsed
        assert entry is not None
        if stitchable(page):
            return _Outcome(job.position, None, page, entry.conservation, parsed, tagged, crashed,
                            self.cache.take_unsaved("pages"))
        final = final_page(page)
        if not crashed:
            self.cache.store("docs", job.summary_key, search_docs(final))
        stored = StoredPage(job.page_key, job.record_key, job.summary_key, summarise_page(final, job.summary_key),
                            False, entry.conservation)
        return _Outcome(job.position, stored, None, entry.conservation, parsed, tagged, crashed,
                        self.cache.take_unsaved("pages", "docs"))

    def _make(self, job: _Job, known: PageEntry | None) -> tuple[PageEntry, bool, bool, bool]:
        """Parse (unless ``known`` holds the parse) and tag; returns the entry and what was done."""
        source = job.source.source
        crashed = False
        if known is not None and not known.parsed.failed and known.lines is not None:
            page, checked, parsed_now, lines = known.parsed, known.conservation, False, known.lines
        else:
            try:
                # the hash was read empty after the wait already: it is not waited for twice
                data = read_bytes(job.source, MAX_PAGE_BYTES, job.settle if job.sha != EMPTY_SHA else 0.0)
            except (OSError, ValueError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                return PageEntry(failed_page(source, f"cannot read file: {reason}"), (), lines=()), True, False, True
            # edited since it was hashed: build what is there now, but never cache it under the old key
            crashed = sha256_bytes(data) != job.sha
            checked = None
            self.programs.read()
            try:
                page, text = self.stages.parse(data, source, job.override)
                self.programs.keep()
                lines = source_lines(text)
                if job.strict:
                    checked = tuple(self.stages.conservation(text, page)) if not page.failed else ()
            except Exception as exc:  # one bad page never stops the others
                return (PageEntry(failed_page(source, f"could not be parsed ({type(exc).__name__}: {exc})"), (),
                                  lines=()), True, False, True)
            parsed_now = True
            if page.failed:
                return PageEntry(page, checked, lines=lines), True, False, crashed
        try:
            if self._tagger is None:
                self._tagger = self.stages.make_tagger(self.config)
            tagged = self._tagger.tag_page(page)
        except Exception as exc:
            crashed = True
            note = Notice(source, None, "tagging-failed", f"could not be tagged ({type(exc).__name__}: {exc})",
                          "error")
            tagged = dataclasses.replace(page, notices=(*page.notices, note))
        return PageEntry(page, checked, job.tag_key, tagged, lines), parsed_now, True, crashed


def page_override(config: Config, source: SourceFile) -> PageOverride | None:
    """The ``pages:`` override of a page file: by its name, else by the path below its source folder when
    the archive names it otherwise (``SourceFile.given``), as an override written before may name it."""
    found = config.pages.get(name_key(source.source))  # the keys are NFC (model.name_key)
    if found is None and source.given:
        found = config.pages.get(name_key(source.given))
    return found


def failed_page(source: str, message: str) -> Page:
    return Page(source=source, sha256="", encoding="", date=None, date_inferred=False, date_evidence=None,
                page=None, items=(), notices=(Notice(source, None, "unreadable", message, "error"),))


class RecordSession:
    """What a long-running process (``serve``) keeps between builds: the page worker (so its tagger and
    jieba load once) and the last record set. Reused only while config, stages and what the tagger reads
    (``StageKeys.tag``: the taxonomy file's content too, which the config only names) stay the same."""

    def __init__(self) -> None:
        self._worker: PageWorker | None = None
        self._key: tuple[str, Stages, str] | None = None

    def worker(self, stages: Stages, config: Config, cache: BuildCache, tag_key: str) -> PageWorker:
        key = (repr(config), stages, tag_key)
        if self._worker is None or key != self._key:
            self._worker, self._key = PageWorker(stages, config, cache), key
        return self._worker


# Worker processes keep one PageWorker each (built by the pool initializer), so every worker constructs
# its tagger once rather than once per page; this global exists only in worker processes.
_WORKER: PageWorker | None = None


def _init_worker(stages: Stages, config: Config, cache: BuildCache) -> None:
    global _WORKER
    _WORKER = PageWorker(stages, config, cache)


def _run_in_worker(job: _Job) -> _Outcome:
    assert _WORKER is not None
    return _WORKER.run(job)


def _init_warm_worker(stages: Stages, config: Config, cache: BuildCache) -> None:
    _init_worker(stages, config, cache)
    assert _WORKER is not None
    # only a head start: a tagger that cannot be built fails each page's tagging, reported with the page
    # as with --jobs 1 (an initializer that raised broke the pool: a traceback, and no build)
    with contextlib.suppress(Exception):
        _WORKER.warm()


def _started() -> None:
    """The first task of a ``ParserAhead``: a pool forks its worker when it is given one."""


class ParserAhead:
    """A page worker forked when a build learns that a few sources changed (a day's pages, an edit), which
    loads the loader and the tagger (their patterns, jieba, the gazetteer: ~0.7 CPU-s) on the spare core
    while the build computes its keys and reads its summaries; the changed pages are then parsed in it.
    Leaving the context stops it wherever it is (a build that finds nothing to parse after all)."""

    def __init__(self, stages: Stages, config: Config, cache: BuildCache) -> None:
        self._pool: ForkPool | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            self._pool = fork_pool(1, _init_warm_worker, (stages, config, cache))
            self._pool.start(_started)

    @property
    def ready(self) -> bool:
        """Started, and not used yet."""
        return self._pool is not None

    def run(self, jobs: list[_Job], progress: ProgressFn, meanwhile: Callable[[], None] | None = None
            ) -> list[_Outcome]:
        """Parse ``jobs`` in the worker; ``meanwhile`` runs here while it does (this core is idle till then)."""
        assert self._pool is not None
        outcomes: list[_Outcome] = []
        try:
            done = self._pool.map(_run_in_worker, jobs)  # every job is submitted now
            if meanwhile is not None:
                meanwhile()
            for outcome in done:  # in submission order: deterministic
                outcomes.append(outcome)
                progress("parse", len(outcomes), len(jobs))
        except BaseException:
            self._pool.stop_now()
            self._pool = None
            raise
        # one batch a build: the worker (the tagger's memory) leaves before the pages render
        self._pool.shutdown(wait=True)
        self._pool = None
        return outcomes

    def __enter__(self) -> ParserAhead:
        return self

    def stop(self) -> None:
        """Stop the worker wherever it is (nothing, or too much, to parse for it)."""
        if self._pool is not None:
            self._pool.stop_now()
            self._pool = None

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.stop()


def changed_sources(known: SourceState, now: SourceState) -> int:
    """How many sources ``now`` holds with content ``known`` has not seen at that path (new or edited)."""
    return sum(1 for path, stamp in now.hashes.items()
               if (before := known.hashes.get(path)) is None or before[-1] != stamp[-1])


@dataclass(frozen=True)
class RecordOptions:
    """How to run the stage (none of these change a record)."""

    jobs: int = 1
    strict: bool = False
    force: bool = False  # read nothing from the cache
    parallel_min_pages: int = 16  # below this many pages, starting workers costs more than it saves
    settle: float = 0.0  # serve: an empty or changing source is read again for this long (sources.read_bytes)


def _run_jobs(jobs: list[_Job], worker: Callable[[], PageWorker], options: RecordOptions, stages: Stages,
              config: Config, cache: BuildCache, progress: ProgressFn,
              ahead: ParserAhead | None = None, meanwhile: Callable[[], None] | None = None) -> list[_Outcome]:
    total = len(jobs)
    outcomes: list[_Outcome] = []
    workers = min(options.jobs, total)
    if total < options.parallel_min_pages and ahead is not None and ahead.ready:
        try:
            return ahead.run(jobs, progress, meanwhile)
        except BrokenExecutor:
            pass  # its worker died (the OOM killer, a stray kill): the pages are parsed here instead
    if workers <= 1 or total < options.parallel_min_pages or "fork" not in multiprocessing.get_all_start_methods():
        local = worker()
        for job in jobs:
            outcomes.append(local.run(job))
            progress("parse", len(outcomes), total)
        return outcomes
    # fork: the CLI can run as `python -m archive_gen`, whose __main__ a spawned child would re-run
    chunk = max(1, min(16, total // (workers * 4)))
    with fork_pool(workers, _init_worker, (stages, config, cache)) as pool:
        try:
            # map() yields in submission order, so the merge is deterministic whatever finishes first
            for outcome in pool.map(_run_in_worker, jobs, chunksize=chunk):
                outcomes.append(outcome)
                progress("parse", len(outcomes), total)
        except BaseException:
            pool.stop_now()
            raise
    return outcomes


# ---------------------------------------------------------------------------------------------
# the stage

EMPTY_SHA = sha256_bytes(b"")


@dataclass(frozen=True)
class SourceState:
    """The hash of every source file by its stat, so unchanged files are not read (like git's index)."""

    # path -> size, mtime, inode, ctime, sha (a state of an older release holds no ctime: never matched)
    hashes: dict[str, tuple[int | str, ...]] = field(default_factory=dict)


def hash_sources(discovery: Discovery, known: SourceState,
                  settle: float = 0.0) -> tuple[list[str | None], SourceState, list[SourceFile]]:
    """sha256 of every file (None: unreadable), trusting the stored hash while the stat is unchanged;
    ``settle`` as in :func:`sources.read_bytes`. Also the files it read (their stamps were not known)."""
    shas: list[str | None] = []
    fresh: dict[str, tuple[int | str, ...]] = {}
    read: list[SourceFile] = []
    for sf in discovery.files:
        key = os.fsdecode(sf.path.absolute())
        # the change time too: an edit whose mtime was put back (same size, same inode) kept its old hash
        stamp = (sf.size, sf.mtime_ns, sf.inode, sf.ctime_ns)
        stored = known.hashes.get(key)
        if stored is not None and len(stored) == 5 and stored[:4] == stamp and sf.size >= 0:
            sha: str | None = str(stored[4])
        else:
            read.append(sf)
            try:
                sha = sha256_bytes(read_bytes(sf, MAX_PAGE_BYTES, settle))
            except (OSError, ValueError):
                sha = None
        shas.append(sha)
        if sha is not None and sf.size >= 0:
            fresh[key] = (*stamp, sha)
    return shas, SourceState(fresh), read


def page_keys(discovery: Discovery, shas: Sequence[str | None], keys: StageKeys, config: Config) -> list[str]:
    return [keys.page_key(sf.source, sha or f"unreadable:{sf.source}", page_override(config, sf))
            for sf, sha in zip(discovery.files, shas, strict=True)]


def record_keys(discovery: Discovery, shas: Sequence[str | None], keys: StageKeys, config: Config) -> list[str]:
    return [keys.record_key(k) for k in page_keys(discovery, shas, keys, config)]


def load_records(discovery: Discovery, config: Config, cache: BuildCache, *, stages: Stages,
                 options: RecordOptions, shas: Sequence[str | None], keys: StageKeys,
                 progress: ProgressFn, session: RecordSession | None = None,
                 ahead: ParserAhead | None = None,
                 meanwhile: Callable[[Sequence[PageSummary]], None] | None = None) -> RecordSet:
    """Summaries of every source, parsing and tagging only what changed (in ``options.jobs`` workers, or for
    a few pages in ``ahead``'s). While ``ahead``'s worker parses, ``meanwhile`` is given the summaries the cache
    held of the sources found (the last build's, for the next stage to prepare from)."""
    files = discovery.files
    pkeys = page_keys(discovery, shas, keys, config)
    rkeys = [keys.record_key(k) for k in pkeys]
    store = {} if options.force else _load_store(cache)
    stored: dict[str, StoredPage] = {}
    jobs: list[_Job] = []
    hits = 0
    for position, (sf, key) in enumerate(zip(files, rkeys, strict=True)):
        entry = store.get(sf.source)
        strict_ok = entry is not None and (not options.strict or entry.conservation is not None)
        if entry is not None and entry.record_key == key and strict_ok and shas[position] is not None:
            stored[sf.source] = entry
            hits += 1
            continue
        jobs.append(_Job(position, sf, shas[position] or "", pkeys[position], keys.tag, key,
                         digest(keys.summary, key), page_override(config, sf), options.strict, not options.force,
                         options.settle))

    if jobs:
        progress("parse", 0, len(jobs))
    def meanwhile_with_last() -> None:
        last = [store[sf.source].summary for sf in files if sf.source in store]
        if meanwhile is not None and last:
            meanwhile(last)

    outcomes = _run_jobs(jobs, lambda: session.worker(stages, config, cache, keys.tag) if session else
                         PageWorker(stages, config, cache), options, stages, config, cache, progress,
                         ahead, meanwhile_with_last if meanwhile is not None else None) if jobs else []
    crashed = False
    unsettled: set[str] = set()  # crashed pages: reported now, never remembered, retried next build
    marker_pages: dict[str, Page] = {}
    conservation_of: dict[str, tuple[Notice, ...] | None] = {}
    changed: list[str] = []
    for outcome in outcomes:
        source = files[outcome.position].source
        crashed = crashed or outcome.crashed
        cache.adopt_unsaved(outcome.unsaved)
        if outcome.crashed:
            unsettled.add(source)
        changed.append(source)
        if outcome.stored is not None:
            stored[source] = outcome.stored
        else:
            assert outcome.page is not None
            marker_pages[source] = outcome.page
            conservation_of[source] = outcome.conservation
    parsed = sum(o.parsed for o in outcomes)
    tagged = sum(o.tagged for o in outcomes)
    hits += sum(not (o.parsed or o.tagged or o.crashed) for o in outcomes)  # found in the page cache

    fresh = _stitch_groups(files, pkeys, rkeys, stored, marker_pages, conservation_of, keys, cache, crashed,
                           changed)
    pages = tuple(stored[sf.source].summary for sf in files)
    losses: list[Notice] = []
    if options.strict:
        for sf in files:
            losses.extend(dataclasses.replace(n, level="error") for n in stored[sf.source].conservation or ())
    if changed or set(store) != set(stored):
        _save_store(cache, {s: e for s, e in stored.items() if s not in unsettled}, store)
    previous = {s: e.summary for s, e in store.items() if s not in stored or s in changed}
    return RecordSet(pages, stored, fresh, tuple(losses), parsed, tagged, hits, crashed, tuple(changed), previous,
                     store_key({s: e.summary_key for s, e in store.items()}))


def _stitch_groups(files: Sequence[SourceFile], pkeys: Sequence[str], rkeys: Sequence[str],
                   stored: dict[str, StoredPage],
                   marker_pages: dict[str, Page], conservation_of: Mapping[str, tuple[Notice, ...] | None],
                   keys: StageKeys, cache: BuildCache, crashed: bool, changed: list[str]) -> dict[str, Page]:
    """Join halves printed on two pages of one date; a date whose marker pages are all unchanged keeps
    its stored summaries. Returns the final pages made here."""
    key_of = dict(zip((sf.source for sf in files), rkeys, strict=True))
    page_key_of = dict(zip((sf.source for sf in files), pkeys, strict=True))
    groups: dict[str, list[str]] = defaultdict(list)  # date -> stitchable sources (discovery order)
    for sf in files:
        entry = stored.get(sf.source)
        if sf.source in marker_pages:
            groups[str(marker_pages[sf.source].date)].append(sf.source)
        elif entry is not None and entry.stitchable:
            groups[str(entry.summary.date)].append(sf.source)
    fresh: dict[str, Page] = {}
    for date in sorted(groups):
        members = groups[date]
        group_key = digest(keys.summary, "stitch", tuple((s, key_of[s]) for s in members))
        summary_keys = {s: digest(group_key, s) for s in members}
        if all(s not in marker_pages and stored[s].summary_key == summary_keys[s] for s in members):
            continue
        pages = []
        for source in members:
            page = marker_pages.get(source) or _cached_page(cache, page_key_of[source], keys.tag)
            if page is None:  # the cache lost it: the stage is rerun for it next build
                page = failed_page(source, "its cached records vanished during the build; build again")
                crashed = True
            pages.append(page)
        for page in (final_page(p) for p in stitch_continuations(pages)):
            key = summary_keys[page.source]
            fresh[page.source] = page
            if not crashed:
                cache.store("docs", key, search_docs(page))
            previous = stored.get(page.source)
            conserved = conservation_of.get(page.source, previous.conservation if previous else None)
            stored[page.source] = StoredPage(page_key_of[page.source], key_of[page.source], key,
                                             summarise_page(page, key), True, conserved)
            if page.source not in changed:
                changed.append(page.source)
    return fresh


def _cached_page(cache: BuildCache, page_key: str, tag_key: str) -> Page | None:
    entry = cache.load("pages", page_key)
    return entry.page(tag_key) if isinstance(entry, PageEntry) else None


def _chunk(entry: StoredPage) -> str:
    """The part of the summary store a page's summary is kept in: its month (a day's build rewrites one)."""
    return (entry.summary.date or "")[:7] or "undated"


def _chunk_key(name: str) -> str:
    return digest("summary-store", SUMMARY_FORMAT, name)


def _load_store(cache: BuildCache) -> dict[str, StoredPage]:
    """Every source's stored summary: one cache entry per month of pages ("summaries" kind)."""
    store: dict[str, StoredPage] = {}
    for key in cache.keys("summaries"):
        chunk = cache.load("summaries", key)
        if isinstance(chunk, dict) and all(isinstance(v, StoredPage) for v in chunk.values()):
            store.update(chunk)
    return store


def _save_store(cache: BuildCache, stored: Mapping[str, StoredPage], before: Mapping[str, StoredPage]) -> None:
    """Write the months whose pages changed (or came or went); drop the entries of months with no page."""
    chunks: dict[str, dict[str, StoredPage]] = defaultdict(dict)
    for source, entry in stored.items():
        chunks[_chunk(entry)][source] = entry
    touched = {_chunk(e) for s, e in stored.items() if before.get(s) is not e}
    touched |= {_chunk(e) for s, e in before.items() if stored.get(s) is not e}
    for name in sorted(touched & set(chunks)):
        cache.store("summaries", _chunk_key(name), dict(sorted(chunks[name].items())))
    cache.prune("summaries", [_chunk_key(name) for name in chunks], slack=0)


class RecordStore:
    """Full final records of any page, from this build's memory or from the cache (stitched again for
    pages whose halves were joined). Memoised; safe to use in forked workers."""

    def __init__(self, records: RecordSet, cache: BuildCache, tag_key: str,
                 remake: Callable[[str], PageEntry] | None = None) -> None:
        self._records = records
        self._cache = cache
        self._tag_key = tag_key
        self._remake = remake  # parses and tags a page again when its cache entry is gone or damaged
        self._pages: Mapping[str, Page] = records.fresh  # parsed by this build: in memory anyway
        # pages read back from the cache: the last few only (pages are rendered in date order, so an
        # issue's pages are asked for together), or a worker would end up holding the whole archive
        self._loaded: OrderedDict[str, Page] = OrderedDict()
        self._position = {page.source: n for n, page in enumerate(records.pages)}

    def page(self, source: str) -> Page:
        page = self._pages.get(source)
        if page is not None:
            return page
        page = self._loaded.get(source)
        if page is not None:
            self._loaded.move_to_end(source)
            return page
        entry = self._records.stored[source]
        if entry.stitchable:
            members = [s for s, e in self._records.stored.items()
                       if e.stitchable and e.summary.date == entry.summary.date]
            raw = [self._raw(s) for s in sorted(members, key=self._position.__getitem__)]
            found = {stitched.source: final_page(stitched) for stitched in stitch_continuations(raw)}
        else:
            found = {source: final_page(self._raw(source))}
        for loaded, loaded_page in found.items():
            self._loaded[loaded] = loaded_page
            self._loaded.move_to_end(loaded)
        while len(self._loaded) > LOADED_PAGES:
            self._loaded.popitem(last=False)
        return found[source]

    def item(self, ref: tuple[str, str, str]) -> Item:
        """The item a (source, id, record key) reference names; LookupError when the key is not the key of
        the record this build holds (the reference was made from other records)."""
        source, item_id, key = ref
        entry = self._records.stored.get(source)
        if entry is None or digest(entry.summary_key, item_id) != key:
            raise LookupError(f"stale record reference {item_id} of {source}")
        for item in self.page(source).items:
            if item.id == item_id:
                return item
        raise LookupError(f"no item {item_id} in {source}")

    def source_page(self, ref: tuple[str, str]) -> tuple[Page, tuple[str, ...]]:
        """The page a (source, page key) reference names, as printed (its items before stitching), and the
        lines of its text; LookupError when the key is not the key of the page this build holds."""
        source, key = ref
        entry = self._records.stored.get(source)
        if entry is None or page_key_of(entry.summary_key) != key:
            raise LookupError(f"stale page reference {source}")
        cached = self._cache.load("pages", entry.page_key)
        if (not isinstance(cached, PageEntry) or cached.lines is None) and self._remake is not None:
            cached = self._remake(source)  # not read back: an unwritable cache may not have kept it
        if not isinstance(cached, PageEntry) or cached.lines is None:
            raise LookupError(f"the cached records of {source} vanished during the build; build again")
        page = cached.page(self._tag_key) or cached.parsed
        return page, cached.lines

    def docs(self, source: str) -> tuple[SearchDoc, ...]:
        key = self._records.stored[source].summary_key
        docs = self._cache.load("docs", key)
        if isinstance(docs, tuple) and all(isinstance(d, SearchDoc) for d in docs):
            return docs
        return search_docs(self.page(source))

    def _raw(self, source: str) -> Page:
        entry = self._records.stored[source]
        page = _cached_page(self._cache, entry.page_key, self._tag_key)
        if page is None and self._remake is not None:
            remade = self._remake(source)
            page = remade.page(self._tag_key) or remade.parsed
        if page is None:
            raise LookupError(f"the cached records of {source} vanished during the build; build again")
        return page


def remake_page(source: SourceFile, sha: str, config: Config, cache: BuildCache, *, stages: Stages,
                keys: StageKeys, worker: PageWorker | None = None) -> PageEntry:
    """Parse and tag one page again (its cache entry was lost under a summary that still names it). Pass
    the ``worker`` of earlier calls: a new one builds its tagger (jieba's tables, the gazetteer) afresh,
    most of a second, for every page remade (was: ten times the cost of a cold build on a full cache)."""
    override = page_override(config, source)
    page_key = keys.page_key(source.source, sha, override)
    record_key = keys.record_key(page_key)
    job = _Job(0, source, sha, page_key, keys.tag, record_key, digest(keys.summary, record_key), override,
               False, False)
    entry, _, _, crashed = (worker or PageWorker(stages, config, cache))._make(job, None)
    if not crashed:
        cache.store("pages", page_key, entry)
    return entry


def read_pages(discovery: Discovery, config: Config, *, tag: bool, stitch: bool,
               stages: Stages | None = None) -> list[Page]:
    """Parse (and tag) every discovered page in this process: what ``check`` and ``export`` print. The
    same reading and parsing as a build, without its cache; with ``stitch``, halves joined and every
    item dated and given its URL as on the site."""
    stages = stages or Stages()
    tagger = stages.make_tagger(config) if tag else None
    programs = KeptPrograms(config, None)
    programs.read()
    pages: list[Page] = []
    for sf in discovery.files:
        try:
            data, changing = read_steady(sf, MAX_PAGE_BYTES)
            page, _ = stages.parse(data, sf.source, page_override(config, sf))
            programs.keep()
            if changing:
                page = dataclasses.replace(page, notices=(*page.notices, Notice(sf.source, None, CHANGING,
                                                                                CHANGING_MESSAGE, "error")))
        except (OSError, ValueError) as exc:
            if isinstance(exc, FileNotFoundError) and not os.path.lexists(sf.path):
                continue  # renamed or removed since the walk: quietly gone, as in a build (sources.vanished)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            page = failed_page(sf.source, f"cannot read file: {reason}")
        if tagger is not None and not page.failed:
            page = tagger.tag_page(page)
        pages.append(page)
    if discovery.files and not pages:  # every listed page gone before it was read: as build says it
        raise no_page_files(config.sources)
    return [final_page(p) for p in stitch_continuations(pages)] if stitch else pages


def all_items(pages: Iterable[Page]) -> list[Item]:
    return [item for page in pages for item in page.items]


def load_pages(paths: Sequence[Path], config: Config | None = None) -> list[Page]:
    """Read and parse page files (files or folders, searched recursively), untagged and unstitched: the
    library way to look at what the loader makes of a folder. A missing path gives a page with an error."""
    pages: list[Page] = []
    config = config or Config(root=Path.cwd())
    for root in paths:
        if not Path(root).exists():
            source = os.fsdecode(root)
            pages.append(Page(source, "", "", None, False, None, None, (),
                              (Notice(source, None, "missing", "no such file or folder", "error"),)))
            continue
        discovery = discover([Path(root)], follow_symlinks=config.follow_symlinks)
        pages.extend(Page(n.source, "", "", None, False, None, None, (), (n,)) for n in discovery.notices)
        pages.extend(read_pages(discovery, config, tag=False, stitch=False))
    return pages


class MemoryRecords:
    """Pages held in memory as the record stage would give them: stitched, final, summarised. What
    ``build.render_site`` renders from; the record keys are hashes of the pages themselves."""

    def __init__(self, pages: Sequence[Page], *, stitch: bool = True, texts: Mapping[str, str] | None = None) -> None:
        self.pages = [final_page(p) for p in (stitch_continuations(list(pages)) if stitch else pages)]
        self._printed = {p.source: p for p in pages}
        self._texts = dict(texts or {})  # source -> decoded text; a page without one shows no source lines
        self._keys = {p.source: digest("memory", repr(p), self._texts.get(p.source)) for p in self.pages}
        self._by_source = {p.source: p for p in self.pages}
        self.summaries = [summarise_page(p, self._keys[p.source]) for p in self.pages]

    def item(self, ref: tuple[str, str, str]) -> Item:
        source, item_id, key = ref
        if digest(self._keys.get(source, ""), item_id) != key:
            raise LookupError(f"stale record reference {item_id} of {source}")
        for item in self._by_source[source].items:
            if item.id == item_id:
                return item
        raise LookupError(f"no item {item_id} in {source}")

    def source_page(self, ref: tuple[str, str]) -> tuple[Page, tuple[str, ...]]:
        source, key = ref
        if page_key_of(self._keys.get(source, "")) != key:
            raise LookupError(f"stale page reference {source}")
        text = self._texts.get(source)
        return self._printed[source], source_lines(text) if text is not None else ()

    def docs(self, source: str) -> tuple[SearchDoc, ...]:
        return search_docs(self._by_source[source])
