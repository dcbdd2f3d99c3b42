"""Topic classes of issue 18's eighth round (tests/heldout_tagging6, everyday items): a term right before a person's
role names who holds it (基层工会主席 in a training class), joining as an event (集体入会, 集中入会, 入会仪式, 会员证),
and the safety family (安康杯 as a safety contest whatever 竞赛 says, 隐患排查, 应急演练, 安全大检查). Each checked on
small invented items with the real segmenter, unlike the held-out pages."""

from __future__ import annotations

import pytest

from archive_gen.config import TaxonomyConfig
from archive_gen.model import Item
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import TopicTagger, load_taxonomy


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


def test_a_term_before_a_role_names_who_holds_it(tagger: TopicTagger) -> None:
    # a class for the chairs of grassroots unions is training: 基层工会 says whose chairs they are
    course = item(
        "80名基层工会主席进课堂",
        "县总工会日前举办基层工会主席培训班，80名学员用三天时间学习了工会财务、劳动法规等课程。",
    )
    assert labels(tagger, course)[0] == "就业与职工培训"
    # the same term as the thing built stays what the item is about
    built = item("开发区新建12家基层工会", "开发区总工会今年推动12家企业新建基层工会，新发展会员2000多人。")
    assert labels(tagger, built)[0] == "工会组织建设"
    # 委员会 is a body, not a role: 女职工委员会 keeps its own reading
    body = item("女职工委员会为孕期职工送关爱", "厂女职工委员会为孕期、哺乳期的女职工布置了休息室。")
    assert labels(tagger, body)[0] == "女职工"


def test_joining_as_an_event_is_union_building(tagger: TopicTagger) -> None:
    # couriers joining in a ceremony: both the joining and who joined
    join = item(
        "120名外卖骑手集中入会",
        "区总工会日前举行入会仪式，120名外卖骑手领到了会员证。",
        "入会后，骑手们可以享受免费体检和法律咨询。",
    )
    assert set(labels(tagger, join)) >= {"工会组织建设", "新就业形态劳动者"}
    group = item("物业公司员工集体入会", "一家物业公司的90名保洁员、保安日前集体入会，领到了会员证。")
    assert labels(tagger, group)[0] == "工会组织建设"


def test_the_safety_family_of_the_eighth_round(tagger: TopicTagger) -> None:
    # 安康杯 is a safety contest: 竞赛 does not make it a skills contest
    cup = item(
        "车间里的“安康杯”竞赛", "公司工会组织各班组开展“安康杯”竞赛，开展隐患排查和应急演练，全年零事故。"
    )
    assert labels(tagger, cup)[0] == "安全生产"
    # a 大检查 of safety is a safety check
    check = item("港口开展安全大检查", "港务公司工会组织职工对码头吊机、电线逐一排查。")
    assert labels(tagger, check)[0] == "安全生产"
    drill = item("化工厂举行应急演练", "化工厂工会组织300名职工参加消防应急演练，学习疏散和灭火。")
    assert labels(tagger, drill)[0] == "安全生产"
    # a real skills contest stays one
    skills = item("机械厂举行车工技能竞赛", "厂工会举办车工技能竞赛，40名车工同台比武。")
    assert labels(tagger, skills)[0] == "劳模工匠与技能"


def test_organise_followed_by_what_is_organised_is_the_verb(tagger: TopicTagger) -> None:
    # 工会组织200多名…监督员: the union organised them (a winter check), not the union organisation
    check = item(
        "冬季大检查",
        "公司工会组织200多名群众监督员，深入车间检查消防器材和电气线路，查出问题76处。",
    )
    assert "工会组织建设" not in labels(tagger, check)
    # the noun stays a noun: 工会组织覆盖, 工会组织建设
    cover = item(
        "街道实现工会组织全覆盖",
        "街道总工会今年推动辖区120家小微企业建立工会，实现工会组织覆盖。",
    )
    assert labels(tagger, cover)[0] == "工会组织建设"
