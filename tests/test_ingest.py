import json
from pathlib import Path

import pytest
from conftest import REPORT_SEED

from newsprism.extract import ExtractionError, extract_html
from newsprism.ingest import InputError, InputWarning, Metadata, read_documents, read_path
from newsprism.model import Document


def only(items):
    items = list(items)
    assert len(items) == 1
    return items[0]


def test_text_file_title_and_paragraphs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "\nHeadline here\n\nFirst paragraph.\n\n\nSecond paragraph.\n", encoding="utf-8"
    )
    document = only(read_path(path))
    assert document.title == "Headline here"
    assert [line for line in document.content.splitlines() if line] == [
        "First paragraph.",
        "Second paragraph.",
    ]
    assert document.source == str(path)


def test_sidecar_and_flags(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\nBody text.\n", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps(
            {"outlet": "The Paper", "url": "https://paper.example/a", "published": "2024-04-17"}
        )
    )
    document = only(read_path(path))
    assert (document.outlet, document.url, document.published) == (
        "The Paper",
        "https://paper.example/a",
        "2024-04-17",
    )
    overridden = only(read_path(path, Metadata(outlet="Other")))
    assert overridden.outlet == "Other" and overridden.url == "https://paper.example/a"


def test_folder_skips_sidecars_and_unknown_files(tmp_path):
    (tmp_path / "a.txt").write_text("T\nB\n")
    (tmp_path / "a.txt.meta.json").write_text("{}")
    (tmp_path / "notes.md").write_text("x")
    items = list(read_documents([str(tmp_path)]))
    assert [d.source for d in items if isinstance(d, Document)] == [str(tmp_path / "a.txt")]
    assert [str(w) for w in items if isinstance(w, InputWarning)] == [
        f"{tmp_path}: 1 file of other kinds left alone (.md 1)"
    ]


def test_a_glob_skips_sidecars_of_the_files_it_matches(tmp_path):
    (tmp_path / "a.txt").write_text("T\nB\n")
    (tmp_path / "a.txt.meta.json").write_text('{"outlet": "Paper"}')
    (tmp_path / "b.html").write_text("<title>T</title><p>B</p>")
    (tmp_path / "b.meta.json").write_text("{}")
    (tmp_path / "lone.meta.json").write_text('{"text": "A JSON article of its own."}')
    documents = list(read_documents([str(tmp_path / "*")]))
    names = sorted(Path(d.source).name for d in documents)
    assert names == ["a.txt", "b.html", "lone.meta.json#item 1"]
    assert not any(isinstance(d, InputError) for d in documents)


def test_json_lines_crawler_fields(tmp_path):
    path = tmp_path / "crawl.jsonl"
    rows = [
        {
            "id": "x1",
            "title": "T1",
            "maintext": "Body one.",
            "date_publish": "2024-01-02 10:00:00",
            "source_domain": "news.example",
            "url": "https://news.example/1",
        },
        {"url": "https://other.example/2", "title": "T2", "text": "Body two.", "source": "Other"},
        {"title": "T3", "text": "Body three."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    first, second, third = read_path(path)
    assert first.source == f"{path}#x1"
    assert (first.title, first.content, first.outlet) == ("T1", "Body one.", "news.example")
    assert first.published.startswith("2024-01-02")
    assert second.source == f"{path}#https://other.example/2" and second.outlet == "Other"
    assert third.source == f"{path}#3"


def test_json_array_file(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"id": 7, "title": "T", "text": "Body."}]))
    assert only(read_path(path)).source == f"{path}#7"


def test_html_metadata_through_trafilatura():
    page = (
        "<html><head><title>Bridge opens | The Paper</title>"
        "<meta property='og:title' content='Bridge opens'>"
        "<meta property='og:site_name' content='The Paper'>"
        "<meta property='article:published_time' content='2024-04-17T09:00:00Z'>"
        "<link rel='canonical' href='https://paper.example/bridge'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Bridge opens</h1>"
        "<p>The new bridge over the river opened to traffic on Wednesday morning after three "
        "years of building work.</p><p>“It is a great day for the town,” said the mayor, "
        "Ann Lee, who cut the ribbon at the ceremony.</p></article></body></html>"
    )
    document = extract_html(Document(source="p.html", content=page, format="html"))
    assert document.format == "text"
    assert document.title == "Bridge opens"
    assert document.outlet == "The Paper"
    assert document.published == "2024-04-17"
    assert document.url == "https://paper.example/bridge"
    assert document.content.splitlines()[0].startswith("The new bridge")


def test_html_without_text_is_an_error():
    with pytest.raises(ExtractionError):
        extract_html(Document(source="e.html", content="<html><body></body></html>", format="html"))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "PNG image is not supported"),
        ("binary.txt", b"\x01\x02\x03\x00\x05\x06" * 10, "binary file"),
        ("latin1.txt", "Caf\u00e9 cr\u00e8me\nBody".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_files_give_named_errors(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    error = only(read_path(path))
    assert isinstance(error, InputError)
    assert error.source == str(path) and reason in error.reason


def test_huge_file_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    error = only(read_path(path))
    assert isinstance(error, InputError) and "too large" in error.reason


def test_broken_json_line_is_named_and_others_read(tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text(
        '{"id": "a", "title": "T", "text": "Body."}\n{"id": "b", "title": \n'
        '{"id": "c", "title": "T", "text": "Body."}\n'
    )
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[1].source == f"{path}:2" and "invalid JSON" in items[1].reason


def test_json_lines_past_the_file_limit_are_streamed_and_bad_lines_named(tmp_path, monkeypatch):
    """A crawler's dump is larger than one document may be: it is read line by line, each line
    bounded like a document; a broken, undecodable or overlong line is named, the rest read."""
    monkeypatch.setattr("newsprism.ingest.readers.MAX_INPUT_BYTES", 400)
    good = [json.dumps({"id": f"r{n}", "title": "T", "text": f"Body {n}."}) for n in range(30)]
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        "\n".join(good[:10]).encode()
        + b'\n{"id": "x", "title": \n'
        + b'{"id": "y", "text": "caf\xe9"}\n'
        + b'{"id": "z", "text": "' + b"long " * 200 + b'"}\n\n'
        + "\n".join(good[10:]).encode()
    )
    assert path.stat().st_size > 400
    items = list(read_path(path))
    documents = [i for i in items if isinstance(i, Document)]
    errors = {e.source: e.reason for e in items if isinstance(e, InputError)}
    assert [d.source for d in documents] == [f"{path}#r{n}" for n in range(30)]
    assert set(errors) == {f"{path}:11", f"{path}:12", f"{path}:13"}
    assert "invalid JSON" in errors[f"{path}:11"]
    assert "not valid UTF-8" in errors[f"{path}:12"]
    assert "line too large" in errors[f"{path}:13"]
    monkeypatch.undo()  # under the usual limit the long line is a record like the others
    sources = [i.source for i in read_path(path) if isinstance(i, Document)]
    assert sources == [d.source for d in documents[:10]] + [f"{path}#z"] + sources[11:]


def test_missing_path_is_an_error(tmp_path):
    error = only(read_documents([str(tmp_path / "nope.txt")]))
    assert isinstance(error, InputError) and "no such file" in error.reason


def test_seed_reads_as_title_and_body():
    document = only(read_path(REPORT_SEED))
    assert document.title.startswith("Jurgen Klopp hopes")
    assert document.outlet == "The Independent"


def write(path, data: bytes):
    path.write_bytes(data)
    return path


PAGE = (
    "<html><head><meta charset='utf-8'><title>Budget vote</title></head><body><article>"
    "<h1>Budget vote</h1>"
    + "".join(
        f"<p>Paragraph {i}: the council debated the budget for a long time and agreed on "
        "the main points of the plan.</p>"
        for i in range(8)
    )
    + "</article></body></html>"
)


def test_html_declared_utf8_but_latin1_is_decoded(tmp_path):
    path = write(tmp_path / "p.html", PAGE.replace("Paragraph", "Parágrafo").encode("latin-1"))
    document = extract_html(only(read_path(path)))
    assert "Parágrafo 0: the council" in document.content


@pytest.mark.parametrize(
    ("name", "html"),
    [
        ("truncated.html", PAGE[: len(PAGE) // 2]),
        (
            "broken.html",
            "<html><body><div><p>Unclosed <b>tags <i>and <table><tr><td>cell"
            + "<p>the council debated the budget plan " * 20
            + "</span></div></html></html>",
        ),
    ],
)
def test_broken_html_still_gives_text(tmp_path, name, html):
    path = write(tmp_path / name, html.encode())
    document = extract_html(only(read_path(path)))
    assert "council" in document.content


def test_html_without_text_or_too_deep_is_a_named_error(tmp_path):
    for name, html in (
        ("script.html", "<html><body><script>var x = 1;</script></body></html>"),
        ("deep.html", "<div>" * 100_000 + "deep text" + "</div>" * 100_000),
    ):
        document = only(read_path(write(tmp_path / name, html.encode())))
        with pytest.raises(ExtractionError):
            extract_html(document)


def test_gigantic_html_refused(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.write(b"<html><body><p>" + b"word " * 1000 + b"</p>")
        handle.truncate(50 * 1024 * 1024)
    error = only(read_path(path))
    assert isinstance(error, InputError) and "too large" in error.reason
