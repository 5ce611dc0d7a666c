"""Print an article with its paragraphs and numbered candidate quotations: python3 show.py SET ID"""
import sys
import textwrap
from quotes import articles, candidates, paragraphs

name, aid = sys.argv[1], sys.argv[2]
a = articles(name)[aid]
t = a["text"]
print(f"=== {name}/{aid} cluster={a['cluster']} source={a.get('source')} title={a.get('title')!r}")
for i, (o, p) in enumerate(paragraphs(t)):
    if p.strip():
        print(f"[{i}] " + " ".join(p.split()))
print("--- candidates")
for n, (s, e, k) in enumerate(candidates(t), 1):
    print(f"{n:>3} {k[0]} {t[s:e]!r}")
