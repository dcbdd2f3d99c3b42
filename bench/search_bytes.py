"""Search engines compared on the generated corpus (issue 13): correctness against plain substring truth,
bytes and time per query in headless Chromium over a local HTTP server, index size and build time.

Engines:
- ``ngram``: archive-gen's index (search.py: positional bigram + unigram postings, time shards, buckets);
- ``pagefind``: Pagefind extended over one HTML page per item, its own CJK segmentation (the old engine);
- ``pagefind-bigram``: Pagefind made exact as far as it goes: every field written as overlapping character
  bigrams (and unigrams) spelled as digit words, so its whitespace tokeniser sees exact n-grams, and each
  query phrase sent as a quoted phrase of those words.

Times per query (ngram), from navigation start: "first results" until the first result link is in the page,
"first page" until 20 are (or the count is set, for fewer), "complete" until ``data-result-count`` is set
(every shard answered, the count and the first page final); stamped in the page by a MutationObserver, so
Playwright's polling does not add to them.

Usage: python bench/search_bytes.py --articles 10000 [--engines ngram,pagefind,pagefind-bigram]
       [--work /tmp/archive-gen-search] [--json bench/search-10k.json] [--reuse-index] [--note TEXT]
--reuse-index keeps the ngram index of an earlier run in the work folder (the search page and scripts are
always this checkout's); --json keeps the file's earlier content under "earlier_run".
Needs the bench extra (pagefind[extended]) for the Pagefind engines and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import html
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Browser, Request, sync_playwright

from archive_gen import search, urls
from archive_gen.build import BuildOptions, build_site
from archive_gen.config import load_config
from archive_gen.loader.stitch import stitch_continuations
from archive_gen.model import Item
from archive_gen.records import load_pages

sys.path.insert(0, str(Path(__file__).resolve().parent))
import itertools

import generate
import peer_hugo

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOWN = 20  # results a reader sees first
ALL_LIMIT = 500  # Pagefind: larger answers are judged by their count (each result is one fetch)
# typical queries: common and rare words, words inside longer words, places, people, numbers, two phrases
QUERIES = ("工会", "职工", "总工会", "女职工", "农民工", "劳模", "山东", "烟台", "龙口市教科文卫体工会", "王伟",
           "2020", "东西协作", "工会 山东", "欠薪", "帮扶", "天津", "技能", "工匠", "困难职工", "新就业形态劳动者")


def plain(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text).lower()


def fields(item: Item) -> list[str]:
    found = [item.kicker, item.title, item.subtitle, item.lead, *item.paragraphs, *(h.text for h in item.crossheads),
             item.reading_tip, item.credit, *(c.text for c in item.captions), *(c.credit for c in item.captions)]
    return [f for f in found if f]


def truth(texts: list[tuple[str, str]], query: str) -> set[str]:
    """URLs of the items holding every phrase (fields joined by a line break, which no phrase holds)."""
    wanted = plain(query).split()
    return {url for text, url in texts if all(p in text for p in wanted)}


def corpus(work: Path, articles: int, seed: int) -> list[Item]:
    raw = work / "raw"
    if not raw.is_dir():
        generate.write_raw(generate.generate_corpus(articles, seed), raw)
    pages = stitch_continuations(load_pages([raw]))
    return [dataclasses.replace(i, url=urls.article_path(i.id, i.date)) for p in pages for i in p.items]


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


# ---------------------------------------------------------------------------------------------
# building each engine's site

def build_ngram(items: list[Item], site: Path, reuse: bool = False) -> float | None:
    seeds = site.parent / "seed-site"  # built afresh: its search page and scripts are this checkout's
    config = load_config(REPO / "archive.yaml").with_overrides(
        sources=(REPO / "seeds",), output=seeds, cache_dir=site.parent / "seed-cache")
    build_site(config, BuildOptions(jobs=1, force=True))
    if reuse and (site / search.ROOT_PATH).is_file():
        shutil.rmtree(site / "static")
        shutil.copytree(seeds / "static", site / "static")
        shutil.copy(seeds / "search" / "index.html", site / "search" / "index.html")
        return None
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(seeds / "static", site / "static")
    (site / "search").mkdir(parents=True)
    shutil.copy(seeds / "search" / "index.html", site / "search" / "index.html")
    started = time.perf_counter()
    files = search.build_search_index(items)
    seconds = time.perf_counter() - started
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    return seconds


def bigram_words(text: str) -> str:
    """A text as digit words: "1" + two code points for each bigram, "2" + one for each character."""
    out: list[str] = []
    for part in plain(text).split():
        out += [f"1{ord(a):07d}{ord(b):07d}" for a, b in itertools.pairwise(part)]
        out.append("0")  # a break: no phrase continues over it
        out += [f"2{ord(a):07d}" for a in part]
        out.append("0")
    return " ".join(out)


def query_words(query: str) -> str:
    """The Pagefind query for the bigram index: each phrase quoted (one character: its unigram word)."""
    parts = []
    for phrase in plain(query).split():
        if len(phrase) == 1:
            parts.append(f"2{ord(phrase):07d}")
        else:
            parts.append('"' + " ".join(f"1{ord(a):07d}{ord(b):07d}" for a, b in itertools.pairwise(phrase)) + '"')
    return " ".join(parts)


def build_pagefind(items: list[Item], site: Path, bigrams: bool) -> float:
    shutil.rmtree(site, ignore_errors=True)
    for item in items:
        path = site / (item.url or "")
        path.parent.mkdir(parents=True, exist_ok=True)
        text = [bigram_words(f) if bigrams else html.escape(f) for f in fields(item)]
        body = "".join(f"<p>{t}</p>" for t in text)
        title = html.escape(item.display_title)
        path.write_text(f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
                        f'</head><body><main data-pagefind-body><h1 data-pagefind-meta="title">{title}</h1>{body}'
                        f"</main></body></html>", encoding="utf-8")
    (site / "harness.html").write_text(HARNESS, encoding="utf-8")
    command = [str(peer_hugo.pagefind_binary()), "--site", str(site), "--force-language", "en" if bigrams else "zh",
               "--quiet"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>harness</title></head><body>
<script type="module">
const params = new URLSearchParams(location.search);
const pf = await import("/pagefind/pagefind.js");
await pf.options({ baseUrl: "/" });
const found = await pf.search(params.get("q"));
const shown = await Promise.all(found.results.slice(0, 20).map(r => r.data()));
document.body.dataset.first = String(performance.now());
document.body.dataset.resultCount = String(found.results.length);
if (params.get("all")) {
  const all = await Promise.all(found.results.map(r => r.data()));
  window.allUrls = all.map(d => d.url);
}
document.body.dataset.done = "1";
</script></body></html>
"""


# ---------------------------------------------------------------------------------------------
# measuring in Chromium

# stamps, in the page's own clock, the first result link, the first 20 and the finished count
STAMPS = """
new MutationObserver(function () {
  var now = performance.now(), links = document.querySelectorAll("[data-result]").length;
  var list = document.getElementById("search-results");
  if (!window.__agFirst && links) { window.__agFirst = now; }
  if (!window.__agPage && links >= SHOWN) { window.__agPage = now; }
  if (!window.__agDone && list && list.hasAttribute("data-result-count")) { window.__agDone = now; }
}).observe(document, {subtree: true, childList: true, attributes: true});
""".replace("SHOWN", str(SHOWN))

@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def measure(browser: Browser, url: str, engine: str, query: str, expected: set[str]) -> dict[str, object]:
    """One query in a fresh context (cold cache): first results, bytes, and whether the result set is exact."""
    context = browser.new_context()
    context.add_init_script(STAMPS)
    page = context.new_page()
    page.set_default_timeout(120_000)
    # counted from the network events: Pagefind fetches from a web worker, which the page's resource
    # timing does not list
    loaded: list[tuple[str, int]] = []

    def finished(request: Request) -> None:
        sizes = request.sizes()
        loaded.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    context.on("requestfinished", finished)
    try:
        if engine == "ngram":
            page.goto(url + "search/index.html?q=" + quote(query))
            page.wait_for_selector("#search-results[data-result-count]", state="attached")
            stamps = page.evaluate("[window.__agFirst || window.__agDone, window.__agPage || window.__agDone, "
                                   "window.__agDone]")
            first_ms, page_ms, complete_ms = (float(v) for v in stamps)
            count = int(page.get_attribute("#search-results", "data-result-count") or -1)
        else:
            sent = query_words(query) if engine == "pagefind-bigram" else query
            page.goto(url + "harness.html?q=" + quote(sent))
            page.wait_for_selector("body[data-done]", state="attached")
            first_ms = page_ms = complete_ms = float(page.get_attribute("body", "data-first") or 0)
            count = int(page.get_attribute("body", "data-result-count") or -1)
        page.wait_for_load_state("networkidle")  # the last files (meta.js loads after the results) are counted
        resources = list(loaded)
        index_bytes = sum(size for name, size in resources if "/search/" in name or "/pagefind/" in name)
        all_bytes = sum(size for _, size in resources)
        if engine != "ngram" and count <= ALL_LIMIT:
            page.goto(url + "harness.html?all=1&q=" + quote(sent))
            page.wait_for_selector("body[data-done]", state="attached")
            got = {u.lstrip("/") for u in page.evaluate("window.allUrls")}
        else:
            got = None
    finally:
        context.close()
    row: dict[str, object] = {"query": query, "expected": len(expected), "count": count, "first_ms": round(first_ms),
                              "page_ms": round(page_ms), "complete_ms": round(complete_ms), "index_bytes": index_bytes, "all_bytes": all_bytes,
                              "resources": len(resources)}
    if got is not None:
        row["found"] = len(got & expected)
        row["wrong"] = len(got - expected)
    elif engine != "ngram":  # too many to fetch one by one: judged by the count
        row["found"] = min(count, len(expected)) if count == len(expected) else None
        row["wrong"] = None if count == len(expected) else max(0, count - len(expected))
    return row


def exact_rows(site: Path, queries: tuple[str, ...]) -> dict[str, set[str]]:
    """What the ngram index returns, read back with search.IndexReader (the planner of search.js)."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search").rglob("*.js")}
    reader = search.IndexReader(files)
    return {q: {str(reader.row(h)[0]) for h in reader.search(q)} for q in queries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engines", default="ngram,pagefind,pagefind-bigram")
    parser.add_argument("--work", type=Path, default=Path("/tmp/archive-gen-search"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--reuse-index", action="store_true", help="keep the ngram index already in the work folder")
    parser.add_argument("--note", default="", help="stored with the report (machine, load, what changed)")
    parser.add_argument("--queries", help="comma-separated queries instead of the 20 typical ones (a quick look)")
    args = parser.parse_args(argv)
    work = args.work / str(args.articles)
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    items = corpus(work, args.articles, args.seed)
    print(f"{len(items)} items parsed in {time.perf_counter() - started:.1f} s", flush=True)
    texts = [("\n".join(plain(f) for f in fields(i)), i.url or "") for i in items]
    queries = tuple(args.queries.split(",")) if args.queries else QUERIES
    expected = {q: truth(texts, q) for q in queries}
    report: dict[str, object] = {"articles": args.articles, "items": len(items), "date": time.strftime("%Y-%m-%d"),
                                 "note": args.note, "engines": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        for engine in args.engines.split(","):
            site = work / engine
            if engine == "ngram":
                seconds = build_ngram(items, site, args.reuse_index)
                exact = exact_rows(site, queries)
            else:
                seconds = build_pagefind(items, site, engine == "pagefind-bigram")
                exact = None
            size, count = tree_size(site / ("search" if engine == "ngram" else "pagefind"))
            built = "reused" if seconds is None else f"built in {seconds:.1f} s"
            print(f"{engine}: index {size / 2**20:.1f} MiB in {count} files, {built}", flush=True)
            load_before = os.getloadavg()
            rows = []
            with serve(site) as url:
                for query in queries:
                    row = measure(browser, url, engine, query, expected[query])
                    if exact is not None:
                        row["found"] = len(exact[query] & expected[query])
                        row["wrong"] = len(exact[query] - expected[query])
                    rows.append(row)
                    print("  " + json.dumps(row, ensure_ascii=False), flush=True)
            right = sum(r["count"] == r["expected"] and r["found"] in (r["expected"], None) and not r["wrong"]
                        for r in rows)
            report["engines"][engine] = {  # type: ignore[index]
                "build_s": None if seconds is None else round(seconds, 2), "index_bytes": size, "index_files": count,
                "exact_queries": right,
                "median_index_bytes": statistics.median(int(str(r["index_bytes"])) for r in rows),
                "max_index_bytes": max(int(str(r["index_bytes"])) for r in rows),
                "median_first_ms": statistics.median(int(str(r["first_ms"])) for r in rows),
                "max_first_ms": max(int(str(r["first_ms"])) for r in rows),
                "median_page_ms": statistics.median(int(str(r["page_ms"])) for r in rows),
                "max_page_ms": max(int(str(r["page_ms"])) for r in rows),
                "median_complete_ms": statistics.median(int(str(r["complete_ms"])) for r in rows),
                "max_complete_ms": max(int(str(r["complete_ms"])) for r in rows),
                "load_average_before": [round(v, 2) for v in load_before],
                "load_average_after": [round(v, 2) for v in os.getloadavg()], "queries": rows}
            print(f"  {right}/{len(rows)} exact", flush=True)
        browser.close()
    if args.json:
        if args.json.is_file():
            report["earlier_run"] = json.loads(args.json.read_text(encoding="utf-8"))
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(markdown(report))
    return 0


def markdown(report: dict[str, object]) -> str:
    """The summary and the per-query table, as docs/search.md shows them."""
    engines = report["engines"]
    assert isinstance(engines, dict)
    lines = ["| engine | exact queries | index | files | build | median / max bytes a query | "
             "median / max first results | median / max first page | median / max complete |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, e in engines.items():
        build = "reused" if e["build_s"] is None else f"{e['build_s']:.1f} s"
        lines.append(f"| {name} | {e['exact_queries']}/{len(e['queries'])} | {e['index_bytes'] / 2**20:.1f} MiB | "
                     f"{e['index_files']} | {build} | {e['median_index_bytes'] / 1024:.0f} / "
                     f"{e['max_index_bytes'] / 1024:.0f} KiB | {e['median_first_ms']:.0f} / {e['max_first_ms']:.0f} ms | "
                     f"{e['median_page_ms']:.0f} / {e['max_page_ms']:.0f} ms | "
                     f"{e['median_complete_ms']:.0f} / {e['max_complete_ms']:.0f} ms |")
    names = list(engines)
    lines += ["", "| query | expected | " + " | ".join(f"{n}: found, KiB, first / page / complete ms" for n in names) + " |",
              "|---|---:|" + "---:|" * len(names)]
    first = engines[names[0]]["queries"]
    for i, row in enumerate(first):
        cells = []
        for n in names:
            r = engines[n]["queries"][i]
            cells.append(f"{r['count']}, {r['index_bytes'] / 1024:.0f}, {r['first_ms']} / {r['page_ms']} / {r['complete_ms']}")
        lines.append(f"| {row['query']} | {row['expected']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
