"""A run compares only the stories its new or changed inputs touch, reads only those from the
store, and writes only those into analysis.json, with an index of every stored story."""

from __future__ import annotations

import json
import shutil
import zlib
from html import escape
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, REPORT_SEED, SEEDS, shared_data

from newsprism import pipeline
from newsprism.cli import main
from newsprism.ingest import read_path
from newsprism.pipeline import RunStats, run_analyze
from newsprism.report import validate_analysis
from newsprism.store import Store, StoreError

OTHER = (
    "Council approves the new bridge\n"
    "The city council approved a new bridge over the river on Tuesday, the mayor said.\n"
    "\u201cIt is a great day for the town and the river,\u201d said Mayor Ann Lee.\n"
)


@pytest.fixture()
def compared(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The article ids of each story compared, run by run."""
    calls: list[list[str]] = []
    step = pipeline.compare_step

    def counting(task: pipeline.StoryTask):
        calls.append(sorted(article.id for article in task.articles))
        return step(task)

    monkeypatch.setattr(pipeline, "compare_step", counting)
    return calls


def _run(*args: str, status: int = 0) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == status, result.output


def _analyze(tmp_path: Path, folder: Path, status: int = 0, out: str = "report") -> dict:
    """The analysis JSON of `analyze` (exit `status`: 1 when some inputs are known to fail)."""
    _run("analyze", str(folder), "--db", str(tmp_path / "n.db"), "--out", str(tmp_path / out),
         status=status)  # fmt: skip
    return json.loads((tmp_path / out / "analysis.json").read_text(encoding="utf-8"))


def _seed_story(data: dict) -> dict:
    return next(s for s in data["stories"] if len(s["articles"]) == 2)


def _by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def _without_changed(index: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in entry.items() if k != "changed"} for entry in index]


def _stored_groups(db: Path) -> list[list[str]]:
    """The titles of each stored story's articles."""
    with Store(db) as store:
        groups = [store.articles(story.articles) for story in store.stories()]
    return sorted(sorted(article.title for article in group) for group in groups)


def _stored_story_ids(db: Path) -> list[str]:
    with Store(db) as store:
        return [story.id for story in store.stories()]


def test_untouched_story_keeps_its_comparison_and_its_page(tmp_path, compared):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    first = _analyze(tmp_path, folder)
    assert len(compared) == 1  # the seeds' story
    seed = _seed_story(first)
    page = tmp_path / "report" / first["index"][0]["page"]
    made = page.stat().st_mtime_ns
    compared.clear()
    (folder / "bridge.txt").write_text(OTHER, encoding="utf-8")
    second = _analyze(tmp_path, folder)
    assert len(compared) == 1 and len(compared[0]) == 1  # only the new article's story
    # analysis.json holds the story the run made, with its article and quotes; the index
    # lists both stories, the seeds' as first shown
    assert [len(s["articles"]) for s in second["stories"]] == [1]
    assert [a["id"] for a in second["articles"]] == compared[0]
    assert {q["article"] for q in second["quotes"]} == set(compared[0])
    index = _by_id(second["index"])
    assert set(index) == set(_stored_story_ids(tmp_path / "n.db"))
    assert index[seed["id"]] == {**first["index"][0], "changed": False}
    assert index[second["stories"][0]["id"]]["changed"] is True
    assert validate_analysis(second) == []
    assert page.stat().st_mtime_ns == made  # its page not written again
    compared.clear()
    report = folder / REPORT_SEED.name
    report.write_text(report.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    third = _analyze(tmp_path, folder)
    assert [len(ids) for ids in compared] == [2]  # a changed article: its story again
    assert [len(s["articles"]) for s in third["stories"]] == [2]


def test_a_run_reads_only_the_articles_and_stories_it_touches(tmp_path, monkeypatch):
    """The second run reads from the store the new article and its quotes, and of the stories
    only the one it wrote (back, for its report): never every article, quote or story."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    _analyze(tmp_path, folder)
    (folder / "bridge.txt").write_text(OTHER, encoding="utf-8")
    read: dict[str, list[Any]] = {"articles": [], "quotes_of": [], "stories": [], "quotes": []}
    for name in read:
        method = getattr(Store, name)

        def recording(self, *args, _name=name, _method=method, **kwargs):
            ids = args[0] if args else kwargs.get("ids", kwargs.get("article_ids"))
            ids = list(ids) if ids is not None and not isinstance(ids, str) else ids
            read[_name].append(ids)
            return _method(self, ids, *args[1:], **kwargs) if args else _method(self, **kwargs)

        monkeypatch.setattr(Store, name, recording)
    second = _analyze(tmp_path, folder)
    (new,) = second["articles"]
    assert None not in read["articles"] + read["quotes_of"] + read["stories"]
    assert read["quotes"] == []  # every quote of the store: never
    assert {i for ids in read["articles"] + read["quotes_of"] for i in ids} == {new["id"]}
    assert {i for ids in read["stories"] for i in ids} == {second["stories"][0]["id"]}


def test_a_kept_story_no_person_names_yet_is_named_not_compared(tmp_path, compared):
    """A store from before persons: its stories' quotes are linked to no person. A run that
    keeps such a story names its speakers (and writes it), without comparing it again."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    first = _analyze(tmp_path, folder)
    with Store(tmp_path / "n.db") as store:
        store.conn.execute("DELETE FROM quote_persons")
    compared.clear()
    (folder / "bridge.txt").write_text(OTHER, encoding="utf-8")
    second = _analyze(tmp_path, folder)
    assert [len(ids) for ids in compared] == [1]  # the new story only
    assert _seed_story(second) == _seed_story(first)
    named = _by_id(second["quotes"])
    assert all(named[q["id"]] == q for q in first["quotes"])  # named again, as first named


def test_a_grown_input_gives_what_comparing_every_story_again_gives(tmp_path, compared):
    """Real articles, then more of them: the run keeps the stored comparison and wire links of
    every story the new ones left alone, and writes the stories it touched. Each must be what
    comparing every stored story afresh gives (`newsprism stories`, which keeps nothing), so
    no shortcut changes a result; the index lists every stored story, as the full one does."""
    lines = shared_data("stories", "multinews_sample", "articles.jsonl").read_text("utf-8")
    records = lines.splitlines(keepends=True)[340:500]  # a story of wire copies among them
    folder = tmp_path / "in"
    folder.mkdir()
    inputs = folder / "articles.jsonl"
    inputs.write_text("".join(records[:130]), encoding="utf-8")
    _analyze(tmp_path, folder, status=1)  # a few records are pages of junk: named, skipped
    compared.clear()
    inputs.write_text("".join(records), encoding="utf-8")
    grown = _analyze(tmp_path, folder, status=1)
    assert 0 < len(grown["stories"]) < len(grown["index"])  # some kept, not written
    assert sum(len(ids) > 1 for ids in compared) == sum(
        len(s["articles"]) > 1 for s in grown["stories"]
    )
    compared.clear()
    _run("stories", "--db", str(tmp_path / "n.db"), "--out", str(tmp_path / "again"))
    assert len(compared) == len(grown["index"])
    again = json.loads((tmp_path / "again" / "analysis.json").read_text(encoding="utf-8"))
    every = _by_id(again["stories"])
    assert set(every) == set(_stored_story_ids(tmp_path / "n.db"))
    kept_with_wire = [e for e in grown["index"] if not e["changed"] and every[e["id"]]["wire"]]
    assert kept_with_wire  # kept wire links among the stories left alone
    for story in grown["stories"]:
        assert story == every[story["id"]]
    articles, quotes = _by_id(again["articles"]), _by_id(again["quotes"])
    assert all(article == articles[article["id"]] for article in grown["articles"])
    assert all(quote == quotes[quote["id"]] for quote in grown["quotes"])
    assert _without_changed(grown["index"]) == _without_changed(again["index"])


def test_a_story_keeps_its_links_for_its_next_comparison_while_newsprism_is_the_same(tmp_path):
    """After a run, each compared story's links are stored; a later run uses them, unless a
    different newsprism stored them (its alignment may differ)."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    _analyze(tmp_path, folder)
    with Store(tmp_path / "n.db") as store:
        seed_story = next(s.id for s in store.stories() if len(s.articles) == 2)
        stored = store.known_links([seed_story])[seed_story]
    found = pipeline._known_comparison(stored)
    assert found is not None
    known = found.links
    assert known.edges  # the report's quotes link to the transcript
    assert len(known.targets) == 2 and sum(map(len, known.quotes.values())) > len(known.edges)
    assert len(found.wire.members) == 2 and not found.wire.links  # no copy of the other
    data = json.loads(zlib.decompress(stored))
    other = zlib.compress(json.dumps({**data, "code": "another newsprism"}).encode())
    assert pipeline._known_comparison(other) is None


def test_adding_later_articles_gives_what_one_run_over_all_gives(tmp_path):
    """Articles A, then B after them (undated: grouped in reading order): the stories the
    second run writes are those one run over A and B makes, and the index is the same."""
    lines = shared_data("stories", "multinews_sample", "articles.jsonl").read_text("utf-8")
    records = [json.loads(line) for line in lines.splitlines()[600:760]]
    assert not any(r.get("date") for r in records)
    cut = len(records) * 3 // 4
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records[:cut]))
    _analyze(tmp_path, folder, status=1)
    (folder / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records[cut:]))
    grown = _analyze(tmp_path, folder, status=1)
    whole = tmp_path / "whole"
    _run("analyze", str(folder), "--db", str(whole / "n.db"), "--out", str(whole / "r"), status=1)
    one_run = json.loads((whole / "r" / "analysis.json").read_text(encoding="utf-8"))
    assert grown["stories"] and len(grown["stories"]) < len(one_run["stories"])
    every = _by_id(one_run["stories"])
    for story in grown["stories"]:
        assert story == every[story["id"]]
    quotes = _by_id(one_run["quotes"])
    assert all(quote == quotes[quote["id"]] for quote in grown["quotes"])
    assert _without_changed(grown["index"]) == _without_changed(one_run["index"])


def test_a_report_joins_its_mutual_nearest_stored_in_an_earlier_run(tmp_path):
    """Six AllSides stories of two days; the WSJ report of the Cuban protests joins the story
    of its nearest article, a report stored by an earlier run, as one run over all joins it:
    how near each stored article's nearest is, is kept with it."""
    lines = (FIXTURES / "allsides_week.jsonl").read_text(encoding="utf-8").splitlines()
    later = [n for n, line in enumerate(lines) if "Cuban Protests Demand" in line or
             json.loads(line)["date"] == "2021-07-13"]  # fmt: skip
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("".join(f"{lines[n]}\n" for n in range(len(lines))
                                            if n not in later))  # fmt: skip
    _analyze(tmp_path, folder)
    (folder / "b.jsonl").write_text("".join(f"{lines[n]}\n" for n in later))
    _analyze(tmp_path, folder)
    whole = tmp_path / "whole"
    _run("analyze", str(folder), "--db", str(whole / "n.db"), "--out", str(whole / "r"))
    one_run = _stored_groups(whole / "n.db")
    wsj = "Cuban Protests Demand Freedom, Food, Covid-19 Vaccines"
    assert [len(group) for group in one_run if wsj in group] == [3]
    assert _stored_groups(tmp_path / "n.db") == one_run


def test_a_report_shows_what_changed_since_it_was_written(tmp_path):
    """A new folder gets every story, read from the store, as the run that made them wrote
    them; a folder whose last run stopped before its report gets that run's changes too."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    first = _analyze(tmp_path, folder)
    (folder / "bridge.txt").write_text(OTHER, encoding="utf-8")
    with Store(tmp_path / "n.db") as store:  # a run killed before it wrote its report
        run_analyze(store, read_path(folder / "bridge.txt"), lambda e: None, RunStats())
    after = _analyze(tmp_path, folder)
    assert [s["title"] for s in after["stories"]] == ["Council approves the new bridge"]
    fresh = _analyze(tmp_path, folder, out="fresh")  # nothing new, but a new folder
    assert [e["changed"] for e in fresh["index"]] == [True, True]
    assert _seed_story(fresh) == _seed_story(first)
    assert fresh["stories"][1] == after["stories"][0]
    assert fresh["articles"] == first["articles"] + after["articles"]
    assert fresh["quotes"] == first["quotes"] + after["quotes"]  # speakers named as the run did
    pages = sorted(p.name for p in (tmp_path / "fresh" / "stories").iterdir())
    assert pages == sorted(Path(e["page"]).name for e in fresh["index"])
    again = _analyze(tmp_path, folder, out="fresh")
    assert again["stories"] == [] and again["articles"] == [] and again["quotes"] == []


def test_an_input_that_failed_is_not_processed_again_until_it_changes(tmp_path, monkeypatch):
    """An input with no article in it fails each run with the same error (and exit 1), but is
    processed only once while its content and the code stay the same."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    junk = folder / "junk.txt"
    junk.write_text("Title\nSign up for our newsletter\n", encoding="utf-8")
    processed: list[str] = []
    step = pipeline.process_step

    def counting(task):
        if isinstance(task, pipeline.DocumentTask):  # else an error passed on, in its place
            processed.append(task.document.source)
        return step(task)

    monkeypatch.setattr(pipeline, "process_step", counting)
    args = ["analyze", str(folder), "--db", str(tmp_path / "n.db"), "--out", str(tmp_path / "r")]
    runs = [CliRunner().invoke(main, args) for _ in range(2)]
    error = f"error: {junk}: no article text left after cleaning"
    assert [r.exit_code for r in runs] == [1, 1]
    assert all(error in r.output and "1 failed" in r.output for r in runs)
    assert processed.count(str(junk)) == 1 and len(processed) == 3
    junk.write_text(OTHER, encoding="utf-8")
    assert CliRunner().invoke(main, args).exit_code == 0
    assert processed[3:] == [str(junk)]


KLOPP_AT_THE_BRIDGE = (
    "Council approves the new bridge\n"
    "The city council approved a new bridge over the river on Tuesday, the mayor said.\n"
    "\u201cIt is a great day for the town and the river,\u201d said Mayor Ann Lee.\n"
    "\u201cI will walk over it every morning,\u201d said Jurgen Klopp, who lives nearby.\n"
)


def test_a_run_reads_only_the_persons_its_names_need(tmp_path, monkeypatch):
    """The second run's speakers are a stored person (Klopp) and a new one: it reads Klopp
    alone from the person table, never every person, and links the quote to his key."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    _analyze(tmp_path, folder)
    with Store(tmp_path / "n.db") as store:
        stored = {person["key"] for person in store.persons()}
    assert {"jurgen-klopp", "marten-de-roon", "gian-piero-gasperini"} <= stored
    (folder / "bridge.txt").write_text(KLOPP_AT_THE_BRIDGE, encoding="utf-8")
    read: dict[str, list[str]] = {"persons_indexed": [], "persons_keyed": [], "all_persons": []}
    for name in read:
        method = getattr(Store, name)

        def recording(self, *args, _name=name, _method=method):
            found = _method(self, *args)
            read[_name].extend(person.key for _, person in found)
            return found

        monkeypatch.setattr(Store, name, recording)
    second = _analyze(tmp_path, folder)
    assert read["all_persons"] == []
    assert set(read["persons_indexed"]) | set(read["persons_keyed"]) == {"jurgen-klopp"}
    speakers = {q["speaker"]: q["speaker_key"] for q in second["quotes"]}
    assert speakers["Jürgen Klopp"] == "jurgen-klopp"
    assert speakers["Ann Lee"] not in stored


def test_stories_of_a_developing_event_are_linked_across_runs(tmp_path):
    """The Cuomo probe and the Senate taking up the infrastructure bill in one run, his
    resignation and the bill's text a week later in the next: the new stories are related to
    the stored ones (which the second run keeps), both ways, and only within each event."""
    records = [json.loads(line) for line in (FIXTURES / "allsides_developing.jsonl").open()]
    folder = tmp_path / "in"
    folder.mkdir()
    first_week = [r for r in records if r["cluster"] in ("5812", "5824")]
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in first_week))
    assert not any(s["related"] for s in _analyze(tmp_path, folder)["stories"])
    later = [r for r in records if r["cluster"] in ("5793", "5816")]
    (folder / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in later))
    written = _analyze(tmp_path, folder)["stories"]
    with Store(tmp_path / "n.db") as store:
        stored = {s.id: sorted(s.related) for s in store.stories()}
    assert {s["id"] for s in written} < stored.keys()  # the first week's stories are kept
    assert all(s["related"] and stored[s["id"]] == sorted(s["related"]) for s in written)
    for story, related in stored.items():
        assert related and all(story in stored[other] for other in related)
    event = {r["id"]: r["cluster"] in ("5812", "5793") for r in records}  # Cuomo's, or not
    with Store(tmp_path / "n.db") as store:
        source = {a.id: a.source.split("#")[-1] for a in store.articles()}
        members = {s.id: {event[source[a]] for a in s.articles} for s in store.stories()}
    for story, related in stored.items():
        assert all(members[other] == members[story] for other in related)
    _related_stories_shown(tmp_path, written[0]["id"], stored[written[0]["id"]])


def _related_stories_shown(tmp_path: Path, story_id: str, related: list[str]) -> None:
    """The story's page in the report and in the web app links its related stories, titled;
    the web app's JSON lists them."""
    from fastapi.testclient import TestClient

    from newsprism.report.paths import story_page
    from newsprism.web import create_app

    with Store(tmp_path / "n.db") as store:
        titles = {s.id: s.title for s in store.stories(related)}
    page = (tmp_path / "report" / story_page(story_id)).read_text(encoding="utf-8")
    client = TestClient(create_app(tmp_path / "n.db"))
    web_page = client.get(f"/stories/{story_id}").text
    for other in related:
        assert f'href="../{story_page(other)}">{escape(titles[other])}</a>' in page
        assert f'href="/stories/{other}">{escape(titles[other])}</a>' in web_page
    api = client.get(f"/api/stories/{story_id}").json()
    assert [r["id"] for r in api["story"]["related"]] == related
def test_grouping_reads_the_features_processing_kept_and_works_them_out_when_none(
    tmp_path, monkeypatch
):
    """Each input's grouping features are worked out once, where it is processed, and kept in
    the store until it is grouped; an article stored without them (by an older newsprism, or
    cleaned again) has them worked out from its text: the same stories either way."""
    lines = shared_data("stories", "multinews_sample", "articles.jsonl").read_text("utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(lines.splitlines()[:60]) + "\n", encoding="utf-8")
    worked_out: list[str] = []
    features_of = pipeline.features_of

    def counting(article, quotes=()):
        worked_out.append(article.id)
        return features_of(article, quotes)

    monkeypatch.setattr(pipeline, "features_of", counting)
    kept = _analyze(tmp_path / "kept", folder, status=1)
    stored = [a["id"] for a in kept["articles"]]
    assert sorted(worked_out) == sorted(stored)  # once each, none again in grouping
    save_article = Store.save_article

    def without_features(self, *args, **kwargs):
        return save_article(self, *args, **{**kwargs, "grouping_features": None})

    monkeypatch.setattr(Store, "save_article", without_features)
    worked_out.clear()
    none_kept = _analyze(tmp_path / "none", folder, status=1)
    assert sorted(worked_out) == sorted(stored * 2)  # in processing, then from the store
    assert none_kept["stories"] == kept["stories"] and len(kept["stories"]) > 1
    for db in (tmp_path / "kept" / "n.db", tmp_path / "none" / "n.db"):
        with Store(db) as store:
            assert store.conn.execute("SELECT count(*) FROM grouping_features").fetchone()[0] == 0


def test_a_story_step_failing_at_its_last_write_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    """The story step's writes (profiles, persons, stories) are one transaction: when saving
    the stories fails, the profiles and persons it wrote before are undone too, and the next
    run does the step again from what the last good run left."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    _analyze(tmp_path, folder)
    db = tmp_path / "n.db"
    tables = ("story_profiles", "persons", "person_names", "quote_persons", "stories")

    def contents() -> dict[str, list[tuple]]:
        with Store(db) as store:
            return {t: sorted(map(tuple, store.conn.execute(f"SELECT * FROM {t}"))) for t in tables}

    before = contents()
    (folder / "bridge.txt").write_text(OTHER, encoding="utf-8")

    def full_disk(self: Store, *args: Any, **kwargs: Any) -> None:
        self.conn.execute("DELETE FROM stories")  # a write SQLite had begun
        raise StoreError(f"{self.path}: saving stories: database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "save_stories", full_disk)
        result = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(db), "--out",
                                           str(tmp_path / "failed")])  # fmt: skip
    assert result.exit_code != 0 and "disk is full" in result.output
    after = contents()
    assert after["stories"] == before["stories"] and after["persons"] == before["persons"]
    assert after == before  # the bridge's profile and its mayor are not kept without a story
    data = _analyze(tmp_path, folder)
    assert [s["title"] for s in data["stories"]] == ["Council approves the new bridge"]


def _term_counts(store: Store) -> tuple[int, bytes]:
    """(documents, the counters' bytes) of the grouper as the store restores it."""
    from newsprism.stories.grouping import StoryGrouper

    counts = store.grouping_counts()
    assert counts is not None
    grouper = StoryGrouper.from_counts(counts, store.grouping_count_changes())
    return grouper.documents, grouper.document_frequency.tobytes()


@pytest.mark.parametrize("changes_kept", [16, 1])
def test_term_counts_stored_as_changes_add_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changes_kept: int
) -> None:
    """A file grown over three runs leaves the grouper's term counts of one run over all of it:
    each later run stores what it counted as a change (a store of the version before has
    none), stored whole again once `COUNT_CHANGES_KEPT` are kept."""
    monkeypatch.setattr(pipeline, "COUNT_CHANGES_KEPT", changes_kept)
    lines = (FIXTURES / "allsides_sample.jsonl").read_text(encoding="utf-8").splitlines(True)
    grown = tmp_path / "grown.jsonl"
    with Store(tmp_path / "grown.db") as store:
        for end in (6, 12, len(lines)):
            grown.write_text("".join(lines[:end]), encoding="utf-8")
            run_analyze(store, read_path(grown), lambda e: None, RunStats())
        changes = len(store.grouping_count_changes())
        in_runs = _term_counts(store)
    whole = tmp_path / "whole.jsonl"
    whole.write_text("".join(lines), encoding="utf-8")
    with Store(tmp_path / "whole.db") as store:
        run_analyze(store, read_path(whole), lambda e: None, RunStats())
        assert store.grouping_count_changes() == []
        at_once = _term_counts(store)
    assert changes == (2 if changes_kept == 16 else 0)
    assert in_runs[0] == at_once[0] > 0
    assert in_runs[1] == at_once[1]
