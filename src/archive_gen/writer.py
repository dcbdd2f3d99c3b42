"""The one place that writes sites and projects: output-folder safety checks, the atomic swap of a
complete new site, and the scaffold of ``archive-gen init``.

A build writes into a temporary folder beside the output (same filesystem), hard-linking files whose
bytes did not change, and only then renames it into place; a failed or killed build leaves the previous
site as it was. Unchanged files keep their inode and mtime, and a build that changes nothing writes nothing.
"""

from __future__ import annotations

import importlib.resources
import os
import shutil
import stat
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .cache import FileStamp, sha256_bytes
from .errors import OutputError, RenderError

# Testing hook: seconds to sleep after each file written, so a test can kill a build mid-write.
WRITE_DELAY_ENV = "ARCHIVE_GEN_TEST_WRITE_DELAY"

# Progress callback: (files written so far, files to write).
ProgressHook = Callable[[int, int], None]


@dataclass(frozen=True)
class WriteResult:
    """What a write did; path tuples are sorted site-relative paths."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]  # stale files dropped (--clean)
    kept: tuple[str, ...]  # stale files left in place (no --clean)
    stamps: dict[str, FileStamp]  # every file the build produced, as now on disk


def check_output_safe(output: Path, *, sources: tuple[Path, ...], protected: tuple[Path, ...] = ()) -> Path:
    """Resolve ``output`` and refuse folders a build must never replace; returns the resolved path.

    Refused: ``/`` and the home folder, an existing non-folder, a folder equal to, inside, or containing
    a source folder, and a folder containing one of ``protected`` (the config file, the cache).
    """
    resolved = output.expanduser().resolve()
    shown = str(output)
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        raise OutputError("refusing to use this folder as the output: it would be replaced", source=shown)
    if resolved.exists() and not resolved.is_dir():
        raise OutputError("output path exists and is not a folder", source=shown)
    # fail before the (long) build when the folder could not be created or written at all
    ancestor = resolved.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputError(f"cannot create the output folder: {ancestor} is not a folder", source=shown)
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputError(f"cannot create the output folder: {ancestor} is not writable", source=shown)
    for source in sources:
        src = source.expanduser().resolve()
        if resolved == src or resolved.is_relative_to(src):
            raise OutputError(f"output folder is inside the source folder {source}", source=shown,
                              hint="choose an output outside the sources, e.g. --output site")
        if src.is_relative_to(resolved):
            raise OutputError(f"output folder contains the source folder {source}", source=shown,
                              hint="the output is replaced on every build")
    for path in protected:
        if path.expanduser().resolve().is_relative_to(resolved):
            raise OutputError(f"output folder contains {path}", source=shown,
                              hint="the output is replaced on every build")
    return resolved


def check_site_paths(files: Mapping[str, bytes]) -> None:
    """Every rendered path must be a plain relative POSIX path (no '..', no absolute, no backslash)."""
    for rel in files:
        pure = PurePosixPath(rel)
        if (not rel or rel.startswith("/") or "\\" in rel or "\0" in rel
                or any(part in ("", ".", "..") for part in rel.split("/")) or pure.is_absolute()):
            raise RenderError(f"the site contains an unsafe output path {rel!r}")


def recover_interrupted(output: Path) -> None:
    """Undo what a killed build left beside ``output``: restore a backup if the swap was cut in half,
    and delete temporary folders whose build process is gone."""
    parent = output.parent
    if not parent.is_dir():
        return
    for entry in sorted(parent.iterdir()):
        name = entry.name
        for marker in (".tmp-", ".old-"):
            prefix = f".{output.name}{marker}"
            if not name.startswith(prefix):
                continue
            pid_text = name[len(prefix):]
            if not pid_text.isdigit():
                continue  # not a name this module makes
            if _pid_alive(int(pid_text)) and int(pid_text) != os.getpid():
                continue  # another build is running right now
            if marker == ".old-" and not output.exists():
                os.rename(entry, output)  # the swap was interrupted between its two renames
            else:
                shutil.rmtree(entry, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def existing_files(output: Path) -> list[str]:
    """Site-relative paths of every file (or symlink) currently in the output folder, sorted."""
    if not output.is_dir():
        return []
    found: list[str] = []
    # scandir with plain strings: this runs on every build over possibly hundreds of thousands of files
    stack = [(str(output), "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, rel + "/"))
                else:  # files and symlinks (a symlinked folder is carried over as a link)
                    found.append(rel)
    return sorted(found)


def output_matches(output: Path, stamps: Mapping[str, FileStamp]) -> bool:
    """True when every file of the manifest is on disk with the size and mtime it was written with."""
    root = str(output) + os.sep
    stat_of = os.stat
    for rel, stamp in stamps.items():  # plain strings: this is the whole cost of a no-op build
        try:
            st = stat_of(root + rel, follow_symlinks=False)
        except OSError:
            return False
        if st.st_size != stamp.size or st.st_mtime_ns != stamp.mtime_ns:
            return False
    return True


def write_site(files: Mapping[str, bytes], output: Path, *, clean: bool,
               previous: Mapping[str, FileStamp] | None = None, progress: ProgressHook | None = None,
               ) -> WriteResult:
    """Make ``output`` hold exactly ``files`` (plus stale files unless ``clean``), atomically.

    ``previous`` is the manifest of the last write: a file whose hash and stat match it is kept without
    being read. OSError (unwritable folder, disk full) becomes OutputError; the old site stays intact.
    """
    check_site_paths(files)
    previous = previous or {}
    delay = _write_delay()
    try:
        old_files = existing_files(output)
        new_set = set(files)
        stale = [rel for rel in old_files if rel not in new_set and not _shadowed(rel, new_set)]
        unchanged: list[str] = []
        to_write: list[str] = []
        hashes: dict[str, str] = {}
        vouched: dict[str, FileStamp] = {}  # unchanged files whose manifest stamp matched their stat
        for rel in sorted(files):
            data = files[rel]
            hashes[rel] = sha256_bytes(data)
            same = _same_on_disk(output / rel, data, hashes[rel], previous.get(rel))
            if same == "vouched":
                vouched[rel] = previous[rel]
            if same:
                unchanged.append(rel)
            else:
                to_write.append(rel)

        def stamps_now() -> dict[str, FileStamp]:
            # a hard-linked file is the same inode as before, so a stamp that matched still holds
            return {rel: vouched.get(rel) or _stamp(output / rel, hashes[rel]) for rel in sorted(files)}

        removed = tuple(stale) if clean else ()
        kept = () if clean else tuple(stale)
        if output.is_dir() and not to_write and not removed:
            return WriteResult((), tuple(unchanged), (), kept, stamps_now())

        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = _tmp_dir(output)
        if tmp.exists():
            shutil.rmtree(tmp)
        try:
            tmp.mkdir()
            carried = sorted(unchanged + list(kept))
            # each folder once, parents first (a mkdir per file costs a syscall per file at scale)
            for folder in sorted({rel.rpartition("/")[0] for rel in (*carried, *to_write)} - {""}):
                os.makedirs(tmp / folder, exist_ok=True)
            for rel in carried:
                _link_or_copy(output / rel, tmp / rel)
            total = len(to_write)
            for done, rel in enumerate(to_write, 1):
                write_file(tmp / rel, files[rel])
                if progress is not None:
                    progress(done, total)
                if delay:
                    time.sleep(delay)
            _swap(tmp, output)
        except BaseException:
            # interrupted (Ctrl-C, SIGTERM) or failed: the old site was never touched
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return WriteResult(tuple(to_write), tuple(unchanged), removed, kept, stamps_now())
    except OSError as exc:
        raise OutputError(f"cannot write the site: {exc.strerror or exc}", source=_shown_path(exc, output),
                          hint="the previous site was left as it was") from None


def _tmp_dir(output: Path) -> Path:
    return output.parent / f".{output.name}.tmp-{os.getpid()}"


def write_file(path: Path, data: bytes) -> None:
    """The one low-level write of a site file (tests replace it to simulate a full disk)."""
    with open(path, "wb") as fh:
        fh.write(data)


def _shown_path(exc: OSError, output: Path) -> str:
    """The path an error names, as the user knows it: a file in the temporary folder is shown at the
    place it was going to have in the output folder."""
    name = exc.filename if isinstance(exc.filename, str) else None
    if name is None:
        return str(output)
    tmp = str(_tmp_dir(output))
    if name == tmp:
        return str(output)
    if name.startswith(tmp + os.sep):
        return str(output / name[len(tmp) + 1:])
    return name


def _shadowed(rel: str, new_set: set[str]) -> bool:
    # an old file "a" where the new site needs a folder "a/" (or the reverse) cannot be kept
    parts = rel.split("/")
    return any("/".join(parts[:i]) in new_set for i in range(1, len(parts)))


def _same_on_disk(path: Path, data: bytes, sha: str, stamp: FileStamp | None) -> str:
    """"vouched" (the manifest's stamp matches: not read), "equal" (read and compared), or "" (differs)."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return ""
    if not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
        return ""
    if stamp is not None and stamp.sha256 == sha and stamp.size == st.st_size and stamp.mtime_ns == st.st_mtime_ns:
        return "vouched"
    try:
        return "equal" if path.read_bytes() == data else ""
    except OSError:
        return ""


def _stamp(path: Path, sha: str) -> FileStamp:
    st = os.stat(path, follow_symlinks=False)
    return FileStamp(sha, st.st_size, st.st_mtime_ns)


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        # filesystems without hard links: copy, keeping the mtime so "unchanged" stays visible
        if src.is_symlink():
            os.symlink(os.readlink(src), dst)
        elif src.is_dir():
            shutil.copytree(src, dst, symlinks=True)
        else:
            shutil.copy2(src, dst)


def _swap(tmp: Path, output: Path) -> None:
    if not output.exists():
        os.rename(tmp, output)
        return
    backup = output.parent / f".{output.name}.old-{os.getpid()}"
    if backup.exists():
        shutil.rmtree(backup)
    os.rename(output, backup)
    try:
        os.rename(tmp, output)
    except BaseException:
        os.rename(backup, output)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def _write_delay() -> float:
    try:
        return max(0.0, float(os.environ.get(WRITE_DELAY_ENV, "0") or 0))
    except ValueError:
        return 0.0


# Scaffold names that packaging would drop or hide (dotfiles), mapped to their real names.
_SCAFFOLD_RENAMES = {"_gitignore": ".gitignore", "_github": ".github"}


def write_scaffold(dest: Path, *, force: bool = False) -> tuple[list[str], list[str]]:
    """Copy the packaged project scaffold into ``dest``; returns (created, skipped) relative paths.

    A non-empty ``dest`` is refused unless ``force``; even then existing files are never overwritten.
    """
    if dest.exists() and not dest.is_dir():
        raise OutputError("exists and is not a folder", source=str(dest))
    if dest.is_dir() and any(dest.iterdir()) and not force:
        raise OutputError("folder is not empty", source=str(dest),
                          hint="use --force to add the missing scaffold files; existing files are kept")
    created: list[str] = []
    skipped: list[str] = []
    root = importlib.resources.files("archive_gen") / "scaffold"
    try:
        for rel, data in sorted(_scaffold_files(root, "")):
            target = dest / rel
            if target.exists():
                skipped.append(rel)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            created.append(rel)
    except OSError as exc:
        raise OutputError(f"cannot write the new project: {exc.strerror or exc}",
                          source=str(exc.filename or dest)) from None
    return created, skipped


def _scaffold_files(node: importlib.resources.abc.Traversable, prefix: str) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for child in node.iterdir():
        if child.name in ("__pycache__",) or child.name.endswith(".pyc"):
            continue
        name = _SCAFFOLD_RENAMES.get(child.name, child.name)
        rel = f"{prefix}{name}"
        if child.is_dir():
            out.extend(_scaffold_files(child, rel + "/"))
        else:
            out.append((rel, child.read_bytes()))
    return out
