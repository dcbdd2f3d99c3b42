"""URL permanence: once published, an article URL keeps working (the article, or one redirect to an
existing page) whatever is edited, moved, deleted or rebuilt; redirects never chain or loop; the sitemap
and the feeds list no redirect; the user's own files are never touched; and an incremental build equals
a cold one made with the same URL history (docs/robustness.md, "URL permanence").

The property test runs the real parser and tagger over a small archive (three pages) and a random
sequence of edits and build kinds, and checks the built files after every build."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_gen import permalinks
from archive_gen.build import BuildOptions, BuildResult, build_site
from archive_gen.config import Config
from archive_gen.writer import MANIFEST_PATH
from projects import make_project, site_tree, term_redirects

REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')
WHO = ("李明", "王芳", "张强", "赵丽", "刘洋", "陈静", "杨帆", "黄磊")
BODIES = (
    "日前,全国总工会在京召开会议,部署今年的工作。会议强调要做好服务职工工作,各级工会要切实履行职责。",
    "日前,某市总工会开展了职工培训活动,参加的职工有三百人。培训内容包括安全生产和劳动法律知识。",
    "近日,快递员、外卖送餐员等新就业形态劳动者集中入会。共有五百余人加入工会组织,成为工会会员。",
    "昨天,省总工会举行劳模表彰大会,一百名劳动模范受到表彰。大会号召广大职工向劳模学习。",
    "本月,区总工会为困难职工发放慰问金,共计二十万元。慰问活动覆盖全区十二个街道。",
    "上周,市总工会举办职工技能大赛,来自八十家企业的选手参赛。比赛设焊工、电工等六个项目。",
)
TITLES = ("全总部署今年重点工作", "某市总工会开展职工培训", "新就业形态劳动者入会", "省总表彰百名劳动模范",
          "区总工会慰问困难职工", "市总举办职工技能大赛", "工会干部下基层", "职工书屋建设提速")
EDITS = ("typo", "retitle", "split", "merge", "delete", "move_folder", "move_date", "restore", "backfill")
BUILDS = ("plain", "clean", "force", "nocache", "nomanifest")
MINE = "notes/mine.txt"  # a file of the user's in the output folder


@dataclass
class Story:
    title: str | None  # None: its headline was removed (merged into the story above)
    who: str
    body: str


@dataclass
class Project:
    """The archive's pages as stories, written out as page files after every edit."""

    root: Path
    pages: dict[str, list[Story]]
    trash: dict[str, list[Story]] = field(default_factory=dict)
    counter: int = 0

    def write(self) -> None:
        src = self.root / "sources"
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir(parents=True)
        for name, stories in self.pages.items():
            text = "\n".join(f"{s.title}\n\n" * bool(s.title) + f"本报讯(记者{s.who}){s.body}\n" for s in stories)
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_text(text, encoding="utf-8")

    def edit(self, op: str, n: int) -> str:
        """Apply edit ``op`` to the page and story ``n`` picks; what was done, for the failure message."""
        names = sorted(self.pages)
        if not names and op not in ("restore", "backfill"):
            op = "backfill"
        name = names[n % len(names)] if names else ""
        if op in ("typo", "retitle", "split", "merge"):
            stories = self.pages[name]
            k = n % len(stories)
            story = stories[k]
            if op == "typo":  # one character of the first sentence
                stories[k] = replace(story, body=story.body.replace("日", "曰", 1) if "日" in story.body
                                     else "近" + story.body)
            elif op == "retitle":
                stories[k] = replace(story, title=(story.title or "无题") + "纪实")
            elif op == "split":  # a blank line and a new headline inserted after the first sentence
                first, _, rest = story.body.partition("。")
                self.counter += 1
                stories[k] = replace(story, body=first + "。")
                stories.insert(k + 1, Story(f"{TITLES[(n + self.counter) % len(TITLES)]}{self.counter}",
                                            WHO[(n + 3) % len(WHO)], rest or "又讯。"))
            else:  # a headline removed: the story runs on from the one above
                k = max(k, 1) if len(stories) > 1 else k
                stories[k] = replace(stories[k], title=None)
            return f"{op} {name}#{k}"
        if op == "delete":
            self.trash[name] = self.pages.pop(name)
        elif op == "move_folder":
            new = f"moved/{name}" if "/" not in name else Path(name).name
            self.pages[new] = self.pages.pop(name)
            name = f"{name} -> {new}"
        elif op == "move_date":
            new = f"2021-05-{16 + n % 3:02d}_0{1 + n % 2}.txt"
            new = new if new not in self.pages else f"2021-05-20_0{1 + n % 5}.txt"
            self.pages[new] = self.pages.pop(name)
            name = f"{name} -> {new}"
        elif op == "restore":
            if not self.trash:
                return "restore (nothing deleted)"
            name = sorted(self.trash)[n % len(self.trash)]
            self.pages[name] = self.trash.pop(name)
        elif op == "backfill":  # a day older than the others
            self.counter += 1
            name = f"2021-05-{10 - self.counter % 9:02d}_01.txt"
            self.pages[name] = [Story(f"{TITLES[(n + 5) % len(TITLES)]}补{self.counter}", WHO[5], BODIES[5])]
        return f"{op} {name}"


def initial(root: Path) -> Project:
    return Project(root, {
        "2021-05-14_01.txt": [Story(TITLES[0], WHO[0], BODIES[0]), Story(TITLES[1], WHO[1], BODIES[1])],
        "2021-05-14_02.txt": [Story(TITLES[2], WHO[2], BODIES[2])],
        "2021-05-15_01.txt": [Story(TITLES[3], WHO[3], BODIES[3]), Story(TITLES[4], WHO[4], BODIES[4])],
    })


def article_pages(output: Path) -> set[str]:
    return {p.relative_to(output).as_posix() for p in output.glob("articles/**/*.html")
            if not REFRESH.search(p.read_text(encoding="utf-8"))}


def permanence_problems(output: Path, ever: set[str], stale: set[str]) -> list[str]:
    """Every URL in ``ever`` is an article page or one redirect to an existing page that is no redirect
    (an article, else its issue or the date archive: a deleted item has no article); no redirect is
    listed by the sitemap or a feed (a stale feed, kept without --clean, is the user's to clean)."""
    problems = []
    for rel in sorted(ever):
        path = output / rel
        if not path.is_file():
            problems.append(f"{rel}: gone")
            continue
        found = REFRESH.search(path.read_text(encoding="utf-8"))
        if found is None:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), found.group(1)))
        if target == rel:
            problems.append(f"{rel}: redirects to itself")
        elif not (output / target).is_file():
            problems.append(f"{rel}: redirects to {target}, which does not exist")
        elif REFRESH.search((output / target).read_text(encoding="utf-8")):
            problems.append(f"{rel}: redirects to {target}, a redirect")
    moved = {p.relative_to(output).as_posix() for p in output.glob("articles/**/*.html")} - article_pages(output)
    for xml in [output / "sitemap.xml", *output.rglob("feed.xml")]:
        if xml.relative_to(output).as_posix() not in stale:
            text = xml.read_text(encoding="utf-8")
            problems += [f"{xml.relative_to(output)} lists the redirect {rel}" for rel in sorted(moved) if rel in text]
    return problems


def cold_differences(warm: Config, result: BuildResult, cold_root: Path) -> list[str]:
    """Files of the incremental site that differ from a cold build of the same sources, given the same URL
    history (the warm manifest's); the stale files kept without --clean and the user's file aside."""
    shutil.rmtree(cold_root, ignore_errors=True)
    cold_root.mkdir(parents=True)
    published = json.loads(gzip.decompress((warm.output / MANIFEST_PATH).read_bytes()))["articles"]
    history = cold_root / "urls.tsv"
    history.write_text(permalinks.history_text({k: tuple(v) for k, v in published.items()}), encoding="utf-8")
    cold = replace(warm, root=cold_root, sources=(cold_root / "sources",), output=cold_root / "site",
                   cache_dir=cold_root / ".archive-cache", url_history=history)
    shutil.copytree(warm.sources[0], cold.sources[0])
    assert build_site(cold).exit_code == 0
    warm_tree, cold_tree = site_tree(warm.output), site_tree(cold.output)
    # (a term page the warm site published and no longer makes is a redirect to a page of the cold site)
    for rel in (*result.stale_kept, MINE, *term_redirects(warm_tree, cold_tree)):
        warm_tree.pop(rel, None)
    return [f"{rel} differs from a cold build" for rel in sorted(set(warm_tree) | set(cold_tree))
            if warm_tree.get(rel) != cold_tree.get(rel)]


def run_sequence(root: Path, steps: list[tuple[str, int, str]], *, history: bool) -> list[str]:
    project = initial(root)
    project.write()
    config = make_project(root, {}, url_history=root / "urls.tsv" if history else None)
    assert build_site(config).exit_code == 0
    (config.output / MINE).parent.mkdir()
    (config.output / MINE).write_text("my own notes\n", encoding="utf-8")
    ever = article_pages(config.output)
    problems: list[str] = []
    for number, (op, n, kind) in enumerate(steps):
        what = project.edit(op, n)
        project.write()
        if kind == "nocache":
            shutil.rmtree(config.cache_dir)
        if kind == "nomanifest":
            (config.output / MANIFEST_PATH).unlink()
        result = build_site(config, BuildOptions(clean=kind == "clean", force=kind == "force"))
        assert result.exit_code == 0, result.errors
        found = permanence_problems(config.output, ever, set(result.stale_kept))
        if (config.output / MINE).read_text(encoding="utf-8") != "my own notes\n":
            found.append(f"{MINE} was overwritten")
        found += cold_differences(config, result, root.parent / f"{root.name}-cold{number}")
        problems += [f"step {number} ({what}, {kind} build): {p}" for p in found]
        ever |= article_pages(config.output)
    return problems


@settings(max_examples=3, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 99), st.sampled_from(BUILDS)),
                      min_size=4, max_size=5),
       history=st.booleans())
def test_published_urls_keep_working_through_any_edits_and_builds(tmp_path: Path, steps: list[tuple[str, int, str]],
                                                                  history: bool) -> None:
    root = tmp_path / f"p{len(list(tmp_path.iterdir()))}"  # one fixture folder for every example
    assert run_sequence(root, steps, history=history) == []


def test_every_kind_of_edit_and_build_in_one_sequence(tmp_path: Path) -> None:
    """Each edit and each build kind at least once (the property test samples only a few)."""
    steps = [("split", 0, "plain"), ("retitle", 1, "nomanifest"), ("move_date", 0, "clean"), ("merge", 3, "force"),
             ("delete", 1, "nocache"), ("typo", 2, "clean"), ("move_folder", 2, "nomanifest"),
             ("restore", 0, "clean"), ("backfill", 4, "plain")]
    assert run_sequence(tmp_path / "p", steps, history=False) == []


# ---------------------------------------------------------------------------------------------
# defects found, one test each


def _redirect_target(output: Path, rel: str) -> str | None:
    found = REFRESH.search((output / rel).read_text(encoding="utf-8"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(rel), found.group(1))) if found else None


def test_a_page_renamed_to_another_date_redirects_its_articles_to_their_new_pages(tmp_path: Path) -> None:
    # the URL embeds the date, and the id the source name: both changed, and the old URL went to the date
    # archive (its old day had no issue left) instead of to the article
    project = Project(tmp_path, {"2021-05-14_01.txt": [Story(TITLES[0], WHO[0], BODIES[0])],
                                 "2021-05-15_01.txt": [Story(TITLES[1], WHO[1], BODIES[1])]})
    project.write()
    config = make_project(tmp_path, {})
    build_site(config)
    [old] = [a for a in article_pages(config.output) if "/14/" in a]
    project.pages["2021-05-16_01.txt"] = project.pages.pop("2021-05-14_01.txt")
    project.write()
    build_site(config)
    [new] = [a for a in article_pages(config.output) if "/16/" in a]
    assert _redirect_target(config.output, old) == new


def test_urls_survive_a_deleted_manifest_without_a_url_history(tmp_path: Path) -> None:
    # the manifest was the only record (no url_history): once it was deleted, the next build made no
    # redirect for a retitled article's old URL, and --clean deleted it (a published URL answered 404)
    project = initial(tmp_path)
    project.write()
    config = make_project(tmp_path, {})
    build_site(config)
    before = article_pages(config.output)
    project.edit("retitle", 0)
    project.write()
    (config.output / MANIFEST_PATH).unlink()
    build_site(config, BuildOptions(clean=True))
    [new] = article_pages(config.output) - before
    [old] = before - article_pages(config.output)
    assert _redirect_target(config.output, old) == new
    # and the next build (its manifest written again) keeps it
    build_site(config, BuildOptions(clean=True))
    assert _redirect_target(config.output, old) == new


def _story_at(output: Path, rel: str) -> str | None:
    """The opening words an article page shows, or None for a redirect page."""
    text = (output / rel).read_text(encoding="utf-8")
    if REFRESH.search(text):
        return None
    found = re.search(r'<meta name="description" content="([^"]*)"', text)
    assert found is not None, rel
    return next((b[:12] for b in BODIES if b[:12] in found.group(1)), "?")


def test_stories_of_one_title_never_hand_their_urls_to_each_other(tmp_path: Path) -> None:
    # three 简讯 of one headline on a page: their ids were the headline's plus a counter in page order, so deleting
    # the first gave its URL to the second, and adding one above shifted them all: a cited URL showed another story
    def page(*bodies: int) -> list[Story]:
        return [Story("简讯", WHO[k], BODIES[k]) for k in bodies]

    project = Project(tmp_path, {"2021-05-14_01.txt": page(0, 1, 2)})
    project.write()
    config = make_project(tmp_path, {})
    assert build_site(config).exit_code == 0
    shown = {rel: _story_at(config.output, rel) for rel in article_pages(config.output)}
    assert sorted(v for v in shown.values() if v) == sorted(BODIES[k][:12] for k in (0, 1, 2))
    for bodies in ((1, 2), (3, 1, 2), (2, 1, 3)):  # the first deleted; one added above; the order changed
        project.pages["2021-05-14_01.txt"] = page(*bodies)
        project.write()
        result = build_site(config)
        assert result.exit_code == 0
        for rel, story in shown.items():
            now = _story_at(config.output, rel)
            assert now is None or now == story, f"{rel} showed {story}, now {now}"
        assert permanence_problems(config.output, set(shown), set(result.stale_kept)) == []
        shown.update({rel: _story_at(config.output, rel) for rel in article_pages(config.output)})
