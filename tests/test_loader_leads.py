"""Leads as older pages print them (loader/bylines.py split_lead), on constructed text."""

from __future__ import annotations

from archive_gen.loader import conservation, parse_page
from archive_gen.loader.bylines import split_lead
from archive_gen.model import Dateline


def test_an_undated_placed_dian_lead_with_a_bracketed_credit() -> None:
    # "本报海口电（通讯员王平）": the place of the 电 lead, no day (1980s pages), the credit in brackets
    lead = split_lead("本报海口电（通讯员王　平）海南农垦各农场职工积极投身技术革新。")
    assert lead is not None
    assert lead.text == "本报海口电（通讯员王　平）"
    assert lead.dateline == Dateline("海口")
    assert [n.replace("\u3000", "") for n in lead.byline.correspondents] == ["王平"]
    assert lead.rest.startswith("海南农垦")


def test_an_undated_dian_lead_makes_its_own_item_with_its_place() -> None:
    text = ("万县地区职工技术协作活动活跃\n本报讯　万县地区各级工会组织职工开展技术协作，今年以来完成协作项目120项。（李　明）\n"
            "海南农垦职工踊跃参加技术革新\n本报海口电（通讯员王　平）海南农垦各农场职工积极投身技术革新，今年已提出合理化建议3000多条。\n")
    page = parse_page(text, "1985-06-12_02.txt")
    assert [i.title for i in page.items] == ["万县地区职工技术协作活动活跃", "海南农垦职工踊跃参加技术革新"]
    assert page.items[1].dateline == Dateline("海口")
    assert conservation(text, page) == []


def test_words_after_benbao_that_are_no_lead_stay_text() -> None:
    assert split_lead("本报电视台记者昨天采访了劳模。") is None
    assert split_lead("本报海口电话会议召开（记者王平）。") is None
