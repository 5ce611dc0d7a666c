"""A run compares only the stories its new or changed inputs touch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPORT_SEED, SEEDS, shared_data

from newsprism import pipeline
from newsprism.cli import main

OTHER = (
    "Council approves the new bridge\n"
    "The city council approved a new bridge over the river on Tuesday, the mayor said.\n"
    "\u201cIt is a great day for the town and the river,\u201d said Mayor Ann Lee.\n"
)


@pytest.fixture()
def compared(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The article ids of each story compared, run by run."""
    calls: list[list[str]] = []
    step = pipeline.compare_step

    def counting(task: pipeline.StoryTask):
        calls.append(sorted(article.id for article in task.articles))
        return step(task)

    monkeypatch.setattr(pipeline, "compare_step", counting)
    return calls


def _analyze(tmp_path: Path, folder: Path, status: int = 0) -> dict:
    """The analysis JSON of `analyze` (exit `status`: 1 when some inputs are known to fail)."""
    out = tmp_path / "report"
    result = CliRunner().invoke(
        main, ["analyze", str(folder), "--db", str(tmp_path / "n.db"), "--out", str(out)]
    )
    assert result.exit_code == status, result.output
    return json.loads((out / "analysis.json").read_text(encoding="utf-8"))


def _seed_story(data: dict) -> dict:
    return next(s for s in data["stories"] if len(s["articles"]) == 2)


def test_untouched_story_keeps_its_comparison(tmp_path, compared):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    first = _analyze(tmp_path, folder)
    assert len(compared) == 1  # the seeds' story
    compared.clear()
    (folder / "bridge.txt").write_text(OTHER, encoding="utf-8")
    second = _analyze(tmp_path, folder)
    assert len(compared) == 1 and len(compared[0]) == 1  # only the new article's story
    assert _seed_story(second) == _seed_story(first)
    compared.clear()
    report = folder / REPORT_SEED.name
    report.write_text(report.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    _analyze(tmp_path, folder)
    assert [len(ids) for ids in compared] == [2]  # a changed article: its story again


def test_a_grown_input_gives_what_comparing_every_story_again_gives(tmp_path, compared):
    """Real articles, then more of them: the run keeps the stored comparison and wire links of
    every story the new ones left alone. Its JSON must be what comparing every stored story
    afresh gives (`newsprism stories`, which keeps nothing), so no shortcut changes a result."""
    lines = shared_data("stories", "multinews_sample", "articles.jsonl").read_text("utf-8")
    records = lines.splitlines(keepends=True)[340:500]  # a story of wire copies among them
    folder = tmp_path / "in"
    folder.mkdir()
    inputs = folder / "articles.jsonl"
    inputs.write_text("".join(records[:130]), encoding="utf-8")
    _analyze(tmp_path, folder, status=1)  # a few records are pages of junk: named, skipped
    compared.clear()
    inputs.write_text("".join(records), encoding="utf-8")
    grown = _analyze(tmp_path, folder, status=1)
    several = [s for s in grown["stories"] if len(s["articles"]) > 1]
    assert sum(len(ids) > 1 for ids in compared) < len(several)  # some kept, not compared
    assert any(s["wire"] for s in several)  # and kept wire links among them
    compared.clear()
    again = tmp_path / "again"
    result = CliRunner().invoke(
        main, ["stories", "--db", str(tmp_path / "n.db"), "--out", str(again)]
    )
    assert result.exit_code == 0, result.output
    assert len(compared) == len(grown["stories"])
    assert json.loads((again / "analysis.json").read_text(encoding="utf-8")) == grown
