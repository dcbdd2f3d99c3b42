"""Output failures: an unwritable output, a full disk, an output path that is a file or lies under a
file. Each is one stderr line, exit 2, and the previous site is left exactly as it was."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from archive_gen import writer
from robust_util import SEED, invoke, one_error_line, snapshot

CONFIG = "source: sources\noutput: site\ntitle: {title}\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one seed page, built once; tests change only its title, so nothing is re-tagged."""
    root = tmp_path_factory.mktemp("output")
    (root / "sources").mkdir()
    shutil.copy(SEED, root / "sources")
    (root / "archive.yaml").write_text(CONFIG.format(title="第一版"), encoding="utf-8")
    code, _, err = invoke("build", "-q", "--config", str(root / "archive.yaml"))
    assert code == 0, err
    return root


def _retitle(root: Path, title: str) -> Path:
    """A config whose site differs from the one on disk, so the next build has files to write."""
    config = root / "archive.yaml"
    config.write_text(CONFIG.format(title=title), encoding="utf-8")
    return config


def _no_debris(root: Path) -> None:
    leftovers = [p.name for p in root.iterdir() if p.name.startswith((".site.tmp-", ".site.old-"))]
    assert leftovers == []


@pytest.mark.parametrize(("error", "reason"), [(errno.ENOSPC, "No space left on device"),
                                               (errno.EACCES, "Permission denied"),
                                               (errno.EROFS, "Read-only file system")])
def test_write_failure_keeps_the_previous_site(built: Path, monkeypatch: pytest.MonkeyPatch,
                                               error: int, reason: str) -> None:
    before = snapshot(built / "site")
    config = _retitle(built, f"改名{error}")
    calls: list[Path] = []
    real_write = writer.write_file

    def failing_write(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 3:  # a few files already written into the new site
            raise OSError(error, reason, str(path))
        real_write(path, data)

    monkeypatch.setattr(writer, "write_file", failing_write)
    code, out, err = invoke("build", "-q", "--config", str(config))
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert line.startswith(f"archive-gen: error: {built / 'site'}/")  # the file, as it would be in site/
    assert line.endswith(f": cannot write the site: {reason} (the previous site was left as it was)")
    assert ".tmp-" not in line
    assert snapshot(built / "site") == before
    _no_debris(built)
    assert "改名" not in (built / "site" / "index.html").read_text(encoding="utf-8")


def test_after_a_failed_write_the_next_build_succeeds(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _retitle(built, "磁盘已满")

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(writer, "write_file", full_disk)
    assert invoke("build", "-q", "--config", str(config))[0] == 2
    monkeypatch.undo()
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 0, err
    assert "磁盘已满" in (built / "site" / "index.html").read_text(encoding="utf-8")
    _no_debris(built)


def test_output_under_a_file_is_refused_before_building(built: Path) -> None:
    (built / "blocker").write_text("a file where a folder must be", encoding="utf-8")
    before = snapshot(built, skip=(".archive-cache",))
    code, out, err = invoke("build", "-q", "--config", str(built / "archive.yaml"),
                            "--output", str(built / "blocker" / "site"))
    assert code == 2 and out == ""
    assert one_error_line(err) == (f"archive-gen: error: {built / 'blocker' / 'site'}: cannot create the output "
                                   f"folder: {built / 'blocker'} is not a folder")
    assert snapshot(built, skip=(".archive-cache",)) == before


def test_output_path_that_is_a_file_is_refused_and_kept(built: Path) -> None:
    target = built / "site.txt"
    target.write_text("not a site", encoding="utf-8")
    code, _, err = invoke("build", "-q", "--config", str(built / "archive.yaml"), "--output", str(target))
    assert code == 2
    assert one_error_line(err) == f"archive-gen: error: {target}: output path exists and is not a folder"
    assert target.read_text(encoding="utf-8") == "not a site"


def test_output_equal_to_the_sources_is_refused(built: Path) -> None:
    before = snapshot(built / "sources")
    code, _, err = invoke("build", "-q", "--config", str(built / "archive.yaml"),
                          "--output", str(built / "sources"))
    assert code == 2
    assert one_error_line(err).endswith(f"output folder is the source folder {built / 'sources'} "
                                        "(choose an output outside the sources, e.g. --output site)")
    assert snapshot(built / "sources") == before
