"""Allow ``python -m archive_gen``."""

from .cli import run

run()
