"""Fit the speaker ranker's weights (src/newsprism/quotes/speaker_ranker.json) on PolNeAR train.

For every quote the extractor asks the ranker about (an attribution of its own but no cue
verb, and a speaker from the rules), each candidate word of its paragraph is labelled by
whether it lies in the gold Source span (the candidate standing for an inherited mention, by
whether the rules' speaker is right). A logistic regression on the differences between right
and wrong candidates of one quote (a pairwise ranker) gives one weight per feature. Needs the
bench extra (scikit-learn). Score the result on dev with benchmarks/polnear.py.

    .venv/bin/python benchmarks/train_speaker_ranker.py [--c 0.1]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from typing import NamedTuple

import polnear

from newsprism.quotes import extract_quotes
from newsprism.quotes.ranking import (
    WEIGHTS_PATH,
    Candidate,
    QuoteContext,
    SpeakerRanker,
    candidates,
)

MIN_WEIGHT = 1e-3


class RecordingRanker(SpeakerRanker):
    """Keeps the rules' choice, and records every quote it was asked about."""

    def __init__(self) -> None:
        super().__init__({})
        self.seen: list[tuple[QuoteContext, list[Candidate]]] = []

    def choose(self, context: QuoteContext) -> Candidate | None:
        self.seen.append((context, candidates(context)))
        return None


Labelled = list[tuple[tuple[str, ...], bool]]  # a quote's candidates: features, right


class LabelledQuote(NamedTuple):
    article: str
    candidates: Labelled
    rule_right: bool


def labelled_quotes(articles: Iterable[polnear.Gold] | None = None) -> list[LabelledQuote]:
    """Per quote, its candidates' features and whether each is right, and whether the rules'
    own choice is right (PolNeAR train unless other articles are given)."""
    quotes = []
    for name, raw, gold in polnear.load_split("train") if articles is None else articles:
        article = polnear.newsprism_article(name, raw)
        recorder = RecordingRanker()
        found = {q.start: q for q in extract_quotes(article, indirect=False, ranker=recorder)}
        mapping = polnear.body_to_raw(article, raw)
        for context, choices in recorder.seen:
            quote = found[context.offset + context.quote[0]]
            prediction = polnear.newsprism_predictions(article, [quote], raw)[0]
            length = max(1, prediction.end - prediction.start)
            hits = [
                g
                for g in gold
                if g.source and g.content.overlap(prediction.start, prediction.end) * 2 >= length
            ]
            if hits:
                rule_right = any(polnear._speaker_right(prediction, g, raw) for g in hits)
                labelled = _labelled(context, choices, hits, rule_right, mapping)
                quotes.append(LabelledQuote(name, _names_over_descriptions(labelled), rule_right))
    return quotes


def _labelled(
    context: QuoteContext,
    choices: list[Candidate],
    hits: list[polnear.Attribution],
    rule_right: bool,
    mapping: list[tuple[int, int]],
) -> Labelled:
    """Each candidate is right when it lies in a gold Source span; the one standing for an
    inherited mention, when the rules' speaker is right."""
    labelled = []
    for choice in choices:
        if choice.keep:
            labelled.append((choice.features, rule_right))
            continue
        start = polnear.to_raw(context.offset + choice.start, mapping)
        end = polnear.to_raw(context.offset + choice.end, mapping)
        right = any(g.source is not None and g.source.overlap(start, end) > 0 for g in hits)
        labelled.append((choice.features, right))
    return labelled


NAME_SHAPES = {"sh=cap", "sh=poss"}


def _names_over_descriptions(labelled: Labelled) -> Labelled:
    """When the gold Source names someone ('Minyon Moore, a senior adviser to ...'), only its
    name is a right choice: 'a senior' would give no speaker."""
    if not any(right and NAME_SHAPES & set(features) for features, right in labelled):
        return labelled
    return [(f, right and (f[0] == "keep" or bool(NAME_SHAPES & set(f)))) for f, right in labelled]


def fit(quotes: list[Labelled], c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(0)
    pairs, signs = [], []
    for labelled in quotes:
        right = [f for f, ok in labelled if ok]
        wrong = [f for f, ok in labelled if not ok]
        for good in right:
            for bad in wrong:
                sign = rng.random() < 0.5
                difference: dict[str, float] = {}
                for feature in good:
                    difference[feature] = difference.get(feature, 0) + (1 if sign else -1)
                for feature in bad:
                    difference[feature] = difference.get(feature, 0) - (1 if sign else -1)
                pairs.append(difference)
                signs.append(int(sign))
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    model.fit(vectorizer.fit_transform(pairs), signs)
    return {
        feature: round(float(model.coef_[0][column]), 4)
        for feature, column in sorted(vectorizer.vocabulary_.items())
        if abs(model.coef_[0][column]) >= MIN_WEIGHT
    }


def right_choices(weights: dict[str, float], quotes: list[LabelledQuote]) -> int:
    """Quotes whose speaker is right with the ranker; a choice inside the rules' mention
    keeps the rules' speaker."""
    ranker = SpeakerRanker(weights)
    right = 0
    for _, labelled, rule_right in quotes:
        best = max(labelled, key=lambda pair: ranker.score(Candidate(0, 0, pair[0])), default=None)
        if best is None or "rule=1" in best[0] or best[0][0] == "keep":
            right += rule_right
        else:
            right += best[1]
    return right


def cross_validate(quotes: list[LabelledQuote], c: float, folds: int) -> None:
    """Accuracy on held-out quotes, against the rules alone."""
    right = 0
    for fold in range(folds):
        held_out = quotes[fold::folds]
        training = [q for i, q in enumerate(quotes) if i % folds != fold]
        right += right_choices(fit([q.candidates for q in training], c), held_out)
    rules = sum(q.rule_right for q in quotes)
    print(f"{folds}-fold: ranker {right}/{len(quotes)}, rules alone {rules}/{len(quotes)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    parser.add_argument("--folds", type=int, default=0, help="cross-validate only, K folds")
    args = parser.parse_args()
    if not polnear.DATA.exists():
        sys.exit(f"PolNeAR not found at {polnear.DATA}")
    quotes = labelled_quotes()
    if args.folds:
        cross_validate(quotes, args.c, args.folds)
        return
    weights = fit([q.candidates for q in quotes], args.c)
    right = right_choices(weights, quotes)
    print(f"train: {right}/{len(quotes)} quotes without a cue verb get the right speaker")
    payload = {
        "trained_on": "PolNeAR train, quotes without a cue verb",
        "c": args.c,
        "weights": weights,
    }
    WEIGHTS_PATH.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {WEIGHTS_PATH}")


if __name__ == "__main__":
    main()
