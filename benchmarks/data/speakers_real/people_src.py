"""Write people.jsonl: name variants of one person seen in the labelled articles, and pairs that
must not merge.  Every variant is checked to occur in at least one labelled article (word
boundaries, tokenised hyphens allowed); unseen variants are an error.  python3 people_src.py"""
import json
import re
import sys
from pathlib import Path

from quotes import articles

HERE = Path(__file__).parent

PERSONS = {
    "Donald Trump": ["Trump", "Mr. Trump", "President Trump", "Donald Trump", "President Donald Trump", "Donald J. Trump", "Donald John Trump"],
    "Joe Biden": ["Biden", "Mr. Biden", "President Biden", "Joe Biden", "President Joe Biden", "Joseph R. Biden Jr."],
    "Barack Obama": ["Obama", "Mr. Obama", "President Obama", "Barack Obama", "President Barack Obama"],
    "Kim Jong-un": ["Kim Jong - un", "Kim Jong-un", "Kim Jong Un", "Mr. Kim", "Kim"],
    "Benjamin Netanyahu": ["Netanyahu", "Benjamin Netanyahu", "Prime Minister Benjamin Netanyahu", "Bibi"],
    "James Comey": ["James Comey", "James B. Comey", "Mr. Comey", "Comey", "Director Comey"],
    "Robert Mueller": ["Robert Mueller", "Robert S. Mueller III", "Mr. Mueller", "Mueller"],
    "Michael Flynn": ["Michael Flynn", "Michael T. Flynn", "Mr. Flynn", "Mr Flynn", "Flynn"],
    "Mike Pompeo": ["Mike Pompeo", "Secretary of State Mike Pompeo", "Pompeo"],
    "Theresa May": ["Theresa May", "Prime Minister Theresa May", "Mrs. May"],
    "Emmanuel Macron": ["Emmanuel Macron", "President Emmanuel Macron", "Mr. Macron", "Macron"],
    "Moon Jae-in": ["Moon Jae - in", "Mr. Moon", "President Moon"],
    "Charles Schumer": ["Charles Schumer", "Charles E. Schumer", "Chuck Schumer", "Charles (Chuck) Ellis Schumer", "Mr. Schumer", "Schumer"],
    "Rudy Giuliani": ["Rudy Giuliani", "Rudolph W. Giuliani"],
    "Rochelle Walensky": ["Rochelle Walensky", "Dr. Rochelle Walensky", "Dr. Walensky"],
    "Anthony Fauci": ["Anthony Fauci", "Dr. Anthony Fauci", "Fauci"],
    "Andrew Cuomo": ["Andrew Cuomo", "Gov. Andrew Cuomo", "Mr Cuomo", "Cuomo"],
    "Elijah Cummings": ["Elijah Cummings", "Elijah E. Cummings", "Cummings"],
    "Roger Stone": ["Roger Stone", "Roger J. Stone Jr.", "Mr. Stone"],
    "Tom Perez": ["Tom Perez", "Mr. Perez"],
    "Brad Parscale": ["Brad Parscale", "Mr. Parscale"],
    "Yoshihide Suga": ["Yoshihide Suga", "Chief Cabinet Secretary Yoshihide Suga"],
    "Stephen Colbert": ["Stephen Colbert", "Colbert"],
    "Marco Rubio": ["Marco Rubio", "Sen. Marco Rubio", "Rubio"],
    "Mitt Romney": ["Mitt Romney", "Mr. Romney", "Romney"],
    "Hillary Clinton": ["Hillary Clinton", "Mrs. Clinton", "Hillary"],
    "Vitaly Churkin": ["Vitaly Churkin", "Mr. Churkin"],
    "Samantha Power": ["Samantha Power", "Ms. Power"],
    "Lauri Love": ["Lauri Love", "Mr Love", "Lauri"],
    "Michael Avenatti": ["Michael Avenatti", "Avenatti"],
    "Harry Reid": ["Harry Reid", "Harry M. Reid", "Senator Reid", "Reid"],
    "Brian Sandoval": ["Brian Sandoval", "Governor Sandoval", "Sandoval"],
    "Mitch McConnell": ["Mitch McConnell", "McConnell"],
    "Piers Morgan": ["Piers Morgan", "Morgan"],
    "Kamala Harris": ["Kamala Harris", "Vice President Kamala Harris", "Harris"],
    "Igor Makushev": ["Igor Makushev", "Gen. Makushev"],
    "Peter Westmacott": ["Peter Westmacott", "Mr. Westmacott"],
    "Jennifer Lewis": ["Jennifer Lewis", "Lewis"],
    "Isaiah Butterfield": ["Isaiah Butterfield", "Butterfield"],
    "Ron DeSantis": ["Ron DeSantis", "Gov. Ron DeSantis", "DeSantis"],
    "John Cooke": ["John P. Cooke", "Cooke"],
}

DISTINCT = [
    (["George W. Bush", "Jeb Bush"], "Bush", "a president and a governor, different people"),
    (["Bill Clinton", "Hillary Clinton"], "Clinton", "husband and wife; 'Mrs. Clinton' is Hillary"),
    (["Bob Goodlatte", "Bobby Goodlatte"], "Goodlatte", "father (Rep. Bob / Robert W. Goodlatte) and son (Bobby); Bobby is also a Robert nickname, so the nickname rule must not merge them"),
    (["Maria von Trapp", "Maria von Trapp"], "Maria von Trapp", "the daughter who died at 99 and her stepmother, the second wife, who died in 1987: same full name, two people"),
    (["Kellyanne Conway", "George Conway"], "Conway", "wife and husband (George T. Conway III)"),
    (["Sheraine Lathon", "Willie Lathon Jr."], "Lathon", "widow and the veteran"),
    (["Emily Domenech", "Emily Jashinsky"], "Emily", "same first name, different surnames"),
    (["Donald Trump", "Donald Trump Jr."], "Trump", "father and son ('Don Jr.', 'Trump Jr.')"),
    (["Jeff Sessions", "Pete Sessions"], "Sessions", "the attorney general and the Texas congressman"),
    (["Lauri Love", "Alexander Love"], "Love", "son and father (the Rev Alexander Love)"),
    (["Johannes von Trapp", "Georg von Trapp"], "von Trapp", "son and father"),
    (["Kim Jong-un", "Kim Il-sung"], "Kim", "leader and his grandfather"),
    (["Joe Biden", "Joe Manchin"], "Joe", "same first name"),
    (["Michelle Obama", "Barack Obama"], "Obama", "wife and husband"),
]

WHERE = {
    ("George W. Bush", "Jeb Bush"): ["newswcl50/5_L", "newswcl50/4_LL"],
    ("Bill Clinton", "Hillary Clinton"): ["newswcl50/3_L"],
    ("Bob Goodlatte", "Bobby Goodlatte"): ["multinews_sample/validation-208-0", "newswcl50/1_L"],
    ("Maria von Trapp", "Maria von Trapp"): ["multinews_sample/test-248-0"],
    ("Kellyanne Conway", "George Conway"): ["multinews_sample/validation-126-0"],
    ("Sheraine Lathon", "Willie Lathon Jr."): ["allsides_roundups/5996_center"],
    ("Emily Domenech", "Emily Jashinsky"): ["allsides_roundups/5996_right"],
    ("Donald Trump", "Donald Trump Jr."): ["multinews_sample/validation-137-1"],
    ("Jeff Sessions", "Pete Sessions"): ["newswcl50/1_L", "multinews_sample/test-220-1"],
    ("Lauri Love", "Alexander Love"): ["multinews_sample/test-25-0"],
    ("Johannes von Trapp", "Georg von Trapp"): ["multinews_sample/test-248-0"],
    ("Kim Jong-un", "Kim Il-sung"): ["multinews_sample/validation-235-0"],
    ("Joe Biden", "Joe Manchin"): ["allsides_roundups/5647_left", "allsides_roundups/5852_center"],
    ("Michelle Obama", "Barack Obama"): ["newswcl50/5_L"],
}


def labelled():
    ids = set()
    for line in open(HERE / "speakers.jsonl"):
        r = json.loads(line)
        ids.add((r["set"], r["article"]))
    for f in (HERE / "labels").glob("*.txt"):
        for line in open(f):
            if line.startswith("## "):
                name, aid = line.split()[1].split("/", 1)
                ids.add((name, aid))
    return sorted(ids)


def occurs(variant, text):
    return re.search(r"(?<![\w])" + re.escape(variant) + r"(?![a-z])", text) is not None


def main():
    arts = [(f"{n}/{a}", articles(n)[a]["text"]) for n, a in labelled()]
    errors, out = [], []
    for person, variants in PERSONS.items():
        seen = {}
        for v in variants:
            where = [aid for aid, t in arts if occurs(v, t)]
            if not where:
                errors.append(f"{person}: variant {v!r} not in any labelled article")
            seen[v] = where[:3]
        if len(variants) < 2:
            continue
        out.append({"person": person, "variants": variants, "seen_in": seen})
    for persons, shared, note in DISTINCT:
        where = WHERE[tuple(persons)]
        texts = " ".join(t for aid, t in arts if aid in where)
        for person in persons:
            if not occurs(person.replace("George Conway", "George T. Conway III"), texts):
                errors.append(f"{person} not named in {where}")
        for w in where:
            n, a = w.split("/", 1)
            if (n, a) not in set(labelled()):
                errors.append(f"{persons}: {w} is not a labelled article")
        out.append({"distinct": True, "persons": persons, "shared": shared, "note": note, "seen_in": where})
    for e in errors:
        print("ERROR", e)
    with open(HERE / "people.jsonl", "w") as f:
        for p in out:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{sum('person' in p for p in out)} persons, {sum('distinct' in p for p in out)} distinct pairs")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
