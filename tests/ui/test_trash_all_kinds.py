"""The Trash view lists every kind of item in the trash with its type and when it was deleted;
Restore puts the chosen ones back; Empty Trash asks first."""

from PySide6.QtWidgets import QMessageBox

from kb import collections, drafts, evidence, quotes, saved_searches, sources, themes
from tests.ui.helpers import click_sidebar, wait_idle
from ui.scope import TRASH

QUOTE = "Buses are the backbone of the network."


def trash_one_of_each(library) -> None:
    source_id = sources.list_ids(library)[0]
    theme = themes.add_theme(library, "Devolution")
    highlight = evidence.highlight_text(library, source_id, "Franchising lets the mayor")
    quote = quotes.add_quote(library, QUOTE, speaker="Mayor")
    collection = collections.add_collection(library, "GMCA engagement")
    saved_searches.save(library, "Bus questions", "bus")
    draft = drafts.new_draft(library, "Briefing note", "Draft text.")
    themes.delete_theme(library, theme.id)
    evidence.delete_highlight(library, highlight.id)
    quotes.delete_quote(library, quote.id)
    collections.delete_collection(library, collection.id)
    saved_searches.delete(library, "Bus questions")
    drafts.delete_draft(library, draft.id)
    sources.trash(library, [sources.resolve_id(library, source_id)])


def test_every_kind_is_listed_with_its_type(qtbot, open_window, filled):
    trash_one_of_each(filled)
    window = open_window(filled)
    assert window.sidebar.label_of(TRASH) == "Trash (7)"
    click_sidebar(qtbot, window, TRASH)
    view = window.safety.trash_view
    assert view.isVisible()
    types = {view.table.topLevelItem(row).text(0): view.table.topLevelItem(row).text(1)
             for row in range(view.table.topLevelItemCount())}
    assert types["Devolution"] == "Theme"
    assert types[QUOTE] == "Quote"
    assert types["GMCA engagement"] == "Collection"
    assert types["Bus questions"] == "Saved search"
    assert types["Briefing note"] == "Draft"
    assert types["Franchising lets the mayor"] == "Highlight"
    assert sorted(types.values()).count("Source") == 1
    assert all(view.table.topLevelItem(row).text(2) for row in range(7))  # a deletion date
    assert view.summary.text() == "7 items in the trash"


def test_restore_a_theme_and_a_quote_from_the_trash_view(qtbot, open_window, filled):
    theme = themes.add_theme(filled, "Devolution")
    quote = quotes.add_quote(filled, QUOTE, speaker="Mayor")
    themes.delete_theme(filled, theme.id)
    quotes.delete_quote(filled, quote.id)
    window = open_window(filled)
    assert window.evidence.store.codebook.theme_named("Devolution") is None
    click_sidebar(qtbot, window, TRASH)
    view = window.safety.trash_view
    assert sorted(view.titles) == sorted(["Devolution", QUOTE])
    assert not view.restore_button.isEnabled()  # nothing chosen yet

    view.select_titles(["Devolution", QUOTE])
    view.restore_button.click()
    wait_idle(qtbot, window)
    assert window.status.message_text == "Restored 2 items."
    assert view.empty.isVisible()
    assert window.sidebar.label_of(TRASH) == "Trash (0)"
    assert window.evidence.store.codebook.theme_named("Devolution") is not None
    assert not quotes.get_quote(filled, quote.id).deleted_at


def test_empty_trash_from_the_view_asks_first(qtbot, open_window, filled, monkeypatch):
    theme = themes.add_theme(filled, "Devolution")
    themes.delete_theme(filled, theme.id)
    window = open_window(filled)
    click_sidebar(qtbot, window, TRASH)
    view = window.safety.trash_view
    questions = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *args: questions.append(text) or answer)
    view.empty_button.click()
    wait_idle(qtbot, window)
    assert questions and view.titles == ["Devolution"]

    answer = QMessageBox.StandardButton.Ok
    view.empty_button.click()
    wait_idle(qtbot, window)
    assert view.titles == [] and view.empty.isVisible()
    assert not view.empty_button.isEnabled()
    assert window.status.message_text.startswith("Deleted ")
