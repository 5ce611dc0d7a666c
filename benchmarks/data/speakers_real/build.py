"""Build speakers.jsonl from the hand-written label files in labels/ (python3 build.py).

Label file format, one block per article:
    ## SET/ARTICLE_ID            (random sample: every candidate quotation must be answered)
    ## SET/ARTICLE_ID targeted   (targeted search: only the listed quotes are recorded)
    N|speaker|mention|mention_kind|flags|note    candidate N (from show.py) is a quote
    N~exact text|speaker|mention|...             same, with the quote's text corrected
    N|T|note                                     candidate N is a term (nobody's speech)
    N|X|note                                     candidate N is not a quotation (dropped)
    +|exact text|speaker|mention|kind|flags|note a quotation the candidate list missed
    +T|exact text|note                           a term the candidate list missed
flags: d doubtful, u not resolvable, r resolvable though speaker is null.
Empty speaker or mention means null.  Records are ordered by position in the article.
Also writes articles.jsonl: every article read (random ones in full, with zero quotes too).
"""
import hashlib
import re
import json
import sys
from pathlib import Path

from quotes import articles, candidates

HERE = Path(__file__).parent
KINDS = {"name", "surname", "pronoun", "role", "organisation", "none"}


def held(name, cluster):
    return int(hashlib.sha1(f"{name}/{cluster}".encode()).hexdigest(), 16) % 3 == 0


def parse_blocks():
    blocks = []
    for f in sorted((HERE / "labels").glob("*.txt")):
        for ln, line in enumerate(open(f), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") and not line.startswith("## "):
                continue
            if line.startswith("## "):
                parts = line[3:].split()
                name, aid = parts[0].split("/", 1)
                blocks.append({"set": name, "article": aid, "targeted": "targeted" in parts[1:],
                               "lines": [], "where": f"{f.name}:{ln}"})
            else:
                blocks[-1]["lines"].append((f"{f.name}:{ln}", line))
    return blocks


def build():
    records, errors, read = [], [], []
    seen_articles = set()
    for b in parse_blocks():
        name, aid = b["set"], b["article"]
        key = (name, aid)
        if key in seen_articles:
            errors.append(f"{b['where']}: article labelled twice")
        seen_articles.add(key)
        a = articles(name)[aid]
        t = a["text"]
        cands = candidates(t)
        answered = set()
        items = []  # (start, record)
        for where, line in b["lines"]:
            f = line.split("|")
            head = f[0].strip()
            try:
                if head.startswith("+"):
                    text = f[1]
                    if "<<>>" in text:
                        a0, b0 = text.split("<<>>")
                        s0 = t.find(a0)
                        e0 = t.find(b0, s0)
                        text = t[s0:e0 + len(b0)] if s0 >= 0 and e0 >= 0 else text
                    start = t.find(text)
                    if start < 0:
                        errors.append(f"{where}: text not in article: {text!r}")
                        continue
                    if head == "+T":
                        items.append((start, dict(text=text, kind="term", note=(f[2] if len(f) > 2 else "").strip())))
                        continue
                    rest = f[2:]
                else:
                    if "~" in head:
                        num, text = head.split("~", 1)
                        n = int(num)
                        start = t.find(text)
                        if start < 0:
                            errors.append(f"{where}: text not in article: {text!r}")
                            continue
                    else:
                        n = int(head)
                        s, e, _ = cands[n - 1]
                        text, start = t[s:e], s
                    answered.add(n)
                    rest = f[1:]
                    if rest[0].strip() == "X":
                        continue
                    if rest[0].strip() == "T":
                        items.append((start, dict(text=text, kind="term", note=(rest[1] if len(rest) > 1 else "").strip())))
                        continue
                speaker, mention, mk = (x.strip() for x in rest[:3])
                flags = rest[3].strip() if len(rest) > 3 else ""
                note = "|".join(rest[4:]).strip() if len(rest) > 4 else ""
                if mk not in KINDS:
                    errors.append(f"{where}: bad mention_kind {mk!r}")
                items.append((start, dict(text=text, kind="quote", speaker=speaker or None,
                                          mention=mention or None, mention_kind=mk,
                                          flags=flags, note=note)))
            except (IndexError, ValueError) as exc:
                errors.append(f"{where}: cannot read {line!r}: {exc}")
        if not b["targeted"]:
            missing = set(range(1, len(cands) + 1)) - answered
            if missing:
                errors.append(f"{b['where']}: {name}/{aid} candidates not answered: {sorted(missing)}")
        items.sort(key=lambda x: x[0])
        for _, r in items:
            m = r.get("mention")
            if m and m not in t:
                # the labeller typed plain spaces where the article has no-break spaces
                found = re.search(r"\s+".join(re.escape(w) for w in m.split()), t)
                if found:
                    r["mention"] = found.group()
                else:
                    errors.append(f"{b['where']}: mention not in the article: {m!r}")
        read.append({"set": name, "article": aid, "cluster": a["cluster"], "outlet": a.get("source"),
                     "targeted": b["targeted"], "held": held(name, a["cluster"]),
                     "quotes": sum(r["kind"] == "quote" for _, r in items),
                     "terms": sum(r["kind"] == "term" for _, r in items)})
        for i, (start, r) in enumerate(items, 1):
            flags = r.get("flags", "")
            speaker = r.get("speaker")
            resolvable = (speaker is not None or "r" in flags) and "u" not in flags
            if r["kind"] == "term":
                resolvable = False
            records.append({
                "id": f"{name}/{aid}/{i}", "set": name, "article": aid, "cluster": a["cluster"],
                "outlet": a.get("source"), "text": r["text"], "speaker": speaker,
                "mention": r.get("mention"), "mention_kind": r.get("mention_kind", "none"),
                "resolvable": resolvable, "kind": r["kind"], "doubtful": "d" in flags,
                "note": r.get("note") or None, "targeted": b["targeted"],
                "held": held(name, a["cluster"]),
            })
    return records, errors, read


if __name__ == "__main__":
    records, errors, read = build()
    with open(HERE / "articles.jsonl", "w") as out:
        for r in read:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    with open(HERE / "speakers.jsonl", "w") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    q = sum(r["kind"] == "quote" for r in records)
    print(f"{len(records)} records, {q} quotes ({sum(r['kind']=='quote' and not r['targeted'] for r in records)} random, "
          f"{sum(r['kind']=='quote' and r['targeted'] for r in records)} targeted), "
          f"{len(records)-q} terms; {len(read)} articles read, {len({(r['set'], r['article']) for r in records})} with records")
    sys.exit(1 if errors else 0)
