"""Where the built-in templates/ and static/ folders are, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_dir(name: str, package: Path = _PACKAGE) -> Path:
    """Path of the built-in ``templates`` or ``static`` folder.

    In a source checkout (including editable installs) these are the top-level folders of the
    repository; a wheel installs them as the data packages ``archive_gen._templates``/``_static``,
    i.e. the folders ``_templates``/``_static`` inside the installed package. (They have no
    ``__init__.py``, so importlib.resources would hand back a namespace MultiplexedPath, whose
    ``str()`` is not a path.)
    """
    checkout = package.parents[1] / name
    if checkout.is_dir() and (checkout.parent / "pyproject.toml").is_file():
        return checkout
    installed = package / f"_{name}"
    return installed if installed.is_dir() else checkout
