"""Speed of clean alone on text input: articles per second on one core, median of runs.

Uses the text of the shared story sets (../shared/data/stories), the same articles in every
run; prints articles/s for clean_document and, as a same-process baseline, for splitting the
text into lines and folding each one (the least any line-by-line cleaner must do).

    .venv/bin/python benchmarks/clean_speed.py [--runs 5] [--limit 3000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from newsprism.clean import clean_document
from newsprism.model import Document
from newsprism.text import normalise_line

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"


def load(limit: int) -> list[Document]:
    documents = []
    for path in sorted(DATA.glob("*/articles.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if record.get("text"):
                documents.append(
                    Document(source=record["id"], content=record["text"], title=record.get("title"))
                )
    return documents[:limit]


def rate(work, documents: list[Document], runs: int) -> float:
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for document in documents:
            work(document)
        rates.append(len(documents) / (time.perf_counter() - start))
    return statistics.median(rates)


def fold_lines(document: Document) -> list[str]:
    return [normalise_line(line) for line in document.content.splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=3000)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"no story data at {DATA}")
    documents = load(args.limit)
    words = sum(len(d.content.split()) for d in documents) / len(documents)
    baseline = rate(fold_lines, documents, args.runs)
    cleaned = rate(clean_document, documents, args.runs)
    print(f"{len(documents)} articles, {words:.0f} words each on average, {args.runs} runs")
    print(f"{'split + fold lines (baseline)':<32} {baseline:10,.0f} articles/s")
    print(f"{'clean_document':<32} {cleaned:10,.0f} articles/s")
    print(f"clean / baseline time ratio: {baseline / cleaned:.1f}")


if __name__ == "__main__":
    main()
