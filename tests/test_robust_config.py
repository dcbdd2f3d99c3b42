"""Bad configuration: every mistake is exactly one stderr line naming the file, the line and the key,
exit 2, no traceback, and nothing is built."""

from __future__ import annotations

import shutil
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
CASES: list[tuple[str, str, dict[str, str], str, str]] = [
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


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(SEED, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("yaml_text", "extra", "where", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["build", "check"])
def test_bad_config_is_one_line_exit_2(project: Path, command: str, yaml_text: str, extra: dict[str, str],
                                       where: str, message: str) -> None:
    (project / "archive.yaml").write_text(yaml_text, encoding="utf-8")
    for name, text in extra.items():
        (project / name).write_text(text, encoding="utf-8")
    code, out, err = invoke(command, "-q") if command == "build" else invoke(command)
    assert code == 2
    file_name, line = where.split(":")
    assert one_error_line(err) == f"archive-gen: error: {project / file_name}:{line}: {message}"
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
])
def test_bad_base_url_option_names_the_option(project: Path, value: str, message: str) -> None:
    code, _, err = invoke("build", "-q", "--base-url", value)
    assert code == 2
    assert one_error_line(err) == f"archive-gen: error: --base-url: {message}"
    assert not (project / "site").exists()
