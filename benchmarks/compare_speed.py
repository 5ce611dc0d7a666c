"""Time the comparison of one story of about 20 articles and 200 quotes, on one core.

The story is built from real data: the ECB+ topic (its two sub-topics merged) whose 20
articles richest in quotes come closest to 200 quotes, at least 200 (process_batch over the
whole set, as `newsprism analyze` reads it). Times, median of 7 runs each:
analyse_stories(articles, quotes, one_story(articles)) (speakers unified, wire links, every
quote compared) and compare_story alone on the same articles and unified quotes.

    .venv/bin/python benchmarks/compare_speed.py [--articles 20] [--quotes 200] [--runs 7]

Reads ../shared/data/stories/ecbplus (NEWSPRISM_DATA overrides ../shared/data).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from provenance_generated import DATA

from newsprism.compare import compare_story
from newsprism.ingest import read_path
from newsprism.pipeline import (
    Processed,
    analyse_stories,
    one_story,
    process_batch,
    quotes_by_article,
)

ECBPLUS = DATA / "stories" / "ecbplus" / "articles.jsonl"
COMPARED_KINDS = ("direct", "transcript")


def topics(path: Path) -> dict[str, str]:
    """ECB+ record id -> topic (both sub-topics of a topic together)."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return {str(r["id"]): str(r.get("topic") or r["cluster"].split("_")[0]) for r in rows}


def pick_story(processed: list[Processed], topic_of: dict[str, str], articles: int, quotes: int):
    """The topic whose `articles` richest articles carry the nearest number of quotes to
    `quotes`, at or above it if any topic reaches it; and those articles."""
    by_topic: dict[str, list[Processed]] = defaultdict(list)
    for item in processed:
        by_topic[topic_of[item.article.source.rsplit("#", 1)[-1]]].append(item)
    chosen = []
    for topic, items in by_topic.items():
        richest = sorted(items, key=lambda p: -len(p.quotes))[:articles]
        total = sum(len(p.quotes) for p in richest)
        if len(richest) == articles:
            chosen.append((total < quotes, abs(total - quotes), topic, richest))
    if not chosen:
        raise SystemExit(f"no ECB+ topic has {articles} articles")
    _, _, topic, richest = min(chosen, key=lambda c: c[:3])
    return topic, richest


def median_seconds(work: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity here)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--quotes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not ECBPLUS.is_file():
        print(f"skipped: no ECB+ data at {ECBPLUS}")
        return
    pinned = one_core()
    processed = process_batch(read_path(ECBPLUS), lambda error: None)
    topic, chosen = pick_story(processed, topics(ECBPLUS), args.articles, args.quotes)
    articles = [p.article for p in chosen]
    quotes = [q for p in chosen for q in p.quotes]
    kinds = Counter(q.kind for q in quotes)
    compared = sum(kinds[k] for k in COMPARED_KINDS)
    print(f"story: ECB+ topic {topic}, {len(articles)} articles, {len(quotes)} quotes "
          f"({compared} compared: {dict(kinds)}); {pinned}")  # fmt: skip
    analysis = analyse_stories(articles, quotes, one_story(articles))
    labels = Counter(m.label for m in analysis.stories[0].matches)
    print(f"matches: {len(analysis.stories[0].matches)} ({dict(labels.most_common())})")
    whole = median_seconds(
        lambda: analyse_stories(articles, quotes, one_story(articles)), args.runs
    )
    unified = quotes_by_article(analysis.quotes)
    alone = median_seconds(lambda: compare_story(articles, unified), args.runs)
    print(f"analyse_stories(articles, quotes, one_story(articles)): {whole:.3f} s "
          f"(median of {args.runs})")  # fmt: skip
    print(f"compare_story alone:                                   {alone:.3f} s "
          f"(median of {args.runs}; goal < 1 s)")  # fmt: skip


if __name__ == "__main__":
    main()
