"""Finding the page files: the one walk of the source folders that build, check, export and serve share.

Every ``*.txt`` under the given files and folders, in a deterministic order (the roots in the order
given, then relative path by code point). Hidden files and folders are skipped. A symbolic link that
leads outside its source folder is skipped with a warning unless ``follow_symlinks`` (a link could
otherwise publish a private file from anywhere on the disk); pipes, sockets and devices are never
opened. A file name that is not valid UTF-8 gets a record name that is (``model.source_name``: GB18030,
as an unzipped GBK archive has them), while the path still opens the file; messages quote odd names
(``errors.shown``).
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ConfigError, shown
from .loader.dates import date_from_path, file_source_name
from .model import Notice, name_key, source_name

PAGE_SUFFIX = ".txt"
# notices of files the walk did not read (a link leading out, a pipe, a folder it cannot open): every
# command prints them, since what they name is missing from the site or the export
SKIPPED = frozenset({"symlink-outside", "not-a-file", "unreadable-folder"})
# the code and message of a page that went on changing while it was read (still being written?)
CHANGING = "changing"
CHANGING_MESSAGE = ("the file changed while it was read (is it still being written?); what was read may be "
                    "part of it: run again once it is saved")


@dataclass(frozen=True)
class SourceFile:
    """A page file to read and the source name its records carry (relative, "/" separators)."""

    path: Path
    source: str
    size: int = -1  # from the stat taken by discovery (-1: unknown), so the change check needs no second stat
    mtime_ns: int = 0
    inode: int = 0
    # the path below its source folder when the archive names the file otherwise (a day's folder given as
    # the source, a name another file has too): what a ``pages:`` override written before may be keyed by
    given: str = ""
    # the inode's change time: set by the kernel on every write, rename and utime, so an edit whose
    # mtime was put back (touch -d, cp -p, rsync -t, a clock set back) still shows as a change
    ctime_ns: int = 0


@dataclass(frozen=True)
class Discovery:
    """What a walk of the sources found."""

    files: tuple[SourceFile, ...]
    ignored: tuple[str, ...]  # files that are not *.txt pages, skipped
    notices: tuple[Notice, ...]  # unreadable folders, symlink loops, links leading outside, non-files


def no_page_files(roots: Sequence[Path]) -> ConfigError:
    """The error of a walk of ``roots`` that found no page file (build, check and export say it alike)."""
    return ConfigError("no page files (*.txt) found", source=", ".join(str(p) for p in roots) or "(none)")


def discover(roots: Sequence[Path], *, follow_symlinks: bool = False, own: Sequence[Path] = ()) -> Discovery:
    """Walk ``roots`` (files or folders); a missing root is a ConfigError naming it.

    ``own`` are archive-gen's own files and folders (the cache, the URL history): never read as pages
    where they lie inside a source folder. A ``url_history: sources/urls.txt`` ("keep it with the
    sources") was read as a page of the archive on the next build, its titles published as items."""
    files: list[SourceFile] = []
    skip = _identities(own)
    ignored: list[str] = []
    notices: list[Notice] = []
    # where each file is (its root resolved, the rest as walked: a link inside a folder stays a page of its
    # own name): a folder given twice, or a file beside its folder, is read once; it was read twice, and
    # every item of the second copy was an error ("another page's item has this id")
    taken: set[str] = set()
    homes: list[Path] = []  # the folder each file was found under, for a name two files share
    for root in roots:
        if root.is_file():
            place = os.path.join(os.path.realpath(root.parent), root.name)
            if place not in taken:
                taken.add(place)
                name = source_name(file_source_name(os.fsdecode(root)))
                files.append(_source_file(root, name))
                # the folder its name starts below ("…/y" for "…/y/2021/05/14/01.txt" named "2021/05/14/01.txt")
                up = Path(os.path.abspath(root)).parents
                homes.append(up[min(name.count("/"), len(up) - 1)])
            continue
        if not root.is_dir():
            raise ConfigError(_not_a_source(root), source=os.fsdecode(root),
                              hint="give page files or folders, or set 'source' in archive.yaml")
        folders = _own_folders(own, root)
        # an own folder that holds the source folder given (`check site` of a project whose output is site/)
        # is not skipped as a whole: the pages asked for are read
        mine = skip - _identities([p for p in own if p.is_dir() and p.resolve() not in folders])
        found, skipped, problems = _walk(root, follow_symlinks, mine, folders)
        real_root = os.path.realpath(root)
        dated = _date_folders(root)
        for file in sorted(found, key=lambda f: f.source):
            place = os.path.join(real_root, os.path.relpath(file.path, root))
            if place not in taken:
                taken.add(place)
                if dated and not date_from_path(file.source) and date_from_path(f"{dated}/{file.source}"):
                    file = replace(file, source=f"{dated}/{file.source}", given=file.source)
                files.append(file)
                homes.append(root)
        ignored.extend(skipped)
        notices.extend(problems)
    return Discovery(_distinct_names(files, homes, notices), tuple(sorted(ignored)), tuple(notices))


def _not_a_source(root: Path) -> str:
    """Why ``root`` (neither a file nor a folder) cannot be read: a pipe, socket or device given as the
    source, or a link loop, was called "source folder not found" though it was there."""
    try:
        info = os.stat(root)
    except OSError as exc:
        if os.path.lexists(root) and exc.strerror and exc.errno != errno.ENOENT:
            return f"cannot read the source: {exc.strerror}"
        return "source folder not found"
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        return "source is not a page file or folder (a pipe, socket or device)"
    return "source folder not found"


def _date_folders(root: Path) -> str:
    """The folders at the end of ``root`` that are parts of a date ("2021-05-14", "2021/05/14", "20210514"),
    as the start of the names of the files under it; "" when its last folder is no such part.

    A day's folder given as the source (``check issues/2021-05-14``) named its pages "01.txt": they were
    dated from their text (years away, at times) and had no page number, while the same file given alone,
    or under the folder above, is "2021-05-14/01.txt", dated by its folder. Only folders made of digits and
    separators count: a date inside a longer folder name ("export-20210514") or further up the path
    (a backup folder's) says nothing about the pages in it."""
    parts = Path(os.path.abspath(root)).parts[1:]
    kept: list[str] = []
    for part in reversed(parts[-3:]):
        if not part[:1].isdigit() or not all(ch.isdigit() or ch in "-_." for ch in part):
            break
        kept.insert(0, part)
    return source_name(os.fsdecode("/".join(kept)))


def _distinct_names(
    files: list[SourceFile], homes: list[Path], notices: list[Notice]
) -> tuple[SourceFile, ...]:
    """Every file under a name of its own. Two files can get one source name: the same relative path
    in two source folders (``build a b``), or a name in GB18030 bytes beside its UTF-8 twin
    (model.source_name). A source name keys the file's records, cache entries and 版面 page, so the
    second file's items were dropped as "another page's item has this id" and both pages shared one
    URL. The first file (in walk order) keeps its name; a later one is named under its source folder's
    name ("b/2021-05-14_01.txt": the date and page read from it stay the same), with a warning."""
    names = {name_key(file.source) for file in files}
    used: dict[str, str] = {}  # name_key -> the name that has it
    out: list[SourceFile] = []
    for file, home in zip(files, homes, strict=True):
        name = file.source
        if name_key(name) in used:  # also the same name in another Unicode spelling (model.name_key)
            # names alike on screen but not in their code points: say so, or the line looks like nonsense
            spelled = "" if used[name_key(name)] == name else " (in another Unicode spelling)"
            folder = source_name(os.fsdecode(os.path.basename(os.path.abspath(home)))) or "source"
            candidates = (f"{folder}/{name}", *(f"{folder}~{n}/{name}" for n in range(2, len(files) + 2)))
            name = next(c for c in candidates if name_key(c) not in names and name_key(c) not in used)
            notices.append(
                Notice(
                    name,
                    None,
                    "same-name",
                    f"another page file is also named {shown(file.source)}{spelled}; this one "
                    f"({shown(os.fsdecode(file.path))}) is named {shown(name)} in the archive",
                )
            )
            file = replace(file, source=name, given=file.given or file.source)
        used[name_key(name)] = name
        out.append(file)
    return tuple(out)


def _source_file(path: Path, source: str) -> SourceFile:
    try:
        info = os.stat(path)
    except OSError:  # reading it reports the problem with its name
        return SourceFile(path, source)
    return SourceFile(path, source, info.st_size, info.st_mtime_ns, info.st_ino, ctime_ns=info.st_ctime_ns)


def _identities(paths: Sequence[Path]) -> frozenset[tuple[int, int]]:
    """(device, inode) of each path that is there: a file is known whatever path the walk reaches it by."""
    found: set[tuple[int, int]] = set()
    for path in paths:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            continue
        found.add((info.st_dev, info.st_ino))
    return frozenset(found)


def _own_folders(own: Sequence[Path], root: Path) -> tuple[Path, ...]:
    """The resolved folders of ``own`` that do not hold ``root``: a page file reached through a link into one
    of them is archive-gen's own file (the site's robots.txt), never a page. One holding the source folder
    (an output above the sources, refused by build) would make every linked page its own."""
    real_root = root.resolve()
    folders = []
    for path in own:
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            continue
        if real.is_dir() and not real_root.is_relative_to(real):
            folders.append(real)
    return tuple(folders)


def _walk(root: Path, follow_symlinks: bool, skip: frozenset[tuple[int, int]] = frozenset(),
          own_folders: tuple[Path, ...] = ()) -> tuple[list[SourceFile], list[str], list[Notice]]:
    found: list[SourceFile] = []
    ignored: list[str] = []
    notices: list[Notice] = []
    real_root = root.resolve()
    seen_dirs: set[tuple[int, int]] = set()
    loops_said: set[frozenset[str]] = set()  # each loop of links is said once, at the first of its links

    def outside(path: Path) -> bool:
        try:
            return not path.resolve().is_relative_to(real_root)
        except (OSError, RuntimeError):  # a loop of links: it leads nowhere, let alone inside
            return True

    def loop(path: Path) -> bool:
        try:
            path.resolve()
        except RuntimeError:
            return True
        except OSError:
            pass
        return False

    def say_loop(path: Path, rel: str, what: str) -> None:
        """One warning a loop, naming its links, at the first of them the walk meets (was: a page loop said
        once for each of its links); a link leading into a loop is said on its own."""
        cycle = _loop_of_links(path)
        if cycle is None:  # too long a chain to follow: said as the link it is
            notices.append(Notice(rel, None, "symlink-outside", f"{what}; skipped"))
            return
        shown = " -> ".join(_shown(Path(link), root) for link in (*cycle, cycle[0]))
        if os.path.abspath(path) not in cycle:
            notices.append(Notice(rel, None, "symlink-outside",
                                  f"{what.replace('a loop', 'a link into a loop')} ({shown}); skipped"))
        elif frozenset(cycle) not in loops_said:
            loops_said.add(frozenset(cycle))
            notices.append(Notice(rel, None, "symlink-outside", f"{what} ({shown}); skipped"))

    def on_error(exc: OSError) -> None:
        where = os.fsdecode(exc.filename) if exc.filename else os.fsdecode(root)
        notices.append(Notice(where, None, "unreadable-folder", f"cannot read folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in walk_folders(root, on_error):
        here = Path(dirpath)
        rel_here = here.relative_to(root).as_posix()
        try:
            info = os.stat(here)
        except OSError:
            continue
        ident = (info.st_dev, info.st_ino)
        if ident in skip:  # archive-gen's cache folder inside the sources
            dirnames[:] = []
            continue
        if ident in seen_dirs:  # a symlink loop, or a second link to a folder already read
            notices.append(Notice(source_name(rel_here), None, "symlink-loop",
                                  "folder already read through another link; skipped"))
            dirnames[:] = []
            continue
        seen_dirs.add(ident)
        kept_dirs = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            link = here / name
            # os.path.islink, not Path.is_symlink: a path over the system's limit (4,096 bytes) raised ENAMETOOLONG
            # here and the whole run ended on it; now the walk says it cannot read that folder and goes on
            if os.path.islink(link) and not follow_symlinks and outside(link):
                notices.append(Notice(_rel(link, root), None, "symlink-outside",
                                      "folder is a link to a place outside the source folder; skipped "
                                      "(follow_symlinks: true in archive.yaml reads it)"))
                continue
            kept_dirs.append(name)
        dirnames[:] = kept_dirs
        # plain strings and one lstat per file: serve walks every source again after each edit
        rel_prefix = "" if rel_here == "." else rel_here + "/"
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            rel = source_name(os.fsdecode(rel_prefix + name))
            if not name.lower().endswith(PAGE_SUFFIX):
                # a loop of folder links is no folder: the walk lists it among the files (was: not a word)
                if os.path.islink(path) and loop(path):
                    say_loop(path, rel, "a loop of links")
                else:
                    ignored.append(os.fsdecode(path))
                continue
            try:
                info = os.lstat(path)
            except OSError:
                found.append(SourceFile(path, rel))  # gone since the listing: reading it reports the error
                continue
            if stat.S_ISLNK(info.st_mode):
                if loop(path):
                    say_loop(path, rel, "page file is a loop of links")
                    continue
                if not follow_symlinks and outside(path):
                    notices.append(Notice(rel, None, "symlink-outside",
                                          "page file is a link to a place outside the source folder; skipped "
                                          "(follow_symlinks: true in archive.yaml reads it)"))
                    continue
                if own_folders and _inside(path, own_folders):  # the site's or the cache's own file
                    continue
                try:
                    info = os.stat(path)
                except OSError:
                    found.append(SourceFile(path, rel))  # a dangling link: reading it reports the error
                    continue
            if (info.st_dev, info.st_ino) in skip:  # archive-gen's URL history, kept with the sources
                continue
            if not stat.S_ISREG(info.st_mode):  # a pipe would block the read forever, a device never end
                notices.append(Notice(rel, None, "not-a-file", "not a regular file (a pipe, socket or device); skipped"))
                continue
            found.append(SourceFile(path, rel, info.st_size, info.st_mtime_ns, info.st_ino, ctime_ns=info.st_ctime_ns))
    return found, ignored, notices


def walk_folders(root: Path | str, on_error: Callable[[OSError], None] | None = None, *,
                 followlinks: bool = True) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(root, onerror=on_error, followlinks=followlinks)`` top-down, in the same order, without
    recursion: os.walk recursed once a folder, and a source tree 1,000 folders deep was a RecursionError
    traceback (in build, check, export and serve's watcher). The caller may prune the folder names it is
    given, as with os.walk."""
    stack = [os.fspath(root)]
    while stack:
        top = stack.pop()
        try:
            with os.scandir(top) as listing:
                entries = list(listing)
        except OSError as exc:
            if on_error is not None:
                on_error(exc)
            continue
        dirs: list[str] = []
        files: list[str] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()  # a link to a folder is a folder, as with followlinks=True
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(entry.name)
        yield top, dirs, files
        stack.extend(path for path in (os.path.join(top, name) for name in reversed(dirs))
                     if followlinks or not os.path.islink(path))


def project_tree(folder: Path, on_error: Callable[[OSError], None] | None = None) -> list[Path]:
    """Every file and folder below ``folder``, as ``sorted(folder.rglob("*"))`` lists them (a link to a folder is
    listed, not entered), but a folder that cannot be listed (its path over the system's limit, 4,096 bytes) is
    passed to ``on_error`` and passed over: rglob raised ENAMETOOLONG, and a `static/` or `templates/` that deep
    ended the build with a traceback."""
    found: list[Path] = []
    for top, dirs, files in walk_folders(folder, on_error, followlinks=False):
        found.extend(Path(top, name) for name in (*dirs, *files))
    return sorted(found)


def _inside(path: Path, folders: tuple[Path, ...]) -> bool:
    """Whether the link ``path`` leads into one of ``folders`` (resolved)."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        return False
    return any(real.is_relative_to(folder) for folder in folders)


def _loop_of_links(path: Path, limit: int = 64) -> tuple[str, ...] | None:
    """The links of the loop ``path`` leads into (absolute, in the order they lead, from ``path`` when it is one
    of them, else from where the chain enters the loop); None when its links end somewhere."""
    chain: list[str] = []
    at: dict[str, int] = {}
    current = os.path.abspath(path)
    for _ in range(limit):
        if current in at:
            return tuple(chain[at[current]:])
        try:
            target = os.readlink(current)
        except OSError:  # not a link (or gone): the chain ends, no loop
            return None
        at[current] = len(chain)
        chain.append(current)
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return None


def _shown(path: Path, root: Path) -> str:
    """A link's name in a warning: below the source folder as records name files, else as it is."""
    try:
        return _rel(path, root.absolute())
    except ValueError:
        return os.fsdecode(path)


def _rel(path: Path, root: Path) -> str:
    """The name records give a file: its path below the source folder, as valid Unicode (model.source_name)."""
    return source_name(os.fsdecode(path.relative_to(root).as_posix()))


# an empty or changing file is read again this often while the settle time lasts
SETTLE_STEP = 0.05
# only a file written this recently is waited for: one emptied long ago is reported at once
SETTLE_RECENT_NS = 3_000_000_000
# a page that changed while it was read (since the walk took its stat) is read again once it has held still for
# READ_QUIET seconds, or longer after longer pauses (Settling; READ_WAIT at most), READ_PASSES times in all; still
# changing after that, it is an error of its page (build: build.py; check and export: read_steady)
READ_PASSES = 3
READ_QUIET = 1.0
READ_WAIT = 3.0


def read_bytes(source: SourceFile, limit: int, settle: float = 0.0) -> bytes:
    """The file's bytes; OSError for an unreadable file, ValueError for one larger than ``limit``.

    Opened without waiting and read only when it is a regular file: a page replaced by a pipe between the
    walk and the read (which checked it) blocked the build forever on a pipe nobody writes to, and a link
    followed to a device was read as one.

    ``settle`` (seconds; serve's rebuilds): a file read empty though written in the last seconds, or one
    whose size or mtime changed while it was read, is read again every 50 ms until it holds still and is not
    empty, for ``settle`` seconds at most. An editor that saves by truncating and then writing (or an
    ``rsync --inplace``) was caught in between: serve said "empty file, not a text page" and reloaded open
    pages into a site without that page, one rebuild before the real one. A file that stays empty is
    reported as before."""
    deadline = time.monotonic() + settle
    while True:
        data, moving = _read_once(source.path, limit)
        if settle <= 0 or time.monotonic() >= deadline or not (moving or (not data and _recent(source.path))):
            break
        time.sleep(SETTLE_STEP)
    if len(data) > limit:
        raise ValueError(f"larger than {limit // (1 << 20)} MiB, not a page")
    return data


def _read_once(path: Path, limit: int) -> tuple[bytes, bool]:
    """The bytes of ``path`` (up to ``limit`` + 1), and whether its size or mtime changed during the read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    return data, (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns)


def _recent(path: Path) -> bool:
    """True when ``path`` was written (or its metadata changed) in the last few seconds."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) < SETTLE_RECENT_NS


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    """(size, mtime, inode, ctime) of the file ``path`` leads to, as discovery took it; None when it is gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns


def vanished(files: Sequence[SourceFile], shas: Sequence[str | None]) -> set[str]:
    """The sources that could not be read (no hash) because they are gone: renamed or removed since the walk
    listed them. The next walk sees what took their place; until then they are quietly gone."""
    return {sf.source for sf, sha in zip(files, shas, strict=True) if sha is None and not os.path.lexists(sf.path)}


def changed_since_walk(files: Sequence[SourceFile]) -> list[SourceFile]:
    """The files whose stat differs now from the one the walk took (written, replaced or deleted since), in
    the order given, each once. A build reads a page after the walk, and its parser reads it again: a page
    still being written was published half, without a word, and the next build found it whole."""
    found: list[SourceFile] = []
    seen: set[str] = set()
    for sf in files:
        if sf.size < 0 or sf.source in seen:  # not there at the walk: reading it reported that
            continue
        seen.add(sf.source)
        if _stamp(sf.path) != (sf.size, sf.mtime_ns, sf.inode, sf.ctime_ns):
            found.append(sf)
    return found


def restat(files: Sequence[SourceFile]) -> tuple[SourceFile, ...]:
    """The files with the stat they have now; one gone since the walk is left out, quietly gone as if the walk
    had come after it (was: "cannot read file: No such file or directory" for each page a rename or a
    removal took between the listing and the reading, under serve at every rapid rename)."""
    out: list[SourceFile] = []
    for sf in files:
        now = _stamp(sf.path)
        if now is None:
            if os.path.lexists(sf.path):  # there but not to be stat'ed (no rights): reading it says why
                out.append(replace(sf, size=-1, mtime_ns=0, inode=0, ctime_ns=0))
        elif now != (sf.size, sf.mtime_ns, sf.inode, sf.ctime_ns):
            out.append(replace(sf, size=now[0], mtime_ns=now[1], inode=now[2], ctime_ns=now[3]))
        else:
            out.append(sf)
    return tuple(out)


class Settling:
    """Waits for files a build saw changing to hold still, learning how long their writer pauses: a file is
    still once it has not changed for READ_QUIET seconds and for twice the longest pause seen between two of its
    changes (a copy that stalls a second between chunks holds still half a second, again and again)."""

    def __init__(self) -> None:
        self.pause = 0.0  # the longest time seen between two changes
        self._last_change: float | None = None

    def changed(self) -> None:
        """A change was seen now (a pass found a file changed since its walk)."""
        self._seen(time.monotonic())

    def _seen(self, when: float) -> None:
        if self._last_change is not None:
            self.pause = max(self.pause, when - self._last_change)
        self._last_change = when

    def wait(self, files: Sequence[SourceFile]) -> bool:
        """True once ``files`` hold still; False when they still change after READ_WAIT seconds (a read then
        is no proof of a whole file, however still the file holds during it)."""
        deadline = time.monotonic() + READ_WAIT
        last = [_stamp(sf.path) for sf in files]
        still_since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(SETTLE_STEP)
            now = [_stamp(sf.path) for sf in files]
            moment = time.monotonic()
            if now != last:
                last, still_since = now, moment
                self._seen(moment)
            elif moment - still_since >= max(READ_QUIET, 2 * self.pause):
                return True
        return False


def read_steady(source: SourceFile, limit: int) -> tuple[bytes, bool]:
    """The file's bytes as :func:`read_bytes` reads them, read again (READ_PASSES times in all) when the file
    changed since the walk took its stat, once it has held still for READ_QUIET seconds; and whether it was
    still changing at the last read (``check`` and ``export`` read each page once: one still being written
    was printed half, as if whole)."""
    expected = (source.size, source.mtime_ns, source.inode, source.ctime_ns) if source.size >= 0 else None
    still = True  # the walk's stat is old enough to show a writer at work
    settling = Settling()
    for attempt in range(READ_PASSES):
        data = read_bytes(source, limit)
        if expected is None or (still and _stamp(source.path) == expected):
            return data, False
        if attempt == READ_PASSES - 1:
            break
        settling.changed()
        still = settling.wait([source])
        expected = _stamp(source.path)
    return data, True
