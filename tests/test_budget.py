"""The per-input budget (issue 15): an input that needs more work than any article is a
named InputError, and the run goes on with the next."""

from __future__ import annotations

import pytest

from newsprism.budget import DEFAULT_INPUT_SECONDS, INPUT_SECONDS_ENV, MAX_QUOTES, input_seconds
from newsprism.ingest import InputError
from newsprism.model import Document
from newsprism.pipeline import process_all

GOOD = Document(
    source="good.txt",
    title="Bridge opens",
    content="“It is a great day for the town,” said Mayor Ann Lee at the opening.",
)


def run(*documents: Document) -> tuple[list[str], list[InputError]]:
    errors: list[InputError] = []
    processed = process_all(documents, errors.append)
    return [p.document.source for p in processed], errors


def test_too_many_quotes_is_a_named_error_and_the_run_goes_on() -> None:
    line = " ".join(f"“w{n}”" for n in range(MAX_QUOTES + 1))
    flood = Document(source="flood.txt", title="Flood", content=line)
    done, errors = run(flood, GOOD)
    assert done == ["good.txt"]
    assert [str(e) for e in errors] == [
        f"flood.txt: too many quotes ({MAX_QUOTES + 1:,}; at most {MAX_QUOTES:,})"
    ]


def test_an_input_over_its_time_limit_is_a_named_error(monkeypatch) -> None:
    monkeypatch.setenv(INPUT_SECONDS_ENV, "1e-9")  # any work at all is over
    done, errors = run(GOOD)
    assert done == []
    assert len(errors) == 1 and errors[0].source == "good.txt"
    assert errors[0].reason.startswith("took longer than 1e-09 s (in ")


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [
        ("", DEFAULT_INPUT_SECONDS),
        ("x", DEFAULT_INPUT_SECONDS),
        ("-3", DEFAULT_INPUT_SECONDS),
        ("2.5", 2.5),
    ],
)
def test_the_time_limit_is_read_from_the_environment(monkeypatch, raw: str, seconds: float) -> None:
    monkeypatch.setenv(INPUT_SECONDS_ENV, raw)
    assert input_seconds() == seconds
