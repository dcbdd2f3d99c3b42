"""The only module that touches jieba: one private, silent Tokenizer with the domain words loaded.

Nothing else imports jieba, and the global ``jieba.dt`` / ``jieba.cut`` / ``jieba.add_word`` are never
used: they share one hidden tokenizer between every library in the process. The optional "rjieba"
engine (the Rust port, ~20x faster) cuts text behind the same interface; see docs/tagging.md.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigError


class Segmenter:
    """Word segmentation with a private jieba dictionary.

    ``words`` are (word, frequency or None, part-of-speech tag or None) triples added on top of
    jieba's default dictionary (gazetteer names, taxonomy terms). Initialisation is silent: no
    "Building prefix dict" lines and no traceback when the cache cannot be written.

    ``engine="rjieba"`` (optional dependency) does ``cut``/``spans`` in Rust with the same words;
    TF-IDF and part-of-speech tagging always use the jieba tokenizer.
    """

    def __init__(self, words: Iterable[tuple[str, int | None, str | None]] = (),
                 cache_dir: Path | None = None, *, engine: Literal["jieba", "rjieba"] = "jieba") -> None:
        import jieba  # local import: importing jieba is cheap, but keep it owned here

        self._jieba_version = getattr(jieba, "__version__", "?")
        self._words = sorted({(w, f, t) for w, f, t in words if w}, key=lambda x: (x[0], x[1] or 0, x[2] or ""))
        digest = hashlib.sha256(repr(self._words).encode("utf-8"))
        digest.update(self._jieba_version.encode())
        if engine != "jieba":
            digest.update(engine.encode())  # engines differ on a few cuts: keep their caches apart
        self.fingerprint = digest.hexdigest()[:16]
        self.engine = engine
        self._fast = _rjieba(self._words) if engine == "rjieba" else None

        logger = logging.getLogger("jieba")
        previous = logger.level
        logger.setLevel(logging.CRITICAL)
        try:
            tokenizer = jieba.Tokenizer()
            if cache_dir is not None:
                cache_dir = Path(cache_dir)
                try:
                    cache_dir.mkdir(parents=True, exist_ok=True)
                    tokenizer.tmp_dir = str(cache_dir)
                    tokenizer.cache_file = "jieba.cache"
                except OSError:
                    # an unwritable cache folder only costs speed: fall back to a private temp dir
                    tokenizer.tmp_dir = tempfile.mkdtemp(prefix="archive-gen-jieba-")
                    tokenizer.cache_file = "jieba.cache"
            else:
                tokenizer.tmp_dir = os.path.join(tempfile.gettempdir(), f"archive-gen-{os.getuid()}")
                os.makedirs(tokenizer.tmp_dir, exist_ok=True)
                tokenizer.cache_file = "jieba.cache"
            tokenizer.initialize()
            for word, freq, tag in self._words:
                tokenizer.add_word(word, freq, tag)
        finally:
            logger.setLevel(previous)
        self._tokenizer = tokenizer
        self._tfidf: Any = None  # built on first use: loading jieba's IDF table costs ~0.3 s

    def cut(self, text: str) -> list[str]:
        """Tokens in order (accurate mode, HMM on for unknown words)."""
        if self._fast is not None:
            return list(self._fast.cut(text, True))
        return list(self._tokenizer.cut(text, HMM=True))

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """(token, start, end) character offsets, in order."""
        if self._fast is not None:
            return [(token, start, end) for token, start, end in self._fast.tokenize(text, "default", True)]
        return list(self._tokenizer.tokenize(text, HMM=True))

    def word_frequency(self, word: str) -> int:
        """Frequency of ``word`` in this tokenizer's dictionary (0 when unknown)."""
        return int(self._tokenizer.FREQ.get(word, 0) or 0)

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(token, part-of-speech flag) pairs in order, from this tokenizer's dictionary."""
        return [(pair.word, pair.flag) for pair in self._keyword_model().postokenizer.cut(text, HMM=True)]

    def tfidf(self, text: str, *, stop_words: Iterable[str] = (),
              allow_pos: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Every candidate word of ``text`` with its TF-IDF weight, heaviest first (ties by word).

        Uses jieba's IDF table with this private tokenizer (never ``jieba.dt``); ``allow_pos``
        keeps only words whose part-of-speech flag is listed (empty: keep all).
        """
        model = self._keyword_model()
        model.stop_words = set(model.STOP_WORDS) | set(stop_words)
        pairs = model.extract_tags(text, topK=None, withWeight=True, allowPOS=tuple(sorted(allow_pos)))
        return sorted(((str(word), float(weight)) for word, weight in pairs), key=lambda p: (-p[1], p[0]))

    def _keyword_model(self) -> Any:
        if self._tfidf is None:
            import jieba.analyse
            import jieba.posseg

            model = jieba.analyse.TFIDF()
            # the constructor points at the shared global tokenizers: replace both with ours
            model.tokenizer = self._tokenizer
            model.postokenizer = jieba.posseg.POSTokenizer(self._tokenizer)
            self._tfidf = model
        return self._tfidf


def _rjieba(words: list[tuple[str, int | None, str | None]]) -> Any:
    """A private rjieba instance with the same custom words (rjieba is an optional dependency)."""
    try:
        import rjieba
    except ImportError:
        raise ConfigError("segmenter engine 'rjieba' is not installed",
                          hint="pip install rjieba, or use the default jieba engine") from None
    fast = rjieba.Jieba()
    for word, freq, tag in words:
        fast.add_word(word, freq, tag)
    return fast
