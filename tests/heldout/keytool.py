#!/usr/bin/env python3
"""Complete and check the held-out answer keys: strings are cut from the page files by line number.

usage: keytool.py [--check] [SET_DIR]   (SET_DIR holds pages/ and keys/; default tests/heldout)

A key is written by hand with line references (``head``, ``body``, ``crosshead_lines``, ``tip_lines``,
``lines``); this tool fills in the derived fields the scorer reads (``kicker``, ``title``, ``subtitle``,
``column``, ``column_extra``, ``first``, ``first_after_lead``, ``last``, ``paragraphs``, ``body_chars``,
``crossheads``, ``reading_tip``, ``source_lines``) and checks the key against its page. It never imports
archive_gen: the keys must not depend on the code they judge. ``--check`` only validates (exit 1 when a
key is stale or wrong).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"  # rebound by main() when another set is named
KEYS = HERE / "keys"
INDENT = " \t\u3000\u00a0"
# what a line's text is stripped of at its edges: indents, and the form feed an OCR program's or pdftotext's TXT puts
# where one scanned image (PDF page) ends and the next begins (glued to the next line's first character, or the file's end)
EDGE = INDENT + "\f"
MARKER = re.compile(r"[(（][ \u3000]*(?:下转|上接|紧接)[ \u3000]*第?[ \u3000]*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[ \u3000]*版[)）]")
HEAD_ROLES = ("kicker", "title", "subtitle", "column")
# a run-in title: a bullet, the title, a U+3000 (or two spaces) and the text on the same line
RUN_IN = re.compile(r"[▲●■◆★☆□◇▶►]?[ \u3000]*(?P<title>\S+?)(?:\u3000|[ \u3000]{2,})[ \u3000]*(?P<rest>\S.*)")
# ``runin: colon``: a digest item whose title is glued to its text by a colon (``标题：正文…``)
RUN_IN_COLON = re.compile(r"[▲●■◆★☆□◇▶►]?[ \u3000]*(?P<title>[^：:]+?)[：:][ \u3000]*(?P<rest>\S.*)")
# ``runin: bracket``: a story whose headline is printed in 【】 (or 〖〗, ［］, 〔〕) at the head of its first paragraph
# (``【标题】本报讯…``); the title is the text inside the brackets
RUN_IN_BRACKET = re.compile(r"[▲●■◆★☆□◇▶►]?[ \u3000]*[【〖［〔](?P<title>[^】〗］〕]+)[】〗］〕][ \u3000]*(?P<rest>\S.*)")
# ``runin: space``: a bulleted brief whose title is parted from its text by one space only (a PDF copy's)
RUN_IN_SPACE = re.compile(r"[▲●■◆★☆□◇▶►]?[ \u3000]*(?P<title>\S+?)[ \u3000]+(?P<rest>\S.*)")
RUN_INS = {"colon": RUN_IN_COLON, "bracket": RUN_IN_BRACKET, "space": RUN_IN_SPACE}


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def page_lines(name: str) -> list[str]:
    """The page's lines as printed (a page with a byte-order mark is read in the encoding it names, one that
    is not UTF-8 as GB18030; a CR is stripped with the rest of the line's trailing space by ``line_text``)."""
    data = (PAGES / name).read_bytes()
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec).split("\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return text.split("\n")


# a page printed in side-by-side columns (``pdftotext -layout``): the key's ``columns`` names the lines so printed and
# the display cell where each column starts (a Han character is two cells wide); a reference ``"12/2"`` is the text of
# line 12 in column 2, ``"12/2-3"`` a line's text centred over columns 2 and 3; a plain number is the whole line
CELL = re.compile(r"(?P<line>\d+)/(?P<lo>\d+)(?:-(?P<hi>\d+))?")
COLUMNS: list[dict] = []  # the ``columns`` of the key being completed (set by ``complete``)


def display_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def ref_line(ref: int | str) -> int:
    """The source line a reference names."""
    return ref if isinstance(ref, int) else int(CELL.fullmatch(ref).group("line"))


def cell_span(number: int, lo: int, hi: int) -> tuple[int, int]:
    """The display cells [start, end) of columns ``lo``..``hi`` (1-based) on a line of the key's ``columns``."""
    for spec in COLUMNS:
        first, last = spec["lines"]
        if first <= number <= last:
            starts = spec["starts"]
            return starts[lo - 1], starts[hi] if hi < len(starts) else 10**9
    raise KeyError(f"line {number} is in no columns range of the key")


def cell_text(raw: str, start: int, end: int) -> str:
    """The characters of a printed line whose display position falls in [start, end)."""
    out, pos = [], 0
    for ch in raw.rstrip("\r"):
        if start <= pos < end:
            out.append(ch)
        pos += display_width(ch)
    return "".join(out)


def line_text(lines: list[str], number: int | str) -> str:
    if isinstance(number, str):
        m = CELL.fullmatch(number)
        line = int(m.group("line"))
        lo = int(m.group("lo"))
        start, end = cell_span(line, lo, int(m.group("hi") or lo))
        return cell_text(lines[line - 1], start, end).strip(INDENT).rstrip()
    return lines[number - 1].strip(EDGE).rstrip()


def columns_of(number: int) -> int:
    """How many columns the key's ``columns`` prints on a line (0: a line of no columns range)."""
    for spec in COLUMNS:
        if spec["lines"][0] <= number <= spec["lines"][1]:
            return len(spec["starts"])
    return 0


def paragraph_texts(lines: list[str], groups: list[list[int]]) -> list[str]:
    return ["".join(line_text(lines, n) for n in group) for group in groups]


def clean_body(texts: list[str], item: dict) -> list[str]:
    """Jump markers, a glued photo credit and a trailing name credit are not body text."""
    out = [MARKER.sub("", t).strip(INDENT) for t in texts]
    for field in ("credit_raw", "strip_tail"):
        tail = item.get(field)
        if tail and out and out[-1].endswith(tail):
            out[-1] = out[-1][: -len(tail)].rstrip(INDENT)
    return [t for t in out if t]


def expand(spans: list) -> list[int]:
    out: list[int] = []
    for span in spans:
        lo, hi = (span, span) if isinstance(span, int) else span
        out.extend(range(lo, hi + 1))
    return out


def head_lines(head: dict) -> list[int | str]:
    """The line references of a headline's parts (a part may span a list of lines)."""
    out: list[int | str] = []
    for role, value in head.items():
        if role == "column_extra":
            continue
        out.extend(value if isinstance(value, list) else [value] if isinstance(value, int | str) else [])
    return out


def complete(key: dict, name: str, errors: list[str], all_keys: dict[str, dict]) -> dict:
    COLUMNS[:] = key.get("columns") or []
    lines = page_lines(name)
    text = "\n".join(lines)
    claimed: dict[int, str] = {n: "furniture" for n in key.get("page_furniture") or []}
    cell_claims: dict[tuple[int, int], str] = {}  # (line, column) of a line printed in columns -> its holder
    for number in key.get("page_furniture") or []:
        for cell in cells_of(number):
            cell_claims[cell] = "furniture"
    for item in key["articles"]:
        where = f"{name} #{item['index']}"
        head = item.get("head") or {}
        for role in HEAD_ROLES:
            if role in head and isinstance(head[role], list):  # a part over two lines
                item[role] = "".join(line_text(lines, n) for n in head[role])
            elif role in head and head[role] is not None:
                item[role] = line_text(lines, head[role])
            else:
                item.pop(role, None)
            prefix = (item.get("head_prefix") or {}).get(role)
            if prefix and role in item:  # a label or mark printed before the part (主题：, ##, 1.) is not headline text
                if not item[role].startswith(prefix):
                    errors.append(f"{where}: head_prefix {prefix!r} does not open the {role} line")
                else:
                    item[role] = item[role][len(prefix):].strip(INDENT)
        if head.get("column_extra"):
            item["column_extra"] = [line_text(lines, n) for n in head["column_extra"]]
        if "title" not in head:
            item["title"] = None
        runin = None
        if item.get("runin"):  # the title line is also the first body line: the title is cut off its text
            runin = RUN_INS.get(item["runin"], RUN_IN).fullmatch(line_text(lines, head["title"]))
            if runin is None:
                errors.append(f"{where}: runin, but line {head['title']} holds no run-in title")
            else:
                item["title"] = runin.group("title")
        for alt in item.get("title_alts") or []:
            for role in list(alt):
                if isinstance(alt[role], int):
                    alt[role] = line_text(lines, alt[role])
            headline = "".join(line_text(lines, n) for n in head_lines(head))
            for role, value in alt.items():
                if norm(value) not in norm(headline):
                    errors.append(f"{where}: title_alts {role} {value!r} is not in the headline lines")
        texts = paragraph_texts(lines, item.get("body") or [])
        if runin is not None and texts and (item.get("body") or [[None]])[0][0] == head["title"]:
            texts[0] = texts[0][runin.start("rest"):]
        own = clean_body(texts, item)
        paras = list(own)
        stitched = item.get("stitched")
        if stitched:
            other = all_keys[stitched["file"]]
            part = next(a for a in other["articles"] if a["index"] == stitched["index"])
            paras += clean_body(paragraph_texts(page_lines(stitched["file"]), part.get("body") or []), part)
        for frag_index in item.get("fragments") or []:
            frag = next(a for a in key["articles"] if a["index"] == frag_index)
            if frag.get("belongs_to") != item["index"]:
                errors.append(f"{where}: fragment #{frag_index} does not name this item as its owner")
        body = "".join(paras)
        item["paragraphs"] = len(paras)
        if stitched or item.get("fragments"):
            item["paragraphs_in_place"] = len(own)
        if paras:
            item["first"] = paras[0][:12]
            item["last"] = paras[-1][-12:]
        else:
            item.pop("first", None)
            item.pop("last", None)
        lead = item.get("lead")
        if lead:
            if not paras or not paras[0].startswith(lead):
                errors.append(f"{where}: lead {lead!r} does not open the body")
            else:
                item["first_after_lead"] = paras[0][len(lead):].lstrip(INDENT)[:12]
        item["body_chars"] = len(re.sub(r"\s+", "", body))
        if item.get("crosshead_lines"):
            item["crossheads"] = [line_text(lines, n) for n in item["crosshead_lines"]]
        if item.get("tip_lines"):
            label, *rest = item["tip_lines"]
            item["reading_tip"] = {"label": line_text(lines, label),
                                   "text": "".join(line_text(lines, n) for n in rest),
                                   "lines": item["tip_lines"]}
        markers = [m.group(0) for g in item.get("body") or [] for n in g for m in MARKER.finditer(line_text(lines, n))]
        markers += [m.group(0) for n in expand(item.get("lines") or []) for m in [MARKER.fullmatch(line_text(lines, n))] if m]
        to = [m for m in markers if "下转" in m]
        if to:
            item["continues"] = norm(to[0]).strip("()")
        source_lines = item.get("lines") or []
        item["source_lines"] = [list(s) if isinstance(s, list) else s for s in source_lines]
        for number in expand(source_lines):
            if not line_text(lines, number) or columns_of(number):
                continue  # a line printed in columns is claimed cell by cell (below)
            if number in claimed:
                errors.append(f"{where}: line {number} already claimed by {claimed[number]}")
            claimed[number] = where
        refs = head_lines(head) + list(head.get("column_extra") or [])
        refs += [n for g in item.get("body") or [] for n in g] + list(item.get("crosshead_lines") or [])
        refs += list(item.get("tip_lines") or []) + list(item.get("byline_lines") or []) + list(item.get("cells") or [])
        for ref in refs:
            number = ref_line(ref)
            if not columns_of(number):
                continue
            for cell in cells_of(ref):
                if cell in cell_claims:
                    errors.append(f"{where}: {ref} already claimed by {cell_claims[cell]}")
                cell_claims[cell] = where
        inside = set(expand(source_lines))
        for frag_index in item.get("fragments") or []:
            frag = next(a for a in key["articles"] if a["index"] == frag_index)
            inside |= set(expand(frag.get("lines") or []))
        for ref in refs:
            if ref_line(ref) not in inside:
                errors.append(f"{where}: line {ref} is used but outside the item's lines")
        for field in ("lead", "byline_raw", "credit_raw"):
            value = item.get(field)
            pieces = value.split(" ") if field == "byline_raw" and value else [value]
            if value and any(p not in text for p in pieces):
                errors.append(f"{where}: {field} {value!r} is not in the page")
        for person in item.get("byline") or []:
            if norm(person) not in norm(text):
                errors.append(f"{where}: byline name {person!r} is not in the page")
        for person in item.get("roles") or {}:
            if norm(person) not in {norm(p) for p in item.get("byline") or []}:
                errors.append(f"{where}: roles names {person!r}, who is not in the byline")
        if item.get("kind") not in ("article", "photo", "commentary", "brief", "fragment"):
            errors.append(f"{where}: unknown kind {item.get('kind')!r}")
        if not item.get("classes"):
            errors.append(f"{where}: no classes")
    for number, raw in enumerate(lines, 1):
        if columns_of(number):
            for cell in cells_of(number):
                if line_text(lines, f"{number}/{cell[1]}") and cell not in cell_claims:
                    errors.append(f"{name}: {number}/{cell[1]} is in no item and not page furniture")
            continue
        if raw.strip(EDGE + "\r") and number not in claimed:
            errors.append(f"{name}: line {number} is in no item and not page furniture")
    if COLUMNS:  # items in reading order: the order of their first cells when the columns are read
        order = reading_order(key, lines)
        starts = [min((order[c] for ref in first_refs(a) for c in cells_of(ref) if c in order), default=-1)
                  for a in key["articles"]]
    else:
        spans = [expand(a.get("lines") or [])[:1] for a in key["articles"]]
        starts = [s[0] for s in spans if s]
    if starts != sorted(starts):
        errors.append(f"{name}: items are not in page order")
    return key


def cells_of(ref: int | str) -> list[tuple[int, int]]:
    """The (line, column) cells a reference covers (a whole line: every column of it; none off a columns range)."""
    number = ref_line(ref)
    count = columns_of(number)
    if not count:
        return []
    if isinstance(ref, int):
        return [(number, k) for k in range(1, count + 1)]
    m = CELL.fullmatch(ref)
    lo = int(m.group("lo"))
    return [(number, k) for k in range(lo, int(m.group("hi") or lo) + 1)]


def first_refs(item: dict) -> list[int | str]:
    head = item.get("head") or {}
    refs = head_lines(head) + [n for g in item.get("body") or [] for n in g]
    return refs + list(item.get("byline_lines") or []) + list(item.get("cells") or [])


def reading_order(key: dict, lines: list[str]) -> dict[tuple[int, int], int]:
    """Each cell's place when the columns are read: a region is cut across at a line whose one reference covers all
    its columns (a headline over them), else down at a gutter no reference crosses; column 1 before column 2."""
    wide: dict[int, tuple[int, int]] = {}  # line -> the columns a reference of several columns (or a whole line) covers
    refs = list(key.get("page_furniture") or [])
    for item in key["articles"]:
        refs += first_refs(item) + list(item.get("crosshead_lines") or []) + list(item.get("tip_lines") or [])
    for ref in refs:
        cells = cells_of(ref)
        if len(cells) > 1:
            wide[cells[0][0]] = (cells[0][1], cells[-1][1])
    order: dict[tuple[int, int], int] = {}

    def visit(first: int, last: int, lo: int, hi: int) -> None:
        across = [n for n in range(first, last + 1) if n in wide and wide[n][0] <= lo and wide[n][1] >= hi]
        if across:
            start = first
            for n in [*across, last + 1]:
                if start <= n - 1:
                    visit(start, n - 1, lo, hi)
                if n <= last:
                    for k in range(lo, hi + 1):
                        order[(n, k)] = len(order)
                start = n + 1
            return
        if lo == hi:
            for n in range(first, last + 1):
                order[(n, lo)] = len(order)
            return
        for cut in range(lo, hi):  # a gutter no wide reference of the region crosses
            if not any(first <= n <= last and wide[n][0] <= cut < wide[n][1] for n in wide):
                visit(first, last, lo, cut)
                visit(first, last, cut + 1, hi)
                return
        for n in range(first, last + 1):  # no clean cut: read the lines across
            for k in range(lo, hi + 1):
                order[(n, k)] = len(order)

    for spec in COLUMNS:
        visit(spec["lines"][0], spec["lines"][1], 1, len(spec["starts"]))
    return order


class _Dumper(yaml.SafeDumper):
    """Flow style for short lists and maps, no anchors (each key stays readable on its own)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def main() -> int:
    global PAGES, KEYS
    check_only = "--check" in sys.argv[1:]
    named = [a for a in sys.argv[1:] if not a.startswith("--")]
    if named:
        PAGES, KEYS = Path(named[0]) / "pages", Path(named[0]) / "keys"
    files = sorted(KEYS.glob("*.yaml"))
    if not files:
        print("no keys found", file=sys.stderr)
        return 1
    # libyaml's loader when PyYAML has it (the same data; the pure-Python one was most of a check's time)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    parsed = {f: yaml.load(f.read_text(encoding="utf-8"), Loader=loader) for f in files}
    loaded = {data["file"]: f for f, data in parsed.items()}
    raw = {name: parsed[path] for name, path in loaded.items()}
    errors: list[str] = []
    stale: list[str] = []
    for name, path in loaded.items():
        before = path.read_text(encoding="utf-8")
        key = complete(raw[name], name, errors, raw)
        after = yaml.dump(key, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200,
                          default_flow_style=None)
        if after != before:
            stale.append(path.name)
            if not check_only:
                path.write_text(after, encoding="utf-8")
    for error in errors:
        print(error, file=sys.stderr)
    if check_only and stale:
        print("stale keys (run keytool.py): " + ", ".join(stale), file=sys.stderr)
    return 1 if errors or (check_only and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
