import pytest

from newsprism.compare import classify_edit, compare_story
from newsprism.model import Article, Quote


def match_for(analysis, prefix):
    quote = next(q for q in analysis.quotes if q.text.startswith(prefix))
    story = analysis.stories[0]
    return quote, next(m for m in story.matches if m.quote == quote.id)


def test_klopp_quotes_matched_to_transcript(seed_analysis):
    transcript = next(a for a in seed_analysis.articles if a.kind == "transcript")
    klopp = [q for q in seed_analysis.quotes if q.speaker == "Jürgen Klopp" and q.kind == "direct"]
    assert len(klopp) == 7
    matches = {m.quote: m for m in seed_analysis.stories[0].matches}
    for quote in klopp:
        match = matches[quote.id]
        assert match.source_article == transcript.id
        for span in match.source_spans:
            assert transcript.body[span.start : span.end] == span.text


def test_verbatim_quote(seed_analysis):
    _, match = match_for(seed_analysis, "I remember I said")
    assert match.label == "verbatim" and match.labels == ["verbatim"]
    assert match.edits == []
    assert match.source_spans[0].text.startswith("I remember I said if we fail")


def test_altered_modal_and_hedge(seed_analysis):
    _, match = match_for(seed_analysis, "We will see who deals better")
    assert match.label == "altered"
    changed = [e for e in match.edits if "probably" in e.source]
    assert len(changed) == 1
    assert changed[0].op == "replace" and changed[0].reported == "will"
    assert changed[0].source == "probably would"


def test_stitched_and_altered(seed_analysis):
    _, match = match_for(seed_analysis, "We have to do better.")
    assert match.label == "altered"
    assert "stitched" in match.labels
    assert len(match.source_spans) >= 2
    assert match.source_spans[0].text.lower().startswith("we have to do better")
    swap = next(e for e in match.edits if e.reported == "everything")
    assert swap.source == "everyone" and swap.kind == "content-word"


def test_tidied_quote_keeps_meaning(seed_analysis):
    _, match = match_for(seed_analysis, "I usually don’t prepare")
    assert match.label == "tidied"
    assert {e.kind for e in match.edits} <= {"filler", "function-word", "cut"}
    assert any(e.source == "kind of" for e in match.edits)


def test_other_speakers_unsourced(seed_analysis):
    story = seed_analysis.stories[0]
    matches = {m.quote: m for m in story.matches}
    others = [
        q for q in seed_analysis.quotes if q.speaker in ("Gian Piero Gasperini", "Marten De Roon")
    ]
    assert len(others) == 3
    assert all(matches[q.id].label == "unsourced" for q in others)


def test_transcript_answers_are_the_sources_of_the_statements(seed_analysis):
    story = seed_analysis.stories[0]
    kinds = {q.id: q.kind for q in seed_analysis.quotes}
    klopp_statements = [s for s in story.statements if s.speaker == "Jürgen Klopp"]
    reported = [q for s in klopp_statements for q in s.quotes if kinds[q] == "direct"]
    assert len(reported) == 7  # every quote of Klopp's in the newspaper, each in one statement
    for statement in klopp_statements:
        assert kinds[statement.source_quote] == "transcript"
        assert statement.quotes[0] == statement.source_quote
        assert statement.outlets == ["Liverpool FC", "The Independent"]
    cited = {s.source_quote for s in story.statements}
    for match in story.matches:
        if kinds[match.quote] == "transcript":
            # an answer no report quoted is only in this outlet, not a source of anything
            assert match.label == ("source" if match.quote in cited else "unsourced")


def test_statement_flags_and_badge(seed_analysis):
    flags = {flag for s in seed_analysis.stories[0].statements for flag in s.flags}
    assert flags == {"altered", "stitched"}


@pytest.mark.parametrize(
    ("op", "reported", "source", "kind"),
    [
        ("replace", ["will"], ["probably", "would"], "hedge"),
        ("replace", ["everything"], ["everyone"], "content-word"),
        ("replace", ["everyone"], ["everybody"], "synonym"),
        ("replace", ["the"], ["a"], "function-word"),
        ("delete", [], ["kind", "of"], "filler"),
        ("delete", [], ["in", "liverpool", "supporters"], "cut"),
        ("replace", ["did"], ["did", "not"], "negation"),
        ("replace", ["three"], ["four"], "number"),
        ("insert", ["terrible"], [], "added"),
        ("replace", ["deserve"], ["deserves"], "inflection"),
    ],
)
def test_classify_edit(op, reported, source, kind):
    assert classify_edit(op, reported, source) == kind


def _report(article_id: str, published: str, paragraph: str) -> tuple[Article, list[Quote]]:
    article = Article(
        id=article_id,
        source=f"{article_id}.txt",
        title="t",
        paragraphs=[paragraph],
        published=published,
    )
    start = paragraph.index("“") + 1
    end = paragraph.index("”")
    text = paragraph[start:end].rstrip(",")
    quote = Quote(
        id=f"{article_id}-q1",
        article=article_id,
        text=text,
        start=start,
        end=start + len(text),
        speaker="Ann Lee",
    )
    return article, [quote]


def test_longest_report_is_the_source_and_shorter_is_trimmed():
    long_article, long_quotes = _report(
        "a",
        "2024-01-02",
        "“We will build the bridge this year, and we will pay for it without new taxes,” Lee said.",
    )
    short_article, short_quotes = _report(
        "b", "2024-01-01", "“We will build the bridge this year,” Lee said."
    )
    comparison = compare_story([long_article, short_article], {"a": long_quotes, "b": short_quotes})
    by_quote = {m.quote: m for m in comparison.matches}
    assert by_quote["a-q1"].label == "source"
    assert by_quote["b-q1"].label == "verbatim"
    assert by_quote["b-q1"].source_article == "a"
    assert by_quote["b-q1"].coverage == pytest.approx(7 / 16, abs=0.001)
    (statement,) = comparison.statements
    assert statement.source_quote == "a-q1" and statement.quotes == ["a-q1", "b-q1"]


def test_equal_versions_earliest_published_is_source():
    first, first_quotes = _report("a", "2024-01-02", "“Prices will fall next spring,” Lee said.")
    second, second_quotes = _report("b", "2024-01-01", "“Prices will fall next spring,” Lee said.")
    comparison = compare_story([first, second], {"a": first_quotes, "b": second_quotes})
    matches = {m.quote: m for m in comparison.matches}
    assert matches["b-q1"].label == "source"
    assert matches["a-q1"].label == "verbatim" and matches["a-q1"].source_article == "b"
