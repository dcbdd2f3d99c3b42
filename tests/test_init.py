"""`archive-gen init`: the scaffold it writes, refusing non-empty folders, and building it at once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from archive_gen.cli import main
from archive_gen.config import load_config
from test_build import _real_stages_present

SCAFFOLD = {"archive.yaml", "about.md", ".gitignore", ".github/workflows/pages.yml",
            "sources/000_d00d0f73704abedd.txt"}


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_init_writes_a_valid_project(tmp_path: Path) -> None:
    dest = tmp_path / "my-archive"
    code, out, _ = invoke("init", str(dest))
    assert code == 0 and "Next: cd " in out
    assert files(dest) == SCAFFOLD
    config = load_config(dest / "archive.yaml")  # the commented config validates as it is
    assert config.sources == (dest / "sources",) and config.output == dest / "site"
    assert config.about == dest / "about.md"
    workflow = yaml.safe_load((dest / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = [step.get("uses", step.get("run", "")) for step in workflow["jobs"]["build"]["steps"]]
    assert "pip install archive-gen" in steps
    assert any(s.startswith('archive-gen build --base-url "${{ steps.pages.outputs.base_url }}/"') for s in steps)
    assert "site" in (dest / ".gitignore").read_text() and ".archive-cache" in (dest / ".gitignore").read_text()


def test_init_refuses_a_non_empty_folder_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "archive.yaml").write_text("title: mine\n")
    code, _, err = invoke("init", str(tmp_path))
    assert code == 2 and err.strip() == f"archive-gen: error: {tmp_path}: folder is not empty " \
        "(use --force to add the missing scaffold files; existing files are kept)"
    code, out, _ = invoke("init", str(tmp_path), "--force")
    assert code == 0 and f"kept existing {tmp_path / 'archive.yaml'}" in out
    assert (tmp_path / "archive.yaml").read_text() == "title: mine\n"  # never overwritten
    assert (tmp_path / "sources" / "000_d00d0f73704abedd.txt").is_file()


def test_init_on_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    code, _, err = invoke("init", str(tmp_path / "f"))
    assert code == 2 and "exists and is not a folder" in err


def test_repository_workflow_installs_from_the_checkout() -> None:
    workflow = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pages.yml"
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    build_steps = data["jobs"]["build"]["steps"]
    uses = [s.get("uses", "") for s in build_steps] + [s.get("uses", "") for s in data["jobs"]["deploy"]["steps"]]
    assert "pip install ." in [s.get("run") for s in build_steps]
    for action in ("actions/checkout@", "actions/setup-python@", "actions/configure-pages@",
                   "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert any(u.startswith(action) for u in uses), action
    assert next(
        s["with"] for s in build_steps if s.get("uses", "").startswith("actions/setup-python@")) == {"python-version": "3.11", "cache": "pip"}


@pytest.mark.skipif(not _real_stages_present(), reason="the real stages have not landed yet")
def test_init_then_build_works_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "new"
    assert invoke("init", str(dest))[0] == 0
    monkeypatch.chdir(dest)
    code, out, err = invoke("build", "--jobs", "1")
    assert code == 0, err
    assert "1 page read (1 parsed" in out
    assert (dest / "site" / "index.html").is_file() and (dest / "site" / "search" / "index.html").is_file()
    assert "我的报纸档案" in (dest / "site" / "index.html").read_text(encoding="utf-8")
