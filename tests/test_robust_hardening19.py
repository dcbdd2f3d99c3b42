"""Hardening round 19: configs, output and cache folders, names, serve and signals attacked through the real CLI in
temporary folders. Each test failed before its fix (docs/robustness.md "Round 19" lists what was attacked and
already right)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from archive_gen.writer import MANIFEST_PATH
from robust_util import SEEDS, invoke, one_error_line, tree_state, two_seed_project

CHOOSE = "(choose a folder of its own, e.g. --output site)"



# ---------------------------------------------------------------------------------------------
# the output folder in the project's templates/ or static/ folder


@pytest.mark.parametrize("folder", ["templates", "static"])
@pytest.mark.parametrize("where", ["is", "inside", "new"])
def test_the_projects_templates_or_static_folder_is_never_the_output(tmp_path: Path, folder: str, where: str) -> None:
    # an (empty or new) templates/ as the output: the next build read the site's own feed.xml, index.html, … as
    # the project's templates (every region's feed became the front feed: two builds of one input differed);
    # static/ as the output: every build copied the whole site into itself (225 files, then 446, …)
    root = tmp_path / "p"
    config = two_seed_project(root)
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
    config = two_seed_project(root, f"cache_dir: {cache}\n")
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


# ---------------------------------------------------------------------------------------------
# the output's manifest edited by hand


@pytest.mark.parametrize("edit", ["appended", "spaced", "gzip-level-9-same-text"])
def test_a_manifest_edited_by_hand_never_makes_a_build_delete_the_users_file(tmp_path: Path, edit: str) -> None:
    # gunzip, add the user's file to "files", gzip: the next --clean build deleted the file as archive-gen's own
    root = tmp_path / "p"
    config = two_seed_project(root)
    code, _, err = invoke("build", "-q", "--config", str(config))
    assert code == 0, err
    site = root / "site"
    (site / "notes.md").write_text("the user's", encoding="utf-8")
    manifest = site / MANIFEST_PATH
    text = gzip.decompress(manifest.read_bytes())
    data = json.loads(text)
    if edit == "appended":
        data["files"].append("notes.md")
        manifest.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":"),
                                                      sort_keys=True).encode()))
    elif edit == "spaced":
        data["files"] = sorted([*data["files"], "notes.md"])
        manifest.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, indent=1).encode()))
    else:  # the same text packed another way is archive-gen's spelling still: built, the file kept (not listed)
        manifest.write_bytes(gzip.compress(text, compresslevel=9))
        code, _, err = invoke("build", "-q", "--clean", "--config", str(config))
        assert code == 0, err
        assert (site / "notes.md").read_text(encoding="utf-8") == "the user's"
        return
    before = tree_state(root)
    code, _, err = invoke("build", "-q", "--clean", "--config", str(config))
    assert code == 2
    assert one_error_line(err) == (
        f"archive-gen: error: {manifest}: refusing to build into this folder: its ownership manifest was changed by "
        "something other than archive-gen (edited by hand?), so archive-gen cannot tell its own files from others "
        "(move the output folder away and build again, or build into another folder)")
    assert tree_state(root) == before


# ---------------------------------------------------------------------------------------------
# init --force into a folder holding links


def test_init_force_writes_nothing_through_a_link(tmp_path: Path) -> None:
    # a dangling about.md -> ../victim.md was followed (the file made outside the project), and a linked
    # sources/ or .github/ got the sample page and the workflow in the folder it leads to (someone's pages)
    project, elsewhere = tmp_path / "f", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (project / "about.md").symlink_to(tmp_path / "victim.md")
    (project / "sources").symlink_to(elsewhere, target_is_directory=True)
    (project / ".github").symlink_to(elsewhere, target_is_directory=True)
    outside = tree_state(tmp_path, skip=("f",))
    code, out, err = invoke("init", "--force", str(project))
    assert code == 0, err
    assert tree_state(tmp_path, skip=("f",)) == outside and not (tmp_path / "victim.md").exists()
    assert f"{project / 'about.md'}: warning: a link; init writes nothing through a link (about.md was not created)" \
        in err.splitlines()
    assert "Traceback" not in err and (project / "archive.yaml").is_file() and f"created {project / 'archive.yaml'}" in out


# ---------------------------------------------------------------------------------------------
# a UTF-8 byte order mark before a page that is not UTF-8


def _records(folder: Path) -> list[dict[str, object]]:
    code, out, err = invoke("export", "--no-tags", str(folder))
    assert code == 0 and "Traceback" not in err, err
    return [{k: v for k, v in json.loads(line).items() if k not in ("source", "id")} for line in out.splitlines()]


def test_a_utf8_bom_before_gb18030_text_reads_the_text(tmp_path: Path) -> None:
    # the mark made the whole page UTF-8: every GB18030 character a replacement character, 3 items of garbage
    # published instead of 10, and one warning ("bytes that are not valid utf-8-sig were replaced")
    text = (SEEDS / "001_71b934195b22698b.txt").read_text(encoding="utf-8")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "page.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bom").mkdir()
    (tmp_path / "bom" / "page.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("gb18030"))
    assert _records(tmp_path / "bom") == _records(tmp_path / "plain")
    code, out, err = invoke("check", str(tmp_path / "bom"))
    said = (out + err).splitlines()
    assert code == 0 and "\ufffd" not in out + err, out + err
    assert any(line.endswith("page.txt:1: warning: a UTF-8 byte order mark before text that is not UTF-8; read as "
                             "GB18030") for line in said), said


@pytest.mark.parametrize("body", [b"", b"\n\n", "工会".encode() + b"\xe5"])
def test_a_utf8_bom_before_utf8_or_nothing_reads_as_before(tmp_path: Path, body: bytes) -> None:
    from archive_gen.loader.decode import decode_bytes

    text, encoding, notices = decode_bytes(b"\xef\xbb\xbf" + body, "p.txt")
    assert "false-bom" not in [n.code for n in notices]
    assert text == body.decode("utf-8", "ignore") and encoding in ("utf-8-sig", "utf-8")
