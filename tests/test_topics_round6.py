"""Topic classes of issue 18's sixth round (tests/heldout_tagging4): where a page name, a generic headline word, a
shared term, a mentoring word, a commentary's closing advice or a stitched tail may mislead, and the topic of a union
item no word decides. Each checked on small invented items with the real segmenter, unlike the held-out pages."""

from __future__ import annotations

import pytest

from archive_gen.config import TaxonomyConfig
from archive_gen.errors import ConfigError
from archive_gen.loader.stitch import _carried_tags
from archive_gen.model import Evidence, Item, TopicTag
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import FALLBACK_FIELD, TopicTagger, load_taxonomy, parse_taxonomy


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> TopicTagger:
    taxonomy = load_taxonomy(TaxonomyConfig())
    words = [(w, None, "nz") for w in taxonomy.words()]
    return TopicTagger(taxonomy, Segmenter(words, cache_dir=tmp_path_factory.mktemp("jieba-cache")))


def item(
    title: str, *paragraphs: str, kind: str = "article", lead: str | None = None, page_name: str | None = None
) -> Item:
    return Item(
        id="t",
        source="t.txt",
        index=0,
        kind=kind,
        title=title,
        lead=lead,  # type: ignore[arg-type]
        page_name=page_name,
        paragraphs=tuple(paragraphs),
    )


def labels(tagger: TopicTagger, it: Item) -> list[str]:
    return [t.label for t in tagger.tag(it)]


def test_a_topical_page_name_supports_a_report_but_never_decides_it_alone(tagger: TopicTagger) -> None:
    # a craftsman's profile printed on the 维权 page: the page is not what the report is about
    profile = item(
        "木雕艺人的“刀下功夫”",
        "他12岁学木雕，一把刻刀用了30年，雕出的花鸟栩栩如生。",
        lead="本报讯（通讯员 甲）",
        page_name="维权",
    )
    assert "劳动争议与维权" not in labels(tagger, profile)
    # a photo on that page neither
    photo = item("晒秋", "9月20日，在江西婺源，村民在晾晒辣椒。", kind="photo", page_name="维权")
    assert labels(tagger, photo) == ["产业与经济发展"]
    # a report with rights evidence of its own keeps the page's word as support
    claim = item(
        "十二名电工拿回了工钱",
        "区总工会法律援助律师帮助12名电工讨回被拖欠的工资4万元。",
        lead="本报讯",
        page_name="维权",
    )
    tags = tagger.tag(claim)
    assert tags[0].label == "劳动争议与维权" and "page_name" in {e.field for e in tags[0].evidence}


def test_a_generic_headline_word_yields_to_a_specific_term_the_report_comes_back_to(
    tagger: TopicTagger,
) -> None:
    # 服务站 (generic) in the headline; 网约车司机 in two paragraphs is who and what the story is about
    station = item(
        "机场旁的服务站启用",
        "这座服务站专为网约车司机设立，可以休息、饮水。",
        "每天在机场排队等单的网约车司机有800多人。",
    )
    assert labels(tagger, station)[0] == "新就业形态劳动者"
    # one facility in a list of what a service centre offers does not
    centre = item(
        "开发区职工服务中心揭牌",
        "开发区职工服务中心日前揭牌。中心设有法律咨询、就业指导、职工书屋等服务窗口，为区内职工提供一站式服务。",
    )
    assert labels(tagger, centre)[0] == "职工服务与普惠"


def test_medical_help_for_workers_is_a_service_and_for_villagers_rural_aid(tagger: TopicTagger) -> None:
    site = item("送医到车间", "市总工会组织医院专家到纺织厂为300名职工义诊，测血压、看颈椎。")
    assert labels(tagger, site)[0] == "职工服务与普惠"
    village = item("送医下乡", "县总工会组织医生走进偏远山村，为村民免费体检，帮助农民解决看病难。")
    assert labels(tagger, village)[0] == "乡村振兴与帮扶"


def test_mentoring_newcomers_is_craft_not_a_wedding(tagger: TopicTagger) -> None:
    mentor = item("车间里的“带新人”制度", "每名新入职的焊工都由一名老职工带新人，半年内学会独立操作。")
    assert labels(tagger, mentor) == ["劳模工匠与技能"]
    # 新人 alone is still a couple at a collective wedding
    wedding = item("30对新人喜结连理", "园区工会为30对新人举办集体婚礼。")
    assert labels(tagger, wedding)[0] == "职工文体"
    veteran = item("锅炉房里的老师傅", "他在锅炉房干了一辈子，闭着眼睛都能听出哪台炉子出了毛病。")
    assert labels(tagger, veteran)[0] == "劳模工匠与技能"


def test_a_commentarys_closing_also_advice_is_a_side_phrase(tagger: TopicTagger) -> None:
    text = (
        "一些外包保洁员的工资被层层克扣，到手不足约定的八成。",
        "劳动报酬必须足额支付，克扣工资就是违法。",
        "工会举办职工运动会、文艺汇演，也要记得这些默默无闻的保洁员。",
    )
    assert labels(tagger, item("别让保洁员的工资“缩水”", *text, kind="commentary")) == ["劳动争议与维权"]


def test_safety_compounds_make_a_safety_story(tagger: TopicTagger) -> None:
    check = item("码头的“一日三查”", "每天开工前，装卸班组都要对吊具、绳索开展安全检查，班后再安全互查一遍。")
    assert labels(tagger, check)[0] == "安全生产"


def test_a_union_item_no_word_decides_takes_the_union_default(tagger: TopicTagger) -> None:
    room = item("井口旁的小茶屋", "矿务局工会在井口旁建起一间小屋，下井前后的矿工可以坐下来喝口茶、聊聊天。")
    tags = tagger.tag(room)
    assert [t.label for t in tags] == ["职工服务与普惠"] and tags[0].evidence[0].field == FALLBACK_FIELD
    # no union acting: the fallback
    scene = item("矿区的清晨", "天刚亮，矿工们排队走向井口。")
    assert labels(tagger, scene) == ["产业与经济发展"]
    # the fallback topic's own words keep it (a union delegation visiting factories to see an industry)
    visit = item("工会代表团参观工厂", "省总工会组织代表团走访电子信息产业园，了解产业发展。")
    assert labels(tagger, visit) == ["产业与经济发展"]


def test_union_default_is_read_from_the_hints_and_checked() -> None:
    base = "topics:\n  - {slug: a, label: 甲, definition: d, keywords: [甲方]}\n"
    flagged = parse_taxonomy(base + "hints:\n  a:\n    union_default: true\n", "t.yaml")
    assert flagged.topics[0].union_default and not parse_taxonomy(base, "t.yaml").topics[0].union_default
    assert flagged.fingerprint != parse_taxonomy(base, "t.yaml").fingerprint
    with pytest.raises(ConfigError, match="union_default' must be true or false"):
        parse_taxonomy(base + "hints:\n  a:\n    union_default: 1\n", "t.yaml")


def tag(label: str, field: str = "paragraph:0") -> TopicTag:
    return TopicTag(slug=label, label=label, score=1.0, evidence=(Evidence(text="x", field=field, offset=0),))


def half(*topics: TopicTag) -> Item:
    return Item(id="h", source="h.txt", index=0, kind="article", title="t", topics=topics)  # type: ignore[arg-type]


def test_a_stitched_tail_adds_its_secondaries_when_it_reads_as_the_same_story() -> None:
    head = half(tag("职代会"))
    assert [t.label for t in _carried_tags(head, half(tag("职代会"), tag("安全")))["topics"]] == [
        "职代会",
        "安全",
    ]
    # a tail read alone as another story adds nothing
    assert [t.label for t in _carried_tags(head, half(tag("劳模"), tag("安全")))["topics"]] == ["职代会"]
    # a fallback head still takes the tail's topics whole; never more than three
    assert [
        t.label for t in _carried_tags(half(tag("产业", FALLBACK_FIELD)), half(tag("劳模")))["topics"]
    ] == ["劳模"]
    full = half(tag("甲"), tag("乙"), tag("丙"))
    assert len(_carried_tags(full, half(tag("甲"), tag("丁")))["topics"]) == 3


def test_the_group_a_later_course_is_set_up_for_is_who_is_served(tagger: TopicTagger) -> None:
    # joining is the story; the second paragraph is about a course set up *for* the drivers
    joined = item(
        "网约车司机入会又上课",
        "6月3日，市出租汽车行业工会联合会成立，首批210名网约车司机加入工会。",
        "成立大会后，市总工会为网约车司机开设了为期两天的技能提升班，讲授车辆保养和应急处置，"
        "今年还将为网约车司机、货车司机组织技能培训6期，培训800人次。",
    )
    assert "就业与职工培训" in labels(tagger, joined)
