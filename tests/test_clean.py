import pytest

from newsprism.clean import clean_document, clean_document_id, junk_reason
from newsprism.clean.cleaner import split_glued_junk
from newsprism.clean.tokenised import detokenise
from newsprism.model import Document


def removed_texts(article, reason=None):
    return [r.text for r in article.removed if reason is None or r.reason == reason]


def test_report_appeal_removed_and_glued_sentence_split(report):
    article, _ = report
    appeal = removed_texts(article, "appeal")
    assert appeal[0] == "Your support helps us to tell the story"
    assert any(t.startswith("From reproductive rights") for t in appeal)
    assert any("Your donation allows us" in t for t in appeal)
    assert any("paywalls" in t for t in appeal)
    assert "Your support makes all the difference." in appeal
    assert len(appeal) == 5
    assert article.paragraphs[0].startswith("Liverpool manager Jurgen Klopp will evoke")
    assert not any("support" in p.lower() and "difference" in p.lower() for p in article.paragraphs)


def test_report_title_and_standfirst(report):
    article, _ = report
    assert article.title.startswith("Jurgen Klopp hopes Liverpool")
    assert article.standfirst.startswith("The Reds have a 3-0 deficit")
    assert article.kind == "report"


def test_transcript_junk_removed(transcript):
    article, _ = transcript
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Press conference"] == "section-label"
    assert reasons["Read our round-up below..."] == "read-more"
    assert (
        reasons["You have to accept cookies in order to view this content on our site."] == "cookie"
    )
    assert reasons["Watch on YouTube"] == "video"
    assert any(
        r.reason == "translation" and "automatically translated" in r.text for r in article.removed
    )
    assert article.title.startswith("Jürgen Klopp: Let's play")
    assert article.paragraphs[2].startswith("On whether Liverpool can draw")
    body = article.body
    assert "cookies" not in body and "YouTube" not in body and "translated" not in body


def test_transcript_recognised(transcript):
    article, _ = transcript
    assert article.kind == "transcript"
    assert article.interviewee == "Jürgen Klopp"
    assert article.standfirst.startswith("Jürgen Klopp described")


def test_glued_junk_after_text_is_split():
    rest, removed = split_glued_junk(
        "Police said the road reopened at noon.Sign up for our newsletter"
    )
    assert rest == "Police said the road reopened at noon."
    assert [(r.text, r.reason) for r in removed] == [("Sign up for our newsletter", "newsletter")]


def test_camel_case_words_are_not_split():
    line = "The iPhone maker and YouTube said on Monday that McDonald's would advertise."
    assert split_glued_junk(line) == (line, [])


def test_keywords_inside_long_body_text_are_kept():
    line = (
        "The charity said donations had fallen by a third this year, and that it would "
        "ask the council to support our town's food bank before the winter, when demand "
        "usually doubles and volunteers are harder to find across the whole county area."
    )
    assert junk_reason(line) is None
    assert junk_reason("“We need your support,” the mayor said.") is None


def test_every_removal_is_kept_with_reason():
    document = Document(
        source="t.txt",
        title="A headline",
        content="\n".join(
            [
                "Advertisement",
                "The council approved the new budget on Tuesday after a long debate.",
                "© 2023 Example News. All rights reserved.",
            ]
        ),
    )
    article = clean_document(document)
    assert article.paragraphs == [
        "The council approved the new budget on Tuesday after a long debate."
    ]
    assert [r.reason for r in article.removed] == ["advertisement", "rights"]


def clean_lines(*lines: str, title: str = "A headline about the council budget"):
    return clean_document(Document(source="t.txt", title=title, content="\n".join(lines)))


BODY = [
    "The council approved the new budget on Tuesday after a long debate in the chamber.",
    "Councillors from both parties said the plan would protect libraries and bus routes.",
    "The finance chief said reserves would be used to close a gap of four million pounds.",
    "Opponents argued that the plan relied too heavily on one-off savings this year.",
]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Get the day’s top headlines delivered to your inbox every morning by subscribing "
            "to our newsletter.",
            "newsletter",
        ),
        ("This copy is for your personal, non-commercial use only.", "rights"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "byline"),
        ("https://www.example.com/news/2019/budget-vote", "link"),
        ("October 12, 2017", "dateline"),
        ("Tempo de leitura: 2 minutos", "reading-time"),
        ("- Print Article", "page-tools"),
        ("Like this story? Share it with a friend!", "social"),
        ("Also on example.com Other story about something else entirely", "read-more"),
        ("Tags: budget, council, libraries", "tags"),
        (
            "ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.",
            "comments",
        ),
        (
            "Acme is a global provider of industrial software for factories and ports.",
            "boilerplate",
        ),
        ("Rating is available when the video has been rented.", "video"),
        ("Media playback is unsupported on your device", "video"),
        (
            "JUST WATCHED Cummings: Trump has stepped over the line Replay More Videos ... "
            "MUST WATCH Cummings: Trump has stepped over the line 00:47",
            "video player",
        ),
        ("This feature is not available right now. Please try again later.", "unavailable"),
        ("Please enable JavaScript to watch this video", "unavailable"),
        ("Tweet with a location", "social-embed"),
        ("See more of Jane Doe on Facebook", "social-embed"),
        ("Twitter", "social-embed"),
        ("Image copyright Getty Images", "image-credit"),
        ("Advertisement Continue reading the main story", "advertisement"),
        ("Story Continued Below", "advertisement"),
        (
            "Breaking News Emails Get breaking news alerts and special reports. The news and "
            "stories that matter, delivered weekday mornings.",
            "form",
        ),
        ("The WARC files associated with this crawl are not currently available.", "web-archive"),
    ],
)
def test_junk_kinds_fire_on_their_lines(line, reason):
    article = clean_lines(BODY[0], line, *BODY[1:])
    assert [(r.text, r.reason) for r in article.removed] == [(line, reason)]
    assert len(article.paragraphs) + bool(article.standfirst) == len(BODY)


def test_headline_repeated_and_glued_date_cut():
    title = "More than 100 protesters killed in unrest, rights group says"
    article = clean_lines(
        f"| {title} November 20, 2019 - 11:28 AMT Verified video footage and eyewitness "
        "testimony reveal a harrowing pattern of killings by security forces.",
        *BODY,
        title=title,
    )
    reasons = {r.reason: r.text for r in article.removed}
    assert reasons["title-repeat"] == title
    assert reasons["dateline"].startswith("November 20, 2019")
    text = "\n".join(filter(None, [article.standfirst, article.body]))
    assert text.startswith("Verified video footage")


@pytest.mark.parametrize("cut_inside_word", [False, True])
def test_a_title_that_is_the_leads_opening_words_cut_short_leaves_the_lead_whole(
    cut_inside_word,
):
    """Some corpora and feeds give as title the lead's first words, cut at a length: the lead
    goes on with the same sentence and stays the article's."""
    lead = (
        "The mother of a girl hit by a stray bullet said she heard a loud bang before her "
        'daughter cried out "Mommy, I\'ve been hit," and then stumbled down the steps.'
    )
    title = lead[:93] if cut_inside_word else lead[:95]  # "... cri" or "... cried"
    article = clean_lines(lead, *BODY, title=title)
    text = "\n".join(filter(None, [article.standfirst, article.body]))
    assert text.startswith(lead)
    assert not any(r.reason == "title-repeat" for r in article.removed)


def test_tag_list_shape_but_not_names_or_quantities():
    tags = (
        "stock car 2018, stock car brasil, stock car cascavel, corrida milhao, interlagos, taruma"
    )
    names = (
        "Olga Kosoy, Amy Lambert, Dana Hawkinson, Daniel Pastula, Cynthia Goldsmith, Erin Staples"
    )
    recipe = "1 cup lettuce, 2 tomatoes, 3 oz chicken, 4 tbsp feta, 1 tsp oil, salt, pepper"
    article = clean_lines(*BODY, tags, names, recipe)
    assert [r.reason for r in article.removed] == ["tags"]


def test_link_lists_from_the_page_are_removed():
    related = ["Five things to know about the budget", "Council elections: the results"]
    document = Document(
        source="p",
        title="Budget",
        content="\n".join([*BODY, *related]),
        link_lists=frozenset(r.lower() for r in related),
    )
    article = clean_document(document)
    assert [r.reason for r in article.removed] == ["link-list", "link-list"]


def test_safety_rule_stops_a_removal_that_would_take_the_body():
    lines = [f"Line {n} of a page whose every line the outlet repeats." for n in "abcdef"]
    from newsprism.clean.templates import line_key

    article = clean_document(
        Document(source="p", title="T", content="\n".join(lines)),
        template_keys=frozenset(line_key(line) for line in lines),
    )
    assert article.removed == []
    assert len(article.paragraphs) + bool(article.standfirst) == 6
    assert article.notes and "outlet-template" in article.notes[0]


def test_safety_rule_lets_a_small_template_removal_through():
    from newsprism.clean.templates import line_key

    footer = "Thanks for reading the Ledger."
    article = clean_document(
        Document(source="p", title="T", content="\n".join([*BODY, footer])),
        template_keys=frozenset({line_key(footer)}),
    )
    assert [(r.text, r.reason) for r in article.removed] == [(footer, "outlet-template")]
    assert article.notes == []


# A page that is an embedded tweet with nothing but the embed's location notice around it.
TWEET_EMBED_PAGE = """Tweet with a location

You can add location information to your Tweets, such as your city or precise location, \
from the web and via third-party applications. You always have the option to delete your \
Tweet location history. Learn more"""

# A web-archive capture notice standing where the article was; its last line quotes a name.
ARCHIVE_NOTICE_PAGE = """Starting in 1996, Alexa Internet has been donating their crawl data to \
the Internet Archive. Flowing in every day, these data are added to the Wayback Machine after \
an embargo period.
These crawls are part of an effort to archive pages as they are created and archive the pages \
that they refer to. That way, as the pages that are referenced are changed or taken from the \
web, a link to the version that was live when the page was written will be preserved.Then the \
Internet Archive hopes that references to these archived pages will be put in place of a link \
that would be otherwise be broken. Crawls of supported "No More 404" sites."""


@pytest.mark.parametrize(
    ("page", "reasons"),
    [
        (TWEET_EMBED_PAGE, {"social-embed"}),
        (ARCHIVE_NOTICE_PAGE, {"web-archive"}),
    ],
)
def test_a_page_of_junk_is_emptied_and_every_removal_says_why(page, reasons):
    article = clean_document(Document(source="p", title=None, content=page))
    assert article.paragraphs == [] and article.standfirst is None
    assert {r.reason for r in article.removed} == reasons
    every_removal = "".join(r.text for r in article.removed)
    assert every_removal.replace(" ", "") == page.replace(" ", "").replace("\n", "")


def test_news_about_the_web_archive_is_kept():
    line = (
        "The Internet Archive said on Monday it would appeal the ruling, which found that its "
        "lending of scanned books through the Wayback Machine's sister site broke copyright law."
    )
    article = clean_lines(*BODY, line)
    assert article.removed == []


# As newswcl50 ships its articles: one sentence a line, a literal backslash-n ending each
# paragraph (one also inside a line), punctuation, clitics, hyphens and quote marks spaced.
TOKENISED_ARTICLE = "\n".join(
    [
        r"WEST PALM BEACH , Fla. —",
        r"President Trump dispatched Mike Pompeo to meet Kim Jong - un , two people briefed on "
        r"the trip said . \n",
        r"Mr. Trump alluded to Mr. Pompeo 's mission when he said the talks were at "
        r'" extremely high levels , " and that the White House was looking at five sites . \n',
        '" I really believe there \'s a lot of good will , " Mr. Trump said .',
        r'" They do respect us .',
        r'We are respectful of them . " \n',
        r"Protesters carried placards - in response to the ban . \n The visit to Mar - a - Lago "
        r"was a once - unthinkable encounter , and he did n't say where . \n",
    ]
)


def article_text(article) -> list[str]:
    return [p for p in (article.standfirst, *article.paragraphs) if p]


def test_tokenised_article_is_detokenised_into_its_paragraphs():
    document = Document(source="newswcl.jsonl#0_L", title=None, content=TOKENISED_ARTICLE)
    article = clean_document(document)
    assert article_text(article) == [
        "WEST PALM BEACH, Fla. — President Trump dispatched Mike Pompeo to meet Kim Jong-un, two "
        "people briefed on the trip said.",
        "Mr. Trump alluded to Mr. Pompeo's mission when he said the talks were at \"extremely "
        'high levels," and that the White House was looking at five sites.',
        '"I really believe there\'s a lot of good will," Mr. Trump said. "They do respect us. '
        'We are respectful of them."',
        "Protesters carried placards - in response to the ban.",
        "The visit to Mar-a-Lago was a once-unthinkable encounter, and he didn't say where.",
    ]
    assert article.notes == ["text was tokenised; detokenised"]
    assert article.removed == []
    assert article.id == clean_document_id(document)


def test_quotes_of_a_detokenised_article_index_its_body():
    from newsprism.quotes import extract_quotes

    article = clean_document(Document(source="t", title=None, content=TOKENISED_ARTICLE))
    quotes = [q for q in extract_quotes(article) if q.kind == "direct"]
    assert [article.body[q.start : q.end] for q in quotes] == [q.text for q in quotes]
    texts = " | ".join(q.text for q in quotes)
    assert "extremely high levels" in texts
    assert "I really believe there's a lot of good will" in texts
    assert "Mr. Trump" in {q.speaker_mention for q in quotes}


@pytest.mark.parametrize(
    ("tokenised", "detokenised"),
    [
        (
            "the talks with Moon Jae - in , who met Kim Jong - un",
            "the talks with Moon Jae-in, who met Kim Jong-un",
        ),
        (
            "his son - in - law and a one - on - one meeting",
            "his son-in-law and a one-on-one meeting",
        ),
        (
            "for our steel industry - the tariffs he announced",
            "for our steel industry - the tariffs he announced",
        ),
        (
            "Chairman Bob Goodlatte ( R - Va. ) said $ 5 billion",
            "Chairman Bob Goodlatte (R-Va.) said $5 billion",
        ),
        (
            "Trump tweets that Comey memos ' clearly ' show no obstruction",
            "Trump tweets that Comey memos 'clearly' show no obstruction",
        ),
        (
            "the Democrats ' legal maneuver and the Koreas ' 1945 division",
            "the Democrats' legal maneuver and the Koreas' 1945 division",
        ),
        (
            "\" The President said ' the hookers thing ' is nonsense . \"",
            "\"The President said 'the hookers thing' is nonsense.\"",
        ),
        (
            "she said `` we ca n't wait '' and left -LRB- quietly -RRB- .",
            "she said “we can't wait” and left (quietly).",
        ),
        (
            '“ If they restart , " Trump said . " You can mark it down . "',
            '“If they restart," Trump said. "You can mark it down."',
        ),
        (
            '" Iran \'s leaders deny it , " said Netanyahu . " Tonight I \'m here',
            '"Iran\'s leaders deny it," said Netanyahu. "Tonight I\'m here',
        ),
        (
            "In light of the unusual events ... the department agreed",
            "In light of the unusual events ... the department agreed",
        ),
    ],
)
def test_detokenise_paragraph(tokenised, detokenised):
    assert detokenise(tokenised) == detokenised


def test_text_with_stray_spaced_commas_is_left_as_it_is():
    # Ordinary text: most commas and clitics sit on their word, whatever a few lines do.
    lines = [
        "The council's leader, Jane Hart, said the budget was fair, and that it wasn't final.",
        "Opponents said the plan , which cuts two bus routes, relied on one-off savings.",
        "The city's libraries, parks and pools will stay open, the finance chief said.",
        "The study by McCauley JW , Hongo S , Kaverin NV , Kochs G , Lamb RA ( 2014 ) agreed.",
    ]
    article = clean_lines(*lines)
    assert article_text(article) == lines
    assert article.notes == []


def test_tokenised_text_without_paragraph_marks_keeps_its_lines():
    content = "\n".join(
        [
            "The council , which met on Tuesday , approved the budget .",
            "Its leader said the plan was n't perfect , but it 's fair .",
            "Opponents , however , said it would cut the city 's bus routes .",
        ]
    )
    article = clean_document(Document(source="t", title="Budget", content=content))
    assert article_text(article) == [
        "The council, which met on Tuesday, approved the budget.",
        "Its leader said the plan wasn't perfect, but it's fair.",
        "Opponents, however, said it would cut the city's bus routes.",
    ]


def test_a_junk_kind_turned_off_is_kept_and_the_others_still_removed():
    newsletter = "Sign up for our newsletter to get the day's news in your inbox."
    related = ["Five things to know about the budget", "Council elections: the results"]
    document = Document(
        source="p",
        title="Budget",
        content="\n".join([*BODY, newsletter, *(f"- {r}" for r in related)]),
        link_lists=frozenset(r.lower() for r in related),
    )
    assert [r.reason for r in clean_document(document).removed] == [
        "newsletter",
        "link-list",
        "link-list",
    ]
    article = clean_document(document, disabled=frozenset({"newsletter"}))
    assert newsletter in article.paragraphs
    assert [r.reason for r in article.removed] == ["link-list", "link-list"]


# multinews_sample test-222-0 (The Hollywood Reporter): labels heading links, not speakers
LINKED_STORIES = (
    "Paramount has decided to make several tweaks to the marketing materials for Jack "
    "Reacher, which opens Dec. 21.",
    "VIDEO: 'Jack Reacher' Trailer: Tom Cruise Is 'Not a Hero,' But Werner Herzog Is the "
    "Villain",
    "Django Unchained, opening Christmas Day, is directed by Quentin Tarantino, known for his "
    "over-the-top violence.",
    "STORY: 'Jack Reacher' Lincoln Center Screening Postponed; Pittsburgh Premiere Set for "
    "Dec. 19",
    "At a junket for Django on Saturday in New York, Tarantino said he is weary of defending "
    "the violence in his movies.",
    "FILM REVIEW: Django Unchained",
)


def test_a_page_label_heading_a_link_is_no_transcript_turn():
    from newsprism.clean.structure import looks_like_transcript, turn_of

    assert not looks_like_transcript(list(LINKED_STORIES))
    assert turn_of(LINKED_STORIES[3]) is None
    assert turn_of("WALLACE: But, Governor, you said so.") == ("WALLACE", 9)
    assert turn_of("THE PRESIDENT: Thank you all.") is not None


# multinews_sample (bitcointalk.org, "Pizza for bitcoins?"): a forum's member fields, not turns
FORUM_POSTS = (
    "laszlo",
    "Offline",
    "Activity: 199",
    "Merit: 319",
    "Full MemberActivity: 199Merit: 319 Re: Pizza for bitcoins? May 18, 2010, 07:18:00 PM #6 "
    "A lot of pizza places have online ordering, my wife and I use that sometimes.",
    "BC: 157fRrqAKrDyGHr1Bx3yDxeMv8Rh45aUet",
    "Xunie",
    "Offline",
    "Activity: 132",
    "Merit: 100",
    "Full MemberActivity: 132Merit: 100 Re: Pizza for bitcoins? May 18, 2010, 07:14:39 PM #5 "
    "I'd buy you a Domino's for you, if I knew how to pay from Europe!",
    "Sr. MemberActivity: 350Merit: 250 Re: Pizza for bitcoins? May 19, 2010, 01:02:11 AM #7",
)


def test_a_label_followed_by_a_figure_is_a_field_not_a_turn():
    from newsprism.clean.structure import looks_like_transcript, turn_of

    assert turn_of(FORUM_POSTS[4]) is None
    assert not looks_like_transcript(list(FORUM_POSTS))
    assert turn_of("GEORGE STEPHANOPOULOS: 19 years. And they want to know.") is not None


def test_a_link_card_printed_inside_a_sentence_is_cut_out_and_reported():
    # multinews_sample (The Hill): a senator's link card, glued to the linked headlines
    text = (
        "“Aug. 1 we need to have someone ready,” said Sen. John Kennedy John Neely KennedyMORE "
        "(R-La.), another member of the committee.\n\n"
        "Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellSunday shows "
        "preview: Supreme Court fight in the spotlight Appeals court nominees languish in Senate "
        "as Flake demands tariff vote MORE (R-Ky.) said the Senate would act before the fall."
    )
    article = clean_document(Document(source="thehill.html", content=text, title="Court fight"))
    assert "said Sen. John Kennedy (R-La.), another member" in article.body
    assert "Mitch McConnell (R-Ky.) said the Senate would act" in article.body
    cards = [r.text for r in article.removed if r.reason == "link-card"]
    assert cards[0] == "John Neely KennedyMORE"
    assert cards[1].startswith("Addison (Mitch) Mitchell McConnellSunday shows preview")


# multinews_sample (The Hollywood Reporter's Trump interview): topics, each with his answer
TOPIC_HEADED_ANSWERS = (
    "The long day is ending for Donald Trump with a pint of vanilla Haagen-Dazs ice cream.",
    'On Murdoch: "Rupert is a tremendous guy. I think Rupert has been very fair."',
    'On Redstone: "Sumner, well, he\'s had a good run. Good run. He\'d give me anything."',
    'On Leslie Moonves: "Great guy. The greatest. We\'re on the same page."',
    "These are the bulls of his real party.",
)


def test_a_topic_label_before_an_answer_is_no_speakers_turn():
    from newsprism.clean.structure import looks_like_transcript, turn_of

    assert turn_of(TOPIC_HEADED_ANSWERS[2]) is None
    assert not looks_like_transcript(list(TOPIC_HEADED_ANSWERS))
    article = clean_document(
        Document(source="thr.txt", title="Trump interview", content="\n".join(TOPIC_HEADED_ANSWERS))
    )
    assert article.kind == "report"
