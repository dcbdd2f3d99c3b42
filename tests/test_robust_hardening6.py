"""Hardening round 6: faults found by probing the compiled-template cache, odd project folders, configs
and concurrent builds through the real command line. Each test failed before its fix."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from archive_gen.pools import fork_pool, worker_limit
from archive_gen.serve import DevServer
from robust_util import INTERRUPT_WHILE_IMPORTING, SEEDS, invoke

SEED_PAGE = SEEDS / "001_71b934195b22698b.txt"
BUILTIN_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def site_bytes(site: Path) -> dict[str, bytes]:
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
             if p.is_file() and ".archive-gen" not in p.parts}
    assert len(files) > 100 and "index.html" in files
    return files


def seed_project(root: Path) -> Path:
    """The seed pages under ``root``/sources with an archive.yaml beside them; the config's path."""
    shutil.copytree(SEEDS, root / "sources")
    config = root / "archive.yaml"
    config.write_text("source: sources\noutput: site\n", encoding="utf-8")
    return config


def test_user_templates_in_a_folder_named_in_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    """A project folder named in GBK bytes (an unzipped archive) holding templates/: Jinja's key of a
    compiled template encoded the file name as strict UTF-8 (a UnicodeEncodeError traceback in every
    build since compiled templates are cached). The site equals the one built with built-in templates."""
    plain = seed_project(tmp_path / "plain")
    assert invoke("build", "-q", "--config", str(plain))[0] == 0
    root = Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xb9\xa4\xc8\xcb"))
    config = seed_project(root)
    shutil.copytree(BUILTIN_TEMPLATES, root / "templates")  # the same templates, found under the odd name
    for _ in range(2):  # cold, then from the compiled templates in the cache
        shutil.rmtree(root / "site", ignore_errors=True)
        code, out, err = invoke("build", "-q", "--config", str(config))
        assert (code, out, err) == (0, "", "")
        assert site_bytes(root / "site") == site_bytes(plain.parent / "site")


# ---------------------------------------------------------------------------------------------
# Ctrl-C and SIGTERM: exit 130 and one line in every command, at every moment

@pytest.mark.parametrize("command", ["check", "export"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_check_and_export_interrupted_exit_130_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           command: str, signum: int) -> None:
    """Ctrl-C in `check` or `export` was click's "Aborted!" with exit 1, SIGTERM a silent death by the
    signal (143): both are `archive-gen: interrupted` and exit 130, as in `build` and `serve`."""
    config = seed_project(tmp_path)

    def interrupted(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signum)  # SIGINT is KeyboardInterrupt here; SIGTERM runs the CLI's handler
        time.sleep(5)  # the handler raises before this ends

    def unhandled(*args: object) -> None:  # what SIGTERM would be without the CLI's handler: not this test's end
        raise AssertionError("SIGTERM not handled by the command")

    monkeypatch.setattr("archive_gen.cli.read_pages", interrupted)
    previous = signal.signal(signal.SIGTERM, unhandled)
    try:
        code, out, err = invoke(command, "--config", str(config))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert (code, out, err) == (130, "", "archive-gen: interrupted\n")


@pytest.mark.parametrize("sig", ["INT", "TERM"])
def test_interrupted_while_the_modules_load(tmp_path: Path, sig: str) -> None:
    """A Ctrl-C in the second the command line takes to import the build was a KeyboardInterrupt
    traceback out of some module, a SIGTERM a silent exit 143: `archive-gen: interrupted`, exit 130."""
    done = subprocess.run([sys.executable, "-c", INTERRUPT_WHILE_IMPORTING.format(module="archive_gen.build", sig=sig)], cwd=tmp_path,
                          capture_output=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (130, b"", b"archive-gen: interrupted\n")
    assert not list(tmp_path.iterdir())  # nothing was made


# ---------------------------------------------------------------------------------------------
# url_history that is not a file

@pytest.mark.parametrize("target", ["pipe", "/dev/zero"])
def test_a_url_history_that_is_a_pipe_or_device_is_refused_without_reading_it(tmp_path: Path, target: str) -> None:
    """url_history naming a FIFO waited forever for a writer; /dev/zero was read until memory ran out
    (the build was OOM-killed): one line, exit 2, nothing built."""
    config = seed_project(tmp_path)
    if target == "pipe":
        os.mkfifo(tmp_path / "pipe")
    config.write_text(f"source: sources\noutput: site\nurl_history: {target}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "archive_gen", "build", "-q"], cwd=tmp_path, capture_output=True,
                          timeout=120)
    shown = tmp_path / "pipe" if target == "pipe" else Path(target)
    assert (done.returncode, done.stdout, done.stderr.decode()) == (2, b"", (
        f"archive-gen: error: {shown}: the URL history is not a regular file (a pipe, socket or device) "
        "(point url_history in archive.yaml at a new file)\n"))
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------------------------------------
# --jobs beyond reason

def test_a_huge_jobs_number_builds_the_same_site(tmp_path: Path) -> None:
    """`--jobs 99999999999999999999` was an OverflowError traceback (a queue of that size), `--jobs 100000`
    forked a hundred thousand workers at once: a pool gets at most 8 workers a CPU, and no more than it has
    tasks; the site is the one `--jobs 1` builds."""
    config = seed_project(tmp_path)
    assert invoke("build", "-q", "--jobs", "1", "--config", str(config))[0] == 0
    single = site_bytes(tmp_path / "site")
    shutil.rmtree(tmp_path / "site")
    shutil.rmtree(tmp_path / ".archive-cache")
    assert invoke("build", "-q", "--jobs", "99999999999999999999", "--config", str(config)) == (0, "", "")
    assert site_bytes(tmp_path / "site") == single


def test_a_pool_never_has_more_workers_than_the_limit() -> None:
    with fork_pool(10**20) as pool:
        assert pool.submit(os.getpid).result() != os.getpid()
        assert pool._max_workers == worker_limit()
    with fork_pool(0) as pool:
        assert pool._max_workers == 1


# ---------------------------------------------------------------------------------------------
# the project's static/ folder

def test_a_static_file_named_in_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    """static/ holding a file named in bytes that are not UTF-8: the build's journal was written as strict
    UTF-8 (a UnicodeEncodeError traceback after every page was rendered, nothing built). It is copied like
    any static file, the next build is up to date (the manifest that names it reads back), and `--clean`
    removes it once it is gone from static/."""
    config = seed_project(tmp_path)
    odd = os.fsencode(tmp_path / "static") + b"/\xff\xfe.css"
    os.makedirs(os.path.dirname(odd))
    with open(odd, "wb") as handle:
        handle.write(b"body{}\n")
    copied = os.fsencode(tmp_path / "site") + b"/static/\xff\xfe.css"
    assert invoke("build", "-q", "--config", str(config)) == (0, "", "")
    with open(copied, "rb") as handle:
        assert handle.read() == b"body{}\n"
    code, out, _ = invoke("build", "--config", str(config))
    assert code == 0 and ": up to date" in out.splitlines()[0]
    os.unlink(odd)
    code, out, _ = invoke("build", "--clean", "--config", str(config))
    assert code == 0 and "1 removed" in out and not os.path.lexists(copied)


# ---------------------------------------------------------------------------------------------
# templates that are not UTF-8

def test_a_user_template_that_is_not_utf8_is_one_line_naming_its_file_and_line(tmp_path: Path) -> None:
    """templates/404.html saved as GBK was a UnicodeDecodeError traceback out of Jinja's loader."""
    config = seed_project(tmp_path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "404.html").write_bytes(b'{% extends "base.html" %}\n{# note #}\n' + "页面".encode("gbk"))  # d2 b3 c3 e6: 0xc3 is the first byte UTF-8 refuses
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert (code, err) == (1, f"archive-gen: error: {tmp_path}/templates/404.html:3: template syntax error: "
                              "template is not UTF-8 text (byte 0xc3); save it as UTF-8\n")
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------------------------------------
# worker processes and signals

def _interrupt_myself() -> str:
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)
    except KeyboardInterrupt:
        return "interrupted"
    return "done"


def test_workers_leave_ctrl_c_to_their_parent_and_end_quietly_on_sigterm(capfd: pytest.CaptureFixture[str]) -> None:
    """A Ctrl-C in a terminal reaches every process of the group, and stopping a pool sends SIGTERM to
    its workers, which inherited the CLI's SIGTERM handler (it raises KeyboardInterrupt): each worker
    printed a KeyboardInterrupt traceback. Workers ignore SIGINT (the parent stops the pool) and end on
    SIGTERM without a word."""
    def as_interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, as_interrupt)  # what the CLI installs around a command
    try:
        with fork_pool(2) as pool:
            assert pool.submit(_interrupt_myself).result() == "done"
            pool.submit(time.sleep, 30)
            time.sleep(0.5)
            pool.stop_now()
        time.sleep(0.5)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert "Traceback" not in capfd.readouterr().err


def test_an_about_file_that_is_not_utf8_names_its_line_in_plain_words(tmp_path: Path) -> None:
    """about.md saved as GBK said Python's "'utf-8' codec can't decode byte 0xb9 in position 12: invalid
    start byte": the words and the line a config file that is not UTF-8 gets."""
    config = seed_project(tmp_path)
    (tmp_path / "about.md").write_bytes("\ufeff# 关于\n\n".encode() + "工人".encode("gbk") + b"\n")
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert (code, err) == (1, f"archive-gen: error: {tmp_path}/about.md:3: about file is not UTF-8 text "
                              "(byte 0xb9); save it as UTF-8\n")


# ---------------------------------------------------------------------------------------------
# pages in UTF-16 without a byte order mark

@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")])
def test_a_utf16_page_without_a_bom_is_read_not_called_binary(tmp_path: Path, codec: str, name: str) -> None:
    """A UTF-16 page saved without its BOM (its line breaks are half NUL bytes) was 'binary file, not a
    text page' and every character of it lost: it is decoded, said once, and gives the records of the same
    page in UTF-8. Binary data with NUL bytes stays binary."""
    text = SEED_PAGE.read_text(encoding="utf-8")
    for folder, data in (("utf8", text.encode()), ("utf16", text.encode(codec))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_bytes(data)
    code, plain, _ = invoke("export", "--no-tags", str(tmp_path / "utf8"))
    assert code == 0
    code, out, _ = invoke("export", "--no-tags", str(tmp_path / "utf16"))
    assert code == 0 and out == plain
    code, out, _ = invoke("check", str(tmp_path / "utf16"))
    assert code == 0 and out.splitlines()[0] == (f"page.txt: warning: decoded as {name} without a byte order mark; "
                                                 "the archive expects GB18030 or UTF-8 pages")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "page.txt").write_bytes(bytes(range(256)) * 64)
    code, out, _ = invoke("check", str(tmp_path / "bin"))
    assert code == 1 and out.splitlines()[0] == "page.txt: error: binary file, not a text page"


# ---------------------------------------------------------------------------------------------
# serve's rebuild line

def test_serve_says_one_file_and_one_error_in_the_singular() -> None:
    """A rebuild under serve said "1 files written, 1 errors"; counts agree with their number everywhere."""
    lines: list[str] = []
    result = types.SimpleNamespace(files_written=1, errors=["e"])
    DevServer._landed(types.SimpleNamespace(_echo=lines.append), result, time.perf_counter(), "")  # type: ignore[arg-type]
    assert re.fullmatch(r"rebuilt in \d+\.\d\d s: 1 file written, 1 error", lines[0]), lines
    result = types.SimpleNamespace(files_written=2, errors=[])
    DevServer._landed(types.SimpleNamespace(_echo=lines.append), result, time.perf_counter(), "")  # type: ignore[arg-type]
    assert re.fullmatch(r"rebuilt in \d+\.\d\d s: 2 files written", lines[1]), lines


# ---------------------------------------------------------------------------------------------
# the same page given twice

def test_a_source_given_twice_is_read_once(tmp_path: Path) -> None:
    """A folder given twice (also as `./sources/` or through a link), a page beside its folder, a folder
    inside another: every page was read twice and each item of the second copy was an error ("another
    page's item has this id", 42 errors and exit 1 for the seeds). Each file is read once."""
    shutil.copytree(SEEDS, tmp_path / "sources")
    (tmp_path / "link").symlink_to("sources")
    page = next(iter(sorted((tmp_path / "sources").iterdir())))
    code, once, err = invoke("check", str(tmp_path / "sources"))
    assert code == 0 and err.splitlines()[-1] == "5 pages, 42 items, 3 warnings, 0 errors"
    for roots in ([tmp_path / "sources", tmp_path / "sources"], [tmp_path / "sources", tmp_path / "link"],
                  [page, tmp_path / "sources"], [tmp_path / "sources", page]):
        assert invoke("check", *map(str, roots)) == (0, once, err), roots
    (tmp_path / "deep" / "sub").mkdir(parents=True)
    shutil.copy(page, tmp_path / "deep" / "sub")
    code, _, err = invoke("check", str(tmp_path / "deep"), str(tmp_path / "deep" / "sub"))
    assert code == 0 and err.splitlines()[-1].startswith("1 page, ")
