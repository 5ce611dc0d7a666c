"""Every quotation's provenance label over the shared story sets, one line a quote: to see what
a change to compare/ does on stories nobody labelled, by diffing two dumps and reading what
changed.

Each set's articles are processed as benchmarks/provenance.py processes them (the real pipeline,
no gold spans) and grouped into stories by the set's own clusters. A line holds the set, the
cluster, the article's record id, the quote's text, its label and labels, the source passages
it was labelled against and the edits (source -> reported, with their kinds).

    .venv/bin/python benchmarks/labels_dump.py --out before.jsonl [--sets ecbplus,newswcl50]
    .venv/bin/python benchmarks/labels_dump.py --diff before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from provenance import LABELLED, STORIES, compare, gold_stories, load_items, read_corpus

SETS = ("allsides_roundups", "ecbplus", "multinews_sample", "newswcl50")


def dump(sets: list[str], out: Path) -> None:
    corpus = read_corpus(dict.fromkeys(sets))
    clusters = {(r.set, r.cluster) for r in corpus.record_of.values()}
    compared = compare(corpus, gold_stories(corpus, clusters))
    lines = []
    for article in corpus.articles:
        record = corpus.record_of[article.id]
        for quote in compared.quotes.get(article.id, []):
            match = compared.matches.get(quote.id)
            if match is None:
                continue
            lines.append(
                {
                    "key": f"{record.set}/{record.cluster}/{record.id}/{quote.start}",
                    "text": quote.text,
                    "label": match.label,
                    "labels": match.labels,
                    "source": " | ".join(s.text for s in match.source_spans),
                    "edits": [f"{e.source!r}->{e.reported!r} ({e.kind})" for e in match.edits],
                }
            )
    lines.sort(key=lambda line: line["key"])
    with out.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} quotations written to {out}")


def held_stories() -> set[str]:
    """The stories ("set/cluster") holding a held labelled item: their changes are counted,
    never shown, so reading a diff never reads a held error."""
    items, _ = load_items(LABELLED)
    return {i.story for i in items if i.held or i.held_round4 or i.round5}


def diff(before: Path, after: Path) -> None:
    old = {row["key"]: row for row in map(json.loads, before.open(encoding="utf-8"))}
    new = {row["key"]: row for row in map(json.loads, after.open(encoding="utf-8"))}
    held = held_stories()
    changes: Counter[str] = Counter()
    hidden = 0
    for key in sorted(old.keys() | new.keys()):
        first, second = old.get(key), new.get(key)
        if first and second and first["label"] == second["label"]:
            continue
        was = first["label"] if first else "-"
        now = second["label"] if second else "-"
        changes[f"{was} -> {now}"] += 1
        if "/".join(key.split("/")[:2]) in held:
            hidden += 1
            continue
        print(f"{key}: {was} -> {now}")
        for name, row in (("before", first), ("after", second)):
            if row:
                print(f"  {name}: {row['text']!r}\n    source: {row['source']!r}")
                print(f"    edits: {'; '.join(row['edits'])}")
    for change, count in changes.most_common():
        print(f"{count:5d}  {change}")
    print(f"{hidden} of them in stories holding held labels: counted, not shown")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.diff:
        diff(*args.diff)
    elif args.out:
        sets = [name for name in args.sets.split(",") if (STORIES / name).is_dir()]
        dump(sets, args.out)
    else:
        parser.error("give --out FILE or --diff BEFORE AFTER")


if __name__ == "__main__":
    main()
