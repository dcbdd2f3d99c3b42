"""Regenerate the checked-in golden site: ``python3 tests/golden/regen.py``.

Run it only after a deliberate change to the output (templates, CSS, parser or tagger rules), then
review ``git diff tests/golden/site`` like any other code change.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from golden_build import build_golden, golden_files  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        built = build_golden(Path(tmp))
        target = HERE / "site"
        shutil.rmtree(target, ignore_errors=True)
        for rel, data in golden_files(built).items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    print(f"golden site written to {target}")


if __name__ == "__main__":
    main()
