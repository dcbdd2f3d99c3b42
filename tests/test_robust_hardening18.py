"""Hardening round 18: what changed this session attacked through the real CLI in temporary folders: the build
cache's kept card drawings (``cards``), the redirect pages left at term pages a build no longer makes, and the
loader's removal of control characters and stray NUL bytes. Each test failed before its fix (docs/robustness.md
"Round 18" lists what was attacked and already right)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from archive_gen.build import _load_manifest, _manifest_key
from archive_gen.cache import BuildCache
from projects import site_tree
from robust_util import REPO, SEED, SEEDS, invoke


def _project(root: Path) -> Path:
    (root / "sources").mkdir(parents=True)
    shutil.copy(SEED, root / "sources" / "2021-05-14_01.txt")
    shutil.copy(SEEDS / "001_71b934195b22698b.txt", root / "sources")
    (root / "archive.yaml").write_text("source: sources\noutput: site\n", encoding="utf-8")
    return root / "archive.yaml"


def _edit(root: Path) -> None:
    page = root / "sources" / "2021-05-14_01.txt"
    page.write_bytes(page.read_bytes().replace("工会".encode(), "工會".encode(), 1))


def _cold(tmp_path: Path) -> dict[str, bytes]:
    config = _project(tmp_path / "cold")
    _edit(tmp_path / "cold")
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0, err
    return site_tree(tmp_path / "cold" / "site")


# ---------------------------------------------------------------------------------------------
# the output manifest in the cache listing paths no build makes


def test_a_cache_manifest_listing_hostile_term_paths_never_takes_the_build_down(tmp_path: Path) -> None:
    # a term page the last build published and this one does not make becomes a redirect page; a damaged or
    # forged manifest entry listing "topics/../index.html" made every later build fail ("unsafe output path"),
    # for good: the manifest entry is only rewritten by a build that succeeds
    root = tmp_path / "p"
    config = _project(root)
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0, err
    cache = BuildCache(root / ".archive-cache")
    key = _manifest_key(root / "site", root / ".archive-cache")
    manifest = _load_manifest(cache, key)
    assert manifest is not None
    stamps = dict(manifest.stamps)
    stamp = next(iter(stamps.values()))
    hostile = ["topics/../index.html", "topics/../../outside/index.html", "/etc/x/index.html",
               "topics/" + "x" * 300 + "/index.html", "keywords/./index.html", "regions/a\\..\\b/index.html",
               "topics/a\0b/index.html", "topics/../../../outside2/page/2/index.html"]
    cache.store("outputs", key, dataclasses.replace(manifest, stamps={**stamps, **dict.fromkeys(hostile, stamp)}))
    _edit(root)
    for _ in range(2):
        code, _, err = invoke("build", "--config", str(config), "-j", "1")
        assert code == 0 and "Traceback" not in err, err
    assert not (tmp_path / "outside").exists() and not (tmp_path / "outside2").exists()
    assert site_tree(root / "site") == _cold(tmp_path)


# ---------------------------------------------------------------------------------------------
# the templates the renderer calls itself (the card and feed entry macros)


@pytest.mark.parametrize(("name", "anchor", "shown"), [
    ("_cards.html", 'class="card-title', "topics/"),
    ("_feed.xml", "<entry>", "feed.xml"),
])
def test_a_user_card_or_feed_macro_shows_on_the_next_build(tmp_path: Path, name: str, anchor: str,
                                                           shown: str) -> None:
    # no template imports _cards.html or _feed.xml: the renderer calls their macros, so no page's key covered
    # them, and a user's copy added or edited showed only after a --force build
    root = tmp_path / "p"
    config = _project(root)
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0, err
    builtin = (REPO / "templates" / name).read_text(encoding="utf-8")
    (root / "templates").mkdir()
    site = root / "site"
    for mark in ("mine-1", "mine-2"):  # added, then edited
        (root / "templates" / name).write_text(builtin.replace(anchor, f"{anchor} {mark}", 1), encoding="utf-8")
        code, _, err = invoke("build", "--config", str(config), "-j", "1")
        assert code == 0, err
        pages = [rel for rel, data in site_tree(site).items() if mark.encode() in data]
        assert any(rel.startswith(shown) for rel in pages), (mark, pages[:5])
        cold = tmp_path / f"cold-{mark}"
        shutil.copytree(root, cold, ignore=shutil.ignore_patterns(".archive-cache", "site"))
        code, _, err = invoke("build", "--config", str(cold / "archive.yaml"), "-j", "1")
        assert code == 0, err
        assert site_tree(site) == site_tree(cold / "site")
    (root / "templates" / name).unlink()  # and taken away again
    code, _, err = invoke("build", "--config", str(config), "-j", "1")
    assert code == 0, err
    assert not [rel for rel, data in site_tree(site).items() if b"mine-2" in data]


# ---------------------------------------------------------------------------------------------
# the pages of a term gone, when the cache is gone too


@pytest.mark.parametrize("clean", [False, True])
def test_a_gone_terms_pages_become_redirects_without_the_cache_too(tmp_path: Path, clean: bool) -> None:
    # which term pages the last build published was read from the cache's manifest only: without the cache
    # (deleted, another machine, --cache elsewhere) they stayed as stale copies, and --clean deleted them (404),
    # though the output's own manifest lists them
    sites = {}
    for name in ("kept", "lost"):
        root = tmp_path / name
        config = _project(root)
        code, _, err = invoke("build", "--config", str(config), "-j", "1")
        assert code == 0, err
        (root / "sources" / "001_71b934195b22698b.txt").unlink()
        if name == "lost":
            shutil.rmtree(root / ".archive-cache")
        code, _, err = invoke("build", "--config", str(config), "-j", "1", *(["--clean"] if clean else []))
        assert code == 0, err
        sites[name] = site_tree(root / "site")
    gone = "regions/120000-tianjin/index.html"
    assert b'http-equiv="refresh"' in sites["kept"][gone]
    assert sites["lost"] == sites["kept"]
