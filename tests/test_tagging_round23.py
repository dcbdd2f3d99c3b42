"""Issue 18, twenty-third round (tests/heldout_tagging21, items on the taxonomy's disambiguation boundaries): a union
founded said with the verb after its name; a worker's claim resolved said by the compensation received, the settlement
signed or the severance owed (the 维权 side of a 信访 item); mentoring by its set phrase 师带徒; a speakers' group
(劳模宣讲团) names who speaks, not what. Checked on small invented items unlike the held-out pages, with guards."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# -- a union founded, the verb after its name ---------------------------------------------------------------------------


def test_a_union_founded_with_the_verb_after_its_name_is_union_building(topics: TopicTagger) -> None:
    # the headline is the couriers' (新就业 first); the first paragraph is the founding of their union and their joining
    # it: recruiting platform workers gets both topics (TAXONOMY), the founding said as 工会联合会…成立
    got = labels(
        topics,
        "某市1500名快递员有了自己的“家”",
        "3月2日，某市快递行业工会联合会在高新区成立，当天1500名快递员现场办理了入会手续。",
        "该市快递员约有2万人，市总工会把快递员作为新就业形态劳动者的重点群体，走访了8家快递企业和20多个网点。",
    )
    assert got == ["新就业形态劳动者", "工会组织建设"]


def test_a_union_acting_is_no_founding(topics: TopicTagger) -> None:
    # guard: the 总工会 founding something else (成立 with an object) is not a union founded
    got = labels(
        topics,
        "某市快递员有了歇脚的地方",
        "3月2日，某市总工会成立了快递员服务中心，快递员可以在这里休息、饮水、充电。",
        "该市快递员约有2万人，市总工会把快递员作为新就业形态劳动者的重点群体，走访了8家快递企业和20多个网点。",
    )
    assert "工会组织建设" not in got


# -- a worker's claim resolved ---------------------------------------------------------------------------------------


def test_compensation_received_is_a_claim_resolved(topics: TopicTagger) -> None:
    # a petition-system item (信访, first) with a paragraph of one claim settled: compensation received, a settlement
    # signed, the severance owed; by the TAXONOMY note that paragraph is 维权
    got = labels(
        topics,
        "某省工会清理信访积案",
        "某省总工会近日开展信访积案清理，对各级工会受理的信访积案逐件登记，由工会领导包案办理。",
        "省总工会还完善了信访事项督办机制，重复信访由省总工会派人督办，信访工作纳入年度考核。",
        "某县一家水泥厂关停后，60名工人因经济补偿多次上访。县总工会会同有关部门核算工龄，厂方与工人签订了补偿协议，"
        "60人拿到补偿金90万元。",
    )
    assert got == ["社会联络与信访", "劳动争议与维权"]


def test_the_petition_system_alone_is_no_claim(topics: TopicTagger) -> None:
    # guard: without the settled claim the item is the system only
    got = labels(
        topics,
        "某省工会清理信访积案",
        "某省总工会近日开展信访积案清理，对各级工会受理的信访积案逐件登记，由工会领导包案办理。",
        "省总工会还完善了信访事项督办机制，重复信访由省总工会派人督办，信访工作纳入年度考核。",
    )
    assert got == ["社会联络与信访"]


# -- mentoring by its set phrase --------------------------------------------------------------------------------------


def test_mentoring_by_its_set_phrase_is_the_headlines_topic(topics: TopicTagger) -> None:
    # the headline names the mentoring by its set phrase only (师带徒); the reform is one paragraph, and its words
    # (产业工人队伍建设改革 weighing double) pile up as much as the mentoring's: 劳模工匠 first, 产改 second
    got = labels(
        topics,
        "机床厂推行“师带徒” 青工挑起大梁",
        "某机床厂钳工班长老孙今年又收了两个徒弟，从业30年，他带出的徒弟中有6人成为高级技师。",
        "厂里每年举行拜师仪式，师傅和徒弟签订带徒协议，徒弟每考取一个技能等级，师傅都能拿到带徒津贴。",
        "近年来，厂里推进产业工人队伍建设改革，制定了技术工人职业晋升办法，技术工人的收入与技能等级挂钩，"
        "高级技师享受中层管理人员待遇。",
    )
    assert got == ["劳模工匠与技能", "产业工人队伍建设改革"]


# -- a speakers' group names who speaks -----------------------------------------------------------------------------------


def test_a_speakers_group_names_who_speaks(topics: TopicTagger) -> None:
    # 劳模 before 宣讲团 are the speakers; what they speak about (党史) is the headline's topic
    got = labels(
        topics,
        "某区劳模宣讲团进社区讲党史",
        "近日，某区总工会组织8名劳模组成党史学习教育宣讲团，走进社区和企业宣讲40场，听众5000多人次。",
    )
    assert got[0] == "党建与主题教育"


def test_a_speakers_group_alone_keeps_its_topic(topics: TopicTagger) -> None:
    # guard: with nothing else named after it, the 劳模 of the headline keep the item
    got = labels(
        topics,
        "某区劳模宣讲团成立",
        "近日，某区总工会组织8名全国和省级劳模成立宣讲团，讲述劳模的奋斗故事，弘扬劳模精神。",
    )
    assert got[0] == "劳模工匠与技能"
