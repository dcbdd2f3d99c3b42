"""Rules from the fifty-fifth held-out batch (tests/heldout/fresh54): a review's book line, a chart's title, source note
and 制图 credit, a brief signed in brackets under a half continued from another page, speech summaries under
speaker-name headlines, and the surname 郁. The inputs differ from the batch's pages."""

from __future__ import annotations

from archive_gen.loader.bylines import is_byline_line
from archive_gen.loader.shapes import book_line, data_source, headline_text
from loader_pages import BODY, page


def test_a_reviews_book_line_is_its_first_paragraph() -> None:
    # "《书名》，author著，publisher…出版" under a review's author line is printed text, not a second headline; and a
    # □ author line naming a 郁 signs the review
    parsed = page("读　书", "把车间写成一首长诗", "——读《机床的年轮》", "□ 郁　明",
                  "　　《机床的年轮》，柏　舟著，西岭文艺出版社2024年9月出版",
                  "　　这本诗集收入作者在机床厂工作三十年间写下的一百多首诗，写师傅，写徒弟，也写车间里的四季。")
    assert [i.title for i in parsed.items] == ["把车间写成一首长诗"]
    review = parsed.items[0]
    assert review.byline.authors == ("郁\u3000明",)
    assert review.paragraphs[0].startswith("《机床的年轮》")
    assert len(review.paragraphs) == 2


def test_book_titles_in_headlines_stay_headlines() -> None:
    # guard: a headline naming a book (no author and publisher after it) is still headline-shaped
    assert not book_line("读《机床的年轮》") and headline_text("读《机床的年轮》")
    assert not book_line("《劳动合同法》修订草案公开征求意见")
    assert book_line("《机床的年轮》，柏　舟著，西岭文艺出版社2024年9月出版")
    assert data_source("数据来源：西岭县总工会") and not headline_text("数据来源：西岭县总工会")
    assert not data_source("来源于一线的声音")


def test_a_chart_under_a_story_is_a_piece_of_its_own_with_its_credit() -> None:
    # a chart's title over a 图表： caption is no crosshead of the story above; its 数据来源： line is its text and the
    # 制图： line under it credits the chart, not the page's editors
    parsed = page("第03版：数读", "西岭县职工服务驿站五年", "本报记者　柯　岚",
                  "　　五年来，西岭县职工服务驿站从无到有。记者梳理数据发现：",
                  "　　1.全县建成驿站86个，覆盖全部乡镇。",
                  "　　2.驿站年均服务职工超过12万人次。",
                  "西岭县驿站数量变化",
                  "　　图表：2020年12个，2022年47个，2024年86个。",
                  "　　数据来源：西岭县总工会",
                  "制图：项　远",
                  "本版编辑　吕　晴")
    assert [i.title for i in parsed.items] == ["西岭县职工服务驿站五年", "西岭县驿站数量变化"]
    assert len(parsed.items[0].paragraphs) == 3
    chart = parsed.items[1]
    assert chart.paragraphs[-1] == "数据来源：西岭县总工会"
    assert chart.byline.photographers == ("项\u3000远",)


def test_a_design_credit_at_the_page_foot_stays_furniture() -> None:
    # guard: a 制图 line at the foot of a page whose last text is no chart's caption credits the page's designer
    parsed = page("第03版：综合新闻", "西岭县职工运动会开幕", "　　本报讯（记者　柯　岚）" + BODY,
                  "制图：项　远", "本版编辑　吕　晴")
    assert any(line.text == "制图：项\u3000远" for line in parsed.furniture)


def test_a_signed_brief_under_a_continued_half_is_an_item() -> None:
    # the half continued from page 1 was credited there: a line over a paragraph closed by a bracketed name under it
    # titles a correspondent's brief, not a section of the half
    parsed = page("第05版：基层", "老厂房里办起“职工课堂”",
                  "　　（上接第1版）如今，“职工课堂”每月开课两次，已有300多名职工参加。",
                  "　　厂工会主席说，下一步将把课堂开到班组。",
                  "环卫所为环卫工人送清凉",
                  "　　近日，西岭县环卫所为一线环卫工人送去防暑降温用品200余份。（通讯员　项　远）")
    assert [i.title for i in parsed.items] == ["老厂房里办起“职工课堂”", "环卫所为环卫工人送清凉"]
    assert parsed.items[1].byline.correspondents == ("项\u3000远",)


def test_a_crosshead_in_a_continued_half_stays_inside_it() -> None:
    # guard: a crosshead over unsigned text inside a continued half stays a section of it
    parsed = page("第05版：基层", "老厂房里办起“职工课堂”",
                  "　　（上接第1版）如今，“职工课堂”每月开课两次，已有300多名职工参加。",
                  "　　厂工会主席说，下一步将把课堂开到班组。",
                  "课堂开到班组",
                  "　　今年以来，课堂已在5个班组开课，职工在家门口就能学技术。")
    assert len(parsed.items) == 1
    assert [c.text for c in parsed.items[0].crossheads] == ["课堂开到班组"]


def test_speech_summaries_announced_by_the_report_are_items() -> None:
    # a report announcing speeches in summary (本版摘登发言要点), then each speaker's post+name：point headline over
    # the summary: each summary is an item of its own
    parsed = page("西岭县总工会召开全委会", "本报记者　柯　岚", "　　本报讯　3月2日，西岭县总工会召开全委会。" + BODY,
                  "　　会上，3位代表作了交流发言。本版摘登发言要点。",
                  "县机械厂工会主席蓝海：让师带徒落到实处",
                  "　　我们厂推行师徒结对，去年结对86对，徒弟全部考取了等级证书。",
                  "城关镇总工会副主席祝岩：驿站建到工地上",
                  "　　我们在工地上建起了5个驿站，工友们歇脚、喝水都方便了。")
    assert [i.title for i in parsed.items] == ["西岭县总工会召开全委会", "县机械厂工会主席蓝海：让师带徒落到实处",
                                               "城关镇总工会副主席祝岩：驿站建到工地上"]


def test_a_speaker_crosshead_in_an_unannounced_story_stays_inside_it() -> None:
    # guard: a group portrait heads its sections with people's posts and names; a story announcing no summaries keeps
    # them as crossheads
    parsed = page("车间里的“匠人群像”", "本报记者　柯　岚", "　　在西岭机械厂，一群普通工人用双手诠释着工匠精神。" + BODY,
                  "　　他们中，有干了三十年的老师傅，也有刚进厂的年轻人。",
                  "焊工班长蓝海：焊缝里的毫米功夫",
                  "　　蓝海的焊缝，误差从不超过一毫米。他说，焊工的手艺，全在手上的稳劲。")
    assert len(parsed.items) == 1
    assert [c.text for c in parsed.items[0].crossheads] == ["焊工班长蓝海：焊缝里的毫米功夫"]


def test_a_bare_name_line_of_surname_yu_signs() -> None:
    assert is_byline_line("□ 郁　青") and is_byline_line("■郁文涛")
