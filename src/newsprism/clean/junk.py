"""Known kinds of page junk, as data: each kind has a description and line patterns.

A pattern is a regular expression searched in the normalised line (casefolded, diacritics
stripped, apostrophes unified, spaces collapsed). It only fires on lines of at most
`max_words` words, so a keyword inside a long body paragraph does not take the paragraph.
Add a kind or a pattern here; nothing else needs to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.clean.literals import required_literals


@dataclass(frozen=True)
class JunkKind:
    name: str
    description: str
    patterns: tuple[str, ...]
    max_words: int = 40
    # Whether it fires on a line with double quotes too (most kinds do not: the line may be
    # speech); for notices whose wording is never speech.
    quoted: bool = False
    # Each pattern compiled, with strings one of which any match must contain (a fast
    # pre-check: most lines contain none of them, and no regular expression runs).
    compiled: tuple[tuple[re.Pattern[str], frozenset[str] | None], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        compiled = tuple((re.compile(p), required_literals(p)) for p in self.patterns)
        object.__setattr__(self, "compiled", compiled)


JUNK_KINDS: tuple[JunkKind, ...] = (
    JunkKind(
        "appeal",
        "appeals for money or support: donations, contributions, membership",
        (
            r"\byour (support|donations?|contributions?|generosity) (helps|makes|allows|keeps|enables|means|matters|funds|pays)\b",
            r"^(please )?(donate|support us|support our (journalism|work|reporting|newsroom))\b",
            r"\b(donate|give|contribute) (now|today|here)\b",
            r"\bplease (consider )?(donating|supporting (us|our)|making a (donation|contribution))\b",
            r"\bbecome a (member|supporter|patron)\b",
            r"\b(without|with|behind) (a )?paywalls?\b",
            r"\bpaid for by (those|readers|people) who can afford\b",
            r"\bindependent journalism (needs|relies on)\b",
        ),
        max_words=70,
    ),
    JunkKind(
        "subscription",
        "subscription and paywall prompts, sign-in walls",
        (
            r"^(subscribe|subscribe now|sign in|log in|register)\b",
            r"\b(already a subscriber|subscribers? only|subscribe (now|today|to (read|continue|unlock)))\b",
            r"\b(unlock|get) (full|unlimited|digital) access\b",
            r"\bto continue reading\b",
            r"\b\d+ issues for\b",
            r"\bfor as little as\b",
            r"\bsubscriber agreement\b",
            r"\b(get|start) (your )?(free )?trial\b",
        ),
        max_words=30,
    ),
    JunkKind(
        "cookie",
        "cookie and consent notices",
        (
            r"\bcookies?\b.*\b(accept|consent|enable|settings|policy|preferences|view this)\b",
            r"\b(accept|allow|enable|manage) (all )?cookies\b",
            r"\bconsent (preferences|settings|choices)\b",
            r"\bprivacy (settings|preferences)\b.*\b(change|manage|update)\b",
        ),
        max_words=60,
    ),
    JunkKind(
        "newsletter",
        "newsletter sign-up prompts",
        (
            r"\bnewsletters?\b.*\b(sign up|subscribe|inbox|delivered)\b",
            r"\b(sign up|subscribe|subscribing|inbox|delivered)\b.*\bnewsletters?\b",
            r"\b(sign|signing) up (for|to) (our|the)\b.*\b(newsletter|alerts|briefing|email)\b",
            r"\benter your e-?mail\b",
            r"^sign up\b",
        ),
        max_words=35,
    ),
    JunkKind(
        "social",
        "social sharing and 'follow us' prompts",
        (
            r"^(share|tweet|pin|email)( this( article| story| page)?)?( on [a-z]+)?$",
            r"^share (on|via) ",
            r"\bfollow (us|@\w+|[a-z ]{1,30}) on (twitter|x|facebook|instagram|tiktok|threads)\b",
            r"^like us on facebook\b",
            r"click to tweet$",
            r"\bfollow (him|her|them|us|me) on (twitter|x|facebook|instagram)\b",
            r"\bshare (it|this|this story|this article) with (a friend|your friends)\b",
            r"^like this (story|article)\?",
            r"^reach the (reporters?|writers?|authors?) (on|at)\b",
            r"^(facebook|twitter|whatsapp|linkedin|email|copy link)( (facebook|twitter|whatsapp|linkedin|email|copy link))+$",
        ),
        max_words=20,
    ),
    JunkKind(
        "video",
        "video and embed prompts that stand in for media",
        (
            r"^watch (on youtube|on vimeo|the video|video|now|live|more|the full)\b",
            r"\b(video|embed|content) (is )?(unavailable|not available)\b",
            r"\byour browser does not support\b",
            r"^(play|replay) video\b",
            r"\bthis (video|embed|content) (is|can|cannot|requires)\b",
            r"^rating is available when the video has been rented\b",
            r"\bmedia playback is (unsupported|not supported)\b",
        ),
        max_words=20,
    ),
    JunkKind(
        "video player",
        "a video player's captions: what was just watched, what to watch next",
        (r"^just watched\b.*\breplay more videos\b",),
        max_words=40,
    ),
    JunkKind(
        "unavailable",
        "notices that a page, a feature or the script it needs is not available",
        (
            r"^(sorry, )?this (feature|page|article|story|content) (is (not|no longer|currently not) available|could not be found|has been removed|no longer exists)\b",
            r"\b(enable|turn on) javascript\b",
        ),
        max_words=25,
    ),
    JunkKind(
        "social-embed",
        "text standing in for an embedded post: tweet-location notices, embed code",
        (
            r"\b(add location information to your tweets|when you tweet with a location)\b",
            r"^add this (tweet|video) to your website by copying the code\b",
            r"^see more of .{1,60} on (facebook|instagram)$",
        ),
        max_words=45,
    ),
    JunkKind(
        "web-archive",
        "web-archive crawl and collection notices (Internet Archive, Wayback Machine, Archive-It)",
        (
            r"\bcrawl(s are part of an effort to archive| data to the internet archive| was run at a level|s of supported|s performed by)\b",
            r"\bwarc files\b",
            r"^(the )?seed for (this crawl|wide\d+) was\b",
            r"\b(inter-?domain (links?|navigational)|(slash pages from every|highly ranked urls per) domain)\b",
            r"\b(using the|harvested through) archive-it\b",
            r"\breferences to these archived pages\b",
            r"\b(these web captures are available|for more information about this collection please)\b",
            r"\bcollaborative project to preserve\b.*\bweb ?sites\b",
        ),
        max_words=90,
        quoted=True,
    ),
    JunkKind(
        "form",
        "sign-up and verification form text: robot checks, verification mails, mailing lists",
        (
            r"\bverify (that )?you'?re not a robot\b",
            r"\b(sent you a|receive the) verification (e-?mail|message)\b",
            r"\bjoin our mailing list\b",
            r"\b(get|sign up for) breaking news (e-?mails|alerts)\b",
            r"\bget push notifications\b",
        ),
        max_words=80,
    ),
    JunkKind(
        "read-more",
        "'read more', related-article and round-up pointers",
        (
            r"^(read more|read next|related|related articles?|more on this( story)?|recommended|see also|you may also like|more from|further reading|trending)\b",
            r"^(the )?most (read|popular|viewed|shared|emailed)( (stories|articles|news|today|now|this week))?$",
            r"^read (our|the) ([a-z -]+ )?(round-?up|full story|report|live blog|analysis|coverage)\b",
            r"^(click|tap) here\b",
            r"^read (below|on)\b",
            r"^(see more|don't miss|must read|also read|read also|more|related|more coverage|latest)\s*:",
            r"^(don't miss|must read|popular on \S+|also on \S+\.[a-z]{2,4})\b",
            r"^also:",
            r"^\[?related:",
            r"^\(?(leggi anche|lesen sie auch|leia tambem|lire aussi|lea tambien|vea tambien|ver tambien|zie ook|czytaj takze)\b",
            r"\[(video|insight|reaction|pictures|photos|gallery|poll|watch|live|analysis|opinion)\]\|?$",
        ),
        max_words=20,
    ),
    JunkKind(
        "image-credit",
        "image credits and captions",
        (
            r"^(photo|image|picture|illustration|photograph)s?( by|:| credit)",
            r"^(credit|source|photo credit)s?:",
            r"\((getty( images)?|ap( photo)?|reuters|afp|pa( wire| media)?|epa|shutterstock)\)$",
            r"^(getty images|ap photo|reuters|afp via getty images|pa wire|shutterstock)\b",
            r"^(image|photo|picture) (copyright|caption)\b",
        ),
        max_words=25,
    ),
    JunkKind(
        "rights",
        "copyright and rights lines",
        (
            r"^(©|copyright\b|\(c\) )",
            r"\ball rights reserved\b",
            r"\bmay not be (published|broadcast|rewritten|redistributed)\b",
            r"\bthis copy is for your personal,? non-commercial use\b",
        ),
        max_words=60,
    ),
    JunkKind(
        "app-promo",
        "app promotions",
        (
            r"\b(download|get) (our|the) ([a-z ]{0,30})?app\b",
            r"\bavailable on the (app store|google play)\b",
        ),
        max_words=30,
    ),
    JunkKind(
        "comments",
        "comment prompts and counters",
        (
            r"^(comments?|leave a comment|add a comment|show comments|view comments|join the (conversation|discussion))\b",
            r"^\d+ comments?$",
            r"^tell us what you think\b",
            r"\bcomments? (are|have been) (closed|disabled)\b",
            r"\b(comentarios|commentaires|kommentare|commenti)\b.*\b(moderador|moderateur|moderator|moderatore|aprovados|approved)\b",
        ),
        max_words=25,
    ),
    JunkKind(
        "translation",
        "machine-translation notices",
        (
            r"\b(automatically|machine)[- ]translated\b",
            r"\berrors in (the )?translation\b",
            r"\boriginal [a-z]+-language version\b",
        ),
        max_words=70,
    ),
    JunkKind(
        "advertisement",
        "advertisement markers",
        (
            r"^(advertisement|advert|ad|sponsored( content)?|paid content|story continues below( advertisement)?)$",
        ),
        max_words=5,
    ),
    JunkKind(
        "byline",
        "bylines and update stamps standing alone",
        (
            r"^by [a-z][a-z'.-]+( [a-z][a-z'.-]+){0,3}( and [a-z][a-z'.-]+( [a-z][a-z'.-]+){0,3})?$",
            r"^(published|updated|last updated|first published)( on| at)?[: ]",
            r"^\(?(reporting|writing|editing|additional reporting|compiled|edited) by\b",
            r"^write to .* at \S+@\S+",
            r"\bcontributed (reporting|to this (report|article|story))\b",
            r"^\d{1,2}:\d{2} ?[ap]\.?m\.?\b.* by [a-z]",
            r"\b(publicado por|posted by|publie par|veroffentlicht von|written by|pubblicato da)\b",
            r"^by$",
        ),
        max_words=12,
    ),
    JunkKind(
        "dateline",
        "a date or time stamp standing alone",
        (
            r"^((mon|tues|wednes|thurs|fri|satur|sun)day,? )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b",
            r"^\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}\b",
            r"^([a-z]+-feira, )?\d{1,2} de [a-z]+ de \d{4}\b",
            r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}( \d{1,2}:\d{2})?$",
            r"^\D{0,20}\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2}(:\d{2})?)?\W*$",
        ),
        max_words=12,
    ),
    JunkKind(
        "reading-time",
        "reading-time stamps",
        (
            r"\b(\d+ min(ute)?s? read|reading time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura)\b",
        ),
        max_words=8,
    ),
    JunkKind(
        "page-tools",
        "print, share, text-size and other page controls",
        (
            r"^(print|print article|print this( article| page)?|text size|font size|email( this)?( article| story)?|save( article| story)?|order reprints|reprints|bookmark|listen to this article|show more|load more|back to top|skip to (main )?content)$",
            r"^an error has occurred\b",
            r"^e-?mail this( article| story)? to a friend\b",
            r"^this (article|story) has been sent to\b",
            r"^thank you$",
        ),
        max_words=10,
    ),
    JunkKind(
        "boilerplate",
        "press-release boilerplate: the company description, share listing, media contacts",
        (
            r"^[\w&.' -]{2,40} is (a|an|the) (leading |global |world-leading |worldwide |world's leading |international )*([\w-]+ ){0,4}(provider|manufacturer|company|developer|supplier|maker|firm|group|organi[sz]ation) (of|focused on|for|that|in|with)\b",
            r"\bis headquartered in\b.*\b(employs|employees|countries|offices)\b",
            r"\b(shares|stock) (are|is) (listed|traded) on\b",
            r"^(media|press) (contacts?|enquiries|inquiries)\b",
            r"^(forward-looking statements?|safe harbor statement)\b",
            r"^(###|-ends-|- ends -)$",
        ),
        max_words=90,
    ),
    JunkKind(
        "contact",
        "company registration, postal and phone details of the publisher",
        (
            r"\b(cnpj|caixa postal|registered office|company (registration|number|no)|vat (no|number|reg))\b",
            r"^(tel|phone|fone|fax|telefone)\s*[:.]?\s*[+(]?\d",
        ),
        max_words=45,
    ),
    JunkKind(
        "link",
        "a bare web address on a line of its own",
        (
            r"^(https?://|www\.)\S+$",
            r"^[\w.+-]+@[\w-]+\.[\w.]+$",
            r"^([\w-]+\.)+(com|org|net|co|io|info|news)(/\S*)?$",
            r"\bhttps?://\S+.*\bhttps?://\S+",
        ),
        max_words=14,
    ),
    JunkKind(
        "tags",
        "tag, topic and category lists",
        (
            r"^(tags|tagged|filed under|topics|categories|categorias|categorias|kategorien|schlagworte)\s*:",
        ),
        max_words=40,
    ),
)

# Labels that sites put before a headline or on a line of their own.
SECTION_LABELS: frozenset[str] = frozenset(
    {
        "analysis", "breaking", "breaking news", "comment", "exclusive", "explainer",
        "feature", "football", "interview", "live", "match report", "news", "opinion",
        "podcast", "press conference", "preview", "review", "sport", "video", "watch",
        "tags", "categories", "categorias", "related", "related stories", "share",
        "share this", "topics", "more",
    }
)  # fmt: skip

# Lines that are junk whole (normalised, outer punctuation stripped): one lookup, no pattern.
WHOLE_LINES: dict[str, str] = {
    **dict.fromkeys(
        (
            "facebook", "twitter", "google", "google plus", "google+", "youtube", "instagram",
            "pinterest", "reddit", "tumblr", "linkedin", "whatsapp", "play facebook",
            "tweet with a location", "add a location to your tweets",
        ),
        "social-embed",
    ),
    **dict.fromkeys(("photo", "image", "photos"), "image-credit"),
    **dict.fromkeys(
        (
            "story continued below", "continue reading the main story",
            "advertisement continue reading the main story",
        ),
        "advertisement",
    ),
    **dict.fromkeys(("scroll down for video", "scroll down for the video"), "video"),
    **dict.fromkeys(("javascript is disabled", "javascript is required"), "unavailable"),
    "text size": "page-tools",
}  # fmt: skip

FlatPatterns = tuple[tuple[str, re.Pattern[str], tuple[str, ...] | None], ...]


def _by_length(kinds: tuple[JunkKind, ...]) -> tuple[FlatPatterns, ...]:
    """The table flattened for the hot loop, once per line length: at index n, the
    (kind, pattern, needles) that may fire on a line of n words, in table order."""
    longest = max((kind.max_words for kind in kinds), default=-1)
    return tuple(
        tuple(
            (kind.name, pattern, tuple(needles) if needles else None)
            for kind in kinds
            if words <= kind.max_words
            for pattern, needles in kind.compiled
        )
        for words in range(longest + 1)
    )


PATTERNS_BY_LENGTH = _by_length(JUNK_KINDS)
QUOTED_BY_LENGTH = _by_length(tuple(kind for kind in JUNK_KINDS if kind.quoted))


def junk_kind(normalised_line: str, words: int, quoted: bool = False) -> str | None:
    """The first kind with a pattern that matches the line (and allows its length); of a
    line with double quotes, only among the kinds that allow them."""
    table = QUOTED_BY_LENGTH if quoted else PATTERNS_BY_LENGTH
    if words >= len(table):
        return None
    for name, pattern, needles in table[words]:
        if needles is not None:
            for needle in needles:
                if needle in normalised_line:
                    break
            else:
                continue
        if pattern.search(normalised_line):
            return name
    return None


LINK_KIND = next(kind for kind in JUNK_KINDS if kind.name == "link")


def is_web_address(text: str) -> bool:
    """Whether `text` is a bare web or mail address, also with a tokeniser's spaces in it
    ('http: / / newsone. com / 2376991 / ...')."""
    compact = "".join(text.split()).lower()
    return any(pattern.search(compact) for pattern, _ in LINK_KIND.compiled)
