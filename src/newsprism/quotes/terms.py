"""Quoted words that are nobody's speech (kind `term`): a few rules, then a scored decision
over the quote's shape and the words around it.

A show, book, ad or operation ('appeared on “Fox News Sunday”'), a nickname, a handle, a word
held at arm's length ('the so-called “reform”') sits in quotation marks like speech. The rules
settle what the words themselves say. Speech: a quote left open, longer than a name, or a
clause a cue verb reports. Terms: a handle or a hashtag; words the sentence introduces as a
name ('a show called “...”', 'the so-called “...”', 'his book “...”', 'known as “...”'),
unless someone is the subject of the naming verb ('what Rubio called “...”' is his speech) or
its agent ('labeled “...” by critics'). Everything else is scored: how many words are quoted,
whether they are title-cased or a clause, the word before the opening mark (the, a
possessive, a preposition, a copula as in 'he was “very happy”') and after the closing one
(said, star, movement), whether and where a cue verb attributes them. Each feature has a
weight; a quote whose summed weights pass the threshold is a term. The weights ship with the
package (term_model.json), fitted on PolNeAR's training articles by
benchmarks/train_term_model.py, where a quote outside every annotated attribution is taken
for a term and one inside an attribution with a source for speech. PolNeAR also counts as
speech many a title inside an attributed sentence ('Mr. Singer ... his new book, “Trump and
Me”'), which is why naming is settled by rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsprism.quotes.attribution import AUXILIARY_VERBS, CUE_WORDS, PRONOUNS

WEIGHTS_PATH = Path(__file__).with_name("term_model.json")
MAX_TERM_WORDS = 12  # longer quoted words are speech: names and scare quotes are short

# Words that introduce a name whoever writes them: 'the so-called “...”', 'titled “...”'.
NAMING_ALWAYS = {
    "so-called", "self-described", "self-styled", "self-titled", "titled", "entitled",
    "nicknamed", "aka", "a.k.a.",
}  # fmt: skip
# Verbs that introduce a name unless a subject of theirs speaks through them ('a show called
# “...”', 'the effort, dubbed “...”', 'is called “...”', but 'Rubio called it “pathetic”').
NAMING_VERBS = {
    "called", "named", "dubbed", "labeled", "labelled", "branded", "termed", "billed",
    "coined", "known",
}  # fmt: skip
# Nouns whose next words are the title of one of them, which opens with a capital or a digit
# ('his book “...”', 'the MSNBC show “...”') ...
WORK_WORDS = {
    "show", "program", "programme", "series", "sitcom", "book", "memoir", "novel", "film",
    "movie", "documentary", "ad", "advert", "commercial", "song", "album", "podcast",
    "column", "headline", "operation", "segment", "episode", "magazine", "website", "app",
    "musical", "poem", "essay", "op-ed", "article", "blog", "newsletter", "special",
    "miniseries", "docuseries",
}  # fmt: skip
# ... or whose next words are words themselves: 'the phrase “...”', 'the nickname “...”'.
WORD_WORDS = {
    "slogan", "motto", "term", "phrase", "word", "label", "nickname", "moniker", "hashtag",
    "handle", "tagline", "name", "pseudonym", "alias", "catchphrase", "codename",
}  # fmt: skip
TITLE_WORDS = WORK_WORDS | WORD_WORDS
VERB_LIKE = {"show", "label", "term", "name", "handle", "word"}  # 'the polls show “...”'
DETERMINERS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "whose", "one",
}  # fmt: skip
TITLE_PREPOSITIONS = {"on", "in", "with", "during", "from", "via", "to", "of"}
# Nouns a quoted name can stand before: 'the “don’t ask, don’t tell” policy'.
NAMED_NOUNS = WORK_WORDS | {
    "policy", "law", "act", "bill", "rule", "doctrine", "program", "movement", "campaign",
    "initiative", "plan", "strategy", "tour", "rally", "caucus", "coalition", "crowd",
    "contingent", "wing", "era", "brand", "label", "slogan", "chant", "chants", "sign",
    "signs", "shirt", "shirts", "hat", "hats", "sticker", "stickers", "banner", "event",
    "category", "rating", "provision", "clause", "standard", "requirement", "amendment",
}  # fmt: skip
JUDGEMENT_WORDS = {"and", "or", "very", "so", "too", "more", "most", "really", "yes", "not"}
NEXT_WORD_RE = re.compile(r"[”\"’'»›\s]*([a-z][a-z\-]*)\b")
BE_WORDS = {"is", "was", "are", "were", "be", "been", "being", "'s", "’s"}
RELATIVES = {"what", "which", "who", "whom", "that"}
# Nouns that name a kind of thing with a title, for the score: 'the “...” movement'.
TITLE_NOUNS = WORK_WORDS | WORD_WORDS | {
    "ads", "spot", "video", "report", "plan", "policy", "law", "act", "bill", "rule",
    "doctrine", "movement", "initiative", "project", "campaign", "star", "host", "actress",
    "actor", "anchor", "creator", "author", "cast", "season", "edition", "category", "status",
    "designation", "tour", "event", "forum", "conference", "summit", "speech", "rally",
    "pageant", "contest", "award", "prize", "list", "section", "chapter", "exhibit",
    "exhibition", "account", "username", "title", "chant", "chants", "sticker", "stickers",
    "poster", "posters", "placard", "placards", "plates", "caucus", "coalition", "sign",
    "signs", "shirt", "t-shirt", "hat", "hats", "brand", "logo", "game",
}  # fmt: skip
# Words scored by their own identity when they stand just before or after the quote.
CLOSED_WORDS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "as", "on", "of", "in", "for", "to", "at", "by", "with", "about", "from", "and", "or",
    "is", "was", "are", "were", "be", "been", "being", "it", "not", "more", "most", "very",
    "so", "too", "into", "than", "like", "what", "how", "which", "who", "said", "says",
    "known", "under", "over", "but", "if", "when", "while", "because",
}  # fmt: skip
# Lower-case words a title keeps lower-cased ('Orange is the New Black', 'Fox & Friends').
TITLE_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "&", "vs", "vs.", "de", "la", "el", "del", "du", "von", "van",
}  # fmt: skip
CLAUSE_WORDS = (PRONOUNS - {"it"}) | AUXILIARY_VERBS | {"me", "us", "am", "i'm", "we're"}
WORD_RE = re.compile(r"[#@]?\w[\w’'\-.&]*|&")
TOKEN_RE = re.compile(r"[\w’'\-&@#.]*[\w’'\-&@#]|[^\w\s]")
HANDLE_RE = re.compile(r"\s*(?:[@#][A-Za-z_]\w*|https?://\S+|www\.\S+)[.,]?\s*")
SENTENCE_END_RE = re.compile(r"[.!?][\"”’')]*$")
POSSESSIVE_RE = re.compile(r"\w(?:'s|’s|s'|s’)$")
BY_AGENT_RE = re.compile(r"[”\"’',\s]*by\s+(?!the\s+(?:way|end|time)\b)")
INNER_STOP_RE = re.compile(r"[.?]\s+\S")  # 'Like Oakland. Or Ferguson'
MARKS = " \t\"“”‘’'„«»‹›`"
CONTEXT_CHARS = 120  # of the paragraph before the opening mark, looked at
WORD_BUCKETS = ((1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (9, "6-9"))


@dataclass(frozen=True, slots=True)
class TermContext:
    """A quote and what stands around it in its paragraph (other quotes' words blanked)."""

    quoted: str  # the quoted words, marks excluded
    before: str  # the paragraph up to the opening mark
    after: str  # the paragraph from the closing mark
    cue: str | None  # the cue that attributes it ('said', 'according to'); None if none
    cue_before: bool = False  # the cue stands before the quote
    subject: bool = False  # no cue, but a subject of its sentence to fall back on
    closed: bool = True  # a closing mark ends it in its paragraph
    at: int = 0  # where the quoted words start in the article's body


@dataclass(frozen=True, slots=True)
class _View:
    """What the rules and the features look at, worked out once per quote."""

    words: list[str]  # the quoted words
    before: list[str]  # the tokens before the opening mark (its marks and spaces left out)
    tail: str  # the text those tokens come from


def _view(context: TermContext) -> _View:
    tail = context.before[-CONTEXT_CHARS:].rstrip(MARKS)
    return _View(WORD_RE.findall(context.quoted), TOKEN_RE.findall(tail), tail)


def _plainly_speech(context: TermContext) -> bool:
    """Left open (a title is closed), or longer than a name or a scare quote."""
    return not context.closed or len(context.quoted.split()) > MAX_TERM_WORDS


def rule(context: TermContext, view: _View | None = None) -> bool | None:
    """What the words themselves settle, in order; None when they leave it to the score."""
    if _plainly_speech(context):
        return False
    view = view or _view(context)
    if not view.words:
        return None
    if HANDLE_RE.fullmatch(context.quoted):  # too rare on PolNeAR to learn a weight for
        return True
    if _names_what_follows(view, context.after):
        return True
    clause = _shape(view.words) == "clause"
    if clause and context.cue and context.cue[0].isalpha():
        return False  # '“... I will not,” he said': a cue verb reports a clause
    capital = not view.words[0][0].islower()
    if clause and not capital:  # 'the program “is gaining ...”'
        return None
    if introduced_as_name(view.before, capital) and not BY_AGENT_RE.match(context.after):
        return True
    if not clause and _title_cased(context.quoted, view):
        return True
    return None


def introduced_as_name(tokens: list[str], capital: bool = True) -> bool:
    """The tokens before the opening mark introduce a name: 'a show called', 'the so-called',
    'known as', 'his book,', 'the effort, dubbed'; not 'what Rubio called', nor a title word
    a cue verb takes as its object ('called the show “...”'). A work's title opens with a
    `capital`."""
    tokens = list(tokens)
    while tokens and tokens[-1].lower() in ("the", "a", "an"):
        tokens.pop()
    if tokens and tokens[-1] == ",":
        tokens.pop()
    if not tokens:
        return False
    last = tokens[-1].lower()
    if last in NAMING_ALWAYS:
        return True
    if last in TITLE_WORDS and (capital or last in WORD_WORDS):
        return tokens[-1].islower() and _title_word_named(tokens)
    if last == "as" and len(tokens) > 1:  # 'known as', 'billed as'
        tokens.pop()
        last = tokens[-1].lower()
    return last in NAMING_VERBS and _names_without_speaker(tokens[:-1])


def _title_word_named(tokens: list[str]) -> bool:
    """'his new book', 'Trump’s reality TV show': a determiner or a possessive before the title
    word, not the object of a cue verb ('called the show “...”'), and no plural subject ('the
    polls show')."""
    before = [t.lower() for t in tokens[-6:-1]]
    if before and before[-1].endswith("s") and before[-1] != "news" and tokens[-1] in VERB_LIKE:
        return False
    for at in range(len(before) - 1, -1, -1):
        if before[at] in DETERMINERS or POSSESSIVE_RE.search(before[at]):
            return at == 0 or before[at - 1] not in CUE_WORDS
    return False


def _names_without_speaker(tokens: list[str]) -> bool:
    """Before a naming verb: a passive ('is called'), a sentence start ('Dubbed the'), a
    common noun ('a show called', 'the effort, dubbed'); not a subject ('Trump called', 'what
    he called', 'Democrats have dubbed', 'Tim Cook, called')."""
    if not tokens or tokens[-1] in (".", "(", "—", "–", "-", ":"):
        return True
    low = [t.lower() for t in tokens[-10:]]
    if low[-1] in BE_WORDS:
        return True
    if any(t in RELATIVES for t in low):
        return False
    if tokens[-1] == ",":
        return len(tokens) > 1 and tokens[-2].islower()
    # 'the event dubbed', not 'a result he called a “...”' nor 'Democrats have dubbed'
    return tokens[-1].islower() and low[-1] not in PRONOUNS | AUXILIARY_VERBS


def _names_what_follows(view: _View, after: str) -> bool:
    """'the military’s “don’t ask, don’t tell” policy', 'the “Never Trump” movement': words
    between a determiner and a noun of their kind name it. Lower-case words there that read as
    a judgement ('a “disgusting” ad', 'an “illegal and unconstitutional” policy change', 'a
    “very graphic” website') are left to the score."""
    if not view.before or not (
        view.before[-1].lower() in DETERMINERS or POSSESSIVE_RE.search(view.before[-1])
    ):
        return False
    lower = all(w.islower() for w in view.words)
    if lower and (len(view.words) == 1 or JUDGEMENT_WORDS.intersection(view.words)):
        return False
    following = NEXT_WORD_RE.match(after)
    return following is not None and following.group(1) in NAMED_NOUNS


def _title_cased(quoted: str, view: _View) -> bool:
    """'on ABC’s “This Week With George Stephanopoulos”', 'an interview with “Fox News
    Sunday”': the title-cased words of a title, neither a question nor sentences, where a
    title stands: after a possessive or a preposition."""
    if (
        _case(view.words) != "title"
        or quoted.rstrip().endswith("?")
        or INNER_STOP_RE.search(quoted)
    ):
        return False
    last = view.before[-1] if view.before else ""
    return last.lower() in TITLE_PREPOSITIONS or POSSESSIVE_RE.search(last) is not None


def features(context: TermContext, view: _View | None = None) -> list[str]:
    view = view or _view(context)
    size = _size(len(view.words))
    case = _case(view.words)
    before, after = _word_before(view.before), word_after(context.after)
    cue = _cue(context)
    short = len(view.words) <= 3
    return [
        "bias",
        f"w={size}",
        f"case={case}",
        f"case={case}|w={size}",
        f"shape={_shape(view.words)}",
        f"prev={before}",
        f"next={after}",
        f"cue={cue}",
        f"cue={cue}|w={size}",
        f"cue={cue}|case={case}",
        f"prev={before}|short={short}",
        f"next={after}|short={short}",
        f"prev={before}|case={case}",
        f"next={after}|case={case}",
        f"at={_position(view)}",
    ]


def _size(count: int) -> str:
    return next((name for limit, name in WORD_BUCKETS if count <= limit), "10+")


def _case(words: list[str]) -> str:
    """title ('Fox News Sunday'), cap (one capitalised word), upper, low, first (a sentence:
    'Pretty good'), mixed."""
    letters = [w for w in words if not w.isdigit()]
    if not letters:
        return "none"
    if all(w.isupper() and len(w) > 1 for w in letters):
        return "upper"
    capitals = [w[0].isupper() or w[0] in "#@" for w in letters]
    if all(c or w.lower() in TITLE_SMALL_WORDS for c, w in zip(capitals, letters, strict=True)):
        return "title" if capitals[0] and len(letters) > 1 else ("cap" if capitals[0] else "low")
    if not any(capitals):
        return "low"
    return "first" if capitals[0] and not any(capitals[1:]) else "mixed"


def _shape(words: list[str]) -> str:
    low = [w.lower() for w in words]
    if any(w in CLAUSE_WORDS or w.endswith(("n't", "n’t")) for w in low):
        return "clause"
    return "verb" if any(w in CUE_WORDS for w in low) else "phrase"


def _word_before(tokens: list[str]) -> str:
    """The shape of the token before the opening mark."""
    if not tokens:
        return "START"
    token = tokens[-1]
    if token in (".", "!", "?"):
        return "STOP"
    if not token[0].isalnum() and token[0] not in "#@":
        return token  # ",", ":", "(" or a dash
    low = token.lower()
    if low == "as" and len(tokens) > 1 and tokens[-2].lower() in NAMING_VERBS:
        return "known-as"
    return _word_shape(token, low)


def word_after(after: str) -> str:
    token = TOKEN_RE.search(after.lstrip(MARKS)[:40])
    if token is None:
        return "END"
    word = token.group()
    if not word[0].isalnum():
        return word if word in ",;:()—–-" else "STOP" if word in ".!?" else "punct"
    return _word_shape(word, word.lower())


def _word_shape(word: str, low: str) -> str:
    if low in NAMING_VERBS or low in NAMING_ALWAYS:
        return "naming"
    if low in CLOSED_WORDS:
        return low
    if POSSESSIVE_RE.search(word):
        return "poss"
    if low in TITLE_NOUNS:
        return "title-noun"
    if low in CUE_WORDS:
        return "cue"
    if word[0].isdigit():
        return "num"
    return "cap" if word[0].isupper() else "low"


def _cue(context: TermContext) -> str:
    if context.cue is None:
        return "subject" if context.subject else "none"
    if context.cue == "according to":
        return "according"
    if context.cue in NAMING_VERBS:
        return "naming-before" if context.cue_before else "naming-after"
    if not any(c.isalpha() for c in context.cue):
        return "sign"  # 'PENCE:' or a dash sign-off
    return "before" if context.cue_before else "after"


def _position(view: _View) -> str:
    if not view.before:
        return "opens"
    return "sentence" if SENTENCE_END_RE.search(view.tail) else "inside"


class TermModel:
    """Weights over the features of a quote's context; a quote the rules leave open is a term
    when its score (a log-odds) passes `threshold`."""

    def __init__(self, weights: dict[str, float], threshold: float = 0.0) -> None:
        self.weights = weights
        self.threshold = threshold

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> TermModel:
        data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
        return cls(data["weights"], data["threshold"])

    def score(self, context: TermContext, view: _View | None = None) -> float:
        weights = self.weights
        return sum(weights.get(name, 0.0) for name in features(context, view))

    def is_term(self, context: TermContext) -> bool:
        if _plainly_speech(context):  # most quotes: settled before any work
            return False
        view = _view(context)
        decided = rule(context, view)
        return self.score(context, view) > self.threshold if decided is None else decided
