"""The trash across kinds: restore brings back what went with an item; emptying leaves nothing
behind in the database or the index."""

from kb import check, evidence, quotes, sources, themes, trash
from kb.index import indexer
from kb.search import search


def test_emptying_removes_what_hung_off_a_source_from_the_index(library, add_source):
    themes.add_theme(library, "Skills")
    source = add_source(title="Doomed", body="Passage about colleges and skills.")
    evidence.highlight_text(library, source.id, "colleges and skills", [("Skills", "supports")])
    quotes.add_quote(library, "colleges and skills", source_id=source.id)
    indexer.sync(library)
    sources.trash(library, [source.id])
    trash.empty_trash(library)
    indexer.sync(library)
    assert check.check(library).ok
    assert search(library, "colleges").total == 1  # the typed-in quote survives, sourceless


def test_restoring_a_theme_brings_back_its_unlinked_evidence(library, add_source):
    themes.add_theme(library, "Skills")
    source = add_source(title="Kept", body="Passage about colleges.")
    evidence.highlight_text(library, source.id, "about colleges", [("Skills", "supports")])
    themes.delete_theme(library, "Skills", evidence="unlink")
    theme_id = next(item.id for item in trash.list_trash(library) if item.item_type == "theme")
    trash.restore_items(library, [theme_id])
    assert evidence.highlights_for_source(library, source.id)[0].themes[0].theme == "Skills"
