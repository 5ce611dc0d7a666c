import html
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPORT_SEED, SEEDS, TRANSCRIPT_SEED

from newsprism.cli import main
from newsprism.report import validate_analysis
from newsprism.store import Store


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture()
def seeds_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def analyze(tmp_path: Path, *inputs: str):
    db, out = tmp_path / "n.db", tmp_path / "report"
    result = run("analyze", *inputs, "--db", str(db), "--out", str(out))
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    return result, data, db, out


def labelled(data: dict) -> list[tuple[str, str, str]]:
    """(speaker, quote opening, label) for every reported (non-transcript) quote."""
    quotes = {q["id"]: q for q in data["quotes"]}
    rows = []
    for story in data["stories"]:
        for match in story["matches"]:
            quote = quotes[match["quote"]]
            if quote["kind"] != "transcript":
                rows.append((quote["speaker"], quote["text"][:30], match["label"]))
    return sorted(rows)


def test_analyze_seeds(tmp_path, seeds_dir):
    result, data, _, out = analyze(tmp_path, str(seeds_dir))
    assert result.exit_code == 0, result.output
    assert validate_analysis(data) == []
    assert len(data["stories"]) == 1 and len(data["articles"]) == 2
    (story,) = data["stories"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'<a class="title" href="stories/{story["id"]}.html">' in index
    page = (out / "stories" / f"{story['id']}.html").read_text(encoding="utf-8")
    assert page.count('<section class="story"') == 1
    assert "probably would" in page
    assert "Report:" in result.output and "index.html" in result.output
    rows = labelled(data)
    assert ("Jürgen Klopp", "I remember I said, ‘If we fail", "verbatim") in rows
    assert sum(1 for r in rows if r[0] == "Jürgen Klopp") == 7
    assert [r[2] for r in rows if r[0] != "Jürgen Klopp"] == ["unsourced"] * 3


def test_rerun_adds_only_new_or_changed(tmp_path, seeds_dir):
    first, *_ = analyze(tmp_path, str(seeds_dir))
    assert "2 new or changed, 0 unchanged" in first.output
    again, *_ = analyze(tmp_path, str(seeds_dir))
    assert "0 new or changed, 2 unchanged" in again.output
    changed = seeds_dir / REPORT_SEED.name
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8"
    )
    third, data, db, _ = analyze(tmp_path, str(seeds_dir))
    assert "1 new or changed, 1 unchanged" in third.output
    with Store(db) as store:
        assert store.counts()["articles"] == 2
    assert any("A new closing line." in p for a in data["articles"] for p in a["paragraphs"])


def test_bad_inputs_named_and_the_rest_stored(tmp_path, seeds_dir):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    (bad / "latin1.txt").write_bytes("Tête\ncafé".encode("latin-1"))
    with (bad / "huge.txt").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    (bad / "crawl.jsonl").write_text(
        json.dumps({"id": "ok", "title": "Fine", "text": "A fine article body.\nSecond line."})
        + "\n{broken\n",
        encoding="utf-8",
    )
    result, data, db, _ = analyze(tmp_path, str(seeds_dir), str(bad))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 5
    for name in ("empty.txt", "binary.txt", "latin1.txt", "huge.txt", "crawl.jsonl:2"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    with Store(db) as store:
        assert store.counts()["articles"] == 3
    assert len(data["articles"]) == 3


def _jsonl_of_seeds(path: Path) -> None:
    rows = []
    for seed in (REPORT_SEED, TRANSCRIPT_SEED):
        title, _, body = seed.read_text(encoding="utf-8").partition("\n")
        rows.append({"id": seed.stem, "title": title, "maintext": body})
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")


def _html_of_seed(seed: Path, path: Path) -> None:
    title, *lines = seed.read_text(encoding="utf-8").splitlines()
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    path.write_text(
        f"<html><head><title>{html.escape(title)}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><main><article><h1>{html.escape(title)}</h1>"
        f"{paragraphs}</article></main><footer>Contact us</footer></body></html>",
        encoding="utf-8",
    )


def test_same_results_from_jsonl_and_html(tmp_path, seeds_dir):
    _, from_text, _, _ = analyze(tmp_path / "t", str(seeds_dir))
    jsonl = tmp_path / "seeds.jsonl"
    _jsonl_of_seeds(jsonl)
    _, from_jsonl, _, _ = analyze(tmp_path / "j", str(jsonl))
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in (REPORT_SEED, TRANSCRIPT_SEED):
        _html_of_seed(seed, pages / f"{seed.stem}.html")
    _, from_html, _, _ = analyze(tmp_path / "h", str(pages))
    expected = labelled(from_text)
    assert len(expected) == 10
    assert labelled(from_jsonl) == expected
    assert labelled(from_html) == expected
    for data in (from_jsonl, from_html):
        transcript = next(a for a in data["articles"] if a["kind"] == "transcript")
        assert "Watch on YouTube" in [r["text"] for r in transcript["removed"]]
    assert from_jsonl["articles"][0]["source"].endswith("#000_60f9d60b6a9e8fe4")


def test_quotes_json(tmp_path):
    result = run("quotes", str(REPORT_SEED), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"articles", "quotes"}
    assert len(data["quotes"]) == 10
    body = "\n".join(data["articles"][0]["paragraphs"])
    for quote in data["quotes"]:
        assert body[quote["start"] : quote["end"]] == quote["text"]


def test_quotes_table():
    result = run("quotes", str(TRANSCRIPT_SEED))
    assert result.exit_code == 0
    assert "Jürgen Klopp" in result.stdout and "transcript" in result.stdout


def test_compare_json_and_summary():
    result = run("compare", str(REPORT_SEED), str(TRANSCRIPT_SEED), "--json")
    data = json.loads(result.stdout)
    assert validate_analysis(data) == []
    labels = {m["label"] for m in data["stories"][0]["matches"]}
    assert {"verbatim", "altered", "unsourced", "source"} <= labels
    summary = run("compare", str(REPORT_SEED), str(TRANSCRIPT_SEED))
    assert summary.exit_code == 0 and "altered" in summary.stdout
    out = " ".join(summary.stdout.split())
    # the story's badge is its most serious flag; Gasperini's and De Roon's words, which only
    # The Independent printed, are counted in one plain line, never labelled "unsourced"
    assert "altered · Jurgen Klopp hopes Liverpool" in out
    assert re.search(r"\d+ quotes only in one outlet \(.*The Independent 3", out)
    assert "unsourced" not in out
    # edits read source -> reported
    assert "“probably would” → “will”" in out


def test_usage_errors_exit_2(tmp_path):
    assert run("analyze").exit_code == 2
    not_a_db = tmp_path / "x.db"
    not_a_db.write_text("not a database, just text " * 100)
    result = run("analyze", str(REPORT_SEED), "--db", str(not_a_db), "--out", str(tmp_path))
    assert result.exit_code == 2


def test_analyze_summary_fits_a_screen(tmp_path):
    """75 articles of the story sets and two bad files: totals, flags, the stories most
    worth a look and failures by reason, in a screen; --verbose adds the per-story tables."""
    from conftest import FIXTURES

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "also-empty.txt").write_bytes(b"")
    inputs = (str(FIXTURES / "story_sets_sample.jsonl"), str(bad))
    result, data, _, _ = analyze(tmp_path, *inputs)
    lines = result.stdout.splitlines()  # each failure is named on stderr besides
    assert len(lines) <= 40, result.stdout
    assert lines[0].startswith(f"newsprism: {len(data['articles'])} articles")
    assert "Flags:" in result.output and "facts that differ" in result.output
    said = " ".join(result.stdout.split())
    assert "3 failed (empty file 2, no article text left after cleaning 1;" in said
    assert "each named on stderr" in said
    verbose = run("analyze", *inputs, "--db", str(tmp_path / "v.db"), "--out",
                  str(tmp_path / "v"), "--verbose")
    assert len(verbose.stdout.splitlines()) > len(lines)
