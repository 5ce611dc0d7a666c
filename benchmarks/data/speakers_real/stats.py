"""Counts for the README: python3 stats.py (markdown to stdout)."""
import collections
import json
from pathlib import Path

from quotes import SETS
from sample import order

HERE = Path(__file__).parent
R = [json.loads(line) for line in open(HERE / "speakers.jsonl")]

random_blocks = collections.defaultdict(list)
for f in sorted((HERE / "labels").glob("*.txt")):
    for line in open(f):
        if line.startswith("## ") and "targeted" not in line:
            name, aid = line.split()[1].split("/", 1)
            random_blocks[name].append(aid)

print("| set | random articles read (prefix of the order) | random quotes | random terms | targeted quotes | held-out quotes |")
print("|---|---|---|---|---|---|")
for name in SETS:
    ids = random_blocks[name]
    k = len(ids)
    assert set(ids) == set(order(name)[:k]), f"{name}: labelled articles are not a prefix"
    rs = [r for r in R if r["set"] == name]
    print(f"| {name} | {k} | {sum(r['kind']=='quote' and not r['targeted'] for r in rs)} | "
          f"{sum(r['kind']=='term' and not r['targeted'] for r in rs)} | "
          f"{sum(r['kind']=='quote' and r['targeted'] for r in rs)} | "
          f"{sum(r['kind']=='quote' and r['held'] for r in rs)} |")
Q = [r for r in R if r["kind"] == "quote"]
print(f"| all | {sum(len(v) for v in random_blocks.values())} | {sum(not r['targeted'] for r in Q)} | "
      f"{sum(r['kind']=='term' for r in R)} | {sum(r['targeted'] for r in Q)} | {sum(r['held'] for r in Q)} |")
print()
print("| mention_kind | random | targeted |")
print("|---|---|---|")
for mk in ["name", "surname", "pronoun", "role", "organisation", "none"]:
    print(f"| {mk} | {sum(r['mention_kind']==mk and not r['targeted'] for r in Q)} | {sum(r['mention_kind']==mk and r['targeted'] for r in Q)} |")
print()
print(f"Quotes with a speaker: {sum(r['speaker'] is not None for r in Q)}; speaker null: "
      f"{sum(r['speaker'] is None for r in Q)}; resolvable: {sum(r['resolvable'] for r in Q)}; "
      f"doubtful: {sum(r['doubtful'] for r in Q)}; distinct outlets: "
      f"{len({r['outlet'] for r in R if r['outlet']})} (multinews has none).")
print()
print("Doubtful records:")
print()
for r in R:
    if r["doubtful"]:
        print(f"- `{r['id']}` ({r['speaker'] or 'null'}): {r['note']}")
