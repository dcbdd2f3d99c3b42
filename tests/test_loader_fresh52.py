"""Rules from the fifty-third held-out batch (tests/heldout/fresh52): an honours list's sections under its title, and a
column answering readers' questions, each under a headline of its own. The inputs differ from the batch's pages."""

from __future__ import annotations

from loader_pages import BODY, page


def test_honour_names_under_a_whole_lists_title_are_its_sections() -> None:
    # "…表彰名单" titles the whole list; the bare honour names under it (the first one right under the title, where a
    # column line would stand) head its sections, not a column and not items of their own
    parsed = page("西岭县总工会召开表彰大会", "　　本报讯　4月28日，西岭县总工会召开表彰大会。" + BODY,
                  "2024年西岭县劳动模范和先进集体表彰名单", "县五一劳动奖状", "西岭县自来水公司\n西岭县人民医院\n西岭县供电公司",
                  "县五一劳动奖章", "罗　敏　西岭县自来水公司抄表员\n柯　蓝　西岭县人民医院护士",
                  "工人先锋号", "西岭县公交公司一车队\n西岭县热电厂运行班")
    assert [i.title for i in parsed.items] == ["西岭县总工会召开表彰大会", "2024年西岭县劳动模范和先进集体表彰名单"]
    honours = parsed.items[1]
    assert honours.column is None
    assert [c.text for c in honours.crossheads] == ["县五一劳动奖状", "县五一劳动奖章", "工人先锋号"]
    assert len(honours.paragraphs) == 7


def test_honour_name_after_a_news_story_still_titles_its_own_list() -> None:
    # guard: a news story whose title looks like a list's ("…表彰一批先进集体") has prose, not rows: an honour's bare
    # name after it over rows titles a list of its own, and is no section of the story
    parsed = page("西岭县表彰一批先进集体", "　　本报讯　日前，西岭县总工会表彰了一批先进集体和先进个人。" + BODY,
                  "县五一劳动奖状", "西岭县自来水公司\n西岭县人民医院")
    assert [i.title for i in parsed.items] == ["西岭县表彰一批先进集体", "县五一劳动奖状"]


def test_each_readers_question_under_its_own_headline_is_an_item() -> None:
    # a column answering readers (专家答疑) prints each reader's question and its answer under a headline of its own:
    # the second headline, after an answered question, titles the next item (an interview's crosshead would not)
    parsed = page("西岭县总工会开通维权热线", "　　本报讯　日前，西岭县总工会开通职工维权热线。" + BODY,
                  "专家答疑", "加班费的基数怎么算",
                  "　　网友问：我在一家电子厂上班，公司一直按最低工资标准给我算加班费。请问这样对吗？",
                  "　　律师答：加班费应以劳动合同约定的工资为基数，不能随意按最低工资标准计算。",
                  "劳务派遣工能否参加工会",
                  "　　职工问：我是被劳务派遣到一家工厂工作的，已经干了两年。请问我能在用工单位加入工会吗？",
                  "　　律师答：被派遣劳动者有权在用人单位或者用工单位依法参加或者组织工会。")
    assert [i.title for i in parsed.items] == ["西岭县总工会开通维权热线", "加班费的基数怎么算", "劳务派遣工能否参加工会"]
    assert [len(i.paragraphs) for i in parsed.items[1:]] == [2, 2]


def test_an_interviews_crosshead_stays_inside_it() -> None:
    # guard: an interviewer's turns (记者：) under a crosshead are the same interview, even after an answer
    item = page("让技术工人更有奔头", "——访省总工会副主席陈　立", "本报记者　柯　岚",
                "　　记者：今年全省职工技能竞赛有哪些新变化？",
                "　　陈　立：竞赛工种增加到了56个，还首次设立了新职业赛项。",
                "技能人才怎么评",
                "　　记者：技能人才评价制度改革进展如何？",
                "　　陈　立：全省已有1200家企业开展技能等级自主认定。").items
    assert [i.title for i in item] == ["让技术工人更有奔头"]
    assert [c.text for c in item[0].crossheads] == ["技能人才怎么评"]
