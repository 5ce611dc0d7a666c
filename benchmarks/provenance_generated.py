"""Quote provenance on generated cases: real PolNeAR quotes with known edits.

Each case is a story of two articles. The SOURCE is a real PolNeAR article (its title line and
paragraphs, as a text Document); the REPORTED article is a short write-up that quotes one
speaker of it, with one known edit of the words (an excerpt, a cut, a bracket, a filler
dropped, a contraction, a spelling variant, a stitch of two quotes, two sentences swapped, a
content word / hedge / modal / negation / number changed, three content words swapped in one
quote (the words between them kept), a quote from another article, the same words credited
to another person of the article); and the same words printed the ways real outlets vary
around them and in their form, each still to match its source (the quote in two pieces around
its attribution, a few of its words after the writer's own lead-in, a hyphenated compound
written open, a number written another way, the words credited by a role, not the name; a
typo in a long word, tidied).
Both documents go through the real pipeline (process_document, then analyse_stories over
one_story); the reported article's quote that shares the most words with the edited text is
found, and its match's `label` is scored against the label the edit calls for.

Speakers are people with a full name: the attribution's Source is a name of two or more
capitalised words, or a bare surname that the article gives with one first name elsewhere
("Trump" where it writes "Donald Trump"). Quotes are the words inside quotation marks of a
direct Content span, 12 words or more. The cases are the same on every run (fixed seed).

    .venv/bin/python benchmarks/provenance_generated.py [--per-kind 25] [--seed 14] [--errors 3]

Reads ../shared/data/polnear (NEWSPRISM_DATA overrides ../shared/data).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random

from polnear import Attribution, read_gold

from newsprism.model import Document, Quote, QuoteMatch
from newsprism.pipeline import Processed, analyse_stories, one_story, process_document
from newsprism.text import fold, word_tokens

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSPRISM_DATA") or REPO.parent / "shared" / "data")
POLNEAR = DATA / "polnear"
SEED = 14
MIN_WORDS = 12  # a quote to edit
MIN_PART_WORDS = 5  # a quote to stitch to it

# Edit kind -> the label DESIGN.md gives the reported quote.
KINDS: dict[str, str] = {
    "excerpt": "verbatim",
    "identical": "verbatim",
    "inner cut": "trimmed",
    "ellipsis cut": "trimmed",
    "bracket": "tidied",
    "filler": "tidied",
    "function word": "tidied",
    "contraction": "tidied",
    "spelling": "tidied",
    "stitch": "stitched",
    "reorder": "stitched",
    "content word": "altered",
    "content words": "altered",
    "hedge": "altered",
    "modal": "altered",
    "negation": "altered",
    "number": "altered",
    "unrelated": "unsourced",
    "misattributed": "misattributed",
    # How real outlets print the same words differently around them and in their form: each
    # must still match the source.
    "split pieces": "verbatim",
    "lead-in": "verbatim",
    "hyphen": "verbatim",
    "number format": "verbatim",
    "role credited": "verbatim",
    "typo": "tidied",
}
FAITHFUL = ("verbatim", "trimmed", "tidied")
FLAGS = ("altered", "misattributed", "stitched")
NOT_FOUND = "not found"

# ---------------------------------------------------------------------------------------------
# PolNeAR: articles, speakers with a full name, the words they said inside quotation marks

SEGMENT_RE = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")
NAME_WORD_RE = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
INITIAL_RE = re.compile(r"[A-Z]\.")
TITLE_WORDS = frozenset(
    """sen sen. senator rep rep. representative gov gov. governor mr mr. mrs mrs. ms ms. dr dr.
    president former secretary chief officer speaker chairman chairwoman vice judge justice
    attorney general mayor reporter journalist candidate nominee leader minister prime rev rev.
    lt. gen. col.
    director spokesman spokeswoman press host anchor professor""".split()
)
NOT_NAME_WORDS = frozenset(
    """the news times post watch hill blaze hedge research radio party house white department
    committee campaign university network journal magazine center institute foundation
    association council court state states united america american republican democratic
    republicans democrats gop fox cnn nbc abc cbs msnbc daily review report group poll county
    city office street wall breitbart politico twitter facebook clinton's trump's""".split()
)


@dataclass(frozen=True)
class SourceArticle:
    name: str  # split/stem
    title: str
    body: str
    outlet: str | None
    published: str | None

    def document(self) -> Document:
        return Document(
            source=f"polnear/{self.name}.txt",
            content=self.body,
            title=self.title,
            outlet=self.outlet,
            published=self.published,
        )


@dataclass(frozen=True)
class Quoted:
    """Words one person said inside quotation marks, in one PolNeAR article."""

    article: SourceArticle
    words: str
    speaker: str  # full name
    paragraph: int  # index among the article's non-empty lines


@dataclass
class ArticleQuotes:
    article: SourceArticle
    quotes: list[Quoted]
    people: list[str]  # every full-named speaker of the article


def metadata() -> dict[str, tuple[str, str]]:
    """Publisher and date of each PolNeAR file."""
    rows: dict[str, tuple[str, str]] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows[row["filename"]] = (row["publisher"], row["publication_date"])
    return rows


def load_polnear() -> list[ArticleQuotes]:
    meta = metadata()
    loaded = []
    for split in ("train", "dev"):
        for text_path in sorted((POLNEAR / split / "text").glob("*.txt")):
            annotations = sorted((POLNEAR / split / "attributions").glob(text_path.stem + "_*.ann"))
            if not annotations:
                continue
            raw = text_path.read_text(encoding="utf-8")
            title, _, body = raw.partition("\n")
            publisher, published = meta.get(text_path.stem, (None, None))
            article = SourceArticle(
                f"{split}/{text_path.stem}", title.strip(), body, publisher, published or None
            )
            loaded.append(article_quotes(article, raw, read_gold(annotations[0])))
    return loaded


def article_quotes(article: SourceArticle, raw: str, gold: list[Attribution]) -> ArticleQuotes:
    quotes, people = [], []
    for attribution in gold:
        speaker = full_name(attribution.source_text, raw)
        if speaker is None:
            continue
        if speaker not in people:
            people.append(speaker)
        if not attribution.direct:
            continue
        for start, end in attribution.content.pieces:
            for match in SEGMENT_RE.finditer(raw, start, end):
                words = " ".join(match.group(1).split())
                if clean_segment(words):
                    paragraph = sum(1 for line in raw[: match.start()].split("\n") if line.strip())
                    quotes.append(Quoted(article, words, speaker, paragraph))
    return ArticleQuotes(article, quotes, people)


def clean_segment(words: str) -> bool:
    """Words fit to edit: long enough, and with no marks that would blur the edit."""
    return len(words.split()) >= MIN_PART_WORDS and not re.search(r"[\[\]…‘]|\.\.\.|--", words)


def full_name(source_text: str, raw: str) -> str | None:
    """A person's full name from an attribution's Source: "Texas Senator Ted Cruz" -> Ted Cruz;
    a bare "Trump" -> the one full name the article gives it ("Donald Trump"); else None."""
    words = source_text.replace("’s", "").replace("'s", "").split()
    run: list[str] = []
    for word in reversed(words):
        if is_name_word(word) or (INITIAL_RE.fullmatch(word) and run):
            run.insert(0, word)
        else:
            break
    before = words[: len(words) - len(run)]
    if not run or any(not w[:1].isupper() and w.lower() not in TITLE_WORDS for w in before):
        return None
    if len(run) >= 2:  # the last two words ("Commissioner Thomas Krebs" -> Thomas Krebs)
        name = run[-3:] if INITIAL_RE.fullmatch(run[-2]) else run[-2:]
        return " ".join(name) if is_name_word(name[0]) else None
    return surname_in_full(run[-1], raw) if len(run) == 1 else None


def is_name_word(word: str) -> bool:
    lower = word.lower()
    return bool(NAME_WORD_RE.fullmatch(word)) and lower not in TITLE_WORDS | NOT_NAME_WORDS


def surname_in_full(surname: str, raw: str) -> str | None:
    found = {
        f"{m.group(1)} {surname}"
        for m in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z]\.)?) " + re.escape(surname) + r"\b", raw)
        if is_name_word(m.group(1).split()[0])
    }
    return found.pop() if len(found) == 1 else None


# ---------------------------------------------------------------------------------------------
# Word-level edits. A word keeps its punctuation: "don’t," is ("", "don’t", ",").

WORD_PARTS_RE = re.compile(r"(\W*)(.*?)(\W*)", re.DOTALL)


def parts(word: str) -> tuple[str, str, str]:
    match = WORD_PARTS_RE.fullmatch(word)
    assert match is not None
    return match.group(1), match.group(2), match.group(3)


def core(word: str) -> str:
    return parts(word)[1].lower().replace("’", "'")


def with_case(new: str, like: str) -> str:
    return new[:1].upper() + new[1:] if like[:1].isupper() else new


def replace_words(words: list[str], i: int, length: int, new: str) -> list[str]:
    """words[i : i + length] -> `new` (case and outer punctuation kept); "" drops them."""
    prefix, first, _ = parts(words[i])
    suffix = parts(words[i + length - 1])[2]
    if new:
        return [*words[:i], prefix + with_case(new, first) + suffix, *words[i + length :]]
    rest = list(words[i + length :])
    before = list(words[:i])
    if before and suffix.strip(",") and not parts(before[-1])[2]:
        before[-1] += suffix.strip(",")
    elif before and "," in suffix and before[-1].endswith(","):
        before[-1] = before[-1][:-1]
    if rest and first[:1].isupper():
        p, c, s = parts(rest[0])
        rest[0] = p + c[:1].upper() + c[1:] + s
    return before + rest


def ends_with(word: str, marks: str) -> bool:
    last = parts(word)[2][-1:]
    return bool(last) and last in marks


def interior(words: list[str], i: int, length: int = 1) -> bool:
    """Two words of context on each side: a change of meaning needs aligned words around it."""
    return i >= 2 and i + length <= len(words) - 2


def phrase_at(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(words):
        return False
    inner_punctuation = any(parts(w)[2] for w in words[i : i + len(phrase) - 1])
    return not inner_punctuation and all(core(words[i + k]) == p for k, p in enumerate(phrase))


Spot = tuple[int, int, str]  # start, length, replacement


def spots_for(
    words: list[str],
    table: dict[str, str],
    guard: Callable[[list[str], int], bool] = lambda w, i: True,
    inside: bool = True,
) -> list[Spot]:
    """Where a table's phrases (one or more words, lower case) occur, with what replaces them."""
    spots = []
    for phrase, replacement in table.items():
        key = tuple(phrase.split())
        for i in range(len(words)):
            if (
                phrase_at(words, i, key)
                and (not inside or interior(words, i, len(key)))
                and guard(words, i)
            ):
                spots.append((i, len(key), replacement))
    return sorted(spots)


def apply_spot(words: list[str], spots: list[Spot], rng: Random) -> list[str] | None:
    if not spots:
        return None
    i, length, replacement = rng.choice(spots)
    return replace_words(words, i, length, replacement)


def next_core(words: list[str], i: int) -> str:
    return core(words[i + 1]) if i + 1 < len(words) else ""


def previous_core(words: list[str], i: int) -> str:
    return core(words[i - 1]) if i > 0 else ""


def lowercase_word_follows(words: list[str], i: int) -> bool:
    following = parts(words[i + 1])[1] if i + 1 < len(words) else ""
    return following.isalpha() and following.islower() and not parts(words[i])[2]


SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_RE.split(text) if s.strip()]


def finish(words: Iterable[str]) -> str:
    """The reported words as they go inside the marks: no dangling punctuation at the ends."""
    text = " ".join(words).strip()
    text = re.sub(r"^[\s,;:—–-]+", "", text)
    return re.sub(r"[\s,;:—–-]+$", "", text)


def ends_sentence(text: str) -> str:
    return text if text[-1:] in ".!?" else text + "."


# ---------------------------------------------------------------------------------------------
# The edits. Each returns the reported words (and who is credited), or None when the quote
# does not allow the edit cleanly.


@dataclass
class Context:
    """What an edit may draw on besides the quote: the article's other quotes and people, and
    every usable quote of the corpus (for `unrelated`)."""

    quote: Quoted
    article: ArticleQuotes
    corpus: list[Quoted]


@dataclass
class Edited:
    text: str
    speaker: str
    # How the reported article prints it, where not as one attributed paragraph: the words
    # over pieces, a lead-in of the writer's own, another form of attribution.
    paragraphs: list[str] | None = None


def cut_spots(words: list[str], rng: Random) -> tuple[int, int] | None:
    """What to cut inside the quote: a whole sentence, a clause between commas, or a run of 2-5
    words none of which bears meaning on its own (a kind picked at random, then a spot)."""
    ends = [j for j, w in enumerate(words) if ends_with(w, ".?!")]
    commas = [j for j, w in enumerate(words) if ends_with(w, ",")]
    sentence_cuts = [(a + 1, b - a) for a, b in itertools.pairwise(ends) if b < len(words) - 2]
    clause_cuts = [
        (a + 1, b - a)
        for a in commas
        for b in commas + ends
        if 2 <= b - a <= 8 and a >= 1 and b < len(words) - 2
    ]
    word_cuts = [
        (i, k)
        for k in range(2, 6)
        for i in range(2, len(words) - k - 1)
        if not any(core(w) in PROTECTED for w in words[i : i + k])
    ]
    kinds = [spots for spots in (sentence_cuts, clause_cuts, word_cuts) if spots]
    return rng.choice(rng.choice(kinds)) if kinds else None


def inner_cut(words: list[str], rng: Random, _: Context) -> list[str] | None:
    spot = cut_spots(words, rng)
    if spot is None:
        return None
    i, k = spot
    return [*words[:i], *words[i + k :]]


def ellipsis_cut(words: list[str], rng: Random, _: Context) -> list[str] | None:
    spot = cut_spots(words, rng)
    if spot is None:
        return None
    i, k = spot
    return [*words[:i], rng.choice(["…", "..."]), *words[i + k :]]


THIRD_PERSON = ("he", "him", "she")
CLAUSE_OPENERS = frozenset("and but or that because so if when which who while".split())


def bracket(words: list[str], rng: Random, context: Context) -> list[str] | None:
    """A pronoun replaced by a bracketed name, "[the president]" added after one, or the quote
    opened inside a sentence with its first letter capitalised in brackets ("[T]hat")."""
    others = [p for p in context.article.people if p != context.quote.speaker]
    variants: list[list[list[str]]] = []
    if others:
        name = f"[{rng.choice(others).split()[-1]}]"
        variants.append(
            [replace_words(words, i, 1, name) for i, _, _ in spots_for(words, table(THIRD_PERSON))]
        )
    variants.append(
        [
            inserted(words, i + 1, "[the president]")
            for i, _, _ in spots_for(words, table(("he", "him")), no_punctuation)
        ]
    )
    variants.append(capital_bracket_options(words))
    rng.shuffle(variants)
    return next((rng.choice(options) for options in variants if options), None)


def table(words: Iterable[str], replacement: str = "") -> dict[str, str]:
    return dict.fromkeys(words, replacement)


def inserted(words: list[str], i: int, word: str) -> list[str]:
    return [*words[:i], word, *words[i:]]


def no_punctuation(words: list[str], i: int) -> bool:
    return not parts(words[i])[2]


def capital_bracket_options(words: list[str]) -> list[list[str]]:
    """The quote opened at a clause inside a sentence, its first letter capitalised in
    brackets: "[T]hat"."""
    options = []
    for i in range(1, len(words) - 8):
        prefix, word, suffix = parts(words[i])
        clause_starts = core(words[i - 1]) in CLAUSE_OPENERS or parts(words[i - 1])[2] == ","
        if clause_starts and not prefix and word.isalpha() and word.islower() and len(word) > 1:
            options.append([f"[{word[0].upper()}]{word[1:]}{suffix}", *words[i + 1 :]])
    return options


FILLERS = {
    "really": "",
    "actually": "",
    "basically": "",
    "literally": "",
    "honestly": "",
    "just": "",
    "you know": "",
    "kind of": "",
    "sort of": "",
    "i mean": "",
}


def filler(words: list[str], rng: Random, _: Context) -> list[str] | None:
    def fits(ws: list[str], i: int) -> bool:
        following, before = next_core(ws, i), previous_core(ws, i)
        if core(ws[i]) == "just":
            return (
                following.isalpha()
                and following not in {"a", "one", "about", "as", "like"}
                and not _negation(before)
            )
        if core(ws[i]) == "you":
            return before not in {"do", "did", "if", "as", "what", "don't", "didn't"}
        # After a negation a filler qualifies it ('doesn't really jibe', 'not just in'):
        # dropped, the denial goes flat, which is no tidying.
        return not _negation(before)

    return apply_spot(words, spots_for(words, FILLERS, fits, inside=False), rng)


def _negation(word: str) -> bool:
    return word in {"not", "never", "no"} or word.replace("’", "'").endswith("n't")


FUNCTION_SWAPS = {"a": "the", "an": "the", "this": "that", "these": "those", "those": "these"}


def function_word(words: list[str], rng: Random, _: Context) -> list[str] | None:
    def fits(ws: list[str], i: int) -> bool:
        return lowercase_word_follows(ws, i) and next_core(ws, i) not in {
            "lot",
            "few",
            "little",
            "bit",
            "couple",
            "is",
            "was",
            "will",
            "would",
            "does",
        }

    return apply_spot(words, spots_for(words, FUNCTION_SWAPS, fits, inside=False), rng)


CONTRACTIONS = {
    "do not": "don’t",
    "does not": "doesn’t",
    "did not": "didn’t",
    "is not": "isn’t",
    "are not": "aren’t",
    "was not": "wasn’t",
    "were not": "weren’t",
    "has not": "hasn’t",
    "have not": "haven’t",
    "will not": "won’t",
    "would not": "wouldn’t",
    "could not": "couldn’t",
    "should not": "shouldn’t",
    "cannot": "can’t",
    "it is": "it’s",
    "that is": "that’s",
    "i am": "I’m",
    "we are": "we’re",
    "they are": "they’re",
    "you are": "you’re",
    "i will": "I’ll",
    "we will": "we’ll",
}


def contraction(words: list[str], rng: Random, _: Context) -> list[str] | None:
    apostrophe = "'" if "'" in " ".join(words) else "’"
    table = {full: short.replace("’", apostrophe) for full, short in CONTRACTIONS.items()}
    table |= {short.lower().replace("’", "'"): full for full, short in CONTRACTIONS.items()}
    table = {k: (v if not v.startswith("i ") else "I " + v[2:]) for k, v in table.items()}
    return apply_spot(words, spots_for(words, table, inside=False), rng)


UK_SPELLINGS = {
    "color": "colour",
    "favor": "favour",
    "favorite": "favourite",
    "honor": "honour",
    "labor": "labour",
    "neighbor": "neighbour",
    "neighbors": "neighbours",
    "behavior": "behaviour",
    "center": "centre",
    "theater": "theatre",
    "defense": "defence",
    "offense": "offence",
    "traveled": "travelled",
    "percent": "per cent",
}
ABBREVIATIONS = {"Sen.": "Senator", "Gov.": "Governor", "Rep.": "Representative"}
IZE_RE = re.compile(r"([a-z]{3,})iz(e|es|ed|ing|ation|ations)")
SMALL_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def spelling_table(words: list[str]) -> dict[str, str]:
    table = dict(UK_SPELLINGS)
    table |= {uk: us for us, uk in UK_SPELLINGS.items()}
    table |= {"senator": "Sen.", "governor": "Gov."}
    for word in words:
        match = IZE_RE.fullmatch(core(word))
        if match and match.group(1) != "caps":
            table[core(word)] = f"{match.group(1)}is{match.group(2)}"
    for number, name in enumerate(SMALL_NUMBERS, start=2):
        table[str(number)] = name
        table[name] = str(number)
    return table


def spelling(words: list[str], rng: Random, _: Context) -> list[str] | None:
    def name_follows(ws: list[str], i: int) -> bool:
        return i + 1 < len(ws) and parts(ws[i + 1])[1][:1].isupper()

    def fits(ws: list[str], i: int) -> bool:
        word = core(ws[i])
        if word in {"senator", "governor"}:
            return name_follows(ws, i)
        if word.isdigit() or word in SMALL_NUMBERS:
            return "$" not in parts(ws[i])[0] and next_core(ws, i) not in {"-", "of"}
        return True

    spots = spots_for(words, spelling_table(words), fits, inside=False)
    options = [replace_words(words, i, length, new) for i, length, new in spots]
    options += [
        [*words[:i], ABBREVIATIONS[w], *words[i + 1 :]]
        for i, w in enumerate(words)
        if w in ABBREVIATIONS and name_follows(words, i)
    ]
    return rng.choice(options) if options else None


def same_speaker_quotes(context: Context) -> list[Quoted]:
    return [
        q
        for q in context.article.quotes
        if q.speaker == context.quote.speaker and q.words != context.quote.words
    ]


def shortened(text: str, limit: int = 25) -> str:
    """A long quote's first sentence (or its first `limit` words): a stitch joins pieces."""
    if len(text.split()) <= limit:
        return text
    first = sentences(text)[0]
    return first if MIN_PART_WORDS <= len(first.split()) <= limit else finish(text.split()[:limit])


def join(first: str, second: str) -> str:
    second = second[:1].upper() + second[1:]
    return f"{ends_sentence(finish(first.split()))} {second}"


def stitch(_: list[str], rng: Random, context: Context) -> list[str] | None:
    """Two quotes of the speaker that are not next to each other (two paragraphs or more
    between them), joined in their order. Quotes one paragraph apart are left out: joined,
    they read as one statement the source split with its own narration, which real outlets
    do all the time, so the joined version is not known to be the stitch."""
    quote = context.quote
    partners = [q for q in same_speaker_quotes(context) if abs(q.paragraph - quote.paragraph) >= 3]
    if not partners:
        return None
    partner = rng.choice(partners)
    first, second = sorted((quote, partner), key=lambda q: q.paragraph)
    return join(shortened(first.words), shortened(second.words)).split()


def reorder(words: list[str], rng: Random, context: Context) -> list[str] | None:
    """Two sentences of the quote swapped; else two of the speaker's quotes in reverse order."""
    parts_ = sentences(" ".join(words))
    pairs = [
        i
        for i in range(len(parts_) - 1)
        if min(len(parts_[i].split()), len(parts_[i + 1].split())) >= 4
    ]
    if pairs:
        i = rng.choice(pairs)
        return f"{parts_[i + 1]} {parts_[i]}".split()
    partners = [q for q in same_speaker_quotes(context) if q.paragraph != context.quote.paragraph]
    if not partners:
        return None
    first, second = sorted((context.quote, rng.choice(partners)), key=lambda q: q.paragraph)
    return join(shortened(second.words), shortened(first.words)).split()


def both_ways(pairs: dict[str, str]) -> dict[str, str]:
    return pairs | {b: a for a, b in pairs.items()}


CONTENT_SWAPS = both_ways(
    {
        "good": "bad",
        "better": "worse",
        "best": "worst",
        "big": "small",
        "bigger": "smaller",
        "strong": "weak",
        "stronger": "weaker",
        "win": "lose",
        "won": "lost",
        "winning": "losing",
        "high": "low",
        "higher": "lower",
        "rich": "poor",
        "young": "old",
        "easy": "hard",
        "safe": "dangerous",
        "legal": "illegal",
        "true": "false",
        "love": "hate",
        "support": "oppose",
        "supports": "opposes",
        "supported": "opposed",
        "agree": "disagree",
        "accept": "reject",
        "friends": "enemies",
        "friend": "enemy",
        "women": "men",
        "woman": "man",
        "war": "peace",
        "success": "failure",
        "positive": "negative",
        "happy": "sad",
        "great": "terrible",
        "beautiful": "ugly",
        "first": "last",
        "increase": "decrease",
        "everyone": "everything",
        "democrats": "republicans",
        "democratic": "republican",
        "liberal": "conservative",
        "liberals": "conservatives",
        "year": "month",
        "years": "months",
        "today": "yesterday",
        "honest": "dishonest",
        "fair": "unfair",
        "open": "closed",
        "help": "hurt",
        "important": "irrelevant",
        "serious": "minor",
        "right": "wrong",
        "always": "sometimes",
        "many": "few",
        "buy": "sell",
        "president": "governor",
        "country": "state",
        "jobs": "taxes",
    }
)


def swappable(words: list[str], i: int) -> bool:
    """Not 'right' in 'right now', 'right here', 'right to': no content word there."""
    return not (core(words[i]) == "right" and next_core(words, i) in {"now", "here", "there", "to"})


def content_word(words: list[str], rng: Random, _: Context) -> list[str] | None:
    return apply_spot(words, spots_for(words, CONTENT_SWAPS, swappable), rng)


SEVERAL_SWAPS = 3  # content words swapped in one quote, each its own edit
SWAPS_APART = 3  # words from one swap to the next: two aligned words between them


def content_words(words: list[str], rng: Random, _: Context) -> list[str] | None:
    """Several content words swapped in one sentence, the words between them kept: the
    sentence altered word by word, not told in other words."""
    spots = spots_for(words, CONTENT_SWAPS, swappable)
    chosen: list[Spot] = []
    for spot in sorted(spots, key=lambda _: rng.random()):
        if all(abs(spot[0] - other[0]) >= SWAPS_APART for other in chosen):
            chosen.append(spot)
    if len(chosen) < SEVERAL_SWAPS:
        return None
    for start, length, replacement in sorted(chosen[:SEVERAL_SWAPS], reverse=True):
        words = replace_words(words, start, length, replacement)
    return words


HEDGES = {"probably": "", "maybe": "", "perhaps": "", "possibly": ""}
AUXILIARIES = ("is", "are", "was", "were", "will", "would", "could", "should", "can", "must")
SUBJECTS = ("i", "we", "they", "he", "she", "you")


def hedge(words: list[str], rng: Random, _: Context) -> list[str] | None:
    """A hedge dropped, "probably" put after an auxiliary, or "maybe" before a subject."""
    options = [replace_words(words, i, n, new) for i, n, new in spots_for(words, HEDGES)]
    options += [
        inserted(words, i + 1, "probably")
        for i, _, _ in spots_for(words, table(AUXILIARIES), lowercase_word_follows)
        if next_core(words, i) not in {"not", "probably"}
    ]
    options += [
        inserted(words, i, "maybe")
        for i, _, _ in spots_for(words, table(SUBJECTS))
        if parts(words[i - 1])[2] == ","
    ]
    return rng.choice(options) if options else None


MODAL_SWAPS = {
    "will": "could",
    "would": "will",
    "could": "will",
    "should": "will",
    "can": "will",
    "may": "will",
    "might": "will",
    "must": "may",
}
NOT_BEFORE_A_MODAL = frozenset("the a an his her their our my your its of free good own".split())


def modal(words: list[str], rng: Random, _: Context) -> list[str] | None:
    def fits(ws: list[str], i: int) -> bool:
        return (
            parts(ws[i])[1].islower()
            and previous_core(ws, i) not in NOT_BEFORE_A_MODAL
            and lowercase_word_follows(ws, i)
        )

    return apply_spot(words, spots_for(words, MODAL_SWAPS, fits), rng)


POSITIVE_OF = {
    "not": "",
    "don't": "do",
    "doesn't": "does",
    "didn't": "did",
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "won't": "will",
    "can't": "can",
    "wouldn't": "would",
    "couldn't": "could",
    "shouldn't": "should",
}


def negation(words: list[str], rng: Random, _: Context) -> list[str] | None:
    """A "not" (or "n't") dropped, or "not" put after an auxiliary."""

    def removable(ws: list[str], i: int) -> bool:
        return core(ws[i]) != "not" or previous_core(ws, i) in (*AUXILIARIES, "do", "does", "did")

    options = [
        replace_words(words, i, n, new) for i, n, new in spots_for(words, POSITIVE_OF, removable)
    ]
    options += [
        inserted(words, i + 1, "not")
        for i, _, _ in spots_for(words, table(AUXILIARIES), lowercase_word_follows)
        if next_core(words, i) not in {"not", "never", "only"}
    ]
    return rng.choice(options) if options else None


NUMBER_SWAPS = {
    "two": "three",
    "three": "four",
    "four": "five",
    "five": "six",
    "six": "seven",
    "seven": "eight",
    "eight": "nine",
    "nine": "ten",
    "ten": "twelve",
    "twelve": "fifteen",
    "twenty": "thirty",
    "thirty": "forty",
    "forty": "fifty",
    "fifty": "sixty",
    "hundred": "thousand",
    "hundreds": "thousands",
    "thousand": "million",
    "thousands": "millions",
    "million": "billion",
    "millions": "billions",
    "billion": "trillion",
    "dozens": "hundreds",
}
DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def changed_number(text: str) -> str:
    value = int(text.replace(",", ""))
    new = value + 1 if 1900 <= value <= 2100 else value + 2 if value < 10 else value * 2
    return f"{new:,}" if "," in text else str(new)


def number(words: list[str], rng: Random, _: Context) -> list[str] | None:
    spots = spots_for(words, NUMBER_SWAPS)
    spots += [
        (i, 1, changed_number(parts(w)[1]))
        for i, w in enumerate(words)
        if DIGITS_RE.fullmatch(parts(w)[1]) and interior(words, i)
    ]
    return apply_spot(words, spots, rng)


def unrelated(_: list[str], rng: Random, context: Context) -> Edited | None:
    """A quote of another article, by another person, that shares no 4 words with this one."""
    grams = ngrams(context.article.article.body, 4)
    surname = context.quote.speaker.split()[-1]
    for _ in range(20):
        other = rng.choice(context.corpus)
        if (
            other.article.name != context.article.article.name
            and other.speaker.split()[-1] != surname
            and len(other.words.split()) >= MIN_WORDS
            and not ngrams(other.words, 4) & grams
        ):
            return Edited(finish(other.words.split()), other.speaker)
    return None


def ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    norms = [t.norm for t in word_tokens(text)]
    return {tuple(norms[i : i + n]) for i in range(len(norms) - n + 1)}


def misattributed(words: list[str], rng: Random, context: Context) -> Edited | None:
    """The same words, credited to another person the article names (as a speaker)."""
    surname = context.quote.speaker.split()[-1]
    others = [p for p in context.article.people if p.split()[-1] != surname]
    if not others:
        return None
    return Edited(finish(words), rng.choice(others))


def split_pieces(words: list[str], rng: Random, context: Context) -> Edited | None:
    """The whole quote in two pieces, broken at a comma or a sentence's end by the attribution,
    the second piece in a paragraph of its own."""
    breaks = [j for j in range(3, len(words) - 4) if ends_with(words[j], ",.;?!")]
    if not breaks:
        return None
    j = rng.choice(breaks)
    first, second = finish(words[: j + 1]), ends_sentence(finish(words[j + 1 :]))
    speaker = context.quote.speaker
    second = second[:1].upper() + second[1:]
    paragraphs = [f"“{first},” {speaker} said.", f"“{second}” {rng.choice(PRONOUNS)} added."]
    return Edited(finish(words), speaker, paragraphs)


PRONOUNS = ("he", "she")


def lead_in(words: list[str], rng: Random, context: Context) -> Edited | None:
    """A few words of the quote (four to seven), the writer's own words leading into them."""
    length = rng.randint(4, min(7, len(words) - 2))
    starts = [
        i
        for i in range(1, len(words) - length + 1)
        if not any(ends_with(w, ".?!;:") for w in words[i - 1 : i + length - 1])
    ]
    if not starts:
        return None
    start = rng.choice(starts)
    fragment = finish(words[start : start + length])
    speaker = context.quote.speaker
    lead = rng.choice(("argued that the matter was", "said the situation was", "described it as"))
    return Edited(fragment, speaker, [f"{speaker} {lead} “{fragment}.”"])


HYPHENATED_RE = re.compile(r"^([A-Za-z]{2,})-([a-z]{2,})(\W*)$")


def hyphen(words: list[str], rng: Random, _: Context) -> list[str] | None:
    """A hyphenated compound written open ('long-term' -> 'long term')."""
    spots = [i for i, w in enumerate(words) if HYPHENATED_RE.match(w)]
    if not spots:
        return None
    i = rng.choice(spots)
    return [*words[:i], *HYPHENATED_RE.sub(r"\1 \2\3", words[i]).split(), *words[i + 1 :]]


THOUSANDS_RE = re.compile(r"^(\W*\$?\d{1,3}),(\d{3})(\W*)$")


def number_format(words: list[str], rng: Random, _: Context) -> list[str] | None:
    """A number written another way: '1,500' as '1500', '40 percent' as '40%'."""
    options = [
        [*words[:i], THOUSANDS_RE.sub(r"\1\2\3", w), *words[i + 1 :]]
        for i, w in enumerate(words)
        if THOUSANDS_RE.match(w)
    ]
    options += [
        [*words[: i - 1], f"{words[i - 1]}%{parts(w)[2]}", *words[i + 1 :]]
        for i, w in enumerate(words)
        if i and core(w) == "percent" and core(words[i - 1]).replace(".", "").isdigit()
    ]
    return rng.choice(options) if options else None


def typo(words: list[str], rng: Random, _: Context) -> list[str] | None:
    """A slip of the keys in a long word: two letters inside it swapped ('disrputive')."""
    spots = [i for i, w in enumerate(words) if len(core(w)) >= 8 and core(w).isalpha()]
    spots = [i for i in spots if core(words[i]) == core(words[i]).lower()]
    if not spots:
        return None
    i = rng.choice(spots)
    before, word, after = parts(words[i])
    k = rng.randrange(1, len(word) - 3)
    if word[k] == word[k + 1]:
        return None
    swapped = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    return [*words[:i], f"{before}{swapped}{after}", *words[i + 1 :]]


ROLES = ("a spokesperson", "an aide", "the official", "one of the organisers")


def role_credited(words: list[str], rng: Random, context: Context) -> Edited | None:
    """The words credited by a role, not the name ('a spokesperson said')."""
    text = finish(words)
    inside = text if text[-1:] in "!?" else text.rstrip(".") + ","
    return Edited(text, context.quote.speaker, [f"“{inside}” {rng.choice(ROLES)} said."])


def excerpt(words: list[str], rng: Random, _: Context) -> list[str] | None:
    length = rng.randint(6, len(words) - 2)
    start = rng.randint(0, len(words) - length)
    return words[start : start + length]


def identical(words: list[str], _: Random, __: Context) -> list[str] | None:
    return words


WordEdit = Callable[[list[str], Random, Context], "list[str] | Edited | None"]
EDITS: dict[str, WordEdit] = {
    "excerpt": excerpt,
    "identical": identical,
    "inner cut": inner_cut,
    "ellipsis cut": ellipsis_cut,
    "bracket": bracket,
    "filler": filler,
    "function word": function_word,
    "contraction": contraction,
    "spelling": spelling,
    "stitch": stitch,
    "reorder": reorder,
    "content word": content_word,
    "content words": content_words,
    "hedge": hedge,
    "modal": modal,
    "negation": negation,
    "number": number,
    "unrelated": unrelated,
    "misattributed": misattributed,
    "split pieces": split_pieces,
    "lead-in": lead_in,
    "hyphen": hyphen,
    "number format": number_format,
    "role credited": role_credited,
    "typo": typo,
}
PROTECTED = (
    set(HEDGES)
    | set(MODAL_SWAPS)
    | set(POSITIVE_OF)
    | set(NUMBER_SWAPS)
    | set(SMALL_NUMBERS)
    | {"never", "no", "one", "nothing", "nobody", "without"}
)


def edit_quote(kind: str, context: Context, rng: Random) -> Edited | None:
    """The edit of `kind` on the quote. An edit whose words come out longer than the source's
    is made again on the quote less three words at one end, so the source stays the fuller."""
    words = context.quote.words.split()
    result = EDITS[kind](words, rng, context)
    # A stitch is longer by design; a compound written open is the same words, as full.
    if isinstance(result, list) and longer(result, words) and kind not in ("stitch", "hyphen"):
        for base in shorter_bases(words):
            result = EDITS[kind](base, rng, context)
            if result is not None and not longer(result, words):
                break
        else:
            return None
    if result is None or isinstance(result, Edited):
        return result
    text = finish(result)
    if kind != "identical" and fold(text) == fold(finish(words)):
        return None
    return Edited(text, context.quote.speaker) if len(text.split()) >= 6 else None


def shorter_bases(words: list[str]) -> list[list[str]]:
    """The quote less its last clause (if 8 words or more are left), less its last three words,
    less its first three."""
    ends = [j for j in range(7, len(words) - 3) if ends_with(words[j], ",.;?!")]
    bases = [words[: ends[-1] + 1]] if ends else []
    return [*bases, words[:-3], words[3:]]


def longer(edited: list[str], original: list[str]) -> bool:
    return len(word_tokens(" ".join(edited))) > len(word_tokens(" ".join(original)))


# ---------------------------------------------------------------------------------------------
# Cases: the reported article around the edited words


@dataclass
class Case:
    kind: str
    expected: str
    source: SourceArticle
    original: str  # the source's words the edit started from
    reported: str  # the edited words, as the reported article quotes them
    speaker: str  # whom the reported article credits
    document: Document  # the reported article


OPENINGS = (
    "The remarks came during a busy week of campaigning.",
    "The comments drew attention from supporters and critics alike.",
    "The statement was made earlier this week, at an event with supporters.",
)
CLOSINGS = (
    "Further events are planned in the coming weeks.",
    "Reporters followed up with questions afterwards.",
    "A spokesperson declined to add anything further.",
)
TITLES = ("{surname} speaks out", "What {surname} said this week", "{surname} weighs in")


def attribution(text: str, speaker: str, rng: Random) -> str:
    form = rng.randrange(3)
    if form == 1:
        return f"{speaker} said: “{ends_sentence(text)}”"
    inside = text if text[-1:] in "!?" else text.rstrip(".") + ","
    return f"“{inside}” {speaker} said." if form == 0 else f"“{inside}” said {speaker}."


def reported_document(
    kind: str, number: int, source: SourceArticle, edited: Edited, rng: Random
) -> Document:
    surname = edited.speaker.split()[-1]
    paragraphs = [
        rng.choice(OPENINGS),
        *(edited.paragraphs or [attribution(edited.text, edited.speaker, rng)]),
        rng.choice(CLOSINGS),
    ]
    return Document(
        source=f"generated/{kind.replace(' ', '-')}/{number}.txt",
        content="\n".join(paragraphs),
        title=rng.choice(TITLES).format(surname=surname),
        outlet="Generated Wire",
        published=day_after(source.published),
    )


def day_after(published: str | None) -> str:
    try:
        return (date.fromisoformat(published or "") + timedelta(days=1)).isoformat()
    except ValueError:
        return "2017-01-01"


def generate(per_kind: int = 25, seed: int = SEED) -> list[Case]:
    """Up to `per_kind` cases of each edit kind, the same on every run for the same seed."""
    articles = load_polnear()
    by_name = {a.article.name: a for a in articles}
    corpus = [q for a in articles for q in a.quotes]
    bases = [q for q in corpus if len(q.words.split()) >= MIN_WORDS]
    cases = []
    for kind, expected in KINDS.items():
        rng = Random(f"{seed}:{kind}")
        order = list(bases)
        rng.shuffle(order)
        used: set[str] = set()
        for quote in order:
            if len(used) >= per_kind:
                break
            if quote.article.name in used:
                continue
            context = Context(quote, by_name[quote.article.name], corpus)
            edited = edit_quote(kind, context, rng)
            if edited is None:
                continue
            used.add(quote.article.name)
            document = reported_document(kind, len(used), quote.article, edited, rng)
            cases.append(
                Case(
                    kind,
                    expected,
                    quote.article,
                    quote.words,
                    edited.text,
                    edited.speaker,
                    document,
                )
            )
    return cases


# ---------------------------------------------------------------------------------------------
# Running the pipeline and scoring (shared with provenance.py)


def shared_words(first: str, second: str) -> int:
    """Normalised words two texts share, counted with repeats."""
    a = Counter(t.norm for t in word_tokens(first))
    b = Counter(t.norm for t in word_tokens(second))
    return sum((a & b).values())


def best_quote(text: str, quotes: list[Quote]) -> tuple[Quote | None, int]:
    """The quote sharing the most normalised words with `text` (the shorter on a tie)."""
    best: tuple[int, int, Quote] | None = None
    for quote in quotes:
        key = (shared_words(text, quote.text), -len(quote.text))
        if best is None or key > best[:2]:
            best = (*key, quote)
    return (best[2], best[0]) if best else (None, 0)


@dataclass
class Outcome:
    case: Case
    predicted: str
    match: QuoteMatch | None = None
    quote: str | None = None
    seconds: float = 0.0


def run_case(case: Case, source: Processed) -> Outcome:
    started = time.perf_counter()
    try:
        reported = process_document(case.document)
    except Exception as error:  # a case the pipeline refuses is a wrong answer, not a crash
        return Outcome(case, f"error: {type(error).__name__}")
    articles = [source.article, reported.article]
    analysis = analyse_stories(articles, source.quotes + reported.quotes, one_story(articles))
    seconds = time.perf_counter() - started
    matches = {m.quote: m for m in analysis.stories[0].matches}
    candidates = [
        q for q in analysis.quotes if q.article == reported.article.id and q.id in matches
    ]
    quote, shared = best_quote(case.reported, candidates)
    if quote is None or shared == 0:
        return Outcome(case, NOT_FOUND, seconds=seconds)
    match = matches[quote.id]
    return Outcome(case, match.label, match, quote.text, seconds)


def run_cases(cases: list[Case]) -> list[Outcome]:
    sources: dict[str, Processed] = {}
    outcomes = []
    for case in cases:
        if case.source.name not in sources:
            sources[case.source.name] = process_document(case.source.document())
        outcomes.append(run_case(case, sources[case.source.name]))
    return outcomes


@dataclass
class LabelScore:
    label: str
    gold: int = 0
    predicted: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def label_scores(pairs: list[tuple[str, str]]) -> list[LabelScore]:
    """Precision, recall and F1 of each label that is gold or predicted, gold labels first."""
    scores: dict[str, LabelScore] = {}
    for gold, predicted in pairs:
        scores.setdefault(gold, LabelScore(gold)).gold += 1
        scores.setdefault(predicted, LabelScore(predicted)).predicted += 1
        if gold == predicted:
            scores[gold].right += 1
    return sorted(scores.values(), key=lambda s: (s.gold == 0, label_order(s.label)))


def label_order(label: str) -> int:
    order = ["verbatim", "trimmed", "tidied", "stitched", "altered", "paraphrase",
             "misattributed", "unsourced", "source"]  # fmt: skip
    return order.index(label) if label in order else len(order)


def macro_f1(scores: list[LabelScore]) -> float:
    gold = [s for s in scores if s.gold]
    return statistics.fmean(s.f1 for s in gold) if gold else 0.0


def print_label_table(pairs: list[tuple[str, str]], indent: str = "") -> list[LabelScore]:
    scores = label_scores(pairs)
    print(f"{indent}{'label':<14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for s in scores:
        if s.gold:
            row = f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
        else:
            row = f"{'-':>6} {'-':>6} {'-':>6}"
        print(f"{indent}{s.label:<14} {row} {s.gold:5d} {s.predicted:5d}")
    return scores


def false_alarms(pairs: list[tuple[str, str]]) -> tuple[int, int]:
    """Faithful items (verbatim/trimmed/tidied) flagged altered/misattributed/stitched."""
    faithful = [p for g, p in pairs if g in FAITHFUL]
    return sum(p in FLAGS for p in faithful), len(faithful)


def share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else f"{'-':>6}"


def counts(values: Iterable[str]) -> str:
    return ", ".join(f"{label} {n}" for label, n in Counter(values).most_common()) or "-"


def print_generated(outcomes: list[Outcome], seed: int, per_kind: int) -> None:
    print(
        f"Generated set: {len(outcomes)} cases, {len(KINDS)} edit kinds, from PolNeAR train + dev"
        f" (seed {seed}, up to {per_kind} a kind)"
    )
    print(f"{'edit kind':<14} {'expected':<14} {'n':>4} {'right':>7}  labelled instead")
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.case.kind].append(outcome)
    for kind, expected in KINDS.items():
        rows = by_kind.get(kind, [])
        right = sum(o.predicted == expected for o in rows)
        instead = counts(o.predicted for o in rows if o.predicted != expected)
        print(f"{kind:<14} {expected:<14} {len(rows):4d} {share(right, len(rows)):>7}  {instead}")
    pairs = [(o.case.expected, o.predicted) for o in outcomes]
    print()
    scores = print_label_table(pairs)
    right = sum(g == p for g, p in pairs)
    print(f"labelled right: {right} of {len(pairs)} ({share(right, len(pairs)).strip()})")
    print(f"macro F1 over the {sum(1 for s in scores if s.gold)} labels: {macro_f1(scores):.3f}"
          " (goal >= 0.9)")  # fmt: skip
    alarms, faithful = false_alarms(pairs)
    print(
        f"false alarms: {alarms} of {faithful} faithful cases ({share(alarms, faithful).strip()})"
        " labelled altered/misattributed/stitched"
    )
    timed = [o.seconds for o in outcomes if o.seconds]
    if timed:
        print(f"median {statistics.median(timed) * 1000:.1f} ms a case (reported article"
              " processed + the two-article story compared)")  # fmt: skip


def print_errors(outcomes: list[Outcome], limit: int) -> None:
    print(f"\nWrong cases (up to {limit} a kind):")
    for kind, expected in KINDS.items():
        wrong = [o for o in outcomes if o.case.kind == kind and o.predicted != expected][:limit]
        for o in wrong:
            print(f"- {kind}: expected {expected}, got {o.predicted}  ({o.case.source.name})")
            print(f"    source:   {o.case.original}")
            print(f"    reported: {o.case.reported}  [credited to {o.case.speaker}]")
            if o.quote is not None and o.quote != o.case.reported:
                print(f"    quote as found: {o.quote}")
            if o.match is not None and o.match.edits:
                edits = "; ".join(
                    f"{e.op} {e.source!r}->{e.reported!r} ({e.kind})" for e in o.match.edits
                )
                print(f"    edits: {edits}")


def run_generated(per_kind: int, seed: int = SEED, errors: int = 0) -> list[Outcome] | None:
    """Generate, run and print the generated set; None (with a message) when there is no data."""
    if not POLNEAR.is_dir():
        print(f"generated set skipped: no PolNeAR data at {POLNEAR}")
        return None
    started = time.perf_counter()
    cases = generate(per_kind, seed)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    outcomes = run_cases(cases)
    ran = time.perf_counter() - started
    print_generated(outcomes, seed, per_kind)
    print(f"time: {generated:.1f} s to generate, {ran:.1f} s to run the pipeline on all cases")
    if errors:
        print_errors(outcomes, errors)
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=25, help="cases of each edit kind")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--errors", type=int, default=0, help="wrong cases to list, per kind")
    parser.add_argument("--show", type=int, default=0, help="print N generated cases a kind")
    args = parser.parse_args()
    if args.show:
        if not POLNEAR.is_dir():
            print(f"skipped: no PolNeAR data at {POLNEAR}")
            return
        show_cases(generate(args.show, args.seed))
        return
    run_generated(args.per_kind, args.seed, args.errors)


def show_cases(cases: list[Case]) -> None:
    for case in cases:
        print(f"- {case.kind} -> {case.expected} ({case.source.name})")
        print(f"    source:   {case.original}")
        print(f"    reported: {case.document.content.splitlines()[1]}")


if __name__ == "__main__":
    main()
