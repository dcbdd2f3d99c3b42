"""Property tests: parse_page never raises and conserves every line on random page-like texts; any headline
stack keeps every line in a headline field, and the stack reader gives every line exactly one place.

Bounded to 200 examples by default, drawn the same on every run (derandomized: tests/conftest.py);
``HYPOTHESIS_PROFILE=long pytest tests/test_loader_properties.py`` runs 5,000 per property and draws new
random examples, as does ``--hypothesis-seed=N``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archive_gen.loader import conservation, parse_page
from archive_gen.loader.headlines import StackContext, read_stack

settings.register_profile("default-loader", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = "long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "default-loader"

HEADLINES = ["全总机关启动干部赴基层蹲点活动", "工运走笔", "奋斗百年路 启航新征程", "蹲点，只有起点，没有终点",
             "福州市总推动蹲点工作常态化——", "职工疗休养怎么选？", "3粒“种子”赋能“产改”", "最美职工"]
BYLINES = ["本报记者 李逸萌", "■郑建钢", "本报记者 田国奎 本报通讯员 冯际刚", "本报记者 刘\u3000芳"]
LEADS = ["本报讯(记者郑莉 郝赫)", "本报南京11月22日电(记者黄洪涛)", "本报讯 记者荣荣江报道 ", "本报(记者刘旭)", "本报讯 "]
SENTENCES = ["会议要求，各级工会要着眼服务全局。", "据了解，该市已建成职工服务站点四十余个，", "针对以", "上问题，专门召开会议。",
             "5月13日，车辆行驶在高速公路上。", "“出站信号绿灯……北京西站！”", "2021年全国工会将开展集中行动",
             "力争到2027年末完成。"]
EXTRAS = ["(下转第3版)", "(上接第1版)", "新华社记者 姜克红 摄", "本报通讯员 张锋 孟宪勋 摄", "阅读提示", "——————", "□□□",
          "(作者:中华全国总工会党组书记)", "(原载《人民日报》2023年11月22日第9版)", "摄", "（", "\ufeff"]
# shapes the rules of the fourth held-out batch read (tests/heldout/fresh3): index entries, source credits,
# labelled bylines, office and date sign-offs, salutations, list titles and entries, documents, run-in briefs
FRESH3_LINES = ["今日导读", "3版　一周工会动态", "视觉中国供图", "（图片由市总工会提供）", "漫画/郑　明",
                "口述：退休钳工　黄文忠", "整理：本报记者　卢　晓", "本报记者　聂　磊　摄影报道", "工人日报—中工网记者　何　畅",
                "本报编辑部", "2025年5月8日", "编辑同志：", "工人日报：您怎么看？", "全国五一劳动奖章获得者",
                "某钢铁公司炼铁厂工会", "陈　立　黄小梅　林志强", "第一章　总　则", "第一条　为规范管理，制定本办法。",
                "（2024年11月28日某省总工会第三次全委会议通过）", "附件：申请表（略）", "——工运走笔——", "◆上接第4版",
                "一条铁路和它的守护者（上接第2版）", "●宁夏举办职工篮球赛　8月以来，宁夏举办篮球赛120场。（马　骏）",
                "编者按：本版推出系列报道。", "①　7月2日，巡堤队员在检查堤坝。新华社记者　郝　源　摄", "更正"]

paragraph = st.builds(lambda lead, parts, tail: lead + "".join(parts) + tail,
                      st.sampled_from(["", *LEADS]), st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
                      st.sampled_from(["", "", " 新华社记者 陈思汗 摄", "新华社记者 陈思汗 摄", "(下转第2版)"]))
line = st.one_of(st.sampled_from(HEADLINES), st.sampled_from(BYLINES), paragraph, st.sampled_from(EXTRAS),
                 st.sampled_from(FRESH3_LINES),
                 st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20))
indent = st.sampled_from(["", "", "\u3000\u3000", "  ", "\t"])
separator = st.sampled_from(["\n", "\n\n", "\n\n\n\n", "\r\n", "\r\n\r\n", "\r"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.tuples(indent, line, separator), max_size=30))
    return "".join(i + text + sep for i, text, sep in lines)


@settings(settings.get_profile(PROFILE))
@given(pages())
# found by the long profile (seed 2): an 编者按 note over the headline keeps the story's dateline lead
# ("本报讯(…)针对以", cut off mid-sentence) a paragraph, right above the next story's headline; the check took
# that lead for a misread headline (conserve._DATELINE)
@example("编者按：本版推出系列报道。\n全总机关启动干部赴基层蹲点活动\n全总机关启动干部赴基层蹲点活动\n"
         "全总机关启动干部赴基层蹲点活动\n本报讯(记者郑莉 郝赫)针对以\n全总机关启动干部赴基层蹲点活动\n")
def test_parse_page_never_raises_and_conserves_lines(text: str) -> None:
    page = parse_page(text, "fuzz.txt")
    assert conservation(text, page) == []
    ids = [i.id for i in page.items]
    assert len(ids) == len(set(ids))
    assert [i.index for i in page.items] == list(range(len(page.items)))


@settings(settings.get_profile(PROFILE))
@given(st.text(max_size=300))
def test_any_text_parses(text: str) -> None:
    page = parse_page(text, "any.txt")
    assert conservation(text, page) == []


# ---- headline stacks ------------------------------------------------------------------------------

KICKERS = ["发挥工会组织优势 助力农民工稳岗就业", "连续三年开展“安康杯”竞赛，全省企业事故起数下降两成",
           "福州市总推动蹲点工作常态化、制度化——", "全国工会职工疗休养工作推进会提出", "扎紧“钱袋子” 护好“血汗钱”"]
TITLES = ["全总启动“春暖农民工”服务行动", "守好安全生产“第一道防线”", "蹲点，只有起点，没有终点",
          "职工疗休养新规实施一年来成效初显(图)", "宁波镇海:「商调裁诉执」全链式化解劳动争议", "职工疗休养怎么选？"]
SUBTITLES = ["——记河北省总工会劳动保护部", "今年将为300万名以上农民工提供就业创业服务", "（2024年度）",
             "单位可定制云端会议议程 职工能随时随地线上参会"]
BANNERS = ["工运走笔", "最美职工", "【大国工匠·系列报道③】", "奋斗百年路 启航新征程", "新时代 新征程 新伟业"]
STACK_LINES = KICKERS + TITLES + SUBTITLES + BANNERS
STORY_LEAD = "本报讯(记者郑莉)日前，某市总工会启动新一轮职工服务行动，帮助一线职工解决实际困难。"
STORY_BODY = "据了解，该市已建成职工服务站点四十余个，累计服务职工两万余人次，受到广泛好评。"


@st.composite
def stacks(draw: st.DrawFn) -> list[str]:
    """A plausible stack in print order: banner, kicker, title, subtitle, banner, each but the title optional."""
    parts = [draw(st.sampled_from(BANNERS))] if draw(st.booleans()) else []
    parts += [draw(st.sampled_from(KICKERS))] if draw(st.booleans()) else []
    parts.append(draw(st.sampled_from(TITLES)))
    parts += [draw(st.sampled_from(SUBTITLES))] if draw(st.booleans()) else []
    parts += [draw(st.sampled_from(BANNERS))] if draw(st.booleans()) else []
    return list(dict.fromkeys(parts))  # one line is printed once


def headline_fields(item) -> list[str]:
    return [t for t in (item.column, *item.column_extra, item.kicker, item.title, item.subtitle) if t]


@settings(settings.get_profile(PROFILE))
@given(stacks(), st.booleans())
def test_any_stack_over_a_lead_keeps_every_line_as_a_headline_part(stack: list[str], byline: bool) -> None:
    blocks = [*stack, *(["本报记者 李逸萌"] if byline else []), STORY_LEAD, STORY_BODY]
    text = "\n\n".join(blocks) + "\n"
    page = parse_page(text, "stack.txt")
    assert conservation(text, page) == []
    assert len(page.items) == 1, [i.title for i in page.items]
    (item,) = page.items
    assert sorted(headline_fields(item)) == sorted(stack)
    assert item.title is not None and len(item.paragraphs) == 2
    assert item.byline.reporters == (("李逸萌", "郑莉") if byline else ("郑莉",))


@settings(settings.get_profile(PROFILE))
@given(st.lists(st.sampled_from(STACK_LINES), min_size=1, max_size=6, unique=True))
def test_lines_of_any_stack_in_any_order_stay_headline_parts(stack: list[str]) -> None:
    text = "\n\n".join([*stack, STORY_LEAD, STORY_BODY]) + "\n"
    page = parse_page(text, "any-stack.txt")
    assert conservation(text, page) == []
    assert page.items and sorted(line for item in page.items for line in headline_fields(item)) == sorted(stack)
    assert sum(len(item.paragraphs) for item in page.items) == 2


@settings(settings.get_profile(PROFILE))
@given(stacks(), stacks())
def test_two_stories_keep_their_own_stacks(first: list[str], second: list[str]) -> None:
    second = [line for line in second if line not in first]
    if not any(line in TITLES for line in second):  # a printed stack has a title
        second = ["青海启动职工普惠服务“进万家”活动"]
    text = "\n\n".join([*first, STORY_LEAD, STORY_BODY, *second, STORY_LEAD.replace("郑莉", "李丰"), STORY_BODY]) + "\n"
    page = parse_page(text, "two.txt")
    assert conservation(text, page) == []
    assert len(page.items) == 2, [i.title for i in page.items]
    assert sorted(headline_fields(page.items[0])) == sorted(first)
    assert sorted(headline_fields(page.items[1])) == sorted(second)


@settings(settings.get_profile(PROFILE))
@given(st.lists(st.one_of(st.sampled_from(STACK_LINES),
                          st.text(alphabet="工会职工服务中心建设活动全国省市新春劳模", min_size=2, max_size=14)),
                min_size=1, max_size=9),
       st.booleans(), st.text(alphabet="工会职工服务中心建设活动", max_size=40))
def test_stack_reader_gives_every_line_exactly_one_place(lines: list[str], after_body: bool, body: str) -> None:
    reading = read_stack(lines, StackContext(body=body, after_body=after_body))
    assert reading == read_stack(lines, StackContext(body=body, after_body=after_body))  # deterministic
    placed = [*reading.run_on, *reading.signature]
    for heads in reading.items:
        placed += [heads.title, *(k for k in (heads.kicker, heads.subtitle) if k is not None), *heads.subtitle_more,
                   *heads.columns, *heads.names]
    assert sorted(placed) == list(range(len(lines)))
    assert reading.items or after_body
    starts = [min([heads.title, *heads.columns]) for heads in reading.items]
    assert starts == sorted(starts)


@pytest.mark.xfail(strict=True, reason="known, not fixed: a banner and a title printed after the byline of a story "
                   "with no body yet, on a page that parts some blocks with blank lines, are read as that story's "
                   "body (found by the long profile, seed 5)")
def test_a_stack_after_a_bodyless_storys_byline_opens_the_next_story() -> None:
    text = ("全总机关启动干部赴基层蹲点活动\n\n本报记者 李逸萌\n工运走笔\n职工疗休养怎么选？\n"
            "本报讯(记者郑莉 郝赫)会议要求，各级工会要着眼服务全局。\n")
    page = parse_page(text, "fuzz.txt")
    assert conservation(text, page) == []
    assert [(i.column, i.title) for i in page.items] == [(None, "全总机关启动干部赴基层蹲点活动"),
                                                          ("工运走笔", "职工疗休养怎么选？")]
