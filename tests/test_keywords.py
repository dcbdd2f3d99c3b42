"""TF-IDF keywords: domain stop-words removed, 5–10 words, deterministic order, candidates by
dictionary part of speech (no names), read from the item's shared tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_gen.model import Item
from archive_gen.tagging.keywords import (
    MAX_KEYWORDS,
    MIN_KEYWORDS,
    KeywordExtractor,
    KeywordSlugs,
    packaged_stopwords,
    parse_stopwords,
)
from archive_gen.tagging.segmented import segment_item
from archive_gen.tagging.segmenter import Segmenter
from archive_gen.urls import keyword_slug

ARTICLE = Item(
    id="k", source="k.txt", index=0, kind="article",
    title="长沙:商家联合平台 共建500个骑士驿站",
    paragraphs=(
        "本报讯 日前,市总工会开展活动,商家代表联合外卖平台宣布共建500个骑士驿站。骑士驿站将悬挂标识,方便骑手就近使用。",
        "据介绍,遍布长沙的商家店铺将化身爱心驿站,为骑手提供免费饮水、手机充电、临时休息等服务;一些商家还将提供优惠餐食。",
        "同时,物流站点也升级为骑士驿站,微波炉、饮水机、应急药箱一应俱全。工会工作进一步推进,职工普遍受益。",
    ),
)


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> KeywordExtractor:
    segmenter = Segmenter([("骑士驿站", None, "nz"), ("爱心驿站", None, "nz")],
                          cache_dir=tmp_path_factory.mktemp("cache"))
    return KeywordExtractor(segmenter, packaged_stopwords())


def test_packaged_stopwords_hold_the_domain_words() -> None:
    words = set(packaged_stopwords())
    assert {"工会", "职工", "开展", "活动", "工作", "记者", "本报讯", "推进", "进一步"} <= words
    assert not any(w.startswith("#") for w in words)


def test_parse_stopwords_skips_comments_and_blanks() -> None:
    assert parse_stopwords("# note\n\n工会\n  职工 \n") == ["工会", "职工"]


def test_keywords_exclude_stop_words_and_numbers(extractor: KeywordExtractor) -> None:
    words = [k.word for k in extractor.extract(ARTICLE)]
    assert MIN_KEYWORDS <= len(words) <= MAX_KEYWORDS
    assert words[0] == "骑士驿站"
    assert not set(words) & extractor.stopwords
    assert not any(ch.isdigit() for w in words for ch in w)


def test_keywords_are_deterministic_weight_then_word(extractor: KeywordExtractor,
                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    first = extractor.extract(ARTICLE)
    assert list(first) == sorted(first, key=lambda k: (-k.weight, k.word))
    assert all(k.weight > 0 for k in first)
    # an extractor built separately (its own segmenter, cold cache, stop-words given in another order)
    # after other items: the same keywords, weights and order
    segmenter = Segmenter([("爱心驿站", None, "nz"), ("骑士驿站", None, "nz")],
                          cache_dir=tmp_path_factory.mktemp("cache-other"))
    other = KeywordExtractor(segmenter, reversed(packaged_stopwords()))
    other.extract(Item(id="x", source="x.txt", index=0, kind="photo", title="春来蔬菜采摘忙"))
    assert other.extract(ARTICLE) == first


def test_short_or_empty_items_give_few_or_no_keywords(extractor: KeywordExtractor) -> None:
    empty = Item(id="e", source="e.txt", index=0, kind="photo")
    assert extractor.extract(empty) == ()
    short = Item(id="s", source="s.txt", index=0, kind="photo", title="骑士驿站")
    assert [k.word for k in extractor.extract(short)] == ["骑士驿站"]


def test_a_short_item_fills_up_with_its_best_other_words(extractor: KeywordExtractor) -> None:
    # three nouns only (蔬菜, 青椒, 工人): the verb 采摘 fills up; 忙 (one character) and 3月6日 never
    caption = Item(id="c", source="c.txt", index=0, kind="photo", title="春来蔬菜采摘忙",
                   paragraphs=("3月6日,工人在采摘青椒。",))
    keywords = extractor.extract(caption)
    assert sorted(k.word for k in keywords) == ["工人", "蔬菜", "采摘", "青椒"]
    assert list(keywords) == sorted(keywords, key=lambda k: (-k.weight, k.word))
    # stop-words stay out even then (表示, 介绍 are verbs in the stop list)
    quote = Item(id="q", source="q.txt", index=0, kind="article", title="青椒丰收",
                 paragraphs=("他表示,今年青椒丰收。记者介绍,采摘已经开始。",))
    words = [k.word for k in extractor.extract(quote)]
    assert "表示" not in words and "介绍" not in words and {"青椒", "丰收", "采摘"} <= set(words)
    # an item with enough nouns does not fill up: no verbs among the article's keywords
    assert "提供" not in [k.word for k in extractor.extract(ARTICLE)]


def test_custom_stop_words_are_honoured(tmp_path_factory: pytest.TempPathFactory) -> None:
    segmenter = Segmenter([("骑士驿站", None, "nz")], cache_dir=tmp_path_factory.mktemp("cache2"))
    extractor = KeywordExtractor(segmenter, [*packaged_stopwords(), "骑士驿站"])
    assert "骑士驿站" not in [k.word for k in extractor.extract(ARTICLE)]


def test_person_names_and_verbs_are_never_keywords(extractor: KeywordExtractor) -> None:
    item = Item(id="n", source="n.txt", index=0, kind="article", title="王振强的骑士驿站",
                paragraphs=("王振强说,骑士驿站提供饮水。王振强和骑手们一起检查驿站。提供提供提供。",))
    words = [k.word for k in extractor.extract(item)]
    assert words[0] == "骑士驿站"
    assert "王振强" not in words and "提供" not in words


def test_full_width_latin_is_one_keyword_with_its_ascii_form(extractor: KeywordExtractor) -> None:
    item = Item(id="l", source="l.txt", index=0, kind="article", title="ＡＰＰ上线",
                paragraphs=("职工服务APP上线,ＡＰＰ提供在线服务。",))
    words = {k.word: k.weight for k in extractor.extract(item)}
    assert "APP" in words and "ＡＰＰ" not in words


def test_headline_counts_twice_and_given_tokens_are_used(extractor: KeywordExtractor) -> None:
    body = "骑手在驿站休息,餐厅提供饮水。"
    plain = Item(id="h", source="h.txt", index=0, kind="article", paragraphs=(body,))
    headed = Item(id="h", source="h.txt", index=0, kind="article", title="餐厅", paragraphs=(body,))
    assert extractor.extract(headed)[0].word == "餐厅"
    assert extractor.extract(plain)[0].word != "餐厅"
    segmented = segment_item(headed, extractor._segmenter)
    assert extractor.extract(headed, segmented=segmented) == extractor.extract(headed)
    assert extractor.extract(headed, segmented=segment_item(plain, extractor._segmenter)) == extractor.extract(plain)


def test_keyword_slugs_are_remembered_across_runs(tmp_path: Path) -> None:
    calls: list[str] = []

    def counted(word: str) -> str:
        calls.append(word)
        return keyword_slug(word)

    words = ["骑士驿站", "APP", "山西", "陕西"]
    first = KeywordSlugs(tmp_path, counted)
    assert first.lookup(words) == [keyword_slug(w) for w in words]
    assert first.lookup(words[:2]) == [keyword_slug(w) for w in words[:2]] and calls == words  # once a word
    again = KeywordSlugs(tmp_path, counted)  # a later build reads them back: no slug computed
    assert again.lookup(words) == [keyword_slug(w) for w in words] and calls == words
    assert again("职工书屋") == keyword_slug("职工书屋") and calls == [*words, "职工书屋"]


def test_keyword_slugs_skip_torn_or_forged_lines(tmp_path: Path) -> None:
    KeywordSlugs(tmp_path).lookup(["骑士驿站"])
    (table,) = tmp_path.glob("slugs-*.tsv")
    good = table.read_text(encoding="utf-8")
    # a forged slug (its hash is not the word's), a line cut by a crash, a line glued to another
    table.write_text(good + "工会\tgong-hui-000000\n职工\tzhi-gong-" + "\n" + "x" + good, encoding="utf-8")
    calls: list[str] = []
    slugs = KeywordSlugs(tmp_path, lambda w: calls.append(w) or keyword_slug(w))
    assert slugs.lookup(["骑士驿站", "工会", "职工"]) == [keyword_slug(w) for w in ("骑士驿站", "工会", "职工")]
    assert calls == ["工会", "职工"]


def test_keyword_slugs_work_without_a_usable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    assert KeywordSlugs(blocker / "cache").lookup(["骑士驿站"]) == [keyword_slug("骑士驿站")]
    assert KeywordSlugs(None)("骑士驿站") == keyword_slug("骑士驿站")


def test_place_names_of_the_item_are_never_keywords(extractor: KeywordExtractor) -> None:
    item = Item(id="pl", source="pl.txt", index=0, kind="article", title="甘肃兰州城关区建起骑士驿站",
                paragraphs=("兰州市城关区总工会建成骑士驿站50个，骑手可在骑士驿站饮水、休息。",))
    places = frozenset({"甘肃", "甘肃省", "兰州", "兰州市", "城关区", "城关"})
    words = [k.word for k in extractor.extract(item, places=places)]
    assert words and "骑士驿站" in words
    assert not {"甘肃兰州", "兰州", "兰州市", "城关区"} & set(words)
    assert {"兰州市", "城关区"} & {k.word for k in extractor.extract(item)}  # without places they were there


def test_a_places_own_union_and_the_national_union_are_not_keywords(extractor: KeywordExtractor) -> None:
    # 上海市总工会 says no more than the region chip 上海市; 全国总工会 is on every national story (issue 18)
    item = Item(id="pb", source="pb.txt", index=0, kind="brief", title="上海启动职工疗休养“春季行”",
                paragraphs=("3月10日，上海市总工会启动职工疗休养“春季行”活动，全国总工会有关负责人出席，首批500名一线职工"
                            "将赴省内外疗休养基地。",))
    words = [k.word for k in extractor.extract(item, places=frozenset({"上海", "上海市"}))]
    assert words and "基地" in words
    assert not {"上海市总工会", "全国总工会"} & set(words)
    assert "上海市总工会" in {k.word for k in extractor.extract(item)}  # without places it was there


def test_words_of_a_quoted_utterance_are_not_keywords(extractor: KeywordExtractor) -> None:
    # a recited line of verse opens the story: its rare words (九天揽月, 五洋) say nothing about the item; a
    # quoted short name (“四点半课堂”, no clause mark inside) still gives its words
    item = Item(id="q", source="q.txt", index=0, kind="article", title="工会干部赴井冈山学习",
                paragraphs=("“可上九天揽月,可下五洋捉鳖,谈笑凯歌还。”吟诵着经典名句,63名工会干部来到井冈山,参加党史学习教育"
                            "专题研讨班。", "市总工会还在全市开设“四点半课堂”,为职工子女提供课后托管服务。"))
    words = [k.word for k in extractor.extract(item)]
    assert words and "研讨班" in words and "课堂" in words
    assert not {"九天揽月", "五洋", "捉鳖", "凯歌"} & set(words)


def test_spans_of_time_actions_going_on_and_ranks_are_not_keywords(extractor: KeywordExtractor) -> None:
    # words that would fit any item (issue 18): they win TF-IDF on rarity, not on meaning
    item = Item(id="u", source="u.txt", index=0, kind="brief", title="区级劳模创新工作室挂牌",
                paragraphs=("今年以来，全区新命名区级劳模创新工作室12家。连日来，工作室成员正忙着攻关一项焊接工艺，车间里摆放着"
                            "新研制的焊接夹具。",))
    words = [k.word for k in extractor.extract(item)]
    assert words and "夹具" in words
    assert not {"今年以来", "连日来", "区级", "正忙着", "摆放着"} & set(words)


def test_a_word_inside_a_longer_keyword_gives_its_place_to_it(extractor: KeywordExtractor, tmp_path: Path) -> None:
    # 驿站 and 骑士驿站 name one thing: one keyword, the specific one
    item = Item(id="n", source="n.txt", index=0, kind="article", title="驿站里的一杯热茶",
                paragraphs=("寒潮来袭，全市120个驿站为户外劳动者备好了热茶。骑手周师傅在骑士驿站歇脚时说，驿站让他暖和了不少。",))
    words = [k.word for k in extractor.extract(item)]
    assert words and "骑士驿站" in words and "驿站" not in words
    assert not [(a, b) for a in words for b in words if a != b and b.endswith(a)]
    # a word starting a longer one names another thing: 劳模 and 劳模精神 are both keywords
    terms = KeywordExtractor(Segmenter([("劳模精神", None, "nz"), ("劳模", None, "nz")], cache_dir=tmp_path),
                             packaged_stopwords())
    other = Item(id="m", source="m.txt", index=0, kind="article", title="劳模进车间",
                 paragraphs=("5名劳模走进车间宣讲劳模精神。劳模们讲述了扎根一线的故事，劳模精神在车间里传开了。",))
    words = [k.word for k in terms.extract(other)]
    assert "劳模" in words and "劳模精神" in words
