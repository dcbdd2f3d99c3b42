"""heldout_tagging47's round (issue 18, unseen pages: ordinary whole pages of the provinces the earlier sets use
least). General rules (docs/tagging.md rules 67-70), each checked on small invented items unlike the held-out pages,
with a guard:

67. an epidemic by its name (非典, 非典型肺炎, 甲流, 禽流感, 新冠) is a 疫情防控与抗灾 term; not 非典型 (atypical) of
    anything else (非典型就业);
68. workers' exercise by its name (广播体操, 工间操, 健身操, 太极拳, 八段锦) is 职工文体; not fitness equipment (健身器材)
    listed among a workers' home's facilities;
69. a headline's time frame (非典防治期间, 疫情期间) says when: a primary the headline names only inside it gives way
    to a topic the headline names outside it, and stays a secondary; not a frame that is the story itself;
70. a list of services given (提供饮水、充电、休息等服务) in the closing sentence of one of several paragraphs, after
    sentences making up more than half of its text, is an aside and adds no 职工服务与普惠; a list opening its
    paragraph or in its middle, a caption's and a paragraph wholly the list still do."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# rule 67: an epidemic by its name

def test_sars_by_its_name_is_the_epidemic(topics: TopicTagger) -> None:
    # before: 慰问 gave 职工服务与普惠 the primary; 非典 was no term
    got = labels(topics, "县工会看望防治非典一线的环卫工人",
                 "县总工会负责人日前看望慰问了坚守在防治非典一线的环卫工人，为他们送去慰问品。")
    assert got[0] == "疫情防控与抗灾"


def test_bird_flu_by_its_name_is_the_epidemic(topics: TopicTagger) -> None:
    got = labels(topics, "养殖场职工坚守防控禽流感一线",
                 "禽流感发生后，养殖场职工24小时轮班值守，对场区进行全面消杀。")
    assert got[0] == "疫情防控与抗灾"


def test_atypical_employment_is_no_epidemic(topics: TopicTagger) -> None:
    # guard: 非典型 (atypical) of employment
    got = labels(topics, "研讨非典型就业群体权益保障", "与会专家围绕非典型就业群体的劳动权益保障问题展开研讨。")
    assert "疫情防控与抗灾" not in got


# rule 68: workers' exercise by its name

def test_a_radio_exercise_contest_is_sport(topics: TopicTagger) -> None:
    # before: no 文体 term but the weak 比赛; 普惠 or the fallback
    got = labels(topics, "车间里的工间操", "每天上午10点，厂区职工集中做工间操，厂工会还举办了工间操比赛。", kind="photo",
                 lead=None)
    assert got[0] == "职工文体"


def test_tai_chi_is_sport(topics: TopicTagger) -> None:
    got = labels(topics, "退休职工学打太极拳", "社区职工之家开设太极拳、八段锦辅导班，每周两次，已有80余名职工参加。")
    assert got[0] == "职工文体"


def test_fitness_equipment_in_a_workers_home_is_no_sport(topics: TopicTagger) -> None:
    # guard: 健身器材 among a workers' home's facilities is not exercise by name
    got = labels(topics, "园区建成职工之家", "园区工会建成职工之家，配备了健身器材、图书和休息室，入会职工可免费使用。")
    assert got[0] != "职工文体"


# rule 69: a headline's time frame

def test_a_headline_time_frame_says_when(topics: TopicTagger) -> None:
    # before: 非典 in the frame made the epidemic the primary of a wage rule
    got = labels(topics, "省总工会要求非典防治期间按时足额支付农民工工资",
                 "省总工会日前发出通知，要求企业在非典防治期间不得拖欠农民工工资，对拖欠工资的要及时督促纠正。")
    assert got[:2] == ["劳动争议与维权", "疫情防控与抗灾"]


def test_a_time_frame_alone_keeps_its_topic(topics: TopicTagger) -> None:
    # guard: the headline names no other topic outside the frame: the epidemic stays first
    got = labels(topics, "非典防治期间的公交司机", "非典防治期间，公交司机每天对车厢消毒四次，坚持出车。")
    assert got[0] == "疫情防控与抗灾"


# rule 70: a service list as one closing sentence

def test_a_closing_service_sentence_adds_no_service_topic(topics: TopicTagger) -> None:
    # before: the one closing sentence's list added 职工服务与普惠 as a third topic to a joining-the-union item
    got = labels(topics, "开发区网约车司机集中入会",
                 "开发区总工会日前举办网约车司机集中入会仪式，150余名网约车司机现场加入工会。",
                 "据介绍，开发区总工会今年以来推动网约车平台企业建立工会，已有1200余名网约车司机加入工会组织，"
                 "会员人数比去年增加一倍。开发区总工会还在停车场设立司机之家，为他们提供饮水、充电、休息等服务。")
    assert "职工服务与普惠" not in got


def test_a_paragraph_wholly_the_services_keeps_the_service_topic(topics: TopicTagger) -> None:
    # guard: the station's paragraph is its services (as the seeds' 骑士驿站)
    got = labels(topics, "开发区网约车司机有了司机之家",
                 "开发区总工会日前在停车场建成司机之家，供网约车司机歇脚。",
                 "司机之家为网约车司机提供饮水、充电、休息、热饭等服务，每天接待司机200余人次。")
    assert "职工服务与普惠" in got


def test_a_caption_listing_services_keeps_the_service_topic(topics: TopicTagger) -> None:
    # guard: a caption (one paragraph) is as much about the services (SECONDARY.md practice 4)
    got = labels(topics, "司机有了落脚点",
                 "6月3日，网约车司机在市区一处司机之家休息。这里提供饮水、充电、热饭等服务，全市已建成此类站点40余个。",
                 kind="photo", lead=None)
    assert "职工服务与普惠" in got


def test_a_list_opening_its_paragraph_keeps_the_service_topic(topics: TopicTagger) -> None:
    # guard: the list opens the paragraph and a longer sentence about running the station follows
    got = labels(topics, "两市工会为货车司机共建司机之家",
                 "两市总工会日前签订协议，将在高速公路服务区共建8家货车司机之家。",
                 "货车司机之家为司机提供休息、淋浴、洗衣、就餐等服务。两市总工会约定，运营经费由所在地工会承担，"
                 "两地货车司机一视同仁，每年评选一次优秀司机之家并给予奖励。")
    assert "职工服务与普惠" in got
