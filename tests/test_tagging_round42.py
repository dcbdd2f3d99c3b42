"""Forty-third round (tests/heldout_tagging39, every topic in a union reporter's everyday phrasing): a vocabulary
review of the taxonomy. Words the labour press uses for one topic in most contexts join that topic (书法展, 摄影展,
征文 are 职工文体; 免费理发, 手机贴膜, 量血压 are 职工服务与普惠; 安全培训, 高原反应, 冻伤, 安全防护, 瓦斯 are
安全生产; 职工董事 is 民主管理; 哺乳室 is 女职工), and 职工夜校, a venue for adult classes of any kind, is decided by
what it teaches. Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels


def test_a_show_of_workers_photographs_or_calligraphy_is_workers_culture(topics: TopicTagger) -> None:
    assert labels(topics, "铁路职工摄影展在车站开展",
                  "铁路局工会举办的职工摄影展日前开展，展出机务、工务职工拍摄的作品120幅。")[0] == "职工文体"
    assert labels(topics, "纺织女工书法展开幕",
                  "市纺织工会举办的书法展昨天开幕，40名一线女工的80幅作品参展。")[0] == "职工文体"


def test_a_writing_contest_of_workers_is_workers_culture(topics: TopicTagger) -> None:
    assert labels(topics, "港务集团职工征文获奖作品出炉",
                  "港务集团工会举办的征文比赛日前评出获奖作品，码头工人写的散文获一等奖。")[0] == "职工文体"


def test_free_haircuts_and_phone_screens_are_a_union_service(topics: TopicTagger) -> None:
    assert labels(topics, "工会志愿者走进物流园",
                  "市总工会志愿者来到物流园，为装卸工人免费理发、手机贴膜、量血压，一上午服务200多人次。"
                  ) == ["职工服务与普惠"]


def test_safety_at_altitude_and_in_the_cold_is_work_safety(topics: TopicTagger) -> None:
    assert labels(topics, "输电线路工人学习高原作业常识",
                  "电力公司工会请医生为巡线工人讲解高原反应和冻伤的预防，并为每个班组配发氧气袋，做好安全防护。"
                  )[0] == "安全生产"


def test_a_safety_course_is_work_safety_not_training(topics: TopicTagger) -> None:
    assert labels(topics, "化工园区班组长参加安全培训",
                  "区总工会举办安全培训班，讲解违章作业的危害和自救互救常识，150名班组长参加。")[0] == "安全生产"


def test_workers_directors_and_a_nursing_room(topics: TopicTagger) -> None:
    assert labels(topics, "集团职代会选举产生职工董事",
                  "集团职代会日前投票选举职工董事、职工监事各1名，职工代表312人参加表决。")[0] == "民主管理"
    assert labels(topics, "开发区企业建成20个哺乳室",
                  "开发区工会推动企业建成哺乳室20个，为哺乳期女职工提供便利。")[0] == "女职工"


def test_a_night_school_of_hobby_classes_stays_workers_culture(topics: TopicTagger) -> None:
    # guard: 职工夜校, generic in both topics, still leaves a night school of 兴趣班 (TAXONOMY's keyword) or of arts
    # courses workers' culture: what it teaches decides
    assert labels(topics, "职工夜校开出兴趣班",
                  "市总工会职工夜校本月开出声乐、瑜伽、茶艺兴趣班，300多名职工报名。")[0] == "职工文体"
    assert labels(topics, "职工夜校开课了",
                  "港区工会开办的职工夜校本周开课，开设书法、声乐、摄影课程，200多名职工报名。")[0] == "职工文体"


def test_a_night_school_teaching_trades_adds_training(topics: TopicTagger) -> None:
    # a night school whose courses end in a vocational certificate is adult skills training (TAXONOMY's
    # 就业与职工培训)
    assert labels(topics, "职工夜校开设焊工班",
                  "区总工会职工夜校开设焊工、电工课程，学员考试合格可取得职业资格证书，已有80名职工拿到证书。"
                  )[0] == "就业与职工培训"


def test_the_safety_goods_keyword_is_still_one_word(topics: TopicTagger) -> None:
    # guard: 安全防护 joining the synonyms does not cut the keyword 安全防护品 apart
    assert labels(topics, "工会为环卫工人发放安全防护品",
                  "区总工会为500名环卫工人发放反光背心等安全防护品。")[0] == "安全生产"
