"""heldout_tagging48's round (issue 18, unseen pages: the classes of rules 57-71 in other surface forms). General
rules (docs/tagging.md rules 72-80), each checked on small invented items unlike the held-out pages, with a guard:

72. an epidemic by its Latin-letter or full name (SARS, H7N9, H1N1, 甲型流感) is a 疫情防控与抗灾 term;
73. a heat reading of 35 degrees or more in Chinese numerals (三十八摄氏度, 六十多度) is heat at work, as 38℃ is;
74. a headline count of people by 位 (百余位劳模) says who, as 名 does (rule 58);
75. a headline's time frame (rule 69) gives way to a topic the headline names after it by a cue only (…期间依法保障
    职工权益);
76. docked pay said money first (被扣的工资要回来了) or deductions given back (退还了扣款) is a dispute (rule 60);
77. a trade before 老 or 小 and a surname (快递员老周：) is a profile's trade, as before a full name (rule 59);
78. a group's weak item (rule 62) after a receiving verb and 健康 (享受免费健康体检), with the place opening the
    headline set aside;
79. a service list in a closing one-sentence paragraph opened by 此外/另外 is an aside (rule 70);
80. a contest of safety knowledge (安全知识竞赛) is 安全生产, not a skills contest."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# rule 72: an epidemic by its Latin-letter or full name


def test_sars_by_its_latin_name_is_the_epidemic(topics: TopicTagger) -> None:
    # before: SARS was no term and 慰问 gave 职工服务与普惠 the primary
    got = labels(topics, "县总工会看望抗击SARS一线的公交司机",
                 "县总工会负责人日前看望慰问了坚守在抗击SARS一线的公交司机，为他们送去慰问品。")
    assert got[0] == "疫情防控与抗灾"


def test_influenza_a_by_its_full_name_is_the_epidemic(topics: TopicTagger) -> None:
    got = labels(topics, "医院职工坚守甲型流感防控一线", "甲型流感发生后，医院职工24小时轮班值守发热门诊。")
    assert got[0] == "疫情防控与抗灾"


def test_a_flu_jab_is_no_named_epidemic(topics: TopicTagger) -> None:
    # guard: seasonal flu is no epidemic by name
    got = labels(topics, "厂工会组织职工接种流感疫苗", "厂工会联系社区医院，为500余名职工免费接种流感疫苗。")
    assert "疫情防控与抗灾" not in got


# rule 73: a heat reading in Chinese numerals


def test_a_heat_reading_in_chinese_numerals_is_heat_at_work(topics: TopicTagger) -> None:
    # before: no term; the fallback 产业与经济发展
    got = labels(topics, "烈日下的养路工",
                 "正午时分，县城气温高达三十七摄氏度，路面温度接近六十多度。养路工人仍在修补路面坑槽。", kind="brief")
    assert got[0] == "安全生产"


def test_a_mild_reading_in_chinese_numerals_is_weather(topics: TopicTagger) -> None:
    # guard: 二十八度 at a sports meeting is weather
    got = labels(topics, "职工运动会开幕", "开幕式当天气温二十八度，1200名职工参加了趣味运动会。")
    assert "安全生产" not in got


# rule 74: a headcount by 位


def test_a_count_by_wei_says_who(topics: TopicTagger) -> None:
    # before: 劳模 first (the people counted by 位 were read as what)
    got = labels(topics, "全市百余位劳模疗休养",
                 "日前，全市120名劳动模范分两批赴海滨疗休养，为期5天。这是市总工会连续第三年组织劳模疗休养。", kind="brief")
    assert got == ["职工服务与普惠"]


def test_a_count_by_wei_at_the_headline_end_is_the_subject(topics: TopicTagger) -> None:
    # guard: the honoured are the subject (rule 58's guard, by 位)
    got = labels(topics, "市总工会表彰二十位劳动模范", "市总工会日前召开大会，表彰20名劳动模范和先进工作者。")
    assert got[0] == "劳模工匠与技能"


# rule 75: a time frame yielding to a cue after it


def test_a_time_frame_yields_to_a_cue_after_it(topics: TopicTagger) -> None:
    # before: 禽流感 in the frame kept the epidemic first; 权益 is only a cue
    got = labels(topics, "市总工会：禽流感防控期间依法保障家禽企业职工权益",
                 "受禽流感疫情影响，部分家禽企业停产。市总工会要求企业不得随意解除劳动合同，依法支付职工停工期间生活费。",
                 "各级工会法律援助机构优先受理相关劳动争议案件。")
    assert got[:2] == ["劳动争议与维权", "疫情防控与抗灾"]


def test_a_time_frame_with_no_cue_after_it_keeps_its_topic(topics: TopicTagger) -> None:
    # guard: nothing after the frame names another topic
    got = labels(topics, "禽流感防控期间的养殖场职工", "禽流感防控期间，养殖场职工每天对场区消毒，依法签订了劳动合同的职工轮班值守。")
    assert got[0] == "疫情防控与抗灾"


# rule 76: docked pay said money first


def test_docked_pay_said_money_first_is_a_dispute(topics: TopicTagger) -> None:
    # before: no dispute term (要回 after the money, 退还了扣款)
    got = labels(topics, "保洁员被扣的工资要回来了",
                 "物业公司以“检查不合格”为由扣了8名保洁员的部分工资。区总工会介入后，公司退还了全部扣款。", kind="brief")
    assert got[0] == "劳动争议与维权"


def test_a_fine_refunded_by_an_office_is_no_docked_pay(topics: TopicTagger) -> None:
    # guard: an office refunding an overcharged fine is no labour dispute
    got = labels(topics, "车管所退还多收的罚款", "车管所对系统故障多收的罚款全部予以退还，并向车主致歉。")
    assert "劳动争议与维权" not in got


# rule 77: a trade before 老/小 and a surname


def test_a_trade_before_lao_and_a_surname_is_who(topics: TopicTagger) -> None:
    # before: 老王 was no name, and the riders' trade stayed a topic (first, before rule 76; else a secondary)
    got = labels(topics, "外卖骑手老王：被扣的工资要回来了",
                 "站点以差评为由扣了外卖骑手王师傅两个月的部分工资。区总工会法律援助站介入后，站点退还了全部扣款。",
                 kind="brief")
    assert got == ["劳动争议与维权"]


def test_a_trade_named_twice_keeps_its_topic(topics: TopicTagger) -> None:
    # guard: the headline names the trade again (rule 59's guard, with 老)
    got = labels(topics, "快递员老李：为快递员建起驿站",
                 "快递员李师傅自掏腰包，在网点旁为快递员建起歇脚的驿站，还组织快递员参加培训。")
    assert got[0] == "新就业形态劳动者"


# rule 78: a group's weak item after a receiving verb, the place opening the headline set aside


def test_a_group_receiving_a_health_check_is_the_group(topics: TopicTagger) -> None:
    # before: 享受 (a verb of taking part) made the drivers who of 体检, which gave 安全生产 alone
    got = labels(topics, "开发区网约车司机享受免费健康体检",
                 "开发区总工会组织150名网约车司机免费体检，检查项目包括血常规、心电图等10项。", kind="brief")
    assert got[0] == "新就业形态劳动者"
    assert "安全生产" not in got


def test_a_group_with_a_body_of_its_own_is_not_given_it(topics: TopicTagger) -> None:
    # guard: 有了 is what they now have, not a receiving verb of a weak item (rule 62's guard, with a place)
    got = labels(topics, "开发区网约车司机有了议事会",
                 "开发区总工会推动成立网约车司机议事会，20名司机代表参加了第一次会议。", kind="brief")
    assert got[0] == "新就业形态劳动者"


# rule 79: a closing one-sentence paragraph opened by 此外


def test_a_closing_add_on_paragraph_of_services_is_an_aside(topics: TopicTagger) -> None:
    # before: the one-sentence closing paragraph's list added 职工服务与普惠
    got = labels(topics, "开发区快递员集中入会",
                 "开发区总工会日前举办快递员集中入会仪式，200余名快递员现场加入工会。",
                 "据介绍，开发区总工会今年将推动快递企业普遍建立工会组织。",
                 "此外，开发区总工会将设立5个户外劳动者服务站，为快递员提供饮水、充电、如厕等服务。")
    assert "职工服务与普惠" not in got


def test_a_closing_paragraph_not_an_add_on_keeps_the_service_topic(topics: TopicTagger) -> None:
    # guard: the closing paragraph is the stations themselves, not an add-on
    got = labels(topics, "开发区快递员集中入会",
                 "开发区总工会日前举办快递员集中入会仪式，200余名快递员现场加入工会。",
                 "据介绍，开发区总工会今年将推动快递企业普遍建立工会组织。",
                 "开发区总工会设立的5个户外劳动者服务站，为快递员提供饮水、充电、如厕、热饭等服务。")
    assert "职工服务与普惠" in got


# rule 80: a contest of safety knowledge


def test_a_safety_knowledge_contest_is_safety(topics: TopicTagger) -> None:
    # before: 竞赛 made it a skills contest (劳模工匠与技能)
    got = labels(topics, "县总工会举办煤矿安全知识竞赛", "县总工会日前举办煤矿安全知识竞赛，18家煤矿的54名选手参赛。", kind="brief")
    assert got[0] == "安全生产"


def test_a_skills_contest_stays_skills(topics: TopicTagger) -> None:
    # guard: a skills contest of workers who work safely is still a skills contest
    got = labels(topics, "县总工会举办电工技能竞赛", "县总工会日前举办电工技能竞赛，18家企业的54名选手参赛。", kind="brief")
    assert got[0] == "劳模工匠与技能"
