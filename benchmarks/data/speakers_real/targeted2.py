"""Second targeted search (issue 16, round 2): quotes attributed to a description ("the
governor said", "the company said"), in TUNE stories only: python3 targeted2.py [N]

Greps the three story sets for a quotation closed and then attributed to a definite
description ('..." the Texas lawmaker said'), or a sentence opened by one and ending in a
quotation ('The governor said: "...'), skipping held stories (README's hash), articles
labelled already and the few articles whose newsprism output the labeller had seen before
this round (`SEEN`). Hits are taken in a fixed pseudo-random order (a hash of their place),
not chosen; the labeller reads each hit's article and labels the hit's quote in a
'## SET/ID targeted' block of labels/05_targeted_descriptions.txt.
"""
import hashlib
import re
import sys
from pathlib import Path

from build import held
from quotes import SETS, articles, paragraphs

AFTER = re.compile(
    r'["\u201d]\s*,?\s*the\s+(?:[\w.\'\u2019-]+\s+){0,3}?[a-z]+\s+'
    r"(?:said|says|added|told|wrote|asked|explained|continued|noted|declared|stated)\b"
)
BEFORE = re.compile(
    r"(?:^|[.!?]\s+)The\s+(?:[\w.\'\u2019-]+\s+){0,3}?[a-z]+\s+"
    r'(?:said|says|added|told|wrote|asked|explained|continued|noted|declared|stated)\b[^.\n]{0,80}?["\u201c]'
)
# Articles of which newsprism's attributions were printed to the labeller before this round
# (while checking the description mechanism on unlabelled text): left out.
SEEN = {
    "multinews_sample/test-183-1", "multinews_sample/test-76-1", "multinews_sample/validation-176-0",
    "allsides_roundups/5888_right", "multinews_sample/validation-81-1",
}  # fmt: skip


def labelled():
    done = set()
    for f in (Path(__file__).parent / "labels").glob("*.txt"):
        for line in open(f):
            if line.startswith("## "):
                done.add(line.split()[1])
    return done


def hits():
    skip = labelled() | SEEN
    found = []
    for name in SETS:
        for aid, a in articles(name).items():
            key = f"{name}/{aid}"
            if key in skip or held(name, a["cluster"]):
                continue
            text = a["text"]
            for rx in (AFTER, BEFORE):
                for m in rx.finditer(text):
                    order = hashlib.sha1(f"16b/{key}/{m.start()}".encode()).hexdigest()
                    found.append((order, key, m.start(), m.end(), text))
    return sorted(found)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    per_article = set()
    shown = 0
    for _, key, start, end, text in hits():
        if key in per_article:
            continue  # one hit an article, so no story weighs more than its share
        per_article.add(key)
        para = max(o for o, _ in paragraphs(text) if o <= start)
        s = max(0, start - 300)
        print(f"{key} @{start} (paragraph at {para}): ...{' '.join(text[s:end + 80].split())}...")
        shown += 1
        if shown >= n:
            break
