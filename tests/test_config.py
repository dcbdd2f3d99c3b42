"""archive.yaml is validated once: every error names the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_gen.config import Config, load_config
from archive_gen.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "archive.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(tmp_path / "archive.yaml"))
    return message


def test_defaults_without_a_file(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    config = load_config(root=tmp_path)
    assert config.sources == (tmp_path / "seeds",)
    assert config.output == tmp_path / "site"
    assert config.config_file is None


def test_values_are_typed_and_paths_resolved(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("# hi", encoding="utf-8")
    config = load_config(write(tmp_path, """
title: 测试档案
base_url: https://user.github.io/repo
source: [a, b]
output: out
per_page: 5
pages:
  2021/05/14/01.txt: {date: 2021-05-14, page: 1}
gazetteer:
  aliases: {海西: "632800"}
"""))
    assert config.title == "测试档案"
    assert config.base_url == "https://user.github.io/repo/"
    assert config.sources == (tmp_path / "a", tmp_path / "b")
    assert config.output == tmp_path / "out"
    assert config.per_page == 5
    assert config.pages["2021/05/14/01.txt"].date == "2021-05-14"
    assert config.pages["2021/05/14/01.txt"].page == 1
    assert config.about == tmp_path / "about.md"
    assert config.gazetteer_aliases == {"海西": "632800"}
    assert config.override_lines == {"pages.2021/05/14/01.txt": 8, "gazetteer.海西": 10}


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    message = error_of(tmp_path, "title: ok\nsource: [seeds\noutput: site\n")
    assert "invalid YAML" in message
    assert ":4:" in message or ":3:" in message


def test_unknown_key_names_key_and_line(tmp_path: Path) -> None:
    message = error_of(tmp_path, "title: ok\ntitel: typo\n")
    assert ":2:" in message and "unknown key 'titel'" in message


def test_wrong_type_names_key_and_line(tmp_path: Path) -> None:
    message = error_of(tmp_path, "title: ok\nper_page: many\n")
    assert ":2:" in message and "'per_page'" in message


def test_nested_unknown_key(tmp_path: Path) -> None:
    message = error_of(tmp_path, "pages:\n  a.txt:\n    dte: 2021-01-01\n")
    assert ":3:" in message and "pages.a.txt.dte" in message


def test_bad_override_date(tmp_path: Path) -> None:
    message = error_of(tmp_path, "pages:\n  a.txt: {date: 14/05/2021}\n")
    assert ":2:" in message and "YYYY-MM-DD" in message


def test_base_url_without_scheme(tmp_path: Path) -> None:
    message = error_of(tmp_path, "base_url: user.github.io/repo\n")
    assert ":1:" in message and "base_url" in message and "https://" in message


def test_duplicate_topic_slug(tmp_path: Path) -> None:
    message = error_of(tmp_path, """
taxonomy:
  extend:
    - {slug: a-b, label: 甲, keywords: [甲]}
    - {slug: a-b, label: 乙, keywords: [乙]}
""")
    assert "duplicate topic slug 'a-b'" in message


def test_empty_keyword_list(tmp_path: Path) -> None:
    message = error_of(tmp_path, "taxonomy:\n  extend:\n    - {slug: a, label: 甲, keywords: []}\n")
    assert ":3:" in message and "empty keyword list" in message


def test_gazetteer_alias_must_be_a_code(tmp_path: Path) -> None:
    message = error_of(tmp_path, "gazetteer:\n  aliases:\n    海西: qinghai\n")
    assert ":3:" in message and "6-digit" in message


def test_missing_about_file(tmp_path: Path) -> None:
    message = error_of(tmp_path, "about: nothere.md\n")
    assert ":1:" in message and "nothere.md" in message


def test_duplicate_key(tmp_path: Path) -> None:
    message = error_of(tmp_path, "title: a\ntitle: b\n")
    assert ":2:" in message and "duplicate key 'title'" in message


def test_cli_overrides_only_when_given(tmp_path: Path) -> None:
    config = Config(root=tmp_path, title="t", base_url="https://a.example/")
    assert config.with_overrides(base_url=None, output=None) == config
    changed = config.with_overrides(base_url="https://b.example/x", output=tmp_path / "o")
    assert changed.base_url == "https://b.example/x/"
    assert changed.output == tmp_path / "o"
    with pytest.raises(ConfigError):
        config.with_overrides(base_url="ftp://nope")
