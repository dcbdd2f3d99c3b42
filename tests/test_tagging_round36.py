"""Thirty-sixth round (tests/heldout_tagging33, an ordinary 工人日报 day by a new hand): a party congress studied by its
number is party education; housing let to members is a material benefit; a meeting's or a document's next point
(会议还要求，…) is a paragraph of its own, not an "also" on the side; the term a headline's subject reaches out to
(向…延伸) is whom it reaches, not what the item is. Checked on small invented items unlike the held-out pages, each
with a guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# -- a party congress studied by its number ------------------------------------------------------------------------------


def test_a_party_congress_studied_by_its_number_is_party_education(topics: TopicTagger) -> None:
    # before: the segmenter cut 十九/大 and no term matched; the talk's 学习 read as training
    got = labels(topics, "港口职工讲述学习十九大体会",
                 "十九大召开后，港务集团工会组织码头装卸工、调度员座谈，畅谈学习十九大报告的体会。")
    assert got[0] == "党建与主题教育"


def test_a_congress_brought_to_a_site_is_party_education(topics: TopicTagger) -> None:
    # before: the speakers' 劳模 decided; what they speak about is the item's subject
    got = labels(topics, "二十大精神进工地",
                 "市总工会组织的劳模宣讲小分队日前来到地铁施工工地，在工棚里向农民工讲解党的二十大精神。",
                 "小分队已走进工地、车间30多处，听讲职工2000多人次。")
    assert got[0] == "党建与主题教育"


def test_a_congress_as_a_time_frame_makes_nothing(topics: TopicTagger) -> None:
    # guard: 十八大以来 dates a union's building; subject_only keeps it from the topic
    got = labels(topics, "十八大以来全县新建非公企业工会310家",
                 "党的十八大以来，县总工会在非公有制企业中集中开展建会入会，新建工会310家，发展会员1.2万人。")
    assert got == ["工会组织建设"]


# -- housing let to members ----------------------------------------------------------------------------------------------


def test_housing_let_to_members_is_a_benefit(topics: TopicTagger) -> None:
    # before: no housing word was a term; the members named (工会会员) gave the union's building
    got = labels(topics, "开发区首批职工公寓分配到户",
                 "开发区工会协调建设的320套职工公寓日前分配完毕，优先安排在园区企业工作满两年的工会会员入住，"
                 "另有80名职工领到每月300元的租房补贴。")
    assert got[0] == "职工服务与普惠"


def test_a_dormitory_fire_check_stays_safety(topics: TopicTagger) -> None:
    # guard: a safety check in members' flats is safety work; the flats are where it happens
    got = labels(topics, "职工公寓开展消防安全检查",
                 "入冬以来，厂工会会同保卫部门对职工公寓进行消防安全检查，清理楼道堆放杂物，更换灭火器60多具，"
                 "排查整改隐患15处。")
    assert got[0] == "安全生产"


# -- a meeting's next point ----------------------------------------------------------------------------------------------


def test_a_meetings_next_point_is_a_paragraph_of_its_own(topics: TopicTagger) -> None:
    # before: the closing paragraph's 还 read it as an "also" on the side, its 维权 terms at half weight
    got = labels(topics, "省总工会部署今年职工书屋建设",
                 "省总工会日前召开会议，部署今年职工书屋建设，提出全年新建职工书屋500家，为基层职工书屋配送图书"
                 "20万册，开展职工读书月活动。",
                 "会议还提出，各级工会要设立职工法律援助站，对拖欠工资、工伤赔偿等劳动争议案件及时提供法律援助。")
    assert got[:2] == ["职工文体", "劳动争议与维权"]


def test_an_agents_closing_also_stays_on_the_side(topics: TopicTagger) -> None:
    # guard: 还要求 with its object right after it (no comma: not a report's next point) is still an "also"
    got = labels(topics, "区总工会举办职工读书分享会",
                 "区总工会日前在职工书屋举办读书分享会，30名职工交流了读书心得，职工书屋新添图书500册。",
                 "区总工会还要求各企业工会为职工提供法律援助。")
    assert got == ["职工文体"]


# -- the term a headline's subject reaches out to ------------------------------------------------------------------------


def test_the_term_a_headline_reaches_out_to_is_whom_it_reaches(topics: TopicTagger) -> None:
    # before: the headline's 非公有制企业 named 工会组织建设, and the body's 建立工会 clause followed it up
    got = labels(topics, "集体协商向非公有制企业延伸",
                 "今年以来，市总工会推动非公有制企业开展工资集体协商，已有1300多家企业签订了工资集体协议。",
                 "已建立工会的企业，都要把工资增长幅度、最低工资标准等提交职代会讨论。")
    assert got == ["民主管理"]


def test_a_headline_subject_before_toward_keeps_its_reading(topics: TopicTagger) -> None:
    # guard: the subject before 向 (建会入会) is what the headline is about
    got = labels(topics, "建会入会向新业态延伸",
                 "市总工会今年把建会入会的重点放在物流、外卖等行业，新建行业工会联合会8家，发展会员4000多人。")
    assert got[0] == "工会组织建设"
