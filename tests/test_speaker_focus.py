"""Speaker attribution mechanisms (issue 16), each on short excerpts of real articles of the
shared story sets (multinews_sample, newswcl50, allsides_roundups, ecbplus)."""

from newsprism.model import Article, Quote
from newsprism.names import person_mentions
from newsprism.quotes import extract_quotes
from newsprism.quotes.speakers import PersonIndex


def article_of(*paragraphs: str, title: str = "Headline") -> Article:
    return Article(id="t", source="t.txt", title=title, paragraphs=list(paragraphs))


def speakers(*paragraphs: str, title: str = "Headline") -> dict[str, str | None]:
    """Each quote's first words -> its speaker."""
    quotes = extract_quotes(article_of(*paragraphs, title=title), indirect=False)
    return {_opening(q): q.speaker for q in quotes}


def _opening(quote: Quote) -> str:
    return " ".join(quote.text.split()[:4])


# multinews_sample validation-81-1
DE_LA_RENTA = (
    "Oscar de la Renta, a storied couturier with a flair for the romantic, who dressed countless "
    "members of Hollywood, political, and actual royalty in a six-decade fashion career, died "
    "Monday at age 82 at his home in Kent, Connecticut, his wife Anette de la Renta told The New "
    "York Times.",
    "De la Renta had battled cancer at various intervals in recent years.",
    "Born in the Dominican Republic, and trained in Spain and Paris, the designer studied under "
    "Balenciaga and designed for Lanvin before starting his eponymous label that catered "
    "especially to the socialites of the day like Babe Paley and C.Z. Guest. He dressed many a "
    "First Lady in his illustrious career, such as Jackie Kennedy, Nancy Reagan, Hillary "
    "Clinton, Laura Bush, and Michelle Obama.",
    "During a 2009 interview with Vanity Fair’s John Heilpern, the designer admitted that the "
    "“ladies who lunch” were never his target clients.",
    "“Let me tell you, it was never the ladies who lunch. They never lunched! They always wanted "
    "to stay thin.”",
    "“You want to know who my customer is?” he asked. “All the women who can afford to buy my "
    "clothes! My customers are successful workingwomen. They might be spending less at the "
    "moment, but my approach is that fashion must always be optimistic, and that a woman will "
    "always be enticed by beautiful clothes.”",
)


def test_a_pronoun_after_a_quote_is_its_speaker_when_no_one_is_named_between() -> None:
    """'the designer admitted' resolves to Oscar de la Renta; the 'he' two paragraphs on is
    him too, not the magazine named before the description."""
    found = speakers(*DE_LA_RENTA)
    assert found["You want to know"] == "Oscar de la Renta"
    assert found["All the women who"] == "Oscar de la Renta"


# multinews_sample validation-114-2
POLAR_BEARS = (
    "The Fish and Wildlife Service was responding to a court order requiring it to further "
    "explain why polar bears should be considered threatened rather than endangered, which is a "
    "higher threat level.",
    "Environmentalists have presented evidence that they say shows that the bear is in danger of "
    "extinction, but FWS maintains that, under its interpretation of the statute, a species is "
    "only endangered when it is \"currently on the brink of extinction in the wild.\"",
    "When analyzing the polar bear, the agency found that the species \"has not been restricted "
    "to a critically small range or critically low numbers, and has yet to suffer any "
    "substantial reduction in numbers or range,\" the memorandum says.",
    "The polar bear does \"face a serious threat\" and is \"likely to become an endangered "
    "species in the foreseeable future,\" the government concedes.",
)


def test_a_document_or_the_government_speaks_for_the_organisation_that_spoke_last() -> None:
    found = speakers(*POLAR_BEARS)
    assert found["currently on the brink"] == "Fish and Wildlife Service"
    assert found["has not been restricted"] == "Fish and Wildlife Service"
    assert found["likely to become an"] == "Fish and Wildlife Service"


# newswcl50 2_L
NEWS_AGENCY = (
    "\"From April 21, North Korea will stop nuclear tests and launches of intercontinental "
    "ballistic missiles,\" the Korean Central News Agency said, quoting Mr. Kim.",
    "An arms announcement from North Korea came one day after North and South Korea installed "
    "what officials said was the first-ever hotline between their top leaders.",
    "It also said the North would \"shut down a nuclear test site in the country's northern side "
    "to guarantee transparency in suspending nuclear tests.\"",
)


def test_it_is_the_organisation_that_spoke_last() -> None:
    assert speakers(*NEWS_AGENCY)["shut down a nuclear"] == "Korean Central News Agency"


# multinews_sample test-168-2
OFFICIALS = (
    "U.S. officials also said that Ukrainian fighters can't operate at 30,000 feet, where Flight "
    "17 was cruising. \"The Russian government has a propaganda machine second to none, as these "
    "latest conspiracy theories demonstrate,\" one U.S. official said.",
    "Another top military official, Lt. Gen. Andrei Kartapolov, said at the same news conference "
    "that the jet came as close as 1.8 miles to Flight 17, which is well within the range of the "
    "air-to-air missiles it is usually equipped with.",
)


def test_an_indefinite_description_names_no_one() -> None:
    """'one U.S. official' is someone unnamed, not the official the article names later."""
    assert speakers(*OFFICIALS)["The Russian government has"] is None


# newswcl50 5_R
DOWNING_STREET = (
    "President Trump will travel to the United Kingdom in July, the White House confirmed "
    "Thursday, where he will meet with Prime Minister Theresa May for bilateral talks.",
    "\"The President of the United States will visit the UK on 13 July. He will hold bilateral "
    "talks with the Prime Minister during his visit,\" 10 Downing Street said in a statement. "
    "\"Further details will be set out in due course.\"",
)


def test_a_number_opening_a_name_is_part_of_it() -> None:
    found = speakers(*DOWNING_STREET)
    assert found["The President of the"] == "10 Downing Street"
    assert found["Further details will be"] == "10 Downing Street"


def test_a_body_is_not_its_press_secretary() -> None:
    """newswcl50 5_R: 'the White House confirmed' is the White House, not the person the
    article names next as 'White House Press Secretary'."""
    article = article_of(
        "President Trump will travel to the United Kingdom in July, the White House confirmed "
        "Thursday, where he will meet with Prime Minister Theresa May for bilateral talks.",
        "White House Press Secretary Sarah Sanders confirmed the visit to reporters at the White "
        "House.",
    )
    at = article.body.index("the White House")
    assert PersonIndex.build(article, []).resolve("the White House", at) == "White House"


# allsides_roundups 5810_center
EVICTIONS = (
    "Like the previous order, the two-month moratorium issued Tuesday comes from the Centers for "
    "Disease Control and Prevention.",
    "The new ban on evictions covers parts of the United States that are experiencing what the "
    "CDC calls \"substantial\" and \"high\" spread of the coronavirus.",
)


def test_an_acronym_with_its_article_is_the_name_the_article_spells_out() -> None:
    """The name goes on past the letters to an 'and' word that ends it ('CDC': 'Centers for
    Disease Control and Prevention')."""
    found = speakers(*EVICTIONS)
    assert found["substantial"] == "Centers for Disease Control and Prevention"


# ecbplus 3_9ecb
JUDGES = (
    "He will likely die in prison after Superior Court Judge James Bodiford handed down the "
    "maximum sentence on each charge.",
    "He burst into the courtroom and shot and killed Superior Court Judge Rowland Barnes, Brandau "
    "and Deputy Hoyt Teasley.",
    "\"We've learned a lot from this horrible tragedy, and as horrible as it was, we need to learn "
    "from this and make sure it never happens again,\" said Bodiford.",
    "The judge offered advice for the prison guards who will handle Nichols:",
    "\"Do not trust Mr. Nichols ever again.\"",
)


def test_a_role_stands_for_its_holder_mentioned_last() -> None:
    assert speakers(*JUDGES)["Do not trust Mr."] == "James Bodiford"


# multinews_sample validation-171-1
GOOGLE = (
    "When the head of Google Search, Amit Singhal, let me play with the new system following his "
    "keynote talk at our SMX London show yesterday, I couldn’t help but think of it like a form "
    "of StumbleUpon or channel surfing for search.",
    "For some searches, there may be more than one entity that Google has facts for related to a "
    "search. In these cases, rather than make the wrong guess, Google will put up a “See results "
    "box” as shown below for Andromeda:",
)


def test_a_maker_is_not_its_product() -> None:
    """'Google' alone is not 'Google Search': a word that opens a name stands for it only as a
    known first name or after a title."""
    assert speakers(*GOOGLE)["See results box"] == "Google"


def test_korean_family_names_after_a_title_still_name_the_person() -> None:
    """newswcl50 2_L: 'Mr. Youn' is Youn Kun-young (family name first)."""
    found = speakers(
        "On Friday, aides to Mr. Moon and Mr. Kim officially opened the line and checked the "
        "connection for about four minutes, said Youn Kun-young, director for the government "
        "situation room at Mr. Moon's presidential Blue House.",
        "\"The connection was very good,\" Mr. Youn said.",
    )
    assert found["The connection was very"] == "Youn Kun-young"


def test_fragments_name_no_organisation() -> None:
    """multinews_sample validation-72-1, test-48-1: a capitalised participle or a role opening
    a sentence is no speaker."""
    found = speakers(
        "But differences between the two documents still need to be worked out and a combined "
        "budget passed next month by both chambers. Doing so would allow Republicans to invoke "
        "parliamentary rules to repeal \"Obamacare\" with a simple majority in the Senate rather "
        "than a tough-to-achieve 60 vote threshold.",
        "Sources close to the couple told TMZ that the decision to split was a mutual choice, as "
        "both the “God Is a Woman” singer and Davidson felt the timing wasn’t right.",
    )
    assert found["Obamacare"] != "Doing"
    assert found["God Is a Woman"] != "Sources"


def test_what_someone_described_as_is_their_words() -> None:
    """multinews_sample test-1-0."""
    found = speakers(
        "\"He was the best advertisement for gun control you could wish for,\" Morgan told "
        "POLITICO.",
        "In what Morgan described as a \"big, long rant,\" Jones -- the man who started the White "
        "House petition to deport Morgan -- shouted questions about gun control legislation, gave "
        "premonitions of a 1776-like rebellion, and pronounced conspiracy theories -- including "
        "his belief that 9/11 was an inside job -- while Morgan tried calmly and in vain to "
        "conduct a civil interview.",
    )
    assert found["big, long rant"] == "Morgan"


def test_a_fronted_participle_cue_takes_the_main_clause_subject() -> None:
    """allsides_roundups 6112_center."""
    found = speakers(
        "Declaring that the United States and other big economies must “get this done,” "
        "President Joe Biden opened a global climate summit Thursday aimed at getting world "
        "leaders to dig deeper on emissions cuts.",
    )
    assert found["get this done"] == "Joe Biden"


def test_a_party_label_after_a_surname_is_set_aside() -> None:
    """allsides_roundups 5849_right."""
    found = speakers(
        "Sen. Lindsey Graham accused Senate Majority Leader Chuck Schumer on Monday of trying to "
        "thwart ongoing negotiations over a bipartisan infrastructure bill by scheduling an "
        "initial test vote before the measure’s text has been finalized.",
        "“We’re not going to proceed to a bill that’s not written, because that makes no sense,” "
        "Graham (R-SC) told Fox News’ “The Ingraham Angle.”",
    )
    assert found["We’re not going to"] == "Lindsey Graham"


def test_no_name_from_inside_a_link_or_a_shouted_headline() -> None:
    """multinews_sample validation-88-4; the title of allsides_roundups 5691_right."""
    tweet = (
        "But Jon Ossoff is on 4/18. Help him win at https://t.co/ctCcRiYcdL. Let's flip Congress "
        "in '18"
    )
    assert "L. Let" not in [m.text for m in person_mentions(tweet)]
    title = "Macron RECALLS French ambassador to the US over 'unacceptable' AUKUS submarine pact"
    assert [m.text for m in person_mentions(title)] == []


def test_a_plural_description_is_no_single_person() -> None:
    """multinews_sample test-140-1: 'The men' are Sargeant and Martin, not Martin alone."""
    found = speakers(
        "You've probably never heard of Marty Martin. He spent most of his life as an anonymous "
        "CIA operative.",
        "In 2008, the Washington Post reported that Sargeant, a billionaire, raised funds for John "
        "McCain's presidential campaign with help from an unnamed \"former head of the bin Laden "
        "unit\" who worked for him. The men reportedly skirted campaign finance laws by funneling "
        "the money through Arab-American \"straw donors.\"",
    )
    assert found["straw donors."] != "Marty Martin"


def test_a_noun_after_per_is_no_cue() -> None:
    """allsides_roundups 6073_right: 'per CDC estimates' reports nothing; the quote that opens
    the next paragraph is Biden's, whom the paragraph reports announcing."""
    found = speakers(
        "President Joe Biden announced a new vaccination goal on Tuesday while providing an "
        "update on the pandemic, aiming for 160 million U.S. adults to be fully inoculated "
        "against coronavirus by July 4. Biden is also aiming for 70% of the U.S. adult "
        "population to have one vaccine shot by July 4, which currently stands at 44.4%, per CDC "
        "estimates.",
        "\"If we succeed in this effort, as we did with the last, then...",
    )
    assert found["If we succeed in"] == "Joe Biden"


def test_a_quote_alone_after_a_paragraph_without_speech_is_its_subjects() -> None:
    """allsides_roundups 5818_left: no cue anywhere; the paragraph before ends on DeSantis."""
    found = speakers(
        "Florida Gov. Ron DeSantis on Friday barred local school districts from requiring "
        "students to wear masks even as the nation fights a resurgence of coronavirus.",
        "DeSantis signed an executive order Friday prohibiting school districts in his state "
        "from having a choice to set such a mandate.",
        "“The federal government has no right to tell parents that in...",
    )
    assert found["The federal government has"] == "Ron DeSantis"


def test_a_place_is_no_person() -> None:
    """multinews_sample test-115-4: 'Des Moines' is a city, never a pronoun's person."""
    article = article_of(
        "However during a 2015 Iowa Agriculture Summit in Des Moines, the former governor said "
        "he opposed extending the federal tax credit for wind power. “I do if a state wants to do "
        "it,” he said.",
    )
    assert "des moines" not in PersonIndex.build(article, []).forms


def test_a_speaker_named_after_a_quote_ends_with_the_sentence() -> None:
    """multinews_sample test-209-0: the page's 'Guidelines:' line follows 'says Barbara.'"""
    found = speakers(
        "For the Sopers, three is simply their lucky number — \"we don't have any more "
        "planned,\" says Barbara. Guidelines: You share in the USA TODAY community, so please "
        "keep your comments smart and civil.",
    )
    assert found["we don't have any"] == "Barbara"


def test_people_joined_by_and_are_no_one_person() -> None:
    """ecbplus 2_7ecbplus: the producers speak together."""
    found = speakers(
        "Television icon Ellen DeGeneres will return to host the Oscars® for a second time, "
        "producers Craig Zadan and Neil Meron announced today.",
        "“ We are thrilled to have Ellen DeGeneres host the Oscars, ” said Zadan and Meron.",
    )
    assert found["We are thrilled to"] is None


def test_an_office_in_capitals_is_no_part_of_the_name() -> None:
    """ecbplus 27_16ecb."""
    found = speakers(
        "\"The browser flaw had been disclosed roughly one week ago as a zero-day vulnerability, "
        "and active exploits have been around the Internet for that timeframe as well,\" Qualys "
        "CTO Wolfgang Kandek said in an e-mailed statement.",
    )
    assert found["The browser flaw had"] == "Wolfgang Kandek"


def test_a_capitalised_description_is_no_name() -> None:
    """allsides_roundups 5841_right: 'The California Democrat' is Nancy Pelosi, no person
    named 'California Democrat'."""
    article = article_of(
        "Speaker Nancy Pelosi won’t be reconsidering an unprecedented decision to block two "
        "Republican appointees from a special committee tasked with investigating the Jan. 6 riot "
        "at the Capitol, even though it prompted GOP leaders to walk away from participating "
        "entirely.",
        "The California Democrat told reporters Thursday that Reps. Jim Jordan of Ohio and Jim "
        "Banks of Indiana have made statements that would jeopardize the integrity of the "
        "investigation.",
    )
    people = PersonIndex.build(article, [])
    at = article.body.index("The California Democrat")
    assert people.resolve("The California Democrat", at) == "Nancy Pelosi"


def test_a_titled_surname_before_the_full_name_is_no_namesake() -> None:
    """multinews_sample test-22-0: 'President Obama' opens the article; the only Obama named in
    full, further on, is Michelle Obama."""
    found = speakers(
        "“Now, this is real simple,” President Obama told a crowd at Prince George’s Community "
        "College, in Maryland, in late September.",
        "While right-wing news outlets have focused on the possible relationship between Toni "
        "Townes-Whitley, senior vice president for civilian-agency programs at CGI Federal, and "
        "Michelle Obama, both of whom were 1985 Princeton graduates, CGI’s selection is probably "
        "more an example of a dysfunctional system than it is a scandal.",
    )
    assert found["Now, this is real"] == "Obama"


# multinews_sample validation-61-2
KEURIG = (
    "Keurig’s explanation was a model of what not to tell angry consumers. The company said the "
    "change was for the consumer’s own good.",
    "“The My K-Cup accessory and other reusable filters are not compatible with Keurig 2.0 "
    "Brewing Technology,” the company explained on Facebook, “because the brewer has no way of "
    "determining what beverage is being used.”",
)


def test_a_described_body_is_the_organisation_the_sentences_before_are_about() -> None:
    """'the company' takes up Keurig, the subject of the sentences before (as its owner:
    'Keurig’s explanation'), though no name holds 'company' and Keurig did not speak."""
    assert speakers(*KEURIG)["The My K-Cup accessory"] == "Keurig"


def test_a_body_named_for_another_kind_of_body_is_not_the_one_described() -> None:
    """'the company' is no department: the Justice Department, the subject before, is not it;
    nor is a place, nor one of a list."""
    found = speakers(
        "The Justice Department sued the firm last week. It said the merger was unlawful.",
        "“We will fight this in court,” the company said.",
        "China, Burma and Laos all share the river.",
        "“The river is fragile,” the group said.",
    )
    assert found["We will fight this"] is None
    assert found["The river is fragile"] is None


# multinews_sample validation-88-4
TAKEI = (
    "\"Star Trek\" star George Takei had everyone fooled early Saturday morning when he tweeted "
    "that he was running for Congress in California against Devin Nunes in 2018.",
    "\"Well, the cat's out of the bag it seems. Let's do this! #Takei2018,\" the actor wrote, "
    "along with a link to a Daily Buzz article announcing his run.",
    "Hours later, he retweeted a post about April Fools posts before revealing it was in fact all "
    "part of an April Fools prank.",
    "George Takei: Terrorist Trump must resign now",
    "Celebrities who beamed aboard the 'Star Trek' franchise",
    "\"No, I'm not running for Congress. Happy 4/1! But Jon Ossoff is on 4/18. Help him win ... "
    "Let's flip Congress in '18,\" he wrote Saturday morning.",
    "Takei, 79, — an outspoken critic of President Trump — had many people fooled and also left "
    "a lot of people feeling disappointed.",
)


def test_a_heading_between_a_speaker_and_a_pronoun_names_no_one_referred_to() -> None:
    """The link to another story ('George Takei: Terrorist Trump must resign now') names
    Trump, but 'he wrote' still takes up the actor who spoke before it."""
    assert speakers(*TAKEI)["No, I'm not running"] == "George Takei"


def test_a_name_set_off_after_a_description_of_a_place_is_the_speaker() -> None:
    """multinews_sample test-120-0: 'the governor of Chiang Rai, Narongsak Osoththanakorn,
    told reporters': the governor named after the comma, not the province."""
    found = speakers(
        "Rescuers are now considering how best to bring the group to safety.",
        "\"We will not rush to take the lads out of the cave,\" the governor of Chiang Rai, "
        "Narongsak Osoththanakorn, told reporters.",
    )
    assert found["We will not rush"] == "Narongsak Osoththanakorn"


def test_a_place_opening_a_sentence_is_no_antecedent() -> None:
    """multinews_sample test-5-1: 'Singapore is much wealthier than Canada, he said': 'he'
    is the professor who spoke before, not the country the sentence opens with."""
    found = speakers(
        "The numbers are mind-boggling, said Josh Lepawsky, a professor at Memorial University.",
        "The map is surprising in parts, said Lepawsky.",
        "Singapore is much wealthier than Canada, he said, “when you look at e-waste generated.”",
    )
    assert found["when you look at"] == "Josh Lepawsky"


def test_an_office_in_two_capitals_is_no_part_of_the_name() -> None:
    """multinews_sample test-211-1: 'Former Adams County DA Bob Grant, ..., told ABC News':
    Bob Grant (no particle 'da'), whom the 'he' after is, not the paper named before."""
    found = speakers(
        "The letter has come under scrutiny following a joint investigation by the Boulder Daily "
        "Camera and Denver's KUSA-TV/9News.",
        "Former Adams County DA Bob Grant, one of a number of consultants on the case, told ABC "
        "News he was confounded by Lacy's 2008 decision. \"This is craziness,\" he said.",
    )
    assert found["This is craziness"] == "Bob Grant"


def test_a_name_after_the_that_opens_with_no_first_name_is_a_thing() -> None:
    """multinews_sample test-211-1: 'the Boulder Daily Camera' (later 'the Daily Camera
    report') is a newspaper, no person the 'he' after Lawrence Kobilinsky's words can be."""
    found = speakers(
        "The exoneration letter has come under scrutiny following a joint investigation by the "
        "Boulder Daily Camera and Denver's KUSA-TV/9News.",
        "But forensic pathologist Lawrence Kobilinsky with the John Jay College of Criminal "
        "Justice, who reviewed a summary of the Bode report prior to the publication of the Daily "
        "Camera report, told ABC News that ignoring the unknown male DNA would be a huge mistake. "
        "\"This is definitely a DNA case,\" he said.",
    )
    assert found["This is definitely a"] == "Lawrence Kobilinsky"


def test_a_short_line_with_no_stop_is_a_link_that_names_no_one() -> None:
    """multinews_sample validation-26-2: the link "Facebook AI 'will identify terrorists'"
    between paragraphs is no person; 'the Facebook founder' is Mark Zuckerberg."""
    found = speakers(
        "Mark Zuckerberg has revealed deep-seated concerns that the tide is turning against "
        "globalisation.",
        "Facebook AI 'will identify terrorists'",
        "\"It was as if it was a default assumption that people had,\" the Facebook founder said.",
    )
    assert found["It was as if"] == "Mark Zuckerberg"


def test_whom_a_role_is_of_is_not_who_holds_it() -> None:
    """multinews_sample validation-208-0: 'the son of Bob Goodlatte' is not Bob Goodlatte, nor
    'a spokesman for Sen. Rand Paul' the senator (anonymous); 'chief of staff John Kelly' is
    the chief taken up after."""
    found = speakers(
        "Bobby Goodlatte made the surprise announcement on Twitter Sunday night.",
        "\"I just maxed out to Jennifer Lewis,\" said the son of Bob Goodlatte, who is retiring.",
        "\"We are reviewing the report,\" a spokesman for Sen. Rand Paul said.",
        "\"We are in charge,\" said White House chief of staff John Kelly.",
        "\"It is over,\" the chief said.",
    )
    assert found["I just maxed out"] != "Bob Goodlatte"
    assert found["We are reviewing the"] is None
    assert found["It is over"] == "John Kelly"


# multinews_sample test-25-0
LAURI_LOVE = (
    "A high court ruling blocking extradition to the US of Lauri Love, a student accused of "
    "breaking into US government websites, has been welcomed by lawyers and human rights groups.",
    "In his judgment, Burnett said: “It would not be oppressive to prosecute Mr Love in England "
    "for the offences alleged against him. Far from it.”",
    "Emerging from the front of the court afterwards, Love said: “This is not just for myself. I "
    "hope this sets a precedent for the future.”",
    "At a press conference later, he added: “I am greatly relieved that I’m no longer facing the "
    "prospect of being locked up in a country I have never visited.”",
    "His father, the Rev Alexander Love, had said his son feared for his life.",
)


def test_the_articles_own_title_gives_a_persons_gender_over_the_name_list() -> None:
    """The name list calls 'Lauri' a woman's name; the article's 'Mr Love' (said in a quote)
    makes Lauri Love the 'he' who added, not his father named later."""
    assert speakers(*LAURI_LOVE)["I am greatly relieved"] == "Lauri Love"


# multinews_sample test-168-2 (shortened)
MAKUSHEV = (
    "The war of words spilled over into the U.N. Security Council, where U.S. Ambassador "
    "Samantha Power gave a sharply different version.",
    "Earlier on Monday, Gen. Igor Makushev said he had seen two Russian radar stations observe "
    "the presence of the second aircraft.",
    "“Russia must recognize that no move on the geopolitical chessboard with the West can "
    "offset the pain being felt by the passengers' families,” she said.",
)


def test_a_person_the_name_list_does_not_know_takes_the_gender_of_their_pronouns() -> None:
    """'Igor' is in no name list; 'Makushev said he had seen' makes him a man, so the
    'she' after him is the ambassador named before."""
    assert speakers(*MAKUSHEV)["Russia must recognize that"] == "Samantha Power"


MALAYSIA_FLIGHT = (
    "Gen. Makushev said that Russian radars could only spot the aircraft at the point of its "
    "ascension near Malaysia Airlines Flight 17. Russian radars spotted the unidentified plane "
    "patrolling in the vicinity of Flight 17, “controlling the development of the situation,” "
    "he said.",
)


def test_a_numbered_run_and_a_demonym_are_no_people() -> None:
    """'Malaysia Airlines Flight 17' is a flight and 'Russian radars' no person opening the
    sentence: 'he' is the general."""
    assert speakers(*MALAYSIA_FLIGHT)["controlling the development of"] == "Makushev"


# allsides_roundups 5836_right: the first paragraph is the standfirst
def test_a_body_described_takes_up_the_one_the_standfirst_names() -> None:
    article = Article(
        id="t",
        source="t.txt",
        title="House Freedom Caucus Asks McCarthy To Move To ‘Vacate’ Speaker’s Chair",
        standfirst="The House Freedom Caucus sent a letter to House Minority Leader Kevin "
        "McCarthy (R-CA) on Friday requesting that he attempt to remove House Speaker Nancy "
        "Pelosi (D-CA) from her position as Speaker.",
        paragraphs=[
            "The move is the most recent development in a series of actions taken by members of "
            "both parties over the past week.",
            "The caucus wrote to McCarthy, saying that they “respectfully request that you pursue "
            "the authorization of the House Republican Conference.”",
        ],
    )
    (quote,) = extract_quotes(article, indirect=False)
    assert quote.speaker == "House Freedom Caucus"


# multinews_sample validation-232-6, with the office written as a title before the name
DURBIN = (
    "Senate Majority Whip Dick Durbin (D-Ill.) on Sunday joined the chorus of Democrats "
    "criticizing House Oversight Committee Chairman Darrell Issa (R-Calif.) for releasing "
    "documents related to the attacks in Libya on the committee’s website.",
    'Appearing on "Fox News Sunday," the majority whip said the administration was continuing '
    "to “engage in a comprehensive investigation of what actually occurred” on Sept. 11.",
)


def test_a_description_by_an_office_the_article_wrote_as_a_title_is_its_holder() -> None:
    """No list knows 'whip' as a person's noun; the article wrote it as Durbin's title."""
    assert speakers(*DURBIN)["engage in a comprehensive"] == "Dick Durbin"


# multinews_sample validation-193-0
ST_MARTIN = (
    "Sandoval, a Republican and former federal judge, has been mentioned as a possible nominee.",
    "A Sandoval spokesman, Mari St. Martin, said Wednesday, “Neither Governor Sandoval nor his "
    "staff has been contacted by or talked to the Obama administration regarding any potential "
    "vetting for the vacancy on the U.S. Supreme Court.”",
)


def test_a_description_named_right_after_is_that_person() -> None:
    """'A Sandoval spokesman' names no one, but the name set off after it does."""
    assert speakers(*ST_MARTIN)["Neither Governor Sandoval nor"] == "Mari St. Martin"


def test_a_count_of_people_names_no_one():
    """'Seventeen percent of respondents', 'Thousands of Cubans': a count of unnamed people
    is no speaker (as 'one U.S. official' is not); a title opening with an ordinal still
    names its holder."""
    found = speakers(
        "Seventeen percent of respondents said that crime was either “extremely” or a “very "
        "serious” problem.",
        "Thousands of Cubans took to the streets on Sunday, chanting “We want freedom.”",
        "First Lady Melania Trump said the visit was “a great honor.”",
    )
    assert found["extremely"] is None and found["We want freedom."] is None
    assert found["a great honor."] == "Melania Trump"


def test_a_demonym_alone_names_no_one():
    """'Syrian authorities claim ...', 'Syrian state television said', 'The lanky Australian
    ... said' (multinews_sample, ecbplus): a country's people named by their demonym are no
    speaker called 'Syrian' or 'Australian'."""
    found = speakers(
        "Syrian authorities claim the opposition is made up of “terrorist” groups.",
        "Syrian state television said three “terrorists” and a member of the security forces "
        "were killed.",
        "The lanky Australian, who was recently named People magazine's Sexiest Man Alive, "
        "said “X-Men” was fun.",
    )
    assert found == {"terrorist": None, "terrorists": None, "X-Men": None}


# ecbplus 30_2ecb
SUBMARINE_CABLES = (
    "Many countries were affected by the outage, including India, Saudi Arabia, Egypt and "
    "Malaysia, which all lost a significant percentage on their voice traffic to Europe.",
    "Internet traffic also has been hit by the incident, according to Danny McPherson, chief "
    "security officer with Arbor Networks.",
    "His company's sensors reported that between 3,000 and 5,000 Internet routes in the region "
    "were off-line early Friday morning.",
    "These routes are the Internet's equivalent of dialing prefixes, meaning that computers "
    "that used them would be completely unreachable until service was restored.",
    '"It\'s significant that it was lost," he said',
)


def test_a_pronoun_takes_up_the_person_of_the_nearest_sentence_naming_one() -> None:
    """Two sentences naming no one lie between 'according to Danny McPherson, chief security
    officer with Arbor Networks' and 'he said': the pronoun is McPherson, the person of the
    nearest sentence that names one, not the organisation named last."""
    assert speakers(*SUBMARINE_CABLES)["It's significant that it"] == "Danny McPherson"


# ecbplus 18_6ecb
OFFICE_PARTY_FIRE = (
    "The other people at the office party were able to escape without injury, Const. Fanning "
    "said.",
    '"The shock was tremendous but all the other people in the business - and a dozen other '
    'people who were there for a Christmas party - managed to get out safely," Const. Fanning '
    "said.",
)


def test_an_abbreviated_rank_is_no_speaker_of_its_own() -> None:
    """'Const.' (constable) ends no sentence: the speaker is Fanning, not 'Const'."""
    assert speakers(*OFFICE_PARTY_FIRE)["The shock was tremendous"] == "Fanning"


# multinews_sample validation-88-4
TAKEI_APRIL_FOOL = (
    '"I went to bed realizing I\'d been April fooled by George Takei. Because I really wanted '
    'him to run for congress. We live in strange times," wrote TV producer and "Lucifer" '
    "showrunner Joe Henderson.",
)


def test_an_acronym_of_a_thing_is_no_speaker() -> None:
    """The mention stops at the quotation mark ('TV producer and'): 'TV' names no one."""
    assert speakers(*TAKEI_APRIL_FOOL)["I went to bed"] in (None, "Joe Henderson")


# newswcl50 1_L
TWITTER_MESSAGE = (
    "The redacted and declassified memos detail a series of phone calls and encounters between "
    "the two men in the months leading up to Mr. Comey's firing.",
    "Mr. Trump seized on the memos in a Twitter message posted late Thursday to repeat what has "
    'become a constant refrain, that there was "NO COLLUSION and NO OBSTRUCTION."',
)


def test_a_cue_after_the_object_of_a_preposition_is_a_participle() -> None:
    """'in a Twitter message posted late Thursday': the message is no subject of 'posted',
    so the words are the sentence's subject's, Mr. Trump's."""
    assert speakers(*TWITTER_MESSAGE)["NO COLLUSION and NO"] == "Trump"


# multinews_sample validation-26-2
LINKED_HEADLINE = (
    "Mark Zuckerberg has revealed deep-seated concerns that the tide is turning against "
    "globalisation.",
    "Read highlights from the interview with Facebook's founder",
    "Facebook AI 'will identify terrorists'",
    '"I think the reality is that over the long term that will be true.',
    '"If you are upset about the direction things are going in, I hope you don\'t just sit '
    'around and be upset," Mr Zuckerberg said.',
)


def test_a_linked_headline_before_a_quote_reports_no_one() -> None:
    """A scraped page's link to another story ('Facebook AI ...') is no report of who
    speaks next: the quote runs on to 'Mr Zuckerberg said'."""
    assert speakers(*LINKED_HEADLINE)["I think the reality"] == "Mark Zuckerberg"


# multinews_sample validation-37-0
SPIRIT = (
    "“We didn’t take this step lightly,” the Spirit said in a statement.",
    "“I am not going to stand up to show pride in a flag for a country that oppresses black "
    "people and people of color,” Kaepernick said afterward.",
    "The Spirit, however, was able to sidestep any controversy with its move Wednesday night. "
    "“As a veteran owned team, the national anthem holds an exceptionally special meaning for "
    "this organization,” the team’s statement continued.",
)


def test_a_document_owned_by_a_described_body_is_that_body_s_words() -> None:
    """'the team’s statement' speaks for 'the team', the Spirit the sentence before is about."""
    assert speakers(*SPIRIT)["As a veteran owned"] == "Spirit"


# multinews_sample test-158-1
HEMA_QUEBEC = (
    "Alexandre Bissonnette will remain in custody until his next court appearance on Feb. 21.",
    "On Monday afternoon, Laval University confirmed that he is a student, and is now barred "
    "from all activities effective immediately until all judicial proceedings are over.",
    "His employer, Héma-Québec, issued a statement saying the organization is “shocked” to "
    "learn that he was among their employees. Bissonnette was a member of their call centre "
    "team.",
    "“As an organization whose primary mission is dedicated to the gift of life, these events "
    "have sent a shock wave through the organization,” the non-profit agency said.",
)


def test_a_described_body_is_the_organisation_a_subject_names_in_apposition() -> None:
    """'the non-profit agency' is Héma-Québec, named between commas after the subject's
    description ('His employer, Héma-Québec, issued'), not the university before."""
    assert speakers(*HEMA_QUEBEC)["As an organization whose"] == "Héma-Québec"


# multinews_sample test-59-1
WWF = (
    "The Huffington Post reports that the WWF made the finds, 208 creatures in total, in a "
    "biodiverse region straddling the Mekong River threatened by habitat loss.",
    "One of the picks of the new discoveries: a nose-less monkey swinging from the trees of a "
    "remote province of northeast Burma. “While this species, sporting an Elvis-like "
    "hairstyle, is new to science, the local people of Myanmar know it well,” the "
    "Switzerland-based group said in its report released Monday.",
)


def test_a_described_body_is_the_one_a_report_tells_of_not_the_outlet_telling() -> None:
    """'the Switzerland-based group' is the WWF, whose finds The Huffington Post reports."""
    assert speakers(*WWF)["While this species, sporting"] == "WWF"


# multinews_sample validation-76-1
FOREIGN_MINISTRY = (
    "President Bashar al-Assad's security forces launched attacks in several regions, "
    "opposition activists said.",
    "“The two parties call for the Syrian government and armed groups to implement a daily "
    "humanitarian pause,” the foreign ministry said.",
)


def test_a_ministry_is_a_body_its_name_calls_a_ministry() -> None:
    """'the foreign ministry' is no body whose name is not a ministry's ('President Bashar',
    the subject before): no one, where the article names no ministry."""
    assert speakers(*FOREIGN_MINISTRY)["The two parties call"] is None


# multinews_sample validation-9-1
QUESTION_HEADING = (
    "“He really needs a lawyer,” Ms. O’Sullivan said of Mr. Trump.",
    "Did Trump have lawful authority to fire Comey?",
    "Yes. But courts have ruled that otherwise lawful acts can constitute obstruction of justice "
    "if done with corrupt intentions. In a 1998 case, a federal appeals court upheld the "
    "conviction of a lawyer. The court ruled that the defendant’s “nominally "
    "litigation-related conduct” was unlawful.",
)


def test_a_question_names_no_body_a_description_takes_up() -> None:
    """'The court' is not 'Did Trump', read as the subject of a question heading."""
    quotes = extract_quotes(article_of(*QUESTION_HEADING), indirect=False)
    assert [q.speaker for q in quotes if q.text.startswith("nominally")] == [None]


# multinews_sample test-161-3
TAKATA = (
    "Takata admitted last month that faults in its airbags could cause their inflaters to "
    "explode with too much force when they deploy.",
    "Mr. Takada made his remarks at a news conference after Takata’s annual shareholder "
    "meeting. He had briefly addressed the airbag issue at the last meeting a year ago.",
    "Mr. Takada shed little new light on the nature of the defects, and he acknowledged that "
    "Takata was making slow progress with its investigation. The company said it had identified "
    "manufacturing failures.",
    "Questions still surround what the company calls “beta cases,” involving inflaters that were "
    "not subject to any known mishandling during production but that ruptured anyway.",
)


def test_a_titled_person_is_no_body_a_description_takes_up() -> None:
    """'the company' is Takata, not 'Mr. Takada', a person by his title though the index has
    no full name for him."""
    quotes = extract_quotes(article_of(*TAKATA), indirect=False)
    assert [q.speaker for q in quotes if q.text.startswith("beta")] == ["Takata"]


# newswcl50 7_R; ecbplus 19_10ecbplus; multinews_sample test-61-0
OWNED_DOCUMENTS = (
    "The White House also said it had reached an agreement with South Korea on steel imports "
    "following discussions on a revised trade agreement.",
    "\"In all of these negotiations,\" the White House statement said, \"the Administration is "
    "focused on quotas that will restrain imports.\"",
    "Police said two Brooklyn South Anti Crime plainclothes officers had been on patrol when "
    "they noticed young males near 473 East 52nd Street.",
    "According to the NYPD's statement, the cops noticed one \"break away from the group upon "
    "noticing the police.\"",
    "State's Attorney Marilyn Mosby must review the evidence, consider charges and decide how "
    "to move forward in the death of Gray.",
    "Batts said police would keep probing at the direction of the state's attorney, while Mosby "
    "stressed that her office is doing its own investigation.",
    "\"We are not relying solely on their findings but rather the facts that we have gathered "
    "and verified,\" her statement said.",
)


def test_a_document_is_the_words_of_the_owner_its_description_names() -> None:
    """'the White House statement', 'the NYPD's statement', 'her statement': the name before
    the document's noun, or its possessive owner, wrote it."""
    found = speakers(*OWNED_DOCUMENTS, title="")
    assert found["In all of these"] == "White House"
    assert found["break away from the"] == "NYPD"
    assert found["We are not relying"] == "Marilyn Mosby"


# allsides_roundups 5819_left; multinews_sample test-92-3, test-227-2; ecbplus 12_4ecb
INTRODUCED_DOCUMENTS = (
    "The direction came in an opinion released Friday by the Justice Department's Office of "
    "Legal Counsel, which provides legal advice to the executive branch.",
    "Under the department's interpretation of federal law, according to the opinion, \"Treasury "
    "must furnish...\"",
    "In court filings, Cohen's attorney said that Cohen has seven clients for whom he provides "
    "\"strategic advice and business consulting.\"",
    "After publication, Columbus Nova provided a statement from its attorney, Richard Owens.",
    "\"Columbus Nova is a management company solely owned and controlled by Americans,\" the "
    "statement said.",
    "\"Shortening breakout times have implications for any negotiation with Iran,\" stated the "
    "report by the Institute for Science and International Security.",
)
INDIAN_STATEMENT = (
    "The Mysore and its helicopter sped to the scene, according to a statement from the Indian "
    "government.",
    "Indian marine commandoes boarded the pirate boats and seized \"a substantial cache of arms "
    "and equipment,\" the statement said.",
)


def test_a_document_is_its_introducers_words() -> None:
    """The author named where the article introduces the document: after a time ('released
    Friday by'), right before the verb that gave it ('Columbus Nova provided a statement'),
    in the description's own 'by' phrase; a demonym alone ('the Indian government') is
    nobody's name."""
    found = speakers(*INTRODUCED_DOCUMENTS, title="")
    assert found["Treasury must furnish..."] == "Justice Department's Office of Legal Counsel"
    assert found["Columbus Nova is a"] == "Columbus Nova"
    assert found["Shortening breakout times have"] == (
        "Institute for Science and International Security"
    )
    assert speakers(*INDIAN_STATEMENT, title="")["a substantial cache of"] is None


# ecbplus 27_10ecbplus
LONE_WORD_COMPANY = (
    "Microsoft has just released a new security update for Internet Explorer in order to patch "
    "a flaw affecting all versions of the company’s in-house browser.",
    "While Microsoft claims that it has received reports of attacks aimed at Internet Explorer 8 "
    "and 9, it appears that the security flaw affects all the other versions of the browser.",
    "“This issue could allow remote code execution if an affected system browses to a website "
    "containing malicious content,” the company explained.",
    "“This will help prevent exploitation but may affect usability; therefore, trusted sites "
    "should be added to the Internet Explorer Trusted Sites zone to minimize disruption,” "
    "Microsoft said.",
)


def test_a_word_said_alone_that_nothing_makes_a_person_may_be_the_company() -> None:
    """'Microsoft said' counts 'Microsoft' as someone, but no full name, first name, title
    or pronoun makes it a person: 'the company' is Microsoft, the subject before."""
    assert speakers(*LONE_WORD_COMPANY, title="")["This issue could allow"] == "Microsoft"


# multinews_sample test-25-3
RULING = (
    "The UK's High Court has ruled that accused British hacker Lauri Love should not be "
    "extradited to the US to face charges. In a central London court decision, the judges "
    "ruled Love should stay in the UK.",
    "The judges ruled that Love's extradition would be \"oppressive\" due to his health "
    "conditions.",
    "Despite the ruling, the judges said the UK's Crown Prosecution Service should \"bend its "
    "endeavours\" to prosecute Love over the charges he faces. \"If proven, these are serious "
    "offences indeed,\" the ruling says.",
)


def test_a_ruling_is_the_words_of_the_body_named_as_ruling() -> None:
    """'the ruling' is made by the last name the article writes right before 'ruled' ('The
    UK's High Court has ruled'); 'The judges ruled' names no one."""
    assert speakers(*RULING, title="")["If proven, these are"] == "UK's High Court"


# multinews_sample validation-202-1
ADVERB_AFTER_DESCRIPTION = (
    "The decision to rush through emergency legislation came after a court struck down the laws "
    "banning certain drugs.",
    "In what the Court of Appeal said was a “constitutional issue of far-reaching importance”, "
    "the three-judge court unanimously said a regulation making the possession of "
    "methylethcathinone illegal was invalid.",
)


def test_a_manner_adverb_before_the_cue_is_no_part_of_the_description() -> None:
    """'the three-judge court unanimously said': the court is the Court of Appeal."""
    quotes = extract_quotes(article_of(*ADVERB_AFTER_DESCRIPTION), indirect=False)
    assert [(q.speaker_mention, q.speaker) for q in quotes] == [
        ("the three-judge court", "Court of Appeal")
    ]


# allsides_roundups 6012_center
ADMINISTRATION_GOAL = (
    "Why it matters: The highly anticipated summit offers an early test of the Biden "
    "administration's goal of holding Russia accountable for its abuses while seeking a more "
    "\"stable\" and \"predictable\" relationship.",
    "The big picture: Tensions between the U.S. and Russia have soared in the first six months "
    "of the Biden presidency.",
)


def test_a_name_whose_body_noun_the_mention_left_off_is_the_body() -> None:
    """'Biden' of "the Biden administration's goal": the administration, not Biden."""
    quotes = extract_quotes(article_of(*ADMINISTRATION_GOAL, title=""), indirect=False)
    assert {q.speaker for q in quotes} == {"Biden administration"}


# allsides_roundups 5694_left; multinews_sample test-22-1, validation-47-1
BODY_SUBJECTS = (
    "Customs and Border Protection is sending extra manpower to deal with the crush of migrants "
    "in the Del Rio Sector, the agency said in a statement to ABC News.",
    "\"The Border Patrol is increasing its manpower in the Del Rio Sector and coordinating "
    "efforts within DHS and other relevant federal, state and local partners to immediately "
    "address the current level of migrant encounters and to facilitate a...",
)
SENTENCE_BEFORE = (
    "In December 2006, CMS put out a request for proposals. The agency said it was seeking "
    "“world-class IT services” to improve and maintain the massive systems that run Medicare "
    "and Medicaid.",
)
JOINED_NAME = (
    "The Syrian Observatory for Human Rights said earlier explosions rocked Homs and shelling "
    "was occurring in Baba Amr. Twenty people were wounded when a large shell struck an "
    "anti-government gathering in Homs, the group said.",
)


def test_a_described_body_is_the_subject_its_sentence_or_the_one_before_names() -> None:
    """'the agency' is the subject of the clause it reports ('Customs and Border Protection
    is sending ..., the agency said'); 'The agency' opening a sentence is the subject of the
    sentence before (CMS), which was skipped; a name joined by 'and', 'of' or 'for' is one
    body's."""
    quotes = extract_quotes(article_of(*BODY_SUBJECTS, title=""), indirect=False)
    assert {q.speaker for q in quotes} == {"Customs and Border Protection"}
    assert speakers(*SENTENCE_BEFORE, title="")["world-class IT services"] == "CMS"
    quotes = extract_quotes(article_of(*JOINED_NAME, title=""), indirect=True)
    assert {q.speaker for q in quotes if q.text.startswith("Twenty")} == {
        "Syrian Observatory for Human Rights"
    }


# allsides_roundups 5660_right
HEADLINE_COMPANY = (
    "The social media company will remove any content that “falsely alleges” vaccines approved "
    "by the World Health Organization (WHO) are dangerous or ineffective at reducing "
    "transmission, as well as content that claims the vaccines contain certain substances, "
    "YouTube said in a blog post Wednesday announcing its new guidelines.",
)


def test_a_described_body_opening_an_article_is_the_one_its_headline_opens_with() -> None:
    """'The social media company' before any body is named: YouTube, the headline's subject,
    as far as the body writes it ('YouTube Expands Crackdown On ...' is title case)."""
    title = "YouTube Expands Crackdown On Vaccine Misinformation, Targets Specific Accounts"
    quotes = extract_quotes(article_of(*HEADLINE_COMPANY, title=title), indirect=False)
    assert [q.speaker for q in quotes if q.text == "falsely alleges"] == ["YouTube"]


# allsides_roundups 5690_left
COMMAND = (
    "An investigation by U.S. Central Command has determined that an Aug. 29 drone strike in "
    "Kabul killed an innocent aid worker and nine members of his family, not a member of the "
    "ISIS-K terrorist group, a top general announced Friday.",
    "The command now assesses that “it is unlikely” the man and vehicle targeted was affiliated "
    "with ISIS-K.",
)


def test_a_command_is_a_body_its_name_calls_a_command() -> None:
    """'The command' is U.S. Central Command, named before with that noun."""
    quotes = extract_quotes(article_of(*COMMAND, title=""), indirect=False)
    assert [q.speaker for q in quotes] == ["Central Command"]



# multinews_sample test-114-0
TIERNEY = (
    "“Biggest problem, to me, in the world, is nuclear, and proliferation,” Trump said at the "
    "time.",
    "Experts remain confused and in some cases unnerved by the nature of Trump’s foray into the "
    "nuclear weapons discussion. On Thursday, John Tierney, a former Democratic congressman and "
    "current executive director of the Center for Arms Control and Non-Proliferation, presented "
    "Trump’s tweet as perilous.",
    "“It is dangerous for the President-elect to use just 140 characters and announce a major "
    "change in U.S. nuclear weapons policy, which is nuanced, complex, and affects every single "
    "person on this planet,” he said in a statement, warning that an expansion threatens a "
    "nuclear arms race.",
    "“The potential consequences of changing U.S. nuclear weapons policy so drastically are "
    "simply unimaginable,” he warned.",
)


def test_a_possessive_name_is_not_whom_a_cue_gives_the_words() -> None:
    """'John Tierney ... presented Trump’s tweet as perilous': the 'he' after is Tierney, not
    the man whose tweet it was."""
    found = speakers(*TIERNEY)
    assert found["It is dangerous for"] == "John Tierney"
    assert found["The potential consequences of"] == "John Tierney"


# multinews_sample validation-9-5
BURR = (
    "Multiple news outlets are now reporting that James Comey wrote in a memo that Donald Trump "
    "asked him to drop the FBI’s investigation of former national security adviser Michael "
    "Flynn.",
    "If true, this is a serious abuse of power. But we don’t know yet if the New York Times "
    "account is true. Senate Intelligence Committee Chairman Richard Burr raised reasonable "
    "objections:",
    "“I actually believe the director might have told us that there’d been a request like that "
    "and it was never mentioned by him,” the North Carolina Republican told reporters.",
)


def test_a_description_no_descriptor_confirms_is_the_subject_of_the_sentence_before() -> None:
    """Nothing the article says makes Burr a North Carolina Republican: the description is
    the person the sentence before has as its subject, not the first person named."""
    assert speakers(*BURR)["I actually believe the"] == "Richard Burr"


# multinews_sample test-115-0
PALLONE = (
    "President-elect Donald Trump will nominate former Texas Gov. Rick Perry to lead the Energy "
    "Department.",
    "Rep. Frank Pallone, the top Democrat on the House Energy and Commerce Committee, said "
    "Perry's expected nomination \"defies all logic,\" citing the former governor's previous "
    "interest in dismantling the agency.",
    "The New Jersey lawmaker, who won't get to vote on Perry's nomination, also zinged the "
    "incoming DOE chief for his reality show adventure earlier this year: \"Governor Perry is "
    "simply not qualified for this position and should be rejected.\"",
)


def test_a_description_is_not_the_lead_person_when_the_sentence_before_has_a_subject() -> None:
    """'The New Jersey lawmaker' after 'Rep. Frank Pallone, ..., said Perry's expected
    nomination': Pallone, not Perry whom the article is about."""
    assert speakers(*PALLONE)["Governor Perry is simply"] == "Frank Pallone"


# newswcl50 5_LL
JOHNSON = (
    "Donald Trump will arrive in Britain on Thursday for a working visit.",
    "US Ambassador Woody Johnson said on Friday: \"He's very thick-skinned. He knows what he "
    "wants to do.\"",
    "The US President had been warned by London's mayor, Sadiq Khan, that he should expect to "
    "see demonstrators during his \"working visit\".",
    "Reports suggest Trump will meet the Queen during the visit.",
)


def test_a_description_of_an_office_is_no_one_the_article_gives_another() -> None:
    """'The US President' after a sentence whose subject is 'US Ambassador Woody Johnson':
    an ambassador is not the president, so the person the article is about (newswcl50 5_LL,
    headline and all: named more than twice as often as anyone else)."""
    title = "Donald Trump's UK visit on 13 July confirmed as mass protests planned"
    assert speakers(*JOHNSON, title=title)["working visit"] == "Donald Trump"


# allsides_roundups 5636_center
PFIZER = (
    "Pfizer\xa0tweeted\xa0on Thursday that the companies had submitted their formal request for "
    "Emergency Use Authorization of the vaccine to the Food and Drug Administration.",
    '"With new cases in children in the U.S. continuing to be at a high level, this submission '
    'is an important step in our ongoing effort against #COVID19," the pharmaceutical giant '
    "said.",
)


def test_a_giant_is_a_body_described_like_a_company() -> None:
    """'the pharmaceutical giant' takes up the body the sentence before has as its subject."""
    assert speakers(*PFIZER)["With new cases in"] == "Pfizer"


# allsides_roundups 5680_right
HAITIANS = (
    "Thousands of Haitian migrants who were camping out at the small Texas border town of Del "
    "Rio have been released into the US, a new report said.",
    "In recent days, Haitians have been freed on “a very, very large scale” and given notices to "
    "appear at an immigration office within 60 days, a US official\xa0told the Associated Press.",
)


def test_a_demonym_in_the_plural_is_no_speaker() -> None:
    """'Haitians' is a people, not a person or body named: the quote of an unnamed US
    official has no speaker."""
    assert speakers(*HAITIANS)["a very, very large"] is None


# allsides_roundups 5880_center
FDA_AND_CDC = (
    'What they\'re saying:\xa0"People who are fully vaccinated are protected from severe disease '
    'and death, including from the variants currently circulating in the country such as '
    'Delta," the FDA and CDC said.',
    '"Americans who have been fully vaccinated do not need a booster shot at this time. FDA, '
    'CDC, and [the National Institutes...',
)


def test_bodies_joined_by_and_are_a_group_no_one_speaker() -> None:
    """'the FDA and CDC': two bodies the article also names apart speak together, no one
    speaker ('Customs and Border Protection' is one body, its parts never written alone)."""
    assert speakers(*FDA_AND_CDC)["People who are fully"] is None


# multinews_sample test-140-1
MARTY_MARTIN = (
    "You've probably never heard of Marty Martin. He spent most of his life as an anonymous CIA "
    "operative.",
    "Martin, of course, never succeeded in catching bin Laden. He ran the CIA's bin Laden unit "
    "from 2002 to 2004, a fact that we now know only because he emerged to grab some credit "
    "for bin Laden's death and celebrate the agency's discontinued torture program: \"We got "
    'beat up for it, but those efforts led to this great day," he told the Associated Press '
    "three weeks ago.",
)
# multinews_sample test-78-1
JUAN_WILLIAMS = (
    "UPDATE: Fox News announced Thursday that it had signed Juan Williams to a new, multi-year "
    "contract, which the Los Angeles Times reported was worth $2 million. Among other things, "
    "Williams will now write columns for FoxNews.com, the first of which appeared on Thursday "
    "afternoon.",
    "In the column, Williams excoriated NPR and its leadership for the decision to fire him. He "
    'said he was let go for "telling the truth" about his feelings of nervousness when he sees '
    "people he thinks are clearly Muslim on airplanes. He called his debate with Bill O'Reilly "
    "-- where he also told the Fox News host to be careful about painting all Muslims as "
    'extremists -- an "honest, sensitive" one "in the best American tradition of a fair, '
    'full-throated and honest discourse about the issues of the day."',
)


def test_a_pronoun_in_a_sentence_whose_subject_is_the_same_pronoun_follows_that_subject() -> None:
    """'He ran the CIA's bin Laden unit ... “...,” he told': the sentence's subject 'He' is
    Martin, so the 'he' of the cue is Martin, not bin Laden, named first after that subject."""
    assert speakers(*MARTY_MARTIN)["We got beat up"] == "Marty Martin"
    found = speakers(*JUAN_WILLIAMS)
    assert found["honest, sensitive"] == "Juan Williams"


# multinews_sample test-34-2 ('Yu' is a woman's name in the name list)
DARVISH = (
    "HOUSTON – The World Series was roiled by a race-related incident in Friday night’s Game 3 "
    "when Houston Astros first baseman Yuli Gurriel made a racist gesture in the wake of "
    "hitting a home run off Los Angeles Dodgers starter Yu Darvish.",
    "Darvish, the Japanese right-hander in his sixth major league season, said after the game "
    "that he'd seen a replay of the sequence and said he was “disappointed” in Gurriel’s "
    "gesture.",
    '"Acting like that…is disrespectful to people around the world," Darvish said through his '
    "interpreter after the Astros' 5-3 victory in Game 3.",
    "Darvish seemed subdued, but forgiving of Gurriel's gesture.",
    '"Nobody’s perfect. And everybody’s different," he says.',
)


def test_the_articles_pronouns_overrule_the_name_lists_gender() -> None:
    """Two sentences whose subject is Yu Darvish take him up as 'he' and 'his': he is a man
    whatever the name list says of 'Yu', so the later 'he says' can be him."""
    assert speakers(*DARVISH)["Nobody’s perfect. And everybody’s"] == "Yu Darvish"
