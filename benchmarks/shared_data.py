"""Where the benchmarks find the reference data (never read by newsprism itself)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def shared_data(name: str) -> Path:
    """NEWSPRISM_DATA/NAME when that is set, else ../shared/data/NAME beside the checkout:
    the nearest one up the tree (a git worktree sits deeper than the main checkout)."""
    if root := os.environ.get("NEWSPRISM_DATA"):
        return Path(root) / name
    here = Path(__file__).resolve()
    for parent in here.parents[1:]:
        if (candidate := parent / "shared" / "data" / name).exists():
            return candidate
    return here.parents[2] / "shared" / "data" / name


def held(set_name: str, cluster: str) -> bool:
    """The held third of a story set's stories, as speakers_real's labels split them (a hash
    of set and cluster): their items are counted, never read."""
    return int(hashlib.sha1(f"{set_name}/{cluster}".encode()).hexdigest(), 16) % 3 == 0
