"""Regenerate the tags snapshot: ``python3 tests/tags_snapshot/regen.py [--items]``.

Run it only after a deliberate change to the tagger's answers, then say in the commit which answers
changed and why (this prints a count per field; ``--show`` lists every changed answer). ``--items`` also re-parses the seeds and the generated
corpus with the current loader (the tagger's input); without it the stored items are tagged again.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from archive_gen.config import load_config  # noqa: E402
from archive_gen.tagging import Tagger  # noqa: E402
from tags_snapshot_build import (  # noqa: E402
    SETS,
    TAG_FIELDS,
    describe,
    load_source_items,
    read_items,
    read_tag_lines,
    tag_lines,
    tags_path,
    write_gzip,
    write_items,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", action="store_true", help="re-parse the inputs with the current loader")
    parser.add_argument("--show", action="store_true", help="list every changed answer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tagger = Tagger(load_config(root=Path(tmp)))
        for name in SETS:
            if args.items:
                write_items(name, load_source_items(name))
            new = tag_lines(tagger, read_items(name))
            old = read_tag_lines(name)
            changed = {f: 0 for f in TAG_FIELDS}
            for before, after in zip(old, new, strict=False):
                a, b = json.loads(before), json.loads(after)
                for f in TAG_FIELDS:
                    if a.get(f) != b.get(f):
                        changed[f] += 1
                        if args.show and describe(a, f) != describe(b, f):
                            print(f"  {name} {a['source']}#{a['index']} {f}: {describe(a, f)} -> {describe(b, f)}")
            write_gzip(tags_path(name), new)
            summary = ", ".join(f"{f} {n}" for f, n in changed.items())
            print(f"{name}: {len(new)} items (was {len(old)}); changed: {summary}")


if __name__ == "__main__":
    main()
