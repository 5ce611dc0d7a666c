"""The person table: speaker names merged into one key per person across stories and runs, and
never two people merged (the Clintons, the Bushes, the Conways, the Sessionses, the Goodlattes,
a father and his Jr.)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.model import Article, Quote, Story
from newsprism.persons import PersonTable, parse_name
from newsprism.pipeline import analyse_stories
from newsprism.store import SCHEMA_VERSION, Store
from newsprism.store.sqlite import MIGRATIONS

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"  # the schema's pattern for speaker_key


def article(id: str, *paragraphs: str) -> Article:
    return Article(id=id, source=f"{id}.txt", title=f"Story {id}", paragraphs=list(paragraphs))


def quotes_of(art: Article, *speakers: str, mention: str | None = None) -> list[Quote]:
    return [
        Quote(id=f"{art.id}-q{i}", article=art.id, text="words", start=0, end=5,
              speaker=name, speaker_mention=mention or name)
        for i, name in enumerate(speakers)
    ]  # fmt: skip


def keys(table: PersonTable, *stories: tuple[list[Article], list[Quote]]) -> dict[str, str]:
    """Speaker name (as given, with its article) -> person key, story by story."""
    found = {}
    for articles, quotes in stories:
        for before, after in zip(quotes, table.unify(articles, quotes), strict=True):
            found[f"{before.article}:{before.speaker}"] = after.speaker_key
    return found


def test_parse_titles_initials_suffix_nickname_and_tokenised_hyphens() -> None:
    schumer = parse_name("Sen. Charles (Chuck) E. Schumer")
    assert schumer.given == ("charles", "e") and schumer.surname == "schumer"
    assert schumer.nickname == "chuck" and schumer.roles == {"senator"}
    assert schumer.shown == "Charles Schumer"
    stone = parse_name("Roger J. Stone, Jr.")
    assert (stone.suffix, stone.shown) == ("Jr.", "Roger Stone Jr.")
    assert parse_name("Secretary of State Mike Pompeo").shown == "Mike Pompeo"
    assert parse_name("German Chancellor Angela Merkel").roles == {"chancellor"}
    assert parse_name("Kim Jong - un").shown == "Kim Jong-un"
    assert parse_name("Kim Jong Un").compact == parse_name("Kim Jong-un").compact
    assert parse_name("Maria von Trapp").surname == "von trapp"
    assert parse_name("Mrs. Clinton").single and parse_name("Mrs. Clinton").sex == "f"
    assert parse_name("GEORGE STEPHANOPOULOS").shown == "George Stephanopoulos"
    assert parse_name("White House").organisation
    assert not parse_name("A.J. Smith").organisation  # initials, not an acronym ('ABC News')
    assert parse_name("ABC News").organisation and parse_name("U.S. Navy").organisation
    # One organisation whether or not a sentence opens with its article.
    assert parse_name("The White House").compact == parse_name("White House").compact
    assert parse_name("The White House").shown == "White House"


def test_one_person_under_many_names_in_a_story() -> None:
    a = article("a", "President Donald J. Trump spoke at the White House on Monday.")
    b = article("b", "Donald John Trump, the 45th president, answered questions.")
    c = article("c", "Mr. Trump said little else about it.")
    klopp = ("Jürgen Klopp", "Jurgen Klopp", "Klopp")
    quotes = [
        *quotes_of(a, "Donald J. Trump", "Trump"),
        *quotes_of(b, "Donald John Trump"),
        *quotes_of(c, "Mr. Trump", "Donald Trump", *klopp),
    ]
    table = PersonTable()
    unified = table.unify([a, b, c], quotes)
    assert {q.speaker_key for q in unified[:5]} == {"donald-trump"}
    assert {q.speaker for q in unified[:5]} == {"Donald Trump"}
    assert {(q.speaker, q.speaker_key) for q in unified[5:]} == {("Jürgen Klopp", "jurgen-klopp")}


def test_father_and_son_jr_stay_apart_and_the_shared_surname_names_neither() -> None:
    a = article("a", "Donald Trump Jr. met a Russian lawyer; Donald Trump said he knew nothing.")
    found = keys(PersonTable(), ([a], quotes_of(a, "Donald Trump", "Donald Trump Jr.", "Trump")))
    assert found["a:Donald Trump"] == "donald-trump"
    assert found["a:Donald Trump Jr."] == "donald-trump-jr"
    assert found["a:Trump"] == "trump"  # two Trumps named: the surname alone is neither


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Bill Clinton and Hillary Clinton campaigned together.",
            "Bill Clinton",
            "Hillary Clinton",
        ),
        (
            "George H. W. Bush and George W. Bush, father and son.",
            "George H. W. Bush",
            "George W. Bush",
        ),
        ("George Bush and Jeb Bush spoke.", "George Bush", "Jeb Bush"),
        (
            "Kellyanne Conway and her husband George Conway disagree.",
            "Kellyanne Conway",
            "George Conway",
        ),
        ("Jeff Sessions and Pete Sessions are not related.", "Jeff Sessions", "Pete Sessions"),
        ("Rep. Bob Goodlatte and his son Bobby Goodlatte.", "Bob Goodlatte", "Bobby Goodlatte"),
        ("Barack Obama and Michelle Obama arrived.", "Barack Obama", "Michelle Obama"),
        ("Kim Jong-un honoured Kim Il-sung.", "Kim Jong-un", "Kim Il-sung"),
        ("Emily Domenech and Emily Jashinsky spoke.", "Emily Domenech", "Emily Jashinsky"),
        ("Lauri Love and his father the Rev Alexander Love.", "Lauri Love", "Alexander Love"),
        ("Johannes von Trapp and Georg von Trapp sang.", "Johannes von Trapp", "Georg von Trapp"),
        ("Joe Biden called Joe Manchin.", "Joe Biden", "Joe Manchin"),
        (
            "Willie Lathon Jr. and his widow Sheraine Lathon.",
            "Willie Lathon Jr.",
            "Sheraine Lathon",
        ),
    ],
)
def test_two_people_of_one_surname_in_a_story_stay_apart(
    text: str, first: str, second: str
) -> None:
    a = article("a", text)
    shared = {"Kim Jong-un": "Kim", "Emily Domenech": "Emily", "Joe Biden": "Joe"}
    surname = shared.get(first, second.split()[-1])
    found = keys(PersonTable(), ([a], quotes_of(a, first, second, surname)))
    assert found[f"a:{first}"] != found[f"a:{second}"]
    assert found[f"a:{surname}"] not in (found[f"a:{first}"], found[f"a:{second}"])


def test_george_bush_alone_between_the_two_presidents_is_neither() -> None:
    a = article("a", "George H. W. Bush and George W. Bush attended.")
    found = keys(
        PersonTable(), ([a], quotes_of(a, "George H. W. Bush", "George W. Bush", "George Bush"))
    )
    assert len(set(found.values())) == 3


def test_surname_alone_joins_the_one_person_its_article_names() -> None:
    a = article("a", "Hillary Clinton spoke in Ohio.", "Mrs. Clinton said the vote mattered.")
    b = article("b", "Bill Clinton, the former president, stayed home in New York.")
    found = keys(
        PersonTable(),
        ([a, b], quotes_of(a, "Hillary Clinton", "Mrs. Clinton") + quotes_of(b, "Bill Clinton")),
    )
    assert found["a:Mrs. Clinton"] == found["a:Hillary Clinton"] == "hillary-clinton"
    assert found["b:Bill Clinton"] == "bill-clinton"


def test_a_name_the_text_gives_twice_blocks_the_surname_alone() -> None:
    a = article("a", "Joseph Smith founded the church; Emma Smith, his wife, kept the books.",
                "Smith wrote to her often.")  # fmt: skip
    found = keys(PersonTable(), ([a], quotes_of(a, "Joseph Smith", "Smith")))
    assert found["a:Smith"] != found["a:Joseph Smith"]


def test_nickname_needs_evidence() -> None:
    table = PersonTable()
    a = article("a", "Charles Schumer, known as Chuck Schumer, spoke.")
    b = article("b", "Rudolph W. Giuliani spoke.")
    c = article("c", "Rudy Giuliani spoke.")
    found = keys(
        table,
        ([a], quotes_of(a, "Charles Schumer", "Chuck Schumer")),
        ([b], quotes_of(b, "Rudolph W. Giuliani")),
        ([c], quotes_of(c, "Rudy Giuliani")),
    )
    assert found["a:Charles Schumer"] == found["a:Chuck Schumer"]  # one story: evidence
    assert found["b:Rudolph W. Giuliani"] != found["c:Rudy Giuliani"]  # none
    d = article("d", "Weekly Standard Editor Bill Kristol said.")
    e = article("e", "The editor William Kristol wrote.")
    found = keys(
        table,
        ([d], quotes_of(d, "Bill Kristol", mention="Weekly Standard Editor Bill Kristol")),
        ([e], quotes_of(e, "William Kristol", mention="the editor William Kristol")),
    )
    assert found["d:Bill Kristol"] == found["e:William Kristol"]  # one role: evidence


def test_bob_and_bobby_never_merge_even_with_robert_in_the_story() -> None:
    a = article("a", "Robert Goodlatte, Bob Goodlatte and Bobby Goodlatte were named.")
    found = keys(
        PersonTable(), ([a], quotes_of(a, "Robert Goodlatte", "Bob Goodlatte", "Bobby Goodlatte"))
    )
    assert len(set(found.values())) == 3
    table = PersonTable()
    b, c = article("b", "Rep. Bob Goodlatte said."), article("c", "His son Bobby Goodlatte said.")
    found = keys(
        table, ([b], quotes_of(b, "Bob Goodlatte")), ([c], quotes_of(c, "Bobby Goodlatte"))
    )
    assert found["b:Bob Goodlatte"] != found["c:Bobby Goodlatte"]


def test_across_stories_middle_initials_and_titles_meet_one_person() -> None:
    table = PersonTable()
    a, b = article("a", "Sen. Marco Rubio said."), article("b", "Marco A. Rubio wrote.")
    found = keys(
        table, ([a], quotes_of(a, "Sen. Marco Rubio")), ([b], quotes_of(b, "Marco A. Rubio"))
    )
    assert found["a:Sen. Marco Rubio"] == found["b:Marco A. Rubio"] == "marco-rubio"


def test_a_surname_with_a_role_joins_the_one_known_person_who_held_it() -> None:
    table = PersonTable()
    a = article("a", "Gov. Brian Sandoval signed the bill.")
    b = article("b", "Governor Sandoval vetoed another.")
    c = article("c", "Sandoval, a lawyer, was not the governor.")
    found = keys(
        table,
        ([a], quotes_of(a, "Gov. Brian Sandoval")),
        ([b], quotes_of(b, "Governor Sandoval")),
        ([c], quotes_of(c, "Sandoval")),
    )
    assert found["b:Governor Sandoval"] == found["a:Gov. Brian Sandoval"] == "brian-sandoval"
    assert found["c:Sandoval"] == "sandoval"  # no role, no evidence: a name alone


def test_a_surname_with_a_role_two_known_persons_held_stays_a_name() -> None:
    table = PersonTable()
    a = article("a", "President George W. Bush spoke.")
    b = article("b", "President George H. W. Bush wrote.")
    c = article("c", "President Bush said so.")
    d = article("d", "Senator Bush said so.")
    found = keys(
        table,
        ([a], quotes_of(a, "President George W. Bush")),
        ([b], quotes_of(b, "President George H. W. Bush")),
        ([c], quotes_of(c, "President Bush")),
        ([d], quotes_of(d, "Senator Bush")),
    )
    assert found["c:President Bush"] not in (
        found["a:President George W. Bush"],
        found["b:President George H. W. Bush"],
    )
    assert found["d:Senator Bush"] not in (
        found["a:President George W. Bush"],
        found["b:President George H. W. Bush"],
    )


def _story(store: Store, art: Article, quotes: list[Quote]) -> None:
    store.save_article(art.source, art.id, art, quotes)


def _run(store: Store, rebuild: bool = False) -> dict[str, str]:
    articles, quotes = store.articles(), store.quotes()
    stories = [Story(id=f"s-{a.id}", title=a.title, articles=[a.id]) for a in articles]
    people = store.person_table()
    people = people.rebuilt() if rebuild else people
    analysis = analyse_stories(articles, quotes, stories, people)
    store.save_person_table(people, rebuilt=rebuild)
    return {q.id: q.speaker_key for q in analysis.quotes}


def test_keys_persist_across_runs_and_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    a = article("a", "President Donald Trump spoke.")
    with Store(path) as store:
        _story(store, a, quotes_of(a, "President Donald Trump", "Donald Trump"))
        first = _run(store)
    b = article("b", "Donald J. Trump wrote; Donald Trump Jr. replied.")
    with Store(path) as store:
        _story(store, b, quotes_of(b, "Donald J. Trump", "Donald Trump Jr."))
        second = _run(store)
        assert second["a-q0"] == first["a-q0"] == second["b-q0"] == "donald-trump"
        assert second["b-q1"] == "donald-trump-jr"
        person = store.person("donald-trump")
        assert person["name"] == "Donald Trump"
        assert {v["name"]: v["quotes"] for v in person["variants"]} == {
            "President Donald Trump": 1, "Donald Trump": 1, "Donald J. Trump": 1}  # fmt: skip
        assert person["articles"] == ["a", "b"] and person["roles"] == ["president"]
        assert _run(store) == second
        assert _run(store, rebuild=True) == second


def test_a_linked_story_is_not_resolved_again(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        a = article("a", "Hillary Clinton spoke.")
        _story(store, a, quotes_of(a, "Hillary Clinton"))
        _run(store)
        table = store.person_table()
        table.unify([a], store.quotes("a"))
        assert not table.changes.links and not table.changes.persons


def test_migration_from_version_4_keeps_data_and_adds_persons(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    a = article("a", "Mr. Klopp spoke.")
    with sqlite3.connect(path) as raw:
        for script in MIGRATIONS[:4]:
            raw.executescript(script)
        raw.execute("PRAGMA user_version = 4")
        raw.execute(
            "INSERT INTO articles(id, seq, source, title, kind, paragraphs, removed, body)"
            " VALUES ('a', 0, 'a.txt', 'Story a', 'report', '[\"Mr. Klopp spoke.\"]', '[]',"
            " 'Mr. Klopp spoke.')"
        )
        raw.execute(
            'INSERT INTO quotes(id, article, seq, text, start, "end", speaker, kind)'
            " VALUES ('a-q0', 'a', 0, 'words', 0, 5, 'Jürgen Klopp', 'direct')"
        )
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.articles()[0].paragraphs == a.paragraphs
        assert _run(store) == {"a-q0": "jurgen-klopp"}
        assert store.persons()[0] == {"key": "jurgen-klopp", "name": "Jürgen Klopp",
                                      "kind": "person", "quotes": 1, "articles": 1}  # fmt: skip


def test_a_store_without_person_index_terms_is_indexed_on_first_use(
    tmp_path: Path,
) -> None:
    """A store whose persons have no index terms (written before the index, or by another
    parsing) is indexed on first use: the next run still finds the persons it names."""
    path = tmp_path / "news.db"
    a = article("a", "President Donald Trump spoke.")
    with Store(path) as store:
        _story(store, a, quotes_of(a, "President Donald Trump", "Trump"))
        first = _run(store)
    with sqlite3.connect(path) as raw:
        raw.execute("DELETE FROM person_index")
        raw.execute("DELETE FROM story_state WHERE key = 'person_index'")
    b = article("b", "Donald J. Trump wrote.")
    with Store(path) as store:
        _story(store, b, quotes_of(b, "Donald J. Trump"))
        people = store.person_table()
        story = Story(id="s-b", title=b.title, articles=["b"])
        analysis = analyse_stories([b], store.quotes("b"), [story], people)
        assert analysis.quotes[0].speaker_key == first["a-q0"] == "donald-trump"


def test_korean_names_put_the_surname_first() -> None:
    a = article(
        "a", "President Moon Jae - in met Kim Jong - un; Mr. Moon said the talks went well."
    )
    found = keys(PersonTable(), ([a], quotes_of(a, "Moon Jae - in", "Mr. Moon", "Kim Jong Un")))
    assert found["a:Mr. Moon"] == found["a:Moon Jae - in"] == "moon-jae-in"
    b = article("b", "Kim Jong-un laid flowers for Kim Il-sung.")
    found = keys(PersonTable(), ([b], quotes_of(b, "Kim Jong-un", "Kim Il-sung", "Mr. Kim")))
    assert found["b:Mr. Kim"] not in (found["b:Kim Jong-un"], found["b:Kim Il-sung"])


def test_analyze_twice_keeps_the_speaker_key_and_the_json_validates(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsprism.cli import main
    from newsprism.report import validate_analysis

    (tmp_path / "a.txt").write_text(
        "Trump hails talks with North Korea\n"
        "President Donald J. Trump spoke to reporters at the White House on Monday.\n"
        "“We are going to have a great meeting, a tremendous meeting,” Mr. Trump said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Senate passes the infrastructure bill\n"
        "Donald Trump, the former president, criticised the bill in a statement.\n"
        "“It is a disgrace and a waste of money,” said Donald Trump.\n",
        encoding="utf-8",
    )
    db, out = str(tmp_path / "news.db"), str(tmp_path / "report")
    speakers = []
    for name in ("a.txt", "b.txt"):
        result = CliRunner().invoke(
            main, ["analyze", str(tmp_path / name), "--db", db, "--out", out]
        )
        assert result.exit_code == 0, result.output
        data = json.loads((tmp_path / "report" / "analysis.json").read_text(encoding="utf-8"))
        assert validate_analysis(data) == []
        speakers.append({(q["speaker"], q["speaker_key"]) for q in data["quotes"]})
    assert speakers == [{("Donald Trump", "donald-trump")}] * 2
    listed = CliRunner().invoke(main, ["speakers", "--db", db, "--json"])
    assert [(p["key"], p["quotes"], p["articles"]) for p in json.loads(listed.output)] == [
        ("donald-trump", 2, 2)
    ]
    one = json.loads(
        CliRunner().invoke(main, ["speakers", "donald-trump", "--db", db, "--json"]).output
    )
    assert {v["name"] for v in one["variants"]} == {"Donald J. Trump", "Donald Trump"}
    missing = CliRunner().invoke(main, ["speakers", "nobody", "--db", db])
    assert missing.exit_code == 2 and "no person with key 'nobody'" in missing.output


def test_a_story_naming_two_known_spellings_joins_the_older_person() -> None:
    table = PersonTable()
    a, b = article("a", "Stephen Bannon spoke."), article("b", "Steve Bannon spoke.")
    c = article("c", "Stephen Bannon, known as Steve Bannon, spoke again.")
    found = keys(
        table,
        ([a], quotes_of(a, "Stephen Bannon")),
        ([b], quotes_of(b, "Steve Bannon")),  # no evidence yet: a person of its own
        ([c], quotes_of(c, "Stephen Bannon", "Steve Bannon")),
    )
    assert found["a:Stephen Bannon"] != found["b:Steve Bannon"]
    assert found["c:Stephen Bannon"] == found["c:Steve Bannon"] == "stephen-bannon"
    assert len(table.persons) == 2


def test_a_full_name_in_the_text_takes_the_surname_alone_unless_it_is_a_fragment() -> None:
    a = article("a", "Donald Trump arrived in Ohio on Monday.", "Trump told the crowd to vote.")
    b = article("b", "The missile shield is drawing China's ire; Drawing China Closer was a theme.")
    found = keys(PersonTable(), ([a], quotes_of(a, "Trump")), ([b], quotes_of(b, "China")))
    assert found["a:Trump"] == "donald-trump"
    assert found["b:China"] == "china"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=40), min_size=1, max_size=6))
def test_any_speaker_names_get_a_key_and_never_crash(names: list[str]) -> None:
    a = article("a", " ".join(names) or "text")
    unified = PersonTable().unify([a], quotes_of(a, *names))
    for before, after in zip(quotes_of(a, *names), unified, strict=True):
        assert (after.speaker_key is None) == (not before.speaker)
        assert after.speaker_key is None or re.fullmatch(
            r"[a-z0-9]+(-[a-z0-9]+)*", after.speaker_key
        )


def test_a_surname_said_before_a_full_name_does_not_join_it() -> None:
    # The pattern of NewsWCL50 4_L (New York Times): the surname comes first, the first lady's
    # full name later; "Mr. Bush" and "Bush" are not Laura Bush.
    a = article("a", "President Bush welcomed President Jacques Chirac of France.",
                "Mr. Bush and the first lady, Laura Bush, greeted the Chiracs.",
                "Bush said the talks went well.")  # fmt: skip
    found = keys(PersonTable(), ([a], quotes_of(a, "Mr. Bush", "Bush")))
    assert "laura" not in found["a:Mr. Bush"] and "laura" not in found["a:Bush"]


def test_an_organisations_short_name_is_the_longer_one_its_article_gives() -> None:
    a = article("a", "Lewis wrote in The New York Times last month.", "The Times reported it.")
    b = article("b", "Two papers, the Los Angeles Times and The New York Times, had it.")
    c = article("c", "The White House said so.")
    table = PersonTable()
    found = keys(
        table,
        (
            [a, b, c],
            [*quotes_of(a, "The Times"), *quotes_of(b, "Times"), *quotes_of(c, "White House")],
        ),
        ([c], quotes_of(c, "The White House", "Times")),
    )
    assert found["a:The Times"] == "new-york-times"
    assert table.person("new-york-times").name == "New York Times"
    assert found["b:Times"] == "times"  # two papers end with it: it stands for neither
    # Across stories, an organisation keeps one key, whatever its article; the short name that
    # one story's text gave to the New York Times does not carry to another story.
    assert found["c:White House"] == found["c:The White House"] == "white-house"
    assert found["c:Times"] == "times"


def test_new_persons_are_stored_in_the_order_they_were_made(tmp_path: Path) -> None:
    """A person's rowid ranks it against later runs' persons (`next_person_order`), so the
    new persons of a run are stored in the order the table made them, not in a set's order
    (which follows the hash seed: two runs of one input gave different speaker keys)."""
    names = ["Angela Merkel", "Emmanuel Macron", "Theresa May", "Justin Trudeau", "Shinzo Abe",
             "Jacinda Ardern", "Moon Jae-in", "Cyril Ramaphosa"]  # fmt: skip
    a = article("a", " ".join(f"{name} spoke." for name in names))
    with Store(tmp_path / "news.db") as store:
        _story(store, a, quotes_of(a, *names))
        table = store.person_table()
        analyse_stories(store.articles(), store.quotes(), [Story("s", "t", ["a"])], table)
        made = [key for key in table.persons if key in table.changes.persons]
        store.save_person_table(table)
        stored = [row[0] for row in store.conn.execute("SELECT key FROM persons ORDER BY rowid")]
    assert len(made) == len(names) and stored == made


def test_an_organisations_longer_name_starts_after_a_sentence_end_or_an_article() -> None:
    """The longer name an article gives a short one is a run of capitalised words ending with
    it, but not over a sentence's end or an article (multinews test-205: 'on Monday. Chanel
    West Coast, who appeared ...' made 'Monday. Chanel West Coast'; test-14: 'A British
    Airways pilot' made 'A British Airways'); an abbreviation's full stop stays in the name."""
    a = article("a", "He last tweeted on Monday. Chanel West Coast, who appeared with him, wrote.")
    b = article("b", "A British Airways pilot reported it. British Airways said so.")
    c = article("c", "Shares of Warner Bros. Entertainment Group fell. The group said so.")
    table = PersonTable()
    found = keys(
        table,
        ([a], quotes_of(a, "Chanel West Coast")),
        ([b], quotes_of(b, "British Airways")),
        ([c], quotes_of(c, "Entertainment Group")),
    )
    assert table.person(found["a:Chanel West Coast"]).name == "Chanel West Coast"
    assert table.person(found["b:British Airways"]).name == "British Airways"
    assert table.person(found["c:Entertainment Group"]).name == "Warner Bros. Entertainment Group"


def test_a_department_named_by_a_title_word_is_not_another_department() -> None:
    """'Justice' is a judge's title, but 'the Justice Department' is a body of its own: read as
    the bare 'Department' it became the one longer department of its story, the Treasury
    Department (allsides, CNN's report that the IRS must hand Trump's tax returns over)."""
    a = article("a", "The Treasury Department said it would comply with the opinion.")
    table = PersonTable()
    found = keys(table, ([a], quotes_of(a, "Treasury Department", "The Justice Department")))
    assert found["a:The Justice Department"] != found["a:Treasury Department"]
    assert table.person(found["a:The Justice Department"]).name == "Justice Department"
    assert parse_name("Justice Kennedy").full == "Kennedy"  # the title of a person still goes


def test_a_longer_organisation_name_that_only_puts_a_person_first_is_the_same_body() -> None:
    # From multinews_sample (Judicial Watch visitor logs): "the Trump White House" is the
    # White House under Trump, not a second body that "White House" would stand for.
    a = article(
        "a",
        "Judicial Watch president Tom Fitton met Donald Trump's aides.",
        "Fitton declined to identify other attendees, and the Trump White House has abandoned "
        "a longtime practice of publicly releasing visitor logs.",
    )
    found = keys(PersonTable(), ([a], quotes_of(a, "Tom Fitton", "Donald Trump", "White House")))
    assert found["a:White House"] == "white-house"


def test_a_longer_name_is_not_read_across_a_paragraph_break() -> None:
    # multinews_sample (The Guardian, no title field): the headline heads the body, and the
    # first paragraph opens with the name it ends with.
    a = article(
        "a",
        "We will sink Japan and turn US to 'ashes and darkness', says North Korea",
        "North Korea has threatened to sink Japan after the two countries spearheaded fresh UN "
        "security council sanctions.",
    )
    found = keys(PersonTable(), ([a], quotes_of(a, "North Korea")))
    assert found["a:North Korea"] == "north-korea"


def test_a_photo_credit_before_an_organisation_is_no_longer_name() -> None:
    # From multinews_sample: a caption's credit glued to the next sentence ('AP American
    # Airlines on Thursday said') named the airline 'AP American Airlines' in the table.
    a = article(
        "a",
        "The cabin of a Qatar Airways plane. AP American Airlines on Thursday said it received "
        "an unsolicited notice from Qatar Airways.",
    )
    table = PersonTable()
    found = keys(table, ([a], quotes_of(a, "American Airlines")))
    assert table.person(found["a:American Airlines"]).name == "American Airlines"


def test_two_people_named_together_are_not_a_longer_name_of_either() -> None:
    # multinews_sample: a title-case headline gave the speaker "Kim Kardashian And Kanye West",
    # and Kanye West's own quotes joined it as the same man with more given names.
    a = article("a", "Kim Kardashian And Kanye West Welcome Baby", "Kanye West said it was a joy.")
    found = keys(PersonTable(), ([a], quotes_of(a, "Kim Kardashian And Kanye West", "Kanye West")))
    assert found["a:Kanye West"] == "kanye-west"


def test_a_name_after_a_preposition_is_not_the_short_name_of_the_longer_one() -> None:
    # From multinews_sample: 'America' (what an 'it' was taken for) joined the 'Rabbinical Council
    # of America' as its short name; a council of America is a council, not America.
    a = article(
        "a",
        "The Rabbinical Council of America said it would not take a side. America has long "
        "argued about the question, it said.",
    )
    table = PersonTable()
    found = keys(table, ([a], quotes_of(a, "Rabbinical Council of America", "America")))
    assert found["a:America"] != found["a:Rabbinical Council of America"]
    assert table.person(found["a:America"]).name == "America"
