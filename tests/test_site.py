"""The report folder `analyze --out` writes: index pages, one page a story, one an article, the
stylesheet; relative links, no script, no page over 1 MB, pages of stories gone removed."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from web_stores import HOSTILE_TITLE, copies_store, seed_store

from newsprism.report import build_analysis, site, write_analysis_report
from newsprism.report.paths import file_stem
from newsprism.report.site import MAX_PAGE_BYTES

MB = 1_000_000


class _Page(HTMLParser):
    """The elements of a page, its links and its ids."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _parse(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Page()
    parser.feed(text)
    return parser.tags


def _pages(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and a hostile article, analysed by the CLI into folder/report."""
    folder = tmp_path_factory.mktemp("site")
    seed_store(folder, hostile=True)
    return folder / "report"


def _seed_story(out: Path) -> dict[str, Any]:
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    return next(s for s in data["stories"] if len(s["articles"]) == 2)


def test_the_folder_holds_an_index_and_a_page_a_story(seeds_report: Path) -> None:
    data = json.loads((seeds_report / "analysis.json").read_text(encoding="utf-8"))
    pages = _pages(seeds_report)
    expected = {"index.html"} | {f"stories/{file_stem(s['id'])}.html" for s in data["stories"]}
    assert set(pages) == expected
    assert (seeds_report / "newsprism.css").read_text(encoding="utf-8") == site.stylesheet()
    index_links = [a["href"] for tag, a in _parse(pages["index.html"]) if tag == "a"]
    for story in data["stories"]:
        assert f"stories/{file_stem(story['id'])}.html" in index_links


def test_the_seeds_story_page(seeds_report: Path) -> None:
    story = _seed_story(seeds_report)
    page = (seeds_report / "stories" / f"{story['id']}.html").read_text(encoding="utf-8")
    title = page[page.index("<h1>") : page.index("</h1>")]
    assert re.search(r'class="badge sev-red"[^>]*>altered<', title)
    # the version as printed, its changed word marked, the source's word struck out beside it
    assert re.search(r'fight for <mark class="edit replace[^>]*>everything</mark>', page)
    assert re.search(r'fight for <del class="edit[^>]*>everyone</del>', page)
    table = page[page.index('<table class="discrepancies">') :]
    table = table[: table.index("</table>")]
    assert "<mark>at home</mark>" in table and "<mark>Bergamo</mark>" in table
    assert "won here in <mark>Bergamo</mark> 5-0" in table  # in its sentence
    links = {a["href"] for tag, a in _parse(page) if tag == "a"}
    assert {f"#article-{aid}" for aid in story["articles"]} <= links


def test_the_story_page_lists_each_article_with_its_removed_junk(seeds_report: Path) -> None:
    story = _seed_story(seeds_report)
    page = (seeds_report / "stories" / f"{story['id']}.html").read_text(encoding="utf-8")
    items = {
        attrs["id"]: position
        for position, (tag, attrs) in enumerate(_parse(page))
        if tag == "li" and str(attrs.get("id")).startswith("article-")
    }
    assert set(items) == {f"article-{aid}" for aid in story["articles"]}
    assert '<span class="reason">(appeal)</span>' in page
    assert '<span class="reason">(cookie)</span>' in page


def test_links_are_relative_and_every_one_resolves(seeds_report: Path) -> None:
    for name, text in _pages(seeds_report).items():
        tags = _parse(text)
        ids = {attrs.get("id") for _, attrs in tags}
        for tag, attrs in tags:
            url = attrs.get("href") if tag in ("a", "link") else None
            if tag == "form":
                pytest.fail(f"{name}: a form, but a report folder has nothing to submit to")
            if not url or url.startswith(("http://", "https://")):
                continue
            parts = urlsplit(url)
            assert not parts.scheme and not url.startswith("/"), (name, url)
            if parts.path:
                target = (seeds_report / name).parent / unquote(parts.path)
                assert target.resolve().is_file(), (name, url)
            elif parts.fragment:
                assert parts.fragment in ids, (name, url)


def test_hostile_text_is_inert_in_every_page(seeds_report: Path) -> None:
    pages = _pages(seeds_report)
    for name, text in pages.items():
        tags = _parse(text)
        names = {tag for tag, _ in tags}
        assert not names & {"script", "img", "svg", "iframe", "b", "style"}, name
        handlers = [a for _, attrs in tags for a in attrs if a.lower().startswith("on")]
        assert handlers == [] and not any("style" in attrs for _, attrs in tags), name
        assert "javascript:" not in " ".join(str(a.get("href")) for _, a in tags), name
    shown = "".join(pages.values())
    assert "&lt;img src=x onerror=" in shown and "&lt;script&gt;window.__pwned=4" in shown
    assert HOSTILE_TITLE not in shown


def test_a_story_merged_away_loses_its_page(tmp_path: Path, seed_analysis: Any) -> None:
    data = build_analysis(seed_analysis.articles, seed_analysis.quotes, seed_analysis.stories)
    (story,) = data["stories"]
    apart = copy.deepcopy(data)
    first, second = story["articles"]
    apart["stories"] = [
        {**story, "articles": [first], "matches": [], "statements": [], "wire": []},
        {**story, "id": "s-second", "articles": [second], "matches": [], "statements": [],
         "wire": [], "discrepancies": []},
    ]  # fmt: skip
    out = tmp_path / "report"
    write_analysis_report(out, apart)
    assert (out / "stories" / "s-second.html").is_file()
    write_analysis_report(out, data)  # the next run groups both articles into one story
    assert sorted(p.name for p in (out / "stories").iterdir()) == [f"{story['id']}.html"]
    assert "s-second" not in (out / "index.html").read_text(encoding="utf-8")
    data["stories"] = []
    write_analysis_report(out, data)
    assert list((out / "stories").iterdir()) == []


def test_a_run_rewrites_only_the_pages_that_changed(tmp_path: Path, seed_analysis: Any) -> None:
    data = build_analysis(seed_analysis.articles, seed_analysis.quotes, seed_analysis.stories)
    out = tmp_path / "report"
    write_analysis_report(out, data)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    write_analysis_report(out, data)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.html")} == before
    data["stories"][0]["title"] = "A new title for the story"
    write_analysis_report(out, data)
    changed = {p.relative_to(out).as_posix() for p in before if p.stat().st_mtime_ns != before[p]}
    story = f"stories/{data['stories'][0]['id']}.html"
    # the story page, the index and the article pages naming the story
    assert story in changed and "index.html" in changed
    assert "A new title for the story" in (out / story).read_text(encoding="utf-8")
    made = (out / story).read_bytes()
    (out / story).unlink()  # a page removed by hand is made again
    write_analysis_report(out, data)
    assert (out / story).read_bytes() == made
    (out / story).write_text("<p>edited by hand, or by another run</p>", encoding="utf-8")
    write_analysis_report(out, data)
    assert (out / story).read_bytes() == made


def test_a_story_of_many_copies_stays_under_a_megabyte(tmp_path: Path) -> None:
    copies_store(tmp_path, 20)
    out = tmp_path / "report"
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    (story,) = [s for s in data["stories"] if len(s["articles"]) == 21]
    pages = sorted((out / "stories").glob(f"{story['id']}*.html"))
    assert pages and all(p.stat().st_size < MB for p in pages)
    text = pages[0].read_text(encoding="utf-8")
    assert "9 more versions not shown." in text  # 21 versions of a statement, 12 shown


def test_pages_are_split_until_each_fits(
    tmp_path: Path, seed_analysis: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = build_analysis(seed_analysis.articles, seed_analysis.quotes, seed_analysis.stories)
    (story,) = data["stories"]
    whole = site.report_pages(data)[f"stories/{story['id']}.html"]
    monkeypatch.setattr(site, "MAX_PAGE_BYTES", len(whole) * 2 // 3)
    pages = {n: p for n, p in site.report_pages(data).items() if n.startswith("stories/")}
    assert len(pages) > 1 and all(len(p) <= site.MAX_PAGE_BYTES for p in pages.values())
    first = pages[f"stories/{story['id']}.html"].decode("utf-8")
    assert f'href="../stories/{story["id"]}.p2.html"' in first  # "next"
    statements = sum(p.decode().count('<details class="statement"') for p in pages.values())
    assert statements == len(story["statements"])


def test_an_article_s_removed_lines_are_bounded(seed_analysis: Any) -> None:
    data = build_analysis(seed_analysis.articles, seed_analysis.quotes, seed_analysis.stories)
    article = data["articles"][0]
    article["removed"] = [{"text": "Subscribe now " * 2_000, "reason": "appeal"}] * 20_000
    (story,) = data["stories"]
    page = site.report_pages(data)[f"stories/{story['id']}.html"]
    assert len(page) < MAX_PAGE_BYTES
    assert b"Removed while cleaning: 20,000 pieces" in page
    assert b"19,900 more pieces not shown" in page


@pytest.mark.parametrize("item_id", ["a/../../b", "x.html", "..", "Ünï cödé", "a" * 300])
def test_odd_ids_make_safe_file_names(item_id: str) -> None:
    stem = file_stem(item_id)
    assert re.fullmatch(r"_?[A-Za-z0-9_-]{1,100}", stem) and stem != file_stem(item_id + "x")
