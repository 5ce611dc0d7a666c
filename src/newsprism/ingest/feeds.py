"""RSS and Atom feeds -> a Document for each item that carries its full text.

An item's full text (RSS `content:encoded`, Atom `content`) is read as an HTML page, through
the same extraction and cleaning as any page; its title, link, date and the feed's title come
with it. An item with only a summary (RSS `description`, Atom `summary`) is not the article:
it gets a warning naming it, and is not analysed. A file named .xml that is not a feed is
refused as such; a feed that is not well-formed XML is read leniently, with a warning.

feedparser is given a file object, never bytes or a string (a string it fetches as a URL; bytes
it first tries to open as a file name), and it neither loads external entities nor a DTD."""

from __future__ import annotations

import io
import re
import time
from html import escape
from typing import Any
from urllib.parse import urlsplit

from newsprism.extract import bom_encoding
from newsprism.ingest.decoding import Replacements
from newsprism.ingest.errors import InputError, InputProblem, InputWarning, shortened
from newsprism.model import Document, DocumentFormat

FEED_ROOTS = {"rss": "RSS", "feed": "Atom", "rdf": "RSS 1.0"}
HTML_CONTENT = ("text/html", "application/xhtml+xml")
# What may stand before the root element: declarations, comments, processing instructions, a
# doctype (with its internal subset).
PROLOG_RE = re.compile(
    rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.DOTALL | re.IGNORECASE
)
ROOT_RE = re.compile(rb"\s*<([A-Za-z_][\w.:-]*)")
FEED_SNIFF_BYTES = 64 * 1024
SHOWN = 100


def read_feed(source: str, data: bytes) -> list[Document | InputError]:
    """The articles of a feed file, and a warning or error for each item that is not one."""
    # Imported here, not at start-up: most runs read no feed, and feedparser (with the http
    # modules it pulls in) would cost every run tens of milliseconds.
    import feedparser

    kind = feed_kind(data)
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    entries = parsed.get("entries") or []
    items: list[Document | InputError] = []
    if parsed.get("bozo") and not entries:
        raise InputProblem(f"malformed {kind} feed: {_problem(parsed)}; no items could be read")
    if parsed.get("bozo"):
        reason = f"not well-formed {kind} ({_problem(parsed)}); its items were read leniently"
        items.append(InputWarning(source, reason))
    if not entries:
        raise InputProblem(f"{kind} feed with no items")
    outlet = _text(parsed.get("feed", {}).get("title"))
    taken: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        items.extend(_item(source, entry, number, outlet, taken))
    return items


def feed_kind(data: bytes) -> str:
    """RSS, RSS 1.0 or Atom, by the root element; else an InputProblem: not a feed."""
    head = data[:FEED_SNIFF_BYTES]
    if encoding := bom_encoding(head):
        head = head.decode(encoding, errors="replace").encode("utf-8")
    position = 0
    while prolog := PROLOG_RE.match(head, position):
        if prolog.end() == position:
            break
        position = prolog.end()
    root = ROOT_RE.match(head, position)
    if root is None:
        raise InputProblem("not a feed: no XML root element (newsprism reads RSS and Atom feeds)")
    name = root.group(1).decode("ascii", "replace")
    kind = FEED_ROOTS.get(name.rpartition(":")[2].lower())
    if kind is None:
        raise InputProblem(
            f"not a feed: its root element is <{name}> (newsprism reads RSS and Atom feeds)"
        )
    return kind


def _problem(parsed: Any) -> str:
    error = parsed.get("bozo_exception")
    text = " ".join(str(error).split()) if error else "unknown problem"
    return text.removeprefix("<unknown>:").strip()


def _item(
    source: str, entry: Any, number: int, outlet: str | None, taken: dict[str, int]
) -> list[Document | InputError]:
    link = _link(entry)
    where = f"{source} (item {number}{', ' + shortened(link, SHOWN) if link else ''})"
    key = _text(entry.get("id")) or link or f"item {number}"
    if key in taken:
        return [
            InputError(where, f"same id as item {taken[key]} ({shortened(key, SHOWN)!r}): not read")
        ]
    taken[key] = number
    content = _full_text(entry)
    if content is None:
        what = "only a summary" if _text(entry.get("summary")) else "no text"
        return [InputWarning(where, f"{what}, not analysed as an article")]
    text, content_format = content
    clean = Replacements()
    title = clean.optional(_text(entry.get("title")))
    document = Document(
        source=clean.text(f"{source}#{key}"),
        content=clean.text(_page(text, title) if content_format == "html" else text),
        format=content_format,
        title=title,
        url=clean.optional(link),
        published=_date(entry),
        outlet=clean.optional(outlet or (urlsplit(link).hostname if link else None)),
    )
    warning = clean.warning(where)
    return [warning, document] if warning else [document]


def _full_text(entry: Any) -> tuple[str, DocumentFormat] | None:
    """The item's full text and whether it is HTML, or None when it has none."""
    contents = [c for c in entry.get("content") or [] if _text(c.get("value"))]
    html = [c for c in contents if c.get("type", "text/html") in HTML_CONTENT]
    chosen = (html or contents or [None])[0]
    if chosen is None:
        return None
    return chosen["value"], "html" if html else "text"


def _page(fragment: str, title: str | None) -> str:
    """The item's HTML as a page, so it is extracted like any other."""
    head = f"<title>{escape(title)}</title>" if title else ""
    return f"<html><head>{head}</head><body><article>{fragment}</article></body></html>"


def _link(entry: Any) -> str | None:
    """The item's web address; feedparser also fills `link` from an id that is no URL."""
    link = _text(entry.get("link"))
    return link if link and urlsplit(link).scheme in ("http", "https") else None


def _date(entry: Any) -> str | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := entry.get(field):
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
