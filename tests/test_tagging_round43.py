"""Forty-fourth round (tests/heldout_tagging40, ordinary pages by a new hand): a generic district name that only one
division bears is a place when its own union or government follows it (东城区总工会); hobby crafts a union teaches
(插花, 花艺, 烘焙) are 职工文体, not training. Checked on small invented items unlike the held-out pages, each with a
guard."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def test_a_unique_generic_district_before_its_union_is_that_district(regions: RegionTagger) -> None:
    found = region_tags(regions, "东城区总工会慰问环卫工人",
                        "东城区总工会日前走访辖区环卫所，为120名环卫工人送去慰问品。", date="2019-01-20")
    assert [(t.region.province, t.region.county) for t in found] == [("北京市", "东城区")]


def test_a_generic_district_two_cities_have_still_needs_its_city(regions: RegionTagger) -> None:
    # 新城区 is 西安's and 呼和浩特's: its union alone says neither
    assert region_tags(regions, "新城区总工会慰问环卫工人",
                       "新城区总工会日前走访辖区环卫所，为120名环卫工人送去慰问品。", date="2019-01-20") == []


def test_a_generic_district_without_an_organ_stays_a_word(regions: RegionTagger) -> None:
    assert region_tags(regions, "老厂区变身文化园",
                       "这片东城区的老厂房改造后，成了职工的文化活动场所。", date="2019-01-20",
                       lead="本报讯") == []


def test_a_hobby_craft_class_is_workers_culture_not_training(topics: TopicTagger) -> None:
    assert labels(topics, "纺织厂职工学烘焙",
                  "厂工会请来面点师傅，为40名职工开设烘焙课程，职工们亲手做了蛋糕和面包。")[0] == "职工文体"
    assert labels(topics, "物业公司职工学花艺",
                  "公司工会举办花艺培训，30名保洁员跟着老师学插花。")[0] == "职工文体"


def test_a_skills_course_stays_training(topics: TopicTagger) -> None:
    # the guard: a trade course for jobs is not made a hobby by the new words
    assert labels(topics, "下岗职工学做家政",
                  "区总工会举办家政服务技能培训班，50名下岗职工参加，结业后推荐就业。")[0] == "就业与职工培训"
