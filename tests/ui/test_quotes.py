"""Quotes as a person makes and uses them: select words in the reader, press Ctrl+Shift+C, fill
the dialog, find the quote in the Quotes view, copy it with its citation, type one in from a
call, filter the list."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kb import quotes
from tests.ui.evidence_helpers import BUS_BODY, make_coded_library, open_source, select_in_reader
from tests.ui.helpers import wait_idle
from tests.ui.writing_helpers import PASSAGE, click_writing_row, library_with_quote
from ui.item_model import ItemTypeRole


@pytest.fixture
def clipboard(qapp):
    """The clipboard, emptied afterwards: Qt's offscreen platform crashes at exit if it still
    holds rich text."""
    board = QApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def quote_rows(window) -> list[str]:
    model = window.writing.quotes_view.proxy
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_clip_a_selection_as_a_quote(qtbot, lib, open_window):
    make_coded_library(lib)
    window = open_window(lib)
    open_source(qtbot, window, "Bus franchising in Manchester")
    select_in_reader(window.reader, PASSAGE)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.writing.quote_actions.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text_edit.toPlainText() == PASSAGE and dialog.text_edit.isReadOnly()
    assert "Ann Lee" in dialog.speaker_edit.placeholderText()  # empty means the author
    qtbot.keyClicks(dialog.themes_field, "Bus ref")
    dialog.themes_field.setText("Bus reform, Mayors")  # one known theme, one new
    qtbot.keyClicks(dialog.note_edit, "Core of the franchising case")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)

    [quote] = quotes.list_quotes(lib)
    start = BUS_BODY.index(PASSAGE)
    assert (quote.text, quote.start, quote.end) == (PASSAGE, start, start + len(PASSAGE))
    assert quote.themes == ["Bus reform", "Mayors"] and quote.note.startswith("Core")
    assert window.status.message_text == "Clipped as a quote."

    click_writing_row(qtbot, window, "quotes")
    assert window.writing.quotes_view.isVisible()
    assert quote_rows(window) == [PASSAGE]
    assert window.writing.section.rows["quotes"].text(0) == "Quotes (1)"
    # The new quote is selected, and shown in full with its citation and source.
    detail = window.writing.quotes_view.detail
    qtbot.waitUntil(lambda: detail.citation == "(Lee, 2023)")
    text = detail.browser.toPlainText()
    assert "Bus franchising in Manchester" in text and "Not used yet" in text


def test_clip_is_offered_in_the_readers_menu_and_needs_a_selection(qtbot, lib, open_window):
    make_coded_library(lib)
    window = open_window(lib)
    clip = window.writing.quote_actions.clip_action
    assert clip in window.evidence.highlight_actions.extra_menu_actions
    open_source(qtbot, window, "Bus franchising in Manchester")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.writing.quote_actions.dialog is None
    assert "Select some words" in window.status.message_text


def test_copy_with_citation_puts_rich_and_plain_text_on_the_clipboard(qtbot, lib, open_window,
                                                                    clipboard):
    library_with_quote(lib)
    window = open_window(lib)
    click_writing_row(qtbot, window, "quotes")
    view = window.writing.quotes_view
    view.table.selectRow(0)
    view.table.setFocus()
    with qtbot.waitSignal(window.writing.quote_actions.copied):
        qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = clipboard.mimeData()
    assert mime.hasHtml() and mime.hasText()
    assert f"“{PASSAGE}”" in mime.text() and "(Lee, 2023)" in mime.text()
    assert "(Lee, 2023)" in mime.html() and "mayor set fares" in mime.html()

    view.style_combo.setCurrentIndex(view.style_combo.findData("chicago"))
    with qtbot.waitSignal(window.writing.quote_actions.copied):
        view.copy_action.trigger()
    assert "(Lee 2023)" in clipboard.mimeData().text()
    assert "Chicago" in window.status.message_text


def test_type_in_a_quote_from_a_call(qtbot, lib, open_window):
    make_coded_library(lib)
    window = open_window(lib)
    click_writing_row(qtbot, window, "quotes")
    assert "No quotes yet" in window.writing.quotes_view.empty.text()
    window.writing.quote_actions.new_action.trigger()
    qtbot.waitUntil(lambda: window.writing.quote_actions.dialog is not None)
    dialog = window.writing.quote_actions.dialog
    assert not dialog.ok_button.isEnabled()  # nothing to keep yet
    qtbot.keyClicks(dialog.text_edit, "Nobody rides a bus that never comes.")
    qtbot.keyClicks(dialog.speaker_edit, "Jane Smith")
    qtbot.keyClicks(dialog.date_edit, "2024-03-04")
    qtbot.keyClicks(dialog.locator_edit, "00:14:05")
    assert dialog.source_id() is None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)

    assert quote_rows(window) == ["Nobody rides a bus that never comes."]
    detail = window.writing.quotes_view.detail
    qtbot.waitUntil(lambda: "personal communication" in detail.citation)
    assert detail.citation == "(Smith, personal communication, 4 March 2024) [00:14:05]"


def test_filters_narrow_the_quotes(qtbot, lib, open_window):
    first = library_with_quote(lib)
    bus = first.source_id
    quotes.add_quote(lib, "Skills money arrives in nine streams.", speaker="Tom O'Brien",
                     themes=["Skills"], tags=["funding"])
    quotes.add_quote(lib, "The mayor disputes it.", source_id=bus, speaker="Andy Burnham")
    window = open_window(lib)
    click_writing_row(qtbot, window, "quotes")
    view = window.writing.quotes_view
    assert len(quote_rows(window)) == 3

    theme = view.combos["theme"]
    theme.setCurrentIndex(theme.findData("Skills"))
    theme.activated.emit(theme.currentIndex())
    wait_idle(qtbot, window)
    assert quote_rows(window) == ["Skills money arrives in nine streams."]
    theme.setCurrentIndex(0)

    source = view.combos["source_id"]
    source.setCurrentIndex(source.findData(bus))
    source.activated.emit(source.currentIndex())
    wait_idle(qtbot, window)
    assert sorted(quote_rows(window)) == sorted([PASSAGE, "The mayor disputes it."])

    qtbot.keyClicks(view.filter_box, "burnham")
    assert quote_rows(window) == ["The mayor disputes it."]
    qtbot.keyClicks(view.filter_box, " nothing-like-this")
    assert view.stack.currentWidget() is view.empty and "No quotes match" in view.empty.text()


def test_delete_moves_a_quote_to_the_trash(qtbot, lib, open_window):
    library_with_quote(lib)
    window = open_window(lib)
    click_writing_row(qtbot, window, "quotes")
    view = window.writing.quotes_view
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert quotes.list_quotes(lib) == []
    assert view.stack.currentWidget() is view.empty
    undo = window.safety.undo.undo_action
    assert undo.text() == "&Undo Delete Quote"
    undo.trigger()
    wait_idle(qtbot, window)
    assert quote_rows(window) == [PASSAGE]


def test_the_detail_lists_the_drafts_using_a_quote_and_opens_them(qtbot, lib, open_window):
    from PySide6.QtCore import QUrl

    from kb import drafts

    quote = library_with_quote(lib)
    draft = drafts.new_draft(lib, "Board paper", body=f"Intro.\n\n{quote.marker}\n")
    window = open_window(lib)
    click_writing_row(qtbot, window, "quotes")
    view = window.writing.quotes_view
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: "Board paper" in view.detail.browser.toPlainText())
    view.detail.browser.anchorClicked.emit(QUrl(f"draft:{draft.id}"))
    wait_idle(qtbot, window)
    assert window.writing.section.current == "drafts"
    assert window.writing.draft_pane.isVisible()
    assert window.writing.draft_pane.editor.toPlainText() == draft.body

    click_writing_row(qtbot, window, "quotes")
    view.table.selectRow(0)
    view.detail.browser.anchorClicked.emit(QUrl(f"source:{quote.source_id}"))
    wait_idle(qtbot, window)
    assert window.reader.isVisible() and window.reader.source.id == quote.source_id


def test_quotes_and_drafts_found_by_search_open_where_they_live(qtbot, lib, open_window):
    from kb import drafts
    from kb.index import indexer
    from tests.ui.search_helpers import type_query

    quote = library_with_quote(lib)
    draft = drafts.new_draft(lib, "Trolleybus revival memo", body="Trolleybuses are back.")
    indexer.sync(lib)
    window = open_window(lib)
    table = window.list_pane.results_table

    def activate(item_type: str) -> None:
        model = table.model()
        row = next(r for r in range(model.rowCount())
                   if model.index(r, 0).data(ItemTypeRole) == item_type)
        table.activated.emit(model.index(row, 0))
        wait_idle(qtbot, window)

    type_query(qtbot, window, "trolleybuses")
    activate("draft")
    assert window.writing.draft_pane.draft_id == draft.id
    assert window.writing.draft_pane.isVisible()

    type_query(qtbot, window, "routes")
    activate("quote")
    view = window.writing.quotes_view
    assert view.isVisible() and view.current_quote().id == quote.id
