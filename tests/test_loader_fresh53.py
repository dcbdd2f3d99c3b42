"""Rules from the fifty-fourth held-out batch (tests/heldout/fresh53): an honours list's sections named by a group with
the count of their rows ("江北区（3名）"). The inputs differ from the batch's pages."""

from __future__ import annotations

from loader_pages import BODY, page


def test_counted_groups_under_a_whole_lists_title_are_its_sections() -> None:
    # "…名单" titles the whole list; the groups under it, each named with the count of its rows (the first one right
    # under the title, where a kicker's title would stand), head its sections, not items of their own
    parsed = page("西岭县总工会召开表彰大会", "　　本报讯　4月28日，西岭县总工会召开表彰大会。" + BODY,
                  "2024年西岭县优秀工会积极分子名单", "城关镇（2名）",
                  "罗　敏　西岭县自来水公司抄表员\n柯　蓝　西岭县人民医院护士",
                  "县直机关（3名）",
                  "许文涛　西岭县财政局干部\n钟晓梅　西岭县教育局干部\n彭　程　西岭县交通运输局干部")
    assert [i.title for i in parsed.items] == ["西岭县总工会召开表彰大会", "2024年西岭县优秀工会积极分子名单"]
    honours = parsed.items[1]
    assert honours.kicker is None and honours.column is None
    assert [c.text for c in honours.crossheads] == ["城关镇（2名）", "县直机关（3名）"]
    assert len(honours.paragraphs) == 5


def test_a_counted_heading_after_a_news_story_is_no_section_of_it() -> None:
    # guard: after a news story (prose, not a list's rows) a heading with a count in brackets over rows is no section
    # of the story: the story is not a list titled as a whole
    parsed = page("西岭县表彰一批先进个人", "　　本报讯　日前，西岭县总工会表彰了一批先进个人。" + BODY,
                  "城关镇（2名）", "罗　敏　西岭县自来水公司抄表员\n柯　蓝　西岭县人民医院护士")
    assert parsed.items[0].title == "西岭县表彰一批先进个人"
    assert [c.text for c in parsed.items[0].crossheads] == []
    assert len(parsed.items[0].paragraphs) == 1
