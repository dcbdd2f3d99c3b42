"""Topic classes of issue 18's ninth round (tests/heldout_tagging7, topic traps): a closing "also" sentence (还) is on
the side of the story for a topic the rest of the item does not name; a topic said only in passing does not decide the
primary against one said outright; a word two topics list reads as the primary's and supports no secondary; 劳动关系
names the field, not a dispute; ball-game leagues are workers' sports. Each checked on small invented items with the
real segmenter, unlike the held-out pages."""

from __future__ import annotations

import pytest

from archive_gen.config import TaxonomyConfig
from archive_gen.model import Item
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import TopicTagger, _also_sentences, load_taxonomy


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> TopicTagger:
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))


def item(
    title: str, *paragraphs: str, kind: str = "article", lead: str | None = "本报讯（通讯员 甲）"
) -> Item:
    return Item(
        id="t",
        source="t.txt",
        index=0,
        kind=kind,
        title=title,
        lead=lead,  # type: ignore[arg-type]
        paragraphs=tuple(paragraphs),
    )


def labels(tagger: TopicTagger, it: Item) -> list[str]:
    return [t.label for t in tagger.tag(it)]


def test_the_also_sentences_of_the_closing_paragraph() -> None:
    it = item("标题", "第一段。", "车间还开展了读书活动。工人们很满意。还是老办法好。")
    assert _also_sentences(it) == ("paragraph:1", ((0, 11),))
    # from the clause holding 还: the clauses before it may be the story's own
    it = item("标题", "第一段。", "工会开设了培训班，今年还将再办两期。")
    assert _also_sentences(it) == ("paragraph:1", ((9, 18),))
    # 还是 ("or", "still") and 偿还 ("to pay back") are no "also"; a one-paragraph item has no closing paragraph
    assert _also_sentences(item("标题", "第一段。", "企业偿还了欠款。还是那句话。")) is None
    assert _also_sentences(item("标题", "工会还开设了兴趣班。")) is None


def test_a_closing_also_sentence_is_on_the_side(tagger: TopicTagger) -> None:
    # a welding contest whose closing ceremony had a show: the show adds no second topic
    contest = item(
        "300名焊工比武争先",
        "市总工会举办的焊工技能大赛日前落幕，300名选手参加了理论和实操比赛，前五名获“技术能手”称号。比赛分两天进行。",
        "颁奖仪式上，职工艺术团还为选手们带来了歌舞、朗诵等文艺演出。",
    )
    assert labels(tagger, contest) == ["劳模工匠与技能"]
    # a rest room for nursing mothers whose union also opened a dance class next door
    room = item(
        "纺织厂建起母婴室",
        "一家纺织厂日前建起了两间母婴室，400多名女职工在哺乳期有了安心的去处。",
        "厂工会还在一旁的职工活动室里开设了舞蹈兴趣班和书法兴趣班，组织文体活动。",
    )
    assert labels(tagger, room) == ["女职工"]


def test_an_also_sentence_keeps_a_topic_the_item_names_elsewhere(tagger: TopicTagger) -> None:
    # the closing paragraph is about heat allowances; its 还 sentence continues that topic, not a side one
    heat = item(
        "工地防暑有了“清凉包”",
        "市总工会日前为建筑工人送去防暑药品和清凉饮品，提醒企业避开午间高温作业。",
        "市总工会联合人社部门检查了42家企业的高温津贴发放情况，督促2家企业补发。工会还开通了维权热线，接受职工举报克扣高温津贴。",
    )
    assert labels(tagger, heat) == ["安全生产", "劳动争议与维权"]


def test_a_topic_said_only_in_passing_does_not_decide(tagger: TopicTagger) -> None:
    # free evening courses; the only rights words are in the closing "also" sentence
    course = item(
        "“周末课堂”开到了物流园",
        "区总工会在物流园开办的“周末课堂”日前开课，为园区的装卸工免费讲授叉车驾驶和仓储管理课程，首期80人报名。",
        "课堂还请来律师，讲解劳动合同和讨薪的途径。",
    )
    assert labels(tagger, course)[0] == "就业与职工培训"
    assert "劳动争议与维权" not in labels(tagger, course)


def test_a_shared_word_reads_as_the_primary_topics(tagger: TopicTagger) -> None:
    # 帮扶 is listed by 乡村振兴与帮扶 and 职工服务与普惠: in a story about a village helped, it is no hardship relief
    village = item(
        "驻村工作队帮果农卖出了苹果",
        "县总工会帮扶的山村今年苹果丰收，工会在职工食堂设立专柜，帮扶销售了60吨。",
        "这个村是县总工会的对口帮扶村。驻村工作队帮助成立了合作社，全村户均增收3000元。",
    )
    assert labels(tagger, village) == ["乡村振兴与帮扶"]
    # hardship relief stays 普惠
    relief = item("困难职工领到帮扶金", "区总工会日前为120名困难职工发放帮扶金，每人1000元。")
    assert labels(tagger, relief)[0] == "职工服务与普惠"


def test_labour_relations_names_the_field_not_a_dispute(tagger: TopicTagger) -> None:
    # a petition mechanism for labour-relations conflicts is the liaison system (信访), not one worker's claim
    grid = item(
        "劳动关系风险有了“预警员”",
        "市总工会日前在工业园区推行网格化管理，为每个网格配备一名工会预警员，收集职工诉求。",
        "今年以来，预警员报告劳动关系风险20起，全市劳动关系信访量下降三成。",
    )
    assert labels(tagger, grid)[0] == "社会联络与信访"
    # a wage claim keeps its reading
    claim = item("22名农民工讨回工资", "经过工会调解，拖欠22名农民工的工资已全部发放。")
    assert labels(tagger, claim)[0] == "劳动争议与维权"


def test_ball_game_leagues_are_workers_sports(tagger: TopicTagger) -> None:
    photo = item(
        "球场上的较量",
        "9月3日，企业职工篮球联赛在市体育馆开赛，24支职工代表队参赛。",
        kind="photo",
        lead=None,
    )
    assert labels(tagger, photo) == ["职工文体"]
