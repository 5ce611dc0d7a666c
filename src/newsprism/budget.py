"""The work one input may cost: caps on counts, and a generous time limit as a safety net.

Every stage is linear (or capped) in its input, so a 10 MB input takes seconds; these bounds
turn what is still pathological into a named error for that input while the run goes on.
Caps on counts are checked first (deterministic); the time limit is checked between the
steps of the long loops (cooperative: no signals), per input, and is read from
NEWSPRISM_INPUT_SECONDS (default 300).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

INPUT_SECONDS_ENV = "NEWSPRISM_INPUT_SECONDS"
DEFAULT_INPUT_SECONDS = 300.0
# An article of more quotes than this is not news: at about 0.3 ms a quote, 20,000 take 6 s.
MAX_QUOTES = 20_000


class OverBudget(ValueError):
    """One input needs more work than any article does: too many of something, or too long."""


_deadline: ContextVar[tuple[float, float] | None] = ContextVar("input_deadline", default=None)


def input_seconds() -> float:
    """The time limit per input: NEWSPRISM_INPUT_SECONDS if it is a positive number."""
    raw = os.environ.get(INPUT_SECONDS_ENV, "")
    try:
        seconds = float(raw)
    except ValueError:
        return DEFAULT_INPUT_SECONDS
    return seconds if seconds > 0 else DEFAULT_INPUT_SECONDS


@contextmanager
def input_budget(seconds: float | None = None) -> Iterator[None]:
    """Time one input's work against `seconds` (default: `input_seconds()`)."""
    limit = input_seconds() if seconds is None else seconds
    token = _deadline.set((time.monotonic() + limit, limit))
    try:
        yield
    finally:
        _deadline.reset(token)


def check_time(stage: str) -> None:
    """Raise OverBudget when the input being processed is past its time limit."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise OverBudget(f"took longer than {deadline[1]:g} s (in {stage})")


def check_count(what: str, count: int, limit: int) -> None:
    if count > limit:
        raise OverBudget(f"too many {what} ({count:,}; at most {limit:,})")
