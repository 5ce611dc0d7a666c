"""Every `misattributed` flag newsprism raises over the shared story sets, for reading.

Each set's articles are read and processed as a user's would be, grouped by the sets' own
story labels (`cluster`), and compared; every statement with a misattributed occurrence is
printed with each outlet's credit (the speaker newsprism resolved and the words the outlet
wrote), so a reader can give each flag a verdict.

    .venv/bin/python benchmarks/misattributed.py [--sets newswcl50 ecbplus ...]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

from provenance_generated import DATA

from newsprism.ingest import read_path
from newsprism.model import Story
from newsprism.pipeline import analyse_stories, process_batch

SETS = ("newswcl50", "allsides_roundups", "ecbplus", "multinews_sample")


def flags_in(name: str) -> int:
    path = DATA / "stories" / name / "articles.jsonl"
    cluster = {row["id"]: row["cluster"] for row in map(json.loads, path.open(encoding="utf-8"))}
    processed = process_batch(read_path(path), lambda error: None)
    articles = [p.article for p in processed]
    members: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        members[cluster[article.source.rsplit("#", 1)[-1]]].append(article.id)
    stories = [Story(story, story, ids) for story, ids in members.items()]
    analysis = analyse_stories(articles, [q for p in processed for q in p.quotes], stories)
    quotes = {q.id: q for q in analysis.quotes}
    record = {a.id: a.source.rsplit("#", 1)[-1] for a in articles}
    found = 0
    for story in analysis.stories:
        labels = {m.quote: m.label for m in story.matches}
        for statement in story.statements:
            if "misattributed" not in statement.flags:
                continue
            print(f"== {name}/{story.id}: the statement's speaker is {statement.speaker}")
            for quote_id in statement.quotes:
                quote = quotes[quote_id]
                found += labels[quote_id] == "misattributed"
                print(f"   {record[quote.article]:22} {labels[quote_id]:13} "
                      f"{quote.speaker!r} (as written: {quote.speaker_mention!r}) "
                      f"| {quote.text[:80]}")  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    args = parser.parse_args()
    if not (DATA / "stories").is_dir():
        print(f"skipped: no story sets at {DATA / 'stories'}")
        return
    total = sum(flags_in(name) for name in args.sets)
    print(f"{total} misattributed flags over {', '.join(args.sets)}")


if __name__ == "__main__":
    main()
