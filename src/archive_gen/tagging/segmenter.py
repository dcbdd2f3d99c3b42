"""The only module that touches jieba: one private, silent Tokenizer with the domain words loaded.

Nothing else imports jieba, and the global ``jieba.dt`` / ``jieba.cut`` / ``jieba.add_word`` are never
used: they share one hidden tokenizer between every library in the process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class Segmenter:
    """Word segmentation with a private jieba dictionary.

    ``words`` are (word, frequency or None, part-of-speech tag or None) triples added on top of
    jieba's default dictionary (gazetteer names, taxonomy terms). Initialisation is silent: no
    "Building prefix dict" lines and no traceback when the cache cannot be written.
    """

    def __init__(self, words: Iterable[tuple[str, int | None, str | None]] = (),
                 cache_dir: Path | None = None) -> None:
        import jieba  # local import: importing jieba is cheap, but keep it owned here

        self._jieba_version = getattr(jieba, "__version__", "?")
        self._words = sorted({(w, f, t) for w, f, t in words if w}, key=lambda x: (x[0], x[1] or 0, x[2] or ""))
        digest = hashlib.sha256(repr(self._words).encode("utf-8"))
        digest.update(self._jieba_version.encode())
        self.fingerprint = digest.hexdigest()[:16]

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

    def cut(self, text: str) -> list[str]:
        """Tokens in order (accurate mode, HMM on for unknown words)."""
        return list(self._tokenizer.cut(text, HMM=True))

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """(token, start, end) character offsets, in order."""
        return list(self._tokenizer.tokenize(text, HMM=True))

    def word_frequency(self, word: str) -> int:
        """Frequency of ``word`` in this tokenizer's dictionary (0 when unknown)."""
        return int(self._tokenizer.FREQ.get(word, 0) or 0)
