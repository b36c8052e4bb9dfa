"""Theme suggestions for a passage or a source: from the themes' keywords, and from how similar
the text is to evidence already tied to each theme (the search index does the heavy lifting).
Nothing is applied until the person accepts it."""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass

from whoosh import query as wq

from kb import evidence, sources
from kb.index.analysis import stem_terms
from kb.library import Library
from kb.themes import all_themes

SIMILAR_ITEMS = 15
KEY_TERMS = 20


@dataclass
class Suggestion:
    theme: str
    theme_id: str
    score: float
    reasons: list[str]

    def to_dict(self) -> dict:
        return asdict(self)


def _keyword_scores(library: Library, text: str) -> dict[str, tuple[float, list[str]]]:
    stems = Counter(stem_terms(text[:200_000]))
    found = {}
    for theme in all_themes(library):
        hits = []
        for phrase in [theme.name, *theme.keywords]:
            phrase_stems = stem_terms(phrase)
            if phrase_stems and all(stems.get(stem) for stem in phrase_stems):
                count = min(stems[stem] for stem in phrase_stems)
                hits.append((phrase, count))
        if hits:
            score = sum(min(count, 5) for _phrase, count in hits)
            found[theme.id] = (float(score), [f"mentions “{phrase}” ×{count}" for phrase, count in hits])
    return found


def _similarity_scores(library: Library, text: str, exclude_source: str | None) -> dict[str, tuple[float, list[str]]]:
    """Themes of the indexed items (coded sources and highlights) most like `text`."""
    searcher = library.index.searcher()
    key_terms = searcher.key_terms_from_text("body", text[:60_000], numterms=KEY_TERMS)
    if not key_terms:
        return {}
    query = wq.Or([wq.Term("body", term, boost=weight) for term, weight in key_terms])
    restrict = wq.Or([wq.Term("item_type", "highlight"), wq.Term("item_type", "source")])
    results = searcher.search(query, limit=SIMILAR_ITEMS + 1, filter=restrict)
    hits = [(hit["id"], hit.score) for hit in results if hit["id"] != exclude_source]
    if not hits:
        return {}
    top = hits[0][1] or 1.0
    scores: dict[str, float] = defaultdict(float)
    support: dict[str, int] = defaultdict(int)
    ids = [item_id for item_id, _ in hits]
    marks = ", ".join("?" for _ in ids)
    rows = library.conn.execute(
        "SELECT e.theme_id, COALESCE(e.highlight_id, e.source_id) FROM evidence e WHERE "
        f"e.deleted_at IS NULL AND (e.highlight_id IN ({marks}) OR (e.highlight_id IS NULL AND "
        f"e.source_id IN ({marks})))", ids + ids).fetchall()
    weight = {item_id: score / top for item_id, score in hits}
    for theme_id, item_id in rows:
        scores[theme_id] += 3.0 * weight.get(item_id, 0.0)
        support[theme_id] += 1
    return {theme_id: (score, [f"like {support[theme_id]} passage(s) already coded to it"])
            for theme_id, score in scores.items()}


def suggest_for_text(library: Library, text: str, exclude_source: str | None = None,
                     already: set[str] | None = None, limit: int = 5) -> list[Suggestion]:
    names = {theme.id: theme.name for theme in all_themes(library)}
    combined: dict[str, list] = {}
    for scores in (_keyword_scores(library, text), _similarity_scores(library, text, exclude_source)):
        for theme_id, (score, reasons) in scores.items():
            entry = combined.setdefault(theme_id, [0.0, []])
            entry[0] += score
            entry[1] += reasons
    ranked = [Suggestion(names[theme_id], theme_id, round(score, 3), reasons)
              for theme_id, (score, reasons) in combined.items()
              if theme_id in names and theme_id not in (already or set())]
    ranked.sort(key=lambda s: (-s.score, s.theme))
    return ranked[:limit]


def suggest_for_source(library: Library, source_id: str, limit: int = 5) -> list[Suggestion]:
    source = sources.get_source(library, source_id)
    already = {link.theme_id for link in evidence.source_themes(library, source.id)}
    for highlight in evidence.highlights_for_source(library, source.id):
        already.update(link.theme_id for link in highlight.themes)
    text = f"{source.title}\n{source.body}"
    return suggest_for_text(library, text, exclude_source=source.id, already=already, limit=limit)


def suggest_for_uncoded(library: Library, progress: Callable[[int, int, str], None] | None = None,
                        cancelled: Callable[[], bool] | None = None,
                        limit: int = 3) -> dict[str, list[Suggestion]]:
    """Suggestions for every source with no evidence yet, for review before anything is applied."""
    from kb.theme_views import coverage

    uncoded = coverage(library)["uncoded_sources"]
    found: dict[str, list[Suggestion]] = {}
    for number, source in enumerate(uncoded, start=1):
        if cancelled and cancelled():
            break
        suggestions = suggest_for_source(library, source["id"], limit)
        if suggestions:
            found[source["id"]] = suggestions
        if progress:
            progress(number, len(uncoded), f"Suggesting themes for {source['title'][:40]}")
    return found


def apply_suggestions(library: Library, accepted: list[tuple[str, str, str]]) -> int:
    """Tie each accepted (source id, theme, stance) as whole-source evidence."""
    with library.transaction():
        for source_id, theme, stance in accepted:
            evidence.link_source(library, source_id, theme, stance)
    return len(accepted)
