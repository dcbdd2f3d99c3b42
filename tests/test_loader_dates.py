"""Issue date and page number: file names first, then the text (latest dated event + 1 day)."""

from __future__ import annotations

import pytest

from archive_gen.loader import parse_page
from archive_gen.loader.dates import date_from_path, infer_date, page_from_path


@pytest.mark.parametrize(("name", "date", "page"), [
    ("2021-05-14_01.txt", "2021-05-14", 1),
    ("grrb20210514-03.txt", "2021-05-14", 3),
    ("2021/05/14/01.txt", "2021-05-14", 1),
    ("20210514_3.txt", "2021-05-14", 3),
    ("2021-05-14.txt", "2021-05-14", None),
    ("000_d00d0f73704abedd.txt", None, None),
    ("notes/2021-02-30_01.txt", None, 1),  # not a real day, but the page number still reads
])
def test_date_and_page_from_file_names(name: str, date: str | None, page: int | None) -> None:
    assert date_from_path(name) == date
    assert page_from_path(name) == page


def test_dateline_gives_the_day_and_the_paper_is_the_next_day() -> None:
    result = infer_date([("lead", "本报南京11月22日电(记者黄洪涛)今天，会议召开。")], "2023年中国职工旅游年会召开。")
    assert result.value == "2023-11-23" and result.inferred and "11月22日" in result.evidence


def test_event_date_at_the_start_of_a_lead_or_caption() -> None:
    openings = [("lead", "本报讯 5月13日，会议在昆明召开。"), ("caption", "5月12日，车辆行驶在高速公路上。")]
    assert infer_date(openings, "2021年全国工会将开展集中行动。").value == "2021-05-14"


def test_explicit_full_date_counts_as_an_event() -> None:
    assert infer_date([], "(原载《人民日报》2023年11月22日第9版)").value == "2023-11-23"


def test_targets_are_not_the_current_year() -> None:
    text = "2023年，会议提出，力争到2027年末，规模以上企业全部建会；计划2030年前完成。"
    assert infer_date([], text).value == "2023"


def test_month_only_when_no_dated_opening() -> None:
    text = "楠溪江之恋2019永嘉县首届职工集体婚礼举行。本报评论引自11月18日《浙江工人日报》。"
    assert infer_date([("lead", "本报讯 近日，婚礼举行。")], text).value == "2019-11"


def test_quantities_are_not_years() -> None:
    assert infer_date([], "2000余名干部、1300余趟列车、2023件提案。").value is None


def test_no_date_gives_none_and_a_warning() -> None:
    parsed = parse_page("工会开展活动\n\n本报讯 近日，工会开展了活动。\n", "undated.txt")
    assert parsed.date is None and parsed.items[0].date is None
    assert [n.code for n in parsed.notices] == ["no-date"]


def test_file_name_wins_over_text_and_override_wins_over_both() -> None:
    text = "工会开展活动\n\n本报讯 5月13日，2021年工会开展了活动。\n"
    named = parse_page(text, "2020-01-02_04.txt")
    assert (named.date, named.date_inferred, named.page) == ("2020-01-02", False, 4)
    forced = parse_page(text, "2020-01-02_04.txt", date="1999-09-09", page=8)
    assert (forced.date, forced.page, forced.items[0].date, forced.items[0].page) == ("1999-09-09", 8, "1999-09-09", 8)
    inferred = parse_page(text, "x.txt")
    assert (inferred.date, inferred.date_inferred, inferred.page) == ("2021-05-14", True, None)


@pytest.mark.parametrize(("given", "source"), [
    ("archive/2021/05/14/01.txt", "2021/05/14/01.txt"),  # the name it gets when its folder is read
    ("/data/2021/05/14/03.txt", "2021/05/14/03.txt"),
    ("seeds/000_d00d0f73704abedd.txt", "000_d00d0f73704abedd.txt"),
    ("pages/2021-05-14_01.txt", "2021-05-14_01.txt"),
])
def test_a_file_given_alone_keeps_the_date_its_folders_carry(given: str, source: str) -> None:
    from archive_gen.loader.dates import file_source_name

    assert file_source_name(given) == source


def test_a_page_with_no_date_anywhere_is_not_marked_inferred() -> None:
    page = parse_page("工会标题\n\n日前，市总工会开展活动。\n", "p.txt")
    assert page.date is None and page.date_inferred is False
    assert page.items[0].date is None and page.items[0].date_inferred is False
