"""Take docs/screenshot.png (the built home page at 1280×900) with the browser tests' Chromium setup.

    python3 tests/browser/screenshot.py                 # builds seeds/ into a temp folder first
    python3 tests/browser/screenshot.py --site site     # uses an already built site
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

if __package__ in (None, ""):  # run as a script: make the sibling module importable
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from sitekit import CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT, run_build, serve_directory
else:
    from .sitekit import CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT, run_build, serve_directory

VIEWPORT = {"width": 1280, "height": 900}
DEFAULT_OUTPUT = REPO_ROOT / "docs" / "screenshot.png"


def take_screenshot(site: Path, output: Path) -> None:
    """Serve ``site`` on loopback (as a reader would see it published) and capture its home page."""
    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT, color_scheme="light", locale="zh-CN")
            page.goto(url + "index.html", wait_until="networkidle")
            page.evaluate("document.fonts.ready")  # CJK web/system fonts, so no blank boxes
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output), full_page=False)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build seeds/ now)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="PNG to write")
    args = parser.parse_args(argv)
    if not CHROMIUM_PATH.is_file():
        print(f"screenshot: Chromium not found at {CHROMIUM_PATH}", file=sys.stderr)
        return 2
    if args.site:
        if not (args.site / "index.html").is_file():
            print(f"screenshot: {args.site}: no index.html (build the site first)", file=sys.stderr)
            return 2
        take_screenshot(args.site, args.output)
    else:
        with tempfile.TemporaryDirectory(prefix="archive-gen-shot-") as tmp:
            site = Path(tmp) / "site"
            result = run_build(site)
            if result.returncode != 0:
                print(f"screenshot: build failed: {result.stderr.strip()[-2000:]}", file=sys.stderr)
                return 1
            take_screenshot(site, args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
