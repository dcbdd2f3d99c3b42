"""The files of a new archive project (`archive-gen init`): the packaged scaffold, with the Pages
workflow's branch and a requirements.txt that pins archive-gen to where it was installed from.

Pure: it returns ``{relative path: bytes}``; writer.write_scaffold puts them on disk.
"""

from __future__ import annotations

import importlib.resources
import json
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from .origin import DIST_NAME, InstallOrigin

DEFAULT_BRANCH = "main"  # what GitHub names a new repository's first branch

# Scaffold names that packaging would drop or hide (dotfiles), mapped to their real names.
_RENAMES = {"_gitignore": ".gitignore", "_github": ".github"}
_SLOT = re.compile(r"@[A-Z_]+@")

REQUIREMENTS = "requirements.txt"
WORKFLOW = ".github/workflows/pages.yml"


@dataclass(frozen=True)
class Scaffold:
    """What `init` writes and what it has to tell the user about it."""

    files: Mapping[str, bytes]  # relative path -> content
    origin: InstallOrigin  # where archive-gen was installed from: what requirements.txt pins
    branch: str  # the branch whose pushes the Pages workflow publishes
    branch_inferred: bool  # True when read from the destination's git repository


def make_scaffold(origin: InstallOrigin, branch: str | None = None,
                  root: Traversable | None = None) -> Scaffold:
    """The project files for ``origin``; ``branch`` None means the default, ``main``."""
    root = root or importlib.resources.files("archive_gen") / "scaffold_files"
    chosen = branch or DEFAULT_BRANCH
    about_link = f"[archive-gen]({origin.home})" if origin.home else "**archive-gen**"
    slots = {"@BRANCH@": chosen, "@ARCHIVE_GEN@": about_link}
    files: dict[str, bytes] = {}
    for rel, data in _packaged(root, ""):
        text = data.decode("utf-8") if rel.endswith((".yml", ".md", ".yaml")) else None
        if text is not None:
            if "@BRANCH@" in text:
                # JSON's escapes are valid in a YAML double-quoted string, so any branch name is safe
                text = text.replace('"@BRANCH@"', json.dumps(chosen, ensure_ascii=False))
            for slot, value in slots.items():
                text = text.replace(slot, value)
            left = _SLOT.findall(text)
            assert not left, f"unfilled scaffold slot {left} in {rel}"
            data = text.encode("utf-8")
        files[rel] = data
    files[REQUIREMENTS] = requirements_text(origin).encode("utf-8")
    return Scaffold(dict(sorted(files.items())), origin, chosen, branch is not None)


def requirements_text(origin: InstallOrigin) -> str:
    """requirements.txt for the Pages workflow: the pin, or plain words on what to write there."""
    head = [f"# {DIST_NAME} for the GitHub Pages workflow ({WORKFLOW} installs exactly this file).",
            f"# Written by `archive-gen init` (archive-gen {origin.version}), which was installed from",
            f"# {origin.where}."]
    if origin.requirement is not None:
        return "\n".join([*head,
                          "# A new version arrives as a change to the line below (dependabot proposes one).",
                          origin.requirement, ""])
    examples = [f"#   {DIST_NAME}=={origin.version}        (once it is published on PyPI)"]
    if origin.suggestion:
        examples.append(f"#   {origin.suggestion}")
        examples.append("#       (this folder's commit on its remote: push it first)")
    examples.append(f"#   {DIST_NAME} @ git+https://github.com/USER/REPO@COMMIT")
    examples.append("#       (a commit of a public git repository holding archive-gen)")
    return "\n".join([*head, "#",
                      "# EDIT THIS FILE BEFORE YOU PUSH: GitHub's runners cannot install archive-gen from there,",
                      "# so init could not pin it. Add one line saying where they can install it from, e.g.",
                      *examples,
                      "# Until a line names archive-gen, the Pages workflow stops with an error pointing here.",
                      ""])


def repository_branch(folder: Path, git: str = "git") -> str | None:
    """The checked-out branch of ``folder`` when it is itself a git repository (a fresh clone
    included, even before its first commit); None otherwise."""
    try:
        if not (folder / ".git").exists():
            return None
    except OSError:  # a name the disk cannot take: writing the project reports it, naming the folder
        return None
    try:
        done = subprocess.run([git, "-C", str(folder), "symbolic-ref", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    name = done.stdout.strip()
    return name if done.returncode == 0 and name else None


def _packaged(node: Traversable, prefix: str) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for child in node.iterdir():
        if child.name == "__pycache__" or child.name.endswith(".pyc"):
            continue
        rel = prefix + _RENAMES.get(child.name, child.name)
        if child.is_dir():
            out.extend(_packaged(child, rel + "/"))
        else:
            out.append((rel, child.read_bytes()))
    return sorted(out)
