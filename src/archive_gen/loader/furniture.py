"""Page furniture: the 版 line ("第03版：要闻", "3版 要闻", "■第2版 新闻"), a masthead ("工人日报　2023年
10月17日　星期二　第1版"), editor credits ("本版编辑：许静"), a 导读 box of headlines printed on other
pages ("…成效初显（3版）") advertisements ("公益广告" over its slogan and sponsor) and a quotation box ("毛主席语录" or "最高指示" over the quotation
an older page prints at its top). They belong to no item; the page keeps them.

Pure: page text in, (furniture, notices) out; the lines are left out of the blocks.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..model import Notice, PageLine
from ..patterns import lazy_compile

_GAP = r"[ \u3000\t]"
_CN_NUMBER = "一二三四五六七八九十"
_PAGE = (rf"(?:第{_GAP}*)?(?P<number>[A-Da-d]?\d{{1,2}}|[{_CN_NUMBER}]{{1,3}}){_GAP}*版"
         rf"(?:{_GAP}*[:：·]?{_GAP}*(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff·・]{{0,9}}))?")
_PAGE_TOKEN = lazy_compile(rf"^[■□◆●]?{_GAP}*{_PAGE}$")
# a web e-paper's header may print the date the ISO way ("工人日报 2012-06-26 第07版：地方新闻")
_DATE = lazy_compile(r"^(?P<year>(?:19|20)\d{2})(?:年(?P<month>\d{1,2})月(?P<day>\d{1,2})日|-(?P<mm>\d{1,2})-(?P<dd>\d{1,2}))$")
# an older page (and a digitised archive of one) writes its date out in characters: "一九六四年三月五日", "一九七〇年…"
_CN_DATE = lazy_compile(r"^(?P<year>[一二三四五六七八九〇○零]{4})年(?P<month>十?[一二三四五六七八九十]|十)月"
                        r"(?P<day>[一二三]?十?[一二三四五六七八九十]|[二三]?十)日$")
_CN_DIGIT = {c: str(k) for k, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
# an input method in full-width mode, or an OCR program's TXT, prints a masthead's date in full-width digits
# ("２０１８年５月１５日", "２０１８－０５－１５"): the date is read through ASCII digits (the line is kept as printed)
_ASCII_DIGITS = str.maketrans("０１２３４５６７８９－", "0123456789-")
_WEEKDAY = lazy_compile(r"^(?:星期|周|礼拜)[一二三四五六日天]$")
_LUNAR = lazy_compile(r"^农历[\u4e00-\u9fff]{2,10}$")
# how many pages the day's issue has, printed on a masthead's date line ("今日8版", "本期16版", "今日共12个版"): a count,
# not this page's 版 (no 第), so it names no page; a masthead token as the weekday is
_ISSUE_PAGES = lazy_compile(r"^(?:今日|今天|本期|本日)共?(?:\d{1,2}|[一二三四五六七八九十]{1,3})个?版$")
_PAPER = lazy_compile(r"^[\u4e00-\u9fff]{2,10}(?:报|报社)$")
# a running head naming the paper and the section glued by a middle dot ("四川工人日报·综合新闻"): the paper's token (with a
# date on the line it is a masthead, as the paper's name alone is)
_PAPER_SECTION = lazy_compile(r"^[\u4e00-\u9fff]{2,10}报[·・•][\u4e00-\u9fff]{2,8}$")
_TITLE_NAME = lazy_compile(r"^[\u4e00-\u9fff]{2,8}$")
# (本版 may stand before the role spelled in full: "本版责任编辑　name", "本版美术编辑：name"; a provincial paper credits
# its page's chief editor and its layout too: "本版主编：name", "版式：name", "排版：name")
_EDITOR_ROLE = lazy_compile(r"^[■□◆●]?(?:本版)?(?:(?:责任|图片|美术|版式|实习|值班|总)?(?:编辑|责编|美编|校对|设计|制图|组版)"
                            r"|主编|版式|排版)(?:[:：](?P<name>.*))?$")
# a paper's contact fields printed beside its 版 or its editors ("■联系电话：0352-7086512", "E-mail:jcghb@163.com"); a
# line of them alone is furniture only when it names the 版 ("本版电话：…"): a notice prints its "咨询电话：…" as text
_CONTACT = lazy_compile(r"^[■□◆●]?(?P<own>本版|联系|编辑部|新闻|报料|投稿)?(?:电话|热线|传真|邮箱|电子邮箱|[Ee]-?[Mm]ail)[:：]?"
                        r"(?:[\d\-－—()（）]{5,24}|[\w.\-]+@[\w.\-]+)$", re.ASCII)
_NAME_PART = lazy_compile(r"^[\u4e00-\u9fff·]{1,4}$")
_PAGE_NAME = lazy_compile(r"^[:：]?[\u4e00-\u9fff][\u4e00-\u9fff·・]{1,9}$")
# a page numbered by its section letter with no 版 ("A1　要闻", "B3 文体"): read only with a page name after it
_LETTER_PAGE = lazy_compile(r"^[A-Da-d]\d{1,2}$")
_MAX_LINE = 60
# a chart's credit on a line of its own ("制图：丁　禾") under the chart's caption (图表：…) or its source note
# (数据来源：…): the chart's credit, read with the chart (a 制图 line elsewhere credits the page's designer)
_CHART_CREDIT = lazy_compile(r"^(?:制图|绘图)[:：]?[ \u3000]*[\u4e00-\u9fff·][\u4e00-\u9fff· \u3000]{0,8}$")
_CHART_TEXT = lazy_compile(r"^(?:图表|示意图|统计图|数据图|(?:数据|资料|统计数据)来源)[：:]")
# a web copy's footer naming the paper, the date and the 版 inside brackets, with gaps inside them:
# "《 人民日报 》（ 2026年10月13日　 第 06 版）" reads as the masthead "人民日报 2026年10月13日 第06版"
_BRACKETED_MASTHEAD = lazy_compile(rf"^《{_GAP}*(?P<paper>[^《》\s]{{2,12}}){_GAP}*》{_GAP}*[(（]{_GAP}*"
                                   rf"(?P<date>[^()（）]*?日){_GAP}*(?:(?:第{_GAP}*)?(?P<number>\d{{1,3}}){_GAP}*版)?{_GAP}*[)）]$")
# OCR of a scanned page reads a column rule, a box corner or the folio as a line of its own: one bar or block mark
# ("|", "丨", "■") or a bare page number of one or two digits, with nothing else on the line. No text line is that short.
# A PDF's folio may be set between dashes ("— 4 —", "- 12 -", "－3－"), a page number all the same.
_STRAY_MARK = lazy_compile(r"^(?:[|｜丨│┃■□◆◇●○▲△]|\d{1,2}|[-—－–][ \u3000]*\d{1,3}[ \u3000]*[-—－–])$")
# (an e-paper site's breadcrumb parts the paper, the day and the 版 with arrows: "劳动报 > 2014年07月22日 > 第06版：维权",
# "首页 » 第3版", "工人日报 ＞ 第05版", "当前位置：首页 > …"; the site's words for where the reader is are no token of the page)
_WHERE_YOU_ARE = lazy_compile(r"^(?:当前位置|您的位置|您现在的位置)[:：][ \u3000\t]*")
_SEPARATORS = {"·", "・", "•", "|", "｜", "-", "—", "－", ":", "：", "/", ">", "＞", ">>", "＞＞", "»", "›", "→",
               "首页"}
# a 导读 entry: a headline with the page it is printed on ("让技术工人有更多获得感（5版）")
_INDEX_ENTRY = lazy_compile(rf"^[▶►■●◆·•]?{_GAP}*[^\s]{{4,40}}?{_GAP}*[(（]{_GAP}*(?:第|见)?{_GAP}*"
                          rf"(?:[A-Da-d]?\d{{1,2}}|[{_CN_NUMBER}]{{1,3}}){_GAP}*版{_GAP}*[)）]$")
# a 导读 box's label: 导读 or 要目, with the paper and the day named before the word or not ("本期导读", "今日导读",
# "本报今日要目", "本报导读"); only these words before it, so a headline ending on 导读 ("暑期职工书单导读") is no label
_INDEX_LABEL = lazy_compile(r"^(?:本报|本刊)?(?:今日|今天|本期|本周|本版)?(?:要目|导读)$")

# a credit for the whole 版: "（本版稿件由本报记者孙　静整理）", "本版图片由某市总工会提供", "本版撰稿：本报记者 李明";
# a 专版's sponsors: "（本版由某市总工会　某市应急管理局协办）", "本专版由…联合主办"
_PAGE_CREDIT = lazy_compile(rf"^[(（]?{_GAP}*本专?版(?:稿件|文字|图片|图文|文图|照片|内容)?(?:[^()（）。]{{0,30}}?"
                            rf"(?:整理|撰稿|采写|提供|摄影?|协办|主办|承办|联办|合办)|(?:撰稿|整理|摄影|供图)[:：][^()（）。]{{1,30}}){_GAP}*[)）]?$")
# a 专版's sponsors named with no 本版: "江州市总工会　江州日报社　联合主办", "某市总工会　主办" (bodies known by the end
# of their names, then the verb, with a gap somewhere: a line of a hard-wrapped paragraph has none; a line saying 由 is a
# sentence)
_SPONSOR_LINE = lazy_compile(rf"^(?!.*由)(?=.*\S{_GAP}+\S)(?:[\u4e00-\u9fff]{{2,14}}?(?:工会|委员会|人民政府|政府|办公厅|办公室|部|厅|局|协会|联合会|中心|"
                             rf"报社|日报社|集团|公司){_GAP}*){{1,4}}(?:联合)?(?:主办|协办|承办|联办|合办)$")
# a 导读 entry that opens or ends with the page ("3版　一周工会动态", "一周工会动态　3版", "一周工会动态　见第3版"): read
# only in the lines right under a label, where it cannot be the page's own 版 line
# (the bullet may be ◎ ★ ☆ ◇ too, and a table of contents' run of dot leaders parts a title from its page as a gap
# does: "◎一位老矿工的“安全账本”…………第5版"; so does a leader of dashes, spaced or not: "☆…这样办— — — —第6版",
# "★…————第5版", "－－－－")
_INDEX_BULLET = "▶►■●◆·•◎★☆◇"
_INDEX_SEPARATION = rf"(?:{_GAP}*[…．.·]{{2,}}{_GAP}*|{_GAP}*(?:[—－\-─]{_GAP}*){{2,}}|{_GAP}+)"
_INDEX_LEADING = lazy_compile(rf"^[{_INDEX_BULLET}]?{_GAP}*(?:第{_GAP}*)?(?:[A-Da-d]?\d{{1,2}}|[{_CN_NUMBER}]{{1,3}}){_GAP}*版"
                            rf"{_GAP}+[^\s:：].{{3,40}}$"
                            rf"|^[{_INDEX_BULLET}]?{_GAP}*[^\s].{{3,40}}?{_INDEX_SEPARATION}(?:详?见{_GAP}*)?(?:第{_GAP}*)?"
                            rf"(?:[A-Da-d]?\d{{1,2}}|[{_CN_NUMBER}]{{1,3}})"
                            rf"{_GAP}*版$")


# ---- a web e-paper's or news site's furniture (a reader copying a 数字报 page or an article page takes these with the text)
# the controls of a web view, each a link or button: a line made only of them belongs to no item ("上一篇　下一篇",
# "【字号 大 中 小】　打印本页　关闭窗口", "分享到：微信　微博", "返回目录", "【打印】【关闭】")
_WEB_CONTROL = lazy_compile(r"^(?:上一版|下一版|上一篇|下一篇|上一期|下一期|返回目录|返回本版|返回版面|返回首页|返回顶部|版面导航|本版导航|"
                            r"打印本页|打印|关闭窗口|关闭|字号[:：]?|字体[:：]?|大|中|小|分享到[:：]?|微信|微博|QQ空间|朋友圈|收藏|"
                            r"发布时间[:：]?|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)$")
# a control only a web view prints (大/中/小 or a bare time are words of text too: a line needs one of these)
_WEB_STRONG = lazy_compile(r"上一|下一|返回|导航|打印|关闭|字号|字体|分享到|发布时间")
# the metadata line of a news site's article page: a time stamp with 来源/作者/编辑 fields after it
# ("2019-08-21 07:16:32　来源：工人日报　作者：钱　宏"); its names are the story's byline, printed again in its lead. A clock
# is read with either colon: a page printing its colons in one width prints its clocks in it too (０７：１６)
_WEB_META = lazy_compile(r"^(?:发布时间[:：]?[ \u3000]*)?(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}(?:[ \u3000]+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
                         r"[ \u3000]+(?:来源|作者|编辑|责任编辑|浏览|点击)[:：]")
# a site's breadcrumb: places parted by > ("中工网 > 新闻中心 > 工会新闻", "当前位置：首页 > 工会")
_BREADCRUMB = lazy_compile(r"^(?:当前位置[:：][ \u3000]*)?[^\s>＞»]{1,12}(?:[ \u3000]*[>＞»][ \u3000]*[^\s>＞»]{1,12}){1,5}$")
# a 来源 line ("来源：工人日报") printed beside a web view's controls is the view's furniture, not the story's trailer
_WEB_SOURCE = lazy_compile(r"^(?:来源|稿源|稿件来源)[:：][ \u3000]*[^\s，,。！？!?；;：:]{2,20}$")
# a list of other pages' stories a site prints under an article ("相关新闻" and the titles under it, up to a blank line)
_RELATED_LABEL = lazy_compile(r"^[【\[]?(?:相关新闻|相关阅读|推荐阅读|热点推荐|猜你喜欢)[】\]]?[:：]?$")
# a title list (目录) opening a web page, labelled or not ("本版目录", "本版标题"), its entries perhaps bulleted
_TOC_LABEL = lazy_compile(r"^[【\[]?(?:本版目录|目录|本版标题|本版文章|本版新闻|标题导航)[】\]]?[:：]?$")
_TOC_BULLET = lazy_compile(r"^[●◆■▲▶►·•\-－][ \u3000]*")
_TOC_ENTRY_MAX = 40


def _is_web_control(line: str) -> bool:
    """A line made only of a web view's controls (with one that only a web view prints)."""
    # a label's colon parts it from what follows ("分享到：微信", "发布时间：2021-10-19 05:40"); a clock's does not
    if _WEB_STRONG.search(line) is None:
        return False  # most lines: no control only a web view prints, so no need to cut the line into tokens
    tokens = [t for t in re.split(r"[ \u3000\t【】\[\]|｜/]+|(?<=[\u4e00-\u9fff][:：])", line) if t]
    return bool(tokens) and all(_WEB_CONTROL.match(t) for t in tokens)


def _web_lines(rows: list[tuple[int, str]]) -> set[int]:
    """Line numbers of a web copy's furniture: control lines, metadata lines, breadcrumbs, 来源 lines beside them,
    a 相关新闻 list and a 版面导航 run of 版 lines naming different pages."""
    found = {n for n, line in rows if _is_web_control(line) or _WEB_META.match(line)
             or (_BREADCRUMB.match(line) and re.search(r"[>＞»]", line))}
    numbers = [n for n, _ in rows]
    for k, (number, line) in enumerate(rows):
        near = {numbers[j] for j in (k - 1, k + 1) if 0 <= j < len(rows) and abs(numbers[j] - number) == 1}
        if _WEB_SOURCE.match(line) and near & found:
            found.add(number)
    found |= _listed_under(rows, _RELATED_LABEL)
    found |= _page_list(rows)
    return found


def _listed_under(rows: list[tuple[int, str]], label: re.Pattern[str]) -> set[int]:
    """A label line and the run of short unpunctuated lines right under it (a list of links), up to a blank line."""
    found: set[int] = set()
    for k, (number, line) in enumerate(rows):
        if not label.match(line):
            continue
        entries, previous = [], number
        for entry_number, entry in rows[k + 1:]:
            if entry_number != previous + 1 or len(entry) > _TOC_ENTRY_MAX or re.search(r"[。！？；]$", entry):
                break
            entries.append(entry_number)
            previous = entry_number
        if entries:
            found.update([number, *entries])
    return found


def _page_list(rows: list[tuple[int, str]]) -> set[int]:
    """A 版面导航 list: two or more 版 lines in a row naming different pages ("第01版：要闻" / "第02版：新闻"): links to
    the issue's pages, not this page's own 版 line."""
    found: set[int] = set()
    run: list[tuple[int, int]] = []
    for number, line in [*rows, (-1, "")]:
        page = _PAGE_TOKEN.match(line.replace(" ", "").replace("\u3000", "")) if number > 0 else None
        if page and (not run or number == run[-1][0] + 1):
            run.append((number, _number(page.group("number")) or 0))
            continue
        if len(run) >= 2 and len({n for _, n in run}) == len(run):
            found.update(n for n, _ in run)
        run = [(number, _number(page.group("number")) or 0)] if page else []
    return found


def _title_list(rows: list[tuple[int, str]]) -> set[int]:
    """A title list (目录) before the page's articles: a run of two or more lines, under a 目录 label or not, each the
    headline of a story printed again further down the page (its bullet aside), in the same order and each apart from
    the others (a block of lines printed twice, a stanza or a paragraph repeated, is no list: its copies sit together)."""
    found: set[int] = set()
    # where each text is printed, in order: "the next copy after row p" is a bisection, not a scan of the rest of the
    # page (a scan per row made a file of several thousand pages joined take minutes)
    printed: dict[str, list[int]] = {}
    for index, (_, line) in enumerate(rows):
        printed.setdefault(line, []).append(index)

    def next_copy(entry: str, after: int) -> int:
        copies = printed.get(entry, ())
        at = bisect.bisect_right(copies, after)
        return copies[at] if at < len(copies) else -1

    k = 0
    while k < len(rows):
        start = k + 1 if _TOC_LABEL.match(rows[k][1]) else k
        j = start
        later = -1  # where the previous entry is printed again
        while j < len(rows) and (j == start or rows[j][0] == rows[j - 1][0] + 1):
            entry = _TOC_BULLET.sub("", rows[j][1])
            if len(entry) > _TOC_ENTRY_MAX:
                break
            again = next_copy(entry, max(j, later))
            if again < 0 or (later >= 0 and again - later < 2):
                break
            later = again
            j += 1
        if j - start >= 2:
            found.update(n for n, _ in rows[k:j])
            k = j
        else:
            k += 1
    return found


# an advertisement's label alone on its line ("公益广告", "·广告·", "【广告】", "（广告）"): the label and the lines
# printed right under it, up to the next blank line, are the advertisement (a slogan, the sponsor's "…　宣")
_ADVERT_LABEL = lazy_compile(r"^[·•・【〔\[(（]?[ \u3000]*(?:公益)?广告[ \u3000]*[·•・】〕\])）]?$")
# the label of a quotation box (1960s–70s pages print one over their stories, often spaced out: "毛　主　席　语　录"):
# whose words they are and 语录, or 最高指示/最新指示; the box quotes, it reports no news
_QUOTE_LABEL = lazy_compile(r"^[【〔\[(（]?(?:[\u4e00-\u9fff]{2,6}语录|(?:最新)?最高指示|最新指示)[】〕\])）]?$")
# the quotation under it: sentences closed by a stop or a closing quote mark (a headline under a label closes on neither)
_QUOTE_END = "。！？!?”」』"


# (and at a breadcrumb's arrows, printed glued too: "劳动报>2014年07月22日>第06版：维权")
_TOKEN_GAP = lazy_compile(r"[ \u3000\t|｜]+|(?<=[^ \u3000\t>＞»›])(?=[>＞»›])|(?<=[>＞»›])(?=[^ \u3000\t>＞»›])")
_LAYOUT_GAP = lazy_compile(r"[ \u3000\t]{2,}")  # a run of spaces a layout-keeping copy puts between a line's parts  # compiled once: _tokens runs on every line of furniture


def _tokens(text: str) -> list[str]:
    """The line cut at spaces and at bars, which mastheads print glued ("河南工人日报｜2026年3月10日");
    "本版编辑：许静" stays one token."""
    return [t for t in _TOKEN_GAP.split(text.strip(" \u3000\t")) if t]


@dataclass(frozen=True)
class Furniture:
    """What the page's own furniture says about it."""

    lines: tuple[PageLine, ...] = ()
    page: int | None = None  # 版 number printed on the page (None when absent or contradictory)
    page_name: str | None = None
    date: str | None = None  # from a masthead line ("2023年10月17日"), ISO


def _number(text: str) -> int | None:
    digits = re.sub(r"^[A-Da-d]", "", text)
    if digits.isdigit():
        value = int(digits)
    else:
        tens, _, ones = text.partition("十")
        if "十" not in text:
            value = _CN_NUMBER.index(text) + 1 if len(text) == 1 else 0
        else:
            value = (_CN_NUMBER.index(tens) + 1 if tens else 1) * 10 + (_CN_NUMBER.index(ones) + 1 if ones else 0)
    return value if 0 < value < 1000 else None


def _written_date(match: re.Match[str]) -> str:
    """The ISO date of a date written out in characters ("一九六四年三月五日"); ValueError when it is none."""
    year = int("".join(_CN_DIGIT[c] for c in match.group("year")))
    month, day = _number(match.group("month")), _number(match.group("day"))
    if month is None or day is None:
        raise ValueError(match.group(0))
    return dt.date(year, month, day).isoformat()


def _read(text: str) -> tuple[str, int | None, str | None, str | None] | None:
    """(kind, page number, page name, ISO date) of a furniture line, or None for any other line.

    A furniture line is made only of furniture tokens — a paper's name, a date, a weekday, a lunar
    date, a 版 ("第03版：要闻", "3版", "A3版") with the name after it, editor credits ("本版编辑：许静",
    "美编 王琪") — and holds a 版 or an editor credit, or a paper's name with a date (a masthead).
    """
    # a markdown export prints its 版 line as a heading ("# 第3版　工会新闻"): the mark is no token of it
    compact = text.strip(" \u3000\t").lstrip("#＃").strip(" \u3000\t")
    compact = _WHERE_YOU_ARE.sub("", compact)  # "当前位置：首页 > 劳动报 > 第06版：维权": the site's words, no token
    # (a pdftotext -layout copy spreads a masthead's parts across the page's width with runs of spaces: a run is one
    # gap, so the line is measured with each run counted once)
    if not compact or len(_LAYOUT_GAP.sub(" ", compact)) > _MAX_LINE:
        return None
    footer = _BRACKETED_MASTHEAD.match(compact)
    if footer:
        number = f" 第{footer.group('number')}版" if footer.group("number") else ""
        compact = f"{footer.group('paper')} {footer.group('date')}{number}"
    number = name = date = None
    kinds: set[str] = set()
    expect_name = expect_person = False
    tokens = _tokens(compact)
    # the first token of a masthead is the paper's name, whatever it ends in ("长兴工运", "职工之友"), when
    # the line goes on to a date and a 版: those two make it a masthead (checked below)
    first = tokens[0] if tokens else ""
    named = len(tokens) >= 3 and first not in _SEPARATORS and _TITLE_NAME.match(first) is not None and not any(
        pattern.match(first) for pattern in (_PAPER, _EDITOR_ROLE, _PAGE_TOKEN, _WEEKDAY, _LUNAR))
    weekday = False
    for position, token in enumerate(tokens):
        if named and position == 0:
            continue
        if token in _SEPARATORS:
            continue  # "05版 · 教育与就业"
        if expect_person and _NAME_PART.match(token):
            continue  # the names after an editor label, "许  静" printed with a gap
        expect_person = False
        following = [t for t in tokens[position + 1:] if t not in _SEPARATORS]
        if _LETTER_PAGE.match(token) and following and _PAGE_NAME.match(following[0]):
            number, kinds, expect_name = _number(token), kinds | {"page"}, True
            continue
        page = _PAGE_TOKEN.match(token)
        if page:
            number, kinds = _number(page.group("number")), kinds | {"page"}
            name = page.group("name") or name
            expect_name = page.group("name") is None
            continue
        if expect_name and _PAGE_NAME.match(token):
            name, expect_name = token.lstrip(":："), False
            continue
        expect_name = False
        day = _DATE.match(token.translate(_ASCII_DIGITS))
        written = None if day else _CN_DATE.match(token)
        if day or written:
            try:
                if day:
                    date = dt.date(int(day.group("year")), int(day.group("month") or day.group("mm")),
                                   int(day.group("day") or day.group("dd"))).isoformat()
                else:
                    date = _written_date(written)
            except ValueError:
                return None
            kinds.add("date")
            continue
        if _WEEKDAY.match(token):
            weekday = True
            continue
        if _LUNAR.match(token) or _ISSUE_PAGES.match(token):
            continue
        if _PAPER.match(token) or _PAPER_SECTION.match(token):
            kinds.add("paper")
            continue
        contact = _CONTACT.match(token)
        if contact:
            kinds.add("page contact" if contact.group("own") == "本版" else "contact")
            continue
        editor = _EDITOR_ROLE.match(token)
        if editor:
            kinds.add("editor")
            person = editor.group("name")
            if person and not _NAME_PART.match(person):
                return None
            expect_person = True
            continue
        return None
    if named and not kinds >= {"page", "date"}:
        return None
    if "page" in kinds:
        return ("masthead" if kinds & {"paper", "date"} else "page"), number, name, date
    if "editor" in kinds or "page contact" in kinds:
        return ("masthead" if "date" in kinds else "editor"), None, None, date
    if kinds >= {"paper", "date"} or (kinds == {"date"} and weekday):
        return "masthead", None, None, date  # a masthead, or its date line ("2026年7月9日　星期四")
    return None


def _contact_only(line: str) -> bool:
    """A line of contact fields only ("投稿邮箱：jnnyb@…", "电话：…　E-mail：…") with an e-mail address among them."""
    tokens = _tokens(line)
    return bool(tokens) and all(_CONTACT.match(t) for t in tokens) and "@" in line


def take_furniture(text: str, source: str) -> tuple[Furniture, list[Notice]]:
    """Find the furniture lines of a page (LF line ends). Each is tested on its own: a 版 line, a masthead
    or an editor credit is recognised by its whole shape, wherever it stands. Two 版 lines that disagree
    (several pages in one file) leave the page number unset, with a notice."""
    rows = [(number, raw.strip(" \u3000\t\r\ufeff")) for number, raw in enumerate(text.split("\n"), 1)]
    rows = [(number, line) for number, line in rows if line]
    indexed = any(_INDEX_ENTRY.match(line) and not line.startswith(("(", "（")) for _, line in rows)
    listed = _leading_entries(rows)
    quotes = _quote_box_lines(rows)
    adverts = _advert_lines(text) | quotes
    web = _web_lines(rows)
    titles = _title_list(rows)
    lines: list[PageLine] = []
    numbers: list[tuple[int, int]] = []
    names: list[str] = []
    dates: list[str] = []
    for k, (number, line) in enumerate(rows):
        if number in listed:
            lines.append(PageLine(number, line, "index"))
            continue
        if number in adverts:
            lines.append(PageLine(number, line, "quote" if number in quotes else "advert"))
            continue
        if number in web:
            lines.append(PageLine(number, line, "web"))
            crumb = _read(line) if _BREADCRUMB.match(line) else None
            if crumb is not None:  # "劳动报 > 2014年07月22日 > 第06版：维权": the trail names the page it ends on
                _, page, name, date = crumb
                numbers.extend([(page, number)] if page is not None else [])
                names.extend([name] if name else [])
                dates.extend([date] if date else [])
            continue
        if number in titles:
            lines.append(PageLine(number, line, "index"))
            continue
        if indexed and (_index_label(line)
                        or (_INDEX_ENTRY.match(line) and not line.startswith(("(", "（")))):
            lines.append(PageLine(number, line, "index"))
            continue
        if _STRAY_MARK.match(line):
            lines.append(PageLine(number, line, "stray"))
            continue
        if _PAGE_CREDIT.match(line) or _SPONSOR_LINE.match(line):
            lines.append(PageLine(number, line, "editor"))
            continue
        found = _read(line)
        if found is not None and found[0] == "editor" and k > 0 and _CHART_CREDIT.match(line) \
                and _CHART_TEXT.match(rows[k - 1][1]):
            continue  # "制图：name" right under a chart's caption or source note credits the chart, not the page
        if found is None and number == rows[-1][0] and _contact_only(line):
            found = ("editor", None, None, None)  # the paper's address for letters, printed at the page's foot
        if found is None:
            continue
        kind, page, name, date = found
        if kind == "masthead" and page is not None and name is None and k > 0 and rows[k - 1][0] == number - 1:
            name = _folio_name(line, rows[k - 1][1])
        lines.append(PageLine(number, line, kind))  # type: ignore[arg-type]
        if page is not None:
            numbers.append((page, number))
        if name:
            names.append(name)
        if date:
            dates.append(date)
    if not names and len(numbers) == 1:
        named = _name_under(rows, numbers[0][1], {line.line for line in lines})
        if named is not None:
            lines.append(PageLine(named[0], named[1], "page"))
            names.append(named[1])
    lines, block_dates = _masthead_block(rows, _paper_names(rows, lines))
    dates.extend(block_dates)
    notices: list[Notice] = []
    page = None
    distinct = sorted({n for n, _ in numbers})
    if len(distinct) == 1:
        page = distinct[0]
    elif distinct:
        where = ", ".join(f"第{n}版 (line {line})" for n, line in numbers)
        notices.append(Notice(source, numbers[0][1], "page-line",
                              f"the page carries different page numbers: {where}; none was kept"))
    name = names[0] if len(set(names)) == 1 else None
    if len(set(names)) > 1:
        notices.append(Notice(source, lines[0].line, "page-line",
                              f"the page carries different page names ({', '.join(dict.fromkeys(names))}); none was kept"))
    date = dates[0] if len(set(dates)) == 1 else None
    return Furniture(tuple(lines), page, name, date), notices


def _folio_name(line: str, above: str) -> str | None:
    """The 版名 an inside page's folio line prints before its date ("职工天地　2019年11月29日　星期五　第6版"), read as a
    masthead whose first word names the paper: right under the paper's name alone ("辽宁工人报"), that word is no paper's
    name but the page's (a paper printing its name there, "长兴工运　…　第3版", has no name line over it)."""
    tokens = _tokens(line)
    first = tokens[0]
    if len(tokens) < 3 or not _PAPER.match(above.strip(" \u3000\t")) or not _OWN_PAGE_NAME.match(first) or any(
            pattern.match(first) for pattern in (_PAPER, _EDITOR_ROLE, _PAGE_TOKEN, _WEEKDAY, _LUNAR, _CONTACT)):
        return None
    return first


# a 版名 set on a line of its own ("基层动态"): a short run of Han, no punctuation
_OWN_PAGE_NAME = lazy_compile(r"^[\u4e00-\u9fff]{2,6}$")


def _name_under(rows: list[tuple[int, str]], number: int, taken: set[int]) -> tuple[int, str] | None:
    """The 版名 a weekly or a trade paper prints on the line right under its 版 line when that line names none
    ("2019年6月12日　星期三　第3版　责任编辑：…" over "基层动态"): (line, name), or None."""
    after = [row for row in rows if row[0] == number + 1]
    if not after or after[0][0] in taken or not _OWN_PAGE_NAME.match(after[0][1]):
        return None
    return after[0]


def _advert_lines(text: str) -> set[int]:
    """Line numbers of the advertisements of a page: each label line ("公益广告") and the non-blank lines right
    under it (a run with no blank line between)."""
    found: set[int] = set()
    raw = [line.strip(" \u3000\t\r\ufeff") for line in text.split("\n")]
    for k, line in enumerate(raw):
        if not _ADVERT_LABEL.match(line):
            continue
        found.add(k + 1)
        for j in range(k + 1, len(raw)):
            if not raw[j]:
                break
            found.add(j + 1)
    return found


def _quote_box_lines(rows: list[tuple[int, str]]) -> set[int]:
    """Line numbers of a quotation box: its label line ("毛　主　席　语　录", "最高指示") and the quotation under it, the
    run of lines after the label with no blank line inside (one or two blank lines after the label are the box's margin),
    when that run closes a sentence (a label over a headline is not a box). Like an advertisement, the box is no story
    and part of none."""
    found: set[int] = set()
    for k, (number, line) in enumerate(rows):
        if len(line) > 24 or line.rstrip("】〕])）")[-1:] not in "录示" \
                or not _QUOTE_LABEL.match(re.sub(r"[ \u3000\t]", "", line)):
            continue  # (the cheap test first: this runs on every line of every page)
        run: list[tuple[int, str]] = []
        previous = number
        for row in rows[k + 1:]:
            if row[0] - previous > (3 if not run else 1):
                break
            run.append(row)
            previous = row[0]
        if run and run[-1][1][-1] in _QUOTE_END:
            found.update([number, *(n for n, _ in run)])
    return found


def _index_label(line: str) -> bool:
    """A 导读/要目 box's label, in brackets or with a colon or not."""
    return bool(_INDEX_LABEL.match(line.strip("【】[]：: \u3000")))


def _leading_entries(rows: list[tuple[int, str]]) -> set[int]:
    """Line numbers of a 导读 box whose entries open with their page ("3版　一周工会动态"): the label and
    the two or more entries printed on the lines right under it."""
    found: set[int] = set()
    for k, (number, line) in enumerate(rows):
        if not _index_label(line):
            continue
        entries = []
        previous = number
        for entry_number, entry in rows[k + 1:]:
            if entry_number - previous > 2 or not _INDEX_LEADING.match(entry):
                break
            entries.append(entry_number)
            previous = entry_number
        if len(entries) >= 2:
            found.update([number, *entries])
    return found


# the other lines of a masthead block: the paper's name romanised in capitals ("JIANGXI GONGREN BAO") and the publisher's
# line ("江西省总工会主管主办　国内统一连续出版物号　CN36-0021", "邮发代号　43-12"); read only in the run of lines that
# opens the page down to its masthead, where no story has begun
# (an English name may hold an apostrophe: "CHUTIAN WORKERS' DAILY", "WORKERS’ DAILY")
_MASTHEAD_EXTRA = lazy_compile(r"^[A-Z][A-Z .·\-'’]{5,40}$|^(?=.{0,60}$).*(?:主管|主办|出版物号|刊号|邮发代号|CN[ \u3000]?\d{2}[ \u3000]?[-－—][ \u3000]?\d{4})")


def _masthead_block(rows: list[tuple[int, str]], lines: list[PageLine]) -> tuple[list[PageLine], list[str]]:
    """The lines opening the page around its masthead or 版 line that are a paper's name, its romanised name, its
    publisher's line or its date alone belong to the masthead (a provincial paper prints the first three over its date
    line; a plain copy prints ``工人日报`` / ``2011年12月06日`` / ``第05版：劳动关系``, the date with no weekday, which alone
    elsewhere could sign a letter, but not in the run that opens the page down to its 版 line). The lines, and the dates
    read from such date lines."""
    kinds = {line.line: line.kind for line in lines}
    block: list[tuple[int, str]] = []
    dates: list[str] = []
    anchored = False  # the run holds a masthead or 版 line
    for k, (number, line) in enumerate(rows):
        if number in kinds:
            anchored = anchored or kinds[number] in ("masthead", "page")
            continue
        day = _date_alone(line)
        # (a paper whose name ends in no 报 — "河西工会通讯", "职工之友" — prints it alone as the page's first line, right
        # over its date line)
        first_name = k == 0 and len(rows) > 1 and _TITLE_NAME.match(line) is not None \
            and kinds.get(rows[1][0]) == "masthead" and rows[1][0] == number + 1
        if day is not None or _PAPER.match(line) or _MASTHEAD_EXTRA.match(line) or first_name:
            block.append((number, line))
            if day:
                dates.append(day)
            continue
        break
    if not anchored or not block:
        return lines, []
    found = list(lines) + [PageLine(n, text, "masthead") for n, text in block]
    return sorted(found, key=lambda line: line.line), dates


def _date_alone(line: str) -> str | None:
    """The ISO date of a line that is a date and nothing else ("2011年12月06日", "一九六四年三月五日"); "" when it
    names no real day; None for any other line."""
    compact = line.strip(" \u3000\t")
    day = _DATE.match(compact.translate(_ASCII_DIGITS))
    written = None if day else _CN_DATE.match(compact)
    if day is None and written is None:
        return None
    try:
        if day:
            return dt.date(int(day.group("year")), int(day.group("month") or day.group("mm")),
                           int(day.group("day") or day.group("dd"))).isoformat()
        return _written_date(written)
    except ValueError:
        return ""


def _paper_names(rows: list[tuple[int, str]], lines: list[PageLine]) -> list[PageLine]:
    """A paper's name printed alone ("江州工人报") on the line right above or under a masthead line (its date
    line, "2026年7月9日　星期四") is the masthead's first line; so is one right above or under an editor credit
    ("责任编辑：王　群　美编：…"): a PDF e-edition's text puts the page's foot line, the paper's name and its
    editors, at the end of the page, with no date beside them."""
    masthead = {line.line for line in lines if line.kind in ("masthead", "editor")}
    taken = {line.line for line in lines}
    found = list(lines)
    for k, (number, line) in enumerate(rows):
        if number in taken or not _PAPER.match(line):
            continue
        near = [rows[j][0] for j in (k - 1, k + 1) if 0 <= j < len(rows)]
        if any(n in masthead and abs(n - number) == 1 for n in near):
            found.append(PageLine(number, line, "masthead"))
    return sorted(found, key=lambda line: line.line)
