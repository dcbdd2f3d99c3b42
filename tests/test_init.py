"""`archive-gen init`: the scaffold it writes for each place archive-gen can come from (schema-valid
workflow, pinned requirements.txt, a pip cache that finds its file), refusing non-empty folders,
the branch read from a fresh clone, and building the new project at once; the repository's own
workflows (demo site, release) checked the same way."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from archive_gen.cli import main
from archive_gen.config import load_config
from archive_gen.origin import InstallOrigin, installed_origin
from archive_gen.scaffold import make_scaffold, requirements_text
from archive_gen.writer import write_scaffold
from workflow_checks import load, outdated_actions, pip_cache_misses, schema_errors, steps

REPO = Path(__file__).resolve().parents[1]
SCAFFOLD = {"archive.yaml", "about.md", ".gitignore", ".github/workflows/pages.yml", ".github/dependabot.yml",
            "requirements.txt", "sources/000_d00d0f73704abedd.txt"}

ORIGINS = {
    "index": InstallOrigin("index", "0.1.0", "archive-gen==0.1.0", "a package index",
                           home="https://example.org/archive-gen"),
    "vcs": InstallOrigin("vcs", "0.1.0", "archive-gen @ git+https://github.com/example/archive-gen@"
                         "0123456789abcdef0123456789abcdef01234567", "the git repository …",
                         home="https://github.com/example/archive-gen"),
    "local": InstallOrigin("local", "0.1.0", None, "the local folder /src/archive-gen (an editable install)"),
    "local-clone": InstallOrigin("local", "0.1.0", None, "the local folder /src/archive-gen; commit … is on no branch",
                                 home="https://github.com/example/archive-gen",
                                 suggestion="archive-gen @ git+https://github.com/example/archive-gen.git@"
                                 "89abcdef0123456789abcdef0123456789abcdef"),
}


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def requirement_lines(project: Path) -> list[str]:
    text = (project / "requirements.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def install_step(workflow: dict[str, object]) -> str:
    found = [s["run"] for s in steps(workflow) if "pip install" in s.get("run", "")]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One new project per origin, written as init writes it."""
    root = tmp_path_factory.mktemp("origins")
    out = {}
    for name, origin in ORIGINS.items():
        created, skipped = write_scaffold(root / name, make_scaffold(origin).files)
        assert set(created) == SCAFFOLD and not skipped
        out[name] = root / name
    return out


def test_init_writes_a_valid_project(tmp_path: Path) -> None:
    dest = tmp_path / "my-archive"
    code, out, err = invoke("init", str(dest))
    assert code == 0 and "Next: cd " in out
    assert files(dest) == SCAFFOLD
    config = load_config(dest / "archive.yaml")  # the commented config validates as it is
    assert config.sources == (dest / "sources",) and config.output == dest / "site"
    assert config.about == dest / "about.md"
    # requirements.txt is written for wherever this archive-gen was installed from, and init says so
    origin = installed_origin()
    assert (dest / "requirements.txt").read_text(encoding="utf-8") == requirements_text(origin)
    if origin.requirement is not None:
        assert f"requirements.txt pins {origin.requirement}" in out and not err
    else:
        assert err.startswith(f"\nwarning: archive-gen was installed from {origin.where}.")
        assert f"edit {dest / 'requirements.txt'} before you push" in err
    assert ".github/workflows/pages.yml publishes pushes to branch main (GitHub's default" in out
    workflow = load(dest / ".github/workflows/pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert any(s.get("run", "").startswith('archive-gen build --base-url "${{ steps.pages.outputs.base_url }}/"')
               for s in steps(workflow))
    gitignore = (dest / ".gitignore").read_text()
    assert "/site/" in gitignore and "/.archive-cache/" in gitignore


@pytest.mark.parametrize("name", list(ORIGINS))
def test_requirements_pin_where_archive_gen_came_from(projects: dict[str, Path], name: str) -> None:
    origin = ORIGINS[name]
    lines = requirement_lines(projects[name])
    text = (projects[name] / "requirements.txt").read_text(encoding="utf-8")
    assert origin.where in text.replace("\n# ", " ")
    if origin.requirement is not None:
        assert lines == [origin.requirement]
        assert "EDIT THIS FILE" not in text
    else:
        assert lines == []  # nothing GitHub could not install; the workflow's guard says what to do
        assert "EDIT THIS FILE BEFORE YOU PUSH" in text and "#   archive-gen==0.1.0 " in text
        assert (origin.suggestion is not None) == (f"#   {origin.suggestion}" in text)


def test_every_scaffold_workflow_is_valid_current_and_finds_its_pip_cache_file(projects: dict[str, Path]) -> None:
    workflows = [p / ".github/workflows/pages.yml" for p in projects.values()]
    assert schema_errors(workflows) == ""
    assert schema_errors([p / ".github/dependabot.yml" for p in projects.values()], "vendor.dependabot") == ""
    for project in projects.values():
        workflow = load(project / ".github/workflows/pages.yml")
        assert outdated_actions(workflow) == []
        assert pip_cache_misses(workflow, project) == []
        setup = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@"))
        assert setup["with"]["cache-dependency-path"] == "requirements.txt"
        assert "python -m pip install -r requirements.txt" in install_step(workflow)


def test_the_pip_cache_check_fails_without_a_requirements_file(projects: dict[str, Path], tmp_path: Path) -> None:
    # the bug this issue was about: cache: pip in a repository with no requirements file or pyproject.toml
    workflow = load(projects["index"] / ".github/workflows/pages.yml")
    assert pip_cache_misses(workflow, tmp_path) == ["requirements.txt, **/pyproject.toml"]


def test_the_schema_check_rejects_a_broken_workflow(projects: dict[str, Path], tmp_path: Path) -> None:
    workflow = load(projects["index"] / ".github/workflows/pages.yml")
    del workflow["jobs"]["build"]["runs-on"]
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump(workflow), encoding="utf-8")
    assert "runs-on" in schema_errors([broken])


def test_the_install_step_stops_with_a_clear_error_until_requirements_names_archive_gen(
        projects: dict[str, Path]) -> None:
    script = install_step(load(projects["local"] / ".github/workflows/pages.yml"))
    done = subprocess.run(["bash", "-e", "-c", script], cwd=projects["local"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 1
    assert done.stdout.strip() == ("::error file=requirements.txt::requirements.txt names no archive-gen to "
                                   "install: its comments say what to write there")


def test_no_placeholder_reaches_the_project(projects: dict[str, Path]) -> None:
    for name, project in projects.items():
        for rel in SCAFFOLD - {"requirements.txt"}:  # requirements.txt's comments may show USER/REPO
            text = (project / rel).read_text(encoding="utf-8")
            assert "OWNER" not in text and "@ARCHIVE_GEN@" not in text and "@BRANCH@" not in text, (name, rel)
    assert "[archive-gen](https://github.com/example/archive-gen)" in (projects["vcs"] / "about.md").read_text()
    assert "[archive-gen](https://example.org/archive-gen)" in (projects["index"] / "about.md").read_text()
    assert "**archive-gen**" in (projects["local"] / "about.md").read_text()


def test_init_refuses_a_non_empty_folder_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "archive.yaml").write_text("title: mine\n")
    code, _, err = invoke("init", str(tmp_path))
    assert code == 2 and err.strip() == f"archive-gen: error: {tmp_path}: folder is not empty " \
        "(use --force to add the missing scaffold files; existing files are kept)"
    code, out, _ = invoke("init", str(tmp_path), "--force")
    assert code == 0 and f"kept existing {tmp_path / 'archive.yaml'}" in out
    assert (tmp_path / "archive.yaml").read_text() == "title: mine\n"  # never overwritten
    assert (tmp_path / "sources" / "000_d00d0f73704abedd.txt").is_file()


def test_init_in_a_fresh_clone_publishes_its_branch(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "init", "-q", "-b", "trunk", str(clone)], check=True)
    code, out, _ = invoke("init", str(clone))  # only .git inside: counts as empty
    assert code == 0
    assert ".github/workflows/pages.yml publishes pushes to branch trunk (the branch checked out there)" in out
    assert load(clone / ".github/workflows/pages.yml")["on"]["push"]["branches"] == ["trunk"]


def test_init_on_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    code, _, err = invoke("init", str(tmp_path / "f"))
    assert code == 2 and "exists and is not a folder" in err


def test_init_then_build_works_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "new"
    assert invoke("init", str(dest))[0] == 0
    monkeypatch.chdir(dest)
    code, out, err = invoke("build", "--jobs", "1")
    assert code == 0, err
    assert "1 page read (1 parsed" in out
    home = (dest / "site" / "index.html").read_text(encoding="utf-8")
    assert (dest / "site" / "search" / "index.html").is_file()
    assert "我的报纸档案" in home and "本站由" in home
    pages = [p for p in (dest / "site").rglob("*") if p.suffix in (".html", ".xml")]
    assert pages
    for page in pages:
        assert "OWNER" not in page.read_text(encoding="utf-8"), page


# ---------------------------------------------------------------------------------------------
# this repository's own workflows

def test_repository_workflows_are_valid_and_current() -> None:
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert {p.name for p in workflows} == {"pages.yml", "release.yml"}
    assert schema_errors(workflows) == ""
    assert schema_errors([REPO / ".github" / "dependabot.yml"], "vendor.dependabot") == ""
    for path in workflows:
        workflow = load(path)
        assert outdated_actions(workflow) == [], path.name
        assert pip_cache_misses(workflow, REPO) == [], path.name


def test_the_demo_workflow_publishes_the_sample_archive_of_this_commit() -> None:
    workflow = load(REPO / ".github" / "workflows" / "pages.yml")
    runs = [s.get("run", "") for s in steps(workflow)]
    assert "python -m pip install ." in runs
    assert any(r.startswith("archive-gen build --strict --base-url") for r in runs)
    assert load_config(REPO / "archive.yaml").sources == (REPO / "seeds",)
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_the_release_workflow_publishes_only_tags_once_switched_on() -> None:
    workflow = load(REPO / ".github" / "workflows" / "release.yml")
    assert workflow["on"]["push"] == {"tags": ["v*"]}
    assert workflow["permissions"] == {"contents": "read"}
    publish = workflow["jobs"]["publish"]
    assert publish["if"] == "github.ref_type == 'tag' && vars.PUBLISH_TO_PYPI == 'true'"
    assert publish["permissions"] == {"id-token": "write"}  # trusted publishing, no token stored
    assert [s["uses"] for s in publish["steps"]][-1] == "pypa/gh-action-pypi-publish@release/v1"
    build_runs = "\n".join(s.get("run", "") for s in workflow["jobs"]["build"]["steps"])
    assert "python -m build" in build_runs and "twine check --strict dist/*" in build_runs
