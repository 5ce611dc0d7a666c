"""End to end: `newsprism analyze` as a user runs it, against a bare pass over the same input.

On multinews_sample (../shared/data/stories; NEWSPRISM_DATA elsewhere), each run:
- the command `newsprism analyze FILE --db FRESH.db --out DIR` in a subprocess, on a fresh
  store: articles per CPU-second (user+sys of the whole process tree, from getrusage of the
  children), and its wall time;
- a bare pass in this process over the same file: read the JSON lines and split each
  article's text into word tokens (`text.word_tokens`): what no analysis can go below;
- the stages of the same analysis in this process, CPU time of each (time.process_time):
  read, extract+clean+quotes (and each article's grouping features, worked out there), store
  writes of the inputs, grouping (the new articles' features read from the store and placed),
  person table + compare (statements, discrepancies, wire links), the story step's
  other store reads and writes (the articles of the stories compared, the person table, the
  stories written), report (analysis JSON and HTML), terminal summary; and the same of a run
  adding the last 10% of the input to a store of the rest;
- an incremental run: the command on 90% of the input (fresh store), then on all of it (the
  same file, grown by 10%; the same store and report folder): the second run's CPU time
  against a full run's.
The command runs with compiled modules cached (PYTHONDONTWRITEBYTECODE unset), as a user's.
Medians over --runs. With --workers 1 2, the command is also timed with each: wall, and CPU
of the whole process tree (the pool's workers are the command's children, waited for when
the pool closes), steady when the machine is shared as wall time is not: perfect scaling on
N cores is the pool's CPU close to one process's.

    .venv/bin/python benchmarks/throughput.py [--runs 3] [--data multinews_sample]
        [--workers 1 2]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from shared_data import shared_data

from newsprism import pipeline
from newsprism.clean.templates import MIN_ARTICLES
from newsprism.collector import set_for_long_runs
from newsprism.executors import InProcessExecutor
from newsprism.ingest import read_path
from newsprism.pipeline import Analysis, RunStats, adopt_resolved_sources, store_inputs
from newsprism.report.stored import StoreReport, write_store_report
from newsprism.store import Store
from newsprism.summary import print_run_summary
from newsprism.text import word_tokens

NEWSPRISM = Path(sys.executable).parent / "newsprism"
# The command as a user runs it: with Python's compiled modules cached (a shell that sets
# PYTHONDONTWRITEBYTECODE would have every run compile the package's source again).
COMMAND_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
STAGES = (
    "read",
    "extract+clean+quotes",
    "store writes (inputs)",
    "grouping",
    "persons + compare",
    "story step: store reads, writes",
    "report",
    "terminal summary",
)
Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass
class Command:
    cpu: float  # user+sys of the process and its children
    wall: float
    status: int


def analyze_command(
    inputs: Path, db: Path, out: Path, workers: int = 1, extra: tuple[str, ...] = ()
) -> Command:
    """`newsprism analyze` in a subprocess, as a user runs it."""
    command = [str(NEWSPRISM), "analyze", str(inputs), "--db", str(db), "--out", str(out)]
    if workers > 1:
        command += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*command, *extra], capture_output=True, check=False, env=COMMAND_ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):  # 1: some inputs failed, each named; the rest analysed
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr.decode()}")
    return Command(cpu, wall, done.returncode)


class SpeedProbe:
    """How fast this machine runs Python while something else runs: a fixed piece of work
    (tokenising a fixed text) timed in CPU seconds in a thread of this process every
    `interval` seconds. The machine's speed drifts as much as 2x from minute to minute, so a
    long command's CPU time divided by the probe's median time (`per_probe`) compares runs
    made at different times better than CPU seconds do. The probe's own CPU is this
    process's, not the command's."""

    TEXT = " ".join(f'Word{n % 97} said, "it\'s {n}% of the U.S." today.' for n in range(400))

    def __init__(self, interval: float = 5.0) -> None:
        self.interval = interval
        self.timings: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while True:
            started = time.thread_time()
            for _ in range(20):
                word_tokens(self.TEXT)
            self.timings.append(time.thread_time() - started)
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> SpeedProbe:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def per_probe(self, cpu_seconds: float) -> float:
        """`cpu_seconds` in units of the probe's median time."""
        return cpu_seconds / statistics.median(self.timings)


def bare_pass(inputs: Path, tokenise: Callable[[str], object] = word_tokens) -> tuple[int, float]:
    """(articles, CPU seconds) to read the JSON lines and tokenise each text (newsprism's
    word tokens, offsets and normalised forms; or, as a floor, a regular expression's words)."""
    start = time.process_time()
    articles = 0
    with inputs.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            tokenise(record.get("text") or record.get("maintext") or "")
            articles += 1
    return articles, time.process_time() - start


@dataclass
class StageClock:
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    def timed(self, stage: str, work: Callable[[], Result]) -> Result:
        start = time.process_time()
        try:
            return work()
        finally:
            self.seconds[stage] += time.process_time() - start


class TimedExecutor(InProcessExecutor):
    """Runs each step in process, adding its CPU time to a stage."""

    def __init__(self, clock: StageClock, stage: str) -> None:
        self.clock, self.stage = clock, stage

    def map(self, step: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        for item in items:
            yield self.clock.timed(self.stage, lambda i=item: step(i))


def timed_items(clock: StageClock, items: Iterable[Item]) -> Iterator[Item]:
    iterator = iter(items)
    while True:
        try:
            item = clock.timed("read", lambda: next(iterator))
        except StopIteration:
            return
        yield item


def stages(inputs: Path, folder: Path, db: str = "stages.db") -> dict[str, float]:
    """The analysis of `newsprism analyze` (pipeline.run_analyze and the CLI's report and
    summary) into the store `folder/db` and its report folder, stage by stage, in this
    process: CPU seconds of each."""
    clock = StageClock()
    stats = RunStats()
    with Store(folder / db) as store:
        start = time.process_time()
        adopt_resolved_sources(store)
        executor = TimedExecutor(clock, "extract+clean+quotes")
        store_inputs(
            store,
            timed_items(clock, read_path(inputs)),
            lambda e: None,
            stats,
            MIN_ARTICLES,
            executor,
        )
        inputs_total = time.process_time() - start
        clock.seconds["store writes (inputs)"] = (
            inputs_total - clock.seconds["read"] - clock.seconds["extract+clean+quotes"]
        )
        analysis = restory_by_stage(store, clock, set(stats.stored))
        written = clock.timed("report", lambda: report(folder / f"{db}-report", store, analysis))
    terminal = Console(file=io.StringIO(), width=100, markup=False, emoji=False, highlight=False)
    clock.timed(
        "terminal summary",
        lambda: print_run_summary(terminal, written.totals, written.index, len(analysis.stories)),
    )
    return clock.seconds


def report(folder: Path, store: Store, analysis: Analysis) -> StoreReport:
    return write_store_report(folder, store, analysis.articles, analysis.quotes, analysis.stories)


def restory_by_stage(store: Store, clock: StageClock, touched: set[str]) -> Analysis:
    """pipeline.restory as `analyze` runs it, its grouping (`place_articles`) and its naming
    and comparing of stories (`analyse_stories`) timed apart; the rest of it (reading the
    stories' articles and the person table, writing the stories) is the story step's store
    reads and writes."""
    start = time.process_time()
    timed = {"grouping": "place_articles", "persons + compare": "analyse_stories"}
    originals = {name: getattr(pipeline, name) for name in timed.values()}
    for stage, name in timed.items():
        setattr(pipeline, name, _timing(clock, stage, originals[name]))
    try:
        before = clock.seconds["grouping"] + clock.seconds["persons + compare"]
        analysis = pipeline.restory(store, touched=touched)
    finally:
        for name, original in originals.items():
            setattr(pipeline, name, original)
    inner = clock.seconds["grouping"] + clock.seconds["persons + compare"] - before
    clock.seconds["story step: store reads, writes"] += time.process_time() - start - inner
    return analysis


def _timing(
    clock: StageClock, stage: str, function: Callable[..., Result]
) -> Callable[..., Result]:
    def timed(*args: Any, **kwargs: Any) -> Result:
        return clock.timed(stage, lambda: function(*args, **kwargs))

    return timed


def incremental_stages(inputs: Path, folder: Path, share: float = 0.9) -> dict[str, float]:
    """`stages` of the run adding the last (1 - share) of the input to a store of the rest."""
    lines = inputs.read_text(encoding="utf-8").splitlines(keepends=True)
    grown = folder / f"stages-{inputs.name}"
    grown.write_text("".join(lines[: int(len(lines) * share)]), encoding="utf-8")
    stages(grown, folder, "grown.db")
    grown.write_text("".join(lines), encoding="utf-8")
    return stages(grown, folder, "grown.db")


def incremental(inputs: Path, folder: Path, share: float = 0.9) -> tuple[Command, Command]:
    """The command on the first `share` of the input (a fresh store), then on all of it: the
    same file, grown, so its first records are unchanged inputs; the same store and report
    folder both times, as a user runs it again."""
    lines = inputs.read_text(encoding="utf-8").splitlines(keepends=True)
    folder.mkdir(parents=True, exist_ok=True)
    grown = folder / inputs.name
    grown.write_text("".join(lines[: int(len(lines) * share)]), encoding="utf-8")
    first = analyze_command(grown, folder / "grown.db", folder / "report")
    grown.write_text("".join(lines), encoding="utf-8")
    second = analyze_command(grown, folder / "grown.db", folder / "report")
    return first, second


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--data", default="multinews_sample", help="a set of ../shared/data/stories"
    )
    parser.add_argument("--workers", type=int, nargs="*", default=[], help="also time these")
    args = parser.parse_args()
    set_for_long_runs()  # as the command does: the stages in process are timed as it runs them
    inputs = shared_data("stories") / args.data / "articles.jsonl"
    if not inputs.is_file():
        raise SystemExit(f"{inputs}: not found (set NEWSPRISM_DATA)")
    rows: dict[str, list[float]] = {}
    articles = 0
    for run in range(args.runs):
        folder = Path(tempfile.mkdtemp(prefix="newsprism-throughput-"))
        try:
            articles, bare = bare_pass(inputs)
            _, regex_words = bare_pass(inputs, re.compile(r"\w+").findall)
            full = analyze_command(inputs, folder / "fresh.db", folder / "out")
            first, second = incremental(inputs, folder / "incremental")
            split = stages(inputs, folder)
            added = incremental_stages(inputs, folder)
            results = {
                "command CPU s": full.cpu,
                "command wall s": full.wall,
                "bare pass CPU s": bare,
                "regex words CPU s": regex_words,
                "90% run CPU s": first.cpu,
                "+10% run CPU s": second.cpu,
                **{f"stage {name}": seconds for name, seconds in split.items()},
                **{f"+10% stage {name}": seconds for name, seconds in added.items()},
            }
            for workers in args.workers:
                timed = analyze_command(inputs, folder / f"w{workers}.db", folder / "w", workers)
                results[f"--workers {workers} wall s"] = timed.wall
                results[f"--workers {workers} CPU s"] = timed.cpu
            for name, value in results.items():
                rows.setdefault(name, []).append(value)
            print(
                f"run {run + 1}: command {full.cpu:.2f} CPU s, bare {bare:.3f} s", file=sys.stderr
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print_table(articles, {name: median(values) for name, values in rows.items()}, args.runs)


def print_table(articles: int, figures: dict[str, float], runs: int) -> None:
    command, bare = figures["command CPU s"], figures["bare pass CPU s"]
    print(f"{articles} articles, medians of {runs} runs")
    print(
        f"newsprism analyze:  {articles / command:8.1f} articles/CPU-s "
        f"({command:.2f} CPU s, {figures['command wall s']:.2f} s wall)"
    )
    print(f"bare read+tokenise: {articles / bare:8.1f} articles/CPU-s ({bare:.3f} CPU s)")
    print(f"ratio:              {command / bare:8.1f}x the bare pass")
    words = figures["regex words CPU s"]
    print(
        f"bare read + \\w+ words: {articles / words:8.1f} articles/CPU-s, the command "
        f"{command / words:.0f}x that"
    )
    print(
        f"incremental: +10% on a stored 90% costs {figures['+10% run CPU s']:.2f} CPU s, "
        f"{figures['+10% run CPU s'] / command:.0%} of a full run "
        f"(the 90% run: {figures['90% run CPU s']:.2f} CPU s)"
    )
    total = sum(figures[f"stage {name}"] for name in STAGES)
    added = sum(figures[f"+10% stage {name}"] for name in STAGES)
    print(
        f"stages in process ({total:.2f} CPU s; the +10% run {added:.2f} CPU s, "
        f"{added / total:.0%}; the command adds start-up and imports):"
    )
    print(f"  {'':<32} {'full run':>16} {'+10% run':>10} {'of full':>8}")
    for name in STAGES:
        seconds, more = figures[f"stage {name}"], figures[f"+10% stage {name}"]
        print(
            f"  {name:<32} {seconds:7.2f} s {seconds / total:6.1%} {more:8.2f} s"
            f" {more / seconds if seconds else 0:7.0%}"
        )
    for name, value in figures.items():
        if name.startswith("--workers"):
            print(f"{name:<24} {value:7.2f}")


if __name__ == "__main__":
    main()
