"""Regular expressions compiled on first use, and their compiled programs kept for the next process
(``adopt_programs``, ``programs_to_keep``); a large grammar no table holds yet is compiled by ``regex``.

The byline and credit grammars compile into large patterns; a build that parses nothing (a no-op, a
rebuild after a template change) should not pay for them.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sys
from typing import Any

import regex

# re's parser and code generator, and the C constructor they feed (what re.compile runs): private, so every
# use below falls back to re.compile, and a program is only ever reused by the interpreter that made it
try:
    import _sre
    from re import _compiler as _sre_compiler
    from re import _constants as sre
    from re import _parser as _sre_parser
except ImportError:  # another implementation of Python: nothing is kept
    _sre = None  # type: ignore[assignment]

# ``re`` expands every range of a character class into a 65,536-entry map when it compiles (~1 ms for each
# [㐀-鿿]); the ten byline and credit grammars hold hundreds of them (~0.95 CPU-s in all). ``regex`` keeps
# ranges as ranges (those ten in ~0.1 s) but matches slower (parsing took ~15-25 % longer). So a grammar
# (a pattern this long) is built by ``re`` from its kept program when a table holds it, and otherwise
# compiled by ``regex`` at once, its ``re`` program made only when the table is written (once per
# interpreter: what the next process adopts).
GRAMMAR_LENGTH = 500
_SHARED_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE  # same bits in both modules


# what re.compile makes of a pattern before the C constructor: (flags, code, groups, groupindex, indexgroup)
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
# every program this process has, by (pattern, flags): adopted from the cache or compiled here
_PROGRAMS: dict[tuple[str | bytes, int], Program] = {}
_UNKEPT: set[tuple[str | bytes, int]] = set()  # compiled here since the table was last adopted or kept
_LAZY: list[LazyPattern] = []  # the patterns whose programs a table keeps
_GRAMMARS_WANTED: set[tuple[str, int]] = set()  # grammars compiled by ``regex`` here: programs for the table


def programs_key() -> str:
    """What a program table is stored under: the interpreter that compiles (its version and build, and the
    version of its regular-expression engine's code); a table from any other is never read."""
    engine = (getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None)) if _sre is not None else None
    return hashlib.sha256(f"re programs\0{sys.version}\0{sys.implementation.cache_tag}\0{engine}".encode()).hexdigest()


def adopt_programs(table: object) -> None:
    """Take the programs of ``table`` (as ``programs_to_keep`` returned it, read back from the cache): the
    patterns among them compile in microseconds instead of ~1 ms for each CJK range they hold. Anything
    that is not such a table is ignored; a damaged program fails the C constructor's check, and its pattern
    is compiled as usual."""
    if _sre is None or not isinstance(table, dict):
        return
    for key, program in table.items():
        if (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], (str, bytes)) and type(key[1]) is int
                and isinstance(program, tuple) and len(program) == 5):
            _PROGRAMS.setdefault(key, program)
    _UNKEPT.clear()


def programs_to_keep() -> dict[tuple[str | bytes, int], Program] | None:
    """The programs of every lazy pattern this process knows, when it compiled one the last table lacked
    (else None: nothing to store)."""
    if not _UNKEPT and not _GRAMMARS_WANTED:
        return None
    for pattern, flags in sorted(_GRAMMARS_WANTED):
        with contextlib.suppress(Exception):  # re's internals changed shape: the grammar stays with regex
            _PROGRAMS.setdefault((pattern, flags), _program(pattern, flags))
    _GRAMMARS_WANTED.clear()
    _UNKEPT.clear()
    live = {(p._pattern, int(p._flags)) for p in _LAZY}
    return {key: program for key, program in sorted(_PROGRAMS.items(), key=repr) if key in live}


def _compile_re(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the adopted program when there is one."""
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))  # a RegexFlag is kept as the int it is
    program = _PROGRAMS.get(key)
    if program is not None:
        try:
            return _sre.compile(pattern, *program)  # type: ignore[no-any-return]
        except Exception:  # a program the constructor refuses: compiled again below
            del _PROGRAMS[key]
    try:
        program = _program(pattern, flags)
        compiled: re.Pattern[str] = _sre.compile(pattern, *program)
    except Exception:  # re's internals changed shape: the public way, nothing kept
        return re.compile(pattern, flags)
    _PROGRAMS[key] = program
    _UNKEPT.add(key)
    return compiled


def _program(pattern: str, flags: int) -> Program:
    # re._compiler.compile, up to the constructor (CPython 3.11-3.14); plain ints, so marshal and pickle keep it
    parsed = _sre_parser.parse(pattern, flags)
    code = [int(op) for op in _sre_compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, or for a grammar of ``GRAMMAR_LENGTH`` characters or more ``regex.compile`` in its
    re-compatible mode (same matches, same groups)."""
    if len(pattern) < GRAMMAR_LENGTH or (_sre is not None and (pattern, int(flags)) in _PROGRAMS):
        return _compile_re(pattern, flags)
    if flags & ~_SHARED_FLAGS:
        raise ValueError(f"flags {flags:#x} mean different things to re and regex")
    if _sre is not None:
        _GRAMMARS_WANTED.add((pattern, int(flags)))
    return regex.compile(pattern, flags | regex.VERSION0)  # type: ignore[no-any-return]


class LazyPattern:
    """Stands for ``compile_pattern(pattern, flags)``; compiles it the first time any of its methods is used,
    then keeps each method it was asked for as its own attribute (no second detour through here)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        _LAZY.append(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = compile_pattern(self._pattern, self._flags)
        value = getattr(self._compiled, name)
        self.__dict__[name] = value
        return value


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled when first used (typed as the pattern it stands for)."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# the characters a match can start with

_Ranges = set[tuple[int, int]]


def _first_of_item(op: Any, av: Any) -> tuple[_Ranges | None, bool]:
    """(the characters one parsed item can start with, whether it can match nothing); None: any character."""
    if op == sre.LITERAL:
        return {(av, av)}, False
    if op == sre.IN:
        found: _Ranges = set()
        for member, value in av:
            if member == sre.LITERAL:
                found.add((value, value))
            elif member == sre.RANGE:
                found.add(value)
            else:  # a negated set or a category (\d, \s …): any character, as far as this test goes
                return None, False
        return found, False
    if op == sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return (None, False) if add_flags or del_flags else _first_of(sub)
    if op == sre.ATOMIC_GROUP:
        return _first_of(av)
    if op == sre.BRANCH:
        found, empty = set(), False
        for branch in av[1]:
            chars, branch_empty = _first_of(branch)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or branch_empty
        return found, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _most, sub = av
        chars, empty = _first_of(sub)
        return chars, empty or least == 0
    return None, False  # any character (.), a back-reference, a conditional …


def _first_of(items: Any) -> tuple[_Ranges | None, bool]:
    found: _Ranges = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # an anchor or a look-around takes no character: the next item's first one starts the match
        chars, empty = _first_of_item(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def first_chars(sources: list[str]) -> re.Pattern[str] | None:
    """A one-character class holding every character a match of any of ``sources`` (patterns compiled without
    flags) can start with, or None when one of them could start with nearly anything or match nothing.

    A field where the class finds no character holds no match; where it does, a match can only start there
    (``pattern.match(text, pos)`` sees the text before ``pos``, for look-behinds, as ``search`` does). The class
    is scanned in C at a character's cost, where a search of a long alternation tries every branch at every
    position (a branch opening on a look-behind or a group defeats re's own prefix scan)."""
    ranges: _Ranges = set()
    try:
        for source in sources:
            parsed = _sre_parser.parse(source)
            if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.LOCALE):
                return None
            chars, empty = _first_of(parsed)
            if chars is None or empty:
                return None
            ranges |= chars
    except Exception:  # re's parser changed shape (or no CPython): no class, the caller searches as before
        return None
    if not ranges:
        return None
    return re.compile("[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                                    for a, b in sorted(ranges)) + "]")
