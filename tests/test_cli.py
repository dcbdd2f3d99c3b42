"""The command line: help and version, exit codes and one-line errors, and real builds of the seed pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive_gen import __version__
from archive_gen.cache import BuildCache
from archive_gen.cli import main
from projects import mtimes, tree

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [[], ["build"], ["serve"], ["check"], ["export"], ["init"]])
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    code, out, _ = invoke(*command, "--help")
    assert code == 0 and "Usage: " in out and "Examples:" in out and "archive-gen" in out


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.strip() == f"archive-gen, version {__version__}"


# ---------------------------------------------------------------------------------------------
# user errors: one line on stderr naming the file, exit 2, no traceback

@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(SEEDS / "000_d00d0f73704abedd.txt", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip() and not line.endswith("…")]  # not progress
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_output_inside_the_sources_is_refused(project: Path) -> None:
    code, _, err = invoke("build", "--output", "sources/site")
    assert code == 2
    line = _one_error_line(err)
    assert line.startswith("archive-gen: error: ") and "sources/site: output folder is inside the source" in line


def test_output_that_is_a_file_is_refused(project: Path) -> None:
    (project / "site").write_text("a file")
    code, _, err = invoke("build", "-q")
    assert code == 2 and "output path exists and is not a folder" in _one_error_line(err)


def test_output_under_a_file_is_an_output_error(project: Path) -> None:
    (project / "blocker").write_text("a file where a folder must be")
    code, _, err = invoke("build", "-q", "--output", "blocker/site")
    assert code == 2 and "blocker is not a folder" in _one_error_line(err)


def test_bad_config_names_file_and_line(project: Path) -> None:
    (project / "archive.yaml").write_text("title: x\ntitel: typo\n", encoding="utf-8")
    code, _, err = invoke("build")
    assert code == 2 and f"{project / 'archive.yaml'}:2: unknown key 'titel'" in _one_error_line(err)


def test_missing_config_and_sources_are_usage_errors(project: Path) -> None:
    code, _, err = invoke("build", "--config", "nope.yaml")
    assert code == 2 and "nope.yaml: config file not found" in _one_error_line(err)
    code, _, err = invoke("build", "missing-folder")
    assert code == 2 and "missing-folder: source folder not found" in _one_error_line(err)
    code, _, err = invoke("build", "--base-url", "ftp://x")
    assert code == 2 and "base_url" in _one_error_line(err)


def test_quiet_and_verbose_together_is_a_usage_error(project: Path) -> None:
    code, _, err = invoke("build", "--quiet", "--verbose")
    assert code == 2 and "cannot be used together" in err


# ---------------------------------------------------------------------------------------------
# real builds of the seeds

@pytest.fixture(scope="module")
def seeds_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the sample archive, built once (cold) for the tests below."""
    root = tmp_path_factory.mktemp("seeds-project")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copy(REPO / "archive.yaml", root)
    shutil.copy(REPO / "about.md", root)
    (root / "seeds" / "notes.md").write_text("not a page")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        yield root
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def cold_build(seeds_project: Path) -> tuple[int, str, str]:
    return invoke("build", "--jobs", "1")


def test_build_of_the_seeds_writes_the_site(seeds_project: Path, cold_build: tuple[int, str, str]) -> None:
    code, out, err = cold_build
    assert code == 0, err
    site = seeds_project / "site"
    for entry in ("index.html", "regions/index.html", "topics/index.html", "archive/index.html",
                  "search/index.html", "feed.xml", "sitemap.xml", "404.html"):
        assert (site / entry).is_file(), entry
    assert len(list(site.glob("articles/**/*.html"))) >= 30
    assert "5 pages read (5 parsed, 0 from cache)" in out
    assert "files: " in out and " written, 0 unchanged, 0 removed" in out
    assert "Traceback" not in err


def test_noop_rebuild_writes_and_parses_nothing(seeds_project: Path, cold_build: tuple[int, str, str]) -> None:
    before = mtimes(seeds_project / "site")
    time.sleep(0.01)
    code, out, _ = invoke("build", "--jobs", "1")
    assert code == 0
    assert ": up to date" in out and "(0 parsed, 5 from cache)" in out and "files: 0 written" in out
    assert mtimes(seeds_project / "site") == before


def test_verbose_lists_ignored_files_and_warnings(seeds_project: Path, cold_build: tuple[int, str, str]) -> None:
    code, out, err = invoke("build", "--verbose")
    assert code == 0
    assert f"ignored (not a .txt page): {seeds_project / 'seeds' / 'notes.md'}" in err
    match = re.search(r"^  (\d+) warnings?, ", out, re.M)
    assert match, out
    warnings = int(match.group(1))
    assert sum(": warning: " in line for line in err.splitlines()) == warnings


def test_one_changed_page_reparses_only_that_page(seeds_project: Path, cold_build: tuple[int, str, str]) -> None:
    page = seeds_project / "seeds" / "002_af3854c40ad81c88.txt"
    original = page.read_bytes()
    before = mtimes(seeds_project / "site")
    try:
        page.write_bytes(original.replace("职工".encode(), "工人".encode(), 1))
        code, out, _ = invoke("build", "--jobs", "1")
        assert code == 0 and "(1 parsed, 4 from cache)" in out
        after = mtimes(seeds_project / "site")
        assert 0 < sum(after.get(rel) != stamp for rel, stamp in before.items()) < len(before) / 2
    finally:
        page.write_bytes(original)
    # undoing the edit finds the old records still cached: nothing is parsed or tagged again
    code, out, _ = invoke("build", "--jobs", "1")
    assert code == 0 and "(0 parsed, 5 from cache)" in out and ": built in" in out


def test_bad_page_is_reported_and_the_rest_is_built(seeds_project: Path, cold_build: tuple[int, str, str]) -> None:
    bad = seeds_project / "seeds" / "zz_binary.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    try:
        code, out, err = invoke("build", "--jobs", "1")
        assert code == 1
        assert "zz_binary.txt: error: binary file, not a text page" in err
        assert "6 pages read" in out and (seeds_project / "site" / "index.html").is_file()
    finally:
        bad.unlink()


def test_sigterm_mid_write_leaves_the_previous_site(seeds_project: Path, cold_build: tuple[int, str, str]) -> None:
    site = seeds_project / "site"
    assert invoke("build", "--jobs", "1", "-q")[0] == 0
    before = tree(site)
    # a new base URL re-renders from the cached records (no tagging) and changes some files
    proc = subprocess.Popen([sys.executable, "-c", SLOW_DISK_CLI, "build", "-q", "--jobs", "1",
                             "--base-url", "https://example.org/archive/"], cwd=seeds_project,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(seeds_project.glob(".site.tmp-*/pack-*")):
        time.sleep(0.05)
    time.sleep(0.5)  # into the slowed-down write loop
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err.strip() == "archive-gen: interrupted; the previous site was left as it was"
    assert tree(site) == before
    assert not list(seeds_project.glob(".site.*"))


# the CLI on a slow disk (every site file takes 0.3 s to write), so a test can signal it mid-write
SLOW_DISK_CLI = textwrap.dedent("""
    import sys, time
    from archive_gen import writer
    real = writer.write_file
    def slow(fd, data):
        time.sleep(0.3)
        real(fd, data)
    writer.write_file = slow
    from archive_gen.cli import main
    sys.argv[0] = "archive-gen"
    main()
""")

PARALLEL_SCRIPT = textwrap.dedent("""
    from pathlib import Path
    from archive_gen.build import BuildOptions, build_site
    from archive_gen.config import load_config
    config = load_config(Path("archive.yaml")).with_overrides(output=Path({out!r}), cache_dir=Path({cache!r}))
    result = build_site(config, BuildOptions(jobs=2, parallel_min_pages=1))
    counts = (result.pages_parsed, result.cache_hits, result.exit_code)
    assert counts == (2, 3, 0), counts
""")


@pytest.mark.slow
def test_jobs_and_locale_do_not_change_a_byte(seeds_project: Path, cold_build: tuple[int, str, str],
                                               tmp_path: Path) -> None:
    assert invoke("build", "--jobs", "1", "--clean", "-q")[0] == 0  # drop what earlier tests left
    # the same project built under the C locale (the first build ran under C.UTF-8), with two pages
    # re-parsed and re-tagged in two worker processes and the other three from a copy of the cache
    cache = tmp_path / "cache"
    shutil.copytree(seeds_project / ".archive-cache", cache)
    entries = sorted((cache / "pages").rglob("*.entry"))
    assert len(entries) >= 5
    for entry in entries:
        if BuildCache(cache).load("pages", entry.stem).parsed.source in ("000_d00d0f73704abedd.txt",
                                                                         "003_612e8b81a30c8a2d.txt"):
            entry.unlink()
    shutil.rmtree(cache / "summaries")  # so every page goes through the record stage again
    script = PARALLEL_SCRIPT.format(out=str(tmp_path / "site2"), cache=str(cache))
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    done = subprocess.run([sys.executable, "-c", script], cwd=seeds_project, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert tree(tmp_path / "site2") == tree(seeds_project / "site")
