"""The one place that writes sites and projects: output-folder safety checks, the atomic swap of a
complete new site, and the scaffold of ``archive-gen init``.

A build writes into a temporary folder beside the output (same filesystem), hard-linking files whose
bytes did not change, and only then renames it into place; a failed or killed build leaves the previous
site as it was. Unchanged files keep their inode and mtime, and a build that changes nothing writes nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Mapping
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
    """Tidy up what a killed build left beside ``output``: finish a swap that had begun (its staging
    folder carries the journal), restore a backup if a whole-folder swap was cut in half, and delete
    staging folders whose build never reached the swap."""
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
            elif marker == ".tmp-" and (entry / JOURNAL).is_file() and output.is_dir():
                _apply_journal(entry, output)  # every file was staged: finish moving them in
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
               kept: Iterable[str] = (), replaced_whole: tuple[str, ...] = ()) -> WriteResult:
    """Make ``output`` hold exactly ``files`` and ``kept`` (plus stale files unless ``clean``).

    ``kept`` are paths the caller knows are already right on disk (their stamps come from ``previous``);
    a file of ``files`` whose hash and stat match ``previous`` is kept without being read. Under the
    ``replaced_whole`` prefixes (the search bundles, whose file names are content hashes) files the
    previous build wrote and this one does not are removed even without ``clean``. Changed files
    are staged in a folder beside the output and moved in only once all of them are written, so a
    failed or interrupted build leaves the previous site as it was. OSError becomes OutputError.
    """
    check_site_paths(files)
    previous = previous or {}
    kept_set = {rel for rel in kept if rel not in files and rel in previous}
    delay = _write_delay()
    try:
        fresh = not output.is_dir() or not any(output.iterdir())
        old_files = [] if fresh else existing_files(output)
        new_set = set(files) | kept_set
        gone = [rel for rel in old_files if rel not in new_set]
        # every folder of the new site: only needed (and only built) when old files are left over
        new_folders = {rel[:at] for rel in new_set for at in _slashes(rel)} if gone else set()
        # an old file where the new site needs a folder (or inside a folder that is now a file) must go,
        # whatever --clean says
        blocking = [rel for rel in gone if rel in new_folders or _shadowed(rel, new_set)]
        stale = [rel for rel in gone if rel not in new_folders and not _shadowed(rel, new_set)]
        superseded = [rel for rel in stale if rel.startswith(replaced_whole) and rel in previous] \
            if replaced_whole else []
        if superseded:
            blocking += superseded
            stale = [rel for rel in stale if rel not in set(superseded)]
        unchanged: list[str] = sorted(kept_set)
        to_write: list[str] = []
        hashes: dict[str, str] = {}
        vouched: dict[str, FileStamp] = {rel: previous[rel] for rel in kept_set}
        for rel in sorted(files):
            data = files[rel]
            hashes[rel] = sha256_bytes(data)
            same = "" if fresh else _same_on_disk(output / rel, data, hashes[rel], previous.get(rel))
            if same == "vouched":
                vouched[rel] = previous[rel]
            if same:
                unchanged.append(rel)
            else:
                to_write.append(rel)
        unchanged.sort()

        def stamps_now() -> dict[str, FileStamp]:
            return {rel: vouched.get(rel) or _stamp(output / rel, hashes[rel]) for rel in sorted(new_set)}

        removed = tuple(stale) if clean else ()
        kept_stale = () if clean else tuple(stale)
        if not fresh and not to_write and not removed and not blocking:
            return WriteResult((), tuple(unchanged), (), kept_stale, stamps_now())

        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = _tmp_dir(output)
        if tmp.exists():
            shutil.rmtree(tmp)
        try:
            tmp.mkdir()
            # each folder once, parents first (a mkdir per file costs a syscall per file at scale)
            for folder in sorted({rel.rpartition("/")[0] for rel in to_write} - {""}):
                os.makedirs(tmp / folder, exist_ok=True)
            _write_all(tmp, to_write, files, progress, delay)
            if fresh:
                if output.exists():
                    output.rmdir()  # an empty folder
                os.rename(tmp, output)
            else:
                # the journal says "every file is staged": from here on a killed build is finished by
                # the next one (recover_interrupted) instead of being thrown away
                journal = {"write": to_write, "remove": sorted([*removed, *blocking])}
                (tmp / JOURNAL).write_text(json.dumps(journal, ensure_ascii=False), encoding="utf-8")
                _apply_journal(tmp, output)
        except BaseException:
            # interrupted (Ctrl-C, SIGTERM) or failed before the swap: the old site was never touched
            if not (tmp / JOURNAL).is_file():
                shutil.rmtree(tmp, ignore_errors=True)
            raise
        return WriteResult(tuple(to_write), tuple(unchanged), removed, kept_stale, stamps_now())
    except OSError as exc:
        raise OutputError(f"cannot write the site: {exc.strerror or exc}", source=_shown_path(exc, output),
                          hint="the previous site was left as it was") from None


JOURNAL = ".archive-gen-journal.json"  # inside a staging folder: all its files are complete


def _write_all(root: Path, paths: list[str], files: Mapping[str, bytes], progress: ProgressHook | None,
               delay: float) -> None:
    """Write the staged files, one after another (threads made it slower: the filesystem serialises)."""
    total = len(paths)
    base = str(root) + os.sep
    for done, rel in enumerate(paths, 1):
        write_file(Path(base + rel), files[rel])
        if progress is not None and (done % 64 == 0 or done == total):
            progress(done, total)
        if delay:
            time.sleep(delay)


def _apply_journal(tmp: Path, output: Path) -> None:
    """Move every staged file of ``tmp`` into ``output`` (each rename is atomic), remove what the journal
    says to remove, then drop ``tmp``. Safe to run again after an interruption: done steps are skipped."""
    journal = json.loads((tmp / JOURNAL).read_text(encoding="utf-8"))
    out = str(output) + os.sep
    staged = str(tmp) + os.sep
    for rel in journal["remove"]:
        target = Path(out + rel)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
    _prune_empty_folders(output, {rel.rpartition("/")[0] for rel in journal["remove"]} - {""})
    made: set[str] = set()
    for rel in journal["write"]:
        source = staged + rel
        if not os.path.lexists(source):
            continue  # moved before the interruption
        folder = rel.rpartition("/")[0]
        if folder and folder not in made:
            _make_folder(output, folder)
            made.add(folder)
        os.replace(source, out + rel)
    shutil.rmtree(tmp, ignore_errors=True)


def _make_folder(output: Path, folder: str) -> None:
    """Create ``output/folder``, replacing a file that stands where one of its folders must be."""
    path = output
    for part in folder.split("/"):
        path = path / part
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            path.unlink()
    os.makedirs(output / folder, exist_ok=True)


def _prune_empty_folders(output: Path, folders: set[str]) -> None:
    """Remove folders that removals left empty, deepest first (never the output itself)."""
    for folder in sorted(folders, key=lambda f: -f.count("/")):
        parts = folder.split("/")
        while parts:
            with contextlib.suppress(OSError):
                (output / "/".join(parts)).rmdir()  # fails (and stops nothing) when not empty
            parts.pop()


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


def _slashes(rel: str) -> list[int]:
    return [at for at, char in enumerate(rel) if char == "/"]


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


def _write_delay() -> float:
    try:
        return max(0.0, float(os.environ.get(WRITE_DELAY_ENV, "0") or 0))
    except ValueError:
        return 0.0


def write_scaffold(dest: Path, files: Mapping[str, bytes], *, force: bool = False) -> tuple[list[str], list[str]]:
    """Write a new project's ``files`` (scaffold.make_scaffold) into ``dest``; returns (created, skipped)
    relative paths.

    A non-empty ``dest`` is refused unless ``force`` (a folder holding only ``.git``, e.g. a fresh clone
    of an empty repository, counts as empty); even then existing files are never overwritten.
    """
    if dest.exists() and not dest.is_dir():
        raise OutputError("exists and is not a folder", source=str(dest))
    if dest.is_dir() and any(entry.name != ".git" for entry in dest.iterdir()) and not force:
        raise OutputError("folder is not empty", source=str(dest),
                          hint="use --force to add the missing scaffold files; existing files are kept")
    created: list[str] = []
    skipped: list[str] = []
    try:
        for rel in sorted(files):
            target = dest / rel
            if target.exists():
                skipped.append(rel)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
            created.append(rel)
    except OSError as exc:
        raise OutputError(f"cannot write the new project: {exc.strerror or exc}",
                          source=str(exc.filename or dest)) from None
    return created, skipped
