"""Symlinked sources and two builds at once (issue 16, parts 5 and 6), through the real command line.

A page file or folder in the sources that is a link to a place outside the source folder is skipped with
one warning line naming it (build, check and export alike), and none of its text reaches the site, unless
``follow_symlinks: true`` in archive.yaml opts in; a link that stays inside the source folder is read.
A second build of an output another build holds is refused with one line naming the holder's pid, exit
2, and every file around the output and the cache exactly as before.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from robust_util import SEEDS, invoke, one_error_line, stderr_lines, tree_state

SEED_FILES = sorted(SEEDS.glob("*.txt"))
HINT = "(follow_symlinks: true in archive.yaml reads it)"
FILE_LINE = f"memo.txt: warning: page file is a link to a place outside the source folder; skipped {HINT}"
FOLDER_LINE = f"linked: warning: folder is a link to a place outside the source folder; skipped {HINT}"


def _private_text(page: Path) -> list[str]:
    """Long lines of a page that only it has (none of them in the page the project publishes)."""
    published = set(SEED_FILES[0].read_text(encoding="utf-8").splitlines())
    lines = [line.strip() for line in page.read_text(encoding="utf-8").splitlines()
             if len(line.strip()) >= 30 and line not in published]
    assert len(lines) >= 3, page
    return lines[:3]


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """A project publishing one seed page, and beside it a private folder with a memo and a folder of
    pages, linked into the sources (memo.txt -> a file, linked/ -> a folder, both outside)."""
    project = tmp_path / "proj"
    (project / "sources").mkdir(parents=True)
    shutil.copy(SEED_FILES[0], project / "sources" / "page.txt")
    private = tmp_path / "private"
    (private / "dir").mkdir(parents=True)
    shutil.copy(SEED_FILES[1], private / "memo.txt")
    shutil.copy(SEED_FILES[2], private / "dir" / "p.txt")
    (project / "sources" / "memo.txt").symlink_to("../../private/memo.txt")
    (project / "sources" / "linked").symlink_to("../../private/dir", target_is_directory=True)
    (project / "archive.yaml").write_text("source: sources\noutput: site\n", encoding="utf-8")
    return tmp_path


def _site_text(site: Path) -> str:
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".js", ".json")]
    assert len(files) > 20
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


def _leaked(world: Path) -> list[str]:
    """Private lines (of the memo and of the linked folder's page) found anywhere in the site."""
    text = _site_text(world / "proj" / "site")
    private = _private_text(world / "private" / "memo.txt") + _private_text(world / "private" / "dir" / "p.txt")
    return [line for line in private if line in text]


def test_links_leading_outside_are_skipped_with_one_warning_each(world: Path) -> None:
    before = tree_state(world / "private")
    code, out, err = invoke("build", "--config", str(world / "proj" / "archive.yaml"))
    assert code == 0, err
    lines = stderr_lines(err)
    assert FILE_LINE in lines and FOLDER_LINE in lines  # said without --verbose: a page left out of the site
    assert sum("link to a place outside" in line for line in lines) == 2
    assert "1 page read" in out
    assert _leaked(world) == []
    assert tree_state(world / "private") == before


def test_an_up_to_date_build_says_it_again(world: Path) -> None:
    config = str(world / "proj" / "archive.yaml")
    assert invoke("build", "-q", "--config", config)[0] == 0
    code, out, err = invoke("build", "--config", config)
    assert code == 0 and "up to date" in out, err
    assert FILE_LINE in stderr_lines(err) and FOLDER_LINE in stderr_lines(err)


def test_check_and_export_skip_them_with_the_same_lines(world: Path) -> None:
    sources = str(world / "proj" / "sources")
    code, out, err = invoke("check", sources)
    assert code == 0, err
    said = stderr_lines(out + "\n" + err)
    assert FILE_LINE in said and FOLDER_LINE in said
    assert "1 page, " in said[-1]  # the skipped links are not counted as pages
    code, out, err = invoke("export", sources)
    assert code == 0, err
    assert FILE_LINE in stderr_lines(err) and FOLDER_LINE in stderr_lines(err)
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]  # JSON lines, one per item
    assert rows
    exported = json.dumps(rows, ensure_ascii=False)
    private = _private_text(world / "private" / "memo.txt") + _private_text(world / "private" / "dir" / "p.txt")
    assert [line for line in private if line in exported] == []


def test_follow_symlinks_opts_in(world: Path) -> None:
    config = world / "proj" / "archive.yaml"
    config.write_text("source: sources\noutput: site\nfollow_symlinks: true\n", encoding="utf-8")
    before = tree_state(world / "private")
    code, out, err = invoke("build", "--config", str(config))
    assert code == 0, err
    assert not any("link to a place outside" in line for line in stderr_lines(err))
    assert "3 pages read" in out
    private = _private_text(world / "private" / "memo.txt") + _private_text(world / "private" / "dir" / "p.txt")
    assert len(_leaked(world)) == len(private)  # every one of them published, as asked
    assert tree_state(world / "private") == before  # read, never written


def test_a_link_that_stays_inside_the_sources_is_read(world: Path) -> None:
    sources = world / "proj" / "sources"
    (sources / "memo.txt").unlink()
    (sources / "linked").unlink()
    (sources / "archive").mkdir()
    shutil.copy(SEED_FILES[1], sources / "archive" / "memo.txt")
    (sources / "memo-link.txt").symlink_to("archive/memo.txt")
    code, out, err = invoke("build", "--config", str(world / "proj" / "archive.yaml"))
    assert code == 0, err
    assert not any("link" in line for line in stderr_lines(err))
    assert "3 pages read" in out  # the page, the memo, and the link to it (a page of its own name)


# ---------------------------------------------------------------------------------------------
# two builds of one output at once

def test_a_second_build_of_one_output_is_refused_naming_the_first_ones_pid(world: Path) -> None:
    config = str(world / "proj" / "archive.yaml")
    assert invoke("build", "-q", "--config", config)[0] == 0
    (world / "proj" / "site" / "CNAME").write_text("example.org\n", encoding="utf-8")  # theirs: kept
    site = world / "proj" / "site"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        from archive_gen.writer import OutputLock
        with OutputLock(Path({str(site)!r})):
            print("locked", flush=True)
            time.sleep(120)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        (world / "proj" / "sources" / "page.txt").write_text(SEED_FILES[3].read_text(encoding="utf-8"),
                                                              encoding="utf-8")  # a build would rewrite the site
        before = tree_state(world)
        for args in ([], ["--clean"], ["--force"]):
            code, out, err = invoke("build", "--config", config, *args)
            assert (code, out) == (2, ""), err
            assert one_error_line(err) == (f"archive-gen: error: {site}: another build of this output folder is "
                                           f"running (pid {holder.pid}) (wait for it to finish, or build into "
                                           f"another folder)")
            assert tree_state(world) == before
    finally:
        holder.kill()
        holder.wait(timeout=10)
    code, _, err = invoke("build", "-q", "--config", config)  # released with its holder
    assert code == 0, err
    assert (site / "CNAME").read_text(encoding="utf-8") == "example.org\n"
