"""File names a hostile or careless folder holds: bytes that are not UTF-8 (an unzipped GBK archive),
newlines that would split a message and forge another, control characters, bidi overrides, quotes and
leading spaces. Every command reads them without a traceback, every message stays one line, unusual
names are quoted with escapes, and records (export, the cache) carry valid Unicode names.

The expected lines are written out by hand, not computed with errors.shown.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from robust_util import PNG, SEED, invoke, write_config

WARNING = ":46: warning: lines 46-48 continue “109级台阶的致敬” (jump marker and shared vocabulary)"
BINARY = ": error: binary file, not a text page"

# name on disk (bytes) -> (the record's source name, how messages show it); the seed text in each,
# except the forging name, which holds a PNG (so it gets an error line)
NAMES: dict[bytes, tuple[str, str]] = {
    "工人.txt".encode("gbk"): ("工人.txt", "工人.txt"),  # GBK bytes: decoded as GB18030
    "版".encode("gbk") + b"/01.txt": ("版/01.txt", "版/01.txt"),  # a GBK folder name too
    b"\xff\xfe.txt": ("\\xff\\xfe.txt", "\\xff\\xfe.txt"),  # valid in no encoding: the bytes, escaped
    b"evil\nx.txt: error: forged.txt": ("evil\nx.txt: error: forged.txt", '"evil\\nx.txt: error: forged.txt"'),
    b" lead.txt": (" lead.txt", '" lead.txt"'),
    b'quote".txt': ('quote".txt', '"quote\\".txt"'),
    "\u202ertl.txt".encode(): ("\u202ertl.txt", '"\\u202ertl.txt"'),  # a bidi override
    b"tab\there.txt": ("tab\there.txt", '"tab\\there.txt"'),
    b"esc\x1b[31m.txt": ("esc\x1b[31m.txt", '"esc\\x1b[31m.txt"'),  # a terminal colour sequence
    "普通 名字.txt".encode(): ("普通 名字.txt", "普通 名字.txt"),  # plain, with a space: unchanged
}
FORGER = b"evil\nx.txt: error: forged.txt"


def expected_lines() -> set[str]:
    return {shown + (BINARY if raw == FORGER else WARNING) for raw, (_, shown) in NAMES.items()}


@dataclass(frozen=True)
class Project:
    root: Path
    config: Path


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("names")
    sources = os.fsencode(root / "sources")
    for raw in NAMES:
        path = sources + b"/" + raw
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(PNG if raw == FORGER else SEED.read_bytes())
    with open(sources + b"/notes\n\xff.md", "wb") as handle:  # not a page: listed by --verbose
        handle.write(b"notes")
    return Project(root, write_config(root))


def test_check_prints_one_line_per_message_with_unusual_names_quoted(named: Project) -> None:
    code, out, err = invoke("check", "--config", str(named.config))
    assert code == 1  # the PNG
    lines = out.splitlines()
    assert len(lines) == len(NAMES) and set(lines) == expected_lines()
    assert not any(line.startswith("x.txt: error: forged") for line in lines)  # the forgery did not work
    assert err == f"{len(NAMES)} pages, {7 * (len(NAMES) - 1)} items, {len(NAMES) - 1} warnings, 1 error " \
                  "(1 page could not be read)\n"


def test_check_verbose_quotes_an_ignored_file_name(named: Project) -> None:
    code, _, err = invoke("check", "-v", "--config", str(named.config))
    assert code == 1
    assert err.splitlines()[0] == f'ignored (not a .txt page): "{named.root}/sources/notes\\n\\xff.md"'


def test_export_is_valid_json_with_unicode_source_names(named: Project) -> None:
    code, out, err = invoke("export", "--no-tags", "--format", "json", "--config", str(named.config))
    assert code == 1 and err == f'"evil\\nx.txt: error: forged.txt"{BINARY}\n'
    records = json.loads(out)
    assert records
    assert {r["source"] for r in records} == {source for raw, (source, _) in NAMES.items() if raw != FORGER}
    for record in records:
        record["source"].encode("utf-8")  # no surrogate reached a record


def test_export_jsonl_lines_parse_one_by_one(named: Project) -> None:
    code, out, _ = invoke("export", "--no-tags", "--config", str(named.config))
    lines = out.splitlines()
    assert code == 1 and len(lines) == 7 * (len(NAMES) - 1)
    assert all(isinstance(json.loads(line)["source"], str) for line in lines)


@pytest.mark.slow
def test_build_reports_each_name_on_one_line_and_is_up_to_date_the_second_time(
        named: Project, tmp_path: Path) -> None:
    # the real stages (tagging, render, search, cache); the stat cache keys are absolute paths with
    # the raw bytes, so the second build proves they round-trip through the cache's JSON
    project = tmp_path / "copy"
    shutil.copytree(os.fsencode(named.root), os.fsencode(project), symlinks=True)
    config = write_config(project)
    code, out, err = invoke("build", "-v", "--jobs", "1", "--config", str(config))
    assert code == 1 and "Traceback" not in err
    messages = [line for line in err.splitlines() if not line.endswith("…") and not line.startswith(("ignored", "  "))]
    assert set(messages) == expected_lines() and len(messages) == len(NAMES)
    assert "  1 page could not be read: see the errors above" in err.splitlines()
    assert f"\n  {len(NAMES) - 1} warnings, 1 error\n" in out
    assert (project / "site" / "index.html").is_file()
    assert (project / ".archive-cache" / "state.entry").is_file()  # names that are not UTF-8 were cached
    code, out, err = invoke("build", "--jobs", "1", "--config", str(config))
    assert code == 1 and ": up to date" in out
    assert f"(0 parsed, {len(NAMES)} from cache)" in out
    assert [line for line in err.splitlines() if ": error: " in line] == [f'"evil\\nx.txt: error: forged.txt"{BINARY}']


def test_a_missing_source_with_a_newline_in_its_name_is_one_line(tmp_path: Path) -> None:
    code, _, err = invoke("check", str(tmp_path / "no\nsuch"))
    assert code == 2
    assert err == (f'archive-gen: error: "{tmp_path}/no\\nsuch": source folder not found '
                   "(give page files or folders, or set 'source' in archive.yaml)\n")
