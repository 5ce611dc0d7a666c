"""Quote provenance on real news: hand-labelled pairs and unsourced quotes, then generated cases.

The real set is benchmarks/data/provenance_real/pairs_*.jsonl (a reported quote, the source it
was labelled against, the label) and unsourced_*.jsonl (quotes no other article of the story
carries), read by hand from ../shared/data/stories and the seeds. The real pipeline runs on the
articles with no gold quote spans given: read_path -> process_batch -> stories -> compare.
Each labelled quote is mapped to the pipeline's compared quote of its article that shares the
most normalised words with it (at least half of the labelled quote's words, else it counts as
"quote not found", a wrong answer); the prediction is that quote's match label. A labelled
text over several paragraphs is mapped to the chain of quotes the pipeline reads over them
(`continues`), and predicted by the most serious label among its matched pieces.

Stories: `--stories gold` (default) takes the labelled `cluster` of each item as its story and
processes only those clusters; `--stories real` groups every article of the sets involved,
pooled, with newsprism's own grouping (group_stories), and compares each story it finds.

Whole stories are held out: an item is held when int(sha1("SET/CLUSTER"), 16) % 3 == 0. The
first round of labels (files without `round2` in their name) had its held part read after the
first tuning round, so it is printed apart as HELD-R1 and tuned on since; HELD is the held part
of the second round (new stories, labelled later, never read while tuning) with the whole
third round, TUNE the rest. The fourth round (files with `round4` in their name: stories nobody
had labelled) is split by the same story hash: its held stories are printed apart as HELD-R4
(never read), the rest as TUNE-R4, a readable part of its own. TUNE is saturated (its stories
have been tuned on for rounds), so new stories read by nobody while tuning are the only place
left to study why a rule that holds there fails on unseen stories; TUNE-R4 is that place, and
HELD-R4 checks that what is learned there carries over. The fifth round (files with `round5` in
their name: stories nobody had labelled before it) is held whole, printed as HELD-R5 after
HELD-R4, in no other part but ALL, and never listed by `--errors` (not even with
`--show-held`): it measures newsprism on unseen stories and nobody tunes on it. Figures are
printed for HELD, HELD-R4, HELD-R5, TUNE-R4, HELD-R1, TUNE and ALL, each with the step that
lost its pairs left unsourced (counts only, so a held part's gap is known by its causes
without reading its items); `--errors N` lists wrong
TUNE, TUNE-R4 and HELD-R1 items (HELD and HELD-R4 ones only with `--show-held`: tuning must not
look at them).
The generated set (provenance_generated.py: PolNeAR quotes with known edits) follows unless
`--no-generated`.

    .venv/bin/python benchmarks/provenance.py [--stories gold|real] [--errors N] [--show-held]
        [--exclude-doubtful] [--no-generated] [--per-kind 25]

Reads ../shared/data (NEWSPRISM_DATA overrides it) and skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance_generated import (
    DATA,
    FAITHFUL,
    FLAGS,
    NOT_FOUND,
    REPO,
    LabelScore,
    best_quote,
    label_scores,
    print_label_table,
    run_generated,
    share,
    shared_words,
)

from newsprism.compare.align import align, align_short
from newsprism.compare.provenance import QUOTED
from newsprism.compare.statements import Version, carries, occurrences_of
from newsprism.ingest import InputError, read_path
from newsprism.model import LABEL_SEVERITY, Article, Document, Quote, QuoteMatch, Story
from newsprism.pipeline import analyse_stories, one_story, process_batch, quotes_by_article
from newsprism.stories import group_stories
from newsprism.text import fold, word_tokens

LABELLED = REPO / "benchmarks" / "data" / "provenance_real"
STORIES = DATA / "stories"
SEEDS = REPO / "examples" / "seeds"
SEEDS_SET = "seeds"
COMPARED_KINDS = ("direct", "transcript")

# ---------------------------------------------------------------------------------------------
# The labelled items


@dataclass
class Item:
    id: str
    set: str
    cluster: str
    reported: dict[str, Any]
    source: dict[str, Any] | None
    label: str
    labels: list[str]
    doubtful: bool
    reason: str
    file: str

    @property
    def story(self) -> str:
        return f"{self.set}/{self.cluster}"

    @property
    def held(self) -> bool:
        """In the held-aside part of the second round of labels, or in the third round (both
        never read while tuning)."""
        return (self.held_story and "round2" in self.file) or "round3" in self.file

    @property
    def round4(self) -> bool:
        return "round4" in self.file

    @property
    def held_round4(self) -> bool:
        """In the held stories of the fourth round of labels (never read)."""
        return self.round4 and self.held_story

    @property
    def tune_round4(self) -> bool:
        """In the other stories of the fourth round: new stories, read while tuning."""
        return self.round4 and not self.held_story

    @property
    def round5(self) -> bool:
        """In the fifth round of labels: held whole (HELD-R5), never read, never listed."""
        return "round5" in self.file

    @property
    def held_story(self) -> bool:
        return int(hashlib.sha1(self.story.encode()).hexdigest(), 16) % 3 == 0

    @property
    def is_pair(self) -> bool:
        return self.source is not None


def load_items(folder: Path) -> tuple[list[Item], list[str]]:
    """Every labelled item, and what could not be read."""
    items, problems = [], []
    paths = sorted(folder.glob("pairs_*.jsonl")) + sorted(folder.glob("unsourced_*.jsonl"))
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                record = json.loads(line)
                items.append(
                    Item(
                        id=str(record.get("id") or where),
                        set=str(record["set"]),
                        cluster=str(record["cluster"]),
                        reported=record["reported"],
                        source=record.get("source"),
                        label=record["label"],
                        labels=list(record.get("labels") or [record["label"]]),
                        doubtful=bool(record.get("doubtful")),
                        reason=record.get("reason") or "",
                        file=where,
                    )
                )
            except (ValueError, KeyError, TypeError) as error:
                problems.append(f"{where}: cannot read ({type(error).__name__}: {error})")
    return items, problems


# ---------------------------------------------------------------------------------------------
# The articles, as the pipeline reads them


@dataclass
class Record:
    set: str
    id: str
    cluster: str
    text: str  # title and text as stored, for checking the labelled words


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    records: dict[tuple[str, str], Record] = field(default_factory=dict)
    article_of: dict[tuple[str, str], Article] = field(default_factory=dict)
    record_of: dict[str, Record] = field(default_factory=dict)  # by pipeline article id
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0


def set_records(name: str) -> list[Record]:
    if name == SEEDS_SET:
        return [
            Record(name, path.stem, SEEDS_SET, path.read_text(encoding="utf-8"))
            for path in sorted(SEEDS.glob("*.txt"))
        ]
    path = STORIES / name / "articles.jsonl"
    if not path.is_file():
        return []
    records = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        text = f"{row.get('title') or ''}\n{row.get('text') or ''}"
        records.append(Record(name, str(row["id"]), str(row["cluster"]), text))
    return records


def set_documents(name: str) -> Iterable[Document | InputError]:
    if name == SEEDS_SET:
        for path in sorted(SEEDS.glob("*.txt")):
            yield from read_path(path)
    else:
        yield from read_path(STORIES / name / "articles.jsonl")


def record_id(name: str, source: str) -> str:
    return Path(source).stem if name == SEEDS_SET else source.rsplit("#", 1)[-1]


def in_clusters(
    document: Document | InputError,
    records: dict[str, Record],
    clusters: set[str] | None,
    name: str,
) -> bool:
    if isinstance(document, InputError) or clusters is None:
        return True
    record = records.get(record_id(name, document.source))
    return record is not None and record.cluster in clusters


def read_corpus(wanted: dict[str, set[str] | None]) -> Corpus:
    """The articles of each set (only the given clusters, or all when None), processed with
    process_batch one set at a time, as `newsprism analyze SET_FILE` would."""
    corpus = Corpus()
    started = time.perf_counter()
    for name, clusters in sorted(wanted.items()):
        records = {r.id: r for r in set_records(name)}
        corpus.records |= {(name, r.id): r for r in records.values()}
        documents = [d for d in set_documents(name) if in_clusters(d, records, clusters, name)]
        for processed in process_batch(documents, corpus.errors.append):
            record = records.get(record_id(name, processed.article.source))
            if record is None:
                continue
            corpus.articles.append(processed.article)
            corpus.quotes.extend(processed.quotes)
            corpus.article_of[(name, record.id)] = processed.article
            corpus.record_of[processed.article.id] = record
    corpus.seconds = time.perf_counter() - started
    return corpus


# ---------------------------------------------------------------------------------------------
# Stories and comparison


@dataclass
class Compared:
    stories: list[Story]
    matches: dict[str, QuoteMatch]
    quotes: dict[str, list[Quote]]  # by article id, speakers unified within each story
    story_of: dict[str, str]  # article id -> story id
    seconds: list[float]  # one a story
    grouping_seconds: float = 0.0


def gold_stories(corpus: Corpus, clusters: set[tuple[str, str]]) -> list[Story]:
    members: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in corpus.articles:
        record = corpus.record_of[article.id]
        members[(record.set, record.cluster)].append(article)
    return [story for key in sorted(clusters) for story in one_story(members.get(key, []))]


def compare(corpus: Corpus, stories: list[Story]) -> Compared:
    by_id = {a.id: a for a in corpus.articles}
    by_article = quotes_by_article(corpus.quotes)
    compared = Compared(stories, {}, {}, {}, [])
    for story in stories:
        members = [by_id[i] for i in story.articles]
        quotes = [q for a in members for q in by_article.get(a.id, [])]
        started = time.perf_counter()
        analysis = analyse_stories(members, quotes, [story])
        compared.seconds.append(time.perf_counter() - started)
        compared.matches |= {m.quote: m for m in story.matches}
        for quote in analysis.quotes:
            compared.quotes.setdefault(quote.article, []).append(quote)
        compared.story_of |= dict.fromkeys(story.articles, story.id)
    return compared


# ---------------------------------------------------------------------------------------------
# Predictions


@dataclass
class Prediction:
    item: Item
    label: str
    quote: Quote | None = None
    match: QuoteMatch | None = None
    source_article: str | None = None  # the record id the match's source is in
    why: str = ""  # for a quote not found
    lost: str = ""  # for a pair left unsourced: the step of the comparison that lost it

    @property
    def right(self) -> bool:
        return self.label == self.item.label


def predict(item: Item, corpus: Corpus, compared: Compared) -> Prediction:
    article = corpus.article_of.get((item.set, str(item.reported.get("article"))))
    if article is None:
        return Prediction(item, NOT_FOUND, why="article not read")
    text = item.reported.get("text") or ""
    needed = math.ceil(len(word_tokens(text)) / 2)
    quotes = compared.quotes.get(article.id, [])
    candidates = [q for q in quotes if q.id in compared.matches]
    if over_paragraphs(text):  # a quote the pipeline reads as a chain, one piece a paragraph
        quote, shared = best_chain(text, candidates, compared)
        if quote is None or shared < needed:
            quote, shared = best_quote(text, candidates)
    else:
        quote, shared = best_quote(text, candidates)
        if quote is None or shared < needed or shared == 0:
            quote, shared = best_chain(text, candidates, compared)
    if quote is None or shared < needed or shared == 0:
        other, other_shared = best_quote(text, [q for q in quotes if q.id not in compared.matches])
        why = "no quote has half its words"
        if other is not None and other_shared >= needed:
            why = f"read as {other.kind}, not compared"
        return Prediction(item, NOT_FOUND, why=why)
    match = compared.matches[quote.id]
    if match.label == "source" and item.source:
        quote, match = read_the_other_way(item, corpus, compared, quote, match)
    source = corpus.record_of.get(match.source_article or "")
    prediction = Prediction(item, match.label, quote, match, source.id if source else None)
    if match.label == "unsourced" and item.source:
        prediction.lost = where_lost(item, quote, corpus, compared)
    return prediction


def where_lost(item: Item, quote: Quote, corpus: Corpus, compared: Compared) -> str:
    """The step that lost a pair the pipeline left unsourced (counted for every part, held
    ones too, so the held gap is known by its causes without reading its items): the
    source's words not read as a compared quote; no anchor shared (neither quote aligns
    with the other's article); aligned too thinly to link; or linked, yet not grouped."""
    source_article = corpus.article_of.get((item.set, str(item.source["article"])))  # type: ignore[index]
    reported_article = corpus.article_of.get((item.set, str(item.reported.get("article"))))
    if source_article is None or reported_article is None:
        return "article not read"
    text = str(item.source.get("text") or "")  # type: ignore[union-attr]
    theirs = [q for q in compared.quotes.get(source_article.id, []) if q.kind in QUOTED]
    other, shared = best_quote(text, theirs)
    if other is None or shared < math.ceil(len(word_tokens(text)) / 2):
        return "source not a compared quote"
    ours = [q for q in compared.quotes.get(reported_article.id, []) if q.kind in QUOTED]
    versions = [Version(reported_article, 0, ours), Version(source_article, 1, theirs)]
    occurrences = {o.quote.id: o for o in occurrences_of(versions)}
    found = []
    pairs = ((occurrences[quote.id], versions[1]), (occurrences[other.id], versions[0]))
    for one, version in pairs:
        for aligned in (align(one.tokens, version.text), align_short(one.tokens, version.text)):
            if aligned is not None:
                found.append(carries(aligned, one))
    if not found:
        return "no anchor shared"
    return "linked, not grouped" if any(found) else "aligned, too thin to link"


def over_paragraphs(text: str) -> bool:
    return "\n" in text.strip()


def best_chain(text: str, quotes: list[Quote], compared: Compared) -> tuple[Quote | None, int]:
    """A quote that runs over paragraphs is stored as a chain of quotes (`continues`), each
    labelled; a labelled text over several paragraphs is read against the chain sharing most
    of its words, and takes the piece with the most serious label (a piece the other outlet
    did not print, unsourced or source, only where no piece was matched)."""
    by_id = {q.id: q for q in quotes}
    chains: dict[str, list[Quote]] = {}
    for quote in quotes:
        root = quote
        while root.continues in by_id:
            root = by_id[root.continues]
        chains.setdefault(root.id, []).append(quote)
    best: tuple[int, Quote] | None = None
    for chain in chains.values():
        if len(chain) < 2:
            continue
        shared = shared_words(text, " ".join(q.text for q in chain))
        labels = {q.id: compared.matches[q.id].label for q in chain}
        matched = [q for q in chain if labels[q.id] not in ("source", "unsourced")] or chain
        piece = min(matched, key=lambda q: severity(labels[q.id]))
        if best is None or shared > best[0]:
            best = (shared, piece)
    return (best[1], best[0]) if best else (None, 0)


def read_the_other_way(
    item: Item, corpus: Corpus, compared: Compared, quote: Quote, match: QuoteMatch
) -> tuple[Quote, QuoteMatch]:
    """The pipeline took the reported quote as its statement's fullest version: the pair is
    then judged by how it labelled the labelled source against it (two equally full versions,
    or two excerpts of one statement, can be read either way). The labelled source is the
    source article's quote in the same statement that shares most words with it (a labeller
    may have joined two quotes its attribution interrupts)."""
    article = corpus.article_of.get((item.set, str(item.source["article"])))  # type: ignore[index]
    if article is None or not match.statement:
        return quote, match
    candidates = [
        q
        for q in compared.quotes.get(article.id, [])
        if q.id in compared.matches and compared.matches[q.id].statement == match.statement
    ]
    other, shared = best_quote(str(item.source.get("text") or ""), candidates)  # type: ignore[union-attr]
    if other is None or shared == 0:
        return quote, match
    return other, compared.matches[other.id]


# ---------------------------------------------------------------------------------------------
# Malformed labels


def loose(text: str) -> str:
    """Letters and digits only, folded: tokenisation, spacing and punctuation ignored."""
    return re.sub(r"[\W_]+", "", fold(text.replace("\\n", " ")))


def in_pieces(text: str, article: str) -> bool:
    """The labelled words are in the article: whole, or piece by piece where the labeller
    joined a quote its attribution interrupts ('..., she said. "...')."""
    whole = loose(article)
    if loose(text) in whole:
        return True
    pieces = [loose(p) for p in re.split(r"[,.;:!?]\s", text) if p.strip()]
    return all(piece in whole for piece in pieces if piece)


def sides(item: Item) -> list[dict[str, Any]]:
    return [item.reported] + ([item.source] if item.source else [])


def check_item(item: Item, records: dict[tuple[str, str], Record]) -> list[str]:
    problems = []
    if item.label not in LABEL_SEVERITY:
        problems.append(f"unknown label {item.label!r}")
    elif item.label not in item.labels:
        problems.append(f"label {item.label!r} not among labels {item.labels}")
    elif min(item.labels, key=severity) != item.label:
        problems.append(f"label {item.label!r} is not the most serious of {item.labels}")
    if (item.source is None) != (item.label == "unsourced"):
        problems.append("source given for an unsourced item, or missing for a pair")
    sides = [("reported", item.reported)] + ([("source", item.source)] if item.source else [])
    for side, quoted in sides:
        article = str(quoted.get("article"))
        record = records.get((item.set, article))
        if record is None:
            problems.append(f"{side} article {article!r} not in {item.set}")
            continue
        if record.cluster != item.cluster:
            problems.append(f"{side} article {article} is in cluster {record.cluster}")
        text = quoted.get("text") or ""
        if not loose(text) or not in_pieces(text, record.text):
            problems.append(f"{side} text not found in article {article}")
    if item.source and item.source.get("article") == item.reported.get("article"):
        problems.append("reported and source are the same article")
    return problems


def severity(label: str) -> int:
    return LABEL_SEVERITY.index(label) if label in LABEL_SEVERITY else len(LABEL_SEVERITY)


def malformed(items: list[Item], records: dict[tuple[str, str], Record]) -> list[str]:
    problems = []
    ids = Counter(item.id for item in items)
    problems += [f"{i}: id used {n} times" for i, n in ids.items() if n > 1]
    for item in items:
        problems += [f"{item.id} ({item.file}): {p}" for p in check_item(item, records)]
    return problems


# ---------------------------------------------------------------------------------------------
# Figures


def faithful(prediction: Prediction) -> bool:
    return prediction.item.is_pair and prediction.item.label in FAITHFUL


def print_figures(title: str, predictions: list[Prediction]) -> None:
    pairs = [p for p in predictions if p.item.is_pair]
    stories = len({p.item.story for p in predictions})
    print(f"\n{title}: {len(predictions)} items ({len(pairs)} pairs, "
          f"{len(predictions) - len(pairs)} unsourced) in {stories} stories")  # fmt: skip
    if not predictions:
        return
    right = sum(p.right for p in pairs)
    row("pairs labelled right", right, len(pairs), "goal >= 90%")
    row("all items labelled right", sum(p.right for p in predictions), len(predictions))
    scores = {s.label: s for s in label_scores_of(predictions)}
    altered = scores.get("altered")
    if altered is not None:
        print(f"  {'altered precision / recall':<40} {fraction(altered.right, altered.predicted)}"
              f" / {fraction(altered.right, altered.gold)}   (goal >= 0.9 / 0.9)")  # fmt: skip
    faithful_pairs = [p for p in pairs if faithful(p)]
    alarms = sum(p.label in FLAGS for p in faithful_pairs)
    row("false alarms on faithful pairs", alarms, len(faithful_pairs), "goal <= 2%")
    should_match = [p for p in pairs if p.item.label != "unsourced"]
    unsourced = sum(p.label in ("unsourced", NOT_FOUND) for p in should_match)
    row("unsourced or not found, should match", unsourced, len(should_match), "goal <= 5%")
    lost = Counter(p.lost for p in should_match if p.label == "unsourced")
    if lost:
        print(f"  {'  where the unsourced ones were lost':<40} "
              + ", ".join(f"{why} {n}" for why, n in lost.most_common()))  # fmt: skip
    not_found = [p for p in predictions if p.label == NOT_FOUND]
    reasons = Counter(p.why for p in not_found)
    print(f"  {'quote not found':<40} {len(not_found):5d}  "
          + ", ".join(f"{why} {n}" for why, n in reasons.most_common()))  # fmt: skip
    agree = sum(
        p.source_article is not None and p.source_article == str(p.item.source["article"])
        for p in pairs
        if p.item.source
    )
    row("source agreement (same source article)", agree, len(pairs))
    print()
    print_label_table([(p.item.label, p.label) for p in predictions], indent="  ")


def label_scores_of(predictions: list[Prediction]) -> list[LabelScore]:
    return label_scores([(p.item.label, p.label) for p in predictions])


def fraction(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def row(name: str, part: int, whole: int, goal: str = "") -> None:
    goal = f"({goal})" if goal else ""
    print(f"  {name:<40} {part:5d} of {whole:<5d} {share(part, whole)}   {goal}")


def print_confusion(predictions: list[Prediction]) -> None:
    gold = sorted({p.item.label for p in predictions}, key=severity)
    predicted = sorted({p.label for p in predictions}, key=severity)
    counts = Counter((p.item.label, p.label) for p in predictions)
    width = max(len(label) for label in predicted) + 1
    print("\nConfusion, ALL (rows gold, columns predicted):")
    print(f"  {'':<14}" + "".join(f"{label:>{width}}" for label in predicted))
    for label in gold:
        cells = "".join(f"{counts[(label, p)] or '.':>{width}}" for p in predicted)
        print(f"  {label:<14}{cells}")


def print_errors(predictions: list[Prediction], limit: int, title: str) -> None:
    wrong = [p for p in predictions if not p.right][:limit]
    print(f"\n{title}: {len(wrong)} listed")
    for p in wrong:
        item = p.item
        doubt = " (doubtful)" if item.doubtful else ""
        print(f"- {item.id}: gold {item.label} {item.labels}{doubt}, predicted {p.label}"
              + (f" {p.match.labels}" if p.match else f" ({p.why})"))  # fmt: skip
        print(f"    reason:   {item.reason}")
        print(f"    reported: {item.reported.get('text')}  [{item.reported.get('article')}]")
        if p.quote is not None and loose(p.quote.text) != loose(item.reported.get("text") or ""):
            print(f"    as found: {p.quote.text}")
        if item.source:
            print(f"    source:   {item.source.get('text')}  [{item.source.get('article')}]")
        labelled = " / ".join(str(s.get("speaker")) for s in (item.reported, item.source) if s)
        found = p.quote.speaker if p.quote is not None else "-"
        print(f"    speakers: labelled {labelled}; pipeline {found}")
        if p.match is not None:
            spans = " | ".join(s.text for s in p.match.source_spans)
            if spans:
                print(f"    matched:  {spans}  [{p.source_article}]")
            edits = "; ".join(
                f"{e.op} {e.source!r}->{e.reported!r} ({e.kind})" for e in p.match.edits
            )
            if edits:
                print(f"    edits:    {edits}")


# ---------------------------------------------------------------------------------------------


def run_real(args: argparse.Namespace) -> None:
    items, problems = load_items(LABELLED)
    if not items:
        print(
            f"real set skipped: no labelled items in {LABELLED} (pairs_*.jsonl, unsourced_*.jsonl)"
        )
        return
    sets = sorted({item.set for item in items})
    clusters = {(item.set, item.cluster) for item in items}
    if args.stories == "gold":
        wanted = {name: {c for s, c in clusters if s == name} for name in sets}
    else:
        wanted = dict.fromkeys(sets)
    corpus = read_corpus(wanted)
    problems += malformed(items, corpus.records)
    if args.exclude_doubtful:
        items = [item for item in items if not item.doubtful]
    doubtful = " without doubtful ones" if args.exclude_doubtful else ""
    print(f"Real set: {len(items)} labelled items{doubtful} from "
          f"{LABELLED.relative_to(REPO)} ({', '.join(sets)})")  # fmt: skip
    print_problems(problems)
    spread = [i for i in items if any(over_paragraphs(str(s.get("text") or "")) for s in sides(i))]
    print(f"labelled texts over several paragraphs: {len(spread)} items, each scored against "
          "the chain of quotes the pipeline reads over those paragraphs")  # fmt: skip
    started = time.perf_counter()
    if args.stories == "gold":
        stories = gold_stories(corpus, clusters)
        mode = f"gold (the labelled clusters: {len(stories)} stories)"
    else:
        stories = group_stories(corpus.articles, quotes_by_article(corpus.quotes))
        mode = f"real (newsprism's grouping, {len(stories)} stories over the pooled sets)"
    grouping = time.perf_counter() - started
    compared = compare(corpus, stories)
    print(f"stories: {mode}")
    print(f"read and processed {len(corpus.articles)} articles in {corpus.seconds:.1f} s "
          f"({len(corpus.errors)} refused); grouping {grouping:.1f} s; compare: median "
          f"{statistics.median(compared.seconds) * 1000:.1f} ms a story, "
          f"{sum(compared.seconds):.1f} s in all")  # fmt: skip
    predictions = [predict(item, corpus, compared) for item in items]
    if args.stories == "real":
        print_grouping(predictions, corpus, compared)
    held = [p for p in predictions if p.item.held]
    held_round4 = [p for p in predictions if p.item.held_round4]
    tune_round4 = [p for p in predictions if p.item.tune_round4]
    held_round5 = [p for p in predictions if p.item.round5]
    earlier = [p for p in predictions if not (p.item.held or p.item.round4 or p.item.round5)]
    read_held = [p for p in earlier if p.item.held_story]
    tune = [p for p in earlier if not p.item.held_story]
    print_figures("HELD", held)
    print_figures("HELD-R4", held_round4)
    print_figures("HELD-R5", held_round5)
    print_figures("TUNE-R4", tune_round4)
    print_figures("HELD-R1", read_held)
    print_figures("TUNE", tune)
    print_figures("ALL", predictions)
    print_confusion(predictions)
    if args.errors:
        # HELD-R1 has been tuning data since the first round (README): listed with TUNE.
        readable = tune_round4 + tune + read_held
        print_errors(readable, args.errors, "Wrong TUNE-R4, TUNE and HELD-R1 items")
        if args.show_held:
            print_errors(held, args.errors, "Wrong HELD items")
            print_errors(held_round4, args.errors, "Wrong HELD-R4 items")


def print_problems(problems: list[str]) -> None:
    if not problems:
        print("labelled data: no problems found")
        return
    print(f"labelled data: {len(problems)} problems (ids that do not exist, texts not in the "
          "article, inconsistent labels):")  # fmt: skip
    for problem in problems:
        print(f"  {problem}")


def print_grouping(predictions: list[Prediction], corpus: Corpus, compared: Compared) -> None:
    """With newsprism's own stories: how many pairs it put in one story."""
    together = 0
    pairs = [p for p in predictions if p.item.source]
    for p in pairs:
        a = corpus.article_of.get((p.item.set, str(p.item.reported.get("article"))))
        b = corpus.article_of.get((p.item.set, str(p.item.source["article"])))
        together += bool(a and b and compared.story_of.get(a.id) == compared.story_of.get(b.id))
    print(f"pairs whose two articles newsprism put in one story: {together} of {len(pairs)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", choices=["gold", "real"], default="gold")
    parser.add_argument("--errors", type=int, default=0, help="wrong readable items to list")
    parser.add_argument("--show-held", action="store_true", help="list wrong HELD items too")
    parser.add_argument("--exclude-doubtful", action="store_true")
    parser.add_argument("--no-generated", action="store_true")
    parser.add_argument("--per-kind", type=int, default=25, help="generated cases a kind")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: no shared data at {DATA} (set NEWSPRISM_DATA to its folder)")
        return
    started = time.perf_counter()
    run_real(args)
    print(f"\nreal set: {time.perf_counter() - started:.1f} s")
    if not args.no_generated:
        print()
        run_generated(args.per_kind)


if __name__ == "__main__":
    main()
