"""Regular expressions compiled on first use, the large grammars by the ``regex`` package.

The byline and credit grammars compile into large patterns; a build that parses nothing (a no-op, a
rebuild after a template change) should not pay for them.
"""

from __future__ import annotations

import re
from typing import Any

import regex

# ``re`` expands every range of a character class into a 65,536-entry map when it compiles (~1 ms for each
# [㐀-鿿]); the eight byline and credit grammars hold hundreds of them, so every process that parsed paid
# ~0.35 s of compiling for a few milliseconds of matching (bench/loader_speed.py --compile). ``regex`` keeps
# ranges as ranges (those eight compile ~4.5x faster) but matches slower, so only a pattern this long goes to
# it: at this size compiling is what costs.
GRAMMAR_LENGTH = 500
_SHARED_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE  # same bits in both modules


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, or for a grammar of ``GRAMMAR_LENGTH`` characters or more ``regex.compile`` in its
    re-compatible mode (same matches, same groups)."""
    if len(pattern) < GRAMMAR_LENGTH:
        return re.compile(pattern, flags)
    if flags & ~_SHARED_FLAGS:
        raise ValueError(f"flags {flags:#x} mean different things to re and regex")
    return regex.compile(pattern, flags | regex.VERSION0)  # type: ignore[no-any-return]


class LazyPattern:
    """Stands for ``compile_pattern(pattern, flags)``; compiles it the first time any of its methods is used,
    then keeps each method it was asked for as its own attribute (no second detour through here)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

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
