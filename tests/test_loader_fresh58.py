"""Rules from the fifty-ninth held-out batch (tests/heldout/fresh58): a column label parted from its writer's name by a
bar (工人论坛｜name), an ad hoc body signing a notice under its short form (…筹委会) or after a long event name, and a
notice's contact row right above its signer. The inputs differ from the batch's pages."""

from __future__ import annotations

from archive_gen.loader.bylines import signature
from loader_pages import BODY, page

BRIEF = "本报讯（记者　阮清禾）" + BODY


def test_a_column_label_parted_from_its_writer_by_a_bar_is_the_author_line() -> None:
    # "职工论坛｜林　峰" under a commentary's title: the column and its writer, as "职工论坛　林　峰" is
    for line in ("职工论坛｜林　峰", "劳动者之声|郁　青"):
        parsed = page("第05版：评论", BRIEF, "别让“打卡”变成负担", line, BODY)
        item = parsed.items[-1]
        assert item.title == "别让“打卡”变成负担"
        assert item.subtitle is None
        assert len(item.byline.authors) == 1 and item.byline.authors[0] in line


def test_a_bar_between_two_phrases_names_no_writer() -> None:
    # guard: a bar between a label and words that are no person's name is no author line
    assert signature("职工论坛｜夜班路上") is None
    assert signature("安全生产｜警钟长鸣") is None


def test_a_notice_signed_by_an_abbreviated_preparatory_committee() -> None:
    # "…筹委会" (筹备委员会 in short) over a date signs the notice above it, as "…组委会" does
    parsed = page("第03版：公告", "报名启事", "　　" + BODY, "全市职工乒乓球赛筹委会\n2021年5月6日",
                  "江州职工书屋开放", "　　" + BRIEF)
    assert [i.title for i in parsed.items] == ["报名启事", "江州职工书屋开放"]
    assert parsed.items[0].trailer == ("全市职工乒乓球赛筹委会", "2021年5月6日")


def test_an_ad_hoc_signer_after_a_long_event_name_signs() -> None:
    # a committee named after a long event ("第三届全省职工职业技能大赛组委会", thirteen characters before 组委会) still signs
    parsed = page("第03版：公告", "参赛须知", "　　" + BODY, "第三届全省职工职业技能大赛组委会\n2021年5月6日",
                  "江州职工书屋开放", "　　" + BRIEF)
    assert [i.title for i in parsed.items] == ["参赛须知", "江州职工书屋开放"]


def test_a_headline_telling_of_a_committee_set_up_is_no_signer() -> None:
    # guard: "…成立…筹委会" reports a committee set up: a headline, not a signer
    parsed = page("第03版：综合", "全市职工运动会成立筹委会", "　　" + BRIEF)
    assert parsed.items[0].title == "全市职工运动会成立筹委会"


def test_a_notices_contact_row_above_its_signer_is_its_last_paragraph() -> None:
    # "咨询电话：…" between a notice's text and its signer over a date: a paragraph of the notice, no headline
    parsed = page("第03版：公告", "征文启事", "　　" + BODY, "　　咨询电话：0571-87654321",
                  "江州市总工会办公室\n2021年5月6日", "江州职工书屋开放", "　　" + BRIEF)
    assert [i.title for i in parsed.items] == ["征文启事", "江州职工书屋开放"]
    assert parsed.items[0].paragraphs[-1] == "咨询电话：0571-87654321"
    assert parsed.items[0].trailer == ("江州市总工会办公室", "2021年5月6日")


def test_a_phone_row_right_over_a_lead_stays_its_title() -> None:
    # guard: a row ending in a number right above a 本报讯 lead is no contact row of the text before: it heads that story
    parsed = page("第03版：服务", "征文启事", "　　" + BODY, "全省职工服务热线：12351", "　　" + BRIEF)
    assert [i.title for i in parsed.items] == ["征文启事", "全省职工服务热线：12351"]
