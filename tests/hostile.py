"""A corpus of hostile inputs (issue 15), generated into a folder so nothing big is committed
and the odd ones (FIFOs, links, control characters in names) can exist at all. Each case
says what reading it must give: documents, and errors or warnings with their reasons.

Used by tests/test_hostile_inputs.py; a fuzz benchmark can call `write_corpus(folder)`."""

from __future__ import annotations

import codecs
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BODY = (
    "The council voted on Tuesday to approve the new budget after a long debate.\n"
    "“We have done what we promised,” said the mayor, Ann Lee, after the vote.\n"
)
DEPTH = 100_000


@dataclass(frozen=True)
class Hostile:
    name: str
    make: Callable[[Path], Path]  # writes the input under the folder given; returns its path
    documents: int = 0
    errors: tuple[str, ...] = ()  # a reason (part) for each error expected, in order
    warnings: int = 0


def record(**fields: object) -> str:
    return json.dumps({"title": "Budget vote", "text": BODY, **fields})


def lines(*rows: str) -> bytes:
    return ("\n".join(rows) + "\n").encode("utf-8")


def write(folder: Path, name: str | bytes, data: bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_bytes(data)
    return path


def text_file(title: str = "Budget vote") -> bytes:
    return f"{title}\n{BODY}".encode()


def deep_json_lines(folder: Path) -> Path:
    deep = "[" * DEPTH + "]" * DEPTH
    return write(folder, "deep.jsonl", lines(record(id="a"), deep, record(id="c")))


def deep_json_file(folder: Path) -> Path:
    return write(folder, "deep.json", b'{"a":' * DEPTH + b"1" + b"}" * DEPTH)


def deep_sidecar(folder: Path) -> Path:
    write(folder, "a.txt.meta.json", b"[" * DEPTH + b"]" * DEPTH)
    return write(folder, "a.txt", text_file())


def huge_integer(folder: Path) -> Path:
    digits = "7" * 5000
    rows = (
        f'{{"id": "a", "views": {digits}, "text": {json.dumps(BODY)}}}',
        digits,
        f'{{"id": "c", "text": {digits}}}',
    )
    return write(folder, "numbers.jsonl", lines(*rows))


def lone_surrogate(folder: Path) -> Path:
    row = '{"id": "a", "title": "Budget \\ud800 vote", "text": ' + json.dumps(BODY) + "}"
    return write(folder, "surrogate.jsonl", lines(row))


def nul_escape(folder: Path) -> Path:
    return write(folder, "nul.jsonl", lines(record(id="a", text=BODY + "\x00 end")))


def repeated_id(folder: Path) -> Path:
    second = record(id="b", title="Another vote")
    third = record(id="a", title="A third vote")
    return write(folder, "ids.jsonl", lines(record(id="a"), second, third))


def nul_after_8k(folder: Path) -> Path:
    return write(folder, "late-nul.txt", text_file() + b"x" * 9000 + b"\x00tail\n")


def nul_after_8k_html(folder: Path) -> Path:
    page = b"<html><body><p>" + BODY.encode() * 100 + b"\x00</p></body></html>"
    return write(folder, "late-nul.html", page)


def big_sidecar(folder: Path) -> Path:
    with (folder / "a.txt.meta.json").open("wb") as handle:
        handle.write(b'{"outlet": "Paper", "pad": "')
        handle.truncate(20 * 1024 * 1024)
    return write(folder, "a.txt", text_file())


def encoded(encoding: str, bom: bytes = b"") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return write(folder, f"{encoding}.txt", bom + text_file().decode().encode(encoding))

    return make


def wrong_type(value: object) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return write(folder, "typed.jsonl", lines(json.dumps({"title": "T", "text": value})))

    return make


def fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def fifo_in_folder(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    write(folder, "good.txt", text_file())
    return folder


def pdf(folder: Path) -> Path:
    return write(folder, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")


def pdf_by_name(folder: Path) -> Path:
    return write(folder, "report.pdf", b"Plain words in a file named like a PDF.\n")


def office_file(folder: Path) -> Path:
    return write(folder, "letter.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml")


def gzip_file(folder: Path) -> Path:
    return write(folder, "crawl.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03")


def newline_name(folder: Path) -> Path:
    return write(folder, "evil\nerror: forged line.txt", b"\x00\x01binary")


def escape_name(folder: Path) -> Path:
    return write(folder, "\x1b[2J\x1b]0;title\x07evil.txt", b"")


def latin1_name(folder: Path) -> Path:
    return write(folder, b"caf\xe9.txt", text_file())


def dangling_link(folder: Path) -> Path:
    os.symlink(folder / "gone.txt", folder / "link.txt")
    write(folder, "good.txt", text_file())
    return folder


def empty_folder(folder: Path) -> Path:
    (folder / "empty").mkdir()
    return folder / "empty"


def unsupported_only(folder: Path) -> Path:
    write(folder, "notes.md", b"# Notes\n")
    write(folder, "data.csv", b"a,b\n")
    return folder


def web_archive(pages: list[bytes]) -> bytes:
    """A .warc.gz holding a 200 HTML response for each page, written with warcio."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for number, body in enumerate(pages):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        url = f"https://news.example/{number}"
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                           http_headers=http)  # fmt: skip
        writer.write_record(record)
    return out.getvalue()


def html_page(title: str) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    return f"<html><head><title>{title}</title></head><body>{paragraphs}</body></html>".encode()


def truncated_archive(folder: Path) -> Path:
    data = web_archive([html_page("Budget vote"), html_page("Second vote")])
    first = len(web_archive([html_page("Budget vote")]))
    return write(folder, "cut.warc.gz", data[: first + (len(data) - first) // 2])


def nul_page_in_archive(folder: Path) -> Path:
    return write(folder, "nul.warc.gz", web_archive([b"<html>\x00\x01</html>"]))


def text_named_warc(folder: Path) -> Path:
    return write(folder, "notes.warc.gz", text_file())


def sitemap_xml(folder: Path) -> Path:
    return write(folder, "sitemap.xml", b'<?xml version="1.0"?><urlset><url/></urlset>')


def teaser_feed(folder: Path) -> Path:
    item = "<item><title>Budget</title><description>A teaser.</description></item>"
    return write(folder, "teasers.rss", f"<rss><channel>{item}</channel></rss>".encode())


CASES: tuple[Hostile, ...] = (
    Hostile("deep_json_lines", deep_json_lines, 2, ("nested too deeply",)),
    Hostile("deep_json_file", deep_json_file, 0, ("nested too deeply",)),
    Hostile("deep_sidecar", deep_sidecar, 0, ("bad metadata file a.txt.meta.json",)),
    Hostile("huge_integer", huge_integer, 1, ("not a JSON object but a number", "is a number")),
    Hostile("lone_surrogate", lone_surrogate, 1, warnings=1),
    Hostile("nul_escape", nul_escape, 1, warnings=1),
    Hostile("repeated_id", repeated_id, 2, ("same id as line 1",)),
    Hostile("nul_after_8k", nul_after_8k, 0, ("NUL byte at offset",)),
    Hostile("nul_after_8k_html", nul_after_8k_html, 0, ("NUL byte at offset",)),
    Hostile("big_sidecar", big_sidecar, 0, ("too large",)),
    Hostile("utf16_le_bom", encoded("utf-16-le", codecs.BOM_UTF16_LE), 1),
    Hostile("utf16_be_bom", encoded("utf-16-be", codecs.BOM_UTF16_BE), 1),
    Hostile("utf32_bom", encoded("utf-32"), 1),
    Hostile("utf8_bom", encoded("utf-8-sig"), 1),
    Hostile("utf16_no_bom", encoded("utf-16-le"), 0, ("UTF-16 without a byte-order mark",)),
    Hostile("text_number", wrong_type(42), 0, ("`text` is a number, not a string",)),
    Hostile("text_object", wrong_type({"a": 1}), 0, ("`text` is an object, not a string",)),
    Hostile("text_empty", wrong_type(" "), 0, ("`text` is empty",)),
    Hostile("fifo", fifo, 0, ("not a regular file (a FIFO)",)),
    Hostile("fifo_in_folder", fifo_in_folder, 1, ("not a regular file (a FIFO)",)),
    Hostile("pdf_by_magic", pdf, 0, ("PDF is not supported",)),
    Hostile("pdf_by_name", pdf_by_name, 0, ("PDF is not supported",)),
    Hostile("office_file", office_file, 0, ("Word document is not supported",)),
    Hostile("gzip_named_jsonl", gzip_file, 0, ("gzip archive is not supported",)),
    Hostile("newline_in_name", newline_name, 0, ("binary file",)),
    Hostile("escapes_in_name", escape_name, 0, ("empty file",)),
    Hostile("latin1_name", latin1_name, 1),
    Hostile("dangling_link", dangling_link, 1, ("broken symbolic link",)),
    Hostile("empty_folder", empty_folder, 0, ("no files to read here",)),
    Hostile("unsupported_only", unsupported_only, 0, ("no files to read here",)),
    # Web archives and feeds (issue 20): the count of what an archive held is a note, and
    # counted with the warnings here.
    Hostile("truncated_archive", truncated_archive, 1, ("truncated",), warnings=1),
    Hostile("nul_page_in_archive", nul_page_in_archive, 0, ("NUL byte",), warnings=1),
    Hostile("text_named_warc", text_named_warc, 0, ("not a web archive",)),
    Hostile("sitemap_xml", sitemap_xml, 0, ("not a feed: its root element is <urlset>",)),
    Hostile("teaser_feed", teaser_feed, 0, warnings=1),
)


def write_corpus(folder: Path) -> list[tuple[Hostile, Path]]:
    """Every case in a folder of its own under `folder`: (case, the path to give)."""
    made = []
    for case in CASES:
        home = folder / case.name
        home.mkdir(parents=True)
        made.append((case, case.make(home)))
    return made
