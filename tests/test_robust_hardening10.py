"""Hardening round 10: faults found by probing odd but plausible source file names (the same name in two
source folders or in two encodings, dates that do not exist, full-width digits), serve (an edit during its
first build, its output deleted under it, requests for the output's own records) and init's advice, through
the real command line and the dev server. Each test failed before its fix."""

from __future__ import annotations

import http.client
import json
import os
import shutil
from pathlib import Path

import pytest

from archive_gen.build import BuildOptions
from archive_gen.serve import DevServer, ServeLimits
from projects import TOY, make_project
from robust_util import SEEDS, invoke, stderr_lines

SEED_A = SEEDS / "000_d00d0f73704abedd.txt"
SEED_B = SEEDS / "001_71b934195b22698b.txt"


def _export(*args: str) -> list[dict[str, object]]:
    code, out, err = invoke("export", *args, "--format", "jsonl")
    assert code == 0 and "Traceback" not in err, err
    return [json.loads(line) for line in out.splitlines()]


def _articles(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in (site / "articles").rglob("*.html")}


def test_two_page_files_of_one_name_keep_every_item_and_a_page_each(tmp_path: Path) -> None:
    # the same relative name in two source folders (build a b), or a GBK-named file beside its UTF-8 twin,
    # gave two files one source name: the second page's items were all dropped as "another page's item has
    # this id" (exit 1, both error lines naming the same file) and the two pages shared one 版面 URL
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(SEED_A, tmp_path / "a" / "2021-05-14_01.txt")
    shutil.copy(SEED_B, tmp_path / "b" / "2021-05-14_01.txt")
    (tmp_path / "c").mkdir()
    shutil.copy(SEED_A, tmp_path / "c" / "2021-05-15_工会.txt")
    shutil.copy(SEED_B, os.path.join(os.fsencode(tmp_path / "c"), "2021-05-15_工会.txt".encode("gb18030")))
    roots = [str(tmp_path / name) for name in ("a", "b", "c")]
    records = _export(*roots)
    assert len({r["source"] for r in records}) == 4
    site = tmp_path / "site"
    code, _, err = invoke("build", *roots, "--output", str(site), "--verbose")
    assert code == 0 and "Traceback" not in err, err
    assert len(_articles(site)) == len({r["id"] for r in records}) == len(records)
    pages = [p for p in (site / "issues").rglob("*.html") if p.name != "index.html"]
    assert len(pages) == 4
    warned = [line for line in stderr_lines(err) if "also named" in line]
    assert warned == [
        f"b/2021-05-14_01.txt: warning: another page file is also named 2021-05-14_01.txt; this one "
        f"({tmp_path / 'b' / '2021-05-14_01.txt'}) is named b/2021-05-14_01.txt in the archive",
        f"c/2021-05-15_工会.txt: warning: another page file is also named 2021-05-15_工会.txt; this one "
        f'("{tmp_path / "c"}/2021-05-15_\\xb9\\xa4\\xbb\\xe1.txt") is named c/2021-05-15_工会.txt in the archive',
    ]
    # the names are stable: a second build is up to date
    code, out, err = invoke("build", *roots, "--output", str(site))
    assert code == 0 and "up to date" in out, err


def test_a_date_in_a_file_name_that_is_not_read_is_reported(tmp_path: Path) -> None:
    # a name meant to date its page but holding no date (2021-02-30, month 13), one written without zeros,
    # or two dates: the page was dated silently from its text (two years away for the month-13 name) or by
    # the first date; now one warning names the file, what is wrong and the date the page got instead
    names = ["2021-02-30_01.txt", "2021-13-01_02.txt", "2021-5-22_01.txt", "2021-05-14_2021-05-15_03.txt"]
    for name in names:
        shutil.copy(SEED_A, tmp_path / name)
    code, out, err = invoke("check", str(tmp_path))
    assert code == 0 and "Traceback" not in err, err
    assert [line for line in out.splitlines() if "file name" in line] == [
        "2021-02-30_01.txt: warning: the file name's 2021-02-30 is not a date (2021-02 has no day 30); dated "
        "2021-05-14 from its text, a guess (set pages.2021-02-30_01.txt.date in archive.yaml)",
        "2021-05-14_2021-05-15_03.txt: warning: the file name holds two dates, 2021-05-14 and 2021-05-15; the "
        "first was used",
        "2021-13-01_02.txt: warning: the file name's 2021-13-01 is not a date (there is no month 13); dated "
        "2021-05-14 from its text, a guess (set pages.2021-13-01_02.txt.date in archive.yaml)",
        "2021-5-22_01.txt: warning: the file name's 2021-5-22 is not read as a date (write 2021-05-22); dated "
        "2021-05-14 from its text, a guess (set pages.2021-5-22_01.txt.date in archive.yaml)",
    ]
    # an override dates the page: nothing to say
    (tmp_path / "archive.yaml").write_text(
        f"source: {tmp_path}\npages:\n  2021-02-30_01.txt: {{date: 2021-03-01}}\n", encoding="utf-8"
    )
    code, out, err = invoke("check", "--config", str(tmp_path / "archive.yaml"))
    assert code == 0 and "2021-02-30_01.txt: warning: the file name" not in out, err


def test_full_width_digits_in_a_file_name_date_the_page(tmp_path: Path) -> None:
    # "２０２１－０５－１６_０１.txt", as a Chinese input method types it, was not read: the page was dated
    # from its text (2024-06-06 for this seed) and had no page number
    shutil.copy(SEED_A, tmp_path / "２０２１－０５－１６_０１.txt")
    records = _export(str(tmp_path), "--no-tags")
    assert {(r["date"], r["date_inferred"], r["page"]) for r in records} == {("2021-05-16", False, 1)}


def test_an_edit_saved_while_serve_builds_the_first_time_is_rebuilt(tmp_path: Path) -> None:
    # serve starts its watcher after the first build: a page saved while that build ran was never rebuilt
    # (the served site kept the old text until some later edit)
    config = make_project(tmp_path)
    page = config.sources[0] / "2021-05-14_02.txt"

    def edit_during_the_first_build(result: object) -> None:
        if not page.read_text(encoding="utf-8").startswith("构建时改的标题"):
            page.write_text("构建时改的标题\n正文", encoding="utf-8")

    server = DevServer(
        lambda: config,
        BuildOptions(),
        port=0,
        stages=TOY,
        echo=lambda line: None,
        on_build=edit_during_the_first_build,
    )
    try:
        server.build()
        server.watch(ServeLimits(seconds=8, rebuilds=1))
        assert server.rebuilds == 1
        assert "构建时改的标题" in (config.output / "index.html").read_text(encoding="utf-8")
        # nothing changed since: no rebuild
        server.watch(ServeLimits(seconds=1.5))
        assert server.rebuilds == 1
    finally:
        server.close()


def test_a_site_deleted_while_serving_is_built_again(tmp_path: Path) -> None:
    # the watcher leaves the output alone, so "rm -rf site" under a running serve was answered with 404s
    # for every page until some source was edited
    config = make_project(tmp_path)
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    try:
        server.build()
        home = (config.output / "index.html").read_bytes()
        shutil.rmtree(config.output)
        server.watch(ServeLimits(seconds=8, rebuilds=1))
        assert server.rebuilds == 1
        assert (config.output / "index.html").read_bytes() == home
    finally:
        server.close()


def test_serve_does_not_publish_the_outputs_own_records(tmp_path: Path) -> None:
    # .archive-gen/manifest.json.gz (every source name and article opening) and .archive-gen/build.lock (the
    # builder's pid) were served like pages, though the published site (GitHub Pages' artifact leaves hidden
    # files out) has neither
    config = make_project(tmp_path)
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    try:
        server.build()
        assert (config.output / ".archive-gen" / "manifest.json.gz").is_file()
        server.start()
        host, port = server.url.split("//")[1].rstrip("/").rsplit(":", 1)
        for path in (
            "/.archive-gen/manifest.json.gz",
            "/%2earchive-gen/build.lock",
            "/.nojekyll",
            "/index.html",
        ):
            conn = http.client.HTTPConnection(host, int(port), timeout=5)
            try:
                conn.request("GET", path)
                status = conn.getresponse().status
            finally:
                conn.close()
            assert status == (200 if path == "/index.html" else 404), path
    finally:
        server.close()


def test_two_page_files_given_by_path_with_one_dated_name_are_named_by_their_folders(tmp_path: Path) -> None:
    # x/2021/05/14/01.txt and y/2021/05/14/01.txt are both named 2021/05/14/01.txt (a file given on its own
    # is named by its dated tail); the second is named under the folder that name starts below, y, not
    # under the day's folder (14/2021/05/14/01.txt)
    for folder, seed in (("x", SEED_A), ("y", SEED_B)):
        (tmp_path / folder / "2021" / "05" / "14").mkdir(parents=True)
        shutil.copy(seed, tmp_path / folder / "2021" / "05" / "14" / "01.txt")
    given = [str(tmp_path / folder / "2021" / "05" / "14" / "01.txt") for folder in ("x", "y")]
    code, out, _ = invoke("check", *given)
    assert code == 0
    assert [line for line in out.splitlines() if "also named" in line] == [
        f"y/2021/05/14/01.txt: warning: another page file is also named 2021/05/14/01.txt; this one ({given[1]}) "
        "is named y/2021/05/14/01.txt in the archive"
    ]
    assert {(r["source"], r["date"], r["page"]) for r in _export(*given, "--no-tags")} == {
        ("2021/05/14/01.txt", "2021-05-14", 1),
        ("y/2021/05/14/01.txt", "2021-05-14", 1),
    }


def test_init_tells_a_next_command_the_shell_can_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "Next: cd my archive && archive-gen build" took the shell to "my"; a name in bytes that are not UTF-8
    # was printed as the Python escape "\udcff", which no shell reads
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("init", "my archive")
    assert code == 0
    assert out.splitlines()[-1].startswith("Next: cd 'my archive' && archive-gen build")
    code, out, _ = invoke("init", os.fsdecode(b"k\xff"))
    assert code == 0 and "\\udc" not in out, out
    assert 'created "k\\xff/about.md"' in out.splitlines()
    # ANSI-C quotes (round 17): "k\\xff" in double quotes is read by a shell as a backslash, x, f, f
    assert out.splitlines()[-1].startswith("Next: cd $'k\\xff' && archive-gen build")


def test_a_days_folder_given_as_the_source_dates_its_pages(tmp_path: Path) -> None:
    # "check issues/2021-05-14" named the page 01.txt: it was dated from its text (2024-06-06 for this seed)
    # with no page number, while "check issues" or the file alone dated it 2021-05-14, page 1
    seed = SEEDS / "003_612e8b81a30c8a2d.txt"
    for folder in ("issues/2021-05-14", "issues/2021/05/15", "export-20210516"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(seed, tmp_path / folder / "01.txt")

    def pages(*given: str) -> set[tuple[object, ...]]:
        return {(r["source"], r["date"], r["page"]) for r in _export(*given, "--no-tags")}

    day = str(tmp_path / "issues" / "2021-05-14")
    assert pages(day) == pages(day + "/01.txt") == {("2021-05-14/01.txt", "2021-05-14", 1)}
    assert pages(str(tmp_path / "issues" / "2021" / "05")) == {("2021/05/15/01.txt", "2021-05-15", 1)}
    # a date inside a longer folder name is not the folder of a day: as before
    assert pages(str(tmp_path / "export-20210516")) == {("01.txt", "2024-06-06", None)}


def test_an_override_keyed_by_the_path_below_the_source_folder_still_applies(tmp_path: Path) -> None:
    # pages: is keyed by the path below the source folder; a page the archive now names otherwise (a day's
    # folder as the source, a name two source folders share) keeps the override written for that path
    (tmp_path / "issues" / "2021-05-14").mkdir(parents=True)
    shutil.copy(SEED_A, tmp_path / "issues" / "2021-05-14" / "01.txt")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED_B, tmp_path / folder / "2021-05-15_01.txt")
    (tmp_path / "archive.yaml").write_text(
        "source: [issues/2021-05-14, a, b]\npages:\n  01.txt: {page: 3}\n  2021-05-15_01.txt: {date: 2021-06-01}\n",
        encoding="utf-8",
    )
    records = _export("--config", str(tmp_path / "archive.yaml"), "--no-tags")
    assert {(r["source"], r["date"], r["page"]) for r in records} == {
        ("2021-05-14/01.txt", "2021-05-14", 3),
        ("2021-05-15_01.txt", "2021-06-01", 1),
        ("b/2021-05-15_01.txt", "2021-06-01", 1),
    }
