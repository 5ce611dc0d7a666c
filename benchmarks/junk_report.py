"""What clean removes from a set of real articles, and what the outlet templates learn.

For ../shared/data/stories/multinews_sample (or --set NAME): junk kinds by count, the
template lines learned (articles of one set with no outlet are one scope, the file they came
from), how many template removals a streaming run makes against a batch (relearn) run, and
a seeded sample of removed lines to read by hand.

    .venv/bin/python benchmarks/junk_report.py [--set multinews_sample] [--sample 20]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from newsprism.clean.templates import MIN_ARTICLES, MemoryTemplates, line_key
from newsprism.ingest import read_path
from newsprism.pipeline import process_all, process_batch

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="multinews_sample")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--template-min", type=int, default=MIN_ARTICLES)
    args = parser.parse_args()
    path = DATA / args.set / "articles.jsonl"
    if not path.exists():
        sys.exit(f"no data at {path}")
    errors: list[str] = []
    streaming = MemoryTemplates(args.template_min)
    streamed = list(process_all(read_path(path), lambda e: errors.append(str(e)), streaming))
    batch = MemoryTemplates(args.template_min)
    batched = process_batch(read_path(path), lambda e: None, batch)

    kinds = Counter(r.reason for p in batched for r in p.article.removed)
    print(f"{args.set}: {len(batched)} articles cleaned ({len(errors)} inputs without text)")
    print("\njunk kinds, batch run:")
    for reason, count in kinds.most_common():
        print(f"  {reason:<16} {count:6d}")
    template_counts = Counter()
    for processed in batched:
        for removed in processed.article.removed:
            if removed.reason == "outlet-template":
                template_counts[line_key(removed.text)] += 1
    print(f"\ntemplate lines learned (seen in >= {args.template_min} articles of one scope):")
    for key, count in template_counts.most_common(12):
        print(f"  {count:5d}  {key[:90]}")
    stream_removed = sum(r.reason == "outlet-template" for p in streamed for r in p.article.removed)
    print(f"\ntemplate removals: streaming {stream_removed}, batch {sum(template_counts.values())}")
    removed = [(r.reason, r.text) for p in batched for r in p.article.removed]
    random.Random(args.seed).shuffle(removed)
    print(f"\n{args.sample} removed lines to read by hand (seed {args.seed}):")
    for number, (reason, text) in enumerate(removed[: args.sample], 1):
        print(f"  {number:2d}. [{reason}] {json.dumps(text[:150], ensure_ascii=False)}")


if __name__ == "__main__":
    main()
