"""User strings reach the terminal as plain text: no rich markup applied or failing, no escape
codes or control characters passed through, no line forged by a newline in a name."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPORT_SEED

from newsprism import cli
from newsprism.cli import main
from newsprism.terminal import printable, printable_json

ESC = "\x1b"
OSC_LINK = f"{ESC}]8;;http://evil.example\x07click{ESC}]8;;\x07"
C1_CSI = "\x9b"
BIDI_OVERRIDE = "\u202e"
FORGED = "error: forged"
# Bytes no printed line may carry: escape, bell, C1 CSI, a bidi override.
RAW_CONTROLS = (ESC, "\x07", C1_CSI, BIDI_OVERRIDE)


@pytest.fixture(autouse=True)
def wide_console(monkeypatch):
    """Wide enough that no table cell or path is wrapped, so printed strings can be sought."""
    monkeypatch.setattr(cli.console, "_width", 1000)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _record(number: int, outlet: str) -> dict[str, str]:
    return {
        "id": f"hostile-{number}",
        "source": outlet,
        "date": f"2024-01-0{number + 1}",
        "title": f"Minister [link=http://evil.example]resigns[/link] over budget\n{FORGED}",
        "text": (
            "The minister resigned on Monday after a row over the budget. "
            '"We will not accept this [/bold] budget [red]ever[/red]," said Jane Smith, '
            "the opposition leader.\n"
            f'Smith added that the vote would go ahead. "The vote goes ahead{ESC}[31m on '
            f'Tuesday{C1_CSI}2J {BIDI_OVERRIDE}today," she said.\n'
            "Officials declined to comment on the budget row."
        ),
    }


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.jsonl"
    outlets = ["Daily [red]Red[/red]", f"Wire{ESC}[2J{OSC_LINK}"]
    lines = [json.dumps(_record(n, outlet)) for n, outlet in enumerate(outlets)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _assert_plain(printed: str) -> None:
    for control in RAW_CONTROLS:
        assert control not in printed
    assert not any(line.startswith(FORGED) for line in printed.splitlines())


def test_printable_keeps_text_and_length():
    text = "Jürgen Klopp: “we’ll see” 🙂 [bold]x[/bold]"
    assert printable(text) == text
    hostile = f"a\nb{ESC}[31mc{C1_CSI}d{BIDI_OVERRIDE}e\tf\ud800"
    shown = printable(hostile)
    assert shown == "a␊b␛[31mc\ufffdd\ufffde f\ufffd"
    assert len(shown) == len(hostile)


def test_printable_json_is_the_same_json():
    data = {"text": f"a{C1_CSI}b{BIDI_OVERRIDE}c\ud800 é{ESC}"}
    text = printable_json(json.dumps(data, ensure_ascii=False))
    assert not any(control in text for control in RAW_CONTROLS)
    assert "é" in text
    assert json.loads(text) == data


@pytest.mark.parametrize("command", ["summary", "quotes", "compare", "clean"])
def test_article_text_prints_as_written(tmp_path, hostile, command):
    if command == "summary":
        args = ["analyze", str(hostile), "--db", str(tmp_path / "n.db")]
        args += ["--out", str(tmp_path / "report"), "--verbose"]  # the per-story detail
    else:
        args = [command, str(hostile)]
    result = run(*args)
    assert result.exit_code == 0, result.output
    _assert_plain(result.output)
    assert "this [/bold] budget [red]ever" in result.output
    assert "resigns[/link] over budget␊error: forged" in result.output
    assert "goes ahead␛[31m on Tuesday" in result.output
    if command in ("summary", "compare"):  # these name the outlets
        assert "Daily [red]Red[/red]" in result.output
        assert "Wire␛[2J␛]8;;http://evil.example␇click" in result.output


def test_json_output_is_escaped(hostile):
    result = run("compare", "--json", str(hostile))
    assert result.exit_code == 0
    _assert_plain(result.stdout)
    assert "\\u009b" in result.stdout and "\\u202e" in result.stdout
    texts = [q["text"] for q in json.loads(result.stdout)["quotes"]]
    assert any(C1_CSI in text for text in texts)  # the same JSON, only escaped


def test_markup_in_store_path(tmp_path):
    folder = tmp_path / "[/bold]"
    result = run(
        "analyze", str(REPORT_SEED), "--db", str(folder / "n.db"), "--out", str(tmp_path / "r")
    )
    assert result.exit_code == 0, result.output
    assert f"Store: {folder / 'n.db'}" in result.output


def test_error_line_cannot_be_forged(tmp_path):
    name = f"bad\n{FORGED}{ESC}[31m.txt"
    (tmp_path / name).write_bytes(b"")
    result = run("quotes", str(tmp_path / name), str(REPORT_SEED))
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith("error: ")
    assert f"bad\\n{FORGED}\\x1b[31m.txt" in errors[0]  # the name as spelled, escaped
    _assert_plain(result.stderr)
