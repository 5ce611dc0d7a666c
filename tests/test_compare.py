import json

import pytest
from conftest import FIXTURES, shared_data

from newsprism import pipeline
from newsprism.compare import classify_edit, compare_story, discrepancies, statements
from newsprism.compare.align import align
from newsprism.ingest import read_path
from newsprism.model import FLAGS, Article, Document, Quote, QuoteMatch
from newsprism.pipeline import (
    StoryTask,
    analyse_stories,
    compare_step,
    one_story,
    process_batch,
    process_document,
)


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
    cited = {q for s in story.statements for q in s.quotes}
    for match in story.matches:
        if kinds[match.quote] == "transcript":
            # an answer no report quoted is only in this outlet, not a source of anything; one
            # the newspaper stitched into a quote is a source passage of that statement
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
        # a word left out between kept words is a cut, a function word too (DESIGN.md)
        ("delete", [], ["that"], "cut"),
        ("delete", [], ["are"], "cut"),
        ("delete", [], ["just"], "filler"),
        ("delete", [], ["has"], "tense"),
        ("replace", ["did"], ["did", "not"], "negation"),
        ("replace", ["will", "sit"], ["will", "not", "stand"], "negation"),
        # a phrase said otherwise with a negation among its words is no flip of meaning
        ("replace", ["do", "not", "play", "a", "role"], ["are", "ineffective"], "reworded"),
        ("replace", ["three"], ["four"], "number"),
        ("insert", ["terrible"], [], "added"),
        ("insert", ["not"], [], "negation"),
        # a clause put in that says something of its own, a negation among its words
        ("insert", ["is", "just", "not", "true"], [], "added"),
        ("replace", ["deserve"], ["deserves"], "inflection"),
        ("replace", ["you"], ["u"], "synonym"),  # a tweet's 'Do u know' spelt out
        # a slip of the keys in a long word is a spelling, not another word
        ("replace", ["disrputive"], ["disruptive"], "spelling"),
        ("replace", ["goverment"], ["government"], "spelling"),
        ("replace", ["conservation"], ["conversation"], "content-word"),
        ("replace", ["relations"], ["relation"], "inflection"),
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


# --- statements across outlets, through the real pipeline (clean, quotes, compare) ---------------


def _story(*articles: tuple[str, str, list[str]]):
    """Articles as a user's text files give them (outlet, date, paragraphs), compared as one
    story: {outlet: {quote text: match}} and the statements."""
    processed = [
        process_document(
            Document(
                source=f"{outlet}.txt",
                content="\n".join(paragraphs),
                title=f"{outlet} report",
                outlet=outlet,
                published=published,
            )
        )
        for outlet, published, paragraphs in articles
    ]
    analysis = analyse_stories(
        [p.article for p in processed],
        [q for p in processed for q in p.quotes],
        one_story([p.article for p in processed]),
    )
    quotes = {q.id: q for q in analysis.quotes}
    outlet_of = {p.article.id: p.article.outlet for p in processed}
    by_outlet: dict[str, dict[str, QuoteMatch]] = {}
    for match in analysis.stories[0].matches:
        quote = quotes[match.quote]
        by_outlet.setdefault(outlet_of[quote.article], {})[quote.text] = match
    return by_outlet, analysis.stories[0].statements, quotes


def _only(matches: dict[str, QuoteMatch]) -> QuoteMatch:
    (match,) = matches.values()
    return match


def _opening(matches: dict[str, QuoteMatch], words: str) -> QuoteMatch:
    """The match of the quote that opens with `words`."""
    return next(m for text, m in matches.items() if text.startswith(words))


def test_a_wrong_speaker_in_one_outlet_does_not_hide_the_match():
    by_outlet, statements, _ = _story(
        (
            "Fox News",
            "2010-07-02",
            [
                "GOP Senators Keep Pressure on Steele Over 'Inaccurate' Afghanistan Comments",
                "“This was a war of Obama's choosing. This is not something the United States "
                "had actively prosecuted or wanted to engage in,” Steele Over said at a "
                "fundraiser.",
            ],
        ),
        (
            "Politico",
            "2010-07-01",
            [
                "RNC chairman Michael Steele told donors on Thursday: “This was a war of Obama's "
                "choosing. This is not something the United States had actively prosecuted or "
                "wanted to engage in.”",
            ],
        ),
    )
    fox = _only(by_outlet["Fox News"])
    assert fox.label == "verbatim" and fox.statement is not None
    (statement,) = statements
    assert statement.outlets == ["Politico", "Fox News"]
    assert statement.speaker == "Michael Steele"


SOURCE_QUOTE = (
    "“I will go to Washington as a man of faith, and I will be the president who ends "
    "Obama's war on religion,” Perry said in Iowa on Wednesday."
)


def test_excerpts_edges_and_brackets_are_no_alarm():
    by_outlet, _, _ = _story(
        ("Des Moines Register", "2011-12-07", [SOURCE_QUOTE]),
        (
            "CNN",
            "2011-12-08",
            [
                "Perry promised to go to Washington as a “man of faith.”",
                "He vowed to end “[President Barack] Obama's war on religion,” the Texas "
                "governor said.",
            ],
        ),
    )
    cnn = by_outlet["CNN"]
    assert cnn["man of faith."].label == "verbatim"  # an excerpt: its edges are no additions
    bracketed = cnn["[President Barack] Obama's war on religion"]
    assert bracketed.label == "tidied"
    assert {e.kind for e in bracketed.edits} == {"bracket"}


def test_scattered_words_of_another_quote_are_no_match():
    by_outlet, statements, _ = _story(
        (
            "The Hill",
            "2012-01-03",
            [
                "“This is a war we have to win,” Santorum told reporters in Des Moines.",
            ],
        ),
        (
            "NPR",
            "2012-01-03",
            [
                "“It was a war of choice, and nobody can say we were asked to win it,” "
                "Paul said on Monday.",
            ],
        ),
    )
    assert _only(by_outlet["The Hill"]).label == "unsourced"
    assert _only(by_outlet["NPR"]).label == "unsourced"
    assert statements == []


@pytest.mark.parametrize(
    ("reported", "label", "kind"),
    [
        ("Sen. Graham will not stand by and let the bill pass", "tidied", "abbreviation"),
        ("Senator Graham won't stand by and let the bill pass", "tidied", "contraction"),
        ("Senator Graham will not stand by and let the bill pass", "verbatim", None),
        ("Senator Graham will stand by and let the bill pass", "altered", "negation"),
        # a quotation on its own: 'would' for 'will' is the modal changed, no reported speech
        ("Senator Graham would not stand by and let the bill pass", "altered", "modal"),
        ("Senator Graham will not sit by and let the bill pass", "altered", "content-word"),
        ("Senator Graham will not stand by and let the three bills pass", "altered", "number"),
        ("Senator Graham will not stand by and let the bill pass", "verbatim", None),
    ],
)
def test_edit_kinds_within_aligned_context(reported, label, kind):
    source = "Senator Graham will not stand by and let the bill pass, we will not."
    by_outlet, _, _ = _story(
        ("Reuters", "2013-05-01", [f"“{source}” McCain said on Tuesday."]),
        ("Fox News", "2013-05-02", [f"“{reported},” McCain said."]),
    )
    match = _only(by_outlet["Fox News"])
    assert match.label == label
    if kind:
        assert kind in {e.kind for e in match.edits}


@pytest.mark.parametrize(
    ("source", "reported", "label", "kind"),
    [
        # one sentence split in two where it said 'and': tidied
        (
            "If we play good we have a chance to win it and then we will see what they do",
            "If we play good we have a chance to win it. Then we will see what they do",
            "tidied",
            "conjunction",
        ),
        # a list's 'and' left out for a comma: a cut
        (
            "It is a toxic mix of demagoguery and meanness and nonsense that will lead them astray",
            "It is a toxic mix of demagoguery, meanness and nonsense that will lead them astray",
            "trimmed",
            "cut",
        ),
        # 'and' written '&'
        (
            "The vaccine is safe, effective, and our best defense against the virus",
            "The vaccine is safe, effective, & our best defense against the virus",
            "tidied",
            "spelling",
        ),
        # 'I think' left out: the claim made flat
        (
            "And they are able to draw their own conclusions, I think, about this whole situation",
            "And they are able to draw their own conclusions about this whole situation",
            "altered",
            "hedge",
        ),
        # a preposition for the words left out: no content word swapped, a cut with a
        # function word put in its place (trimmed and tidied)
        (
            "It is not the time to ease pressure, or to reward North Korea at all",
            "It is not the time to ease pressure towards North Korea at all",
            "tidied",
            "cut",
        ),
        # a hedge left out right before the quote's last word, where both quotes end together:
        # the shared end is the aligned context after it
        (
            "And they are able to draw their own conclusions about it I think quite successfully",
            "And they are able to draw their own conclusions about it very successfully",
            "altered",
            "hedge",
        ),
        # an attempt for a deed: 'trying to do' for 'doing' is a hedge (Snoop Dogg's speech)
        (
            "I want to thank me for doing more right than wrong; I want to thank me for being me "
            "at all times",
            "I want to thank me for trying to do more right than wrong; I want to thank me",
            "altered",
            "hedge",
        ),
        # the attempt left out with what it aimed at, 'the' in its place: a cut
        (
            "I didn't want us to strictly focus on trying to break a scoring record this year",
            "I didn't want us to strictly focus on the scoring record this year",
            "tidied",
            "cut",
        ),
        # 'the organization' for 'the company', the quote naming the Trump Organization: one
        # body described two ways, no content word swapped
        (
            "We have informed the Trump Organization that our investigation into the company "
            "is no longer purely civil in nature",
            "We have informed the Trump Organization that our investigation into the "
            "organization is no longer purely civil in nature",
            "tidied",
            "referent",
        ),
        # another body: the content word swapped
        (
            "We have informed the Trump Organization that our investigation into the company "
            "is no longer purely civil in nature",
            "We have informed the Trump Organization that our investigation into the "
            "bank is no longer purely civil in nature",
            "altered",
            "content-word",
        ),
        # a stretch of content words told in other words inside the run: a paraphrase there
        (
            "We're at that point in the season where you want to do what's best for him and "
            "for the team",
            "We're at that point in the time of year where you want to do what's best for him",
            "paraphrase",
            "reworded",
        ),
        # one future written two ways: "I'll" for "I'm going to" is no modal changed
        (
            "Every day that they are in court, I'm going to be there for my son and the family",
            "Every day that they are in court, I'll be there for my son",
            "tidied",
            "function-word",
        ),
        # function words told in the quote's own words: words put in, not who is meant, and
        # enough of them to be the sentence told otherwise (a translation of Papoulias)
        (
            "Our country has reached the edge of the abyss. It is the responsibility of us all "
            "to not take the step into the void",
            "We are all responsible so that it does not take the step into the void",
            "paraphrase",
            "added",
        ),
        # a pronoun for what it stands for: who is meant (tidied)
        (
            "We will keep working on it until the last day of the talks in Geneva next week",
            "We will keep working on their nuclear program until the last day of the talks",
            "tidied",
            "referent",
        ),
        # an answer's lone 'No' put in before a sentence negates nothing: tidied
        (
            "I don't think that at all. That's not even close to what I said on the show",
            "I don't think that at all. No, that's not even close to what I said",
            "tidied",
            "filler",
        ),
        # one clock time written two ways, its zone dropped: no number changed
        (
            "Bettie Page passed away at 6:41pm PST this evening in a Los Angeles hospital",
            "Bettie Page passed away at 18:41 this evening in a Los Angeles hospital",
            "tidied",
            "number-format",
        ),
    ],
)
def test_joining_words_hedge_phrases_and_prepositions(source, reported, label, kind):
    by_outlet, _, _ = _story(
        ("Reuters", "2013-05-01", [f"“{source},” Kono said on Tuesday."]),
        ("Fox News", "2013-05-02", [f"“{reported},” Kono said."]),
    )
    match = _only(by_outlet["Fox News"])
    assert match.label == label
    assert kind in {e.kind for e in match.edits}


def test_a_few_words_found_in_another_quote_do_not_break_a_passage():
    """'we wanted to' stands in the source's earlier quote, and 'to have as Sixers basketball'
    goes on in the quote the rest comes from: one passage, not a stitch over the first."""
    by_outlet, _, _ = _story(
        (
            "ESPN",
            "2008-12-13",
            [
                "“We wanted to progress,” said general manager Ed Stefanski.",
                "“I feel on the floor we were not executing the philosophy that we want to have "
                "as Sixers basketball.”",
            ],
        ),
        (
            "AP",
            "2008-12-14",
            [
                "“I feel on the floor we were not executing the philosophy we wanted to have as "
                "Sixers basketball,” Stefanski said."
            ],
        ),
    )
    match = _only(by_outlet["AP"])
    assert match.label == "tidied" and "stitched" not in match.labels
    assert len(match.source_spans) == 1


def test_a_pronoun_for_the_name_it_stands_for_is_tidied():
    by_outlet, _, _ = _story(
        (
            "The Hill",
            "2021-05-20",
            [
                "“As of today, Senate Republicans continue to negotiate in good faith with the "
                "White House,” Capito said."
            ],
        ),
        (
            "Fox News",
            "2021-05-21",
            [
                "“As of today, we continue to negotiate in good faith with the White House,” "
                "Capito said."
            ],
        ),
    )
    match = _only(by_outlet["Fox News"])
    assert match.label == "tidied" and [e.kind for e in match.edits] == ["referent"]


def test_a_dropped_repeat_is_tidied():
    by_outlet, _, _ = _story(
        (
            "CNN",
            "2021-06-01",
            [
                "“I made it clear that we will not, we will not stand by and let him abuse those "
                "rights,” Biden said."
            ],
        ),
        (
            "Fox News",
            "2021-06-02",
            [
                "“I made it clear that we will not stand by and let him abuse those rights,” "
                "Biden said."
            ],
        ),
    )
    match = _only(by_outlet["Fox News"])
    assert match.label == "tidied" and [e.kind for e in match.edits] == ["repetition"]


def test_stitched_from_passages_paragraphs_apart():
    by_outlet, statements, _ = _story(
        (
            "City Council",
            "2019-03-01",
            [
                "Mayor Ann Lee answered questions after the vote.",
                "“We will build the bridge this year and we will pay for it without new taxes,” "
                "Lee said.",
                "Asked about the schools, she said the budget was tight.",
                "The council also discussed parking fees at length.",
                "“Nobody in this city should wait two hours for a bus to get to work,” Lee said.",
            ],
        ),
        (
            "Daily News",
            "2019-03-02",
            [
                "“We will build the bridge this year. Nobody in this city should wait two hours "
                "for a bus to get to work,” Mayor Ann Lee said.",
            ],
        ),
    )
    match = _only(by_outlet["Daily News"])
    assert match.label == "stitched"
    assert len(match.source_spans) == 2
    assert all(s.source_quote != match.quote for s in statements)


def test_misattributed_where_most_outlets_name_someone_else():
    words = "The committee will subpoena every document the department has withheld"
    by_outlet, statements, quotes = _story(
        ("AP", "2019-05-01", [f"“{words},” said Elijah Cummings, the committee's chairman."]),
        ("Reuters", "2019-05-01", [f"“{words},” Elijah Cummings told reporters."]),
        ("Daily Wire", "2019-05-02", [f"“{words},” said Jim Jordan, the ranking Republican."]),
    )
    wire = _only(by_outlet["Daily Wire"])
    assert wire.label == "misattributed"
    (statement,) = statements
    assert statement.speaker == "Elijah Cummings"
    assert quotes[wire.quote].speaker == "Jim Jordan"
    assert "misattributed" in statement.flags
    assert _only(by_outlet["AP"]).label != "misattributed"


def test_one_outlet_against_one_the_fullest_versions_credit_stands():
    """Both name someone in full, neither knew of the other's: the statement's source (the
    earliest of two equal versions) keeps its credit, the other is misattributed."""
    words = "The committee will subpoena every document the department has withheld"
    by_outlet, statements, _ = _story(
        ("AP", "2019-05-01", [f"“{words},” said Elijah Cummings, the committee's chairman."]),
        ("Daily Wire", "2019-05-02", [f"“{words},” said Jim Jordan, the ranking Republican."]),
    )
    assert _only(by_outlet["Daily Wire"]).label == "misattributed"
    assert _only(by_outlet["AP"]).label == "source"
    assert statements[0].speaker == "Elijah Cummings"


def test_one_outlet_against_one_that_knew_of_both():
    words = "The committee will subpoena every document the department has withheld"
    by_outlet, statements, _ = _story(
        (
            "AP",
            "2019-05-01",
            [
                f"“{words},” said Elijah Cummings, the committee's chairman.",
                "Jim Jordan, the ranking Republican, called the subpoenas a fishing expedition.",
            ],
        ),
        ("Daily Wire", "2019-05-02", [f"“{words},” said Jim Jordan, the ranking Republican."]),
    )
    assert _only(by_outlet["Daily Wire"]).label == "misattributed"
    assert statements[0].speaker == "Elijah Cummings"


def test_a_name_copied_by_as_many_outlets_as_print_the_right_one():
    """A wire's wrong name for the general manager, copied by two outlets: in the statement a
    third outlet also prints, the right name wins; in the others, where two credit each, the
    story's verdict on the same two people decides. The short statements are parts of one
    quotation running over paragraphs, so their credit is weighed as the whole's."""
    first = "We're aware of the off-the-field issue involving Vincent. We take it seriously"
    second = "Moving forward, we will monitor the situation."

    def report(name: str, extra: list[str]) -> list[str]:
        opened = "“Obviously, we're disappointed."  # the quote runs on into the next paragraph
        return [f"“{first},” said general manager {name}. {opened}", f"“{second}”", *extra]

    by_outlet, statements, _ = _story(
        ("AP", "2009-01-26", report("A.J. Smith", [])),
        ("ESPN", "2009-01-26", report("A.J. Smith", [])),
        ("SI", "2009-01-26", [f"“{first},” general manager A.J. Smith said."]),
        ("Reuters", "2009-01-27", report("A.J. Butler", [])),
        ("UPI", "2009-01-27", report("A.J. Butler", [])),
    )
    for outlet in ("Reuters", "UPI"):
        assert {m.label for m in by_outlet[outlet].values()} == {"misattributed"}
    assert {s.speaker for s in statements} == {"A.J. Smith"}


def test_an_even_split_goes_to_the_one_more_outlets_quote_in_that_office():
    """Two outlets credit the general manager's words to A.J. Smith, two to A.J. Butler; a
    fifth quotes general manager A.J. Smith on something else: the even split goes to Smith.
    Two people of different offices split evenly: the fullest version's credit (AP's, the
    earliest of equal versions) stands."""
    words = "We're aware of the off-the-field issue involving Vincent, and we take it seriously"
    other = "“The team will wait for the facts,” general manager A.J. Smith said."

    def split(other_credit: str):  # two outlets credit Smith, two `other_credit`, SI quotes Smith
        smith, theirs = (
            [f"“{words},” said general manager A.J. Smith."],
            [f"“{words},” said {other_credit}."],
        )
        return _story(
            ("AP", "2009-01-26", smith),
            ("ESPN", "2009-01-26", smith),
            ("Reuters", "2009-01-27", theirs),
            ("UPI", "2009-01-27", theirs),
            ("SI", "2009-01-27", [other]),
        )

    by_outlet, statements, _ = split("Chargers general manager A.J. Butler")
    for outlet in ("Reuters", "UPI"):
        assert _only(by_outlet[outlet]).label == "misattributed"
    assert statements[0].speaker == "A.J. Smith"
    by_outlet, _, _ = split("pastor Ann Butler")
    flagged = {o for o, m in by_outlet.items() if _only(m).label == "misattributed"}
    assert flagged == {"Reuters", "UPI"}


def test_told_in_other_words_is_a_paraphrase():
    by_outlet, _, _ = _story(
        (
            "Haaretz",
            "2018-03-30",
            [
                "“Our policy until now has been to act beforehand and to respond in force, and "
                "this is how we will act regarding this incident as well,” Netanyahu said.",
            ],
        ),
        (
            "Times of Israel",
            "2018-03-30",
            [
                "“Our policy up until now has been to prevent beforehand and to react with force, "
                "and this is how we will act now as well,” Netanyahu said.",
            ],
        ),
    )
    match = _only(by_outlet["Times of Israel"])
    assert match.label == "paraphrase"


def test_several_words_swapped_in_one_frame_is_altered_not_a_paraphrase():
    """The same sentence with a word swapped in several places, the words between them kept,
    is the statement altered word by word, not told in other words (a paraphrase is mostly
    other words)."""
    by_outlet, _, _ = _story(
        (
            "Post",
            "2018-06-12",
            [
                "“The wonderful friendship we have developed over the last year is a testament "
                "to the enduring friendship that binds our two nations,” Trump said.",
            ],
        ),
        (
            "Journal",
            "2018-06-13",
            [
                "“The wonderful friendship we have developed over the past year is a testimony "
                "to the historic friendship between our two nations,” Trump said.",
            ],
        ),
    )
    match = _only(by_outlet["Journal"])
    assert match.label == "altered"
    swapped = [(e.source, e.reported) for e in match.edits if e.kind == "content-word"]
    assert ("enduring", "historic") in swapped


def test_words_another_outlet_prints_unquoted_are_not_unsourced():
    """One outlet prints a company's statement as a block of its own (no quotation marks),
    another quotes part of it: the quote is labelled against that passage, not 'only in this
    outlet'; a quote whose words the other outlet does not print stays unsourced."""
    by_outlet, _, _ = _story(
        (
            "Gazette",
            "2013-03-02",
            [
                "The company released this statement on Friday evening:",
                "We showed a combination of the best fireworks from this year and previous "
                "years. It was the patriotic thing to do, and we stand by the broadcast.",
            ],
        ),
        (
            "Courier",
            "2013-03-03",
            [
                "The broadcaster admitted the show mixed old footage with new. “We showed a "
                "combination of the best fireworks from this year and previous years,” a "
                "spokeswoman said.",
                "“Nobody at the network was told about the change before the show went out,” "
                "a producer said.",
            ],
        ),
    )
    courier = by_outlet["Courier"]
    printed = _opening(courier, "We showed")
    assert printed.label == "verbatim"
    assert printed.source_article is not None and printed.source_spans
    assert "best fireworks" in printed.source_spans[0].text
    alone = _opening(courier, "Nobody")
    assert alone.label == "unsourced"


def test_a_filler_that_qualifies_a_negation_is_a_hedge():
    """'didn't really ask' -> 'didn't ask' makes a qualified denial flat (altered); a filler
    dropped elsewhere ('I really think' -> 'I think') is tidied."""
    by_outlet, _, _ = _story(
        (
            "Times",
            "2016-12-01",
            [
                "“The beautiful thing about the meeting is that they didn't really ask me to "
                "change the tone,” Trump said.",
                "“I really think the meeting went very well for everyone there,” he added.",
            ],
        ),
        (
            "Herald",
            "2016-12-02",
            [
                "“The beautiful thing about the meeting is that they didn't ask me to change the "
                "tone,” Trump said.",
                "“I think the meeting went very well for everyone there,” he added.",
            ],
        ),
    )
    herald = by_outlet["Herald"]
    flat = _opening(herald, "The beautiful")
    assert flat.label == "altered"
    assert [(e.source, e.kind) for e in flat.edits] == [("really", "hedge")]
    kept = _opening(herald, "I think")
    assert kept.label == "tidied"


def test_an_added_word_at_the_quote_edge_is_not_read_as_a_word_moved():
    by_outlet, _, _ = _story(
        (
            "Miami Herald",
            "2021-06-27",
            [
                "“The work continues with all speed and urgency, all task forces are being "
                "deployed from across the country,” Levine Cava said."
            ],
        ),
        ("CNN", "2021-06-27", ["“The work continues with all speed and all urgency,” she said."]),
    )
    match = _only(by_outlet["CNN"])
    assert match.label == "tidied"
    assert [(e.source, e.reported, e.kind) for e in match.edits] == [("", "all", "function-word")]


def test_a_phrase_printed_twice_is_placed_in_the_sentence_that_carries_the_rest():
    """AFP prints the president's words twice, a phrase in its lede and the sentence after
    it: the other outlet's sentence is set against the sentence, so its change shows, not
    against the phrase with the rest left 'beyond' it."""
    by_outlet, _, _ = _story(
        ("AFP", "2010-05-05", [
            "Greek President Carolos Papoulias condemned the violence, saying the debt - hit "
            "country had \u201creached the edge of the abyss\u201d.",
            "\u201cOur country has reached the edge of the abyss.",
            "It is the responsibility of us all to not take the step into the void.\u201d",
        ]),
        ("Reuters", "2010-05-06", [
            "\u201cOur country is on the edge of the abyss,\u201d Greek President Karolos "
            "Papoulias said.",
        ]),
    )  # fmt: skip
    match = _only(by_outlet["Reuters"])
    assert match.source_spans[0].text == "Our country has reached the edge of the abyss"
    assert [(e.source, e.reported) for e in match.edits] == [("has reached", "is on")]


def test_two_quotes_an_article_prints_apart_joined_by_another_outlet_are_stitched():
    """The article's quotes, one after the other in its text but paragraphs apart, are two
    passages: a shared run of words stops where the first quote ends, it does not run on into
    the next one, so the outlet that joins them has stitched them (it is not the fullest
    version the article's quotes are labelled against)."""
    by_outlet, _, _ = _story(
        ("USA Today", "2016-02-10", [
            "“New Hampshire often flirts with the insurgent and then comes back home.” said "
            "Dante Scala, a political scientist.",
            "Sanders won by a wide margin.",
            "Clinton won among older voters.",
            "Turnout was high across the state.",
            "“New Hampshire doesn't answer the $64,000 question, which is how Sanders will "
            "play with minorities,” Scala said.",
        ]),
        ("Wire", "2016-02-11", [
            "“New Hampshire often flirts with the insurgent and then comes back home. New "
            "Hampshire doesn't answer the $64,000 question, which is how Sanders will play "
            "with minorities,” Dante Scala said.",
        ]),
    )  # fmt: skip
    wire = _only(by_outlet["Wire"])
    assert wire.label == "stitched"
    assert [span.text.split()[-1] for span in wire.source_spans] == ["home", "minorities"]


def test_a_tokenised_corpus_contraction_is_one_word():
    by_outlet, _, _ = _story(
        ("AP", "2009-02-12", ["“I'm not positive all three were targeted,” Craft said."]),
        ("Reuters", "2009-02-12", ["“I ’ m not positive all three were targeted,” Craft said."]),
    )
    assert _only(by_outlet["Reuters"]).label == "verbatim"


def test_a_verb_is_paired_with_its_own_stem_not_the_first_word_near_it():
    by_outlet, _, _ = _story(
        (
            "AP",
            "2017-02-28",
            ["“That’s why I took such a long look at Faye and at you,” Beatty said."],
        ),
        ("CNN", "2017-02-28", ["“That’s why I looked at Faye and at you,” Beatty said."]),
    )
    match = _only(by_outlet["CNN"])
    assert match.label == "tidied"  # not altered: 'took' was not swapped for 'looked'
    assert [e.source for e in match.edits] == ["took such a long", "look"]


def test_a_short_phrase_credited_to_others_does_not_outvote_a_quote():
    """'Deep Throat', in two outlets' sentences about Fred LaRue, and a long quote that
    opens with it, credited to the prosecutor: two people may say a short phrase, so the
    phrase's credits weigh nothing against the quote's."""
    long_quote = (
        "As Deep Throat, Felt helped establish the principle that our highest government "
        "officials are subject to the law"
    )
    by_outlet, _, _ = _story(
        ("Post", "2008-12-19", [f"“{long_quote},” the prosecutor, John W. Nields, said."]),
        ("Times", "2008-12-20", ["Fred LaRue denied he was “Deep Throat,” LaRue said."]),
        ("AP", "2008-12-20", ["Fred LaRue said he was never “Deep Throat,” Fred LaRue said."]),
    )
    assert all(m.label != "misattributed" for m in by_outlet["Post"].values())


def test_words_left_out_between_two_paragraphs_of_one_quote_are_a_trim():
    """One quote over two paragraphs is stored a piece a paragraph; the source's words
    between the pieces, left out, make the later piece trimmed, with the cut as an edit."""
    by_outlet, _, _ = _story(
        ("Reuters", "2013-05-01", [
            "“There are very few billboards around the city. With just four days to go before "
            "the election, I still don't know who I'm supposed to vote for,” Maral, a "
            "resident, told the agency."]),
        ("Fox News", "2013-05-02", [
            "“There are very few billboards around the city...",
            "I still don't know who I'm supposed to vote for,” Maral said.",
        ]),
    )  # fmt: skip
    first, second = by_outlet["Fox News"].values()
    assert first.label == "verbatim"
    assert second.label == "trimmed"
    assert any(e.kind == "cut" and "four days to go" in e.source for e in second.edits)


def test_a_writers_words_in_brackets_at_a_quotes_edge_are_tidied_not_unsourced():
    """Three words of the speaker's after four of the writer's in brackets: the quote is
    carried by the other outlet (its spoken words are), and the insertion is tidied."""
    by_outlet, _, _ = _story(
        ("Reuters", "2013-05-01", [
            "“Really stupid stuff, things that should not make you anxious whatsoever,” "
            "Ann Lee said on Tuesday."]),
        ("Fox News", "2013-05-02", ["“[My stomach churns over] really stupid stuff,” Lee said."]),
    )  # fmt: skip
    match = _only(by_outlet["Fox News"])
    assert match.label == "tidied"
    assert {e.kind for e in match.edits} == {"bracket"}


@pytest.mark.parametrize(
    ("source", "reported"),
    [
        ("Two weeks, three days", "2 weeks, 3 days"),
        ("the fifth time in six seasons", "the 5th time in 6 seasons"),
        ("a once-every-five-years inspection", "a once-every-5-years inspection"),
        ("a wasteful $18 million deportation regime", "a wasteful $18,000,000 deportation regime"),
    ],
)
def test_numbers_in_digits_for_words_still_match_and_are_tidied(source, reported):
    """A short quote whose numbers one outlet writes in digits shares no run of words with
    the other's unless numbers align by value."""
    by_outlet, _, _ = _story(
        ("Reuters", "2013-05-01", [f"“{source},” McCain said on Tuesday."]),
        ("Fox News", "2013-05-02", [f"“{reported},” McCain said."]),
    )
    match = _only(by_outlet["Fox News"])
    assert match.label == "tidied"
    assert {e.kind for e in match.edits} == {"number-format"}


def test_words_left_out_across_a_question_join_two_answers():
    """A transcript prints the interviewer's question between two answers; a report quoting
    the end of the first answer and the start of the second as one run, the question left
    out, joins two answers: stitched, not trimmed (the turns are three quotes, not one)."""
    by_outlet, _, _ = _story(
        (
            "ABC News",
            "2011-10-03",
            [
                "Transcript: the President's interview with George Stephanopoulos",
                "GEORGE STEPHANOPOULOS: What do you make of the new debit card fee?",
                "PRESIDENT OBAMA: The banks are saying they would rather take the fee than a "
                "smaller profit. This is exactly why we need the consumer bureau that we set up "
                "and that is ready to go.",
                "GEORGE STEPHANOPOULOS: Can you stop this service charge?",
                "PRESIDENT OBAMA: You can stop it because if you say to the banks that they have "
                "to treat their customers fairly, they will listen in the end.",
                "GEORGE STEPHANOPOULOS: Let me turn to the campaign now.",
            ],
        ),
        (
            "Playbook",
            "2011-10-04",
            [
                "The President spoke to ABC on Monday.",
                "“This is exactly why we need the consumer bureau that we set up and that is "
                "ready to go. You can stop it because if you say to the banks that they have to "
                "treat their customers fairly, they will listen,” Obama said.",
            ],
        ),
    )
    match = _only(by_outlet["Playbook"])
    assert match.label == "stitched"
    assert len(match.source_spans) == 2


def test_a_short_quote_whose_function_words_line_up_is_another_statement():
    """'DNA is a part of the case' lines up with 'DNA is a ... of the' in another outlet's
    quote of someone else, its other content words nowhere there: a different statement, only
    in its outlet, not a number changed ('fraction of 1 percent' -> 'part')."""
    by_outlet, _, _ = _story(
        (
            "Daily Camera",
            "2016-10-29",
            [
                "Danielson agreed, saying, “With the Y-STR testing, you eliminate all of the "
                "female DNA. So you can amplify male DNA, even if the male DNA is a fraction of "
                "1 percent of the DNA of the females on the samples.”",
            ],
        ),
        (
            "ABC News",
            "2016-10-30",
            [
                "Stan Garnett, the current Boulder County DA, told ABC News that no case is ever "
                "solely reliant on DNA. “DNA is a part of the case,” he said.",
            ],
        ),
    )
    match = _only(by_outlet["ABC News"])
    assert match.label == "unsourced"
    # its content words there, if in another form, it is the same statement
    by_outlet, _, _ = _story(
        (
            "AP",
            "2008-12-12",
            [
                "“I want to be remembered, as I was when I was young and in my golden times,” "
                "Page said in a 2006 interview.",
            ],
        ),
        ("Reuters", "2008-12-12", ["“I want people to remember me as I was,” Page said."]),
    )
    assert _only(by_outlet["Reuters"]).label not in ("unsourced", "altered")


def test_quotes_that_share_only_a_name_are_two_statements():
    """Two people's words that share a name and function words ('infiltrating the Syrian Red
    Crescent', '... belonging to the Syrian Red Crescent'): a name is in every article about
    the story, so neither carries the other's words, and no verb was swapped."""
    by_outlet, _, _ = _story(
        (
            "BBC",
            "2012-02-28",
            [
                "Andrew Mitchell told the BBC there was evidence of people on the ground "
                "“infiltrating the Syrian Red Crescent” and posing a danger to the injured.",
            ],
        ),
        (
            "AP",
            "2012-02-28",
            [
                "“There were four ambulances that entered Baba Amr, belonging to the Syrian Red "
                "Crescent. They were loaded with medical goods,” said Beatrice Megevand-Roggo.",
            ],
        ),
    )
    assert {m.label for m in by_outlet["BBC"].values()} == {"unsourced"}
    assert {m.label for m in by_outlet["AP"].values()} == {"unsourced"}


def test_a_conversion_in_parentheses_is_the_writers_not_a_number_changed():
    """'5,500 meters (3.4 miles)' for '5,500m': the miles are the writer's conversion, in
    parentheses; the speaker's number is the same."""
    by_outlet, _, _ = _story(
        (
            "ABC",
            "2014-04-07",
            [
                "“I stress the source of the oil is yet to be determined but the oil slick is "
                "approximately 5,500m downwind from the vicinity of the detections picked up by "
                "the towed pinger locator on the ship,” he said.",
            ],
        ),
        (
            "CNN",
            "2014-04-08",
            [
                "“I stress the source of the oil is yet to be determined but the oil slick is "
                "approximately 5,500 meters (3.4 miles) downwind from the vicinity of the "
                "detections,” Houston said.",
            ],
        ),
    )
    match = _only(by_outlet["CNN"])
    assert match.label != "altered"
    assert not [e for e in match.edits if e.kind == "number"]


def test_a_name_for_the_description_the_source_gives_is_tidied():
    """'Orozco' for 'The defendant', the source naming Orozco elsewhere: who is meant, named
    (tidied); 'Yesterday' for 'This morning' stays a change of what was said."""
    by_outlet, _, _ = _story(
        (
            "Daily News",
            "2012-06-25",
            [
                "A man was charged on Monday with the murder of a sheriff's deputy.",
                "Authorities said the deputy spotted Orozco shortly after 3 p.m. and chased him.",
                "“The defendant was arrested five buildings away on 223rd Street shortly before "
                "midnight,” the district attorney said.",
                "“This morning I was stopped by an officer,” Jackson wrote.",
            ],
        ),
        (
            "Post",
            "2012-06-26",
            [
                "“Orozco was arrested five buildings away on 223rd Street shortly before "
                "midnight,” the district attorney said.",
                "“Yesterday I was stopped by an officer,” Jackson wrote.",
            ],
        ),
    )
    post = by_outlet["Post"]
    named = _opening(post, "Orozco")
    assert named.label == "tidied"
    assert [(e.source, e.reported, e.kind) for e in named.edits] == [
        ("The defendant", "Orozco", "referent")
    ]
    moved = _opening(post, "Yesterday")
    assert moved.label == "altered"


# --- matching across the ways outlets print the same words (issue 14) ----------------------------

TRUMP_ANSWER = (
    "“But we'll see. But we'll see also if I do what some people expect, whether or not it "
    "will be possible to do a new deal with solid foundations. Because this is a deal with "
    "decayed foundations. It's a bad deal. It's a bad structure. It's falling down. It should "
    "have never, ever been made,” Mr. Trump said."
)
TRUMP_EARLIER = (
    "“The Iran deal is a terrible deal. We paid $150 billion. We gave $1.8 billion in cash. "
    "That’s actual cash, barrels of cash. It’s insane. It’s ridiculous. It should have never "
    "been made,” Trump said earlier this week."
)


def test_a_quote_bridging_two_statements_goes_with_the_one_that_carries_it():
    """USA Today's 'It's insane. It's ridiculous. It should have never been made' (newswcl50
    story 4) shares its last words with the longer answer the NYT prints, but all its words
    with the HuffPost's quote of another remark: it is that remark's excerpt, not a
    paraphrase of the longer answer."""
    by_outlet, _, _ = _story(
        ("NYT", "2018-04-24", [TRUMP_ANSWER]),
        ("HuffPost", "2018-04-25", [TRUMP_EARLIER]),
        ("USA Today", "2018-04-25", [
            "The president described the nuclear agreement as “insane” and “ridiculous.”",
            "“It's insane. It's ridiculous. It should have never been made,” Trump said.",
        ]),
    )  # fmt: skip
    match = _opening(by_outlet["USA Today"], "It's insane")
    assert match.label == "verbatim"
    assert "ridiculous" in " ".join(span.text for span in match.source_spans)


def test_a_piece_only_another_outlet_prints_whole_is_not_unsourced():
    """One outlet prints a debate moment as two quotes ('... what's the third one there,
    let's see?' and then 'I can't. Sorry.'), another prints the second whole ('I can't. The
    third one, I can't. Sorry. Oops.'): the short piece is that outlet's words, not 'only in
    this outlet' because the statement's longest version is the first piece (multinews
    test-115)."""
    by_outlet, _, _ = _story(
        ("NYT", "2016-12-13", [
            "That was the origin of Perry’s “oops” moment in November 2011, when he said during "
            "a Republican debate that “it’s three agencies of government when I get there that "
            "are gone: Commerce, Education and the, uh, uh, what’s the third one there, let’s "
            "see?” Pressed on whether he could name the third agency, he confessed: “I can’t. "
            "Sorry.”",
        ]),
        ("Politico", "2016-12-13", [
            "After mentioning the departments of Commerce and Education, Perry said: \"I can't. "
            "The third one, I can't. Sorry. Oops.\"",
        ]),
    )  # fmt: skip
    piece = by_outlet["NYT"]["I can’t. Sorry."]
    assert piece.label == "verbatim"
    assert piece.statement is not None


def test_a_compound_written_open_is_as_full_and_the_earlier_print_is_the_source():
    """'long-term' and 'long term' are the same words, one length: the earlier outlet's
    version stays the source and the later one is verbatim (it had been the source itself,
    one word longer)."""
    words = (
        "very serious concerns about the {} goals of an increasingly powerful and "
        "profit-motivated biotechnology industry"
    )
    by_outlet, _, _ = _story(
        ("Reuters", "2016-05-01", [f"“{words.format('long-term')},” Ann Lee said."]),
        ("Fox News", "2016-05-02", [f"“{words.format('long term')},” Lee said."]),
    )
    match = _only(by_outlet["Fox News"])
    assert match.label == "verbatim"
    assert _only(by_outlet["Reuters"]).label == "source"


def test_a_per_cent_sign_is_the_word():
    """'100%' for '100 percent' leaves no word out: verbatim, not trimmed."""
    text = "Show me somebody who is 100 {} accurate in everything that they say"
    by_outlet, _, _ = _story(
        ("Reuters", "2016-05-01", [f"“{text.format('percent')},” Donald Trump said."]),
        ("Fox News", "2016-05-02", [f"“{text.format('%').replace(' %', '%')},” Trump said."]),
    )
    assert _only(by_outlet["Fox News"]).label == "verbatim"


def test_words_printed_unquoted_are_found_past_the_writers_brackets():
    """A quote of NASA's challenge with two insertions in square brackets; another outlet
    prints the challenge's text as it is (multinews test-104): the bracketed words are the
    writer's, so the quote is carried, not 'only in this outlet'."""
    by_outlet, _, _ = _story(
        ("Gizmodo", "2016-10-12", [
            "\"The crew member will have less than 60 minutes to get into and seal their "
            "spacesuit. To ensure the crew member's safety, the solution [proposed system] "
            "needs to take no more than five minutes [to set up and integrate with the "
            "spacesuit],\" according to the statement.",
        ]),
        ("HeroX", "2016-10-11", [
            "In the event of cabin depressurization or other contingency, crew members may need "
            "to take refuge in their launch and entry suits for a long-duration (144-hour). The "
            "crew member will have less than 60 minutes to get into and seal their spacesuit. To "
            "ensure the crew member’s safety, the Solution needs to take no more than 5 minutes "
            "of that time.",
        ]),
    )  # fmt: skip
    match = _opening(by_outlet["Gizmodo"], "The crew member")
    assert match.label != "unsourced"
    assert match.source_spans and "seal their spacesuit" in match.source_spans[0].text


def _real_story(tmp_path, name: str, cluster: str) -> tuple[dict, dict]:
    """One story of a shared set through the real pipeline: {quote id: match}, {id: quote}."""
    lines = shared_data("stories", name, "articles.jsonl").read_text("utf-8").splitlines()
    rows = [line for line in lines if json.loads(line)["cluster"] == cluster]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    processed = [process_document(d) for d in read_path(path) if isinstance(d, Document)]
    articles = [p.article for p in processed]
    quotes = [q for p in processed for q in p.quotes]
    analysis = analyse_stories(articles, quotes, one_story(articles))
    matches = {m.quote: m for m in analysis.stories[0].matches}
    return matches, {q.id: q for q in analysis.quotes}


def test_a_fuller_passage_is_not_labelled_against_a_shorter_one_that_carries_part_of_it(
    tmp_path,
):
    """Obama's transcript paragraph ('You know, when Trayvon Martin was first shot ...') is
    fuller than the Times' 'Trayvon Martin could have been me 35 years ago,” Mr. Obama said,
    adding that “it's important ...”' (multinews validation-102): joining a statement through
    that shorter quote, it read the Times' attribution as words it changed, 'altered'. A quote
    left alone joins through another member only where that member carries most of it."""
    matches, quotes = _real_story(tmp_path, "multinews_sample", "validation-102")
    opening = "You know, when Trayvon Martin was first shot I said"
    (transcript,) = [q for q in quotes.values() if q.text.startswith(opening)]
    assert matches[transcript.id].label not in FLAGS


def test_two_excerpts_that_go_on_differently_are_one_statement():
    """Two outlets print the same opening words of a speech and then different sentences of
    it: the shorter is an excerpt of the other, not 'only in this outlet'. A word the two
    happen to share far on ('this', twelve words on in one, three in the other) had stretched
    the aligned passage over words it does not carry, too thin to be one statement."""
    by_outlet, _, _ = _story(
        ("Gazette", "2016-01-01", [
            "“We will rebuild the roads, we will rebuild the bridges, and we will put people "
            "back to work in every town across this great state,” Ann Lee said on Monday.",
        ]),
        ("Courier", "2016-01-02", [
            "“We will rebuild the roads, we will rebuild the bridges. Nobody in this race has a "
            "plan for the schools that is half as serious as mine,” Lee said.",
        ]),
    )  # fmt: skip
    gazette, courier = _only(by_outlet["Gazette"]), _only(by_outlet["Courier"])
    assert {gazette.label, courier.label} == {"source", "verbatim"}
    assert gazette.statement == courier.statement


def test_pieces_of_a_quote_that_print_the_source_sentences_reordered_are_stitched(tmp_path):
    """The Independent prints Janis Sharp's statement over paragraphs, 'This is a cruel and
    miserable decision.' ahead of the 'To force ... barbaric.' sentence it follows in the
    source (multinews test-162): the source words between the later pieces were printed by
    an earlier piece, moved ahead, not left out (it had read as trimmed)."""
    matches, quotes = _real_story(tmp_path, "multinews_sample", "test-162")
    pieces = [q for q in quotes.values() if q.text.startswith("If the severity of Gary")]
    labels = {q.article: matches[q.id].labels for q in pieces}
    assert any("stitched" in found for found in labels.values())
    assert all("trimmed" not in found for found in labels.values())


def test_a_word_moved_is_the_word_order_tidied():
    """'It should never have been made' printed 'It should have never been made' (as outlets
    printed Trump's words in newswcl50 story 4): the same words in another order, tidied;
    the negation left out in one place and put back in the next had read as nothing."""
    by_outlet, _, _ = _story(
        ("Gazette", "2018-01-01", [
            "“It should never have been made, and we will be talking about it with everyone "
            "soon,” Ann Lee said on Monday.",
        ]),
        ("Courier", "2018-01-02", [
            "“It should have never been made, and we will be talking about it with everyone "
            "soon,” Lee said.",
        ]),
    )  # fmt: skip
    match = _only(by_outlet["Courier"])
    assert match.label == "tidied"
    assert {e.kind for e in match.edits} == {"order"}


def test_a_spoken_form_written_out_is_a_contraction():
    """'gonna' for 'going to' (Cosby's 'you are gonna go into the water' as another outlet
    writes it out, multinews validation-172): the same words, tidied, not a content word
    swapped with a word cut."""
    by_outlet, _, _ = _story(
        ("Gazette", "2018-01-01", [
            "“We're gonna win this election and we're gonna win it big in November, believe "
            "me,” Ann Lee said on Monday.",
        ]),
        ("Courier", "2018-01-02", [
            "“We're going to win this election and we're going to win it big in November, "
            "believe me,” Lee said.",
        ]),
    )  # fmt: skip
    match = _only(by_outlet["Courier"])
    assert match.label == "tidied"
    assert {e.kind for e in match.edits} == {"contraction"}


def test_a_short_quote_with_a_word_cut_inside_is_trimmed_not_unsourced(tmp_path):
    """'distort historical events' (allsides 5959) is the Florida board's 'may not suppress
    or distort significant historical events' with a word cut: too short for a run of three
    words to anchor it once the word is cut, it had read 'only in this outlet'. Najib Razak's
    'beyond any reasonable doubt', quoted 'beyond reasonable doubt' (multinews
    validation-218), is the same."""
    for name, cluster, text, cut in (
        ("allsides_roundups", "5959", "distort historical events.", "significant"),
        ("multinews_sample", "validation-218", "beyond reasonable doubt", "any"),
    ):
        matches, quotes = _real_story(tmp_path, name, cluster)
        (short,) = [q for q in quotes.values() if q.text == text]
        match = matches[short.id]
        assert match.label == "trimmed"
        assert [(e.op, e.source, e.kind) for e in match.edits] == [("delete", cut, "cut")]


def test_a_short_quote_with_a_word_swapped_or_an_interjection_is_no_excerpt(tmp_path):
    """Only words cut make a short quote an excerpt: 'stand your ground' (the law's name) is
    not Eric Holder's 'We must stand our ground' (multinews validation-102), and a police
    officer's 'Oh, God!' is not a witness's 'Oh my god!' (ecbplus 19_ecbplus): 'oh' is a
    filler, so the two share one content word."""
    for name, cluster, text in (
        ("multinews_sample", "validation-102", "stand your ground"),
        ("ecbplus", "19_ecbplus", "‘ Oh, God! ’"),
    ):
        matches, quotes = _real_story(tmp_path, name, cluster)
        shorts = [q for q in quotes.values() if q.text == text]
        assert shorts
        assert {matches[q.id].label for q in shorts} == {"unsourced"}


def test_a_statements_fullest_quote_that_another_article_prints_unquoted_is_no_source(tmp_path):
    """Universal's statement, which two outlets quote, is printed whole as a press release by
    a third (multinews validation-231); Eichmann's plea for clemency, which two outlets
    quote, is printed as his letter by another (validation-23). The fuller quoted version
    was the statement's 'source', as if no article printed it fuller: it is labelled against
    the passage printed unquoted, as a quote no other outlet carries is."""
    for cluster, opening, labels in (
        ("validation-231", "It is the only franchise of its kind", {"verbatim"}),
        ("validation-231", "At Universal we have had franchises", {"verbatim", "tidied"}),
        ("validation-23", "I am not able to recogni", {"verbatim", "tidied"}),
    ):
        matches, quotes = _real_story(tmp_path, "multinews_sample", cluster)
        found = [q for q in quotes.values() if q.text.startswith(opening)]
        assert {matches[q.id].label for q in found} == labels
        assert len({matches[q.id].statement for q in found}) == 1


def test_a_sentence_reworded_at_the_quotes_edge_is_a_paraphrase(tmp_path):
    """Two translations of Gaddafi's words (multinews validation-176): 'Don't believe those
    misleading dog stations' against 'Do not believe the channels belonging to stray dogs'.
    The words after 'believe' were 'beyond' the source, as if it had printed less there, and
    the quote read as tidied; the source's sentence goes on there in words the quote does not
    print, so they are the sentence reworded, a quarter of the quote. Amazon's 'allows dogs,
    cats, and other animals to communicate with Alexa just like you do' against 'Now your
    dog, cat or favorite pet can communicate ...' (validation-88) had read verbatim. A phrase
    a quote shares with another sentence is no anchor for this: 'Moonlight won Best Picture'
    is still not labelled against 'We would have loved to have won best picture'
    (validation-205)."""
    for cluster, opening, label in (
        ("validation-176", "I am in Tripoli and not in Venezuela. Don't believe", "paraphrase"),
        ("validation-88", "allows dogs, cats, and other animals", "paraphrase"),
        ("validation-205", "Moonlight won Best Picture", "verbatim"),
    ):
        matches, quotes = _real_story(tmp_path, "multinews_sample", cluster)
        (quote,) = [q for q in quotes.values() if q.text.startswith(opening)]
        assert matches[quote.id].label == label
        if cluster == "validation-176":
            edits = [(e.source, e.reported) for e in matches[quote.id].edits]
            reworded = ("the channels belonging to stray dogs", "those misleading dog stations")
            assert reworded in edits


def test_words_cut_with_a_function_word_in_their_place_are_trimmed_and_tidied(tmp_path):
    """'I didn't want to strictly focus on the scoring record' for Hansbrough's 'on trying to
    break a scoring record' (ecbplus 31_ecb) and Colbert's 'I would be on the show' for 'I
    would appear here on the show' (multinews validation-137) cut words and put a function
    word of their own in the place: a cut and a function word swapped, not a cut alone."""
    for name, cluster, text, replaced in (
        ("ecbplus", "31_ecb", "I didn't want to strictly focus on the scoring record.",
         ("trying to break a", "the")),
        ("multinews_sample", "validation-137", "We agreed that I would be on the show",
         ("appear here", "be")),
    ):  # fmt: skip
        matches, quotes = _real_story(tmp_path, name, cluster)
        (quote,) = [q for q in quotes.values() if q.text.startswith(text)]
        match = matches[quote.id]
        assert match.labels == ["tidied", "trimmed"]
        assert (*replaced, "cut") in [(e.source, e.reported, e.kind) for e in match.edits]


def test_a_modal_back_shifted_only_in_reported_speech_is_tense(tmp_path):
    """'saying only that "further details would be set out in due course"' for the Prime
    Minister's office's 'will' (newswcl50 5) goes on from the writer's sentence: the modal
    takes its tense, tidied. Biden's '"I had a long conversation ... making it clear to him we
    could do nothing but speak out ..."' for 'we can do nothing' (allsides 5997) is a
    quotation on its own, opening its paragraph: the modal changed, altered."""
    for name, cluster, text, labels, kind in (
        ("newswcl50", "5", "further details would be set out", ["tidied"], "tense"),
        ("allsides_roundups", "5997", "I had a long conversation for two hours",
         ["altered", "tidied", "trimmed"], "modal"),
    ):  # fmt: skip
        matches, quotes = _real_story(tmp_path, name, cluster)
        (quote,) = [q for q in quotes.values() if q.text.startswith(text)]
        match = matches[quote.id]
        assert match.labels == labels
        assert kind in {e.kind for e in match.edits if e.source in ("will", "can")}


def test_words_put_inside_the_run_are_tidied_past_the_sources_end_they_are_not(tmp_path):
    """'Our long municipal nightmare is now over' for Gerald Ford's 'is over' (multinews
    validation-124) puts a word between words of the source: no longer one unbroken run of
    it, tidied (never an alarm: the source may have cut it). 'this Court will not sanction ...
    such an important right.' against a source quote that stops at 'such an important...'
    (allsides 5638) goes on where the source stopped: the source printed less, an excerpt."""
    matches, quotes = _real_story(tmp_path, "multinews_sample", "validation-124")
    (quote,) = [q for q in quotes.values() if q.text.startswith("Our long municipal nightmare")]
    assert matches[quote.id].labels == ["tidied"]
    assert ("", "now", "added") in [(e.source, e.reported, e.kind) for e in matches[quote.id].edits]
    matches, quotes = _real_story(tmp_path, "allsides_roundups", "5638")
    (quote,) = [q for q in quotes.values() if q.text.endswith("such an important right.")]
    match = matches[quote.id]
    assert match.labels == ["verbatim"]
    assert ("", "right", "edge-added") in [(e.source, e.reported, e.kind) for e in match.edits]


def test_a_quote_that_says_one_sentence_of_a_longer_quote_in_other_words_is_no_unsourced(
    tmp_path,
):
    """'more loyal than anyone else could be' (multinews test-184) tells the last sentence of
    another outlet's longer quote of Trump, '... a true friend and loyal champion in the White
    House. More loyal that anyone else can be': too few of that whole quote's words to be a
    paraphrase of it, but most of that one sentence's."""
    matches, quotes = _real_story(tmp_path, "multinews_sample", "test-184")
    (quote,) = [q for q in quotes.values() if q.text == "more loyal than anyone else could be"]
    assert matches[quote.id].label == "tidied"


def test_two_people_credited_by_as_many_outlets_the_fullest_versions_credit_stands(tmp_path):
    """CBP's 'Depending upon port circumstances ...' is Commissioner Kevin McAleenan's in the
    Huffington Post and Pete Flores's in UPI (newswcl50 6), one outlet each, and neither
    names the other man: no outlet outnumbers the other, and no flag was raised. The
    fullest version's credit, a name in full, stands, and the other is misattributed. A
    company's statement a spokesman gives ('The Starrett Corporation' against 'Jordan
    Isenstadt', multinews validation-17) is no two people: a corporation is nobody's name."""
    matches, quotes = _real_story(tmp_path, "newswcl50", "6")
    depending = [q for q in quotes.values() if q.text.startswith("Depending")]
    labels = {q.speaker: matches[q.id].label for q in depending}
    assert labels == {"Kevin McAleenan": "source", "Pete Flores": "misattributed"}
    matches, _ = _real_story(tmp_path, "multinews_sample", "validation-17")
    assert not any("misattributed" in m.labels for m in matches.values())


def test_a_phrase_printed_alone_and_in_its_sentence_goes_with_the_sentence():
    """An outlet prints a phrase alone and later the sentence it comes from; another quotes
    only the phrase: the sentence is the statement's source, and both prints of the phrase
    are verbatim against it, not 'only in this outlet' (allsides 5779)."""
    by_outlet, _, _ = _story(
        ("WSJ", "2021-08-16", [
            "President Biden said he stands “squarely behind” his decision to withdraw U.S. "
            "troops from Afghanistan, speaking from the White House Monday.",
        ]),
        ("Fox News", "2021-08-16", [
            "President Biden said Monday that he stands \"squarely behind\" his decision to "
            "withdraw from Afghanistan.",
            "\"I stand squarely behind my decision,\" the president said Monday.",
        ]),
    )  # fmt: skip
    assert by_outlet["Fox News"]["I stand squarely behind my decision"].label == "source"
    assert by_outlet["Fox News"]["squarely behind"].label == "verbatim"
    assert by_outlet["WSJ"]["squarely behind"].label == "verbatim"


def _many_outlets() -> tuple[list[Article], dict[str, list[Quote]]]:
    """Real articles of the story-set sample, read as one story (it has a dozen statements)."""
    processed = process_batch(list(read_path(FIXTURES / "story_sets_sample.jsonl")), print)[:40]
    return [p.article for p in processed], {p.article.id: p.quotes for p in processed}


def test_a_grown_story_compared_with_its_known_links_comes_out_as_compared_afresh(monkeypatch):
    """Real articles as one story: compared, then grown by four articles and compared again
    with the links the first comparison found (one old article marked changed): the same
    statements, matches and links as a comparison from scratch, with a fraction of the
    alignments."""
    articles, quotes = _many_outlets()
    known = compare_story(articles[:-4], quotes).links.without({articles[0].id})
    aligned = []

    def counted(*args, **kwargs):
        aligned.append(1)
        return align(*args, **kwargs)

    monkeypatch.setattr(statements, "align", counted)
    grown = compare_story(articles, quotes, known)
    with_known = len(aligned)
    fresh = compare_story(articles, quotes)
    from_scratch = len(aligned) - with_known

    assert len(grown.statements) > 10 and grown.statements == fresh.statements
    assert grown.matches == fresh.matches
    assert grown.links == fresh.links
    assert with_known < 0.5 * from_scratch


def test_a_grown_story_compared_with_what_its_last_comparison_kept_is_as_compared_afresh(
    monkeypatch,
):
    """The whole story step of a grown real story (one old article marked changed), given
    what its last comparison kept as the store keeps it (JSON): the same statements, matches,
    discrepancies and wire links as from scratch, the clauses of only the articles new or
    changed worked out again."""
    articles, quotes = _ecb_clusters("16_ecbplus", "23_ecbplus", "28_ecbplus")
    first = compare_step(StoryTask(articles[:-4], quotes))
    stored = pipeline._known_comparison(pipeline._known_blob(first.known))
    counted = []
    monkeypatch.setattr(discrepancies, "clauses_of", _counting(discrepancies.clauses_of, counted))
    grown = compare_step(StoryTask(articles, quotes, stored.without({articles[0].id})))
    assert sorted(counted) == sorted([articles[0].id, *(a.id for a in articles[-4:])])
    fresh = compare_step(StoryTask(articles, quotes))
    assert len(grown.discrepancies) > 3 and grown.discrepancies == fresh.discrepancies
    assert grown.statements == fresh.statements and grown.matches == fresh.matches
    assert grown.wire == fresh.wire
    assert grown.known.clauses == fresh.known.clauses


def _ecb_clusters(*clusters: str) -> tuple[list[Article], dict[str, list[Quote]]]:
    """The articles of these ECB+ clusters (each tells of one event), read as one story."""
    path = shared_data("stories", "ecbplus", "articles.jsonl")
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    wanted = [
        document
        for line, document in zip(lines, read_path(path), strict=True)
        if json.loads(line)["cluster"] in clusters
    ]
    processed = process_batch(wanted, print)
    return [p.article for p in processed], {p.article.id: p.quotes for p in processed}


def _counting(clauses_of, counted: list):
    def counting(article_id, *args):
        counted.append(article_id)
        return clauses_of(article_id, *args)

    return counting
