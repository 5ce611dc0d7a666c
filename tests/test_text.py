from newsprism.text import FOLD_CACHED_CHARS, _cached_fold, fold


def _lookups() -> int:
    info = _cached_fold.cache_info()
    return info.hits + info.misses


def test_a_long_text_folds_as_its_words_do_and_is_not_cached():
    """A whole body is folded as its words are, but never goes through fold's cache (a run's
    bodies and their folded copies filled it); short texts do."""
    body = "Jürgen’s `Café` reopens. " * 40
    assert len(body) > FOLD_CACHED_CHARS
    before = _lookups()
    assert fold(body) == "jurgen's 'cafe' reopens. " * 40
    assert _lookups() == before
    assert fold("Zoë’s fold-cache probe") == "zoe's fold-cache probe"
    assert _lookups() == before + 1
