"""Known kinds of page junk, as data: each kind has a description and line patterns.

A pattern is a regular expression searched in the normalised line (casefolded, diacritics
stripped, apostrophes unified, spaces collapsed). It only fires on lines of at most
`max_words` words, so a keyword inside a long body paragraph does not take the paragraph.
Add a kind or a pattern here; nothing else needs to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class JunkKind:
    name: str
    description: str
    patterns: tuple[str, ...]
    max_words: int = 40
    compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", tuple(re.compile(p) for p in self.patterns))


JUNK_KINDS: tuple[JunkKind, ...] = (
    JunkKind(
        "appeal",
        "appeals for money or support: donations, contributions, membership",
        (
            r"\byour (support|donation|contribution|generosity)s?\b",
            r"\b(please )?(donate|make a (donation|contribution)|chip in)\b",
            r"\bsupport (us|our (journalism|work|reporting|newsroom))\b",
            r"\bbecome a (member|supporter|patron)\b",
            r"\bpaywalls?\b",
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
        ),
        max_words=20,
    ),
    JunkKind(
        "read-more",
        "'read more', related-article and round-up pointers",
        (
            r"^(read more|read next|related|related articles?|more on this( story)?|recommended|see also|most (read|popular|viewed)|you may also like|more from|further reading|trending)\b",
            r"^read (our|the) ([a-z -]+ )?(round-?up|full story|report|live blog|analysis|coverage)\b",
            r"^(click|tap) here\b",
            r"^read (below|on)\b",
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
        ),
        max_words=35,
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
            r"\bcomments? (are|have been) (closed|disabled)\b",
        ),
        max_words=15,
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
        ),
        max_words=12,
    ),
)

# Labels that sites put before a headline or on a line of their own.
SECTION_LABELS: frozenset[str] = frozenset(
    {
        "analysis", "breaking", "breaking news", "comment", "exclusive", "explainer",
        "feature", "football", "interview", "live", "match report", "news", "opinion",
        "podcast", "press conference", "preview", "review", "sport", "video", "watch",
    }
)  # fmt: skip
