"""Stores the web app and export tests run on: the seeds analysed by the CLI, a hostile article
beside them, and a synthetic store of many small stories (pagination)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from conftest import SEEDS

from newsprism.cli import main
from newsprism.model import Article, Quote, Story
from newsprism.store import Store

HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Budget <script>window.__pwned=2</script>'
HOSTILE_RECORD = {
    "url": "javascript:window.__pwned=3",
    "title": HOSTILE_TITLE,
    "maintext": (
        "The minister spoke on Monday about the budget vote in parliament.\n"
        '"We will <script>window.__pwned=4</script> win the vote <b onmouseover="window.__pwned=5">'
        'tomorrow</b>," said <svg onload="window.__pwned=6">Jane Doe</svg>, the finance minister.\n'
        '<iframe src="javascript:window.__pwned=7"></iframe> Critics disagreed with the plan.'
    ),
    "source_domain": '<a href="javascript:window.__pwned=8">evil.example</a>',
    "date_publish": "2024-03-01",
}


def analyze(db: Path, *inputs: Path) -> None:
    out = db.parent / "report"
    result = CliRunner().invoke(
        main, ["analyze", *map(str, inputs), "--db", str(db), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output


def seed_store(folder: Path, hostile: bool = False) -> Path:
    """The seeds analysed into folder/n.db (and, with `hostile`, an article made to attack the
    pages that show it)."""
    seeds = folder / "seeds"
    shutil.copytree(SEEDS, seeds)
    inputs = [seeds]
    if hostile:
        path = folder / "hostile.jsonl"
        path.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
        inputs.append(path)
    db = folder / "n.db"
    analyze(db, *inputs)
    return db


def synthetic_store(db: Path, stories: int) -> Path:
    """`stories` one-article stories (dated a day apart), each with one quote by one person."""
    with Store(db) as store:
        for i in range(stories):
            article = Article(
                id=f"a{i:04d}",
                source=f"src/{i}.txt",
                title=f"Story number {i}",
                paragraphs=[f'"Line {i} of the speech," said Ann Smith, the mayor.'],
                outlet="Outlet B" if i % 2 else "Outlet A",
                published=f"2024-01-{1 + i % 28:02d}T{i % 24:02d}:00:00",
            )
            quote = Quote(
                id=f"a{i:04d}-q1", article=article.id, text=f"Line {i} of the speech,", start=1,
                end=22, speaker="Ann Smith", speaker_mention="Ann Smith",
            )  # fmt: skip
            store.save_article(article.source, f"h{i}", article, [quote])
        store.save_stories(
            [Story(id=f"s{i:04d}", title=f"Story number {i}", articles=[f"a{i:04d}"])
             for i in range(stories)]
        )  # fmt: skip
    return db


def copies_store(folder: Path, copies: int) -> Path:
    """The seed transcript and `copies` copies of the seed report, each its own outlet: one
    story whose statements each have `copies` + 1 versions."""
    seeds = folder / "copies"
    seeds.mkdir()
    for seed in SEEDS.glob("003_*"):
        shutil.copy(seed, seeds / seed.name)
    report = next(SEEDS.glob("000_*.txt"))
    for n in range(copies):
        shutil.copy(report, seeds / f"copy_{n}.txt")
        meta = {"outlet": f"Outlet {n}", "url": f"https://copies.example/{n}"}
        (seeds / f"copy_{n}.txt.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = folder / "copies.db"
    analyze(db, seeds)
    return db


def downgrade_to_5(db: Path) -> None:
    """Back to schema 5, as a store written before the web app's tables and indexes."""
    with sqlite3.connect(db) as raw:
        raw.executescript(
            "DROP TABLE failed_inputs; DROP TABLE story_labels;"
            " ALTER TABLE stories DROP COLUMN revision;"
            " DROP TABLE story_facts; DROP TABLE story_flags; DROP TABLE story_outlets;"
            " DROP INDEX articles_outlet; DROP INDEX stories_seq; DROP INDEX statements_story;"
            " DROP INDEX persons_name; DROP INDEX person_names_name;"
            " DROP INDEX IF EXISTS template_counts_qualifying;"
            " DROP TABLE IF EXISTS person_index;"
            " DROP TABLE IF EXISTS story_links; DROP TABLE IF EXISTS story_related;"
            " DROP TABLE IF EXISTS fts_pending; DROP TABLE IF EXISTS grouping_features;"
            " DROP TABLE IF EXISTS story_known_links;"
            " ALTER TABLE story_profiles DROP COLUMN nearest;"
            " CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN"
            " INSERT INTO articles_fts(rowid, title, standfirst, body)"
            " VALUES (new.pk, new.title, new.standfirst, new.body); END;"
            " CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN"
            " INSERT INTO quotes_fts(rowid, text, speaker)"
            " VALUES (new.pk, new.text, new.speaker); END;"
            " DELETE FROM story_state WHERE key = 'person_index'; PRAGMA user_version = 5;"
        )
