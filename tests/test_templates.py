"""Outlet templates: lines an outlet repeats across articles are learned and removed."""

import json

from click.testing import CliRunner
from conftest import FIXTURES

from newsprism.clean.templates import MemoryTemplates, edge_keys, line_key
from newsprism.cli import main
from newsprism.store import Store

HEADER = "Morning Ledger · City Edition · Vol. 12"
FOOTER = "Thanks for reading the Morning Ledger. Tell a neighbour about us!"


def real_bodies(count: int) -> list[tuple[str, list[str]]]:
    """Titles and paragraphs of real news articles (AllSides opening paragraphs)."""
    rows = [json.loads(line) for line in (FIXTURES / "allsides_sample.jsonl").open()]
    return [(r["title"], [p for p in r["text"].splitlines() if p.strip()]) for r in rows][:count]


def write_outlet_articles(folder, count: int, start: int = 0) -> None:
    folder.mkdir(exist_ok=True)
    for number, (title, paragraphs) in enumerate(real_bodies(count)[start:], start):
        header = HEADER.replace("12", str(number + 1))  # digits differ, the line is the same
        lines = [title, header, *paragraphs, FOOTER]
        (folder / f"article{number:02d}.txt").write_text("\n".join(lines), encoding="utf-8")


def analyze(folder, db, *extra: str):
    return CliRunner().invoke(
        main,
        [
            "analyze",
            str(folder),
            "--db",
            str(db),
            "--out",
            str(db.parent / "out"),
            "--outlet",
            "Morning Ledger",
            *extra,
        ],
        catch_exceptions=False,
    )


def template_removals(db) -> list[int]:
    """For each stored article in reading order, how many outlet-template lines it lost."""
    with Store(db) as store:
        return [sum(r.reason == "outlet-template" for r in a.removed) for a in store.articles()]


def test_line_key_folds_digits_case_and_punctuation():
    assert line_key("© 2019 Example News.") == line_key("© 2020 EXAMPLE NEWS") == "0 example news"
    assert line_key("Vol. 12 — City Edition") == line_key("vol 13 city edition")


def test_memory_templates_need_enough_articles():
    templates = MemoryTemplates(min_articles=3)
    for number in range(2):
        templates.observe("outlet:x", f"a{number}", {"footer line"})
    assert templates.template_keys("outlet:x") == frozenset()
    templates.observe("outlet:x", "a2", {"footer line"})
    templates.observe("outlet:x", "a2", {"footer line"})  # the same article twice counts once
    assert templates.template_keys("outlet:x") == {"footer line"}
    assert templates.template_keys("outlet:y") == frozenset()


def test_only_short_edge_lines_are_counted():
    middle = [f"Paragraph {word} of the body." for word in "abcdefghijklmnopqrst"]
    lines = [
        "Top line",
        *middle,
        "Bottom line",
        "A very long closing paragraph " + "with many words " * 20,
    ]
    keys = edge_keys(lines)
    assert line_key("Top line") in keys and line_key("Bottom line") in keys
    assert line_key("Paragraph k of the body.") not in keys
    assert not any(key.startswith("a very long") for key in keys)


def test_streaming_learns_then_relearn_fixes_the_first(tmp_path):
    folder, db = tmp_path / "ledger", tmp_path / "n.db"
    write_outlet_articles(folder, 18)
    result = analyze(folder, db, "--template-min", "5")
    assert result.exit_code == 0, result.output
    removed = template_removals(db)
    assert len(removed) == 18
    assert removed[:5] == [0] * 5  # the first articles of a new outlet keep their furniture
    assert all(count == 2 for count in removed[5:])  # header and footer, from then on
    with Store(db) as store:
        article = store.articles()[10]
        assert not any("Morning Ledger" in p for p in article.paragraphs)
        assert {r.text for r in article.removed if r.reason == "outlet-template"} == {
            HEADER.replace("12", "11"),
            FOOTER,
        }
    relearn = CliRunner().invoke(
        main, ["clean", "--relearn", "--db", str(db), "--template-min", "5"], catch_exceptions=False
    )
    assert relearn.exit_code == 0 and "5 cleaned again" in relearn.output
    assert template_removals(db) == [2] * 18


def test_templates_persist_across_runs(tmp_path):
    folder, db = tmp_path / "ledger", tmp_path / "n.db"
    write_outlet_articles(folder, 6)
    analyze(folder, db, "--template-min", "5")
    assert template_removals(db) == [0, 0, 0, 0, 0, 2]
    later = tmp_path / "later"
    write_outlet_articles(later, 9, start=6)
    analyze(later, db, "--template-min", "5")
    assert template_removals(db)[6:] == [2, 2, 2]


def test_clean_command_learns_across_given_files(tmp_path):
    folder = tmp_path / "ledger"
    write_outlet_articles(folder, 8)
    files = sorted(str(p) for p in folder.glob("*.txt"))
    result = CliRunner().invoke(
        main,
        ["clean", *files, "--json", "--template-min", "5", "--outlet", "Morning Ledger"],
        catch_exceptions=False,
    )
    articles = json.loads(result.stdout)["articles"]
    assert len(articles) == 8
    for article in articles:
        reasons = [r["reason"] for r in article["removed"]]
        assert reasons.count("outlet-template") == 2
        assert FOOTER not in article["paragraphs"]


def test_keep_junk_marks_in_place(tmp_path):
    from conftest import TRANSCRIPT_SEED

    result = CliRunner().invoke(main, ["clean", str(TRANSCRIPT_SEED), "--keep-junk"])
    assert "[video: Watch on YouTube]On whether Liverpool" in result.stdout.replace("\n", "")
