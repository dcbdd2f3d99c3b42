"""Thirty-first round (tests/heldout_tagging28's open region misses): a headline pairing its subject with a partner
(嘉兴30家企业与山区村结对) makes the partner a party of the story, as a headline counting its places does (浙江工会与
西部三省结对), so the partner's place the opening names (与对口帮扶的四川省9个山区村签订结对协议) is a setting, where the
aid goes, not a passing mention. Checked on small invented items, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from tagging_probe import region_tags


def regions_of(tagger: RegionTagger, title: str, *paragraphs: str) -> list[tuple[str, str]]:
    """(province, prefecture) of each region a 本报讯 article is tagged with."""
    found = region_tags(tagger, title, *paragraphs, date="2023-05-10", lead="本报讯（通讯员 张明）")
    return sorted((t.region.province or "", t.region.prefecture or "") for t in found)


def test_a_paired_partners_place_in_the_opening_is_a_setting(regions: RegionTagger) -> None:
    got = regions_of(regions, "温州20家民营企业与山区乡镇结对",
                     "浙江省温州市工商联日前组织20家民营企业与对口支援的贵州省黔西南州8个乡镇签订结对协议。",
                     "企业将在两年内投入资金600万元，帮助乡镇发展特色种植。")
    assert got == [("浙江省", "温州市"), ("贵州省", "黔西南布依族苗族自治州")]


def test_a_pairing_with_a_province_named_only_as_the_partner_keeps_the_province(regions: RegionTagger) -> None:
    got = regions_of(regions, "台州15家企业与山区村结对帮扶",
                     "浙江省台州市总工会日前组织15家企业与对口帮扶的四川省12个山区村签订结对帮扶协议。")
    assert got == [("四川省", ""), ("浙江省", "台州市")]


def test_without_a_pairing_headline_a_place_in_passing_stays_a_mention(regions: RegionTagger) -> None:
    # guard: the same opening under a headline that pairs nobody keeps its source-of-supply place a mention
    got = regions_of(regions, "温州民营企业采购山区农产品",
                     "浙江省温州市工商联日前组织20家民营企业采购来自贵州省黔西南州的农产品。")
    assert got == [("浙江省", "温州市")]
