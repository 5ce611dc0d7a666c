"""compare: Story -> QuoteMatch[] (how each quote was reported against its fullest source)."""

from newsprism.compare.provenance import classify_edit, compare_story, match_quote

__all__ = ["classify_edit", "compare_story", "match_quote"]
