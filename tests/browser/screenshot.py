"""Take the screenshots in docs/: every page kind of the sample site at 1280 and 375 px, light and dark
(docs/screenshots/<kind>-<width>-<scheme>.png), and docs/screenshot.png (the home page, 1280, light),
with the browser tests' Chromium setup. The README's screenshot section lists the same files.

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
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
WIDTHS = {1280: 900, 375: 812}
SCHEMES = ("light", "dark")
ARTICLE = "articles/2021/05/14/2d064388f20c.html"  # 109级台阶的致敬: 第1版：要闻, "(下转第3版)"
# page kind -> (path in the sample site, what it shows); the README's table follows this order
PAGE_KINDS: dict[str, tuple[str, str]] = {
    "home": ("index.html", "home page: latest issues, regions, topics"),
    "issue": ("issues/2021-05-14/index.html", "an issue grouped by 版, with 版面导航 and the date picker"),
    "source-page": ("issues/2021-05-14/page-01.html", "a 版面 page: the page as printed, each item's lines "
                                                      "linked to its article"),
    "article": (ARTICLE, "an article: jump markers as printed, reading tools, 本版其他稿件"),
    "regions": ("regions/index.html", "the regions index: the map of China and the tree in columns"),
    "region": ("regions/350000-fujian/index.html", "a province: its prefectures on a map"),
    "topics": ("topics/index.html", "the topics index"),
    "topic": ("topics/gonghui-zuzhi/index.html", "a topic: its items per month and its newest items"),
    "keywords": ("keywords/index.html", "the keywords index: keywords that have pages"),
    "keyword": ("keywords/dun-dian-2aacce/index.html", "a keyword page"),
    "archive": ("archive/index.html", "the date archive: items per month and the calendars"),
    "search": ("search/index.html?q=工会", "search, with filters"),
    "404": ("articles/2021/05/14/missing.html", "404.html served at a missing URL deep in the site"),
}


def shot_name(kind: str, width: int, scheme: str) -> str:
    return f"{kind}-{width}-{scheme}.png"


def take_screenshots(site: Path, folder: Path, home_shot: Path | None) -> list[Path]:
    """Serve ``site`` under a sub-path (as a project site is published) and capture every page kind."""
    written: list[Path] = []
    folder.mkdir(parents=True, exist_ok=True)
    with serve_directory(site, prefix="archive/") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
        try:
            for width, height in WIDTHS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(viewport={"width": width, "height": height},
                                                  color_scheme=scheme, locale="zh-CN")  # type: ignore[arg-type]
                    page = context.new_page()
                    for kind, (path, _) in PAGE_KINDS.items():
                        page.goto(url + path, wait_until="networkidle")
                        page.evaluate("document.fonts.ready")  # CJK fonts, so no blank boxes
                        if kind == "search":
                            page.wait_for_selector("#search-results li")
                        target = folder / shot_name(kind, width, scheme)
                        page.screenshot(path=str(target), full_page=False)
                        written.append(target)
                        if home_shot is not None and kind == "home" and width == 1280 and scheme == "light":
                            page.screenshot(path=str(home_shot), full_page=False)
                            written.append(home_shot)
                    context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build seeds/ now)")
    parser.add_argument("--output", type=Path, default=SCREENSHOTS, help="folder for the PNGs")
    args = parser.parse_args(argv)
    if not CHROMIUM_PATH.is_file():
        print(f"screenshot: Chromium not found at {CHROMIUM_PATH}", file=sys.stderr)
        return 2
    home = DEFAULT_OUTPUT if args.output == SCREENSHOTS else None
    if args.site:
        if not (args.site / "index.html").is_file():
            print(f"screenshot: {args.site}: no index.html (build the site first)", file=sys.stderr)
            return 2
        written = take_screenshots(args.site, args.output, home)
    else:
        with tempfile.TemporaryDirectory(prefix="archive-gen-shot-") as tmp:
            site = Path(tmp) / "site"
            result = run_build(site)
            if result.returncode != 0:
                print(f"screenshot: build failed: {result.stderr.strip()[-2000:]}", file=sys.stderr)
                return 1
            written = take_screenshots(site, args.output, home)
    print(f"wrote {len(written)} screenshots to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
