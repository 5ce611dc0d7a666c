"""Readable terminal output (rich) from the analysis JSON. Text from articles goes in as
`Text` or with markup off: rich would take "[you]" in "puts [you] at odds" for a style tag
and drop it."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsprism.model import Article, Removed

LABEL_STYLES = {
    "unsourced": "bold red",
    "altered": "bold red",
    "stitched": "dark_orange",
    "paraphrase": "dark_orange",
    "tidied": "yellow",
    "trimmed": "yellow",
    "verbatim": "green",
    "source": "dim",
}
EXCERPT_CHARS = 90
EDITS_SHOWN = 3


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _article_line(article: dict[str, Any]) -> str:
    who = article.get("outlet") or article["source"]
    when = f", {article['published'][:10]}" if article.get("published") else ""
    return f"[{article['kind']}] {who}{when}: {article['title'] or '(untitled)'}"


def _evidence(match: dict[str, Any]) -> Text:
    text = Text()
    notable = [e for e in match["edits"] if e["kind"] not in ("cut", "filler")]
    lines = []
    for edit in notable or match["edits"]:
        reported, source = edit["reported"] or "∅", edit["source"] or "∅"
        line = f"“{_excerpt(source, 30)}” → “{_excerpt(reported, 30)}” ({edit['kind']})"
        if line not in lines:
            lines.append(line)
    for line in lines[:EDITS_SHOWN]:
        if text:
            text.append("; ")
        text.append(line)
    if len(match["source_spans"]) > 1:
        text.append(f"{'; ' if text else ''}{len(match['source_spans'])} passages")
    return text


def print_summary(console: Console, data: dict[str, Any]) -> None:
    articles = {a["id"]: a for a in data["articles"]}
    quotes = {q["id"]: q for q in data["quotes"]}
    console.print(
        f"[bold]newsprism[/bold]: {len(articles)} articles, {len(quotes)} quotes, "
        f"{len(data['stories'])} {'story' if len(data['stories']) == 1 else 'stories'}",
        highlight=False,
    )
    for story in data["stories"]:
        console.rule(Text(story["title"] or story["id"], style="bold"))
        for article_id in story["articles"]:
            console.print("  " + _article_line(articles[article_id]), highlight=False, markup=False)
        for link in story.get("wire", []):
            console.print(
                f"  wire copy: {link['article']} ≈ {link['copy_of']} ({link['containment']:.0%})",
                highlight=False,
            )
        reported = [m for m in story["matches"] if m["label"] != "source"]
        if reported:
            console.print(_matches_table(reported, quotes, articles))
        sources = len(story["matches"]) - len(reported)
        if sources:
            console.print(
                f"  {sources} passages are the fullest version in the story (source).",
                style="dim",
                highlight=False,
            )


def _matches_table(
    matches: list[dict[str, Any]], quotes: dict[str, Any], articles: dict[str, Any]
) -> Table:
    table = Table(show_lines=False, expand=True, pad_edge=False)
    table.add_column("speaker / outlet", ratio=2)
    table.add_column("label", no_wrap=True)
    table.add_column("quote", ratio=5)
    table.add_column("evidence", ratio=4)
    for match in matches:
        quote = quotes[match["quote"]]
        article = articles[quote["article"]]
        labels = Text(match["label"], style=LABEL_STYLES[match["label"]])
        for label in match["labels"]:
            if label != match["label"]:
                labels.append(f"\n+{label}", style="dim")
        who = Text(quote["speaker"] or "?")
        who.append(f"\n{article.get('outlet') or article['id']}", style="dim")
        table.add_row(who, labels, Text(_excerpt(quote["text"])), _evidence(match))
    return table


def print_quotes(console: Console, data: dict[str, Any]) -> None:
    by_article: dict[str, list[dict[str, Any]]] = {}
    for quote in data["quotes"]:
        by_article.setdefault(quote["article"], []).append(quote)
    for article in data["articles"]:
        console.rule(Text(_article_line(article), style="bold"))
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
                quote["kind"],
                Text(marker + _excerpt(quote["text"], 140)),
            )
        console.print(table)


def print_clean(
    console: Console, article: Article, keep_junk: bool, raw_lines: list[str] | None = None
) -> None:
    """The clean text, then what was removed and why; with `keep_junk`, the input's lines with
    the removed pieces marked in place."""
    console.rule(Text(article.title or article.source, style="bold"))
    if keep_junk and raw_lines is not None:
        for line in raw_lines:
            console.print(_marked(line, article.removed))
    else:
        if article.standfirst:
            console.print(Text(article.standfirst, style="italic"))
        for paragraph in article.paragraphs:
            console.print(paragraph, highlight=False, markup=False)
        if article.removed:
            table = Table(title=f"removed ({len(article.removed)})", expand=True, pad_edge=False)
            table.add_column("reason", no_wrap=True)
            table.add_column("text", ratio=1)
            for removed in article.removed:
                table.add_row(removed.reason, Text(_excerpt(removed.text, 200)))
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
