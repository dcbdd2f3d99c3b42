"""Tiny archive projects written into a temporary folder, for the engine, CLI and serve tests.

``make_project`` writes page files and returns their Config; ``TOY`` are honest small record functions
(text -> Page -> tagged Page) a test can swap in for the real parser and tagger to make a page crash,
lose text or warn on demand. Everything after the record stage (archive, pages, search, writer) is the
real one in every test.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

from archive_gen import urls
from archive_gen.config import Config, PageOverride
from archive_gen.model import Item, Notice, Page, TopicTag
from archive_gen.records import Stages

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
TAGGER_LOG_ENV = "ARCHIVE_GEN_TEST_TAGGER_LOG"


def toy_parse(data: bytes, source: str, override: PageOverride | None) -> tuple[Page, str]:
    """Blocks separated by blank lines; a block's first line is the title. 'BROKEN' pages fail; the
    date is the file name's (``2021-05-14_01.txt``) unless overridden."""
    text = data.decode("utf-8")  # invalid UTF-8 raises: the engine must survive a crashing stage
    if text.startswith("BROKEN"):
        note = Notice(source, 1, "unreadable", "not a page", "error")
        return Page(source, "", "utf-8", None, False, None, None, (), (note,), 1), text
    name = Path(source).name
    date = override.date if override and override.date else (name[:10] if name[:4].isdigit() else None)
    page_number = int(name[11:13]) if len(name) > 13 and name[11:13].isdigit() else None
    items = []
    for index, block in enumerate(b for b in text.split("\n\n") if b.strip()):
        lines = block.strip().splitlines()
        items.append(Item(id=f"{Path(source).stem.replace('/', '-')}-{index}", source=source, index=index,
                          kind="article", title=lines[0], paragraphs=tuple(lines[1:]), date=date, page=page_number))
    notices = tuple(Notice(source, n, "odd-line", "line mentions WARN")
                    for n, line in enumerate(text.splitlines(), 1) if "WARN" in line)
    return Page(source, "", "utf-8", date, False, None, page_number, tuple(items), notices, text.count("\n")), text


class ToyTagger:
    """Tags every item with the topic 'strike' when its text says 罢工."""

    def __init__(self, config: Config) -> None:
        log = os.environ.get(TAGGER_LOG_ENV)
        if log:  # lets a test see whether (and how often) a tagger was constructed, across processes
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"{os.getpid()}\n")

    def tag_page(self, page: Page) -> Page:
        items = tuple(dataclasses.replace(item, topics=(TopicTag("strike", "罢工", 1.0),))
                      if "罢工" in item.body_text + (item.title or "") else item for item in page.items)
        return dataclasses.replace(page, items=items)


def make_toy_tagger(config: Config) -> ToyTagger:
    return ToyTagger(config)


def toy_tag_inputs(config: Config) -> str:
    return "toy"


def toy_conservation(text: str, page: Page) -> list[Notice]:
    return [Notice(page.source, n, "lost-text", "line not in any record")
            for n, line in enumerate(text.splitlines(), 1) if "LOST" in line]


TOY = Stages(parse=toy_parse, make_tagger=make_toy_tagger, tag_inputs=toy_tag_inputs,
             conservation=toy_conservation)

PAGES = {
    "2021-05-14_01.txt": "全总机关启动蹲点\n会议强调……\n\n工人罢工事件\n正文一段",
    "2021-05-14_02.txt": "东西协作谱新篇\n图片说明",
    "2021/05/2021-05-15_01.txt": "新就业形态\n快递员入会",
}


def make_project(root: Path, pages: Mapping[str, str] = PAGES, **values: object) -> Config:
    src = root / "sources"
    src.mkdir(parents=True, exist_ok=True)
    for rel, text in pages.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    base = Config(root=root, sources=(src,), output=root / "site", cache_dir=root / ".archive-cache", title="档案")
    return dataclasses.replace(base, **values)  # type: ignore[arg-type]


def seed_project(root: Path, names: list[str] | None = None, **values: object) -> Config:
    """A project of some of the seed pages (all by default), built with the real stages."""
    chosen = names if names is not None else sorted(p.name for p in SEEDS.glob("*.txt"))
    pages = {name: (SEEDS / name).read_text(encoding="utf-8") for name in chosen}
    return make_project(root, pages, **values)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (links too, by their target's bytes), by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def site_tree(root: Path) -> dict[str, bytes]:
    """The site's files without archive-gen's own manifest (which lists the files and the URL history)."""
    return {rel: data for rel, data in tree(root).items() if not rel.startswith(".archive-gen/")}


def mtimes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in sorted(root.rglob("*")) if p.is_file()}


def bench_generator() -> ModuleType:
    """bench/generate.py, the corpus generator (imported by path: bench/ is not a package)."""
    bench = str(REPO / "bench")
    sys.path.insert(0, bench)
    try:
        import generate

        return generate
    finally:
        sys.path.remove(bench)


_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def term_redirects(warm: Mapping[str, bytes], cold: Mapping[str, bytes]) -> list[str]:
    """The term pages an incremental site holds that a cold build of the same sources does not make: each must be a
    redirect (SitePlan.term_redirects) to a page of the cold site; the cold build, which knows published article
    URLs only, cannot make them."""
    found = []
    for rel in sorted(warm.keys() - cold.keys()):
        if urls.term_page_of(rel) is None:
            continue
        target = _REFRESH.search(warm[rel].decode("utf-8"))
        assert target and posixpath.normpath(posixpath.join(posixpath.dirname(rel), target.group(1))) in cold, rel
        found.append(rel)
    return found
