"""The web app under load: `newsprism serve` (pinned to one core) over a store of ~10k articles,
and a bounded request loop on loopback against the story list, story pages and search.
Prints requests/s, p50/p99/max latency and the largest page, for each kind of page.

The store is built once (and reused) by `newsprism analyze` from the shared story sets
(../shared/data/stories/*/articles.jsonl), repeated with changed ids, urls and dates (each
repeat 400 days after the last, so repeats make stories of their own) until it holds --articles.
Goal (issue 19): p99 under 100 ms for story pages and search, every page under 1 MB.

    .venv/bin/python benchmarks/web.py [--articles 10000] [--requests 400] [--store FILE]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from shared_data import shared_data

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
REPEAT_DAYS = 400
UNDATED = date(2015, 1, 1)
GOAL_MS = 100.0
MAX_PAGE_BYTES = 1_000_000
FILE_RECORDS = 500
WIDE_SEARCHES = ("the", "said", "and", "president", "police", "st*", "pre*", "the OR said")


def _records() -> list[dict]:
    records = []
    for path in sorted(shared_data("stories").glob("*/articles.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            record["_set"] = path.parent.name
            records.append(record)
    return records


def _shifted(day: str | None, repeat: int) -> str:
    try:
        start = date.fromisoformat((day or "")[:10])
    except ValueError:
        start = UNDATED
    return (start + timedelta(days=REPEAT_DAYS * repeat)).isoformat()


def write_corpus(folder: Path, articles: int) -> int:
    """`articles` records (the shared story sets, repeated) as JSON lines files of
    FILE_RECORDS each (an input file is limited in size); returns how many."""
    base = _records()
    rows = (
        {
            "id": f"{record['_set']}-{record['id']}-r{repeat}",
            "url": f"https://bench.example/{record['_set']}/{repeat}/{record['id']}",
            "title": record.get("title") or "",
            "text": record.get("text") or "",
            "date": _shifted(record.get("date"), repeat),
            "source": record.get("source") or record.get("outlet") or record["_set"],
        }
        for repeat in range(articles // len(base) + 1)
        for record in base
    )
    written = 0
    for written, row in enumerate(rows, start=1):
        if written > articles:
            return articles
        part = folder / f"corpus-{(written - 1) // FILE_RECORDS:03d}.jsonl"
        with part.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return written


def build_store(store: Path, articles: int) -> None:
    store.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        count = write_corpus(corpus, articles)
        print(f"building {store} from {count:,} articles (newsprism analyze) ...", flush=True)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "newsprism", "analyze", str(corpus), "--db", str(store),
             "--out", str(Path(folder) / "report")],
            check=False,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        print(f"built in {time.perf_counter() - started:,.0f} s", flush=True)


# --- the server ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def start_server(store: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsprism", "serve", "--db", str(store), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        preexec_fn=_one_core,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("newsprism serve did not start")


# --- the load loop ------------------------------------------------------------------------------


@dataclass
class Figures:
    name: str
    seconds: list[float] = field(default_factory=list)
    largest: int = 0
    largest_path: str = ""
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        times = sorted(self.seconds)
        p50 = statistics.median(times) * 1000
        p99 = times[min(len(times) - 1, int(0.99 * len(times)))] * 1000
        rps = len(times) / sum(times)
        verdict = "ok" if p99 < GOAL_MS and self.largest < MAX_PAGE_BYTES else "OVER GOAL"
        return (
            f"{self.name:<13}{len(times):>5} req  {rps:>7.1f} req/s  p50 {p50:>6.1f} ms  "
            f"p99 {p99:>6.1f} ms  max {times[-1] * 1000:>6.1f} ms  largest {self.largest:>9,} B"
            f"  {verdict}"
        )


def fetch(conn: http.client.HTTPConnection, path: str, figures: Figures) -> None:
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    figures.seconds.append(time.perf_counter() - started)
    if response.status != 200:
        figures.errors.append(f"{response.status} {path}")
    if len(body) > figures.largest:
        figures.largest, figures.largest_path = len(body), path


def targets(store: Path, rng: random.Random, n: int) -> dict[str, list[str]]:
    """Paths to request: story list pages and filters, story pages (the largest stories among
    them), search queries made of words from the store's titles."""
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
        stories = [r[0] for r in conn.execute("SELECT story_id FROM story_facts")]
        largest = [
            r[0]
            for r in conn.execute(
                "SELECT story_id FROM story_facts ORDER BY statements DESC, articles DESC LIMIT 5"
            )
        ]
        outlets = [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles LIMIT 50")]
        titles = [r[0] for r in conn.execute("SELECT title FROM articles LIMIT 2000")]
        speakers = [
            r[0]
            for r in conn.execute(
                "SELECT person_key FROM quote_persons GROUP BY person_key"
                " ORDER BY count(*) DESC LIMIT 10"
            )
        ]
    words = sorted({w for t in titles for w in re.findall(r"[A-Za-z]{5,}", t)})
    pages = max(1, len(stories) // 25)
    lists = ["/", "/?flag=altered", "/?flag=stitched"] + [
        f"/?page={rng.randint(1, pages)}" for _ in range(20)
    ]
    lists += [f"/?{urllib.parse.urlencode({'outlet': o})}" for o in outlets[:10] if o]
    lists += [f"/?{urllib.parse.urlencode({'speaker': k})}" for k in speakers]
    lists += [f"/?since={rng.randint(2015, 2030)}" for _ in range(5)]
    speaker_pages = [f"/speakers/{urllib.parse.quote(k, safe='')}" for k in speakers]
    story_paths = [f"/stories/{urllib.parse.quote(s, safe='')}" for s in largest]
    story_paths += [
        f"/stories/{urllib.parse.quote(s, safe='')}"
        for s in rng.sample(stories, min(n, len(stories)))
    ]
    searches = [
        "/search?" + urllib.parse.urlencode({"q": " ".join(rng.sample(words, rng.randint(1, 2)))})
        for _ in range(n)
    ]
    return {
        "story list": lists,
        "story page": story_paths,
        "search": searches,
        # words in most articles and short prefixes: every hit is ranked (the worst case)
        "search, wide": ["/search?" + urllib.parse.urlencode({"q": q}) for q in WIDE_SEARCHES],
        "speaker": speaker_pages,
    }


def load(
    port: int, paths: dict[str, list[str]], requests: int, rng: random.Random
) -> list[Figures]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    results = []
    for name, candidates in paths.items():
        figures = Figures(name)
        for path in candidates[:5]:  # warm: first requests (imports, caches) not counted
            fetch(conn, path, Figures("warm"))
        ordered = candidates[: min(len(candidates), requests)]
        while len(ordered) < requests:
            ordered.append(rng.choice(candidates))
        for path in ordered:
            fetch(conn, path, figures)
        results.append(figures)
    conn.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400, help="requests per page kind")
    parser.add_argument("--store", type=Path, default=None, help="store to use (built if absent)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    store = args.store or CACHE / f"web-{args.articles}.db"
    if not store.exists():
        build_store(store, args.articles)
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
        counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "quotes", "stories")]  # fmt: skip
    print(f"store {store}: {counts[0]:,} articles, {counts[1]:,} quotes, {counts[2]:,} stories")
    rng = random.Random(args.seed)
    server, port = start_server(store)
    try:
        results = load(port, targets(store, rng, args.requests), args.requests, rng)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"newsprism serve on one core, one client on loopback, {args.requests} requests a kind:")
    for figures in results:
        print(figures.line())
        print(f"{'':<13}largest page: {figures.largest_path}")
        for error in figures.errors[:5]:
            print(f"{'':<13}error: {error}")


if __name__ == "__main__":
    main()
