"""Property tests over every reader (issue 15): whatever bytes, JSON, JSON lines or HTML a
file holds, reading it never raises, and every record in ends as a Document or an InputError
out (warnings aside): nothing dropped. The documents read go through process_document, which
may refuse one (ExtractionError) but never raises anything else."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.extract import ExtractionError
from newsprism.ingest import InputError, InputWarning, read_path
from newsprism.ingest.readers import JSON_FIELDS
from newsprism.model import Document
from newsprism.pipeline import process_document

READ_ONLY = settings(
    max_examples=60, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)
PROCESSED = settings(
    max_examples=25, deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow]
)

# Any character, lone surrogates, NUL and controls included.
any_text = st.text(st.characters(codec=None, categories=None), max_size=80)
words = st.lists(
    st.sampled_from(["The", "mayor", "said", "“We will”", '"vote"', "on", "budget", ".", "\n"]),
    max_size=60,
).map(" ".join)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text | words
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)
field_names = st.sampled_from([n for names in JSON_FIELDS.values() for n in names] + ["id"])
records = st.dictionaries(field_names, json_values, max_size=6) | json_values


@contextmanager
def file_holding(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        yield path


def read(name: str, data: bytes) -> tuple[list[Document], list[InputError]]:
    """Documents and errors (warnings aside) read from a file `name` holding `data`."""
    with file_holding(name, data) as path:
        items = list(read_path(path))
    documents = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError) and not isinstance(i, InputWarning)]
    assert len(documents) + len(errors) + count_warnings(items) == len(items)
    for document in documents:
        for value in (document.source, document.content, document.title or ""):
            assert "\x00" not in value
            value.encode("utf-8")  # storable and printable: no lone surrogate
    for error in errors:
        assert "\n" not in str(error) and error.reason
    return documents, errors


def count_warnings(items: list[Any]) -> int:
    return sum(isinstance(i, InputWarning) for i in items)


def processes_or_refuses(document: Document) -> None:
    with suppress(ExtractionError):
        process_document(document)


@READ_ONLY
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.txt", "a.html", "a.jsonl"]))
def test_any_bytes_give_documents_or_named_errors(data: bytes, name: str) -> None:
    documents, errors = read(name, data)
    assert documents or errors


@READ_ONLY
@given(
    rows=st.lists(records, min_size=1, max_size=8),
    end=st.sampled_from(["\n", "\r\n", "\n\n"]),
    ascii_only=st.booleans(),
)
def test_every_json_line_is_a_document_or_an_error(
    rows: list[Any], end: str, ascii_only: bool
) -> None:
    text = "".join(json.dumps(r, ensure_ascii=ascii_only) + end for r in rows)
    # Raw (not escaped) lone surrogates cannot be written as UTF-8 at all: '?' instead.
    documents, errors = read("a.jsonl", text.encode("utf-8", "replace"))
    assert len(documents) + len(errors) == len(rows)


@READ_ONLY
@given(
    rows=st.lists(records, min_size=1, max_size=8), encoding=st.sampled_from(["utf-8", "utf-16"])
)
def test_every_item_of_a_json_array_is_a_document_or_an_error(
    rows: list[Any], encoding: str
) -> None:
    documents, errors = read("a.json", json.dumps(rows).encode(encoding))
    assert len(documents) + len(errors) == len(rows)


@READ_ONLY
@given(data=st.binary(max_size=400), cut=st.integers(0, 400))
def test_broken_json_lines_never_lose_a_line(data: bytes, cut: int) -> None:
    good = json.dumps({"id": "good", "text": "The mayor said it."}).encode()
    lines = [good, data.replace(b"\n", b" ").replace(b"\r", b" "), good[:cut]]
    text = b"\n".join(lines) + b"\n"
    with file_holding("a.jsonl", text) as path:
        items = list(read_path(path))
        if len(items) == 1 and items[0].source == str(path):
            return  # the file as a whole was refused (not UTF-8, binary): one named error
    out = [i for i in items if not isinstance(i, InputWarning)]
    # A line's leading byte-order mark is no content ('cat' of files saved with one).
    lines_read = (line.removeprefix(b"\xef\xbb\xbf") for line in text.split(b"\n"))
    assert len(out) == sum(1 for line in lines_read if line.strip(b" \t\r"))


html_pages = st.recursive(
    words | any_text,
    lambda inner: st.builds(
        "<{0}>{1}</{0}>".format,
        st.sampled_from(["p", "div", "article", "h1", "title", "script", "a", "table", "q"]),
        st.lists(inner, max_size=4).map("".join),
    ),
    max_leaves=20,
)


@PROCESSED
@given(page=html_pages)
def test_any_html_reads_and_processes_or_is_refused(page: str) -> None:
    data = f"<html><body>{page}</body></html>".encode("utf-8", "surrogatepass")
    documents, errors = read("a.html", data)
    assert len(documents) + len(errors) == 1
    for document in documents:
        processes_or_refuses(document)


@PROCESSED
@given(rows=st.lists(records, min_size=1, max_size=4))
def test_json_records_read_and_process_or_are_refused(rows: list[Any]) -> None:
    documents, _ = read("a.jsonl", "\n".join(json.dumps(r) for r in rows).encode())
    for document in documents:
        processes_or_refuses(document)


@READ_ONLY
@given(sidecar=st.binary(max_size=600) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_sidecar_gives_the_document_or_one_named_error(sidecar: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "a.txt.meta.json").write_bytes(sidecar)
        Path(folder, "a.txt").write_text("Title\nThe mayor said it.\n")
        items = [i for i in read_path(Path(folder, "a.txt")) if not isinstance(i, InputWarning)]
    assert len(items) == 1
    if isinstance(items[0], InputError):
        assert items[0].reason.startswith("bad metadata file a.txt.meta.json: ")
    else:
        for value in (items[0].outlet, items[0].url, items[0].published):
            assert value is None or (value.encode("utf-8") and "\x00" not in value)


@READ_ONLY
@given(name=any_text, reason=any_text)
def test_an_error_line_is_one_printable_line_whatever_the_name(name: str, reason: str) -> None:
    line = str(InputError(name, reason))
    assert line.isprintable()
    line.encode("utf-8")
