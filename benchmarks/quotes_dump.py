"""Every quote extract_quotes finds, with its speaker, on PolNeAR and the shared story sets:
to check that a change meant to be fast only is, by diffing two dumps; and its speed.

The articles are cleaned once (as `analyze` cleans them: an outlet's template lines learned
from the whole set first) and kept in --cache, so a dump or a timing reads the same cleaned
articles whichever code runs quote extraction. Each output line is one article's quotes as
JSON: text, offsets, kind, speaker, mention and its offsets, cue, the quote it carries on.
--time N times extract_quotes (CPU time, time.process_time) over each set N times and prints
the median articles a CPU-second instead.

    .venv/bin/python benchmarks/quotes_dump.py --cache /tmp/articles.pickle --out dump.jsonl
    .venv/bin/python benchmarks/quotes_dump.py --cache /tmp/articles.pickle --time 5
    diff old.jsonl new.jsonl
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import time
from pathlib import Path

from shared_data import shared_data

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--time", type=int, default=0, metavar="RUNS")
    parser.add_argument("--sets", nargs="*", help="only these sets (default: all)")
    args = parser.parse_args()
    sets = cleaned_sets(args.cache)
    if args.sets:
        sets = {name: sets[name] for name in args.sets}
    if args.out:
        dump(sets, args.out)
    if args.time:
        rates(sets, args.time)


if __name__ == "__main__":
    main()
