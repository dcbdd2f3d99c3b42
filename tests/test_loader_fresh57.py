"""Rules from the fifty-eighth held-out batch (tests/heldout/fresh57): a 导读 entry whose title runs into its page through
a leader of dashes (— — — — or ———— rather than dots), and a slogan of three parallel phrases over a meeting line and its
outcome. The inputs differ from the batch's pages."""

from __future__ import annotations

from loader_pages import BODY, page

LEAD = "　　本报南昌6月3日电　（记者　蔺　舒）" + BODY


def test_index_entries_ending_in_dash_leaders_are_furniture() -> None:
    # a table of contents may lead a title to its page with dashes, spaced or not, as with dots: still a 导读 entry
    parsed = page("第01版：要闻",
                  "本期导读\n★夜班公交司机的一天— — — — —第4版\n★工会驿站里的“暖心茶”————第5版\n◇职工运动会赛程公布－－－－第8版",
                  "全省职工职业技能竞赛启动", LEAD)
    assert [i.title for i in parsed.items] == ["全省职工职业技能竞赛启动"]
    furniture = {line.text for line in parsed.furniture}
    assert "★夜班公交司机的一天— — — — —第4版" in furniture
    assert "★工会驿站里的“暖心茶”————第5版" in furniture


def test_a_dash_subtitle_line_under_no_index_label_is_not_furniture() -> None:
    # guard: a headline part ending in dashes and a page under no 导读/要目 label is not taken as an index entry
    parsed = page("第01版：要闻", "全省职工职业技能竞赛启动", LEAD,
                  "★夜班公交司机的一天— — — — —第4版\n★工会驿站里的“暖心茶”————第5版")
    furniture = {line.text for line in parsed.furniture}
    assert "★夜班公交司机的一天— — — — —第4版" not in furniture


def test_a_slogan_of_three_short_phrases_over_a_meeting_line_is_the_kicker() -> None:
    # "强技能　促就业　惠民生" (phrases of two or three characters) over a meeting held and its outcome: the 引题 of a
    # three-line stack, as a slogan of longer phrases is; the meeting line is the 主题
    parsed = page("第01版：要闻", "强技能　促就业　惠民生", "全省职业技能提升推进会在南昌召开",
                  "三年培训新型产业工人一百万人次", LEAD)
    item = parsed.items[0]
    assert (item.kicker, item.title, item.subtitle) == (
        "强技能　促就业　惠民生", "全省职业技能提升推进会在南昌召开", "三年培训新型产业工人一百万人次")
    assert item.column is None


def test_a_campaign_banner_of_short_phrases_over_a_plain_kicker_stays_a_banner() -> None:
    # guard: very short phrases over a kicker that reports no meeting keep their reading as a campaign banner
    parsed = page("第01版：要闻", "新时代　新征程　新伟业", "产业工人队伍建设改革再出实招",
                  "技能人才评价向一线倾斜", LEAD)
    item = parsed.items[0]
    assert item.column == "新时代\u3000新征程\u3000新伟业"
