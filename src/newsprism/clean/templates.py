"""Outlet templates: lines that recur across many articles of one outlet are its page furniture
(headers, footers, sign-offs), whatever words they use.

Lines are keyed with case, digits and punctuation folded, so "© 2019 Example News" and
"© 2020 Example News" are one line. Only short lines near an article's top or bottom are
counted: templates sit at the edges, and a long paragraph repeated across articles is more
likely a wire story printed twice than furniture. Articles with no outlet are grouped by
the file they came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Protocol

from newsprism.clean.tokenised import detokenised
from newsprism.model import Document
from newsprism.text import count_words, fold

MIN_ARTICLES = 5  # a line seen in this many articles of one outlet is its template
EDGE_LINES = 6  # lines counted at each end of an article
MAX_TEMPLATE_WORDS = 30
KEY_PUNCTUATION_RE = re.compile(r"[^\w\s]|_")
KEY_DIGITS_RE = re.compile(r"\d+")
WORDY_KEY_RE = re.compile(r"[^\W\d_]{3}")  # a key must hold a word: "0 0 p m" (a time) is none


class TemplateCounts(Protocol):
    """Where template counts live: in memory for one run, or in the store across runs."""

    def observe(self, scope: str, article_id: str, keys: set[str]) -> None: ...

    def template_keys(self, scope: str) -> frozenset[str]: ...


def line_key(line: str) -> str:
    folded = KEY_DIGITS_RE.sub("0", fold(line))
    return " ".join(KEY_PUNCTUATION_RE.sub(" ", folded).split())


def template_scope(document: Document) -> str:
    """The outlet, or for articles of unknown outlet the file they came from."""
    if document.outlet:
        return "outlet:" + fold(document.outlet).strip()
    return "file:" + document.source.split("#", 1)[0]


def edge_keys(lines: list[str]) -> set[str]:
    """Keys of the short lines at an article's top and bottom, the ones templates fill."""
    lines = [line for line in lines if line.strip()]
    edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
    keys = {line_key(line) for line in edges if count_words(line) <= MAX_TEMPLATE_WORDS}
    return {key for key in keys if WORDY_KEY_RE.search(key)}


def document_edge_keys(document: Document) -> set[str]:
    """Edge keys of a document's lines as clean reads them (tokenised text detokenised)."""
    return edge_keys(detokenised(document).content.splitlines())


class MemoryTemplates:
    """Template counts for one run (`newsprism clean FILE...`, `compare`)."""

    def __init__(self, min_articles: int = MIN_ARTICLES) -> None:
        self.min_articles = min_articles
        self.seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def observe(self, scope: str, article_id: str, keys: set[str]) -> None:
        for key in keys:
            self.seen[scope][key].add(article_id)

    def template_keys(self, scope: str) -> frozenset[str]:
        lines = self.seen.get(scope, {})
        return frozenset(k for k, ids in lines.items() if len(ids) >= self.min_articles)
