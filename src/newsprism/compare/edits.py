"""The word-level edits between a quote and the source passages it was aligned to, each with
its kind (what the edit does to the meaning) and the label that kind earns.

A change can only change the meaning where the words around it align: an edit needs two
aligned words among the few on each side of it to count as `altered`; elsewhere it is shown
as `unaligned` and labels nothing. Quote words before the first passage or after the last
are `beyond` the source (it printed less of the statement there), not additions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from rapidfuzz.distance import Indel

from newsprism.compare.align import Alignment, Passage, editorial_marks
from newsprism.compare.lexicon import (
    BACKSHIFTS,
    FILLER_PHRASES,
    FILLERS,
    HEDGES,
    HONORIFICS,
    LIGHT_PREPOSITIONS,
    MODALS,
    NEGATIONS,
    PERFECT_AUXILIARIES,
    amount,
    are_synonyms,
    hedge_phrases,
    is_abbreviation,
    is_initialism,
    is_light,
    is_number,
    is_stop,
    matching_form,
    modal_senses,
    near_words,
    number_value,
    same_spelling,
    same_stems,
    same_word_family,
    stem,
)
from newsprism.model import Edit
from newsprism.names import TITLES
from newsprism.text import Token, fold, word_tokens

MIN_CONTEXT = 2  # aligned words needed on each side of a change of meaning,
CONTEXT_WINDOW = 4  # among this many quote words next to it
ABBREVIATION_LETTERS = 4
LONG_CUT = 4  # source words left out in one place beyond which an edit is a cut
SWAP_WORDS = 2  # a content-word swap is this many words a side at most
HYPHEN_RE = re.compile(r"[-‐‑–—]")
DESCRIBING = frozenset({"the", "a", "an", "this", "that"})  # 'the defendant', 'this man'
PUNCTUATION_RE = re.compile(r"\s*[^\w\s]+\s*")
SENTENCE_STOPS = frozenset(".!?;:…")
ANCHORED_WORDS = 5  # a run of words shared with the source, for the quote's edges to reword

# Words that stand for a person or thing named elsewhere, and the light verbs that make a
# phrase of them say something of its own.
REFERRING = frozenset(
    """i me my we us our you your he him his she her it its they them their this that these
    those one ones there here""".split()
)
REFERENCE_VERBS = frozenset("is are was were be been being am have has had do does did".split())

EDIT_LABELS: dict[str, str | None] = {
    "cut": "trimmed",
    "filler": "tidied",
    "function-word": "tidied",
    "synonym": "tidied",
    "inflection": "tidied",
    "spelling": "tidied",
    "abbreviation": "tidied",
    "number-format": "tidied",
    "contraction": "tidied",
    "conjunction": "tidied",
    "bracket": "tidied",
    "referent": "tidied",
    "tense": "tidied",
    "repetition": "tidied",
    "order": "tidied",
    "handle": "tidied",
    "title": "tidied",
    "content-word": "altered",
    # Words inside the quote that the source lacks, between words it carries: as often the
    # source's cut as the reporter's addition, so never an alarm, but no longer the same
    # words as one unbroken run of the source either.
    "added": "tidied",
    "edge-added": None,  # words the quote goes on with where the source's quote stops
    "hedge": "altered",
    "modal": "altered",
    "negation": "altered",
    "number": "altered",
    "unaligned": None,
    "reworded": None,
    "beyond": None,
}
MEANING_KINDS = frozenset(kind for kind, label in EDIT_LABELS.items() if label == "altered")


def classify_edit(
    op: str,
    reported: list[str],
    source: list[str],
    repeated: bool = False,
    reported_speech: bool = True,
) -> str:
    """The kind of one edit, from its normalised words (source -> reported); `repeated`: the
    words left out stand again right beside them in the source ('we will not, we will not');
    `reported_speech`: the quote goes on from the writer's own sentence, whose tense a modal
    may take ('saying that "details would be set out"')."""
    if op == "delete" and repeated:
        return "repetition"
    if op == "replace":
        if same_spelling(reported, source):
            return "spelling"
        value = number_value(reported)
        if value is not None and value == number_value(source):
            return "number-format"
        if (written := amount(reported)) is not None and written == amount(source):
            return "number-format"  # '$18,000,000' for '$18 million'
        if list(map(matching_form, reported)) == list(map(matching_form, source)):
            return "number-format"  # 'once-every-5-years' for 'once-every-five-years'
    if len(source) - len(reported) >= LONG_CUT:
        # A stretch left out, whatever words it held (with a word or two in its place).
        return "cut" if _within(reported, source) else "reworded"
    if op == "replace" and len(reported) == len(source) == 1:
        if (source[0], reported[0]) in BACKSHIFTS:
            # Moved into the past to fit the writer's sentence; in a quotation standing on
            # its own ('"... we could do nothing but ..."' for 'we can') the modal changed.
            return "tense" if reported_speech else "modal"
        styles = {reported[0].rstrip("."), source[0].rstrip(".")}
        if styles <= TITLES and not styles.isdisjoint(HONORIFICS):
            return "title"  # 'Mr.' for 'General': how a person is styled
    changed = set(reported) ^ set(source) if op == "replace" else set(reported or source)
    hedged = hedge_phrases(reported) ^ hedge_phrases(source)
    if hedged:
        rest = changed - {w for pair in hedged for w in pair}
        if not (op == "replace" and _reworded_around(rest, reported, source)):
            return "hedge"  # 'I think quite successfully' -> 'very successfully'
    for kind, words in (("negation", NEGATIONS), ("hedge", HEDGES)):
        if kind == "hedge" and _hedge_cut_away(op, reported, source):
            return "cut"  # 'trying to break a' -> 'the': the attempt and its object left out
        if changed & words:
            if op != "delete" and _reworded_around(changed - words, reported, source):
                # 'are ineffective' -> 'do not play a role'; a clause put in that says
                # something of its own ('... is just not true') adds words, it flips none
                return "reworded" if op == "replace" else "added"
            return kind
    if changed & MODALS:
        if modal_senses(reported) != modal_senses(source):
            return "modal"
        if op == "replace" and all(is_light(w) for w in changed - MODALS):
            return "function-word"  # "I'll" for "I'm going to": one future, written two ways
    if _number_changed(reported, source):
        return "number"
    if op == "delete":
        if tuple(source) in FILLER_PHRASES:
            return "filler"
        if any(w in FILLERS for w in source) and all(is_light(w) for w in source):
            return "filler"
        if len(source) == 1 and source[0] in PERFECT_AUXILIARIES:
            return "tense"  # 'has progressed' -> 'progressed': the tense smoothed
        # Any other word left out between words the quote keeps is a cut (DESIGN.md:
        # trimmed), a function word too ('realize that life' -> 'realize life').
        return "cut"
    if op == "insert":
        return "function-word" if all(is_light(w) for w in reported) else "added"
    return _replaced(reported, source, changed)


def _hedge_cut_away(op: str, reported: list[str], source: list[str]) -> bool:
    """A hedge left out with the words it bore on, a word or so of the quote in their place
    (the source's words less some): a cut, not the claim made firmer."""
    return (
        op == "replace"
        and not set(reported) & HEDGES
        and len(source) - len(reported) >= SWAP_WORDS
        and any(not is_light(w) and w not in HEDGES for w in source)
        and _within(reported, source)
    )


def _reworded_around(rest: set[str], reported: list[str], source: list[str]) -> bool:
    """A phrase told in other words with a negation or hedge among them: more than a swap of
    words besides it, and content words changed too (a flip is the same words negated)."""
    longer = max(len(reported), len(source)) > SWAP_WORDS + 1
    return longer and any(not is_light(w) for w in rest)


def _replaced(reported: list[str], source: list[str], changed: set[str]) -> str:
    if all(is_light(w) for w in changed):
        return "function-word"
    if are_synonyms(reported, source):
        return "synonym"
    if same_stems(reported, source) or same_word_family(reported, source):
        return "inflection"
    if _abbreviated(reported, source):
        return "abbreviation"
    if all(is_light(w) for w in source):
        if _refers(source):
            return "referent"  # 'that' -> 'the homer', 'he' -> 'Obama': who or what is meant
        # Function words told in the quote's own words ('to' -> 'responsible so that it does',
        # 'look at' -> 'see'): nothing of the source's changed, words of the quote's put in.
        return "added"
    if _within(reported, source):
        return "cut"
    # A word or two swapped changes what was said; a longer stretch in other words is the
    # statement told otherwise.
    return "content-word" if max(len(reported), len(source)) <= SWAP_WORDS else "reworded"


def _refers(source: list[str]) -> bool:
    """The words stand for someone or something (a pronoun, 'that', 'any of that'), no verb
    among them ("they're in", "I've been" say what someone does or is)."""
    return not REFERENCE_VERBS & set(source) and not REFERRING.isdisjoint(source)


def _within(reported: list[str], source: list[str]) -> bool:
    """The reported words are the source's, less some (a cut, not a change), a preposition
    put in at most."""
    return {stem(w) for w in reported if not is_light(w) and w not in LIGHT_PREPOSITIONS} <= {
        stem(w) for w in source if not is_light(w)
    }


def _number_changed(reported: list[str], source: list[str]) -> bool:
    """A number changed, added or dropped; 'one' alone is as often a pronoun ('not one I
    wanted') and counts only against another number."""
    numbers = {w for w in reported if is_number(w)}, {w for w in source if is_number(w)}
    if numbers[0] == numbers[1]:
        return False
    return bool(numbers[0] and numbers[1]) or (numbers[0] | numbers[1]) != {"one"}


def _abbreviated(reported: list[str], source: list[str]) -> bool:
    if is_initialism(reported, source) or is_initialism(source, reported):
        return True
    if len(reported) != 1 or len(source) != 1:
        return False
    short, long = sorted((reported[0], source[0]), key=len)
    return len(short) <= ABBREVIATION_LETTERS and is_abbreviation(short, long)


class EditBuilder:
    """Edits of one quote against one alignment (quote tokens index `quote_text`, source
    tokens index `body`, the source article's text)."""

    def __init__(
        self,
        quote_text: str,
        q_tokens: list[Token],
        alignment: Alignment,
        body: str,
        reported_speech: bool = True,
    ) -> None:
        self.quote_text = quote_text
        self.reported_speech = reported_speech
        self.q_tokens = q_tokens
        self.alignment = alignment
        self.body = body
        self.editorial = editorial_marks(quote_text, q_tokens)
        self.q_index = {id(t): n for n, t in enumerate(q_tokens)}
        self.s_index = alignment.source.index_of
        # Quote words aligned to a source word or paired with a near one ('suspending' for
        # 'suspend'): the context a change of meaning needs around it.
        self.aligned = list(alignment.aligned)
        self.changes: list[tuple[Edit, tuple[int, int]]] = []
        self.edge_words = 0  # quote words at its edges that reword the source's sentence
        # Inside the run, a stretch of the source's content words told in other content words
        # ('engulfed in flame' -> 'ablaze', 'felt that this' -> 'thought it'): the statement
        # told otherwise there, not a word swapped.
        self.told_inside = False

    def edits(self) -> list[Edit]:
        """Every edit, source -> reported; a change of meaning without aligned words on both
        sides of it is `unaligned`."""
        edits = self._all_edits()
        for edit, at in self.changes:
            swap = at[1] - at[0] <= SWAP_WORDS and len(edit.source.split()) <= SWAP_WORDS
            if min(self._context(at, swap)) < MIN_CONTEXT:
                edit.kind = "unaligned"
        _mark_moved(edits)
        return edits

    def _all_edits(self) -> list[Edit]:
        edits: list[Edit] = []
        q_done = 0
        passages = self.alignment.passages
        for number, passage in enumerate(passages):
            if passage.q_start > q_done:
                gap = self.q_tokens[q_done : passage.q_start]
                if number == 0:
                    edits.extend(self._edge(gap, leading=True))
                else:
                    edits.append(self._edit("insert", gap, [], at=(q_done, passage.q_start)))
            edits.extend(self._inside(passage))
            q_done = passage.q_end
        if q_done < len(self.q_tokens):
            edits.extend(self._edge(self.q_tokens[q_done:], leading=False))
        return edits

    def _edge(self, gap: list[Token], leading: bool) -> list[Edit]:
        """Words at an edge that the source does not carry: the writer's own where they stand
        in brackets ('[My stomach churns over] really stupid stuff'); words of the aligned
        sentence where the source's sentence goes on there in words the quote does not print
        ('Don't believe those misleading dog stations' for 'Do not believe the channels
        belonging to stray dogs'): that sentence reworded; else words beyond the source (it
        printed less of the statement there)."""
        if self._editorial(gap, []):
            return [self._edit("insert", gap, [], kind="bracket")]
        reported = self._in_sentence(gap, leading)
        source = self._source_sentence_beyond(leading) if reported else []
        if not (source and self._anchored() and _about_as_long(reported, source)):
            return [self._edit("insert", gap, [], kind="beyond")]
        self.edge_words += len(reported)
        rest = gap[: len(gap) - len(reported)] if leading else gap[len(reported) :]
        reworded = self._edit("replace", reported, source, kind="reworded")
        if not rest:
            return [reworded]
        beyond = self._edit("insert", rest, [], kind="beyond")
        return [beyond, reworded] if leading else [reworded, beyond]

    def _anchored(self) -> bool:
        """The quote is mostly the source's words, with a run of some length among them: not
        a phrase or two it shares with another sentence ('Moonlight won best picture'
        against 'We would have loved to have won best picture')."""
        longest = max(p.longest_block for p in self.alignment.passages)
        return longest >= ANCHORED_WORDS and 2 * self.alignment.matched >= len(self.q_tokens)

    def _in_sentence(self, gap: list[Token], leading: bool) -> list[Token]:
        """The gap's words next to the aligned words, back (on) to a sentence's end."""
        q_tokens = self.q_tokens
        edge = q_tokens[len(gap)] if leading else q_tokens[len(q_tokens) - len(gap) - 1]
        return _same_sentence(self.quote_text, edge, gap, leading)

    def _source_sentence_beyond(self, leading: bool) -> list[Token]:
        """The source quote's words of the aligned sentence that lie before (after) the
        passage, in the same quote."""
        source = self.alignment.source
        passage = self.alignment.passages[0 if leading else -1]
        start = end = passage.s_start if leading else passage.s_end
        if leading:
            while start > 0 and source.unit[start - 1] == passage.unit:
                start -= 1
        else:
            while end < len(source.unit) and source.unit[end] == passage.unit:
                end += 1
        edge = source.tokens[passage.s_start if leading else passage.s_end - 1]
        return _same_sentence(self.body, edge, source.tokens[start:end], leading)

    def _inside(self, passage: Passage) -> Iterator[Edit]:
        q_part = self.q_tokens[passage.q_start : passage.q_end]
        s_part = self.alignment.source.tokens[passage.s_start : passage.s_end]
        ops = Indel.opcodes([t.norm for t in q_part], [t.norm for t in s_part])
        q_run: list[Token] = []
        s_run: list[Token] = []
        run_start = 0
        for op in ops:
            if op.tag == "equal":
                yield from self._pair_off(q_run, s_run, passage.q_start + run_start)
                yield from self._contractions(
                    q_part[op.src_start : op.src_end], s_part[op.dest_start : op.dest_end]
                )
                q_run, s_run, run_start = [], [], op.src_end
                continue
            q_run = q_run + q_part[op.src_start : op.src_end]
            s_run = s_run + s_part[op.dest_start : op.dest_end]
        yield from self._pair_off(q_run, s_run, passage.q_start + run_start)

    def _pair_off(self, q_run: list[Token], s_run: list[Token], at: int) -> Iterator[Edit]:
        """Runs of non-matching words; within a run, words that are near-equal (a synonym,
        an inflection, a spelling close enough) are paired off so each swap is its own edit."""
        if not q_run and not s_run:
            return
        q_words, s_words = [t.norm for t in q_run], [t.norm for t in s_run]
        if (
            q_run
            and s_run
            and _punctuation_only(_surface(self.quote_text, q_run), _surface(self.body, s_run))
        ):
            return  # 'vice-presidential' for 'vice presidential', "year's" for "year ’ s"
        if q_run and s_run and _one_word(q_words, s_words):
            yield self._diff(q_run, s_run, at)  # 'wheel chair' -> 'wheelchair': one edit
            return
        if (
            q_run
            and s_run
            and _same_time(_surface(self.quote_text, q_run), _surface(self.body, s_run))
        ):
            yield self._edit("replace", q_run, s_run, kind="number-format")  # '6:41pm' -> '18:41'
            return
        # Words the quote leaves out of a long stretch are a cut, whatever they hold.
        long_cut = len(s_run) - len(q_run) >= LONG_CUT
        q_at = s_at = 0
        for q_index, q_token in enumerate(q_run):
            s_index = _nearest(q_token.norm, s_run, s_at)
            if s_index is None:
                continue
            if q_index > q_at or s_index > s_at:
                yield self._diff(q_run[q_at:q_index], s_run[s_at:s_index], at + q_at, long_cut)
            yield self._diff([q_token], [s_run[s_index]], at + q_index)
            self.aligned[at + q_index] = True
            q_at, s_at = q_index + 1, s_index + 1
        if q_at < len(q_run) or s_at < len(s_run):
            yield self._diff(q_run[q_at:], s_run[s_at:], at + q_at, long_cut)

    def _diff(
        self, q_tokens: list[Token], s_tokens: list[Token], at: int, long_cut: bool = False
    ) -> Edit:
        op = "replace" if q_tokens and s_tokens else ("insert" if q_tokens else "delete")
        if op == "delete" and (self._ellipsis_at(at) or (long_cut and not _all_light(s_tokens))):
            return self._edit(op, q_tokens, s_tokens, kind="cut")
        if op == "delete" and [t.norm for t in s_tokens] == ["and"]:
            between = self._between(at)
            if "&" in between:  # 'safe, effective, & our best defense': the word as a sign
                return self._edit(op, q_tokens, s_tokens, kind="spelling")
            if any(stop in between for stop in ".;:!?"):
                # 'win it and then we will see' -> 'win it. Then we will see': one sentence
                # split in two (a list's 'and' left out is a cut)
                return self._edit(op, q_tokens, s_tokens, kind="conjunction")
        return self._edit(op, q_tokens, s_tokens, at=(at, at + len(q_tokens)))

    def _between(self, at: int) -> str:
        """What the quote prints between its tokens `at - 1` and `at`."""
        if not 0 < at < len(self.q_tokens):
            return ""
        return self.quote_text[self.q_tokens[at - 1].end : self.q_tokens[at].start]

    def _ellipsis_at(self, at: int) -> bool:
        """The quote marks a cut before its token `at` ('…', '...')."""
        start = self.q_tokens[at - 1].end if at else 0
        end = self.q_tokens[at].start if at < len(self.q_tokens) else len(self.quote_text)
        between = self.quote_text[start:end]
        return "…" in between or "..." in between

    def _contractions(self, q_part: list[Token], s_part: list[Token]) -> Iterator[Edit]:
        """Equal words written differently: "don't" for "do not" (one surface word on one
        side, two on the other)."""
        start = 0
        for k in range(len(q_part)):
            last = k + 1 == len(q_part)
            if not last and (
                _same_word(q_part[k], q_part[k + 1]) or _same_word(s_part[k], s_part[k + 1])
            ):
                continue
            q_words = {(t.start, t.end) for t in q_part[start : k + 1]}
            s_words = {(t.start, t.end) for t in s_part[start : k + 1]}
            if len(q_words) != len(s_words):
                yield self._edit(
                    "replace", q_part[start : k + 1], s_part[start : k + 1], kind="contraction"
                )
            elif self.quote_text[q_part[start].start] == "[":
                yield self._edit("replace", q_part[start : k + 1], s_part[start : k + 1], "bracket")
            start = k + 1

    def _edit(
        self,
        op: str,
        q_tokens: list[Token],
        s_tokens: list[Token],
        kind: str | None = None,
        at: tuple[int, int] | None = None,
    ) -> Edit:
        if kind is None:
            kind = self._kind(op, q_tokens, s_tokens)
        if kind == "added" and at is not None and (at[0] == 0 or at[1] >= len(self.q_tokens)):
            # At the quote's edge, where the source's quote stops ('of such an important...'
            # for '... an important right.'): the source printed less there.
            kind = "edge-added"
        edit = Edit(
            op=op,  # type: ignore[arg-type]
            reported=_surface(self.quote_text, q_tokens),
            source=_surface(self.body, s_tokens),
            kind=kind,
        )
        if kind == "reworded" and at is not None and _says_something(q_tokens, s_tokens):
            self.told_inside = True
        if kind in MEANING_KINDS:
            self.changes.append((edit, at or (0, 0)))
        return edit

    def _kind(self, op: str, q_tokens: list[Token], s_tokens: list[Token]) -> str:
        if self._editorial(q_tokens, s_tokens):
            return "bracket"
        # The writer's words in brackets or parentheses inside the run ('5,500 meters (3.4
        # miles)' for '5,500m') are no change of the speaker's: the kind is the rest's.
        spoken = [t for t in q_tokens if not self.editorial[self.q_index[id(t)]]]
        if spoken and len(spoken) < len(q_tokens):
            op, q_tokens = ("replace" if s_tokens else "insert"), spoken
        if any(self._handle(t) for t in q_tokens) and s_tokens:
            return "handle"  # '@TheJusticeDept' for 'the Justice Department': a name's form
        reported, source = [t.norm for t in q_tokens], [t.norm for t in s_tokens]
        kind = classify_edit(op, reported, source, self._repeated(s_tokens), self.reported_speech)
        if kind == "number" and self._numbers_kept():
            kind = _without_numbers(op, reported, source)
        if kind == "negation" and self._as_many_negations():
            kind = "reworded"  # moved: 'I didn't feel we were' for 'I feel we weren't'
        if kind == "negation" and op != "replace" and self._answer(q_tokens or s_tokens):
            kind = "filler"  # 'No, that's not even close': an answer's 'No' negates nothing
        if kind == "filler" and op == "delete" and self._after_negation(s_tokens):
            kind = "hedge"  # 'didn't really ask' -> 'didn't ask': a qualified denial made flat
        if kind == "content-word" and self._masked(s_tokens):
            kind = "spelling"  # 'fuck' for 'f***'
        if kind == "cut" and op == "replace" and _pronoun_for_name(q_tokens, s_tokens, self.body):
            kind = "referent"
        if kind == "content-word" and self._name_for_description(q_tokens, s_tokens):
            kind = "referent"  # 'Orozco' for 'the defendant': who is meant, named
        if kind == "content-word" and self._described_by_its_name(q_tokens, s_tokens):
            kind = "referent"  # 'the organization' for 'the company': the Trump Organization
        return kind

    def _described_by_its_name(self, q_tokens: list[Token], s_tokens: list[Token]) -> bool:
        """One noun after 'the' swapped for another, where the quote's is the last word of a
        name the quote or its source quote writes ('the Trump Organization ... into the
        organization' for '... into the company'): one body described two ways. Not a title
        ('the president' for 'the governor', with 'Vice President Biden' near, is another
        person)."""
        if len(q_tokens) != 1 or len(s_tokens) != 1 or q_tokens[0].norm in TITLES:
            return False
        q_at, s_at = self.q_index[id(q_tokens[0])], self.s_index[id(s_tokens[0])]
        source = self.alignment.source
        if not (q_at and s_at and self.q_tokens[q_at - 1].norm == source.norms[s_at - 1] == "the"):
            return False
        word, other = _surface(self.quote_text, q_tokens), _surface(self.body, s_tokens)
        if not (word.islower() and other.islower()):
            return False  # descriptions both, neither a name's own word
        name_re = re.compile(rf"\b([A-Z][\w'’.&-]*) {re.escape(word.capitalize())}\b")
        texts = [self.quote_text, *(source.quotes[u].text for u in self.alignment.units)]
        return any(
            not is_light(found.group(1).lower())
            for text in texts
            for found in name_re.finditer(text)
        )

    def _answer(self, tokens: list[Token]) -> bool:
        """The words are a lone 'no' opening a sentence, a comma or stop after it, in the
        quote or the source ('No, I don't think that')."""
        if [t.norm for t in tokens] != ["no"]:
            return False
        token = tokens[0]
        text = self.quote_text if id(token) in self.q_index else self.body
        before = text[: token.start].rstrip()
        after = text[token.end : token.end + 1]
        opens = not before or before[-1] in ".!?:;\"“‘'"
        return opens and after in {",", ".", "!", ";", "—"}

    def _name_for_description(self, q_tokens: list[Token], s_tokens: list[Token]) -> bool:
        """The quote names whom the source describes ('the defendant'), by a name the source
        article itself writes as one (capitalised after a lower-case word)."""
        described = [self.body[t.start : t.end] for t in s_tokens]
        if len(described) < 2 or described[0].lower() not in DESCRIBING:
            return False
        if not all(word[:1].islower() for word in described[1:]):
            return False
        name = _surface(self.quote_text, q_tokens)
        if not all(word[:1].isupper() for word in name.split()):
            return False
        return re.search(rf"[a-z,;] +{re.escape(name)}\b", self.body) is not None

    def _handle(self, token: Token) -> bool:
        """A word written as a social-media handle or hashtag ('@FBI', '#Oscars')."""
        return token.start > 0 and self.quote_text[token.start - 1] in "@#"

    def _repeated(self, s_tokens: list[Token]) -> bool:
        """The source says these words twice in a row, and the quote once."""
        if not s_tokens:
            return False
        norms = self.alignment.source.norms
        at = self.s_index[id(s_tokens[0])]
        size = len(s_tokens)
        here = norms[at : at + size]
        return here == norms[at + size : at + 2 * size] or here == norms[max(0, at - size) : at]

    def _after_negation(self, s_tokens: list[Token]) -> bool:
        """The source words left out stand right after a negation ('not really')."""
        at = self.s_index[id(s_tokens[0])]
        return at > 0 and self.alignment.source.norms[at - 1] in NEGATIONS

    def _masked(self, s_tokens: list[Token]) -> bool:
        """A source word printed with asterisks for letters ('f***')."""
        return len(s_tokens) == 1 and self.body[s_tokens[0].end : s_tokens[0].end + 1] == "*"

    def _editorial(self, q_tokens: list[Token], s_tokens: list[Token]) -> bool:
        """Words the writer added in brackets, on either side ('[Dana]', '(its direction)')."""
        source = self.alignment.source
        quote_side = bool(q_tokens) and all(self.editorial[self.q_index[id(t)]] for t in q_tokens)
        source_side = bool(s_tokens) and all(
            source.editorial[self.s_index[id(t)]] for t in s_tokens
        )
        return quote_side or source_side

    def _as_many_negations(self) -> bool:
        """The quote negates as often as the passages it was aligned to: a negation moved."""
        norms = self.alignment.source.norms
        in_source = sum(
            norms[i] in NEGATIONS
            for p in self.alignment.passages
            for i in range(p.s_start, p.s_end)
        )
        return in_source == sum(t.norm in NEGATIONS for t in self.q_tokens)

    def _numbers_kept(self) -> bool:
        """Every number of the quote stands in the source quotes it was aligned to (and it has
        one where they do): 'three individuals — three kids' for 'three kids' repeats a
        number, 'by 2020' for 'in 2020' moves one; neither changes it."""
        source = self.alignment.source
        units = self.alignment.units
        in_source = {
            w
            for w, unit in zip(source.norms, source.unit, strict=True)
            if unit in units and is_number(w)
        }
        in_quote = {w for t in self.q_tokens if is_number(w := matching_form(t.norm))}
        return in_quote == in_source or (bool(in_quote) and in_quote <= in_source)

    def _context(self, at: tuple[int, int], swap: bool) -> tuple[int, int]:
        """Aligned quote words among the few before and the few after tokens [start, end);
        an edge set against the source up to a break counts as aligned for a word or two
        swapped ('in a combat zone' for 'in a combat mission.'), not for more."""
        passages = self.alignment.passages
        before = sum(self.aligned[max(0, at[0] - CONTEXT_WINDOW) : at[0]])
        after = sum(self.aligned[at[1] : at[1] + CONTEXT_WINDOW])
        if swap and passages[0].bounded_start and at[0] <= passages[0].q_start:
            before = MIN_CONTEXT
        if swap and passages[-1].bounded_end and at[1] >= passages[-1].q_end:
            after = MIN_CONTEXT
        opens, closes = self._shared_edges()
        # Where the quote and the source quote start (end) together, that shared edge is
        # aligned context too: '... situation I think quite successfully.' against
        # '... situation very successfully.'
        before += opens and at[0] - CONTEXT_WINDOW < 0 < at[0] and self.aligned[0]
        after += closes and at[1] + CONTEXT_WINDOW > len(self.aligned) > at[1] and self.aligned[-1]
        return before, after

    def _shared_edges(self) -> tuple[bool, bool]:
        """Whether the quote opens where its first passage opens a source quote, and closes
        where its last passage closes one."""
        passages, source = self.alignment.passages, self.alignment.source
        first, last = passages[0], passages[-1]
        opens = first.q_start == 0 and source.at_edge(first.s_start, first.s_end)[0]
        closes = last.q_end == len(self.q_tokens) and source.at_edge(last.s_start, last.s_end)[1]
        return opens, closes


def _mark_moved(edits: list[Edit]) -> None:
    """A word or two left out in one place and put back in the next ('should never have' ->
    'should have never') is the word order changed, the words kept: both edits are `order`."""
    for first, second in pairwise(edits):
        ops = {first.op, second.op}
        if ops != {"delete", "insert"} or "beyond" in (first.kind, second.kind):
            continue
        left = first.source if first.op == "delete" else first.reported
        right = second.source if second.op == "delete" else second.reported
        words = _stems(left)
        if 0 < len(words) <= SWAP_WORDS and words == _stems(right):
            first.kind = second.kind = "order"


def _says_something(q_tokens: list[Token], s_tokens: list[Token]) -> bool:
    """Both sides hold a content word (not a modal, negation or hedge: "they're going to" ->
    'will' says the same)."""

    def content(tokens: list[Token]) -> bool:
        return any(not is_stop(t.norm) and t.norm not in HEDGES for t in tokens)

    return content(q_tokens) and content(s_tokens)


def _about_as_long(reported: list[Token], source: list[Token]) -> bool:
    """Two stretches of words of about one length: one told in place of the other, not a
    short phrase against a long sentence."""
    return max(len(reported), len(source)) <= 2 * min(len(reported), len(source)) + 1


def _same_sentence(text: str, edge: Token, beside: list[Token], leading: bool) -> list[Token]:
    """The words of `beside` (the words before `edge`, or after it) that stand in the
    sentence of `edge`."""
    kept: list[Token] = []
    last = edge
    for token in reversed(beside) if leading else beside:
        first, second = (token, last) if leading else (last, token)
        if _stops(text[first.end : second.start]):
            break
        kept.append(token)
        last = token
    return kept[::-1] if leading else kept


def _stops(between: str) -> bool:
    """The text between two words ends a sentence (or a clause: a colon, a semicolon)."""
    return any(c in SENTENCE_STOPS for c in between)


def _stems(text: str) -> list[str]:
    return [stem(t.norm) for t in word_tokens(text)]


def _all_light(tokens: list[Token]) -> bool:
    return all(is_light(t.norm) for t in tokens)


def _without_numbers(op: str, reported: list[str], source: list[str]) -> str:
    if op == "insert":
        return "added"
    return "cut" if _within(reported, source) else "content-word"


def _pronoun_for_name(q_tokens: list[Token], s_tokens: list[Token], body: str) -> bool:
    """'We' for 'Senate Republicans', 'he' for 'Mr. Obama': who is meant, said shorter."""
    return _all_light(q_tokens) and all(body[t.start : t.start + 1].isupper() for t in s_tokens)


def _nearest(word: str, s_run: list[Token], start: int) -> int | None:
    """The source word from `start` on that `word` stands for: one of its own stem first
    ('looked' for 'look' in 'took such a long look'), else the first near one."""
    same = [k for k in range(start, len(s_run)) if stem(word) == stem(s_run[k].norm)]
    near = [k for k in range(start, len(s_run)) if near_words(word, s_run[k].norm)]
    return (same or near or [None])[0]


def _punctuation_only(reported: str, source: str) -> bool:
    """The same words, told apart only by punctuation and the spaces around it (a hyphen
    for a space counts as punctuation; 'goodwill' for 'good will' does not)."""
    return _letters_and_spaces(reported) == _letters_and_spaces(source)


def _letters_and_spaces(text: str) -> str:
    text = HYPHEN_RE.sub(" ", fold(text))
    return " ".join(PUNCTUATION_RE.sub("", text).split())


CLOCK_RE = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap])?\.?\s?(?:m\b\.?)?", re.IGNORECASE)
ZONE_RE = re.compile(r"\b[A-Z]{2,4}\b")  # 'PST', 'GMT', 'EDT'


def _same_time(reported: str, source: str) -> bool:
    """One clock time written two ways ('6:41pm PST' and '18:41'; '9.30 a.m.' and '09:30'),
    a time zone's letters dropped or added at most."""
    times = [_clock_times(reported), _clock_times(source)]
    if not times[0] or len(times[0]) != len(times[1]):
        return False
    if not all(_one_time(a, b) for a, b in zip(*times, strict=True)):
        return False
    rest = [ZONE_RE.sub("", CLOCK_RE.sub("", text)) for text in (reported, source)]
    return not any(c.isalnum() for text in rest for c in text)


def _clock_times(text: str) -> list[tuple[int, int, bool]]:
    """(hour on a 24-hour clock, minutes, whether am or pm says which half of the day)."""
    times = []
    for hours, mins, half in CLOCK_RE.findall(text):
        hour = int(hours) % 12 + (12 if half.lower() == "p" else 0) if half else int(hours)
        times.append((hour, int(mins), bool(half)))
    return times


def _one_time(first: tuple[int, int, bool], second: tuple[int, int, bool]) -> bool:
    """The same time; '6:41' without am or pm may be either half of the day."""
    if first[1] != second[1]:
        return False
    if first[2] == second[2]:
        return first[0] == second[0]
    return first[0] % 12 == second[0] % 12


def _one_word(reported: list[str], source: list[str]) -> bool:
    """A run that is one word written two ways, not words to pair off one by one."""
    return (
        same_spelling(reported, source)
        or is_initialism(reported, source)
        or is_initialism(source, reported)
    )


def _same_word(first: Token, second: Token) -> bool:
    return first.start == second.start and first.end == second.end


def _surface(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def labels_of(edits: list[Edit]) -> set[str]:
    labels = {label for e in edits if (label := EDIT_LABELS[e.kind])}
    if any(_word_put_in_for_cut(e) for e in edits):
        labels.add("tidied")
    return labels


def _word_put_in_for_cut(edit: Edit) -> bool:
    """Source words cut with a function word of the quote's own in their place ('appear here'
    -> 'be', 'trying to break a' -> 'the'): a cut and a function word swapped, trimmed and
    tidied."""
    if edit.kind != "cut" or edit.op != "replace":
        return False
    source = {t.norm for t in word_tokens(edit.source)}
    return any(t.norm not in source for t in word_tokens(edit.reported))
