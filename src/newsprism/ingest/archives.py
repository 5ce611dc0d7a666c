"""Web archives (WARC, and the older ARC) -> a Document for each HTML page they captured.

Read one record at a time (warcio), so an archive of any size streams: a page's body is read
up to the size budget of one input, never the archive. A `response` record with status 200
and an HTML body is a page (its URL from WARC-Target-URI; its date the one the page states,
else the capture's WARC-Date); every other record is counted, by kind, in a note at the end.
A damaged or truncated record is an error naming the archive and the record (its number, its
byte offset, its URL); the pages before it are kept, and reading goes on at the next record
found after it: a gzip member that does not decompress, or (uncompressed) a Content-Length that
does not end its record, costs that record only.

warcio reports some damage by writing to stderr and carrying on, and stops at a record cut
short without a word; so each step's messages are taken as the record's, and the archive's
length is checked against where the last whole record ended."""

from __future__ import annotations

import contextlib
import gzip
import importlib
import io
import os
import re
import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, BinaryIO, cast

import brotli

from newsprism.ingest.decoding import MAX_INPUT_BYTES, decode_page, open_regular, too_large
from newsprism.ingest.errors import (
    InputError,
    InputNote,
    InputProblem,
    InputWarning,
    read_failure,
    shortened,
)
from newsprism.model import Document

if TYPE_CHECKING:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecord

HTML_TYPES = ("text/html", "application/xhtml+xml")
ARCHIVE_STARTS = (b"WARC/", b"filedesc://")  # a WARC record; an ARC file's first line
GZIP_MAGIC = b"\x1f\x8b"
ARCHIVE_SNIFF_BYTES = 64
READ_CHUNK = 1 << 16
URL_SHOWN = 100
REQUIRED_HEADERS = ("WARC-Type", "Content-Length")
# Where a record may begin: a gzip member, or an uncompressed WARC header's first line.
RECORD_START_RE = re.compile(rb"\x1f\x8b\x08|WARC/1\.[01]\r?\n")
SCAN_BLOCK = 1 << 20
MAX_DAMAGED = 100  # records of one archive refused or cut short, before the rest is left
SCAN_OVERLAP = 16


@cache
def _warcio() -> ModuleType:
    """warcio, imported when an archive is first read (a run without one never needs it)."""
    for submodule in ("archiveiterator", "bufferedreaders", "exceptions", "recordloader"):
        importlib.import_module(f"warcio.{submodule}")
    return importlib.import_module("warcio")


@dataclass
class Tally:
    """What an archive held: pages read, pages refused, and the other records by kind."""

    pages: int = 0
    refused: int = 0
    truncated: int = 0  # records cut short (an error names each)
    skipped: Counter[str] = field(default_factory=Counter)

    def note(self, source: str) -> InputNote:
        parts = [f"{self.pages} page{'s' * (self.pages != 1)}"]
        if self.refused:
            parts.append(f"{self.refused} refused")
        if self.truncated:
            parts.append(f"{self.truncated} truncated")
        skipped = self.skipped.total()
        kinds = ", ".join(f"{kind} {n}" for kind, n in self.skipped.most_common())
        parts.append(
            f"{skipped} other record{'s' * (skipped != 1)} skipped" + (f" ({kinds})" * bool(kinds))
        )
        return InputNote(source, ", ".join(parts))


class PageNames:
    """A stable source name for each page of an archive: `path#URL`; a later capture of the
    same URL `path#URL @ WARC-Date`, else `path#WARC-Record-ID`. The same archive read again
    gives each page the same name, so a re-run adds only the pages it has not stored."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.taken: set[str] = set()

    def claim(self, url: str, date: str, record_id: str, number: int) -> str:
        candidates = (url, f"{url} @ {date}" if url and date else "", record_id, f"record {number}")
        key = next(key for key in candidates if key and key not in self.taken)
        self.taken.add(key)
        return f"{self.source}#{key}"


def read_archive(path: Path, source: str) -> Iterator[Document | InputError]:
    """Every page of the archive at `path` (or an error naming the record), then a note
    counting what was read and skipped. Never raises for what the file holds."""
    try:
        handle = open_regular(path)
    except (InputProblem, OSError) as error:
        yield read_failure(source, error)
        return
    with handle:
        try:
            _check_start(handle)
        except InputProblem as problem:
            yield InputError(source, str(problem))
            return
        tally = Tally()
        yield from _read_records(handle, source, tally)
        yield tally.note(source)


def _check_start(handle: BinaryIO) -> None:
    """A file that does not begin as a WARC or ARC archive (gzip-compressed or not) is refused
    whole: warcio would read many formats as records of an ARC file. One whose first record
    is damaged is read when a WARC record begins in its first MiB."""
    head = handle.read(ARCHIVE_SNIFF_BYTES)
    handle.seek(0)
    if not head.strip():
        raise InputProblem("empty file")
    problem = _start_problem(handle, head)
    if problem is None:
        return
    size = os.fstat(handle.fileno()).st_size
    later = _next_record(handle, 1, min(size, SCAN_BLOCK))
    handle.seek(0)
    if later is None:
        raise InputProblem(problem)


def _start_problem(handle: BinaryIO, head: bytes) -> str | None:
    if head.startswith(GZIP_MAGIC):
        try:
            with gzip.GzipFile(fileobj=handle) as unzipped:
                head = unzipped.read(ARCHIVE_SNIFF_BYTES)
        except (OSError, EOFError, zlib.error) as error:
            return f"not a web archive: broken gzip data ({error})"
        finally:
            handle.seek(0)
    if not head.lstrip().startswith(ARCHIVE_STARTS):
        shown = head[:24].decode("ascii", "backslashreplace")
        return (
            f"not a web archive: it does not begin with a WARC record ('WARC/1.0') or an ARC "
            f"header (it begins {shown!r})"
        )
    return None


def _read_records(handle: BinaryIO, source: str, tally: Tally) -> Iterator[Document | InputError]:
    """The records of a gzip file compressed record by record (as WARC is meant to be) or
    not compressed; one gzip-compressed whole is read again through Python's gzip, after the
    records already read."""
    names = PageNames(source)
    size = os.fstat(handle.fileno()).st_size
    read = yield from _records(handle, names, tally, size, skip=0)
    if read is None:
        return
    handle.seek(0)
    with gzip.GzipFile(fileobj=handle) as unzipped:
        whole = WholeGzip(unzipped)
        yield from _records(cast(BinaryIO, whole), names, tally, None, skip=read)
    if whole.cut_short and not tally.truncated:
        yield InputError(
            names.source,
            "truncated: the gzip data ends before its end (the archive was cut short); the "
            "records before the cut are kept",
        )


class WholeGzip:
    """A file gzip-compressed whole, read as a stream that ends where its data ends: warcio
    takes the EOFError of gzip data cut short for the end of the archive, so it is noted
    here instead."""

    def __init__(self, unzipped: gzip.GzipFile) -> None:
        self.unzipped = unzipped
        self.cut_short = False

    def read(self, size: int = -1) -> bytes:
        try:  # read1: what one read gives, so the data before a cut is not lost with it
            return self.unzipped.read1(size)
        except EOFError:
            self.cut_short = True
            return b""

    def tell(self) -> int:
        return self.unzipped.tell()


def _records(
    stream: BinaryIO, names: PageNames, tally: Tally, size: int | None, skip: int
) -> Generator[Document | InputError, None, int | None]:
    """Records after the first `skip`; returns None, or how many records were read before
    warcio found the file gzip-compressed whole (not record by record). After a damaged
    record, reading goes on at the next record found in the file (when it can seek)."""
    gzipped = size is not None and _starts_gzip(stream)
    by_length = size is not None and not gzipped  # records ended by their Content-Length
    records = _iterate(stream, gzipped)
    number, end = 0, 0
    while True:
        number += 1
        where = f"{names.source} (record {number}, at byte {max(end, 0)})"
        damage: Exception | None = None
        try:
            with _library_messages() as said:
                record = next(records, None)
            if record is None:
                break
            if number <= skip:
                with _library_messages():
                    records.read_to_end()
            elif not (
                yield from _one_record(record, records, names, number, tally, said, by_length)
            ):
                damage = EOFError()  # named by _one_record already
        except _warcio().exceptions.ArchiveLoadFailed as error:
            if size is not None and "non-chunked gzip" in str(error):
                return number - 1
            damage = error
        except Exception as error:  # warcio raises many kinds on a damaged record
            damage = error
        if damage is None:
            end = records.offset
            continue
        resume = None
        if size is not None and tally.refused + tally.truncated < MAX_DAMAGED:
            resume = _next_record(stream, end + 1, size)
        if not isinstance(damage, EOFError):
            yield _damaged(where, damage, stream, tally, resume)
        if resume is None:
            return None
        stream.seek(resume)
        records, end = _iterate(stream, gzipped), resume
    if size is not None and end < size:
        tally.truncated += 1
        url = _target_uri(stream, end)
        yield InputError(
            _where(names.source, number, end, url),
            f"truncated: the archive ends inside this record (its {size - end:,} bytes are not "
            "a whole record); the records before it are kept",
        )
    return None


class DamagedMember(Exception):
    """A gzip member of the archive whose data does not decompress."""


def _starts_gzip(stream: BinaryIO) -> bool:
    gzipped = stream.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    stream.seek(0)
    return gzipped


def _iterate(stream: BinaryIO, gzipped: bool) -> ArchiveIterator:
    """warcio's records of `stream` from where it stands, read through a reader that raises
    DamagedMember where a gzip member does not decompress: warcio's own reads the member on
    as if it were not compressed, or returns nothing and drops with it what its buffer held
    of the members after it, so good records after a damaged one were lost unnamed."""
    records = _warcio().archiveiterator.ArchiveIterator(stream, arc2warc=True)
    records.reader = _member_reader()(
        records.fh, block_size=records.reader.block_size, decomp_type="gzip" if gzipped else None
    )
    return records


@cache
def _member_reader() -> type:
    """A subclass of warcio's reader made when an archive is first read (warcio is imported
    lazily)."""

    class MemberReader(_warcio().bufferedreaders.DecompressingBufferedReader):
        def _decompress(self, data: bytes) -> bytes:
            if not (self.decompressor and data):
                return data
            try:
                return cast(bytes, self.decompressor.decompress(data))
            except zlib.error as error:
                raise DamagedMember(f"its gzip data does not decompress: {error}") from None

    return MemberReader


def _damaged(
    where: str, error: Exception, stream: object, tally: Tally, resume: int | None
) -> InputError:
    """The error for a record warcio cannot read: truncated, when the gzip data it came from
    was cut short; else damaged, and where reading goes on."""
    if getattr(stream, "cut_short", False):
        tally.truncated += 1
        return InputError(where, "truncated: the archive ends inside this record")
    tally.refused += 1
    then = f"read on from byte {resume}" if resume is not None else "the rest is not read"
    if resume is None and tally.refused + tally.truncated > MAX_DAMAGED:
        then = f"over {MAX_DAMAGED} records damaged: the rest is not read"
    return InputError(where, f"damaged record ({_what(error)}); {then}")


def _next_record(stream: BinaryIO, offset: int, size: int) -> int | None:
    """Where the first WARC record at or after `offset` begins (a gzip member that unpacks to
    'WARC/', or 'WARC/1.x' uncompressed), or None."""
    position, block_size = offset, SCAN_OVERLAP * 256
    while position < size:
        stream.seek(position)
        block = stream.read(block_size)
        if not block:
            break
        for match in RECORD_START_RE.finditer(block):
            if _begins_record(stream, position + match.start()):
                return position + match.start()
        position += max(len(block) - SCAN_OVERLAP, 1)
        block_size = min(block_size * 2, SCAN_BLOCK)  # small first: the next is near, mostly
    return None


def _begins_record(stream: BinaryIO, offset: int) -> bool:
    stream.seek(offset)
    head = stream.read(ARCHIVE_SNIFF_BYTES * 8)
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head)
        except zlib.error:
            return False
    return head.startswith(b"WARC/1.")


def _target_uri(stream: BinaryIO, offset: int) -> str:
    """The WARC-Target-URI in what is left of a record cut short (warcio passes over it)."""
    stream.seek(offset)
    data = stream.read(ARCHIVE_SNIFF_BYTES * 1024)
    if data.startswith(GZIP_MAGIC):
        with contextlib.suppress(zlib.error):
            data = zlib.decompressobj(wbits=31).decompress(data)
    header = data.split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
    for line in header.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "warc-target-uri":
            return value.strip()
    return ""


def _one_record(
    record: ArcWarcRecord,
    records: ArchiveIterator,
    names: PageNames,
    number: int,
    tally: Tally,
    said: io.StringIO,
    by_length: bool,
) -> Generator[Document | InputError, None, bool]:
    """The record's page, or the error that refuses it, or the reason it is skipped
    (counted); an error for any record cut short, or (in an uncompressed WARC, where nothing
    else marks where a record ends) not followed by the blank line its Content-Length puts
    there. Returns whether the record was whole and reading can go on after it."""
    skipped = _skip_reason(record)
    problem, body, said_before = None, b"", records.err_count
    with _library_messages() as said_reading:
        if skipped is None:
            try:
                body = _bounded_body(record)
            except InputProblem as error:
                problem = str(error)
        start = records.get_record_offset()  # reads what is left of the record
    unended = records.err_count > said_before  # not followed by a blank line: warcio says so
    url = _header(record, "WARC-Target-URI")
    where = _where(names.source, number, start, url)
    if cut := _cut_short(record):
        tally.truncated += 1
        yield InputError(where, cut)
        return False
    if by_length and unended and record.format == "warc":
        tally.refused += 1
        yield InputError(where, "damaged record: its Content-Length does not end it")
        return False
    if messages := " ".join((said.getvalue() + said_reading.getvalue()).split()):
        yield InputWarning(where, f"the archive reader says: {messages}")
    if skipped:
        tally.skipped[skipped] += 1
        return True
    try:
        if problem:
            raise InputProblem(problem)
        document = _page(record, body, names, number, url)
    except InputProblem as error:
        tally.refused += 1
        yield InputError(where, str(error))
        return True
    tally.pages += 1
    yield document
    return True


def _cut_short(record: ArcWarcRecord) -> str | None:
    """Why the record is not whole (its block shorter than its Content-Length, or its header
    cut before a field every record has), or None."""
    if missing := getattr(record.raw_stream, "limit", 0):
        return f"truncated: the last {missing:,} bytes of the record are missing"
    if unfinished := next((h for h in REQUIRED_HEADERS if not _header(record, h)), None):
        return f"truncated or damaged: the record's header has no {unfinished}"
    return None


def _where(source: str, number: int, offset: int, url: str) -> str:
    shown = shortened(url, URL_SHOWN)
    return f"{source} (record {number}, at byte {offset}{', ' + shown if shown else ''})"


def _skip_reason(record: ArcWarcRecord) -> str | None:
    """Why a record is not a page (its kind, as counted), or None for an HTML page."""
    if record.rec_type != "response":
        return record.rec_type or "record of no type"
    headers = record.http_headers
    if headers is None:
        return "response without HTTP headers"
    status = headers.get_statuscode()
    if status != "200":
        return f"response status {status or 'missing'}"
    media_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if media_type and media_type not in HTML_TYPES:
        return "response not HTML"
    return None


def _bounded_body(record: ArcWarcRecord) -> bytes:
    """The response body with its transfer and content encodings undone (chunked; gzip,
    deflate, brotli), up to the size budget of one input."""
    encoding = (record.http_headers.get_header("Content-Encoding") or "").strip().lower()
    if encoding == "br":  # warcio's brotli decoding expects the old brotlipy's API
        chunks = _unbrotli(_payload(record))
    elif (
        encoding in ("", "identity")
        or encoding in _warcio().bufferedreaders.BufferedReader.get_supported_decompressors()
    ):
        chunks = _chunks(record.content_stream())
    else:
        raise InputProblem(f"body compressed as {encoding!r}, which newsprism cannot undo")
    kept, size = [], 0
    try:
        for chunk in chunks:
            kept.append(chunk)
            size += len(chunk)
            if size > MAX_INPUT_BYTES:
                raise InputProblem(f"page {too_large(size)}: not read")
    except brotli.error as error:
        raise InputProblem(f"body is not valid brotli data ({error})") from None
    return b"".join(kept)


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(READ_CHUNK):
        yield chunk


def _payload(record: ArcWarcRecord) -> BinaryIO:
    """The body with a chunked transfer encoding undone, its content encoding kept."""
    if (record.http_headers.get_header("Transfer-Encoding") or "").lower() == "chunked":
        return _warcio().bufferedreaders.ChunkedDataReader(record.raw_stream, decomp_type=None)
    return record.raw_stream


def _unbrotli(stream: BinaryIO) -> Iterator[bytes]:
    """Brotli data undone a bounded piece at a time (a few KB can hold gigabytes)."""
    decompressor = brotli.Decompressor()
    for chunk in _chunks(stream):
        yield decompressor.process(chunk, output_buffer_limit=READ_CHUNK)
        while not decompressor.can_accept_more_data():
            yield decompressor.process(b"", output_buffer_limit=READ_CHUNK)


def _page(record: ArcWarcRecord, body: bytes, names: PageNames, number: int, url: str) -> Document:
    headers = record.http_headers
    if not headers.get_header("Content-Type") and not _looks_like_html(body):
        raise InputProblem("response with no Content-Type that is not HTML")
    if not body.strip():
        raise InputProblem("empty page")
    date = _header(record, "WARC-Date")
    record_id = _header(record, "WARC-Record-ID")
    return Document(
        source=names.claim(url, date, record_id, number),
        content=decode_page(body, _charset(headers.get_header("Content-Type") or "")),
        format="html",
        url=url or None,
        captured=date or None,
    )


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _header(record: ArcWarcRecord, name: str) -> str:
    return (record.rec_headers.get_header(name) or "").strip()


def _what(error: Exception) -> str:
    text = " ".join(str(error).split())
    text = shortened(text, URL_SHOWN)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@contextlib.contextmanager
def _library_messages() -> Iterator[io.StringIO]:
    """What warcio writes to stderr meanwhile (a record not followed by a blank line, a body
    that does not decompress), kept to report with the record instead."""
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        yield said
