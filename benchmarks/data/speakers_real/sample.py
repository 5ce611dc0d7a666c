"""Random article sample for the speakers_real labels (issue 16).

Prints, per set, the articles in the order they are labelled: a fixed-seed shuffle of the set.
Labelling takes articles from the front of each list until the set's share of quotes is met
(about 35% newswcl50, 35% multinews_sample, 30% allsides_roundups); every quotation in a
taken article is labelled.  The labelled prefix of each list is written to sampled.json.

    python3 sample.py            # print the first 40 ids of each set's order
    python3 sample.py --all      # print every id
"""
import json
import random
import sys
from pathlib import Path

STORIES = Path("/work/shared/data/stories")
SETS = ["newswcl50", "multinews_sample", "allsides_roundups"]
SEED = 16


def order(name):
    ids = [json.loads(line)["id"] for line in open(STORIES / name / "articles.jsonl")]
    rng = random.Random(f"{SEED}/{name}")
    rng.shuffle(ids)
    return ids


if __name__ == "__main__":
    n = None if "--all" in sys.argv else 40
    for name in SETS:
        print(name, " ".join(order(name)[:n]))
