"""Floors on the tagging held-out sets (pages and labels written before the tagger saw them), scored by
tests/heldout_tagging/score.py; raise them as the tagger improves, never lower them."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

TESTS = Path(__file__).resolve().parent
HERE = TESTS / "heldout_tagging"
# (pages, labels, fewest scored items, most unmatched, floors): this folder's set (batches 1-3, 101 items;
# batch 3 scored first at province 0.972, prefecture 0.964, topic 0.951), the loader's second held-out set
# with its region and topic labels (tests/heldout/tags, 66 items; two of its labelled items have no record of
# their own: a title the loader reads differently, a stitched tail), and the loader's fresh sets labelled for
# issue 18 before the tagger ran on them (first run: fresh 0.880/0.818/0.727, fresh2 0.867/0.783/0.808); the
# fourth round's fresh3 (loader pages of July 2025) and heldout_tagging2 (16 dated pages for the classes),
# labelled before the tagger ran on them (first run: fresh3 1.0/1.0/0.750, heldout_tagging2 1.0/1.0/0.860; its
# unmatched item is a reader's letter whose title the loader does not separate); the fifth round's heldout_tagging3
# (18 dated pages for weak-term, multi-topic, commentary, photo, briefs, dateline-only and older-name items),
# labelled before the tagger ran on them (first run: 0.931/0.940/0.625); the sixth round's heldout_tagging4
# (18 dated pages for short forms, dateline-only places, shared district names, county-level, province-administered
# and 兵团 cities, SARs and Taiwan, older names, many-province stories and side-phrase topics), labelled before the
# tagger ran on them (first run: 0.992/0.976/0.800; after the round's fixes 1.0/1.0/0.948); the seventh round's
# heldout_tagging5 (19 dated pages over all 16 topics: who-words in headlines, destinations, agent cues, 入了会,
# minority prefectures, datelines, zones, origin lists), labelled before the tagger ran on them (first run:
# 0.958/0.953/0.780; after the round's fixes 0.979/0.977/0.990; eighth round 1.0/1.0/0.990)
# heldout_tagging6 (9 dated pages of everyday items: 送温暖, safety checks, arrears, 职代会, courses, honours, 建会),
# labelled before the tagger ran on them (first run: 0.983/0.982/0.918; after the eighth round's fixes 1.0/1.0/1.0;
# one byline-less commentary is read by the loader as a crosshead of the item before it: unmatched 1); the ninth
# round's heldout_tagging7 (11 dated pages over all 16 topics, topic traps: passing clauses, closing "also" sentences,
# competitions inside training, seasonal photos, commentaries, an interview, briefs, continued halves), labelled
# before the tagger ran on them (first run: 1.0/1.0/0.866; after the ninth round's fixes 1.0/1.0/0.984);
# and the tenth round's heldout_tagging8 (11 dated pages 2006-2025 for places whose answer depends on the page's year,
# same-named districts, county-level, 兵团, SAR and province-administered cities, several places, a continued half),
# labelled before the tagger ran on them (first run: 1.0/1.0/0.857; after the tenth round's fixes 1.0/1.0/0.911);
# and the eleventh round's heldout_tagging9 (6 dated pages 2018-2025 of ordinary everyday items over 11 topics in 19
# provinces), labelled before the tagger ran on them (first run: 1.0/1.0/1.0); and the twelfth round's heldout_tagging10
# (6 dated pages 2002-2024: year-dependent places, same-named districts, 兵团/SAR/province-administered cities, a
# continued half, side phrases, commentaries), labelled before the tagger ran on them (first run: 1.0/1.0/0.98; after
# the twelfth round's fixes 1.0/1.0/1.0); and the thirteenth round's heldout_tagging11 (7 dated pages 1995-2023:
# renamed places, 地区 -> 市, counties moved between prefectures, same-named districts, 海南 and 兵团 cities, a continued
# half, side phrases), labelled before the tagger ran on them (first run: 1.0/0.973/0.893; after its fixes 1.0/1.0/1.0);
# and the fourteenth round's heldout_tagging12 (6 dated pages 1998-2022: under-represented provinces, districts named
# alone with their city later, year-dependent names, stories set abroad or nationwide, rarer primary topics, side
# clauses of other topics), labelled before the tagger ran on them (first run: 0.98/1.0/0.909; after its fixes 1.0/1.0/1.0)
# and the fifteenth round's heldout_tagging13 (5 dated pages 2017-2024 of ordinary everyday union news in six provinces
# new to sets 10-12, county-level places, a two-province item, a national item, a commentary), labelled before the
# tagger ran on them (first run: 1.0/1.0/0.926; after its fixes 1.0/1.0/0.981); and the sixteenth round's heldout_tagging14
# (6 dated pages 1999-2024 in the provinces the earlier keys use least: parents by the page's year, county-level
# cities, same-named districts, a two-province item, a national item, commentaries, briefs, photos, side clauses),
# labelled before the tagger ran on them (first run: 1.0/1.0/1.0); and the seventeenth round's heldout_tagging15 (6 dated pages
# 1998-2023 in the least-used provinces: 地区 parents by year, 自治州/盟, short forms in titles, dateline-only places,
# a provincial union acting in another province's city, a national item, commentaries, briefs, photos, 座谈会 items),
# labelled before the tagger ran on them (first run: 1.0/1.0/0.918; after its fixes 1.0/1.0/1.0); and the eighteenth round's
# heldout_tagging16 (6 dated pages 2006-2024 in the least-used provinces and topics: places that are everyday words or
# people's names, several cities of one province, a city union visiting another province to learn, counties named like
# their prefecture, zones, place names inside unit names, a women's skills contest, safety stories closing on training,
# migrant wages beside rural words, commentaries), labelled before the tagger ran on them (first run: 0.984/1.0/0.969;
# after its fixes 1.0/1.0/1.0); and the nineteenth round's heldout_tagging17 (6 dated pages 2019-2025 of whole ordinary
# pages: a 要闻 front page with a long national meeting report, a 地方 page of six county-level briefs, a 新就业形态 page,
# a 权益 page with a court case, a photo page; a city named only in its dateline, 两地 cooperation, an 援藏 item keyed at
# both ends), labelled before the tagger ran on them (first run: 1.0/1.0/0.903; after its fixes 1.0/1.0/0.969; its
# unmatched item is a legal Q&A the loader joins to the item before it); and the twentieth round's heldout_tagging18
# (6 dated pages 2002-2021 as picked at random: 要闻, 经济, 法治, 文体·副刊 with a commentary and a short story, 图片,
# 地方 briefs, in the least-used provinces, nearly every place one whose name or level changed: 县 -> 市/区, 市 -> 区,
# 地区/盟 -> 市, keyed as in the page's year), labelled before the tagger ran on them (first run: 0.981/1.0/0.915; after
# its fixes 1.0/1.0/0.983); and the twenty-first round's heldout_tagging19 (7 dated pages 2008-2025 of whole ordinary
# pages: 要闻 with a 下转/上接 story whose tail names no place, 权益, 经济, 文体, 图片, a provincial paper's page naming no
# province; keyed by the user's practice, every topic a whole paragraph or caption is about as a secondary (44% of
# items); renamed/merged/moved places by the page's year, same-named districts, county-level cities, 兵团 cities),
# labelled before the tagger ran on them (first run: 1.0/1.0/0.957; after its fixes 1.0/1.0/0.979); and the
# twenty-second round's heldout_tagging20 (6 dated pages 2011-2024, 25 items of which 13 long: a provincial union
# congress, a 视点 investigation with a 阅读提示, two 人物 profiles, a 工会工作 report with crossheads, a 职代会 that
# votes a wage agreement, a courier feature, a commentary; keyed by the user's practice, 60% of items with a
# secondary), labelled before the tagger ran on them (first run: 1.0/0.923/0.881; after its fixes 1.0/0.923/0.944;
# prefecture 0.923: a province-framed investigation keyed at its two cities, see its README); and the twenty-third
# round's heldout_tagging21 (6 dated pages 2013-2025, 31 items of ordinary pages sitting on the taxonomy's
# disambiguation boundaries: 维权 vs 信访, 建会 vs 新就业, 产改 vs 劳模, 普惠 vs 文体 (疗休养, tour products), 培训 vs
# contests, 党建 in passing, photos with no union angle), labelled before the tagger ran on them (first run: 1.0/1.0/0.963; after its fixes 1.0/1.0/1.0)
# and the twenty-fourth round's heldout_tagging22 (7 dated pages 2008-2025, 34 items: amenity and hazard words as topic
# words (高温津贴, 防暑降温, 职工书屋, 爱心驿站, 母婴室, 尘肺病, 工伤认定), closing 同时 paragraphs, two-topic headlines,
# short forms and 开发区/新区 names, places whose prefecture changed by year, several provinces), labelled before the
# tagger ran on them (first run: 0.947/0.947/0.932; after its fixes 1.0/1.0/0.977)
SETS = {
    "heldout_tagging": (HERE / "pages", HERE / "keys", 100, 0,
                        {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.97}),
    "heldout_tagging2": (TESTS / "heldout_tagging2" / "pages", TESTS / "heldout_tagging2" / "keys", 50, 1,
                         {"province_f1": 1.0, "prefecture_f1": 1.0, "topic_f1": 0.98}),
    # (province and prefecture at 1.0: a loader change once moved a lead's unit out of the text the tagger read, and
    # 0.991 still passed a 0.99 floor)
    "heldout_tagging3": (TESTS / "heldout_tagging3" / "pages", TESTS / "heldout_tagging3" / "keys", 59, 0,
                         {"province_f1": 1.0, "prefecture_f1": 1.0, "topic_f1": 0.95}),
    "heldout_tagging4": (TESTS / "heldout_tagging4" / "pages", TESTS / "heldout_tagging4" / "keys", 55, 0,
                         {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    "heldout_tagging5": (TESTS / "heldout_tagging5" / "pages", TESTS / "heldout_tagging5" / "keys", 48, 0,
                         {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    "heldout_tagging6": (TESTS / "heldout_tagging6" / "pages", TESTS / "heldout_tagging6" / "keys", 30, 1,
                         {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    "heldout_tagging7": (TESTS / "heldout_tagging7" / "pages", TESTS / "heldout_tagging7" / "keys", 31, 0,
                         {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    "heldout_tagging8": (TESTS / "heldout_tagging8" / "pages", TESTS / "heldout_tagging8" / "keys", 41, 0,
                         {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.9}),
    "heldout_tagging9": (TESTS / "heldout_tagging9" / "pages", TESTS / "heldout_tagging9" / "keys", 21, 0,
                         {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    "heldout_tagging10": (TESTS / "heldout_tagging10" / "pages", TESTS / "heldout_tagging10" / "keys", 24, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    "heldout_tagging11": (TESTS / "heldout_tagging11" / "pages", TESTS / "heldout_tagging11" / "keys", 27, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    "heldout_tagging12": (TESTS / "heldout_tagging12" / "pages", TESTS / "heldout_tagging12" / "keys", 31, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    "heldout_tagging13": (TESTS / "heldout_tagging13" / "pages", TESTS / "heldout_tagging13" / "keys", 25, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    # 14, 15 and loader set 2: topic floors 0.98/0.98/0.96 -> 0.96/0.96/0.95 for the secondaries by the user's
    # practice (issue 18, tests/heldout_tagging/SECONDARY.md): a rest station for gig workers listing the services
    # it gives (提供休息、饮水、充电等服务) now also gets 职工服务与普惠, as the user's keys give the seeds' 骑士驿站 and
    # 司机之家; these sets' stricter keys omit it (two stations in 14, two in 15, one in loader set 2)
    "heldout_tagging14": (TESTS / "heldout_tagging14" / "pages", TESTS / "heldout_tagging14" / "keys", 31, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.96}),
    "heldout_tagging15": (TESTS / "heldout_tagging15" / "pages", TESTS / "heldout_tagging15" / "keys", 30, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.96}),
    # 16, 17, 18: secondaries re-keyed blind by the user's practice (SECONDARY.md); topic floors are the re-keyed
    # first run (main's tagger: 0.985, 0.941, 0.984) less a little (after the secondary rules: 1.0, 0.957, 1.0)
    "heldout_tagging16": (TESTS / "heldout_tagging16" / "pages", TESTS / "heldout_tagging16" / "keys", 31, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    # (issue 14, loader merges: the legal Q&A under 读者来信问： is an item of its own, unmatched 1 -> 0, topic 0.958)
    "heldout_tagging17": (TESTS / "heldout_tagging17" / "pages", TESTS / "heldout_tagging17" / "keys", 29, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.955}),
    "heldout_tagging18": (TESTS / "heldout_tagging18" / "pages", TESTS / "heldout_tagging18" / "keys", 29, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.97}),
    "heldout_tagging19": (TESTS / "heldout_tagging19" / "pages", TESTS / "heldout_tagging19" / "keys", 32, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.97}),
    # (thirtieth round: the 货车司机 视点's tip written "【阅读提示】…" on one line is read as the tip, not the first
    # paragraph, so its 许昌 is found: prefecture 0.923 -> 0.963)
    "heldout_tagging20": (TESTS / "heldout_tagging20" / "pages", TESTS / "heldout_tagging20" / "keys", 25, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.93}),
    "heldout_tagging21": (TESTS / "heldout_tagging21" / "pages", TESTS / "heldout_tagging21" / "keys", 31, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.97}),
    "heldout_tagging22": (TESTS / "heldout_tagging22" / "pages", TESTS / "heldout_tagging22" / "keys", 34, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.96}),
    # 23 (issue 18, twenty-fifth round: an ordinary day, 8 pages 1998-2025): first run 0.987 / 0.973 / 0.956 (topic
    # confusions 维权 -> 女职工 on a 获赔 headline, 普惠 -> 劳模 on a 劳模赴…疗休养 headline; regions missed 包钢's 包头
    # and 天府新区's 成都), final 0.987 / 0.973 / 0.978 (tests/heldout_tagging23/README.md)
    # (thirty-second round: the enterprise short forms' table gives 包钢's 包头, 1.0 / 0.987 / 0.978)
    "heldout_tagging23": (TESTS / "heldout_tagging23" / "pages", TESTS / "heldout_tagging23" / "keys", 42, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.98, "topic_f1": 0.96}),
    # 24 (issue 18, twenty-sixth round: an ordinary day from the provinces earlier sets name least, 7 pages 2001-2025,
    # 35 items, a new hand): first run 0.943 / 0.9 / 0.88 (regions missed a place starting a company's one-token name,
    # a rare short form before 以南/段, where migrants worked with its union acting, a partner body opening the story,
    # 位于 a county; topics 办实事 read as 党建, a 劳模宣讲团 preaching 党史), final 1.0 / 0.985 / 0.933
    # (tests/heldout_tagging24/README.md)
    "heldout_tagging24": (TESTS / "heldout_tagging24" / "pages", TESTS / "heldout_tagging24" / "keys", 35, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.97, "topic_f1": 0.92}),
    # 25 (issue 18, twenty-seventh round: places as papers wrote them 1985-2009 — 地区/盟 before they became cities,
    # 海南行政区, counties later made 市, former district names, 重庆 after 1997, 兵团 and 农垦 — 7 pages, 34 items):
    # first run 0.971 / 0.98 / 0.93, every place read as the division of the page's year; the misses are one loader
    # reading (an undated 本报海口电 lead joins an item to the one before) and two secondaries the rules decline (a 带动
    # 农户增收 clause, a station with two services); no tagger change. After the loader read the undated 电 lead
    # (bylines._LEAD_PLAIN): 1.0 / 1.0 / 0.971 (tests/heldout_tagging25/README.md)
    "heldout_tagging25": (TESTS / "heldout_tagging25" / "pages", TESTS / "heldout_tagging25" / "keys", 34, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.95}),
    # 26 (issue 18, twenty-eighth round: an ordinary day over all 16 topics by a new hand, 7 pages 2012-2025, 37
    # items): first run 0.986 / 0.971 / 0.916 (topics: a confined-space rescue drill read as disaster relief, a
    # 八项规定精神学习教育 read as training by its 学习, 消费帮扶 beside a headline's 职工食堂 read as the union's service,
    # a platform bargaining's procedure with no 民主管理 word; region missed: 鞍钢's 鞍山), final 0.986 / 0.971 / 0.976
    # (tests/heldout_tagging26/README.md)
    # (thirty-second round: the enterprise short forms' table gives 鞍钢's 鞍山, 1.0 / 0.986 / 0.976)
    "heldout_tagging26": (TESTS / "heldout_tagging26" / "pages", TESTS / "heldout_tagging26" / "keys", 37, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.98, "topic_f1": 0.96}),
    # 27 (issue 18, twenty-ninth round: long items by a new hand, 6 pages 2010-2025, 25 items — features and 深度
    # reports with crossheads, profiles, 记者/答 interviews, commentaries, 调查 pieces with a 阅读提示 — whose bodies wander
    # into other topics and places): first run 0.977 / 0.85 / 0.915 (topics: a lockdown feature's riders' section
    # outweighed its 封控 headline, two commentaries' 当然 asides made secondaries, a crosshead section on 疲劳驾驶 was
    # missed; regions: a court named with its city as one dictionary word (深圳市中级人民法院) gives no place, and two
    # province-framed 调查 pieces (subtitle 河北/山东) keep the province only, their cities in a 阅读提示 the loader reads
    # as a paragraph when written "阅读提示 …" without brackets), final 0.977 / 0.85 / 0.946
    # (tests/heldout_tagging27/README.md); thirtieth round: a full name opening an institution's one-word name
    # (深圳市中级人民法院) is its place and a tip written "阅读提示 …" on one line is the tip, 1.0 / 0.93 / 0.946
    # (tests/test_tagging_round30.py, tests/test_loader_parse.py); the prefecture floor stays below the 0.97 target
    # (thirty-second round: the 三县 驿站 visit's paragraph opening 在临朐县… is one of its places, a report from
    # several places set paragraph by paragraph: 1.0 / 0.955 / 0.946)
    "heldout_tagging27": (TESTS / "heldout_tagging27" / "pages", TESTS / "heldout_tagging27" / "keys", 25, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.94}),
    # 28 (issue 18, thirty-first round: an ordinary day by a new hand, 5 pages 2005-2024, 25 items, every topic as a
    # primary, one secondary): first run 0.941 / 0.96 / 1.0 (topics all right; regions missed: a group named by its
    # abbreviation (同煤, 大同煤矿集团公司) gives no 大同, a 疗休养 trip's 前往浙江安吉 gives no 湖州, and an aid pairing's
    # 四川省9个山区村 gives no 四川); a headline pairing its subject with a partner (与山区村结对) makes the partner's
    # place in the opening a setting (tests/test_tagging_round31.py): final 0.962 / 0.96 / 1.0
    # (tests/heldout_tagging28/README.md)
    # (thirty-second round: the enterprise short forms' table gives 同煤's 大同, 0.981 / 0.98 / 1.0)
    "heldout_tagging28": (TESTS / "heldout_tagging28" / "pages", TESTS / "heldout_tagging28" / "keys", 25, 0,
                          {"province_f1": 0.97, "prefecture_f1": 0.97, "topic_f1": 0.99}),
    # 29 (issue 18, thirty-second round: an ordinary day by a new hand, 6 pages 2003-2025, 30 items on 职工生活, 工会新闻,
    # 各地, 经济, 要闻 and 法治 pages; every topic a primary, two secondaries): first run 0.842 / 0.863 / 0.952 (regions:
    # four groups named only by their short form, 鞍钢 首钢 包钢 宝武, gave no place, and a 三省 调查 and a 多地 综述
    # reported paragraph by paragraph kept one county and none; topics: 女职工劳动保护 read as work safety by its
    # 劳动保护, a station's 可以…、…、… list of services not read as services). Rules (tests/test_tagging_round32.py): a
    # table of enterprise short forms, a report from several places named up front is set where each paragraph opens,
    # protection said of women workers is 女职工: final 1.0 / 1.0 / 0.984 (tests/heldout_tagging29/README.md)
    "heldout_tagging29": (TESTS / "heldout_tagging29" / "pages", TESTS / "heldout_tagging29" / "keys", 30, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.97}),
    # 30 (issue 18, thirty-third round: provincial labour papers by a new hand, 6 pages 2002-2024, 30 items, each page
    # with its masthead; the province implied by the paper and written in no item, keyed by the convention of its
    # README): first run 0.8 / 0.8 / 0.985 (topics all primaries right, one station's facility list not read as
    # services; regions: ten items without one, three 本报X讯 datelines with no day, five items whose only place is
    # a town, a zone or 省总工会, a bare 什邡 and a 龙华区 two provinces share). Rules (tests/test_tagging_round33.py):
    # a bureau dateline with no day is the dateline; a provincial paper's masthead implies its province: final
    # 0.966 / 0.898 / 0.985. Floors below the targets (0.98 / 0.97): the keys fill in a town's county and a zone's
    # city (亚布力镇, 回郭镇, 准东开发区: province only), and 南方工报 names no province (观澜's 龙华区, 仲恺高新区: none).
    # After the development-zone table (forty-first round; these pages were read before it was written, so this is no
    # blind run): 0.983 / 0.941 / 0.985 (准东开发区, 仲恺高新区 at their seats)
    "heldout_tagging30": (TESTS / "heldout_tagging30" / "pages", TESTS / "heldout_tagging30" / "keys", 30, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    # 31 (issue 18, thirty-fourth round: a national labour daily by a new hand, 5 pages 1998-2023, 27 items: two
    # continued stories, 通讯/特写/调查 features, commentaries naming places in passing, photos, 简讯 runs): first run
    # 1.0 / 0.979 / 0.947 (a bare 柳州 of 1998 read as 柳州地区 beside the printed 柳州市; a 龙舟赛 photo given the union
    # default; 徐工's 首席技师 ladder an extra 劳模工匠与技能). Rules (tests/test_tagging_round34.py): a short form two
    # prefectures share is the one printed in full; folk and board-game contests are workers' sport:
    # final 1.0 / 1.0 / 0.982; check page first run 1.0 / 1.0 / 1.0 (tests/heldout_tagging31/README.md)
    "heldout_tagging31": (TESTS / "heldout_tagging31" / "pages", TESTS / "heldout_tagging31" / "keys", 27, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    # 32 (issue 18, thirty-fifth round: an ordinary 工人日报 day by a new hand, 6 pages 1993-2024, 30 items with autonomous
    # prefectures and counties, 旗 and 盟, places whose status changed, 兵团 cities, the SARs and 台湾, places abroad,
    # enterprises named with a place): first run 0.962 / 0.955 / 0.906 (胜利油田 and 开滦 gave no place; a 三个代表
    # commentary read as 工会组织建设, a 篮球邀请赛 given the fallback, a family visit's 防疫用品 read as 疫情). Rules
    # (tests/test_tagging_round35.py): earlier party campaigns, a 把 headline's destination, ball games' invitationals,
    # oil fields and coal groups named by no division's name: final 1.0 / 1.0 / 0.954; check page first run 1.0 / 1.0 /
    # 1.0 (tests/heldout_tagging32/README.md)
    "heldout_tagging32": (TESTS / "heldout_tagging32" / "pages", TESTS / "heldout_tagging32" / "keys", 30, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.95}),
    # 33 (issue 18, thirty-sixth round: an ordinary 工人日报 day by a new hand, 5 pages 2006-2024, 29 items: 要闻, 工会新闻,
    # 各地 briefs, 经济, 职工生活): first run 0.966 / 1.0 / 0.903 (a 十九大 lecture read as 劳模 by its speakers, flats let
    # to workers as 工会组织建设, a meeting's 还要求， paragraph on arrears lost as an "also", 向非公有制企业延伸 read as
    # 建会; 海口新建20家 read 新建区 and an investors' 福建 as settings). Rules (tests/test_tagging_round36.py): party
    # congresses by number, workers' flats, a report's next point, a 向…延伸 headline: final 0.966 / 1.0 / 1.0 (the two
    # province fps left open); check page first run 1.0 / 1.0 / 1.0 (tests/heldout_tagging33/README.md)
    "heldout_tagging33": (TESTS / "heldout_tagging33" / "pages", TESTS / "heldout_tagging33" / "keys", 29, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.99}),
    # 34 (issue 18, thirty-seventh round: an ordinary 工人日报 day by a new hand, 4 pages 2009-2023, 22 items: 要闻, 工会新闻,
    # 经济, 各地 briefs): first run 1.0 / 1.0 / 0.936 (接待职工来访 not read as petition work; 快递行业工会成立 before a
    # headline's space not read as a founding, the couriers of its second half made primary; 宁波's 户外劳动者 stations
    # given 新就业形态 from the riders who use them). Rules (tests/test_tagging_round37.py): workers' visits received, a
    # headline's space ending the founding clause: final 1.0 / 1.0 / 0.979 (宁波 left open); check page first run
    # 1.0 / 1.0 / 1.0 (tests/heldout_tagging34/README.md)
    "heldout_tagging34": (TESTS / "heldout_tagging34" / "pages", TESTS / "heldout_tagging34" / "keys", 22, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.97}),
    # 35 (issue 18, thirty-eighth round: an ordinary 工人日报 day by a new hand, 4 pages 2005-2024, 20 items: 要闻, 工会新闻,
    # 经济, 各地 briefs; keys committed in f247420 before the tagger ran): first run 1.0 / 1.0 / 1.0, every primary and
    # the one secondary (鄂尔多斯 司机之家 普惠) right; no rule this round (tests/heldout_tagging35/README.md)
    "heldout_tagging35": (TESTS / "heldout_tagging35" / "pages", TESTS / "heldout_tagging35" / "keys", 20, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.99}),
    # 36 (issue 18, thirty-ninth round: provincial and city labour papers by a new hand, 5 pages 2009-2023, 20 items rich
    # in towns, streets and zones named without their city, everyday-word county short forms, companies named with a
    # place, items with no place, side phrases; keys committed in ef6d017 before the tagger ran): first run 0.971 / 0.839
    # / 0.884 (a 青岛工人报 street gave no place; 张浦镇, 洛带镇, 关山街道, 东湖高新区 gave the province only; a 职工夜校
    # of skill courses read as 职工文体; 已建会的非公有制企业中 read as 建会; a how-to with no dateline merged into the
    # item before it, one key unmatched). Rules (tests/test_tagging_round38.py): a city's paper implies its city for
    # its own reports naming no place; a founding said as an attribute of what is done already founds nothing: final
    # 1.0 / 0.875 / 0.905; check page first run 1.0 / 1.0 / 1.0. Floors below: towns, streets and zones the
    # gazetteer does not hold are keyed at their city (the tagger gives the province), and the 夜校 / merged how-to
    # misses are left open (tests/heldout_tagging36/README.md). After the development-zone table (forty-first round, not
    # blind: its author grepped these pages): 1.0 / 0.909 / 0.905 (东湖高新区 at 武汉)
    # (issue 14, loader merges: the how-to 会员卡还能这样用 is an item of its own, unmatched 1 -> 0, topic 0.952 -> 0.977)
    "heldout_tagging36": (TESTS / "heldout_tagging36" / "pages", TESTS / "heldout_tagging36" / "keys", 20, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.975}),
    # 37 (issue 18, fortieth round: 工人日报 pages by a new hand centred on topic difficulty, 5 pages 2007-2024, 22 items:
    # a title's topic beside a long middle paragraph of another, policy codas, photo captions, two-topic items, topic
    # words only in a person's job; county-level cities, renamed places, shared district names; keys committed in
    # 548550e before the tagger ran): first run 1.0 / 0.895 / 0.873 (襄樊市 in September 2010 named 襄阳市; an
    # exhibitor's 劳动争议审判庭庭长 gave 劳动争议与维权; 志愿服务 read as 乡村振兴; three middle-paragraph secondaries
    # missed). Rules (tests/test_tagging_round39.py): an old full name written in the year of a rename keeps it; a term
    # naming the office a person heads is passing: final 1.0 / 1.0 / 0.909; check page first run 1.0 / 1.0 / 1.0. Floor
    # 0.90: three middle-paragraph secondaries and 志愿服务 are left open (tests/heldout_tagging37/README.md)
    "heldout_tagging37": (TESTS / "heldout_tagging37" / "pages", TESTS / "heldout_tagging37" / "keys", 22, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.90}),
    # forty-second round (issue 18; tests/heldout_tagging38/README.md): 工人日报 and provincial workers' papers
    # 2006–2023 by a new hand, 20 items, centred on a secondary topic from a whole paragraph against scattered mentions.
    # First run (keys committed in 47a0f30) 1.0 / 1.0 / 0.966 (鹿城区's traffic-safety paragraph not given; 七星关区's
    # 司机之家 given 普惠, which the user's seed practice would key). Rules (tests/test_tagging_round41.py, docs rule
    # 47): concentrated evidence in one paragraph of a short item makes a secondary; 交通安全, 头盔 are safety words:
    # final 1.0 / 1.0 / 0.983. Check page first run 1.0 / 1.0 / 0.667 (a 书法展 read as 劳模). Floor at the final less
    # a margin for the open 普惠 item
    "heldout_tagging38": (TESTS / "heldout_tagging38" / "pages", TESTS / "heldout_tagging38" / "keys", 20, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.98}),
    # forty-third round (issue 18; tests/heldout_tagging39/README.md): a vocabulary review, checked on 工人日报 and
    # provincial workers' papers 2005–2022 by a new hand, 21 items covering every topic in everyday phrasing. First run
    # (keys committed in 7465d12) 1.0 / 1.0 / 0.909 (峰峰矿区's 安全培训班 read as training; 卫东区's 职工夜校 teaching
    # trades read as 文体). Terms added, 职工夜校 generic in both its topics (tests/test_tagging_round42.py, docs rule
    # 48): final 1.0 / 1.0 / 1.0; sets 3, 8, 13, 20, 36, 37 rose with it, none fell. Floor just under the final
    "heldout_tagging39": (TESTS / "heldout_tagging39" / "pages", TESTS / "heldout_tagging39" / "keys", 21, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.99}),
    # forty-fourth round (issue 18; tests/heldout_tagging40/README.md): ordinary pages by a new hand, 工人日报 2004,
    # 甘肃工人报 2012, 黑龙江工人报 2016, 浙江工人日报 2021, 劳动午报 2024, 25 items. First run (keys committed in
    # 9f3110a) 0.958 / 1.0 / 0.926 (西城区, a generic name, and 朝阳区, Beijing's or Changchun's, untagged on a paper
    # whose name has no place; 送清凉 and a 插花 class missed, both keyed against the project's keying and since
    # corrected; 0.963 on the corrected keys, the 插花 class read as training). Rules (tests/test_tagging_round43.py, docs rule 49): a unique generic district before its own
    # 总工会 counts; 插花, 花艺, 烘焙 are 职工文体: final 0.98 / 1.0 / 0.982 (朝阳区 open). Check page (check/, 4
    # items) first run 1.0 / 1.0 / 1.0. Floor under the final
    "heldout_tagging40": (TESTS / "heldout_tagging40" / "pages", TESTS / "heldout_tagging40" / "keys", 25, 0,
                          {"province_f1": 0.975, "prefecture_f1": 0.99, "topic_f1": 0.975}),
    # forty-fifth round (issue 18; tests/heldout_tagging41/README.md): ordinary pages by a new hand, 工人日报 工会新闻
    # 1999 and 职工生活 2023, 安徽工人日报 2006, 湖南工人报 2014, 陕西工人报 2020, 24 items. First run (keys committed in
    # bd5f0a4) 1.0 / 0.96 / 1.0: the one miss was a key against the project's keying (昆明's 疗休养 destinations 大理,
    # 腾冲 named in the body only, keyed as places; the project keys only the sender, 曲靖 赴大理、丽江), corrected
    # after the first run: 1.0 / 1.0 / 1.0 on the corrected keys, no tagger change. Floor just under
    "heldout_tagging41": (TESTS / "heldout_tagging41" / "pages", TESTS / "heldout_tagging41" / "keys", 24, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.99}),
    # forty-sixth round (issue 18; tests/heldout_tagging42/README.md): pages aimed at weak spots by a new hand (towns and
    # streets with the county named once, same-named districts with their city nearby, zones and new areas, 沈阳工人报
    # naming only districts, topic side phrases), 21 items. First run (keys committed in 11f5e0a) 1.0 / 1.0 / 0.957:
    # the one miss a building site's 农民工夜校 teaching safety, tagged 就业与职工培训; after rule 50 (a school's courses
    # mainly another topic's decide) 1.0 / 1.0 / 1.0. Floor just under the final
    "heldout_tagging42": (TESTS / "heldout_tagging42" / "pages", TESTS / "heldout_tagging42" / "keys", 21, 0,
                          {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.99}),
    # forty-seventh round (issue 18; tests/heldout_tagging43/README.md): pages by a new hand on western and border
    # provinces, 兵团 cities, 盟/旗, the SARs, renamed or re-parented places keyed as the page year had them, provinces
    # named only via their capital or a landmark, 27 items. First run (keys committed in 1253d84) 0.982 / 0.977 /
    # 0.983, above the targets, no tagger change: the misses a story placed only by 布达拉宫广场 (untagged)
    # and a 闽宁 labour-export story's 就业与职工培训 secondary. Floors at the final scores, not above
    "heldout_tagging43": (TESTS / "heldout_tagging43" / "pages", TESTS / "heldout_tagging43" / "keys", 27, 0,
                          {"province_f1": 0.98, "prefecture_f1": 0.975, "topic_f1": 0.99}),
    # forty-eighth round (issue 18; tests/heldout_tagging44/README.md): ordinary daily news by a new hand, 工人日报 2005
    # and 山东/四川/江苏/辽宁 workers' papers 2014-2023 (劳务输出/劳务协作, 疗休养, 金秋助学, 工资集体协商, 职工书屋, 驿站,
    # 安全生产月, 劳模工匠, 入会), 25 items. First run (keys committed in 72842c6) 1.0 / 1.0 / 0.933; the labour-export
    # vocabulary (rule 55: 劳务协作, 劳务合作, 劳务品牌) gives 0.967. Floors at the final scores, not above
    "heldout_tagging44": (TESTS / "heldout_tagging44" / "pages", TESTS / "heldout_tagging44" / "keys", 25, 0,
                          {"province_f1": 1.0, "prefecture_f1": 1.0, "topic_f1": 0.965}),
    # forty-ninth round (issue 18; tests/heldout_tagging45/README.md): topic traps by a new hand (commentaries with a
    # closing side topic, seasonal photo captions, one worker's feature, union plenaries listing tasks, briefs, a legal
    # Q&A), 23 items. First run (keys committed in 7324dea) 1.0 / 1.0 / 0.8; the union plenary and its list of tasks
    # (rule 56) give 0.851. Two items were unmatched (the loader read a 工人论坛 piece after a short item as a crosshead);
    # issue 14's loader fix (a column label and author line under a title) matches them: unmatched 0, topic 0.917.
    # Floors at the final scores, not above
    "heldout_tagging45": (TESTS / "heldout_tagging45" / "pages", TESTS / "heldout_tagging45" / "keys", 23, 0,
                          {"province_f1": 1.0, "prefecture_f1": 1.0, "topic_f1": 0.915}),
    # fiftieth round (issue 18; tests/heldout_tagging46/README.md): places named by a landmark, who-compounds, courier
    # features about another topic, 劳务输出/协作, towns without their county, 朝阳区 by context, provincial pages naming
    # no province, 25 items. First run (keys committed in dfcb7fb) 0.913 / 0.865 / 0.893: five landmark-only
    # photos/briefs untagged (泉城广场, 三峡大坝, 南京长江大桥, 都江堰景区, 西湖景区), 劳模 first for 百名劳模工匠疗休养,
    # 新就业 first for three courier/rider features. Rules 57-59 give 0.958 / 0.923 / 0.963; the fifty-first round's
    # rules 60-63 (骑手讨回被扣的罚款 维权 alone, 快递小哥免费体检 the group's, 西湖景区 on the 浙江 paper) give
    # 0.958 / 0.950 / 1.0; floors at those, not above
    "heldout_tagging46": (TESTS / "heldout_tagging46" / "pages", TESTS / "heldout_tagging46" / "keys", 25, 0,
                          {"province_f1": 0.955, "prefecture_f1": 0.95, "topic_f1": 1.0}),
    # heldout_tagging47 (issue 18; tests/heldout_tagging47/README.md): ordinary whole pages of the least-used provinces
    # (北京, 天津, 重庆, 西藏, 海南, 宁夏, 福建, 山西, 广西), all 16 topics, 28 items. First run (keys committed in 6ba52a3)
    # 0.98 / 1.0 / 0.903: 通州区 on 劳动午报 untagged (北京 or 南通), 慰问 beat 非典 (普惠 first for 抗击非典 and for a
    # 职工广播体操比赛 photo), 非典防治 no 疫情 term, a station's service list added 普惠 to an 入会 item. Rules 67-71
    # (docs/tagging.md) give 1.0 / 1.0 / 0.984; floors at those, not above (heldout_tagging49's rule 89, relief to the
    # epidemic's front line its means: the 非典 item loses 普惠, topic 1.0)
    "heldout_tagging47": (TESTS / "heldout_tagging47" / "pages", TESTS / "heldout_tagging47" / "keys", 28, 0,
                          {"province_f1": 0.995, "prefecture_f1": 0.995, "topic_f1": 0.995}),
    # heldout_tagging48 (issue 18; tests/heldout_tagging48/README.md): the classes of rules 57-71 in other surface forms
    # (九江长江大桥, 婺源景区, 百余位劳模, 快递员老周, 要回被扣的工资, 享受免费体检, 的哥之家, 三十八摄氏度, SARS, 甲型流感,
    # 五禽戏, 禽流感防控期间, a one-sentence closing service paragraph, 西湖区 by its 江西 page) and ordinary items, 29 items.
    # First run (keys committed in 2f72ce4) 1.0 / 1.0 / 0.800: SARS 慰问 普惠 first, Chinese-numeral heat readings fell to
    # the fallback, 劳模 first for 百余位劳模疗休养, 新就业 for 快递员老周, 劳模 for 煤矿安全知识竞赛, 安全生产 for 网约车司机
    # 享受免费体检, 疫情 first for 禽流感防控期间, 普惠 from a closing service paragraph, 新就业 first for a 环卫 station photo.
    # Rules 72-80 (docs/tagging.md) give 1.0 / 1.0 / 0.969; floors at those, not above (heldout_tagging49's rule 89:
    # the SARS 慰问金 item loses 普惠, topic 0.984)
    "heldout_tagging48": (TESTS / "heldout_tagging48" / "pages", TESTS / "heldout_tagging48" / "keys", 29, 0,
                          {"province_f1": 0.995, "prefecture_f1": 0.995, "topic_f1": 0.98}),
    # heldout_tagging49 (issue 18; tests/heldout_tagging49/README.md): a check of rules 72-80 in forms they did not see
    # (传染性非典型肺炎, 新型冠状病毒肺炎, 三十七八度, 百名一线劳模, 抗击“非典”期间, an eight-character frame, 扣的钱退回来,
    # 押金, 王师傅, 阿强, 消防知识竞赛, a closing 同时 paragraph) and ordinary items, 29 items. First run (keys committed
    # in 5398511) 1.0 / 1.0 / 0.746; rules 81-90 (docs/tagging.md) give 1.0 / 1.0 / 0.941; floors at those, not above
    "heldout_tagging49": (TESTS / "heldout_tagging49" / "pages", TESTS / "heldout_tagging49" / "keys", 29, 0,
                          {"province_f1": 0.995, "prefecture_f1": 0.995, "topic_f1": 0.94}),
    # heldout_tagging50 (issue 18; tests/heldout_tagging50/README.md): a check of rules 81-90 in forms they did not see
    # (看望/送温暖 to a front line, 奥密克戎, 严重急性呼吸综合征, 非典时期, 裁员, 终止劳动合同, 锅炉房里, 市级以上, 职业卫生, 提成,
    # 服装费, 另悉, 新建企业工会) and ordinary items, 28 items; keys committed in 7a02b25 before the tagger ran. First run
    # 0.982 / 1.0 / 0.831 (check half topic 0.727, ordinary half 0.938); rules 91-98 (docs/tagging.md) give 1.0 / 1.0 /
    # 1.0 (one primary order left open: 顺义区300名外卖骑手集中入会); floors just under
    "heldout_tagging50": (TESTS / "heldout_tagging50" / "pages", TESTS / "heldout_tagging50" / "keys", 28, 0,
                          {"province_f1": 0.995, "prefecture_f1": 0.995, "topic_f1": 0.995}),
    # heldout_tagging51 (issue 18; tests/heldout_tagging51/README.md): ordinary pages as if picked at random in the
    # provinces, decades and papers earlier sets used least (工人日报 1997, 2001, 2004, 2015, 黑龙江工人报 2007; 西部 and
    # 东北, 兵团 cities, county-level cities, shared district names, places by the page's year), 30 items; keys committed
    # in f37305f before the loader or the tagger ran. First run 0.983 / 0.963 / 0.967 (贫困村 帮扶 read as 普惠; 青铜峡铝厂
    # and 加格达奇区 gave no prefecture); rules 99-101 (docs/tagging.md) give 1.0 / 1.0 / 1.0; floors just under
    "heldout_tagging51": (TESTS / "heldout_tagging51" / "pages", TESTS / "heldout_tagging51" / "keys", 30, 0,
                          {"province_f1": 0.995, "prefecture_f1": 0.995, "topic_f1": 0.995}),
    # heldout_tagging52 (issue 18; tests/heldout_tagging52/README.md): ordinary pages in the south and centre (广东, 广西,
    # 海南, 湖南, 湖北, 江西, 福建, 云南, 贵州, 四川, 重庆), 13 of 30 items with a secondary, commentaries and photo captions;
    # keys committed in 2521102 before the loader or the tagger ran. First run 0.982 / 1.0 / 0.889; rules 102-107
    # (docs/tagging.md) give 1.0 / 1.0 / 0.964.
    "heldout_tagging52": (TESTS / "heldout_tagging52" / "pages", TESTS / "heldout_tagging52" / "keys", 30, 0,
                          {"province_f1": 0.995, "prefecture_f1": 0.995, "topic_f1": 0.96}),
    # heldout_tagging53 (tag53; tests/heldout_tagging53/README.md): a check of rules 91-107 in forms they were not
    # written from, 20 items on 3 pages; keys committed in c242fd8 before the tagger ran. First run 1.0 / 1.0 / 0.816; rules
    # 108-110 (docs/tagging.md) give 1.0 / 1.0 / 0.880.
    "heldout_tagging53": (TESTS / "heldout_tagging53" / "pages", TESTS / "heldout_tagging53" / "keys", 20, 0,
                          {"province_f1": 0.995, "prefecture_f1": 0.995, "topic_f1": 0.875}),
    "loader set 2": (TESTS / "heldout" / "pages", TESTS / "heldout" / "tags", 60, 2,
                     {"province_f1": 0.985, "prefecture_f1": 0.98, "topic_f1": 0.95}),
    # (twenty-sixth round: 教师疗休养 赴黄山 now tags 黄山市 as keyed, 0.963 / 0.957 -> 1.0 / 1.0)
    "loader fresh": (TESTS / "heldout" / "fresh" / "pages", TESTS / "heldout" / "fresh" / "tags", 16, 0,
                     {"province_f1": 0.99, "prefecture_f1": 0.99, "topic_f1": 0.99}),
    # (fifty-first round: fresh2's 副刊 poem takes no secondary from its imagery, rule 65, topic 0.926 -> 0.943;
    # fresh3's 骑手之家 is a station, rule 64, and 舱内温度超过45℃ heat at work, rule 66, topic 0.857 -> 0.906)
    "loader fresh2": (TESTS / "heldout" / "fresh2" / "pages", TESTS / "heldout" / "fresh2" / "tags", 22, 0,
                      {"province_f1": 0.97, "prefecture_f1": 0.96, "topic_f1": 0.94}),
    "loader fresh3": (TESTS / "heldout" / "fresh3" / "pages", TESTS / "heldout" / "fresh3" / "tags", 27, 0,
                      {"province_f1": 1.0, "prefecture_f1": 1.0, "topic_f1": 0.9}),
}


@functools.cache
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("heldout_tagging_score", HERE / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tagger_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for every set: the scorer keeps one tagger for it."""
    return tmp_path_factory.mktemp("heldout-tagging")


@pytest.mark.parametrize("name", sorted(SETS))
def test_heldout_tagging_scores_meet_their_floors(name: str, tagger_cache: Path) -> None:
    pages, labels, items, unmatched, floors = SETS[name]
    result = scorer().score(pages, labels, cache=tagger_cache)
    assert result["items"] >= items and result["unmatched"] <= unmatched, result
    for metric, floor in floors.items():
        assert result[metric] >= floor, (metric, result[metric], result["confusion"])
