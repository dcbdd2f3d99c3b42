"""The build: sources -> records -> archive indexes -> pages -> search -> output, read top to bottom.

``build_site(config, options)`` is the library API behind ``archive-gen build`` and ``serve``. Each stage
computes its own keys next to its code (records.py, render.PageKeys, search shards below); this module
only runs them in order. docs/architecture.md draws the pipeline.

A build whose inputs did not change at all is recognised up front and reads, renders and writes
nothing. Otherwise unchanged pages are parsed and tagged from the cache, only pages whose key changed
are rendered (streamed into the staging folder by ``jobs`` worker processes), and only search shards
whose documents changed are indexed again, while the pages render.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import BrokenExecutor, Future
from dataclasses import dataclass, field
from pathlib import Path

from . import permalinks, sources, urls, writer
from .archive import Archive, Catalogue, build_archive, catalogue
from .cache import UNWRITABLE, BuildCache, EntryMemo, digest, open_cache
from .config import Config
from .errors import OutputError, RenderError, SourceError, count
from .fingerprint import code_key
from .model import Notice, Page, PageSummary
from .pages import (
    CardRef,
    Changes,
    PageJob,
    SitePlan,
    default_build_date,
    has_page,
    site_inputs,
    source_date_epoch,
)
from .patterns import programs_key
from .pools import ForkPool, fork_pool
from .records import (
    STATE_KEY,
    MemoryRecords,
    PageEntry,
    PageWorker,
    ParserAhead,
    RecordOptions,
    RecordSession,
    RecordSet,
    RecordStore,
    SourceState,
    StageKeys,
    Stages,
    changed_sources,
    hash_sources,
    load_records,
    record_keys,
    remake_page,
    store_key,
)
from .render import (
    MAX_STATIC_FILE_BYTES,
    Cards,
    PageKeys,
    Renderer,
    TemplateCodeCache,
    about_html,
    project_notices,
    robots_txt,
    static_files,
    template_dirs,
)
from .resources import builtin_dir
from .search import SEARCH_DIR, SearchDoc, busy_periods, docs_order, index_root, index_shard, shard_of
from .sources import (
    CHANGING,
    CHANGING_MESSAGE,
    Discovery,
    Settling,
    changed_since_walk,
    discover,
    no_page_files,
    restat,
    vanished,
)
from .writer import FileStamp, Ownership, StagedFile, Staging

# Progress callback: (stage name, done, total); total 0 means "unknown".
ProgressFn = Callable[[str, int, int], None]
# below this many pages to render, starting worker processes costs more than it saves
PARALLEL_RENDER_MIN = 200


@dataclass(frozen=True)
class BuildOptions:
    """How to build (the CLI flags); none of these change the output bytes."""

    jobs: int = 1
    clean: bool = False
    strict: bool = False
    force: bool = False  # ignore the cache and the up-to-date check
    allow_foreign: bool = False  # build into a folder that holds files archive-gen did not write
    parallel_min_pages: int = 16  # below this many pages to parse, worker start-up costs more than it saves
    parallel_min_render: int = PARALLEL_RENDER_MIN  # the same for pages to render
    # serve: a search shard that changed keeps the files it has on disk, and the build is not recorded as
    # up to date, so the next build (which serve starts at once) indexes it; the pages show an edit first
    defer_search: bool = False
    # serve: a source read empty though just written, or changing while read, is read again for this many
    # seconds (an editor's truncate-then-write) before it is reported (sources.read_bytes)
    settle: float = 0.0
    # serve: a watcher rebuilds after every change, so a source that changes once the record stage is over is
    # not reported as one being written (build reports it: the page read may be part of one)
    watched: bool = False


@dataclass(frozen=True)
class BuildResult:
    """What a build did: record counts, notices, file counts and the counters tests assert on."""

    pages_read: int
    items: int
    regions: int
    topics: int
    warnings: tuple[Notice, ...]
    errors: tuple[Notice, ...]  # failed pages, crashed stages, --strict losses
    failed_pages: tuple[str, ...]
    ignored: tuple[str, ...]
    files_written: int
    files_unchanged: int
    files_removed: int
    stale_kept: tuple[str, ...]
    pages_parsed: int
    pages_tagged: int
    cache_hits: int
    up_to_date: bool  # nothing changed: the whole pipeline was skipped
    seconds: float
    output: Path
    written: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    timings: tuple[tuple[str, float], ...] = ()  # seconds per stage, in order
    pages_rendered: int = 0  # pages that went through Jinja (the others kept their bytes unread)
    pages_reused: int = 0
    shards_indexed: tuple[str, ...] = ()  # search shards indexed now; the rest came from the cache
    search_deferred: tuple[str, ...] = ()  # shards left as they were (BuildOptions.defer_search)
    redirects: int = 0  # article URLs published before that now redirect

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


@dataclass(frozen=True)
class OutputManifest:
    """The last site written to one output folder, as the cache remembers it."""

    site_key: str  # hash of every input of the site: equal keys, identical site
    stamps: dict[str, FileStamp] = field(default_factory=dict)  # every file, as written
    page_keys: dict[str, str] = field(default_factory=dict)  # rendered page -> its key
    shards: dict[str, str] = field(default_factory=dict)  # search shard -> key
    summary: dict[str, object] = field(default_factory=dict)  # counts and notices for an up-to-date build
    plan_salt: str = ""  # what the page keys were made under besides their inputs (render.PageKeys.salt)
    site_inputs: object = None  # pages.SiteInputs of that build
    ownership: Ownership | None = None  # what its manifest in the output says (read back without parsing it)
    summaries: str = ""  # records.store_key of the summaries the site was made from


@dataclass(frozen=True)
class BuildState:
    """What the cache keeps between builds besides entries: source hashes, related-item lists, and what
    the plan compares to know which pages a change can touch (pages.Changes)."""

    sources: SourceState = field(default_factory=SourceState)
    related: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    keyword_pages: frozenset[str] = frozenset()
    issues: frozenset[str] = frozenset()
    # records.store_key of the summaries the state was made from: it and the output manifest are two cache
    # entries, written one after the other; a build stopped between them leaves two that do not belong together
    summaries: str = ""


class BuildSession:
    """What a long-running process (``serve``) keeps between builds: the record stage's worker (its
    tagger and jieba load once), and the cache entries every build reads whole (the output manifest,
    the summaries, the build state), for as long as their files are the ones it read or wrote."""

    def __init__(self) -> None:
        self.records = RecordSession()
        self.entries: EntryMemo = {}
        self.archive: Archive | None = None  # the last build's: its indexes serve an edit that kept every tag

    def warm(self, config: Config, stages: Stages | None = None) -> None:
        """Load what the first parsed page would (the tagger, jieba, the byline grammars: ~0.7 s), so the
        first edit ``serve`` rebuilds costs only its own work. Only once a build has made the cache folder."""
        if os.path.isdir(config.cache_dir) and _project_folder_of(config.cache_dir, config) is None:
            stages = stages or Stages()
            self.records.worker(stages, config, open_cache(config.cache_dir, self.entries),
                                StageKeys.of(stages, config).tag).warm()


class _Clock:
    """Seconds per stage, for the summary and the benchmark; forwards progress."""

    def __init__(self, progress: ProgressFn | None) -> None:
        self.progress = progress
        self.timings: dict[str, float] = {}
        self._stage = "scan"
        self._since = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self._stage:
            now = time.perf_counter()
            self.timings[self._stage] = self.timings.get(self._stage, 0.0) + now - self._since
            self._stage, self._since = stage, now
        if self.progress is not None:
            self.progress(stage, done, total)


@contextlib.contextmanager
def _frozen_objects_released() -> Iterator[None]:
    """The build freezes what it loaded (gc.freeze) for its duration; a long-running process gets it back."""
    try:
        yield
    finally:
        gc.unfreeze()


def build_site(config: Config, options: BuildOptions | None = None, *, stages: Stages | None = None,
               progress: ProgressFn | None = None, session: BuildSession | None = None,
               committed: Callable[[Path, writer.WriteResult], None] | None = None,
               moving: writer.MoveGuard | None = None) -> BuildResult:
    """Build the site for ``config`` into ``config.output``; raises ConfigError/OutputError/RenderError.

    ``committed`` is told the moment the new site is in place, before the cache is brought up to date
    (``serve`` reloads open pages then: the cache's bookkeeping is no part of what the reader sees).
    ``moving`` is entered while the staged files go in place (``serve`` answers no request from a file
    that is being rewritten)."""
    try:
        return _build_site(config, options, stages=stages, progress=progress, session=session, committed=committed,
                           moving=moving)
    except BrokenExecutor:
        # a worker killed (the OOM killer, a stray kill) before its pages or shards came back: the site was
        # not touched (the staging folder is dropped on the way out); was a BrokenProcessPool traceback
        raise RenderError("a worker process of the build ended before its work was done (killed, or out of "
                          "memory?); the previous site was left as it was", hint="build again") from None


def _build_site(config: Config, options: BuildOptions | None, *, stages: Stages | None,
                progress: ProgressFn | None, session: BuildSession | None,
                committed: Callable[[Path, writer.WriteResult], None] | None,
                moving: writer.MoveGuard | None = None) -> BuildResult:
    started = time.perf_counter()
    options = options or BuildOptions()
    stages = stages or Stages()
    clock = _Clock(progress)
    source_date_epoch(os.environ.get("SOURCE_DATE_EPOCH", ""))  # a malformed one stops the build before it starts
    # the project's templates/ and static/ too, though they may not exist yet: a site built into templates/ was
    # read back as the project's templates (its feed.xml became every term feed's), one in static/ was copied
    # into itself by every build
    protected = [p for p in (config.cache_dir, config.config_file, config.url_history,
                             config.root / "templates", config.root / "static") if p is not None]
    output = writer.check_output_safe(config.output, sources=config.sources, protected=protected)
    _check_cache_place(config)
    memo = session.entries if session is not None else None
    # a cache folder that is not there yet is made only once the output is known to be safe to build
    cache = open_cache(config.cache_dir, memo) if os.path.lexists(config.cache_dir) else None
    manifest_key = _manifest_key(output, config.cache_dir)
    manifest = None if options.force or cache is None else _load_manifest(cache, manifest_key)
    _ownership(output, manifest, options)  # refuse a stranger's folder before making anything in it
    if cache is None:
        cache = open_cache(config.cache_dir, memo)
    with writer.OutputLock(output), _frozen_objects_released(), contextlib.ExitStack() as later:
        try:
            writer.recover_interrupted(output)
        except OSError as exc:
            raise OutputError(f"cannot tidy up after an interrupted build: {exc.strerror}",
                              source=str(output)) from None
        ownership = _ownership(output, manifest, options)
        if session is None:  # serve rebuilds a folder it has just written: its metadata is in memory
            later.enter_context(_WarmOutput(output, options.jobs, manifest))

        # a few changed pages (a day's, an edit's) are parsed in a worker that loads the loader and the tagger
        # on the spare core meanwhile; a day's build waits for it. A rebuild forks it before the walk (~0.1 s
        # sooner than after it) and stops it at once if it finds nothing, or many pages, to parse; a first
        # build forks it on learning of a few pages
        early = later.enter_context(ParserAhead(stages, config, cache)) \
            if options.jobs > 1 and session is None and manifest is not None else None
        keys = StageKeys.of(stages, config)
        history_file = permalinks.read_history(config.url_history)
        permalinks.make_history_folder(config.url_history)
        last: list[Archive] = []

        def assemble_last(summaries: Sequence[PageSummary]) -> None:
            # the changed pages are parsed on the other core: the last build's archive is assembled on this
            # one meanwhile, for build_archive to keep (an edit that left every tag) or extend (a new day)
            gc.freeze()  # the summaries just loaded live as long as the build: no collection pass walks them again
            last.append(build_archive(summaries, state.related))
            gc.freeze()

        clock("scan", 0, 0)
        discovery = discover(config.sources, follow_symlinks=config.follow_symlinks, own=config.own_paths)
        if not discovery.files:
            raise no_page_files(config.sources)
        # the sources are read again when one the build read changed meanwhile (a page still being written, an
        # editor saving): the build published the half it had read, without a word (sources.changed_since_walk).
        # The same files, their stat taken again (one that came or went meanwhile is the next build's)
        restless: set[str] = set()
        settling = Settling()
        state = _load_state(cache, options)  # the last build's: a pass that reads the sources again changes none of it
        for attempt in range(sources.READ_PASSES):
            if attempt:
                discovery = dataclasses.replace(discovery, files=restat(discovery.files))
            shas, source_state, hashed = hash_sources(discovery, state.sources, options.settle)
            gone = vanished(discovery.files, shas)
            if gone:  # renamed or removed since the walk: as if the walk had come after it
                shas = [sha for sf, sha in zip(discovery.files, shas, strict=True) if sf.source not in gone]
                hashed = [sf for sf in hashed if sf.source not in gone]
                discovery = dataclasses.replace(discovery, files=tuple(sf for sf in discovery.files
                                                                       if sf.source not in gone))
            if not discovery.files:  # every one of them gone
                raise no_page_files(config.sources)
            ahead = None  # a pass after the first parses its few pages here
            if attempt == 0:
                # (the early worker costs a no-op rebuild a process it stops at once, ~0.03 CPU-s: a no-op is at
                # ~0.15x Hugo against a target of 0.25x, a day at ~0.65x against 0.5x)
                changing = changed_sources(state.sources, source_state)
                wanted = options.jobs > 1 and session is None and 0 < changing < options.parallel_min_pages
                if early is not None and not wanted:
                    early.stop()
                ahead = (early or later.enter_context(ParserAhead(stages, config, cache))) if wanted else None
            rkeys = record_keys(discovery, shas, keys, config)
            site_key = _site_key(config, rkeys, manifest.stamps.get(writer.MANIFEST_PATH) if manifest else None)
            if manifest is not None and not any(s is None for s in shas):
                skipped = _up_to_date(manifest, site_key, output, discovery, options, started)
                if skipped is not None:
                    if source_state != state.sources:
                        # the same bytes under new stamps (a copy, a checkout, a touch): without this the stamps
                        # never match again, and every later no-op reads and hashes every source once more
                        cache.store_single("state", STATE_KEY, dataclasses.replace(state, sources=source_state))
                    return dataclasses.replace(skipped, warnings=project_notices(config) + skipped.warnings
                                               + _cache_notice(cache, config))
            records = load_records(discovery, config, cache, stages=stages,
                                   options=RecordOptions(options.jobs, options.strict, options.force,
                                                         options.parallel_min_pages, options.settle),
                                   shas=shas, keys=keys, progress=clock,
                                   session=session.records if session else None,
                                   ahead=ahead, meanwhile=None if options.force else assemble_last)
            parsed = set(records.changed)
            read = [*hashed, *(sf for sf in discovery.files if sf.source in parsed)]
            unsteady = changed_since_walk(read)
            # a file that did not hold still before this pass proves nothing by holding still during it (a
            # writer's next chunk may come after the build read it)
            unsteady += [sf for sf in discovery.files if sf.source in restless and sf not in unsteady]
            if not unsteady or attempt == sources.READ_PASSES - 1:
                break
            settling.changed()
            restless = set() if settling.wait(unsteady) else {sf.source for sf in unsteady}
        unsettled = tuple(Notice(sf.source, None, CHANGING, CHANGING_MESSAGE, "error") for sf in unsteady)
        history = {**ownership.articles, **history_file}
        if ownership.legacy:  # the manifest is gone: the pages on disk say which URLs were published
            history = {**permalinks.history_on_disk(output, config.title), **history}

        if not any(p.items for p in records.pages):
            # every page failed: writing now would replace the site with an empty one
            failed = [n for n in (*discovery.notices, *(n for p in records.pages for n in p.notices))
                      if n.level == "error"]
            raise SourceError(f"no page could be read ({count(len(records.pages), 'page file')}, errors above); "
                              "the output folder was left as it was", details=tuple(str(n) for n in failed))
        # the summaries and records live until the build ends: take them out of the collector's reach, so
        # its passes do not walk them again and again, and forked workers share their pages untouched
        gc.freeze()
        clock("archive", 0, 0)
        catalogued = catalogue(records.pages)
        by_source = {sf.source: (sf, sha) for sf, sha in zip(discovery.files, shas, strict=True)}

        remakers: list[PageWorker] = []  # one, made on the first page remade (in each forked worker its own)

        def remake(source: str) -> PageEntry:
            sf, sha = by_source[source]
            if not remakers:
                remakers.append(PageWorker(stages, config, cache))
            return remake_page(sf, sha or "", config, cache, stages=stages, keys=keys, worker=remakers[0])

        store = RecordStore(records, cache, keys.tag, remake)
        search = _plan_search(catalogued, records, store, cache, output, manifest, defer=options.defer_search)
        # a day's or an edit's one shard is the longest task of its build: it starts now, beside the indexes
        ahead = later.enter_context(_ShardsAhead(search.todo, options.jobs))
        # the archive whose indexes may serve this one: serve's last, or the one assembled while parsing
        prior = None if options.force else session.archive if session is not None else next(iter(last), None)
        archive = build_archive(catalogued, None if options.force else state.related, prior)
        if session is not None:
            session.archive = archive
        gc.freeze()
        moved = permalinks.redirects(history, archive)
        page_keys = PageKeys(config)
        plan_salt = digest(page_keys.salt(config), config.per_page, config.feed_items)
        changes = None
        # what changed is known only from the summaries, state and manifest of one and the same last build
        # (one stopped half way leaves some of them newer): else every page gets its inputs (still only the
        # pages whose key changed are rendered)
        if manifest is not None and manifest.plan_salt == plan_salt and manifest.site_inputs == site_inputs(config) \
                and manifest.summaries == state.summaries == records.loaded_key:
            changes = Changes.between(
                [i for p in records.previous.values() for i in p.items],
                [i for s in records.changed for i in records.stored[s].summary.items], archive,
                {i: related for i, (_, related) in state.related.items()}, state.keyword_pages, state.issues)
        plan = SitePlan(archive, config, about_html=about_html(config),
                        build_date=default_build_date(archive, os.environ.get("SOURCE_DATE_EPOCH", "")),
                        redirects=moved, changes=changes)
        published = {**history, **permalinks.published(archive)}
        outcome = _write_site(plan, page_keys, search, ahead, store, config, cache, output, ownership, manifest,
                              published, options, clock, moving)
        try:
            if committed is not None:
                committed(output, outcome.result)
            if config.url_history is not None:
                permalinks.write_history(config.url_history, published)
            if not options.watched:
                # a writer that paused longer than the record stage took was not seen by it: a change since, while
                # the site was made, says the page read may be part of one (serve's watcher rebuilds it anyway)
                flagged = {notice.source for notice in unsettled}
                unsettled += tuple(Notice(sf.source, None, CHANGING, CHANGING_MESSAGE, "error")
                                   for sf in changed_since_walk(read) if sf.source not in flagged)

            report = _report(discovery, records, archive, moved, outcome, options, unsettled)
            _remember(cache, config, manifest_key, records, shas, rkeys, outcome, report, plan_salt, archive,
                      source_state, not unsettled)
            clock("done", 0, 0)
        except KeyboardInterrupt:
            # the new site is in place: the command must not say the previous one was left
            raise writer.SiteWritten from None
    result = outcome.result
    return BuildResult(
        pages_read=len(records.pages), items=len(archive.items), regions=len(archive.regions),
        topics=len(archive.topics), errors=report.errors,
        warnings=project_notices(config) + report.warnings + _cache_notice(cache, config),
        failed_pages=report.failed,
        ignored=discovery.ignored, files_written=len(result.written), files_unchanged=len(result.unchanged),
        files_removed=len(result.removed), stale_kept=result.kept, pages_parsed=records.parsed,
        pages_tagged=records.tagged, cache_hits=records.hits, up_to_date=False,
        seconds=time.perf_counter() - started, output=output, written=result.written, removed=result.removed,
        timings=tuple(clock.timings.items()), pages_rendered=outcome.rendered, pages_reused=outcome.reused,
        shards_indexed=outcome.indexed, redirects=len(moved), search_deferred=outcome.deferred,
    )


def _cache_notice(cache: BuildCache, config: Config) -> tuple[Notice, ...]:
    """The one warning of a build whose cache could not be written (a full disk, a read-only mount): the
    site is right, but every later build redoes the work, and nothing said why."""
    if cache.failure is None:
        return ()
    reason = cache.failure.strerror or str(cache.failure)
    return (Notice(str(config.cache_dir), None, UNWRITABLE, f"cannot write the build cache: {reason} (the site "
                   "was built; later builds redo the work until the cache can be written)"),)


@dataclass(frozen=True)
class _Report:
    """What a build tells its caller (and an up-to-date build repeats from the cache's summary)."""

    warnings: tuple[Notice, ...]
    errors: tuple[Notice, ...]
    failed: tuple[str, ...]
    summary: dict[str, object]


def _report(discovery: Discovery, records: RecordSet, archive: Archive, moved: Sequence[tuple[str, str, str]],
            outcome: _Written, options: BuildOptions, unsettled: Sequence[Notice] = ()) -> _Report:
    notices = [*discovery.notices, *(n for p in records.pages for n in p.notices), *unsettled,
               *(Notice(source, None, "duplicate-id", f"item {item_id} left out: another page's item has "
                        "this id", "error") for source, item_id in archive.duplicate_ids)]
    warnings = tuple(n for n in notices if n.level != "error")
    errors = (*(n for n in notices if n.level == "error"), *records.losses)
    failed = tuple(p.source for p in records.pages if p.failed)
    summary: dict[str, object] = {
        "pages_read": len(records.pages), "items": len(archive.items), "regions": len(archive.regions),
        "topics": len(archive.topics), "warnings": [_notice_json(n) for n in warnings],
        "errors": [_notice_json(n) for n in notices if n.level == "error"],
        "losses": [_notice_json(n) for n in records.losses], "strict_checked": options.strict,
        "failed_pages": list(failed), "redirects": len(moved), "stale_kept": list(outcome.result.kept),
    }
    return _Report(warnings, tuple(errors), failed, summary)


def _remember(cache: BuildCache, config: Config, manifest_key: str, records: RecordSet,
              shas: Sequence[str | None], rkeys: Sequence[str], outcome: _Written, report: _Report,
              plan_salt: str, archive: Archive, source_state: SourceState, settled: bool = True) -> None:
    """Bring the cache up to date with the site just written: its manifest (the next build's up-to-date
    check), the state the next plan compares against, and entries no longer used pruned. ``settled`` is
    False when a source kept changing while it was read."""
    summaries = store_key(records.summary_keys)
    # a build with a crashed stage, or a source that was being written, must not be remembered as up to date:
    # the next build retries it (else it repeated the stored error, and kept what it read, while the bytes
    # the file ends with hashed the same)
    if records.crashed or not settled or any(s is None for s in shas):
        cache.store("outputs", manifest_key, None)
    else:
        # the key the next build computes when nothing changed: over the manifest this build leaves
        # (none while search shards wait: the next build must index them)
        stamps = outcome.result.stamps
        cache.store("outputs", manifest_key, OutputManifest(
            "" if outcome.deferred else _site_key(config, rkeys, stamps.get(writer.MANIFEST_PATH)), stamps,
            outcome.page_keys, outcome.shards, report.summary, plan_salt, site_inputs(config), outcome.ownership,
            summaries))
    keyword_pages = frozenset(t.label for t in archive.keywords if has_page("keywords", t))
    cache.store_single("state", STATE_KEY, BuildState(source_state, archive.related_cache(), keyword_pages,
                                                      frozenset(archive.issue_by_key), summaries))
    cache.prune("pages", (e.page_key for e in records.stored.values()), slack=100 + len(records.stored))
    cache.prune("docs", (e.summary_key for e in records.stored.values()), slack=100 + len(records.stored))
    cache.prune("search", outcome.shards.values(), slack=20)
    cache.prune("shards", outcome.shards.values(), slack=20)
    cache.prune("templates", (), slack=200)  # one entry per template file and code version: cleared when many
    cache.prune("patterns", [programs_key()], slack=4)  # one table per interpreter


# ---------------------------------------------------------------------------------------------
# keys of the whole site (the up-to-date check)

def _manifest_key(output: Path, cache_dir: Path) -> str:
    """The cache's name for what it knows of one output folder: the output's path seen from the cache folder.
    A project moved or copied with its cache (a renamed folder, a CI workspace restored elsewhere) finds its
    last build again (an absolute path made it re-render every page and read every published page back),
    while outputs sharing one cache folder from different places keep different names."""
    try:
        seen_from_cache = os.path.relpath(output, os.path.realpath(cache_dir))
    except ValueError:  # another drive (Windows): no relative path
        seen_from_cache = str(output)
    return digest("output", seen_from_cache)


def _project_folder_of(path: Path, config: Config) -> Path | None:
    """The project's templates/ or static/ folder that ``path`` is or lies in (they may not exist yet), else None."""
    try:
        resolved = path.expanduser().resolve()
        folders = [(config.root / name).resolve() for name in ("templates", "static")]
    except (OSError, RuntimeError):  # a loop of links: the cache's own checks report it
        return None
    return next((config.root / f.name for f in folders if resolved.is_relative_to(f)), None)


def _check_cache_place(config: Config) -> None:
    """Refuse a cache folder in the project's templates/ or static/ (new or empty there, it passed as a cache): in
    static/ the cache's entries (pickles of every page's text) were published with the site, and each build copied
    the entries the last one wrote (never up to date); in templates/ they were listed among the templates."""
    folder = _project_folder_of(config.cache_dir, config)
    if folder is not None:
        where = "is" if config.cache_dir.expanduser().resolve() == folder.resolve() else "is inside"
        raise OutputError(f"refusing to use this folder as the cache: it {where} the project's {folder.name} "
                          f"folder {folder}, whose files the build reads", source=str(config.cache_dir),
                          hint="set cache_dir in archive.yaml to a folder of its own, e.g. .archive-cache")


def _ownership(output: Path, manifest: OutputManifest | None, options: BuildOptions) -> Ownership:
    """What archive-gen owns in the output: as the last build recorded it, while the manifest it left is on
    disk as written (no need to parse it), else read from the output (refusing a stranger's folder)."""
    stamp = manifest.stamps.get(writer.MANIFEST_PATH) if manifest is not None else None
    if manifest is not None and manifest.ownership is not None \
            and writer.still_on_disk(output, writer.MANIFEST_PATH, stamp):
        return manifest.ownership
    return writer.read_ownership(output, allow_foreign=options.allow_foreign)


def _site_key(config: Config, rkeys: Sequence[str], manifest_stamp: FileStamp | None) -> str:
    """Every input of the site: records (through their keys), the code that turns records into pages
    (everything this module imports), templates and static files (built-in and the project's), the
    config, the about page, and the published-URL history (the url_history file; the output's own
    manifest through its hash, which the up-to-date check also finds on disk unchanged)."""
    # the project's own paths as seen from its folder (what is read there is hashed below): a project moved or
    # copied with its cache is up to date where it lands, as its site is the same bytes
    shown = dataclasses.replace(
        config, root=Path("."), sources=(), output=Path("."), cache_dir=Path("."), config_file=None, override_lines={},
        about=_in_project(config.about, config.root), url_history=_in_project(config.url_history, config.root),
        taxonomy=dataclasses.replace(config.taxonomy, file=_in_project(config.taxonomy.file, config.root)))
    about = _content_hash(config.about) if config.about is not None and config.about.is_file() else ""
    history = _content_hash(config.url_history) if config.url_history and config.url_history.is_file() else ""
    files = [*template_dirs(config), config.root / "static", builtin_dir("static")]
    return digest(code_key(__name__), repr(shown), tuple(rkeys), _tree(files, config.root), about, history,
                  manifest_stamp.sha256 if manifest_stamp else "", os.environ.get("SOURCE_DATE_EPOCH", ""))


def _in_project(path: Path | None, root: Path) -> Path | None:
    """``path`` relative to the project folder when it lies in it (marked so: no outside path can equal it)."""
    if path is None or not path.is_relative_to(root):
        return path
    return Path("<project>") / path.relative_to(root)


def _content_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time: a project file of gigabytes (a sparse
    ``about.md``, a video in static/) was read whole here, a MemoryError traceback before any file was looked at.
    One over the largest a project file may be is never read by the build: its size and mtime stand for it."""
    with path.open("rb") as handle:
        info = os.fstat(handle.fileno())
        if info.st_size > MAX_STATIC_FILE_BYTES:  # never read (refused, or skipped): its size and time stand for it
            return f"{info.st_size}:{info.st_mtime_ns}"
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _tree(roots: Sequence[Path], project: Path) -> str:
    """Names and bytes of every file under ``roots`` (a folder that is not there, by its place in the project)."""
    parts: list[object] = []
    for root in roots:
        if not root.is_dir():
            parts.append((str(_in_project(root, project)), None))
            continue
        for path in sources.project_tree(root):
            if os.path.isfile(path) and "__pycache__" not in path.parts:
                try:
                    parts.append((path.relative_to(root).as_posix(), _content_hash(path)))
                except OSError:
                    parts.append((path.relative_to(root).as_posix(), None))
    return digest(*parts)


def _load_state(cache: BuildCache, options: BuildOptions) -> BuildState:
    state = None if options.force else cache.load_single("state", STATE_KEY)
    return state if isinstance(state, BuildState) else BuildState()


def _load_manifest(cache: BuildCache, key: str) -> OutputManifest | None:
    manifest = cache.load("outputs", key)
    return manifest if isinstance(manifest, OutputManifest) else None


def _up_to_date(manifest: OutputManifest, site_key: str, output: Path, discovery: Discovery,
                options: BuildOptions, started: float) -> BuildResult | None:
    """The result of a build that changes nothing, or None when something must be rebuilt."""
    summary = manifest.summary
    if manifest.site_key != site_key or not writer.on_disk_as_stamped(output, manifest.stamps):
        return None
    if options.strict and not summary.get("strict_checked"):
        return None
    stale = tuple(str(rel) for rel in summary.get("stale_kept", ()))  # type: ignore[attr-defined]
    if stale and options.clean:
        return None
    try:
        warnings = tuple(_notice_from_json(n) for n in summary["warnings"])  # type: ignore[attr-defined]
        errors = tuple(_notice_from_json(n) for n in summary["errors"])  # type: ignore[attr-defined]
        if options.strict:
            errors += tuple(_notice_from_json(n) for n in summary["losses"])  # type: ignore[attr-defined]
        return BuildResult(
            pages_read=int(summary["pages_read"]), items=int(summary["items"]),  # type: ignore[call-overload]
            regions=int(summary["regions"]), topics=int(summary["topics"]),  # type: ignore[call-overload]
            warnings=warnings, errors=errors, failed_pages=tuple(summary["failed_pages"]),  # type: ignore[arg-type]
            ignored=discovery.ignored, files_written=0, files_unchanged=len(manifest.stamps), files_removed=0,
            stale_kept=stale, pages_parsed=0, pages_tagged=0, cache_hits=len(discovery.files),
            up_to_date=True, seconds=time.perf_counter() - started, output=output,
            redirects=int(summary.get("redirects", 0)),  # type: ignore[call-overload]
        )
    except (KeyError, TypeError, ValueError):
        return None


def _notice_json(notice: Notice) -> list[object]:
    return [notice.source, notice.line, notice.code, notice.message, notice.level]


def _notice_from_json(data: Sequence[object]) -> Notice:
    source, line, code, message, level = data
    return Notice(str(source), int(line) if isinstance(line, int) else None, str(code), str(message),
                  "error" if level == "error" else "warning")


# ---------------------------------------------------------------------------------------------
# pages and search, streamed into the staging folder

@dataclass(frozen=True)
class _Written:
    """What the output stage did."""

    result: writer.WriteResult
    ownership: Ownership  # what the manifest it wrote says
    page_keys: dict[str, str]
    shards: dict[str, str]
    rendered: int
    reused: int
    indexed: tuple[str, ...]
    deferred: tuple[str, ...]


@dataclass(frozen=True)
class _Done:
    """One page or file: its key (pages only), and its bytes staged, or equal to what is on disk (kept,
    with the stamp it has there)."""

    path: str
    stamp: FileStamp | StagedFile
    key: str = ""
    rendered: bool = False


class _OutputWork:
    """What render and search workers share (forked: inherited, never pickled): the renderer, the staging
    folder, and what the last build left (stamps and page keys)."""

    def __init__(self, renderer: Renderer, keys: PageKeys, staging: Staging, output: Path,
                 previous: Mapping[str, FileStamp], previous_keys: Mapping[str, str]) -> None:
        self.renderer = renderer
        self.keys = keys
        self.staging = staging
        self.output = output
        self.previous = previous
        self.previous_keys = previous_keys

    def emit(self, path: str, data: bytes, key: str = "", rendered: bool = False) -> _Done:
        """Stage ``data`` unless the file on disk already holds exactly it (then it keeps its mtime)."""
        on_disk = writer.same_on_disk(self.output, path, data, self.previous.get(path))
        if on_disk is not None:
            return _Done(path, on_disk, key, rendered)
        return _Done(path, self.staging.stage(path, data), key, rendered)

    def page(self, job: PageJob) -> _Done:
        """Key one page, and render it unless the last build's file for the same key is still on disk.
        A page the plan knows to be unchanged (not ``fresh``) keeps its last key without its inputs."""
        stamp = self.previous.get(job.path)
        known = self.previous_keys.get(job.path)
        on_disk = known is not None and writer.still_on_disk(self.output, job.path, stamp)
        if not job.fresh and on_disk:
            assert stamp is not None and known is not None
            return _Done(job.path, stamp, known)
        inputs = job.make()  # not job.inputs: a worker keeps no page's inputs after rendering it
        key = self.keys.key(job.template, inputs)
        if key == known and on_disk:
            assert stamp is not None
            return _Done(job.path, stamp, key)
        return self.emit(job.path, self.renderer.render(job.path, job.template, inputs), key, True)

    def pages(self, jobs: Sequence[PageJob]) -> list[_Done]:
        return [self.page(job) for job in jobs]


_WORK: tuple[_OutputWork, list[PageJob]] | None = None  # set in the parent just before it forks


def _pages_chunk(bounds: tuple[int, int]) -> tuple[list[_Done], dict[CardRef, tuple[str, ...]]]:
    """In a forked worker: the pages jobs[start:end] of the plan the parent left in ``_WORK``, and the cards
    drawn for them that no earlier build kept (the parent keeps them)."""
    assert _WORK is not None
    work, jobs = _WORK
    done = work.pages(jobs[bounds[0]:bounds[1]])  # its pack stays open for its next chunk; exit closes it
    return done, work.renderer.new_cards()


def _index_shard(name: str, docs: Sequence[SearchDoc]) -> dict[str, bytes]:
    return index_shard(name, docs)


_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


class _WarmOutput:
    """The output folder's metadata read into the kernel's cache by a forked process (writer.warm_metadata)
    while this one scans and parses: on the morning after, a day's build otherwise waits ~0.3 s at 10k
    items for the disk, in a stat of every page it keeps and the walk before the swap. Only with a spare
    worker (``jobs`` > 1) and a previous site; leaving the context stops it wherever it is."""

    def __init__(self, output: Path, jobs: int, previous: OutputManifest | None) -> None:
        self._pool: ForkPool | None = None
        if jobs < 2 or previous is None or not previous.stamps or not _CAN_FORK:
            return
        self._pool = fork_pool(1)
        self._pool.start(writer.warm_metadata, output)

    def __enter__(self) -> _WarmOutput:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if self._pool is not None:
            self._pool.stop_now()  # what it has not read by now no longer saves anything


class _ShardsAhead:
    """Search shards indexed in processes of their own from the moment their documents are known, while
    the parent assembles the archive and the pages render: a build with fewer shards to index than
    workers (a day, an edit) has them on its longest path otherwise. A build with more keeps them in the
    render pool, where they never run beside more than ``jobs`` processes (memory).

    Used as a context manager: leaving it early (an error, Ctrl-C) cancels what has not started."""

    def __init__(self, todo: Mapping[str, Sequence[SearchDoc]], jobs: int) -> None:
        self.futures: dict[str, Future[dict[str, bytes]]] = {}
        self._pool: ForkPool | None = None
        if not 0 < len(todo) < jobs or not _CAN_FORK:
            return
        self._pool = fork_pool(len(todo))
        self.futures = {name: self._pool.start(_index_shard, name, docs) for name, docs in todo.items()}

    def results(self) -> dict[str, dict[str, bytes]]:
        return {name: future.result() for name, future in self.futures.items()}

    def __enter__(self) -> _ShardsAhead:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if self._pool is not None:
            if kind is None:
                self._pool.shutdown(wait=True)
            else:
                self._pool.stop_now()


def _write_site(plan: SitePlan, keys: PageKeys, search: _SearchPlan, ahead: _ShardsAhead, store: RecordStore,
                config: Config, cache: BuildCache, output: Path, ownership: Ownership,
                manifest: OutputManifest | None, published: Mapping[str, permalinks.Published],
                options: BuildOptions, clock: ProgressFn, moving: writer.MoveGuard | None = None) -> _Written:
    """Key every page of the plan and render those that changed, and index the search shards that changed
    (those not indexed ``ahead``), streaming the files into a staging folder (in ``options.jobs`` forked
    workers when there is much to do); then move them into place. The parent never holds the pages' inputs
    or bytes."""
    global _WORK
    clock("plan", 0, 0)
    previous = manifest.stamps if manifest is not None else {}
    previous_keys = manifest.page_keys if manifest is not None else {}
    jobs = list(plan.jobs())
    # what the last build published: its manifest in the cache, and the output's own (the cache may be gone: the
    # gone terms' pages were kept as stale copies, and --clean deleted them)
    jobs += plan.term_redirects(previous.keys() | ownership.files, {job.path for job in jobs})
    html_pages = sorted(job.path for job in jobs
                        if job.path.endswith(".html") and job.template not in ("redirect.html", "404.html"))
    jobs.append(plan.sitemap(html_pages))
    todo = {name: docs for name, docs in search.todo.items() if name not in ahead.futures}
    fresh = sum(job.fresh for job in jobs)
    staging = Staging(output)
    staging.open()
    try:
        renderer = Renderer(config, Cards(plan.archive.items), store, TemplateCodeCache(cache), kept=cache)
        work = _OutputWork(renderer, keys, staging, output, previous, previous_keys)
        clock("render", 0, len(jobs))
        workers = options.jobs if fresh + len(todo) * 200 >= options.parallel_min_render else 1
        drawn: list[dict[CardRef, tuple[str, ...]]] = []
        if workers > 1 and _CAN_FORK:
            _WORK = (work, jobs)
            try:
                done, fresh_shards = _run_parallel(jobs, todo, workers, clock, drawn)
            finally:
                _WORK = None
        else:
            fresh_shards = {name: index_shard(name, docs) for name, docs in todo.items()}
            done = []
            for start in range(0, len(jobs), 256):
                done.extend(work.pages(jobs[start:start + 256]))
                clock("render", len(done), len(jobs))
        # the cards drawn now are kept for the next build (a day's term pages show the same older items)
        cache.prune("cards", renderer.keep_cards(drawn), slack=24)
        if ahead.futures:
            clock("search", 0, len(ahead.futures))
            fresh_shards.update(ahead.results())
        indexed = sorted(fresh_shards)
        for name, files in fresh_shards.items():
            cache.store("search", search.keys[name], files)
            cache.store("shards", search.keys[name], _listing(files))
        clock("write", 0, 0)
        page_keys = {item.path: item.key for item in done}
        staged: dict[str, StagedFile] = {}
        kept: dict[str, FileStamp] = dict(search.kept)
        for item in done:
            if isinstance(item.stamp, StagedFile):
                staged[item.path] = item.stamp
            else:
                kept[item.path] = item.stamp
        raw: dict[str, bytes] = {**static_files(config), "robots.txt": robots_txt(config.base_url), ".nojekyll": b""}
        for files in (*search.cached.values(), *fresh_shards.values()):
            raw.update(files)
        raw.update(index_root(sorted([*search.cached.items(), *fresh_shards.items(), *search.listed.items()])))
        clashes = sorted(set(raw) & set(page_keys))
        if clashes:
            raise RenderError(f"two parts of the site would write {clashes[0]}")
        for path in sorted(raw):
            item = work.emit(path, raw[path])
            if isinstance(item.stamp, StagedFile):
                staged[path] = item.stamp
            else:
                kept[path] = item.stamp
        if writer.MANIFEST_PATH in previous:
            kept[writer.MANIFEST_PATH] = previous[writer.MANIFEST_PATH]
        # a term's feed goes with its last item (a topic taken out of the taxonomy, an article's tag changed, a
        # page deleted), whatever --clean says: kept, it offered its last entries to feed readers for good
        result = staging.commit(staged, kept, ownership, clean=options.clean, replaced_whole=(SEARCH_DIR + "/",),
                                withdrawn=urls.is_term_feed, articles=published, moving=moving)
    except BaseException:
        # interrupted (Ctrl-C, SIGTERM) or failed before the moves: the old site was never touched
        staging.abort()
        raise
    rendered = sum(item.rendered for item in done)
    owned = frozenset({*result.stamps, *result.kept, writer.MANIFEST_PATH})
    return _Written(result, Ownership(owned, dict(published)), page_keys, search.keys, rendered,
                    len(page_keys) - rendered, tuple(indexed), tuple(sorted(search.deferred)))


def _run_parallel(jobs: list[PageJob], shard_jobs: Mapping[str, Sequence[SearchDoc]], workers: int,
                  clock: ProgressFn, drawn: list[dict[CardRef, tuple[str, ...]]]
                  ) -> tuple[list[_Done], dict[str, dict[str, bytes]]]:
    """Index changed shards and key and render the plan's pages in ``workers`` forked processes (they
    inherit the archive and the plan; only stamps, keys, new cards (into ``drawn``) and shard files come
    back), in plan order."""
    chunk = max(64, min(1024, len(jobs) // (workers * 8) or 64))
    ranges = [(start, min(start + chunk, len(jobs))) for start in range(0, len(jobs), chunk)]
    done: list[_Done] = []
    with fork_pool(min(workers, len(ranges) + len(shard_jobs))) as pool:  # no worker without a task
        try:
            # shards first: they are the longest tasks, and run while the pages render
            shard_futures = {name: pool.submit(_index_shard, name, docs) for name, docs in shard_jobs.items()}
            for results, cards in pool.map(_pages_chunk, ranges):
                done.extend(results)
                drawn.append(cards)
                clock("render", len(done), len(jobs))
            clock("search", 0, len(shard_futures))
            shards = {name: future.result() for name, future in shard_futures.items()}
        except BaseException:
            pool.stop_now()
            raise
    return done, shards


@dataclass(frozen=True)
class _SearchPlan:
    """What the search stage must do: shards to index (with their docs), every shard's key, shards whose
    files come from the cache, and shards still on disk as the last build wrote them (kept unread; their
    ``listed`` files hold only what index_root reads), among them shards whose indexing is ``deferred``
    (kept under their last key)."""

    todo: dict[str, list[SearchDoc]]
    keys: dict[str, str]
    cached: dict[str, dict[str, bytes]]
    listed: dict[str, dict[str, bytes]]
    kept: dict[str, FileStamp]
    deferred: list[str]


def _listing(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """A shard as index_root reads it: every file's name, and the bytes of its meta file only."""
    return {path: data if path.endswith("/meta.js") else b"" for path, data in files.items()}


def _plan_search(archive: Catalogue, records: RecordSet, store: RecordStore, cache: BuildCache, output: Path,
                 manifest: OutputManifest | None, *, defer: bool = False) -> _SearchPlan:
    """A shard's key is its name, its items' summary keys and the search code: a day's rebuild indexes
    the newest shard only, and a shard whose files are still on disk is not even read. With ``defer``, a
    changed shard whose last files are still on disk keeps them (and its last key) instead."""
    previous = manifest.stamps if manifest is not None else {}
    previous_shards = manifest.shards if manifest is not None else {}
    newest = archive.newest_date()
    busy = busy_periods(item.date for item in archive.items.values())
    members: dict[str, list[str]] = {}
    for item_id in archive.order:  # date desc, then id: the order index_shard expects
        item = archive.items[item_id]
        members.setdefault(shard_of(item.date, newest, busy), []).append(item_id)
    code = code_key("archive_gen.search")
    summary_keys = records.summary_keys
    plan = _SearchPlan({}, {}, {}, {}, {}, [])
    for name, ids in members.items():
        key = digest(code, name, tuple((i, summary_keys[archive.items[i].source]) for i in ids))
        plan.keys[name] = key
        last = previous_shards.get(name)
        listing = cache.load("shards", last) if last is not None and (last == key or defer) else None
        if isinstance(listing, dict) and listing and all(writer.still_on_disk(output, p, previous.get(p))
                                                         for p in listing):
            plan.listed[name] = listing
            plan.kept.update({p: previous[p] for p in listing})
            if last != key:
                plan.keys[name] = last
                plan.deferred.append(name)
            continue
        files = cache.load("search", key)
        if isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, bytes) for k, v in files.items()):
            plan.cached[name] = files
            continue
        wanted = set(ids)
        docs: list[SearchDoc] = []
        for source in dict.fromkeys(archive.items[i].source for i in ids):
            docs.extend(d for d in store.docs(source) if d.id in wanted)
        plan.todo[name] = docs_order(docs)
    return plan


def render_site(pages: Sequence[Page], config: Config) -> dict[str, bytes]:
    """Every file of the site for parsed and tagged pages, in memory: the same pages, the same bytes as
    a build of them (without the ownership manifest), for tests and for library users."""
    records = MemoryRecords(pages)
    archive = build_archive(records.summaries)
    plan = SitePlan(archive, config, about_html=about_html(config),
                    build_date=default_build_date(archive, os.environ.get("SOURCE_DATE_EPOCH", "")),
                    redirects=())
    renderer = Renderer(config, Cards(archive.items), records)
    files: dict[str, bytes] = {}
    for job in plan.jobs():
        files[job.path] = renderer.render(job.path, job.template, job.make())
    html = sorted(p for p, _ in files.items() if p.endswith(".html") and p != "404.html")
    sitemap = plan.sitemap(html)
    files[sitemap.path] = renderer.render(sitemap.path, sitemap.template, sitemap.make())
    newest = archive.newest_date()
    busy = busy_periods(item.date for item in archive.items.values())
    docs: dict[str, list[SearchDoc]] = {}
    by_id = {d.id: d for p in records.pages for d in records.docs(p.source)}
    for item_id in archive.order:
        docs.setdefault(shard_of(archive.items[item_id].date, newest, busy), []).append(by_id[item_id])
    shards = {name: index_shard(name, shard) for name, shard in docs.items()}
    for shard_files in shards.values():
        files.update(shard_files)
    files.update(index_root(sorted(shards.items())))
    files.update(static_files(config))
    files["robots.txt"] = robots_txt(config.base_url)
    files[".nojekyll"] = b""
    return dict(sorted(files.items()))
