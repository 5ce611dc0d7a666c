"""Remove page junk line by line, split junk glued onto real text, find title and standfirst."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import islice

from newsprism.budget import check_time
from newsprism.clean.junk import JUNK_KINDS, SECTION_LABELS, WHOLE_LINES, junk_kind
from newsprism.clean.shapes import (
    line_shape_reason,
    strip_dateline_prefix,
    strip_link_cards,
    strip_title_prefix,
)
from newsprism.clean.structure import find_interviewee, looks_like_transcript, split_standfirst
from newsprism.clean.templates import line_key
from newsprism.clean.tokenised import TOKENISED_NOTE, detokenised
from newsprism.model import Article, Document, Removed, short_hash
from newsprism.text import count_words, normalise_line

# Where two pieces of text were glued with no space: "difference.Liverpool", "YouTubeOn".
GLUE_RE = re.compile(
    r"(?<=[a-z0-9)\]][.!?…])(?=[A-Z“\"‘])"
    r"|(?<=[.!?][”\"’])(?=[A-Z])"
    r"|(?<=[a-z]{2})(?=[A-Z][^\W\d_])"
)
# A cheap necessary condition for GLUE_RE (no look-behinds): most lines have no glue at all.
GLUE_HINT_RE = re.compile(r"[a-z0-9)\]][.!?…][\"”’]?[A-Z“\"‘]|[a-z]{2}[A-Z][^\W\d_]")
DOUBLE_QUOTE_MARKS = '“”"«»„'
MAX_JUNK_WORDS = max(kind.max_words for kind in JUNK_KINDS)
DOUBLE_QUOTE_RE = re.compile(f"[{DOUBLE_QUOTE_MARKS}]")
BULLET_RE = re.compile(r"^[-–•*·]\s+")
FIRST_PERSON_PLURAL_RE = re.compile(r"\b(we|our|us)\b", re.IGNORECASE)
SANDWICH_MAX_LINES = 2
SANDWICH_MAX_WORDS = 120
MAX_REMOVED_SHARE = 0.6
# Whole-line removals the safety rule may undo, least certain first.
RESTORE_ORDER = ("outlet-template", "link-list", "tags", "read-more", "title-repeat", "appeal")


def junk_reason(text: str) -> str | None:
    """The junk kind `text` is, or None when it reads as article text."""
    words = count_words(text)
    if words > MAX_JUNK_WORDS:
        return None
    norm = BULLET_RE.sub("", normalise_line(text))
    label = norm.strip(" .:-|–—")
    if label in SECTION_LABELS:
        return "section-label"
    if kind := WHOLE_LINES.get(label):
        return kind
    return junk_kind(norm, words, quoted=DOUBLE_QUOTE_RE.search(text) is not None)


def split_glued_junk(
    line: str, disabled: frozenset[str] = frozenset()
) -> tuple[str, list[Removed]]:
    """Cut junk glued before or after real text; returns what is left and what was cut.
    Junk of a kind in `disabled` is left in place."""

    def reason(piece: str) -> str | None:
        found = junk_reason(piece)
        return found if found not in disabled else None

    removed: list[Removed] = []
    cut = GLUE_HINT_RE.search(line) is not None
    while cut and len(removed) < MAX_GLUED_CUTS:
        cut = False
        for match in GLUE_RE.finditer(line):
            at = match.start()
            # only a side short enough to be junk is sliced and judged: on a long line of
            # many glue points, slicing and counting every side was quadratic
            if _few_words(line, 0, at) and (cut_reason := reason(line[:at])):
                removed.append(Removed(line[:at].strip(), cut_reason))
                line, cut = line[at:], True
                break
            if _few_words(line, at, len(line)) and (cut_reason := reason(line[at:])):
                removed.append(Removed(line[at:].strip(), cut_reason))
                line, cut = line[:at], True
                break
    return line.strip(), removed


MAX_GLUED_CUTS = 8  # pieces of junk cut off one line: each cut reads the line again
WORD_RE = re.compile(r"\S+")


def _few_words(text: str, start: int, end: int) -> bool:
    """text[start:end] has no more words than junk may have (read no further than that)."""
    words = WORD_RE.finditer(text, start, end)
    return sum(1 for _ in islice(words, MAX_JUNK_WORDS + 1)) <= MAX_JUNK_WORDS


def clean_title(title: str) -> tuple[str, list[Removed]]:
    """Drop a section label glued to or standing before the headline."""
    removed: list[Removed] = []
    for match in GLUE_RE.finditer(title):
        head = title[: match.start()]
        if normalise_line(head) in SECTION_LABELS:
            removed.append(Removed(head, "section-label"))
            return title[match.start() :].strip(), removed
    return title.strip(), removed


TIME_CHECK_EVERY = 256  # lines between looks at the input's time budget


@dataclass(frozen=True)
class PageContext:
    """What is known about the page a line comes from."""

    title: str = ""
    link_lists: frozenset[str] = frozenset()
    template_keys: frozenset[str] = frozenset()
    disabled: frozenset[str] = frozenset()  # junk kinds (reasons) not removed


def _clean_line(line: str, page: PageContext) -> tuple[str, list[Removed]]:
    """One line: a glued headline or date stamp cut off its front, link cards cut out, glued
    junk split off, then the rest judged whole by its words, its shape, and the outlet's
    template."""
    cut: list[Removed] = []
    line, headline = (
        strip_title_prefix(line, page.title)
        if "title-repeat" not in page.disabled
        else (line, None)
    )
    if headline:
        cut.append(Removed(headline, "title-repeat"))
    line, stamp = strip_dateline_prefix(line) if "dateline" not in page.disabled else (line, None)
    if stamp:
        cut.append(Removed(stamp, "dateline"))
    if "link-card" not in page.disabled:
        line, cards = strip_link_cards(line)
        cut += [Removed(card, "link-card") for card in cards]
    in_link_list = page.link_lists and normalise_line(BULLET_RE.sub("", line)) in page.link_lists
    if in_link_list and "link-list" not in page.disabled:
        return "", [*cut, Removed(line, "link-list")]
    rest, glued = split_glued_junk(line, page.disabled)
    cut += glued
    if rest and (reason := _line_reason(rest, page)):
        cut.append(Removed(rest, reason))
        rest = ""
    return rest, cut


def _line_reason(line: str, page: PageContext) -> str | None:
    """The junk kind of a whole line by its words, else its shape or template; kinds the
    page's context turns off are not reasons."""
    reason = junk_reason(line)
    if reason and reason not in page.disabled:
        return reason
    reason = _learned_reason(line, page)
    return reason if reason not in page.disabled else None


def _learned_reason(line: str, page: PageContext) -> str | None:
    if reason := line_shape_reason(line, page.title):
        return reason
    quoted = DOUBLE_QUOTE_RE.search(line)
    if page.template_keys and not quoted and line_key(line) in page.template_keys:
        return "outlet-template"
    return None


def remove_junk_lines(
    lines: list[str], page: PageContext | None = None
) -> tuple[list[str], list[Removed], list[str]]:
    """Every line checked whole and for glued junk; then lines caught between junk are judged.
    Returns the kept lines, what was removed, and notes (the safety rule's, if it acted)."""
    page = page or PageContext()
    kept: list[tuple[int, str]] = []
    removed_at: dict[int, list[Removed]] = {}
    for index, line in enumerate(lines):
        if index % TIME_CHECK_EVERY == 0:
            check_time("clean")
        rest, removed_at[index] = _clean_line(line, page)
        if rest:
            kept.append((index, rest))
    notes: list[str] = []
    if any(removed_at.values()):
        kept = _remove_sandwiched(kept, removed_at, len(lines))
        kept, notes = _keep_the_body(lines, kept, removed_at)
    removed = [r for index in sorted(removed_at) for r in removed_at[index]]
    return [line for _, line in kept], removed, notes


def _keep_the_body(
    lines: list[str], kept: list[tuple[int, str]], removed_at: dict[int, list[Removed]]
) -> tuple[list[tuple[int, str]], list[str]]:
    """Safety: if removals would take more than MAX_REMOVED_SHARE of the words, put back
    whole lines removed by the least certain rules, weakest first, until they do not."""
    total = sum(count_words(line) for line in lines) or 1
    notes: list[str] = []
    for reason in RESTORE_ORDER:
        kept_words = sum(count_words(line) for _, line in kept)
        if 1 - kept_words / total <= MAX_REMOVED_SHARE:
            break
        restored = [
            (index, cuts[-1].text)
            for index, cuts in removed_at.items()
            if cuts and cuts[-1].reason == reason and cuts[-1].text == lines[index]
        ]
        for index, _ in restored:
            removed_at[index].pop()
        if restored:
            kept = sorted(kept + restored)
            share = 1 - kept_words / total
            notes.append(
                f"safety: kept {len(restored)} lines that the '{reason}' rule would have "
                f"removed ({share:.0%} of the text was going)"
            )
    return kept, notes


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
            and not DOUBLE_QUOTE_RE.search(line)
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


def clean_document_id(document: Document) -> str:
    """The id the Article made from `document` gets: stable for the same input."""
    return short_hash(document.source, document.content_hash)


def clean_document(
    document: Document,
    template_keys: frozenset[str] = frozenset(),
    disabled: frozenset[str] = frozenset(),
) -> Article:
    """Document (plain text) -> Article with junk removed and every removal kept.
    `template_keys` are the line keys learned as this outlet's template (templates.py);
    junk of the kinds in `disabled` is kept (the benchmark turns rules off this way).
    Tokenised text (a research corpus's) is detokenised first, and a note says so."""
    article_id = clean_document_id(document)
    readable = detokenised(document)
    notes = [TOKENISED_NOTE] if readable is not document else []
    page = PageContext(readable.title or "", readable.link_lists, template_keys, disabled)
    return _clean_readable(readable, article_id, page, notes)


def _clean_readable(
    document: Document, article_id: str, context: PageContext, notes: list[str]
) -> Article:
    """The Article of a document whose text reads as written."""
    lines = [line.strip() for line in document.content.splitlines()]
    lines = [line for line in lines if line]
    title, removed = clean_title(document.title or "")
    page = replace(context, title=title)
    paragraphs, body_removed, safety_notes = remove_junk_lines(lines, page)
    removed += body_removed
    standfirst = document.standfirst
    repeats_title = standfirst and line_shape_reason(standfirst, title) == "title-repeat"
    if repeats_title and "title-repeat" not in page.disabled:
        removed.append(Removed(standfirst, "title-repeat"))
        standfirst = None
    if standfirst:
        paragraphs = [p for p in paragraphs if normalise_line(p) != normalise_line(standfirst)]
    else:
        standfirst, paragraphs = split_standfirst(paragraphs)
    transcript = looks_like_transcript(paragraphs, f"{title}\n{standfirst or ''}")
    return Article(
        id=article_id,
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
        notes=notes + safety_notes,
    )
