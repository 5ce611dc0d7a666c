"""Targeted search for hard attribution cases (issue 16): python3 targeted.py KIND [N]

Greps the three story sets for the patterns below and prints matches with their article ids,
skipping articles of the random sample (labelled in full).  The labeller reads each hit's
article and labels the chosen quotes in a '## SET/ID targeted' block.
"""
import re
import sys
from pathlib import Path

from quotes import SETS, articles

PATTERNS = {
    # a role standing for a person named elsewhere in the article
    "role": r'["\u201d][^"\u201c\u201d]{0,40}\b[Tt]he\s+(?:[A-Z][a-z]+\s+|\w+-\w+\s+|former\s+|\w+-year-old\s+)?(?:Republican|Democrat|governor|senator|congressman|congresswoman|lawmaker|mayor|billionaire|actor|actress|singer|star|businessman|chairman|CEO)\b',
    "role_before": r'\b[Tt]he\s+(?:[A-Z][a-z]+\s+|\w+-term\s+)(?:Republican|Democrat|governor|senator|congressman|congresswoman)\s+(?:said|told|added|wrote)\b',
    # an appositive name between commas before the speech verb
    "appositive": r'\b(?:Another|One|A)\s[a-z -]{3,40}(?:figure|leader|official|critic|adviser|strategist|analyst|member),\s+[A-Z][a-z]+\s+[A-Z][a-z]+,\s+(?:told|said|wrote|added)',
    # a sentence-initial participle or title-case phrase next to a name
    "participle": r'(?:^|\n|\. )(?:Hosting|Speaking|Asked|Addressing|Writing|Appearing|Responding|Joining|Introducing|Interviewing)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:at|on|in|about|to|with|during)\b[^"\u201c]{0,120}["\u201c]',
    # a pronoun speaker right after a quote
    "pronoun": r'["\u201d]\s*,?\s*(?:he|she)\s+(?:said|added|told|wrote|continued)\b',
    # attack quotes: an attacked person named next to the quote
    "attack": r'\b(?:slammed|blasted|attacked|mocked|accused|criticized|called)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s[^"\u201c.]{0,60}["\u201c]',
    # one person under several names
    "variants": r'\b(?:Donald J\. Trump|Donald John Trump|William Kristol|Bill Kristol|Hillary Rodham Clinton|Charles E\. Schumer|Joseph R\. Biden)\b',
}


def random_articles():
    sample = set()
    for f in (Path(__file__).parent / "labels").glob("*.txt"):
        for line in open(f):
            if line.startswith("## ") and "targeted" not in line:
                sample.add(line.split()[1])
    return sample


if __name__ == "__main__":
    kind = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    skip = random_articles()
    rx = re.compile(PATTERNS[kind])
    shown = 0
    for name in SETS:
        for aid, a in articles(name).items():
            if f"{name}/{aid}" in skip:
                continue
            for m in rx.finditer(a["text"]):
                s = max(0, m.start() - 200)
                print(f"{name}/{aid} @{m.start()}: ...{' '.join(a['text'][s:m.end() + 60].split())}...")
                shown += 1
                break
            if shown >= n:
                sys.exit(0)
