import json
from collections import defaultdict

from conftest import FIXTURES

from newsprism.ingest import read_path
from newsprism.model import Article
from newsprism.pipeline import process_document
from newsprism.stories import group_stories, wire_links


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
    first = Article(
        id="a",
        source="a",
        title="Council votes to close library",
        paragraphs=text,
        published="2024-01-01",
    )
    second = Article(
        id="b",
        source="b",
        title="Council votes to close library",
        paragraphs=text,
        published="2024-06-01",
    )
    third = Article(
        id="c",
        source="c",
        title="Council votes to close library",
        paragraphs=text,
        published="2024-06-02",
    )
    stories = group_stories([first, second, third], {})
    assert sorted(len(s.articles) for s in stories) == [1, 2]


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
