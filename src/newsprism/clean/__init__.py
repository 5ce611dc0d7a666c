"""clean: text -> Article. Page junk removed (each piece kept with its reason), junk glued onto
real sentences split off, title and standfirst found, transcripts recognised; text a corpus
shipped tokenised is detokenised first."""

from newsprism.clean.cleaner import clean_document, clean_document_id, junk_reason
from newsprism.clean.structure import is_question_header
from newsprism.clean.tokenised import detokenised

__all__ = [
    "clean_document",
    "clean_document_id",
    "detokenised",
    "is_question_header",
    "junk_reason",
]
