""""Did you mean …": a close spelling from the library's own vocabulary that finds more."""

import re

from kb.index.query import QUESTION_STOP_WORDS

SUGGEST_BELOW = 3  # only offer a correction when a query finds fewer items than this
_BARE_WORD = re.compile(r"(?<![\w:\"'*~-])([A-Za-z][A-Za-z'’]{2,})(?![\w:*~])")


def _words_key(word: str) -> str:
    return word.lower().replace("'", "").replace("’", "")


def suggest(searcher, text: str) -> str | None:
    """The query with each word the library never uses replaced by its closest word that it
    does use, or None when there is nothing to correct."""
    corrected = text
    changed = False
    for match in _BARE_WORD.finditer(text):
        word = match.group(1)
        key = _words_key(word)
        if key in QUESTION_STOP_WORDS or word in ("AND", "OR", "NOT"):
            continue
        if searcher.doc_frequency("words", key) > 0:
            continue
        for candidate in searcher.suggest("words", key, limit=3, maxdist=2):
            if searcher.doc_frequency("words", candidate) > 0:
                corrected = re.sub(rf"(?<![\w]){re.escape(word)}(?![\w])", candidate, corrected, count=1)
                changed = True
                break
    if not changed:
        return None
    return corrected


def worth_suggesting(total: int) -> bool:
    return total < SUGGEST_BELOW
