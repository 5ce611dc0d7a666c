"""Text a research corpus shipped tokenised, put back as a writer would print it.

Tokenised: `Mr. Pompeo 's mission , at " extremely high levels , " and Kim Jong - un . \\n`
(punctuation and clitics split off, hyphens spaced, straight quotes standing apart, and a
literal backslash-n marking each paragraph's end). Detokenised: `Mr. Pompeo's mission, at
"extremely high levels," and Kim Jong-un.`

Whether a text is tokenised is judged over the whole of it: most of its commas, closing
brackets and clitics ('s, n't, 're, ...) stand apart from the word before them. A stray " ,"
in ordinary text is far from that share, and ordinary text is returned untouched.
Where a rule cannot tell (a spaced hyphen that may be a dash between clauses, a single quote
with no partner), the text is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsprism.model import Document

TOKENISED_NOTE = "text was tokenised; detokenised"
MIN_DETACHED = 5
MIN_DETACHED_SHARE = 0.8
# Lines ending in the literal mark: at least this share makes the mark the paragraph end,
# and a line without it a sentence of the paragraph that goes on on the next line.
MIN_MARKED_LINES_SHARE = 0.25
PARAGRAPH_MARK = "\\n"  # two characters: a backslash and an n, left by badly escaped JSON

# Commas, closing brackets and clitics, standing apart from a word or attached to it.
# Full stops are left out of the count: abbreviations keep theirs in tokenised text.
SPLIT_PIECE = r"(?:,|\)|['’](?:s|re|ve|ll|m|d)|n['’]t)(?=\s|$)"
DETACHED_RE = re.compile(r"(?<=\w) " + SPLIT_PIECE, re.IGNORECASE)
ATTACHED_RE = re.compile(r"\w" + SPLIT_PIECE, re.IGNORECASE)
# A cheap necessary condition for DETACHED_RE (no look-behind, no case folding): how every
# detached piece starts.
DETACHED_HINT_RE = re.compile(r" (?:[,)'’]|[nN]['’])")
PARAGRAPH_BREAK_RE = re.compile(r"\s*(?:\\n|\n)\s*")

# Penn Treebank spellings of marks.
TREEBANK_TOKENS = {"``": "“", "''": "”", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]"}
# A token that closes onto the word before it: , . ; : ? ! % ) ] } and runs of them,
# never an ellipsis ("..."), which keeps its spaces.
CLOSING_PUNCTUATION_RE = re.compile(r"(?:[,;:?!%)\]}]|\.(?!\.))+")
CLITIC_RE = re.compile(r"['’](?:s|re|ve|ll|m|d)|n['’]t", re.IGNORECASE)
OPENING_PUNCTUATION = frozenset("([{$£€#")
# A word after a spaced hyphen that starts a clause rather than ends a compound:
# "placards - in response", "steel industry - the tariffs".
CLAUSE_OPENERS = frozenset(
    "a an the and but or nor so yet which who whom whose that this these those he she it they "
    "we i you his her their its our my not no if when while because in to for with".split()
)


def is_tokenised(text: str) -> bool:
    """Most commas, closing brackets and clitics stand apart from the word before them."""
    if len(DETACHED_HINT_RE.findall(text)) < MIN_DETACHED:
        return False
    detached = len(DETACHED_RE.findall(text))
    if detached < MIN_DETACHED:
        return False
    attached = len(ATTACHED_RE.findall(text))
    return detached / (detached + attached) >= MIN_DETACHED_SHARE


def detokenised(document: Document) -> Document:
    """`document` as a writer would print it; the same object when its text is not tokenised."""
    if not is_tokenised(document.content):
        return document
    return replace(
        document,
        content="\n".join(tokenised_paragraphs(document.content)),
        title=_detokenised_line(document.title),
        standfirst=_detokenised_line(document.standfirst),
    )


def tokenised_paragraphs(content: str) -> list[str]:
    """The paragraphs of tokenised `content`, each detokenised. Where the literal mark ends
    paragraphs, a line without it goes on with the next; a mark inside a line breaks it."""
    lines = [line.strip() for line in content.splitlines() if line.strip()]
    marked = sum(line.endswith(PARAGRAPH_MARK) for line in lines)
    sentences_per_line = marked >= MIN_MARKED_LINES_SHARE * len(lines)
    text = "".join(
        line + (" " if sentences_per_line and not line.endswith(PARAGRAPH_MARK) else "\n")
        for line in lines
    )
    return [detokenise(piece) for piece in PARAGRAPH_BREAK_RE.split(text) if piece]


def _detokenised_line(line: str | None) -> str | None:
    if line is None:
        return None
    return detokenise(line.replace(PARAGRAPH_MARK, " "))


def detokenise(paragraph: str) -> str:
    """One tokenised paragraph, its tokens joined with a space or, where a rule says they
    belong together, with none."""
    tokens = [TREEBANK_TOKENS.get(token, token) for token in paragraph.split()]
    glued = (
        _punctuation_gaps(tokens)
        | _hyphen_gaps(tokens)
        | _double_quote_gaps(tokens)
        | _single_quote_gaps(tokens)
    )
    pieces = [tokens[0]] if tokens else []
    for gap, token in enumerate(tokens[1:]):
        pieces.append(token if gap in glued else " " + token)
    return "".join(pieces)


# A gap is the space after tokens[gap]; each rule returns the gaps to close.


def _punctuation_gaps(tokens: list[str]) -> set[int]:
    """Punctuation and clitics onto the word before ("levels ," "Pompeo 's", "ca n't"),
    opening brackets, currency and hash signs onto the word after ("( D", "$ 5", "# caravan")."""
    gaps = set()
    for index, token in enumerate(tokens):
        if index and (CLOSING_PUNCTUATION_RE.fullmatch(token) or CLITIC_RE.fullmatch(token)):
            gaps.add(index - 1)
        if token in OPENING_PUNCTUATION and index + 1 < len(tokens):
            gaps.add(index)
    return gaps


def _hyphen_gaps(tokens: list[str]) -> set[int]:
    """A spaced hyphen between two words joins them ("Jong - un", "Mar - a - Lago"), unless it
    reads as a dash between clauses."""
    gaps = set()
    for index in range(1, len(tokens) - 1):
        left, right = tokens[index - 1], tokens[index + 1]
        joins_words = tokens[index] == "-" and left[-1].isalnum() and right[0].isalnum()
        if joins_words and not _reads_as_dash(tokens, index):
            gaps |= {index - 1, index}
    return gaps


def _reads_as_dash(tokens: list[str], index: int) -> bool:
    """The hyphen at `index` sits between clauses: a lowercase word before it, and after it
    a word that opens a clause and is followed by another word ("placards - in response"),
    or a shouted word ("ribbon - NO"). A chain of hyphens is always one compound."""
    if "-" in (tokens[index - 2 : index - 1] + tokens[index + 2 : index + 3]):
        return False
    left, right = tokens[index - 1], tokens[index + 1]
    if not left.islower():
        return False
    word_follows = index + 2 < len(tokens) and tokens[index + 2][0].isalnum()
    opens_clause = right.lower() in CLAUSE_OPENERS and word_follows
    shouted = len(right) > 1 and right.isalpha() and right.isupper()
    return opens_clause or shouted


def _double_quote_gaps(tokens: list[str]) -> set[int]:
    """Double quotes paired in order: an opening one onto the word after, a closing one onto
    the word before. “ opens and ” closes; a straight one closes an open quote, else opens
    one (a quote going on in the next paragraph), unless nothing follows it."""
    gaps = set()
    is_open = False
    for index, token in enumerate(tokens):
        if token not in ('"', "“", "”"):
            continue
        closes = token == "”" or (token == '"' and (is_open or index == len(tokens) - 1))
        gaps.add(index - 1 if closes else index)
        is_open = not closes
    return {gap for gap in gaps if 0 <= gap < len(tokens) - 1}


def _single_quote_gaps(tokens: list[str]) -> set[int]:
    """Single quotes paired in order (‘ opens, ’ closes, a straight one either); a straight one
    after a word in s and before a word is a plural possessive ("the Democrats ' plan").
    An opening straight quote left without a partner is left spaced, unless the possessive
    just before it was its partner ("memos ' clearly ' show")."""
    gaps: set[int] = set()
    open_at: int | None = None
    possessive_at: int | None = None
    for index, token in enumerate(tokens):
        if token == "‘":
            gaps.add(index)
            open_at = index
        elif token == "’" or (token == "'" and open_at is not None):
            gaps.add(index - 1)
            if open_at is not None:
                gaps.add(open_at)
            open_at = None
        elif token == "'" and _possessive_shaped(tokens, index):
            gaps.add(index - 1)
            possessive_at = index
        elif token == "'":
            open_at = index
    if open_at is not None and tokens[open_at] == "'" and possessive_at is not None:
        between = tokens[possessive_at + 1 : open_at]
        if not any(token in ("'", "‘", "’") for token in between):
            gaps.discard(possessive_at - 1)
            gaps |= {possessive_at, open_at - 1}
    return {gap for gap in gaps if 0 <= gap < len(tokens) - 1}


def _possessive_shaped(tokens: list[str], index: int) -> bool:
    before = tokens[index - 1] if index else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return before[-1:] in ("s", "S") and after[:1].isalnum()
