"""Issue 18, twenty-ninth round (tests/heldout_tagging27, long items by a new hand): where the evidence of a long item
sits. A crosshead is its section's headline: a topic it names, followed up in every paragraph of its section, is a
secondary even when each paragraph says it once; a concession made on the side (当然，…也是…的一部分) is an aside, not
a paragraph about its topic; a city's lockdown (封控, 封控管理, 静态管理) names the epidemic in a headline and a lead.
Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.model import Crosshead, Item
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels


def _sectioned(tagger: TopicTagger, title: str, heads: list[tuple[str, int]], *paragraphs: str) -> list[str]:
    """The topics of a feature with crossheads ``heads`` ((text, the paragraph each stands before))."""
    item = Item(
        id="t",
        source="t.txt",
        index=0,
        kind="article",
        page_name="视点",
        title=title,
        paragraphs=paragraphs,
        crossheads=tuple(Crosshead(text, before, 0) for text, before in heads),
    )
    return [t.label for t in tagger.tag(item, segmented=None)]


# -- a crosshead section is about the topic its crosshead names ---------------------------------------------------------

_COURIERS = (
    "记者近日走访了本市20多名快递员，他们每天派件200多件，平台的派费一降再降。",
    "快递员小陈说，旺季时一天要跑14个小时，收入却不如去年。",
    "多名快递员表示，平台考核越来越严，超时一单就要扣钱。",
    "为了赶时效，一些快递员骑车闯红灯、逆行。记者随机询问的25名快递员中，有9人去年出过事故。",
    "“有一回下雨路滑，差点撞上公交车。”快递员老王说，现在他每天出门前都要检查一遍刹车，再累也不疲劳驾驶。",
    "采访中，不少快递员希望平台把考核时限放宽一些。",
)


def test_a_crosshead_naming_a_topic_followed_up_in_its_section_makes_a_secondary(topics: TopicTagger) -> None:
    # before: one safety word a paragraph is no paragraph "about" safety; the crosshead names it, each paragraph says it
    got = _sectioned(
        topics,
        "快递员的一天：派件多了，收入少了",
        [("派费：一降再降", 0), ("抢时效：安全隐患藏在路上", 3), ("期盼：考核松一松", 5)],
        *_COURIERS,
    )
    assert got == ["新就业形态劳动者", "安全生产"], got


def test_a_crosshead_the_section_does_not_follow_up_makes_no_secondary(topics: TopicTagger) -> None:
    # guard: the crosshead names safety, the second paragraph of its section does not say it
    paragraphs = list(_COURIERS)
    paragraphs[4] = "“有一回下雨路滑，差点撞上公交车。”快递员老王说，现在他每天出门前都要看一眼天气预报。"
    got = _sectioned(
        topics,
        "快递员的一天：派件多了，收入少了",
        [("派费：一降再降", 0), ("抢时效：安全隐患藏在路上", 3), ("期盼：考核松一松", 5)],
        *paragraphs,
    )
    assert got == ["新就业形态劳动者"], got


def test_a_crosshead_naming_no_topic_adds_none(topics: TopicTagger) -> None:
    # guard: the same section under a crosshead naming no topic stays as before
    got = _sectioned(
        topics,
        "快递员的一天：派件多了，收入少了",
        [("派费：一降再降", 0), ("抢时效：路上的风险", 3), ("期盼：考核松一松", 5)],
        *_COURIERS,
    )
    assert got == ["新就业形态劳动者"], got


# -- a concession on the side is no paragraph about its topic ----------------------------------------------------------

_READING = (
    "不少企业建起了职工书屋，可一些书屋常年锁着门，书架上落满了灰。",
    "书屋冷清，有的是离车间太远，有的是开放时间和下班时间“打架”，有的是书目多年不换。",
    "让书屋热起来，要请职工点书目，跟着班次开门，多办读书会、读书分享会。",
    "{aside}",
    "一间书屋，连着职工的精神世界，要让读书成为职工的一种生活方式。",
)


def test_a_concession_aside_makes_no_secondary(topics: TopicTagger) -> None:
    # before: the aside's 职工之家 and 基层工会 made 工会组织建设 a secondary of a commentary on reading rooms
    aside = "当然，职工书屋也是职工之家建设的一部分，书屋办得好不好，也考验着基层工会的服务能力。"
    got = labels(
        topics,
        "职工书屋要常开门",
        *(p.format(aside=aside) for p in _READING),
        kind="commentary",
        page_name="评论",
    )
    assert got == ["职工文体"], got


def test_the_same_paragraph_said_outright_still_makes_one(topics: TopicTagger) -> None:
    # guard: without the concession the paragraph is the union's own work, a secondary as before
    said = "职工书屋是职工之家建设的一部分，书屋办得好不好，考验着基层工会的服务能力。"
    got = labels(
        topics,
        "职工书屋要常开门",
        *(p.format(aside=said) for p in _READING),
        kind="commentary",
        page_name="评论",
    )
    assert got == ["职工文体", "工会组织建设"], got


# -- a lockdown is the epidemic ------------------------------------------------------------------------------------------


def test_a_lockdown_headline_is_the_epidemic(topics: TopicTagger) -> None:
    # before: 封控 was no term; the couriers' paragraph decided the primary
    got = labels(
        topics,
        "封控中的菜市场",
        "本月起，全市实行封控管理，一家批发市场的200多名职工留在场内分拣蔬菜。",
        "菜从市场送到小区，靠的是外卖骑手和快递员。全市1000多名骑手、快递员办了通行证，每天往返于各个小区。",
    )
    assert got[0] == "疫情防控与抗灾", got


def test_riders_without_a_lockdown_stay_gig_workers(topics: TopicTagger) -> None:
    # guard: the same riders' paragraph with no lockdown word
    got = labels(
        topics,
        "骑手们的夜班",
        "本月起，一家批发市场的200多名职工夜里分拣蔬菜。",
        "菜从市场送到小区，靠的是外卖骑手和快递员。全市1000多名骑手、快递员每天往返于各个小区。",
    )
    assert got[0] == "新就业形态劳动者", got


def test_a_one_paragraph_section_is_left_to_the_paragraph_rules(topics: TopicTagger) -> None:
    # guard: under a crosshead naming safety, one paragraph saying it once (the 齐齐哈尔 corpus item's 劳模 under
    # 磨炼技艺成为领军人 was rural aid's means) is no section topic
    got = _sectioned(
        topics,
        "快递员的一天：派件多了，收入少了",
        [("派费：一降再降", 0), ("抢时效：安全隐患藏在路上", 3), ("期盼：考核松一松", 4)],
        *_COURIERS,
    )
    assert got == ["新就业形态劳动者"], got
