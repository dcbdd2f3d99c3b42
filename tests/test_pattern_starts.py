"""patterns.first_chars: the class of characters a match can start with, used by the topic tagger to try its
pattern alternation only where a match can start (issue 12); the answer must be the plain search's."""

from __future__ import annotations

import random
import re

from archive_gen.patterns import first_chars

PATTERNS = [
    r"(?<![相对类无好大])(?:比|赛|拼|秀)(?:技能|技艺)(?![人型工])",
    r"(?<!工伤)(?<!欠薪)获赔",
    r"从业(已经|已|近)?\d+多?年",
    r"(?:事故|逃生)[^，,。]{0,6}?演练",
    r"安全大?(检查|互查)",
    r"谈(下来|成了)",
    r"[一-七]?丙+丁",
]


def test_the_class_holds_every_possible_first_character() -> None:
    starts = first_chars(PATTERNS)
    assert starts is not None
    for ch in "比赛拼秀获从事逃安谈一丁七丙":
        assert starts.fullmatch(ch), ch
    for ch in "相工技业演大八":  # look-behind, second and later characters: never a match's first
        assert not starts.fullmatch(ch), ch


def test_no_class_where_a_match_could_start_anywhere_or_be_empty() -> None:
    assert first_chars([r"职工", r".工会"]) is None
    assert first_chars([r"\d+年"]) is None
    assert first_chars([r"[^，]工"]) is None
    assert first_chars([r"(?:职工)?"]) is None  # can match nothing
    assert first_chars([r"(?i)ab"]) is None
    assert first_chars([]) is None


def test_trying_only_the_class_positions_finds_what_search_finds() -> None:
    joined = re.compile("|".join(f"(?:{p})" for p in PATTERNS))
    starts = first_chars(PATTERNS)
    assert starts is not None
    alphabet = "比赛拼秀技能艺相工伤获赔从业已近12多年事故逃生演练安全大检查谈下来成了一七八丙丁，。 "
    rng = random.Random(12)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        plain = joined.search(text) is not None
        found += plain
        assert any(joined.match(text, m.start()) for m in starts.finditer(text)) == plain, text
    assert found > 20  # the texts do hold matches (and look-behinds that refuse them)
