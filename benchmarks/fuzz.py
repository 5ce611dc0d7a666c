"""Hostile and random inputs through the real pipeline: crashes, hangs and seconds per MB.

Each input is written to a file in a temporary folder and read the way a user's file is
(`read_path`), then every document goes through `process_document` (extract, clean, quotes);
the kinds marked "analyze" run the whole `newsprism analyze` command in a subprocess instead
(store, stories, report). A refused input (an InputError from the reader, an ExtractionError,
an OverBudget) is an answer, not a failure; any other exception is a crash; an input over
`--budget` seconds per MB (three times that for the analyze kinds, at least `--budget-floor`
seconds) is a hang.

First the scaling table: every kind at growing sizes (`--sizes`, in KB), with seconds per MB
at each, so an input whose time is not linear in its size shows as a growing figure. Then
random inputs (random kinds, sizes and seeds) until `--seconds` have passed. Last, the
summary: inputs tried, crashes (with the seed and size to reproduce one), hangs, and the
slowest kinds in seconds per MB.

    .venv/bin/python benchmarks/fuzz.py [--seconds 60] [--sizes 16 64 256] [--seed 1]
    .venv/bin/python benchmarks/fuzz.py --kinds quotes_line capitals --sizes 64 256 1024
"""

from __future__ import annotations

import argparse
import io
import json
import random
import signal
import string
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.budget import OverBudget
from newsprism.extract import ExtractionError
from newsprism.ingest import InputError, read_path
from newsprism.pipeline import process_document

QUOTE_MARKS = "“”‘’\"'«»„‹›"
WORDS = ("the", "minister", "said", "told", "according", "to", "Reuters", "he", "she", "we",
         "will", "not", "vote", "on", "Tuesday", "budget", "Ann", "Lee", "of", "a")  # fmt: skip


@dataclass(frozen=True)
class Kind:
    name: str
    suffix: str
    make: Callable[[random.Random, int], bytes]
    analyze: bool = False  # run the whole analyze command, not one document at a time


def _repeat(piece: Callable[[int], str], size: int) -> str:
    parts, length, n = [], 0, 0
    while length < size:
        part = piece(n)
        parts.append(part)
        length += len(part.encode("utf-8"))
        n += 1
    return "".join(parts)


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def quotes_line(rng: random.Random, size: int) -> bytes:
    """One line of quotes, some with a cue, most without: attribution per quote."""
    cues = ("", "", ", he said,", " she told Reuters", ", according to Ann Lee,")
    line = _repeat(lambda n: f"“{_words(rng, 3)} {n}”{rng.choice(cues)} ", size)
    return f"Title of quotes\n{line}\n".encode()


def open_quotes(rng: random.Random, size: int) -> bytes:
    """Quote marks that never close, and stray apostrophes, over many short paragraphs."""
    text = _repeat(lambda n: f"{rng.choice(QUOTE_MARKS)}{_words(rng, 4)}'s {n}\n", size)
    return f"Title\n{text}".encode()


def capitals(rng: random.Random, size: int) -> bytes:
    """Long tokens of capitals (the names pattern) in a title and a body."""
    token = "".join(rng.choice("ABCDEFGHIJ-'") for _ in range(size // 2))
    return f"{token}\n{token} said “{_words(rng, 5)}”\n".encode()


def long_sentence(rng: random.Random, size: int) -> bytes:
    """One sentence with no full stop, words and names and commas."""
    body = _repeat(lambda n: f"{rng.choice(WORDS)} Ann Lee{n % 10}, ", size)
    return f"A long sentence\n{body}\n".encode()


def many_paragraphs(rng: random.Random, size: int) -> bytes:
    return ("Paragraphs\n" + _repeat(lambda n: f"{_words(rng, 8)} {n}.\n", size)).encode()


def many_p(rng: random.Random, size: int) -> bytes:
    body = _repeat(lambda n: f"<p>{_words(rng, 4)} {n}.</p>", size)
    return f"<html><head><title>Many</title></head><body>{body}</body></html>".encode()


def deep_html(rng: random.Random, size: int) -> bytes:
    depth = size // 12
    return (
        "<html><body>"
        + "<div><b>" * depth
        + "<p>Deep text said Ann Lee.</p>"
        + "</b></div>" * depth
    ).encode()


def huge_json_line(rng: random.Random, size: int) -> bytes:
    text = _repeat(lambda n: f"“{_words(rng, 5)}” said Ann Lee {n}. ", size)
    return json.dumps({"id": "one", "title": "Huge", "text": text}).encode() + b"\n"


def tiny_records(rng: random.Random, size: int) -> bytes:
    return _repeat(lambda n: json.dumps({"id": n, "text": f"Body {n}."}) + "\n", size).encode()


def copies(rng: random.Random, size: int) -> bytes:
    """One article again and again, each from another outlet: one story of many copies."""
    text = f"“{_words(rng, 10)},” said Mayor Ann Lee on Tuesday."

    def record(n: int) -> str:
        return json.dumps({"id": n, "title": "Bridge", "source": f"o{n}.example", "text": text})

    return _repeat(lambda n: record(n) + "\n", size).encode()


def random_bytes(rng: random.Random, size: int) -> bytes:
    return rng.randbytes(size)


def random_unicode(rng: random.Random, size: int) -> bytes:
    """Random code points (no surrogates) with quote marks, newlines and spaces mixed in."""
    common = QUOTE_MARKS + "\n  .,:;—" + string.ascii_letters

    def char() -> str:
        if rng.random() < 0.7:
            return rng.choice(common)
        point = rng.randrange(0x20, 0x2FFFF)
        return chr(point) if not 0xD800 <= point <= 0xDFFF else " "

    return "".join(char() for _ in range(size // 2)).encode("utf-8", "replace")


def random_html(rng: random.Random, size: int) -> bytes:
    tags = ("p", "div", "span", "li", "ul", "table", "td", "a", "b", "script", "h1", "article")
    pieces = _repeat(
        lambda n: rng.choice(
            [f"<{rng.choice(tags)}>", f"</{rng.choice(tags)}>", _words(rng, 3), "“", "”"]
        ),
        size,
    )
    return f"<html><body>{pieces}</body></html>".encode()


def _damaged(rng: random.Random, data: bytes) -> bytes:
    """`data` as it is, cut short, or with a few bytes overwritten, by chance."""
    roll = rng.random()
    if roll < 0.3 or not data:
        return data
    if roll < 0.65:
        return data[: rng.randrange(len(data))]
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


def warc_pages(rng: random.Random, size: int) -> bytes:
    """A .warc.gz of random HTML pages, images and 404s, perhaps cut short or damaged."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=rng.random() < 0.8)
    while out.tell() < size:
        status, kind = rng.choice([("200 OK", "text/html")] * 4 + [("404 Not Found", "text/html"),
                                  ("200 OK", "image/png")])  # fmt: skip
        body = random_html(rng, rng.randint(200, 8000))
        http = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        url = f"https://news.example/{out.tell()}"
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
        )
    return _damaged(rng, out.getvalue())


def random_warc(rng: random.Random, size: int) -> bytes:
    """Random bytes behind the start of a WARC record (or gzip's magic bytes)."""
    return rng.choice([b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00"]) + rng.randbytes(size)


def warc_headers(rng: random.Random, size: int) -> bytes:
    """Many WARC headers with no Content-Length, random bytes between: a damaged record,
    then another, each skipped to the next."""
    return _repeat(
        lambda n: f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: {n}\r\n\r\n"
        + rng.choice(["", "<html>", "\x1f\x8b\x08", _words(rng, 3)]),
        size,
    ).encode()


def feed_items(rng: random.Random, size: int) -> bytes:
    """An RSS feed of random HTML items (some summaries only), perhaps cut or damaged."""
    items = _repeat(
        lambda n: f"<item><title>{_words(rng, 4)}</title><link>https://x.example/{n}</link>"
        + (f"<content:encoded><![CDATA[{random_html(rng, 2000).decode()}]]></content:encoded>"
           if rng.random() < 0.7 else f"<description>{_words(rng, 9)}</description>")
        + "</item>",
        size,
    )  # fmt: skip
    feed = (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Fuzz</title>'
        f"{items}</channel></rss>"
    )
    return _damaged(rng, feed.encode())


def random_feed(rng: random.Random, size: int) -> bytes:
    return b"<rss><channel><item>" + random_unicode(rng, size)


KINDS = [
    Kind("quotes_line", ".txt", quotes_line),
    Kind("open_quotes", ".txt", open_quotes),
    Kind("capitals", ".txt", capitals),
    Kind("long_sentence", ".txt", long_sentence),
    Kind("many_paragraphs", ".txt", many_paragraphs),
    Kind("many_p", ".html", many_p),
    Kind("deep_html", ".html", deep_html),
    Kind("random_html", ".html", random_html),
    Kind("huge_json_line", ".jsonl", huge_json_line),
    Kind("random_bytes", ".txt", random_bytes),
    Kind("random_unicode", ".txt", random_unicode),
    Kind("warc_pages", ".warc.gz", warc_pages),
    Kind("random_warc", ".warc.gz", random_warc),
    Kind("warc_headers", ".warc", warc_headers),
    Kind("feed_items", ".rss", feed_items),
    Kind("random_feed", ".xml", random_feed),
    Kind("tiny_records", ".jsonl", tiny_records, analyze=True),
    Kind("copies", ".jsonl", copies, analyze=True),
]
MIN_RATE_BYTES = 32 * 1024
ANALYZE_BUDGET_FACTOR = 3


@dataclass
class Outcome:
    seconds: float
    crash: str | None = None  # the traceback's last line
    refused: int = 0
    documents: int = 0


@dataclass
class Tally:
    tried: int = 0
    refused: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    per_mb: dict[str, float] = field(default_factory=dict)  # kind -> worst s/MB

    def add(self, kind: Kind, size: int, seed: int, outcome: Outcome, budget: float) -> None:
        self.tried += 1
        self.refused += outcome.refused
        where = f"{kind.name} size={size} seed={seed}"
        if outcome.crash:
            self.crashes.append(f"{where}: {outcome.crash}")
        if outcome.seconds > budget:
            self.hangs.append(f"{where}: {outcome.seconds:.1f} s")
        if size >= MIN_RATE_BYTES:  # smaller inputs are mostly start-up cost
            rate = outcome.seconds / (size / 1e6)
            self.per_mb[kind.name] = max(self.per_mb.get(kind.name, 0.0), rate)


class Hang(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang()


def run_documents(path: Path, budget: float) -> Outcome:
    """read_path, then process_document on each document, stopped at `budget` seconds."""
    outcome = Outcome(0.0)
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, budget)
    start = time.perf_counter()
    try:
        for item in read_path(path):
            if isinstance(item, InputError):
                outcome.refused += 1
                continue
            outcome.documents += 1
            try:
                process_document(item)
            except (ExtractionError, OverBudget):
                outcome.refused += 1
    except Hang:
        pass
    except Exception:
        outcome.crash = traceback.format_exc().strip().splitlines()[-1][:200]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        outcome.seconds = time.perf_counter() - start
    return outcome


def run_analyze(path: Path, budget: float) -> Outcome:
    """The analyze command in a subprocess, with its own store and report folder."""
    store, out = path.with_suffix(".db"), path.parent / "report"
    command = [sys.executable, "-m", "newsprism.cli", "analyze", str(path)]
    command += ["--db", str(store), "--out", str(out)]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget * 2)
    except subprocess.TimeoutExpired:
        return Outcome(time.perf_counter() - start)
    seconds = time.perf_counter() - start
    crash = done.stderr.strip().splitlines()[-1][:200] if "Traceback" in done.stderr else None
    refused = sum(1 for line in done.stderr.splitlines() if line.strip())
    return Outcome(seconds, crash, refused if done.returncode == 1 else 0)


def try_one(kind: Kind, size: int, seed: int, folder: Path, budget: float) -> Outcome:
    rng = random.Random(seed)
    path = folder / f"{kind.name}-{seed}{kind.suffix}"
    path.write_bytes(kind.make(rng, size))
    try:
        return (run_analyze if kind.analyze else run_documents)(path, budget)
    finally:
        path.unlink()


def hang_seconds(kind: Kind, size: int, args: argparse.Namespace) -> float:
    """How long an input of `size` bytes may take before it counts as a hang: records of
    a few bytes each through the whole analyze (store, stories, report) cost about 1 ms
    each, 37,000 to a MB, so those kinds have ANALYZE_BUDGET_FACTOR times the budget."""
    per_mb = args.budget * (ANALYZE_BUDGET_FACTOR if kind.analyze else 1)
    return max(args.budget_floor, per_mb * size / 1e6)


def scaling(kinds: list[Kind], sizes: list[int], args: argparse.Namespace, tally: Tally) -> None:
    print(f"{'kind':16} {'KB':>7} {'seconds':>8} {'s/MB':>8}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for kind in kinds:
            for size_kb in sizes:
                size = size_kb * 1024
                budget = hang_seconds(kind, size, args)
                outcome = try_one(kind, size, args.seed, Path(folder), budget)
                tally.add(kind, size, args.seed, outcome, budget)
                status = outcome.crash or (
                    "HANG" if outcome.seconds > budget else f"{outcome.refused} refused"
                )
                rate = outcome.seconds / (size / 1e6)
                print(f"{kind.name:16} {size_kb:7} {outcome.seconds:8.2f} {rate:8.2f}  {status}")


def random_run(kinds: list[Kind], args: argparse.Namespace, tally: Tally) -> None:
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    cheap = [k for k in kinds if not k.analyze]  # analyze starts a process: scaling only
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline and cheap:
            kind, seed = rng.choice(cheap), rng.randrange(1 << 30)
            size = int(2 ** rng.uniform(0, args.random_max_log2))
            budget = hang_seconds(kind, size, args)
            outcome = try_one(kind, size, seed, Path(folder), budget)
            tally.add(kind, size, seed, outcome, budget)


def report(tally: Tally) -> None:
    print(f"\ninputs tried: {tally.tried}, refused by name: {tally.refused}")
    print(f"crashes: {len(tally.crashes)}")
    for crash in tally.crashes[:20]:
        print(f"  {crash}")
    print(f"hangs (over the budget): {len(tally.hangs)}")
    for hang in tally.hangs[:20]:
        print(f"  {hang}")
    print(f"slowest kinds (worst seconds per MB, inputs of {MIN_RATE_BYTES // 1024} KB and more):")
    for name, rate in sorted(tally.per_mb.items(), key=lambda item: -item[1])[:6]:
        print(f"  {name:16} {rate:8.2f} s/MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="random inputs for this long")
    parser.add_argument("--sizes", type=int, nargs="*", default=[16, 64, 256], help="in KB")
    parser.add_argument("--kinds", nargs="*", help="only these kinds (default: all)")
    parser.add_argument("--budget", type=float, default=20, help="seconds per MB: a hang above")
    parser.add_argument("--budget-floor", type=float, default=10, help="seconds, for small ones")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--random-max-log2", type=float, default=16, help="random sizes < 2**N")
    args = parser.parse_args()
    kinds = [k for k in KINDS if not args.kinds or k.name in args.kinds]
    tally = Tally()
    scaling(kinds, args.sizes, args, tally)
    random_run(kinds, args, tally)
    report(tally)
    sys.exit(1 if tally.crashes or tally.hangs else 0)


if __name__ == "__main__":
    main()
