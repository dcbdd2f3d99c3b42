"""Topic tagging: the taxonomy files (default, replace, extend, errors) and the scoring rules, each
checked on a small inline item with the real jieba segmenter."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_gen.config import TaxonomyConfig, TopicSpec, load_config
from archive_gen.errors import ConfigError
from archive_gen.model import Evidence, Item
from archive_gen.tagging.segmented import segment_item
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import (
    FALLBACK_FIELD,
    Taxonomy,
    TopicTagger,
    default_taxonomy_text,
    load_taxonomy,
    parse_taxonomy,
)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("jieba-cache")  # shared, so each new Segmenter loads in ~1 s


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy(TaxonomyConfig())


@pytest.fixture(scope="module")
def tagger(taxonomy: Taxonomy, cache_dir: Path) -> TopicTagger:
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=cache_dir))


def item(title: str = "", *paragraphs: str, kind: str = "article", kicker: str | None = None,
         subtitle: str | None = None, column: str | None = None) -> Item:
    return Item(id="t", source="t.txt", index=0, kind=kind, title=title or None, kicker=kicker,  # type: ignore[arg-type]
                subtitle=subtitle, column=column, paragraphs=tuple(paragraphs))


def labels(tagger: TopicTagger, it: Item) -> list[str]:
    return [t.label for t in tagger.tag(it)]


# --- the taxonomy ------------------------------------------------------------------------------

def test_default_taxonomy_has_the_sixteen_labels_in_order(taxonomy: Taxonomy) -> None:
    assert [t.slug for t in taxonomy.topics] == [
        "dangjian", "gonghui-zuzhi", "xinjiuye", "weiquan", "shehui-lianluo", "changai", "laomo-gongjiang",
        "minzhu-guanli", "puhui-fuwu", "jiuye-peixun", "xiangcun-zhenxing", "anquan-shengchan",
        "yiqing-kangzai", "zhigong-wenti", "chanye-jingji", "nv-zhigong"]
    assert taxonomy.topics[3].label == "劳动争议与维权"
    assert taxonomy.topics[15].label == "女职工"
    assert ("法院+工会", 1.0) in taxonomy.topics[3].terms
    assert taxonomy.fallback == "chanye-jingji"


def test_replacement_file_replaces_the_default(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text("- slug: tea\n  label: 茶\n  keywords: [茶叶, 茶园]\n"
                    "- slug: rice\n  label: 稻米\n  keywords: [水稻]\n", encoding="utf-8")
    taxonomy = load_taxonomy(TaxonomyConfig(file=path))
    assert [t.label for t in taxonomy.topics] == ["茶", "稻米"]
    assert taxonomy.fallback is None
    segmenter = Segmenter([(w, None, "nz") for w in taxonomy.words()], cache_dir=cache_dir)
    tagger = TopicTagger(taxonomy, segmenter)
    assert labels(tagger, item("春茶上市", "茶园里的茶叶开始采摘,茶园工人忙个不停。")) == ["茶"]
    assert tagger.tag(item("无关标题", "今天天气很好。")) == ()  # no fallback in a user taxonomy


def test_extend_adds_topics_after_the_default(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "archive.yaml").write_text(
        "taxonomy:\n  extend:\n    - slug: chuanbo\n      label: 船舶工业\n      keywords: [造船, 船坞]\n",
        encoding="utf-8")
    config = load_config(tmp_path / "archive.yaml")
    taxonomy = load_taxonomy(config.taxonomy, config_file=config.config_file)
    assert len(taxonomy.topics) == 17 and taxonomy.topics[-1].label == "船舶工业"
    segmenter = Segmenter([(w, None, "nz") for w in taxonomy.words()], cache_dir=cache_dir)
    got = labels(TopicTagger(taxonomy, segmenter), item("船坞里的造船人", "造船厂的船坞一派繁忙,造船工人加紧赶工。"))
    assert got[0] == "船舶工业"


def test_extend_with_an_existing_slug_names_the_config_line(tmp_path: Path) -> None:
    (tmp_path / "archive.yaml").write_text(
        "title: x\ntaxonomy:\n  extend:\n    - slug: weiquan\n      label: 维权二\n      keywords: [讨薪]\n",
        encoding="utf-8")
    config = load_config(tmp_path / "archive.yaml")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(config.taxonomy, config_file=config.config_file)
    assert str(err.value).startswith(f"{tmp_path / 'archive.yaml'}:4: duplicate topic slug 'weiquan'")


@pytest.mark.parametrize(("text", "line", "message"), [
    ("topics:\n  - slug: a\n    label: A\n    keywords: [x]\n  - slug: a\n    label: B\n    keywords: [y]\n",
     5, "duplicate topic slug 'a'"),
    ("topics:\n  - slug: a\n    label: A\n    keywords: []\n", 4, "empty keyword list"),
    ("topics:\n  - slug: a\n    label: A\n    keywords: [x]\n    colour: red\n", 5, "unknown key 'topics.colour'"),
    ("topics:\n  - slug: a\n    label: A\n    keywords: [x]\nhints:\n  b:\n    synonyms: [y]\n", 6,
     "hints for unknown topic 'b'"),
    ("topics:\n  - slug: a\n    label: A\n    keywords: [x]\nhints:\n  a:\n    weights: {x: -1}\n", 7,
     "must be a positive number"),
    ("topics:\n  - slug: a\n    label: A\n    keywords: [x]\nfallback: z\n", 5, "unknown topic 'z'"),
    ("topics: [\n", 2, "invalid YAML"),
])
def test_invalid_taxonomy_files_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_taxonomy(text, "my/topics.yaml")
    assert str(err.value).startswith(f"my/topics.yaml:{line}: ")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_fingerprint_follows_the_content() -> None:
    base = parse_taxonomy(default_taxonomy_text(), "default")
    assert base.fingerprint == parse_taxonomy(default_taxonomy_text(), "elsewhere").fingerprint
    extended = Taxonomy(base.topics + load_taxonomy(
        TaxonomyConfig(extend=(TopicSpec("x", "X", "", ("造船",)),))).topics[-1:], base.fallback)
    assert extended.fingerprint != base.fingerprint


# --- scoring rules -------------------------------------------------------------------------------

def test_title_outweighs_a_passing_mention(tagger: TopicTagger) -> None:
    body = ("区总工会联合法院开展劳动争议调解,帮助职工讨回拖欠工资二十余万元。",
            "调解员介绍,多数劳动争议在仲裁前就已化解。",
            "据悉,该区今年还将召开职代会。")
    tags = tagger.tag(item("劳动争议调解帮职工讨薪", *body))
    assert [t.slug for t in tags] == ["weiquan"]  # one 职代会 in passing adds nothing
    assert tags[0].score > 0


def test_the_headline_decides_the_primary_topic(tagger: TopicTagger) -> None:
    body = ("工会推动货车司机、快递员、外卖骑手等新就业形态劳动者入会,在头部企业建会。",
            "各地工会开展建会集中行动,扩大基层工会覆盖,吸收会员入会。")
    assert labels(tagger, item("新业态劳动者入会集中行动启动", *body))[:2] == ["新就业形态劳动者", "工会组织建设"]
    assert labels(tagger, item("建会小分队推动基层工会建会", *body))[:2] == ["工会组织建设", "新就业形态劳动者"]


def test_weiquan_for_a_concrete_claim_shehui_lianluo_for_the_system(tagger: TopicTagger) -> None:
    claim = item("工会帮农民工讨薪", "工会律师提供法律援助,经调解,企业支付拖欠工资。",
                 "工伤职工也通过调解拿到了赔偿。")
    assert labels(tagger, claim) == ["劳动争议与维权"]
    system = item("社会联络工作会议召开", "会议强调,维护劳动领域政治安全,坚持总体国家安全观。",
                  "要健全信访工作机制,化解信访积案,减少重复信访,引导劳动领域社会组织健康发展。")
    assert labels(tagger, system)[0] == "社会联络与信访"
    assert "劳动争议与维权" not in labels(tagger, system)


def test_changai_when_the_item_frames_itself_as_the_reform(tagger: TopicTagger) -> None:
    reform = item("产业工人队伍建设改革推进会召开",
                  "会议部署深化产改,完善技术工人激励机制,畅通职业晋升和成长双通道,培养高技能人才。",
                  "会上,两位劳模分享了经验。")
    assert labels(tagger, reform)[0] == "产业工人队伍建设改革"
    model_worker = item("劳模带徒传绝活", "全国劳模王师傅的创新工作室里,徒弟们正在准备技能竞赛。",
                        "他拜师学艺三十年,练就工匠精神,获得多项专利。")
    assert labels(tagger, model_worker) == ["劳模工匠与技能"]


def test_puhui_for_benefits_wenti_for_culture(tagger: TopicTagger) -> None:
    benefit = item("劳模职工疗休养启程", "市总工会组织困难职工和一线职工疗休养,并为会员办理会员卡,发放送温暖慰问金。")
    assert labels(tagger, benefit)[0] == "职工服务与普惠"
    culture = item("职工文化艺术节开幕", "文艺轻骑兵走进工地演出,职工书屋同时开放,职工兴趣班报名火热。")
    assert labels(tagger, culture) == ["职工文体"]


def test_training_for_ordinary_staff_contests_for_craftsmen(tagger: TopicTagger) -> None:
    training = item("工会公益技能培训开班", "面向求职者的公益技能培训班开课,学员学习就业技能,结业后推荐招聘岗位。")
    assert labels(tagger, training) == ["就业与职工培训"]
    contest = item("焊工技能比武决出高下", "全市劳动竞赛焊工技能竞赛举行,优胜者获五一劳动奖章和青年岗位能手称号。")
    assert labels(tagger, contest) == ["劳模工匠与技能"]


def test_party_building_only_when_it_is_the_subject(tagger: TopicTagger) -> None:
    passing = item("调解室化解劳动争议", "区总工会调解室今年调解劳动争议百余件,帮助职工维权。",
                   "调解员表示,将结合党史学习教育,为职工办实事。")
    assert "党建与主题教育" not in labels(tagger, passing)
    subject = item("党史学习教育走深走实", "市总工会党组开展党史学习教育,组织党员赴革命烈士陵园接受红色基因教育。",
                   "大家表示要牢记初心使命,做到两个维护。")
    assert labels(tagger, subject)[0] == "党建与主题教育"


def test_photo_without_a_union_angle_gets_the_economy_topic(tagger: TopicTagger) -> None:
    park = item("老厂房变身产业园", "记者看到,这家产业园引进文创企业二十余家,年产值过亿元。", kind="photo")
    assert labels(tagger, park) == ["产业与经济发展"]
    scenery = item("晨光", "清晨,阳光洒在湖面上。", kind="photo")
    [only] = tagger.tag(scenery)
    # the fallback says why it was given: a marker in the evidence, so that export explains it
    assert (only.label, only.score) == ("产业与经济发展", 0.0)
    assert only.evidence == (Evidence(text="no topic term found", field=FALLBACK_FIELD, offset=0),)


def test_fallback_when_only_a_passing_subject_only_topic_is_found(tagger: TopicTagger) -> None:
    # 党史 in passing is not the subject, and nothing else is there: the fallback, with its reason
    [only] = tagger.tag(item("湖边晨景", "清晨,有人在湖边读党史。", kind="photo"))
    assert (only.slug, only.score) == ("chanye-jingji", 0.0)
    assert only.evidence == (Evidence(text="no topic is the subject", field=FALLBACK_FIELD, offset=0),)


def test_a_photo_with_a_union_angle_gets_that_topic(tagger: TopicTagger) -> None:
    photo = item("送法进工地", "工会普法志愿者走进施工现场,为农民工讲解讨薪和工伤维权知识。", kind="photo")
    assert labels(tagger, photo)[0] == "劳动争议与维权"


def test_economy_topic_is_never_a_secondary_topic(tagger: TopicTagger) -> None:
    union = item("工会驿站开门迎客", "工会在产业园设立工会驿站,为困难职工送温暖,开展普惠服务,发放会员卡。",
                 "产业园里产业集群转型升级,产值增长。")
    got = labels(tagger, union)
    assert got[0] == "职工服务与普惠" and "产业与经济发展" not in got


def test_one_to_three_topics_primary_first_with_scores(tagger: TopicTagger) -> None:
    crowded = item("工会多措并举服务职工",
                   "开展劳动竞赛和技能比武,选树劳模工匠。",
                   "推进职代会和厂务公开,开展工资集体协商。",
                   "为困难职工送温暖,组织疗休养,发放会员卡。",
                   "开展公益技能培训,举办培训班。",
                   "组织职工文化艺术节,开放职工书屋。",
                   "推动货车司机、外卖骑手入会。")
    tags = tagger.tag(crowded)
    assert 1 <= len(tags) <= 3
    assert [t.score for t in tags] == sorted((t.score for t in tags), reverse=True)


def test_evidence_points_at_the_printed_text(tagger: TopicTagger) -> None:
    it = item("宁波镇海：「商调裁诉执」化解劳动争议", "通过“法院＋工会”诉调对接,劳动争议就地化解。")
    [tag] = tagger.tag(it)
    fields = {"title": it.title, "paragraph:0": it.paragraphs[0]}
    assert {e.text for e in tag.evidence} >= {"商调裁诉执", "劳动争议", "法院＋工会"}  # full-width ＋ matched
    for ev in tag.evidence:
        assert fields[ev.field][ev.offset:ev.offset + len(ev.text)] == ev.text
    assert tag.evidence[0].field == "title"


def test_a_term_inside_a_longer_word_does_not_match(tagger: TopicTagger) -> None:
    # 入会 (joining the union) must not be read out of 加入会议 / 出入会场: nothing else is there either
    [only] = tagger.tag(item("代表陆续出入会场", "他们加入会议讨论。", kind="photo"))
    assert (only.slug, only.score, only.evidence[0].field) == ("chanye-jingji", 0.0, FALLBACK_FIELD)
    # while the word itself is found
    assert [t.slug for t in tagger.tag(item("职工踊跃入会", "职工纷纷入会。", kind="photo"))] == ["gonghui-zuzhi"]


def test_banner_counts_like_a_headline(tagger: TopicTagger) -> None:
    it = item("书写英雄机车新传奇", "机车组坚持安全行车,安全走行里程再创纪录,安全生产无事故。",
              "组里的老司机被评为最美职工。", column="最美职工")
    assert "劳模工匠与技能" in labels(tagger, it)


# --- concentrated evidence for secondary topics, the headline for the primary ------------------

def test_one_generic_word_does_not_make_a_secondary_topic(tagger: TopicTagger) -> None:
    # 服务站 three times, 种植 and 就业 once each: generic words, no paragraph about 普惠, 乡村振兴 or 就业
    station = item("职工法律服务站开进商圈", "服务站律师为职工提供法律咨询,调解劳动争议,帮助追讨欠薪。",
                   "服务站还受理工伤认定咨询,多起劳动争议当场化解。")
    assert labels(tagger, station) == ["劳动争议与维权"]
    photo = item("春来蔬菜采摘忙", "在一处蔬菜种植基地,工人在采摘青椒。当地发展特色产业,带动群众就业。", kind="photo")
    assert labels(tagger, photo) == ["产业与经济发展"]


def test_one_passing_term_does_not_make_a_secondary_topic(tagger: TopicTagger) -> None:
    honours = item("全国五一劳动奖名单公布", "今年的全国五一劳动奖章获得者中,有不少来自新就业形态的一线劳动者。",
                   "获奖者大力弘扬劳模精神、工匠精神。")
    assert labels(tagger, honours) == ["劳模工匠与技能"]
    # 产业工人 alone (a generic word) in the headline does not make it a 产改 story
    checkup = item("产业工人享受“高温体检”", "市总工会为高温作业职工开展职业健康体检。", "体检结果一人一档。")
    assert labels(tagger, checkup) == ["安全生产"]


def test_a_paragraph_about_a_topic_makes_it_secondary(tagger: TopicTagger) -> None:
    riders = item("外卖骑手有了议事会", "外卖骑手代表与平台企业面对面协商配送时限,骑手议事会每季度召开一次。",
                  "议事会代表由骑手民主推选产生,职工代表大会式的议事会让骑手有了说话的地方。")
    assert labels(tagger, riders) == ["新就业形态劳动者", "民主管理"]


def test_a_headline_topic_followed_up_in_two_paragraphs_is_secondary(tagger: TopicTagger) -> None:
    both = item("党建联建聚合力 劳动竞赛助发展", "各单位开展党建联建,党员带头参加劳动竞赛。",
                "劳动竞赛决出优胜班组。", "党建联建让党员作用更突出。")
    assert sorted(labels(tagger, both)) == ["党建与主题教育", "劳模工匠与技能"]
    # named in the headline but followed up in one paragraph only: not a secondary topic
    once = item("劳模和一线职工疗休养启程", "市总工会组织劳模和一线职工疗休养,疗休养线路十余条。",
                "疗休养期间安排体检和参观。")
    assert labels(tagger, once) == ["职工服务与普惠"]
    # a one-paragraph brief follows its two-topic headline up in that paragraph (trades for events: 茶艺 and 插花
    # are 职工文体 terms, docs/tagging.md rule 49, and a contest in them is recreation too)
    brief = item("区总工会举办女职工技能大赛", "近日,区总工会举办女职工技能大赛,120名女职工参加育婴、家政服务等项目比拼。")
    assert sorted(labels(tagger, brief)) == ["劳模工匠与技能", "女职工"]


def test_the_headline_topic_is_primary_even_when_the_body_leans_elsewhere(tagger: TopicTagger) -> None:
    body = ("今年夏季,各地工会关注快递员、外卖骑手、网约车司机等新就业形态劳动者,为骑手送去防暑降温用品。",
            "各地依托爱心驿站,为快递员、外卖骑手提供纳凉休息服务。")
    tags = tagger.tag(item("工会开展夏季“送清凉”活动", *body))
    assert [t.slug for t in tags][:2] == ["anquan-shengchan", "xinjiuye"]
    assert tags[1].score > tags[0].score  # the body weighs more, the headline still decides


@pytest.mark.parametrize(("title", "body", "slug"), [
    ("高温津贴一分都不能少", "用人单位不得以发放绿豆汤为由克扣高温津贴,劳动者可依法维权。", "weiquan"),
    ("农民工乘专列返岗", "工会组织农民工点对点返岗务工,对接用工企业岗位需求。", "jiuye-peixun"),
    ("工会送清凉进工地", "为高温作业职工送去防暑药品,开展防暑降温知识讲座,预防中暑。", "anquan-shengchan"),
])
def test_heat_return_to_work_and_wage_vocabulary(tagger: TopicTagger, title: str, body: str, slug: str) -> None:
    assert tagger.tag(item(title, body))[0].slug == slug


def test_outdoor_workers_are_not_gig_workers(tagger: TopicTagger) -> None:
    # 户外劳动者 (street cleaners, builders) use the union's service stations: 普惠, not 新就业形态
    photo = item("环卫工人的清凉驿站", "在一处工会户外劳动者服务站,环卫工人在休息补水。", kind="photo")
    assert "新就业形态劳动者" not in labels(tagger, photo)
    assert labels(tagger, photo)[0] == "职工服务与普惠"


def test_one_weak_term_outside_the_headline_decides_no_topic(tagger: TopicTagger) -> None:
    # a harvest photo naming farmers once: no union angle, so the fallback topic, with its reason
    photo = Item(id="h", source="h.txt", index=0, kind="photo", title="秋收时节稻谷香",
                 paragraphs=("10月24日，在一处稻田，农民驾驶收割机收获晚稻。",))
    topics = tagger.tag(photo)
    assert [t.slug for t in topics] == ["chanye-jingji"]
    assert topics[0].evidence[0].text == "no topic is the subject"


def test_a_term_named_as_a_means_in_passing_weighs_half(tagger: TopicTagger) -> None:
    body = "各级工会还可以通过集体协商等方式，推动企业合理安排工作时间。"
    plain = "各级工会还可以开展集体协商，推动企业合理安排工作时间。"
    item = Item(id="p", source="p.txt", index=0, kind="commentary", title="让休息落到实处",
                paragraphs=("近年来，一些企业变相延长工作时间。", body))
    direct = Item(id="q", source="q.txt", index=0, kind="commentary", title="让休息落到实处",
                  paragraphs=("近年来，一些企业变相延长工作时间。", plain))
    assert [t.slug for t in tagger.tag(direct)] == ["minzhu-guanli"]  # said outright, it is the topic
    assert [t.slug for t in tagger.tag(item)] == ["chanye-jingji"]  # a means named on the way is not


# --- issue 18: what the item is about, on unseen pages --------------------------------------------

def test_a_craftsmans_profile_is_read_from_his_years_at_the_trade(tagger: TopicTagger) -> None:
    # no honour, contest or studio named: the profile genre itself (从事…工作18年) says 劳模工匠与技能
    profile = item("天山脚下的“电力尖兵”",
                   "凌晨4点,国网伊犁供电公司输电运检班班长热合曼已经带着队员出发了。",
                   "从事输电线路运维工作18年,热合曼巡视过的线路累计超过3万公里,发现并处置各类缺陷1400余处。")
    tags = tagger.tag(profile)
    assert [t.slug for t in tags] == ["laomo-gongjiang"]
    assert [(e.text, e.field) for e in tags[0].evidence] == [("从事输电线路运维工作18年", "paragraph:1")]


def test_taxonomy_patterns_are_validated(tmp_path: Path) -> None:
    good = "topics:\n  - {slug: a, label: A, keywords: [x]}\nhints:\n  a:\n    patterns: ['从业\\d+年']\n"
    assert parse_taxonomy(good, "t.yaml").topics[0].patterns == (("从业\\d+年", 1.0),)
    weighted = "topics:\n  - {slug: a, label: A, keywords: [x]}\nhints:\n  a:\n    patterns: {'从业\\d+年': 0.5}\n"
    assert parse_taxonomy(weighted, "t.yaml").topics[0].patterns == (("从业\\d+年", 0.5),)
    bad = "topics:\n  - {slug: a, label: A, keywords: [x]}\nhints:\n  a:\n    patterns: ['从业(\\d+年']\n"
    with pytest.raises(ConfigError) as caught:
        parse_taxonomy(bad, "t.yaml")
    assert str(caught.value).startswith("t.yaml:5:") and "invalid regular expression" in str(caught.value)


def test_patterns_joined_for_a_first_search_find_what_each_finds(cache_dir: Path) -> None:
    # every field is first searched for all patterns at once (issue 12): the hits are those of searching
    # pattern by pattern, and a taxonomy whose pattern names a group (\1) is searched pattern by pattern
    head = "topics:\n  - {slug: a, label: A, keywords: [职工]}\n  - {slug: b, label: B, keywords: [工会]}\n"
    plain = parse_taxonomy(head + "hints:\n  a:\n    patterns: ['从业\\d+年']\n  b:\n    patterns: ['(?P<x>坚守)岗位']\n",
                           "t.yaml")
    grouped = parse_taxonomy(head + "hints:\n  a:\n    patterns: ['从业\\d+年']\n  b:\n    patterns: ['(好)\\1']\n",
                             "t.yaml")
    segmenter = Segmenter([(w, None, "nz") for w in plain.words()], cache_dir=cache_dir)
    texts = ["他从业15年,坚守岗位,职工都说好好好。", "工会慰问一线职工。", "从业3年"]
    for taxonomy, joined in ((plain, True), (grouped, False)):
        tagger = TopicTagger(taxonomy, segmenter)
        assert (tagger._any_pattern is not None) is joined
        one_by_one = TopicTagger(taxonomy, segmenter)
        one_by_one.__dict__["_any_pattern"] = None  # no first search: every pattern searched on its own
        for text in texts:
            field = segment_item(item(text), segmenter).field("title")
            assert list(tagger._hits("title", 4.0, field)) == list(one_by_one._hits("title", 4.0, field))
        hits = list(tagger._hits("title", 4.0, segment_item(item(texts[0]), segmenter).field("title")))
        assert {h.evidence.text for h in hits} >= {"从业15年", "职工", ("坚守岗位" if joined else "好好")}


def test_a_compound_of_two_terms_is_one_word_for_breadth(tagger: TopicTagger) -> None:
    # 劳模工匠专线 is one passing word of a 疗休养 story, not a paragraph about model workers
    it = item("职工疗休养新规实施一年来成效初显",
              "全省各级工会累计组织12万名一线职工参加疗休养活动。",
              "新规明确,疗休养活动以一线职工为主。各地工会还推出了“劳模工匠专线”“货车司机专线”等特色线路。")
    assert labels(tagger, it) == ["职工服务与普惠"]


def test_one_near_synonym_in_a_photo_decides_no_topic(tagger: TopicTagger) -> None:
    # 农民 (a near-synonym of 乡村振兴与帮扶) and the generic 种植 in a harvest photo: no union angle
    photo = item("金秋时节农事忙（组图）", "秋分过后,各地农民抢抓晴好天气收获秋粮。",
                 "①9月26日,在黑龙江省五常市一处水稻种植基地,农机手驾驶收割机收获水稻。",
                 "②9月25日,在河南省滑县一处玉米种植基地,农民将收获的玉米装车外运。", kind="photo")
    assert labels(tagger, photo) == ["产业与经济发展"]
    # a taxonomy keyword said once is enough (托管: a childcare service for members' children)
    brief = item("外来务工人员子女有了“四点半课堂”", "市总工会在全市开设80个“四点半课堂”,为外来务工人员子女提供课后托管服务。",
                 kind="brief")
    assert labels(tagger, brief) == ["职工服务与普惠"]


def test_generic_words_alone_decide_no_topic_unless_the_headline_shares_them(tagger: TopicTagger) -> None:
    # 职工代表 here is a delegation, not a congress: a generic word of 民主管理
    visit = item("澳门职工参观内地创新企业", "澳门工会联合总会组织30名职工代表赴广东珠海参观创新企业,了解内地产业发展情况。")
    assert labels(tagger, visit) == ["产业与经济发展"]
    jobs = item("人社部：今年前8个月城镇新增就业971万人", "人力资源和社会保障部今天发布,今年前8个月城镇新增就业971万人。")
    assert labels(tagger, jobs) == ["就业与职工培训"]


@pytest.mark.parametrize(("title", "body", "slug"), [
    ("让“随叫随到”不再成为职工的负担", "下班后经常需要处理工作事务,“隐形加班”已成为不少职工的困扰。保障职工的休息权,需要用人单位转变管理理念。",
     "weiquan"),
    ("加班费为何迟迟不到账", "去年“双十一”期间连续加班一个多月,公司承诺的加班费至今没有发放。", "weiquan"),
    ("社区工会开办职工子女暑期托管班", "区总工会联合社区开办职工子女暑期托管班,为双职工家庭子女提供免费托管服务,首期接收学员120名。",
     "puhui-fuwu"),
    ("多地出台举措支持灵活就业人员", "浙江、广东等地相继放开灵活就业人员在就业地参加社会保险的户籍限制。", "xinjiuye"),
    ("车间里的“点子大王”", "周文斌先后完成技术革新项目50余项,带着工作室成员攻克了一批技术难题。", "laomo-gongjiang"),
])
def test_overtime_childcare_flexible_work_and_innovation_vocabulary(tagger: TopicTagger, title: str, body: str,
                                                                    slug: str) -> None:
    assert tagger.tag(item(title, body))[0].slug == slug


def test_a_safety_contest_is_not_a_skills_topic(tagger: TopicTagger) -> None:
    # 竞赛 alone is a generic word: the 安康杯 contest is about safety
    it = item("守好安全生产“第一道防线”", "劳动保护部连续三年在全省组织开展“安康杯”竞赛,把安全责任落实到每一个岗位。",
              "竞赛以班组为单位,比隐患排查、比安全培训、比应急演练。", kicker="“安康杯”竞赛覆盖300万职工")
    assert labels(tagger, it) == ["安全生产"]
