"""Hardening round 7: faults found by probing the new forked workers of a rebuild (the output warmer,
the parser started ahead), the template-name scan behind page keys, and the build's stderr. Each test
failed before its fix."""

from __future__ import annotations

import dataclasses
import os
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import archive_gen
from archive_gen.build import BuildOptions, BuildResult, build_site
from archive_gen.config import Config, PageOverride
from archive_gen.errors import RenderError
from archive_gen.model import Page
from archive_gen.pools import fork_pool
from archive_gen.records import Stages
from archive_gen.render import ANY_TEMPLATE, _referenced
from projects import TOY, make_project, site_tree, toy_parse, tree

BUILTIN_ARTICLE = Path(__file__).resolve().parents[1] / "templates" / "article.html"


def run(config: Config, **options: Any) -> BuildResult:
    return build_site(config, BuildOptions(**options), stages=TOY)


# ---------------------------------------------------------------------------------------------
# page keys: every template a page really uses

@pytest.mark.parametrize(("tag", "partial"), [
    ('{% set part = "_p" ~ "art.html" %}{% include part %}', "_part.html"),  # a name held in a variable
    ('{% include "_q" + ".html" %}', "_q.html"),  # a name put together from literals
    ('{% include "\\u5934.html" %}', "头.html"),  # an escape Jinja decodes
    ('{% include "a%}b.html" %}', "a%}b.html"),  # "%}" inside the name
    ("{%- include '头 部.html' -%}", "头 部.html"),  # non-ASCII, whitespace control
    ('{% include "it\'s.html" %}', "it's.html"),  # a quote inside the name
])
def test_editing_a_partial_an_article_template_includes_rerenders_exactly_the_articles(
        tmp_path: Path, tag: str, partial: str) -> None:
    config = make_project(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    source = BUILTIN_ARTICLE.read_text(encoding="utf-8")
    assert "{% block main %}" in source
    (templates / "article.html").write_text(source.replace("{% block main %}", "{% block main %}" + tag, 1),
                                            encoding="utf-8")
    (templates / partial).write_text("<i>first partial</i>", encoding="utf-8")
    run(config)
    before = tree(config.output)
    (templates / partial).write_text("<i>second partial</i>", encoding="utf-8")
    result = run(config)
    after = tree(config.output)
    changed = sorted(path for path in after if path.endswith(".html") and before.get(path) != after[path])
    articles = sorted(path for path in after if path.startswith("articles/"))
    assert len(articles) == 4 and changed == articles
    assert all(b"second partial" in after[path] for path in articles)
    assert result.pages_rendered == len(articles)


def test_the_template_name_scan_reads_names_as_jinja_does() -> None:
    assert _referenced('{% include "\\u5934.html" %}') == ("头.html",)
    assert _referenced('{% include "a%}b.html" %}{% extends "base.html" %}') == ("a%}b.html", "base.html")
    # plain names with Jinja's own words beside them are no computed names
    plain = ('{% from "_tools.html" import a, b as c with context %}{% import "m.html" as m without context %}'
             '{%- include ["x.html", "y.html"] ignore missing with context -%}{% extends ("base.html") %}')
    assert _referenced(plain) == ("_tools.html", "base.html", "m.html", "x.html", "y.html")
    for computed in ("{% include part %}", '{% extends "a" ~ b %}', '{% import "m" + ".html" as m %}',
                     '{% from name import x %}', '{% include "a.html" if wide else "b.html" %}'):
        assert ANY_TEMPLATE in _referenced(computed), computed


# ---------------------------------------------------------------------------------------------
# the parser started ahead (a rebuild with 1..15 new or edited sources and --jobs 2)

_BUILDER = os.getpid()


def tagger_that_cannot_be_built(config: Config) -> Any:
    raise RuntimeError("no tagger today")


def parse_that_kills_its_worker(data: bytes, source: str, override: Any) -> tuple[Page, str]:
    # the OOM killer taking the worker that parses an edited page
    if os.getpid() != _BUILDER and "EDITED" in data.decode("utf-8", "replace"):
        os._exit(9)
    return toy_parse(data, source, override)


def edited_twice(tmp_path: Path, stages: Stages) -> tuple[BuildResult, BuildResult, Config, Config]:
    """The same edit built with --jobs 1 and with --jobs 2 (its parser started ahead)."""
    results = []
    configs = []
    for jobs in (1, 2):
        config = make_project(tmp_path / f"jobs{jobs}")
        build_site(config, BuildOptions(jobs=1), stages=stages)
        (config.sources[0] / "2021-05-14_02.txt").write_text("东西协作谱新篇\n罢工后复工 EDITED", encoding="utf-8")
        results.append(build_site(config, BuildOptions(jobs=jobs), stages=stages))
        configs.append(config)
    return results[0], results[1], configs[0], configs[1]


def test_a_tagger_that_cannot_be_built_fails_the_pages_not_the_parser_started_ahead(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    stages = dataclasses.replace(TOY, make_tagger=tagger_that_cannot_be_built)
    one, two, _, _ = edited_twice(tmp_path, stages)  # was BrokenProcessPool, "Exception in initializer" traceback
    assert [n.message for n in two.errors] == [n.message for n in one.errors]
    assert two.errors and "no tagger today" in two.errors[0].message
    assert "Traceback" not in capfd.readouterr().err


def test_a_parser_started_ahead_that_dies_leaves_its_pages_to_the_build(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    stages = dataclasses.replace(TOY, parse=parse_that_kills_its_worker)
    one, two, first, second = edited_twice(tmp_path, stages)  # was BrokenProcessPool out of build_site
    assert two.pages_parsed == one.pages_parsed == 1 and not two.errors
    assert tree(first.output) == tree(second.output)
    assert "Traceback" not in capfd.readouterr().err


# ---------------------------------------------------------------------------------------------
# stopping a pool (Ctrl-C or SIGTERM while pages render, shards index or the parser ahead works)

def _interrupted_map(pool: Any) -> None:
    old = signal.signal(signal.SIGALRM, signal.default_int_handler)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        for _ in pool.map(time.sleep, [3] * 8):  # Ctrl-C while waiting: map cancels what has not started
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_a_stopped_pool_lets_its_workers_go_before_stop_now_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    # its manager thread, told of the dead workers before the stop (or after the pool was gone), failed on
    # the tasks map() had cancelled: an InvalidStateError traceback, and a build that hung at exit on the
    # queue it never closed (SIGTERM during a rebuild's render, 3 times in 3)
    failures: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    for _ in range(3):
        pool = fork_pool(2)
        _interrupted_map(pool)
        manager = pool._executor_manager_thread  # type: ignore[attr-defined]
        workers = list(pool._processes.values())  # type: ignore[attr-defined]
        started = time.monotonic()
        pool.stop_now()
        assert manager is not None and not manager.is_alive()
        assert not any(worker.is_alive() for worker in workers)
        assert time.monotonic() - started < 5
        pool.shutdown(wait=True)  # what leaving `with fork_pool(...)` does next
        del pool
    assert not failures


def _send_half_a_result() -> None:
    """In a worker: start sending a result (its length, a few of its bytes) and never finish it, as a
    worker ended while it sends a chunk of pages does."""
    frame = sys._getframe()
    while frame is not None and "result_queue" not in frame.f_locals:
        frame = frame.f_back  # type: ignore[assignment]
    assert frame is not None
    queue = frame.f_locals["result_queue"]
    with queue._wlock:
        os.write(queue._writer.fileno(), struct.pack("!i", 1 << 20) + b"\x80\x04")
        time.sleep(60)


def test_a_worker_stopped_while_it_sends_a_result_leaves_no_manager_waiting() -> None:
    # SIGINT to the process group during a rebuild's render: the build hung at exit (30 s and more) in
    # the manager thread's read of a result its worker never finished
    pool = fork_pool(1)
    pool.submit(_send_half_a_result)
    time.sleep(1.0)
    manager = pool._executor_manager_thread  # type: ignore[attr-defined]
    started = time.monotonic()
    pool.stop_now()
    assert manager is not None and not manager.is_alive()
    assert time.monotonic() - started < 5


# ---------------------------------------------------------------------------------------------
# related lists: their key chain

def test_a_page_moved_to_the_day_before_gets_the_related_list_a_cold_build_gives_it(tmp_path: Path) -> None:
    # the chain named each item and its tags but not its date: an item whose date moved (a date override,
    # a corrected masthead) while the items before it stayed kept the key of its old list, and the list
    # (its old day had no other item to fill it up with; the new one has three)
    moved = {"2021/05/2021-05-15_01.txt": PageOverride(date="2021-05-14")}
    warm = make_project(tmp_path / "warm")
    run(warm)
    warm = dataclasses.replace(warm, pages=moved)
    run(warm)
    cold = dataclasses.replace(make_project(tmp_path / "cold"), pages=moved)
    run(cold)
    warm_site, cold_site = site_tree(warm.output), site_tree(cold.output)
    page = "articles/2021/05/14/2021-05-15_01-0.html"
    assert warm_site[page] == cold_site[page]
    # besides the redirects from the article URLs the first build published, the same site
    assert {path: data for path, data in warm_site.items() if path in cold_site} == cold_site


_STOPPED_AS_STARTED = """
import signal, time
from archive_gen.pools import fork_pool
def interrupt(*_):
    raise KeyboardInterrupt
signal.signal(signal.SIGTERM, interrupt)  # what the CLI sets while it builds
for _ in range(40):
    pool = fork_pool(1)
    pool.submit(time.sleep, 0)
    pool.stop_now()  # a build that leaves at once: its worker may still be starting
    pool.shutdown(wait=True)
print("done")
"""


def test_a_pool_stopped_as_its_workers_start_prints_nothing() -> None:
    # a build that leaves at once (an error right after the output warmer forked): its worker still ran the
    # CLI's SIGTERM handler, and stop_now's SIGTERM was a "Process ForkProcess-1: Traceback ...
    # KeyboardInterrupt" on stderr (30 times in 40)
    src = str(Path(archive_gen.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", _STOPPED_AS_STARTED], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 0 and done.stdout == "done\n"
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr, done.stderr


def test_a_template_naming_a_lone_surrogate_builds(tmp_path: Path) -> None:
    # "\ud800" in a name is decoded as Jinja decodes it: a name no file can have, to be keyed as missing
    config = make_project(tmp_path)
    (tmp_path / "templates").mkdir()
    source = BUILTIN_ARTICLE.read_text(encoding="utf-8")
    (tmp_path / "templates" / "article.html").write_text(
        source.replace("{% block main %}", '{% block main %}{% include "\\ud800.html" ignore missing %}', 1),
        encoding="utf-8")
    assert run(config).exit_code == 0


def test_a_worker_killed_mid_build_is_one_error_and_the_site_stays(tmp_path: Path) -> None:
    # the OOM killer taking a parse (or render) worker: a BrokenProcessPool traceback out of the CLI
    stages = dataclasses.replace(TOY, parse=parse_that_kills_its_worker)
    config = make_project(tmp_path)
    build_site(config, BuildOptions(jobs=1), stages=stages)
    before = tree(config.output)
    for page in config.sources[0].glob("2021-05-14_0*.txt"):
        page.write_text(page.read_text(encoding="utf-8") + "\n\nEDITED\n补记", encoding="utf-8")
    with pytest.raises(RenderError, match="worker process of the build ended"):
        build_site(config, BuildOptions(jobs=2, parallel_min_pages=1), stages=stages)
    assert tree(config.output) == before
