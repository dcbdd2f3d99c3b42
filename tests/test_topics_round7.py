"""Topic classes of issue 18's seventh round (tests/heldout_tagging5): a word saying who the item is about (女工), a
headline's destination (开进了…), a cue that is the verb of a named agent (工会把…配送到), joining split by 了 (入了会),
and vocabulary families the earlier rounds lacked. Each checked on small invented items with the real segmenter,
unlike the held-out pages."""

from __future__ import annotations

import pytest

from archive_gen.config import TaxonomyConfig
from archive_gen.errors import ConfigError
from archive_gen.model import Item
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import TopicTagger, load_taxonomy, parse_taxonomy


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> TopicTagger:
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))


def item(title: str, *paragraphs: str, lead: str | None = "本报讯（通讯员 甲）") -> Item:
    return Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        title=title,
        lead=lead,  # type: ignore[arg-type]
        paragraphs=tuple(paragraphs),
    )


def labels(tagger: TopicTagger, it: Item) -> list[str]:
    return [t.label for t in tagger.tag(it)]


def test_a_word_saying_who_names_its_topic_only_with_evidence_of_its_own(tagger: TopicTagger) -> None:
    # 女职工 says who reads: the reading club is what the item is about
    club = item(
        "女职工读书会办了十年", "市图书馆里，30多名女职工每月聚在一起读书、朗诵，读书会已经办了十年。"
    )
    assert labels(tagger, club)[0] == "职工文体"
    # 女工 and 女职工 are one word for the people: no secondary from them (the grant is the story)
    grant = item("单亲女工的孩子领到学费", "区总工会为12名单亲困难女职工的子女发放助学金，每人3000元。")
    assert labels(tagger, grant) == ["职工服务与普惠"]
    # a union service for women workers with no word of its own: the union default, not the group's topic
    rest = item("商场女工有了午间休息室", "区总工会在商场三楼腾出一间屋子，女工们午间可以在这里歇一歇。")
    assert labels(tagger, rest) == ["职工服务与普惠"]
    # with a term of its own (孕期, 哺乳期) the group's topic stands
    care = item("女职工有了孕期休息室", "企业工会为孕期、哺乳期的女职工布置了休息室，配有躺椅和冰箱。")
    assert labels(tagger, care)[0] == "女职工"


def test_a_headline_destination_is_where_not_what(tagger: TopicTagger) -> None:
    # the legal service went into the 职工之家: 职工之家 (工会组织建设) is where
    story = item(
        "法律服务站开进了职工之家",
        "区总工会在街道职工之家设立法律服务站，律师每周坐班两天，为职工提供法律咨询、调解劳动纠纷。",
    )
    assert labels(tagger, story)[0] == "劳动争议与维权"
    # a group of people as the place (…建到了快递员身边) keeps its own rule: still who it is for
    books = item("职工书屋建到了快递员身边", "市总工会在快递分拨中心建起职工书屋，快递员休息时可以借阅图书。")
    assert "新就业形态劳动者" in labels(tagger, books)


def test_a_cue_that_is_the_verb_of_a_named_agent_is_the_agents_act(tagger: TopicTagger) -> None:
    # 工会把月饼派送到一线班组: the union delivers; 派送 is no courier's work here
    story = item("工会把月饼派送到一线班组", "中秋节前，公司工会把2000盒月饼派送到36个一线班组。")
    assert "新就业形态劳动者" not in labels(tagger, story)
    assert labels(tagger, story) == ["职工服务与普惠"]


def test_joining_split_by_le_is_joining(tagger: TopicTagger) -> None:
    story = item("保安们入了会", "物业公司的52名保安都入了会，还选出了自己的工会小组长。")
    assert labels(tagger, story)[0] == "工会组织建设"
    # 进入了会场 is no joining
    meeting = item("职工代表进入了会场", "上午9点，120名职工代表进入了会场，审议企业年度工作报告。")
    assert "工会组织建设" not in labels(tagger, meeting)


@pytest.mark.parametrize(
    ("title", "body", "label"),
    [
        ("车间里的“微党课”", "车间党支部每周请老党员讲一次党课，职工们围坐在机床旁听讲。", "党建与主题教育"),
        (
            "五名徒弟同时出师",
            "经过两年学艺，5名徒弟通过考核顺利出师，师傅给每人送了一把扳手。",
            "劳模工匠与技能",
        ),
        (
            "下岗职工拿到创业担保贷款",
            "市总工会帮助18名下岗职工申请创业担保贷款，开办小超市和修车铺。",
            "就业与职工培训",
        ),
        (
            "扶贫车间里的“上班族”",
            "村里的扶贫车间吸纳了60名脱贫户就业，每人每月收入2000多元。",
            "乡村振兴与帮扶",
        ),
        ("企业艺术团下基层", "公司职工艺术团走进5个偏远站点，为一线职工表演歌舞和相声。", "职工文体"),
        ("返乡职工领到爱心车票", "春节前，区总工会向500名外来务工人员发放返乡车票。", "职工服务与普惠"),
        (
            "餐饮行业工资协商谈成了",
            "经过三轮协商，行业工会与行业协会签订集体协议，明确最低工资和增长幅度。",
            "民主管理",
        ),
    ],
)
def test_vocabulary_families_of_the_seventh_round(
    tagger: TopicTagger, title: str, body: str, label: str
) -> None:
    assert labels(tagger, item(title, body))[0] == label


def test_who_must_be_a_list_of_words() -> None:
    text = "topics:\n  - {slug: a, label: A, keywords: [甲]}\nhints:\n  a:\n    who: 女工\n"
    with pytest.raises(ConfigError, match="who"):
        parse_taxonomy(text, "t.yaml")
    ok = parse_taxonomy(text.replace("who: 女工", "who: [女工]"), "t.yaml")
    assert ok.topics[0].who == ("女工",)
