"""Helpers for labelling: load articles, list candidate quotations (for the labeller's eyes).

The candidate list only helps the labeller not to miss quotation marks; every candidate is
judged by reading (kept, dropped as not a quote, or corrected), and quotes it misses are added
by hand.  Nothing here comes from newsprism.
"""
import json
import re
from functools import lru_cache
from pathlib import Path

STORIES = Path("/work/shared/data/stories")
SETS = ["newswcl50", "multinews_sample", "allsides_roundups"]


@lru_cache(maxsize=None)
def articles(name):
    out = {}
    for line in open(STORIES / name / "articles.jsonl"):
        a = json.loads(line)
        out[a["id"]] = a
    return out


def paragraphs(text):
    """[(offset, paragraph)]: newswcl50 marks paragraphs with a literal backslash-n (its
    newlines split sentences); the other sets with newlines."""
    sep = "\\n" if "\\n" in text else "\n"
    out, pos = [], 0
    for para in text.split(sep):
        out.append((pos, para))
        pos += len(para) + len(sep)
    return out


def candidates(text):
    """[(start, end, kind)] of text spans inside quotation marks, paragraph by paragraph.

    kind: 'closed', 'open' (paragraph ends inside the quote), 'single' (single-quoted span).
    """
    out = []
    for base, para in paragraphs(text):
        i = 0
        spans = []
        start = None
        for m in re.finditer(r'["\u201c\u201d]', para):
            ch = m.group()
            if start is None:
                if ch == "\u201d":
                    # a closing curly quote without an opening one: quote continued or stray
                    continue
                start = m.end()
            else:
                if ch == "\u201c":
                    # a new opening while open: treat previous as ended here
                    spans.append((start, m.start(), "open"))
                    start = m.end()
                    continue
                spans.append((start, m.start(), "closed"))
                start = None
        if start is not None and para[start:].strip():
            spans.append((start, len(para), "open"))
        # single quotes outside double-quoted spans
        inside = lambda k: any(s <= k < e for s, e, _ in spans)
        for m in re.finditer(r"(?:(?<=\s)|^)[\u2018'](?=\w)([^\u2018\u2019']{2,200}?)(?<=[\w.,!?])[\u2019'](?=[\s,.;:?!)\-]|$)", para):
            if not inside(m.start()):
                spans.append((m.start(1), m.end(1), "single"))
        # tokenised single quotes: " ' words ' " (not the possessive " 's ")
        for m in re.finditer(r"(?:(?<=\s)|^)'\s(?!s\s)([^'\"]{2,200}?)\s'(?=\s|$)", para):
            if not inside(m.start()):
                spans.append((m.start(1), m.end(1), "single"))
        spans.sort()
        for s, e, k in spans:
            # strip spaces
            while s < e and para[s].isspace():
                s += 1
            while e > s and para[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((base + s, base + e, k))
    return out
