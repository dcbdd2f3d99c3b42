"""Hardening round 9: faults found by probing the reuse paths of an incremental build (the summary store,
the cached build state, the last archive) with builds stopped half way, forged cache files, serve and
concurrent builds. Each test failed before its fix."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_gen import build
from archive_gen.build import BuildOptions, BuildResult, build_site
from archive_gen.config import Config
from archive_gen.model import Page, TopicTag
from projects import TOY, make_project, site_tree, term_redirects
from robust_util import INTERRUPT_WHILE_IMPORTING


def _project(root: Path) -> Config:
    return make_project(root, url_history=root / "published-urls.tsv")


def _cold_equal(config: Config, result: BuildResult, root: Path) -> None:
    """The site of ``config`` (just built with ``result``) equals, byte for byte, a cold build of the same
    sources and URL history, but for the stale files it reports kept."""
    cold = make_project(
        root,
        {
            p.relative_to(config.sources[0]).as_posix(): p.read_text("utf-8")
            for p in config.sources[0].rglob("*.txt")
        },
        url_history=root / "published-urls.tsv",
    )
    if config.url_history is not None and config.url_history.is_file():
        shutil.copy2(config.url_history, root / "published-urls.tsv")
    build_site(cold, BuildOptions(jobs=1), stages=TOY)
    warm, fresh = site_tree(config.output), site_tree(cold.output)
    for rel in result.stale_kept:
        warm.pop(rel, None)
    # a term page the warm site published and no longer makes is a redirect (SitePlan.term_redirects) to a page of
    # the cold site: the URL history records articles only, so the cold build cannot know it
    for rel in term_redirects(warm, fresh):
        del warm[rel]
    assert sorted(k for k in warm.keys() | fresh.keys() if warm.get(k) != fresh.get(k)) == []


@pytest.mark.parametrize("stop", ["render", "commit"])
def test_a_build_stopped_before_its_site_is_written_leaves_no_summary_the_next_build_trusts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: str
) -> None:
    # the record stage stores the new summaries before the site is written; a build stopped after that
    # (Ctrl-C, SIGTERM, a full disk, a kill) left them as "the last build's", so the next build saw no change
    # and kept the topic page, the issue and the articles beside the edited one as the old site had them
    config = _project(tmp_path / "warm")
    build_site(config, BuildOptions(jobs=1), stages=TOY)
    (config.sources[0] / "2021-05-14_02.txt").write_text("东西协作谱新篇章 罢工\n图片说明", encoding="utf-8")
    write_site = build._write_site

    def stopped(*args: object, **kwargs: object) -> object:
        if stop == "render":
            raise KeyboardInterrupt
        from archive_gen.writer import Staging

        monkeypatch.setattr(Staging, "commit", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
        return write_site(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "_write_site", stopped)
    with pytest.raises(KeyboardInterrupt):
        build_site(config, BuildOptions(jobs=1), stages=TOY)
    monkeypatch.undo()
    _cold_equal(config, build_site(config, BuildOptions(jobs=1), stages=TOY), tmp_path / "cold")


def test_a_build_stopped_between_its_manifest_and_its_state_is_not_compared_with_the_older_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the cache's output manifest and its build state (issues, keywords with pages, related lists) are two
    # entries: a build stopped between them left the manifest of the new site beside the state of the one
    # before, and the next build compared with that: a day added, stopped there, then taken away again left
    # the day before still linking to it
    from archive_gen.cache import BuildCache

    config = _project(tmp_path / "warm")
    build_site(config, BuildOptions(jobs=1), stages=TOY)
    day = config.sources[0] / "2021-05-16_01.txt"
    day.write_text("新的一天\n职工书屋开放", encoding="utf-8")
    store_single = BuildCache.store_single

    def stopped(self: BuildCache, name: str, key: str, payload: object) -> None:
        if name == "state":
            raise KeyboardInterrupt
        store_single(self, name, key, payload)

    monkeypatch.setattr(BuildCache, "store_single", stopped)
    with pytest.raises(KeyboardInterrupt):
        build_site(config, BuildOptions(jobs=1), stages=TOY)
    monkeypatch.undo()
    day.unlink()
    _cold_equal(config, build_site(config, BuildOptions(jobs=1), stages=TOY), tmp_path / "cold")


def test_two_outputs_built_from_one_cache_each_see_what_changed_since_their_own_last_build(
    tmp_path: Path,
) -> None:
    # the summaries and the build state are one per cache, the manifest one per output: a build into
    # another output (``--output preview``) in between moved the summaries on, and the next build of the
    # first output saw no change at all, keeping even the edited article as it was
    config = _project(tmp_path / "warm")
    preview = dataclasses.replace(config, output=tmp_path / "warm" / "preview")
    build_site(config, BuildOptions(jobs=1), stages=TOY)
    (config.sources[0] / "2021-05-14_02.txt").write_text("东西协作谱新篇章 罢工\n图片说明", encoding="utf-8")
    build_site(preview, BuildOptions(jobs=1), stages=TOY)
    build_site(config, BuildOptions(jobs=1), stages=TOY)
    assert site_tree(config.output) == site_tree(preview.output)


class _FileTagger:
    """Tags every item with the topic its taxonomy file names (the file's first line)."""

    def __init__(self, config: Config) -> None:
        assert config.taxonomy.file is not None
        self.label = config.taxonomy.file.read_text(encoding="utf-8").splitlines()[0]

    def tag_page(self, page: Page) -> Page:
        tag = TopicTag("topic", self.label, 1.0)
        return dataclasses.replace(
            page, items=tuple(dataclasses.replace(i, topics=(tag,)) for i in page.items)
        )


def _file_tag_inputs(config: Config) -> str:
    assert config.taxonomy.file is not None
    return config.taxonomy.file.read_text(encoding="utf-8")


FILE_TAGGED = dataclasses.replace(TOY, make_tagger=_FileTagger, tag_inputs=_file_tag_inputs)


def test_serve_retags_with_the_taxonomy_file_as_it_is_now(tmp_path: Path) -> None:
    # serve keeps its page worker (and the tagger in it) while the config is the same, but an edited taxonomy
    # file leaves the config as it was: the pages were tagged again by the tagger made from the old file, and
    # stored in the cache under the new file's key, where every later build (serve or not) found them
    from archive_gen.build import BuildSession
    from archive_gen.config import TaxonomyConfig

    topics = tmp_path / "topics.yaml"
    topics.write_text("旧主题\n", encoding="utf-8")
    config = make_project(tmp_path / "warm", taxonomy=TaxonomyConfig(file=topics))
    session = BuildSession()
    build_site(config, BuildOptions(jobs=1), stages=FILE_TAGGED, session=session)
    topics.write_text("新主题\n", encoding="utf-8")
    build_site(config, BuildOptions(jobs=1), stages=FILE_TAGGED, session=session)
    cold = dataclasses.replace(config, output=tmp_path / "cold", cache_dir=tmp_path / "cold-cache")
    build_site(cold, BuildOptions(jobs=1), stages=FILE_TAGGED)
    assert site_tree(config.output) == site_tree(cold.output)


def test_a_template_added_over_a_built_in_one_while_serving_is_the_one_rendered(tmp_path: Path) -> None:
    # a long-running process keeps each compiled template while its file is unchanged; a user template added
    # to templates/ in front of the built-in one left the built-in one's unchanged, so the page was rendered
    # from it under the new template's key, and stayed so for every later build (serve or not)
    from archive_gen.build import BuildSession
    from archive_gen.resources import builtin_dir

    config = make_project(tmp_path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "README.txt").write_text("our templates\n", encoding="utf-8")
    session = BuildSession()
    build_site(config, BuildOptions(jobs=1), stages=TOY, session=session)
    built_in = (builtin_dir("templates") / "404.html").read_text(encoding="utf-8")
    (tmp_path / "templates" / "404.html").write_text(
        built_in.replace("<h1>", "<p>本站的404</p><h1>"), "utf-8"
    )
    build_site(config, BuildOptions(jobs=1), stages=TOY, session=session)
    assert "本站的404" in (config.output / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("sig", ["INT", "TERM"])
def test_interrupted_while_click_loads(tmp_path: Path, sig: str) -> None:
    # the command line imported click (0.15 s on a busy machine) before the module that turns a signal into
    # "archive-gen: interrupted": a KeyboardInterrupt traceback out of click, or a silent death by SIGTERM
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPT_WHILE_IMPORTING.format(module="click", sig=sig)],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        env=env,
    )
    assert (done.returncode, done.stdout, done.stderr) == (130, b"", b"archive-gen: interrupted\n")


def _change(rng: random.Random, src: Path) -> None:
    """One random change to the sources: a new page, a page moved to an older date, a page deleted, a page
    more for an existing date, a body edit, a tag gained or lost, a new title."""
    files = sorted(src.rglob("*.txt"))
    kind = rng.choice(["add", "past", "delete", "same", "body", "tag", "title"]) if len(files) > 1 else "add"
    if kind == "add":
        name = f"2021-{rng.randint(5, 7):02d}-{rng.randint(10, 28):02d}_{rng.randint(1, 4):02d}.txt"
        (src / name).write_text(
            f"新闻{rng.randint(0, 99)}\n罢工\n\n第二篇{rng.randint(0, 9)}\n书屋", encoding="utf-8"
        )
        return
    page = rng.choice(files)
    text = page.read_text(encoding="utf-8")
    if kind == "past":
        page.rename(src / f"2020-{rng.randint(1, 12):02d}-{rng.randint(10, 28):02d}_0{rng.randint(1, 4)}.txt")
    elif kind == "delete":
        page.unlink()
    elif kind == "same":
        (src / (page.name[:11] + "09.txt")).write_text(
            f"同日新闻{rng.randint(0, 99)}\n罢工", encoding="utf-8"
        )
    elif kind == "body":
        page.write_text(f"{text}\n补充{rng.randint(0, 99)}", encoding="utf-8")
    elif kind == "tag":
        page.write_text(text.replace("罢工", "工作") if "罢工" in text else f"{text}\n罢工", encoding="utf-8")
    else:
        page.write_text("改" + text, encoding="utf-8")


class _StopAt:
    """Ctrl-C at the n-th cache or output write of a build (every write the build makes, in order)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from archive_gen import permalinks, writer
        from archive_gen.cache import BuildCache

        self.left = -1
        for owner, name in [
            (BuildCache, "store"),
            (BuildCache, "store_single"),
            (writer.Staging, "stage"),
            (writer.Staging, "commit"),
            (permalinks, "write_history"),
        ]:
            monkeypatch.setattr(owner, name, self._counted(getattr(owner, name)))

    def _counted(self, write: Callable[..., object]) -> Callable[..., object]:
        def counted(*args: object, **kwargs: object) -> object:
            self.left -= 1
            if self.left == 0:
                raise KeyboardInterrupt
            return write(*args, **kwargs)

        return counted


@pytest.mark.parametrize(("seed", "serving"), [(1, False), (2, True)])
def test_builds_stopped_at_any_write_then_built_again_equal_cold_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, serving: bool
) -> None:
    # a sequence of changes; before most of the builds, one stopped at a random write of the cache or the
    # site (then, half the time, another change first): every completed build equals a cold one
    from archive_gen.build import BuildSession

    rng = random.Random(seed)
    config = _project(tmp_path / "warm")
    session = BuildSession() if serving else None
    stop = _StopAt(monkeypatch)
    build_site(config, BuildOptions(jobs=1), stages=TOY, session=session)
    for step in range(12):
        _change(rng, config.sources[0])
        if rng.random() < 0.7:
            stop.left = rng.randint(1, 40)
            with contextlib.suppress(KeyboardInterrupt):
                build_site(config, BuildOptions(jobs=1), stages=TOY, session=session)
            stop.left = -1
            if rng.random() < 0.5:
                _change(rng, config.sources[0])
        result = build_site(config, BuildOptions(jobs=1), stages=TOY, session=session)
        _cold_equal(config, result, tmp_path / f"cold{step}")


@pytest.mark.parametrize("since", ["%C2%B2", "9" * 5000], ids=["superscript", "5000-digits"])
def test_a_version_request_with_a_number_python_cannot_read_is_answered(tmp_path: Path, since: str) -> None:
    # ``since`` was read with str.isdigit() and int(): '²' is a digit int() refuses, 5,000 digits exceed
    # Python's limit; the request was dropped unanswered and the server printed a warning line for each
    import http.client
    import threading

    from archive_gen.serve import VERSION_PATH, SiteState, bind_server, make_handler

    said: list[str] = []
    httpd = bind_server("127.0.0.1", 0, make_handler(SiteState(tmp_path)), said.append)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", httpd.server_address[1], timeout=30)
        connection.request("GET", f"{VERSION_PATH}?since={since}")
        response = connection.getresponse()
        assert (response.status, response.read()) == (200, b"0 0")
        connection.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert said == []
