"""Keywords: 5–10 TF-IDF words per item from the item's shared tokens, with parts of speech and IDF
looked up in jieba's dictionary (no part-of-speech tagging at run time) and domain stop-words."""

from __future__ import annotations

import bisect
import functools
import hashlib
import importlib.metadata
import os
import re
import stat
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from ..model import Item, Keyword
from ..urls import keyword_slug, short_hash
from .segmented import Segmented, SegmentedField, segment_item
from .segmenter import TFIDF_STOP_WORDS, KeywordLexicon, Segmenter, read_cache_bytes

MIN_KEYWORDS = 5
MAX_KEYWORDS = 10
RELATIVE_CUTOFF = 0.25  # beyond the first MIN_KEYWORDS, keep words weighing this share of the best
# parts of speech worth indexing: nouns, place/organisation names, verbal nouns, idioms, our terms;
# person names (nr) are bylines and quotes, not subjects, and numbers/adverbs never are. A word the
# dictionary does not know (found by jieba's HMM) is skipped: most of them are people's names.
KEYWORD_POS = ("n", "nz", "ns", "nt", "nrt", "vn", "l", "i", "j", "eng", "an")
# an item with fewer than MIN_KEYWORDS of those fills up with its best verbs and adjectives (采摘, 丰收):
# still no stop-words, names, numbers or single characters
FILL_POS = ("v", "vd", "a", "ad")
# not words (digits, symbols, a lone letter), and words that say nothing about an item whatever it is about (issue
# 18): a span of time (今年以来, 连日来, 春节前夕), an action going on (正忙着, 摆放着), an administrative rank (区级, 省级)
_NOT_A_WORD = re.compile(r"[\d０-９%％.·\-_/]|^[A-Za-z]$|(以来|连日来|前夕|之际|着)$|^[省市县区乡镇村]级$")
# a shorter candidate ending a longer one (书屋 in 职工书屋, 工地 in 建筑工地) gives its place to the longer one among
# this many best candidates
_NESTED_REACH = 2 * MAX_KEYWORDS
# a headline says what the item is about: its words count as often as this in the TF part
TITLE_REPEAT = 2
HEADLINE_FIELDS = ("kicker", "title", "subtitle")
BODY_FIELDS = ("paragraph", "caption", "reading_tip")
# a quotation holding a clause mark is an utterance (a recited line of verse, a saying, a worker's words):
# its words (九天揽月, 五洋) are not what the item is about; a short quoted name (“四点半课堂”) is kept
_UTTERANCE = re.compile(r"[“「『][^”」』]*?[，,。；;！!？?][^”」』]*[”」』]")
# a person's given name that is also a dictionary word (建国 in 周建国, 保国 in 李保国, 大山, 铁柱): jieba cuts the
# surname off, so the given name looks like a noun. Read as a name when every time the word occurs it follows one
# of the commonest surnames and at least once the name goes on to speak or act (周建国说, 李保国带领…). Surnames that
# often end an everyday word are left out (全国, 双方, 主任, 由于, 工程, 油田 …: 全国劳模说 is not a person 国劳模)
_SURNAMES = frozenset("王李张刘陈杨黄赵吴徐孙朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭肖董袁潘蒋蔡杜魏吕丁沈姚卢姜崔"
                      "钟谭汪廖贾韦邹孟熊秦邱尹薛闫阎雷侯陶贺顾郝龚邵覃莫汤周常马")
_NAME_ACTS = re.compile(r"说|表示|介绍|告诉|坦言|笑着|回忆|带领|带着|：|:")
# a measure word (量词) glued right after a number: jieba may cut it together with the character after it instead of
# with the number (600头花猪 -> 600/头花/猪, 60名门机司机 -> 60/名门/机/司机, 2台风机 -> 2/台风/机), a word that is not in
# the text. Such a two-character token there (the measure word and the first character of what is counted) is no
# keyword candidate; the same word elsewhere (名单, 台风, 头条) is. A longer token may be the counted noun itself with
# the measure word written once for two (佛山一家电企业: 一家家电企业), so it stays, and so does a compound measure
# word cut right (12场次, 30批次: a unit, whatever it is worth as a keyword)
_MEASURE_WORDS = "名头个家位条座台辆次场项所户只张本件批支架艘棵株匹栋套根块篇份处间片"
_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
# where to look: a digit, then a measure word
_COUNTED = re.compile(f"[0-9{_NUMERALS}](?=[{_MEASURE_WORDS}])")
_NUMBER = re.compile(f"[0-9.,]*[0-9]|[{_NUMERALS}]+")  # a whole token that is a number (Arabic or Chinese)


def packaged_stopwords() -> tuple[str, ...]:
    """The stop-words shipped in ``tagging/data/stopwords*.txt``, sorted and unique."""
    data = resources.files(__package__).joinpath("data")
    words: set[str] = set()
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("stopwords") and entry.name.endswith(".txt"):
            words.update(parse_stopwords(entry.read_text(encoding="utf-8")))
    return tuple(sorted(words))


def parse_stopwords(text: str) -> list[str]:
    """One word a line; blank lines and ``#`` comments are skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


# word, slug (its hash part is the word's), and a checksum of both: a byte flipped in the pinyin part of a slug
# kept the word's hash, and the keyword's page moved to a URL no cold build makes
_SLUG_LINE = re.compile(r"([^\t\n]+)\t((?:[a-z0-9]+(?:-[a-z0-9]+)*)-([0-9a-f]{6}))\t([0-9a-f]{16})\n")


def _slug_line_check(word: str, slug: str) -> str:
    return hashlib.sha256(f"{word}\t{slug}".encode()).hexdigest()[:16]


class KeywordSlugs:
    """word -> its page slug (``urls.keyword_slug``), remembered in the cache folder across builds.

    A slug needs pypinyin, whose import and tables cost ~0.15–0.6 s per process; a daily rebuild's
    keywords were nearly all seen before, so it reads them from ``slugs-<key>.tsv`` (``word<TAB>slug<TAB>check``
    lines, appended as new words turn up; the key follows the slug code, the file's format and the pypinyin
    version) and imports pypinyin only for a new word. No folder, or an unusable file: computed every time, silently.
    """

    def __init__(self, folder: Path | None, slug: Callable[[str], str] = keyword_slug) -> None:
        self._slug = slug
        self._path = folder / f"slugs-{_slug_key()}.tsv" if folder is not None else None
        self._known: dict[str, str] | None = None  # read on the first keyword

    def __call__(self, word: str) -> str:
        return self.lookup([word])[0]

    def lookup(self, words: list[str]) -> list[str]:
        """The slug of every word, appending the ones computed now to the file in one write."""
        known = self._load()
        new: list[str] = []
        for word in words:
            if word not in known:
                known[word] = self._slug(word)
                new.append(word)
        if new and self._path is not None:
            self._append("".join(f"{word}\t{known[word]}\t{_slug_line_check(word, known[word])}\n" for word in new
                                 if "\t" not in word and "\n" not in word))
        return [known[word] for word in words]

    def _load(self) -> dict[str, str]:
        if self._known is None:
            self._known = {}
            data = read_cache_bytes(self._path) if self._path is not None else None
            try:
                text = data.decode("utf-8") if data is not None else ""
            except UnicodeDecodeError:
                text = ""
            for match in _SLUG_LINE.finditer(text):
                word, slug, digest, check = match.groups()
                # a line torn or interleaved by a crash or a parallel worker, or damaged, fails this and is
                # recomputed
                whole_line = match.start() == 0 or text[match.start() - 1] == "\n"
                if whole_line and digest == short_hash(word) and check == _slug_line_check(word, slug):
                    self._known[word] = slug
        return self._known

    def _append(self, lines: str) -> None:
        assert self._path is not None
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            # one small O_APPEND write: parallel workers' lines do not interleave
            # never through a link (it would append to someone's file) nor into a pipe
            descriptor = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK,
                                 0o644)
            try:
                if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                    raise OSError("not a regular file")
                os.write(descriptor, lines.encode("utf-8"))
            finally:
                os.close(descriptor)
        except OSError:
            self._path = None  # a read-only cache only costs time


# a place's own bodies (上海市总工会, 宁波市政府) say no more than the place: not keywords either
_BODY_SUFFIXES = ("总工会", "工会", "人民政府", "政府", "市委", "县委", "区委", "省委")


def _made_of(word: str, names: frozenset[str]) -> bool:
    """True when ``word`` is one of ``names`` or a run of them (甘肃兰州, 福州市), possibly closed by the name of
    the place's own body (上海市总工会)."""
    if word in names:
        return True
    body = next((suffix for suffix in _BODY_SUFFIXES if word.endswith(suffix) and len(word) > len(suffix)), None)
    if body is not None:
        word = word[:-len(body)]
        if word in names:
            return True
    ends = {0}
    for end in range(1, len(word) + 1):
        if any(start in ends and word[start:end] in names for start in range(end)):
            ends.add(end)
    return len(word) in ends


def _miscut_after_number(field: SegmentedField) -> set[int]:
    """The indexes of the two-character tokens of ``field`` that start with a measure word right after a number token
    (600/头花/猪: 头花), which jieba cut across the measure word's boundary (see ``_MEASURE_WORDS``)."""
    out: set[int] = set()
    starts, ends, words = field.starts, field.ends, field.words
    for digit in _COUNTED.finditer(field.folded):
        at = digit.end()
        i = bisect.bisect_left(starts, at)
        if not (0 < i < len(words) and starts[i] == at and ends[i - 1] == at):
            continue  # no token starts at the measure word right after one ending at the digit
        if len(words[i]) == 2 and words[i][1] != "次" and _NUMBER.fullmatch(words[i - 1]):
            out.add(i)
    return out


def _tokens(segmented: Segmented, names: tuple[str, ...]) -> list[str]:
    """The tokens of the named fields (a base name takes every paragraph …), without those inside a quoted
    utterance nor the measure-word mis-cuts after a number."""
    out: list[str] = []
    for field in segmented.fields:
        if field.name not in names and field.name.partition(":")[0] not in names:
            continue
        words = field.words
        miscut = _miscut_after_number(field)
        if miscut:
            words = tuple(word for i, word in enumerate(words) if i not in miscut)
        text = field.text
        if "“" not in text and "「" not in text and "『" not in text:
            out.extend(words)
            continue
        if miscut:
            # a dropped token shifts the indexes below: keep the offsets of the tokens kept
            starts = tuple(start for i, start in enumerate(field.starts) if i not in miscut)
        else:
            starts = field.starts
        kept = 0  # index of the first token not yet copied
        for quote in _UTTERANCE.finditer(field.folded):
            first = bisect.bisect_left(starts, quote.start())
            out.extend(words[kept:first])
            kept = max(kept, bisect.bisect_left(starts, quote.end()))
        out.extend(words[kept:])
    return out


def _distinct(scored: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Keywords distinct from each other: a word ending a longer candidate (书屋 and 职工书屋, 骑手 and 外卖骑手) is
    the same thing named again for short: one keyword, the longer and more specific one, in the shorter one's place
    when that ranked higher. A word starting a longer one is another thing (劳模 and 劳模精神, 调解 and 调解员)."""
    top = [word for word, _ in scored[:_NESTED_REACH]]
    in_top = set(top)
    joined = "\n".join(top)  # one C-level count says whether a word can be inside another (most cannot)
    out: list[tuple[str, float]] = []
    taken: set[str] = set()
    for word, weight in scored:
        longer = word
        if joined.count(word) > (word in in_top):
            for other in top:
                if len(other) > len(word) and other.endswith(word):
                    longer = other
                    break
        if longer not in taken:
            taken.add(longer)
            out.append((longer, weight))
            if len(out) == MAX_KEYWORDS:
                break  # no more are kept
    return out


def _given_names(texts: list[str], words: Iterable[str]) -> set[str]:
    """The two-character ``words`` that are a person's given name in ``texts`` (see ``_SURNAMES``)."""
    out: set[str] = set()
    for word in words:
        if len(word) != 2:
            continue
        seen = acts = False
        for text in texts:
            pos = text.find(word)
            while pos != -1:
                if pos == 0 or text[pos - 1] not in _SURNAMES:
                    break
                seen = True
                acts = acts or _NAME_ACTS.match(text, pos + 2) is not None
                pos = text.find(word, pos + 2)
            if pos != -1:
                seen = False  # once not after a surname: a word of its own
                break
        if seen and acts:
            out.add(word)
    return out


def _slug_key() -> str:
    """What the slugs depend on: the slug code (urls.py) and the pypinyin release, read without importing it."""
    digest = hashlib.sha256(resources.files("archive_gen").joinpath("urls.py").read_bytes())
    digest.update(b"\0lines with a checksum")  # the file's format: lines without one are another file's
    try:
        digest.update(importlib.metadata.version("pypinyin").encode())
    except importlib.metadata.PackageNotFoundError:
        digest.update(b"no pypinyin")
    return digest.hexdigest()[:16]


class KeywordExtractor:
    """TF-IDF keywords for an item: the headline (counted twice) plus the body, stop-words removed.

    Ordering is deterministic: weight descending, then the word. Words are the folded tokens
    (full-width Latin letters as ASCII), so the same word is one keyword however it was printed.
    """

    def __init__(self, segmenter: Segmenter, stopwords: Iterable[str], slugs: KeywordSlugs | None = None) -> None:
        self._segmenter = segmenter
        self._slugs = slugs or KeywordSlugs(None)
        self.stopwords = frozenset(stopwords)
        self._stop = self.stopwords | TFIDF_STOP_WORDS  # built once, not per item
        # per lexicon: token -> its IDF, or None when it cannot be a keyword (judged once per run)
        self._judged: dict[int, dict[str, float | None]] = {}
        self._words: dict[str, bool] = {}  # word -> may be a keyword (length, digits, uninformative), judged once

    @functools.cached_property
    def _lexicon(self) -> KeywordLexicon:
        return self._segmenter.keyword_lexicon(KEYWORD_POS)  # loaded on the first item, not at start-up

    @functools.cached_property
    def _fill_lexicon(self) -> KeywordLexicon:
        return self._segmenter.keyword_lexicon(KEYWORD_POS + FILL_POS)  # loaded on the first short item

    def _candidates(self, lexicon: KeywordLexicon, tokens: list[str]) -> list[tuple[str, float]]:
        memo = self._judged.setdefault(id(lexicon), {})  # the two lexicons live as long as this extractor
        words = self._words
        out = []
        for word, weight in lexicon.tfidf(tokens, self._stop, memo):
            ok = words.get(word)
            if ok is None:
                ok = words[word] = len(word) >= 2 and not _NOT_A_WORD.search(word)
            if ok:
                out.append((word, weight))
        return out

    def extract(self, item: Item, *, segmented: Segmented | None = None,
                places: frozenset[str] = frozenset()) -> tuple[Keyword, ...]:
        """5–10 keywords (fewer only when a short item has no more candidates); ``segmented`` is the item's
        tokens when the caller has them. ``places`` are the names (every form) of the item's regions and
        mentioned places: they are its region chips already, so neither they nor a word made only of them
        (甘肃兰州) is a keyword."""
        if segmented is None:
            segmented = segment_item(item, self._segmenter)
        tokens = _tokens(segmented, HEADLINE_FIELDS) * TITLE_REPEAT + _tokens(segmented, BODY_FIELDS)
        if not tokens:
            return ()
        if places:
            # judged once per distinct token, and only tokens starting like a place name can be one
            firsts = {name[0] for name in places if name}
            dropped = {t for t in set(tokens) if t and t[0] in firsts and _made_of(t, places)}
            if dropped:
                tokens = [t for t in tokens if t not in dropped]
        scored = self._candidates(self._lexicon, tokens)
        if len(scored) < MIN_KEYWORDS:
            # a short item: the nouns it has, then its best other words, weighed together
            wide = self._candidates(self._fill_lexicon, tokens)
            keep = {word for word, _ in scored}
            keep.update([word for word, _ in wide if word not in keep][:MIN_KEYWORDS - len(keep)])
            scored = [pair for pair in wide if pair[0] in keep]
        if not scored:
            return ()
        names = _given_names([f.folded for f in segmented.fields], [word for word, _ in scored[:_NESTED_REACH]])
        if names:
            scored = [pair for pair in scored if pair[0] not in names]
            if not scored:
                return ()
        scored = _distinct(scored)
        best = scored[0][1]
        kept = [pair for i, pair in enumerate(scored[:MAX_KEYWORDS])
                if i < MIN_KEYWORDS or pair[1] >= RELATIVE_CUTOFF * best]
        slugs = self._slugs.lookup([word for word, _ in kept])
        return tuple(Keyword(word=word, weight=round(weight, 6), slug=slug)
                     for (word, weight), slug in zip(kept, slugs, strict=True))
