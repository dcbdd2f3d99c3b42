"""The only module that touches jieba: word segmentation with our domain words, by jieba or by rjieba
(its Rust port), plus the dictionary facts keywords need (part of speech, IDF) read from jieba's own data.

Nothing else imports jieba, and the global ``jieba.dt`` / ``jieba.cut`` / ``jieba.add_word`` are never
used: they share one hidden tokenizer between every library in the process. See docs/tagging.md.
"""

from __future__ import annotations

import array
import bisect
import functools
import hashlib
import importlib.machinery
import importlib.metadata
import importlib.util
import itertools
import logging
import marshal
import math
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from ..errors import ConfigError

Engine = Literal["jieba", "rjieba"]
ENGINES: tuple[str, ...] = ("rjieba", "jieba")  # preference order of the default engine
Span = tuple[str, int, int]  # (token, start, end) character offsets
CustomWord = tuple[str, int | None, str | None]  # (word, frequency or None, part-of-speech tag or None)

# Bump when the layout of the files in the cache folder changes.
_CACHE_FORMAT = "2"
_LEXICON_FORMAT = "packed-1"  # the keyword lexicon's file (PackedIdf)
_FREQUENCIES_FORMAT = "hashed-1"  # jieba's frequencies (PackedFrequencies)

# Full-width ASCII and the ideographic space fold to ASCII one character for one character, so
# offsets found in the folded text are offsets in the printed text.
_FOLD = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " "})

# jieba's own block rules (jieba/__init__.py), used to compute the frequencies it would suggest
_JIEBA_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)", re.U)
_JIEBA_SKIP = re.compile(r"(\r\n|\s)", re.U)
_JIEBA_ENG = re.compile(r"[a-zA-Z0-9]", re.U)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# jieba.analyse's built-in English stop-words, applied (lower-cased) on top of the caller's
TFIDF_STOP_WORDS = frozenset((
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with",
    "can", "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or"))


_FOLDABLE = re.compile("[\uff01-\uff5e\u3000]")


def fold(text: str) -> str:
    """Full-width ASCII -> ASCII, length-preserving (matching only; records keep the printed text)."""
    # most text has nothing to fold, and a search is ~10x cheaper than a translate through a dict
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text


def available_engines() -> tuple[str, ...]:
    """The installed engines, fastest first (found without importing them)."""
    return tuple(name for name in ENGINES if importlib.util.find_spec(name) is not None)


def default_engine() -> Engine:
    """rjieba when installed (about 10x faster, same cuts: see docs/tagging.md), else jieba."""
    return "rjieba" if "rjieba" in available_engines() else "jieba"


@functools.cache  # ~0.5 ms per metadata look-up, asked by every cache key; installs do not change mid-run
def engine_version(engine: str) -> str:
    """Installed version of an engine's distribution, without importing it."""
    try:
        return importlib.metadata.version(engine)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


@dataclass(frozen=True)
class _Dictionary:
    """What the engines add on top of jieba's default dictionary, identical for both engines."""

    additions: tuple[tuple[str, int], ...]  # (word, frequency) to add or raise, sorted by word
    total: int  # the frequency total after the additions (jieba divides by it)


class Segmenter:
    """Word segmentation with a private dictionary: jieba's default one plus ``words``.

    ``words`` are (word, frequency or None, part-of-speech tag or None) triples (gazetteer names,
    taxonomy terms). A missing frequency is the one jieba would suggest so that the word is cut
    whole, computed once against the default dictionary, so both engines (and any order of the
    words) give the same dictionary. The engine is built on first use; start-up is silent.
    """

    def __init__(self, words: Iterable[CustomWord] = (), cache_dir: Path | None = None, *,
                 engine: Engine | None = None) -> None:
        self.engine: Engine = engine or default_engine()
        if self.engine not in ENGINES:
            raise ConfigError(f"unknown segmenter engine '{self.engine}'", hint=f"use one of {', '.join(ENGINES)}")
        if self.engine not in available_engines():
            raise ConfigError(f"segmenter engine '{self.engine}' is not installed",
                              hint=f"pip install {self.engine}, or use the jieba engine")
        self._words = _ordered(words)
        self._words_repr = repr(self._words)  # part of every cache key: written out once (~8,000 words)
        # without a cache folder, a per-user temp folder still spares the next process the work
        self._cache_dir: Path | None = Path(cache_dir) if cache_dir is not None else _shared_cache_dir()
        self._lexicons: dict[tuple[str, ...], KeywordLexicon] = {}  # per part-of-speech set
        self.fingerprint = _fingerprint(self._words_repr, self.engine)

    # -- cutting ---------------------------------------------------------------------------------

    def spans(self, text: str) -> list[Span]:
        """(token, start, end) character offsets, in order (accurate mode, HMM on for unknown words)."""
        return self._engine.spans(text) if text else []

    def cut(self, text: str) -> list[str]:
        """Tokens in order."""
        return [token for token, _, _ in self.spans(text)]

    # -- dictionary facts ------------------------------------------------------------------------

    def word_frequency(self, word: str) -> int:
        """Frequency of ``word`` in this segmenter's dictionary (0 when unknown)."""
        return self._added.get(word) or self._base_frequencies.get(word)

    def char_frequency(self, char: str) -> int:
        """``word_frequency`` of a single character (the loader's question)."""
        return self.word_frequency(char)

    def keyword_lexicon(self, parts_of_speech: Iterable[str]) -> KeywordLexicon:
        """The keyword candidates among the words with these parts of speech, with their IDF.

        Parts of speech come from jieba's dictionary (custom words: their own tag); words jieba does
        not know (found by its HMM, mostly people's names) are never candidates, except Latin words
        when "eng" is listed. No parts of speech: every token is a candidate. Built from jieba's data
        files once, then cached on disk.
        """
        wanted = tuple(sorted(set(parts_of_speech)))
        if wanted not in self._lexicons:
            key = _digest(_CACHE_FORMAT, _LEXICON_FORMAT, engine_version("jieba"), self._words_repr, repr(wanted))
            path = self._cache_path(f"lexicon-{key}.marshal")
            table = PackedIdf.unpack(read_table(path, key))
            if table is not None:
                lexicon = KeywordLexicon(table[0], table[1], "eng" in wanted, not wanted)
            else:
                lexicon = _keyword_lexicon(self._words, wanted)
                write_table(path, key, PackedIdf.pack(lexicon.idf, lexicon.default_idf))
            self._lexicons[wanted] = lexicon
        return self._lexicons[wanted]

    def tfidf(self, text: str, *, stop_words: Iterable[str] = (),
              allow_pos: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Every keyword candidate of ``text`` (see :meth:`keyword_lexicon`) with its TF-IDF weight,
        heaviest first (ties by word)."""
        return self.keyword_lexicon(allow_pos).tfidf(self.cut(fold(text)), stop_words)

    # -- lazily built parts ----------------------------------------------------------------------

    @functools.cached_property
    def _dictionary(self) -> _Dictionary:
        key = _digest(_CACHE_FORMAT, engine_version("jieba"), self._words_repr)
        path = self._cache_path(f"words-{key}.marshal")
        cached = read_table(path, key)
        try:
            additions, total = cached
            return _Dictionary(tuple((str(w), int(f)) for w, f in additions), int(total))
        except (TypeError, ValueError):
            pass  # no cache yet, or an unexpected one: rebuild it
        dictionary = _custom_dictionary(self._words, _base_dictionary())
        write_table(path, key, (dictionary.additions, dictionary.total))
        return dictionary

    @functools.cached_property
    def _base_frequencies(self) -> PackedFrequencies:
        """jieba's own frequencies, from the tables folder: parsing dict.txt's 350k lines costs a process ~0.5 s
        (the region rules ask how common a short form is, the loader how common a character is)."""
        key = _digest(_CACHE_FORMAT, _FREQUENCIES_FORMAT, engine_version("jieba"))
        path = self._cache_path(f"frequencies-{key}.marshal")
        table = PackedFrequencies.unpack(read_table(path, key))
        if table is None:
            table = PackedFrequencies.of(_base_dictionary().frequencies)
            write_table(path, key, table.pack())
        return table

    @functools.cached_property
    def _added(self) -> dict[str, int]:
        """The custom words' frequencies, looked up by word (made once, not on every question)."""
        return dict(self._dictionary.additions)

    @functools.cached_property
    def _engine(self) -> _Cutter:
        if self.engine == "rjieba":
            return _RJiebaCutter(self._dictionary)
        return _JiebaCutter(self._dictionary, self._cache_dir)

    def _cache_path(self, name: str) -> Path | None:
        return self._cache_dir / name if self._cache_dir is not None else None


def segmenter_fingerprint(words: Iterable[CustomWord], engine: str) -> str:
    """Hash of everything a segmenter's cuts depend on (computed without loading any engine)."""
    return _fingerprint(repr(_ordered(words)), engine)


def _ordered(words: Iterable[CustomWord]) -> list[CustomWord]:
    """The distinct custom words in one order, whatever order they came in."""
    return sorted({(w, f, t) for w, f, t in words if w}, key=lambda x: (x[0], x[1] or 0, x[2] or ""))


def _fingerprint(ordered_repr: str, engine: str) -> str:
    """:func:`segmenter_fingerprint` of words already ordered and written out."""
    return _digest(_CACHE_FORMAT, ordered_repr, engine, engine_version("jieba"), engine_version(engine))[:16]


class PackedIdf(Mapping[str, float]):
    """A word -> IDF table kept as one sorted word list and an array of floats, looked up by bisection.

    Reading it from the cache costs a split and an array copy instead of building a dict of ~200,000
    entries (~0.1 s at every start); a build looks each distinct word up once (the caller memoises).
    """

    def __init__(self, words: list[str], values: array.array[float]) -> None:
        self._words = words
        self._values = values

    @staticmethod
    def pack(table: Mapping[str, float], default: float) -> tuple[str, bytes, float]:
        """The cache file's form: NUL-joined sorted words, their IDFs as doubles, the default IDF."""
        words = sorted(table)
        return "\0".join(words), array.array("d", [table[w] for w in words]).tobytes(), default

    @classmethod
    def unpack(cls, cached: object) -> tuple[PackedIdf, float] | None:
        """The table and default IDF from :meth:`pack`'s form, or None for anything else."""
        if not (isinstance(cached, tuple) and len(cached) == 3 and isinstance(cached[0], str)
                and isinstance(cached[1], bytes) and isinstance(cached[2], float)):
            return None
        values = array.array("d")
        values.frombytes(cached[1])
        words = cached[0].split("\0") if cached[0] else []
        if len(words) != len(values):
            return None
        return cls(words, values), cached[2]

    def __getitem__(self, word: str) -> float:
        index = bisect.bisect_left(self._words, word)
        if index < len(self._words) and self._words[index] == word:
            return self._values[index]
        raise KeyError(word)

    def get(self, word: str, default: float | None = None) -> float | None:  # type: ignore[override]
        try:
            return self[word]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class PackedFrequencies:
    """A word -> frequency table kept as two arrays sorted together: an 8-byte hash of each word, and its
    frequency. Read from the tables folder without making an object per word (a dict of jieba's 350k words
    costs ~0.3 s to unmarshal, as much as parsing dict.txt); a look-up bisects the hashes. Two of 350k words
    sharing a 64-bit hash is a one-in-10^8 chance; such a pair is left out, and its words read as unknown."""

    def __init__(self, hashes: array.array[int], values: array.array[int]) -> None:
        self._hashes = hashes
        self._values = values

    @classmethod
    def of(cls, table: Mapping[str, int]) -> PackedFrequencies:
        pairs = sorted((_word_hash(word), frequency) for word, frequency in table.items())
        shared = {h for (h, _), (g, _) in itertools.pairwise(pairs) if h == g}
        if shared:
            pairs = [(h, f) for h, f in pairs if h not in shared]
        return cls(array.array("Q", [h for h, _ in pairs]), array.array("q", [f for _, f in pairs]))

    def pack(self) -> tuple[bytes, bytes]:
        """The tables folder's form: the hashes and the frequencies, as machine words."""
        return self._hashes.tobytes(), self._values.tobytes()

    @classmethod
    def unpack(cls, cached: object) -> PackedFrequencies | None:
        """The table from :meth:`pack`'s form, or None for anything else."""
        if not (isinstance(cached, tuple) and len(cached) == 2 and all(isinstance(c, bytes) for c in cached)
                and len(cached[0]) == len(cached[1]) and len(cached[0]) % 8 == 0):
            return None
        hashes, values = array.array("Q"), array.array("q")
        if hashes.itemsize != 8 or values.itemsize != 8:
            return None
        hashes.frombytes(cached[0])
        values.frombytes(cached[1])
        return cls(hashes, values)

    def get(self, word: str) -> int:
        """The word's frequency, 0 when the table does not hold it."""
        wanted = _word_hash(word)
        index = bisect.bisect_left(self._hashes, wanted)
        return self._values[index] if index < len(self._hashes) and self._hashes[index] == wanted else 0


@dataclass(frozen=True)
class KeywordLexicon:
    """Which tokens can be keywords, and their inverse document frequency (jieba's IDF table)."""

    idf: Mapping[str, float]  # candidate dictionary word -> IDF (a dict, or a PackedIdf from the cache)
    default_idf: float  # IDF of a candidate missing from jieba's table (its median, as jieba.analyse)
    latin: bool  # Latin words unknown to the dictionary (jieba's "eng") are candidates too
    any_word: bool = False  # every token is a candidate (no part-of-speech filter)

    def weight(self, token: str) -> float | None:
        """The token's IDF when it is a candidate, else None."""
        found = self.idf.get(token)
        if found is None and (self.any_word or (self.latin and _LATIN_WORD.fullmatch(token))):
            return self.default_idf
        return found

    def tfidf(self, tokens: Iterable[str], stop_words: Iterable[str] = (),
              memo: dict[str, float | None] | None = None) -> list[tuple[str, float]]:
        """TF-IDF weights of the candidate tokens, heaviest first, ties by word.

        As ``jieba.analyse.extract_tags``: tokens shorter than two characters and stop-words (compared
        lower-cased) are not counted; the term frequency is the share of all counted tokens. ``memo``
        (token -> IDF, or None when not counted) spares judging a token again: the caller keeps one per
        lexicon and stop-word list.
        """
        if isinstance(stop_words, frozenset) and stop_words >= TFIDF_STOP_WORDS:
            stop = stop_words
        else:
            stop = TFIDF_STOP_WORDS | frozenset(stop_words)
        judged = memo if memo is not None else {}
        counts: dict[str, int] = {}
        weights: dict[str, float] = {}
        # each distinct token is judged once (Counter counts in compiled code); the counts, total and
        # weights are the same numbers as token by token
        for token, count in Counter(tokens).items():
            if token in judged:
                weight = judged[token]
            else:
                weight = judged[token] = None if len(token.strip()) < 2 or token.lower() in stop \
                    else self.weight(token)
            if weight is not None:
                counts[token] = count
                weights[token] = weight
        total = sum(counts.values())
        return sorted(((word, count * weights[word] / total) for word, count in counts.items()),
                      key=lambda pair: (-pair[1], pair[0]))


# ---------------------------------------------------------------------------------------------
# the engines

class _Cutter(Protocol):
    def spans(self, text: str) -> list[Span]: ...


class _JiebaCutter:
    """A private jieba.Tokenizer; its prefix dictionary is cached in the cache folder."""

    def __init__(self, dictionary: _Dictionary, cache_dir: Path | None) -> None:
        import jieba  # the one place jieba is imported

        logger = logging.getLogger("jieba")
        previous = logger.level
        logger.setLevel(logging.CRITICAL)  # no "Building prefix dict" lines
        try:
            tokenizer = jieba.Tokenizer()
            tokenizer.tmp_dir = _usable_dir(cache_dir)
            tokenizer.cache_file = "jieba.cache"
            tokenizer.initialize()
            for word, freq in dictionary.additions:
                tokenizer.add_word(word, freq)
            # add_word counts a raised word's old frequency twice; the total must match rjieba's
            tokenizer.total = dictionary.total
        finally:
            logger.setLevel(previous)
        self._tokenizer = tokenizer

    def spans(self, text: str) -> list[Span]:
        return list(self._tokenizer.tokenize(text, HMM=True))


class _RJiebaCutter:
    """rjieba: the same default dictionary built into the Rust library, with the same additions."""

    def __init__(self, dictionary: _Dictionary) -> None:
        fast = _rjieba_class()()
        for word, freq in dictionary.additions:
            fast.add_word(word, freq, None)
        self._fast = fast

    def spans(self, text: str) -> list[Span]:
        return list(self._fast.tokenize(text, "default", True))


def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` class. ``import rjieba`` builds a module-level default tokenizer we never use
    (~0.1 s at every start, as long as building our own), so the compiled module is loaded by itself;
    any other layout falls back to the plain import."""
    spec = importlib.util.find_spec("rjieba")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found = sorted(path for folder in folders for path in Path(folder).glob("rjieba.*")
                   if path.name.endswith(suffixes))
    if found:
        try:
            loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(found[0]))
            module_spec = importlib.util.spec_from_file_location("rjieba.rjieba", found[0], loader=loader)
            if module_spec is not None:
                module = importlib.util.module_from_spec(module_spec)
                loader.exec_module(module)
                return module.Jieba
        except (ImportError, AttributeError, OSError):
            pass
    import rjieba

    return rjieba.Jieba


def _shared_cache_dir() -> Path | None:
    """The per-user tables folder in the temp folder (``archive-gen-<uid>``), made private (0700); None when
    it is not a folder of this user's that no one else may write in. The temp folder is everyone's: a folder
    of that name made by another user, or one that others may write in (group or world writable), was used
    all the same: its tables were read (a forged one, checksum and all, changed how pages were cut into
    words) and ours written among theirs. Such a folder is left alone, and the tables are made again instead
    (a cache only costs time)."""
    folder = Path(tempfile.gettempdir()) / f"archive-gen-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022:
        return folder
    return None


_TABLES_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
               "# This file is a cache directory tag created by archive-gen: the segmenter's tables and the\n"
               "# keyword slugs, shared by every archive. For information about cache directory tags, see\n"
               "# https://bford.info/cachedir/\n")


def user_tables_dir(outside: Iterable[Path] = ()) -> Path | None:
    """The user's folder for the segmenter's tables and the keyword slugs: ``$XDG_CACHE_HOME/archive-gen``
    (else ``~/.cache/archive-gen``), marked with a CACHEDIR.TAG; None when there is no home or the folder
    cannot be made or written (the caller keeps them in the archive's cache folder instead).

    The tables depend only on jieba's dictionary, the packaged gazetteer and taxonomy and the configured
    words (each file is stored under a key of all of them), not on an archive: kept per archive, every new
    archive, and every build after its cache folder was removed, built them again in each worker
    (~2 CPU-s a process: jieba's idf and frequency tables, the custom dictionary).

    A folder that would lie in or at one of the folders ``outside`` names (a build's output, sources and
    cache: it owns them, and would find files it did not write) is None too, and is never made; so is one
    that is a link (archive-gen follows no link to the folders it writes in), and a folder holding files
    without archive-gen's CACHEDIR.TAG (someone's own: nothing is written beside their files)."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    home = os.environ.get("HOME")
    if not os.path.isabs(configured) and home is not None and not os.path.isabs(home):
        # HOME empty or relative is no home: "" was taken for "/" (/.cache made at the root) and "rel" for a
        # folder below the current one, which made rel/.cache/archive-gen in the project
        return None
    try:
        base = Path(configured) if os.path.isabs(configured) else Path.home() / ".cache"
        folder = base / "archive-gen"
        resolved = folder.resolve()
        for owned in outside:
            owner = Path(owned).resolve()
            if resolved == owner or owner in resolved.parents or resolved in owner.parents:
                return None
        if os.path.islink(folder) or not _ours_or_new(folder):
            return None
        folder.mkdir(parents=True, exist_ok=True)
        tag = folder / "CACHEDIR.TAG"
        if not os.path.lexists(tag):
            _write_atomically(tag, _TABLES_TAG.encode("ascii"))
        return folder if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK) else None
    except (OSError, RuntimeError):  # RuntimeError: Path.home() with no home to find
        return None


def _ours_or_new(folder: Path) -> bool:
    """True when ``folder`` is missing, empty (but for another process's temporary files) or marked by our
    CACHEDIR.TAG. A folder of someone's, or a link to one, got our tables and a CACHEDIR.TAG, which tells
    backup tools to skip the user's files beside them."""
    if not folder.exists() or os.path.lexists(folder / "CACHEDIR.TAG"):
        return True
    with os.scandir(folder) as entries:
        return all(entry.name.startswith(".tmp-") for entry in entries)


def _write_atomically(path: Path, data: bytes) -> None:
    """``data`` into ``path`` through a temporary file beside it (parallel processes may race to write the
    same file, and a reader never sees half of one); raises OSError, leaving no temporary file."""
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as handle:
            temporary = handle.name
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


def _usable_dir(cache_dir: Path | None) -> str:
    """The cache folder when it can be created, else the per-user temp one, else a private temp folder
    (a cache only costs speed)."""
    for candidate in (cache_dir, _shared_cache_dir()):
        if candidate is None:
            continue
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            if os.access(candidate, os.W_OK):
                return str(candidate)
        except OSError:
            continue
    return tempfile.mkdtemp(prefix="archive-gen-jieba-")


# ---------------------------------------------------------------------------------------------
# jieba's data files, read directly (cheaper than jieba.analyse / jieba.posseg)

@dataclass(frozen=True)
class _BaseDictionary:
    frequencies: dict[str, int]
    tags: dict[str, str]
    total: int


def _jieba_file(*parts: str) -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("jieba is not installed", hint="pip install jieba")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


@functools.lru_cache(maxsize=1)
def _base_dictionary() -> _BaseDictionary:
    """jieba's dict.txt ("word frequency tag" lines), parsed once per process; immutable by convention."""
    frequencies: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with open(_jieba_file("dict.txt"), encoding="utf-8") as handle:
        for line in handle:
            word, freq, *tag = line.split()
            frequencies[word] = int(freq)
            total += int(freq)  # a word listed twice counts twice in jieba's total too (B超)
            if tag:
                tags[word] = tag[0]
    return _BaseDictionary(frequencies, tags, total)


def _idf_file() -> tuple[dict[str, float], float]:
    """jieba.analyse's IDF table and its median (the weight of a word missing from it)."""
    idf: dict[str, float] = {}
    with open(_jieba_file("analyse", "idf.txt"), encoding="utf-8") as handle:
        for line in handle:
            word, value = line.split(" ")
            idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


def _keyword_lexicon(words: list[CustomWord], parts_of_speech: tuple[str, ...]) -> KeywordLexicon:
    base = _base_dictionary()
    idf, median = _idf_file()
    wanted = frozenset(parts_of_speech)
    tags = dict(base.tags)
    for word, _freq, tag in words:  # sorted by word then tag: the last tag of a word wins, as in jieba
        if tag:
            tags[word] = tag
    if not wanted:
        return KeywordLexicon(idf, median, latin=True, any_word=True)
    candidates = {word: idf.get(word, median) for word, tag in tags.items() if tag in wanted}
    return KeywordLexicon(candidates, median, "eng" in wanted)


def _custom_dictionary(words: list[CustomWord], base: _BaseDictionary) -> _Dictionary:
    """The custom words with the frequencies jieba's ``suggest_freq`` gives against the default dictionary.

    A word is added when new or when its frequency rises; ``total`` is then exactly the sum of all
    frequencies (jieba's own ``add_word`` would count a raised word twice).
    """
    chosen: dict[str, int] = {}
    for word, freq, _tag in words:
        wanted = freq if freq is not None else _suggest_frequency(word, base)
        chosen[word] = max(chosen.get(word, 0), wanted)
    total = base.total
    additions = []
    for word in sorted(chosen):
        old = base.frequencies.get(word, 0)
        if chosen[word] != old:
            additions.append((word, chosen[word]))
            total += chosen[word] - old
    return _Dictionary(tuple(additions), total)


def _suggest_frequency(word: str, base: _BaseDictionary) -> int:
    """jieba's ``suggest_freq(word, tune=False)``: high enough that the word beats its own parts."""
    ftotal = float(base.total)
    probability = 1.0
    for part in _cut_without_hmm(word, base):
        probability *= base.frequencies.get(part, 1) / ftotal
    return max(int(probability * base.total) + 1, base.frequencies.get(word, 1))


def _cut_without_hmm(text: str, base: _BaseDictionary) -> Iterator[str]:
    """jieba's ``cut(text, HMM=False)`` on the default dictionary (blocks, DAG, best route)."""
    for block in _JIEBA_HAN.split(text):
        if not block:
            continue
        if _JIEBA_HAN.match(block):
            yield from _cut_block(block, base)
            continue
        for piece in _JIEBA_SKIP.split(block):
            if _JIEBA_SKIP.match(piece):
                yield piece
            else:
                yield from piece


def _cut_block(block: str, base: _BaseDictionary) -> Iterator[str]:
    freq = base.frequencies
    size = len(block)
    log_total = math.log(base.total)
    route: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
    for start in range(size - 1, -1, -1):
        ends = [end for end in range(start, size) if freq.get(block[start:end + 1], 0) > 0] or [start]
        route[start] = max((math.log(freq.get(block[start:end + 1]) or 1) - log_total + route[end + 1][0], end)
                           for end in ends)
    buffer = ""
    pos = 0
    while pos < size:
        end = route[pos][1] + 1
        piece = block[pos:end]
        if _JIEBA_ENG.match(piece) and len(piece) == 1:
            buffer += piece  # single Latin letters and digits run together, as in jieba
        else:
            if buffer:
                yield buffer
                buffer = ""
            yield piece
        pos = end
    if buffer:
        yield buffer


# ---------------------------------------------------------------------------------------------
# the cache folder: a missing, unreadable or unwritable cache only costs time, never an error

def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


# a cache file larger than this is not one of ours (a link to /dev/zero, a runaway file); ours are < 10 MB
CACHE_FILE_LIMIT = 1 << 28


def read_cache_bytes(path: Path, limit: int = CACHE_FILE_LIMIT) -> bytes | None:
    """A cache file's bytes, or None: missing, a link (never followed), a pipe or device (never waited
    on), or larger than ``limit``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def read_table(path: Path | None, key: str) -> Any:
    """The value a ``write_table`` stored under ``key`` (None: no file (or no folder for it), or a file stored under another
    key, swapped, copied, torn, damaged or not marshal data).

    The value's bytes carry their SHA-256, checked before anything is unmarshalled: a byte flipped inside a
    number (a frequency, an IDF weight, an opcode of a kept regular-expression program) still loads as marshal
    data, and was used as it read, a wrong segmentation or a pattern that matched other text; and a flipped
    type code or count can make marshal itself allocate and walk for half a minute."""
    data = read_cache_bytes(path) if path is not None else None
    if data is None or len(data) < _TABLE_HEAD or not data.startswith(_TABLE_MAGIC):
        return None
    checksum, payload = data[len(_TABLE_MAGIC):_TABLE_HEAD], data[_TABLE_HEAD:]
    if checksum != _table_checksum(key, payload):
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError, MemoryError):
        return None


_TABLE_MAGIC = b"archive-gen table 2\n"  # a file of the earlier layout (a marshalled tuple) is a miss
_TABLE_HEAD = len(_TABLE_MAGIC) + 32


def _table_checksum(key: str, payload: bytes) -> bytes:
    return hashlib.sha256(key.encode("utf-8") + b"\0" + payload).digest()


def write_table(path: Path | None, key: str, value: Any) -> None:
    """Write ``value`` (marshal's types only) after its checksum, which covers the key it is for, atomically
    (parallel workers may race to write the same file); a failure only costs the next process the work.
    ``path`` None: no folder to keep it in (nothing written)."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = marshal.dumps(value)
        _write_atomically(path, _TABLE_MAGIC + _table_checksum(key, payload) + payload)
    except OSError:
        pass  # a cache only costs time
