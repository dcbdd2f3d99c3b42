"""Hardening round 16: faults found by attacking the command line's surroundings, the sources, the cache and
project templates through the real CLI in temporary folders: a command started with stdout or stderr closed
(cron, a daemon's child, `>&-`), a link in the sources, followed on request, that leads into the output
folder, a cache folder that cannot be made, a template that fails while rendering, and a source tree deeper
than Python's recursion limit. Each test failed before its fix (docs/robustness.md "Round 16" lists what was
attacked and already right)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archive_gen.build import BuildOptions
from archive_gen.serve import DevServer
from projects import TOY, make_project, site_tree
from robust_util import SEEDS, invoke, stderr_lines, two_seed_project

SRC = Path(__file__).resolve().parents[1] / "src"


def _run_closed(fd: int, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``archive-gen ARGS`` started with file descriptor ``fd`` closed, as cron, a daemon's child or `>&-` do."""
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    return subprocess.run([sys.executable, "-m", "archive_gen", *args], cwd=cwd, env=env, text=True, timeout=120,
                          preexec_fn=lambda: os.close(fd), **pipes)


# ---------------------------------------------------------------------------------------------
# stdout or stderr closed


def test_a_build_with_stderr_closed_builds_the_site(tmp_path: Path) -> None:
    # the first progress line failed (EBADF), the error saying so failed too: exit 2, nothing built, not a word
    two_seed_project(tmp_path / "closed")
    done = _run_closed(2, tmp_path / "closed", "build", "-j", "1")
    assert done.returncode == 0, done
    two_seed_project(tmp_path / "open")
    assert invoke("build", "-q", "--config", str(tmp_path / "open" / "archive.yaml"), "-j", "1")[0] == 0
    assert site_tree(tmp_path / "closed" / "site") == site_tree(tmp_path / "open" / "site")


@pytest.mark.parametrize("command", [("check", "sources"), ("export", "--no-tags", "sources"), ("--version",)])
def test_a_command_with_stdout_closed_ends_without_a_traceback(tmp_path: Path, command: tuple[str, ...]) -> None:
    # an AttributeError traceback ('NoneType' object has no attribute 'flush') after the command's work
    two_seed_project(tmp_path)
    done = _run_closed(1, tmp_path, *command)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done


# ---------------------------------------------------------------------------------------------
# a followed link into the output folder


@pytest.mark.parametrize("link", ["folder", "file"])
def test_a_followed_link_into_the_output_is_never_read_as_pages(tmp_path: Path, link: str) -> None:
    # follow_symlinks: true and a link in the sources to the site (or to a file of it): the build read its
    # own output as pages, robots.txt an error on every build ("no recognisable item", exit 1), and a site
    # that depended on the one built before it
    config = two_seed_project(tmp_path, "follow_symlinks: true\n")
    assert invoke("build", "-q", "--config", str(config), "-j", "1")[0] == 0
    cold = site_tree(tmp_path / "site")
    if link == "folder":
        (tmp_path / "sources" / "mirror").symlink_to(tmp_path / "site")
    else:
        (tmp_path / "sources" / "2021-06-01_01.txt").symlink_to(tmp_path / "site" / "robots.txt")
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0 and "robots" not in err, err
    assert site_tree(tmp_path / "site") == cold
    code, out, err = invoke("check", "--config", str(config), str(tmp_path / "sources"))
    assert code == 0 and "robots" not in out + err, out + err


# ---------------------------------------------------------------------------------------------
# a cache folder that cannot be made


def test_a_cache_folder_that_cannot_be_made_is_said_once(tmp_path: Path) -> None:
    # cache_dir under a file (a typo, a file where a folder was): the folder could not be made (ENOTDIR), not
    # a word was said, and every build parsed and tagged every page again
    (tmp_path / "notes").write_text("mine\n", encoding="utf-8")
    config = two_seed_project(tmp_path, "cache_dir: notes/cache\n")
    for _ in range(2):
        code, _, err = invoke("build", "--config", str(config), "-j", "1")
        assert code == 0 and "Traceback" not in err, err
        assert [line for line in stderr_lines(err) if "cache" in line] == [
            f"{tmp_path / 'notes' / 'cache'}: warning: cannot write the build cache: Not a directory (the site was "
            "built; later builds redo the work until the cache can be written)"], err
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "mine\n"


# ---------------------------------------------------------------------------------------------
# a project template that fails at render time


@pytest.mark.parametrize(("text", "said"), [
    ("{{ 1 / 0 }}", "division by zero"),
    ("{{ (10 ** 400) | float }}", "int too large to convert to float"),
    ('{% extends "article.html" %}', "maximum recursion depth exceeded"),
])
def test_a_template_that_fails_while_rendering_is_one_line(tmp_path: Path, text: str, said: str) -> None:
    # a ZeroDivisionError, OverflowError or RecursionError traceback (an undefined name, a wrong type or a
    # missing include were already one line naming the template)
    config = two_seed_project(tmp_path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "article.html").write_text(text, encoding="utf-8")
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    line = [line for line in stderr_lines(err) if "error" in line]
    assert "Traceback" not in err and len(line) == 1, err
    assert code == 1 and line[0].startswith("archive-gen: error: article.html: while rendering articles/"), err
    assert said in line[0], err


# ---------------------------------------------------------------------------------------------
# a source tree nested deeper than Python's recursion limit


def test_a_source_tree_nested_1500_folders_deep_is_read(tmp_path: Path) -> None:
    # os.walk recursed once a folder: a RecursionError traceback in build, check and export
    config = two_seed_project(tmp_path)
    deep = tmp_path / "sources"
    for _ in range(1500):  # "a/" each: the path stays under PATH_MAX (4096)
        deep = deep / "a"
        deep.mkdir()
    shutil.copy(SEEDS / "002_af3854c40ad81c88.txt", deep / "2021-05-16_01.txt")
    try:
        for command in (("build", "-q", "--config", str(config), "-j", "1"),
                        ("check", "-q", "--config", str(config))):
            code, _, err = invoke(*command)
            assert code == 0 and "Traceback" not in err, err[-500:]
        assert len(list((tmp_path / "site" / "issues").iterdir())) >= 2
    finally:  # shutil.rmtree recurses too: the temporary folder is emptied from the bottom up
        (deep / "2021-05-16_01.txt").unlink()
        while deep != tmp_path / "sources":
            deep.rmdir()
            deep = deep.parent


def test_serve_watches_a_source_tree_1500_folders_deep(tmp_path: Path) -> None:
    # the watcher's walk (os.walk) recursed: serve ended in a RecursionError traceback before it served
    config = make_project(tmp_path, {"2021-05-14_01.txt": "工人罢工\n工厂里\n"})
    deep = config.sources[0]
    for _ in range(1500):
        deep = deep / "a"
        deep.mkdir()
    (deep / "2021-05-15_01.txt").write_text("新就业形态\n快递员入会\n", encoding="utf-8")
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lambda line: None)
    try:
        result = server.build()
        assert not result.errors and result.items == 2
        assert any(path.endswith("2021-05-15_01.txt") for path, *_ in server._stamps())
    finally:
        server.close()
        (deep / "2021-05-15_01.txt").unlink()
        while deep != config.sources[0]:
            deep.rmdir()
            deep = deep.parent
