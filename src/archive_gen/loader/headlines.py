"""Reading a headline stack as a whole: every way of giving its lines the roles kicker (引题), title,
subtitle (副题), banner above or below the title, author name, the signature of the story before, or a
sentence of that story cut off at a column end is scored, and the best reading wins. A stack may also
hold two stories: a headline whose body is printed elsewhere, above the headline of the story that follows.

A rule is one row of a table below (``LINE_FEATURES``, ``ITEM_FEATURES``, ``SPLIT_FEATURES``): a test
and a weight. Pure: no I/O, no page state beyond what ``StackContext`` carries.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..patterns import lazy_compile
from . import shapes
from .bylines import is_person_name, label_pair, marked_signature, person_names, signature
from .units import bare_name_line, introduces_person

# roles: K kicker, T title, S subtitle, A banner above the title, B banner below it, N author's name,
# P signature of the story printed before the stack, E a sentence of that story cut off at a column end
Role = str
_MAX_EXHAUSTIVE = 7  # longer stacks (pages of headline-like lines) are read without splits or names
# a verb of saying or reporting ending the line: "…提出", "…报告显示", "…调查表明" lead into the title below
_SAYS = lazy_compile(r"(?:提出|指出|强调|表示|宣布|要求|发出|倡议|获悉|透露|认为|呼吁|显示|表明)[：:]?$")
_COLON_TITLE = lazy_compile(r"^[^,，:：“”]{1,10}[:：]")
# "法院：劳动者放弃社保的承诺无效", "专家：…": who gave the verdict or view, then what it is; under a title it is the 副题
# (a "place：…" line is a title, and _COLON_TITLE cannot tell a speaker from a place)
_SPEAKER_COLON = lazy_compile(r"^(?:法院|法官|检察院|检察官|仲裁院|仲裁委|专家|律师|学者|业内人士|官方|权威部门)[:：]")
# "深化产业工人队伍建设改革", "聚焦…": a campaign's or programme's theme, opening with its verb; over a title it is the
# 引题 that sets the theme, and the story under it never retells it
_THEME = lazy_compile(r"^(?:深化|深入|推进|推动|加强|加快|聚焦|关注|助力|奋进|弘扬|践行|落实|贯彻|喜迎|决胜|攻坚|守护)"
                      r"[\u4e00-\u9fff“”]{4,14}$")
_SERIES = lazy_compile(r"(?:系列报道|系列评论|系列访谈|之[一二三四五六七八九十]+|[①-⑳])")
# "关注新就业形态劳动者权益·系列评论之三": a series line, however long the name before its number
_SERIES_TAIL = lazy_compile(r"[·・]系列(?:报道|评论|访谈|述评|调查)(?:之[一二三四五六七八九十]+|[①-⑳]|\d{1,2})?$")
_QUOTES = "“”‘’「」『』\"'"
# a line naming the kind of page or section the stories under it belong to: a 专版/专刊/特刊 or a 特别报道 (with its theme
# before it: "产业工人队伍建设改革·专版", "抗冰保电特别报道"), the letters section (读者来信, 读者之声, 编读往来), or a data
# box (数据, 图表). It
# names what is printed, never what happened: a banner over the page's stories, not a story's 引题
_PAGE_KIND = lazy_compile(r"^[\u4e00-\u9fff“”]{0,14}[·・]?(?:特别报道|专版|专刊|特刊)$"
                          r"|^(?:读者来信|读者之声|编读往来|来信选登|读者来信选登)$"
                          # a data box's kind over its title (数据, 图表, 数读): what is printed under it, not what happened
                          r"|^(?:数据|图表|数读|数说|图解|数据图解|数据新闻)$")
# a short line opening with one of these says something (为奋斗者点赞, 向劳动者致敬): a kicker, never a column name
_CLAUSE_OPENERS = "为向让把给"
# a short line ending in a negated verb ("安全生产不放松", "服务不打烊") makes a statement, as a clause does
# "节后返岗复工一线观察", "新就业形态劳动者调查": a line naming the kind of report under it (an observation, a field
# visit, a close-up), not news of its own
# a short line that only says when ("劳动节前夕", "春节来临之际", "岁末年初"): it sets the news in time, as a 引题 does; a
# column's name is no time
_WHEN = lazy_compile(r"^[\u4e00-\u9fff“”·]{0,8}(?:前夕|之际|期间|伊始|来临时|到来时|岁末年初|年末岁初|岁末|年初|节前|节后)$")
# a short line ending on a one-character verb and its object, the way campaign lines are cut ("岁末年初清欠薪",
# "迎峰度夏保供电", "春风行动送岗位"): it says what is being done, as a clause does; a column's name does not. (Not a noun
# phrase: no 的 binds it, and its last word names no doer — 筑路人, 护林员, 送餐员 are people, not deeds)
_DOES_VO = lazy_compile(r"^[^的]{2,6}[保稳促清抓强惠暖送助护抢战迎防治筑守兴创扩提降减增优解办查抗拓育练]"
                        r"[\u4e00-\u9fff][\u4e00-\u9fff](?<![人员者工队家手师匠长])$")
# who talks about what ("代表委员热议新就业形态劳动者权益保障", "专家解读…", "职工畅谈…"): the occasion, over the title giving
# what was said (as "…提出" is); never after a causative ("厂务公开让职工说话…" is a statement of its own)
_DISCUSSES = lazy_compile(r"^[\u4e00-\u9fff]{0,4}?(?<![让使令给为对向])(?:代表委员|代表|委员|专家学者|专家|学者|职工|网友|业内人士"
                          r"|嘉宾|劳模|工匠|群众)们?(?:热议|畅谈|共话|建言|解读|点赞|支招|共商|纵论|谈|说)[\u4e00-\u9fff“”]{2,20}$")
# "身边的榜样", "一线的故事", "职工的心声": a short 的 phrase ending on the kind of piece a column runs (a model, a story, a
# voice) names the column; it describes no scene or person, as "夜色中的建设者" does
_COLUMN_KIND = lazy_compile(r"[\u4e00-\u9fff]{1,4}的(?:榜样|故事|声音|心声|风采|足迹|日记|笔记)")
_REPORT_KIND = lazy_compile(r"^[\u4e00-\u9fff“”·]{2,12}(?:观察|纪实|探访|见闻|直击|特写|调查|速写|扫描)$")
# "直击北方供暖准备一线", "探访城郊物流园": a line opening on where the reporter went (a field visit and its scene) names the
# kind of report as a line ending …观察/…见闻 does, and says no news of its own; nor is it a column's name, which names no
# scene (走进 and 蹲点 are left out: "走进…" titles features, "蹲点日记" names a column)
_FIELD_VISIT = lazy_compile(r"^(?:直击|探访|探营|实探|记者探访|记者直击)[\u4e00-\u9fff“”·]{2,12}$")
_NEGATED_PREDICATE = lazy_compile(r"^[\u4e00-\u9fff]{2,8}[不没][\u4e00-\u9fff]{1,2}$")
_ISSUER = lazy_compile(shapes.ISSUER)
_FUNCTION_ENDINGS = set("的了在和与对将把被从向为及并而是有其之于由使让给就都也又还更要")
# (quote marks are not counted: "从“要我安全”到“我要安全”，" is a clause of ten characters)
# (nor are book-title marks, "从《劳动法》到《劳动合同法》，", nor ASCII quotes a typed copy prints)
_QUOTE_MARKS = lazy_compile(r"[“”‘’「」『』《》〈〉\"']")
# (a clause may list short phrases parted by 、, "稳就业、保民生，"; a 、 never opens or closes one)
# (or a list of two to six short phrases, two to four characters each, parted by 、, a middle dot · ・ • or a slash,
# however long the list runs: "查合同·查工资·查工时·查社保，", "讲安全／查隐患／保平安／促生产，")
_COMMA_KICKER = lazy_compile(r"^(?!、)[^，,；;：:。！？!?\s]{3,12}(?<!、)(?:[，,](?!、)[^，,；;：:。！？!?\s]{3,12}(?<!、))?[，,]$"
                             r"|^(?:[^，,；;：:。！？!?\s、·・•／/]{2,4}[、·・•／/]){1,5}[^，,；;：:。！？!?\s、·・•／/]{2,4}[，,]$")
_OPENER = lazy_compile(r"^[^，,“”「」:：]{1,5}[，,]")
# "全总召开送温暖工程经验交流会", "某市总工会举行职工代表座谈会": a line reporting that a meeting was held; over a title it is
# the occasion, the 引题, and the title under it gives the meeting's message; so is one naming the meeting before where it
# was held ("全省五一劳动奖表彰大会在长沙召开", "…职代会在京举行")
_MEETING = lazy_compile(r"(?:召开|举行|举办)[\u4e00-\u9fff“”]{2,20}(?:会|会议|大会)$"
                        r"|[\u4e00-\u9fff“”]{2,20}(?:会|会议|大会)在[\u4e00-\u9fff]{1,8}(?:召开|举行|举办|开幕)$")
# "全总部署今年春节送温暖活动", "某省政府部署开展安全生产大检查": who set a campaign or a task going; over a title it is the
# occasion, the 引题, as a meeting's line is, and the title under it gives what the deployment asks (要做到…, 确保…)
_DEPLOYS = lazy_compile(r"^[\u4e00-\u9fff]{2,12}?部署(?:开展|推进|启动)?[\u4e00-\u9fff“”]{2,18}"
                        r"(?:工作|活动|行动|检查|大检查|整治|工程)$")
# "全总发出通知", "国务院作出决定": who issued a paper and what kind of paper it is; over a title it is the 引题, and the
# title under it gives what the paper says (a column's name never issues anything)
_ISSUES = lazy_compile(r"^[\u4e00-\u9fff]{2,12}?(?:发出|发布|下发|印发|作出|做出|颁布|公布|下达)(?:紧急|联合|重要)?"
                       r"(?:通知|决定|指示|意见|倡议书?|号召|通告|公告|规定|办法|命令|通报|决议)$")
_PROFILE = shapes.PROFILE  # "记…"/"访…" opening a profile's or an interview's 副题


# a verb that wants its object ("…研究解决", "…加快推进"): a title line ending on one has not finished its phrase (verbs
# of saying, conferring or meeting are left out: "…报告显示", "…总工会命名" over a line are a kicker by the keys' convention)
_OPEN_VERB_END = lazy_compile(r"(?:解决|推进|推动|促进|开展|实施|加强|加快|完善|建立|提高|提升|保障|维护|破解|探索|打造|帮助"
                              r"|支持|鼓励|引导|部署|研究|讨论|深化|助力|关心|关爱|培养|培育|落细)$")
# …but after a manner or direction the verb closes a statement about the line's topic ("改革向纵深推进", "活动扎实开展")
_CLOSING_ADVERBIAL = lazy_compile(r"(?:[向朝往][\u4e00-\u9fff]{1,3}|稳步|扎实|持续|有序|深入|全面|不断|积极|大力|逐步|全力|顺利|广泛"
                                  r"|加快|加速|有效|切实|进一步|合力|共同|协同|地)$")
# a function word ending a line: a preposition, conjunction or adverb that wants what follows ("…为", "…和", "…将")
_OPEN_WORD_END = set("的在和与对将把被从向为及并而于由使让给就都也又还更要是")
# a means coverb or an adverb opening a line wants the subject printed above it ("通过技能竞赛晋级涨薪", "纷纷…"); so does
# 将 before an adverb ("将陆续收到…"), where it can only be the future auxiliary (the preposition 将 takes a noun)
# (a manner or scope adverb before its verb the same: "普遍建立…", "率先推行…", "逐步实现…"; and a modal asked as a question,
# "能不能…", "该不该…", "能否…", which asks about the case the line above states: "试用期里被辞退" / "能不能要经济补偿")
_NEEDS_SUBJECT = lazy_compile(r"^(?:通过|经过|借助|依托|凭借|依靠|纷纷|相继|先后|分别|首次|再次|共同|已经|正在|陆续"
                              r"|普遍|率先|逐步|全面|积极|主动|切实|大力"
                              r"|能不能|可不可以|该不该|应不应该?|要不要|算不算|会不会|能否|可否|应否|是否"
                              r"|将(?:陆续|逐步|全面|全部|分批|统一|首次|继续|持续|进一步|于))[\u4e00-\u9fff“]")
# a lower line opening on a verb and its aspect 了 ("撑起了半条生产线", "走出了…"): a predicate with its subject printed on
# the line above ("这家老厂的“蓝领专家”"); 为了/除了 are prepositions and 了解/了却 verbs of their own, left out
_DID_OPENS = lazy_compile(r"^(?!为了|除了)[\u4e00-\u9fff]{1,2}了(?!解|却|结|不起)[\u4e00-\u9fff“0-9]")
_TITLE_LINE = lazy_compile(r"^[\u4e00-\u9fff0-9０-９.．%％“”‘’《》]{5,20}$")
# a question word right before the line's last verb: the verb's object was put first as the topic the line asks about
# ("“一老一小”难题如何破解", "技能人才短缺怎样解决"); the question is whole, and nothing runs on into the line under it
_ASKS_HOW = lazy_compile(r"(?:如何|怎样|怎么|咋|谁来|何以|为何)$")
# a lower line that closes on a manner adverb and its verb ("…活动全面启动", "…工作顺利完成") is a whole clause with its own
# predicate: a verb over it that takes no clause as its object ("部署推进", "研究解决") cannot govern it, so the upper line
# is the 引题 naming who set the news going, not the first half of one title (verbs that take a person and what they do
# next, "帮助…顺利返岗", "鼓励…积极参与", may still run on)
_CLOSED_CLAUSE = lazy_compile(r"[\u4e00-\u9fff”]{2,}(?:全面|正式|顺利|圆满|成功|如期|按期)[\u4e00-\u9fff]{2}$")
_PIVOT_VERB = frozenset(("帮助", "支持", "鼓励", "引导", "推动", "促进", "助力", "关心", "关爱", "培养", "培育", "保障", "维护"))
# a lower line opening with a causative (让/使/令 and whom it moves: "让“奔跑者”跑得安心更舒心") is a clause with its own
# predicate: no verb ending the line above takes it as its object, so the upper line ("代表委员热议…权益保障", where 保障
# closes a noun phrase) is a 引题 over it, not the first half of one title
_CAUSATIVE_OPENS = lazy_compile(r"^[让使令][\u4e00-\u9fff“]")
# "从“老板一句话”" over "到“大家坐下谈”": 从 (由) opens a span that 到 (至, 走向…) closes; a line holding the opening alone has not
# finished its phrase, and the line under it that opens on the close completes it: one title over two lines
_SPAN_OPENS = lazy_compile(r"^[从由](?!.*(?:到|至|走向|迈向|变成|变为))")
_SPAN_CLOSES = lazy_compile(r"^(?:到|至|走向|迈向|变成|变为)[\u4e00-\u9fff“0-9]")
# a benefactive coverb and whom it serves ending the line ("北京市总工会为三千名环卫工人"): the coverb's verb is on the
# line under it ("送上免费体检卡…"), and the line has not reached its predicate. (为 after a verb is part of it — 评为, 成为,
# 作为, 认定为 — and 给 after a verb of giving is its complement — 送给, 献给 —: those end a clause, and are left out)
# (帮/帮助 and whom it helps the same: "保定市总工会帮一百二十名农民工" over "讨回…"; not after 互, 相, 结, 对口)
_SERVES = (r"(?:(?<![评选称成作视认定列改变分名以因行])为(?![了何什])|(?<![送交献留带还递发写分借卖寄让传嫁供补配])给|替"
           r"|(?<![互相结对])帮助?)"
           # (whom it serves named by any word for people at work or in need: …人, …工, …员, 保安, 司机, 护士, 群众, 患者…)
           r"[\u4e00-\u9fff0-9“”]{1,12}(?:人|工|员|者|户|家庭|骑手|小哥|师傅|老人|儿童|学生|孩子|家属|劳模|工匠|居民|村民|农民|会员"
           r"|保安|司机|保姆|护士|医生|教师|群众|患者|病友|母亲|妈妈|职工子女)")
_COVERB_TAIL = lazy_compile(r"[\u4e00-\u9fff”]{2,}" + _SERVES + "$")


# an older headline printed as subject over predicate: the upper line only names who (a unit, or units joined by 、:
# "鞍钢、本钢、抚顺矿务局", "天津国营棉纺三厂细纱车间"), the lower opens on what they did ("提前完成…", "开展…")
# (a work unit's 区 — "第三装卸区", "采煤作业区" — but not a place's: "朝阳区", "浦东新区", "开发区" may be a 引题's place;
# 段/组/所/院/场 only as units: "机务段" not "路段", "攻关组" not "重组", "研究所" not "场所", "农场" not "广场")
_UNIT_SUBJECT = lazy_compile(r"^[\u4e00-\u9fff、]{4,20}(?:厂|车间|工段|班组|矿|矿务局|局|公司|站|工会|集团|工地|油田|港"
                             r"|(?:装卸|作业|施工|生产|营业|采煤|采掘|工)区|队|(?<![路地阶手片时])段|(?<![重改编])组"
                             r"|(?<![场住处厕])所|(?<![庭合大])院|(?<![广现会战考赛球立主登出操剧市])场)$")
# a share of people alone ("近七成受访网约配送员", "超半数青年职工", "六成以上受访者", "78.5%的农民工") names who, not what:
# it is the subject of the line under it, as a unit's name is (a survey's headline printed subject over predicate)
_SHARE_SUBJECT = lazy_compile(r"^(?:近|超|逾|约|过|将近|超过)?(?:[一二三四五六七八九]成(?:以上|多)?|半数(?:以上)?|过半"
                              r"|\d+(?:\.\d+)?[%％](?:以上)?的?)[\u4e00-\u9fff]{0,10}?"
                              r"(?:员|者|人|工|户|企业|职工|家庭|单位|青年|学生|骑手|司机|小哥)$")
# a count of people alone ("萍乡矿业集团六千名转岗矿工", "全市2000余名网约车司机", "百名劳模"): who, as a share of people is,
# with no predicate; the line under it says what they did
_COUNT_SUBJECT = lazy_compile(r"^[\u4e00-\u9fff]{0,12}?(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千万]{1,4})[万千百]?[余多]?[名位]"
                              r"[\u4e00-\u9fff]{0,8}?(?:员|者|人|工|户|职工|青年|学生|骑手|司机|小哥|师傅|劳模|工匠|代表)$")
_DEED_OPENS = lazy_compile(r"^(?:提前|超额|开展|完成|实行|实现|推行|建立|举办|举行|召开|创造|试制|涌现|掀起|大搞)[\u4e00-\u9fff]")
# …or on the unit's own people ("职工献计献策蔚然成风": the factory's workers) or on a benefactive coverb and whom it serves
# ("为青年工人举办集体婚礼"): the unit's name above is their subject, as it is of a deed ("沈阳重型机器厂" over either is one
# title; a unit's name alone names no occasion, so it is no 引题)
_UNIT_PREDICATE_OPENS = lazy_compile(r"^(?:(?:职工|工人|员工|干部|青工|女工|矿工|党员|团员)(?![们]?[：:])"
                                     r"|(?:为|给|替|帮助?)(?!了|何|什么)[\u4e00-\u9fff“]{2,}?(?:人|工|员|者|户|家庭|职工|会员)"
                                     r"(?=[\u4e00-\u9fff]))")
# a firm named by its kind with a count or a place before it ("本溪一矿山企业", "某建筑企业", "两家用人单位"): who, as a unit's
# name is; over a predicate closing on a sanction or an honour done to it ("拖欠职工工资被查处", "…受到表彰") it is that
# predicate's subject, one title (a whole predicate with no subject of its own: it says only what was done)
# (any kind of firm: "一家劳务派遣公司", "两家餐饮店", "某建筑工地", "一家物流平台"; and a sanction by any verb of
# sanctioning after 被/遭, whatever follows it: "被责令整改", "被判支付…", "被吊销营业执照", "被处以罚款", "被纳入失信名单",
# "被行政拘留"; or 受到/受 a sanction or an honour: "受到通报批评")
# (家 counts nothing but firms and households: after a count and 家, or 某家, a firm may be named by any noun, "一家小煤矿",
# "两家劳务中介", "一家快递网点"; with no 家 it is named by its kind, the kinds being many: …矿, …中介, …机构, …网点…)
_FIRM_SUBJECT = lazy_compile(r"^[\u4e00-\u9fff]{0,12}?(?:(?:[一两二三四五六七八九十几多数]|某)家[\u4e00-\u9fff]{2,8}"
                             r"|(?:[一两二三四五六七八九十几多数]家?|某)[\u4e00-\u9fff]{0,6}"
                             r"(?:企业|单位|商户|工厂|公司|厂|店|饭店|酒店|餐馆|超市|工地|项目部|平台|医院|学校|幼儿园|物业|矿|中介"
                             r"|机构|网点|商行|作坊|车队|诊所|市场|商场|站|合作社|园区|会所|驾校|网吧|车行|门市|工程队|施工队))$")
# (a manner or a degree may come between 被/遭 and the verb, "被依法查办", "被顶格处罚", "遭重罚"; and the verbs of
# sanctioning are many: ordering (责令, 勒令, 责成), investigating (查处, 查办), seizing (查扣, 扣押, 没收, 暂扣), punishing
# (处罚, 惩处, 处分, 开除), closing down (关停, 关闭, 叫停, 取缔))
_SANCTION_VERB = (r"(?:依法|依规|依纪|从严|从重|严肃|严厉|顶格|当场|立即|及时|联合|再次|集中|一并|重)?"
                  r"(?:查处|查封|查办|查扣|处罚|处以|处理|处分|处置|罚款|罚没|罚|曝光|通报|约谈|起诉|判|立案|追责|问责|列入|纳入|责令"
                  r"|勒令|责成|吊销|注销|没收|暂扣|扣押|追缴|移送|挂牌|停业|关停|关闭|叫停|取缔|拘留|行政拘留|追究|惩戒|惩处|警告|开除"
                  r"|列为)")
_PASSIVE_PREDICATE = lazy_compile(r"^[\u4e00-\u9fff“”0-9]{2,14}(?:(?:被|遭)" + _SANCTION_VERB + r"[\u4e00-\u9fff0-9]{0,8}"
                                  r"|受到?(?:表彰|处罚|处分|嘉奖|查处|通报批评|行政处罚|警告))$")
# an OCR space between two Han characters of a headline line ("武汉钢铁公司 工会"): a misread gap, not a gap in the line
_OCR_SPACE = lazy_compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


# a verb of putting something in place or into force that takes what it puts as its object ("漯河建筑工地推行" over
# "农民工工资月清月结", "…为夜班职工开通" over "二十条“通勤专线”"): a title line ending on one has not reached its object.
# Said of a place or a time before it ("在全市推行", "今起实行", "6月起施行") or after a manner the verb closes a
# statement about the thing put in force ("新规今起实行"), so those are left out; 开通/建起/送上… also close a line
# about what opened ("地铁5号线开通"), so they want a benefactive coverb and whom it serves before them ("为…职工开通")
_PUTS_END = lazy_compile(r"(?:推行|实行|施行|设立|开设|增设|提供|发放|配备)$")
_PUTS_CLOSED = lazy_compile(r"(?:在[\u4e00-\u9fff]{1,6}|起|开始|正式|率先|试点|普遍|逐步|全面|稳步|全部|陆续)$")
# (…or a verb of getting back or paying out what they are owed or given: "…帮…农民工讨回" over "被拖欠工资…", "湖北给返岗
# 农民工补发" over "交通补贴…")
_SERVES_THEN_PUTS = lazy_compile(_SERVES + r"(?:开通|开设|建起|办起|送上|送去|送来|搭建|推出|提供|发放|配备|设立|落实|兑现|争取|办理"
                                 r"|讨回|追回|要回|挽回|争回|补发|补缴|补交|垫付|支付|兑付|返还|退还|报销|缴纳|购买|捐赠|赠送|筹集"
                                 r"|募集|申领"
                                 # (and any verb of getting back with its complement 回, "拿回", "领回", "索回", "夺回", or of
                                 # demanding or getting what is owed, "讨要", "索要", "追讨", "要到", "拿到", "讨到")
                                 r"|[\u4e00-\u9fff](?<![来返退])回|讨要|索要|追讨|索取|追缴|[拿领要讨争]到)$")
# a verb of making, getting or putting in place with its aspect 了 ending a line ("…职工自发组建了" over "三十个…小组",
# "…毕业生有了" over "“订单”岗位"): the thing made or got is still to come, on the line under it. Verbs that close a
# clause with 了 ("春天来了", "工资涨了", "加班费没有了", "工会成立了") are not listed, and 没有了 is left out
# A verb with a complement of direction or result before its 了 ("住进了", "盖起了", "通上了", "评上了", "找回了", "领到了") is
# such a verb in any of its forms: what it brought in, up or back follows (not after 没/不, and not the intransitive
# ones: "兴起了", "响起了", "升起了", "站起了", "回到了" closing on a place of their own are rare enough to be left in)
_GOT_END = lazy_compile(r"(?:组建|建立|建起|办起|搭起|设立|开设|开通|推出|用上|吃上|住上|拿到|领到|迎来|签下|配上|装上|换上"
                        r"|添置|(?<!没)有"
                        r"|(?<![没不])(?![兴响升站坐飞涌燃亮想看说回来去])[\u4e00-\u9fff][上进起回到])了$"
                        # (and a result complement 成, 出, 下: "建成了", "闯出了", "拿下了", what was built, made or won
                        # follows; not the ones that close on their own: "落成了", "长成了", "谈成了", "倒下了", "停下了",
                        # "坐下了", "雪下了")
                        r"|(?<![没不])(?![落长谈倒停坐躺蹲跪降演雨雪])[\u4e00-\u9fff][成出下]了$"
                        # (…or any other result complement that takes what was mastered, reached or filled as its object:
                        # 就 "练就了", 会 "学会了", 懂 "弄懂了", 透 "摸透了", 遍 "走遍了", 足 "攒足了", 齐 "配齐了", 全 "配全了";
                        # not where the pair closes on its own: "湿透了", "到齐了", "整齐了", "齐全了", "健全了", "安全了",
                        # nor where 会 is a noun's: "有工会了", "开会了", "社会了")
                        r"|(?<![没不])(?![没不湿到整齐健安])[\u4e00-\u9fff][就懂透遍足齐全]了$"
                        r"|(?<![没不])(?![没不工开大社机协商集晚聚例年])[\u4e00-\u9fff]会了$")


def _puts_wants_object(top: str) -> bool:
    """The line ends on a verb of putting in place that still wants its object (``_PUTS_END``, ``_SERVES_THEN_PUTS``,
    ``_GOT_END``: the verb with its aspect 了)."""
    if _SERVES_THEN_PUTS.search(top) or (len(top) >= 5 and _GOT_END.search(top)):
        return True
    verb = _PUTS_END.search(top)
    return verb is not None and verb.start() >= 2 and not _PUTS_CLOSED.search(top[:verb.start()])


def title_breaks(upper: LineFacts, lower: LineFacts) -> bool:
    """A main title printed over two lines: the upper line cannot end a headline (it stops on a verb wanting its object
    or on a function word, or the lower opens with a coverb that wants the upper as its subject), no punctuation at the
    join, each line of a title line's length, neither marked as kicker, subtitle, banner or note. A complete phrase under
    a title (a 副题) or over it (a 引题) never breaks off mid-phrase, so these readings are untouched."""
    top, low = upper.text.strip(" \u3000"), lower.text.strip(" \u3000")
    if _UNIT_SUBJECT.match(top) and _DEED_OPENS.match(low) and _TITLE_LINE.match(low):
        return True  # a unit's name alone is no headline: it is the subject of the line under it
    if _UNIT_SUBJECT.match(_OCR_SPACE.sub("", top)) and _UNIT_PREDICATE_OPENS.match(low) and _TITLE_LINE.match(low):
        return True  # …and of a line opening on its people or on whom it does something for
    if (_UNIT_SUBJECT.match(top) or _FIRM_SUBJECT.match(top)) and _PASSIVE_PREDICATE.match(low) \
            and _TITLE_LINE.match(low):
        return True  # …and of a predicate closing on what was done to the unit ("拖欠职工工资被查处")
    if _SHARE_SUBJECT.match(top) and _TITLE_LINE.match(top) and _TITLE_LINE.match(low) and low[0] not in "—－(（":
        return True  # a share of people alone is no headline either: the line under it says what they do or want
    if _COUNT_SUBJECT.match(top) and _TITLE_LINE.match(top) and _TITLE_LINE.match(low) and low[0] not in "—－(（":
        return True  # nor is a count of people: "…六千名转岗矿工" over "在新岗位上…" is subject over predicate
    if not (_TITLE_LINE.match(top) and _TITLE_LINE.match(low)) or top[-1] in "“‘《" or low[0] in "”’》":
        return False
    if any(f.dash_start or f.dash_end or f.read_dash or f.note_only or f.bracket_label or f.series or f.person
           or f.signature for f in (upper, lower)):
        return False
    if upper.says or upper.confers or upper.meeting or upper.issues or _THEME.match(top) or lower.profile_subtitle:
        return False  # (who issued what, "…发出通知", is whole: the line under it, "切实做好…", says what the paper asks)
    verb = _OPEN_VERB_END.search(top)
    wants_object = verb is not None and not _CLOSING_ADVERBIAL.search(top[:verb.start()]) \
        and not _ASKS_HOW.search(top[:verb.start()]) \
        and not (verb.group() not in _PIVOT_VERB and _CLOSED_CLAUSE.search(low)) and not _CAUSATIVE_OPENS.match(low)
    if _SPAN_OPENS.match(top) and _SPAN_CLOSES.match(low):
        return True  # 从… over 到…: the span's two ends
    wants_object = wants_object or (_puts_wants_object(top) and not _CLOSED_CLAUSE.search(low)
                                    and not _CAUSATIVE_OPENS.match(low))
    return wants_object or top[-1] in _OPEN_WORD_END or bool(_NEEDS_SUBJECT.match(low)) or bool(_COVERB_TAIL.search(top)) \
        or bool(_DID_OPENS.match(low))


_T = TypeVar("_T")
_BLANKS = lazy_compile(r"[\s\u3000]")  # LineFacts.length: compiled once, read for every line


class _fact(Generic[_T]):
    """``functools.cached_property`` without its lock: on Python 3.11 every first read of a cached property takes
    an RLock and looks the value up twice, and LineFacts (built and read in one thread) reads ~40 per line. The
    value is stored in the instance's ``__dict__`` under the same name, so later reads never come here."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> _T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass
class LineFacts:
    """Everything the features ask about one line, computed once."""

    text: str
    dated: bool = False  # the next line of the stack is a date alone ("2026年6月1日")
    signed_below: bool = False  # the next line of the stack is a marked signature ("湖南长沙　货车司机　易建平")
    bylined_below: bool = False  # the stack's last line, right above a byline line ("本报记者　name") that opens a story
    over_lead: bool = False  # the line above the stack's last, which stands right over a run-in lead (本报讯…)
    over_runin: bool = False  # the line right above a bulleted brief's run-in title ("简　讯" over "▲title　text")
    recurs: bool = False  # the stack's top line, printed again over another headline on the page (a series banner)
    echo: float = -1.0  # share of the line's words found in the opening of the body under the stack (-1: no body)

    @_fact
    def length(self) -> int:
        return len(_BLANKS.sub("", self.text))

    @_fact
    def dash_wrapped(self) -> bool:
        """"——工运走笔——": a column name set between rules, a banner (neither kicker nor subtitle)."""
        inner = self.text.strip().strip("—─－-")
        return inner != self.text.strip() and self.text.strip()[:1] in "—─－-" and \
            self.text.strip()[-1:] in "—─－-" and shapes.banner(inner)

    @_fact
    def dash_end(self) -> bool:
        return self.text.rstrip().endswith(("——", "—", "--", "－－")) and not self.dash_wrapped

    @_fact
    def dash_start(self) -> bool:
        return self.text.startswith(("——", "─", "--", "－－", "—")) and not self.dash_wrapped

    @_fact
    def read_dash(self) -> str | None:
        """OCR reads the two-em dash of a headline as 一一 (or --): "…主力军作用一一" ends a kicker, "一一青岛市…见闻" opens a
        subtitle. "end"/"start", or None (a run of three 一 or more is no dash; a clean —— is ``dash_end``/``dash_start``)."""
        text = self.text.strip()
        if len(text) > 3 and text.endswith("一一") and text[-3] != "一":
            return "end"
        if len(text) > 3 and text.startswith("一一") and text[2] != "一":
            return "start"
        return None

    @_fact
    def note_only(self) -> bool:
        return shapes.note_only(self.text) and not shapes.bracket_label(self.text)

    @_fact
    def bracket_label(self) -> bool:
        # a person introduced by unit and post in 〔〕 or 【】 ("〔杭州地铁运营分公司站务员〕" under a bare name) is a 人物
        # sketch's 副题 set in brackets, as one in （） is, not a label
        return shapes.bracket_label(self.text) and not self.introduces

    @_fact
    def bracket_interview(self) -> bool:
        """"【全国总工会集体协商部负责人答记者问】", "（访…部长name）": a bracketed line saying who answers the paper's
        questions, or a 访…/记… profile line, in brackets of any kind (``shapes.interview_bracket``)."""
        return shapes.interview_bracket(self.text)

    @_fact
    def noted(self) -> bool:
        return shapes.bracket_note(self.text) is not None

    @_fact
    def banner(self) -> bool:
        return shapes.banner(self.text) or self.bracket_label or self.dash_wrapped or self.series

    @_fact
    def series(self) -> bool:
        """A series line: "系列报道之三", "大国工匠风采录·系列报道之三"."""
        return (bool(_SERIES.search(self.text)) and self.length <= 16) \
            or (bool(_SERIES_TAIL.search(self.text.strip())) and self.length <= 30)

    @_fact
    def confers(self) -> bool:
        return shapes.confers(self.text)  # "江州市总工会命名" over "2026年度“江州工匠”": it leads into the honour

    @_fact
    def banner_slogan(self) -> bool:
        """Short phrases of a campaign banner: "奋斗百年路 启航新征程", "抗疫情促发展 工会在行动"."""
        parts = shapes.phrases(self.text)
        return shapes.slogan(self.text) and all(len(p) <= 7 for p in parts) and not any(q in self.text for q in _QUOTES)

    @_fact
    def short_slogan(self) -> bool:
        return shapes.short_slogan(self.text)

    @_fact
    def slogan(self) -> bool:
        return shapes.slogan(self.text)

    @_fact
    def plain(self) -> bool:
        """Nothing about it says banner."""
        return not (self.banner or self.banner_slogan or self.note_only or self.short_slogan)

    @_fact
    def clause(self) -> bool:
        """"为奋斗者点赞", "向劳动者致敬": a short line opening with 为/向/让/把/给 says something; a column's
        name does not."""
        return self.length <= 12 and self.text.strip()[:1] in _CLAUSE_OPENERS and not self.bracket_label

    @_fact
    def when(self) -> bool:
        """"劳动节前夕", "春节来临之际": a line that only says when."""
        return self.length <= 10 and bool(_WHEN.match(self.text.strip(" \u3000")))

    @_fact
    def field_visit(self) -> bool:
        """"直击北方供暖准备一线", "探访城郊物流园": where the reporter went, and the scene."""
        return bool(_FIELD_VISIT.match(self.text.strip(" \u3000")))

    @_fact
    def does(self) -> bool:
        """"岁末年初清欠薪", "迎峰度夏保供电": a short line ending on a verb and its object."""
        return bool(_DOES_VO.match(self.text.strip(" \u3000")))

    @_fact
    def discusses(self) -> bool:
        """"代表委员热议…", "专家解读…": who talks about what."""
        return bool(_DISCUSSES.match(self.text.strip(" \u3000")))

    @_fact
    def speaker_colon(self) -> bool:
        return bool(_SPEAKER_COLON.match(self.text.strip()))

    @_fact
    def descriptive(self) -> bool:
        """"夜色中的建设者", "车间里的“绣花功”": a short phrase that binds a modifier to its noun with 的 describes a
        scene or a person; a column's name (工运走笔, 最美职工, 劳动者之歌) never does."""
        text = self.text.strip()
        return self.length <= 12 and bool(re.search(r"[\u4e00-\u9fff”]的[\u4e00-\u9fff“]", text)) \
            and not self.bracket_label and text[:1] not in "【[■□●◆▲◎★☆◇" and not _COLUMN_KIND.fullmatch(text)

    @_fact
    def meeting(self) -> bool:
        return self.length <= 24 and bool(_MEETING.search(self.text.strip()))

    @_fact
    def deploys(self) -> bool:
        """"全总部署今年春节送温暖活动": who set a campaign or a task going, and what it is."""
        return self.length <= 24 and "部署" in self.text and bool(_DEPLOYS.match(self.text.strip(" \u3000")))

    @_fact
    def issues(self) -> bool:
        """"全总发出通知": an issuing body, a verb of issuing and the kind of paper issued."""
        text = self.text.strip(" \u3000")
        # (the last character first: most lines end on no paper's kind, and the pattern then need not be compiled)
        return self.length <= 18 and text[-1:] in "知定示见议书召告法令报" and bool(_ISSUES.match(text))

    @_fact
    def page_kind(self) -> bool:
        """"抗冰保电特别报道", "…·专版", "读者来信": the kind of page or section, a banner over its stories."""
        return bool(_PAGE_KIND.match(self.text.strip(" \u3000")))

    @_fact
    def named_in_opening(self) -> bool:
        """"洛阳" over a title and a story opening "…洛阳市总工会…": a bare word of two to four characters that the
        story's opening names in full gives the story's place or subject; a column's name is not retold."""
        return 2 <= self.length <= 4 and self.echo >= 0.99 and bool(re.fullmatch(r"[\u4e00-\u9fff]+", self.text.strip()))

    @_fact
    def place_label(self) -> bool:
        return shapes.place_label(self.text)

    @_fact
    def colon_title(self) -> bool:
        return bool(_COLON_TITLE.match(self.text))

    @_fact
    def asks(self) -> bool:
        return self.text.rstrip()[-1:] in "?？!！"

    @_fact
    def comma_end(self) -> bool:
        """A short line of one or two clauses stopping on a comma ("春风送岗位，"): the first part of a sentence the
        line under it finishes (units._CLAUSE_KICKER)."""
        return bool(_COMMA_KICKER.match(_QUOTE_MARKS.sub("", self.text.strip(" \u3000"))))

    @_fact
    def long_comma(self) -> bool:
        return self.length >= 18 and bool(re.search(r"[，,；;]", self.text))

    @_fact
    def says(self) -> bool:
        return bool(_SAYS.search(self.text))

    @_fact
    def person(self) -> bool:
        return (is_person_name(self.text) and not label_pair(self.text)) or bool(person_names(self.text))

    @_fact
    def introduces(self) -> bool:
        """A line introducing a person by post, as a 人物 sketch prints under the name that heads it ("大连港集团矿石码头
        门机司机，全国五一劳动奖章获得者", "…女子采油班班长"): a unit and a post or honour, no verb's sentence, no stop.
        The unit must be named (…公司, …厂, …班): a post alone after a verb ("写给塔吊司机") titles a poem."""
        return introduces_person(self.text)

    @_fact
    def bare_name(self) -> bool:
        """One person's name and nothing else ("郭　峰", "孟凡清"): after a story's text it signs that story."""
        return bare_name_line(self.text)

    @_fact
    def profile_subtitle(self) -> bool:
        """"记中原某重工集团焊接班长陈卫东", "访…": the 副题 of a profile or interview, printed without ——."""
        return bool(_PROFILE.match(self.text.strip())) and self.length >= 8

    @_fact
    def signature(self) -> bool:
        return signature(self.text) is not None

    @_fact
    def office(self) -> bool:
        """The name of an office alone ("本报编辑部"), or a date alone: after a notice's text, they sign it; so
        does any body's name ("某厂工会", which alone could be a headline) with a date on the line under it."""
        return shapes.signing_office(self.text) or shapes.signing_date(self.text) \
            or (self.dated and bool(_ISSUER.fullmatch(self.text.strip())))

    @_fact
    def runs_on(self) -> bool:
        """A sentence cut at the end of a column: opens with a short phrase and a comma ("据统计，…")."""
        if self.signed_below and self.length >= 16 and self.commas >= 1 and self.text.rstrip()[-1:] in "。？！?!":
            # a finished sentence with a comma right above a marked signature is the letter's last line, whatever
            # its opening ("能不能在网上办理，或者…，让我们少跑几趟？" over "place　读者　name")
            return True
        return self.length >= 16 and bool(_OPENER.match(self.text)) and not self.dash_end \
            and (not self.asks or self.signed_below)

    @_fact
    def cut_short(self) -> bool:
        return self.text.rstrip()[-1:] in _FUNCTION_ENDINGS

    @_fact
    def commas(self) -> int:
        return len(re.findall(r"[，,]", self.text))

    @_fact
    def scores(self) -> dict[Role, float]:
        """The line's score in every role (``LINE_FEATURES``), computed once per line."""
        return {role: _line_score(self, role) for role in "KTSABNPE"}


@dataclass(frozen=True)
class StackContext:
    """What the reader may know beyond the lines: the body under the stack and the page around it."""

    body: str = ""  # the opening of the body that follows the stack
    after_body: bool = False  # the stack follows body text of another story (which a signature may end)
    # how well some text printed elsewhere on the page (no headline over it) reads as the body of these lines
    elsewhere: Callable[[list[str]], float] = field(default=lambda lines: 0.0)
    echo: Callable[[str, str], float] = field(default=lambda line, body: 0.0)  # share of a line found in a text
    # text printed after a closed story (a sign-off, a credit) somewhere else on the page: it needs a headline
    stranded: Callable[[], bool] = field(default=lambda: False)
    bylined: bool = False  # a byline line ("本报记者　name", not bracketed) is printed right under the stack
    lead: bool = False  # the text right under the stack opens with a run-in lead ("本报讯（记者…）", "本报…电")
    runin: bool = False  # the stack's last line is a brief's title run in after a bullet ("▲title　text…")
    recurring: frozenset[str] = frozenset()  # lines printed two or more times on the page over another headline line


@dataclass(frozen=True)
class ItemHeads:
    """Line indexes (into the stack) of one story's headline parts."""

    title: int
    kicker: int | None = None
    title_more: tuple[int, ...] = ()  # the rest of a title printed over two lines ("…研究解决" / "青年职工住房困难问题")
    subtitle: int | None = None
    subtitle_more: tuple[int, ...] = ()  # a second ——subtitle line under the first
    columns: tuple[int, ...] = ()  # banners, in print order
    names: tuple[int, ...] = ()  # author lines ("李　强" under a commentary title)


@dataclass(frozen=True)
class Reading:
    items: tuple[ItemHeads, ...]  # empty when every line belongs to the story before
    signature: tuple[int, ...]  # lines that sign the story before the stack
    score: float
    run_on: tuple[int, ...] = ()  # a first line that is the cut-off end of the story before


NEVER = float("-inf")

# (what it says, roles it scores, test, weight)
LINE_FEATURES: list[tuple[str, str, Callable[[LineFacts], bool], float]] = [
    ("a kicker leads into the title with ——", "K", lambda f: f.dash_end, 6.0),
    ("a line ending with —— is not a title or subtitle", "TS", lambda f: f.dash_end, -4.0),
    ("——记/——访 opens a subtitle", "S", lambda f: f.dash_start, 6.0),
    ("记…/访… opens a profile's subtitle even without ——", "S", lambda f: f.profile_subtitle, 4.0),
    ("a profile's subtitle is no title or kicker", "TK", lambda f: f.profile_subtitle, -2.0),
    ("a line opening with —— is not a title or kicker", "TK", lambda f: f.dash_start, -5.0),
    ("a dash OCR'd as 一一 ends a kicker as —— does", "K", lambda f: f.read_dash == "end", 6.0),
    ("…and opens a subtitle as —— does", "S", lambda f: f.read_dash == "start", 6.0),
    ("a line opening with —— is not a banner", "AB", lambda f: f.dash_start, -3.0),
    ("a bracket-only line notes the headline above it", "S", lambda f: f.note_only, 3.0),
    ("a bracket-only line is no title or kicker", "TK", lambda f: f.note_only, -3.0),
    ("a 【label】 is a series or column banner", "A", lambda f: f.bracket_label, 4.0),
    ("a 【label】 below a title is a banner too", "B", lambda f: f.bracket_label, 2.0),
    # "【…负责人答记者问】" under a title says who answers the questions of the interview under it: what one piece is, as a
    # subtitle says, where a column's label names a series of pieces
    ("a bracketed line saying who answers the paper's questions (【…负责人答记者问】) is the subtitle of the title above",
     "S", lambda f: f.bracket_interview, 5.0),
    ("…not a banner under it", "B", lambda f: f.bracket_interview, -4.0),
    ("a 【label】 is no title", "TK", lambda f: f.bracket_label, -3.0),
    ("a short bare name is a banner (工运走笔, 最美职工)", "AB", lambda f: f.banner, 2.0),
    ("a line naming the kind of page or section (…特别报道, …·专版, …专刊, 读者来信) is a banner over its stories, even "
     "where the story's opening names it too (本报陆续收到读者来信)", "A", lambda f: f.page_kind, 4.0),
    ("…never a story's kicker or title", "KT", lambda f: f.page_kind, -3.0),
    ("a banner of selected pieces (“…”征文选登, 书画作品选登) stands over the piece's title, however short that title is "
     "(道口): a banner above it, never its title or kicker", "A", lambda f: shapes.selection_banner(f.text), 3.0),
    ("…never the title or kicker of the piece under it", "TK", lambda f: shapes.selection_banner(f.text), -3.0),
    ("phrases of a campaign banner, printed after the title", "B", lambda f: f.banner_slogan, 2.5),
    ("phrases of a campaign banner above the title", "A", lambda f: f.banner_slogan, 0.5),
    ("very short phrases are a campaign banner (新时代 新征程 新伟业)", "A", lambda f: f.short_slogan, 2.5),
    ("a slogan over the title is its kicker", "K", lambda f: f.slogan, 2.0),
    ("parallel phrases under a title are its subtitle", "S", lambda f: f.slogan and not f.banner_slogan, 1.5),
    ("very short phrases are rarely a kicker", "K", lambda f: f.short_slogan, -0.5),
    ("very short phrases over a one-line title and a run-in lead (稳就业 惠民生 暖人心 / title / 本报讯…) lead into a "
     "news story: its kicker, not a campaign banner", "K", lambda f: f.short_slogan and f.over_lead, 2.5),
    ("a line with nothing of a banner is not one", "AB", lambda f: f.plain, -3.0),
    ("a short clause (为奋斗者点赞, 向劳动者致敬) is a kicker, not a column's name", "AB", lambda f: f.clause, -3.0),
    ("a short clause over a title leads into it", "K", lambda f: f.clause, 1.0),
    ("a line that only says when (劳动节前夕, 春节来临之际) sets the news in time: not a column's name", "AB",
     lambda f: f.when, -3.0),
    ("…nor a title (a time alone names no news)", "T", lambda f: f.when, -1.0),
    ("…but the title's kicker", "K", lambda f: f.when, 1.0),
    ("a line opening on a field visit (直击…一线, 探访…) names the scene the reporter went to: not a column's name", "AB",
     lambda f: f.field_visit, -3.0),
    ("a short line ending on a verb and its object (岁末年初清欠薪, 迎峰度夏保供电) says what is being done: not a column's name",
     "AB", lambda f: f.does, -3.0),
    ("…but the kicker of the title that names the news", "K", lambda f: f.does, 1.5),
    ("“place：…” reads as a title", "T", lambda f: f.colon_title, 1.5),
    ("who gave a verdict or view and a colon (法院：…, 专家：…) is no place: under a title the line is its subtitle", "S",
     lambda f: f.speaker_colon, 2.0),
    ("…and not a “place：…” title", "T", lambda f: f.speaker_colon, -1.5),
    ("a short phrase with 的 (夜色中的建设者) describes; it names no column or banner", "AB", lambda f: f.descriptive,
     -3.0),
    ("a place's name and a colon alone on a line (河北唐山：) gives the story's place: a kicker, not a column label",
     "K", lambda f: f.place_label, 3.0),
    ("a place's name and a colon is no column label", "AB", lambda f: f.place_label, -3.0),
    ("a bare word the story's opening names in full (洛阳 over a story of 洛阳市…) gives its place or subject: a kicker",
     "K", lambda f: f.named_in_opening, 2.0),
    ("…not a column's name, which the story does not retell", "AB", lambda f: f.named_in_opening, -3.0),
    ("a line reporting that a meeting was held (…召开…交流会) is the occasion over the title that gives its message: the "
     "kicker", "K", lambda f: f.meeting, 2.5),
    ("who set a campaign going (全总部署…送温暖活动) is the occasion over the title giving what it asks: the kicker", "K",
     lambda f: f.deploys, 2.5),
    ("who issued what (全总发出通知, 国务院作出决定) over a title giving what the paper says is its kicker", "K",
     lambda f: f.issues, 2.5),
    ("…not a column's name (a column issues nothing)", "AB", lambda f: f.issues, -3.0),
    ("a question or exclamation is a title", "T", lambda f: f.asks, 1.0),
    ("a bracketed note ends a title (…(图), …（上）)", "T", lambda f: f.noted and not f.note_only, 1.0),
    ("a long sentence with commas is a kicker", "K", lambda f: f.long_comma, 1.0),
    ("a long sentence with commas may be a subtitle", "S", lambda f: f.long_comma, 0.5),
    ("a short clause stopping on a comma (春风送岗位，) leads into the line under it, which finishes the sentence: the "
     "kicker", "K", lambda f: f.comma_end, 3.0),
    ("…never a title or a subtitle, which do not stop on a comma", "TS", lambda f: f.comma_end, -3.0),
    ("“…提出” introduces the title below", "K", lambda f: f.says, 2.5),
    ("who talks about what (代表委员热议…, 专家解读…) is the occasion over the title giving what was said", "K",
     lambda f: f.discusses, 2.5),
    ("an issuing body and a verb of conferring (…总工会命名) lead into the honour the title names", "K",
     lambda f: f.confers, 2.5),
    ("a kicker must earn its place", "K", lambda f: True, -0.5),
    ("编者按 labels a note; it is no headline", "TKS", lambda f: shapes.editor_label(f.text), -4.0),
    ("a title of four characters or fewer is rare (读者来信, 工运走笔 are banners)", "T", lambda f: f.length <= 4,
     -0.5),
    ("a notice's heading (更　正, 声　明, 征文启事) titles its notice; spread out it is still no banner (it is short like "
     "one, and under a notice signed by the paper alone it must not become that signature's column)", "T",
     lambda f: shapes.notice_title(f.text), 1.0),
    ("a person's name under a title signs it", "N", lambda f: f.person or f.signature, 3.0),
    ("only a name can sign", "N", lambda f: not (f.person or f.signature), NEVER),
    ("a name is no headline", "KTS", lambda f: f.person, -2.0),
    ("a signature line ends the story before", "P", lambda f: f.signature, 5.0),
    ("an office's name after the text signs it (更正…本报编辑部)", "P", lambda f: f.office, 2.5),
    ("a date alone (10月9日, 2025年5月8日) dates what it follows; it heads nothing", "KTSAB",
     lambda f: shapes.signing_date(f.text), -4.0),
    ("a bare name right after a story's text signs it (a letter signed at its end)", "P", lambda f: f.bare_name,
     3.0),
    ("only a signature line can end the story before", "P",
     lambda f: not (f.signature or f.office or f.bare_name), NEVER),
    ("the top line of a stack printed again over other headlines of the page is a series banner repeated over its "
     "stories", "A", lambda f: f.recurs, 4.0),
    ("…not a title or kicker of each", "TK", lambda f: f.recurs, -3.0),
    ("a short line right over a bulleted brief's run-in title (简　讯 over ▲title　text) labels the briefs: a banner, "
     "not a bare name signing the story before", "A", lambda f: f.over_runin and f.length <= 8 and not f.signature, 3.0),
    ("…and no bare name signing the story before", "P", lambda f: f.over_runin and f.bare_name and not f.signature,
     -4.0),
    ("a line opening with a short phrase and a comma may run on from the story before", "E", lambda f: f.runs_on,
     1.0),
    ("a line stopping on a particle or preposition was cut off mid-sentence", "E", lambda f: f.cut_short, 2.0),
    ("two commas in a long line make running text", "E", lambda f: f.commas >= 2 and f.length >= 20, 2.0),
    ("a sentence right above a letter's signature is the letter's last line (a question to the editor)", "E",
     lambda f: f.signed_below, 3.0),
    ("only a sentence can run on from the story before", "E", lambda f: not f.runs_on, NEVER),
    ("a line right above a byline line heads the story it opens; it does not run on from the story before", "E",
     lambda f: f.bylined_below, NEVER),
]


def _name_over_introduction(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """The title is a person's name alone and the subtitle right under it introduces a person by post (``introduces``)."""
    if heads.subtitle is None or heads.subtitle != heads.title + 1 or heads.kicker is not None or heads.title_more:
        return False
    return facts[heads.title].person and facts[heads.subtitle].introduces


def _kicker_longer(facts: list[LineFacts], heads: ItemHeads) -> bool:
    return heads.kicker is not None and facts[heads.kicker].length >= 1.3 * facts[heads.title].length


def _kicker_much_shorter(facts: list[LineFacts], heads: ItemHeads) -> bool:
    return heads.kicker is not None and not facts[heads.kicker].slogan \
        and facts[heads.kicker].length <= 0.5 * facts[heads.title].length


def _issuer_over_document(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"江苏省总工会" over "关于表彰…的决定": the issuing body is the kicker of a published document."""
    return heads.kicker is not None and bool(_ISSUER.fullmatch(facts[heads.kicker].text.strip())) \
        and facts[heads.title].text.startswith("关于")


def _slogan_under_label(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"【奋进新征程·一线见闻】" (or a series line, "…·系列报道之三") over "顶烈日　战高温　保供电" over the title: the
    label is the banner, the slogan under it the title's kicker (a headline carries one banner above it far more
    often than two)."""
    return heads.kicker is not None and bool(heads.columns) and heads.columns[0] < heads.title \
        and (facts[heads.columns[0]].bracket_label or facts[heads.columns[0]].series) and facts[heads.kicker].slogan


def _short_banner_over_three(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"冬训练兵正当时" read as a column banner over two plain headline lines (kicker and title, or title and
    subtitle, none with —— or a mark): the short line tops a three-line stack (引题, 主题, 副题) and is its kicker; a
    bare column name rarely stands over a two-line headline printed with no ——."""
    if heads.subtitle_more or len(heads.columns) != 1:
        return False
    top = heads.columns[0]
    below = [k for k in (heads.kicker, heads.title, heads.subtitle) if k is not None]
    if len(below) != 2 or below != [top + 1, top + 2]:
        return False
    return shapes.plain_name_shape(facts[top].text) and not any(
        facts[k].dash_start or facts[k].dash_end or facts[k].profile_subtitle or facts[k].note_only
        or facts[k].banner for k in below)


def _slogan_over_kicker(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"牢记嘱托　奋勇争先" read as a banner over a kicker and a title, none of them marked (no ——, bracket, series name or
    note): a slogan of parallel phrases over two plain headline lines tops a three-line stack (引题, 主题, 副题) and is its
    kicker; a line under it reporting a meeting held (…推进会在沪召开) is then the 主题, not a second kicker, and the line
    under that (what the meeting decided) its 副题. A headline carries one 引题, and a slogan leads into the news as a
    kicker far more often than it names a column over a kicker of its own."""
    if heads.subtitle is not None or heads.subtitle_more or heads.title_more or len(heads.columns) != 1:
        return False
    top = heads.columns[0]
    if heads.kicker != top + 1 or heads.title != top + 2:
        return False
    upper = facts[top]
    if not upper.slogan or upper.bracket_label or upper.series or upper.recurs:
        return False
    # very short phrases ("新时代　新征程　新伟业") are often a campaign banner over a kicker of its own; over a line
    # reporting a meeting held ("稳岗位　保就业　促发展" over "…推进会在长沙召开") they lead into the meeting's news
    if upper.short_slogan and not facts[heads.kicker].meeting:
        return False
    return not any(
        facts[k].dash_start or facts[k].dash_end or facts[k].read_dash or facts[k].profile_subtitle
        or facts[k].note_only or facts[k].banner or facts[k].bracket_label or facts[k].slogan
        for k in (heads.kicker, heads.title))


def _short_slogan_over_meeting(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"稳岗位　保就业　促发展" read as a campaign banner over a meeting held (…推进会在长沙召开) and its outcome: very short
    phrases right over the line reporting a meeting lead into its news, the 引题 of a three-line stack, not a banner over a
    title and a subtitle (the banner reading of very short phrases stands where no meeting line is under them)."""
    if heads.kicker is not None or heads.subtitle is None or heads.title_more or len(heads.columns) != 1:
        return False
    top = heads.columns[0]
    if heads.title != top + 1 or heads.subtitle != top + 2:
        return False
    upper, lower = facts[top], facts[heads.subtitle]
    if not upper.short_slogan or upper.bracket_label or upper.series or upper.recurs or not facts[heads.title].meeting:
        return False
    return not (lower.dash_start or lower.dash_end or lower.read_dash or lower.note_only or lower.banner
                or lower.bracket_label or lower.slogan)


def _statement_as_column(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"安全生产不放松" over a title and its subtitle: a line that makes a statement (a negated verb at its end) over a
    whole headline leads into it; a column's name states nothing. (Over a title alone the line might be the title
    itself, and this says nothing.)"""
    if heads.subtitle is None or not heads.columns:
        return False
    top = heads.columns[0]
    text = facts[top].text.strip()
    # a theme (关注节后用工, 聚焦…: a verb and what it turns to) says what the news is about, as a statement does; over a
    # title alone (a commentary's) such a line may name a column, and this says nothing
    return top < heads.title < heads.subtitle and bool(_NEGATED_PREDICATE.match(text) or _THEME.match(text))


def _theme_as_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"深化产业工人队伍建设改革" over "自贡培育“工匠型”班组长200名", read as title and subtitle: a theme line (a campaign
    verb and its object) that the story under it never retells, over a line the story's opening retells, is the 引题
    and the line under it the title (a title and its 副题 are both news; the story opens with both)."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    top, under = facts[heads.title], facts[heads.subtitle]
    return top.echo >= 0 and top.echo < 0.15 and under.echo >= 0.5 and bool(_THEME.match(top.text.strip())) \
        and not (under.dash_start or under.profile_subtitle or under.note_only)


def _report_kind_as_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"节后返岗复工一线观察" over "“点对点”专车接回4万名务工人员", read as title and subtitle: a line that names the kind of
    report it heads (or opens on the field visit, 直击…一线) says no news; it is the 引题 and the line under it, which does,
    the title."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    under, top = facts[heads.subtitle], facts[heads.title].text.strip()
    return bool(_REPORT_KIND.match(top) or _FIELD_VISIT.match(top)) \
        and not (under.dash_start or under.profile_subtitle or under.note_only or _REPORT_KIND.match(under.text.strip()))


# a short line that only sizes the news: a verb and what it counts, ending in the figure and its measure word
# ("展出作品400余件", "惠及职工1.2万人", "签约项目36个")
_COUNT_LINE = lazy_compile(r"^[\u4e00-\u9fff]{2,6}\d+(?:\.\d+)?[万亿]?[余多]?[件人名家个场项次份台辆套幅部所户吨元]$")


def _count_as_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """A short count (展出作品400余件) over a longer line with no —— is the 引题 sizing the news the line under it names:
    a title names its news, and a count alone does not."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    top, under = facts[heads.title], facts[heads.subtitle]
    return bool(_COUNT_LINE.match(top.text.strip(" \u3000"))) and len(under.text) > len(top.text) \
        and not (under.dash_start or under.profile_subtitle or under.note_only)


# a line that only says when and where (a day and a place joined by a middle dot or set apart by a gap, either way round:
# "4月20日·武汉青山", "河南许昌·6月5日", "7月12日　江西九江"): a reporter's dateline printed as the 引题 of a 走基层-style
# story or photo
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
_DAY_PLACE_LINE = lazy_compile(rf"^(?:{_DAY}(?:[·•・]|[ \u3000]+)[\u4e00-\u9fff]{{2,8}}"
                               rf"|[\u4e00-\u9fff]{{2,8}}(?:[·•・]|[ \u3000]+){_DAY})$")


def _day_place_as_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """A day·place line (4月20日·武汉青山) over a line with no —— is the 引题 placing the news the line under it names: a
    title names its news, and a date and a place alone do not, however short the line under them (码头上的“夜班人”)."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    top, under = facts[heads.title], facts[heads.subtitle]
    return bool(_DAY_PLACE_LINE.match(top.text.strip(" \u3000"))) \
        and not (under.dash_start or under.profile_subtitle or under.note_only)


# a short line that poses the question or the theme the news answers: a question word, or a ？ at its end
_POSES_QUESTION = lazy_compile(r"(?:如何|怎样|怎么|为何|为什么|谁来|咋|何以|何去何从|[？?]$)")
# a line that states a piece of news: a subject, then a causative verb ("企业托育室让双职工家庭…") or a verb with the
# perfective 了 ("…松了口气", "家政服务有了…"; 了解 is a verb of its own)
_STATES_NEWS = lazy_compile(r"[\u4e00-\u9fff“”]{2}(?:让|使|令|帮)[\u4e00-\u9fff“]{2}|[\u4e00-\u9fff”]{2}了(?!解)")


def _question_as_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"“一老一小”难题如何破解" over "企业托育室让双职工家庭松了口气", read as title and subtitle: a short line posing a
    question, over a line with no —— that states news (a subject and its verb), is the 引题 and the statement the
    title. A question title's 副题 answers or sources it ("——一名货车司机的来信", "律师：…"), and states no news of its
    own; those keep their reading."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    top, under = facts[heads.title], facts[heads.subtitle]
    if top.length > 16 or not _POSES_QUESTION.search(top.text.strip(" \u3000")):
        return False
    low = under.text.strip(" \u3000")
    return bool(_STATES_NEWS.search(low)) and not _POSES_QUESTION.search(low) and not (
        under.dash_start or under.read_dash or under.profile_subtitle or under.note_only or under.speaker_colon
        or under.colon_title or _NEEDS_SUBJECT.match(low))


# a noun phrase and nothing else: who or where, 的, then a thing (a quoted term or a short noun, up to four characters:
# "工会身影", "温暖瞬间"): "家门口的“职工食堂”", "工地上的“夜校”", "进博会场馆里的工会身影"; it names no deed
_NOUN_PHRASE = lazy_compile(r"^[\u4e00-\u9fff“”]{2,8}的(?:“[\u4e00-\u9fff]{1,6}”|[\u4e00-\u9fff]{1,4})$")
# a line that states what someone did: a subject of two or more characters, then a deed's verb (a service set up or
# held, or brought to where workers are: "…送清凉车开进工地", "…把技能课堂送到一线", "…服务队走进园区"; or moved there:
# "“职工书屋”搬进了工棚", "…驿站搬到了塔吊下", "…住进了新公寓"; or held their posts: "…志愿者坚守服务岗位", "…连续奋战…")
_DOES = lazy_compile(r"^[\u4e00-\u9fff0-9“”]{2,14}?(?:推出|开展|开设|开通|建成|建起|设立|成立|启动|上线|落地|举办|发放|实现|"
                     r"完成|出台|打造|引进|新增|增设|迎来|助力|帮助|送|开进|走进|进驻|搬进|搬到|搬上|住进|落户|坚守|值守|奋战|鏖战)"
                     r"[\u4e00-\u9fff“]")


def _noun_phrase_as_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"家门口的“职工食堂”" over "合肥百余个工会驿站推出“一元早餐”", read as title and subtitle: a short noun phrase
    (…的 and a thing) names no news; over a line as long or longer with no —— in which someone does something, it is the 引题 and
    the deed the title. A feature's 副题 under a noun-phrase title says whom it is about with a —— or 记…, which keeps
    its reading."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    top, under = facts[heads.title], facts[heads.subtitle]
    low = under.text.strip(" \u3000")
    # (the deed's line may be as long as the noun phrase, not shorter: "九江建筑工地上的新鲜事" / "“职工书屋”搬进了工棚")
    return bool(_NOUN_PHRASE.match(top.text.strip(" \u3000"))) and len(low) >= len(top.text.strip(" \u3000")) \
        and bool(_DOES.match(low)) and not _POSES_QUESTION.search(low) and not (
            under.dash_start or under.read_dash or under.profile_subtitle or under.note_only or under.speaker_colon
            or under.colon_title)


# a span from one state to another and nothing else ("从“要我学”到“我要学”", "由“单打独斗”变为“抱团发展”"): it names a change,
# not who made it
_SPAN_LINE = lazy_compile(r"^[从由][^，,。：:；;？?！!—]{1,10}?(?:到|至|走向|迈向|变成|变为)[^，,。：:；;？?！!—]{1,10}$")


def _span_as_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"从“招工难”到“留人稳”" over "某地鞋企用技能等级撬动职工增收", read as title and subtitle: a span from one state to
    another says what changed and names no news; over a longer plain line with no —— in which someone does something
    (it opens on who, not on a coverb or a question), it is the 引题 and that line the title. A feature's 副题 under a
    span title says whom it is about with a —— or 记…, or names the kind of report (…见闻, …调查); those keep their
    reading."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    top, under = facts[heads.title], facts[heads.subtitle]
    low = under.text.strip(" \u3000\t")
    return bool(_SPAN_LINE.match(top.text.strip(" \u3000\t"))) and under.length > top.length and not (
        under.dash_start or under.dash_end or under.read_dash or under.profile_subtitle or under.note_only
        or under.speaker_colon or under.colon_title or under.banner or under.person or under.asks or under.clause
        or _REPORT_KIND.match(low) or _POSES_QUESTION.search(low) or _NEEDS_SUBJECT.match(low) or _SPAN_LINE.match(low))


def _call_as_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"让一线职工当“评委”" over "沈阳一铁路机务段职工食堂每月搞“民主测评”", read as title and subtitle: a short call (a clause
    opening with 让/为/向/把/给 and no subject of its own) says what ought to be, and names no news; over a longer plain line
    with no —— (who did what) it is the 引题 and that line the title. A title's 副题 printed with no —— is marked otherwise
    (记…, a bracket-only note, a speaker's colon) or is itself a call or a question; those keep their reading."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    top, under = facts[heads.title], facts[heads.subtitle]
    low = under.text.strip(" \u3000\t")
    return top.clause and not top.asks and under.length > top.length and not (
        under.clause or under.asks or under.dash_start or under.dash_end or under.read_dash or under.profile_subtitle
        or under.note_only or under.speaker_colon or under.banner or under.person or _POSES_QUESTION.search(low)
        or _NEEDS_SUBJECT.match(low))


# a line stating an outcome with the perfective 了 ("职业院校毕业生成了“抢手货”", "车间里的“烦心事”当场有了回音", "…开门了"): the
# news's result, which the 主题 carries (了解 is a verb of its own)
_OUTCOME = lazy_compile(r"[\u4e00-\u9fff”]{2}了(?!解)")
# a figure or a count ("300余个", "三千余名", "两千人"): what a 副题 adds under its title to size the news
_COUNTED = lazy_compile(r"[0-9０-９]|[一二两三四五六七八九十百千万]+[余多]?[名个家人件项所座条台万亿]")
# "缘何…" asks why, as "为何…" does (a question title's 副题 answers it: "职业院校毕业生缘何成为“抢手货”" / "订单培养…有了“饭碗”")
_ASKS_WHY = lazy_compile(r"缘何|为啥|凭啥")


def _outcome_as_subtitle(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"订单培养受企业青睐" over "职业院校毕业生成了“抢手货”", read as title and subtitle: of two plain statements printed
    with no ——, the one stating the outcome with 了 is the 主题 and the line over it, which states none, the 引题 giving
    its cause or setting. A 副题 under a title adds to it — a figure, a list, a source, a speaker's verdict, 记… — and
    does not state the outcome its title leaves out; a question title's 副题 may answer it with 了, and keeps its
    reading (the question rows decide those)."""
    if heads.kicker is not None or heads.subtitle != heads.title + 1 or heads.subtitle_more:
        return False
    top, under = facts[heads.title], facts[heads.subtitle]
    up, low = top.text.strip(" \u3000\t"), under.text.strip(" \u3000\t")
    if not _OUTCOME.search(low) or _OUTCOME.search(up):
        return False
    if _POSES_QUESTION.search(up) or _ASKS_WHY.search(up) or top.asks or top.noted or top.colon_title or not top.plain:
        return False
    return not (_COUNTED.search(low) or re.search(r"[，,、；;：:。！？!?]", low) or under.dash_start or under.read_dash
                or under.profile_subtitle or under.note_only or under.speaker_colon or under.person
                or _NEEDS_SUBJECT.match(low))


def _column_outruns_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """"劳动者之歌" over "钢花飞溅铸重器", two short bare lines that could each be a column's name: read as a title over a
    column under it, the column would outrun its title. A column's name is the shorter line (劳动者之歌, 一线见闻, 职场观察);
    the longer names the picture or the news."""
    if heads.kicker is not None or heads.subtitle is not None or heads.title_more or not heads.columns:
        return False
    title = facts[heads.title]
    return title.banner and not title.bracket_label and any(
        facts[k].banner and not facts[k].bracket_label and facts[k].length > title.length for k in heads.columns)


def _banner_breaks_into_title(facts: list[LineFacts], heads: ItemHeads) -> bool:
    """A banner read right over or under the title, with which it makes one title over two lines (``title_breaks``:
    the upper line cannot end a headline, or the lower opens on what wants the upper as its subject: "没签劳动合同在工地受伤"
    / "能否认定为工伤"): that line is the title's other half, not a banner; a column's name is whole and asks nothing.
    (Both readings tie on their line scores when the half is short enough for a banner's shape.)"""
    end = heads.title_more[-1] if heads.title_more else heads.title
    above, below = heads.title - 1, end + 1
    return (heads.kicker is None and above in heads.columns and title_breaks(facts[above], facts[heads.title])) \
        or (heads.subtitle is None and below in heads.columns and title_breaks(facts[end], facts[below]))


ITEM_FEATURES: list[tuple[str, Callable[[list[LineFacts], ItemHeads], bool], float]] = [
    ("a kicker is usually longer than its title", _kicker_longer, 0.5),
    ("a kicker much shorter than its title is odd", _kicker_much_shorter, -0.5),
    ("an issuing body over a 关于… document title is its kicker", _issuer_over_document, 3.5),
    ("a slogan under a 【label】 banner is the title's kicker, not a second banner", _slogan_under_label, 2.5),
    ("a short unmarked line over a title and a plain subtitle is the kicker of a three-line stack, not a banner",
     _short_banner_over_three, -4.0),
    ("a slogan over two plain headline lines is the kicker of a three-line stack, not a banner over a kicker and a "
     "title", _slogan_over_kicker, -4.0),
    ("very short phrases over a meeting line and its outcome are the kicker of a three-line stack, not a banner over a "
     "title and a subtitle", _short_slogan_over_meeting, -4.0),
    ("a statement (…不放松) or a theme (关注节后用工) over a title and subtitle is their kicker, not a column's name",
     _statement_as_column, -4.0),
    ("a theme line the story never retells over a line it does is their kicker, not a title over its subtitle",
     _theme_as_title, -1.5),
    ("a line naming the kind of report (…一线观察, …调查) over a news line is their kicker, not a title over its subtitle",
     _report_kind_as_title, -1.5),
    ("a short count (展出作品400余件) over a longer line is their kicker, not a title over its subtitle", _count_as_title,
     -1.5),
    ("a day·place line (4月20日·武汉青山) over a line with no —— is their kicker, not a title over its subtitle",
     _day_place_as_title, -1.5),
    ("a short question (…如何破解) over a line stating news is their kicker, not a title over its subtitle",
     _question_as_title, -1.5),
    ("a noun phrase (家门口的“职工食堂”) over a line in which someone does something is their kicker, not a title over "
     "its subtitle", _noun_phrase_as_title, -1.5),
    ("a short call (让一线职工当“评委”) over a longer line with no —— is their kicker, not a title over its subtitle",
     _call_as_title, -1.5),
    ("a span from one state to another (从“招工难”到“留人稳”) over a longer line of news with no —— is their kicker, not a "
     "title over its subtitle", _span_as_title, -1.5),
    ("of two plain statements with no —— the one stating the outcome with 了 (…成了“抢手货”) is the title and the line "
     "over it its kicker, not a title over its subtitle", _outcome_as_subtitle, -1.5),
    ("of two short bare lines the column's name is the shorter: a title is not outrun by its column",
     _column_outruns_title, -0.5),
    ("a person's name over a line introducing that person by post (…门机司机，全国五一劳动奖章获得者) heads a 人物 sketch: "
     "the name is its title and the line its subtitle", _name_over_introduction, 6.0),
    ("a title line that breaks off mid-phrase (…研究解决) runs on into the line that completes it: one title",
     lambda facts, heads: bool(heads.title_more), 2.0),
    ("…and that line is no banner beside the title", _banner_breaks_into_title, -1.0),
]


@dataclass(frozen=True)
class _Split:
    """The facts about one story boundary inside a stack."""

    before: list[str]  # the headline lines of the first story (its body is not under the stack)
    after_title: str
    after_kicker: str | None
    context: StackContext


def _body_elsewhere(split: _Split) -> float:
    """Only when the body under the stack is the second story's (a page repeats its topics)."""
    if not _echo_contrast(split):
        return 0.0
    return min(1.0, split.context.elsewhere(split.before) / 0.3)


def _first_echo(split: _Split) -> float:
    body = split.context.body
    return max(split.context.echo(line, body) for line in split.before) if body else 0.0


def _echo_contrast(split: _Split) -> bool:
    body = split.context.body
    return bool(body) and _first_echo(split) < 0.25 and split.context.echo(split.after_title, body) >= 0.45


def _stray_kicker(split: _Split) -> bool:
    return split.after_kicker is not None and bool(split.context.body) \
        and split.context.echo(split.after_kicker, split.context.body) < 0.15


SPLIT_FEATURES: list[tuple[str, Callable[[_Split], float], float]] = [
    ("one stack is one story unless shown otherwise", lambda s: 1.0, -4.0),
    ("the body under the stack repeats the first lines: they are its headline", lambda s: float(_first_echo(s) >= 0.4),
     -4.0),
    ("text printed elsewhere on the page reads as the first story's body (and the body here does not)",
     _body_elsewhere, 5.0),
    ("the body under the stack repeats the second title, not the first lines", lambda s: float(_echo_contrast(s)), 2.0),
    ("a kicker of the second story that its body never echoes is the first story's subtitle",
     lambda s: float(_stray_kicker(s)), -2.0),
    ("text stranded after a closed story needs a headline: with the body here echoing the second title and not "
     "the first lines, the first lines are that headline", lambda s: float(_echo_contrast(s) and s.context.stranded()),
     2.5),
    ("a single line over a title is far more often its kicker than a headline whose body is elsewhere",
     lambda s: float(len(s.before) == 1), -2.0),
    ("a ——subtitle closes its headline: a title with no kicker after it starts the next story",
     lambda s: float(len(s.before) >= 2 and s.before[-1].startswith(("——", "－－")) and s.after_kicker is None),
     2.5),
]


@functools.cache
def _rows_of(role: Role) -> tuple[tuple[Callable[[LineFacts], bool], float], ...]:
    """The rows of ``LINE_FEATURES`` that score a role, the NEVER rows first (one that holds ends the sum)."""
    rows = [(test, weight) for _what, roles, test, weight in LINE_FEATURES if role in roles]
    return tuple(sorted(rows, key=lambda row: row[1] != NEVER))


@functools.lru_cache(maxsize=4096)
def _line_facts(text: str, dated: bool, signed_below: bool, bylined_below: bool = False,
               over_lead: bool = False, over_runin: bool = False, recurs: bool = False,
               echo: float = -1.0) -> LineFacts:
    """One ``LineFacts`` per distinct line: a stack is read again for every candidate reading and a line
    recurs across stacks (a column banner on every page), and the facts depend on nothing else.
    Shared instances are safe: a ``LineFacts`` only ever fills in its own cached properties."""
    return LineFacts(text, dated=dated, signed_below=signed_below, bylined_below=bylined_below, over_lead=over_lead,
                     over_runin=over_runin, recurs=recurs, echo=echo)


def _line_score(facts: LineFacts, role: Role) -> float:
    total = 0.0
    for test, weight in _rows_of(role):
        if test(facts):
            if weight == NEVER:
                return NEVER
            total += weight
    return total


def _item_shapes(facts: list[LineFacts], start: int, stop: int) -> Iterator[tuple[ItemHeads, list[Role]]]:
    """Every role sequence of lines[start:stop] for one story: A* K? T S? (B|N)*."""
    count = stop - start
    for above in range(count):
        for kicker in (0, 1):
            t = start + above + kicker
            if t >= stop:
                continue
            for more in (0, 1):
                if more and not (t + 1 < stop and title_breaks(facts[t], facts[t + 1])):
                    continue  # a title runs on to a second line only where its first line cannot end it
                end = t + more  # the title's last line
                for sub in (0, 1, 2):
                    if end + sub >= stop:
                        continue
                    if sub == 2 and not (facts[end + 1].dash_start and facts[end + 2].dash_start):
                        continue  # two subtitles only as two ——lines
                    tail = list(range(end + 1 + sub, stop))
                    options = [("B", "N") if (facts[k].person or facts[k].signature) and count <= _MAX_EXHAUSTIVE
                               else ("B",) for k in tail]
                    for choice in itertools.product(*options):
                        roles = ["A"] * above + ["K"] * kicker + ["T"] * (1 + more) + ["S"] * sub + list(choice)
                        columns = tuple(range(start, start + above)) + tuple(
                            k for k, r in zip(tail, choice, strict=True) if r == "B")
                        names = tuple(k for k, r in zip(tail, choice, strict=True) if r == "N")
                        yield ItemHeads(title=t, kicker=t - 1 if kicker else None,
                                        title_more=(end,) if more else (), subtitle=end + 1 if sub else None,
                                        subtitle_more=(end + 2,) if sub == 2 else (), columns=columns,
                                        names=names), roles


def read_stack(lines: list[str], context: StackContext | None = None) -> Reading:
    """The best reading of a headline stack (one line per entry, in print order)."""
    context = context or StackContext()
    if not lines:
        raise ValueError("an empty stack has no reading")
    facts = [_line_facts(text, k + 1 < len(lines) and shapes.signing_date(lines[k + 1]),
                         k + 1 < len(lines) and (marked_signature(lines[k + 1]) or _dated_office(lines, k + 1)),
                         k + 1 == len(lines) and context.bylined,
                         k + 2 == len(lines) and context.lead,
                         k + 2 == len(lines) and context.runin,
                         k == 0 and len(lines) >= 2 and text.strip(" \u3000") in context.recurring,
                         round(context.echo(text, context.body), 3) if context.body and len(lines) == 2 else -1.0)
             for k, text in enumerate(lines)]
    best: Reading | None = None
    for reading in _candidates(facts, context):
        if best is None or reading.score > best.score:
            best = reading
    assert best is not None  # a single story with every line but one as a banner always qualifies
    return best


def _candidates(facts: list[LineFacts], context: StackContext) -> Iterator[Reading]:
    n = len(facts)
    exhaustive = n <= _MAX_EXHAUSTIVE
    scores = {(k, role): score for k in range(n) for role, score in facts[k].scores.items()}
    # the story before may take the stack's first line (a sentence it cut off) and signature lines
    run_on = 1 if context.after_body and scores[0, "E"] != NEVER else 0
    shaped: dict[tuple[int, int], list[_Shaped]] = {}  # one stack's parts recur in many candidate readings
    for ends in range(run_on + 1):
        yield from _readings_after(facts, context, scores, ends, exhaustive, shaped)


def _dated_office(lines: list[str], k: int) -> bool:
    """Line k names a signing body ("…环卫所全体环卫工人", "某市总工会") over a date alone: a letter's signature."""
    return k + 1 < len(lines) and shapes.signing_office(lines[k]) and shapes.signing_date(lines[k + 1])


@dataclass(frozen=True)
class _Shaped:
    """One role sequence of a part of a stack, with what scoring it adds that depends on nothing else:
    the sum of its lines' role scores and the weights of the ``ITEM_FEATURES`` that hold, in table order
    (added one by one, as before, so every candidate's score is the same float)."""

    heads: ItemHeads
    roles: list[Role]
    role_sum: float
    weights: tuple[float, ...]


def _shapes_of(facts: list[LineFacts], scores: dict[tuple[int, Role], float], exhaustive: bool,
               start: int, stop: int, memo: dict[tuple[int, int], list[_Shaped]]) -> list[_Shaped]:
    """The scored shapes of lines[start:stop], computed once per stack (``memo``)."""
    found = memo.get((start, stop))
    if found is None:
        shapes_here = _item_shapes(facts, start, stop) if exhaustive else [_simple_shape(facts, start, stop)]
        found = memo[start, stop] = [
            _Shaped(heads, roles, sum(scores[start + k, role] for k, role in enumerate(roles)),
                    tuple(weight for _what, test, weight in ITEM_FEATURES if test(facts, heads)))
            for heads, roles in shapes_here]
    return found


def _readings_after(facts: list[LineFacts], context: StackContext, scores: dict[tuple[int, Role], float],
                    ends: int, exhaustive: bool,
                    memo: dict[tuple[int, int], list[_Shaped]]) -> Iterator[Reading]:
    n = len(facts)
    signatures = ends
    if context.after_body:
        # a stack with nothing under it may be signatures only (the last line of a page), and so may one over
        # an 编者按 run-in (a note opens the piece under it, never the signer's own text), and so may one over an 编后 /
        # 【编者附言】 run-in (the editors' afterword closes the piece the signature signs)
        limit = n if not context.body or shapes.editor_note(context.body) or shapes.editor_afterword(context.body) \
            else n - 1
        while signatures < limit and (facts[signatures].signature or facts[signatures].office
                                      or facts[signatures].bare_name):
            signatures += 1
    end_score = sum(scores[k, "E"] for k in range(ends))
    for sig in range(ends, signatures + 1):
        sig_score = end_score + sum(scores[k, "P"] for k in range(ends, sig))
        if sig == n:
            yield Reading((), tuple(range(ends, n)), sig_score, tuple(range(ends)))
            continue
        boundaries = range(sig + 1, n) if exhaustive else ()
        for split in (None, *boundaries):
            parts = [(sig, n)] if split is None else [(sig, split), (split, n)]
            per_part = [_shapes_of(facts, scores, exhaustive, a, b, memo) for a, b in parts]
            for combo in itertools.product(*per_part):
                score = sig_score
                for part in combo:
                    score += part.role_sum
                    for weight in part.weights:
                        score += weight
                if split is not None:
                    second = combo[1].heads
                    kicker = second.kicker
                    info = _Split([facts[k].text for k in range(sig, split)], facts[second.title].text,
                                  facts[kicker].text if kicker is not None else None, context)
                    score += sum(weight * test(info) for _what, test, weight in SPLIT_FEATURES)
                if score == NEVER:
                    continue
                yield Reading(tuple(part.heads for part in combo), tuple(range(ends, sig)), score,
                              tuple(range(ends)))


def _simple_shape(facts: list[LineFacts], start: int, stop: int) -> tuple[ItemHeads, list[Role]]:
    """For a long run of headline-like lines: the first plain line is the title, the rest banners."""
    title = next((k for k in range(start, stop) if facts[k].plain), start)
    roles = ["A" if k < title else "T" if k == title else "B" for k in range(start, stop)]
    columns = tuple(k for k in range(start, stop) if k != title)
    return ItemHeads(title=title, columns=columns), roles
