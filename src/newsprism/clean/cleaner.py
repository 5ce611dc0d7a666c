"""Remove page junk line by line, split junk glued onto real text, find title and standfirst."""

from __future__ import annotations

import re

from newsprism.clean.junk import JUNK_KINDS, SECTION_LABELS
from newsprism.clean.shapes import (
    line_shape_reason,
    strip_dateline_prefix,
    strip_title_prefix,
)
from newsprism.clean.structure import find_interviewee, looks_like_transcript, split_standfirst
from newsprism.model import Article, Document, Removed, short_hash
from newsprism.text import count_words, normalise_line

# Where two pieces of text were glued with no space: "difference.Liverpool", "YouTubeOn".
GLUE_RE = re.compile(
    r"(?<=[a-z0-9)\]][.!?…])(?=[A-Z“\"‘])"
    r"|(?<=[.!?][”\"’])(?=[A-Z])"
    r"|(?<=[a-z]{2})(?=[A-Z][^\W\d_])"
)
DOUBLE_QUOTE_MARKS = '“”"«»„'
BULLET_RE = re.compile(r"^[-–•*·]\s+")
FIRST_PERSON_PLURAL_RE = re.compile(r"\b(we|our|us)\b", re.IGNORECASE)
SANDWICH_MAX_LINES = 2
SANDWICH_MAX_WORDS = 120


def junk_reason(text: str) -> str | None:
    """The junk kind `text` is, or None when it reads as article text."""
    norm = BULLET_RE.sub("", normalise_line(text))
    if norm.strip(" .:-|–—") in SECTION_LABELS:
        return "section-label"
    if any(mark in text for mark in DOUBLE_QUOTE_MARKS):
        return None
    words = count_words(text)
    for kind in JUNK_KINDS:
        if words <= kind.max_words and any(p.search(norm) for p in kind.compiled):
            return kind.name
    return None


def split_glued_junk(line: str) -> tuple[str, list[Removed]]:
    """Cut junk glued before or after real text; returns what is left and what was cut."""
    removed: list[Removed] = []
    cut = True
    while cut:
        cut = False
        for match in GLUE_RE.finditer(line):
            head, tail = line[: match.start()], line[match.start() :]
            if reason := junk_reason(head):
                removed.append(Removed(head.strip(), reason))
                line, cut = tail, True
                break
            if reason := junk_reason(tail):
                removed.append(Removed(tail.strip(), reason))
                line, cut = head, True
                break
    return line.strip(), removed


def clean_title(title: str) -> tuple[str, list[Removed]]:
    """Drop a section label glued to or standing before the headline."""
    removed: list[Removed] = []
    for match in GLUE_RE.finditer(title):
        head = title[: match.start()]
        if normalise_line(head) in SECTION_LABELS:
            removed.append(Removed(head, "section-label"))
            return title[match.start() :].strip(), removed
    return title.strip(), removed


def _clean_line(line: str, title: str, link_lists: frozenset[str]) -> tuple[str, list[Removed]]:
    """One line: a glued headline or date stamp cut off its front, glued junk split off,
    then the rest judged whole by its words and by its shape."""
    cut: list[Removed] = []
    line, headline = strip_title_prefix(line, title)
    if headline:
        cut.append(Removed(headline, "title-repeat"))
    line, stamp = strip_dateline_prefix(line)
    if stamp:
        cut.append(Removed(stamp, "dateline"))
    if normalise_line(line) in link_lists:
        return "", [*cut, Removed(line, "link-list")]
    rest, glued = split_glued_junk(line)
    cut += glued
    if rest and (reason := junk_reason(rest) or line_shape_reason(rest, title)):
        cut.append(Removed(rest, reason))
        rest = ""
    return rest, cut


def remove_junk_lines(
    lines: list[str], title: str = "", link_lists: frozenset[str] = frozenset()
) -> tuple[list[str], list[Removed]]:
    """Every line checked whole and for glued junk; then lines caught between junk are judged."""
    kept: list[tuple[int, str]] = []
    removed_at: dict[int, list[Removed]] = {}
    for index, line in enumerate(lines):
        rest, removed_at[index] = _clean_line(line, title, link_lists)
        if rest:
            kept.append((index, rest))
    kept = _remove_sandwiched(kept, removed_at, len(lines))
    removed = [r for index in sorted(removed_at) for r in removed_at[index]]
    return [line for _, line in kept], removed


def _remove_sandwiched(
    kept: list[tuple[int, str]], removed_at: dict[int, list[Removed]], n_lines: int
) -> list[tuple[int, str]]:
    """A short run of lines between two junk lines of one kind, speaking as the outlet
    ('we', 'our'), belongs to that junk block (the middle of a donation appeal)."""

    def reason_at(index: int) -> str | None:
        cuts = removed_at.get(index) or []
        return cuts[-1].reason if cuts else None

    result = []
    for index, line in kept:
        block_reason = _enclosing_junk(index, reason_at, n_lines)
        speaks_as_outlet = FIRST_PERSON_PLURAL_RE.search(line) is not None
        if (
            block_reason
            and speaks_as_outlet
            and count_words(line) <= SANDWICH_MAX_WORDS
            and not any(mark in line for mark in DOUBLE_QUOTE_MARKS)
        ):
            removed_at[index] = [*removed_at.get(index, []), Removed(line, block_reason)]
            continue
        result.append((index, line))
    return result


def _enclosing_junk(index: int, reason_at, n_lines: int) -> str | None:
    before = next(
        (
            reason_at(i)
            for i in range(index - 1, max(-1, index - SANDWICH_MAX_LINES - 1), -1)
            if reason_at(i)
        ),
        None,
    )
    after = next(
        (
            reason_at(i)
            for i in range(index + 1, min(n_lines, index + SANDWICH_MAX_LINES + 1))
            if reason_at(i)
        ),
        None,
    )
    return before if before and before == after and before != "section-label" else None


def clean_document(document: Document) -> Article:
    """Document (plain text) -> Article with junk removed and every removal kept."""
    lines = [line.strip() for line in document.content.splitlines()]
    lines = [line for line in lines if line]
    title, removed = clean_title(document.title or "")
    paragraphs, body_removed = remove_junk_lines(lines, title, document.link_lists)
    removed += body_removed
    standfirst = document.standfirst
    if standfirst and line_shape_reason(standfirst, title) == "title-repeat":
        removed.append(Removed(standfirst, "title-repeat"))
        standfirst = None
    if standfirst:
        paragraphs = [p for p in paragraphs if normalise_line(p) != normalise_line(standfirst)]
    else:
        standfirst, paragraphs = split_standfirst(paragraphs)
    transcript = looks_like_transcript(paragraphs)
    return Article(
        id=short_hash(document.source, document.content_hash),
        source=document.source,
        title=title,
        paragraphs=paragraphs,
        outlet=document.outlet,
        url=document.url,
        published=document.published,
        standfirst=standfirst,
        removed=removed,
        kind="transcript" if transcript else "report",
        interviewee=find_interviewee(title, standfirst, paragraphs) if transcript else None,
    )
