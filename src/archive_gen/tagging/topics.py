"""Topic tagging: the taxonomy (packaged default, replaced or extended from archive.yaml) and the
TopicTagger that gives every item 1–3 topics, primary first, each with its score and evidence.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from ..config import TaxonomyConfig, TopicSpec, parse_topic
from ..errors import ConfigError, clipped
from ..model import Evidence, Item, TopicTag
from ..patterns import first_chars, lazy_compile
from .keywords import _SURNAMES
from .segmented import Segmented, SegmentedField, segment_item
from .segmenter import Segmenter, fold

DEFAULT_TAXONOMY = "topics.yaml"
SYNONYM_WEIGHT = 0.6  # a near-synonym is weaker evidence than the taxonomy's own keyword
HINT_KEYS = ("weights", "synonyms", "patterns", "cues", "who", "subject_only", "primary_only", "union_default")
PATTERN_WEIGHT = 1.0  # a pattern (从业15年) describes what the item is, like a keyword

# How much one occurrence of a term counts, by where it was printed: the headline says what the
# item is about, the opening paragraph sets the subject, later paragraphs may only mention it.
FIELD_WEIGHTS: dict[str, float] = {
    "title": 4.0,
    "kicker": 2.5,
    "subtitle": 2.5,
    "column": 1.0,
    "page_name": 1.0,
    "reading_tip": 1.5,
    "crosshead": 1.5,
    "lead": 1.0,
    "paragraph:0": 1.5,
    "paragraph": 1.0,
    "caption": 1.0,
}
HEADLINE_FIELDS = ("title", "kicker", "subtitle")
BANNER_FIELDS = ("column", "column_extra")  # a series banner (最美职工) names what the item is about, like a headline
# the name of the page an item is printed on (副刊) says its genre: a banner's specific terms, never its generic words
PAGE_FIELDS = ("page_name",)
_HEADLINE_OR_BANNER = frozenset(HEADLINE_FIELDS + BANNER_FIELDS + PAGE_FIELDS)
PARAGRAPH_MIN_SCORE = 2.0  # term weight in one paragraph for the paragraph to be "about" a topic
PARAGRAPH_SHARE = 0.5  # ... and at least this share of the paragraph's strongest topic
FOCUS_SHARE = 1.0  # a paragraph "dominated" by a secondary topic: it is the strongest topic there
FOCUS_MIN_SCORE = 1.5  # ... with two distinct specific terms weighing this much (会员卡 and 优惠 in one short paragraph)
FOCUS_SENTENCE_SHARE = 0.5  # ... said in at least this share of its sentences when no other paragraph says it
THEME_MIN_UNITS = 2  # a topic in this many paragraphs is a theme of the item: one sentence of a paragraph is enough
_OPENING_PHRASE_ENDS = ("以来", "期间", "之际", "之余", "后", "前", "时", "中", "上", "里", "间")
ADDITION_PARAGRAPH_CHARS = 60  # a closing "also" paragraph this long, opening with the addition, is a paragraph (rule 102)
SECONDARY_SHARE = 0.2  # a secondary topic needs this share of the primary topic's score
# ... or, in a long item (LONG_ITEM_UNITS paragraphs or more), this share for a topic dominating a whole paragraph:
# one paragraph of a long report weighs little against the whole, and is a paragraph about its topic all the same
# (a 信访 paragraph in a five-paragraph 诉调对接 story; issue 18, twenty-second round)
LONG_ITEM_UNITS = 5
LONG_SECONDARY_SHARE = 0.12
HEADLINE_SECONDARY_SHARE = 0.15  # ... or this share when the headline names it too
# ... or none at all for a topic whose evidence is concentrated in one paragraph it runs through and dominates, with
# several distinct terms of it there, or two making up most of that paragraph's term weight: a paragraph wholly about
# a second topic is a secondary however little it weighs against a long story about the first (a safety paragraph
# in a wage-agreement story); scattered single mentions never make such a paragraph (issue 18, forty-second round)
CONCENTRATED_TERMS = 3
CONCENTRATED_SHARE = 0.75
CONCENTRATED_SENTENCES = 3  # ... in a paragraph of this many sentences (one or two are a note or a coda)
SECTION_MIN_PARAGRAPHS = 2  # a crosshead section this long, each paragraph saying its crosshead's topic, is about it
SPREAD_SHARE = 0.5  # evidence spread thinly over many paragraphs counts once it is half the primary's
DOMINANT_SHARE = 0.5  # a topic holding half of all the evidence is the subject even without a paragraph
HEADLINE_PRIMARY_SHARE = 0.3  # the headline's topic is primary unless it scores under this share of the top one
RUNNER_UP_SHARE = 0.5  # a topic that is primary because the strongest one's evidence was too weak needs this share of it
GENERIC_WEIGHT = 0.5  # a term weighing less is a generic word (服务站, 培训): it counts, never makes a secondary
MIN_BREADTH = 2  # a secondary topic needs this many distinct terms (a generic one counting half) ...
HEADLINE_BODY_UNITS = 2  # ... unless the headline names it and this many paragraphs (all of a shorter
#                          item's) follow it up
MAX_TOPICS = 3
PAGE_TOPIC_UNITS = 2  # paragraphs following up the page's topic to make it primary (_page_topic)
PASSING_FACTOR = 0.5  # a term in a passing clause (a means or an example) counts this much
MIN_PRIMARY_SCORE = 1.0  # below it, one term alone outside the headline (a synonym, a passing mention) decides nothing
KEYWORD_WEIGHT = 1.0  # the weight of a taxonomy keyword; near-synonyms weigh less
NEAR_SYNONYM_PRIMARY_SCORE = 2.5  # one near-synonym outside the headline decides only from this score (generic words aside)
_CLAUSE_MARKS = "，,。；;！!？?：:"
_MEANS_BEFORE = ("通过", "借助", "利用", "依托", "采取")
_MEANS_AFTER = ("等方式", "等形式", "等途径", "等渠道", "等手段", "等办法")
_EXAMPLE_BEFORE = ("比如", "例如", "诸如")
# a sentence that adds something on the side of the story (比赛结束后，主办方还…; 其间还穿插了一次安全知识讲座)
# (thirteenth round) or at the side of the event's ground (赛场边，工会设立了送清凉服务点: 场边, 赛场外, 会场外)
# ... or what was done before it (此前，区总工会刚刚为困难职工送去了慰问金: background, with its comma; 比此前增长 is a
# comparison) (fourteenth round)
# ... or a concession made on the side of the argument (当然，职工书屋也是职工之家建设的一部分: an aside granting a
# neighbouring topic its place, not a paragraph about it; twenty-ninth round)
_ADD_ON_BEFORE = ("此外", "另外", "其间", "期间还", "之余", "结束后", "闭幕后", "还穿插", "场边", "赛场外", "会场外",
                  "此前，", "此前,", "当然，", "当然,", "诚然，", "诚然,")
# a group named as where something went (职工书屋建到了货车司机身边): the place, not the subject
_PLACE_AFTER = ("身边", "家门口", "心坎")
_PLACE_PHRASE = lazy_compile(r"([和与及、][^，,。；;：:]{0,8})?(" + "|".join(_PLACE_AFTER) + ")")
_PASSING_MARKS = (*_MEANS_AFTER, *_EXAMPLE_BEFORE, *_ADD_ON_BEFORE, *_PLACE_AFTER)
_PASSING_MARK_RE = lazy_compile("|".join(map(re.escape, _PASSING_MARKS)))  # one pass over a field, not one per mark
_MEANS_BEFORE_RE = lazy_compile("|".join(_MEANS_BEFORE))
_ADD_ON_RE = lazy_compile("|".join(_ADD_ON_BEFORE))
_SENTENCE_MARKS = "。！!？?；;"
_CLAUSE_MARK_RE = lazy_compile(f"[{_CLAUSE_MARKS}]")
_SENTENCE_MARK_RE = lazy_compile(f"[{_SENTENCE_MARKS}]")
# a list of the people or things an item serves or offers, closed by 等 (为快递员、外卖送餐员等提供…; 提供制造、物流、
# 外卖骑手、快递员等岗位): its members say who is served, not what the item is about
_SERVED_LIST = lazy_compile(r"(为|给|向|面向|提供)([^，,。；;：:“”（）()]{0,30}?、[^，,。；;：:“”（）()]{0,30}?)等")
# the people a service is done for, named between 为 and the verb of the service (市总工会为快递员开设了…班, 为环卫
#工人、快递员开展…): who is served, not what the clause is about
# a list after a colon (一个职工遇到的难处：工资被拖欠、工伤认定卡了壳、劳动合同到期不续签): instances of what the words
# before the colon name, one list (fourteenth round)
_COLON_LIST = lazy_compile(r"[：:]([^，,。；;：:“”（）()]{1,30}?、[^。；;：:“”（）()]{1,60}?)(?=[。；;]|$)")
# 为骑手提供免费饮水、手机充电、临时休息等服务: a list of the services given (休息、淋浴、洗衣、就餐…)
_SERVICE_LIST = lazy_compile(r"提供([^，,。；;：:“”（）()]{1,30}?[、和][^。；;：:“”（）()]{1,60}?)等[^，,。；;：:]{0,4}服务")
_LIST_ITEM_SEP = lazy_compile(r"[、和及与]")
# the ordinals of a list of tasks or measures run on in one paragraph (一要…；二要…；三要…, 一是…二是…三是…): a meeting's
# or a report's enumeration, each item a clause (issue 18, forty-ninth round)
_ENUMERATION = lazy_compile(r"([一二三四五六七八九])(?:要|是)")
_FULL_STOP = lazy_compile(r"[。！!？?]")
_ORDINALS = "一二三四五六七八九"
ENUMERATION_MIN_ITEMS = 3
SERVICE_LIST_ITEMS = 3  # a list of this many services, most named by no topic, is a paragraph of services
_SERVED_BY_VERB = lazy_compile(r"(为)([^，,。；;：:“”（）()为]{1,12}?)(开设|开办|举办)")
# a headline's destination (“夜校”开进了工会驿站, 招聘会开到了产业园): the term after a verb of going into or building at
# is where the item's subject went, not what it is; it counts half and names no topic in the headline
_DESTINATION_BEFORE = lazy_compile(r"(开进|走进|建到|建在|搬进|进驻|开到|进)了?$")
# ... also when a few characters qualify the place between the verb and the term (招聘会开进搬迁安置点): a term naming
# a place (its last character one of _PLACE_SUFFIX) is still where the subject went, not what it is (fifteenth
# round); a deed after the place (走进工地送清凉) names no place and keeps its reading
_DESTINATION_PHRASE = lazy_compile(r"(开进|走进|建到|建在|搬进|进驻|开到)了?[\u4e00-\u9fff]{1,4}$")
# ... and the place a 把 sentence takes its object to (把学习“三个代表”落到基层工会, 把政策送到工地): the object after 把 is
# what the headline is about, the term after the verb of taking is where it goes (thirty-fifth round)
_BA_DESTINATION = lazy_compile(r"把[^，,。；;：:！!？?]{1,16}?(?:落到|落实到|延伸到|深入到|送到|带到|推广到)了?$")
# (a hall too: 青稞走进省城职工食堂 is where the produce went, not a canteen opened for the workers; twenty-eighth round)
_PLACE_SUFFIX = ("点", "站", "园", "区", "馆", "室", "屋", "所", "场", "村", "中心", "堂")
# ... and the place a headline's subject reaches out to (厂务公开向非公有制企业延伸, 普惠服务向农民工倾斜): the term between
# 向 and a verb of extending is whom or where it reaches, the subject before 向 is what the item is about (thirty-sixth
# round)
_TOWARD_BEFORE = lazy_compile(r"(?<=[\u4e00-\u9fff])向$")
_TOWARD_AFTER = lazy_compile(r"[\u4e00-\u9fff]{0,4}?(?:延伸|拓展|覆盖|倾斜|辐射)")
# a headline term right after a vote's verb (职代会表决通过高温津贴发放办法): what the vote adopted, the matter of the
# democratic procedure the headline is about, not a topic of its own there (fifteenth round)
_VOTED_BEFORE = lazy_compile(r"(表决通过|审议通过|投票通过)了?[《“]?$")
# what a headline says was founded (东坡区成立外卖配送行业工会联合会, 组建了职工艺术团): the body founded names what the
# item is about even when it is only a cue of its topic (工会联合会), so a cue ending the headline's founding phrase
# counts as a keyword there (fifteenth round)
_FOUNDED = lazy_compile(r"(成立|组建)了?([^，,。；;：:“”！!？?]{0,12})$")
# a headline term right before a verb of teaching (“夜校”开讲劳动法, 劳模讲起安全课): the school, class or speaker is
# how the item is delivered, not what it is about; when the rest of the headline names what is taught with a term of
# another topic, the term before the verb counts half and names no topic there (twelfth round)
# (a speakers' group, 劳模宣讲团走进企业讲党史, likewise names who speaks, not what: twenty-third round)
_TEACHES_AFTER = lazy_compile(r"[”’」』\"']?(开讲|讲授|讲起|教起|教授|讲了|开课讲|上起|宣讲团|宣讲队|报告团)")
# ... a speakers' group (劳模宣讲团走进企业) whose headline says nothing of the talks: what the opening paragraph says they
# preach (开展党史学习教育宣讲, …专题报告会) is what the item is about, the group's name only says who speaks (twenty-sixth
# round)
_SPEAKERS = frozenset({"宣讲团", "宣讲队", "报告团"})
# a school or class named in the headline with nothing taught there (工地开设“农民工夜校”): what the body says its courses
# are mainly about (课程以安全生产知识为主, 以…为主要内容) is what the item is about; the school's name says how it is
# delivered (forty-sixth round, heldout_tagging42; rule 17 said of the headline, this of the body's main content)
_SCHOOL_TERM = lazy_compile(r"(?:夜校|学校|课堂|讲堂)$")
_MAIN_CONTENT = lazy_compile(r"(?:课程|内容|授课|讲课|教学)(?:均|都|主要)?以([^，,。；;：:]{1,16}?)为(?:主要内容|主)")
_MADE_UP_OF = lazy_compile(r"[^，,。；;]{0,12}?组成的[\u4e00-\u9fff]{0,4}?(?:宣讲团|宣讲队|报告团)")
_PREACHED_AFTER = lazy_compile(r"[”’」』\"']?(?:专题)?(?:宣讲|报告会|报告)")
# a headline term right before the organisation it qualifies (快递企业成立联合工会, 家政行业建会): the sector says whose
# organisation acts, not what the headline says was done; it counts half there (twelfth round)
_SECTOR_AFTER = lazy_compile(r"(企业|行业|网点|公司|门店|站点)")
# a person's role right after a term (基层工会主席, 工会干部 of an 产业工会): the term names who holds it (eighth round);
# 委员会 is a body, not a role
_ROLE_AFTER = lazy_compile(r"副?主席|干部|委员(?!会)|主任|负责人")
# ... or the office a term names, then the title of its head (区人民法院劳动争议审判庭庭长马建平, 市劳动保障监察大队队长,
# 市安全生产监督管理局副局长王军 handing out prizes): the term is part of who the person is, not what the item is about
# (fortieth round: a 书画展 exhibitor's job read as 劳动争议与维权; docs/tagging.md rule 45)
_OFFICE_HEAD_AFTER = lazy_compile(r"[\u4e00-\u9fff]{0,8}?(?:庭|队|局|所|处|科|站)副?(?:庭长|大队长|队长|局长|所长|处长|科长"
                                  r"|站长)")
# a term ending in 组织 followed by what is organised (工会组织200多名检查员, 工会组织职工, 工会组织开展): the verb
# "organised" after its subject, not the organisation (工会组织建设, 工会组织覆盖, 工会组织的作用) (eighth round)
_ORGANISE = "组织"
# a founding or joining term said of what is done already, as an attribute (该区已建会的非公有制企业中, 已入会的职工,
# 已建会企业): it picks out which enterprises or workers a count covers, as 已建工会的企业中 does (no term there), and
# founds nothing (thirty-ninth round: a 职代会 count given 工会组织建设)
_DONE_FOUNDING = frozenset({"建会", "入会"})
_DONE_BEFORE = "已"
_DONE_ATTRIBUTE = lazy_compile(r"的|企业|单位|职工|会员")
_ORGANISE_OBJECT = lazy_compile(r"[0-9零一二两三四五六七八九十百千几多数各]|了|开展|举办|召开|参加|参与|职工|员工|工人|干部|会员"
                              r"|群众|志愿|劳模|专家|医|律师|党员|青年|农民工|技术|骨干|人员|一线")
# a cue that is the verb of a named agent (工会把“健康餐”配送到工地, 由…餐饮企业统一配送, 工会为项目部配送了净水设备): the
# agent's act, not the work of the group the cue describes (配送 read as couriers' work)
_AGENT_BEFORE = lazy_compile(r"([把由][^，,。；;：:]{2,}|工会[^，,。；;：:]*)$")
_AGENT_CUE_AFTER = ("到", "给", "至", "了")
# a closing sentence opening with advice or a next step (工会不妨顺势而为…, 下一步…) within its first characters
_CODA_MARKS = ("不妨", "下一步", "今后", "从长远看", "长远来看")
_CODA_REACH = 8
# a commentary's closing sentence that says what someone should *also* do (工会组织劳动竞赛…，也应把休息权放在心上)
# is advice on the side of its argument, wherever in the sentence the modal stands (a plain 应当 is the argument's)
_COMMENTARY_CODA_MARKS = ("不妨", "也应", "还应", "同样应", "也要", "还要", "同样要", "也需", "还需")
# an adverbial 还 ("also"; not 还是, 还没, 还不, 还未, nor the verb "to return": 偿还, 归还, 还款, 还清 …): a sentence of the
# closing paragraph that holds one adds something on the side of the story (ninth round)
# ... but not a meeting's or a document's next point (会议还要求，…; 意见还明确：…): 还 with a verb of asking or stating,
# its content set off by a comma or colon, opens what the report says next, a paragraph of its own (thirty-sixth round)
_ALSO = lazy_compile(r"(?<![偿归退返奉交])还(?![是没未不款贷清债钱原]|(?:要求|提出|强调|明确|部署)[，,：:])")
# a sentence saying who the people of the story are (他们大多是周边乡村的农民, 这些工人多为返乡青年): who, not what was
# done; its terms are on the side (fourteenth round)
_WHO_SENTENCE = lazy_compile(r"(?:^|(?<=[。！!？?；;]))(?:他们|她们|这些[\u4e00-\u9fff]{0,4}?|其中)"
                           r"(?:大多|大都|大部分|多数|多|都|均|主要)?(?:是|为)")
# a genre label (摄影报道, 专题报道) names the kind of report, not its topic
_GENRE_AFTER = "报道"
MAX_EVIDENCE = 12
# cues: words that describe a topic but are too common to be evidence (工钱, 电影, 公示); they decide only an item
# with a union angle that no term decides, instead of the fallback topic, which means "no union angle"
CUE_WEIGHT = 0.3
# a union body acting (工会, 工联会) gives any item a union angle; an item that is not a photo has a labour one
# when it is about workers (a commentary), a photo only a union one
_UNION_MARKS = ("工会", "工联")
_LABOUR_MARKS = ("职工", "劳动者", "农民工", "工人", "员工", "民工", "劳务")
_ANGLE_FIELDS = frozenset({"title", "kicker", "subtitle", "lead", "paragraph:0", *(f"caption:{i}" for i in range(12))})
FALLBACK_FIELD = "fallback"  # the evidence field of the fallback topic's marker (its text says why)
# a back-reference (\1, (?P=name)) or a conditional ((?(1)…)) names a group: joined with other patterns, its
# number would change, so a taxonomy with one is searched pattern by pattern (a false alarm only costs time)
_REFERS_TO_GROUP = lazy_compile(r"\\[1-9]|\(\?P=|\(\?\(")
# libyaml's composer when PyYAML was built with it: the same nodes and line marks, ~20x faster than the
# pure-Python one (the taxonomy is parsed at every start)
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)

@dataclass(frozen=True)
class Topic:
    """One topic as the tagger uses it: the user-facing spec plus its weighted matching terms."""

    spec: TopicSpec
    terms: tuple[tuple[str, float], ...]  # (folded term, weight), keywords first, then synonyms
    patterns: tuple[tuple[str, float], ...] = ()  # (regular expression, weight) matched on the folded text
    subject_only: bool = False  # given only when the headline or a whole paragraph is about it
    primary_only: bool = False  # never a secondary topic (产业与经济发展: the "no union angle" topic)
    cues: tuple[str, ...] = ()  # folded weak words: they decide only a union item that no term decides
    union_default: bool = False  # the topic of a union item that neither a term nor a cue decides
    who: tuple[str, ...] = ()  # folded terms naming the people the topic is about (女职工, 女工): who, not what

    @property
    def slug(self) -> str:
        return self.spec.slug

    @property
    def label(self) -> str:
        return self.spec.label


@dataclass(frozen=True)
class Taxonomy:
    """The topics in taxonomy order, and the topic for items with no evidence (None: no topic)."""

    topics: tuple[Topic, ...]
    fallback: str | None = None

    def words(self) -> list[str]:
        """Every matching term, sorted, for the segmenter's dictionary."""
        return sorted({term for topic in self.topics for term, _ in topic.terms})

    @property
    def fingerprint(self) -> str:
        payload = [[t.spec.slug, t.spec.label, t.spec.definition, list(t.terms), list(t.patterns), t.subject_only,
                    t.primary_only, list(t.cues), t.union_default, *([list(t.who)] if t.who else [])]
                   for t in self.topics]
        blob = json.dumps([payload, self.fallback], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# loading and validation

def _fail(source: str, node: yaml.Node | None, message: str) -> ConfigError:
    return ConfigError(message, source=source, line=node.start_mark.line + 1 if node is not None else None)


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree; a malformed file is re-read by the pure-Python parser, whose messages and
    lines are the ones users (and the tests) know."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _scalar(node: yaml.Node) -> Any:
    """The value of a YAML node, as ``yaml.safe_load`` of that node alone gives it (without writing the
    node back out and parsing it again in pure Python)."""
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def parse_taxonomy(text: str, source: str) -> Taxonomy:
    """Parse a taxonomy file: a list of topics, or a mapping with ``topics`` (+ ``hints``, ``fallback``).

    Every problem is a ConfigError naming ``source`` and the line.
    """
    try:
        doc = _compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"invalid YAML: {problem}", source=source,
                          line=mark.line + 1 if mark else None) from None
    topics_node: yaml.Node | None = None
    hints_node: yaml.Node | None = None
    fallback: str | None = None
    fallback_node: yaml.Node | None = None
    if isinstance(doc, yaml.SequenceNode):
        topics_node = doc
    elif isinstance(doc, yaml.MappingNode):
        for key, value in doc.value:
            if key.value == "topics":
                topics_node = value
            elif key.value == "hints":
                hints_node = value
            elif key.value == "fallback":
                if not isinstance(value, yaml.ScalarNode):
                    raise _fail(source, value, "'fallback' must be a topic slug")
                fallback, fallback_node = value.value or None, value
            else:
                raise _fail(source, key, f"unknown key '{key.value}' (expected topics, hints, fallback)")
    if not isinstance(topics_node, yaml.SequenceNode) or not topics_node.value:
        raise _fail(source, topics_node or doc, "a taxonomy needs a non-empty 'topics' list")
    path = Path(source)
    specs: list[tuple[TopicSpec, yaml.Node]] = [(parse_topic(node, path, "topics"), node)
                                                for node in topics_node.value]
    _check_unique(specs, source)
    hints = _parse_hints(hints_node, source, {spec.slug for spec, _ in specs})
    if fallback is not None and fallback not in {spec.slug for spec, _ in specs}:
        raise _fail(source, fallback_node, f"'fallback' names unknown topic '{fallback}'")
    return Taxonomy(tuple(_topic(spec, hints.get(spec.slug, {})) for spec, _ in specs), fallback)


def _check_unique(specs: list[tuple[TopicSpec, yaml.Node]], source: str) -> None:
    seen_slugs: set[str] = set()
    seen_labels: set[str] = set()
    for spec, node in specs:
        if spec.slug in seen_slugs:
            raise _fail(source, node, f"duplicate topic slug '{spec.slug}'")
        if spec.label in seen_labels:
            raise _fail(source, node, f"duplicate topic label '{spec.label}'")
        seen_slugs.add(spec.slug)
        seen_labels.add(spec.label)


def _parse_hints(node: yaml.Node | None, source: str, slugs: set[str]) -> dict[str, dict[str, Any]]:
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise _fail(source, node, "'hints' must be a mapping of topic slug -> hints")
    out: dict[str, dict[str, Any]] = {}
    for slug_node, body in node.value:
        slug = slug_node.value
        if slug not in slugs:
            raise _fail(source, slug_node, f"hints for unknown topic '{slug}'")
        if not isinstance(body, yaml.MappingNode):
            raise _fail(source, body, f"'hints.{slug}' must be a mapping")
        hint: dict[str, Any] = {}
        for key, value in body.value:
            name = f"hints.{slug}.{key.value}"
            if key.value == "weights":
                hint["weights"] = _weights(value, source, name)
            elif key.value in ("synonyms", "cues", "who"):
                if not isinstance(value, yaml.SequenceNode) or not all(
                        isinstance(v, yaml.ScalarNode) and v.value for v in value.value):
                    raise _fail(source, value, f"'{name}' must be a list of words")
                hint[key.value] = tuple(v.value for v in value.value)
            elif key.value == "patterns":
                hint["patterns"] = _patterns(value, source, name)
            elif key.value in ("subject_only", "primary_only", "union_default"):
                loaded = _scalar(value)
                if not isinstance(loaded, bool):
                    raise _fail(source, value, f"'{name}' must be true or false")
                hint[key.value] = loaded
            else:
                raise _fail(source, key, f"unknown key '{name}' (expected {', '.join(HINT_KEYS)})")
        out[slug] = hint
    return out


def _weights(node: yaml.Node, source: str, name: str) -> dict[str, float]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(source, node, f"'{name}' must be a mapping of word -> weight")
    weights: dict[str, float] = {}
    for word, value in node.value:
        weights[word.value] = _weight(value, source, f"{name}.{word.value}")
    return weights


# a weight above this is no weight (the default is 1.0, a generic word's under 0.5): it only swamps the others
MAX_WEIGHT = 1000


def _weight(node: yaml.Node, source: str, name: str) -> float:
    """A term's or a pattern's weight: a number above 0 and at most MAX_WEIGHT. ``.nan`` and ``.inf`` were
    taken (NaN is not <= 0): every item holding the word got the topic with the score NaN (or inf), which
    ``export`` printed as ``NaN``, not JSON, and no other score could outweigh."""
    loaded = _scalar(node)
    if isinstance(loaded, bool) or not isinstance(loaded, (int, float)) or not 0 < loaded <= MAX_WEIGHT:
        raise _fail(source, node,
                    f"'{name}' must be a positive number up to {MAX_WEIGHT:,} (got {clipped(str(node.value), 40)})")
    return float(loaded)


def _patterns(node: yaml.Node, source: str, name: str) -> tuple[tuple[str, float], ...]:
    """``patterns``: a list of regular expressions (weight PATTERN_WEIGHT) or a mapping regex -> weight."""
    if isinstance(node, yaml.SequenceNode):
        pairs = [(v, PATTERN_WEIGHT) for v in node.value]
    elif isinstance(node, yaml.MappingNode):
        pairs = []
        for key, value in node.value:
            pairs.append((key, _weight(value, source, f"{name}.{key.value}")))
    else:
        raise _fail(source, node, f"'{name}' must be a list of regular expressions (or a mapping to weights)")
    out: list[tuple[str, float]] = []
    for pattern_node, weight in pairs:
        if not isinstance(pattern_node, yaml.ScalarNode) or not pattern_node.value:
            raise _fail(source, pattern_node, f"'{name}' must hold regular expressions")
        try:
            re.compile(pattern_node.value)
        except re.error as exc:
            raise _fail(source, pattern_node, f"'{name}': invalid regular expression: {exc}") from None
        out.append((pattern_node.value, weight))
    return tuple(out)


def _topic(spec: TopicSpec, hint: dict[str, Any]) -> Topic:
    weights: dict[str, float] = hint.get("weights", {})
    terms: dict[str, float] = {}
    for word in spec.keywords:
        terms.setdefault(fold(word), weights.get(word, 1.0))
    for word in hint.get("synonyms", ()):
        terms.setdefault(fold(word), weights.get(word, SYNONYM_WEIGHT))
    return Topic(spec=spec, terms=tuple(terms.items()), patterns=hint.get("patterns", ()),
                 subject_only=bool(hint.get("subject_only", False)),
                 primary_only=bool(hint.get("primary_only", False)),
                 cues=tuple(dict.fromkeys(fold(word) for word in hint.get("cues", ()))),
                 union_default=bool(hint.get("union_default", False)),
                 who=tuple(dict.fromkeys(fold(word) for word in hint.get("who", ()))))


def default_taxonomy_text() -> str:
    """The packaged taxonomy file's text."""
    return resources.files(__package__).joinpath("data", DEFAULT_TAXONOMY).read_text(encoding="utf-8")


def load_taxonomy(config: TaxonomyConfig, *, config_file: Path | None = None) -> Taxonomy:
    """The packaged taxonomy, or ``config.file`` instead of it, plus ``config.extend`` topics."""
    if config.file is not None:
        try:
            text = Path(config.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read taxonomy: {exc}", source=str(config.file)) from None
        taxonomy = parse_taxonomy(text, str(config.file))
    else:
        taxonomy = parse_taxonomy(default_taxonomy_text(), f"archive_gen/tagging/data/{DEFAULT_TAXONOMY}")
    if not config.extend:
        return taxonomy
    known = {t.slug for t in taxonomy.topics}
    labels = {t.label for t in taxonomy.topics}
    for spec in config.extend:
        if spec.slug in known or spec.label in labels:
            what = f"slug '{spec.slug}'" if spec.slug in known else f"label '{spec.label}'"
            raise ConfigError(f"duplicate topic {what} in 'taxonomy.extend' (already in the taxonomy)",
                              source=str(config_file) if config_file else "archive.yaml",
                              line=_extend_line(config_file, spec.slug),
                              hint="use 'taxonomy.file' to replace a topic")
        known.add(spec.slug)
        labels.add(spec.label)
    return Taxonomy(taxonomy.topics + tuple(_topic(spec, {}) for spec in config.extend), taxonomy.fallback)


def _extend_line(config_file: Path | None, slug: str) -> int | None:
    """Line of ``taxonomy.extend[…].slug == slug`` in archive.yaml (config records no lines for it)."""
    if config_file is None:
        return None
    try:
        doc = yaml.compose(Path(config_file).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    for node in _children(_children(doc, "taxonomy"), "extend", sequence=True):
        for key, value in node.value if isinstance(node, yaml.MappingNode) else ():
            if key.value == "slug" and value.value == slug:
                return value.start_mark.line + 1
    return None


def _children(node: yaml.Node | None, key: str, *, sequence: bool = False) -> Any:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                if sequence:
                    return v.value if isinstance(v, yaml.SequenceNode) else []
                return v
    return [] if sequence else None


# ---------------------------------------------------------------------------------------------
# tagging

class _Hit(NamedTuple):
    """One matched term (a tuple: tens of thousands are made per thousand items)."""

    slug: str
    term: str  # the folded term matched
    strength: float  # the term's own weight (below GENERIC_WEIGHT: a generic word)
    term_weight: float  # strength, damped for repeats within the field
    weight: float  # term_weight x field weight
    evidence: Evidence
    listed: bool = False  # one of a list of the people or things served (为快递员、外卖送餐员等提供…)
    passing: bool = False  # in passing (a means, an example, an add-on, a coda, a list of those served)
    # the headline's own subject said in the body: what a school the headline names teaches (课程以…为主); it
    # counts where the headline's terms count (forty-sixth round)
    headline: bool = False

    @property
    def generic(self) -> bool:
        return self.strength < GENERIC_WEIGHT


@dataclass(frozen=True)
class _Scores:
    """What the hits of one item say about each topic (slug -> value)."""

    totals: dict[str, float]  # weighted score
    headline: frozenset[str]  # topics the headline or banner names (any term)
    headline_specific: dict[str, float]  # weighted score of the headline's and banner's specific terms
    headline_keywords: frozenset[str]  # topics the headline or banner names with a keyword (not a near-synonym)
    body: dict[str, int]  # fields outside the headline and banner (paragraphs, captions …) with a specific term
    about: dict[str, int]  # paragraphs mainly about the topic
    focused: dict[str, int]  # ... with at least MIN_BREADTH distinct terms of it there
    whole: dict[str, int]  # ... running through the paragraph (not one sentence of a theme said elsewhere too)
    concentrated: dict[str, int]  # ... of CONCENTRATED_SENTENCES or more, its evidence concentrated there
    specific: dict[str, frozenset[str]]  # distinct specific terms
    generic: dict[str, frozenset[str]]  # distinct generic terms

    def breadth(self, slug: str) -> float:
        """Distinct specific terms, a generic one counting half (服务站 three times is one word)."""
        return len(self.specific.get(slug, ())) + 0.5 * len(self.generic.get(slug, ()))

    @classmethod
    def of(cls, hits: list[_Hit], sentences: dict[str, list[int]] | None = None,
           lengths: dict[str, int] | None = None) -> _Scores:
        """``sentences``: where each sentence of a paragraph (caption …) starts, by field; a paragraph missing
        there counts as one sentence. ``lengths``: each paragraph's (caption's) length, by field; without it a
        topic's share of a paragraph is of its sentences, not of its text."""
        lengths = lengths or {}
        totals: dict[str, float] = {}
        head: dict[str, float] = {}
        head_keywords: set[str] = set()
        body: dict[str, int] = {}
        headline: set[str] = set()
        units: dict[str, dict[str, float]] = {}  # paragraph (crosshead, caption …) -> slug -> term weight
        unit_terms: dict[str, dict[str, set[str]]] = {}  # ... -> slug -> its distinct specific terms there
        unit_sentences: dict[str, dict[str, set[int]]] = {}  # ... -> slug -> the sentences saying it outright
        sentences = sentences or {}
        specific: dict[str, set[str]] = {}
        generic: dict[str, set[str]] = {}
        # where each topic's terms end, per field: a term starting there continues a compound (劳模工匠 is one
        # word for breadth, not two)
        ends: set[tuple[str, str, int]] = {(h.slug, h.evidence.field, h.evidence.offset + len(h.evidence.text))
                                           for h in hits}
        # the members of one list of people served (快递员、外卖送餐员等) are one word for breadth, like a compound
        listed: set[tuple[str, str]] = set()
        for hit in hits:
            slug, field = hit.slug, hit.evidence.field
            totals[slug] = totals.get(slug, 0.0) + hit.weight
            is_generic = hit.strength < GENERIC_WEIGHT
            base = "title" if hit.headline else field.partition(":")[0]
            # a term in passing in the body adds to the score, never to the distinct words a secondary topic
            # needs (a headline's 货车司机身边 is where the story went: weaker, but still who it is for)
            compound = (slug, field, hit.evidence.offset) in ends
            if hit.passing:
                if hit.listed:
                    compound = compound or (slug, field) in listed
                    listed.add((slug, field))
                elif base not in _HEADLINE_OR_BANNER:
                    compound = True
            if not compound:
                (generic if is_generic else specific).setdefault(slug, set()).add(hit.term)
            if base in _HEADLINE_OR_BANNER:
                headline.add(slug)
                if not is_generic:
                    head[slug] = head.get(slug, 0.0) + hit.weight
                    if hit.strength >= KEYWORD_WEIGHT:
                        head_keywords.add(slug)
                continue
            if base != "lead":
                unit = units.setdefault(field, {})
                unit[slug] = unit.get(slug, 0.0) + hit.term_weight
                if not hit.passing:
                    starts = sentences.get(field) or [0]
                    unit_sentences.setdefault(field, {}).setdefault(slug, set()).add(
                        bisect.bisect_right(starts, hit.evidence.offset) - 1)
            if not is_generic and not compound:
                unit_terms.setdefault(field, {}).setdefault(slug, set()).add(hit.term)
        for by_slug in unit_terms.values():
            for slug in by_slug:
                body[slug] = body.get(slug, 0) + 1
        about: dict[str, int] = {}
        focused: dict[str, int] = {}
        whole: dict[str, int] = {}
        concentrated: dict[str, int] = {}
        for unit_name, scores in units.items():
            strongest = max(scores.values())
            for slug, score in scores.items():
                if score >= PARAGRAPH_MIN_SCORE and score >= PARAGRAPH_SHARE * strongest:
                    about[slug] = about.get(slug, 0) + 1
                if (score >= FOCUS_MIN_SCORE and score >= FOCUS_SHARE * strongest
                        and len(unit_terms.get(unit_name, {}).get(slug, ())) >= MIN_BREADTH):
                    # a topic said in this paragraph only is its subject when it runs through the paragraph, not
                    # when one sentence of a longer one piles up its words (…组织…发布招聘岗位近10万个 as one of four
                    # steps of a recovery drive: a passing sentence); a topic the item comes back to in other
                    # paragraphs is a theme, and one sentence here is enough (issue 18, secondaries)
                    # (half of its sentences, or sentences making up half of its text: short sentences around a long
                    # one saying the topic, the setting 他的老家在一个山村 and a result 全村人均收入增加了2000多元, do
                    # not outweigh it; twenty-second round)
                    starts = sentences.get(unit_name) or [0]
                    saying = unit_sentences.get(unit_name, {}).get(slug, ())
                    bounds = [*starts[1:], lengths.get(unit_name, 0)]
                    runs_through = (len(saying) >= FOCUS_SENTENCE_SHARE * len(starts)
                                    or (unit_name in lengths and sum(bounds[i] - starts[i] for i in saying)
                                        >= FOCUS_SENTENCE_SHARE * bounds[-1]))
                    if runs_through:
                        whole[slug] = whole.get(slug, 0) + 1
                        terms = len(unit_terms.get(unit_name, {}).get(slug, ()))
                        if len(starts) >= CONCENTRATED_SENTENCES and (
                                terms >= CONCENTRATED_TERMS or score >= CONCENTRATED_SHARE * sum(scores.values())):
                            concentrated[slug] = concentrated.get(slug, 0) + 1
                    if body.get(slug, 0) >= THEME_MIN_UNITS or runs_through:
                        focused[slug] = focused.get(slug, 0) + 1
        return cls(totals, frozenset(headline), head, frozenset(head_keywords), body, about, focused, whole, concentrated,
                   {k: frozenset(v) for k, v in specific.items()}, {k: frozenset(v) for k, v in generic.items()})


def _unnamed_services(item: Item, hits: list[_Hit], default: str) -> bool:
    """True when a paragraph or caption lists SERVICE_LIST_ITEMS services or more (提供…、…、…等服务), most of them named
    by no topic's term but ``default``'s (休息、热水、手机充电, not 法律咨询、技能培训: those are their topics' paragraphs)."""
    return bool(_service_lists(item, hits, default))


def _service_lists(item: Item, hits: list[_Hit], default: str) -> list[tuple[str, int, int]]:
    """(field, start, end) of each list of _unnamed_services (SERVICE_LIST_ITEMS services or more, most named by no
    topic but ``default``)."""
    out: list[tuple[str, int, int]] = []
    several = len(item.paragraphs) > 1
    for name, text, _weight in item_fields(item):
        if not name.startswith(("paragraph:", "caption:")) or "提供" not in text:
            continue
        # in one of several paragraphs, a list in the paragraph's closing sentence, after others making up more
        # than half of its text, is an aside (区总工会还设立爱心驿站，为他们提供饮水、充电、休息等服务 after a longer
        # sentence about joining the union; heldout_tagging47, rule 70); a list opening its paragraph or in its
        # middle, a caption and a one-paragraph brief are as much about their list (SECONDARY.md practice 4)
        ends = [m.end() for m in _SENTENCE_MARK_RE.finditer(text)] if several and name.startswith("paragraph:") else []
        named = [(h.evidence.offset, h.evidence.offset + len(h.evidence.text)) for h in hits
                 if h.evidence.field == name and h.slug != default]
        for found in _SERVICE_LIST.finditer(fold(text)):
            start = found.start(1)
            spans, at = [], start
            for sep in _LIST_ITEM_SEP.finditer(found.group(1)):
                spans.append((at, start + sep.start()))
                at = start + sep.end()
            spans.append((at, found.end(1)))
            spans = [(a, b) for a, b in spans if b > a]
            unnamed = [sp for sp in spans if not any(a < sp[1] and sp[0] < b for a, b in named)]
            if ends and (_closing_aside(text, ends, found.start()) or _closing_add_on(item, name, text, ends)):
                continue
            if len(spans) >= SERVICE_LIST_ITEMS and 2 * len(unnamed) > len(spans):
                out.append((name, found.start(1), found.end(1)))
    return out


def _closing_add_on(item: Item, name: str, text: str, ends: list[int]) -> bool:
    """True when ``text`` is the last of several paragraphs, one sentence long, opening with an add-on word (此外，…
    提供饮水、充电、如厕等服务 closing a story about joining the union): the same aside as a closing sentence
    (_closing_aside), set as a paragraph of its own (heldout_tagging48, rule 79)."""
    if name != f"paragraph:{len(item.paragraphs) - 1}":
        return False
    body = len(text.rstrip())
    if any(e < body for e in ends):
        return False
    return text.lstrip().startswith(_CLOSING_ADD_ON)


# ... and 同时, 与此同时, 另据 (heldout_tagging49, rule 86): the same add-on, said as happening beside the story
# ... and 另悉, 另讯, 又讯, 据悉 (heldout_tagging50, rule 95): a paper's words for one more thing learned beside the story
_CLOSING_ADD_ON = ("此外", "另外", "同时", "与此同时", "另据", "另悉", "另讯", "又讯", "据悉")


def _closing_aside(text: str, ends: list[int], at: int) -> bool:
    """True when offset ``at`` of ``text`` (sentence ends ``ends``) is in its last sentence, not its first, and that
    sentence is less than FOCUS_SENTENCE_SHARE of the text."""
    body = len(text.rstrip())
    inner = [e for e in ends if e < body]  # the last sentence's own mark ends the text
    if not inner or at < inner[-1]:
        return False
    return body - inner[-1] < FOCUS_SENTENCE_SHARE * body


def _only_as_services(hits: list[_Hit], lists: list[tuple[str, int, int]], default: str) -> list[_Hit]:
    """``hits`` with the topics said only as items of a list of services given (_service_lists) read as ``default``'s
    (a service given): 法律咨询 as one of 休息、洗浴、理发、洗衣、法律咨询等服务 is one service of a station, not a
    paragraph about rights (twenty-fourth round); a topic the item also names outside such a list keeps its hits."""
    def listed(hit: _Hit) -> bool:
        return any(f == hit.evidence.field and a <= hit.evidence.offset < b for f, a, b in lists)
    # (the page's name is no text of the item's own: a 权益 page does not keep 法律咨询's topic)
    elsewhere = {h.slug for h in hits if not listed(h) and h.evidence.field not in PAGE_FIELDS}
    return [h if h.slug in elsewhere or h.evidence.field in PAGE_FIELDS else h._replace(slug=default) for h in hits]


def _sections(item: Item, hits: list[_Hit]) -> frozenset[str]:
    """The topics a crosshead section of a long item is about: its crosshead names the topic by a specific term said
    outright (疲劳驾驶：悬在头上的“安全隐患”), and every paragraph under it, up to the next crosshead, says the topic
    outright too, in a section of SECTION_MIN_PARAGRAPHS paragraphs or more. A crosshead is the section's headline, so
    the section is about its topic even when each of its paragraphs says it once beside the story's own words (a
    driver's fatigue told by a survey's figures and a driver's story); a crosshead the section does not follow up, a
    topic said under it without the crosshead naming it, or a section of one paragraph (the paragraph rules judge that
    one alone: a 劳模技术服务队下乡 sentence under 磨炼技艺成为领军人 is rural aid's means) is no section topic
    (twenty-ninth round)."""
    heads = sorted(item.crossheads, key=lambda head: head.before)
    ends = [*(head.before for head in heads[1:]), len(item.paragraphs)]
    said: dict[str, set[str]] = {}  # field -> topics said outright there by a specific term
    for hit in hits:
        if not hit.passing and not hit.generic:
            said.setdefault(hit.evidence.field, set()).add(hit.slug)
    out: set[str] = set()
    for index, head in enumerate(item.crossheads):
        named = said.get(f"crosshead:{index}")
        position = heads.index(head)
        body = range(head.before, ends[position])
        if not named or len(body) < SECTION_MIN_PARAGRAPHS:
            continue
        for slug in named:
            if all(slug in said.get(f"paragraph:{i}", ()) for i in body):
                out.add(slug)
    return frozenset(out)


def _sentence_starts(item: Item) -> dict[str, list[int]]:
    """Where each sentence of each paragraph and caption starts (offsets into the field's text), by field name."""
    out: dict[str, list[int]] = {}
    texts = [*((f"paragraph:{i}", p) for i, p in enumerate(item.paragraphs)),
             *((f"caption:{i}", c.text) for i, c in enumerate(item.captions))]
    for name, text in texts:
        end = len(text.rstrip())
        out[name] = [0, *(m.end() for m in _SENTENCE_MARK_RE.finditer(text) if m.end() < end)]
    return out


def _field_lengths(item: Item) -> dict[str, int]:
    """The length of each paragraph and caption (its text, trailing blanks aside), by field name."""
    return {**{f"paragraph:{i}": len(p.rstrip()) for i, p in enumerate(item.paragraphs)},
            **{f"caption:{i}": len(c.text.rstrip()) for i, c in enumerate(item.captions)}}


def item_fields(item: Item) -> list[tuple[str, str, float]]:
    """(field name, text, weight) for every text field of an item worth reading for topics."""
    fields: list[tuple[str, str, float]] = []
    for name in ("title", "kicker", "subtitle", "column", "page_name", "reading_tip", "lead"):
        text = getattr(item, name)
        if text:
            fields.append((name, text, FIELD_WEIGHTS[name]))
    for i, extra in enumerate(item.column_extra):
        fields.append((f"column_extra:{i}", extra, FIELD_WEIGHTS["column"]))
    for i, head in enumerate(item.crossheads):
        fields.append((f"crosshead:{i}", head.text, FIELD_WEIGHTS["crosshead"]))
    for i, para in enumerate(item.paragraphs):
        fields.append((f"paragraph:{i}", para, FIELD_WEIGHTS["paragraph:0" if i == 0 else "paragraph"]))
    for i, caption in enumerate(item.captions):
        fields.append((f"caption:{i}", caption.text, FIELD_WEIGHTS["caption"]))
    return fields


class TopicTagger:
    """Scores every taxonomy topic on an item's tokens and keeps 1–3, primary first.

    A term counts where the segmenter cuts it as one token (so 入会 does not match inside 加入会议);
    terms jieba cannot produce as one token (with 、 or brackets) are matched as substrings.
    """

    def __init__(self, taxonomy: Taxonomy, segmenter: Segmenter) -> None:
        self.taxonomy = taxonomy
        self._segmenter = segmenter
        self._topics = {t.slug: t for t in taxonomy.topics}

    @functools.cached_property
    def _terms(self) -> tuple[dict[str, list[tuple[str, float]]], list[tuple[str, list[tuple[str, float]]]]]:
        """(single-token terms, phrase terms), each term -> [(slug, weight)]; built on first use
        because it needs the segmenter's engine."""
        token_terms: dict[str, list[tuple[str, float]]] = {}
        phrase_terms: dict[str, list[tuple[str, float]]] = {}
        for topic in self.taxonomy.topics:
            for term, weight in topic.terms:
                single = self._segmenter.cut(term) == [term]
                (token_terms if single else phrase_terms).setdefault(term, []).append((topic.slug, weight))
        return token_terms, sorted(phrase_terms.items())

    @functools.cached_property
    def _compounds(self) -> dict[str, list[tuple[str, float]]]:
        """Four-character words made of two two-character words of one topic, at least one of them a term (事故 +
        隐患: 事故隐患, which jieba keeps as one token, so neither part matched): compound -> [(slug, weight of its
        stronger term)]. A compound that is a term itself keeps its own reading (fourteenth round)."""
        token_terms = self._terms[0]
        out: dict[str, list[tuple[str, float]]] = {}
        for topic in self.taxonomy.topics:
            words = {term: weight for term, weight in topic.terms if len(term) == 2}
            parts = {**{cue: 0.0 for cue in topic.cues if len(cue) == 2}, **words}
            for first, a in parts.items():
                for second, b in parts.items():
                    compound = first + second
                    if (a or b) and first != second and compound not in token_terms:
                        out.setdefault(compound, []).append((topic.slug, max(a, b)))
        return out

    @functools.cached_property
    def _patterns(self) -> tuple[tuple[re.Pattern[str], str, tuple[tuple[str, float], ...]], ...]:
        """(compiled pattern, its source, [(slug, weight)]) for every topic pattern."""
        owners: dict[str, list[tuple[str, float]]] = {}
        for topic in self.taxonomy.topics:
            for pattern, weight in topic.patterns:
                owners.setdefault(pattern, []).append((topic.slug, weight))
        return tuple((re.compile(p), p, tuple(o)) for p, o in sorted(owners.items()))

    @functools.cached_property
    def _any_pattern(self) -> re.Pattern[str] | None:
        """Every topic pattern in one alternation: a field it finds nothing in (nearly all) is not searched once
        per pattern. None when joining could change what a pattern matches (a group number or a flag inside it),
        or when there is no pattern: then each pattern is searched."""
        sources = [source for _, source, _ in self._patterns]
        if not sources or any(_REFERS_TO_GROUP.search(source) for source in sources):
            return None
        try:
            return re.compile("|".join(f"(?:{source})" for source in sources))
        except re.error:  # a flag or a group name that only one pattern may have
            return None

    @functools.cached_property
    def _pattern_starts(self) -> re.Pattern[str] | None:
        """The characters a match of a topic pattern can start with, as one class (None: unknown, search all)."""
        return first_chars([source for _, source, _ in self._patterns])

    def _may_match(self, any_pattern: re.Pattern[str], folded: str) -> bool:
        """Whether ``any_pattern`` (``_any_pattern``) matches anywhere in ``folded``: tried only where a match can
        start (``_pattern_starts``), a third of the cost of searching the alternation at every position."""
        starts = self._pattern_starts
        if starts is None:
            return any_pattern.search(folded) is not None
        match = any_pattern.match
        return any(match(folded, found.start()) for found in starts.finditer(folded))

    def tag(self, item: Item, *, segmented: Segmented | None = None) -> tuple[TopicTag, ...]:
        """1–3 topics, primary first; ``segmented`` is the item's tokens when the caller has them."""
        if segmented is None:
            segmented = segment_item(item, self._segmenter)
        found = self._tag_topics(item, segmented)
        during = _during_spans(item) if len(found) > 1 else {}
        if during:
            # a headline's time frame (非典防治期间) says when, not what: a primary the headline names only inside
            # it gives way to a secondary the headline names outside it, and stays a secondary (a headline part
            # naming a topic, SECONDARY.md 2; heldout_tagging47, rule 69)
            def framed(tag: TopicTag) -> bool | None:
                spans = [e for e in tag.evidence if e.field in HEADLINE_FIELDS]
                if not spans:
                    return None
                return all(any(a <= e.offset < b for a, b in during.get(e.field, ())) for e in spans)
            if framed(found[0]):
                outside = next((t for t in found[1:] if framed(t) is False), None)
                if outside is None:
                    # ... or names outside it by one of its cues (禽流感防控期间依法保障…职工权益: 权益 is 维权's cue,
                    # too common to be evidence, but after the frame it is what the headline is about;
                    # heldout_tagging48, rule 75)
                    outside = next((t for t in found[1:] if framed(t) is None
                                    and self._cue_outside(t.slug, item, during)), None)
                if outside is not None:
                    found = (outside, *(t for t in found if t is not outside))
        return found

    def _cue_outside(self, slug: str, item: Item, during: dict[str, tuple[tuple[int, int], ...]]) -> bool:
        """Whether a headline field with a time frame names the topic ``slug`` by one of its cues after the frame."""
        topic = next((t for t in self.taxonomy.topics if t.slug == slug), None)
        if topic is None or not topic.cues:
            return False
        for name, spans in during.items():
            text = fold(getattr(item, name, None) or "")
            end = max(b for _a, b in spans)
            if any(cue in text[end:] for cue in topic.cues):
                return True
        return False

    def _tag_topics(self, item: Item, segmented: Segmented) -> tuple[TopicTag, ...]:
        """The topics before the headline's time frame is read (:meth:`tag`)."""
        closing = _closing_sentence(item)
        for name, spans in _who_sentences(item).items():
            closing[name] = closing.get(name, ()) + spans
        hits = [hit for name, _text, weight in item_fields(item)
                for hit in self._hits(name, weight, segmented.field(name), closing.get(name, ()))
                if not (name in PAGE_FIELDS and hit.generic)]
        default = next((t.slug for t in self.taxonomy.topics if t.union_default), "")
        if default and any("提供" in text for _n, text, _w in item_fields(item)):
            services = _service_lists(item, hits, default)
            if services:
                hits = _only_as_services(hits, services, default)
        if _is_report(item) and any(h.evidence.field in PAGE_FIELDS for h in hits):
            # a news report (a lead, a dateline, a photo or a brief) on a page named for a topic (维权) is about that
            # topic only when its own text says so too: the page name then supports it, never decides alone (a
            # photo of a harvest or a craftsman's profile printed on the 维权 page); a piece with no lead (a poem
            # on the 副刊 page) has no other evidence, and its page's name says its genre
            own = {h.slug for h in hits if h.evidence.field not in PAGE_FIELDS}
            hits = [h for h in hits if h.evidence.field not in PAGE_FIELDS or h.slug in own]
        hits += self._founded(item)
        if default:
            hits = _plain_deeds(hits, self._subject_only, default)
        said_who: frozenset[str] = frozenset()
        if self._who:
            hits, said_who = self._who_in_headline(hits)
        # the topic a profile's headline gives as the person's trade (外卖骑手刘伟：…): no headline-keyword secondary
        # either, whatever the page's banner adds (a who-word, 女职工技能大赛, and the people before a verb of taking
        # part, 工会干部赴…, keep that secondary as before)
        profiled = _profiled_trade(hits, item)
        hits = _group_item(hits, item, self._opening_people)
        hits, said_who = _participants(hits, item, said_who, self._opening_people)
        hits = _destinations(hits, item)
        hits = _voted(hits, item)
        hits = _teachers(hits, item)
        hits = _school_courses(hits, item)
        hits = _course_crafts(hits, item)
        hits = _sectors(hits, item)
        hits = _roles(hits, item)
        hits = _side_additions(hits, item)
        hits = _front_line_relief(hits, item)
        if not hits:
            return self._rescue(item, hits) or self._fallback("no topic term found")
        sentences = _sentence_starts(item)
        lengths = _field_lengths(item)
        ev = _Scores.of(hits, sentences, lengths)
        totals = ev.totals
        order = sorted(totals, key=lambda slug: (-totals[slug], slug))
        grand_total = sum(totals.values())

        def is_subject(slug: str) -> bool:
            # "a whole paragraph is about it": the headline or banner names it, one paragraph is
            # mainly about it, or it holds most of the item's evidence
            return (slug in ev.headline or ev.about.get(slug, 0) > 0
                    or (totals[slug] >= PARAGRAPH_MIN_SCORE and totals[slug] >= DOMINANT_SHARE * grand_total))

        eligible = [s for s in order if is_subject(s) or not self._topics[s].subject_only]
        if not eligible:
            return self._rescue(item, hits) or self._fallback("no topic is the subject")
        # the primary topic is what the headline is about: of the topics its specific terms name, the
        # strongest there (then the highest score), unless the body is overwhelmingly about another one
        named = [s for s in eligible if ev.headline_specific.get(s, 0.0) > 0
                 and totals[s] >= HEADLINE_PRIMARY_SHARE * totals[eligible[0]]]
        # 产业与经济发展 means "no union angle": a headline naming a union topic too (稳岗 … 开进产业园区, the
        # park being where the job fair went) is about that topic
        named = [s for s in named if not self._topics[s].primary_only] or named
        # a word saying who (女职工合唱团) does not make its topic the primary; another topic the headline names does
        named = [s for s in named if s not in said_who]
        if named:
            # a tie in the headline goes to the topic it names by what is done, not by who does it (药企女职工比技能:
            # 女职工 and the contest weigh the same there; the body's 巾帼建功 makes 女职工 a secondary, not the
            # primary: eighteenth round)
            by_who = self._who_named(hits) if self._who and len(named) > 1 else frozenset()
            primary = max(named, key=lambda s: (ev.headline_specific[s], s not in by_who, totals[s]))
            if primary not in ev.headline_keywords:
                # the headline names its topic by near-synonyms only (首席技师每月多拿800元) while the body frames the
                # item with a term weighing more than a keyword (产业工人队伍建设改革: the reform by its name), said
                # outright, for a topic scoring more: the frame decides (fourteenth round)
                primary = next((s for s in eligible if s != primary and totals[s] > totals[primary] and any(
                    h.slug == s and h.strength > KEYWORD_WEIGHT and not h.passing for h in hits)), primary)
            if primary not in ev.headline_keywords:
                # (and when the headline names it by near-synonyms saying who, the page's own topic may say what)
                primary = self._page_topic(primary, eligible, hits, ev)
        else:
            # the strongest topic whose evidence says what the item is about; a runner-up close behind it when
            # its own evidence is too weak (种植, 合作社 in a story about 入会 in a greenhouse union group)
            # (a topic resting on generic words only, 服务站 three times, yields to one close behind it whose
            # specific term the item comes back to, 货车司机 in two paragraphs: generic words never decide against
            # specific evidence; one listed facility, 设有…职工书屋等, does not)
            # (the share is of the strongest topic said as what, not as who: a profile whose headline gives the
            # person's trade, 外卖骑手刘伟：送餐路上写诗, is about what the body says he does; fiftieth round, rule 59)
            lead = next((s for s in eligible if s not in said_who), eligible[0]) if said_who else eligible[0]
            close = [s for s in eligible if totals[s] >= RUNNER_UP_SHARE * totals[lead]
                     and s not in said_who and self._enough(s, item, hits, ev)]
            primary = close[0] if close else ""
            if primary and not ev.specific.get(primary):
                primary = next((s for s in close if ev.body.get(s, 0) >= HEADLINE_BODY_UNITS), primary)
            if primary and not ev.specific.get(primary):
                # still resting on generic words only (竞赛 of a “百日安全无事故”竞赛, 比赛 of a 割胶技术比赛, 培训 of
                # 安全培训): a topic with specific evidence decides instead — two distinct specific words in the body
                # (技术能手, 技能比武), or a generic word of its own in the headline beside the primary's and at least
                # its score (安全 of 安全培训, then 事故 in the body): the headline's generic words tie, the body's
                # specific words break the tie (thirteenth round)
                primary = next((s for s in eligible if s != primary and ev.specific.get(s) and s not in said_who
                                and not all(h.passing for h in hits if h.slug == s)
                                and ((s in close and ev.breadth(s) >= MIN_BREADTH)
                                     or (s in ev.headline and totals[s] >= totals[primary]))), primary)
            if not primary:
                # (a topic said only by who the item is about weighs nothing here: 棉纺厂女工有了“夜班车”)
                return self._rescue(item, [h for h in hits if h.slug not in said_who]) or self._fallback(
                    "no topic is the subject")
        demoted = ""
        if all(h.evidence.field in PAGE_FIELDS for h in hits if h.slug == primary):
            # a piece with no lead (a story, a poem, an essay) on a page named for a topic (文体·副刊): the page
            # name says its genre, and decides only when its own text names no topic as strongly; a topic the text
            # names by a keyword, scoring at least as much, is its subject (老钱's last shift, his 徒弟 and a
            # 技能比武: 劳模工匠与技能; twentieth round), and the page's topic is then no secondary either
            text_topic = next((s for s in eligible if s != primary and s not in said_who
                               and totals[s] >= totals[primary]
                               and any(h.slug == s and h.strength >= KEYWORD_WEIGHT and not h.passing
                                       and h.evidence.field not in PAGE_FIELDS for h in hits)), "")
            if text_topic:
                primary, demoted = text_topic, primary
        if primary in said_who:
            # only who the item is about (棉纺厂女工有了“夜班车”): what was done for them decides, else the union default
            return self._rescue(item, [h for h in hits if h.slug != primary]) or self._tag(
                primary, totals[primary], [h for h in hits if h.slug == primary])
        if self._topics[primary].primary_only and max(h.strength for h in hits if h.slug == primary) < KEYWORD_WEIGHT:
            # "no union angle" said by near-synonyms only (工厂, 产业) is wrong for an item with one when another
            # topic has evidence (老乡分会 in a 工厂: the headline's factory is where the union is built)
            rescued = self._rescue(item, hits)
            if rescued:
                return rescued

        # a one-paragraph item can follow its headline up in one paragraph only
        units = len(item.paragraphs) + len(item.captions)
        sections = _sections(item, hits) if item.crossheads and units >= LONG_ITEM_UNITS else frozenset()
        follow_up = max(1, min(HEADLINE_BODY_UNITS, units))

        def is_secondary(slug: str, ev: _Scores = ev) -> bool:
            # "a whole paragraph about it", never one to three generic words: the headline names it and the
            # body follows it up, or several distinct terms and a paragraph dominated by it (or half the
            # primary's score spread over the item)
            if slug in (primary, demoted) or self._topics[slug].primary_only:
                return False
            totals = ev.totals
            share = totals.get(slug, 0.0) / totals[primary]
            # (named by a keyword: a near-synonym in the headline, 为环卫工人 or 爱心驿站, says who or where, not what)
            # (not a topic the headline gives only as who, whatever the page's banner adds: 外卖骑手刘伟：送餐路上写诗
            # on a 新就业形态 page; fiftieth round, rule 59)
            if (slug in ev.headline_keywords and ev.body.get(slug, 0) >= follow_up
                    and share >= HEADLINE_SECONDARY_SHARE and slug not in profiled):
                return True  # 党建联建聚合力 劳动竞赛助发展: the headline names both, the body follows up
            breadth = ev.breadth(slug)
            if breadth < MIN_BREADTH or slug in said_who:  # (女工 and 女职工 name the same people: one word)
                return False
            if share >= SPREAD_SHARE:
                return True
            if ev.focused.get(slug, 0) and share >= SECONDARY_SHARE:
                return True
            if ev.concentrated.get(slug, 0) and units < LONG_ITEM_UNITS:
                # a paragraph wholly about it in a short item, where one paragraph is a good part of the whole (a
                # long one has its own rule below: one paragraph of a long report, a 蹲点 story's list of the
                # stations it led to, is a small part of it)
                return True
            # (a long item: a paragraph the topic runs through, not one sentence of a theme sprinkled over several;
            # or a crosshead section its crosshead names and each of its paragraphs follows up: _sections)
            return units >= LONG_ITEM_UNITS and (ev.whole.get(slug, 0) > 0 or slug in sections) and (
                share >= LONG_SECONDARY_SHARE)

        # a word both topics list (帮扶: a village helped, or a worker in hardship) reads as the primary topic's word
        # in an item about that topic: it is no evidence for a secondary one (ninth round)
        spots: set[tuple[str, int]] = set()
        sharing: set[str] = set()  # the topics with a hit where the primary has one
        unshared: list[_Scores] = []

        def is_secondary_alone(slug: str) -> bool:
            if not is_secondary(slug):
                return False
            if not spots:  # (built only for an item with a secondary candidate: most have none)
                spots.update((h.evidence.field, h.evidence.offset) for h in hits if h.slug == primary)
                sharing.update(h.slug for h in hits if (h.evidence.field, h.evidence.offset) in spots)
            if slug not in sharing:
                return True
            if not unshared:
                unshared.append(_Scores.of([h for h in hits if h.slug == primary
                                            or (h.evidence.field, h.evidence.offset) not in spots],
                                           sentences, lengths))
            return is_secondary(slug, unshared[0])

        chosen = [primary, *[slug for slug in order if is_secondary_alone(slug)][:MAX_TOPICS - 1]]
        if _is_verse(item) and all(h.evidence.field in PAGE_FIELDS for h in hits if h.slug == primary):
            # a poem its page names the genre of (副刊: 职工文体) and no word of its own decides: its words are its
            # imagery (师傅 handing the light to 徒弟 in 春天的车间), no secondary topic (fifty-first round, rule 65)
            chosen = chosen[:1]
        if (default and default not in chosen and len(chosen) < MAX_TOPICS and default != demoted
                and not self._topics[primary].primary_only and _unnamed_services(item, hits, default)):
            # a paragraph listing the services given (提供休息、淋浴、洗衣、就餐等服务), which no topic's words name, is
            # a paragraph about services: the union-default topic's, whatever the item's primary (a rest station for
            # truck drivers is 新就业形态 and 普惠; the user's keys, issue 18 secondaries)
            chosen.append(default)
        return tuple(self._tag(slug, totals.get(slug, 0.0), [h for h in hits if h.slug == slug]) for slug in chosen)

    @staticmethod
    def _page_topic(primary: str, eligible: list[str], hits: list[_Hit], ev: _Scores) -> str:
        """The primary of an item whose headline names ``primary`` by near-synonyms only (舞台上的“快递小哥”: who the
        item is about, not what it is) on a page named for another topic (文体): the page's topic when the item's own
        text follows it up in at least PAGE_TOPIC_UNITS paragraphs and in as many as ``primary`` (a couriers'
        troupe, its 小品 and its 排练 in every paragraph: 职工文体; twenty-first round). The page's name says what kind
        of story the page prints, the headline's near-synonym who it is about; a keyword in the headline still
        decides (快递员讨薪 on a 文体 page stays 维权), and a page topic the text follows up once is no subject."""
        page = {h.slug for h in hits if h.evidence.field in PAGE_FIELDS}
        if not page:
            return primary
        least = max(PAGE_TOPIC_UNITS, ev.body.get(primary, 0))
        followed = [s for s in eligible if s != primary and s in page and ev.body.get(s, 0) >= least]
        return followed[0] if followed else primary

    @functools.cached_property
    def _subject_only(self) -> frozenset[str]:
        return frozenset(t.slug for t in self.taxonomy.topics if t.subject_only)

    def _founded(self, item: Item) -> list[_Hit]:
        """A topic cue that ends the headline after 成立/组建 (成立外卖配送行业工会联合会) names what was founded: a hit
        of keyword weight in the title for its topic."""
        title = item.title or ""
        if "成立" not in title and "组建" not in title:
            return []
        found = _FOUNDED.search(fold(title))
        if found is None:
            return []
        phrase = found.group(2)
        for cue, slug in self._cues:
            if phrase.endswith(cue):
                start = found.end() - len(cue)
                weight = KEYWORD_WEIGHT * FIELD_WEIGHTS["title"]
                return [_Hit(slug, cue, KEYWORD_WEIGHT, KEYWORD_WEIGHT, weight,
                             Evidence(title[start:found.end()], "title", start))]
        return []

    @functools.cached_property
    def _opening_people(self) -> frozenset[str]:
        # the topics whose headline-opening people-word says who (rule 61): not those with who-words of their own
        return frozenset(t.slug for t in self.taxonomy.topics if not t.who)

    @functools.cached_property
    def _who(self) -> dict[str, frozenset[str]]:
        return {t.slug: frozenset(t.who) for t in self.taxonomy.topics if t.who}

    def _who_in_headline(self, hits: list[_Hit]) -> tuple[list[_Hit], frozenset[str]]:
        """A word that says WHO the item is about (女工 in 单亲女工的孩子拿到了助学金, 女职工 in 女职工合唱团) is weak evidence
        for its topic unless the item has a specific term of that topic besides such words (哺乳期, 爱心妈咪小屋): it counts half,
        its forms are one word (no breadth for a secondary), and it never makes the topic primary; the service or the
        activity the item is about decides (a union item nothing else decides takes the union default). A headline
        keyword the body follows up still makes it secondary (区总工会举办女职工技能大赛). Returns the hits and the
        topics said only so."""
        # (the page's banner, 工会工作 over every item of the page, says what the page is, not what this item is)
        told = {h.slug for h in hits if h.slug in self._who and not h.generic and h.term not in self._who[h.slug]
                and h.evidence.field not in PAGE_FIELDS}
        said = frozenset(h.slug for h in hits if h.slug in self._who and h.slug not in told)
        if not said:
            return hits, said
        return [h._replace(term_weight=h.term_weight * PASSING_FACTOR, weight=h.weight * PASSING_FACTOR)
                if h.slug in said else h for h in hits], said

    def _who_named(self, hits: list[_Hit]) -> frozenset[str]:
        """The topics the headline or banner names only by their who-words (女职工 in 药企女职工比技能) while another topic
        is named there by a keyword of its own (the contest 比技能): the headline says who does what, whatever the body
        adds for the who (巾帼建功 at a women's contest). Against near-synonyms only (工会会员 … 慰问品) two weak words
        tie and the scores decide, as before."""
        named: dict[str, bool] = {}
        keyword_named: set[str] = set()
        for h in hits:
            if h.evidence.field.partition(":")[0] in _HEADLINE_OR_BANNER and not h.generic:
                is_who = h.term in self._who.get(h.slug, ())
                named[h.slug] = named.get(h.slug, True) and is_who
                if not is_who and h.strength >= KEYWORD_WEIGHT:
                    keyword_named.add(h.slug)
        by_who = frozenset(slug for slug, only_who in named.items() if only_who)
        return by_who if keyword_named - by_who else frozenset()

    @staticmethod
    def _enough(slug: str, item: Item, hits: list[_Hit], ev: _Scores) -> bool:
        """True when a topic the headline does not name has evidence enough to be the primary."""
        own = [h for h in hits if h.slug == slug]
        if all(h.passing for h in own) and not all(h.passing for h in hits):
            # said only in passing (a closing 法律课 at a night school) while another topic is said outright: the
            # side phrase does not decide what the item is about (ninth round)
            return False
        strongest = max(h.strength for h in own)
        if ev.breadth(slug) >= MIN_BREADTH and not (
                # a photo with no union or labour angle whose only words for a topic are near-synonyms (农民 and
                # 农户 over a harvest): the scene, not the topic; two near-synonyms for the same people are no
                # breadth, the near-synonym score below decides (issue 18, seventeenth round)
                item.kind == "photo" and strongest < KEYWORD_WEIGHT and not _union_angle(item)):
            return True
        specific_score = sum(h.weight for h in own if not h.generic)
        # a photo group's later caption (③…在吉林长春，快递员在分拣包裹) is one scene among several: one term
        # there, worth less than one in the opening caption, does not say what the group is about
        least = MIN_PRIMARY_SCORE * FIELD_WEIGHTS["paragraph:0"] if item.kind == "photo" else MIN_PRIMARY_SCORE
        # one weak or passing term in the body (集体协商 named as a means in a closing clause), generic words the
        # headline does not share (职工代表 visiting a factory), or one near-synonym said a few times (农民 in a
        # harvest photo, whatever 种植 adds) and nothing in the headline: not what the item is about
        return not (ev.totals[slug] < least or (strongest < GENERIC_WEIGHT and slug not in ev.headline) or (
            GENERIC_WEIGHT <= strongest < KEYWORD_WEIGHT and specific_score < NEAR_SYNONYM_PRIMARY_SCORE))

    def _rescue(self, item: Item, hits: list[_Hit]) -> tuple[TopicTag, ...]:
        """The one topic of a union item that no term decides: the strongest of its weak evidence (terms too weak
        or too few to decide, generic words aside, plus the topics' cues), when one topic leads; () when the item has no union angle,
        no evidence, or a tie (the caller then gives the fallback topic)."""
        angle = _union_angle(item)
        if not angle:
            return ()
        # generic words (职工代表, 就业, 会员) are shared between topics: they decide nothing here either
        found = [h for h in hits if not self._topics[h.slug].primary_only and not h.generic]
        found += self._cue_hits(item)
        # the union default speaks only when the fallback topic has no word of its own either (a delegation
        # visiting 创新企业 to learn of 产业发展 is the fallback's)
        default = () if any(self._topics[h.slug].primary_only for h in hits) else self._union_default(angle)
        if not found:
            return default
        totals: dict[str, float] = {}
        for hit in found:
            totals[hit.slug] = totals.get(hit.slug, 0.0) + hit.weight
        ranked = sorted(totals.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
            return default  # a tie says nothing
        if angle == "labour" and ranked[0][1] < MIN_PRIMARY_SCORE:
            return ()  # workers at their posts, one weak word: a story about work, not a union one
        slug = ranked[0][0]
        return (self._tag(slug, totals[slug], [h for h in found if h.slug == slug]),)

    def _union_default(self, angle: str) -> tuple[TopicTag, ...]:
        """The taxonomy's union-default topic (职工服务与普惠: a union doing something for workers that no word
        names) for a union item nothing else decides, with a marker as evidence (``field="fallback"``, so a
        stitched half with evidence of its own still wins); () for a labour-only item or without such a topic."""
        if angle != "union":
            return ()
        topic = next((t for t in self.taxonomy.topics if t.union_default), None)
        if topic is None:
            return ()
        return (TopicTag(slug=topic.slug, label=topic.label, score=0.0,
                         evidence=(Evidence(text="a union item no term or cue decides", field=FALLBACK_FIELD,
                                            offset=0),)),)

    @functools.cached_property
    def _cues(self) -> tuple[tuple[str, str], ...]:
        """(folded cue, slug), longest first so that a longer cue claims its text before a shorter one in it."""
        pairs = [(cue, t.slug) for t in self.taxonomy.topics if not t.primary_only for cue in t.cues]
        return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))

    def _cue_hits(self, item: Item) -> list[_Hit]:
        """The cues in an item's fields, as hits of weight CUE_WEIGHT x the field's weight (damped for repeats);
        matched as substrings, each stretch of text counted once per topic. Run only for items no term decides."""
        if not self._cues:
            return []
        out: list[_Hit] = []
        for name, text, field_weight in item_fields(item):
            folded = fold(text)
            taken: dict[str, list[tuple[int, int]]] = {}
            seen: dict[tuple[str, str], int] = {}
            for cue, slug in self._cues:
                start = folded.find(cue)
                while start >= 0:
                    end = start + len(cue)
                    spans = taken.setdefault(slug, [])
                    if folded.startswith(_AGENT_CUE_AFTER, end) and _AGENT_BEFORE.search(
                            folded, max(0, start - 30), start):
                        pass  # the verb of a named agent (工会把…配送到工地, 工会为…配送了)
                    elif not any(a < end and start < b for a, b in spans):
                        spans.append((start, end))
                        seen[(slug, cue)] = seen.get((slug, cue), 0) + 1
                        damped = CUE_WEIGHT / seen[(slug, cue)]
                        out.append(_Hit(slug, cue, CUE_WEIGHT, damped, damped * field_weight,
                                        Evidence(text[start:end], name, start)))
                    start = folded.find(cue, end)
        return out

    def _fallback(self, reason: str) -> tuple[TopicTag, ...]:
        """The taxonomy's fallback topic with score 0 and one marker as evidence (``field="fallback"``)
        saying why, or no topic when the taxonomy has no fallback."""
        fallback = self._topics.get(self.taxonomy.fallback or "")
        if fallback is None:
            return ()
        return (TopicTag(slug=fallback.slug, label=fallback.label, score=0.0,
                         evidence=(Evidence(text=reason, field=FALLBACK_FIELD, offset=0),)),)

    def _tag(self, slug: str, score: float, hits: list[_Hit]) -> TopicTag:
        ranked = sorted(hits, key=lambda h: (-h.weight, h.evidence.field, h.evidence.offset))
        kept = sorted(ranked[:MAX_EVIDENCE], key=lambda h: (_field_order(h.evidence.field), h.evidence.offset))
        topic = self._topics[slug]
        return TopicTag(slug=slug, label=topic.label, score=round(score, 4),
                        evidence=tuple(h.evidence for h in kept))

    def _hits(self, name: str, field_weight: float, segmented: SegmentedField | None,
              closing: tuple[tuple[int, int], ...] = ()) -> Iterable[_Hit]:
        """The topic terms of one field; within the spans ``closing`` (the item's closing text said on the side)
        they count as passing."""
        if segmented is None:
            return
        text, folded = segmented.text, segmented.folded
        token_terms, phrase_terms = self._terms
        seen: dict[tuple[str, str], int] = {}
        # only a field holding a passing-clause marker can hold a term in passing (most do not)
        context = _Context.of(text) if _PASSING_MARK_RE.search(folded) else None
        served = [m.span(2) for m in _SERVED_LIST.finditer(folded)] if "、" in folded and "等" in folded else []
        if "、" in folded and ":" in folded:
            served += [m.span(1) for m in _COLON_LIST.finditer(folded)]
        if name.startswith("paragraph:") and ("要" in folded or "是" in folded):
            served += _enumeration(folded)
        if "为" in folded and name.startswith("paragraph:") and name != "paragraph:0":
            # 为快递员开设了技能提升班: in a later paragraph, the group named before the service is who is served,
            # not what the paragraph adds (in the headline and the opening the group is the story's subject)
            served += [m.span(2) for m in _SERVED_BY_VERB.finditer(folded)]
        # 摄影报道 is a kind of report: its 摄影 is not workers' photography
        genre = _GENRE_AFTER in folded
        # the field's tokens were cut with every term in the dictionary, so a term is a token: one dict
        # look-up per token (measured faster than an automaton over the text, see docs/tagging.md)
        # (compress walks the tokens in compiled code: most are no term)
        for token, start, end in compress(segmented.tokens, map(token_terms.__contains__, segmented.words)):
            if genre and folded.startswith(_GENRE_AFTER, end):
                continue
            if token.endswith(_ORGANISE) and _ORGANISE_OBJECT.match(folded, end):
                continue  # 工会组织200多名职工…: the union organised them, not the union organisation
            if (token in _DONE_FOUNDING and start and folded[start - 1] == _DONE_BEFORE
                    and _DONE_ATTRIBUTE.match(folded, end)):
                continue  # 已建会的非公有制企业中: which enterprises a count covers, not a union founded
            for slug, weight in token_terms[token]:
                yield self._hit(slug, token, weight, field_weight, text[start:start + len(token)], name, start,
                                seen, context, closing, served)
        for phrase, owners in phrase_terms:
            start = folded.find(phrase)
            while start >= 0:
                for slug, weight in owners:
                    yield self._hit(slug, phrase, weight, field_weight, text[start:start + len(phrase)], name,
                                    start, seen, context, closing, served)
                start = folded.find(phrase, start + len(phrase))
        # a word of two of a topic's words (事故隐患) that the segmenter keeps whole: the topic's compound
        compounds = self._compounds
        for token, start, _end in compress(segmented.tokens, map(compounds.__contains__, segmented.words)):
            for slug, weight in compounds[token]:
                yield self._hit(slug, token, weight, field_weight, text[start:start + len(token)], name, start,
                                seen, context, closing, served)
        any_pattern = self._any_pattern
        if any_pattern is not None and not self._may_match(any_pattern, folded):
            return  # the patterns come last: no pattern matches anywhere in the field
        for compiled, source, pattern_owners in self._patterns:
            for found in compiled.finditer(folded):
                for slug, weight in pattern_owners:
                    # the pattern is the "term" (从业15年 and 从业22年 are one), the match is the evidence
                    yield self._hit(slug, source, weight, field_weight, text[found.start():found.end()], name,
                                    found.start(), seen, context, closing, served)

    @staticmethod
    def _hit(slug: str, term: str, weight: float, field_weight: float, printed: str, name: str, start: int,
             seen: dict[tuple[str, str], int], context: _Context | None = None,
             closing: tuple[tuple[int, int], ...] = (),
             served: list[tuple[int, int]] | None = None) -> _Hit:
        # a term repeated in one field says less each time: 1, 1/2, 1/3 ...
        key = (slug, printed)
        seen[key] = seen.get(key, 0) + 1
        damped = weight / seen[key]
        listed = passing = False
        if served:
            listed = passing = any(a <= start < b for a, b in served)
        if closing and not passing:
            passing = any(a <= start < b for a, b in closing)
        if context is not None and not passing:
            passing = _in_passing(context, start, start + len(printed))
        if passing:
            damped *= PASSING_FACTOR
        return _Hit(slug, term, weight, damped, damped * field_weight, Evidence(printed, name, start), listed,
                    passing)


class _Context(NamedTuple):
    """A field that may hold terms in passing: its text and where its clauses and sentences end (found once per
    field, looked up by bisection per term)."""

    text: str
    clauses: list[int]  # offsets of the clause marks
    sentences: list[int]  # offsets of the sentence marks

    @classmethod
    def of(cls, text: str) -> _Context:
        return cls(text, [m.start() for m in _CLAUSE_MARK_RE.finditer(text)],
                   [m.start() for m in _SENTENCE_MARK_RE.finditer(text)])


# a poem by its headline (春天的车间（外一首）, 组诗, a 诗 title) or by its lines: every paragraph a verse line
_POEM_TITLE = lazy_compile(r"[（(]外[一二两三四五六]首[）)]|组诗|[（(][组外]?诗[）)]")
VERSE_LINE = 16  # characters: a line no longer is a verse line
VERSE_LINES = 4  # ... and a piece of at least this many such lines, all of them, is verse


def _is_verse(item: Item) -> bool:
    """True for a poem: a headline marking one (（外一首）, 组诗), or VERSE_LINES paragraphs or more, none longer than
    VERSE_LINE characters and none ending a sentence with 。 (prose briefs end their sentences). No lead, no dateline."""
    if item.lead or item.dateline is not None:
        return False
    if _POEM_TITLE.search(item.title or ""):
        return True
    lines = item.paragraphs
    return len(lines) >= VERSE_LINES and all(len(line) <= VERSE_LINE and not line.endswith("。") for line in lines)


def _is_report(item: Item) -> bool:
    """True for a news report: a photo, a brief, or an item with a run-in lead or a dateline (本报讯, 新华社…电)."""
    return item.kind in ("photo", "brief") or bool(item.lead) or item.dateline is not None


def _union_angle(item: Item) -> str:
    """True when an item has a union or labour angle where it says what it is about (the headline, the opening
    paragraph, a caption): a union named, or, outside photos, workers. A union in a later paragraph may be a
    side phrase (一些地方工会还组织志愿者… in a grain-market report). "union", "labour" (workers only: the weak
    evidence must then weigh MIN_PRIMARY_SCORE) or "" (none)."""
    texts = [text for name, text, _weight in item_fields(item) if name in _ANGLE_FIELDS]
    if any(mark in text for text in texts for mark in _UNION_MARKS):
        return "union"
    if item.kind != "photo" and any(mark in text for text in texts for mark in _LABOUR_MARKS):
        return "labour"
    return ""


def _roles(hits: list[_Hit], item: Item) -> list[_Hit]:
    """A term right before a person's role (基层工会主席, 产业工会干部, 女职工委员会负责人) names the people holding it, not
    what the item is about (a training class for 基层工会主席 is training); so does a term naming the office whose head
    is meant (劳动争议审判庭庭长): half its weight, and a generic word there (it names no topic in the headline and adds
    no breadth)."""
    texts: dict[str, str] | None = None
    out = hits
    for i, hit in enumerate(hits):
        if hit.passing and hit.strength < GENERIC_WEIGHT:
            continue
        if texts is None:
            texts = {name: text for name, text, _weight in item_fields(item)}
        text = texts.get(hit.evidence.field)
        end = hit.evidence.offset + len(hit.evidence.text)
        if text is None or not (_ROLE_AFTER.match(text, end) or _OFFICE_HEAD_AFTER.match(text, end)):
            continue
        if out is hits:
            out = list(hits)
        out[i] = hit._replace(strength=min(hit.strength, GENERIC_WEIGHT / 2), term_weight=hit.term_weight
                              * PASSING_FACTOR, weight=hit.weight * PASSING_FACTOR, passing=True)
    return out


# taking part, or going somewhere to take part (劳模赴安吉疗休养, 职工前往基地疗休养: the trip is the activity's;
# issue 18, twenty-fifth round); not 全力以赴
_TAKE_PART = lazy_compile("参加|参与|享受|(?<!以)赴|前往")


def _participants(hits: list[_Hit], item: Item, said: frozenset[str],
                  people: frozenset[str] = frozenset()) -> tuple[list[_Hit], frozenset[str]]:
    """A headline saying who takes part in what (100名劳模工匠分批参加疗休养, 杭州劳模赴安吉疗休养): a topic the headline
    names only before the verb of taking part (or of going to take part: 赴, 前往), when another topic's specific term
    follows it, says who; what they take part in is the item's topic. The who-topic's headline terms are dropped (the people, not the subject) and it joins the topics
    said only by who, so it is neither the primary nor, on those words alone, a secondary (issue 18, seventeenth
    round)."""
    title = item.title or ""
    in_title = [h for h in hits if h.evidence.field == "title"]
    verb = _TAKE_PART.search(title)
    if verb is None:
        who = (_counted_who(in_title, title) or _trade_before_name(in_title, title, hits)
               or _opening_who(in_title, title, people))
    else:
        before = {h.slug for h in in_title if h.evidence.offset + len(h.evidence.text) <= verb.start()}
        after = {h.slug for h in in_title if h.evidence.offset >= verb.end() and not h.generic}
        who = {slug for slug in before - after if after}
    if not who:
        return hits, said
    return ([h for h in hits if not (h.slug in who and h.evidence.field == "title")],
            said | frozenset(who))


# a count of people in a headline (百名, 1200名, 千余名): what follows is who is counted (fiftieth round, rule 58)
# ... but joining the union (300名快递员集中入会) is organising those people, which the keys give both topics
_JOINING = lazy_compile(r"入会|入工会|加入工会")
# ... counted by 名 or by the politer 位 (百余位劳模疗休养: heldout_tagging48, rule 74)
_HEADCOUNT = lazy_compile(r"(?:[0-9]+|[一二两三四五六七八九十百千万]+)[余多]?[名位]")


def _counted_who(in_title: list[_Hit], title: str) -> set[str]:
    """The topics a headline names only by the people it counts, right before what they get or do with no verb
    between (省总工会组织百名劳模工匠疗休养: 百名 + 劳模工匠 + 疗休养): the count says the words after it are people,
    and a full-weight term of another topic glued on after them is what the item is about, as after a verb of
    taking part (_TAKE_PART). Not a weak term after them (千名快递小哥体检: 体检 half weight, the group's item), nor
    a count at the headline's end (表彰20名劳动模范: the honoured are the subject). Fiftieth round, rule 58."""
    by_start: dict[int, _Hit] = {}
    for h in in_title:
        by_start.setdefault(h.evidence.offset, h)
    return _glued_run(by_start, _counted_starts(title))


# a rank or a standing between a count and the people counted (百名一线劳模, 30名省级劳模工匠, 50名优秀农民工:
# heldout_tagging49, rule 83): the people still start after it
# ... a rank may take 以上 or 及以上 after it (百名市级以上劳模, 50名县级及以上劳模: heldout_tagging50, rule 94)
_COUNT_QUALIFIER = lazy_compile(r"(?:(?:一线|基层|优秀|先进|省级|市级|县级|区级|全国|省部级|各级|各类)(?:及?以上)?)?")


def _counted_starts(title: str) -> list[int]:
    """Where the people a headline counts start: after each count (_HEADCOUNT) and a qualifier after it."""
    return [_COUNT_QUALIFIER.match(title, count.end()).end()  # type: ignore[union-attr]
            for count in _HEADCOUNT.finditer(title)]


def _glued_run(by_start: dict[int, _Hit], starts: list[int]) -> set[str]:
    """The topic(s) of a run of headline terms starting at one of ``starts`` when a full-weight term of another
    topic is glued on after the run (rules 58 and 61)."""
    for start in starts:
        run: set[str] = set()
        pos = start
        while pos in by_start:
            hit = by_start[pos]
            if run and hit.slug not in run:
                if not hit.generic and hit.strength >= KEYWORD_WEIGHT and not _JOINING.search(hit.term):
                    return run
                break
            run.add(hit.slug)
            pos += len(hit.evidence.text)
    return set()


def _opening_who(in_title: list[_Hit], title: str, people: frozenset[str]) -> set[str]:
    """The topic a headline opens on by the people it is about, glued on to a full-weight term of another topic with
    nothing between (骑手讨回被扣的“超时罚款”: the riders, then 讨回被扣…, the dispute): the opening words are the
    headline's subject, who, as after a count (rule 58), and what they do is the item's topic. Only for a topic whose
    opening term names people (``people``: its terms ending in a word for a person or a trade, 骑手, 快递员, 快递小哥);
    not a topic with its own who-words (女职工技能大赛, handled by the taxonomy's ``who``), not a weak term after them
    (快递小哥免费体检), not joining the union. Fifty-first round, rule 61."""
    by_start: dict[int, _Hit] = {}
    for h in in_title:
        by_start.setdefault(h.evidence.offset, h)
    first = by_start.get(0)
    if first is None or first.slug not in people or not first.evidence.text.endswith(_PERSON_ENDINGS):
        return set()
    return _glued_run(by_start, [0])


# a place's name opening a headline before the people it is about (长春市网约车司机…, 鄞州区快递小哥…)
_OPENING_PLACE = lazy_compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|盟|旗)")


def _opening_offset(title: str, by_start: dict[int, _Hit]) -> int:
    """Where the headline's words open once a place's name before them is set aside (长春市|网约车司机享受免费健康体检:
    the people open the headline as much as with no place; heldout_tagging48, rule 78). Used for a group's weak item
    only: read for rule 61 it took the riders of 鹿城区外卖骑手工会联合会成立 for who (heldout_tagging38 dropped)."""
    if 0 in by_start:
        return 0
    for end in range(2, min(len(title), 9) + 1):
        if end in by_start and _OPENING_PLACE.fullmatch(title, 0, end):
            return end
    return 0


def _group_item(hits: list[_Hit], item: Item, people: frozenset[str]) -> list[_Hit]:
    """A weak term (below keyword weight) the headline glues, with at most a word of how between (_GROUP_GAP), after the
    people it opens on or counts (鄞州区千名快递小哥免费体检: 千名 + 快递小哥 + 免费 + 体检) is what the group gets, the
    group's item: KEYING.md keys a group's free health check at the group's topic, not one of its own. That term's
    hits for its own topic are dropped, in the headline and the body alike (the body's 体检 repeats the headline's).
    Not a full-weight term (rule 58 or 61 then read the people as who), not a term of the group's own topic, not
    joining the union nor a topic with who-words of its own (三百多名快递员成了工会会员: organising them), not a
    run that is no people (no count before it and no person-word opening the headline: 安全体检 is the check's own
    word). Fifty-first round, rule 62."""
    title = item.title or ""
    in_title = [h for h in hits if h.evidence.field == "title"]
    if not in_title:
        return hits
    by_start: dict[int, _Hit] = {}
    for h in in_title:
        by_start.setdefault(h.evidence.offset, h)
    starts = _counted_starts(title)
    opening = _opening_offset(title, by_start)
    first = by_start.get(opening)
    if first is not None and first.slug in people and first.evidence.text.endswith(_PERSON_ENDINGS):
        starts.append(opening)
    for start in starts:
        run: set[str] = set()
        pos = start
        while pos in by_start and (not run or by_start[pos].slug in run):
            run.add(by_start[pos].slug)
            pos += len(by_start[pos].evidence.text)
        if not run:
            continue
        gap = _GROUP_GAP.match(title, pos)
        after = by_start.get(gap.end()) if gap else None
        if (after is None or after.slug in run or after.slug not in people or after.generic
                or after.strength >= KEYWORD_WEIGHT or _JOINING.search(after.term)):
            continue
        return [h for h in hits if not (h.slug == after.slug and h.term == after.term)]
    return hits


# what may stand between the people and what they are given (千名快递小哥免费体检): how it is given, nothing else (外卖
# 骑手有了议事会 is what they now have, their own body)
# ... a verb of receiving before it and the check's own 健康 (网约车司机享受免费健康体检: heldout_tagging48, rule 78)
_GROUP_GAP = lazy_compile(r"(?:享受|接受)?(?:免费|集中|统一|定期)?(?:健康)?")


# the last character of a word naming a person by their trade (骑手, 快递员, 快递小哥, 配送员, 司机, 工人)
_PERSON_ENDINGS = ("手", "员", "哥", "姐", "工", "师", "机", "人")


# a person's name after the words for their trade in a profile's headline (外卖骑手刘伟：…, 快递员赵刚的…): a common
# surname, one or two more characters, then the headline's colon or 的 (fiftieth round, rule 59)
# ... or called by 老 or 小 and the surname alone (快递员老周：…: heldout_tagging48, rule 77)
_NAME_AFTER_TRADE = lazy_compile(rf"(?:[老小][{''.join(sorted(_SURNAMES))}]|[{''.join(sorted(_SURNAMES))}][\u4e00-\u9fff]{{1,2}}?)"
                                 r"(?:[：:　 ]|的)")


def _profiled_trade(hits: list[_Hit], item: Item) -> frozenset[str]:
    """The topic _participants reads as a profile's trade (_trade_before_name), or none."""
    title = item.title or ""
    if not title or _TAKE_PART.search(title) is not None:
        return frozenset()
    in_title = [h for h in hits if h.evidence.field == "title"]
    if _counted_who(in_title, title):
        return frozenset()
    return frozenset(_trade_before_name(in_title, title, hits))


def _trade_before_name(in_title: list[_Hit], title: str, hits: list[_Hit]) -> set[str]:
    """The topic a profile's headline names only by the trade written before the person's name (外卖骑手刘伟：送餐路上
    写诗, 快递员赵刚：技能大赛夺冠的“分拣王”): the trade says who the person is, as a who-word does; what the profile
    is about is another topic's, when the item has a specific term of another topic. Not a trade the headline
    names anywhere else (快递员王军：为快递员建起驿站), nor one headline term of its own kind with no name after it
    (骑手讨回被扣的罚款). Fiftieth round, rule 59."""
    named: set[str] = set()
    for h in in_title:
        end = h.evidence.offset + len(h.evidence.text)
        if not h.generic and _NAME_AFTER_TRADE.match(title, end):
            named.add(h.slug)
    if len(named) != 1:
        return set()
    slug = next(iter(named))
    if sum(1 for h in in_title if h.slug == slug) > 1:
        return set()
    others = any(h.slug != slug and not h.generic and h.evidence.field not in PAGE_FIELDS for h in hits)
    return named if others else set()


def _destinations(hits: list[_Hit], item: Item) -> list[_Hit]:
    """A headline term right after a verb of going into or building at (开进了工会驿站) is where the subject went:
    half its weight, and a generic word there (it names no topic in the headline)."""
    out = hits
    for i, hit in enumerate(hits):
        # (a group named as the place, 建到了货车司机身边, is already in passing: still who the item is for)
        if hit.evidence.field == "title" and not hit.passing and (
                _DESTINATION_BEFORE.search(item.title, 0, hit.evidence.offset)
                or _BA_DESTINATION.search(item.title, 0, hit.evidence.offset)
                or (_TOWARD_BEFORE.search(item.title, 0, hit.evidence.offset)
                    and _TOWARD_AFTER.match(item.title, hit.evidence.offset + len(hit.evidence.text)))
                or (hit.evidence.text.endswith(_PLACE_SUFFIX)
                    and _DESTINATION_PHRASE.search(item.title, 0, hit.evidence.offset))):
            if out is hits:
                out = list(hits)
            out[i] = hit._replace(strength=min(hit.strength, GENERIC_WEIGHT / 2), term_weight=hit.term_weight
                                  * PASSING_FACTOR, weight=hit.weight * PASSING_FACTOR, passing=True)
    return out


def _voted(hits: list[_Hit], item: Item) -> list[_Hit]:
    """A headline term right after a vote's verb (表决通过高温津贴发放办法) is what the vote adopted: half its weight, and a
    generic word there (the headline is about the vote; the body may still make the matter a secondary topic)."""
    title = item.title or ""
    if "通过" not in title:
        return hits
    out = hits
    for i, hit in enumerate(hits):
        if hit.evidence.field == "title" and not hit.passing and _VOTED_BEFORE.search(title, 0, hit.evidence.offset):
            if out is hits:
                out = list(hits)
            out[i] = hit._replace(strength=min(hit.strength, GENERIC_WEIGHT / 2), term_weight=hit.term_weight
                                  * PASSING_FACTOR, weight=hit.weight * PASSING_FACTOR, passing=True)
    return out


def _plain_deeds(hits: list[_Hit], subject_only: frozenset[str], default: str) -> list[_Hit]:
    """A subject-only topic's generic words (办实事, weighted below GENERIC_WEIGHT in topics.yaml) read as that topic's
    only beside a specific word of it (我为群众办实事 in a 党史学习教育 story); alone (农八师工会为拾花工办实事) they are
    the plain "doing practical things for the workers", the union's service: ``default``'s (twenty-sixth round). Only a
    headline's such word is read again: in the body (a reading tip's 为职工办实事) the word, given to a subject-only
    topic, decided nothing before and decides nothing now."""
    plain = {h.slug for h in hits if h.slug in subject_only and h.generic} - {
        h.slug for h in hits if h.slug in subject_only and not h.generic}
    if not plain:
        return hits
    return [h._replace(slug=default) if h.slug in plain and h.evidence.field in HEADLINE_FIELDS else h for h in hits]


def _preached(hits: list[_Hit], slug: str, item: Item) -> bool:
    """True when the opening paragraph names what a speakers' group preaches with a term of another topic right before
    the verb of preaching (开展党史学习教育宣讲20余场): the subject of the talks."""
    if not item.paragraphs:
        return False
    opening = item.paragraphs[0]
    return any(h.evidence.field == "paragraph:0" and h.slug != slug and not h.generic and not h.passing
               and _PREACHED_AFTER.match(opening, h.evidence.offset + len(h.evidence.text)) for h in hits)


def _teachers(hits: list[_Hit], item: Item) -> list[_Hit]:
    """A headline term right before a verb of teaching (矿区“职工夜校”开讲劳动法) is the school or the speaker: when
    the headline names what is taught with a term of another topic after the verb, the term before it counts half
    and is a generic word there (it names no topic in the headline); what is taught decides. Without such a term
    (夜校开讲了, 夜校开课) the headline keeps it."""
    out = hits
    title = item.title or ""
    for i, hit in enumerate(hits):
        if hit.evidence.field != "title" or hit.passing:
            continue
        end = hit.evidence.offset + len(hit.evidence.text)
        verb = _TEACHES_AFTER.match(title, end)
        if verb is None:
            continue
        preached = verb.group(1) in _SPEAKERS and _preached(hits, hit.slug, item)
        if not any(h.evidence.field == "title" and h.slug != hit.slug and not h.generic
                   and h.evidence.offset >= verb.end() for h in hits) and not preached:
            continue
        if out is hits:
            out = list(hits)
        if preached and item.paragraphs:
            # the opening's 由全国劳模、自治区劳模组成的宣讲团 says who the speakers are, as the headline does
            for j, other in enumerate(out):
                if (other.slug == hit.slug and other.evidence.field == "paragraph:0" and _MADE_UP_OF.match(
                        item.paragraphs[0], other.evidence.offset + len(other.evidence.text))):
                    out[j] = other._replace(strength=min(other.strength, GENERIC_WEIGHT / 2), term_weight=other.
                                            term_weight * PASSING_FACTOR, weight=other.weight * PASSING_FACTOR,
                                            passing=True)
        out[i] = hit._replace(strength=min(hit.strength, GENERIC_WEIGHT / 2), term_weight=hit.term_weight
                              * PASSING_FACTOR, weight=hit.weight * PASSING_FACTOR, passing=True)
    return out


# the craft and the master of a course the headline names (椰雕技艺培训班, 跟随师傅学习): what is taught and who teaches it
_COURSE_IN_HEADLINE = lazy_compile(r"培训班|学习班|研修班|培训")
_CRAFT_TERMS = frozenset({"技艺", "绝活", "绝技", "手艺", "师傅", "老师傅"})
_CONTEST_WORDS = lazy_compile(r"比武|竞赛|大赛|比赛|擂台")


def _course_crafts(hits: list[_Hit], item: Item) -> list[_Hit]:
    """A course the headline names (琼海举办椰雕技艺培训班, 剪纸手艺培训班) is 就业与职工培训 whoever takes it (KEYING.md):
    the craft it teaches and the master teaching it (技艺, 绝活, 手艺, 师傅: near-synonyms of 劳模工匠与技能) say what is
    taught and who teaches, so they count half and add no breadth: no 劳模工匠 secondary from them. An item with a
    contest (比武, 竞赛, 比赛) or a keyword of that topic (劳模, 工匠, 师带徒) keeps them (issue 18, rule 107)."""
    if not _COURSE_IN_HEADLINE.search(item.title or ""):
        return hits
    crafts = [i for i, h in enumerate(hits) if h.evidence.text in _CRAFT_TERMS and not h.passing]
    if not crafts:
        return hits
    slugs = {hits[i].slug for i in crafts}
    if any(h.slug in slugs and h.strength >= KEYWORD_WEIGHT for h in hits) or any(
            _CONTEST_WORDS.search(text) for _n, text, _w in item_fields(item)):
        return hits
    out = list(hits)
    for i in crafts:
        h = out[i]
        out[i] = h._replace(strength=min(h.strength, GENERIC_WEIGHT / 2), term_weight=h.term_weight * PASSING_FACTOR,
                            weight=h.weight * PASSING_FACTOR, passing=True)
    return out


def _school_courses(hits: list[_Hit], item: Item) -> list[_Hit]:
    """A school named in the headline (工地开设“农民工夜校”) whose headline names nothing else: when a paragraph says
    what its courses are mainly about (课程以安全生产知识为主) with a specific term of another topic, the school's term
    counts half and names no topic there, wherever the item writes it; what is taught decides. A school whose body
    names no main content (夜校 teaching 钢筋绑扎和识图, a closing 法律课) keeps it."""
    title_hits = [h for h in hits if h.evidence.field == "title" and not h.passing]
    # the text matched, not the term (a pattern's term is the pattern: 农民工夜校 by (?:农民工|…)(?:学校|夜校))
    schools = {h.evidence.text for h in title_hits if _SCHOOL_TERM.search(h.evidence.text)}
    if not schools or any(h.evidence.text not in schools for h in title_hits if not h.generic):
        return hits
    school_slugs = {h.slug for h in title_hits if h.evidence.text in schools}
    taught: set[int] = set()
    for n, para in enumerate(item.paragraphs):
        field = f"paragraph:{n}"
        for m in _MAIN_CONTENT.finditer(para):
            taught.update(i for i, h in enumerate(hits) if h.evidence.field == field and h.slug not in school_slugs
                          and not h.generic and not h.passing and m.start(1) <= h.evidence.offset < m.end(1))
    if not taught:
        return hits
    # what is taught takes the school's place and weight in the headline: the headline is about it (as rule 17's
    # 夜校开讲劳动法 names it), so a body's add-on (也讲解…) or the page's name does not outweigh it
    school_weight = max(h.weight for h in title_hits if h.evidence.text in schools)
    out = []
    for i, h in enumerate(hits):
        if h.evidence.text in schools:
            h = h._replace(strength=min(h.strength, GENERIC_WEIGHT / 2), term_weight=h.term_weight * PASSING_FACTOR,
                           weight=h.weight * PASSING_FACTOR, passing=True)
        elif i in taught:
            h = h._replace(weight=max(h.weight, school_weight), headline=True)
        out.append(h)
    return out


def _sectors(hits: list[_Hit], item: Item) -> list[_Hit]:
    """A headline term right before the organisation it qualifies (快递企业成立联合工会) names the sector whose
    organisation acts: when the headline names another topic too, the sector term counts half there (the act
    decides which topic the headline is about); alone it keeps its weight (快递企业建起爱心驿站 is still the couriers')."""
    title = item.title or ""
    sector = [i for i, h in enumerate(hits) if h.evidence.field == "title" and not h.passing
              and _SECTOR_AFTER.match(title, h.evidence.offset + len(h.evidence.text))]
    if not sector:
        return hits
    out = list(hits)
    for i in sector:
        hit = hits[i]
        if not any(h.evidence.field == "title" and h.slug != hit.slug and not h.generic and j not in sector
                   for j, h in enumerate(hits)):
            continue
        out[i] = hit._replace(term_weight=hit.term_weight * PASSING_FACTOR, weight=hit.weight * PASSING_FACTOR)
    return out


def _in_passing(context: _Context, start: int, end: int) -> bool:
    """True when the term at text[start:end] sits in a passing clause: a means named on the way
    ("通过集体协商等方式", "借助…等形式"), an example ("比如…", "如…等"), a group named as where something went
    (…送到货车司机身边), or a sentence adding something on the side (比赛结束后，主办方还…): not what the clause or
    the story is about."""
    text, clauses, sentences = context
    i = bisect.bisect_left(clauses, start)
    clause_start = clauses[i - 1] + 1 if i else 0
    j = bisect.bisect_left(clauses, end)
    clause_end = clauses[j] if j < len(clauses) else len(text)
    before, after = text[clause_start:start], text[end:clause_end]
    if (_MEANS_BEFORE_RE.search(before) and after.startswith(_MEANS_AFTER)) or before.endswith(
            _EXAMPLE_BEFORE) or _PLACE_PHRASE.match(after):
        return True
    k = bisect.bisect_left(sentences, start)
    return _ADD_ON_RE.search(text, sentences[k - 1] + 1 if k else 0, start) is not None


# 非典防治期间, 疫情期间, 汛期期间: a headline's time frame, up to six characters of one clause before 期间
_DURING = lazy_compile(r"[\u4e00-\u9fff]{1,6}(?=期间|时期)")
# ... or before 时期 (非典时期, 疫情防控关键时期: heldout_tagging50, rule 96), the same frame said of a period; not an
# era (新时期, 历史时期, 新的历史时期: what a story is about may follow 新时期 as its own subject)
_FRAME_WORDS = ("期间", "时期")
_ERA = lazy_compile(r"(?:新|历史)$")
# ... or the whole clause before 期间 when it has at most ten characters, quote marks not counted (抗击“非典”期间,
# 新冠肺炎疫情防控期间: heldout_tagging49, rule 87): a frame is its clause, and a name in it is the frame's
_DURING_CLAUSE_CHARS = 10
_QUOTE_MARKS = frozenset("“”‘’\"'「」『』")


def _during_spans(item: Item) -> dict[str, tuple[tuple[int, int], ...]]:
    """{headline field: spans} of the time frames a headline sets its story in (全总要求非典防治期间依法维护职工劳动
    权益): what the story is about follows (heldout_tagging47, rule 69)."""
    out: dict[str, tuple[tuple[int, int], ...]] = {}
    for name in HEADLINE_FIELDS:
        text = getattr(item, name, None)
        if not text or not any(word in text for word in _FRAME_WORDS):
            continue
        folded = fold(text)
        spans = tuple(span for word in _FRAME_WORDS for at in _all_at(folded, word)
                      if not (word == "时期" and _ERA.search(folded, 0, at))
                      and (span := _during_span(folded, at)) is not None)
        if spans:
            out[name] = spans
    return out


def _all_at(text: str, word: str) -> list[int]:
    """Every offset of ``word`` in ``text``."""
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _during_span(text: str, end: int) -> tuple[int, int] | None:
    """The frame before the 期间 at ``end``: its whole clause (Chinese characters and quote marks back to the
    headline's start, a space or a punctuation mark) when it has at most _DURING_CLAUSE_CHARS characters, else the
    six characters before it (_DURING); None when no Chinese character is right before it."""
    start, chars = end, 0
    while start > 0 and ("\u4e00" <= text[start - 1] <= "\u9fff" or text[start - 1] in _QUOTE_MARKS):
        start -= 1
        chars += text[start] not in _QUOTE_MARKS
    if chars == 0:
        return None
    if chars <= _DURING_CLAUSE_CHARS:
        return start, end
    found = _DURING.match(text, end - 6) if end >= 6 else None
    return found.span() if found is not None and found.end() == end else None


def _closing_sentence(item: Item) -> dict[str, tuple[tuple[int, int], ...]]:
    """{field: (span,)} of an item's closing sentence when it is a coda: the last sentence of the last of several
    paragraphs, opening with advice or a next step (工会不妨…, 下一步…, 从长远看…), which adds to the story rather
    than saying what it is about. Empty otherwise (a closing sentence stating a fact or a task is the story's)."""
    if len(item.paragraphs) < 2:
        return {}
    last = item.paragraphs[-1].rstrip()
    body = last.rstrip(_SENTENCE_MARKS + "”」）)")
    start = max(body.rfind(mark) for mark in _SENTENCE_MARKS) + 1
    opening = last[start:start + _CODA_REACH]
    if any(m in opening for m in _CODA_MARKS) or (
            item.kind == "commentary" and any(m in last[start:] for m in _COMMENTARY_CODA_MARKS)):
        return {f"paragraph:{len(item.paragraphs) - 1}": ((start, len(last)),)}
    return {}


def _who_sentences(item: Item) -> dict[str, tuple[tuple[int, int], ...]]:
    """{field: spans} of the sentences of the paragraphs that open by saying who the story's people are (他们大多是周边
    乡村的农民, 这些工人多为…): a description of who they are, not of what the item is about (fourteenth round)."""
    out: dict[str, tuple[tuple[int, int], ...]] = {}
    for index, text in enumerate(item.paragraphs):
        # (one compiled search per paragraph: nearly all have no such sentence)
        spans = []
        for found in _WHO_SENTENCE.finditer(text):
            mark = _SENTENCE_MARK_RE.search(text, found.end())
            spans.append((found.start(), mark.end() if mark else len(text)))
        if spans:
            out[f"paragraph:{index}"] = tuple(spans)
    return out


def _also_sentences(item: Item) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """(field, spans) of what an item's closing paragraph (of several) adds with an adverbial 还, "also": from the
    clause holding it to the end of its sentence (闭幕式上，职工艺术团还带来了一台文艺演出; 工会还开设了瑜伽兴趣班; 驿站还为
    骑手提供口罩; not the clauses before it, which may be the story's: 市总工会为司机开设了技能提升班，今年还将…), or None
    (ninth round)."""
    if len(item.paragraphs) < 2 or "还" not in item.paragraphs[-1]:
        return None
    last = item.paragraphs[-1]
    spans: list[tuple[int, int]] = []
    begin = 0
    for mark in [*_SENTENCE_MARK_RE.finditer(last), None]:
        end = mark.end() if mark is not None else len(last)
        also = _ALSO.search(last, begin, end) if begin < end else None
        if also is not None:
            clause = max((m.end() for m in _CLAUSE_MARK_RE.finditer(last, begin, also.start())), default=begin)
            spans.append((clause, end))
        begin = end
    return (f"paragraph:{len(item.paragraphs) - 1}", tuple(spans)) if spans else None


def _enumeration(folded: str) -> list[tuple[int, int]]:
    """The span of a list of tasks run on in one paragraph by ordinals (会议要求，一要推进建会入会；二要开展劳动和技能
    竞赛；三要做好困难职工帮扶…), from its first ordinal to the end of the sentence holding its last: its items are a
    list, like a list of those served, each topic's terms there one word for breadth and in passing. A meeting or a
    report listing the year's tasks is about itself (the meeting), not about each task it names in a clause; a task
    given a paragraph of its own (each 一要 opening a paragraph) is not in a run and keeps its words (SECONDARY.md:
    "劳动和技能竞赛 in a list" is no secondary topic, a whole paragraph is)."""
    run: list[re.Match[str]] = []
    for m in _ENUMERATION.finditer(folded):
        # the ordinals in order, each the next of the one before (一要…二要…三要: not 统一是, 之一是 twice)
        if run and _ORDINALS.index(m.group(1)) == _ORDINALS.index(run[-1].group(1)) + 1:
            run.append(m)
        elif m.group(1) == "一":
            if len(run) >= ENUMERATION_MIN_ITEMS:
                break
            run = [m]
    if len(run) < ENUMERATION_MIN_ITEMS:
        return []
    end = _FULL_STOP.search(folded, run[-1].end())
    return [(run[0].start(), end.end() if end else len(folded))]


# the front line a headline's relief goes to, named by another topic's work right before it (抗击SARS一线,
# 防汛抢险一线, 高温一线): at most this many characters between that term and 一线
_FRONT_LINE_GAP = 2


def _front_line_relief(hits: list[_Hit], item: Item) -> list[_Hit]:
    """Relief (慰问, 慰问金, 慰问品) a headline takes to the front line of another topic's work (慰问抗击新型冠状病毒肺炎
    一线职工, 为抗击SARS一线职工送去慰问金, 慰问防汛抢险一线职工, “送清凉”慰问高温一线职工) is that work's means, as the
    keys give it (the epidemic's, the flood's, the heat's alone): the relief terms' hits are dropped in the headline and
    the body, so they make neither the primary nor a secondary (heldout_tagging49, rule 89). Not relief to a front
    line no term names (走访口岸一线职工), nor a relief topic's other terms (困难职工, 帮扶)."""
    title = fold(item.title or "")
    if "一线" not in title or "慰问" not in title:
        return hits
    in_title = [h for h in hits if h.evidence.field == "title" and not h.generic]
    relief = {h.slug for h in in_title if "慰问" in h.term}
    front = set()
    for at in _all_at(title, "一线"):
        front |= {h.slug for h in in_title if "慰问" not in h.term
                  and 0 <= at - (h.evidence.offset + len(h.evidence.text)) <= _FRONT_LINE_GAP}
    means = relief - front
    if not means or not front:
        return hits
    return [h for h in hits if not (h.slug in means and "慰问" in h.term)]


def _side_additions(hits: list[_Hit], item: Item) -> list[_Hit]:
    """A closing "also" sentence (_also_sentences) is on the side of the story for a topic the rest of the item does
    not name with a specific term (a 文艺演出 at a skills contest's closing ceremony, a 法律课 at a night school, a
    visit to a 劳模 exhibition after a grant): its terms of that topic count half and add no breadth. A topic the
    item names elsewhere keeps them (工会还公布了维权热线 after a paragraph on 高温津贴 checks), and an item naming no topic
    outside the sentence keeps it whole (a commentary whose advice 各级工会还可以开展集体协商 is its only topic) (ninth
    round)."""
    also = _also_sentences(item)
    if also is None:
        return hits
    field, spans = also
    if _addition_paragraph(item, spans):
        return hits

    def inside(hit: _Hit) -> bool:
        return hit.evidence.field == field and any(a <= hit.evidence.offset < b for a, b in spans)

    if not any(map(inside, hits)):
        return hits
    named = {h.slug for h in hits if not h.generic and not h.passing and not inside(h)}
    if not named:
        return hits  # the rest of the item names no topic: the "also" is what it has to say (a commentary's advice)
    out = hits
    for i, hit in enumerate(hits):
        if hit.passing or hit.slug in named or not inside(hit):
            continue
        if out is hits:
            out = list(hits)
        out[i] = hit._replace(term_weight=hit.term_weight * PASSING_FACTOR, weight=hit.weight * PASSING_FACTOR,
                              passing=True)
    return out


def _addition_paragraph(item: Item, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether an item's closing "also" (_also_sentences) is a paragraph of its own rather than a sentence on the side:
    the closing paragraph opens with it (the 还 in its first sentence, after at most an opening phrase of time, place or
    purpose: 入冬以来，市总工会还…; 为配合…，市总工会还…) and runs to ADDITION_PARAGRAPH_CHARS or more. A paragraph given
    wholly to what else was done is a paragraph about it (SECONDARY.md, practice 1): its terms count in full, and
    whether it makes a secondary is for the paragraph tests to say (issue 18, fifty-fifth round, rule 102). A short
    closing line (闭幕式上，职工艺术团还带来了一台文艺演出; 夜校还开设了法律课…) stays on the side."""
    last = item.paragraphs[-1]
    if len(last.strip()) < ADDITION_PARAGRAPH_CHARS:
        return False
    first = _SENTENCE_MARK_RE.search(last)
    if spans[0][0] >= (first.end() if first else len(last)):
        return False
    # what comes before the 还 clause: nothing, or one opening phrase (入冬以来, 开班期间, 表彰会后, 为配合…), never a
    # clause of the story's own with its verb done (梁溪区总工会建起了12个驿站，还…: the 还 adds to that clause)
    opening = last[:spans[0][0]].rstrip("，,")
    # ... or an add-on word alone (另据了解，市总工会还…; 据悉，…还…: tag53, rule 109)
    return not opening or opening in _ADD_ON_OPENINGS or (
        _CLAUSE_MARK_RE.search(opening) is None and "了" not in opening
        and (opening.endswith(_OPENING_PHRASE_ENDS) or opening.startswith("为")))


# an add-on word opening a closing paragraph before its 还 clause (rule 109): rules 86 and 95's words and 据了解 (此外 and
# 另外 mark their whole sentence passing, _ADD_ON_BEFORE, thirteenth round: not changed here)
_ADD_ON_OPENINGS = frozenset(("同时", "与此同时", "另据", "另悉", "另讯", "又讯", "据悉", "据了解", "另据了解"))


def _base(name: str) -> str:
    """"paragraph:3" -> "paragraph"."""
    return name.partition(":")[0]


@functools.cache  # a pure function of a few hundred distinct names, asked for every evidence sort
def _field_order(name: str) -> tuple[int, int]:
    base, _, index = name.partition(":")
    order = ("title", "kicker", "subtitle", "column", "column_extra", "page_name", "reading_tip", "lead", "crosshead",
             "paragraph", "caption")
    return (order.index(base) if base in order else len(order), int(index) if index.isdigit() else 0)
