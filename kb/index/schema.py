"""The Whoosh schema. Bodies are not stored in the index: SQLite holds them once, and snippets
are cut from there. Bump SCHEMA_VERSION whenever fields or analysis change: an index of another
version is rebuilt on open."""

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from kb.index.analysis import name_analyzer, stemming_analyzer, words_analyzer

SCHEMA_VERSION = 1


def build_schema() -> Schema:
    stem = stemming_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        rev=NUMERIC(stored=True),  # the database revision indexed, so drift can be seen
        item_type=ID(stored=True),  # 'source' now; quotes, drafts, themes... as they arrive
        kind=ID(stored=True),
        title=TEXT(analyzer=stem, field_boost=3.0, phrase=True),
        body=TEXT(analyzer=stem, phrase=True),
        words=TEXT(analyzer=words_analyzer(), phrase=False),
        author=TEXT(analyzer=name_analyzer(), field_boost=1.5, phrase=True),
        publisher=TEXT(analyzer=name_analyzer(), phrase=True),
        tag=KEYWORD(lowercase=True, commas=True, scorable=True),
        year=NUMERIC(stored=False, sortable=True),
        date=ID(sortable=True),
        added=DATETIME(sortable=True),
        title_sort=ID(sortable=True),
    )
