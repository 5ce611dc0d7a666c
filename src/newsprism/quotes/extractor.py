"""Article -> Quote[]: direct quotes with their speakers, transcript answers, and terms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.budget import MAX_QUOTES, check_count, check_time
from newsprism.clean.structure import is_answer_turn, is_question_header, turn_of, turn_speaker
from newsprism.model import Article, Quote
from newsprism.quotes.attribution import (
    DASH_RE,
    Attribution,
    attribution_after,
    attribution_before,
    attribution_of_intro,
    attribution_of_sentence,
    attribution_of_what_clause,
    is_date_mention,
    last_report,
    last_subject,
)
from newsprism.quotes.indirect import indirect_speech
from newsprism.quotes.marks import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    SINGLE_OPENERS,
    MarkedSpan,
    closes_first,
    find_marked_spans,
    find_quote_spans,
    opens_with_mark,
    primary_style,
)
from newsprism.quotes.ranking import QuoteContext, SpeakerRanker, mention_at
from newsprism.quotes.speakers import PersonIndex
from newsprism.quotes.terms import TermContext, TermModel
from newsprism.text import count_words, sentence_spans

MIN_UNATTRIBUTED_WORDS = 1
# Characters of its paragraph on either side of a quote that its attribution, term and
# speaker rules read: far more than a sentence, and it bounds the work per quote, so a
# paragraph of thousands of quotes takes linear time.
QUOTE_CONTEXT_CHARS = 2000
OPENING_MARKS_RE = re.compile(r"[ \"“'‘]*")
TRAILING_MARKS_RE = re.compile(r"[ ”\"’'.]*")
ANSWER_PREFIX_CHARS = 3  # "A: "


@dataclass
class _Found:
    """A quote while its paragraph, links and attribution are being worked out."""

    quote: Quote
    paragraph: int
    span: MarkedSpan
    attribution: Attribution | None = None
    attribution_at: int = 0  # body offset of the searched text the attribution indexes
    continues: _Found | None = None
    masked: str = ""  # the quote's paragraph around it (`window`), quoted words blanked out
    offset: int = 0  # the body offset of `masked`
    window: int = 0  # where `masked` starts in the paragraph
    term: bool = False  # nobody's speech: a title, a nickname, a scare quote
    # the person the paragraph before ends on, for a quote with no attribution of its own
    # (taken after terms are told apart: it says nothing about whether the words are speech)
    subject_before: Attribution | None = None
    subject_before_at: int = 0


def extract_quotes(
    article: Article,
    indirect: bool = True,
    ranker: SpeakerRanker | None = None,
    terms: TermModel | None = None,
) -> list[Quote]:
    """Direct quotes and transcript answers with their speakers, terms, and (unless
    `indirect` is False) reported speech. `ranker` picks the speakers of quotes without a cue
    verb, `terms` tells terms from speech (the bundled ones unless given)."""
    answers = answer_paragraphs(article) if article.kind == "transcript" else set()
    found = _direct_quotes(article, skip=answers)
    _mark_terms(found, terms or TermModel.bundled())
    quoted = sorted((f.quote.start, f.quote.end) for f in found)
    people = PersonIndex.build(article, quoted, _cued_mentions(found))
    quotes = _attribute(found, people)
    _rank_uncued(found, quotes, people, ranker or SpeakerRanker.bundled())
    quotes += _transcript_quotes(article, answers, people)
    if indirect:
        quotes += _indirect_quotes(article, answers, people)
    quotes.sort(key=lambda q: q.start)
    return _number(article.id, quotes)


def _cued_mentions(found: list[_Found]) -> list[tuple[str, int]]:
    """Mentions a cue verb attributes a quote to, with their body offsets."""
    return [
        (item.attribution.mention, item.attribution_at + item.attribution.start)
        for item in found
        if item.attribution is not None and any(c.isalpha() for c in item.attribution.cue)
    ]


def answer_paragraphs(article: Article) -> set[int]:
    """Indexes of the paragraphs that are the interviewee's answers: after the first
    question header or turn, every paragraph that is not itself a question (a turn runs on
    over the paragraphs after it)."""
    answers: set[int] = set()
    in_answers = False
    for index, paragraph in enumerate(article.paragraphs):
        if is_question_header(paragraph):
            in_answers = True
        elif in_answers or is_answer_turn(paragraph) or turn_speaker(paragraph):
            answers.add(index)
            in_answers = True
    return answers


def _direct_quotes(article: Article, skip: set[int]) -> list[_Found]:
    style = primary_style(article.paragraphs)
    spans = article.paragraph_spans()
    found: list[_Found] = []
    left_open: _Found | None = None
    marks = 0
    quoted_here = False  # whether the paragraph before has quotes
    a_line: bool | None = None  # whether the article prints a sentence a line
    for index, paragraph in enumerate(article.paragraphs):
        check_time("quotes")
        carried = None
        open_style = style if left_open is None else left_open.span.style
        if left_open is not None and index not in skip:
            if a_line is None:
                a_line = sentence_a_line(article.paragraphs)
            reopens = a_line and _opens_whole(left_open, article.paragraphs, open_style)
            carried = _carried(paragraph, open_style) or _unmarked_middle(
                article.paragraphs, index, open_style, reopens
            )
        continuing = left_open is not None and open_style == "single"
        marked = (
            [] if index in skip else carried or find_quote_spans(paragraph, style, continuing)
        )
        marks += len(marked)
        check_count("quotes", marks, MAX_QUOTES)
        quoted_before, quoted_here = quoted_here, bool(marked)
        if not marked:  # no quote here, nor one running on into the next paragraph
            left_open = None
            continue
        masked = _masked(paragraph, marked)
        continued = left_open if carried or opens_with_mark(paragraph, open_style) else None
        indent = len(paragraph) - len(paragraph.lstrip())
        left_open = None
        previous: _Found | None = None
        for span in marked:
            item = _found(article, index, spans[index][0], span)
            if item is None:
                continue
            item.window, item.masked = _window(masked, span)
            item.offset = spans[index][0] + item.window
            _attach_attribution(item)
            _attach_turn(item, paragraph)
            if index and not carried and _intro_may_name(item, masked, span.start):
                _attach_intro(item, article.paragraphs[index - 1], spans[index - 1][0])
            if item.attribution is None and index + 1 < len(article.paragraphs):
                _attach_sign_off(
                    item, paragraph, article.paragraphs[index + 1], spans[index + 1][0]
                )
            opens = span.start <= indent + 1
            if item.attribution is None and index and opens and not quoted_before:
                _attach_last_report(item, article.paragraphs[index - 1], spans[index - 1][0])
            if continued and span.start <= 1 + indent:
                item.continues = continued
            elif previous and _only_attribution_between(paragraph, previous, item):
                item.continues = previous
            found.append(item)
            previous = item
            left_open = None if span.closed else item
    return [f for f in found if _worth_keeping(f)]


def _carried(paragraph: str, style: str) -> list[MarkedSpan] | None:
    """The quoted stretches of a paragraph that carries on, without an opening mark, a quote
    left open in the paragraph before ('... getting them to participate personally' / 'in
    caucuses and primaries.”'): only when its first mark closes that quote, and what it closes
    is not a sign-off ('Bill Clinton."', the speaker's name under the quote)."""
    if opens_with_mark(paragraph, style) or not closes_first(paragraph, style):
        return None
    spans = find_marked_spans(paragraph, style, carried=True)
    if not spans or not spans[0].closed or _signed(paragraph[: spans[0].end]):
        return None
    return spans


MAX_UNMARKED_MIDDLE = 4  # paragraphs without a mark inside one quote ('"I'm angry.' / ...)
MAX_REOPENED_MIDDLE = 3  # the same, where a paragraph opening with a mark carries the quote on
SENTENCE_A_LINE = 0.85  # share of one-sentence paragraphs in an article printed a sentence a line


def _unmarked_middle(
    paragraphs: list[str], index: int, style: str, reopens: bool = False
) -> list[MarkedSpan] | None:
    """A paragraph with no quotation mark inside a quote left open before it: the whole
    paragraph is quoted when a paragraph soon after, with no mark between, carries on and
    closes that quote (corpora that print a sentence a line; quotes whose middle paragraphs
    open without a mark), or, where `reopens`, opens with a mark and so carries the quote on
    by the news convention (one speaker's paragraphs each open with a mark, only the last
    closes): '"Our country has reached the edge of the abyss.' / 'It is the responsibility
    of us all ...' / '"What is at stake ... social peace."'."""
    for ahead in range(index, min(index + MAX_UNMARKED_MIDDLE + 1, len(paragraphs))):
        if find_marked_spans(paragraphs[ahead], style) or closes_first(paragraphs[ahead], style):
            carried_on = _carried(paragraphs[ahead], style) or (
                reopens
                and ahead - index <= MAX_REOPENED_MIDDLE
                and opens_with_mark(paragraphs[ahead], style)
                and all(_ends_sentence(p) for p in paragraphs[index:ahead])
            )
            if ahead > index and carried_on:
                return [MarkedSpan(0, len(paragraphs[index]), closed=False, style=style)]
            return None
    return None


def sentence_a_line(paragraphs: list[str]) -> bool:
    """The article prints (nearly) one sentence a paragraph, as corpora split into sentences
    do: a paragraph without marks inside an open quote is then one of its sentences, where in
    news paragraphs it would be narration."""
    lines = [p for p in paragraphs if p.strip()]
    single = sum(len(sentence_spans(p.strip())) <= 1 for p in lines)
    return bool(lines) and single >= SENTENCE_A_LINE * len(lines)


def _ends_sentence(paragraph: str) -> bool:
    return paragraph.rstrip()[-1:] in ".!?…"


def _opens_whole(item: _Found, paragraphs: list[str], style: str) -> bool:
    """A quote left open that opens its paragraph or follows an introducing colon ('He
    added: "...'), with no stray mark inside it: not a closing mark misread as opening
    ('... we could do, "said the juror')."""
    paragraph = paragraphs[item.paragraph]
    before = paragraph[: item.span.start].rstrip(" \t" + "".join(DOUBLE_MARKS | SINGLE_MARKS))
    if before.strip() and not before.endswith(":"):
        return False
    inside = paragraph[item.span.start : item.span.end]
    stray = DOUBLE_MARKS if style == "double" else SINGLE_OPENERS  # not apostrophes
    return not any(mark in inside for mark in stray)


SIGN_OFF_WORDS = 12
CLAUSE_WORDS = {"i", "we", "you", "he", "she", "they", "it", "is", "are", "was", "were", "be"}


def _signed(text: str) -> bool:
    """'S.C. Rep. Jim Clyburn.', 'Dean Baker, Center for Economic and Policy Research.': a
    name and a description, no clause."""
    words = text.split()
    return (
        0 < len(words) <= SIGN_OFF_WORDS
        and all(w[:1].isupper() for w in words[:2])
        and not any(w.lower().strip(",.") in CLAUSE_WORDS for w in words)
    )


def _found(article: Article, index: int, offset: int, span: MarkedSpan) -> _Found | None:
    paragraph = article.paragraphs[index]
    text = paragraph[span.start : span.end]
    stripped = text.strip().rstrip(",").rstrip()
    if not stripped:
        return None
    start = offset + span.start + (len(text) - len(text.lstrip()))
    return _Found(_quote_at(article, start, start + len(stripped), stripped), index, span)


def _window(masked: str, span: MarkedSpan) -> tuple[int, str]:
    """The stretch of the masked paragraph a quote's rules read, cut at spaces, and where it
    starts: the whole paragraph unless it is long."""
    start, end = span.start - QUOTE_CONTEXT_CHARS, span.end + QUOTE_CONTEXT_CHARS
    if start <= 0 and end >= len(masked):
        return 0, masked
    if start > 0:
        space = masked.find(" ", start, span.start)
        start = space + 1 if space >= 0 else start
    if end < len(masked):
        space = masked.rfind(" ", span.end, end)
        end = space if space >= 0 else end
    return max(start, 0), masked[max(start, 0) : end]


def _local(item: _Found) -> tuple[int, int]:
    """The quote's marked span in `item.masked`."""
    return item.span.start - item.window, item.span.end - item.window


def _attach_attribution(item: _Found) -> None:
    """The attribution after the closing mark (', he said'), else in the sentence before the
    opening mark (a cue and its subject), else the subject of the sentence the quote is in."""
    masked = item.masked
    start, end = _local(item)
    after_start = min(end + 1, len(masked))
    before_end = max(0, start - 1)
    attribution = (
        attribution_of_what_clause(masked, before_end)
        or attribution_after(masked, after_start, _closes_sentence(item.quote.text))
        or attribution_before(masked, before_end)
        or attribution_of_sentence(masked, before_end)
    )
    if attribution:
        item.attribution, item.attribution_at = attribution, item.offset


# A full stop ending quoted words ends the sentence; after "?" or "!" it may go on
# ('"Why now?" Trump asked').
SENTENCE_END_RE = re.compile(r"\.[”\"’'»)]*$")


def _closes_sentence(quoted: str) -> bool:
    return SENTENCE_END_RE.search(quoted) is not None


def _masked(paragraph: str, marked: list[MarkedSpan]) -> str:
    """The paragraph with quoted words blanked out (so they are not taken for a cue or a
    speaker), offsets unchanged. A stop ending the quoted words stays: it ends a sentence."""
    pieces, done = [], 0
    for quoted in marked:
        words = paragraph[quoted.start : quoted.end]
        kept = len(words.rstrip())
        stop = words[kept - 1] if kept and words[kept - 1] in ".!?" else ""
        pieces += [paragraph[done : quoted.start], " " * (kept - len(stop)), stop]
        pieces.append(" " * (len(words) - kept))
        done = max(done, quoted.end)
    return "".join([*pieces, paragraph[done:]])


TURN_RE = re.compile(
    r"([A-Z][A-Z’'.\-]+(?: [A-Z][A-Z’'.\-]+){0,2}|(?:[A-Z][\w’'.\-]+ ){0,2}[A-Z][\w’'.\-]+):\s"
)


def _attach_turn(item: _Found, paragraph: str) -> None:
    """'"WALLACE: But, Governor ...': an interview turn quoted whole names its speaker."""
    match = TURN_RE.match(paragraph, item.span.start)
    opens = OPENING_MARKS_RE.match(paragraph).end() >= item.span.start  # type: ignore[union-attr]
    if match and len(match.group(1)) > 1 and (opens or match.group(1).isupper()):
        # "Q:" and "A:" are the transcript reader's; '“Collapse: How Societies Choose ...”'
        # inside a sentence is a title
        name = match.group(1)
        item.attribution = Attribution(name, match.start(1), match.end(1), ":")
        item.attribution_at = item.offset - item.window  # the match indexes the paragraph


def _attach_last_report(item: _Found, previous: str, offset: int) -> None:
    """A quote opening its paragraph with no attribution, after a paragraph without quotes:
    the person that paragraph last reports as speaking."""
    if _link_text(previous):
        return  # "Facebook AI 'will identify terrorists'": a headline linked, not a report
    if attribution := last_report(previous):
        item.attribution, item.attribution_at = attribution, offset
    elif subject := last_subject(previous):
        item.subject_before, item.subject_before_at = subject, offset


LINK_TEXT_WORDS = 8  # no longer than a headline
LINE_STOPS = ".!?:;,"
CLOSING_MARKS = "\"”’')"


def _link_text(line: str) -> bool:
    """A short line ending in no stop with a lower-case word in it: a headline of another
    story, linked from a scraped page, or a section's heading ('Losing hope'); not a name
    set over the words it introduces ('Karl Rove')."""
    text = line.strip().rstrip(CLOSING_MARKS)
    if not text or text[-1] in LINE_STOPS or len(text.split()) > LINK_TEXT_WORDS:
        return False
    return LOWER_CASE_WORD_RE.search(text) is not None


def _attach_intro(item: _Found, previous: str, offset: int) -> None:
    """'Cruz continued:' as the paragraph before a quote that opens its paragraph; or a
    paragraph ending in reported speech ('Carter said that ... would not happen.')."""
    if attribution := attribution_of_intro(previous) or _closing_report(previous):
        item.attribution, item.attribution_at = attribution, offset


LOWER_CASE_WORD_RE = re.compile(r"\b[a-z]")


def _intro_may_name(item: _Found, masked: str, start: int) -> bool:
    """Whether the paragraph before may name a quote's speaker ('Karl Rove:'): the quote has
    no cue or turn of its own (a sentence's subject at most) and nothing but a label before
    it in its paragraph, no lower-case word ('Romney 285, Obama 253. “...”' under 'Karl
    Rove:')."""
    own = item.attribution is not None and item.attribution.cue not in ("", "?")
    return not own and not LOWER_CASE_WORD_RE.search(masked, 0, start)


def _closing_report(paragraph: str) -> Attribution | None:
    reported = indirect_speech(paragraph)
    last = reported[-1] if reported else None
    if last is None or paragraph[last.end :].strip(" .\"”’'"):
        return None
    return last.attribution


MAX_SIGN_OFF_PARAGRAPH_WORDS = 12


def _attach_sign_off(item: _Found, paragraph: str, following: str, offset: int) -> None:
    """A quote ending its paragraph, signed in the next: '“...”' / '- Bernie Sanders.'"""
    ends_paragraph = TRAILING_MARKS_RE.match(paragraph, item.span.end).end() == len(paragraph)  # type: ignore[union-attr]
    if not ends_paragraph or len(following.split()) > MAX_SIGN_OFF_PARAGRAPH_WORDS:
        return
    if DASH_RE.match(following) and (attribution := attribution_after(following, 0)):
        item.attribution, item.attribution_at = attribution, offset


def _only_attribution_between(paragraph: str, first: _Found, second: _Found) -> bool:
    """'“X,” he said, “Y.”': the second part carries on the first."""
    start, end = first.span.end + 1, second.span.start - 1
    attribution = first.attribution
    if attribution is None or not first.span.closed:
        return False
    # an attribution found in the quote's window indexes the window, not the paragraph
    shift = first.window if first.attribution_at == first.offset else 0
    mention_start, mention_end = attribution.start + shift, attribution.end + shift
    if not start <= mention_start < end:
        return False
    rest = paragraph[start:mention_start] + paragraph[mention_end:end]
    return not rest.replace(attribution.cue, "").strip(" ,;:—–-")


def _worth_keeping(item: _Found) -> bool:
    chained = item.continues is not None
    return (
        chained
        or item.attribution is not None
        or count_words(item.quote.text) >= MIN_UNATTRIBUTED_WORDS
    )


def _mark_terms(found: list[_Found], model: TermModel) -> None:
    """Terms among the quotes: never a quote that carries another on or is carried on."""
    chained = {id(item.continues) for item in found if item.continues is not None}
    free = [item for item in found if item.continues is None and id(item) not in chained]
    for item in free:
        item.term = model.is_term(_term_context(item))
    # The same words are the same thing wherever the article quotes them: a show's name
    # after 'on CNN’s' and again as the subject of a sentence.
    named = {_words_of(item.quote.text) for item in free if item.term}
    for item in free:
        item.term = item.term or _words_of(item.quote.text) in named


def _words_of(text: str) -> str:
    return text.strip(" ,.;:!?\"'“”‘’").lower()


def _term_context(item: _Found) -> TermContext:
    attribution = item.attribution
    # "" and "?" mark a sentence subject found without a cue
    cue = attribution.cue if attribution is not None and attribution.cue not in ("", "?") else None
    start, end = _local(item)
    # an attribution in another paragraph (an intro before it, a sign-off after) has its own
    # offset; in the quote's own paragraph it is before the quote when it starts before it
    before = item.attribution_at < item.offset or (
        item.attribution_at == item.offset and attribution is not None and attribution.start < start
    )
    return TermContext(
        quoted=item.quote.text,
        before=item.masked[:start],
        after=item.masked[end:],
        cue=cue,
        cue_before=cue is not None and before,
        subject=attribution is not None and cue is None,
        closed=item.span.closed,
        at=item.quote.start,
    )


def _attribute(found: list[_Found], people: PersonIndex) -> list[Quote]:
    """Speaker of each quote: its own attribution (a cue and its subject), else that of the
    quote it carries on, else that of the quote before it when the same speaker is likely,
    else the subject of its sentence. A term has none, and is passed over."""
    quotes: list[Quote] = []
    by_item: dict[int, Quote] = {}
    earlier: _Found | None = None  # the last quote that is not a term
    for item in found:
        quote = item.quote
        weak = item.attribution is not None and item.attribution.cue == "?"
        if item.term:
            quote.kind = "term"
        elif item.attribution and not weak:  # a cue, or a subject earlier in the sentence
            quote = _with_attribution(quote, item, people)
        elif item.continues is not None and id(item.continues) in by_item:
            quote = _inherit(quote, by_item[id(item.continues)])
        elif earlier is not None and _same_speaker_likely(earlier, item):
            quote = _inherit(quote, by_item[id(earlier)])
        elif weak:  # only the subject of the sentence the quote sits in
            quote = _with_attribution(quote, item, people)
        elif item.subject_before is not None:
            item.attribution, item.attribution_at = item.subject_before, item.subject_before_at
            quote = _with_attribution(quote, item, people)
        if item.continues is not None:
            quote.continues = item.continues.quote.id
        by_item[id(item)] = quote
        quotes.append(quote)
        earlier = earlier if item.term else item
    return _backfill_chains(found, quotes, by_item)


def _with_attribution(quote: Quote, item: _Found, people: PersonIndex) -> Quote:
    """Fill in the speaker from the quote's own attribution (the quote is this item's own)."""
    attribution = item.attribution
    assert attribution is not None
    start = item.attribution_at + attribution.start
    quote.speaker = people.resolve(attribution.mention, start)
    quote.speaker_mention = attribution.mention
    quote.speaker_start = start
    quote.speaker_end = item.attribution_at + attribution.end
    people.note_speaker(start, quote.speaker_end, quote.speaker)
    quote.cue = attribution.cue if any(c.isalpha() for c in attribution.cue) else None
    return quote


SIGNED = (":", "—")  # 'PENCE: ...', '“...” ― Krystal Correa': named as plainly as by a cue


def _rank_uncued(
    found: list[_Found], quotes: list[Quote], people: PersonIndex, ranker: SpeakerRanker
) -> None:
    """A quote with an attribution of its own but no cue verb (the subject of its sentence)
    takes the ranker's choice among the mentions around it. A quote with none, which carries
    on the speaker of the quote before, keeps it: on those the ranker gained about 4 of 116
    in cross-validation, for a tenth of its time. The ranker is told who last spoke with a
    cue verb: a quote without one is often theirs ('She ... admitted “one or two instances”'
    after 'Hillary Clinton said ...')."""
    focus: frozenset[str] = frozenset()
    person_words = frozenset(people.by_part)
    for item, quote in zip(found, quotes, strict=True):
        if quote.cue is not None and quote.speaker:
            focus = people.naming_words(quote.speaker)
        if quote.cue is not None or quote.speaker_start is None or quote.speaker_end is None:
            continue
        if item.attribution is None or item.attribution.cue in SIGNED:
            continue
        offset = item.offset
        rule = (quote.speaker_start - offset, quote.speaker_end - offset)
        quoted = (quote.start - offset, quote.end - offset)
        context = QuoteContext(item.masked, quoted, rule, offset, focus, person_words)
        choice = ranker.choose(context)
        if choice is None or choice.keep or (choice.start < rule[1] and choice.end > rule[0]):
            continue
        start, end = mention_at(item.masked, choice.start, choice.end)
        if is_date_mention(item.masked[start:end]):
            continue
        quote.speaker_mention = item.masked[start:end]
        quote.speaker = people.resolve(quote.speaker_mention, offset + start)
        quote.speaker_start, quote.speaker_end = offset + start, offset + end


def _inherit(quote: Quote, earlier: Quote) -> Quote:
    quote.speaker = earlier.speaker
    quote.speaker_mention = earlier.speaker_mention
    quote.speaker_start = earlier.speaker_start
    quote.speaker_end = earlier.speaker_end
    return quote


def _same_speaker_likely(earlier: _Found, item: _Found) -> bool:
    """An unattributed quote in the paragraph of an earlier quote, or opening the paragraph
    straight after one, is by the same speaker (news convention)."""
    if earlier.paragraph == item.paragraph:
        return True
    return earlier.paragraph == item.paragraph - 1 and item.span.start <= 2


def _backfill_chains(
    found: list[_Found], quotes: list[Quote], by_item: dict[int, Quote]
) -> list[Quote]:
    """A multi-paragraph quote attributed only in a later paragraph: earlier parts take it."""
    position_of = {id(item): position for position, item in enumerate(found)}
    for position in range(len(found) - 1, -1, -1):
        head = found[position].continues
        if head is None or quotes[position].speaker is None:
            continue
        head_position = position_of[id(head)]
        if quotes[head_position].speaker is None:
            quotes[head_position] = _inherit(quotes[head_position], quotes[position])
    return quotes


def _transcript_quotes(article: Article, answers: set[int], people: PersonIndex) -> list[Quote]:
    speaker = people.resolve(article.interviewee, 0) if article.interviewee else None
    spans = article.paragraph_spans()
    quotes: list[Quote] = []
    for index in sorted(answers):
        start, end = spans[index]
        paragraph = article.paragraphs[index]
        who, mention, mention_at = speaker, article.interviewee, None
        previous = quotes[-1] if quotes and index - 1 in answers else None
        if turn := turn_of(paragraph):  # "WALLACE: ...": the turn names its speaker
            name, words_at = turn
            label = people.label(name)  # "Full Time: ..." in a list names nobody
            who = label and (people.resolve(name, start) or label)
            mention, mention_at = name, start
            start += words_at
            previous = None
        elif is_answer_turn(paragraph):  # "A: ...": the interviewee, marked by the "A"
            mention, mention_at = paragraph[:1], start
            start += ANSWER_PREFIX_CHARS
        elif previous is not None:  # an answer running on from the paragraph before
            who, mention, mention_at = (
                previous.speaker,
                previous.speaker_mention,
                previous.speaker_start,
            )
        quotes.append(
            _quote_at(
                article,
                start,
                end,
                speaker=who,
                speaker_mention=mention,
                speaker_start=mention_at,
                speaker_end=mention_at + len(mention)
                if mention_at is not None and mention
                else None,
                kind="transcript",
                continues=previous.id if previous else None,
            )
        )
    return quotes


def _indirect_quotes(article: Article, skip: set[int], people: PersonIndex) -> list[Quote]:
    """Reported speech ('Klopp said that ...') outside the direct quotes, kind `indirect`."""
    quotes = []
    for index, (offset, _) in enumerate(article.paragraph_spans()):
        if index in skip:
            continue
        check_time("reported speech")
        paragraph = article.paragraphs[index]
        for reported in indirect_speech(paragraph):
            start, end = offset + reported.start, offset + reported.end
            mention = reported.attribution
            quotes.append(
                _quote_at(
                    article,
                    start,
                    end,
                    paragraph[reported.start : reported.end],
                    speaker=people.resolve(mention.mention, offset + mention.start),
                    speaker_mention=mention.mention,
                    speaker_start=offset + mention.start,
                    speaker_end=offset + mention.end,
                    cue=mention.cue,
                    kind="indirect",
                )
            )
    return quotes


def _quote_at(
    article: Article, start: int, end: int, text: str | None = None, **fields: object
) -> Quote:
    """A quote of the article's body[start:end] (`text`, when the caller has sliced it from
    its paragraph: joining the body for each quote is slow), with a provisional id until
    `_number`."""
    text = article.body[start:end] if text is None else text
    return Quote(id=f"~{start}", article=article.id, text=text, start=start, end=end, **fields)  # type: ignore[arg-type]


def _number(article_id: str, quotes: list[Quote]) -> list[Quote]:
    """Final ids in reading order; `continues` links rewritten to them."""
    final = [f"{article_id}-q{n}" for n in range(1, len(quotes) + 1)]
    ids: dict[str, str] = {}
    for quote, new in zip(quotes, final, strict=True):
        ids.setdefault(quote.id, new)  # two quotes opening at one offset share a working id
    for quote, new in zip(quotes, final, strict=True):  # this extraction's own: in place
        quote.id = new
        quote.continues = ids.get(quote.continues) if quote.continues else None
    return quotes
