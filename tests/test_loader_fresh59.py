"""Rules from the sixtieth held-out batch (tests/heldout/fresh59): a reader's letter signed, on the line under its text, by
a group that names no person ("place　一群女工"). The inputs differ from the batch's pages."""

from __future__ import annotations

from loader_pages import page

LETTER = "　　编辑同志：\n　　我们车间的饮水机坏了半个多月，向后勤报修了几次都说“等配件”。天气热了，希望厂里早点修好。\n"
NEXT = "　　我是一家纺织厂的挡车工。厂工会今年办起了职工夜校，我报名学了电脑，现在能帮班组做报表了。\n佛山　梁小燕"


def test_a_letter_signed_by_a_group_keeps_its_signature() -> None:
    # "江门　几位老职工" (a place, then a count word and whom it counts) signs the letter above it, as a body's
    # "…全体职工" does: the letter's trailer, not the next letter's kicker and not an honours-list row
    for signer in ("江门　几位老职工", "肇庆　一群快递员", "部分农民工"):
        parsed = page("第6版：读者来信", "车间饮水机该修了", LETTER + signer, "夜校让我换了个活法", NEXT)
        assert [(i.kicker, i.title) for i in parsed.items] == [(None, "车间饮水机该修了"), (None, "夜校让我换了个活法")]
        assert parsed.items[0].trailer == (signer,)
        assert len(parsed.items[0].paragraphs) == 2


def test_a_headline_about_a_group_after_a_letter_still_titles_the_next_piece() -> None:
    # guard: a title that tells of a group ("一群快递员的“暖心驿站”", more than a count word and whom it counts) is no
    # signature: it heads the piece under it
    parsed = page("第6版：读者来信", "车间饮水机该修了", LETTER + "江门　何　平", "一群快递员的“暖心驿站”", NEXT)
    assert [i.title for i in parsed.items] == ["车间饮水机该修了", "一群快递员的“暖心驿站”"]
    assert parsed.items[0].trailer == ()
