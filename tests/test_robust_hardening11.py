"""Hardening round 11: faults found by probing the per-user tables folder (the segmenter's tables, the
keyword slugs and the kept regular-expression programs), the build state's no-op path, interrupted
commands, serve and odd source files, through the real command line. Each test failed before its fix."""

from __future__ import annotations

import dataclasses
import http.client
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from archive_gen.build import BuildOptions
from archive_gen.config import Config
from archive_gen.serve import DevServer, ServeLimits, SiteState, bind_server, make_handler
from archive_gen.tagging.keywords import KeywordSlugs
from archive_gen.tagging.segmenter import read_table, write_table
from archive_gen.urls import keyword_slug
from projects import TOY, make_project
from robust_util import SEED, invoke, one_error_line, tree_state, write_config


def _export(tmp_path: Path, xdg: Path, *args: str) -> str:
    """``archive-gen export`` of the seed page in a process of its own (the kept programs are per process)."""
    done = subprocess.run(
        [sys.executable, "-m", "archive_gen", "export", *args, "--format", "jsonl", str(SEED)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "XDG_CACHE_HOME": str(xdg)},
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_a_byte_flipped_in_a_kept_table_is_a_miss_not_a_wrong_value(tmp_path: Path) -> None:
    # a table of the user's folder carried its key but no checksum: a byte flipped inside a number (a
    # frequency, an IDF weight, an opcode) still loaded as marshal data and was used as it read
    value = ({"工会": 123456, "职工": 7}, [0.5, 1.25, 2.0], (24180, 19981, "年"))
    path = tmp_path / "words-key.marshal"
    write_table(path, "key", value)
    data = path.read_bytes()
    for at in range(len(data)):
        path.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
        assert read_table(path, "key") in (None, value), at
    path.write_bytes(data)
    assert read_table(path, "key") == value


def test_a_damaged_table_of_compiled_patterns_never_changes_the_records(tmp_path: Path) -> None:
    # every CJK literal of the kept programs moved one code point on (年 to 幵, 日 to 旦), in place: the
    # programs passed the C constructor's check and matched other text, and the page lost its date
    xdg = tmp_path / "xdg"
    clean = _export(tmp_path, xdg, "--no-tags")
    (table,) = (xdg / "archive-gen").glob("patterns-*.marshal")

    def shifted(match: re.Match[bytes]) -> bytes:
        value = int.from_bytes(match.group(2), "little")
        return match.group(1) + (value + 1 if 0x4E00 <= value < 0x9FFF else value).to_bytes(4, "little")

    data = table.read_bytes()
    damaged = re.sub(rb"([i\xe9])(..\x00\x00)", shifted, data, flags=re.DOTALL)
    assert len(damaged) == len(data) and damaged != data
    table.write_bytes(damaged)
    assert _export(tmp_path, xdg, "--no-tags") == clean


def test_a_keyword_slug_damaged_in_its_pinyin_is_computed_again(tmp_path: Path) -> None:
    # a slug line was checked only by the word's hash at the slug's end: a byte flipped in the pinyin part
    # was read as the keyword's slug, and its page published at a URL no cold build makes
    KeywordSlugs(tmp_path).lookup(["骑士驿站"])
    (table,) = tmp_path.glob("slugs-*.tsv")
    good = table.read_text(encoding="utf-8")
    assert keyword_slug("骑士驿站").startswith("qi-shi-")
    table.write_text(good.replace("qi-shi-", "qi-shj-"), encoding="utf-8")
    calls: list[str] = []
    slugs = KeywordSlugs(tmp_path, lambda w: calls.append(w) or keyword_slug(w))
    assert slugs.lookup(["骑士驿站"]) == [keyword_slug("骑士驿站")] and calls == ["骑士驿站"]


def test_the_tables_folder_never_writes_into_a_folder_of_someones(tmp_path: Path) -> None:
    # $XDG_CACHE_HOME/archive-gen a link to the user's folder, or a folder of theirs: the tables, the kept
    # programs, the keyword slugs and a CACHEDIR.TAG (backup tools then skip the user's files) went into it
    theirs = tmp_path / "documents"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("my notes\n", encoding="utf-8")
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "archive-gen").symlink_to(theirs)
    owned = tmp_path / "owned"
    shutil.copytree(theirs, owned / "archive-gen")
    before = tree_state(tmp_path)
    clean = _export(tmp_path, tmp_path / "fresh")
    for xdg in (linked, owned):
        assert _export(tmp_path, xdg) == clean
    # (without a usable folder of the user's, the tables go to the archive's cache, as they always did)
    assert tree_state(tmp_path, skip=("fresh", ".archive-cache")) == before


def test_an_edit_whose_mtime_was_put_back_is_built(tmp_path: Path) -> None:
    # a page edited in place with its size kept and its mtime put back (touch -d, cp -p, rsync -t, a clock
    # set back): the build trusted the stored hash by size, mtime and inode and said "up to date", and the
    # old title stayed published until --force
    (tmp_path / "sources").mkdir()
    page = tmp_path / "sources" / "2021-05-14_01.txt"
    shutil.copy(SEED, page)
    write_config(tmp_path)
    site = tmp_path / "site"
    code, _, err = invoke("build", "--config", str(tmp_path / "archive.yaml"), "-q")
    assert code == 0, err
    before = os.stat(page)
    old, new = "全总机关启动干部赴基层蹲点活动".encode(), "全总机关启动干部赴基层调研活动".encode()
    data = page.read_bytes()
    assert old in data and len(old) == len(new)
    with open(page, "r+b") as handle:
        handle.write(data.replace(old, new))
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(page)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    code, _, err = invoke("build", "--config", str(tmp_path / "archive.yaml"), "-q")
    assert code == 0, err
    texts = [p.read_text(encoding="utf-8") for p in (site / "articles").rglob("*.html")]
    assert any("基层调研活动" in t for t in texts)


_REPLACED_BY_A_PIPE = """
import os, sys
from archive_gen import build
from archive_gen.cli import run

found = build.discover

def discover(*args, **kwargs):
    discovery = found(*args, **kwargs)
    first = discovery.files[0].path  # replaced by a pipe once the walk has seen a regular file
    os.unlink(first)
    os.mkfifo(first)
    return discovery

build.discover = discover
sys.argv = ["archive-gen", "build", "--config", sys.argv[1], "-q"]
run()
"""


def test_a_page_replaced_by_a_pipe_after_the_walk_is_an_error_not_a_hang(tmp_path: Path) -> None:
    # the walk checked each page was a regular file, the read opened it again and waited: a page replaced
    # by a pipe in between (nobody writing to it) blocked the build forever
    (tmp_path / "sources").mkdir()
    shutil.copy(SEED, tmp_path / "sources" / "2021-05-14_01.txt")
    shutil.copy(SEED.with_name("001_71b934195b22698b.txt"), tmp_path / "sources" / "2021-05-15_01.txt")
    write_config(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", _REPLACED_BY_A_PIPE, str(tmp_path / "archive.yaml")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert (
        "2021-05-14_01.txt: error: cannot read file: not a regular file (a pipe, socket or device)"
        in done.stderr
    )
    assert list((tmp_path / "site" / "articles").rglob("*.html"))  # the other page is built


def test_a_pipe_or_a_link_loop_given_as_the_source_says_what_it_is(tmp_path: Path) -> None:
    # a pipe, a socket, a device or a link loop named on the command line was "source folder not found",
    # though it was there
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    for command in ("build", "check", "export"):
        code, _, err = invoke(command, str(tmp_path / "pipe.txt"))
        assert code == 2 and one_error_line(err) == (
            f"archive-gen: error: {tmp_path / 'pipe.txt'}: source is not a page file or folder (a pipe, socket "
            "or device) (give page files or folders, or set 'source' in archive.yaml)"
        )
        code, _, err = invoke(command, str(tmp_path / "loop.txt"))
        assert code == 2 and one_error_line(err) == (
            f"archive-gen: error: {tmp_path / 'loop.txt'}: cannot read the source: Too many levels of symbolic "
            "links (give page files or folders, or set 'source' in archive.yaml)"
        )


def test_an_empty_or_relative_home_is_no_home_for_the_tables(tmp_path: Path) -> None:
    # HOME=rel (and no XDG_CACHE_HOME) made rel/.cache/archive-gen in the current folder, the project; an
    # empty HOME was taken for "/" (/.cache/archive-gen made at the root when the user may write there)
    env = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    done = subprocess.run(
        [sys.executable, "-m", "archive_gen", "export", "--format", "jsonl", str(SEED)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "HOME": "rel"},
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert not (tmp_path / "rel").exists()


def test_export_into_a_reader_that_leaves_mid_write_is_not_a_success(tmp_path: Path) -> None:
    # `archive-gen export | head -c 100`: the pipe took part of the records' one big write, the buffered
    # write returned the short count without raising and the rest was dropped, exit 0 as if all were out
    process = subprocess.Popen(
        [sys.executable, "-m", "archive_gen", "export", str(SEED.parent)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdout is not None and process.stderr is not None
    assert len(process.stdout.read(100)) == 100  # more than a pipe holds is on its way: the writer waits
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1 and "Traceback" not in err, err


def test_serve_answers_a_url_with_a_name_too_long_for_the_disk_with_404(tmp_path: Path) -> None:
    # a path segment over 255 bytes (or a path over PATH_MAX): is_dir raised ENAMETOOLONG, the connection
    # was dropped without an answer and serve's stderr got a warning line holding the whole URL
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text("<!doctype html><title>home</title><p>home", encoding="utf-8")
    logged: list[str] = []
    server = bind_server("127.0.0.1", 0, make_handler(SiteState(root)), log=logged.append)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        for path in ("/" + "a" * 300, "/articles/" + "b" * 300 + "/x.html", "/" + "a/" * 3000, "/"):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            connection.close()
            assert response.status == (200 if path == "/" else 404), path[:40]
    finally:
        server.shutdown()
        server.server_close()
    assert logged == []


def test_serve_sees_edits_after_its_source_folder_went_away_and_came_back(tmp_path: Path) -> None:
    # with no source in archive.yaml the sources are seeds/, else sources/: seeds/ renamed away and back
    # while serving (a checkout, a move), the rebuild it caused read the config as "sources/" and failed
    # ("source folder not found"); the watcher then watched nothing, kept that config, and no later edit
    # was ever rebuilt
    made = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    made.sources[0].rename(seeds)

    def load() -> Config:  # what load_config does for a project without 'source'
        return dataclasses.replace(made, sources=(seeds if seeds.is_dir() else tmp_path / "sources",))

    server = DevServer(load, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    stop = threading.Event()
    watcher = threading.Thread(target=server.watch, args=(ServeLimits(seconds=40),), kwargs={"stop": stop})
    try:
        server.build()
        watcher.start()
        time.sleep(1.0)
        seeds.rename(tmp_path / "away")
        deadline = time.monotonic() + 15
        while server.rebuilds < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.rebuilds == 1  # the failed one
        time.sleep(1.0)
        (tmp_path / "away").rename(seeds)
        time.sleep(2.0)
        (seeds / "2021-05-14_02.txt").write_text("回来以后改过的标题\n正文", encoding="utf-8")
        home = made.output / "index.html"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and "回来以后改过的标题".encode() not in home.read_bytes():
            time.sleep(0.2)
        assert "回来以后改过的标题".encode() in home.read_bytes()
    finally:
        stop.set()
        watcher.join(timeout=10)
        server.close()


def test_serve_sees_a_templates_folder_made_while_it_serves(tmp_path: Path) -> None:
    # templates/ (or static/, or archive.yaml where there was none) made while serving: the watcher watched
    # only the paths that existed when it started, the new folder's files were no event to it, and the site
    # kept the built-in templates until serve was restarted
    config = make_project(tmp_path)
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    stop = threading.Event()
    watcher = threading.Thread(target=server.watch, args=(ServeLimits(seconds=40),), kwargs={"stop": stop})
    try:
        server.build()
        watcher.start()
        time.sleep(1.0)
        (tmp_path / "templates").mkdir()
        time.sleep(1.0)
        (tmp_path / "templates" / "404.html").write_text(
            "<!doctype html><title>x</title><p>我们的404页", encoding="utf-8"
        )
        page = config.output / "404.html"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and "我们的404页".encode() not in page.read_bytes():
            time.sleep(0.2)
        assert "我们的404页".encode() in page.read_bytes()
    finally:
        stop.set()
        watcher.join(timeout=10)
        server.close()
