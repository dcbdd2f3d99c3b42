"""Bad configuration: every mistake is exactly one stderr line naming the file, the line and the key,
exit 2, no traceback, and nothing is built."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from robust_util import SEED, invoke, one_error_line

TAXONOMY_DUPLICATE = """topics:
  - slug: gongzi
    label: 工资
    keywords: [工资]
  - slug: gongzi
    label: 薪酬
    keywords: [薪酬]
"""
TAXONOMY_EMPTY_KEYWORDS = """- slug: anquan
  label: 安全生产
  keywords: []
"""

# (case id, archive.yaml, extra files, file named by the error, expected message after "file:line: ")
CASES: list[tuple[str, str, dict[str, str | bytes], str, str]] = [
    ("invalid-yaml", "title: [unclosed\n", {}, "archive.yaml:2",
     "invalid YAML: expected ',' or ']', but got '<stream end>'"),
    ("unknown-key", "title: x\ntitel: typo\n", {}, "archive.yaml:2", "unknown key 'titel' (did you mean 'title'? see docs/config.md)"),
    ("wrong-type-number", "per_page: many\n", {}, "archive.yaml:1", "'per_page' must be a whole number, got 'many'"),
    ("wrong-type-list", "title:\n  - a\n", {}, "archive.yaml:2", "'title' must be text, not a list"),
    ("duplicate-slug-extend",
     "taxonomy:\n  extend:\n    - {slug: a, label: A, keywords: [x]}\n    - {slug: a, label: B, keywords: [y]}\n",
     {}, "archive.yaml:2", "duplicate topic slug 'a' in 'taxonomy.extend'"),
    ("extend-clashes-with-taxonomy",
     "taxonomy:\n  extend:\n    - {slug: dangjian, label: 党建, keywords: [党建]}\n", {}, "archive.yaml:3",
     "duplicate topic slug 'dangjian' in 'taxonomy.extend' (already in the taxonomy) "
     "(use 'taxonomy.file' to replace a topic)"),
    ("slug-with-parent-dir", "taxonomy:\n  extend:\n    - {slug: ../../x, label: X, keywords: [x]}\n", {},
     "archive.yaml:3", "topic slug '../../x' must be lowercase ASCII words joined by '-'"),
    ("empty-keywords-extend", "taxonomy:\n  extend:\n    - slug: a\n      label: A\n      keywords: []\n", {},
     "archive.yaml:5", "topic 'a' has an empty keyword list"),
    ("duplicate-slug-file", "taxonomy:\n  file: topics.yaml\n", {"topics.yaml": TAXONOMY_DUPLICATE},
     "topics.yaml:5", "duplicate topic slug 'gongzi'"),
    ("empty-keywords-file", "taxonomy:\n  file: topics.yaml\n", {"topics.yaml": TAXONOMY_EMPTY_KEYWORDS},
     "topics.yaml:3", "topic 'anquan' has an empty keyword list"),
    ("alias-unknown-code", "gazetteer:\n  aliases:\n    榕城: '999999'\n", {}, "archive.yaml:3",
     "gazetteer alias '榕城' points to unknown division code 999999 "
     "(use a GB/T 2260 code present in the gazetteer)"),
    ("alias-not-a-code", "gazetteer:\n  aliases:\n    榕城: fuzhou\n", {}, "archive.yaml:3",
     "'gazetteer.aliases.榕城' must be a 6-digit GB/T 2260 code"),
    ("override-for-missing-page", "pages:\n  000_d00d0f73704abedd.txt: {page: 1}\n  2021/nosuch.txt:\n    date: 2021-05-14\n",
     {}, "archive.yaml:3",
     "'pages.2021/nosuch.txt': no such page file in the sources "
     "(page names are paths relative to the source folder, e.g. 2021/05/14_01.txt)"),
    ("base-url-without-scheme", "title: x\nbase_url: example.com/archive\n", {}, "archive.yaml:2",
     "'base_url' must start with http:// or https:// (got 'example.com/archive')"),
    ("base-url-with-markup", "base_url: 'https://example.org/\"><script>alert(1)</script>'\n", {}, "archive.yaml:1",
     "'base_url' contains characters a URL cannot hold "
     "(got 'https://example.org/\"><script>alert(1)</script>'; percent-encode them)"),
]


def _alias_bomb() -> str:
    """"Billion laughs": each line ten aliases of the one before (10**8 values once expanded)."""
    lines, previous = ["a: &a [x, x, x, x, x, x, x, x, x, x]"], "a"
    for name in "bcdefgh":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
        previous = name
    return "\n".join(lines) + "\n"


def _alias_chain(levels: int) -> str:
    """Each anchor a list holding the one before: shallow as text, ``levels`` deep as data."""
    return "a0: &a0 [x]\n" + "".join(f"a{k}: &a{k} [*a{k - 1}]\n" for k in range(1, levels))


SEED_PAGE = SEED.name
# what an adversary puts in archive.yaml or in a taxonomy file (issue 16): each is one line, exit 2
HOSTILE: list[tuple[str, str, dict[str, str | bytes], str, str]] = [
    # structure: nothing can recurse, expand or hang without bound
    ("nested-20000-levels", "title: " + "[" * 20000 + "]" * 20000 + "\n", {}, "archive.yaml:1",
     "nested more than 20 levels deep in 'title'"),
    ("nested-block-mappings", "".join("  " * i + "a:\n" for i in range(40)), {}, "archive.yaml:20",
     "nested more than 20 levels deep in 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a'"),
    ("alias-bomb", _alias_bomb(), {}, "archive.yaml:6",
     "more than 1,000,000 values in 'f' once aliases are expanded (an alias bomb?)"),
    ("alias-chain-depth", _alias_chain(25), {}, "archive.yaml:19",
     "nested more than 20 levels deep through aliases in 'a18'"),
    ("undefined-alias", "title: *nope\n", {}, "archive.yaml:1", "invalid YAML: found undefined alias 'nope'"),
    ("yaml-tag-binary", "title: !!binary aGVsbG8=\n", {}, "archive.yaml:1",
     "the YAML tag '!!binary' is not allowed in 'title' (archive-gen reads plain values only)"),
    ("yaml-tag-python", "title: !!python/object:os.system x\n", {}, "archive.yaml:1",
     "the YAML tag '!!python/object:os.system' is not allowed in 'title' (archive-gen reads plain values only)"),
    ("yaml-tag-custom", f"pages:\n  {SEED_PAGE}: !page {{page: 1}}\n", {}, "archive.yaml:2",
     f"the YAML tag '!page' is not allowed in 'pages.{SEED_PAGE}' (archive-gen reads plain values only)"),
    ("merge-key", "base: &b {page: 1}\npages:\n  <<: *b\n", {}, "archive.yaml:3",
     "merge keys (<<) are not allowed in 'pages' (archive-gen reads plain values only)"),
    ("list-as-key", "? [a, b]\n: 1\n", {}, "archive.yaml:1", "a key must be plain text, not a list"),
    ("mapping-as-key", "pages:\n  {a: 1}: {page: 1}\n", {}, "archive.yaml:2",
     "a key in 'pages' must be plain text, not a mapping"),
    ("duplicate-key", "title: a\ntitle: b\n", {}, "archive.yaml:2", "duplicate key 'title'"),
    ("duplicate-nested-key", "pages:\n  a.txt: {page: 1}\n  a.txt: {page: 2}\n", {}, "archive.yaml:3",
     "duplicate key 'a.txt' in 'pages'"),
    ("document-is-a-list", "- a\n- b\n", {}, "archive.yaml:1",
     "the file must be a mapping of keys (title: …), not a list"),
    ("document-is-text", "just text\n", {}, "archive.yaml:1",
     "the file must be a mapping of keys (title: …), not a single value"),
    ("two-documents", "title: a\n---\ntitle: b\n", {}, "archive.yaml:2",
     "invalid YAML: expected a single document in the stream, but found another document"),
    ("raw-nul-byte", "title: a\x00b\n", {}, "archive.yaml:1", "invalid YAML: control character \\x00 is not allowed"),
    ("raw-escape-sequence", "title: a\x1b[31mred\n", {}, "archive.yaml:1",
     "invalid YAML: control character \\x1b is not allowed"),
    # values: control characters, surrogates, sizes, ranges, types
    ("nul-by-escape", 'title: "a\\0b"\n', {}, "archive.yaml:1", "'title' contains a control character (\\x00)"),
    ("lone-surrogate", 'title: "a\\ud800b"\n', {}, "archive.yaml:1", "'title' contains a lone surrogate (\\ud800)"),
    ("newline-in-title", 'title: "a\\nb"\n', {}, "archive.yaml:1", "'title' contains a line break"),
    ("line-separator-in-title", 'title: "a\\Lb"\n', {}, "archive.yaml:1", "'title' contains a line break"),
    ("very-long-title", "title: " + "档" * 300 + "\n", {}, "archive.yaml:1",
     "'title' is too long (300 characters; the limit is 200)"),
    ("empty-title", 'title: ""\n', {}, "archive.yaml:1", "'title' must not be empty"),
    ("title-mapping", "title: {a: 1}\n", {}, "archive.yaml:1", "'title' must be text, not a mapping"),
    ("negative-per-page", "per_page: -5\n", {}, "archive.yaml:1", "'per_page' must be at least 1 (got -5)"),
    ("huge-per-page", "per_page: 1" + "0" * 30 + "\n", {}, "archive.yaml:1",
     "'per_page' must be at most 1,000 (got '1" + "0" * 30 + "')"),
    ("5000-digit-per-page", "per_page: " + "9" * 5000 + "\n", {}, "archive.yaml:1",
     "'per_page' must be at most 1,000 (got '" + "9" * 40 + "'… (5,000 characters))"),
    ("infinite-per-page", "per_page: .inf\n", {}, "archive.yaml:1", "'per_page' must be a whole number, got '.inf'"),
    ("float-feed-items", "feed_items: 20.0\n", {}, "archive.yaml:1",
     "'feed_items' must be a whole number, got '20.0'"),
    ("boolean-per-page", "per_page: yes\n", {}, "archive.yaml:1", "'per_page' must be a whole number, got 'yes'"),
    ("list-feed-items", "feed_items: [1, 2]\n", {}, "archive.yaml:1",
     "'feed_items' must be a whole number, not a list"),
    ("zero-page-number", f"pages:\n  {SEED_PAGE}: {{page: 0}}\n", {}, "archive.yaml:2",
     f"'pages.{SEED_PAGE}.page' must be at least 1 (got 0)"),
    ("bad-language", 'language: "zh CN"\n', {}, "archive.yaml:1",
     "'language' must be a language tag such as zh-CN (got 'zh CN')"),
    ("base-url-too-long", "base_url: https://example.org/" + "a" * 3000 + "\n", {}, "archive.yaml:1",
     "'base_url' is too long (3,020 characters; the limit is 2,048)"),
    ("empty-source", 'source: ""\n', {}, "archive.yaml:1", "'source' must not be empty"),
    ("empty-source-list", "source: []\n", {}, "archive.yaml:1", "'source' must name at least one folder"),
    ("nested-source-list", "source: [[a]]\n", {}, "archive.yaml:1", "'source' must be text, not a list"),
    ("nul-in-output", 'output: "a\\0b"\n', {}, "archive.yaml:1", "'output' contains a control character (\\x00)"),
    ("256-byte-path-part", "output: " + "a" * 300 + "\n", {}, "archive.yaml:1",
     "'output' has a path part longer than 255 bytes"),
    ("about-is-a-folder", "about: sources\n", {}, "archive.yaml:1", "'about' is a folder, not a file: {root}/sources"),
    # dates in pages: (they used to reach datetime.date and raise)
    ("month-13", f"pages:\n  {SEED_PAGE}: {{date: 2021-13-40}}\n", {}, "archive.yaml:2",
     f"'pages.{SEED_PAGE}.date': there is no month 13 (got 2021-13-40)"),
    ("february-30", f"pages:\n  {SEED_PAGE}: {{date: 2021-02-30}}\n", {}, "archive.yaml:2",
     f"'pages.{SEED_PAGE}.date': 2021-02 has no day 30 (it has 28 days; got 2021-02-30)"),
    ("year-0", f"pages:\n  {SEED_PAGE}: {{date: 0000-05-14}}\n", {}, "archive.yaml:2",
     f"'pages.{SEED_PAGE}.date': there is no year 0 (got 0000-05-14)"),
    ("date-not-iso", f"pages:\n  {SEED_PAGE}: {{date: 14/05/2021}}\n", {}, "archive.yaml:2",
     f"'pages.{SEED_PAGE}.date' must be YYYY-MM-DD, YYYY-MM or YYYY (got '14/05/2021')"),
    # topics: an empty keyword made the tagger's phrase search loop forever
    ("empty-keyword", 'taxonomy:\n  extend:\n    - {slug: a, label: A, keywords: [""]}\n', {}, "archive.yaml:3",
     "'taxonomy.extend.keywords' holds an empty keyword"),
    ("blank-keyword", 'taxonomy:\n  extend:\n    - {slug: a, label: A, keywords: ["  "]}\n', {}, "archive.yaml:3",
     "'taxonomy.extend.keywords' holds an empty keyword"),
    ("long-keyword", "taxonomy:\n  extend:\n    - {slug: a, label: A, keywords: [" + "工" * 51 + "]}\n", {},
     "archive.yaml:3", "'taxonomy.extend.keywords' is too long (51 characters; the limit is 50)"),
    ("long-slug", "taxonomy:\n  extend:\n    - {slug: " + "a" * 70 + ", label: A, keywords: [x]}\n", {},
     "archive.yaml:3", "'taxonomy.extend.slug' is too long (70 characters; the limit is 64)"),
    ("extend-not-a-list", "taxonomy:\n  extend: many\n", {}, "archive.yaml:2",
     "'taxonomy.extend' must be a list of topics, not a single value"),
    # a taxonomy file is read with the same limits as archive.yaml
    ("taxonomy-file-nested", "taxonomy:\n  file: topics.yaml\n",
     {"topics.yaml": "topics: " + "[" * 20000 + "]" * 20000 + "\n"}, "topics.yaml:1",
     "nested more than 20 levels deep in 'topics'"),
    ("taxonomy-file-empty-keyword", "taxonomy:\n  file: topics.yaml\n",
     {"topics.yaml": 'topics:\n  - {slug: a, label: A, keywords: [工资, ""]}\n'}, "topics.yaml:2",
     "'topics.keywords' holds an empty keyword"),
    ("taxonomy-file-gbk", "taxonomy:\n  file: topics.yaml\n",
     {"topics.yaml": "topics:\n  - {slug: a, label: 工资, keywords: [工资]}\n".encode("gbk")}, "topics.yaml:2",
     "taxonomy file is not UTF-8 text (byte 0xb9); save it as UTF-8"),
    ("taxonomy-file-alias-bomb", "taxonomy:\n  file: topics.yaml\n", {"topics.yaml": _alias_bomb()},
     "topics.yaml:6", "more than 1,000,000 values in 'f' once aliases are expanded (an alias bomb?)"),
    ("taxonomy-file-list-key", "taxonomy:\n  file: topics.yaml\n", {"topics.yaml": "{[a]: 1}\n"},
     "topics.yaml:1", "a key must be plain text, not a list"),
    ("taxonomy-file-is-a-folder", "taxonomy:\n  file: sources\n", {}, "archive.yaml:2",
     "'taxonomy.file' is a folder, not a file: {root}/sources"),
    # gazetteer aliases
    ("alias-empty-name", 'gazetteer:\n  aliases:\n    "": "350100"\n', {}, "archive.yaml:3",
     "'gazetteer.aliases' has an empty name"),
    ("alias-with-space", 'gazetteer:\n  aliases:\n    榕 城: "350100"\n', {}, "archive.yaml:3",
     "gazetteer alias '榕 城' contains white space"),
    ("alias-control-char", 'gazetteer:\n  aliases:\n    "榕\\x07城": "350100"\n', {}, "archive.yaml:3",
     "a name in 'gazetteer.aliases' contains a control character (\\x07)"),
    ("alias-full-width-digits", 'gazetteer:\n  aliases:\n    榕城: "３５０１００"\n', {}, "archive.yaml:3",
     "'gazetteer.aliases.榕城' must be a 6-digit GB/T 2260 code"),
    ("alias-code-list", 'gazetteer:\n  aliases:\n    榕城: ["350100"]\n', {}, "archive.yaml:3",
     "'gazetteer.aliases.榕城' must be text, not a list"),
    ("alias-code-unknown-number", "gazetteer:\n  aliases:\n    榕城: 999999\n", {}, "archive.yaml:3",
     "gazetteer alias '榕城' points to unknown division code 999999 (use a GB/T 2260 code present in the gazetteer)"),
    # unknown keys: the closest known key is suggested; a key that could break the line is quoted
    ("typo-per-page", "per-page: 5\n", {}, "archive.yaml:1",
     "unknown key 'per-page' (did you mean 'per_page'? see docs/config.md)"),
    ("typo-capital", "Title: x\n", {}, "archive.yaml:1", "unknown key 'Title' (did you mean 'title'? see docs/config.md)"),
    ("unknown-key-no-suggestion", "zzz: 1\n", {}, "archive.yaml:1", "unknown key 'zzz' (see docs/config.md)"),
    ("typo-page-date", f"pages:\n  {SEED_PAGE}: {{dat: 2021-01-01}}\n", {}, "archive.yaml:2",
     f"unknown key 'pages.{SEED_PAGE}.dat' (did you mean 'date'? expected date, page)"),
    ("typo-taxonomy", "taxonomy:\n  extnd: []\n", {}, "archive.yaml:2",
     "unknown key 'taxonomy.extnd' (did you mean 'extend'? expected file, extend)"),
    ("typo-gazetteer", "gazetteer:\n  alias: {}\n", {}, "archive.yaml:2",
     "unknown key 'gazetteer.alias' (did you mean 'aliases'? expected aliases)"),
    ("typo-topic-keywords", "taxonomy:\n  extend:\n    - {slug: a, label: A, keyword: [x]}\n", {}, "archive.yaml:3",
     "unknown key 'taxonomy.extend.keyword' (did you mean 'keywords'? expected slug, label, definition, keywords)"),
    ("key-with-newline", '"ti\\ntle": x\n', {}, "archive.yaml:1",
     'unknown key "ti\\ntle" (did you mean \'title\'? see docs/config.md)'),
    ("key-posing-as-a-message", '"x: error: forged": 1\n', {}, "archive.yaml:1",
     'unknown key "x: error: forged" (see docs/config.md)'),
    # 1 and 01 are one 版: the later name silently replaced the earlier
    ("page-name-twice", "page_names:\n  1: 要闻\n  01: 新闻\n", {}, "archive.yaml:3",
     "page_names lists 版 1 twice ('01' is 1 again); keep one"),
]
CASES += HOSTILE


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(SEED, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("yaml_text", "extra", "where", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["build", "check"])
def test_bad_config_is_one_line_exit_2(project: Path, command: str, yaml_text: str,
                                       extra: dict[str, str | bytes], where: str, message: str) -> None:
    (project / "archive.yaml").write_text(yaml_text, encoding="utf-8")
    for name, text in extra.items():
        if isinstance(text, bytes):
            (project / name).write_bytes(text)
        else:
            (project / name).write_text(text, encoding="utf-8")
    code, out, err = invoke(command, "-q") if command == "build" else invoke(command)
    assert code == 2
    file_name, line = where.split(":")
    # a file a key names is named by its whole path ({root}: the project folder)
    assert one_error_line(err) == f"archive-gen: error: {project / file_name}:{line}: " \
        + message.replace("{root}", str(project))
    assert out == ""
    assert not (project / "site").exists()


def test_override_for_a_page_given_on_the_command_line_is_not_an_error(project: Path) -> None:
    # building one file on purpose: overrides for the archive's other pages are expected, not typos
    (project / "archive.yaml").write_text("pages:\n  other.txt: {date: 2021-05-14}\n", encoding="utf-8")
    code, _, err = invoke("check", str(project / "sources" / SEED.name))
    assert code == 0 and err == "1 page, 7 items, 1 warning, 0 errors\n"


def test_a_valid_override_still_applies(project: Path) -> None:
    (project / "archive.yaml").write_text(f"pages:\n  {SEED.name}: {{date: 2020-01-02, page: 7}}\n",
                                          encoding="utf-8")
    code, out, _ = invoke("export", "--no-tags")
    assert code == 0 and '"date": "2020-01-02"' in out and '"page": 7' in out


@pytest.mark.parametrize(("value", "message"), [
    ("example.com", "'base_url' must start with http:// or https:// (got 'example.com')"),
    ("javascript:alert(1)//", "'base_url' must start with http:// or https:// (got 'javascript:alert(1)//')"),
    ("https://a.org/x y", "'base_url' contains characters a URL cannot hold (got 'https://a.org/x y'; "
                          "percent-encode them)"),
    # a byte that is not UTF-8 in the argument (os.fsdecode makes it a surrogate), a bidi override
    ("https://a.org/\udcff", "'base_url' contains characters a URL cannot hold (got 'https://a.org/\\udcff'; "
                             "percent-encode them)"),
    ("https://a.org/\u202e", "'base_url' contains characters a URL cannot hold (got 'https://a.org/\\u202e'; "
                             "percent-encode them)"),
])
def test_bad_base_url_option_names_the_option(project: Path, value: str, message: str) -> None:
    code, _, err = invoke("build", "-q", "--base-url", value)
    assert code == 2
    assert one_error_line(err) == f"archive-gen: error: --base-url: {message}"
    assert not (project / "site").exists()


# ---------------------------------------------------------------------------------------------
# the config file itself: not text, not a file, too big, empty

def _config_error(project: Path) -> tuple[int, str]:
    code, out, err = invoke("check")
    assert out == ""
    return code, one_error_line(err)


def test_a_config_that_is_not_utf8_names_the_line_and_byte(project: Path) -> None:
    (project / "archive.yaml").write_bytes("title: ok\ndescription: 工人日报\n".encode("gbk"))
    assert _config_error(project) == (2, f"archive-gen: error: {project / 'archive.yaml'}:2: config file is not "
                                         "UTF-8 text (byte 0xb9); save it as UTF-8")


def test_a_config_that_is_a_folder(project: Path) -> None:
    (project / "archive.yaml").mkdir()
    assert _config_error(project) == (2, f"archive-gen: error: {project / 'archive.yaml'}: config file is a folder, "
                                         "not a file")


def test_a_config_that_is_a_link_to_a_device_is_not_read(project: Path) -> None:
    (project / "archive.yaml").symlink_to("/dev/zero")  # reading it would never end
    assert _config_error(project) == (2, "archive-gen: error: /dev/zero: config file is not a regular file "
                                         "(a pipe, socket or device)")


def test_a_config_that_links_to_itself(project: Path) -> None:
    (project / "archive.yaml").symlink_to("archive.yaml")
    assert _config_error(project) == (2, f"archive-gen: error: {project / 'archive.yaml'}: cannot read config "
                                         "file: Too many levels of symbolic links")


def test_a_config_larger_than_16_mb_is_not_read(project: Path) -> None:
    with (project / "archive.yaml").open("wb") as handle:
        handle.truncate(17 * 2**20)  # sparse: nothing is written, the size is what counts
    assert _config_error(project) == (2, f"archive-gen: error: {project / 'archive.yaml'}: config file is too large "
                                         "(17 MB; the limit is 16 MB)")


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"# only a comment\n", b"---\n"],
                         ids=["empty", "bom-only", "comment-only", "document-marker"])
def test_an_empty_config_means_the_defaults(project: Path, content: bytes) -> None:
    (project / "archive.yaml").write_bytes(content)
    code, _, err = invoke("check")
    assert code == 0 and err == "1 page, 7 items, 1 warning, 0 errors\n"


def test_a_config_that_is_a_pipe_is_not_opened(project: Path) -> None:
    # a subprocess with a timeout: opening a FIFO blocks until a writer comes, so a regression hangs
    os.mkfifo(project / "archive.yaml")
    done = subprocess.run([sys.executable, "-m", "archive_gen", "check"], cwd=project, capture_output=True,
                          text=True, timeout=60)
    assert (done.returncode, done.stderr, done.stdout) == (
        2, f"archive-gen: error: {project / 'archive.yaml'}: config file is not a regular file "
           "(a pipe, socket or device)\n", "")


@pytest.mark.slow
def test_an_empty_keyword_no_longer_hangs_the_build(project: Path) -> None:
    # the real build in a subprocess with a deadline: before the fix the tagger looped forever
    (project / "archive.yaml").write_text('taxonomy:\n  extend:\n    - {slug: a, label: A, keywords: [""]}\n',
                                          encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "archive_gen", "build", "-q", "--jobs", "1"], cwd=project,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (
        2, f"archive-gen: error: {project / 'archive.yaml'}:3: 'taxonomy.extend.keywords' holds an empty keyword\n")
    assert not (project / "site").exists()


def test_about_null_turns_the_default_about_file_off(project: Path) -> None:
    from archive_gen.config import load_config

    (project / "about.md").write_text("# about", encoding="utf-8")
    assert load_config(root=project).about == project / "about.md"
    (project / "archive.yaml").write_text("about: null\n", encoding="utf-8")
    assert load_config(root=project).about is None
