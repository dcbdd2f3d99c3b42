"""Shared helpers of the robustness tests: run the CLI in-process, read its stderr, audit built HTML."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from archive_gen.cli import main
from archive_gen.search import IndexReader

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED = SEEDS / "000_d00d0f73704abedd.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
# invalid in UTF-8, GB18030 and Big5 alike, and in every line: no decoder can make text of it
UNDECODABLE = ("工会".encode() + b"\xff\xff\xff\xff\xff\xff") * 10 + b"\n" + b"\xfe\xff\xfe\xff" * 30


def invoke(*args: str) -> tuple[int, str, str]:
    """Run ``archive-gen ARGS`` in this process: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def stderr_lines(err: str) -> list[str]:
    """The stderr lines a user reads, without the plain progress lines ("rendering pages…")."""
    return [line for line in err.splitlines() if line.strip() and not line.endswith("…")]


def one_error_line(err: str) -> str:
    """The single error line of a refused run; fails on a traceback or on more than one line."""
    lines = stderr_lines(err)
    assert "Traceback" not in err and len(lines) == 1, err
    return lines[0]


def write_config(root: Path, text: str = "") -> Path:
    """archive.yaml in ``root`` (sources/ and site/ beside it, cache inside root)."""
    path = root / "archive.yaml"
    path.write_text(text or "source: sources\noutput: site\n", encoding="utf-8")
    return path


def two_seed_project(root: Path, extra: str = "") -> Path:
    """A project of two seed pages in ``root``/sources (one renamed to a dated file name), its archive.yaml (with
    ``extra`` lines) building into ``root``/site; returns the config's path."""
    (root / "sources").mkdir(parents=True)
    shutil.copy(SEED, root / "sources" / "2021-05-14_01.txt")
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", root / "sources")
    (root / "archive.yaml").write_text("source: sources\noutput: site\n" + extra, encoding="utf-8")
    return root / "archive.yaml"


def snapshot(root: Path, *, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """{relative path: (size, mtime_ns)} of every file and link under ``root`` except the ``skip`` folders."""
    found: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        rel_folder = Path(folder).relative_to(root).as_posix()
        dirs[:] = sorted(d for d in dirs if (Path(rel_folder) / d).as_posix() not in skip)
        for name in files + [d for d in dirs if (Path(folder) / d).is_symlink()]:
            path = Path(folder) / name
            st = path.lstat()
            found[path.relative_to(root).as_posix()] = (st.st_size, st.st_mtime_ns)
    return found


def tree_state(root: Path, *, skip: tuple[str, ...] = ()) -> dict[str, tuple[object, ...]]:
    """Everything under ``root`` a build could harm, for before/after comparisons: every file (mode,
    mtime, SHA-256 of its content), link (where it points; never followed) and folder (mode), by relative
    path, except under the ``skip`` folders. Folder mtimes are left out: a build may add and remove its
    own entries beside the user's."""
    found: dict[str, tuple[object, ...]] = {}
    for folder, dirs, files in os.walk(root):
        rel_folder = Path(folder).relative_to(root).as_posix()
        dirs[:] = sorted(d for d in dirs if (Path(rel_folder) / d).as_posix() not in skip)
        for name in [*files, *dirs]:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            st = path.lstat()
            if stat.S_ISLNK(st.st_mode):
                found[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                found[rel] = ("folder", stat.S_IMODE(st.st_mode))
            elif stat.S_ISREG(st.st_mode):
                found[rel] = ("file", stat.S_IMODE(st.st_mode), st.st_mtime_ns,
                              hashlib.sha256(path.read_bytes()).hexdigest())
            else:
                found[rel] = ("special", stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode))
    return found


def search_entries(site: Path) -> list[dict[str, object]]:
    """Every doc of the built search index (search/), read back file by file: url and title."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search").rglob("*.js")}
    return [{"url": row[0], "title": row[1]} for row in IndexReader(files).rows()]


class HtmlAudit(HTMLParser):
    """Collects what an injected payload could have produced: event-handler attributes, javascript:
    URLs, elements that load or run content, and inline scripts other than JSON-LD."""

    DANGEROUS_TAGS = frozenset({"img", "iframe", "object", "embed", "svg", "math", "base", "meta-refresh"})
    URL_ATTRS = frozenset({"href", "src", "action", "formaction", "srcset", "poster", "data"})

    def __init__(self, base_url: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.base_url = base_url  # the configured site root: the only <base href> a page may carry
        self.problems: list[str] = []
        self.texts: list[str] = []
        self.ld_json: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base" and self.base_url and list(attrs) == [("href", self.base_url)]:
            pass  # 404.html names the site root from the config, never from page text
        elif tag == "svg" and ("data-chart", "") in attrs:
            pass  # a map or timeline the templates draw (templates/_charts.html), never from page text
        elif tag in self.DANGEROUS_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= attribute on <{tag}>")
            if name in self.URL_ATTRS and value and value.strip().lower().replace("\t", "").startswith(
                    ("javascript:", "data:text/html", "vbscript:")):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "script":
            self._script = dict(attrs)
            self._script_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            body = "".join(self._script_text)
            if self._script.get("type") == "application/ld+json":
                self.ld_json.append(body)
            elif body.strip() and ("alert" in body or "{{" in body):
                self.problems.append(f"inline script with page text: {body[:80]!r}")
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)
        else:
            self.texts.append(data)


def audit_html(text: str, base_url: str | None = None) -> HtmlAudit:
    audit = HtmlAudit(base_url)
    audit.feed(text)
    audit.close()
    for body in audit.ld_json:
        json.loads(body)  # JSON-LD stays data: it parses, and "<" never appears raw inside it
        if "<" in body:
            audit.problems.append("raw '<' inside JSON-LD")
    return audit


# a command line stopped by a signal while it imports ``{module}`` (a hook sends it just before)
INTERRUPT_WHILE_IMPORTING = """
import importlib.abc, os, signal, sys
class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "{module}":
            os.kill(os.getpid(), signal.SIG{sig})
        return None
sys.meta_path.insert(0, Hook())
sys.argv = ["archive-gen", "build"]
from archive_gen.cli import main
main()
"""
