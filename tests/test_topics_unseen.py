"""Topic rules added for the first-run misses on unseen pages (issue 18, tests/heldout/fresh*, heldout_tagging
batch 3): the page an item is printed on, single terms in a photo group's later captions, and vocabulary the
seeds lack. Each checked on a small inline item with the real segmenter."""

from __future__ import annotations

import pytest

from archive_gen.config import TaxonomyConfig
from archive_gen.model import Item
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import FALLBACK_FIELD, TopicTagger, load_taxonomy


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> TopicTagger:
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))


def item(title: str, *paragraphs: str, kind: str = "article", page_name: str | None = None) -> Item:
    return Item(id="t", source="t.txt", index=0, kind=kind, title=title, page_name=page_name,  # type: ignore[arg-type]
                paragraphs=tuple(paragraphs))


def labels(tagger: TopicTagger, it: Item) -> list[str]:
    return [t.label for t in tagger.tag(it)]


POEM = ("机床醒来的时候", "窗外的玉兰也醒了", "师傅把一束光", "递到徒弟的手上")
ESSAY = ("腊月二十八，工地上的塔吊还在转。老周说：“今年不回了，把这一段干完再说。”",
         "除夕那天，项目部包了饺子。工友们围坐在一起，有人唱起了家乡的小调。")


def test_a_poem_or_an_essay_on_the_literary_supplement_is_workers_culture(tagger: TopicTagger) -> None:
    assert labels(tagger, item("春天的车间", *POEM, page_name="副刊"))[0] == "职工文体"
    essay = tagger.tag(item("在工地上过年", *ESSAY, page_name="副刊"))
    assert [t.label for t in essay] == ["职工文体"]
    assert [e.field for e in essay[0].evidence] == ["page_name"]
    # printed elsewhere, the same texts are not about workers' culture
    assert "职工文体" not in labels(tagger, item("春天的车间", *POEM, page_name="要闻"))
    assert tagger.tag(item("在工地上过年", *ESSAY))[0].evidence[0].field == FALLBACK_FIELD
    # a headline naming a topic still says what a supplement piece is about
    review = item("读《大国工匠》有感", "书中记录的一个个普通劳动者，用双手创造了不平凡的业绩。", page_name="副刊")
    assert labels(tagger, review)[0] == "劳模工匠与技能"


def test_a_page_names_generic_words_decide_nothing(tagger: TopicTagger) -> None:
    # 就业 is a generic word: the page 教育与就业 does not make a teachers' day photo an employment item
    photo = item("老师们的“教师节礼物”", "9月9日，在山东青岛一所中学，学生们为老师献上亲手制作的贺卡。", kind="photo",
                 page_name="教育与就业")
    tags = tagger.tag(photo)
    assert [t.label for t in tags] == ["产业与经济发展"] and tags[0].evidence[0].field == FALLBACK_FIELD


def test_one_term_in_a_later_caption_of_a_photo_group_decides_nothing(tagger: TopicTagger) -> None:
    group = item("冬日里的劳动者（组图）", "图①：11月20日凌晨，在黑龙江哈尔滨，环卫工人在清扫道路积雪。",
                 "图②：11月21日，在内蒙古呼和浩特，电力工人在检修线路。", "图③：11月21日，在吉林长春，快递员在分拣包裹。",
                 kind="photo")
    tags = tagger.tag(group)
    assert [t.label for t in tags] == ["产业与经济发展"] and tags[0].evidence[0].field == FALLBACK_FIELD
    # the same term opening a one-caption photo is what the photo shows
    single = item("分拣忙", "11月21日，在吉林长春，快递员在分拣包裹。", kind="photo")
    assert labels(tagger, single) == ["新就业形态劳动者"]
    # and in an article one term in a later paragraph still counts as before
    article = item("冬日里的劳动者", "11月20日凌晨，环卫工人在清扫道路积雪。", "电力工人在检修线路。", "快递员在分拣包裹。")
    assert labels(tagger, article) == ["新就业形态劳动者"]


@pytest.mark.parametrize(("title", "body", "label"), [
    ("马鞍山举办职工篮球赛", "12月3日，马鞍山市第十届职工篮球赛开幕，来自全市的32支代表队参赛。", "职工文体"),
    ("重庆开展农民工工资支付专项检查", "3月以来，重庆市总工会联合人社部门开展专项检查，共督促企业支付欠薪2100万元。",
     "劳动争议与维权"),
    ("职业院校毕业生缘何成为“抢手货”", "全校毕业生就业率达到96.3%，近四成学生进入了“订单班”合作企业。", "就业与职工培训"),
    ("一根焊条的坚守", "在一家重工企业的焊接车间，47岁的焊工周建国已经在这里工作了26年。", "劳模工匠与技能"),
])
def test_sports_wage_payment_school_leavers_and_years_at_the_trade(tagger: TopicTagger, title: str, body: str,
                                                                    label: str) -> None:
    assert labels(tagger, item(title, body))[0] == label
