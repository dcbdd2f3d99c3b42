"""Rules from the seventieth held-out batch (tests/heldout/fresh69: a check of fresh67's and fresh68's rules in other
surface forms). A story's headline run in before its text may be printed in any of the heavy bracket pairs a page sets a
headline in — 【】, 〖〗, ［］ (or the ASCII [] it folds to) and 〔〕 — each pair closed by its own kind. Each rule has a test
that failed before it and a guard (a near-miss it must not fire on). The inputs differ from the batch's pages."""

from __future__ import annotations

import pytest

from loader_pages import BODY, page

MASTHEAD = "河北工人报　2015年8月4日　第3版　综合新闻"


@pytest.mark.parametrize(("line", "title"), [
    ("〔沧州建成首批户外劳动者驿站〕本报讯（记者　齐　悦）8月3日，沧州市首批30个户外劳动者驿站投入使用。",
     "沧州建成首批户外劳动者驿站"),
    ("［廊坊职工夜校开课］8月2日，廊坊市总工会举办的夜校迎来首批学员，300余名职工报名参加学习。",
     "廊坊职工夜校开课"),
    ("[衡水百名工匠进车间]　新华社衡水8月3日电　衡水市百名工匠日前走进企业车间，现场传授操作技艺。",
     "衡水百名工匠进车间"),
])
def test_a_headline_in_square_or_tortoise_shell_brackets_run_into_the_text_heads_a_story(line: str, title: str) -> None:
    parsed = page(MASTHEAD, "邯郸开展职工技能比武", "　　本报讯　" + BODY, "　　" + line, "　　" + BODY)
    assert [i.title for i in parsed.items] == ["邯郸开展职工技能比武", title]
    assert len(parsed.items[1].paragraphs) == 2


@pytest.mark.parametrize("line", ["〔2015〕12号文件明确，各级工会要把服务新就业形态劳动者作为重点，年内全覆盖。",
                                  "［扩面］今年以来，全市新增工会会员两万余人，覆盖了一批新就业形态劳动者。",
                                  "〔廊坊职工夜校开课］8月2日，廊坊市总工会职工夜校开课，首期300余名职工报名参加学习。"])
def test_a_number_a_short_label_or_an_unpaired_bracket_opens_a_paragraph(line: str) -> None:
    # guard: a document number (〔2015〕), a short lead-in label (［扩面］) or brackets of two kinds is no headline
    parsed = page(MASTHEAD, "邯郸开展职工技能比武", "　　本报讯　" + BODY, "　　" + line)
    assert [i.title for i in parsed.items] == ["邯郸开展职工技能比武"]
