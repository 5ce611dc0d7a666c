"""extract: HTML -> plain-text Document with title, date, site name and URL (trafilatura)."""

from __future__ import annotations

from dataclasses import replace

import trafilatura

from newsprism.model import Document
from newsprism.text import fold


class ExtractionError(ValueError):
    """The page holds no article text that could be extracted."""


def extract_html(document: Document) -> Document:
    """An HTML Document -> a text Document; what the caller already knew wins over the page."""
    if document.format != "html":
        return document
    result = trafilatura.bare_extraction(
        document.content,
        url=document.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    if result is None or not (result.text or "").strip():
        raise ExtractionError("no article text found in the HTML")
    title = document.title or result.title or ""
    lines = [line.strip() for line in (result.text or "").splitlines() if line.strip()]
    if lines and title and fold(lines[0]) == fold(title):
        lines = lines[1:]
    standfirst = document.standfirst
    description = (result.description or "").strip()
    if not standfirst and description and any(fold(line) == fold(description) for line in lines):
        standfirst = description
    return replace(
        document,
        content="\n".join(lines),
        format="text",
        title=title,
        standfirst=standfirst,
        outlet=document.outlet or result.sitename or result.hostname,
        url=document.url or result.url,
        published=document.published or result.date,
    )
