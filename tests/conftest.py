"""Shared fixtures: where the seed pages and answer keys live, and a writer for tiny page trees."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from archive_gen.config import TaxonomyConfig
from archive_gen.model import Item
from archive_gen.search import build_search_index
from archive_gen.tagging.gazetteer import Gazetteer
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import TopicTagger, load_taxonomy
from search_truth import corpus_items

REPO = Path(__file__).resolve().parent.parent
_XDG = pytest.StashKey[tuple[str, str | None]]()


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """The suite's property tests draw the same examples on every run and machine (derandomized, no example
    database), so a run on a fresh machine (CI, the README command) fails only when the code changed, never on
    an unlucky draw. Exploration is asked for: ``HYPOTHESIS_PROFILE=long`` (the test files' long profiles) or
    ``--hypothesis-seed=N`` draws new random examples (and keeps failures in .hypothesis/). This runs before
    the test files register their profiles (which inherit it) and before hypothesis's own plugin reads
    ``--hypothesis-profile`` (which still wins)."""
    explore = os.environ.get("HYPOTHESIS_PROFILE") == "long" or config.getoption("--hypothesis-seed", None) is not None
    base = settings.get_profile("default")
    if explore:
        settings.register_profile("archive-gen-explore", base, derandomize=False)
        settings.load_profile("archive-gen-explore")
    else:
        settings.register_profile("archive-gen-fixed", base, derandomize=True, database=None)
        settings.load_profile("archive-gen-fixed")
    _cache_folder(config)


def _cache_folder(config: pytest.Config) -> None:
    """The user's cache folder (the segmenter's tables, the keyword slugs: tagging/segmenter.py
    user_tables_dir) is one of the session's own, shared by its tests and their subprocesses and removed
    at the end: the tests neither read the tester's folder nor leave anything in it."""
    folder = tempfile.mkdtemp(prefix="archive-gen-tests-xdg-")
    config.stash[_XDG] = (folder, os.environ.get("XDG_CACHE_HOME"))
    os.environ["XDG_CACHE_HOME"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder, before = config.stash.get(_XDG, (None, None))
    if folder is None:
        return
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before
    shutil.rmtree(folder, ignore_errors=True)



@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return REPO / "seeds"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return REPO / "tests" / "gold"


@pytest.fixture
def write_tree(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write {relative path: text or bytes} under tmp_path/"src" and return that folder."""

    def write(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "src"
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        root.mkdir(exist_ok=True)
        return root

    return write


@pytest.fixture(scope="session")
def corpus_10k(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Item], dict[str, bytes]]:
    """The generated 10k-item corpus (bench/generate.py, seed 1) parsed without tagging, and its search
    index; shared by the index tests and the browser tests."""
    items = corpus_items(tmp_path_factory.mktemp("corpus-10k"), 10_000)
    return items, build_search_index(items)


@pytest.fixture(scope="session")
def topics(tmp_path_factory: pytest.TempPathFactory) -> TopicTagger:
    """The topic scorer with a segmenter that knows the taxonomy's terms (built once: ~0.3 s a segmenter)."""
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))


@pytest.fixture(scope="session")
def regions(tmp_path_factory: pytest.TempPathFactory) -> RegionTagger:
    """The region resolver with the Tagger's own segmenter words: the gazetteer's and the taxonomy's terms
    (县总工会 among them, which is what cuts 礼|县总工会)."""
    gazetteer = Gazetteer.load()
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = list(gazetteer.segmenter_words()) + [(w, None, "nz") for w in taxonomy.words()]
    return RegionTagger(gazetteer, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))
