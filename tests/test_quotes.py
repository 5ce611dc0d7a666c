from collections import Counter
from dataclasses import replace

import pytest
from conftest import FIXTURES, process_file
from rich.console import Console

from newsprism.clean import clean_document, is_question_header
from newsprism.model import Article, Document, Quote
from newsprism.pipeline import analyse_stories, one_story
from newsprism.quotes import extract_quotes
from newsprism.quotes.attribution import attribution_after, attribution_before
from newsprism.quotes.ranking import QuoteContext, SpeakerRanker, candidates, mention_at
from newsprism.quotes.terms import TermContext, TermModel, rule
from newsprism.report import build_analysis
from newsprism.summary import print_quotes, print_summary


def article_of(*paragraphs: str, title: str = "Headline") -> Article:
    return Article(id="t", source="t.txt", title=title, paragraphs=list(paragraphs))


def direct_quotes(article: Article) -> list[Quote]:
    return [q for q in extract_quotes(article) if q.kind == "direct"]


def test_spans_index_the_body(report, transcript):
    for article, quotes in (report, transcript):
        for quote in quotes:
            assert article.body[quote.start : quote.end] == quote.text
            if quote.speaker_start is not None:
                assert (
                    article.body[quote.speaker_start : quote.speaker_end] == quote.speaker_mention
                )


def test_report_speakers(report):
    _, quotes = report
    counts = Counter(q.speaker for q in quotes)
    assert counts == {"Jurgen Klopp": 7, "Gian Piero Gasperini": 2, "Marten De Roon": 1}
    assert all(q.kind == "direct" for q in quotes)


def test_report_multi_paragraph_quotes_are_linked(report):
    _, quotes = report
    by_id = {q.id: q for q in quotes}
    remember = next(q for q in quotes if q.text.startswith("I remember I said"))
    after = next(q for q in quotes if q.text.startswith("After the game"))
    win = next(q for q in quotes if q.text.startswith("We want to win"))
    assert after.continues == remember.id and win.continues == after.id
    assert remember.continues is None
    assert by_id[win.continues].speaker == win.speaker == "Jurgen Klopp"
    assert "‘If we fail, then let’s fail in the most beautiful way’" in remember.text


def test_report_cues_and_mentions(report):
    _, quotes = report
    first = quotes[0]
    assert first.text.endswith("four years before whatever")
    assert (first.speaker_mention, first.cue) == ("he", "said")
    gasperini = next(q for q in quotes if q.cue == "told")
    assert gasperini.speaker == "Gian Piero Gasperini" and gasperini.speaker_mention == "he"
    de_roon = quotes[-1]
    assert de_roon.speaker_mention == "Captain Marten De Roon" and de_roon.cue == "added"


def test_transcript_answers_are_the_interviewees(transcript):
    article, quotes = transcript
    assert quotes and all(q.kind == "transcript" for q in quotes)
    assert {q.speaker for q in quotes} == {"Jürgen Klopp"}
    headers = [p for p in article.paragraphs if is_question_header(p)]
    assert len(headers) == 6
    quoted = {q.text for q in quotes}
    assert not any(h in quoted for h in headers)
    assert not any(q.text.startswith("On ") for q in quotes)
    assert any(q.text.startswith("What I said after the game") and q.continues for q in quotes)


def test_split_quote_around_attribution_is_one_quote():
    article = article_of(
        "The minister spoke on Monday.",
        "“We will not raise taxes,” Jane Smith said, “and we will not cut services.”",
    )
    first, second = extract_quotes(article)
    assert first.text == "We will not raise taxes"
    assert second.text == "and we will not cut services."
    assert second.continues == first.id
    assert first.speaker == second.speaker == "Jane Smith"


def test_attribution_before_and_straight_marks_and_pronoun():
    article = article_of(
        'Opposition leader Maria Lopez criticised the plan. She said: "It is a disgrace and '
        'it will cost families dearly."',
        'The author, Tom Reed, defended it. "Every number has been checked twice," he insisted.',
    )
    first, second = extract_quotes(article)
    assert first.speaker == "Maria Lopez" and first.speaker_mention == "She"
    assert second.speaker == "Tom Reed" and second.cue == "insisted"


def test_apostrophes_are_not_quotes():
    article = article_of("It’s the players’ decision, and the club’s fans don’t mind, he said.")
    (quote,) = extract_quotes(article)
    assert quote.kind == "indirect"  # reported speech, not a quotation
    assert quote.text == "It’s the players’ decision, and the club’s fans don’t mind"


def test_unclosed_quote_ends_at_paragraph():
    article = article_of(
        "“The vote was close, but we won it fairly and squarely,” said Ann Lee.",
        "“We will govern for everyone",
        "The count ended at midnight.",
    )
    quotes = extract_quotes(article)
    assert [q.text for q in quotes][1] == "We will govern for everyone"
    assert quotes[1].speaker == "Ann Lee"
    assert all("count ended" not in q.text for q in quotes)


def test_marks_set_the_wrong_way_round_and_doubled_still_quote():
    article = article_of(
        "”The trial is a turning point for the treatment of the disease,“ said Ann Lee.",
        "Tom Reed said the drug gave ”very encouraging results“ in mice.",
        "“”[The waiting] is the hardest part of the job,” Reed said.",
    )
    texts = [q.text for q in extract_quotes(article)]
    assert texts == [
        "The trial is a turning point for the treatment of the disease",
        "very encouraging results",
        "[The waiting] is the hardest part of the job",
    ]


def test_a_closing_mark_set_the_wrong_way_round_after_a_space_closes_the_quote():
    """Tokenised text puts a space before every mark: '... orchestra “, the host said' closes
    the quote left open in the paragraph before; it does not open a quote of the attribution."""
    article = article_of(
        "“ We start filming in March!",
        "The whole crew is ready for it “, the director Ann Lee said on Twitter.",
    )
    quotes = extract_quotes(article)
    assert [q.text for q in quotes] == [
        "We start filming in March!",
        "The whole crew is ready for it",
    ]
    assert {q.speaker for q in quotes} == {"Ann Lee"}


def test_a_closing_mark_typed_as_two_curly_apostrophes_closes_the_quote():
    """Some papers set the closing double mark as ’’: the quote ends there, and the
    attribution after it is the writer's."""
    article = article_of(
        "“I deliberately stayed out of contracting,’’ said Ann Lee, the agency’s acting "
        "administrator. “If that had changed, I would have heard rumblings.’’",
    )
    quotes = extract_quotes(article)
    assert [q.text for q in quotes if q.kind == "direct"] == [
        "I deliberately stayed out of contracting",
        "If that had changed, I would have heard rumblings.",
    ]
    assert {q.speaker for q in quotes if q.kind == "direct"} == {"Ann Lee"}


def test_a_straight_mark_set_apart_by_spaces_opens_a_sentence_or_closes_an_open_quote():
    """'he says. " And we're ...' opens a quote (after a sentence's end, before a capital);
    after a quote left open in the paragraph before, 'be? " Yanes said' closes it."""
    opened = article_of(
        '"Nobody is perfect," he says. " And we are going to have to learn from it. We are all '
        'human beings."'
    )
    assert [q.text for q in direct_quotes(opened)] == [
        "Nobody is perfect",
        "And we are going to have to learn from it. We are all human beings.",
    ]
    closed = article_of(
        "\"It's a tragic situation with nothing but a sad ending.",
        'What else could it be? " Yanes said.',
    )
    assert [q.text for q in direct_quotes(closed)] == [
        "It's a tragic situation with nothing but a sad ending.",
        "What else could it be?",
    ]


def test_a_quote_whose_closing_mark_is_left_out_ends_at_its_attribution():
    """'..., instead? poses KFC spokeswoman Jocelyn Bynoe. She says ...': the quote does not
    run on over the writer's attribution and what follows it; a mark after the attribution
    opens the next quote. Speech the speaker retells inside the quote stays in it."""
    kfc = article_of(
        '"If our customers occasionally like to have their cake and eat it, why wouldn\'t they '
        "want to have their cup and eat it, instead? poses KFC spokeswoman Jocelyn Bynoe. She "
        "says KFC has been experimenting with edible packaging for some time."
    )
    assert [q.text for q in direct_quotes(kfc)] == [
        "If our customers occasionally like to have their cake and eat it, why wouldn't they "
        "want to have their cup and eat it, instead?"
    ]
    kunz = article_of(
        '"There\'s a possibility that he may be with somebody and that\'s what is giving us '
        'hope, said Kunz Sr. "It\'s a bad thing that he would be not with us right now."'
    )
    assert [q.text for q in direct_quotes(kunz)] == [
        "There's a possibility that he may be with somebody and that's what is giving us hope",
        "It's a bad thing that he would be not with us right now.",
    ]
    retold = article_of(
        '"In my first meeting with him, he said, \'Our approach hasn\'t worked; we want to work '
        "with you,' and we did"
    )
    assert direct_quotes(retold)[0].text.endswith("and we did")


def test_a_description_whose_closing_comma_is_left_out_is_of_the_person_before_it():
    article = article_of(
        "Ann Lee, professor of chemistry at Riverside University said the trial was "
        "“a real step forward for patients”.",
        "Tom Reed, a spokesman for the Acme Corporation said the plant was “safe”.",
    )
    speakers = [q.speaker for q in direct_quotes(article)]
    assert speakers == ["Ann Lee", "Tom Reed"]


def test_a_persons_administration_or_campaign_speaks_as_itself():
    article = article_of(
        "President Ann Lee met the mayors on Monday.",
        "The Lee administration said the talks were “frank and useful”.",
        "Tom Reed's campaign said the poll was “a fake from start to finish”.",
    )
    speakers = [q.speaker for q in direct_quotes(article)]
    assert speakers == ["Lee administration", "Tom Reed's campaign"]


def test_a_participle_after_a_comma_is_the_subjects_not_the_object_before_it():
    article = article_of(
        "Tom Reed, the auditor, met the minister, Ann Lee, on Friday.",
        "He then shared the report with Ms. Lee, saying that “every figure in it was checked "
        "twice.”",
    )
    quote = direct_quotes(article)[0]
    assert (quote.speaker_mention, quote.speaker) == ("He", "Tom Reed")


def test_a_reporting_clause_closing_the_sentence_may_carry_a_time_and_a_participle():
    article = article_of(
        "The city faces a “very hard winter” on its roads, Transport Commissioner Ann Lee "
        "said Thursday, adding that crews were short.",
    )
    quote = direct_quotes(article)[0]
    assert (quote.speaker, quote.cue) == ("Ann Lee", "said")
    assert quote.speaker_mention == "Transport Commissioner Ann Lee"


def test_a_quote_opening_its_paragraph_alone_is_by_who_the_paragraph_before_reports():
    article = article_of(
        "Governor Ann Lee announced a new housing plan on Monday, promising 5,000 homes by "
        "2030. The plan still needs the assembly's vote.",
        "“We will build where people want to live ...",
        "The assembly meets next week.",
    )
    assert [q.speaker for q in direct_quotes(article)] == ["Ann Lee"]


def test_a_role_is_read_off_the_head_of_a_description_not_a_word_modifying_it():
    article = article_of(
        "Campaign manager Ann Lee said the team was “ready for the fall”.",
        "“We ran out of money in June,” said a former campaign staffer, who asked not to be "
        "named.",
        "“We will win this,” the campaign manager said.",
    )
    speakers = [q.speaker for q in direct_quotes(article)]
    assert speakers == ["Ann Lee", None, "Ann Lee"]


def test_attribution_patterns():
    assert attribution_after(", said Atalanta coach Gian Piero Gasperini.").mention == (
        "Atalanta coach Gian Piero Gasperini"
    )
    assert attribution_after(", he told a press conference.").mention == "he"
    assert attribution_before("Captain Marten De Roon added: ").mention == "Captain Marten De Roon"
    assert attribution_before("According to the White House, ").mention == "the White House"
    assert attribution_after(" and then the match began.") is None


def test_cue_after_a_modal_in_a_report_is_the_reporters():
    """A cue under a modal inside what an earlier cue reports is what someone may say: the
    quote is the reporter's words; a cue of a clause of its own keeps its subject."""
    article = article_of(
        "Matthew Pottinger, senior director for Asian affairs for Trump's National Security "
        'Council, said Trump would challenge "the full range of threats that North Korea '
        'poses" during any meeting with Kim.',
        "Joseph read those sentences aloud, and after penning the words, Harris would say, "
        "“Written.”",
    )
    speakers = [q.speaker for q in direct_quotes(article)]
    assert speakers == ["Matthew Pottinger", "Harris"]


def _gold_direct_contents(annotation: str, text: str) -> list[tuple[int, int]]:
    spans = []
    for line in annotation.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1].startswith("Content"):
            for piece in parts[1].split(" ", 1)[1].split(";"):
                start, end = map(int, piece.split())
                if any(mark in text[start:end] for mark in '“”"'):
                    spans.append((start, end))
    return spans


@pytest.mark.parametrize("name", sorted(p.stem for p in (FIXTURES / "polnear").glob("*.txt")))
def test_polnear_quotes_lie_inside_gold_contents(name):
    """Real news with annotated attributions: every predicted quote must fall in a gold
    Content span, and most gold direct quotes must be found."""

    path = FIXTURES / "polnear" / f"{name}.txt"
    raw = path.read_text(encoding="utf-8")
    gold = _gold_direct_contents((FIXTURES / "polnear" / f"{name}.ann").read_text(), raw)
    _, quotes = process_file(path)
    quotes = [q for q in quotes if q.kind == "direct"]
    found = 0
    for quote in quotes:
        at = raw.find(quote.text)
        assert at >= 0
        inside = [
            s
            for s in gold
            if max(0, min(s[1], at + len(quote.text)) - max(s[0], at)) >= len(quote.text) / 2
        ]
        found += bool(inside)
    assert found >= len(quotes) - 1
    assert found >= 0.5 * len(gold)


def test_nyt_style_double_apostrophes():
    article = article_of(
        "''People make all these claims,'' Mrs. Clinton said, a hint of frustration in her voice."
    )
    (quote,) = direct_quotes(article)
    assert quote.text == "People make all these claims"
    assert quote.speaker_mention == "Mrs. Clinton" and quote.speaker == "Clinton"


def test_according_to_and_organisations():
    article = article_of(
        "According to the White House, “the president will sign the bill on Friday.”",
        "“We have no comment at this time on the report,” the Pentagon said.",
    )
    first, second = direct_quotes(article)
    assert first.cue == "according to" and first.speaker == "White House"
    assert second.speaker_mention == "the Pentagon" and second.speaker == "Pentagon"


def test_participle_and_inverted_attributions():
    article = article_of(
        "Hours later, Trump returned the compliment, telling Reuters, “Sheldon and I have been "
        "friends for a long time.”",
        "The plan had critics, explained Rosenberg, “with this thing being over by mid-March.”",
        "“I think she should have run from Virginia,” said Jason Gilbert of Cheyenne.",
    )
    trump, rosenberg, gilbert = direct_quotes(article)
    assert trump.speaker_mention == "Trump" and trump.cue == "telling"
    assert rosenberg.speaker_mention == "Rosenberg"
    assert gilbert.speaker_mention == "Jason Gilbert of Cheyenne"


def test_role_noun_tied_to_named_person():
    article = article_of(
        "Atalanta coach Gian Piero Gasperini named an unchanged side on Wednesday.",
        "“We know what is at stake tomorrow night,” the coach said.",
    )
    (quote,) = direct_quotes(article)
    assert quote.speaker_mention == "the coach" and quote.speaker == "Gian Piero Gasperini"


def test_pronoun_prefers_the_subject_over_a_later_mention():
    article = article_of(
        "Jurgen Klopp said he had spoken to Mohamed Salah about the contract on Monday.",
        "“It is not a problem for us at all, we are relaxed about it,” he said.",
    )
    (quote,) = direct_quotes(article)
    assert quote.speaker == "Jurgen Klopp"


def test_no_speaker_rather_than_a_guess():
    article = article_of("“A beautiful day for a walk along the river,” read the sign.")
    (quote,) = direct_quotes(article)
    assert quote.speaker is None


def test_dash_sign_off_and_interview_turns():
    article = article_of(
        "“He can’t even answer a question without scaring people.” ― Esther Tapia",
        "WALLACE: Governor, thank you for joining us this morning.",
        "PENCE: Good to be with you, Chris.",
        "WALLACE: Let us start with the debate on Monday night.",
        title="Chris Wallace interviews Mike Pence",
    )
    article.kind = "transcript"
    quotes = extract_quotes(article)
    assert quotes[0].speaker == "Esther Tapia"
    turns = [q for q in quotes if q.kind == "transcript"]
    assert [q.speaker for q in turns] == ["Chris Wallace", "Mike Pence", "Chris Wallace"]
    assert turns[1].text == "Good to be with you, Chris."


def test_answer_turns_are_marked_by_their_a_and_run_on():
    article = article_of(
        "Q: You were 14 years old. What did you find?",
        "A: I came home from school and my parents were gone.",
        "Nobody checked up on me after that.",
        "WALLACE: Let us move on.",
        "We have little time.",
        title="Diane Guerrero on her book",
    )
    article.kind, article.interviewee = "transcript", "Diane Guerrero"
    body = article.body
    quotes = extract_quotes(article)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [
        ("Diane Guerrero", "A"),
        ("Diane Guerrero", "A"),
        ("WALLACE", "WALLACE"),
        ("WALLACE", "WALLACE"),
    ]
    answer = body.index("A: I came")
    assert [q.speaker_start for q in quotes[:2]] == [answer, answer]
    assert quotes[1].continues == quotes[0].id and quotes[3].continues == quotes[2].id


def test_indirect_speech_with_speaker():
    article = article_of(
        "The mayor, Ann Lee, said that the bridge would reopen to traffic next spring.",
        "The repairs will cost more than expected, the city engineer said.",
        "According to the council, the money will come from the transport budget.",
    )
    quotes = extract_quotes(article)
    assert [q.kind for q in quotes] == ["indirect"] * 3
    lee, engineer, council = quotes
    assert lee.text == "the bridge would reopen to traffic next spring"
    assert lee.speaker == "Ann Lee"
    assert engineer.text == "The repairs will cost more than expected"
    assert engineer.speaker_mention == "the city engineer"
    assert council.text == "the money will come from the transport budget"
    assert council.cue == "according to"
    for quote in quotes:
        assert article.body[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    ("paragraphs", "wanted"),
    [
        (  # a sign-off after a horizontal bar
            ["“Maybe, we can build a wall around Donald Trump.” ― Steve Quinlan."],
            ["Steve Quinlan"],
        ),
        (  # a sign-off in the paragraph after the quote
            ['"Great speech. She is ready."', "- President Obama, tweeting after the speech."],
            ["Obama"],
        ),
        (  # a quote that ends its sentence takes nothing from the next sentence
            [
                'Japan branded North Korea an "outlaw nation in the neighborhood." Russia '
                'insisted that Pyongyang "stop its dangerous escapades."'
            ],
            ["Japan", "Russia"],
        ),
        (  # "?" ends the quoted words, not the sentence
            ['"You think I\'m going to change?" Trump asked reporters during a news conference.'],
            ["Trump"],
        ),
        (  # a time phrase between the subject and the cue
            ["Donald Trump at the time said he had asked his “people” to look into it."],
            ["Donald Trump"],
        ),
        (  # a name before a noun-like cue is no subject: "of Republican claims"
            ["PolitiFact rated 32% of Republican claims as “false” last year."],
            ["PolitiFact"],
        ),
        (  # a pronoun refers to the lone surname a cue attributed speech to
            [
                '"We have had problems with Russia," Obama said after meeting Vladimir Putin. '
                'He did not suggest retaliation. "Our goal is not escalation."'
            ],
            ["Obama", "Obama"],
        ),
        (  # a participle after "with" has its own subject
            [
                "The attack sparked a debate, with Senator John McCain telling reporters he "
                "viewed Obama as “directly responsible” for it."
            ],
            ["John McCain"],
        ),
        (  # a paragraph ending in a colon, with no cue: its subject
            [
                "Carter then listed the qualities a nominee needs:",
                '"Has the candidate a record of personal activism?"',
            ],
            ["Carter"],
        ),
        (  # a paragraph ending in reported speech introduces the quote after it
            [
                "Ash Carter said that for decades critics had predicted a withdrawal.",
                "“That is because this region remains the most consequential for America.”",
            ],
            ["Ash Carter"],
        ),
        (  # a cue with a subject before it is not inverted ("said Patricia Smith,")
            [
                "At the debate, Hillary Clinton said Patricia Smith, the mother of an "
                "officer, is “absolutely wrong” about the attack."
            ],
            ["Hillary Clinton"],
        ),
        (  # a long description between the quote and "told"; its object is the listener
            [
                "“This narrative isn’t just in our institutions, it’s being pushed by media,” "
                "Malkia Cyril, the executive director at the Center of Media Justice and whose "
                "also featured in the film, told The Huffington Post."
            ],
            ["Malkia Cyril"],
        ),
        (  # a name before a description opening with "the"
            [
                "“It’s an invasion, in our estimation, of the state regulatory domain,” Scott "
                "Pruitt, the Republican attorney general of Oklahoma, one of the states suing "
                "the EPA, said at a Washington event."
            ],
            ["Scott Pruitt"],
        ),
        (  # "it" is the organisation that is its sentence's subject
            [
                "The United Nations Security Council on Friday pledged to impose further "
                'sanctions as a deterrence to what it called "a clear threat to international '
                'peace and security."'
            ],
            ["United Nations Security Council"],
        ),
        (  # the speaker is who said it, not who reported it
            [
                '"I\'ll be voting [on March 1]," Welch said, according to Vermont Edition. "And '
                "I've decided to vote for Bernie Sanders.\""
            ],
            ["Welch", "Welch"],
        ),
        (
            [
                "Guccifer said, per a translator, that Clinton’s server was unprotected, and he "
                "had total access to the server that “was like an open orchid on the Internet.”"
            ],
            ["Guccifer"],
        ),
        (  # "spoke." ending the sentence before a quote reports nothing
            [
                '"My name may not be on the ballot, but our progress is on the ballot," Mr. '
                "Obama said on Saturday at the gala dinner in Washington, where Mrs. Clinton also "
                'spoke. "Tolerance is on the ballot."'
            ],
            ["Obama", "Obama"],
        ),
    ],
)
def test_speakers_of_embedded_and_signed_quotes(paragraphs: list[str], wanted: list[str]):
    quotes = extract_quotes(article_of(*paragraphs), indirect=False)
    assert [q.speaker for q in quotes] == wanted


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        # an unnamed speaker after an inverting cue, ending the sentence or followed by "with"
        ("“In her America, the middle class get crushed,” says a narrator.", "a narrator"),
        (
            "''The decision matrix is like choosing how to die,'' said one person with "
            "knowledge of the governor's dilemma, who spoke on the condition of anonymity.",
            "one person",
        ),
        # a closing straight mark after a space still closes
        ("''He built very strong coalitions, '' said Mr. Gunnels, an aide.", "Mr. Gunnels"),
        # a noun-like cue right after the quote is a verb
        ("''Utilities will get paid,'' noted a report for Oxfam by E3G.", "a report for Oxfam"),
        # a town and its state inside the subject's description
        (
            "Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put "
            "a lot of coal miners out of business.”",
            "Clinton",
        ),
        ("Cory James, 22, of Flint, Mich., said it would be a “surprise.”", "Cory James"),
        # a subject does not run back over a sentence's end
        (
            "Clinton plans to visit on Sunday, according to a campaign aide. Donald Trump, her "
            "opponent, bemoaned the “unrest.”",
            "Donald Trump",
        ),
        # a verb between the subject and the cue
        (
            "Clinton lost her cool, jabbing her finger at an activist as she angrily said, "
            "“I am so sick of the Sanders campaign lying.”",
            "she",
        ),
        ("Asked about a press conference, Robby Mook laughed and said, “We’ll see.”", "Robby Mook"),
        # the subject of a sentence with no cue, past its appositive
        (
            "Bush, Florida’s former governor, also attacked Donald Trump, with whom he clashed at "
            "the debate, calling him a “loser.”",
            "Bush",
        ),
        # a cue in a subordinate clause; the quote is in the main clause, with its own subject
        (
            "When Trump announced his candidacy in June, he infamously referred to Mexican "
            "immigrants as “criminals.”",
            "he",
        ),
        # cues that put the speaker after them
        ("“Would it be negotiable?” Hannity pressed.", "Hannity"),
        (
            "“There are invertebrates that have shown more spine than Sen. Charles Grassley,” "
            "reads a Wednesday editorial in The Des Moines Register.",
            "a Wednesday editorial in The Des Moines Register",
        ),
        # ... but not after "to": "to read the plan" has its object there
        (
            "Hill Democrats, however, were generally vague. Sen. Jack Reed (D-R.I.), said after "
            "a lunch on Tuesday that he hadn’t gotten a chance to read the president's plan, but "
            "called it a “starting point for our deliberations.”",
            "Sen. Jack Reed (D-R.I.)",
        ),
        # names after "a" make a noun-like cue a noun ("a Donald Trump tweet")
        (
            "Hillary Clinton is describing as “unhinged” a Donald Trump tweet attacking a "
            "former Miss Universe.",
            "Hillary Clinton",
        ),
        # "That’s" is no name
        (
            "Hillary Clinton has not mentioned Machado since the debate. That’s when she pointed "
            "to reports that Trump called the pageant winner “Miss Piggy” as an example.",
            "she",
        ),
        # a relative pronoun's cue past a date ("who in 2010 said")
        (
            "Obama has a frosty relationship with McConnell, now the Senate majority leader, who "
            "in 2010 said the party's most important goal was to make Obama a \"one-term "
            'president."',
            "who",
        ),
        # sources named by "according to", "per" and "in the words of", however described
        (
            "According to his longtime personal physician, the billionaire businessman had "
            '"astonishingly excellent" results in his latest exam.',
            "his longtime personal physician",
        ),
        (
            "As a reality TV boss, Donald Trump repeatedly called women “fat and ugly,” "
            "according to show insiders.",
            "show insiders",
        ),
        (
            "Members can appoint proxies, but it’s prohibited when voting “to fill a vacancy on "
            "the National ticket,” per the party’s bylaws.",
            "the party’s bylaws",
        ),
        (
            "Word emerged that he would build his library on the South Side of Chicago, the "
            "latest reminder that Mrs. Clinton was, in the words of a senior adviser, ''the "
            "torchbearer'' of his legacy.",
            "a senior adviser",
        ),
        # "it" acting as a subject ('it attacked'); a cue after "now"; a bare name after an
        # opening phrase is no appositive
        (
            "Meanwhile, it attacked Trump, saying he “has offended Hispanics, women, the "
            "disabled and former prisoners of war with his insults.”",
            "it",
        ),
        (
            "If we lived in normal times, a reader would now ask: ''WHAT? Larry King is on a "
            "Russian state-financed television outlet?''",
            "a reader",
        ),
        (
            "Moreover, as part of the exchange with Clinton, Gowdy referenced an inspector "
            'general\'s report that "less than one percent of State Department emails" were '
            "captured.",
            "Gowdy",
        ),
        # a quoted nickname is part of the name; "Del." is no sentence's end
        (
            '"This is a big year for our potential senator, Bobby Scott!" Scott\'s niece, state '
            'Del. Marcia "Cia" Price (D-Newport News), shouted to the crowd.',
            "Scott's niece",
        ),
        # "Name: ..." inside a sentence is a title or a chant, no interview turn
        (
            "Benjamin J. Rhodes, one of the president's closest aides, recalled Mr. Obama "
            'talking about "Collapse: How Societies Choose to Fail or Succeed," Jared '
            "Diamond's 2005 best seller.",
            "Benjamin J. Rhodes",
        ),
        # a manner adverb between the subject and its verb; a possessive is no subject
        (
            "Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark as a "
            "compliment and, when questioned after the debate, asserting, ''Of course, I pay "
            "federal taxes.''",
            "Mr. Trump",
        ),
        # a determined or quantified subject, not a name after a preposition or the object
        (
            "At the Republican convention in Cleveland his operatives forced a change in the "
            "party platform, replacing it with softer language calling for “appropriate "
            "assistance.”",
            "his operatives",
        ),
        (
            "In August, several environmental groups granted Mr. Clarke an extension on a court "
            'order, saying his "start-up capital was less than expected."',
            "several environmental groups",
        ),
        (
            "In December, the prince called for Trump to drop out of the race, calling him "
            '"a disgrace not only to the GOP but to all America."',
            "the prince",
        ),
        # a participle opening the sentence shares the main clause's subject
        (
            "After saying her right foot was “so swollen I could barely get my shoe on,” she "
            "was taken to hospital for tests.",
            "she",
        ),
        # a noun after a participle and a preposition is no subject
        (
            'Protesters marching through the streets chanted "What curfew?" and kept going.',
            "Protesters",
        ),
        # the share of those polled
        (
            'However, 63 percent said Clinton was "justified" in keeping her diagnosis private.',
            "63 percent",
        ),
        # a party and state in parentheses belong to the mention; a quoted title ends it
        (
            "Rep. Zoe Lofgren (D-Calif.), who introduced a bill this month, said the plans "
            "were “important preliminary steps.”",
            "Rep. Zoe Lofgren (D-Calif.)",
        ),
        # a hyphenated noun after a determiner; 'goes on' with no words to go on with
        (
            "Mr. Trump hit back on Sunday after the Democratic front-runner had said on "
            "Saturday that he was ''becoming ISIS' best recruiter.''",
            "the Democratic front-runner",
        ),
        (
            "Sen. Marco Rubio said that once the Senate goes on recess, “I intend to do as "
            "much as I can.”",
            "Sen. Marco Rubio",
        ),
        # an inverted cue's 'subject' heading a clause of its own
        (
            "Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could win "
            "in states like Pennsylvania.",
            "Mr. Manafort",
        ),
        # "it"/"they" opening what a cue reports: the reporting clause's subject speaks
        (
            "President Obama, dedicating the museum on Saturday, said it would tell an American "
            "story, one of ''suffering and delight.''",
            "President Obama",
        ),
        (
            "The statement noted they had previously said they would take “further "
            "significant measures” if it happened again.",
            "The statement",
        ),
        # a subject described between commas before a cue that may be a noun
        (
            "Consider the European Union's efforts to collect -- which Apple's chief executive, "
            "Tim Cook, called ''total political crap'' -- and what followed.",
            "Apple's chief executive, Tim Cook",
        ),
        # an auxiliary between the subject and the cue: no inverted subject after it
        ("He then asked the buzzing crowd, “Can she stay? Can she stay?”", "He"),
        # a passive cue reports nothing of its subject; a mention stops at a colon
        (
            "Mr. Obama said the refugees were admitted after “the most rigorous screening of "
            "any traveller.”",
            "Mr. Obama",
        ),
        (
            'Veto Power Impedes Peace Efforts: Eliminating "the scourge of war" is one of the '
            "original goals of the United Nations.",
            "Veto Power Impedes Peace Efforts",
        ),
        # the same pronoun reporting the clause is the same person: the outer mention
        ("She said she recalls the colleague being “confused” at first.", "She"),
        # an anonymous source's description is not its subject
        ("A person familiar with the talks said the deal was “very close.”", "A person"),
        ("Another source speaking to Fox News said, “They are investigating.”", "Another source"),
        # an auxiliary before the cue is no part of the speaker's description
        ("“Nothing prepares you,” the two-term governor will say.", "the two-term governor"),
        # a day after the subject is no part of it
        (
            "Governor Anna Berg on Monday signed an order, saying the plan was “long overdue.”",
            "Governor Anna Berg",
        ),
        # a participle's own subject after "of"
        ("The ad uses footage of Maria Lopez asking, “Why aren’t I ahead?”", "Maria Lopez"),
    ],
)
def test_speaker_mentions_as_written(paragraph: str, mention: str):
    quotes = extract_quotes(article_of(paragraph), indirect=False)
    assert [q.speaker_mention for q in quotes] == [mention]


@pytest.mark.parametrize(
    ("paragraphs", "wanted"),
    [
        (  # a relative clause names who it is about; "which started" reports nothing
            [
                "“Donald Trump is a dictator in the making,” said Glenn Beck, who said there "
                "were “too many disturbing things for me to dismiss.” The talks, which started "
                "a decade ago, remained “useful,” Beck added."
            ],
            [("Glenn Beck", "Glenn Beck"), ("who", "Glenn Beck"), ("Beck", "Glenn Beck")],
        ),
        (  # a quote opening a sentence after a signed quote keeps its speaker
            [
                "One of the authors, Ari Fleischer, said the nomination will test their "
                "conclusions. “Certainly Donald Trump has gone the other way,” said Jeb Bush. "
                "“If he loses, he’ll give even more credence to our report.” He added, “Time "
                "will tell.”"
            ],
            [("Jeb Bush", "Jeb Bush"), ("Jeb Bush", "Jeb Bush"), ("He", "Jeb Bush")],
        ),
        (  # a surname two people share is the one named last
            [
                "Bill Clinton spoke first, to loud cheers.",
                "Then Hillary Clinton took the stage. “We will win,” Clinton said. Later she "
                "added, “We are ready.”",
            ],
            [("Clinton", "Hillary Clinton"), ("she", "Hillary Clinton")],
        ),
        (  # a pronoun refers to the subject, not a name in an opening phrase
            [
                "Carl Cross voted Republican for decades. Donald Trump changed that.",
                "With a vote for Trump ruled out, Cross said he is left with two options: vote "
                "for Hillary Clinton, whom he called “the most divisive political figure,” or "
                "stay home.",
            ],
            [("he", "Carl Cross")],
        ),
        (  # a quote after a signed-off sentence: the sign-off's speaker, not a noun before
            [
                "Some voters think the party should drop its nominee quickly. \"I won't vote "
                'for him," said Concord resident Anna Berg. "He is a disgrace."'
            ],
            [("Concord resident Anna Berg", "Anna Berg")] * 2,
        ),
        (  # a possessed noun of speech owns the quote it introduces, not after a cue
            [
                "Senator Maria Lopez spoke on Monday. Critics mocked Ben Ortiz’s claim that "
                "the plan “will pay for itself.” Lopez recalled her pledge of “no new taxes.”",
                "Ben Ortiz said Lopez’s remarks were “nonsense.”",
            ],
            [("Ben Ortiz’s", "Ben Ortiz"), ("her", "Maria Lopez"), ("Ben Ortiz", "Ben Ortiz")],
        ),
        (  # a stop inside a quote ends no sentence: the pronoun's antecedent is before it
            [
                "Former Ohio Gov. Ted Marsh went further, accusing Paul Landry of betraying the "
                "workers. “It is reckless that he would sign it. By doing so he will hand the "
                "mills to the bankers,” he said."
            ],
            [("he", "Ted Marsh")],
        ),
        (  # the subject of the sentence before, not a name in its opening phrase
            [
                "Hosting Prime Minister Alan Diaz at the White House, President Tom Reyes again "
                "assailed the deal. “We will see what happens next month,” he said."
            ],
            [("he", "Tom Reyes")],
        ),
        (  # a pronoun subject in the sentence before is followed back to its person; a
            # role ("Aides") opening a sentence is no name
            [
                "Senator Tom Reyes hosted Mayor Alan Diaz on Monday.",
                "Aides said he hoped to push back against Mr. Diaz’s plan before the vote. "
                "“Nobody knows what I will do next week,” he said.",
            ],
            [("he", "Tom Reyes")],
        ),
        (  # a label line names the quote under it though a verbless score comes first
            [
                "The pundits who called the race wrong:",
                "Conservative columnist Ann Coleman:",
                "Reyes 280, Diaz 258. “I believe the governor will carry Ohio by a wide "
                "margin.” — Nov. 2, on Fox News.",
            ],
            [("Conservative columnist Ann Coleman", "Ann Coleman")],
        ),
        (  # an organisation's capitalised name runs on past three words; an appositive
            # naming a person inside it is not the subject
            [
                "Captain Luis Reyes died on Tuesday.",
                "The Harbor City Fire Department, where Reyes trained in 2015, released the "
                "following statement:",
                "“The Harbor City Fire Department mourns the loss of Captain Luis Reyes.”",
            ],
            [("The Harbor City Fire Department", "Harbor City Fire Department")],
        ),
        (  # an owner before a name modifies it: the name after the possessive speaks
            ["The Boston Herald’s Maria Olsen wrote the race was “closer than polls suggest.”"],
            [("The Boston Herald’s Maria Olsen", "Maria Olsen")],
        ),
        (  # a description after a speaker's cue is that speaker (named in full elsewhere),
            # not the article's first-named person
            [
                "Former FBI director James Comey testified for three hours on Thursday.",
                "Rep. Elijah E. Cummings of Maryland spoke after the hearing. “Director Comey "
                "was right to document it as it happened,” Cummings said in a statement.",
                "The congressman added that the memos were “corroborated by handwritten notes.”",
            ],
            [("Cummings", "Elijah E. Cummings"), ("The congressman", "Elijah E. Cummings")],
        ),
        (  # a weekday after the cue says when, not who: the subject before the cue speaks
            [
                "A campaign spokeswoman, Mari Martin, said Wednesday, “We have not been "
                "contacted by anyone about the vacancy.”"
            ],
            [("A campaign spokeswoman, Mari Martin", "Mari Martin")],
        ),
        (  # a surname a cue gives speech to is a person wherever it is written, so a
            # pronoun finds it before the cue that made it known
            [
                "Lauri Love, a student from Suffolk, had feared extradition.",
                "There was applause in court when Burnett announced his decision. He asked "
                "supporters to be quiet, saying: “This is a court, not a theatre.”",
                "Burnett said: “It would not be oppressive to prosecute him here.”",
            ],
            [("He", "Burnett"), ("Burnett", "Burnett")],
        ),
        (  # "it" whose sentence opens with a pronoun names no one
            [
                "The campaign is defending his tweets. It’s denouncing what it calls “a media "
                "attack.”"
            ],
            [("it", None)],
        ),
    ],
)
def test_mentions_and_speakers_across_paragraphs(
    paragraphs: list[str], wanted: list[tuple[str, str]]
):
    quotes = extract_quotes(article_of(*paragraphs), indirect=False)
    assert [(q.speaker_mention, q.speaker) for q in quotes] == wanted


def test_a_quoted_title_before_a_subject_is_not_part_of_it():
    paragraph = (
        'Appearing on CBS\'s "Face the Nation," House Speaker Paul D. Ryan (R-Wis.) said he '
        'was "disappointed."'
    )
    quotes = extract_quotes(article_of(paragraph), indirect=False)
    assert quotes[-1].speaker_mention == "House Speaker Paul D. Ryan (R-Wis.)"


class RulesOnly(SpeakerRanker):
    """Never overrides the rules: the extractor as it is without the ranker."""

    def __init__(self) -> None:
        super().__init__({})

    def choose(self, context: QuoteContext) -> None:
        return None


@pytest.mark.parametrize(
    ("paragraph", "rules_mention", "mention", "speaker"),
    [
        (
            "Twenty years ago, a Globe article hailed Trump as “The Comeback Kid” for his "
            "business.",
            "Twenty",
            "a Globe",
            "Globe",
        ),
        (
            "Bruce Springsteen and Mary J. Blige performed. “American Skin (41 Shots)” was "
            "written by Springsteen after the 1999 shooting death of Amadou Diallo.",
            "Bruce Springsteen and Mary J. Blige",
            "Springsteen",
            "Bruce Springsteen",
        ),
        (
            "Instead, the study -- which notes that 40 large companies would owe $90 billion in "
            "taxes, ''more than the budgets of three states combined,'' if they were taxed "
            "properly -- should alarm voters.",
            "they",
            "which",
            None,
        ),
    ],
)
def test_the_ranker_picks_the_speaker_of_a_quote_without_a_cue(
    paragraph, rules_mention, mention, speaker
):
    article = article_of(paragraph)
    ranked = extract_quotes(article, indirect=False)[0]
    rules = extract_quotes(article, indirect=False, ranker=RulesOnly())[0]
    assert rules.cue is None and rules.speaker_mention == rules_mention
    assert (ranked.speaker_mention, ranked.speaker) == (mention, speaker)
    assert article.body[ranked.speaker_start : ranked.speaker_end] == mention


def test_the_ranker_keeps_interview_turns_and_cued_quotes():
    article = article_of(
        '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of '
        '“Shark Tank.” But this is America, Chris. It’s serious business."',
        "“As a young, Hispanic woman....I’d rather live in what he calls “hell” than live in "
        "a world where he is president.” ― Adriana Rodarte",
        "“It is the right thing to do,” Obama said of the people of Burma.",
    )
    ranked, rules = (
        [q.speaker for q in extract_quotes(article, indirect=False, ranker=ranker)]
        for ranker in (None, RulesOnly())
    )
    # The rules carry PENCE over to the signed quote; the ranker finds the signature.
    assert ranked == ["PENCE", "Adriana Rodarte", "Obama"]
    assert rules == ["PENCE", "PENCE", "Obama"]


def test_the_ranker_prefers_a_word_of_a_named_persons_name():
    # multinews_sample (readable story): the rules take up "he" (Colbert, the one before);
    # the ranker picks the columnist the article names, over "he" and "PAC"
    article = article_of(
        "And he has up to $900,000 left in super PAC money that would go a long way in a "
        "\"run for national office as a senator from the state that calls him its 'favorite "
        "son,'\" says Ross Luippold at The Huffington Post. \"There's one problem, though: "
        "Colbert can't actually serve in the Senate.\""
    )
    quotes = extract_quotes(article, indirect=False)
    assert [q.speaker for q in quotes] == ["Ross Luippold", "Ross Luippold"]
    text = "Ross Luippold at The Huffington Post wrote it. “x”"
    found = candidates(QuoteContext(text, (text.index("x"), text.index("x") + 1), None,
                                    person_words=frozenset({"ross", "luippold"})))
    features = {text[c.start : c.end]: c.features for c in found}
    assert "person=1B" in features["Luippold"] and "person=0B" in features["Huffington"]


def test_a_noun_cue_after_an_indefinite_adjective_and_a_name_reports_no_one():
    # allsides_roundups 5619_center (TUNE): 'a recent Senate report' is no report by the
    # Senate, so it names no speaker for the quote opening the next paragraph
    article = article_of(
        "The official, Jeffrey Clark, was a key figure in a recent Senate report detailing "
        "Trump's attempts to enlist the department in his efforts to overturn the 2020 "
        "presidential election. Trump had considered replacing his acting attorney general at "
        "the time, Jeffrey Rosen, with Clark, who was in a lower-ranking position.",
        '"The Select Committee needs to understand all the..."',
    )
    assert [q.speaker for q in extract_quotes(article, indirect=False)] == [None]
    # PolNeAR dev (breitbart): 'a Donald Trump tweet' is a noun phrase as before
    article = article_of(
        "Hillary Clinton is describing as “unhinged” a Donald Trump tweet attacking a former "
        "Miss Universe."
    )
    assert [q.speaker for q in extract_quotes(article, indirect=False)] == ["Hillary Clinton"]


class Recording(RulesOnly):
    """Never overrides the rules; keeps the quotes it was asked about."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[QuoteContext] = []

    def choose(self, context: QuoteContext) -> None:
        self.asked.append(context)


def test_the_ranker_leaves_quotes_that_carry_on_an_earlier_speaker():
    article = article_of(
        "“We have had problems with Russia,” Obama said.",
        "“Our goal is not escalation.”",
    )
    recording = Recording()
    quotes = extract_quotes(article, indirect=False, ranker=recording)
    assert [q.speaker for q in quotes] == ["Obama", "Obama"]
    assert recording.asked == []


@pytest.mark.parametrize(
    ("text", "word", "mention"),
    [
        ("a fact-check on Donald Trump’s claim", "Trump’s", "Donald Trump’s"),
        ("a federal judge determined", "judge", "a federal judge"),
        ("according to Virginia AFL-CIO President Doris Crouse-Mays.", "Virginia",
         "Virginia AFL-CIO President Doris Crouse-Mays"),
        ("As a reality TV boss on “   ” Donald Trump repeatedly", "Donald", "Donald Trump"),
        ("after she attacked", "she", "she"),
    ],
)  # fmt: skip
def test_the_mention_a_chosen_word_heads(text, word, mention):
    start = text.index(word)
    found = mention_at(text, start, start + len(word))
    assert text[found[0] : found[1]] == mention


def _kinds(article: Article) -> dict[str, Quote]:
    return {q.text: q for q in extract_quotes(article) if q.kind in ("direct", "term")}


def test_show_titles_and_scare_quotes_are_terms_without_speakers():
    quotes = _kinds(
        article_of(
            "“We are going to win this nomination,” Sanders said on CNN’s “State of the Union” "
            "on Sunday.",
            "Critics of the so-called “reform” say it cuts benefits for the poorest families.",
            "The campaign released an ad titled “Arrogant” that mocks Trump’s business record.",
            "On Thursday morning, a Twitter account with the handle “@DJTDesk” appeared.",
        )
    )
    for text in ("State of the Union", "reform", "Arrogant", "@DJTDesk"):
        term = quotes[text]
        assert term.kind == "term"
        assert (term.speaker, term.speaker_mention, term.cue) == (None, None, None)
        assert term.speaker_start is None and term.speaker_end is None
    speech = quotes["We are going to win this nomination"]
    assert speech.kind == "direct" and speech.speaker == "Sanders"


def test_short_phrases_a_named_person_is_reported_saying_stay_speech():
    quotes = _kinds(
        article_of(
            "Rubio called the statement “pathetic” and said the campaign would respond.",
            "Trump said he was “very happy” with the result in Nevada.",
            "Clinton, whom Trump has dubbed “Crooked Hillary,” did not respond.",
            "It was what Sen. Marco Rubio called “a disgrace” on Tuesday.",
        )
    )
    assert quotes["pathetic"].kind == "direct" and quotes["pathetic"].speaker_mention == "Rubio"
    assert quotes["very happy"].kind == "direct" and quotes["very happy"].speaker == "Trump"
    assert quotes["Crooked Hillary"].kind == "direct"
    assert quotes["a disgrace"].kind == "direct"


def test_naming_words_introduce_terms_unless_someone_speaks_through_them():
    quotes = _kinds(
        article_of(
            "He appeared on a radio program called “The Overthrow Show” last year.",
            "The effort, dubbed “Operation Allies Refuge,” begins on Friday.",
            "In his new book, “A Time for Truth,” the senator describes his father.",
            "The emails were labeled “disturbing” by critics of the agency.",
            "A Mexican comedy troupe is performing a play called “Los Hijos de Trump.”",
        )
    )
    for text in ("The Overthrow Show", "Operation Allies Refuge", "A Time for Truth"):
        assert quotes[text].kind == "term", text
    assert quotes["Los Hijos de Trump."].kind == "term"
    # a naming verb with an agent ('by critics') is theirs to say: left to the score
    assert rule(_context(quotes, "disturbing", "The emails were labeled “", "” by critics")) is None


def _context(quotes: dict[str, Quote], text: str, before: str, after: str) -> TermContext:
    return TermContext(quoted=quotes[text].text, before=before, after=after, cue=None)


def test_a_quote_left_open_or_long_is_never_a_term():
    title = TermContext(quoted="Fox News Sunday", before="he said on “", after="”", cue=None)
    assert rule(title) is True
    assert rule(replace(title, closed=False)) is False
    long = "We are not going to raise taxes on the middle class this year or next year at all"
    assert rule(TermContext(long, "the so-called “", "”", None)) is False
    assert TermModel({"bias": 99.0}, 0.0).is_term(TermContext(long, "", "”", None)) is False


def test_a_quote_after_a_term_takes_the_speaker_of_the_quote_before_it():
    article = article_of(
        "“We will not back down,” Graham writes in his new memoir, “Never Again.” “Not now, not "
        "ever, and not for this president.”"
    )
    first, term, last = [q for q in extract_quotes(article) if q.kind != "indirect"]
    assert term.kind == "term" and term.text.startswith("Never Again")
    assert first.speaker == last.speaker == "Graham"


def test_the_same_words_are_a_term_wherever_the_article_quotes_them():
    quotes = [
        q
        for q in extract_quotes(
            article_of(
                "Fiorina’s super PAC premiered a documentary, “Citizen Carly,” on Monday.",
                "“Citizen Carly” runs for an hour and ends with her announcement.",
            )
        )
        if q.kind != "indirect"
    ]
    assert [q.kind for q in quotes] == ["term", "term"]


def test_terms_keep_their_text_and_offsets():
    article = article_of("She told ABC’s “This Week” that the bill would pass.")
    (term,) = [q for q in extract_quotes(article) if q.kind == "term"]
    assert term.text == "This Week" == article.body[term.start : term.end]


def test_quote_carried_on_without_an_opening_mark_is_read_whole():
    article = article_of(
        "Morton Blackwell said: “The campaigns rely largely on paid advertising that has a "
        "limited effect on identifying supporters and getting them to participate personally",
        "in caucuses and primaries. That is what wins,” he added.",
        "The Iowa caucuses are on Monday.",
    )
    first, second = direct_quotes(article)
    assert first.text.endswith("participate personally")
    assert second.text == "in caucuses and primaries. That is what wins"
    assert second.continues == first.id and first.continues is None
    assert first.speaker == second.speaker == "Morton Blackwell"


def test_carried_quote_in_straight_marks_after_an_apostrophe():
    article = article_of(
        '"In the current situation the state standards are all over the map.',
        'It\'s a hodgepodge," Pruitt said. "We can do better."',
    )
    first, second, third = direct_quotes(article)
    assert second.text == "It's a hodgepodge" and second.continues == first.id
    assert third.text == "We can do better."
    assert first.speaker == second.speaker == third.speaker == "Pruitt"


def test_a_stray_opening_mark_does_not_run_on():
    article = article_of(
        "Carson said voters understand him. “They see that.",
        "This story has been updated to note that Carson posted the “Perception” syllabus on "
        "Facebook, and he told reporters, “I never said that,” before leaving.",
    )
    quotes = [q for q in extract_quotes(article) if q.kind in ("direct", "term")]
    assert [q.text for q in quotes] == ["They see that.", "Perception", "I never said that"]
    assert all(q.continues is None for q in quotes)


def test_an_unclosed_quote_is_not_carried_into_a_paragraph_that_does_not_close_it():
    article = article_of(
        "“We are still in a situation where across",
        "the country students can graduate without learning any science.",
    )
    (quote,) = direct_quotes(article)
    assert quote.text == "We are still in a situation where across"


@pytest.mark.parametrize(
    ("paragraphs", "texts", "speaker"),
    [
        # the quote opened on one line is closed two lines on; the line between has no mark
        (
            [
                "Fred LaRue believed no such conversation occurred.",
                '"I\'m exceedingly angry about it.',
                "I don't recall any phone call.",
                'I don\'t think there was one, " he said.',
                "He died in 2004.",
            ],
            [
                "I'm exceedingly angry about it.",
                "I don't recall any phone call.",
                "I don't think there was one",
            ],
            "Fred LaRue",
        ),
        # the line after the unmarked one opens with a mark by the news convention (ECB+)
        (
            [
                "Two buildings also caught fire.",
                "Greek President Carolos Papoulias condemned the violence.",
                '"Our country has reached the edge of the abyss.',
                "It is the responsibility of us all to not take the step into the void.",
                '"What is at stake in coming days is to keep social cohesion and social peace."',
                "Athens underground stations were shuttered.",
            ],
            [
                "Our country has reached the edge of the abyss.",
                "It is the responsibility of us all to not take the step into the void.",
                "What is at stake in coming days is to keep social cohesion and social peace.",
            ],
            "Carolos Papoulias",
        ),
    ],
)
def test_a_quote_runs_over_middle_lines_without_marks(paragraphs, texts, speaker):
    """A corpus that prints a sentence a line: one quote over three lines, read whole as a
    chain of quotes with one speaker."""
    quotes = direct_quotes(article_of(*paragraphs))
    assert [q.text for q in quotes] == texts
    assert [q.continues for q in quotes] == [None, quotes[0].id, quotes[1].id]
    assert {q.speaker for q in quotes} == {speaker}


def test_news_paragraphs_do_not_carry_an_unclosed_quote_over_narration():
    """In paragraphs of several sentences a paragraph without marks is the writer's, even
    between an unclosed quote and one that opens the paragraph after it."""
    article = article_of(
        '"I am really looking forward to it. I once owned all of it.',
        "Despite owning so much, it is not his favourite film. That goes to another one.",
        '"It is in my top ten films. I would watch it again."',
    )
    quotes = direct_quotes(article)
    assert [q.text for q in quotes] == [
        "I am really looking forward to it. I once owned all of it.",
        "It is in my top ten films. I would watch it again.",
    ]


def test_a_misread_closing_mark_carries_nothing_over_an_unmarked_line():
    """A closing mark set after a space ('could do, "said') reads as opening a quote that
    runs to the line's end: the line after it is the writer's."""
    article = article_of(
        '"We did everything we could do, "said the juror.',
        "Family members of the victims expressed outrage.",
        '"I feel in some ways he is proud of what he did," said Deborah Teasley.',
    )
    texts = [q.text for q in direct_quotes(article)]
    assert not any("outrage" in text for text in texts)


def test_a_straight_mark_glued_to_the_attribution_closes_the_quote():
    """A corpus tokenised and joined again sets the closing mark against the writer's words
    ('definitely wrong, "Pigeon told', 'progress, "said Stefanski'): the quote ends there,
    carried over from the line before, and the words after the mark are its attribution, not
    a quote (ecbplus 18_5ecb, 5_1ecb)."""
    pigeon = article_of(
        "Luke Pigeon, who lives in an apartment building next door, said he didn't hear a "
        "gunshot but heard noise outside his window.",
        '"It wasn\'t typical, crazy noise that sometimes happens.',
        'You got the feeling there was something definitely, definitely wrong, "Pigeon told '
        "The Canadian Press.",
    )
    quotes = direct_quotes(pigeon)
    assert [q.text for q in quotes] == [
        "It wasn't typical, crazy noise that sometimes happens.",
        "You got the feeling there was something definitely, definitely wrong",
    ]
    assert quotes[1].continues == quotes[0].id
    assert {q.speaker for q in quotes} == {"Luke Pigeon"}
    stefanski = article_of(
        '"I made the decision because I felt we were not progressing the way we wanted to '
        'progress, "said Stefanski.'
    )
    quote = direct_quotes(stefanski)[0]
    assert quote.text.endswith("the way we wanted to progress")
    assert quote.speaker == "Stefanski"
    nested = article_of('"When I asked them, "They said it was fine," he said.')
    assert "They said it was fine" in direct_quotes(nested)[0].text


def test_a_name_label_line_introduces_the_quote_and_a_dated_sign_off_names_nobody():
    """A list of pundits: each 'Description Name:' line over a quote, each quote signed with
    when and where it was said ('– Oct. 31, on Fox News'), which is no speaker."""
    article = article_of(
        "Here is a rundown of the pundits who predicted a Romney win.",
        "Conservative radio host Laura Ingraham:",
        "“I think he’s going to win New Hampshire.” – Oct. 31, on the Laura Ingraham Show.",
        "The Weekly Standard’s Bill Kristol:",
        "“I’m cautiously optimistic that Romney’s going to win.” — Oct. 31, on Fox News.",
    )
    quotes = direct_quotes(article)
    assert [q.speaker for q in quotes] == ["Laura Ingraham", "Bill Kristol"]


def test_names_with_particles_are_one_person():
    article = article_of(
        "Designer Oscar de la Renta has died at 82. Marc van der Berg, his partner, spoke.",
        "In a 2012 interview, De la Renta said “it was never the ladies who lunch.”",
        "Van der Berg added: “We will miss him.”",
    )
    quotes = direct_quotes(article)
    assert [q.speaker for q in quotes] == ["Oscar de la Renta", "Marc van der Berg"]


def test_the_department_is_the_department_named_before():
    article = article_of(
        "The Education Department announced Friday that it would continue a moratorium.",
        "The department said that this would be the “final extension” of the pause.",
    )
    (quote,) = direct_quotes(article)
    assert quote.speaker == "Education Department"


def test_a_tokenised_contraction_does_not_close_a_single_quote():
    article = article_of(
        "A neighbour said the officers yelled back: ‘ Stay down, or we ’ ll shoot you again. ’",
    )
    (quote,) = direct_quotes(article)
    assert quote.text == "Stay down, or we ’ ll shoot you again."


def test_a_description_then_a_name_in_commas_credits_the_name():
    article = article_of(
        "“Mr. Kushner previously volunteered to share with Congress what he knows,” Kushner's "
        "lawyer, Jamie Gorelick, told NBC News.",
        "Another major neoconservative figure, Dan Senor, told reporters: “It is a mistake.”",
        "“We will not go,” Jim Jordan, the ranking Republican, said.",
    )
    quotes = direct_quotes(article)
    assert [q.speaker for q in quotes] == ["Jamie Gorelick", "Dan Senor", "Jim Jordan"]


def test_a_name_under_a_quote_is_not_carried_speech():
    article = article_of(
        '"The reality is, if Mrs. Clinton loses Iowa and New Hampshire, that could create new '
        "and real problems for her here.",
        'S.C. Rep. Jim Clyburn."',
    )
    quotes = direct_quotes(article)
    assert [q.text for q in quotes] == [
        "The reality is, if Mrs. Clinton loses Iowa and New Hampshire, that could create new and "
        "real problems for her here."
    ]


def test_editorial_brackets_stay_in_quotes_as_printed():
    """'puts [you] at odds' is the quote's text, and the terminal prints it so (brackets are
    not markup to it)."""
    reported = Article(
        id="a",
        source="a.txt",
        title="Senate [Updated]",
        outlet="Daily [Post]",
        paragraphs=["The vote “puts [you] at odds with your own party,” Sen. Jane Smith said."],
    )
    other = Article(
        id="b",
        source="b.txt",
        title="Senate vote",
        paragraphs=["“It puts you at odds with your own party,” Sen. Jane Smith told reporters."],
    )
    quotes = [q for a in (reported, other) for q in extract_quotes(a, indirect=False)]
    bracketed = quotes[0]
    assert bracketed.text == "puts [you] at odds with your own party"
    assert reported.body[bracketed.start : bracketed.end] == bracketed.text
    analysis = analyse_stories([reported, other], quotes, one_story([reported, other]))
    data = build_analysis(analysis.articles, analysis.quotes, analysis.stories)
    printed = {}
    for show in (print_quotes, print_summary):
        console = Console(record=True, width=240)
        show(console, data)
        printed[show] = console.export_text()
    assert "puts [you] at odds" in printed[print_quotes]
    # the summary leads with the statement's fullest version; titles print as written too
    assert "[Updated]" in printed[print_quotes] and "[Updated]" in printed[print_summary]


def test_a_quoted_name_before_a_noun_of_its_kind_is_a_term():
    quotes = _kinds(
        article_of(
            "Obama repealed the military’s “don’t ask, don’t tell” policy in 2011.",
            "Trump called it a “disgusting” ad and said the “Never Trump” movement was dead.",
        )
    )
    assert quotes["don’t ask, don’t tell"].kind == "term"
    assert quotes["Never Trump"].kind == "term"
    disgusting = quotes["disgusting"]  # one word of judgement: his
    assert disgusting.kind == "direct" and disgusting.speaker == "Trump"


def test_a_quote_opened_after_a_no_break_space():
    (quote,) = extract_quotes(
        article_of(
            "What they're saying:\xa0\"People who are fully vaccinated are protected from "
            'severe disease and death," the FDA and CDC said.'
        ),
        indirect=False,
    )
    assert quote.text.startswith("People who are fully vaccinated")


def test_an_excerpt_cut_off_mid_quote_is_still_a_double_quote():
    quotes = extract_quotes(
        article_of(
            "They are expected to remain at Fort Lee for a week.",
            'In a statement, President Joe Biden said the arrivals were "an important '
            "milestone as we continue to fulfill our promise to the thousands of Afghan "
            "nationals who served...",
        ),
        indirect=False,
    )
    assert [q.text[:30] for q in quotes] == ["an important milestone as we c"]


REMARKS = [
    "Full transcript of the governor's remarks on the flood, as released by her office:",
    "THE GOVERNOR: I wanted to come out here to thank the crews who worked through the night.",
    "The water has gone down in most of the county, but the river will crest again on Friday.",
    "We are asking everyone who lives near the levee to leave their homes by Thursday evening.",
]


def test_remarks_transcript_of_one_speaker_is_read_whole():
    """A transcript of one person's remarks ('THE GOVERNOR: ...' once, the paragraphs after it
    unmarked) is a transcript, and every paragraph after the turn is the speaker's."""
    article = clean_document(
        Document(source="remarks.txt", title="Governor's flood remarks", content="\n".join(REMARKS))
    )
    assert article.kind == "transcript"
    quotes = [q for q in extract_quotes(article) if q.kind == "transcript"]
    texts = " ".join(q.text for q in quotes)
    assert "river will crest again on Friday" in texts
    assert "leave their homes by Thursday evening" in texts
    assert all(q.speaker_mention for q in quotes)


def test_one_turn_without_the_word_transcript_is_a_report():
    content = "\n".join(["UPDATE: the road is open again.", *REMARKS[2:]])
    article = clean_document(Document(source="r.txt", title="Flood", content=content))
    assert article.kind == "report"


def test_quote_ids_are_unique_when_two_quotes_open_at_one_offset():
    # A single-quoted passage over two paragraphs, the second closed by its attribution, was
    # read both as the passage's continuation and as reported speech: both quotes took one
    # id, and the store refused the article ("UNIQUE constraint failed: quotes.id").
    content = (
        "Turkmenistan sets the date\n"
        "The election commission said on Monday.\n"
        "'Representatives of the two political parties will compete for victory in the "
        "parliamentary elections.\n"
        "This will give a powerful impetus to the campaign and allow the electorate to nominate "
        "the most worthy representatives for the legislative body', the message said.\n"
    )
    article = clean_document(Document(source="t.txt", content=content, outlet="Wire"))
    ids = [quote.id for quote in extract_quotes(article)]
    assert len(ids) >= 2
    assert len(ids) == len(set(ids))


def test_a_surname_said_before_a_full_name_of_that_surname_is_not_that_person():
    # NewsWCL50 4_R (Fox News), shortened: "President Trump" is named long before "first lady
    # Melania Trump"; every "Trump said" after her is still the president.
    article = article_of(
        "President Trump warned Iran on Tuesday against restarting its nuclear program.",
        "“If they restart their nuclear program, they're going to have big problems,” Trump "
        "said Tuesday.",
        "Trump and first lady Melania Trump welcomed Macron and his wife to the White House.",
        "“Melania and I were honored to visit your country last summer,” Trump said at the "
        "White House.",
    )
    speakers = [q.speaker for q in direct_quotes(article)]
    assert speakers == ["Trump", "Trump"]


def test_a_surname_joins_the_full_name_that_introduced_it():
    article = article_of(
        "Jürgen Klopp said his side were ready.",
        "“We want to win the game,” Klopp said, as his wife Ulla Sandrock watched.",
    )
    (quote,) = direct_quotes(article)
    assert quote.speaker == "Jürgen Klopp"


def test_a_state_and_party_description_is_the_person_named_not_a_name():
    # AllSides roundup 5978 (center): "the moderate West Virginia Democrat" is Joe Manchin,
    # not a person called "Virginia Democrat".
    article = article_of(
        "Sen. Joe Manchin said Sunday will vote against the sweeping federal election reform "
        "bill introduced by congressional Democrats, called the For the People Act.",
        "“I believe that partisan voting legislation will destroy the already weakening binds "
        "of our democracy, and for that reason, I will vote against the For The People Act,” "
        "the moderate West Virginia Democrat wrote in an op-ed.",
    )
    (quote,) = direct_quotes(article)
    assert quote.speaker == "Joe Manchin"


def test_an_explainers_answers_are_nobodys_when_its_introduction_names_only_a_numbered_thing():
    """An AP explainer ('Q: ... A: ...') whose introduction names a flight, not a person: its
    answers are the writer's, not a person named 'AirAsia Indonesia Flight'."""
    document = Document(
        source="explainer.txt",
        title="What happened to the plane? A look at the search",
        content="\n".join([
            "NEW YORK (AP) — Rescue crews are searching Indonesian waters for AirAsia Indonesia "
            "Flight 8501, which disappeared Sunday with 162 passengers and crew onboard.",
            "The plane was flying from Surabaya, Indonesia's second-largest city, and was "
            "about halfway to its destination, Singapore, when it vanished from radar.",
            "Q: WHAT COULD HAVE HAPPENED?",
            "A: It is way too early to know for sure, but here are some options. The plane "
            "was in the safest part of the flight.",
            "Q: HOW LONG WILL THE SEARCH TAKE?",
            "A: Searches in open water can take days or weeks, depending on the weather.",
        ]),
    )  # fmt: skip
    article = clean_document(document)
    assert article.kind == "transcript" and article.interviewee is None
    answers = [q for q in extract_quotes(article) if q.kind == "transcript"]
    assert [q.text[:20] for q in answers] == ["It is way too early ", "Searches in open wat"]
    assert {q.speaker for q in answers} == {None}


# Multi-News test-23-1 (Daily Mail): single marks quote speech, double marks only nest in them.
DAILY_MAIL = (
    "'We are talking about people who are powerful,' Conner told MailOnline.",
    "'People who have very delicate power, people who are in the limelight. Their power can be "
    "destroyed very easily if unfortunate things make them look more wicked.",
    "'They have to be careful, it can destroy their career or their Academy Award.'",
    "On Twitter, she sounded decidedly unstable, lashing out at Julia. 'So my \"sister\" said "
    "that with all her friends & fans she doesn't need any more love. Just so you all know "
    "\"America's Sweetheart\" is a B****!!' she tweeted on January 20, referring to Roberts.",
)


def test_single_marks_quote_speech_in_an_article_with_double_marks():
    quotes = direct_quotes(article_of(*DAILY_MAIL))
    texts = [q.text.rstrip(",") for q in quotes]
    assert texts[0] == "We are talking about people who are powerful"
    assert texts[2].startswith("They have to be careful, it can destroy their career")
    assert quotes[2].continues == quotes[1].id  # the quote runs on over two paragraphs
    # the double marks inside stay nested in the tweet, not quotes of their own
    assert texts[3].startswith('So my "sister" said') and texts[3].endswith("is a B****!!")
    assert len(quotes) == 4


def test_single_quoted_speech_after_a_colon_beside_a_double_quoted_title():
    # Multi-News validation-28-2: the paragraph's double marks quote a show's title.
    article = article_of(
        'The magazine also spoke to a "Kourtney & Kim Take New York" producer who said: '
        "'Kim's mapping out 2012, including holidays, and Kris isn't a part of it. Any "
        "itineraries for the future don't include Kris very much.'"
    )
    texts = [q.text for q in extract_quotes(article) if q.kind in ("direct", "term")]
    assert texts[-1].startswith("Kim's mapping out 2012") and texts[-1].endswith("very much.")


def test_single_marks_inside_double_marks_stay_nested():
    # Multi-News test-211-0.
    article = article_of(
        "\"As I looked at this case, the more I looked, I was just like, 'Oh, OK, that would "
        "explain why no database hits,'\" Danielson said."
    )
    (quote,) = direct_quotes(article)
    assert quote.text.startswith("As I looked at this case")


def test_a_short_single_quoted_heading_is_no_quote():
    # PolNeAR wash-post_2016-02-17: a heading quoting words of the article, between paragraphs.
    # Multi-News test-114-3 (AFP): a heading, "fighters'" a plural's apostrophe.
    article = article_of(
        '"They have shown to be highly effective," he said.',
        "'Relationships that last.'",
        "- '35,000 fighters' -",
    )
    assert [q.text for q in direct_quotes(article)] == ["They have shown to be highly effective"]


@pytest.mark.parametrize(
    "sentence",
    [
        # Multi-News, in an article that quotes with single marks only
        "Lawford had battled addiction issues back in the '70s and '80s.",
        "Led Zeppelin II features an early version of Whole Lotta Love, which many consider to "
        "be one of the greatest rock 'n' roll songs of all time.",
        "CAPA attorneys have argued college football generates enormous amounts of profit on "
        "players' labor, which makes the players employees of the schools.",
    ],
)
def test_an_apostrophe_opens_no_quote(sentence: str):
    article = article_of(sentence, DAILY_MAIL[0])
    texts = [q.text for q in direct_quotes(article)]
    assert texts == ["We are talking about people who are powerful"]


def test_a_single_quoted_title_is_no_speech():
    # Multi-News validation-203-0: a show's title, in an article that quotes with double marks.
    article = article_of(
        "She brought down the house on 'Saturday Night Live' after her rabid fans on Facebook "
        "got her on the show, and now she's being recruited by yet another massively popular "
        "show: 'Dancing With the Stars.' Oh, Betty, you're in such high demand!",
        "After her ratings bonanza hosting 'Saturday Night Live,' Betty White has been made "
        "another offer to bring everyone's favorite Golden Girl back to primetime.",
        "\"'Dancing With The Stars' would love to have Betty White grace the dance floor next "
        'season," a show insider tells me.',
    )
    (quote,) = direct_quotes(article)
    assert quote.text.startswith("'Dancing With The Stars' would love")


def test_a_topic_label_before_a_quote_is_not_its_speaker():
    # multinews_sample (The Hollywood Reporter): "On Redstone:" heads Trump's answer
    text = (
        "We talked late into the night at his house in Beverly Hills.\n"
        'On Redstone: "Sumner, well, he\'s had a good run. Good run. He\'d give me anything."'
    )
    article = clean_document(Document(source="thr.txt", title="Trump at home", content=text))
    (quote,) = [q for q in extract_quotes(article) if q.kind == "direct"]
    assert quote.speaker_mention != "On Redstone" and quote.speaker != "On Redstone"


def test_a_body_a_role_stands_for_is_named_within_a_line():
    # multinews_sample (CNN, the Korean flag at the Winter Games): "Italy" ends a paragraph
    # whose full stop the page lost, and the next opens with the committee's name.
    text = (
        "The two countries have marched under the flag before. It was most recently used at "
        "the 2006 Winter Games in Turin, Italy\n"
        "The International Olympics Committee (IOC) would need to approve the countries' "
        "agreements.\n"
        'The committee said Wednesday it had received a number of "interesting proposals" that '
        "it would discuss with delegates from both countries in Switzerland on Saturday."
    )
    article = clean_document(Document(source="cnn.txt", title="Korean flag", content=text))
    (quote,) = [q for q in extract_quotes(article) if q.kind == "direct"]
    assert quote.speaker is None or not quote.speaker.startswith("Italy")


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        (
            "Rubio pushed back on those claims Thursday, saying that the bill had the correct "
            "security components but was waylaid by voter mistrust - and arguing that he and "
            "Cruz shared “almost all the same views on immigration.”",
            "Rubio",
        ),
        (
            "She has pushed back against accusations of sexism against her father, saying he "
            "has been a pioneer in promoting women in his companies and calling him “a "
            "feminist.”",
            "She",
        ),
    ],
)
def test_a_participle_after_another_shares_its_subject(paragraph: str, mention: str) -> None:
    quotes = extract_quotes(article_of(paragraph), indirect=False)
    assert quotes[-1].speaker_mention == mention


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        (
            "Khan, who is Muslim, also decried Trump’s repeated calls to ban all Muslims from "
            "entering the U.S., noting he has “sacrificed nothing” for the country.",
            "Khan",
        ),
        (
            "EU High Representative Federica Mogherini criticised the ban. She said in "
            "Sunday's blog post that “everyone deserves respect.”",
            "She",
        ),
        (
            "Microsoft's posted a link to the Fixit tool, and customers need only click the "
            "icon marked “Enable.”",
            "Microsoft's",
        ),
    ],
)
def test_a_cue_form_after_a_possessive_modifies_a_noun(paragraph: str, mention: str) -> None:
    quotes = extract_quotes(article_of(paragraph), indirect=False)
    assert quotes[-1].speaker_mention == mention


def test_the_ranker_is_told_who_last_spoke_with_a_cue():
    article = article_of(
        "Hillary Clinton said the foundation had “overwhelming disclosure,” on Wednesday.",
        "She was defending the organization against attacks from Donald Trump, but admitted"
        " “one or two instances” where donations slipped through.",
    )
    recording = Recording()
    extract_quotes(article, indirect=False, ranker=recording)
    (context,) = recording.asked
    assert {"hillary", "clinton", "she", "her"} <= context.focus
    assert not {"he", "his", "trump"} & context.focus
    features = {context.text[c.start : c.end]: c.features for c in candidates(context)}
    assert "fo=1he" not in features["She"] and "fo=1she" in features["She"]
    assert "fo=0cap" in features["Trump"]


def test_the_clause_subject_nearest_a_quote_is_marked():
    text = (
        "Clinton endorsed the deal, although she made it clear that she has"
        " “serious concerns” about it."
    )
    quote = text.index("“")
    found = candidates(QuoteContext(text, (quote, text.index("”") + 1), None))
    marked = [c.start for c in found if "ns=1" in c.features]
    assert marked == [text.index("she has")]  # not the first 'she', nor 'Clinton'
