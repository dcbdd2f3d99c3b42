"""What a line of text looks like: headline, banner, list entry, interview question, or a sentence that
starts in the middle. Pure string tests, shared by the headline reader, the joiner and the segmenter.
"""

from __future__ import annotations

import re
import unicodedata

from ..patterns import lazy_compile
from .blocks import ends_open, is_closed
from .bylines import SIGNER_ROLES, is_person_name, label_pair, person_names, signature

HAN = "\u3400-\u9fff"
SENTENCE_STOPS = lazy_compile(r"[。！？!?]")
MAX_HEADLINE_CHARS = 60
MAX_CROSSHEAD_CHARS = 30
_GAP = " \u3000"

# a short bracketed note after a headline: "(图)", "（上）", "（摘登）", "（组图）", "（2024年度）"
_NOTE = lazy_compile(r"[(（][^()（）]{1,12}[)）]$")
# a published document's issuing or adoption note under its title: "（2025年6月20日中华全国总工会办公厅印发）",
# "（2024年3月1日第十四届全国人民代表大会常务委员会第八次会议通过）"
_ISSUING_NOTE = lazy_compile(r"[(（](?:\d{4}年\d{1,2}月(?:\d{1,2}日)?|[^()（）]{0,6}年[^()（）]{0,6}月)[^()（）。；;]{0,50}"
                             r"(?:通过|印发|发布|公布|修订|修正|施行|审议|颁布)[^()（）。；;]{0,12}[)）]")
# a body that issues documents and notices: "江苏省总工会", "中华全国总工会办公厅"
ISSUER = r"[\u4e00-\u9fff]{2,14}(?:工会|委员会|人民政府|政府|办公厅|办公室|部|厅|局|协会|联合会|中心)"
# a group of readers or workers signing a letter, after the place they write from: "东莞　一群女工", "江门　几位老职工",
# "部分农民工", "一位老党员" — a count word and whom it counts, nothing more (not "一群女工的心愿", not "几位职工获表彰")
_GROUP_SIGNER = (r"(?:[\u4e00-\u9fff]{2,8}[ \u3000]+)?(?:一群|几位|几名|部分|一批|一位|一名)(?:老|退休|青年|年轻|外来)?"
                 r"(?:职工|员工|工人|女工|农民工|环卫工人?|快递员|外卖员|货车司机|司机|会员|党员|读者|工友|师傅|家长|居民|患者)")
_GROUP_SIGNATURE = lazy_compile(_GROUP_SIGNER)
# an office that signs a notice it issues: "本报编辑部", "某市总工会办公室", "中华全国总工会办公厅" (a bare
# "…工会" is not enough: "…写信感谢工会" is a headline)
_SIGNING_OFFICE = lazy_compile(r"(?:本报|本刊)?编辑部|[\u4e00-\u9fff]{2,12}(?:总工会|工会委员会|委员会|人民政府|联合会)"
                               r"(?:办公厅|办公室|宣传部|编辑部)?|[\u4e00-\u9fff]{2,12}(?:办公厅|办公室)"
                               # a paper or publisher signing its own notice (a 征文启事): "江州工人报社", "某某杂志社"
                               r"|[\u4e00-\u9fff]{2,10}(?:报社|杂志社|出版社|报业集团)"
                               # a body of people signing together: "…环卫所全体环卫工人", "…车间全体职工"
                               r"|[\u4e00-\u9fff]{2,20}全体[\u4e00-\u9fff]{0,4}(?:职工|员工|工人|会员|同志|师生|党员|干部|队员)"
                               # the ad hoc body signing an obituary or an event's notice: "胡德钧同志治丧小组",
                               # "…治丧办公室", "…大赛组委会", "…大赛筹委会", "…筹备组" (not a headline telling of one set up:
                               # "市总工会成立职工帮扶领导小组")
                               r"|(?![\u4e00-\u9fff]*?(?:成立|组建|设立|调整|召开|举行))"
                               r"[\u4e00-\u9fff]{2,16}(?:治丧小组|治丧办公室|领导小组|组委会|筹委会|筹备组)"
                               # a group of readers signing a letter (``_GROUP_SIGNER``)
                               r"|" + _GROUP_SIGNER)
# an article of a published document: "第一条　…", "第十二条 …"
_ARTICLE = lazy_compile(r"^第[一二三四五六七八九十百零]{1,5}条(?:[ \u3000]|$)")
# a line that lists what goes with a text ("附件：…", "附：…"): running text, never a heading
_ANNEX = lazy_compile(r"^(?:附件|附表|附录|附)\d?[：:]")
# (also in tortoise-shell brackets, "〔短评〕", "〔工会动态〕"; not a bracketed year or number, "〔2022〕", which is a
# document number's part)
_BRACKET_LABEL = lazy_compile(r"^(?:【[^【】]{1,24}】|〖[^〖〗]{1,24}〗|\[[^\[\]]{1,24}\]|〔[^〔〕\d][^〔〕]{0,23}〕)$")
_SLOGAN_PART = lazy_compile(rf"[{HAN}“”‘’「」·]{{2,12}}")
_BANNER = lazy_compile(rf"[{HAN}·・]{{2,7}}")
# characters a title does not end on but a sentence cut at a column end often does
_CUT_ENDINGS = set("的了在和与对将把被从向为及并而之于由使让给就都也又还更要")
# a speaker's run-in: "记者：", "问：", "答：", "主持人：" (a name that recurs is checked by the caller)
# (after a typographic mark, "■问：", "◆记者：", or in lenticular brackets, "【问】", "【答】")
_SPEAKER = lazy_compile(rf"^[■□◆◇●▲][ \u3000]*(?P<marked>本报记者|记者|主持人|编者|问|答|Q|A|[{HAN}]{{2,4}})[：:]"
                        rf"|^【(?P<bracketed>本报记者|记者|主持人|编者|问|答|[{HAN}]{{2,4}})】"
                        # "问1：…", "答1：…", "问二：…": a numbered turn of a Q&A column is the generic turn word
                        # (its number only counts the questions; a number of more than two digits is no turn's, and Q3 is a
                        # quarter); read before a two-to-four-character name's label, which "问一" would otherwise be taken for
                        # (in any of its forms: Q1：/A1：, 问①：, 问（一）：; a Q3 read as a quarter has no colon after it)
                        rf"|^(?P<numbered>问|答|[QAＱＡ])(?:[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,2}}|[①-⑳]"
                        rf"|[(（](?:[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,2}})[)）])[：:]"
                        rf"|^(?P<label>本报记者|记者|主持人|编者|问|答|Q|A|[{HAN}]{{2,4}})[：:]"
                        # "问　您刚进厂时…", "答　那时候…": the one-character turn words parted from the text by a
                        # U+3000 (no colon); "记者　name" is a byline, so only 问 and 答
                        rf"|^(?P<gapped>问|答)\u3000(?=[^\s\u3000])"
                        )
_GENERIC_SPEAKERS = {"本报记者", "记者", "主持人", "问", "答", "Q", "A"}
# the editors' words opening a piece: an 编者按, or the 开栏的话 that opens a new series ("开栏的话：即日起，本版推出…")
_NOTE_WORDS = r"(?:编者按|开栏的话|开栏语|开篇的话)"
_EDITOR_NOTE = lazy_compile(rf"^(?:[【\[]{_NOTE_WORDS}[】\]][：:\s\u3000]?|{_NOTE_WORDS}[：:\s\u3000])")
# characters that never open a sentence: closing marks, pauses, particles and suffixes
_NEVER_FIRST = set("，,、；;：:。.！!？?）)】」』”’》〉的地得了着过们吗呢吧啊嘛么")
# single characters that do open sentences before 的 ("我的…", "这的…" are fine; "会的补充" is not)
_BEFORE_DE_OK = set("我你他她它谁这那哪别有是真新好老大小多少全各某其该本此每旧长短高低")


def bracket_note(text: str) -> tuple[str, str] | None:
    """(headline, note) when a headline ends with a short bracketed note; None otherwise."""
    match = _NOTE.search(text)
    if not match or match.start() == 0:
        return None
    return text[: match.start()].rstrip(_GAP), match.group(0)


def note_only(text: str) -> bool:
    """A line that is only a bracketed note: "（2024年度）", "（组图）", "【案情】"."""
    return bool(_NOTE.fullmatch(text) or _BRACKET_LABEL.fullmatch(text) or _ISSUING_NOTE.fullmatch(text))


# who answers the paper's questions: "…负责人答记者问", "…答本报记者问", "…接受本报记者专访", "…就…答记者问"
ANSWERS_PRESS = lazy_compile(r"[\u4e00-\u9fff“”·《》]{2,}(?:答(?:本报)?记者问|接受(?:本报)?(?:记者)?(?:专访|采访))$")
# "记…"/"访…" opening a profile's or an interview's 副题 (not 记者…, 记住…, 访谈…)
PROFILE = lazy_compile(r"^(?:记|访)(?![者住录忆得账载挂谈问客])[\u4e00-\u9fff“「《]")
# the pairs of brackets a page sets a 副题, a label or a person's introduction in: every pair but 《》, which names a work;
# round brackets of either width close each other (OCR and e-paper copies mix them)
_BRACKET_PAIRS = (("(（", ")）"), ("【", "】"), ("〖", "〗"), ("〔", "〕"), ("[", "]"), ("「", "」"), ("『", "』"), ("〈", "〉"),
                  ("［", "］"), ("〘", "〙"))


def in_one_bracket_pair(lead: str = "") -> str:
    """A pattern for a text in one pair of brackets of any kind (_BRACKET_PAIRS), after ``lead`` (a look-ahead at the
    text's start), the text in a group of its own for each pair."""
    return "|".join(f"[{re.escape(opening)}]{lead}([^{re.escape(opening + closing)}]+)[{re.escape(closing)}]"
                    for opening, closing in _BRACKET_PAIRS)


# a whole line in one pair of brackets, any kind a page sets a 副题 in
_ONE_BRACKET_PAIR = lazy_compile(rf"^(?:{in_one_bracket_pair()})$")


def interview_bracket(text: str) -> bool:
    """"【全国总工会集体协商部负责人答记者问】", "〔访省总工会法律工作部部长单立新〕", "（…负责人答本报记者问）",
    "（访…部长name）": a line in one pair of brackets, of any kind, saying who answers the paper's questions, or a long
    访…/记… line: the 副题 an interview or a profile prints with a dash, set in brackets (a column's name, "【访民情】", is a
    few characters)."""
    text = text.strip(" \u3000")
    if not _ONE_BRACKET_PAIR.match(text):
        return False
    inner = text[1:-1].strip(" \u3000")
    return bool(ANSWERS_PRESS.search(inner)) or (len(inner) >= 8 and bool(PROFILE.match(inner)))


def bracket_label(text: str) -> bool:
    """"【大国工匠·系列报道③】", "【说法】": a label in lenticular brackets."""
    return bool(_BRACKET_LABEL.fullmatch(text))


# OCR's "o" for the small circle of "。" inside a line of a scanned page: right after a Han character and before a closing
# quote or bracket, a sign-off's bracket or the next sentence's Han character ("…也是作风o”", "…参加学习o(郜 文)",
# "…九十二o今年…"); no word of running text puts a lone Latin o there (after a Latin letter, "Logo", it is a word's)
_OCR_STOP_INSIDE = lazy_compile(r"(?<=[\u4e00-\u9fff])[oO](?=[”’」』)）(（\u4e00-\u9fff]|$)")
# …and its zero "0" for "。" closing a quoted sentence ("…他们的事工会要管0”"): a zero after a Han character right before the
# closing quote of a quotation holding a comma, a sentence's; a quoted figure ("事故“清0”", "“归0”") holds none
_OCR_ZERO_STOP = lazy_compile(r"[“‘「『][^“”‘’「」『』]*[，,][^“”‘’「」『』]*[\u4e00-\u9fff]0[”’」』]")


def sentencey(text: str) -> bool:
    """Running text: a sentence stop inside (OCR's "o" for "。" counted, ``_OCR_STOP_INSIDE``), or too long for any
    headline."""
    return bool(SENTENCE_STOPS.search(text[:-1]) or _OCR_STOP_INSIDE.search(text[:-1]) or _OCR_ZERO_STOP.search(text)) \
        or len(text) > MAX_HEADLINE_CHARS


# a headline that asks and then answers: "加班费怎么算？先看清这三种情形", "工资被拖欠怎么办？律师来支招"
# (short, one ？/！ inside, no comma, colon or full stop anywhere)
_QUESTION_HEADLINE = lazy_compile(r"[^。，,；;：:？?！!]{2,16}[？?！!][^。，,；;：:？?！!]{2,20}[？?！!]?")


def question_headline(text: str) -> bool:
    """A question (or exclamation) and a short phrase after it on one line: a headline, not two sentences."""
    return bool(_QUESTION_HEADLINE.fullmatch(text)) and text[:1] not in "“「『"


def speaker(text: str) -> str | None:
    """The speaker label of an interview line ("记者：…", "周建民：…"), or None."""
    match = _SPEAKER.match(text)
    if not match or len(text) <= match.end() + 1:
        return None
    return (match.group("label") or match.group("marked") or match.group("bracketed") or match.group("gapped")
            or match.group("numbered"))


def generic_speaker(text: str) -> bool:
    """An interview question or answer with a generic label (记者, 问, 答, 主持人): always body text."""
    label = speaker(text)
    return label in _GENERIC_SPEAKERS


_EDITOR_LABEL = lazy_compile(r"^[【\[〖]?(?:编者按|编者的话|编后|编后语|编后记|开栏的话|开栏语|开篇的话)[】\]〗]?[：:]?$")


# a commentary's label printed over its title (短评, 快评, 时评, 编后, 评论员文章), padded or bracketed as printed
_COMMENTARY_LABEL = lazy_compile(r"^[【\[〖〔◇◆■□]?(?:(?:短|快|时|微|热|锐|社|新)?评(?:论)?|编后(?:语|记)?|评论员文章)[】\]〗〕◇◆■□]?$")


def commentary_label(text: str) -> bool:
    """A commentary's label ("短　评", "【快评】"): the paper's comment on the page's news, no story of its own."""
    return bool(_COMMENTARY_LABEL.match(re.sub(r"[ \u3000]", "", text)))


def editor_label(text: str) -> bool:
    """"编者按" (or 【编者按】, 编后) printed alone on a line above the note it labels."""
    return bool(_EDITOR_LABEL.match(text.strip(_GAP)))


def editor_note(text: str) -> bool:
    """"编者按：…", "编者按　…", "【编者按】…": a note from the editors that opens a piece."""
    return bool(_EDITOR_NOTE.match(text))


# the editors' note printed after a piece, closing it: "编后：…", "【编者附言】…", "编者附记　…"
_EDITOR_AFTERWORD = lazy_compile(r"^(?:[【\[〖](?:编后|编后语|编后记|编者附言|编者附记)[】\]〗][：:\s\u3000]?"
                                 r"|(?:编后|编后语|编后记|编者附言|编者附记)[：:\s\u3000])")


def editor_afterword(text: str) -> bool:
    """"编后：…", "【编者附言】…": a note from the editors run in after a piece (its signature may stand between);
    it closes the piece above it, never opens one."""
    return bool(_EDITOR_AFTERWORD.match(text.strip(_GAP)))


def cut_sentence(text: str) -> bool:
    """A long line with a comma that stops on a character no title or sentence ends with ("在青海果洛藏族自治州，
    一辆辆服务车穿行在草原上，为牧区的"): a sentence cut at a column end."""
    return len(text) >= 16 and bool(re.search(r"[，,；;]", text)) and text[-1:] in _CUT_ENDINGS


def headline_text(text: str, cut_ok: bool = False) -> bool:
    """Shaped like a headline line: short, no sentence inside, not ending mid-sentence.

    ``cut_ok``: the line is known to head a story (a byline line under it), so a comma and a last character
    that can end a cut sentence (了, 的…) do not make it one ("公司违法解除合同，法院判了").

    A trailing bracketed note ("…成效初显(图)", "…解读（上）") is set aside first, and a line that is only a
    note is headline-shaped too (it belongs to the headline above it).
    """
    if not text or generic_speaker(text) or editor_note(text) or list_entry(text) or _ANNEX.match(text) \
            or salutation(text) or letter_closing(text) or book_line(text) \
            or data_source(text):
        return False
    if note_only(text) or colon_label(text):
        return True
    noted = bracket_note(text)
    if noted is not None:
        text = noted[0]
    if text.endswith("——") and text[:-2].rstrip(_GAP)[-1:] in "？?！!":
        # "送餐途中受了伤，谁来担责？——": a question (or exclamation) leading into the title under it with a dash; its
        # stop closes the kicker, not a sentence inside a line of text
        text = text[:-2].rstrip(_GAP)
    if not text or (sentencey(text) and not question_headline(text)) or ends_open(text):
        return False
    if cut_sentence(text) and not cut_ok:
        return False  # "…，为牧区的": a sentence cut at a column end, not a title
    if is_closed(text):
        # titles may end with ? or ! (and a quoted crosshead with its closing quote)
        return len(text) <= MAX_CROSSHEAD_CHARS and (text[-1] in "?？!！”’」』》" or text.endswith("……"))
    return True


# a name of two or three characters (four-character openings are slogans: "全面推行　阳光工资")
_NAMED_ENTRY = lazy_compile(rf"^(?P<name>[{HAN}](?:[ \u3000]{{1,3}}[{HAN}]|[{HAN}]{{1,2}}))(?:\u3000|[ \u3000]{{2,}})[{HAN}]")


# "一、", "（二）", "3." opening a line: a numbered section heading
# "第一章", "第三节", "第二部分" open a document's chapter heading the same way
_ENUMERATOR = lazy_compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d)"
                           r"|第[一二三四五六七八九十百零]{1,4}(?:章|节|编|部分)(?:[ \u3000]|$))")


# the number of a list item opening a line: "1．", "2.", "3、", "（4）", "⑤", and a clause of a notice or rules
# numbered in Chinese in brackets ("（二）年龄在35周岁以下…；")
_LIST_NUMBER = lazy_compile(r"^(?:(?P<arabic>\d{1,2})[.．、](?!\d)|[(（](?P<bracketed>\d{1,2})[)）]|(?P<circled>[①-⑳])"
                            r"|[(（](?P<chinese>[一二三四五六七八九]|十[一二三四五六七八九]?)[)）])")
_CHINESE_DIGITS = "一二三四五六七八九"


def list_number(text: str) -> int | None:
    """The number of a list item opening the line ("2．选择…；" -> 2), or None."""
    match = _LIST_NUMBER.match(text.strip(_GAP))
    if match is None:
        return None
    if match.group("circled"):
        return ord(match.group("circled")) - ord("①") + 1
    chinese = match.group("chinese")
    if chinese:  # "九" -> 9, "十" -> 10, "十二" -> 12
        return (10 if chinese[0] == "十" else 0) + (_CHINESE_DIGITS.index(chinese[-1]) + 1 if chinese[-1] != "十" else 0)
    return int(match.group("arabic") or match.group("bracketed"))


def numbered_heading(text: str) -> bool:
    """"一、坚持政治引领，筑牢思想根基": an enumerator, a short phrase or two, no sentence end."""
    return bool(_ENUMERATOR.match(text)) and len(text) <= 30 and not SENTENCE_STOPS.search(text)


# a figure written in characters, as pages before the 1980s (and formal reports) print them: a numeral with its magnitude
# ("三百二十万", "十八", "五百六十万", "两千"), or three or more digits in a row ("一九五二", "二〇一五"); one numeral or two
# are no figure ("一线", "三八", "五一", "百万职工" name things, not amounts)
_CHINESE_FIGURE = ("(?:[一二三四五六七八九两][十百千万亿]|十[一二三四五六七八九]|[〇零一二三四五六七八九]{3,})"
                   "[〇零一二三四五六七八九十百千万亿]*")
# a figure with what may precede it ("增长8.4%" reads "增长" then the figure) and its unit
_FIGURE = rf"(?:[{HAN}]{{0,6}}[0-9０-９][0-9０-９.,，．]*|{_CHINESE_FIGURE}(?:多|余)?)(?:%|％|‰|[{HAN}]{{1,4}})?"
# the figure first: "1.6万家", "三百二十万人"
_FIGURE_FIRST = rf"(?:[0-9０-９][0-9０-９.,，．]*|{_CHINESE_FIGURE}(?:多|余)?)(?:%|％|‰|[{HAN}]{{1,4}})?"
_ROW_LABEL = rf"[{HAN}“”（）()、·A-Za-z]{{2,24}}"
# a row of a table of figures: a label, a wide gap (two or more spaces), a figure with its unit
# ("新建职工服务驿站　　　38个", "发放帮扶金　　326.5万元", "参保率　　　98.6%"; "一九五五年　　五百六十万人")
_FIGURE_ROW = lazy_compile(rf"^{_ROW_LABEL}[ \u3000]{{2,}}{_FIGURE}$"
                           # the figure first: "1.6万家　　　参赛企业"
                           rf"|^{_FIGURE_FIRST}[ \u3000]{{2,}}{_ROW_LABEL}$")


# the same row with one U+3000 between the figure and its label ("3.6万人　城镇新增就业", "参保率　98.6%"): alone it
# may be a kicker with a gap ("10万职工　同上一堂课"), so it counts only in a run of rows (units._mark_figure_rows)
_NARROW_FIGURE_ROW = lazy_compile(rf"^{_ROW_LABEL}\u3000{_FIGURE}$|^{_FIGURE_FIRST}\u3000{_ROW_LABEL}$")


def figure_row(text: str, narrow: bool = False) -> bool:
    """One row of a table of figures printed as text: it stands alone, like an honours-list entry. ``narrow``:
    a single U+3000 between figure and label is enough (the row is one of a run)."""
    text = text.strip(_GAP)
    return bool(_FIGURE_ROW.match(text) or (narrow and _NARROW_FIGURE_ROW.match(text)))


# a table printed as lines: three or more cells parted by wide gaps (two or more spaces or U+3000) on each row
# ("制造业　　20480　　7.1%", the header "行业　　平均工资（元）　　同比增长"); a figure cell is a number with its unit
_CELL_GAP = lazy_compile(r"[ \u3000]{2,}")
# a table set narrow: its cells parted by one U+3000 or space ("农八师　96.2　88%"); such a row is read only in a run of
# rows holding figures (units._mark_table_rows), since one gap also parts a padded name (王　勇) or a slogan's phrases
_NARROW_CELL_GAP = lazy_compile(r"[ \u3000]+")
_TABLE_MIN_CELLS = 3
_CELL_MAX_CHARS = 24
_FIGURE_CELL = lazy_compile(_FIGURE)


def table_cells(text: str, narrow: bool = False) -> list[str] | None:
    """The cells of a row of a table printed as a line, or None when the line is no such row (fewer than three
    cells, a cell too long or holding a sentence stop). ``narrow``: cells parted by any gap, one U+3000 too."""
    cells = (_NARROW_CELL_GAP if narrow else _CELL_GAP).split(text.strip(_GAP))
    if len(cells) < _TABLE_MIN_CELLS or any(len(c) > _CELL_MAX_CHARS or SENTENCE_STOPS.search(c) for c in cells):
        return None
    return cells


def figure_cells(cells: list[str]) -> bool:
    """Every cell after the row's label is a figure: a data row of a table (the header row names its columns)."""
    return all(_FIGURE_CELL.fullmatch(cell) for cell in cells[1:])


def _reader_signature(text: str) -> bool:
    """A signature naming a reader's, worker's or netizen's role ("江州市　读者　甘　露", "读者　苗青青")."""
    signed = signature(text)
    return signed is not None and any(role.role in SIGNER_ROLES for role in signed.roles)


def list_entry(text: str) -> bool:
    """One entry of an honours list: short, one sentence, ending with 。 ("王秀兰　徐工集团焊接技师。"),
    or a person's name, a wide gap and their unit, with or without 。 ("马  超　郑州宇通客车…班长"); or a
    row of a table of figures (``figure_row``)."""
    if figure_row(text):
        return True
    if not 4 <= len(text) <= 50 or re.search(r"[，,；;：:]", text) or SENTENCE_STOPS.search(text[:-1]):
        return False
    if _ARTICLE.match(text):
        return False  # "第六条　本办法由…负责解释。": an article of a document, not a person and a unit
    if _GROUP_SIGNATURE.fullmatch(text.strip(_GAP)):
        return False  # "江门　几位职工": a group signing a letter (a place, not a surname and a name; no unit)
    if text.endswith("。"):
        return True
    if person_names(text):
        return False  # "王晓红　李　明": co-authors, not a name and a unit
    if _reader_signature(text):
        return False  # "江州市　读者　甘　露": a letter's signature (place, the signer's role, a name), not an entry
    named = _NAMED_ENTRY.match(text)
    return named is not None and is_person_name(named.group("name"))


def phrases(text: str) -> list[str]:
    """The space-separated phrases of a line; a space printed before an opening quote separates nothing
    ("宁波鄞州成立 “鄞领服务联盟”" is one phrase)."""
    return re.split(rf"[{_GAP}]+(?![“「『‘\"(（《])", text.strip(_GAP))


def slogan(text: str) -> bool:
    """Two or more short phrases separated by spaces: "奋斗百年路 启航新征程", "稳就业 促增收"."""
    parts = phrases(text)
    return len(parts) >= 2 and all(_SLOGAN_PART.fullmatch(p) for p in parts) and len(text) <= 30


def short_slogan(text: str) -> bool:
    """A campaign banner made of very short phrases: "新时代 新征程 新伟业", "学党史 悟思想"."""
    parts = phrases(text)
    return len(parts) >= 2 and all(re.fullmatch(rf"[{HAN}]{{2,3}}", p) for p in parts)


_BANNER_MARKS = "■□◆◇●○▲△★☆▶►"
_SPACED_BANNER = lazy_compile(rf"[{HAN}](?:[ \u3000]{{1,3}}[{HAN}]){{1,3}}")
_DOTTED_BANNER = lazy_compile(rf"[{HAN}]{{2,6}}(?:[·・•|｜][{HAN}]{{2,6}})+")


# a book's publication line under a review's title ("《炉火与星光》，钟以宁著，江州人民出版社2025年4月出版"): the book's
# title in 《》, its author with 著/编著/主编/译, and its publisher; printed text of the review, never a headline
_BOOK_LINE = lazy_compile(r"^《[^《》]{1,30}》[（(]?[^《》]{0,6}[)）]?[，,、 \u3000]+[^《》，,]{1,30}(?:著|编著|主编|编|译|等著)"
                          r"[，,、 \u3000]+[^《》]{0,20}出版(?:社|集团|公司)")


# a chart's or table's source note ("数据来源：江州市总工会", "资料来源：…"): printed under the chart as its text
_DATA_SOURCE = lazy_compile(r"^(?:数据|资料|统计数据)来源[：:]")


def data_source(text: str) -> bool:
    """A chart's source note ("数据来源：…"): text under a chart, never a headline."""
    return bool(_DATA_SOURCE.match(text.strip(_GAP)))


def book_line(text: str) -> bool:
    """A book's title, author and publisher on one line (a review's book line): text, not a headline."""
    return bool(_BOOK_LINE.match(text.strip(_GAP)))


def colon_label(text: str) -> bool:
    """A column label that introduces what follows: "记者调查：", "特别关注:"."""
    return len(text) <= 10 and text[-1:] in "：:" and bool(re.fullmatch(rf"[{HAN}·]{{2,8}}", text[:-1]))


# the short names of the provinces (the parser does not read the tagger's gazetteer: a parse must not depend on it)
_PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
              "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
              "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")


def place_label(text: str) -> bool:
    """"河北唐山：", "四川：": a province's short name (and a place of two or three characters after it) and a colon
    alone on a line: the place of the story under it, its kicker, not a column's name."""
    if not colon_label(text.strip()):
        return False
    name = text.strip()[:-1]
    return any(name.startswith(p) and len(name) - len(p) in (0, 2, 3) for p in _PROVINCES)


def plain_name_shape(text: str) -> bool:
    """Five to seven Han characters and nothing else ("冬训练兵正当时"): the shape of a bare column name and of a
    short kicker alike."""
    return bool(_BANNER.fullmatch(text.strip())) and "·" not in text and "・" not in text and len(text.strip()) >= 5


def banner(text: str) -> bool:
    """A section banner or column name: 工运走笔, 最美职工, 以案说法, 奋斗者·正青春, 新时代·新作为·新篇章,
    记者调查："""
    text = text[:-1] if colon_label(text) else text
    text = text.lstrip(_BANNER_MARKS + _GAP)  # "■来信", "▲各地工会": a typographic mark before the name
    if _SPACED_BANNER.fullmatch(text) and (not is_person_name(text) or label_pair(text)):
        return True  # a letter-spaced column name: "书　香", "工　运　走　笔", "简　讯" (a padded name is a person)
    return bool(_BANNER.fullmatch(text)) or (len(text) <= 16 and bool(_DOTTED_BANNER.fullmatch(text))) \
        or bool(_SELECTION_BANNER.fullmatch(text))


# the banner of a contest's or a call's pieces printed under it: "“我与企业共成长”征文选登", "职工书画作品选登",
# "“劳动最美”主题征文" — what is printed (选登, 摘登, 征文), never what happened
_SELECTION_BANNER = lazy_compile(rf"(?:“[^“”]{{2,16}}”|[{HAN}]{{2,10}})(?:主题)?(?:征文|作品|来稿|书画|摄影)?(?:选登|选编|选粹|摘登)"
                                 rf"|“[^“”]{{2,16}}”(?:主题)?征文")


def selection_banner(text: str) -> bool:
    """"“我与企业共成长”征文选登": the banner of a contest's or a call's pieces printed under it."""
    return bool(_SELECTION_BANNER.fullmatch(text.strip(_GAP)))


def opens_mid_sentence(text: str) -> bool:
    """True when the text cannot be the start of a sentence: it opens with a closing mark, a pause, a
    particle ("的工会服务站点…"), or a single character bound to a following 的 ("会的补充…")."""
    text = unicodedata.normalize("NFKC", text.lstrip(_GAP))
    if not text:
        return False
    if text[0] in _NEVER_FIRST:
        return True
    if len(text) >= 3 and "\u4e00" <= text[0] <= "\u9fff" and text[1] == "们" and text[0] not in "我你他她它咱人":
        return True  # "员们纷纷表示…": the tail of 队员们/职员们, cut out of its word
    if len(text) >= 3 and "\u4e00" <= text[0] <= "\u9fff" and text[1] in "，,、；;" and text[0] not in _ALONE_FIRST:
        return True  # "位，每月评比一次…": the last character of a word (岗位, 单位) cut from its line
    return len(text) >= 3 and "\u4e00" <= text[0] <= "\u9fff" and text[1] == "的" and text[0] not in _BEFORE_DE_OK


# one character that may stand alone before a pause at the start of a sentence ("对，…", "但，…", "嗯，…")
_ALONE_FIRST = set("对是好嗯哦噢啊唉哎诶喂呀嘿但而且或则故因总另再")


# a notice's own heading: "更正", "启事", "声明", "公告", "致歉", "征稿启事"
# (and an official document's own heading, as a 工会 paper prints the document: "关于报送2019年度工会统计年报的通知")
# (in traditional characters as a 港澳 or 台 paper prints them: "啟事", "聲明", "訃告", "關於…的通知")
_NOTICE_TITLE = lazy_compile(r"[\u4e00-\u9fff]{0,6}(?:更正|启事|啟事|声明|聲明|公告|通告|致歉|讣告|訃告|公示)"
                             r"|[关關][于於][^，。！？；：:]{2,40}的(?:通知|决定|決定|通报|通報|意见|意見|公告|批复|批覆|函"
                             r"|倡议书?|倡議書?)")
# the date a notice or a letter is signed on, alone on a line: "2025年5月8日", "10月9日"; in full-width figures
# ("２０１５年５月１２日") or written in characters as notices and letters sign ("二〇一五年五月十二日", "一九六三年四月十六日",
# "十月三十一日")
_CN_DIGIT = "〇零一二三四五六七八九"
_SIGNING_DATE = lazy_compile(rf"(?:(?:(?:19|20)\d{{2}}|[１２][０-９]{{3}}|[一二][{_CN_DIGIT}]{{3}})年)?"
                             r"(?:\d{1,2}|[０-９]{1,2}|十[一二]?|[一二三四五六七八九])月"
                             r"(?:\d{1,2}|[０-９]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日")


# the salutation of a letter: "编辑同志：", "尊敬的各位会员：", "亲爱的工友们："
# (a document's addressees: "各市州总工会，各省级产业工会：", "各基层工会：")
_SALUTATION = lazy_compile(r"(?:(?:尊敬的|亲爱的)[^，。：:]{1,12}|[\u4e00-\u9fff]{0,8}(?:同志|编辑|记者|读者|朋友|先生|女士|老师|师傅|工友|们)"
                           # an addressee may name its places in a bracket or a run parted by 、: "各县（市、区）总工会",
                           # "各省、自治区、直辖市总工会"
                           r"|各(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff、]{1,8}[)）]|、(?=[\u4e00-\u9fff])){1,16}"
                           r"(?:工会|工委|单位|部门|委员会|公司|学校)"
                           # a later addressee may be qualified before its 各: "各市总工会，省各产业工会：", "…，市直各有关单位：";
                           # or be one body named in full, a union's: "…，中央和国家机关工会联合会："
                           r"(?:[，、](?:[\u4e00-\u9fff]{0,2}各[\u4e00-\u9fff]{1,14}(?:工会|工委|单位|部门|委员会|公司|学校)"
                           r"|[\u4e00-\u9fff]{2,14}(?:工会联合会|总工会|工会|工委))){0,3})[：:]")


def salutation(text: str) -> bool:
    """"编辑同志：" alone: a letter's salutation, a paragraph of its own (not a sentence cut at a column end)."""
    return bool(_SALUTATION.fullmatch(text.strip(_GAP)))


# the formulas that close a letter, each printed on a line of its own: "此致" over "敬礼！", "顺祝商祺"
LETTER_CLOSINGS = ("此致", "敬礼", "此致敬礼", "顺祝", "顺颂", "祝好", "谢谢", "顺祝商祺", "顺颂商祺", "祝工作顺利",
                   "祝身体健康", "祝编安", "顺颂编安")


# the label of the answer printed under a reader's letter: "记者回访", "本报编辑部答复：", "律师回复"
_REPLY_LABEL = lazy_compile(rf"[{HAN}]{{0,8}}(?:回访|答复|回复|追踪|跟进|释疑)[：:]?")


def reply_label(text: str) -> bool:
    """"记者回访": under a signed letter, the label of the answer to it (a crosshead of the letter's item)."""
    return bool(_REPLY_LABEL.fullmatch(text.strip(_GAP)))


# the heading of a box of advice printed on its own ("安全小贴士", "温馨提示", "维权须知"): it addresses the reader,
# not the story printed above it
BOX_HEADING_ENDINGS = ("小贴士", "温馨提示", "安全提示", "维权须知", "小常识", "小知识")


# the heading of a paper's or a union's hotline box ("职工热线", "本报维权热线", "法律援助热线"): a service notice telling
# the reader whom to call, a piece of its own, not a section of the story above (a statement about a hotline, such as
# "热线全天有人值守" or "开通维权热线", is no such label)
_HOTLINE_BOX = lazy_compile(r"^(?:本报)?(?:职工|维权|服务|读者|新闻|咨询|法律援助|法律|求助|投诉|帮扶|心理|关爱)(?:服务|咨询)?热线$")


def advice_box(text: str) -> bool:
    """"安全小贴士", "职工热线": the heading of a box of advice or of a hotline notice, a piece of its own."""
    stripped = text.strip(_GAP)
    return (stripped.endswith(BOX_HEADING_ENDINGS) and len(stripped) <= 10) or bool(_HOTLINE_BOX.match(stripped))


def letter_closing(text: str) -> bool:
    """"此致", "敬礼！": a letter's closing formula alone on a line, text of the letter (no headline)."""
    return text.strip(_GAP).rstrip("！!。") in LETTER_CLOSINGS


# the title of an honours list: "…获奖单位", "…获得者", "…名单（部分）"
_LIST_TITLE = lazy_compile(r".{2,40}(?:名单|获奖单位|获奖集体|获得者|获奖者|先进集体|先进个人|先进工作者|先进班组|先进单位"
                           r"|示范单位|积极分子|标兵|能手|劳动模范|先锋号|奖章|奖状)"
                           r"[”」』]?(?:[(（][^()（）]{1,10}[)）])?")  # the honour may be named in quotes: …“工人先锋号”
# an entry naming a unit: "天津港集团有限公司", "某电网公司带电作业班"
_UNIT_ENTRY = lazy_compile(rf"[{HAN}A-Za-z0-9（）()·“”]{{4,40}}(?:公司|集团|局|厂|站|所|院|校|中心|班|班组|组|车间|队|部|处|科|室|之家|小家"
                           r"|工会|委员会|协会|大学|学院|医院|银行|段|社|矿|场|店|馆|分会|支部)")


_CONFERS = lazy_compile(ISSUER + r"(?:命名|表彰|授予|通报表扬)")


def confers(text: str) -> bool:
    """"江州市总工会命名", "省总工会表彰": an issuing body and a verb of conferring, over the honour it names."""
    return bool(_CONFERS.fullmatch(text.strip(_GAP)))


def list_title(text: str) -> bool:
    """"2025年全国五一劳动奖章获得者", "工人先锋号名单（部分）": the title of an honours list."""
    return bool(_LIST_TITLE.fullmatch(text.strip(_GAP)))


# the bare name of an honour heading one list of a document conferring several ("河北省五一劳动奖状", "县五一劳动奖章",
# "工人先锋号（10个）", "优胜单位"): a section of the document, where "…获奖名单", "…获得者" title a list of their own
_HONOUR_SECTION = lazy_compile(rf"[{HAN}]{{0,6}}(?:五一劳动奖状|五一劳动奖章|劳动奖状|劳动奖章|工人先锋号|先进集体|先进个人"
                               r"|先进工作者|劳动模范|先进单位|先进班组|优秀单位|优胜单位|优胜集体|优胜个人|优秀个人|优秀选手)"
                               r"(?:[(（][0-9一二三四五六七八九十百]{1,4}[个名人项][)）])?")
# the title of a document conferring honours: "…关于表彰…的决定", "关于对…优胜单位和个人的通报", "…命名…的通知"
_CONFERRING_DOCUMENT = lazy_compile(r"(?:关于|表彰|授予|命名|表扬).*(?:决定|通报|命令|通知)")


# one row of a results list: a place, a gap, who took it ("第1名　张建国（杭钢集团）", "冠军　同煤集团代表队")
_RESULTS_ROW = lazy_compile(r"(?:第[0-9一二三四五六七八九十]{1,2}名|冠军|亚军|季军)[ \u3000]+[^ \u3000，。；：,;:！？!?][^，。；：,;:！？!?]{0,30}")
# the title of a results list: "全省职工田径赛部分项目成绩", "嘉兴职工游泳比赛成绩（部分）", "…决赛结果"
_RESULTS_TITLE = lazy_compile(r".{2,40}(?:成绩|成绩单|比赛结果|决赛结果|竞赛结果|名次)(?:[(（][^()（）]{1,10}[)）])?")


def results_row(text: str) -> bool:
    """"第1名　张建国（杭钢集团）": one row of a results list, a place and who took it."""
    return bool(_RESULTS_ROW.fullmatch(text.strip(_GAP)))


def results_title(text: str) -> bool:
    """"全省职工田径赛部分项目成绩": the title of a list of results (event headings over place rows follow)."""
    return bool(_RESULTS_TITLE.fullmatch(text.strip(_GAP)))


def honour_section(text: str) -> bool:
    """"河北省五一劳动奖状", "优胜单位": the bare name of one honour, heading its list inside a conferring document."""
    text = text.strip(_GAP)
    return bool(_HONOUR_SECTION.fullmatch(text)) and not re.search(r"名单|获得|获奖|年", text)


# one section of an honours list named by what it groups, with its count in brackets ("江北区（3名）", "市直机关（5个）",
# "制造业（12人）"): the count says rows follow under it, so under a whole list's title it heads a section, not an item
_COUNTED_SECTION = lazy_compile(rf"[{HAN}A-Za-z0-9·]{{2,12}}[(（][0-9一二三四五六七八九十百]{{1,4}}[个名人项家][)）]")


def counted_section(text: str) -> bool:
    """"江北区（3名）": a short group name with the count of the rows under it, one section of an honours list."""
    text = text.strip(_GAP)
    return bool(_COUNTED_SECTION.fullmatch(text)) and not list_title(text) and not re.search(r"名单|获得|获奖|年", text)


# a section of a list named by the bare group it holds, with no count and no honour word ("装备制造", "交通物流", "市直单位")
_BARE_SECTION = lazy_compile(rf"[{HAN}]{{2,6}}")


def bare_section(text: str) -> bool:
    """"装备制造": a short bare group name (no count, no honour word, no punctuation). Only a list's context (a list's
    title or its rows above, rows under it) makes it one of the list's sections."""
    text = text.strip(_GAP)
    return bool(_BARE_SECTION.fullmatch(text)) and not list_title(text) and not re.search(r"名单|获得|获奖|年", text)


def conferring_document(title: str) -> bool:
    """"…关于表彰…的决定", "关于对…的通报": a document conferring honours (its lists are its own sections)."""
    return bool(_CONFERRING_DOCUMENT.search(title.strip(_GAP)))


def list_row(text: str) -> bool:
    """One line of an honours list under its title: an entry (list_entry), a unit's name, or a row of two or
    more people's names ("王立新　李秀英　张建国　刘　明")."""
    text = text.strip(_GAP)
    if list_entry(text) or _UNIT_ENTRY.fullmatch(text):
        return True
    if re.search(r"[，,；;：:。！？!?]", text):
        return False
    names = [n for n in re.split(r"[ \u3000]{1,}", text) if n]
    # padded names ("刘　明") split in two: join single characters pairwise
    joined: list[str] = []
    for piece in names:
        if joined and len(joined[-1]) == 1 and len(piece) == 1:
            joined[-1] += piece
        else:
            joined.append(piece)
    if len(joined) >= 3 and is_person_name(joined[-1]) and any(_UNIT_ENTRY.fullmatch(p) for p in joined[1:-1]):
        return True  # "数控机床主轴热变形补偿技术　江州精机股份有限公司　孟凡东": what was achieved, the unit, who did it
    return len(joined) >= 2 and all(is_person_name(n) for n in joined)


def notice_title(text: str) -> bool:
    """"更正", "征稿启事": the heading of a notice; it titles an item, it is no crosshead."""
    text = text.strip(_GAP)
    if len(text) <= 5:  # a short heading is printed spread out: "讣　告", "公  告"
        text = re.sub(r"[ \u3000]+", "", text)
    return bool(_NOTICE_TITLE.fullmatch(text))


def signing_date(text: str) -> bool:
    """A date alone on a line ("2025年5月8日", "10月9日"): after a notice's or a letter's text and its signer, the
    date it was signed."""
    return bool(_SIGNING_DATE.fullmatch(text.strip(_GAP)))


def signing_office(text: str) -> bool:
    """The name of an office alone on a line ("本报编辑部", "某市总工会办公室"): after a notice's text it
    signs the notice; over a "关于…" title it is the issuer (the stack reader weighs the two)."""
    return bool(_SIGNING_OFFICE.fullmatch(text.strip(_GAP)))
