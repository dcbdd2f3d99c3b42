"""The build engine with small real stages of its own (toy parse/tag/render), plus the real pipeline when present.

The toy stages are honest record functions (text -> Page -> tagged Page -> {path: bytes}); they let the
engine's cache, parallelism, atomic write and error handling be tested without the real loader/tagger.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from archive_gen.build import BuildOptions, BuildResult, BuildSession, Stages, build_site, discover_sources
from archive_gen.config import Config, PageOverride
from archive_gen.errors import ConfigError, OutputError
from archive_gen.model import Item, Notice, Page, TopicTag
from archive_gen.render import PriorRender, RenderResult
from archive_gen.search import SearchIndex

# ---------------------------------------------------------------------------------------------
# toy stages (module level so worker processes can unpickle them)

TAGGER_LOG_ENV = "ARCHIVE_GEN_TEST_TAGGER_LOG"


def toy_parse(data: bytes, source: str, config: Config) -> tuple[Page, str]:
    """Blocks separated by blank lines; a block's first line is the title. 'BROKEN' pages fail."""
    text = data.decode("utf-8")  # invalid UTF-8 raises: the engine must survive a crashing stage
    if text.startswith("BROKEN"):
        note = Notice(source, 1, "unreadable", "not a page", "error")
        return Page(source, "", "utf-8", None, False, None, None, (), (note,), 1), text
    override = config.pages.get(source)
    items = []
    for index, block in enumerate(b for b in text.split("\n\n") if b.strip()):
        lines = block.strip().splitlines()
        items.append(Item(id=f"{Path(source).stem}-{index}", source=source, index=index, kind="article",
                          title=lines[0], paragraphs=tuple(lines[1:]),
                          date=override.date if override else None))
    notices = tuple(Notice(source, n, "odd-line", "line mentions WARN")
                    for n, line in enumerate(text.splitlines(), 1) if "WARN" in line)
    return Page(source, "", "utf-8", None, False, None, None, tuple(items), notices, text.count("\n")), text


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


def toy_archive(pages: Sequence[Page], config: Config, prior: object = None) -> tuple[Page, ...]:
    return tuple(pages)


def toy_render(archive: tuple[Page, ...], config: Config, prior: PriorRender | None = None, salt: str = "",
               record_keys: object = None, workers: int = 1) -> RenderResult:
    """Every page always rendered (the incremental path is tested on the real pipeline below)."""
    files = toy_files(archive, config)
    return RenderResult(files, rendered=tuple(sorted(files)))


def toy_files(archive: tuple[Page, ...], config: Config) -> dict[str, bytes]:
    items = [item for page in archive for item in page.items]
    files = {"index.html": (f"<h1>{config.title}</h1>" + "".join(f"<p>{i.title}</p>" for i in items)).encode()}
    for item in items:
        topics = ",".join(t.slug for t in item.topics)
        files[f"items/{item.id}.html"] = f"<h1>{item.title}</h1>{''.join(item.paragraphs)}[{topics}]".encode()
    files["static/style.css"] = b"body{}"
    return files


def toy_search(site: Mapping[str, bytes], archive: tuple[Page, ...], config: Config, store: Any = None,
               ) -> SearchIndex:
    return SearchIndex({"search/index.json": json.dumps(sorted(site)).encode()}, (), ())


def toy_conservation(text: str, page: Page) -> list[Notice]:
    return [Notice(page.source, n, "lost-text", "line not in any record")
            for n, line in enumerate(text.splitlines(), 1) if "LOST" in line]


def clashing_render(archive: tuple[Page, ...], config: Config, prior: PriorRender | None = None, salt: str = "",
                    record_keys: object = None, workers: int = 1) -> RenderResult:
    # "items" as a file and "items/x.html" inside it cannot both exist: writing fails with an OSError
    files = toy_files(archive, config)
    files["index.html/oops.html"] = b"x"
    return RenderResult(files)


TOY = Stages(parse=toy_parse, make_tagger=make_toy_tagger, build_archive=toy_archive, render_site=toy_render,
             build_search_index=toy_search, conservation=toy_conservation)

PAGES = {
    "2021-05-14_01.txt": "全总机关启动蹲点\n会议强调……\n\n工人罢工事件\n正文一段",
    "2021-05-14_02.txt": "东西协作谱新篇\n图片说明",
    "2021/05/15_01.txt": "新就业形态\n快递员入会",
}


def make_project(tmp_path: Path, pages: Mapping[str, str] = PAGES) -> Config:
    src = tmp_path / "sources"
    for rel, text in pages.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    return Config(root=tmp_path, sources=(src,), output=tmp_path / "site", cache_dir=tmp_path / ".archive-cache",
                  title="档案")


def run(config: Config, **options: Any) -> BuildResult:
    return build_site(config, BuildOptions(**options), stages=TOY)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def mtimes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in sorted(root.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------------------------
# discovery

def test_discover_sources_is_sorted_recursive_and_lists_ignored_files(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "sources" / "notes.md").write_text("x")
    (tmp_path / "sources" / ".hidden.txt").write_text("x")
    found = discover_sources(config.sources)
    assert [f.source for f in found.files] == ["2021-05-14_01.txt", "2021-05-14_02.txt", "2021/05/15_01.txt"]
    assert [Path(p).name for p in found.ignored] == ["notes.md"]


def test_discover_sources_survives_a_symlink_loop(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "sources" / "2021" / "loop").symlink_to(tmp_path / "sources")
    found = discover_sources(config.sources)
    assert len(found.files) == 3
    assert [n.code for n in found.notices] == ["symlink-loop"]


def test_missing_source_folder_is_a_config_error(tmp_path: Path) -> None:
    config = dataclasses.replace(make_project(tmp_path), sources=(tmp_path / "nope",))
    with pytest.raises(ConfigError, match="nope: source folder not found"):
        run(config)


# ---------------------------------------------------------------------------------------------
# cold, no-op and incremental builds

def test_cold_build_writes_the_site_and_counts(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    result = run(config)
    site = tree(config.output)
    assert set(site) == {"index.html", "static/style.css", "search/index.json", "items/2021-05-14_01-0.html",
                         "items/2021-05-14_01-1.html", "items/2021-05-14_02-0.html", "items/15_01-0.html"}
    assert site["items/2021-05-14_01-1.html"].endswith(b"[strike]")
    assert (result.pages_read, result.items, result.topics) == (3, 4, 1)
    assert (result.pages_parsed, result.pages_tagged, result.cache_hits) == (3, 3, 0)
    assert result.files_written == len(site) and result.files_unchanged == 0
    assert result.exit_code == 0 and not result.up_to_date


def test_noop_rebuild_parses_nothing_builds_no_tagger_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "tagger.log"
    monkeypatch.setenv(TAGGER_LOG_ENV, str(log))
    config = make_project(tmp_path)
    run(config)
    assert len(log.read_text().splitlines()) == 1
    before = mtimes(config.output)
    time.sleep(0.01)
    result = run(config)
    assert result.up_to_date
    assert (result.pages_parsed, result.pages_tagged, result.files_written) == (0, 0, 0)
    assert result.cache_hits == 3 and result.files_unchanged == len(before)
    assert (result.items, result.topics) == (4, 1)  # the summary survives the skip
    assert mtimes(config.output) == before
    assert len(log.read_text().splitlines()) == 1  # no tagger was constructed


def test_one_changed_page_is_the_only_one_parsed(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    before = mtimes(config.output)
    (tmp_path / "sources" / "2021-05-14_02.txt").write_text("东西协作谱新篇\n新的图片说明", encoding="utf-8")
    result = run(config)
    assert (result.pages_parsed, result.pages_tagged, result.cache_hits) == (1, 1, 2)
    after = mtimes(config.output)
    changed = sorted(rel for rel in after if after[rel] != before.get(rel))
    assert changed == ["items/2021-05-14_02-0.html"]
    assert result.written == ("items/2021-05-14_02-0.html",)
    assert b"\xe6\x96\xb0\xe7\x9a\x84" in (config.output / "items/2021-05-14_02-0.html").read_bytes()  # 新的


def test_a_session_keeps_one_tagger_across_rebuilds(tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "tagger.log"
    monkeypatch.setenv(TAGGER_LOG_ENV, str(log))
    config = make_project(tmp_path)
    session = BuildSession()
    build_site(config, stages=TOY, session=session)
    for text in ("改一\n正文", "改二\n正文"):
        (tmp_path / "sources" / "2021-05-14_02.txt").write_text(text, encoding="utf-8")
        assert build_site(config, stages=TOY, session=session).pages_tagged == 1
    assert len(log.read_text().split()) == 1  # serve's rebuilds do not reload the tagger
    build_site(dataclasses.replace(config, title="别的"), BuildOptions(force=True), stages=TOY, session=session)
    assert len(log.read_text().split()) == 2  # a different config gets its own tagger


def test_config_change_rerenders_from_cache_without_parsing(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    result = run(dataclasses.replace(config, title="新标题"))
    assert not result.up_to_date
    assert (result.pages_parsed, result.pages_tagged, result.cache_hits) == (0, 0, 3)
    assert result.written == ("index.html",)


def test_page_override_reparses_only_that_page(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    result = run(dataclasses.replace(config, pages={"2021-05-14_02.txt": PageOverride(date="2021-05-14")}))
    assert (result.pages_parsed, result.cache_hits) == (1, 2)


def test_edited_output_file_is_restored(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    (config.output / "index.html").write_text("vandalised")
    result = run(config)
    assert result.written == ("index.html",) and result.pages_parsed == 0
    assert (config.output / "index.html").read_text(encoding="utf-8").startswith("<h1>档案</h1>")


def test_touched_output_file_is_kept_and_the_next_build_is_up_to_date(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    index = config.output / "index.html"
    os.utime(index, ns=(1, 1))  # same bytes, different mtime: the manifest no longer vouches for it
    again = run(config)
    assert not again.up_to_date and again.files_written == 0 and index.stat().st_mtime_ns == 1
    assert run(config).up_to_date  # the manifest now records what is really on disk


def test_corrupt_cache_entry_is_rebuilt_not_fatal(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    for entry in (config.cache_dir / "pages").rglob("*.pickle"):
        entry.write_bytes(b"\x80garbage")
    (config.cache_dir / "sources.json").write_text("{not json")
    for manifest in (config.cache_dir / "outputs").glob("*.json"):
        manifest.write_text("[]")
    result = run(config)
    assert result.pages_parsed == 3 and result.exit_code == 0
    assert result.files_written == 0  # bytes identical to what is on disk: nothing rewritten


def test_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "cachefile").write_text("a file where the cache folder should be")
    result = run(dataclasses.replace(config, cache_dir=tmp_path / "cachefile"))
    assert result.exit_code == 0 and (config.output / "index.html").is_file()


# ---------------------------------------------------------------------------------------------
# parallelism and determinism

def test_jobs_1_and_jobs_2_give_identical_trees(tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "tagger.log"
    monkeypatch.setenv(TAGGER_LOG_ENV, str(log))
    pages = {f"2021-05-{d:02d}_0{p}.txt": f"标题{d}{p}\n正文{'罢工' if p == 2 else ''}\n\n第二条{d}\n内容"
             for d in range(1, 7) for p in range(1, 4)}
    one = make_project(tmp_path / "a", pages)
    two = make_project(tmp_path / "b", pages)
    r1 = run(one, jobs=1)
    r2 = run(two, jobs=2, parallel_min_pages=1)
    assert r1.pages_parsed == r2.pages_parsed == len(pages)
    assert tree(one.output) == tree(two.output)
    # one tagger in this process for --jobs 1, then one per worker process for --jobs 2
    pids = log.read_text().split()
    assert pids[0] == str(os.getpid()) and len(pids) == 3 and str(os.getpid()) not in pids[1:]


# ---------------------------------------------------------------------------------------------
# errors in pages

def test_one_bad_page_does_not_stop_the_others(tmp_path: Path) -> None:
    config = make_project(tmp_path, {**PAGES, "bad.txt": "BROKEN", "crash.txt": "ok"})
    (tmp_path / "sources" / "crash.txt").write_bytes(b"\xff\xfe\xfa not utf-8")
    result = run(config)
    assert result.exit_code == 1
    assert sorted(result.failed_pages) == ["bad.txt", "crash.txt"]
    assert {str(n).split(":")[0] for n in result.errors} == {"bad.txt", "crash.txt"}
    assert "could not be parsed (UnicodeDecodeError" in " ".join(n.message for n in result.errors)
    assert (config.output / "items/2021-05-14_02-0.html").is_file()
    # the crash is not cached: the next build tries that page again (and still reports it)
    again = run(config)
    assert again.pages_parsed == 1 and again.exit_code == 1


def test_warnings_are_reported_and_survive_a_skipped_build(tmp_path: Path) -> None:
    config = make_project(tmp_path, {"a.txt": "标题\nWARN here"})
    first = run(config)
    second = run(config)
    assert second.up_to_date
    assert [str(n) for n in first.warnings] == [str(n) for n in second.warnings] == [
        "a.txt:2: warning: line mentions WARN"]


def test_strict_reports_lost_text_as_errors(tmp_path: Path) -> None:
    config = make_project(tmp_path, {"a.txt": "标题\nLOST line", "b.txt": "标题\n正文"})
    assert run(config).exit_code == 0  # not strict: the check does not run
    strict = run(config, strict=True)
    assert strict.exit_code == 1
    assert [str(n) for n in strict.errors] == ["a.txt:2: error: line not in any record"]
    assert run(config, strict=True).errors == strict.errors  # also when nothing changed


def test_no_pages_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    config = make_project(tmp_path, {})
    with pytest.raises(ConfigError, match="no page files"):
        run(config)


# ---------------------------------------------------------------------------------------------
# the output folder

@pytest.mark.parametrize("where", ["inside", "equal", "contains"])
def test_output_overlapping_the_sources_is_refused(tmp_path: Path, where: str) -> None:
    config = make_project(tmp_path)
    output = {"inside": tmp_path / "sources" / "site", "equal": tmp_path / "sources", "contains": tmp_path}[where]
    with pytest.raises(OutputError) as err:
        run(dataclasses.replace(config, output=output))
    assert err.value.exit_code == 2 and "source folder" in str(err.value)


def test_output_that_is_a_file_or_root_is_refused(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "site").write_text("not a folder")
    with pytest.raises(OutputError, match="not a folder"):
        run(config)
    with pytest.raises(OutputError, match="refusing"):
        run(dataclasses.replace(config, output=Path("/")))


def test_unwritable_output_is_one_error_and_keeps_the_old_site(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    before = tree(config.output)
    (tmp_path / "sources" / "2021-05-14_02.txt").write_text("改动\n正文", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write the site"):
        build_site(config, stages=dataclasses.replace(TOY, render_site=clashing_render))
    assert tree(config.output) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
    # an output whose parent is a file cannot even be created
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError):
        run(dataclasses.replace(config, output=tmp_path / "afile" / "site"))


def test_stale_files_are_kept_and_reported_or_removed_with_clean(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    (config.output / "old.html").write_text("from another build")
    kept = run(config)
    assert kept.stale_kept == ("old.html",) and (config.output / "old.html").exists()
    (tmp_path / "sources" / "2021-05-14_02.txt").unlink()
    changed = run(config)
    assert "old.html" in changed.stale_kept and (config.output / "old.html").exists()
    cleaned = run(config, clean=True)
    assert cleaned.files_removed == 2 and cleaned.stale_kept == ()
    assert not (config.output / "old.html").exists()
    assert not (config.output / "items/2021-05-14_02-0.html").exists()


def test_clean_refuses_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "thesis.docx").write_text("precious")
    with pytest.raises(OutputError, match="refusing --clean"):
        run(config, clean=True)
    assert (tmp_path / "site" / "thesis.docx").read_text() == "precious"
    result = run(config)  # without --clean the stranger's file is kept and reported
    assert result.stale_kept == ("thesis.docx",)


# ---------------------------------------------------------------------------------------------
# interrupted builds

KILL_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_build import TOY, make_project
    from archive_gen.build import BuildOptions, build_site
    from pathlib import Path
    config = make_project(Path({root!r}), {{}})  # the pages are already there
    build_site(config, BuildOptions(), stages=TOY)
""")


def test_killed_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    before = tree(config.output)
    (tmp_path / "sources" / "2021-05-14_01.txt").write_text("全新的版面\n内容", encoding="utf-8")
    script = KILL_SCRIPT.format(tests=str(Path(__file__).parent), root=str(tmp_path))
    env = {**os.environ, "ARCHIVE_GEN_TEST_WRITE_DELAY": "0.5"}
    proc = subprocess.Popen([sys.executable, "-c", script], env=env)
    try:
        deadline = time.monotonic() + 20
        tmp_dirs: list[Path] = []
        while time.monotonic() < deadline and not tmp_dirs:
            tmp_dirs = [p for p in tmp_path.iterdir() if p.name.startswith(".site.tmp-") and any(p.rglob("*.html"))]
            time.sleep(0.05)
        assert tmp_dirs, "the build never started writing"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
    assert tree(config.output) == before
    # the next build clears the debris and succeeds
    result = run(config)
    assert result.exit_code == 0 and "全新的版面".encode() in (config.output / "index.html").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def test_swap_cut_in_half_is_recovered(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    before = tree(config.output)
    # a kill between "old -> backup" and "new -> output" leaves only the backup
    os.rename(config.output, tmp_path / ".site.old-999999999")
    result = run(config)
    assert result.exit_code == 0 and tree(config.output) == before


# ---------------------------------------------------------------------------------------------
# the real pipeline (switched on when the stages exist)

def _real_stages_present() -> bool:
    try:
        from archive_gen.archive import build_archive  # noqa: F401
        from archive_gen.loader import conservation, parse_page  # noqa: F401
        from archive_gen.loader.decode import decode_bytes  # noqa: F401
        from archive_gen.render import render_site  # noqa: F401
        from archive_gen.search import build_search_index  # noqa: F401
        from archive_gen.tagging import Tagger  # noqa: F401
    except ImportError:
        return False
    return True


real = pytest.mark.skipif(not _real_stages_present(), reason="the real stages have not landed yet")


SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _seed_project(root: Path, names: Sequence[str]) -> Config:
    src = root / "sources"
    src.mkdir(parents=True)
    for name in names:
        (src / name).write_bytes((SEEDS / name).read_bytes())
    return Config(root=root, sources=(src,), output=root / "site", cache_dir=root / ".archive-cache", title="档案")


@real
def test_incremental_rebuild_renders_only_changed_pages_and_equals_a_cold_build(tmp_path: Path) -> None:
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    warm = _seed_project(tmp_path / "warm", names[:-1])
    first = build_site(warm, BuildOptions(jobs=1))
    assert first.pages_reused == 0 and first.pages_rendered > 0
    # one more page arrives: only pages whose context changed go through Jinja, only its shard is re-indexed
    (warm.sources[0] / names[-1]).write_bytes((SEEDS / names[-1]).read_bytes())
    second = build_site(warm, BuildOptions(jobs=1))
    assert second.pages_reused > 0 and second.pages_rendered < first.pages_rendered + 10
    shards = {p.split("/")[1] for p in tree(warm.output) if p.startswith("search/") and p.count("/") == 2}
    assert len(second.shards_indexed) < len(shards) - 1  # (search/index.html is not a shard)
    cold = _seed_project(tmp_path / "cold", names)
    build_site(cold, BuildOptions(jobs=1))
    assert tree(warm.output) == tree(cold.output)
    # an output page edited by hand is rendered again, not trusted
    article = next(p for p in sorted(warm.output.glob("articles/**/*.html")))
    original = article.read_bytes()
    article.write_bytes(b"edited")
    third = build_site(warm, BuildOptions(jobs=1))
    assert article.read_bytes() == original and third.pages_rendered >= 1


def _bench_generator() -> Any:
    bench = str(Path(__file__).resolve().parents[1] / "bench")
    sys.path.insert(0, bench)
    try:
        import generate

        return generate
    finally:
        sys.path.remove(bench)


@real
@pytest.mark.slow
def test_incremental_builds_equal_cold_builds_after_every_kind_of_change(tmp_path: Path) -> None:
    """The daily-rebuild shortcuts (input keys, kept pages, cached related lists and search shards,
    staged writes) must never show: after each round of changes the incremental site equals a cold
    build of the same sources byte for byte."""
    gen = _bench_generator()
    pages = gen.generate_corpus(150, 3)

    def project(root: Path) -> Config:
        return Config(root=root, sources=(root / "sources",), output=root / "site",
                      cache_dir=root / ".archive-cache", title="档案", per_page=3)

    warm = project(tmp_path / "warm")
    gen.write_raw(pages, warm.sources[0])
    build_site(warm, BuildOptions(jobs=1))
    source = warm.sources[0]
    files = sorted(source.iterdir())
    dates = sorted({dt.date.fromisoformat(p.date) for p in pages})
    middle = dates[0] + (dates[-1] - dates[0]) / 2  # a day in the middle of the archive
    rounds = [
        # a new day arrives
        lambda: gen.write_raw(gen.generate_day(3, gen.next_issue(pages), 40), source),
        # an old page is corrected, another deleted
        lambda: (files[3].write_text(files[3].read_text(encoding="utf-8").replace("工会", "总工会", 1),
                                     encoding="utf-8"), files[7].unlink()),
        # an older day is filled in (every later slice of the terms it touches shifts)
        lambda: gen.write_raw(gen.generate_day(4, middle, 30), source / "backfill"),
    ]
    for number, change in enumerate(rounds):
        change()
        incremental = build_site(warm, BuildOptions(jobs=1))
        assert incremental.exit_code == 0, incremental.errors
        cold = project(tmp_path / f"cold{number}")
        shutil.copytree(source, cold.sources[0])
        build_site(cold, BuildOptions(jobs=1))
        warm_tree, cold_tree = tree(warm.output), tree(cold.output)
        # without --clean, pages of the deleted source stay (and are reported); nothing else may differ
        assert sorted(set(warm_tree) - set(cold_tree)) == sorted(incremental.stale_kept), f"round {number}"
        assert set(cold_tree) <= set(warm_tree), f"round {number}: files missing"
        assert all(not rel.startswith("search/") for rel in incremental.stale_kept)
        differing = [rel for rel in sorted(cold_tree) if warm_tree[rel] != cold_tree[rel]]
        assert differing == [], f"round {number}: {differing[:5]}"


def test_a_swap_killed_half_way_is_finished_by_the_next_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    from archive_gen import writer

    config = make_project(tmp_path)
    run(config)
    (tmp_path / "sources" / "2021-05-14_01.txt").write_text("全新的版面\n内容", encoding="utf-8")
    moved: list[str] = []
    real_replace = os.replace

    def replace_then_die(src: str, dst: str) -> None:
        if len(moved) == 1:  # the second move of the swap never happens: the process "dies"
            raise KeyboardInterrupt
        real_replace(src, dst)
        moved.append(dst)

    monkeypatch.setattr(writer.os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        run(config)
    monkeypatch.undo()
    staged = [p for p in tmp_path.iterdir() if p.name.startswith(".site.tmp-")]
    assert len(staged) == 1 and (staged[0] / writer.JOURNAL).is_file()  # kept: it says what is left
    writer.recover_interrupted(config.output)  # what the next build does first
    assert not staged[0].exists()
    cold = make_project(tmp_path / "cold")
    (tmp_path / "cold" / "sources" / "2021-05-14_01.txt").write_text("全新的版面\n内容", encoding="utf-8")
    run(cold)
    expected, finished = tree(cold.output), tree(config.output)
    # the old page's second item stays as a stale file (kept without --clean); the rest is the new site
    assert {rel: data for rel, data in finished.items() if rel in expected} == expected
    assert sorted(set(finished) - set(expected)) == ["items/2021-05-14_01-1.html"]
