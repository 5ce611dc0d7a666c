"""Read input files into Documents. Every failure is an InputError naming the file (and line)
and the reason; one bad file or line never stops the others."""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from newsprism.extract import decode_html
from newsprism.model import Document

MAX_INPUT_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"

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


@dataclass(frozen=True)
class InputError:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Metadata:
    """What the user tells us about inputs (command-line flags or a sidecar file)."""

    outlet: str | None = None
    url: str | None = None
    published: str | None = None

    def apply(self, document: Document) -> Document:
        known = {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}
        return replace(document, **known) if known else document


class InputProblem(Exception):
    """Raised inside a reader; turned into an InputError at the boundary."""


def expand_paths(paths: Iterable[str]) -> tuple[list[Path], list[InputError]]:
    """Files, folders (searched recursively for supported files) and glob patterns."""
    found: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        matches = [Path(p) for p in sorted(glob.glob(raw, recursive=True))] or [Path(raw)]
        for path in matches:
            if path.is_dir():
                found.extend(p for p in sorted(path.rglob("*")) if _is_input_file(p))
            elif _is_sidecar_of_a_file(path):
                continue  # read with the file it describes ('*' also matches sidecars)
            elif path.is_file():
                found.append(path)
            else:
                errors.append(InputError(raw, "no such file or folder"))
    unique = list(dict.fromkeys(found))
    return unique, errors


def _is_sidecar_of_a_file(path: Path) -> bool:
    """'a.txt.meta.json' next to 'a.txt' (or 'a.meta.json' next to 'a.html')."""
    if not path.name.endswith(SIDECAR_SUFFIX):
        return False
    stem = path.name[: -len(SIDECAR_SUFFIX)]
    return (path.parent / stem).is_file() or any(
        _is_input_file(p) for p in path.parent.glob(glob.escape(stem) + ".*")
    )


def _is_input_file(path: Path) -> bool:
    return (
        path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.endswith(SIDECAR_SUFFIX)
    )


def read_documents(
    paths: Iterable[str], metadata: Metadata | None = None
) -> Iterator[Document | InputError]:
    files, errors = expand_paths(paths)
    yield from errors
    for path in files:
        yield from read_path(path, metadata or Metadata())


def read_path(path: Path, metadata: Metadata | None = None) -> Iterator[Document | InputError]:
    """All documents in one file; an InputError instead of any that cannot be read."""
    metadata = metadata or Metadata()
    try:
        data = _read_bytes(path)
        sidecar = _read_sidecar(path)
        suffix = path.suffix.lower()
        if suffix in JSON_SUFFIXES:
            for item in _read_json(path, data):
                yield metadata.apply(item) if isinstance(item, Document) else item
            return
        if suffix in HTML_SUFFIXES:
            document = Document(source=str(path), content=decode_html(data), format="html")
        else:
            document = _text_document(str(path), _decode(data))
        yield metadata.apply(sidecar.apply(document))
    except InputProblem as problem:
        yield InputError(str(path), str(problem))
    except OSError as error:
        yield InputError(str(path), f"cannot read: {error.strerror or error}")


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputProblem(f"too large: {size / 1e6:.1f} MB (limit {MAX_INPUT_BYTES / 1e6:.0f} MB)")
    data = path.read_bytes()
    if not data.strip():
        raise InputProblem("empty file")
    if b"\x00" in data[:8192]:
        raise InputProblem("binary file, not text (contains NUL bytes)")
    return data


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputProblem(f"not valid UTF-8 (bad byte at offset {error.start})") from None


def _read_sidecar(path: Path) -> Metadata:
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if candidate.is_file():
            try:
                values = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise InputProblem(f"bad metadata file {candidate.name}: {error}") from None
            if not isinstance(values, dict):
                raise InputProblem(f"bad metadata file {candidate.name}: not a JSON object")
            return Metadata(**{k: _pick(values, k) for k in ("outlet", "url", "published")})
    return Metadata()


def _text_document(source: str, text: str) -> Document:
    """Line 1 the title, then one paragraph a line (blank lines allowed)."""
    lines = text.splitlines()
    title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None:
        raise InputProblem("empty file")
    body = "\n".join(lines[title_index + 1 :])
    return Document(source=source, content=body, title=lines[title_index].strip())


def _read_json(path: Path, data: bytes) -> Iterator[Document | InputError]:
    text = _decode(data)
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped[:1] in "[{":
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None  # maybe JSON lines in a .json file
        if parsed is not None:
            records = parsed if isinstance(parsed, list) else [parsed]
            for number, record in enumerate(records, 1):
                yield _json_record(path, record, f"item {number}")
            return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            yield InputError(f"{path}:{number}", f"invalid JSON: {error.msg}")
            continue
        yield _json_record(path, record, f"line {number}", number)


def _json_record(
    path: Path, record: Any, where: str, line: int | None = None
) -> Document | InputError:
    location = f"{path}:{line}" if line else f"{path} ({where})"
    if not isinstance(record, dict):
        return InputError(location, "not a JSON object")
    key = record.get("id") or record.get("url") or (line if line else where)
    source = f"{path}#{key}"
    content = _pick(record, "content")
    html = _pick(record, "html")
    if not content and not html:
        fields_tried = "/".join(JSON_FIELDS["content"] + JSON_FIELDS["html"])
        return InputError(location, f"no article text (looked for {fields_tried})")
    return Document(
        source=source,
        content=str(content or html),
        format="text" if content else "html",
        title=_pick(record, "title"),
        standfirst=_pick(record, "standfirst"),
        url=_pick(record, "url"),
        published=_pick(record, "published"),
        outlet=_pick(record, "outlet"),
    )


def _pick(record: dict[str, Any], field: str) -> str | None:
    for name in JSON_FIELDS.get(field, (field,)):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool) and field != "content":
            return str(value)
    return None
