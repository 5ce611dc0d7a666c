"""Python's cyclic garbage collector, set for a run over many articles.

A run holds what it reads to the end: articles, quotes, tokens, story profiles. Python's
collector makes a full collection whenever the objects it tracks have grown by a quarter
since the last, and each walks every one of them: on the 1,356 articles of multinews_sample,
15 full collections took 2.3 of 22 CPU seconds and freed almost nothing (newsprism makes few
reference cycles; reference counting frees the rest). Collecting the youngest objects every
YOUNG_OBJECTS allocations instead of Python's 700 makes the older collections, and with them
the full ones, ten times rarer; what a collection frees it still frees.

The command also freezes what its imports made (`freeze_imported`): modules, functions,
tables and compiled patterns live to the end of the process, and the full collections no
longer walk them (a third of the collecting of a run adding a few articles).
"""

from __future__ import annotations

import gc

YOUNG_OBJECTS = 10_000


def set_for_long_runs() -> None:
    """Collect the youngest generation every YOUNG_OBJECTS allocations (a higher threshold
    set before is kept, and a collector turned off stays off)."""
    young, middle, old = gc.get_threshold()
    if 0 < young < YOUNG_OBJECTS:
        gc.set_threshold(YOUNG_OBJECTS, middle, old)


def freeze_imported() -> None:
    """Keep every object alive now out of the collector's walks (gc.freeze): for the command's
    own process, once its modules are imported. Not for a program that goes on (a test run,
    a library's user): what is frozen is never collected."""
    gc.freeze()
