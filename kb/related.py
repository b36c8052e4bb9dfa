"""Related items: more like this one, from its key terms (title and body, weighted by rarity).
Any item has them: a source, a highlight and its note, a quote, a draft, a theme or a collection,
from the same text the index holds for it."""

from kb.index.documents import documents_for
from kb.items import resolve_any
from kb.library import Library
from kb.search import SearchHit, hits_for

KEY_TERMS = 20
TEXT_CHARS = 60_000  # the opening of very long bodies carries their key terms


def related(library: Library, item_id: str, limit: int = 10) -> list[SearchHit]:
    """Up to `limit` other items sharing this item's key terms, the closest first. An id (or,
    for sources, a unique start or end of one); NotFound if there is no such live item."""
    item_id = resolve_any(library, item_id)
    document = documents_for(library, [item_id]).get(item_id)
    searcher = library.index.searcher()
    docnum = searcher.document_number(id=item_id) if document else None
    if docnum is None:
        return []
    title = document["title"]
    text = f"{title}\n{title}\n{document['body'][:TEXT_CHARS]}\n{document['memo'][:TEXT_CHARS]}"
    results = searcher.more_like(docnum, "body", text=text, top=limit, numterms=KEY_TERMS)
    ordered = [(hit["id"], hit.score or 0.0) for hit in results if hit["id"] != item_id]
    return hits_for(library, ordered)
