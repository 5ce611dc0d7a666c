"""quotes: Article -> Quote[] with speakers (direct quotes, transcript answers)."""

from newsprism.quotes.extractor import answer_paragraphs, extract_quotes
from newsprism.quotes.speakers import canonical_names

__all__ = ["answer_paragraphs", "canonical_names", "extract_quotes"]
