import pytest

from newsprism.names import person_mentions


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Captain Marten De Roon said", ["Marten De Roon"]),
        # the office a title belongs to is no part of the name
        ("Senate Minority Leader Harry Reid told reporters", ["Harry Reid"]),
        ("White House Press Secretary Josh Earnest said", ["Josh Earnest"]),
        ("New Jersey Gov. Chris Christie said", ["Chris Christie"]),
        ("CONGRESS HAS INVESTIGATED HIM — Oz’s advice", []),
        # a title inside a name leaves two words at least
        ("Martin Luther King Jr. spoke", ["Martin Luther King Jr"]),
        # an initial ending a sentence, then a conjunction, is no name
        ("He signed it with an O. And then he left.", []),
        ("Tourists crowded Capitol Hill on Monday.", []),
        # a possessive ends a name, or opens the run with an owner
        ("Dr. Oz’s TV show and Donald Trump’s Twitter account", ["Donald Trump"]),
        ("Hillary Clinton’s State Department", ["Hillary Clinton"]),
        ("Breitbart’s Joel Pollak said", ["Joel Pollak"]),
        # a month may end a name, not open one
        ("Prime Minister Theresa May said", ["Theresa May"]),
        ("In May Donald Trump said", ["Donald Trump"]),
        ("The May Day parade", []),
        # a word printed in lower case only is an office, not a part of the name after it
        ("said Russian Ambassador Vitaly Churkin.", ["Vitaly Churkin"]),
        ("Deputy Commissioner Lena Ortiz Walsh said", ["Lena Ortiz Walsh"]),
        ("Apple chief executive Tim Cook said", ["Tim Cook"]),
    ],
)
def test_person_mentions(text: str, names: list[str]):
    assert [m.text for m in person_mentions(text)] == names


def test_dotted_initials_are_one_first_name():
    from newsprism.names import person_mentions

    found = [p.text for p in person_mentions("Chargers general manager A.J. Smith said.")]
    assert found == ["A.J. Smith"]


def test_a_page_label_in_capitals_is_no_part_of_a_name():
    from newsprism.names import person_mentions, without_shouted

    assert [p.text for p in person_mentions("CLOSE Chris White said it was a camera.")] == [
        "Chris White"
    ]
    assert [p.text for p in person_mentions("FBI Director James Comey said.")] == ["James Comey"]
    assert [p.text for p in person_mentions("JOHN SMITH said.")] == ["JOHN SMITH"]
    assert without_shouted("JUST WATCHED Cummings") == "Cummings"
