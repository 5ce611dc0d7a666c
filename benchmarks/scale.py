"""How story grouping scales: time per article and peak memory at 10k, 100k (and 1M) articles.

Corpora are generated from the paragraphs of ../shared/data/stories: each synthetic story
takes one real story's articles and writes several articles for it from their paragraphs
(shuffled, some dropped, a paragraph of another story mixed in now and then), spread over a
few days of a year and over 200 outlets. Each size runs in a fresh process, so its peak
memory (max RSS) is its own. Each synthetic story is known, so the grouping is also scored
(BCubed F1): the caps on candidate work must not cost quality as the corpus grows. The score
means something while real stories are drawn rarely (10k, 100k); at 1M each of the ~1,000
real stories is drawn every few days, the gold stories chain into months-long runs of one
text, and the F1 there says more about the generator than about the grouper.

At 1M (~2,700 articles a day) every article's index terms have long postings (capped) inside
the month the grouper's index remembers, which is what makes the per-article work grow;
--days packs a smaller corpus as densely (100k over 36 days) to measure that in minutes
instead of half an hour.
CPU time is printed beside wall time: on a shared machine it is the steadier of the two.

With --analyze, the whole command instead: the generated articles are written as JSON lines
(news-please's fields), streamed, never all in memory, and `newsprism analyze FILE` runs on
them in a subprocess on a fresh store, as a user runs it: CPU per article (user+sys of the
command), wall time, and the command's peak memory (max RSS); with --workers 1 2 each size
runs once per setting (a pool's processes are not the command's waited-for children, so
compare their wall times: perfect scaling halves it on two cores).

With --analyze --slices K --keep DIR, one size is analysed as K date-ordered slices, each by
its own `newsprism analyze` run adding to one store kept in DIR, as a newsroom adds each day's
news: each slice's CPU per article (also in probe units) and peak memory, against the first
slice's. 1M articles take hours of one core, longer than one sitting: a run stopped part way
resumes at the first slice not done (DIR/slices.jsonl records each one done).

    .venv/bin/python benchmarks/scale.py [--sizes 10000 100000] [--seed 1] [--days 365]
    .venv/bin/python benchmarks/scale.py --analyze [--sizes 10000 100000] [--workers 1 2]
    .venv/bin/python benchmarks/scale.py --analyze --sizes 1000000 --slices 100 --keep DIR
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from shared_data import shared_data
from throughput import COMMAND_ENV, NEWSPRISM, SpeedProbe, analyze_command

from newsprism.model import Article
from newsprism.stories.grouping import StoryGrouper

DATA = shared_data("stories")
# A real story drawn twice within a week is one story; drawn further apart, two (the grouper,
# whose time decay has no hard cut, may join a close redraw of the same text a little later).
SAME_STORY_DAYS = 7


def load_stories() -> list[list[list[str]]]:
    """Real stories: each a list of articles, each a list of paragraphs."""
    by_cluster: dict[str, list[list[str]]] = {}
    for path in sorted(DATA.glob("*/articles.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            paragraphs = [p for p in (record.get("text") or "").splitlines() if len(p) > 40]
            if paragraphs:
                by_cluster.setdefault(f"{path.parent.name}:{record['cluster']}", []).append(
                    paragraphs
                )
    return list(by_cluster.values())


def generate(size: int, seed: int, days: int = 365) -> tuple[list[Article], dict[str, int]]:
    """Articles in date order over `days` days, and the gold story of each (by article id)."""
    rng = random.Random(seed)
    stories = load_stories()
    outlets = [f"Outlet {i}" for i in range(200)]
    start = date(2024, 1, 1)
    articles: list[Article] = []
    written_from: dict[str, tuple[int, date]] = {}  # article id -> (real story, first day)
    while len(articles) < size:
        real = rng.randrange(len(stories))
        pool = [p for article in stories[real] for p in article]
        day = start + timedelta(days=rng.randrange(days))
        for _ in range(rng.randint(2, 8)):
            paragraphs = rng.sample(pool, k=min(len(pool), rng.randint(3, 10)))
            if rng.random() < 0.3:
                paragraphs.append(rng.choice(rng.choice(rng.choice(stories))))
            published = (day + timedelta(days=rng.randrange(3))).isoformat()
            number = len(articles)
            written_from[f"a{number}"] = (real, day)
            articles.append(
                Article(
                    id=f"a{number}",
                    source=f"gen#{number}",
                    title=paragraphs[0][:90],
                    paragraphs=paragraphs[1:] or paragraphs,
                    outlet=rng.choice(outlets),
                    published=published,
                )
            )
    articles.sort(key=lambda a: a.published or "")
    articles = articles[:size]
    return articles, gold_stories({a.id: written_from[a.id] for a in articles})


def records(size: int, seed: int, days: int = 365) -> Iterator[dict[str, str]]:
    """The same kind of articles as `generate`, as JSON-line records in date order, made one
    at a time: the draws (story, day, articles) are chosen first and sorted by day, so even
    1M articles are never all in memory."""
    rng = random.Random(seed)
    stories = load_stories()
    start = date(2024, 1, 1)
    draws, total = [], 0
    while total < size:
        count = min(rng.randint(2, 8), size - total)
        draws.append((rng.randrange(days), rng.randrange(len(stories)), count, rng.random()))
        total += count
    draws.sort()
    number = itertools.count()
    for day, real, count, draw_seed in draws:
        draw = random.Random(draw_seed)
        pool = [p for article in stories[real] for p in article]
        for _ in range(count):
            paragraphs = draw.sample(pool, k=min(len(pool), draw.randint(3, 10)))
            if draw.random() < 0.3:
                paragraphs.append(draw.choice(draw.choice(draw.choice(stories))))
            published = start + timedelta(days=day + draw.randrange(3))
            yield {
                "url": f"https://outlet{draw.randrange(200)}.example/{next(number)}",
                "title": paragraphs[0][:90],
                "maintext": "\n".join(paragraphs[1:] or paragraphs),
                "date_publish": published.isoformat(),
                "source_domain": f"outlet{draw.randrange(200)}.example",
            }


def measure_analyze(size: int, seed: int, days: int, workers: int) -> None:
    with tempfile.TemporaryDirectory(prefix="newsprism-scale-") as folder:
        inputs = Path(folder) / "articles.jsonl"
        with inputs.open("w", encoding="utf-8") as out:
            for record in records(size, seed, days):
                out.write(json.dumps(record) + "\n")
        with SpeedProbe() as probe:
            command = analyze_command(
                inputs, Path(folder) / "store.db", Path(folder) / "report", workers=workers
            )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        row = {
            "size": size,
            "workers": workers,
            "ms_per_article": 1000 * command.wall / size,
            "cpu_ms_per_article": 1000 * command.cpu / size,
            "probes_per_article": probe.per_probe(command.cpu) / size,
            "probe_ms": 1000 * statistics.median(probe.timings),
            "seconds": command.wall,
            "peak_mb": peak,
            "input_mb": inputs.stat().st_size / 2**20,
        }
    print(json.dumps(row))


def analyze_slices(size: int, seed: int, days: int, slices: int, keep: Path) -> None:
    keep.mkdir(parents=True, exist_ok=True)
    done_file = keep / "slices.jsonl"
    done = done_file.read_text().splitlines() if done_file.exists() else []
    per_slice = -(-size // slices)
    stream = records(size, seed, days)
    for number in range(slices):
        chunk = list(itertools.islice(stream, per_slice))
        if number < len(done) or not chunk:
            continue
        inputs = keep / "slice.jsonl"
        # A slice stopped part way has stored some of its articles: its figures would be low.
        started = keep / "started"
        resumed = started.exists() and started.read_text() == str(number)
        started.write_text(str(number))
        inputs.write_text("".join(json.dumps(record) + "\n" for record in chunk), "utf-8")
        with SpeedProbe() as probe:
            cpu, wall, peak_mb = _measured_analyze(inputs, keep)
        row = {
            "slice": number + 1,
            "resumed": resumed,
            "articles": len(chunk),
            "stored_before": number * per_slice,
            "cpu_ms_per_article": 1000 * cpu / len(chunk),
            "probes_per_article": probe.per_probe(cpu) / len(chunk),
            "wall_ms_per_article": 1000 * wall / len(chunk),
            "peak_mb": peak_mb,
            "store_mb": (keep / "store.db").stat().st_size / 2**20,
        }
        with done_file.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")
        done.append(json.dumps(row))
        _print_slice(row, json.loads(done[0]))


def _measured_analyze(inputs: Path, keep: Path) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak MB) of one `newsprism analyze` run, the command's own."""
    command = [str(NEWSPRISM), "analyze", str(inputs), "--db", str(keep / "store.db")]
    command += ["--out", str(keep / "report")]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=COMMAND_ENV
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: some inputs failed, each named
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def _print_slice(row: dict, first: dict) -> None:
    print(
        f"slice {row['slice']:>4} ({row['stored_before']:>9,} stored before): "
        f"{row['cpu_ms_per_article']:.2f} ms CPU/article "
        f"({row['cpu_ms_per_article'] / first['cpu_ms_per_article']:.2f}x the first slice; "
        f"probe units {row['probes_per_article'] / first['probes_per_article']:.2f}x), "
        f"wall {row['wall_ms_per_article']:.2f} ms, peak {row['peak_mb']:,.0f} MB, "
        f"store {row['store_mb']:,.0f} MB"
        + (" (resumed after a stop: not a figure)" * row["resumed"]),
        flush=True,
    )


def gold_stories(written_from: dict[str, tuple[int, date]]) -> dict[str, int]:
    """One gold story per real story and run of days: a real story drawn twice within a week is
    one story written twice (no grouper could tell the two apart), drawn a month apart two."""
    gold: dict[str, int] = {}
    latest: dict[int, tuple[date, int]] = {}  # real story -> (latest day, its gold story)
    numbers = itertools.count()
    for article, (real, day) in sorted(written_from.items(), key=lambda item: item[1][1]):
        seen = latest.get(real)
        story = next(numbers) if seen is None or (day - seen[0]).days > SAME_STORY_DAYS else seen[1]
        latest[real] = (day, story)
        gold[article] = story
    return gold


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bcubed_f1(predicted: list[int], gold: list[int]) -> float:
    pairs = Counter(zip(predicted, gold, strict=True))
    predicted_size, gold_size = Counter(predicted), Counter(gold)
    # Each of the n articles in a (predicted, gold) cell scores n / cluster size.
    precision = sum(n * n / predicted_size[p] for (p, _), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (_, g), n in pairs.items()) / len(gold)
    return 2 * precision * recall / (precision + recall)


def measure(size: int, seed: int, days: int) -> None:
    articles, gold = generate(size, seed, days)
    corpus_mb = _peak_mb()  # the generated articles, held in memory for the run
    grouper = StoryGrouper()
    start, cpu_start = time.perf_counter(), time.process_time()
    for article in articles:
        grouper.add(article)
    grouper.split_stories()  # the batch pass a run ends with
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    row = {
        "size": size,
        "ms_per_article": 1000 * elapsed / size,
        "cpu_ms_per_article": 1000 * cpu / size,  # steadier than wall time on a shared machine
        "seconds": elapsed,
        "peak_mb": _peak_mb(),
        "corpus_mb": corpus_mb,
        "stories": grouper.next_story,
        "bcubed_f1": bcubed_f1(list(grouper.story_of), [gold[a.id] for a in articles]),
    }
    print(json.dumps(row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--days",
        type=int,
        default=365,
        help="days the corpus spans; fewer packs it denser (100k over 36 days is 1M's density)",
    )
    parser.add_argument("--analyze", action="store_true", help="time the whole command")
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="with --analyze")
    parser.add_argument("--slices", type=int, help="with --analyze: one size in this many runs")
    parser.add_argument("--keep", type=Path, help="with --slices: the store's folder, to resume")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process's size
    args = parser.parse_args()
    if args.analyze and args.slices:
        if not args.keep:
            parser.error("--slices needs --keep DIR")
        analyze_slices(args.sizes[0], args.seed, args.days, args.slices, args.keep)
        return
    if args.one and args.analyze:
        measure_analyze(args.one, args.seed, args.days, args.workers[0])
        return
    if args.one:
        measure(args.one, args.seed, args.days)
        return
    if not DATA.exists():
        sys.exit(f"no story data at {DATA}")
    if args.analyze:
        analyze_sizes(args.sizes, args.seed, args.days, args.workers)
        return
    rows = []
    for size in args.sizes:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--one",
                str(size),
                "--seed",
                str(args.seed),
                "--days",
                str(args.days),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        row = rows[-1]
        print(
            f"{size:>9,} articles: {row['ms_per_article']:.2f} ms/article "
            f"({row['cpu_ms_per_article']:.2f} CPU), peak "
            f"{row['peak_mb']:,.0f} MB (the generated corpus alone {row['corpus_mb']:,.0f} MB), "
            f"{row['stories']:,} stories, BCubed F1 {row['bcubed_f1']:.3f}",
            flush=True,
        )
    base, cpu_base = rows[0]["ms_per_article"], rows[0]["cpu_ms_per_article"]
    for row in rows[1:]:
        print(
            f"per-article time at {row['size']:,} / at {rows[0]['size']:,}: "
            f"{row['ms_per_article'] / base:.2f} (CPU {row['cpu_ms_per_article'] / cpu_base:.2f})"
        )


def analyze_sizes(sizes: list[int], seed: int, days: int, workers: list[int]) -> None:
    rows: dict[tuple[int, int], dict] = {}
    for size in sizes:
        for count in workers:
            child = [sys.executable, __file__, "--analyze", "--one", str(size)]
            child += ["--seed", str(seed), "--days", str(days), "--workers", str(count)]
            out = subprocess.run(child, capture_output=True, text=True, check=True)
            row = rows[size, count] = json.loads(out.stdout.strip().splitlines()[-1])
            cpu = row["cpu_ms_per_article"]
            cpu_text = (
                f", {cpu:.2f} ms CPU ({1000 / cpu:.0f} a CPU-second; "
                f"{row['probes_per_article']:.3f} probes, the probe {row['probe_ms']:.0f} ms)"
                if count == 1
                else ""
            )
            print(
                f"{size:>9,} articles, --workers {count}: {row['ms_per_article']:.2f} ms/article "
                f"wall{cpu_text}, {row['seconds']:,.0f} s, peak {row['peak_mb']:,.0f} MB "
                f"(input {row['input_mb']:,.0f} MB)",
                flush=True,
            )
    first = sizes[0]
    for size in sizes[1:]:
        for count in workers:
            ratio = rows[size, count]["ms_per_article"] / rows[first, count]["ms_per_article"]
            print(f"--workers {count}: wall per article at {size:,} / at {first:,}: {ratio:.2f}")
            if count == 1:
                rows_of = rows[size, count], rows[first, count]
                cpu = rows_of[0]["cpu_ms_per_article"] / rows_of[1]["cpu_ms_per_article"]
                probes = rows_of[0]["probes_per_article"] / rows_of[1]["probes_per_article"]
                print(
                    f"--workers 1: CPU per article at {size:,} / at {first:,}: {cpu:.2f}; "
                    f"in probe units (the machine's speed taken out): {probes:.2f}"
                )
    if 1 in workers:
        for size in sizes:
            for count in (c for c in workers if c > 1):
                speedup = rows[size, 1]["seconds"] / rows[size, count]["seconds"]
                print(
                    f"{size:,} articles: --workers {count} is {speedup:.2f}x as fast as one "
                    f"(perfect: {count}x; within 1.3x of it: >= {count / 1.3:.2f}x)"
                )


if __name__ == "__main__":
    main()
