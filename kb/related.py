"""Related items: more like this one, from its key terms (title and body, weighted by rarity)."""

from kb import sources
from kb.library import Library
from kb.search import SearchHit, hits_for

KEY_TERMS = 20
TEXT_CHARS = 60_000  # the opening of very long bodies carries their key terms


def related(library: Library, item_id: str, limit: int = 10) -> list[SearchHit]:
    source = sources.get_source(library, item_id)
    searcher = library.index.searcher()
    docnum = searcher.document_number(id=source.id)
    if docnum is None:
        return []
    text = f"{source.title}\n{source.title}\n{source.body[:TEXT_CHARS]}"
    results = searcher.more_like(docnum, "body", text=text, top=limit, numterms=KEY_TERMS)
    ordered = [(hit["id"], hit.score or 0.0) for hit in results if hit["id"] != source.id]
    return hits_for(library, ordered)
