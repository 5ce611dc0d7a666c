"""Where things are in a report folder: the index pages and each story's pages."""

from __future__ import annotations

import hashlib
import re

STORY_DIR = "stories"
# An id that is its own file name (no dot, so never "..", never a page suffix); others are hashed.
PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def file_stem(item_id: str) -> str:
    """The file name (without suffix) of a story's page."""
    if PLAIN_ID.fullmatch(item_id):
        return item_id
    digest = hashlib.sha256(item_id.encode("utf-8", errors="surrogatepass")).hexdigest()
    return "_" + digest[:24]  # "_" never opens a plain id: no clash with one


def index_page(number: int) -> str:
    return "index.html" if number == 1 else f"index-{number}.html"


def story_page(story_id: str, number: int = 1) -> str:
    suffix = "" if number == 1 else f".p{number}"
    return f"{STORY_DIR}/{file_stem(story_id)}{suffix}.html"
