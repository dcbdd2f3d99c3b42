"""Rules from the fifty-sixth held-out batch (tests/heldout/fresh55): a reader's question labelled 网友留言：/职工提问：
opens the next Q&A item of a column; a speech summary headed name（post）：point; a list's rows naming an achievement,
a unit and a person, and sections named by a bare group (装备制造) with no count and no honour word. The inputs differ
from the batch's pages."""

from __future__ import annotations

from archive_gen.loader.bylines import is_person_name
from archive_gen.loader.shapes import bare_section, list_row
from loader_pages import BODY, page


def test_a_readers_message_opens_the_next_qa_item() -> None:
    # a Q&A column whose readers' turns are labelled 职工提问：/网友留言： prints each question under its own headline
    parsed = page("第06版：维权", "维权问答",
                  "辞职要提前多久通知单位",
                  "　　职工提问：我想换一份工作，需要提前多久告诉单位？试用期内也一样吗？",
                  "　　律师解答：劳动者提前30日以书面形式通知用人单位，可以解除劳动合同；试用期内提前3日通知即可。",
                  "被派遣到外地，工伤由谁认定",
                  "　　职工提问：我被公司派到外省的项目上工作，在工地受了伤，工伤认定该找哪里？",
                  "　　律师解答：职工被派遣出境或到外地工作期间受伤的，由用人单位所在地的社会保险行政部门认定。")
    assert [i.title for i in parsed.items] == ["辞职要提前多久通知单位", "被派遣到外地，工伤由谁认定"]
    assert all(len(i.paragraphs) == 2 for i in parsed.items)


def test_an_answers_crosshead_stays_inside_its_qa() -> None:
    # guard: a crosshead inside an answer over the expert's text (no reader's question under it) stays a section
    parsed = page("第06版：维权", "辞职要提前多久通知单位",
                  "　　网友留言：我想换一份工作，需要提前多久告诉单位？试用期内也一样吗？",
                  "　　律师解答：劳动者提前30日以书面形式通知用人单位，可以解除劳动合同。",
                  "律师提醒",
                  "　　辞职时要保留好书面通知的凭证，以免日后发生争议时举证困难。")
    assert [i.title for i in parsed.items] == ["辞职要提前多久通知单位"]
    assert [c.text for c in parsed.items[0].crossheads] == ["律师提醒"]


def test_name_then_post_in_brackets_heads_a_speech_summary() -> None:
    # name（post）：point after a report announcing speeches in summary titles that speaker's summary
    parsed = page("第03版：要闻", "西岭县职工代表座谈会召开", "本报记者　柯　岚",
                  "　　6月3日，西岭县总工会召开职工代表座谈会。" + BODY,
                  "　　座谈会上，3名职工代表作了发言，现将发言摘要刊登如下。",
                  "牛建业（西岭水泥厂窑炉工）：高温岗位要有更多保障",
                  "　　我们窑炉岗位夏天温度高，希望企业把高温津贴落实到位，再多配一些防暑设备。",
                  "贝秋月（西岭县人民医院护师）：让护士有时间陪孩子",
                  "　　医院推行了弹性排班，但还有不少科室没有落实，希望工会继续推动。")
    assert [i.title for i in parsed.items] == ["西岭县职工代表座谈会召开",
                                             "牛建业（西岭水泥厂窑炉工）：高温岗位要有更多保障",
                                             "贝秋月（西岭县人民医院护师）：让护士有时间陪孩子"]


def test_a_bracketed_crosshead_in_a_plain_report_stays_inside_it() -> None:
    # guard: a name（post）：point line inside a report that announces no summaries stays a section of it
    parsed = page("第03版：要闻", "西岭县职工代表座谈会召开", "本报记者　柯　岚",
                  "　　6月3日，西岭县总工会召开职工代表座谈会。" + BODY,
                  "　　会上，职工代表踊跃发言。" + BODY,
                  "牛建业（西岭水泥厂窑炉工）：高温岗位要有更多保障",
                  "　　西岭水泥厂窑炉工牛建业说，窑炉岗位夏天温度高，希望企业把高温津贴落实到位。")
    assert [i.title for i in parsed.items] == ["西岭县职工代表座谈会召开"]


def test_a_list_in_bare_sections_with_achievement_rows() -> None:
    # a list titled as a whole (…名单) in sections named by a bare group (no count, no honour word), each row an
    # achievement, a unit and a person: the sections are crossheads, the rows paragraphs, the first section no column
    parsed = page("西岭工人报", "第04版：创新",
                  "2024年度西岭县职工合理化建议优秀成果名单",
                  "建材行业",
                  "水泥窑余热发电效率提升方案　西岭水泥有限公司　牛建业\n玻璃退火窑节能改造　西岭玻璃厂　储　芸",
                  "食品加工",
                  "茶叶杀青机温控改进　西岭茶业有限公司　项　远",
                  "县直机关工会举办插花培训",
                  "　　本报讯　近日，县直机关工会举办插花培训，60余名女职工参加。（吕　晴）")
    assert [i.title for i in parsed.items] == ["2024年度西岭县职工合理化建议优秀成果名单", "县直机关工会举办插花培训"]
    listing = parsed.items[0]
    assert listing.column is None
    assert [c.text for c in listing.crossheads] == ["建材行业", "食品加工"]
    assert len(listing.paragraphs) == 3


def test_bare_section_and_achievement_row_shapes() -> None:
    # guard: a headline with a verb, a list's title or a punctuated line is no bare section; co-authors are no row
    assert bare_section("建材行业") and bare_section("市直单位")
    assert not bare_section("2024年度西岭县职工合理化建议优秀成果名单")
    assert not bare_section("县直机关工会举办插花培训") and not bare_section("会议现场，职工")
    assert list_row("水泥窑余热发电效率提升方案　西岭水泥有限公司　牛建业")
    assert not list_row("技术革新　节能降耗　孟凡东")  # no unit among the fields
    assert not list_row("西岭县召开职工大会　部署全年工作")


def test_chu_is_a_surname() -> None:
    # 储 opens names (储　平, 储安平) as 郁 does; a row naming 储　平 last is a list's row
    assert is_person_name("储\u3000平") and is_person_name("储安平")
    assert list_row("大型铸件砂型3D打印工艺　江州重型机械集团有限公司　储　平")


def test_a_short_headline_after_a_lists_rows_heads_the_next_story() -> None:
    # guard: a short bare line under a list's rows over running text (not rows) titles the next story, no section
    parsed = page("第04版：创新", "2024年度西岭县职工合理化建议优秀成果名单",
                  "水泥窑余热发电效率提升方案　西岭水泥有限公司　牛建业\n玻璃退火窑节能改造　西岭玻璃厂　储　芸",
                  "劳模进校园",
                  "　　本报讯　近日，西岭县总工会组织劳模走进中小学，讲述奋斗故事，已开展活动12场。（吕　晴）")
    assert [i.title for i in parsed.items] == ["2024年度西岭县职工合理化建议优秀成果名单", "劳模进校园"]
    assert len(parsed.items[0].paragraphs) == 2
