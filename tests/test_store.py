from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.model import (
    Article,
    Discrepancy,
    DiscrepancyValue,
    Edit,
    Quote,
    QuoteMatch,
    Removed,
    SourceSpan,
    Statement,
    Story,
    WireLink,
)
from newsprism.store import SCHEMA_VERSION, Store, StoreError
from newsprism.stories.grouping import story_title

SEED = Path(__file__).resolve().parents[1] / "examples" / "seeds" / "000_60f9d60b6a9e8fe4.txt"
SOURCE = str(SEED)


def _lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def _quote(article: Article, id: str, text: str, speaker: str | None, **extra: object) -> Quote:
    start = article.body.index(text)
    return Quote(
        id=id, article=article.id, text=text, start=start, end=start + len(text),
        speaker=speaker, **extra,
    )  # fmt: skip


def make_article(id: str = "klopp-1", source: str = SOURCE) -> tuple[Article, list[Quote]]:
    lines = _lines()
    article = Article(
        id=id,
        source=source,
        title=lines[0],
        standfirst=lines[1],
        paragraphs=lines[7:13],
        outlet="The Independent",
        published="2024-04-17",
        removed=[Removed(text=lines[2], reason="boilerplate")],
        interviewee=None,
    )
    first = _quote(
        article,
        f"{id}-q1",
        "I usually don’t prepare these things like that, especially not the day before "
        "or four years before whatever,",
        "Jurgen Klopp",
        cue="said",
        speaker_mention="he",
    )
    second = _quote(
        article,
        f"{id}-q2",
        "We want to win the game. If we want to win, we better play good.",
        "Jurgen Klopp",
    )
    return article, [first, second]


def make_story(article: Article, quotes: list[Quote], other: str = "klopp-2") -> Story:
    reported = quotes[1]
    statement = Statement(
        id=f"st-{other}-q1",
        speaker="Jürgen Klopp",
        source_quote=f"{other}-q1",
        text="We want to win the game – and if we want to win the game then we better play good.",
        quotes=[f"{other}-q1", reported.id],
        outlets=["Liverpool FC", "The Independent"],
        flags=[],
    )
    match = QuoteMatch(
        quote=reported.id,
        label="tidied",
        labels=["tidied", "trimmed"],
        statement=statement.id,
        coverage=0.74,
        source_article=other,
        source_spans=[SourceSpan(start=10, end=40, text="We want to win the game.")],
        similarity=0.93,
        edits=[Edit(op="replace", reported="good", source="well", kind="grammar")],
    )
    discrepancy = Discrepancy(
        kind="number",
        about="deficit",
        values=[
            DiscrepancyValue(article=article.id, text="3-0", start=16, end=19),
            DiscrepancyValue(article=other, text="three-goal", start=5, end=15),
        ],
    )
    return Story(
        id="story-1",
        title=article.title,
        articles=[article.id, other],
        statements=[statement],
        matches=[match],
        discrepancies=[discrepancy],
        wire=[WireLink(article=other, copy_of=article.id, containment=0.87)],
    )


def fts_rows(store: Store, table: str) -> int:
    # The docsize shadow table holds one row per indexed document (the FTS table itself
    # reads through to its content table).
    return store.conn.execute(f"SELECT count(*) FROM {table}_docsize").fetchone()[0]


def fts_ok(store: Store, table: str) -> None:
    store.conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "news.db") as s:
        yield s


def test_quote_offsets_are_real(store: Store) -> None:
    article, quotes = make_article()
    for quote in quotes:
        assert article.body[quote.start : quote.end] == quote.text


def test_article_and_quote_round_trip(store: Store) -> None:
    article, quotes = make_article()
    store.save_article(SOURCE, "hash-1", article, quotes)
    other, other_quotes = make_article("klopp-2", "other.txt")
    store.save_article("other.txt", "hash-2", other, other_quotes[:1])

    assert store.articles() == [article, other]
    assert store.article("klopp-1") == article
    assert store.article("missing") is None
    assert store.quotes() == quotes + other_quotes[:1]
    assert store.quotes("klopp-1") == quotes
    assert store.input_hash(SOURCE) == "hash-1"
    assert store.input_hash("nowhere") is None
    assert store.input_hashes([SOURCE, "nowhere", "other.txt"]) == {
        SOURCE: "hash-1",
        "other.txt": "hash-2",
    }
    assert store.counts() == {"articles": 2, "quotes": 3, "stories": 0}
    body = store.conn.execute("SELECT body FROM articles WHERE id = 'klopp-1'").fetchone()[0]
    assert body == article.body


def test_article_heads_name_a_story_as_the_whole_articles_do(store: Store) -> None:
    article, quotes = make_article()
    store.save_article(SOURCE, "hash-1", article, quotes)
    untitled = Article("untitled", "u.txt", "", ["First words.", "More."])
    store.save_article("u.txt", "hash-2", untitled, [])

    heads = store.article_heads(["untitled", "klopp-1", "missing"])

    assert [head.id for head in heads] == ["klopp-1", "untitled"]  # reading order
    assert heads[0].title == article.title and heads[0].standfirst == article.standfirst
    assert heads[0].paragraphs == article.paragraphs[:1]
    assert story_title([heads[1]]) == story_title([untitled]) == "First words."


def test_story_round_trip(store: Store) -> None:
    article, quotes = make_article()
    store.save_article(SOURCE, "hash-1", article, quotes)
    story = make_story(article, quotes)
    second = Story(id="story-2", title="Another", articles=["klopp-1"])
    store.save_stories([story, second])

    loaded = store.stories()
    assert loaded == [story, second]
    assert isinstance(loaded[0].matches[0].source_spans[0], SourceSpan)
    assert isinstance(loaded[0].matches[0].edits[0], Edit)
    assert isinstance(loaded[0].discrepancies[0].values[0], DiscrepancyValue)
    assert loaded[0].statements[0].quotes == ["klopp-2-q1", quotes[1].id]

    store.save_stories([second])
    assert store.stories() == [second]
    assert store.conn.execute("SELECT count(*) FROM matches").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 0


def test_a_save_that_keeps_stories_leaves_the_summary_rows_of_a_full_save(
    tmp_path: Path,
) -> None:
    """The web app's lists read story_facts, story_flags and story_outlets: a save that keeps
    a story's rows (`unchanged`) and writes the others leaves them as a save of all would."""

    def summary(store: Store) -> list[list[tuple]]:
        return [
            sorted(tuple(row) for row in store.conn.execute(f"SELECT * FROM {table}"))
            for table in ("story_facts", "story_flags", "story_outlets")
        ]

    article, quotes = make_article()
    flagged = make_story(article, quotes)
    flagged.matches[0].labels = ["altered", "tidied"]
    second = Story(id="story-2", title="Another", articles=["klopp-1"])
    third = Story(id="story-3", title="A third", articles=["klopp-1"])
    summaries = []
    for name, unchanged in (("kept", ["story-1"]), ("full", [])):
        with Store(str(tmp_path / f"{name}.db")) as store:
            store.save_article(SOURCE, "hash-1", article, quotes)
            store.save_stories([flagged, second])
            store.save_stories([third, flagged], unchanged=unchanged)
            summaries.append(summary(store))
    assert summaries[0] == summaries[1]
    assert [row[0] for row in summaries[0][1]] == ["story-1"]  # its flag row stayed
    assert {row[0] for row in summaries[0][0]} == {"story-1", "story-3"}


def test_resave_replaces_without_duplicates(store: Store) -> None:
    article, quotes = make_article()
    store.save_article(SOURCE, "hash-1", article, quotes)
    store.save_article("other.txt", "hash-2", *make_article("klopp-2", "other.txt"))
    store.save_stories([make_story(article, quotes)])

    edited = Article(**{**vars(article), "id": "klopp-1b", "title": "Klopp recalls Barcelona"})
    _, new_quotes = make_article("klopp-1b")
    store.save_article(SOURCE, "hash-1b", edited, new_quotes)

    assert [a.id for a in store.articles()] == ["klopp-1b", "klopp-2"]  # keeps its place
    assert store.input_hash(SOURCE) == "hash-1b"
    assert store.counts()["quotes"] == 4
    assert fts_rows(store, "articles_fts") == 2
    assert fts_rows(store, "quotes_fts") == 4
    fts_ok(store, "articles_fts")
    fts_ok(store, "quotes_fts")
    hits = [h["id"] for h in store.search("recalls")]
    assert hits == ["klopp-1b"]
    # The story rows mentioning the old article went with it.
    (story,) = store.stories()
    assert story.articles == ["klopp-2"]
    assert story.matches == [] and story.discrepancies == [] and story.wire == []


def test_failed_save_keeps_the_old_article(store: Store) -> None:
    article, quotes = make_article()
    store.save_article(SOURCE, "hash-1", article, quotes)

    replacement, new_quotes = make_article("klopp-1b")
    duplicate = Quote(**{**vars(new_quotes[0]), "text": "a different quote"})
    with pytest.raises(StoreError, match="UNIQUE"):
        store.save_article(SOURCE, "hash-1b", replacement, [*new_quotes, duplicate])

    assert store.articles() == [article]
    assert store.quotes() == quotes
    assert store.input_hash(SOURCE) == "hash-1"
    assert fts_rows(store, "articles_fts") == 1
    assert fts_rows(store, "quotes_fts") == 2
    assert not store.conn.in_transaction
    assert [h["id"] for h in store.search("Anfield")] == ["klopp-1"]


def test_a_batch_of_saves_is_indexed_for_search_at_its_commit(store: Store) -> None:
    """Articles stored in one transaction are indexed for search together when it commits:
    one replaced within the batch, and one whose save failed, leave the index whole."""
    store.begin("saving inputs")
    store.save_article(SOURCE, "hash-1", *make_article())
    replacement, new_quotes = make_article("klopp-1b")
    store.save_article(SOURCE, "hash-1b", replacement, new_quotes)  # replaces it, unindexed
    store.save_article("other.txt", "hash-2", *make_article("klopp-2", "other.txt"))
    failing, failing_quotes = make_article("klopp-3", "third.txt")
    duplicate = Quote(**{**vars(failing_quotes[0]), "id": new_quotes[0].id})
    with pytest.raises(StoreError, match="UNIQUE"):
        store.save_article("third.txt", "hash-3", failing, [*failing_quotes, duplicate])
    assert fts_rows(store, "articles_fts") == 0  # not yet: at the commit
    store.commit("saving inputs")

    assert [a.id for a in store.articles()] == ["klopp-1b", "klopp-2"]
    assert fts_rows(store, "articles_fts") == 2
    assert fts_rows(store, "quotes_fts") == 4
    fts_ok(store, "articles_fts")
    fts_ok(store, "quotes_fts")
    assert {h["id"] for h in store.search("Anfield")} >= {"klopp-1b", "klopp-2"}
    assert store.conn.execute("SELECT count(*) FROM fts_pending").fetchone()[0] == 0


def test_search_body_and_quotes(store: Store) -> None:
    article, quotes = make_article()
    store.save_article(SOURCE, "hash-1", article, quotes)

    body_hits = store.search("Anfield")
    assert [(h["type"], h["id"], h["article"]) for h in body_hits] == [
        ("article", "klopp-1", "klopp-1")
    ]
    assert "[Anfield]" in body_hits[0]["snippet"]

    quote_hits = [h for h in store.search("prepare") if h["type"] == "quote"]
    assert [h["id"] for h in quote_hits] == ["klopp-1-q1"]
    assert "[prepare]" in quote_hits[0]["snippet"]
    assert all(isinstance(h["rank"], float) for h in store.search("win"))
    ranks = [h["rank"] for h in store.search("win")]
    assert ranks == sorted(ranks)
    assert len(store.search("win", limit=1)) == 1

    assert store.search('"unbalanced') == []
    assert {h["type"] for h in store.search('"Barcelona')} == {"article"}
    assert [h["id"] for h in store.search("AND (")] == ["klopp-1"]  # searched as words
    assert store.search("   ") == []
    by_speaker = store.search("speaker:Klopp")
    assert [h["type"] for h in by_speaker] == ["quote", "quote"]
    # A quote found by its speaker shows its words, not the speaker's name again.
    texts = {q.id: q.text for q in make_article()[1]}
    assert all(h["snippet"].rstrip("…") in texts[h["id"]] for h in by_speaker)


def test_reopen_keeps_data_and_version(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    article, quotes = make_article()
    with Store(path) as store:
        store.save_article(SOURCE, "hash-1", article, quotes)
    with Store(str(path)) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.articles() == [article]
        assert store.quotes() == quotes
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_wal_mode_for_file(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_savepoint_journals_are_kept_in_memory(store: Store) -> None:
    """Each save is a savepoint of its batch's transaction: SQLite journals a savepoint's pages
    in a temporary file past 64 KiB, one write call a page (twice as many calls as the store's
    own writes on multinews_sample), unless temporary storage is memory."""
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY


def test_memory_store() -> None:
    with Store(":memory:") as store:
        article, quotes = make_article()
        store.save_article(SOURCE, "hash-1", article, quotes)
        assert store.counts() == {"articles": 1, "quotes": 2, "stories": 0}


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("\n".join(_lines()[:20]), encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store(path)


def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_close(tmp_path: Path) -> None:
    store = Store(tmp_path / "news.db")
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        store.counts()
