"""Multi-pattern matchers compared for the tagger: gazetteer names and topic terms found in item text.

usage: python3 bench/automaton_compare.py [SOURCE ...] [--repeat N]

SOURCE defaults to seeds/ (a generated corpus: python3 bench/generate.py --articles 1000 --seed 1 --out DIR).
For each vocabulary (the ~7,700 gazetteer name forms; the ~450 one-token topic terms) and each matcher it
prints the build time, the CPU time to find the occurrences in every text field of every item (best of N),
and whether it found exactly what the reference finds. The reference for names is every substring that is
a name (overlapping ones included: the region rules decide which count); for topic terms, every token that
is a term (a term counts only as a whole token). Matchers:

- ``python scan``: the former region scan, a dict look-up of the names sharing the two characters at each
  position;
- ``tokens``: a dict look-up of each token the segmenter (rjieba with every name and term in its user
  dictionary) already cut: what topics use, but blind to a name that is not a whole token (宁波镇海);
- ``ahocorasick-rs`` and ``pyahocorasick``: compiled Aho-Corasick automata, overlapping matches;
- ``rjieba cut_all``: an rjieba tokenizer whose dictionary holds only the names, in full mode: every name
  found, but as words without offsets (and it costs a second cut of the text).
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive_gen.config import load_config
from archive_gen.records import load_pages
from archive_gen.tagging import Tagger
from archive_gen.tagging.segmented import SegmentedField
from archive_gen.tagging.segmenter import _rjieba_class

ROOT = Path(__file__).resolve().parent.parent
Span = tuple[int, int]


def best_cpu(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def timed_build(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    built = fn()
    return time.process_time() - start, built


def name_matchers(names: list[str], fields: list[SegmentedField]) -> dict[str, tuple[float, Callable[[], Any]]]:
    """Each matcher for the name vocabulary: (build seconds, search returning sorted (field, start, end))."""
    known = set(names)
    matchers: dict[str, tuple[float, Callable[[], Any]]] = {}

    def scan_build() -> dict[str, tuple[int, ...]]:
        lengths: dict[str, set[int]] = {}
        for name in names:
            lengths.setdefault(name[:2], set()).add(len(name))
        return {prefix: tuple(sorted(found, reverse=True)) for prefix, found in lengths.items()}

    seconds, by_prefix = timed_build(scan_build)
    first_chars = {name[0] for name in names}
    single = {name for name in names if len(name) == 1}

    def scan() -> list[tuple[int, int, int]]:
        out = []
        for k, fld in enumerate(fields):
            text = fld.folded
            size = len(text)
            for pos in range(size):
                if text[pos] in first_chars:
                    out.extend((k, pos, pos + n) for n in by_prefix.get(text[pos:pos + 2], ())
                               if pos + n <= size and text[pos:pos + n] in known)
                    if text[pos] in single:
                        out.append((k, pos, pos + 1))
        return sorted(out)

    matchers["python scan"] = (seconds, scan)

    def tokens() -> list[tuple[int, int, int]]:
        return sorted((k, s, e) for k, fld in enumerate(fields) for w, s, e in fld.tokens if w in known)

    matchers["tokens (rjieba, user dict)"] = (0.0, tokens)
    if importlib.util.find_spec("ahocorasick_rs"):
        import ahocorasick_rs

        seconds, rs = timed_build(lambda: ahocorasick_rs.AhoCorasick(names))
        matchers["ahocorasick-rs"] = (seconds, lambda: sorted(
            (k, s, e) for k, fld in enumerate(fields) for _, s, e in rs.find_matches_as_indexes(fld.folded,
                                                                                                overlapping=True)))
    if importlib.util.find_spec("ahocorasick"):
        import ahocorasick

        def py_build() -> Any:
            automaton = ahocorasick.Automaton()
            for name in names:
                automaton.add_word(name, len(name))
            automaton.make_automaton()
            return automaton

        seconds, pa = timed_build(py_build)
        matchers["pyahocorasick"] = (seconds, lambda: sorted(
            (k, end - n + 1, end + 1) for k, fld in enumerate(fields) for end, n in pa.iter(fld.folded)))

    def cut_all_build() -> Any:
        jieba = _rjieba_class().empty()
        for name in names:
            jieba.add_word(name, 1000, None)
        return jieba

    seconds, rj = timed_build(cut_all_build)
    matchers["rjieba cut_all (no offsets)"] = (seconds, lambda: sorted(
        (k, w) for k, fld in enumerate(fields) for w in rj.cut_all(fld.folded) if w in known))
    return matchers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    items = [item for page in load_pages(args.sources) for item in page.items]
    if not items:
        parser.error("no items found")
    tagger = Tagger(load_config(root=ROOT))
    fields = [fld for item in items for fld in tagger.segment(item).fields]
    chars = sum(len(f.folded) for f in fields)
    gazetteer_names = sorted(tagger.gazetteer.names())
    topic_terms = sorted(tagger._topics._terms[0])
    print(f"{len(items)} items, {len(fields)} fields, {chars} characters; CPU time, best of {args.repeat}")
    for label, vocabulary in (("gazetteer names", gazetteer_names), ("topic terms", topic_terms)):
        matchers = name_matchers(vocabulary, fields)
        _, reference = best_cpu(matchers["python scan"][1], 1)
        tokens = set(matchers["tokens (rjieba, user dict)"][1]())
        print(f"\n{label}: {len(vocabulary)} patterns; {len(reference)} occurrences, {len(tokens)} of them whole tokens")
        print(f"{'matcher':30} {'build':>8} {'search':>8} {'per 1k items':>12}  found")
        for name, (build, search) in matchers.items():
            seconds, found = best_cpu(search, args.repeat)
            if name.startswith("rjieba"):
                same = f"{len(found)} words (no offsets)"
            elif name.startswith("tokens"):
                same = "whole tokens only"
            else:
                same = "all, exact" if found == reference else f"{len(found)} (differs)"
            print(f"{name:30} {build * 1000:7.1f}ms {seconds:7.3f}s {seconds * 1000 / len(items):11.3f}s  {same}")


if __name__ == "__main__":
    main()
