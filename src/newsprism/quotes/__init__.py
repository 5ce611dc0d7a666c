"""quotes: Article -> Quote[] with speakers (direct quotes, transcript answers)."""

from newsprism.quotes.extractor import answer_paragraphs, extract_quotes

__all__ = ["answer_paragraphs", "extract_quotes"]
