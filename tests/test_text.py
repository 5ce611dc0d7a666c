from newsprism.text import FOLD_CACHED_CHARS, _cached_fold, fold


def test_a_long_text_folds_as_its_words_do_and_is_not_cached():
    """A whole body is folded as its words are, but not kept in fold's cache (a run's bodies
    and their folded copies filled it); short texts are."""
    body = "Jürgen’s `Café` reopens. " * 40
    assert len(body) > FOLD_CACHED_CHARS
    before = _cached_fold.cache_info().currsize
    assert fold(body) == "jurgen's 'cafe' reopens. " * 40
    assert _cached_fold.cache_info().currsize == before
    assert fold("Zoë’s fold-cache probe") == "zoe's fold-cache probe"
    assert _cached_fold.cache_info().currsize == before + 1
