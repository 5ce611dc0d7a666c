"""Persons across the store: speaker names parsed, grouped per story, matched to one key each."""

from newsprism.persons.parsing import PersonName, parse_name
from newsprism.persons.table import Person, PersonTable

__all__ = ["Person", "PersonName", "PersonTable", "parse_name"]
