"""Where this archive-gen was installed from (PEP 610 ``direct_url.json``), and the pip requirement
that makes GitHub's runners install the very same archive-gen again.

    from an index (no direct_url.json)   archive-gen==VERSION
    from a VCS URL                       archive-gen @ git+URL@COMMIT      (the commit pip installed)
    from an archive URL                  archive-gen @ URL#sha256=...
    from a local folder / file           no requirement GitHub can reach, unless the folder is a clean
                                         git clone whose commit is on its remote: then that commit
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit, urlunsplit
from urllib.request import url2pathname

from . import __version__

DIST_NAME = "archive-gen"

OriginKind = Literal["index", "vcs", "archive", "local"]


@dataclass(frozen=True)
class GitPin:
    """A commit that a remote repository has, as pip can install it."""

    url: str  # an https clone URL, credentials removed
    commit: str  # the full commit id
    subdirectory: str | None = None  # the project's folder inside the repository, if not its root

    def requirement(self, name: str = DIST_NAME) -> str:
        line = f"{name} @ git+{self.url}@{self.commit}"
        return line + (f"#subdirectory={self.subdirectory}" if self.subdirectory else "")


@dataclass(frozen=True)
class CloneCheck:
    """What a local folder's git clone says about installing it from its remote."""

    pin: GitPin | None  # set when the folder is a clean clone whose commit a remote branch holds
    reason: str  # why there is no pin ("" when there is one)
    remote_url: str | None = None  # the remote's https URL, when one was found
    commit: str | None = None  # the checked-out commit, when the folder is a clone


# How a local folder is checked (a parameter, so tests can run it on repositories they make).
CloneProbe = Callable[[Path], CloneCheck]


@dataclass(frozen=True)
class InstallOrigin:
    """Where the running archive-gen came from, and how to install the same one elsewhere."""

    kind: OriginKind  # index, vcs, archive (a URL to a wheel or sdist) or local (a folder or file)
    version: str  # the installed version
    requirement: str | None  # one pip requirement line GitHub's runners can install; None if none is known
    where: str  # where it was installed from, in words, for comments and messages
    home: str | None = None  # a web page of archive-gen's source to link to, if known
    suggestion: str | None = None  # local: the line that would work once a commit is pushed


def installed_origin(dist: metadata.Distribution | None = None,
                     probe: CloneProbe | None = None) -> InstallOrigin:
    """The origin of the installed archive-gen distribution (or of ``dist``)."""
    probe = probe or check_clone
    if dist is None:
        try:
            dist = metadata.distribution(DIST_NAME)
        except metadata.PackageNotFoundError:
            return InstallOrigin("local", __version__, None,
                                 "a source folder archive-gen is run from without being installed")
    return origin_from_direct_url(dist.read_text("direct_url.json"), dist.version, probe,
                                  project_home(dist.metadata.get_all("Project-URL") or []))


def project_home(project_urls: list[str]) -> str | None:
    """The source or home page among a distribution's ``Project-URL`` entries ("Label, URL")."""
    pages = {}
    for entry in project_urls:
        label, _, url = entry.partition(",")
        if url.strip().startswith("https://"):
            pages[label.strip().lower().replace(" ", "")] = url.strip()
    return next((pages[k] for k in ("source", "repository", "sourcecode", "homepage") if k in pages), None)


def origin_from_direct_url(text: str | None, version: str, probe: CloneProbe,
                           home: str | None = None) -> InstallOrigin:
    """Read a PEP 610 ``direct_url.json`` (``None``: there is none, i.e. installed from an index);
    ``home`` is the project's page from its metadata, for an index install (which names no source)."""
    if text is None:
        return InstallOrigin("index", version, f"{DIST_NAME}=={version}",
                             "a package index (PyPI, or the index pip is set up with)", home=home)
    try:
        data = json.loads(text)
        url = str(data["url"])
    except (ValueError, KeyError, TypeError):
        return InstallOrigin("local", version, None, "an unknown place (its direct_url.json is unreadable)")
    subdirectory = data.get("subdirectory") or None
    scheme = urlsplit(url).scheme.lower()
    if isinstance(data.get("vcs_info"), dict):
        vcs = data["vcs_info"]
        commit = str(vcs.get("commit_id", ""))
        kind = str(vcs.get("vcs", "git"))
        if scheme == "file":
            return _local(_file_path(url), version, probe, f"the local {kind} repository {_file_path(url)}")
        remote = https_url(url) if kind == "git" else _without_credentials(url)
        if remote is None or not commit:
            return InstallOrigin("local", version, None, f"the {kind} repository {_without_credentials(url)}")
        if kind == "git":
            pin = GitPin(remote, commit, subdirectory)
            return InstallOrigin("vcs", version, pin.requirement(), f"the git repository {remote} at commit {commit}",
                                 home=web_page(remote))
        line = f"{DIST_NAME} @ {kind}+{remote}@{commit}" + (f"#subdirectory={subdirectory}" if subdirectory else "")
        return InstallOrigin("vcs", version, line, f"the {kind} repository {remote} at revision {commit}")
    if isinstance(data.get("archive_info"), dict) and scheme in ("http", "https"):
        clean = _without_credentials(url)
        digest = _sha256(data["archive_info"])
        line = f"{DIST_NAME} @ {clean}" + (f"#sha256={digest}" if digest else "")
        return InstallOrigin("archive", version, line, f"the file at {clean}")
    if scheme == "file":
        path = _file_path(url)
        editable = isinstance(data.get("dir_info"), dict) and bool(data["dir_info"].get("editable"))
        if path.is_dir():
            label = f"the local folder {path}" + (" (an editable install)" if editable else "")
            return _local(path, version, probe, label)
        return InstallOrigin("local", version, None, f"the local file {path}")
    return InstallOrigin("local", version, None, _without_credentials(url))


def _local(path: Path, version: str, probe: CloneProbe, label: str) -> InstallOrigin:
    check = probe(path)
    if check.pin is not None:
        return InstallOrigin("local", version, check.pin.requirement(),
                             f"{label}, a clean git clone of {check.pin.url} at commit {check.pin.commit}",
                             home=web_page(check.pin.url))
    suggestion = None
    if check.remote_url and check.commit:
        suggestion = GitPin(check.remote_url, check.commit).requirement()
    return InstallOrigin("local", version, None, f"{label}{'; ' + check.reason if check.reason else ''}",
                         home=web_page(check.remote_url) if check.remote_url else None, suggestion=suggestion)


def _file_path(url: str) -> Path:
    return Path(url2pathname(unquote(urlsplit(url).path)))


def _sha256(archive_info: dict[str, object]) -> str | None:
    hashes = archive_info.get("hashes")
    if isinstance(hashes, dict) and isinstance(hashes.get("sha256"), str):
        return hashes["sha256"]
    legacy = archive_info.get("hash")
    if isinstance(legacy, str) and legacy.startswith("sha256="):
        return legacy.removeprefix("sha256=")
    return None


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


_SCP_LIKE = re.compile(r"^(?:[^@/:]+@)?(?P<host>[^/:]+):(?P<path>(?!//).+)$")


def https_url(url: str) -> str | None:
    """The https form of a git remote URL (https, http, ssh, git:// or scp-like ``git@host:path``),
    without credentials; None for a local path or ``file://`` URL, which no runner can reach.

    An ssh remote becomes https on the same host and path: it clones without a key when the
    repository is public (GitHub, GitLab, Codeberg… all serve both)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("https", "http"):
        return _without_credentials(url)
    if scheme in ("ssh", "git", "git+ssh", "ssh+git") and parts.hostname:
        return urlunsplit(("https", parts.hostname, parts.path, "", ""))
    if not scheme or len(scheme) == 1:  # no scheme, or a Windows drive letter
        match = _SCP_LIKE.match(url)
        if match:  # git's own rule: a colon before any slash means host:path
            return f"https://{match['host']}/{match['path'].lstrip('/')}"
    return None


def web_page(clone_url: str) -> str | None:
    """The web page of an https clone URL (``.git`` dropped); None for anything else."""
    if not clone_url.startswith("https://"):
        return None
    return clone_url.removesuffix("/").removesuffix(".git")


def check_clone(folder: Path, git: str = "git") -> CloneCheck:
    """Whether ``folder`` is a clean git clone whose checked-out commit a remote branch holds; then
    GitHub can install exactly this archive-gen from that remote. Runs git, read-only."""

    def run(*args: str) -> str | None:
        try:
            done = subprocess.run([git, "-C", str(folder), *args], capture_output=True, text=True,
                                  timeout=20, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    top = run("rev-parse", "--show-toplevel")
    commit = run("rev-parse", "--verify", "HEAD")
    if top is None or not commit:
        return CloneCheck(None, "it is not a git clone")
    remotes = (run("remote") or "").split()
    ordered = sorted(remotes, key=lambda name: (name != "origin", name))
    urls = {name: https_url(run("remote", "get-url", name) or "") for name in ordered}
    reachable = [name for name in ordered if urls[name]]
    if not reachable:
        return CloneCheck(None, "it is a git clone without a remote that GitHub could clone from", commit=commit)
    status = run("status", "--porcelain", "--untracked-files=no")
    holders = (run("for-each-ref", "--contains", "HEAD", "--format=%(refname)", "refs/remotes") or "").split()
    holding = [name for name in reachable if any(ref.startswith(f"refs/remotes/{name}/") for ref in holders)]
    remote = holding[0] if holding else reachable[0]
    remote_url = urls[remote]
    assert remote_url is not None
    if status is None or status:
        return CloneCheck(None, "its git clone has uncommitted changes", remote_url, commit)
    if not holding:
        return CloneCheck(None, f"commit {commit} is on no branch of {remote_url} (push it first)",
                          remote_url, commit)
    rel = Path(folder).resolve().relative_to(Path(top).resolve()).as_posix()
    return CloneCheck(GitPin(remote_url, commit, None if rel == "." else rel), "", remote_url, commit)
