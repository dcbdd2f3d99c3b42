"""The loader on the second held-out set (tests/heldout) and the fresh batches: floors per set and per
failure class, the keys checked against their pages. The seeds are held at 1.0 by tests/test_golden_keys.py."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HELDOUT = Path(__file__).resolve().parent / "heldout"
SETS = ("heldout", "fresh")
# what the loader reaches on these pages, rounded down a little (tests/heldout/SCORES.md)
FLOORS = {"title_f1": 0.97, "body_bounds": 0.97, "paragraphs": 0.97, "byline": 0.97, "subtitle": 0.95}
KICKER_FLOOR = 0.85  # set 2 only: the fresh pages print no kicker
CLASS_TITLE_F1_FLOOR = 0.9


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HELDOUT / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Exported = dict[tuple[Path, bool], list[dict[str, Any]]]
Batches = dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def exported() -> Exported:
    score = _module("score")
    # every set this module scores, exported side by side once (tests/heldout/score.py export_all)
    return score.export_all(score.export_request(name, False) for name in (*SETS, *BATCHES))


@pytest.fixture(scope="module")
def results(exported: Exported) -> dict[str, dict[str, Any]]:
    score = _module("score")
    return {name: score.run_set(name, tags=False, verbose=True, exported=exported) for name in SETS}


def test_set_two_covers_every_failure_class() -> None:
    keys = _module("score").load_keys(HELDOUT / "keys", None)
    assert len(keys) >= 10
    classes = {str(c) for key in keys.values() for item in key["articles"] for c in item.get("classes") or []}
    assert {str(n) for n in range(1, 13)} <= classes


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_overall_floor(results: dict[str, dict[str, Any]], name: str, metric: str) -> None:
    result = results[name]
    assert float(result["overall"][metric]) >= FLOORS[metric], (result["overall"], result["misses"])


def test_kickers_of_set_two(results: dict[str, dict[str, Any]]) -> None:
    assert float(results["heldout"]["overall"]["kicker"]) >= KICKER_FLOOR


@pytest.mark.parametrize("name", SETS)
def test_every_fragment_is_attached(results: dict[str, dict[str, Any]], name: str) -> None:
    done, total = results[name]["overall"]["fragments"].split("/")
    assert int(total) >= 1 and done == total, results[name]["misses"]


def test_title_f1_floor_per_failure_class(results: dict[str, dict[str, Any]]) -> None:
    classes = results["heldout"]["classes"]
    assert {str(n) for n in range(1, 13)} <= set(classes)
    low = {cls: res["title_f1"] for cls, res in classes.items() if float(res["title_f1"]) < CLASS_TITLE_F1_FLOOR}
    assert not low, low


@pytest.mark.parametrize("name", SETS)
def test_roles_labels_pages_and_missing_openings(results: dict[str, dict[str, Any]], name: str) -> None:
    extra = results[name]["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 15 and roles_right >= 0.95 * roles_total
    assert extra["starts_incomplete"]["fp"] == 0 and extra["starts_incomplete"]["fn"] == 0
    for check in ("title_labels", "page_numbers", "page_names", "stitched_across_pages"):
        right, total = extra[check]
        assert right == total, (check, extra[check])
    if name == "heldout":
        assert extra["starts_incomplete"]["tp"] == 2
        assert all(extra[check][1] > 0 for check in ("title_labels", "stitched_across_pages"))


# the third batch (tests/heldout/fresh2): what the loader reaches after its fixes, rounded down a little
FRESH2_FLOORS = {"title_f1": 0.97, "body_bounds": 0.97, "paragraphs": 0.97, "byline": 0.97, "subtitle": 0.95,
                 "kicker": 0.95}


@pytest.fixture(scope="module")
def fresh2(batches: Batches) -> dict[str, Any]:
    return batches["fresh2"]


def test_third_batch_stitches_both_halves_and_keeps_roles(fresh2: dict[str, Any]) -> None:
    extra = fresh2["extra"]
    assert extra["stitched_across_pages"] == [2, 2]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 10 and roles_right == roles_total
    assert extra["page_numbers"][0] == extra["page_numbers"][1] == 7


# the fourth batch (tests/heldout/fresh3, one page GBK with CRLF): what the loader reaches after its fixes
FRESH3_FLOORS = {"title_f1": 0.97, "body_bounds": 0.97, "paragraphs": 0.97, "byline": 0.97, "subtitle": 0.95,
                 "kicker": 0.95}
FRESH3_CLASS_TITLE_F1_FLOOR = 0.9


@pytest.fixture(scope="module")
def fresh3(batches: Batches) -> dict[str, Any]:
    return batches["fresh3"]


def test_fourth_batch_extras(fresh3: dict[str, Any]) -> None:
    extra = fresh3["extra"]
    assert extra["stitched_across_pages"] == [1, 1]
    assert extra["starts_incomplete"] == {"tp": 1, "fp": 0, "fn": 0}
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 15 and roles_right == roles_total
    assert extra["page_numbers"] == [9, 9] and extra["page_names"] == [9, 9]


# the fifth batch (tests/heldout/fresh4: a provincial issue over two pages, a 专版, a page with no blank lines,
# a feature continued on page 8): what the loader reaches after its fixes, rounded down a little. The kicker
# is held lower: one of its two kickers (退休不褪色, over a bodiless headline) is read as a banner.
FRESH4_FLOORS = {"title_f1": 0.97, "body_bounds": 0.97, "paragraphs": 0.97, "byline": 0.97, "subtitle": 0.95,
                 "kicker": 0.5}
FRESH4_CLASS_TITLE_F1_FLOOR = 0.9


@pytest.fixture(scope="module")
def fresh4(batches: Batches) -> dict[str, Any]:
    return batches["fresh4"]


def test_fifth_batch_extras(fresh4: dict[str, Any]) -> None:
    extra = fresh4["extra"]
    assert extra["stitched_across_pages"] == [2, 2]
    assert extra["starts_incomplete"] == {"tp": 0, "fp": 0, "fn": 0}
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 15 and roles_right == roles_total
    assert extra["page_numbers"][0] == extra["page_numbers"][1] >= 8
    assert extra["page_names"][0] == extra["page_names"][1]
    done, total = fresh4["overall"]["fragments"].split("/")
    assert int(total) >= 1 and done == total, fresh4["misses"]


# the sixth batch (tests/heldout/fresh5: a 地市 paper over pages 1 and 3, a ▲ 短讯 box, a 专访, a feature with colon
# crossheads, a photo page, BOM/CRLF and UTF-16 pages, a 圆桌对话, and two pages written after the fixes): what the
# loader reaches now, rounded down a little. Held below 1.0: a one-line bodiless headline right above the next
# title is read as its kicker (its text then runs on in that story). (A box label over figure rows and 本刊评论员
# printed above a title were fixed with the seventh batch: 0.947 -> 0.982.)
FRESH5_FLOORS = {"title_f1": 0.97, "body_bounds": 0.97, "paragraphs": 0.95, "byline": 0.99, "subtitle": 0.95}
FRESH5_CLASS_TITLE_F1_FLOOR = 0.5  # class 7: the bodiless headline read as a kicker (one of two)


@pytest.fixture(scope="module")
def fresh5(batches: Batches) -> dict[str, Any]:
    return batches["fresh5"]


def test_sixth_batch_extras(fresh5: dict[str, Any]) -> None:
    extra = fresh5["extra"]
    assert extra["stitched_across_pages"] == [1, 1]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 25 and roles_right == roles_total
    assert extra["page_numbers"][0] == extra["page_numbers"][1] >= 11
    assert extra["page_names"][0] == extra["page_names"][1]


# the seventh batch (tests/heldout/fresh6: a 版 line at the foot, two ——subtitles, full-width jump digits and a
# reprinted title that differs, 讣告/公告 signed by a body and a date, a 专版 sponsor line, a 【数读】 box, 短评, an
# 编者按 after a signed letter, 「」 quotes, 新华社记者 credits after captions, a six-brief 简讯 column): first run
# 0.816; after the general fixes every column is 1.0. Floors sit a little below.
FRESH6_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}


@pytest.fixture(scope="module")
def fresh6(batches: Batches) -> dict[str, Any]:
    return batches["fresh6"]


def test_seventh_batch_extras(fresh6: dict[str, Any]) -> None:
    extra = fresh6["extra"]
    assert extra["stitched_across_pages"] == [1, 1]  # under a reprinted title that drops its first words
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 18 and roles_right == roles_total
    assert extra["page_numbers"][0] == extra["page_numbers"][1] >= 8
    assert extra["page_names"][0] == extra["page_names"][1]


# the eighth batch (tests/heldout/fresh7: hard-wrapped lines at a fixed width, no blank lines with ASCII-space
# indents, 【】 headlines, 【place】-tagged briefs, a 人物档案 box, a 大事记 of dated rows, ■问：/答： and Q：/A： turns,
# 图为 captions with three credit forms, a date only in a masthead printed over three lines with A1/A2 pages and
# （紧接第1版）): first run 0.913 on eight pages; after the general fixes every column is 1.0, and the post-fix check
# page (2026-07-10_07) scored 1.0 on its first run. Floors sit a little below.
FRESH7_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}


@pytest.fixture(scope="module")
def fresh7(batches: Batches) -> dict[str, Any]:
    return batches["fresh7"]


def test_eighth_batch_extras(fresh7: dict[str, Any]) -> None:
    extra = fresh7["extra"]
    assert extra["stitched_across_pages"] == [1, 1]  # （紧接第1版） on a page dated only by its masthead
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 22 and roles_right == roles_total
    assert extra["page_numbers"][0] == extra["page_numbers"][1] >= 9  # A1/A2 read as pages 1 and 2
    assert extra["page_names"][0] == extra["page_names"][1]


# the ninth batch (tests/heldout/fresh8: classes of issue 14 in new combinations and places — a 【】 banner over a
# three-line stack with no —— at the top of a front page, a story's tail after a briefs column at the page foot, an
# honours list at the foot, a missing opening at the top, a question-and-answer headline with a note over a ——subtitle,
# 摄影 / 图①…摄　图②…摄 / name/文　name/图 credits): first run 0.909 on eight pages; after the general fixes every
# column is 1.0. The post-fix check page (2026-08-12_03) scored 0.857 on its first run (an interview's title read as a
# crosshead of the untitled half above it; 文并摄) and 1.0 after two more rules. Floors sit a little below.
FRESH8_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                 "subtitle": 0.98}


@pytest.fixture(scope="module")
def fresh8(batches: Batches) -> dict[str, Any]:
    return batches["fresh8"]


def test_ninth_batch_extras(fresh8: dict[str, Any]) -> None:
    assert fresh8["overall"]["fragments"] == "1/1"  # the tail after the briefs column went back to its story
    extra = fresh8["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 27 and roles_right == roles_total  # 本报特约通讯员, 本报首席记者, 文/图 roles as printed
    assert extra["starts_incomplete"] == {"tp": 1, "fp": 0, "fn": 0}
    assert extra["title_labels"] == [1, 1]  # the untitled （上接第1版） half at the top of a page
    assert extra["page_numbers"][0] == extra["page_numbers"][1] >= 9


# the tenth batch (tests/heldout/fresh9: plain, common 工人日报 layouts — a 要闻 front page, a 工会新闻 page, a 区域 page,
# a 综合新闻 page with a photo, a 维权 page): first run 0.941 title F1 (two comma titles over a byline line read as
# running text: one ending on 了 at the page top, one opening "岗位在身边，" after a story); 1.0 after. Floors a little below.
FRESH9_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                 "subtitle": 0.98}


@pytest.fixture(scope="module")
def fresh9(batches: Batches) -> dict[str, Any]:
    return batches["fresh9"]


def test_tenth_batch_extras(fresh9: dict[str, Any]) -> None:
    extra = fresh9["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 20 and roles_right == roles_total  # 本报实习生 and two roles on one byline line
    assert extra["page_numbers"][0] == extra["page_numbers"][1] >= 5


# the eleventh batch (tests/heldout/fresh10: issue 14's classes in new combinations — a series line over a slogan kicker,
# an issuing body + 命名 over an honours list, an 编者按： run-in under a 本报评论员 line, a column name under a title, a
# （name） signature line, a 组图： credit, a title + ——subtitle whose text opens mid-word, a story's tail after an
# unrelated interview, and the one-line bodiless headline over the next story's title): first run 0.87 title F1; 1.0
# after on every column. Floors a little below.
FRESH10_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}


@pytest.fixture(scope="module")
def fresh10(batches: Batches) -> dict[str, Any]:
    return batches["fresh10"]


# the twelfth batch (tests/heldout/fresh11: other labour papers and page types — a provincial front page with a
# paper-name 讯 lead and a paper-name 记者 credit, a 人民日报 web copy with a trailing 本报记者 line and a bracketed footer,
# ◆ run-in briefs, a 理论 essay with two levels of numbered crossheads and （作者：…）, a 副刊 poem under a padded title
# and a bare author line, a 专刊 with a 安全小贴士 box, a photo page, a 读者来信 with 此致/敬礼, a date line and 记者回访):
# first run 0.868 title F1; 1.0 on every column after the general fixes. The post-fix check page (2026-10-20_04) scored
# 0.75 on its first run (a letter's title over 编辑同志： read as a crosshead of the box above; 读者：name) and 1.0 after two
# more rules. Floors a little below.
FRESH11_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}


@pytest.fixture(scope="module")
def fresh11(batches: Batches) -> dict[str, Any]:
    return batches["fresh11"]


def test_eleventh_batch_fresh10_extras(fresh10: dict[str, Any]) -> None:
    # the bodiless headline's text (printed after the next story with its own lead) and the tail printed after
    # the interview went back to their stories
    assert fresh10["overall"]["fragments"] == "2/2"
    extra = fresh10["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 26 and roles_right == roles_total  # 见习记者, 本报通讯员, 特约记者, 本报特约记者 as printed
    assert extra["starts_incomplete"] == {"tp": 1, "fp": 0, "fn": 0}
    assert extra["title_labels"] == [1, 1]  # the untitled half whose （上接第1版） is glued to its first paragraph
    assert extra["stitched_across_pages"] == [1, 1]
    assert extra["page_numbers"][0] == extra["page_numbers"][1] >= 8


def test_twelfth_batch_extras(fresh11: dict[str, Any]) -> None:
    extra = fresh11["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 21 and roles_right == roles_total  # 楚天工人报记者, 读者, 本报记者 after a letter
    assert extra["page_numbers"][0] == extra["page_numbers"][1] == 9  # one page numbered only by its footer
    assert extra["page_names"][0] == extra["page_names"][1]


# fresh12 (the thirteenth batch: five ordinary pages — 要闻 with a jump, 经济 with the stitched half and briefs, 区域,
# 工会新闻, 评论): first run title F1 1.0, kicker 0.5 (a short kicker over a plain subtitle and a place-and-colon kicker
# read as column banners); 1.0 on every column after two rules. Floors a little below.
FRESH12_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98,
                  "kicker": 0.98}


@pytest.fixture(scope="module")
def fresh12(batches: Batches) -> dict[str, Any]:
    return batches["fresh12"]


def test_thirteenth_batch_extras(fresh12: dict[str, Any]) -> None:
    extra = fresh12["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 17 and roles_right == roles_total  # 见习记者, 本报通讯员, 本报评论员 as printed
    assert extra["stitched_across_pages"] == [1, 1]  # the front page's jump, stitched from page 2
    assert extra["page_numbers"][0] == extra["page_numbers"][1] == 5
    assert extra["page_names"][0] == extra["page_names"][1] == 5


# fresh13 (the fourteenth batch: 国际 with agency datelines, 服务 with 问/答 and a numbered list, a 区县专版 with ◇ run-in
# briefs, a 学习 page with no blank lines, 文体 with a 文｜ author line and a poem): first run title F1 0.8; 1.0 on every
# column after the general rules of this batch; the post-fix check page 1.0 on titles, one paragraph miss (a list under a
# colon), fixed. Floors a little below.
FRESH13_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98,
                  "kicker": 0.98}


@pytest.fixture(scope="module")
def fresh13(batches: Batches) -> dict[str, Any]:
    return batches["fresh13"]


def test_fourteenth_batch_extras(fresh13: dict[str, Any]) -> None:
    extra = fresh13["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 11 and roles_right == roles_total  # 本报驻柏林记者, 记者 in a 新华社 lead, 通讯员 × 2
    assert extra["page_numbers"][0] == extra["page_numbers"][1] == 6
    assert extra["page_names"][0] == extra["page_names"][1] == 6


# fresh14 (the fifteenth batch: banners over spaced kickers, two stitched halves one with no headline, 组图 credits, 编者按
# and letters, a lost opening, round-ups with no dateline): first run title F1 0.926; the post-fix check page 3 of 5 titles;
# 1.0 on every column after the general rules of this batch (the lost opening after a byline line is still not marked
# starts_incomplete). Floors a little below.
FRESH14_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98,
                  "kicker": 0.98}


@pytest.fixture(scope="module")
def fresh14(batches: Batches) -> dict[str, Any]:
    return batches["fresh14"]


def test_fifteenth_batch_extras(fresh14: dict[str, Any]) -> None:
    extra = fresh14["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 28 and roles_right == roles_total  # 本报实习生, 实习生, 见习记者, 读者, 网友 as printed
    assert extra["stitched_across_pages"] == [2, 2]  # one half under its reprinted title, one under a bare marker
    assert extra["page_numbers"][0] == extra["page_numbers"][1] == 10
    assert extra["page_names"][0] == extra["page_names"][1] == 10


# fresh15 (the sixteenth batch: a stack jumping to page 3 with the marker glued to the half's text, 问　/答　 turns, a provincial
# page with unbracketed leads, ● briefs with no blank lines, 理论 with an 编者按 and a column-broken paragraph, 副刊 signed at the
# end and a poem with （外一首）, odd photo credits): first run title F1 1.0 (byline 0.792, kicker 0.667, paragraphs 0.917); after
# the general rules of this batch 1.0 on every column; the post-fix check page 7 of 7 on its first run. Floors a little below.
FRESH15_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98,
                  "kicker": 0.98}


@pytest.fixture(scope="module")
def fresh15(batches: Batches) -> dict[str, Any]:
    return batches["fresh15"]


def test_sixteenth_batch_extras(fresh15: dict[str, Any]) -> None:
    extra = fresh15["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= 24 and roles_right == roles_total  # 江州日报记者, 潭州晚报记者, 特约通讯员, 本报九江讯's 通讯员
    assert extra["stitched_across_pages"] == [1, 1]  # the front page's jump, stitched from page 3
    assert extra["page_numbers"][0] == extra["page_numbers"][1] == 8
    assert extra["page_names"][0] == extra["page_names"][1] == 8


# fresh16 (the seventeenth batch: a front page with a 导读 box and a jump to page 2, ▲ run-in 简讯 under a padded label, a 国际
# page of foreign wire datelines, a 职工文苑 page with a unit　name sign-off, an 编后 note and a poem, 律师解答 run-in turns and a
# letter with its reply, a 专版 with one banner repeated above each item): first run title F1 0.837 (byline 0.889, roles 15/16);
# after the general rules of this batch 1.0 on every column; the post-fix check page 5 of 6 on its first run, 6 of 6 after one
# more rule. Floors a little below (no item has a kicker: the kicker column, 0.0 when nothing is scored, is left out).
FRESH16_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}


# fresh17 (the eighteenth batch: a 人民日报-style front page with 【】 labels and two jumps to page 2 under reprinted titles, a photo
# page of odd credits, a 工会工作 feature with crossheads and a 链接 sidebar, a 【背景】 box, a 读者来信 page with a bracketed signature,
# a collective's letter over a date and an 编辑的话 note signed ——编　者): first run title F1 0.889 (body bounds 0.906, paragraphs
# 0.938, byline 0.875, roles 16/18); after five general rules 1.0 on every column. Floors a little below.
FRESH17_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}


# fresh18 (the nineteenth batch: a front page with a kicker holding a space over a subtitle with no ——, a column break inside a
# paragraph and an 评论员文章 signed by the paper; a 人物 feature with colon crossheads jumping from page 4 to page 5; a 经济 page with a
# 数读 box; 法治 with ■案例/■裁判 boxes and 律师说法; 副刊 with a poem signed at its end; 职工文体 with results lines under a colon and
# run-in briefs with no bullet; ● briefs signed with a role and odd spacing): first run title F1 0.83 (body bounds 0.909, paragraphs
# 0.909, byline 0.909, roles 18/20); after five general rules 1.0 on every column; the post-fix check page 6 of 6 on its first run.
FRESH18_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}


# fresh19 (the twentieth batch: a provincial front page in half-width punctuation and ASCII quotes with a 【基层动态】 label over
# briefs; a 理论 essay with 一、 and （一） crossheads and （作者单位：…）; a 时评 page of three pieces, two signed after their text; a
# feature under a series label and a 开栏的话 run-in; a photo page with ①②③ captions sharing one credit and a 文/图 credit; a 读者来信
# with a 【编者附言】 after its signature and a 征文启事 signed by the paper; an obituary news item): first run title F1 0.902 (body
# bounds 0.913, paragraphs 0.87, byline 0.87, roles 12/16); after six general rules 1.0 on every column; the post-fix check page 5 of
# 5 on its first run.
FRESH19_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}


# fresh20 (the twenty-first batch: a dated 讯 lead with no place and a （转第3版） jump to an untitled （接第1版） half, 记者手记 and
# 相关链接/新闻链接 boxes inside stories, a 招聘公告 with （一） clauses, padded 声　明/更　正 notices, a table printed as lines, a page
# hard-wrapped at 18 characters headlines included, a 专题 page with one banner, a 组诗 and a 公益广告 block, named speakers and
# a 【短评】 label glued to its title): first run title F1 0.739 (P 0.708, R 0.773; body bounds 0.794, paragraphs 0.588, byline
# 0.882, roles 15/20); after eight general rules 1.0 on every column; the post-fix check page 4 of 4 titles but two extra items
# (title P 4/6, body bounds 4/8, roles 2/3) on its first run, 1.0 after three more rules. Floors a little below (the kicker
# column is left out: no item reads with a kicker).
FRESH20_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}


# fresh21 (the twenty-second batch: pages as archive exports give them — a PDF export broken at the column width, a markdown
# export with ## headlines and a # 版 line, literal 引题：/主题：/副题：/作者：/来源： labels, items parted by ------ lines with
# bylines at the end, a digest of 标题：正文 items, a Hong Kong union paper in traditional characters, ASCII punctuation with
# numbered headlines): first run title F1 0.353 (P 0.429, R 0.3; body bounds 0.944, paragraphs 0.889, byline 0.889, roles
# 13/22); after seven general rules 1.0 on every column; the post-fix check page 4 of 5 titles on its first run (a stack
# labelled 【引题】/【标题】/【副题】), 1.0 after one more rule. Floors a little below.
FRESH21_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}


# fresh22 (the twenty-third batch: seven ordinary pages — a 工人日报 day in the seeds' plain-text shape, 要闻 with a stack and a
# jump to page 2, 新闻 with five stories and a 短评, 法治, a photo page — and two provincial 工人报, 四川 with 工会工作 and a page
# of briefs printed with no blank line, 江苏 with a 副刊 essay and poem): first run title F1 0.903 (28 of 31; every other column
# 1.0, roles 32/32), the three misses two-line headlines read the wrong way round; after three general rules 1.0 on every
# column; the post-fix check page 5 of 5 (1.0 on every column) on its first run. Floors a little below.
FRESH22_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}


# fresh23 (the twenty-fourth batch: seven ordinary pages of older years — two pages OCR'd from microfilm, hard-broken at a fixed
# width with running heads and 版 headers mid-page, one inside a paragraph; a 1990s front page with 本报讯　记者name报道：, glued
# 本报记者name, 新华社…电 and 本报评论员; a 理论 page of four commentaries under 　□name/　○name lines with 作者单位 trailers; a 河南工人日报
# 地方 page; a 特别报道 feature with crossheads and an interview; a 简讯 column of □ run-in briefs): first run title F1 0.951 (P
# 0.935, R 0.967; body bounds 0.914, paragraphs 0.966, byline 0.931, kicker 0.667, roles 22/24); after six general rules 1.0 on
# every column; the post-fix check page 5 of 5 (1.0 on every column) on its first run. Floors a little below.
FRESH23_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh24 (the twenty-fifth batch: seven ordinary pages with the hard things mixed in — a 工人日报 day in the seeds' shape whose
# front page has a series banner over a three-line stack with no —— and two byline lines and jumps to page 2 (an interview with
# 记者: questions, a paragraph printed twice), a photo page with a 组图 and a 综合 page; 湖南工人报 opening mid-word, with an
# honours list after a stack; 山西工人报 劳动者之歌 with series lines above and under titles and an 编者按, 维权 with a title
# ending in （以案说法）): first run title F1 0.982 (27 of 28; every other column 1.0, roles 31/31), the miss the text opening a
# page mid-word (exported as a fragment); after two general rules 1.0 on every column; the post-fix check page 5 of 5 (1.0 on
# every column) on its first run. Floors a little below.
FRESH24_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh25 (the twenty-sixth batch: six pages as pdftotext or a PDF viewer's copy gives them — lines hard-broken at 11-14
# characters inside headlines and paragraphs, paragraphs marked by two U+3000, two spaces or a blank line, page furniture at top
# or foot, a 数据 box and a list box of label + figure lines, a photo credit wrapped onto two lines, a 工人日报 front page jumping
# to page 2, 江西工人报): first run title F1 0.279 (6 of 18; body bounds 0.833, paragraphs 0.333, kicker 0.0, subtitle 0.0,
# roles 19/20, stitched 0/1) — nearly every headline broken over lines was cut in two; after four general rules 0.944, after
# a fifth (and one found by the post-fix check page, whose first run had 4 of 4 titles and its ——subtitle cut) 1.0 on every
# column but kicker (0.75: the topic line 冬季送温暖 over a title is read as a column — open). Floors a little below.
FRESH25_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.7, "subtitle": 0.98}
# fresh26 (the twenty-seventh batch: seven ordinary pages from the sections the earlier batches use least — a 视点 investigation
# with a 阅读提示 box, quoted crossheads and 记者手记/相关链接 boxes, 职工生活 with 读者问/律师答 turns, 工会新闻 with a 工会工作动态
# column of short items, 文化 with a figure kicker and a review signed at its end, 国际 with 新华社 and 本报驻外记者 datelines, 人物
# with a ——记 profile and a pull-quote line, a 江西工人报 front page with a masthead, a 导读 box and a 本报评论员 editorial): first
# run title F1 0.933 (28 of 30; body bounds 0.964, paragraphs 0.893, byline 0.964, kicker 0.75, roles 27/29); after five
# general rules 1.0 on every column; the post-fix check page 6 of 6 (1.0 on every column) on its first run. Floors a little
# below.
FRESH26_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh27 (the twenty-eighth batch: six ordinary 1988–2012 pages as an archive's OCR gives them, with character-level noise —
# —— read as 一一 or --, lead brackets mis-read as 〈 or > or lost, · in names read as . or •, a stray |/丨/■ line, a headline with a
# stray full stop, 摄 set apart by spaces, half-width punctuation mixed in): first run title F1 0.683 (14 of 20; body bounds 0.893,
# paragraphs 0.929, byline 0.786, kicker 0.5, roles 14/21). After six
# general rules 1.0 on every column; the post-fix check page 5 of 5 titles on its first run (its brief's sign-off after a
# half-width stop was missed; a seventh rule fixed it). Floors a little below.
FRESH27_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh28 (the twenty-ninth batch: six pages as a reader copies them from a newspaper's 数字报 or a news website — 上一版/下一版,
# 上一篇/下一篇, 【字号 大 中 小】/打印本页/关闭窗口, 分享到：, 发布时间：/来源：/作者： lines, a title list (目录) before the articles, a
# 版面导航 list of the issue's 版 lines, a breadcrumb, a 相关新闻 list, a 《工人日报》（date 03版） footer, an ISO-dated header, a
# jump to page 2): first run title F1 0.462 (P 0.36, R 0.643; 9 of 14 titles, 25 items exported; body bounds 0.667, paragraphs
# 0.556, byline 0.667, kicker 0.667, subtitle 0.667, roles 14/20, page names 4/6, stitched 1/1). After six general rules 0.929
# (13 of 14) and 1.0 on every other column; the post-fix check page 3 of 3 (1.0 on every column) on its first run. The open
# kicker "“一老一小”难题如何破解" (no ——) over a title, read as one title over two lines (title F1 0.941, classes 1 and 4 at 0.8
# and 0.75), was fixed in the thirty-third batch's work (a question word before the last verb closes the line; a short
# question over a line stating news is kicker + title): 1.0 on every column and class, floors raised to 0.98 and 0.95.
FRESH28_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh29 (the thirtieth batch: seven ordinary pages varied in headline stacks — three-line stacks with and without ——, titles
# printed over two lines, titles with quotes, colons, question marks and figures, day·place and series-name kickers, a 专版
# banner, column labels above and under commentaries signed at their end, packed 简讯/快讯 runs of bare run-in briefs, photos
# with bracketed credits, a 1986 front page jumping to page 2, 甘肃/广西 工人报): first run title F1 0.73 (P 0.767, R 0.697; 23
# of 33; body bounds 0.935 — three misses were a keying slip, a bare 本报讯 keyed without lead: 本报讯, corrected with nothing else
# changed, after which the same code gives 1.0 — paragraphs 1.0, byline 1.0, kicker 0.8, roles 20/22). After two general rules
# (a packed run of bare run-in titles is a run of briefs; a day·place line over a longer line is the kicker) 0.896; the post-fix
# check page 5 of 5 (1.0 on every column) on its first run. Key correction: two series lines over a title (…系列报道之三,
# 劳动者之歌) were keyed kicker; every earlier key puts such a line in column, and so do these now. Two more rules (a title
# printed over two lines whose first line cannot end a headline is one title; of two short bare lines the column's name is
# the shorter) gave 1.0 on every column; the second check page (two-line titles) 4 of 5 titles on its first run (F1 0.727, a
# second line opening 将陆续… split off), fixed by a third rule (将 before an adverb wants the subject above). Final: 1.0 on
# every column over the nine pages, roles 29/29. Floors a little below.
FRESH29_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh31 (the thirty-second batch: five pages as pdftotext -layout prints a newspaper PDF — two or three columns side by
# side on the same text lines, headlines centred over two or three columns, a story running on from one column into the
# next — and a post-fix check page; the keys name cells of those lines, "12/2"). First run (main's loader, e8d7396):
# title F1 0.364 (P 0.444, R 0.308), body bounds 0.25, paragraphs 0.5, byline 0.25, kicker 0.667, subtitle 0.0, roles
# 2/13, page names 4/5. After loader/columns.py (the page read in column order before the parser): title F1 0.968, body
# bounds 0.967, paragraphs 0.933, byline 0.933, roles 15/16; the check page 3 of 3, 1.0 on every column on its first
# run. The open photo caption printed under a story's end in the same column (one blank line between), read as the
# story's picture, was fixed in the thirty-third batch's work (a dated caption credited to a photographer the story does
# not name is a photo of its own): 1.0 on every column (16 of 16 items), floors raised to 0.98. Per-class rows are not
# floored: a class slice takes the records touching an item's lines, and on a page in columns a line holds two items'
# pieces (the fix moved some class rows down for that reason: class 1 0.632 -> 0.6, 12 0.88 -> 0.846, spanhead 0.667 ->
# 0.632, while 5 and caption rose from 0.0 to 0.5). Not in BATCH_EXTRAS, which asks every role right: the scorer finds
# a key item's record by its first line, and 家政服务有了“职工标准”'s is line 4, shared with the headline beside it (15 of 16).
FRESH31_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh30 (the thirty-first batch: seven ordinary 2005–2019 pages of the sections a daily labour paper prints every day — a 要闻
# front page with a jump, a 短　评, a photo and a 导读 strip at its foot; 新闻·工会 printed with no blank lines, carrying the
# jump's half and a 工会动态 column; an 经济·劳动 深度 piece with crossheads, column breaks and a ■记者观察 box; 法治 with
# 【案情】【评析】 run-in labels and a 律师信箱 Q&A; 文化·副刊 with an essay signed at its end and a poem under its ◎poet line;
# 中原工人报 and 岭南工人报 pages): first run title F1 0.926 (25 of 27; body bounds 0.88, paragraphs 0.84, byline 0.92, kicker
# and subtitle 1.0, roles 27/28, stitched 0/1). After four general rules 0.963 (26 of 27) and 1.0 on every other column; the
# post-fix check page 4 of 4 (1.0 on every column) on its first run. The open 主题 printed over two lines under a short
# kicker on a page with no blank lines, read as kicker + title (the kicker as a column; classes 1 and provincial 0.857), was
# fixed in the thirty-third batch's work (a scope adverb opening a line wants the subject above it; a theme line over a
# title and subtitle is their kicker): 1.0 on every column and class, floors raised to 0.98 and 0.95. The same work reads
# the 经济·劳动 piece's crosshead 工人：收入涨了，开支更多 as the key has it (not scored: the key's crossheads are not).
FRESH30_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh32 (the thirty-third batch: one post-fix check page for the rules that closed the open misses of fresh28, fresh30 and
# fresh31 and the tagging round's two — a question kicker with no —— over a title stating news, labelled crossheads with no
# stop on a page with no indents, a theme kicker over a 主题 printed over two lines and a ——subtitle, a dated caption under a
# story's end credited to another photographer, a Q&A headed by its title alone, an unsigned commentary after a signed one),
# written and keyed after the rules and committed before the parser ran on it: 7 of 7 titles, 1.0 on every column and
# class, roles 4/4 on its first run. Floors a little below.
FRESH32_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh33 (the thirty-fourth batch: six older pages, 1956–1982, as a digitised archive gives them — 版 headers with the date
# written out (工人日报　一九六四年三月五日　星期四　第二版), 新华社十一日讯/新华社北京四日电 leads, 本报讯 stories signed at the end in
# brackets or after ——, 本报通讯员 lines under 通讯/报告文学 titles, 社论/评论员文章 labels, a 读者来信 with an 编者按 and the
# writer's unit, a 毛主席语录 box keyed as page furniture (like the 公益广告 block of fresh20), headlines with 、, ！ and full
# stops, 简讯 runs, traditional forms): first run (main at b316c2b) title F1 0.759 (22 of 29), body bounds 0.932, paragraphs
# 0.955, byline 0.955, kicker 0.5, subtitle 1.0, roles 7/11. After three general rules (a 版 header with the date written
# out is furniture; an older wire lead with the day in characters; a unit's name over what it did is one title) 0.897, body
# bounds 0.942, paragraphs 0.962, byline 0.923, roles 8/11. The post-fix check page f33-1963-05-14_02: 2 of 3 titles on its
# first run (a unit ending 区 was not in the rule's list). Then (issue 14, loadfix2) seven more general rules for the open
# misses: a quotation box (语录/最高指示 over its quotation) is page furniture; a bare 简讯 run vouches for a brief of one
# short sentence; a speaker：clause。 headline over a lead; ——role name and （新华社） glued to a story's end are credits and a
# ——role name line keeps its role; who issued what (…发出通知) over a title is its kicker; work-unit words 区/队/段/组/所/院/场
# over a deed make one title; 评论员文章 is a label. The seven pages: every metric 1.0, roles 12/12. A second post-fix check page
# (f33-1966-11-20_02, keyed and committed first) on its first run: 4 of 5 titles (…发出通知 over 切实… joined into one
# title), body bounds, paragraphs, byline 1.0, roles 2/2; after title_breaks learnt that who issued what is whole, 5 of 5.
# Floors a little below the final 1.0.
FRESH33_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh34 (the thirty-fifth batch: eight ordinary 2017–2025 pages by a new hand — a 深读 piece with a 导语 box, numbered
# crossheads, a 记者手记 and a 链接 box; a 人物 ——记 profile with pull quotes and a short profile signed at its end; 工会·维权
# cases with 【说法】/律师点评 and a hotline box on a page with no blank lines and no indents; a reader's question with a 温馨提示
# box; a survey with a 主题 over two lines, a figures box and a 制图 chart; 闽江工人报 and 塞上工人报 pages; a 视觉 page of
# three photos credited in three orders): first run (main at 60cd579) title F1 0.818 (18 of 22), body bounds 0.806,
# paragraphs 0.778, byline 0.778, kicker 0.75, subtitle 1.0, roles 19/21. After four general rules (导语 is a reading tip;
# 文/role name is a byline line and 图/文 role name a photo credit; 制图：name is a chart's credit; a share of people alone
# is the subject of the line under it) 0.909, body bounds, paragraphs and byline 0.9, kicker 0.8, roles 21/21. The post-fix
# check page f34-2023-06-06_05 (keyed and committed first): 4 of 4 titles and 1.0 on every column on its first run. Open
# (see README): pull-quote crossheads let the next piece's quoted title join a profile; a hotline box of label：value rows on
# a page with no blank lines; a padded sign-off name whose surname (海) the list lacks; a noun-phrase kicker with no —— over
# a place's news. Issue 14 fixed those four with general rules (a heading over text signed by a writer the story's byline
# line does not name titles that writer's piece; label：value rows giving numbers are a service box's entries; a bracketed
# two-character name padded with one U+3000 after the stop is a sign-off whatever its surname; a noun phrase …的“thing”
# over a line stating a deed is its kicker): title F1 1.0 (26 of 26), body bounds, paragraphs, byline and subtitle 1.0,
# kicker 0.833 (the 塞上工人报 kicker 岁末年初保安全 is still read as a column), roles 24/24; every other set unchanged.
# Floors a little below those scores; not floored per class (class provincial's kicker sits at 0.5).
FRESH34_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.8, "subtitle": 0.98}

# fresh35 (the thirty-sixth batch: five ordinary 2012–2022 pages by a new hand — a 要闻 front page with a kicker, title and
# ——subtitle, a 本报讯 story naming two roles and a 新华社 wire; a 工会新闻 page with no indents, a byline line, a brief signed
# （name）; an 经济 page with a blank line only between items; a 燕赵工人报 地方新闻 page; a 评论 page of three comments): first
# run (main at e13931a, keys committed in 35ed3e9) title F1 0.933 (14 of 15), body bounds, paragraphs, byline, kicker 1.0,
# subtitle 1.0 overall (class 1's 0.0: the front page's kicker 全国总工会部署推进, ending on an open verb, was joined to the
# title under it), roles 13/13. One general rule (an open verb that takes no clause over a line closing on its own
# predicate, …全面启动, is the 引题) brings the five pages to 1.0 on every column; the post-fix check page f35-2020-09-22_02
# (keyed and committed first, ff9ca9b): 2 of 2 titles and 1.0 on every column on its first run. Every other set unchanged.
FRESH35_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}

# fresh36 (the thirty-seventh batch: eight ordinary 2006–2023 pages by a new hand from the sections the earlier batches use
# least — 法治 with a 以案说法 question over two lines, 体育 with a three-line stack whose 记… subtitle has no —— and ● 简讯, 科教文卫
# printed in odd whitespace (ASCII-space and tab indents, names padded by two spaces, a spread-out 简  讯), 职工生活 with a
# 公　　告, a 文化周刊 story jumping from page 5 to page 7 where a 副刊 essay follows, 国际 with · names, a 专版 with a sponsor
# line): first run (main at 939c7bf, keys committed in 33102d8) title F1 0.844 (27 of 31), body bounds 0.981, paragraphs
# 0.963, byline 0.963, kicker and subtitle 1.0, roles 33/36, stitched 1/1. Five general rules (a line over a ——subtitle
# over a byline or lead heads that story; a lone telephone row after running text is a paragraph; a spread-out 简　讯 is a
# label, no name; a modal question line (能不能…, 能否…) completes the line above; a jumped half reprinting the head's
# slogan-shaped banner as its title makes it the title) bring the eight pages to 0.968 (30 of 31) and 1.0 on every other
# column, roles 36/36. The post-fix check page f36-2025-07-08_04 (keyed and committed first, fb7721d): 4 of 5 titles on
# its first run (能否认定为工伤, short enough for a banner, tied with the joined reading and lost), 1.0 on every other
# column; a sixth rule (a banner beside the title with which it makes one title is its other half) brings it to 5 of 5.
# Open then: 订单培养受企业青睐 over 职业院校毕业生成了“抢手货” (no ——) was read as title + subtitle where the key reads
# kicker + title; issue 14's 了-outcome row (headlines._outcome_as_subtitle, see tests/heldout/two-line-stacks.md) reads it
# as keyed, and every column and class is 1.0. Floors a little below the final scores, and per class from then on.
FRESH36_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh37 (the thirty-eighth batch: six 2018 pages in text forms conversion tools and copy-paste give — half-width ASCII
# punctuation throughout with (下转第3版); a word processor's copy with tabs as indents and between byline names, and the
# jump's half; an OCR program's TXT with CRLF, full-width digits and letters and form feeds between its scanned images;
# a word processor's plain text with one-line paragraphs under headlines parted by two blank lines; a web copy with
# ASCII-space indents; GB18030 with a name character GBK lacks): first run (main at 939c7bf, keys committed in c659789)
# title F1 0.949 (28 of 29), body bounds 0.982, paragraphs 0.964, byline 0.964, kicker 0.8, subtitle 1.0, roles 23/24.
# Four general rules (a masthead dated in full-width digits is furniture; a bracketed writer set apart from the last
# sentence by a gap signs it; an indented salutation over an indented line is a paragraph of its own; a short call
# 让…/为… over a longer line with no —— is the 引题) bring the six pages to 1.0 on every column, roles 24/24; the post-fix
# check page f37-2018-05-19_07 (GB18030, CRLF, tabs, full-width digits; keyed and committed first, 9ec9a66): 4 of 4
# titles and 1.0 on every column on its first run. A fifth rule, from a constructed page (form feeds are dropped before
# parsing, so one glued before an indent hides none), changes no score. Every other set unchanged.
FRESH37_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh39 (the fortieth batch: six pages of other labour and industry papers than 工人日报, 2008–2021, by a new hand — a city
# 工会 weekly with its 版名 on a line of its own and a ■ 快讯 run, a coal paper with a 记者站 lead, a 班组天地 story and 安全快讯,
# a 省总工会 paper in a newsletter style with a 〔2019〕 document number, numbered items and crossheads and a 通知, a company
# paper's pages 1 and 4 with a jump between them, ● titled briefs, a 征文 banner and a poem, an education paper's 教育工会
# page): first run (main at 42a6a0a, keys committed in 149d9b9) title F1 0.762 (24 of 30), body bounds 0.958, paragraphs
# 0.958, byline 0.917, kicker and subtitle 1.0, roles 15/18, page names 4/6, stitched 1/1. Eleven general rules (contact
# fields and more editor roles as furniture, an address line at the page's foot, a 版名 under a nameless 版 line, a first
# line paper name over its date line, 记者站 roles, a unit-and-writer lead bracket, a bullet before a title, a selection
# banner, a name（unit） author line, a document's 关于…的通知 heading and its addressees) bring the six pages to 0.967 (29 of
# 30) and 1.0 on every other column, roles 18/18, page names 6/6. The post-fix check page f39-2023-03-09_03 (keyed and
# committed first, 99ae5b3): 5 of 6 titles on its first run (a 征文选登 banner over the two-character title 道口 was read
# as the title under the column 道口), 1.0 on every other column; a twelfth rule (a selection banner is never a title or
# kicker) brings it to 6 of 6. Open: the weekly's 西湖区企业每月设一次“职工说事日” over 车间里的“烦心事”当场有了回音 (no ——)
# was read as title + subtitle where the key reads kicker + title (issue 14's 了-outcome row now reads it as keyed: title F1
# 1.0, every class 1.0); the newsletter's numbered items under 各地工作动态 are flagged starts-incomplete. Floors a little
# below the final scores, and per class from then on.
FRESH39_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}

# fresh40 (the forty-first batch: eight ordinary 工人日报 pages of 1996–2025 by a new hand — a 1996 要闻 front page with a
# 本报今日要目 box and its page 2 with a jump between them, 工会新闻 with 工会简讯, 劳动关系 with an interview and a case closed
# by a 记者手记, 经济 printed with no blank lines, 职工生活 with a 读者来信 under an 编者按 and a 问/答 explainer, 评论 with a
# cartoon, 文化·副刊 with an essay and a poem): first run (main at b17efda, keys committed in 14ef0f7) title F1 0.951 (29 of
# 30, 31 predicted), byline 0.931, every other column 1.0, roles 26/26, pages and page names 8/8, stitched 1/1. Four general
# rules (本报今日要目-style 导读/要目 labels, 本版责任编辑 as the page's editor, 漫画：/绘图：name credits, a noun-phrase kicker
# over a line of someone bringing a service somewhere) bring the eight pages to 1.0 on every column; the post-fix check page
# f40-2022-05-10_01 (keyed and committed first, 9edf280): 4 of 4 titles and 1.0 on every column on its first run. Floors a
# little below the final scores.
FRESH40_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}

# fresh41 (the forty-second batch: one post-fix check page for issue 14's two headline lines with no —— — three kickers over
# a title stating the outcome with 了, under a byline line or over a 本报讯 lead, and three titles over a plain 副题: one
# sizing the news with figures, one adding what is new under a dated 电 lead, one listing under a title that itself states
# the outcome with 了): keyed and committed first (428b0b0); first run with the 了-outcome row (e74200e): 6 of 6 titles and
# 1.0 on every column, roles 8/8 (main without the row: 3 of 6, the three kickers read as titles over a 副题).
FRESH41_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh42 (the forty-third batch: seven ordinary pages of provincial labour papers and a 工人日报 regional edition, 2004–2025,
# by a new hand — 江西工人报 要闻 and 工会动态 with a jump between them, 湖北工人报 基层 with ▲ run-in briefs, 山西工人报 维权
# printed with no blank lines, 辽宁工人报 职工天地 under a folio line, 工人日报 福建新闻, 甘肃工人报 图片): first run (main at
# f80d1ef, keys committed in 5b95e93) title F1 0.912 (31 of 34), byline 0.968, every other column 1.0, roles 28/30, pages
# 7/7, page names 5/7, stitched 1/1. Six general rules (本版主编/版式/排版 editor credits, a folio line's 版名 before the date
# under the paper's name, a count of people over what they did as one title, a 从…到… span over a line of news as its kicker,
# a byline line's last name with the writer's unit in brackets, a noun phrase over a line of something moved to workers as
# its kicker) bring the seven pages to 1.0 on every column. The post-fix check page f42-2013-05-16_02 (keyed and committed
# first, 5e24336), first run: 3 of 4 titles — 从“各自为战”到“抱团维权” over the shorter 遵义餐饮行业建起工会联合会 is read as
# title + subtitle (the span rule asks for a longer line under it); left open. Floors a little below the final scores
# (class 1 and the check class sit at 0.8 and 0.75 on title: not floored per class).
FRESH42_FLOORS = {"title_f1": 0.95, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh43 (the forty-fourth batch: six ordinary pages of 工人日报 itself, 2008–2024, by a new hand — 要闻, 工会新闻, 劳动关系,
# 经济, 职工生活, 评论; blank lines, U+3000 indents, 本版编辑 foot lines): first run (main at 85f87db, keys committed in
# 42235f2) title F1 0.955 (21 of 22), every other column 1.0, roles 19/19, pages and page names 6/6 — the one miss a kicker
# naming who deployed a campaign (全总部署今年春节送温暖活动) over the title giving what it asks, read as title + subtitle. One
# general rule (who set a campaign going, …部署…活动/工作/行动/检查, is the occasion over its title, as a meeting's line is)
# brings the six pages to 1.0 on every column. The post-fix check page f43-2019-12-03_01 (keyed and committed first,
# 30e0104), first run: 3 of 3 titles, 1.0 on every column, roles 3/3 (main's loader: its 部署 kicker read as a title).
FRESH43_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh44 (the forty-fifth batch: five ordinary pages of 工人日报 itself, 2003–2023, by a new hand — 要闻, 新闻, 工会新闻,
# 职工生活, 文化; blank lines, U+3000 indents, 本版(责任)编辑 foot lines): first run (main at e655fcb, keys committed in
# 559f5f5) title F1 1.0 (16 of 16), body bounds, paragraphs, byline and subtitle 1.0, roles 17/17, pages and page names 5/5.
# No rule added, so no post-fix check page. No key item has a kicker (the gold scorer prints kicker 0.0 when none does), so
# the kicker column is not floored here; a kicker predicted where a key has none would cost title F1 instead.
FRESH44_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}
# fresh45 (the forty-sixth batch: five 工人日报 pages, 2012–2023, by a new hand, of the kinds the batches cover least — 读者来信
# with a 记者调查 reply and a 来信回音 brief, 评论 under column labels, run-in numbered paragraphs and numbered crossheads with a
# 要闻简报 column, a front page of kicker + title stacks with no —— and no 了, photos (组图 ①②, credits glued and alone) among
# short news): first run (main at 5375907, keys committed in 4f5797e) title F1 0.92 (23 of 25), body bounds, paragraphs,
# byline and kicker 1.0, roles 18/18, pages and page names 5/5 — the two misses kicker + title stacks read as title +
# subtitle (进博会场馆里的工会身影 over 两千名职工志愿者坚守服务岗位, 直击北方供暖准备一线 over 热力工人昼夜抢修老旧管网). Two
# general rules (a line opening on a field visit, 直击/探访/探营/实探 and the scene, names the report — the kicker, never a
# column; a noun phrase with up to four characters after 的 over a line of people at their posts, 坚守/值守/奋战/鏖战, is
# the kicker) bring the five pages to 1.0 on every column. The post-fix check page f45-2020-09-15_01 (keyed and committed
# first, a59b69f), first run: 3 of 3 titles, 1.0 on every column, roles 3/3 (main's loader: 1 of 3).
FRESH45_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh46 (the forty-seventh batch: five pages of papers other than 工人日报, 2007–2023, by a new hand — 湖南工人报 要闻 under
# a 本报导读 box of 见第N版 teasers and its 特别报道 page holding the front page's jump under the reprinted headline, a
# 人民日报-style 要闻 page with U+3000 indents and 新华社 wires, 金城职工报 基层之声 with 图片新闻 and 短讯 labels, 山东工人报
# 综合新闻 printed with no blank lines at all): first run (main at 5375907, keys committed in ccd5f22) title F1 0.936 (22 of
# 23, 24 predicted), body bounds, paragraphs, byline, kicker and subtitle 1.0, roles 25/25, pages and page names 5/5,
# stitched 1/1 — the 导读 box read as a headless item (its entries end 　见第N版, which the box's entry shapes lacked), and
# the kicker 全省五一劳动奖表彰大会在长沙召开 over 1000名劳动者获省五一劳动奖章 read as title + subtitle. Two general rules
# (a 导读 entry ending 见第N版/详见第N版 under the box's label is furniture; a line naming a meeting before where it was held,
# …大会在X召开/举行, is a meeting's line as …召开…会 is) bring the five pages to 1.0 on every column. The post-fix check page
# f46-2016-05-03_01 (keyed and committed first, fd1130e), first run: 3 of 3 titles, 1.0 on every column, roles 4/4 (main's
# loader: 2 of 3, its …大会在南宁举行 kicker read as a title).
FRESH46_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh47 (the forty-eighth batch: five service pages of provincial and city workers' papers, 2011–2024, by a new hand —
# 江苏工人报 职工服务, 四川工人日报 维权, 辽宁职工报 要闻, 湖北工人报 职工生活, 滨江工人报 工会·服务: how-tos and notices
# printed under 本报讯 stories with no dateline and no byline, 问：/答： columns closed by （本报记者　name　整理）, 通知/公告
# with addressees and a signing body and date, a ——记 人物 feature, award lists): first run (main at 8bc4913, keys
# committed in f613047) title F1 0.821 (16 of 22, 17 predicted), body bounds 0.781, paragraphs 0.5, byline and subtitle
# 1.0, roles 11/11, pages and page names 5/5 — four how-tos under short 本报讯 stories read as their crossheads, a 公告
# under a Q&A closed by its 整理 credit read as its crosshead, a 职工热线 box read as a crosshead of the feature above, a
# notice's addressees (各市总工会，省各产业工会：) joined to the text under them, and an award list's second section
# (五一劳动奖章) read as a new item, its first (五一劳动奖状) as the list's column. Three general rules (a how-to heading, …这样申请/…需带哪些材料/…指南, under a
# 本报讯 story of one to three paragraphs with no byline line titles a piece of its own; a bracketed …整理） credit
# after the last paragraph closes the piece; a later addressee may be qualified before its 各) bring the five pages to title F1 0.955 (21 of 22),
# body bounds 0.952, paragraphs 0.905. The post-fix check page f47-2016-08-23_06 (keyed and committed first, 19a1a25),
# first run: 5 of 5 titles, 1.0 on every column, roles 3/3 (main's loader: 3 of 5). Open: the 职工热线 box and the award
# list's sections (classes 3, 4, list, notice below 0.95), so the batch is not scored per class. No key item has a
# kicker (the gold scorer prints 0.0), so the kicker column is not floored.
FRESH47_FLOORS = {"title_f1": 0.95, "body_bounds": 0.95, "paragraphs": 0.9, "byline": 0.98, "subtitle": 0.98}
# fresh48 (the forty-ninth batch: five pages of the kinds the batches cover least, 2004–2022, by a new hand — 河北工人报
# 表彰 with a 决定 and a 通报 whose lists are headed by honour names, a 文艺·职工文苑 副刊 (编者按, 编后, poems, author
# lines), 山西工人报 职工文体 with a results list, 山西工人报 综合新闻 printed with no blank lines, a 工人日报 人物 page with a
# ——记 feature, a 记者手记 note and 人物档案/小档案 boxes): first run (main at ad5fee8, keys committed in fe974f4) title F1
# 0.857 (21 of 23, 26 predicted), body bounds 0.905, paragraphs 0.857, byline 0.952, subtitle 1.0, roles 12/12, pages and
# page names 5/5 — the 决定's three honour names (河北省五一劳动奖状/…奖章/…工人先锋号) read as new items, the 通报's
# 优胜单位 as a column over its first row, a results list's first event (男子100米) as a column, and a 身边的榜样 column over
# a quoted title as title + subtitle. One general rule (inside a document conferring honours, …关于表彰…的决定/…的通报,
# an honour's bare name over its list is a section of the document, and it heads the list's rows as a list title does)
# brings the five pages to title F1 0.933 (21 of 23), body bounds and paragraphs 0.952. The post-fix check page
# f48-2017-12-05_02 (keyed and committed first, ffe2956), first run: 2 of 3 titles, body bounds 0.75, paragraphs 0.5 (main's
# loader: 2 of 3, 6 predicted) — a 决定 ending on its list with the signing body and date under the last row, read as
# the next brief's headline. Open: that, the results list and the column over a quoted title (classes 2, 3, list,
# notice, check below 0.95), so the batch is not scored per class. No key item has a kicker, so the kicker column is
# not floored. After fresh49's rules (a signing body under a list's last row signs the document, results lists,
# column names ending on a kind of piece: the three open classes, written for them with pages of their own): 1.0 on
# every column.
FRESH48_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}
# fresh49 (the fiftieth batch: five pages by a new hand, 2003–2021, 工人日报 and provincial workers' papers — 决定/通报 ending
# on their lists with the signing body and date straight under the last row, results lists with event headings over
# 第N名 rows, column labels over quoted titles, addressees naming places in brackets or 、-runs, and a page of briefs whose
# titles look like list lines): first run (main at 66b9aea, keys committed in 76b5a99) title F1 0.844 (19 of 23, 22
# predicted), body bounds 0.842, paragraphs 0.789, byline 0.895, subtitle 1.0, roles 8/8, pages and page names 5/5. Four
# general rules (addressees with bracketed places, 、-runs or a union named in full are a salutation; a body over a date
# alone ends a list's rows and signs the document; a results list's event names over place rows are its sections and the
# rows its entries; a 的 phrase naming a kind of piece, 身边的榜样, is a column's name) bring the five pages to 1.0 on every
# column (23 of 23) and fresh48's three open classes to 1.0 (that set only rises). The post-fix check page f49-2019-06-18_03
# (keyed and committed first, 54c0c31), first run: 3 of 4 titles (5 predicted), body bounds 0.833, paragraphs 0.667 (main's
# loader: 2 of 4) — its section 先进单位 was no honour name the loader knew. A fifth rule (先进单位, 先进班组, 优秀单位 are
# honour names heading a conferring document's lists) fixes it; the second check page f49-2012-09-25_04 (keyed and committed
# first, ad1cbad), first run: 3 of 3 titles, 1.0 on every column (main's loader: 1 of 3; the four rules alone: 2 of 3).
# The seven pages: 1.0 on every column and class.
FRESH49_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}
# fresh50 (the fifty-first batch: five ordinary 工人日报 pages by a new hand, 1998–2024 — a 1998 文化 page with no blank
# lines inside items, a column label over a title and ——subtitle, a photo credited name　摄, a book review under a bare
# author line, a 文化简讯 banner over briefs printed with no blank line between them; a 2005 工会新闻 page with a ——subtitle
# over a two-role byline line, a （下转第三版） jump and 工会动态 briefs titled place：what; a 2011 经济 page with no indents,
# a 新华社 wire, a title with a U+3000 inside, a slogan kicker over title and ——subtitle, a 本报记者　name摄 photo; a 2017
# 评论 page with 本报评论员, 工人时评 and 来论 labels, a （作者系…） trailer and a comment signed （name）; a 2024 要闻 front
# page with a quoted kicker, a （下转第2版） jump, dated 本报…电 and 新华社 leads and a 新华社记者 photo credit): first run
# (main at 754e5ca, keys committed in d41cc13) 1.0 on every column (25 of 25 titles, 25 predicted), kicker 1.0, roles
# 15/15, pages and page names 5/5. No rule was added (no miss to fix), so there is no post-fix check page.
FRESH50_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh51 (the fifty-second batch: five ordinary pages of provincial and city workers' papers by a new hand, 2001–2025 — a
# 2001 吉林工人报 工会工作 page with a 本报讯 lead naming a 记者 and a 通讯员, a ——记 profile under a byline line, briefs
# signed （name） and a 本报记者 photo credit; a 2008 云南工人报 综合新闻 page with a slogan kicker with a U+3000 inside, a
# place：what title over a byline line and a 通讯员 photo credit; a 2013 江苏工人报 职工维权 page with a ——subtitle over a
# two-role byline line and a 本报通讯员 photo credit; a 2019 安徽工人日报 综合新闻 page; a 2025 劳动午报 工会新闻 page with
# a quoted title over a ——subtitle): first run (main at 050bf6f, keys committed in cea0a70) 1.0 on every column (25 of 25
# titles, 25 predicted), kicker 1.0, roles 24/24, pages and page names 5/5. No rule was added (no miss to fix), so there
# is no post-fix check page.
FRESH51_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh52 (the fifty-third batch: five pages in layouts earlier batches cover least — a 劳动报 metro page numbered by its
# section letter (A06版), a 律师信箱 page of three reader Q&A items each under its own question headline, a 图片新闻 page
# with a 组图 of ①②③ captions and three single photos, a ——记 profile with a 相关链接 box, an honours list whose first
# section name sits under its title like a column line): first run (main at 62d9d1f, keys committed in d2d842c) title F1
# 0.882 (15 of 17, 17 predicted), body bounds 0.933, paragraphs 0.867, byline 1.0, subtitle 1.0, roles 13/13, pages and
# page names 5/5; misses: the second and third Q&A items read as crossheads of the first, the honours list's first section
# read as its column and the two later sections as items of their own. Two rules (tests/test_loader_fresh52.py: an
# honour's bare name under a whole list's title heads its section; a reader's question after an answered one is a new
# Q&A item) bring it to 1.0 on every column (17 of 17) and fresh47 from 0.963 to 0.981 title F1.
FRESH52_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}
# fresh53 (the fifty-fourth batch: a 维权服务 page that opens with a reader Q&A item under a short question headline and
# two more Q&A items, a 荣誉榜 page with two honours lists (the second in sections named by district with counts), a 理论周刊
# page with an 编者按 and an author signed at the end over （作者单位：…）, a provincial page of 本报X月X日讯（…） leads, a page
# with a （下转第3版） jump and three 简讯 briefs signed （name）): first run (main at cb07044, keys committed in 9a03ee8) title
# F1 0.914 (16 of 17, 18 predicted), body bounds 1.0, paragraphs 1.0, byline 1.0, roles 7/7, pages and page names 5/5; miss:
# the second list's district sections (江北区（3名）) read as items of their own, the list's title as a kicker over the first.
# After the rule (a group named with its count heads a section of a list titled as a whole): 1.0 on every column.
FRESH53_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98}
# fresh54 (the fifty-fifth batch: a 副刊 page with an essay, a poem under a padded two-character title and a 书评 with a
# book line; a 专题 page with a congress report, three speech summaries under job+name：point headlines and a 会议现场
# photo; a 数读 page with numbered data points and a chart with 图表：/数据来源：/制图： lines; a 人民日报-style page with
# paragraphs wrapping across column breaks and a 人民论坛 commentary; a 基层传真 page with a （上接第1版） half and three items
# signed （通讯员　name）): first run (main at d50c251, keys committed in 9423bd3) title F1 0.759 (11 of 16, 13 predicted), body
# bounds 0.773, paragraphs 0.636, byline 0.818, kicker 1.0, subtitle 1.0, roles 8/8, pages and page names 5/5. Five rules
# (a review's book line is text; a chart's title over 图表：, its 数据来源： note and its 制图： credit; a bracket-signed
# brief under a 上接 half; speech summaries under speaker-name headlines; the surname 郁) bring it to 1.0 on every column.
FRESH54_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98, "subtitle": 0.98}
# fresh55 (the fifty-sixth batch, by a new hand: the fresh52-54 classes in other surface forms — a Q&A column in the middle
# of a 维权 page with 网友留言：/律师解答： turns; a list with bare industry-name sections and one with 市直企业（2人） sections; a
# chart at the top of a page with a 资料来源： note; name（post）：point speech summaries after 发言摘编如下; a （上接第一版） half,
# items signed （记者　name） and a 读　书 review whose book line does not end in 出版): first run (main at 3133cb0, keys committed
# in 8e5daed) title F1 0.857 (15 of 20, 15 predicted), body bounds 0.867, paragraphs 0.8, byline 1.0, roles 10/10, pages 5/5.
# Four general rules (a reader's turn labelled 网友留言：/职工提问：; name（post）：point summary headlines; a list's
# bare-group sections and its achievement　unit　name rows; the surname 储) bring it to 1.0 on every column and class.
FRESH55_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98}
# fresh56 (the fifty-seventh batch: a 要闻 front page with a 本期导读 box of ◎ entries ending in dot leaders and 第N版, a
# three-line stack with no —— (slogan kicker, a meeting line as title, subtitle) and （下转第2版）; a 通讯 page with ■ and
# 一、二、三、 crossheads and a pull quote; a 评论 page with a 本报评论员 editorial, a 工人论坛 piece under a □ author line and a
# 〔短评〕 after a news story; a 公告 page with a 讣告 signed by a 治丧小组, a 公告 and a 征稿启事; an e-paper OCR page with
# column breaks inside words, the running head mid-paragraph and a stray page number): first run (main at 3133cb0, keys
# committed in 747009f) title F1 0.789 (15 of 18, 20 predicted), body bounds 0.967, paragraphs 0.933, byline 1.0, kicker
# 0.0, subtitle 1.0, roles 10/12, pages and page names 5/5.
# After four rules (dot-leader 导读 entries, a slogan over a meeting line and its outcome, 〔短评〕, a 治丧小组 signer): 1.0
# on every column, roles 12/12.
FRESH56_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh57 (the fifty-eighth batch, by a new hand: the fresh56 and merges classes in other surface forms — a 今日导读 box of ☆
# entries with ······ and — — — — leaders, a three-phrase slogan kicker over a meeting line and its outcome; a 评论 page
# with a 职工论坛　name line under a title after a brief and a 〔时评〕 label; a 维权服务 page with a …这样办 how-to, a
# 法律援助热线 box under a feature and a 网友来信问： Q&A; a 综合 page with a 公告 signed by a 筹备委员会 and a 劳动者之声
# column+author line): first run (main at fd44ca9, keys committed in 48febe6) title F1 0.919 (17 of 18, 19 predicted),
# body bounds 1.0, paragraphs 1.0, byline 1.0, kicker 0.0, subtitle 1.0, roles 12/12, pages and page names 4/4.
# After two rules (dash-leader 导读 entries, very short slogan phrases over a meeting line): 1.0 on every column.
FRESH57_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh58 (the fifty-ninth batch, by a new hand: the fresh56/57 classes in other surface forms, years and papers — a 1998
# 今日导读 box of ▲ entries with …… leaders and （N版）, a slogan kicker over a 执委会议 line; 〔短　评〕/〔时评〕 labels; a
# 治丧委员会 and a …大赛筹委会 signing notices; a 工人论坛｜name line; a 职工维权热线 box of label：number rows; …，这样办 and
# …这样申领 how-tos; 读者来信问： Q&As; a page indented inconsistently; a no-blank hard-wrapped page with flush continuation
# lines): first run (main at 12ea195, keys committed in 637104a) title F1 0.973 (18 of 18, 19 predicted), body bounds
# 0.972, paragraphs 0.944, byline 0.944, kicker 1.0, subtitle 1.0, roles 7/7, pages and page names 5/5.
# After three rules (a column label｜name author line; …筹委会 and a long event name before an ad hoc signer; a notice's
# contact row over its signer is no headline line): 1.0 on every column.
FRESH58_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh59 (the sixtieth batch, by a new hand: ordinary pages of papers and years the batches use less — a 2004 安徽工人日报
# front page with a meeting-line kicker over a dated 本报合肥…电 lead naming a 首席记者, a 人物 profile under a byline line
# naming a 本报特约记者 and a 实习生 jumping to page 3, a 本报铜陵讯 story credited on a 通讯员/本报记者 line after its text and
# a photo; its 人物·综合 page with the profile's half under its reprinted title, a right-set credit line and three ◆ briefs;
# a 2012 新疆工人报 photo page with a 组图 of ①②③ captions and ·-joined Uyghur names; a 2001 工人日报 视点 page with a 调查
# label, a 阅读提示 box and three crossheads; a 2010 南方工报 来信 page with an 编者： reply and a letter signed by a group):
# first run (main at 12ea195, keys committed in e774f2b) 1.0 on every column and class (18 of 18, 18 predicted), roles
# 20/20, pages and page names 5/5, stitched 1/1. Reading the export found one miss the columns do not score: the group
# signature "东莞　一群女工" under a letter was read as the next letter's kicker. One rule (a letter signed by a group:
# place, count word, whom it counts) makes it the letter's trailer; the scores stay 1.0.
FRESH59_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh60 (the sixty-first batch, by a new hand, written to be hard after fresh58/59 scored nearly 1.0 by re-using known
# forms: a pdftotext -layout copy of one column with a masthead spread by runs of spaces, a running head and a page number
# inside a paragraph, a clause kicker ending in ，, titles broken mid-phrase and one ending in ！ signed at its end; a page
# with no blank lines and no indents (items told apart only by headline shape, a 静安讯 lead, a 更　正 notice); a 综述 with
# 一、二、三、 crossheads and 【】 lead-ins and an interview under a 【…答记者问】 subtitle; photos credited before their
# captions and a 数据 box; a page of stories credited at their end on bracketed lines): first run (main at 40954b2, keys
# committed in da58de2) title F1 0.769 (15 of 20, 19 predicted), body bounds 0.967, paragraphs 0.933, byline 0.933, kicker
# 0.0, subtitle 0.5, roles 15/17, page names 4/5. After seven rules (tests/test_loader_fresh60.py: a spread masthead; a
# paragraph running on under a page break's furniture; verbs of putting in place and verb+了 predicates in title_breaks;
# a clause kicker ending in a comma; a heading set off like the story's own on a page of tight paragraphs; a 【…答记者问】
# subtitle): 1.0 on every column, roles 17/17, page names 5/5.
FRESH60_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh61 (the sixty-second batch, by a new hand, written to be hard in forms the earlier batches cover thinly: a 1986 page
# as OCR of a scan gives it — ASCII , and : for ，and ：, o for 。, 一 for ——, 口 for the □ before a byline line, a headline
# split over two lines with a stray space, a title with an OCR space inside, a 本报…电 lead dated in characters; stories
# parted by ────── rules and one story's parts by ＊　＊　＊, full-width digits in one story and ASCII in the next; a 副刊
# page with a page-wide 编者按, a poem and an essay signed with where and when it was written; 人物 sketches headed by a
# name over a one-line 简介; a 律师在线 column of numbered 问1：/答1： turns and a photo with a caption of three paragraphs):
# first run (main at 4b41391, keys committed in 89fd0e3) title F1 0.634 (13 of 19, 22 predicted), body bounds 0.885,
# paragraphs 0.692, byline 1.0, subtitle 1.0, roles 9/12, pages and page names 5/5, invented 0/0. After nine rules
# (tests/test_loader_fresh61.py): title F1 0.973, body bounds 0.972, paragraphs 0.944, byline 1.0, subtitle 1.0, roles
# 12/12. Left: the page-wide 编者按 keyed as an untitled item of its own is read as the first paragraph of the poem under
# it (as the keys of fresh3, fresh5 and fresh15 have it for a note over a page's first piece). No kicker is keyed (the
# scorer prints 0.0, none predicted), so kicker has no floor; floors are what the batch reaches.
FRESH61_FLOORS = {"title_f1": 0.97, "body_bounds": 0.97, "paragraphs": 0.94, "byline": 0.98, "subtitle": 0.98}
# fresh62 (the sixty-third batch, by a new hand: a check whether the sixteen fresh60/fresh61 rules generalise, the same
# classes in other surface forms — a pdftotext -layout page whose folio is set "— 4 —" and whose running head glues paper
# and section with a middle dot; a clause kicker holding quotes over a title broken after a verb and 了; a title broken after
# 为…落实; a page with no blank lines and no indents with titles broken after 有了 and between a firm and a passive
# predicate; a 1983 OCR page with o for 。 before ” and before a credit, 一一访, 口 before 新华社记者, a △　△　△ break and a
# sign-off 一九八三年十月于北京; an interview under a 〔访…〕 subtitle with turns 问一：/答一：, name sketches whose
# introduction is in brackets; a 图表 box, a ◇◇◇ break and a sign-off 二〇二二年中秋写于襄阳): first run (main at a62e8be,
# keys committed in 84be65d) title F1 0.649 (12 of 18, 19 predicted), body bounds 0.875, paragraphs 0.75, byline 0.833,
# kicker 0.0, subtitle 0.333, roles 12/14, invented kickers 1. After ten rules (tests/test_loader_fresh62.py): title F1
# 1.0, body bounds 1.0, paragraphs 1.0, byline 0.944, kicker 1.0, subtitle 1.0, roles 14/14, invented 0/0. Left: the bare
# author line 满增福 (a surname outside the list) is read as the essay's column, not its byline.
FRESH62_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.94, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh63 (the sixty-fourth batch, by a new hand: an honest look at ordinary pages nobody aimed at the loader — a 1998
# 工人日报 要闻 page with a meeting kicker over a 本报讯　记者X报道： story, a 见闻 under a —— subtitle jumping by （下转第二版）
# and a 短评; a 2006 河南工人日报 地方工会 page with briefs closed by bracketed names and a photo; a 2013 劳动午报 权益 page
# with a 工会律师说法 column over a question title and two crossheads; a 2019 江苏工人报 文体 page with a □ author line and
# an （作者单位：…） trailer; a 2024 工人日报 图片 page with a 组图, 新华社记者 and 新华社发 credits; all typed, blank lines,
# U+3000 indents): first run (main at 03f128c, keys committed in b2e3aba) title F1 1.0 (17 of 17, 17 predicted), body
# bounds 1.0, paragraphs 1.0, byline 1.0, kicker 1.0, subtitle 1.0, roles 16/16, pages and page names 5/5, invented 0/0.
# A sixth page, the batch's one OCR copy (2001 工人日报 经济, lines broken at the column's width, two ASCII spaces opening a
# paragraph, one-space names; committed in 5d65a44 before the parser ran on it), first run 1.0 too: 21 of 21, roles
# 20/20, pages 6/6. One rule for an unscored miss (tests/test_loader_fresh63.py: an unsigned piece under a 短评-style
# label is a commentary, kind); floors are what the batch reaches.
FRESH63_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh64 (the sixty-fifth batch, by a new hand: a check of the fresh60–63 rules in other surface forms — a 1987 OCR page
# with a capital O for 。, 口 before 本报记者, an ASCII *　*　* break, a unit split by an OCR space over 帮…, a 五一前夕
# sign-off; a pdftotext -layout 2011 page with a ·4· folio and a date-first running head, a clause kicker holding 《》, titles
# broken after 帮…讨回 and 住进了, a …公司 over 被责令整改; a 2017 interview under a （访…） subtitle with Q1：/A1： turns and
# sketches introduced in 〔〕 and 【】 by posts ending in 员/师; a 2023 副刊 page with a 数据看板 box, a ※ break, sign-offs
# dated 2023.9.28 and 国庆假期; a 2020 front page with a 、 clause kicker, 给…补发, a （…答本报记者问） subtitle): first run
# (main at 2e0ec94, keys committed in c0b4d9c) title F1 0.524 (11 of 19, 23 predicted), body bounds 0.818, paragraphs
# 0.727, byline 1.0, kicker 0.0, subtitle 0.25, roles 13/14. After ten rules (tests/test_loader_fresh64.py), each over its
# class in more forms than the batch printed: 1.0 in every column, roles 14/14, invented 0/0. The post-fix check page
# (2008 湖南工人报, committed in b4769a8 before it was run): title F1 0.958 on all six pages (a firm over 被处以罚款 missed);
# one rule more (any verb of sanctioning after 被): 1.0 in every column, 24 of 24, roles 18/18; floors are what it reaches.
FRESH64_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh65 (the sixty-sixth batch, aimed at the loader's weak lead classes: place-only leads with no 本报 (静安讯, 浦东讯　（通讯员
# name）, 闵行讯（通讯员 name）, 蚌埠讯（通讯员 name）), 本报X讯 with no date, 新华社 leads in full-width digits or with an ASCII
# bracket, a dated lead under the 编者按 that opens its story, bracketed names closing briefs, a 数据 box, 副刊 prose and a poem
# under a bare author line; every item states dateline_place): first run (main at 2e0ec94, keys committed in 127677d) title
# F1 0.842 (16 of 19, 19 predicted), body bounds 0.938, paragraphs 0.875, byline 0.812, roles 12/21, pages 5/5. No key
# states a kicker or subtitle (the gold scorer prints 0.0 for both), so neither has a floor. After four rules
# (tests/test_loader_fresh65.py: place-only leads and undated 本报X讯 leads dated by their place, a lead under an opening
# 编者按, a poem of lone verses, a signed piece on a literary page is an article): 1.0 in every column, roles 21/21,
# datelines 16/16, kinds 19/19. A post-fix check page (f65-2012-08-14_06, 6 items, keyed and committed first in 9726181):
# first run title F1 0.939 over the set (23 of 25; the poem of lone verses under a ◎ poet line missed, so the rule was
# widened to a marked poet line), then 1.0 in every column, roles 26/26, datelines 20/20, kinds 25/25.
FRESH65_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98}
# fresh66 (the sixty-seventh batch, by a new hand: a check of the fresh62/fresh64 rules in still other surface forms — a
# 1993 OCR page with a zero 0 for 。, 曰 for 日 in a 电 lead, 本报汛, 囗 before 本报记者, 一—记…, 为…讨要 and a 癸酉年清明
# sign-off; a 2005 维权 page with a kicker listed by ·, 一家小煤矿 over 被勒令…, 帮…拿回, 两家劳务中介 over 被依法查办; a 2013
# interview under a 〈访…〉 subtitle with 【问】/【答】 turns and sketches introduced in 「」 and 〈〉; a 2016 page with a kicker of
# quoted phrases, 建成了, a 「…答本报记者问」 subtitle with Q：/A： turns and a 2016年“五一”假日 sign-off; and one ordinary page):
# first run (main at 986fcfa, keys committed in 2cbbe3a) title F1 0.615 (12 of 19, 20 predicted), body bounds 0.792,
# paragraphs 0.75, byline 0.833, kicker 0.5, subtitle 1.0, roles 13/16, invented kickers 2, invented subtitles 1. After
# the rules of tests/test_loader_fresh66.py, each over its class: 1.0 in every column, roles 16/16, invented 0/0. The
# post-fix check page (2018 黑龙江工人报, committed in de2a682 before it was run): title F1 0.941 on all six pages (练就了 and
# a “三八”节前夕 sign-off missed); two rules widened: 1.0 in every column, 25 of 25, roles 20/20; floors are what it reaches.
FRESH66_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh67 (the sixty-eighth batch: five ordinary pages in the papers, decades and page kinds earlier batches used least — a
# 1963 工人日报 page with 本报沈阳十五日电/新华社上海十四日电 leads, a three-phrase slogan kicker and a 读者来信; a 2009 兵团日报 page
# with a table whose cells are parted by one U+3000; a 2015 香港 union paper in traditional characters with 【本報訊】 and a
# 通告 signed with a date in characters; a 2014 劳动报 e-paper copy with its breadcrumb and controls, a letter, a 公　告; a
# 1957 工人日报 page with rows of figures in characters, a 短评 and a 新华社记者 photo): first run (main at 6a4b2d5, keys
# committed in 45baa21) title F1 0.905 (19 of 20, 22 predicted), body bounds 0.947, paragraphs 0.895, byline, kicker and
# subtitle 1.0, roles 13/13, page names 4/5, kinds 19/20. After five rules (tests/test_loader_fresh67.py: figures in
# characters, a table set narrow, a signing date in characters, traditional notice headings, a breadcrumb's page): 1.0 in
# every column, page names 5/5, datelines 9/9, kinds 19/20; floors are what it reaches.
FRESH67_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.98,
                  "subtitle": 0.98}
# fresh68 (the sixty-ninth batch: five 1957–2019 pages in layouts the samples and earlier batches hold few of — a PDF page
# with two columns interleaved line by line, stories whose headline is printed in 【】 run into the first paragraph, a 要闻
# jump (下转第三版) stitched to an untitled half mid-page on page 3 under （上接第一版）, ■/▲ briefs packed line under line
# and titled with one space, a 1957 page with 本报消息 leads, 「」 quotes and 。 at line ends inside paragraphs): first run
# (main at 8a2882f, keys committed in a96486a) title F1 0.686 (12 of 22, 13 predicted), body bounds 0.917, paragraphs
# 0.583, byline 0.917, subtitle 1.0, roles 12/16, stitched 1/1. After the rules of tests/test_loader_fresh68.py: 1.0 in
# every column, roles 16/16 (score.py's record_at reading two headlines side by side by title), stitched 1/1. No kicker
# is keyed (the gold scorer prints 0.0), so kicker has no floor. The post-fix check page (f68-2014-11-25_02, 〖〗 with a
# U+3000 before the lead, a quoted 【】 headline, ◆/● briefs; committed in 7f77413 before it was run): 1.0 first run.
FRESH68_FLOORS = {"title_f1": 0.98, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "subtitle": 0.98}
# fresh69 (the seventieth batch: three check pages for fresh67's and fresh68's rules in other surface forms — a » breadcrumb,
# 〔〕 and ［］ run-in heads, ★/▶ briefs titled with one space, a 1958 page with 本报沈阳十六日消息/本报太原消息 leads, 。 at
# line ends and a table set with one ASCII space, its figures in characters; a traditional 啟事 and 聲明 signed with dates in
# characters): first run (main's loader at d6d60e1, keys committed in c22bab4) title F1 0.8 (8 of 10, 10 predicted), body
# bounds 0.875, paragraphs 0.75, byline 0.875, roles 3/4, page 3/3, page name 3/3, datelines 2/4. No kicker or subtitle is
# keyed (the gold scorer prints 0.0), so they have no floor. After the rule of tests/test_loader_fresh69.py (a run-in
# headline in ［］/[] or 〔〕 as in 【】/〖〗): title F1 0.909 (10 of 10, 12 predicted), body bounds 0.95, paragraphs 0.9,
# byline 1.0, roles 4/4; not fixed: the one-space table's caption read as a headline, a signing date with no day read as
# an item, 本报X消息 places (datelines 2/4). Floors are what the batch reaches.
FRESH69_FLOORS = {"title_f1": 0.9, "body_bounds": 0.95, "paragraphs": 0.9, "byline": 0.98}

# fresh38 (the thirty-ninth batch: seven ordinary 2004–2025 pages by a new hand, rich in headline stacks — kickers with and
# without ——, long clauses, a U+3000 or space inside, day·place lines; 【】/■/〖〗/专栏名 labels over kickers; 主题 over two
# lines; ——副题, 副题 with no ——, a quoted 主题, a 副题 that is a sentence ending 。; stacks over byline lines, 本报讯 leads and
# bare leads; titles alone; pages with blank lines, with a blank line only between items, with none at all, with no
# indents): first run (main at 4ceac25, keys committed in 81f0a5a) title F1 0.72 (27 of 37), body bounds 0.963,
# paragraphs 0.963, byline 0.926, kicker 0.75, subtitle 1.0, roles 31/37. Thirteen general rules (a date alone in the
# masthead run; 从…/到…, a coverb and whom it serves, and a causative under an open verb in title_breaks; a line that only
# says when, a short campaign line ending on a verb and its object, and who talks about what as kickers; a day and a place
# parted by a gap over any title; spaced labels 简　讯 are no names; a kicker leads into the title under it, not into half a
# sentence; a sentence tight between a headline and a lead is its 副题; a caption's credit closes it; a ？/！ kicker ending
# ——) bring the seven pages to title F1 0.973 (36 of 37), kicker 0.95, 1.0 on the other columns, roles 37/37; the post-fix
# check page f38-2023-09-26_03 (keyed and committed first, ae20337): 8 of 8 titles and 1.0 on every column on its first run. The
# one open miss (a 主题 printed over two lines read as kicker and title, 记者跟随盾构班组 / 体验…) keeps the classes it is in
# (4, dashsub, twoline) under a per-class floor, so the batch is not scored per class; a kicker under a column label
# (误差不超过…十分之一, read as a second label) keeps the kicker floor at 0.9.
FRESH38_FLOORS = {"title_f1": 0.95, "body_bounds": 0.98, "paragraphs": 0.98, "byline": 0.98, "kicker": 0.9, "subtitle": 0.98}


# the later batches' extra checks: (fewest byline roles, every one as printed; halves stitched across pages, or None
# when the batch prints no jump; the 版 number and name every page of the batch carries)
BATCH_EXTRAS: dict[str, tuple[int, list[int] | None, int]] = {
    "fresh16": (19, [1, 1], 7),  # 读者/网友 glued to the place, 本报驻…记者, 新华社记者, 实习生; the front page's jump, stitched from page 2
    "fresh17": (18, [2, 2], 5),  # the 报道 lead's 记者/通讯员, 特约摄影, 新华社记者, 实习生; both jumps of the front page, stitched from page 2
    "fresh18": (24, [1, 1], 8),  # roles in bracketed sign-offs, 本报实习生, 江州日报记者; the 人物 feature's jump from page 4 to page 5
    "fresh19": (18, None, 8),  # half-width leads, 文/图 credits, a letter's 读者/职工
    "fresh20": (23, [1, 1], 8),  # dated leads with no place (bracketed and not), 实习生; the 转/接 jump from page 1 to page 3
    "fresh21": (26, None, 8),  # roles in bylines printed at the end, after 作者： labels, in traditional characters (記者, 通訊員)
    "fresh22": (38, [1, 1], 8),  # 记者/通讯员/见习记者/实习生 in half-width and U+3000 leads, 新华社记者 credits; page 1's jump, from page 2
    "fresh23": (26, None, 8),  # 1990s leads and byline lines with names glued to their roles, □/○ authors, 通讯员 photo credits
    "fresh24": (36, [1, 1], 8),  # two roles on one credit line and in leads, 本报实习生, 新华社记者; page 1's jump, from page 2
    "fresh25": (25, [1, 1], 7),  # two-role credits wrapped over lines, 本报通讯员 on byline lines; page 1's jump, from page 2
    "fresh26": (35, None, 8),  # 本报驻柏林记者/本报驻东京记者, 新华社 leads, 整理 credits, two roles on one line and in leads
    "fresh27": (26, None, 7),  # roles in leads with mis-read brackets, names with . or • for ·, 摄 set apart by spaces
    "fresh28": (23, [1, 1], 7),  # 作者： lines on unlabelled pages, leads naming two roles; page 1's jump, from page 2
    "fresh29": (29, [1, 1], 9),  # 记者/通讯员 in leads (two roles in one), 本报记者/新华社记者 credits; the 1986 jump, from page 2
    "fresh30": (30, [1, 1], 8),  # two roles in leads and on byline lines, 新华社记者 glued to a caption; page 1's jump, from page 2
    "fresh32": (4, None, 1),  # a byline line's 本报记者, 记者/通讯员 in leads, a caption's 本报通讯员 credit
    "fresh33": (14, None, 8),  # bracketed and ——signed reporters (glued or on a line of their own), 本报通讯员 lines, two roles
    "fresh34": (24, None, 9),  # 文/本报记者 and 图/文 credit lines, two roles in leads and on byline lines, 制图 and 摄影 credits
    "fresh35": (15, None, 6),  # 记者/通讯员 in leads and on a byline line, 新华社 leads, 本报评论员 on a ■ author line
    "fresh36": (40, [1, 1], 9),  # 特约记者, 本报见习记者/见习记者, three 本报通讯员 on one line, · names; the page-5 jump, from page 7
    "fresh37": (28, [1, 1], 7),  # roles in ASCII-bracketed and tab-parted leads, byline lines and credits; page 1's jump, from page 3
    "fresh38": (43, None, 8),  # two roles on byline lines and in leads, 新华社记者/本报通讯员 credits glued to captions or alone
    "fresh39": (21, [1, 1], 7),  # 记者站 reporters in leads and on byline lines, a unit-and-writer lead, 特约通讯员; page 1's jump, from page 4
    "fresh40": (32, [1, 1], 9),  # 1990s 记者name报道 leads, 本报实习生, 读者, 新华社记者 credits on a line of their own; page 1's jump, from page 2
    "fresh41": (8, None, 1),  # 记者/通讯员 in leads, 本报记者/本报通讯员 on byline lines
    "fresh42": (36, [1, 1], 8),  # 特约记者 in leads and on byline lines, a 通讯员 with his unit in brackets, 新华社记者/本报通讯员 credits; page 1's jump, from page 2
    "fresh43": (22, None, 7),  # 记者/通讯员 in leads, 本报记者/本报通讯员 on byline lines and photo credits, 新华社 wires naming 记者
    "fresh44": (17, None, 5),  # 记者/通讯员 in leads, 本报记者/本报通讯员 on byline lines, a 本报通讯员 photo credit, a two-记者 新华社 wire
    "fresh45": (21, None, 6),  # 读者 on letters signed at the end, 记者/通讯员 in leads, 本报记者/新华社记者/本报通讯员 credits, 本报记者 on a 评论 byline
    "fresh46": (29, [1, 1], 6),  # 见习记者 (a compound surname), 本报见习记者, 特约通讯员, · names in a wire and a credit; page 1's jump, from page 5
    "fresh47": (14, None, 6),  # 记者/通讯员 in 本报讯 leads, 本报记者 on 整理 credits after Q&As, 本报记者/本报通讯员 on a feature's byline line
    "fresh48": (13, None, 6),  # 记者/通讯员 in 本报讯 and dated 电 leads, a 新华社 wire's 记者, 本报记者/本报通讯员 on a feature's byline line
    "fresh49": (9, None, 7),  # 记者/通讯员 in 本报讯 leads, 本报记者/本报通讯员 on byline lines under column labels and a ——记 subtitle
    "fresh50": (15, None, 5),  # 记者 in 本报讯, 本报…电 and 新华社 leads, two roles on byline lines, 本报记者/新华社记者 photo credits
    "fresh51": (24, None, 5),  # 记者/通讯员 in 本报讯 leads, 本报记者/本报通讯员 on byline lines, 本报记者/本报通讯员/通讯员 photo credits
    "fresh52": (13, None, 5),  # 记者/通讯员 in 本报讯 leads, 本报记者/本报通讯员 on byline lines and photo credits, 通讯员/新华社记者 photo credits
    "fresh53": (7, None, 5),  # 记者/通讯员 in 本报讯 and 本报X月X日讯 leads
    "fresh54": (8, None, 5),  # 本报记者 on byline lines and a photo credit, 通讯员 in trailing bracketed credits
    "fresh55": (10, None, 5),  # 本报记者 on byline lines, 记者 in 本报讯 leads and trailing bracketed credits
    "fresh56": (12, None, 5),  # 记者 in dated 电 and 本报讯 leads, 本报记者/本报通讯员 on byline lines and a photo credit, 通讯员 in a lead
    "fresh57": (12, None, 4),  # 记者/通讯员 in a dated 电 lead and 本报讯 leads, 本报记者/本报通讯员 on byline lines
    "fresh58": (7, None, 5),  # 记者 in a 1990s 讯…报道： lead and 本报讯 leads, 通讯员 in 本报讯 leads, 本报记者 on byline lines
    "fresh59": (20, [1, 1], 5),  # 首席记者/特约记者/实习生 in dated 电/讯 leads and on byline lines, 通讯员 lines after
    # the text, 读者 in a signature; the 人物 profile's jump from page 1 to page 3
    "fresh60": (17, None, 5),  # 记者/通讯员 in 本报讯 leads and in end credits (glued and on bracketed lines), 本报记者/
    # 通讯员/新华社记者 photo credits before captions, 本报记者 on byline lines
    "fresh61": (12, None, 5),  # 记者 in a 本报…电 lead dated in characters (an OCR space in the name) and in 本报讯 leads,
    # 本报通讯员 after an OCR'd □ (口), 本报记者/通讯员 in end credits, 本报记者 on byline lines and a photo credit
    "fresh62": (14, None, 5),  # 记者/通讯员 in 本报讯 and 电 leads (an OCR space in a name), 新华社记者 after an OCR'd □
    # (口), 本报记者/通讯员 on byline lines and in sketches' end credits, 通讯员 in a photo credit
    "fresh63": (20, None, 6),  # 记者 in a 1990s 本报讯…报道： lead and in 本报讯（…）/本报讯(…) leads (one-space OCR names),
    # 通讯员 in them, 本报记者/通讯员 on byline lines and photo credit lines, 本报通讯员 and 新华社记者 photo credits
    "fresh64": (18, None, 6),  # 通讯员 before 记者 in a 1987 电 lead, 本报记者 after an OCR'd □ (口), 记者/通讯员 in
    # 本报讯（…） leads, 本报记者/通讯员 on byline lines and in sketches' end credits, 本报记者 in a bracketed photo credit
    "fresh65": (26, None, 6),  # 记者/通讯员 in place-only leads (静安讯, 闵行讯（通讯员 name）), in 本报X讯 and 新华社 leads and in
    # a dated lead under an 编者按; bracketed names closing briefs, credited with no role printed (keyed null)
    "fresh66": (20, None, 6),  # 记者 in a 1993 电 lead read through 曰 for 日, 本报记者 after an OCR'd □ (囗), 记者/通讯员
    # in 本报讯（…） leads, 本报记者/通讯员 on byline lines and in sketches' end credits, 本报通讯员 in a photo credit
    "fresh67": (13, None, 5),  # 记者/通讯员 in 本报X讯 leads (a Uyghur name with ·), 記者 on a traditional byline line,
    # 本报记者/新华社记者 photo credits, a （本报通讯员　name） close, 读者 on a letter's signature; bracketed names with no role
    "fresh68": (19, [1, 1], 6),  # 本报记者/本报通讯员 on a byline line, 记者 in 本报讯（…） and 新华社 leads (in 【】 stories and
    # in column 2 of an interleaved page), bracketed names closing briefs (no role printed), （本报通讯员　name） on its own
    # line; page 1's jump stitched from page 3
    "fresh69": (4, None, 3),  # 记者 in a 本报讯（…） lead after a 〔〕 head, bracketed names closing a ［］ and a ★ brief,
    # a （本报通讯员　name） line (first run 3/4)
}


@pytest.mark.parametrize("name", sorted(BATCH_EXTRAS))
def test_later_batch_extras(batches: Batches, name: str) -> None:
    roles_at_least, stitched, page = BATCH_EXTRAS[name]
    extra = batches[name]["extra"]
    roles_right, roles_total = extra["roles"]
    assert roles_total >= roles_at_least and roles_right == roles_total
    if stitched is not None:
        assert extra["stitched_across_pages"] == stitched
    assert extra["page_numbers"][0] == extra["page_numbers"][1] == page
    assert extra["page_names"][0] == extra["page_names"][1] == page


# ---------------------------------------------------------------------------------------------
# every batch after set 2: its floors (above, with what each batch is), the fewest items its keys hold, and the
# floor of title F1 in each failure class (None: the batch is not scored per class)
BATCHES: dict[str, tuple[dict[str, float], int, float | None]] = {
    "fresh2": (FRESH2_FLOORS, 20, None),
    "fresh3": (FRESH3_FLOORS, 25, FRESH3_CLASS_TITLE_F1_FLOOR),
    "fresh4": (FRESH4_FLOORS, 25, FRESH4_CLASS_TITLE_F1_FLOOR),
    "fresh5": (FRESH5_FLOORS, 29, FRESH5_CLASS_TITLE_F1_FLOOR),
    "fresh6": (FRESH6_FLOORS, 25, 0.95),
    "fresh7": (FRESH7_FLOORS, 26, 0.95),
    "fresh8": (FRESH8_FLOORS, 26, 0.95),
    "fresh9": (FRESH9_FLOORS, 18, None),
    "fresh10": (FRESH10_FLOORS, 23, 0.95),
    "fresh11": (FRESH11_FLOORS, 30, 0.95),
    "fresh12": (FRESH12_FLOORS, 17, 0.95),
    "fresh13": (FRESH13_FLOORS, 30, 0.95),  # 24 on the five pages, 6 on the post-fix check page
    "fresh14": (FRESH14_FLOORS, 33, 0.95),  # 28 on the nine pages, 5 on the post-fix check page
    "fresh15": (FRESH15_FLOORS, 31, 0.95),  # 24 on the seven pages, 7 on the post-fix check page
    "fresh16": (FRESH16_FLOORS, 28, 0.95),  # 22 on the six pages, 6 on the post-fix check page
    "fresh17": (FRESH17_FLOORS, 18, 0.95),
    "fresh18": (FRESH18_FLOORS, 32, 0.95),  # 26 on the seven pages, 6 on the post-fix check page
    "fresh19": (FRESH19_FLOORS, 30, 0.95),  # 25 on the seven pages, 5 on the post-fix check page
    "fresh20": (FRESH20_FLOORS, 26, 0.95),  # 22 on the seven pages, 4 on the post-fix check page
    "fresh21": (FRESH21_FLOORS, 35, 0.95),  # 30 on the seven pages, 5 on the post-fix check page
    "fresh22": (FRESH22_FLOORS, 36, 0.95),  # 31 on the seven pages, 5 on the post-fix check page
    "fresh23": (FRESH23_FLOORS, 35, 0.95),  # 30 on the seven pages, 5 on the post-fix check page
    "fresh24": (FRESH24_FLOORS, 33, 0.95),  # 28 on the seven pages, 5 on the post-fix check page
    "fresh25": (FRESH25_FLOORS, 22, 0.95),  # 18 on the six pages, 4 on the post-fix check page
    "fresh26": (FRESH26_FLOORS, 36, 0.95),  # 30 on the seven pages, 6 on the post-fix check page
    "fresh27": (FRESH27_FLOORS, 25, 0.95),  # 20 on the six pages, 5 on the post-fix check page
    "fresh28": (FRESH28_FLOORS, 17, 0.95),  # 14 on the six pages, 3 on the post-fix check page
    "fresh29": (FRESH29_FLOORS, 43, 0.95),  # 33 on the seven pages, 5 + 5 on the two post-fix check pages
    "fresh31": (FRESH31_FLOORS, 16, None),  # 13 on the five pages, 3 on the post-fix check page; see FRESH31_FLOORS
    "fresh30": (FRESH30_FLOORS, 31, 0.95),  # 27 on the seven pages, 4 on the post-fix check page
    "fresh32": (FRESH32_FLOORS, 7, 0.95),  # the one post-fix check page
    "fresh33": (FRESH33_FLOORS, 37, 0.95),  # 29 on the six pages, 3 and 5 on the two post-fix check pages
    "fresh34": (FRESH34_FLOORS, 26, None),  # 22 on the eight pages, 4 on the post-fix check page; see FRESH34_FLOORS
    "fresh35": (FRESH35_FLOORS, 17, 0.95),  # 15 on the five pages, 2 on the post-fix check page
    "fresh36": (FRESH36_FLOORS, 36, 0.95),  # 31 on the eight pages, 5 on the post-fix check page
    "fresh37": (FRESH37_FLOORS, 33, 0.95),  # 29 on the six pages, 4 on the post-fix check page
    "fresh38": (FRESH38_FLOORS, 45, None),  # 37 on the seven pages, 8 on the post-fix check page; see FRESH38_FLOORS
    "fresh39": (FRESH39_FLOORS, 36, 0.95),  # 30 on the six pages, 6 on the post-fix check page
    "fresh40": (FRESH40_FLOORS, 34, 0.95),  # 30 on the eight pages, 4 on the post-fix check page
    "fresh41": (FRESH41_FLOORS, 6, 0.95),  # the one post-fix check page (issue 14's two-line stacks)
    "fresh42": (FRESH42_FLOORS, 38, None),  # 34 on the seven pages, 4 on the post-fix check page; see FRESH42_FLOORS
    "fresh43": (FRESH43_FLOORS, 25, 0.95),  # 22 on the six pages, 3 on the post-fix check page
    "fresh44": (FRESH44_FLOORS, 16, 0.95),  # the five pages (no rule added, no post-fix check page)
    "fresh45": (FRESH45_FLOORS, 28, 0.95),  # 25 on the five pages, 3 on the post-fix check page
    "fresh46": (FRESH46_FLOORS, 26, 0.95),  # 23 on the five pages, 3 on the post-fix check page
    "fresh47": (FRESH47_FLOORS, 27, None),  # 22 on the five pages, 5 on the post-fix check page; see FRESH47_FLOORS
    "fresh48": (FRESH48_FLOORS, 26, None),  # 23 on the five pages, 3 on the post-fix check page; see FRESH48_FLOORS
    "fresh49": (FRESH49_FLOORS, 30, 0.95),  # 23 on the five pages, 4 and 3 on the two post-fix check pages
    "fresh50": (FRESH50_FLOORS, 25, 0.95),  # the five pages (no rule added, no post-fix check page)
    "fresh51": (FRESH51_FLOORS, 25, 0.95),  # the five pages (no rule added, no post-fix check page)
    "fresh52": (FRESH52_FLOORS, 17, 0.95),  # the five pages (two rules added; no post-fix check page)
    "fresh53": (FRESH53_FLOORS, 17, 0.95),  # the five pages (one rule added; no post-fix check page)
    "fresh54": (FRESH54_FLOORS, 16, None),  # five rules added; no class floor: class 8 reads 0.667 (the □□□ rule keyed
    # with the commentary under it, read with the story above it: two records touch the class-8 item's lines)
    "fresh55": (FRESH55_FLOORS, 20, 0.95),  # the five pages (four rules added; no post-fix check page)
    "fresh56": (FRESH56_FLOORS, 18, 0.95),  # the five pages (four rules added; no post-fix check page)
    "fresh57": (FRESH57_FLOORS, 18, 0.95),  # the four pages (two rules added; no post-fix check page)
    "fresh58": (FRESH58_FLOORS, 18, 0.95),  # the five pages (three rules added; no post-fix check page)
    "fresh59": (FRESH59_FLOORS, 18, 0.95),  # the five pages (first run 1.0; one rule for an unscored miss)
    "fresh60": (FRESH60_FLOORS, 20, 0.95),  # the five pages (seven rules added; no post-fix check page)
    "fresh61": (FRESH61_FLOORS, 19, None),  # nine rules added; no class floor: class editornote reads 0.0 (the page-wide
    # 编者按 read as the first paragraph of the poem under it, as three earlier keys have such a note), fukan 0.857
    "fresh62": (FRESH62_FLOORS, 18, None),  # ten rules added; no class floor: the classes holding the essay signed under a
    # bare name outside the surname list read byline 0.5 (signedend) and 0.75 (ocr)
    "fresh63": (FRESH63_FLOORS, 21, 0.95),  # the six ordinary pages (first run 1.0 in every column; one rule, unscored kind)
    "fresh64": (FRESH64_FLOORS, 24, 0.95),  # 19 on the five check pages (first run title F1 0.524; ten rules), 5 on the
    # post-fix check page (first run 4 of 5 titles; one rule more)
    "fresh65": (FRESH65_FLOORS, 25, 0.95),  # 19 on the five pages, 6 on the post-fix check page; see FRESH65_FLOORS
    "fresh66": (FRESH66_FLOORS, 25, 0.95),  # 19 on the five check pages, one ordinary (first run title F1 0.615; the
    # rules of tests/test_loader_fresh66.py), 6 on the post-fix check page (first run 5 of 6 titles; two rules widened)
    "fresh67": (FRESH67_FLOORS, 20, 0.95),  # the five ordinary pages (five rules added; no post-fix check page)
    "fresh68": (FRESH68_FLOORS, 27, None),  # 22 on the five pages (first run title F1 0.686; four rules), 5 on the
    # post-fix check page (first run 1.0 in every column); no class floor: on the interleaved page the column-2 brief's
    # line 13 also holds column 1's story, so the class slice of signedtail takes that record too (title P 0.889, F1 0.941)
    "fresh69": (FRESH69_FLOORS, 10, None),  # the three check pages (first run title F1 0.8; one rule); no class floor:
    # the table's caption read as a headline leaves class table at title F1 0.667
}


# the place of a lead's dateline, where a key states it (dateline_place: every fresh65 item, a few of other sets'); at stop
# 38, 122 of 122 over all sets
@pytest.mark.parametrize("name", ("fresh65",))
def test_datelines_where_keyed(batches: Batches, name: str) -> None:
    right, total = batches[name]["extra"]["datelines"]
    assert total >= 20 and right == total


@pytest.fixture(scope="module")
def batches(exported: Exported) -> Batches:
    score = _module("score")
    return {name: score.run_set(name, tags=False, verbose=True, exported=exported) for name in BATCHES}


@pytest.mark.parametrize(("name", "metric"), [(n, m) for n, (floors, _, _) in BATCHES.items() for m in sorted(floors)])
def test_batch_floor(batches: Batches, name: str, metric: str) -> None:
    result, (floors, fewest, _) = batches[name], BATCHES[name]
    assert int(result["overall"]["items_gold"]) >= fewest
    assert float(result["overall"][metric]) >= floors[metric], (result["overall"], result["misses"])


@pytest.mark.parametrize("name", [n for n, (_, _, floor) in BATCHES.items() if floor is not None])
def test_batch_title_floor_per_failure_class(batches: Batches, name: str) -> None:
    classes, floor = batches[name]["classes"], BATCHES[name][2]
    assert classes and floor is not None
    for cls, result in classes.items():
        assert float(result["title_f1"]) >= floor, (cls, result)


@pytest.mark.parametrize("name", (*SETS, *BATCHES))
def test_keys_agree_with_their_pages(name: str) -> None:
    folder = HELDOUT if name == "heldout" else HELDOUT / name
    assert (folder / "keys").is_dir() and any((folder / "keys").glob("*.yaml"))
    done = subprocess.run([sys.executable, str(HELDOUT / "keytool.py"), "--check", str(folder)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------------------------------------
# kickers and subtitles the loader invents: a record's kicker (subtitle) on an item whose key states none (tests/heldout/
# score.py ``invented_parts``; every held-out key states both in full, as keytool derives them from ``head``). At most
# these per set; any set not named here, none. The three left: fresh5's bodiless headline read as the kicker of the title
# under it (the known open case of a headline whose text is printed after the next story), and two slogan banners the keys
# read as the page's banner over its first story (fresh20, fresh24) where a slogan over a title and ——subtitle is a
# kicker on most pages (fresh14, fresh22, heldout): no rule tells the two apart by shape.
INVENTED_CEILING: dict[str, tuple[int, int]] = {"fresh5": (1, 0), "fresh20": (1, 0), "fresh24": (1, 0)}


@pytest.mark.parametrize("name", (*SETS, *BATCHES))
def test_no_more_invented_kickers_or_subtitles(results: dict[str, dict[str, Any]], batches: Batches,
                                               name: str) -> None:
    result = results[name] if name in results else batches[name]
    kickers, subtitles = INVENTED_CEILING.get(name, (0, 0))
    extra = result["extra"]
    assert extra["invented_kickers"] <= kickers and extra["invented_subtitles"] <= subtitles, result["invented"]
