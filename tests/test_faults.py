"""Faults of the machine, not of the input: an unusable store or output folder, a full disk, a
kill -9 at any point, two runs on one store at once. Each ends in one clear line (or a
per-input error and the run going on); nothing stored is lost or doubled; the store passes
integrity_check; no report file is ever left truncated.

The kill -9 loop runs a few kill points here; NEWSPRISM_KILL_POINTS=40 runs more (slow)."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SEEDS

from newsprism import pipeline
from newsprism.cli import main
from newsprism.model import Story
from newsprism.report import write_report
from newsprism.report.analysis import STALE_TEMPORARY_SECONDS, write_text_atomic
from newsprism.store import Store
from newsprism.store import sqlite as store_sqlite

OUTLETS = ("Daily Planet", "Morning Star")
# Each outlet's page furniture, so template lines are learned (5 articles) during the runs.
FURNITURE = {outlet: f"The {outlet} is owned by the Springfield Press Group." for outlet in OUTLETS}
KILL_POINTS = int(os.environ.get("NEWSPRISM_KILL_POINTS", "4"))


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _corpus(folder: Path) -> tuple[list[Path], list[Path]]:
    """The 18 AllSides articles as two outlets' pages with furniture, one file an article,
    split into a first and a second batch; the seeds join the second batch."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = (FIXTURES / "allsides_sample.jsonl").read_text(encoding="utf-8").splitlines()
    files = []
    for number, line in enumerate(lines):
        record = json.loads(line)
        outlet = OUTLETS[number % 2]
        record["source"] = outlet
        record["text"] = f"{record['text']}\n{FURNITURE[outlet]}"
        path = folder / f"{number:02d}.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        files.append(path)
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, folder)
        shutil.copy(seed.with_name(seed.name + ".meta.json"), folder)
    return files[:8], files[8:] + [folder / seed.name for seed in seeds]


def _command(inputs: list[Path], db: Path, out: Path) -> list[str]:
    paths = [str(path) for path in inputs]
    options = ["--db", str(db), "--out", str(out)]
    return [sys.executable, "-m", "newsprism.cli", "analyze", *paths, *options]


def _analyze(inputs: list[Path], db: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(inputs, db, out), capture_output=True, text=True, timeout=120)


def _stored(db: Path) -> dict[str, Any]:
    """Everything the store holds that a user sees: articles, quotes, stories."""
    with Store(db) as store:
        return {
            "articles": [article.to_dict() for article in store.articles()],
            "quotes": [quote.to_dict() for quote in store.quotes()],
            "stories": [story.to_dict() for story in store.stories()],
        }


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _assert_reports_whole(out: Path) -> None:
    """No report file truncated: the JSON parses, every page is complete; no temp file
    renamed."""
    json_path = out / "analysis.json"
    if json_path.exists():
        json.loads(json_path.read_text(encoding="utf-8"))
    for page in out.rglob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page


def _one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# -- the store and the output folder ---------------------------------------------------------


def test_db_folder_cannot_be_created(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    db = tmp_path / "file" / "sub" / "n.db"
    result = run("analyze", str(SEEDS), "--db", str(db), "--out", str(tmp_path / "r"))
    assert result.exit_code == 2
    assert "cannot create its folder" in _one_error_line(result.stderr)


@pytest.mark.parametrize("out_kind", ["file", "unwritable"])
def test_out_unusable_is_one_line_before_reading(tmp_path, out_kind):
    out, db = tmp_path / "out", tmp_path / "n.db"
    if out_kind == "file":
        out.write_text("a file, not a folder")
        result = _analyze([SEEDS], db, out)
    else:
        out.mkdir()
        out.chmod(0o555)
        result = _analyze_without_root_powers([SEEDS], db, out)
    assert result.returncode == 2
    assert "--out" in _one_error_line(result.stderr)
    assert not db.exists()  # checked before anything was read or stored


def _analyze_without_root_powers(
    inputs: list[Path], db: Path, out: Path
) -> subprocess.CompletedProcess[str]:
    """As root, file permissions are not enforced: run with the override capabilities dropped."""
    command = _command(inputs, db, out)
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_read_only_store(tmp_path):
    first, second = _corpus(tmp_path / "in")
    db, out = tmp_path / "n.db", tmp_path / "out"
    assert _analyze(first, db, out).returncode == 0
    before = _stored(db)
    db.chmod(0o444)
    result = _analyze_without_root_powers(second, db, out)
    assert result.returncode == 2
    assert "readonly" in _one_error_line(result.stderr)
    assert _stored(db) == before and _integrity(db) == "ok"


# -- a full disk -------------------------------------------------------------------------------


class DiskFullAtCommit:
    """A connection whose COMMIT fails as SQLite's does on a full disk, when the transaction
    holds what saving `source` wrote (alone, or with other inputs)."""

    def __init__(self, conn: sqlite3.Connection, source: str) -> None:
        self._conn, self._source, self._saving = conn, source, False

    def execute(self, sql: str, *params: Any) -> sqlite3.Cursor:
        if sql.startswith("INSERT INTO inputs") and self._source in params[0][0]:
            self._saving = True
        if sql == "ROLLBACK":
            self._saving = False
        if sql == "COMMIT" and self._saving:
            self._saving = False
            self._conn.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_full_disk_at_commit_fails_that_input_only(tmp_path, monkeypatch):
    first, _ = _corpus(tmp_path / "in")
    full_at = first[2].name
    connect = store_sqlite._connect
    monkeypatch.setattr(
        store_sqlite, "_connect", lambda path: DiskFullAtCommit(connect(path), full_at)
    )
    db, out = tmp_path / "n.db", tmp_path / "out"
    result = run("analyze", *map(str, first), "--db", str(db), "--out", str(out))
    assert result.exit_code == 1
    line = _one_error_line(result.stderr)
    assert full_at in line and "database or disk is full" in line
    stored = {article["source"] for article in _stored(db)["articles"]}
    assert len(stored) == len(first) - 1 and full_at not in stored
    assert json.loads((out / "analysis.json").read_text())["articles"]  # the run went on
    assert _integrity(db) == "ok"


@pytest.fixture()
def small_disk(tmp_path):
    """An 8 MB tmpfs (room for the WAL, which grows to 4 MB before a checkpoint); root only,
    skipped where mounting is not permitted."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of `folder` up to `leave` free bytes."""
    free = shutil.disk_usage(folder).free
    with open(folder / "filler", "wb") as filler:
        filler.write(b"\0" * max(0, free - leave))


def test_full_disk_store_on_small_filesystem(tmp_path, small_disk):
    first, second = _corpus(tmp_path / "in")
    db = small_disk / "n.db"
    assert _analyze(first, db, tmp_path / "out").returncode == 0
    before = _stored(db)
    _fill(small_disk, leave=48 * 1024)
    result = _analyze(second, db, tmp_path / "out")
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr
    assert "database or disk is full" in result.stderr
    (small_disk / "filler").unlink()
    after = _stored(db)
    assert _integrity(db) == "ok"
    assert after["articles"][: len(before["articles"])] == before["articles"]  # nothing lost
    named = result.stderr
    for article in after["articles"][len(before["articles"]) :]:
        assert article["source"] not in named  # a stored input is not also reported failed
    # every input of the second batch is either stored or named on stderr
    stored_files = {Path(a["source"].split("#")[0]).name for a in after["articles"]}
    for path in second:
        assert path.name in stored_files or path.name in named


def test_full_disk_keeps_the_earlier_report(tmp_path, small_disk):
    first, second = _corpus(tmp_path / "in")
    out = small_disk / "report"
    assert _analyze(first, tmp_path / "n.db", out).returncode == 0
    earlier = _files(out)
    assert "index.html" in earlier and any(name.startswith("stories/") for name in earlier)
    _fill(small_disk, leave=4 * 1024)
    result = _analyze(second, tmp_path / "n.db", out)
    assert result.returncode == 2
    assert "No space left on device" in _one_error_line(result.stderr)
    assert _files(out) == earlier


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# -- two runs at once ----------------------------------------------------------------------------


def _unplaced(db: Path) -> list[str]:
    """Articles in no story, or in more than one."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id"
            " GROUP BY a.id HAVING count(s.story_id) != 1"
        )
        return [row[0] for row in rows]


def test_two_processes_at_once(tmp_path):
    first, second = _corpus(tmp_path / "in")
    db = tmp_path / "n.db"
    runs = [
        subprocess.Popen(_command(batch, db, tmp_path / f"out{n}"), stderr=subprocess.PIPE)
        for n, batch in enumerate((first, second))
    ]
    for process in runs:
        assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
        if process.stderr:
            process.stderr.close()
    assert _integrity(db) == "ok"
    assert len(_stored(db)["articles"]) == len(first) + len(second)
    assert _unplaced(db) == []


def test_story_step_waits_for_the_other_run(tmp_path, monkeypatch):
    """Run A reads the store for its story step; meanwhile run B stores an article and groups.
    A must not then save stories from its older snapshot (B's article would be in none)."""
    first, second = _corpus(tmp_path / "in")
    db = tmp_path / "n.db"
    assert run("analyze", *map(str, first), "--db", str(db), "--out", str(tmp_path)).exit_code == 0
    group = pipeline.place_articles
    other: list[subprocess.Popen[bytes]] = []

    def meanwhile_another_run(*args: Any, **kwargs: Any) -> Any:
        command = _command(second[:1], db, tmp_path / "b")
        other.append(subprocess.Popen(command, stderr=subprocess.DEVNULL))
        with contextlib.suppress(subprocess.TimeoutExpired):
            other[0].wait(timeout=4)  # B is done by then, unless it waits for A's lock
        return group(*args, **kwargs)

    monkeypatch.setattr(pipeline, "place_articles", meanwhile_another_run)
    result = run("analyze", str(first[0]), "--db", str(db), "--out", str(tmp_path / "a"))
    assert result.exit_code == 0
    assert other[0].wait(timeout=60) == 0
    assert len(_stored(db)["articles"]) == len(first) + 1
    assert _unplaced(db) == []
    assert _integrity(db) == "ok"


# -- kill -9 ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clean_runs(tmp_path_factory) -> dict[str, Any]:
    """The first batch stored and reported (the state each kill starts from), and the store
    after a clean run of the whole corpus on it (what every killed-then-rerun store must equal)."""
    root = tmp_path_factory.mktemp("clean")
    first, second = _corpus(root / "in")
    prepared = root / "prepared"
    prepared.mkdir()
    assert _analyze(first, prepared / "n.db", prepared / "out").returncode == 0
    reference = root / "reference"
    shutil.copytree(prepared, reference)
    started = time.perf_counter()
    done = _analyze(first + second, reference / "n.db", reference / "out")
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    return {
        "inputs": first + second,
        "prepared": prepared,
        "seconds": seconds,
        "stored": _stored(reference / "n.db"),
        "report": json.loads((reference / "out" / "analysis.json").read_text()),
    }


def _kill_and_rerun(clean_runs: dict[str, Any], folder: Path, delay: float) -> None:
    shutil.copytree(clean_runs["prepared"], folder)
    db, out = folder / "n.db", folder / "out"
    command = _command(clean_runs["inputs"], db, out)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.kill()
    process.wait()
    _assert_reports_whole(out)
    assert _integrity(db) == "ok"
    rerun = _analyze(clean_runs["inputs"], db, out)
    assert rerun.returncode == 0, rerun.stderr
    assert _integrity(db) == "ok"
    assert _stored(db) == clean_runs["stored"]
    report, clean = json.loads((out / "analysis.json").read_text()), clean_runs["report"]
    if report["stories"] or not clean["stories"]:
        assert report == clean
    else:  # killed once its report was written: the rerun changed nothing
        assert report["index"] == [{**entry, "changed": False} for entry in clean["index"]]
    _assert_reports_whole(out)


def _kill_delays(seconds: float, count: int) -> list[float]:
    """From the start (imports) to the end (the story step and the report), weighted late."""
    points = random.Random(15).sample(range(1000), count) if count > 4 else [300, 600, 850, 960]
    return [seconds * point / 1000 for point in points[:count]]


def test_kill_9_then_the_same_command(tmp_path, clean_runs):
    for number, delay in enumerate(_kill_delays(clean_runs["seconds"], KILL_POINTS)):
        _kill_and_rerun(clean_runs, tmp_path / f"kill{number}", delay)


KILL_BEFORE_SAVE = """
import os, sys
from newsprism.store import sqlite
save, count, kill_at = sqlite.Store.save_article, [0], int(sys.argv.pop(1))
def save_or_die(self, *args, **kwargs):
    count[0] += 1
    if count[0] == kill_at:
        os.kill(os.getpid(), 9)
    return save(self, *args, **kwargs)
sqlite.Store.save_article = save_or_die
from newsprism.cli import main
from newsprism.report import write_report
main()
"""


@pytest.mark.parametrize("saves_before_kill", [0, 1, 5])
def test_kill_9_just_before_a_save(tmp_path, clean_runs, saves_before_kill):
    """Killed after an input was read, cleaned and its template lines counted, before it
    was stored: the same command again stores exactly what a clean run does."""
    folder = tmp_path / "killed"
    shutil.copytree(clean_runs["prepared"], folder)
    db, out = folder / "n.db", folder / "out"
    command = _command(clean_runs["inputs"], db, out)
    harness = [sys.executable, "-c", KILL_BEFORE_SAVE, str(saves_before_kill + 1), *command[3:]]
    assert subprocess.run(harness, capture_output=True).returncode == -9
    assert _analyze(clean_runs["inputs"], db, out).returncode == 0
    assert _stored(db) == clean_runs["stored"]
    assert _integrity(db) == "ok"


def test_report_with_a_lone_surrogate_is_written(tmp_path, report):
    """A string SQLite or UTF-8 cannot hold (a lone surrogate) is written as its JSON escape."""
    article, quotes = report
    odd = dataclasses.replace(article, title="Klopp \ud800 speaks")
    story = Story(id="s-odd", title=odd.title, articles=[odd.id])
    json_path, _ = write_report(tmp_path, [odd], quotes, [story])
    assert json.loads(json_path.read_text(encoding="utf-8"))["articles"][0]["title"] == odd.title
    page = tmp_path / "stories" / "s-odd.html"
    assert "Klopp \\ud800 speaks" in page.read_text(encoding="utf-8")


def test_a_killed_run_s_temporary_report_is_removed_by_the_next_once_stale(tmp_path):
    stale = tmp_path / ".analysis.json.abc123.tmp"
    recent = tmp_path / ".analysis.json.def456.tmp"  # maybe another run, still writing
    for leftover in (stale, recent):
        leftover.write_text('{"half": ')
    long_ago = time.time() - 2 * STALE_TEMPORARY_SECONDS
    os.utime(stale, (long_ago, long_ago))
    write_text_atomic(tmp_path / "analysis.json", "{}")
    assert (tmp_path / "analysis.json").read_text() == "{}"
    assert not stale.exists() and recent.exists()
