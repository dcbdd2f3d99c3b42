"""The build engine end to end: cold, no-op and incremental builds, keys, parallelism, bad pages, the
output folder's safety, interrupted builds, and incremental-equals-cold after every kind of change.

Most tests run the real pipeline on tiny projects; the toy record functions (tests/projects.py) stand in
for the parser and tagger only where a page must crash, warn or lose text on demand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

import archive_gen.records as records_module
from archive_gen import search
from archive_gen.build import BuildOptions, BuildResult, BuildSession, build_site
from archive_gen.cache import EntryMemo, open_cache
from archive_gen.config import Config, PageOverride, TaxonomyConfig, TopicSpec
from archive_gen.errors import ConfigError, OutputError
from archive_gen.records import Stages
from archive_gen.writer import MANIFEST_PATH
from projects import (
    PAGES,
    TAGGER_LOG_ENV,
    TOY,
    bench_generator,
    make_project,
    mtimes,
    seed_project,
    site_tree,
    term_redirects,
    tree,
)


def run(config: Config, **options: Any) -> BuildResult:
    return build_site(config, BuildOptions(**options), stages=TOY)


def articles(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.glob("articles/**/*.html"))


# ---------------------------------------------------------------------------------------------
# cold, no-op and incremental builds

def test_cold_build_writes_the_site_and_counts(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    result = run(config)
    site = tree(config.output)
    assert articles(config.output) == [
        "articles/2021/05/14/2021-05-14_01-0.html", "articles/2021/05/14/2021-05-14_01-1.html",
        "articles/2021/05/14/2021-05-14_02-0.html", "articles/2021/05/15/2021-05-15_01-0.html"]
    assert {"index.html", "issues/2021-05-14/index.html", "topics/strike/index.html", "search/index.js",
            "feed.xml", "sitemap.xml", ".nojekyll", ".archive-gen/manifest.json.gz"} <= set(site)
    assert "罢工".encode() in site["articles/2021/05/14/2021-05-14_01-1.html"]
    assert (result.pages_read, result.items, result.topics) == (3, 4, 1)
    assert (result.pages_parsed, result.pages_tagged, result.cache_hits) == (3, 3, 0)
    assert result.files_written == len(site) - 1 and result.files_unchanged == 0  # all but the lock file
    assert result.exit_code == 0 and not result.up_to_date


def test_noop_rebuild_parses_nothing_builds_no_tagger_and_writes_nothing(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
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
    assert result.cache_hits == 3 and result.files_unchanged == len(before) - 1  # all but the lock file
    assert (result.items, result.topics) == (4, 1)  # the summary survives the skip
    assert mtimes(config.output) == before
    assert len(log.read_text().splitlines()) == 1  # no tagger was constructed


def test_a_noop_after_the_sources_were_copied_keeps_their_new_stamps(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # a checkout or a copy gives every source a new inode and mtime with the same bytes: the first no-op reads
    # them all to know, and the ones after it trust the stamps again instead of reading every page each time
    config = make_project(tmp_path)
    run(config)
    sources = sorted((tmp_path / "sources").glob("*.txt"))
    assert sources
    for path in sources:
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)
    reads: list[str] = []
    real_read = records_module.read_bytes

    def counting_read(source: Any, limit: int, settle: float = 0.0) -> bytes:
        reads.append(str(source.source))
        return real_read(source, limit, settle)

    monkeypatch.setattr(records_module, "read_bytes", counting_read)
    before = mtimes(config.output)
    first = run(config)
    assert first.up_to_date and len(reads) == len(sources)
    second = run(config)
    assert second.up_to_date and len(reads) == len(sources)  # nothing read again
    assert mtimes(config.output) == before


def test_a_project_copied_with_its_cache_renders_nothing_again(tmp_path: Path) -> None:
    # the cache knew its output by absolute path: a renamed project folder, or a CI workspace restored
    # elsewhere, re-rendered every page (16,945 of them, 90 s, at 10k items) and read the published pages back
    config = make_project(tmp_path / "first")
    run(config)
    shutil.copytree(tmp_path / "first", tmp_path / "moved", symlinks=True)  # copy2: the same mtimes
    moved = dataclasses.replace(config, root=tmp_path / "moved", sources=(tmp_path / "moved" / "sources",),
                                output=tmp_path / "moved" / "site", cache_dir=tmp_path / "moved" / ".archive-cache")
    before = mtimes(moved.output)
    assert before
    result = run(moved)
    # up to date where it lands (the site key names the project's paths from its folder): nothing planned again
    assert result.up_to_date and result.pages_parsed == 0 and result.files_written == 0
    assert mtimes(moved.output) == before
    assert site_tree(moved.output) == site_tree(config.output)


def test_outputs_sharing_one_cache_folder_from_different_places_keep_their_own_manifests(tmp_path: Path) -> None:
    # the cache names an output by its path seen from the cache folder: two outputs never share a manifest,
    # so one's files are never taken for the other's (a user's file in the second is not overwritten)
    cache = tmp_path / "shared-cache"
    first = make_project(tmp_path / "a", cache_dir=cache)
    run(first)
    second = make_project(tmp_path / "b", cache_dir=cache)
    second.output.mkdir()
    (second.output / "index.html").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError):
        run(second)
    assert (second.output / "index.html").read_text(encoding="utf-8") == "mine"
    (second.output / "index.html").unlink()
    result = run(second)
    # nothing taken as already written: every file of the site, and the manifest, was written by this build
    assert result.files_written == len(site_tree(second.output)) + 1 > 1
    assert site_tree(second.output) == site_tree(first.output)


def test_one_changed_page_is_the_only_one_parsed_and_other_articles_are_not_rewritten(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    before = mtimes(config.output)
    (tmp_path / "sources" / "2021-05-14_02.txt").write_text("东西协作谱新篇\n新的图片说明", encoding="utf-8")
    result = run(config)
    assert (result.pages_parsed, result.pages_tagged, result.cache_hits) == (1, 1, 2)
    after = mtimes(config.output)
    changed = sorted(rel for rel in after if after[rel] != before.get(rel))
    assert "articles/2021/05/14/2021-05-14_02-0.html" in changed
    # the other day's article does not list the changed item: it keeps its file (and mtime)
    assert "articles/2021/05/15/2021-05-15_01-0.html" not in changed
    assert set(changed) == set(result.written)
    assert "新的图片说明".encode() in (config.output / "articles/2021/05/14/2021-05-14_02-0.html").read_bytes()


def test_a_deferred_search_keeps_the_old_shard_until_the_next_build_which_equals_a_cold_one(tmp_path: Path) -> None:
    # serve builds the pages of an edit first and the search shards it changed right after
    config = make_project(tmp_path)
    session = BuildSession()
    build_site(config, BuildOptions(), stages=TOY, session=session)
    search_before = {rel: data for rel, data in site_tree(config.output).items() if rel.startswith("search/")}
    assert search_before
    (tmp_path / "sources" / "2021-05-14_02.txt").write_text("东西协作谱新篇\n新的图片说明", encoding="utf-8")
    first = build_site(config, BuildOptions(defer_search=True), stages=TOY, session=session)
    assert first.search_deferred and not first.shards_indexed
    assert "新的图片说明".encode() in (config.output / "articles/2021/05/14/2021-05-14_02-0.html").read_bytes()
    assert {rel: data for rel, data in site_tree(config.output).items() if rel.startswith("search/")} == search_before
    second = build_site(config, BuildOptions(), stages=TOY, session=session)
    assert not second.up_to_date and second.shards_indexed == first.search_deferred
    assert second.pages_parsed == 0 and second.pages_rendered == 0
    assert run(config).up_to_date
    cold = tmp_path / "cold"
    run(dataclasses.replace(config, output=cold, cache_dir=tmp_path / "cold-cache"))
    assert site_tree(config.output) == site_tree(cold)


def test_a_month_of_the_newest_year_cut_by_ten_days_once_busy_equals_a_cold_build(tmp_path: Path) -> None:
    # a daily paper's month (~2,500 items) is indexed by ten days while its year is the newest, so a day or
    # an edit re-indexes ~800 items; the month is cut when it passes MONTH_SHARD_DOCS, once
    def day(name: str, count: int, word: str = "正文") -> None:
        blocks = [f"标题{name}第{n}篇\n{word}{n}" for n in range(count)]
        (tmp_path / "sources" / f"{name}_01.txt").write_text("\n\n".join(blocks), encoding="utf-8")

    config = make_project(tmp_path, {})
    half = search.MONTH_SHARD_DOCS // 2
    day("2024-05-01", half)
    day("2024-05-12", half - 10)
    run(config)

    def shards() -> list[str]:
        return sorted(p.name.split(".")[0] for p in (config.output / "search").iterdir() if p.is_dir())

    assert shards() == ["2024-05"]
    day("2024-05-21", 20)  # the month passes the limit: its items move to ten-day shards
    grown = run(config)
    assert sorted(grown.shards_indexed) == shards() == ["2024-05-1", "2024-05-2", "2024-05-3"]
    day("2024-05-12", half - 10, "改正")  # an edit re-indexes its ten days only
    edited = run(config)
    assert edited.shards_indexed == ("2024-05-2",) and edited.pages_parsed == 1
    cold = tmp_path / "cold"
    run(dataclasses.replace(config, output=cold, cache_dir=tmp_path / "cold-cache"))
    assert site_tree(config.output) == site_tree(cold)


def test_a_session_keeps_one_tagger_across_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
    first = run(config)
    result = run(dataclasses.replace(config, title="新标题"))
    assert not result.up_to_date
    assert (result.pages_parsed, result.pages_tagged, result.cache_hits) == (0, 0, 3)
    # every page shows the site's title; only the sitemap (and the feeds' ids) do not
    html = {p for p in tree(config.output) if p.endswith(".html")}
    assert html <= set(result.written) and result.pages_rendered < first.pages_rendered
    assert "新标题".encode() in (config.output / "index.html").read_bytes()


def test_page_override_reparses_only_that_page(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    result = run(dataclasses.replace(config, pages={"2021-05-14_02.txt": PageOverride(date="2021-05-16")}))
    assert (result.pages_parsed, result.cache_hits) == (1, 2)
    assert (config.output / "articles/2021/05/16/2021-05-14_02-0.html").is_file()


def test_edited_output_file_is_restored(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    original = (config.output / "index.html").read_bytes()
    (config.output / "index.html").write_text("vandalised")
    result = run(config)
    assert result.written == ("index.html",) and result.pages_parsed == 0
    assert (config.output / "index.html").read_bytes() == original


def test_touched_output_file_is_kept_and_the_next_build_is_up_to_date(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    index = config.output / "index.html"
    os.utime(index, ns=(1, 1))  # same bytes, different mtime: the manifest no longer vouches for it
    again = run(config)
    assert not again.up_to_date and again.files_written == 0 and index.stat().st_mtime_ns == 1
    assert run(config).up_to_date  # the manifest now records what is really on disk


def test_corrupt_or_swapped_cache_entries_are_misses_never_errors(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    entries = sorted((config.cache_dir / "pages").rglob("*.entry"))
    assert len(entries) == 3
    # two entries swapped: each file is whole and valid, but not under the key it is read for
    first, second = entries[0].read_bytes(), entries[1].read_bytes()
    entries[0].write_bytes(second)
    entries[1].write_bytes(first)
    entries[2].write_bytes(b"\x80garbage")
    for chunk in (config.cache_dir / "summaries").glob("*.entry"):
        chunk.write_bytes(b"not an entry")
    for manifest in (config.cache_dir / "outputs").glob("*.entry"):
        manifest.write_bytes(manifest.read_bytes()[:-10])  # cut short: its length no longer matches
    result = run(config)
    assert result.pages_parsed == 3 and result.exit_code == 0
    assert result.files_written == 0  # bytes identical to what is on disk: nothing rewritten


def test_a_cache_entry_linked_to_a_device_is_not_read(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    for summaries in (config.cache_dir / "summaries").glob("*.entry"):
        summaries.unlink()
        summaries.symlink_to("/dev/zero")  # reading it would never end
    for entry in (config.cache_dir / "pages").rglob("*.entry"):
        entry.unlink()
        entry.symlink_to("/dev/zero")
    for manifest in (config.cache_dir / "outputs").glob("*.entry"):
        manifest.unlink()
        manifest.symlink_to("/dev/zero")
    result = run(config)
    assert result.exit_code == 0 and result.pages_parsed == 3


def test_a_sessions_memory_of_cache_entries_sees_every_rewrite(tmp_path: Path) -> None:
    """serve keeps whole-read entries in memory; another process's rewrite (a CLI build in between) and a
    damaged file must be seen, never the remembered payload."""
    memo: EntryMemo = {}
    cache, other = open_cache(tmp_path / "cache", memo), open_cache(tmp_path / "cache")
    key = "a" * 64
    cache.store("outputs", key, {"build": 1})
    assert cache.load("outputs", key) is cache.load("outputs", key)  # from memory: the same object
    assert len(memo) == 1
    other.store("outputs", key, {"build": 2})
    assert cache.load("outputs", key) == {"build": 2}
    path = tmp_path / "cache" / "outputs" / f"{key}.entry"
    path.write_bytes(path.read_bytes()[:-3])
    assert cache.load("outputs", key) is None
    assert cache.load("outputs", "b" * 64) is None
    cache.store("pages", key, {"records": 1})  # records are many: never kept in memory
    assert len(memo) == 1


def test_a_file_where_the_cache_folder_should_be_is_refused(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "cachefile").write_text("a file where the cache folder should be")
    with pytest.raises(OutputError, match="cache folder is not a folder"):
        run(dataclasses.replace(config, cache_dir=tmp_path / "cachefile"))
    assert (tmp_path / "cachefile").read_text() == "a file where the cache folder should be"


# ---------------------------------------------------------------------------------------------
# parallelism and determinism

def test_jobs_1_and_jobs_2_give_identical_trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "tagger.log"
    monkeypatch.setenv(TAGGER_LOG_ENV, str(log))
    pages = {f"2021-05-{d:02d}_0{p}.txt": f"标题{d}{p}\n正文{'罢工' if p == 2 else ''}\n\n第二条{d}\n内容"
             for d in range(1, 7) for p in range(1, 4)}
    one = make_project(tmp_path / "a", pages)
    two = make_project(tmp_path / "b", pages)
    r1 = run(one, jobs=1)
    r2 = run(two, jobs=2, parallel_min_pages=1, parallel_min_render=1)
    assert r1.pages_parsed == r2.pages_parsed == len(pages)
    assert r1.pages_rendered == r2.pages_rendered > 0
    assert tree(one.output) == tree(two.output)
    # one tagger in this process for --jobs 1, then one per worker process for --jobs 2
    pids = log.read_text().split()
    assert pids[0] == str(os.getpid()) and len(pids) == 3 and str(os.getpid()) not in pids[1:]


def test_a_few_changed_pages_are_parsed_by_a_worker_started_ahead(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "tagger.log"
    monkeypatch.setenv(TAGGER_LOG_ENV, str(log))
    one, two = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    run(one, jobs=1)
    run(two, jobs=2)
    first = log.read_text().split()
    # three new pages: --jobs 1 parses them here, --jobs 2 in a worker (a first build forks its pool on
    # learning of them; a rebuild before its walk)
    assert first[0] == str(os.getpid()) and len(first) == 2 and first[1] != str(os.getpid())
    for config in (one, two):
        (config.sources[0] / "2021-05-14_02.txt").write_text("东西协作谱新篇\n罢工后复工", encoding="utf-8")
    assert run(one, jobs=1).pages_parsed == 1
    second = run(two, jobs=2)
    assert second.pages_parsed == 1
    pids = log.read_text().split()[2:]
    # one page changed: the same again
    assert pids[0] == str(os.getpid()) and len(pids) == 2 and pids[1] != str(os.getpid())
    assert tree(one.output) == tree(two.output)
    # nothing changed: the worker forked before the walk (a rebuild's, since a site is there) is stopped at
    # once, whatever it had loaded, and parses nothing
    import multiprocessing

    noop = run(two, jobs=2)
    assert noop.up_to_date and noop.pages_parsed == 0
    assert multiprocessing.active_children() == []
    assert all(pid != str(os.getpid()) for pid in log.read_text().split()[4:])


def test_the_output_warmer_counts_every_file_and_leaves_no_process_behind(tmp_path: Path) -> None:
    import multiprocessing

    from archive_gen.writer import warm_metadata

    config = make_project(tmp_path)
    run(config, jobs=2)
    on_disk = sum(len(files) for _, _, files in os.walk(config.output))
    assert on_disk > 10
    assert warm_metadata(config.output) == on_disk
    assert warm_metadata(tmp_path / "no such folder") == 0
    # a rebuild over a previous site starts the warmer beside its parsing and stops it before returning
    page = sorted(config.sources[0].glob("*.txt"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n补记一句。\n", encoding="utf-8")
    before = tree(config.output)
    result = run(config, jobs=2)
    assert result.pages_parsed == 1 and tree(config.output) != before
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


def test_a_template_error_in_a_render_worker_names_the_page(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "article.html").write_text("{{ no_such_variable }}", encoding="utf-8")
    with pytest.raises(Exception, match="no_such_variable") as err:
        run(config, jobs=2, parallel_min_render=1)
    assert "article.html" in str(err.value)
    assert not any(p.name.startswith(".site.tmp-") for p in tmp_path.iterdir())


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
    assert (config.output / "articles/2021/05/14/2021-05-14_02-0.html").is_file()
    # the crash is not cached: the next build tries that page again (and still reports it)
    again = run(config)
    assert again.pages_parsed == 1 and again.exit_code == 1


def test_warnings_are_reported_and_survive_a_skipped_build(tmp_path: Path) -> None:
    config = make_project(tmp_path, {"2021-05-14_01.txt": "标题\nWARN here"})
    first = run(config)
    second = run(config)
    assert second.up_to_date
    assert [str(n) for n in first.warnings] == [str(n) for n in second.warnings] == [
        "2021-05-14_01.txt:2: warning: line mentions WARN"]


def test_strict_reports_lost_text_as_errors(tmp_path: Path) -> None:
    config = make_project(tmp_path, {"2021-05-14_01.txt": "标题\nLOST line", "2021-05-14_02.txt": "标题\n正文"})
    assert run(config).exit_code == 0  # not strict: the check does not run
    strict = run(config, strict=True)
    assert strict.exit_code == 1
    assert [str(n) for n in strict.errors] == ["2021-05-14_01.txt:2: error: line not in any record"]
    assert run(config, strict=True).errors == strict.errors  # also when nothing changed


def test_no_pages_is_a_config_error(tmp_path: Path) -> None:
    config = make_project(tmp_path, {})
    with pytest.raises(ConfigError, match="no page files"):
        run(config)


def test_missing_source_folder_is_a_config_error(tmp_path: Path) -> None:
    config = dataclasses.replace(make_project(tmp_path), sources=(tmp_path / "nope",))
    with pytest.raises(ConfigError, match="nope: source folder not found"):
        run(config)


# ---------------------------------------------------------------------------------------------
# the output folder: what may be replaced, and what never

@pytest.mark.parametrize("where", ["inside", "equal", "contains"])
def test_output_overlapping_the_sources_is_refused(tmp_path: Path, where: str) -> None:
    config = make_project(tmp_path / "project")
    output = {"inside": config.sources[0] / "site", "equal": config.sources[0], "contains": tmp_path}[where]
    with pytest.raises(OutputError) as err:
        run(dataclasses.replace(config, output=output))
    assert err.value.exit_code == 2 and "source folder" in str(err.value)


def test_output_that_is_a_file_root_home_or_current_folder_is_refused(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    config = make_project(tmp_path / "p")
    (tmp_path / "p" / "site").write_text("not a folder")
    with pytest.raises(OutputError, match="not a folder"):
        run(config)
    with pytest.raises(OutputError, match="filesystem root"):
        run(dataclasses.replace(config, output=Path("/")))
    monkeypatch.setenv("HOME", str(tmp_path / "home" / "user"))
    (tmp_path / "home" / "user").mkdir(parents=True)
    for folder in (tmp_path / "home" / "user", tmp_path / "home"):
        with pytest.raises(OutputError, match="home folder"):
            run(dataclasses.replace(config, output=folder))
    monkeypatch.chdir(tmp_path / "p")
    with pytest.raises(OutputError, match="current folder"):
        run(dataclasses.replace(config, output=tmp_path / "p"))
    assert (tmp_path / "p" / "site").read_text() == "not a folder"


def test_a_folder_of_someone_elses_files_is_never_built_into_or_cleaned(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "site" / "notes").mkdir(parents=True)
    (tmp_path / "site" / "thesis.docx").write_text("precious")
    (tmp_path / "site" / "index.html").write_text("my own home page")
    (tmp_path / "site" / "notes" / "a.txt").write_text("mine")
    before = tree(tmp_path / "site")
    for clean in (False, True):
        with pytest.raises(OutputError, match="holds files archive-gen did not write"):
            run(config, clean=clean)
        assert tree(tmp_path / "site") == before
    # with the explicit option the site is added beside them; a file of the user's in its way stops it
    with pytest.raises(OutputError, match="refusing to overwrite a file archive-gen did not write"):
        run(config, allow_foreign=True)
    assert site_tree(tmp_path / "site") == before  # (its own lock file is all it left, in .archive-gen/)
    (tmp_path / "site" / "index.html").unlink()
    result = run(config, allow_foreign=True, clean=True)
    assert result.exit_code == 0 and (tmp_path / "site" / "thesis.docx").read_text() == "precious"
    assert (tmp_path / "site" / "notes" / "a.txt").read_text() == "mine"
    assert "thesis.docx" in result.stale_kept or "thesis.docx" not in result.written
    run(config, clean=True)  # later builds own only what they wrote
    assert (tmp_path / "site" / "thesis.docx").read_text() == "precious"


def test_stale_files_of_archive_gen_are_kept_and_reported_or_removed_with_clean(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    stray = config.output / "old.html"
    stray.write_text("the user's own file")
    kept = run(config)
    assert stray.exists() and "old.html" not in kept.stale_kept  # not ours: not even stale
    (tmp_path / "sources" / "2021-05-14_02.txt").unlink()
    changed = run(config)
    # the deleted page's article now redirects (a published URL keeps working)
    assert b'http-equiv="refresh"' in (config.output / "articles/2021/05/14/2021-05-14_02-0.html").read_bytes()
    cleaned = run(config, clean=True)
    assert stray.read_text() == "the user's own file"
    assert changed.exit_code == cleaned.exit_code == 0


def test_two_builds_of_one_output_at_once_the_second_is_refused_with_the_pid(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from archive_gen.writer import OutputLock
        with OutputLock(Path({str(config.output.resolve())!r})):
            print("locked", flush=True)
            time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputError, match=rf"another build of this output folder is running \(pid {holder.pid}\)"):
            run(config)
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert run(config).exit_code == 0  # released with its holder


# ---------------------------------------------------------------------------------------------
# interrupted builds

KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from projects import TOY, make_project
    from archive_gen import writer
    from archive_gen.build import BuildOptions, build_site
    from pathlib import Path
    real = writer.write_file
    def slow(fd, data):
        time.sleep(0.2)
        real(fd, data)
    writer.write_file = slow  # a slow disk: the test kills the build while it writes
    config = make_project(Path({root!r}), {{}})  # the pages are already there
    build_site(config, BuildOptions(), stages=TOY)
""")


def test_killed_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    run(config)
    before = tree(config.output)
    (tmp_path / "sources" / "2021-05-14_01.txt").write_text("全新的版面\n内容", encoding="utf-8")
    script = KILL_SCRIPT.format(tests=str(Path(__file__).parent), root=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        staged: list[Path] = []
        while time.monotonic() < deadline and not staged:
            staged = [p for p in tmp_path.iterdir() if p.name.startswith(".site.tmp-") and any(p.glob("pack-*"))]
            time.sleep(0.05)
        assert staged, "the build never started writing"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
    assert tree(config.output) == before
    # the next build clears the debris and succeeds
    result = run(config)
    assert result.exit_code == 0 and "全新的版面".encode() in (config.output / "index.html").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.tmp")] == []


SLOW_PARSE_SCRIPT = textwrap.dedent("""
    import dataclasses, sys, time
    sys.path.insert(0, {tests!r})
    from projects import TOY, make_project, toy_parse
    from archive_gen.build import BuildOptions, build_site
    from pathlib import Path
    def slow_parse(data, source, override):
        time.sleep(1)  # a long page: the test kills the build while its workers parse
        return toy_parse(data, source, override)
    if __name__ == "__main__":
        config = make_project(Path({root!r}), {{}})  # the pages are already there
        stages = dataclasses.replace(TOY, parse=slow_parse)
        build_site(config, BuildOptions(jobs=2, parallel_min_pages=1), stages=stages)
""")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from /proc (Linux)")
def test_a_killed_build_takes_its_workers_with_it(tmp_path: Path) -> None:
    """SIGKILL (or the OOM killer) gives the build no chance to stop its pool: the forked workers must
    notice and leave, or they wait forever, holding memory and the caller's pipe (``build | tee`` hangs)."""
    make_project(tmp_path, {f"2021-05-{day:02d}_01.txt": f"标题{day}\n正文{day}" for day in range(1, 21)})
    script = tmp_path / "slow_build.py"
    script.write_text(SLOW_PARSE_SCRIPT.format(tests=str(Path(__file__).parent), root=str(tmp_path)),
                      encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 2:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, f"the build never started its workers: {workers}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        # the pipe reaches its end once every process holding it is gone
        deadline = time.monotonic() + 10
        ended = False
        while time.monotonic() < deadline and not ended:
            ready, _, _ = select.select([proc.stdout], [], [], 0.1)
            ended = bool(ready) and not os.read(proc.stdout.fileno(), 65536)
        assert ended, "the caller's pipe stayed open after the build was killed"
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "a worker outlived its build"
    finally:
        proc.kill()
        proc.wait(timeout=10)
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        proc.stdout.close()


def test_a_swap_killed_half_way_is_finished_by_the_next_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    from archive_gen import writer

    config = make_project(tmp_path)
    run(config)
    (tmp_path / "sources" / "2021-05-14_01.txt").write_text("全新的版面\n内容", encoding="utf-8")
    moved: list[str] = []
    real_put = writer.put_in_place

    def put_then_die(target: str, data: bytes, **how: bool) -> None:
        if len(moved) == 1:  # the second file is never put in place: the process "dies"
            raise KeyboardInterrupt
        moved.append(target)
        real_put(target, data, **how)

    monkeypatch.setattr(writer, "put_in_place", put_then_die)
    with pytest.raises(KeyboardInterrupt):
        run(config)
    monkeypatch.undo()
    staged = [p for p in tmp_path.iterdir() if p.name.startswith(".site.tmp-")]
    assert len(staged) == 1 and (staged[0] / writer.JOURNAL).is_file()  # kept: it says what is left
    result = run(config)  # finishes the moves first, then builds (nothing left to do but check)
    assert not staged[0].exists() and result.exit_code == 0
    cold = make_project(tmp_path / "cold", {**PAGES, "2021-05-14_01.txt": "全新的版面\n内容"})
    run(cold)
    assert site_tree(config.output) == {rel: data for rel, data in site_tree(cold.output).items()} | {
        rel: data for rel, data in site_tree(config.output).items() if rel not in site_tree(cold.output)}
    assert "全新的版面".encode() in (config.output / "index.html").read_bytes()


# ---------------------------------------------------------------------------------------------
# what each key covers

def test_a_taxonomy_change_retags_every_page_without_parsing_any(tmp_path: Path) -> None:
    config = seed_project(tmp_path, cache_dir=tmp_path / "cache")
    build_site(config)
    extended = dataclasses.replace(config, taxonomy=TaxonomyConfig(extend=(
        TopicSpec("haixia", "海峡两岸", "两岸职工交流", ("两岸",)),)))
    result = build_site(extended)
    assert (result.pages_parsed, result.pages_tagged) == (0, 5)
    assert build_site(extended).up_to_date


def test_a_template_change_rerenders_exactly_the_pages_that_use_it(tmp_path: Path) -> None:
    config = seed_project(tmp_path)
    first = build_site(config)
    (tmp_path / "templates").mkdir()
    builtin = Path(__file__).resolve().parents[1] / "templates" / "issue.html"
    (tmp_path / "templates" / "issue.html").write_text(builtin.read_text(encoding="utf-8") + "<!-- mine -->\n",
                                                       encoding="utf-8")
    second = build_site(config)
    issues = sorted(p.relative_to(config.output).as_posix() for p in config.output.glob("issues/*/index.html"))
    assert issues and second.pages_rendered == len(issues)
    assert sorted(second.written) == sorted([*issues, ".archive-gen/manifest.json.gz"][:len(second.written)])
    assert second.pages_parsed == 0 and first.pages_rendered > 100
    # edited again in the same process (as under serve, which keeps the compiled templates): the edit shows
    text = builtin.read_text(encoding="utf-8")
    assert text.count("{{ item_count }} 篇</p>") == 1
    (tmp_path / "templates" / "issue.html").write_text(text.replace("{{ item_count }} 篇</p>", "{{ item_count }} 篇稿件</p>"),
                                                       encoding="utf-8")
    third = build_site(config)
    assert third.pages_rendered == len(issues)
    assert all(" 篇稿件</p>" in page.read_text(encoding="utf-8") for page in config.output.glob("issues/*/index.html"))


def test_code_keys_follow_imports(tmp_path: Path) -> None:
    from archive_gen.fingerprint import module_files

    tagger = [p.relative_to(p.parents[1]).as_posix() if p.parent.name != "data" else p.name
              for p in module_files("archive_gen.tagging")]
    assert "tagging/segmenter.py" in tagger and "gazetteer.tsv" in tagger and "topics.yaml" in tagger
    # the parser asks the segmenter where words end (column breaks inside a word): a parse depends on it,
    # but not on the gazetteer or the taxonomy, which only the tagger reads
    loader = {p.name for p in module_files("archive_gen.loader")}
    assert {"items.py", "segmenter.py"} <= loader and not loader & {"gazetteer.tsv", "topics.yaml", "regions.py"}
    render = {p.name for p in module_files("archive_gen.render")}
    assert "pages.py" in render and "items.py" not in render and "segmenter.py" not in render
    # the real stages are keyed by the code of their own packages: an edit to the build driver, the cache
    # or the search index re-parses and re-tags nothing
    stages = Stages()
    for stage in (stages.parse, stages.make_tagger, stages.tag_inputs):
        covered = {p.name for p in module_files(stage.__module__)}
        assert covered and not covered & {"records.py", "build.py", "cache.py", "search.py", "render.py"}, stage


def test_code_keys_name_the_distributions_pip_records_for_every_third_party_import() -> None:
    # code keys carry the versions of the distributions the stages import; they are found beside each
    # module (fast) and must agree with importlib's full reading of every installed distribution
    import importlib.metadata

    from archive_gen import fingerprint

    every = importlib.metadata.packages_distributions()
    imported = sorted({top for top in ("jieba", "rjieba", "jinja2", "markupsafe", "numpy", "yaml", "pypinyin",
                                       "markdown_it", "click", "ahocorasick_rs", "watchfiles")
                       if top in every})
    assert len(imported) >= 8, imported
    for top in imported:
        assert fingerprint._distributions(top) == tuple(every[top]), top
    assert fingerprint._distributions("json") == ()


# ---------------------------------------------------------------------------------------------
# permanent URLs

def _one_story(title: str, body: str) -> dict[str, str]:
    return {"2021-05-14_01.txt": f"{title}\n\n本报讯(记者李明){body}\n", "2021-05-14_02.txt":
            "另一篇稿件的标题\n\n本报讯(记者王芳)日前,某市总工会开展了职工培训活动,参加的职工有三百人。\n"}


def test_an_edited_body_keeps_the_url_and_a_new_title_leaves_a_redirect(tmp_path: Path) -> None:
    body = "日前,全国总工会在京召开会议,部署今年的工作,会议强调要做好服务职工工作。"
    config = make_project(tmp_path, _one_story("全总部署今年工作", body))
    build_site(config)
    before = set(articles(config.output))
    (tmp_path / "sources" / "2021-05-14_01.txt").write_text(_one_story("全总部署今年工作", "近日," + body)
                                                          ["2021-05-14_01.txt"], encoding="utf-8")
    build_site(config)
    assert set(articles(config.output)) == before  # a typo fixed in the first sentence moves nothing
    (tmp_path / "sources" / "2021-05-14_01.txt").write_text(_one_story("全总部署全年重点工作", body)
                                                          ["2021-05-14_01.txt"], encoding="utf-8")
    result = build_site(config)
    assert result.redirects == 1
    now = set(articles(config.output))
    [new] = sorted(now - before)
    [old] = [a for a in sorted(before) if 'http-equiv="refresh"' in (config.output / a).read_text(encoding="utf-8")]
    page = (config.output / old).read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in page and Path(new).name in page and 'name="robots" content="noindex"' in page
    sitemap = (config.output / "sitemap.xml").read_text(encoding="utf-8")
    feed = (config.output / "feed.xml").read_text(encoding="utf-8")
    assert old not in sitemap and Path(old).name not in feed and Path(new).name in sitemap


def test_a_term_gone_leaves_redirects_at_its_pages_that_stay_and_give_way_when_it_returns(tmp_path: Path) -> None:
    # a topic no item has any more, or an older page of a term that shrank: its published pages were kept as stale
    # copies (listing items that no longer carry it, linking to its withdrawn feed); now each is a redirect page,
    # to the term's front page while it has one, else to the list of its kind, out of the sitemap, kept by every
    # later build, and replaced by the term's own page when the term returns
    strike, quiet = "工人罢工\n工厂里\n", "工人复工\n工厂里\n"
    pages = {f"2021-05-{day:02d}_01.txt": strike for day in range(1, 24)}
    config = make_project(tmp_path / "p", pages, per_page=10)
    build_site(config, BuildOptions(), stages=TOY)
    site = config.output
    published = sorted(p.relative_to(site).as_posix() for p in (site / "topics" / "strike").rglob("index.html"))
    assert published == ["topics/strike/index.html", "topics/strike/page/1/index.html"]
    for day in range(2, 24):  # the topic shrinks to one item: its older page goes
        (tmp_path / "p" / "sources" / f"2021-05-{day:02d}_01.txt").write_text(quiet, encoding="utf-8")
    result = build_site(config, BuildOptions(), stages=TOY)
    older = (site / "topics/strike/page/1/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../../index.html"' in older and ">罢工</a>" in older
    assert "topics/strike/page/1/index.html" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert result.stale_kept == ()
    (tmp_path / "p" / "sources" / "2021-05-01_01.txt").write_text(quiet, encoding="utf-8")  # now it is gone
    build_site(config, BuildOptions(), stages=TOY)
    for path, target in (("topics/strike/index.html", "../index.html"), ("topics/strike/page/1/index.html",
                                                                           "../../../index.html")):
        text = (site / path).read_text(encoding="utf-8")
        assert f'http-equiv="refresh" content="0; url={target}"' in text and ">主题</a>" in text, path
    assert not (site / "topics/strike/feed.xml").exists()
    before = site_tree(site)
    again = build_site(config, BuildOptions(clean=True), stages=TOY)  # kept by later builds, --clean or not
    assert site_tree(site) == before and not again.removed
    (tmp_path / "p" / "sources" / "2021-05-01_01.txt").write_text(strike, encoding="utf-8")  # it returns
    build_site(config, BuildOptions(), stages=TOY)
    front = (site / "topics/strike/index.html").read_text(encoding="utf-8")
    assert "http-equiv" not in front and "工人罢工" in front
    assert "url=../../index.html" in (site / "topics/strike/page/1/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", [1, 2])
def test_cards_one_build_draws_are_kept_for_the_next_by_what_they_show(tmp_path: Path, jobs: int) -> None:
    # a day's rebuild shows ~4,500 older items on the term pages it renders: their cards, drawn by the build
    # before, are kept in the cache (one entry a month of items) and shown again, not drawn again; an item whose
    # card changed is drawn anew and its old drawing leaves the entry
    options = BuildOptions(jobs=jobs, parallel_min_render=1)
    pages = {f"2021-05-{day:02d}_01.txt": f"工人罢工第{day}天\n工厂里\n" for day in range(1, 6)}
    config = make_project(tmp_path / "p", pages)
    build_site(config, options, stages=TOY)
    cache = open_cache(config.cache_dir, None)
    keys = cache.keys("cards")
    assert len(keys) == 1  # the five items are of one month
    entry = cache.load("cards", keys[0])
    assert len(entry) == 5 and all(len(parts) == 2 and "工人罢工" in "".join(parts) for parts in entry.values())
    # what is kept is what the next build shows: a mark put into each kept drawing turns up on the topic's page,
    # which a new day re-renders, beside the new item's card, drawn now
    cache.store("cards", keys[0], {ref: (parts[0] + "<!--kept-->", *parts[1:]) for ref, parts in entry.items()})
    (tmp_path / "p" / "sources" / "2021-05-06_01.txt").write_text("工人罢工第6天\n工厂里\n", encoding="utf-8")
    build_site(config, options, stages=TOY)
    front = (config.output / "topics" / "strike" / "index.html").read_text(encoding="utf-8")
    assert front.count("<!--kept-->") == 5 and "工人罢工第6天" in front
    assert len(cache.load("cards", keys[0])) == 6
    # an item whose card changed (its title) is drawn again, and its old drawing goes
    (tmp_path / "p" / "sources" / "2021-05-01_01.txt").write_text("工人罢工首日\n工厂里\n", encoding="utf-8")
    build_site(config, options, stages=TOY)
    kept = cache.load("cards", keys[0])
    assert len(kept) == 6 and sum("首日" in "".join(parts) for parts in kept.values()) == 1
    assert not any("第1天" in "".join(parts) for parts in kept.values())
    # a damaged entry is drawn again (a drawing with no link in it too: the card would vanish): the site is then the
    # cold build's
    assert cache.load("cards", keys[0])
    cache.store("cards", keys[0], {ref: () for ref in cache.load("cards", keys[0])})
    (tmp_path / "p" / "sources" / "2021-05-08_01.txt").write_text("工人罢工第8天\n工厂里\n", encoding="utf-8")
    build_site(config, options, stages=TOY)
    front = (config.output / "topics" / "strike" / "index.html").read_text(encoding="utf-8")
    assert front.count("工人罢工") == 7 and "<!--kept-->" not in front  # every item's card, drawn again
    cache.store("cards", keys[0], {"not": "cards"})
    (tmp_path / "p" / "sources" / "2021-05-07_01.txt").write_text("工人罢工第7天\n工厂里\n", encoding="utf-8")
    build_site(config, options, stages=TOY)
    cold = make_project(tmp_path / "cold", {**pages, "2021-05-01_01.txt": "工人罢工首日\n工厂里\n",
                                            "2021-05-06_01.txt": "工人罢工第6天\n工厂里\n",
                                            "2021-05-07_01.txt": "工人罢工第7天\n工厂里\n",
                                            "2021-05-08_01.txt": "工人罢工第8天\n工厂里\n"})
    build_site(cold, options, stages=TOY)
    warm_tree, cold_tree = site_tree(config.output), site_tree(cold.output)
    assert warm_tree["topics/strike/index.html"] == cold_tree["topics/strike/index.html"]
    # (pages the forged step rendered and nothing since changed still carry its mark: only they differ)
    assert sorted(warm_tree) == sorted(cold_tree)
    assert all(b"<!--kept-->" in warm_tree[p] for p in cold_tree if warm_tree[p] != cold_tree[p])


def test_a_deleted_page_redirects_its_articles_to_the_issue_and_the_history_file_keeps_them(tmp_path: Path) -> None:
    history = tmp_path / "published-urls.tsv"
    config = make_project(tmp_path, _one_story("全总部署今年工作", "日前,全国总工会召开会议,部署工作。"),
                          url_history=history)
    build_site(config)
    gone = [a for a in articles(config.output) if "<h1>全总部署" in (config.output / a).read_text(encoding="utf-8")]
    assert len(gone) == 1
    (tmp_path / "sources" / "2021-05-14_01.txt").unlink()
    build_site(config)
    assert "issues/2021-05-14/index.html" in (config.output / gone[0]).read_text(encoding="utf-8")
    assert gone[0] in history.read_text(encoding="utf-8")
    # a fresh checkout (no output, no cache) still knows the URL from the history file
    shutil.rmtree(config.output)
    shutil.rmtree(config.cache_dir)
    build_site(config)
    assert 'http-equiv="refresh"' in (config.output / gone[0]).read_text(encoding="utf-8")


def test_a_history_file_archive_gen_did_not_write_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.tsv").write_text("my own notes\n", encoding="utf-8")
    config = make_project(tmp_path, url_history=tmp_path / "notes.tsv")
    with pytest.raises(OutputError, match="archive-gen did not write it"):
        build_site(config)
    assert (tmp_path / "notes.tsv").read_text(encoding="utf-8") == "my own notes\n"


# ---------------------------------------------------------------------------------------------
# incremental equals cold, after every kind of change

def _equal_to_cold(warm: Config, result: BuildResult, cold_root: Path, label: str) -> None:
    cold = dataclasses.replace(warm, root=cold_root, sources=(cold_root / "sources",), output=cold_root / "site",
                               cache_dir=cold_root / ".archive-cache",
                               url_history=cold_root / "published-urls.tsv")
    shutil.copytree(warm.sources[0], cold.sources[0])
    if warm.url_history is not None and warm.url_history.is_file():
        shutil.copy2(warm.url_history, cold.url_history)  # type: ignore[arg-type]
    if (warm.root / "templates").is_dir():
        shutil.copytree(warm.root / "templates", cold_root / "templates")
    # (two workers: the same site as one, tests/test_cli.py::test_jobs_and_locale_do_not_change_a_byte)
    cold_result = build_site(cold, BuildOptions(jobs=2))
    assert result.exit_code == cold_result.exit_code == 0, (result.errors, cold_result.errors)
    warm_tree, cold_tree = site_tree(warm.output), site_tree(cold.output)
    # the ownership manifests differ only by the stale files the warm one also owns
    warm_manifest, cold_manifest = (json.loads(gzip.decompress((c.output / MANIFEST_PATH).read_bytes()))
                                    for c in (warm, cold))
    assert warm_manifest["articles"] == cold_manifest["articles"], label
    # a term page the warm site published and the cold one does not make is a redirect to a page of the cold site
    # (a term gone, an older page of a term that shrank): the warm build knows the URL, the cold one never did
    redirects = term_redirects(warm_tree, cold_tree)
    assert sorted(set(warm_manifest["files"]) - set(cold_manifest["files"])) == sorted(
        [*result.stale_kept, *redirects]), label
    # without --clean, pages that no longer exist (a deleted page's 版面 page) stay, and are reported
    assert sorted(set(warm_tree) - set(cold_tree) - set(redirects)) == sorted(result.stale_kept), f"{label}: extra"
    assert all(not rel.startswith(("articles/", "search/")) for rel in result.stale_kept)
    assert sorted(set(cold_tree) - set(warm_tree)) == [], f"{label}: files missing"
    for rel in [*result.stale_kept, *redirects]:
        del warm_tree[rel]
    differing = [rel for rel in sorted(cold_tree) if warm_tree[rel] != cold_tree[rel]]
    assert differing == [], f"{label}: {differing[:5]}"


@pytest.mark.slow
@pytest.mark.parametrize(("per_day", "serving"), [(None, False), (40, True)], ids=["years", "daily-serve"])
def test_incremental_builds_equal_cold_builds_after_every_kind_of_change(tmp_path: Path, per_day: int | None,
                                                                         serving: bool) -> None:
    """Every shortcut of an incremental build (cached records and summaries, kept pages, cached related
    lists and search shards, staged writes) must never show: after each change the incremental site
    equals a cold build of the same sources byte for byte, on a corpus spread over years and on a daily
    one rebuilt the way ``serve`` does (one session: cache entries and the tagger kept in memory) with two
    workers (a build with one shard to index indexes it ahead, beside the archive and the render pool). The
    first is built as ``archive-gen build --jobs 2`` does: a few changed pages are parsed in a worker forked
    ahead while the last build's archive is assembled, for an edit to keep and a new day to extend."""
    gen = bench_generator()
    options = BuildOptions(jobs=2, parallel_min_pages=1, parallel_min_render=1) if serving else BuildOptions(jobs=2)
    pages = gen.generate_corpus(100, 3, per_day)
    root = tmp_path / "warm"
    warm = make_project(root, {}, per_page=3, url_history=root / "published-urls.tsv")
    gen.write_raw(pages, warm.sources[0])
    session = BuildSession() if serving else None
    assert build_site(warm, options, session=session).exit_code == 0
    source = warm.sources[0]
    files = sorted(source.iterdir())
    dates = sorted({dt.date.fromisoformat(p.date) for p in pages})
    middle = dates[0] + (dates[-1] - dates[0]) / 2 + dt.timedelta(hours=12)
    day = middle.date() if isinstance(middle, dt.datetime) else middle

    def retitle() -> None:
        text = files[5].read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.strip() and len(line) < 30)
        files[5].write_text(text.replace(title, title + "纪实", 1), encoding="utf-8")

    def template() -> None:
        (root / "templates").mkdir(exist_ok=True)
        builtin = Path(__file__).resolve().parents[1] / "templates" / "article.html"
        (root / "templates" / "article.html").write_text(
            builtin.read_text(encoding="utf-8").replace("引用本文", "引用本篇"), encoding="utf-8")

    def added_page() -> None:
        # a page more for an existing issue: its 版面导航 (下一版 of the last page), the issue page and
        # the next issue's first article (上一篇 runs on into this issue's new last item) change
        date = sorted({p.date for p in pages})[len(dates) // 3]
        extra = gen.generate_day(7, dt.date.fromisoformat(date), 6, 1)[0]
        gen.write_raw([dataclasses.replace(extra, page=max(p.page for p in pages) + 1)], source / "added")

    def corrected() -> None:
        # a typo fixed near the end of a page: only the text changes, not what cards or feeds show
        text = files[4].read_text(encoding="utf-8")
        at = text.rindex(",", 0, len(text) - 40)
        files[4].write_text(text[:at] + "、" + text[at + 1:], encoding="utf-8")

    rounds: list[tuple[str, Any]] = [
        ("new day", lambda: gen.write_raw(gen.extra_day(pages, 3, per_day), source)),
        ("correction in a body", corrected),
        ("page added to an issue", added_page),
        ("edit", lambda: files[3].write_text(files[3].read_text(encoding="utf-8").replace("工会", "总工会", 1),
                                             encoding="utf-8")),
        ("deletion", lambda: files[7].unlink()),
        ("back-filled day", lambda: gen.write_raw(gen.generate_day(4, day, 30, 4), source / "backfill")),
        ("title change", retitle),
        ("template change", template),
    ]
    for number, (label, change) in enumerate(rounds):
        change()
        result = build_site(warm, options, session=session)
        if label == "correction in a body":
            # its article and its 版面 page are all that show the text; the other items of its page are
            # keyed again (their record keys are the page's), the issue, terms and related lists are not
            pages_written = [p for p in result.written if p.endswith(".html")]
            assert [p.split("/")[0] for p in pages_written] == ["articles", "issues"], pages_written
            assert result.pages_rendered <= 15, result.pages_rendered
        _equal_to_cold(warm, result, tmp_path / f"cold{number}", label)
    if session is not None:
        assert session.entries, "the session kept no cache entry"
    taxonomy = dataclasses.replace(warm, taxonomy=TaxonomyConfig(extend=(
        TopicSpec("jineng", "技能人才", "技能人才培养", ("技能人才",)),)))
    result = build_site(taxonomy, options, session=session)
    assert result.pages_parsed == 0
    _equal_to_cold(taxonomy, result, tmp_path / "cold-taxonomy", "taxonomy change")


@pytest.mark.parametrize("per_page", [1, 2, 3, 20])
def test_archived_page_count_agrees_with_the_term_plan(per_page: int) -> None:
    from archive_gen.archive import Term
    from archive_gen.pages import archived_pages, term_plan

    for count in range(0, 70):
        term = Term("t", "t", tuple(str(n) for n in range(count)))
        assert archived_pages(count, per_page) == term_plan(term, per_page)[1], count
