"""decode_bytes: every encoding variant a page file arrives in, and the notices for damaged ones."""

from __future__ import annotations

import codecs

from archive_gen.loader.decode import decode_bytes

TEXT = "本报讯(记者郑莉 郝赫)全总机关日前正式启动干部赴基层蹲点活动。\n\n会议要求，蹲点干部要真蹲真干。\n"


def test_utf8_plain() -> None:
    text, enc, notices = decode_bytes(TEXT.encode("utf-8"), "a.txt")
    assert (text, enc, notices) == (TEXT, "utf-8", [])


def test_utf8_with_bom_drops_the_bom() -> None:
    text, enc, notices = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt")
    assert text == TEXT and enc == "utf-8-sig" and notices == []


def test_utf16_le_and_be_with_bom() -> None:
    for codec, name in (("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")):
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        text, enc, notices = decode_bytes(bom + TEXT.encode(codec), "a.txt")
        assert text == TEXT and enc == name and notices == []


def test_gbk_is_read_as_gb18030() -> None:
    text, enc, notices = decode_bytes(TEXT.encode("gbk"), "a.txt")
    assert text == TEXT and enc == "gb18030" and notices == []


def test_crlf_and_cr_become_lf() -> None:
    for newline in ("\r\n", "\r"):
        text, _, _ = decode_bytes(TEXT.replace("\n", newline).encode("utf-8"), "a.txt")
        assert text == TEXT


def test_big5_is_decoded_with_a_warning() -> None:
    source = "本報訊 臺灣地區的工會會員參加職業技能競賽，獲得獎勵。\n"
    text, enc, notices = decode_bytes(source.encode("big5"), "tw.txt")
    assert text == source and enc == "big5"
    assert [n.code for n in notices] == ["big5"] and notices[0].level == "warning"


def test_mixed_encodings_name_the_odd_line() -> None:
    data = "第一行是UTF-8。\n".encode() + "第二行是GBK编码。\n".encode("gbk") + "第三行。\n".encode()
    text, enc, notices = decode_bytes(data, "mix.txt")
    assert text.splitlines() == ["第一行是UTF-8。", "第二行是GBK编码。", "第三行。"]
    assert enc == "utf-8"
    assert [(n.code, n.line) for n in notices] == [("mixed-encoding", 2)]


def test_corrupt_bytes_are_replaced_and_reported_with_their_line() -> None:
    data = "第一行。\n第二行".encode() + b"\xff\xfe\xfa" + "坏了。\n第三行。\n".encode()
    text, _, notices = decode_bytes(data, "bad.txt")
    assert text.splitlines()[0] == "第一行。" and "\ufffd" in text.splitlines()[1]
    assert [(n.code, n.line, n.level) for n in notices] == [("undecodable", 2, "warning")]
    assert str(notices[0]).startswith("bad.txt:2: warning:")


def test_truncated_multibyte_char_at_eof() -> None:
    data = "第一行。\n第二行工会".encode()[:-1]
    text, enc, notices = decode_bytes(data, "cut.txt")
    assert text == "第一行。\n第二行工" and enc == "utf-8"
    assert [(n.code, n.line) for n in notices] == [("truncated", 2)]


def test_truncated_gbk_at_eof() -> None:
    data = "第一行。\n第二行工会".encode("gbk")[:-1]
    text, enc, notices = decode_bytes(data, "cut.txt")
    assert text == "第一行。\n第二行工" and enc == "gb18030"
    assert [(n.code, n.line) for n in notices] == [("truncated", 2)]


def test_binary_files_are_refused() -> None:
    for data in (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "正文\x00二进制".encode()):
        text, enc, notices = decode_bytes(data, "img.txt")
        assert text == "" and enc == "binary"
        assert [(n.code, n.level, n.message) for n in notices] == [
            ("binary", "error", "binary file, not a text page")]


def test_empty_file_is_an_error() -> None:
    text, _, notices = decode_bytes(b"", "empty.txt")
    assert text == "" and [(n.code, n.level) for n in notices] == [("empty", "error")]


def test_blank_only_file_decodes_to_blank_text() -> None:
    text, enc, notices = decode_bytes(b"\r\n \r\n\t\r\n", "blank.txt")
    assert text == "\n \n\t\n" and enc == "utf-8" and notices == []
