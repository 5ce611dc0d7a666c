"""Write the word lists newsprism's notion of a person name reads (src/newsprism/namedata/).

- `first_names.tsv`: the first names of the US Census 1990 name files (public domain, as the
  `names` package ships them, MIT), each with its share of male bearers: a capitalised word
  that is a known first name may open a name even when it is also a word ("Hope Hicks").
- `common_words.txt`: words Webster's Second International (1934, public domain; the `web2`
  list of the `english-words` package, MIT) lists in lower case only, three letters or more,
  that are no known first name and are common in English text (wordfreq's Zipf frequency
  >= 4.0, used only to pick which words to keep). Such a word opening a capitalised run
  ("Relative Boston newcomer ...", "Terrorist Trump must resign", "Evening Urgant") is not
  the start of a person's name.

Needs `pip install names english-words wordfreq` (build time only; newsprism reads the lists).

    .venv/bin/python benchmarks/make_name_lists.py
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "namedata"
MIN_ZIPF = 4.0


def census_first_names() -> dict[str, float]:
    """First name -> share of male bearers (by the census frequencies)."""
    import names

    folder = Path(names.__file__).parent
    male: dict[str, float] = {}
    female: dict[str, float] = {}
    for path, table in (("dist.male.first", male), ("dist.female.first", female)):
        for line in (folder / path).read_text().splitlines():
            name, frequency, *_ = line.split()
            table[name.lower()] = float(frequency)
    return {
        name: male.get(name, 0.0) / (male.get(name, 0.0) + female.get(name, 0.0))
        for name in sorted(male.keys() | female.keys())
        if male.get(name, 0.0) + female.get(name, 0.0) > 0
    }


def common_lower_case_words(first_names: set[str]) -> list[str]:
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    return sorted(
        word
        for word in web2
        if word.islower()
        and word.capitalize() not in web2
        and len(word) >= 3
        and word not in first_names
        and zipf_frequency(word, "en") >= MIN_ZIPF
    )


def main() -> None:
    OUT.mkdir(exist_ok=True)
    first = census_first_names()
    (OUT / "first_names.tsv").write_text(
        "".join(f"{name}\t{share:.3f}\n" for name, share in first.items()), encoding="utf-8"
    )
    words = common_lower_case_words(set(first))
    (OUT / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(first)} first names, {len(words)} common words -> {OUT}")


if __name__ == "__main__":
    main()
