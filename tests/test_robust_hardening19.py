"""Hardening round 19: configs, output and cache folders, names, serve and signals attacked through the real CLI in
temporary folders. Each test failed before its fix (docs/robustness.md "Round 19" lists what was attacked and
already right)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from robust_util import SEED, SEEDS, invoke, one_error_line, tree_state

CHOOSE = "(choose a folder of its own, e.g. --output site)"


def _project(root: Path, extra: str = "") -> Path:
    (root / "sources").mkdir(parents=True)
    shutil.copy(SEED, root / "sources" / "2021-05-14_01.txt")
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", root / "sources")
    (root / "archive.yaml").write_text("source: sources\noutput: site\n" + extra, encoding="utf-8")
    return root / "archive.yaml"


# ---------------------------------------------------------------------------------------------
# the output folder in the project's templates/ or static/ folder


@pytest.mark.parametrize("folder", ["templates", "static"])
@pytest.mark.parametrize("where", ["is", "inside", "new"])
def test_the_projects_templates_or_static_folder_is_never_the_output(tmp_path: Path, folder: str, where: str) -> None:
    # an (empty or new) templates/ as the output: the next build read the site's own feed.xml, index.html, … as
    # the project's templates (every region's feed became the front feed: two builds of one input differed);
    # static/ as the output: every build copied the whole site into itself (225 files, then 446, …)
    root = tmp_path / "p"
    config = _project(root)
    if where != "new":
        (root / folder).mkdir()
    output = root / folder / "site" if where == "inside" else root / folder
    before = tree_state(root)
    code, _, err = invoke("build", "--config", str(config), "-o", str(output))
    assert code == 2
    what = "is inside" if where == "inside" else "is"
    assert one_error_line(err) == f"archive-gen: error: {output}: output folder {what} {root / folder} {CHOOSE}"
    assert tree_state(root) == before


@pytest.mark.parametrize("folder", ["templates", "static"])
@pytest.mark.parametrize("where", ["is", "inside", "new"])
def test_the_projects_templates_or_static_folder_is_never_the_cache(tmp_path: Path, folder: str, where: str) -> None:
    # cache_dir: static (new or empty, so no file of the user's in it): the cache's entries, pickles of every
    # page's text, were published in site/static/, and each build copied the entries the last one wrote (never
    # up to date: "3 written" on every build of the same input); in templates/ they were listed as templates
    root = tmp_path / "p"
    cache = f"{folder}/cache" if where == "inside" else folder
    config = _project(root, f"cache_dir: {cache}\n")
    if where != "new":
        (root / folder).mkdir()
    before = tree_state(root)
    code, _, err = invoke("build", "--config", str(config))
    assert code == 2
    what = "is inside" if where == "inside" else "is"
    assert one_error_line(err) == (
        f"archive-gen: error: {root / cache}: refusing to use this folder as the cache: it {what} the project's "
        f"{folder} folder {root / folder}, whose files the build reads (set cache_dir in archive.yaml to a folder "
        "of its own, e.g. .archive-cache)")
    assert tree_state(root) == before
