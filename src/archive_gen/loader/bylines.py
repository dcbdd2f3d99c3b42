"""Credits: run-in leads ("本报讯(记者…)"), byline lines, photo credits, signatures and the names in them.

Every function here is pure and works on one string. Names are returned as printed ("刘　芳" and the
padded "刘  洋" stay one name each, "阿依努尔·吐尔洪" too), and every name keeps the role word printed
before it ("见习记者", "本报通讯员"): ``Credits.roles``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..model import Byline, BylineRole, Dateline
from ..patterns import lazy_compile

HAN = "\u3400-\u9fff"
_SPACE = " \u3000\u00a0\t"
_GAP = f"[{_SPACE}]"
# the paper or agency a role is printed with ("工人日报—中工网记者", "工人日报—中工网通讯员", "新华社记者")
_PAPER = r"(?:工人日报[—－-]{1,2}中工网|本报|新华社|人民日报|中新社|工人日报|央视|经济日报|光明日报|" \
         rf"{'|'.join('[' + HAN + ']{2,6}' + end for end in ('工人日报', '工人报', '日报', '晚报', '午报', '工报'))})"
# any other paper by the end of its name ("楚天工人报记者", "江城晚报讯"): its own name opens a lead as 本报 does
_PAPER_NAME = rf"[{HAN}]{{2,6}}(?:工人日报|工人报|日报|晚报|午报|工报)"
# role words, longest first so that "本报通讯员" is not read as "本报" + "通讯员"; the medium is part of the
# role too ("本报全媒体记者", "融媒体记者")
# (a paper's 记者站 signs as its reporters do: "本报驻西湖记者站　吴　倩", "本报讯（大同记者站　刘建军）")
_ROLE = (rf"(?:(?:{_PAPER}?驻[\u4e00-\u9fff]{{1,5}}|[\u4e00-\u9fff]{{2,4}}?)记者站"
         rf"|{_PAPER}?(?:驻[\u4e00-\u9fff]{{1,5}})?(?:特约|见习|实习|首席)?(?:全媒体|融媒体|融媒|新媒体)?(?:摄影)?记者"
         rf"|{_PAPER}?(?:特约)?通讯员|{_PAPER}?实习生|{_PAPER}?(?:特约)?评论员|特约撰稿人|(?:特约)?摄影|(?:文|图|摄)[/／｜|])")
_ROLE_RE = lazy_compile(_ROLE)
# a name: 2-4 characters; a two-character name padded to three with spaces ("刘  洋", "王　浩");
# a minority name with a middle dot ("阿依努尔·吐尔洪"); a padded name may be glued to the 摄 of a credit
# ("（刘　坤摄）"), the one character that may follow it
# (OCR reads that dot as a full stop: "阿不都.热合曼" — a "." between two runs of Han in a name is the dot)
_NAME = (rf"(?:[{HAN}]{{1,10}}(?:[·•・.][{HAN}]{{1,12}})+|[{HAN}]{_GAP}{{1,3}}[{HAN}](?:(?=摄)|(?![{HAN}]))"
         rf"|[{HAN}]{{2,4}})")
_NAMES = rf"{_NAME}(?:(?:{_GAP}+|[、,，]{_GAP}*){_NAME})*"
_NAME_CHUNK = lazy_compile(rf"[{HAN}·•・.]+")
_AUTHOR_MARK = "■□●◆○◇◎"
# what may follow the names of a credit: "报道", "摄影报道", "文/图", "整理", "采写"
_CREDIT_TAIL = lazy_compile(rf"{_GAP}*(?:摄影报道|报道|文[/／]图|整理|参与采写|采写)$")

# a lead's bracket naming the writer's unit, a gap and the writer ("本报讯（鹿鸣区总工会　黄晓敏）", a trade or a weekly
# paper's contributor from a 工会 or a works): a body known by the end of its name, then one person
_UNIT_WRITER = lazy_compile(rf"[{HAN}]{{1,14}}(?:总工会|工会|工委|公司|集团|[厂矿局段站处所校院]|委员会|中心)"
                            rf"{_GAP}+(?P<name>{_NAME})")
_LEAD_PLAIN = lazy_compile(
    rf"^(?P<lead>(?:本报讯|本报消息(?:[：:]|(?=[{_SPACE}(（]))|{_PAPER_NAME}讯|本报[{HAN}]{{2,4}}?讯(?=[{_SPACE}(（])|(?P<undated>本报[{HAN}]{{2,4}}?电)(?=[(（])|据(?:新华社|中新社)电|本报|(?P<agency>据?(?:新华社|中新社|中新网|新华网))(?=[{HAN}]{{1,8}}\d))"
    # (an undated placed 电 lead, "本报海口电（通讯员王平）", as papers printed them before the day went into the lead:
    # only before a bracketed credit, so "本报电视…" is no lead)
    # the place may be left out ("本报5月9日讯（记者…）": a dated lead of a provincial paper, dated and not placed)
    rf"(?:(?P<place>[{HAN}]{{0,8}}?)(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日(?:电|讯))?"
    rf"(?:{_GAP}*[(（](?P<paren>[^()（）\n]{{1,60}})[)）])?)")
# (the colon after 报道, when printed, is part of the lead: "本报讯　记者刘建民报道：…" does not open its text on "：")
_LEAD_REPORTED = lazy_compile(
    rf"^(?P<lead>本报讯{_GAP}*(?P<credit>{_ROLE}[{HAN}{_SPACE}·]{{1,40}}?(?:摄影)?报道)(?:[:：])?)")
# "本报江州2月7日电　记者籍晓彤、通讯员郁　帆报道：…": a dateline, then the credit unbracketed and closed by 报道
# (the colon after it, when printed, is part of the lead)
# (the date written in characters too, as older pages print it: "本报沈阳五月二日电　记者郑 钢报道：…")
_LEAD_DATED_REPORTED = lazy_compile(
    rf"^(?P<lead>本报(?P<place>[{HAN}]{{1,8}}?)(?:(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日"
    rf"|(?P<wmonth>十[一二]?|[一二三四五六七八九])月(?P<wday>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)"
    rf"(?:电|讯){_GAP}*"
    rf"(?P<credit>{_ROLE}[{HAN}{_SPACE}·、]{{1,40}}?(?:摄影)?报道)(?:[:：])?)")
# "本报讯　记者　陈晓岚　通讯员　黎志华　3月12日晚，…": roles and names parted by spaces, no brackets, no 报道;
# the text starts after the last gap
# (a dated lead too: "本报5月15日讯　通讯员　尤思远　5月14日，…")
# (a name there never opens with a role: in "记者白雪峰　通讯员张　涛　" the glued "通讯员张" is a role and the first
# half of a padded name, not a four-character name)
_LEAD_NAME = rf"(?!{_ROLE}){_NAME}"
_LEAD_NAMES = rf"{_LEAD_NAME}(?:(?:{_GAP}+|[、,，]{_GAP}*){_LEAD_NAME})*"
# (a dated 电 lead too, placed: "本报北京9月19日电　记者　何　芸　记者今天…" — 电 only after a date)
_LEAD_SPACED = lazy_compile(
    rf"^(?P<lead>本报(?:(?P<place>[{HAN}]{{2,4}}?)?(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日(?P<kind>讯|电)"
    rf"|(?:[{HAN}]{{2,4}}?)?讯){_GAP}+(?P<credit>{_ROLE}{_GAP}*{_LEAD_NAMES}(?:{_GAP}+{_ROLE}{_GAP}*{_LEAD_NAMES})*))(?={_GAP}+[^{_SPACE}])")

# the label of one picture of a 组图 in a credit line: "图①", "图②③"
_PICTURE_LABEL = r"图[①-⑳、]+"
# one credit segment of a photo credit: an optional agency/role, then names
_CREDIT_SEGMENT = rf"(?:(?:{_ROLE}|新华社|中新社){_GAP}*)?{_NAMES}"
_CREDIT_LINE = lazy_compile(
    rf"(?:(?:新华社|中新社|人民日报|本报)发{_GAP}*[(（]{_GAP}*{_CREDIT_SEGMENT}{_GAP}*摄{_GAP}*[)）]"
    rf"|[(（]{_GAP}*{_CREDIT_SEGMENT}{_GAP}*[/／]?{_GAP}*摄{_GAP}*[)）]"
    rf"|{_CREDIT_SEGMENT}(?:{_GAP}+{_CREDIT_SEGMENT})*{_GAP}*[/／]?{_GAP}*摄影?(?:{_GAP}*[(（][{HAN}]{{2,10}}[)）])?"
    # one credit per picture of a 组图: "图①　本报记者　严　冬　摄　图②　通讯员　郎　月　摄"
    rf"|(?:{_PICTURE_LABEL}{_GAP}*{_CREDIT_SEGMENT}(?:{_GAP}+{_CREDIT_SEGMENT})*{_GAP}*[/／]?{_GAP}*摄{_GAP}*)+"
    # the writer and the photographer of a photo story: "本报记者　包　容/文　通讯员　骆　峰/图"
    rf"|{_CREDIT_SEGMENT}{_GAP}*[/／]{_GAP}*文{_GAP}+{_CREDIT_SEGMENT}{_GAP}*[/／]{_GAP}*图)")
_CREDIT_ENDS = ("摄", "摄影", "/图", "／图")
# "（特约摄影　杜　鹃）", "（摄影：李　明）": a photographer credited in brackets with no 摄 at the end
_CREDIT_BRACKETED_ROLE = lazy_compile(rf"[(（]{_GAP}*(?:特约|本报)?摄影(?:记者)?{_GAP}*[:：]?{_GAP}*{_NAMES}{_GAP}*[)）]")
# "摄影/王　军（人民视觉）", "图/本报记者 吴海峰": the credit word first, an agency in brackets after the names
_CREDIT_WORDS = r"(?:摄影|图|摄|漫画|绘图|绘)"
# the credit word and its slash; "文/图　role name" (the writer took the pictures) opens with a gap after 图, and so
# does "图/文　role name", the same credit with its words the other way round
# "制图：name" credits a chart as "摄" credits a photo, and "漫画：name" / "绘图：name" a cartoon or a drawing (the colon is
# printed as often as the slash; not after 图 or 摄 alone, where "图：" opens a caption)
_CREDIT_OPENER = rf"(?:(?:文[/／]图|图[/／]文){_GAP}+|{_CREDIT_WORDS}[/／]|(?:制图|漫画|绘图)[/／:：])"
_CREDIT_PREFIXED = lazy_compile(
    rf"{_CREDIT_OPENER}{_GAP}*(?:{_ROLE}{_GAP}*)?{_NAMES}(?:{_GAP}*[(（][{HAN}]{{2,10}}[)）])?$")
_CREDIT_PREFIX = lazy_compile(rf"^{_CREDIT_OPENER}{_GAP}*")
# compiled once (re.finditer/re.search with a string pattern pays a cache look-up and, for the f-string, a
# format on every call: these run on every block of text)
_CREDIT_OPENER_RE = lazy_compile(_CREDIT_OPENER)
_PHOTO_OPENER_RE = lazy_compile(rf"摄影{_GAP}")
_AGENCY_SOURCE = lazy_compile(r"(?:新华社|中新社)[/／][\u4e00-\u9fff]{2,6}$")
# "摄影　本报通讯员　岑　杰": 摄影 and a gap before a role and the names (a role is required: "摄影　name" alone
# may be a caption's words)
_CREDIT_PHOTO_FIRST = lazy_compile(rf"摄影{_GAP}+(?P<credit>{_ROLE}{_GAP}*{_NAMES})$")
# credits that name a source, not a person: "视觉中国供图", "受访单位供图", "（图片由南昌市总工会提供）",
# "图片来源：网络"; they close a caption like any credit and add nobody to the byline
_CREDIT_SOURCE = lazy_compile(
    rf"(?:[(（]{_GAP}*)?(?:[{HAN}A-Za-z·]{{2,16}}[/／]?供图|(?:图片|照片)由[^()（）。，,]{{2,20}}提供|资料(?:图片|照片)"
    rf"|(?:图片|照片)来源[:：]{_GAP}*[^()（）。，,]{{2,20}}?"
    # a picture of another agency distributed by a Chinese one: "新华社/法新", "新华社/路透", "中新社/美联"
    rf"|(?:新华社|中新社)[/／][{HAN}]{{2,5}})"
    rf"(?:{_GAP}*[)）])?$")
_CREDIT_AGENCY = lazy_compile(rf"{_GAP}*[(（][{HAN}]{{2,10}}[)）]$")
# a label printed before a credit: "组图：本报记者　name　摄", "图片：…" (part of the credit, not caption text)
_CREDIT_LABEL = lazy_compile(rf"(?:组图|图片|图)[：:]{_GAP}*$")
# another paper's reporter opening a credit after a caption: "江州日报记者　樊　翔　摄", "江城晚报通讯员　name　摄"
_PAPER_ROLE = lazy_compile(rf"{_PAPER_NAME}(?:记者|通讯员|摄影记者){_GAP}*[{HAN}]")
_CREDIT_START = lazy_compile(r"(?:新华社|中新社|人民日报|工人日报|本报|特约|见习|实习|摄影|记者|通讯员|图[①-⑳]|[(（])")
_SENTENCE_END = "。！？!?”’」』…)） \u3000"
_CREDIT_MAX_CHARS = 60

# common surnames: a bare two-to-four character line is read as a person only when it starts with one
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝蒯阚鄢郏佴廉汝钮蓬宦旷鞠衡粟郜訾谈竺戈逄揭冀阎晋昝诸郇杭嵇鄂厉晁冼浦伏璩濮仰钭笪桓郦宓亢"
    "堵荆荀闻仝蔺屠谯尉弓沃邴戎郁储")
# the two-character labels a page prints over a run of briefs or a comment, often spaced out ("简　讯", "时　评"): words,
# never a writer's name, whatever surname they open with
_LABEL_WORDS = frozenset(("简讯", "快讯", "短讯", "时讯", "资讯", "短评", "快评", "时评", "社评", "述评", "来论", "社论",
                          "杂谈", "漫谈", "随笔", "札记", "手记", "动态"))
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯")


@dataclass(frozen=True)
class Credits:
    """Names read from one credit, with their roles as printed."""

    byline: Byline
    roles: tuple[BylineRole, ...]


@dataclass(frozen=True)
class Lead:
    """A run-in lead found at the start of a paragraph."""

    text: str  # as printed, without trailing spaces
    rest: str  # the paragraph after the lead, leading spaces removed
    byline: Byline
    credit_text: str | None  # the part the names were read from
    dateline: Dateline | None
    roles: tuple[BylineRole, ...] = ()


# an essay's author named in the bracketed line at its end: "（作者：周启航，系某党校教授）", "（作者：林　溪）"
_TRAILER_AUTHOR = lazy_compile(rf"^[(（]{_GAP}*作者{_GAP}*[:：]{_GAP}*(?P<names>{_NAMES}){_GAP}*(?:[，,；;]|[)）]$)")


def trailer_credits(text: str) -> Credits | None:
    """The authors a trailer names ("（作者：周启航，系…）"); None for a trailer that names nobody (作者单位…)."""
    match = _TRAILER_AUTHOR.match(text.strip(_SPACE))
    if match is None:
        return None
    names = split_names(match.group("names"))
    if not names or not all(is_person_name(n) for n in names):
        return None
    return Credits(Byline(authors=names), tuple(BylineRole(n, "") for n in names))


# OCR of a scanned lead mis-reads its brackets: "本报讯〈记者　陈　静）", "本报沈阳6月12日电(记者　张　伟>" (an angle
# bracket for a round one), or loses the closing one ("…讯 (记者　赵　磊　通讯员　孙丽萍  唐山市…", the credit then ends
# at a gap of two spaces or a U+3000). Read only when a bracket is mis-read or lost, so clean leads are untouched, and
# only for a credit of roles and names.
_LEAD_MISREAD = lazy_compile(
    rf"^(?P<lead>(?P<head>本报讯|本报[{HAN}]{{2,4}}?讯|本报(?P<place>[{HAN}]{{0,8}}?)(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日(?:电|讯)"
    rf"|(?:新华社|中新社)(?P<wplace>[{HAN}]{{1,8}}?)(?P<wmonth>\d{{1,2}})月(?P<wday>\d{{1,2}})日电){_GAP}*"
    rf"(?P<open>[(（〈<])(?P<paren>{_GAP}*{_ROLE}{_GAP}*{_LEAD_NAMES}(?:{_GAP}+{_ROLE}{_GAP}*{_LEAD_NAMES})*){_GAP}*"
    rf"(?:(?P<close>[)）>〉])|(?=(?:{_GAP}{{2,}}|\u3000)[^{_SPACE})）>〉])))")

# an older dateline written out in characters, the month often left out: "新华社十一日讯", "新华社北京四日电",
# "新华社太原十九日电", "本报上海二十日电" (1950s–1970s wording); a gap follows it before the text
_CN_DAY = "(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_LEAD_WRITTEN = lazy_compile(
    rf"^(?P<lead>(?:新华社|中新社|本报)(?P<place>[{HAN}]{{0,8}}?)(?:(?P<month>十[一二]?|[一二三四五六七八九])月)?"
    rf"(?P<day>{_CN_DAY})日(?:电|讯))(?={_GAP})")


def _written_number(text: str) -> int:
    """A month or day written in characters (一 … 三十一)."""
    digits = "一二三四五六七八九"
    tens, ten, ones = text.rpartition("十") if "十" in text else ("", "", text)
    return ((digits.index(tens) + 1 if tens else 1) * 10 if ten else 0) + (digits.index(ones) + 1 if ones else 0)


def _written_lead(paragraph: str) -> Lead | None:
    match = _LEAD_WRITTEN.match(paragraph)
    if match is None:
        return None
    month = _written_number(match.group("month")) if match.group("month") else None
    dateline = Dateline(match.group("place") or "", month, _written_number(match.group("day")))
    return Lead(match.group("lead"), paragraph[match.end():].lstrip(_SPACE), Byline(), None, dateline)


def _misread_lead(paragraph: str) -> Lead | None:
    match = _LEAD_MISREAD.match(paragraph)
    if match is None or (match.group("open") in "(（" and (match.group("close") or "") in ")）"
                         and match.group("close")):
        return None  # a clean bracket pair is _LEAD_PLAIN's
    credit = match.group("paren").strip(_SPACE)
    credits = parse_credits(credit)
    if not credits.byline.names() or not all(is_person_name(name) or re.fullmatch(_NAME, name)
                                              for name in credits.byline.names()):
        return None
    dateline = None
    if match.group("month") or match.group("wmonth"):
        place = match.group("place") if match.group("month") else match.group("wplace")
        month, day = (match.group("month"), match.group("day")) if match.group("month") else \
            (match.group("wmonth"), match.group("wday"))
        dateline = Dateline(place or "", int(month), int(day))
    return Lead(match.group("lead").rstrip(_SPACE), paragraph[match.end():].lstrip(_SPACE), credits.byline, credit,
                dateline, credits.roles)


# a place named before 讯 with no date, the paper's own (本报芜湖讯, 本报马鞍山讯) or a district or city paper's with no 本报
# (静安讯, 蚌埠讯（通讯员 刘　洋）): the place is the dateline's, as 本报南京11月22日电's is. Not a place: the words that end in
# 讯 themselves (简讯, 快讯, 喜讯, 资讯, 通讯, 闻讯…), a round-up's 综合/联合, a paper's or an agency's name (…报讯, 新华社讯),
# a clause (…的, …在)
_PLACE_LEAD = lazy_compile(
    rf"^(?P<lead>(?P<place>[{HAN}]{{2,4}}?)讯(?:{_GAP}*[(（](?P<paren>[^()（）\n]{{1,60}})[)）])?)(?={_GAP}*[^{_SPACE}])")
_BUREAU_PLACE = lazy_compile(rf"^本报(?P<place>[{HAN}]{{2,4}}?)讯")
_NOT_A_PLACE = frozenset(("综合", "联合", "特约", "专电", "本刊", "本台", "本网", "记者", "通讯员", "编辑"))
_NOT_A_PLACE_END = "简快喜资短电通音死审传问速闻综报社网台刊家信佳捷"
_NOT_IN_A_PLACE = "的了在是和与及对为把被将也都就又这那我你他她它们个"


def _place_name(place: str) -> bool:
    """Whether the characters before a lead's 讯 can be its place."""
    return place not in _NOT_A_PLACE and place[-1] not in _NOT_A_PLACE_END and \
        not any(ch in _NOT_IN_A_PLACE for ch in place) and not place.startswith("本报")


def _place_lead(paragraph: str) -> Lead | None:
    """A place-only lead with no 本报: "静安讯　区总工会…", "浦东讯　（通讯员　李　强）　…", "闵行讯（通讯员 周建华）区…" —
    a place, 讯, then a gap, or a bracketed credit of roles and names (a bracket of anything else is no lead)."""
    match = _PLACE_LEAD.match(paragraph)
    if match is None or not _place_name(match.group("place")):
        return None
    paren = match.group("paren")
    lead = match.group("lead")
    if paren is not None:
        credits = parse_credits(paren)
        names = credits.byline.names()
        if not names or not all(re.fullmatch(_NAME, n) for n in names) or \
                (not _ROLE_RE.search(paren) and not all(is_person_name(n) for n in names)):
            return None
    else:
        if paragraph[len(lead):len(lead) + 1] not in _SPACE:
            return None  # "闵行讯息…": 讯 is part of a word
        credits = Credits(Byline(), ())
    return Lead(lead, paragraph[match.end():].lstrip(_SPACE), credits.byline, paren, Dateline(match.group("place")),
                credits.roles)


# OCR misreads a lead's fixed words by their look: 讯 as 汛 or 迅, 日 as 曰 ("本报汛　…", "本报沈阳四月二十九曰电　记者…"):
# 汛/迅 closing the lead's head (a gap or a bracket after it: "本报迅速…" is a sentence about the paper), 曰 before 电/讯
_OCR_LEAD_HEAD = lazy_compile(rf"^本报(?:[{HAN}0-9]{{0,12}}?[汛迅](?=[{_SPACE}(（]|$)|[{HAN}0-9]{{1,12}}?曰(?=[电讯汛迅]))")


def split_lead(paragraph: str) -> Lead | None:
    """A run-in lead (``_read_lead``), read through OCR's misreads of its fixed words (``_OCR_LEAD_HEAD``): the lead is
    found on a copy with 讯 and 日 mended, and kept as printed (each mend is one character for one)."""
    lead = _read_lead(paragraph)
    if lead is not None:
        return lead
    head = _OCR_LEAD_HEAD.match(paragraph)
    if head is None:
        return None
    end = head.end() + 1 if paragraph[head.end():head.end() + 1] in ("电", "讯", "汛", "迅") else head.end()
    mended = paragraph[:end].replace("汛", "讯").replace("迅", "讯").replace("曰", "日") + paragraph[end:]
    lead = _read_lead(mended)
    if lead is None or not lead.text or not paragraph.startswith(lead.text[:2]):
        return lead
    return replace(lead, text=paragraph[:len(lead.text)])


def _read_lead(paragraph: str) -> Lead | None:
    """Find "本报讯(记者X)", "本报南京11月22日电(…)", "本报成都6月19日讯（…）", "本报九江讯　…" (a place, no date),
    "本报讯 记者X报道",
    "本报讯　记者　X　通讯员　Y　…", "本报(记者X)" or plain "本报讯"; a place-only lead with no 本报 ("静安讯　…").
    A 本报X讯 lead with no date has its place as its dateline."""
    lead = _split_lead(paragraph)
    if lead is None:
        return _place_lead(paragraph)
    if lead.dateline is None:
        bureau = _BUREAU_PLACE.match(lead.text)
        if bureau is not None and _place_name(bureau.group("place")):
            lead = Lead(lead.text, lead.rest, lead.byline, lead.credit_text, Dateline(bureau.group("place")), lead.roles)
    return lead


def _split_lead(paragraph: str) -> Lead | None:
    match = _LEAD_REPORTED.match(paragraph)
    if match:
        credit = match.group("credit")
        credits = parse_credits(credit)
        return Lead(match.group("lead").rstrip(_SPACE), paragraph[match.end():].lstrip(_SPACE),
                    credits.byline, credit, None, credits.roles)
    match = _LEAD_DATED_REPORTED.match(paragraph)
    if match:
        credit = match.group("credit")
        credits = parse_credits(credit)
        # a role opens the credit and 报道 closes it: each name need only be shaped like one (rare surnames too)
        if credits.byline.names() and all(re.fullmatch(_NAME, name) for name in credits.byline.names()):
            month, day = (int(match.group("month")), int(match.group("day"))) if match.group("month") else \
                (_written_number(match.group("wmonth")), _written_number(match.group("wday")))
            dateline = Dateline(match.group("place") or "", month, day)
            return Lead(match.group("lead").rstrip(_SPACE), paragraph[match.end():].lstrip(_SPACE),
                        credits.byline, credit, dateline, credits.roles)
    match = _LEAD_SPACED.match(paragraph)
    if match:
        credit = match.group("credit")
        credits = parse_credits(credit)
        if credits.byline.names() and all(is_person_name(name) for name in credits.byline.names()):
            # a dated lead names its place, 电 or 讯 ("本报合肥3月8日讯　记者　…")
            place = match.group("place") or ""
            dated = Dateline(place, int(match.group("month")), int(match.group("day"))) if match.group("month") else None
            return Lead(match.group("lead"), paragraph[match.end():].lstrip(_SPACE), credits.byline, credit, dated,
                        credits.roles)
    misread = _misread_lead(paragraph) or _written_lead(paragraph)
    if misread is not None:
        return misread
    match = _LEAD_PLAIN.match(paragraph)
    if not match:
        return None
    lead = match.group("lead")
    paren = match.group("paren")
    if lead in ("本报",) or (lead.startswith("本报") and not lead.startswith(("本报讯", "本报消息"))
                             and not lead.endswith("讯") and not match.group("month") and not paren):
        return None  # "本报…" that is just a sentence about the paper
    unit_writer = _UNIT_WRITER.fullmatch(paren.strip(_SPACE)) if paren is not None else None
    if unit_writer is not None and not is_person_name(unit_writer.group("name")):
        unit_writer = None
    if paren is not None and not _ROLE_RE.search(paren) and unit_writer is None:
        # "(…)" that is not a credit belongs to the text (本报讯(上接…) is handled elsewhere)
        if lead.startswith("本报讯") or match.group("month") or lead.endswith("报讯"):
            lead = lead[: lead.index(paren) - 1].rstrip(_SPACE + "(（")
            paren = None
        else:
            return None
    if match.group("agency") and not match.group("month"):
        return None
    dateline = None
    if match.group("month"):
        dateline = Dateline(match.group("place") or "", int(match.group("month")), int(match.group("day")))
    elif match.group("undated"):
        dateline = Dateline(match.group("undated")[2:-1])
    rest = paragraph[len(lead):].lstrip(_SPACE)
    if unit_writer is not None:  # the writer's unit is no role: the name alone is read
        credits = parse_credits(unit_writer.group("name"))
    else:
        credits = parse_credits(paren) if paren else Credits(Byline(), ())
    return Lead(lead.rstrip(_SPACE), rest, credits.byline, paren, dateline, credits.roles)


_FIELD_OF_ROLE = (("通讯员", "correspondents"), ("实习生", "interns"), ("评论员", "authors"), ("撰稿", "authors"),
                  ("摄影记者", "photographers"))


def _role_field(role: str) -> str:
    if role in ("摄影", "图/", "图／", "摄/", "摄／"):
        return "photographers"
    return next((field for word, field in _FIELD_OF_ROLE if word in role), "reporters")


def parse_credits(text: str, *, default_field: str = "reporters") -> Credits:
    """Names by role from a credit string ("记者王伟 通讯员刘义昂 顾琳琳", "见习记者何良玉通讯员邢守秒报道",
    "记者 何  勇 文/图"); names before any role word go to ``default_field``."""
    text = text.strip(_SPACE)
    for mark in _AUTHOR_MARK:
        text = text.replace(mark, " ")
    photo_report = text.endswith("摄影报道")
    text = _CREDIT_TAIL.sub("", text)
    if text.endswith("摄"):
        return _as_photographers(parse_credits(text[:-1]))
    fields: dict[str, list[str]] = {"reporters": [], "correspondents": [], "photographers": [], "authors": [],
                                    "interns": []}
    roles: list[BylineRole] = []
    role, pos = "", 0
    for match in _ROLE_RE.finditer(text):
        _take(text[pos:match.start()], role, fields, roles, default_field)
        role, pos = match.group(0), match.end()
    _take(text[pos:], role, fields, roles, default_field)
    credits = Credits(Byline(**{k: tuple(v) for k, v in fields.items()}), tuple(roles))
    return _as_photographers(credits, keep=True) if photo_report else credits


def _take(chunk: str, role: str, fields: dict[str, list[str]], roles: list[BylineRole], default: str) -> None:
    field = _role_field(role) if role else default
    for name in split_names(chunk):
        if name not in fields[field]:
            fields[field].append(name)
        roles.append(BylineRole(name, role))


def _as_photographers(credits: Credits, keep: bool = False) -> Credits:
    """Everyone in a "… 摄" credit took the picture; a 摄影报道 lead keeps the roles and adds photographers."""
    b = credits.byline
    people = b.reporters + b.correspondents + b.interns + b.authors + b.photographers
    unique = tuple(dict.fromkeys(people))
    if keep:
        return Credits(Byline(b.reporters, b.correspondents, unique, b.authors, b.interns), credits.roles)
    return Credits(Byline(photographers=unique), credits.roles)


def split_names(chunk: str) -> tuple[str, ...]:
    """Split a run of names on spaces and 、; a two-character name printed with a gap ("刘　芳",
    "刘  洋") is one name, gap kept as printed."""
    pieces = re.split(r"([ \u00a0\t\u3000、,，]+)", chunk.strip(_SPACE + "、,，"))
    out: list[str] = []
    previous_single = False
    for k in range(0, len(pieces), 2):
        piece = pieces[k]
        if not piece:
            continue
        gap = pieces[k - 1] if k else ""
        if out and previous_single and len(piece) == 1 and gap.strip(_SPACE) == "":
            out[-1] += gap + piece  # the two halves of a padded name
            previous_single = False
            continue
        out.append(piece)
        previous_single = len(piece) == 1
    return tuple(p for p in out if _NAME_CHUNK.fullmatch(re.sub(f"{_GAP}+", "", p)))


_BYLINE_LINE = lazy_compile(
    rf"^(?:[{_AUTHOR_MARK}]{_GAP}*(?:{_ROLE}{_GAP}*)?{_NAMES}"
    rf"|(?:{_ROLE}{_GAP}*{_NAMES}{_GAP}*)+(?:摄影报道|报道|整理|参与采写|采写|文[/／]图)?)$")
# a credit labelled with the part each person played: "口述：中铁某局桥隧队队长　扎西次仁", "整理：本报记者　卢　晓",
# "撰文：李　明" (a job or role may stand between the label and the name)
_LABELLED = lazy_compile(
    rf"^(?P<label>口述|整理|采写|撰文|执笔|采访|文字|摄影|摄像|绘图|主持人|主持|嘉宾)[：:]{_GAP}*"
    rf"(?:(?P<role>{_ROLE})|(?P<job>[{HAN}]{{2,16}}){_GAP}+)?{_GAP}*(?P<names>{_NAMES})$")
# the labels of a _LABELLED line that credit the picture, not the text
_PICTURE_LABELS = ("摄影", "摄像", "绘图")
# a speaker credited under the title with the job as printed: "全国人大代表、某机械集团高级技师　赵建国",
# "省政协委员　钱文静" (a 两会 page, a 专版 of quoted voices); the job must end in one of these words
JOB_TITLES = ("代表", "委员", "教授", "技师", "工程师", "研究员", "院士", "主席", "书记", "队长", "班长", "厂长",
              "经理", "董事长", "主任", "校长", "院长", "会长", "所长", "局长", "部长", "挡车工", "劳动模范", "劳模",
              "工匠", "技术能手", "律师", "法官", "检察官", "医师", "医生", "教师", "讲师", "专家", "学者")
_JOB_LINE = lazy_compile(rf"^(?P<job>[{HAN}、·（）()]{{2,30}}?(?:{'|'.join(JOB_TITLES)})){_GAP}+(?P<name>{_NAME})$")
# place or unit, then a signer's role ("读者") or an occupation ("外卖骑手"), then the name
_SIGNATURE = lazy_compile(rf"^(?:(?P<place>[{HAN}]{{2,20}}?){_GAP}+)?"
                          rf"(?:(?P<role>读者|职工|网友)(?:{_GAP}*[:：])?{_GAP}*|(?P<job>[{HAN}]{{2,8}}){_GAP}+)?(?P<name>{_NAME})$")
# "——江西南昌某电子厂职工　胡小红": a dash before a signature; "——记…" is a profile's subtitle ("——记者　name" signs)
_SIGN_DASH = lazy_compile(rf"^[—－]{{1,2}}{_GAP}*(?!记(?!者))")
# an agency credited in brackets after a story's last sentence ("…人次。（新华社）", "（据新华社电）"): a credit, not body
# text (the agency names nobody)
_AGENCY_SIGNOFF = lazy_compile(rf"[(（]{_GAP}*据?(?:新华社|中新社)(?:电|讯|稿)?{_GAP}*[)）]$")
SIGNER_ROLES = ("读者", "职工", "网友")
_SIGNER_ROLES = SIGNER_ROLES
# a reader's role printed glued to the place before it ("江州读者　name"); "…职工" after a unit stays the unit's
_GLUED_READER = ("读者", "网友")
# the end of a word naming an occupation (not a place): 外卖骑手, 货车司机, 环卫工人, 快递员, 电焊工, 车间主任
_OCCUPATION = lazy_compile(r"(?:骑手|司机|小哥|工人|职工|农民工|员|师|工|长|手|主任|教授|经理|主席|代表|委员|干部|书记|医生|护士|"
                           r"老师|律师|学生|会计|保安|保洁|店主|摊主|村民|居民|家长)$")


def _unbracket(text: str) -> str:
    """A credit printed whole in brackets ("（本报记者 王  敏 整理）") read without them."""
    stripped = text.strip(_SPACE)
    if len(stripped) > 2 and stripped[0] in "(（" and stripped[-1] in ")）" and not re.search("[()（）]", stripped[1:-1]):
        return stripped[1:-1].strip(_SPACE)
    return stripped


# a column's label and its writer's name parted by a bar instead of a gap, on a line of its own under a commentary's
# title: "工人论坛｜任　远", "职工论坛|林　峰" (read as "工人论坛　任　远"; the one-character credit words 文｜/图｜ are no label)
_COLUMN_BAR_AUTHOR = lazy_compile(rf"^(?P<label>[{HAN}]{{2,6}}){_GAP}*[｜|│]{_GAP}*(?P<name>{_NAME})$")


def _unbar(text: str) -> str:
    """"工人论坛｜任　远" read as "工人论坛　任　远" (a column label, a bar and a person's name); any other text as it is."""
    match = _COLUMN_BAR_AUTHOR.match(text.strip(_SPACE))
    if match is None or not is_person_name(match.group("name")) or is_person_name(match.group("label")) \
            or match.group("label") in ("文图", "图文", "摄影", "撰文", "文字", "图片"):
        return text
    return f"{match.group('label')}\u3000{match.group('name')}"


# a paper's own voice signing a piece with no name: "本报评论员", "本刊特约评论员", "新华社评论员"
_HOUSE_AUTHOR = lazy_compile(rf"^(?:{_PAPER}|本刊)(?:特约)?评论员$")
# "评论员文章", "本报特约评论员文章": the label of the paper's commentary (a column over its title), not a role and a name
_COMMENTARY_KIND = lazy_compile(rf"^[{HAN}]{{0,10}}评论员{_GAP}*文章$")


# "文/图　城西区总工会", "文｜某公司工会": a 文/图 (or 文, 图) credit naming a body, not a person; it signs the story
# and names nobody
_UNIT_CREDIT = lazy_compile(rf"^(?:文[/／｜|]?图|图[/／｜|]?文|文|图)(?:[/／｜|:：]{_GAP}*|{_GAP}+)[{HAN}]{{2,18}}"
                            rf"(?:工会|委员会|联合会|协会|公司|集团|中心|局|厅|办公室|宣传部|研究院|学校|医院)$")


def unit_credit(text: str) -> bool:
    """"文/图　城西区总工会": a 文/图 credit line naming a body (a union, a company, an office) and no person."""
    return bool(_UNIT_CREDIT.match(_unbracket(text).strip(_SPACE)))


def house_author(text: str) -> bool:
    """"本报评论员", "本刊特约评论员" alone: the paper's own commentator, no name."""
    return bool(_HOUSE_AUTHOR.match(_unbracket(text).strip(_SPACE)))


# the writer's unit in brackets after the last name of a byline line that names roles ("本报记者　name　通讯员　name（某市总工会）",
# a contributor from a 工会 or a works): the unit known by the end of its name, as in ``_NAME_UNIT``
_UNIT_TAIL = lazy_compile(
    rf"{_GAP}*[(（][{HAN}]{{2,20}}(?:大学|学院|学校|中学|小学|党校|研究院|研究所|工会|公司|集团|委员会|协会|中心|医院|厂|矿|局|段"
    rf"|站|部|车间)[)）]$")


def _without_unit_tail(text: str) -> str:
    """A byline line with roles read without the writer's unit bracketed after its last name; any other text as it is."""
    tail = _UNIT_TAIL.search(text.rstrip(_SPACE))
    if tail is None or tail.start() == 0:
        return text
    rest = text.rstrip(_SPACE)[:tail.start()]
    return rest if _ROLE_RE.search(rest) and _BYLINE_LINE.match(rest.strip(_SPACE)) else text


# OCR of a scanned page reads the hollow square □ before a byline line as the character 口 ("口本报通讯员　葛　群"): 口
# right before a role word is that mark (no role or name opens with it; "口述：" is a label of its own); so is any other
# square OCR takes it for: 囗 (the enclosure radical), ロ (katakana ro), ▢ and ☐ ("囗本报记者　闵　华")
_OCR_SQUARE = lazy_compile(rf"^([{_SPACE}]*)[口囗ロ▢☐](?={_GAP}*{_ROLE})")


def _ocr_square(text: str) -> str:
    return _OCR_SQUARE.sub(r"\1□", text)


def is_byline_line(text: str) -> bool:
    """"本报记者 李逸萌", "本报记者 田国奎 本报通讯员 冯际刚", "■郑建钢", "本报记者 阿依努尔·吐尔洪",
    "■本报记者 张  峰", "本报记者 吴迪 整理", "文/本报记者 张三", "本报评论员" (no name)."""
    text = _without_unit_tail(_unbracket(_ocr_square(text)))
    if _HOUSE_AUTHOR.match(text.strip(_SPACE)) or unit_credit(text):
        return True
    if text.rstrip(_SPACE).endswith("文章") and _COMMENTARY_KIND.match(text.strip(_SPACE)):
        return False  # "评论员文章" labels the piece as a commentary over its title: 文章 is no name
    if len(text) <= 60 and _LABELLED.match(text.strip(_SPACE)):
        return True
    if len(text) <= 40 and (_job_line(text) is not None or _unit_author(text) is not None):
        return True
    if len(text) > 60 or not _BYLINE_LINE.match(text) or text.endswith("摄") \
            or (text.endswith("摄影") and split_credit(text) is not None):
        return False  # a photo credit ("…　摄", "role　name　摄影")
    # "…摄影报道", "…文/图" end the credit: their role-like words ("摄影", "文/") name nobody
    stripped = _CREDIT_TAIL.sub("", text.strip(_SPACE))
    if not stripped:
        return False  # "摄影报道" alone is a banner
    if stripped[:1] in _AUTHOR_MARK and not _ROLE_RE.search(stripped):
        # "■郑建钢" signs a piece; "■一线风采" is a banner with a typographic mark
        return all(is_person_name(name) for name in split_names(stripped[1:]))
    for match in _ROLE_RE.finditer(stripped):
        glued = stripped[match.end(): match.end() + 1]
        if match.group(0)[0] == "文" and match.group(0)[-1] in "/／｜|" and _ROLE_RE.match(stripped, match.end()):
            # "文/本报记者　name": the writer's credit word glued to the writer's role, whose name is checked next
            # ("图/本报记者　name" credits a picture: a credit, read by split_credit)
            continue
        if glued and glued not in _SPACE and not glued.startswith(("/", "／", "｜", "|")):
            # "记者手记", "记者观察" are column names; a name glued to its role must look like one
            name = re.match(_NAME, stripped[match.end():])
            if name is None or not is_person_name(name.group(0)):
                return False
    return True


# an author mark, the writer's unit and the name: "◇　江州职业技术学院　简　宁", "■某市委党校　林　立" (the unit is
# known by the end of its name; without the mark such a line may be a place and a signer)
_UNIT_AUTHOR = lazy_compile(
    rf"^[{_AUTHOR_MARK}]{_GAP}*(?P<unit>[{HAN}]{{2,20}}(?:大学|学院|学校|党校|研究院|研究所|研究中心|社科院|科学院|工会"
    rf"|公司|集团|委员会|协会|学会|中心|医院)){_GAP}+(?P<name>{_NAME})$")


# the name and the writer's unit in brackets after it, as a 副刊 or a company paper prints a poem's or an essay's author:
# "陈志远（新昌发电厂）", "李　梅（江州市第一中学）" (the unit known by the end of its name)
_NAME_UNIT = lazy_compile(
    rf"^(?P<name>{_NAME})[(（](?P<unit>[{HAN}]{{2,20}}(?:大学|学院|学校|中学|小学|党校|研究院|研究所|工会|公司|集团|委员会|协会"
    rf"|中心|医院|厂|矿|局|段|站|部|车间))[)）]$")


def _unit_author(text: str) -> re.Match[str] | None:
    """"◇　江州职业技术学院　简　宁": a marked author line naming the writer's unit before the name; "陈志远（新昌发电厂）":
    the name with the unit in brackets after it."""
    match = _UNIT_AUTHOR.match(text.strip(_SPACE)) or _NAME_UNIT.match(text.strip(_SPACE))
    return match if match is not None and is_person_name(match.group("name")) else None


_UNIT_SIGNOFF = lazy_compile(
    rf"^(?P<unit>[{HAN}]{{2,20}}(?:大学|学院|学校|党校|研究院|研究所|研究中心|社科院|科学院|工会|公司|集团|委员会|协会|学会"
    rf"|中心|医院|厂|矿|段|站)){_GAP}+(?P<name>{_NAME})$")


def unit_signoff(text: str) -> bool:
    """"江州重型机械厂　武　昕": the writer's unit (known by the end of its name) and a name, with no mark, as printed
    on a line of its own after an essay's text."""
    match = _UNIT_SIGNOFF.match(text.strip(_SPACE))
    return match is not None and is_person_name(match.group("name"))


def _job_line(text: str) -> re.Match[str] | None:
    """"全国政协委员、郑州大学教授　钱文静", also after an author mark ("■江州大学法学院教授　邬立群")."""
    stripped = text.strip(_SPACE)
    if stripped[:1] in _AUTHOR_MARK:
        stripped = stripped[1:].strip(_SPACE)
    job = _JOB_LINE.match(stripped)
    return job if job is not None and is_person_name(job.group("name")) else None


def parse_byline_line(text: str) -> Credits:
    text = _ocr_square(text)
    if house_author(text) or unit_credit(text):
        return Credits(Byline(), ())  # "本刊评论员": the paper's own voice names nobody ("本刊" is no name)
    stripped = _without_unit_tail(_unbracket(text))
    job = _job_line(stripped) if _LABELLED.match(stripped.strip(_SPACE)) is None else None
    if job is not None:  # a speaker under the title, the job kept as the role
        return Credits(Byline(authors=(job.group("name"),)), (BylineRole(job.group("name"), job.group("job")),))
    unit = _unit_author(stripped)
    if unit is not None:  # the writer's unit is no role
        return Credits(Byline(authors=(unit.group("name"),)), (BylineRole(unit.group("name"), ""),))
    labelled = _LABELLED.match(stripped.strip(_SPACE))
    if labelled is not None:
        if labelled.group("role"):
            return parse_credits(stripped.strip(_SPACE)[labelled.start("role"):])
        # the narrator or writer of the piece, with the job printed before the name (or the label) as role
        names = split_names(labelled.group("names"))
        role = labelled.group("job") or labelled.group("label")
        if labelled.group("label") in _PICTURE_LABELS:  # "摄影：name　name" took the picture
            return Credits(Byline(photographers=names), tuple(BylineRole(name, role) for name in names))
        return Credits(Byline(authors=names), tuple(BylineRole(name, role) for name in names))
    if stripped[:1] in _AUTHOR_MARK:
        rest = stripped[1:].strip(_SPACE)
        # "■郑建钢" signs a commentary; "■本报记者 张  峰" is a reporter with a typographic mark
        return parse_credits(rest, default_field="authors")
    return parse_credits(stripped)


def is_person_name(text: str) -> bool:
    """A bare name as printed under a commentary title ("李　强", "刘晓军"): 2-4 characters (or a
    padded pair, or a · name) starting with a common surname."""
    printed = text.strip(_SPACE)
    if not re.fullmatch(_NAME, printed):
        return False
    compact = re.sub(f"{_GAP}+", "", printed)
    if any(dot in compact for dot in "·•・"):
        return True
    if compact in _LABEL_WORDS:
        return False  # "简　讯", "时　评": a label spaced out as a name is (简 and 时 are surnames too)
    return 2 <= len(compact) <= 4 and (compact[0] in _SURNAMES or compact.startswith(COMPOUND_SURNAMES))


# the last character of a two-character column label a page spreads out over a brief run or a comment ("简　讯", "时　评"):
# 讯 and 评 end the names of news-flash and comment columns and hardly any given name
_LABEL_PAIR = lazy_compile(rf"[{HAN}]{_GAP}*[讯评]")


def label_pair(text: str) -> bool:
    """"简　讯", "时　评" alone on a line (spread out or not): a column's label, though 简 and 时 are surnames. Asked of a
    line standing alone (an author's line, a signature, a banner); a name inside a lead or credit is read by its role."""
    return bool(_LABEL_PAIR.fullmatch(text.strip(_SPACE)))


def person_names(text: str) -> tuple[str, ...]:
    """The names of a line of two or three bare author names ("王晓红　李　明"), or () when it is not one."""
    printed = text.strip(_SPACE)
    if not re.fullmatch(_NAMES, printed) or re.search("[、,，]", printed):
        return ()
    names = split_names(printed)
    # a personal name has at most three characters; "安徽合肥 陈建军" is a place and a signer
    short = all(len(re.sub(f"{_GAP}+", "", name)) <= 3 for name in names)
    return names if 2 <= len(names) <= 3 and short and all(is_person_name(name) for name in names) else ()


def signature(text: str) -> Credits | None:
    """A reader's or writer's signature line after the text: "安徽合肥 陈建军", "湖北襄阳 读者 刘梅",
    "读者 王  红", "（北京市劳动法学会 李  林）", "（广东深圳　外卖骑手　陈建伟）", "——某厂职工　胡小红"
    (a dash or brackets; a place or a unit, a signer's role or occupation, a name)."""
    stripped = text.strip(_SPACE)
    dash = _SIGN_DASH.match(stripped)
    if dash:
        stripped = stripped[dash.end():]
        if _press_credit(stripped):
            # "——本报记者　梁　栋" (older pages sign a story at its end so): a reporter by the role printed, no place or author
            return parse_credits(stripped)
    bracketed = _unbracket(stripped) != stripped
    match = _SIGNATURE.match(_unbar(_unbracket(stripped)))
    if not match or not is_person_name(match.group("name")):
        return None
    place, role = match.group("place"), match.group("role") or ""
    if role and match.end("role") == match.start("name") and not bracketed and not dash:
        return None  # "职工简讯", "读者来信": a role word glued to two characters, unmarked, is a label, not a signer
    if match.group("job") and not place:
        place = match.group("job")  # "外卖骑手　陈建伟" with no place: the first word stands where a place would
    elif match.group("job") and not role:
        role = match.group("job")  # "湖南长沙　货车司机　易建平": the word between place and name is the job
    if place and not role and (place in _SIGNER_ROLES or (len(place) <= 6 and _OCCUPATION.search(place))):
        place, role = None, place  # "外卖骑手　郝　强": an occupation, not a place
    elif place and not role and place.endswith(_GLUED_READER) and 2 <= len(place) - 2 <= 6:
        place, role = place[:-2], place[-2:]  # "江州读者　鞠海涛": a place with the signer's role glued to it
    if not place and not role and not bracketed and not dash:
        return None  # a bare name is not a signature (is_person_name says what it is)
    name = match.group("name")
    return Credits(Byline(authors=(name,)), (BylineRole(name, role),))


# memoised (a bool of one string, pure): the stack reader asks it of the same line again and again (5864 asks,
# 3937 lines on 51 bench pages)
@functools.lru_cache(maxsize=4096)
def marked_signature(text: str) -> bool:
    """A signature that cannot be a headline: printed with a dash or in brackets, or naming the signer's
    role ("河北保定　读者　赵立新"). "坚守岗位　温暖万家" is shaped like "place name" but marked by nothing."""
    signed = signature(text)
    if signed is None:
        return False
    stripped = text.strip(_SPACE)
    return bool(_SIGN_DASH.match(stripped)) or _unbracket(stripped) != stripped or \
        any(role.role for role in signed.roles)


_SIGNOFF = lazy_compile(rf"[(（]{_GAP}*(?P<names>(?:{_ROLE}{_GAP}*)?{_NAMES}(?:{_GAP}+(?:{_ROLE}{_GAP}*)?{_NAMES})*)"
                      rf"{_GAP}*[)）]$")


# exactly one U+3000 between two single Han characters: a two-character name set to a three-character width
_PADDED_PAIR = lazy_compile(rf"[{HAN}]\u3000[{HAN}]")


def _ocr_stop_before(text: str, at: int) -> bool:
    """OCR reads the full stop before a sign-off as a half-width "." ("…参加评选.(邓　丽)") or its small circle as a
    Latin "o" ("…参加学习o(郜 文)"): either right after a Han character ends the sentence (after a digit "." is a
    decimal point, after a Latin letter "o" is a word's), or as a zero ("…二十万毫升0(隋 岩)": after a Han character a
    zero is no figure's)."""
    return at >= 2 and text[at - 1] in ".oO0" and "\u4e00" <= text[at - 2] <= "\u9fff"


def split_signoff(text: str) -> tuple[str, str] | None:
    """The writers of a brief credited in brackets after its last sentence: "…35份。（陈  晨）",
    "…开放。（李  欣 马学东）", "…服务。（通讯员 吴  娟）" -> (text before it, the credit as printed)."""
    press = _press_signoff(text)
    if press is not None:
        return press
    match = _SIGNOFF.search(text)
    # the sentence may end a gap before the bracket: a tab, U+3000 or spaces a typist put there to set the credit apart
    # ("…服务。\t（黄　蕾）", a page copied out of a word processor); the gap goes with neither the text nor the credit
    end = len(text[: match.start()].rstrip(_SPACE)) if match else 0
    if not match or end == 0 or (text[end - 1] not in _SENTENCE_END.strip() and not _ocr_stop_before(text, end)):
        return _signature_signoff(text)
    credits = signoff_credits(match.group(0))
    names = credits.byline.names()
    # a name after a printed role ("（本报记者　芮　思）", "（记者 言　谨）") is a name whatever its surname: the
    # role says a person is credited; a bare bracket needs a known surname ("（完）", "（续）" are notes)
    vouched = {role.name for role in credits.roles if role.role}
    # two or more names parted by gaps, one with a listed surname ("（萨仁　高峰）"): the listed one says the bracket
    # credits people, and a rare or minority surname beside it is a name too
    if len(names) >= 2 and any(is_person_name(name) for name in names):
        vouched |= {name for name in names if re.fullmatch(_NAME, name)}
    # one two-character name padded to a name's width with a U+3000 ("…300家。（海　燕）"): the gap is how a page sets a
    # writer's two-character name, never a place or a note (those are printed solid: "（北京）", "（完）"), so the
    # bracket signs the brief whatever the surname list says
    if len(names) == 1 and _PADDED_PAIR.fullmatch(match.group("names")):
        vouched |= set(names)
    if not names or not all(is_person_name(name) or name in vouched for name in names):
        return None
    return text[:end], match.group(0)


def _press_credit(text: str) -> bool:
    """"本报记者　梁　栋", "新华社记者　name　通讯员　name": roles and names, a role first (what a dash before it signs
    with; the byline line's own pattern, compiled already for every page)."""
    return _ROLE_RE.match(text) is not None and _BYLINE_LINE.match(text) is not None


def _press_signoff(text: str) -> tuple[str, str] | None:
    """"…一百吨。——本报记者　陈　平", "…人次。（新华社）": a reporter after a dash or an agency in brackets, glued after the
    story's last sentence, credits the story (older pages sign so); the text before it ends on a finished sentence."""
    tail = text[-40:]
    if "社" in tail[-8:] and text.endswith(("）", ")")):
        match = _AGENCY_SIGNOFF.search(text, max(0, len(text) - 12))
        start = match.start() if match is not None else 0
    elif "—" in tail or "－" in tail:
        dash = max(text.rfind("—"), text.rfind("－"))
        if dash < 1 or not _press_credit(text[dash + 1:].lstrip(_SPACE)):
            return None
        start = dash
        while start > 0 and text[start - 1] in "—－":
            start -= 1
        if dash - start > 1 or not all(is_person_name(role.name) for role in parse_credits(text[dash + 1:]).roles):
            return None
    else:
        return None  # the cheap tests first: this runs on every block of text
    if start == 0 or text[start - 1] not in _SENTENCE_END.strip():
        return None
    return text[:start], text[start:]


# a letter's signature glued in brackets after its last sentence: "…我能维权吗？（江州市江北区　俞佳豪）"
_SIGNATURE_TAIL = lazy_compile(r"[(（][^()（）\n]{4,40}[)）]$")


def _signature_signoff(text: str) -> tuple[str, str] | None:
    """"…维权吗？（江州市江北区　俞佳豪）": a bracketed signature naming a place (or unit) and a person, glued after
    the last sentence of a letter, is its signer, not text (a bracket naming no person, "（江州市总工会）", is none)."""
    match = _SIGNATURE_TAIL.search(text)
    if not match or match.start() == 0 or text[match.start() - 1] not in _SENTENCE_END.strip():
        return None
    signed = signature(match.group(0))
    if signed is None or not any(m.group("place") for m in [_SIGNATURE.match(_unbracket(match.group(0)))] if m):
        return None
    return text[: match.start()], match.group(0)


def signoff_credits(signoff: str) -> Credits:
    """The names of a bracketed sign-off, by their printed roles; with none printed, they count as the
    item's reporters. A bracketed signature ("（江州市江北区　俞佳豪）") names its signer only; an agency ("（新华社）")
    names nobody."""
    if _AGENCY_SIGNOFF.fullmatch(signoff.strip(_SPACE)):
        return Credits(Byline(), ())
    if not _SIGNOFF.fullmatch(signoff.strip(_SPACE)):
        signed = signature(signoff)
        if signed is not None:
            return signed
    return parse_credits(signoff.strip("()（）" + _SPACE))


def split_credit(text: str) -> tuple[str, str] | None:
    """A photo credit at the end of a caption or alone: (text before it, credit as printed).

    Credits: "新华社记者 姜克红 摄", "本报记者 王  伟 本报通讯员 张家豪 摄", "本报通讯员 张锋 孟宪勋 摄",
    "新华社记者 程敏摄" (glued), "新华社发（刘军喜 摄）", "通讯员余美娟 摄". Glued to a caption, the credit
    must follow a finished sentence or a space, or open with a role or agency word.
    """
    tail = text.rstrip(_SPACE)
    prefixed = _prefixed_credit(tail)
    if prefixed is not None:
        return prefixed
    sourced = _source_credit(tail)
    if sourced is not None:
        return sourced
    role_first = _CREDIT_BRACKETED_ROLE.search(tail)
    if role_first is not None and role_first.end() == len(tail) and \
            (role_first.start() == 0 or tail[role_first.start() - 1] in _SENTENCE_END):
        return tail[: role_first.start()].rstrip(_SPACE), tail[role_first.start():]
    if not _CREDIT_AGENCY.sub("", tail).rstrip(")）" + _SPACE).endswith(_CREDIT_ENDS):
        return None
    for start in range(max(0, len(tail) - _CREDIT_MAX_CHARS), len(tail)):
        if start and tail[start - 1] not in _SENTENCE_END and not _CREDIT_START.match(tail, start):
            continue
        if tail[start] in _SPACE:
            continue
        candidate = tail[start:]
        if not _CREDIT_LINE.fullmatch(candidate):
            continue
        before = tail[:start].rstrip(_SPACE)
        if before and not _CREDIT_START.match(candidate) and not _PAPER_ROLE.match(candidate) \
                and len(re.sub(f"{_GAP}+", "", candidate)) > 8:
            continue  # a long run of "names" glued to a caption is more likely caption text (not so "江州日报记者…")
        label = _CREDIT_LABEL.search(before)
        if label is not None and (label.start() == 0 or before[label.start() - 1] in _SENTENCE_END):
            return before[: label.start()].rstrip(_SPACE), tail[label.start():]
        return before, candidate
    return None


def _source_credit(tail: str) -> tuple[str, str] | None:
    """A credit naming a source ("视觉中国供图", "（图片由…提供）") alone, or after a finished sentence."""
    end = tail.rstrip(")）" + _SPACE)
    if not end.endswith(("供图", "提供", "资料图片", "资料照片")) and "来源" not in tail[-30:] \
            and not _AGENCY_SOURCE.search(end):
        return None  # the cheap test first: this runs on every block of text
    for start in range(max(0, len(tail) - 30), len(tail)):
        if tail[start] in _SPACE or (start and tail[start - 1] not in _SENTENCE_END):
            continue
        if _CREDIT_SOURCE.fullmatch(tail, start):
            return tail[:start].rstrip(_SPACE), tail[start:]
    return None


def _prefixed_credit(tail: str) -> tuple[str, str] | None:
    """A "摄影/name", "图/role name" or "漫画／name" credit at the end of a caption (after a finished sentence)
    or alone."""
    for match in _CREDIT_OPENER_RE.finditer(tail):
        start = match.start()
        if start and tail[start - 1] not in _SENTENCE_END:
            continue
        if _CREDIT_PREFIXED.fullmatch(tail, start):
            return tail[:start].rstrip(_SPACE), tail[start:]
    for match in _PHOTO_OPENER_RE.finditer(tail):
        start = match.start()
        if start and tail[start - 1] not in _SENTENCE_END:
            continue
        credit = _CREDIT_PHOTO_FIRST.fullmatch(tail, start)
        if credit is not None and _ROLE_RE.fullmatch(credit.group("credit").split()[0].strip(_SPACE)) is not None:
            return tail[:start].rstrip(_SPACE), tail[start:]
    return None


def credit_credits(credit: str) -> Credits:
    """Photographers of a credit line ("本报通讯员 张锋 孟宪勋 摄", "新华社发（刘军喜 摄）", "王　军／摄（新华社）",
    "（特约摄影　杜　鹃）") with their roles; a source ("视觉中国供图") credits nobody."""
    if _CREDIT_SOURCE.fullmatch(credit.strip(_SPACE)):
        return Credits(Byline(), ())  # a source, not a person
    body = re.sub(rf"^(?:新华社|中新社|人民日报|本报)发{_GAP}*", "", credit.strip(_SPACE))
    photo_first = _CREDIT_PHOTO_FIRST.fullmatch(body)
    if photo_first is not None:
        body = photo_first.group("credit")  # "摄影　本报通讯员　岑　杰": the role and names after 摄影
    if _CREDIT_PREFIX.match(body):
        body = _CREDIT_AGENCY.sub("", _CREDIT_PREFIX.sub("", body))
    elif re.search(rf"摄{_GAP}*[(（][{HAN}]{{2,10}}[)）]$", body):
        body = _CREDIT_AGENCY.sub("", body)  # the agency after 摄
    body = body.strip("()（）" + _SPACE)
    writer = re.fullmatch(rf"(.+?){_GAP}*[/／]{_GAP}*文{_GAP}+(.+?){_GAP}*[/／]{_GAP}*图", body)
    if writer is not None:  # "role name/文　role name/图": the writer keeps the role, the other took the picture
        text, photo = parse_credits(writer.group(1)), _as_photographers(parse_credits(writer.group(2)))
        b, p = text.byline, photo.byline
        return Credits(Byline(b.reporters, b.correspondents, p.photographers, b.authors, b.interns),
                       text.roles + photo.roles)
    if body.startswith("图") and re.match(_PICTURE_LABEL, body):  # "图①　name　摄　图②　name　摄"
        body = re.sub(rf"{_PICTURE_LABEL}{_GAP}*", "", body)
        body = re.sub(rf"{_GAP}*摄{_GAP}+(?=[^{_SPACE}])", " ", body)
    body = re.sub(rf"^((?:特约|本报)?摄影(?:记者)?){_GAP}*[:：]", r"\1 ", body)  # "摄影：李　明"
    if body.endswith("摄影") and not re.fullmatch(r"(?:特约|本报)?摄影", body):
        body = body[:-2].rstrip(_SPACE + "/／")  # "role name　摄影": 摄影 printed for 摄
    elif body.endswith("摄"):
        body = re.sub(rf"{_GAP}*文并$", "", body[:-1].rstrip(_SPACE + "/／"))  # "name　文并摄"
    return _as_photographers(parse_credits(body))
