"""The web app (`newsprism serve`) over real stores: the seeds analysed by the CLI, a hostile
article, a store of many stories. Requests go through FastAPI's TestClient (no server)."""

from __future__ import annotations

import html
import re
import sqlite3
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs the `web` extra (fastapi, uvicorn)")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

from fastapi.testclient import TestClient
from web_stores import (
    HOSTILE_TITLE,
    copies_store,
    downgrade_to_5,
    seed_store,
    synthetic_store,
)

from newsprism.model import Discrepancy, DiscrepancyValue
from newsprism.store import Store, StoreError
from newsprism.store.sqlite import SCHEMA_VERSION
from newsprism.web import MissingExtra, create_app

SEED_TITLE = "Jurgen Klopp hopes Liverpool can evoke spirit of Barcelona comeback at Atalanta"
KLOPP = "jurgen-klopp"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_store(tmp_path_factory.mktemp("web"), hostile=True)


@pytest.fixture(scope="module")
def client(seeds_db: Path) -> TestClient:
    return TestClient(create_app(seeds_db), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def story(seeds_db: Path) -> str:
    """The seeds' story id (the hostile article is a story of its own)."""
    with Store(seeds_db) as store:
        return next(s.id for s in store.stories() if s.title == SEED_TITLE)


@pytest.fixture(scope="module")
def report_id(seeds_db: Path) -> str:
    """The id of the seed newspaper report (ids hash the input's path)."""
    with Store(seeds_db) as store:
        return next(a.id for a in store.articles() if a.outlet == "The Independent")


def _text(page: str) -> str:
    """The page's visible words, tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element the page really has (text that merely looks like a tag is not one)."""
    parser = _Tags()
    parser.feed(page)
    return parser.found


def test_every_response_carries_the_security_policy(story: str, client: TestClient) -> None:
    paths = [
        "/", f"/stories/{story}", "/api/stories", "/openapi.json", "/static/newsprism.css",
        "/stories/no-such-story", "/api/articles/nope", "/search?q=%22", "/?flag=bogus",
    ]  # fmt: skip
    for path in paths:
        response = client.get(path)
        policy = response.headers.get("content-security-policy", "")
        assert "default-src 'none'" in policy and "script-src" not in policy, path
        assert response.status_code < 500, path


def test_story_list_newest_first_with_flags_and_outlets(story: str, client: TestClient) -> None:
    page = client.get("/").text
    text = _text(page)
    assert "Jurgen Klopp hopes Liverpool can evoke spirit" in text
    assert "The Independent, Liverpool FC" in text or "Liverpool FC, The Independent" in text
    assert re.search(r"altered ×2", text)
    data = client.get("/api/stories").json()
    ids = [s["id"] for s in data["stories"]]
    assert story in ids
    story = data["stories"][ids.index(story)]
    assert story["articles"] == 2
    assert {f["flag"] for f in story["flags"]} == {"altered", "stitched"}
    assert story["discrepancies"] == 1  # where Liverpool won 5-0
    assert "1 fact that differs" in text
    # the hostile article (dated) is newer than the undated seeds: listed first
    assert data["stories"][0]["title"] == HOSTILE_TITLE


def test_story_list_filters(story: str, client: TestClient) -> None:
    def ids(**params: str) -> list[str]:
        return [s["id"] for s in client.get("/api/stories", params=params).json()["stories"]]

    assert ids(flag="altered") == [story]
    assert ids(flag="misattributed") == []
    assert ids(outlet="The Independent") == [story]
    assert ids(outlet="Nobody's Gazette") == []
    assert ids(speaker=KLOPP) == [story]
    assert ids(speaker="jürgen klopp") == ids(speaker="Jurgen Klopp") == [story]  # by name
    assert ids(outlet="the independent") == [story]
    assert ids(sort="flagged")[0] == story  # the hostile story, newer, has no flags
    assert story not in ids(since="2024-01-01")  # undated
    assert len(ids(since="2024-03-01", until="2024-03-01")) == 1
    assert client.get("/api/stories", params={"since": "yesterday"}).status_code == 400
    assert client.get("/?flag=bogus").status_code == 400
    assert "Bad request" in client.get("/?flag=bogus").text


def test_story_page_flags_altered_quotes_with_edit_highlights(
    report_id: str, story: str, client: TestClient
) -> None:
    response = client.get(f"/stories/{story}")
    assert response.status_code == 200
    page = response.text
    # the grid: statements by outlets, one column an article
    grid = page[page.index('<table class="grid">') : page.index("</table>", page.index("grid"))]
    assert grid.count('<th scope="col">') == 3
    assert "altered ×2" in _text(grid)
    # the altered version beside its source, the changed words marked on both sides
    assert re.search(
        r'<mark class="edit replace[^"]*" title="changed: “everyone” → “everything”', page
    )
    assert re.search(r'<del class="edit replace[^"]*"[^>]*>everyone</del>', page)
    assert re.search(r'<mark class="edit[^>]*>will</mark>', page)
    # each label explained beside the version
    assert "<strong>altered</strong>: a change that can change the meaning" in page
    # speakers link to their page; articles to theirs
    assert f'href="/speakers/{KLOPP}"' in page
    assert f'href="/articles/{report_id}"' in page


def test_story_json_is_the_analysis_shape_for_the_page(story: str, client: TestClient) -> None:
    data = client.get(f"/api/stories/{story}").json()
    story = data["story"]
    assert story["n_statements"] == len(story["statements"]) == 4
    labels = {m["quote"]: m["label"] for m in story["matches"]}
    assert sorted(labels.values()).count("altered") == 2
    quotes = {q["id"]: q for q in data["quotes"]}
    assert set(labels) <= set(quotes)
    assert {q["speaker_key"] for q in quotes.values() if q["speaker"] == "Jürgen Klopp"} == {KLOPP}
    assert client.get("/api/stories/none").status_code == 404


def test_story_page_shows_discrepancies_in_their_sentences(
    report_id: str, story: str, tmp_path: Path, seeds_db: Path
) -> None:
    db = tmp_path / "d.db"
    db.write_bytes(seeds_db.read_bytes())
    with Store(db) as store:
        stories = store.stories()
        seed = next(s for s in stories if s.id == story)
        other = next(a for a in seed.articles if a != report_id)
        report = store.article(report_id)
        body = report.body
        start = body.index("Atalanta")
        seed.discrepancies = [
            Discrepancy("place", "where the game is", [
                DiscrepancyValue(report_id, "Atalanta", start, start + len("Atalanta")),
                DiscrepancyValue(other, "<b>Bergamo</b>", 0, 3),  # offsets off
            ]),
        ]  # fmt: skip
        store.save_stories(stories)
    page = TestClient(create_app(db)).get(f"/stories/{story}").text
    table = page[page.index('<table class="discrepancies">') :]
    assert "where the game is" in table
    assert "<mark>Atalanta</mark>" in table
    sentence = body[body.rfind(".", 0, start) + 1 : start].strip()
    assert html.escape(sentence, quote=False) in table  # the words before it, in its sentence
    assert "<mark>&lt;b&gt;Bergamo&lt;/b&gt;</mark>" in table


def test_article_page_marks_quotes_and_lists_removed_junk(
    report_id: str, story: str, client: TestClient
) -> None:
    page = client.get(f"/articles/{report_id}").text
    assert page.count('<q class="quote-span') >= 5
    assert re.search(r'<a class="speaker-span" href="/speakers/jurgen-klopp"', page)
    removed = page[page.index('<details class="removed">') :]
    assert re.search(r'<span class="reason">\([^)]+\)</span>', removed)
    assert f'href="/stories/{story}"' in page
    data = client.get(f"/api/articles/{report_id}").json()
    body = "\n".join(data["article"]["paragraphs"])
    assert all(body[q["start"] : q["end"]] == q["text"] for q in data["quotes"])


def test_speaker_page_lists_statements_with_each_outlets_label(
    story: str, client: TestClient
) -> None:
    page = client.get(f"/speakers/{KLOPP}").text
    text = _text(page)
    assert "Named as:" in text and "“Jurgen Klopp” (7)" in text
    assert "The Independent" in text and "Liverpool FC" in text
    assert 'class="badge sev-red" title="a change that can change the meaning' in page
    link = re.search(rf'href="(/stories/{story}\?statement=[^"#]+#statement-[^"]+)"', page)
    assert link
    statement = client.get(html.unescape(link.group(1)).split("#")[0])
    assert f'id="{link.group(1).split("#")[1]}"' in statement.text
    data = client.get(f"/api/speakers/{KLOPP}").json()
    assert data["person"]["n_quotes"] == len(data["quotes"]) >= 7
    # each quote comes with every outlet's version of its statement
    statement = next(q["match"]["statement"] for q in data["quotes"] if "everything" in q["text"])
    carried = {(v["outlet"], v["label"]) for v in data["statements"][statement]}
    assert ("Liverpool FC", "source") in carried and ("The Independent", "altered") in carried
    assert "credited to" not in page and "speaker not named" not in page  # all his, all named
    assert client.get("/speakers/nobody").status_code == 404


def test_search_snippets_highlighted_and_bad_syntax_is_friendly(client: TestClient) -> None:
    page = client.get("/search", params={"q": "everything"}).text
    assert "<mark>everything</mark>" in page
    hits = client.get("/api/search", params={"q": "everything"}).json()["hits"]
    assert {h["type"] for h in hits} == {"article", "quote"}
    assert all("[everything]" in h["snippet"].lower() for h in hits)
    for bad in ['"unbalanced', "AND (", "speaker:", "*", "NEAR("]:
        response = client.get("/search", params={"q": bad})
        assert response.status_code == 200, bad
    too_many = client.get("/search", params={"q": " ".join(["win"] * 30)})
    assert too_many.status_code == 400
    assert "at most 20" in too_many.text and "Search not run" in too_many.text
    assert client.get("/search", params={"q": "x" * 1001}).status_code == 400
    one_letter = client.get("/search", params={"q": "win s*"})
    assert one_letter.status_code == 400 and "at least two letters" in one_letter.text
    assert 'value="win s*"' in one_letter.text  # the query stays in the search box
    assert client.get("/api/search", params={"q": "ev*"}).json()["hits"]


def test_hostile_article_renders_inert(client: TestClient) -> None:
    story = next(
        s for s in client.get("/api/stories").json()["stories"] if s["title"] == HOSTILE_TITLE
    )
    article_id = client.get(f"/api/stories/{story['id']}").json()["story"]["articles"][0]
    for path in ["/", f"/stories/{story['id']}", f"/articles/{article_id}", "/search?q=budget"]:
        page = client.get(path).text
        assert "<script" not in page.lower(), path
        assert "<img" not in page and "<svg" not in page and "<iframe" not in page, path
        tags = _tags(page)
        assert not {name for name, _ in tags} & {"script", "img", "svg", "iframe", "b"}, path
        handlers = [(n, a) for n, attrs in tags for a, _ in attrs if a.lower().startswith("on")]
        assert handlers == [], path
        assert 'href="javascript:' not in page.lower(), path
    page = client.get(f"/articles/{article_id}").text
    assert "&lt;img src=x onerror=" in page
    assert "link not shown (not http or https)" in page


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
            "/api/speakers/{key}", "/api/search"} == set(paths)  # fmt: skip


def test_pages_are_paginated(tmp_path: Path) -> None:
    db = synthetic_store(tmp_path / "many.db", 60)
    client = TestClient(create_app(db))
    first = client.get("/api/stories").json()
    second = client.get("/api/stories", params={"page": 2}).json()
    third = client.get("/api/stories", params={"page": 3}).json()
    assert len(first["stories"]) == len(second["stories"]) == 25 and len(third["stories"]) == 10
    assert first["more"] and second["more"] and not third["more"]
    dates = [s["published"] for s in first["stories"] + second["stories"] + third["stories"]]
    assert dates == sorted(dates, reverse=True)
    assert len({s["id"] for s in first["stories"] + second["stories"]}) == 50
    page = client.get("/").text
    assert 'rel="next" href="/?page=2"' in page
    assert 'rel="next" href="/?outlet=Outlet+A&amp;page=2"' not in page
    assert len(client.get("/api/stories", params={"outlet": "Outlet A"}).json()["stories"]) == 25
    assert client.get("/?page=0").status_code == 400


def test_the_store_is_opened_read_only(
    report_id: str, story: str, tmp_path: Path, seeds_db: Path
) -> None:
    db = tmp_path / "ro.db"
    db.write_bytes(seeds_db.read_bytes())
    before = db.read_bytes()
    app = create_app(db)
    client = TestClient(app)
    for path in ["/", f"/stories/{story}", f"/articles/{report_id}", "/search?q=win"]:
        assert client.get(path).status_code == 200
    with pytest.raises(sqlite3.OperationalError):
        app.state.db.conn.execute("DELETE FROM articles")
    assert db.read_bytes() == before


def test_an_older_store_is_refused_read_only_and_upgraded_by_a_write_open(
    story: str, tmp_path: Path, seeds_db: Path
) -> None:
    db = tmp_path / "old.db"
    db.write_bytes(seeds_db.read_bytes())
    downgrade_to_5(db)
    with pytest.raises(StoreError, match="older"):
        create_app(db)
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
    data = TestClient(create_app(db)).get("/api/stories", params={"flag": "altered"}).json()
    assert [s["id"] for s in data["stories"]] == [story]


def test_missing_web_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)
    monkeypatch.delitem(sys.modules, "newsprism.web.app", raising=False)
    with pytest.raises(MissingExtra, match=r"newsprism\[web\]"):
        create_app(tmp_path / "any.db")


def test_a_story_of_many_copies_is_shown_in_part(tmp_path: Path) -> None:
    from newsprism.web.views import VERSIONS_SHOWN

    copies = VERSIONS_SHOWN + 8
    client = TestClient(create_app(copies_store(tmp_path, copies)))
    story = client.get("/api/stories").json()["stories"][0]
    assert story["articles"] == copies + 1
    data = client.get(f"/api/stories/{story['id']}").json()
    per_statement: dict[str, int] = {}
    for match in data["story"]["matches"]:
        per_statement[match["statement"]] = per_statement.get(match["statement"], 0) + 1
    assert per_statement and max(per_statement.values()) == VERSIONS_SHOWN
    page = client.get(f"/stories/{story['id']}").text
    assert "9 more versions not shown" in page
    assert len(page) < 300_000


def test_marked_paragraphs_reopen_a_span_over_a_break_and_skip_overlaps():
    from newsprism.web.text import marked_paragraphs

    class Links:
        def speaker(self, key: str) -> str:
            return f"/speakers/{key}"

    body = "He said: we won\nit all. Then\nhome."
    quotes = [
        {"id": "q1", "start": 9, "end": 23, "speaker": "Ann", "kind": "direct"},
        {"id": "q2", "start": 20, "end": 26, "kind": "direct"},  # overlaps q1: left out
        {"id": "q3", "speaker_start": 0, "speaker_end": 2, "speaker": "Ann", "speaker_key": "ann"},
    ]
    paragraphs = [str(p) for p in marked_paragraphs(body, quotes, Links())]
    assert [p.count("<q ") for p in paragraphs] == [1, 1, 0]
    assert paragraphs[0].endswith(">we won</q>") and paragraphs[1].startswith("<q class")
    assert ">it all.</q> Then" in paragraphs[1]
    assert paragraphs[2] == "home."
    assert paragraphs[0].startswith(
        '<a class="speaker-span" href="/speakers/ann" title="Ann">He</a>'
    )
