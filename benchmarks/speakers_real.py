"""Speakers on real multi-outlet news: the hand-labelled quotes of benchmarks/data/speakers_real.

Every quotation of 193 randomly chosen articles of three shared story sets (newswcl50,
multinews_sample, allsides_roundups), plus quotes picked by a targeted search for hard cases,
labelled by reading with the speaker the article establishes (see the data's README). The
articles go through the real pipeline as `newsprism analyze SET_FILE` reads them (read_path ->
process_batch); each labelled quote is mapped to the speech quote of its article sharing the
most normalised words with it (at least half of its words, else it was not found; of quotes
sharing as many, one no earlier label of the article was mapped to).

A speaker is right when it names the labelled person: the same name once titles, middle
initials, case and spacing are set aside, the same person of people.jsonl, one name the
other's surname (a bare "Trump" for "Donald Trump", as PolNeAR's scoring accepts it), or the
full labelled name with a description before it ("Russian Ambassador Vitaly Churkin").
Quotes whose label has no speaker (a group, an anonymous official) are counted apart: right
when newsprism gives none.
Quote finding is scored on the random articles only (all their quotations are labelled):
recall over labelled quotes, precision over newsprism's speech quotes (one taken for a labelled
term is a false quote). Held-out stories (`held`, whole stories) are printed first.

    .venv/bin/python benchmarks/speakers_real.py [--errors N] [--show-held] [--folds K]

--folds K scores TUNE's stories in K folds (by a hash of set and cluster), each on its own:
the hand-written rules are fitted to nothing, so the folds show whether a change gains
across stories or in the few it was read on.

Reads ../shared/data (NEWSPRISM_DATA overrides it) and skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance_generated import DATA, REPO, best_quote, word_tokens

from newsprism.ingest import read_path
from newsprism.model import Quote
from newsprism.pipeline import process_batch

LABELS = REPO / "benchmarks" / "data" / "speakers_real"
STORIES = DATA / "stories"
SPEECH = ("direct", "transcript")
TITLES = re.compile(
    r"^(?:(?:the|mr|mrs|ms|dr|president|vice president|sen|senator|rep|representative|gov|"
    r"governor|gen|general|prime minister|secretary|speaker|leader|judge|justice|attorney "
    r"general|former|rev|sir|lord|king|queen|prince|pope)\.?\s+)+"
)


@dataclass
class Label:
    id: str
    set: str
    article: str
    cluster: str
    text: str
    speaker: str | None
    mention_kind: str
    kind: str
    targeted: bool
    held: bool
    doubtful: bool

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Label:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


@dataclass
class Tally:
    with_speaker: int = 0
    speaker_right: int = 0
    no_speaker: int = 0
    no_speaker_right: int = 0
    not_found: int = 0
    labelled: int = 0
    found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    errors: list[str] = field(default_factory=list)
    # per mention kind of the label (name, surname, pronoun, role, ...): [right, all]
    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def speaker_rate(self) -> float:
        return self.speaker_right / self.with_speaker if self.with_speaker else 0.0


class People:
    """Names that refer to one person, from people.jsonl."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.person_of: dict[str, str] = {}
        for row in rows:
            if not row.get("distinct"):
                for variant in [row["person"], *row["variants"]]:
                    self.person_of[normal_name(variant)] = normal_name(row["person"])

    def same(self, predicted: str, gold: str) -> bool:
        a, b = normal_name(predicted), normal_name(gold)
        if not a:
            return False
        a, b = self.person_of.get(a, a), self.person_of.get(b, b)
        a, b = _without_initials(a), _without_initials(b)
        return a == b or _surname_of(a, b) or _surname_of(b, a) or _titled(a, b)


def _surname_of(short: str, full: str) -> bool:
    """`short` is `full`'s last word (a bare surname) and `full` has more than one word."""
    return " " not in short and full.endswith(" " + short)


def _titled(predicted: str, gold: str) -> bool:
    """The full labelled name with a description before it ("russian ambassador vitaly
    churkin" for "vitaly churkin"): the right person, if not a clean name."""
    return " " in gold and predicted.endswith(" " + gold)


def _without_initials(name: str) -> str:
    """ "stephen e boyd" -> "stephen boyd": a middle initial does not make another person."""
    words = name.split()
    return " ".join(w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w) == 1))


def normal_name(name: str) -> str:
    name = re.sub(r"\s*-\s*", "-", name.lower().replace("’", "'"))
    name = re.sub(r"[^\w\s'-]", " ", name)
    name = re.sub(r"\s+", " ", name).strip()
    name = re.sub(r"'s$", "", name)
    return TITLES.sub("", name).strip()


def read_labels() -> tuple[list[Label], list[dict[str, Any]], People]:
    labels = [Label.from_dict(json.loads(line)) for line in _lines(LABELS / "speakers.jsonl")]
    articles = [json.loads(line) for line in _lines(LABELS / "articles.jsonl")]
    people = People(json.loads(line) for line in _lines(LABELS / "people.jsonl"))
    return labels, articles, people


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def speech_by_article(articles: list[dict[str, Any]]) -> dict[tuple[str, str], list[Quote]]:
    """The pipeline's speech quotes of every labelled article, by (set, article id)."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in articles:
        wanted[row["set"]].add(row["article"])
    found: dict[tuple[str, str], list[Quote]] = {}
    for name, ids in sorted(wanted.items()):
        documents = [
            d
            for d in read_path(STORIES / name / "articles.jsonl")
            if d.source.rsplit("#", 1)[-1] in ids  # an InputError has a source too
        ]
        for processed in process_batch(documents, lambda error: print(error, file=sys.stderr)):
            key = (name, processed.document.source.rsplit("#", 1)[-1])
            found[key] = [q for q in processed.quotes if q.kind in SPEECH]
    return found


def score(
    labels: list[Label],
    articles: list[dict[str, Any]],
    found: dict[tuple[str, str], list[Quote]],
    people: People,
) -> Tally:
    tally = Tally()
    taken: dict[tuple[str, str], set[str]] = defaultdict(set)  # quote ids matched so far
    for label in labels:
        if label.kind == "quote":
            key = (label.set, label.article)
            _score_speaker(label, found.get(key, []), people, tally, taken[key])
    for row in articles:
        if not row["targeted"]:
            _score_finding(row, labels, found.get((row["set"], row["article"]), []), tally)
    return tally


def _score_speaker(
    label: Label, quotes: list[Quote], people: People, tally: Tally, taken: set[str]
) -> None:
    quote, shared = _best_untaken(label.text, quotes, taken)
    if quote is None or shared * 2 < len(word_tokens(label.text)):
        tally.not_found += 1
        tally.errors.append(f"{label.id}: not found: {label.text[:70]!r}")
        return
    if label.speaker is None:
        tally.no_speaker += 1
        tally.no_speaker_right += quote.speaker is None
        return
    tally.with_speaker += 1
    right = bool(quote.speaker and people.same(quote.speaker, label.speaker))
    tally.kinds[label.mention_kind][0] += right
    tally.kinds[label.mention_kind][1] += 1
    if right:
        tally.speaker_right += 1
    else:
        tally.errors.append(
            f"{label.id} [{label.mention_kind}]: {quote.speaker!r} for {label.speaker!r}: "
            f"{label.text[:60]!r}"
        )


def _best_untaken(text: str, quotes: list[Quote], taken: set[str]) -> tuple[Quote | None, int]:
    """The quote sharing the most words with a label's text; of several that share as many
    (an article quoting the same words twice), the first no earlier label was matched to."""
    quote, shared = best_quote(text, quotes)
    untaken, untaken_shared = best_quote(text, [q for q in quotes if q.id not in taken])
    if untaken is not None and untaken_shared == shared:
        quote = untaken
    if quote is not None:
        taken.add(quote.id)
    return quote, shared


def _score_finding(
    row: dict[str, Any], labels: list[Label], quotes: list[Quote], tally: Tally
) -> None:
    mine = [x for x in labels if x.set == row["set"] and x.article == row["article"]]
    said = [x for x in mine if x.kind == "quote"]
    tally.labelled += len(said)
    for label in said:
        quote, shared = best_quote(label.text, quotes)
        tally.found += quote is not None and shared * 2 >= len(word_tokens(label.text))
    for quote in quotes:
        label, shared = _best_label(quote, mine)
        tally.predicted += 1
        speech = label is not None and label.kind == "quote"
        tally.predicted_right += speech and shared * 2 >= len(word_tokens(label.text))


def _best_label(quote: Quote, labels: list[Label]) -> tuple[Label | None, int]:
    best: tuple[int, Label] | None = None
    for label in labels:
        _, shared = best_quote(label.text, [quote])
        if best is None or shared > best[0]:
            best = (shared, label)
    return (best[1], best[0]) if best else (None, 0)


def print_row(name: str, tally: Tally) -> None:
    precision = tally.predicted_right / tally.predicted if tally.predicted else 0.0
    recall = tally.found / tally.labelled if tally.labelled else 0.0
    print(
        f"{name:<22} {tally.speaker_right:4d}/{tally.with_speaker:<4d} "
        f"{tally.speaker_rate():7.1%}   {tally.no_speaker_right:3d}/{tally.no_speaker:<3d}"
        f"   {tally.not_found:4d}   {precision:6.3f} {recall:6.3f}"
    )


def print_kinds(held: Tally, tune: Tally) -> None:
    """Speaker right by how the article names the speaker (the label's mention kind): counts
    only, so the held part shows where its errors lie without any of them being read."""
    kinds = sorted(held.kinds.keys() | tune.kinds.keys(), key=lambda k: -tune.kinds[k][1])
    cells = [
        f"{kind} {held.kinds[kind][0]}/{held.kinds[kind][1]} | {tune.kinds[kind][0]}/"
        f"{tune.kinds[kind][1]}"
        for kind in kinds
    ]
    print("by mention kind, HELD | TUNE: " + ", ".join(cells))


def fold_of(set_name: str, cluster: str, folds: int) -> int:
    """A story's fold: a hash of its set and cluster, as the held split is made."""
    return int(hashlib.sha1(f"fold/{set_name}/{cluster}".encode()).hexdigest(), 16) % folds


def print_folds(
    labels: list[Label],
    articles: list[dict[str, Any]],
    found: dict[tuple[str, str], list[Quote]],
    people: People,
    folds: int,
) -> None:
    """TUNE's stories in K folds, each scored on its own: a rule that gains only in the fold
    it was read on shows as one fold's gain, a general one in most."""
    rates = []
    for fold in range(folds):
        tally = score(
            [x for x in labels if not x.held and fold_of(x.set, x.cluster, folds) == fold],
            [
                r
                for r in articles
                if not r["held"] and fold_of(r["set"], r["cluster"], folds) == fold
            ],
            found,
            people,
        )
        print_row(f"TUNE fold {fold + 1}/{folds}", tally)
        rates.append(tally.speaker_rate())
    print(f"TUNE folds: mean {statistics.mean(rates):.1%}, min {min(rates):.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="wrong speakers to list (TUNE)")
    parser.add_argument("--show-held", action="store_true", help="list held errors too")
    parser.add_argument(
        "--folds", type=int, default=0, help="also score TUNE in K folds of whole stories"
    )
    args = parser.parse_args()
    if not STORIES.exists():
        sys.exit(f"no story sets at {STORIES}: skipped")
    labels, articles, people = read_labels()
    found = speech_by_article(articles)
    parts = {
        "HELD": lambda held, targeted: held,
        "TUNE": lambda held, targeted: not held,
        "random": lambda held, targeted: not targeted,
        "targeted": lambda held, targeted: targeted,
        "ALL": lambda held, targeted: True,
    }
    print(f"speakers_real: {sum(x.kind == 'quote' for x in labels)} labelled quotes")
    print(f"{'part':<22} {'speaker right':>16}   {'none ok':>7}   {'lost':>4}   {'P':>6} {'R':>6}")
    tallies = {}
    for name, keep in parts.items():
        tallies[name] = score(
            [x for x in labels if keep(x.held, x.targeted)],
            [r for r in articles if keep(r["held"], r["targeted"])],
            found,
            people,
        )
        print_row(name, tallies[name])
    for set_name in sorted({x.set for x in labels}):
        tally = score(
            [x for x in labels if x.set == set_name],
            [r for r in articles if r["set"] == set_name],
            found,
            people,
        )
        print_row(set_name, tally)
    print_kinds(tallies["HELD"], tallies["TUNE"])
    if args.folds:
        print_folds(labels, articles, found, people, args.folds)
    print("(speaker right: of found quotes whose label names a speaker; none ok: no speaker")
    print(" given where the label has none; lost: labelled quotes not found; P/R: quote finding")
    print(" on the random articles)")
    if args.errors:
        kinds = Counter(x.mention_kind for x in labels)
        print(f"mention kinds: {dict(kinds)}")
        for part in ("TUNE", "HELD") if args.show_held else ("TUNE",):
            print(f"\n{part} errors:")
            for line in tallies[part].errors[: args.errors]:
                print("  " + line)


if __name__ == "__main__":
    main()
