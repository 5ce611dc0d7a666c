"""Run the stages: Document -> Article + Quotes (per input), then Stories over all articles.

The run loop lives here (`run_analyze`, `restory`, `relearn`): the CLI parses and prints.
The per-document step (`process_step`: extract, clean, quotes) is a pure function of its
task, so an executor (newsprism.executors: this process, a local process pool) can run it
wherever; the store is written here, in the parent, one input at a time and in input order.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TypeVar

from newsprism.budget import OverBudget, input_budget
from newsprism.clean import clean_document, clean_document_id
from newsprism.clean.templates import (
    MIN_ARTICLES,
    MemoryTemplates,
    TemplateCounts,
    document_edge_keys,
    template_scope,
)
from newsprism.compare import compare_story
from newsprism.compare.discrepancies import find_discrepancies, story_clauses
from newsprism.compare.facts import ClauseRow, clause_rows, clauses_from_rows
from newsprism.compare.statements import KnownLinks
from newsprism.executors import Executor, InProcessExecutor
from newsprism.extract import ExtractionError, extract_html
from newsprism.ingest import InputError
from newsprism.ingest.paths import resolved_source
from newsprism.model import (
    Article,
    Discrepancy,
    Document,
    Quote,
    QuoteMatch,
    Statement,
    Story,
    WireLink,
)
from newsprism.persons import PersonTable
from newsprism.quotes import extract_quotes
from newsprism.store import Store, StoreError, StoreTemplates
from newsprism.store.sqlite import StoriesWritten
from newsprism.stories import group_stories, wire_links
from newsprism.stories.grouping import (
    Features,
    KnownWire,
    Profile,
    StoryGrouper,
    features_of,
    related_ids,
    stories_from,
    stream_order,
)


@dataclass
class Processed:
    document: Document  # as read
    text: Document  # as extracted: what cleaning started from, kept for re-cleaning
    article: Article
    quotes: list[Quote]
    # What grouping reads of the article (stories.grouping.Features as bytes), worked out
    # where the article was, so that the story step (one process) need not.
    grouping_features: bytes | None = None


@dataclass
class Analysis:
    articles: list[Article]
    quotes: list[Quote]
    stories: list[Story]
    kept: int = 0  # stories a store's run left as stored (not among `stories`)


@dataclass
class RunStats:
    read: int = 0
    added: int = 0
    unchanged: int = 0
    # Results an executor made with template lines that changed before they were stored,
    # processed again in order (so the output is a one-by-one run's).
    reprocessed: int = 0
    errors: list[InputError] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)  # ids of the articles this run stored


def process_document(document: Document, templates: TemplateCounts | None = None) -> Processed:
    """One input through extract, clean and quotes; the outlet's template lines (learned
    from the articles before it) are removed, and its own lines counted for the next ones.
    Raises ExtractionError on a page with no text, OverBudget on an input that needs more
    work than any article (newsprism.budget)."""
    with input_budget():
        text = extract_html(document)
        return process_text(document, text, templates, learn=True)


def process_text(
    document: Document, text: Document, templates: TemplateCounts | None, learn: bool
) -> Processed:
    scope = template_scope(text)
    keys = templates.template_keys(scope) if templates else frozenset()
    article = clean_text(text, keys)
    if templates and learn:
        templates.observe(scope, article.id, document_edge_keys(text))
    return Processed(document, text, article, extract_quotes(article))


def clean_text(text: Document, template_keys: frozenset[str]) -> Article:
    article = clean_document(text, template_keys)
    if not article.paragraphs:
        raise ExtractionError("no article text left after cleaning")
    return article


def failure_reason(error: Exception) -> str:
    """What an input's failure is called on stderr."""
    if isinstance(error, ExtractionError | OverBudget):
        return str(error)
    return f"could not be processed ({type(error).__name__}: {error})"


def _guarded(source: str, on_error: Callable[[InputError], None], work: Callable[[], Processed]):
    """Run one input's work; a failure is reported and never stops the run."""
    try:
        with input_budget():
            return work()
    except Exception as error:  # a user's file must never stop the run
        on_error(InputError(source, failure_reason(error)))
    return None


@dataclass
class DocumentTask:
    """One input for the per-document step, with the template lines its outlet had learned
    when it was sent (`scope` as read from the document before extraction)."""

    document: Document
    scope: str
    template_keys: frozenset[str]


class AskedKeys(frozenset[str]):
    """Template keys that remember which keys cleaning asked about. Cleaning only asks `key in
    keys` (and whether there are any), so its result is the same under any other keys that
    agree on every key asked and are as empty or not."""

    asked: set[str]

    def __new__(cls, keys: Iterable[str] = ()) -> AskedKeys:
        self = super().__new__(cls, keys)
        self.asked = set()
        return self

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.asked.add(key)
        return super().__contains__(key)


def same_cleaning(used: frozenset[str], asked: set[str], now: frozenset[str]) -> bool:
    """Whether cleaning with `now` gives what cleaning with `used` gave (asking `asked`)."""
    return bool(used) == bool(now) and not (used ^ now) & asked


@dataclass
class Outcome:
    """What the per-document step gives back: the input processed or why it failed, and the
    template lines its cleaning removed, checked against the store's before it is kept."""

    item: Document | InputError
    processed: Processed | None = None
    error: str | None = None
    scope: str | None = None  # the extracted text's template scope, once known
    template_keys: frozenset[str] = frozenset()
    asked_keys: set[str] = field(default_factory=set)
    edge_keys: set[str] = field(default_factory=set)
    lasting: bool = False  # the failure is the input's own (no article in it), not a mishap


def process_step(task: DocumentTask | InputError) -> Outcome:
    """Extract, clean (removing the task's template lines) and find quotes; a failure is an
    outcome, never an exception. Runs wherever the executor puts it: no store, no I/O."""
    if isinstance(task, InputError):
        return Outcome(task)
    outcome = Outcome(task.document)
    try:
        with input_budget():
            text = extract_html(task.document)
            outcome.scope = template_scope(text)
            if outcome.scope == task.scope:
                outcome.template_keys = task.template_keys
            keys = AskedKeys(outcome.template_keys)
            outcome.asked_keys = keys.asked  # filled as cleaning asks, even if it then fails
            article = clean_text(text, keys)
            outcome.edge_keys = document_edge_keys(text)
            quotes = extract_quotes(article)
            features = features_of(article, quotes).to_bytes()
            outcome.processed = Processed(task.document, text, article, quotes, features)
    except Exception as error:  # a user's file must never stop the run
        outcome.error = failure_reason(error)
        outcome.lasting = isinstance(error, ExtractionError)
    return outcome


def process_all(
    items: Iterable[Document | InputError],
    on_error: Callable[[InputError], None],
    templates: TemplateCounts | None = None,
) -> Iterator[Processed]:
    """Process what can be processed, in a stream; report every failure and go on."""
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        processed = _guarded(item.source, on_error, lambda d=item: process_document(d, templates))
        if processed is not None:
            yield processed


def process_batch(
    items: Iterable[Document | InputError],
    on_error: Callable[[InputError], None],
    templates: TemplateCounts | None = None,
) -> list[Processed]:
    """Two passes: learn the template lines of every input first, then clean each with them
    (so the first articles of an outlet lose their template lines too)."""
    templates = templates or MemoryTemplates()
    texts: list[tuple[Document, Document]] = []
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        text = _guarded(item.source, on_error, lambda d=item: extract_html(d))
        if text is not None:
            texts.append((item, text))
    for _, text in texts:
        article_id = clean_document_id(text)
        templates.observe(template_scope(text), article_id, document_edge_keys(text))
    results = []
    for document, text in texts:
        processed = _guarded(
            document.source,
            on_error,
            lambda d=document, t=text: process_text(d, t, templates, learn=False),
        )
        if processed is not None:
            results.append(processed)
    return results


def run_analyze(
    store: Store,
    items: Iterable[Document | InputError],
    on_error: Callable[[InputError], None],
    stats: RunStats,
    template_min: int = MIN_ARTICLES,
    executor: Executor | None = None,
) -> Analysis:
    """`newsprism analyze`: store what is new or changed among `items` (each input extracted,
    cleaned and quoted by `executor`, stored here in input order, every failure reported to
    `on_error`), then group, name the speakers and compare (`restory`)."""
    adopt_resolved_sources(store)
    store_inputs(store, items, on_error, stats, template_min, executor)
    return restory(store, executor=executor, touched=set(stats.stored))


def store_inputs(
    store: Store,
    items: Iterable[Document | InputError],
    on_error: Callable[[InputError], None],
    stats: RunStats,
    template_min: int = MIN_ARTICLES,
    executor: Executor | None = None,
) -> None:
    """Process and store the new or changed `items`. An outlet's template lines are learned
    from the articles stored before each one, as a one-by-one run would: a result cleaned
    with lines that have changed since its task was sent is processed again here."""
    templates = StoreTemplates(store, template_min)
    executor = executor or InProcessExecutor()
    code = processing_code()
    tasks = (_task(item, templates) for item in _new_or_changed(items, store, stats, code))
    saves = BatchedSaves(store, stats, on_error)
    try:
        for outcome in executor.map(process_step, tasks):
            processed = _accepted(outcome, templates, on_error, stats)
            if processed is not None:
                saves.save(processed, templates.observed(processed.article.id))
            elif outcome.lasting and isinstance(outcome.item, Document):
                with contextlib.suppress(StoreError):  # a saving only: else processed again
                    store.remember_failure(
                        outcome.item.source, outcome.item.content_hash, code, outcome.error or ""
                    )
    finally:
        saves.commit()


# Inputs whose stored hashes are looked up in one query (one a query took a tenth of a small
# run's reading).
HASHES_A_QUERY = 500


def _new_or_changed(
    items: Iterable[Document | InputError], store: Store, stats: RunStats, code: str
) -> Iterator[Document | InputError]:
    """The inputs to process; an unchanged one is counted, one that failed as it is now (the
    same content, the same code) is its error again, without processing it again."""
    for part in _batched(items, HASHES_A_QUERY):
        sources = [item.source for item in part if isinstance(item, Document)]
        stored = store.input_hashes(sources)
        looked_up: set[str] = set()
        for item in part:
            if isinstance(item, Document):
                # a source again (the same input given twice): as stored by the first
                source = item.source
                known = store.input_hash(source) if source in looked_up else stored.get(source)
                looked_up.add(source)
                if known == item.content_hash:
                    stats.unchanged += 1
                    continue
                if (reason := store.failure(source, item.content_hash, code)) is not None:
                    yield InputError(source, reason)
                    continue
            yield item


def _batched(items: Iterable[Part], size: int) -> Iterator[list[Part]]:
    iterator = iter(items)
    while part := list(islice(iterator, size)):
        yield part


@lru_cache(maxsize=1)
def processing_code() -> str:
    """A digest of this newsprism's code and data files: an input that failed is processed
    again once they change."""
    package = Path(__file__).parent
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json", ".tsv", ".txt") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _task(item: Document | InputError, templates: TemplateCounts) -> DocumentTask | InputError:
    if isinstance(item, InputError):
        return item
    scope = template_scope(item)
    return DocumentTask(item, scope, templates.template_keys(scope))


def _accepted(
    outcome: Outcome,
    templates: TemplateCounts,
    on_error: Callable[[InputError], None],
    stats: RunStats,
) -> Processed | None:
    """The outcome's result if it is what processing the input now would give; else the
    input processed again, here, with the template lines learned so far."""
    item = outcome.item
    if isinstance(item, InputError):
        on_error(item)
        return None
    if outcome.scope is not None and not same_cleaning(
        outcome.template_keys, outcome.asked_keys, templates.template_keys(outcome.scope)
    ):
        stats.reprocessed += 1
        done = outcome.processed
        if done is None:
            return _processed_again(outcome, on_error, lambda: process_document(item, templates))
        return _processed_again(outcome, on_error, lambda: _cleaned_again(item, done, templates))
    if outcome.processed is None:
        on_error(InputError(item.source, outcome.error or "could not be processed"))
        return None
    templates.observe(outcome.scope or "", outcome.processed.article.id, outcome.edge_keys)
    return outcome.processed


def _processed_again(
    outcome: Outcome, on_error: Callable[[InputError], None], work: Callable[[], Processed]
) -> Processed | None:
    """`work`: the outcome's input processed again. Its failure is reported, and kept in
    `outcome` as processing it the first time keeps one (remembered if the input's own)."""
    try:
        with input_budget():
            return work()
    except Exception as error:  # a user's file must never stop the run
        outcome.error = failure_reason(error)
        outcome.lasting = isinstance(error, ExtractionError)
        on_error(InputError(outcome.item.source, outcome.error))
    return None


def _cleaned_again(document: Document, done: Processed, templates: TemplateCounts) -> Processed:
    """`process_document` of an input the executor processed with template lines that have
    changed since: its extracted text cleaned again with the lines learned so far; its quotes
    and grouping features kept when the article comes out the same (most do: a changed line
    is seldom one of its lines), else found again. Extraction is not done again."""
    text = done.text
    scope = template_scope(text)
    article = clean_text(text, templates.template_keys(scope))
    templates.observe(scope, article.id, document_edge_keys(text))
    if article == done.article:
        return Processed(document, text, article, done.quotes, done.grouping_features)
    quotes = extract_quotes(article)
    return Processed(document, text, article, quotes, features_of(article, quotes).to_bytes())


# Inputs stored several to a transaction (each in a savepoint of it): a commit for each input
# made the store's full-text indexes write a segment each time and merge them again and again.
# The write lock is held no longer than BATCH_SECONDS, so another run's writes wait little.
BATCH_INPUTS = 200
BATCH_SECONDS = 0.5


@dataclass
class BatchedSaves:
    """Stores processed inputs in input order, several to a transaction. A failed write is that
    input's error; when the batch's commit fails (a full disk), its inputs are stored again one
    a transaction, so only those that cannot be stored fail. Counted in `stats` once stored."""

    store: Store
    stats: RunStats
    on_error: Callable[[InputError], None]
    pending: list[tuple[Processed, tuple[str, set[str]] | None]] = field(default_factory=list)
    opened: float = 0.0

    def save(self, processed: Processed, template_lines: tuple[str, set[str]] | None) -> None:
        if not self.pending:
            try:
                self.store.begin("saving inputs")
            except StoreError:
                self._save_alone(processed, template_lines)  # that input's error, if any
                return
            self.opened = time.monotonic()
        try:
            _save(self.store, processed, template_lines)
        except StoreError as error:
            self.on_error(_not_stored(processed, error))
            if not self.store.in_transaction:  # SQLite undid the whole batch (a full disk)
                self._replay()
            return
        self.pending.append((processed, template_lines))
        if len(self.pending) >= BATCH_INPUTS or time.monotonic() - self.opened > BATCH_SECONDS:
            self.commit()

    def commit(self) -> None:
        if not self.pending:
            return
        try:
            self.store.commit("saving inputs")
        except StoreError:
            self._replay()
            return
        for processed, _ in self.pending:
            self._stored(processed)
        self.pending = []

    def _replay(self) -> None:
        """The batch was rolled back: store its inputs again, each in its own transaction."""
        pending, self.pending = self.pending, []
        for processed, template_lines in pending:
            self._save_alone(processed, template_lines)

    def _save_alone(
        self, processed: Processed, template_lines: tuple[str, set[str]] | None
    ) -> None:
        try:
            _save(self.store, processed, template_lines)
        except StoreError as error:
            self.on_error(_not_stored(processed, error))
            return
        self._stored(processed)

    def _stored(self, processed: Processed) -> None:
        self.stats.added += 1
        self.stats.stored.append(processed.article.id)


def _save(
    store: Store, processed: Processed, template_lines: tuple[str, set[str]] | None
) -> None:
    """One input's article and quotes (its template lines counted in the same step)."""
    document = processed.document
    store.save_article(
        document.source,
        document.content_hash,
        processed.article,
        processed.quotes,
        processed.text,
        template_lines=template_lines,
        grouping_features=processed.grouping_features,
    )


def _not_stored(processed: Processed, error: StoreError) -> InputError:
    return InputError(processed.document.source, f"not stored: {error}")


def restory(
    store: Store,
    rebuild: bool = False,
    executor: Executor | None = None,
    touched: set[str] | None = None,
) -> Analysis:
    """Group what is stored into stories (new articles only, unless `rebuild`), name the
    speakers from the person table (matched again from scratch with `rebuild`, keeping the
    keys), compare (the stories run by `executor`), and store the stories.

    Given the articles this run `touched`, a story with the same articles as stored, none of
    them touched, keeps its stored statements, matches and discrepancies and is not read from
    the store at all. Returns the stories this step wrote (every story without `touched`):
    what the run changed; their articles, quotes and comparisons are not kept (each story is
    written as its part of the stories is compared; the store has them, each speaker named as
    the step left it: `Store.quotes_of(..., named=True)`, `Store.stories`)."""
    with store.story_lock():
        placement = place_articles(store, rebuild)
        groups = placement.groups()
        stored = store.story_members() if touched is not None and not rebuild else {}
        kept = _kept_stories(groups, stored, touched or set())
        # A kept story whose speakers no person names yet (a store from before persons) is
        # named with the rest, in story order, though not compared.
        unnamed = store.stories_with_unlinked_speakers() & kept.keys() if kept else set()
        # Links known from a story's last comparison hold for the articles this run left as
        # they were; with no `touched` given (or a rebuild), any article may have changed.
        changed = touched if touched is not None and not rebuild else None
        work = _StoryWork(store, placement, rebuild, changed)
        stories = work.stories(groups, kept, unnamed)
        related = placement.related_ids()
        for story, ids in zip(stories, groups, strict=True):
            story.related = related.get(placement.story_of[ids[0]], [])
        early = StoriesWritten()
        positions = {story.id: n for n, story in enumerate(stories)}

        def write(story: Story) -> None:
            store.write_story(story, positions[story.id], early)
            story.statements, story.matches, story.discrepancies, story.wire = [], [], [], []

        to_write = [s for s in stories if s.id not in kept or s.id in unnamed]
        work.analyse(to_write, executor, unnamed, write)
        # Kept stories quoting a person this run renamed show the new name: written again.
        renamed = store.stories_naming(work.people.changes.renamed) & kept.keys() - unnamed
        refreshed = {s.id: s for s in store.stories(renamed)} if renamed else {}
        for story in refreshed.values():
            story.related = related.get(placement.story_of[story.articles[0]], [])
        work.analyse(list(refreshed.values()), executor, set(refreshed), write)
        stories = [refreshed.get(s.id, s) for s in stories]
        store.save_person_table(work.people, rebuilt=rebuild)
        unchanged = kept.keys() - unnamed - renamed
        store.save_stories(stories, unchanged=unchanged, early=early)
    written = [s for s in stories if s.id not in unchanged]
    return Analysis([], [], written, kept=len(unchanged))


def _kept_stories(
    groups: list[list[str]], stored: dict[str, tuple[str, list[str]]], touched: set[str]
) -> dict[str, Story]:
    """The stories as stored (id and title; their contents stay in the store), by id, of the
    `groups` whose articles are a stored story's, none of them `touched`."""
    by_members = {tuple(ids): (story_id, title) for story_id, (title, ids) in stored.items()}
    kept = {}
    for ids in groups:
        found = by_members.get(tuple(ids))
        if found is not None and touched.isdisjoint(ids):
            kept[found[0]] = Story(id=found[0], title=found[1], articles=ids)
    return kept


@dataclass
class _StoryWork:
    """The part of the store a story step reads: the articles (and their quotes) of the
    stories it compares or names, ARTICLES_A_READ or so at a time (a story's articles are
    read together); the person table with their links."""

    store: Store
    placement: Placement
    rebuild: bool
    changed: set[str] | None  # the articles changed since the stored links (None: any)
    people: PersonTable = field(default_factory=PersonTable)
    linked: set[str] = field(default_factory=set)  # articles whose quotes' links are read

    def __post_init__(self) -> None:
        self.linked = set(self.placement.placed)
        people = self.store.person_table(self.placement.placed)
        self.people = people.rebuilt() if self.rebuild else people

    def read(self, article_ids: list[str]) -> tuple[dict[str, Article], dict[str, list[Quote]]]:
        """These articles and their quotes (with their quotes' person links, if not read)."""
        articles = {a.id: a for a in self.store.articles(article_ids)}
        quotes = quotes_by_article(self.store.quotes_of(article_ids))
        unlinked = [i for i in article_ids if i not in self.linked]
        if unlinked and not self.rebuild:
            self.people.links.update(self.store.person_links(unlinked))
        self.linked.update(unlinked)
        return articles, quotes

    def stories(
        self, groups: list[list[str]], kept: dict[str, Story], named: set[str]
    ) -> list[Story]:
        """Every story, in order: the kept ones as stored (those to be `named` read with their
        stored comparison), the others made from their articles' heads (titles and first
        paragraphs: the rest is read once, to compare them)."""
        stored = {s.id: s for s in self.store.stories(named)} if named else {}
        kept_by_first = {s.articles[0]: stored.get(s.id, s) for s in kept.values()}
        fresh = [ids for ids in groups if ids[0] not in kept_by_first]
        made: dict[str, Story] = {}
        for part in _parts(fresh, len):
            heads = {a.id: a for a in self.store.article_heads(i for ids in part for i in ids)}
            ordered = [heads[i] for ids in part for i in ids]
            # Their wire links are found with their comparison (in the executor), not here.
            found = stories_from(ordered, self.placement.story_of, ordered, find_wire=False)
            made.update((s.articles[0], s) for s in found)
        return [made.get(ids[0]) or kept_by_first[ids[0]] for ids in groups]

    def analyse(
        self,
        stories: list[Story],
        executor: Executor | None,
        as_stored: set[str],
        write: Callable[[Story], None],
    ) -> None:
        """Name the speakers of `stories`, in order, and compare them, but those `as_stored`
        (read with their statements, matches and discrepancies): the quotes are kept named
        (in the person table's links). A part of the stories at a time, each part's stories
        handed to `write` once done (so no more than a part's comparisons are held)."""
        for part in _parts(stories, lambda story: len(story.articles)):
            ids = list(dict.fromkeys(i for story in part for i in story.articles))
            articles, quotes = self.read(ids)
            members = [articles[i] for i in ids]
            story_quotes = [q for a in members for q in quotes.get(a.id, [])]
            kept = {s.id: s for s in part if s.id in as_stored}
            known = self.known([s.id for s in part if s.id not in as_stored])
            analyse_stories(members, story_quotes, part, self.people, executor, kept, known)
            for story in part:
                write(story)
            self.store.save_known_links({i: _known_blob(found) for i, found in known.items()})

    def known(self, story_ids: list[str]) -> dict[str, KnownComparison]:
        """What these stories' last comparisons found that still holds (nothing if any
        article may have changed)."""
        if self.changed is None or not story_ids:
            return {}
        stored = self.store.known_links(story_ids)
        found = {i: _known_comparison(blob) for i, blob in stored.items()}
        return {i: known.without(self.changed) for i, known in found.items() if known}


@dataclass
class KnownComparison:
    """What a story's last comparison found, kept for its next one: its quotes' links, its
    wire links and its articles' clauses, each holding while the articles involved are as
    they were."""

    links: KnownLinks
    wire: KnownWire
    clauses: dict[str, list[ClauseRow]]  # by article

    def without(self, changed: set[str]) -> KnownComparison:
        return KnownComparison(
            self.links.without(changed),
            self.wire.without(changed),
            {i: rows for i, rows in self.clauses.items() if i not in changed},
        )


def _known_blob(known: KnownComparison) -> bytes:
    data = {
        "code": processing_code(),
        **known.links.to_json(),
        "wire": known.wire.to_json(),
        "clauses": known.clauses,
    }
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 1)


def _known_comparison(blob: bytes) -> KnownComparison | None:
    """What was found, as stored, unless another version of newsprism found it (it may
    align otherwise)."""
    data = json.loads(zlib.decompress(blob))
    if data.get("code") != processing_code():
        return None
    links, wire = KnownLinks.from_json(data), KnownWire.from_json(data["wire"])
    return KnownComparison(links, wire, data["clauses"])


Part = TypeVar("Part")


def _parts(items: list[Part], size: Callable[[Part], int]) -> Iterator[list[Part]]:
    """`items` in order, in parts of about ARTICLES_A_READ articles (`size`: an item's)."""
    part: list[Part] = []
    count = 0
    for item in items:
        part.append(item)
        count += size(item)
        if count >= ARTICLES_A_READ:
            yield part
            part, count = [], 0
    if part:
        yield part


def relearn(
    store: Store, template_min: int, on_error: Callable[[InputError], None]
) -> tuple[int, int]:
    """Count template lines over every stored article again and re-clean each one with them,
    then restory; (articles stored, articles whose cleaning changed)."""
    stored = store.documents()
    store.forget_template_lines()
    store.forget_failures()  # cleaned with other template lines, they may give an article
    templates = StoreTemplates(store, template_min)
    for _, _, text in stored:
        store.observe_lines(template_scope(text), clean_document_id(text), document_edge_keys(text))
    changed = 0
    for source, content_hash, text in stored:
        before = store.article(clean_document_id(text))
        processed = process_batch([text], on_error, templates)
        if processed and before and processed[0].article.paragraphs != before.paragraphs:
            store.save_article(
                source, content_hash, processed[0].article, processed[0].quotes, text
            )
            changed += 1
    restory(store)
    return len(stored), changed


def adopt_resolved_sources(store: Store) -> int:
    """Inputs an older version stored under the path as typed take the resolved name this one
    reads them under, so a run over the same files does not store them twice."""
    renames = {old: new for old in store.relative_sources() if (new := resolved_source(old))}
    return store.rename_sources(renames) if renames else 0


@dataclass
class StoryTask:
    """One story to compare: its articles and their quotes (speakers named already)."""

    articles: list[Article]
    quotes: dict[str, list[Quote]]
    known: KnownComparison | None = None  # what its last comparison found, still holding


@dataclass
class StoryComparison:
    statements: list[Statement]
    matches: list[QuoteMatch]
    discrepancies: list[Discrepancy]
    wire: list[WireLink]
    known: KnownComparison | None = None


def compare_step(task: StoryTask) -> StoryComparison:
    """Statements, quote matches, discrepancies and wire links of one story: a pure function
    of the task, run wherever the executor puts it."""
    known, articles = task.known, task.articles
    comparison = compare_story(articles, task.quotes, known.links if known else None)
    rows = known.clauses if known else {}
    kept = {a.id: clauses_from_rows(a.id, a.body, rows[a.id]) for a in articles if a.id in rows}
    clauses = story_clauses(articles, kept) if len(articles) > 1 else {}
    discrepancies = find_discrepancies(articles, task.quotes, comparison.matches, clauses)
    wire = wire_links(articles, known.wire if known else None)
    found = KnownComparison(
        comparison.links,
        KnownWire([a.id for a in articles], {link.article: link for link in wire}),
        {i: rows[i] if i in rows else clause_rows(of) for i, of in clauses.items()},
    )
    return StoryComparison(comparison.statements, comparison.matches, discrepancies, wire, found)


def analyse_stories(
    articles: list[Article],
    quotes: list[Quote],
    stories: list[Story] | None = None,
    people: PersonTable | None = None,
    executor: Executor | None = None,
    kept: dict[str, Story] | None = None,
    known: dict[str, KnownComparison] | None = None,
) -> Analysis:
    """Group articles into stories (unless given), name each story's speakers from the person
    table `people` (the store's; else one for this analysis alone), in story order, and
    compare each story's quotes (`executor` may run the stories in parallel), but those
    `kept`: their comparison as stored. `known`: what the stories' last comparisons found (by
    story id), each replaced by what its comparison finds."""
    kept = kept or {}
    people = people if people is not None else PersonTable()
    by_article = quotes_by_article(quotes)
    if stories is None:  # their wire links are found with their comparison
        stories = group_stories(articles, by_article, find_wire=False)
    article_by_id = {a.id: a for a in articles}
    people.read_for(quotes)

    def named(story: Story) -> StoryTask:
        members = [article_by_id[i] for i in story.articles]
        story_quotes = people.unify(members, [q for a in members for q in by_article.get(a.id, [])])
        unified = quotes_by_article(story_quotes)
        for article in members:
            by_article[article.id] = unified.get(article.id, [])
        found = known.get(story.id) if known is not None else None
        return StoryTask(members, {a.id: by_article[a.id] for a in members}, found)

    def to_compare() -> Iterator[StoryTask]:
        for story in stories:  # every story's speakers are named, in order
            task = named(story)
            if story.id not in kept:
                yield task

    executor = executor or InProcessExecutor()
    compared_stories = executor.map(compare_step, to_compare())
    pending = [story for story in stories if story.id not in kept]
    for story, compared in zip(pending, compared_stories, strict=True):
        story.statements, story.matches = compared.statements, compared.matches
        story.discrepancies, story.wire = compared.discrepancies, compared.wire
        if known is not None and compared.known is not None:
            known[story.id] = compared.known
    for story in stories:
        if old := kept.get(story.id):
            story.statements, story.matches = old.statements, old.matches
            story.discrepancies = old.discrepancies
    unified = [q for a in articles for q in by_article.get(a.id, [])]
    return Analysis(articles, unified, stories)


def quotes_by_article(quotes: Iterable[Quote]) -> dict[str, list[Quote]]:
    grouped: dict[str, list[Quote]] = {}
    for quote in quotes:
        grouped.setdefault(quote.article, []).append(quote)
    return grouped


def incremental_stories(
    store: Store,
    articles: list[Article],
    quotes: dict[str, list[Quote]],
    rebuild: bool = False,
    known_wire: dict[tuple[str, ...], list[WireLink]] | None = None,
) -> list[Story]:
    """Stories over everything stored (`articles` and their `quotes`, as loaded from
    `store`): as `place_articles` places them, with every article given at hand.
    `known_wire`: as `stories_from` takes it."""
    grouper, story_of = _restored_grouper(store, {a.id for a in articles}, rebuild)
    unplaced = stream_order([a for a in articles if a.id not in story_of])
    features = ((a.id, features_of(a, quotes.get(a.id, []))) for a in unplaced)
    _place_new(store, grouper, story_of, features, rebuild)
    related = related_ids(grouper.related_stories(), story_of, [a.id for a in articles])
    return stories_from(articles, story_of, articles, known_wire, related)


@dataclass
class Placement:
    """Every stored article's story (`story_of`, by the grouper's story number) in reading
    order (`order`), and the ids of the articles placed anew."""

    order: list[str]
    story_of: dict[str, int]
    placed: list[str]
    related: dict[int, list[int]] = field(default_factory=dict)  # by story number

    def related_ids(self) -> dict[int, list[str]]:
        """The ids of each story's related stories, by story number."""
        return related_ids(self.related, self.story_of, self.order)

    def groups(self) -> list[list[str]]:
        """Each story's article ids in reading order, the stories in the order of their first
        article (as `stories_from` orders them)."""
        members: dict[int, list[str]] = {}
        for article_id in self.order:
            members.setdefault(self.story_of[article_id], []).append(article_id)
        return list(members.values())


# Articles read from the store at a time by the story step: it never holds every article.
ARTICLES_A_READ = 1000


def place_articles(store: Store, rebuild: bool = False) -> Placement:
    """Articles grouped in earlier runs keep their story and are replayed into the grouper
    from their stored profiles; only the articles not yet placed (new or changed) are read
    from the store (ARTICLES_A_READ at a time) and streamed in. With `rebuild`, the whole
    store is grouped again from scratch, then refined in a second pass (articles move to the
    story they fit best once all are seen). Then the stories that grew are split where they
    hold two events (stored articles may move to a new story)."""
    dates = store.publication_dates()
    order = list(dates)
    grouper, story_of = _restored_grouper(store, set(order), rebuild)
    unplaced = [i for i in order if i not in story_of]
    in_stream_order = _stream_ordered(unplaced, dates)
    del dates  # not held while the stream runs
    _place_new(store, grouper, story_of, _read_in_stream_order(store, in_stream_order), rebuild)
    return Placement(order, story_of, unplaced, grouper.related_stories())


def _stream_ordered(ids: list[str], dates: dict[str, str | None]) -> list[str]:
    """`ids` (in reading order) in `stream_order`'s order: publication order, undated last,
    those of one date in reading order (the sort is stable)."""
    return sorted(ids, key=lambda i: dates[i] or "\uffff")


def _read_in_stream_order(store: Store, ordered: list[str]) -> Iterator[tuple[str, Features]]:
    """The grouping features of the articles of `ordered` (as `_stream_ordered` orders them),
    a part at a time: as kept when the article was stored, else worked out from the article
    and its quotes, read here."""
    for first in range(0, len(ordered), ARTICLES_A_READ):
        part = ordered[first : first + ARTICLES_A_READ]
        kept = store.grouping_features(part)
        unkept = [i for i in part if i not in kept]
        articles = {a.id: a for a in store.articles(unkept)} if unkept else {}
        quotes = quotes_by_article(store.quotes_of(unkept)) if unkept else {}
        for article_id in part:
            if article_id in kept:
                yield article_id, Features.from_bytes(kept[article_id])
            else:
                yield article_id, features_of(articles[article_id], quotes.get(article_id, []))


def _restored_grouper(
    store: Store, known: set[str], rebuild: bool
) -> tuple[StoryGrouper, dict[str, int]]:
    """The grouper as earlier runs left it (the profiles of the `known` articles), and their
    stories; empty with `rebuild`, its stored state cleared."""
    story_of: dict[str, int] = {}
    if rebuild:
        store.clear_story_profiles()
    elif counts := store.grouping_counts():
        grouper = StoryGrouper.from_counts(counts, store.grouping_count_changes())
        for article_id, story, blob, nearest in store.story_profiles():
            if article_id in known:
                grouper.restore(Profile.from_bytes(blob), story, _known(nearest))
                story_of[article_id] = story
        for story, other in store.story_links():
            grouper.link(story, other)
        return grouper, story_of
    return StoryGrouper(), story_of


def _place_new(
    store: Store,
    grouper: StoryGrouper,
    story_of: dict[str, int],
    new: Iterable[tuple[str, Features]],
    rebuild: bool,
) -> None:
    """Stream the `new` articles (in stream order: id, grouping features) into `grouper`
    (refined with `rebuild`), split the stories that grew, and store the new profiles and the
    moves; `story_of` updated."""
    restored = list(story_of)  # by position in the grouper
    known_links = len(grouper.linked_from)
    nearest_before = array("f", grouper.nearest_similarity)
    new_ids = []
    for article_id, features in new:
        grouper.add_features(features)
        new_ids.append(article_id)
    if rebuild:
        grouper.refine()
    placed = len(restored)
    grown = set(grouper.story_of[placed:])
    moved = [p for p in grouper.split_stories(grown) if p < placed]
    for position, article_id in enumerate(new_ids, start=placed):
        story_of[article_id] = grouper.story_of[position]
    # made as they are written, not all at once: a fresh store's profiles would be held twice
    nearest = grouper.nearest_similarity
    new_rows = (
        (
            article_id,
            grouper.story_of[position],
            grouper.profiles[position].to_bytes(),
            nearest[position],
        )
        for position, article_id in enumerate(new_ids, start=placed)
    )
    moved_rows = [(restored[p], grouper.story_of[p]) for p in moved]
    story_of.update(moved_rows)
    links = grouper.links_since(known_links)
    nearer = [(restored[p], nearest[p]) for p in range(placed) if nearest[p] != nearest_before[p]]
    counts, change = _counts_to_store(grouper, store)
    store.save_story_profiles(new_rows, counts, moved_rows, links, nearer, counts_change=change)


# Changes to the stored term counts kept beside them before they are stored whole again: each
# run's change costs a decompression more when the grouper is restored.
COUNT_CHANGES_KEPT = 16


def _counts_to_store(grouper: StoryGrouper, store: Store) -> tuple[bytes | None, bool]:
    """(the term counts to store, whether they are a change to the stored ones): what this
    run counted when it was restored from a store with room for one more change (compressing
    the whole table takes longer than a small run's grouping), None if nothing; else all."""
    if grouper.counted is None:
        return grouper.counts_blob(), False
    if not grouper.documents_counted:
        return None, False
    if store.grouping_count_changes_kept() >= COUNT_CHANGES_KEPT:
        return grouper.counts_blob(), False
    return grouper.counts_change(), True


def _known(nearest: float | None) -> float:
    """A stored nearest similarity; -1 (not known) for a profile stored without one."""
    return -1.0 if nearest is None else nearest


def one_story(articles: list[Article]) -> list[Story]:
    """All given articles as a single story (for `newsprism compare`); its wire links are
    found with its comparison (`analyse_stories`)."""
    if not articles:
        return []
    first = articles[0]
    return [Story(id=f"s-{first.id}", title=first.title, articles=[a.id for a in articles])]
