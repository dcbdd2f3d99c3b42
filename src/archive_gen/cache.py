"""The build cache: parsed and tagged page records, source hashes and output manifests on disk.

Everything here is an optimisation: a missing, stale, corrupt or unwritable cache only costs time,
never correctness, so every read failure means "miss" and every write failure is swallowed.

Layout under ``config.cache_dir``::

    pages/<k[:2]>/<k>.pickle    one PageEntry per source file (k = hash of source path + bytes + override)
    sources.json                stat -> sha256 of every source file, so unchanged files are not re-read
    outputs/<h>.json            manifest of the last site written to one output folder (h = hash of its path),
                                with the context digest of every rendered page (incremental rendering)
    search/<k>.pickle           one finished search shard (k = hash of its records and the search code)
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Notice, Page

# Bump when the layout or the pickled classes change incompatibly.
CACHE_FORMAT = "2"

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class PageEntry:
    """What one source file produced: the parsed page and the tagged page, with the keys they were made under.

    Both pages are pickled together; the tagged page is a ``dataclasses.replace`` of the parsed one, so
    pickle's memo stores their shared text only once.
    """

    parse_key: str  # tool version + loader code + the page's bytes/path/override
    tag_key: str  # tagger code + data + taxonomy/gazetteer config
    parsed: Page
    tagged: Page | None  # None when the page failed to parse (nothing to tag)
    conservation: tuple[Notice, ...] | None = None  # --strict result, computed on demand


@dataclass(frozen=True)
class FileStamp:
    """A written output file as the manifest remembers it: content hash plus the stat that vouches for it."""

    sha256: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class OutputManifest:
    """The last site written to one output folder, so the next build can skip unchanged files unread."""

    site_key: str  # hash of every input of the site; equal keys mean an identical site
    files: dict[str, FileStamp] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)  # counts and notices to report on a skipped build
    digests: dict[str, str] = field(default_factory=dict)  # rendered page -> digest of its template context
    render_salt: str = ""  # what the digests were computed under (templates, code, config)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(*parts: object) -> str:
    """A stable hash of reprs (all parts are built from str/int/tuple, whose repr is stable)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def tree_digest(roots: Iterable[Path], *, suffixes: tuple[str, ...] | None = None) -> str:
    """Hash of every file (relative path + bytes) under ``roots``; missing roots hash as absent."""
    h = hashlib.sha256()
    for root in roots:
        h.update(str(root).encode("utf-8", "surrogateescape") + b"\0")
        if root.is_file():
            h.update(root.read_bytes())
            continue
        if not root.is_dir():
            h.update(b"<absent>")
            continue
        for path in sorted(_walk_files(root)):
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            if suffixes is not None and path.suffix not in suffixes:
                continue
            h.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            try:
                h.update(path.read_bytes())
            except OSError:
                h.update(b"<unreadable>")
    return h.hexdigest()


def _delete(paths: Iterable[Path]) -> int:
    """Delete cache files, skipping any that cannot be (a cache problem is never fatal); returns how many went."""
    removed = 0
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def _walk_files(root: Path) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        out.extend(Path(dirpath) / name for name in filenames)
    return out


def package_paths(*relative: str) -> list[Path]:
    """Paths inside the installed archive_gen package (code and data the fingerprints cover)."""
    return [_PACKAGE_DIR / rel for rel in relative]


def distribution_version(name: str) -> str:
    """Installed version of a distribution without importing it (importing jieba is slow)."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


class BuildCache:
    """Reads and writes the cache folder; never raises for a cache problem."""

    def __init__(self, root: Path) -> None:
        self.root = root

    # -- page records -------------------------------------------------------------------------

    def _page_path(self, key: str) -> Path:
        return self.root / "pages" / key[:2] / f"{key}.pickle"

    def load_page(self, key: str) -> PageEntry | None:
        try:
            with open(self._page_path(key), "rb") as fh:
                entry = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a corrupt or incompatible entry is a miss, never fatal
            return None
        return entry if isinstance(entry, PageEntry) else None

    def store_page(self, key: str, entry: PageEntry) -> None:
        self._atomic_write(self._page_path(key), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def prune_pages(self, keep: Iterable[str], *, slack: int = 100) -> int:
        """Delete page entries not in ``keep`` once there are more of them than live ones (plus ``slack``).

        Stale entries are kept up to that bound so that undoing an edit (or switching back a branch)
        finds its pages still cached; the bound keeps the cache at most about twice the archive.
        Returns how many entries were deleted.
        """
        wanted = {f"{k}.pickle" for k in keep}
        pages = self.root / "pages"
        if not pages.is_dir():
            return 0
        stale = [path for path in _walk_files(pages) if path.name not in wanted]
        return _delete(stale) if len(stale) > len(wanted) + slack else 0

    # -- search shards ------------------------------------------------------------------------

    def _shard_path(self, key: str) -> Path:
        return self.root / "search" / f"{key}.pickle"

    def load_shard(self, key: str) -> dict[str, bytes] | None:
        try:
            with open(self._shard_path(key), "rb") as fh:
                files = pickle.load(fh)
        except Exception:  # missing, corrupt or incompatible: rebuild the shard
            return None
        if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, bytes)
                                                  for k, v in files.items()):
            return None
        return files

    def store_shard(self, key: str, files: dict[str, bytes]) -> None:
        self._atomic_write(self._shard_path(key), pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL))

    def prune_shards(self, keep: Iterable[str], *, slack: int = 20) -> int:
        """Delete shards not in ``keep`` once more than ``slack`` stale ones piled up (a few are kept so
        that undoing an edit finds its shard again)."""
        wanted = {f"{k}.pickle" for k in keep}
        folder = self.root / "search"
        if not folder.is_dir():
            return 0
        stale = sorted(path for path in _walk_files(folder) if path.name not in wanted)
        return _delete(stale) if len(stale) > slack else 0

    # -- related-item lists (archive._related) -------------------------------------------------

    def load_related(self) -> dict[str, tuple[str, tuple[str, ...]]] | None:
        try:
            with open(self.root / "related.pickle", "rb") as fh:
                data = pickle.load(fh)
        except Exception:  # missing or corrupt: the lists are computed afresh
            return None
        return data if isinstance(data, dict) else None

    def store_related(self, related: Mapping[str, tuple[str, tuple[str, ...]]]) -> None:
        self._atomic_write(self.root / "related.pickle", pickle.dumps(dict(related), protocol=pickle.HIGHEST_PROTOCOL))

    # -- source hashes ------------------------------------------------------------------------

    def load_source_index(self) -> dict[str, list[Any]]:
        data = self._read_json(self.root / "sources.json")
        return data if isinstance(data, dict) else {}

    def store_source_index(self, index: Mapping[str, list[Any]]) -> None:
        self._write_json(self.root / "sources.json", dict(sorted(index.items())))

    # -- output manifests ---------------------------------------------------------------------

    def _manifest_path(self, output: Path) -> Path:
        return self.root / "outputs" / f"{digest(str(output))[:20]}.json"

    def load_manifest(self, output: Path) -> OutputManifest | None:
        data = self._read_json(self._manifest_path(output))
        try:
            if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
                return None
            files = {rel: FileStamp(str(s[0]), int(s[1]), int(s[2])) for rel, s in data["files"].items()}
            digests = {str(rel): str(d) for rel, d in dict(data.get("digests", {})).items()}
            return OutputManifest(site_key=str(data["site_key"]), files=files, summary=dict(data["summary"]),
                                  digests=digests, render_salt=str(data.get("render_salt", "")))
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None

    def store_manifest(self, output: Path, manifest: OutputManifest) -> None:
        self._write_json(self._manifest_path(output), {
            "format": CACHE_FORMAT,
            "output": str(output),
            "site_key": manifest.site_key,
            "summary": manifest.summary,
            "files": {rel: [s.sha256, s.size, s.mtime_ns] for rel, s in sorted(manifest.files.items())},
            "render_salt": manifest.render_salt,
            "digests": dict(sorted(manifest.digests.items())),
        })

    def forget_manifest(self, output: Path) -> None:
        with contextlib.suppress(OSError):
            self._manifest_path(output).unlink()

    # -- plumbing -----------------------------------------------------------------------------

    def _read_json(self, path: Path) -> Any:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_json(self, path: Path, data: Any) -> None:
        self._atomic_write(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def _atomic_write(self, path: Path, data: bytes) -> None:
        # write-then-rename so a killed build never leaves a half-written entry behind
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
