"""Hardening round 15: faults found by attacking file names, configs, caches, concurrency, signals and `serve`
through the real CLI in temporary folders: a page read while it was being written, term feeds that stayed stale
until `--clean`, and serve's redirects. Each test failed before its fix (docs/robustness.md "Round 15" lists
what was attacked and already right)."""

from __future__ import annotations

import dataclasses
import gzip
import http.client
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_gen import sources
from archive_gen.build import BuildOptions, build_site
from archive_gen.config import PageOverride
from archive_gen.model import Page
from archive_gen.serve import DevServer
from projects import TOY, make_project, site_tree, toy_parse
from robust_util import SEED, SEEDS, invoke, one_error_line, tree_state

STRIKE = "工人罢工\n工厂里\n"  # the toy tagger gives it the topic 'strike'
QUIET = "东西协作谱新篇\n图片说明\n"
PAGE = "2021-05-14_01.txt"
OTHER = {"2021-05-15_01.txt": "新就业形态\n快递员入会\n"}


def _cold(tmp_path: Path, pages: dict[str, str]) -> dict[str, bytes]:
    config = make_project(tmp_path / "cold", pages)
    assert build_site(config, BuildOptions(), stages=TOY).exit_code == 0
    return site_tree(config.output)


# ---------------------------------------------------------------------------------------------
# a page read while it is being written

# source name -> what a writer does to the page file while the build parses that page
_WRITING: dict[str, Callable[[], None]] = {}


def _parse_while_written(data: bytes, source: str, override: PageOverride | None) -> tuple[Page, str]:
    writer = _WRITING.get(source)
    if writer is not None:
        writer()
    return toy_parse(data, source, override)


WRITTEN = dataclasses.replace(TOY, parse=_parse_while_written)
HALF = "工人罢工\n工厂里\n\n第二篇"
WHOLE = HALF + "\n正文很长\n\n第三篇\n正文\n"


def test_a_page_finished_while_the_build_reads_it_is_read_again_whole(tmp_path: Path) -> None:
    # the build read the first half of a page still being written (a copy, an export, an editor's save) and
    # published it (the last story cut, or missing) with exit 0 and not a word; the next build found it whole
    config = make_project(tmp_path / "warm", {PAGE: HALF, **OTHER})
    page = tmp_path / "warm" / "sources" / PAGE
    _WRITING[PAGE] = lambda: (_WRITING.pop(PAGE), page.write_text(WHOLE, encoding="utf-8"))
    try:
        result = build_site(config, BuildOptions(), stages=WRITTEN)
    finally:
        _WRITING.clear()
    assert not result.errors and result.items == 4, result.errors
    assert site_tree(config.output) == _cold(tmp_path, {PAGE: WHOLE, **OTHER})


def test_a_page_that_goes_on_changing_while_the_build_reads_it_is_an_error_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "READ_QUIET", 0.05, raising=False)
    monkeypatch.setattr(sources, "READ_WAIT", 0.2, raising=False)
    config = make_project(tmp_path / "warm", {PAGE: HALF, **OTHER})
    page = tmp_path / "warm" / "sources" / PAGE

    def append() -> None:
        with page.open("a", encoding="utf-8") as fh:
            fh.write("\n续")

    _WRITING[PAGE] = append
    try:
        result = build_site(config, BuildOptions(), stages=WRITTEN)
    finally:
        _WRITING.clear()
    # said, once, naming the file; the other pages built; exit 1
    assert [(n.source, n.code, n.level) for n in result.errors] == [(PAGE, "changing", "error")]
    assert "is it still being written?" in str(result.errors[0]) and result.exit_code == 1
    assert (config.output / "issues" / "2021-05-15" / "index.html").is_file()
    # never remembered as up to date: once the writer is done, the next build reads it and is right
    final = page.read_text(encoding="utf-8")
    again = build_site(config, BuildOptions(), stages=WRITTEN)
    assert not again.errors and not again.up_to_date
    assert site_tree(config.output) == _cold(tmp_path, {PAGE: final, **OTHER})


def test_a_page_that_changes_after_the_build_read_it_is_said_by_build_not_by_serve(tmp_path: Path) -> None:
    # a writer that pauses longer than the record stage takes (a copy that stalls) is not seen by its passes: a
    # change once the pages are read says the page read may be part of one. serve's watcher rebuilds it instead
    config = make_project(tmp_path / "warm", {PAGE: HALF, **OTHER})
    page = tmp_path / "warm" / "sources" / PAGE
    result = build_site(config, BuildOptions(), stages=TOY,
                        committed=lambda output, written: page.write_text(WHOLE, encoding="utf-8"))
    assert [(n.source, n.code, n.level) for n in result.errors] == [(PAGE, "changing", "error")]
    again = build_site(config, BuildOptions(), stages=TOY)  # never remembered as up to date
    assert not again.errors and not again.up_to_date and again.items == 4
    page.write_text(HALF, encoding="utf-8")
    served = build_site(config, BuildOptions(watched=True), stages=TOY,
                        committed=lambda output, written: page.write_text(WHOLE, encoding="utf-8"))
    assert not served.errors


def test_check_and_export_say_when_a_page_changed_while_they_read_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # check and export read each page once: a page still being written was printed half, exit 0, not a word
    monkeypatch.setattr(sources, "READ_QUIET", 0.05, raising=False)
    monkeypatch.setattr(sources, "READ_WAIT", 0.3, raising=False)
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(SEED, folder / "2021-05-15_01.txt")
    page = folder / PAGE
    page.write_text("工会工作会议召开\n\n本报讯 工人们在车间里忙碌。\n", encoding="utf-8")
    read = sources.read_bytes

    def read_while_written(source: sources.SourceFile, limit: int, settle: float = 0.0) -> bytes:
        data = read(source, limit, settle)
        if source.path == page:  # a writer's next chunk lands just after each read
            with page.open("a", encoding="utf-8") as fh:
                fh.write("本报讯 工人们在车间里忙碌。\n")
        return data

    monkeypatch.setattr(sources, "read_bytes", read_while_written)
    for command in (("check",), ("export", "--no-tags")):
        code, out, err = invoke(*command, str(folder))
        said = [line for line in (out + err).splitlines() if ": error: " in line]
        assert code == 1 and said == [f"{PAGE}: error: {sources.CHANGING_MESSAGE}"], (out[-300:], err)
        assert "Traceback" not in err
    # once the file is saved, both read it without a word
    monkeypatch.setattr(sources, "read_bytes", read)
    assert invoke("check", "-q", str(folder))[0] == 0


# ---------------------------------------------------------------------------------------------
# term feeds: incremental equals cold


def test_a_term_feed_of_an_undated_item_follows_the_build_date_a_new_day_moves(tmp_path: Path) -> None:
    # an undated item's feed entry is dated by the build (the newest issue's day): a new newest day that left the
    # term alone kept the feed's old date until --clean (regions/…/feed.xml of the seeds plus an undated page)
    pages = {"notes.txt": STRIKE, "2021-05-14_01.txt": QUIET}
    config = make_project(tmp_path / "warm", pages)
    build_site(config, BuildOptions(), stages=TOY)
    feed = config.output / "topics" / "strike" / "feed.xml"
    assert "2021-05-14T00:00:00Z" in feed.read_text(encoding="utf-8")
    (tmp_path / "warm" / "sources" / "2021-06-01_01.txt").write_text(QUIET, encoding="utf-8")
    result = build_site(config, BuildOptions(), stages=TOY)
    assert "2021-06-01T00:00:00Z" in feed.read_text(encoding="utf-8")
    assert site_tree(config.output) == _cold(tmp_path, {**pages, "2021-06-01_01.txt": QUIET}), result.written


def test_a_term_feed_goes_with_the_terms_last_item(tmp_path: Path) -> None:
    # the only article of a topic lost its tag (or its page was deleted, or the topic left the taxonomy): the
    # topic's feed was a stale file, kept until --clean and still offering its entries to every feed reader
    pages = {"2021-05-14_01.txt": STRIKE, "2021-05-15_01.txt": QUIET}
    config = make_project(tmp_path / "warm", pages)
    build_site(config, BuildOptions(), stages=TOY)
    feed = config.output / "topics" / "strike" / "feed.xml"
    assert feed.is_file()
    (tmp_path / "warm" / "sources" / "2021-05-14_01.txt").write_text("工人复工\n工厂里\n", encoding="utf-8")
    result = build_site(config, BuildOptions(), stages=TOY)
    assert not feed.exists() and "topics/strike/feed.xml" in result.removed
    # the term's page becomes a redirect to the topics (test_build: a term gone leaves redirects), and nothing
    # else differs
    assert result.stale_kept == ()
    warm = site_tree(config.output)
    assert b'http-equiv="refresh"' in warm.pop("topics/strike/index.html")
    assert warm == _cold(tmp_path, {**pages, "2021-05-14_01.txt": "工人复工\n工厂里\n"})
    # a user's file named like a feed, beside the site, is never removed
    build_site(make_project(tmp_path / "warm", {"2021-05-14_01.txt": STRIKE}), BuildOptions(), stages=TOY)
    mine = config.output / "topics" / "mine" / "feed.xml"
    mine.parent.mkdir()
    mine.write_text("<feed/>", encoding="utf-8")
    (tmp_path / "warm" / "sources" / "2021-05-14_01.txt").write_text("工人复工\n工厂里\n", encoding="utf-8")
    build_site(config, BuildOptions(allow_foreign=True), stages=TOY)
    assert mine.read_text(encoding="utf-8") == "<feed/>"


# ---------------------------------------------------------------------------------------------
# serve's redirects


def _ask(server: DevServer, path: str, method: str = "GET") -> http.client.HTTPResponse:
    host, port = server.url[len("http://"):].rstrip("/").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request(method, path)
    answer = conn.getresponse()
    answer.read()
    conn.close()
    return answer


def test_serve_redirects_a_folder_to_its_slash_without_letting_the_browser_keep_it(tmp_path: Path) -> None:
    # the 301 of /topics -> /topics/ said no Cache-Control: a browser keeps such a redirect for good, so the
    # address went on leading to the folder after it became a page of its own; every other answer said no-store
    config = make_project(tmp_path, {"2021-05-14_01.txt": STRIKE})
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    try:
        server.build()
        server.start()
        for method in ("GET", "HEAD"):
            answer = _ask(server, "/topics", method)
            assert answer.status == 301 and answer.getheader("Location") == "/topics/"
            assert answer.getheader("Cache-Control") == "no-store"
        # the query stays; the address is the folder's own path, never one a browser reads as another host
        assert _ask(server, "/topics/strike?from=feed").getheader("Location") == "/topics/strike/?from=feed"
        assert _ask(server, "//topics").getheader("Location") == "/topics/"
        assert _ask(server, "/topics/./strike").getheader("Location") == "/topics/strike/"
        # the server's own errors say it too (501 for POST), once
        refused = _ask(server, "/", "POST")
        assert refused.status == 501 and refused.getheader("Cache-Control") == "no-store"
        assert _ask(server, "/").headers.get_all("Cache-Control") == ["no-store"]
    finally:
        server.close()


# ---------------------------------------------------------------------------------------------
# the output folder, the cache and the URL history


def _project(tmp_path: Path, config: str) -> Path:
    (tmp_path / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, tmp_path / "sources" / "2021-05-14_01.txt")
    (tmp_path / "archive.yaml").write_text("source: sources\n" + config, encoding="utf-8")
    return tmp_path / "archive.yaml"


@pytest.mark.parametrize("output", [".archive-cache/site", ".archive-cache/outputs"])
def test_an_output_folder_inside_the_cache_is_refused(tmp_path: Path, output: str) -> None:
    # the output inside the cache was built: the cache's CACHEDIR.TAG hid the site from backups, and named like
    # a folder of the cache (outputs/) the cache wrote its entries into the published site
    config = _project(tmp_path, f"output: {output}\n")
    invoke("build", "-q", "--config", str(config), "-o", str(tmp_path / "site"))  # the cache is there (the site beside it:
    # -o is read from the current folder, which the test must leave alone)
    before = tree_state(tmp_path)
    code, out, err = invoke("build", "--config", str(config))
    assert (code, out) == (2, "") and tree_state(tmp_path) == before
    assert one_error_line(err) == (f"archive-gen: error: {tmp_path / output}: output folder is inside "
                                   f"{tmp_path / '.archive-cache'} (choose a folder of its own, e.g. --output site)")


def test_an_output_folder_that_is_a_loop_of_links_is_one_line(tmp_path: Path) -> None:
    # a RuntimeError traceback in build and serve
    config = _project(tmp_path, "output: site\n")
    (tmp_path / "site").symlink_to(tmp_path / "site")
    for command in ("build", "serve"):
        code, out, err = invoke(command, "--config", str(config), *(("--port", "0") if command == "serve" else ()))
        assert (code, out) == (2, ""), err
        assert one_error_line(err) == (f"archive-gen: error: {tmp_path / 'site'}: cannot use the output folder: "
                                       "Too many levels of symbolic links (choose a folder of its own, e.g. --output "
                                       "site)")


def test_a_url_history_kept_through_a_link_is_written_where_the_link_leads(tmp_path: Path) -> None:
    # the history kept in another folder (a shared one, another repository) through a link: the first build
    # replaced the link by a file of its own, and the shared file was never written
    shared = tmp_path / "shared" / "urls.tsv"
    shared.parent.mkdir()
    config = _project(tmp_path / "proj", "output: site\nurl_history: urls.tsv\n")
    (tmp_path / "proj" / "urls.tsv").symlink_to(shared)  # not there yet
    assert invoke("build", "-q", "--config", str(config))[0] == 0
    assert (tmp_path / "proj" / "urls.tsv").is_symlink() and shared.read_text(encoding="utf-8").count("\n") > 2
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", tmp_path / "proj" / "sources")
    assert invoke("build", "-q", "--config", str(config))[0] == 0
    assert (tmp_path / "proj" / "urls.tsv").is_symlink() and "articles/2023/" in shared.read_text(encoding="utf-8")
    # a loop of links is said before the build (it read as no history, and failed once the site was written)
    (tmp_path / "proj" / "urls.tsv").unlink()
    (tmp_path / "proj" / "urls.tsv").symlink_to(tmp_path / "proj" / "urls.tsv")
    before = tree_state(tmp_path / "proj" / "site")
    code, _, err = invoke("build", "--config", str(config), "--force")
    assert code == 2 and tree_state(tmp_path / "proj" / "site") == before
    assert one_error_line(err) == (f"archive-gen: error: {tmp_path / 'proj' / 'urls.tsv'}: cannot read the URL "
                                   "history: Too many levels of symbolic links")


@pytest.mark.parametrize(("url", "says"), [
    ("https://user:secret@a.org/", "'base_url' must not hold a user name or password (…@): every page's address "
                                   "would publish it"),
    ("https://a.org/../x/", "'base_url' must not hold '.' or '..' folders (got 'https://a.org/../x/')"),
    ("https://a.org/%2e%2e/", "'base_url' must not hold '.' or '..' folders (got 'https://a.org/%2e%2e/')"),
])
def test_a_base_url_with_credentials_or_dot_folders_is_refused(tmp_path: Path, url: str, says: str) -> None:
    # every canonical link, feed entry and sitemap address published the password, or named no page as written
    config = _project(tmp_path, f"output: site\nbase_url: {url}\n")
    code, _, err = invoke("build", "--config", str(config))
    assert code == 2 and one_error_line(err) == f"archive-gen: error: {config}:3: {says}"
    config.write_text("source: sources\noutput: site\n", encoding="utf-8")
    code, _, err = invoke("build", "--config", str(config), "--base-url", url)
    assert code == 2 and one_error_line(err) == f"archive-gen: error: --base-url: {says}"
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------------------------------------
# a taxonomy file


@pytest.mark.parametrize("weight", [".nan", ".inf", "-.inf", "1.0e+300"])
def test_a_taxonomy_weight_that_is_no_number_is_refused(tmp_path: Path, weight: str) -> None:
    # .nan and .inf were taken: every item holding the word got the topic with the score NaN (export printed
    # "score": NaN, which is not JSON) or inf, which no other evidence could outweigh
    config = _project(tmp_path, "output: site\ntaxonomy:\n  file: topics.yaml\n")
    (tmp_path / "topics.yaml").write_text(
        "topics:\n  - slug: a\n    label: 甲\n    definition: x\n    keywords: [工会]\n"
        f"hints:\n  a:\n    weights: {{工会: {weight}}}\n    patterns: {{'工.会': 1.0}}\n", encoding="utf-8")
    for command in ("build", "export"):
        code, out, err = invoke(command, "--config", str(config))
        assert (code, out) == (2, "") and one_error_line(err) == (
            f"archive-gen: error: {tmp_path / 'topics.yaml'}:8: 'hints.a.weights.工会' must be a positive number up "
            f"to 1,000 (got '{weight}')")


def test_a_config_path_under_the_home_folder_is_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "output: ~/site" made a folder named "~" in the project (one `rm -rf ~` away from the home folder), where
    # the same path typed on the command line is the home's
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    config = _project(tmp_path / "proj", "output: ~/site\ncache_dir: ~/cache\n")
    assert invoke("build", "-q", "--config", str(config))[0] == 0
    assert (home / "site" / "index.html").is_file() and (home / "cache").is_dir()
    assert not (tmp_path / "proj" / "~").exists()
    config.write_text("source: sources\noutput: ~nosuchuser-x9/site\n", encoding="utf-8")
    code, _, err = invoke("build", "--config", str(config))
    assert code == 2 and one_error_line(err) == (f"archive-gen: error: {config}:2: 'output': the home folder of "
                                                 "~nosuchuser-x9 is not known (write the path out)")


def test_a_site_built_by_a_newer_archive_gen_is_named_so(tmp_path: Path) -> None:
    # its manifest (format 2) was called "damaged", and the user told to move the folder away
    config = _project(tmp_path, "output: site\n")
    assert invoke("build", "-q", "--config", str(config))[0] == 0
    manifest = tmp_path / "site" / ".archive-gen" / "manifest.json.gz"
    data = json.loads(gzip.decompress(manifest.read_bytes()))
    manifest.write_bytes(gzip.compress(json.dumps({**data, "format": 2}).encode()))
    before = tree_state(tmp_path / "site")
    code, _, err = invoke("build", "--config", str(config), "--force")
    assert code == 2 and tree_state(tmp_path / "site") == before
    assert one_error_line(err) == (f"archive-gen: error: {manifest}: this folder was built by a newer archive-gen "
                                   "(its ownership manifest has format 2; this one reads format 1) (upgrade "
                                   "archive-gen, or build into another folder)")


@pytest.mark.slow
def test_a_build_run_while_a_page_is_copied_in_never_publishes_part_of_it_in_silence(tmp_path: Path) -> None:
    # the real command line beside a writer that copies a page in eight parts, 1 s apart: the build read the
    # first parts and published them, exit 0, not a word. Now it waits for the page and publishes it whole,
    # or says it could not (exit 1); a build after the copy equals a cold one either way
    config = _project(tmp_path, "output: site\n")
    page = tmp_path / "sources" / "2021-05-15_01.txt"
    whole = (SEEDS / "001_71b934195b22698b.txt").read_bytes()
    copy = ("import sys, time\nwhole = open(sys.argv[1], 'rb').read()\nwith open(sys.argv[2], 'wb') as fh:\n"
            "    for at in range(0, len(whole), len(whole) // 8 + 1):\n"
            "        fh.write(whole[at:at + len(whole) // 8 + 1]); fh.flush(); time.sleep(1.0)\n")
    writer = subprocess.Popen([sys.executable, "-c", copy, str(SEEDS / "001_71b934195b22698b.txt"), str(page)])
    try:
        time.sleep(0.1)
        built = subprocess.run([sys.executable, "-m", "archive_gen", "build", "--config", str(config)],
                               capture_output=True, text=True, timeout=120)
    finally:
        writer.wait(30)
    assert page.read_bytes() == whole and "Traceback" not in built.stderr
    cold = tmp_path / "cold"
    _project(cold, "output: site\n")
    shutil.copy(page, cold / "sources")
    assert subprocess.run([sys.executable, "-m", "archive_gen", "build", "-q", "--config", str(cold / "archive.yaml")],
                          timeout=120).returncode == 0
    if built.returncode == 0:  # whole
        assert site_tree(tmp_path / "site") == site_tree(cold / "site")
    else:
        assert built.returncode == 1 and f"2021-05-15_01.txt: error: {sources.CHANGING_MESSAGE}" in built.stderr
    assert subprocess.run([sys.executable, "-m", "archive_gen", "build", "-q", "--config", str(config)],
                          timeout=120).returncode == 0
    assert site_tree(tmp_path / "site") == site_tree(cold / "site")
