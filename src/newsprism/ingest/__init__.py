"""ingest: files, folders and globs -> Document (or InputError naming the file and reason)."""

from newsprism.ingest.errors import InputError, InputWarning, printable
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
    "InputWarning",
    "Metadata",
    "expand_paths",
    "printable",
    "read_documents",
    "read_path",
]
