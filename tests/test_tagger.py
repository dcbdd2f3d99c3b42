"""The Tagger: one segmenter and one cut per item for regions, topics and keywords; pure page
tagging; the same tags with either engine; accuracy on the seeds; the cache fingerprint computed
without jieba; cheap, silent start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from archive_gen.config import load_config
from archive_gen.errors import ConfigError
from archive_gen.export import export_jsonl
from archive_gen.model import Caption, Dateline, Item, Page
from archive_gen.records import load_pages
from archive_gen.tagging import Tagger
from archive_gen.tagging.segmented import segment_item
from archive_gen.tagging.segmenter import available_engines

# the tagging scores of the seed pages when the tagger was made fast: they must not drop
SEED_SCORES = {"province_f1": 0.987, "prefecture_f1": 1.0, "topic_f1": 0.863}

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
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("project")  # shared, so its jieba cache is built once


@pytest.fixture(scope="module")
def tagger(project: Path) -> Tagger:
    return Tagger(load_config(root=project))


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


def test_tagging_is_deterministic(tagger: Tagger, project: Path) -> None:
    # a Tagger built separately, fed the items in the opposite order, gives every item the same tags
    first = tagger.tag_page(PAGE)
    other = Tagger(load_config(root=project))
    backwards = other.tag_page(replace(PAGE, items=PAGE.items[::-1]))
    assert backwards.items == first.items[::-1]
    assert all(item.topics and item.keywords for item in first.items)


def test_memos_carry_nothing_from_one_item_to_the_next(seeds_dir: Path, project: Path) -> None:
    # the tagger memoises per name, per set of forms, per printed set of codes, per field name and per token
    # (issue 12): a tagger warmed by every seed item, of other years and other places, gives each item the tags
    # of a tagger that has seen nothing else, whichever order the items come in
    pages = load_pages([seeds_dir])
    warmed = Tagger(load_config(root=project))
    forward = [warmed.tag_page(page) for page in pages]
    backward = [warmed.tag_page(page) for page in reversed(pages)][::-1]
    assert backward == forward
    for page in pages[:: max(1, len(pages) // 4)]:  # a few pages, each on a tagger that saw nothing before
        assert Tagger(load_config(root=project)).tag_page(page) == forward[pages.index(page)]


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


def test_fingerprint_for_follows_every_input_without_building_a_tagger(tagger: Tagger, tmp_path: Path) -> None:
    base = load_config(root=tmp_path)
    assert Tagger.fingerprint_for(base) == tagger.fingerprint
    variants = {
        "aliases": "gazetteer:\n  aliases:\n    甬城: '330200'\n",
        "extend": "taxonomy:\n  extend:\n    - slug: chuanbo\n      label: 船舶工业\n      keywords: [造船]\n",
        "file": "taxonomy:\n  file: topics.yaml\n",
    }
    (tmp_path / "topics.yaml").write_text("- slug: a\n  label: 甲\n  keywords: [造船]\n", encoding="utf-8")
    prints = [Tagger.fingerprint_for(base)]
    for text in variants.values():
        (tmp_path / "archive.yaml").write_text(text, encoding="utf-8")
        prints.append(Tagger.fingerprint_for(load_config(tmp_path / "archive.yaml")))
    (tmp_path / "topics.yaml").write_text("- slug: a\n  label: 甲\n  keywords: [造船, 船坞]\n", encoding="utf-8")
    prints.append(Tagger.fingerprint_for(load_config(tmp_path / "archive.yaml")))  # the file's content counts
    prints.extend(Tagger.fingerprint_for(base, engine) for engine in available_engines()
                  if engine != tagger.segmenter.engine)
    assert len(set(prints)) == len(prints) == len(variants) + len(available_engines()) + 1


def test_both_engines_give_the_same_tags_on_the_seeds(seeds_dir: Path, project: Path) -> None:
    if len(available_engines()) < 2:
        pytest.skip("needs both jieba and rjieba")
    pages = load_pages([seeds_dir])
    config = load_config(root=project)
    tagged = {engine: [Tagger(config, engine=engine).tag_page(page) for page in pages]
              for engine in available_engines()}
    assert sum(len(p.items) for p in tagged["jieba"]) >= 40
    assert tagged["jieba"] == tagged["rjieba"]


def test_seed_tagging_scores_do_not_drop(seeds_dir: Path, gold_dir: Path, tagger: Tagger, tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    items = (item for page in load_pages([seeds_dir]) for item in tagger.tag_page(page).items)
    records.write_text(export_jsonl(items), encoding="utf-8")
    result = subprocess.run([sys.executable, str(gold_dir / "score_keys.py"), str(gold_dir), str(records), "--json"],
                            capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout.splitlines()[0])
    for metric, floor in SEED_SCORES.items():
        assert float(scores[metric]) >= floor, (metric, scores)


def test_an_item_is_cut_once_into_every_field_the_taggers_read(tagger: Tagger) -> None:
    item = Item(id="s", source="s.txt", index=0, kind="article", kicker="引题", title="法院＋工会　诉调对接",
                column="工运走笔", column_extra=("", "专栏"), lead="本报宁波5月13日电", paragraphs=("第一段。", "", "第三段。"),
                captions=(Caption("图为现场。"),), reading_tip="阅读提示", dateline=Dateline("宁波"))
    segmented = segment_item(item, tagger.segmenter)
    assert [f.name for f in segmented.fields] == [
        "kicker", "title", "column", "column_extra:1", "reading_tip", "lead", "dateline", "paragraph:0",
        "paragraph:2", "caption:0"]
    title = segmented.field("title")
    assert title is not None and title.text == "法院＋工会　诉调对接" and title.folded == "法院+工会 诉调对接"
    assert title.tokens[0] == ("法院+工会", 0, 5)  # one token once folded, offsets valid in the printed text
    assert segmented.field("paragraph:1") is None
    assert segmented.tokens("paragraph") == [t for name in ("paragraph:0", "paragraph:2")
                                             for t, _, _ in segmented.field(name).tokens]  # type: ignore[union-attr]
    assert tagger.segment(item) == segmented


def test_construction_loads_no_engine_until_the_first_item(tmp_path: Path) -> None:
    code = textwrap.dedent("""
        import sys
        from pathlib import Path
        from archive_gen.config import load_config
        from archive_gen.model import Item
        from archive_gen.tagging import Tagger
        config = load_config(root=Path.cwd())
        Tagger.fingerprint_for(config)
        tagger = Tagger(config)
        print(sorted(m for m in ("jieba", "rjieba", "rjieba.rjieba") if m in sys.modules), "_engine" in vars(tagger.segmenter))
        tagger.segment(Item(id="x", source="x.txt", index=0, kind="article", title="长沙"))
        print("_engine" in vars(tagger.segmenter))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.stderr == ""
    assert result.stdout.splitlines() == ["[] False", "True"]


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


def test_a_warm_start_imports_no_pypinyin_until_a_keyword_is_new(tmp_path: Path) -> None:
    # pypinyin costs ~0.15-0.6 s to import; a daily rebuild's keywords were nearly all slugged before
    code = textwrap.dedent("""
        import json, sys
        from pathlib import Path
        from archive_gen.config import load_config
        from archive_gen.model import Item
        from archive_gen.tagging import Tagger
        tagger = Tagger(load_config(root=Path.cwd()))
        item = Item(id="x", source="x.txt", index=0, kind="article", date="2022-05-01", title=sys.argv[1],
                    paragraphs=("大连市总工会升级职工医疗互助,病种增加,比例提高,惠及全市职工。",))
        keywords = tagger.tag_item(item).keywords
        print(json.dumps([[k.word, k.slug] for k in keywords], ensure_ascii=False), "pypinyin" in sys.modules)
    """)

    def run(title: str) -> tuple[list[list[str]], bool]:
        # a user tables folder of its own (the slugs live there): the first run starts with no slug known
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
        result = subprocess.run([sys.executable, "-c", code, title], capture_output=True, text=True, cwd=tmp_path,
                                timeout=120, check=True, env=env)
        words, imported = result.stdout.rsplit(" ", 1)
        return json.loads(words), imported.strip() == "True"

    first, imported_first = run("职工医疗互助活动升级")
    assert first and imported_first  # a cold cache: every slug computed
    again, imported_again = run("职工医疗互助活动升级")
    assert again == first and not imported_again  # the same keywords, read back
    _, imported_new = run("职工医疗互助活动升级 惠及渔民")
    assert imported_new  # a new word needs pypinyin again
