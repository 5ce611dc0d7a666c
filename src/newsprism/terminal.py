"""User strings made safe for the terminal: article text, quotes, names and file names can hold
escape codes (ESC, CSI, OSC), other control characters and newlines that would restyle the
terminal or forge a line of output. Every string the CLI prints from user data goes through
`printable` (or `printable_json` for JSON); rich markup is never parsed from it (the consoles
are made with `markup=False`, and the summary builds `Text` objects)."""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
# Bidirectional embeddings, overrides and isolates reorder what follows them on the line.
_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]


def _printable_table() -> dict[int, str]:
    """One character for one (so offsets into the text still hold): C0 controls and DEL as
    their Unicode control pictures (ESC reads ␛, a newline ␊), a tab as a space, C1 controls,
    bidi controls and lone surrogates (which cannot be encoded) as U+FFFD."""
    table = {code: chr(0x2400 + code) for code in range(0x20)}
    table[0x09] = " "
    table[0x7F] = "\u2421"
    for code in [*range(0x80, 0xA0), *_BIDI_CONTROLS, *range(0xD800, 0xE000)]:
        table[code] = REPLACEMENT
    return table


_PRINTABLE = _printable_table()
# In JSON, C0 controls are already escaped by json.dumps; these are not.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every control character replaced by a visible one, length kept."""
    return text.translate(_PRINTABLE)


def printable_data(value: Any) -> Any:
    """`printable` applied to every string in nested dicts and lists (analysis JSON data)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {key: printable_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable_data(item) for item in value]
    return value


def printable_json(text: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with C1 and bidi controls and lone
    surrogates written as \\u escapes: the same JSON, safe to print and to encode."""
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)
