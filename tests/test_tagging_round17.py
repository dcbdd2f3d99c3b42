"""Issue 18, seventeenth round (tests/heldout_tagging15): wage arrears said with words between the verb and the wage
(讨回血汗钱, 被拖欠半年的工资) are a rights item whatever the closing advice says, and a photo with no union angle
whose only words for a topic are near-synonyms of the same people (农民, 农户) is the scene, not that topic. Checked on
small invented items unlike the held-out pages. Keyword quality: generic nouns (a count, a plan, a result, a
scope) are no keywords, nor a region chip's name without its level word (浦东 beside 浦东新区)."""

from __future__ import annotations

from pathlib import Path

from archive_gen.config import load_config
from archive_gen.model import Item
from archive_gen.tagging import Tagger
from archive_gen.tagging.keywords import KeywordExtractor, packaged_stopwords
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import TopicTagger


def labels(tagger: TopicTagger, title: str, *paragraphs: str, kind: str = "article") -> list[str]:
    lead = "本报讯（通讯员 张明）" if kind == "article" else None
    it = Item(id="t", source="t.txt", index=0, kind=kind, page_name="基层", title=title,  # type: ignore[arg-type]
              lead=lead, paragraphs=paragraphs)
    return [t.label for t in tagger.tag(it, segmented=None)]


def test_arrears_with_words_between_verb_and_wage_are_a_rights_item(topics: TopicTagger) -> None:
    # no 拖欠工资 or 讨薪 as one word: 讨回…血汗钱, 被拖欠4个月的工资; the closing 安全帽 is advice on the side
    got = labels(
        topics,
        "区工会帮18名装修工讨回血汗钱",
        "某区总工会近日帮助18名装修工人从一家装饰公司讨回被拖欠4个月的工资3.2万元。",
        "工人们找到工会后，区总工会会同区人社局约谈公司负责人，工资终于全部兑现。区总工会还提醒装饰企业为工人配齐安全帽。",
    )
    assert got[0] == "劳动争议与维权"


def test_recovering_something_that_is_no_wage_is_no_arrears(topics: TopicTagger) -> None:
    # guard: 追回 of stolen cable is no wage: the safety patrol stays the item's topic, no rights secondary
    got = labels(
        topics,
        "矿区职工护线队开展安全巡查",
        "某矿区职工护线队日前开展输电线路安全巡查，协助公安部门追回被盗电缆800米，排除安全隐患6处。",
        "护线队由20名职工组成，每周沿线安全巡查两次，确保安全生产。",
    )
    assert got == ["安全生产"]


def test_a_harvest_photo_of_farmers_is_the_scene_not_rural_revitalisation(topics: TopicTagger) -> None:
    # 农民 and 农户 (near-synonyms of one topic, the same people) and 种植: a photo with no union angle
    got = labels(
        topics,
        "柑橘丰收",
        "11月2日，某县一个柑橘专业村的农民在采摘柑橘。当地今年柑橘种植面积扩大，不少农户靠柑橘增加了收入。",
        kind="photo",
    )
    assert got == ["产业与经济发展"]


def test_a_harvest_photo_naming_its_topic_by_keyword_keeps_it(topics: TopicTagger) -> None:
    # guard: the caption says 乡村振兴 outright (a keyword, not a near-synonym)
    got = labels(
        topics,
        "柑橘丰收",
        "11月2日，某县一个柑橘专业村的农民在采摘柑橘。近年来，当地把柑橘产业作为乡村振兴的主导产业，农户收入逐年增加。",
        kind="photo",
    )
    assert got[0] == "乡村振兴与帮扶"


# --- keyword quality: informative and distinct (issue 18) ---

def _extractor(tmp: Path) -> KeywordExtractor:
    return KeywordExtractor(Segmenter([], cache_dir=tmp), packaged_stopwords())


def test_generic_nouns_are_not_keywords(tmp_path: Path) -> None:
    # 方案, 部署, 突破, 人数, 成果 fit any report: a plan, a step, a result, a count (tagging/data/stopwords-generic.txt)
    item = Item(id="k", source="k.txt", index=0, kind="article", title="市总工会部署职工技能提升行动方案",
                paragraphs=("市总工会日前印发职工技能提升行动方案，部署开展技能培训，参训人数突破2万人次。",
                            "方案提出，今年要在数控、焊接等工种开展技能培训，培训成果纳入职工技能等级评价。"))
    got = [k.word for k in _extractor(tmp_path).extract(item)]
    assert not {"方案", "部署", "突破", "人数", "成果", "行动"} & set(got), got
    assert "技能" in got and "数控" in got


def test_a_region_chip_s_stem_is_not_a_keyword(tmp_path: Path) -> None:
    # 浦东 beside the chip 浦东新区: the gazetteer keeps no short form for it, the stem names it all the same
    tagger = Tagger(load_config(root=tmp_path))
    item = Item(id="p", source="p.txt", index=0, kind="photo", title="港区盛夏",
                paragraphs=("7月13日，上海浦东新区一个港区的集装箱码头上，桥吊正在装卸集装箱。浦东的港区今年吞吐量回升。",))
    tagged = tagger.tag_item(item, year=2020)
    assert any(t.region.county == "浦东新区" for t in tagged.regions)
    assert "浦东" not in [k.word for k in tagged.keywords]


def test_who_takes_part_is_not_what_the_item_is_about(topics: TopicTagger) -> None:
    # 劳模 before 参加, 疗休养 after it: the model workers are who, the rest-and-recuperation tour is what
    got = labels(
        topics,
        "市总工会组织60名劳模参加疗休养",
        "市总工会日前组织60名市级以上劳动模范分批参加疗休养，首批20人已出发。",
        "疗休养期间安排了健康体检和参观学习，费用由工会经费承担。",
    )
    assert got == ["职工服务与普惠"]


def test_taking_part_in_the_who_topic_s_own_activity_keeps_it(topics: TopicTagger) -> None:
    # guard: 劳模 before 参加 and 技能比武 after it, both of one topic: the item is about that topic
    got = labels(
        topics,
        "劳模工匠参加技能比武",
        "市总工会日前组织20名劳模工匠参加全市数控车工技能比武，为青年职工示范操作。",
    )
    assert got[0] == "劳模工匠与技能"
