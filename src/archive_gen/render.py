"""Render the archive to ``{relative_path: bytes}``: one context builder per page kind, Jinja2 with
autoescape and StrictUndefined; templates only display what the builders computed.

Incremental: every page's context is hashed (with a salt covering templates, code and config); a page
whose digest equals the previous build's keeps its previous bytes instead of going through Jinja.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
import posixpath
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from . import urls
from .archive import Archive, RegionNode, Term
from .config import Config
from .errors import RenderError
from .model import Item
from .resources import builtin_dir
from .search import FALLBACK_PATH, fallback_enabled, pagefind_bundles, search_filters

Context = dict[str, Any]

KIND_LABELS = {"article": "消息", "photo": "图片", "commentary": "评论", "brief": "简讯", "fragment": "续文"}
TAXONOMY_LABELS = {"regions": "地区", "topics": "主题", "keywords": "关键词"}
LEVEL_LABELS = {"province": "省级", "prefecture": "地级", "county": "县级"}
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
HOME_ISSUES = 10
HOME_TERMS = 15
SNIPPET_CHARS = 90
CSS_PATH = "static/style.css"
SEARCH_JS_PATH = "static/search.js"
# a keyword carried by a single item gets no page of its own (it would only repeat that article's
# link); it is still listed on the keyword index and shown on the article, unlinked
KEYWORD_PAGE_MIN = 2


@dataclass(frozen=True)
class SiteInfo:
    """What every page shows about the site; computed once per render."""

    title: str
    newspaper: str  # name cited as the source (citation_journal_title, cite block)
    description: str
    lang: str
    base_url: str
    build_date: str
    item_count: int


@dataclass(frozen=True)
class PriorRender:
    """What the previous build left in the output folder: the context digest of each rendered page and a
    way to read that page's bytes back (None when the file is gone or was edited since)."""

    digests: Mapping[str, str]
    read: Callable[[str], bytes | None]
    salt: str = ""  # hash of everything outside the contexts that shapes the bytes (templates, code, config)


@dataclass(frozen=True)
class RenderResult:
    """The rendered site plus the digests the next build compares against."""

    files: dict[str, bytes]
    digests: dict[str, str] = field(default_factory=dict)  # templated page path -> context digest
    rendered: tuple[str, ...] = ()  # pages that went through Jinja this time (sorted)
    reused: int = 0  # pages whose previous bytes were kept


# ---------------------------------------------------------------------------------------------
# entry point

def render_site(archive: Archive, config: Config, *, build_date: str | None = None) -> dict[str, bytes]:
    """Every page, feed and asset of the site. ``build_date`` defaults to SOURCE_DATE_EPOCH or the
    newest issue date, so the output never depends on the clock."""
    return render_incremental(archive, config, None, build_date=build_date).files


def context_digest(salt: str, template: str, context: Context) -> str:
    """Hash of exactly what a page is rendered from; equal digests (same salt) mean equal bytes."""
    text = json.dumps(context, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=repr)
    return hashlib.sha256(f"{salt}\0{template}\0{text}".encode()).hexdigest()


def render_incremental(archive: Archive, config: Config, prior: PriorRender | None, *,
                       salt: str = "", build_date: str | None = None) -> RenderResult:
    """``render_site`` that re-renders only pages whose context digest differs from ``prior``'s; the
    bytes are the same as a full render's whenever ``salt`` covers templates, code and config."""
    env = make_environment(config)
    site = SiteInfo(title=config.title, newspaper=config.newspaper or config.title,
                    description=config.description, lang=config.language,
                    base_url=config.base_url, build_date=build_date or default_build_date(archive),
                    item_count=len(archive.items))
    out: dict[str, bytes] = {}
    digests: dict[str, str] = {}
    rendered: list[str] = []
    reuse = prior if prior is not None and prior.salt == salt else None

    def emit(path: str, template: str, context: Context) -> None:
        key = context_digest(salt, template, context)
        digests[path] = key
        if reuse is not None and reuse.digests.get(path) == key:
            previous = reuse.read(path)
            if previous is not None:
                out[path] = previous
                return
        out[path] = _render(env, template, context, path)
        rendered.append(path)

    emit("index.html", "index.html", home_context(archive, config, site))
    for issue_key in archive.issue_by_key:
        path = archive.issue_by_key[issue_key].url
        emit(path, "issue.html", issue_context(archive, site, issue_key))
    for item_id in archive.order:
        item = archive.items[item_id]
        emit(item.url or urls.article_path(item.id, item.date), "article.html", article_context(archive, site, item_id))
    for kind in ("regions", "topics", "keywords"):
        emit(f"{kind}/index.html", "taxonomy_list.html", taxonomy_list_context(archive, site, kind))
        for term in _terms(archive, kind):
            if not has_page(kind, term):
                continue
            for page_context in taxonomy_term_contexts(archive, site, kind, term.slug, config.per_page):
                emit(page_context["path"], "taxonomy_term.html", page_context)
            if kind != "keywords":
                feed_path = urls.term_feed_path(kind, term.slug)
                emit(feed_path, "feed.xml", feed_context(archive, site, config, feed_path,
                                                          f"{_term_label(term)} - {site.title}", term.item_ids,
                                                          urls.term_path(kind, term.slug)))
    emit("archive/index.html", "archive.html", archive_context(archive, site))
    emit("search/index.html", "search.html", search_context(archive, site, config))
    emit("404.html", "404.html", not_found_context(site))
    emit("feed.xml", "feed.xml", feed_context(archive, site, config, "feed.xml", site.title, archive.order,
                                               "index.html"))
    emit("sitemap.xml", "sitemap.xml", sitemap_context(archive, site, sorted(out)))
    out["robots.txt"] = robots_txt(site).encode("utf-8")
    out[".nojekyll"] = b""
    out.update(static_files(config))
    return RenderResult(dict(sorted(out.items())), dict(sorted(digests.items())), tuple(sorted(rendered)),
                        len(digests) - len(rendered))


def has_page(kind: str, term: RegionNode | Term) -> bool:
    """Regions and topics always get a page; keywords only when shared by several items."""
    return kind != "keywords" or term.count >= KEYWORD_PAGE_MIN


def make_environment(config: Config) -> jinja2.Environment:
    """User templates (next to archive.yaml) first, built-in second; autoescape and StrictUndefined."""
    loaders: list[jinja2.BaseLoader] = []
    user_dir = config.root / "templates"
    if user_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.FileSystemLoader(str(builtin_dir("templates"))))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "xml"), default_for_string=True,
                                            default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(env: jinja2.Environment, template: str, context: Context, path: str) -> bytes:
    try:
        return env.get_template(template).render(context).encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", source=exc.filename or template,
                          line=exc.lineno) from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"while rendering {path}: {exc.message}", source=template) from None
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template not found: {exc.name}", source=template) from None
    except (TypeError, ValueError, AttributeError, jinja2.TemplateError) as exc:
        # a user template doing something the context does not support: name the page, not a traceback
        raise RenderError(f"while rendering {path}: {exc}", source=template) from None


def default_build_date(archive: Archive) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return time.strftime("%Y-%m-%d", time.gmtime(int(epoch)))
    newest = archive.newest_date() or ""
    parts = urls.date_parts(newest)
    # a month-only newest issue still gives a valid day for feeds
    return "-".join((*parts, "01", "01")[:3]) if parts else "1970-01-01"


def static_files(config: Config) -> dict[str, bytes]:
    """Built-in assets under static/, overridden file by file by the project's own static/ folder."""
    files: dict[str, bytes] = {}
    for folder in (builtin_dir("static"), config.root / "static"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and "__pycache__" not in path.parts \
                    and path.name != "__init__.py":
                files["static/" + path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


# ---------------------------------------------------------------------------------------------
# small shared pieces

def link(from_path: str, to_path: str, label: str, **extra: Any) -> Context:
    return {"href": relative(from_path, to_path), "label": label, **extra}


def relative(from_path: str, to_path: str) -> str:
    """``urls.relative`` without posixpath.relpath's cost (it resolves against the working directory);
    every site path is a plain relative file path, so the common prefix of folders is all it takes."""
    if from_path == to_path:
        return posixpath.basename(to_path)
    here = from_path.split("/")[:-1]
    there = to_path.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def format_date(date: str | None) -> str:
    parts = urls.date_parts(date)
    if len(parts) == 3:
        return f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    if len(parts) == 2:
        return f"{int(parts[0])}年{int(parts[1])}月"
    if len(parts) == 1:
        return f"{int(parts[0])}年"
    return "日期不详"


def page_label(number: int | None) -> str:
    return f"第{number}版" if number is not None else "版次不详"


def issue_label(archive: Archive, key: str) -> str:
    return format_date(archive.issue_by_key[key].date)


def snippet(item: Item, limit: int = SNIPPET_CHARS) -> str:
    text = "".join(item.paragraphs) or (item.reading_tip or "")
    return text if len(text) <= limit else text[:limit] + "…"


def base_context(site: SiteInfo, path: str, title: str, *, description: str | None = None) -> Context:
    """What base.html needs: site info, nav links relative to ``path``, canonical URL when known."""
    nav = [link(path, target, label, current=path == target) for target, label in (
        ("index.html", "首页"), ("archive/index.html", "往期"), ("regions/index.html", "地区"),
        ("topics/index.html", "主题"), ("keywords/index.html", "关键词"), ("search/index.html", "搜索"))]
    return {
        "lang": site.lang,
        "site_title": site.title,
        "site_description": site.description,
        "page_title": title,
        "description": description or site.description,
        "home_href": relative(path, "index.html"),
        "css_href": relative(path, CSS_PATH),
        "feed_href": relative(path, "feed.xml"),
        "search_href": relative(path, "search/index.html"),
        "canonical": urls.absolute(site.base_url, path) if site.base_url else None,
        "nav": nav,
        # only the home page says when the site was updated: on every page it would make a daily
        # rebuild rewrite every page (docs/performance.md)
        "build_date": site.build_date if path == "index.html" else None,
        "extra_head": [],
        "path": path,
    }


def item_card(archive: Archive, from_path: str, item_id: str) -> Context:
    item = archive.items[item_id]
    return {
        "href": relative(from_path, item.url or ""),
        "title": item.display_title,
        "kicker": item.kicker,
        "subtitle": item.subtitle,
        "kind": item.kind,
        "kind_label": KIND_LABELS.get(item.kind, item.kind),
        "date": item.date,
        "date_label": format_date(item.date),
        "page_label": page_label(item.page),
        "snippet": snippet(item),
    }


def _terms(archive: Archive, kind: str) -> Sequence[RegionNode | Term]:
    if kind == "regions":
        return [archive.regions[code] for code in sorted(archive.regions)]
    return archive.topics if kind == "topics" else archive.keywords


def _term_by_slug(archive: Archive, kind: str, slug: str) -> RegionNode | Term:
    if kind == "topics" and slug in archive.topic_by_slug:
        return archive.topic_by_slug[slug]
    if kind == "keywords" and slug in archive.keyword_by_slug:
        return archive.keyword_by_slug[slug]
    if kind == "regions":
        for node in archive.regions.values():
            if node.slug == slug:
                return node
    raise RenderError(f"unknown {kind} slug {slug!r}")


def _term_label(term: RegionNode | Term) -> str:
    return term.name if isinstance(term, RegionNode) else term.label


def region_chip(archive: Archive, from_path: str, code: str) -> Context:
    node = archive.regions[code]
    trail = " › ".join(n.name for n in archive.region_path(code))
    return link(from_path, urls.term_path("regions", node.slug), node.name, title=trail)


def topic_chip(archive: Archive, from_path: str, slug: str) -> Context:
    term = _term_by_slug(archive, "topics", slug)
    return link(from_path, urls.term_path("topics", slug), _term_label(term))


# ---------------------------------------------------------------------------------------------
# one context builder per page kind (the variables are listed in docs/site.md)

def home_context(archive: Archive, config: Config, site: SiteInfo) -> Context:
    path = "index.html"
    ctx = base_context(site, path, site.title)
    latest = []
    for issue in archive.issues[:HOME_ISSUES]:
        latest.append({
            **link(path, issue.url, issue_label(archive, issue.key)),
            "page_count": len(issue.pages),
            "item_count": len(issue.item_ids),
            "headlines": [item_card(archive, path, i) for i in _headlines(archive, issue.item_ids)],
        })
    ctx.update(
        latest_issues=latest,
        regions=[link(path, urls.term_path("regions", archive.regions[c].slug), archive.regions[c].name,
                      count=archive.regions[c].count) for c in archive.region_roots[:HOME_TERMS]],
        topics=[link(path, urls.term_path("topics", t.slug), t.label, count=t.count)
                for t in archive.topics[:HOME_TERMS]],
        counts={"articles": len(archive.items), "issues": len(archive.issues), "regions": len(archive.regions),
                "topics": len(archive.topics)},
        about_html=about_html(config),
        all_regions=link(path, "regions/index.html", "全部地区"),
        all_topics=link(path, "topics/index.html", "全部主题"),
        all_issues=link(path, "archive/index.html", "全部往期"),
    )
    return ctx


def _headlines(archive: Archive, item_ids: Sequence[str], limit: int = 4) -> list[str]:
    """The first items of an issue that have a headline of their own (fragments and photos later)."""
    preferred = [i for i in item_ids if archive.items[i].kind in ("article", "commentary") and archive.items[i].title]
    rest = [i for i in item_ids if i not in preferred]
    return (preferred + rest)[:limit]


def about_html(config: Config) -> Markup | None:
    """config.about as Markdown with raw HTML disabled (markdown-it also refuses javascript: links)."""
    if config.about is None:
        return None
    try:
        text = config.about.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"cannot read the about file: {exc}", source=str(config.about)) from None
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return Markup(md.render(text))


def issue_context(archive: Archive, site: SiteInfo, key: str) -> Context:
    issue = archive.issue_by_key[key]
    path = issue.url
    label = issue_label(archive, key)
    ctx = base_context(site, path, f"{label} - {site.title}")
    ctx.update(
        heading=label,
        date=issue.date,
        pages=[{"label": page_label(p.page), "anchor": f"page-{p.page}" if p.page is not None else "page-unknown",
                "cards": [item_card(archive, path, i) for i in p.item_ids]} for p in issue.pages],
        item_count=len(issue.item_ids),
        older=link(path, urls.issue_path(issue.prev_key), issue_label(archive, issue.prev_key))
        if issue.prev_key else None,
        newer=link(path, urls.issue_path(issue.next_key), issue_label(archive, issue.next_key))
        if issue.next_key else None,
        archive_link=link(path, "archive/index.html", "全部往期"),
    )
    return ctx


def byline_groups(item: Item) -> list[Context]:
    byline = item.byline
    groups = [("记者", byline.reporters), ("通讯员", byline.correspondents), ("摄影", byline.photographers),
              ("作者", byline.authors), ("实习生", byline.interns)]
    return [{"role": role, "names": "、".join(names)} for role, names in groups if names]


def body_blocks(item: Item) -> list[Context]:
    """Paragraphs with crossheads in place; the lead runs in at the start of the first paragraph."""
    heads: dict[int, list[str]] = {}
    for head in sorted(item.crossheads, key=lambda h: (h.before, h.line)):
        heads.setdefault(head.before, []).append(head.text)
    blocks: list[Context] = []
    paragraphs = item.paragraphs or (("",) if item.lead else ())
    for number, text in enumerate(paragraphs):
        for head in heads.pop(number, []):
            blocks.append({"crosshead": head, "lead": None, "text": ""})
        blocks.append({"crosshead": None, "lead": item.lead if number == 0 else None, "text": text})
    for number in sorted(heads):  # a crosshead after the last paragraph stays visible at the end
        blocks.extend({"crosshead": head, "lead": None, "text": ""} for head in heads[number])
    return blocks


def citation_text(item: Item, site: SiteInfo) -> str:
    """GB/T 7714-2015 newspaper style: 作者. 题名[N]. 报纸名, 日期(版次)."""
    names = item.byline.names()
    authors = ", ".join(names[:3]) + (", 等" if len(names) > 3 else "")
    where = site.newspaper
    date = item.date or "出版日期不详"
    page = f"({item.page})" if item.page is not None else ""
    return f"{authors + '. ' if authors else ''}{item.display_title}[N]. {where}, {date}{page}."


def json_for_script(data: Any) -> Markup:
    """JSON safe inside <script>: "<", ">" and "&" become \\u escapes, so "</script>" cannot close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def article_context(archive: Archive, site: SiteInfo, item_id: str) -> Context:
    item = archive.items[item_id]
    path = item.url or ""
    issue_key = archive.issue_of[item_id]
    issue = archive.issue_by_key[issue_key]
    ctx = base_context(site, path, f"{item.display_title} - {site.title}", description=snippet(item))
    position = issue.item_ids.index(item_id)
    prev_id = issue.item_ids[position - 1] if position > 0 else None
    next_id = issue.item_ids[position + 1] if position + 1 < len(issue.item_ids) else None
    region_codes = _item_region_codes(item)
    filters = search_filters(archive, item)
    ctx.update(
        item_id=item.id,
        kind=item.kind,
        kind_label=KIND_LABELS.get(item.kind, item.kind),
        kicker=item.kicker,
        title=item.display_title,
        subtitle=item.subtitle,
        column=item.column,
        column_extra=list(item.column_extra),
        bylines=byline_groups(item),
        date=item.date,
        date_label=format_date(item.date),
        page_label=page_label(item.page),
        issue_link=link(path, issue.url, f"{issue_label(archive, issue_key)} {page_label(item.page)}"),
        dateline=_dateline_label(item),
        blocks=body_blocks(item),
        reading_tip=item.reading_tip,
        credit=item.credit,
        captions=[{"text": c.text, "credit": c.credit} for c in item.captions],
        trailer=list(item.trailer),
        continued_to=_continuation(archive, path, item, "to"),
        continued_from=_continuation(archive, path, item, "from"),
        regions=[region_chip(archive, path, code) for code in region_codes],
        topics=[topic_chip(archive, path, t.slug) for t in _unique_topics(item)],
        keywords=[_keyword_chip(archive, path, w) for w in _unique_keywords(item)],
        prev_item=item_card(archive, path, prev_id) if prev_id else None,
        next_item=item_card(archive, path, next_id) if next_id else None,
        related=[item_card(archive, path, r) for r in archive.related.get(item_id, ())],
        citation=citation_text(item, site),
        filters=[{"name": name, "value": value} for name, values in filters.items() for value in values],
        search_date=item.date or "",
        meta=_article_meta(item, site, path),
        jsonld=json_for_script(_jsonld(item, site, path)),
    )
    return ctx


def _keyword_chip(archive: Archive, from_path: str, word: str) -> Context:
    term = archive.keyword_by_word.get(word)
    if term is None or not has_page("keywords", term):
        return {"href": None, "label": word}
    return link(from_path, urls.term_path("keywords", term.slug), word)


def _item_region_codes(item: Item) -> list[str]:
    codes: list[str] = []
    for tag in item.regions:
        if tag.region.code not in codes:
            codes.append(tag.region.code)
    return codes


def _unique_topics(item: Item) -> list[Any]:
    seen: dict[str, Any] = {}
    for tag in item.topics:
        seen.setdefault(tag.slug, tag)
    return list(seen.values())


def _unique_keywords(item: Item) -> list[str]:
    seen: dict[str, None] = {}
    for keyword in item.keywords:
        if keyword.word.strip():
            seen.setdefault(keyword.word, None)
    return list(seen)


def _dateline_label(item: Item) -> str | None:
    line = item.dateline
    if line is None:
        return None
    when = f"{line.month}月{line.day}日" if line.month and line.day else ""
    return f"{line.place}{' ' + when if when else ''}"


def _continuation(archive: Archive, path: str, item: Item, direction: str) -> Context | None:
    jump = item.continued_to if direction == "to" else item.continued_from
    if jump is None:
        return None
    label = f"转第{jump.page}版" if direction == "to" else f"接第{jump.page}版"
    target = (archive.continued_to if direction == "to" else archive.continued_from).get(item.id)
    if target is None:
        return {"href": None, "label": label, "marker": jump.marker}
    return {**link(path, archive.items[target].url or "", label), "marker": jump.marker}


def _article_meta(item: Item, site: SiteInfo, path: str) -> list[Context]:
    """Open Graph and Highwire citation_* tags as (attribute, key, content) rows."""
    rows = [("property", "og:type", "article"), ("property", "og:title", item.display_title),
            ("property", "og:site_name", site.title), ("property", "og:locale", site.lang.replace("-", "_")),
            ("property", "og:description", snippet(item))]
    if site.base_url:
        rows.append(("property", "og:url", urls.absolute(site.base_url, path)))
    if item.date and len(urls.date_parts(item.date)) == 3:
        rows.append(("property", "article:published_time", item.date))
    rows.append(("name", "citation_title", item.display_title))
    rows.extend(("name", "citation_author", name) for name in item.byline.names())
    if item.date:
        rows.append(("name", "citation_publication_date", item.date.replace("-", "/")))
    rows.append(("name", "citation_journal_title", site.newspaper))
    if item.page is not None:
        rows.append(("name", "citation_firstpage", str(item.page)))
    rows.append(("name", "citation_language", site.lang))
    return [{"attr": a, "key": k, "content": c} for a, k, c in rows]


def _jsonld(item: Item, site: SiteInfo, path: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.display_title,
        "inLanguage": site.lang,
        "publisher": {"@type": "Organization", "name": site.title},
        "isAccessibleForFree": True,
    }
    if item.date:
        data["datePublished"] = item.date
    if item.page is not None:
        data["pageStart"] = str(item.page)
    if item.byline.names():
        data["author"] = [{"@type": "Person", "name": n} for n in item.byline.names()]
    if item.subtitle:
        data["alternativeHeadline"] = item.subtitle
    if site.base_url:
        data["url"] = urls.absolute(site.base_url, path)
    return data


def taxonomy_list_context(archive: Archive, site: SiteInfo, kind: str) -> Context:
    path = f"{kind}/index.html"
    label = TAXONOMY_LABELS[kind]
    ctx = base_context(site, path, f"{label} - {site.title}")
    if kind == "regions":
        terms = [_region_tree(archive, path, code) for code in archive.region_roots]
    else:
        terms = [{**(link(path, urls.term_path(kind, t.slug), t.label) if has_page(kind, t)
                     else {"href": None, "label": t.label}), "count": t.count, "children": []}
                 for t in _terms(archive, kind)]
    ctx.update(kind=kind, kind_label=label, heading=f"按{label}浏览", terms=terms, term_count=len(_terms(archive, kind)))
    return ctx


def _region_tree(archive: Archive, path: str, code: str) -> Context:
    node = archive.regions[code]
    return {**link(path, urls.term_path("regions", node.slug), node.name), "count": node.count,
            "children": [_region_tree(archive, path, child) for child in node.children]}


def taxonomy_term_contexts(archive: Archive, site: SiteInfo, kind: str, slug: str, per_page: int
                           ) -> list[Context]:
    """One context per page of the term's item list (newest first)."""
    term = _term_by_slug(archive, kind, slug)
    label = _term_label(term)
    ids = term.item_ids
    page_count = max(1, -(-len(ids) // per_page))
    contexts = []
    for number in range(1, page_count + 1):
        path = urls.term_path(kind, slug, number)
        ctx = base_context(site, path, f"{label} - {TAXONOMY_LABELS[kind]} - {site.title}")
        chunk = ids[(number - 1) * per_page: number * per_page]
        ctx.update(
            kind=kind,
            kind_label=TAXONOMY_LABELS[kind],
            heading=label,
            count=len(ids),
            index_link=link(path, f"{kind}/index.html", f"全部{TAXONOMY_LABELS[kind]}"),
            breadcrumbs=_region_breadcrumbs(archive, path, term) if isinstance(term, RegionNode) else [],
            level_label=LEVEL_LABELS[term.level] if isinstance(term, RegionNode) else None,
            children=[{**link(path, urls.term_path("regions", archive.regions[c].slug), archive.regions[c].name),
                       "count": archive.regions[c].count} for c in term.children]
            if isinstance(term, RegionNode) else [],
            items=[item_card(archive, path, i) for i in chunk],
            pagination=_pagination(path, kind, slug, number, page_count),
            term_feed_href=relative(path, urls.term_feed_path(kind, slug)) if kind != "keywords" else None,
        )
        contexts.append(ctx)
    return contexts


def _region_breadcrumbs(archive: Archive, path: str, node: RegionNode) -> list[Context]:
    return [link(path, urls.term_path("regions", n.slug), n.name) for n in archive.region_path(node.code)[:-1]]


def _pagination(path: str, kind: str, slug: str, number: int, count: int) -> Context | None:
    if count <= 1:
        return None
    pages = [link(path, urls.term_path(kind, slug, n), str(n), current=n == number) for n in range(1, count + 1)]
    return {
        "pages": pages,
        "prev": link(path, urls.term_path(kind, slug, number - 1), "上一页") if number > 1 else None,
        "next": link(path, urls.term_path(kind, slug, number + 1), "下一页") if number < count else None,
        "label": f"第{number}页，共{count}页",
    }


def archive_context(archive: Archive, site: SiteInfo) -> Context:
    path = "archive/index.html"
    ctx = base_context(site, path, f"往期 - {site.title}")
    years = []
    for year in archive.years:
        months = []
        for month in year.months:
            months.append(_month_calendar(archive, path, month.year, month.month, month.issue_keys))
        years.append({"year": year.year, "label": f"{int(year.year)}年", "anchor": f"y{year.year}",
                      "count": year.issue_count, "months": months})
    undated = archive.issue_by_key.get(urls.UNDATED)
    ctx.update(
        years=years,
        year_links=[{"href": f"#y{y.year}", "label": f"{int(y.year)}年"} for y in archive.years],
        undated=link(path, undated.url, "日期不详的版面", count=len(undated.item_ids)) if undated else None,
        weekdays=list(WEEKDAYS),
    )
    return ctx


def _month_calendar(archive: Archive, path: str, year: str, month: str | None, keys: Iterable[str]
                    ) -> Context:
    issues_by_day: dict[int, str] = {}
    partial: list[Context] = []
    for key in keys:
        parts = urls.date_parts(key)
        if len(parts) == 3:
            issues_by_day[int(parts[2])] = key
        else:
            partial.append(link(path, urls.issue_path(key), f"{issue_label(archive, key)}（日不详）"))
    weeks: list[list[Context]] = []
    if month is not None:
        for week in calendar.Calendar(firstweekday=0).monthdayscalendar(int(year), int(month)):
            weeks.append([
                {"day": day or None,
                 "href": relative(path, urls.issue_path(issues_by_day[day])) if day in issues_by_day else None,
                 "title": issue_label(archive, issues_by_day[day]) if day in issues_by_day else None}
                for day in week])
    label = f"{int(year)}年{int(month)}月" if month else f"{int(year)}年（月不详）"
    return {"label": label, "anchor": f"m{year}-{month or '00'}", "weeks": weeks, "partial": partial,
            "issue_count": len(issues_by_day) + len(partial)}


def search_context(archive: Archive, site: SiteInfo, config: Config) -> Context:
    path = "search/index.html"
    ctx = base_context(site, path, f"搜索 - {site.title}")
    facets = search_facets(archive)
    use_fallback = fallback_enabled(archive, config)
    bundles = pagefind_bundles(archive)
    ctx.update(
        facets=facets,
        fallback_src=relative(path, FALLBACK_PATH) if use_fallback else None,
        pagefind_src=relative(path, bundles[0] + "pagefind.js") if bundles else "",
        pagefind_merge=" ".join(relative(path, b + "pagefind.js").removesuffix("pagefind.js")
                                for b in bundles[1:]),
        script_src=relative(path, SEARCH_JS_PATH),
        site_root=relative(path, "index.html").removesuffix("index.html") or "./",
        item_count=len(archive.items),
        fallback_max=config.search_fallback_max_items,
        browse=[link(path, "archive/index.html", "日期"), link(path, "regions/index.html", "地区"),
                link(path, "topics/index.html", "主题")],
    )
    return ctx


def search_facets(archive: Archive) -> list[Context]:
    """Filter choices for the search form: name, label and sorted options with counts."""
    province = [{"value": archive.regions[c].name, "count": archive.regions[c].count} for c in archive.region_roots]
    topic = [{"value": t.label, "count": t.count} for t in archive.topics]
    year = [{"value": y.year, "count": sum(1 for i in archive.order
                                           if urls.date_parts(archive.items[i].date)[:1] == (y.year,))}
            for y in archive.years]
    return [{"name": "province", "label": "省份", "options": province},
            {"name": "topic", "label": "主题", "options": topic},
            {"name": "year", "label": "年份", "options": year}]


def not_found_context(site: SiteInfo) -> Context:
    ctx = base_context(site, "404.html", f"页面不存在 - {site.title}")
    ctx.update(heading="页面不存在")
    return ctx


def feed_context(archive: Archive, site: SiteInfo, config: Config, path: str, title: str,
                 item_ids: Sequence[str], alternate: str) -> Context:
    """Atom: absolute links when base_url is known, else links relative to the feed file."""
    def href(target: str) -> str:
        return urls.absolute(site.base_url, target) if site.base_url else relative(path, target)

    entries = []
    for item_id in item_ids[: config.feed_items]:
        item = archive.items[item_id]
        entries.append({
            "title": item.display_title,
            "href": href(item.url or ""),
            "id": href(item.url or "") if site.base_url else f"urn:archive-gen:item:{item.id}",
            "updated": _atom_time(item.date, site.build_date),
            "summary": snippet(item, 200),
            "authors": list(item.byline.names()),
            "categories": [t.label for t in _unique_topics(item)],
        })
    updated = max((e["updated"] for e in entries), default=_atom_time(site.build_date, site.build_date))
    return {
        "feed_title": title,
        "feed_id": href(path) if site.base_url else f"urn:archive-gen:feed:{path}",
        "self_href": href(path),
        "alternate_href": href(alternate),
        "updated": updated,
        "lang": site.lang,
        "site_title": site.title,
        "entries": entries,
    }


def _atom_time(date: str | None, fallback: str) -> str:
    parts = urls.date_parts(date) or urls.date_parts(fallback)
    full = (*parts, "01", "01")[:3] if parts else ("1970", "01", "01")
    return f"{full[0]}-{full[1]}-{full[2]}T00:00:00Z"


def sitemap_context(archive: Archive, site: SiteInfo, paths: Sequence[str]) -> Context:
    html = [p for p in paths if p.endswith(".html") and p != "404.html"]
    dates = {archive.items[i].url: archive.items[i].date for i in archive.order}
    return {"entries": [{"loc": urls.absolute(site.base_url, p) if site.base_url else p,
                         "lastmod": dates.get(p) if len(urls.date_parts(dates.get(p))) == 3 else None}
                        for p in html]}


def robots_txt(site: SiteInfo) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site.base_url:
        lines.append(f"Sitemap: {urls.absolute(site.base_url, 'sitemap.xml')}")
    return "\n".join(lines) + "\n"


def output_size(files: Mapping[str, bytes]) -> int:
    return sum(len(b) for b in files.values())


def user_template_dir(config: Config) -> Path:
    return config.root / "templates"
