"""How an input that cannot be read is reported: one line naming the file (and record) and
the reason, which no file name or record id can split, forge or use to drive a terminal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


def shortened(text: str, limit: int = 80) -> str:
    """`text` cut to `limit` characters, an ellipsis marking the cut (an id, a link or a
    library's message shown in an input's error)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def escaped(text: str) -> str:
    """`text` with every character that is not printable (newline, tab, ESC and the other
    controls, bidirectional overrides, line separators, lone surrogates) written as its Python
    escape, so it reads as one line exactly as the name is spelled."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


@dataclass(frozen=True)
class InputError:
    """An input (a file, folder or record) that was not read, and why."""

    source: str
    reason: str
    level: ClassVar[str] = "error"

    def __str__(self) -> str:
        return f"{escaped(self.source)}: {escaped(self.reason)}"


@dataclass(frozen=True)
class InputWarning(InputError):
    """An input that was read, with something the user should know (characters replaced);
    reported like an error but not a failure: its document follows it."""

    level: ClassVar[str] = "warning"


@dataclass(frozen=True)
class InputNote(InputWarning):
    """What reading an input found that is neither a failure nor a fault (an archive's count
    of pages read and records skipped): printed, never counted as a failure."""

    level: ClassVar[str] = "note"


class InputProblem(Exception):
    """Raised inside a reader; turned into an InputError at the boundary."""


def read_failure(source: str, error: InputProblem | OSError) -> InputError:
    """The error for a file that could not be opened or read as a whole."""
    if isinstance(error, InputProblem):
        return InputError(source, str(error))
    return InputError(source, f"cannot read: {error.strerror or error}")
