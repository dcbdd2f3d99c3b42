"""The command line: a thin click shell over the library API (no logic lives here)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .config import load_config
from .errors import ArchiveGenError


def _fail(err: ArchiveGenError) -> None:
    click.echo(f"archive-gen: error: {err}", err=True)
    sys.exit(err.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="archive-gen")
def main() -> None:
    """Turn a folder of raw newspaper page texts into a browsable static archive."""


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Path to archive.yaml.")
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
    from .loader import load_pages

    try:
        config = load_config(config_path)
        pages = load_pages(list(sources) or list(config.sources), config)
        if not no_tags:
            from .tagging import Tagger

            tagger = Tagger(config)
            pages = [tagger.tag_page(p) for p in pages]
    except ArchiveGenError as err:
        _fail(err)
        return
    for page in pages:
        for notice in page.notices:
            if notice.level == "error":
                click.echo(str(notice), err=True)
    items = [item for page in pages for item in page.items]
    click.echo(export_jsonl(items) if fmt == "jsonl" else export_json(items), nl=False)
    if any(p.failed for p in pages):
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Path to archive.yaml.")
def check(sources: tuple[Path, ...], config_path: Path | None) -> None:
    """Print every loader warning as file:line: message; exit 1 if a page could not be read.

    \b
    Examples:
      archive-gen check
      archive-gen check seeds/001_71b934195b22698b.txt
    """
    from .loader import load_pages

    try:
        config = load_config(config_path)
        pages = load_pages(list(sources) or list(config.sources), config)
    except ArchiveGenError as err:
        _fail(err)
        return
    for page in pages:
        for notice in page.notices:
            click.echo(str(notice))
    failed = [p for p in pages if p.failed]
    items = sum(len(p.items) for p in pages)
    notices = sum(len(p.notices) for p in pages)
    click.echo(f"{len(pages)} pages, {items} items, {notices} notices, {len(failed)} unreadable", err=True)
    if failed:
        sys.exit(1)
