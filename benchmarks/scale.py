"""How story grouping scales: time per article and peak memory at 10k, 100k (and 1M) articles.

Corpora are generated from the paragraphs of ../shared/data/stories: each synthetic story
takes one real story's articles and writes several articles for it from their paragraphs
(shuffled, some dropped, a paragraph of another story mixed in now and then), spread over a
few days of a year and over 200 outlets. Each size runs in a fresh process, so its peak
memory (max RSS) is its own.

    .venv/bin/python benchmarks/scale.py [--sizes 10000 100000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from newsprism.model import Article
from newsprism.stories.grouping import StoryGrouper

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"


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


def generate(size: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    stories = load_stories()
    outlets = [f"Outlet {i}" for i in range(200)]
    start = date(2024, 1, 1)
    articles: list[Article] = []
    while len(articles) < size:
        story = rng.choice(stories)
        pool = [p for article in story for p in article]
        day = start + timedelta(days=rng.randrange(365))
        for _ in range(rng.randint(2, 8)):
            paragraphs = rng.sample(pool, k=min(len(pool), rng.randint(3, 10)))
            if rng.random() < 0.3:
                paragraphs.append(rng.choice(rng.choice(rng.choice(stories))))
            published = (day + timedelta(days=rng.randrange(3))).isoformat()
            number = len(articles)
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
    return articles[:size]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int, seed: int) -> None:
    articles = generate(size, seed)
    corpus_mb = _peak_mb()  # the generated articles, held in memory for the run
    grouper = StoryGrouper()
    start = time.perf_counter()
    for article in articles:
        grouper.add(article)
    elapsed = time.perf_counter() - start
    row = {
        "size": size,
        "ms_per_article": 1000 * elapsed / size,
        "seconds": elapsed,
        "peak_mb": _peak_mb(),
        "corpus_mb": corpus_mb,
        "stories": grouper.next_story,
    }
    print(json.dumps(row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process's size
    args = parser.parse_args()
    if args.one:
        measure(args.one, args.seed)
        return
    if not DATA.exists():
        sys.exit(f"no story data at {DATA}")
    rows = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        row = rows[-1]
        print(
            f"{size:>9,} articles: {row['ms_per_article']:.2f} ms/article, peak "
            f"{row['peak_mb']:,.0f} MB (the generated corpus alone {row['corpus_mb']:,.0f} MB), "
            f"{row['stories']:,} stories",
            flush=True,
        )
    base = rows[0]["ms_per_article"]
    for row in rows[1:]:
        print(
            f"per-article time at {row['size']:,} / at {rows[0]['size']:,}: "
            f"{row['ms_per_article'] / base:.2f}"
        )


if __name__ == "__main__":
    main()
