"""Where the built-in templates/ and static/ folders are, in a checkout and in an installed wheel."""

from __future__ import annotations

import importlib.resources
from pathlib import Path


def builtin_dir(name: str) -> Path:
    """Path of the built-in ``templates`` or ``static`` folder.

    In a source checkout (including editable installs) these are the top-level folders of the
    repository; a wheel installs them as the data packages ``archive_gen._templates``/``_static``.
    """
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir() and (checkout.parent / "pyproject.toml").is_file():
        return checkout
    try:
        return Path(str(importlib.resources.files(f"archive_gen._{name}")))
    except ModuleNotFoundError:  # pragma: no cover - broken install
        return checkout
