"""The one place that writes sites and projects: output-folder safety and ownership, the build lock, the
staging folder pages are streamed into, the journaled move of a finished build, and the scaffold of
``archive-gen init``.

archive-gen deletes or overwrites only files it has recorded as its own: every site it writes carries
``.archive-gen/manifest.json.gz`` listing them. A new build streams its new and changed files into a
staging folder beside the output (same filesystem) and moves them in only once all are written, under
a journal, so a failed or killed build leaves the previous site as it was and a build killed during the
moves is finished by the next one. Unchanged files keep their inode and mtime; a build that changes
nothing writes nothing.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import fcntl
import gzip
import hashlib
import json
import os
import pwd
import re
import signal
import stat
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputBusy, OutputError, RenderError

OWN_DIR = ".archive-gen"
MANIFEST_PATH = f"{OWN_DIR}/manifest.json.gz"
JOURNAL = ".archive-gen-journal.json"  # inside a staging folder: all its files are complete
# entered while a commit puts its files in place (``serve`` holds its answers meanwhile: a file rewritten in
# place reads half new, half old)
MoveGuard = Callable[[], contextlib.AbstractContextManager[None]]
# what a site written by archive-gen before it kept a manifest could hold (adopted as its own on upgrade)
_LEGACY_TOP = ("index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", ".nojekyll")
_LEGACY_DIRS = ("articles/", "issues/", "regions/", "topics/", "keywords/", "archive/", "search/", "static/",
                "pagefind/")


@dataclass(frozen=True)
class FileStamp:
    """A written output file as the build remembers it: content hash plus the stat that vouches for it."""

    sha256: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class WriteResult:
    """What a commit did; path tuples are sorted site-relative paths."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]  # stale files of archive-gen's dropped (--clean, or superseded)
    kept: tuple[str, ...]  # stale files of archive-gen's left in place (no --clean)
    stamps: dict[str, FileStamp]  # every file the build produced, as now on disk


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------------------------
# which folders may be written, and what in them is archive-gen's

def check_output_safe(output: Path, *, sources: Iterable[Path], protected: Iterable[Path] = ()) -> Path:
    """Resolve ``output`` and refuse folders a build must never own; returns the resolved path.

    Refused (OutputError, exit 2): the filesystem root, the home folder and every folder above it, the
    current folder and every folder above it, an existing non-folder, a folder equal to, inside or
    above a source folder, and a folder holding one of ``protected`` (archive.yaml, the cache) or inside it.
    """
    shown = str(output)
    try:
        resolved = _resolve(output)
    except OSError as exc:  # a loop of links (was a RuntimeError traceback)
        raise OutputError(f"cannot use the output folder: {exc.strerror}", source=shown,
                          hint="choose a folder of its own, e.g. --output site") from None
    try:
        cwd: Path | None = Path.cwd().resolve()
    except FileNotFoundError:  # the current folder was removed: no output can hold it
        cwd = None
    if resolved == Path(resolved.anchor):
        raise OutputError("refusing to use the filesystem root as the output folder", source=shown)
    if any(home.is_relative_to(resolved) for home in _homes()):
        raise OutputError("refusing to use the home folder (or a folder above it) as the output folder",
                          source=shown, hint="choose a folder of its own, e.g. --output site")
    if cwd is not None and cwd.is_relative_to(resolved):
        raise OutputError("refusing to use the current folder (or a folder above it) as the output folder",
                          source=shown, hint="choose a folder of its own, e.g. --output site")
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
        try:
            src = _resolve(source)
        except OSError:  # a loop of links: no folder, the output cannot be in it (the walk reports it)
            continue
        if resolved == src or resolved.is_relative_to(src):
            where = "is the source folder" if resolved == src else "is inside the source folder"
            raise OutputError(f"output folder {where} {source}", source=shown,
                              hint="choose an output outside the sources, e.g. --output site")
        if src.is_relative_to(resolved):
            raise OutputError(f"output folder contains the source folder {source}", source=shown,
                              hint="choose a folder of its own, e.g. --output site")
    held_paths: list[tuple[Path, Path]] = []
    for path in protected:
        try:
            held_paths.append((path, _resolve(path)))
        except OSError:  # a loop of links: nothing the output could hold or be inside (its use reports it)
            continue
    project = [*(_resolve(source) for source in sources if not _loops(source)), *(held for _, held in held_paths)]
    for path, held in held_paths:
        if held.is_relative_to(resolved):
            where = "is" if held == resolved else "contains"
            raise OutputError(f"output folder {where} {path}", source=shown,
                              hint="choose a folder of its own, e.g. --output site")
        # inside the cache folder (``output: .archive-cache/site``): the site was built, and the cache's marks
        # hid it from backups; named like a folder of the cache (``.archive-cache/outputs``) the cache wrote
        # its entries into the published site, and its pruning worked among the site's files. (A cache that
        # holds the project, ``cache_dir: .``, is refused as a cache, which says more.)
        if resolved.is_relative_to(held) and not any(p.is_relative_to(held) and p != held for p in project):
            raise OutputError(f"output folder is inside {path}", source=shown,
                              hint="choose a folder of its own, e.g. --output site")
    return resolved


def _loops(path: Path) -> bool:
    try:
        _resolve(path)
    except OSError:
        return True
    return False


def _resolve(path: Path) -> Path:
    """``path`` made absolute with every link followed; OSError (ELOOP) for a loop of links, which this Python
    reports as a RuntimeError."""
    try:
        return path.expanduser().resolve()
    except RuntimeError:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None


def _homes() -> set[Path]:
    """$HOME and the account's home folder (they differ when HOME is set for one command)."""
    homes = {Path.home().resolve()}
    with contextlib.suppress(KeyError, OSError):
        homes.add(Path(pwd.getpwuid(os.getuid()).pw_dir).resolve())
    return {home for home in homes if home != Path(home.anchor)}


@dataclass(frozen=True)
class Ownership:
    """What archive-gen may replace in an output folder: the files its last build recorded, plus what
    that manifest says of published article URLs."""

    files: frozenset[str]
    articles: Mapping[str, tuple[str, ...]]  # published article path -> (id, source, date, title)
    legacy: bool = False  # a site of an archive-gen that kept no manifest: its own file names are adopted

    def owns(self, rel: str) -> bool:
        if rel in self.files:
            return True
        return self.legacy and (rel in _LEGACY_TOP or rel.startswith(_LEGACY_DIRS))


def read_ownership(output: Path, *, allow_foreign: bool) -> Ownership:
    """The output folder's manifest; OutputError for a non-empty folder archive-gen did not write, or
    one whose manifest is damaged, unless ``allow_foreign`` (then nothing in it is archive-gen's, so
    nothing in it is ever replaced or deleted).

    The manifest only ever grants files found by walking the output folder (``existing_files``, which
    never follows a link): a name in it with ``..``, an absolute path or a path through a linked folder
    matches nothing, so no manifest, however forged, makes a build touch a file outside the folder."""
    if not output.is_dir():
        return Ownership(frozenset(), {})
    manifest = output / MANIFEST_PATH
    if os.path.lexists(manifest) or os.path.islink(output / OWN_DIR):
        try:
            ownership = _read_manifest(output)
        except _NewerManifest as newer:
            # a site built by a later release, then by this one (a second machine, a downgrade): it was called
            # "damaged", and the user told to move it away
            if allow_foreign:
                return Ownership(frozenset(), {})
            raise OutputError(f"this folder was built by a newer archive-gen (its ownership manifest has format "
                              f"{newer.found}; this one reads format {MANIFEST_FORMAT})", source=str(manifest),
                              hint="upgrade archive-gen, or build into another folder") from None
        except _EditedManifest:
            if allow_foreign:
                return Ownership(frozenset(), {})
            raise OutputError("refusing to build into this folder: its ownership manifest was changed by something "
                              "other than archive-gen (edited by hand?), so archive-gen cannot tell its own files from "
                              "others", source=str(manifest),
                              hint="move the output folder away and build again, or build into another folder") from None
        if ownership is not None:
            return ownership
        if allow_foreign:
            return Ownership(frozenset(), {})
        raise OutputError("refusing to build into this folder: its ownership manifest is damaged, so archive-gen "
                          "cannot tell its own files from others", source=str(manifest),
                          hint="move the output folder away and build again, or build into another folder")
    try:
        entries = [e for e in os.listdir(output) if e != OWN_DIR]
    except OSError as exc:
        raise OutputError(f"cannot read the output folder: {exc.strerror}", source=str(output)) from None
    if not entries:
        return Ownership(frozenset(), {})
    if _legacy_site(output):
        return Ownership(frozenset(), {}, legacy=True)
    if allow_foreign:
        return Ownership(frozenset(), {})
    raise OutputError("refusing to build into a folder that holds files archive-gen did not write",
                      source=str(output),
                      hint="choose an empty or new folder, or pass --allow-foreign-files to add the site "
                           "beside them (they are never replaced or deleted)")


# a manifest larger than this (read or unpacked) is not one archive-gen wrote (a gzip bomb, a runaway
# file); a million articles make about 200 MB
MAX_MANIFEST_BYTES = 1 << 28


# the ownership manifest's format this archive-gen writes and reads
MANIFEST_FORMAT = 1


class _EditedManifest(Exception):
    """The output's manifest reads, but not as archive-gen writes it: changed by someone else."""


class _NewerManifest(Exception):
    """The output's manifest is of a format a later archive-gen writes."""

    def __init__(self, found: int) -> None:
        super().__init__(found)
        self.found = found


def _read_manifest(output: Path) -> Ownership | None:
    """The manifest as archive-gen writes it, or None: a link, a pipe, a bomb, not gzip, not JSON,
    not archive-gen's format, a list of files that is not a list of text."""
    try:
        folder = os.open(output / OWN_DIR, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            fd = os.open("manifest.json.gz", os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
        finally:
            os.close(folder)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_MANIFEST_BYTES:
                return None
            with os.fdopen(fd, "rb", closefd=False) as fh:
                packed = fh.read(MAX_MANIFEST_BYTES + 1)
        finally:
            os.close(fd)
        unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
        text = unpacker.decompress(packed, MAX_MANIFEST_BYTES)
        if unpacker.unconsumed_tail or not unpacker.eof:
            return None
        data = json.loads(text.decode("utf-8", "surrogateescape"))  # as written: names that are not UTF-8
        if isinstance(data, dict) and data.get("generator") == "archive-gen" and type(data.get("format")) is int \
                and data["format"] > MANIFEST_FORMAT:
            raise _NewerManifest(data["format"])
        if not isinstance(data, dict) or data.get("generator") != "archive-gen" or data.get("format") != MANIFEST_FORMAT:
            return None
        files, articles = data["files"], data.get("articles", {})
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files) or not isinstance(articles, dict):
            return None
        # archive-gen writes one spelling only (manifest_bytes: sorted, compact, sorted keys): any other is a
        # manifest changed by someone (gunzip, an editor, gzip), most often to list a file of theirs, which a
        # --clean build then deleted as archive-gen's own
        if files != sorted(set(files)) or text != json.dumps(data, ensure_ascii=False, separators=(",", ":"),
                                                             sort_keys=True).encode("utf-8", "surrogateescape"):
            raise _EditedManifest
        return Ownership(frozenset(files), {str(k): tuple(str(x) for x in v) for k, v in articles.items()
                                            if isinstance(v, list) and len(v) == 6})
    except (OSError, ValueError, KeyError, TypeError, zlib.error, RecursionError, MemoryError):
        return None


def _legacy_site(output: Path) -> bool:
    index = output / "index.html"
    try:
        head = index.read_bytes()[:2000] if index.is_file() and not index.is_symlink() else b""
    except OSError:
        return False
    return b'<meta name="generator" content="archive-gen">' in head and (output / ".nojekyll").exists()


def manifest_bytes(files: Iterable[str], articles: Mapping[str, tuple[str, ...]]) -> bytes:
    """The ownership manifest a build leaves in its output (deterministic: sorted, gzip without a date)."""
    body = {"generator": "archive-gen", "format": MANIFEST_FORMAT, "files": sorted(set(files) | {MANIFEST_PATH}),
            "articles": {k: list(v) for k, v in sorted(articles.items())}}
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # level 3, not 6: every build that writes anything writes it (20k paths at 10k items: 2.9 MB of JSON in
    # 0.021 s against 0.050 s, 600 KB against 515 KB)
    return gzip.compress(text.encode("utf-8", "surrogateescape"), compresslevel=3, mtime=0)


LOCK_PATH = f"{OWN_DIR}/build.lock"


class OutputLock:
    """One build per output folder at a time: a POSIX lock on ``.archive-gen/build.lock`` in the output,
    held while building. The file is created once and never written, so a build that changes nothing
    changes no file; the holder's pid comes from the lock itself (F_GETLK). The kernel drops the lock
    with its process, so a killed build never blocks the next one. A build that wrote no site (it was
    refused, or failed first) removes the lock file and folder it made."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.path = output / LOCK_PATH
        self._fd: int | None = None
        self._made_output = False
        self._made_own = False

    def __enter__(self) -> OutputLock:
        own = self.output / OWN_DIR
        if os.path.islink(own):
            raise OutputError("cannot lock the output folder: it is a link, and archive-gen follows no link in "
                              "its own folder", source=str(own), hint="remove the link and build again")
        for _ in range(10):  # again only when a finishing build removed the file we opened (see _same_file)
            try:
                self._made_output = self._made_output or not self.output.exists()
                self._made_own = self._made_own or not os.path.lexists(own)
                own.mkdir(parents=True, exist_ok=True)
                folder = os.open(own, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
                try:
                    fd = os.open("build.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644, dir_fd=folder)
                finally:
                    os.close(folder)
            except OSError as exc:
                raise OutputError(f"cannot lock the output folder: {exc.strerror}", source=str(self.path)) from None
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = _lock_holder(fd)
                os.close(fd)
                who = f" (pid {holder})" if holder else ""
                raise OutputBusy(f"another build of this output folder is running{who}", source=str(self.output),
                                 hint="wait for it to finish, or build into another folder") from None
            if _same_file(fd, self.path):
                self._fd = fd
                return self
            os.close(fd)
        raise OutputError("cannot lock the output folder: its lock file keeps changing", source=str(self.path))

    def __exit__(self, *exc: object) -> None:
        if self._fd is None:
            return
        if (self._made_own or self._made_output) and not os.path.lexists(self.output / MANIFEST_PATH):
            # this build made the lock (and the folder) and wrote no site: leave no trace of it. A build
            # that opened the file meanwhile finds it gone once it holds the lock, and opens it again.
            with contextlib.suppress(OSError):
                self.path.unlink()
                self.path.parent.rmdir()
                if self._made_output:
                    self.output.rmdir()
        os.close(self._fd)  # closing releases the lock
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    """True when ``path`` still names the file open as ``fd`` (it was not removed after we opened it)."""
    try:
        here, there = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _lock_holder(fd: int) -> int | None:
    """The pid holding a write lock on ``fd``'s file (Linux ``struct flock`` layout), or None."""
    request = struct.pack("hhxxxxqqixxxx", fcntl.F_WRLCK, 0, 0, 0, 0)
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, request)
        kind, _, _, _, pid = struct.unpack("hhxxxxqqixxxx", answer)
    except (OSError, struct.error):
        return None
    return pid if kind != fcntl.F_UNLCK and pid > 0 else None


# ---------------------------------------------------------------------------------------------
# writing

def check_site_path(rel: str) -> None:
    """A rendered path must be a plain relative POSIX path (no '..', no absolute, no backslash)."""
    if not plain_site_path(rel):
        raise RenderError(f"the site contains an unsafe output path {rel!r}")


def plain_site_path(rel: str) -> bool:
    """True for a relative POSIX path of named parts: no empty part, no '.' or '..', no backslash or NUL
    (plain string tests: this runs for every file of a build)."""
    return (bool(rel) and rel[0] != "/" and rel[-1] != "/" and "//" not in rel and "\\" not in rel
            and "\0" not in rel and rel not in (".", "..") and not rel.startswith(("./", "../"))
            and not rel.endswith(("/.", "/..")) and "/./" not in rel and "/../" not in rel)


def write_file(fd: int, data: bytes) -> None:
    """The one low-level write of a build's bytes (into its staging pack); tests replace it to simulate a
    full or slow disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


@dataclass(frozen=True)
class StagedFile:
    """A file a build staged: its hash and size, and where its bytes lie (a pack of the staging folder)."""

    sha256: str
    size: int
    pack: str
    offset: int


# a name may take 255 bytes: the staging folder's name adds a dot, ".tmp-" and a pid to the output's
STAGING_NAME_BYTES = 200


def staging_prefix(output: Path) -> str:
    """The name of a build's staging folder beside ``output``, up to the pid: ``.site.tmp-``.

    An output folder whose name is long but legal (up to 255 bytes, as archive.yaml allows) gave a staging
    name over the file system's limit, and the build failed with "File name too long" every time. A long
    name is cut and a hash of the whole name added, so two long names that begin alike
    never share a staging folder."""
    raw = os.fsencode(output.name)
    if len(raw) <= STAGING_NAME_BYTES:
        return f".{output.name}.tmp-"
    head = os.fsdecode(raw[:STAGING_NAME_BYTES - 20])  # bytes cut mid-character stay those bytes on disk
    return f".{head}~{hashlib.sha256(raw).hexdigest()[:12]}.tmp-"


class Staging:
    """The folder beside the output that a build streams its new and changed files into.

    Each process appends the files it makes to one pack file of its own (``pack-<pid>``): a thousand
    files cost one file creation, not a thousand (on some disks each costs a millisecond). ``stage``
    may be called from forked worker processes; ``commit`` runs in the parent once every file is
    staged, and puts each file in place from its pack under a journal.
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        self.root = output.parent / f"{staging_prefix(output)}{os.getpid()}"
        self._pack: tuple[int, int] | None = None  # (pid, fd) of this process's pack
        self._size = 0

    def open(self) -> None:
        try:
            if os.path.lexists(self.root):
                _discard_staging(self.root)
            self.root.mkdir(parents=True)
        except OSError as exc:
            raise OutputError(f"cannot write the site: {exc.strerror or exc}", source=str(self.output),
                              hint="the previous site was left as it was") from None

    def stage(self, rel: str, data: bytes) -> StagedFile:
        """Append one file to this process's pack; returns where it lies, its hash and its size."""
        check_site_path(rel)
        pid = os.getpid()
        name = f"pack-{pid}"
        try:
            if self._pack is None or self._pack[0] != pid:  # first file here, or a forked worker's first
                fd = os.open(self.root / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                self._pack, self._size = (pid, fd), 0
            offset = self._size
            write_file(self._pack[1], data)
            self._size += len(data)
        except OSError as exc:
            raise OutputError(f"cannot write the site: {exc.strerror or exc}",
                              source=str(self.output / rel), hint="the previous site was left as it was") from None
        return StagedFile(sha256_bytes(data), len(data), name, offset)

    def close_pack(self) -> None:
        """Close this process's pack (workers call it when done; commit calls it in the parent)."""
        if self._pack is not None and self._pack[0] == os.getpid():
            os.close(self._pack[1])
        self._pack = None

    def abort(self) -> None:
        self.close_pack()
        if not (self.root / JOURNAL).is_file():
            _discard_staging(self.root)

    def commit(self, staged: Mapping[str, StagedFile], kept: Mapping[str, FileStamp], ownership: Ownership, *,
               clean: bool, replaced_whole: tuple[str, ...] = (),
               withdrawn: Callable[[str], bool] | None = None,
               articles: Mapping[str, tuple[str, ...]] | None = None,
               moving: MoveGuard | None = None) -> WriteResult:
        """Make the output hold the staged files and the kept ones (already on disk, untouched), and the
        ownership manifest listing them (plus stale files of archive-gen's that stay, and ``articles``).

        Stale files (in the output, not in this site) are removed only when archive-gen owns them and
        ``clean`` is set, or they lie under ``replaced_whole`` (the search index, whose file names are
        content hashes), or ``withdrawn`` says so of their path (a term's feed once the term has no item: kept,
        it went on offering its last entries to every feed reader); a file the user put there is never removed
        or overwritten.
        """
        output = self.output
        staged = dict(staged)
        kept = dict(kept)
        new_set = set(staged) | set(kept) | {MANIFEST_PATH}
        try:
            existing = existing_files(output)
            for rel in staged:
                if rel in existing and not ownership.owns(rel):
                    raise OutputError("refusing to overwrite a file archive-gen did not write",
                                      source=str(output / rel), hint="move it away, or build into another folder")
            _refuse_replacing_foreign(output, [rel for rel in staged if rel not in existing], existing, ownership)
            gone = [rel for rel in existing if rel not in new_set and ownership.owns(rel)]
            in_order = sorted(new_set) if gone else []
            # an old file where the new site needs a folder (or the reverse) must go, whatever --clean says
            blocking = {rel for rel in gone if _is_folder_of(rel, in_order) or _shadowed(rel, new_set)}
            stale = [rel for rel in gone if rel not in blocking]
            superseded = [rel for rel in stale if (replaced_whole and rel.startswith(replaced_whole))
                          or (withdrawn is not None and withdrawn(rel))]
            stale = [rel for rel in stale if rel not in set(superseded)]
            removed = sorted([*superseded, *(stale if clean else [])])
            kept_stale = () if clean else tuple(sorted(stale))
            listed = new_set.union(kept_stale)
            if ownership.files == listed and not ownership.legacy and ownership.articles == (articles or {}) \
                    and still_on_disk(output, MANIFEST_PATH, kept.get(MANIFEST_PATH)):
                pass  # the manifest on disk lists exactly this already (most rebuilds: ~0.1 s of JSON at 10k)
            else:
                manifest = manifest_bytes(listed, articles or {})
                same = same_on_disk(output, MANIFEST_PATH, manifest, kept.get(MANIFEST_PATH))
                if same is not None:
                    kept[MANIFEST_PATH] = same
                else:
                    kept.pop(MANIFEST_PATH, None)
                    staged[MANIFEST_PATH] = self.stage(MANIFEST_PATH, manifest)
            for rel in new_set:
                if rel not in staged and rel not in existing:
                    raise OutputError("a file of the previous build vanished during this one; build again",
                                      source=str(output / rel))
            to_write = sorted(staged)
            self.close_pack()
            if to_write or removed or blocking:
                journal = {"write": [[rel, staged[rel].pack, staged[rel].offset, staged[rel].size] for rel in to_write],
                           "remove": sorted([*removed, *blocking])}
                with _signals_deferred() as deferred:
                    # ASCII: a static file named in bytes that are not UTF-8 (surrogate escapes) is written too
                    (self.root / JOURNAL).write_bytes(json.dumps(journal).encode("ascii"))
                    with moving() if moving is not None else contextlib.nullcontext():
                        _apply_journal(self.root, output)
                if deferred:
                    raise SiteWritten
            else:
                _discard_staging(self.root)
            stamps = dict(kept)
            for rel in to_write:
                st = os.stat(output / rel, follow_symlinks=False)
                stamps[rel] = FileStamp(staged[rel].sha256, st.st_size, st.st_mtime_ns)
        except OSError as exc:
            raise OutputError(f"cannot write the site: {exc.strerror or exc}", source=_shown_path(exc, output),
                              hint="the previous site was left as it was") from None
        unchanged = tuple(sorted(rel for rel in kept if rel not in staged))
        return WriteResult(tuple(to_write), unchanged, tuple(removed), kept_stale, dict(sorted(stamps.items())))


class SiteWritten(KeyboardInterrupt):
    """Ctrl-C or SIGTERM came once the new site was going in place: it is in place (not the previous one)."""


@contextlib.contextmanager
def _signals_deferred() -> Iterator[list[int]]:
    """Ctrl-C and SIGTERM wait while the staged files go in place: interrupted there, the output held half
    the new site and half the old (till the next build replayed the journal) while the build said the
    previous site was left as it was. The signals that came are listed (the caller raises SiteWritten);
    outside the main thread (serve's rebuilds) nothing can be deferred, and nothing is."""
    came: list[int] = []
    previous: dict[int, object] = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(signum) is not signal.SIG_IGN:  # nohup's SIGHUP stays ignored
                previous[signum] = signal.signal(signum, lambda number, frame: came.append(number))
    except ValueError:  # not the main thread
        pass
    try:
        yield came
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


def recover_interrupted(output: Path) -> None:
    """Tidy up what a killed build left beside ``output`` (called under the build lock): finish a
    swap that had begun (its staging folder carries the journal), and delete staging folders whose
    build never reached it.

    Only archive-gen's own files are deleted there (``pack-<pid>``, the journal), never a folder's other
    contents. A journal is replayed only when every path in it is a plain path inside the output and
    every file it would replace or remove is one the output's manifest records as archive-gen's: a
    damaged or forged journal is dropped with its staging folder, and the output is left as it is."""
    parent = output.parent
    if not parent.is_dir():
        return
    prefix = staging_prefix(output)
    for entry in sorted(parent.iterdir()):
        if not entry.name.startswith(prefix) or not entry.name[len(prefix):].isdigit() or entry.is_symlink() \
                or not entry.is_dir():
            continue  # not a name this module makes
        journal = _read_journal(entry) if output.is_dir() else None
        if journal is not None and _journal_is_ours(journal, output):
            _apply_journal(entry, output)  # every file was staged: finish moving them in
        else:
            _discard_staging(entry)


def _discard_staging(folder: Path) -> None:
    """Delete a staging folder's own files (its packs and journal), then the folder if nothing else is
    in it: a folder that only looks like one keeps whatever else it holds."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if (entry.name == JOURNAL or _PACK.fullmatch(entry.name)) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
    with contextlib.suppress(OSError):
        os.rmdir(folder)


_PACK = re.compile(r"pack-[0-9]+")
_Journal = tuple[list[tuple[str, str, int, int]], list[str]]


def _read_journal(tmp: Path) -> _Journal | None:
    """The journal's (writes, removes) when it is whole and every path in it is a plain site path."""
    try:
        fd = os.open(tmp / JOURNAL, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_MANIFEST_BYTES:
                return None
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = json.loads(fh.read())
        finally:
            os.close(fd)
        writes = [(str(rel), str(pack), int(offset), int(size)) for rel, pack, offset, size in data["write"]]
        removes = [str(rel) for rel in data["remove"]]
        if not all(isinstance(x, str) for x in data["remove"]) or not all(
                isinstance(rel, str) and isinstance(pack, str) and type(offset) is int and type(size) is int
                and offset >= 0 and size >= 0 and _PACK.fullmatch(pack) for rel, pack, offset, size in data["write"]):
            return None
        if not all(plain_site_path(rel) for rel in (*removes, *(w[0] for w in writes))):
            return None
        return writes, removes
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def _journal_is_ours(journal: _Journal, output: Path) -> bool:
    """True when every file the journal replaces or removes is archive-gen's by the manifest on disk (the
    old one, or the new one the journal wrote first: both own every such file of a real journal), and
    no path of it goes through a link (a removal through ``link/`` would delete a file outside)."""
    writes, removes = journal
    ownership = read_ownership(output, allow_foreign=True)
    out = str(output) + os.sep

    def kind(rel: str) -> int | None:  # what stands at rel, or None
        try:
            return stat.S_IFMT(os.lstat(out + rel).st_mode)
        except OSError:
            return None

    def through_links(rel: str) -> bool:  # a folder on the way is a link or a file
        parts = rel.split("/")
        for i in range(1, len(parts)):
            found = kind("/".join(parts[:i]))
            if found is None:
                return False  # nothing further down exists
            if found != stat.S_IFDIR:
                return True
        return False

    def foreign(rel: str) -> bool:  # a file or link stands there and it is not archive-gen's
        found = kind(rel)
        return found is not None and found != stat.S_IFDIR and not ownership.owns(rel)

    for rel in removes:
        if through_links(rel) or foreign(rel):
            return False
    for rel, *_ in writes:
        parts = rel.split("/")  # a file of archive-gen's on the way is replaced by a folder, a user's never
        if any(foreign("/".join(parts[:i])) for i in range(1, len(parts) + 1)):
            return False
    return True


def _refuse_replacing_foreign(output: Path, new: list[str], existing: set[str], ownership: Ownership) -> None:
    """OutputError when a new file of the site would replace one of the user's in another way than by
    its name: a file or link of theirs where the site needs a folder (``articles``), or a folder of
    theirs where the site needs a file (``feed.xml/``)."""
    if not new:
        return
    folders = {rel.rpartition("/")[0] for rel in new} - {""}
    above = {"/".join(parts[:i]) for folder in folders for parts in [folder.split("/")] for i in range(1, len(parts) + 1)}
    for folder in sorted(above):
        if folder in existing and not ownership.owns(folder):
            raise OutputError("refusing to replace a file archive-gen did not write with a folder of the site",
                              source=str(output / folder), hint="move it away, or build into another folder")
    out = str(output) + os.sep
    for rel in sorted(new):
        try:
            is_folder = stat.S_ISDIR(os.lstat(out + rel).st_mode)
        except OSError:
            continue
        if is_folder:
            theirs = sorted(e for e in existing if e.startswith(rel + "/") and not ownership.owns(e))
            if theirs:
                raise OutputError("refusing to replace a folder that holds files archive-gen did not write",
                                  source=str(output / rel), hint=f"{theirs[0]} is in it; move it away, or build "
                                                                 "into another folder")


def existing_files(output: Path) -> set[str]:
    """Site-relative paths of every file (or symlink) now in the output folder."""
    if not output.is_dir():
        return set()
    found: set[str] = set()
    # scandir with plain strings: this runs on every build over possibly hundreds of thousands of files
    stack = [(str(output), "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, rel + "/"))
                else:  # files and symlinks (a symlinked folder is one entry, never entered)
                    found.add(rel)
    return found


def warm_metadata(output: Path) -> int:
    """Read the metadata of every file under ``output`` (its folders, and a stat of each file) and forget it:
    run in a process of its own while a build parses, it brings into the kernel's cache what the build reads
    later on its longest path (a stat of every page it keeps, the walk before the swap). Like git's
    preload-index, it only warms: nothing it learns is used, so a file changing meanwhile changes nothing.
    Returns how many files it saw."""
    seen = 0
    try:
        for rel in existing_files(output):
            with contextlib.suppress(OSError):
                os.stat(os.path.join(output, rel), follow_symlinks=False)
            seen += 1
    except OSError:
        pass  # a folder that went away or cannot be read: the build reports what it finds itself
    return seen


def on_disk_as_stamped(output: Path, stamps: Mapping[str, FileStamp]) -> bool:
    """True when every stamped file is on disk with the size and mtime it was written with."""
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


def still_on_disk(output: Path, rel: str, stamp: FileStamp | None) -> bool:
    """One file is on disk as the stamp says (a regular file of that size and mtime)."""
    if stamp is None:
        return False
    try:
        st = os.stat(str(output) + os.sep + rel, follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_size == stamp.size and st.st_mtime_ns == stamp.mtime_ns


def same_on_disk(output: Path, rel: str, data: bytes, stamp: FileStamp | None) -> FileStamp | None:
    """The stamp of the file on disk when it holds exactly ``data`` (trusted from ``stamp`` while size
    and mtime match, else read and compared), or None."""
    try:
        st = os.stat(str(output) + os.sep + rel, follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
        return None
    sha = sha256_bytes(data)
    if stamp is not None and stamp.size == st.st_size and stamp.mtime_ns == st.st_mtime_ns:
        return stamp if stamp.sha256 == sha else None
    try:
        with open(str(output) + os.sep + rel, "rb") as fh:
            return FileStamp(sha, st.st_size, st.st_mtime_ns) if fh.read() == data else None
    except OSError:
        return None


def _apply_journal(tmp: Path, output: Path) -> None:
    """Put every staged file of ``tmp`` in its place in ``output``, remove what the journal says to remove,
    then drop ``tmp``. Safe to run again after an interruption: every step is redone the same way.

    The new manifest is put in place first, by a rename (a kill leaves the old one or the new one, never
    half of one), so the files that follow are owned before they appear. An existing file is rewritten
    in place, a new one created: on disks that discard freed blocks (ext4 ``discard``), freeing a file's
    blocks (a rename over it, a truncation to zero) costs milliseconds, fifty times what overwriting it
    costs. Nothing here removes a folder that holds anything (removals are of files; a folder in the
    way of a file must be empty)."""
    journal = _read_journal(tmp)
    if journal is None:
        raise OSError(5, "the journal of the staging folder is damaged", str(tmp / JOURNAL))
    writes, removes = journal
    output.mkdir(parents=True, exist_ok=True)
    out = str(output) + os.sep
    for rel in removes:
        target = out + rel
        with contextlib.suppress(FileNotFoundError, NotADirectoryError, IsADirectoryError):
            if not stat.S_ISDIR(os.lstat(target).st_mode):
                os.unlink(target)
    _prune_empty_folders(output, {rel.rpartition("/")[0] for rel in removes} - {""})
    made: set[str] = set()  # folders known to stand (as folders) now
    created: set[str] = set()  # folders this call made: nothing stands in them but what it put there
    packs: dict[str, int] = {}
    try:
        for rel, pack, offset, size in sorted(writes, key=lambda w: w[0] != MANIFEST_PATH):
            folder = rel.rpartition("/")[0]
            if folder and folder not in made:
                _make_folder(out, folder, made, created)
            if pack not in packs:
                packs[pack] = os.open(tmp / pack, os.O_RDONLY | os.O_NOFOLLOW)
            data = os.pread(packs[pack], size, offset)
            if len(data) != size:
                raise OSError(5, "a staged file is shorter than its journal says", str(tmp / pack))
            if rel == MANIFEST_PATH:
                put_in_place(out + rel + ".tmp", data)
                os.replace(out + rel + ".tmp", out + rel)
            else:
                put_in_place(out + rel, data, new=folder in created)
    finally:
        for fd in packs.values():
            os.close(fd)
    _discard_staging(tmp)


def put_in_place(target: str, data: bytes, *, new: bool = False) -> None:
    """Make ``target`` hold ``data``: an existing regular file is overwritten in place (its blocks kept),
    a link that stands there is removed first, and an empty folder (a folder that holds anything is
    never removed: OSError). ``new``: nothing stands there (its folder was just made), so the file is
    only created (O_EXCL checks it): no lstat, no truncation (a cold build puts every file this way)."""
    if new:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        return
    try:
        existing = os.lstat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        if stat.S_ISDIR(existing.st_mode):
            os.rmdir(target)
        else:
            os.unlink(target)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)


def _make_folder(out: str, folder: str, made: set[str], created: set[str]) -> None:
    """Create ``out + folder`` and the folders above it not yet in ``made`` (each then is), replacing a file
    of archive-gen's (or a link) that stands where a folder must be; the folders made are added to
    ``created``. One lstat per folder not yet known (a cold build makes ~6k folders)."""
    parts = folder.split("/")
    for end in range(1, len(parts) + 1):
        current = "/".join(parts[:end])
        if current in made:
            continue
        target = out + current
        try:
            kind = stat.S_IFMT(os.lstat(target).st_mode)
        except FileNotFoundError:
            kind = None
        if kind is not None and kind != stat.S_IFDIR:
            os.unlink(target)
            kind = None
        if kind is None:
            try:
                os.mkdir(target)
            except FileExistsError:  # made by someone else meanwhile: a folder now, or mkdir's error stands
                if not stat.S_ISDIR(os.lstat(target).st_mode):
                    raise
            else:
                created.add(current)
        made.add(current)


def _prune_empty_folders(output: Path, folders: set[str]) -> None:
    """Remove folders that removals left empty, deepest first (never the output itself)."""
    for folder in sorted(folders, key=lambda f: -f.count("/")):
        parts = folder.split("/")
        while parts:
            with contextlib.suppress(OSError):
                (output / "/".join(parts)).rmdir()  # fails (and stops nothing) when not empty
            parts.pop()


def _shown_path(exc: OSError, output: Path) -> str:
    """The path an error names, as the user knows it: a file in the staging folder is shown at the
    place it was going to have in the output folder."""
    name = exc.filename if isinstance(exc.filename, str) else None
    if name is None:
        return str(output)
    tmp = str(output.parent / f"{staging_prefix(output)}{os.getpid()}")
    if name == tmp:
        return str(output)
    if name.startswith(tmp + os.sep):
        return str(output / name[len(tmp) + 1:])
    return name


def _is_folder_of(rel: str, in_order: list[str]) -> bool:
    """Some path of the sorted ``in_order`` lies inside a folder named ``rel``."""
    at = bisect.bisect_left(in_order, rel + "/")
    return at < len(in_order) and in_order[at].startswith(rel + "/")


def _shadowed(rel: str, new_set: set[str]) -> bool:
    # an old file "a" where the new site needs a folder "a/" (or the reverse) cannot be kept
    parts = rel.split("/")
    return any("/".join(parts[:i]) in new_set for i in range(1, len(parts)))


def scaffold_link(dest: Path, rel: str) -> Path | None:
    """The first part of ``rel`` under ``dest`` that is a link (leading anywhere, or nowhere), else None: ``init
    --force`` wrote through them (``about.md -> ~/notes.md`` missing there created it; a linked ``sources/`` or
    ``.github/`` got the sample page and the workflow in the folder it leads to)."""
    path = dest
    for part in rel.split("/"):
        path = path / part
        if path.is_symlink():
            return path
        if not os.path.lexists(path):
            return None
    return None


def write_scaffold(dest: Path, files: Mapping[str, bytes], *, force: bool = False) -> tuple[list[str], list[str]]:
    """Write a new project's ``files`` (scaffold.make_scaffold) into ``dest``; returns (created, skipped)
    relative paths.

    A non-empty ``dest`` is refused unless ``force`` (a folder holding only ``.git``, e.g. a fresh clone
    of an empty repository, counts as empty); even then existing files are never overwritten, and nothing is
    written through a link in it (skipped too: ``scaffold_link`` names it).
    """
    created: list[str] = []
    skipped: list[str] = []
    try:
        # inside the try: a name the disk cannot take (ENAMETOOLONG) raises from exists() already
        if dest.is_symlink() and not dest.exists():  # mkdir said only "File exists"
            try:
                os.stat(dest)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    raise OutputError("is a loop of links, not a folder", source=str(dest)) from None
            raise OutputError(f"is a link to {os.readlink(dest)}, which does not exist", source=str(dest),
                              hint="make the folder it leads to, or give init another folder")
        if dest.exists() and not dest.is_dir():
            raise OutputError("exists and is not a folder", source=str(dest))
        if dest.is_dir() and any(entry.name != ".git" for entry in dest.iterdir()) and not force:
            raise OutputError("folder is not empty", source=str(dest),
                              hint="use --force to add the missing scaffold files; existing files are kept")
        for rel in sorted(files):
            target = dest / rel
            if target.exists() or scaffold_link(dest, rel) is not None:
                skipped.append(rel)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            # O_EXCL|O_NOFOLLOW: a link (dangling) put there since is never written through
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
            with os.fdopen(fd, "wb") as fh:
                fh.write(files[rel])
            created.append(rel)
    except OSError as exc:
        raise OutputError(f"cannot write the new project: {exc.strerror or exc}",
                          source=str(exc.filename or dest)) from None
    return created, skipped
