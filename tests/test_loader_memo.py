"""The loader's memos (bigrams, a stack line's facts and scores) carry nothing from one page to the next:
every page parses the same whether the memos are empty or full of other pages' lines."""

from __future__ import annotations

from pathlib import Path

from archive_gen.loader import parse_source
from archive_gen.loader.bylines import marked_signature
from archive_gen.loader.headlines import _line_facts
from archive_gen.loader.segment import bigrams

ROOT = Path(__file__).resolve().parent.parent


def _clear() -> None:
    bigrams.cache_clear()
    _line_facts.cache_clear()
    marked_signature.cache_clear()


def _pages() -> list[tuple[str, bytes]]:
    folders = [ROOT / "seeds", *sorted((ROOT / "tests" / "heldout").glob("**/pages"))]
    # keyed by path: two batches may hold pages of the same name
    return [(str(p.relative_to(ROOT)), p.read_bytes()) for folder in folders for p in sorted(folder.glob("*.txt"))]


def test_each_page_parses_alike_with_empty_and_with_warm_memos() -> None:
    pages = _pages()
    assert len(pages) > 50
    assert len({name for name, _ in pages}) == len(pages)
    alone = {}
    for name, data in pages:
        _clear()
        alone[name] = parse_source(data, name)[0]
    _clear()
    for name, data in reversed(pages):  # every page after all the others filled the memos
        assert parse_source(data, name)[0] == alone[name], name


def test_memoised_bigrams_cannot_be_changed_by_a_caller() -> None:
    grams = bigrams("职工书屋建设")
    assert isinstance(grams, frozenset)
    assert bigrams("职工书屋建设") is grams
