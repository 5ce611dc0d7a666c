"""Shared fixtures: the seed documents, read and processed the way a user's files are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.ingest import read_path
from newsprism.model import Article, Quote
from newsprism.pipeline import Analysis, analyse_stories, process_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
REPORT_SEED = SEEDS / "000_60f9d60b6a9e8fe4.txt"
TRANSCRIPT_SEED = SEEDS / "003_6bc700938196dd54.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _shared_data_root() -> Path:
    """NEWSPRISM_DATA when set, else the nearest ../shared/data up the tree (a git worktree
    sits deeper than the main checkout), as the benchmarks find it."""
    if root := os.environ.get("NEWSPRISM_DATA"):
        return Path(root)
    for parent in ROOT.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return ROOT.parent / "shared" / "data"


SHARED_DATA = _shared_data_root()


def process_file(path: Path) -> tuple[Article, list[Quote]]:
    processed = process_document(next(iter(read_path(path))))  # type: ignore[arg-type]
    return processed.article, processed.quotes


@pytest.fixture(scope="session")
def report() -> tuple[Article, list[Quote]]:
    return process_file(REPORT_SEED)


@pytest.fixture(scope="session")
def transcript() -> tuple[Article, list[Quote]]:
    return process_file(TRANSCRIPT_SEED)


@pytest.fixture(scope="session")
def seed_analysis(report, transcript) -> Analysis:
    articles = [report[0], transcript[0]]
    return analyse_stories(articles, report[1] + transcript[1])


def shared_data(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path
