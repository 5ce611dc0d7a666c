"""Who a quote is attributed to, from the words around it: a cue verb and its subject.

"..., he said." / "..., said Atalanta coach Gian Piero Gasperini." / "Captain Marten De Roon
added: ..." / "According to the club, ...". Returns the mention as written, with its span;
resolving it to a person is speakers.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.names import PARTICLES, TITLES

CUE_VERBS = (
    "said", "says", "say", "added", "adds", "told", "tells", "insisted", "insists",
    "explained", "explains", "noted", "notes", "stated", "states", "claimed", "claims",
    "argued", "argues", "asked", "asks", "replied", "replies", "answered", "answers",
    "warned", "warns", "wrote", "writes", "continued", "continues", "declared",
    "admitted", "admits", "acknowledged", "acknowledges", "conceded", "concedes",
    "suggested", "suggests", "remarked", "commented", "comments", "stressed", "stresses",
    "emphasised", "emphasized", "recalled", "recalls", "joked", "jokes", "urged", "urges",
    "tweeted", "posted", "announced", "announces", "revealed", "reveals", "confirmed",
    "confirms", "denied", "denies", "agreed", "agrees", "maintained", "maintains",
    "countered", "counters", "responded", "responds", "predicted", "predicts",
    "promised", "promises", "vowed", "vows", "observed", "observes", "pointed out",
    "went on", "reflected", "quipped", "boasted", "complained", "lamented", "mused",
)  # fmt: skip
ROLE_NOUNS = {
    "coach", "manager", "captain", "spokesman", "spokeswoman", "spokesperson", "president",
    "minister", "official", "officials", "source", "sources", "chief", "director",
    "secretary", "chairman", "chairwoman", "ceo", "boss", "striker", "midfielder",
    "defender", "goalkeeper", "player", "players", "senator", "governor", "mayor",
    "leader", "candidate", "lawyer", "attorney", "prosecutor", "judge", "police",
    "statement", "report", "analyst", "expert", "economist", "professor", "teammate",
    "skipper", "owner", "founder", "executive", "adviser", "advisor", "aide", "aides",
    "campaign", "representative", "head", "witness", "resident", "residents", "doctor",
    "father", "mother", "brother", "sister", "wife", "husband", "son", "daughter", "friend",
}  # fmt: skip
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our"}
CUE_RE = re.compile(r"\b(" + "|".join(sorted(CUE_VERBS, key=len, reverse=True)) + r")\b")
WORD_RE = re.compile(r"[\w’'.\-]+")
ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
MAX_MENTION_WORDS = 8
ADVERBS = {
    "also",
    "often",
    "later",
    "then",
    "once",
    "again",
    "still",
    "previously",
    "has",
    "have",
    "had",
    "would",
    "will",
    "recently",
    "earlier",
    "further",
    "simply",
}
LOWER_MENTION_WORDS = {"press", "deputy", "assistant", "senior", "former", "chief", "top",
                       "campaign", "club", "team", "party", "state", "foreign", "national",
                       "communications", "general", "executive", "vice", "my", "his", "her",
                       "their", "our"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Attribution:
    mention: str
    start: int  # offsets into the text that was searched
    end: int
    cue: str


def _is_name_word(word: str) -> bool:
    bare = word.rstrip(".")
    return bool(bare) and (bare[0].isupper() or bare.lower() in PARTICLES)


def _is_mention_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    return _is_name_word(word) or low in ROLE_NOUNS or low in TITLES or low in LOWER_MENTION_WORDS


def _is_adverb(word: str) -> bool:
    low = word.lower()
    return low in ADVERBS or (low.endswith("ly") and len(low) > 4)


def _mention_ending_at(text: str, end: int) -> tuple[int, int] | None:
    """The noun phrase ending just before `end` (adverbs skipped: 'he also told'):
    a pronoun, or names and role nouns."""
    words = list(WORD_RE.finditer(text, 0, end))
    if not words or text[words[-1].end() : end].strip():
        return None
    while (
        len(words) > 1
        and _is_adverb(words[-1].group())
        and not text[words[-2].end() : words[-1].start()].strip()
    ):
        words.pop()
    last = words[-1]
    if last.group().lower() in PRONOUNS:
        return last.start(), last.end()
    taken = []
    for word in reversed(words):
        gap = text[word.end() : taken[-1].start()] if taken else ""
        if gap.strip() or not _is_mention_word(word.group()) or len(taken) >= MAX_MENTION_WORDS:
            break
        taken.append(word)
    if not taken:
        return None
    if len(taken) == 1 and taken[0].group().lower() in LOWER_MENTION_WORDS - ROLE_NOUNS:
        return None
    first = taken[-1]
    before = words[len(words) - len(taken) - 1] if len(words) > len(taken) else None
    start = first.start()
    if before and before.group().lower() in DETERMINERS and not text[before.end() : start].strip():
        start = before.start()
    return _trim_sentence_start(text, start, last.end())


def _trim_sentence_start(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Capitalised sentence openers ('But', 'However') are not part of the mention."""
    words = list(WORD_RE.finditer(text, start, end))
    while words and words[0].group().lower() in {"but", "and", "however", "then", "so", "yet"}:
        words = words[1:]
    if not words:
        return None
    if not any(_is_name_word(w.group()) or w.group().lower() in ROLE_NOUNS for w in words):
        return None
    return words[0].start(), words[-1].end()


def _mention_starting_at(text: str, start: int) -> tuple[int, int] | None:
    """The noun phrase starting at `start` (after a cue: 'said Atalanta coach X')."""
    taken = []
    for word in WORD_RE.finditer(text, start):
        gap = text[(taken[-1].end() if taken else start) : word.start()]
        low = word.group().lower()
        if gap.strip() or len(taken) >= MAX_MENTION_WORDS:
            break
        if not taken and low in PRONOUNS:
            return word.start(), word.end()
        if not (_is_mention_word(word.group()) or (not taken and low in DETERMINERS)):
            break
        taken.append(word)
    if not taken or not any(_is_mention_word(w.group()) for w in taken):
        return None
    end = taken[-1].end()
    if text[end - 1] == "." and taken[-1].group().count(".") == 1 and len(taken[-1].group()) > 3:
        end -= 1  # a full stop, not an initial
    return taken[0].start(), end


def attribution_after(text: str) -> Attribution | None:
    """Attribution opening `text` (what follows a closing mark): '..., he said.'"""
    lead = len(text) - len(text.lstrip(" ,"))
    match = CUE_RE.search(text, lead)
    if not match or match.start() - lead > 80:
        return None
    if match.start() == lead:  # "said Klopp", "added the spokeswoman"
        span = _mention_starting_at(text, match.end() + 1)
    else:
        span = _mention_ending_at(text, match.start())
        if span and span[0] != lead:
            span = None
    return Attribution(text[span[0] : span[1]], *span, match.group()) if span else None


def attribution_before(text: str) -> Attribution | None:
    """Attribution closing `text` (what comes before an opening mark): 'De Roon added: '."""
    stripped = text.rstrip()
    according = list(ACCORDING_RE.finditer(stripped))
    if according and stripped.endswith(","):
        span = _mention_starting_at(stripped, according[-1].end())
        if span:
            return Attribution(stripped[span[0] : span[1]], *span, "according to")
    cues = list(CUE_RE.finditer(stripped))
    if not cues:
        return None
    cue = cues[-1]
    tail = stripped[cue.end() :]
    if len(tail) > 120 or re.search(r"[.!?]", tail):
        return None
    span = _mention_ending_at(stripped, cue.start())
    if not span and not tail.strip(" :,"):
        return None
    return Attribution(stripped[span[0] : span[1]], *span, cue.group()) if span else None
