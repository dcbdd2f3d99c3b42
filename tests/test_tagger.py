"""The Tagger: one segmenter for regions, topics and keywords; pure page tagging; the cache
fingerprint; silent start-up."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from archive_gen.config import load_config
from archive_gen.errors import ConfigError
from archive_gen.model import Item, Page
from archive_gen.tagging import Tagger

ITEMS = (
    Item(id="a", source="p.txt", index=0, kind="article", title="宁波镇海:「商调裁诉执」全链式化解劳动争议",
         paragraphs=("近年来,浙江宁波市镇海区深入探索劳动争议化解“商调裁诉执”全链式工作模式,通过调解、仲裁、诉讼联动,"
                     "实现劳动争议一站式解决。",
                     "镇海区总工会牵头,联动区人社局、法院,合力打造联动化解机制,工伤职工通过调解拿到赔偿。")),
    Item(id="b", source="p.txt", index=1, kind="photo", title="老瓷厂变身文创产业园",
         paragraphs=("唐山市开平区一家老陶瓷厂改造成文创产业园,引进骨质瓷企业,年产值过亿元。",)),
    Item(id="c", source="p.txt", index=2, kind="fragment",
         paragraphs=("调解员说,今年已调解劳动争议六十余件,帮助职工讨薪一百余万元。",)),
)
PAGE = Page(source="p.txt", sha256="0" * 64, encoding="utf-8", date="2021-05-14", date_inferred=False,
            date_evidence=None, page=1, items=ITEMS)


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> Tagger:
    return Tagger(load_config(root=tmp_path_factory.mktemp("project")))


def test_tag_page_fills_every_tag_field_and_leaves_the_input_alone(tagger: Tagger) -> None:
    tagged = tagger.tag_page(PAGE)
    assert PAGE.items[0].topics == () and PAGE.items[0].keywords == ()  # input untouched
    article, photo, fragment = tagged.items
    assert [t.label for t in article.topics] == ["劳动争议与维权"]
    assert [r.region.code for r in article.regions] == ["330211"]
    assert 5 <= len(article.keywords) <= 10 and article.keywords[0].word in {"劳动争议", "商调裁诉执"}
    assert [t.label for t in photo.topics] == ["产业与经济发展"]
    assert [t.label for t in fragment.topics] == ["劳动争议与维权"]  # fragments are tagged like anything else
    assert replace(article, regions=(), mentioned_places=(), ambiguities=(), topics=(), keywords=()) == ITEMS[0]


def test_tagging_is_deterministic(tagger: Tagger) -> None:
    assert tagger.tag_page(PAGE) == tagger.tag_page(PAGE)


def test_tag_item_takes_the_year_from_the_item_when_not_given(tagger: Tagger) -> None:
    dated = replace(ITEMS[0], date="2021-05-14")
    assert tagger.tag_item(dated) == tagger.tag_item(dated, year=2021)


def test_fingerprint_is_stable_and_follows_the_taxonomy(tagger: Tagger, tmp_path: Path) -> None:
    assert Tagger(load_config(root=tmp_path)).fingerprint == tagger.fingerprint
    (tmp_path / "archive.yaml").write_text(
        "taxonomy:\n  extend:\n    - slug: chuanbo\n      label: 船舶工业\n      keywords: [造船]\n", encoding="utf-8")
    extended = Tagger(load_config(tmp_path / "archive.yaml"))
    assert extended.fingerprint != tagger.fingerprint
    assert extended.taxonomy.topics[-1].label == "船舶工业"


def test_duplicate_extend_slug_is_a_config_error_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "archive.yaml").write_text(
        "taxonomy:\n  extend:\n    - slug: dangjian\n      label: 党建二\n      keywords: [党建]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"archive\.yaml:3: duplicate topic slug 'dangjian'"):
        Tagger(load_config(tmp_path / "archive.yaml"))


def test_tagger_starts_silently_even_when_its_cache_cannot_be_created(tmp_path: Path) -> None:
    # a fresh interpreter, so jieba really builds its dictionary; (a writable cache is covered in
    # test_segmenter.py)
    (tmp_path / "blocker").write_text("a file, not a folder")
    (tmp_path / "archive.yaml").write_text("cache_dir: blocker/cache\n", encoding="utf-8")
    code = textwrap.dedent("""
        from pathlib import Path
        from archive_gen.config import load_config
        from archive_gen.model import Item
        from archive_gen.tagging import Tagger
        tagger = Tagger(load_config(root=Path.cwd()))
        item = Item(id="x", source="x.txt", index=0, kind="article", title="职工医疗互助活动升级",
                    paragraphs=("大连市总工会升级职工医疗互助,病种增加,比例提高。",))
        print(tagger.tag_item(item, year=2022).topics[0].label)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == "职工服务与普惠"
