"""The Whoosh schema. Bodies are not stored in the index: SQLite holds them once, and snippets
are cut from there. Bump SCHEMA_VERSION whenever fields or analysis change: an index of another
version is rebuilt on open."""

from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from kb.index.analysis import name_analyzer, stemming_analyzer
from kb.index.stop_maps import STOP_MAP_FIELDS, StopMapColumn, map_field

SCHEMA_VERSION = 7  # 5: stop words keep their positions, stop maps; 6: sort-only fields;
# 7: function words ("was", "their") dropped as stop words are


def _not_indexed(field):
    """A field only stored or sorted on, never searched: indexing it made terms no search
    reads (one per title for title_sort; 4% of a segment's terms at 1,500 items)."""
    field.indexed = False
    return field


def build_schema() -> Schema:
    stem = stemming_analyzer()
    schema = Schema(
        id=ID(stored=True, unique=True),
        rev=_not_indexed(NUMERIC(stored=True)),  # the database revision, so drift can be seen
        item_type=ID(stored=True),  # source, highlight, theme, collection (quotes, drafts later)
        kind=ID(stored=True, sortable=True),
        title=TEXT(analyzer=stem, field_boost=3.0, phrase=True),
        body=TEXT(analyzer=stem, phrase=True),
        memo=TEXT(analyzer=stem, phrase=True),
        author=TEXT(analyzer=name_analyzer(), field_boost=1.5, phrase=True),
        publisher=TEXT(analyzer=name_analyzer(), phrase=True),
        tag=KEYWORD(lowercase=True, commas=True, scorable=True),
        author_exact=KEYWORD(lowercase=True, commas=True),  # whole names, for facet filters
        theme=KEYWORD(lowercase=True, commas=True, scorable=True),
        collection=KEYWORD(lowercase=True, commas=True, scorable=True),
        facets=COLUMN(),  # kind, year, authors, tags of each document, for facet counts
        year=NUMERIC(stored=False, sortable=True),
        date=ID(sortable=True),
        added=_not_indexed(DATETIME(sortable=True)),  # sorting only, by their columns
        title_sort=_not_indexed(ID(sortable=True)),
    )
    for name in STOP_MAP_FIELDS:
        schema.add(map_field(name), StopMapColumn())
    return schema
