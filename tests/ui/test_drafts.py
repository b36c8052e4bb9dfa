"""Drafts as a person writes them: start one, type, drag a quote in, watch the preview cite it,
insert another from the palette, change the style, save, survive a crash, export to Word."""

import docx
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from kb import drafts, quotes
from kb.library import open_library
from tests.ui.evidence_helpers import make_coded_library, open_source, select_in_reader
from tests.ui.helpers import wait_idle
from tests.ui.writing_helpers import (
    PASSAGE,
    click_writing_row,
    draft_body,
    library_with_quote,
    open_new_draft,
)
from ui.context import AppContext
from ui.main_window import MainWindow


def drop_quote_on_editor(qtbot, window, row: int = 0) -> None:
    """Drag the quote in row `row` of the Quotes view and let go over the end of the text."""
    view = window.writing.quotes_view
    mime = view.proxy.mimeData([view.proxy.index(row, 0)])
    editor = window.writing.draft_pane.editor
    end = editor.cursorRect(editor.textCursor()).center() + QPoint(20, 0)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(end, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(editor.viewport(), enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(end, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(editor.viewport(), move)
    drop = QDropEvent(QPointF(end), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(editor.viewport(), drop)
    assert drop.isAccepted()
    wait_idle(qtbot, window)


def preview_text(window) -> str:
    return window.writing.draft_pane.preview.toPlainText()


def test_write_a_draft_and_drag_a_quote_into_it(qtbot, lib, open_window):
    quote = library_with_quote(lib)
    window = open_window(lib)
    click_writing_row(qtbot, window, "drafts")
    assert "No drafts yet" in window.writing.drafts_list.empty.text()
    draft_id = open_new_draft(qtbot, window, "Memo to the combined authority")
    pane = window.writing.draft_pane
    assert pane.isVisible() and window.writing.drafts_list.titles() == [
        "Memo to the combined authority"]

    editor = pane.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Franchising gives the mayor control.")
    click_writing_row(qtbot, window, "quotes")  # the editor stays beside the quotes
    assert pane.isVisible() and window.writing.quotes_view.isVisible()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    drop_quote_on_editor(qtbot, window)
    assert editor.toPlainText() == f"Franchising gives the mayor control.\n\n{quote.marker}\n\n"

    qtbot.waitUntil(lambda: PASSAGE in preview_text(window))
    text = preview_text(window)
    assert "(Lee, 2023)" in text and "References" in text
    assert "Lee, A. (2023) Bus franchising in Manchester" in text
    assert window.writing.words.text() == "5 words"  # markers are not the writer's words
    qtbot.waitUntil(lambda: pane.quotes_list.ids() == [quote.id])
    assert PASSAGE in pane.editor.quote_words[quote.id]  # the marker's tooltip

    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)  # back to writing
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert draft_body(lib, draft_id) == editor.toPlainText()
    assert window.status.message_text == "Saved “Memo to the combined authority”."
    assert quotes.drafts_using(lib, quote.id) == [
        {"id": draft_id, "title": "Memo to the combined authority"}]


def test_insert_palette_and_style(qtbot, lib, open_window):
    library_with_quote(lib)
    quotes.add_quote(lib, "Nobody rides a bus that never comes.", speaker="Jane Smith",
                     date="2024-03-04")
    window = open_window(lib)
    draft_id = open_new_draft(qtbot, window, "Briefing")
    pane = window.writing.draft_pane
    pane.editor.setFocus()
    qtbot.keyClick(pane.editor, Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    palette = pane.inserter.palette
    assert palette is not None and palette.isVisible()
    qtbot.waitUntil(lambda: palette.list.count() == 2)
    qtbot.keyClicks(palette.field, "never comes")
    assert palette.list.count() == 1
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert "{{quote:" in pane.editor.toPlainText()
    qtbot.waitUntil(lambda: "personal communication, 4 March 2024" in preview_text(window))

    pane.style_combo.setCurrentIndex(pane.style_combo.findData("apa"))
    pane.style_combo.activated.emit(pane.style_combo.currentIndex())
    wait_idle(qtbot, window)
    assert drafts.get_draft(lib, draft_id).style == "apa"
    qtbot.waitUntil(lambda: "J. Smith, personal communication, March 4, 2024" in
                    preview_text(window))
    assert window.writing.quotes_view.style == "apa"  # copying follows the draft's style


def test_autosave_survives_a_crash_and_is_offered_back(qtbot, lib, open_window, monkeypatch):
    library_with_quote(lib)
    window = open_window(lib)
    draft_id = open_new_draft(qtbot, window, "Crash test")
    pane = window.writing.draft_pane
    pane.autosaver.idle.setInterval(50)
    pane.editor.setFocus()
    qtbot.keyClicks(pane.editor, "Words that must not be lost")
    qtbot.waitUntil(lambda: drafts.recovered_text(lib, draft_id) is not None)
    wait_idle(qtbot, window)
    assert drafts.recovered_text(lib, draft_id) == "Words that must not be lost"

    # The app dies here (nothing more is saved); later it starts again on the same library.
    monkeypatch.setattr(pane, "leave", lambda: None)
    again = open_library(lib.folder)
    second = MainWindow(AppContext(again), remember_layout=False)
    qtbot.addWidget(second)
    second.show()
    wait_idle(qtbot, second)
    click_writing_row(qtbot, second, "drafts")
    second.writing.open_draft(draft_id)
    wait_idle(qtbot, second)
    revived = second.writing.draft_pane
    assert revived.recovery.isVisible() and "6 words" in revived.recovery.label.text()
    assert revived.editor.toPlainText() == ""  # as last saved, until the person chooses
    qtbot.mouseClick(revived.recovery.restore_button, Qt.MouseButton.LeftButton)
    assert revived.editor.toPlainText() == "Words that must not be lost"
    assert not revived.recovery.isVisible()
    qtbot.keyClick(revived.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, second)
    assert draft_body(again, draft_id) == "Words that must not be lost"
    assert drafts.recovered_text(again, draft_id) is None


def test_discard_keeps_the_draft_as_saved(qtbot, lib, open_window):
    library_with_quote(lib)
    draft = drafts.new_draft(lib, "Old words", body="As saved.")
    drafts.autosave(lib, draft.id, "As typed before the crash.")
    window = open_window(lib)
    click_writing_row(qtbot, window, "drafts")
    window.writing.open_draft(draft.id)
    wait_idle(qtbot, window)
    pane = window.writing.draft_pane
    assert pane.recovery.isVisible()
    qtbot.mouseClick(pane.recovery.discard_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert pane.editor.toPlainText() == "As saved." and drafts.recovered_text(lib, draft.id) is None


def test_switching_drafts_saves_what_was_typed(qtbot, lib, open_window):
    library_with_quote(lib)
    first = drafts.new_draft(lib, "First", body="One.")
    second = drafts.new_draft(lib, "Second", body="Two.")
    window = open_window(lib)
    click_writing_row(qtbot, window, "drafts")
    window.writing.open_draft(first.id)
    wait_idle(qtbot, window)
    pane = window.writing.draft_pane
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(pane.editor, " More.")
    window.writing.open_draft(second.id)
    wait_idle(qtbot, window)
    assert pane.editor.toPlainText() == "Two."
    assert draft_body(lib, first.id) == "One. More."


def test_deleting_the_open_draft_closes_it_and_ctrl_z_brings_it_back(qtbot, lib, open_window):
    library_with_quote(lib)
    draft = drafts.new_draft(lib, "Doomed", body="Short-lived.")
    window = open_window(lib)
    click_writing_row(qtbot, window, "drafts")
    listing = window.writing.drafts_list
    listing.tree.setCurrentItem(listing.tree.topLevelItem(0))  # opens it
    wait_idle(qtbot, window)
    pane = window.writing.draft_pane
    assert pane.draft_id == draft.id
    listing.tree.setFocus()
    qtbot.keyClick(listing.tree, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert pane.draft is None and "“Doomed” was moved to the trash." in pane.empty.text()
    assert listing.stack.currentWidget() is listing.empty
    window.safety.undo.undo_action.trigger()
    wait_idle(qtbot, window)
    assert listing.titles() == ["Doomed"]


def test_export_to_word_with_the_quote_and_references(qtbot, lib, open_window, tmp_path,
                                                      monkeypatch):
    quote = library_with_quote(lib)
    draft = drafts.new_draft(lib, "Client memo", body=f"Why franchise?\n\n{quote.marker}\n")
    window = open_window(lib)
    click_writing_row(qtbot, window, "drafts")
    window.writing.open_draft(draft.id)
    wait_idle(qtbot, window)
    pane = window.writing.draft_pane
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(pane.editor, "Typed just before exporting.")
    target = tmp_path / "out" / "memo"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Word document (*.docx)"))
    window.writing.draft_actions.export_action.trigger()
    wait_idle(qtbot, window)

    written = target.with_name("memo.docx")
    assert written.exists()
    paragraphs = [p.text for p in docx.Document(str(written)).paragraphs]
    assert any(PASSAGE in text for text in paragraphs)
    assert any(text.startswith("Lee, A. (2023) Bus franchising in Manchester") for text in
               paragraphs)
    assert any("Typed just before exporting." in text for text in paragraphs)
    assert "Exported “Client memo” as a Word document" in window.status.message_text
    assert not pane.unsaved()  # the export saved the text first


def test_markers_go_in_at_the_right_place_after_emoji_and_show_their_words(qtbot, lib):
    from PySide6.QtGui import QTextCursor

    from ui.draft_editor import DraftTextEdit

    quote = library_with_quote(lib)
    editor = DraftTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("Buses 🚌 matter. More text.")
    cursor = editor.textCursor()
    cursor.setPosition(len("Buses 🚌 matter.".encode("utf-16-le")) // 2)  # Qt counts UTF-16
    editor.setTextCursor(cursor)
    editor.insert_quotes([quote])
    assert editor.toPlainText() == f"Buses 🚌 matter.\n\n{quote.marker}\n\n More text."
    editor.undo()  # one step takes the whole insertion back
    assert editor.toPlainText() == "Buses 🚌 matter. More text."
    editor.redo()
    on_marker = QTextCursor(editor.document().findBlockByNumber(2))
    on_marker.movePosition(QTextCursor.MoveOperation.Right, n=5)
    assert editor.marker_at(on_marker) == quote.id
    editor.select_marker(quote.id)
    assert editor.textCursor().selectedText() == quote.marker


def test_drag_a_passage_from_the_reader_into_a_draft(qtbot, lib, open_window):
    make_coded_library(lib)
    window = open_window(lib)
    draft_id = open_new_draft(qtbot, window, "Passages")
    open_source(qtbot, window, "Bus franchising in Manchester")
    passage = "Franchising lets the mayor set fares"
    select_in_reader(window.reader, passage)
    mime = window.reader.createMimeDataFromSelection()  # what a drag out of the reader carries
    editor = window.writing.draft_pane.editor
    assert editor.drop_mime(mime, 0)
    qtbot.waitUntil(lambda: "{{quote:" in editor.toPlainText())
    [quote] = quotes.list_quotes(lib)
    assert quote.text == passage and quote.source_title == "Bus franchising in Manchester"
    assert editor.toPlainText().startswith(quote.marker)
    assert draft_id
