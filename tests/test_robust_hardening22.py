"""Hardening round 22: what round 21 left open, and new probes. ``check`` and ``export`` said "cannot read file"
for a page renamed or removed between their walk and their read, where ``build`` says nothing; the build
cache's ``keys()`` left out the entries it held in memory for a full disk, though ``load`` finds them. Each
test failed before its fix (docs/robustness.md "Round 22")."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from archive_gen import cache, records
from robust_util import invoke, one_error_line, stderr_lines, two_seed_project

# ---------------------------------------------------------------------------------------------
# check and export: a page gone between the walk and the read


def _racing(monkeypatch: pytest.MonkeyPatch, victims: set[Path], how: str = "gone") -> list[Path]:
    """Make ``records.read_steady`` lose (or deny) each victim just before it is read; returns those hit."""
    real = records.read_steady
    hit: list[Path] = []

    def racing(sf, *args, **kwargs):  # type: ignore[no-untyped-def]
        if sf.path in victims:
            hit.append(sf.path)
            if how == "gone":
                sf.path.rename(sf.path.with_suffix(".moved"))
            else:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(sf.path))
        return real(sf, *args, **kwargs)

    monkeypatch.setattr(records, "read_steady", racing)
    return hit


@pytest.mark.parametrize("command", ["check", "export"])
def test_check_and_export_say_nothing_of_a_page_gone_before_it_was_read(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       command: str) -> None:
    # they said "2021-05-14_01.txt: error: cannot read file: No such file or directory" and exited 1, where
    # build (round 21) takes such a page as gone, as if the walk had come after it
    config = two_seed_project(tmp_path)
    victim = tmp_path / "sources" / "2021-05-14_01.txt"
    hit = _racing(monkeypatch, {victim})
    code, out, err = invoke(command, "--config", str(config))
    assert hit == [victim]
    assert code == 0 and "cannot read" not in out + err and "Traceback" not in err, out + err
    if command == "check":
        assert "1 page, " in err, err
    else:
        sources = {json.loads(line)["source"] for line in out.splitlines()}
        assert sources == {"001_71b934195b22698b.txt"}


@pytest.mark.parametrize("command", ["check", "export", "build"])
def test_every_page_gone_before_it_was_read_is_no_page_files_in_every_command(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch,
                                                                             command: str) -> None:
    # check printed "0 pages" and export nothing (exit 0), while build said "no page files (*.txt) found"
    config = two_seed_project(tmp_path)
    src = tmp_path / "sources"
    _racing(monkeypatch, {src / "2021-05-14_01.txt", src / "001_71b934195b22698b.txt"})
    if command == "build":  # build loses them when it hashes them, before any parse
        real = records.read_bytes

        def gone(sf, *args, **kwargs):  # type: ignore[no-untyped-def]
            if sf.path.exists():
                sf.path.rename(sf.path.with_suffix(".moved"))
            return real(sf, *args, **kwargs)

        monkeypatch.setattr(records, "read_bytes", gone)
    code, out, err = invoke(command, "--config", str(config), *(["--jobs", "1"] if command == "build" else []))
    assert code == 2, (code, out, err)
    assert one_error_line(err) == f"archive-gen: error: {src}: no page files (*.txt) found"


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_page_there_but_unreadable_is_still_an_error_in_check_and_export(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          command: str) -> None:
    # a guard: only a page that is gone is quiet; one still there that cannot be read is said, exit 1
    config = two_seed_project(tmp_path)
    victim = tmp_path / "sources" / "2021-05-14_01.txt"
    _racing(monkeypatch, {victim}, how="denied")
    code, out, err = invoke(command, "--config", str(config))
    assert code == 1
    said = [line for line in stderr_lines(out + err) if ": error: " in line]
    assert said == ["2021-05-14_01.txt: error: cannot read file: Permission denied"], out + err


# ---------------------------------------------------------------------------------------------
# the build cache's keys() and the entries it holds for a full disk


def _full(fd: int, header: bytes, data: bytes) -> None:
    os.close(fd)
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_keys_list_the_entries_held_for_a_full_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # keys() listed the files on disk only: an entry stored but not written (held in memory, and found by
    # load) was left out, so the summary store read back by keys() lost the months written on a full disk
    store = cache.open_cache(tmp_path / "c")
    written = "c" * 64
    store.store("summaries", written, {"2021-04": 1})
    monkeypatch.setattr(cache, "_write_file", _full)
    held = "a" * 64
    store.store("summaries", held, {"2021-05": 2})
    assert store.failure is not None and store.load("summaries", held) == {"2021-05": 2}
    assert store.keys("summaries") == [held, written]


def test_keys_list_held_entries_under_their_own_kind_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a guard: an entry held for "pages" is no key of "docs" or "summaries", and one handed on is no key at all
    monkeypatch.setattr(cache, "_write_file", _full)
    store = cache.open_cache(tmp_path / "c")
    key = "b" * 64
    store.store("pages", key, {"x": 1})
    assert store.keys("pages") == [key]
    assert store.keys("docs") == [] and store.keys("summaries") == []
    store.take_unsaved("pages")
    assert store.keys("pages") == []


# ---------------------------------------------------------------------------------------------
# the cache folder removed, or replaced by a file, while a build runs


@pytest.mark.parametrize("how", ["file", "removed"])
def test_a_cache_folder_gone_during_the_build_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          how: str) -> None:
    # every cache write after it failed (ENOTDIR, ENOENT) and the build said nothing; the user's file is kept
    config = two_seed_project(tmp_path)
    invoke("build", "--config", str(config), "--jobs", "1")
    with (tmp_path / "sources" / "2021-05-14_01.txt").open("a", encoding="utf-8") as fh:
        fh.write("新的一段\n")
    folder = tmp_path / ".archive-cache"
    real = records.read_bytes

    def replacing(sf, *args, **kwargs):  # type: ignore[no-untyped-def]
        if folder.is_dir():
            shutil.rmtree(folder)
            if how == "file":
                folder.write_text("mine\n", encoding="utf-8")
        return real(sf, *args, **kwargs)

    monkeypatch.setattr(records, "read_bytes", replacing)
    code, _out, err = invoke("build", "--config", str(config), "--jobs", "1")
    assert code == 0 and "Traceback" not in err, err
    said = [line for line in stderr_lines(err) if "cache" in line]
    assert said == [f"{folder}: warning: cannot write the build cache: the cache folder was removed or replaced "
                    "during the build (the site was built; later builds redo the work until the cache can be "
                    "written)"], err
    if how == "file":
        assert folder.read_text(encoding="utf-8") == "mine\n"


def test_a_cache_folder_that_stays_says_nothing(tmp_path: Path) -> None:
    # a guard: a build whose cache is there throughout says nothing of it
    config = two_seed_project(tmp_path)
    code, _out, err = invoke("build", "--config", str(config), "--jobs", "1")
    assert code == 0 and "cache" not in err, err
