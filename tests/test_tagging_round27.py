"""Issue 18, twenty-seventh round (tests/heldout_tagging25: places as papers wrote them between 1985 and 2009). The
tagger read every place of the set as the division of the page's year at first sight, so this round adds no rule; these
tests pin the classes the set checked, on small invented items unlike its pages: a 地区 or 盟 named in full in its year,
a county later made 市 or 区 under its prefecture of the year, a county-level city that moved from a prefecture to the
province, a place that left 四川 for 重庆 in 1997, 海南 before and after 1988, and 兵团 cities (no prefecture)."""

from __future__ import annotations

import pytest

from archive_gen.tagging.regions import RegionTagger
from tagging_probe import region_tags


def setting(
    tagger: RegionTagger, title: str, paragraph: str, date: str
) -> list[tuple[str, str | None, str | None]]:
    """The (province, prefecture, county) of each region of a one-paragraph 本报讯 item of ``date``."""
    found = region_tags(tagger, title, paragraph, date=date, lead="本报讯（通讯员 李明）")
    return sorted((t.region.province, t.region.prefecture, t.region.county) for t in found)


@pytest.mark.parametrize(
    ("title", "paragraph", "date", "expected"),
    [
        # a 地区 in its own years is the prefecture; the city that replaced it takes over only from its year
        (
            "达县地区职工读书活动",
            "四川省达县地区总工会在全区职工中开展读书活动。",
            "1990-03-07",
            [("四川省", "达县地区", None)],
        ),
        (
            "宜宾地区劳动竞赛",
            "四川省宜宾地区总工会组织企业开展劳动竞赛。",
            "1994-05-11",
            [("四川省", "宜宾地区", None)],
        ),
        # a 盟 before it became a city, and a county-level city of the 盟
        (
            "伊克昭盟工会建家",
            "内蒙古伊克昭盟东胜市总工会开展建家活动。",
            "1998-08-19",
            [("内蒙古自治区", "伊克昭盟", "东胜市")],
        ),
        # a county later made 市 (and renamed) under its prefecture of the year
        (
            "县办企业安全检查",
            "江苏省沙洲县总工会组织县办企业开展安全检查。",
            "1984-09-12",
            [("江苏省", "苏州市", "沙洲县")],
        ),
        (
            "县总工会送温暖",
            "福建省晋江县总工会为困难职工送去慰问金。",
            "1991-01-16",
            [("福建省", "泉州市", "晋江县")],
        ),
    ],
)
def test_a_place_is_read_as_the_division_of_the_page_year(
    regions: RegionTagger, title: str, paragraph: str, date: str, expected: list
) -> None:
    assert setting(regions, title, paragraph, date) == expected


def test_a_county_level_city_follows_its_move_from_a_prefecture_to_the_province(
    regions: RegionTagger,
) -> None:
    # 济源 was a county-level city of 焦作 until 1996 and is province-administered from 1997
    text = "河南省济源市总工会举办职工技能培训班。"
    assert setting(regions, "职工培训", text, "1993-06-02") == [("河南省", "焦作市", "济源市")]
    assert setting(regions, "职工培训", text, "2004-06-02") == [("河南省", None, "济源市")]


def test_a_place_of_sichuan_before_1997_is_chongqing_after(regions: RegionTagger) -> None:
    # 黔江: a 地区 of 四川 (1988-1996), a district of 重庆 from 2000
    assert setting(regions, "民族职工培训", "四川省黔江地区总工会举办职工培训。", "1992-04-01") == [
        ("四川省", "黔江地区", None)
    ]
    assert setting(regions, "非公企业建会", "重庆市黔江区总工会推进非公企业建会。", "2004-04-01") == [
        ("重庆市", None, "黔江区")
    ]


def test_hainan_before_1988_is_a_district_of_guangdong(regions: RegionTagger) -> None:
    assert setting(
        regions, "农场职工安全教育", "海南行政区总工会为农场青年工人举办安全讲座。", "1986-07-09"
    ) == [("广东省", "海南行政区", None)]
    assert setting(regions, "农场职工安全教育", "海南省总工会为农场青年工人举办安全讲座。", "1990-07-09") == [
        ("海南省", None, None)
    ]


def test_a_bingtuan_city_has_the_region_as_its_parent(regions: RegionTagger) -> None:
    assert setting(
        regions, "兵团城市职工运动会", "新疆生产建设兵团农六师五家渠市工会举办职工运动会。", "2005-09-14"
    ) == [("新疆维吾尔自治区", None, "五家渠市")]
