"""The Themes section of the sidebar: the starter codebook offered to an empty library, new
themes and sub-themes, renaming with F2, deleting a theme with its evidence kept, and
reorganising the codebook by dragging a theme onto another or onto the section's heading."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from kb import evidence, sources, themes
from kb.index import indexer
from tests.ui.evidence_helpers import make_coded_library
from tests.ui.helpers import wait_idle
from ui.scope import ALL_ITEMS, TRASH
from ui.theme_tree import STARTER, OfferRole


def offers(window):
    section = window.evidence.themes.section
    return [section.child(i) for i in range(section.childCount())
            if section.child(i).data(0, OfferRole)]


def test_an_empty_library_is_offered_the_starter_codebook(qtbot, open_window, lib):
    window = open_window(lib)
    qtbot.waitUntil(lambda: len(offers(window)) == 2)
    starter = next(item for item in offers(window) if item.data(0, OfferRole) == STARTER)
    assert starter.text(0) == "Add the levelling-up starter codebook"
    sidebar = window.sidebar
    sidebar.scrollToItem(starter)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualItemRect(starter).center())
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.evidence.store.codebook.theme_named("Devolution") is not None)
    devolution = window.evidence.store.codebook.theme_named("Devolution")
    assert window.evidence.themes.label_of(devolution.id) == "Devolution (0)"
    assert offers(window) == []
    assert window.status.message_text.startswith("Added ")


def test_new_sub_theme_then_rename_with_f2(qtbot, open_window, lib):
    window = open_window(make_coded_library(lib))
    qtbot.waitUntil(lambda: window.evidence.store.loaded_once)
    actions = window.evidence.theme_actions
    transport = window.evidence.store.codebook.theme_named("Transport")
    actions.new_theme(transport)
    dialog = actions.dialog
    qtbot.keyClicks(dialog.name, "Rail")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(qtbot, window)
    rail = themes.get_theme(lib, "Rail")
    assert rail.parent_id == transport.id
    section = window.evidence.themes
    qtbot.waitUntil(lambda: section.item_for(rail.id) is not None)
    assert window.sidebar.currentItem() is section.item_for(rail.id)  # the new theme is picked

    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F2)
    rename = actions.dialog
    assert rename is not None and rename.textValue() == "Rail"
    rename.setTextValue("Rail and trams")
    rename.accept()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: section.label_of(rail.id) == "Rail and trams (0)")
    assert not window.inspector.edits["title"].hasFocus()


def test_deleting_a_theme_moves_its_evidence_to_the_parent(qtbot, open_window, lib):
    make_coded_library(lib)
    bus = next(s for s in (sources.get_source(lib, i) for i in sources.list_ids(lib))
               if s.title.startswith("Bus"))
    evidence.highlight_text(lib, bus.id, "Critics say franchising costs more",
                            [("Bus reform", "challenges")])
    indexer.sync(lib)
    window = open_window(lib)
    qtbot.waitUntil(lambda: window.evidence.store.loaded_once)
    book = window.evidence.store.codebook
    bus_reform, transport = book.theme_named("Bus reform"), book.theme_named("Transport")
    assert window.evidence.themes.label_of(transport.id) == "Transport (1)"

    window.evidence.theme_actions.delete(bus_reform)
    dialog = window.evidence.theme_actions.dialog
    assert any("Nothing is lost" in label.text() for label in dialog.findChildren(QLabel))
    assert dialog.to_parent.isChecked()
    assert "“Transport”" in dialog.to_parent.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(qtbot, window)

    qtbot.waitUntil(lambda: window.evidence.themes.item_for(bus_reform.id) is None)
    assert window.evidence.themes.label_of(transport.id) == "Transport (1)"
    rows = [h for h in evidence.highlights_for_source(lib, bus.id)]
    assert [(link.theme, link.stance) for link in rows[0].themes] == [("Transport", "challenges")]
    assert "moved to the parent" in window.status.message_text


# -- dragging themes ----------------------------------------------------------------------------
class Drag:
    """A drag carried over sidebar rows and let go, delivered through the window as the platform
    does (Qt finds the widget under the pointer that takes drops)."""

    def __init__(self, window, mime: QMimeData):
        self._window = window
        self._mime = mime
        self._position = QPointF()
        self.entered: bool | None = None  # whether the sidebar took the drag at all

    def over(self, row) -> bool:
        """Move the pointer onto `row`: whether a drop is offered there."""
        sidebar = self._window.sidebar
        sidebar.scrollToItem(row)
        point = sidebar.visualItemRect(row).center()
        self._position = QPointF(sidebar.viewport().mapTo(self._window, point))
        if self.entered is None:
            self.entered = self._send(QDragEnterEvent).isAccepted()
        return self.entered and self._send(QDragMoveEvent).isAccepted()

    def release(self) -> bool:
        """Let go (even where a platform would not deliver it): whether the drop was taken."""
        return self._send(QDropEvent).isAccepted()

    def _send(self, kind):
        event = kind(self._position, Qt.DropAction.MoveAction, self._mime,
                     Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self._window.windowHandle(), event)
        return event


def lit(row) -> bool:
    """Whether the row is marked as where the drag would fall."""
    return row.background(0).style() != Qt.BrushStyle.NoBrush


def pick_up(qtbot, window, name: str) -> Drag:
    """Press a theme's row (it becomes the selected one) and start dragging it, carrying what
    the sidebar puts in a drag of the selected row."""
    item = theme_row(window, name)
    sidebar = window.sidebar
    sidebar.scrollToItem(item)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualItemRect(item).center())
    assert sidebar.selectedItems() == [item]
    mime = sidebar.mimeData(sidebar.selectedItems())
    assert mime is not None
    drag = Drag(window, mime)
    drag.over(item)  # a drag starts over the row it picks up
    return drag


def theme_row(window, name: str):
    return window.evidence.themes.item_for(window.evidence.store.codebook.theme_named(name).id)


def row_parent_name(window, name: str) -> str:
    """The row a theme's row sits under, as its label reads (the section's heading is THEMES)."""
    return theme_row(window, name).parent().text(0).rsplit(" (", 1)[0]


def open_codebook(qtbot, open_window, lib):
    """Transport › Bus reform open, and Skills › Apprenticeships folded shut."""
    make_coded_library(lib)
    themes.add_theme(lib, "Apprenticeships", parent="Skills")
    window = open_window(lib)
    qtbot.waitUntil(lambda: window.evidence.store.loaded_once)
    theme_row(window, "Skills").setExpanded(False)
    theme_row(window, "Transport").setExpanded(True)
    return window


def test_dragging_a_theme_onto_another_makes_it_a_sub_theme(qtbot, open_window, lib):
    window = open_codebook(qtbot, open_window, lib)
    theme_row(window, "Transport").setExpanded(False)
    drag = pick_up(qtbot, window, "Skills")
    assert drag.entered and not lit(theme_row(window, "Skills"))
    assert drag.over(theme_row(window, "Transport")) and lit(theme_row(window, "Transport"))
    assert drag.release()
    wait_idle(qtbot, window)

    qtbot.waitUntil(lambda: row_parent_name(window, "Skills") == "Transport")
    transport = themes.get_theme(lib, "Transport")
    assert themes.get_theme(lib, "Skills").parent_id == transport.id
    assert window.status.message_text == "Moved “Skills” under “Transport”."
    assert window.sidebar.currentItem() is theme_row(window, "Skills")  # still the picked one
    assert theme_row(window, "Transport").isExpanded()  # opened to show where it went
    assert not theme_row(window, "Skills").isExpanded()  # as it was: its sub-theme stays folded
    assert row_parent_name(window, "Apprenticeships") == "Skills"
    assert not lit(theme_row(window, "Transport"))
    assert window.message_bar.text == ""


def test_dropping_a_theme_on_the_themes_heading_makes_it_top_level(qtbot, open_window, lib):
    window = open_codebook(qtbot, open_window, lib)
    heading = window.evidence.themes.section
    drag = pick_up(qtbot, window, "Bus reform")
    assert drag.over(heading) and lit(heading)
    assert drag.release()
    wait_idle(qtbot, window)

    qtbot.waitUntil(lambda: theme_row(window, "Bus reform").parent() is heading)
    assert themes.get_theme(lib, "Bus reform").parent_id is None
    assert window.status.message_text == "Moved “Bus reform” to the top level."
    assert window.sidebar.currentItem() is theme_row(window, "Bus reform")
    assert not theme_row(window, "Skills").isExpanded()  # other rows keep their folding

    already_top_level = pick_up(qtbot, window, "Skills")
    assert not already_top_level.over(heading) and not lit(heading)


def test_a_theme_cannot_go_under_itself_its_sub_theme_or_where_it_is(qtbot, open_window, lib):
    window = open_codebook(qtbot, open_window, lib)
    before = {theme.name: (theme.parent_id, theme.rev) for theme in themes.all_themes(lib)}

    drag = pick_up(qtbot, window, "Transport")
    assert drag.entered and not drag.over(theme_row(window, "Transport"))
    assert not drag.over(theme_row(window, "Bus reform")) and not lit(theme_row(window, "Bus reform"))
    assert window.status.message_text == ("“Transport” cannot go under its own sub-theme "
                                          "“Bus reform”.")
    drag.release()  # the core is asked, and refuses
    wait_idle(qtbot, window)
    assert window.message_bar.text == ("'Transport' cannot move under itself or one of its "
                                       "sub-themes.")

    drag = pick_up(qtbot, window, "Bus reform")
    assert not drag.over(theme_row(window, "Transport"))  # its parent already
    drag.release()
    wait_idle(qtbot, window)
    assert window.status.message_text == "“Bus reform” is already under “Transport”."

    assert {theme.name: (theme.parent_id, theme.rev) for theme in themes.all_themes(lib)} == before
    assert row_parent_name(window, "Bus reform") == "Transport"
    assert row_parent_name(window, "Transport") == "THEMES"


def test_only_theme_rows_are_dragged_and_only_onto_themes(qtbot, open_window, lib):
    window = open_codebook(qtbot, open_window, lib)
    sidebar = window.sidebar
    library_heading = sidebar.row_for(ALL_ITEMS).parent()
    for row in (sidebar.row_for(ALL_ITEMS), sidebar.row_for(TRASH), library_heading,
                window.evidence.themes.section):
        assert sidebar.mimeData([row]) is None

    for row in (sidebar.row_for(ALL_ITEMS), library_heading):
        drag = pick_up(qtbot, window, "Skills")
        assert not drag.over(row) and not lit(row)
        assert not drag.release()

    words = QMimeData()
    words.setText("Skills")
    not_a_theme = Drag(window, words)
    assert not not_a_theme.over(theme_row(window, "Transport"))
    assert not not_a_theme.entered and not lit(theme_row(window, "Transport"))
    wait_idle(qtbot, window)
    assert themes.get_theme(lib, "Skills").parent_id is None
    assert row_parent_name(window, "Skills") == "THEMES"


def test_files_dropped_on_the_theme_tree_are_imported(qtbot, open_window, lib, tmp_path):
    window = open_codebook(qtbot, open_window, lib)
    note = tmp_path / "rail-notes.md"
    note.write_text("# Rail notes\n\nTram extensions need franchised buses.\n", "utf-8")
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(note))])
    drag = Drag(window, files)
    with qtbot.waitSignal(window.imports.finished, timeout=10_000):
        assert drag.over(theme_row(window, "Skills"))
        assert drag.release()
    wait_idle(qtbot, window)
    assert window.status.message_text == "Imported 1 item."
    assert row_parent_name(window, "Skills") == "THEMES"


def test_move_under_names_the_new_parent_and_shows_the_theme_there(qtbot, open_window, lib):
    window = open_codebook(qtbot, open_window, lib)
    actions = window.evidence.theme_actions
    actions.move(window.evidence.store.codebook.theme_named("Apprenticeships"))
    dialog = actions.dialog
    dialog.setTextValue("Transport")
    dialog.accept()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: row_parent_name(window, "Apprenticeships") == "Transport")
    assert themes.get_theme(lib, "Apprenticeships").parent_id == themes.get_theme(
        lib, "Transport").id
    assert window.status.message_text == "Moved “Apprenticeships” under “Transport”."
    assert window.sidebar.currentItem() is theme_row(window, "Apprenticeships")
