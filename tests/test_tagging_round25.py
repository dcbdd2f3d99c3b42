"""Issue 18, twenty-fifth round (tests/heldout_tagging23, an ordinary day of a labour daily): a headline's 获赔 (获得赔偿)
is a worker's claim resolved, as the body's 拿到赔偿金 is; a headline saying who goes somewhere to take part in what
(…赴…疗休养, …前往…) names who by the words before the verb, as …参加… does. Checked on small invented items unlike the
held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# -- a headline's 获赔: the claim resolved ----------------------------------------------------------------------------


def test_a_headline_compensation_won_is_the_claim_resolved(topics: TopicTagger) -> None:
    # 女职工 in the headline says who; 获赔 says what happened: rights first, the body's protection rules second
    got = labels(
        topics,
        "被无故调岗降薪 女职工获赔2万元",
        "某物流公司在女职工小王哺乳期内将其工资降低三成，小王向区总工会求助后申请劳动仲裁，仲裁委裁决公司补发工资。",
        "区总工会女职工委员会提醒，按照特殊劳动保护的规定，用人单位不得因女职工孕期、哺乳期降低其工资。",
    )
    assert got[:2] == ["劳动争议与维权", "女职工"]


def test_a_women_workers_item_without_a_claim_keeps_its_topic(topics: TopicTagger) -> None:
    # guard: no 获赔, no claim: the protection rules are the item's subject
    got = labels(
        topics,
        "女职工特殊劳动保护专项检查启动",
        "区总工会女职工委员会近日启动专项检查，督促企业落实孕期、产期、哺乳期特殊劳动保护规定。",
    )
    assert got[0] == "女职工"


# -- going somewhere to take part: the words before the verb say who --------------------------------------------------


def test_model_workers_going_to_a_rest_trip_is_the_rest_trip(topics: TopicTagger) -> None:
    got = labels(
        topics,
        "百名劳模赴海滨疗休养",
        "市总工会组织百名劳模分三批到海滨疗休养基地疗休养，每批7天，费用由工会承担。",
    )
    assert got == ["职工服务与普惠"]


def test_workers_setting_off_for_a_rest_trip_is_the_rest_trip(topics: TopicTagger) -> None:
    got = labels(
        topics, "一线劳模前往山区基地疗休养", "今年首批60名一线劳模日前前往山区基地开始为期5天的疗休养。"
    )
    assert got == ["职工服务与普惠"]


def test_going_all_out_is_no_trip(topics: TopicTagger) -> None:
    # guard: 全力以赴 is no verb of going; the headline's 劳模 still decides
    got = labels(
        topics, "劳模全力以赴攻难关", "全国劳模张华带领创新工作室攻克了一项技术难题，获得国家专利2项。"
    )
    assert got[0] == "劳模工匠与技能"


def test_a_model_worker_going_to_no_other_topic_keeps_the_headline(topics: TopicTagger) -> None:
    # guard: nothing of another topic after the verb: 劳模 are what the headline is about
    got = labels(
        topics,
        "劳模赴企业交流技术",
        "五位劳模来到一家机械企业，与青年职工交流操作技术和创新经验，现场结对师带徒。",
    )
    assert got[0] == "劳模工匠与技能"


def test_a_headline_compensation_after_its_claim_is_no_second_word(topics: TopicTagger) -> None:
    # guard: 工伤获赔 says the injury claim once; the closing safety paragraph stays a secondary
    got = labels(
        topics,
        "装卸工工伤获赔",
        "装卸工小张在货场卸货时被叉车撞伤，公司拒绝申报工伤。区总工会法律顾问帮他申请工伤认定和劳动仲裁，公司最终支付赔偿5万元。",
        "事后，区总工会在辖区物流企业开展安全生产检查，督促企业规范叉车作业、落实安全教育，为装卸工配发安全帽和安全防护品。",
    )
    assert got == ["劳动争议与维权", "安全生产"]
