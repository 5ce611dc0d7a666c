"""The command line: analyze, compare, quotes. Exit 0 when every input was processed, 1 when
some failed (each named on stderr, the rest processed and stored), 2 on a usage error."""

from __future__ import annotations

import functools
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from newsprism import __version__
from newsprism.clean import detokenised
from newsprism.clean.templates import MIN_ARTICLES, MemoryTemplates
from newsprism.collector import freeze_imported, set_for_long_runs
from newsprism.executors import Executor, SchedulerError, WorkerLost, executor_for
from newsprism.ingest import InputError, InputWarning, Metadata, expand_paths, read_path
from newsprism.model import Document
from newsprism.pipeline import (
    Analysis,
    Processed,
    RunStats,
    analyse_stories,
    one_story,
    process_batch,
    relearn,
    restory,
    run_analyze,
)
from newsprism.report import build_analysis
from newsprism.report.stored import StoreReport, write_store_report
from newsprism.store import Store, StoreError
from newsprism.summary import (
    print_clean,
    print_person,
    print_persons,
    print_quotes,
    print_run_summary,
    print_story_details,
    print_summary,
)
from newsprism.terminal import printable, printable_json

if TYPE_CHECKING:
    from rich.progress import Progress

PROGRESS_MIN_FILES = 4

# Nothing the CLI prints is read as rich markup or emoji codes: user text prints as written.
console = Console(markup=False, emoji=False, highlight=False)
errors_console = Console(stderr=True, markup=False, emoji=False, highlight=False)


def metadata_options(command):
    """--outlet/--url/--published, handed to the command as one `metadata` argument."""

    @functools.wraps(command)
    def with_metadata(*args, outlet: str | None, url: str | None, published: str | None, **kwargs):
        return command(
            *args, metadata=Metadata(outlet=outlet, url=url, published=published), **kwargs
        )

    decorated = with_metadata
    for name, text in (
        ("--published", "Publication date (ISO) for inputs that do not carry one."),
        ("--url", "URL for inputs that do not carry one."),
        ("--outlet", "Outlet name for inputs that do not carry one."),
    ):
        decorated = click.option(name, default=None, help=text)(decorated)
    return decorated


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
def main() -> None:
    """Who said what, story by story, and how each outlet reported it."""
    set_for_long_runs()


def command() -> None:
    """The `newsprism` command (and `python -m newsprism`): `main` in a process of its own."""
    freeze_imported()
    main(prog_name="newsprism")


class ErrorLog:
    """Prints each failed input on stderr as it happens and remembers it for the exit code."""

    def __init__(self, stats: RunStats) -> None:
        self.stats = stats

    def __call__(self, error: InputError) -> None:
        if not isinstance(error, InputWarning):  # a warning's document is read all the same
            self.stats.errors.append(error)
        click.echo(printable(f"{error.level}: {error}"), err=True)


def _documents(
    paths: Iterable[str], metadata: Metadata, log: ErrorLog, progress: Progress | None
) -> Iterator[Document | InputError]:
    files, missing = expand_paths(paths)
    yield from missing
    task = progress.add_task("reading", total=len(files)) if progress else None
    for path in files:
        yield from read_path(path, metadata)
        if progress is not None and task is not None:
            progress.advance(task)
    log.stats.read = len(files)
    if progress is not None:
        progress.stop()  # all read: the bar goes before the story step prints


def _progress(paths: tuple[str, ...]) -> Progress | None:
    files, _ = expand_paths(paths)
    if len(files) < PROGRESS_MIN_FILES or not errors_console.is_terminal:
        return None
    # imported here: a run that shows no bar (not at a terminal, few files) never needs it
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors_console,
        transient=True,
    )


def _process(paths: tuple[str, ...], metadata: Metadata, stats: RunStats) -> list[Processed]:
    log = ErrorLog(stats)
    return process_batch(_documents(paths, metadata, log, None), log)


class FaultError(click.ClickException):
    """The store or the output folder cannot be used (unwritable, a full disk, not a folder):
    one line on stderr, exit 2."""

    exit_code = 2


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _open_store(db: str) -> Store:
    """The store at `db` (its folder created), checked to take writes before anything is read."""
    try:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = _reason(error)
        raise FaultError(f"--db {printable(db)}: cannot create its folder ({reason})") from error
    try:
        store = Store(db)
    except StoreError as error:
        raise FaultError(printable(str(error))) from error
    try:
        store.check_writable()
    except StoreError as error:
        store.close()
        raise FaultError(printable(str(error))) from error
    return store


@contextmanager
def _store_faults() -> Iterator[None]:
    """A store write failing outside the per-input ones (the story step) ends the run, in a line."""
    try:
        yield
    except StoreError as error:
        raise FaultError(printable(str(error))) from error


def _output_folder(out: str) -> Path:
    """`--out`, created and checked to take a file before anything is read."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise FaultError(f"--out {printable(out)}: is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        reason = _reason(error)
        raise FaultError(f"--out {printable(out)}: cannot write there ({reason})") from error
    return folder


def _write_store_report(
    folder: Path,
    store: Store,
    analysis: Analysis,
    keep_data: bool = False,
    executor: Executor | None = None,
) -> StoreReport:
    """The report of the store: what the run changed, with an index of every story
    (`keep_data`: and the analysis of what the run changed, as analysis.json holds it);
    `executor` makes the story pages."""
    try:
        with _store_faults(), _worker_faults():
            return write_store_report(
                folder,
                store,
                analysis.articles,
                analysis.quotes,
                analysis.stories,
                keep_data,
                executor,
            )
    except OSError as error:
        where = printable(error.filename or str(folder))
        raise FaultError(f"{where}: report not written ({_reason(error)})") from error


DB_OPTION = click.option("--db", default="newsprism.db", show_default=True, help="SQLite store.")
OUT_OPTION = click.option(
    "--out",
    default="newsprism-report",
    show_default=True,
    help="Folder for analysis.json and the HTML report (index.html, stories/).",
)
TEMPLATE_MIN_OPTION = click.option(
    "--template-min",
    default=MIN_ARTICLES,
    show_default=True,
    help="A line seen in this many articles of one outlet is that outlet's template.",
)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@TEMPLATE_MIN_OPTION
@OUT_OPTION
@click.option("--verbose", is_flag=True, help="Print each flagged story's statements too.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Processes that extract, clean, find quotes and compare (a local pool when more than 1).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="A running Dask scheduler (tcp://HOST:PORT) whose workers do that work instead.",
)
@metadata_options
def analyze(
    paths: tuple[str, ...],
    db: str,
    template_min: int,
    out: str,
    verbose: bool,
    workers: int,
    scheduler: str | None,
    metadata: Metadata,
) -> None:
    """Ingest files, folders and globs into the store, analyse, and write the report."""
    folder = _output_folder(out)
    stats = RunStats()
    log = ErrorLog(stats)
    with _open_store(db) as store, _executor(workers, scheduler) as executor:
        progress = _progress(paths)
        with progress or nullcontext():
            documents = _documents(paths, metadata, log, progress)
            with _store_faults(), _worker_faults():
                analysis = run_analyze(store, documents, log, stats, template_min, executor)
        report = _write_store_report(folder, store, analysis, verbose, executor)
    print_run_summary(console, report.totals, report.index, len(analysis.stories))
    if verbose and report.data is not None:
        print_story_details(console, report.data)
    console.print(
        f"\n{stats.added} new or changed, {stats.unchanged} unchanged, "
        f"{len(stats.errors)} failed{_failure_reasons(stats)}. Store: {printable(db)}\n"
        f"JSON:   {printable(str(report.json_path))}\nReport: {printable(str(report.html_path))}"
    )
    sys.exit(1 if stats.errors else 0)


@contextmanager
def _worker_faults() -> Iterator[None]:
    """A pool process that dies (killed, out of memory) ends the run, in a line."""
    try:
        yield
    except WorkerLost as error:
        raise FaultError(str(error)) from error


def _executor(workers: int, scheduler: str | None) -> Executor:
    try:
        return executor_for(workers, scheduler)
    except SchedulerError as error:
        raise FaultError(printable(str(error))) from error


def _failure_reasons(stats: RunStats, shown: int = 4) -> str:
    """The failures counted by reason (each was named on stderr as it happened)."""
    if not stats.errors:
        return ""
    reasons = Counter(error.reason.split(":")[0] for error in stats.errors).most_common()
    listed = ", ".join(printable(f"{reason} {n}") for reason, n in reasons[:shown])
    more = f", {len(reasons) - shown} other reasons" if len(reasons) > shown else ""
    return f" ({listed}{more}; each named on stderr)"


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the analysis JSON.")
@metadata_options
def compare(files: tuple[str, ...], as_json: bool, metadata: Metadata) -> None:
    """Compare a few articles as one story, without a store."""
    stats = RunStats()
    processed = _process(files, metadata, stats)
    articles = [p.article for p in processed]
    quotes = [q for p in processed for q in p.quotes]
    analysis: Analysis = analyse_stories(articles, quotes, one_story(articles))
    data = build_analysis(analysis.articles, analysis.quotes, analysis.stories)
    if as_json:
        click.echo(printable_json(json.dumps(data, ensure_ascii=False, indent=2)))
    else:
        print_summary(console, data)
    sys.exit(1 if stats.errors else 0)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print {articles, quotes} as JSON.")
@metadata_options
def quotes(files: tuple[str, ...], as_json: bool, metadata: Metadata) -> None:
    """Print the quotes and speakers of each article."""
    stats = RunStats()
    processed = _process(files, metadata, stats)
    data = build_analysis(
        [p.article for p in processed], [q for p in processed for q in p.quotes], []
    )
    if as_json:
        selected = {"articles": data["articles"], "quotes": data["quotes"]}
        click.echo(printable_json(json.dumps(selected, ensure_ascii=False, indent=2)))
    else:
        print_quotes(console, data)
    sys.exit(1 if stats.errors else 0)


@main.command()
@DB_OPTION
@click.option(
    "--rebuild",
    is_flag=True,
    help="Group the whole store into stories and persons again, from scratch.",
)
@OUT_OPTION
def stories(db: str, rebuild: bool, out: str) -> None:
    """Group the stored articles into stories (and rewrite the report).

    Articles grouped before keep their story; with --rebuild everything is grouped again in
    one pass over the store in publication order, and speakers are matched to persons again
    (each person keeps its key)."""
    folder = _output_folder(out)
    with _open_store(db) as store:
        with _store_faults():
            analysis = restory(store, rebuild)
        report = _write_store_report(folder, store, analysis)
    articles = sum(len(story.articles) for story in analysis.stories)  # each in one story
    console.print(
        f"{len(analysis.stories)} stories over {articles} articles"
        f"{' (rebuilt)' if rebuild else ''}.\nJSON:   {printable(str(report.json_path))}\n"
        f"Report: {printable(str(report.html_path))}"
    )


@main.command()
@click.argument("files", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the articles as JSON.")
@click.option("--keep-junk", is_flag=True, help="Show removed lines in place, marked.")
@click.option(
    "--relearn",
    is_flag=True,
    help="Count template lines over the whole store again and re-clean every stored article.",
)
@DB_OPTION
@TEMPLATE_MIN_OPTION
@metadata_options
def clean(
    files: tuple[str, ...],
    as_json: bool,
    keep_junk: bool,
    relearn: bool,
    db: str,
    template_min: int,
    metadata: Metadata,
) -> None:
    """Print the clean text of each article, with what was removed and why.

    Template lines are learned across the FILES given. With --relearn, the store's template
    counts are rebuilt from every stored article and each one is cleaned again."""
    if relearn:
        _relearn(db, template_min)
        return
    if not files:
        raise click.UsageError("give FILES to clean, or --relearn to re-clean the store")
    stats = RunStats()
    processed = process_batch(
        _documents(files, metadata, ErrorLog(stats), None),
        ErrorLog(stats),
        MemoryTemplates(template_min),
    )
    if as_json:
        data = build_analysis([p.article for p in processed], [], [])
        selected = {"articles": data["articles"]}
        click.echo(printable_json(json.dumps(selected, ensure_ascii=False, indent=2)))
    else:
        for item in processed:
            read = detokenised(item.text)
            raw = [read.title or "", *read.content.splitlines()]
            print_clean(console, item.article, keep_junk, [line for line in raw if line.strip()])
    sys.exit(1 if stats.errors else 0)


def _relearn(db: str, template_min: int) -> None:
    stats = RunStats()
    with _open_store(db) as store, _store_faults():
        stored, changed = relearn(store, template_min, ErrorLog(stats))
    console.print(
        f"relearned templates over {stored} stored articles; {changed} cleaned again. "
        f"Run `newsprism analyze` with no new files to rewrite the report."
    )
    sys.exit(1 if stats.errors else 0)


@main.command()
@click.argument("key", required=False)
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the persons (or the person) as JSON.")
@click.option("--limit", default=30, show_default=True, help="How many persons to list.")
def speakers(key: str | None, db: str, as_json: bool, limit: int) -> None:
    """List the persons of the store, most quoted first, or one person by KEY: its canonical
    name, the names its quotes use, its roles, quotes and articles."""
    if not Path(db).exists():
        raise FaultError(f"--db {printable(db)}: no such store (run `newsprism analyze` first)")
    try:
        with Store(db) as store:
            data = store.person(key) if key else store.persons()[:limit]
    except StoreError as error:
        raise FaultError(printable(str(error))) from error
    if key and data is None:
        raise click.UsageError(f"no person with key {key!r} in {db}")
    if as_json:
        click.echo(printable_json(json.dumps(data, ensure_ascii=False, indent=2)))
    elif key:
        print_person(console, data)
    else:
        print_persons(console, data)


def _existing_store(db: str) -> None:
    """`db` exists and is of this newsprism's schema, checked read-only (a read-only file
    serves); an older one is upgraded now, the one write `serve` and `export` make."""
    from newsprism.store import StoreOutdated

    if not Path(db).is_file():
        raise FaultError(f"--db {printable(db)}: no such store (run `newsprism analyze` first)")
    try:
        with Store(db, read_only=True):
            return
    except StoreOutdated:
        pass
    except StoreError as error:
        raise FaultError(printable(str(error))) from error
    try:
        with Store(db):
            pass
    except StoreError as error:
        raise FaultError(printable(str(error))) from error


@main.command()
@DB_OPTION
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (another than loopback makes the store readable from the network).",
)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
def serve(db: str, host: str, port: int) -> None:
    """Serve the web app over the store, read-only: stories, each statement across outlets,
    articles, speakers, search; the same as JSON under /api/ (OpenAPI at /openapi.json)."""
    from newsprism.web import MissingExtra
    from newsprism.web import serve as run

    _existing_store(db)
    console.print(f"newsprism: serving {printable(db)} at http://{host}:{port}/ (Ctrl-C stops)")
    try:
        run(db, host, port)
    except MissingExtra as error:
        raise FaultError(str(error)) from error
    except StoreError as error:
        raise FaultError(printable(str(error))) from error


@main.command()
@DB_OPTION
@click.option(
    "--format",
    "table_format",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    required=True,
    help="jsonl (one object a line), csv, or parquet (the `parquet` extra).",
)
@click.option("--out", required=True, help="Folder for the tables (created).")
def export(db: str, table_format: str, out: str) -> None:
    """Write the store's articles, quotes, statements, matches and discrepancies as tables."""
    from newsprism.store.export import MissingParquet, export_tables

    _existing_store(db)
    folder = _output_folder(out)
    try:
        with Store(db, read_only=True) as store:
            written = export_tables(store, folder, table_format)
    except MissingParquet as error:
        raise FaultError(str(error)) from error
    except (StoreError, OSError) as error:
        raise FaultError(printable(str(error))) from error
    for path, rows in written:
        console.print(f"{rows:>9,} rows  {printable(str(path))}")


if __name__ == "__main__":
    main()
