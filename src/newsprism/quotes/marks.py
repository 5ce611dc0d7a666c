"""Find quoted stretches in paragraphs: every style of quotation mark, nested marks kept inside,
apostrophes told apart from single quotes, quotes left open to run into the next paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.quotes.attribution import find_cues

DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»“"
SINGLE_OPENERS = "‘‚‹"
SINGLE_CLOSERS = "’›‘"
STRAIGHT = {'"': "double", "'": "single"}
OPENING_CONTEXT = " \t([{—–-:;/\n"


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """Quoted text inside one paragraph: `start`/`end` index the paragraph, marks excluded."""

    start: int
    end: int
    closed: bool  # a closing mark ends it (else it runs to the end of the paragraph)
    style: str = "double"  # the marks it was read with: 'double' or 'single'


def primary_style(paragraphs: list[str]) -> str:
    """'double' unless the article quotes only with single marks (British style). One
    straight double mark is enough: an excerpt cut off mid-quote ('were "an important
    milestone as we ...') never closes it."""
    text = "\n".join(paragraphs)
    if any(c in text for c in DOUBLE_OPENERS + DOUBLE_CLOSERS) or '"' in text:
        return "double"
    return "double" if any(mark in text for mark in TYPED_DOUBLE_MARKS) else "single"


# Double marks typed as two single ones: straight ('' and ``) or curly ('‘‘ ... ’’', as some
# papers set a closing double mark: '“That should have stood out,’’ the official said').
TYPED_DOUBLE_MARKS = ("''", "``", "‘‘", "’’")
MARK_RE = re.compile(r"''|``|[“”„‟«»\"‘’‚‹›']")
# Per style, the marks it quotes with: skipping apostrophes in the regex, not in Python. Each
# alternative a literal, so that `re` skips ahead to the first characters of the marks.
STYLE_MARK_RE = {
    "double": re.compile("|".join([*TYPED_DOUBLE_MARKS, *'“”„‟«»"'])),
    "single": MARK_RE,
}
DOUBLE_MARKS = {*TYPED_DOUBLE_MARKS, "“", "”", "„", "‟", "«", "»", '"'}
SINGLE_MARKS = {"‘", "’", "‚", "‹", "›", "'"}


def _opens(text: str, start: int, mark: str, style: str) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[start + len(mark)] if start + len(mark) < len(text) else " "
    if style == "double":
        if mark == "“" and _punctuation_follows(text, start + len(mark)):
            return False  # a closing mark set the wrong way round ('orchestra “, she said')
        if mark in ("“", "„", "‟", "«", "``", "‘‘"):
            return True
        if mark == "’’":
            return False
        if mark == "”":  # set the wrong way round ('”This finding ... disease.“')
            return (_opening_context(before) or start == 0) and after.isalnum()
        if mark not in ('"', "''") or not (_opening_context(before) or start == 0):
            return False
        return after != " " or _spaced_opening(text, start, start + len(mark))
    if ELISION_RE.match(text, start + len(mark)):
        return False
    if mark in ("‘", "‚", "‹"):
        return _opening_context(before) or start == 0 or not before.isalnum()
    return mark == "'" and (_opening_context(before) or start == 0)


# An apostrophe standing for left-out letters at a word's start, not an opening mark: "the
# '90s", "rock 'n' roll", "'em", "'til".
ELISION_RE = re.compile(r"(?:\d\ds\b|n['’]\s|em\b|til\b|tis\b|twas\b)", re.IGNORECASE)


def _spaced_opening(text: str, start: int, end: int) -> bool:
    """A straight mark set apart by spaces that opens a sentence of its own: after a
    sentence's end (or a colon) and before a capital ('he says. " And we're going to'); a
    stray closing mark stands before the writer's words ('... do, " said the juror')."""
    at = start
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return (at == 0 or text[at - 1] in SPACED_OPENING_AFTER) and text[end + 1 : end + 2].isupper()


SPACED_OPENING_AFTER = ".!?:"


def _opening_context(before: str) -> bool:
    """What may stand right before an opening mark: a space of any kind (a no-break space
    too), an opening bracket, a dash, a colon."""
    return before in OPENING_CONTEXT or before.isspace()


def _closes(text: str, start: int, mark: str, style: str) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[start + len(mark)] if start + len(mark) < len(text) else " "
    if style == "double":
        if mark in ("”", "»", "’’"):
            return True
        # A straight mark after a space still closes when a nested quote or a comma ends
        # right before it: '... this is important,' " Magel said', "coalitions, '' said".
        before_space = text[start - 2] if start > 1 else " "
        straight_closes = not before.isspace() or (before_space in "'’,.!?" and after == " ")
        return (mark in ('"', "''") and straight_closes) or (
            mark == "“"
            and (not before.isspace() or _punctuation_follows(text, start + len(mark)))
            and not after.isalnum()
        )
    if mark in ("’", "›", "'"):
        # An apostrophe sits between letters (don’t) or ends a plural possessive (players’ ),
        # or stands apart before a contraction in a tokenised text ('we ’ ll', 'don ’ t').
        if (
            start >= 2
            and text[start - 2].isalpha()
            and SPACED_CONTRACTION_RE.match(text, start + len(mark))
        ):
            return False
        return not after.isalnum() and not (before == "s" and after == " ")
    return False


SPACED_CONTRACTION_RE = re.compile(r" (?:s|m|re|ve|ll|d|t)\b")
# What no quotation starts with: a comma, a semicolon, a full stop (not an ellipsis).
CLAUSE_PUNCTUATION_RE = re.compile(r" ?(?:[,;]|\.(?!\.))")


def _punctuation_follows(text: str, at: int) -> bool:
    return CLAUSE_PUNCTUATION_RE.match(text, at) is not None


def find_marked_spans(paragraph: str, style: str, carried: bool = False) -> list[MarkedSpan]:
    """Quoted stretches of one paragraph; one left open runs to the paragraph's end. A
    `carried` paragraph opens inside a quote left open in the paragraph before."""
    wanted = DOUBLE_MARKS if style == "double" else SINGLE_MARKS
    spans: list[MarkedSpan] = []
    start: int | None = 0 if carried else None
    for match in STYLE_MARK_RE[style].finditer(paragraph):
        mark = match.group()
        if mark not in wanted:
            continue
        if start is None:
            if _opens(paragraph, match.start(), mark, style):
                start = match.end()
        elif match.start() == start and start > 0:
            start = match.end()  # a mark doubled ('“”[My stomach churns] ...'): it goes on
        elif _closes(paragraph, match.start(), mark, style) or _closes_before_attribution(
            paragraph, match.start(), mark
        ):
            if match.start() > start and not _nickname(paragraph, start, match.start()):
                spans.append(MarkedSpan(start, match.start(), True, style))
            start = None
        elif style == "double" and _opens(paragraph, match.start(), mark, style):
            # A mark that opens a quote after the writer's attribution of the open one, whose
            # closing mark was left out ('... hope, said Kunz Sr. "It's a bad thing ...').
            cut = _attributed_end(paragraph, start, match.start())
            if cut is not None:
                spans.append(MarkedSpan(start, cut, True, style))
                start = match.end()
    if start is not None and start < len(paragraph):
        end = _attributed_end(paragraph, start) if style == "double" else None
        spans.append(MarkedSpan(start, end or len(paragraph), end is not None, style))
    return spans


# The writer's attribution after a quote's last words, ending its clause: '..., said Kunz
# Sr.', '...? poses KFC spokeswoman Jocelyn Bynoe.', '..., Osama noted.', '..., she said.'
SAID = r"(?:said|says|added|adds|noted|notes|asked|asks|explained|explains|continued|poses|posed)"
CAPITALISED = r"[A-Z][\w.’'-]*"
ATTRIBUTION_AFTER_RE = re.compile(
    rf"[,?!]\s+(?:{SAID}\s+(?:[\w.’'-]+\s+){{0,4}}{CAPITALISED}"
    rf"|(?:he|she|they|{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}})\s+{SAID})(?=[.,;]|\s*$)"
)
NESTED_OPENING_RE = re.compile(r"[,:]?\s*[\"“‘']")


# A straight mark set against the writer's attribution, not the quote it closes, as a text
# tokenised and joined again may leave it ('... definitely wrong, "Pigeon told The Canadian
# Press.', '... we could do, "said the juror.'): after the quote's closing punctuation and a
# space, before a speech verb and its subject.
SPEECH_VERB = r"(?:said|says|told|tells|added|adds|noted|notes|explained|explains|wrote|writes)"
ATTRIBUTION_OPENS_RE = re.compile(
    rf"(?:[a-z]+|{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}})\s+{SPEECH_VERB}\b"
    rf"|{SPEECH_VERB}\s+\w"
)


def _closes_before_attribution(paragraph: str, start: int, mark: str) -> bool:
    """A straight double mark after a quote's closing punctuation and a space, glued to the
    writer's attribution that follows ('..., "Pigeon told', '..., "said the juror'), with no
    mark after it in the paragraph (not speech nested in the quote: '..., "They said no."'):
    it closes."""
    if mark != '"' or start < 2 or not paragraph[start - 1].isspace():
        return False
    if paragraph[start - 2] not in ",?!." or '"' in paragraph[start + 1 :]:
        return False
    return ATTRIBUTION_OPENS_RE.match(paragraph, start + 1) is not None


def _attributed_end(paragraph: str, start: int, end: int | None = None) -> int | None:
    """Where a quote left open ends on the writer's attribution, its closing mark left out
    ('... their cup and eat it, instead? poses KFC spokeswoman Jocelyn Bynoe. She says ...',
    '... with internet and mobile services, Osama noted.'): a quote runs on into the next
    paragraph, but not over its own attribution. One that opens speech nested in the quote
    ('he said, 'If we don't ...') is the speaker's telling, not the writer's."""
    for found in ATTRIBUTION_AFTER_RE.finditer(paragraph, start, end or len(paragraph)):
        at = found.start() + 1
        if len(paragraph[start:at].split()) < MIN_SPEECH_WORDS:
            continue
        ended = found.group().endswith(".")  # 'said Kunz Sr. "It's a bad thing'
        if ended or NESTED_OPENING_RE.match(paragraph, found.end()) is None:
            return at
    return None


SINGLE_OPENING_CHARS = "'‘‚‹"
SENTENCE_END_CHARS = ".!?…"
DOUBLE_MARK_CHARS = ('"', "“", "”", "„", "‟", "«", "»")
CUE_AFTER_CHARS = 60  # characters after a closing mark a cue ('he told MailOnline') lies in
MAX_SUBJECT_WORDS = 6
SPEECH_END_CHARS = ",.!?…"
SENTENCE_STOP_RE = re.compile(r"[.!?;:]\s")
MIN_SPEECH_WORDS = 2
MIN_STANDING_ALONE_WORDS = 8  # fewer: a heading quoting the article, unless a quote goes on


def find_quote_spans(paragraph: str, style: str, continuing: bool = False) -> list[MarkedSpan]:
    """The quoted stretches of a paragraph of an article that quotes with `style` marks. In
    a double-quoting article, single marks quote too where the text shows they quote speech
    (a Daily Mail page nesting its double marks inside single ones, an agency quote after
    'said:'): a single-quoted stretch outside double marks, next to a speech cue; it keeps
    any double-quoted stretch inside it as nested. `continuing`: the paragraph before left
    a single-quoted stretch open, which this one may carry on."""
    spans = find_marked_spans(paragraph, style)
    if style != "double" or not any(c in paragraph for c in SINGLE_OPENING_CHARS):
        return spans  # no single-quoted stretch: only these marks open one ("’" never does)
    speech = [
        single
        for single in find_marked_spans(paragraph, "single")
        if _quotes_speech(paragraph, single, continuing) and _nests_whole(paragraph, single, spans)
    ]
    if not speech:
        return spans
    outer = [d for d in spans if not any(_contains(single, d) for single in speech)]
    return sorted(outer + speech, key=lambda span: span.start)


def _nests_whole(paragraph: str, single: MarkedSpan, doubles: list[MarkedSpan]) -> bool:
    """The single-quoted stretch lies outside every double-quoted one, and any double mark
    inside it belongs to a double-quoted stretch nested whole in it (not a closing mark
    paired with a mismatched single opening one: '‘It’s the formula,” reports Axios.')."""
    nested = [d for d in doubles if _contains(single, d)]
    if any(_overlaps(single, d) for d in doubles if d not in nested):
        return False
    inside = paragraph[single.start : single.end]
    nested_marks = sum(1 + d.closed for d in nested)
    return sum(inside.count(mark) for mark in DOUBLE_MARK_CHARS) <= nested_marks


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _overlaps(one: MarkedSpan, other: MarkedSpan) -> bool:
    return one.start < other.end + 1 and other.start < one.end + 1


def _contains(outer: MarkedSpan, inner: MarkedSpan) -> bool:
    return outer.start < inner.start and inner.end < outer.end


def _quotes_speech(paragraph: str, span: MarkedSpan, continuing: bool = False) -> bool:
    """A single-quoted stretch is speech, not an apostrophe's, a title's or a scare quote's,
    when it has words enough and a cue of speech: it follows a colon or opens its paragraph,
    and runs on into the next, or it is closed on a sentence's punctuation, follows a colon or
    a cue ('He said, ') or comes before one ('... he said'), and its words are not a title's.
    A short one standing alone as a paragraph is a heading ("'Relationships that last.'"),
    unless it carries on a quote."""
    text = paragraph[span.start : span.end]
    words = len(text.split())
    if words < MIN_SPEECH_WORDS:
        return False
    before = paragraph[: span.start - 1].rstrip()
    opens_paragraph = not _has_words(before)  # after a dash or a bullet too
    if opens_paragraph and span.closed and not _has_words(paragraph[span.end + 1 :]):
        return continuing or words >= MIN_STANDING_ALONE_WORDS
    if not span.closed:  # running on into the next paragraph, it ends a sentence
        ends = text.rstrip()[-1:] in SENTENCE_END_CHARS
        return ends and (opens_paragraph or before.endswith(":"))
    if _title_case(text):
        return False
    if text.rstrip()[-1:] in SPEECH_END_CHARS:  # '..., he said', '... said that it 'failed.''
        return True
    if before.endswith(":") or _ends_on_cue(paragraph, len(before)):
        return True
    return _cue_follows(paragraph, span.end + 1)


def _cue_follows(paragraph: str, at: int) -> bool:
    """A cue comes soon after `at`, in the same sentence, with at most a subject before it
    ("', a source close to Julia reportedly told", "' said Fraschetti")."""
    cues = find_cues(paragraph, at, min(len(paragraph), at + CUE_AFTER_CHARS))
    if not cues:
        return False
    between = paragraph[at : cues[0].start()]
    return len(between.split()) <= MAX_SUBJECT_WORDS and not SENTENCE_STOP_RE.search(between)


def _ends_on_cue(paragraph: str, end: int) -> bool:
    """paragraph[:end] ends on a cue, and at most a stop or comma ('He said, ', 'Motes said.')."""
    cues = find_cues(paragraph, max(0, end - CUE_AFTER_CHARS), end)
    return bool(cues) and end - cues[-1].end() <= 1


SMALL_TITLE_WORDS = {"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "with", "at"}


def _title_case(text: str) -> bool:
    """'Dancing With the Stars.', 'Big Five Principles of Behaviour Change': a title's words,
    not a sentence's."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if w.lower() not in SMALL_TITLE_WORDS]
    return len(words) >= MIN_SPEECH_WORDS and all(w[0].isupper() for w in words)


NICKNAME_RE = re.compile(r"[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*)?")
NAME_BEFORE_RE = re.compile(r"[A-Z][\w.]* .$")
NAME_AFTER_RE = re.compile(r". [A-Z]")


def _nickname(paragraph: str, start: int, end: int) -> bool:
    """'Marcia "Cia" Price': a quoted name between a first name and a surname."""
    return (
        NICKNAME_RE.fullmatch(paragraph, start, end) is not None
        and NAME_BEFORE_RE.search(paragraph, max(0, start - 30), start) is not None
        and NAME_AFTER_RE.match(paragraph, end) is not None
    )


def opens_with_mark(paragraph: str, style: str) -> bool:
    stripped = paragraph.lstrip()
    match = MARK_RE.match(stripped)
    return bool(match) and _opens(stripped, 0, match.group(), style)


def closes_first(paragraph: str, style: str) -> bool:
    """The paragraph's first quotation mark closes a quote and could not open one ('in
    caucuses and primaries.”'): the paragraph carries on a quote left open before it.
    Apostrophes, which neither open nor close, are passed over."""
    wanted = DOUBLE_MARKS if style == "double" else SINGLE_MARKS
    for match in STYLE_MARK_RE[style].finditer(paragraph):
        mark = match.group()
        if mark not in wanted:
            continue
        if style == "double" and _closes_before_attribution(paragraph, match.start(), mark):
            return True
        opens = _opens(paragraph, match.start(), mark, style)
        if opens and not (style == "double" and _set_apart(paragraph, match.start(), match.end())):
            return False
        # A double mark with a space on each side, after a quote left open, closes it ('What
        # else could it be? " Yanes said.'); a single one is as often an apostrophe set apart
        # ("the Angels ' rotation").
        if _closes(paragraph, match.start(), mark, style):
            return True
        if opens:
            return False
    return False


def _set_apart(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start].isspace() and text[end : end + 1].isspace()
