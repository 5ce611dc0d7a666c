"""Read input files into Documents. Every failure is an InputError naming the file (and line)
and the reason; one bad file or line never stops the others, and every record of a file ends
as a Document or an InputError (never dropped, never merged with another)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from newsprism.extract import bom_encoding
from newsprism.ingest.archives import read_archive
from newsprism.ingest.decoding import (
    MAX_INPUT_BYTES,
    SNIFF_BYTES,
    Replacements,
    decode_page,
    decode_text,
    open_regular,
    read_bytes,
    refuse_binary_formats,
)
from newsprism.ingest.errors import (
    InputError,
    InputProblem,
    InputWarning,
    read_failure,
    shortened,
)
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.paths import (
    ARCHIVE_SUFFIXES,
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    SIDECAR_SUFFIX,
    SUPPORTED_SUFFIXES,
    expand_paths,
    input_suffix,
    source_name,
)
from newsprism.model import Document, DocumentFormat

__all__ = [
    "MAX_INPUT_BYTES",
    "SUPPORTED_SUFFIXES",
    "InputError",
    "InputWarning",
    "Metadata",
    "expand_paths",
    "read_documents",
    "read_path",
]

# Field names used by common crawlers (news-please, CC-News, Common Crawl derivatives).
JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "content": ("maintext", "text", "content", "body", "article", "article_text"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "standfirst": ("description", "standfirst", "summary_text", "subtitle"),
    "url": ("url", "link", "canonical_url"),
    "published": ("date_publish", "date", "published", "publish_date", "published_at",
                  "datePublished", "pubdate"),
    "outlet": ("source_domain", "source", "outlet", "site_name", "sitename", "publisher",
               "domain"),
}  # fmt: skip
JSON_WHITESPACE = " \t\r"
JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}  # a .json file may be one document: read whole
UTF8_BOM = b"\xef\xbb\xbf"
METADATA = ("title", "standfirst", "url", "published", "outlet")
JSON_TYPE_NAMES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "true or false"),
    ((int, float, Decimal), "a number"),
    (dict, "an object"),
    (list, "a list"),
    (type(None), "null"),
)


@dataclass(frozen=True)
class Metadata:
    """What the user tells us about inputs (command-line flags or a sidecar file)."""

    outlet: str | None = None
    url: str | None = None
    published: str | None = None

    def apply(self, document: Document) -> Document:
        known = {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}
        return replace(document, **known) if known else document


def read_documents(
    paths: Iterable[str], metadata: Metadata | None = None
) -> Iterator[Document | InputError]:
    files, errors = expand_paths(paths)
    yield from errors
    for path in files:
        yield from read_path(path, metadata or Metadata())


def read_path(path: Path, metadata: Metadata | None = None) -> Iterator[Document | InputError]:
    """All documents in one file; an InputError instead of any that cannot be read (and an
    InputWarning before a document whose invalid characters were replaced)."""
    metadata = metadata or Metadata()
    source = source_name(path)
    for item in _items(path, source):
        yield metadata.apply(item) if isinstance(item, Document) else item


def _items(path: Path, source: str) -> Iterable[Document | InputError]:
    if input_suffix(path) in ARCHIVE_SUFFIXES:
        return read_archive(path, source)  # streamed, record by record
    if input_suffix(path) in JSON_LINES_SUFFIXES and not _wide_encoding(path):
        return read_json_lines(path, source)  # streamed, line by line
    replacements = Replacements()
    try:
        items = _file_items(path, source, replacements)
    except (InputProblem, OSError) as error:
        return [read_failure(source, error)]
    warning = replacements.warning(source)
    return [warning, *items] if warning else items


def _wide_encoding(path: Path) -> bool:
    """UTF-16 or UTF-32 (by its byte-order mark): lines are not split at a b'\\n' there."""
    try:
        with open_regular(path) as handle:  # never blocks on a pipe
            return bom_encoding(handle.read(4)) not in (None, "utf-8-sig")
    except (InputProblem, OSError):
        return False  # the line reader names the problem


def read_json_lines(path: Path, source: str) -> Iterator[Document | InputError]:
    """A JSON-lines file of any size (a crawler's dump), one line at a time: each line is
    bounded as one document is (MAX_INPUT_BYTES) and decoded as UTF-8 on its own, so a bad
    line is named and skipped and the rest is read; memory stays that of one line. (A file in
    UTF-16 or UTF-32 is read whole, within the limit of one document.)"""
    names = RecordNames(source)
    found = False
    try:
        with open_regular(path) as handle:
            head = handle.read(SNIFF_BYTES)
            handle.seek(0)
            refuse_binary_formats(head, input_suffix(path))
            for number, line in enumerate(_bounded_lines(handle), 1):
                for item in _json_line(source, number, line, names):  # none for a blank line
                    found = True
                    yield item
    except (InputProblem, OSError) as error:
        yield read_failure(source, error)
        return
    if not found:
        yield InputError(source, "empty file")


def _bounded_lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The file's lines (a line past MAX_INPUT_BYTES as None, its rest skipped)."""
    while line := handle.readline(MAX_INPUT_BYTES + 1):
        if len(line) > MAX_INPUT_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(MAX_INPUT_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _json_line(
    source: str, number: int, line: bytes | None, names: RecordNames
) -> Iterator[Document | InputError]:
    where = f"{source}:{number}"
    if line is None:
        yield InputError(where, f"line too large (limit {MAX_INPUT_BYTES / 1e6:.0f} MB)")
        return
    try:
        text = decode_text(line.removeprefix(UTF8_BOM) if number == 1 else line)
    except InputProblem as problem:
        yield InputError(where, str(problem))
        return
    yield from _json_text_line(source, number, text.removesuffix("\n"), names)


def _json_text_line(
    source: str, number: int, line: str, names: RecordNames
) -> Iterator[Document | InputError]:
    """Line `number` of JSON lines: its record, an error naming it, or nothing if blank."""
    if not line.strip(JSON_WHITESPACE):
        return  # a line of anything else is a record, if only a broken one
    try:
        record = parse_json(line)
    except InputProblem as problem:
        yield InputError(f"{source}:{number}", str(problem))
        return
    yield from _json_record(source, record, f"line {number}", names)


def _file_items(path: Path, source: str, clean: Replacements) -> list[Document | InputError]:
    data = read_bytes(path)
    suffix = input_suffix(path)
    refuse_binary_formats(data, suffix)
    if suffix in FEED_SUFFIXES:  # items carry their own metadata: no sidecar
        return read_feed(source, data)
    if suffix in JSON_SUFFIXES:  # records carry their own metadata: no sidecar
        items = list(_read_json(source, decode_text(data), suffix == ".json"))
        if not items:
            raise InputProblem("no JSON records")
        return items
    sidecar = _read_sidecar(path, clean)
    if suffix in HTML_SUFFIXES:
        return [sidecar.apply(Document(source=source, content=decode_page(data), format="html"))]
    return [sidecar.apply(_text_document(source, decode_text(data)))]


def _read_sidecar(path: Path, clean: Replacements) -> Metadata:
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if not os.path.lexists(candidate):
            continue
        try:
            values = parse_json(decode_text(read_bytes(candidate)))
        except (InputProblem, OSError) as error:
            reason = (error.strerror or error) if isinstance(error, OSError) else error
            raise InputProblem(f"bad metadata file {candidate.name}: {reason}") from None
        if not isinstance(values, dict):
            raise InputProblem(f"bad metadata file {candidate.name}: not a JSON object")
        return Metadata(**{f.name: clean.optional(_pick(values, f.name)) for f in fields(Metadata)})
    return Metadata()


def _text_document(source: str, text: str) -> Document:
    """Line 1 the title, then one paragraph a line (blank lines allowed)."""
    lines = text.splitlines()
    title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None:
        raise InputProblem("empty file")
    body = "\n".join(lines[title_index + 1 :])
    return Document(source=source, content=body, title=lines[title_index].strip())


def parse_json(text: str) -> Any:
    """json.loads, with every way it can fail (deep nesting, huge numbers) an InputProblem."""
    try:
        return json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as error:
        raise InputProblem(f"invalid JSON: {error.msg} at {error.lineno}:{error.colno}") from None
    except RecursionError:
        raise InputProblem("invalid JSON: nested too deeply") from None
    except ValueError as error:
        raise InputProblem(f"invalid JSON: {error}") from None


def _json_int(digits: str) -> int | Decimal:
    """An integer, or a Decimal past Python's limit on digits converted to int."""
    try:
        return int(digits)
    except ValueError:
        return Decimal(digits)


def _read_json(source: str, text: str, whole_file: bool) -> Iterator[Document | InputError]:
    """A JSON array or object (`.json`), else JSON lines; records named by id, url or place."""
    names = RecordNames(source)
    records = _json_file_records(text) if whole_file else None
    if records is not None:
        for number, record in enumerate(records, 1):
            yield from _json_record(source, record, f"item {number}", names)
        return
    # Only "\n" ends a JSON line: U+2028, U+0085 or a form feed may sit raw in a JSON string.
    for number, line in enumerate(text.split("\n"), 1):
        yield from _json_text_line(source, number, line, names)


def _json_file_records(text: str) -> list[Any] | None:
    """The records of a whole-file JSON document; None when the file is JSON lines instead
    (its first line a JSON object of its own); else an InputProblem for the broken document
    (one error, not one for each line of a pretty-printed file)."""
    if text.lstrip()[:1] not in ("[", "{"):
        return None
    try:
        parsed = parse_json(text)
    except InputProblem:
        if _first_line_is_an_object(text):
            return None
        raise
    return parsed if isinstance(parsed, list) else [parsed]


def _first_line_is_an_object(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(parse_json(first), dict)
    except InputProblem:
        return False


class RecordNames:
    """Gives each record of a file its source name (`path#id`, else `path#url`, else its
    place) and refuses a name already given to an earlier record of the file."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.taken: dict[str, str] = {}

    def claim(self, record: dict[str, Any], where: str) -> str:
        kind, key = _record_key(record, where)
        if key in self.taken:
            raise InputProblem(
                f"same {kind} as {self.taken[key]} ({shortened(key)!r}): not read, as the two "
                "would be stored as one article; give each record its own id"
            )
        self.taken[key] = where
        return f"{self.source}#{key}"


def _record_key(record: dict[str, Any], where: str) -> tuple[str, str]:
    for field in ("id", "url"):
        value = record.get(field)
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return field, str(value)
        if isinstance(value, str) and value:
            return field, value
    number = where.removeprefix("line ")
    return "place", number


def _json_record(
    source: str, record: Any, where: str, names: RecordNames
) -> Iterator[Document | InputError]:
    location = _location(source, where)
    clean = Replacements()
    try:
        if not isinstance(record, dict):
            raise InputProblem(f"not a JSON object but {_json_type(record)}")
        content, content_format = _article_text(record)
        document = Document(
            source=clean.text(names.claim(record, where)),
            content=clean.text(content),
            format=content_format,
            title=clean.optional(_pick(record, "title")),
            standfirst=clean.optional(_pick(record, "standfirst")),
            url=clean.optional(_pick(record, "url")),
            published=clean.optional(_pick(record, "published")),
            outlet=clean.optional(_pick(record, "outlet")),
        )
    except InputProblem as problem:
        yield InputError(location, str(problem))
        return
    if warning := clean.warning(location):
        yield warning
    yield document


def _location(source: str, where: str) -> str:
    """'path:3' for line 3 of JSON lines, 'path (item 3)' for an item of a JSON array."""
    line = where.removeprefix("line ")
    return f"{source}:{line}" if line != where else f"{source} ({where})"


def _article_text(record: dict[str, Any]) -> tuple[str, DocumentFormat]:
    """The record's text (or HTML), and which; else an InputProblem saying what is wrong."""
    if content := _pick(record, "content"):
        return content, "text"
    if html := _pick(record, "html"):
        return html, "html"
    names = JSON_FIELDS["content"] + JSON_FIELDS["html"]
    present = [name for name in names if name in record]
    if not present:
        raise InputProblem(f"no article text (looked for {'/'.join(names)})")
    value = record[present[0]]
    if isinstance(value, str):
        raise InputProblem(f"`{present[0]}` is empty")
    raise InputProblem(f"`{present[0]}` is {_json_type(value)}, not a string")


def _json_type(value: Any) -> str:
    return next((name for kind, name in JSON_TYPE_NAMES if isinstance(value, kind)), "a string")


def _pick(record: dict[str, Any], field: str) -> str | None:
    for name in JSON_FIELDS.get(field, (field,)):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool) and field in METADATA:
            return str(value)
    return None
