"""The private segmenter: both engines cut alike with the custom words, the dictionary additions are
jieba's own suggested frequencies, keyword candidates come from dictionary look-ups, start-up is
silent (also with an unusable or corrupt cache) and never touches jieba's global tokenizer."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive_gen.config import load_config
from archive_gen.errors import ConfigError
from archive_gen.tagging import Tagger
from archive_gen.tagging.segmenter import (
    KeywordLexicon,
    PackedIdf,
    Segmenter,
    _base_dictionary,
    _suggest_frequency,
    available_engines,
    default_engine,
    fold,
    user_tables_dir,
)

WORDS = [("骑士驿站", None, "nz"), ("商调裁诉执", None, "nz"), ("法院+工会", None, "nz")]
ENGINES = available_engines()
TEXTS = ("长沙:商家联合平台 共建500个骑士驿站,方便外卖骑手和快递员休息。",
         "镇海区推进劳动争议商调裁诉执全链式化解,法院＋工会诉调对接。",
         "全国机械冶金建材系统产业工人队伍建设改革现场推进会召开,劳模代表发言。",
         "永嘉县首届职工集体婚礼举行,倡导移风易俗、婚事新办。企业职工速度快,GDP增长。")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache") / "jieba"


@pytest.fixture(scope="module", params=ENGINES)
def segmenter(request: pytest.FixtureRequest, cache_dir: Path) -> Segmenter:
    return Segmenter(WORDS, cache_dir=cache_dir, engine=request.param)


def _run_quiet(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_custom_words_are_single_tokens(segmenter: Segmenter) -> None:
    assert "骑士驿站" in segmenter.cut("长沙共建500个骑士驿站")
    assert "商调裁诉执" in segmenter.cut("镇海区推进商调裁诉执全链式工作模式")
    assert "法院+工会" in segmenter.cut(fold("推行法院＋工会诉调对接"))


def test_spans_are_offsets_into_the_text(segmenter: Segmenter) -> None:
    for text in TEXTS:
        spans = segmenter.spans(text)
        assert "".join(token for token, _, _ in spans) == text
        for token, start, end in spans:
            assert text[start:end] == token


@pytest.mark.skipif(len(ENGINES) < 2, reason="needs both jieba and rjieba")
def test_both_engines_cut_alike_with_the_same_words(cache_dir: Path) -> None:
    slow = Segmenter(WORDS, cache_dir=cache_dir, engine="jieba")
    fast = Segmenter(WORDS, cache_dir=cache_dir, engine="rjieba")
    assert fast.fingerprint != slow.fingerprint  # caches of tags never mix engines
    for text in TEXTS:
        assert fast.spans(fold(text)) == slow.spans(fold(text))


def test_added_words_get_jiebas_own_suggested_frequency(cache_dir: Path) -> None:
    import jieba  # the test may: it checks our re-implementation against the original

    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir)
    tokenizer.initialize()
    base = _base_dictionary()
    assert base.total == tokenizer.total
    for word in ("骑士驿站", "商调裁诉执", "法院+工会", "不忘初心、牢记使命", "企业职工", "长沙", "GDP增长"):
        assert _suggest_frequency(word, base) == tokenizer.suggest_freq(word, tune=False), word


def test_a_given_frequency_is_kept_and_word_order_does_not_matter(cache_dir: Path) -> None:
    forward = Segmenter([("骑士驿站", 7, "nz"), ("爱心驿站", None, "nz")], cache_dir=cache_dir)
    backward = Segmenter([("爱心驿站", None, "nz"), ("骑士驿站", 7, "nz")], cache_dir=cache_dir)
    assert forward.word_frequency("骑士驿站") == 7
    assert forward.word_frequency("爱心驿站") == backward.word_frequency("爱心驿站") > 0
    assert forward.fingerprint == backward.fingerprint


def test_frequencies_kept_in_the_tables_folder_are_jiebas_own(cache_dir: Path) -> None:
    # the kept table (hashes and frequencies) against dict.txt parsed line by line: every word, and words it lacks
    seg = Segmenter([("驿", 123, "n")], cache_dir=cache_dir, engine=ENGINES[0])
    seg.word_frequency("工会")  # writes the table
    again = Segmenter([("驿", 123, "n")], cache_dir=cache_dir, engine=ENGINES[0])  # reads it
    base = _base_dictionary().frequencies
    assert len(base) > 300_000
    assert all(again.word_frequency(w) == f for w, f in base.items() if w != "驿")
    assert again.char_frequency("驿") == again.word_frequency("驿") == 123
    for unknown in ("\U00020000", "商调裁诉执链", "　", ""):
        assert again.word_frequency(unknown) == 0


def test_a_process_with_the_kept_table_never_parses_dict_txt(tmp_path: Path) -> None:
    # parsing dict.txt's 350k lines cost every tagging process ~0.5 s (the region rules ask how common a short
    # form is); a damaged table is a miss, written again, and answers the same
    code = f"""
        from pathlib import Path
        from archive_gen.tagging.segmenter import Segmenter, _base_dictionary
        seg = Segmenter([], cache_dir=Path({str(tmp_path)!r}))
        print(seg.word_frequency("会同"), seg.char_frequency("的"), _base_dictionary.cache_info().currsize)
    """
    first = _run_quiet(code, tmp_path)
    assert first.returncode == 0, first.stderr
    freq, char, parsed = first.stdout.split()
    assert parsed == "1" and int(freq) > 0 and int(char) > 0
    second = _run_quiet(code, tmp_path)
    assert second.stdout.split() == [freq, char, "0"]
    (table,) = tmp_path.glob("frequencies-*.marshal")
    data = bytearray(table.read_bytes())
    data[len(data) // 2] ^= 0xFF
    table.write_bytes(bytes(data))
    third = _run_quiet(code, tmp_path)
    assert third.stdout.split() == [freq, char, "1"]


def test_tfidf_is_sorted_by_weight_then_word_and_drops_stop_words(segmenter: Segmenter) -> None:
    text = "骑士驿站为骑手提供免费饮水。骑士驿站还为骑手提供临时休息。工会开展活动。"
    pairs = segmenter.tfidf(text, stop_words={"工会", "活动"})
    words = [w for w, _ in pairs]
    assert words[0] == "骑士驿站"
    assert "工会" not in words and "活动" not in words
    assert pairs == sorted(pairs, key=lambda p: (-p[1], p[0]))


def test_tfidf_pos_filter_keeps_only_listed_flags(segmenter: Segmenter) -> None:
    pairs = segmenter.tfidf("骑士驿站非常方便,骑手们很快就用上了", allow_pos=("nz",))
    assert [w for w, _ in pairs] == ["骑士驿站"]


def test_keyword_candidates_come_from_the_dictionary(segmenter: Segmenter) -> None:
    lexicon = segmenter.keyword_lexicon(("n", "nz", "eng"))
    assert lexicon.weight("骑士驿站") is not None  # a custom word, by its own tag
    assert lexicon.weight("骑手") is not None  # n in jieba's dictionary
    assert lexicon.weight("提供") is None  # v
    assert lexicon.weight("王振强") is None  # unknown to the dictionary: a name found by the HMM
    assert lexicon.weight("GDP") == lexicon.default_idf  # Latin words count as jieba's "eng"
    assert segmenter.keyword_lexicon(("eng", "n", "nz")) is lexicon  # one table per set, loaded once


def test_lexicon_read_back_from_the_cache_is_the_same_table(tmp_path: Path) -> None:
    words = [("骑士驿站", None, "nz"), ("爱心驿站", None, "nz")]
    fresh = Segmenter(words, cache_dir=tmp_path).keyword_lexicon(("n", "nz", "eng"))
    cached = Segmenter(words, cache_dir=tmp_path).keyword_lexicon(("n", "nz", "eng"))
    assert isinstance(fresh.idf, dict) and isinstance(cached.idf, PackedIdf)  # built, then read back
    assert len(fresh.idf) > 100_000 and dict(cached.idf) == fresh.idf  # every word, the same float
    assert cached.default_idf == fresh.default_idf and cached.latin == fresh.latin
    assert cached.idf.get("不是一个词") is None and "骑士驿站" in cached.idf
    assert PackedIdf.unpack(("a\0b", b"\0" * 8, 1.0)) is None  # two words, one number: not a table
    assert PackedIdf.unpack({"a": 1.0}) is None  # the old dict format is rebuilt, not trusted


def test_lexicon_tfidf_counts_repeats_and_ignores_short_tokens() -> None:
    lexicon = KeywordLexicon({"驿站": 2.0, "骑手": 1.0, "站": 5.0}, default_idf=1.5, latin=False)
    pairs = lexicon.tfidf(["驿站", "驿站", "骑手", "站", "提供", "驿站"])
    assert pairs == [("驿站", 2.0 * 3 / 4), ("骑手", 1.0 / 4)]
    assert lexicon.tfidf([]) == []


def test_unknown_or_missing_engine_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown segmenter engine 'hanlp'"):
        Segmenter([], engine="hanlp")  # type: ignore[arg-type]
    result = _run_quiet(f"""
        import sys
        sys.modules["rjieba"] = None  # as if it were not installed
        from archive_gen.errors import ConfigError
        from archive_gen.tagging.segmenter import Segmenter, default_engine
        print(default_engine())
        try:
            Segmenter([], cache_dir={str(tmp_path / "c")!r}, engine="rjieba")
        except ConfigError as err:
            print(err)
    """, tmp_path)
    assert result.stderr == ""
    assert result.stdout.splitlines()[0] == "jieba"  # falls back when rjieba is absent
    assert result.stdout.splitlines()[1].startswith("segmenter engine 'rjieba' is not installed")


def test_default_engine_is_the_fastest_installed() -> None:
    assert default_engine() == ENGINES[0]


CACHE_CASES = ("writable", "under-a-file", "read-only", "corrupt")


@pytest.fixture(scope="module")
def quiet_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One fresh interpreter builds a Segmenter per cache case and engine, uses it, then reports on jieba.dt."""
    root = tmp_path_factory.mktemp("quiet")
    (root / "blocker").write_text("not a folder")
    (root / "ro").mkdir()
    (root / "ro").chmod(0o500)  # only effective when not running as root; then it is a plain rerun
    dirs = {"writable": root / "cache" / "jieba", "under-a-file": root / "blocker" / "jieba", "read-only": root / "ro",
            "corrupt": root / "corrupt"}
    try:
        return _run_quiet(f"""
            import jieba
            from pathlib import Path
            from archive_gen.tagging.segmenter import Segmenter
            for engine in {list(ENGINES)!r}:
                for case, cache in {[(case, str(dirs[case])) for case in CACHE_CASES]!r}:
                    if case == "corrupt" and Path(cache).is_dir():
                        for file in Path(cache).glob("*.marshal"):
                            file.write_bytes(b"not marshal data")
                    seg = Segmenter([("骑士驿站", None, "nz")], cache_dir=cache, engine=engine)
                    print(engine, case, "|".join(seg.cut("共建骑士驿站")), seg.tfidf("共建骑士驿站")[0][0])
                    if case == "writable":  # the corrupt case starts from a copy of a good cache
                        import shutil
                        shutil.copytree(cache, {str(dirs["corrupt"])!r}, dirs_exist_ok=True)
            print("global", jieba.dt.initialized, "骑士驿站" in jieba.dt.FREQ)
        """, root), dirs["writable"]
    finally:
        (root / "ro").chmod(0o700)  # let the temp folder cleanup remove it


def test_initialisation_is_silent_whatever_the_cache(
        quiet_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, _ = quiet_run
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[:-1] == [f"{engine} {case} 共建|骑士驿站 骑士驿站"
                                               for engine in ENGINES for case in CACHE_CASES]


def test_the_cache_holds_the_dictionary_additions_and_the_lexicon(
        quiet_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, writable = quiet_run
    names = sorted(p.name.split("-")[0] for p in writable.glob("*.marshal"))
    assert names == ["lexicon", "words"]


def test_the_global_tokenizer_is_never_touched(quiet_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    assert quiet_run[0].stdout.splitlines()[-1] == "global False False"


# ---------------------------------------------------------------------------------------------
# the user's folder for the tables (user_tables_dir)

def test_the_tables_live_in_the_users_marked_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = user_tables_dir()
    assert folder == tmp_path / "xdg" / "archive-gen"
    assert (folder / "CACHEDIR.TAG").read_bytes()[:43] == b"Signature: 8a477f597d28d172789f06886806bc55"
    tagger = Tagger(load_config(root=tmp_path / "archive"))
    assert tagger.segmenter._cache_dir == folder
    tagger.segmenter.tfidf("全国总工会召开职工代表大会", allow_pos=("n",))
    assert list(folder.glob("lexicon-*.marshal")) and not (tmp_path / "archive" / ".archive-cache").exists()


def test_without_a_usable_user_folder_the_tables_stay_in_the_archives_cache(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert user_tables_dir() is None
    assert blocker.read_text(encoding="utf-8") == "mine"
    config = load_config(root=tmp_path / "archive")
    assert Tagger(config).segmenter._cache_dir == config.cache_dir / "jieba"
    # a relative XDG_CACHE_HOME is ignored, as the XDG spec says: the home's .cache instead
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_tables_dir() == tmp_path / "home" / ".cache" / "archive-gen"


@pytest.mark.parametrize("inside", ["site", "sources", ".archive-cache"])
def test_a_user_folder_inside_what_the_build_owns_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              inside: str) -> None:
    # XDG_CACHE_HOME pointed into the output, a source folder or the archive's cache: the build owns those
    # folders (and refuses or reports files it did not write there), so the tables stay in the archive's cache
    root = tmp_path / "archive"
    (root / "sources").mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / inside / "xdg"))
    config = load_config(root=root)
    assert Tagger(config).segmenter._cache_dir == config.cache_dir / "jieba"
    assert not (root / inside / "xdg").exists()  # nothing made there either
