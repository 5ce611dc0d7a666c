"""compare: Story -> Statements (one quoted statement across outlets) and a QuoteMatch for
every quote (how each outlet carried it against the statement's fullest version)."""

from newsprism.compare.edits import classify_edit
from newsprism.compare.provenance import Comparison, compare_story

__all__ = ["Comparison", "classify_edit", "compare_story"]
