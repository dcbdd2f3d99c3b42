"""load_pages on real files: folder walking, relative sources, overrides, unreadable and odd entries."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archive_gen import sources
from archive_gen.config import Config, PageOverride
from archive_gen.records import load_pages

PAGE = "甲地工会开展活动\n\n本报讯(记者王伟)5月13日，2021年甲地工会开展活动。\n"


def test_folders_are_walked_recursively_in_relative_path_order(write_tree: Callable[..., Path]) -> None:
    root = write_tree({"b/2021-05-14_02.txt": PAGE, "a.txt": PAGE, "b/a/x.txt": PAGE, "notes.md": "x"})
    pages = load_pages([root])
    assert [p.source for p in pages] == ["a.txt", "b/2021-05-14_02.txt", "b/a/x.txt"]
    assert pages[1].page == 2 and pages[1].date == "2021-05-14"
    assert pages[0].sha256 and pages[0].encoding == "utf-8"


def test_a_file_given_directly_is_named_by_its_file_name(write_tree: Callable[..., Path]) -> None:
    root = write_tree({"deep/one.txt": PAGE})
    assert [p.source for p in load_pages([root / "deep" / "one.txt"])] == ["one.txt"]


def test_config_overrides_by_relative_path(write_tree: Callable[..., Path]) -> None:
    root = write_tree({"x/p.txt": PAGE})
    config = Config(root=root, pages={"x/p.txt": PageOverride(date="2020-02-02", page=5)})
    [page] = load_pages([root], config)
    assert (page.date, page.page, page.date_inferred) == ("2020-02-02", 5, False)


def test_bad_files_fail_alone(write_tree: Callable[..., Path]) -> None:
    root = write_tree({"bin.txt": b"\x89PNG\r\n\x1a\n\x00\x00", "empty.txt": b"", "gbk.txt": PAGE.encode("gbk"),
                       "ok.txt": PAGE})
    pages = {p.source: p for p in load_pages([root])}
    assert pages["bin.txt"].failed and pages["empty.txt"].failed
    assert not pages["ok.txt"].failed and pages["gbk.txt"].encoding == "gb18030"
    assert pages["gbk.txt"].items[0].title == "甲地工会开展活动"
    assert str(pages["bin.txt"].notices[0]) == "bin.txt: error: binary file, not a text page"


def test_symlink_loop_is_a_notice_not_a_crash(write_tree: Callable[..., Path]) -> None:
    root = write_tree({"a/p.txt": PAGE})
    os.symlink(root / "a", root / "a" / "loop")
    pages = load_pages([root])
    assert [p.source for p in pages] == ["a/loop", "a/p.txt"]
    assert [n.code for n in pages[0].notices] == ["symlink-loop"] and not pages[0].failed


def test_unreadable_file_is_an_error_page(write_tree: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_tree({"locked.txt": PAGE, "open.txt": PAGE})
    if os.geteuid() != 0:
        (root / "locked.txt").chmod(0)
    else:  # root (CI) reads any mode: make opening this one file fail as it would for a user
        real_open = os.open

        def guarded_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if os.fsdecode(path).endswith("locked.txt"):
                raise PermissionError(13, "Permission denied", os.fsdecode(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(sources.os, "open", guarded_open)
    locked, readable = load_pages([root])
    assert locked.failed and [(n.code, n.message) for n in locked.notices] == [
        ("unreadable", "cannot read file: Permission denied")]
    assert not readable.failed and readable.items


def test_ids_are_unique_across_pages_with_the_same_stem(write_tree: Callable[..., Path]) -> None:
    root = write_tree({"a/p.txt": PAGE, "b/p.txt": PAGE})
    pages = load_pages([root])
    ids = [i.id for p in pages for i in p.items]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_missing_path_is_an_error_page(tmp_path: Path) -> None:
    [page] = load_pages([tmp_path / "nowhere"])
    assert page.failed and page.notices[0].code == "missing"


def test_a_nested_page_file_given_on_its_own_keeps_its_folder_date(tmp_path: Path) -> None:
    folder = tmp_path / "archive" / "2021" / "05" / "14"
    folder.mkdir(parents=True)
    (folder / "03.txt").write_text("工会标题\n\n本报讯(记者郑莉)全总机关启动蹲点活动。\n", encoding="utf-8")
    alone, = load_pages([folder / "03.txt"])
    whole, = load_pages([tmp_path / "archive"])
    assert (alone.source, alone.date, alone.page) == ("2021/05/14/03.txt", "2021-05-14", 3)
    assert alone.items[0].id == whole.items[0].id
