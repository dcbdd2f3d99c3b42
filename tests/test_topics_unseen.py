"""Topic rules added for the first-run misses on unseen pages (issue 18, tests/heldout/fresh*, heldout_tagging
batch 3): the page an item is printed on, single terms in a photo group's later captions, and vocabulary the
seeds lack; and for the fourth round's (fresh3, heldout_tagging2): where a term sits (a coda, an add-on sentence,
a place phrase, a list of the people served, a genre label), a runner-up when the strongest topic's evidence is
too weak, and the "no union angle" topic yielding the headline. Each checked on a small inline item with the real
segmenter."""

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


def item(title: str, *paragraphs: str, kind: str = "article", page_name: str | None = None,
         kicker: str | None = None, column: str | None = None) -> Item:
    return Item(id="t", source="t.txt", index=0, kind=kind, title=title, page_name=page_name,  # type: ignore[arg-type]
                kicker=kicker, column=column, paragraphs=tuple(paragraphs))


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


# -- fourth round: where the evidence sits -----------------------------------------------------------------------

def test_a_closing_sentence_of_advice_is_a_coda(tagger: TopicTagger) -> None:
    body = ("带薪年休假是法律赋予劳动者的权利，一些单位却以工作忙为由拒不安排，职工只能“休假变加班”。",
            "保障休假权，关键在落实。用人单位应依法安排年休假，确实无法安排的，要按规定支付补偿。",
            "休假制度执行得好不好，职工最有发言权。工会不妨推动企业在集体合同中写明休假安排，并通过职代会定期听取意见。")
    assert labels(tagger, item("让带薪休假不再“纸上谈兵”", *body)) == ["劳动争议与维权"]
    # the same sentence stating what was done is the story's own
    done = (*body[:2], "休假制度执行得好不好，职工最有发言权。该企业已在集体合同中写明休假安排，并通过职代会定期听取意见。")
    assert "民主管理" in labels(tagger, item("让带薪休假不再“纸上谈兵”", *done))


def test_an_add_on_sentence_does_not_make_a_secondary_topic(tagger: TopicTagger) -> None:
    body = ("10月12日，全市第五届数控技能竞赛在职业技术学院落幕，来自36家企业的120名选手参加了数控车、加工中心两个项目的角逐。"
            "闭幕后，组委会还为选手们安排了文艺演出和书法作品展。")
    assert labels(tagger, item("数控高手同场竞技", body)) == ["劳模工匠与技能"]
    without = body.replace("闭幕后，组委会还", "组委会同时")
    assert "职工文体" in labels(tagger, item("数控高手同场竞技", without))


def test_a_group_named_as_where_something_went_is_not_the_subject(tagger: TopicTagger) -> None:
    it = item("职工书屋开到了网约车司机和外卖骑手身边", "近日，一家出行平台的服务中心里开设了职工书屋，配备图书1500册。",
              "司机和骑手在等单间隙可以进来看书。")
    assert labels(tagger, it)[0] == "职工文体"
    # the same group as the subject of the headline is what the story is about
    subject = item("网约车司机和外卖骑手有了职工书屋", *it.paragraphs)
    assert labels(tagger, subject)[0] == "新就业形态劳动者"


def test_the_people_served_listed_do_not_make_a_secondary_topic(tagger: TopicTagger) -> None:
    station = item("社区职工驿站启用", "本报讯 近日，某区总工会在商业街建成职工驿站，为环卫工人、快递员、外卖骑手、网约车司机等"
                   "提供饮水、充电、休息等服务。")
    assert labels(tagger, station) == ["职工服务与普惠"]
    # a story about those workers still has them as its subject
    riders = item("快递员外卖骑手集中入会", "本报讯 近日，某区总工会为快递员、外卖骑手、网约车司机等新就业形态劳动者集中办理入会手续，"
                  "200余名快递员、外卖骑手当场加入工会。")
    assert labels(tagger, riders)[0] == "新就业形态劳动者"


def test_a_genre_label_in_a_banner_is_not_a_topic(tagger: TopicTagger) -> None:
    photo = item("码头上的夜班", "凌晨两点，集装箱码头的桥吊司机还在忙碌。", column="摄影报道")
    tags = tagger.tag(photo)
    assert [t.label for t in tags] == ["产业与经济发展"] and tags[0].evidence[0].field == FALLBACK_FIELD
    # photography as workers' pastime still is
    assert labels(tagger, item("职工摄影作品展开幕", "展出的200余幅作品均由一线职工拍摄。"))[0] == "职工文体"


def test_a_close_runner_up_is_primary_when_the_strongest_topics_evidence_is_too_weak(tagger: TopicTagger) -> None:
    # 种植 (generic) and 合作社 (a near-synonym) outscore 入会 and 建立工会, but say nothing alone
    it = item("葡萄园里有了“工会小组”", "本报讯 近日，某县葡萄种植合作社建立工会小组，30名种植工人入会。"
              "合作社负责人说，种植季节用工多，工会小组能帮大家说上话。")
    assert labels(tagger, it) == ["工会组织建设"]


def test_the_no_union_angle_topic_yields_the_headline_to_a_union_topic(tagger: TopicTagger) -> None:
    it = item("“招聘大篷车”开进产业园", "本报讯 近日，市总工会组织“招聘大篷车”走进经济开发区产业园，提供招聘岗位1800个，"
              "300余名求职者现场达成就业意向。")
    assert labels(tagger, it)[0] == "就业与职工培训"
    # with no union topic in the headline, an industry story stays one
    assert labels(tagger, item("产业园里机器人忙", "在经济开发区产业园，一条汽车零部件生产线上，20台机器人有序作业。"))[0] == \
        "产业与经济发展"


def test_one_short_paragraph_with_two_terms_of_a_topic_is_a_secondary(tagger: TopicTagger) -> None:
    it = item("外卖骑手有了“爱心食堂”", "本报讯 近日，某市首批10家“爱心食堂”挂牌，外卖骑手、快递员在此就餐。",
              "工会会员凭会员卡可享受优惠。")
    assert labels(tagger, it) == ["新就业形态劳动者", "职工服务与普惠"]


@pytest.mark.parametrize(("title", "body"), [
    ("钢梁上的“绣花针”", "在一家桥梁钢构企业，32岁的铆工孙志强入职11年，练就了一手精准校形的本领。"),
    ("餐饮职工比厨艺", "本报讯 近日，某市总工会举办餐饮行业职业技能比赛，80名厨师同台展示刀工和热菜烹饪。"),
])
def test_years_since_joining_and_a_skills_contest_however_worded(tagger: TopicTagger, title: str, body: str) -> None:
    assert labels(tagger, item(title, body))[0] == "劳模工匠与技能"


def test_a_near_synonym_in_the_headline_does_not_make_a_secondary_topic(tagger: TopicTagger) -> None:
    # 环卫工人 (a near-synonym of 职工服务与普惠) says who was served; the item is about heat protection
    it = item("市总工会为环卫工人送上防暑降温用品", "连日高温，市总工会为全市2000名环卫工人送去防暑降温用品和清凉饮品。")
    assert labels(tagger, it) == ["安全生产"]
    # a keyword of the topic in the headline still names it (困难职工)
    keyword = item("市总工会为困难职工送上防暑降温用品", "连日高温，市总工会为全市2000名困难职工送去防暑降温用品和清凉饮品。")
    assert labels(tagger, keyword) == ["安全生产", "职工服务与普惠"]
