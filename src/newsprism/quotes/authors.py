"""Who wrote a document that an article lets speak ('the statement said', 'the lawsuit said').

News introduces a document with its author before it quotes it: 'a statement from US 7th
Fleet', 'The statement from attorney Jamie Gorelick', 'Clifford's lawsuit', 'The Nulato
Tribal Council issued a statement', 'In a statement, Carnival told Inside Edition'. A later
'the statement said' is that author's words. The author is read at the latest earlier mention
of the same kind of document that names one: after 'from' or 'by', as the possessive before
it, or as the subject of its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from newsprism.names import SENTENCE_STARTERS
from newsprism.text import fold

# The verbs that make a document of a kind: 'The High Court has ruled' gives 'the ruling'.
DOCUMENT_VERBS = {
    "ruling": ("ruled", "rules"),
    "order": ("ordered",),
    "decision": ("decided",),
    "announcement": ("announced",),
    "request": ("requested",),
}
# Kinds of document spelled more than one way.
SAME_DOCUMENT = {"suit": "lawsuit", "memo": "memorandum"}
AUTHOR_LOOKBACK = 3000  # characters read back for the document's introduction
# A name: capitalised words (or a number: "US 7th Fleet"), joined by "of", "for", "and", "&".
NAME = (
    r"(?:[A-Z][\w.’'&-]*|\d+\w*)"
    r"(?:[^\S\n]+(?:(?:of|for|and|on|&)[^\S\n]+)?(?:[A-Z][\w.’'&-]*|\d+\w*))*"
)
SUBJECT_NAME_RE = re.compile(rf"(?:[Tt]he\s+)?({NAME})")
# A time between a document and its author: 'a statement on Friday from', 'released Friday by'.
WHEN = (
    r"(?:(?:on|late|early|last|this)[^\S\n]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|today|yesterday|night|morning|afternoon|evening|week)[^\S\n]+"
)


@lru_cache(maxsize=64)
def _introductions(noun: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns of a document of the kind `noun` named with its author: 'a statement from
    (the) X', "X's statement", and any mention of the document."""
    forms = [form for form, kind in SAME_DOCUMENT.items() if kind == noun] + [noun]
    nouns = "|".join(re.escape(form) for form in forms)
    after = re.compile(
        rf"\b(?:{nouns})s?[^\S\n]+(?:{WHEN})?"
        rf"(?:(?:issued|released|filed|signed|sent|written|provided)[^\S\n]+(?:{WHEN})?)?"
        rf"(?:from|by)[^\S\n]+(?:the[^\S\n]+)?(?:[a-z][\w-]*[^\S\n]+){{0,2}}?({NAME})"
    )
    owner = re.compile(rf"({NAME})[’']s[^\S\n]+(?:[\w-]+[^\S\n]+){{0,2}}?(?:{nouns})\b")
    verbs = "|".join(DOCUMENT_VERBS.get(noun, ()))
    made = rf"|(?P<verb>\b(?:{verbs})\b)" if verbs else ""
    mention = re.compile(rf"\b(?:{nouns})s?\b{made}", re.IGNORECASE)
    return after, owner, mention


def document_author(
    body: str,
    position: int,
    noun: str,
    subject: Callable[[int], tuple[int, int] | None],
    end: int | None = None,
) -> tuple[int, int] | None:
    """Where the author of the document a description at body[position:end] names ('the
    statement') is named when the article introduces that document, or where the description
    itself goes on to name it ('stated the report by the Institute for Science'); `subject(at)`
    is the span of the subject of the sentence holding `at`."""
    noun = SAME_DOCUMENT.get(fold(noun), fold(noun))
    after, owner, mention = _introductions(noun)
    floor = max(0, position - AUTHOR_LOOKBACK)
    for found in reversed(list(mention.finditer(body, floor, end or position))):
        line_start = body.rfind("\n", 0, found.start()) + 1
        if found.groupdict().get("verb"):
            if doer := _doer(body, line_start, found.start()):
                return doer  # "The UK's High Court has ruled that ..." -> "the ruling"
            continue
        named = after.match(body, found.start())
        if named and not _possessive_or_modifier(body, named.end(1)):
            return named.span(1)
        for owned in owner.finditer(body, max(line_start, found.start() - 80), found.end()):
            if owned.end() == found.end():
                return owned.span(1)  # "Clifford's lawsuit"
        authoring = _authoring(body, line_start, found)
        if authoring is None:
            continue  # "CNN was unable to verify who left the documents": no author
        verb = AUTHORING_RE.match(body, authoring, found.start()) is not None  # not "In a"
        if verb and (doer := _doer(body, line_start, authoring)):
            return doer  # "The Times said Cook provided a statement": Cook's
        span = subject(found.start())
        if span and _named(body[span[0] : span[1]]):
            return span  # "The Nulato Tribal Council issued a statement"
    return None


AUTHORING_RE = re.compile(
    r"\b(?:issued|issues|released|releases|filed|files|signed|signs|sent|sends|wrote|writes|"
    r"posted|posts|put out|puts out|provided|provides|gave|gives|emailed|emails|published)"
    r"[^\S\n]+(?:a|an|the|its|their|his|her)[^\S\n]+"
    r"(?:[\w-]+[^\S\n]+){0,2}$"
)
IN_DOCUMENT_RE = re.compile(
    r"\b(?:[Ii]n|[Tt]hrough)[^\S\n]+(?:a|an|its|their|his|her)[^\S\n]+(?:[\w-]+[^\S\n]+)?$"
)


NEXT_WORD_RE = re.compile(r"[^\S\n]+([a-z][\w’'-]*)")


def _possessive_or_modifier(body: str, end: int) -> bool:
    """Whether the name ending at `end` owns a noun after it, or modifies an owner ('the
    lawsuit filed by Richards' ex-wife', 'by 10 Sandy Hook victims’ families'): it is not
    who wrote the document."""
    if body[end : end + 1] in ("'", "’"):
        return True
    following = NEXT_WORD_RE.match(body, end)
    return following is not None and following.group(1).endswith(("'", "’"))


# A name right before the verb that authors the document: the one who wrote it, whatever the
# sentence's subject ("The Times said Cook provided a written statement").
THE_RE = re.compile(r"The[^\S\n]+(?=[A-Z])")
DIGIT_RE = re.compile(r"\d")
SENTENCE_STOP_RE = re.compile(r"(?<=[a-z]{2})\.[^\S\n]+")  # "by The Post. Cook provided"
DOER_RE = re.compile(
    rf"(?<![\w.’'&-])({NAME})(?<![a-z]\.)[^\S\n]+(?:(?:has|have|had|also)[^\S\n]+)*$"
)


def _doer(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name right before the verb at body[end:] ('Cook provided a written
    statement', 'The High Court has ruled'), within its sentence."""
    doer = DOER_RE.search(body, start, end)
    if doer is None:
        return None
    stops = [stop.end() for stop in SENTENCE_STOP_RE.finditer(body, doer.start(1), doer.end(1))]
    begin = max(stops, default=doer.start(1))
    if the := THE_RE.match(body, begin, doer.end(1)):
        begin = the.end()  # "The UK's High Court has ruled"
    name = body[begin : doer.end(1)]
    if not name or fold(name.split()[0]) in SENTENCE_STARTERS or DIGIT_RE.search(name):
        return None  # "One provided a document", "on Oct. 4 announced"
    return begin, doer.end(1)


def _authoring(body: str, line_start: int, found: re.Match[str]) -> int | None:
    """Where the sentence mentions the document as its subject's, if it does: the start of
    the verb in 'X issued a statement', of 'in' in 'X said in a statement', 'In a statement,
    X told ...'."""
    floor = max(line_start, found.start() - 60)
    before = body[floor : found.start()]
    authored = AUTHORING_RE.search(before) or IN_DOCUMENT_RE.search(before)
    return None if authored is None else floor + authored.start()


def _named(subject: str) -> bool:
    """Whether a sentence's subject is a name ('The Nulato Tribal Council', 'Carnival'), not
    a description ('His employer', 'The company')."""
    written = SUBJECT_NAME_RE.fullmatch(subject)
    return written is not None and written.group(1)[:1].isupper()
