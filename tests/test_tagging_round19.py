"""Issue 18, nineteenth round (tests/heldout_tagging17): a union founded with its kind between the verb and 工会
(成立网络主播行业工会), paired assistance said as 对口 + the aid verb (对口援建, cut apart by the segmenter), a labour
relation found by a court (认定存在劳动关系), and 复工 alone, which is any restart, not the epidemic; and a keyword
rule: a two-character token starting with a measure word right after a number is jieba's mis-cut (600头花猪: 头花,
60名门机司机: 名门), no keyword; and a region rule: an everyday word before the item's own 市总工会 (会同市总工会,
"jointly with the city union") is no county of another level (会同县). Checked on small invented items unlike the held-out pages, each rule with a guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_gen.model import Item
from archive_gen.tagging.keywords import KeywordExtractor, packaged_stopwords
from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# -- a union founded, its kind between the verb and 工会 ------------------------------------------------------------


def test_a_union_founded_with_its_kind_named_is_the_union_s_own_building(topics: TopicTagger) -> None:
    # 成立/网约车/司机/行业/工会: no term of the union's building in the headline, and the drivers are a keyword
    got = labels(
        topics,
        "开发区成立网约车司机行业工会",
        "某开发区日前成立网约车司机行业工会，首批185名网约车司机入会。",
        "行业工会将与平台企业协商派单规则和抽成比例，并在开发区设立司机之家。",
    )
    assert got[0] == "工会组织建设"


def test_a_body_the_union_founds_is_not_a_union_founded(topics: TopicTagger) -> None:
    # guard: the county union founding a service team (县总工会成立…服务队) founds no union
    got = labels(
        topics,
        "县总工会成立法律服务队",
        "某县总工会日前成立法律服务队，由8名律师为职工提供劳动争议调解、法律咨询和法律援助服务。",
    )
    assert "工会组织建设" not in got


# -- paired assistance: 对口 + the aid verb ---------------------------------------------------------------------------


def test_paired_aid_said_as_duikou_and_a_verb_is_paired_assistance(topics: TopicTagger) -> None:
    # 对口/援建 and 对口/援助 are two tokens each: the synonyms 对口支援, 对口帮扶 never matched
    got = labels(
        topics,
        "对口援建的职工书屋在县城开放",
        "由某市总工会对口援建的职工书屋日前在县城开放，书屋藏书1.2万册。",
        "按照两地签订的对口援助协议，援建方今后3年每年还将选派工会干部到当地挂职。",
    )
    assert got[0] == "乡村振兴与帮扶"


def test_duikou_before_other_words_is_no_aid(topics: TopicTagger) -> None:
    # guard: 对口 meaning "matching" (专业对口, 对口岗位) says nothing of paired assistance
    got = labels(
        topics,
        "招聘会上专业对口岗位多",
        "某市总工会日前举办招聘会，60家企业提供2000多个岗位，不少毕业生找到了专业对口的工作。",
    )
    assert "乡村振兴与帮扶" not in got


# -- a labour relation found by a court --------------------------------------------------------------------------------


def test_a_labour_relation_found_by_a_court_is_the_dispute_whoever_the_worker_is(topics: TopicTagger) -> None:
    # the headline names the worker by a keyword of another topic (外卖骑手); the court's finding is the story
    got = labels(
        topics,
        "外卖骑手送餐摔伤，仲裁委确认双方存在劳动关系",
        "一名外卖骑手送餐途中摔伤，配送站以双方没有签劳动合同为由拒绝担责。日前，仲裁委员会裁决确认双方存在劳动关系。",
        "仲裁员说，骑手接受站点排班管理、按月领取报酬，具备劳动关系的特征，站点应当协助其申请工伤认定。",
    )
    assert got[0] == "劳动争议与维权"


def test_labour_relations_without_a_finding_decide_nothing_new(topics: TopicTagger) -> None:
    # guard: a harmonious-labour-relations award (构建和谐劳动关系) is no finding
    got = labels(
        topics,
        "骑手驿站开进商圈",
        "某区总工会日前在商圈建起骑手驿站，为外卖骑手提供热水和充电服务，助力构建和谐劳动关系。",
    )
    assert got[0] == "新就业形态劳动者" and "劳动争议与维权" not in got


# -- 复工 alone is any restart ----------------------------------------------------------------------------------------


def test_a_restart_after_the_winter_is_no_epidemic(topics: TopicTagger) -> None:
    # a photo of a site restarting in spring: 复工 in the title and the caption, nothing of an epidemic
    got = labels(
        topics,
        "春日工地复工忙",
        "3月2日，在某水库建设工地上，工人们在浇筑混凝土。随着天气转暖，这个工地全面复工。",
        kind="photo",
    )
    assert got == ["产业与经济发展"]


def test_a_restart_with_another_epidemic_term_stays_the_epidemic(topics: TopicTagger) -> None:
    # guard: 复工 with 戴口罩 and 测体温 in the epidemic
    got = labels(
        topics,
        "复工专车把农民工送到厂门口",
        "2月20日，8辆大巴车把260名农民工送到复工企业。上车前，每名乘客都要测体温、戴口罩，车上隔座就坐。",
    )
    assert got[0] == "疫情防控与抗灾"


# -- keywords: a measure word glued to the next character after a number is a mis-cut --------------------------------


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> KeywordExtractor:
    return KeywordExtractor(Segmenter(cache_dir=Path(tmp_path_factory.mktemp("cache"))), packaged_stopwords())


def keywords(extractor: KeywordExtractor, title: str, *paragraphs: str) -> list[str]:
    item = Item(id="k", source="k.txt", index=0, kind="article", title=title, paragraphs=paragraphs)
    return [k.word for k in extractor.extract(item)]


def test_a_measure_word_cut_with_the_next_character_after_a_number_is_no_keyword(
    extractor: KeywordExtractor,
) -> None:
    # jieba cuts 600/头花/猪 and 60/名门/机/司机: 头花 (a hair ornament) and 名门 (a noble family) are not in the text
    got = keywords(
        extractor,
        "养猪场和码头的新年",
        "村里的养猪场今年存栏600头花猪，比去年多出200头花猪，养殖户盘算着扩建猪舍。",
        "港区的60名门机司机春节坚守岗位，码头吞吐量保持稳定，理货员和门机司机轮班作业。",
    )
    assert "头花" not in got and "名门" not in got
    assert "养猪场" in got and "猪舍" in got


def test_the_same_words_not_after_a_number_stay_keywords(extractor: KeywordExtractor) -> None:
    # guard: 台风, 台账, 头条 written as words (not glued to a count) are keywords as before, and so is a longer word
    # that may hold the counted noun with the measure word written once (佛山一家电企业: 一家家电企业)
    got = keywords(
        extractor,
        "台风过后的抢修台账",
        "台风过境后，市总工会为抢修线路的职工建立服务台账，台账上的故事登上了当地报纸头条。",
        "佛山一家电企业的32名职工在台风中抢修线路，服务台账记下了他们的加班时间，报纸头条刊发了他们的故事。",
    )
    assert {"台风", "台账", "头条", "家电企业"} <= set(got)


# -- regions: an everyday word before a body of another level ---------------------------------------------------------


def places(tagger: RegionTagger, title: str, *paragraphs: str) -> tuple[list[str | None], list[str | None]]:
    it = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        date="2019-06-12",
        title=title,
        lead="本报讯（通讯员 张明）",
        paragraphs=paragraphs,
    )
    found, mentioned, _ = tagger.tag(it)
    return [t.region.county for t in found], [t.region.county or t.region.prefecture for t in mentioned]


def test_an_everyday_word_before_a_city_union_is_no_county(regions: RegionTagger) -> None:
    # 会同|市总工会: "jointly with the city union"; 会同 is 湖南's 会同县, whose union would be 会同县总工会
    found, mentioned = places(
        regions,
        "义乌：服装厂工会帮职工讨回加班费",
        "浙江义乌市一家服装厂工会接到职工投诉后，会同市总工会劳动法律监督员到企业核查，督促企业补发加班费。",
    )
    assert found == ["义乌市"] and "会同县" not in mentioned


def test_a_short_form_before_its_own_level_s_union_is_still_the_place(regions: RegionTagger) -> None:
    # guard: an everyday word that is a 市 before 市总工会 (东方, 海南's 东方市) is the place, as is 昆山
    found, mentioned = places(
        regions,
        "两地工会交流职工服务经验",
        "两家企业工会日前交流经验。东方市总工会和昆山市总工会的干部介绍了各自的做法。",
    )
    assert {"东方市", "昆山市"} <= set(found + mentioned)
