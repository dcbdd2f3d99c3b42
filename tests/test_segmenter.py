"""The private jieba segmenter: silent start-up (also with an unusable cache), custom words, TF-IDF
through the private tokenizer only."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive_gen.tagging.segmenter import Segmenter

WORDS = [("骑士驿站", None, "nz"), ("商调裁诉执", None, "nz")]


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    return Segmenter(WORDS, cache_dir=tmp_path_factory.mktemp("cache") / "jieba")


def _run_quiet(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)


def test_custom_words_are_single_tokens(segmenter: Segmenter) -> None:
    assert "骑士驿站" in segmenter.cut("长沙共建500个骑士驿站")
    assert "商调裁诉执" in segmenter.cut("镇海区推进商调裁诉执全链式工作模式")


def test_spans_are_offsets_into_the_text(segmenter: Segmenter) -> None:
    text = "方便骑手就近使用骑士驿站"
    for token, start, end in segmenter.spans(text):
        assert text[start:end] == token


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


CACHE_CASES = ("writable", "under-a-file", "read-only")


@pytest.fixture(scope="module")
def quiet_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One fresh interpreter builds a Segmenter per cache case, uses it, then reports on jieba.dt."""
    root = tmp_path_factory.mktemp("quiet")
    (root / "blocker").write_text("not a folder")
    (root / "ro").mkdir()
    (root / "ro").chmod(0o500)  # only effective when not running as root; then it is a plain rerun
    dirs = {"writable": root / "cache" / "jieba", "under-a-file": root / "blocker" / "jieba", "read-only": root / "ro"}
    try:
        return _run_quiet(f"""
            import jieba
            from archive_gen.tagging.segmenter import Segmenter
            for case, cache in {[(case, str(dirs[case])) for case in CACHE_CASES]!r}:
                seg = Segmenter([("骑士驿站", None, "nz")], cache_dir=cache)
                print(case, "|".join(seg.cut("共建骑士驿站")))
            # the keyword model loads more of jieba (IDF table, POS tables): once is enough
            print(seg.tfidf("共建骑士驿站")[0][0], seg.tag("骑士驿站")[0][1])
            print("global", jieba.dt.initialized, "骑士驿站" in jieba.dt.FREQ)
        """, root)
    finally:
        (root / "ro").chmod(0o700)  # let the temp folder cleanup remove it


def test_initialisation_is_silent_whatever_the_cache(quiet_run: subprocess.CompletedProcess[str]) -> None:
    assert quiet_run.returncode == 0, quiet_run.stderr
    assert quiet_run.stderr == ""
    lines = quiet_run.stdout.splitlines()
    assert lines[:4] == [*(f"{case} 共建|骑士驿站" for case in CACHE_CASES), "骑士驿站 nz"]


def test_keyword_model_never_touches_the_global_tokenizer(quiet_run: subprocess.CompletedProcess[str]) -> None:
    assert quiet_run.stdout.splitlines()[-1] == "global False False"


def test_rjieba_engine_gives_the_same_topic_tags(tmp_path: Path) -> None:
    pytest.importorskip("rjieba")
    from archive_gen.config import TaxonomyConfig
    from archive_gen.model import Item
    from archive_gen.tagging.topics import TopicTagger, load_taxonomy

    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()] + WORDS
    slow = Segmenter(words, cache_dir=tmp_path / "c")
    fast = Segmenter(words, cache_dir=tmp_path / "c", engine="rjieba")
    assert fast.fingerprint != slow.fingerprint
    texts = ["长沙:商家联合平台 共建500个骑士驿站,方便外卖骑手和快递员休息。",
             "镇海区推进劳动争议商调裁诉执全链式化解,法院+工会诉调对接。",
             "全国机械冶金建材系统产业工人队伍建设改革现场推进会召开,劳模代表发言。",
             "永嘉县首届职工集体婚礼举行,倡导移风易俗、婚事新办。"]
    for text in texts:
        assert fast.spans(text) == slow.spans(text)
        item = Item(id="x", source="x", index=0, kind="article", title=text[:12], paragraphs=(text,))
        assert TopicTagger(taxonomy, fast).tag(item) == TopicTagger(taxonomy, slow).tag(item)


def test_missing_engine_is_a_one_line_config_error(tmp_path: Path) -> None:
    result = _run_quiet(f"""
        import sys
        sys.modules["rjieba"] = None  # as if it were not installed
        from archive_gen.errors import ConfigError
        from archive_gen.tagging.segmenter import Segmenter
        try:
            Segmenter([], cache_dir={str(tmp_path / "c")!r}, engine="rjieba")
        except ConfigError as err:
            print(err)
    """, tmp_path)
    assert result.stderr == ""
    assert result.stdout.strip().startswith("segmenter engine 'rjieba' is not installed")
