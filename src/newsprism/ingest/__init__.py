"""ingest: files, folders and globs -> Document (or InputError naming the file and reason)."""

from newsprism.ingest.errors import InputError, InputNote, InputWarning, escaped
from newsprism.ingest.readers import (
    MAX_INPUT_BYTES,
    SUPPORTED_SUFFIXES,
    Metadata,
    expand_paths,
    read_documents,
    read_path,
)

__all__ = [
    "MAX_INPUT_BYTES",
    "SUPPORTED_SUFFIXES",
    "InputError",
    "InputNote",
    "InputWarning",
    "Metadata",
    "escaped",
    "expand_paths",
    "read_documents",
    "read_path",
]
