"""Hardening round 12: faults found by attacking the command line from outside: archive-gen's own files
kept inside the sources, file names in two Unicode spellings, long but legal names, a failed write of the
URL history, base_url, SOURCE_DATE_EPOCH and serve's answer for a file asked for as a folder. Each test
failed before its fix."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from archive_gen import permalinks
from archive_gen.errors import OutputError
from archive_gen.serve import SiteState, bind_server, make_handler
from robust_util import SEED, SEEDS, invoke, one_error_line, stderr_lines, tree_state, write_config

NFC = "caf\u00e9.txt"  # as typed on Linux, or in archive.yaml
NFD = "cafe\u0301.txt"  # as macOS (and a zip made there) stores the same name


def _sources(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, seed in zip(names, sorted(SEEDS.glob("*.txt")), strict=False):
        shutil.copy(seed, folder / name)
    return folder


def test_a_url_history_kept_in_the_source_folder_is_no_page(tmp_path: Path) -> None:
    # docs/site.md says to keep the URL history with the sources: "url_history: sources/urls.txt" was read
    # as a page on the next build (and by check and export), its titles published as an untitled item
    _sources(tmp_path, "2021-05-14_01.txt")
    config = write_config(tmp_path, "source: sources\noutput: site\nurl_history: sources/urls.txt\n")
    code, _, err = invoke("build", "--config", str(config), "-q")
    assert code == 0 and (tmp_path / "sources" / "urls.txt").is_file(), err
    code, out, err = invoke("check", "--config", str(config))
    assert code == 0 and "urls.txt" not in out + err and "1 page, " in out + err, out + err
    code, out, _ = invoke("export", "--config", str(config), "--no-tags", "--format", "jsonl")
    assert code == 0 and {json.loads(line)["source"] for line in out.splitlines()} == {"2021-05-14_01.txt"}
    code, out, err = invoke("build", "--config", str(config))
    assert code == 0 and "up to date" in out and "1 page read" in out, out + err


def test_a_pages_override_finds_a_file_named_in_the_other_unicode_spelling(tmp_path: Path) -> None:
    # a page copied from a Mac is named decomposed (e + U+0301), archive.yaml is typed composed: the same
    # name on screen and in every message, yet "'pages.café.txt': no such page file in the sources"
    _sources(tmp_path, NFD)
    config = write_config(tmp_path, f"source: sources\noutput: site\npages:\n  {NFC}: {{page: 3}}\n")
    code, out, err = invoke("export", "--config", str(config), "--no-tags", "--format", "jsonl")
    assert code == 0, err
    assert {(json.loads(line)["source"], json.loads(line)["page"]) for line in out.splitlines()} == {(NFD, 3)}
    # both spellings as keys are one key written twice
    config.write_text(f"source: sources\npages:\n  {NFC}: {{page: 3}}\n  {NFD}: {{page: 4}}\n", encoding="utf-8")
    code, _, err = invoke("check", "--config", str(config))
    assert code == 2 and one_error_line(err) == (
        f"archive-gen: error: {config}:4: duplicate key '{NFC}' in 'pages' (the same name in another Unicode "
        "spelling)"
    )


def test_two_page_files_named_alike_in_two_unicode_spellings_are_told_apart(tmp_path: Path) -> None:
    # café.txt twice (composed and decomposed) were two pages of one printed name: every message of either
    # read "café.txt", and nothing said that two files had it
    folder = _sources(tmp_path, NFD, NFC)
    code, out, _ = invoke("check", str(folder))
    assert code == 0
    assert [line for line in out.splitlines() if "also named" in line] == [
        f"sources/{NFC}: warning: another page file is also named {NFC} (in another Unicode spelling); this one "
        f"({folder / NFC}) is named sources/{NFC} in the archive"
    ]


def test_an_output_folder_with_a_long_legal_name_is_built(tmp_path: Path) -> None:
    # archive.yaml allows 255 bytes a path part; the staging folder ".<name>.tmp-<pid>" beside the output
    # went over that, and every build failed: "cannot write the site: File name too long"
    for name in ("a" * 250, "档" * 84):
        site = tmp_path / name
        code, _, err = invoke("build", str(SEED), "--output", str(site), "-q")
        assert code == 0 and "Traceback" not in err, err
        assert (site / "index.html").is_file()
        assert not [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]  # no staging folder left
        code, out, _ = invoke("build", str(SEED), "--output", str(site))
        assert code == 0 and "up to date" in out


def test_a_url_history_that_cannot_be_written_leaves_no_copy_behind(tmp_path: Path) -> None:
    # the write failed after its temporary copy was made (a full disk; here the history's place is taken
    # by a folder): ".<name>.<pid>.tmp" stayed beside the user's files; a long (legal) history name made a
    # temporary name the disk could not take
    history = {"articles/2021/05/aaaaaaaaaaaa.html": ("aaaaaaaaaaaa", "a.txt", "2021-05", "标题", "1", "正文")}
    blocked = tmp_path / "urls.tsv"
    blocked.mkdir()
    before = tree_state(tmp_path)
    with pytest.raises(OutputError, match="cannot write the URL history"):
        permalinks.write_history(blocked, history)
    assert tree_state(tmp_path) == before
    long_name = tmp_path / ("h" * 250)
    permalinks.write_history(long_name, history)
    assert permalinks.read_history(long_name) == history
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["urls.tsv", "h" * 250])


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://example.org/archive/?ref=x", "must not hold a query (?…) or a fragment (#…)"),
        ("https://example.org/#top", "must not hold a query (?…) or a fragment (#…)"),
        ("http://[::1:80/", "has no valid host name or port"),
        ("https://example.org:99999/", "has no valid host name or port"),
        ("http://:8080/", "has no valid host name or port"),
    ],
    ids=range(5),
)
def test_a_base_url_no_page_address_can_be_added_to_is_refused(tmp_path: Path, url: str, message: str) -> None:
    # every feed, sitemap and canonical address is base_url + the page's path: with a query or a fragment
    # they all ended up inside it ("https://example.org/#top/articles/…"), with a broken host none worked
    _sources(tmp_path, "2021-05-14_01.txt")
    config = write_config(tmp_path, f'source: sources\noutput: site\nbase_url: "{url}"\n')
    before = tree_state(tmp_path)
    code, _, err = invoke("build", "--config", str(config))
    assert code == 2 and one_error_line(err).startswith(f"archive-gen: error: {config}:3: 'base_url' {message}")
    assert tree_state(tmp_path) == before
    code, _, err = invoke("build", str(tmp_path / "sources"), "--output", str(tmp_path / "site"), "--base-url", url)
    assert code == 2 and one_error_line(err).startswith(f"archive-gen: error: --base-url: 'base_url' {message}")


def test_init_of_a_name_too_long_for_the_disk_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # said "archive-gen: error: cannot write the output: File name too long", as if stdout had failed
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("init", "x" * 300)
    assert code == 2
    assert one_error_line(err) == f"archive-gen: error: {'x' * 300}: cannot write the new project: File name too long"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "value", ["²", "9" * 5000, "253402300800", "99999999999999999999", "yesterday", "-1"], ids=range(6)
)
def test_a_malformed_source_date_epoch_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    # "²" (str.isdigit says yes) and 5,000 digits were a ValueError traceback, a time past the year 9999 an
    # OverflowError one; other text was ignored without a word
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    code, _, err = invoke("build", str(SEED), "--output", str(tmp_path / "site"))
    line = one_error_line(err)
    assert code == 2 and line.startswith("archive-gen: error: SOURCE_DATE_EPOCH: must be a whole number of seconds")
    assert not (tmp_path / "site").exists()


def test_a_blank_or_valid_source_date_epoch_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("", " ", "1700000000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
        code, _, err = invoke("build", str(SEED), "--output", str(tmp_path / "site"), "-q")
        assert code == 0 and not stderr_lines(err), err


def test_serve_answers_a_file_asked_for_as_a_folder_with_404(tmp_path: Path) -> None:
    # "/index.html/" was served: the page's relative links then pointed below it (/index.html/static/…,
    # each a 404); the published site (GitHub Pages) answers 404
    root = tmp_path / "site"
    (root / "search").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>home</title><p>home", encoding="utf-8")
    (root / "search" / "index.html").write_text("<!doctype html><title>s</title><p>s", encoding="utf-8")
    server = bind_server("127.0.0.1", 0, make_handler(SiteState(root)), log=lambda line: None)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        expected = {
            "/index.html/": 404,
            "/index.html/.": 404,
            "/search/index.html/": 404,
            "/index.html": 200,
            "/search/": 200,
            "/search": 301,
            "/": 200,
        }
        for path, status in expected.items():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            connection.close()
            assert response.status == status, path
    finally:
        server.shutdown()
        server.server_close()


def test_a_cache_folder_inside_the_sources_is_not_walked(tmp_path: Path) -> None:
    # cache_dir: sources/cache: `check -v` listed every cache entry as "ignored (not a .txt page)"
    _sources(tmp_path, "2021-05-14_01.txt")
    config = write_config(tmp_path, "source: sources\noutput: site\ncache_dir: sources/cache\n")
    code, _, err = invoke("build", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = invoke("check", "--config", str(config), "-v")
    assert code == 0 and "cache" not in out + err, out + err
    assert os.path.isdir(tmp_path / "sources" / "cache")
