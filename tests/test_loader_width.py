"""Pages printing digits, letters or brackets in the other width (全角/半角): read as the parser's forms, given back as
printed (loader/exports.py, ``width_view``)."""

from __future__ import annotations

from archive_gen.loader.exports import width_view
from loader_pages import BODY, page

_FULL = {code: chr(code + 0xFEE0) for code in range(0x21, 0x7F)}
_HALF = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}


def _read(parsed: object) -> list[tuple[object, ...]]:
    return [(i.kind, i.kicker, i.title, i.subtitle, len(i.paragraphs), i.byline) for i in parsed.items]


NOTICE_PAGE = ("工人日报\n2006年4月28日　星期五\nA3　要闻",
               "中华全国总工会关于表彰2006年全国五一劳动奖状获得单位的决定",
               "各省、自治区、直辖市总工会，各全国产业工会：\n为表彰先进，全国总工会决定授予北京市等100个单位全国五一劳动奖状。",
               "希望受到表彰的单位珍惜荣誉，再接再厉，为推动经济社会发展作出新的更大贡献。",
               "中华全国总工会\n2006年4月25日",
               "社区工会服务站挂牌",
               "本报讯（记者　林　涛）4月26日，西岭区首个社区工会服务站挂牌，可为周边200多名职工提供法律咨询等服务。")


def test_a_page_printing_digits_and_letters_in_full_width_reads_as_the_ascii_page_does() -> None:
    # ２００６年４月２５日 under a signer is the notice's date (not a headline over the next story); Ａ３　要闻 is the 版 line
    ascii_page = page(*NOTICE_PAGE)
    full = page(*(block.translate({c: _FULL[c] for c in range(0x30, 0x3A)} | {c: _FULL[c] for c in range(0x41, 0x5B)})
                  for block in NOTICE_PAGE))
    assert [i.title for i in ascii_page.items] == ["中华全国总工会关于表彰2006年全国五一劳动奖状获得单位的决定",
                                                   "社区工会服务站挂牌"]
    assert [i.title for i in full.items] == ["中华全国总工会关于表彰２００６年全国五一劳动奖状获得单位的决定",
                                            "社区工会服务站挂牌"]  # as printed
    assert [(r[0], r[4]) for r in _read(full)] == [(r[0], r[4]) for r in _read(ascii_page)]
    assert full.page == ascii_page.page == 3 and full.page_name == ascii_page.page_name
    notice = full.items[0]
    assert "２００６年４月２５日" in "".join((*notice.paragraphs, *notice.trailer))


HONOURS_PAGE = ("江城市总工会关于授予2017年度江城市五一劳动奖和工人先锋号的决定",
                "各区总工会，市各产业工会：",
                "　　经研究，市总工会决定，授予江城地铁集团等2个单位江城市五一劳动奖状，授予汪立军等2名职工江城市五一劳动奖章。",
                "江城市五一劳动奖状（2个）", "江城地铁集团有限公司\n江城市中心医院",
                "江城市五一劳动奖章（2名）", "汪立军　江城地铁集团电客车司机\n罗小芳　江城市中心医院护士",
                "江城市总工会\n2017年11月28日",
                "冬季送温暖活动启动",
                "本报讯（记者　林　涛）12月3日，江城市总工会启动冬季送温暖活动，将走访慰问困难职工1200户。")


def test_a_page_printing_brackets_and_commas_in_ascii_reads_as_the_full_width_page_does() -> None:
    # an e-paper export printing every bracket, comma and colon in ASCII: an honours list's section lines
    # ("江城市五一劳动奖状(2个)") are the notice's, not headlines of items of their own; the marks are given back
    full = page(*HONOURS_PAGE)
    half = page(*(block.translate(_HALF) for block in HONOURS_PAGE))
    assert [(r[0], r[4]) for r in _read(full)] == [("article", 6), ("brief", 1)]
    assert [(r[0], r[4]) for r in _read(half)] == [(r[0], r[4]) for r in _read(full)]
    assert [i.title for i in half.items] == [(i.title or "").translate(_HALF) for i in full.items]
    assert half.items[1].paragraphs[0].startswith("12月3日,江城市总工会")  # as printed
    assert half.items[1].byline.reporters == full.items[1].byline.reporters


def test_a_page_printing_both_widths_of_a_class_is_read_as_printed() -> None:
    # guard: a page with ２００６ and 2010 cannot be turned back exactly from one form: it is read as it is
    text = "２００６年的计划\n2010年的总结（记者）\n"
    view, back = width_view(text)
    assert view == "２００６年的计划\n2010年的总结（记者）\n" and back == {}
    # a class printed only in the parser's form is left alone too
    assert width_view("本报讯（记者　林　涛）4月26日")[1] == {}
    # the view turns back exactly
    printed = "本报讯(记者 林涛)４月２６日,Ａ３版"
    view, back = width_view(printed)
    assert view == "本报讯（记者 林涛）4月26日，A3版" and view.translate(back) == printed


WEB_COPY = ("全总部署开展“五一”后续帮扶行动", "发布时间：2023-05-12 06:50",
            "本报北京5月11日电（记者　田　丰）全国总工会近日印发通知，部署开展“五一”后续帮扶行动，重点帮扶困难职工家庭。",
            "通知要求，各级工会要摸清困难职工底数，做到应帮尽帮。")


def test_a_web_copys_time_stamp_printed_in_full_width_is_furniture() -> None:
    # a news site's 发布时间 line copied from a page that prints its digits and colons in full width
    # (发布时间：２０２３－０５－１２　０６：５０): the view folds the digits, and a clock is read with either colon
    ascii_page = page(*WEB_COPY)
    full = page(*(block.translate(_FULL) for block in WEB_COPY))
    assert [(i.title, i.subtitle, len(i.paragraphs)) for i in ascii_page.items] == [
        ("全总部署开展“五一”后续帮扶行动", None, 2)]
    assert [(i.subtitle, len(i.paragraphs)) for i in full.items] == [(None, 2)]
    assert [f.kind for f in full.furniture] == ["web"]


def test_a_clock_inside_a_headline_is_no_web_furniture() -> None:
    # guard: a time in a headline's words is text, whichever colon it is printed with
    parsed = page("凌晨０５：４０，抢修队出发了", "本报讯（记者　田　丰）" + BODY)
    assert [i.title for i in parsed.items] == ["凌晨０５：４０，抢修队出发了"] and parsed.furniture == ()
