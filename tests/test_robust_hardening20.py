"""Hardening round 20: what round 19 noticed and left (a URL history in a folder not there yet, invisible-only
pages, init onto a dangling link, quoted 版 numbers and ./ page names, UTF-32 without a byte order mark), then
signals, locks, full disks and serve attacked through the real CLI. Each test failed before its fix
(docs/robustness.md "Round 20" lists what was attacked and already right)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from robust_util import SEED, invoke, one_error_line, tree_state, two_seed_project

# ---------------------------------------------------------------------------------------------
# url_history in a folder that does not exist yet


def test_a_url_history_in_a_new_folder_is_made_like_the_output_folder(tmp_path: Path) -> None:
    # the site was written, then "cannot write the URL history: No such file or directory", exit 2
    root = tmp_path / "p"
    config = two_seed_project(root, "url_history: history/deep/urls.tsv\n")
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 0 and "Traceback" not in err, err
    assert (root / "history" / "deep" / "urls.tsv").is_file()
    code, _, err = invoke("build", "-q", "--config", str(config))  # and read back as archive-gen's own
    assert code == 0, err


def test_a_url_history_folder_that_cannot_be_made_is_said_before_the_site_is_written(tmp_path: Path) -> None:
    root = tmp_path / "p"
    config = two_seed_project(root, "url_history: blocked/urls.tsv\n")
    (root / "blocked").write_text("a file of the user's", encoding="utf-8")
    before = tree_state(root)
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 2
    # a guard (already right): refused in one line before anything is written
    assert one_error_line(err) == (f"archive-gen: error: {root / 'blocked' / 'urls.tsv'}: cannot read the URL "
                                   "history: Not a directory")
    assert not (root / "site" / "index.html").exists()
    assert {k: v for k, v in tree_state(root).items() if not k.startswith((".archive-cache", "site"))} == before


# ---------------------------------------------------------------------------------------------
# a page of invisible characters only


@pytest.mark.parametrize("body", ["\ufeff\u200b\u200b\n".encode(), "\u200b\u2060\u200d\n".encode(),
                                  b"\xef\xbb\xbf\xe2\x80\x8b\n", b"\n\n \n"])
def test_a_page_of_invisible_characters_is_a_blank_page_without_a_date_warning(tmp_path: Path, body: bytes) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "page.txt").write_bytes(body)
    code, out, err = invoke("check", str(tmp_path / "s"))
    said = [line for line in (out + err).splitlines() if line.startswith("page.txt")]
    assert code == 1 and said == ["page.txt: error: blank page, nothing to archive"], out + err


def test_a_page_of_latin_text_is_still_no_recognisable_item_and_undated(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "page.txt").write_text("\u200bhello world\n", encoding="utf-8")
    code, out, err = invoke("check", str(tmp_path / "s"))
    assert code == 1
    said = "\n".join(line for line in (out + err).splitlines() if line.startswith("page.txt"))
    assert "no recognisable item" in said and "no date" in said


# ---------------------------------------------------------------------------------------------
# init onto a dangling link


def test_init_onto_a_dangling_link_names_the_link_and_where_it_leads(tmp_path: Path) -> None:
    # "cannot write the new project: File exists"
    (tmp_path / "new").symlink_to(tmp_path / "nowhere")
    code, _, err = invoke("init", str(tmp_path / "new"))
    assert code == 2
    assert one_error_line(err) == (f"archive-gen: error: {tmp_path / 'new'}: is a link to {tmp_path / 'nowhere'}, "
                                   "which does not exist (make the folder it leads to, or give init another folder)")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, _, err = invoke("init", str(tmp_path / "a"))
    assert code == 2 and one_error_line(err) == f"archive-gen: error: {tmp_path / 'a'}: is a loop of links, not a folder"


# ---------------------------------------------------------------------------------------------
# quoted 版 numbers, ./ page names


@pytest.mark.parametrize("key", ['"01"', "'3'", "08", "010"])
def test_a_quoted_or_zero_padded_page_number_is_a_decimal_number(tmp_path: Path, key: str) -> None:
    # "01" was refused while 01 was taken; 08 was refused and 010 was octal 8
    from archive_gen.config import load_config

    path = tmp_path / "archive.yaml"
    path.write_text(f"source: s\npage_names: {{{key}: 要闻}}\n", encoding="utf-8")
    assert load_config(path).page_names == ((int(key.strip("'\"")), "要闻"),)


@pytest.mark.parametrize("key", ['"one"', '"-1"', '"1.5"'])
def test_a_page_number_that_is_no_whole_number_is_still_refused(tmp_path: Path, key: str) -> None:
    root = tmp_path / "p"
    config = two_seed_project(root, f"page_names: {{{key}: 要闻}}\n")
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 2 and "'page_names' must be" in one_error_line(err)


@pytest.mark.parametrize("name", ["./2021-05-14_01.txt", "././2021-05-14_01.txt", ".//2021-05-14_01.txt"])
def test_a_page_override_named_from_here_is_the_page(tmp_path: Path, name: str) -> None:
    # "'pages../2021-05-14_01.txt': no such page file in the sources"
    root = tmp_path / "p"
    config = two_seed_project(root, f"pages:\n  {name}: {{date: 2020-01-02}}\n")
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 0, err
    assert (root / "site" / "articles" / "2020" / "01" / "02").is_dir()


# ---------------------------------------------------------------------------------------------
# UTF-32 without a byte order mark


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_a_utf32_page_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    # "binary file, not a text page": the page was lost
    from archive_gen.loader.decode import decode_bytes

    text = SEED.read_text(encoding="utf-8")
    decoded, encoding, notices = decode_bytes(text.encode(codec), "p.txt")
    assert decoded == text.replace("\r\n", "\n") and encoding == codec
    assert [n.code for n in notices] == ["utf32"]


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, (1).to_bytes(4, "little") * 500,
                                  "工会".encode("utf-32-le") + b"\x00\x00\x11\x00"])
def test_binary_data_of_four_byte_words_is_still_a_binary_file(data: bytes) -> None:
    from archive_gen.loader.decode import decode_bytes

    text, _, notices = decode_bytes(data, "p.bin")
    assert text == "" and [n.code for n in notices] in (["binary"], ["undecodable"])


# ---------------------------------------------------------------------------------------------
# SIGHUP: the terminal (an ssh session) closed during a build

_SLOW_DISK_CLI = """
import sys, time
from archive_gen import writer
real = writer.write_file
def slow(fd, data):
    time.sleep(0.2)
    real(fd, data)
writer.write_file = slow
from archive_gen.cli import run
sys.argv[0] = "archive-gen"
run()
"""


@pytest.mark.parametrize("group", [False, True])
def test_a_hangup_mid_write_leaves_the_previous_site_and_nothing_beside_it(tmp_path: Path, group: bool) -> None:
    # SIGHUP killed the build without a word (exit 129): its staging folder (.site.tmp-<pid>, the site's size)
    # stayed beside the site till a next build, and a hangup during the swap published half the new site
    root = tmp_path / "p"
    config = two_seed_project(root)
    assert invoke("build", "-q", "--config", str(config))[0] == 0
    before = tree_state(root / "site")
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_DISK_CLI, "build", "-q", "--jobs", "2", "--config",
                             str(config), "--base-url", "https://example.org/a/"], cwd=root,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(root.glob(".site.tmp-*/pack-*")):
        time.sleep(0.05)
    time.sleep(0.4)  # into the slowed-down writing
    if group:  # as a closed terminal sends it: to every process of the group, the workers too
        os.killpg(proc.pid, signal.SIGHUP)
    else:
        proc.send_signal(signal.SIGHUP)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err.strip() == "archive-gen: interrupted; the previous site was left as it was"
    assert tree_state(root / "site") == before
    assert not list(root.glob(".site.*"))
    with contextlib.suppress(ProcessLookupError):  # no worker of the group outlives the build
        for _ in range(50):
            os.killpg(proc.pid, 0)
            time.sleep(0.1)
        raise AssertionError("a worker outlived the build")
