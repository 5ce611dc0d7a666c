"""The analysis JSON: build it from the pipeline objects, check it against the schema, write it."""

from __future__ import annotations

import glob
import json
import math
import os
import tempfile
import time
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from newsprism.model import Article, Quote, Story

SCHEMA_FILE = "analysis.schema.json"
# json's own string encoder with ensure_ascii=False (in C where there is one).
_STRING = json.encoder.encode_basestring
# A temporary report file this old was left by a run that was killed while writing it.
STALE_TEMPORARY_SECONDS = 3600


def _package_version() -> str:
    try:
        return metadata.version("newsprism")
    except metadata.PackageNotFoundError:
        return "0.1.0"


ANALYSIS_VERSION: str = _package_version()


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
