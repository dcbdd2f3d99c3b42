"""The command line: a thin click shell over the library API (build.py, serve.py, writer.py, export.py).

Exit codes: 0 ok, 1 the build finished but some pages had errors, 2 usage, config or output error.
Every user error is one line on stderr naming the file (and line); never a traceback.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import click

from . import __version__
from .config import Config, check_references, load_config
from .errors import ArchiveGenError
from .model import Notice, Page
from .records import check_tagging_config, read_pages
from .sources import discover

EXIT_OK, EXIT_PAGE_ERRORS, EXIT_USAGE = 0, 1, 2


def _fail(err: ArchiveGenError) -> NoReturn:
    click.echo(f"archive-gen: error: {err}", err=True)
    sys.exit(err.exit_code)


def _fail_os(exc: OSError) -> NoReturn:
    where = f"{exc.filename}: " if exc.filename else ""
    click.echo(f"archive-gen: error: {where}{exc.strerror or exc}", err=True)
    sys.exit(EXIT_USAGE)


@contextmanager
def _user_errors() -> Iterator[None]:
    """ArchiveGenError and OSError become one line on stderr and the matching exit code."""
    try:
        yield
    except ArchiveGenError as err:
        _fail(err)
    except OSError as exc:
        _fail_os(exc)


def _load(config_path: Path | None, sources: tuple[Path, ...] = (), **overrides: Any) -> Config:
    """archive.yaml (from --config, else the current folder, else defaults) plus the CLI values given,
    with every reference it makes (page overrides, taxonomy file, gazetteer aliases) checked."""
    config = load_config(config_path)
    if sources:
        overrides["sources"] = tuple(p.absolute() for p in sources)
    if overrides.get("output") is not None:
        overrides["output"] = Path(overrides["output"]).absolute()
    config = config.with_overrides(**overrides)
    page_sources = None
    # overrides name configured pages: with page files given on the command line, others are expected
    if not sources and config.pages:
        page_sources = [f.source for f in discover(config.sources, follow_symlinks=config.follow_symlinks).files]
    check_references(config, page_sources)
    check_tagging_config(config)
    return config


def _notice_page(notice: Notice) -> Page:
    """A folder problem found while looking for pages, reported like a page's own notice."""
    return Page(notice.source, "", "", None, False, None, None, (), (notice,))


def _default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C, so the writer removes its temporary folder; the old site stays."""
    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (e.g. inside a test runner thread)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="archive-gen")
def main() -> None:
    """Turn a folder of raw newspaper page texts into a browsable, searchable static archive.

    \b
    Examples:
      archive-gen init my-archive && cd my-archive && archive-gen build
      archive-gen build                      # sources and output from archive.yaml
      archive-gen serve                      # http://127.0.0.1:8000/, rebuilds on change
      archive-gen check                      # list every loader warning as file:line: message
    """


# ---------------------------------------------------------------------------------------------
# build

_config_option = click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
                              help="Path to archive.yaml (default: ./archive.yaml if present).")
_output_option = click.option("--output", "-o", type=click.Path(path_type=Path),
                              help="Output folder (default: 'output' in archive.yaml, else site/).")
_jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                            help="Worker processes for parsing and tagging (default: number of CPUs).")


class _Progress:
    """Build progress on stderr: a rich bar on a terminal, plain lines otherwise, nothing when quiet."""

    _LABELS: ClassVar[dict[str, str]] = {"scan": "scanning sources", "parse": "parsing and tagging", "archive": "building indexes",
                                         "render": "rendering pages", "search": "indexing for search",
                                         "write": "writing files"}

    def __init__(self, quiet: bool) -> None:
        from rich.console import Console

        self._quiet = quiet
        self._console = Console(stderr=True)
        self._bar: Any = None
        self._task: Any = None
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self._quiet or stage == "done":
            return
        label = self._LABELS.get(stage, stage)
        if not self._console.is_terminal:
            if stage != self._stage:
                self._stage = stage
                click.echo(f"{label}…" if not total else f"{label} ({total})…", err=True)
            return
        if self._bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=self._console, transient=True)
            self._bar.start()
        if stage != self._stage:
            self._stage = stage
            if self._task is not None:
                self._bar.remove_task(self._task)
            self._task = self._bar.add_task(label, total=total or None)
        self._bar.update(self._task, completed=done, total=total or None)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _print_result(result: Any, *, verbose: bool, quiet: bool, strict: bool) -> None:
    from .build import BuildResult

    assert isinstance(result, BuildResult)
    if verbose:
        for path in result.ignored:
            click.echo(f"ignored (not a .txt page): {path}", err=True)
        for notice in result.warnings:
            click.echo(str(notice), err=True)
        for rel in result.stale_kept:
            click.echo(f"kept (not produced by this build): {result.output / rel}", err=True)
    for notice in result.errors:
        click.echo(str(notice), err=True)
    if quiet:
        return
    state = "up to date" if result.up_to_date else f"built in {result.seconds:.2f} s"
    click.echo(f"{result.output}: {state}")
    click.echo(f"  {result.pages_read} pages read ({result.pages_parsed} parsed, {result.cache_hits} from cache), "
               f"{result.items} items, {result.regions} regions, {result.topics} topics")
    click.echo(f"  {len(result.warnings)} warnings, {len(result.errors)} errors"
               + ("" if verbose or not result.warnings else " (--verbose lists them)"))
    click.echo(f"  files: {result.files_written} written, {result.files_unchanged} unchanged, "
               f"{result.files_removed} removed" + (f", {len(result.stale_kept)} stale kept (--clean removes them)"
                                                    if result.stale_kept else ""))
    if result.failed_pages:
        click.echo(f"  {len(result.failed_pages)} pages could not be read: see the errors above", err=True)
    if verbose and result.timings:
        click.echo("  stages: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings))
    if strict and result.errors:
        click.echo("  --strict: the build is marked as failed", err=True)


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@_config_option
@_output_option
@click.option("--base-url", help="Absolute URL the site is published at (feeds, sitemap, canonical links).")
@_jobs_option
@click.option("--clean", is_flag=True, help="Remove files in the output folder that this build does not produce.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any source text is lost by the parser.")
@click.option("--force", is_flag=True, help="Ignore the cache: re-parse and re-tag every page.")
@click.option("--allow-foreign-files", is_flag=True,
              help="Build into a folder that holds files archive-gen did not write (they are never touched).")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@click.option("--verbose", "-v", is_flag=True, help="List every warning and the ignored non-.txt files.")
def build(sources: tuple[Path, ...], config_path: Path | None, output: Path | None, base_url: str | None,
          jobs: int | None, clean: bool, strict: bool, force: bool, allow_foreign_files: bool, quiet: bool,
          verbose: bool) -> None:
    """Parse, tag, render and index the archive into the output folder.

    Incremental (unchanged pages come from .archive-cache/), parallel, and atomic: the new site is
    written beside the old one and swapped in at the end, so a failed or interrupted build leaves the
    previous site intact.

    \b
    Examples:
      archive-gen build
      archive-gen build seeds --output /tmp/site --jobs 4
      archive-gen build --base-url https://example.github.io/archive/ --clean
      archive-gen build --strict --quiet       # CI: fail if the parser loses any text
    """
    from .build import BuildOptions, build_site

    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be used together")
    progress = _Progress(quiet)
    with _user_errors(), _sigterm_as_interrupt():
        config = _load(config_path, sources, output=output, base_url=base_url)
        options = BuildOptions(jobs=jobs or _default_jobs(), clean=clean, strict=strict, force=force,
                               allow_foreign=allow_foreign_files)
        try:
            result = build_site(config, options, progress=progress)
        except KeyboardInterrupt:
            progress.close()
            click.echo("archive-gen: interrupted; the previous site was left as it was", err=True)
            sys.exit(130)
        finally:
            progress.close()
    _print_result(result, verbose=verbose, quiet=quiet, strict=strict)
    sys.exit(result.exit_code)


# ---------------------------------------------------------------------------------------------
# serve

@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@_config_option
@_output_option
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; anything but loopback exposes the site to your network.")
@_jobs_option
@click.option("--stop-after", type=float, default=None, hidden=True, help="Testing: stop after N seconds.")
@click.option("--max-rebuilds", type=int, default=None, hidden=True, help="Testing: stop after N rebuilds.")
def serve(sources: tuple[Path, ...], config_path: Path | None, output: Path | None, port: int, host: str,
          jobs: int | None, stop_after: float | None, max_rebuilds: int | None) -> None:
    """Build, serve the site locally, rebuild and reload the browser when anything changes.

    Watches the sources, archive.yaml, about.md, and the templates/ and static/ folders next to the
    config. Serves only files inside the output folder, on 127.0.0.1 unless --host says otherwise.

    \b
    Examples:
      archive-gen serve                       # http://127.0.0.1:8000/
      archive-gen serve --port 8080
      archive-gen serve --host 0.0.0.0        # visible to other machines on your network
    """
    from .build import BuildOptions
    from .serve import DevServer, ServeLimits, is_loopback

    def load() -> Config:
        return _load(config_path, sources, output=output)

    def on_build(result: Any) -> None:
        for notice in result.errors:
            click.echo(str(notice), err=True)

    options = BuildOptions(jobs=jobs or _default_jobs())
    with _user_errors():
        server = DevServer(load, options, host=host, port=port,
                           echo=lambda line: click.echo(line, err=line.startswith("archive-gen: error")),
                           on_build=on_build)
        try:
            result = server.build()
            click.echo(f"built {result.pages_read} pages, {result.items} items in {result.seconds:.2f} s")
            server.start()
            if not is_loopback(host):
                click.echo(f"warning: listening on {host}: other machines can reach this server", err=True)
            click.echo(f"Serving {result.output} at {server.url} (Ctrl-C to stop)", err=False)
            sys.stdout.flush()
            server.watch(ServeLimits(seconds=stop_after, rebuilds=max_rebuilds))
        except KeyboardInterrupt:
            click.echo("stopped")
        finally:
            server.close()


# ---------------------------------------------------------------------------------------------
# init

@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Add the scaffold to a non-empty folder (existing files are kept).")
def init(directory: Path, force: bool) -> None:
    """Create a new archive in DIRECTORY: archive.yaml, about.md, sources/ with a sample page, a
    GitHub Pages workflow, requirements.txt, a dependabot config and a .gitignore. `archive-gen build`
    works in it at once.

    Nothing is asked: requirements.txt pins this archive-gen to where it was installed from (a
    version from PyPI, or the commit of a git repository), so the Pages workflow installs the same
    one; the workflow publishes pushes to the branch DIRECTORY's git repository has checked out
    (main when it is not one). When archive-gen came from a local folder GitHub cannot reach, init
    says so and requirements.txt says what to write in it.

    \b
    Examples:
      archive-gen init my-archive
      cd my-archive && archive-gen build && archive-gen serve
    """
    from .origin import installed_origin
    from .scaffold import REQUIREMENTS, WORKFLOW, make_scaffold, repository_branch
    from .writer import write_scaffold

    origin = installed_origin()
    plan = make_scaffold(origin, repository_branch(directory))
    with _user_errors():
        created, skipped = write_scaffold(directory, plan.files, force=force)
    for rel in created:
        click.echo(f"created {directory / rel}")
    for rel in skipped:
        click.echo(f"kept existing {directory / rel}")
    if REQUIREMENTS in created:
        if origin.requirement is not None:
            click.echo(f"\n{REQUIREMENTS} pins {origin.requirement}\n  (installed from {origin.where})")
        else:
            click.echo(f"\nwarning: archive-gen was installed from {origin.where}.\n"
                       f"  GitHub cannot install it from there: edit {directory / REQUIREMENTS} before you push\n"
                       "  (its comments say what to write; until then the Pages workflow stops with an error).",
                       err=True)
    if WORKFLOW in created:
        how = "the branch checked out there" if plan.branch_inferred else \
            "GitHub's default; change `branches:` in the workflow if yours differs"
        click.echo(f"{WORKFLOW} publishes pushes to branch {plan.branch} ({how}).")
    click.echo(f"\nNext: cd {directory} && archive-gen build   (then open site/index.html or run archive-gen serve)")


# ---------------------------------------------------------------------------------------------
# export and check (the loader's and tagger's records, without building a site)

@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@_config_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--no-tags", is_flag=True, help="Skip region/topic tagging (loader output only).")
def export(sources: tuple[Path, ...], config_path: Path | None, fmt: str, no_tags: bool) -> None:
    """Print the parsed (and tagged) records as JSON.

    \b
    Examples:
      archive-gen export seeds --format jsonl > records.jsonl
      archive-gen export seeds/000_d00d0f73704abedd.txt --format json
    """
    from .export import export_json, export_jsonl
    with _user_errors():
        config = _load(config_path, sources)
        discovery = discover(config.sources, follow_symlinks=config.follow_symlinks)
        pages = read_pages(discovery, config, tag=not no_tags, stitch=True)
    for page in pages:
        for notice in page.notices:
            if notice.level == "error":
                click.echo(str(notice), err=True)
    items = [item for page in pages for item in page.items]
    click.echo(export_jsonl(items) if fmt == "jsonl" else export_json(items), nl=False)
    if any(p.failed for p in pages):
        sys.exit(EXIT_PAGE_ERRORS)


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@_config_option
def check(sources: tuple[Path, ...], config_path: Path | None) -> None:
    """Print every loader warning as file:line: message; exit 1 if a page could not be read.

    \b
    Examples:
      archive-gen check
      archive-gen check seeds/001_71b934195b22698b.txt
    """
    with _user_errors():
        config = _load(config_path, sources)
        discovery = discover(config.sources, follow_symlinks=config.follow_symlinks)
        pages = read_pages(discovery, config, tag=False, stitch=False)
        pages = [*(_notice_page(n) for n in discovery.notices), *pages]
    for page in pages:
        for notice in page.notices:
            click.echo(str(notice))
    failed = [p for p in pages if p.failed]
    items = sum(len(p.items) for p in pages)
    notices = sum(len(p.notices) for p in pages)
    click.echo(f"{len(pages)} pages, {items} items, {notices} notices, {len(failed)} unreadable", err=True)
    if failed:
        sys.exit(EXIT_PAGE_ERRORS)

