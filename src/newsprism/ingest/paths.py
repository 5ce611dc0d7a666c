"""Command-line paths (files, folders, globs) -> the files to read, each once, by its real
path; whatever is given but cannot be read (missing, broken link, FIFO, unreadable folder, a
folder with nothing to read) is an InputError naming it; files of other kinds in a folder
that holds inputs are left alone, with a warning that counts them."""

from __future__ import annotations

import glob
import os
import stat
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from newsprism.ingest.decoding import file_kind
from newsprism.ingest.errors import InputError, InputWarning

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
ARCHIVE_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | ARCHIVE_SUFFIXES | FEED_SUFFIXES
)
COMPRESSED_SUFFIXES = (".warc.gz", ".arc.gz")  # the two-part suffixes read
SIDECAR_SUFFIX = ".meta.json"


def input_suffix(path: Path) -> str:
    """The suffix that says how to read `path`, lower case: '.warc.gz' for 'a.WARC.gz'."""
    name = path.name.lower()
    return next((s for s in COMPRESSED_SUFFIXES if name.endswith(s)), path.suffix.lower())


def source_name(path: Path) -> str:
    """The path as a string that can be stored and printed: bytes of a file name that are not
    UTF-8 are written as escapes (`\\xe9`), not kept as lone surrogates."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return name


def expand_paths(paths: Iterable[str]) -> tuple[list[Path], list[InputError]]:
    """Files, folders (searched recursively for supported files) and glob patterns -> each
    file once, by its resolved path (so `a.txt`, `./a.txt`, its absolute path and a link to it
    are one source), and an error for each path that gives nothing to read."""
    found: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        if not raw:  # Path("") is the current folder: never read it by accident
            errors.append(InputError("''", "empty path (an argument with no characters)"))
            continue
        # A path that exists is that path, even if it holds glob characters ('a[1].txt').
        matches = [raw] if os.path.lexists(raw) else sorted(glob.glob(raw, recursive=True))
        for match in matches or [raw]:
            files, problems = _expand(Path(match))
            found.extend(files)
            errors.extend(problems)
    return list(dict.fromkeys(path.resolve() for path in found)), errors


def _expand(path: Path) -> tuple[list[Path], list[InputError]]:
    if path.is_dir():
        return _walk_folder(path)
    if _is_sidecar_of_a_file(path):
        return [], []  # read with the file it describes ('*' also matches sidecars)
    return _split([_regular_file(path)])


def _regular_file(path: Path) -> Path | InputError:
    """`path` if it is a regular file (or a link to one); else an error saying what it is."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return InputError(source_name(path), _missing_reason(path, error))
    if stat.S_ISREG(mode):
        return path
    return InputError(source_name(path), f"not a regular file ({file_kind(mode)})")


def _missing_reason(path: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    return f"cannot read: {error.strerror or error}"


def _walk_folder(folder: Path) -> tuple[list[Path], list[InputError]]:
    """Supported files under `folder` (following links, each folder once); an error for each
    folder that cannot be listed and each broken link or non-regular input; one for `folder`
    when it holds nothing to read."""
    found: list[Path | InputError] = []
    others: Counter[str] = Counter()
    visited: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        name = source_name(Path(error.filename or folder))
        found.append(InputError(name, f"cannot read folder: {error.strerror or error}"))

    for root, folders, names in os.walk(folder, onerror=unreadable, followlinks=True):
        if not _first_visit(Path(root), visited):
            folders.clear()  # a link back to a folder already walked
            continue
        paths = [Path(root, name) for name in names]
        found.extend(_regular_file(p) for p in paths if _is_input_name(p) or _is_broken_link(p))
        others.update(p.suffix.lower() or "no suffix" for p in paths if _is_other_file(p))
    files, errors = _split(found)
    if not files and not errors:
        looked_for = ", ".join(sorted(SUPPORTED_SUFFIXES))
        errors.append(InputError(source_name(folder), f"no files to read here ({looked_for})"))
    elif others:
        kinds = ", ".join(f"{suffix} {n}" for suffix, n in sorted(others.items()))
        count = others.total()
        reason = f"{count} file{'s' * (count > 1)} of other kinds left alone ({kinds})"
        errors.append(InputWarning(source_name(folder), reason))
    return sorted(files), errors


def _is_other_file(path: Path) -> bool:
    """A file in a folder that is neither read nor a sidecar, nor hidden (`.DS_Store`)."""
    if path.name.startswith(".") or path.name.endswith(SIDECAR_SUFFIX):
        return False
    return not _is_input_name(path) and path.is_file()


def _split(items: list[Path | InputError]) -> tuple[list[Path], list[InputError]]:
    files = [item for item in items if isinstance(item, Path)]
    return files, [item for item in items if isinstance(item, InputError)]


def _is_broken_link(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def _first_visit(folder: Path, visited: set[tuple[int, int]]) -> bool:
    try:
        info = folder.stat()
    except OSError:
        return False
    key = (info.st_dev, info.st_ino)
    if key in visited:
        return False
    visited.add(key)
    return True


def _is_input_name(path: Path) -> bool:
    return input_suffix(path) in SUPPORTED_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX)


def _is_sidecar_of_a_file(path: Path) -> bool:
    """'a.txt.meta.json' next to 'a.txt' (or 'a.meta.json' next to 'a.html')."""
    if not path.name.endswith(SIDECAR_SUFFIX):
        return False
    stem = path.name[: -len(SIDECAR_SUFFIX)]
    return (path.parent / stem).is_file() or any(
        _is_input_name(p) and p.is_file() for p in path.parent.glob(glob.escape(stem) + ".*")
    )


def resolved_source(source: str) -> str | None:
    """The name this version gives an input that an older one stored under `source` (its path
    as typed, perhaps relative or through a link, then `#record` for a record of a JSON file),
    or None when it names no file from here, or is already that name."""
    path_text, record = source, ""
    while True:
        path = Path(path_text)
        if path_text and path.is_file():
            resolved = source_name(path.resolve()) + record
            return resolved if resolved != source else None
        cut = path_text.rfind("#")
        if cut < 0:
            return None
        path_text, record = path_text[:cut], path_text[cut:] + record
