"""archive.yaml, loaded and validated once into frozen dataclasses.

Every problem is a ConfigError naming the file, the line and the key; unknown keys are errors
(a typo should fail now, not be silently ignored). CLI options override values only when given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

CONFIG_NAME = "archive.yaml"
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


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
    taxonomy: TaxonomyConfig = field(default_factory=TaxonomyConfig)
    gazetteer_aliases: dict[str, str] = field(default_factory=dict)  # extra name -> GB/T 2260 code
    # where each override was written, so later checks (unknown page, unknown code, clashing topic)
    # can name the line: keys "pages.<file>", "gazetteer.<name>", "taxonomy.extend.<slug>"
    override_lines: dict[str, int] = field(default_factory=dict)

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
# validation helpers working on YAML nodes, so that every error can name its line

def _fail(path: Path | None, node: yaml.Node | None, message: str) -> ConfigError:
    line = node.start_mark.line + 1 if node is not None else None
    return ConfigError(message, source=str(path) if path else CONFIG_NAME, line=line)


def _scalar(node: yaml.Node, path: Path | None, key: str, kind: type) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(path, node, f"'{key}' must be a {kind.__name__}, not a {_node_kind(node)}")
    value = yaml.safe_load(yaml.serialize(node))
    if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = node.value  # dates/numbers typed as text stay text
    if kind is str and value is None:
        value = ""
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise _fail(path, node, f"'{key}' must be a whole number, got {node.value!r}")
    if kind is str and not isinstance(value, str):
        value = node.value
    return value


def _node_kind(node: yaml.Node) -> str:
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "value")


def _mapping(node: yaml.Node, path: Path | None, key: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return []
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, f"'{key}' must be a mapping, not a {_node_kind(node)}")
    seen: set[str] = set()
    for k, _ in node.value:
        if k.value in seen:
            raise _fail(path, k, f"duplicate key '{key}.{k.value}'" if key else f"duplicate key '{k.value}'")
        seen.add(k.value)
    return node.value


# what RFC 3986 allows in a URL, plus non-ASCII letters (IRIs: 档案/, 例子.org); quotes, angle
# brackets, spaces and backslashes are never part of a URL
_URL_CHARS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]|[^\x00-\x7f\s])*")


def _check_base_url(value: str, path: Path | None, node: yaml.Node | None) -> str:
    if value and not re.match(r"^https?://[^/\s]+", value):
        raise _fail(path, node, f"'base_url' must start with http:// or https:// (got {value!r})")
    if value and not _URL_CHARS.fullmatch(value):
        raise _fail(path, node, f"'base_url' contains characters a URL cannot hold (got {value!r}; "
                    "percent-encode them)")
    return value if not value or value.endswith("/") else value + "/"


def _topic_list(node: yaml.Node, path: Path | None, key: str) -> tuple[TopicSpec, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, f"'{key}' must be a list of topics")
    topics = []
    for item in node.value:
        topics.append(parse_topic(item, path, key))
    return tuple(topics)


def parse_topic(item: yaml.Node, path: Path | None, key: str) -> TopicSpec:
    """Validate one topic mapping (used for archive.yaml and for taxonomy files)."""
    values: dict[str, Any] = {}
    for k, v in _mapping(item, path, key):
        if k.value in ("slug", "label", "definition"):
            values[k.value] = _scalar(v, path, f"{key}.{k.value}", str)
        elif k.value == "keywords":
            if not isinstance(v, yaml.SequenceNode):
                raise _fail(path, v, f"'{key}.keywords' must be a list")
            words = tuple(_scalar(w, path, f"{key}.keywords", str) for w in v.value)
            if not words:
                raise _fail(path, v, f"topic '{values.get('slug', '?')}' has an empty keyword list")
            values["keywords"] = words
        else:
            raise _fail(path, k, f"unknown key '{key}.{k.value}' (expected slug, label, definition, keywords)")
    for required in ("slug", "label"):
        if not values.get(required):
            raise _fail(path, item, f"topic in '{key}' is missing '{required}'")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", values["slug"]):
        raise _fail(path, item, f"topic slug {values['slug']!r} must be lowercase ASCII words joined by '-'")
    if "keywords" not in values:
        raise _fail(path, item, f"topic '{values['slug']}' has an empty keyword list")
    return TopicSpec(**values)


def load_config(path: Path | None = None, *, root: Path | None = None) -> Config:
    """Read and validate archive.yaml. Without a file, defaults relative to ``root`` (or cwd)."""
    if path is None:
        base = (root or Path.cwd()).resolve()
        candidate = base / CONFIG_NAME
        if not candidate.exists():
            return _defaults(base, None)
        path = candidate
    path = path.resolve()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("config file not found", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", source=str(path)) from None
    try:
        doc = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"invalid YAML: {problem}", source=str(path),
                          line=mark.line + 1 if mark else None) from None
    return _from_node(doc, path)


def _defaults(root: Path, path: Path | None) -> Config:
    return Config(root=root, config_file=path, sources=(root / "seeds",) if (root / "seeds").is_dir()
                  else (root / "sources",), output=root / "site", cache_dir=root / ".archive-cache")


def _from_node(doc: yaml.Node | None, path: Path) -> Config:
    root = path.parent
    lines: dict[str, int] = {}
    cfg = _defaults(root, path)
    if doc is None:
        return cfg
    values: dict[str, Any] = {}
    for k, v in _mapping(doc, path, ""):
        key = k.value
        if key in ("title", "newspaper", "description", "language"):
            values[key] = _scalar(v, path, key, str)
        elif key == "base_url":
            values[key] = _check_base_url(_scalar(v, path, key, str), path, v)
        elif key == "source":
            if isinstance(v, yaml.SequenceNode):
                values["sources"] = tuple(root / _scalar(x, path, key, str) for x in v.value)
            else:
                values["sources"] = (root / _scalar(v, path, key, str),)
        elif key in ("output", "cache_dir"):
            values[key] = root / _scalar(v, path, key, str)
        elif key == "about":
            about = root / _scalar(v, path, key, str)
            if not about.is_file():
                raise _fail(path, v, f"'about' file not found: {about.name}")
            values[key] = about
        elif key == "search_fallback_max_items":
            raise _fail(path, k, "'search_fallback_max_items' was removed: search now works from file:// "
                        "at any archive size; delete this line")
        elif key in ("per_page", "feed_items"):
            number = _scalar(v, path, key, int)
            if number < 1:
                raise _fail(path, v, f"'{key}' must be at least 1")
            values[key] = number
        elif key == "pages":
            values["pages"] = _page_overrides(v, path, lines)
        elif key == "taxonomy":
            values["taxonomy"] = _taxonomy(v, path, root, lines)
        elif key == "gazetteer":
            values["gazetteer_aliases"] = _gazetteer(v, path, lines)
        else:
            raise _fail(path, k, f"unknown key '{key}' (see docs/config.md)")
    if "about" not in values and (root / "about.md").is_file():
        values["about"] = root / "about.md"
    values["override_lines"] = lines
    return replace(cfg, **values)


def _page_overrides(node: yaml.Node, path: Path, lines: dict[str, int]) -> dict[str, PageOverride]:
    out: dict[str, PageOverride] = {}
    for k, v in _mapping(node, path, "pages"):
        entry: dict[str, Any] = {}
        for kk, vv in _mapping(v, path, f"pages.{k.value}"):
            if kk.value == "date":
                date = _scalar(vv, path, f"pages.{k.value}.date", str)
                if not _DATE_RE.match(date):
                    raise _fail(path, vv, f"'pages.{k.value}.date' must be YYYY-MM-DD, YYYY-MM or YYYY")
                entry["date"] = date
            elif kk.value == "page":
                entry["page"] = _scalar(vv, path, f"pages.{k.value}.page", int)
            else:
                raise _fail(path, kk, f"unknown key 'pages.{k.value}.{kk.value}' (expected date, page)")
        out[k.value] = PageOverride(**entry)
        lines[f"pages.{k.value}"] = k.start_mark.line + 1
    return out


def _taxonomy(node: yaml.Node, path: Path, root: Path, lines: dict[str, int]) -> TaxonomyConfig:
    file: Path | None = None
    extend: tuple[TopicSpec, ...] = ()
    for k, v in _mapping(node, path, "taxonomy"):
        if k.value == "file":
            file = root / _scalar(v, path, "taxonomy.file", str)
            if not file.is_file():
                raise _fail(path, v, f"'taxonomy.file' not found: {file.name}")
        elif k.value == "extend":
            extend = _topic_list(v, path, "taxonomy.extend")
            if isinstance(v, yaml.SequenceNode):
                for topic, item in zip(extend, v.value, strict=True):
                    lines.setdefault(f"taxonomy.extend.{topic.slug}", item.start_mark.line + 1)
        else:
            raise _fail(path, k, f"unknown key 'taxonomy.{k.value}' (expected file, extend)")
    slugs = [t.slug for t in extend]
    dupes = sorted({s for s in slugs if slugs.count(s) > 1})
    if dupes:
        raise _fail(path, node, f"duplicate topic slug '{dupes[0]}' in 'taxonomy.extend'")
    return TaxonomyConfig(file=file, extend=extend)


def _gazetteer(node: yaml.Node, path: Path, lines: dict[str, int]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for k, v in _mapping(node, path, "gazetteer"):
        if k.value != "aliases":
            raise _fail(path, k, f"unknown key 'gazetteer.{k.value}' (expected aliases)")
        for name, code in _mapping(v, path, "gazetteer.aliases"):
            value = _scalar(code, path, f"gazetteer.aliases.{name.value}", str)
            if not re.fullmatch(r"\d{6}", value):
                raise _fail(path, code, f"'gazetteer.aliases.{name.value}' must be a 6-digit GB/T 2260 code")
            aliases[name.value] = value
            lines[f"gazetteer.{name.value}"] = name.start_mark.line + 1
    return aliases


# ---------------------------------------------------------------------------------------------
# checks that need more than archive.yaml: the page files, the taxonomy file, the gazetteer

def check_references(config: Config, page_sources: Iterable[str] | None = None) -> None:
    """Raise a ConfigError (file, line, key) for a reference archive.yaml makes to something missing.

    ``page_sources`` are the source names of the configured page files; a ``pages:`` override naming
    none of them is a typo that would otherwise be ignored silently. Pass None when the pages of this
    run are not the configured ones (files given on the command line). The taxonomy file and the
    gazetteer aliases are checked the way the tagger reads them, so a bad taxonomy stops the run at
    once instead of failing every page later.
    """
    shown = str(config.config_file) if config.config_file else CONFIG_NAME
    if page_sources is not None and config.pages:
        known = set(page_sources)
        for name in sorted(config.pages):
            if name not in known:
                raise ConfigError(f"'pages.{name}': no such page file in the sources", source=shown,
                                  line=config.override_lines.get(f"pages.{name}"),
                                  hint="page names are paths relative to the source folder, e.g. 2021/05/14_01.txt")
    # imported here: the tagging package is heavy and most configs name no taxonomy or aliases
    if config.taxonomy.file is not None or config.taxonomy.extend:
        from .tagging.topics import load_taxonomy

        load_taxonomy(config.taxonomy, config_file=config.config_file)
    if config.gazetteer_aliases:
        from .tagging.gazetteer import Gazetteer

        Gazetteer.load(config.gazetteer_aliases, source=shown, lines=config.override_lines)
