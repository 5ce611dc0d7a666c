"""Show candidates of an article with their paragraph and the one before, optionally only
those whose context matches a word: python3 ctx.py SET ID [WORD]"""
import sys
from quotes import articles, candidates, paragraphs

name, aid = sys.argv[1], sys.argv[2]
word = sys.argv[3].lower() if len(sys.argv) > 3 else None
t = articles(name)[aid]["text"]
paras = paragraphs(t)
print(f"=== {name}/{aid}")
for n, (s, e, k) in enumerate(candidates(t), 1):
    i = max(j for j, (o, p) in enumerate(paras) if o <= s)
    ctx = " ".join(" ".join(p.split()) for o, p in paras[max(0, i - 1):i + 1] if p.strip())
    if word and word not in ctx.lower():
        continue
    print(f"{n:>3} {t[s:e]!r}\n      CTX: {ctx[:900]}")
