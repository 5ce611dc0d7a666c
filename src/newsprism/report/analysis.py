"""The analysis JSON: build it from the pipeline objects, check it against the schema, write it."""

from __future__ import annotations

import contextlib
import glob
import json
import math
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from newsprism import __version__
from newsprism.model import Article, Quote, Story

SCHEMA_FILE = "analysis.schema.json"
# json's own string encoder with ensure_ascii=False (in C where there is one).
_STRING = json.encoder.encode_basestring
# A temporary report file this old was left by a run that was killed while writing it.
STALE_TEMPORARY_SECONDS = 3600


# The package's version (pyproject.toml takes it from here), read without importlib.metadata,
# whose import is a twentieth of newsprism's start-up.
ANALYSIS_VERSION: str = __version__


def build_analysis(
    articles: list[Article], quotes: list[Quote], stories: list[Story]
) -> dict[str, Any]:
    """The analysis dict of DESIGN.md ("The analysis JSON"), articles in the given order."""
    return {
        "version": ANALYSIS_VERSION,
        "articles": [article.to_dict() for article in articles],
        "quotes": [quote.to_dict() for quote in quotes],
        "stories": [story.to_dict() for story in stories],
    }


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the analysis JSON, shipped with the package."""
    return json.loads(_schema_text())


def validate_analysis(data: Any) -> list[str]:
    """Schema errors as "path: message" lines; empty when valid or jsonschema is not installed."""
    try:
        import jsonschema
    except ImportError:
        return []
    validator = jsonschema.Draft202012Validator(load_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{_path(error.absolute_path)}: {error.message}" for error in errors]


def _path(parts: Any) -> str:
    return "/" + "/".join(str(part) for part in parts)


def write_analysis(path: str | Path, data: dict[str, Any]) -> Path:
    """Write `data` as UTF-8 JSON (non-ASCII kept, indented); creates the parent folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, analysis_text(data)[0])
    return path


def analysis_text(data: dict[str, Any]) -> tuple[str, dict[str, list[str]]]:
    """`data` as `json.dumps(data, ensure_ascii=False, indent=2)` writes it (and a newline),
    and the text of each item of its top-level lists (articles, quotes, stories) in order: the
    report folder digests them to know which stories changed, without encoding them again."""
    items: dict[str, list[str]] = {}
    fields = []
    for key, value in data.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            items[key] = [_indented(item, 4) for item in value]
            body = ",\n    ".join(items[key])
            fields.append(f"  {name}: [\n    {body}\n  ]")
        else:
            fields.append(f"  {name}: {_indented(value, 2)}")
    text = "{\n" + ",\n".join(fields) + "\n}\n" if fields else "{}\n"
    return text, items


ITEM_SEPARATOR = b",\n    "
COPY_BYTES = 1 << 20


class StreamedAnalysis:
    """analysis.json written in parts, as `analysis_text` writes it whole, never all in
    memory: the articles and quotes of each part are spooled to temporary files (on disk) and
    put in their final order (`write`'s, not the parts') when the file is written; the
    stories are written in the order added. `add` returns the text of each item, as
    `analysis_text` does, for the report's page digests."""

    def __init__(self, articles: IO[bytes], quotes: IO[bytes], stories: IO[bytes]) -> None:
        self._articles, self._quotes, self._stories = articles, quotes, stories
        self._article_at: dict[str, tuple[int, int]] = {}
        self._quotes_at: dict[str, tuple[int, int]] = {}  # an article's quotes, one block
        self._story_count = 0

    @classmethod
    @contextlib.contextmanager
    def spooled_in(cls, folder: Path) -> Iterator[StreamedAnalysis]:
        """One whose spools are temporary files in `folder`, removed when done."""
        with (
            tempfile.TemporaryFile(dir=folder) as articles,
            tempfile.TemporaryFile(dir=folder) as quotes,
            tempfile.TemporaryFile(dir=folder) as stories,
        ):
            yield cls(articles, quotes, stories)

    def add(self, data: dict[str, Any]) -> dict[str, list[str]]:
        """Spool the articles, quotes and stories of `data` (an analysis dict of some stories
        whose articles are not spooled yet)."""
        items = {
            kind: [_indented(item, 4) for item in data.get(kind) or []]
            for kind in ("articles", "quotes", "stories")
        }
        for article, text in zip(data.get("articles") or [], items["articles"], strict=True):
            self._article_at[article["id"]] = _spool(self._articles, [text])
        by_article: dict[str, list[str]] = {}
        for quote, text in zip(data.get("quotes") or [], items["quotes"], strict=True):
            by_article.setdefault(quote.get("article") or "", []).append(text)
        for article_id, texts in by_article.items():
            self._quotes_at[article_id] = _spool(self._quotes, texts)
        for text in items["stories"]:
            _spool(self._stories, [text], first=self._story_count == 0)
            self._story_count += 1
        return items

    def spooled(self, article_id: str) -> bool:
        return article_id in self._article_at

    def write(self, path: Path, version: str, article_order: list[str], index: list[Any]) -> None:
        """Write analysis.json at `path` (through a temporary file renamed over it): the
        spooled articles in `article_order` with their quotes, the stories, the `index`."""
        quoted = [i for i in article_order if i in self._quotes_at]
        stories_end = self._stories.seek(0, os.SEEK_END)
        lists: list[tuple[str, Iterator[Iterable[bytes]]]] = [
            ("articles", _pieces(self._articles, [self._article_at[i] for i in article_order])),
            ("quotes", _pieces(self._quotes, [self._quotes_at[i] for i in quoted])),
            ("stories", _pieces(self._stories, [(0, stories_end)] if self._story_count else [])),
            ("index", ([_bytes(_indented(entry, 4))] for entry in index)),
        ]
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(b'{\n  "version": ' + _bytes(_indented(version, 2)))
                for name, pieces in lists:
                    _write_list(out, name, pieces)
                out.write(b"\n}\n")
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _remove_stale_temporaries(path)


def _write_list(out: IO[bytes], name: str, pieces: Iterator[Iterable[bytes]]) -> None:
    """A top-level list as `analysis_text` writes it, each piece one or more of its items."""
    out.write(b",\n  " + _bytes(json.dumps(name, ensure_ascii=False)) + b": ")
    separator = b"[\n    "
    for piece in pieces:
        out.write(separator)
        for chunk in piece:
            out.write(chunk)
        separator = ITEM_SEPARATOR
    out.write(b"[]" if separator != ITEM_SEPARATOR else b"\n  ]")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", errors="backslashreplace")  # as write_text_atomic writes it


def _spool(spool: IO[bytes], texts: list[str], first: bool = True) -> tuple[int, int]:
    """Append `texts` (separated as list items are) to `spool`, after a separator unless
    `first`: where they start, and their length."""
    spool.seek(0, os.SEEK_END)
    if not first:
        spool.write(ITEM_SEPARATOR)
    start = spool.tell()
    spool.write(ITEM_SEPARATOR.join(_bytes(text) for text in texts))
    return start, spool.tell() - start


def _pieces(spool: IO[bytes], places: list[tuple[int, int]]) -> Iterator[Iterator[bytes]]:
    """The spooled pieces at `places`, each read in chunks of at most COPY_BYTES."""
    for start, length in places:
        yield _read(spool, start, length)


def _read(spool: IO[bytes], start: int, length: int) -> Iterator[bytes]:
    spool.seek(start)
    while length > 0:
        chunk = spool.read(min(length, COPY_BYTES))
        if not chunk:
            return
        length -= len(chunk)
        yield chunk


def _indented(value: Any, depth: int) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, its lines after
    the first `depth` spaces further in."""
    parts: list[str] = []
    _encode(value, parts, "\n" + " " * depth)
    return "".join(parts)


def _encode(value: Any, out: list[str], newline: str) -> None:
    """Append `value`'s JSON to `out` as json.dumps(ensure_ascii=False, indent=2) writes it, a
    line break being `newline` (with the indent of the enclosing level). json.dumps encodes
    an indented value with its pure-Python encoder; this one, for the plain types the analysis
    holds, takes about two thirds of its time (anything else is left to json.dumps)."""
    kind = type(value)
    if kind is str:
        out.append(_STRING(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):
        out.append(float.__repr__(value))
    elif kind is dict and all(type(key) is str for key in value):
        _encode_dict(value, out, newline)
    elif kind is list or kind is tuple:
        _encode_list(value, out, newline)
    else:  # NaN, infinities, other types and keys: json's own encoder, re-indented
        out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline))


def _encode_dict(value: dict[str, Any], out: list[str], newline: str) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + "  "
    separator = "{" + inner
    for key, item in value.items():
        out.append(separator)
        out.append(_STRING(key))
        kind = type(item)
        if kind is str:  # the common cases, without a call
            out.append(": " + _STRING(item))
        elif item is None:
            out.append(": null")
        elif kind is int:
            out.append(": " + int.__repr__(item))
        else:
            out.append(": ")
            _encode(item, out, inner)
        separator = "," + inner
    out.append(newline + "}")


def _encode_list(value: list[Any] | tuple[Any, ...], out: list[str], newline: str) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + "  "
    separator = "[" + inner
    for item in value:
        out.append(separator)
        if type(item) is str:
            out.append(_STRING(item))
        else:
            _encode(item, out, inner)
        separator = "," + inner
    out.append(newline + "]")


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to a temporary file in `path`'s folder and rename it over `path`:
    a kill or a full disk midway leaves the earlier file whole, never a truncated one. A lone
    surrogate is written as its backslash escape (valid JSON; visible in HTML)."""
    write_bytes_atomic(path, text.encode("utf-8", errors="backslashreplace"))
    _remove_stale_temporaries(path)


def write_bytes_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """`data` to a temporary file beside `path`, renamed over it. `durable`: synced to disk
    before the rename (a kill never needs it, a power cut does); the temporary files a killed
    run left are not swept here (see `remove_stale_temporaries`)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            if durable:
                file.flush()
                os.fsync(file.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is not
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Every temporary file a killed run left in `folder` (old ones only, as below)."""
    _remove_old(folder.glob(".*.tmp"))


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of `path` that a killed run left behind. Only old ones: a recent one
    may be another run's, still being written."""
    _remove_old(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))


def _remove_old(leftovers: Iterable[Path]) -> None:
    stale_before = time.time() - STALE_TEMPORARY_SECONDS
    for leftover in leftovers:
        try:
            if leftover.stat().st_mtime < stale_before:
                leftover.unlink()
        except OSError:
            pass  # gone already, or not ours to remove: it does no harm


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
