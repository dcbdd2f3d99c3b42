"""Hardening round 13: faults found by attacking caches, concurrency, signals and serve from outside: a cache
on a full disk, a folder in a cache entry's place, and a source folder deleted under serve. Each test failed
before its fix. (Kills at many points of a build, two builds at once, shared caches, damaged entries, a clock
set back and serve's edits were attacked too and were already right: docs/robustness.md "Round 13".)"""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from archive_gen import cache
from archive_gen.build import BuildOptions, build_site
from archive_gen.serve import DevServer, ServeLimits
from projects import TOY, make_project
from robust_util import SEED, invoke, stderr_lines, tree_state, write_config


def _project(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(SEED, tmp_path / "sources" / "2021-05-14_01.txt")
    return write_config(tmp_path, "source: sources\noutput: site\n")


def _site(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".archive-gen" not in p.relative_to(root).parts}


def test_a_cache_on_a_full_disk_is_said_once_and_the_site_is_built(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # every entry failed to write and nothing was said: each build parsed, tagged and indexed everything
    # again, and the user never learnt why
    config = _project(tmp_path)
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0, err
    cold = _site(tmp_path / "site")
    shutil.rmtree(tmp_path / "site")
    shutil.rmtree(tmp_path / ".archive-cache")

    def full(fd: int, header: bytes, data: bytes) -> None:
        os.close(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cache, "_write_file", full)
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    cache_dir = tmp_path / ".archive-cache"
    assert code == 0 and "Traceback" not in err, err
    assert [line for line in stderr_lines(err) if "cache" in line] == [
        f"{cache_dir}: warning: cannot write the build cache: No space left on device (the site was built; later "
        "builds redo the work until the cache can be written)"], err
    assert _site(tmp_path / "site") == cold
    assert not [p for p in cache_dir.rglob("*") if p.is_file() and p.name.endswith(".tmp")]
    # with room again, nothing is said
    monkeypatch.undo()
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0 and "cache" not in err, err
    assert _site(tmp_path / "site") == cold


def test_a_folder_in_a_cache_entrys_place_is_replaced_when_empty_and_kept_when_not(tmp_path: Path) -> None:
    # an empty folder named like an entry made that entry a miss on every later build, forever: every page
    # was parsed and tagged again each time and nothing ever put it right
    config = make_project(tmp_path)
    build_site(config, BuildOptions(jobs=1), stages=TOY)
    root = tmp_path / ".archive-cache"
    entries = sorted(root.rglob("*.entry"))
    for entry in entries:
        entry.unlink()
        entry.mkdir()
    theirs = next(e for e in entries if e.parent.name == "search")
    (theirs / "notes.txt").write_text("the user's", encoding="utf-8")
    kept = tree_state(theirs)
    first = build_site(config, BuildOptions(jobs=1), stages=TOY)
    assert first.pages_parsed == first.pages_read == 3
    assert tree_state(theirs) == kept  # a folder holding files is never removed
    # (compiled templates are kept in memory by this process, so not written again here)
    assert not [e for e in root.rglob("*.entry") if e.is_dir() and e != theirs and e.parent.name != "templates"]
    (tmp_path / "site" / "index.html").unlink()  # something to build
    again = build_site(config, BuildOptions(jobs=1), stages=TOY)
    assert again.pages_parsed == 0 and not again.warnings


def test_serve_says_a_deleted_source_folder_once(tmp_path: Path) -> None:
    # the rebuild after "rm -rf sources" changed what the watcher watches; it restarted, and its catch-up
    # rebuild failed again: "source folder not found" twice for one deletion
    (tmp_path / "archive.yaml").write_text("source: sources\n", encoding="utf-8")  # watched beside the sources
    config = make_project(tmp_path, config_file=tmp_path / "archive.yaml")
    said: list[str] = []
    server = DevServer(lambda: config, BuildOptions(), port=0, stages=TOY, echo=said.append)
    stop = threading.Event()
    watcher = threading.Thread(target=server.watch, args=(ServeLimits(seconds=20),), kwargs={"stop": stop})
    try:
        server.build()
        watcher.start()
        time.sleep(0.8)
        shutil.rmtree(config.sources[0])
        deadline = time.monotonic() + 10
        while server.rebuilds < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2.5)  # room for a second rebuild to come
        assert server.rebuilds == 1, said
        assert [line for line in said if "error" in line] == [
            f"archive-gen: error: {config.sources[0]}: source folder not found (give page files or folders, or set "
            "'source' in archive.yaml)"]
    finally:
        stop.set()
        watcher.join(timeout=10)
        server.close()
