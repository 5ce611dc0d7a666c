"""Find quoted stretches in paragraphs: every style of quotation mark, nested marks kept inside,
apostrophes told apart from single quotes, quotes left open to run into the next paragraph."""

from __future__ import annotations

from dataclasses import dataclass

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
    opened: bool  # an opening mark starts it (else it carries on from the paragraph before)
    closed: bool  # a closing mark ends it (else it runs to the end of the paragraph)


def primary_style(paragraphs: list[str]) -> str:
    """'double' unless the article quotes only with single marks (British style)."""
    text = "\n".join(paragraphs)
    if any(c in text for c in DOUBLE_OPENERS + DOUBLE_CLOSERS) or text.count('"') >= 2:
        return "double"
    return "single"


def _opens(text: str, i: int, style: str) -> bool:
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    if style == "double":
        if char in DOUBLE_OPENERS:
            return True
        return char == '"' and (before in OPENING_CONTEXT or i == 0)
    if char in SINGLE_OPENERS:
        return before in OPENING_CONTEXT or i == 0 or not before.isalnum()
    return char == "'" and (before in OPENING_CONTEXT or i == 0)


def _closes(text: str, i: int, style: str) -> bool:
    char = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    if style == "double":
        return (
            char in "”»"
            or (char == '"' and not before.isspace())
            or (char == "“" and not before.isspace() and not after.isalnum())
        )
    if char in "’›'":
        # An apostrophe sits between letters (don’t) or ends a plural possessive (players’ ).
        return not after.isalnum() and not (char in "’'" and before == "s" and after == " ")
    return False


def find_marked_spans(paragraph: str, style: str, carried_in: bool = False) -> list[MarkedSpan]:
    """Quoted stretches of one paragraph. With `carried_in`, a quote left open by the paragraph
    before goes on until its closing mark here (used when this one does not open with a mark)."""
    spans: list[MarkedSpan] = []
    start: int | None = 0 if carried_in else None
    opened = not carried_in
    i = 0
    while i < len(paragraph):
        if start is None and _opens(paragraph, i, style):
            start, opened = i + 1, True
        elif start is not None and i >= start and _closes(paragraph, i, style):
            if i > start:
                spans.append(MarkedSpan(start, i, opened, True))
            start = None
        i += 1
    if start is not None and start < len(paragraph):
        spans.append(MarkedSpan(start, len(paragraph), opened, False))
    return spans


def opens_with_mark(paragraph: str, style: str) -> bool:
    stripped = paragraph.lstrip()
    offset = len(paragraph) - len(stripped)
    return bool(stripped) and _opens(paragraph, offset, style)
