"""Label each quote of a story against the fullest other version of it, with the evidence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel
from rapidfuzz.fuzz import ratio

from newsprism.compare.align import Alignment, SourceText, align
from newsprism.compare.lexicon import (
    HEDGES,
    MODALS,
    NEGATIONS,
    are_synonyms,
    is_light,
    is_number,
    same_stems,
    stem,
)
from newsprism.model import (
    LABEL_SEVERITY,
    Article,
    Edit,
    Quote,
    QuoteMatch,
    SourceSpan,
    most_serious,
)
from newsprism.names import name_key, surname_key
from newsprism.text import Token, word_tokens

MIN_COVERAGE = 0.5  # share of the quote's words found in order in the source
MIN_CONTAINED_WORDS = 5  # or this many words, being most of a shorter version
PARAPHRASE_OVERLAP = 0.6  # share of the quote's content words found in one source passage
PARAPHRASE_MIN_SHARED = 4
NEAR_SPELLING = 60  # rapidfuzz ratio at which two different words count as one swapped

EDIT_LABELS = {
    "cut": "trimmed",
    "filler": "tidied",
    "function-word": "tidied",
    "synonym": "tidied",
    "inflection": "tidied",
    "content-word": "altered",
    "added": "altered",
    "hedge": "altered",
    "modal": "altered",
    "negation": "altered",
    "number": "altered",
}


@dataclass
class Version:
    """One article's quoted passages, ready to be aligned against."""

    article: Article
    order: int
    quotes: list[Quote]
    _texts: dict[str, SourceText] = field(default_factory=dict)

    def text_for(self, speaker: str | None) -> SourceText:
        """The passages that could be this speaker's (theirs or unattributed)."""
        key = name_key(speaker) if speaker else ""
        if key not in self._texts:
            chosen = [q for q in self.quotes if not key or same_person(q.speaker, speaker)]
            self._texts[key] = SourceText.of(chosen)
        return self._texts[key]


def same_person(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return True
    return name_key(first) == name_key(second) or surname_key(first) == surname_key(second)


def classify_edit(op: str, reported: list[str], source: list[str]) -> str:
    changed = set(reported) ^ set(source) if op == "replace" else set(reported or source)
    for kind, words in (("negation", NEGATIONS), ("hedge", HEDGES), ("modal", MODALS)):
        if changed & words:
            return kind
    if any(is_number(w) for w in changed):
        return "number"
    if op == "delete":
        return "filler" if all(is_light(w) for w in source) else "cut"
    if op == "insert":
        return "function-word" if all(is_light(w) for w in reported) else "added"
    if all(is_light(w) for w in changed):
        return "function-word"
    if are_synonyms(reported, source):
        return "synonym"
    if same_stems(reported, source):
        return "inflection"
    reported_heavy = {stem(w) for w in reported if not is_light(w)}
    source_heavy = {stem(w) for w in source if not is_light(w)}
    return "cut" if reported_heavy <= source_heavy else "content-word"


def _surface(text: str, offset: int, tokens: list[Token]) -> str:
    return text[tokens[0].start - offset : tokens[-1].end - offset] if tokens else ""


def _edit(op: str, q_tokens: list[Token], s_tokens: list[Token], quote: Quote, body: str) -> Edit:
    return Edit(
        op=op,  # type: ignore[arg-type]
        reported=_surface(quote.text, 0, q_tokens),
        source=_surface(body, 0, s_tokens),
        kind=classify_edit(op, [t.norm for t in q_tokens], [t.norm for t in s_tokens]),
    )


def alignment_edits(quote: Quote, alignment: Alignment, body: str) -> list[Edit]:
    """Word-level edits inside each passage, plus quote words no passage carries."""
    q_tokens = word_tokens(quote.text)
    s_tokens = alignment.source.tokens
    edits: list[Edit] = []
    q_done = 0
    for passage in alignment.passages:
        if passage.q_start > q_done:
            edits.append(_edit("insert", q_tokens[q_done : passage.q_start], [], quote, body))
        q_part = q_tokens[passage.q_start : passage.q_end]
        s_part = s_tokens[passage.s_start : passage.s_end]
        for q_range, s_range in _differences(q_part, s_part):
            op = "replace" if q_range and s_range else ("insert" if q_range else "delete")
            edits.append(_edit(op, q_range, s_range, quote, body))
        q_done = passage.q_end
    if q_done < len(q_tokens):
        edits.append(_edit("insert", q_tokens[q_done:], [], quote, body))
    return edits


def _differences(
    q_part: list[Token], s_part: list[Token]
) -> Iterator[tuple[list[Token], list[Token]]]:
    """Runs of non-matching words; within a run, words that are near-equal (a synonym, an
    inflection, a spelling close enough) are paired off so each swap is its own edit."""
    ops = Indel.opcodes([t.norm for t in q_part], [t.norm for t in s_part])
    q_run: list[Token] = []
    s_run: list[Token] = []
    for op in ops:
        if op.tag == "equal":
            yield from _pair_off(q_run, s_run)
            q_run, s_run = [], []
            continue
        q_run = q_run + q_part[op.src_start : op.src_end]
        s_run = s_run + s_part[op.dest_start : op.dest_end]
    yield from _pair_off(q_run, s_run)


def _pair_off(q_run: list[Token], s_run: list[Token]) -> Iterator[tuple[list[Token], list[Token]]]:
    if not q_run and not s_run:
        return
    q_at = s_at = 0
    for q_index, q_token in enumerate(q_run):
        s_index = next(
            (k for k in range(s_at, len(s_run)) if _near(q_token.norm, s_run[k].norm)), None
        )
        if s_index is None:
            continue
        if q_index > q_at or s_index > s_at:
            yield q_run[q_at:q_index], s_run[s_at:s_index]
        yield [q_token], [s_run[s_index]]
        q_at, s_at = q_index + 1, s_index + 1
    if q_at < len(q_run) or s_at < len(s_run):
        yield q_run[q_at:], s_run[s_at:]


def _near(reported: str, source: str) -> bool:
    if is_light(reported) != is_light(source):
        return False
    if are_synonyms([reported], [source]) or stem(reported) == stem(source):
        return True
    return not is_light(reported) and ratio(reported, source) >= NEAR_SPELLING


def _labels(alignment: Alignment, edits: list[Edit]) -> list[str]:
    labels = {EDIT_LABELS[e.kind] for e in edits}
    passages = alignment.passages
    if len(passages) > 1:
        labels.add("stitched")
    return sorted(labels or {"verbatim"}, key=_severity)


def _severity(label: str) -> int:
    return LABEL_SEVERITY.index(label)


def _spans(alignment: Alignment, body: str) -> list[SourceSpan]:
    tokens = alignment.source.tokens
    spans = []
    for passage in alignment.passages:
        start, end = tokens[passage.s_start].start, tokens[passage.s_end - 1].end
        spans.append(SourceSpan(start, end, body[start:end]))
    return spans


def _similarity(quote: Quote, alignment: Alignment) -> float:
    norms = [t.norm for t in alignment.source.tokens]
    source_words = [w for p in alignment.passages for w in norms[p.s_start : p.s_end]]
    return round(
        Indel.normalized_similarity([t.norm for t in word_tokens(quote.text)], source_words), 3
    )


def _fullness(alignment: Alignment) -> int:
    units = {p.unit for p in alignment.passages}
    return sum(alignment.source.unit_length(u) for u in units)


def _rank(version: Version) -> tuple:
    """Which version is the source when several carry a quote: transcript, fullest,
    earliest published, first read."""
    return (
        version.article.kind != "transcript",
        version.article.published or "\uffff",
        version.order,
    )


def match_quote(quote: Quote, own: Version, others: list[Version]) -> QuoteMatch:
    if own.article.kind == "transcript" and quote.kind == "transcript":
        return QuoteMatch(quote.id, "source", ["source"], similarity=1.0)
    found = [
        (v, a) for v in others if (a := align(quote, v.text_for(quote.speaker))) and _carries(a)
    ]
    if not found:
        return _paraphrase_or_unsourced(quote, others)
    version, alignment = min(
        found, key=lambda f: (_rank(f[0])[0], -_fullness(f[1]), *_rank(f[0])[1:])
    )
    if version.article.kind != "transcript" and _own_is_fuller(quote, own, version, alignment):
        return QuoteMatch(quote.id, "source", ["source"], similarity=1.0)
    edits = alignment_edits(quote, alignment, version.article.body)
    labels = _labels(alignment, edits)
    return QuoteMatch(
        quote=quote.id,
        label=most_serious(labels),
        labels=labels,
        source_article=version.article.id,
        source_spans=_spans(alignment, version.article.body),
        similarity=_similarity(quote, alignment),
        edits=edits,
    )


def _carries(alignment: Alignment) -> bool:
    """The other version says these words: most of the quote, or most of a shorter passage."""
    if alignment.coverage >= MIN_COVERAGE:
        return True
    return (
        alignment.matched >= MIN_CONTAINED_WORDS
        and alignment.matched >= MIN_COVERAGE * _fullness(alignment)
    )


def _own_is_fuller(quote: Quote, own: Version, other: Version, alignment: Alignment) -> bool:
    own_length, other_length = len(word_tokens(quote.text)), _fullness(alignment)
    if own_length != other_length:
        return own_length > other_length
    return _rank(own) < _rank(other)


def _content(words: list[str]) -> set[str]:
    return {stem(w) for w in words if not is_light(w)}


def _paraphrase_or_unsourced(quote: Quote, others: list[Version]) -> QuoteMatch:
    wanted = _content([t.norm for t in word_tokens(quote.text)])
    best: tuple[float, Version, Quote] | None = None
    for version in others:
        for candidate in version.text_for(quote.speaker).quotes:
            shared = wanted & _content([t.norm for t in word_tokens(candidate.text)])
            score = len(shared) / len(wanted) if wanted else 0.0
            if len(shared) >= PARAPHRASE_MIN_SHARED and (best is None or score > best[0]):
                best = (score, version, candidate)
    if best is None or best[0] < PARAPHRASE_OVERLAP:
        return QuoteMatch(quote.id, "unsourced", ["unsourced"])
    score, version, candidate = best
    span = SourceSpan(candidate.start, candidate.end, candidate.text)
    return QuoteMatch(
        quote.id, "paraphrase", ["paraphrase"], version.article.id, [span], round(score, 3)
    )


# Reported speech is someone's words retold, not quoted: it is not held to a source here.
QUOTED = ("direct", "transcript")


def compare_story(articles: list[Article], quotes: dict[str, list[Quote]]) -> list[QuoteMatch]:
    """A QuoteMatch for every quotation (direct or transcript) of the story's articles, in
    reading order."""
    versions = [
        Version(article, order, [q for q in quotes.get(article.id, []) if q.kind in QUOTED])
        for order, article in enumerate(articles)
    ]
    matches = []
    for version in versions:
        others = [v for v in versions if v is not version and v.quotes]
        for quote in version.quotes:
            matches.append(match_quote(quote, version, others))
    return matches
