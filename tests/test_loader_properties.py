"""Property tests: parse_page never raises and conserves every line on random page-like texts.

Bounded to 200 examples by default; ``HYPOTHESIS_PROFILE=long pytest tests/test_loader_properties.py``
runs 5,000 per property.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_gen.loader import conservation, parse_page

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

paragraph = st.builds(lambda lead, parts, tail: lead + "".join(parts) + tail,
                      st.sampled_from(["", *LEADS]), st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
                      st.sampled_from(["", "", " 新华社记者 陈思汗 摄", "新华社记者 陈思汗 摄", "(下转第2版)"]))
line = st.one_of(st.sampled_from(HEADLINES), st.sampled_from(BYLINES), paragraph, st.sampled_from(EXTRAS),
                 st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20))
indent = st.sampled_from(["", "", "\u3000\u3000", "  ", "\t"])
separator = st.sampled_from(["\n", "\n\n", "\n\n\n\n", "\r\n", "\r\n\r\n", "\r"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.tuples(indent, line, separator), max_size=30))
    return "".join(i + text + sep for i, text, sep in lines)


@settings(settings.get_profile(PROFILE))
@given(pages())
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
