"""The analysis JSON, its schema and the HTML report, on objects built from the two seeds."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from newsprism.model import (
    LABEL_SEVERITY,
    Article,
    Discrepancy,
    DiscrepancyValue,
    Edit,
    Quote,
    QuoteMatch,
    Removed,
    SourceSpan,
    Story,
    WireLink,
)
from newsprism.report import (
    build_analysis,
    load_schema,
    render_html,
    validate_analysis,
    write_analysis,
    write_report,
)
from newsprism.report.html import highlight

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


def test_write_analysis_utf8_unescaped(tmp_path: Path, data: dict[str, Any]) -> None:
    path = write_analysis(tmp_path / "sub" / "analysis.json", data)
    text = path.read_text(encoding="utf-8")
    assert "Jürgen Klopp" in text and "\\u00fc" not in text
    assert json.loads(text) == data
    assert text.startswith('{\n  "version"')


# --- HTML --------------------------------------------------------------------------------------


def test_one_section_per_story(data: dict[str, Any]) -> None:
    html = render_html(data)
    ids = re.findall(r'<section class="story" id="([^"]+)"', html)
    assert ids == ["story-klopp", "story-atalanta"]
    assert "Atalanta &lt;b&gt;not&lt;/b&gt; underestimating" in html
    assert "<b>not</b>" not in html


def test_quote_text_is_escaped(data: dict[str, Any]) -> None:
    hostile = copy.deepcopy(data)
    hostile["quotes"][0]["text"] = '<script>alert("x")</script> ' + Q1
    hostile["quotes"][3]["text"] = "<script>alert(2)</script>"
    html = render_html(hostile)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_edit_words_are_marked(data: dict[str, Any]) -> None:
    html = render_html(data)
    assert re.search(r"<del [^>]*>probably would</del>", html)
    assert re.search(r"<del [^>]*>congratulations and</del>", html)
    # the changed "will" is the one before "have happened", not the first "will" of the quote
    assert re.search(r"special <mark [^>]*>will</mark> have happened", html)
    assert "We will see" in html
    assert re.search(r"fight for <mark [^>]*>everything</mark>", html)
    assert re.search(r"fight for <del [^>]*>everyone</del>", html)


def test_edits_table_and_badges(data: dict[str, Any]) -> None:
    html = render_html(data)
    assert '<table class="edits">' in html
    assert re.search(r"“will”<span class=\"arrow\">→</span>“probably would”", html)
    assert re.search(r'<span class="badge sev-red"[^>]*>altered</span>', html)
    assert re.search(r'<span class="badge sev-orange"[^>]*>stitched</span>', html)
    assert re.search(r'<span class="badge sev-grey"[^>]*>source</span>', html)


def test_source_passages_beside_quote(data: dict[str, Any]) -> None:
    html = render_html(data)
    block = html[html.index('id="quote-q-2"') :]
    block = block[: block.index('id="quote-q-src"')]
    assert block.count('<blockquote class="source"') == 2
    assert "Source: Liverpool FC" in block
    assert "elsewhere in the source" in block


def test_removed_pieces_in_details(data: dict[str, Any]) -> None:
    html = render_html(data)
    assert "<details>\n    <summary>Removed 5 pieces</summary>" in html
    assert "<summary>Removed 4 pieces</summary>" in html
    assert "You have to accept cookies in order to view this content on our site." in html
    assert "(cookie notice)" in html


def test_continuation_unmatched_wire_and_discrepancies(data: dict[str, Any]) -> None:
    html = render_html(data)
    assert re.search(r'<a class="continues" href="#quote-q-1"[^>]*>↳ continues', html)
    assert "Quotes not compared" in html and "if not the most important" in html
    assert "93% of its words found there" in html
    assert "the first-leg deficit" in html and "three-goal" in html


def test_only_web_urls_are_linked(data: dict[str, Any]) -> None:
    html = render_html(data)
    assert 'href="https://www.independent.co.uk/' in html
    assert "javascript:" not in html


def test_counts_in_header(data: dict[str, Any]) -> None:
    html = render_html(data)
    header = html[: html.index("<main>")]
    for count, word in [(2, "stories"), (3, "articles"), (4, "quotes"), (3, "labelled")]:
        assert f"<strong>{count}</strong> {word}" in header


def test_highlight_without_hits_only_escapes() -> None:
    quote_html, spans = highlight(
        "a <b> c", ["x & y"], [dict(op="replace", reported="zz", source="qq", kind="content")]
    )
    assert str(quote_html) == "a &lt;b&gt; c"
    assert [str(s) for s in spans] == ["x &amp; y"]


def test_write_report_writes_both_files(tmp_path: Path, objects: tuple) -> None:
    out = tmp_path / "nested" / "report"
    json_path, html_path = write_report(out, *objects)
    assert (json_path, html_path) == (out / "analysis.json", out / "index.html")
    written = json.loads(json_path.read_text(encoding="utf-8"))
    assert written == build_analysis(*objects)
    assert validate_analysis(written) == []
    html = html_path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html == render_html(written)
    assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(css|js)"', html)
