"""The release artefacts: `python -m build` makes an sdist and a wheel that pass `twine check`, carry
one version and every data file, and the wheel installed into a fresh venv runs `init` (a workflow
pinned to the version it was installed as) and `build` (the new project and the sample archive).
The pip-written direct_url.json of real installs is read as origin.py expects."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest

import archive_gen
from archive_gen.origin import (
    CloneCheck,
    InstallOrigin,
    check_clone,
    installed_origin,
    origin_from_direct_url,
)
from workflow_checks import load, outdated_actions, pip_cache_misses, schema_errors, steps

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
VERSION = archive_gen.__version__


@dataclass(frozen=True)
class Dists:
    folder: Path
    sdist: Path
    wheel: Path


def run(args: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None,
        ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False, timeout=600)
    if ok:
        assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="session")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    """The sdist and the wheel, built once per session exactly as the release workflow builds them
    (the wheel is built from the sdist, so a file the sdist lacks is missing from the wheel too)."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", out, REPO])
    sdists, wheels = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, sorted(out.iterdir())
    return Dists(out, sdists[0], wheels[0])


@pytest.fixture(scope="session")
def fresh_venv(dists: Dists, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with archive-gen installed by name from the built wheel's folder (as from an index:
    pip writes no direct_url.json), its dependencies from the package index."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    run([sys.executable, "-m", "venv", venv])
    run([venv / "bin/python", "-m", "pip", "install", "-q", "--find-links", dists.folder, "archive-gen"],
        env=venv_env(venv))
    return venv


def venv_env(venv: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return {**env, **extra}


def repo_files(folder: str) -> set[str]:
    """The files of a repository folder that ship (dotfiles such as templates/.keep do not)."""
    found = {p.relative_to(REPO / folder).as_posix() for p in (REPO / folder).rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")}
    assert found, folder
    return found


def test_sdist_and_wheel_pass_twine_check(dists: Dists) -> None:
    done = run([sys.executable, "-m", "twine", "check", "--strict", dists.sdist, dists.wheel])
    assert done.stdout.count("PASSED") == 2, done.stdout


def test_one_version_everywhere(dists: Dists) -> None:
    assert dists.wheel.name == f"archive_gen-{VERSION}-py3-none-any.whl"
    assert dists.sdist.name == f"archive_gen-{VERSION}.tar.gz"
    with zipfile.ZipFile(dists.wheel) as wheel:
        meta = wheel.read(f"archive_gen-{VERSION}.dist-info/METADATA").decode()
    assert f"\nVersion: {VERSION}\n" in meta and "\nLicense-Expression: MIT\n" in meta
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and "\nversion =" not in pyproject.split("[tool.setuptools.dynamic]")[0]


def test_the_wheel_carries_templates_static_files_gazetteer_and_scaffold(dists: Dists) -> None:
    with zipfile.ZipFile(dists.wheel) as wheel:
        names = set(wheel.namelist())
    expected = ({f"archive_gen/_templates/{f}" for f in repo_files("templates")}
                | {f"archive_gen/_static/{f}" for f in repo_files("static")}
                | {f"archive_gen/tagging/data/{f}" for f in repo_files("src/archive_gen/tagging/data")}
                | {f"archive_gen/scaffold_files/{f}" for f in repo_files("src/archive_gen/scaffold_files")})
    assert "archive_gen/tagging/data/gazetteer.tsv" in expected
    assert "archive_gen/scaffold_files/_github/workflows/pages.yml" in expected
    assert expected - names == set()
    assert {f"archive_gen-{VERSION}.dist-info/licenses/LICENSE", f"archive_gen-{VERSION}.dist-info/licenses/NOTICE"} <= names


def test_the_sdist_carries_what_the_wheel_is_built_from(dists: Dists) -> None:
    with tarfile.open(dists.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"LICENSE", "NOTICE", "README.md", "pyproject.toml"} <= names
    assert {f"templates/{f}" for f in repo_files("templates")} <= names
    assert {f"static/{f}" for f in repo_files("static")} <= names


def test_the_wheel_in_a_fresh_venv_inits_a_pinned_project_and_builds(fresh_venv: Path, dists: Dists,
                                                                      tmp_path: Path) -> None:
    env = venv_env(fresh_venv)
    bin_ = fresh_venv / "bin"
    assert run([bin_ / "archive-gen", "--version"], env=env).stdout.strip() == f"archive-gen, version {VERSION}"
    where = run([bin_ / "python", "-c", "from archive_gen.resources import builtin_dir; print(builtin_dir('templates'))"],
                env=env, cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(fresh_venv) and (Path(where) / "base.html").is_file()

    done = run([bin_ / "archive-gen", "init", "my-archive"], cwd=tmp_path, env=env)
    assert f"requirements.txt pins archive-gen=={VERSION}" in done.stdout and done.stderr == ""
    project = tmp_path / "my-archive"
    text = (project / "requirements.txt").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if not line.startswith("#")] == [f"archive-gen=={VERSION}"]
    workflow_path = project / ".github/workflows/pages.yml"
    assert schema_errors([workflow_path]) == ""
    workflow = load(workflow_path)
    assert outdated_actions(workflow) == [] and pip_cache_misses(workflow, project) == []

    # the workflow's own install step, as the runner runs it (`bash -e`), with this venv's python;
    # the pinned version is found where it was installed from (not yet on PyPI)
    install = next(s["run"] for s in steps(workflow) if "pip install" in s.get("run", ""))
    done = run(["bash", "-e", "-c", install], cwd=project, env={**env, "PIP_FIND_LINKS": str(dists.folder)})
    assert f"archive-gen, version {VERSION}" in done.stdout
    # ... and its build step, with the URL configure-pages gives a project site
    build = next(s["run"] for s in steps(workflow) if s.get("run", "").startswith("archive-gen build"))
    build = build.replace("${{ steps.pages.outputs.base_url }}", "https://example.github.io/my-archive")
    done = run(["bash", "-e", "-c", build + " --jobs 1"], cwd=project, env=env)
    assert "1 page read (1 parsed" in done.stdout
    assert "https://example.github.io/my-archive/" in (project / "site" / "feed.xml").read_text(encoding="utf-8")
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "本站由" in home and "OWNER" not in home and "@ARCHIVE_GEN@" not in home

    # the sample archive of this repository, away from its templates/ and static/: only the wheel's
    sample = tmp_path / "sample"
    sample.mkdir()
    for name in ("archive.yaml", "about.md"):
        shutil.copy(REPO / name, sample / name)
    shutil.copytree(REPO / "seeds", sample / "seeds")
    done = run([bin_ / "archive-gen", "build", "--strict", "--jobs", "1"], cwd=sample, env=env)
    pages = len(list((REPO / "seeds").glob("*.txt")))
    assert f"{pages} pages read ({pages} parsed" in done.stdout
    assert "工人日报数字报档案（样例）" in (sample / "site" / "index.html").read_text(encoding="utf-8")
    assert (sample / "site" / "search" / "index.js").is_file()


def test_pip_written_direct_url_json_reads_as_expected(dists: Dists, tmp_path: Path) -> None:
    """Real installs (no dependencies, into --target folders): a wheel file and a git commit."""
    def origin_of(target: Path) -> tuple[dict[str, object], InstallOrigin]:
        infos = sorted(target.glob("archive_gen-*.dist-info"))
        assert len(infos) == 1
        raw = json.loads((infos[0] / "direct_url.json").read_text(encoding="utf-8"))
        return raw, installed_origin(metadata.PathDistribution(infos[0]), check_clone)

    target = tmp_path / "from-wheel"
    run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", target, dists.wheel])
    raw, origin = origin_of(target)
    assert raw["url"] == dists.wheel.as_uri() and "archive_info" in raw
    assert (origin.kind, origin.requirement, origin.where) == ("local", None, f"the local file {dists.wheel}")

    # a git repository holding the sdist's tree, installed at its commit
    repo = tmp_path / "repo"
    with tarfile.open(dists.sdist) as sdist:
        # the "data" filter exists from Python 3.11.4 on (Debian 12 has 3.11.2); the sdist is our own
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        sdist.extractall(tmp_path / "unpacked", **safe)  # type: ignore[arg-type]
    shutil.copytree(tmp_path / "unpacked" / f"archive_gen-{VERSION}", repo)
    git_env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "release"]):
        run(["git", "-C", repo, *args], env=git_env)
    commit = run(["git", "-C", repo, "rev-parse", "HEAD"]).stdout.strip()
    target = tmp_path / "from-git"
    run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", target,
         f"git+{repo.as_uri()}@main"])
    raw, origin = origin_of(target)
    assert raw["vcs_info"] == {"vcs": "git", "requested_revision": "main", "commit_id": commit}
    # a file:// repository is local to this machine: checked as a clone (it has no remote)
    assert origin.requirement is None
    assert origin.where == (f"the local git repository {repo}; "
                            "it is a git clone without a remote that GitHub could clone from")
    # the same record for a repository on GitHub: only the url differs
    raw["url"] = "https://github.com/example/archive-gen"
    pinned = origin_from_direct_url(json.dumps(raw), VERSION, lambda folder: CloneCheck(None, "unused"))
    assert pinned.requirement == f"archive-gen @ git+https://github.com/example/archive-gen@{commit}"
