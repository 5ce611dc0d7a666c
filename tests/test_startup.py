"""A plain `analyze` starts up without what only some runs need: the feed parser (feed
files), lxml and the page extraction (HTML), the process pool's and Dask's machinery
(--workers, --scheduler), the progress bar (many files at a terminal); nor importlib.metadata
(the version is the package's own). Each run of the command pays its imports again, however
little it adds to the store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SEEDS

ONLY_SOME_RUNS_NEED = (
    "feedparser",
    "lxml",
    "newsprism.extract.page",
    "multiprocessing",
    "concurrent.futures",
    "rich.progress",
    "importlib.metadata",
)

RUN_AND_LIST = """
import sys
from newsprism.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    assert done.code == 0, done.code
print("imported:", *(m for m in {modules!r} if m in sys.modules))
"""


def test_a_plain_analyze_imports_none_of_what_only_some_runs_need(tmp_path: Path) -> None:
    script = RUN_AND_LIST.format(modules=ONLY_SOME_RUNS_NEED)
    args = ["analyze", str(SEEDS), "--db", str(tmp_path / "n.db"), "--out", str(tmp_path / "r")]
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "imported:"


def test_the_pool_executor_is_still_there_when_asked_for() -> None:
    from newsprism import executors
    from newsprism.executors.pool import LocalPoolExecutor

    assert executors.LocalPoolExecutor is LocalPoolExecutor
    assert executors.executor_for(2).__class__ is LocalPoolExecutor


def test_the_version_is_the_installed_one() -> None:
    from importlib.metadata import version

    from newsprism.report.analysis import ANALYSIS_VERSION

    assert version("newsprism") == ANALYSIS_VERSION


def test_the_nickname_table_is_the_nicknames_package_one() -> None:
    from nicknames import NickNamer

    from newsprism.persons.parsing import NICKNAMES

    assert list(NICKNAMES.items()) == list(NickNamer.default_lookup().items())
