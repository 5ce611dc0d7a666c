from newsprism.clean import clean_document, junk_reason
from newsprism.clean.cleaner import split_glued_junk
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
