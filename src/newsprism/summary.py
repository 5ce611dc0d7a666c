"""Readable terminal output (rich) from the analysis JSON."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsprism.model import LABEL_SEVERITY, Article, Removed
from newsprism.report.statements import (
    Occurrence,
    StatementRow,
    StoryView,
    by_severity,
    edit_text,
    excerpt,
    outlet_name,
    severity,
    story_views,
)
from newsprism.terminal import printable, printable_data

LABEL_STYLES = {
    "altered": "bold red",
    "misattributed": "bold red",
    "stitched": "dark_orange",
    "paraphrase": "yellow",
    "tidied": "yellow",
    "trimmed": "yellow",
    "verbatim": "green",
    "unsourced": "dim",
    "source": "dim",
}
EXCERPT_CHARS = 90
STATEMENT_CHARS = 60
EDITS_SHOWN = 3
STATEMENTS_SHOWN = 12
FLAGS_SHOWN = 8
STORIES_SHOWN = 5
STORIES_LISTED = 10
DISCREPANCIES_SHOWN = 5
VALUE_WORDS_CHARS = 40
QUIET_EDITS = ("cut", "filler")


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    return excerpt(text, limit)


def _article_line(article: dict[str, Any]) -> Text:
    who = article.get("outlet") or article["source"]
    when = f", {article['published'][:10]}" if article.get("published") else ""
    return Text(f"[{article['kind']}] {who}{when}: {article['title'] or '(untitled)'}")


def _label(label: str) -> Text:
    return Text(label, style=LABEL_STYLES.get(label, ""))


def _evidence(match: dict[str, Any]) -> str:
    """The notable edits of a match, source -> reported, and how many passages it joins."""
    edits = match.get("edits") or []
    notable = [e for e in edits if e.get("kind") not in QUIET_EDITS] or edits
    lines: list[str] = []
    for edit in notable:
        line = edit_text(edit, 30)
        if line not in lines:
            lines.append(line)
    parts = lines[:EDITS_SHOWN]
    spans = len(match.get("source_spans") or [])
    if spans > 1:
        parts.append(f"from {spans} passages")
    return "; ".join(parts)


def print_summary(console: Console, data: dict[str, Any]) -> None:
    """Per story, flags first: the flagged statements with their evidence, a table of every
    statement by outlet, and how many quotes only one outlet carries."""
    data = printable_data(data)
    views = story_views(data)
    flagged = sum(1 for view in views if view.badge)
    console.print(
        Text.assemble(
            ("newsprism", "bold"),
            f": {len(data['articles'])} articles, {len(data['quotes'])} quotes, "
            f"{_count(len(views), 'story', 'stories')} ({flagged} flagged)",
        )
    )
    _print_stories(console, data, views)


def print_story_details(console: Console, data: dict[str, Any]) -> None:
    """`print_summary`'s stories without its header line (the stories of a run's analysis)."""
    data = printable_data(data)
    _print_stories(console, data, story_views(data))


def _print_stories(console: Console, data: dict[str, Any], views: list[StoryView]) -> None:
    articles = {a["id"]: a for a in data["articles"]}
    for view in views[:STORIES_SHOWN]:
        _print_story(console, view, articles)
    hidden = views[STORIES_SHOWN:]
    if hidden:
        more_flagged = sum(1 for view in hidden if view.badge)
        console.rule(
            Text(
                f"and {_count(len(hidden), 'more story', 'more stories')} "
                f"({more_flagged} flagged): see the report",
                style="dim",
            )
        )


def print_run_summary(
    console: Console, totals: dict[str, Any], index: list[dict[str, Any]], changed: int
) -> None:
    """What the store holds after a run, in a screen: totals, how many stories the run
    wrote (`changed`: new, grown or with a changed article; the rest are as stored), the
    flags and facts that differ, and the stories most worth a look (the most serious flags,
    then the most flagged versions, then facts). Read from the store's totals and index
    (`Store.totals`, analysis.json's `index`), never from every story. Of the user's text it
    prints only story titles (and ids), each made printable as printed."""
    console.print(
        Text.assemble(
            ("newsprism", "bold"),
            f": {_count(totals['articles'], 'article', 'articles')}, "
            f"{_count(totals['quotes'], 'quote', 'quotes')}, "
            f"{_count(totals['stories'], 'story', 'stories')}, "
            f"{_count(totals['statements'], 'statement', 'statements')}",
        )
    )
    as_stored = totals["stories"] - changed
    console.print(
        Text(
            f"This run: {_count(changed, 'story', 'stories')} new or changed"
            + (f", {as_stored} as stored" if as_stored else "")
        )
    )
    console.print(_flag_totals(totals))
    worth = sorted((e for e in index if any(_weight(e))), key=_weight, reverse=True)
    if not worth:
        console.print(Text("No flags and no facts that differ.", style="green"))
        return
    table = Table(title="stories most worth a look", expand=True, pad_edge=False, show_edge=False)
    table.add_column("flag", no_wrap=True)
    table.add_column("story", ratio=3, min_width=24, no_wrap=True, overflow="ellipsis")
    table.add_column("articles", justify="right")
    table.add_column("flagged versions", ratio=2)
    for entry in worth[:STORIES_LISTED]:
        badge = entry.get("badge")
        table.add_row(
            _label(badge) if badge else Text("facts", style="yellow"),
            Text(printable(entry.get("title") or entry.get("id") or "")),
            str(entry.get("articles", 0)),
            Text(_story_flags(entry)),
        )
    hidden = len(worth) - STORIES_LISTED
    if hidden > 0:
        table.caption = f"and {_count(hidden, 'more story', 'more stories')}: see the report"
    console.print(table)


def _flag_totals(totals: dict[str, Any]) -> Text:
    flags: dict[str, int] = totals.get("flags") or {}
    facts: dict[str, int] = totals.get("facts") or {}
    line = Text("Flags: ")
    for n, label in enumerate(by_severity(list(flags))):
        line.append(", " if n else "").append_text(_label(label)).append(f" {flags[label]}")
    line.append(" (versions of quotes)" if flags else "none", style="" if flags else "green")
    line.append(f" · facts that differ: {sum(facts.values())}")
    if facts:
        kinds = ", ".join(f"{kind} {n}" for kind, n in facts.items())
        line.append(printable(f" ({kinds})"))
    return line


def _weight(entry: dict[str, Any]) -> tuple[int, int, int]:
    """Most serious flag first, then how many versions are flagged, then facts."""
    facts = entry.get("discrepancies", 0)
    badge = entry.get("badge")
    if badge is None:
        return (0, 0, facts)
    return (len(LABEL_SEVERITY) - severity(badge), entry.get("flagged", 0), facts)


def _story_flags(entry: dict[str, Any]) -> str:
    flags: dict[str, int] = entry.get("flags") or {}
    parts = [f"{label} {n}" for label, n in flags.items()]
    facts = entry.get("discrepancies", 0)
    if facts:
        parts.append(_count(facts, "fact differs", "facts differ"))
    return ", ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _print_story(console: Console, view: StoryView, articles: dict[str, Any]) -> None:
    story = view.story
    badge = view.badge or "no flags"
    title = Text(badge, style=LABEL_STYLES[view.badge] if view.badge else "green")
    title.append(" · ").append(story["title"] or story["id"], style="bold")
    console.rule(title)
    for article_id in story["articles"]:
        console.print(Text("  ").append_text(_article_line(articles[article_id])))
    for link in story.get("wire", []):
        console.print(
            Text(f"  wire copy: {link['article']} ≈ {link['copy_of']} ({link['containment']:.0%})")
        )
    for row in view.flagged[:FLAGS_SHOWN]:
        console.print(_flag_lines(row))
    more_flags = len(view.flagged) - FLAGS_SHOWN
    if more_flags > 0:
        more = _count(more_flags, "more flagged statement", "more flagged statements")
        console.print(Text(f"  and {more}"))
    if view.statements:
        console.print(_statements_table(view))
    if view.only_here:
        console.print(Text("  " + _only_here_line(view.only_here), style="dim"))
    if story.get("discrepancies"):
        console.print(_discrepancies_table(story["discrepancies"], articles))


def _discrepancies_table(discrepancies: list[dict[str, Any]], articles: dict[str, Any]) -> Table:
    """Facts the articles give different values for, each value in its own words."""
    table = Table(title="facts that differ", expand=True, pad_edge=False, show_edge=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("what differs", ratio=1, min_width=20)
    table.add_column("as each article has it", ratio=2)
    for item in discrepancies[:DISCREPANCIES_SHOWN]:
        values = Text()
        for n, value in enumerate(item.get("values") or []):
            article = articles.get(value.get("article"), {})
            values.append("\n" if n else "").append(f"{outlet_name(article)}: ")
            values.append(_in_sentence(article, value))
        table.add_row(Text(item.get("kind", "")), Text(item.get("about", "")), values)
    hidden = len(discrepancies) - DISCREPANCIES_SHOWN
    if hidden > 0:
        table.caption = f"and {_count(hidden, 'more fact', 'more facts')}"
    return table


def _in_sentence(article: dict[str, Any], value: dict[str, Any]) -> Text:
    """The value, marked, with a few words of its sentence each side."""
    body = "\n".join(article.get("paragraphs") or [])
    start, end, text = value.get("start", 0), value.get("end", 0), value.get("text", "")
    if body[start:end] != text:
        return Text(text, style="bold")
    before = body[max(0, start - VALUE_WORDS_CHARS) : start].split("\n")[-1]
    after = body[end : end + VALUE_WORDS_CHARS].split("\n")[0]
    shown = Text("…" + before.split(" ", 1)[-1] if " " in before else before)
    shown.append(text, style="bold reverse")
    return shown.append(after.rsplit(" ", 1)[0] + "…")


def _flag_lines(row: StatementRow) -> Text:
    text = Text("  ")
    for i, flag in enumerate(row.flags):
        text.append(", " if i else "").append_text(_label(flag))
    text.append(f"  {row.speaker or 'unknown speaker'}: “{excerpt(row.headline, EXCERPT_CHARS)}”")
    for occurrence in row.occurrences:
        if not occurrence.flags:
            continue
        text.append(f"\n      {occurrence.outlet} ", style="bold")
        text.append(", ".join(occurrence.flags), style=LABEL_STYLES[occurrence.flags[0]])
        evidence = _evidence(occurrence.match)
        if "misattributed" in occurrence.flags:
            credited = occurrence.quote.get("speaker") or occurrence.speaker_as_written or "?"
            evidence = f"credits {credited}, not {row.speaker or '?'}" + (
                f"; {evidence}" if evidence else ""
            )
        if evidence:
            text.append(f": {evidence}")
    return text


def _statements_table(view: StoryView) -> Table:
    table = Table(expand=True, pad_edge=False, show_edge=False)
    table.add_column("statement", ratio=1, min_width=24)
    table.add_column("speaker", max_width=18)
    for article in view.articles:
        table.add_column(Text(outlet_name(article)), no_wrap=True)
    for row in view.statements[:STATEMENTS_SHOWN]:
        cells = [_cell(row.labels_in(article.get("id", ""))) for article in view.articles]
        table.add_row(
            Text(f"“{excerpt(row.headline, STATEMENT_CHARS)}”"),
            Text(row.speaker or "?"),
            *cells,
        )
    hidden = len(view.statements) - STATEMENTS_SHOWN
    if hidden > 0:
        table.caption = f"and {_count(hidden, 'more statement', 'more statements')}"
    return table


def _cell(labels: list[tuple[str, int]]) -> Text:
    text = Text()
    for label, count in labels:
        if text:
            text.append(", ")
        text.append_text(_label(label))
        if count > 1:
            text.append(f" ×{count}")
    return text


def _only_here_line(occurrences: list[Occurrence]) -> str:
    outlets = Counter(occurrence.outlet for occurrence in occurrences)
    per_outlet = ", ".join(f"{outlet} {count}" for outlet, count in outlets.most_common())
    return f"{_count(len(occurrences), 'quote', 'quotes')} only in one outlet ({per_outlet})"


def print_quotes(console: Console, data: dict[str, Any]) -> None:
    data = printable_data(data)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for quote in data["quotes"]:
        by_article.setdefault(quote["article"], []).append(quote)
    for article in data["articles"]:
        line = _article_line(article)
        line.stylize("bold")
        console.rule(line)
        table = Table(expand=True, pad_edge=False)
        table.add_column("speaker", ratio=2)
        table.add_column("as named", ratio=2)
        table.add_column("kind", ratio=1)
        table.add_column("quote", ratio=8)
        for quote in by_article.get(article["id"], []):
            marker = "↳ " if quote["continues"] else ""
            table.add_row(
                Text(quote["speaker"] or "?"),
                Text(quote["speaker_mention"] or ""),
                Text(quote["kind"]),
                Text(marker + _excerpt(quote["text"], 140)),
            )
        console.print(table)


def print_persons(console: Console, persons: list[dict[str, Any]]) -> None:
    """The person table, most quoted first: key, canonical name, kind, quotes, articles."""
    table = Table(expand=True, pad_edge=False)
    for column, ratio in (("key", 3), ("name", 3), ("kind", 1), ("quotes", 1), ("articles", 1)):
        table.add_column(column, ratio=ratio)
    for person in printable_data(persons):
        table.add_row(
            *(Text(str(person[c])) for c in ("key", "name", "kind", "quotes", "articles"))
        )
    console.print(table)


def print_person(console: Console, person: dict[str, Any]) -> None:
    person = printable_data(person)
    console.print(Text(f"{person['name']} ({person['key']}, {person['kind']})", style="bold"))
    for variant in person["variants"]:
        console.print(Text(f"  {variant['name']}: {variant['quotes']} quotes"))
    if person["roles"]:
        console.print(Text(f"roles: {', '.join(person['roles'])}"))
    console.print(Text(f"{len(person['quotes'])} quotes in {len(person['articles'])} articles"))


def print_clean(
    console: Console, article: Article, keep_junk: bool, raw_lines: list[str] | None = None
) -> None:
    """The clean text, then what was removed and why; with `keep_junk`, the input's lines with
    the removed pieces marked in place."""
    article = Article.from_dict(printable_data(article.to_dict()))
    raw_lines = [printable(line) for line in raw_lines] if raw_lines is not None else None
    console.rule(Text(article.title or article.source, style="bold"))
    if keep_junk and raw_lines is not None:
        for line in raw_lines:
            console.print(_marked(line, article.removed))
    else:
        if article.standfirst:
            console.print(Text(article.standfirst, style="italic"))
        for paragraph in article.paragraphs:
            console.print(Text(paragraph))
        if article.removed:
            table = Table(title=f"removed ({len(article.removed)})", expand=True, pad_edge=False)
            table.add_column("reason", no_wrap=True)
            table.add_column("text", ratio=1)
            for removed in article.removed:
                table.add_row(Text(removed.reason), Text(_excerpt(removed.text, 200)))
            console.print(table)
    for note in article.notes:
        console.print(Text(note, style="yellow"))


def _marked(line: str, removed: list[Removed]) -> Text:
    """One input line with each removed piece in it struck through and labelled."""
    text = Text()
    at = 0
    pieces = sorted(
        ((line.find(r.text), r) for r in removed if r.text and r.text in line),
        key=lambda found: found[0],
    )
    for start, piece in pieces:
        if start < at:
            continue
        text.append(line[at:start])
        text.append(f"[{piece.reason}: ", style="red")
        text.append(piece.text, style="strike red")
        text.append("]", style="red")
        at = start + len(piece.text)
    text.append(line[at:])
    return text
