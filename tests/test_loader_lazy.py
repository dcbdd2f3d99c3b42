"""The loader's pattern compiler: long grammars go to ``regex`` and must match exactly as ``re`` would."""

from __future__ import annotations

import re

import pytest
import regex

from archive_gen.loader import bylines
from archive_gen.loader.lazy import GRAMMAR_LENGTH, LazyPattern, compile_pattern

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


def test_long_patterns_compile_with_regex_and_short_ones_with_re() -> None:
    assert isinstance(compile_pattern("a" * GRAMMAR_LENGTH), regex.Pattern)
    assert isinstance(compile_pattern("a" * (GRAMMAR_LENGTH - 1)), re.Pattern)


def test_flags_that_differ_between_the_modules_are_refused() -> None:
    with pytest.raises(ValueError, match="flags"):
        compile_pattern("a" * GRAMMAR_LENGTH, re.ASCII)


@pytest.mark.parametrize("line", LINES)
def test_every_byline_grammar_matches_as_re_does(line: str) -> None:
    for lazy in _grammars():
        ours = compile_pattern(lazy._pattern, lazy._flags)
        reference = re.compile(lazy._pattern, lazy._flags)
        assert isinstance(ours, regex.Pattern)
        for method in ("match", "search"):
            got, want = getattr(ours, method)(line), getattr(reference, method)(line)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))
        assert [m.span() for m in ours.finditer(line)] == [m.span() for m in reference.finditer(line)]


def test_the_sample_lines_exercise_the_grammars() -> None:
    hits = sum(1 for line in LINES for lazy in _grammars() if lazy.search(line))
    assert hits >= 3, "the comparison above would pass on lines no grammar matches"
