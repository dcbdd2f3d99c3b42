"""Continued articles are stitched across pages when both halves are in the corpus."""

from __future__ import annotations

from archive_gen.loader import parse_page
from archive_gen.loader.stitch import stitch_continuations

FRONT = """长春朝阳区开展劳动争议调解进园区活动

本报讯(记者柳姗姗)今天,朝阳区总工会在长春高新区开展劳动争议调解进园区活动。

据介绍,朝阳区已建成劳动争议多元化解工作站12个。(下转第2版)

海南东方市举办女职工技能竞赛

本报讯(记者赖书闻)近日,东方市总工会举办女职工技能竞赛。

竞赛设置电工、焊工等项目。(下转第2版)
"""

BACK = """(上接第1版)获奖女职工将被推荐参评巾帼建功标兵,竞赛设置的焊工项目尤其受欢迎。

(上接第1版)朝阳区总工会还将推广“调解前置”,把劳动争议化解在萌芽状态。
"""


def pages(front_date: str = "2024-03-01", back_date: str = "2024-03-01"):
    return [parse_page(FRONT, "a/01.txt", date=front_date, page=1),
            parse_page(BACK, "a/02.txt", date=back_date, page=2)]


def test_each_tail_joins_the_head_it_shares_words_with() -> None:
    front, back = stitch_continuations(pages())
    assert back.items == ()  # both tails moved into their heads
    chaoyang, dongfang = front.items
    assert chaoyang.paragraphs[-1].startswith("朝阳区总工会还将推广")
    assert dongfang.paragraphs[-1].startswith("获奖女职工")
    part = chaoyang.continuation_parts[0]
    assert (part.source, part.page, part.first_paragraph) == ("a/02.txt", 2, 2)
    assert chaoyang.continued_to is not None and chaoyang.continued_to.page == 2


def test_text_is_moved_not_copied() -> None:
    before = pages()
    after = stitch_continuations(before)
    chars = lambda ps: sorted("".join(i.body_text for p in ps for i in p.items))  # noqa: E731
    assert chars(before) == chars(after)


def test_halves_of_different_dates_are_not_joined() -> None:
    front, back = stitch_continuations(pages(back_date="2024-03-02"))
    assert len(back.items) == 2
    assert all(not item.continuation_parts for item in front.items)


def test_undated_pages_are_left_alone() -> None:
    loose = [parse_page(FRONT, "x.txt"), parse_page(BACK, "y.txt")]
    assert stitch_continuations(loose) == loose


def test_a_stitched_item_keeps_the_tail_setting_when_the_head_named_none() -> None:
    from archive_gen.model import Continuation, Evidence, Item, Page, Region, RegionTag, TopicTag

    shanxi = RegionTag(Region(code="140000", province="山西省", slug="140000-shanxi"), (Evidence("山西", "paragraph:0"),), 2.0)
    topic = TopicTag("weiquan", "劳动争议与维权", 3.0, (Evidence("调解", "paragraph:0"),))
    fallback = TopicTag("chanye-jingji", "产业与经济发展", 0.0, (Evidence("no topic term found", "fallback"),))
    head = Item(id="h", source="a.txt", index=0, kind="article", title="调解员老张", paragraphs=("开头。",),
                continued_to=Continuation("to", 3, "(下转第3版)", 3), topics=(fallback,))
    tail = Item(id="t", source="b.txt", index=0, kind="article", paragraphs=("在山西，老张调解了纠纷。",),
                continued_from=Continuation("from", 1, "(上接第1版)", 1), regions=(shanxi,), topics=(topic,))
    pages = [Page(source="a.txt", sha256="", encoding="utf-8", date="2022-01-01", date_inferred=False,
                  date_evidence=None, page=1, items=(head,)),
             Page(source="b.txt", sha256="", encoding="utf-8", date="2022-01-01", date_inferred=False,
                  date_evidence=None, page=3, items=(tail,))]
    stitched = stitch_continuations(pages)[0].items[0]
    assert stitched.paragraphs == ("开头。", "在山西，老张调解了纠纷。")
    assert stitched.regions == (shanxi,) and stitched.topics == (topic,)


def test_a_tail_reprinting_a_head_title_joins_that_head_whatever_the_shared_words() -> None:
    # the second tail shares more generic words (一家, 企业, 职工) with the first head than with its own
    front = parse_page("""老矿工的“绝活”

本报讯（记者 周明）井下300米，老矿工赵大山用耳朵听出了一台设备的异响。（下转第4版）

一家企业职工的新年心愿

本报讯（记者 韩雪）一家企业的职工代表大会上，职工提出了三条心愿。（下转第4版）
""", "b/01.txt", date="2019-01-02", page=1)
    back = parse_page("""老矿工的“绝活”

（上接第1版）赵大山是一家煤炭企业的职工，今年带出了五名徒弟。

一家企业职工的新年心愿

（上接第1版）第一条心愿是食堂延长开放时间，工会当场作了回应。
""", "b/04.txt", date="2019-01-02", page=4)
    joined, rest = stitch_continuations([front, back])
    assert rest.items == ()
    miner, wishes = joined.items
    assert miner.paragraphs[-1].startswith("赵大山是")
    assert wishes.paragraphs[-1].startswith("第一条心愿")


HEAD_PAGE = """东莞冲压工何春生六年写下80多万字

白天拧螺丝　晚上写小说

本报记者　苏　墨

6月中旬的一个傍晚，东莞长安镇一家五金厂的宿舍里，冲压工何春生打开一台旧电脑，开始写他的长篇小说。(下转第7版)
"""


def test_a_reprinted_title_over_the_jumped_half_names_the_heads_banner_as_its_title() -> None:
    # read alone, "白天拧螺丝　晚上写小说" under a title looks like a campaign banner printed after it; the half on page 7
    # reprints it as the story's title, so it is the title and the line above it the kicker
    def stitched(reprint: str):
        tail = f"{reprint}\n\n(上接第5版)不过，多数职工写作者仍面临时间少、发表难的困扰，投出去的稿子十篇里能发一篇就算不错了。\n"
        alone = parse_page(HEAD_PAGE, "a/05.txt", date="2018-06-26", page=5)
        assert (alone.items[0].title, alone.items[0].column) == ("东莞冲压工何春生六年写下80多万字", "白天拧螺丝　晚上写小说")
        pages = [alone, parse_page(tail, "a/07.txt", date="2018-06-26", page=7)]
        return stitch_continuations(pages)[0].items[0]

    item = stitched("白天拧螺丝　晚上写小说")
    assert (item.kicker, item.title, item.column) == ("东莞冲压工何春生六年写下80多万字", "白天拧螺丝　晚上写小说", None)
    assert item.paragraphs[-1].startswith("不过")
    # guard: a half reprinting the head's own title leaves the head's reading as it was
    kept = stitched("东莞冲压工何春生六年写下80多万字")
    assert (kept.kicker, kept.title, kept.column) == (None, "东莞冲压工何春生六年写下80多万字", "白天拧螺丝　晚上写小说")
