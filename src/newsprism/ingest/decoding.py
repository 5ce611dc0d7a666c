"""Bytes of an input file -> text: bounded and never blocking reads, formats we cannot read
named by their magic bytes, byte-order marks honoured, NUL bytes refused anywhere."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from newsprism.extract import bom_encoding, decode_html
from newsprism.ingest.errors import InputProblem, InputWarning

MAX_INPUT_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 512

# Formats a user may hand us by mistake, by their first bytes. Only signatures no text file
# starts with: binary bytes, or ASCII pinned by the binary bytes that follow it.
BINARY_SIGNATURES: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), kind)
    for pattern, kind in (
        (rb"%PDF-", "PDF"),
        (rb"\x89PNG\r\n\x1a\n", "PNG image"),
        (rb"\xff\xd8\xff", "JPEG image"),
        (rb"GIF8[79]a", "GIF image"),
        (rb"II\*\x00|MM\x00\*", "TIFF image"),
        (rb"RIFF....WEBP", "WebP image"),
        (rb"RIFF....(WAVE|AVI )", "audio or video file"),
        (rb"\x00\x00..ftyp", "MP4/QuickTime video or HEIC image"),
        (rb"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
        (rb"ID3[\x02-\x04]\x00|OggS\x00|fLaC[\x00\x80]", "audio file"),
        (rb"PK(\x03\x04|\x05\x06|\x07\x08)", "ZIP archive"),
        (rb"\x1f\x8b", "gzip archive"),
        (rb"BZh[1-9]1AY&SY", "bzip2 archive"),
        (rb"\xfd7zXZ\x00", "xz archive"),
        (rb"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (rb"Rar!\x1a\x07", "RAR archive"),
        (rb"\x28\xb5\x2f\xfd", "Zstandard archive"),
        (rb".{257}ustar(\x00|  \x00)", "tar archive"),
        (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc/.xls/.ppt)"),
        (rb"\{\\rtf", "RTF document"),
        (rb"SQLite format 3\x00", "SQLite database"),
        (rb"\x7fELF", "program"),
    )
)
# What a file's name says it is, where that is a format we cannot read (ZIP-based office
# files would otherwise be named "ZIP archive").
BINARY_SUFFIXES: dict[str, str] = {
    ".pdf": "PDF",
    ".doc": "Word document",
    ".docx": "Word document",
    ".odt": "OpenDocument text",
    ".rtf": "RTF document",
    ".xls": "Excel spreadsheet",
    ".xlsx": "Excel spreadsheet",
    ".ods": "OpenDocument spreadsheet",
    ".ppt": "PowerPoint presentation",
    ".pptx": "PowerPoint presentation",
    ".epub": "EPUB book",
    ".png": "PNG image",
    ".jpg": "JPEG image",
    ".jpeg": "JPEG image",
    ".gif": "GIF image",
    ".webp": "WebP image",
    ".zip": "ZIP archive",
    ".gz": "gzip archive",
    ".tgz": "gzip archive",
    ".bz2": "bzip2 archive",
    ".xz": "xz archive",
    ".7z": "7-Zip archive",
    ".rar": "RAR archive",
    ".tar": "tar archive",
}
# Characters no later stage can store or print: NUL and halves of a surrogate pair.
INVALID_CHARS_RE = re.compile("[\x00\ud800-\udfff]")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}
FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((kind for test, kind in FILE_KINDS if test(mode)), "a special file")


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, if it is a regular file. Opened without blocking and
    checked after opening, so a FIFO or device named like a file is refused, never waited on."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    handle = os.fdopen(descriptor, "rb")
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        handle.close()
        raise InputProblem(f"not a regular file ({file_kind(mode)})")
    return handle


def too_large(size: int) -> str:
    return f"too large: {size / 1e6:.1f} MB (limit {MAX_INPUT_BYTES / 1e6:.0f} MB)"


def read_bytes(path: Path) -> bytes:
    """The whole file, if it is a regular file of at most MAX_INPUT_BYTES (bounded even when
    the file grows while read)."""
    with open_regular(path) as handle:
        data = handle.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise InputProblem(too_large(max(os.fstat(handle.fileno()).st_size, len(data))))
    if not data.strip():
        raise InputProblem("empty file")
    return data


def refuse_binary_formats(data: bytes, suffix: str) -> None:
    """A PDF, image, archive, office file or program (by its magic bytes or its name) is
    refused with what it is."""
    head = data[:SNIFF_BYTES]
    kind = BINARY_SUFFIXES.get(suffix) or next(
        (kind for pattern, kind in BINARY_SIGNATURES if pattern.match(head)), None
    )
    if kind:
        raise InputProblem(f"{kind} is not supported (newsprism reads text, HTML and JSON)")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), or UTF-16/32 with one; strictly."""
    encoding = bom_encoding(data)
    if encoding is None:
        _refuse_nul_bytes(data)
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        name = ENCODING_NAMES[encoding]
        raise InputProblem(f"not valid {name} (bad byte at offset {error.start})") from None
    if "\x00" in text:
        raise InputProblem(f"binary file, not text (NUL character at {text.index(chr(0))})")
    return text


def decode_page(data: bytes, charset: str | None = None) -> str:
    """An HTML page: as text when it carries a byte-order mark, else by what it declares (the
    `charset` its HTTP headers gave before the page's own <meta>)."""
    if bom_encoding(data):
        return decode_text(data)
    _refuse_nul_bytes(data)
    return decode_html(data, charset)


def _refuse_nul_bytes(data: bytes) -> None:
    offset = data.find(b"\x00")
    if offset < 0:
        return
    if _looks_like_utf16(data):
        raise InputProblem("UTF-16 without a byte-order mark: save it as UTF-8 (or with a BOM)")
    raise InputProblem(f"binary file, not text (NUL byte at offset {offset})")


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly ASCII text as UTF-16: every other byte is NUL."""
    half = len(data) // 2
    return half > 0 and max(data[0::2].count(0), data[1::2].count(0)) > 0.9 * half


def storable(text: str) -> bool:
    """Whether `text` holds none of INVALID_CHARS_RE's characters: checked in C, several times
    faster than the regular expression (strict UTF-8 refuses only the surrogates)."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Replacements:
    """Replaces the invalid characters of the strings it is given with U+FFFD, and counts."""

    def __init__(self) -> None:
        self.count = 0

    def text(self, text: str) -> str:
        if storable(text):
            return text
        text, replaced = INVALID_CHARS_RE.subn("\ufffd", text)
        self.count += replaced
        return text

    def optional(self, text: str | None) -> str | None:
        return None if text is None else self.text(text)

    def warning(self, source: str) -> InputWarning | None:
        if not self.count:
            return None
        reason = f"{self.count} invalid character(s) (NUL or lone surrogate) replaced by U+FFFD"
        return InputWarning(source, reason)
