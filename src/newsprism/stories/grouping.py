"""Group articles that report the same story, online: each article joins the most similar
story seen so far or starts a new one.

Similarity is a TF-IDF cosine over content words (names count double, the title counts
double), with document frequencies learned from the stream itself, plus a bonus when two
articles carry the same quoted words. Articles published far apart never join.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from newsprism.compare.lexicon import is_stop
from newsprism.model import Article, Quote, Story, WireLink
from newsprism.text import word_tokens

JOIN_THRESHOLD = 0.25
SHARED_QUOTE_BONUS = 0.25
MAX_DAYS_APART = 7
SHINGLE = 5
WIRE_CONTAINMENT = 0.8
NAME_WEIGHT = 2.0
TITLE_WEIGHT = 2.0


@dataclass
class _Profile:
    article: Article
    terms: Counter[str]
    quote_shingles: set[tuple[str, ...]]
    day: date | None
    vector: dict[str, float] = field(default_factory=dict)


@dataclass
class StoryGrouper:
    """Online grouping. Each article's TF-IDF vector is fixed when it arrives (IDF as known
    then), and an inverted index finds the earlier articles that share its terms."""

    threshold: float = JOIN_THRESHOLD
    profiles: list[_Profile] = field(default_factory=list)
    story_of: list[int] = field(default_factory=list)
    document_frequency: Counter[str] = field(default_factory=Counter)
    postings: dict[str, list[tuple[int, float]]] = field(default_factory=dict)

    def add(self, article: Article, quotes: list[Quote]) -> int:
        """Place one article; returns the index of its story."""
        profile = _profile(article, quotes)
        self.document_frequency.update(profile.terms.keys())
        profile.vector = self._vector(profile.terms)
        best, best_score = None, self.threshold
        for index, score in self._scores(profile).items():
            if score >= best_score:
                best, best_score = index, score
        story = self.story_of[best] if best is not None else max(self.story_of, default=-1) + 1
        position = len(self.profiles)
        self.profiles.append(profile)
        self.story_of.append(story)
        for term, weight in profile.vector.items():
            self.postings.setdefault(term, []).append((position, weight))
        return story

    def _vector(self, terms: Counter[str]) -> dict[str, float]:
        n = len(self.profiles) + 1
        weights = {
            t: w * (math.log((n + 1) / (self.document_frequency[t] + 1)) + 1.0)
            for t, w in terms.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def _scores(self, profile: _Profile) -> dict[int, float]:
        scores: dict[int, float] = {}
        for term, weight in profile.vector.items():
            for index, other_weight in self.postings.get(term, ()):
                scores[index] = scores.get(index, 0.0) + weight * other_weight
        for index in list(scores):
            other = self.profiles[index]
            if profile.day and other.day and abs((profile.day - other.day).days) > MAX_DAYS_APART:
                scores[index] = 0.0
            elif len(profile.quote_shingles & other.quote_shingles) >= 2:
                scores[index] += SHARED_QUOTE_BONUS
        return scores

    def stories(self) -> list[list[Article]]:
        grouped: dict[int, list[Article]] = {}
        for profile, story in zip(self.profiles, self.story_of, strict=True):
            grouped.setdefault(story, []).append(profile.article)
        return list(grouped.values())


def _terms(text: str, weight: float) -> Counter[str]:
    terms: Counter[str] = Counter()
    for token in word_tokens(text):
        if is_stop(token.norm) or len(token.norm) < 3:
            continue
        surface = text[token.start : token.end]
        terms[token.norm] += NAME_WEIGHT * weight if surface[:1].isupper() else weight
    return terms


def _profile(article: Article, quotes: list[Quote]) -> _Profile:
    terms = _terms(article.title, TITLE_WEIGHT) + _terms(article.standfirst or "", 1.0)
    terms += _terms(article.body, 1.0)
    terms = Counter({t: 1 + math.log(w) if w >= 1 else w for t, w in terms.items()})
    shingles = {s for q in quotes for s in shingles_of(q.text)}
    return _Profile(article, terms, shingles, _day(article.published))


def shingles_of(text: str) -> set[tuple[str, ...]]:
    norms = [t.norm for t in word_tokens(text)]
    return {tuple(norms[i : i + SHINGLE]) for i in range(len(norms) - SHINGLE + 1)}


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def wire_links(articles: list[Article]) -> list[WireLink]:
    """Near-copies within a story: an article most of whose word 5-grams an earlier one has."""
    links = []
    shingles = [shingles_of(a.body) for a in articles]
    for later in range(len(articles)):
        for earlier in range(later):
            if not shingles[later]:
                continue
            containment = len(shingles[later] & shingles[earlier]) / len(shingles[later])
            if containment >= WIRE_CONTAINMENT:
                links.append(
                    WireLink(articles[later].id, articles[earlier].id, round(containment, 3))
                )
                break
    return links


def group_stories(articles: list[Article], quotes: dict[str, list[Quote]]) -> list[Story]:
    """Stories over articles in publication order (undated ones in reading order, last)."""
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "\uffff", i))
    grouper = StoryGrouper(threshold=JOIN_THRESHOLD)
    for index in order:
        grouper.add(articles[index], quotes.get(articles[index].id, []))
    position = {a.id: i for i, a in enumerate(articles)}
    stories = []
    for members in grouper.stories():
        members.sort(key=lambda a: position[a.id])
        stories.append(
            Story(
                id=f"s-{members[0].id}",
                title=members[0].title or _excerpt(members[0]),
                articles=[a.id for a in members],
                wire=wire_links(members),
            )
        )
    return stories


def _excerpt(article: Article, words: int = 12) -> str:
    first = article.paragraphs[0] if article.paragraphs else ""
    return " ".join(first.split()[:words])
