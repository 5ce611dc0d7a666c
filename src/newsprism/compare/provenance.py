"""A story's quotes as statements, each occurrence labelled against the statement's fullest
version, with the evidence (source spans, word-level edits, coverage)."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism.compare.align import Alignment, SourceText, align
from newsprism.compare.edits import EditBuilder, labels_of
from newsprism.compare.statements import (
    Credits,
    Grouped,
    KnownLinks,
    Links,
    Occurrence,
    Speakers,
    Version,
    different_people,
    group_statements,
    occurrences_of,
    reconcile_speakers,
    rough_words,
    trigrams,
)
from newsprism.model import (
    FLAGS,
    LABEL_SEVERITY,
    Article,
    Edit,
    Quote,
    QuoteMatch,
    SourceSpan,
    Statement,
    most_serious,
)
from newsprism.text import Token, word_tokens

PARAPHRASE_OVERLAP = 0.6  # share of the quote's content words found in one other quote
PARAPHRASE_OTHER_OVERLAP = 0.3  # and of the other quote's (not a word list of a long answer)
PARAPHRASE_MIN_SHARED = 4
CLOSE_COVERAGE = 0.5  # a short quote with this share of its words in one run of another
PARAPHRASE_DENSITY = 0.6  # below this share of aligned words, a version is told in other words
REWORDED_SHARE = 0.25  # or this share of its words are others than the source's,
REWORDED_PLACES = 3  # or it words the source otherwise in this many places
REWORDED_KINDS = frozenset({"unaligned", "added", "edge-added", "content-word", "reworded"})

# A quote no other article quotes is still carried where another article prints this share of
# its words (in one run) outside quotation marks, for a quote of this many words at least.
UNQUOTED_COVERAGE = 0.9
UNQUOTED_MIN_WORDS = 6

# Reported speech is someone's words retold, not quoted, and a term is nobody's speech: only
# quotations are held to a source.
QUOTED = ("direct", "transcript")
OPENING_MARKS = "\"“‘'«„‚"


@dataclass
class Comparison:
    statements: list[Statement]
    matches: list[QuoteMatch]  # one a quotation of the story, in reading order
    links: KnownLinks = field(default_factory=KnownLinks)  # for the story's next comparison


def compare_story(
    articles: list[Article], quotes: dict[str, list[Quote]], known: KnownLinks | None = None
) -> Comparison:
    """Statements across the story's articles, and a QuoteMatch for every quotation. `known`:
    the links of the story's last comparison, of articles unchanged since (not aligned again)."""
    versions = [
        Version(article, order, [q for q in quotes.get(article.id, []) if q.kind in QUOTED])
        for order, article in enumerate(articles)
    ]
    occurrences = occurrences_of(versions)
    links = Links(occurrences, versions, known)
    grouped, alone = group_statements(occurrences, links)
    matches: dict[str, QuoteMatch] = {}
    credits = Credits([_members(group) for group in grouped], occurrences)
    statements = [_statement(group, matches, credits) for group in grouped]
    for group, statement in zip(grouped, statements, strict=True):
        _source_printed_unquoted(group.source, statement, versions, matches)
    passages_of = _source_passages(grouped, statements)
    for occurrence in alone:
        statement = passages_of.get(occurrence.quote.id)
        if statement is not None:  # a passage another outlet stitched into its quote
            matches[occurrence.quote.id] = QuoteMatch(
                occurrence.quote.id, "source", ["source"], statement.id, 1.0, similarity=1.0
            )
            statement.quotes.append(occurrence.quote.id)
        elif occurrence.quote.id not in matches:
            _paraphrase_or_alone(occurrence, versions, occurrences, statements, matches)
    _label_across_pieces(occurrences, versions, matches)
    for statement in statements:  # once every quote of it is labelled, pieces and all
        flags = {lb for q in statement.quotes for lb in matches[q].labels}
        statement.flags = [f for f in FLAGS if f in flags]
    order = {o.quote.id: n for n, o in enumerate(occurrences)}
    statements.sort(key=lambda s: order[s.source_quote])
    return Comparison(statements, [matches[o.quote.id] for o in occurrences], links.known())


def _label_across_pieces(
    occurrences: list[Occurrence], versions: list[Version], matches: dict[str, QuoteMatch]
) -> None:
    """A quote over several paragraphs is stored (and labelled) a piece a paragraph. Where
    two pieces of one quote come from one quote of the same source, what lies between them
    there is the outlet's too: source words left out between them make the later piece
    trimmed, or stitched where an earlier piece printed them (moved ahead). (A piece taken
    from before the one it follows is left as it is: outlets print one answer's sentences
    over paragraphs in their own order.)"""
    by_id = {o.quote.id: o for o in occurrences}
    version_of = {v.article.id: v for v in versions}
    for occurrence in occurrences:
        before = by_id.get(occurrence.quote.continues or "")
        if before is None or before.version is not occurrence.version:
            continue
        first, second = matches[before.quote.id], matches[occurrence.quote.id]
        source = version_of.get(first.source_article or "")
        if (
            source is None
            or second.source_article != first.source_article
            or not first.source_spans
            or not second.source_spans
            or {first.label, second.label} & {"source", "misattributed", "unsourced"}
        ):
            continue
        end, start = first.source_spans[-1].end, second.source_spans[0].start
        between = _words_between(source.text, end, start)
        if between and _printed_before(between, before, by_id, matches):
            _add_label(second, "stitched")  # the pieces print the source's passages reordered
        elif between:
            body = source.article.body
            second.edits.insert(
                0, Edit("delete", "", body[between[0].start : between[-1].end], "cut")
            )
            _add_label(second, "trimmed")


def _printed_before(
    between: list[Token],
    before: Occurrence,
    by_id: dict[str, Occurrence],
    matches: dict[str, QuoteMatch],
) -> bool:
    """Every source word between two pieces was printed by an earlier piece of the quote,
    from the same source article: the outlet moved that passage ahead, it left nothing out."""
    source = matches[before.quote.id].source_article
    spans: list[SourceSpan] = []
    piece = by_id.get(before.quote.continues or "")
    while piece is not None and piece.version is before.version:
        match = matches[piece.quote.id]
        if match.source_article == source:
            spans += match.source_spans
        piece = by_id.get(piece.quote.continues or "")
    return all(any(s.start <= t.start and t.end <= s.end for s in spans) for t in between)


def _words_between(text: SourceText, end: int, start: int) -> list[Token]:
    """The source quote's words from offset `end` to `start`, when both ends lie in one run
    of quotes (a quote, or one running over paragraphs or round its attribution)."""
    inside = [n for n, t in enumerate(text.tokens) if end <= t.start and t.end <= start]
    ends = [n for n, t in enumerate(text.tokens) if t.end == end or t.start == start]
    if len(ends) < 2 or len({text.chain[text.unit[n]] for n in ends}) != 1:
        return []
    return [text.tokens[n] for n in inside]


def _add_label(match: QuoteMatch, label: str) -> None:
    match.labels = sorted({*match.labels, label} - {"verbatim"}, key=_severity)
    match.label = most_serious(match.labels)


def _source_passages(grouped: list[Grouped], statements: list[Statement]) -> dict[str, Statement]:
    """The source article's quotes that a statement's occurrences were aligned to."""
    found = {}
    for group, statement in zip(grouped, statements, strict=True):
        for _, alignment in group.members:
            for unit in alignment.units:
                found.setdefault(alignment.source.quotes[unit].id, statement)
    return found


def _source_printed_unquoted(
    source: Occurrence,
    statement: Statement,
    versions: list[Version],
    matches: dict[str, QuoteMatch],
) -> None:
    """A statement's fullest quoted version whose words another article prints all the same
    outside quotation marks (the report or statement itself) is labelled against that
    passage, not `source`: it is no fuller than what it quotes."""
    if matches[source.quote.id].label != "source":
        return
    printed = _printed_unquoted(source, versions, outside_quotes=True)
    if printed is not None:
        printed.statement = statement.id
        matches[source.quote.id] = printed


def _printed_unquoted(
    occurrence: Occurrence, versions: list[Version], outside_quotes: bool = False
) -> QuoteMatch | None:
    """A quote no other article quotes, whose words another article prints all the same,
    outside quotation marks (a transcript, statement or post printed as it was, or a quote
    its extractor missed): labelled against that passage, with no statement to join
    (`outside_quotes`: a passage that overlaps none of that article's quotes, for a quote
    other articles do quote)."""
    if len(occurrence.tokens) < UNQUOTED_MIN_WORDS:
        return None
    best: tuple[float, Occurrence, Alignment] | None = None
    wanted = trigrams(rough_words(occurrence.quote.text))
    for version in versions:
        # Nine words in ten in one run share at least half their runs of three words.
        printed = version.unquoted_trigrams if outside_quotes else version.body_trigrams
        if version is occurrence.version or 2 * len(wanted & printed) < len(wanted):
            continue
        alignment = align(occurrence.tokens, version.body_text)
        if (
            alignment is None
            or len(alignment.passages) > 1
            or _spoken_share(alignment, occurrence) < UNQUOTED_COVERAGE
            or (outside_quotes and _in_quotes(alignment, version))
        ):
            continue
        if best is None or alignment.coverage > best[0]:
            paragraph = alignment.source.quotes[alignment.main_unit]
            best = (alignment.coverage, Occurrence(paragraph, version, []), alignment)
    if best is None:
        return None
    return label_against(occurrence, best[1], best[2])


def _in_quotes(alignment: Alignment, version: Version) -> bool:
    """The aligned passage overlaps a quote of the article."""
    tokens = alignment.source.tokens
    first, last = alignment.passages[0], alignment.passages[-1]
    start, end = tokens[first.s_start].start, tokens[last.s_end - 1].end
    return any(q.start < end and start < q.end for q in version.quotes)


def _spoken_share(alignment: Alignment, occurrence: Occurrence) -> float:
    """The lower of the share of the quote's words found and of those between its first and
    last found, a writer's square-bracketed insertions left out of both ('the solution
    [proposed system] needs'): they are not the speaker's, and other prints leave them out."""
    first, last = alignment.passages[0].q_start, alignment.passages[-1].q_end
    bracketed = occurrence.bracketed
    span = (last - first) - sum(bracketed[first:last])
    coverage = alignment.matched / max(1, occurrence.unbracketed)
    return min(1.0, coverage, alignment.matched / max(1, span))


def _paraphrase_or_alone(
    occurrence: Occurrence,
    versions: list[Version],
    occurrences: list[Occurrence],
    statements: list[Statement],
    matches: dict[str, QuoteMatch],
) -> None:
    """A quote no other article quotes word for word: it joins the statement of a quote
    that says the same in other words (or starts one with it), else it is labelled against
    another article that prints its words unquoted, else only its outlet has it."""
    partner = _paraphrased(occurrence, occurrences)
    if partner is None:
        printed = _printed_unquoted(occurrence, versions)
        unsourced = QuoteMatch(occurrence.quote.id, "unsourced", ["unsourced"])
        matches[occurrence.quote.id] = printed or unsourced
        return
    statement = next((s for s in statements if partner.quote.id in s.quotes), None)
    if statement is None:  # two quotes alone that say the same in other words
        source, reported = sorted((occurrence, partner), key=lambda o: o.rank)
        statement = _statement(Grouped(source, []), matches)
        statements.append(statement)
    else:
        reported, source = occurrence, partner
    matches[reported.quote.id] = _close_or_paraphrase(reported, source, statement)
    statement.quotes.append(reported.quote.id)
    if reported.version.outlet not in statement.outlets:
        statement.outlets.append(reported.version.outlet)


def _members(group: Grouped) -> list[Occurrence]:
    return group.occurrences()


def _statement(
    group: Grouped, matches: dict[str, QuoteMatch], credits: Credits | None = None
) -> Statement:
    source = group.source
    statement_id = f"st-{source.quote.id}"
    occurrences = _members(group)
    speakers = reconcile_speakers(occurrences, credits)
    # The fullest version is the source, unless its outlet credits the words to someone else.
    label = "misattributed" if source.quote.id in speakers.misattributed else "source"
    matches[source.quote.id] = QuoteMatch(
        source.quote.id, label, [label], statement_id, 1.0, similarity=1.0
    )
    for member, alignment in group.members:
        matches[member.quote.id] = label_against(member, source, alignment, statement_id, speakers)
    for occurrence, carrier, alignment in group.relayed:
        matches[occurrence.quote.id] = label_against(
            occurrence, carrier, alignment, statement_id, speakers
        )
    return Statement(
        id=statement_id,
        speaker=speakers.speaker,
        source_quote=source.quote.id,
        text=source.quote.text,
        quotes=[o.quote.id for o in occurrences],
        outlets=list(dict.fromkeys(o.version.outlet for o in occurrences)),
    )  # its flags are set in compare_story, once every quote of the story is labelled


def label_against(
    occurrence: Occurrence,
    source: Occurrence,
    alignment: Alignment,
    statement_id: str | None = None,
    speakers: Speakers | None = None,
) -> QuoteMatch:
    """How `occurrence` carries the words of `source` (aligned as `alignment`)."""
    body = source.version.article.body
    builder = EditBuilder(
        occurrence.quote.text, occurrence.tokens, alignment, body, _in_writers_sentence(occurrence)
    )
    edits = builder.edits()
    labels = labels_of(edits)
    if builder.told_inside or _told_otherwise(edits, alignment, builder.edge_words):
        labels = {"paraphrase"}
    elif len(alignment.passages) > 1:
        labels.add("stitched")
    if speakers and occurrence.quote.id in speakers.misattributed:
        labels.add("misattributed")
    ordered = sorted(labels or {"verbatim"}, key=_severity)
    return QuoteMatch(
        quote=occurrence.quote.id,
        label=most_serious(ordered),
        labels=ordered,
        statement=statement_id,
        coverage=round(min(1.0, alignment.matched / alignment.fullness), 3),
        source_article=source.version.article.id,
        source_spans=_spans(alignment, body),
        similarity=round(alignment.coverage, 3),
        edits=edits,
    )


def _in_writers_sentence(occurrence: Occurrence) -> bool:
    """The quote goes on from a word of the writer's sentence, no break before its opening
    mark ('saying only that "further details would be set out"'): reported speech, not a
    quotation standing on its own (after a colon or comma, or opening a paragraph)."""
    before = occurrence.version.article.body[: occurrence.quote.start]
    return before.rstrip().rstrip(OPENING_MARKS).rstrip()[-1:].isalnum()


def _told_otherwise(edits: list[Edit], alignment: Alignment, edge_words: int = 0) -> bool:
    """The same statement in other words: few of the quote's words found between its first
    and last aligned word, or other words in a quarter of that stretch or in several places
    (a second translation, a rewording), rather than targeted changes. Words swapped one or
    two at a time in several places, the words between them kept, are the same sentence
    altered word by word ('the enduring friendship that binds' -> 'the historic friendship
    between'), not a paraphrase."""
    if alignment.density < PARAPHRASE_DENSITY:
        return True
    reworded = [e for e in edits if e.kind in REWORDED_KINDS]
    span = alignment.passages[-1].q_end - alignment.passages[0].q_start + edge_words
    words = sum(len(word_tokens(e.reported)) for e in reworded)
    if span > 0 and words / span >= REWORDED_SHARE:
        return True
    swapped = all(e.kind == "content-word" for e in reworded)
    return len(reworded) >= REWORDED_PLACES and not swapped


def _severity(label: str) -> int:
    return LABEL_SEVERITY.index(label)


def _spans(alignment: Alignment, body: str) -> list[SourceSpan]:
    tokens = alignment.source.tokens
    spans = []
    for passage in alignment.passages:
        start, end = tokens[passage.s_start].start, tokens[passage.s_end - 1].end
        spans.append(SourceSpan(start, end, body[start:end]))
    return spans


def _paraphrased(occurrence: Occurrence, occurrences: list[Occurrence]) -> Occurrence | None:
    """The quote of another article with mostly the same content words, if any. Without a
    shared run of words to go on, two people confidently named apart are two statements."""
    wanted = occurrence.content
    best: tuple[float, Occurrence] | None = None
    for other in occurrences:
        if other.version is occurrence.version:
            continue
        shared = _shared_with(wanted, other)
        if shared is None:
            continue
        if different_people(occurrence, other):  # after the word test: most pairs fail that
            continue
        score = len(shared) / len(wanted)
        if best is None or score > best[0]:
            best = (score, other)
    return best[1] if best and best[0] >= PARAPHRASE_OVERLAP else None


def _shared_with(wanted: set[str], other: Occurrence) -> set[str] | None:
    """The content words `wanted` shares with the other quote, or with one sentence of it (a
    long answer one sentence of which a quote tells in other words), where they are enough
    and a fair share of the other's (not a word list of a long answer); the most such."""
    found = [
        shared
        for theirs in (other.content, *other.sentence_contents)
        if len(shared := wanted & theirs) >= PARAPHRASE_MIN_SHARED
        and len(shared) >= PARAPHRASE_OTHER_OVERLAP * len(theirs)
    ]
    return max(found, key=len, default=None)


def _close_or_paraphrase(
    occurrence: Occurrence, other: Occurrence, statement: Statement
) -> QuoteMatch:
    """A quote too short for an anchor that says the same as `other`: labelled against it
    where its words mostly align ('inhuman and barbaric act'), else a paraphrase."""
    alignment = align(occurrence.tokens, SourceText.of([other.quote]), strict=False)
    if alignment is not None and alignment.coverage >= CLOSE_COVERAGE:
        match = label_against(occurrence, other, alignment, statement.id)
        if match.label != "paraphrase":
            return match
    return _paraphrase(occurrence, other, statement)


def _paraphrase(occurrence: Occurrence, other: Occurrence, statement: Statement) -> QuoteMatch:
    wanted = occurrence.content
    score = len(wanted & other.content) / len(wanted) if wanted else 0.0
    span = SourceSpan(other.quote.start, other.quote.end, other.quote.text)
    return QuoteMatch(
        occurrence.quote.id,
        "paraphrase",
        ["paraphrase"],
        statement.id,
        source_article=other.version.article.id,
        source_spans=[span],
        similarity=round(score, 3),
    )
