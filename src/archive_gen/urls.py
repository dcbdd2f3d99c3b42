"""Site-relative URLs of every page kind, ASCII slugs, and relative links between two output paths.

Every output path is relative to the site root with "/" separators and ends in a file name, so the
same build works from file://, at a domain root and under a sub-path.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}")
_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")
# longest first, so "自治州" wins over "州"
_ADMIN_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
                   "地区", "林区", "新区", "省", "市", "区", "县", "盟", "旗")

UNDATED = "undated"


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def ascii_words(text: str, limit: int = 40) -> str:
    """Lowercase pinyin/ASCII words joined by "-" (no tones), cut at ``limit`` characters."""
    from pypinyin import lazy_pinyin  # loading its dictionaries takes a second: only when a slug is made

    words = []
    for chunk in lazy_pinyin(text, errors="default"):
        word = re.sub(r"[^a-z0-9]+", "-", chunk.lower()).strip("-")
        if word:
            words.append(word)
    joined = "-".join(words)
    return joined[:limit].rstrip("-")


@functools.lru_cache(maxsize=1 << 16)
def keyword_slug(word: str) -> str:
    """Pinyin plus a hash of the exact word: 山西/陕西 and homophones never share a page. Memoised: a
    build asks for the same few thousand words again and again (pypinyin costs ~0.1 ms a word)."""
    base = ascii_words(word) or "kw"
    return f"{base}-{short_hash(word)}"


def region_slug(code: str, name: str) -> str:
    """Fallback "<code>-<pinyin>" for a division the gazetteer slug was not given for (its ancestors)."""
    core = name
    for suffix in _ADMIN_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            core = core[: -len(suffix)]
            break
    return f"{code}-{ascii_words(core).replace('-', '')}".rstrip("-")


def file_id(item_id: str) -> str:
    """The item id as a file name: kept when already a safe ASCII token, hashed otherwise."""
    if _SAFE_ID.fullmatch(item_id) and ".." not in item_id:
        return item_id
    return f"item-{short_hash(item_id, 12)}"


@functools.lru_cache(maxsize=65536)  # every build asks it of every item, several times over
def date_parts(date: str | None) -> tuple[str, ...]:
    """("2021", "05", "14") for a full date, ("2019", "11") for a month, () for none or garbage."""
    if not date:
        return ()
    full = _FULL_DATE.fullmatch(date)
    if full:
        return full.groups()
    partial = _PARTIAL_DATE.fullmatch(date)
    if partial:
        return tuple(g for g in partial.groups() if g)
    return ()


def issue_key(date: str | None) -> str:
    parts = date_parts(date)
    return "-".join(parts) if parts else UNDATED


def article_path(item_id: str, date: str | None) -> str:
    parts = date_parts(date)
    folder = "/".join(parts) if parts else UNDATED
    return f"articles/{folder}/{file_id(item_id)}.html"


_ARTICLE_PATH = re.compile(r"articles/(?:\d{4}(?:/\d{2}){0,2}|undated)/[A-Za-z0-9][A-Za-z0-9._-]*\.html")


def is_article_path(path: str) -> bool:
    """True for a path ``article_path`` can give (and nothing that could leave the site folder)."""
    return bool(_ARTICLE_PATH.fullmatch(path)) and ".." not in path


def issue_path(key: str) -> str:
    return f"issues/{key}/index.html"


def source_page_path(key: str, page: int | None, source: str, unique: bool) -> str:
    """The 版面 page of one source page of issue ``key``: ``issues/<key>/page-03.html`` when its 版 number
    is known and no other page of the issue has it, else named after its source file (stable too)."""
    if page is not None and unique:
        return f"issues/{key}/page-{page:02d}.html"
    return f"issues/{key}/source-{short_hash(source, 10)}.html"


ISSUE_DATES_PATH = "archive/issues.js"  # every issue's date and page, for the date picker


def term_path(kind: str, slug: str, page: int | None = None) -> str:
    """kind is "regions", "topics" or "keywords". No page: the term's front page (its newest items);
    page N: the N-th slice of its items counted from the oldest, so a page keeps its items (and its URL
    its meaning) as newer items arrive."""
    if page is None:
        return f"{kind}/{slug}/index.html"
    return f"{kind}/{slug}/page/{page}/index.html"


_TERM_PAGE = re.compile(r"(regions|topics|keywords)/([^/]+)/(?:page/[1-9][0-9]*/)?index\.html")


def term_page_of(path: str) -> tuple[str, str] | None:
    """(kind, slug) of a term's front page or older page (``term_path``), or None for any other path. A slug
    no term can have is None too: ".", "..", a backslash or NUL, a name longer than a file name may be (read
    from a damaged or forged manifest, such a path made every later build fail, or led out of the output)."""
    found = _TERM_PAGE.fullmatch(path)
    if found is None:
        return None
    slug = found.group(2)
    if slug in (".", "..") or "\\" in slug or "\0" in slug or len(slug.encode("utf-8", "surrogateescape")) > 255:
        return None
    return (found.group(1), slug)


def term_feed_path(kind: str, slug: str) -> str:
    return f"{kind}/{slug}/feed.xml"


def is_term_feed(path: str) -> bool:
    """Whether a site-relative path is a term's feed (term_feed_path of a region or a topic)."""
    parts = path.split("/")
    return len(parts) == 3 and parts[0] in ("regions", "topics") and bool(parts[1]) and parts[2] == "feed.xml"


def relative(from_path: str, to_path: str) -> str:
    """Link from the page at ``from_path`` to ``to_path`` (both site-relative files)."""
    if from_path == to_path:
        return posixpath.basename(to_path)
    # string prefixes instead of posixpath.relpath (which resolves against the working directory): a
    # build makes hundreds of thousands of links, and every site path is a plain relative file path
    folder = from_path.rpartition("/")[0]
    if not to_path.startswith(folder.partition("/")[0] + "/"):
        # no folder in common (a term page's card of an article, a page's nav link home): the commonest link
        # by far, made without walking up the folders one by one
        return "../" * (folder.count("/") + 1) + to_path if folder else to_path
    ups = 0
    while folder:
        if to_path.startswith(folder + "/"):
            return "../" * ups + to_path[len(folder) + 1:]
        folder = folder.rpartition("/")[0]
        ups += 1
    return "../" * ups + to_path


def absolute(base_url: str, path: str) -> str:
    """Absolute URL for feeds/sitemap; directory index files are kept explicit for file-style hosts."""
    return base_url + path
