"""Junk told by its shape rather than its words: tag lists, a headline repeated in the body,
'Section | headline' links, a date stamp glued before the text.

Each rule looks at one line and returns a reason;
the words-based kinds live in junk.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsprism.text import count_words, fold

SENTENCE_END = tuple('.!?"”’)…:')

PIPE_HEADLINE_RE = re.compile(r"^[^|]{2,60}\s\|\s[^|]+$")
TAG_LIST_MIN_COMMAS = 5
TAG_LIST_MAX_WORDS_PER_ITEM = 4
SENTENCE_WORDS = {
    "the",
    "a",
    "an",
    "was",
    "is",
    "are",
    "were",
    "in",
    "on",
    "at",
    "of",
    "to",
    "and",
    "by",
    "for",
    "with",
    "that",
    "which",
    "who",
    "has",
    "have",
    "had",
}
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATELINE_PREFIX_RE = re.compile(
    rf"^(?:{MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {MONTH} \d{{4}})"
    r"(?:\s*[-–,|]?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*[-–|]?\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def line_shape_reason(line: str, title: str) -> str | None:
    stripped = line.strip()
    same_length = title and abs(len(stripped) - len(title)) <= len(title) // 4 + 4
    if same_length and _normal(stripped) == _normal(title):
        return "title-repeat"
    if _is_tag_list(stripped):
        return "tags"
    if PIPE_HEADLINE_RE.match(stripped) and not stripped.endswith(SENTENCE_END):
        return "read-more" if count_words(stripped) <= 25 else None
    return None


def _is_tag_list(line: str) -> bool:
    items = [item.strip() for item in line.split(",")]
    if len(items) <= TAG_LIST_MIN_COMMAS or line.endswith(SENTENCE_END):
        return False
    if line.startswith("|") or "(" in line or sum(any(c.isdigit() for c in i) for i in items) > 1:
        return False  # a table row, or a list of quantities
    if sum(i[:1].isupper() for i in items) > len(items) / 2:
        return False  # a list of names
    words = fold(line).split()
    if sum(w in SENTENCE_WORDS for w in words) > len(words) / 10:
        return False  # a sentence with many commas
    return sum(count_words(i) for i in items) / len(items) <= TAG_LIST_MAX_WORDS_PER_ITEM


def strip_title_prefix(line: str, title: str) -> tuple[str, str | None]:
    """A paragraph that opens with the headline glued to it: cut the headline off. Not where
    the rest goes on with the same sentence ('... and then stumbled down | the steps of their
    apartment.'): that title is the lead's opening words cut short (as some corpora and
    feeds make one), and the lead is the article's."""
    if not title or len(title) < 20:
        return line, None
    candidate = line.lstrip(" |-–—:")
    if len(candidate) <= len(title) + 20 or candidate[:1].lower() != title[:1].lower():
        return line, None
    if fold(candidate[: len(title)]) == fold(title):
        rest = candidate[len(title) :].lstrip(" |-–—:")
        if rest[:1].islower() or (candidate[len(title) - 1 : len(title) + 1].isalnum()):
            return line, None
        return rest, candidate[: len(title)]
    return line, None


def strip_dateline_prefix(line: str) -> tuple[str, str | None]:
    """'November 20, 2019 - 11:28 AMT PanARMENIAN.Net - Verified ...': cut the stamp off."""
    match = DATELINE_PREFIX_RE.match(line)
    if not match or count_words(line[match.end() :]) < 8:
        return line, None
    return line[match.end() :], match.group().strip()


# A politician's link card printed inline (The Hill): after the name, the full name again glued
# to the headlines of linked stories, up to "MORE": 'Sen. Roy Blunt Roy Dean BluntSupreme Court
# vacancy throws Senate battle into chaos ... MORE (R-Mo.)'. The surname ends both names.
LINK_CARD_RE = re.compile(
    r"(?P<surname>[A-Z][\w'’-]+) (?P<card>(?:[A-Z(][\w.()'’\"-]*\s){1,4}(?P=surname)"
    r"(?=[A-Z])[^\n]{0,600}?\s?MORE)(?=[\s’',.)]|$)"
)
LINK_CARD_HINT = "MORE"


def strip_link_cards(line: str) -> tuple[str, list[str]]:
    """Cut the link cards out of a line; returns the line and the cards cut."""
    if LINK_CARD_HINT not in line:
        return line, []
    cards = [match.group("card") for match in LINK_CARD_RE.finditer(line)]
    return LINK_CARD_RE.sub(lambda m: m.group("surname"), line), cards
