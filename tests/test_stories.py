import dataclasses
import json
from array import array
from collections import defaultdict
from datetime import date, timedelta

import pytest
from conftest import FIXTURES

from newsprism.ingest import read_path
from newsprism.model import Article, Story
from newsprism.pipeline import process_document
from newsprism.stories import group_stories, grouping, wire_links
from newsprism.stories.grouping import KnownWire, StoryGrouper, story_title


def test_seeds_are_one_story(seed_analysis):
    assert len(seed_analysis.stories) == 1
    assert len(seed_analysis.stories[0].articles) == 2


def bcubed_f1(predicted: dict[str, str], gold: dict[str, str]) -> float:
    by_predicted, by_gold = defaultdict(set), defaultdict(set)
    for item, cluster in predicted.items():
        by_predicted[cluster].add(item)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
    precision = sum(
        len(by_predicted[predicted[i]] & by_gold[gold[i]]) / len(by_predicted[predicted[i]])
        for i in predicted
    ) / len(predicted)
    recall = sum(
        len(by_predicted[predicted[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]])
        for i in predicted
    ) / len(predicted)
    return 2 * precision * recall / (precision + recall)


def test_real_roundups_group_by_story():
    """Six AllSides stories, three outlets each (opening paragraphs only)."""
    path = FIXTURES / "allsides_sample.jsonl"
    records = {json.loads(line)["id"]: json.loads(line) for line in path.open()}
    processed = [process_document(d) for d in read_path(path)]
    articles = [p.article for p in processed]
    quotes = {p.article.id: p.quotes for p in processed}
    stories = group_stories(articles, quotes)
    predicted = {a: s.id for s in stories for a in s.articles}
    gold = {p.article.id: records[p.document.source.split("#")[1]]["cluster"] for p in processed}
    assert 3 <= len(stories) <= 10
    assert bcubed_f1(predicted, gold) >= 0.75


def test_time_keeps_stories_apart():
    text = [
        "The council voted to close the Elm Street library branch after a budget shortfall.",
        "Library users protested outside the town hall as the council voted on the closure.",
    ]
    first, second, third = (
        Article(
            id=i, source=i, title="Council votes to close library", paragraphs=text, published=day
        )
        for i, day in (("a", "2024-01-01"), ("b", "2024-06-01"), ("c", "2024-06-02"))
    )
    stories = group_stories([first, second, third], {})
    assert sorted(len(s.articles) for s in stories) == [1, 2]


def _trio(processed, cluster: str, days_later: int) -> list[Article]:
    """One AllSides story's three articles, the second and third moved `days_later` on."""
    trio = [p.article for p in processed if p.document.source.split("#")[1].startswith(cluster)]
    moved = [
        dataclasses.replace(
            a, published=(date.fromisoformat(a.published) + timedelta(days=days_later)).isoformat()
        )
        for a in trio[1:]
    ]
    return [trio[0], *moved]


def test_days_apart_weaken_a_match_by_degree():
    """A loosely matched story (three takes on one comedian) parts after a few days; a closely
    matched one (one death, reported alike) holds together over the same gap."""
    processed = _sample_articles()
    loose, close = "5612_", "5608_"
    assert [len(s.articles) for s in group_stories(_trio(processed, loose, 0), {})] == [3]
    assert len(group_stories(_trio(processed, loose, 4), {})) > 1
    assert [len(s.articles) for s in group_stories(_trio(processed, close, 4), {})] == [3]


def _developing_story() -> list[Article]:
    """Ten reports of one story, one every two days (two and a half weeks in all): each repeats
    two paragraphs of the story and adds one of its own."""
    processed = _sample_articles()
    story = [p.article for p in processed if p.document.source.split("#")[1].startswith("5608_")]
    core = [paragraph for article in story for paragraph in article.paragraphs]
    others = [
        paragraph
        for p in processed
        if not p.document.source.split("#")[1].startswith("5608_")
        for paragraph in p.article.paragraphs
    ]
    return [
        dataclasses.replace(
            story[0],
            id=f"r{k}",
            source=f"r{k}",
            title=story[k % len(story)].title,
            outlet=f"Outlet {k}",
            paragraphs=[core[2 * k % len(core)], core[(2 * k + 1) % len(core)], others[k]],
            published=(date(2024, 3, 1) + timedelta(days=2 * k)).isoformat(),
        )
        for k in range(10)
    ]


def test_a_developing_story_grows_for_weeks():
    """Each report of a developing story is close in time only to the newest few, but the story
    as a whole is still growing, so it stays one story."""
    assert [len(s.articles) for s in group_stories(_developing_story(), {})] == [10]


def test_a_story_that_drifts_holds_at_the_link_between_its_halves():
    """With no floor, the developing story's halves are far apart on average, but its closest
    reports across the halves are as alike as reports within each: the split holds it."""
    from newsprism.stories.grouping import StoryGrouper

    grouper = StoryGrouper(split_share=0.5, split_floor=1.0)
    for report in _developing_story():
        grouper.add(report)
    assert grouper.split_stories() == []


def test_wire_copy_linked():
    body = [
        "Officials said the storm had cut power to 20,000 homes across the county overnight.",
        "Crews were working to restore supply and expected most homes back by Sunday evening.",
    ]
    original = Article(id="a", source="a", title="Storm cuts power", paragraphs=body)
    copy = Article(
        id="b",
        source="b",
        title="Storm leaves thousands without power",
        paragraphs=[*body, "Read more on our live page."],
    )
    other = Article(
        id="c",
        source="c",
        title="Storm",
        paragraphs=[
            "A different text entirely "
            "about the storm and what the mayor said at the meeting on Monday night."
        ],
    )
    links = wire_links([original, copy, other])
    assert [(link.article, link.copy_of) for link in links] == [("b", "a")]
    assert links[0].containment >= 0.8


def test_wire_links_of_a_grown_story_from_what_was_known_are_those_found_afresh(monkeypatch):
    """Real articles and wire copies of some (an outlet's copy with its own last line): the
    story grows by copies and articles inserted before, among and after the known ones, one
    known article changes and one leaves. With the links known from before, the same links
    are found as from scratch, with fewer pairs of articles to compare."""
    real = [p.article for p in _sample_articles()]  # 18

    def copy(article: Article, name: str) -> Article:
        paragraphs = [*article.paragraphs, "Distributed by a wire service."]
        return dataclasses.replace(article, id=name, source=name, paragraphs=paragraphs)

    before = [real[0], real[1], copy(real[0], "w0"), *real[2:12], copy(real[5], "w5")]
    known = KnownWire([a.id for a in before], {w.article: w for w in wire_links(before)})
    assert {(w.article, w.copy_of) for w in known.links.values()} >= {("w0", real[0].id)}
    changed = dataclasses.replace(real[3], paragraphs=real[5].paragraphs)  # now a copy of 5
    grown = [
        copy(real[5], "early"),
        *[a for a in before[:4] if a.id != real[1].id],
        changed,  # in real[3]'s place
        *before[5:],
        *real[12:],
        copy(real[2], "w2"),
        copy(real[15], "w15"),
    ]
    compared = []
    monkeypatch.setattr(grouping, "_first_copied", _counting(grouping._first_copied, compared))
    found = wire_links(grown, known.without({changed.id}))
    with_known = len(compared)
    assert found == wire_links(grown)
    assert {(w.article, w.copy_of) for w in found} >= {
        ("w2", real[2].id),
        ("w15", real[15].id),
        (changed.id, "early"),
        (real[5].id, "early"),
    }
    assert with_known < len(compared) - with_known


def _counting(first_copied, compared: list):
    """`_first_copied` counting the articles each article may be compared with."""

    def counted(later, candidates, *args):
        candidates = list(candidates)
        compared.extend(candidates)
        return first_copied(later, candidates, *args)

    return counted


def _sample_articles():
    path = FIXTURES / "allsides_sample.jsonl"
    processed = [process_document(d) for d in read_path(path)]
    return processed


def test_profile_round_trip():
    from newsprism.stories.grouping import Profile, StoryGrouper

    processed = _sample_articles()
    grouper = StoryGrouper()
    grouper.add(processed[0].article, processed[0].quotes)
    profile = grouper.profiles[0]
    again = Profile.from_bytes(profile.to_bytes())
    _assert_same_profile(again, profile)


def test_remembered_profiles_read_back_as_they_were_made():
    """The grouper packs the profiles it remembers into one table: each reads back whole, the
    first, the last and any between, its quoted-run hashes alone too."""
    from newsprism.stories.grouping import StoryGrouper

    processed = _sample_articles()[:8]
    made = [StoryGrouper().profile(p.article, p.quotes)[0] for p in processed]
    assert any(profile.shingles for profile in made) and len({len(p.terms) for p in made}) > 1
    grouper = StoryGrouper()
    for story, profile in enumerate(made):
        grouper.restore(profile, story)
    assert len(grouper.profiles) == len(made)
    for position, profile in enumerate(made):
        _assert_same_profile(grouper.profiles[position], profile)
        assert list(grouper.profiles.shingles(position)) == list(profile.shingles)
    _assert_same_profile(grouper.profiles[-1], made[-1])
    assert [p.to_bytes() for p in grouper.profiles] == [p.to_bytes() for p in made]


def _assert_same_profile(again, profile) -> None:
    assert list(again.terms) == list(profile.terms)
    assert list(again.weights) == list(profile.weights)
    assert (again.day, again.outlet, again.shingles) == (
        profile.day,
        profile.outlet,
        profile.shingles,
    )


def test_profile_stored_with_an_embedding_still_reads():
    """Profiles stored while grouping had a sentence-embedding signal carry its floats after
    the shingles (counted in the header's last field); they read as before, the floats left."""
    from newsprism.stories.grouping import Profile, StoryGrouper

    processed = _sample_articles()
    grouper = StoryGrouper()
    grouper.add(processed[0].article, processed[0].quotes)
    profile = grouper.profiles[0]
    header = array("q", [profile.day, profile.outlet, len(profile.terms), len(profile.shingles), 3])
    shingles = array("q", sorted(profile.shingles))
    stored = b"".join(
        part.tobytes()
        for part in (
            header,
            array("q", profile.terms),
            profile.weights,
            shingles,
            array("f", [0.6, 0.8, 0]),
        )
    )
    again = Profile.from_bytes(stored)
    _assert_same_profile(again, profile)
    assert again.to_bytes() == profile.to_bytes()


def test_refine_moves_a_misplaced_article_to_its_story():
    from newsprism.stories.grouping import StoryGrouper

    processed = _sample_articles()
    # The same texts a month later: new stories, which push the first ones out of the index.
    month_on = [
        dataclasses.replace(p.article, id=f"{p.article.id}-later", published="2021-11-20")
        for p in processed
    ]
    streamed = StoryGrouper()
    stories = [streamed.add(p.article, p.quotes) for p in processed]
    stories += [streamed.add(article) for article in month_on]
    assert len(set(stories)) == 12
    misplaced = 4  # an article on Colin Powell's death, replayed into the first story
    assert stories[misplaced] != stories[0]
    replayed = StoryGrouper()
    for position, profile in enumerate(streamed.profiles):
        replayed.restore(profile, stories[0] if position == misplaced else stories[position])
    assert replayed.refine() == 1
    assert list(replayed.story_of) == stories


def test_index_forgets_articles_too_old_to_join():
    from newsprism.stories.grouping import INDEX_TERMS, REACH_DAYS, StoryGrouper

    article = _sample_articles()[0].article
    grouper = StoryGrouper()
    later = date(2024, 1, 5) + timedelta(days=REACH_DAYS + 1)
    for day in ("2024-01-01", "2024-01-05", later.isoformat()):
        grouper.add(dataclasses.replace(article, published=day))
    assert len(set(grouper.story_of)) == 2  # long after, the same text is a new story
    latest = grouper.profiles[-1].terms[:INDEX_TERMS]
    assert all(list(grouper.postings[h][::2]) == [2] for h in latest)  # positions, weights


def test_stories_continue_across_runs_and_rebuild(tmp_path):
    import shutil

    from click.testing import CliRunner

    from newsprism.cli import main
    from newsprism.store import Store

    rows = (FIXTURES / "allsides_sample.jsonl").read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(rows[::2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(rows[1::2]) + "\n", encoding="utf-8")
    db, out = tmp_path / "n.db", tmp_path / "out"
    run = CliRunner()
    run.invoke(main, ["analyze", str(first), "--db", str(db), "--out", str(out)])
    with Store(db) as store:
        before = {a: s for a, s, *_ in store.story_profiles()}
    assert len(before) == 9
    run.invoke(main, ["analyze", str(second), "--db", str(db), "--out", str(out)])
    with Store(db) as store:
        after = {a: s for a, s, *_ in store.story_profiles()}
        assert len(after) == 18
        assert {a: after[a] for a in before} == before  # earlier articles keep their stories
        records = {json.loads(r)["id"]: json.loads(r)["cluster"] for r in rows}
        gold = {a.id: records[a.source.split("#")[1]] for a in store.articles()}
        predicted = {a: s.id for s in store.stories() for a in s.articles}
        assert bcubed_f1(predicted, gold) >= 0.75
    shutil.copy(db, tmp_path / "copy.db")
    result = run.invoke(main, ["stories", "--rebuild", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0 and "rebuilt" in result.output
    with Store(db) as store:
        assert len(list(store.story_profiles())) == 18
        predicted = {a: s.id for s in store.stories() for a in s.articles}
        assert bcubed_f1(predicted, gold) >= 0.75


def test_an_article_with_no_body_left_does_not_join_a_story():
    """A page whose body was all junk keeps only its title: too little to judge, so it stands
    alone, even when the title shares the story's words."""
    text = [
        "The council voted to close the Elm Street library branch after a budget shortfall.",
        "Library users protested outside the town hall as the council voted on the closure.",
    ]
    title = "Council votes to close Elm Street library"
    first, second = (Article(id=i, source=i, title=title, paragraphs=text) for i in "ab")
    emptied = Article(id="c", source="c", title=title, paragraphs=[])
    later = Article(id="d", source="d", title=title, paragraphs=text)
    stories = group_stories([first, second, emptied, later], {})
    assert sorted(s.articles for s in stories) == [["a", "b", "d"], ["c"]]


def test_crowded_index_estimates_the_candidates_it_does_not_compare(monkeypatch):
    """With room for one full comparison, the other copies of a story are estimated from their
    index terms, scaled by the compared copy: exactly, for identical texts."""
    from newsprism.stories import grouping
    from newsprism.stories.grouping import StoryGrouper

    article = _sample_articles()[0].article
    grouper = StoryGrouper()
    copies = [dataclasses.replace(article, id=f"c{i}", outlet=f"o{i}") for i in range(5)]
    assert len({grouper.add(copy) for copy in copies}) == 1
    profile, vector = grouper.profile(dataclasses.replace(article, id="new", outlet="new"))
    partials = grouper._candidates(profile)
    full = grouper._similarities(profile, vector, itself=-1)  # all compared in full
    assert set(partials) == set(full) == set(range(5))
    assert all(0 < partials[p] < full[p] for p in partials)  # a lower bound of the whole
    monkeypatch.setattr(grouping, "FULL_COMPARISONS", 1)
    estimated = grouper._similarities(profile, vector, itself=-1)
    assert estimated == pytest.approx(full, rel=1e-4)
    assert grouper._best_story(profile, vector) == grouper.story_of[0]


def test_profile_vectors_are_keyed_by_the_stored_term_hash():
    """The vector builder inlines term_hash for speed; stored profiles need the two to agree."""
    from newsprism.stories.grouping import TITLE_WEIGHT, StoryGrouper, _terms, term_hash

    article = _sample_articles()[0].article
    _, vector = StoryGrouper().profile(article)
    terms = {*_terms(article.title, TITLE_WEIGHT), *_terms(article.body, 1.0)}
    terms |= set(_terms(article.standfirst or "", 1.0))
    assert set(vector) == {term_hash(term) for term in terms}


def test_terms_read_words_as_the_shared_tokeniser_does():
    """The grouper's own word loop (cached per surface word, for speed) finds the terms and
    quote shingles that the shared tokeniser's tokens give."""
    from collections import Counter

    from newsprism.compare.lexicon import is_stop
    from newsprism.stories.grouping import NAME_WEIGHT, _terms, shingles_of
    from newsprism.text import word_tokens

    text = (FIXTURES.parent.parent / "examples" / "seeds" / "000_60f9d60b6a9e8fe4.txt").read_text()
    expected: Counter[str] = Counter()
    previous = None
    for token in word_tokens(text):
        if is_stop(token.norm) or len(token.norm) < 3:
            previous = None
            continue
        expected[token.norm] += NAME_WEIGHT if text[token.start].isupper() else 1.0
        if previous is not None:
            expected[f"{previous} {token.norm}"] += 1.0
        previous = token.norm
    assert _terms(text, 1.0) == expected
    norms = [t.norm for t in word_tokens(text)]
    assert shingles_of(text) == {tuple(norms[i : i + 5]) for i in range(len(norms) - 4)}


def test_a_large_story_is_judged_by_its_members_closest_to_the_article():
    """A story's mean is over its closest members: an article that reads like ten of a large
    story's articles joins it, however many more loosely related members the story has."""
    from newsprism.stories.grouping import Profile, StoryGrouper

    first, second = _sample_articles()[:2]
    grouper = StoryGrouper()
    for i in range(10):
        grouper.add(dataclasses.replace(first.article, id=f"c{i}", outlet=f"o{i}"))
    far = Profile(array("q"), array("f"), frozenset(), 0, 0)  # members no article comes near
    for _ in range(200):
        grouper.restore(far, grouper.story_of[0])
    assert grouper.add(dataclasses.replace(second.article, outlet="new")) == grouper.story_of[0]


def test_candidates_scored_are_capped_however_crowded_the_index():
    from newsprism.stories.grouping import MAX_CANDIDATES, StoryGrouper

    article = _sample_articles()[0].article
    grouper = StoryGrouper()
    for i in range(2 * MAX_CANDIDATES):
        grouper.add(dataclasses.replace(article, id=f"c{i}", outlet=f"o{i}"))
    profile, vector = grouper.profile(dataclasses.replace(article, id="new", outlet="new"))
    assert len(grouper._similarities(profile, vector, itself=-1)) == MAX_CANDIDATES


def test_a_story_of_two_events_splits_in_two():
    """Two Supreme Court stories (a ruling on police immunity, a commission on adding
    justices) placed as one story part along the line between them; each alone holds."""
    from newsprism.stories.grouping import StoryGrouper

    processed = _sample_articles()
    court = [p for p in processed if p.document.source.split("#")[1][:4] in ("5607", "5611")]
    streamed = StoryGrouper()
    for p in court:
        streamed.add(p.article, p.quotes)
    event = [p.document.source.split("#")[1][:4] for p in court]
    blob = StoryGrouper()
    for profile in streamed.profiles:
        blob.restore(profile, 0)  # as if the stream had joined them
    moved = blob.split_stories()
    assert len(moved) == 3
    assert {event[p] for p in moved} in ({"5607"}, {"5611"})
    parts = defaultdict(set)
    for position, story in enumerate(blob.story_of):
        parts[story].add(event[position])
    assert sorted(parts.values(), key=sorted) == [{"5607"}, {"5611"}]
    for one in ("5607", "5611"):
        alone = StoryGrouper()
        for position, profile in enumerate(streamed.profiles):
            if event[position] == one:
                alone.restore(profile, 0)
        assert alone.split_stories() == []


def test_the_parts_of_a_split_story_are_related():
    processed = _sample_articles()
    court = [p for p in processed if p.document.source.split("#")[1][:4] in ("5607", "5611")]
    grouper = StoryGrouper()
    for p in court:
        grouper.restore(grouper.profile(p.article, p.quotes)[0], 0)
    assert grouper.related_stories() == {}
    grouper.split_stories()
    assert grouper.related_stories() == {0: [1], 1: [0]}


def _event_stories(path) -> tuple[list[Story], dict[str, str]]:
    """The stories of a set of AllSides articles, and each article's gold story."""
    processed = [process_document(d) for d in read_path(path)]
    records = {json.loads(line)["id"]: json.loads(line) for line in path.open()}
    gold = {p.article.id: records[p.document.source.split("#")[1]]["cluster"] for p in processed}
    quotes = {p.article.id: p.quotes for p in processed}
    return group_stories([p.article for p in processed], quotes), gold


def test_stories_of_one_developing_event_are_related():
    """AllSides roundups of two developing events, a week apart: the probe that found Governor
    Cuomo harassed women, then his resignation; the Senate taking up the infrastructure bill,
    then its text unveiled. Each event's stories are linked as related; no link crosses."""
    stories, gold = _event_stories(FIXTURES / "allsides_developing.jsonl")
    event = {"5812": "cuomo", "5793": "cuomo", "5824": "infrastructure", "5816": "infrastructure"}
    event_of = {s.id: {event[gold[a]] for a in s.articles} for s in stories}
    assert all(len(events) == 1 for events in event_of.values())
    by_id = {s.id: s for s in stories}
    probe = next(s for s in stories if gold[s.articles[0]] == "5812")
    resigns = next(s for s in stories if gold[s.articles[0]] == "5793")
    assert probe.id != resigns.id and resigns.id in probe.related and probe.id in resigns.related
    for story in stories:
        for other in story.related:
            assert event_of[other] == event_of[story.id]
            assert story.id in by_id[other].related
    assert all(s.related for s in stories)


def test_a_report_joins_the_story_of_the_article_it_is_mutually_nearest():
    """Six AllSides stories of two days. The WSJ report of the Cuban protests is below the
    join threshold with the other two reports of them taken together, but it is the nearest
    of one of them as that one is its nearest: it joins their story, which no other joins."""
    stories, gold = _event_stories(FIXTURES / "allsides_week.jsonl")
    golds = [{gold[a] for a in s.articles} for s in stories]
    assert all(len(one) == 1 for one in golds)
    cuba = [s for s, one in zip(stories, golds, strict=True) if one == {"5875"}]
    assert [len(s.articles) for s in cuba] == [3]


def test_unrelated_stories_are_not_linked():
    """Six AllSides stories of one day on six subjects: none is linked to another."""
    stories, _ = _event_stories(FIXTURES / "allsides_sample.jsonl")
    assert len(stories) >= 6
    assert not any(s.related for s in stories)


def test_a_split_needs_parts_much_less_alike_across_than_within():
    """The same two events are kept together when the parts must be nearly unlike across
    (a share of 0.01) or under a floor of zero likeness across: the rule itself decides, not
    the guard that turns the split off; and when a part would be smaller than allowed."""
    from newsprism.stories.grouping import StoryGrouper

    processed = _sample_articles()
    court = [p for p in processed if p.document.source.split("#")[1][:4] in ("5607", "5611")]
    for settings in ({"split_share": 0.01}, {"split_floor": 0.0}, {"min_part": 4}):
        grouper = StoryGrouper(**settings)
        for p in court:
            grouper.restore(grouper.profile(p.article, p.quotes)[0], 0)
        assert grouper.split_stories() == []


def test_average_linkage_halves_are_the_last_merge():
    """Two tight pairs and a loose point: average linkage joins the point to the pair it is
    closer to on average, leaving the two pairs apart."""
    from newsprism.stories.grouping import _average_linkage_halves

    similarity = [
        [0.0, 0.9, 0.1, 0.1, 0.3],
        [0.9, 0.0, 0.1, 0.1, 0.2],
        [0.1, 0.1, 0.0, 0.8, 0.1],
        [0.1, 0.1, 0.8, 0.0, 0.2],
        [0.3, 0.2, 0.1, 0.2, 0.0],
    ]
    halves = _average_linkage_halves(list(range(5)), similarity)
    assert sorted(sorted(half) for half in halves) == [[0, 1, 4], [2, 3]]


def test_a_run_splits_a_stored_story_that_grew_and_stores_the_move(tmp_path):
    """An earlier run left the two Supreme Court stories as one; a new article joins it, the
    run's split parts it, and the stored articles that moved keep their new story."""
    from newsprism.pipeline import incremental_stories
    from newsprism.store import Store
    from newsprism.stories.grouping import StoryGrouper

    processed = _sample_articles()
    court = [p for p in processed if p.document.source.split("#")[1][:4] in ("5607", "5611")]
    event = {p.article.id: p.document.source.split("#")[1][:4] for p in court}
    earlier = court[:-1]  # the last is new to this run
    grouper = StoryGrouper()
    rows = [
        (p.article.id, 0, grouper.profile(p.article, p.quotes)[0].to_bytes(), -1.0)
        for p in earlier
    ]
    with Store(tmp_path / "n.db") as store:
        for p in court:
            store.save_article(p.article.source, p.article.id, p.article, p.quotes)
        store.save_story_profiles(rows, grouper.counts_blob())
        stories = incremental_stories(
            store, [p.article for p in court], {p.article.id: p.quotes for p in court}
        )
        assert sorted({event[a] for a in s.articles} for s in stories) == [{"5607"}, {"5611"}]
        stored = {article: story for article, story, *_ in store.story_profiles()}
    assert len(stored) == 6
    by_event = {one: {stored[a] for a in event if event[a] == one} for one in ("5607", "5611")}
    assert all(len(stories) == 1 for stories in by_event.values())
    assert by_event["5607"] != by_event["5611"]
    assert any(stored[p.article.id] != 0 for p in earlier)  # a stored article was moved


def _event(p) -> str:
    return p.document.source.split("#")[1][:4]


def _split_events(processed, **settings) -> list[list[str]]:
    """The events of each part the split pass leaves of these articles placed as one story."""
    from newsprism.stories.grouping import StoryGrouper

    grouper = StoryGrouper(**settings)
    for p in processed:
        grouper.restore(grouper.profile(p.article, p.quotes)[0], 0)
    grouper.split_stories()
    parts = defaultdict(list)
    for p, story in zip(processed, grouper.story_of, strict=True):
        parts[story].append(_event(p))
    return sorted(sorted(events) for events in parts.values())


def test_a_stray_article_does_not_stop_a_split():
    """Two court events and one article of a third, placed as one story: the stray article is
    the first to part (a half too small to stand alone), the two events still part, and the
    stray joins the one it is closer to."""
    processed = [p for p in _sample_articles() if _event(p) in ("5607", "5611")]
    stray = next(p for p in _sample_articles() if _event(p) == "5612")
    parts = _split_events([*processed, stray])
    assert len(parts) == 2
    assert ["5607"] * 3 in parts or ["5611"] * 3 in parts
    assert sorted(e for part in parts for e in part if e != "5612") == ["5607"] * 3 + ["5611"] * 3


def test_a_story_of_many_small_events_parts_into_them():
    """Five events of two articles each and one stray article, placed as one story (as the
    stream can chain undated reports on one topic): every event parts from the others, though
    each half of a split holds several events (a part is judged by how close its articles are
    to their nearest in it, not by its mean, which several events pull down)."""
    by_event = defaultdict(list)
    for p in _sample_articles():
        by_event[_event(p)].append(p)
    events = sorted(by_event)
    chained = [p for event in events[:5] for p in by_event[event][:2]] + by_event[events[5]][:1]
    parts = _split_events(chained)
    assert len(parts) == 5
    assert all(len(set(part) - {events[5]}) == 1 for part in parts)


def test_a_story_is_titled_by_a_title_that_is_no_web_address():
    def article(article_id: str, title: str, standfirst: str | None = None) -> Article:
        return Article(
            id=article_id,
            source=article_id,
            title=title,
            standfirst=standfirst,
            paragraphs=["Video of the shooting was shown to jurors on Thursday."],
        )

    address = "http: / / newsone. com / 2376991 / zurana - horton - 13 - children /"
    headline = "Footage of Brooklyn mother's fatal shooting released during trial"
    assert story_title([article("a", address), article("b", headline)]) == headline
    assert story_title([article("a", address, headline)]) == headline
    assert story_title([article("a", "www.example.com/news/1")]).startswith("Video of the")


def test_a_large_story_does_not_take_every_full_comparison(monkeypatch):
    """A report alike in many words to a lone earlier one, and in one strong name to each
    member of a larger story: the index ranks the large story's members first (they share the
    name, the strongest index term), but the lone report is compared in full too, and the new
    report joins it rather than the story that took the comparisons."""
    from newsprism.stories import grouping
    from newsprism.stories.grouping import StoryGrouper

    monkeypatch.setattr(grouping, "FULL_COMPARISONS", 3)
    text = " ".join(p.article.body for p in _sample_articles())
    words = list(dict.fromkeys(w.lower() for w in text.split() if w.isalpha()))
    body = [" ".join(words[:300])]  # each word once, none a name: no term stands out
    walsh = ["Walsh backs the Walsh budget, Walsh aides say of Walsh."]
    grouper = StoryGrouper()
    larger = [Article(f"w{i}", f"w{i}", "Walsh Walsh", walsh, outlet=f"o{i}") for i in range(3)]
    assert len({grouper.add(article) for article in larger}) == 1
    lone = grouper.add(Article("lone", "lone", "", body, outlet="lone"))
    report = Article("new", "new", "Walsh", body, outlet="new")
    profile, vector = grouper.profile(report)
    partials = grouper._candidates(profile)
    assert min(partials[p] for p in range(3)) > partials[3]  # the index ranks the larger first
    assert grouper._best_story(profile, vector) == lone


def test_stories_are_the_same_with_profiles_out_of_reach_written_out():
    """The grouper keeps only the profiles within reach in memory and writes older ones to a
    file, read back when asked for: grouping (the stream, the split of grown stories, the
    refining pass, the related stories, the profiles read to store) is the same with a table
    that writes out nearly every profile as with one that keeps them all."""
    from newsprism.stories.grouping import ProfileTable, StoryGrouper

    processed = _sample_articles()
    start = date(2024, 1, 1)
    # The sample's stories retold every few weeks, a few articles a day: stories that grow
    # across the reach of the index, postings holding articles long out of reach.
    stream = []
    for n in range(6):
        for i, p in enumerate(processed):
            day = (start + timedelta(days=20 * n + i // 4)).isoformat()
            stream.append(
                (dataclasses.replace(p.article, id=f"{p.article.id}-{n}", published=day), p.quotes)
            )
    groupers = []
    for table in (ProfileTable(chunk=1 << 30), ProfileTable(keep_days=0, chunk=2)):
        grouper = StoryGrouper(profiles=table)
        for article, quotes in stream:
            grouper.add(article, quotes)
        grouper.split_stories(set(grouper.story_of))
        grouper.refine()
        groupers.append(grouper)
    kept, written = groupers
    assert kept.profiles.spilled == 0 and written.profiles.spilled > len(stream) - 4
    assert list(written.story_of) == list(kept.story_of)
    assert written.related_stories() == kept.related_stories()
    assert list(written.nearest_similarity) == list(kept.nearest_similarity)
    assert [p.to_bytes() for p in written.profiles] == [p.to_bytes() for p in kept.profiles]
    for position in range(len(stream)):
        assert written.profiles.shingles(position) == kept.profiles.shingles(position)
