"""The analysis JSON, its schema and the HTML report, on objects built from the two seeds."""

from __future__ import annotations

import copy
import dataclasses
import html as html_lib
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from newsprism.model import (
    FLAGS,
    LABEL_SEVERITY,
    Article,
    Discrepancy,
    DiscrepancyValue,
    Edit,
    Quote,
    QuoteMatch,
    Removed,
    SourceSpan,
    Statement,
    Story,
    WireLink,
)
from newsprism.report import (
    build_analysis,
    load_schema,
    validate_analysis,
    write_analysis,
    write_report,
)
from newsprism.report.analysis import analysis_text
from newsprism.report.html import highlight
from newsprism.report.site import report_pages
from newsprism.report.statements import Occurrence
from newsprism.summary import FLAGS_SHOWN, STATEMENTS_SHOWN, print_quotes, print_summary

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
APPEAL = "Your support makes all the difference."


def seed_lines(prefix: str) -> list[str]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").splitlines()


def newspaper() -> Article:
    lines = seed_lines("000")
    assert lines[6].startswith(APPEAL)
    removed = [Removed(text, "donation appeal") for text in lines[2:6]]
    removed.append(Removed(APPEAL, "donation appeal glued onto the first sentence"))
    return Article(
        id="art-independent",
        source="examples/seeds/000_60f9d60b6a9e8fe4.txt",
        title=lines[0],
        standfirst=lines[1],
        paragraphs=[lines[6][len(APPEAL) :], *lines[7:19]],
        outlet="The Independent",
        url="https://www.independent.co.uk/sport/football/klopp-liverpool-atalanta.html",
        published="2024-04-17T14:02:00+00:00",
        removed=removed,
    )


def transcript() -> Article:
    lines = seed_lines("003")
    return Article(
        id="art-lfc",
        source="examples/seeds/003_6bc700938196dd54.txt",
        title=lines[0].removeprefix("Press conference"),
        paragraphs=[*lines[1:5], lines[6].removeprefix("Watch on YouTube"), *lines[7:20]],
        outlet="Liverpool FC",
        published="2024-04-17T12:30:00+00:00",
        kind="transcript",
        interviewee="Jürgen Klopp",
        removed=[
            Removed("Press conference", "section label glued onto the title"),
            Removed(lines[5], "cookie notice"),
            Removed("Watch on YouTube", "video embed label"),
            Removed(lines[20], "machine-translation notice"),
        ],
    )


def atalanta_report() -> Article:
    lines = seed_lines("000")
    return Article(
        id="art-atalanta",
        source="wire/atalanta.txt",
        title="Gasperini: <Atalanta> & the most important game",
        paragraphs=lines[19:23],
        outlet="PA Media",
        url="javascript:alert(1)",
    )


def quote_in(article: Article, qid: str, text: str, **fields: Any) -> Quote:
    start = article.body.index(text)
    return Quote(
        id=qid, article=article.id, text=text, start=start, end=start + len(text), **fields
    )


def span_in(article: Article, text: str) -> SourceSpan:
    start = article.body.index(text)
    return SourceSpan(start=start, end=start + len(text), text=text)


Q1 = (
    "We will see who deals better with the situation. If Atalanta go through then they will "
    "deserve it. If not, then something special will have happened."
)
Q2 = (
    "We have to do better. It’s really not simple because usually you fight for everything but "
    "when you are 3-0 up it is not easy for them."
)
SOURCE1 = (
    "we will see who deals better with the situation and all these kind of things. If Atalanta "
    "go through, congratulations and they deserve it, and if not then something special "
    "probably would have happened"
)


@pytest.fixture
def objects() -> tuple[list[Article], list[Quote], list[Story]]:
    paper, lfc, wire = newspaper(), transcript(), atalanta_report()
    klopp = {"speaker": "Jürgen Klopp", "speaker_mention": "he", "cue": "added"}
    he = paper.body.index("he added")
    q1 = quote_in(paper, "q-1", Q1, speaker_start=he, speaker_end=he + 2, **klopp)
    q2 = quote_in(paper, "q-2", Q2, continues="q-1", **klopp)
    answer = next(p for p in lfc.paragraphs if p.startswith("But it is not easy"))
    qs = quote_in(lfc, "q-src", answer, speaker="Jürgen Klopp", kind="transcript")
    gasp = quote_in(
        wire,
        "q-gasp",
        "We know that it will be one of the most important games in our history, "
        "if not the most important",
        speaker="Gian Piero Gasperini",
        speaker_mention="Atalanta coach Gian Piero Gasperini",
        cue="told",
    )
    m1 = QuoteMatch(
        quote="q-1",
        label="altered",
        labels=["altered", "stitched"],
        source_article=lfc.id,
        source_spans=[span_in(lfc, SOURCE1)],
        similarity=0.74,
        edits=[
            Edit("replace", "will", "probably would", "modal"),
            Edit("delete", "", "congratulations and", "cut"),
        ],
    )
    m2 = QuoteMatch(
        quote="q-2",
        label="altered",
        labels=["altered", "stitched", "trimmed"],
        source_article=lfc.id,
        source_spans=[
            span_in(lfc, "We have to do better"),
            span_in(lfc, "It's really not simple because usually you fight for everyone"),
        ],
        similarity=0.68,
        edits=[Edit("replace", "everything", "everyone", "content word")],
    )
    m3 = QuoteMatch(quote="q-src", label="source", labels=["source"], similarity=1.0)
    deficit = [
        DiscrepancyValue(paper.id, "3-0", *_offsets(paper, "3-0")),
        DiscrepancyValue(lfc.id, "three-goal", *_offsets(lfc, "three-goal")),
    ]
    story = Story(
        id="story-klopp",
        title="Klopp on the Barcelona comeback",
        articles=[paper.id, lfc.id],
        matches=[m1, m2, m3],
        discrepancies=[Discrepancy("number", "the first-leg deficit", deficit)],
    )
    story2 = Story(
        id="story-atalanta",
        title="Atalanta <b>not</b> underestimating",
        articles=[wire.id],
        wire=[WireLink(wire.id, paper.id, 0.93)],
    )
    return [paper, lfc, wire], [q1, q2, qs, gasp], [story, story2]


def _offsets(article: Article, text: str) -> tuple[int, int]:
    start = article.body.index(text)
    return start, start + len(text)


@pytest.fixture
def data(objects: tuple[list[Article], list[Quote], list[Story]]) -> dict[str, Any]:
    return build_analysis(*objects)


def test_records_become_what_asdict_makes(objects: tuple) -> None:
    """Each record's to_dict is spelled out for speed: it must give dataclasses.asdict's dict,
    key order included (a field added to a record and not to its to_dict fails here)."""
    articles, quotes, stories = objects
    articles[0].removed.append(Removed("Share this", "share"))
    stories[0].statements.append(
        Statement("st-q-src", "Klopp", "q-src", "text", ["q-src", "q-1"], ["LFC"], ["altered"])
    )
    records = [*articles[0].removed, *quotes]
    for story in stories:
        records += [*story.statements, *story.matches, *story.discrepancies, *story.wire]
    kinds = {type(record) for record in records}
    assert kinds >= {Removed, Quote, Statement, QuoteMatch, Discrepancy, WireLink}
    for record in records:
        assert list(record.to_dict().items()) == list(dataclasses.asdict(record).items())
    for story in stories:
        made = story.to_dict()
        assert list(made) == [f.name for f in dataclasses.fields(story)]
        assert made == dataclasses.asdict(story)


# --- a story with statements, built by hand from the seeds' real quotes ------------------------
#
# The Independent and Liverpool FC are the two seeds; "PA Media" is a third outlet made for the
# test from the Independent's own paragraphs (the same words), which credits Gasperini's words to
# his captain, so that every kind of row shows up: a transcript source, a report source, altered,
# stitched, misattributed, tidied, verbatim, unsourced and a term.

PREPARE = (
    "I usually don’t prepare these things like that, especially not the day before or four years "
    "before whatever"
)
REMEMBER = (
    "I remember I said, ‘If we fail, then let’s fail in the most beautiful way’. And that’s "
    "exactly how I see it again."
)
DIFFICULT = "Tomorrow is more difficult because they don’t have to score at all"
GASP = (
    "We know that it will be one of the most important games in our history, if not the most "
    "important"
)
DE_ROON = (
    "I don’t think only in Bergamo but I believe that all of Italy will be behind us tomorrow."
)


def pa_report() -> Article:
    lines = seed_lines("000")
    return Article(
        id="art-pa",
        source="wire/pa-klopp.txt",
        title="Klopp: Liverpool must be better in Bergamo",
        paragraphs=[
            "Liverpool manager Jurgen Klopp says his side must improve against Atalanta.",
            lines[16],
            lines[17],
            f"Atalanta captain Marten De Roon said: “{GASP}.”",
        ],
        outlet="PA Media",
        published="2024-04-17T15:10:00+00:00",
    )


def _match(quote: str, labels: list[str], statement: str | None, **fields: Any) -> QuoteMatch:
    return QuoteMatch(quote=quote, label=labels[0], labels=labels, statement=statement, **fields)


def _edits(*rows: tuple[str, str, str, str]) -> list[Edit]:
    return [Edit(op, reported, source, kind) for op, reported, source, kind in rows]


SPECIAL_EDITS = (
    ("delete", "", "and all these kind of things", "cut"),
    ("replace", "then", "congratulations and", "cut"),
    ("insert", "will", "", "modal"),
    ("delete", "", "and", "filler"),
    ("replace", "will", "probably would", "hedge"),
)
DIFFICULT_EDITS = (("delete", "", "the game", "cut"), ("delete", "", "even", "filler"))


@pytest.fixture
def statement_objects() -> tuple[list[Article], list[Quote], list[Story]]:
    paper, lfc, pa = newspaper(), transcript(), pa_report()
    paper.paragraphs += seed_lines("000")[19:23]  # Gasperini and De Roon
    captain = {"speaker": "Marten De Roon", "speaker_mention": "Captain Marten De Roon"}
    he = {"speaker": "Jürgen Klopp", "speaker_mention": "he"}
    klopp = {"speaker": "Jürgen Klopp", "speaker_mention": "Jürgen Klopp", "kind": "transcript"}
    gasperini = {"speaker": "Gian Piero Gasperini", "speaker_mention": "he"}
    answer = {
        prefix: next(p for p in lfc.paragraphs if p.startswith(prefix))
        for prefix in (
            "What is similar?",
            "What I remember",
            "We played four years",
            "But it is not easy",
        )
    }
    quotes = [
        quote_in(paper, "p1", PREPARE, **he),
        quote_in(paper, "p2", REMEMBER, **he),
        quote_in(paper, "p5", DIFFICULT, **he),
        quote_in(paper, "p6", Q1, **he),
        quote_in(paper, "p7", Q2, continues="p6", **he),
        quote_in(paper, "p8", GASP, **gasperini),
        quote_in(paper, "p10", DE_ROON, **captain),
        quote_in(lfc, "t1", answer["What is similar?"], **klopp),
        quote_in(lfc, "t2", answer["What I remember"], **klopp),
        quote_in(lfc, "t6", answer["We played four years"], **klopp),
        quote_in(lfc, "t7", answer["But it is not easy"], **klopp),
        quote_in(lfc, "t-handful", "handful", kind="term"),
        quote_in(pa, "a1", DIFFICULT, **he),
        quote_in(pa, "a2", Q1, continues="a1", **he),
        quote_in(
            pa,
            "a3",
            GASP,
            speaker="Marten De Roon",
            speaker_mention="Atalanta captain Marten De Roon",
        ),
    ]
    difficult_span = span_in(
        lfc, "tomorrow the game is even more difficult because they don't have to score at all"
    )
    special_span = span_in(lfc, SOURCE1)
    matches = [
        _match("t7", ["source"], "st-special", coverage=1.0, similarity=1.0),
        *(
            _match(
                quote_id,
                ["altered", "tidied", "trimmed"],
                "st-special",
                coverage=0.21,
                source_article=lfc.id,
                source_spans=[special_span],
                similarity=0.77,
                edits=_edits(*SPECIAL_EDITS),
            )
            for quote_id in ("p6", "a2")  # the Independent's and PA Media's same version
        ),
        _match(
            "p7",
            ["altered", "stitched", "tidied", "trimmed"],
            "st-special",
            coverage=0.2,
            source_article=lfc.id,
            source_spans=[
                span_in(lfc, "We have to do better"),
                span_in(
                    lfc,
                    "It's really not simple because usually you fight for everyone and how do you "
                    "want to fight tomorrow when you are 3-0 up? That's really not easy for them",
                ),
            ],
            similarity=0.78,
            edits=_edits(
                ("replace", "everything", "everyone", "content-word"),
                ("replace", "but", "and how do you want to fight tomorrow", "cut"),
                ("replace", "it", "That's", "function-word"),
                ("delete", "", "really", "filler"),
            ),
        ),
        _match("p8", ["source"], "st-gasp", coverage=1.0, similarity=1.0),
        _match(
            "a3",
            ["misattributed"],
            "st-gasp",
            coverage=1.0,
            source_article=paper.id,
            source_spans=[span_in(paper, GASP)],
            similarity=1.0,
        ),
        _match("t2", ["source"], "st-remember", coverage=1.0, similarity=1.0),
        _match(
            "p1",
            ["tidied"],
            "st-remember",
            coverage=0.17,
            source_article=lfc.id,
            source_spans=[
                span_in(
                    lfc,
                    "I usually don't prepare these kind of things like that, especially not a day "
                    "before or four years before or whatever",
                )
            ],
            similarity=0.88,
            edits=_edits(
                ("delete", "", "kind of", "filler"),
                ("replace", "the", "a", "function-word"),
                ("delete", "", "or", "filler"),
            ),
        ),
        _match(
            "p2",
            ["verbatim"],
            "st-remember",
            coverage=0.18,
            source_article=lfc.id,
            source_spans=[
                span_in(
                    lfc,
                    "I remember I said if we fail then let's fail in the most beautiful way – and "
                    "that's exactly how I see it again",
                )
            ],
            similarity=1.0,
        ),
        _match("t6", ["source"], "st-difficult", coverage=1.0, similarity=1.0),
        *[
            _match(
                qid,
                ["tidied", "trimmed"],
                "st-difficult",
                coverage=0.11,
                source_article=lfc.id,
                source_spans=[difficult_span],
                similarity=0.9,
                edits=_edits(*DIFFICULT_EDITS),
            )
            for qid in ("p5", "a1")
        ],
        _match("p10", ["unsourced"], None),
        _match("t1", ["unsourced"], None),
    ]
    by_id = {q.id: q for q in quotes}
    statements = [
        _statement("st-remember", "t2", ["t2", "p1", "p2"], [], by_id),
        _statement("st-difficult", "t6", ["t6", "p5", "a1"], [], by_id),
        _statement("st-special", "t7", ["t7", "p6", "a2", "p7"], ["altered", "stitched"], by_id),
        _statement("st-gasp", "p8", ["p8", "a3"], ["misattributed"], by_id),
    ]
    statements[3].speaker = "Gian Piero Gasperini"
    story = Story(
        id="story-statements",
        title="Klopp and Gasperini before the second leg",
        articles=[paper.id, pa.id, lfc.id],
        statements=statements,
        matches=matches,
    )
    return [paper, lfc, pa], quotes, [story]


def _statement(
    sid: str, source: str, quote_ids: list[str], flags: list[str], by_id: dict[str, Quote]
) -> Statement:
    outlets = {"art-independent": "The Independent", "art-lfc": "Liverpool FC"}
    outlets["art-pa"] = "PA Media"
    return Statement(
        id=sid,
        speaker="Jürgen Klopp",
        source_quote=source,
        text=by_id[source].text,
        quotes=quote_ids,
        outlets=sorted({outlets[by_id[q].article] for q in quote_ids}),
        flags=flags,
    )


@pytest.fixture
def sdata(statement_objects: tuple) -> dict[str, Any]:
    return build_analysis(*statement_objects)


# --- analysis JSON and schema ------------------------------------------------------------------


def test_fixture_offsets_index_the_body(objects: tuple) -> None:
    articles, quotes, stories = objects
    bodies = {a.id: a.body for a in articles}
    for quote in quotes:
        assert bodies[quote.article][quote.start : quote.end] == quote.text
    for span in stories[0].matches[1].source_spans:
        assert bodies["art-lfc"][span.start : span.end] == span.text


def test_build_analysis_shape_and_validates(data: dict[str, Any]) -> None:
    assert isinstance(data["version"], str) and data["version"]
    assert [a["id"] for a in data["articles"]] == ["art-independent", "art-lfc", "art-atalanta"]
    assert [q["id"] for q in data["quotes"]] == ["q-1", "q-2", "q-src", "q-gasp"]
    assert data["stories"][0]["matches"][0]["edits"][0] == {
        "op": "replace",
        "reported": "will",
        "source": "probably would",
        "kind": "modal",
    }
    assert data["stories"][1]["wire"] == [
        {"article": "art-atalanta", "copy_of": "art-independent", "containment": 0.93}
    ]
    assert validate_analysis(data) == []
    assert validate_analysis(json.loads(json.dumps(data))) == []


def test_schema_is_2020_12_with_the_eight_labels() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["$defs"]["label"]["enum"]) == set(LABEL_SEVERITY)
    assert set(schema["required"]) == {"version", "articles", "quotes", "stories"}


def _bad_label(d: dict) -> None:
    d["stories"][0]["matches"][0]["label"] = "misquoted"


def _missing_speaker(d: dict) -> None:
    del d["quotes"][0]["speaker"]


def _speaker_key_not_a_slug(d: dict) -> None:
    d["quotes"][0]["speaker_key"] = "Donald Trump"


def _empty_labels(d: dict) -> None:
    d["stories"][0]["matches"][0]["labels"] = []


def _similarity_too_big(d: dict) -> None:
    d["stories"][0]["matches"][0]["similarity"] = 1.5


def _negative_offset(d: dict) -> None:
    d["quotes"][1]["start"] = -3


def _bad_op(d: dict) -> None:
    d["stories"][0]["matches"][0]["edits"][0]["op"] = "swap"


def _bad_kind(d: dict) -> None:
    d["articles"][0]["kind"] = "blog"


def _no_wire(d: dict) -> None:
    del d["stories"][1]["wire"]


def _containment_negative(d: dict) -> None:
    d["stories"][1]["wire"][0]["containment"] = -0.1


def _version_number(d: dict) -> None:
    d["version"] = 1


@pytest.mark.parametrize(
    ("break_it", "where"),
    [
        (_bad_label, "/stories/0/matches/0/label"),
        (_missing_speaker, "/quotes/0"),
        (_speaker_key_not_a_slug, "/quotes/0/speaker_key"),
        (_empty_labels, "/stories/0/matches/0/labels"),
        (_similarity_too_big, "/stories/0/matches/0/similarity"),
        (_negative_offset, "/quotes/1/start"),
        (_bad_op, "/stories/0/matches/0/edits/0/op"),
        (_bad_kind, "/articles/0/kind"),
        (_no_wire, "/stories/1"),
        (_containment_negative, "/stories/1/wire/0/containment"),
        (_version_number, "/version"),
    ],
)
def test_invalid_analysis_is_reported(data: dict[str, Any], break_it: Any, where: str) -> None:
    broken = copy.deepcopy(data)
    break_it(broken)
    errors = validate_analysis(broken)
    assert errors, "expected a schema error"
    assert any(error.startswith(where + ":") for error in errors), errors


def test_missing_field_error_names_it(data: dict[str, Any]) -> None:
    broken = copy.deepcopy(data)
    del broken["quotes"][0]["speaker"]
    assert any("'speaker' is a required property" in e for e in validate_analysis(broken))


def test_nullable_fields_accept_null(data: dict[str, Any]) -> None:
    loose = copy.deepcopy(data)
    loose["articles"][0].update(outlet=None, url=None, published=None, standfirst=None)
    loose["quotes"][0].update(speaker=None, speaker_mention=None, speaker_start=None, cue=None)
    assert validate_analysis(loose) == []


def test_validate_without_jsonschema_returns_nothing(
    data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)
    assert validate_analysis({"not": "valid"}) == []


@pytest.mark.parametrize(
    "value",
    [
        {},
        {"version": "1", "articles": []},
        {"a": [1, [2, {}]], "b": [{"c": "x\ny", "d": []}, {}]},
        # what the fast encoder leaves to json.dumps, and what it writes itself
        {"a": [float("nan"), -0.0, 1e-7, 10**30, True, None, (1, "\ud800\x1f\u2028é")]},
        {"b": [{1: "x", 2.5: None, None: False}, [[]], ({},)]},
    ],
)
def test_analysis_text_is_json_dumps_indented(value: dict[str, Any], data: dict) -> None:
    for shown in (value, data):
        text, items = analysis_text(shown)
        assert text == json.dumps(shown, ensure_ascii=False, indent=2) + "\n"
        for key, found in items.items():
            expected = [json.dumps(v, ensure_ascii=False, indent=2) for v in shown[key]]
            assert found == [text.replace("\n", "\n    ") for text in expected]


def test_write_analysis_utf8_unescaped(tmp_path: Path, data: dict[str, Any]) -> None:
    path = write_analysis(tmp_path / "sub" / "analysis.json", data)
    text = path.read_text(encoding="utf-8")
    assert "Jürgen Klopp" in text and "\\u00fc" not in text
    assert json.loads(text) == data
    assert text.startswith('{\n  "version"')


# --- HTML: the report folder's pages ------------------------------------------------------------


def pages(data: dict[str, Any]) -> dict[str, str]:
    return {name: html.decode("utf-8") for name, html in report_pages(data).items()}


def story_html(data: dict[str, Any], story_id: str) -> str:
    return pages(data)[f"stories/{story_id}.html"]


def every_page(data: dict[str, Any]) -> str:
    return "\n".join(html for name, html in pages(data).items() if name.endswith(".html"))


def test_one_page_per_story_linked_from_the_index(data: dict[str, Any]) -> None:
    found = pages(data)
    assert sorted(n for n in found if n.startswith("stories/")) == [
        "stories/story-atalanta.html",
        "stories/story-klopp.html",
    ]
    for story_id in ("story-klopp", "story-atalanta"):
        page = found[f"stories/{story_id}.html"]
        assert re.findall(r'<section class="story" id="([^"]+)"', page) == [story_id]
        assert 'href="../newsprism.css"' in page and 'href="../index.html"' in page
    index = found["index.html"]
    assert re.findall(r'<a class="title" href="([^"]+)"', index) == [
        "stories/story-klopp.html",
        "stories/story-atalanta.html",
    ]
    atalanta = found["stories/story-atalanta.html"]
    assert "Atalanta &lt;b&gt;not&lt;/b&gt; underestimating" in atalanta
    assert "<b>not</b>" not in every_page(data)


def test_quote_text_is_escaped(data: dict[str, Any]) -> None:
    hostile = copy.deepcopy(data)
    hostile["quotes"][0]["text"] = '<script>alert("x")</script> ' + Q1
    hostile["quotes"][3]["text"] = "<script>alert(2)</script>"
    html = every_page(hostile)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_edit_words_are_marked(data: dict[str, Any]) -> None:
    html = story_html(data, "story-klopp")
    assert re.search(r"<del [^>]*>probably would</del>", html)
    assert re.search(r"<del [^>]*>congratulations and</del>", html)
    # the changed "will" is the one before "have happened", not the first "will" of the quote
    assert re.search(r"special <mark [^>]*>will</mark> have happened", html)
    assert "We will see" in html
    assert re.search(r"fight for <mark [^>]*>everything</mark>", html)
    assert re.search(r"fight for <del [^>]*>everyone</del>", html)


def test_edits_table_and_badges(data: dict[str, Any]) -> None:
    html = story_html(data, "story-klopp")
    assert '<table class="edits">' in html
    # edits read source -> reported
    assert re.search(r"“probably would”<span class=\"arrow\">→</span>“will”", html)
    assert 'source <span class="arrow">→</span> reported' in html
    assert re.search(r'<span class="badge sev-red"[^>]*>altered</span>', html)
    assert re.search(r'<span class="badge sev-orange"[^>]*>stitched</span>', html)


def test_source_passages_beside_quote(data: dict[str, Any]) -> None:
    html = story_html(data, "story-klopp")
    block = html[html.index('id="quote-q-2"') :]
    block = block[: block.index("</details>")]
    assert block.count('<blockquote class="source"') == 2
    assert "Source: Liverpool FC" in block
    assert "elsewhere in the source" in block


def test_removed_pieces_listed_with_each_article(data: dict[str, Any]) -> None:
    html = story_html(data, "story-klopp")
    independent = html[html.index('<li id="article-art-independent">') :]
    independent = independent[: independent.index('<li id="article-art-lfc">')]
    assert "<summary>Removed while cleaning: 5 pieces</summary>" in independent
    assert "(donation appeal glued onto the first sentence)" in independent
    lfc = html[html.index('<li id="article-art-lfc">') :]
    assert "<summary>Removed while cleaning: 4 pieces</summary>" in lfc
    assert "You have to accept cookies in order to view this content on our site." in lfc
    assert "(cookie notice)" in lfc


def test_article_references_link_to_the_story_s_list(data: dict[str, Any]) -> None:
    html = story_html(data, "story-klopp")
    links = set(re.findall(r'<a href="([^"]+)"><span class="outlet">', html))
    assert links == {"#article-art-independent", "#article-art-lfc"}
    ids = set(re.findall(r'<li id="(article-[^"]+)"', html))
    assert ids == {"article-art-independent", "article-art-lfc"}


def test_continuation_unmatched_wire_and_discrepancies(data: dict[str, Any]) -> None:
    html = every_page(data)
    assert re.search(r'<a class="continues" href="#quote-q-1"[^>]*>↳ continues', html)
    assert "Quotes not compared" in html and "if not the most important" in html
    assert "93% of its words found there" in html
    assert "the first-leg deficit" in html and "three-goal" in html


def test_only_web_urls_are_linked(data: dict[str, Any]) -> None:
    html = every_page(data)
    assert 'href="https://www.independent.co.uk/' in html
    assert not re.search(r'href="\s*javascript:', html, re.I)


def test_counts_on_the_index(data: dict[str, Any]) -> None:
    index = pages(data)["index.html"]
    counts = index[index.index('<ul class="counts">') : index.index("</ul>")]
    for count, word in [(2, "stories"), (3, "articles"), (4, "quotes"), (3, "labelled")]:
        assert f"<strong>{count}</strong> {word}" in counts


def test_highlight_without_hits_only_escapes() -> None:
    quote_html, spans = highlight(
        "a <b> c", ["x & y"], [dict(op="replace", reported="zz", source="qq", kind="content")]
    )
    assert str(quote_html) == "a &lt;b&gt; c"
    assert [str(s) for s in spans] == ["x &amp; y"]


def test_write_report_writes_the_folder(tmp_path: Path, objects: tuple) -> None:
    out = tmp_path / "nested" / "report"
    json_path, html_path = write_report(out, *objects)
    assert (json_path, html_path) == (out / "analysis.json", out / "index.html")
    written = json.loads(json_path.read_text(encoding="utf-8"))
    assert written == build_analysis(*objects)
    assert validate_analysis(written) == []
    on_disk = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    assert on_disk == {"analysis.json": json_path.read_bytes(), **report_pages(written)}
    for name, html in on_disk.items():
        if name.endswith(".html"):
            text = html.decode("utf-8")
            assert text.startswith("<!DOCTYPE html>") and "<script" not in text
            assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(css|js)"', text)
            assert not re.search(r'(src|href)="/', text)  # relative: opens from disk


# --- statements in the HTML --------------------------------------------------------------------


def _plain(fragment: str) -> str:
    """The text of an HTML fragment, tags read as spaces, on one line."""
    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r" ([:,)])", r"\1", text)


def _section(html: str, story_id: str) -> str:
    start = html.index(f'<section class="story" id="{story_id}"')
    return html[start : html.index("</section>", start)]


def _grid(html: str, story_id: str) -> list[list[str]]:
    section = _section(html, story_id)
    table = section[section.index('<table class="grid">') : section.index("</table>")]
    rows = re.findall(r"<tr.*?</tr>", table, re.S)
    cell = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)
    return [[_plain(c) for c in cell.findall(row)] for row in rows]


def _details(html: str, anchor: str) -> str:
    start = html.index(f'<details class="statement" id="{anchor}"')
    return html[start : html.index("</details>", start)]


def _h1(html: str, story_id: str) -> str:
    section = _section(html, story_id)
    return section[section.index("<h1>") : section.index("</h1>")]


def _unflag(data: dict[str, Any], statement_id: str, at: int = 0) -> None:
    """Make one statement's versions faithful (tidied): no flags left on it."""
    story = data["stories"][at]
    for match in story["matches"]:
        if match["statement"] == statement_id and match["label"] != "source":
            match["labels"] = [lb for lb in match["labels"] if lb not in FLAGS] or ["tidied"]
            match["label"] = match["labels"][0]
    for statement in story["statements"]:
        if statement["id"] == statement_id:
            statement["flags"] = []


def test_statement_fixture_is_a_valid_analysis(statement_objects: tuple, sdata: dict) -> None:
    articles, quotes, _ = statement_objects
    bodies = {a.id: a.body for a in articles}
    for quote in quotes:
        assert bodies[quote.article][quote.start : quote.end] == quote.text
    for match in sdata["stories"][0]["matches"]:
        for span in match["source_spans"]:
            assert bodies[match["source_article"]][span["start"] : span["end"]] == span["text"]
    assert validate_analysis(sdata) == []


def test_story_leads_with_flags_then_grid_then_statements(sdata: dict) -> None:
    section = _section(story_html(sdata, "story-statements"), "story-statements")
    headings = re.findall(r"<h2>(.*?)</h2>", section)
    assert headings == [
        "Flags",
        "Statements by outlet",
        "Each statement, outlet by outlet",
        "Only in one outlet",
        "Quoted terms",
        "Articles",
    ]
    assert "compared before they existed" not in section


def test_story_badge_is_its_most_serious_flag(sdata: dict) -> None:
    badge = _h1(story_html(sdata, "story-statements"), "story-statements")
    assert re.search(r'class="badge sev-red"[^>]*>altered<', badge)
    _unflag(sdata, "st-special")
    assert re.search(
        r'class="badge sev-red"[^>]*>misattributed<',
        _h1(story_html(sdata, "story-statements"), "story-statements"),
    )
    _unflag(sdata, "st-gasp")
    html = story_html(sdata, "story-statements")
    assert ">no flags<" in _h1(html, "story-statements")
    assert "No flags on this page: no outlet altered, misattributed or stitched" in html
    index = pages(sdata)["index.html"]
    listed = index[index.index('<ul class="story-list">') : index.index("</ul>")]
    assert "sev-red" not in listed and "unsourced" not in listed


def test_flagged_statements_listed_first(sdata: dict) -> None:
    section = _section(story_html(sdata, "story-statements"), "story-statements")
    flags = section[section.index('<ul class="flags">') : section.index("</ul>")]
    items = [_plain(li) for li in re.findall(r"<li>(.*?)</li>", flags, re.S)]
    assert len(items) == 2
    assert items[0].startswith("altered stitched Jürgen Klopp: “we will see who deals better")
    assert items[0].endswith("— The Independent (altered, stitched), PA Media (altered)")
    assert items[1].startswith("misattributed Gian Piero Gasperini: “We know that it will be")
    assert items[1].endswith("— PA Media (misattributed)")


def test_grid_of_statements_by_outlet(sdata: dict) -> None:
    rows = _grid(story_html(sdata, "story-statements"), "story-statements")
    assert rows[0] == [
        "statement",
        "The Independent report",
        "PA Media report",
        "Liverpool FC transcript",
    ]
    cells = [row[1:] for row in rows[1:]]
    assert cells == [
        ["altered ×2", "altered", "source"],
        ["source", "misattributed", ""],
        ["tidied verbatim", "", "source"],
        ["tidied", "tidied", "source"],
    ]
    assert rows[1][0].startswith("“we will see who deals better with the situation")
    assert rows[1][0].endswith("Jürgen Klopp")
    assert rows[2][0].endswith("Gian Piero Gasperini")


def test_grid_cells_explain_their_label_on_hover(sdata: dict) -> None:
    html = story_html(sdata, "story-statements")
    table = html[html.index('<table class="grid">') : html.index("</table>")]
    assert re.search(
        r'<a href="#statement-st-gasp"><span class="badge sev-red" title="another outlet credits '
        r'these same words to a different person">misattributed</span></a>',
        table,
    )


def test_each_statement_opens_to_a_row_per_outlet(sdata: dict) -> None:
    html = story_html(sdata, "story-statements")
    assert '<details class="statement" id="statement-st-special" open>' in html
    assert '<details class="statement" id="statement-st-remember">' in html
    special = _details(html, "statement-st-special")
    versions = re.findall(r'<div class="version[^"]*" id="quote-([^"]+)"', special)
    assert versions == ["t7", "p6", "a2", "p7"]
    source = special[: special.index('id="quote-p6"')]
    assert ">fullest version (source)</span>" in source
    assert "carries" not in source
    p6 = special[special.index('id="quote-p6"') : special.index('id="quote-a2"')]
    assert '<span class="coverage">carries 21% of the source</span>' in p6
    assert (
        'speaker as written: “he” <span class="muted">(<span class="speaker">Jürgen Klopp</span>)'
        in p6
    )
    assert "As The Independent printed it" in p6
    # the version with its edits marked, and the edits read source -> reported
    assert re.search(r"special <mark [^>]*>will</mark> have happened", p6)
    rows = [_plain(r) for r in re.findall(r"<tr>(.*?)</tr>", p6, re.S)]
    assert "replace “probably would” → “will” hedge" in rows
    assert "insert nothing → “will” modal" in rows
    assert "delete “and all these kind of things” → nothing cut" in rows


def test_source_passage_shows_what_was_left_out_dimmed(sdata: dict) -> None:
    special = _details(story_html(sdata, "story-statements"), "statement-st-special")
    p6 = special[special.index('id="quote-p6"') : special.index('id="quote-a2"')]
    passage = p6[p6.index('<blockquote class="source">') :]
    passage = passage[: passage.index("</blockquote>")]
    dimmed = re.findall(r'<span class="context"[^>]*>(.*?)</span>', passage, re.S)
    assert len(dimmed) == 2
    assert dimmed[0].startswith("But it is not easy to approach a game")
    assert dimmed[0].endswith("That&#39;s really not easy for them as well, so ")
    assert dimmed[1] == " but I don&#39;t know in this moment if that is possible."
    assert re.search(r"special <del [^>]*>probably would</del> have happened<span", passage)


def test_stitched_version_shows_each_passage(sdata: dict) -> None:
    special = _details(story_html(sdata, "story-statements"), "statement-st-special")
    p7 = special[special.index('id="quote-p7"') :]
    assert p7.count('<blockquote class="source">') == 2
    assert "… elsewhere in the source …" in p7
    assert re.search(r"fight for <mark [^>]*>everything</mark>", p7)


def test_misattributed_version_names_both_speakers(sdata: dict) -> None:
    gasp = _details(story_html(sdata, "story-statements"), "statement-st-gasp")
    a3 = gasp[gasp.index('id="quote-a3"') :]
    assert "speaker as written: “Atalanta captain Marten De Roon”" in a3
    assert (
        '<span class="credits">credits Marten De Roon; the statement is Gian Piero Gasperini’s'
        in a3
    )
    p8 = gasp[gasp.index('id="quote-p8"') : gasp.index('id="quote-a3"')]
    assert 'class="credits"' not in p8 and ">fullest version (source)<" in p8


def test_only_in_one_outlet_is_plain_and_grey(sdata: dict) -> None:
    section = _section(story_html(sdata, "story-statements"), "story-statements")
    listing = section[section.index('<ul class="only-here">') :]
    listing = listing[: listing.index("</ul>")]
    items = re.findall(r'<li id="quote-([^"]+)">(.*?)</li>', listing, re.S)
    assert [qid for qid, _ in items] == ["p10", "t1"]
    assert all('<span class="only">only in this outlet</span>' in body for _, body in items)
    assert "sev-red" not in listing and "unsourced" not in listing
    assert DE_ROON.replace("’", "’") in _plain(items[0][1])
    assert "<details><summary>“What is similar?" in items[1][1]  # a long one folds
    grid = section[section.index('<table class="grid">') : section.index("</table>")]
    assert "Italy will be behind us" not in grid and "What is similar" not in grid


def test_terms_are_listed_never_compared(sdata: dict) -> None:
    section = _section(story_html(sdata, "story-statements"), "story-statements")
    terms = section[section.index("<h2>Quoted terms</h2>") : section.index("<h2>Articles</h2>")]
    assert '“handful” <span class="small muted">in Liverpool FC</span>' in terms
    assert "Quotes not compared" not in section


def test_statement_one_outlet_carries_joins_only_in_one_outlet(sdata: dict) -> None:
    story = sdata["stories"][0]
    story["matches"] = [m for m in story["matches"] if m["quote"] != "a3"]
    gasp = next(s for s in story["statements"] if s["id"] == "st-gasp")
    gasp.update(quotes=["p8"], flags=[], outlets=["The Independent"])
    html = story_html(sdata, "story-statements")
    assert len(_grid(html, "story-statements")) == 4
    listing = _section(html, "story-statements").split('<ul class="only-here">')[1]
    listing = listing[: listing.index("</ul>")]
    assert re.findall(r'<li id="quote-([^"]+)">', listing) == ["p8", "p10", "t1"]
    assert 'id="statement-st-gasp"' not in html


def test_statement_text_is_escaped(sdata: dict) -> None:
    hostile = copy.deepcopy(sdata)
    story = hostile["stories"][0]
    story["statements"][3]["speaker"] = "<script>alert(1)</script>"
    story["statements"][3]["text"] = "<img src=x onerror=alert(2)>"
    hostile["articles"][2]["outlet"] = "<b>PA</b>"
    quote = next(q for q in hostile["quotes"] if q["id"] == "a3")
    quote["speaker_mention"] = '"><script>alert(3)</script>'
    html = every_page(hostile)
    assert "<script" not in html and "<img" not in html and "<b>PA</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;PA&lt;/b&gt;" in html


def test_coverage_reads_as_a_share_of_the_source() -> None:
    def text(label: str, coverage: float) -> str | None:
        match = {"label": label, "labels": [label], "coverage": coverage}
        return Occurrence({"id": "q"}, match, {}).coverage_text

    assert text("trimmed", 0.4) == "carries 40% of the source"
    assert text("verbatim", 1.0) == "carries 100% of the source"
    assert text("trimmed", 0.004) == "carries under 1% of the source"
    assert text("trimmed", 0.0) is None  # a store from before coverage: say nothing
    assert text("source", 1.0) == "fullest version (source)"
    assert text("unsourced", 0.0) == "only in this outlet"


def test_stories_with_flags_come_first(data: dict, sdata: dict) -> None:
    both = copy.deepcopy(data)
    both["stories"][0]["matches"] = []  # the Klopp story of `data` loses its flags
    both["articles"] += [a for a in sdata["articles"] if a["id"] == "art-pa"]
    both["quotes"] += sdata["quotes"]
    both["stories"].append(sdata["stories"][0])
    index = pages(both)["index.html"]
    ids = re.findall(r'<a class="title" href="stories/([^"]+)\.html"', index)
    assert ids == ["story-statements", "story-klopp", "story-atalanta"]


# --- old stores: no statements -------------------------------------------------------------------


def test_without_statements_each_reported_quote_is_a_row(data: dict) -> None:
    html = story_html(data, "story-klopp")
    rows = _grid(html, "story-klopp")
    assert rows[0] == ["statement", "The Independent report", "Liverpool FC transcript"]
    assert [row[1:] for row in rows[1:]] == [["altered", "source"], ["altered", "source"]]
    assert rows[1][0].startswith("“we will see who deals better")
    assert "compared before they existed" in _section(html, "story-klopp")
    row = _details(html, "row-q-1")
    assert re.findall(r'<div class="version[^"]*" id="quote-([^"]+)"', row) == ["q-src", "q-1"]
    assert ">fullest version (source)<" in row
    assert "carries" not in row  # coverage unknown in an old store
    assert re.search(r'<span class="context"[^>]*>But it is not easy', row)


# --- real compare output -------------------------------------------------------------------------


def test_real_compare_output_renders(seed_analysis: Any) -> None:
    data = build_analysis(seed_analysis.articles, seed_analysis.quotes, seed_analysis.stories)
    assert validate_analysis(data) == []
    (story,) = data["stories"]
    html = story_html(data, story["id"])
    section = _section(html, story["id"])
    assert re.search(r'class="badge sev-red"[^>]*>altered<', _h1(html, story["id"]))
    assert "Statements by outlet" in section and ">fullest version (source)<" in section
    assert '<span class="only">only in this outlet</span>' in section
    assert re.search(r"“[^”<]*probably would[^”<]*”<span class=\"arrow\">→</span>“will", section)
    rows = _grid(html, story["id"])
    assert len(rows) > 3 and all(len(row) == 3 for row in rows)
    assert any("altered" in row[1] for row in rows[1:])
    out = _summary(data)
    assert "altered" in out and "only in one outlet" in out and "unsourced" not in out


# --- the terminal summary ------------------------------------------------------------------------


def _summary(data: dict[str, Any], width: int = 120) -> str:
    console = Console(record=True, width=width, color_system=None)
    print_summary(console, data)
    return console.export_text()


def test_summary_flags_then_statements_table(sdata: dict) -> None:
    out = _summary(sdata)
    order = [
        "altered · Klopp and Gasperini before the second leg",
        "altered, stitched  Jürgen Klopp: “we will see who deals better",
        "The Independent altered: ∅ → “will” (modal); “probably would” → “will” (hedge)",
        "misattributed  Gian Piero Gasperini: “We know that",
        "PA Media misattributed: credits Marten De Roon, not Gian Piero Gasperini",
        "statement",
        "2 quotes only in one outlet (The Independent 1, Liverpool FC 1)",
    ]
    at = [out.index(line) for line in order]
    assert at == sorted(at), out
    assert "unsourced" not in out


def test_summary_table_has_a_column_per_outlet(sdata: dict) -> None:
    lines = _summary(sdata, width=160).splitlines()
    header = next(line for line in lines if line.startswith("statement"))
    assert [c.strip() for c in header.split("┃")] == [
        "statement",
        "speaker",
        "The Independent",
        "PA Media",
        "Liverpool FC",
    ]
    rows = [[c.strip() for c in line.split("│")] for line in lines if line.startswith("“")]
    assert [row[2:] for row in rows] == [
        ["altered ×2", "altered", "source"],
        ["source", "misattributed", ""],
        ["tidied, verbatim", "", "source"],
        ["tidied", "tidied", "source"],
    ]


def test_summary_caps_the_statements_table(sdata: dict) -> None:
    story = sdata["stories"][0]
    special = next(s for s in story["statements"] if s["id"] == "st-special")
    extra = [dict(special, id=f"st-copy-{i}") for i in range(STATEMENTS_SHOWN)]
    story["statements"] += extra
    out = _summary(sdata, width=160)
    assert "and 4 more statements" in out
    assert out.count("altered, stitched  Jürgen Klopp") == FLAGS_SHOWN
    assert "and 6 more flagged statements" in out  # 14 flagged: 2 + 12 copies of one


def test_summary_shows_the_flagged_stories_first(sdata: dict) -> None:
    story = sdata["stories"].pop()
    for i in range(7):
        sdata["stories"].append(dict(copy.deepcopy(story), id=f"s{i}", title=f"Story {i}"))
        if i < 3:  # the first three carry no flags
            _unflag(sdata, "st-special", at=i)
            _unflag(sdata, "st-gasp", at=i)
    out = _summary(sdata, width=160)
    assert "7 stories (4 flagged)" in out
    titles = re.findall(r"(altered|no flags) · (Story \d)", out)
    assert titles == [("altered", f"Story {i}") for i in (3, 4, 5, 6)] + [("no flags", "Story 0")]
    assert "and 2 more stories (0 flagged): see the report" in out


def test_summary_prints_article_text_plainly(sdata: dict) -> None:
    sdata["stories"][0]["title"] = "[bold]Klopp[/bold] [/]"
    sdata["articles"][2]["outlet"] = "[red]PA[/red]"
    sdata["stories"][0]["statements"][3]["speaker"] = "[link=http://x]Gasperini[/link]"
    quote = next(q for q in sdata["quotes"] if q["id"] == "p10")
    quote["text"] = "[/] closing tag with nothing open"
    out = _summary(sdata, width=200)
    assert "[bold]Klopp[/bold] [/]" in out
    assert "[red]PA[/red]" in out
    assert "[link=http://x]Gasperini[/link]" in out
    console = Console(record=True, width=200, color_system=None)
    print_quotes(console, sdata)
    assert "[/] closing tag with nothing open" in console.export_text()
