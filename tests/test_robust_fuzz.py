"""Hypothesis fuzzes what users name and configure: file names of arbitrary bytes (as they land on disk
through os.fsencode) and arbitrary YAML values for every archive.yaml key, plus whole config files of
arbitrary text and bytes. Whatever comes, the exit code is 0, 1 or 2, nothing prints a traceback and
every message is exactly one line.

Bounded in CI; the long run: ``HYPOTHESIS_PROFILE=long pytest tests/test_robust_fuzz.py``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

from robust_util import PNG, SEED, invoke

settings.register_profile("fuzz-ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz-long", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = "fuzz-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "fuzz-ci"

SEED_WARNING = ":46: warning: lines 46-48 continue “109级台阶的致敬” (jump marker and shared vocabulary)"
BINARY_ERROR = ": error: binary file, not a text page"
HIDDEN = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")  # what must never reach a message line as itself
# a summary line of `check`, the only stderr line of a run that is not refused
SUMMARY = re.compile(r"\d+ pages?, \d+ items?, \d+ warnings?, \d+ errors?( \(\d+ pages? could not be read\))?")


def _record_name(raw: bytes) -> str:
    """The source name the records should carry, from the rule in docs/robustness.md: UTF-8, else
    GB18030, else the bytes as \\xNN escapes."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "backslashreplace")


def _is_quoted_form(prefix: str) -> bool:
    """A quoted name: "…" with every inner quote escaped and nothing unprintable left."""
    if not (len(prefix) >= 2 and prefix.startswith('"') and prefix.endswith('"')):
        return False
    inner = re.sub(r'\\.', "", prefix[1:-1])
    return '"' not in inner and not any(unicodedata.category(ch) in HIDDEN for ch in inner)


name_bytes = st.binary(min_size=1, max_size=80).filter(
    lambda b: b"/" not in b and b"\0" not in b and not b.startswith(b".")) | st.text(min_size=1, max_size=40).map(
    lambda t: t.replace("/", "").replace("\0", "")).filter(lambda t: t and not t.startswith(".")).flatmap(
    lambda t: st.just(os.fsencode(t)) if _fs_encodable(t) else st.nothing())


def _fs_encodable(text: str) -> bool:
    try:
        os.fsencode(text)
    except UnicodeEncodeError:
        return False
    return True


@settings(settings.get_profile(PROFILE))
@given(raw=name_bytes, binary=st.booleans())
@example(raw=b"evil\nx.txt: error: forged", binary=True)
@example(raw="工人日报".encode("gbk"), binary=False)
@example(raw=b"\xff\xfe\x1b[2J", binary=False)
@example(raw=" \u2028 ".encode(), binary=False)
def test_any_file_name_gives_one_line_messages_and_valid_json(raw: bytes, binary: bool) -> None:
    raw += b".txt"
    assume(len(raw) <= 255)
    with tempfile.TemporaryDirectory() as tmp:
        sources = os.path.join(os.fsencode(tmp), b"sources")
        os.mkdir(sources)
        with open(os.path.join(sources, raw), "wb") as handle:
            handle.write(PNG if binary else SEED.read_bytes())
        config = Path(tmp) / "archive.yaml"
        config.write_text("source: sources\n", encoding="utf-8")

        code, out, err = invoke("check", "--config", str(config))
        assert "Traceback" not in out + err
        assert code == (1 if binary else 0)
        lines = out.splitlines()
        assert len(lines) == 1, out  # one message, one line, whatever the name holds
        suffix = BINARY_ERROR if binary else SEED_WARNING
        assert lines[0].endswith(suffix)
        prefix = lines[0][:-len(suffix)]
        name = _record_name(raw)
        assert prefix == name or _is_quoted_form(prefix), prefix
        assert not any(unicodedata.category(ch) in HIDDEN for ch in prefix), prefix
        assert SUMMARY.fullmatch(err.rstrip("\n")) and err.count("\n") == 1, err

        code, out, err = invoke("export", "--no-tags", "--format", "json", "--config", str(config))
        assert "Traceback" not in err and code == (1 if binary else 0)
        records = json.loads(out)
        assert len(records) == (0 if binary else 7)
        assert all(r["source"] == name for r in records)
        assert len(err.splitlines()) == (1 if binary else 0)


# ---------------------------------------------------------------------------------------------
# config values

scalars = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**40), max_value=10**40)
           | st.floats() | st.text(max_size=40) | st.text(max_size=3000)
           | st.dates() | st.dates().map(str) | st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)
# paths stay inside the project: a fuzzed `source: /` would make `check` read the whole disk
path_text = st.text(alphabet=st.characters(blacklist_characters="/\\"), max_size=30).filter(
    lambda t: t.strip() not in ("..", "..."))
path_values = st.none() | path_text | st.lists(path_text, max_size=3) | st.integers() | st.booleans() \
    | st.dictionaries(st.text(max_size=5), path_text, max_size=2)
topics = st.lists(st.fixed_dictionaries({}, optional={
    "slug": values | st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8})?", fullmatch=True),
    "label": values, "definition": values, "keywords": values | st.lists(st.text(max_size=8), max_size=4)}),
    max_size=3) | values

PATH_KEYS = ("source", "output", "cache_dir", "about")


def documents() -> st.SearchStrategy[dict[str, Any]]:
    """A config with one key (nested where archive.yaml nests) set to an arbitrary value."""
    seed = SEED.name
    return st.one_of(
        st.sampled_from(["title", "newspaper", "description", "language", "base_url", "per_page", "feed_items",
                         "search_fallback_max_items"]).flatmap(lambda k: st.fixed_dictionaries({k: values})),
        st.sampled_from(PATH_KEYS).flatmap(lambda k: st.fixed_dictionaries({k: path_values})),
        st.fixed_dictionaries({"pages": values}),
        st.fixed_dictionaries({"pages": st.fixed_dictionaries({seed: st.fixed_dictionaries(
            {}, optional={"date": values, "page": values})})}),
        st.fixed_dictionaries({"taxonomy": values}),
        st.fixed_dictionaries({"taxonomy": st.fixed_dictionaries({"extend": topics})}),
        st.fixed_dictionaries({"taxonomy": st.fixed_dictionaries({"file": path_values})}),
        st.fixed_dictionaries({"gazetteer": values}),
        st.fixed_dictionaries({"gazetteer": st.fixed_dictionaries({"aliases": st.dictionaries(
            st.text(max_size=10), values | st.from_regex(r"[0-9]{6}", fullmatch=True), max_size=3)})}),
        st.dictionaries(st.text(max_size=15), values, max_size=3),  # unknown keys
    )


def _run_check(root: Path) -> tuple[int, str, str]:
    code, out, err = invoke("check")
    assert "Traceback" not in out + err
    assert code in (0, 1, 2)
    if code == 2:
        assert out == "" and err.startswith("archive-gen: error: ") and err.count("\n") == 1, err
        assert not any(unicodedata.category(ch) in HIDDEN for ch in err.rstrip("\n")), err
    else:
        assert SUMMARY.fullmatch(err.rstrip("\n")) and err.count("\n") == 1, err
        assert all(re.match(r'^(\S.*|".*"):(\d+:)? (warning|error): ', line) for line in out.splitlines()), out
    return code, out, err


def _in_project(text: str | bytes) -> tuple[int, str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        (root / "sources" / SEED.name).write_bytes(SEED.read_bytes())
        (root / "topics.yaml").write_text("topics:\n  - {slug: a, label: 甲, keywords: [工会]}\n", encoding="utf-8")
        (root / "archive.yaml").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        cwd = os.getcwd()
        os.chdir(root)
        try:
            return _run_check(root)
        finally:
            os.chdir(cwd)


@settings(settings.get_profile(PROFILE))
@given(doc=documents(), unicode=st.booleans())
@example(doc={"per_page": 10**30}, unicode=True)
@example(doc={"pages": {"000_d00d0f73704abedd.txt": {"date": "2021-02-30"}}}, unicode=True)
@example(doc={"taxonomy": {"extend": [{"slug": "a", "label": "A", "keywords": [""]}]}}, unicode=True)
@example(doc={"title": "a\ud800b"}, unicode=False)
def test_any_value_for_any_key_is_accepted_or_one_line_exit_2(doc: dict[str, Any], unicode: bool) -> None:
    text = yaml.safe_dump(doc, allow_unicode=unicode)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # allow_unicode=False writes a lone surrogate as a YAML escape instead
        text = yaml.safe_dump(doc, allow_unicode=False)
    code, _, _ = _in_project(text)
    event(f"exit {code}")


@settings(settings.get_profile(PROFILE))
@given(text=st.text(max_size=400))
@example(text="title: [" * 50)
@example(text="a: &a [x, x]\nb: [*a, *a, *a]\n")
def test_any_config_text_is_accepted_or_one_line_exit_2(text: str) -> None:
    code, _, _ = _in_project(text.encode("utf-8", "surrogatepass"))
    event(f"exit {code}")


@settings(settings.get_profile(PROFILE))
@given(data=st.binary(max_size=400))
def test_any_config_bytes_are_accepted_or_one_line_exit_2(data: bytes) -> None:
    code, _, _ = _in_project(data)
    event(f"exit {code}")
