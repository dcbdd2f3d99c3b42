"""Region tagging: find place names in an item on jieba token boundaries, resolve them with the gazetteer,
and split them into the places the item is about (``regions``) and passing mentions.

The rules (documented with examples in docs/regions.md):
1. A name counts only on token boundaries, or right after one of its ancestors (宁波镇海, 山西和顺、壶关).
2. County short forms (镇海, 和顺) and short forms that are everyday words (来宾, 安康) count only after an
   ancestor or when the full name appears in the same item; names count only in the years they were valid.
3. Ambiguous names (朝阳区, 鼓楼区) are resolved from the other places in the item (dateline, organisations):
   a candidate inside a named city beats one merely in the same province; otherwise only the common
   ancestor is kept and an Ambiguity is recorded. A generic name (市中区) counts when the item names the one
   city that has such a district.
4. The setting comes from the headline, else the dateline and the opening sentence; national stories
   (全总, 全国…) take only a headline place, or the dateline of a nationwide meeting; origins (来自X),
   destinations (开往X) and company names (山东能源集团) are passing mentions, a company's city being the
   setting only when nothing else is; so is the seat of an enterprise named by its short form (鞍钢, 同煤:
   data/enterprises.tsv) or of a development zone named by its own name (东湖高新区, 泰达: data/devzones.tsv). A
   report from several places named up front is set where each paragraph opens.
5. A provincial paper (its masthead's name opens with a province's: 四川工人日报; or it is a provincial-level union's
   paper named with no place: 劳动午报, 劳动报, 南方工报, _PAPER_HOMES) implies its province: its own reports
   that name no place are set there, a bare county-level city inside it counts, and it decides a name two provinces
   share when nothing in the item does. A city's paper (its name opens with a prefecture's: 青岛工人报) implies its
   city for its own reports that name no place of its own, and for nothing else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from importlib import resources

import ahocorasick_rs

from ..model import Ambiguity, Evidence, Item, Region, RegionTag
from ..patterns import lazy_compile
from .gazetteer import FIRST_YEAR, SEAT_KINDS, Division, Gazetteer, NameForm
from .segmented import Offsets, Segmented, dateline_place, lead_unit, segment_item, signature_place
from .segmenter import Segmenter

# prefecture short forms that are everyday words: they need the same support as county short forms
COMMON_WORD_SHORTS = frozenset({
    "来宾", "安康", "白银", "日照", "阿里", "大同", "开封", "玉树", "海口", "北海", "兴安", "中山", "长治",
    "普洱", "红河", "黄山", "吉安", "永安", "三明", "铜仁", "遵义", "保定", "包头", "怀化", "自贡", "营口",
    "平凉", "清远", "茂名", "通化", "海北", "海东", "海南", "文山", "百色", "天水", "常德", "承德",
    "宁德", "德宏", "武威", "金昌", "玉林", "商洛", "定西", "吕梁", "资阳", "广元", "昭通", "临沧",
})
# stems made only of these characters are generic words (城区, 新区, 市中区, 老城区): they need an ancestor
_GENERIC_STEM_CHARS = frozenset("东西南北中城市郊矿新老一二")
# 海南 is both a province and 海南藏族自治州; the province short is allowed, the prefecture one needs support
# matched with .match(text, pos) right after a name (no "^": that would anchor at the text's start)
_ORG_AFTER = lazy_compile(r"(市|县|区|州|盟|旗|省|自治区)?(总工会|总|工会|委|政府|人民政府)")
# the rest of a company's name the segmenter keeps in one token with its place (大庆石油管理局, 胜利油田): _org_token
_ORG_TOKEN = lazy_compile(r"[\u4e00-\u9fff]{0,6}?(?:管理局|矿务局|油田|集团|公司)")
# the rest of an institution's name the segmenter keeps in one token with its place's FULL name (jieba's dictionary
# holds 深圳市中级人民法院, 广州市卫生局, 湖北省人民医院 as one word each): _institution_token; the tail is the whole
# rest of that token, so 上海市人, 北京市民, 广州市区 (a person, a resident, an area) end on no institution
_INSTITUTION_TAIL = lazy_compile(
    r"[\u4e00-\u9fff]{0,8}(?:法院|检察院|政府|公安局|公安厅|总工会|工会|医院|大学|学院|学校|局|厅|委|委员会|常委会|人大|"
    r"政协|妇联|文联|工商联|科学院|农科院|博物馆|图书馆|文化宫|少年宫|红十字会|消协|画院)")
_COMPANY_AFTER = lazy_compile(r"[^\s,，。、;；:：!！?？“”「」()（）的]{0,8}?(集团|公司|银行|大学|学院|报)")
# the words between a group's short form and the place of its subsidiary (攀钢集团西昌钢钒公司, 鞍钢股份鲅鱼圈分公司)
_GROUP_WORDS = lazy_compile(r"[（(]?(?:集团|股份|控股)?[）)]?(?:有限责任公司|有限公司|公司)?")
# the home of an investor a workshop or plant is set up by (一家由福建企业投资的服装车间, 浙江客商投资兴办的工厂): where the
# money comes from, an origin as 四川籍 is, not where the story happens (forty-seventh round, docs/tagging.md rule 52)
_INVESTOR_AFTER = lazy_compile(r"(?:的)?(?:民营|外资|知名)?(?:企业家|企业|客商|商人|老板|商会)"
                               r"(?:共同|联合|出资)?(?:投资|援建|捐建|捐资|兴办|创办|开办)")
_PASSING_BEFORE = ("来自", "开往", "驶往", "发往", "运往", "飞往", "销往", "返回", "籍", "从")
# the words before an end of a trip (从贵州铜仁出发, 前往福建晋江, 开到苏州): with its own body acting, a setting too
_TRIP_BEFORE = ("从", "前往", "开往", "驶往", "奔赴", "赴", "送到", "开到", "直达", "去往")
# ... unless the trip is a visit to learn (赴山东烟台、威海两市学习…经验, 前往浙江宁波考察): the hosts' union briefing the
# visitors is no party, the place stays a destination (eighteenth round); the verb is in the same clause, after the
# rest of a list of places (、威海两市)
_STUDY_AFTER = lazy_compile(r"[^，,。；;：:！!？?]{0,10}?(?:学习|考察|取经|观摩|参观)")
# a place naming where people come from, written after it (台湾籍员工, 湖南籍职工, 四川籍农民工): an origin
_PASSING_AFTER = ("籍",)
# a person's home written after the place (河南周口人王强, 一名四川人): an origin too; not 人民, 人社, 人大, 人力, 人口,
# 人才, 人员 … (a body, a count or a word that only starts with 人)
_PERSON_AFTER = lazy_compile(r"人(?![民社大力口才员工气均次群家寿防居文流事保和行数])")
# a name used as a place inside another name: a branch or an office named after its place (莱芜分公司,
# 国网伊犁供电公司, 昆山总工会), a port or a station (日照港, 青岛港): a short form here is the place
_SLOT_AFTER = lazy_compile(r"(市|县|区)?总工会|分公司|子公司|供电公司|供电局|供电段|港(?!澳)")
# a level character and a union right after a short form (会同|市总工会): the body of a place of that level; when the
# short form's own division is of another level (会同县), the level character is the item's own place's (会同市总工会
# is "jointly with the city union"), so that slot says nothing of the short form when it is an everyday word
# (_EVERYDAY_STEM_FREQUENCY; nineteenth round)
_LEVEL_BODY_AFTER = lazy_compile(r"([市县区])总工会")
# a place a workplace is counted in (昆山一家电子厂, 义乌多家外贸企业, 石河子某纺织厂) and where people work (在昆山打工):
# a short form there is the place (合作, 大方 are words, but followed by 一家 they are 合作一家亲, 大方一家人: a family)
_WORKPLACE_AFTER = lazy_compile(r"的?(?:[一两几多数]|[0-9]+)(?:家(?![人亲子庭])|处|座|所)"
                              r"|某(?=[\u4e00-\u9fff])")
# the words a counted place's phrase may open after (在昆山一家电子厂, 对…, 和…): not a verb's or a name's last character
_PHRASE_OPENERS = ("在", "对", "从", "到", "和", "与", "及", "、", "是", "为")
_WORK_THERE_AFTER = lazy_compile(r"(?:打工|务工|上班|就业|创业)")
# a works named after its place (青铜峡铝厂, 德兴铜矿, 开远电厂, 玉门油田, 义马煤业集团, 迁安钢铁公司): what it makes or
# digs, from a closed list of the heavy and process industries' words, then the works word, the end of a token
# (heldout_tagging51, docs/tagging.md rule 101). Only those words between: 兴隆庄煤矿 is the town 兴隆庄's mine, 浏阳城投集团
# a city's investment firm, 昆山一家电子厂 the workplace rule's
_WORKS_AFTER = lazy_compile(r"(?:铝|铜|铁|钢|锌|铅|锡|镍|金|煤|盐|碱|磷|电|热电|发电|水电|火电|化肥|化工|石化|炼油|炼化|水泥|"
                            r"纺织|棉纺|毛纺|造纸|机械|机床|钢铁|煤业|煤电|煤矿|铝业|铜业|电力|糖|卷烟|玻璃|制药){0,2}"
                            r"(?:矿务局|油田|厂|矿|公司|集团)")
# where the item's people work or worked, written after 在 + the place in the same clause (曾在陕西省安康市一家矿山企业打工,
# 结束在新疆昌吉州的摘棉工作): with its own union acting, that end of a migrant worker's story is a setting too, as a
# trip's end is (_trip_ends_acting; twenty-sixth round)
_WORKED_THERE_AFTER = lazy_compile(r"[^，,。；;：:！!？?]{0,12}?(?:打工|务工|上班|做工|干活|工作)")
# a short form written before a town or a zone of its own (吴江盛泽镇, 昆山开发区, 晋江经济开发区) is the place the town
# or zone belongs to: a town is two or three characters and its level (镇, 乡, 街道), a zone a zone word written as its
# own token (the segmenter keeps 苏州工业园区 whole: _FACILITY_SUFFIXES); an everyday word never takes this slot
# (新建乡镇 is "new townships"; twenty-fourth round)
_TOWN_OR_ZONE_AFTER = lazy_compile(r"[\u4e00-\u9fff]{2,3}(?:镇|乡|街道)(?![\u4e00-\u9fff]*?(?:镇|乡))"
                                   r"|(?:经济技术开发区|经济开发区|开发区|高新区|经开区|工业园区|工业园|保税区)")
# ... and an everyday word too (宜兴丁蜀镇: 宜兴 is a word of jieba's dictionary, 413) when what follows is a town's own
# name: a token of its own (the segmenter cut the short form off) whose stem is no count or determiner
# (新建两个乡镇, 新建各乡镇 are "new townships"): a short form written right before a town names where the
# town lies, whatever its frequency (twenty-sixth round)
_NAMED_TOWN_AFTER = lazy_compile(r"(?:(?![一二三四五六七八九十百两几多个各每全本该此其乡镇街])[\u4e00-\u9fff]){2,3}"
                                 r"(?:镇|乡|街道)(?![\u4e00-\u9fff]*?(?:镇|乡))")
# a bearing or a stretch reckoned from a place (格尔木以南的工地, 青藏铁路格尔木段, 宝清境内, 吐鲁番一带): only a place is
# written before these; like the town slot, not for an everyday word (平原以南 is "south of the plain"; twenty-sixth
# round)
_STRETCH_AFTER = lazy_compile(r"(?:以南|以北|以东|以西|境内|一带|段(?![落时子位]))")
# a scenic area named after the place it lies in (都江堰景区, 九寨沟风景区, 峨眉山景区): the short form is the place, as
# before a zone; not for an everyday word, which is the mountain or the lake the area is named after (温泉景区, 西湖景区:
# 西湖 is the lake, and 温泉县 is far from most hot springs; fiftieth round, docs/tagging.md rule 57; such a form is
# read as the setting of last resort inside the item's or the paper's province, RegionTagger._scenic_seat, rule 63)
_SCENIC_AFTER = lazy_compile(r"(?:风景名胜区|风景区|旅游景区|旅游区|景区)")
# a verb of travel right before a short form (前往黄山, 赴桂林, 来到吐鲁番, 到黄山疗休养): the trip's destination, a place
# slot (twenty-sixth round); not 全力以赴, nor the 到 of 得到, 受到, 达到, 收到, 感到, 看到, 做到, 提到, 遇到, 找到, 回到's
# "back to" is still a trip
# ... unless the short form is a thing's name by a place word (开到盐湖边: 盐湖 the lake, not 盐湖区), starts a longer
# village, street or mine name (到兴隆庄煤矿参加工作: 兴隆县's short form), or opens a list of destinations
# (前往门源、祁连等地: examples of where, _EXAMPLES_AFTER)
_NOT_A_DESTINATION_AFTER = lazy_compile(r"[边旁畔上里中内外前后头、和及与等庄村屯寨堡沟湾坝铺路街巷]")
_TRAVEL_BEFORE = lazy_compile(r"(?:前往|奔赴|去往|来到|(?<!以)赴|(?<![得受达收感看想做办提遇找见等])到)$")
# a headline opening "昆山：" / "石河子:" names the place the item is about, as a dateline does
_HEADLINE_PLACE_MARKS = frozenset("：:　 ")
# the facility a name may start a longer token with (青岛港, 日照港, 杭州东站): it is still the place
# ... and a zone named after its city (苏州工业园区, 一个 token the segmenter keeps whole: the city is the place)
# ... and a city's bridge over the great rivers (南京长江大桥, 济南黄河大桥: one token of jieba's; the bridge is the
# city's, fiftieth round, docs/tagging.md rule 57)
_FACILITY_SUFFIXES = frozenset({"港", "站", "东站", "西站", "南站", "北站", "机场", "港区",
                                "工业园区", "工业园", "高新区", "开发区", "经济开发区", "经济技术开发区", "保税区",
                                "长江大桥", "黄河大桥"})
_FACILITY_FIRST = frozenset(suffix[0] for suffix in _FACILITY_SUFFIXES)
# a national meeting held somewhere ("…推进会在浙江杭州召开"): the venue is its place
_VENUE_AFTER = lazy_compile(r"(召开|举行|举办|开幕|启动|签订|签约|签署)")
# a headline naming a group of places by their count (浙江工会与西部三省结对, 两地工会签约, 四省市): the parties
# named in the opening are settings too, not only the headline's place
_COUNTED_PLACES = lazy_compile(r"[两二三四五六七八九十几多]+(省|省区|省市|省份|地|市|州|县|城)(?!长|委)")
# a headline pairing its subject with a partner (嘉兴30家企业与山区村结对, …与…结对帮扶): the partner is one of the
# story's parties as a counted place is, so the partner's place the opening names (与对口帮扶的四川省9个山区村签订结对协议)
# is a setting too, where the aid goes (thirty-first round)
_PAIRED_HEADLINE = lazy_compile(r"与[^，,。：:；;]{1,12}?结对")
# a numbered caption or point (①…, 图①：…)
_NUMBERED = lazy_compile(r"图?[①②③④⑤⑥⑦⑧⑨⑩]")
# an honours list's line: a name (maybe padded), a wide space, the person's unit (于海涛　国网安徽省电力有限公司…)
_HONOURS_LINE = lazy_compile(r"[\u4e00-\u9fff]{1,3}(?: {1,2}[\u4e00-\u9fff])?[\u3000]+\S")
# a two-character county (寿县, 和县) naming its own body (寿县总工会): a place, when no word runs into it
# (省总工会和县总工会 is "and the county union")
_TWO_CHAR_ORG = lazy_compile(r"(总工会|县委|县政府|人民政府)")
_LEVEL_SUFFIXES = frozenset("县市区旗")  # a division's level character, which its body's word may start (县总工会)
_EDITOR_NOTE = lazy_compile(r"^[【\[■●]?\s*编者按")
# a county whose name is an everyday word and a level character (会同县, 比如县), written where that level character
# starts a body of the item's own county (县总工会会同县人社局: "jointly with the county's bureau"; 比如县总工会: "for
# example the county union"): the word and the body, no place (sixteenth round). The body after the level character,
# and how common a word the stem must be in the segmenter's dictionary (会同 859, 比如 5621; place stems such as
# 会宁 53, 昆山 148, 长乐 202 are far rarer)
_OWN_BODY_AFTER = lazy_compile(r"总工会|工会|委|政府|人民政府|法院|检察院|[\u4e00-\u9fff]{1,3}?局")
_EVERYDAY_STEM_FREQUENCY = 300
_LIST_SEPARATORS = frozenset({"、", "和", "及", "与", "，", ","})
_ORIGIN_LIST_SEPARATORS = frozenset({"、", "和", "及", "与"})  # a list of origins goes on after these
_NATIONAL_BODY = (r"全总|中华全国总工会|全国总工会|人社部|人力资源和社会保障部|国务院|中共中央|党中央|"
                  r"中国[\u4e00-\u9fff]{0,6}工会")
# a national story: a national body acts, or a nationwide meeting or system (全国…); a national honour held by
# a local worker (全国技术能手, 全国五一劳动奖章, 全国模范职工之家) does not make the story national
_NATIONAL = lazy_compile(_NATIONAL_BODY + r"|全国(?![^，,。、；;：:“”\s]{0,10}?"
                       r"(能手|模范|劳模|奖章|最美|先进|标兵|红旗手|先锋号|示范|试点|职工之家|首批|首个|第一))|中国职工")
_NATIONAL_BODY_RE = lazy_compile(_NATIONAL_BODY)
_SENTENCE_END = "。!！?？"
_SENTENCE_OR_QUOTE = lazy_compile(f"[“「『”」』{_SENTENCE_END}]")
# a headline about many places at once (多地出台举措…): no one of them is the setting
_MANY_PLACES = lazy_compile(r"多地|各地|多省|多个城市")
# "南京、无锡等地", "四川、贵州等10多个省份": examples of a wider reach, not settings
# (文山、红河等州市, 锡林郭勒、呼伦贝尔等盟市, 昆山、太仓等县市 too)
_EXAMPLES_AFTER = lazy_compile(r"等(\d+多?个|[一二三四五六七八九十两几数多]+个)?"
                             r"(地|地区|市|城市|省|省份|省市|省区|县|区|州|盟|旗)")
# the places delegates come from, closing a list (香港、澳门工会代表参加, 京津冀三地劳模代表出席): guests of the event
_DELEGATES_AFTER = lazy_compile(r"(?:[省市区县州]?总工会|工会|职工|企业|劳模|工匠)?(?:的)?代表(?:们)?"
                              r"(?:应邀)?(?:参加|出席|参会|与会|列席|观摩)")
# the places a reporter says they visited (forty-seventh round, docs/tagging.md rule 51): a list of two or more names
# written between 在 and a visit verb (记者近日在郑州、许昌等地物流园区走访) or right after the verb (记者走访了沂水、临朐、
# 曹县三个县), in a sentence of the reading tip or the opening whose subject is the reporter: each is where the report was
# made, a setting, even when 等地 closes the list (which otherwise makes its names examples)
_VISIT_VERB = r"(?:走访|采访|调研|探访|蹲点)"
_VISITED_AT = lazy_compile(r"在((?:[^，,。；;、：:“”\s]{2,14}?、)+[^，,。；;、：:“”\s]{2,14}?)(?:等地)?"
                           r"[^，,。；;、：:“”]{0,10}?" + _VISIT_VERB)
_VISITED_AFTER = lazy_compile(_VISIT_VERB + r"了?((?:[^，,。；;、：:“”\s]{2,14}?、)+[^，,。；;、：:“”\s]{2,14}?)"
                              r"(?:等地|等|[两二三四五六七八九十\d]+个|[两二三四五六七八九十]+(?:省|市|县|地))")
# a headline sending its subject somewhere (送法进工地, 走进, 赴): the opening then says where that is
_GOES_TO = lazy_compile(r"送[^进]{0,8}进|走进|走入|开进|深入|来到|赴")

# countries and world regions outside China (data/abroad.txt), and the words setting a scene at one (在老挝首都万象…,
# 远赴非洲): a story whose headline or opening sets it there is set abroad (fourteenth round)
ABROAD_FILE = "abroad.txt"
_SCENE_BEFORE = ("在", "于", "赴", "来到", "身在", "远在")

# the parts of 香港 and 澳门 whose names are also a mainland county's short form (九龙: 甘孜's 九龙县; 大埔: 梅州's
# 大埔县): in an item naming the SAR, such a short form is the SAR's own district or area, not the county
# (香港…在九龙一处建筑工地: twentieth round); a full name (九龙县) or one after its ancestor (四川九龙) keeps its county
_SAR_PARTS = {"810000": frozenset({"九龙", "大埔"}), "820000": frozenset()}
# a paper's name as its masthead prints it (四川工人日报, 河南日报): a province's name, then the rest, ending in 报
_PAPER_NAME = lazy_compile(r"[\u4e00-\u9fff]{3,12}报")
# the provincial-level union papers whose name opens with no place (heldout_tagging50, rule 97): each is its
# province's or municipality's federation's paper as a provincial paper is, so it implies that province in the same
# ways (its own reports naming no place, a name two provinces share: 劳动午报's 朝阳区, 通州区); 工人日报 is national
_PAPER_HOMES = {"劳动午报": "北京市", "劳动报": "上海市", "南方工报": "广东省"}
# the paper's own report (本报讯, 本报洛阳讯, 本报南京…电), not an agency's or another paper's (据新华社电)
_OWN_REPORT = lazy_compile(r"\s*本报")

# weights of one occurrence by role; a place scoring at least MAIN_SCORE in the setting roles is "main"
HEADLINE, DATELINE, OPENING, FIRST_PARAGRAPH, BODY = 3.0, 2.0, 2.0, 1.0, 0.5


# not frozen: ~18 mentions are made per item, and a frozen dataclass's __init__ (one object.__setattr__ per
# field) costs 2 µs against 0.35 µs; nothing assigns to a Mention (a changed one is a dataclasses.replace copy)
@dataclass(slots=True)
class Mention:
    """One accepted place name occurrence with the divisions it may mean."""

    text: str
    field: str
    start: int
    end: int
    candidates: tuple[Division, ...]
    chained_to: tuple[str, ...] = ()  # codes of the ancestor mention it directly follows
    weight: float = BODY
    passing: bool = False  # origin/destination/company name: never the setting
    full: bool = False  # written as a full name or alias (not a short form)
    company: bool = False  # inside a company's name (中车株洲电力机车有限公司): its home, maybe the setting
    enterprise: bool = False  # an enterprise's short form (鞍钢): its seat, no place written (names nothing else)
    position: int = 0  # offset in the item's fields read one after another (for "the nearest named parent")


@dataclass(frozen=True)
class _Field:
    name: str
    text: str
    weight_at: tuple[tuple[int, float], ...]  # (until offset, weight) steps
    base: int = 0  # offset of the field's start when the item's fields are read one after another


_MEMO_LIMIT = 4096  # sets of codes printed in full whose name index is kept (most items repeat a few cities)

# what a name form needs before it counts (fixed per form, see RegionTagger._form_rules)
_FREE, _SHORT, _TWO_CHARS, _GENERIC, _CHAIN_ONLY = 0, 1, 2, 3, 4


class RegionTagger:
    """Tags items with regions; build once per run and call :meth:`tag` per item (pure)."""

    def __init__(self, gazetteer: Gazetteer, segmenter: Segmenter) -> None:
        self.gazetteer = gazetteer
        self.segmenter = segmenter
        self._rules: dict[int, int] = {}
        self._candidate_sets: dict[tuple[int, ...], tuple[tuple[Division, ...], bool]] = {}
        self._printed: dict[frozenset[str], dict[str, list[str]]] = {}  # memo of _as_printed's name index
        self._homes: dict[tuple[str, int | None], str | None] = {}  # memo of paper_home (one paper per archive)
        self._cities: dict[tuple[str, int | None], str | None] = {}  # memo of paper_city

    # -- public ----------------------------------------------------------------------------------

    def paper_home(self, paper: str | None, year: int | None = None) -> str | None:
        """The code of the province a paper's name opens with (四川工人日报 -> 四川省, 黑龙江工人报 -> 黑龙江省,
        新疆工人报 -> 新疆维吾尔自治区), or None (工人日报, 南方工报: no province in the name)."""
        if not paper or (paper not in _PAPER_HOMES and not _PAPER_NAME.fullmatch(paper)):
            return None
        key = (paper, year)
        if key not in self._homes:
            named = _PAPER_HOMES.get(paper)
            self._homes[key] = (self._named_division(paper, year, 1) if named is None
                                else self._named_division(named, year, 1, whole=True))
        return self._homes[key]

    def paper_city(self, paper: str | None, year: int | None = None) -> str | None:
        """The code of the prefecture a city paper's name opens with (青岛工人报 -> 青岛市, 大连日报 -> 大连市), or None:
        a provincial paper (its province is :meth:`paper_home`), or a name opening with no prefecture's (工人日报)."""
        if not paper or not _PAPER_NAME.fullmatch(paper) or self.paper_home(paper, year) is not None:
            return None
        key = (paper, year)
        if key not in self._cities:
            self._cities[key] = self._named_division(paper, year, 2)
        return self._cities[key]

    def _named_division(self, paper: str, year: int | None, level: int, *, whole: bool = False) -> str | None:
        """The one division of ``level`` a paper's name opens with: the longest name first (黑龙江省 before 黑龙江),
        never the whole name (the paper is named after it) unless ``whole`` (a province's name itself, from
        _PAPER_HOMES); a name two divisions share decides nothing."""
        for size in range(min(len(paper) - (0 if whole else 1), 8), 1, -1):
            codes = {f.division.code for f in self.gazetteer.forms_in(paper[:size], year)
                     if f.division.level == level and f.kind not in SEAT_KINDS}
            if len(codes) == 1:
                return codes.pop()
        return None

    def tag(self, item: Item, *, year: int | None = None, segmented: Segmented | None = None,
            paper: str | None = None) -> tuple[tuple[RegionTag, ...], tuple[RegionTag, ...], tuple[Ambiguity, ...]]:
        """(regions, mentioned_places, ambiguities) of one item; ``segmented`` is the item's tokens
        when the caller has cut it already (see :func:`segment_item`); ``paper`` is the name of the paper the
        item's page prints on its masthead (四川工人日报), when it prints one."""
        if year is None:
            year = _year_of(item.date)
        home = self.paper_home(paper, year)
        if segmented is None:
            segmented = segment_item(item, self.segmenter)
        fields = _fields(item)
        boundaries = [_boundaries(segmented, fld.name) for fld in fields]
        # pass 1 finds the names that need no support; they license in pass 2 the short forms of the same
        # divisions (福清市 … 福清) and of the divisions inside them (江苏 … 昆山), and a named city licenses
        # the one generic name inside it (济南 … 市中区)
        scans: list[list[Mention]] = []
        turned_away: list[set[str]] = []  # per field: codes pass 1 turned away for want of support
        unsupported_all: set[str] = set()
        generic: dict[str, set[str]] = {}
        for fld, (starts, ends) in zip(fields, boundaries, strict=True):
            unsupported: set[str] = set()
            field_generic: dict[str, set[str]] = {}
            scans.append(self._scan(fld, year, frozenset(), starts, ends, unsupported, field_generic))
            for name, codes in field_generic.items():
                generic.setdefault(name, set()).update(codes)
            unsupported_all |= unsupported
            turned_away.append(unsupported.union(*field_generic.values()))
        first_pass = [m for found in scans for m in found]
        # (an enterprise's short form, 同煤, names its seat for the company only: it licenses no other name there)
        named = frozenset(m.candidates[0].code for m in first_pass if len(m.candidates) == 1 and not m.enterprise)
        full_codes = frozenset(d.code for m in first_pass if m.full and not m.enterprise for d in m.candidates)
        licensed = (full_codes | named | self._anchored(generic, first_pass, year)
                    | self._inside_named(unsupported_all, named, year)
                    | self._inside_paper(unsupported_all, home, year))
        for index, (fld, (starts, ends)) in enumerate(zip(fields, boundaries, strict=True)):
            if turned_away[index] & licensed:
                # only a field where pass 1 turned a now-licensed name away can come out differently
                scans[index] = self._scan(fld, year, licensed, starts, ends, None, None)
        mentions = self._as_printed(full_codes, [m for found in scans for m in found], year)
        resolved, ambiguities = self._resolve(mentions, year, home)
        resolved = self._without_words_before_own_bodies(fields, resolved, year)
        resolved = _without_sar_parts(resolved)
        abroad = _set_abroad(fields, boundaries, f"paragraph:{_opening_index(item)}")
        regions, mentioned = self._classify(item, fields, resolved, year, abroad)
        if not regions and paper and _OWN_REPORT.match(item.lead or "") and not abroad:
            # a city paper's reporter writes the city no more than a provincial paper's writes the province (李村街道
            # of 青岛工人报: a street the gazetteer does not hold); only here, as a setting of last resort (39th round)
            own = home or self.paper_city(paper, year)
            if own:
                regions = self._papers_report(item, fields, own, paper, year)
        elif not regions and paper and not abroad:
            # a piece of the paper's own with no lead (a commentary, an essay) that says where it stands in the paper's
            # own voice (我省, 本省; 我区 of an autonomous region's paper, 我市 of a municipality's or a city's): the
            # paper's province or city, as its own report naming no place is set there (issue 18, rule 105)
            own = home or self.paper_city(paper, year)
            if own and self._own_voice(fields, own, year):
                regions = self._papers_report(item, fields, own, paper, year)
        if not abroad:
            regions = self._town_seat(item, fields, regions, home, year, ambiguities)
            regions = self._scenic_seat(item, fields, regions, home, year)
        return regions, mentioned, tuple(ambiguities)

    def _wants_last_resort(self, fields: list[_Field], regions: tuple[RegionTag, ...], year: int | None) -> bool:
        """True when the item's settings reach no further than a province and its headline is no national or
        many-place story's: a setting of last resort (a town's county, a scenic area's) may then be looked for."""
        if any(self.gazetteer.division(t.region.code, year).level > 1 for t in regions):
            return False
        headline = "".join(f.text for f in fields if f.name in ("kicker", "title", "subtitle"))
        return not (_NATIONAL.search(headline) or _MANY_PLACES.search(headline))

    def _seat_found(self, seats: set[str], evidence: list[Evidence], regions: tuple[RegionTag, ...],
                    year: int | None) -> tuple[RegionTag, ...]:
        """The one county a setting of last resort found, its evidence before the item's own; the item's settings
        as they were when it found none or several."""
        if len(seats) != 1:
            return regions
        kept = tuple(e for t in regions for e in t.evidence)
        return (RegionTag(region=self.gazetteer.region(next(iter(seats)), year), evidence=(*evidence[:4], *kept)[:8],
                          score=BODY),)

    def _scenic_seat(self, item: Item, fields: list[_Field], regions: tuple[RegionTag, ...], home: str | None,
                     year: int | None) -> tuple[RegionTag, ...]:
        """The county-level place a scenic area is named after (西湖景区 on a 浙江 paper: 杭州's 西湖区), when the
        item's settings reach no further than a province: a short form that is an everyday word or a district's
        (西湖 is the lake too, and 南昌 has a 西湖区) is no place alone (rules 5b, 57), but before 景区/风景区/风景名胜区/
        旅游区 in the headline, lead or opening, inside the item's province (else the paper's), it names the one
        county-level division of that short form there. Not without a province to look in (温泉景区 with no paper),
        not when the province holds none or several, never for a national story or one set abroad; the setting of
        last resort, as a town's county is (rule 54). Fifty-first round, docs/tagging.md rule 63."""
        gaz = self.gazetteer
        provinces = {t.region.code for t in regions} or ({home} if home else set())
        if not provinces or not self._wants_last_resort(fields, regions, year):
            return regions
        seats: set[str] = set()
        evidence: list[Evidence] = []
        for fld in _head_and_opening(item, fields):
            for scenic in _SCENIC_AFTER.finditer(fld.text):
                for size in (3, 2):
                    start = scenic.start() - size
                    if start < 0 or (_han(fld.text[start - 1:start])
                                     and not fld.text.endswith(_PHRASE_OPENERS, 0, start)):
                        continue
                    name = fld.text[start:scenic.start()]
                    codes = {f.division.code for f in gaz.forms(name) if f.kind == "short"
                             and f.division.level == 3 and _in_force(gaz, f.division.code, year)
                             and any(gaz.is_within(f.division.code, p, year) for p in provinces)}
                    if len(codes) == 1:
                        seats |= codes
                        evidence.append(Evidence(text=name, field=fld.name, offset=start))
                        break
        return self._seat_found(seats, evidence, regions, year)

    def _town_seat(self, item: Item, fields: list[_Field], regions: tuple[RegionTag, ...], home: str | None,
                   year: int | None, ambiguities: Sequence[Ambiguity] = ()) -> tuple[RegionTag, ...]:
        """The county of a town, township or street (张浦镇, 洛带镇, 关山街道: data/towns.tsv) the headline, lead or
        opening names, when the item's settings reach no further than a province (or there are none): the setting of
        last resort, as a zone's seat is (docs/tagging.md rule 54). The town's counties are those in force in the
        page's year, inside the item's province (else the paper's, if any); it counts only when every town named
        there gives the same one county, and never for a national story. A town name several counties share is also
        decided by a county name the item writes that several places share (龙华区观澜街道: 龙华区 is 深圳's and 海口's,
        观澜街道 深圳's and 蒙自's; only 深圳's 龙华区 holds a 观澜街道)."""
        gaz = self.gazetteer
        if not self._wants_last_resort(fields, regions, year):
            return regions
        provinces = {t.region.code for t in regions} or ({home} if home else set())
        counties_of, automaton = _towns()
        seats: set[str] = set()
        evidence: list[Evidence] = []
        for fld in _head_and_opening(item, fields):
            for index, start, end in automaton.find_matches_as_indexes(fld.text):
                counties = {c for c in counties_of[index].split(",") if _in_force(gaz, c, year) and (
                    not provinces or any(gaz.is_within(c, p, year) for p in provinces))}
                if len(counties) > 1:
                    counties &= {c for a in ambiguities for c in a.candidates}
                if len(counties) != 1:
                    return regions  # a name several counties share: no one of them is certain
                seats |= counties
                evidence.append(Evidence(text=fld.text[start:end], field=fld.name, offset=start))
        return self._seat_found(seats, evidence, regions, year)

    def _own_voice(self, fields: list[_Field], own: str, year: int | None) -> bool:
        """Whether the item calls the paper's own province or city by the paper's own voice, 我省 or 本省 (我区, 本区 for
        an autonomous region, 我市, 本市 for a municipality or a city): the words a paper uses of its home only."""
        level = self.gazetteer.division(own, year).name[-1]
        kind = "区" if level == "区" else "市" if level == "市" else "省"
        return any(f"我{kind}" in f.text or f"本{kind}" in f.text for f in fields if f.name.startswith("paragraph"))

    def _papers_report(self, item: Item, fields: list[_Field], home: str, paper: str, year: int | None
                       ) -> tuple[RegionTag, ...]:
        """The paper's province as the setting of its own report that names no place of its own (亚布力镇总工会…,
        省总工会派出4个督查组…: a town or a zone the gazetteer does not hold, the province's own bodies), unless the
        report is national (全国总工会…, a headline about 各地): a provincial paper's reporter writes the province
        no more than a city paper writes its city (thirty-third round)."""
        headline = "".join(f.text for f in fields if f.name in ("kicker", "title", "subtitle"))
        opening = next((f.text[:40] for f in fields if f.name == f"paragraph:{_opening_index(item)}"), "")
        if _NATIONAL.search(headline) or _MANY_PLACES.search(headline) or _NATIONAL.match(opening):
            return ()
        if _NATIONAL_BODY_RE.search(re.split(r"[，,。；;]", opening, maxsplit=1)[0]):
            return ()
        return (RegionTag(region=self.gazetteer.region(home, year),
                          evidence=(Evidence(text=paper, field="masthead", offset=0),), score=BODY),)

    def _without_words_before_own_bodies(self, fields: list[_Field], resolved: list[tuple[Mention, str]],
                                         year: int | None) -> list[tuple[Mention, str]]:
        """``resolved`` without the counties that are an everyday word before the item's own county body
        (县总工会会同县人社局, 比如县总工会): a full county name of a two-character stem, written only below the
        opening, never after an ancestor nor with any place above or inside it named, each time followed by a body,
        in an item whose headline, dateline or opening names a county of the same level character (县 … 县), and whose
        stem is a common word (``_EVERYDAY_STEM_FREQUENCY``)."""
        suspects = {c for m, c in resolved if m.full and len(m.text) == 3 and m.text[-1] in _LEVEL_SUFFIXES
                    and m.weight < OPENING and not m.chained_to}
        if not suspects:
            return resolved  # nearly every item: one set comprehension
        gaz = self.gazetteer
        # the level characters of the counties up front: an item set in a 县 calls its own bodies 县总工会, 县人社局
        own_levels = {gaz.division(c, year).name[-1] for m, c in resolved
                      if m.weight >= OPENING and gaz.division(c, year).level == 3}
        dropped: set[str] = set()
        for code in suspects:
            if gaz.division(code, year).level != 3 or gaz.division(code, year).name[-1] not in own_levels:
                continue
            mine = [m for m, c in resolved if c == code]
            if any(m.weight >= OPENING or m.chained_to or not m.full
                   or not _OWN_BODY_AFTER.match(_field_text(fields, m), m.end) for m in mine):
                continue
            related = [c for _, c in resolved if c != code and (gaz.is_within(code, c, year)
                                                                 or gaz.is_within(c, code, year))]
            if related:
                continue  # 湖南 … 会同县人社局: its province or a place inside it is named; the place
            if self.segmenter.word_frequency(mine[0].text[:-1]) >= _EVERYDAY_STEM_FREQUENCY:
                dropped.add(code)
        return [(m, c) for m, c in resolved if c not in dropped] if dropped else resolved

    # -- finding names ---------------------------------------------------------------------------

    def _as_printed(self, full_codes: frozenset[str], mentions: list[Mention], year: int | None) -> list[Mention]:
        """One name is one place: a short form means the division the item prints in full under a name that
        shortens to it, when none of its own candidates is printed so (吴江：… 江苏省吴江市总工会 in 2012 is 吴江市,
        though 吴江 alone that year would be 吴江区)."""
        if not full_codes:
            return mentions
        gaz = self.gazetteer
        printed = self._printed.get(full_codes)  # a name form -> the codes printed in full that it may shorten
        if printed is None:
            if len(self._printed) >= _MEMO_LIMIT:
                self._printed.clear()
            printed = self._printed[full_codes] = {}
            for code in sorted(full_codes):
                for name in gaz.names_of(code):
                    printed.setdefault(name, []).append(code)
        out: list[Mention] = []
        for mention in mentions:
            same = printed.get(mention.text)
            # (not a name right after its ancestor: 吉林省吉林轨道交通集团 is the city's company, whatever the province)
            if same and not mention.full and not mention.chained_to:
                own = [d for d in mention.candidates if d.code in full_codes]
                if not own:
                    mention = replace(mention, candidates=tuple(gaz.division(code, year) for code in same))
                elif len(own) < len(mention.candidates) and all(d.level == 2 for d in mention.candidates):
                    # two prefectures share the short form (柳州: 柳州地区 and 柳州市 until 2002): the one the item
                    # prints in full (柳州市总工会) is meant, not its neighbour (thirty-fourth round); a short form one
                    # of whose divisions lies inside another (长沙: 长沙市 and its 长沙县) keeps the container rule of
                    # _resolve, and two counties' (伊宁: 伊宁市, 伊宁县) stay an ambiguity under their prefecture
                    mention = replace(mention, candidates=tuple(own))
            out.append(mention)
        return out

    def _anchored(self, generic: dict[str, set[str]], mentions: list[Mention], year: int | None) -> frozenset[str]:
        """Codes of the generic names (市中区) of which exactly one division lies inside a city or county
        the item names unambiguously (济南 in the dateline)."""
        gaz = self.gazetteer
        anchors = {m.candidates[0].code for m in mentions
                   if _one_code(m.candidates) and m.candidates[0].level >= 2}
        licensed: set[str] = set()
        for codes in generic.values():
            inside = [c for c in codes if any(gaz.is_within(c, a, year) for a in anchors)]
            if len(inside) == 1:
                licensed.add(inside[0])
        return frozenset(licensed)

    def _inside_named(self, turned: set[str], named: frozenset[str], year: int | None) -> frozenset[str]:
        """Codes of the short forms turned away (昆山, 迁安, 大同, 滦县) whose division lies inside a place the
        item names unambiguously: a county-level city or a prefecture inside a named province or prefecture
        (江苏 … 昆山); a county inside its named prefecture (凉山 … 宁南). A district's short form stays a word
        (杭州 … 西湖 is the lake)."""
        gaz = self.gazetteer
        licensed: set[str] = set()
        for code in turned:
            division = gaz.division(code, year)
            lineage = gaz.ancestors(code, year)
            if division.level == 3:
                if division.name.endswith("区"):
                    continue
                lineage = lineage if division.name.endswith("市") else lineage[:1]
            if named.intersection(lineage):
                licensed.add(code)
        return frozenset(licensed)

    def _inside_paper(self, turned: set[str], home: str | None, year: int | None) -> frozenset[str]:
        """Codes of the county-level cities turned away (什邡, 醴陵) that lie inside the paper's province: read on
        its own paper a bare short form is that city, as with the province named in the item (江苏 … 昆山, rule 5b).
        A county's short form still needs its prefecture, a district's is never one, and a prefecture's that is an
        everyday word (安康, 白银) still needs its province written (rule 2)."""
        if home is None or not turned:
            return frozenset()
        gaz = self.gazetteer
        licensed: set[str] = set()
        for code in turned:
            division = gaz.division(code, year)
            if division.level == 3 and division.name.endswith("市") and home in gaz.ancestors(code, year):
                licensed.add(code)
        return frozenset(licensed)

    def _scan(self, fld: _Field, year: int | None, full_codes: frozenset[str], starts: Collection[int],
              ends: Collection[int], unsupported: set[str] | None, generic: dict[str, set[str]] | None
              ) -> list[Mention]:
        gaz = self.gazetteer
        text = fld.text
        occurrences = gaz.occurrences(text)
        if not occurrences:
            return []  # most fields name no place: no boundary is asked
        # each name asks its boundaries up to five times: hashed once per field, a C-level look-up each
        # (a bisection in Python is ~15x slower per question)
        starts, ends = frozenset(starts), frozenset(ends)
        found: list[Mention] = []
        pos = 0  # the scan never looks back: a name starts at or after the end of the last one taken
        tried = -1  # the start whose names were all tried (longest first) and turned away
        for start, end in occurrences:
            if start < pos or start == tried:
                continue
            # a name starts on a token boundary, or right after the previous name (宁波镇海) or after it
            # and a list separator (和顺、壶关): nowhere else can _accept take it
            if not (start in starts or (found and start - found[-1].end <= 1)):
                tried = start
                continue
            name = text[start:end]
            # a name ends on a token boundary too, except a province starting a longer token (北京西站) and
            # a city starting the name of its port or station (青岛港, 杭州东站)
            institution = works = False
            if (end not in ends and name not in gaz.province_names and not _facility(text, end, ends)
                    and not _suffix_in_body(text, start, end, starts, ends) and not _org_token(text, end, starts, ends)):
                if _institution_token(text, end, ends):
                    institution = True
                elif _works_token(text, end, starts, ends):
                    works = True
                else:
                    continue
            forms = gaz.forms_in(name, year)
            if institution:
                # inside an institution's one-word name only a full name (深圳市, 朝阳区) is taken: a short form
                # there (深圳 of a 深圳中院-like word) stays as unsupported as anywhere inside a token
                forms = tuple(form for form in forms if form.kind == "full")
            elif works:
                # inside a works' one-word name (青铜峡铝厂) only a short form, which the works rule decides
                forms = tuple(form for form in forms if form.kind == "short")
            if not forms:
                continue
            mention = self._accept(fld, start, end, forms, found, starts, ends, full_codes, unsupported, generic)
            if mention:
                if found and found[-1].enterprise and _GROUP_WORDS.fullmatch(text, found[-1].end, mention.start):
                    # a subsidiary named by its group and its own place (攀钢集团西昌钢钒公司, 宝武集团鄂城钢铁): the
                    # place is the subsidiary's home, the group's seat is not where it is
                    found.pop()
                if mention.passing and mention.chained_to and _origin_after(text, mention.end):
                    # 四川达州籍, 河南周口人: the ancestors written right before an origin are the same origin
                    at, follows = len(found) - 1, mention.start
                    while at >= 0 and found[at].end == follows and not found[at].passing:
                        found[at] = replace(found[at], passing=True)
                        at, follows = at - 1, found[at].start
                found.append(mention)
                pos = mention.end
        return _mark_examples(text, found)

    def _accept(self, fld: _Field, start: int, end: int, forms: tuple[NameForm, ...], before: list[Mention],
                starts: Collection[int], ends: Collection[int], full_codes: frozenset[str],
                unsupported: set[str] | None = None, generic: dict[str, set[str]] | None = None) -> Mention | None:
        text = fld.text
        chain = self._chain_parent(text, start, before)
        # _scan let the name through: it ends on a token boundary, or starts a token as a province (北京西站) or
        # as the place of a port or station (青岛港)
        glued = False
        if chain is not None:
            # after an ancestor (宁波镇海, 山西和顺、壶关): any form of a descendant
            inside = tuple(f for f in forms if any(
                f.division.code != c and self.gazetteer.is_within(f.division.code, c) for c in chain))
            if inside:
                # 开往湖南长沙: a name hanging under a passing mention is passing too
                return self._mention(fld, start, end, inside, chain, before[-1].passing)
            # written right after a place it is not in (株洲新建50家: 新建县 is 南昌's), a short form that needs
            # support is the word it also is, whatever slot follows (twenty-fourth round)
            glued = before[-1].end == start
        if start not in starts:
            return None
        # a dateline or signature is a place whatever its form; a headline's "昆山：" or 日照港 is one for
        # a short form, not for a two-character word (和县); looked at only when a form needs it
        strong_slot = fld.name in ("dateline", "signature")
        slot: bool | None = None
        allowed = []
        for form in forms:
            rule = self._form_rules(form)
            if rule == _CHAIN_ONLY:
                continue  # 城区, 郊区: words, unless right after their city (汕尾城区)
            if rule == _GENERIC:
                # 市中区 alone is a word, unless the item names the one city that has such a district
                if form.division.code in full_codes:
                    allowed.append(form)
                elif len(forms) == 1 and _TWO_CHAR_ORG.match(text, end) and not _han(text[start - 1:start]):
                    # a generic name no other division bears, followed by its own union or government (西城区总工会,
                    # 老城区总工会): an organ names a place, and only one place has that name (forty-fourth round);
                    # 新城区总工会, which two cities have, still needs its city
                    allowed.append(form)
                elif generic is not None:
                    generic.setdefault(form.text, set()).add(form.division.code)
                continue
            if rule == _FREE:
                allowed.append(form)
                continue
            if rule == _SHORT and glued and not strong_slot and form.division.code not in full_codes:
                if unsupported is not None:
                    unsupported.add(form.division.code)
                continue
            if rule == _SHORT and not strong_slot and slot is None:
                slot = self._short_form_slot(fld, start, end, form.text, ends)
            if (rule == _SHORT and slot and not strong_slot and form.division.code not in full_codes
                    and _body_of_another_level(text, end, form)
                    and self.segmenter.word_frequency(form.text) >= _EVERYDAY_STEM_FREQUENCY):
                # 会同|市总工会: an everyday word before the item's own body, not 会同县's union (a renamed place
                # written by its old level, 吴江市总工会 in 2015, has a rare stem and keeps its slot)
                if unsupported is not None:
                    unsupported.add(form.division.code)
                continue
            if rule == _TWO_CHARS and _TWO_CHAR_ORG.match(text, end) and not _han(text[start - 1:start]):
                allowed.append(form)
                continue
            if not (strong_slot or (slot and rule == _SHORT)) and form.division.code not in full_codes:
                # 昆山, 大同, 滦县 alone may be words: they need their full name, a place around them, or a slot
                if unsupported is not None:
                    unsupported.add(form.division.code)
                continue
            allowed.append(form)
        if not allowed:
            return None
        # a list continuing a passing name (来自江苏、浙江和本地的企业): its members are origins too
        listed = bool(before) and before[-1].passing and before[-1].field == fld.name and text[
            before[-1].end:start] in _ORIGIN_LIST_SEPARATORS
        return self._mention(fld, start, end, allowed, (), listed)

    def _short_form_slot(self, fld: _Field, start: int, end: int, name: str, ends: Collection[int] = ()) -> bool:
        """True when the text around a short form makes it a place (_in_place_slot), it is a trip's destination
        (_TRAVEL_BEFORE), or it is written before a town or zone (_TOWN_OR_ZONE_AFTER; an everyday word only before
        a town's own name, _NAMED_TOWN_AFTER). A workplace count after 的 (昆山的一家企业) supports no everyday word:
        新建的50家 is "the 50 newly built" (twenty-fourth round)."""
        text = fld.text
        everyday = self.segmenter.word_frequency(name) >= _EVERYDAY_STEM_FREQUENCY
        if everyday and text.startswith("的", end):
            return False  # no other slot starts with 的
        if (everyday and _WORKPLACE_AFTER.match(text, end) is not None and _han(text[start - 1:start])
                and not text.endswith(_PHRASE_OPENERS, 0, start)):
            # 海口新建20家, 今年新建3家: an everyday word inside a phrase, before a count, is the verb it also is; a
            # place counted in opens its phrase (昆山一家电子厂, 在义乌多家) (forty-seventh round, docs/tagging.md rule 53)
            return False
        if _in_place_slot(fld, start, end):
            return True
        if (_TRAVEL_BEFORE.search(text, max(0, start - 2), start) is not None
                and not _NOT_A_DESTINATION_AFTER.match(text, end)):
            return True
        if everyday:
            return _NAMED_TOWN_AFTER.match(text, end) is not None
        works = _WORKS_AFTER.match(text, end)
        if works is not None and works.end() in ends:
            return True  # 青铜峡铝厂, 开远电厂: a works named after its place (not an everyday word: 东方红炼油厂)
        return (_TOWN_OR_ZONE_AFTER.match(text, end) is not None
                or _STRETCH_AFTER.match(text, end) is not None
                or _SCENIC_AFTER.match(text, end) is not None)

    def _form_rules(self, form: NameForm) -> int:
        """What a name form needs before it counts (_FREE, _SHORT, _TWO_CHARS, _GENERIC): fixed per form, so
        computed once (keyed by identity: the gazetteer owns the forms)."""
        found = self._rules.get(id(form))
        if found is None:
            if _needs_ancestor(form):
                # generic stems (城区, 市中区) need their city; other two-character names (滦县, 和县) a place
                # around them
                two = len(form.text) <= 2 and not all(ch in _GENERIC_STEM_CHARS for ch in form.text[:-1])
                found = _TWO_CHARS if two else (_GENERIC if len(form.text) >= 3 else _CHAIN_ONLY)
            elif self._needs_support(form):
                found = _SHORT
            else:
                found = _FREE
            self._rules[id(form)] = found
        return found

    @staticmethod
    def _needs_support(form: NameForm) -> bool:
        if form.kind != "short":
            return False
        return form.division.level == 3 or (form.division.level == 2 and form.text in COMMON_WORD_SHORTS)

    @staticmethod
    def _chain_parent(text: str, start: int, before: list[Mention]) -> tuple[str, ...] | None:
        """Codes a name at ``start`` may hang under: the mention right before it, or the list it continues."""
        if not before:
            return None
        last = before[-1]
        if last.end == start:
            return tuple(sorted({d.code for d in last.candidates}))
        gap = text[last.end:start]
        if last.chained_to and len(gap) == 1 and gap in _LIST_SEPARATORS:
            return last.chained_to
        return None

    def _candidates(self, forms: Sequence[NameForm]) -> tuple[tuple[Division, ...], bool]:
        """(the divisions a name may mean, written as a full name or alias), memoised per set of forms."""
        key = tuple(map(id, forms))  # the gazetteer owns the forms for as long as this tagger lives
        found = self._candidate_sets.get(key)
        if found is None:
            by_code: dict[str, Division] = {}
            for form in forms:
                by_code.setdefault(form.division.code, form.division)
            candidates = tuple(by_code[c] for c in sorted(by_code))
            # prefer the level a reader would: a full name over a short form of another division (朝阳区 vs 朝阳市)
            full = {f.division.code for f in forms if f.kind != "short"}
            if full and len(full) < len(candidates):
                candidates = tuple(d for d in candidates if d.code in full)
            found = self._candidate_sets[key] = (candidates, bool(full))
        return found

    def _mention(self, fld: _Field, start: int, end: int, forms: Sequence[NameForm],
                 chain: tuple[str, ...], inherited_passing: bool = False) -> Mention:
        candidates, full = self._candidates(forms)
        text = fld.text
        weight = _weight_at(fld, start)
        before = text[max(0, start - 3):start]
        # an enterprise's short form (鞍钢, 同煤: gazetteer ENTERPRISES_FILE) is always a company's name, whatever
        # follows it (鞍钢职代会, 宝武工会): its seat is where the story happens only when the item names no place of
        # its own, as the home of 中车株洲电力机车有限公司 is (thirty-second round)
        # (a development zone named by its own name, 东湖高新区, 泰达: data/devzones.tsv, is read the same way: its seat,
        # the setting only when the item names no place of its own; forty-first round)
        enterprise = forms[0].kind in SEAT_KINDS
        company = enterprise or (_COMPANY_AFTER.match(text, end) is not None and _ORG_AFTER.match(text, end) is None)
        passing = (inherited_passing or before.endswith(_PASSING_BEFORE) or company
                   or _origin_after(text, end) or _INVESTOR_AFTER.match(text, end) is not None)
        return Mention(text[start:end], fld.name, start, end, candidates, chain, weight, passing, full, company,
                       enterprise, fld.base + start)

    # -- resolving -------------------------------------------------------------------------------

    def _resolve(self, mentions: list[Mention], year: int | None, home: str | None = None
                 ) -> tuple[list[tuple[Mention, str]], list[Ambiguity]]:
        """Each mention -> one code (the division, or the common ancestor when ambiguous); ``home`` is the
        province of the paper, which decides among candidates nothing in the item tells apart."""
        gaz = self.gazetteer
        context: list[tuple[str, int]] = []  # (code, position) of every unambiguous mention
        same_name: dict[str, set[str]] = {}  # name -> the codes it has where it is unambiguous (沧州市新华区)
        for m in mentions:
            if _one_code(m.candidates) and not m.enterprise:
                # (an enterprise's seat decides no name: 本报大同…电 … 同煤集团 keeps 大同 the city, not 大同县 in it)
                context.append((m.candidates[0].code, m.position))
                same_name.setdefault(m.text, set()).add(m.candidates[0].code)
        resolved: list[tuple[Mention, str]] = []
        ambiguities: list[Ambiguity] = []
        named_elsewhere: set[str] = set()  # built only for an ambiguous mention (most items have none)
        for m in mentions:
            if len(m.candidates) == 1:  # most mentions: no set of codes to build
                resolved.append((m, m.candidates[0].code))
                continue
            codes = sorted({d.code for d in m.candidates})
            if len(codes) == 1:
                resolved.append((m, codes[0]))
                continue
            # one name means one place in one item: 新华区 in the headline is the 沧州市新华区 of the body
            same = same_name.get(m.text, set()).intersection(codes)
            named_elsewhere = {d.code for o in mentions if o.text != m.text for d in o.candidates}
            # 长沙 is the short form of 长沙市 and of 长沙县 inside it: the containing division is meant
            container = [c for c in codes if all(gaz.is_within(o, c, year) for o in codes)]
            if len(same) == 1:
                best = sorted(same)
            elif container:
                best = [container[0]]
            else:
                best = self._pick_by_context(codes, context, m.position, year)
            if len(best) > 1 and home is not None:
                # a provincial paper's 龙华区 is the one in its province (深圳's on a 广东 paper, 海口's on a 海南
                # one) when the item itself tells its candidates apart no better (thirty-third round)
                ours = [c for c in best if c == home or home in gaz.ancestors(c, year)]
                if len(ours) == 1:
                    best = ours
            if len(best) > 1 and m.field != "dateline" and not named_elsewhere.intersection(best):
                # a bare short form naming a prefecture-level city and districts or counties elsewhere (大同: 大同市,
                # its 大同县, 大庆's 大同区) means the city: a reader writes a district with its level or its city;
                # unless the item names one of the others by a name of its own (朝阳区 … 朝阳: one name, one place;
                # twenty-fourth round)
                levels = sorted((gaz.division(c, year).level, c) for c in best)
                if levels[0][0] == 2 and levels[1][0] > 2:
                    best = [levels[0][1]]
            if len(best) > 1 and m.field == "dateline":
                # a dateline (本报大同…电) is filed from a city: with nothing else to decide, the highest-level
                # division of the name (大同市, not 大庆's 大同区 nor its own 大同县) is meant, when it is one
                levels = sorted((gaz.division(c, year).level, c) for c in best)
                if levels[0][0] < levels[1][0]:
                    best = [levels[0][1]]
            if len(best) == 1:
                resolved.append((m, best[0]))
                continue
            common = _common_ancestor([(c, *gaz.ancestors(c, year)) for c in best])
            ambiguities.append(Ambiguity(text=m.text, candidates=tuple(codes), resolved_to=common, field=m.field))
            if common is not None:
                resolved.append((m, common))
        return resolved, ambiguities

    def _pick_by_context(self, codes: list[str], context: list[tuple[str, int]], position: int,
                         year: int | None) -> list[str]:
        """The candidates best supported by the context (all of them when nothing helps): the one whose
        nearest parent the item names (天津市 for 天津's 和平区 as much as 沈阳市 for 沈阳's; a named parent beats
        a named grandparent), a named container beating a named neighbour at the same distance (南京 … 鼓楼区,
        not 徐州's); among equals, the one whose support is named nearest to the name."""
        gaz = self.gazetteer
        scored: list[tuple[tuple[int, int], int, str]] = []  # ((-steps, container), -distance, code)
        for code in codes:
            lineage = gaz.ancestors(code, year)
            best: tuple[tuple[int, int], int] | None = None
            for other, where in context:
                if other == code:
                    continue
                if other in lineage:
                    # the context names a place containing the candidate: the nearer its parent, the stronger
                    strength = (-(lineage.index(other) + 1), 1)
                else:
                    # a neighbour (another district of the same city, a city of the same province)
                    others = gaz.ancestors(other, year)
                    shared = next((step for step, a in enumerate(lineage, 1) if a in others), None)
                    if shared is None:
                        continue
                    strength = (-shared, 0)
                candidate = (strength, -abs(where - position))
                if best is None or candidate > best:
                    best = candidate
            if best is not None:
                scored.append((best[0], best[1], code))
        if scored:
            top = max(s for s, _, _ in scored)
            tied = [(d, c) for s, d, c in scored if s == top]
            nearest = max(d for d, _ in tied)
            winners = sorted(c for d, c in tied if d == nearest)
            # the same support for several (江苏 for 南京's and 徐州's 鼓楼区): only their common ancestor is certain
            return winners if len(winners) == 1 else sorted(c for _, c in tied)
        # no context: a province short form beats a prefecture of the same short name (吉林, 海南)
        levels = sorted((gaz.division(c, year).level, c) for c in codes)
        if levels[0][0] == 1 and levels[1][0] > 1:
            return [levels[0][1]]
        return list(codes)

    # -- setting vs passing mention --------------------------------------------------------------

    def _classify(self, item: Item, fields: list[_Field], resolved: list[tuple[Mention, str]],
                  year: int | None, abroad: bool = False) -> tuple[tuple[RegionTag, ...], tuple[RegionTag, ...]]:
        gaz = self.gazetteer
        headline = [(m, c) for m, c in resolved if m.field in ("kicker", "title", "subtitle")]
        # a reader's signature ("河南郑州 读者 李明") says where the letter comes from, as a dateline does, and so does
        # the unit of a correspondent the lead credits (本报讯（黔南州总工会　刘明）)
        dateline = [(m, c) for m, c in resolved if m.field in ("dateline", "signature", "unit")]
        opening_field = f"paragraph:{_opening_index(item)}"  # after an editor's note, the story's own opening
        opening = [(m, c) for m, c in resolved if m.weight >= OPENING and (m.field == opening_field or m.field == "lead")]
        first_paragraph = [(m, c) for m, c in resolved if m.field == opening_field and m.weight < OPENING]
        headline_text = "".join(f.text for f in fields if f.name in ("kicker", "title", "subtitle"))
        opening_text = next((f.text[:40] for f in fields if f.name == opening_field), "")
        national = bool(_NATIONAL.search(headline_text) or _MANY_PLACES.search(headline_text)
                        or _NATIONAL.match(opening_text))
        # a national body (全总) acting is filed from where it sits; a nationwide meeting has a venue
        # (also when the reporter has it from one: 记者今天从全国总工会获悉，…)
        first_clause = re.split(r"[，,。；;]", opening_text, maxsplit=1)[0]
        national_body = bool(_NATIONAL_BODY_RE.search(headline_text) or _NATIONAL_BODY_RE.search(first_clause))

        def settled(pairs: list[tuple[Mention, str]]) -> list[str]:
            """Codes of the non-passing places, or of all when every one is passing (a company's home)."""
            firm = [c for m, c in pairs if not m.passing]
            return firm or [c for _, c in pairs]

        main: list[str] = []
        # a headline naming only where people come from (在沪新疆籍职工, 四川籍农民工) leaves the setting to the opening;
        # a company's home stays a headline place (it may be all there is)
        head_codes = settled([(m, c) for m, c in headline if not m.passing or m.company])
        counted = bool(_COUNTED_PLACES.search(headline_text) or _PAIRED_HEADLINE.search(headline_text))
        if head_codes:
            main = list(head_codes)
            # a province in the headline is refined by its own places in the opening (山西 -> 和顺、壶关); so is
            # any headline place whose headline sends it somewhere (凉山州总工会“送清凉”进…工地 -> 宁南县)
            refined = [h for h in head_codes if not any(o != h and gaz.is_within(o, h, year) for o in head_codes)]
            if not _GOES_TO.search(headline_text):
                refined = [h for h in refined if gaz.division(h, year).level == 1]
            # (not by the dateline, where a province-wide story is filed from, nor by the venue of the
            # province's own meeting: 江苏省…表彰大会在南京举行)
            # (nor by the home of a company named there: the first line of a list of honoured units)
            # the body acting in the opening: the first one it names (福州市总工会干部…帮助福清市总工会: 福州)
            bodies = [m for m, _ in opening if _ORG_AFTER.match(_field_text(fields, m), m.end)]
            acting = min(bodies, key=lambda m: m.position) if bodies else None
            for m, code in opening:
                if m.passing or (self._venue(fields, m, resolved) and self._named_before(fields, m, resolved, refined)):
                    continue
                # any headline place is refined by the body acting in the opening when that body is a division
                # inside it (鹤岗：… 鹤岗市向阳区总工会在… -> 向阳区; not 福州市总工会 … 在福清市, a place it went to),
                # and by a division the opening writes right after it, as its part (柳州：… 在广西柳州市柳南区… ->
                # 柳南区; 威海：… 山东威海环翠区… -> 环翠区): the scene of the opening, however the sentence goes on
                within = head_codes if m is acting or m.chained_to else refined
                if any(code != h and gaz.is_within(code, h, year) for h in within):
                    main.append(code)
                elif counted and not self._venue(fields, m, resolved):
                    main.append(code)  # one of the counted parties (四川省凉山州…总工会 beside 浙江省总工会)
                elif m is acting and not any(gaz.is_within(h, code, year) for h in head_codes):
                    # the body the opening starts with, from a place apart from the headline's (深圳市总工会与喀什地区
                    # 总工会签订… under a 疏附县 headline; 合肥市总工会组织的…疗休养团前往黄山 under 前往黄山): the
                    # sender or partner acts, its place is where the story happens too (twenty-sixth round)
                    main.append(code)
        else:
            # 全总… filed from 北京 is not about 北京: the dateline is only where it was filed; a nationwide
            # meeting (全国…推进会) keeps its dateline, the venue
            # (a story set abroad, 在老挝首都万象…, is filed from home: the dateline is only where it was filed)
            date_codes = [] if national_body or abroad else [c for m, c in dateline if not m.passing]
            # a nationwide meeting held somewhere (…推进会在浙江杭州召开) has its venue as its place; a story set
            # abroad has only a Chinese place its opening names outright (not 来自昆明的司机: an origin)
            open_codes = settled([(m, c) for m, c in opening if self._venue(fields, m, resolved)]) if (
                national and not national_body) else [] if national else [
                c for m, c in opening if not m.passing] if abroad else settled(opening)
            if open_codes and date_codes and not any(
                    gaz.is_within(o, d, year) or gaz.is_within(d, o, year) for o in open_codes for d in date_codes):
                date_codes = []  # 本报广州…电 about a story elsewhere: the dateline is only where it was filed
            # (记者从辽宁省总工会获悉 reads the body as a source, so the mention may be marked passing)
            provincial = [c for m, c in opening if gaz.division(c, year).level == 1
                          and _ORG_AFTER.match(_field_text(fields, m), m.end)]
            if provincial and date_codes and all(any(gaz.is_within(d, p, year) for p in provincial)
                                                 for d in date_codes):
                # 本报沈阳…电 记者从辽宁省总工会获悉：全省…: a province's own body speaks for the province, filed
                # from its seat; the dateline city is not the setting
                date_codes = []
            main = date_codes + open_codes
            honoured = self._honours_list(item, resolved, year)
            if honoured:
                # a list of honoured people with their units: the units' homes are spread over the place the
                # list is about (合肥, 马鞍山 … in 安徽): their common ancestor, not the first line's city
                main = honoured
            if item.kind == "photo" and not national:
                # a photo group (图①：11月20日，在黑龙江哈尔滨… 图②：…): each numbered caption sets its own
                # scene, the first one no more than the others
                main = self._numbered_scenes(fields, resolved) or main
            if main and not honoured:
                # a short opening (9月的沈阳,秋意渐浓。) is made precise by the rest of its paragraph (铁西区), and a
                # province by a company's home inside it (新疆…国网伊犁供电公司 → 伊犁)
                main += [c for m, c in first_paragraph + opening if (not m.passing or m.company) and any(
                    c != s and gaz.is_within(c, s, year) for s in main)]
            # a story set abroad (在北非阿尔及利亚的一处工地上) takes none of the places the fallbacks below find: the
            # homes of its people, bodies or companies are not where it happens (fourteenth round)
            nowhere = national or abroad
            if not main and not nowhere:
                # a photo group (①9月26日，在黑龙江省五常市… ②…): each numbered caption sets its own scene
                main = self._numbered_scenes(fields, resolved)
            if not main and not nowhere:
                # no place up front: an organisation named in the body (徐州市总工会) is the subject
                main = [c for m, c in resolved if not m.passing and _ORG_AFTER.match(_field_text(fields, m), m.end)]
            if not main and not nowhere:
                # nor that: the city in a company's name (中车株洲电力机车有限公司) is where the story happens
                main = [c for m, c in resolved if m.company and gaz.division(c, year).level >= 2]
            if not main and not nowhere:
                # nothing at all but where the people of the headline come from: that is all the item says
                main = [c for _, c in headline]
        if not national_body and (_COUNTED_PLACES.search(headline_text) or _MANY_PLACES.search(headline_text)):
            # a report from several places (…三省…调查, 多地…综述) that names them up front (记者近日在河南、安徽、四川三省
            # 采访; 在江苏、山东、广西等地) and whose paragraphs each open on one of them (在河南省固始县，…; 广西玉林市
            # 总工会则…): each such paragraph is reported from its place, a setting of the report (thirty-second round)
            main += self._paragraph_scenes(item, resolved, year)
        if main and not national_body:
            # the places the reporter visited, listed up front (记者近期在河北省唐山市、邯郸市走访): each a setting
            main += self._visited(fields, resolved, opening_field, year)
        if main:
            # a place the text says the item's subject lies in (位于宝清县境内的八五二农场, 地处…): it makes a setting
            # containing it precise, wherever it is written (twenty-sixth round)
            main += [c for m, c in resolved if not m.passing and _lies_in(fields, m, resolved) and any(
                c != s and gaz.is_within(c, s, year) for s in main)]
        if main and not national:
            main += self._trip_ends_acting(item, fields, resolved, main, opening_field, year)
        main_codes = _most_specific(gaz, main, year)

        evidence: dict[str, list[Mention]] = {}
        for m, code in resolved:
            evidence.setdefault(code, []).append(m)
        regions = [self._tag(code, evidence, main_codes, year) for code in main_codes]
        mentioned_all = [c for c in evidence if c not in main_codes and not any(
            gaz.is_within(mc, c, year) for mc in main_codes)]
        mentioned_codes = _most_specific(gaz, mentioned_all, year)
        mentioned = [self._tag(code, evidence, [code], year) for code in mentioned_codes]
        regions.sort(key=lambda t: (-t.score, t.region.code))
        mentioned.sort(key=lambda t: (-t.score, t.region.code))
        return tuple(regions), tuple(mentioned)

    def _trip_ends_acting(self, item: Item, fields: list[_Field], resolved: list[tuple[Mention, str]],
                          main: list[str], opening_field: str, year: int | None) -> list[str]:
        """The other end of a trip whose place's own body acts in the item: a place the headline or the opening names
        as where a trip starts or goes (从贵州铜仁出发, 前往福建晋江, 开到苏州), apart from the settings found, is a
        setting too when its own union or government is named (铜仁市总工会 对接, 晋江市总工会 设立): both ends of a
        labour-export or return-to-work trip are where the story happens; so is where the item's people worked
        (曾在陕西省安康市一家矿山企业打工: _WORKED_THERE_AFTER) when its own union acts. An origin whose own body does not act
        (从四川来的农民工) stays an origin, and so does the destination of a visit to learn (赴山东烟台学习…经验, whose
        烟台市总工会 only briefs the visitors)."""
        gaz = self.gazetteer
        acting = {c for m, c in resolved if not m.company and _ORG_AFTER.match(_field_text(fields, m), m.end)}
        if not acting:
            return []
        out: list[str] = []
        for m, code in resolved:
            if m.field not in ("kicker", "title", "subtitle", "lead", opening_field) or m.company:
                continue
            if code in out or any(gaz.is_within(code, s, year) or gaz.is_within(s, code, year) for s in main):
                continue
            if not any(gaz.is_within(a, code, year) and gaz.division(a, year).level
                       <= gaz.division(code, year).level + 1 for a in acting):
                continue
            text = _field_text(fields, m)
            chain_start, end = m.start, m.end
            for other, _ in sorted(resolved, key=lambda pair: -pair[0].start):
                if other.field == m.field and other.end == chain_start:
                    chain_start = other.start
            if text[max(0, chain_start - 3):chain_start].endswith(_TRIP_BEFORE) and _STUDY_AFTER.match(text, end):
                continue  # a study visit's hosts: a destination, whoever briefs the visitors there
            if text[max(0, chain_start - 3):chain_start].endswith(_TRIP_BEFORE) or text.startswith("出发", end):
                out.append(code)
            elif text.endswith("在", 0, chain_start) and _WORKED_THERE_AFTER.match(text, end):
                out.append(code)  # 曾在陕西省安康市一家矿山企业打工, 在新疆昌吉州的摘棉工作: where they worked
        return out

    def _visited(self, fields: list[_Field], resolved: list[tuple[Mention, str]], opening_field: str,
                 year: int | None) -> list[str]:
        """The places of a reporter's visit list (``_VISITED_AT``, ``_VISITED_AFTER``) in the reading tip or the
        opening: the codes of the names inside the list, when the sentence's subject is the reporter (记者 before the
        list) and the list names two places or more of which neither holds the other (河北省唐山市 is one place)."""
        out: list[str] = []
        for fld in fields:
            if fld.name not in ("reading_tip", "lead", opening_field):
                continue
            for pattern in (_VISITED_AT, _VISITED_AFTER):
                for match in pattern.finditer(fld.text):
                    sentence_start = max(fld.text.rfind(mark, 0, match.start()) for mark in _SENTENCE_END) + 1
                    if "记者" not in fld.text[sentence_start:match.start() + 1]:
                        continue
                    inside = [(m, c) for m, c in resolved if m.field == fld.name
                              and match.start(1) <= m.start < match.end(1) and not m.company]
                    if not any(m.start == match.start(1) for m, _ in inside):
                        continue  # the list opens on a place (not 采访了来自周口、商丘等地的司机: where people come from)
                    codes = {c for _, c in inside}
                    leaves = [c for c in codes if not any(o != c and self.gazetteer.is_within(o, c, year)
                                                          for o in codes)]
                    if len(leaves) < 2:
                        continue
                    out += [c for _, c in inside if c not in out]
        return out

    @staticmethod
    def _venue(fields: list[_Field], mention: Mention, resolved: list[tuple[Mention, str]]) -> bool:
        """True when the mention names where something is held (…在浙江杭州召开): the meeting verb follows it,
        directly or after the names inside it (浙江 → 杭州 → 召开)."""
        text = _field_text(fields, mention)
        end = mention.end
        chained = {m.start: m.end for m, _ in resolved if m.field == mention.field}
        while end in chained:
            end = chained[end]
        return _VENUE_AFTER.match(text, end) is not None

    @staticmethod
    def _named_before(fields: list[_Field], mention: Mention, resolved: list[tuple[Mention, str]],
                      codes: list[str]) -> bool:
        """True when one of ``codes`` is named earlier in the mention's sentence, apart from the names it
        directly follows (江苏省庆祝…大会在南京举行; not …年会在贵州省毕节市召开)."""
        text = _field_text(fields, mention)
        sentence_start = max(text.rfind(mark, 0, mention.start) for mark in _SENTENCE_END) + 1
        chain_start = mention.start
        for m, _ in sorted(resolved, key=lambda pair: -pair[0].start):
            if m.field == mention.field and m.end == chain_start:
                chain_start = m.start
        return any(m.field == mention.field and sentence_start <= m.start and m.end < chain_start and c in codes
                   for m, c in resolved)

    def _honours_list(self, item: Item, resolved: list[tuple[Mention, str]], year: int | None) -> list[str]:
        """The nearest division containing every place named in a list of honoured people and their units
        (each paragraph "name　unit"), when at least two paragraphs are such lines and name places."""
        lines = [f"paragraph:{i}" for i, text in enumerate(item.paragraphs) if _HONOURS_LINE.match(text)]
        if len(lines) < 2 or len(lines) < len(item.paragraphs) - 1:
            return []
        codes = [c for m, c in resolved if m.field in lines]
        if len({m.field for m, _ in resolved if m.field in lines}) < 2:
            return []
        common = _common_ancestor([(c, *self.gazetteer.ancestors(c, year)) for c in codes])
        return [common] if common else []

    def _paragraph_scenes(self, item: Item, resolved: list[tuple[Mention, str]], year: int | None) -> list[str]:
        """The places a report from several places is reported from, paragraph by paragraph (see the function
        ``_paragraph_scenes``): the places up front are those the headline, the reading tip or the opening paragraph
        names, passing or not (在江苏、山东、广西等地采访 lists where the report was made); a report naming none there
        (记者在多地采访) has no frame its paragraphs' places could be read in."""
        gaz = self.gazetteer
        opening_field = f"paragraph:{_opening_index(item)}"
        frame = {c for m, c in resolved if m.field in ("kicker", "title", "subtitle", "reading_tip", opening_field)}
        if not frame:
            return []
        inside = {c for _, c in resolved if any(gaz.is_within(c, f, year) for f in frame)}
        return _paragraph_scenes(item, resolved, inside)

    @staticmethod
    def _numbered_scenes(fields: list[_Field], resolved: list[tuple[Mention, str]]) -> list[str]:
        """The places of the first sentence of each numbered paragraph (①…, ②…), when at least two are
        numbered: a photo group's captions, each at its own place."""
        numbered = {f.name: _opening_end(f.text) for f in fields
                    if f.name.startswith(("paragraph:", "caption:")) and _NUMBERED.match(f.text)}
        if len(numbered) < 2:
            return []
        return [c for m, c in resolved if m.field in numbered and m.start < numbered[m.field] and not m.passing]

    def _tag(self, code: str, evidence: dict[str, list[Mention]], group: list[str], year: int | None) -> RegionTag:
        """A RegionTag with the evidence of the code itself and of its ancestors named in the item."""
        gaz = self.gazetteer
        related = [m for c, ms in evidence.items() if gaz.is_within(code, c, year) for m in ms]
        related.sort(key=lambda m: (_field_order(m.field), m.start))
        score = sum(m.weight * (0.5 if m.passing else 1.0) for m in related)
        return RegionTag(
            region=self._as_written_in_change_year(code, related, year),
            evidence=tuple(Evidence(text=m.text, field=m.field, offset=m.start) for m in related[:8]),
            score=round(score, 3),
        )


    def _as_written_in_change_year(self, code: str, related: list[Mention], year: int | None) -> Region:
        """The region of ``code`` named as the item writes it when the page was printed in the year of a rename.

        The gazetteer has years, not months: 襄樊市 became 襄阳市 in December 2010 and the data holds 襄阳市 for all
        of 2010, so a page of September 2010 that writes 湖北省襄樊市 is read (by :meth:`Gazetteer.forms_in`) as the
        division it named the year before, but named by the year's row. A full name written for this code or one
        above it that was no longer in force that year and was the year before says which name the page knew:
        that level keeps it (rule 44), unless the item writes the year's name too (襄阳市… 原襄樊市正式更名为襄阳市:
        the page knows the new one)."""
        gaz = self.gazetteer
        region = gaz.region(code, year)
        if year is None or year - 1 < FIRST_YEAR:
            return region
        lineage = {code, *gaz.ancestors(code, year)}
        levels: dict[str, str] = {}
        current: set[str] = set()  # codes the item also names by a name in force that year (襄阳市…原襄樊市)
        for m in related:
            for form in gaz.forms(m.text):
                row = form.division
                if row.code not in lineage or row.level not in (1, 2, 3):
                    continue
                if row.valid_in(year):
                    current.add(row.code)
                elif (form.kind == "full" and row.valid_in(year - 1)
                        and not any(f.division.valid_in(year) for f in gaz.forms(m.text))):
                    levels[row.code] = row.name
        named = {("province", "prefecture", "county")[gaz.division(c, year).level - 1]: name
                 for c, name in levels.items() if c not in current}
        if not named or any(getattr(region, level) is None for level in named):
            return region
        return replace(region, **named)



# -- helpers ------------------------------------------------------------------------------------

def _paragraph_scenes(item: Item, resolved: list[tuple[Mention, str]], up_front: Collection[str]) -> list[str]:
    """The places the paragraphs after the opening one open on (在河南省固始县，…; 安徽省临泉县总工会则…), each inside a
    place of ``up_front``: a paragraph's first name, at its start or after 在, and the names written right after it as
    its parts (the most specific is the scene); only when at least two paragraphs open on such places (one is an
    example, a background, not a report from several places), and never a passing name (来自…, 等地)."""
    opening = _opening_index(item)
    firsts: dict[str, list[tuple[Mention, str]]] = {}
    for m, code in resolved:
        kind, _, index = m.field.partition(":")
        if kind == "paragraph" and int(index) > opening:
            firsts.setdefault(m.field, []).append((m, code))
    scenes: list[str] = []
    for field, pairs in firsts.items():
        pairs.sort(key=lambda pair: pair[0].start)
        first, code = pairs[0]
        text = item.paragraphs[int(field.partition(":")[2])]
        if first.passing or text[:first.start] not in ("", "在"):
            continue
        end = first.end
        for m, other in pairs[1:]:
            if m.start != end or not m.chained_to:
                break
            code, end = other, m.end
        if code not in scenes and code in up_front:
            scenes.append(code)
    return scenes if len(scenes) >= 2 else []


TOWNS_FILE = "towns.tsv"  # every 镇, 乡 and 街道 with the counties holding one of that name (rule 54)


_TOWNS_HEADER = "name\tcounties\n"


@functools.cache
def _towns() -> tuple[list[str], ahocorasick_rs.AhoCorasick]:
    """The packaged towns' county codes (comma-separated, in the order of their names) and an automaton finding the
    names (leftmost longest). The table is cut in one pass (a tuple per row cost 30k small objects at every start)."""
    text = resources.files("archive_gen.tagging").joinpath("data", TOWNS_FILE).read_text(encoding="utf-8")
    body = text[text.index(_TOWNS_HEADER) + len(_TOWNS_HEADER):].rstrip("\n")
    cells = body.replace("\n", "\t").split("\t")
    automaton = ahocorasick_rs.AhoCorasick(cells[0::2], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return cells[1::2], automaton


def _head_and_opening(item: Item, fields: list[_Field]) -> list[_Field]:
    """The fields a setting of last resort reads: the headline, the lead and the story's opening paragraph."""
    opening_field = f"paragraph:{_opening_index(item)}"
    return [fld for fld in fields if fld.name in ("kicker", "title", "subtitle", "lead", opening_field)]


def _in_force(gaz: Gazetteer, code: str, year: int | None) -> bool:
    """True when the gazetteer holds the county ``code`` in ``year`` (a town's county may be newer than the page)."""
    try:
        return gaz.division(code, year).valid_in(year)
    except KeyError:
        return False


def _needs_ancestor(form: NameForm) -> bool:
    """Two-character names (和县, 城区) and generic ones (市中区, 新城区) read as ordinary words unless they
    follow an ancestor (安徽和县, 汕尾城区)."""
    if form.kind != "full" or form.division.level == 1:
        return False  # short forms have their own rule; a configured alias is trusted as written
    stem = form.text[:-1]
    return len(form.text) <= 2 or all(ch in _GENERIC_STEM_CHARS for ch in stem)


def _weight_at(fld: _Field, start: int) -> float:
    """The weight of the field's part where ``start`` lies (BODY past its last step)."""
    # a loop, not next() over a generator: 0.1 µs against 0.5, for every mention
    for until, weight in fld.weight_at:
        if start < until:
            return weight
    return BODY


def _one_code(candidates: tuple[Division, ...]) -> bool:
    """True when the candidates are one division (maybe as rows of several years)."""
    # one candidate, the common case, needs no set of codes
    return len(candidates) == 1 or len({d.code for d in candidates}) == 1


def _han(text: str) -> bool:
    """True when ``text`` is one Chinese character (a word may run into the name after it)."""
    return len(text) == 1 and "\u4e00" <= text <= "\u9fff"


def _opening_end(text: str) -> int:
    """End of the first sentence, ignoring sentence marks inside quotations (“…。”); a paragraph opening with a
    quotation (“3号楼楼道里堆放了杂物。”12月5日，快递员…上报。在江苏南通…) sets its scene one sentence later, so
    its opening runs one sentence further."""
    end = _sentence_end(text, 0)
    if text.startswith(("“", "「", "『")) and end < len(text):
        end = _sentence_end(text, end)
    return end


def _sentence_end(text: str, start: int) -> int:
    """End of the sentence from ``start``: after the first sentence mark outside quotation marks."""
    depth = 0
    # only quotation and sentence marks change anything: the regex skips every other character in compiled code
    for found in _SENTENCE_OR_QUOTE.finditer(text, start):
        ch = found.group()
        if ch in "“「『":
            depth += 1
        elif ch in "”」』":
            depth = max(0, depth - 1)
        elif depth == 0:
            return found.end()
    return len(text)


def _year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def _opening_index(item: Item) -> int:
    """Index of the paragraph the story opens with: the first, or the one after an editor's note
    (编者按：…) printed as the first paragraph."""
    if len(item.paragraphs) > 1 and _EDITOR_NOTE.match(item.paragraphs[0]):
        return 1
    return 0


def _fields(item: Item) -> list[_Field]:
    """The texts to scan, each with the weight of its parts (the opening sentence weighs more) and its
    offset when the fields are read one after another."""
    raw: list[tuple[str, str, tuple[tuple[int, float], ...]]] = []
    for name in ("kicker", "title", "subtitle"):
        text = getattr(item, name)
        if text:
            raw.append((name, text, ((len(text), HEADLINE),)))
    place = dateline_place(item)
    if place:
        raw.append(("dateline", place, ((len(place), DATELINE),)))
    signed = signature_place(item)
    if signed:
        raw.append(("signature", signed, ((len(signed), DATELINE),)))
    unit = lead_unit(item)
    if unit:
        raw.append(("unit", unit, ((len(unit), DATELINE),)))
    opening = _opening_index(item)
    for index, text in enumerate(item.paragraphs):
        if index == opening:
            cut = _opening_end(text)
            raw.append((f"paragraph:{index}", text, ((cut, OPENING), (len(text), FIRST_PARAGRAPH))))
        elif index < opening:  # the editor's note: it introduces the story, it does not open it
            raw.append((f"paragraph:{index}", text, ((len(text), FIRST_PARAGRAPH),)))
        else:
            raw.append((f"paragraph:{index}", text, ((len(text), BODY),)))
    for index, crosshead in enumerate(item.crossheads):
        raw.append((f"crosshead:{index}", crosshead.text, ((len(crosshead.text), BODY),)))
    for index, caption in enumerate(item.captions):
        raw.append((f"caption:{index}", caption.text, ((len(caption.text), BODY),)))
    if item.reading_tip:
        raw.append(("reading_tip", item.reading_tip, ((len(item.reading_tip), BODY),)))
    out: list[_Field] = []
    base = 0
    for name, text, weights in raw:
        out.append(_Field(name, text, weights, base))
        base += len(text) + 1
    return out


@functools.cache
def _abroad_names() -> re.Pattern[str]:
    """Every name of data/abroad.txt in one alternation, longest first, right after the last character of a word of
    setting a scene (group 1; the compiled search only tries the names there)."""
    text = resources.files("archive_gen.tagging").joinpath("data", ABROAD_FILE).read_text(encoding="utf-8")
    names = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    lasts = "".join(sorted({word[-1] for word in _SCENE_BEFORE}))
    return re.compile(f"[{lasts}](" + "|".join(map(re.escape, sorted(names, key=lambda n: (-len(n), n)))) + ")")


def _set_abroad(fields: list[_Field], boundaries: list[tuple[Offsets, Offsets]], opening_field: str) -> bool:
    """True when the headline or the opening sentence sets the story in a place outside China: a country or world
    region (data/abroad.txt) on token boundaries right after a word of setting a scene (在老挝首都万象…, 在北非阿尔及利亚
    的一处工地上, 赴非洲). Goods sold there (销往老挝) or people from there (来自韩国) are not a scene."""
    names = _abroad_names()
    for fld, (starts, ends) in zip(fields, boundaries, strict=True):
        if fld.name == opening_field:
            limit = fld.weight_at[0][0]  # the opening sentence
        elif fld.name in ("kicker", "title", "subtitle"):
            limit = len(fld.text)
        else:
            continue
        for found in names.finditer(fld.text, 0, limit):
            start, end = found.span(1)
            if start in starts and end in ends and fld.text.endswith(_SCENE_BEFORE, 0, start):
                return True
    return False


def _facility(text: str, end: int, ends: Collection[int]) -> bool:
    """True when the name ending at ``end`` starts a token that is the name of its port or station (青岛港,
    杭州东站): the token runs on to a facility suffix and ends there."""
    if text[end:end + 1] not in _FACILITY_FIRST:
        return False
    return any(text.startswith(suffix, end) and end + len(suffix) in ends for suffix in _FACILITY_SUFFIXES)


_LIES_IN_BEFORE = ("位于", "地处")


def _lies_in(fields: list[_Field], mention: Mention, resolved: list[tuple[Mention, str]]) -> bool:
    """True when 位于 or 地处 comes right before the mention or the names it hangs under (位于黑龙江宝清县)."""
    text = _field_text(fields, mention)
    if not any(word in text for word in _LIES_IN_BEFORE):
        return False  # most fields say neither: no walk over the item's mentions for each of its mentions
    start = mention.start
    for other, _ in sorted(resolved, key=lambda pair: -pair[0].start):
        if other.field == mention.field and other.end == start:
            start = other.start
    return text.endswith(_LIES_IN_BEFORE, 0, start)


def _org_token(text: str, end: int, starts: Collection[int], ends: Collection[int]) -> bool:
    """True when the name starts one token that is the name of a company or enterprise (大庆石油管理局, 一个 word of
    jieba's dictionary): the token runs on to an organisation's suffix and ends there, so the name is the company's
    home (a company mention, _COMPANY_AFTER / _ORG_TOKEN; twenty-sixth round)."""
    found = _ORG_TOKEN.match(text, end)
    return (found is not None and found.end() in ends
            and not any(at in starts for at in range(end, found.end())))


def _works_token(text: str, end: int, starts: Collection[int], ends: Collection[int]) -> bool:
    """True when the name ending at ``end`` starts one token that is a works' name (青铜峡铝厂, 德兴铜矿: one word each
    of jieba's dictionary): the token runs on through _WORKS_AFTER and ends there (rule 101)."""
    found = _WORKS_AFTER.match(text, end)
    return (found is not None and found.end() in ends
            and not any(at in starts for at in range(end, found.end())))


def _institution_token(text: str, end: int, ends: Collection[int]) -> bool:
    """True when the name ending at ``end`` opens one token that is an institution's name (深圳市中级人民法院, 广州市
    卫生局: one word each of jieba's dictionary): the rest of that token, to its end, is an institution's name
    (_INSTITUTION_TAIL), so the place is the institution's (thirtieth round; the caller keeps full names only)."""
    for close in range(end + 1, min(len(text), end + 12) + 1):
        if close in ends:
            return _INSTITUTION_TAIL.fullmatch(text, end, close) is not None
    return False


def _suffix_in_body(text: str, start: int, end: int, starts: Collection[int], ends: Collection[int]) -> bool:
    """True when the name's level character opens the token of its own body (和|县总工会, 和|县委): the segmenter
    gave the suffix to the body's word (县总工会 is one word of its dictionary) when the name's first character is a
    common word (和), so the name ends inside that token; the body's word starts at the suffix and ends a token."""
    if end - start < 2 or text[end - 1] not in _LEVEL_SUFFIXES or end - 1 not in starts:
        return False
    body = _TWO_CHAR_ORG.match(text, end)
    return body is not None and body.end() in ends


def _body_of_another_level(text: str, end: int, form: NameForm) -> bool:
    """True when a level character and a union follow the short form ``form`` (会同|市总工会) and the level is not
    that of its own division (会同县): no name of it, but a word before the item's own body (see
    ``_LEVEL_BODY_AFTER``)."""
    body = _LEVEL_BODY_AFTER.match(text, end)
    return body is not None and body.group(1) != form.division.name[-1]


def _origin_after(text: str, end: int) -> bool:
    """True when what follows a name makes it someone's home (四川籍, 周口人)."""
    return text.startswith(_PASSING_AFTER, end) or _PERSON_AFTER.match(text, end) is not None


def _in_place_slot(fld: _Field, start: int, end: int) -> bool:
    """True when the text around a name makes it a place whatever its form: a dateline or signature, a
    headline opening with it ("昆山：…"), or a name a branch, office, port or station is named after
    (莱芜分公司, 伊犁供电公司, 日照港)."""
    if fld.name in ("dateline", "signature"):
        return True
    if fld.name in ("kicker", "title", "subtitle") and start == 0 and fld.text[end:end + 1] in _HEADLINE_PLACE_MARKS:
        return end < len(fld.text)
    if _SLOT_AFTER.match(fld.text, end) is not None or _WORKPLACE_AFTER.match(fld.text, end) is not None:
        return True
    if fld.text.endswith("在", 0, start) and _WORK_THERE_AFTER.match(fld.text, end) is not None:
        return True
    # a subsidiary named after its place (攀钢集团西昌钢钒公司, 山钢集团莱芜分公司)
    return fld.text.endswith("集团", 0, start) and _COMPANY_AFTER.match(fld.text, end) is not None


def _boundaries(segmented: Segmented, name: str) -> tuple[Offsets, Offsets]:
    """Token start and end offsets of one field (empty when the item has no such text)."""
    found = segmented.field(name)
    return (found.starts, found.ends) if found else ((), ())


def _field_text(fields: list[_Field], mention: Mention) -> str:
    return next((f.text for f in fields if f.name == mention.field), "")


@functools.cache  # a pure function of a few hundred distinct names, asked for every evidence sort
def _field_order(name: str) -> tuple[int, int]:
    rank = {"kicker": 0, "title": 1, "subtitle": 2, "dateline": 3}
    if name in rank:
        return (rank[name], 0)
    kind, _, index = name.partition(":")
    return ({"paragraph": 4, "crosshead": 5, "caption": 6}.get(kind, 7), int(index) if index.isdigit() else 0)


def _common_ancestor(lineages: list[tuple[str, ...]]) -> str | None:
    """The nearest code shared by every lineage (each nearest-first), or None."""
    shared = set(lineages[0]).intersection(*map(set, lineages[1:]))
    return next((code for code in lineages[0] if code in shared), None)


def _most_specific(gaz: Gazetteer, codes: list[str], year: int | None) -> list[str]:
    """Distinct codes in first-seen order, without those that contain another one (浙江省 under 金华市)."""
    unique = list(dict.fromkeys(codes))
    return [c for c in unique if not any(o != c and gaz.is_within(o, c, year) for o in unique)]


def _closes_list(text: str, end: int) -> bool:
    """True when what follows a name closes a list of examples (等地) or of the places delegates came from
    (香港、澳门工会代表参加)."""
    return _EXAMPLES_AFTER.match(text, end) is not None or _DELEGATES_AFTER.match(text, end) is not None


def _mark_examples(text: str, found: list[Mention]) -> list[Mention]:
    """The mentions with a list closed by 等地 (走进南京、无锡等地的职业院校) marked as passing: examples of a
    wider reach; so are the places a meeting's delegates came from (香港、澳门工会代表参加: guests, not settings)."""
    if ("等" not in text and "代表" not in text) or not any(_closes_list(text, m.end) for m in found):
        return found
    out = list(found)
    for index in range(len(out) - 1, -1, -1):
        if not _closes_list(text, out[index].end):
            continue
        k = index
        while True:
            out[k] = replace(out[k], passing=True)
            gap = text[out[k - 1].end:out[k].start] if k > 0 else ""
            if k == 0 or not (gap == "" or (len(gap) == 1 and gap in _LIST_SEPARATORS)):
                break
            k -= 1
    return out


def _without_sar_parts(resolved: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """``resolved`` without the mainland counties read from a short form that names a part of a SAR the item names
    (``_SAR_PARTS``): 香港工联会…在九龙一处建筑工地 is in 香港, not 四川's 九龙县."""
    sars = {c for _, c in resolved if c in _SAR_PARTS}
    if not sars:
        return resolved  # nearly every item
    parts = frozenset().union(*(_SAR_PARTS[c] for c in sars))
    return [(m, c) for m, c in resolved
            if c in sars or m.full or m.chained_to or m.text not in parts]
