"""Issue 18, fifteenth round (tests/heldout_tagging13): the mechanisms added after its first run, checked on small
invented items unlike the held-out pages."""

from __future__ import annotations

import pytest

from archive_gen.config import TaxonomyConfig
from archive_gen.model import Item
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import TopicTagger, load_taxonomy


@pytest.fixture(scope="module")
def topics(tmp_path_factory: pytest.TempPathFactory) -> TopicTagger:
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))


def labels(tagger: TopicTagger, title: str, *paragraphs: str) -> list[str]:
    it = Item(id="t", source="t.txt", index=0, kind="article", page_name="综合", title=title,  # type: ignore[arg-type]
              lead="本报讯（通讯员 张明）", paragraphs=paragraphs)
    return [t.label for t in tagger.tag(it, segmented=None)]


def test_a_qualified_place_after_a_verb_of_going_is_where_the_subject_went(topics: TopicTagger) -> None:
    # 安置点 (a disaster-relief keyword) is where the training class went, qualified by 移民 between the verb and it
    got = labels(
        topics,
        "区总工会把缝纫培训班开进移民安置点",
        "6月3日，区总工会在一处移民安置点开办缝纫培训班，60名群众参加培训。",
        "培训班为期20天，学员结业后由合作企业优先录用。安置点内还设了报名咨询台。",
    )
    assert got[0] == "就业与职工培训" and "疫情防控与抗灾" not in got


def test_a_deed_after_the_place_keeps_its_reading(topics: TopicTagger) -> None:
    # guard: 走进工地 then 送清凉 (no place suffix): what was done there, the headline's topic
    got = labels(
        topics,
        "市总工会走进工地送清凉",
        "7月15日，市总工会走进一处建筑工地，为200多名高温作业的工人送去防暑降温药品。",
        "工会还提醒企业合理安排作业时间，防止中暑。",
    )
    assert got[0] == "安全生产"
