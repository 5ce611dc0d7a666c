"""Pronoun and description speakers against what other outlets of the same story name.

The hand-labelled set (benchmarks/speakers_real.py) holds 20 pronoun and 18 role quotes in its
held stories: too few to tell a general change from noise. This benchmark asks the whole of
the three shared story sets instead, without labels: a quote attributed to a pronoun or a
definite description ('he said', 'the Texas governor said') whose words another article of
the same story quotes with a name ('..., Kim Darroch said') should have that name's person
for speaker. Only quotes whose named versions all agree on one person are scored (the other
outlets' speakers can be wrong too, so this is a proxy, not a truth: read it as agreement).

Two quotes are one when they share at least MIN_SHARED normalised words and at least
SHARED_SHARE of the shorter's. Two speakers are one person when their names are equal once
folded or the last word of one is a word of the other ('Trump', 'Donald J. Trump').

Stories are split as speakers_real's labels are (benchmarks/data/speakers_real/build.py): a
third of them HELD, whose figures are printed first and whose disagreements are never listed.

    .venv/bin/python benchmarks/speakers_consensus.py [--examples N]

Reads ../shared/data/stories (NEWSPRISM_DATA overrides ../shared/data); skips with a message
when it is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

from shared_data import held, shared_data

from newsprism.ingest import read_path
from newsprism.model import Quote
from newsprism.names import name_key
from newsprism.pipeline import process_batch

STORIES = shared_data("stories")
SETS = ("newswcl50", "multinews_sample", "allsides_roundups")
SPEECH = ("direct", "transcript")
PRONOUNS = {"he", "she"}
MIN_SHARED = 5
SHARED_SHARE = 0.6
WORD_RE = re.compile(r"\w+")
TITLE_RE = re.compile(r"^(?:(?:mr|mrs|ms|dr|sen|rep|gov|president|the)\.?\s+)+")


@dataclass(frozen=True)
class Said:
    set: str
    cluster: str
    article: str
    quote: Quote
    words: frozenset[str]


def mention_kind(mention: str | None) -> str | None:
    """'pronoun', 'description' or 'name' for a quote's speaker mention; None for others."""
    if not mention:
        return None
    words = mention.split()
    low = mention.strip().lower()
    if low in PRONOUNS:
        return "pronoun"
    if words[0].lower() == "the" and len(words) > 1 and words[-1][:1].islower():
        return "description"
    if low in {"they", "it", "we", "i", "you"} or low.startswith(("the ", "a ", "an ")):
        return None
    return "name" if words[-1][:1].isupper() else None


def name_words(name: str) -> tuple[str, ...]:
    """A speaker's folded name words, titles left out and hyphens split ('Kim Jong-un' ->
    kim, jong, un)."""
    return tuple(re.split(r"[\s\-]+", TITLE_RE.sub("", name_key(name)).strip()))


def same_person(first: str, second: str) -> bool:
    """One name's last word is a word of the other ('Trump', 'Donald J. Trump')."""
    one, other = name_words(first), name_words(second)
    return one[-1] in other or other[-1] in one


def same_words(first: frozenset[str], second: frozenset[str]) -> bool:
    shared = len(first & second)
    return shared >= MIN_SHARED and shared >= SHARED_SHARE * min(len(first), len(second))


def read_quotes() -> list[Said]:
    said = []
    for set_name in SETS:
        path = STORIES / set_name / "articles.jsonl"
        cluster_of = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                cluster_of[row["id"]] = row["cluster"]
        documents = list(read_path(path))
        for processed in process_batch(documents, lambda error: None):
            article = processed.document.source.rsplit("#", 1)[-1]
            for quote in processed.quotes:
                if quote.kind in SPEECH and article in cluster_of:
                    words = frozenset(WORD_RE.findall(quote.text.lower()))
                    said.append(Said(set_name, cluster_of[article], article, quote, words))
    return said


def consensus(quote: Said, story: list[Said]) -> str | None:
    """The one person the other articles of the story name for the same words, if one."""
    named = [
        other.quote.speaker
        for other in story
        if other.article != quote.article
        and other.quote.speaker
        and mention_kind(other.quote.speaker_mention) == "name"
        and same_words(quote.words, other.words)
    ]
    if not named or not all(same_person(named[0], name) for name in named[1:]):
        return None
    return max(named, key=len)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="TUNE disagreements to list")
    args = parser.parse_args()
    if not STORIES.exists():
        sys.exit(f"no story sets at {STORIES}: skipped")
    said = read_quotes()
    stories: dict[tuple[str, str], list[Said]] = defaultdict(list)
    for item in said:
        stories[item.set, item.cluster].append(item)
    right: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    disagreements = []
    for item in said:
        kind = mention_kind(item.quote.speaker_mention)
        if kind not in ("pronoun", "description"):
            continue
        wanted = consensus(item, stories[item.set, item.cluster])
        if wanted is None:
            continue
        part = "HELD" if held(item.set, item.cluster) else "TUNE"
        agrees = bool(item.quote.speaker) and same_person(item.quote.speaker or "", wanted)
        total[part, kind] += 1
        right[part, kind] += agrees
        if not agrees and part == "TUNE":
            disagreements.append((item, wanted))
    print("pronoun and description speakers agreeing with the story's named versions")
    print(f"{'part':<6} {'pronoun':>14} {'description':>14} {'all':>14}")
    for part in ("HELD", "TUNE"):
        cells = []
        for kind in ("pronoun", "description"):
            cells.append(_cell(right[part, kind], total[part, kind]))
        both = sum(right[part, k] for k in ("pronoun", "description"))
        cells.append(_cell(both, sum(total[part, k] for k in ("pronoun", "description"))))
        print(f"{part:<6} " + " ".join(f"{cell:>14}" for cell in cells))
    for item, wanted in disagreements[: args.examples]:
        quote = item.quote
        print(
            f"  {item.set}/{item.article} {quote.speaker_mention!r} -> {quote.speaker!r}, "
            f"others name {wanted!r}: {quote.text[:60]!r}"
        )


def _cell(right: int, total: int) -> str:
    return f"{right}/{total} {right / total:.0%}" if total else "-"


if __name__ == "__main__":
    main()
