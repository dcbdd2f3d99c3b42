"""Keys for code: what a stage's output depends on, derived from what its modules import.

``code_key("archive_gen.tagging")`` hashes the source of that module and of every archive_gen module it
imports (transitively, lazy imports inside functions included), the data files of the ``data/`` folder
beside each module that names it, the versions of the third-party distributions they import, and the
Python version. A stage computes its key from this and from the inputs it reads, next to its own code,
so no hand-kept list of paths can drift from what the code really uses.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import os
import re
import sys
from pathlib import Path

_ROOT = "archive_gen"
_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def code_key(*modules: str) -> str:
    """Hash of the code and data behind ``modules`` (dotted names inside archive_gen)."""
    files, distributions = _closure(modules)
    digest = hashlib.sha256(f"python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    for path in sorted(files):
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    for name in sorted(distributions):
        digest.update(f"{name}=={_version(name)}\0".encode())
    return digest.hexdigest()


def module_files(*modules: str) -> list[Path]:
    """The source and data files ``code_key`` covers (for tests and for ``archive-gen`` debugging)."""
    return sorted(_closure(modules)[0])


def _closure(modules: tuple[str, ...]) -> tuple[set[Path], set[str]]:
    files: set[Path] = set()
    distributions: set[str] = set()
    seen: set[str] = set()
    stack = list(modules)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _module_path(name)
        if path is None:
            continue
        files.add(path)
        if _reads_data(path):
            files.update(_data_files(path.parent))
        # a package's __init__ runs before its modules, but what it imports is its own business: only
        # what a module names is its dependency (else the parser would depend on the taxonomy, say)
        is_package = path.name == "__init__.py"
        for imported in _imports(path, name, is_package):
            if imported == _ROOT or imported.startswith(_ROOT + "."):
                stack.append(imported)
            else:
                distributions.update(_distributions(imported.partition(".")[0]))
    return files, distributions


@functools.cache
def _module_path(name: str) -> Path | None:
    """The file of an archive_gen module, found on disk (finding a spec would import its parents)."""
    parts = name.split(".")
    if parts[0] != _ROOT:
        return None
    base = _PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


@functools.cache
def _source(path: Path) -> str | None:
    """A module's text, read once per process (several stages' keys share most modules); None: unreadable."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _reads_data(path: Path) -> bool:
    """A module that names its ``"data"`` folder (``resources.files(...).joinpath("data", …)``) reads it."""
    text = _source(path)
    return text is None or '"data"' in text or "'data'" in text


@functools.cache
def _data_files(folder: Path) -> tuple[Path, ...]:
    """Files a module may read at run time: everything in the ``data/`` folder beside it."""
    data = folder / "data"
    if not data.is_dir():
        return ()
    return tuple(sorted(p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts))


_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)", re.M)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#;]*)", re.M)


@functools.cache
def _imports(path: Path, name: str, is_package: bool) -> tuple[str, ...]:
    """Dotted names of every module ``path`` imports, anywhere in its body (scanned once per process).

    A line scan, not a parse (parsing every module would cost more than a no-op build): a line that
    only looks like an import (in a docstring) at worst adds a dependency, never drops one.
    """
    text = _source(path)
    if text is None:
        return ()
    package = name if is_package else name.rpartition(".")[0]
    found: list[str] = []
    for match in _IMPORT.finditer(text):
        for alias in match.group(1).split(","):
            module = alias.split(" as ")[0].strip()
            if module:
                found.append(module)
    for match in _FROM_IMPORT.finditer(text):
        dots = len(match.group(1)) - len(match.group(1).lstrip("."))
        module = match.group(1)[dots:]
        if dots:
            base_parts = package.split(".")
            base = ".".join(base_parts[:len(base_parts) - (dots - 1)])
            target = f"{base}.{module}" if module else base
        else:
            target = module
        if not target:
            continue
        found.append(target)
        if target.startswith(_ROOT):  # "from . import segmenter" names a module, not an attribute
            for alias in match.group(2).strip("()").replace("\n", " ").split(","):
                member = alias.split(" as ")[0].strip()
                if member and member != "*" and _module_path(f"{target}.{member}") is not None:
                    found.append(f"{target}.{member}")
    return tuple(found)


@functools.cache
def _distributions(top_level: str) -> tuple[str, ...]:
    if top_level in sys.stdlib_module_names or top_level == "__future__":
        return ()
    owner = _owner_beside(top_level)
    if owner is not None:
        return (owner,)
    return tuple(_packages().get(top_level, ()))


def _owner_beside(top_level: str) -> str | None:
    """The distribution that installed the regular module or package ``top_level``, found among the
    dist-info folders beside it whose names contain its name (PyYAML for yaml, markdown-it-py for
    markdown_it) and confirmed by their file lists, or None (then every distribution is read: that
    costs ~0.1 s a build). Only one distribution can own a regular package's files; a namespace
    package, spread over several, always takes the full reading."""
    try:
        spec = importlib.util.find_spec(top_level)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or not spec.has_location:
        return None
    origin = Path(spec.origin)
    site = origin.parent.parent if spec.submodule_search_locations is not None else origin.parent
    wanted = _squash(top_level)
    try:
        names = sorted(n for n in os.listdir(site) if n.endswith(".dist-info") and wanted in _squash(n))
    except OSError:
        return None
    owned = {f"{top_level}/__init__.py", origin.name} if spec.submodule_search_locations is not None \
        else {origin.name}
    for name in names:
        dist = importlib.metadata.Distribution.at(site / name)
        declared = (dist.read_text("top_level.txt") or "").split()
        record = "\n" + (dist.read_text("RECORD") or "") if top_level not in declared else ""
        if top_level in declared or any(f"\n{path}," in record for path in owned):
            return str(dist.metadata["Name"])
    return None


def _squash(name: str) -> str:
    return re.sub(r"[-_.]+", "", name).lower()


@functools.cache
def _packages() -> dict[str, list[str]]:
    return dict(importlib.metadata.packages_distributions())


@functools.cache
def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "absent"
