"""Candidate quote pairs for the hand-labelled provenance set (benchmarks/data/).

Finds quoted stretches in the raw text of the shared story sets (its own simple mark rules,
not newsprism's extractor, so the labelled set does not inherit the extractor's misses),
pairs quotes of different articles of one gold story that share a run of words or most of
their content words, and groups the pairs into statement candidates. Also samples quotes that
share nothing with the rest of their story (candidates for `unsourced`). Writes
`candidates.jsonl` (one statement candidate a line, each quote with its paragraph and the one
before it, for reading) and `unsourced_candidates.jsonl` into the folder given.

These are only candidates: every label in benchmarks/data/provenance_real.jsonl was given
by reading the texts (see benchmarks/data/README.md).

    .venv/bin/python benchmarks/provenance_candidates.py OUT_DIR
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"
SETS = ("newswcl50", "allsides_roundups", "multinews_sample", "ecbplus")
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
STOP = set(
    """a an the this that these those and but or so of in on at to for with by from as is are
    was were be been it its i you he she we they me him her us them my your his our their do
    does did have has had not no will would can could just what which who there here all""".split()
)
MIN_WORDS = 4


def detokenise(text: str) -> str:
    """NewsWCL50's text is tokenised ('Mr. Kim 's', '" levels , "'); undo that for reading."""
    text = text.replace("\\n", "")
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)
    return re.sub(r"(\w) - (\w)", r"\1-\2", text)


QUOTE_RES = (
    re.compile(r"[“„]([^“”„]+)(?:”|$)"),
    re.compile(r'(?:^|(?<=[\s(\[—–-]))"([^"]+)(?:"|$)'),
)


def quotes_in(paragraph: str) -> list[str]:
    found = []
    for pattern in QUOTE_RES:
        for match in pattern.finditer(paragraph):
            text = match.group(1).strip(" ,")
            if len(WORD_RE.findall(text)) >= MIN_WORDS:
                found.append(text)
    return found


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]


def longest_run(first: list[str], second: list[str]) -> list[str]:
    best: list[str] = []
    table = [0] * (len(second) + 1)
    for i in range(1, len(first) + 1):
        previous = 0
        for j in range(1, len(second) + 1):
            current = table[j]
            table[j] = previous + 1 if first[i - 1] == second[j - 1] else 0
            if table[j] > len(best):
                best = first[i - table[j] : i]
            previous = current
    return best


def related(first: list[str], second: list[str]) -> str | None:
    run = longest_run(first, second)
    if len(run) >= 4 or (len(run) >= 3 and any(w not in STOP for w in run)):
        return "shared-run"
    content_a, content_b = set(first) - STOP, set(second) - STOP
    shared = content_a & content_b
    if len(shared) >= 3 and len(shared) >= 0.5 * min(len(content_a), len(content_b)):
        return "shared-content"
    return None


def load(name: str) -> dict[str, list[dict]]:
    clusters: dict[str, list[dict]] = defaultdict(list)
    for line in (DATA / name / "articles.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        text = detokenise(record["text"]) if name == "newswcl50" else record["text"]
        record["paragraphs"] = [p.strip() for p in text.split("\n") if p.strip()]
        clusters[record["cluster"]].append(record)
    return clusters


def quote_items(record: dict) -> list[dict]:
    items = []
    paragraphs = record["paragraphs"]
    for index, paragraph in enumerate(paragraphs):
        for text in quotes_in(paragraph):
            items.append(
                {
                    "article": record["id"],
                    "outlet": record.get("source"),
                    "date": record.get("date"),
                    "text": text,
                    "paragraph": paragraph,
                    "before": paragraphs[index - 1] if index else "",
                    "words": words(text),
                }
            )
    return items


def find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def candidates(name: str) -> tuple[list[dict], list[dict]]:
    groups, lonely = [], []
    for cluster, records in load(name).items():
        if len(records) < 2:
            continue
        items = [item for record in records for item in quote_items(record)]
        parent = list(range(len(items)))
        paired = set()
        for i, first in enumerate(items):
            for j in range(i + 1, len(items)):
                second = items[j]
                if first["article"] == second["article"]:
                    continue
                if related(first["words"], second["words"]):
                    parent[find(parent, i)] = find(parent, j)
                    paired.update((i, j))
        members = defaultdict(list)
        for i in paired:
            members[find(parent, i)].append(items[i])
        for number, group in enumerate(members.values()):
            groups.append(
                {
                    "group": f"{name}/{cluster}/{number}",
                    "set": name,
                    "cluster": cluster,
                    "quotes": [{k: v for k, v in q.items() if k != "words"} for q in group],
                }
            )
        texts = {r["id"]: words(" ".join(r["paragraphs"])) for r in records}
        for i, item in enumerate(items):
            if i in paired or len(item["words"]) < 6:
                continue
            others = [w for article, w in texts.items() if article != item["article"]]
            if all(len(longest_run(item["words"], other)) < 3 for other in others):
                lonely.append(
                    {
                        "set": name,
                        "cluster": cluster,
                        **{k: v for k, v in item.items() if k != "words"},
                    }
                )
    return groups, lonely


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    all_groups, all_lonely = [], []
    for name in SETS:
        groups, lonely = candidates(name)
        print(f"{name}: {len(groups)} candidate statements, {len(lonely)} lone quotes")
        all_groups += groups
        all_lonely += lonely
    with (out / "candidates.jsonl").open("w", encoding="utf-8") as handle:
        for group in all_groups:
            handle.write(json.dumps(group, ensure_ascii=False) + "\n")
    random.Random(14).shuffle(all_lonely)
    with (out / "unsourced_candidates.jsonl").open("w", encoding="utf-8") as handle:
        for item in all_lonely:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
