"""The build engine: find sources → load → tag → build_archive → render_site → search index → write.

``build_site(config, options)`` is the library API behind ``archive-gen build`` and ``serve``. The stages
are passed in explicitly (``Stages``) so the engine can be run and tested with any record functions.
Parsed and tagged pages are cached by content and tool fingerprints; a build whose inputs did not
change at all is recognised up front and does no parsing, no tagging, no rendering and no writing.
Otherwise only pages whose template context changed are rendered (digests in the output manifest) and
only search shards whose records changed are re-indexed (shards in the cache); docs/performance.md.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import multiprocessing
import os
import stat
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import __version__, writer
from .cache import (
    CACHE_FORMAT,
    BuildCache,
    OutputManifest,
    PageEntry,
    digest,
    distribution_version,
    package_paths,
    sha256_bytes,
    tree_digest,
)
from .config import Config
from .errors import ConfigError, OutputError
from .model import Notice, Page
from .resources import builtin_dir

if TYPE_CHECKING:
    from .render import PriorRender, RenderResult
    from .search import SearchIndex, ShardStore

# Code whose changes invalidate cached records (paths inside the package).
PARSE_CODE = ("loader", "model.py", "config.py", "errors.py", "__init__.py")
TAG_CODE = ("tagging", "model.py")
# The whole package except what cannot change the site's bytes (the CLI, the dev server, the scaffold).
SITE_CODE_EXCLUDED = ("cli.py", "serve.py", "__main__.py", "scaffold")
# Code whose output is records only: its fingerprint is in the page keys, not in the render salt.
RECORD_CODE = ("loader", "tagging")
# Libraries whose version can change the output bytes.
SITE_LIBRARIES = ("jinja2", "markdown-it-py", "numpy", "pypinyin", "pyyaml")


class TaggerLike(Protocol):
    """What the engine needs from a tagger."""

    def tag_page(self, page: Page) -> Page: ...


# Progress callback: (stage name, done, total); total 0 means "unknown".
ProgressFn = Callable[[str, int, int], None]


# ---------------------------------------------------------------------------------------------
# default stages: imported lazily so that a no-op build never imports the loader, jieba or jinja2

def load_page_bytes(data: bytes, source: str, config: Config) -> tuple[Page, str]:
    """Decode and parse one page file's bytes with its config override; returns the page and its text.

    Same steps as the loader's own per-file loading (which reads from a path): an undecodable or binary
    file is not parsed, and decode notices are merged with the parser's in line order.
    """
    from .loader import parse_page
    from .loader.decode import decode_bytes

    override = config.pages.get(source)
    date = override.date if override else None
    number = override.page if override else None
    text, encoding, notices = decode_bytes(data, source)
    digest_ = sha256_bytes(data)
    if any(n.level == "error" for n in notices):
        failed = Page(source, digest_, encoding, date, False, None, number, (), tuple(notices),
                      text.count("\n") + 1 if text else 0)
        return failed, text
    page = parse_page(text, source, date=date, page=number, sha256=digest_, encoding=encoding)
    merged = tuple(sorted([*notices, *page.notices], key=lambda n: (n.line or 0, n.code, n.message)))
    return dataclasses.replace(page, notices=merged), text


def make_tagger(config: Config) -> TaggerLike:
    from .tagging import Tagger

    return Tagger(config)


def stitch_continuations(pages: Sequence[Page]) -> list[Page]:
    from .loader.stitch import stitch_continuations as _stitch

    return _stitch(pages)


def build_archive(pages: Sequence[Page], config: Config, prior: Any) -> Any:
    from .archive import build_archive as _build_archive

    return _build_archive(pages, config, prior)


def render_site(archive: Any, config: Config, prior: PriorRender | None, salt: str,
                record_keys: Mapping[str, str], workers: int = 1) -> RenderResult:
    from .render import render_incremental

    return render_incremental(archive, config, prior, salt=salt, record_keys=record_keys, workers=workers)


def build_search_index(site: Mapping[str, bytes], archive: Any, config: Config,
                       store: ShardStore | None) -> SearchIndex:
    """The search index is built from the records alone (the rendered pages are not read)."""
    from .search import build_search_index_cached

    return build_search_index_cached((archive.items[i] for i in archive.order), store)


def conservation(text: str, page: Page) -> list[Notice]:
    from .loader import conservation as _conservation

    return list(_conservation(text, page))


@dataclass(frozen=True)
class Stages:
    """The record functions a build runs; all must be module-level (picklable) for worker processes."""

    parse: Callable[[bytes, str, Config], tuple[Page, str]] = load_page_bytes
    make_tagger: Callable[[Config], TaggerLike] = make_tagger
    # the third argument is what the previous build's archive left in the cache (or None)
    build_archive: Callable[[Sequence[Page], Config, Any], Any] = build_archive
    # (archive, config, the previous render, salt, source -> key of that source's records, workers)
    render_site: Callable[[Any, Config, PriorRender | None, str, Mapping[str, str], int], RenderResult] = \
        render_site
    build_search_index: Callable[[Mapping[str, bytes], Any, Config, ShardStore | None], SearchIndex] = \
        build_search_index
    conservation: Callable[[str, Page], list[Notice]] = conservation

    def identity(self, *names: str) -> tuple[str, ...]:
        """Qualified names of some stages: part of the cache keys, so different stages never share entries."""
        fns = [getattr(self, n) for n in names or [f.name for f in dataclasses.fields(self)]]
        return tuple(f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}" for fn in fns)


# ---------------------------------------------------------------------------------------------
# records of a build

@dataclass(frozen=True)
class SourceFile:
    """A page file to read and the source name its records carry (relative, "/" separators)."""

    path: Path
    source: str
    stat: os.stat_result | None = None  # taken by discovery, reused for the change check (no second stat)


@dataclass(frozen=True)
class Discovery:
    files: tuple[SourceFile, ...]
    ignored: tuple[str, ...]  # non-.txt files that were skipped
    notices: tuple[Notice, ...]  # unreadable folders, symlink loops


@dataclass(frozen=True)
class BuildOptions:
    """How to build (the CLI flags); none of these change the output bytes."""

    jobs: int = 1
    clean: bool = False
    strict: bool = False
    force: bool = False  # ignore the cache and the up-to-date check
    parallel_min_pages: int = 16  # below this many pages to parse, worker start-up costs more than it saves


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
    timings: tuple[tuple[str, float], ...] = ()  # seconds per stage, in order
    pages_rendered: int = 0  # templated pages that went through Jinja (the rest kept their bytes)
    pages_reused: int = 0
    shards_indexed: tuple[str, ...] = ()  # search shards indexed now; the rest came from the cache

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


# ---------------------------------------------------------------------------------------------
# finding the sources

def discover_sources(paths: Sequence[Path]) -> Discovery:
    """Every ``*.txt`` under the given files/folders, in a deterministic order (folder order given,
    then relative path by code point); hidden files and folders are skipped."""
    files: list[SourceFile] = []
    ignored: list[str] = []
    notices: list[Notice] = []
    for root in paths:
        if root.is_file():
            from .loader.dates import file_source_name

            files.append(SourceFile(root, file_source_name(root.as_posix())))
            continue
        if not root.is_dir():
            raise ConfigError("source folder not found", source=str(root),
                              hint="give page files or folders, or set 'source' in archive.yaml")
        found: list[SourceFile] = []
        seen_dirs: set[tuple[int, int]] = set()

        def on_error(exc: OSError, shown_root: Path = root) -> None:
            notices.append(Notice(str(exc.filename or shown_root), None, "unreadable-folder",
                                  f"cannot read folder: {exc.strerror}"))

        for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
            here = Path(dirpath)
            try:
                st = os.stat(here)
                ident = (st.st_dev, st.st_ino)
            except OSError:
                continue
            if ident in seen_dirs:  # a symlink loop (or a second link to a folder already read)
                notices.append(Notice(here.relative_to(root).as_posix(), None, "symlink-loop",
                                      "folder already read through another link; skipped"))
                dirnames[:] = []
                continue
            seen_dirs.add(ident)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                if name.startswith("."):
                    continue
                path = here / name
                rel = path.relative_to(root).as_posix()
                if path.suffix.lower() == ".txt":
                    try:
                        info: os.stat_result | None = os.stat(path)
                    except OSError:
                        info = None  # a dangling link: reading it reports the error with its name
                    if info is None or stat.S_ISREG(info.st_mode):
                        found.append(SourceFile(path, rel, info))
                    else:  # reading a pipe would wait forever, a device would never end
                        notices.append(Notice(rel, None, "not-a-file",
                                              "not a regular file (a pipe, socket or device); skipped"))
                else:
                    ignored.append(str(path))
        files.extend(sorted(found, key=lambda f: f.source))
    return Discovery(tuple(files), tuple(sorted(ignored)), tuple(notices))


# ---------------------------------------------------------------------------------------------
# per-page work, in this process or in a worker

@dataclass(frozen=True)
class _PageJob:
    index: int
    source: str
    path: str  # read by the worker, so the parent never holds every page's bytes at once
    sha256: str  # what the cache key was computed from
    parsed: Page | None  # set: only re-tag this page
    strict: bool


@dataclass(frozen=True)
class _PageOutcome:
    index: int
    parsed: Page
    tagged: Page | None
    conservation: tuple[Notice, ...] | None
    parsed_now: bool
    tagged_now: bool
    crashed: bool  # a stage raised or the file changed under us: report it, never cache it


class _PageWorker:
    """Parses and tags pages; the tagger (which loads jieba) is built on the first page that needs it."""

    def __init__(self, stages: Stages, config: Config) -> None:
        self.stages = stages
        self.config = config
        self._tagger: TaggerLike | None = None

    def run(self, job: _PageJob) -> _PageOutcome:
        crashed = False
        checked: tuple[Notice, ...] | None = None
        if job.parsed is not None:
            page = job.parsed
        else:
            try:
                data = Path(job.path).read_bytes()
            except OSError as exc:
                failed = _failed_page(job.source, None, f"cannot read file: {exc.strerror or exc}")
                return _PageOutcome(job.index, failed, None, None, True, False, True)
            # edited since it was hashed: build what is there now, but do not cache it under the old key
            crashed = sha256_bytes(data) != job.sha256
            try:
                page, text = self.stages.parse(data, job.source, self.config)
                if job.strict and not page.failed:
                    checked = tuple(self.stages.conservation(text, page))
                elif job.strict:
                    checked = ()
            except Exception as exc:  # one bad page never stops the others
                crashed = True
                page = _failed_page(job.source, data, f"could not be parsed ({type(exc).__name__}: {exc})")
        if page.failed:
            return _PageOutcome(job.index, page, None, checked, job.parsed is None, False, crashed)
        try:
            if self._tagger is None:
                self._tagger = self.stages.make_tagger(self.config)
            tagged = self._tagger.tag_page(page)
        except Exception as exc:
            crashed = True
            note = Notice(page.source, None, "tagging-failed",
                          f"could not be tagged ({type(exc).__name__}: {exc})", "error")
            tagged = dataclasses.replace(page, notices=(*page.notices, note))
        return _PageOutcome(job.index, page, tagged, checked, job.parsed is None, True, crashed)


class BuildSession:
    """What a long-running process (``serve``) keeps between builds: the in-process page worker, so
    its tagger (and jieba) is loaded once, not on every rebuild. Reused only while config and stages
    stay the same."""

    def __init__(self) -> None:
        self._worker: _PageWorker | None = None
        self._key: tuple[str, tuple[str, ...]] | None = None

    def worker(self, stages: Stages, config: Config) -> _PageWorker:
        key = (repr(config), stages.identity())
        if self._worker is None or key != self._key:
            self._worker, self._key = _PageWorker(stages, config), key
        return self._worker


def _failed_page(source: str, data: bytes | None, message: str) -> Page:
    return Page(source=source, sha256=sha256_bytes(data) if data is not None else "", encoding="",
                date=None, date_inferred=False, date_evidence=None, page=None, items=(),
                notices=(Notice(source, None, "unreadable", message, "error"),))


# Worker processes keep one _PageWorker each (built by the pool initializer), so every worker
# constructs its tagger once rather than once per page; this global exists only in worker processes.
_WORKER: _PageWorker | None = None


def _init_worker(stages: Stages, config: Config) -> None:
    global _WORKER
    _WORKER = _PageWorker(stages, config)


def _run_in_worker(job: _PageJob) -> _PageOutcome:
    assert _WORKER is not None
    return _WORKER.run(job)


def _run_jobs(jobs: list[_PageJob], stages: Stages, config: Config, options: BuildOptions,
              progress: ProgressFn, session: BuildSession | None) -> list[_PageOutcome]:
    total = len(jobs)
    outcomes: list[_PageOutcome] = []
    workers = min(options.jobs, total)
    if workers <= 1 or total < options.parallel_min_pages:
        worker = session.worker(stages, config) if session is not None else _PageWorker(stages, config)
        for job in jobs:
            outcomes.append(worker.run(job))
            progress("parse", len(outcomes), total)
        return outcomes
    # fork: the CLI can run as `python -m archive_gen`, whose __main__ a spawned child would re-run
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    chunk = max(1, min(32, total // (workers * 4)))
    with concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context(method),
            initializer=_init_worker, initargs=(stages, config)) as pool:
        try:
            # map() yields in submission order, so the merge is deterministic whatever finishes first
            for outcome in pool.map(_run_in_worker, jobs, chunksize=chunk):
                outcomes.append(outcome)
                progress("parse", len(outcomes), total)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return outcomes


# ---------------------------------------------------------------------------------------------
# fingerprints

def _parse_fingerprint(stages: Stages) -> str:
    return digest(CACHE_FORMAT, __version__, tree_digest(package_paths(*PARSE_CODE)),
                  distribution_version("charset-normalizer"), stages.identity("parse", "conservation"))


def _tag_fingerprint(config: Config, stages: Stages) -> str:
    """Everything the tagger's output depends on, computed without constructing it (that loads jieba)."""
    taxonomy = config.taxonomy
    taxonomy_file = tree_digest([taxonomy.file]) if taxonomy.file else None
    return digest(tree_digest(package_paths(*TAG_CODE)), distribution_version("jieba"),
                  distribution_version("pypinyin"), repr(taxonomy.extend), taxonomy_file,
                  sorted(config.gazetteer_aliases.items()), stages.identity("make_tagger"))


def _site_code() -> list[str]:
    """Package code that turns records into bytes. The loader and the tagger reach the site only
    through the records (covered by the page keys and the page contexts), so they are left out."""
    package = package_paths(".")[0]
    excluded = (*SITE_CODE_EXCLUDED, *RECORD_CODE)
    return sorted(p.name for p in package.iterdir()
                  if p.name not in excluded and not p.name.startswith((".", "__pycache__")))


def _render_salt(config: Config, stages: Stages) -> str:
    """Every input of the site except the records: config, templates, static files, code, libraries.
    Page context digests are salted with it, so a change here re-renders every page."""
    user_dirs = [config.root / "templates", config.root / "static"]
    extra_files = [p for p in (config.about, config.taxonomy.file) if p is not None]
    # where sources come from and where the site goes never reach a page (records carry what does)
    shown = dataclasses.replace(config, sources=(), output=Path("."), cache_dir=Path("."), config_file=None,
                                pages={}, override_lines={})
    return digest(repr(shown),
                  tree_digest(package_paths(*_site_code()), suffixes=(".py", ".yaml", ".json", ".txt", ".csv")),
                  tree_digest([builtin_dir("templates"), builtin_dir("static"), *user_dirs, *extra_files]),
                  tuple(distribution_version(lib) for lib in SITE_LIBRARIES),
                  os.environ.get("SOURCE_DATE_EPOCH", ""), stages.identity())


def _site_fingerprint(render_salt: str, parse_fp: str, tag_fp: str, page_keys: Sequence[str]) -> str:
    """Every input of the rendered site: the records (through their cache keys) and the render salt."""
    return digest(parse_fp, tag_fp, tuple(page_keys), render_salt)


def _prior_render(manifest: OutputManifest | None, output: Path) -> PriorRender | None:
    """The previous build's page digests, with a check that a page is still on disk with the size and
    mtime that build wrote (a deleted or edited file is rendered again)."""
    if manifest is None or not manifest.digests:
        return None
    from .render import PriorRender

    root = str(output) + os.sep
    stamps = manifest.files

    def on_disk(rel: str) -> bool:
        stamp = stamps.get(rel)
        if stamp is None:
            return False
        try:
            st = os.stat(root + rel, follow_symlinks=False)
        except OSError:
            return False
        return st.st_size == stamp.size and st.st_mtime_ns == stamp.mtime_ns

    return PriorRender(manifest.digests, on_disk, manifest.render_salt)


class SiteView(Mapping[str, bytes]):
    """The whole site as the search indexer sees it: pages rendered now, and pages kept on disk from
    the previous build, read only when asked for (only shards that changed read them)."""

    def __init__(self, files: Mapping[str, bytes], kept: Sequence[str], output: Path,
                 digests: Mapping[str, str]) -> None:
        self._files = files
        self._kept = set(kept)
        self._root = str(output) + os.sep
        self.digests = digests  # page path -> context digest (equal digests: equal bytes)

    def __getitem__(self, rel: str) -> bytes:
        if rel in self._files:
            return self._files[rel]
        if rel in self._kept:
            with open(self._root + rel, "rb") as fh:
                return fh.read()
        raise KeyError(rel)

    def __contains__(self, rel: object) -> bool:
        return rel in self._files or rel in self._kept

    def __iter__(self) -> Iterator[str]:
        return iter(sorted({*self._files, *self._kept}))

    def __len__(self) -> int:
        return len(self._files) + len(self._kept - set(self._files))


# ---------------------------------------------------------------------------------------------
# the build

def build_site(config: Config, options: BuildOptions | None = None, *, stages: Stages | None = None,
               progress: ProgressFn | None = None, session: BuildSession | None = None) -> BuildResult:
    """Build the site for ``config`` into ``config.output``; raises ConfigError/OutputError/RenderError.

    ``session`` (optional) carries the loaded tagger from one build to the next in the same process.
    """
    started = time.perf_counter()
    options = options or BuildOptions()
    stages = stages or Stages()
    timings: dict[str, float] = {}
    clock = [started, "scan"]

    def report(stage: str, done: int, total: int) -> None:
        if stage != clock[1]:  # time spent per stage, for the summary and the benchmark
            now = time.perf_counter()
            timings[str(clock[1])] = timings.get(str(clock[1]), 0.0) + now - float(clock[0])
            clock[0], clock[1] = now, stage
        if progress is not None:
            progress(stage, done, total)

    protected = tuple(p for p in (config.cache_dir, config.config_file) if p is not None)
    output = writer.check_output_safe(config.output, sources=config.sources, protected=protected)
    try:
        writer.recover_interrupted(output)
    except OSError as exc:
        raise OutputError(f"cannot tidy up after an interrupted build: {exc.strerror}", source=str(output)) from None

    report("scan", 0, 0)
    discovery = discover_sources(config.sources)
    if not discovery.files:
        shown = ", ".join(str(p) for p in config.sources) or "(none)"
        raise ConfigError("no page files (*.txt) found", source=shown)
    cache = BuildCache(config.cache_dir)
    parse_fp = _parse_fingerprint(stages)
    tag_fp = _tag_fingerprint(config, stages)

    # hash every source, trusting the stored hash when the file's stat is unchanged (like git's index)
    source_index = cache.load_source_index()
    new_index: dict[str, list[Any]] = {}
    shas: list[str] = []
    read_errors: dict[int, str] = {}
    page_keys: list[str] = []
    for i, sf in enumerate(discovery.files):
        key_path = str(sf.path.absolute())
        try:
            st = sf.stat or os.stat(sf.path)
            stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
            known = source_index.get(key_path)
            # a changed stat means reading and hashing (the OS cache makes the worker's second read cheap)
            sha = str(known[3]) if known and known[:3] == stamp else sha256_bytes(sf.path.read_bytes())
            new_index[key_path] = [*stamp, sha]
        except OSError as exc:
            read_errors[i] = f"cannot read file: {exc.strerror or exc}"
            sha = f"unreadable:{i}"
        shas.append(sha)
        override = config.pages.get(sf.source)
        page_keys.append(digest(parse_fp, sf.source, sha, repr(override)))

    render_salt = _render_salt(config, stages)
    site_key = _site_fingerprint(render_salt, parse_fp, tag_fp, page_keys)
    manifest = cache.load_manifest(output)
    if (options.clean and manifest is None and output.is_dir() and any(output.iterdir())
            and not (output / "index.html").is_file()):
        # --clean deletes everything the build does not produce: never in a folder that is not a site
        raise OutputError("refusing --clean: the folder does not look like a site built by archive-gen",
                          source=str(config.output), hint="empty it yourself, or build once without --clean")
    if not options.force and not read_errors and manifest is not None:
        skipped = _up_to_date(manifest, site_key, output, discovery, options, started)
        if skipped is not None:
            return skipped

    # load cached records; queue parsing/tagging for the rest
    entries: list[PageEntry | None] = []
    jobs: list[_PageJob] = []
    kept_conservation: dict[int, tuple[Notice, ...] | None] = {}  # of pages only re-tagged
    hits = 0
    for i, sf in enumerate(discovery.files):
        key = page_keys[i]
        entry = None if options.force or i in read_errors else cache.load_page(key)
        strict_ok = entry is not None and (not options.strict or entry.conservation is not None)
        if entry is not None and entry.parse_key == key and entry.tag_key == tag_fp and strict_ok:
            hits += 1
            entries.append(entry)
            continue
        entries.append(None)
        if i in read_errors:
            continue
        if entry is not None and entry.parse_key == key and strict_ok:
            jobs.append(_PageJob(i, sf.source, str(sf.path), shas[i], entry.parsed, options.strict))
            kept_conservation[i] = entry.conservation
        else:
            jobs.append(_PageJob(i, sf.source, str(sf.path), shas[i], None, options.strict))

    if jobs:
        report("parse", 0, len(jobs))
    outcomes = _run_jobs(jobs, stages, config, options, report, session) if jobs else []
    parsed_count = sum(o.parsed_now for o in outcomes)
    tagged_count = sum(o.tagged_now for o in outcomes)
    for outcome in outcomes:
        # a page only re-tagged keeps the conservation result of its unchanged parse
        checked = outcome.conservation if outcome.parsed_now else kept_conservation.get(outcome.index)
        entry = PageEntry(page_keys[outcome.index], tag_fp, outcome.parsed, outcome.tagged, checked)
        entries[outcome.index] = entry
        if not outcome.crashed:
            cache.store_page(page_keys[outcome.index], entry)

    pages: list[Page] = []
    losses: list[Notice] = []
    for i, sf in enumerate(discovery.files):
        entry = entries[i]
        if entry is None:
            pages.append(_failed_page(sf.source, None, read_errors.get(i, "could not be read")))
            continue
        pages.append(entry.tagged if entry.tagged is not None else entry.parsed)
        if options.strict and entry.conservation:
            losses.extend(dataclasses.replace(n, level="error") for n in entry.conservation)

    report("archive", 0, 0)
    # continued articles need every page of their issue, so halves are joined only after all pages load
    pages = stitch_continuations(pages)
    prior_related = None if options.force else cache.load_related()
    archive = stages.build_archive(pages, config, prior_related)
    report("render", 0, 0)
    prior = None if options.force else _prior_render(manifest, output)
    # a source's records are fixed by its page key (bytes, override, loader code) and the tagger's inputs
    record_keys = {sf.source: digest(page_keys[i], tag_fp) for i, sf in enumerate(discovery.files)}
    rendered = stages.render_site(archive, config, prior, render_salt, record_keys, options.jobs)
    files = dict(rendered.files)
    kept = rendered.kept
    report("search", 0, 0)
    site_view = SiteView(files, kept, output, rendered.digests)
    search_index = stages.build_search_index(site_view, archive, config, None if options.force else cache)
    index_files = search_index.files
    clashes = sorted((set(files) | set(kept)) & set(index_files))
    if clashes:
        from .errors import RenderError

        raise RenderError(f"the search index would overwrite the rendered file {clashes[0]}")
    files.update(index_files)
    report("write", 0, len(files))
    written = writer.write_site(files, output, clean=options.clean,
                                previous=manifest.files if manifest else None,
                                progress=lambda done, total: report("write", done, total), kept=kept,
                                replaced_whole=search_index.replaced_whole)

    notices = [*discovery.notices, *(n for p in pages for n in p.notices)]
    warnings = tuple(n for n in notices if n.level != "error")
    errors = (*(n for n in notices if n.level == "error"), *losses)
    failed = tuple(p.source for p in pages if p.failed)
    items = [item for p in pages for item in p.items]
    # counted as the site shows them (a tagged county brings its prefecture and province pages)
    region_nodes = getattr(archive, "regions", None)
    regions = len(region_nodes) if isinstance(region_nodes, Mapping) else \
        len({tag.region.code for item in items for tag in item.regions})
    topics = len({tag.slug for item in items for tag in item.topics})
    summary = {
        "pages_read": len(pages), "items": len(items), "regions": regions, "topics": topics,
        "warnings": [_notice_json(n) for n in warnings],
        "errors": [_notice_json(n) for n in notices if n.level == "error"],
        "losses": [_notice_json(n) for n in losses], "strict_checked": options.strict,
        "failed_pages": list(failed),
    }
    # a build with a crashed stage must not be remembered as up to date: the next build retries it
    crashed = any(o.crashed for o in outcomes) or bool(read_errors)
    if crashed:
        cache.forget_manifest(output)
    else:
        cache.store_manifest(output, OutputManifest(site_key, written.stamps, summary, rendered.digests,
                                                    render_salt))
    cache.store_source_index(new_index)
    if hasattr(archive, "related_cache"):
        cache.store_related(archive.related_cache())
    cache.prune_pages(page_keys)
    cache.prune_shards(search_index.shard_keys)
    report("done", 0, 0)
    return BuildResult(
        pages_read=len(pages), items=len(items), regions=regions, topics=topics,
        warnings=warnings, errors=tuple(errors), failed_pages=failed, ignored=discovery.ignored,
        files_written=len(written.written), files_unchanged=len(written.unchanged),
        files_removed=len(written.removed), stale_kept=written.kept,
        pages_parsed=parsed_count, pages_tagged=tagged_count, cache_hits=hits, up_to_date=False,
        seconds=time.perf_counter() - started, output=output, written=written.written,
        timings=tuple(timings.items()), pages_rendered=len(rendered.rendered), pages_reused=rendered.reused,
        shards_indexed=search_index.built,
    )


def _up_to_date(manifest: OutputManifest, site_key: str, output: Path, discovery: Discovery,
                options: BuildOptions, started: float) -> BuildResult | None:
    """The result of a build that changes nothing, or None when something must be rebuilt."""
    summary = manifest.summary
    if manifest.site_key != site_key or not writer.output_matches(output, manifest.files):
        return None
    if options.strict and not summary.get("strict_checked"):
        return None
    stale = tuple(rel for rel in writer.existing_files(output) if rel not in manifest.files)
    if stale and options.clean:
        return None
    try:
        warnings = tuple(_notice_from_json(n) for n in summary["warnings"])
        errors = tuple(_notice_from_json(n) for n in summary["errors"])
        if options.strict:
            errors += tuple(_notice_from_json(n) for n in summary["losses"])
        return BuildResult(
            pages_read=int(summary["pages_read"]), items=int(summary["items"]),
            regions=int(summary["regions"]), topics=int(summary["topics"]),
            warnings=warnings, errors=errors, failed_pages=tuple(summary["failed_pages"]),
            ignored=discovery.ignored, files_written=0, files_unchanged=len(manifest.files), files_removed=0,
            stale_kept=stale, pages_parsed=0, pages_tagged=0, cache_hits=len(discovery.files),
            up_to_date=True, seconds=time.perf_counter() - started, output=output,
        )
    except (KeyError, TypeError, ValueError):
        return None


def _notice_json(notice: Notice) -> list[Any]:
    return [notice.source, notice.line, notice.code, notice.message, notice.level]


def _notice_from_json(data: Sequence[Any]) -> Notice:
    source, line, code, message, level = data
    return Notice(str(source), int(line) if line is not None else None, str(code), str(message),
                  "error" if level == "error" else "warning")

