"""One command line: the same input gives the same message and exit code in build, check and export;
counts are singular or plural as they should be; one vocabulary (warnings and errors); a build whose
pages are all unreadable writes nothing; output never fails on a character the terminal lacks."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archive_gen.errors import count
from robust_util import PNG, SEED, invoke, snapshot, stderr_lines

COMMANDS = [["build", "-q"], ["check"], ["export"]]
IDS = ["build", "check", "export"]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(SEED, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_missing_path_is_the_same_error_and_exit_2_everywhere(project: Path, command: list[str]) -> None:
    code, out, err = invoke(*command, "nowhere")
    assert (code, out) == (2, "")
    assert stderr_lines(err) == [f"archive-gen: error: {project / 'nowhere'}: source folder not found "
                                 "(give page files or folders, or set 'source' in archive.yaml)"]


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_folder_without_page_files_is_the_same_error_and_exit_2_everywhere(project: Path,
                                                                            command: list[str]) -> None:
    (project / "empty").mkdir()
    (project / "empty" / "notes.md").write_text("not a page")
    code, out, err = invoke(*command, "empty")
    assert (code, out) == (2, "")
    assert stderr_lines(err) == [f"archive-gen: error: {project / 'empty'}: no page files (*.txt) found"]


def test_a_missing_configured_source_is_the_same_error_everywhere(project: Path) -> None:
    (project / "archive.yaml").write_text("source: gone\n", encoding="utf-8")
    for command in COMMANDS:
        code, _, err = invoke(*command)
        assert code == 2
        assert stderr_lines(err) == [f"archive-gen: error: {project / 'gone'}: source folder not found "
                                     "(give page files or folders, or set 'source' in archive.yaml)"]


def _unreadable_only(root: Path) -> Path:
    bad = root / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(PNG)
    (bad / "b.txt").write_bytes(b"")
    return bad


def test_a_build_of_only_unreadable_pages_writes_nothing(project: Path) -> None:
    _unreadable_only(project)
    before = snapshot(project, skip=(".archive-cache",))
    code, out, err = invoke("build", "-q", "bad", "--output", "out")
    assert (code, out) == (1, "")
    assert stderr_lines(err) == [
        "a.txt: error: binary file, not a text page",
        "b.txt: error: empty file, not a text page",
        "archive-gen: error: no page could be read (2 page files, errors above); the output folder was left as it was",
    ]
    assert not (project / "out").exists()
    assert snapshot(project, skip=(".archive-cache",)) == before


@pytest.mark.slow
def test_a_build_of_only_unreadable_pages_keeps_the_previous_site(project: Path) -> None:
    assert invoke("build", "-q", "--jobs", "1")[0] == 0
    before = snapshot(project / "site")
    assert before
    (project / "sources" / SEED.name).write_bytes(PNG)  # the only page is now unreadable
    code, out, err = invoke("build", "-q", "--jobs", "1")
    assert (code, out) == (1, "")
    assert stderr_lines(err) == [
        f"{SEED.name}: error: binary file, not a text page",
        "archive-gen: error: no page could be read (1 page file, errors above); the output folder was left as it was",
    ]
    assert snapshot(project / "site") == before


def test_check_and_export_exit_1_with_the_same_error_lines(project: Path) -> None:
    _unreadable_only(project)
    code, out, err = invoke("check", "bad")
    assert code == 1
    assert out.splitlines() == ["a.txt: error: binary file, not a text page",
                                "b.txt: error: empty file, not a text page"]
    assert err == "2 pages, 0 items, 0 warnings, 2 errors (2 pages could not be read)\n"
    code, out, err = invoke("export", "bad")
    assert (code, out) == (1, "")
    assert err.splitlines() == ["a.txt: error: binary file, not a text page",
                                "b.txt: error: empty file, not a text page"]


def test_counts_are_singular_and_plural() -> None:
    assert [count(n, "page") for n in (0, 1, 2, 10)] == ["0 pages", "1 page", "2 pages", "10 pages"]
    assert count(1, "entry", "entries") == "1 entry" and count(3, "entry", "entries") == "3 entries"


def test_check_speaks_of_warnings_and_errors_in_the_singular_too(project: Path) -> None:
    code, out, err = invoke("check")
    assert code == 0
    assert out == (f"{SEED.name}:46: warning: lines 46-48 continue “109级台阶的致敬” "
                   "(jump marker and shared vocabulary)\n")
    assert err == "1 page, 7 items, 1 warning, 0 errors\n"
    assert "notice" not in err


def test_check_quiet_prints_errors_only_and_verbose_lists_ignored_files(project: Path) -> None:
    (project / "sources" / "scan.txt").write_bytes(PNG)
    (project / "sources" / "notes.md").write_text("not a page")
    code, out, err = invoke("check", "-q")
    assert (code, out, err) == (1, "scan.txt: error: binary file, not a text page\n", "")
    code, out, err = invoke("check", "-v")
    assert code == 1
    assert err.splitlines()[0] == f"ignored (not a .txt page): {project / 'sources' / 'notes.md'}"
    assert err.splitlines()[1] == "2 pages, 7 items, 1 warning, 1 error (1 page could not be read)"
    code, _, err = invoke("check", "-q", "-v")
    assert code == 2 and "--quiet and --verbose cannot be used together" in err


@pytest.mark.parametrize("command", ["build", "check", "serve"])
def test_commands_that_print_more_than_errors_have_quiet(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0 and "-q, --quiet" in out and "Examples:" in out


@pytest.mark.slow
def test_a_one_page_build_summary_is_singular(project: Path) -> None:
    code, out, _ = invoke("build", "--jobs", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith("  1 page read (1 parsed, 0 from cache), 7 items, ")
    assert lines[2] == "  1 warning, 0 errors (--verbose lists them)"


def test_output_survives_a_terminal_that_cannot_show_chinese(project: Path) -> None:
    # stdout/stderr in Latin-1 (PYTHONIOENCODING; click itself swaps a plain ASCII stream for UTF-8):
    # messages escape what the terminal cannot show instead of dying with UnicodeEncodeError; export
    # stays UTF-8 JSON
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([sys.executable, "-m", "archive_gen", "check"], cwd=project, env=env,
                          capture_output=True, timeout=60)
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert done.stdout == (f"{SEED.name}:46: warning: lines 46-48 continue \\u201c109\\u7ea7\\u53f0\\u9636\\u7684"
                           "\\u81f4\\u656c\\u201d (jump marker and shared vocabulary)\n").encode("ascii")
    done = subprocess.run([sys.executable, "-m", "archive_gen", "export", "--no-tags"], cwd=project, env=env,
                          capture_output=True, timeout=60)
    assert done.returncode == 0 and done.stderr == b""
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(records) == 7 and records[0]["title"] and not records[0]["title"].isascii()


def _many_pages(project: Path, n: int) -> None:
    for k in range(n):
        shutil.copy(SEED, project / "sources" / f"p{k:04d}.txt")


def test_a_reader_that_goes_away_ends_the_run_quietly(project: Path) -> None:
    # `archive-gen check | head -1`: the rest of the output has nowhere to go; no traceback, no noise.
    # The pipe holds one page (4 KB) and 100 pages write ~11 KB of warnings, so the run cannot finish
    # writing before the reader goes away (with a 64 KB pipe it sometimes did, and exited 0)
    _many_pages(project, 100)
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "archive_gen", "check"], cwd=project, stdout=write_end,
                                stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert proc.stderr is not None
    with os.fdopen(read_end, "rb") as reader:
        first = reader.readline()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert first.endswith(b"(jump marker and shared vocabulary)\n")
    assert (proc.returncode, err) == (1, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", [["check"], ["export", "--no-tags"]], ids=["check", "export"])
def test_a_full_disk_under_stdout_is_one_line_exit_2(project: Path, command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "archive_gen", *command], cwd=project, stdout=full,
                              stderr=subprocess.PIPE, timeout=60)
    assert (done.returncode, done.stderr) == (2, b"archive-gen: error: cannot write the output: "
                                                 b"No space left on device\n")


@pytest.mark.slow
def test_the_command_leaves_at_once_with_its_output_flushed_and_its_exit_code(project: Path) -> None:
    # cli.run ends the process with os._exit (no heap teardown): what was printed to a pipe must still
    # arrive, the exit code must be the command's, and the site and its manifest must be complete
    done = subprocess.run([sys.executable, "-m", "archive_gen", "build", "--jobs", "2"], cwd=project,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert out.splitlines()[1].startswith("  1 page read (1 parsed, 0 from cache), 7 items, ")
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / ".archive-gen" / "manifest.json.gz").is_file()
    again = subprocess.run([sys.executable, "-m", "archive_gen", "build"], cwd=project, capture_output=True,
                           timeout=120)
    assert again.returncode == 0 and b"up to date" in again.stdout, again.stdout  # the cache was stored whole
    missing = subprocess.run([sys.executable, "-m", "archive_gen", "build", "--config", "nope.yaml"], cwd=project,
                             capture_output=True, timeout=60)
    assert missing.returncode == 2 and missing.stdout == b""
    assert missing.stderr.decode("utf-8").startswith("archive-gen: error: ") and b"nope.yaml" in missing.stderr
