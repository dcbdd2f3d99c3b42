"""What real folders contain, end to end through the CLI: every encoding a page arrives in, damaged
files, odd shapes and sizes, nested folders, strange file names, non-page files and symlink loops.

Each case asserts the exact ``file:line: level: message`` lines and the exit code.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive_gen.sources import discover
from robust_util import PNG, SEED, invoke, one_error_line, stderr_lines, write_config

TEXT = SEED.read_text(encoding="utf-8")
TRADITIONAL = "臺灣工會舉辦職業技能競賽\n\n本報訊 臺灣地區的工會會員參加職業技能競賽，獲得獎勵。會議要求各級工會積極參與。\n"
ODD_NAME = "sub/深层 folder/a b;$&'(x).txt"


def _mixed() -> bytes:
    """UTF-8 lines, one GBK line (4) and one line with bytes valid in no encoding (5)."""
    return ("工会举办技能竞赛\n\n本报讯 第一行是UTF-8。\n".encode()
            + "第二行是GBK编码的正文内容。\n".encode("gbk")
            + "第三行".encode() + b"\xff\xfe\xfa" + "坏了。\n".encode())


def _noise() -> bytes:
    """Random GB18030 pairs from the symbol rows (lead bytes A1-A9): valid bytes, no text at all."""
    rng = random.Random(7)
    return b"".join(bytes((rng.randrange(0xA1, 0xAA), rng.randrange(0xA1, 0xFF))) for _ in range(2000))


ENCODED: dict[str, bytes] = {
    "utf8.txt": TEXT.encode("utf-8"),
    "gb18030.txt": TEXT.encode("gb18030"),
    "gbk.txt": TEXT.encode("gbk"),
    "bom8.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "utf16le.txt": b"\xff\xfe" + TEXT.encode("utf-16-le"),
    "utf16be.txt": b"\xfe\xff" + TEXT.encode("utf-16-be"),
    "big5.txt": TRADITIONAL.encode("big5"),
    "mixed.txt": _mixed(),
    "cut.txt": "工会举办技能竞赛\n\n本报讯 正文写到一半工会".encode()[:-1],
    ODD_NAME: TEXT[:700].encode("utf-8"),
}


@dataclass(frozen=True)
class Run:
    root: Path
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    sources = root / "sources"
    for rel, data in ENCODED.items():
        (sources / rel).parent.mkdir(parents=True, exist_ok=True)
        (sources / rel).write_bytes(data)
    (sources / "notes.md").write_text("# not a page", encoding="utf-8")
    (sources / "sub" / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (sources / "sub" / "loop").symlink_to("..", target_is_directory=True)
    write_config(root)
    return root


@pytest.fixture(scope="module")
def built(folder: Path) -> Run:
    code, out, err = invoke("build", "--verbose", "--jobs", "1", "--config", str(folder / "archive.yaml"))
    return Run(folder, code, out, err)


@pytest.fixture(scope="module")
def records(folder: Path) -> dict[str, list[dict[str, object]]]:
    code, out, err = invoke("export", "--no-tags", "--config", str(folder / "archive.yaml"))
    assert code == 0, err
    by_source: dict[str, list[dict[str, object]]] = {}
    for line in out.splitlines():
        record = json.loads(line)
        by_source.setdefault(str(record["source"]), []).append(record)
    return by_source


def test_encodings_build_with_warnings_and_exit_0(built: Run) -> None:
    assert built.code == 0, built.err
    lines = stderr_lines(built.err)
    for expected in (
        "big5.txt: warning: decoded as Big5 (Traditional Chinese); the archive expects GB18030 or UTF-8 pages",
        "mixed.txt:4: warning: line is gb18030 in a utf-8 file",
        "mixed.txt:5: warning: bytes that are not valid utf-8 were replaced",
        "cut.txt:3: warning: file ends inside a multi-byte character (2 byte(s) dropped)",
    ):
        assert expected in lines, expected
    assert not [line for line in lines if ": error: " in line]
    assert "10 pages read" in built.out


def test_every_encoding_gives_the_same_records(records: dict[str, list[dict[str, object]]]) -> None:
    def text_of(source: str) -> list[tuple[object, ...]]:
        return [(r["title"], r["lead"], tuple(r["paragraphs"])) for r in records[source]]  # type: ignore[arg-type]

    reference = text_of("utf8.txt")
    assert len(reference) > 5
    for source in ("gb18030.txt", "gbk.txt", "bom8.txt", "utf16le.txt", "utf16be.txt"):
        assert text_of(source) == reference, source
    assert records["big5.txt"][0]["title"] == "臺灣工會舉辦職業技能競賽"


def test_damaged_files_keep_every_readable_line(records: dict[str, list[dict[str, object]]]) -> None:
    mixed = " ".join(str(p) for r in records["mixed.txt"] for p in r["paragraphs"])  # type: ignore[attr-defined]
    assert "第二行是GBK编码的正文内容。" in mixed and "坏了。" in mixed and "\ufffd" in mixed
    cut = " ".join(str(p) for r in records["cut.txt"] for p in r["paragraphs"])  # type: ignore[attr-defined]
    assert cut.endswith("正文写到一半工")


def test_nested_folders_and_odd_file_names(built: Run, records: dict[str, list[dict[str, object]]]) -> None:
    assert ODD_NAME in records
    urls = [str(r["id"]) for r in records[ODD_NAME]]
    site = built.root / "site"
    for ident in urls:  # the page file's name never reaches an output path: ids are hex
        assert len(list(site.glob(f"articles/**/{ident}.html"))) == 1


def test_non_page_files_are_ignored_and_listed_with_verbose(built: Run) -> None:
    lines = stderr_lines(built.err)
    sources = built.root / "sources"
    assert f"ignored (not a .txt page): {sources / 'notes.md'}" in lines
    assert f"ignored (not a .txt page): {sources / 'sub' / 'scan.jpg'}" in lines
    code, _, err = invoke("build", "--config", str(built.root / "archive.yaml"))
    assert code == 0 and "ignored" not in err


def test_symlink_loop_is_a_warning_not_a_hang(built: Run, folder: Path) -> None:
    assert "sub/loop: warning: folder already read through another link; skipped" in stderr_lines(built.err)
    code, out, _ = invoke("check", "--config", str(folder / "archive.yaml"))
    assert code == 0
    # one walk serves every command: the same words from check as from build
    assert "sub/loop: warning: folder already read through another link; skipped" in out.splitlines()


# ---------------------------------------------------------------------------------------------
# shapes, through `check` (parse only)

def _check(tmp_path: Path, files: dict[str, bytes]) -> tuple[int, list[str], str]:
    sources = tmp_path / "sources"
    for rel, data in files.items():
        (sources / rel).parent.mkdir(parents=True, exist_ok=True)
        (sources / rel).write_bytes(data)
    code, out, err = invoke("check", "--config", str(write_config(tmp_path)))
    assert "Traceback" not in err
    return code, out.splitlines(), err


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "page.txt: error: empty file, not a text page"),
    (b"\n\n   \n\t\n\r\n", "page.txt: error: blank page, nothing to archive"),
    (PNG, "page.txt: error: binary file, not a text page"),
    ("——————\n□□□\n".encode(), "page.txt: error: no recognisable item, nothing to archive"),
    (_noise(),
     "page.txt: error: not text in UTF-8, GB18030 or Big5 (binary data?), not a text page"),
    (b"1234\n5678\n----\n", "page.txt: error: no recognisable item (no Chinese text), nothing to archive"),
    (b"hello world\nfoo bar baz\n", "page.txt: error: no recognisable item (no Chinese text), nothing to archive"),
    (bytes(b for b in random.Random(1).randbytes(6000) if b),
     "page.txt: error: mostly undecodable as utf-8 (binary data?), not a text page"),
], ids=["empty", "blank-lines", "png-header", "no-item", "symbol-noise", "digits", "latin-words",
        "binary-without-nul"])
def test_unreadable_shapes_are_one_error_and_exit_1(tmp_path: Path, data: bytes, expected: str) -> None:
    code, out, err = _check(tmp_path, {"page.txt": data, "2021-05-14_01.txt": TEXT.encode()})
    assert code == 1
    assert expected in out
    assert [line for line in out if ": error: " in line] == [expected]
    warnings = sum(": warning: " in line for line in out)
    assert warnings >= 1  # the good page's own warning at least
    assert err.strip() == (f"2 pages, 7 items, {warnings} warning{'s' if warnings > 1 else ''}, 1 error "
                           "(1 page could not be read)")


def test_a_page_of_only_photos(tmp_path: Path) -> None:
    page = ("东西协作谱新篇\n\n5月13日，车辆行驶在福银高速福建省三明市尤溪县境内路段。\n新华社记者 姜克红 摄\n\n"
            "春耕正忙\n\n农民在田间劳作。\n本报记者 王伟 摄\n")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "2021-05-14_04.txt").write_text(page, encoding="utf-8")
    code, out, err = invoke("export", "--no-tags", "--config", str(write_config(tmp_path)))
    assert code == 0, err
    kinds = [json.loads(line)["kind"] for line in out.splitlines()]
    assert kinds == ["photo", "photo"]


def test_a_single_5_mb_line(tmp_path: Path) -> None:
    body = "全总机关日前正式启动干部赴基层蹲点活动。" * (5 * 2**20 // 60)
    code, out, err = _check(tmp_path, {"2021-05-14_01.txt": f"工会标题\n\n本报讯 {body}\n".encode()})
    assert code == 0 and out == []
    assert err.strip() == "1 page, 1 item, 0 warnings, 0 errors"


@pytest.mark.slow
def test_a_50_mb_file(tmp_path: Path) -> None:
    # several thousand pages joined into one file: parsed, nothing refused (its speed: bench/README.md)
    data = TEXT.encode() * (50 * 2**20 // len(TEXT.encode()) + 1)
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "2021-05-14_01.txt").write_bytes(data)
    assert len(data) >= 50 * 2**20
    code, out, err = invoke("check", "--config", str(write_config(tmp_path)))
    assert code == 0, err
    stories = len(data) // len(TEXT.encode()) * 7
    assert out.splitlines() == [
        f"2021-05-14_01.txt: warning: {stories} stories in one file (several pages joined?): story tails after "
        "jump markers were not matched"]


@pytest.mark.slow
def test_ten_thousand_pages_in_one_folder(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for k in range(10_000):
        (sources / f"2021-05-{k % 28 + 1:02d}_{k % 8 + 1:02d}_{k:05d}.txt").write_text(
            f"工会第{k}号标题\n\n本报讯(记者郑莉)全总机关日前启动第{k}批干部赴基层蹲点活动。\n", encoding="utf-8")
    found = discover([sources])
    assert len(found.files) == 10_000
    assert [f.source for f in found.files] == sorted(f.source for f in found.files)
    code, out, err = invoke("check", "--config", str(write_config(tmp_path)))
    assert code == 0 and out == ""
    assert err.strip() == "10000 pages, 10000 items, 0 warnings, 0 errors"


# ---------------------------------------------------------------------------------------------
# special files and missing folders

def _with_fifo(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "2021-05-14_01.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(sources / "pipe.txt")  # nobody ever writes to it: reading it would wait forever
    (sources / "folder.txt").mkdir()
    return write_config(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_check_skips_a_named_pipe_with_a_warning(tmp_path: Path) -> None:
    code, out, err = invoke("check", "--config", str(_with_fifo(tmp_path)))
    assert code == 0
    assert "pipe.txt: warning: not a regular file (a pipe, socket or device); skipped" in out.splitlines()
    assert err.strip().startswith("1 page, 7 items")  # the pipe is skipped, not a page read


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_build_discovery_skips_a_named_pipe(tmp_path: Path) -> None:
    # asserted on discovery, not on a build: a build with the bug would hang the test run
    _with_fifo(tmp_path)
    found = discover([tmp_path / "sources"])
    assert [f.source for f in found.files] == ["2021-05-14_01.txt"]
    assert [(n.source, n.code) for n in found.notices] == [("pipe.txt", "not-a-file")]


def test_missing_source_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "archive.yaml"
    config.write_text("source: nowhere\n", encoding="utf-8")
    code, out, err = invoke("build", "-q", "--config", str(config))
    assert code == 2 and out == ""
    assert one_error_line(err) == (f"archive-gen: error: {tmp_path / 'nowhere'}: source folder not found "
                                   "(give page files or folders, or set 'source' in archive.yaml)")
