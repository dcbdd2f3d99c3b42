"""heldout_tagging47's round, rule 71 (docs/tagging.md): a place name two divisions share that nothing in its item
decides is placed by its page, when at least two other items of the page are tagged in one candidate's province and
none in another's. Invented pages unlike the held-out one, with guards."""

from __future__ import annotations

import pytest

from archive_gen.config import load_config
from archive_gen.model import Item, Page, PageLine
from archive_gen.tagging import Tagger


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> Tagger:
    return Tagger(load_config(root=tmp_path_factory.mktemp("tag47")))


def _page(*briefs: tuple[str, str]) -> Page:
    items = tuple(Item(id=f"t{i}", source="p.txt", index=i, kind="brief", date="2020-06-10", title=title,
                       lead="本报讯（通讯员 李红）", paragraphs=(text,)) for i, (title, text) in enumerate(briefs))
    return Page(source="p.txt", sha256="", encoding="utf-8", date="2020-06-10", date_inferred=False,
                date_evidence=None, page=3, items=items, furniture=(
                    PageLine(1, "职工周报　2020年6月10日　星期三　第3版：基层", "masthead"),))


_UNDECIDED = ("普陀区工会开展夏季劳动竞赛", "普陀区总工会日前启动夏季劳动竞赛，全区120家企业参加。")
_PUDONG = ("浦东新区职工书屋添新书", "浦东新区总工会为辖区30家职工书屋配送图书5000册。")
_MINHANG = ("闵行区为环卫工人送清凉", "闵行区总工会为一线环卫工人送去绿豆、毛巾等防暑物资。")
_DINGHAI = ("定海区举办渔嫂技能培训", "定海区总工会为渔嫂开办水产加工技能培训班，80人参加。")


def _provinces(page: Page) -> list[set[str]]:
    return [{t.region.province for t in item.regions} for item in page.items]


def test_a_shared_district_is_placed_by_its_page(tagger: Tagger) -> None:
    # before: 普陀区 (上海's or 舟山's) untagged; two other items of the page are in 上海
    page = tagger.tag_page(_page(_PUDONG, _UNDECIDED, _MINHANG))
    assert _provinces(page)[1] == {"上海市"}
    assert page.items[1].regions[0].region.county == "普陀区"


def test_one_other_item_places_nothing(tagger: Tagger) -> None:
    # guard: one 上海 item alone is too little page to go on
    page = tagger.tag_page(_page(_PUDONG, _UNDECIDED, ("职工健步走活动举行", "千余名职工参加健步走活动。")))
    assert _provinces(page)[1] == set()


def test_a_page_naming_both_provinces_places_nothing(tagger: Tagger) -> None:
    # guard: a 浙江 item beside two 上海 ones: the page names both candidates' provinces
    page = tagger.tag_page(_page(_PUDONG, _UNDECIDED, _MINHANG, _DINGHAI))
    assert _provinces(page)[1] == set()
