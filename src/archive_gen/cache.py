"""The build cache: records, summaries, search shards and output manifests on disk, each entry checked.

Everything here is an optimisation: a missing, stale, corrupt, oversized or unwritable entry only costs
time, never correctness, so every read failure is a miss and every write failure is swallowed.

Every entry is one file: a header (magic, the key it was stored under, the payload's length and
SHA-256) and the pickled payload. A load names the key it wants and the file must carry exactly that
key, length and checksum; links are never followed (``O_NOFOLLOW``) and only regular files are read,
so a swapped, truncated, linked or foreign file is a miss, never wrong output. The folder is marked
(``CACHEDIR.TAG`` and ``archive-gen-cache.json``) and pruning deletes only entries of archive-gen's own
layout; a folder holding other files is refused (``open_cache``).

Layout under ``config.cache_dir``::

    CACHEDIR.TAG, archive-gen-cache.json    the marks
    pages/<k[:2]>/<k>.entry                 one parsed and tagged page (PageEntry), k = its record key
    docs/<k[:2]>/<k>.entry                  what search needs of one page's items
    summaries/<k>.entry                     the summaries of a month's pages (all loaded on every build)
    search/<k>.entry                        one finished search shard
    shards/<k>.entry                        its file names and meta file (all a build reads of a kept shard)
    state.entry                             stat -> hash of every source, related lists, URL history
    outputs/<h>.entry                       the last site written to one output folder (h = hash of its path)
    templates/<k>.entry                     one compiled template (render.TemplateCodeCache)
    patterns/<k>.entry                      the loader's compiled patterns, for one interpreter, when the user has
                                            no tables folder for them (records.PageWorker, patterns.py)
    jieba/                                  the segmenter's own tables, when the user has no cache folder for
                                            them (tagging/segmenter.py user_tables_dir)
"""

from __future__ import annotations

import contextlib
import errno
import gc
import hashlib
import json
import os
import pickle
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import OutputError

# Bump when the layout or the pickled classes change incompatibly.
CACHE_FORMAT = "3"
MARKER = "archive-gen-cache.json"
CACHEDIR_TAG = "CACHEDIR.TAG"
_TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This file is a cache directory tag created by archive-gen.\n"
             "# For information about cache directory tags, see https://bford.info/cachedir/\n")
_MAGIC = b"archive-gen-entry/" + CACHE_FORMAT.encode() + b"\n"
_HEADER = len(_MAGIC) + 64 + 8 + 32
_ENTRY = re.compile(r"[0-9a-f]{64}\.entry")
_FOLDERS = ("pages", "docs", "search", "shards", "outputs", "summaries", "templates", "patterns", "cards")
_SINGLES = ("state.entry",)
# the code of the build's one warning that its cache could not be written (said even without --verbose)
UNWRITABLE = "cache-unwritable"
# write errors that say the cache's disk cannot take the entry (not that one entry's place is damaged)
_DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO,
                          errno.EFBIG})
# what an entry may weigh: a bigger file is not one of ours (a link to /dev/zero, a runaway file)
MAX_ENTRY_BYTES = 1 << 31
# what a cache folder of an older archive-gen held, so upgrading adopts it instead of refusing it
_LEGACY = re.compile(r"(pages/[0-9a-f]{2}/[0-9a-f]{64}\.pickle|search/[0-9a-f]{64}\.pickle|"
                     r"outputs/[0-9a-f]{20}\.json|related\.pickle|sources\.json|jieba/.*)")


def digest(*parts: object) -> str:
    """A stable hash of reprs (all parts are built from str/int/tuple, whose repr is stable)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogateescape"))
        h.update(b"\0")
    return h.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _is_key(key: str) -> bool:
    return len(key) == 64 and all(c in "0123456789abcdef" for c in key)


# what a long-running process keeps between builds: entry path -> (its file's identity, key, payload)
EntryMemo = dict[str, tuple[tuple[int, int, int, int], str, Any]]
# the kinds worth keeping in memory: read whole on every build (records are not: there are too many)
_MEMO_KINDS = ("outputs", "summaries", "shards", "state")
# what one build holds in memory of the entries its cache could not take (pickled): the build reads them
# back as it would from disk, instead of parsing and tagging a page again on every later use of it
UNSAVED_BYTES = 512 << 20
# an entry the cache could not write, as a worker process hands it to the parent: (path, key, pickle)
Unsaved = tuple[str, str, bytes]


class BuildCache:
    """Reads and writes one cache folder; never raises for a problem with an entry.

    With a ``memo`` (``serve`` passes one from build to build), entries of the kinds every build reads
    whole are kept in memory and served from there while their file is the one they were read from or
    written to (same inode, size and mtime): another process that rewrites an entry is always seen.
    Payloads are shared between builds, so no build may change what it loaded.
    """

    def __init__(self, root: Path, memo: EntryMemo | None = None) -> None:
        self.root = root
        self.writable = True
        # the first write that failed for want of room or rights (a full disk, a read-only mount): the build
        # still succeeds, and says once that later builds will redo the work (was: not a word, ever)
        self.failure: OSError | None = None
        self._memo = memo
        self._real: dict[Path, bool] = {}  # folder -> it is a real folder of the cache, not a link out
        self._links: dict[Path, bool] = {}  # folder -> it, or a folder above it in the cache, is a link
        # entry path -> (key, pickle) of what this build stored but could not write (a full disk, a
        # read-only or linked folder): read back from here, so a full cache costs no more than a cold build
        # (was: every later use of a page's records parsed and tagged it again, ten times a cold build)
        self._unsaved: dict[str, tuple[str, bytes]] = {}
        self._unsaved_bytes = 0

    # -- entries ------------------------------------------------------------------------------

    def _path(self, kind: str, key: str) -> Path:
        if kind in _FOLDERS[:2]:
            return self.root / kind / key[:2] / f"{key}.entry"
        return self.root / kind / f"{key}.entry"

    def load(self, kind: str, key: str) -> Any:
        """The payload stored under ``key`` in ``kind`` ("pages", "docs", "search", "outputs"), or None."""
        if not _is_key(key):
            return None
        return self._read(self._path(kind, key), key, kind)

    def keys(self, kind: str) -> list[str]:
        """The keys of every entry of ``kind`` on disk (regular files named like entries), and of those this build
        stored but could not write (held in memory, so ``load`` finds them), sorted."""
        found = {path.stem for path in _own_entries(self.root / kind)}
        if self._unsaved:
            folder = str(self.root / kind) + os.sep
            found.update(key for path, (key, _) in self._unsaved.items() if path.startswith(folder))
        return sorted(found)

    def store(self, kind: str, key: str, payload: Any) -> None:
        if _is_key(key):
            self._write_entry(self._path(kind, key), key, payload, kind)

    def load_single(self, name: str, key: str) -> Any:
        """One of the single entries (``summaries``, ``state``), stored under ``key``."""
        return self._read(self.root / f"{name}.entry", key, name)

    def store_single(self, name: str, key: str, payload: Any) -> None:
        self._write_entry(self.root / f"{name}.entry", key, payload, name)

    def prune(self, kind: str, keep: Iterable[str], *, slack: int) -> int:
        """Delete entries of ``kind`` not in ``keep`` once more than ``slack`` stale ones piled up.

        A few stale entries are kept so that undoing an edit (or switching back a branch) finds them;
        only regular files named like an entry are ever deleted. Returns how many went.
        """
        folder = self.root / kind
        if os.path.islink(folder):
            return 0  # a link out of the cache: nothing behind it is archive-gen's to delete
        wanted = {f"{k}.entry" for k in keep}
        stale = [path for path in _own_entries(folder) if path.name not in wanted]
        if len(stale) <= slack:
            return 0
        removed = 0
        for path in sorted(stale):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
        return removed

    # -- plumbing -----------------------------------------------------------------------------

    def take_unsaved(self, *kinds: str) -> tuple[Unsaved, ...]:
        """The entries of ``kinds`` stored but not written, forgotten here (a worker process hands a page's
        to the parent with its outcome, and ``adopt_unsaved`` takes them there)."""
        if not self._unsaved:
            return ()
        folders = tuple(str(self.root / kind) + os.sep for kind in kinds)
        taken = tuple((path, key, data) for path, (key, data) in self._unsaved.items() if path.startswith(folders))
        for path, _, data in taken:
            del self._unsaved[path]
            self._unsaved_bytes -= len(data)
        return taken

    def adopt_unsaved(self, entries: Iterable[Unsaved]) -> None:
        for path, key, data in entries:
            self._hold(path, key, data)

    def _hold(self, path: str, key: str, data: bytes) -> None:
        old = self._unsaved.pop(path, None)
        if old is not None:
            self._unsaved_bytes -= len(old[1])
        if self._unsaved_bytes + len(data) <= UNSAVED_BYTES:  # beyond: a miss later, as without a cache
            self._unsaved[path] = (key, data)
            self._unsaved_bytes += len(data)

    def _read(self, path: Path, key: str, kind: str) -> Any:
        held = self._unsaved.get(str(path)) if self._unsaved else None
        if held is not None and held[0] == key:
            return _unpickle(held[1])  # a fresh copy, as from disk: no build changes what another loaded
        if self._linked(path.parent):
            return None  # a folder of the cache is a link: nothing behind it is read
        if self._memo is None or kind not in _MEMO_KINDS:
            return _read_entry(path, key)
        kept = self._memo.get(str(path))
        if kept is not None and kept[1] == key and kept[0] == _identity(path):
            return kept[2]
        payload = _read_entry(path, key)
        if payload is not None:
            self._remember(path, key, payload)
        return payload

    def _remember(self, path: Path, key: str, payload: Any) -> None:
        assert self._memo is not None
        identity = _identity(path)
        if identity is None:
            self._memo.pop(str(path), None)
        else:
            self._memo[str(path)] = (identity, key, payload)

    def _write_entry(self, path: Path, key: str, payload: Any, kind: str = "") -> None:
        if self._memo is not None:
            self._memo.pop(str(path), None)
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return
        if not self.writable:
            self._hold(str(path), key, data)
            return
        header = _MAGIC + key.encode("ascii") + len(data).to_bytes(8, "big") + hashlib.sha256(data).digest()
        # write-then-rename so a killed build never leaves a half-written entry behind
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            if not self._inside(path.parent):
                self._hold(str(path), key, data)
                return  # a folder of the cache is a link: never write through it
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()  # a leftover (or a planted link): created afresh below, never followed
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
            _write_file(fd, header, data)
            try:
                os.replace(tmp, path)
            except IsADirectoryError:
                # a folder in the entry's place: an empty one is no one's and goes (it made the entry a miss on
                # every build, forever); one holding files stays, and the entry stays a miss
                os.rmdir(path)
                os.replace(tmp, path)
        except OSError as exc:
            self.failed(exc)
            with contextlib.suppress(OSError):
                tmp.unlink()
            self._hold(str(path), key, data)
            return
        gone = self._unsaved.pop(str(path), None)
        if gone is not None:
            self._unsaved_bytes -= len(gone[1])
        if self._memo is not None and kind in _MEMO_KINDS:
            self._remember(path, key, payload)

    def failed(self, exc: OSError) -> None:
        """Note a write that failed for want of room or rights, or because the cache folder itself went (removed,
        or replaced by a file, during the build: every later write failed without a word); the first one is what
        the build says."""
        if self.failure is not None:
            return
        if exc.errno in _DISK_ERRORS:
            self.failure = exc
        elif not os.path.isdir(self.root):
            self.failure = OSError(exc.errno, "the cache folder was removed or replaced during the build")

    def _linked(self, folder: Path) -> bool:
        """Whether ``folder`` (under the root) or one above it is a link; a missing folder is not."""
        known = self._links.get(folder)
        if known is None:
            known = folder != self.root and (os.path.islink(folder) or self._linked(folder.parent))
            if known or folder.is_dir():  # a folder made later is looked at again
                self._links[folder] = known
        return known

    def _inside(self, folder: Path) -> bool:
        """Make ``folder`` (under the root) if needed; False when it, or one above it, is a link."""
        known = self._real.get(folder)
        if known is None:
            if folder != self.root and not self._inside(folder.parent):
                known = False
            else:
                folder.mkdir(exist_ok=True)
                known = not folder.is_symlink()
            self._real[folder] = known
        return known


def _write_file(fd: int, header: bytes, data: bytes) -> None:
    """Write one entry's bytes to the open ``fd`` and close it (tests replace it to fill the disk)."""
    with os.fdopen(fd, "wb") as fh:
        fh.write(header)
        fh.write(data)


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    """Which file ``path`` is now (device, inode, size, mtime): a rewrite by anyone changes it."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _read_entry(path: Path, key: str) -> Any:
    try:  # O_NONBLOCK: a pipe planted under an entry's name must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _HEADER <= info.st_size <= MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            header = fh.read(_HEADER)
            if header[:len(_MAGIC)] != _MAGIC or header[len(_MAGIC):len(_MAGIC) + 64] != key.encode("ascii"):
                return None
            length = int.from_bytes(header[len(_MAGIC) + 64:len(_MAGIC) + 72], "big")
            if info.st_size != _HEADER + length:
                return None
            data = fh.read(length)
        if len(data) != length or hashlib.sha256(data).digest() != header[len(_MAGIC) + 72:]:
            return None
        return _unpickle(data)
    except Exception:  # an incompatible pickle (old class layout) is a miss like any other
        return None
    finally:
        os.close(fd)


def _unpickle(data: bytes) -> Any:
    """pickle.loads with the cyclic garbage collector paused: unpickling the summaries of ten thousand
    items makes hundreds of thousands of objects, and each collection pass along the way would walk them
    all (three times slower)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if was_enabled:
            gc.enable()


def _own_entries(folder: Path) -> list[Path]:
    """Regular files named like entries under ``folder``, links never followed."""
    found: list[Path] = []
    stack = [str(folder)]
    while stack:  # scandir: the entry types come with the listing, no stat per file
        try:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    elif _ENTRY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                        found.append(Path(entry.path))
        except OSError:
            continue
    return found


def open_cache(root: Path, memo: EntryMemo | None = None) -> BuildCache:
    """The cache folder, marked as archive-gen's; OutputError when it holds files archive-gen did not
    write (so that pruning can never touch them). An unwritable cache only costs speed."""
    cache = BuildCache(root, memo)
    if root.is_symlink():
        raise OutputError("the cache folder is a link, and archive-gen follows no link in its cache", source=str(root),
                          hint="set cache_dir in archive.yaml to the folder itself")
    if root.exists() and not root.is_dir():
        raise OutputError("the cache folder is not a folder", source=str(root),
                          hint="set cache_dir in archive.yaml to a folder archive-gen may own")
    marked = _marked(root)
    if root.is_dir() and not marked:
        foreign = _foreign_files(root)
        if foreign:
            raise OutputError(f"refusing to use this folder as the cache: it holds files archive-gen did not "
                              f"write ({foreign})", source=str(root),
                              hint="set cache_dir in archive.yaml to a new or empty folder")
        _drop_legacy(root)
    if not marked:
        try:
            root.mkdir(parents=True, exist_ok=True)
            (root / CACHEDIR_TAG).write_text(_TAG_TEXT, encoding="ascii")
            (root / MARKER).write_text(json.dumps({"generator": "archive-gen", "format": CACHE_FORMAT}) + "\n",
                                       encoding="utf-8")
        except OSError as exc:
            cache.writable = False
            # whatever the reason (no room or rights, a file where a folder of its path should be, a name too
            # long): no entry can be written, and without a word every build did all the work again
            cache.failure = cache.failure or exc
    return cache


def _marked(root: Path) -> bool:
    """The folder carries archive-gen's mark. A mark damaged into something else than a file (a link, a
    device: a cache is someone's disk) is put right: it is removed, never followed, and written again. A
    folder in its place may hold someone's files: that is no mark (and ``_foreign_files`` refuses it)."""
    marker = root / MARKER
    try:
        mode = os.lstat(marker).st_mode
    except OSError:
        return False
    if stat.S_ISREG(mode):
        return True
    if stat.S_ISDIR(mode):
        return False
    try:
        os.unlink(marker)
        fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"generator": "archive-gen", "format": CACHE_FORMAT}) + "\n")
    except OSError:
        pass  # an unwritable cache only costs speed; what stood there is gone or was never ours to read
    return True


def _foreign_files(root: Path) -> str | None:
    """The first file in ``root`` that is neither a mark nor of an archive-gen cache layout."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        for name in dirnames:  # archive-gen makes no links: a linked folder leads to someone's files
            if os.path.islink(os.path.join(dirpath, name)):
                return name if rel_dir == "." else f"{rel_dir}/{name}"
        for name in sorted(filenames):
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            if os.path.islink(os.path.join(dirpath, name)):
                return rel
            if rel in (CACHEDIR_TAG, MARKER, *_SINGLES) or _LEGACY.fullmatch(rel):
                continue
            parts = rel.split("/")
            if parts[0] in _FOLDERS and _ENTRY.fullmatch(parts[-1]):
                continue
            return rel
    return None


def _drop_legacy(root: Path) -> None:
    """Entries of an older archive-gen cache (different file names) are never read again."""
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if _LEGACY.fullmatch(rel) and not rel.startswith("jieba/"):
                with contextlib.suppress(OSError):
                    path.unlink()
