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

from newsprism.text import fold

# Kinds of document spelled more than one way.
SAME_DOCUMENT = {"suit": "lawsuit", "memo": "memorandum"}
AUTHOR_LOOKBACK = 3000  # characters read back for the document's introduction
# A name: capitalised words (or a number: "US 7th Fleet"), joined by "of", "for", "and", "&".
NAME = (
    r"(?:[A-Z][\w.’'&-]*|\d+\w*)"
    r"(?:[^\S\n]+(?:(?:of|for|and|on|&)[^\S\n]+)?(?:[A-Z][\w.’'&-]*|\d+\w*))*"
)
SUBJECT_NAME_RE = re.compile(rf"(?:[Tt]he\s+)?({NAME})")


@lru_cache(maxsize=64)
def _introductions(noun: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns of a document of the kind `noun` named with its author: 'a statement from
    (the) X', "X's statement", and any mention of the document."""
    forms = [form for form, kind in SAME_DOCUMENT.items() if kind == noun] + [noun]
    nouns = "|".join(re.escape(form) for form in forms)
    after = re.compile(
        rf"\b(?:{nouns})s?[^\S\n]+(?:(?:issued|released|filed|signed|sent|written)[^\S\n]+)?"
        rf"(?:from|by)[^\S\n]+(?:the[^\S\n]+)?(?:[a-z][\w-]*[^\S\n]+){{0,2}}?({NAME})"
    )
    owner = re.compile(rf"({NAME})[’']s[^\S\n]+(?:[\w-]+[^\S\n]+){{0,2}}?(?:{nouns})\b")
    mention = re.compile(rf"\b(?:{nouns})s?\b", re.IGNORECASE)
    return after, owner, mention


def document_author(
    body: str,
    position: int,
    noun: str,
    subject: Callable[[int], tuple[int, int] | None],
) -> tuple[int, int] | None:
    """Where the author of the document a description at `position` names ('the statement')
    is named when the article introduces that document; `subject(at)` is the span of the
    subject of the sentence holding `at`."""
    noun = SAME_DOCUMENT.get(fold(noun), fold(noun))
    after, owner, mention = _introductions(noun)
    floor = max(0, position - AUTHOR_LOOKBACK)
    for found in reversed(list(mention.finditer(body, floor, position))):
        line_start = body.rfind("\n", 0, found.start()) + 1
        named = after.match(body, found.start())
        if named and body[named.end(1) : named.end(1) + 1] not in ("'", "’"):
            return named.span(1)  # not "the lawsuit filed by Richards' ex-wife"
        for owned in owner.finditer(body, max(line_start, found.start() - 80), found.end()):
            if owned.end() == found.end():
                return owned.span(1)  # "Clifford's lawsuit"
        if not _authored(body, line_start, found):
            continue  # "CNN was unable to verify who left the documents": no author
        span = subject(found.start())
        if span and _named(body[span[0] : span[1]]):
            return span  # "The Nulato Tribal Council issued a statement"
    return None


AUTHORING_RE = re.compile(
    r"\b(?:issued|issues|released|releases|filed|files|signed|signs|sent|sends|wrote|writes|"
    r"posted|posts|put out|puts out)[^\S\n]+(?:a|an|the|its|their|his|her)[^\S\n]+"
    r"(?:[\w-]+[^\S\n]+){0,2}$"
)
IN_DOCUMENT_RE = re.compile(
    r"\b(?:[Ii]n|[Tt]hrough)[^\S\n]+(?:a|an|its|their|his|her)[^\S\n]+(?:[\w-]+[^\S\n]+)?$"
)


def _authored(body: str, line_start: int, found: re.Match[str]) -> bool:
    """Whether the sentence mentions the document as its subject's: 'X issued a statement',
    'X said in a statement', 'In a statement, X told ...'."""
    before = body[max(line_start, found.start() - 60) : found.start()]
    return AUTHORING_RE.search(before) is not None or IN_DOCUMENT_RE.search(before) is not None


def _named(subject: str) -> bool:
    """Whether a sentence's subject is a name ('The Nulato Tribal Council', 'Carnival'), not
    a description ('His employer', 'The company')."""
    written = SUBJECT_NAME_RE.fullmatch(subject)
    return written is not None and written.group(1)[:1].isupper()
