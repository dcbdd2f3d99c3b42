"""Bytes -> text: the only place that reads page files and guesses their encoding.

Strict, cheap attempts first (BOM, UTF-8, GB18030); Big5 and other encodings only when those fail or
look implausible; damaged lines are decoded on their own so that every problem names its line.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..model import Notice
from ..patterns import lazy_compile

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_BINARY_MAGIC: tuple[bytes, ...] = (b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")
_LINE_BREAK = lazy_compile(rb"\r\n|\r|\n")
# a page in Simplified Chinese decoded the right way keeps almost all its Han characters in GB2312
_GB2312_SHARE_MIN = 0.9
_REPLACEMENT_SHARE_MAX = 0.3
_PLAUSIBLE_SHARE_MIN = 0.5
# of the Han characters of a guessed decoding, the share GB2312 has (real text ~0.99, noise far lower)
_GUESSED_HAN_SHARE_MIN = 0.6
_PLAUSIBLE_SAMPLE = 20_000  # characters looked at: enough to tell text from noise, cheap on 50 MB


def read_source(path: Path, source: str) -> tuple[bytes | None, list[Notice]]:
    """Read a page file's bytes; an unreadable file becomes an error Notice instead of an exception."""
    try:
        return path.read_bytes(), []
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return None, [Notice(source, None, "unreadable", f"cannot read file: {reason}", "error")]


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR -> LF (old Mac exports use CR only)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, source: str) -> tuple[str, str, list[Notice]]:
    """Decode one page file: (text with LF line ends, encoding name, notices).

    Never raises: undecodable bytes are replaced and reported with their line number; a binary file
    (NUL bytes, image/archive magic) gives empty text and an error notice.
    """
    if not data:
        return "", "utf-8", [Notice(source, None, "empty", "empty file, not a text page", "error")]
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8" and not _strict_ok(data[len(bom):], "utf-8"):
                return _false_utf8_bom(data[len(bom):], source)
            return _decode_with_bom(data[len(bom):], codec, name, source)
    if b"\x00" in data and not data.startswith(_BINARY_MAGIC):
        utf32 = _try_utf32(data, source)
        if utf32 is not None:
            return utf32
        utf16 = _try_utf16(data, source)
        if utf16 is not None:
            return utf16
    if b"\x00" in data and not data.startswith(_BINARY_MAGIC):
        stray = _stray_nuls(data, source)
        if stray is not None:
            return stray
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        return "", "binary", [Notice(source, None, "binary", "binary file, not a text page", "error")]
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            return _truncated(data, exc.start, "utf-8", source)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        if exc.reason == "incomplete multibyte sequence" and exc.end == len(data):
            return _truncated(data, exc.start, "gb18030", source)
    else:
        if not _plausible(text):
            # GB18030 maps nearly any byte string to some character: binary data without NUL bytes
            # "decodes" into rare symbols and must not become a page of garbage
            return "", "binary", [Notice(source, None, "undecodable", "not text in UTF-8, GB18030 or Big5 "
                                         "(binary data?), not a text page", "error")]
        if _gb2312_share(text) >= _GB2312_SHARE_MIN:
            return normalise_newlines(text), "gb18030", []
        big5 = _try_big5(data, source)
        if big5 is not None:
            return big5
        return _decode_by_line(data, source)
    big5 = _try_big5(data, source)
    if big5 is not None:
        return big5
    return _decode_by_line(data, source)


# at most one byte in this many may be a stray NUL in a text page (a damaged copy, a bad editor or OCR export):
# binary data holds far more (padding, small integers), and a short string with one is not called a page
_STRAY_NUL_RATIO = 1000


def _stray_nuls(data: bytes, source: str) -> tuple[str, str, list[Notice]] | None:
    """A UTF-8 page with a few stray NUL bytes: its text without them and one warning naming the first line
    that held one. The whole page was lost (``binary file, not a text page``) for a single NUL byte."""
    nuls = data.count(b"\x00")
    if nuls * _STRAY_NUL_RATIO > len(data):
        return None
    try:
        text = data.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return None
    line = data[:data.index(b"\x00")].count(b"\n") + 1
    what = "a NUL byte (a damaged copy?) was" if nuls == 1 else f"{nuls:,} NUL bytes (a damaged copy?) were"
    return normalise_newlines(text), "utf-8", [Notice(source, line, "nul-bytes", f"{what} removed")]


def _false_utf8_bom(body: bytes, source: str) -> tuple[str, str, list[Notice]]:
    """A UTF-8 byte order mark before bytes that are not UTF-8 (GB18030 text behind a BOM a tool added, a UTF-8
    header joined to a GBK page): read as the same bytes without the mark are, its encoding guessed and damaged
    lines named one by one. The mark made the whole page UTF-8, every GB18030 character a replacement
    character: a page of garbage published, one warning."""
    text, encoding, notices = decode_bytes(body, source)
    if encoding not in ("utf-8", "binary") and text:
        notices.insert(0, Notice(source, 1, "false-bom", f"a UTF-8 byte order mark before text that is not UTF-8; "
                                 f"read as {encoding.upper()}"))
    return text, encoding, notices


def _decode_with_bom(body: bytes, codec: str, name: str, source: str) -> tuple[str, str, list[Notice]]:
    notices: list[Notice] = []
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        text = body.decode(codec, errors="replace")
        line = text[: max(0, exc.start // _unit_size(codec))].count("\n") + 1 if text else 1
        notices.append(Notice(source, line, "undecodable", f"bytes that are not valid {name} were replaced"))
    return normalise_newlines(text), name, notices


def _unit_size(codec: str) -> int:
    return 4 if "32" in codec else 2 if "16" in codec else 1


def _truncated(data: bytes, cut: int, encoding: str, source: str) -> tuple[str, str, list[Notice]]:
    text = normalise_newlines(data[:cut].decode(encoding, errors="replace"))
    line = text.count("\n") + 1
    notice = Notice(source, line, "truncated", f"file ends inside a multi-byte character ({len(data) - cut} "
                    "byte(s) dropped)")
    return text, encoding, [notice]


def _plausible(text: str) -> bool:
    """True when most characters are what a Chinese news page is made of (ASCII, CJK ideographs and
    punctuation, full-width forms); wrongly decoded binary data is almost entirely other symbols."""
    sample = text[:_PLAUSIBLE_SAMPLE]
    usual = sum(1 for ch in sample if " " <= ch < "\x7f" or ch in "\t\n\r\f" or "\u2000" <= ch <= "\u206f" or "\u3000" <= ch <= "\u303f"
                or "\u3400" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return usual >= _PLAUSIBLE_SHARE_MIN * len(sample)


def _gb2312_share(text: str) -> float:
    """Share of Han characters that GB2312 can encode (a Big5 page read as GBK scores far lower)."""
    han = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not han:
        return 1.0
    inside = 0
    for ch in han:
        try:
            ch.encode("gb2312")
            inside += 1
        except UnicodeEncodeError:
            pass
    return inside / len(han)


def _big5_common_share(text: str) -> float:
    """Share of Han characters in Big5's frequently-used block (lead bytes A4-C6)."""
    han = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    common = 0
    for ch in han:
        try:
            if 0xA4 <= ch.encode("big5")[0] <= 0xC6:
                common += 1
        except UnicodeEncodeError:
            pass
    return common / len(han)


def _try_utf32(data: bytes, source: str) -> tuple[str, str, list[Notice]] | None:
    """A UTF-32 page saved without its byte order mark (three NUL bytes of every four for ASCII): read when
    exactly one byte order decodes it, every code point valid, into text with no NUL character that looks
    like a page (binary data of small numbers decodes too, into control characters and rare symbols). It was
    called a binary file and the page was lost."""
    if len(data) % 4:
        return None
    found: list[tuple[str, str, str]] = []
    for codec, name in (("utf-32-le", "UTF-32 LE"), ("utf-32-be", "UTF-32 BE")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _plausible(text):
            found.append((text, codec, name))
    if len(found) != 1:  # neither, or both (ambiguous): left to the other readers and their clear message
        return None
    text, codec, name = found[0]
    notice = Notice(source, None, "utf32", f"decoded as {name} without a byte order mark; the archive expects "
                    "GB18030 or UTF-8 pages")
    return normalise_newlines(text), codec, [notice]


def _try_utf16(data: bytes, source: str) -> tuple[str, str, list[Notice]] | None:
    """A UTF-16 page saved without its byte order mark (its line breaks and ASCII are half NUL bytes): the
    byte order under which it decodes strictly into Chinese text with no NUL character; binary data does
    not (NUL runs, rare symbols)."""
    if len(data) % 2:
        return None
    for codec, name in (("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _plausible(text) and _gb2312_share(text) >= _GB2312_SHARE_MIN:
            notice = Notice(source, None, "utf16", f"decoded as {name} without a byte order mark; the archive "
                            "expects GB18030 or UTF-8 pages")
            return normalise_newlines(text), codec, [notice]
    return None


def _try_big5(data: bytes, source: str) -> tuple[str, str, list[Notice]] | None:
    try:
        text = data.decode("big5")
    except UnicodeDecodeError:
        return None
    if _big5_common_share(text) < _GB2312_SHARE_MIN:
        return None
    notice = Notice(source, None, "big5", "decoded as Big5 (Traditional Chinese); the archive expects GB18030 "
                    "or UTF-8 pages")
    return normalise_newlines(text), "big5", [notice]


def _decode_by_line(data: bytes, source: str) -> tuple[str, str, list[Notice]]:
    """Mixed or damaged files: decode line by line with the encoding most lines agree on."""
    raw_lines = _LINE_BREAK.split(data)
    # UTF-8 validity is very specific, so it is tried first on every line; GB18030 accepts almost anything
    chosen = ["utf-8" if _strict_ok(raw, "utf-8") else "gb18030" if _strict_ok(raw, "gb18030") else ""
              for raw in raw_lines]
    undecodable = chosen.count("")
    if undecodable * 2 > len(raw_lines):
        guessed = _charset_normalizer_guess(data)
        if guessed is not None:
            text, name = guessed
            if not _plausible(text) or _gb2312_share(text) < _GUESSED_HAN_SHARE_MIN:
                # a guess that yields symbols or rare characters is binary data read as some codec
                return "", "binary", [Notice(source, None, "undecodable", "not text in any encoding tried "
                                             f"(best guess {name} gives noise), not a text page", "error")]
            notice = Notice(source, None, "encoding-guess", f"encoding guessed as {name}; check the text")
            return normalise_newlines(text), name, [notice]
    non_ascii = [enc for enc, raw in zip(chosen, raw_lines, strict=True) if enc and not raw.isascii()]
    main = "gb18030" if non_ascii.count("gb18030") > non_ascii.count("utf-8") else "utf-8"
    lines: list[str] = []
    notices: list[Notice] = []
    replaced = 0
    for number, (raw, enc) in enumerate(zip(raw_lines, chosen, strict=True), 1):
        if enc:
            lines.append(raw.decode(enc))
            if enc != main and not raw.isascii():
                notices.append(Notice(source, number, "mixed-encoding", f"line is {enc} in a {main} file"))
            continue
        text = raw.decode(main, errors="replace")
        replaced += text.count("\ufffd")
        lines.append(text)
        notices.append(Notice(source, number, "undecodable", f"bytes that are not valid {main} were replaced"))
    text = "\n".join(lines)
    if replaced > _REPLACEMENT_SHARE_MAX * max(len(text), 1) or not _plausible(text) \
            or _gb2312_share(text) < _GUESSED_HAN_SHARE_MIN:
        # one line for the file, not one per damaged line: this is not a page at all
        return "", "binary", [Notice(source, None, "undecodable", f"mostly undecodable as {main} (binary "
                                     "data?), not a text page", "error")]
    return text, main, notices


def _strict_ok(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding
