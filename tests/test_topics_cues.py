"""Topic cues (issue 18, fifth round, tests/heldout_tagging3): an item with a union angle that no taxonomy term
decides gets the topic its weak words point to, with evidence, instead of the fallback 产业与经济发展 ("no union
angle"); an item without one, a tie, or a union named only in passing still gets the fallback. Each checked on a
small inline item with the real segmenter."""

from __future__ import annotations

import pytest

from archive_gen.config import TaxonomyConfig
from archive_gen.errors import ConfigError
from archive_gen.model import Caption, Item
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import FALLBACK_FIELD, TopicTagger, load_taxonomy, parse_taxonomy


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> TopicTagger:
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))


def item(title: str, *paragraphs: str, kind: str = "article", captions: tuple[str, ...] = ()) -> Item:
    return Item(id="t", source="t.txt", index=0, kind=kind, title=title,  # type: ignore[arg-type]
                paragraphs=tuple(paragraphs), captions=tuple(Caption(text=c) for c in captions))


def test_a_union_item_without_terms_takes_the_topic_of_its_weak_words(tagger: TopicTagger) -> None:
    warm = tagger.tag(item("护林员收到了新棉衣", "入冬前，县总工会把200套棉衣和一批常用药品送到了山里的护林站。"))
    assert [t.label for t in warm] == ["职工服务与普惠"]
    assert {e.text for e in warm[0].evidence} == {"棉衣", "药品"}
    assert FALLBACK_FIELD not in {e.field for e in warm[0].evidence}
    films = tagger.tag(item("矿区的周末放映会", "区总工会在矿区广场放映电影，还开放了流动图书角供职工借阅。"))
    assert [t.label for t in films] == ["职工文体"]
    wages = tagger.tag(item("18名搬运工拿到了工钱", "一家物流企业拖欠搬运工工钱，工会出面后，企业补发了全部工钱。"))
    assert [t.label for t in wages] == ["劳动争议与维权"]


def test_a_commentary_about_workers_has_a_labour_angle_without_a_union(tagger: TopicTagger) -> None:
    essay = tagger.tag(item("带薪休假不该是“奢侈品”",
                            "不少员工反映，单位总以工作忙为由不批年休假，也不给补偿。",
                            "法律规定的带薪年休假，是劳动者的权利。"))
    assert [t.label for t in essay] == ["劳动争议与维权"]


def test_without_a_union_angle_weak_words_decide_nothing(tagger: TopicTagger) -> None:
    # a photo of a public screening, no union: the fallback
    photo = item("夏夜露天电影", kind="photo", captions=("7月5日，在一座城市广场，市民在观看露天电影。",))
    assert tagger.tag(photo)[0].evidence[0].field == FALLBACK_FIELD
    # a market report whose union is only a side phrase in a later paragraph
    report = item("秋季菜价平稳", "记者从商务部门获悉，10月以来蔬菜批发价格总体平稳。",
                  "一些地方工会还在批发市场设点，为菜农免费提供热水。")
    assert tagger.tag(report)[0].evidence[0].field == FALLBACK_FIELD


def test_a_tie_between_weak_topics_decides_nothing(tagger: TopicTagger) -> None:
    tied = tagger.tag(item("工会的一个周末", "区总工会组织职工看电影，还送去了手套。"))
    assert tied[0].evidence[0].field == FALLBACK_FIELD


def test_the_no_union_angle_headline_topic_yields_to_the_union_item_weak_evidence(tagger: TopicTagger) -> None:
    # 工厂 in the headline is where the union is built: not a story "with no union angle"
    shop = tagger.tag(item("一座工厂的“夜班分会”", "市总工会在一家纺纱厂成立夜班职工分会，80名夜班职工当天入会。"))
    assert shop[0].label == "工会组织建设"


def test_cues_are_read_from_the_hints_and_change_the_fingerprint() -> None:
    base = "topics:\n  - {slug: a, label: 甲, definition: d, keywords: [甲方]}\n"
    plain = parse_taxonomy(base, "t.yaml")
    cued = parse_taxonomy(base + "hints:\n  a:\n    cues: [甲乙, 甲乙]\n", "t.yaml")
    assert cued.topics[0].cues == ("甲乙",)
    assert plain.fingerprint != cued.fingerprint
    with pytest.raises(ConfigError, match="cues' must be a list of words"):
        parse_taxonomy(base + "hints:\n  a:\n    cues: 甲乙\n", "t.yaml")


def test_workers_without_a_union_need_more_than_one_weak_word(tagger: TopicTagger) -> None:
    # dock workers at their posts over the holiday, one near-synonym (帮扶): a story about work, the fallback
    docks = tagger.tag(item("港口的除夕夜", "除夕夜，码头工人仍在装卸集装箱，调度室为夜班旅客提供帮扶。"))
    assert docks[0].evidence[0].field == FALLBACK_FIELD
