"""Every quote extract_quotes finds, with its speaker, on PolNeAR and the shared story sets:
to check that a change meant to be fast only is, by diffing two dumps; and its speed.

The articles are cleaned once (as `analyze` cleans them: an outlet's template lines learned
from the whole set first) and kept in --cache, so a dump or a timing reads the same cleaned
articles whichever code runs quote extraction. Each output line is one article's quotes as
JSON: text, offsets, kind, speaker, mention and its offsets, cue, the quote it carries on.
--time N times extract_quotes (CPU time, time.process_time) over each set N times and prints
the median articles a CPU-second instead.
--diff OLD NEW lists the quotes (same offsets) whose speaker changed between two dumps, with
the words around the mention, in random order (--sample N of them): to read a sample of what a
change does and count right and wrong. Quotes of the held third of the story sets (split as
speakers_real's labels are: a hash of set and cluster) and of PolNeAR are counted, never shown.

    .venv/bin/python benchmarks/quotes_dump.py --cache /tmp/articles.pickle --out dump.jsonl
    .venv/bin/python benchmarks/quotes_dump.py --cache /tmp/articles.pickle --time 5
    .venv/bin/python benchmarks/quotes_dump.py --cache /tmp/articles.pickle --diff a.jsonl b.jsonl
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import time
from collections import Counter
from pathlib import Path

from shared_data import held, shared_data

from newsprism.clean import clean_document, clean_document_id
from newsprism.clean.templates import MemoryTemplates, document_edge_keys, template_scope
from newsprism.extract import ExtractionError, extract_html
from newsprism.ingest import read_path
from newsprism.model import Article, Document
from newsprism.pipeline import clean_text
from newsprism.quotes import extract_quotes

POLNEAR_SPLITS = ("dev", "train")
STORY_SETS = ("multinews_sample", "newswcl50", "allsides_roundups", "ecbplus")


def polnear_articles(split: str) -> list[Article]:
    """A split's articles as benchmarks/polnear.py cleans them: first line the title."""
    articles = []
    for path in sorted((shared_data("polnear") / split / "text").glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        articles.append(clean_document(Document(source=path.stem, content=body, title=title)))
    return articles


def story_articles(name: str) -> list[Article]:
    """A story set's articles, cleaned with the template lines of the whole set."""
    texts = [
        extract_html(item)
        for item in read_path(shared_data("stories") / name / "articles.jsonl")
        if isinstance(item, Document)
    ]
    templates = MemoryTemplates()
    for text in texts:
        templates.observe(template_scope(text), clean_document_id(text), document_edge_keys(text))
    articles = []
    for text in texts:
        try:
            articles.append(clean_text(text, templates.template_keys(template_scope(text))))
        except ExtractionError:  # no text left after cleaning: no article, as in analyze
            continue
    return articles


def cleaned_sets(cache: Path) -> dict[str, list[Article]]:
    if cache.exists():
        with cache.open("rb") as handle:
            return pickle.load(handle)
    sets = {f"polnear-{split}": polnear_articles(split) for split in POLNEAR_SPLITS}
    sets |= {name: story_articles(name) for name in STORY_SETS}
    with cache.open("wb") as handle:
        pickle.dump(sets, handle)
    return sets


QUOTE_FIELDS = (
    "text", "start", "end", "kind", "speaker", "speaker_mention", "speaker_start",
    "speaker_end", "cue", "continues",
)  # fmt: skip


def quote_row(article: Article) -> dict[str, object]:
    quotes = extract_quotes(article)
    return {
        "article": article.id,
        "quotes": [[getattr(q, name) for name in QUOTE_FIELDS] for q in quotes],
    }


def dump(sets: dict[str, list[Article]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for name, articles in sets.items():
            for article in articles:
                row = {"set": name} | quote_row(article)
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def rates(sets: dict[str, list[Article]], runs: int) -> None:
    for name, articles in sets.items():
        timings = {True: [], False: []}
        for _ in range(runs):
            for indirect in (False, True):
                start = time.process_time()
                for article in articles:
                    extract_quotes(article, indirect=indirect)
                timings[indirect].append(time.process_time() - start)
        direct = len(articles) / statistics.median(timings[False])
        everything = len(articles) / statistics.median(timings[True])
        print(
            f"{name:20} {len(articles):5} articles  {direct:6.0f} art/CPU-s direct"
            f"  {everything:6.0f} with indirect",
            flush=True,
        )


def held_articles(sets: dict[str, list[Article]]) -> set[tuple[str, str]]:
    """(set, article id) of every article of a held story."""
    found = set()
    for name in STORY_SETS:
        rows = (
            json.loads(line)
            for line in (shared_data("stories") / name / "articles.jsonl")
            .read_text(encoding="utf-8")
            .splitlines()
            if line.strip()
        )
        cluster_of = {str(row["id"]): str(row.get("cluster")) for row in rows}
        for article in sets.get(name, []):
            record = (article.source or "").rsplit("#", 1)[-1]
            if held(name, cluster_of.get(record, record)):
                found.add((name, article.id))
    return found


def read_dump(path: Path) -> dict[tuple[str, str], list[list[object]]]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {(row["set"], row["article"]): row["quotes"] for row in rows}


def speaker_changes(sets: dict[str, list[Article]], old: Path, new: Path, sample: int) -> None:
    """Print the quotes whose speaker changed, readable ones with their context."""
    before, after = read_dump(old), read_dump(new)
    hidden = held_articles(sets)
    bodies = {(name, a.id): a.body for name, articles in sets.items() for a in articles}
    speaker, mention, mention_start = (
        QUOTE_FIELDS.index(f) for f in ("speaker", "speaker_mention", "speaker_start")
    )
    counts: Counter[str] = Counter()
    shown = []
    for key, quotes in after.items():
        earlier = {(q[1], q[2]): q for q in before.get(key, [])}
        for quote in quotes:
            was = earlier.get((quote[1], quote[2]))
            if was is None or was[speaker] == quote[speaker]:
                continue
            part = (
                "polnear"
                if key[0].startswith("polnear")
                else ("held" if key in hidden else "readable")
            )
            counts[part] += 1
            if part == "readable":
                shown.append((key, was[speaker], quote))
    print(f"speakers changed: {dict(counts)} (held and polnear not shown)")
    random.Random(16).shuffle(shown)
    for (name, article), was, quote in shown[:sample]:
        at = quote[mention_start] if quote[mention_start] is not None else quote[1]
        around = bodies[name, article][max(0, at - 400) : at + 100].replace("\n", " ¶ ")
        print(f"\n{name}/{article} {quote[mention]!r}: {was!r} -> {quote[speaker]!r}")
        print(f"  {around}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--time", type=int, default=0, metavar="RUNS")
    parser.add_argument("--sets", nargs="*", help="only these sets (default: all)")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"))
    parser.add_argument("--sample", type=int, default=30, help="changes to show with --diff")
    args = parser.parse_args()
    sets = cleaned_sets(args.cache)
    if args.diff:
        speaker_changes(sets, *args.diff, args.sample)
        return
    if args.sets:
        sets = {name: sets[name] for name in args.sets}
    if args.out:
        dump(sets, args.out)
    if args.time:
        rates(sets, args.time)


if __name__ == "__main__":
    main()
