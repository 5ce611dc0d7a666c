"""Facts that differ between outlets: what newsprism finds on the shared story sets, its
precision against hand-read verdicts, and its recall on differences planted in real articles.

Found: every gold story (the sets' `cluster`) of the shared sets is processed as `newsprism
analyze` would (process_batch, then analyse_stories on the story), and each discrepancy is
printed with its clauses. `--write-found FILE` keeps them as JSON lines for reading.

Precision: benchmarks/data/discrepancies/verdicts.jsonl holds a verdict for each discrepancy
read by hand (`right`: the articles state one thing with different values; `wrong`: two
different things, or values that agree; `doubtful`), keyed by the discrepancy's set, cluster
and value texts. A story is held when int(sha1("SET/CLUSTER"), 16) % 3 == 0: its verdicts were
never looked at while tuning. Findings with no verdict are counted, not scored.

Recall: real cross-outlet clause pairs of the story sets that state the same value about one
thing (found by newsprism's own clause alignment) get a planted difference in one article's
copy: a number changed, a date moved, a place or a person's name swapped for another from the
same set. Recall is the share of plants found with the planted span among the values; the kind
found is tallied. Speed: the largest story (or 20 articles of it), compare alone, median.

    .venv/bin/python benchmarks/discrepancies.py [--sets S ...] [--list N] [--write-found F]
        [--planted 60] [--show-held]

Reads ../shared/data (NEWSPRISM_DATA overrides it) and skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from provenance import Corpus, compare, gold_stories, read_corpus
from shared_data import shared_data

from newsprism.compare.discrepancies import REPORTED_KIND, find_discrepancies
from newsprism.compare.facts import Fact, clauses_of
from newsprism.model import Article, Discrepancy, Story
from newsprism.pipeline import analyse_stories, one_story

REPO = Path(__file__).resolve().parents[1]
VERDICTS = REPO / "benchmarks" / "data" / "discrepancies"
SETS = ("allsides_roundups", "ecbplus", "multinews_sample", "newswcl50")
CONTEXT = 110
PLANTED_KINDS = ("number", "date", "place", "person")


@dataclass
class Found:
    set: str
    cluster: str
    discrepancy: Discrepancy
    articles: dict[str, Article]

    @property
    def story(self) -> str:
        return f"{self.set}/{self.cluster}"

    @property
    def key(self) -> str:
        """Set, cluster, kind and the first two values (the pair that was found first; more
        values join it when other articles give them)."""
        values = sorted(
            f"{self.articles[v.article].source.rsplit('#', 1)[-1]}:{v.text}"
            for v in self.discrepancy.values[:2]
        )
        return f"{self.story}|{self.discrepancy.kind}|{'|'.join(values)}"

    @property
    def held(self) -> bool:
        return held_story(self.story)

    def shown(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.discrepancy.kind,
            "about": self.discrepancy.about,
            "values": [
                {
                    "article": self.articles[v.article].source.rsplit("#", 1)[-1],
                    "outlet": self.articles[v.article].outlet,
                    "published": self.articles[v.article].published,
                    "text": v.text,
                    "context": in_context(self.articles[v.article].body, v.start, v.end),
                }
                for v in self.discrepancy.values
            ],
        }


def held_story(story: str) -> bool:
    return int(hashlib.sha1(story.encode()).hexdigest(), 16) % 3 == 0


def in_context(body: str, start: int, end: int) -> str:
    left = body[max(0, start - CONTEXT) : start].replace("\n", " ")
    right = body[end : end + CONTEXT].replace("\n", " ")
    return f"…{left}[[{body[start:end]}]]{right}…"


def story_sets(corpus: Corpus, names: list[str]) -> list[tuple[str, str, Story]]:
    clusters = {(r.set, r.cluster) for r in corpus.records.values() if r.set in names}
    stories = gold_stories(corpus, clusters)
    keys = []
    for story in stories:
        record = corpus.record_of[story.articles[0]]
        keys.append((record.set, record.cluster, story))
    return keys


def found_in(corpus: Corpus, names: list[str]) -> tuple[list[Found], list[float]]:
    by_id = {a.id: a for a in corpus.articles}
    found, seconds = [], []
    for name, cluster, story in story_sets(corpus, names):
        if len(story.articles) < 2:
            continue
        started = time.perf_counter()
        compare(corpus, [story])
        seconds.append(time.perf_counter() - started)
        members = {i: by_id[i] for i in story.articles}
        found.extend(Found(name, cluster, d, members) for d in story.discrepancies)
    return found, seconds


def read_verdicts() -> dict[str, dict[str, Any]]:
    verdicts = {}
    for path in sorted(VERDICTS.glob("verdicts*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                verdicts[row["key"]] = row
                # Ages are reported as numbers and parties as roles since the verdicts were read.
                for old, new in REPORTED_KIND.items():
                    verdicts.setdefault(row["key"].replace(f"|{old}|", f"|{new}|"), row)
    return verdicts


def precision(found: list[Found], verdicts: dict[str, dict[str, Any]]) -> None:
    print("\nPrecision against hand-read verdicts (doubtful ones left out)")
    for part, wanted in (("HELD", True), ("TUNE", False), ("ALL", None)):
        rows = [
            verdicts[f.key]
            for f in found
            if f.key in verdicts and (wanted is None or f.held == wanted)
        ]
        judged = [r for r in rows if r["verdict"] in ("right", "wrong")]
        right = sum(r["verdict"] == "right" for r in judged)
        share = right / len(judged) if judged else float("nan")
        doubtful = sum(r["verdict"] == "doubtful" for r in rows)
        print(f"  {part:5s} {right}/{len(judged)} right = {share:.3f}   ({doubtful} doubtful)")
    unread = sum(f.key not in verdicts for f in found)
    stale = len(set(verdicts) - {f.key for f in found})
    print(f"  found without a verdict: {unread}; verdicts on no longer found: {stale}")


# ---------------------------------------------------------------------------------------------
# Planted differences


@dataclass
class Plant:
    story: str
    kind: str
    original: Article
    changed: Article
    other: Article
    start: int
    end: int
    old: str
    new: str


def plants(corpus: Corpus, names: list[str], wanted: int, seed: int) -> list[Plant]:
    """Agreeing values of two real articles (newsprism's aligned clauses); one copy changed."""
    rng = random.Random(seed)
    by_id = {a.id: a for a in corpus.articles}
    places = _places(corpus)
    candidates = []
    for name, cluster, story in story_sets(corpus, names):
        members = [by_id[i] for i in story.articles]
        for first, second in itertools.pairwise(members):
            candidates.extend(_agreements(f"{name}/{cluster}", first, second))
    rng.shuffle(candidates)
    chosen: list[Plant] = []
    per_kind: Counter[str] = Counter()
    for story, kind, article, other, start, end in candidates:
        if per_kind[kind] >= max(8, wanted // 4) or len(chosen) >= wanted:
            continue
        new = _changed_value(kind, article.body[start:end], rng, places)
        if new is None or new in article.body:
            continue
        # An outlet with another figure prints it wherever it gives the figure.
        body = re.sub(rf"(?<!\w){re.escape(article.body[start:end])}(?!\w)", new, article.body)
        changed = replace(article, id=article.id + "-planted", paragraphs=body.split("\n"))
        chosen.append(
            Plant(story, kind, article, changed, other, start, end, article.body[start:end], new)
        )
        per_kind[kind] += 1
    return chosen


def copy_plants(corpus: Corpus, wanted: int, seed: int) -> list[Plant]:
    """One value of a real article changed in a trimmed copy of it (every third paragraph
    left out, but the changed one), as an outlet reprinting wire copy with another figure."""
    rng = random.Random(seed)
    places = _places(corpus)
    articles = sorted(corpus.articles, key=lambda a: a.id)
    rng.shuffle(articles)
    chosen: list[Plant] = []
    per_kind: Counter[str] = Counter()
    for article in articles:
        facts = [
            f
            for c in clauses_of(article.id, article.body, None)
            for f in c.facts
            if f.kind in PLANTED_KINDS and not _qualified(f)
        ]
        if not facts or len(chosen) >= wanted:
            continue
        fact = rng.choice(facts)
        if per_kind[fact.kind] >= wanted // len(PLANTED_KINDS):
            continue
        new = _changed_value(fact.kind, fact.text, rng, places)
        if new is None or new in article.body:
            continue  # a value the article has already would be no difference
        body = re.sub(rf"(?<!\w){re.escape(fact.text)}(?!\w)", new, article.body)
        kept = [p for n, p in enumerate(body.split("\n")) if n % 3 != 2 or new in p]
        changed = replace(article, id=article.id + "-copy", paragraphs=kept)
        chosen.append(
            Plant("", fact.kind, article, changed, article, fact.start, fact.end, fact.text, new)
        )
        per_kind[fact.kind] += 1
    return chosen


def _qualified(fact: Fact) -> bool:
    """'about 300', 'more than 75': a changed figure may still agree."""
    return bool(fact.bounds) and fact.bounds[1] - fact.bounds[0] > 1


def _places(corpus: Corpus) -> list[str]:
    return sorted(
        {
            f.text
            for a in corpus.articles
            for c in clauses_of(a.id, a.body, None)
            for f in c.facts
            if f.kind == "place" and f.text[0].isupper()
        }
    )


def _agreements(story: str, first: Article, second: Article) -> list[tuple]:
    """Values two articles state alike in clauses newsprism aligns (the anchor left out)."""
    from newsprism.compare.discrepancies import _aligned

    clauses_a = clauses_of(first.id, first.body, None)
    clauses_b = clauses_of(second.id, second.body, None)
    found = []
    for alignment in _aligned(clauses_a, clauses_b):
        a, b, anchor = alignment.first, alignment.second, alignment.anchor
        for fact in a.facts:
            if anchor is not None and (fact.kind, fact.what) == (anchor.kind, anchor.what):
                continue
            if _qualified(fact):
                continue
            if any(
                (f.kind, f.value, f.what) == (fact.kind, fact.value, fact.what) for f in b.facts
            ):
                found.append((story, fact.kind, first, second, fact.start, fact.end))
    return found


def _changed_value(kind: str, text: str, rng: random.Random, places: list[str]) -> str | None:
    numbers = list(re.finditer(r"\d+", text))
    if kind in ("number", "age", "score", "time") and numbers:
        match = rng.choice(numbers)
        value = int(match.group()) + rng.randint(1, 9) * (1 if kind != "time" else 0) or 1
        if kind == "time":
            value = (int(match.group()) % 12) + 1
        return text[: match.start()] + str(value) + text[match.end() :]
    if kind == "date":
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            if day in text:
                return text.replace(day, "Friday" if day != "Friday" else "Monday")
        if numbers:
            match = numbers[-1]
            day = int(match.group())
            shifted = (day + 3 - 1) % 28 + 1 if len(match.group()) < 4 else day - 2
            return text[: match.start()] + str(shifted) + text[match.end() :]
        return None
    if kind == "place" and text[0].isupper():
        return rng.choice([p for p in places if p != text])
    if kind == "person":
        return rng.choice(["Maria Lopez", "James Whitaker", "Ana Ferreira", "Daniel Okafor"])
    return None


def _overlap(found: str, planted: str) -> bool:
    return bool(found) and (found in planted or planted in found)


def planted_recall(corpus: Corpus, names: list[str], wanted: int, seed: int) -> None:
    for title, chosen in (
        ("in trimmed copies of real articles", copy_plants(corpus, wanted, seed)),
        (
            "in one of two outlets' real articles that agreed on the value",
            plants(corpus, names, wanted, seed),
        ),
    ):
        print(f"\nRecall on {len(chosen)} planted differences {title}")
        _recall(chosen)


def _recall(chosen: list[Plant]) -> None:
    found_by_kind: Counter[str] = Counter()
    total_by_kind: Counter[str] = Counter()
    kinds_found: Counter[tuple[str, str]] = Counter()
    for plant in chosen:
        total_by_kind[plant.kind] += 1
        found = find_discrepancies([plant.changed, plant.other], {})
        hits = [
            d
            for d in found
            if any(v.article == plant.changed.id and _overlap(v.text, plant.new) for v in d.values)
        ]
        if hits:
            found_by_kind[plant.kind] += 1
            kinds_found[(plant.kind, hits[0].kind)] += 1
    total = sum(total_by_kind.values())
    print(
        f"  ALL   {sum(found_by_kind.values())}/{total} = "
        f"{sum(found_by_kind.values()) / max(1, total):.3f}"
    )
    for kind in sorted(total_by_kind):
        as_kinds = ", ".join(f"{k} {n}" for (p, k), n in kinds_found.items() if p == kind)
        print(f"  {kind:7s} {found_by_kind[kind]}/{total_by_kind[kind]}  found as: {as_kinds}")


def twenty_articles(corpus: Corpus, names: list[str]) -> None:
    """Seconds to compare a story of 20 articles (the gold story of the most words, topped up
    from the next), statements and discrepancies both, median of five runs on one core."""
    by_id = {a.id: a for a in corpus.articles}
    stories = sorted(
        story_sets(corpus, names),
        key=lambda s: -sum(len(by_id[i].body.split()) for i in s[2].articles),
    )
    ids = [i for _, _, story in stories for i in story.articles][:20]
    members = [by_id[i] for i in ids]
    quotes = [q for q in corpus.quotes if q.article in set(ids)]
    found = 0
    runs = []
    for _ in range(5):
        story = one_story(members)
        started = time.process_time()
        analyse_stories(members, quotes, story)
        runs.append(time.process_time() - started)
        found = len(story[0].discrepancies)
    words = sum(len(a.body.split()) for a in members)
    print(f"A story of {len(members)} articles ({words} words, {len(quotes)} quotes): compared in "
          f"{statistics.median(runs):.3f} CPU-s (median of 5), {found} discrepancies")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    parser.add_argument("--list", type=int, default=0, help="print N findings (TUNE stories)")
    parser.add_argument("--show-held", action="store_true", help="list held findings too")
    parser.add_argument("--write-found", type=Path)
    parser.add_argument("--planted", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not shared_data("stories").is_dir():
        print("skipped: ../shared/data/stories is absent (set NEWSPRISM_DATA)")
        return 0
    corpus = read_corpus(dict.fromkeys(args.sets))
    found, seconds = found_in(corpus, args.sets)
    per_set = Counter(f.set for f in found)
    per_kind = Counter(f.discrepancy.kind for f in found)
    stories = len({f.story for f in found})
    print(
        f"Found {len(found)} discrepancies in {stories} stories: "
        + ", ".join(f"{k} {n}" for k, n in per_set.most_common())
    )
    print("  by kind: " + ", ".join(f"{k} {n}" for k, n in per_kind.most_common()))
    if args.write_found:
        with args.write_found.open("w", encoding="utf-8") as out:
            for f in found:
                if args.show_held or not f.held:
                    out.write(json.dumps(f.shown(), ensure_ascii=False) + "\n")
    for f in [f for f in found if args.show_held or not f.held][: args.list]:
        print(json.dumps(f.shown(), ensure_ascii=False, indent=1))
    precision(found, read_verdicts())
    if args.planted:
        planted_recall(corpus, args.sets, args.planted, args.seed)
    print(
        f"\nCompare per story (with discrepancies): median {statistics.median(seconds):.3f} s, "
        f"max {max(seconds):.3f} s over {len(seconds)} stories"
    )
    twenty_articles(corpus, args.sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
