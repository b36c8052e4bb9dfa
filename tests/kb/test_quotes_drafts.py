"""Quotes (clipped and typed in) and drafts (autosave, recovery, quote references)."""

import pytest

from kb import drafts, quotes, sources, themes
from kb.errors import InvalidInput, NotFound
from kb.index import indexer
from kb.search import search

BODY = "The minister said that “levelling up is a mission, not a slogan” at the conference."


@pytest.fixture
def source(library, add_source):
    themes.add_theme(library, "Levelling up")
    return add_source(title="Conference report", body=BODY, authors="Think Tank", date="2022-04-01",
                      kind="report")


def test_clip_keeps_the_passage_and_page(library, source):
    with library.transaction() as conn:
        conn.execute("UPDATE sources SET page_starts = '[0, 20]' WHERE id = ?", (source.id,))
    start = BODY.index("levelling up is")
    end = BODY.index(", not a slogan") + len(", not a slogan")
    quote = quotes.clip_quote(library, source.id, start, end, speaker="Jane Minister",
                              themes=["Levelling up"])
    assert quote.text == "levelling up is a mission, not a slogan"
    assert quote.locator == "2" and quote.locator_type == "page"
    assert quote.themes == ["Levelling up"] and quote.source_title == "Conference report"
    indexer.sync(library)
    hits = search(library, "kind:quote slogan").hits
    assert [hit.item_type for hit in hits] == ["quote"]
    assert search(library, "author:minister").hits[0].item_type == "quote"


def test_typed_in_quote_without_source(library):
    quote = quotes.add_quote(library, "We need stable funding.", speaker="Cllr Ahmed",
                             locator="00:14:32", date="2024-02-01", tags="workshop")
    assert quote.source_id is None and quote.locator_type == "timestamp"
    assert quote.tags == ["workshop"]
    with pytest.raises(InvalidInput):
        quotes.add_quote(library, "   ")
    with pytest.raises(NotFound):
        quotes.add_quote(library, "words", source_id="NOSUCHSOURCE")


def test_typed_quote_found_in_source_gets_an_anchor(library, source):
    quote = quotes.add_quote(library, "a mission, not a slogan", source_id=source.id, locator="p. 3")
    assert quote.start == BODY.index("a mission") and quote.locator == "3"


def test_filters_and_updates(library, source):
    first = quotes.add_quote(library, "First words", speaker="Ann", tags="skills")
    quotes.add_quote(library, "Second words", speaker="Bob", source_id=source.id)
    assert [q.text for q in quotes.list_quotes(library, speaker="ann")] == ["First words"]
    assert [q.text for q in quotes.list_quotes(library, tag="SKILLS")] == ["First words"]
    assert [q.text for q in quotes.list_quotes(library, source_id=source.id)] == ["Second words"]
    quotes.update_quote(library, first.id, themes=["Levelling up"], note="strong")
    assert [q.text for q in quotes.list_quotes(library, theme="Levelling up")] == ["First words"]


def test_source_edit_reanchors_clipped_quotes(library, source):
    quote = quotes.clip_quote(library, source.id, BODY.index("a mission"), BODY.index(" at the"))
    sources.update_source(library, source.id, body="New opening. " + BODY)
    moved = quotes.get_quote(library, quote.id)
    new_body = sources.get_source(library, source.id).body
    assert new_body[moved.start:moved.end] == quote.text


def test_drafts_autosave_recover_and_quote_references(library, source):
    draft = drafts.new_draft(library, "Briefing", "# Briefing\n\nIntro text.", style="apa")
    quote = quotes.add_quote(library, "a mission, not a slogan", source_id=source.id)
    body, cursor = drafts.insert_quote_marker(draft.body, len(draft.body), quote)
    assert body.endswith(quote.marker + "\n\n") and cursor == len(body)
    drafts.autosave(library, draft.id, body)
    assert drafts.recovered_text(library, draft.id) == body
    saved = drafts.save_draft(library, draft.id, body=body)
    assert saved.rev == 2 and drafts.recovered_text(library, draft.id) is None
    assert [q.id for q in drafts.quotes_in(library, saved)] == [quote.id]
    assert quotes.drafts_using(library, quote.id) == [{"id": draft.id, "title": "Briefing"}]
    assert saved.word_count == 3
    with pytest.raises(InvalidInput):
        drafts.save_draft(library, draft.id, style="mla")
    with pytest.raises(InvalidInput):
        drafts.new_draft(library, " ")
    indexer.sync(library)
    assert search(library, "kind:draft intro").hits[0].title == "Briefing"
