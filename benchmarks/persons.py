"""The person table: how speaker names merge into persons, scored and read.

1. Against benchmarks/data/speakers_real/people.jsonl (41 persons with the name variants seen in
   labelled articles, 14 pairs that must not merge): every variant is a speaker name in each
   article it was seen in, the articles grouped by their labelled story, the stories fed one
   after another into one person table (so matching across stories is scored too), with the
   article texts of the shared story sets when present. Pairwise precision and recall of
   merging over (variant, article) uses; must-not-merge violations: the two persons of a pair
   given one key, or their shared surname said alone in a story naming both joined to one.
2. The shared story sets (../shared/data/stories/*/articles.jsonl) through the real pipeline
   into a fresh store, in two runs (all sets but ecbplus, then ecbplus): persons, names
   merged by kind, keys kept between the runs, the time of a run with nothing new, the time
   of the person step alone (linked and from scratch) over the stored stories and over three
   copies of them (about 10k articles), and a fixed-seed sample of merges (names that differ
   from their person's canonical name by more than case, accents and titles) with their
   context, for reading by hand.

    .venv/bin/python benchmarks/persons.py [--sample 20] [--seed 16] [--skip-sets]

Reads ../shared/data (NEWSPRISM_DATA overrides it); part 2, and the texts of part 1, are
skipped with a message when it is absent.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from provenance_generated import DATA, REPO

from newsprism.clean import clean_document
from newsprism.ingest import Metadata, read_path
from newsprism.model import Article, Document, Quote
from newsprism.persons import PersonTable, parse_name
from newsprism.pipeline import process_batch, restory
from newsprism.store import Store, StoreError
from newsprism.text import fold

LABELS = REPO / "benchmarks" / "data" / "speakers_real"
STORIES = DATA / "stories"
FIRST_RUN = ("newswcl50", "multinews_sample", "allsides_roundups")
SECOND_RUN = ("ecbplus",)


@dataclass(frozen=True)
class Use:
    name: str
    article: str  # set/article
    gold: str  # the person of people.jsonl, or a must-not-merge person


# -- part 1: people.jsonl ---------------------------------------------------------------------


def load_people() -> tuple[list[Use], list[dict], dict[str, str]]:
    uses, pairs = [], []
    for line in (LABELS / "people.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("distinct"):
            pairs.append(row)
            continue
        for variant, seen in row["seen_in"].items():
            uses += [Use(variant, article, row["person"]) for article in seen]
    cluster = {}
    for line in (LABELS / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        cluster[f"{row['set']}/{row['article']}"] = f"{row['set']}/{row['cluster']}"
    return uses, pairs, cluster


def pair_uses(pairs: list[dict]) -> list[Use]:
    """Both persons of every must-not-merge pair in each article it was seen in, and their
    shared surname said alone there (it names neither: the story names both)."""
    uses = []
    for number, pair in enumerate(pairs):
        for article in pair["seen_in"]:
            for side, person in enumerate(pair["persons"]):
                uses.append(Use(person, article, f"pair{number}:{side}"))
            shared = parse_name(pair["shared"])
            if shared is not None and shared.single and pair["shared"] not in pair["persons"]:
                uses.append(Use(pair["shared"], article, f"pair{number}:shared"))
    return uses


def shared_articles(ids: set[str]) -> dict[str, Article]:
    """The labelled articles' cleaned text, by set/article id (empty when the data is absent)."""
    found: dict[str, Article] = {}
    for path in sorted(STORIES.glob("*/articles.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            key = f"{path.parent.name}/{record['id']}"
            if key in ids and (record.get("text") or "").strip():
                document = Document(source=key, content=record["text"], title=record.get("title"))
                found[key] = replace(clean_document(document), id=key)
    return found


def assign(uses: list[Use], cluster: dict[str, str], texts: dict[str, Article]) -> dict[Use, str]:
    """Each use's person key, the stories fed one after another into one table."""
    table = PersonTable()
    by_story: dict[str, list[Use]] = defaultdict(list)
    for use in uses:
        by_story[cluster.get(use.article, use.article)].append(use)
    key_of: dict[Use, str] = {}
    for story in sorted(by_story):
        story_uses = list(dict.fromkeys(by_story[story]))
        quotes = [
            Quote(id=f"q{i}-{story}", article=u.article, text="", start=0, end=0, speaker=u.name)
            for i, u in enumerate(story_uses)
        ]
        ids = {u.article for u in story_uses}
        articles = [texts.get(i) or Article(id=i, source=i, title="", paragraphs=[]) for i in ids]
        for use, quote in zip(story_uses, table.unify(articles, quotes), strict=True):
            key_of[use] = quote.speaker_key or ""
    return key_of


def pairwise(uses: list[Use], key_of: dict[Use, str]) -> tuple[int, int, int]:
    same_both = same_key = same_gold = 0
    for a, b in itertools.combinations(uses, 2):
        gold, predicted = a.gold == b.gold, key_of[a] == key_of[b]
        same_both += gold and predicted
        same_key += predicted
        same_gold += gold
    return same_both, same_key, same_gold


def violations(pairs: list[dict], key_of: dict[Use, str]) -> list[str]:
    found = []
    for number, pair in enumerate(pairs):
        keys: dict[str, set[str]] = defaultdict(set)
        for use, key in key_of.items():
            if use.gold.startswith(f"pair{number}:"):
                keys[use.gold.rsplit(":", 1)[1]].add(key)
        first, second, shared = keys["0"], keys["1"], keys.get("shared", set())
        if first & second:
            found.append(f"{' / '.join(pair['persons'])}: one key {sorted(first & second)}")
        if shared & (first | second):
            found.append(f"{pair['shared']!r} alone joined to {sorted(shared & (first | second))}")
    return found


def score_people() -> None:
    uses, pairs, cluster = load_people()
    texts = shared_articles({u.article for u in uses} | {a for p in pairs for a in p["seen_in"]})
    print(f"people.jsonl: {len(uses)} uses of {len({u.name for u in uses})} names, "
          f"{len({u.gold for u in uses})} persons; article texts: {len(texts)}")  # fmt: skip
    key_of = assign(uses + pair_uses(pairs), cluster, texts)
    both, predicted, gold = pairwise(uses, key_of)
    precision, recall = both / max(predicted, 1), both / max(gold, 1)
    names_merged = sum(
        len({u.name for u in uses if key_of[u] == key}) - 1 for key in set(key_of.values())
    )
    print(f"  names merged into another's person: {names_merged}")
    print(f"  pairwise merging: precision {precision:.3f}, recall {recall:.3f} "
          f"({both} of {predicted} merged pairs right, {both} of {gold} gold pairs)")  # fmt: skip
    found = violations(pairs, key_of)
    print(f"  must-not-merge violations: {len(found)} of {len(pairs)} pairs")
    for line in found:
        print(f"    {line}")
    split = defaultdict(set)
    for use in uses:
        split[use.gold].add(key_of[use])
    print("  persons left in more than one key (name: keys):")
    for person, keys in sorted(split.items()):
        if len(keys) > 1:
            names = {k: sorted({u.name for u in uses if key_of[u] == k and u.gold == person})
                     for k in sorted(keys)}  # fmt: skip
            print(f"    {person}: {names}")


# -- part 2: the shared story sets ------------------------------------------------------------


def ingest(store: Store, sets: tuple[str, ...]) -> int:
    added = 0
    for name in sets:
        errors: list = []
        items = process_batch(
            read_path(STORIES / name / "articles.jsonl", Metadata()), errors.append
        )
        for item in items:
            try:
                store.save_article(item.document.source, item.document.content_hash,
                                   item.article, item.quotes, item.text)  # fmt: skip
                added += 1
            except StoreError as error:  # an article whose text another record repeats
                errors.append(error)
        print(f"  {name}: {added} articles stored, {len(errors)} not", file=sys.stderr)
    return added


def merge_kind(name: str, canonical: str) -> str:
    a, b = parse_name(name), parse_name(canonical)
    if a is None or b is None or fold(a.shown) == fold(b.shown) or a.compact == b.compact:
        return "spelling or title"
    if a.single:
        return "name alone"
    if a.suffix != b.suffix:
        return "suffix"
    if a.first != b.first and a.first not in b.given and b.first not in a.given:
        return "nickname"
    return "middle name or initial"


def read_sets(sample: int, seed: int) -> None:
    if not STORIES.is_dir():
        print(f"\nshared story sets: skipped (no data at {STORIES})")
        return
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "sets.db") as store:
        ingest(store, FIRST_RUN)
        restory(store)
        before = dict(store.conn.execute("SELECT quote_id, person_key FROM quote_persons"))
        ingest(store, SECOND_RUN)
        start = time.perf_counter()
        analysis = restory(store)
        second = time.perf_counter() - start
        start = time.perf_counter()
        restory(store)
        again = time.perf_counter() - start
        after = dict(store.conn.execute("SELECT quote_id, person_key FROM quote_persons"))
        moved = [q for q, key in before.items() if after.get(q) != key]
        written = [i for story in analysis.stories for i in story.articles]
        report_sets(store, store.articles(written), sample, seed)
        print(f"  keys kept by run 2 (ecbplus added): {len(before) - len(moved)} of {len(before)}"
              f" quotes of run 1 keep their person ({len(moved)} moved)")  # fmt: skip
        print(f"  run 2 (stories + persons + compare): {second:.1f} s; "
              f"a run with nothing new: {again:.1f} s")  # fmt: skip
        time_person_step(store)


def time_person_step(store: Store, copies: int = 3) -> None:
    """The person step alone over the stored stories, and over `copies` copies of them (ids
    renamed; about 10k articles from the shared sets), linked and from scratch."""
    articles, quotes, stories = store.articles(), store.quotes(), store.stories()
    for count in (1, copies):
        arts, by_article, story_members = _copied(articles, quotes, stories, count)
        scratch = PersonTable()
        elapsed = {"from scratch (a first run, --rebuild)": _unify_all(scratch, story_members,
                                                                       by_article)}  # fmt: skip
        linked = PersonTable(scratch.persons.values(), scratch.links)
        elapsed["linked (a run with nothing new)"] = _unify_all(linked, story_members, by_article)
        total = sum(map(len, by_article.values()))
        for label, seconds in elapsed.items():
            print(f"  person step alone over {len(arts)} articles, {total} quotes, "
                  f"{label}: {seconds * 1000:.0f} ms")  # fmt: skip


def _copied(articles: list[Article], quotes: list[Quote], stories: list, count: int) -> tuple:
    by_id = {a.id: a for a in articles}
    arts, by_article, story_members = [], defaultdict(list), []
    for copy in range(count):
        rename = (lambda i: i) if copy == 0 else (lambda i, c=copy: f"{i}~{c}")
        arts += [replace(a, id=rename(a.id)) for a in articles]
        for quote in quotes:
            moved = replace(quote, id=rename(quote.id), article=rename(quote.article))
            by_article[moved.article].append(moved)
        for story in stories:
            story_members.append([replace(by_id[i], id=rename(i)) for i in story.articles])
    return arts, by_article, story_members


def _unify_all(table: PersonTable, stories: list[list[Article]], by_article: dict) -> float:
    start = time.perf_counter()
    for members in stories:
        table.unify(members, [q for a in members for q in by_article[a.id]])
    return time.perf_counter() - start


def report_sets(store: Store, articles: list[Article], sample: int, seed: int) -> None:
    persons = store.persons()
    rows = store.conn.execute(
        "SELECT l.person_key, l.name, p.name AS canonical, q.article, q.speaker_mention"
        " FROM quote_persons l JOIN persons p ON p.key = l.person_key"
        " JOIN quotes q ON q.id = l.quote_id"
    ).fetchall()
    names = {(r["person_key"], r["name"], r["canonical"]) for r in rows}
    kinds = Counter(
        merge_kind(name, canonical) for _, name, canonical in names if name != canonical
    )
    print(f"\nshared story sets ({len(articles)} articles): {len(persons)} persons from "
          f"{len({r['name'] for r in rows})} speaker names over {len(rows)} quotes")  # fmt: skip
    print(f"  names merged into a person of another name: {sum(kinds.values())}")
    for kind, count in kinds.most_common():
        print(f"    {kind}: {count}")
    kept = {k: v for k, v in Counter(p["kind"] for p in persons).items()}
    print(f"  persons by kind: {kept}")
    show_sample(store, rows, articles, sample, seed)


def show_sample(store: Store, rows: list, articles: list[Article], sample: int, seed: int) -> None:
    merges: dict[tuple[str, str], list] = defaultdict(list)
    for row in rows:
        if merge_kind(row["name"], row["canonical"]) != "spelling or title":
            merges[(row["person_key"], row["name"])].append(row)
    chosen = random.Random(seed).sample(sorted(merges), min(sample, len(merges)))
    body = {a.id: a for a in articles}
    story_of = {a: s.id for s in store.stories() for a in s.articles}
    print(f"\n  {len(chosen)} merges of {len(merges)} (seed {seed}), to read:")
    for number, (key, name) in enumerate(chosen, 1):
        row = merges[(key, name)][0]
        article = body[row["article"]]
        others = store.person(key)
        print(
            f"  {number:2}. {name!r} -> {row['canonical']!r} [{key}] "
            f"({merge_kind(name, row['canonical'])}); mention {row['speaker_mention']!r}"
        )
        print(f"      names of the person: {[v['name'] for v in others['variants']]}")
        print(f"      article {article.id} ({article.outlet}), story {story_of.get(article.id)}:"
              f" {article.title[:90]!r}")  # fmt: skip
        surname = (parse_name(name) or parse_name(row["canonical"])).surname.split()[-1]
        story = [a for a in articles if story_of.get(a.id) == story_of.get(article.id)]
        print(f"      full names with {surname!r} in the story: {full_names(story, surname)}")


def full_names(articles: list[Article], surname: str) -> list[str]:
    from newsprism.names import person_mentions

    found = Counter()
    for article in articles:
        for mention in person_mentions(f"{article.title}\n{article.body}"):
            name = parse_name(mention.text)
            if (
                name is not None
                and name.given
                and surname in (name.surname.split()[-1], name.first)
            ):
                found[name.shown] += 1
    return [f"{n} ({c})" for n, c in found.most_common(6)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--skip-sets", action="store_true", help="people.jsonl only")
    args = parser.parse_args()
    if not (LABELS / "people.jsonl").exists():
        sys.exit(f"no labels at {LABELS}")
    score_people()
    if not args.skip_sets:
        read_sets(args.sample, args.seed)


if __name__ == "__main__":
    main()
