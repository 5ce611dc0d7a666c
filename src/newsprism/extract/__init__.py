"""extract: HTML -> plain-text Document with title, date, site name and URL (trafilatura).

The work on a page (lxml, trafilatura, the main-article check) lives in `extract.page`,
imported when the first page comes: a run over text or JSON lines never loads it.
"""

from __future__ import annotations

import codecs
import importlib
import re
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from newsprism.model import Document

if TYPE_CHECKING:
    from newsprism.extract.main_article import MainArticleCheck

DECLARED_CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?\s*([\w.:-]+)""", re.IGNORECASE)
# UTF-32 first: its little-endian mark begins with UTF-16's.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@cache
def trafilatura() -> ModuleType:
    """trafilatura, imported when first needed (a page to extract, an encoding to guess): a
    run over text or JSON lines never needs it, and importing it is a good part of a run's
    start-up."""
    for submodule in ("settings", "utils", "xml"):  # the ones used here, through the package
        importlib.import_module(f"trafilatura.{submodule}")
    return importlib.import_module("trafilatura")


class ExtractionError(ValueError):
    """The page holds no article text that could be extracted."""


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of `data` names (it strips the mark), if any."""
    return next((codec for mark, codec in BYTE_ORDER_MARKS if data.startswith(mark)), None)


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Bytes of a page -> text, never an exception: the encoding its byte-order mark names;
    else UTF-8 if it is valid; else the `charset` its HTTP headers gave, or the one the page
    declares; a page that declares UTF-8 wrongly is nearly always Windows-1252 (the common
    mislabelling); with no declaration, a guess (trafilatura's detection)."""
    if marked := bom_encoding(data):
        return data.decode(marked, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = DECLARED_CHARSET_RE.search(data[:4096])
    in_page = declared.group(1).decode("ascii", "ignore") if declared else ""
    for name in (charset or "", in_page):
        name = name.strip().lower()
        if name.replace("-", "").replace("_", "") in ("utf8", "unicode11utf8"):
            return data.decode("cp1252", errors="replace")
        if name:
            try:
                return data.decode(codecs.lookup(name).name, errors="replace")
            except LookupError:
                continue  # a name no codec has: the next declaration, else a guess
    return trafilatura().utils.decode_file(data)


def extract_html(document: Document, check: MainArticleCheck | None = None) -> Document:
    """An HTML Document -> a text Document (`extract.page.extract_page`, checked against the
    page's evidence of its main article by `check`, the default check if None); a Document of
    another format as it is."""
    if document.format != "html":
        return document
    from newsprism.extract.page import extract_page

    return extract_page(document, check)
