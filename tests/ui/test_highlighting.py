"""Highlighting in the reader: select, press H, choose a theme and stance, write a note, OK —
the passage is painted, listed beside the reader and counted in the sidebar."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QPushButton, QToolButton

from kb import evidence, sources
from tests.ui.evidence_helpers import (
    highlight_with_dialog,
    make_coded_library,
    open_source,
    select_in_reader,
)
from tests.ui.helpers import wait_idle
from ui.highlight_delegate import HighlightRole
from ui.reader_highlights import LAYER


def test_select_press_h_and_the_passage_is_evidence(qtbot, open_window, lib):
    window = open_window(make_coded_library(lib))
    qtbot.waitUntil(lambda: window.evidence.themes.item_for(
        window.evidence.store.codebook.theme_named("Bus reform").id) is not None)
    bus_reform = window.evidence.store.codebook.theme_named("Bus reform")
    transport = window.evidence.store.codebook.theme_named("Transport")
    assert window.evidence.themes.label_of(transport.id) == "Transport (0)"
    open_source(qtbot, window, "Bus franchising in Manchester")

    select_in_reader(window.reader, "The Bee Network began in 2023.")
    highlight_with_dialog(qtbot, window, "Bus ref", stance="supports", note="Launch date")

    source = window.reader.source
    stored = evidence.highlights_for_source(lib, source.id)
    assert len(stored) == 1
    assert stored[0].exact == "The **Bee Network** began in 2023."
    assert [(link.theme, link.stance) for link in stored[0].themes] == [("Bus reform", "supports")]

    panel = window.evidence.highlights_panel
    qtbot.waitUntil(lambda: len(panel.items()) == 1)
    text = panel.items()[0].text()
    assert "The **Bee Network** began in 2023." in text
    assert "Bus reform · supports" in text and "Note: Launch date" in text

    painted = window.reader._layers[LAYER]
    assert len(painted) == 1
    assert painted[0].cursor.selectedText() == "The Bee Network began in 2023."
    assert window.evidence.themes.label_of(bus_reform.id) == "Bus reform (1)"
    assert window.evidence.themes.label_of(transport.id) == "Transport (1)"
    assert window.evidence.side_tabs.tabText(1) == "Highlights (1)"


def test_edit_and_delete_from_the_side_panel_and_orphans_are_flagged(qtbot, open_window, lib):
    make_coded_library(lib)
    bus = next(s for s in (sources.get_source(lib, i) for i in sources.list_ids(lib))
               if s.title.startswith("Bus"))
    evidence.highlight_text(lib, bus.id, "Franchising lets the mayor set fares", ["Transport"])
    evidence.highlight_text(lib, bus.id, "the mayor disputes it", ["Transport"])
    sources.update_source(lib, bus.id, body=bus.body.replace("the mayor disputes it", "he denies"))
    window = open_window(lib)
    open_source(qtbot, window, "Bus franchising in Manchester")
    panel = window.evidence.highlights_panel
    qtbot.waitUntil(lambda: len(panel.items()) == 2)
    texts = [item.text() for item in panel.items()]
    assert sum("orphaned" in text for text in texts) == 1
    assert len(window.reader._layers[LAYER]) == 1  # the orphan is listed, not painted

    kept = next(item for item in panel.items() if "orphaned" not in item.text())
    rect = panel.list.visualItemRect(kept)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.textCursor().selectedText() == "Franchising lets the mayor set fares"

    window.evidence.highlight_actions.edit_highlight(kept.data(HighlightRole))
    dialog = window.evidence.highlight_actions.dialog
    qtbot.keyClicks(dialog.picker.field, "Skills")
    qtbot.keyClick(dialog.picker.field, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.note_edit, "Powers")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: any("Skills · context" in item.text() and "Note: Powers"
                                in item.text() for item in panel.items()))

    orphan = next(item for item in panel.items() if "orphaned" in item.text())
    window.evidence.highlight_actions.delete_highlight(orphan.data(HighlightRole))
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: len(panel.items()) == 1)
    assert len(evidence.highlights_for_source(lib, bus.id)) == 1


def test_h_without_a_selection_says_what_to_do(qtbot, open_window, lib):
    window = open_window(make_coded_library(lib))
    open_source(qtbot, window, "Skills funding streams")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert window.evidence.highlight_actions.dialog is None
    assert window.status.message_text == "Select some text in the reader first, then press H."


def test_link_the_whole_source_and_right_click_offers_highlighting(qtbot, open_window, lib):
    window = open_window(make_coded_library(lib))
    open_source(qtbot, window, "Devolution deals explained")
    panel = window.evidence.highlights_panel
    link_button = next(b for b in panel.findChildren(QToolButton) if b.text() == "Link Source…")
    qtbot.mouseClick(link_button, Qt.MouseButton.LeftButton)
    dialog = window.evidence.highlight_actions.dialog
    assert dialog.note_edit is None  # a whole source has no passage note
    qtbot.keyClicks(dialog.picker.field, "transp")
    qtbot.keyClick(dialog.picker.field, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    themes_panel = window.evidence.source_themes
    qtbot.waitUntil(lambda: themes_panel.theme_labels() == ["Transport · context"])

    select_in_reader(window.reader, "single settlements")
    point = window.reader.cursorRect().center()
    window.reader.customContextMenuRequested.emit(point)
    menu = next(m for m in window.reader.findChildren(QMenu) if m.isVisible())
    texts = [action.text() for action in menu.actions()]
    assert "&Highlight Selection…" in texts and "&Link Whole Source to Theme…" in texts
    menu.close()


def test_the_dialog_suggests_themes_for_the_passage(qtbot, open_window, lib):
    from kb import themes

    make_coded_library(lib)
    themes.update_theme(lib, "Bus reform", keywords="franchising, fares")
    window = open_window(lib)
    open_source(qtbot, window, "Bus franchising in Manchester")
    select_in_reader(window.reader, "Franchising lets the mayor set fares")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    dialog = window.evidence.highlight_actions.dialog
    qtbot.waitUntil(lambda: "Bus reform" in dialog.suggested_names)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Bus reform")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [name for name, _stance in dialog.picker.chosen()] == ["Bus reform"]
    dialog.reject()
