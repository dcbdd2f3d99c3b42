"""Hardening round 17: faults found by attacking the project's own files (templates/, static/, about.md), the
config, `init` and the build's surroundings through the real CLI in temporary folders: a pipe or a folder where
a template, a static file or the about page is looked for, a link in static/ leading out of the project, the
`cd` hint of `init` for a name a shell cannot read back as printed, a taxonomy file named by its short name.
Each test failed before its fix (docs/robustness.md "Round 17" lists what was attacked and already right)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from archive_gen.build import BuildOptions
from archive_gen.serve import DevServer, ServeLimits
from projects import TOY, make_project, site_tree
from robust_util import SEED, invoke, one_error_line, stderr_lines, two_seed_project


def _said(err: str, path: Path) -> list[str]:
    return [line for line in stderr_lines(err) if line.startswith(str(path))]


# ---------------------------------------------------------------------------------------------
# a pipe or a folder where a project file is looked for (skipped without a word)


@pytest.mark.parametrize(("name", "kind", "message"), [
    ("templates/base.html", "fifo", "not a regular file (a pipe, socket or device); skipped"),
    ("static/x.css", "fifo", "not a regular file (a pipe, socket or device); skipped"),
    ("about.md", "fifo", "about file is not a regular file (a pipe, socket or device); skipped (no about text)"),
    ("templates/base.html", "folder",
     "a folder where the template file base.html is looked for; skipped (the built-in base.html is used)"),
    ("static/style.css", "folder",
     "a folder where the static file style.css is looked for; skipped (the built-in style.css is used)"),
    ("about.md", "folder", "about file is a folder; skipped (no about text)"),
    ("static/x.css", "dangling", "a link to nothing (or a loop of links); skipped"),
    ("templates/base.html", "dangling", "a link to nothing (or a loop of links); skipped"),
])
def test_a_pipe_or_folder_for_a_project_file_is_one_warning(tmp_path: Path, name: str, kind: str,
                                                             message: str) -> None:
    config = two_seed_project(tmp_path)
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling":
        path.symlink_to(tmp_path / "nowhere")
    else:
        (path / "inner").mkdir(parents=True)
    for _ in range(2):  # the up-to-date build says it again
        code, _, err = invoke("build", "--config", str(config), "-j", "1")
        assert code == 0 and "Traceback" not in err, err
        assert _said(err, path) == [f"{path}: warning: {message}"], err


@pytest.mark.parametrize(("name", "kind"), [("templates", "template"), ("static", "static")])
def test_a_file_where_a_project_folder_is_looked_for_is_one_warning(tmp_path: Path, name: str, kind: str) -> None:
    config = two_seed_project(tmp_path)
    (tmp_path / name).write_text("x\n", encoding="utf-8")
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0, err
    assert _said(err, tmp_path / name) == [
        f"{tmp_path / name}: warning: not a folder; skipped (the built-in {kind} files are used)"], err


# ---------------------------------------------------------------------------------------------
# a link in static/ leading out of the project (published with the site)


def test_a_static_link_leading_out_of_the_project_is_skipped_unless_followed(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "id_rsa").write_text("secret\n", encoding="utf-8")
    config = two_seed_project(tmp_path / "p")
    static = tmp_path / "p" / "static"
    static.mkdir()
    (static / "key.txt").symlink_to(tmp_path / "home" / "id_rsa")
    (tmp_path / "p" / "logo.txt").write_text("logo\n", encoding="utf-8")
    (static / "logo.txt").symlink_to("../logo.txt")  # inside the project: copied as before
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0, err
    assert _said(err, static) == [f"{static / 'key.txt'}: warning: static file is a link to a place outside the "
                                  "project folder; skipped (follow_symlinks: true in archive.yaml copies it)"], err
    site = tmp_path / "p" / "site"
    assert not (site / "static" / "key.txt").exists()
    assert (site / "static" / "logo.txt").read_text(encoding="utf-8") == "logo\n"
    config.write_text(config.read_text(encoding="utf-8") + "follow_symlinks: true\n", encoding="utf-8")
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0 and not _said(err, static), err
    assert (site / "static" / "key.txt").read_text(encoding="utf-8") == "secret\n"


# ---------------------------------------------------------------------------------------------
# init's cd hint


@pytest.mark.parametrize("name", [b"a\nb", b"c\xff", b"e\x1b[31m", b"x'y", "工 会".encode()])
def test_the_cd_hint_of_init_leads_to_the_folder_made(tmp_path: Path, name: bytes) -> None:
    # "a\nb" was printed as cd "a\nb", which a shell reads as a backslash and an n: another folder
    os.chdir(tmp_path)
    code, out, err = invoke("init", os.fsdecode(name))
    assert code == 0, err
    hint = [line for line in out.splitlines() if line.startswith("Next: cd ")]
    assert len(hint) == 1, out
    word = hint[0].removeprefix("Next: cd ").split(" && ")[0]
    done = subprocess.run(["bash", "-c", f"cd {word} && pwd"], capture_output=True, timeout=10, check=True)
    assert done.stdout.rstrip(b"\n") == os.fsencode(tmp_path) + b"/" + name


# ---------------------------------------------------------------------------------------------
# a file a config key names is named by its whole path


def test_a_missing_taxonomy_file_is_named_by_its_path(tmp_path: Path) -> None:
    # 'taxonomy.file' file not found: topics.yaml (which of the project's topics.yaml files?)
    config = two_seed_project(tmp_path, "taxonomy:\n  file: conf/topics.yaml\n")
    code, _, err = invoke("build", "--config", str(config))
    assert code == 2
    assert one_error_line(err) == (f"archive-gen: error: {config}:4: 'taxonomy.file' file not found: "
                                   f"{tmp_path / 'conf' / 'topics.yaml'}")


# ---------------------------------------------------------------------------------------------
# valid text holding a stray NUL byte or control characters


def _with(line_chars: dict[int, str]) -> bytes:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for number, chars in line_chars.items():
        lines[number - 1] = lines[number - 1][:4] + chars + lines[number - 1][4:]
    return "\n".join(lines).encode("utf-8")


def test_a_stray_nul_byte_in_a_utf8_page_is_removed_not_the_page(tmp_path: Path) -> None:
    # one NUL byte (a damaged copy) in a page of 8 KB: "binary file, not a text page", every story lost
    config = two_seed_project(tmp_path / "clean")
    assert invoke("build", "-q", "--config", str(config), "-j", "1")[0] == 0
    config = two_seed_project(tmp_path / "nul")
    (tmp_path / "nul" / "sources" / "2021-05-14_01.txt").write_bytes(_with({41: "\x00", 60: "\x00"}))
    code, _, err = invoke("build", "-v", "--config", str(config), "-j", "1")
    assert code == 0, err
    assert "2021-05-14_01.txt:41: warning: 2 NUL bytes (a damaged copy?) were removed" in err.splitlines(), err
    assert site_tree(tmp_path / "nul" / "site") == site_tree(tmp_path / "clean" / "site")


def test_control_characters_in_a_page_never_reach_the_pages_and_feeds(tmp_path: Path) -> None:
    # \x01, ESC, DEL, C1 controls and noncharacters were published: every feed holding the item was not XML
    config = two_seed_project(tmp_path)
    (tmp_path / "sources" / "2021-05-14_01.txt").write_bytes(
        _with({31: "\x01", 33: "\x1b[31m", 35: "\x7f", 37: "\x85", 39: "\x9b", 41: "\ufffe", 43: "\U000fffff"}))
    code, _, err = invoke("build", "-v", "--config", str(config), "-j", "1")
    assert code == 0, err
    assert ("2021-05-14_01.txt:31: warning: 7 invisible control characters were removed (not allowed in web pages "
            "and feeds)") in err.splitlines(), err
    site = tmp_path / "site"
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\U000fffff]", text), path
            if path.suffix == ".xml":
                ElementTree.parse(path)  # well-formed


# ---------------------------------------------------------------------------------------------
# serve: the output deleted and made again under it


def test_a_site_deleted_and_made_again_while_serving_is_built_again(tmp_path: Path) -> None:
    # "rm -rf site && mkdir site" (a cleaning script): the folder was there, so the watcher saw nothing gone and
    # every page was a 404 until some source was edited. A folder holding someone's file is refused once, and
    # built once that file is gone
    config = make_project(tmp_path)
    lines: list[str] = []
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=lines.append)
    try:
        server.build()
        home = (config.output / "index.html").read_bytes()
        shutil.rmtree(config.output)
        config.output.mkdir()
        server.watch(ServeLimits(seconds=8, rebuilds=1))
        assert server.rebuilds == 1
        assert (config.output / "index.html").read_bytes() == home
        shutil.rmtree(config.output)
        config.output.mkdir()
        (config.output / "notes.txt").write_text("mine\n", encoding="utf-8")
        server.watch(ServeLimits(seconds=3))
        assert server.rebuilds == 2  # refused once, not again and again
        assert [line for line in lines if "refusing" in line] != []
        (config.output / "notes.txt").unlink()
        server.watch(ServeLimits(seconds=8, rebuilds=3))
        assert (config.output / "index.html").read_bytes() == home
    finally:
        server.close()


# ---------------------------------------------------------------------------------------------
# a quoted path with a space at an end


def test_a_quoted_output_with_a_trailing_space_is_that_folder(tmp_path: Path) -> None:
    # output: "site " went into "site" (stripped), while -o "site " builds "site ": another folder than asked
    config = two_seed_project(tmp_path)
    config.write_text('source: sources\noutput: "site "\n', encoding="utf-8")
    assert invoke("build", "-q", "--config", str(config), "-j", "1")[0] == 0
    assert (tmp_path / "site " / "index.html").is_file() and not (tmp_path / "site").exists()
