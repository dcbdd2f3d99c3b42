"""Forty-second round (tests/heldout_tagging38, 工人日报 and provincial workers' papers by a new hand centred on a
secondary topic from a whole paragraph): in a short item, a topic whose evidence is concentrated in one paragraph it
runs through and dominates (three distinct terms of it there, or two making up most of that paragraph's term weight)
is a secondary however little it weighs against the primary's evidence; scattered single mentions and a closing
policy sentence are not. Checked on small invented items unlike the held-out pages, each with a guard."""

from __future__ import annotations

from archive_gen.tagging.topics import TopicTagger
from tagging_probe import labels

# a story about a wage agreement, told at length: the primary's evidence is heavy
_WAGES = ("5月10日，某市总工会与市企业联合会签订纺织行业工资集体协商协议，职工代表与企业方经过三轮集体协商达成一致。",
          "协议规定职工工资增长幅度不低于8%。工资集体协商前，市总工会组织职工代表培训，职代会审议通过了协议草案。",
          "工资集体协商已覆盖全市纺织企业46家、职工1.2万人。市总工会将把集体协商推广到印染、服装行业，职代会民主管理同步推进。")


def test_a_paragraph_with_three_terms_of_a_second_topic_makes_it_secondary(topics: TopicTagger) -> None:
    # before: the safety paragraph weighed under a fifth of the wage story (SECONDARY_SHARE) and gave no secondary
    got = labels(topics, "纺织行业签订工资集体协商协议", *_WAGES,
                 "纺织车间粉尘多，职工易患职业病。市总工会组织劳动保护监督检查员深入车间，督促企业配齐防尘用品。各企业开展安全教育进班组活动，班组长逐一签字。")
    assert got == ["民主管理", "安全生产"]


def test_two_terms_making_up_most_of_a_paragraph_make_it_secondary(topics: TopicTagger) -> None:
    # the second arm: two distinct terms, and nearly all of the paragraph's term weight is theirs
    got = labels(topics, "纺织行业签订工资集体协商协议", *_WAGES,
                 "企业工会还为职工办理了会员卡。持卡职工在20余家特惠商家消费可享受折扣。目前全厂已有900名职工办卡。")
    assert got[:2] == ["民主管理", "职工服务与普惠"]


def test_scattered_single_mentions_make_no_secondary(topics: TopicTagger) -> None:
    # guard: one safety word in each of two paragraphs about the wages: no paragraph is about safety
    got = labels(topics, "纺织行业签订工资集体协商协议",
                 "5月10日，某市总工会与市企业联合会签订纺织行业工资集体协商协议，协议还写入了安全生产奖励条款。",
                 "协议规定职工工资增长幅度不低于8%。工资集体协商前，职代会审议通过了协议草案，职工代表提出了增加体检的意见。")
    assert got == ["民主管理"]


def test_a_closing_policy_sentence_makes_no_secondary(topics: TopicTagger) -> None:
    # guard: a coda naming a policy (乡村振兴, 共同富裕) after the story is no paragraph about it
    got = labels(topics, "纺织行业签订工资集体协商协议", *_WAGES,
                 "市总工会负责人表示，下一步将继续深化工资集体协商，助力乡村振兴，推动共同富裕。")
    assert got == ["民主管理"]


def test_a_one_sentence_paragraph_is_not_concentrated_evidence(topics: TopicTagger) -> None:
    # guard: a one-sentence paragraph listing a second topic's words is a passing note, not a paragraph about it
    got = labels(topics, "纺织行业签订工资集体协商协议", *_WAGES,
                 "协议还要求企业落实安全教育、配齐安全帽并定期排查安全隐患。")
    assert "安全生产" not in got


def test_a_two_sentence_coda_of_a_commentary_makes_no_secondary(topics: TopicTagger) -> None:
    # guard: a commentary's closing paragraph of two sentences whose only terms are a policy's (农村, 乡村振兴) is its
    # coda, not a paragraph about the policy (heldout_tagging16's 根治欠薪 commentary, which a first draft of the rule
    # counting two-sentence paragraphs gave 乡村振兴与帮扶)
    got = labels(topics, "讨薪不该年年上演",
                 "每到年底，农民工讨薪的新闻就多了起来。治理欠薪不能只靠年底的集中清欠行动。",
                 "拖欠农民工工资，根子多在工程款层层转包。农民工工资专用账户、工资保证金制度要落实到每一个工地，工会也要把法律援助送到工地。",
                 "农民工的工资，是许多农村家庭一年的指望，也关系到乡村振兴的成色。让农民工按时拿到报酬，他们才能安心干活。",
                 lead=None)
    assert got == ["劳动争议与维权"]
