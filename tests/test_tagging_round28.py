"""Issue 18, twenty-eighth round (tests/heldout_tagging26, an ordinary day over all 16 topics by a new hand): vocabulary
classes the taxonomy's keywords did not reach. Work safety named by its hazardous operations (有限空间, 动火作业) and by
a drill for an accident, an escape or an evacuation; party education named by the party's discipline and conduct
campaigns (党纪学习教育, 中央八项规定精神学习教育, 警示教育); rural aid by buying the villages' produce (消费帮扶,
以购代捐), and a hall the produce went into (…走进厂区职工食堂) as the headline's destination; workplace democracy told
by a bargaining's procedure (representatives chosen for it, a bargaining ending in a written agreement). Checked on
small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# -- 安全生产: hazardous operations and accident drills ----------------------------------------------------------------


def test_confined_space_work_is_work_safety(topics: TopicTagger) -> None:
    # before: no safety word; 救援 (a cue of the disaster topic) decided
    got = labels(
        topics,
        "污水处理厂班组学习受限空间救援",
        "6月3日，某污水处理厂组织检修班组学习受限空间作业规程，并进行了一次逃生演练。",
    )
    assert got[0] == "安全生产", got


def test_an_accident_drill_is_work_safety(topics: TopicTagger) -> None:
    got = labels(
        topics,
        "矿井开展火灾事故救援演练",
        "日前，某煤矿组织200多名井下职工进行火灾事故救援演练，检验各班组的处置能力。",
    )
    assert got[0] == "安全生产", got


def test_a_flood_drill_stays_the_disaster_topic(topics: TopicTagger) -> None:
    # guard: a drill for a flood names no accident, escape or evacuation
    got = labels(
        topics,
        "沿江工厂组织防汛抢险演练",
        "入汛前，沿江一家工厂组织职工抢险队进行防汛抢险演练，转移群众、封堵管涌。",
    )
    assert got[0] == "疫情防控与抗灾", got
    assert "安全生产" not in got, got


# -- 党建与主题教育: the party's discipline and conduct campaigns ---------------------------------------------------------


def test_a_party_discipline_campaign_is_party_education(topics: TopicTagger) -> None:
    # before: 学习 (a cue of 就业与职工培训) decided
    got = labels(
        topics,
        "区总工会机关部署党纪学习教育",
        "区总工会机关日前召开动员会，要求党员干部逐章学习纪律处分条例，每月开展一次警示教育。",
    )
    assert got == ["党建与主题教育"], got


def test_the_conduct_rules_campaign_is_party_education(topics: TopicTagger) -> None:
    # before: 基层工会, 工会干部 (the union's own words for who takes part) made it 工会组织建设
    got = labels(
        topics,
        "工会干部对照八项规定查摆问题",
        "市总工会组织机关和基层工会干部对照中央八项规定，逐条查摆作风方面的问题，形成整改清单。",
    )
    assert got[0] == "党建与主题教育", got


def test_a_warning_education_visit_is_party_education(topics: TopicTagger) -> None:
    # before: no party word; the union-default topic
    got = labels(topics, "机关干部接受警示教育", "市总工会组织机关干部到监狱参观，接受廉政警示教育。")
    assert got == ["党建与主题教育"], got


def test_a_passing_conduct_clause_makes_no_party_topic(topics: TopicTagger) -> None:
    # guard: a service story closing on keeping the rules is still the service
    got = labels(
        topics,
        "市总工会为困难职工送去慰问金",
        "春节前，市总工会走访慰问困难职工200户，每户送去慰问金1000元和米面油。",
        "走访中，慰问组严格遵守中央八项规定，轻车简从。",
    )
    assert got == ["职工服务与普惠"], got


# -- 乡村振兴与帮扶: aid by buying, and a hall the produce went into ------------------------------------------------------


def test_buying_the_villages_produce_is_rural_aid(topics: TopicTagger) -> None:
    # before: the headline's 职工食堂 made the union's service the primary
    got = labels(
        topics,
        "山区高山茶走进厂区职工食堂",
        "今年以来，市总工会组织企业工会开展消费帮扶，采购山区茶农的高山茶12吨。",
        "茶农合作社负责人说，有了稳定的销路，茶农增收有了保障。",
    )
    assert got[0] == "乡村振兴与帮扶", got


def test_a_canteen_built_for_the_workers_stays_the_service(topics: TopicTagger) -> None:
    # guard: a canteen the item is about (nothing went into it) keeps the service topic
    got = labels(
        topics,
        "工业园区建成职工食堂",
        "园区工会联合企业建成一座职工食堂，300多名一线职工每天能吃上平价热饭。",
    )
    assert got[0] == "职工服务与普惠", got


# -- 民主管理: a bargaining's procedure ---------------------------------------------------------------------------------


def test_a_bargainings_procedure_is_workplace_democracy(topics: TopicTagger) -> None:
    # before: 协商 (a generic word) was all the item said of it: no secondary
    got = labels(
        topics,
        "外卖平台调整配送时限规则",
        "本月起，某外卖平台把骑手高峰时段的配送时限延长了5分钟，外卖骑手超时扣款也相应减少。",
        "规则调整前，区快递外卖行业工会推选出7名骑手代表与平台协商，协商中双方逐项讨论，最后签订了书面协议。",
    )
    assert got[0] == "新就业形态劳动者", got
    assert "民主管理" in got, got


def test_a_mediated_settlement_is_no_bargaining(topics: TopicTagger) -> None:
    # guard: a settlement reached by talks in a dispute is the dispute's outcome
    got = labels(
        topics,
        "工会调解员帮装修工讨回工钱",
        "装修工老李被拖欠工资8000元。区总工会调解员介入后，经过协商，双方签订了还款协议，老李拿到了工资。",
    )
    assert got[0] == "劳动争议与维权", got
    assert "民主管理" not in got, got
