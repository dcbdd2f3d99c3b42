"""Pages to bytes: the Jinja environment (autoescape, StrictUndefined) and one context function per page
kind, built from that page's inputs (pages.py) alone; templates only display what the contexts hold.

A context resolves item records and cards only through the references in its inputs, each checked
against the content key it carries, so what a page shows can never drift from what its key covers.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

try:  # markupsafe 3: escape() is Python around this C function (markupsafe 2's escape is all C)
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - a pure-Python markupsafe, or markupsafe 2
    _escape_inner = None

from . import maps, urls
from .config import Config
from .errors import RenderError
from .fingerprint import code_key
from .model import Item, ItemSummary, Notice, Page
from .pages import (
    KIND_LABELS,
    TAXONOMY_LABELS,
    ArchiveInputs,
    ArticleInputs,
    CardRef,
    FeedInputs,
    HomeInputs,
    IssueDatesInputs,
    IssueInputs,
    NotFoundInputs,
    PageInputs,
    RecordRef,
    RedirectInputs,
    SearchInputs,
    SiteInputs,
    SitemapInputs,
    SourcePageInputs,
    TermInputs,
    TermListInputs,
    TermTree,
    format_date,
    inputs_digest,
    month_weeks,
    page_label,
)
from .resources import builtin_dir
from .search import ROOT_PATH as SEARCH_ROOT
from .sources import project_tree

Context = dict[str, Any]

WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
CSS_PATH = "static/style.css"
SEARCH_JS_PATH = "static/search.js"
READER_JS_PATH = "static/reader.js"
MAP_CLASSES = 5  # shades of a choropleth
relative = urls.relative


class RecordLookup(Protocol):
    """Where contexts get full item records (records.RecordStore): by a reference whose key it checks."""

    def item(self, ref: RecordRef) -> Item: ...

    def source_page(self, ref: tuple[str, str]) -> tuple[Page, tuple[str, ...]]: ...


@dataclass(frozen=True)
class Card:
    """An item as a link in a list, as one page shows it (``href`` is relative to that page); ``html`` is
    the card as the ``card`` macro of ``_cards.html`` draws it, made once for every page that links the
    item the same way (a day's rebuild lists one new item on dozens of pages)."""

    href: str
    title: str
    kicker: str | None
    subtitle: str | None
    kind: str
    kind_label: str
    date: str | None
    date_label: str
    page_label: str  # "" when the page number is unknown
    snippet: str
    html: Markup = field(default_factory=Markup)
    badge: str | None = None  # the kind, only where it tells something (no badge on plain news)


def _with_href(card: Card, href: str, html: Markup | None = None) -> Card:
    """The card linked by ``href`` (and drawn as ``html``): ``dataclasses.replace`` without its introspection
    (~4,500 cards a day's rebuild, each drawn once per process)."""
    return Card(href, card.title, card.kicker, card.subtitle, card.kind, card.kind_label, card.date,
                card.date_label, card.page_label, card.snippet, card.html if html is None else html, card.badge)


CARD_MEMO = 50_000  # drawn cards a Renderer keeps (Renderer.card): about a kilobyte each
PLACED_MEMO = 20_000  # cards with their link (Renderer.card): a card's html, about a kilobyte each
# stands for the link while the card macro draws an item once (no page text holds a NUL: decode refuses it)
_HREF_MARK = "\x00href\x00"


class Cards:
    """Cards and summaries of every item, resolved only by references whose key matches what they hold."""

    def __init__(self, items: Mapping[str, ItemSummary]) -> None:
        self._items = items

    def summary(self, ref: RecordRef) -> ItemSummary:
        """An item's summary by a reference to its record (the record key covers the summary too)."""
        item = self._items.get(ref[1])
        if item is None or item.record_key != ref[2]:
            raise RenderError(f"stale record reference {ref[1]} of {ref[0]}")
        return item

    def item(self, item_id: str) -> ItemSummary | None:
        return self._items.get(item_id)

    def shows(self, ref: CardRef) -> bool:
        """The reference is an item of this archive with that card."""
        item = self._items.get(ref[0])
        return item is not None and item.card_key == ref[1]

    def months(self) -> set[str]:
        return {(item.date or "")[:7] or "undated" for item in self._items.values()}

    def href(self, ref: CardRef, from_path: str) -> str:
        """The link to a card's item from ``from_path`` (the reference checked like ``card``)."""
        item = self._items.get(ref[0])
        if item is None or item.card_key != ref[1]:
            raise RenderError(f"stale card reference {ref[0]} while rendering {from_path}")
        return relative(from_path, item.url)

    def card(self, ref: CardRef, from_path: str) -> Card:
        item = self._items.get(ref[0])
        if item is None or item.card_key != ref[1]:
            raise RenderError(f"stale card reference {ref[0]} while rendering {from_path}")
        label = KIND_LABELS.get(item.kind, item.kind)
        return Card(relative(from_path, item.url), item.display_title, item.kicker, item.subtitle, item.kind,
                    label, item.date, format_date(item.date), page_label(item.page), item.snippet,
                    badge=None if item.kind == "article" else label)


KEPT_CARDS_FORMAT = 1


class KeptCards:
    """The built-in card macro's drawings (a card's html cut where its link goes) kept in the build cache across
    builds, one entry per month of items: a day's rebuild shows ~4,500 older items on the term pages it renders,
    drawn the same by the build before. An item's drawing is found by its card reference (its id and card key:
    what its card shows), an entry by the month and the salt (``Renderer._cards_salt``); nothing else is trusted
    (a damaged entry is drawn again)."""

    def __init__(self, store: EntryStore, cards: Cards, salt: str) -> None:
        self._store = store
        self._cards = cards
        self._salt = salt
        self._months: dict[str, dict[CardRef, tuple[str, ...]]] = {}
        self._new: dict[CardRef, tuple[str, ...]] = {}

    def _month(self, ref: CardRef) -> str:
        item = self._cards.item(ref[0])
        return ((item.date or "")[:7] or "undated") if item is not None else "undated"

    def _key(self, month: str) -> str:
        return hashlib.sha256(f"cards\0{self._salt}\0{month}".encode()).hexdigest()

    def _entry(self, month: str) -> dict[CardRef, tuple[str, ...]]:
        found = self._months.get(month)
        if found is None:
            loaded = self._store.load("cards", self._key(month))
            found = self._months[month] = dict(loaded) if _cards_entry(loaded) else {}
        return found

    def get(self, ref: CardRef) -> tuple[str, ...] | None:
        return self._entry(self._month(ref)).get(ref)

    def put(self, ref: CardRef, parts: tuple[str, ...]) -> None:
        self._entry(self._month(ref))[ref] = parts
        self._new[ref] = parts

    def take_new(self) -> dict[CardRef, tuple[str, ...]]:
        new, self._new = self._new, {}
        return new

    def save(self, drawn: Iterable[Mapping[CardRef, tuple[str, ...]]]) -> list[str]:
        by_month: dict[str, dict[CardRef, tuple[str, ...]]] = {}
        for batch in (*drawn, self.take_new()):
            for ref, parts in batch.items():
                by_month.setdefault(self._month(ref), {})[ref] = parts
        for month in sorted(by_month):
            entry = dict(self._entry(month))
            entry.update(by_month[month])
            # only cards this archive still shows so (an edited item's old card goes with its month's next write)
            kept = {ref: parts for ref, parts in sorted(entry.items()) if self._cards.shows(ref)}
            self._store.store("cards", self._key(month), kept)
            self._months[month] = kept
        return sorted({self._key(month) for month in self._cards.months()})


def _cards_entry(payload: Any) -> bool:
    """A kept entry as ``KeptCards`` writes it: card references to drawings cut where the link goes (a card links
    its item at least once, so a drawing has two parts or more; an empty one would make the card vanish)."""
    return isinstance(payload, dict) and all(
        isinstance(ref, tuple) and len(ref) == 2 and all(isinstance(x, str) for x in ref)
        and isinstance(parts, tuple) and len(parts) >= 2 and all(isinstance(x, str) for x in parts)
        for ref, parts in payload.items())


class Renderer:
    """Turns page jobs into bytes: contexts from inputs, then the page's template."""

    def __init__(self, config: Config, cards: Cards, records: RecordLookup,
                 compiled: jinja2.BytecodeCache | None = None, kept: EntryStore | None = None) -> None:
        self.env = make_environment(config, compiled)
        self.cards = cards
        self.records = records
        self._kept_store = kept
        self._cards: dict[CardRef, tuple[Card, tuple[str, ...] | None]] = {}
        self._cards_builtin: bool | None = None
        self._cards_checked: bool | None = None
        self._placed: dict[tuple[CardRef, str], Card] = {}  # per (item, link): a user's macro draws it so
        self._entries: dict[tuple[str, ...], Markup] = {}

    def render(self, path: str, template: str, inputs: PageInputs) -> bytes:
        context = CONTEXTS[type(inputs)](inputs, self)
        return render_template(self.env, template, context, path)

    def item(self, ref: RecordRef) -> Item:
        return self.records.item(ref)

    def source_page(self, ref: tuple[str, str]) -> tuple[Page, tuple[str, ...]]:
        try:
            return self.records.source_page(ref)
        except LookupError as exc:
            raise RenderError(str(exc)) from None

    def card(self, ref: CardRef, from_path: str) -> Card:
        """The item's card for a page at ``from_path``. Cards differ between pages only by their relative
        links, and an archive's cards appear ~25 times each: the built-in macro draws an item once with a
        mark where the link goes, and every page puts its own escaped link in. A user's ``_cards.html``
        may do anything with the link, so its cards are drawn for every link.

        Many pages link an item the same way (every term page of one depth; a 版's articles list each
        other): a card is kept with its link for the next page that links it so."""
        href = self.cards.href(ref, from_path)
        placed = self._placed.get((ref, href))
        if placed is None:
            if len(self._placed) >= PLACED_MEMO:
                self._placed.clear()
            placed = self._placed[(ref, href)] = self._place(ref, href, from_path)
        return placed

    def _place(self, ref: CardRef, href: str, from_path: str) -> Card:
        drawn = self._cards.get(ref)
        if drawn is None:
            if len(self._cards) >= CARD_MEMO:
                # pages come in date order and reuse the cards of the days around them; a bound keeps a
                # long-running serve's memo from growing with the archive
                self._cards.clear()
            plain = self.cards.card(ref, from_path)
            parts = None
            if self._builtin_cards():
                kept = self._kept
                parts = kept.get(ref) if kept is not None else None
                if parts is None:
                    parts = self._marked_card(plain)
                    if parts is not None and kept is not None:
                        kept.put(ref, parts)
            drawn = self._cards[ref] = (plain, parts)
        plain, parts = drawn
        if parts is None:
            card = _with_href(plain, href)
            return _with_href(card, href, Markup(self._macro("_cards.html", "card")(card, 3)))
        return _with_href(plain, href, Markup(str(escape(href)).join(parts)))

    def _builtin_cards(self) -> bool:
        if self._cards_builtin is None:
            filename = self.env.get_template("_cards.html").filename
            self._cards_builtin = filename is not None and Path(filename).parent == builtin_dir("templates")
        return self._cards_builtin

    @functools.cached_property
    def _kept(self) -> KeptCards | None:
        """The drawings earlier builds kept, for the built-in card macro only, under what they depend on besides
        the card: this code (and the pages code it imports: dates, labels), the template's text, and Jinja."""
        if self._kept_store is None or not self._builtin_cards():
            return None
        source = self.env.loader.get_source(self.env, "_cards.html")[0] if self.env.loader is not None else ""
        salt = hashlib.sha256(repr((KEPT_CARDS_FORMAT, code_key(__name__), jinja2.__version__, source)).encode(
            "utf-8", "surrogateescape")).hexdigest()
        return KeptCards(self._kept_store, self.cards, salt)

    def new_cards(self) -> dict[CardRef, tuple[str, ...]]:
        """The cards this renderer drew that no earlier build kept (taken: a worker sends them to the parent)."""
        return self._kept.take_new() if self._kept is not None else {}

    def keep_cards(self, drawn: Iterable[Mapping[CardRef, tuple[str, ...]]]) -> list[str]:
        """Keep the cards ``drawn`` (by this renderer's workers) for later builds; the keys of the entries that
        hold this archive's cards (the others may go)."""
        return self._kept.save(drawn) if self._kept is not None else []

    def _marked_card(self, plain: Card) -> tuple[str, ...] | None:
        """The card's html cut where its link goes; None when that does not draw what the macro draws (the
        first card checks it: the built-in macro prints the link as it is, so the check holds for all)."""
        macro = self._macro("_cards.html", "card")
        parts = tuple(str(macro(_with_href(plain, _HREF_MARK), 3)).split(_HREF_MARK))
        if self._cards_checked is None:
            self._cards_checked = str(escape(plain.href)).join(parts) == str(macro(plain, 3))
        return parts if self._cards_checked else None

    def feed_entry(self, key: tuple[str, ...], entry: Context) -> Markup:
        """A feed entry, drawn once per (item, links) for every feed that lists it."""
        drawn = self._entries.get(key)
        if drawn is None:
            drawn = self._entries[key] = Markup(self._macro("_feed.xml", "entry")(entry))
        return drawn

    def _macro(self, template: str, name: str) -> Callable[..., str]:
        try:
            return getattr(self.env.get_template(template).module, name)  # type: ignore[no-any-return]
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(f"template syntax error: {exc.message}", source=exc.filename or template,
                              line=exc.lineno) from None
        except (jinja2.TemplateNotFound, AttributeError):
            raise RenderError(f"template {template} has no macro '{name}'", source=template) from None


def make_environment(config: Config, compiled: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """User templates (next to archive.yaml) first, built-in second; autoescape and StrictUndefined;
    compiled templates loaded from and kept in ``compiled`` when given.

    One environment per set of template folders and process: a long-running ``serve`` compiles each
    template once. Templates are checked against their files here, once per build (each build makes its
    Renderer and PageKeys through this), not on every page: Jinja's auto_reload stats a page's template and
    every template it extends or imports each time one is rendered (~70k stats a cold 10k build)."""
    folders = tuple(str(d) for d in template_dirs(config))
    env = _environment(folders)
    cache = env.cache
    if cache is not None and not all(template.is_up_to_date and _found_at(folders, template) for template in
                                     cache.values()):
        # a file changed (an edit under serve), or a template was added in front of the one compiled (a user
        # template over a built-in one: the built-in file is unchanged): compile again what is asked for
        cache.clear()
    env.bytecode_cache = compiled
    return env


class EntryStore(Protocol):
    """Where compiled templates are kept (the build cache; a Protocol so that the render code, and so every
    page's key, does not depend on the cache module)."""

    def load(self, kind: str, key: str) -> Any: ...

    def store(self, kind: str, key: str, payload: Any) -> None: ...


class TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in the build cache ("templates"), so each process that renders (the build,
    each render worker, serve after a restart) loads them instead of compiling all of them again (~0.1 s
    a process). Jinja checks an entry against its template's source and recompiles a changed one; the key
    adds this module's code (the environment's options) and the Jinja version through ``code_key``."""

    def __init__(self, cache: EntryStore) -> None:
        self._cache = cache
        self._salt = code_key(__name__)

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Jinja's key (the template's name and file), but a file name that is not UTF-8 (a folder named
        in GBK bytes: surrogate escapes) is hashed too, where Jinja's strict encode raised."""
        key = hashlib.sha1(name.encode("utf-8", "surrogatepass"))
        if filename is not None:
            key.update(f"|{filename}".encode("utf-8", "surrogatepass"))
        return key.hexdigest()

    def _key(self, bucket: jinja2.bccache.Bucket) -> str:
        return hashlib.sha256(f"template\0{bucket.key}\0{self._salt}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._cache.load("templates", self._key(bucket))
        if isinstance(data, bytes):
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._cache.store("templates", self._key(bucket), bucket.bytecode_to_string())


def _printed(value: Any) -> str:
    """What ``{{ value }}`` prints under autoescape: markupsafe.escape's text. Plain strings (most of what a
    page prints, ~165 a page) skip building a Markup around it: what a template prints only ever goes into
    the page's (or a macro's or a block's) list of strings, which is joined (and marked safe) whole."""
    if type(value) is str:
        return _escape_inner(value)  # type: ignore[misc]
    return escape(value)


class _Template(jinja2.Template):
    """A template whose printed expressions use ``_printed``: the same text as Jinja's own ``escape``
    (test_render checks), a third cheaper on the plain strings that make most of a page."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any, globals: Any,
                  uptodate: Callable[[], bool] | None = None) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        if _escape_inner is not None:
            # the module namespace the template's render and block functions run in (Jinja puts its runtime's
            # escape there; the compiler calls it only to print an expression)
            template.root_render_func.__globals__["escape"] = _printed
        return template


class _Loader(jinja2.FileSystemLoader):
    """Jinja's loader of a template folder; a template that is not UTF-8 text (saved as GBK) is a
    TemplateSyntaxError naming its file and line, reported like any other (Jinja let a UnicodeDecodeError
    out: a traceback)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:  # the file Jinja would read whole (a sparse file of gigabytes: MemoryError)
            path = os.path.join(folder, *pieces)
            if os.path.isfile(path):
                size = os.stat(path).st_size
                if size > MAX_PROJECT_FILE_BYTES:
                    raise jinja2.TemplateSyntaxError(_too_large("template", size), 1, template, path)
                break
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            pieces = jinja2.loaders.split_template_path(template)
            for folder in self.searchpath:
                path = os.path.join(folder, *pieces)
                if os.path.isfile(path):
                    with open(path, "rb") as handle:
                        data = handle.read()
                    raise jinja2.TemplateSyntaxError(
                        f"template is not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); save it as UTF-8",
                        data[:exc.start].count(b"\n") + 1, template, path) from None
            raise


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja's environment, whose ``x.name`` on a plain dict looks the key up first when ``name`` names no dict
    attribute: the value Jinja finds too (its getattr fails, then it takes the item), without raising and catching
    an AttributeError each time (~1 µs, ~150 times a page: most of what the templates read are context dicts)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@functools.lru_cache(maxsize=8)
def _environment(folders: tuple[str, ...]) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.ChoiceLoader([_Loader(folder) for folder in folders]),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "xml"), default_for_string=True,
                                            default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # make_environment checks the files once per build instead
    )
    env.template_class = _Template
    return env


def _found_at(folders: Sequence[str], template: jinja2.Template) -> bool:
    """The template's name still leads to the file it was compiled from (the first folder that holds it)."""
    if template.name is None or template.filename is None:
        return True
    try:
        pieces = jinja2.loaders.split_template_path(template.name)
    except jinja2.TemplateNotFound:
        return True
    for folder in folders:
        path = os.path.normpath(os.path.join(folder, *pieces))
        if os.path.isfile(path):
            return path == os.path.normpath(template.filename)
    return False


def template_dirs(config: Config) -> list[Path]:
    user = config.root / "templates"
    return [user, builtin_dir("templates")] if user.is_dir() else [builtin_dir("templates")]


def render_template(env: jinja2.Environment, template: str, context: Context, path: str) -> bytes:
    try:
        return env.get_template(template).render(context).encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", source=exc.filename or template,
                          line=exc.lineno) from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"while rendering {path}: {exc.message}", source=template) from None
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template not found: {exc.name}", source=template) from None
    except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError, RecursionError,
            jinja2.TemplateError) as exc:
        # a user template doing something the context does not support: name the page, not a traceback
        # (`{{ 1 / 0 }}`, a number too big for a float, a template that extends itself were tracebacks)
        raise RenderError(f"while rendering {path}: {exc}", source=template) from None


# the templates whose macros the renderer calls for pages (their cards, feed entries): part of every page's key
RENDERER_MACROS = ("_cards.html", "_feed.xml")


class PageKeys:
    """The key of a page: its inputs' hash, the files of its template (with everything the template
    extends, includes or imports, user templates first) and this module's code."""

    def __init__(self, config: Config) -> None:
        self._env = make_environment(config)
        self._code = code_key(__name__)
        self._templates: dict[str, str] = {}

    def template_key(self, name: str) -> str:
        key = self._templates.get(name)
        if key is None:
            key = self._templates[name] = self._closure_key(name)
        return key

    def _closure_key(self, name: str) -> str:
        h = hashlib.sha256()
        seen: set[str] = set()
        # the macros the renderer calls itself (Renderer.card, feed_entry): no template names them
        pending = [*RENDERER_MACROS, name]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            try:
                source, filename, _ = self._env.loader.get_source(self._env, current)  # type: ignore[union-attr]
            except jinja2.TemplateNotFound:
                # a name from a literal may hold any code point ("\\ud800" decodes to a lone surrogate)
                h.update(f"{current}\0<missing>\0".encode("utf-8", "surrogatepass"))
                continue
            except jinja2.TemplateSyntaxError as exc:  # not UTF-8: rendering reports it; keyed by its bytes
                with open(exc.filename or "", "rb") as handle:  # at most what a template may hold, and one byte
                    h.update(f"{current}\0<not utf-8>\0".encode("utf-8", "surrogatepass")
                             + handle.read(MAX_PROJECT_FILE_BYTES + 1) + b"\0")
                continue
            h.update(f"{current}\0{filename}\0".encode("utf-8", "surrogatepass") + source.encode("utf-8") + b"\0")
            named = _referenced(source)
            if ANY_TEMPLATE in named:  # a name computed when it renders: every template there is
                named = (*(n for n in named if n != ANY_TEMPLATE), *self._env.list_templates())
            pending.extend(named)
        return h.hexdigest()

    def key(self, template: str, inputs: PageInputs) -> str:
        h = hashlib.sha256(self._code.encode())
        h.update(self.template_key(template).encode())
        h.update(template.encode())
        h.update(inputs_digest(inputs))
        return h.hexdigest()

    def salt(self, config: Config) -> str:
        """Everything a page's key covers besides its own inputs: the rendering code and every template.
        While it stays the same, a page whose inputs cannot have changed keeps its key (pages.Changes)."""
        names = sorted({name for folder in template_dirs(config) if folder.is_dir()
                        for name in (p.relative_to(folder).as_posix() for p in project_tree(folder)
                                     if os.path.isfile(p))})
        return hashlib.sha256("\0".join([self._code, *(f"{n}={self.template_key(n)}" for n in names)]).encode()
                              ).hexdigest()


# a tag that names other templates, and the string literals in it (only the default delimiters, which
# _environment sets; Jinja's parser would find the same names, at ~10 ms a template). A string literal
# may hold "%}" (Jinja reads it as part of the string), so the tag's end is looked for outside them.
_NAMING_TAG = re.compile(r"""\{%[-+]?\s*(extends|include|import|from)\b((?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[^"'])*?)"""
                         r"[-+]?%\}", re.DOTALL)
_STRING_LITERAL = re.compile(r"""("|')((?:\\.|(?!\1).)*)\1""", re.DOTALL)
# what a naming tag may hold besides its template's name: with the literals out, anything else (a
# variable, "~", "+", a conditional) names a template only known when the page renders
_TAG_WORDS = {
    "from": re.compile(r"\bimport\b.*", re.DOTALL),
    "import": re.compile(r"\bas\s+\w+|\b(?:with|without)\s+context\b"),
    "include": re.compile(r"\bignore\s+missing\b|\b(?:with|without)\s+context\b"),
    "extends": re.compile(r"(?!)"),
}
_PLAIN_NAMES = re.compile(r"[\s\[\](),]*")
# in a template's references: a name it computes when it renders, so it may use any template there is
ANY_TEMPLATE = "\0any"


def _literal(raw: str) -> str:
    """A string literal's value as Jinja's lexer reads it: its escapes decoded ("\\u5934.html" is 头.html)."""
    try:
        return raw.replace("\r\n", "\n").replace("\r", "\n").encode("ascii", "backslashreplace").decode(
            "unicode-escape")
    except UnicodeDecodeError:  # a bad escape: Jinja refuses the template when it renders
        return raw


@functools.lru_cache(maxsize=256)
def _referenced(source: str) -> tuple[str, ...]:
    """The templates a template's source may extend, include or import: every string literal in such a tag
    (a superset of what Jinja's ``find_referenced_templates`` reports: a key that covers a file too many
    only costs a rebuild; one that covers too few would serve a stale page), and ``ANY_TEMPLATE`` when a
    tag computes its name (``{% include part %}``, ``{% include "_" ~ kind ~ ".html" %}``)."""
    names: set[str] = set()
    for tag in _NAMING_TAG.finditer(source):
        expression = tag.group(2)
        names.update(_literal(literal.group(2)) for literal in _STRING_LITERAL.finditer(expression))
        rest = _TAG_WORDS[tag.group(1)].sub(" ", _STRING_LITERAL.sub(" ", expression))
        if not _PLAIN_NAMES.fullmatch(rest):
            names.add(ANY_TEMPLATE)
    return tuple(sorted(name for name in names if name))


# ---------------------------------------------------------------------------------------------
# small shared pieces

def link(from_path: str, to_path: str, label: str, **extra: Any) -> Context:
    return {"href": relative(from_path, to_path), "label": label, **extra}


def base_context(site: SiteInputs, path: str, title: str, *, description: str | None = None,
                 build_date: str | None = None) -> Context:
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
        "build_date": build_date,
        "extra_head": [],
        "path": path,
        # the 404 page is served at whatever URL was missing (/repo/a/b/gone.html): its links are
        # relative to the site root, so with a known base URL it names the root (without one it
        # stays relative like every page, and works where the host serves it from the root)
        "base_href": site.base_url if path == "404.html" and site.base_url else None,
        "inline_css": None,  # the 404 page's stylesheet (it cannot know where static/ is)
        "reader_js": None,  # static/reader.js on pages with reading tools
    }


def snippet_of(item: Item, limit: int) -> str:
    text = "".join(item.paragraphs) or (item.reading_tip or "")
    return text if len(text) <= limit else text[:limit] + "…"


def about_html(config: Config) -> str | None:
    """config.about as Markdown with raw HTML disabled (markdown-it also refuses javascript: links)."""
    if config.about is None:
        return None
    try:
        with config.about.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = b"" if size > MAX_PROJECT_FILE_BYTES else handle.read(MAX_PROJECT_FILE_BYTES + 1)
    except OSError as exc:
        raise RenderError(f"cannot read the about file: {exc.strerror or exc}", source=str(config.about)) from None
    if max(size, len(data)) > MAX_PROJECT_FILE_BYTES:  # was read whole: a MemoryError traceback
        raise RenderError(_too_large("about file", max(size, len(data))), source=str(config.about))
    data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:  # the words and the line of a config file that is not UTF-8
        raise RenderError(f"about file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                          source=str(config.about), line=data[:exc.start].count(b"\n") + 1) from None
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return md.render(text)


def static_files(config: Config) -> dict[str, bytes]:
    """Built-in assets under static/, overridden file by file by the project's own static/ folder (what
    :func:`project_notices` says nothing about: no pipe, no device, no link leading out of the project unless
    ``follow_symlinks``)."""
    files: dict[str, bytes] = {}
    for folder in (builtin_dir("static"), config.root / "static"):
        if not folder.is_dir():
            continue
        own = folder != builtin_dir("static")
        for path in project_tree(folder):
            if os.path.isfile(path) and not path.name.startswith(".") and "__pycache__" not in path.parts \
                    and path.name != "__init__.py" and not (own and _static_problem(path, config)):
                files["static/" + path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


def _leads_out(path: Path, root: Path) -> bool:
    """Whether the link ``path`` leads outside the project folder ``root`` (a loop leads nowhere: out)."""
    try:
        path.resolve(strict=True).relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):
        return True
    return False


def _too_large(what: str, size: int) -> str:
    return f"{what} is too large ({size / 2**20:,.0f} MB; the limit is {MAX_PROJECT_FILE_BYTES // 2**20} MB)"


# a project file the build reads whole (about.md, a template) may take this much; a static file four times as
# much (a CJK web font takes 10-20 MB): a bigger one (a sparse file, an image of a disk) was read into memory whole,
# and a MemoryError traceback took the build down
MAX_PROJECT_FILE_BYTES = 16 * 1024 * 1024
MAX_STATIC_FILE_BYTES = 4 * MAX_PROJECT_FILE_BYTES


def _static_problem(path: Path, config: Config) -> str | None:
    """Why a file of the project's static/ folder is not copied, or None: a link leading out of the project
    (``static/key -> ~/.ssh/id_rsa`` was published with the site) unless ``follow_symlinks``; a name holding a
    backslash (unzipped from a Windows archive: ``img\\logo.png``), which no web address can hold (it made the
    whole build fail: "the site contains an unsafe output path"); a file over MAX_STATIC_FILE_BYTES."""
    if "\\" in path.relative_to(config.root / "static").as_posix():
        return "a backslash in the name, which no web address can hold; skipped (rename the file)"
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        if size > MAX_STATIC_FILE_BYTES:
            return (f"static file is too large ({size / 2**20:,.0f} MB; the limit is "
                    f"{MAX_STATIC_FILE_BYTES // 2**20} MB); skipped")
    if os.path.islink(path) and not config.follow_symlinks and _leads_out(path, config.root):
        return ("static file is a link to a place outside the project folder; skipped (follow_symlinks: true in "
                "archive.yaml copies it)")
    return None


def _kind(path: Path) -> str | None:
    """``'folder'`` or ``'other'`` (a pipe, socket or device) for what stands where a file is looked for, or None
    for a regular file or nothing at all."""
    try:
        info = path.stat()
    except OSError:
        return None
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    return None if stat.S_ISREG(info.st_mode) else "other"


def project_notices(config: Config) -> tuple[Notice, ...]:
    """Warnings about the project's own files that the build skips: a pipe, socket or device in templates/ or
    static/, a folder named like a built-in template or static file, a folder or pipe as ``about.md``, a link in
    static/ leading out of the project. Each was skipped without a word (the built-in file used instead)."""
    notices: list[Notice] = []
    for name, kind_of, builtin in (("templates", "template", builtin_dir("templates")),
                                   ("static", "static", builtin_dir("static"))):
        folder = config.root / name
        if _kind(folder) != "folder":
            if os.path.lexists(folder):  # a file, a pipe, a link to nothing
                notices.append(Notice(str(folder), None, "not-a-file",
                                      f"not a folder; skipped (the built-in {kind_of} files are used)"))
            continue
        unreadable: list[OSError] = []
        for path in project_tree(folder, unreadable.append):
            if path.name.startswith(".") or "__pycache__" in path.parts:
                continue
            kind = _kind(path)
            rel = path.relative_to(folder)
            if kind == "other":
                notices.append(Notice(str(path), None, "not-a-file",
                                      "not a regular file (a pipe, socket or device); skipped"))
            elif kind is None and os.path.islink(path) and not os.path.exists(path):
                notices.append(Notice(str(path), None, "not-a-file", "a link to nothing (or a loop of links); skipped"))
            elif kind == "folder" and (builtin / rel).is_file():
                notices.append(Notice(str(path), None, "not-a-file",
                                      f"a folder where the {kind_of} file {rel.as_posix()} is looked for; "
                                      f"skipped (the built-in {rel.as_posix()} is used)"))
            elif name == "static" and kind is None and (problem := _static_problem(path, config)):
                notices.append(Notice(str(path), None,
                                      "symlink-outside" if problem.startswith("static file is a link") else "not-a-file",
                                      problem))
        notices.extend(Notice(os.fsdecode(exc.filename or folder), None, "not-a-file",
                              f"cannot read folder: {exc.strerror or exc}; skipped") for exc in unreadable)
    about = config.root / "about.md"  # a file named by `about:` is checked when the config loads
    kind = _kind(about) if config.about is None else None
    if kind is not None:
        what = "a folder" if kind == "folder" else "not a regular file (a pipe, socket or device)"
        notices.append(Notice(str(about), None, "not-a-file", f"about file is {what}; skipped (no about text)"))
    return tuple(notices)


def robots_txt(base_url: str) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines.append(f"Sitemap: {urls.absolute(base_url, 'sitemap.xml')}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def json_for_script(data: Any) -> Markup:
    """JSON safe inside <script>: "<", ">" and "&" become \\u escapes, so "</script>" cannot close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# ---------------------------------------------------------------------------------------------
# one context function per page kind (the variables are listed in docs/site.md)

def reading_tools(ctx: Context, path: str, *, fonts: bool, date: str | None = None) -> None:
    """What the reading tools need on a page (static/reader.js): the script, the date list for the date
    picker (loaded only when it is used) and the date archive as the picker's no-script fallback."""
    ctx["reader_js"] = relative(path, READER_JS_PATH)
    ctx["date_picker"] = {"dates_src": relative(path, urls.ISSUE_DATES_PATH),
                        "archive_href": relative(path, "archive/index.html"),
                        "site_root": relative(path, "index.html").removesuffix("index.html") or "./",
                        "value": date if date and len(urls.date_parts(date)) == 3 else ""}
    ctx["font_toggle"] = fonts


def home_context(inputs: HomeInputs, r: Renderer) -> Context:
    path = "index.html"
    site = inputs.site
    ctx = base_context(site, path, site.title, build_date=inputs.build_date)
    latest = []
    for (target, label), page_count, item_count, heads in inputs.latest:
        latest.append({**link(path, target, label), "page_count": page_count, "item_count": item_count,
                       "headlines": [r.card(c, path) for c in heads]})
    articles, issues, regions, topics = inputs.counts
    about = inputs.about_html
    ctx.update(
        latest_issues=latest,
        regions=[link(path, target, label, count=count) for (target, label), count in inputs.regions],
        topics=[link(path, target, label, count=count) for (target, label), count in inputs.topics],
        counts={"articles": articles, "issues": issues, "regions": regions, "topics": topics},
        about_html=Markup(about) if about is not None else None,
        # about.md usually opens with its own heading: the page then adds none
        about_has_heading=about is not None and about.lstrip().startswith(("<h1", "<h2", "<h3")),
        all_regions=link(path, "regions/index.html", "全部地区"),
        all_topics=link(path, "topics/index.html", "全部主题"),
        all_issues=link(path, "archive/index.html", "全部往期"),
    )
    return ctx


def issue_context(inputs: IssueInputs, r: Renderer) -> Context:
    path = inputs.path
    ctx = base_context(inputs.site, path, f"{inputs.label} - {inputs.site.title}")
    pages = [{"label": label, "anchor": anchor, "source_href": relative(path, source),
              "cards": [r.card(c, path) for c in cards]}
             for label, anchor, source, cards in inputs.pages]
    ctx.update(
        heading=inputs.label,
        date=inputs.date,
        pages=pages,
        page_count=len(pages) if inputs.numbered else None,
        item_count=inputs.item_count,
        older=link(path, *inputs.older) if inputs.older else None,
        newer=link(path, *inputs.newer) if inputs.newer else None,
        archive_link=link(path, "archive/index.html", "全部往期"),
    )
    reading_tools(ctx, path, fonts=False, date=inputs.date)
    return ctx


def source_page_context(inputs: SourcePageInputs, r: Renderer) -> Context:
    """The page as printed: every line in order, grouped into the items that consumed them (each linked to
    its article), the page's furniture, and the lines no item took, shown as such."""
    path = inputs.path
    page, lines = r.source_page(inputs.page)
    title = f"{inputs.issue[1]} {inputs.label or '版面原文'}"
    ctx = base_context(inputs.site, path, f"{title}（版面原文） - {inputs.site.title}")
    articles = dict(inputs.articles)
    owner: dict[int, int] = {}  # line -> index of the item that consumed it
    for index, item in enumerate(page.items):
        for line in item.source_lines:
            owner.setdefault(line, index)
    furniture = {f.line: f.kind for f in page.furniture}
    blocks: list[Context] = []
    seen_items: set[int] = set()
    for number, text in enumerate(lines, start=1):
        if not text.strip() and number not in owner:
            continue  # blank lines between paragraphs do not break an item's run of lines
        if number in owner:
            index = owner[number]
            kind, key = "item", f"item-{index}"
        elif number in furniture:
            kind, key, index = "furniture", f"furniture-{furniture[number]}", -1
        else:
            kind, key, index = "unplaced", "unplaced", -1
        if not blocks or blocks[-1]["key"] != key:
            block: Context = {"key": key, "kind": kind, "lines": [], "first": number}
            if kind == "item":
                item = page.items[index]
                ref = articles.get(item.id)
                card = r.card(ref, path) if ref is not None else None
                block.update(anchor=f"item-{index + 1}" if index not in seen_items else None,
                             number=index + 1, title=card.title if card else item.display_title,
                             href=card.href if card else None, kind_label=KIND_LABELS.get(item.kind, item.kind),
                             continued=index in seen_items)
                seen_items.add(index)
            elif kind == "furniture":
                block["label"] = {"page": "版头", "masthead": "报头", "editor": "编辑", "index": "导读",
                                  "advert": "广告", "web": "网页", "quote": "语录"}.get(
                    furniture[number], "版面信息")
            blocks.append(block)
        if text.strip():
            blocks[-1]["lines"].append({"number": number, "text": text})
    shown = [b for b in blocks if b["lines"]]
    anchors = {b.get("anchor") for b in shown}
    items = []
    for index, item in enumerate(page.items):
        ref = articles.get(item.id)
        card = r.card(ref, path) if ref is not None else None
        anchor = f"item-{index + 1}"
        items.append({"number": index + 1, "anchor": anchor if anchor in anchors else None,
                      "title": card.title if card else item.display_title, "href": card.href if card else None,
                      "line_count": len(item.source_lines)})
    unplaced = sum(len(b["lines"]) for b in shown if b["kind"] == "unplaced")
    ctx.update(
        heading=title,
        label=inputs.label,
        source=inputs.page[0],
        issue_link=link(path, *inputs.issue),
        date=inputs.date,
        blocks=shown,
        items=items,
        unplaced_count=unplaced,
        line_count=len(lines),
        page_nav=[link(path, target, label, current=current) for (target, label), current in inputs.pages],
        older=link(path, *inputs.older) if inputs.older else None,
        newer=link(path, *inputs.newer) if inputs.newer else None,
    )
    reading_tools(ctx, path, fonts=True, date=inputs.date)
    return ctx


def byline_groups(item: Item) -> list[Context]:
    byline = item.byline
    groups = [("记者", byline.reporters), ("通讯员", byline.correspondents), ("摄影", byline.photographers),
              ("作者", byline.authors), ("实习生", byline.interns)]
    return [{"role": role, "names": "、".join(names)} for role, names in groups if names]


def body_blocks(item: Item, path: str = "", pages: dict[int, str] | None = None) -> list[Context]:
    """Paragraphs with crossheads in place; the lead runs in at the start of the first paragraph. Where a
    half printed on another page was stitched in, the head's jump marker as printed and a link to that
    page's 版面 view."""
    pages = pages or {}
    heads: dict[int, list[str]] = {}
    for head in sorted(item.crossheads, key=lambda h: (h.before, h.line)):
        heads.setdefault(head.before, []).append(head.text)
    joins: dict[int, Context] = {}
    for part in item.continuation_parts:
        marker = item.continued_to.marker if item.continued_to is not None and item.continued_to.page == part.page \
            else None
        target = pages.get(part.page) if part.page is not None else None
        joins[part.first_paragraph] = {
            "marker": marker, "page": f"第{part.page}版" if part.page is not None else "另一版",
            "href": relative(path, target) if target else None}
    blocks: list[Context] = []
    paragraphs = item.paragraphs or (("",) if item.lead else ())
    for number, text in enumerate(paragraphs):
        if number in joins:
            blocks.append({"crosshead": None, "lead": None, "text": "", "join": joins[number]})
        for head in heads.pop(number, []):
            blocks.append({"crosshead": head, "lead": None, "text": "", "join": None})
        blocks.append({"crosshead": None, "lead": item.lead if number == 0 else None, "text": text, "join": None})
    for number in sorted(heads):  # a crosshead after the last paragraph stays visible at the end
        blocks.extend({"crosshead": head, "lead": None, "text": "", "join": None} for head in heads[number])
    return blocks


def citation_text(item: Item, site: SiteInputs) -> str:
    """GB/T 7714-2015 newspaper style: 作者. 题名[N]. 报纸名, 日期(版次)."""
    names = item.byline.names()
    authors = ", ".join(names[:3]) + (", 等" if len(names) > 3 else "")
    date = item.date or "出版日期不详"
    page = f"({item.page})" if item.page is not None else ""
    return f"{authors + '. ' if authors else ''}{item.display_title}[N]. {site.newspaper}, {date}{page}."


def article_context(inputs: ArticleInputs, r: Renderer) -> Context:
    item = r.item(inputs.record)
    path = inputs.path
    site = inputs.site
    ctx = base_context(site, path, f"{item.display_title} - {site.title}", description=snippet_of(item, 90))
    before, after = inputs.neighbours
    pages = dict(inputs.issue_pages)
    issue_href = relative(path, inputs.issue[0])
    printed = " ".join(x for x in (site.newspaper, format_date(item.date), inputs.page_label or "") if x)
    ctx.update(
        item_id=item.id,
        starts_incomplete=item.starts_incomplete,
        kind=item.kind,
        kind_label=KIND_LABELS.get(item.kind, item.kind),
        badge=None if item.kind == "article" else KIND_LABELS.get(item.kind, item.kind),
        kicker=item.kicker,
        title=item.display_title,
        subtitle=item.subtitle,
        column=item.column,
        column_extra=list(item.column_extra),
        bylines=byline_groups(item),
        date=item.date,
        date_label=format_date(item.date),
        page_label=inputs.page_label,
        issue_link={"href": issue_href, "label": inputs.issue[1]},
        source_page=link(path, *inputs.source_page) if inputs.source_page else None,
        dateline=_dateline_label(item),
        blocks=body_blocks(item, path, pages),
        reading_tip=item.reading_tip,
        credit=item.credit,
        captions=[{"text": c.text, "credit": c.credit} for c in item.captions],
        trailer=list(item.trailer),
        continued_to=_jump(path, item, "to", inputs.jumps[0], pages),
        continued_from=_jump(path, item, "from", inputs.jumps[1], pages),
        regions=[link(path, target, label, title=trail) for (target, label), trail in inputs.regions],
        topics=[link(path, target, label) for target, label in inputs.topics],
        keywords=[link(path, target, word) if target else {"href": None, "label": word}
                  for word, target in inputs.keywords],
        prev_item=r.card(before, path) if before else None,
        next_item=r.card(after, path) if after else None,
        prev_issue=inputs.neighbour_issues[0],
        next_issue=inputs.neighbour_issues[1],
        same_page=[r.card(c, path) for c in inputs.same_page],
        related=[r.card(c, path) for c in inputs.related],
        citation=citation_text(item, site),
        printed_from=printed,
        share_url=urls.absolute(site.base_url, path) if site.base_url else None,
        filters=[],
        search_date=item.date or "",
        meta=_article_meta(item, site, path),
        jsonld=json_for_script(_jsonld(item, site, path, inputs)),
    )
    reading_tools(ctx, path, fonts=True, date=item.date)
    return ctx


def _dateline_label(item: Item) -> str | None:
    line = item.dateline
    if line is None:
        return None
    when = f"{line.month}月{line.day}日" if line.month and line.day else ""
    return f"{line.place}{' ' + when if when else ''}"


def _jump(path: str, item: Item, direction: str, target: str | None, pages: dict[int, str]) -> Context | None:
    """A jump marker as printed ("(下转第3版)"), linked to the other half's article when the archive has
    it, else to the 版面 page of the other page when the archive has that page."""
    jump = item.continued_to if direction == "to" else item.continued_from
    if jump is None:
        return None
    if direction == "to" and any(part.page == jump.page for part in item.continuation_parts):
        return None  # the rest was stitched in: the join is shown in the body instead
    where = target or pages.get(jump.page)
    title = ("续文" if direction == "to" else "前文") + (f"：第{jump.page}版" if target is None and where else "")
    return {"href": relative(path, where) if where else None, "label": jump.marker, "marker": jump.marker,
            "title": title, "to_article": target is not None}


def _article_meta(item: Item, site: SiteInputs, path: str) -> list[Context]:
    """Open Graph and Highwire citation_* tags as (attribute, key, content) rows."""
    rows = [("property", "og:type", "article"), ("property", "og:title", item.display_title),
            ("property", "og:site_name", site.title), ("property", "og:locale", site.lang.replace("-", "_")),
            ("property", "og:description", snippet_of(item, 90))]
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


def _jsonld(item: Item, site: SiteInputs, path: str, inputs: ArticleInputs | None = None) -> dict[str, Any]:
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
    # the issue it was printed in, of the newspaper
    issue: dict[str, Any] = {"@type": "PublicationIssue",
                             "isPartOf": {"@type": "Periodical", "name": site.newspaper}}
    if item.date:
        issue["datePublished"] = item.date
    if inputs is not None and site.base_url:
        issue["url"] = urls.absolute(site.base_url, inputs.issue[0])
    data["isPartOf"] = issue
    section = (inputs.page_label if inputs is not None else None) or item.page_name or item.column
    if section:
        data["articleSection"] = section
    words = [k.word for k in item.keywords if k.word.strip()]
    if words:
        data["keywords"] = words
    places = list(dict.fromkeys(tag.region.name for tag in item.regions))
    if places:
        data["contentLocation"] = [{"@type": "Place", "name": name} for name in places]
    return data


def choropleth(path: str, shape: maps.Shape, counts: Iterable[tuple[str, str, str, int]], label: str,
               unit: str = "省份") -> Context:
    """A map as the template draws it: one region per path, shaded by its count (five classes on a
    square-root scale, 0 unshaded), linked to its page when it has items; regions without data stay grey."""
    found = {code: (target, name, count) for code, target, name, count in counts}
    top = max((count for _, _, count in found.values()), default=0)
    regions = []
    for code in sorted(shape.paths):
        target, name, count = found.get(code, ("", "", 0))
        shade = 0 if count <= 0 or top <= 0 else 1 + min(MAP_CLASSES - 1,
                                                          int((count / top) ** 0.5 * MAP_CLASSES - 1e-9))
        regions.append({"code": code, "d": shape.paths[code], "shade": shade,
                        "href": relative(path, target) if target and count else None,
                        "title": f"{name}：{count} 篇" if name else None})
    inset = None
    if shape.inset is not None:
        x, y, w, h, d = shape.inset
        inset = {"x": x, "y": y, "width": w, "height": h, "d": d}
    legend = []
    if top:
        for shade in range(1, MAP_CLASSES + 1):
            low = max(1, int(((shade - 1) / MAP_CLASSES) ** 2 * top) + 1)
            high = int((shade / MAP_CLASSES) ** 2 * top)
            if high >= low:
                legend.append({"shade": shade, "label": f"{low}–{high}" if high > low else str(low)})
    return {"view_box": shape.view_box, "regions": regions, "inset": inset, "label": label, "legend": legend,
            "source": maps.source(), "unit": unit}


def timeline(months: Iterable[tuple[str, int]], label: str) -> Context | None:
    """Items per month as bars (an SVG the template draws) and as a table (its text alternative)."""
    rows = list(months)
    if not rows:
        return None
    top = max(count for _, count in rows) or 1
    width, height, gap = max(4, min(24, 640 // len(rows) - 1)), 80, 1
    bars = []
    for position, (month, count) in enumerate(rows):
        tall = round(count / top * height)
        bars.append({"x": position * (width + gap), "y": height - tall, "height": tall, "width": width,
                     "title": f"{int(month[:4])}年{int(month[5:7])}月：{count} 篇", "count": count})
    years: list[Context] = []
    for position, (month, _) in enumerate(rows):
        x = position * (width + gap)
        if (month.endswith("-01") or position == 0) and (not years or x - years[-1]["x"] >= 30):
            years.append({"x": x, "label": month[:4]})
        elif month.endswith("-01") and years and x - years[-1]["x"] < 30:
            years[-1] = {"x": x, "label": month[:4]}  # a January label wins over the first month's
    return {"label": label, "bars": bars, "width": len(rows) * (width + gap), "height": height, "years": years,
            "rows": [{"month": f"{int(m[:4])}年{int(m[5:7])}月", "count": c} for m, c in rows if c],
            "total": sum(c for _, c in rows), "top": top}


def term_list_context(inputs: TermListInputs, r: Renderer) -> Context:
    kind = inputs.kind
    path = f"{kind}/index.html"
    label = TAXONOMY_LABELS[kind]
    ctx = base_context(inputs.site, path, f"{label} - {inputs.site.title}")

    def tree(term: TermTree) -> Context:
        head = link(path, *term.link) if term.link else {"href": None, "label": term.label}
        return {**head, "count": term.count, "children": [tree(c) for c in term.children]}

    region_map = None
    if kind == "regions" and inputs.map:
        region_map = choropleth(path, maps.national(), inputs.map, "各省稿件数地图")
    ctx.update(kind=kind, kind_label=label, heading=f"按{label}浏览", terms=[tree(t) for t in inputs.terms],
               term_count=inputs.term_count, map_data=region_map)
    return ctx


def term_context(inputs: TermInputs, r: Renderer) -> Context:
    kind = inputs.kind
    path = inputs.path
    number = inputs.number
    title = f"{inputs.label}（第{number}页）" if number else inputs.label
    ctx = base_context(inputs.site, path, f"{title} - {TAXONOMY_LABELS[kind]} - {inputs.site.title}")
    pagination = None
    if inputs.pagination is not None:
        label, newer, older, pages = inputs.pagination
        pagination = {"label": label, "newer": link(path, *newer) if newer else None,
                      "older": link(path, *older) if older else None,
                      "pages": [link(path, target, text, title=span) for (target, text), span in pages]}
    region_map = None
    if inputs.map is not None:
        shape = maps.province(inputs.map[0])
        if shape is not None and inputs.map[1]:
            region_map = choropleth(path, shape, inputs.map[1], f"{inputs.label}各地市稿件数地图", "地市")
    ctx.update(
        kind=kind,
        kind_label=TAXONOMY_LABELS[kind],
        heading=inputs.label,
        index_link=link(path, f"{kind}/index.html", f"全部{TAXONOMY_LABELS[kind]}"),
        breadcrumbs=[link(path, *b) for b in inputs.breadcrumbs],
        level_label=inputs.level_label,
        term_feed_href=relative(path, inputs.feed) if inputs.feed else None,
        is_front=number is None,
        count=inputs.count,
        children=[link(path, target, label, count=count) for (target, label), count in inputs.children],
        items=[r.card(c, path) for c in inputs.cards],
        pagination=pagination,
        timeline=timeline(inputs.timeline, f"“{inputs.label}”各月稿件数") if inputs.timeline else None,
        map_data=region_map,
    )
    return ctx


def archive_context(inputs: ArchiveInputs, r: Renderer) -> Context:
    path = "archive/index.html"
    ctx = base_context(inputs.site, path, f"往期 - {inputs.site.title}")
    years = []
    for year, count, months in inputs.years:
        years.append({"year": year, "label": f"{int(year)}年", "anchor": f"y{year}", "count": count,
                      "months": [_month_calendar(path, y, m, issues) for y, m, issues in months],
                      "wide": len(months) > 1})  # a year of one month shares a row of the grid
    ctx.update(
        years=years,
        year_links=[{"href": f"#y{year}", "label": f"{int(year)}年"} for year, _, _ in inputs.years],
        undated=link(path, inputs.undated[0], "日期不详的版面", count=inputs.undated[1]) if inputs.undated else None,
        weekdays=list(WEEKDAYS),
        timeline=timeline(inputs.timeline, "各月稿件数"),
    )
    return ctx


def _month_calendar(path: str, year: str, month: str | None, issues: Iterable[tuple[str, str]]) -> Context:
    by_day: dict[int, tuple[str, str]] = {}
    partial: list[Context] = []
    for key, label in issues:
        parts = urls.date_parts(key)
        if len(parts) == 3:
            by_day[int(parts[2])] = (key, label)
        else:
            partial.append(link(path, urls.issue_path(key), f"{label}（日不详）"))
    weeks: list[list[Context]] = []
    if month is not None:
        for week in month_weeks(year, month):
            weeks.append([
                {"day": day or None,
                 "href": relative(path, urls.issue_path(by_day[day][0])) if day in by_day else None,
                 "title": by_day[day][1] if day in by_day else None}
                for day in week])
    label = f"{int(year)}年{int(month)}月" if month else f"{int(year)}年（月不详）"
    return {"label": label, "anchor": f"m{year}-{month or '00'}", "weeks": weeks, "partial": partial,
            "issue_count": len(by_day) + len(partial)}


def search_context(inputs: SearchInputs, r: Renderer) -> Context:
    path = "search/index.html"
    ctx = base_context(inputs.site, path, f"搜索 - {inputs.site.title}")
    facets = [{"name": name, "label": label,
               "options": [{"value": value, "label": text, "count": count, "province": province,
                            "prefecture": prefecture} for value, text, count, province, prefecture in options]}
              for name, label, options in inputs.facets]
    ctx.update(
        facets=facets,
        index_path=SEARCH_ROOT,  # site-relative: search.js loads every index file from site_root
        script_src=relative(path, SEARCH_JS_PATH),
        site_root=relative(path, "index.html").removesuffix("index.html") or "./",
        item_count=inputs.item_count,
        browse=[link(path, "archive/index.html", "日期"), link(path, "regions/index.html", "地区"),
                link(path, "topics/index.html", "主题")],
    )
    return ctx


def not_found_context(inputs: NotFoundInputs, r: Renderer) -> Context:
    ctx = base_context(inputs.site, "404.html", f"页面不存在 - {inputs.site.title}")
    # hosts serve this page at any missing URL: its links are written relative to the site root, which a
    # script finds (without a base URL) by probing upwards for the site's stylesheet; the stylesheet is
    # inlined so the page is styled before that
    ctx.update(heading="页面不存在", inline_css=Markup(inputs.css.replace("</", "<\\/")) if inputs.css else None,
               probe=CSS_PATH, find_root=not inputs.site.base_url)
    return ctx


def issue_dates_context(inputs: IssueDatesInputs, r: Renderer) -> Context:
    return {"data": json_for_script([[key, target] for key, target in inputs.issues])}


def redirect_context(inputs: RedirectInputs, r: Renderer) -> Context:
    ctx = base_context(inputs.site, inputs.path, f"{inputs.title} - {inputs.site.title}")
    target = relative(inputs.path, inputs.target)
    ctx.update(heading=inputs.title, target_href=target,
               target_url=urls.absolute(inputs.site.base_url, inputs.target) if inputs.site.base_url else None)
    return ctx


def feed_context(inputs: FeedInputs, r: Renderer) -> Context:
    """Atom: absolute links when base_url is known, else links relative to the feed file. The main feed's
    entries carry the whole article as HTML; term feeds carry the opening (docs/site.md says why)."""
    site = inputs.site
    path = inputs.path

    def href(target: str) -> str:
        return urls.absolute(site.base_url, target) if site.base_url else relative(path, target)

    entries = []
    for ref in inputs.entries:
        item = r.cards.summary(ref)
        when = _atom_time(item.date, inputs.build_date or "1970-01-01")
        entry = {
            "title": item.display_title,
            "href": href(item.url),
            "id": href(item.url) if site.base_url else f"urn:archive-gen:item:{item.id}",
            # the print date: archive-gen keeps no edit times (an edited item keeps its id and URL)
            "published": when,
            "updated": when,
            "summary": item.abstract,
            "content": None,
            "authors": list(item.names),
            "categories": [label for _, label in item.topics],
        }
        memo: tuple[str, ...] = (item.id, item.record_key, entry["href"], entry["id"], entry["updated"])
        if inputs.full:
            entry["content"] = _content_html(r.item(ref))
            memo = (*memo, "full")
        entry["xml"] = r.feed_entry(memo, entry)
        entries.append(entry)
    updated = max((e["updated"] for e in entries), default=_atom_time(inputs.build_date, "1970-01-01"))
    return {
        "feed_title": inputs.title,
        "feed_id": href(path) if site.base_url else f"urn:archive-gen:feed:{path}",
        "self_href": href(path),
        "alternate_href": href(inputs.alternate),
        "updated": updated,
        "lang": site.lang,
        "site_title": site.title,
        "entries": entries,
    }


def _content_html(item: Item) -> str:
    """The article body as HTML for a feed reader (escaped here; the template escapes it once more as XML)."""
    parts = []
    if item.subtitle:
        parts.append(f"<p><em>{escape(item.subtitle)}</em></p>")
    for block in body_blocks(item):
        if block["join"]:
            parts.append(f"<p>（以下原载{escape(block['join']['page'])}）</p>")
        elif block["crosshead"]:
            parts.append(f"<h3>{escape(block['crosshead'])}</h3>")
        else:
            lead = f"<strong>{escape(block['lead'])}</strong>" if block["lead"] else ""
            parts.append(f"<p>{lead}{escape(block['text'])}</p>")
    if item.credit:
        parts.append(f"<p>{escape(item.credit)}</p>")
    parts.extend(f"<p>{escape(line)}</p>" for line in item.trailer)
    return "".join(parts)


def _atom_time(date: str | None, fallback: str) -> str:
    parts = urls.date_parts(date) or urls.date_parts(fallback)
    full = (*parts, "01", "01")[:3] if parts else ("1970", "01", "01")
    return f"{full[0]}-{full[1]}-{full[2]}T00:00:00Z"


def sitemap_context(inputs: SitemapInputs, r: Renderer) -> Context:
    return {"entries": [{"loc": loc, "lastmod": lastmod} for loc, lastmod in inputs.entries]}


CONTEXTS: dict[type[PageInputs], Callable[[Any, Renderer], Context]] = {
    HomeInputs: home_context, IssueInputs: issue_context, SourcePageInputs: source_page_context,
    ArticleInputs: article_context, TermListInputs: term_list_context, TermInputs: term_context,
    ArchiveInputs: archive_context, SearchInputs: search_context, NotFoundInputs: not_found_context,
    IssueDatesInputs: issue_dates_context, RedirectInputs: redirect_context, FeedInputs: feed_context,
    SitemapInputs: sitemap_context,
}
