"""Fit the term model's weights (src/newsprism/quotes/term_model.json) on PolNeAR train.

Every quote the extractor asks the model about is labelled from the gold attributions: a
quote with less than half of it inside any annotated Content is nobody's speech (a term: a
title, a scare quote, a nickname), one inside a Content that has a Source is speech; a quote
inside a Content without a Source is left out. The quotes the rules of quotes/terms.py settle
(left open, long, a reported clause, a handle, a name introduced as one) are left out of the
fit; a logistic regression over the features of the rest gives one weight per feature. The
threshold is the log-odds a quote must pass to be a term: speech taken for a term is a quote
lost to the comparison, a term taken for speech only a quote compared needlessly, so it sits
above even odds. Needs the bench extra (scikit-learn). Prints, for each publisher held out,
the terms found and the speech taken for terms by the rules and a model fitted on the other
six (the figures to trust), then on dev; benchmarks/polnear.py --held-out scores the same
folds as quote extraction.

    .venv/bin/python benchmarks/train_term_model.py [--c 0.3] [--threshold 1.0] [--cv]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from dataclasses import dataclass

import polnear

from newsprism.quotes import extract_quotes
from newsprism.quotes.terms import WEIGHTS_PATH, TermContext, TermModel, features, rule

C = 0.3
THRESHOLD = 1.0  # chosen on the held-out folds and by reading the shared story sets
MIN_WEIGHT = 1e-3


class RecordingTermModel(TermModel):
    """Takes every quote for speech, and records the context of each it was asked about."""

    def __init__(self) -> None:
        super().__init__({})
        self.seen: list[TermContext] = []

    def is_term(self, context: TermContext) -> bool:
        self.seen.append(context)
        return False


@dataclass(frozen=True)
class Example:
    article: str
    publisher: str
    context: TermContext
    term: bool  # outside every gold Content


def publishers() -> dict[str, str]:
    """Article name -> publisher, from PolNeAR's metadata.tsv."""
    return {name: publisher for name, (publisher, _) in polnear.article_metadata().items()}


def examples(articles: Iterable[tuple[str, str, list[polnear.Attribution]]]) -> list[Example]:
    by_article = publishers()
    found = []
    for name, raw, gold in articles:
        article = polnear.newsprism_article(name, raw)
        recorder = RecordingTermModel()
        quotes = {q.start: q for q in extract_quotes(article, indirect=False, terms=recorder)}
        for context in recorder.seen:
            prediction = polnear.newsprism_predictions(article, [quotes[context.at]], raw)[0]
            length = max(1, prediction.end - prediction.start)
            hits = [
                g for g in gold if g.content.overlap(prediction.start, prediction.end) * 2 >= length
            ]
            if hits and not any(g.source for g in hits):
                continue
            found.append(Example(name, by_article.get(name, "?"), context, not hits))
    return found


def fit(
    training: list[Example], c: float | None = None, threshold: float | None = None
) -> TermModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    training = [e for e in training if rule(e.context) is None]  # the rules decide the rest
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(features(e.context), 1) for e in training])
    model = LogisticRegression(C=C if c is None else c, fit_intercept=False, max_iter=2000)
    model.fit(matrix, [e.term for e in training])
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(weight) >= MIN_WEIGHT
    }
    return TermModel(weights, THRESHOLD if threshold is None else threshold)


def confusion(model: TermModel, tested: list[Example]) -> tuple[int, int, int, int]:
    """Terms found, terms missed, speech taken for a term, speech kept."""
    guesses = [(model.is_term(e.context), e.term) for e in tested]
    return (
        sum(g and t for g, t in guesses),
        sum(not g and t for g, t in guesses),
        sum(g and not t for g, t in guesses),
        sum(not g and not t for g, t in guesses),
    )


def by_publisher(
    found: list[Example], c: float, threshold: float
) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Leave one publisher out: fit on the other six, count on the one left out."""
    rows = []
    for publisher in sorted({e.publisher for e in found}):
        model = fit([e for e in found if e.publisher != publisher], c, threshold)
        rows.append((publisher, confusion(model, [e for e in found if e.publisher == publisher])))
    return rows


def print_confusion(label: str, counts: tuple[int, int, int, int]) -> None:
    caught, missed, lost, kept = counts
    terms, speech = caught + missed, lost + kept
    precision = caught / (caught + lost) if caught + lost else 0.0
    print(
        f"{label:<14} terms {caught:4d}/{terms:<4d} ({caught / max(1, terms):.0%})"
        f"  speech taken for a term {lost:3d}/{speech:<5d} ({lost / max(1, speech):.2%})"
        f"  term precision {precision:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="log-odds")
    parser.add_argument("--cv", action="store_true", help="only print held-out figures")
    args = parser.parse_args()
    found = examples(polnear.load_split("train"))
    rows = by_publisher(found, args.c, args.threshold)
    for publisher, counts in rows:
        print_confusion(publisher, counts)
    pooled = tuple(sum(counts[i] for _, counts in rows) for i in range(4))
    print_confusion("held out", pooled)  # type: ignore[arg-type]
    if args.cv:
        return
    model = fit(found, args.c, args.threshold)
    print_confusion("dev", confusion(model, examples(polnear.load_split("dev"))))
    data = {
        "c": args.c,
        "threshold": args.threshold,
        "trained_on": "PolNeAR train: quotes outside every gold Content (terms) against "
        "quotes inside a Content with a Source (speech)",
        "weights": dict(sorted(model.weights.items())),
    }
    WEIGHTS_PATH.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(model.weights)} weights to {WEIGHTS_PATH}")


if __name__ == "__main__":
    main()
