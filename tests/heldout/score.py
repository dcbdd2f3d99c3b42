#!/usr/bin/env python3
"""Score the loader on the held-out pages (and the seeds) per set and per failure class.

usage: python tests/heldout/score.py [--set heldout|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14|fresh15|fresh16|fresh17|fresh18|fresh19|fresh20|fresh21|fresh22|fresh23|fresh24|fresh25|fresh26|fresh27|fresh28|fresh29|fresh30|fresh31|fresh32|fresh33|fresh34|fresh35|fresh36|fresh37|fresh38|fresh39|fresh40|fresh41|fresh42|fresh43|fresh44|fresh45|fresh46|fresh47|fresh48|fresh49|fresh50|fresh51|fresh52|fresh53|fresh54|fresh55|fresh56|fresh57|fresh58|fresh59|fresh60|fresh61|fresh62|fresh63|fresh64|fresh65|fresh66|fresh67|fresh68|fresh69|seeds|all] [--tags] [--json] [-v]

Runs ``archive-gen export --format jsonl`` on the set's pages (the command users and judges run),
merges tests/heldout/tags/<name>.yaml into the keys when present, and scores the records with
tests/gold/score_keys.py, run as written. Per class: the keys are cut down to the items tagged with
that class (``classes:`` in each key) and the records to those that touch the lines of those items,
then scored the same way. Extra checks the gold scorer does not make (byline roles as printed,
``starts_incomplete``, labels of untitled halves, 版 numbers and names, halves stitched across pages, the place of a lead's
dateline where the key states ``dateline_place``, ``kind`` of the record at each item's first line, and kickers and
subtitles a record holds where the key states none — ``invented_kickers``/``invented_subtitles``, each listed by page and
line) are printed after the tables.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import runpy
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# libyaml's loader and emitter when PyYAML has them: the pure-Python ones were most of the held-out tests'
# scoring time (every set's keys are written out and read back once overall and once per class)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load``, by libyaml when it is there."""
    return yaml.load(text, Loader=_LOADER)


def _dump_yaml(data: Any, **options: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, **options)
SCORER = REPO / "tests" / "gold" / "score_keys.py"
SETS = {
    "heldout": (HERE / "pages", HERE / "keys", HERE / "tags"),
    # four pages written after the parser work, keyed before the parser saw them: a first-run check
    "fresh": (HERE / "fresh" / "pages", HERE / "fresh" / "keys", HERE / "fresh" / "tags"),
    # a third batch (seven pages), keyed and committed before the parser saw them: a second first-run check
    "fresh2": (HERE / "fresh2" / "pages", HERE / "fresh2" / "keys", HERE / "fresh2" / "tags"),
    # a fourth batch (nine pages, one GBK with CRLF), keyed and committed before the parser saw them
    "fresh3": (HERE / "fresh3" / "pages", HERE / "fresh3" / "keys", HERE / "fresh3" / "tags"),
    "fresh4": (HERE / "fresh4" / "pages", HERE / "fresh4" / "keys", HERE / "fresh4" / "tags"),
    # a sixth batch (nine pages, one UTF-8 with a BOM and CRLF, one UTF-16LE), keyed before the parser saw them
    "fresh5": (HERE / "fresh5" / "pages", HERE / "fresh5" / "keys", HERE / "fresh5" / "tags"),
    # a seventh batch (eight pages: a 版 line at the foot, two ——subtitles, full-width jump digits, 讣告/公告, 「」)
    "fresh6": (HERE / "fresh6" / "pages", HERE / "fresh6" / "keys", HERE / "fresh6" / "tags"),
    # an eighth batch (eight pages: hard-wrapped lines, no blank lines, 【】 headlines, 【place】 briefs, 大事记, a
    # masthead-only date with A1/A2 pages and （紧接第1版）)
    "fresh7": (HERE / "fresh7" / "pages", HERE / "fresh7" / "keys", HERE / "fresh7" / "tags"),
    "fresh8": (HERE / "fresh8" / "pages", HERE / "fresh8" / "keys", HERE / "fresh8" / "tags"),
    "fresh9": (HERE / "fresh9" / "pages", HERE / "fresh9" / "keys", HERE / "fresh9" / "tags"),
    # an eleventh batch (eight pages: issue 14's classes in new combinations), keyed before the parser saw them
    "fresh10": (HERE / "fresh10" / "pages", HERE / "fresh10" / "keys", HERE / "fresh10" / "tags"),
    # a twelfth batch (eight pages: a provincial front page, 人民日报 web copy, ◆ run-in briefs, 理论, 副刊, 专刊,
    # a photo page, 读者来信), keyed and committed before the parser saw them
    "fresh11": (HERE / "fresh11" / "pages", HERE / "fresh11" / "keys", HERE / "fresh11" / "tags"),
    # a thirteenth batch (five ordinary pages: 要闻, 经济 with a stitched half and briefs, 区域, 工会新闻, 评论)
    "fresh12": (HERE / "fresh12" / "pages", HERE / "fresh12" / "keys", HERE / "fresh12" / "tags"),
    # a fourteenth batch (five pages: 国际 with agency datelines, 服务 with 问/答 and a numbered list, a 区县专版 with a
    # sponsor line, a 学习 page with no blank lines, 文体 with a 文｜ author line and a poem)
    "fresh13": (HERE / "fresh13" / "pages", HERE / "fresh13" / "keys", HERE / "fresh13" / "tags"),
    # a fifteenth batch (nine pages: banners over kickers with spaces, stitched halves with and without a reprinted
    # headline, 组图 credits, 编者按 and letters, a lost opening, wire round-ups with no dateline)
    "fresh14": (HERE / "fresh14" / "pages", HERE / "fresh14" / "keys", HERE / "fresh14" / "tags"),
    # a sixteenth batch (seven pages: a three-line stack jumping to page 3 under its reprinted title with the marker glued
    # to the text, 问/答 turns with no colon, a provincial page with unbracketed leads, ● briefs with no blank lines, 理论
    # with an 编者按 and a column-broken paragraph, 副刊 signed at the end and a poem with （外一首）, odd photo credits)
    "fresh15": (HERE / "fresh15" / "pages", HERE / "fresh15" / "keys", HERE / "fresh15" / "tags"),
    # a seventeenth batch (six pages: a front page with a 导读 box of teasers and a jump to page 2, ▲ run-in 简讯, a 国际
    # page of foreign datelines, a 职工文苑 page with a sign-off, an 编后 note and a poem, 律师解答 and a letter with its
    # reply, a 专版 with one banner repeated above each item)
    "fresh16": (HERE / "fresh16" / "pages", HERE / "fresh16" / "keys", HERE / "fresh16" / "tags"),
    # an eighteenth batch (five pages: a 人民日报-style front page with 【】 labels and two jumps to page 2, where both halves
    # sit under reprinted titles; a photo page of odd credits; a 工会工作 feature with crossheads and a 链接 sidebar, a
    # 【背景】 box; a 读者来信 page with a bracketed signature, a collective's letter and an 编辑的话 note)
    "fresh17": (HERE / "fresh17" / "pages", HERE / "fresh17" / "keys", HERE / "fresh17" / "tags"),
    # a nineteenth batch (seven pages: a front page with a kicker holding a space over a subtitle with no ——, a column
    # break inside a paragraph and an 评论员文章; a 人物 feature with colon crossheads jumping from page 4 to page 5; a 经济
    # page with a 数读 box; 法治 with ■案例/■裁判 boxes and 律师说法; 副刊 with a poem signed at its end; 职工文体 with
    # results lines and run-in briefs; ● briefs with odd spacing in their credits)
    "fresh18": (HERE / "fresh18" / "pages", HERE / "fresh18" / "keys", HERE / "fresh18" / "tags"),
    "fresh19": (HERE / "fresh19" / "pages", HERE / "fresh19" / "keys", HERE / "fresh19" / "tags"),
    # a twenty-first batch (seven pages: a dated 讯 lead and a 转/接 jump to an untitled half, a 记者手记 and 相关链接/新闻链接
    # boxes inside stories, a 招聘公告 with numbered clauses, 声明 and 更正 notices, a table printed as lines, a page
    # hard-wrapped at a fixed width with its headlines, a 专题 page with one banner, a 组诗 and a 公益广告 block, named speakers)
    "fresh20": (HERE / "fresh20" / "pages", HERE / "fresh20" / "keys", HERE / "fresh20" / "tags"),
    # a twenty-second batch (seven pages as archive exports give them: a PDF export broken at the column width, a markdown
    # export with ## headlines, literal 引题：/主题：/副题： labels, items parted by ------ lines with bylines at the end, a
    # digest of 标题：正文 items, a Hong Kong union paper in traditional characters, ASCII punctuation and numbered headlines)
    "fresh21": (HERE / "fresh21" / "pages", HERE / "fresh21" / "keys", HERE / "fresh21" / "tags"),
    # a twenty-third batch (seven ordinary pages: a 工人日报 day in the seeds' plain-text shape — 要闻 with a jump to page 2,
    # 新闻 with a 短评, 法治, a photo page — and two provincial 工人报, 四川 (工会工作, a page of briefs with no blank line) and
    # 江苏 (副刊 with an essay and a poem)): an honest estimate on everyday pages
    "fresh22": (HERE / "fresh22" / "pages", HERE / "fresh22" / "keys", HERE / "fresh22" / "tags"),
    # a twenty-fourth batch (seven ordinary pages of older years: two OCR'd microfilm pages hard-broken at a fixed width with
    # running heads and 版 headers mid-page, a 1990s front page with its byline styles, a 理论 page of signed commentaries,
    # a 河南工人日报 地方 page, a 特别报道 feature with crossheads and an interview, a 简讯 column of □ run-in briefs)
    "fresh23": (HERE / "fresh23" / "pages", HERE / "fresh23" / "keys", HERE / "fresh23" / "tags"),
    # a twenty-fifth batch (seven ordinary pages with the hard things mixed in: a 工人日报 day whose front page jumps to page
    # 2, a photo page with a 组图 and a 综合 page in the seeds' shape; 湖南工人报 opening mid-word with an honours list after a
    # stack; 山西工人报 劳动者之歌 with series lines and an 编者按, 维权 with a title ending in （以案说法））
    "fresh24": (HERE / "fresh24" / "pages", HERE / "fresh24" / "keys", HERE / "fresh24" / "tags"),
    # a twenty-sixth batch (six pages as pdftotext or a PDF viewer's copy gives them: lines hard-broken at the narrow
    # column width inside headlines and paragraphs, paragraph starts marked by two U+3000, two spaces or a blank line,
    # page furniture at top or foot, 数据 and list boxes, a wrapped photo credit, a 工人日报 front page jumping to page 2)
    "fresh25": (HERE / "fresh25" / "pages", HERE / "fresh25" / "keys", HERE / "fresh25" / "tags"),
    # a twenty-seventh batch (seven ordinary pages from the sections the earlier batches use least: a 视点 investigation with
    # crossheads, 记者手记 and 相关链接 boxes; 职工生活 with 读者问/律师答; 工会新闻 with a 工会工作动态 column; 文化 with a signed
    # book review; 国际 with 新华社 and 本报驻外记者 datelines; 人物 with a ——记 profile and a pull quote; 江西工人报's front page)
    "fresh26": (HERE / "fresh26" / "pages", HERE / "fresh26" / "keys", HERE / "fresh26" / "tags"),
    "fresh27": (HERE / "fresh27" / "pages", HERE / "fresh27" / "keys", HERE / "fresh27" / "tags"),
    # a twenty-ninth batch (six pages as a reader copies them from a newspaper's 数字报 or a news website: web furniture —
    # 上一版/下一版, 上一篇/下一篇, 字号/打印/关闭, 分享到, 发布时间/来源/作者 lines, title lists, 版面导航, breadcrumbs, 相关新闻)
    "fresh28": (HERE / "fresh28" / "pages", HERE / "fresh28" / "keys", HERE / "fresh28" / "tags"),
    # a thirtieth batch (seven ordinary pages varied in headline stacks: three-line stacks with and without ——, titles over two
    # lines, titles with quotes, colons, question marks and figures, place+date and series kickers, a 专版 banner, column labels
    # above and under signed commentaries, 简讯/快讯 runs, photos with bracketed credits, a 1986 jump and its 上接 half)
    "fresh29": (HERE / "fresh29" / "pages", HERE / "fresh29" / "keys", HERE / "fresh29" / "tags"),
    # a thirty-second batch (pages as ``pdftotext -layout`` prints a newspaper PDF: two or three columns side by side on
    # the same text lines, headlines centred over two or three columns, a story running on from one column into the next;
    # the keys name cells of those lines, ``"12/2"``)
    "fresh31": (HERE / "fresh31" / "pages", HERE / "fresh31" / "keys", HERE / "fresh31" / "tags"),
    # a thirty-first batch (seven ordinary 2005–2019 pages of the daily sections: 要闻 with a jump and a 导读 strip, 新闻·工会
    # with no blank lines, 经济·劳动 深度, 法治 run-in labels and Q&A, 文化·副刊 essay and poem, two provincial 工人报)
    "fresh30": (HERE / "fresh30" / "pages", HERE / "fresh30" / "keys", HERE / "fresh30" / "tags"),
    # a thirty-third batch (one post-fix check page for issue 14's open misses: a question kicker with no ——, a theme
    # kicker over a 主题 printed over two lines, a dated caption under a story's end, a Q&A headed by its title alone, an
    # unsigned commentary after a signed one, labelled crossheads with no stop)
    "fresh32": (HERE / "fresh32" / "pages", HERE / "fresh32" / "keys", HERE / "fresh32" / "tags"),
    # a thirty-fourth batch (six older pages, 1956–1982, as a digitised archive gives them: 版 headers with the date written
    # out (一九六四年三月五日, 第二版), older 新华社十一日讯/新华社北京四日电 leads, 本报讯 stories signed at the end in brackets or after
    # ——, 本报通讯员 lines under 通讯/报告文学 titles, 社论/评论员文章 labels, a 读者来信 with an 编者按 and the writer's unit, a 语录 box
    # (page furniture), headlines with 、, ！ and full stops, 简讯 runs, traditional forms here and there), and two post-fix
    # check pages
    "fresh33": (HERE / "fresh33" / "pages", HERE / "fresh33" / "keys", HERE / "fresh33" / "tags"),
    # a thirty-fifth batch (eight ordinary 2017–2025 pages by a new hand: a 深读 piece with a 导语 box, numbered crossheads, a
    # 记者手记 and a 链接 box; a 人物 profile with pull quotes; 工会·维权 cases with 【说法】/律师点评 and a hotline box on a page
    # with no blank lines and no indents; a reader's question with a 温馨提示 box; a survey with a figures box and a 制图 chart;
    # 闽江工人报 and 塞上工人报 pages; a 视觉 page of three photos credited in three orders)
    "fresh34": (HERE / "fresh34" / "pages", HERE / "fresh34" / "keys", HERE / "fresh34" / "tags"),
    "fresh35": (HERE / "fresh35" / "pages", HERE / "fresh35" / "keys", HERE / "fresh35" / "tags"),
    # a thirty-eighth batch (six 2018 pages in text forms as conversion tools and copy-paste give them: half-width ASCII
    # punctuation throughout, tabs as indents and between byline names, an OCR program's TXT with CRLF, full-width digits and
    # letters and form feeds between its scanned images, a word processor's one-line paragraphs under headlines parted by two
    # blank lines, ASCII-space indents, GB18030 with a name character GBK lacks)
    # first run (main's loader at 939c7bf, keys committed in c659789): title F1 0.949 (28 of 29, 30 predicted), body bounds
    # 0.982, paragraphs 0.964, byline 0.964, kicker 0.8, subtitle 1.0, roles 23/24, page and page name 6/6, stitched 1/1
    "fresh37": (HERE / "fresh37" / "pages", HERE / "fresh37" / "keys", HERE / "fresh37" / "tags"),
    # a thirty-seventh batch (eight ordinary 2006–2023 pages by a new hand from the sections the earlier batches use least:
    # 法治, 体育, 科教文卫 printed in odd whitespace, 职工生活 with a 公告, a 文化周刊 jump from page 5 to page 7 and a 副刊 essay,
    # 国际 with · names, a 专版 with a sponsor line)
    "fresh36": (HERE / "fresh36" / "pages", HERE / "fresh36" / "keys", HERE / "fresh36" / "tags"),
    # a thirty-ninth batch (seven ordinary 2004–2025 pages by a new hand, rich in headline stacks: kickers with and without
    # ——, long clauses, a U+3000 or space inside, a place·date; 【】/■/〖〗/专栏名 labels over kickers; titles over two lines;
    # ——副题 and 副题 with no ——, a quoted 主题, a 副题 that is a sentence ending 。; stacks over byline lines, 本报讯 leads and
    # bare leads; titles alone)
    # first run (main's loader at 4ceac25, keys committed in 81f0a5a): title F1 0.72 (27 of 37, 38 predicted), body bounds
    # 0.963, paragraphs 0.963, byline 0.926, kicker 0.75, subtitle 1.0, roles 31/37, page and page name 7/7
    "fresh38": (HERE / "fresh38" / "pages", HERE / "fresh38" / "keys", HERE / "fresh38" / "tags"),
    # a fortieth batch (six pages of other labour and industry papers than 工人日报, 2008–2021, each with its own furniture:
    # a city 工会 weekly, a coal industry paper, a 省总工会 paper in a newsletter style, a company paper's pages 1 and 4 with
    # a jump between them, an education paper's 教育工会 page)
    # first run (main's loader at 42a6a0a, keys committed in 149d9b9): title F1 0.762 (24 of 30, 33 predicted), body bounds
    # 0.958, paragraphs 0.958, byline 0.917, kicker 1.0, subtitle 1.0, roles 15/18, page 6/6, page name 4/6, stitched 1/1
    "fresh39": (HERE / "fresh39" / "pages", HERE / "fresh39" / "keys", HERE / "fresh39" / "tags"),
    # a forty-first batch (eight ordinary 工人日报 pages of 1996–2025 by a new hand: a 1996 要闻 front page with a 要目 box
    # and its page 2 with a jump between them, 工会新闻, 劳动关系 (an interview, a case with a 记者手记), 经济 with no blank
    # lines, 职工生活 (a 读者来信 with an 编者按, a 问/答 explainer), 评论, 文化·副刊 (an essay, a poem))
    # first run (main's loader at b17efda, keys committed in 14ef0f7): title F1 0.951 (29 of 30, 31 predicted), body bounds
    # 1.0, paragraphs 1.0, byline 0.931, kicker 1.0, subtitle 1.0, roles 26/26, page 8/8, page name 8/8, stitched 1/1
    "fresh40": (HERE / "fresh40" / "pages", HERE / "fresh40" / "keys", HERE / "fresh40" / "tags"),
    # a forty-third batch (seven ordinary pages of provincial labour papers and a 工人日报 regional edition, 2004–2025, by a new
    # hand: 江西工人报 要闻 and 工会动态 with a jump between them, 湖北工人报 基层, 山西工人报 维权 with no blank lines, 辽宁工人报
    # 职工天地, 工人日报 福建新闻, 甘肃工人报 图片; each with its own masthead and page header)
    # first run (main's loader at f80d1ef, keys committed in 5b95e93): title F1 0.912 (31 of 34, 34 predicted), body bounds
    # 1.0, paragraphs 1.0, byline 0.968, kicker 1.0, subtitle 1.0, roles 28/30, page 7/7, page name 5/7, stitched 1/1
    "fresh42": (HERE / "fresh42" / "pages", HERE / "fresh42" / "keys", HERE / "fresh42" / "tags"),
    # a forty-second batch (one post-fix check page for issue 14's two headline lines with no ——: three kickers over a title
    # stating the outcome with 了, three titles over a plain 副题 — figures, what is new, a list under a title with 了)
    # first run (loader at e74200e, with _outcome_as_subtitle; keys committed in 428b0b0): title F1 1.0 (6 of 6), every
    # column 1.0, roles 8/8, page and page name 1/1 (main's loader without the row: 3 of 6)
    "fresh41": (HERE / "fresh41" / "pages", HERE / "fresh41" / "keys", HERE / "fresh41" / "tags"),
    # a forty-fourth batch (six ordinary pages of 工人日报 itself, 2008–2024, by a new hand: 要闻, 工会新闻, 劳动关系, 经济,
    # 职工生活, 评论; blank lines, U+3000 indents, 本版编辑 foot lines)
    # first run (main's loader at 85f87db, keys committed in 42235f2): title F1 0.955 (21 of 22, 22 predicted), body bounds
    # 1.0, paragraphs 1.0, byline 1.0, kicker 1.0, subtitle 1.0, roles 19/19, page 6/6, page name 6/6, stitched 0/0 (the
    # 要闻 kicker `全总部署今年春节送温暖活动` over `困难职工春节慰问要做到“不漏一户”` read as title + subtitle)
    "fresh43": (HERE / "fresh43" / "pages", HERE / "fresh43" / "keys", HERE / "fresh43" / "tags"),
    # a forty-fifth batch (five ordinary pages of 工人日报 itself, 2003–2023, by a new hand: 要闻, 新闻, 工会新闻, 职工生活,
    # 文化; blank lines, U+3000 indents, 本版(责任)编辑 foot lines)
    # first run (main's loader at e655fcb, keys committed in 559f5f5): title F1 1.0 (16 of 16, 16 predicted), body bounds
    # 1.0, paragraphs 1.0, byline 1.0, kicker - (no key item has one; the gold scorer prints 0.0, none predicted),
    # subtitle 1.0, roles 17/17, page 5/5, page name 5/5, stitched 0/0
    "fresh44": (HERE / "fresh44" / "pages", HERE / "fresh44" / "keys", HERE / "fresh44" / "tags"),
    # a forty-sixth batch (five 工人日报 pages, 2012–2023, by a new hand, of the kinds the batches cover least: 读者来信 with
    # a 记者调查 reply, 评论 with column labels, numbered items and a 要闻简报 column, kicker + title stacks with no —— and
    # no 了, photos among short news)
    # first run (main's loader at 5375907, keys committed in 4f5797e): title F1 0.92 (23 of 25, 25 predicted), body bounds
    # 1.0, paragraphs 1.0, byline 1.0, kicker 1.0 (of those found), subtitle - (no key item has one; the gold scorer prints
    # 0.0), roles 18/18, page 5/5, page name 5/5, stitched 0/0 (two kicker + title stacks read as title + subtitle:
    # 进博会场馆里的工会身影 / 两千名职工志愿者坚守服务岗位, 直击北方供暖准备一线 / 热力工人昼夜抢修老旧管网)
    "fresh45": (HERE / "fresh45" / "pages", HERE / "fresh45" / "keys", HERE / "fresh45" / "tags"),
    # a forty-seventh batch (five pages of papers other than 工人日报, 2007–2023, by a new hand: 湖南工人报 要闻 with a 导读 box
    # and its 特别报道 page holding the front page's jump, a 人民日报-style 要闻 page, 金城职工报 基层之声, 山东工人报 综合新闻
    # with no blank lines; and a post-fix check page, 广西工人报 要闻)
    # first run (main's loader at 5375907, keys committed in ccd5f22): title F1 0.936 (22 of 23, 24 predicted), body bounds
    # 1.0, paragraphs 1.0, byline 1.0, kicker 1.0, subtitle 1.0, roles 25/25, page 5/5, page name 5/5, stitched 1/1
    "fresh46": (HERE / "fresh46" / "pages", HERE / "fresh46" / "keys", HERE / "fresh46" / "tags"),
    # a forty-eighth batch (five service pages of provincial and city workers' papers, 2011–2024, by a new hand: 江苏工人报,
    # 四川工人日报, 辽宁职工报, 湖北工人报, 滨江工人报 — how-tos and notices under 本报讯 stories, 问：/答： columns, 通知/公告,
    # a ——记 feature, award lists; and a post-fix check page, 安徽工人日报 服务)
    # first run (main's loader at 8bc4913, keys committed in f613047): title F1 0.821 (16 of 22, 17 predicted), body bounds
    # 0.781, paragraphs 0.5, byline 1.0, kicker - (no key item has one; printed 0.0), subtitle 1.0, roles 11/11, page 5/5,
    # page name 5/5, stitched 0/0
    "fresh47": (HERE / "fresh47" / "pages", HERE / "fresh47" / "keys", HERE / "fresh47" / "tags"),
    # a forty-ninth batch (five pages of the kinds the batches cover least, 2004–2022, by a new hand: a 表彰 page with a
    # 决定 and a 通报 whose lists are headed by honour names, a 副刊, a 职工文体 page with a results list, a 综合新闻 page
    # with no blank lines, a 人物 page with 记者手记 and 档案 boxes; and a post-fix check page, 江城职工报 工会动态)
    # first run (main's loader at ad5fee8, keys committed in fe974f4): title F1 0.857 (21 of 23, 26 predicted), body bounds
    # 0.905, paragraphs 0.857, byline 0.952, kicker - (no key item has one; printed 0.0), subtitle 1.0, roles 12/12, page
    # 5/5, page name 5/5, stitched 0/0
    "fresh48": (HERE / "fresh48" / "pages", HERE / "fresh48" / "keys", HERE / "fresh48" / "tags"),
    # a fiftieth batch (five pages by a new hand, 2003–2021, 工人日报 and provincial workers' papers: honours documents
    # ending on their lists with the signing body and date under the last row, results lists, column labels over quoted
    # titles, qualified salutations, and a page of look-alike briefs; and two post-fix check pages, 湖北工人报 and 天津工人报)
    # first run (main's loader at 66b9aea, keys committed in 76b5a99): title F1 0.844 (19 of 23, 22 predicted), body bounds
    # 0.842, paragraphs 0.789, byline 0.895, kicker - (no key item has one; printed 0.0), subtitle 1.0, roles 8/8, page
    # 5/5, page name 5/5, stitched 0/0
    "fresh49": (HERE / "fresh49" / "pages", HERE / "fresh49" / "keys", HERE / "fresh49" / "tags"),
    # a fifty-first batch (five ordinary 工人日报 pages by a new hand, 1998–2024: 文化, 工会新闻, 经济, 评论 and 要闻, written
    # as each page would print that year, not aimed at known weaknesses) first run (main's loader at 754e5ca, keys
    # committed in d41cc13): title F1 1.0 (25 of 25, 25 predicted), body bounds 1.0, paragraphs 1.0, byline 1.0, kicker
    # 1.0, subtitle 1.0, roles 15/15, page 5/5, page name 5/5, stitched 0/0
    "fresh50": (HERE / "fresh50" / "pages", HERE / "fresh50" / "keys", HERE / "fresh50" / "tags"),
    "fresh51": (HERE / "fresh51" / "pages", HERE / "fresh51" / "keys", HERE / "fresh51" / "tags"),
    "fresh52": (HERE / "fresh52" / "pages", HERE / "fresh52" / "keys", HERE / "fresh52" / "tags"),
    "fresh53": (HERE / "fresh53" / "pages", HERE / "fresh53" / "keys", HERE / "fresh53" / "tags"),
    "fresh54": (HERE / "fresh54" / "pages", HERE / "fresh54" / "keys", HERE / "fresh54" / "tags"),
    "fresh55": (HERE / "fresh55" / "pages", HERE / "fresh55" / "keys", HERE / "fresh55" / "tags"),
    "fresh56": (HERE / "fresh56" / "pages", HERE / "fresh56" / "keys", HERE / "fresh56" / "tags"),
    "fresh57": (HERE / "fresh57" / "pages", HERE / "fresh57" / "keys", HERE / "fresh57" / "tags"),
    "fresh58": (HERE / "fresh58" / "pages", HERE / "fresh58" / "keys", HERE / "fresh58" / "tags"),
    "fresh59": (HERE / "fresh59" / "pages", HERE / "fresh59" / "keys", HERE / "fresh59" / "tags"),
    "fresh60": (HERE / "fresh60" / "pages", HERE / "fresh60" / "keys", HERE / "fresh60" / "tags"),
    "fresh61": (HERE / "fresh61" / "pages", HERE / "fresh61" / "keys", HERE / "fresh61" / "tags"),
    "fresh62": (HERE / "fresh62" / "pages", HERE / "fresh62" / "keys", HERE / "fresh62" / "tags"),
    "fresh63": (HERE / "fresh63" / "pages", HERE / "fresh63" / "keys", HERE / "fresh63" / "tags"),
    "fresh64": (HERE / "fresh64" / "pages", HERE / "fresh64" / "keys", HERE / "fresh64" / "tags"),
    # a sixty-sixth batch (five 1994–2021 pages aimed at the loader's weak lead classes: place-only leads with no 本报 (静安讯,
    # 蚌埠讯（通讯员 name）), 本报X讯 with no date, 新华社 leads in full-width digits or an ASCII bracket, a lead under an 编者按,
    # bracketed names closing briefs, a 数据 box, 副刊 prose; every item states dateline_place)
    "fresh65": (HERE / "fresh65" / "pages", HERE / "fresh65" / "keys", HERE / "fresh65" / "tags"),
    # a sixty-seventh batch (fresh66: five pages by a new hand, 1993–2016, 工人日报 and provincial workers' papers, a check of
    # the fresh62/fresh64 rules in other surface forms — a 癸酉年清明 and a 2016年“五一”假日 sign-off, a kicker listed by ·,
    # 〈〉/「」 副题 and sketch introductions, 帮…拿回, 建成了, 一家小煤矿…被勒令…, 两家劳务中介…被依法查办, 【问】/Q： turns, OCR 0
    # for 。, 曰 for 日, 囗, 本报汛 — and one ordinary page) first run (main's loader at 986fcfa, keys committed in 2cbbe3a):
    # title F1 0.615 (12 of 19, 20 predicted), body bounds 0.792, paragraphs 0.75, byline 0.833, kicker 0.5, subtitle 1.0,
    # roles 13/16, page 5/5, page name 5/5, stitched 0/0, invented kickers 2, invented subtitles 1
    "fresh66": (HERE / "fresh66" / "pages", HERE / "fresh66" / "keys", HERE / "fresh66" / "tags"),
    # a sixty-eighth batch (five ordinary pages in the papers, decades and page kinds earlier batches used least: 1957 and
    # 1963 typeset 工人日报, a 2009 兵团日报 page with a table, a 2015 香港 union paper in traditional characters, a 2014 劳动报
    # e-paper copy with its navigation lines; readers' letters, notices, rows of figures)
    "fresh67": (HERE / "fresh67" / "pages", HERE / "fresh67" / "keys", HERE / "fresh67" / "tags"),
    # a sixty-ninth batch (fresh68: five pages, 1957–2019, in layouts the samples and earlier batches hold few of — a PDF
    # page with two columns interleaved line by line, stories opening with a 【标题】 run into the text, a 要闻 jump
    # (下转第三版) stitched to an untitled half mid-page on page 3, ■/▲ briefs titled with one space, a 1957 page with 本报消息,
    # 「」 and 。 at line ends) first run (main's loader at 8a2882f, keys committed in a96486a): title F1 0.686 (12 of
    # 22, 13 predicted), body bounds 0.917, paragraphs 0.583, byline 0.917, subtitle 1.0, roles 12/16, page 5/5, page
    # name 5/5, stitched 1/1, datelines 13/13, invented 0/0
    "fresh68": (HERE / "fresh68" / "pages", HERE / "fresh68" / "keys", HERE / "fresh68" / "tags"),
    # a seventieth batch (fresh69: three check pages for the rules fresh67 and fresh68 added, in other surface forms — a
    # » breadcrumb, 〔〕 and ［］ run-in heads, ★/▶ briefs titled with one space, a 1958 page with 本报沈阳十六日消息 and
    # 本报太原消息 leads, 。 at line ends and a one-space table of figures in characters, a traditional 啟事 and 聲明 signed
    # with dates in characters)
    "fresh69": (HERE / "fresh69" / "pages", HERE / "fresh69" / "keys", HERE / "fresh69" / "tags"),
    "seeds": (REPO / "seeds", REPO / "tests" / "gold", None),
}
# keys that state starts_incomplete for every item (the seed keys predate the field)
COMPLETE_EXTRAS = {"heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36", "fresh37", "fresh38", "fresh39", "fresh40", "fresh41", "fresh42", "fresh43", "fresh44", "fresh45", "fresh46", "fresh47", "fresh48", "fresh49", "fresh50", "fresh51", "fresh52", "fresh53", "fresh54", "fresh55", "fresh56", "fresh57", "fresh58", "fresh59", "fresh60", "fresh61", "fresh62", "fresh63", "fresh64", "fresh65", "fresh66", "fresh67", "fresh68", "fresh69"}
METRICS = ("items_gold", "items_pred", "title_f1", "title_p", "title_r", "body_bounds", "paragraphs", "byline",
           "kicker", "subtitle", "fragments")
TAG_METRICS = ("province_f1", "prefecture_f1", "topic_f1")

Key = dict[str, Any]
Record = dict[str, Any]


def norm(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def run_export(pages: Path, tags: bool) -> list[Record]:
    """The records of ``archive-gen export`` on a folder, run from an empty folder (no archive.yaml)."""
    command = [sys.executable, "-m", "archive_gen", "export", str(pages), "--format", "jsonl"]
    if not tags:
        command.append("--no-tags")
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)
    if done.returncode not in (0, 1) or not done.stdout.strip():
        raise SystemExit(f"archive-gen export failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def load_keys(keys_dir: Path, tags_dir: Path | None) -> dict[str, Key]:
    keys: dict[str, Key] = {}
    for path in sorted(keys_dir.glob("*.yaml")):
        key = load_yaml(path.read_text(encoding="utf-8"))
        if not key or "articles" not in key:
            continue
        if tags_dir is not None:
            merge_tags(key, tags_dir / path.name)
        keys[Path(key["file"]).stem] = key
    return keys


def merge_tags(key: Key, tags_path: Path) -> None:
    """Regions and topics labelled by another hand (tags/<name>.yaml) go into the structure key."""
    if not tags_path.exists():
        return
    tags = load_yaml(tags_path.read_text(encoding="utf-8")) or {}
    by_index = {a["index"]: a for a in key["articles"]}
    for entry in tags.get("items") or []:
        item = by_index.get(entry.get("index"))
        if item is None:
            print(f"{tags_path.name}: no item {entry.get('index')} in the key", file=sys.stderr)
            continue
        if entry.get("title") and norm(entry["title"]) != norm(item.get("title")):
            print(f"{tags_path.name}: item {entry['index']} title {entry['title']!r} differs from the key's "
                  f"{item.get('title')!r}", file=sys.stderr)
        for field in ("regions", "topics", "mentioned_places"):
            if field in entry:
                item[field] = entry[field]


def cross_page_tails(keys: dict[str, Key]) -> list[tuple[str, Key, str, int]]:
    """(page, tail item, head page, head index) for halves the export stitches into another page's item."""
    out = []
    for stem, key in keys.items():
        for item in key["articles"]:
            if item.get("belongs_to_page"):
                out.append((stem, item, Path(item["belongs_to_page"]).stem, item["belongs_to"]))
    return out


def lines_of(item: Key) -> set[int]:
    out: set[int] = set()
    for span in item.get("lines") or item.get("source_lines") or []:
        lo, hi = (span, span) if isinstance(span, int) else span
        out.update(range(lo, hi + 1))
    return out


def select(key: Key, wanted: Iterable[int]) -> Key:
    """The key with only the items whose index is in ``wanted`` (fragment links renumbered)."""
    items = [a for a in key["articles"] if a["index"] in set(wanted)]
    renumber = {a["index"]: k for k, a in enumerate(items)}
    out_items = []
    for k, item in enumerate(items):
        copy = dict(item, index=k)
        if "belongs_to" in copy and not copy.get("belongs_to_page"):
            copy["belongs_to"] = renumber.get(copy["belongs_to"], -1)
        if copy.get("fragments"):
            copy["fragments"] = [renumber[f] for f in copy["fragments"] if f in renumber]
        out_items.append(copy)
    return dict(key, articles=out_items)


def prepared(keys: dict[str, Key]) -> dict[str, Key]:
    """Keys as the export sees them: halves stitched into another page leave their own page."""
    out = {}
    for stem, key in keys.items():
        keep = [a["index"] for a in key["articles"] if not a.get("belongs_to_page")]
        out[stem] = select(key, keep)
    return out


def run_scorer(*args: str) -> tuple[int, str, str]:
    """tests/gold/score_keys.py run as written (as ``__main__``, with these arguments), in this process: a
    set is scored once overall and once per class, and a fresh interpreter for each took ~0.2 s, most of
    the held-out tests' time. Returns its exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    saved, safe_load = sys.argv, yaml.safe_load
    sys.argv = [str(SCORER), *args]
    yaml.safe_load = load_yaml  # the scorer reads the keys with it: the same data, by libyaml
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            runpy.run_path(str(SCORER), run_name="__main__")
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    finally:
        sys.argv, yaml.safe_load = saved, safe_load
    return code, out.getvalue(), err.getvalue()


def score(keys: dict[str, Key], records: list[Record], tags: bool) -> dict[str, Any]:
    """Run tests/gold/score_keys.py on the keys and records; its JSON result."""
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "keys"
        gold.mkdir()
        for stem, key in keys.items():
            (gold / f"{stem}.yaml").write_text(_dump_yaml(key, sort_keys=False),
                                               encoding="utf-8")
        pred = Path(tmp) / "records.jsonl"
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        code, out, err = run_scorer(str(gold), str(pred), "--json")
    if code != 0 or not out:
        raise SystemExit(f"score_keys.py failed: {err.strip()[-500:]}")
    result = json.loads(out.splitlines()[0])
    if not tags:
        for metric in TAG_METRICS:
            result.pop(metric, None)
    return result


def verbose_misses(keys: dict[str, Key], records: list[Record]) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "keys"
        gold.mkdir()
        for stem, key in keys.items():
            (gold / f"{stem}.yaml").write_text(_dump_yaml(key), encoding="utf-8")
        pred = Path(tmp) / "records.jsonl"
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        _, out, _ = run_scorer(str(gold), str(pred), "-v")
    return out.splitlines()[:-1]


def classes_of(keys: dict[str, Key]) -> list[str]:
    found = {str(c) for key in keys.values() for a in key["articles"] for c in a.get("classes") or []}
    return sorted(found, key=lambda c: (not c.isdigit(), int(c) if c.isdigit() else 0, c))


def class_slice(keys: dict[str, Key], records: list[Record], cls: str) -> tuple[dict[str, Key], list[Record]]:
    """Items tagged ``cls`` (with the owners and fragments they are linked to), and the records that
    touch their lines."""
    out_keys: dict[str, Key] = {}
    touched: dict[str, set[int]] = {}
    for stem, key in keys.items():
        tagged = {a["index"] for a in key["articles"] if cls in {str(c) for c in a.get("classes") or []}}
        if not tagged:
            continue
        linked = set(tagged)
        for item in key["articles"]:
            if item["index"] in tagged:
                linked.update(item.get("fragments") or [])
                if "belongs_to" in item and not item.get("belongs_to_page"):
                    linked.add(item["belongs_to"])
        out_keys[stem] = select(key, sorted(linked))
        touched[stem] = set().union(*(lines_of(a) for a in key["articles"] if a["index"] in linked))
    out_records = [r for r in records if set(r.get("source_lines") or []) & touched.get(Path(r["source"]).stem, set())]
    return out_keys, out_records


def record_at(records: list[Record], stem: str, line: int, title: str | None = None) -> Record | None:
    """The record holding the line; where two records share it (a page printed in side-by-side columns, where one
    text line holds two stories' pieces), the one that starts on it; where two start on it (two headlines side by
    side on one line), the one with the key item's ``title``."""
    found = [rec for rec in records if Path(rec["source"]).stem == stem and line in (rec.get("source_lines") or [])]
    starting = [rec for rec in found if min(rec["source_lines"]) == line]
    if len(starting) > 1 and title:
        starting = [rec for rec in starting if norm(rec.get("title")) == norm(title)] or starting
    return (starting or found or [None])[0]


def extra_checks(keys: dict[str, Key], records: list[Record], complete: bool = True) -> dict[str, Any]:
    """Checks beyond the gold scorer: roles, starts_incomplete, title labels, page numbers and names,
    stitched halves. Each is (right, total)."""
    roles = [0, 0]
    incomplete = {"tp": 0, "fp": 0, "fn": 0}
    labels = [0, 0]
    page_numbers = [0, 0]
    page_names = [0, 0]
    stitched = [0, 0]
    datelines = [0, 0]
    kinds = [0, 0]
    for stem, key in keys.items():
        page_records = [r for r in records if Path(r["source"]).stem == stem]
        for rec in page_records[:1]:
            page_numbers[1] += 1
            page_numbers[0] += rec.get("page") == key.get("page")
            page_names[1] += 1
            page_names[0] += norm(rec.get("page_name")) == norm(key.get("page_name"))
        for item in key["articles"]:
            first = min(lines_of(item)) if lines_of(item) else None
            rec = record_at(records, stem, first, item.get("title")) if first else None
            if item.get("belongs_to_page"):
                head_key = keys[Path(item["belongs_to_page"]).stem]
                head = next(a for a in head_key["articles"] if a["index"] == item["belongs_to"])
                head_rec = record_at(records, Path(item["belongs_to_page"]).stem, min(lines_of(head)))
                stitched[1] += 1
                body = norm("".join((head_rec or {}).get("paragraphs") or []))
                stitched[0] += bool(head_rec) and norm(item.get("first")) in body and rec is None
                continue
            if item.get("kind") == "fragment":
                continue
            for person, role in (item.get("roles") or {}).items():
                roles[1] += 1
                printed = {norm(r.get("name")): r.get("role") for r in (rec or {}).get("byline_roles") or []}
                # (a key's null: the name is credited with no role word printed, the record's role "")
                roles[0] += printed.get(norm(person)) == (role if role is not None else "")
            if "dateline_place" in item:  # the place of the lead's dateline, null when it names none (本报讯)
                datelines[1] += 1
                got = ((rec or {}).get("dateline") or {}).get("place") or None
                datelines[0] += norm(got) == norm(item["dateline_place"])
            if rec is not None:
                kinds[1] += 1
                kinds[0] += rec.get("kind") == item.get("kind")
            truth = bool(item.get("starts_incomplete"))
            got = bool((rec or {}).get("starts_incomplete"))
            if not complete and "starts_incomplete" not in item:
                continue
            if truth and got:
                incomplete["tp"] += 1
            elif got:
                incomplete["fp"] += 1
            elif truth:
                incomplete["fn"] += 1
            if "title_label" in item:
                labels[1] += 1
                labels[0] += bool(rec) and rec.get("title") is None and \
                    norm(rec.get("title_label")) == norm(item["title_label"])
    return {"roles": roles, "starts_incomplete": incomplete, "title_labels": labels,
            "page_numbers": page_numbers, "page_names": page_names, "stitched_across_pages": stitched,
            "datelines": datelines, "kinds": kinds}


# sets whose keys state every item's kicker and subtitle (keytool derives both from the item's ``head`` and drops the field
# when the head has no such part, so an absent field means the page prints none); the seed keys, written by hand before
# keytool, are not counted
STATED_PARTS_EXCLUDED = {"seeds"}


def _norm_title(text: str | None) -> str:
    """The gold scorer's title normalisation (NFKC, quotes folded, no white space)."""
    quotes = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'})
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "").translate(quotes))


def invented_parts(keys: dict[str, Key], records: list[Record]) -> dict[str, list[dict[str, Any]]]:
    """Kickers and subtitles the records hold where the key states none: the records matched to key items as the gold
    scorer matches them (same page, normalised title or a ``title_alts`` title, first come first served), and of those
    the ones whose matched reading has no kicker (subtitle) while the record has one that is no reading's of that item
    (an alternative reading's part is no invention). ``keys`` as ``prepared`` gives them. Each hit: page, record's
    first line, title, the invented text."""
    out: dict[str, list[dict[str, Any]]] = {"kicker": [], "subtitle": []}
    by_page: dict[str, list[Record]] = {}
    for rec in records:
        if rec.get("kind") != "fragment":
            by_page.setdefault(Path(rec.get("source", "")).stem, []).append(rec)
    for stem, key in keys.items():
        by_title: dict[str, list[Record]] = {}
        for rec in by_page.get(stem, []):
            by_title.setdefault(_norm_title(rec.get("title")), []).append(rec)
        for item in key["articles"]:
            if item.get("kind") == "fragment":
                continue
            readings = [item, *(item.get("title_alts") or [])]
            cands = next((by_title[t] for t in (_norm_title(r.get("title")) for r in readings) if by_title.get(t)), None)
            if not cands:
                continue
            rec = cands.pop(0)
            reading = next((r for r in readings if _norm_title(r.get("title")) == _norm_title(rec.get("title"))), item)
            for part in ("kicker", "subtitle"):
                got = _norm_title(rec.get(part))
                if not got or reading.get(part) or got in {_norm_title(r.get(part)) for r in readings}:
                    continue
                out[part].append({"page": stem, "line": min(rec.get("source_lines") or [0]),
                                  "title": rec.get("title"), part: rec.get(part)})
    return out


def export_request(name: str, tags: bool) -> tuple[Path, bool]:
    """The export a set is scored on: its pages folder, and whether tags are asked for."""
    pages, _, tags_dir = SETS[name]
    return pages, tags or (tags_dir is not None and any(tags_dir.glob("*.yaml"))) or tags_dir is None


def export_all(requests: Iterable[tuple[Path, bool]]) -> dict[tuple[Path, bool], list[Record]]:
    """Several exports at once, each in its own process, as many side by side as there are cores (the test
    suite scores every set; one after another they took a minute)."""
    unique = list(dict.fromkeys(requests))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {request: pool.submit(run_export, *request) for request in unique}
        return {request: future.result() for request, future in futures.items()}


def run_set(name: str, tags: bool, verbose: bool,
            exported: Mapping[tuple[Path, bool], list[Record]] | None = None) -> dict[str, Any]:
    """Score one set; ``exported`` (from ``export_all``) holds its records when they were made already."""
    _, keys_dir, tags_dir = SETS[name]
    keys = load_keys(keys_dir, tags_dir)
    request = export_request(name, tags)
    has_tags = request[1]
    records = exported[request] if exported is not None and request in exported else run_export(*request)
    ready = prepared(keys)
    result: dict[str, Any] = {"set": name, "overall": score(ready, records, has_tags), "classes": {}}
    for cls in classes_of(ready):
        class_keys, class_records = class_slice(ready, records, cls)
        scored = score(class_keys, class_records, has_tags)
        for part in ("kicker", "subtitle"):  # the gold scorer prints 0.0 when no key item has one
            if not any(a.get(part) for k in class_keys.values() for a in k["articles"]):
                scored[part] = "-"
        result["classes"][cls] = scored
    result["extra"] = extra_checks(keys, records, name in COMPLETE_EXTRAS)
    if name not in STATED_PARTS_EXCLUDED:
        invented = invented_parts(ready, records)
        result["extra"]["invented_kickers"] = len(invented["kicker"])
        result["extra"]["invented_subtitles"] = len(invented["subtitle"])
        result["invented"] = invented
    if verbose:
        result["misses"] = verbose_misses(ready, records)
    return result


def table(result: dict[str, Any]) -> str:
    metrics = [m for m in METRICS + TAG_METRICS if m in result["overall"]]
    rows = [["set/class", *metrics], [result["set"], *(str(result["overall"][m]) for m in metrics)]]
    for cls, res in result["classes"].items():
        rows.append([f"  class {cls}", *(str(res.get(m, "")) for m in metrics)])
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    extra = result["extra"]
    inc = extra["starts_incomplete"]
    lines.append("  extra: " + "  ".join([
        f"roles={extra['roles'][0]}/{extra['roles'][1]}",
        f"starts_incomplete tp={inc['tp']} fp={inc['fp']} fn={inc['fn']}",
        f"title_labels={extra['title_labels'][0]}/{extra['title_labels'][1]}",
        f"page={extra['page_numbers'][0]}/{extra['page_numbers'][1]}",
        f"page_name={extra['page_names'][0]}/{extra['page_names'][1]}",
        f"stitched={extra['stitched_across_pages'][0]}/{extra['stitched_across_pages'][1]}",
        f"datelines={extra['datelines'][0]}/{extra['datelines'][1]}",
        f"kinds={extra['kinds'][0]}/{extra['kinds'][1]}",
        *([f"invented_kickers={extra['invented_kickers']}", f"invented_subtitles={extra['invented_subtitles']}"]
          if "invented_kickers" in extra else [])]))
    for part, hits in result.get("invented", {}).items():
        lines.extend(f"    invented {part}: {h['page']}:{h['line']} {h[part]!r} over {h['title']!r}" for h in hits)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36", "fresh37", "fresh38", "fresh39", "fresh40", "fresh41", "fresh42", "fresh43", "fresh44", "fresh45", "fresh46", "fresh47", "fresh48", "fresh49", "fresh50", "fresh51", "fresh52", "fresh53", "fresh54", "fresh55", "fresh56", "fresh57", "fresh58", "fresh59", "fresh60", "fresh61", "fresh62", "fresh63", "fresh64", "fresh65", "fresh66", "fresh67", "fresh68", "fresh69", "seeds", "all"), default="all")
    parser.add_argument("--tags", action="store_true", help="tag the records even when no tags/ keys exist")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args()
    names = ["heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36", "fresh37", "fresh38", "fresh39", "fresh40", "fresh41", "fresh42", "fresh43", "fresh44", "fresh45", "fresh46", "fresh47", "fresh48", "fresh49", "fresh50", "fresh51", "fresh52", "fresh53", "fresh54", "fresh55", "fresh56", "fresh57", "fresh58", "fresh59", "fresh60", "fresh61", "fresh62", "fresh63", "fresh64", "fresh65", "fresh66", "fresh67", "fresh68", "fresh69", "seeds"] if args.set == "all" else [args.set]
    results = [run_set(name, args.tags, args.verbose) for name in names]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    for result in results:
        print(table(result))
        for miss in result.get("misses", []):
            print("    " + miss)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
