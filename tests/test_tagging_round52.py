"""heldout_tagging49's round (issue 18, unseen pages: rules 72-80 checked on forms they were not written from).
General rules (docs/tagging.md rules 81-90), each checked on small invented items unlike the held-out pages, with a
guard:

81. an epidemic by its official full name (传染性非典型肺炎, 新型冠状病毒肺炎, 新型冠状病毒感染) is a 疫情防控与抗灾 term;
82. a heat reading said as a range (三十七八度, 37～39℃) or inside an enclosed place of work with no reading word
    (驾驶室里有四十多度) is heat at work, as 38℃ is;
83. a rank between a headline's count and the people counted (百名一线劳模) still says who (rules 58, 74);
84. a knowledge contest on any safety subject (消防知识竞赛, 应急知识网络答题) is 安全生产, as 安全知识竞赛 is (rule 80);
85. any money held back from a worker and got back (扣的钱退回来了, 拿回了押金, 拒不退还…押金) is a dispute (rules 60, 76);
86. a closing one-sentence paragraph of services opened by 同时, 与此同时 or 另据 is an aside, as by 此外 (rule 79);
87. a headline's time frame is its whole clause before 期间 when that has at most ten characters, quote marks not
    counted (抗击“非典”期间, 新冠肺炎疫情防控期间), rule 69's six characters otherwise;
88. a dismissal barred (不得辞退, 不得…解除劳动合同) is the worker's right, a 维权 term;
89. relief (慰问) a headline takes to the front line of another topic's work (抗洪抢险一线) is that work's means;
90. a union newly founded said as 新建 (新建会企业, 新建工会的) is 工会组织建设."""

from __future__ import annotations

from archive_gen.model import Item
from archive_gen.tagging.topics import TopicTagger, _during_spans
from tagging_probe import labels

# rule 81: an epidemic by its official full name


def test_covid_by_its_full_name_is_the_epidemic(topics: TopicTagger) -> None:
    # before: the full name was cut into words no topic held, and 看望慰问 gave 职工服务与普惠 the primary
    got = labels(topics, "区总工会看望坚守新型冠状病毒感染救治一线的护士",
                 "区总工会负责人来到区人民医院，看望慰问坚守在新型冠状病毒感染救治一线的护士，送去慰问品。")
    assert got[0] == "疫情防控与抗灾"


def test_sars_by_its_full_chinese_name_is_the_epidemic(topics: TopicTagger) -> None:
    got = labels(topics, "县总工会看望传染性非典型肺炎防治一线的司机",
                 "县总工会负责人看望慰问了传染性非典型肺炎防治一线的急救车司机，为他们送去慰问品。")
    assert got[0] == "疫情防控与抗灾"


def test_a_new_kind_of_farmer_is_no_epidemic(topics: TopicTagger) -> None:
    # guard: 新型 before another word names no virus
    got = labels(topics, "县总工会举办新型职业农民技能培训班", "县总工会举办新型职业农民技能培训班，120名农民参加了种植技术培训。")
    assert "疫情防控与抗灾" not in got


# rule 82: a heat reading as a range, or inside an enclosed place of work


def test_a_heat_range_in_chinese_numerals_is_heat_at_work(topics: TopicTagger) -> None:
    # before: no term; the fallback 产业与经济发展
    got = labels(topics, "汗水浸透的工装", "连日来，当地最高气温一直在三十八九度，钢筋工们仍在楼顶绑扎钢筋。", kind="photo")
    assert got[0] == "安全生产"


def test_a_reading_after_a_word_with_a_numeral_character_is_heat_at_work(topics: TopicTagger) -> None:
    # before: 一直 before the reading (一 a numeral's character) hid rule 73's reading
    got = labels(topics, "烈日下的钢筋工", "连日来，工地气温一直在三十九度以上，钢筋工们仍在楼顶绑扎钢筋。", kind="photo")
    assert got[0] == "安全生产"


def test_a_heat_range_in_figures_is_heat_at_work(topics: TopicTagger) -> None:
    got = labels(topics, "烈日下的养护工", "这几天气温37～39℃，养护工人每天清晨5点就上路修补路面。", kind="photo")
    assert got[0] == "安全生产"


def test_a_reading_inside_a_cab_is_heat_at_work(topics: TopicTagger) -> None:
    got = labels(topics, "吊车司机的夏天", "正午时分，塔吊驾驶室内高达45℃，司机老刘一坐就是4个小时。", kind="photo")
    assert got[0] == "安全生产"


def test_a_mild_range_is_weather(topics: TopicTagger) -> None:
    # guard: 二十七八度 and 20～25℃ are weather; a workshop at 二十多度 is no heat
    got = labels(topics, "职工趣味运动会开幕",
                 "运动会当天气温二十七八度，车间里有二十多度，1200名职工参加了拔河、跳绳等项目。")
    assert "安全生产" not in got
    got = labels(topics, "职工徒步大会举行", "当天气温20～25℃，800名职工沿湖岸徒步10公里。")
    assert "安全生产" not in got


# rule 83: a rank between the count and the people counted


def test_a_rank_after_the_count_still_says_who(topics: TopicTagger) -> None:
    # before: 劳模 first, from the rank hiding the count
    got = labels(topics, "市总工会组织五十名基层劳模疗休养", "市总工会组织50名基层劳模赴海边疗休养，为期5天。")
    assert got == ["职工服务与普惠"]


def test_a_ranked_count_at_the_end_is_the_honoured(topics: TopicTagger) -> None:
    # guard: a count of honoured people at the headline's end is the subject (rule 58's guard)
    got = labels(topics, "市总工会表彰五十名一线劳模", "市总工会日前表彰了50名一线劳模，每人颁发荣誉证书。")
    assert got[0] == "劳模工匠与技能"


# rule 84: a knowledge contest on any safety subject


def test_a_fire_safety_knowledge_contest_is_safety(topics: TopicTagger) -> None:
    # before: 劳模工匠与技能 from 竞赛
    got = labels(topics, "区职工消防知识竞赛举行", "区总工会举办职工消防知识竞赛，20支代表队比拼灭火器使用和火场逃生知识。")
    assert got[0] == "安全生产"


def test_an_emergency_knowledge_quiz_online_is_safety(topics: TopicTagger) -> None:
    got = labels(topics, "全市职工参加应急知识网络答题", "市总工会组织开展应急知识网络答题，2万名职工参与。")
    assert got[0] == "安全生产"


def test_a_law_knowledge_contest_is_no_safety(topics: TopicTagger) -> None:
    # guard: a labour-law knowledge contest stays the legal-awareness topic's
    got = labels(topics, "职工劳动法律知识竞赛举行", "市总工会举办职工劳动法律知识竞赛，普及劳动合同法等法律知识。")
    assert "安全生产" not in got


# rule 85: any money held back from a worker, got back


def test_money_docked_by_a_platform_given_back_is_a_dispute(topics: TopicTagger) -> None:
    # before: no 维权 term (钱 and 退回 were in no pattern)
    got = labels(topics, "平台扣的钱退回来了", "司机反映被平台无故扣款，区总工会协调后，平台退回了扣款。")
    assert got[0] == "劳动争议与维权"


def test_a_deposit_got_back_is_a_dispute(topics: TopicTagger) -> None:
    got = labels(topics, "工会帮保安拿回了押金", "物业公司拒不退还保安入职时交的押金，保安向街道工会求助。")
    assert got[0] == "劳动争议与维权"


def test_a_flat_deposit_refunded_is_no_dispute(topics: TopicTagger) -> None:
    # guard: a deposit given back on moving out, with nothing refused, is no dispute
    got = labels(topics, "蓝领公寓首批住户搬入", "蓝领公寓每月租金300元，住户退房时押金全额退还。")
    assert "劳动争议与维权" not in got


# rule 86: a closing add-on paragraph opened by 同时


def test_a_closing_service_paragraph_opened_by_tongshi_is_an_aside(topics: TopicTagger) -> None:
    # before: 职工服务与普惠 added from the closing list
    got = labels(topics, "外卖骑手集中入会",
                 "区总工会举行外卖骑手集中入会仪式，200余名骑手现场加入工会。",
                 "区总工会表示，将推动辖区配送站点普遍建立工会组织。",
                 "同时，区总工会将在商圈设立驿站，为骑手提供饮水、充电、休息等服务。")
    assert "职工服务与普惠" not in got


def test_a_closing_station_paragraph_of_several_sentences_keeps_its_services(topics: TopicTagger) -> None:
    # guard: a closing paragraph opened by 同时 that is the stations themselves (several sentences) keeps them
    got = labels(topics, "外卖骑手集中入会",
                 "区总工会举行外卖骑手集中入会仪式，200余名骑手现场加入工会。",
                 "区总工会表示，将推动辖区配送站点普遍建立工会组织。",
                 "同时，区总工会在商圈建成5个驿站，为骑手提供饮水、充电、休息等服务。驿站每天开放14小时，"
                 "已接待骑手1.2万人次。驿站还配备了药箱和雨具，供骑手免费取用。")
    assert "职工服务与普惠" in got


# rule 87: a time frame as its whole short clause


def test_a_frame_with_quote_marks_is_a_frame() -> None:
    # before: a quote mark right before 期间 left 抗击“甲流”期间 no frame at all
    item = Item(id="t", source="t.txt", index=0, kind="article", title="抗击“甲流”期间 市总工会督促企业依法支付工资",
                lead=None, paragraphs=("正文。",))
    assert _during_spans(item) == {"title": ((0, 6),)}


def test_a_frame_of_eight_characters_yields_to_what_follows(topics: TopicTagger) -> None:
    got = labels(topics, "新冠肺炎疫情防控期间 超时加班要依法支付加班费",
                 "问：新冠肺炎疫情防控期间，企业安排职工超时加班，加班费怎么算？",
                 "答：企业应依法支付加班费。受新冠肺炎疫情影响延迟复工的，按有关规定执行。")
    assert got[0] == "劳动争议与维权"


def test_a_long_clause_keeps_its_own_topic(topics: TopicTagger) -> None:
    # guard: a clause of more than ten characters before 期间 is no frame of its own: 讨薪 inside it stays first
    got = labels(topics, "市总工会为农民工讨薪维权工作在疫情期间不停步",
                 "市总工会为农民工讨薪维权的工作没有因疫情停下，今年已为320名农民工讨回工资。")
    assert got[0] == "劳动争议与维权"


# rule 88: a dismissal barred


def test_a_dismissal_barred_is_a_right(topics: TopicTagger) -> None:
    # before: 解除劳动合同 barred by law was no term beside the epidemic's, and 维权 was no topic of the Q&A
    got = labels(topics, "抗击“非典”期间 企业不能随意解除劳动合同",
                 "问：抗击非典期间，职工被隔离观察，企业能否解除劳动合同？",
                 "答：非典防治期间，职工因被隔离观察不能上班的，企业不能解除劳动合同，隔离期间工资照发。")
    assert got[0] == "劳动争议与维权"


def test_a_dismissal_done_is_no_right_said(topics: TopicTagger) -> None:
    # guard: a dismissal reported, not barred, adds no term
    got = labels(topics, "厂里开展安全检查", "厂里开展安全大检查，对违章作业的两名职工予以辞退。")
    assert "劳动争议与维权" not in got


# rule 89: relief to the front line of another topic's work is that work's means


def test_relief_to_a_flood_front_line_is_the_floods(topics: TopicTagger) -> None:
    # before: 慰问, 慰问金 made 职工服务与普惠 a secondary
    got = labels(topics, "县总工会慰问抗洪抢险一线职工",
                 "县总工会负责人来到抗洪抢险一线，看望慰问连续奋战的电力、供水职工，送去慰问金和方便食品。")
    assert got == ["疫情防控与抗灾"]


def test_relief_to_a_front_line_no_term_names_is_a_service(topics: TopicTagger) -> None:
    # guard: a front line no other topic names (口岸一线) keeps the relief as the union's service
    got = labels(topics, "市总工会慰问口岸一线职工", "市总工会负责人来到口岸，看望慰问一线职工，送去慰问品。")
    assert got[0] == "职工服务与普惠"


def test_relief_to_hardship_workers_keeps_its_other_terms(topics: TopicTagger) -> None:
    # guard: 一线困难职工 is no other topic's front line
    got = labels(topics, "市总工会慰问一线困难职工", "市总工会向100户困难职工送去慰问金。")
    assert got[0] == "职工服务与普惠"


# rule 90: a union newly founded said as 新建


def test_new_unions_said_as_xinjian_are_organising(topics: TopicTagger) -> None:
    # before: the segmenter cut 新建/会 apart, so the item had no 工会组织建设 term
    got = labels(topics, "区总工会表彰新建会企业", "区总工会为今年新建工会的30家小微企业颁发奖牌，鼓励企业工会规范运行。")
    assert "工会组织建设" in got


def test_a_new_meeting_room_is_no_union(topics: TopicTagger) -> None:
    # guard: 新建会议室, 新建会展中心 found no union
    got = labels(topics, "园区新建会议室和会展中心投用", "园区新建会议室12间、会展中心1座，供入驻企业免费使用。")
    assert "工会组织建设" not in got
