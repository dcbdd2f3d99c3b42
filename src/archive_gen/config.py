"""archive.yaml, loaded and validated once into frozen dataclasses.

Every problem is one ConfigError naming the file, the line and the key: unknown keys (with a "did you
mean"), wrong types, numbers out of range, impossible dates, control characters, and whatever a broken
or hostile YAML file can hold (nesting no config needs, alias bombs, YAML tags, lists used as keys).
CLI options override values only when given.
"""

from __future__ import annotations

import calendar
import codecs
import difflib
import re
import stat
import unicodedata
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, clipped, one_line, shown
from .model import name_key

CONFIG_NAME = "archive.yaml"
MAX_FILE_BYTES = 16 * 1024 * 1024  # 100,000 page overrides take about 6 MB
MAX_DEPTH = 20  # the deepest real file (a taxonomy's hints.<slug>.weights.<word>) needs 4 levels
MAX_VALUES = 1_000_000  # values in one file once its aliases are expanded
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_YAML_TAG = "tag:yaml.org,2002:"
_READ_TAGS = frozenset(_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))
# longest accepted values: far beyond any real one, short enough that one typo cannot flood every page
TEXT_LIMIT, LONG_TEXT_LIMIT, WORD_LIMIT, PATH_LIMIT, URL_LIMIT = 200, 2000, 50, 4096, 2048
NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "per_page": (1, 1000), "feed_items": (1, 10_000),
    "page": (1, 999),
}
TOP_KEYS = ("title", "newspaper", "description", "language", "base_url", "source", "output", "cache_dir",
            "about", "per_page", "feed_items", "search_fallback_max_items", "pages", "page_names", "taxonomy",
            "gazetteer", "follow_symlinks", "url_history")


@dataclass(frozen=True)
class PageOverride:
    """Metadata forced for one page file (matched by its path relative to the source folder)."""

    date: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class TopicSpec:
    """One topic of the taxonomy."""

    slug: str
    label: str
    definition: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaxonomyConfig:
    """Where topics come from: the packaged default, a replacement file, and/or extra topics."""

    file: Path | None = None  # replaces the packaged taxonomy
    extend: tuple[TopicSpec, ...] = ()


@dataclass(frozen=True)
class Config:
    """The whole configuration; paths are absolute (resolved against the config's folder)."""

    root: Path  # folder of archive.yaml (or the working directory without one)
    config_file: Path | None = None
    title: str = "工人日报数字报档案"
    newspaper: str = ""  # the paper's name for citations (citation_journal_title); defaults to title
    description: str = "报纸版面文本整理而成的可浏览、可检索的静态档案。"
    language: str = "zh-CN"
    base_url: str = ""  # absolute, with scheme; only used for feeds, sitemap, canonical links
    sources: tuple[Path, ...] = ()
    output: Path = Path("site")
    cache_dir: Path = Path(".archive-cache")
    about: Path | None = None  # Markdown file shown on the home page
    per_page: int = 20
    feed_items: int = 50
    pages: dict[str, PageOverride] = field(default_factory=dict)
    page_names: tuple[tuple[int, str], ...] = ()  # 版 number -> name shown when a page prints none (要闻)
    taxonomy: TaxonomyConfig = field(default_factory=TaxonomyConfig)
    gazetteer_aliases: dict[str, str] = field(default_factory=dict)  # extra name -> GB/T 2260 code
    follow_symlinks: bool = False  # read page files that are links to places outside the source folder
    url_history: Path | None = None  # a project file that keeps every published article URL (docs/site.md)
    # where each override was written, so later checks (unknown page, unknown code, clashing topic)
    # can name the line: keys "pages.<file>", "gazetteer.<name>", "taxonomy.extend.<slug>"
    override_lines: dict[str, int] = field(default_factory=dict)

    @property
    def own_paths(self) -> tuple[Path, ...]:
        """What archive-gen writes (the site, the cache, the URL history): never a page to read. The site is
        one too: a followed link in the sources leading into it read the build's own output (robots.txt an
        error on every build) and made each site depend on the one built before it."""
        return (self.output, self.cache_dir, *((self.url_history,) if self.url_history is not None else ()))

    def with_overrides(self, **values: Any) -> Config:
        """CLI values replace config values only when given (not None)."""
        given = {k: v for k, v in values.items() if v is not None}
        if "base_url" in given:
            try:
                given["base_url"] = _check_base_url(given["base_url"], None, None)
            except ConfigError as err:  # the value came from the command line, not from archive.yaml
                raise ConfigError(err.message, source="--base-url") from None
        return replace(self, **given)


# ---------------------------------------------------------------------------------------------
# reading YAML with limits, so that no file can hang, flood or crash the run

def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of a config or taxonomy file, refusing what could block or flood the run (a folder,
    a pipe or device, a file over MAX_FILE_BYTES) with a ConfigError naming it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ConfigError(f"{what} not found", source=str(path)) from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read {what}: {getattr(exc, 'strerror', None) or exc}", source=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ConfigError(f"{what} is a folder, not a file", source=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"{what} is not a regular file (a pipe, socket or device)", source=str(path))
    if info.st_size > MAX_FILE_BYTES:
        raise ConfigError(f"{what} is too large ({info.st_size / 2**20:,.0f} MB; the limit is "
                          f"{MAX_FILE_BYTES // 2**20} MB)", source=str(path))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read {what}: {exc.strerror or exc}", source=str(path)) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                          source=str(path), line=data[:exc.start].count(b"\n") + 1) from None


def compose_yaml(text: str, source: str) -> yaml.Node | None:
    """The YAML node tree of ``text`` (None for an empty document), or a ConfigError naming ``source`` and
    the line: invalid YAML, nesting deeper than MAX_DEPTH (also through aliases), more than MAX_VALUES
    values once aliases are expanded, a YAML tag other than the plain ones, a list or mapping used as a
    key, a duplicate key. Callers can then walk the tree without recursion or size limits of their own."""
    loader: _LimitedComposer | None = None
    try:
        loader = _LimitedComposer(text, source)  # the reader refuses control characters right away
        return loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        line = text[:exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        character = one_line(chr(exc.character)) if isinstance(exc.character, int) else "?"
        raise ConfigError(f"invalid YAML: control character {character} is not allowed", source=source,
                          line=line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        if exc.context and exc.problem and exc.problem.startswith("but "):
            problem = f"{exc.context}, {exc.problem}"  # "expected a single document…, but found another"
        raise ConfigError(f"invalid YAML: {_clip(problem)}", source=source,
                          line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {_clip(str(exc).splitlines()[0] if str(exc) else 'not valid YAML')}",
                          source=source) from None
    finally:
        if loader is not None:
            loader.dispose()


def read_yaml(path: Path, what: str) -> yaml.Node | None:
    """read_text + compose_yaml."""
    return compose_yaml(read_text(path, what), str(path))


class _LimitedComposer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                       yaml.resolver.Resolver):
    """PyYAML's pure-Python composer (its parser is iterative; only composing recurses) with the limits of
    compose_yaml checked node by node, so a 20,000-level file stops at level MAX_DEPTH + 1."""

    def __init__(self, text: str, source: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._source = source
        self._keys: list[str] = []  # the key each open node sits under ("" in lists)
        self._heights: list[int] = []  # per open node: the height of its tallest child so far
        self._anchor_sizes: dict[str, tuple[int, int]] = {}  # anchor -> (values, height) of its node
        self._values = 0

    def _fail(self, mark: yaml.Mark | None, head: str, tail: str = "") -> ConfigError:
        """``head``, the key the node is in (" in 'pages'") if any, ``tail``."""
        path = ".".join(k for k in self._keys if k)
        where = f" in {_named(path)}" if path else ""
        return ConfigError(head + where + tail, source=self._source, line=mark.line + 1 if mark else None)

    def _add_values(self, n: int, mark: yaml.Mark | None) -> None:
        self._values += n
        if self._values > MAX_VALUES:
            raise self._fail(mark, f"more than {MAX_VALUES:,} values", " once aliases are expanded (an alias bomb?)")

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            size, height = self._anchor_sizes.get(event.anchor or "", (1, 1))
            if len(self._heights) + height > MAX_DEPTH:
                raise self._fail(event.start_mark, f"nested more than {MAX_DEPTH} levels deep through aliases")
            self._add_values(size, event.start_mark)
            node = super().compose_node(parent, index)
            if self._heights:
                self._heights[-1] = max(self._heights[-1], height)
        else:
            if len(self._heights) >= MAX_DEPTH:
                raise self._fail(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
            before = self._values
            self._add_values(1, event.start_mark)
            self._keys.append(_clip(index.value, 40) if isinstance(index, yaml.ScalarNode) else "")
            self._heights.append(0)
            node = super().compose_node(parent, index)
            if node.tag not in _READ_TAGS:
                tag = "!!" + node.tag[len(_YAML_TAG):] if node.tag.startswith(_YAML_TAG) else node.tag
                what = "merge keys (<<) are" if node.tag == _YAML_TAG + "merge" else \
                    f"the YAML tag {clipped(tag, 40)} is"
                raise self._fail(node.start_mark, f"{what} not allowed", " (archive-gen reads plain values only)")
            height = self._heights.pop() + 1
            self._keys.pop()
            if self._heights:
                self._heights[-1] = max(self._heights[-1], height)
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                self._anchor_sizes[anchor] = (self._values - before, height)
        if isinstance(parent, yaml.MappingNode) and index is None and not isinstance(node, yaml.ScalarNode):
            raise self._fail(node.start_mark, "a key", f" must be plain text, not a {_node_kind(node)}")
        return node

    def compose_mapping_node(self, anchor: str | None) -> yaml.MappingNode:
        node = super().compose_mapping_node(anchor)
        seen: set[str] = set()
        for key, _ in node.value:
            if key.value in seen:
                raise self._fail(key.start_mark, f"duplicate key {_named(key.value)}")
            seen.add(key.value)
        return node


# ---------------------------------------------------------------------------------------------
# validation helpers working on YAML nodes, so that every error can name its line

def _fail(path: Path | None, node: yaml.Node | None, message: str) -> ConfigError:
    line = node.start_mark.line + 1 if node is not None else None
    return ConfigError(message, source=str(path) if path else CONFIG_NAME, line=line)


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _named(key: str) -> str:
    """A key as messages name it: 'title', or quoted with escapes when it holds anything unusual."""
    key = _clip(key, 120)
    return f"'{key}'" if shown(key) == key else shown(key)


def _node_kind(node: yaml.Node) -> str:
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "single value")


def _bad_character(text: str, *, multiline: bool) -> str | None:
    """The first character a text value must not hold, as a message names it, or None."""
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a byte (a command-line argument)
            return f"a byte that is not UTF-8 ({one_line(ch)})"
        if 0xD800 <= code <= 0xDFFF:
            return f"a lone surrogate ({one_line(ch)})"
        if (code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029)) and not (multiline and ch in "\n\t"):
            return "a line break" if ch in "\n\r\x85\u2028\u2029" else f"a control character ({one_line(ch)})"
        if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
            # a noncharacter ("\uFFFE"): U+FFFE and U+FFFF in the title made feed.xml not well-formed XML, which
            # feed readers drop whole; the loader removes all of them from pages (docs/robustness.md, round 17)
            return f"a noncharacter ({ascii(ch)[1:-1]}), which web pages and feeds cannot hold"
    return None


def _text(node: yaml.Node, path: Path | None, key: str, *, limit: int = TEXT_LIMIT, multiline: bool = False,
          required: bool = False) -> str:
    """A text value, stripped; null is empty. Control characters and surrogates (YAML escapes such as
    "\\0" or "\\ud800" make them) are refused, and so is anything longer than ``limit``."""
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(path, node, f"{_named(key)} must be text, not a {_node_kind(node)}")
    value = "" if node.tag == _YAML_TAG + "null" else node.value.strip()
    if required and not value:
        raise _fail(path, node, f"{_named(key)} must not be empty")
    if len(value) > limit:
        raise _fail(path, node, f"{_named(key)} is too long ({len(value):,} characters; the limit is {limit:,})")
    bad = _bad_character(value, multiline=multiline)
    if bad:
        raise _fail(path, node, f"{_named(key)} contains {bad}")
    return value


_DECIMAL = re.compile(r"[0-9]+")


def _number(node: yaml.Node, path: Path | None, key: str, low: int, high: int) -> int:
    """A whole number in [low, high]; YAML's other spellings of integers (0x1F, 1_000) are accepted."""
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(path, node, f"{_named(key)} must be a whole number, not a {_node_kind(node)}")
    value: int | None = None
    if _DECIMAL.fullmatch(node.value) and len(node.value) <= 40:
        # plain digits are decimal, quoted or not: "01" (a quoted 版 number) was refused while 01 was taken, and
        # YAML 1.1 read a zero-padded 010 as octal 8 and 08 as no number at all
        value = int(node.value)
    elif node.tag == _YAML_TAG + "int" and len(node.value) <= 40:
        try:
            value = int(yaml.constructor.SafeConstructor().construct_yaml_int(node))
        except (ValueError, TypeError):
            value = None
    if value is None:
        if node.tag == _YAML_TAG + "int":
            raise _fail(path, node, f"{_named(key)} must be at most {high:,} (got {clipped(node.value, 40)})")
        raise _fail(path, node, f"{_named(key)} must be a whole number, got {clipped(node.value, 40)}")
    if value < low:
        raise _fail(path, node, f"{_named(key)} must be at least {low:,} (got {value})")
    if value > high:
        raise _fail(path, node, f"{_named(key)} must be at most {high:,} (got {clipped(node.value, 40)})")
    return value


def _mapping(node: yaml.Node, path: Path | None, key: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The (key, value) pairs of a mapping (keys are plain text and unique: compose_yaml checked);
    null is an empty mapping."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _YAML_TAG + "null":
        return []
    if not isinstance(node, yaml.MappingNode):
        if not key:
            raise _fail(path, node, f"the file must be a mapping of keys (title: …), not a {_node_kind(node)}")
        raise _fail(path, node, f"{_named(key)} must be a mapping, not a {_node_kind(node)}")
    return node.value


def _unknown(path: Path | None, key_node: yaml.ScalarNode, where: str, known: Sequence[str],
             expected: str) -> ConfigError:
    """Unknown key, with the known key it most resembles (difflib) when there is one."""
    name = key_node.value
    guess = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return _fail(path, key_node, f"unknown key {_named(f'{where}.{name}' if where else name)} ({hint}{expected})")


def _name_key(node: yaml.ScalarNode, path: Path | None, key: str, *, limit: int) -> str:
    """A mapping key that is itself data (a page file name, a place name): non-empty, one line, bounded."""
    value = node.value
    if not value.strip():
        raise _fail(path, node, f"{_named(key)} has an empty name")
    if len(value) > limit:
        raise _fail(path, node, f"a name in {_named(key)} is too long ({len(value):,} characters; "
                                f"the limit is {limit:,})")
    bad = _bad_character(value, multiline=False)
    if bad:
        raise _fail(path, node, f"a name in {_named(key)} contains {bad}")
    return value


# what RFC 3986 allows in a URL, plus non-ASCII letters (IRIs: 档案/, 例子.org); quotes, angle
# brackets, spaces and backslashes are never part of a URL
_URL_CHARS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]|[^\x00-\x7f\s])*")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def _check_base_url(value: str, path: Path | None, node: yaml.Node | None) -> str:
    if len(value) > URL_LIMIT:
        raise _fail(path, node, f"'base_url' is too long ({len(value):,} characters; the limit is {URL_LIMIT:,})")
    if value and not re.match(r"^https?://[^/\s]+", value):
        raise _fail(path, node, f"'base_url' must start with http:// or https:// (got {clipped(value)})")
    if value and (not _URL_CHARS.fullmatch(value) or _bad_character(value, multiline=False)
                  or any(unicodedata.category(ch)[0] in "CZ" for ch in value if ord(ch) > 0x7F)):
        raise _fail(path, node, f"'base_url' contains characters a URL cannot hold (got {clipped(value)}; "
                    "percent-encode them)")
    if value:
        _check_url_parts(value, path, node)
    return value if not value or value.endswith("/") else value + "/"


def _check_url_parts(value: str, path: Path | None, node: yaml.Node | None) -> None:
    """Every page's address is ``base_url`` + its path: a query or fragment in it put every address of
    the feeds, the sitemap and the canonical links after the ``?`` or ``#`` (``https://a.org/?x#y/articles/…``),
    and a host no URL can have (``http://[::1:80/``, ``http://:80/``, port 99999) made none of them work."""
    if "?" in value or "#" in value:
        raise _fail(path, node, f"'base_url' must not hold a query (?…) or a fragment (#…): every page's "
                                f"address is added to it (got {clipped(value)})")
    try:
        parts = urllib.parse.urlsplit(value)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or not parts.hostname or (port is not None and not 0 < port < 65536) \
            or parts.netloc.endswith(":"):
        raise _fail(path, node, f"'base_url' has no valid host name or port (got {clipped(value)})")
    # a user name or password (https://user:pass@host/) was published in every canonical link, feed and the
    # sitemap; "." and ".." folders (https://a.org/../x/) made feed ids and sitemap entries that name no page
    # as written (each reader resolves them its own way)
    if "@" in parts.netloc:
        raise _fail(path, node, "'base_url' must not hold a user name or password (…@): every page's address "
                                "would publish it")
    if any(urllib.parse.unquote(part) in (".", "..") for part in parts.path.split("/")):
        raise _fail(path, node, f"'base_url' must not hold '.' or '..' folders (got {clipped(value)})")


def _relative_path(node: yaml.Node, path: Path | None, key: str, root: Path) -> Path:
    value = _text(node, path, key, limit=PATH_LIMIT, required=True)
    if isinstance(node, yaml.ScalarNode) and node.value != value and node.value.strip(" ") == value:
        # a quoted path with spaces at an end ("site ") names that folder, as the same path on the command line
        # does: it was stripped, and the build went into another folder ("site") than the one asked for
        value = node.value
    if any(len(part.encode("utf-8")) > 255 for part in value.split("/")):
        raise _fail(path, node, f"{_named(key)} has a path part longer than 255 bytes")
    if value.startswith("~"):
        # the home folder, as a shell reads it: "output: ~/site" made a folder named "~" in the project (one
        # `rm -rf ~` away from the home folder), while the same path on the command line is the home's
        try:
            home = Path(value).expanduser()
        except RuntimeError:
            raise _fail(path, node, f"{_named(key)}: the home folder of {shown(value.split('/')[0])} is not known "
                                    "(write the path out)") from None
        if home.is_absolute():
            return home
    return root / value


def _existing_file(node: yaml.Node, path: Path | None, key: str, root: Path) -> Path:
    file = _relative_path(node, path, key, root)
    try:
        info = file.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise _fail(path, node, f"{_named(key)} file not found: {shown(str(file))}") from None
    except OSError as exc:
        raise _fail(path, node, f"{_named(key)} cannot be read: {shown(str(file))}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(path, node, f"{_named(key)} is a folder, not a file: {shown(str(file))}")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, node, f"{_named(key)} is not a regular file (a pipe, socket or device): "
                                f"{shown(str(file))}")
    return file


def _date(node: yaml.Node, path: Path | None, key: str) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY, and a day the calendar has (2021-02-30 is refused)."""
    value = _text(node, path, key, limit=40, required=True)
    match = _DATE_RE.fullmatch(value)
    if not match:
        raise _fail(path, node, f"{_named(key)} must be YYYY-MM-DD, YYYY-MM or YYYY (got {clipped(value)})")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year < 1:
        raise _fail(path, node, f"{_named(key)}: there is no year 0 (got {value})")
    if month is not None and not 1 <= month <= 12:
        raise _fail(path, node, f"{_named(key)}: there is no month {month} (got {value})")
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise _fail(path, node, f"{_named(key)}: {year:04d}-{month:02d} has no day {day} "
                                    f"(it has {last} days; got {value})")
    return value


def _topic_list(node: yaml.Node, path: Path | None, key: str) -> tuple[TopicSpec, ...]:
    if isinstance(node, yaml.ScalarNode) and node.tag == _YAML_TAG + "null":
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, f"{_named(key)} must be a list of topics, not a {_node_kind(node)}")
    return tuple(parse_topic(item, path, key) for item in node.value)


TOPIC_KEYS = ("slug", "label", "definition", "keywords")


def parse_topic(item: yaml.Node, path: Path | None, key: str) -> TopicSpec:
    """Validate one topic mapping (used for archive.yaml and for taxonomy files)."""
    values: dict[str, Any] = {}
    for k, v in _mapping(item, path, key):
        if k.value in ("slug", "label"):
            values[k.value] = _text(v, path, f"{key}.{k.value}", limit=64 if k.value == "slug" else 100)
        elif k.value == "definition":
            values[k.value] = _text(v, path, f"{key}.{k.value}", limit=LONG_TEXT_LIMIT, multiline=True)
        elif k.value == "keywords":
            if not isinstance(v, yaml.SequenceNode):
                raise _fail(path, v, f"{_named(key + '.keywords')} must be a list, not a {_node_kind(v)}")
            words = []
            for w in v.value:
                word = _text(w, path, f"{key}.keywords", limit=WORD_LIMIT)
                if not word:  # an empty term would match everywhere (and, as a phrase, loop forever)
                    raise _fail(path, w, f"{_named(key + '.keywords')} holds an empty keyword")
                words.append(word)
            if not words:
                raise _fail(path, v, f"topic '{values.get('slug', '?')}' has an empty keyword list")
            values["keywords"] = tuple(words)
        else:
            raise _unknown(path, k, key, TOPIC_KEYS, f"expected {', '.join(TOPIC_KEYS)}")
    for required in ("slug", "label"):
        if not values.get(required):
            raise _fail(path, item, f"topic in {_named(key)} is missing '{required}'")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", values["slug"]):
        raise _fail(path, item, f"topic slug {clipped(values['slug'])} must be lowercase ASCII words joined by '-'")
    if "keywords" not in values:
        raise _fail(path, item, f"topic '{values['slug']}' has an empty keyword list")
    return TopicSpec(**values)


def load_config(path: Path | None = None, *, root: Path | None = None) -> Config:
    """Read and validate archive.yaml. Without a file, defaults relative to ``root`` (or cwd)."""
    if path is None:
        base = (root or Path.cwd()).resolve()
        candidate = base / CONFIG_NAME
        if not candidate.exists() and not candidate.is_symlink():
            return _defaults(base, None)
        path = candidate
    try:
        path = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: read_text names it
        path = path.absolute()
    return _from_node(read_yaml(path, "config file"), path)


def _defaults(root: Path, path: Path | None) -> Config:
    about = root / "about.md"
    return Config(root=root, config_file=path, sources=(root / "seeds",) if (root / "seeds").is_dir()
                  else (root / "sources",), output=root / "site", cache_dir=root / ".archive-cache",
                  about=about if about.is_file() else None)


def _from_node(doc: yaml.Node | None, path: Path) -> Config:
    root = path.parent
    lines: dict[str, int] = {}
    cfg = _defaults(root, path)
    if doc is None:
        return cfg
    values: dict[str, Any] = {}
    for k, v in _mapping(doc, path, ""):
        key = k.value
        if key in ("title", "newspaper", "description"):
            values[key] = _text(v, path, key, limit=LONG_TEXT_LIMIT if key == "description" else TEXT_LIMIT,
                                multiline=key == "description", required=key == "title")
        elif key == "language":
            language = _text(v, path, key, limit=35, required=True)
            if not _LANGUAGE.fullmatch(language):
                raise _fail(path, v, f"'language' must be a language tag such as zh-CN (got {clipped(language)})")
            values[key] = language
        elif key == "base_url":
            values[key] = _check_base_url(_text(v, path, key, limit=URL_LIMIT), path, v)
        elif key == "source":
            if isinstance(v, yaml.SequenceNode):
                if not v.value:
                    raise _fail(path, v, "'source' must name at least one folder")
                values["sources"] = tuple(_relative_path(x, path, key, root) for x in v.value)
            else:
                values["sources"] = (_relative_path(v, path, key, root),)
        elif key in ("output", "cache_dir", "url_history"):
            values[key] = _relative_path(v, path, key, root)
        elif key == "follow_symlinks":
            if not isinstance(v, yaml.ScalarNode) or v.value.lower() not in ("true", "false", "yes", "no"):
                raise _fail(path, v, f"{_named(key)} must be true or false")
            values[key] = v.value.lower() in ("true", "yes")
        elif key == "about":
            # `about: null` turns the about text off (else about.md is used when present)
            is_null = isinstance(v, yaml.ScalarNode) and v.tag == _YAML_TAG + "null"
            values[key] = None if is_null else _existing_file(v, path, key, root)
        elif key == "search_fallback_max_items":
            raise _fail(path, k, "'search_fallback_max_items' was removed: search now works from file:// "
                        "at any archive size; delete this line")
        elif key in ("per_page", "feed_items"):
            values[key] = _number(v, path, key, *NUMBER_RANGES[key])
        elif key == "pages":
            values["pages"] = _page_overrides(v, path, lines)
        elif key == "page_names":
            values["page_names"] = _page_names(v, path)
        elif key == "taxonomy":
            values["taxonomy"] = _taxonomy(v, path, root, lines)
        elif key == "gazetteer":
            values["gazetteer_aliases"] = _gazetteer(v, path, lines)
        else:
            raise _unknown(path, k, "", TOP_KEYS, "see docs/config.md")
    values["override_lines"] = lines
    return replace(cfg, **values)


def _page_overrides(node: yaml.Node, path: Path, lines: dict[str, int]) -> dict[str, PageOverride]:
    out: dict[str, PageOverride] = {}
    for k, v in _mapping(node, path, "pages"):
        # keyed in NFC, as page files are looked up (model.name_key): a Mac's decomposed names match
        name = name_key(_page_path(_name_key(k, path, "pages", limit=PATH_LIMIT)))
        if name in out:
            raise _fail(path, k, f"duplicate key {_named(name)} in 'pages' (the same name in another Unicode spelling)")
        entry: dict[str, Any] = {}
        for kk, vv in _mapping(v, path, f"pages.{name}"):
            if kk.value == "date":
                entry["date"] = _date(vv, path, f"pages.{name}.date")
            elif kk.value == "page":
                entry["page"] = _number(vv, path, f"pages.{name}.page", *NUMBER_RANGES["page"])
            else:
                raise _unknown(path, kk, f"pages.{name}", ("date", "page"), "expected date, page")
        out[name] = PageOverride(**entry)
        lines[f"pages.{name}"] = k.start_mark.line + 1
    return out


def _page_path(name: str) -> str:
    """A page file named as the sources name it: ./x.txt and a//b.txt are x.txt and a/b.txt (they were "no
    such page file in the sources"). A ".." stays: it names no page under the source folder, and is said so."""
    parts = [p for p in name.split("/") if p not in ("", ".")]
    return "/".join(parts) or name


def _page_names(node: yaml.Node, path: Path) -> tuple[tuple[int, str], ...]:
    """``page_names: {1: 要闻, 2: 新闻}``: the name of each 版 number, for pages that print none."""
    names: dict[int, str] = {}
    for k, v in _mapping(node, path, "page_names"):
        number = _number(k, path, "page_names", *NUMBER_RANGES["page"])
        if number in names:  # 1 and 01 (or 0x1) are one 版: the later name silently won
            raise _fail(path, k, f"page_names lists 版 {number} twice ({clipped(k.value, 40)} is {number} again); keep one")
        names[number] = _text(v, path, f"page_names.{number}", limit=WORD_LIMIT, required=True)
    return tuple(sorted(names.items()))


def _taxonomy(node: yaml.Node, path: Path, root: Path, lines: dict[str, int]) -> TaxonomyConfig:
    file: Path | None = None
    extend: tuple[TopicSpec, ...] = ()
    for k, v in _mapping(node, path, "taxonomy"):
        if k.value == "file":
            file = _existing_file(v, path, "taxonomy.file", root)
            # read now, with the limits of compose_yaml: the tagger parses the file later without them
            read_yaml(file, "taxonomy file")
        elif k.value == "extend":
            extend = _topic_list(v, path, "taxonomy.extend")
            if isinstance(v, yaml.SequenceNode):
                for topic, item in zip(extend, v.value, strict=True):
                    lines.setdefault(f"taxonomy.extend.{topic.slug}", item.start_mark.line + 1)
        else:
            raise _unknown(path, k, "taxonomy", ("file", "extend"), "expected file, extend")
    slugs = [t.slug for t in extend]
    dupes = sorted({s for s in slugs if slugs.count(s) > 1})
    if dupes:
        raise _fail(path, node, f"duplicate topic slug '{dupes[0]}' in 'taxonomy.extend'")
    return TaxonomyConfig(file=file, extend=extend)


def _gazetteer(node: yaml.Node, path: Path, lines: dict[str, int]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for k, v in _mapping(node, path, "gazetteer"):
        if k.value != "aliases":
            raise _unknown(path, k, "gazetteer", ("aliases",), "expected aliases")
        for name_node, code in _mapping(v, path, "gazetteer.aliases"):
            name = _name_key(name_node, path, "gazetteer.aliases", limit=WORD_LIMIT)
            if name != name.strip() or any(ch.isspace() for ch in name):
                raise _fail(path, name_node, f"gazetteer alias {_named(name)} contains white space")
            value = _text(code, path, f"gazetteer.aliases.{name}", limit=40)
            if not re.fullmatch(r"[0-9]{6}", value):
                raise _fail(path, code, f"{_named(f'gazetteer.aliases.{name}')} must be a 6-digit GB/T 2260 code")
            aliases[name] = value
            lines[f"gazetteer.{name}"] = name_node.start_mark.line + 1
    return aliases


# ---------------------------------------------------------------------------------------------
# checks that need more than archive.yaml: the page files, the taxonomy file, the gazetteer

def check_references(config: Config, page_sources: Iterable[str] | None = None) -> None:
    """Raise a ConfigError (file, line, key) for a reference archive.yaml makes to something missing.

    ``page_sources`` are the source names of the configured page files; a ``pages:`` override naming
    none of them is a typo that would otherwise be ignored silently. Pass None when the pages of this
    run are not the configured ones (files given on the command line). The taxonomy and the gazetteer
    aliases are the tagger's to check (``records.check_tagging_config``).
    """
    where = str(config.config_file) if config.config_file else CONFIG_NAME
    if page_sources is not None and config.pages:
        known = {name_key(name) for name in page_sources}
        for name in sorted(config.pages):
            if name not in known:
                raise ConfigError(f"{_named(f'pages.{name}')}: no such page file in the sources", source=where,
                                  line=config.override_lines.get(f"pages.{name}"),
                                  hint="page names are paths relative to the source folder, e.g. 2021/05/14_01.txt")

