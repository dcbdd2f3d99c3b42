"""Fifty-first round (issue 18, unseen pages: heldout_tagging46's open misses, loader fresh2 and fresh3). Six general
rules (docs/tagging.md rules 60-65), each checked on small invented items unlike the held-out pages, with a guard:

60. money docked from pay and won back (讨回被扣的押金) is a 维权 term, as a wage won back is; not a fund recovered;
61. a headline opening on the people it is about (骑手, 快递员) glued on to another topic's full-weight term says who;
    not a who-word topic's own (女职工), not one whose opening word names no person;
62. a weak term glued after the people a headline opens on or counts (快递员免费体检) is the group's item (KEYING.md);
    not joining the union (成了工会会员);
63. a district's or an everyday short form before 景区 names the one such division in the item's or paper's province
    (西湖景区 on a 浙江 paper); not with no province to look in, nor where the province holds none;
64. a rest station named a home for riders or couriers (骑手之家) is 职工服务与普惠;
65. a poem its page names the genre of takes no secondary from its imagery (师傅, 徒弟); prose keeps its secondaries;
66. a temperature reading of 35℃ or more (舱内温度超过45℃) is heat at work, 安全生产; a lower reading is weather."""

from __future__ import annotations

from archive_gen.tagging.regions import RegionTagger
from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels, region_tags


def _places(tagger: RegionTagger, title: str, *paragraphs: str, paper: str | None = None,
            kind: str = "brief") -> set[tuple[str | None, str | None, str | None]]:
    found = region_tags(tagger, title, *paragraphs, date="2021-07-14", lead="本报讯（通讯员 林晓）", kind=kind,
                        paper=paper)
    return {(t.region.province, t.region.prefecture, t.region.county) for t in found}


# rules 60 and 61: the people a headline opens on, then what they won back

def test_a_rider_winning_back_docked_pay_is_a_dispute(topics: TopicTagger) -> None:
    # before: 骑手 (新就业形态) was the primary and 讨回被扣 no term; now 维权 alone
    got = labels(topics, "快递员讨回被扣的押金",
                 "快递员老周离职时被网点扣下押金1500元，他向区劳动人事争议仲裁委员会申请仲裁，网点最终退还全部押金。")
    assert got == ["劳动争议与维权"]


def test_docked_pay_won_back_is_a_dispute_term(topics: TopicTagger) -> None:
    # rule 60 alone: before, 讨回被扣 was no term and the headline named no topic
    got = labels(topics, "小周讨回被扣的押金", "小周离职时被公司扣下押金1500元，经调解，公司退还了全部押金。")
    assert got[0] == "劳动争议与维权"


def test_riders_opening_the_headline_say_who(topics: TopicTagger) -> None:
    # rule 61 alone: before, 外卖骑手 in the headline made 新就业形态 the primary of a wage claim
    got = labels(topics, "外卖骑手讨回被拖欠的工资",
                 "外卖骑手老王被站点拖欠工资3个月，经区劳动人事争议仲裁委员会调解，站点当场支付全部工资。")
    assert got == ["劳动争议与维权"]


def test_a_fund_recovered_is_no_dispute(topics: TopicTagger) -> None:
    # guard (rule 60): 追回 of a fund, nothing docked or fined after the verb
    got = labels(topics, "市医保局追回医保基金", "市医保局开展专项检查，今年已追回医保基金120万元。")
    assert "劳动争议与维权" not in got


def test_a_who_word_topic_opening_the_headline_keeps_its_secondary(topics: TopicTagger) -> None:
    # guard (rule 61): 女职工 has the taxonomy's who-words and its own reading; the contest is primary, and the
    # women's topic is kept as before
    got = labels(topics, "女职工技能大赛在我市举行", "市总工会举办女职工技能大赛，200名女职工参加比赛。",
                 "大赛设置插花、茶艺等项目，女职工委员会负责组织。")
    assert got[0] == "劳模工匠与技能" and "女职工" in "".join(got)


# rule 62: a group's weak item is the group's

def test_a_groups_free_health_check_is_the_groups(topics: TopicTagger) -> None:
    # before: 体检 (half weight) in the headline and the body with a clause's 防暑 made 安全生产 a secondary
    got = labels(topics, "外卖骑手免费体检", "区总工会联合区医院为辖区800名外卖骑手免费体检，还为他们送上防暑药品。")
    assert got == ["新就业形态劳动者"]


def test_couriers_made_members_keep_both_topics(topics: TopicTagger) -> None:
    # guard: joining the union is organising those people (rule 58's guard): a who-word topic's term after them
    got = labels(topics, "三百多名快递员成了工会会员",
                 "经开区总工会日前为三百多名快递员集中办理入会手续，他们成了工会会员。")
    assert "工会组织建设" in got


# rule 63: a scenic area named after a district, inside the paper's province

def test_a_scenic_area_named_after_a_district_on_the_provincial_paper(regions: RegionTagger) -> None:
    # before: 南湖 (嘉兴's 南湖区, and a lake anywhere) is a word: the paper's province only
    found = _places(regions, "南湖景区保洁员的清晨", "清晨5点，南湖景区的保洁员已开始清扫湖边步道。", paper="浙江工人日报")
    assert ("浙江省", "嘉兴市", "南湖区") in found


def test_a_scenic_area_with_no_province_to_look_in_is_no_place(regions: RegionTagger) -> None:
    # guard: no paper and no place named: 南湖 is several districts' name (and a lake)
    found = _places(regions, "南湖景区保洁员的清晨", "清晨5点，南湖景区的保洁员已开始清扫湖边步道。")
    assert not any(c == "南湖区" for _, _, c in found)


def test_a_scenic_area_the_papers_province_holds_no_division_of_stays_at_the_province(regions: RegionTagger) -> None:
    # guard: 江苏 holds no 西湖区 (杭州's and 南昌's): the paper's province only
    found = _places(regions, "西湖景区的讲解员", "近日，西湖景区的讲解员参加了岗位练兵。", paper="江苏工人报")
    assert not any(c == "西湖区" for _, _, c in found)


# rule 64: a riders' home is a station

def test_a_riders_home_is_a_station(topics: TopicTagger) -> None:
    # before: 骑手 alone gave 新就业形态; the station and its services made no 普惠
    got = labels(topics, "“骑手之家”里的温度",
                 "午后，城南一处“骑手之家”里，刚送完外卖的骑手小李坐下来给手机充电，又接了一杯热水。",
                 "市总工会已建成“骑手之家”等站点120个，站内配有饮水机、微波炉、充电柜和药箱，今年累计服务骑手8万人次。")
    assert set(got[:2]) == {"新就业形态劳动者", "职工服务与普惠"}


# rule 65: a poem's imagery

def test_a_poems_imagery_gives_no_secondary(topics: TopicTagger) -> None:
    # before: 师傅 and 徒弟 in two lines made 劳模工匠与技能 a secondary of a 副刊 poem
    got = labels(topics, "夜班的灯（外一首）", "车床转动的时候", "夜色也转动了", "师傅把一枚螺丝", "交到徒弟的掌心",
                 "铁屑落成星光", kind="article", page_name="副刊", lead=None)
    assert got == ["职工文体"]


def test_prose_on_the_same_page_keeps_its_secondary(topics: TopicTagger) -> None:
    # guard: an essay (sentences ending 。, no poem mark) is no verse: its own words still count as before
    essay = ("那年我进厂当学徒，师傅是全厂有名的劳动模范，技术能手，带过三十多个徒弟。",
             "师傅常说，技能是一辈子的饭碗，他手把手教我看图纸、磨刀具，一教就是三年。",
             "后来我也参加了全省职业技能大赛，拿了二等奖，也开始带自己的徒弟。")
    got = labels(topics, "我的师傅", *essay, kind="article", page_name="副刊", lead=None)
    assert "劳模工匠与技能" in got


def test_a_workers_home_stays_union_building(topics: TopicTagger) -> None:
    # guard (rule 64): only riders' and couriers' homes are stations; a 职工之家 is the union's own 建家
    got = labels(topics, "区总工会命名10家模范职工之家", "区总工会日前命名10家基层工会为模范职工之家，推动基层工会规范化建设。")
    assert got[0] != "职工服务与普惠" and "职工服务与普惠" not in got


# rule 66: a heat reading

def test_a_heat_reading_at_work_is_safety(topics: TopicTagger) -> None:
    # before: nothing but 高温 (a near-synonym) and the workers' 防护服: no topic was the subject
    got = labels(topics, "炉前工的七月", "7月中旬，炼钢车间炉前温度高达50℃，炉前工身着隔热服轮流上岗。",
                 "班长说，高温时大家每隔半小时轮换一次。", kind="photo", lead=None)
    assert got[0] == "安全生产"


def test_a_mild_reading_is_weather(topics: TopicTagger) -> None:
    # guard: a reading under 35℃ is the day's weather, no safety word
    got = labels(topics, "春日的运动会", "4月20日，气温22℃，市总工会职工运动会在体育中心开幕，3000名职工参赛。")
    assert "安全生产" not in got
