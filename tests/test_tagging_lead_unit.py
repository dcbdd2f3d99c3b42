"""A correspondent's unit in the lead's bracket (本报讯（黔南州总工会　刘明）) says where the report comes from, as a
dateline does. The loader credits the writer named after the unit and keeps the bracket in the lead (heldout fresh39);
before that the bracket was left at the head of the first paragraph, where the tagger read the unit's place, and
tests/heldout_tagging3's 黔南 item lost its region when it moved. Checked on small invented items."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from tagging_probe import region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str, lead: str) -> list[tuple[str, str, str]]:
    found = region_tags(tagger, title, *paragraphs, date="2016-04-12", lead=lead)
    return sorted((t.region.province or "", t.region.prefecture or "", t.region.county or "") for t in found)


def test_a_correspondents_union_in_the_lead_places_the_report(regions: RegionTagger) -> None:
    got = regions_of(regions, "百名返乡女工学做月嫂",
                     "4月10日，为期半个月的家政技能培训班开班，100名返乡女工学习母婴护理。",
                     lead="本报讯（黔东南州总工会　杨芳）")
    assert [g[:2] for g in got] == [("贵州省", "黔东南苗族侗族自治州")]


def test_a_reporters_credit_places_nothing(regions: RegionTagger) -> None:
    # guard: a staff credit names no unit, and a unit with no place in it adds none
    for lead in ("本报讯（记者　杨芳）", "本报讯（中铁一局　杨芳）"):
        assert regions_of(regions, "百名返乡女工学做月嫂",
                          "4月10日，为期半个月的家政技能培训班开班，100名返乡女工学习母婴护理。", lead=lead) == []


def test_the_story_own_place_outweighs_the_units(regions: RegionTagger) -> None:
    # guard: a provincial union's correspondent reporting from a city: the city is the story's
    got = regions_of(regions, "遵义职工书屋添新书",
                     "日前，遵义市总工会为全市50家职工书屋送去图书2万册。", lead="本报讯（贵州省总工会　杨芳）")
    assert ("贵州省", "遵义市", "") in got
