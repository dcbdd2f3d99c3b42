"""Render the archive to ``{relative_path: bytes}``: one context builder per page kind, Jinja2 with
autoescape and StrictUndefined; templates only display what the builders computed.

Incremental: every page's context is hashed (with a salt covering templates, code and config); a page
whose digest equals the previous build's keeps its previous bytes instead of going through Jinja.
"""

from __future__ import annotations

import calendar
import concurrent.futures
import functools
import hashlib
import json
import multiprocessing
import os
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
from .search import ROOT_PATH, search_filters

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
    check that the page is still on disk as that build wrote it (not deleted, not edited since)."""

    digests: Mapping[str, str]
    on_disk: Callable[[str], bool]
    salt: str = ""  # hash of everything outside the contexts that shapes the bytes (templates, code, config)


@dataclass(frozen=True)
class RenderResult:
    """The rendered site plus the digests the next build compares against.

    ``files`` holds the bytes of what was rendered now; ``kept`` lists the pages whose previous bytes in
    the output folder are still right and were neither rendered nor read. Together they are the site.
    """

    files: dict[str, bytes]
    digests: dict[str, str] = field(default_factory=dict)  # templated page path -> context digest
    rendered: tuple[str, ...] = ()  # pages that went through Jinja this time (sorted)
    reused: int = 0  # pages whose previous bytes were kept
    kept: tuple[str, ...] = ()  # sorted; disjoint from ``files``

    @property
    def paths(self) -> list[str]:
        """Every path of the site, sorted."""
        return sorted({*self.files, *self.kept})


class Card:
    """An item as a link in a list (title, kicker, date, snippet…) from one page.

    The body is built once per item and render (``_card_body``) and shared by every page that lists
    the item; a page digest sees only the link and the body's key, which keeps digests cheap.
    """

    __slots__ = ("_body", "href")

    def __init__(self, href: str, body: Mapping[str, Any]) -> None:
        self.href = href
        self._body = body

    def __getattr__(self, name: str) -> Any:
        try:
            return self._body[name]
        except KeyError:
            raise AttributeError(name) from None

    def digest_form(self) -> list[str]:
        return [self.href, self._body["key"]]


# ---------------------------------------------------------------------------------------------
# entry point

def render_site(archive: Archive, config: Config, *, build_date: str | None = None) -> dict[str, bytes]:
    """Every page, feed and asset of the site. ``build_date`` defaults to SOURCE_DATE_EPOCH or the
    newest issue date, so the output never depends on the clock."""
    return render_incremental(archive, config, None, build_date=build_date).files


def _digest_form(value: Any) -> Any:
    if isinstance(value, Card):
        return value.digest_form()
    return repr(value)


def context_digest(salt: str, template: str, context: Context) -> str:
    """Hash of exactly what a page is rendered from; equal digests (same salt) mean equal bytes."""
    text = json.dumps(context, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_digest_form)
    return hashlib.sha256(f"{salt}\0{template}\0{text}".encode()).hexdigest()


def input_digest(salt: str, template: str, inputs: tuple[Any, ...]) -> str:
    """Hash of a page's inputs (``InputKeys``); "in:" keeps it apart from context digests."""
    return "in:" + hashlib.sha256(f"{salt}\0{template}\0{inputs!r}".encode()).hexdigest()


class InputKeys:
    """Everything an article, issue or older term page is rendered from, as a small tuple, computed
    without building the page's context.

    The records enter through ``record_keys`` (source -> key of that source's parsed and tagged
    records), everything derived from other items through their card keys and the archive's indexes.
    Whatever a context builder reads must be here: tests/test_render.py checks that an incremental
    render after all kinds of changes equals a full one byte for byte.
    """

    def __init__(self, archive: Archive, record_keys: Mapping[str, str]) -> None:
        self.archive = archive
        self.record_keys = record_keys

    def item(self, item_id: str) -> str | None:
        """Key of one item's record (its page's records, and those of the halves stitched into it)."""
        item = self.archive.items[item_id]
        parts = [self.record_keys.get(item.source)]
        parts.extend(self.record_keys.get(part.source) for part in item.continuation_parts)
        if any(part is None for part in parts):
            return None
        return f"{item_id}:{':'.join(parts)}"  # type: ignore[arg-type]

    def card(self, item_id: str) -> str:
        return str(_card_body(self.archive, item_id)["key"])

    def _regions(self, codes: Iterable[str]) -> tuple[Any, ...]:
        return tuple(tuple((n.code, n.slug, n.name, n.level) for n in self.archive.region_path(code))
                     for code in codes)

    def article(self, item_id: str) -> tuple[Any, ...] | None:
        own = self.item(item_id)
        if own is None:
            return None
        archive = self.archive
        item = archive.items[item_id]
        issue_key = archive.issue_of[item_id]
        issue = archive.issue_by_key[issue_key]
        position = issue.item_ids.index(item_id)
        neighbours = (issue.item_ids[position - 1] if position > 0 else None,
                      issue.item_ids[position + 1] if position + 1 < len(issue.item_ids) else None)
        related = archive.related.get(item_id, ())
        jumps = tuple((target, archive.items[target].url) if target else None
                      for target in (archive.continued_to.get(item_id), archive.continued_from.get(item_id)))
        keywords = []
        for word in _unique_keywords(item):
            term = archive.keyword_by_word.get(word)
            keywords.append((word, term.slug if term is not None and has_page("keywords", term) else None))
        regions = {tag.region.code for tag in item.regions}
        topics = tuple((t.slug, _term_label(_term_by_slug(archive, "topics", t.slug))) for t in _unique_topics(item))
        return ("article", own, issue_key, issue.url,
                tuple((i, self.card(i)) if i else None for i in neighbours),
                tuple((i, self.card(i)) for i in related), jumps, tuple(keywords),
                self._regions(sorted(regions)), topics)

    def issue(self, key: str) -> tuple[Any, ...]:
        issue = self.archive.issue_by_key[key]
        return ("issue", key, issue.url, issue.prev_key, issue.next_key,
                tuple((page.page, tuple(self.card(i) for i in page.item_ids)) for page in issue.pages))

    def term_page(self, kind: str, term: RegionNode | Term, number: int, ids: Sequence[str],
                  newest: bool) -> tuple[Any, ...]:
        trail = self._regions([term.code]) if isinstance(term, RegionNode) else ()
        return ("term", kind, term.slug, _term_label(term), number, newest, trail,
                tuple(self.card(i) for i in ids))


def render_incremental(archive: Archive, config: Config, prior: PriorRender | None, *,
                       salt: str = "", build_date: str | None = None,
                       record_keys: Mapping[str, str] | None = None, workers: int = 1) -> RenderResult:
    """``render_site`` that re-renders only pages whose digest differs from ``prior``'s; the bytes are
    the same as a full render's whenever ``salt`` covers templates, code and config.

    A page's digest is the hash of its context. With ``record_keys`` (source -> a key that changes
    whenever that source's records may change) the pages there are most of (articles, issues, older
    term pages) are keyed by their inputs instead (``InputKeys``), so an unchanged page costs neither
    a context nor a render. Those that must be rendered are spread over ``workers`` processes when
    there are many (the bytes do not depend on it).
    """
    env = make_environment(config)
    site = SiteInfo(title=config.title, newspaper=config.newspaper or config.title,
                    description=config.description, lang=config.language,
                    base_url=config.base_url, build_date=build_date or default_build_date(archive),
                    item_count=len(archive.items))
    out: dict[str, bytes] = {}
    kept: list[str] = []
    digests: dict[str, str] = {}
    rendered: list[str] = []
    reuse = prior if prior is not None and prior.salt == salt else None

    def still_right(path: str, key: str) -> bool:
        """Record the page's digest; True (and the page kept as it is on disk) when the last build's matches."""
        digests[path] = key
        if reuse is not None and reuse.digests.get(path) == key and reuse.on_disk(path):
            kept.append(path)
            return True
        rendered.append(path)
        return False

    def emit(path: str, template: str, context: Context) -> None:
        if not still_right(path, context_digest(salt, template, context)):
            out[path] = _render(env, template, context, path)

    deferred: list[tuple[str, str, Callable[[], Context]]] = []

    def emit_keyed(path: str, template: str, inputs: tuple[Any, ...] | None,
                   make_context: Callable[[], Context]) -> None:
        if inputs is None:
            emit(path, template, make_context())
        elif not still_right(path, input_digest(salt, template, inputs)):
            deferred.append((path, template, make_context))  # built and rendered below, maybe in parallel

    keys = InputKeys(archive, record_keys) if record_keys is not None else None

    emit("index.html", "index.html", home_context(archive, config, site))
    for issue_key in archive.issue_by_key:
        path = archive.issue_by_key[issue_key].url
        emit_keyed(path, "issue.html", keys.issue(issue_key) if keys else None,
                   functools.partial(issue_context, archive, site, issue_key))
    for item_id in archive.order:
        item = archive.items[item_id]
        emit_keyed(item.url or urls.article_path(item.id, item.date), "article.html",
                   keys.article(item_id) if keys else None,
                   functools.partial(article_context, archive, site, item_id))
    for kind in ("regions", "topics", "keywords"):
        emit(f"{kind}/index.html", "taxonomy_list.html", taxonomy_list_context(archive, site, kind))
        for term in _terms(archive, kind):
            if not has_page(kind, term):
                continue
            slices, archived = term_plan(term, config.per_page)
            front = taxonomy_term_context(archive, site, kind, term.slug, config.per_page, None)
            emit(front["path"], "taxonomy_term.html", front)
            for number in range(1, archived + 1):
                emit_keyed(urls.term_path(kind, term.slug, number), "taxonomy_term.html",
                           keys.term_page(kind, term, number, slices[number - 1], number == archived)
                           if keys else None,
                           functools.partial(taxonomy_term_context, archive, site, kind, term.slug,
                                             config.per_page, number))
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
    out.update(render_many(env, deferred, workers))
    emit("sitemap.xml", "sitemap.xml", sitemap_context(archive, site, sorted({*out, *kept})))
    out["robots.txt"] = robots_txt(site).encode("utf-8")
    out[".nojekyll"] = b""
    out.update(static_files(config))
    return RenderResult(dict(sorted(out.items())), dict(sorted(digests.items())), tuple(sorted(rendered)),
                        len(kept), tuple(sorted(kept)))


# below this many pages to render, starting worker processes costs more than it saves
PARALLEL_RENDER_MIN = 400
_FORKED: tuple[jinja2.Environment, list[tuple[str, str, Callable[[], Context]]]] | None = None


def render_many(env: jinja2.Environment, pages: list[tuple[str, str, Callable[[], Context]]],
                workers: int) -> dict[str, bytes]:
    """Build each page's context and render it: in this process, or for many pages in ``workers``
    forked processes that inherit the archive (nothing big is pickled; only the bytes come back)."""
    global _FORKED
    if workers <= 1 or len(pages) < PARALLEL_RENDER_MIN or "fork" not in multiprocessing.get_all_start_methods():
        return {path: _render(env, template, make(), path) for path, template, make in pages}
    chunk = max(1, len(pages) // (workers * 8))
    ranges = [(start, min(start + chunk, len(pages))) for start in range(0, len(pages), chunk)]
    _FORKED = (env, pages)
    try:
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers,
                                                    mp_context=multiprocessing.get_context("fork")) as pool:
            done: dict[str, bytes] = {}
            for results in pool.map(_render_range, ranges):  # in submission order: deterministic
                for path, data, error in results:
                    if error is not None:
                        raise RenderError(error, source=path)
                    done[path] = data
            return done
    finally:
        _FORKED = None


def _render_range(bounds: tuple[int, int]) -> list[tuple[str, bytes, str | None]]:
    """In a forked worker: render pages[start:end] of the state the parent left in ``_FORKED``."""
    assert _FORKED is not None
    env, pages = _FORKED
    out: list[tuple[str, bytes, str | None]] = []
    for path, template, make in pages[bounds[0]:bounds[1]]:
        try:
            out.append((path, _render(env, template, make(), path), None))
        except RenderError as exc:  # sent back as text: the parent raises it with the page named
            out.append((path, b"", exc.format()))
    return out


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


relative = urls.relative


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
        # the 404 page is served at whatever URL was missing (/repo/a/b/gone.html): its links are
        # relative to the site root, so with a known base URL it names the root (without one it
        # stays relative like every page, and works where the host serves it from the root)
        "base_href": site.base_url if path == "404.html" and site.base_url else None,
    }


def item_card(archive: Archive, from_path: str, item_id: str) -> Card:
    body = _card_body(archive, item_id)
    return Card(relative(from_path, body["url"]), body)


def _card_body(archive: Archive, item_id: str) -> Mapping[str, Any]:
    """What a card shows of an item, built once per archive (many pages list the same item)."""
    memo = archive.memo.setdefault("cards", {})
    body = memo.get(item_id)
    if body is None:
        item = archive.items[item_id]
        body = {
            "url": item.url or "",
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
        body["key"] = hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
        memo[item_id] = body
    return body


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
    joins = {part.first_paragraph: f"以下原载第{part.page}版" if part.page is not None else "以下原载另一版"
             for part in item.continuation_parts}
    blocks: list[Context] = []
    paragraphs = item.paragraphs or (("",) if item.lead else ())
    for number, text in enumerate(paragraphs):
        if number in joins:  # where the half printed on another page was stitched in
            blocks.append({"crosshead": None, "lead": None, "text": "", "join": joins[number]})
        for head in heads.pop(number, []):
            blocks.append({"crosshead": head, "lead": None, "text": "", "join": None})
        blocks.append({"crosshead": None, "lead": item.lead if number == 0 else None, "text": text, "join": None})
    for number in sorted(heads):  # a crosshead after the last paragraph stays visible at the end
        blocks.extend({"crosshead": head, "lead": None, "text": "", "join": None} for head in heads[number])
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
    if direction == "to" and any(part.page == jump.page for part in item.continuation_parts):
        return None  # the rest was stitched in: the join is shown in the body instead
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


def term_plan(term: RegionNode | Term, per_page: int) -> tuple[list[tuple[str, ...]], int]:
    """The term's items cut into slices of ``per_page`` counted from the oldest (each slice newest
    first), and how many of the oldest slices get pages of their own.

    New items only ever fill the newest slice, so every older slice page keeps its bytes and its URL
    its meaning. The front page shows the newest slice, and the one before it while the newest holds
    less than a full page.
    """
    chrono = term.item_ids[::-1]  # oldest first
    slices = [chrono[start:start + per_page][::-1] for start in range(0, len(chrono), per_page)] or [()]
    on_front = 1 if len(chrono) % per_page == 0 or len(slices) == 1 else 2
    return slices, len(slices) - on_front


def taxonomy_term_contexts(archive: Archive, site: SiteInfo, kind: str, slug: str, per_page: int
                           ) -> list[Context]:
    """The term's front page, then its older pages 1, 2… (page 1 the oldest); see ``term_plan``."""
    _, archived = term_plan(_term_by_slug(archive, kind, slug), per_page)
    return [taxonomy_term_context(archive, site, kind, slug, per_page, number)
            for number in (None, *range(1, archived + 1))]


def taxonomy_term_context(archive: Archive, site: SiteInfo, kind: str, slug: str, per_page: int,
                          number: int | None) -> Context:
    """The front page (``number`` None: newest items, counts, sub-regions, links to every older page)
    or older page ``number``; items newest first on each."""
    term = _term_by_slug(archive, kind, slug)
    label = _term_label(term)
    slices, archived = term_plan(term, per_page)
    front_path = urls.term_path(kind, slug)
    path = urls.term_path(kind, slug, number)
    title = f"{label}（第{number}页）" if number else label
    ctx = base_context(site, path, f"{title} - {TAXONOMY_LABELS[kind]} - {site.title}")
    ctx.update(
        kind=kind,
        kind_label=TAXONOMY_LABELS[kind],
        heading=label,
        index_link=link(path, f"{kind}/index.html", f"全部{TAXONOMY_LABELS[kind]}"),
        breadcrumbs=_region_breadcrumbs(archive, path, term) if isinstance(term, RegionNode) else [],
        level_label=LEVEL_LABELS[term.level] if isinstance(term, RegionNode) else None,
        term_feed_href=relative(path, urls.term_feed_path(kind, slug)) if kind != "keywords" else None,
    )
    if number is None:
        front_ids = [i for chunk in slices[archived:][::-1] for i in chunk]
        ctx.update(
            is_front=True,
            count=term.count,
            children=[{**link(path, urls.term_path("regions", archive.regions[c].slug), archive.regions[c].name),
                       "count": archive.regions[c].count} for c in term.children]
            if isinstance(term, RegionNode) else [],
            items=[item_card(archive, path, i) for i in front_ids],
            pagination={
                "label": f"更早的稿件：共{archived}页，第1页最早",
                "newer": None,
                "older": link(path, urls.term_path(kind, slug, archived), "更早"),
                "pages": [link(path, urls.term_path(kind, slug, n), str(n), title=_slice_range(archive, slices[n - 1]))
                          for n in range(archived, 0, -1)],
            } if archived else None,
        )
        return ctx
    ids = slices[number - 1]
    newer = front_path if number == archived else urls.term_path(kind, slug, number + 1)
    ctx.update(
        is_front=False,
        count=None,
        children=[],
        items=[item_card(archive, path, i) for i in ids],
        pagination={
            "label": f"第{number}页（{_slice_range(archive, ids)}）",
            "newer": link(path, newer, "最新" if number == archived else "较新"),
            "older": link(path, urls.term_path(kind, slug, number - 1), "较早") if number > 1 else None,
            "pages": [],
        },
    )
    return ctx


def _slice_range(archive: Archive, ids: Sequence[str]) -> str:
    """"2021年5月14日—2021年6月2日" for a slice listed newest first."""
    newest, oldest = format_date(archive.items[ids[0]].date), format_date(archive.items[ids[-1]].date)
    return newest if newest == oldest else f"{oldest}—{newest}"


def _region_breadcrumbs(archive: Archive, path: str, node: RegionNode) -> list[Context]:
    return [link(path, urls.term_path("regions", n.slug), n.name) for n in archive.region_path(node.code)[:-1]]


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
    ctx.update(
        facets=search_facets(archive),
        index_path=ROOT_PATH,  # site-relative: search.js loads every index file from site_root
        script_src=relative(path, SEARCH_JS_PATH),
        site_root=relative(path, "index.html").removesuffix("index.html") or "./",
        item_count=len(archive.items),
        browse=[link(path, "archive/index.html", "日期"), link(path, "regions/index.html", "地区"),
                link(path, "topics/index.html", "主题")],
    )
    return ctx


def search_facets(archive: Archive) -> list[Context]:
    """Filter choices for the search form: name, label and sorted options with counts."""
    def option(value: str, count: int, label: str | None = None, province: str | None = None,
               prefecture: str | None = None) -> Context:
        return {"value": value, "label": label or value, "count": count, "province": province,
                "prefecture": prefecture}

    def by_level(level: str) -> list[RegionNode]:
        nodes = [n for n in archive.regions.values() if n.level == level]
        return sorted(nodes, key=lambda n: (-n.count, n.code))

    province = [option(archive.regions[c].name, archive.regions[c].count) for c in archive.region_roots]
    prefecture = [option(n.name, n.count, province=n.province) for n in by_level("prefecture")]
    # county names repeat across China (朝阳区, 鼓楼区): the label says where, the page script then
    # sets the province and city filters too
    county = [option(n.name, n.count, f"{n.name}（{n.prefecture or n.province}）", n.province, n.prefecture)
              for n in by_level("county")]
    topic = [option(t.label, t.count) for t in archive.topics]
    years: dict[str, int] = {}
    for item_id in archive.order:
        year = urls.date_parts(archive.items[item_id].date)[:1]
        if year:
            years[year[0]] = years.get(year[0], 0) + 1
    year = [option(y.year, years.get(y.year, 0)) for y in archive.years]
    kinds: dict[str, int] = {}
    for item in archive.items.values():
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    kind = [option(k, kinds[k], KIND_LABELS.get(k, k)) for k in sorted(kinds, key=lambda k: (-kinds[k], k))]
    return [{"name": "province", "label": "省份", "options": province},
            {"name": "prefecture", "label": "地市", "options": prefecture},
            {"name": "county", "label": "区县", "options": county},
            {"name": "topic", "label": "主题", "options": topic},
            {"name": "year", "label": "年份", "options": year},
            {"name": "kind", "label": "体裁", "options": kind}]


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
