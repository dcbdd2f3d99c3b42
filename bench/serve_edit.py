"""How long an edit takes to show in the browser under `archive-gen serve` (issue 11: ≤ 1 s at 10k).

Starts a real `archive-gen serve` on a built project, opens the article of a page from the middle of the
archive in headless Chromium, then, run after run, fixes a "typo" in that page (one more ASCII comma
becomes "、") and measures the time from the file write to the moment the open page shows the new text
(the watcher sees the change, the rebuild lands, the page reloads). Prints each run, the median, and
serve's own "rebuilt in" lines.

Usage: python bench/serve_edit.py --project /tmp/archive-gen-bench/10000 [--runs 5] [--jobs 2]
Needs /usr/bin/chromium and Playwright (the test extra). The page file is restored at the end.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{8}$")


def _target(project: Path, source: Path) -> tuple[str, list[tuple[int, str]]]:
    """The URL of an article made from ``source`` and the commas of its body that can be edited (in
    ``source``'s text), each with the eight Chinese characters before it.

    The item is found in ``archive-gen export`` (its paragraphs name it), never by searching pages: an
    article page also shows other items' openings, and generated pages repeat sentences."""
    text = source.read_text(encoding="utf-8")
    exported = subprocess.run([shutil.which("archive-gen") or "archive-gen", "export", "--format", "jsonl"],
                              cwd=project, capture_output=True, text=True, check=True).stdout
    items = [json.loads(line) for line in exported.splitlines() if line.strip()]
    own = [item for item in items if item["source"] == source.name and item["paragraphs"]]
    if not own:
        raise SystemExit(f"{source}: no item with paragraphs in the export")
    for item in own:
        edits = []
        shown = "\n".join(item["paragraphs"])
        for paragraph in item["paragraphs"]:
            if text.count(paragraph) != 1:
                continue  # a paragraph stitched across lines, or repeated: its offsets are not plain
            start = text.index(paragraph)
            for m in re.finditer(",", paragraph):
                before = _HAN_RUN.search(paragraph[:m.start()])
                # the text to wait for must be new: not in the article yet, nor made by an earlier edit
                if (before is not None and before.group(0) + "、" not in shown
                        and all(before.group(0) != seen for _, seen in edits)):
                    edits.append((start + m.start(), before.group(0)))
        if len(edits) >= 3:
            return item["url"], edits
    raise SystemExit(f"{source}: no item with three editable commas")


def _wait_until_idle(lines: list[str], since: int, timeout: float = 120) -> None:
    """Until serve's output after line ``since`` ends with a rebuild that has nothing to follow."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [line for line in lines[since:] if line.startswith("rebuilt in")]
        if done and not done[-1].endswith("(search follows)"):
            return
        time.sleep(0.05)
    raise SystemExit("serve did not finish the rebuild:\n" + "\n".join(lines[-20:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, required=True, help="folder holding archive.yaml, already built")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the runs and the median here")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    sources = sorted((project / "raw").rglob("*.txt")) or sorted(project.rglob("*.txt"))
    source = sources[len(sources) // 2]
    original = source.read_bytes()
    article, edits = _target(project, source)
    if len(edits) < args.runs:
        raise SystemExit(f"{source}: only {len(edits)} editable commas in {article}")
    command = [shutil.which("archive-gen") or "archive-gen", "serve", "--port", "0", "--jobs", str(args.jobs)]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    ready = threading.Event()
    url: list[str] = []

    def read() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.append(line.rstrip())
            found = re.search(r"at (http://\S+/) ", line)
            if found:
                url.append(found.group(1))
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    results: list[float] = []
    try:
        if not ready.wait(600):
            raise SystemExit("serve did not start:\n" + "\n".join(lines[-20:]))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url[0] + article)
            time.sleep(1.0)  # the watcher is up and the page holds its version request
            data = original
            for run, (at, before) in enumerate(edits[:args.runs]):
                text = data.decode("utf-8")  # as the previous run left it: "、" keeps every offset
                text = text[:at] + "、" + text[at + 1:]
                data = text.encode("utf-8")
                landed = len(lines)
                started = time.perf_counter()
                source.write_bytes(data)
                try:
                    page.wait_for_function("s => { const b = document.querySelector('.story-body'); return !!b && b.innerText.includes(s); }",
                                           arg=before + "、", timeout=60_000, polling="raf")
                except PlaywrightError:
                    raise SystemExit(f"the edit never showed in {page.url}; serve said:\n"
                                     + "\n".join(lines[-20:])) from None
                seconds = time.perf_counter() - started
                results.append(seconds)
                print(f"run {run + 1}: visible after {seconds:.2f} s", flush=True)
                # each edit starts on an idle server: the search shard the last one changed is indexed after
                # its pages land, and an edit saved meanwhile would wait for it
                _wait_until_idle(lines, landed)
                time.sleep(0.5)
            browser.close()
    finally:
        source.write_bytes(original)
        server.terminate()
        server.wait(30)
    rebuilt = [line for line in lines if line.startswith("rebuilt in")]
    median = statistics.median(results)
    print(f"median {median:.2f} s over {len(results)} edits of {source.name} ({article})")
    print("\n".join(rebuilt))
    if args.json:
        args.json.write_text(json.dumps({"project": str(project), "page": source.name, "runs": results,
                                         "median": median, "serve": rebuilt}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
