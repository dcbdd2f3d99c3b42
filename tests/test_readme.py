"""The README's set-up commands: CI runs exactly the README's test command, the Chinese README gives
the same commands, and the two link each other."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shell_blocks(text: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    assert blocks
    return [block.strip() for block in blocks]


def setup_commands(readme: Path) -> list[str]:
    """The two commands of the set-up section: build the sample archive, run the tests."""
    text = readme.read_text(encoding="utf-8")
    return shell_blocks(text)[:2]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    build, tests = setup_commands(REPO / "README.md")
    assert build.startswith("python3 -m venv .venv && ") and build.endswith("archive-gen build")
    assert "pytest" in tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").rstrip("\n").splitlines()
    assert "keep in sync" in "\n".join(ci[-3:])
    assert ci[-1] == tests


def test_the_chinese_readme_gives_the_same_commands_and_links_back() -> None:
    english, chinese = REPO / "README.md", REPO / "README.zh-CN.md"
    assert setup_commands(chinese) == setup_commands(english)
    assert "(README.zh-CN.md)" in english.read_text(encoding="utf-8")
    assert "(README.md)" in chinese.read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?:docs/|NOTICE|LICENSE)[^)#]*)", chinese.read_text(encoding="utf-8"))
    assert links
    for link in links:
        assert (REPO / link).is_file(), link
