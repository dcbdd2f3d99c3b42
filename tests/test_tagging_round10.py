"""Issue 18, tenth round (tests/heldout_tagging8): the mechanisms added for its first run's misses, each checked on
small invented items unlike the held-out pages."""

from __future__ import annotations

import pytest

from archive_gen.config import TaxonomyConfig
from archive_gen.loader.stitch import _carried_tags
from archive_gen.model import Evidence, Item, TopicTag
from archive_gen.tagging.gazetteer import Gazetteer
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import FALLBACK_FIELD, TopicTagger, load_taxonomy


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> TopicTagger:
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))


def item(title: str, *paragraphs: str) -> Item:
    return Item(id="t", source="t.txt", index=0, kind="article", title=title, paragraphs=tuple(paragraphs))


def labels(tagger: TopicTagger, it: Item) -> list[str]:
    return [t.label for t in tagger.tag(it)]


def tag(label: str, score: float, field: str = "paragraph:1") -> TopicTag:
    return TopicTag(
        slug=label, label=label, score=score, evidence=(Evidence(text="x", field=field, offset=0),)
    )


def half(*topics: TopicTag) -> Item:
    return Item(id="h", source="h.txt", index=0, kind="article", title="t", topics=topics)  # type: ignore[arg-type]


def carried(head: Item, tail: Item) -> list[tuple[str, float]]:
    return [(t.label, t.score) for t in _carried_tags(head, tail)["topics"]]  # type: ignore[attr-defined]


# -- continued halves: a head cut short by its jump ------------------------------------------------


def test_a_weak_head_yields_to_a_tail_that_outscores_it_over_both_halves() -> None:
    # the head's primary came from one body sentence; the tail is all about another topic
    assert carried(half(tag("产改", 1.3)), half(tag("培训", 3.3))) == [("培训", 3.3)]
    # a head topic holding half the new primary's score over both halves stays, as a secondary
    assert carried(half(tag("产改", 2.0)), half(tag("培训", 3.0))) == [("培训", 3.0), ("产改", 2.0)]
    # the tail's secondaries come along; never more than three topics
    assert [
        t for t, _ in carried(half(tag("甲", 1.0)), half(tag("乙", 4.0), tag("丙", 2.0), tag("丁", 1.5)))
    ] == ["乙", "丙", "丁"]


def test_a_head_whose_headline_names_its_topic_or_that_outscores_the_tail_keeps_it() -> None:
    # the headline's own term decides, whatever the tail says
    assert carried(half(tag("维权", 1.0, "title")), half(tag("培训", 5.0))) == [("维权", 1.0)]
    assert carried(half(tag("维权", 1.0, "kicker")), half(tag("培训", 5.0))) == [("维权", 1.0)]
    # a tail no stronger than the head over both halves changes nothing (the tail repeating the head's topic counts
    # for the head)
    assert carried(half(tag("维权", 2.0)), half(tag("培训", 2.0))) == [("维权", 2.0)]
    assert carried(half(tag("维权", 1.5)), half(tag("培训", 2.0), tag("维权", 1.0))) == [("维权", 1.5)]
    # a fallback tail is no evidence
    assert carried(half(tag("维权", 1.0)), half(tag("产业", 0.0, FALLBACK_FIELD))) == [("维权", 1.0)]


# -- vocabulary families ---------------------------------------------------------------------------


def test_womens_screening_named_by_what_is_screened(tagger: TopicTagger) -> None:
    # the keyword 两癌筛查 split by quotes, or the two cancers named: a women workers' item, not a free service
    quoted = item(
        "纺织厂女工免费做“两癌”检查", "本报讯 日前，某纺织厂工会为800名女工免费做“两癌”检查，费用由工会承担。"
    )
    assert labels(tagger, quoted)[0] == "女职工"
    named = item("800名女工免费筛查", "本报讯 日前，某市总工会为800名女工免费进行宫颈癌和乳腺癌检查。")
    assert labels(tagger, named)[0] == "女职工"


def test_the_people_whose_job_is_safety_make_a_safety_item(tagger: TopicTagger) -> None:
    # a course for safety officers is about safety: the course word says how, 安全员 says what
    course = item(
        "200名班组安全员培训结业", "本报讯 日前，某区总工会举办的班组安全员培训班结业，200名学员通过考核。"
    )
    assert labels(tagger, course)[0] == "安全生产"
    # 安全员工 is no safety officer
    staff = item("食堂给员工加餐", "本报讯 某厂工会为夜班员工送去夜宵，保证员工吃得安全员工放心。")
    assert "安全生产" not in labels(tagger, staff)


# -- regions: a short form in a workplace slot --------------------------------------------------------


@pytest.fixture(scope="module")
def regions() -> RegionTagger:
    gazetteer = Gazetteer.load()
    return RegionTagger(gazetteer, Segmenter(gazetteer.segmenter_words()))


def settings(
    tagger: RegionTagger, title: str, *paragraphs: str, date: str
) -> list[tuple[str, str | None, str | None]]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        date=date,
        title=title,  # type: ignore[arg-type]
        paragraphs=paragraphs,
    )
    found, _, _ = tagger.tag(it)
    return [(t.region.province, t.region.prefecture, t.region.county) for t in found]


def test_a_county_level_city_counting_a_workplace_is_the_place(regions: RegionTagger) -> None:
    # a county-level city's short form alone (no province, no full name) counting a workplace or a site
    assert settings(
        regions, "电子厂的夜班", "本报讯 日前，太仓一家电子企业工会为夜班职工送去夜宵。", date="2019-05-06"
    ) == [("江苏省", "苏州市", "太仓市")]
    assert settings(regions, "纺织厂的新规", "本报讯 石河子某纺织厂日前出台新规。", date="2019-05-06") == [
        ("新疆维吾尔自治区", None, "石河子市")
    ]
    # a province-administered city: no prefecture
    assert settings(
        regions, "无纺布企业扩招", "本报讯 日前，天门多家无纺布企业扩大招工。", date="2019-05-06"
    ) == [("湖北省", None, "天门市")]
    # where people work: 在X打工
    assert settings(regions, "十年打工路", "老李在永康打工十年，今年当上了班组长。", date="2019-05-06") == [
        ("浙江省", "金华市", "永康市")
    ]
    # the membership of the page's year: 公主岭 under 四平 before 2020, under 长春 after
    assert (
        settings(regions, "农机厂招工", "本报讯 公主岭一家农机厂日前招工。", date="2016-05-06")[0][1]
        == "四平市"
    )
    assert (
        settings(regions, "农机厂招工", "本报讯 公主岭一家农机厂日前招工。", date="2022-05-06")[0][1]
        == "长春市"
    )


def test_a_short_form_that_is_a_word_stays_a_word_outside_the_slot(regions: RegionTagger) -> None:
    # 合作 (合作市), 大方 (大方县) are words: a family after them (一家亲, 一家人) is no workplace
    assert settings(regions, "校企携手", "校企合作一家亲，共同培养技术工人。", date="2019-05-06") == []
    assert settings(regions, "好邻居", "老王待人出手大方一家人都很和气。", date="2019-05-06") == []
    # and without a slot a county-level city's short form alone still needs its full name or a place around it
    assert (
        settings(
            regions, "电子厂的夜班", "本报讯 日前，太仓的电子企业工会为职工送去夜宵。", date="2019-05-06"
        )
        == []
    )


# -- regions: where people come from is no setting -------------------------------------------------


def test_a_persons_home_written_before_ren_is_an_origin_with_its_ancestors(regions: RegionTagger) -> None:
    # 甘肃天水人 is where the worker comes from; the story is where he works now
    assert settings(
        regions,
        "一位电工的东进路",
        "本报讯 12年前，甘肃天水人李明来到江苏无锡打工，如今已是班组长。",
        date="2019-05-06",
    ) == [("江苏省", "无锡市", None)]
    # 人民, 人社, 人大 … after a place are bodies, not people: 天水市人社局 is the setting
    assert settings(
        regions, "技能补贴发放", "本报讯 甘肃天水市人社局日前为300名职工发放技能补贴。", date="2019-05-06"
    ) == [("甘肃省", "天水市", None)]


def test_a_headline_naming_only_origins_leaves_the_setting_to_the_opening(regions: RegionTagger) -> None:
    # 在京湖南籍农民工: the setting is where the acting union is (北京), not the workers' home province
    assert settings(
        regions,
        "在京湖南籍农民工领到返乡车票",
        "本报讯 北京市总工会日前为在京务工的湖南籍农民工送上返乡车票。",
        date="2019-01-10",
    ) == [("北京市", None, None)]
    # an origin is still all there is when nothing else is named
    assert settings(
        regions, "湖南籍农民工领到返乡车票", "本报讯 日前，300名农民工领到了返乡车票。", date="2019-01-10"
    ) == [("湖南省", None, None)]


def test_the_places_delegates_come_from_are_guests_not_settings(regions: RegionTagger) -> None:
    # an event held in one city, with delegates from elsewhere attending
    assert settings(
        regions,
        "职工书画展开幕",
        "本报讯 职工书画展日前在福建厦门开幕，台湾、香港工会代表应邀出席。",
        date="2019-05-06",
    ) == [("福建省", "厦门市", None)]
    # a place whose own congress of workers' representatives meets is the setting (代表大会 is no guest)
    assert settings(
        regions, "职代会召开", "本报讯 江苏扬州一家企业日前召开职工代表大会。", date="2019-05-06"
    ) == [("江苏省", "扬州市", None)]
