"""Rules from the sixty-fourth held-out batch (tests/heldout/fresh63, ordinary pages nobody aimed at the loader; its first
run scored 1.0 in every column). One rule for a miss the scorer does not see: an unsigned piece under a commentary label
(短评, 快评, 时评, 编后…) printed over its title is a commentary, not a news article. The rule has a test that failed
before it and a guard (a near-miss it must not fire on). The inputs differ from the batch's pages."""

from __future__ import annotations

from loader_pages import BODY, page

MASTHEAD = "江州工人报　2009年5月12日　第2版　综合新闻"


def test_an_unsigned_piece_under_a_commentary_label_is_a_commentary() -> None:
    # "快　评" (any of the labels: 短评, 时评, 编后, bracketed or padded) over the title: the paper's comment, unsigned
    for label in ("快　评", "【时评】", "短评"):
        parsed = page(MASTHEAD, "江州千名农民工拿到欠薪", "　　本报讯　" + BODY, label, "讨薪不该这么难",
                      "　　拖欠农民工工资，损害的不只是一个个家庭。" + BODY, "　　" + BODY)
        assert [i.title for i in parsed.items] == ["江州千名农民工拿到欠薪", "讨薪不该这么难"]
        assert parsed.items[1].column is not None
        assert parsed.items[1].kind == "commentary"


def test_a_piece_under_another_column_label_stays_an_article() -> None:
    # guard: a service column (工会律师说法, 维权在线) over a reported piece names the column, not an opinion genre
    parsed = page(MASTHEAD, "维权在线", "加班费能不能打包进工资", "本报记者　张　鹏", "　　小王在一家公司上班。" + BODY,
                  "　　" + BODY)
    assert parsed.items[0].column == "维权在线"
    assert parsed.items[0].kind == "article"
