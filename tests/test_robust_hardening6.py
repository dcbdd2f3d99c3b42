"""Hardening round 6: faults found by probing the compiled-template cache, odd project folders, configs
and concurrent builds through the real command line. Each test failed before its fix."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from robust_util import SEEDS, invoke

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def site_bytes(site: Path) -> dict[str, bytes]:
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
             if p.is_file() and ".archive-gen" not in p.parts}
    assert len(files) > 100 and "index.html" in files
    return files


def seed_project(root: Path) -> Path:
    """The seed pages under ``root``/sources with an archive.yaml beside them; the config's path."""
    shutil.copytree(SEEDS, root / "sources")
    config = root / "archive.yaml"
    config.write_text("source: sources\noutput: site\n", encoding="utf-8")
    return config


def test_user_templates_in_a_folder_named_in_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    """A project folder named in GBK bytes (an unzipped archive) holding templates/: Jinja's key of a
    compiled template encoded the file name as strict UTF-8 (a UnicodeEncodeError traceback in every
    build since compiled templates are cached). The site equals the one built with built-in templates."""
    plain = seed_project(tmp_path / "plain")
    assert invoke("build", "-q", "--config", str(plain))[0] == 0
    root = Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xb9\xa4\xc8\xcb"))
    config = seed_project(root)
    shutil.copytree(BUILTIN_TEMPLATES, root / "templates")  # the same templates, found under the odd name
    for _ in range(2):  # cold, then from the compiled templates in the cache
        shutil.rmtree(root / "site", ignore_errors=True)
        code, out, err = invoke("build", "-q", "--config", str(config))
        assert (code, out, err) == (0, "", "")
        assert site_bytes(root / "site") == site_bytes(plain.parent / "site")
