"""Strings a regular expression's every match must contain, found by walking its parse tree.

`required_literals(r"\\byour (support|donation)s? helps")` -> {" helps"} (or another set such
that each match contains one of them); None when no such set is known. Used to skip running
a pattern on a line that cannot match.
"""

from __future__ import annotations

import re
import re._constants as constants
import re._parser as parser
from typing import Any

Needles = frozenset[str]


def required_literals(pattern: str) -> Needles | None:
    try:
        return _sequence(list(parser.parse(pattern)))
    except (re.error, TypeError, ValueError):  # a pattern the parser cannot read
        return None


def _sequence(items: list[tuple[Any, Any]]) -> Needles | None:
    candidates: list[Needles] = []
    run = ""
    for op, value in items:
        if op is constants.LITERAL:
            run += chr(value)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        if found := _item(op, value):
            candidates.append(found)
    if run:
        candidates.append(frozenset({run}))
    if not candidates:
        return None
    return max(candidates, key=lambda needles: min(len(n) for n in needles))


def _item(op: Any, value: Any) -> Needles | None:
    if op is constants.SUBPATTERN:
        return _sequence(list(value[-1]))
    if op is constants.BRANCH:
        alternatives = [_sequence(list(branch)) for branch in value[1]]
        if all(alternatives):
            return frozenset().union(*alternatives)  # type: ignore[arg-type]
        return None
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
        low, _, sub = value
        return _sequence(list(sub)) if low >= 1 else None
    return None
