"""Hardening round 24: the command line attacked from outside, in classes no round covered: a current folder
removed under the shell, project files of gigabytes (a sparse ``about.md``, template or static file: read whole,
a MemoryError traceback), a static file whose name holds a backslash (unzipped from a Windows archive: the whole
build failed). Each test failed before its fix (docs/robustness.md "Round 24")."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_gen import render
from robust_util import REPO, invoke, one_error_line, stderr_lines, tree_state, two_seed_project

SRC = REPO / "src"
# no empty entry (PYTHONPATH unset, as in CI): "" is the current folder, and an interpreter started in a removed one
# cannot make it absolute ("Fatal Python error: error evaluating path") before archive-gen runs at all
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p)}


# ---------------------------------------------------------------------------------------------
# the current folder removed under the shell


def _in_removed_folder(gone: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``archive-gen ARGS`` started in ``gone``, which is removed first (as another shell's `rm -rf` would)."""
    gone.mkdir()
    script = 'cd "$1" && rmdir "$1" && shift && exec "$@"'
    return subprocess.run(["sh", "-c", script, "sh", str(gone), sys.executable, "-m", "archive_gen", *args],
                          env={**ENV, "PWD": str(gone)}, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("args", [("build",), ("check",), ("export",), ("serve", "--port", "0"), ("check", "sources"),
                                  ("build", "-o", "site")])
def test_a_command_run_in_a_removed_folder_names_it_in_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    # what the current folder is needed for (archive.yaml looked for there, a relative path) said
    # "archive-gen: error: No such file or directory", naming nothing: os.getcwd() fails with ENOENT and no file name
    gone = tmp_path / "gone"
    done = _in_removed_folder(gone, *args)
    assert done.returncode == 2, done.stderr
    assert one_error_line(done.stderr) == (
        f"archive-gen: error: {gone}: the current folder no longer exists (it was removed or moved away); "
        "cd into a folder that exists and run again")
    assert done.stdout == ""


def test_a_build_given_absolute_paths_in_a_removed_folder_is_built(tmp_path: Path) -> None:
    # what names its files absolutely needs no current folder: `build` failed all the same, on the check that
    # the output does not hold the current folder (a removed folder is held by none)
    config = two_seed_project(tmp_path / "p")
    for args in (("build", "-q", "-j", "1"), ("check", "-q"), ("export", "--no-tags")):
        done = _in_removed_folder(tmp_path / "gone", *args, "--config", str(config))
        assert done.returncode == 0 and done.stderr == "", (args, done.stderr)
    assert (tmp_path / "p" / "site" / "index.html").is_file()


def test_a_command_in_a_folder_that_exists_is_not_told_so(tmp_path: Path) -> None:
    # guard: a missing source is still named as such, never taken for a removed current folder
    code, _, err = invoke("check", str(tmp_path / "nowhere"))
    assert code == 2 and "current folder" not in err and "source folder not found" in one_error_line(err), err


# ---------------------------------------------------------------------------------------------
# project files of gigabytes (sparse files: no disk taken)


def _limited_build(root: Path, config: Path) -> subprocess.CompletedProcess[str]:
    """`build` with its address space capped at 2 GB: a 3 GB file read whole is a MemoryError there."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    return subprocess.run([sys.executable, "-m", "archive_gen", "build", "-j", "1", "--config", str(config)],
                          cwd=root, env=ENV, capture_output=True, text=True, timeout=300, preexec_fn=cap)


@pytest.mark.parametrize("where, line", [
    ("about.md", "{root}/about.md: about file is too large (3,072 MB; the limit is 16 MB)"),
    ("templates/base.html", "{root}/templates/base.html:1: template syntax error: template is too large "
                            "(3,072 MB; the limit is 16 MB)"),
])
def test_a_project_file_of_gigabytes_is_one_line_and_the_site_stays(tmp_path: Path, where: str, line: str) -> None:
    # about.md and a template were read whole (the build's key of the site, then the render): a MemoryError
    # traceback; now one line naming the file, exit 1, the previous site left as it was
    root = tmp_path / "p"
    config = two_seed_project(root)
    assert invoke("build", "-q", "--config", str(config))[0] == 0
    before = tree_state(root / "site")
    big = root / where
    big.parent.mkdir(exist_ok=True)
    with big.open("wb") as handle:
        handle.truncate(3 << 30)
    done = _limited_build(root, config)
    assert "Traceback" not in done.stderr and done.returncode == 1, done.stderr
    assert one_error_line(done.stderr) == "archive-gen: error: " + line.format(root=root)
    assert tree_state(root / "site") == before


def test_a_static_file_of_gigabytes_is_skipped_with_one_warning(tmp_path: Path) -> None:
    root = tmp_path / "p"
    config = two_seed_project(root)
    (root / "static").mkdir()
    (root / "static" / "logo.css").write_text("b{}", encoding="utf-8")
    with (root / "static" / "scans.pdf").open("wb") as handle:
        handle.truncate(3 << 30)
    done = _limited_build(root, config)
    assert "Traceback" not in done.stderr and done.returncode == 0, done.stderr
    assert (f"{root}/static/scans.pdf: warning: static file is too large (3,072 MB; the limit is 64 MB); skipped"
            in stderr_lines(done.stderr))
    assert (root / "site/static/logo.css").read_text(encoding="utf-8") == "b{}"
    assert not (root / "site/static/scans.pdf").exists()


def test_project_files_up_to_the_limit_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # guard: the limits refuse only what is over them (here made small, so the test stays small)
    monkeypatch.setattr(render, "MAX_PROJECT_FILE_BYTES", 16384)  # the built-in templates take up to 7 KB
    monkeypatch.setattr(render, "MAX_STATIC_FILE_BYTES", 4096)
    root = tmp_path / "p"
    config = two_seed_project(root)
    (root / "about.md").write_text("关于" * 2730, encoding="utf-8")  # 16,380 bytes
    (root / "static").mkdir()
    (root / "static" / "x.css").write_bytes(b"a" * 4096)
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 0 and err == "", err
    assert (root / "site/static/x.css").stat().st_size == 4096
    assert "关于关于" in (root / "site/index.html").read_text(encoding="utf-8")
    (root / "about.md").write_text("关于" * 2731, encoding="utf-8")  # 16,386 bytes
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 1 and one_error_line(err).startswith(
        f"archive-gen: error: {root}/about.md: about file is too large ("), err


# ---------------------------------------------------------------------------------------------
# a static file named with a backslash


def test_a_static_file_named_with_a_backslash_is_skipped_not_the_build(tmp_path: Path) -> None:
    # `unzip` of a Windows archive leaves `img\logo.png` as one name: the build failed whole, exit 1, nothing
    # written ("the site contains an unsafe output path 'static/img\\logo.png'")
    root = tmp_path / "p"
    config = two_seed_project(root)
    (root / "static" / "fonts\\x").mkdir(parents=True)
    (root / "static" / "img\\logo.png").write_bytes(b"png")
    (root / "static" / "fonts\\x" / "a.woff").write_bytes(b"woff")
    (root / "static" / "ok.css").write_text("b{}", encoding="utf-8")
    code, _, err = invoke("build", "--config", str(config))
    assert code == 0 and "Traceback" not in err, err
    lines = stderr_lines(err)
    for name in ("fonts\\x/a.woff", "img\\logo.png"):
        assert (f"{root}/static/{name}: warning: a backslash in the name, which no web address can hold; skipped "
                "(rename the file)") in lines, err
    assert (root / "site/static/ok.css").is_file() and (root / "site/index.html").is_file()
    assert sorted(p.name for p in (root / "site/static").iterdir()) == ["ok.css", "reader.js", "search.js",
                                                                        "style.css"]
    assert invoke("build", "--config", str(config))[0] == 0  # and again: the same warnings, up to date


def test_a_project_folder_named_with_a_backslash_keeps_its_static_files(tmp_path: Path) -> None:
    # guard: only a name below static/ counts, never the project's own path
    root = tmp_path / "a\\b"
    config = two_seed_project(root)
    (root / "static").mkdir()
    (root / "static" / "ok.css").write_text("b{}", encoding="utf-8")
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 0 and err == "", err
    assert (root / "site/static/ok.css").is_file()


# ---------------------------------------------------------------------------------------------
# a source tree whose paths go over the system's limit


@contextlib.contextmanager
def _deeper_than_path_max(top: Path, page: bytes) -> Iterator[None]:
    """20 folders of 250 bytes below ``top`` (5,000 bytes: over PATH_MAX, 4,096) and a page at the bottom, made
    from inside (no path that long can be given to the system); removed on leaving (shutil.rmtree goes by folder
    handles): a tree no path can name, left in the session's temporary folder, broke every later test there that
    walks it (test_robust_hostile snapshots its folder's parent)."""
    fd = os.open(top, os.O_RDONLY)
    try:
        for _ in range(20):
            os.mkdir("a" * 250, dir_fd=fd)
            deeper = os.open("a" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        out = os.open("2021-05-16_01.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, page)
        os.close(out)
    finally:
        os.close(fd)
    try:
        yield
    finally:
        shutil.rmtree(top / ("a" * 250))


@pytest.mark.parametrize("command", ["build", "check", "export"])
def test_a_folder_deeper_than_the_path_limit_is_one_warning_not_the_run(tmp_path: Path, command: str) -> None:
    # `File name too long` ended every command (exit 2, nothing built, checked or exported): the walk asked
    # whether such a folder was a link, and that question raised ENAMETOOLONG; the other pages were lost with it
    root = tmp_path / "p"
    config = two_seed_project(root)
    with _deeper_than_path_max(root / "sources", (REPO / "seeds" / "002_af3854c40ad81c88.txt").read_bytes()):
        code, out, err = invoke(command, "--config", str(config), *(["-v"] if command != "export" else []))
    assert code == 0 and "Traceback" not in err, err
    said = [line for line in stderr_lines(out + err if command == "check" else err) if "File name too long" in line]
    assert len(said) == 1 and said[0].endswith(": warning: cannot read folder: File name too long"), err
    assert said[0].startswith(f"{root}/sources/{'a' * 250}/")
    if command == "export":
        assert {json.loads(line)["source"] for line in out.splitlines()} == {"2021-05-14_01.txt",
                                                                           "001_71b934195b22698b.txt"}
    elif command == "build":
        assert (root / "site" / "issues" / "2021-05-14").is_dir()


def test_a_deep_folder_within_the_path_limit_is_read(tmp_path: Path) -> None:
    # guard: 15 folders of 250 bytes (3,750) are below the limit, and their page is read
    root = tmp_path / "p"
    config = two_seed_project(root)
    here = root / "sources"
    for _ in range(15):
        here = here / ("a" * 250)
    here.mkdir(parents=True)
    (here / "2021-05-16_01.txt").write_bytes((REPO / "seeds" / "002_af3854c40ad81c88.txt").read_bytes())
    code, _, err = invoke("check", "-q", "--config", str(config))
    assert code == 0 and err == "", err
    code, out, err = invoke("export", "--no-tags", "--config", str(config))
    assert code == 0 and len({json.loads(line)["source"] for line in out.splitlines()}) == 3, err


@pytest.mark.parametrize("folder", ["static", "templates"])
def test_a_project_folder_deeper_than_the_path_limit_is_one_warning(tmp_path: Path, folder: str) -> None:
    # static/ or templates/ nested past PATH_MAX: pathlib's rglob raised ENAMETOOLONG, an OSError traceback (build
    # exit 1) before anything was built; now the folder it cannot list is said once and the site is built
    root = tmp_path / "p"
    config = two_seed_project(root)
    (root / folder).mkdir()
    (root / folder / "keep.css").write_text("b{}", encoding="utf-8")
    with _deeper_than_path_max(root / folder, b"a{}"):
        for _ in range(2):  # and again, up to date
            code, _, err = invoke("build", "--config", str(config))
            assert code == 0 and "Traceback" not in err, err
            said = [line for line in stderr_lines(err) if "File name too long" in line]
            assert len(said) == 1 and said[0].startswith(f"{root}/{folder}/{'a' * 250}/"), err
            assert said[0].endswith(": warning: cannot read folder: File name too long; skipped"), err
    assert (root / "site" / "index.html").is_file()
    assert (root / "site" / "static" / "keep.css").is_file() == (folder == "static")


# ---------------------------------------------------------------------------------------------
# serve: a file of gigabytes in the output


def test_serve_sends_a_file_of_gigabytes_without_reading_it_whole(tmp_path: Path) -> None:
    # each request read the file whole: under a 2 GB address space "a request from 127.0.0.1 failed: MemoryError"
    # and the request dropped (without a limit: 3 GB of memory a request)
    root = tmp_path / "p"
    two_seed_project(root)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    proc = subprocess.Popen([sys.executable, "-m", "archive_gen", "serve", "--port", "0", "--jobs", "1"], cwd=root,
                            env={**ENV, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=cap)
    try:
        assert proc.stdout is not None
        line = ""
        while not line.startswith("Serving "):
            line = proc.stdout.readline()
            assert line, proc.stderr.read() if proc.stderr else ""
        host, port = line.split("http://")[1].split("/")[0].rsplit(":", 1)
        with (root / "site" / "scans.pdf").open("wb") as handle:  # the user's, beside the site
            handle.truncate(3 << 30)
            handle.seek(0)
            handle.write(b"%PDF-1.7\n")
        for method in ("HEAD", "GET"):
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            connection.request(method, "/scans.pdf")
            response = connection.getresponse()
            assert response.status == 200 and response.getheader("Content-Length") == str(3 << 30)
            assert response.getheader("Content-Type") == "application/pdf"
            assert response.getheader("Cache-Control") == "no-store"
            if method == "GET":
                assert response.read(9) == b"%PDF-1.7\n"
                assert len(response.read(1 << 20)) == 1 << 20
            connection.close()  # the reader goes away mid-file
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "failed" not in err and "Traceback" not in err, err


# ---------------------------------------------------------------------------------------------
# an empty path on the command line (an unset variable in a script)


@pytest.mark.parametrize("args, named", [
    (("check", ""), "'[SOURCES]...'"),
    (("export", "sources", ""), "'[SOURCES]...'"),
    (("build", ""), "'[SOURCES]...'"),
    (("build", "-o", ""), "'--output' / '-o'"),
    (("build", "--config", ""), "'--config'"),
    (("serve", "--port", "0", ""), "'[SOURCES]...'"),
    (("init", ""), "'DIRECTORY'"),
])
def test_an_empty_path_argument_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   args: tuple[str, ...], named: str) -> None:
    # Path("") is Path("."): `check "$SRC"` with SRC unset checked the whole current folder without a word (exit 0),
    # `build ""` said "output folder is inside the source folder <cwd>", `--config ""` "config file is a folder",
    # `init ""` "folder is not empty": each about a folder the user never named
    two_seed_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = tree_state(tmp_path)
    code, out, err = invoke(*args)
    assert code == 2 and out == "", err
    assert err.splitlines()[-1] == (f"Error: Invalid value for {named}: an empty path (an unset variable in a "
                                    "script?); give '.' for the current folder"), err
    assert tree_state(tmp_path) == before


def test_a_dot_is_still_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # guard: what the user wrote as '.' is the current folder, as before
    two_seed_project(tmp_path)
    monkeypatch.chdir(tmp_path / "sources")
    code, _, err = invoke("check", "-q", ".")
    assert code == 0 and err == "", err


# ---------------------------------------------------------------------------------------------
# a noncharacter in archive.yaml


@pytest.mark.parametrize("escape, shown_as", [("\\uFFFE", "\\ufffe"), ("\\uFFFF", "\\uffff"), ("\\uFDD0", "\\ufdd0"),
                                              ("\\U0001FFFE", "\\U0001fffe"), ("\\U0010FFFF", "\\U0010ffff")])
@pytest.mark.parametrize("key", ["title", "description"])
def test_a_noncharacter_in_the_config_is_one_line(tmp_path: Path, escape: str, shown_as: str, key: str) -> None:
    # `title: "A\uFFFEB"` was taken: feed.xml (and every term feed) then held U+FFFE, not well-formed XML, which feed
    # readers drop whole; the loader removes noncharacters from pages (round 17), the config let them through
    config = two_seed_project(tmp_path, f'{key}: "A{escape}B"\n')
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 2 and one_error_line(err) == (
        f"archive-gen: error: {config}:3: '{key}' contains a noncharacter ({shown_as}), which web pages and feeds "
        "cannot hold"), err
    assert not (tmp_path / "site").exists()


def test_characters_next_to_the_noncharacters_are_kept(tmp_path: Path) -> None:
    # guard: the replacement character, the code points around U+FDD0-FDEF and an emoji are text like any other
    import xml.dom.minidom
    config = two_seed_project(tmp_path, 'title: "A\\uFFFD\\uFDCF\\uFDF0\\U0001F600\\U0001FFFDB"\n')
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 0 and err == "", err
    feed = (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "A\ufffd\ufdcf\ufdf0\U0001f600\U0001fffdB" in feed
    xml.dom.minidom.parseString(feed.encode())
