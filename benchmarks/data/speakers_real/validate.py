"""Check speakers.jsonl (python3 validate.py): fields present and typed, ids unique, every
record's text verbatim in its article, set/cluster/outlet/held consistent with the sources."""
import hashlib
import json
import sys
from pathlib import Path

from quotes import articles

HERE = Path(__file__).parent
FIELDS = {"id": str, "set": str, "article": str, "cluster": str, "outlet": (str, type(None)),
          "text": str, "speaker": (str, type(None)), "mention": (str, type(None)),
          "mention_kind": str, "resolvable": bool, "kind": str, "doubtful": bool,
          "note": (str, type(None)), "targeted": bool, "held": bool}
KINDS = {"name", "surname", "pronoun", "role", "organisation", "none"}


def main():
    errors, ids = [], set()
    records = [json.loads(line) for line in open(HERE / "speakers.jsonl")]
    for r in records:
        rid = r.get("id")
        for f, typ in FIELDS.items():
            if f not in r:
                errors.append(f"{rid}: missing {f}")
            elif not isinstance(r[f], typ):
                errors.append(f"{rid}: {f} has type {type(r[f]).__name__}")
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        if rid != f"{r['set']}/{r['article']}/{rid.rsplit('/', 1)[-1]}":
            errors.append(f"{rid}: id does not match set/article")
        a = articles(r["set"]).get(r["article"])
        if a is None:
            errors.append(f"{rid}: no such article")
            continue
        if r["text"] not in a["text"] or not r["text"].strip():
            errors.append(f"{rid}: text not verbatim in the article")
        if r["mention"] is not None and r["mention"] not in a["text"]:
            errors.append(f"{rid}: mention not verbatim in the article")
        if r["cluster"] != a["cluster"] or r["outlet"] != a.get("source"):
            errors.append(f"{rid}: cluster/outlet differ from the article")
        held = int(hashlib.sha1(f"{r['set']}/{r['cluster']}".encode()).hexdigest(), 16) % 3 == 0
        if r["held"] != held:
            errors.append(f"{rid}: held is wrong")
        if r["kind"] not in {"quote", "term"}:
            errors.append(f"{rid}: bad kind")
        if r["mention_kind"] not in KINDS:
            errors.append(f"{rid}: bad mention_kind")
        if r["kind"] == "term" and (r["speaker"] or r["resolvable"]):
            errors.append(f"{rid}: a term has a speaker")
        if (r["kind"] == "quote" and r["speaker"] is None and r["mention_kind"] in {"name", "surname"}
                and "group" not in (r["note"] or "")):
            errors.append(f"{rid}: named mention but no speaker (and no note saying it is a group)")
        if r["doubtful"] and not r["note"]:
            errors.append(f"{rid}: doubtful without a note")
    people = HERE / "people.jsonl"
    if people.exists():
        for line in open(people):
            p = json.loads(line)
            if p.get("distinct"):
                if len(p.get("persons", [])) < 2:
                    errors.append(f"people: distinct entry needs two persons: {p}")
            elif not p.get("person") or not p.get("variants"):
                errors.append(f"people: bad entry {p}")
    for e in errors:
        print("ERROR", e)
    q = sum(r["kind"] == "quote" for r in records)
    print(f"{len(records)} records ({q} quotes, {len(records) - q} terms), {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
