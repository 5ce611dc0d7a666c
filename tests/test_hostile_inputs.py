"""Issue 15, the readers: every hostile input gives documents and named errors as its case
says, never an exception; nothing is dropped or merged silently."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import BODY, CASES, Hostile, text_file, write, write_corpus

from newsprism.cli import main
from newsprism.ingest import InputError, InputWarning, expand_paths, read_documents, read_path
from newsprism.model import Document
from newsprism.store import Store


def outcome(items: list) -> tuple[list[Document], list[InputError], list[InputWarning]]:
    documents = [i for i in items if isinstance(i, Document)]
    warnings = [i for i in items if isinstance(i, InputWarning)]
    errors = [i for i in items if isinstance(i, InputError) and not isinstance(i, InputWarning)]
    assert len(documents) + len(errors) + len(warnings) == len(items)
    return documents, errors, warnings


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_gives_what_its_case_says(tmp_path: Path, case: Hostile) -> None:
    path = case.make(tmp_path)
    documents, errors, warnings = outcome(list(read_documents([str(path)])))
    assert len(documents) == case.documents
    assert len(warnings) == case.warnings
    assert len(errors) == len(case.errors), [str(e) for e in errors]
    for error, reason in zip(errors, case.errors, strict=True):
        assert reason in error.reason
    for document in documents:  # every later stage can store and print it
        for value in (document.source, document.content, document.title or ""):
            value.encode("utf-8")
            assert "\x00" not in value


def test_whole_corpus_through_analyze_one_line_each_nothing_lost(tmp_path: Path) -> None:
    made = write_corpus(tmp_path / "in")
    result = CliRunner().invoke(
        main,
        ["analyze", *(str(p) for _, p in made), "--db", str(tmp_path / "n.db"),
         "--out", str(tmp_path / "out")],
    )  # fmt: skip
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    expected_errors = sum(len(c.errors) for c, _ in made)
    expected_warnings = sum(c.warnings for c, _ in made)
    assert sum(line.startswith("error: ") for line in lines) == expected_errors
    assert sum(line.startswith(("warning: ", "note: ")) for line in lines) == expected_warnings
    assert all(line.startswith(("error: ", "warning: ", "note: ")) for line in lines), lines
    assert "\x1b" not in result.stderr
    with Store(str(tmp_path / "n.db")) as store:
        assert len(store.articles()) == sum(c.documents for c, _ in made)


def test_repeated_id_names_both_lines_and_keeps_the_first(tmp_path: Path) -> None:
    (tmp_path / "ids.jsonl").write_text(
        '{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n{"id": "a", "text": "3."}\n'
    )
    documents, errors, _ = outcome(list(read_path(tmp_path / "ids.jsonl")))
    assert [d.content for d in documents] == ["One.", "Two."]
    assert errors[0].source == f"{tmp_path / 'ids.jsonl'}:3"
    assert "same id as line 1 ('a')" in errors[0].reason


def test_a_repeated_url_or_a_place_taken_as_an_id_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        '[{"id": "item 2", "text": "A."}, {"text": "B."},'
        ' {"url": "https://x/1", "text": "C."}, {"url": "https://x/1", "text": "D."}]'
    )
    documents, errors, _ = outcome(list(read_path(path)))
    assert [d.content for d in documents] == ["A.", "C."]
    reasons = [e.reason for e in errors]
    assert reasons[0].startswith("same place as item 1 ('item 2')")
    assert reasons[1].startswith("same url as item 3 ('https://x/1')")


def test_lone_surrogate_is_replaced_and_said(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "x\\udc00", "title": "A \\ud800 b", "text": "Body."}\n')
    warning, document = read_path(path)
    assert isinstance(warning, InputWarning) and "2 invalid character(s)" in warning.reason
    assert document.title == "A \ufffd b" and document.source.endswith("#x\ufffd")


def test_a_huge_integer_is_kept_where_it_does_no_harm(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": ' + "9" * 5000 + ', "text": "Body."}\n')
    document = next(iter(read_path(path)))
    assert document.source == f"{path}#{'9' * 5000}"


def test_one_file_by_relative_absolute_and_linked_path_is_one_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.txt", text_file())
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    given = ["../a.txt", str(tmp_path / "a.txt"), "../link.txt", "..", "../*.txt"]
    files, errors = expand_paths(given)
    assert files == [(tmp_path / "a.txt").resolve()] and not errors


def test_same_file_twice_across_runs_is_stored_once(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "a.txt", text_file())
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "n.db")
    for given in ("a.txt", str(tmp_path / "a.txt")):
        result = CliRunner().invoke(main, ["analyze", given, "--db", db, "--out", "out"])
        assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert len(store.articles()) == 1


def test_a_store_that_named_inputs_as_typed_keeps_them_once(tmp_path: Path, monkeypatch) -> None:
    """A store written before inputs were named by resolved path (a relative path, a JSON
    record under it): the next run over the same files renames them, and stores nothing twice."""
    write(tmp_path, "a.txt", text_file())
    (tmp_path / "b.jsonl").write_text('{"id": "r#1", "title": "T", "text": "A body."}\n')
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "n.db")
    given = ["a.txt", "b.jsonl"]
    assert CliRunner().invoke(main, ["analyze", *given, "--db", db, "--out", "o"]).exit_code == 0
    with Store(db) as store, store.conn:
        for table in ("inputs", "articles"):  # as the older version stored them
            store.conn.execute(
                f"UPDATE {table} SET source = replace(source, ?, '')", (f"{tmp_path}/",)
            )
        assert sorted(store.relative_sources()) == ["a.txt", "b.jsonl#r#1"]
    result = CliRunner().invoke(main, ["analyze", *given, "--db", db, "--out", "o"])
    assert result.exit_code == 0, result.output
    assert "0 new or changed, 2 unchanged" in result.output
    with Store(db) as store:
        assert sorted(a.source for a in store.articles()) == [
            f"{tmp_path}/a.txt",
            f"{tmp_path}/b.jsonl#r#1",
        ]


def test_fifo_given_directly_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    (error,) = read_path(tmp_path / "pipe.jsonl")  # would block forever if opened to read
    assert error.reason == "not a regular file (a FIFO)"


def test_device_is_not_a_regular_file() -> None:
    (error,) = read_documents(["/dev/null"])
    assert error.reason == "not a regular file (a character device)"


def test_names_in_error_lines_cannot_split_or_drive_the_terminal() -> None:
    error = InputError("dir/evil\nerror: forged\x1b[31m\u202e.txt", "bad\rreason")
    assert str(error) == "dir/evil\\nerror: forged\\x1b[31m\\u202e.txt: bad\\rreason"


def test_file_name_bytes_not_utf8_give_a_storable_source(tmp_path: Path) -> None:
    path = write(tmp_path, b"caf\xe9.txt", text_file())
    (document,) = read_documents([str(tmp_path)])
    assert document.source == str(path.parent / "caf\\xe9.txt")


def test_utf16_html_with_bom_is_read(tmp_path: Path) -> None:
    page = f"<html><body><p>{BODY}</p></body></html>"
    path = write(tmp_path, "p.html", b"\xff\xfe" + page.encode("utf-16-le"))
    (document,) = read_path(path)
    assert document.content == page


def described(item: Document | InputError) -> str:
    return f"document {item.source}" if isinstance(item, Document) else f"error: {item}"


def read_as_user_nobody(folder: Path) -> list[str]:
    """(kind, source) of what reading `folder` gives, read as user 'nobody' when we are root
    (root reads any folder, chmod 000 or not): in a forked child, so nothing is exec'd."""
    if os.geteuid() != 0:
        return [described(i) for i in read_documents([str(folder)])]
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            seen = [described(i) for i in read_documents([str(folder)])]
            os.write(writer, "\n".join(seen).encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as handle:
        output = handle.read().decode()
    os.waitpid(child, 0)
    return output.splitlines()


def test_unreadable_folder_is_named(tmp_path: Path) -> None:
    root = Path(tempfile.mkdtemp())  # outside pytest's root-only tmp folder
    try:
        os.chmod(root, 0o755)
        write(root, "good.txt", text_file())
        (root / "locked").mkdir()
        write(root / "locked", "hidden.txt", text_file())
        os.chmod(root / "locked", 0)
        seen = read_as_user_nobody(root)
    finally:
        os.chmod(root / "locked", 0o755)
        shutil.rmtree(root)
    assert seen == [
        f"error: {root / 'locked'}: cannot read folder: Permission denied",
        f"document {root / 'good.txt'}",
    ]


def test_a_link_back_up_the_tree_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", text_file())
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "up")
    os.symlink(tmp_path / "sub", tmp_path / "sub" / "again")
    files, errors = expand_paths([str(tmp_path)])
    assert files == [tmp_path / "a.txt"] and not errors


def test_a_broken_pretty_printed_json_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[\n  {"id": "a", "text": "One."},\n  {"id": "b", "text": "Two."\n]\n')
    (error,) = read_path(path)
    assert error.source == str(path) and error.reason.startswith("invalid JSON: ")


def test_json_lines_in_a_json_file_are_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        '{"id": "a", "text": "One."}\n{"id": "b", "text": \n{"id": "c", "text": "3."}\n'
    )
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[1].source == f"{path}:2"


def test_a_file_named_like_a_glob_is_that_file(tmp_path: Path) -> None:
    write(tmp_path, "a[1].txt", text_file("Bracketed"))
    write(tmp_path, "a1.txt", text_file("Plain"))
    (document,) = read_documents([str(tmp_path / "a[1].txt")])
    assert document.title == "Bracketed"


def test_an_empty_path_is_not_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "a.txt", text_file())
    monkeypatch.chdir(tmp_path)
    (error,) = read_documents([""])
    assert str(error) == "'': empty path (an argument with no characters)"


def test_files_of_other_kinds_in_a_folder_are_counted_not_read(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", text_file())
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4 x")
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    (tmp_path / "a.txt.meta.json").write_text('{"outlet": "X"}')
    files, problems = expand_paths([str(tmp_path)])
    assert files == [(tmp_path / "a.txt").resolve()]
    assert [type(p) for p in problems] == [InputWarning]
    assert problems[0].reason == "2 files of other kinds left alone (.md 1, .pdf 1)"
