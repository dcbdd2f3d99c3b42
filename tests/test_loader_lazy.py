"""The loader's pattern compiler: a long grammar no table holds goes to ``regex`` and must match exactly as
``re`` would; compiled programs, kept in the cache (the grammars' too), must build the very patterns
``re.compile`` makes."""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex

from archive_gen import patterns as lazy
from archive_gen.loader import bylines
from archive_gen.patterns import GRAMMAR_LENGTH, LazyPattern, compile_pattern

LINES = [
    "本报讯(记者 张三 通讯员 李四)",
    "本报讯（记者王  五　见习记者阿依古丽·买买提）",
    "本报记者 赵六 摄",
    "（新华社发 王晓明 摄）",
    "图①：工人在车间里调试设备。  本报记者 孙七 摄",
    "这是一段普通的正文，没有署名。",
    "",
]


def _grammars() -> list[LazyPattern]:
    found = [value for value in vars(bylines).values()
             if isinstance(value, LazyPattern) and len(value._pattern) >= GRAMMAR_LENGTH]
    assert found, "the byline module has no grammar long enough to exercise regex"
    return found


@pytest.fixture
def empty_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lazy, "_PROGRAMS", {})
    monkeypatch.setattr(lazy, "_UNKEPT", set())
    monkeypatch.setattr(lazy, "_GRAMMARS_WANTED", set())


@pytest.mark.usefixtures("empty_table")
def test_long_patterns_compile_with_regex_and_short_ones_with_re() -> None:
    assert isinstance(compile_pattern("a" * GRAMMAR_LENGTH), regex.Pattern)
    assert isinstance(compile_pattern("a" * (GRAMMAR_LENGTH - 1)), re.Pattern)


def test_flags_that_differ_between_the_modules_are_refused() -> None:
    with pytest.raises(ValueError, match="flags"):
        compile_pattern("a" * GRAMMAR_LENGTH, re.ASCII)


@pytest.mark.usefixtures("empty_table")
@pytest.mark.parametrize("line", LINES)
def test_every_byline_grammar_matches_as_re_does(line: str) -> None:
    for grammar in _grammars():
        ours = compile_pattern(grammar._pattern, grammar._flags)
        reference = re.compile(grammar._pattern, grammar._flags)
        assert isinstance(ours, regex.Pattern)
        for method in ("match", "search"):
            got, want = getattr(ours, method)(line), getattr(reference, method)(line)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))
        assert [m.span() for m in ours.finditer(line)] == [m.span() for m in reference.finditer(line)]


def test_the_sample_lines_exercise_the_grammars() -> None:
    hits = sum(1 for line in LINES for grammar in _grammars() if grammar.search(line))
    assert hits >= 3, "the comparison above would pass on lines no grammar matches"


# ---------------------------------------------------------------------------------------------
# compiled programs kept for the next process (lazy.adopt_programs / programs_to_keep)

@pytest.mark.usefixtures("empty_table")
def test_a_grammar_is_kept_as_re_program_and_built_by_re_in_the_next_process() -> None:
    # regex matches slower than re: a grammar is compiled by regex only until a table holds its re program
    grammars = _grammars()
    for grammar in grammars:
        assert isinstance(compile_pattern(grammar._pattern, grammar._flags), regex.Pattern)
    table = lazy.programs_to_keep()
    assert table is not None and {(g._pattern, g._flags) for g in grammars} <= set(table)
    lazy._PROGRAMS.clear()
    lazy.adopt_programs(pickle.loads(pickle.dumps(table)))
    for grammar in grammars:
        ours = compile_pattern(grammar._pattern, grammar._flags)
        assert isinstance(ours, re.Pattern)
        _same(ours, re.compile(grammar._pattern, grammar._flags))
    assert lazy.programs_to_keep() is None

def _short_patterns() -> list[LazyPattern]:
    found = [p for p in lazy._LAZY if len(p._pattern) < GRAMMAR_LENGTH]
    assert len(found) >= 50, "the loader's modules registered fewer lazy patterns than they hold"
    return found




def _same(ours: re.Pattern[Any], reference: re.Pattern[Any]) -> None:
    assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == \
        (reference.pattern, reference.flags, reference.groups, reference.groupindex)
    for text in LINES:
        line = text.encode() if isinstance(reference.pattern, bytes) else text
        got, want = ours.search(line), reference.search(line)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


@pytest.mark.usefixtures("empty_table")
def test_a_kept_program_builds_the_pattern_re_compiles() -> None:
    patterns = _short_patterns()
    for p in patterns:
        compile_pattern(p._pattern, p._flags)
    table = lazy.programs_to_keep()
    assert table is not None and len(table) == len({(p._pattern, p._flags) for p in patterns})
    assert lazy.programs_to_keep() is None, "nothing new was compiled since the table was taken"
    kept = pickle.loads(pickle.dumps(table))  # as the cache stores it
    lazy._PROGRAMS.clear()
    lazy.adopt_programs(kept)
    compiled: list[str] = []
    original = lazy._program
    lazy._program = lambda pattern, flags: compiled.append(pattern) or original(pattern, flags)  # type: ignore[assignment]
    try:
        for p in patterns:
            _same(compile_pattern(p._pattern, p._flags), re.compile(p._pattern, p._flags))
    finally:
        lazy._program = original  # type: ignore[assignment]
    assert compiled == [], "a pattern with a kept program was compiled again"
    assert lazy.programs_to_keep() is None


@pytest.mark.usefixtures("empty_table")
def test_a_damaged_or_foreign_table_only_costs_compiling() -> None:
    pattern = r"^(?P<lead>本报[㐀-鿿]{2,4}讯)"
    lazy.adopt_programs("not a table")
    lazy.adopt_programs({1: 2, (pattern,): (), ("x", 0): "program"})
    assert lazy._PROGRAMS == {}
    flags, code, groups, groupindex, indexgroup = lazy._program(pattern, 0)
    lazy.adopt_programs({(pattern, 0): (flags, [999999, *code[1:]], groups, groupindex, indexgroup)})
    _same(compile_pattern(pattern), re.compile(pattern))  # the constructor refused the program: compiled anew
    assert lazy._PROGRAMS[(pattern, 0)][1] == code


_WORKER_SCRIPT = """
import json, sys
from pathlib import Path
from archive_gen.cache import open_cache
from archive_gen.config import load_config
from archive_gen import patterns as lazy
from archive_gen.records import PageWorker, Stages
compiled = []
original = lazy._program
lazy._program = lambda pattern, flags: compiled.append(pattern) or original(pattern, flags)
config = load_config(Path(sys.argv[1]))
worker = PageWorker(Stages(), config, open_cache(config.cache_dir))
worker.programs.read()
page, _ = Stages().parse(Path(sys.argv[2]).read_bytes(), "page.txt", None)
worker.programs.keep()
print(json.dumps({"compiled": len(compiled), "page": repr(page)}))
"""


_CHECK_SCRIPT = """
import json, sys
from pathlib import Path
from archive_gen import patterns as lazy
from archive_gen.config import load_config
from archive_gen.records import read_pages
from archive_gen.sources import discover
compiled = []
original = lazy._program
lazy._program = lambda pattern, flags: compiled.append(pattern) or original(pattern, flags)
config = load_config(Path(sys.argv[1]))
pages = read_pages(discover([Path(sys.argv[2])]), config, tag=False, stitch=True)
print(json.dumps({"compiled": len(compiled), "page": repr(pages)}))
"""


def test_check_and_export_keep_and_adopt_the_table_too(tmp_path: Path, seeds_dir: Path) -> None:
    # what `check` and `export` read with: parsed in the command's own process, no archive cache
    (tmp_path / "archive.yaml").write_text("source: raw\noutput: site\ncache_dir: cache\n", encoding="utf-8")
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "page.txt").write_bytes(sorted(seeds_dir.glob("*.txt"))[0].read_bytes())
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}

    def run() -> dict[str, object]:
        done = subprocess.run([sys.executable, "-c", _CHECK_SCRIPT, str(tmp_path / "archive.yaml"),
                               str(tmp_path / "raw")], capture_output=True, text=True, check=True, cwd=tmp_path,
                              env=env)
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    first, second = run(), run()
    assert int(first["compiled"]) >= 30  # type: ignore[call-overload]
    assert list((tmp_path / "xdg" / "archive-gen").glob("patterns-*.marshal"))
    assert not (tmp_path / "cache").exists()
    assert second["compiled"] == 0 and second["page"] == first["page"]


@pytest.mark.parametrize("kept", ["user-folder", "archive-cache"])
def test_the_next_process_compiles_nothing_the_kept_table_holds(tmp_path: Path, seeds_dir: Path, kept: str) -> None:
    (tmp_path / "archive.yaml").write_text("source: raw\noutput: site\ncache_dir: cache\n", encoding="utf-8")
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    xdg = tmp_path / "xdg"
    if kept == "archive-cache":
        xdg.write_text("not a folder", encoding="utf-8")  # no user folder: the table goes to the archive's cache
    env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}

    def run() -> dict[str, object]:
        done = subprocess.run([sys.executable, "-c", _WORKER_SCRIPT, str(tmp_path / "archive.yaml"), str(seed)],
                              capture_output=True, text=True, check=True, cwd=tmp_path, env=env)
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    first, second = run(), run()
    assert int(first["compiled"]) >= 30  # type: ignore[call-overload]
    if kept == "user-folder":
        assert list((xdg / "archive-gen").glob("patterns-*.marshal")) and not (tmp_path / "cache" / "patterns").exists()
    else:
        assert list((tmp_path / "cache" / "patterns").glob("*.entry"))
    assert second["compiled"] == 0 and second["page"] == first["page"]
