"""Indirect speech: 'Klopp said that the team was ready.' -> the reported clause, kind
`indirect`, with its speaker. Sentences holding a direct quote are left to the direct finder.

Three shapes: SUBJECT CUE (that) CLAUSE / CLAUSE, SUBJECT CUE. / According to NP, CLAUSE.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from newsprism.quotes.attribution import (
    ACCORDING_RE,
    Attribution,
    find_cues,
    sentence_breaks,
    subject_after,
    subject_before,
    trie_pattern,
)

# Verbs that report a statement (not every cue: "called", "described" name, not report).
REPORTING = {
    "said", "says", "say", "told", "tells", "added", "adds", "argued", "argues", "claimed",
    "claims", "warned", "warns", "noted", "notes", "explained", "explains", "insisted",
    "insists", "stated", "states", "announced", "announces", "reported", "reports",
    "acknowledged", "admitted", "admits", "conceded", "suggested", "suggests", "predicted",
    "predicts", "promised", "promises", "vowed", "vows", "confirmed", "confirms", "denied",
    "denies", "revealed", "reveals", "wrote", "writes", "maintained", "maintains", "asserted",
    "contended", "believes", "believed", "thinks", "thought", "estimated", "estimates",
}  # fmt: skip
# Each reporting verb where a cue word can stand: a paragraph without one has no reporting cue.
REPORTING_RE = re.compile(trie_pattern(REPORTING) + r"\b")
QUOTE_MARK_RE = re.compile(r"[\"“”«»„]|''|’’")
OBJECT_RE = re.compile(  # "told reporters that", "told the Associated Press that"
    r"\s+(?:(?:the |a )?[\w’'.-]+\s+){0,3}?(?=that\b)"
    r"|\s+(?:him|her|them|us|me|reporters|journalists)\b"
)
THAT_RE = re.compile(r"\s*(?:that\b)?\s*")
MIN_CONTENT_WORDS = 4
LEADING_CUE_CHARS = 120


@dataclass(frozen=True, slots=True)
class Reported:
    start: int  # the reported clause, offsets into the paragraph
    end: int
    attribution: Attribution  # offsets into the paragraph


def _sentences(paragraph: str) -> list[tuple[int, int]]:
    starts = [0, *sentence_breaks(paragraph)]
    ends = [*starts[1:], len(paragraph)]
    return [(s, e) for s, e in zip(starts, ends, strict=True) if paragraph[s:e].strip()]


def _clause(paragraph: str, start: int, end: int) -> tuple[int, int] | None:
    text = paragraph[start:end]
    stripped = text.rstrip(" .!?;,")
    lead = len(stripped) - len(stripped.lstrip(" ,"))
    if len(stripped[lead:].split()) < MIN_CONTENT_WORDS:
        return None
    return start + lead, start + len(stripped)


def indirect_speech(paragraph: str) -> list[Reported]:
    """Reported statements in one paragraph."""
    according = "ccording" in paragraph
    if not according and not REPORTING_RE.search(paragraph):
        return []  # most paragraphs: no reporting verb, so no cue of one (found fast)
    reporting = [c for c in find_cues(paragraph) if c.group().lower() in REPORTING]
    if not reporting and not according:
        return []
    found = []
    cue_starts = [c.start() for c in reporting]
    for start, end in _sentences(paragraph):
        first, last = bisect_left(cue_starts, start), bisect_left(cue_starts, end)
        cues = reporting[first:last]  # the sentence's, found without reading all of them
        if not cues and not (according and "ccording" in paragraph[start:end]):
            continue
        if QUOTE_MARK_RE.search(paragraph, start, end):
            continue
        reported = (
            _according(paragraph, start, end)
            or _leading(paragraph, start, end, cues)
            or _trailing(paragraph, start, end, cues)
        )
        if reported:
            found.append(reported)
    return found


def _according(paragraph: str, start: int, end: int) -> Reported | None:
    sentence = paragraph[start:end]
    match = ACCORDING_RE.match(paragraph, start + len(sentence) - len(sentence.lstrip()))
    if not match:
        return None
    span = subject_after(paragraph, match.end())
    comma = paragraph.find(",", span[1] if span else match.end(), end)
    if not span or comma < 0:
        return None
    clause = _clause(paragraph, comma + 1, end)
    if not clause:
        return None
    mention = Attribution(paragraph[span[0] : span[1]], span[0], span[1], "according to")
    return Reported(*clause, mention)


def _leading(paragraph: str, start: int, end: int, cues: list[re.Match[str]]) -> Reported | None:
    """'Klopp said (that) the team was ready.'"""
    for cue in cues:
        if cue.start() - start > LEADING_CUE_CHARS:
            return None  # a subject opening the sentence puts its cue early
        word = cue.group().lower()
        span = subject_before(paragraph, cue.start())
        prefix = paragraph[start : span[0]].strip() if span else ""
        if not span or (prefix and not prefix.endswith(",")):
            continue  # the speaker must open the sentence (after an opening phrase)
        after = cue.end()
        if word in ("told", "tells"):
            obj = OBJECT_RE.match(paragraph, after)
            after = obj.end() if obj else after
        after = THAT_RE.match(paragraph, after).end()
        clause = _clause(paragraph, after, end)
        if clause:
            mention = Attribution(paragraph[span[0] : span[1]], span[0], span[1], word)
            return Reported(*clause, mention)
        return None
    return None


def _trailing(paragraph: str, start: int, end: int, cues: list[re.Match[str]]) -> Reported | None:
    """'The economy is strong, the minister said.'"""
    if not cues:
        return None
    cue = cues[-1]
    if paragraph[cue.end() : end].strip(" .!?"):
        return None
    comma = paragraph.rfind(",", start, cue.start())
    span = subject_before(paragraph, cue.start())
    if comma < 0 or not span or paragraph[comma + 1 : span[0]].strip():
        return None
    clause = _clause(paragraph, start, comma)
    if not clause:
        return None
    mention = Attribution(paragraph[span[0] : span[1]], span[0], span[1], cue.group().lower())
    return Reported(*clause, mention)
