"""The command line: a thin click shell over the library API (build.py, serve.py, writer.py, export.py).

Exit codes: 0 ok, 1 some pages had errors (the rest is built), 2 usage, config or output error, 130
interrupted (Ctrl-C or SIGTERM). Every message is one line on stderr naming the file (and line), never a
traceback; file names are shown by errors.shown, counts by errors.count, and writing never fails on an
unusual character.
"""

from __future__ import annotations

# first of all, before click (~0.15 s to import on a busy machine): Ctrl-C or SIGTERM while the modules below
# load is "archive-gen: interrupted", no traceback out of whichever was loading, no silent death
from . import _startup  # isort: skip

import errno
import io
import os
import shlex
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import click

from . import __version__
from .build import BuildOptions, BuildResult, build_site
from .cache import UNWRITABLE
from .config import CONFIG_NAME, Config, check_references, load_config
from .errors import ArchiveGenError, ConfigError, count, one_line, os_error_text, shown
from .export import export_json, export_jsonl
from .model import Notice, Page
from .origin import installed_origin
from .records import check_tagging_config, read_pages
from .scaffold import REQUIREMENTS, WORKFLOW, make_scaffold, repository_branch
from .serve import DevServer, is_loopback
from .sources import SKIPPED, Discovery, no_page_files
from .sources import discover as discover_pages
from .writer import SiteWritten, scaffold_link, write_scaffold

_startup.loaded()

EXIT_OK, EXIT_PAGE_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _say(text: str, *, err: bool = False) -> None:
    """Print one message line: escaped so it stays one line (errors.one_line)."""
    click.echo(one_line(text), err=err)


def _fail(err: ArchiveGenError) -> NoReturn:
    for line in err.details:
        _say(line, err=True)
    _say(f"archive-gen: error: {err}", err=True)
    sys.exit(err.exit_code)


def _fail_os(exc: OSError) -> NoReturn:
    _say(f"archive-gen: error: {_cwd_gone_text(exc) or os_error_text(exc)}", err=True)
    sys.exit(EXIT_USAGE)


def _cwd_gone_text(exc: OSError) -> str | None:
    """The one line for a run whose current folder was removed (or moved) under the shell: every relative path,
    and the defaults, are read against it, and ``os.getcwd()`` fails with ENOENT naming no file. It was
    ``archive-gen: error: No such file or directory``, which names nothing; now the folder (as the shell's
    ``$PWD`` knew it) and what to do. None for any other error."""
    if not isinstance(exc, FileNotFoundError) or exc.filename is not None:
        return None
    try:
        os.getcwd()
    except FileNotFoundError:
        pass
    else:
        return None
    pwd = os.environ.get("PWD", "")
    where = f"{shown(pwd)}: " if os.path.isabs(pwd) and not os.path.lexists(pwd) else ""
    return one_line(f"{where}the current folder no longer exists (it was removed or moved away); "
                    "cd into a folder that exists and run again")


@contextmanager
def _user_errors() -> Iterator[None]:
    """ArchiveGenError and OSError become one line on stderr and the matching exit code."""
    try:
        yield
    except ArchiveGenError as err:
        _fail(err)
    except OSError as exc:
        _fail_os(exc)


def _tolerant_output() -> None:
    """stdout and stderr escape what their encoding cannot hold (Chinese under a Latin-1 locale)
    instead of raising UnicodeEncodeError halfway through a report."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError, io.UnsupportedOperation):
                reconfigure(errors="backslashreplace")


def _load(config_path: Path | None, sources: tuple[Path, ...] = (), **overrides: Any) -> Config:
    """archive.yaml (from --config, else the current folder, else defaults) plus the CLI values given,
    with every reference it makes (page overrides, taxonomy file, gazetteer aliases) checked."""
    config, _ = _load_config(config_path, sources, discover=False, **overrides)
    return config


def _load_with_pages(config_path: Path | None, sources: tuple[Path, ...] = (),
                     **overrides: Any) -> tuple[Config, Discovery]:
    """_load, plus the page files: a missing source or no page file at all is the same ConfigError
    (exit 2) in every command, raised before anything is read, built or bound."""
    config, discovery = _load_config(config_path, sources, discover=True, **overrides)
    assert discovery is not None
    return config, discovery


def _load_config(config_path: Path | None, sources: tuple[Path, ...], *, discover: bool,
                 **overrides: Any) -> tuple[Config, Discovery | None]:
    config = load_config(config_path)
    if sources:
        overrides["sources"] = tuple(p.absolute() for p in sources)
    if overrides.get("output") is not None:
        overrides["output"] = Path(overrides["output"]).absolute()
    config = config.with_overrides(**overrides)
    discovery = (discover_pages(config.sources, follow_symlinks=config.follow_symlinks, own=config.own_paths)
                 if discover or config.pages else None)
    if discover and discovery is not None and not discovery.files:
        raise no_page_files(config.sources)  # as build_site says it for `build`
    # overrides name configured pages: with page files given on the command line, others are expected
    page_sources = ([name for f in discovery.files for name in (f.source, f.given) if name]
                    if discovery is not None and not sources else None)
    check_references(config, page_sources if config.pages else None)
    check_tagging_config(config)
    return config, discovery


def _notice_page(notice: Notice) -> Page:
    """A problem found while looking for pages (a folder that cannot be read), reported like a page's."""
    return Page(notice.source, "", "", None, False, None, None, (), (notice,))


def _default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# SIGHUP is the terminal (an ssh session) going away: it killed a build between any two steps, leaving its
# staging folder beside the site and, during the swap, half the new site published till the next build
_HANGUPS = (signal.SIGTERM, signal.SIGHUP)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind like Ctrl-C: a build removes its temporary folder (the old site stays), serve
    frees its port; both exit 130."""
    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous: dict[int, Any] = {}
    try:
        for signum in _HANGUPS:
            if signum == signal.SIGTERM or signal.getsignal(signum) is not signal.SIG_IGN:  # nohup's stays
                previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread (e.g. inside a test runner thread)
        yield
        return
    try:
        yield
    finally:
        for signum, handler_before in previous.items():
            signal.signal(signum, handler_before)


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail on a closed pipe."""
    with suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _output_failed(exc: OSError) -> int:
    """The exit code when output could not be written: quietly when the reader went away (`| head`), else
    one line (a full disk); stdout is dropped so that nothing more is tried on it."""
    if isinstance(exc, BrokenPipeError):
        _drop_stdout()
        return EXIT_PAGE_ERRORS
    with suppress(OSError, ValueError):
        _say(f"archive-gen: error: cannot write the output: {exc.strerror or exc}", err=True)
    _drop_stdout()
    return EXIT_USAGE


def _write_all(data: bytes) -> None:
    """``data`` on stdout, every byte or an OSError. A buffered write that the pipe took only in part (the
    reader of `archive-gen export | head` left mid-write) returned the short count without raising, and
    the rest was dropped: the records cut short, exit 0. The rest is written until the error comes."""
    sys.stdout.flush()
    # the text stream's own buffer, as click.get_binary_stream (deprecated in click 8.3, gone in 9.0) found it
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        raise OSError(errno.EBADF, "standard output takes no bytes")
    view = memoryview(data)
    while view:
        written = out.write(view)
        if written is None:  # a stream that does not count: it took it all
            break
        if written <= 0:
            raise OSError(errno.EIO, "the output took no more bytes")
        view = view[written:]
    out.flush()


class _Commands(click.Group):
    """The command group: output that cannot be written ends the run quietly (the reader went away,
    `archive-gen check | head`) or in one line (a full disk), never with a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        global _phase
        try:
            _phase = _RUNNING
            with _sigterm_as_interrupt():
                return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM in a command that has no words of its own for it
            _say("archive-gen: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except OSError as exc:
            if (exc.filename is not None or _cwd_gone_text(exc)) and not isinstance(exc, BrokenPipeError):
                # a file's error that no command caught (`init` of a name too long for the disk): it was
                # "cannot write the output: File name too long", as if stdout had failed, naming no file
                _fail_os(exc)
            sys.exit(_output_failed(exc))
        finally:
            _phase = _LEAVING


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="archive-gen")
def main() -> None:
    """Turn a folder of raw newspaper page texts into a browsable, searchable static archive.

    \b
    Examples:
      archive-gen init my-archive && cd my-archive && archive-gen build
      archive-gen build                      # sources and output from archive.yaml
      archive-gen serve                      # http://127.0.0.1:8000/, rebuilds on change
      archive-gen check                      # list every warning and error as file:line: message
    """
    _tolerant_output()


# where ``run`` is: before the command (click reads the arguments), in it, or leaving (its code is known)
_BEFORE, _RUNNING, _LEAVING = 0, 1, 2
_phase = _BEFORE


def _on_signal(signum: int, frame: object) -> None:
    if _phase == _RUNNING:  # the command unwinds (a build removes its staging folder, serve frees its port)
        raise KeyboardInterrupt
    if _phase == _BEFORE:  # nothing started yet: click would have said "Aborted!" and exit 1 (or SIGTERM, -15)
        with suppress(OSError):
            os.write(2, b"archive-gen: interrupted\n")
        os._exit(EXIT_INTERRUPTED)
    # leaving: the command is done (its files in place, its report printed) and its exit code stands


def _leave_quietly_on_signals() -> None:
    """Ctrl-C and SIGTERM for the whole of ``run``, not only inside the command: one arriving while click
    read the arguments was "Aborted!" and exit 1 (SIGTERM: killed, -15), and one arriving after the command
    returned was a KeyboardInterrupt traceback out of ``run`` (SIGTERM: killed, the exit code lost).
    Handlers someone else set and signals the caller ignores (nohup) are left as they are."""
    for signum, default in ((signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, signal.SIG_DFL),
                            (signal.SIGHUP, signal.SIG_DFL)):
        with suppress(ValueError, OSError):  # not the main thread
            if signal.getsignal(signum) is default:
                signal.signal(signum, _on_signal)


def run() -> NoReturn:
    """The ``archive-gen`` command (and ``python -m archive_gen``): ``main``, after which the process leaves
    without tearing its heap down. A build holds hundreds of thousands of objects (summaries, indexes, the
    plan, the tagger's dictionaries); freeing them one by one as the interpreter exits cost ~0.2 s of a ~3 s
    daily rebuild, for memory the kernel takes back at once. By then every file the command wrote is
    closed and renamed into place and its worker pools are stopped; the two streams are flushed here."""
    _leave_quietly_on_signals()
    try:
        main()
        code: int = 0
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:  # sys.exit("message"): printed as the interpreter would
            with suppress(OSError, ValueError):
                print(done.code, file=sys.stderr)
            code = 1
    except OSError as exc:  # outside a command (--help, --version): a reader gone or a full disk was a traceback
        code = _output_failed(exc)
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # the reader went away, or the stream was closed
            stream.flush()
    os._exit(code)


# ---------------------------------------------------------------------------------------------
# build

class _GivenPath(click.Path):
    """click.Path that refuses an empty argument: ``Path("")`` is ``Path(".")``, so `archive-gen check "$SRC"` with
    SRC unset checked the whole current folder without a word, `build ""` said "output folder is inside the source
    folder", `--config ""` "config file is a folder" and `init ""` "folder is not empty", each about a folder the
    user never named. Now one usage error naming the option or argument, exit 2, as for any invalid value."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, (str, bytes)) and not value:
            self.fail("an empty path (an unset variable in a script?); give '.' for the current folder", param, ctx)
        return super().convert(value, param, ctx)


_config_option = click.option("--config", "config_path", type=_GivenPath(path_type=Path, dir_okay=False),
                              help="Path to archive.yaml (default: ./archive.yaml if present).")
_output_option = click.option("--output", "-o", type=_GivenPath(path_type=Path),
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
    assert isinstance(result, BuildResult)
    if verbose:
        for path in result.ignored:
            _say(f"ignored (not a .txt page): {shown(path)}", err=True)
        for notice in result.warnings:
            _say(str(notice), err=True)
        for rel in result.stale_kept:
            _say(f"kept (not produced by this build): {shown(result.output / rel)}", err=True)
    elif not quiet:
        for notice in result.warnings:
            # a page left out of the site, and a cache that could not be written, are said even without --verbose
            if notice.code in SKIPPED or notice.code == UNWRITABLE:
                _say(str(notice), err=True)
    for notice in result.errors:
        _say(str(notice), err=True)
    if quiet:
        return
    state = "up to date" if result.up_to_date else f"built in {result.seconds:.2f} s"
    _say(f"{shown(result.output)}: {state}")
    _say(f"  {count(result.pages_read, 'page')} read ({result.pages_parsed} parsed, {result.cache_hits} from cache), "
         f"{count(result.items, 'item')}, {count(result.regions, 'region')}, {count(result.topics, 'topic')}")
    _say(f"  {count(len(result.warnings), 'warning')}, {count(len(result.errors), 'error')}"
         + ("" if verbose or not result.warnings else " (--verbose lists them)"))
    _say(f"  files: {result.files_written} written, {result.files_unchanged} unchanged, "
         f"{result.files_removed} removed" + (f", {len(result.stale_kept)} stale kept (--clean removes them)"
                                              if result.stale_kept else ""))
    if result.failed_pages:
        _say(f"  {count(len(result.failed_pages), 'page')} could not be read: see the errors above", err=True)
    if verbose and result.timings:
        _say("  stages: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings))
    if strict and result.errors:
        _say("  --strict: the build is marked as failed", err=True)


@main.command()
@click.argument("sources", nargs=-1, type=_GivenPath(path_type=Path))
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
    written beside the old one and moved in once complete, so a failed or interrupted build leaves the
    previous site intact.

    \b
    Examples:
      archive-gen build
      archive-gen build seeds --output /tmp/site --jobs 4
      archive-gen build --base-url https://example.github.io/archive/ --clean
      archive-gen build --strict --quiet       # CI: fail if the parser loses any text
    """
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be used together")
    progress = _Progress(quiet)
    with _user_errors(), _sigterm_as_interrupt():
        config = _load(config_path, sources, output=output, base_url=base_url)
        options = BuildOptions(jobs=jobs or _default_jobs(), clean=clean, strict=strict, force=force,
                               allow_foreign=allow_foreign_files)
        try:
            result = build_site(config, options, progress=progress)
        except KeyboardInterrupt as interrupted:
            progress.close()
            _say("archive-gen: interrupted; the new site was written" if isinstance(interrupted, SiteWritten)
                 else "archive-gen: interrupted; the previous site was left as it was", err=True)
            sys.exit(EXIT_INTERRUPTED)
        finally:
            progress.close()
    _print_result(result, verbose=verbose, quiet=quiet, strict=strict)
    sys.exit(result.exit_code)


# ---------------------------------------------------------------------------------------------
# serve

@main.command()
@click.argument("sources", nargs=-1, type=_GivenPath(path_type=Path))
@_config_option
@_output_option
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; anything but loopback exposes the site to your network.")
@_jobs_option
@click.option("--quiet", "-q", is_flag=True, help="Print only the address and errors.")
def serve(sources: tuple[Path, ...], config_path: Path | None, output: Path | None, port: int, host: str,
          jobs: int | None, quiet: bool) -> None:
    """Build, serve the site locally, rebuild and reload the browser when anything changes.

    Watches the sources, archive.yaml, about.md, and the templates/ and static/ folders next to the
    config. Serves only files inside the output folder, on 127.0.0.1 unless --host says otherwise.
    Ctrl-C (or SIGTERM) stops it with exit code 130.

    \b
    Examples:
      archive-gen serve                       # http://127.0.0.1:8000/
      archive-gen serve --port 8080
      archive-gen serve --port 0              # any free port; the address is printed
      archive-gen serve --host 0.0.0.0        # visible to other machines on your network
    """

    out_gone = False

    def say_out(line: str) -> None:
        # the reader of stdout went away (`serve | head -1`, a script that read the address and closed its
        # pipe): serve ended with "archive-gen: error: Broken pipe", exit 2. Its lines are a log: the server
        # goes on, its stdout dropped; errors still go to stderr
        nonlocal out_gone
        if out_gone:
            return
        try:
            _say(line)
            sys.stdout.flush()
        except BrokenPipeError:
            out_gone = True
            _drop_stdout()

    def echo(line: str) -> None:
        problem = line.startswith("archive-gen:")
        if problem:
            _say(line, err=True)
        elif not quiet:
            say_out(line)

    cache_said = False

    def on_build(result: Any) -> None:
        nonlocal cache_said
        for notice in result.errors:
            _say(str(notice), err=True)
        for notice in result.warnings:  # a cache that cannot be written is said once, not at every rebuild
            if notice.code == UNWRITABLE and not cache_said:
                cache_said = True
                _say(str(notice), err=True)

    server: DevServer | None = None
    with _user_errors(), _sigterm_as_interrupt():
        try:
            # the sources are checked before the port is taken: with nothing to serve, fail as `build` does
            first, _ = _load_with_pages(config_path, sources, output=output)
            configs = [first]

            def load() -> Config:  # the server's first load is the config just checked; rebuilds reload
                if configs:
                    return configs.pop()
                # archive.yaml found in the folder and then deleted (by mistake, a checkout, an editor's save
                # caught between its delete and its write): the defaults were built, another source folder
                # into another output, and that site served. It is the file's error, as --config's
                if found is not None and not os.path.lexists(found):
                    raise ConfigError("config file not found (it was removed while serving; the last good "
                                      "site stays served until it is back)", source=str(found))
                return _load(config_path, sources, output=output)

            # the archive.yaml load_config found in the folder (a link to the file elsewhere included)
            found = Path.cwd().resolve() / CONFIG_NAME if config_path is None and first.config_file else None

            server = DevServer(load, BuildOptions(jobs=jobs or _default_jobs()), host=host, port=port,
                               echo=echo, on_build=on_build)
            result = server.first_build()
            echo(f"built {count(result.pages_read, 'page')}, {count(result.items, 'item')} in {result.seconds:.2f} s")
            server.start()
            if not is_loopback(host):
                # an IPv6 address in brackets, as in the address below ("listening on ::: other machines")
                where = f"[{host}]" if ":" in host and host.isprintable() else shown(host)
                _say(f"archive-gen: warning: listening on {where}: other machines can reach this server",
                     err=True)
            say_out(f"Serving {shown(result.output)} at {server.url} (Ctrl-C to stop)")
            server.watch()
        except KeyboardInterrupt:
            _say("archive-gen: interrupted; the server stopped", err=True)
            sys.exit(EXIT_INTERRUPTED)
        finally:
            if server is not None:
                server.close()


# ---------------------------------------------------------------------------------------------
# init

@main.command()
@click.argument("directory", type=_GivenPath(path_type=Path))
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

    origin = installed_origin()
    with _user_errors():
        plan = make_scaffold(origin, repository_branch(directory))
        created, skipped = write_scaffold(directory, plan.files, force=force)
    for rel in created:
        click.echo(f"created {shown(directory / rel)}")
    for rel in skipped:
        if (link := scaffold_link(directory, rel)) is not None:
            click.echo(f"{shown(link)}: warning: a link; init writes nothing through a link ({rel} was not created)",
                       err=True)
        else:
            click.echo(f"kept existing {shown(directory / rel)}")
    if REQUIREMENTS in created:
        if origin.requirement is not None:
            click.echo(f"\n{REQUIREMENTS} pins {origin.requirement}\n  (installed from {origin.where})")
        else:
            click.echo(f"\nwarning: archive-gen was installed from {origin.where}.\n"
                       f"  GitHub cannot install it from there: edit {shown(directory / REQUIREMENTS)} before you push\n"
                       "  (its comments say what to write; until then the Pages workflow stops with an error).",
                       err=True)
    if WORKFLOW in created:
        how = "the branch checked out there" if plan.branch_inferred else \
            "GitHub's default; change `branches:` in the workflow if yours differs"
        click.echo(f"{WORKFLOW} publishes pushes to branch {plan.branch} ({how}).")
    click.echo(f"\nNext: cd {_shell_word(directory)} && archive-gen build   (then open site/index.html or run "
               "archive-gen serve)")


def _shell_word(path: Path) -> str:
    """``path`` as one word a shell reads back ("my archive" was printed bare: ``cd my archive`` went to the wrong
    folder). A name with a newline, a control character or a byte that is not UTF-8 is written in ANSI-C quotes
    (``$'a\\nb'``: bash, zsh, ksh and POSIX.1-2024 sh read the escapes back; it was ``"a\\nb"``, which a shell
    reads as a backslash and an n), so the hint stays one line and leads to the folder made."""
    text = os.fsdecode(path)
    if text.startswith("-"):  # not an option of cd
        text = "./" + text
    if text.isprintable() and not any(0xDC80 <= ord(ch) <= 0xDCFF for ch in text):
        return shlex.quote(text)
    return "$'" + "".join(_ansi_c(ch) for ch in text) + "'"


def _ansi_c(ch: str) -> str:
    """One character of a ``$'…'`` word: quotes and backslashes escaped, anything a terminal would not show as
    itself written as the bytes it is on disk (``\\xff``)."""
    if ch in "\\'":
        return "\\" + ch
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogate escape)
        return f"\\x{code - 0xDC00:02x}"
    if ch.isprintable():
        return ch
    return "".join(f"\\x{byte:02x}" for byte in ch.encode("utf-8", "surrogatepass"))


# ---------------------------------------------------------------------------------------------
# export and check (the loader's and tagger's records, without building a site)

@main.command()
@click.argument("sources", nargs=-1, type=_GivenPath(path_type=Path))
@_config_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--no-tags", is_flag=True, help="Skip region/topic tagging (loader output only).")
def export(sources: tuple[Path, ...], config_path: Path | None, fmt: str, no_tags: bool) -> None:
    """Print the parsed (and tagged) records as JSON (UTF-8) on stdout; errors go to stderr and make
    the exit code 1, as in `build`.

    \b
    Examples:
      archive-gen export seeds --format jsonl > records.jsonl
      archive-gen export seeds/000_d00d0f73704abedd.txt --format json
      archive-gen export --no-tags | jq .title
    """
    with _user_errors():
        config, discovery = _load_with_pages(config_path, sources)
        pages = read_pages(discovery, config, tag=not no_tags, stitch=True)
        pages = [*(_notice_page(n) for n in discovery.notices if n.level == "error"), *pages]
    errors = [notice for page in pages for notice in page.notices if notice.level == "error"]
    for notice in (*(n for n in discovery.notices if n.level != "error" and n.code in SKIPPED), *errors):
        _say(str(notice), err=True)
    items = [item for page in pages for item in page.items]
    text = export_jsonl(items) if fmt == "jsonl" else export_json(items)
    # JSON is UTF-8 whatever the locale; a surrogate (never in a record) would become a JSON escape
    _write_all(text.encode("utf-8", "backslashreplace"))
    if errors:
        sys.exit(EXIT_PAGE_ERRORS)


@main.command()
@click.argument("sources", nargs=-1, type=_GivenPath(path_type=Path))
@_config_option
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, without warnings and the summary.")
@click.option("--verbose", "-v", is_flag=True, help="Also list the ignored non-.txt files.")
def check(sources: tuple[Path, ...], config_path: Path | None, quiet: bool, verbose: bool) -> None:
    """Parse the pages (no tagging, no site) and print every warning and error as file:line: level:
    message, then a summary on stderr; exit 1 if there are errors, as in `build`.

    \b
    Examples:
      archive-gen check
      archive-gen check seeds/001_71b934195b22698b.txt
      archive-gen check --quiet                # errors only
    """
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be used together")
    with _user_errors():
        config, discovery = _load_with_pages(config_path, sources)
        pages = [*(_notice_page(n) for n in discovery.notices), *read_pages(discovery, config, tag=False,
                                                                               stitch=False)]
    if verbose:
        for path in discovery.ignored:
            _say(f"ignored (not a .txt page): {shown(path)}", err=True)
    notices = [notice for page in pages for notice in page.notices]
    for notice in notices:
        if notice.level == "error" or not quiet:
            _say(str(notice))
    errors = sum(notice.level == "error" for notice in notices)
    failed = sum(page.failed for page in pages)
    if not quiet:
        items = sum(len(p.items) for p in pages)
        read = len(pages) - len(discovery.notices)  # the walk's notices are not pages
        _say(f"{count(read, 'page')}, {count(items, 'item')}, {count(len(notices) - errors, 'warning')}, "
             f"{count(errors, 'error')}" + (f" ({count(failed, 'page')} could not be read)" if failed else ""),
             err=True)
    if errors:
        sys.exit(EXIT_PAGE_ERRORS)
