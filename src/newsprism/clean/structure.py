"""Article structure: standfirst, and whether the body is a transcript of questions and answers."""

from __future__ import annotations

import re

from newsprism.names import leading_person, numbered, person_mentions
from newsprism.text import count_words, sentence_spans

# "On whether Liverpool can ...", "Asked about ...": a reporter's question, summarised.
QUESTION_HEADER_RE = re.compile(
    r"^(?:on|asked|about|regarding)\s+(?:whether|what|how|why|when|where|who|which|if|"
    r"the|a|an|his|her|their|[A-Z]\w+['’]s|[A-Z]\w+)\b.*(?:\.\.\.|…|\?)\s*$",
    re.IGNORECASE,
)
QA_TURN_RE = re.compile(r"^(?:q|question)\s*[:.]\s", re.IGNORECASE)
ANSWER_TURN_RE = re.compile(r"^(?:a|answer)\s*[:.]\s", re.IGNORECASE)
STANDFIRST_MAX_WORDS = 45
TRANSCRIPT_RE = re.compile(r"\btranscript\b", re.IGNORECASE)
# "WALLACE: ...", "Jürgen Klopp: ..." — a turn of an interview transcript.
TURN_RE = re.compile(
    r"^((?:[A-Z][A-Z’'.\-]+)(?: [A-Z][A-Z’'.\-]+){0,2}"  # WALLACE, CHRIS WALLACE
    r"|(?:[A-Z][\w’'.\-]+ ){1,2}[A-Z][\w’'.\-]+):\s+\S"  # Chris Wallace
)


def turn_of(paragraph: str) -> tuple[str, int] | None:
    """(the name heading an interview turn, where its words start), if the paragraph is one."""
    match = TURN_RE.match(paragraph)
    if not match or len(match.group(1)) < 2 or _page_label(match.group(1)):
        return None
    if is_topic_label(match.group(1)):
        return None
    if paragraph[match.end() - 1].isdigit() and not match.group(1).isupper():
        # A field or a headline ('Activity: 199', 'Charlie Brennan: 303-473-1327', 'Storm
        # Thorgerson: 10 Of His Best Covers'); a transcript writes its speakers in capitals.
        return None
    return match.group(1), match.end() - 1


# Words of the labels a page heads links and sections with ('VIDEO:', 'STORY:', 'FILM
# REVIEW:', 'SEE BELOW:', 'RELATED:'), which no speaker is called by.
PAGE_LABEL_WORDS = frozenset(
    """video videos story stories film review breaking exclusive related see below photo
    photos news update updated watch read more date top blog gallery slideshow listen audio
    podcast advertisement sponsored click here opinion analysis editor's note correction also
    popular recommended trending latest live follow subscribe image caption credit graphic
    map chart quiz explainer background tags topics previously next previous the and of a
    re fw fwd subject sent cc""".split()  # and an email's header lines ('RE:', 'SUBJECT:')
)


# Words that open a topic's label in a write-up of an interview ('On Redstone: "Sumner, well
# ..."', 'For Spain: De Gea; ...'), where a speaker's name would stand in a transcript.
TOPIC_WORDS = frozenset("on about regarding for from in at with to of after before".split())


def is_topic_label(label: str) -> bool:
    return label.split(" ", 1)[0].lower() in TOPIC_WORDS


def _page_label(label: str) -> bool:
    """A label of the page heading a link or a section, not a speaker: its words all page
    label words ('VIDEO', 'FILM REVIEW'; not 'TRUMP', 'THE PRESIDENT')."""
    return all(word.lower().strip(".") in PAGE_LABEL_WORDS for word in label.split())


def turn_speaker(paragraph: str) -> str | None:
    turn = turn_of(paragraph)
    return turn[0] if turn else None


def is_question_header(paragraph: str) -> bool:
    if QA_TURN_RE.match(paragraph):
        return True
    return count_words(paragraph) <= 40 and bool(QUESTION_HEADER_RE.match(paragraph.strip()))


def is_answer_turn(paragraph: str) -> bool:
    return bool(ANSWER_TURN_RE.match(paragraph))


def looks_like_transcript(paragraphs: list[str], heading: str = "") -> bool:
    """Two or more question headers, each followed by an answer that is not another header;
    or three or more turns headed by the names of at least two people; or a turn in a text
    whose heading (title, standfirst, first paragraph) calls it a transcript (a speech or
    remarks: 'THE PRESIDENT: ...' for one speaker)."""
    answered = sum(
        1
        for i, paragraph in enumerate(paragraphs[:-1])
        if is_question_header(paragraph) and not is_question_header(paragraphs[i + 1])
    )
    turns = [name for p in paragraphs if (name := turn_speaker(p))]
    if answered >= 2 or (len(turns) >= 3 and len(set(turns)) >= 2):
        return True
    first = paragraphs[0] if paragraphs else ""
    return bool(turns) and bool(TRANSCRIPT_RE.search(f"{heading}\n{first}"))


def find_interviewee(title: str, standfirst: str | None, paragraphs: list[str]) -> str | None:
    """The person whose answers a transcript records: named at the head of the title
    ("Jürgen Klopp: Let's play..."), else the first person named in the introduction."""
    if ":" in title and (named := leading_person(title.split(":", 1)[0] + ":")):
        return named
    intro = [standfirst or "", *paragraphs[:3]]
    for text in intro:
        for mention in person_mentions(text):
            if not numbered(text, mention.end):  # 'AirAsia Indonesia Flight 8501': a thing
                return mention.text
    return None


def split_standfirst(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """A first paragraph of one short sentence, with more text after it, is the standfirst."""
    if len(paragraphs) < 3:
        return None, paragraphs
    first = paragraphs[0]
    is_short = count_words(first) <= STANDFIRST_MAX_WORDS and len(sentence_spans(first)) == 1
    has_quote = any(mark in first for mark in '“”"«»')
    if is_short and not has_quote and not is_question_header(first):
        return first, paragraphs[1:]
    return None, paragraphs
