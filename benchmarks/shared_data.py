"""Where the benchmarks find the reference data (never read by newsprism itself)."""

from __future__ import annotations

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
