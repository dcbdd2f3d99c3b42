"""Where archive-gen was installed from: PEP 610 direct_url.json (as pip writes it) read into the pip
requirement GitHub's runners can install, and local folders checked with real git repositories."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from archive_gen.origin import (
    CloneCheck,
    GitPin,
    check_clone,
    https_url,
    origin_from_direct_url,
    project_home,
)

SHA = "0123456789abcdef0123456789abcdef01234567"


def no_clone(folder: Path) -> CloneCheck:
    return CloneCheck(None, "it is not a git clone")


def test_installed_from_an_index_pins_the_version() -> None:
    origin = origin_from_direct_url(None, "0.3.1", no_clone)
    assert (origin.kind, origin.requirement, origin.home) == ("index", "archive-gen==0.3.1", None)
    # the page to link is the project's own (its metadata), never a guess at an index's address
    home = project_home(["Documentation, https://example.org/docs", "Source, https://github.com/example/archive-gen"])
    assert home == "https://github.com/example/archive-gen"
    assert origin_from_direct_url(None, "0.3.1", no_clone, home).home == home
    assert project_home(["Homepage, http://insecure.example.org"]) is None


def test_installed_from_git_pins_the_commit_pip_installed_not_the_branch_asked_for() -> None:
    # what `pip install git+https://github.com/example/archive-gen@main` writes
    text = json.dumps({"url": "https://github.com/example/archive-gen",
                       "vcs_info": {"vcs": "git", "requested_revision": "main", "commit_id": SHA}})
    origin = origin_from_direct_url(text, "0.1.0", no_clone)
    assert origin.kind == "vcs"
    assert origin.requirement == f"archive-gen @ git+https://github.com/example/archive-gen@{SHA}"
    assert origin.home == "https://github.com/example/archive-gen"


def test_git_credentials_ssh_and_subdirectories() -> None:
    text = json.dumps({"url": "https://user:ghp_secret@github.com/example/mono.git", "subdirectory": "tools/ag",
                       "vcs_info": {"vcs": "git", "commit_id": SHA}})
    line = origin_from_direct_url(text, "0.1.0", no_clone).requirement
    assert line == f"archive-gen @ git+https://github.com/example/mono.git@{SHA}#subdirectory=tools/ag"
    text = json.dumps({"url": "ssh://git@github.com/example/archive-gen.git", "vcs_info": {"vcs": "git", "commit_id": SHA}})
    assert origin_from_direct_url(text, "0.1.0", no_clone).requirement == \
        f"archive-gen @ git+https://github.com/example/archive-gen.git@{SHA}"


def test_installed_from_an_archive_url_pins_its_hash() -> None:
    text = json.dumps({"url": "https://example.org/dist/archive_gen-0.1.0-py3-none-any.whl",
                       "archive_info": {"hashes": {"sha256": "ab" * 32}, "hash": "sha256=" + "ab" * 32}})
    origin = origin_from_direct_url(text, "0.1.0", no_clone)
    assert origin.kind == "archive"
    assert origin.requirement == f"archive-gen @ https://example.org/dist/archive_gen-0.1.0-py3-none-any.whl#sha256={'ab' * 32}"


def test_a_local_wheel_or_folder_gives_no_requirement(tmp_path: Path) -> None:
    wheel = tmp_path / "archive_gen-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"")
    text = json.dumps({"url": wheel.as_uri(), "archive_info": {"hashes": {"sha256": "00" * 32}}})
    origin = origin_from_direct_url(text, "0.1.0", no_clone)
    assert (origin.kind, origin.requirement, origin.where) == ("local", None, f"the local file {wheel}")
    seen: list[Path] = []

    def probe(folder: Path) -> CloneCheck:
        seen.append(folder)
        return CloneCheck(None, "it is not a git clone")

    text = json.dumps({"url": tmp_path.as_uri(), "dir_info": {"editable": True}})
    origin = origin_from_direct_url(text, "0.1.0", probe)
    assert seen == [tmp_path]
    assert origin.requirement is None and origin.suggestion is None
    assert origin.where == f"the local folder {tmp_path} (an editable install); it is not a git clone"


def test_a_clean_local_clone_is_pinned_to_its_remote_commit(tmp_path: Path) -> None:
    pin = GitPin("https://github.com/example/archive-gen.git", SHA)
    text = json.dumps({"url": tmp_path.as_uri(), "dir_info": {"editable": True}})
    origin = origin_from_direct_url(text, "0.1.0", lambda folder: CloneCheck(pin, "", pin.url, SHA))
    assert origin.requirement == f"archive-gen @ git+https://github.com/example/archive-gen.git@{SHA}"
    assert origin.home == "https://github.com/example/archive-gen"


def test_an_unreadable_direct_url_is_reported_not_raised() -> None:
    origin = origin_from_direct_url("{not json", "0.1.0", no_clone)
    assert (origin.kind, origin.requirement) == ("local", None)
    assert "unreadable" in origin.where


@pytest.mark.parametrize(("remote", "expected"), [
    ("https://github.com/example/archive-gen.git", "https://github.com/example/archive-gen.git"),
    ("https://token@github.com/example/archive-gen", "https://github.com/example/archive-gen"),
    ("git@github.com:example/archive-gen.git", "https://github.com/example/archive-gen.git"),
    ("ssh://git@codeberg.org:2222/example/archive-gen.git", "https://codeberg.org/example/archive-gen.git"),
    ("git://example.org/archive-gen", "https://example.org/archive-gen"),
    ("/srv/git/archive-gen.git", None),
    ("../archive-gen", None),
    ("file:///srv/git/archive-gen.git", None),
])
def test_https_url(remote: str, expected: str | None) -> None:
    assert https_url(remote) == expected


# ---------------------------------------------------------------------------------------------
# check_clone on real repositories

def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(folder), "PATH": "/usr/bin:/bin"})
    return done.stdout.strip()


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A clone of https://github.com/example/archive-gen as `git clone` leaves it: origin/main at HEAD
    (the remote-tracking ref is written directly: no network)."""
    repo = tmp_path / "archive-gen"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "pyproject.toml").write_text("[project]\nname = 'archive-gen'\n")
    git(repo, "add", "pyproject.toml")
    git(repo, "commit", "-q", "-m", "first")
    git(repo, "remote", "add", "origin", "git@github.com:example/archive-gen.git")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    return repo


def test_a_clean_clone_pins_its_head(clone: Path) -> None:
    head = git(clone, "rev-parse", "HEAD")
    check = check_clone(clone)
    assert check.pin == GitPin("https://github.com/example/archive-gen.git", head)
    (clone / "notes.txt").write_text("untracked files do not matter")
    assert check_clone(clone).pin == check.pin


def test_a_project_in_a_subfolder_of_the_clone(clone: Path) -> None:
    (clone / "tools").mkdir()
    pin = check_clone(clone / "tools").pin
    assert pin is not None and pin.subdirectory == "tools"
    assert pin.requirement().endswith("#subdirectory=tools")


def test_uncommitted_changes_or_an_unpushed_commit_give_no_pin_but_a_suggestion(clone: Path) -> None:
    (clone / "pyproject.toml").write_text("[project]\nname = 'archive-gen'\nversion = '9'\n")
    check = check_clone(clone)
    assert (check.pin, check.reason) == (None, "its git clone has uncommitted changes")
    git(clone, "commit", "-q", "-am", "local change")
    head = git(clone, "rev-parse", "HEAD")
    check = check_clone(clone)
    assert check.pin is None
    assert check.reason == f"commit {head} is on no branch of https://github.com/example/archive-gen.git (push it first)"
    assert (check.remote_url, check.commit) == ("https://github.com/example/archive-gen.git", head)


def test_no_remote_or_no_repository(clone: Path, tmp_path: Path) -> None:
    git(clone, "remote", "set-url", "origin", str(tmp_path / "bare.git"))
    assert check_clone(clone).reason == "it is a git clone without a remote that GitHub could clone from"
    plain = tmp_path / "plain"
    plain.mkdir()
    assert check_clone(plain) == CloneCheck(None, "it is not a git clone")
