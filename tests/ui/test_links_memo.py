"""The tabs beside the inspector: the source's memo (saved), links and backlinks (added with
Link to…, followed with a double-click), and collections from the list's menu."""

from PySide6.QtCore import Qt

from kb import collections, links, sources
from tests.ui.evidence_helpers import make_coded_library, open_source
from tests.ui.helpers import list_titles, wait_idle


def test_the_memo_is_saved_and_kept(qtbot, open_window, lib):
    window = open_window(make_coded_library(lib))
    open_source(qtbot, window, "Skills funding streams")
    memo = window.evidence.memo
    window.evidence.side_tabs.show_panel(memo)
    qtbot.keyClicks(memo.editor, "Nine streams is **too many**.")
    assert memo.state.text() == "Unsaved changes"
    qtbot.mouseClick(memo.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert sources.get_source(lib, window.reader.source.id).memo == "Nine streams is **too many**."
    assert memo.state.text() == ""
    memo.preview_button.click()
    assert "too many" in memo.preview.toPlainText() and "**" not in memo.preview.toPlainText()


def test_link_to_another_item_shows_a_backlink_there(qtbot, open_window, lib):
    window = open_window(make_coded_library(lib))
    open_source(qtbot, window, "Devolution deals explained")
    panel = window.evidence.links
    window.evidence.side_tabs.show_panel(panel)
    assert panel.empty.isVisible()
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.keyClicks(dialog.query, "skills funding")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    dialog.relation.setText("cites")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: panel.labels() == ["→ Skills funding streams   · cites"])
    assert window.evidence.side_tabs.tabText(window.evidence.side_tabs.indexOf(panel)) == "Links (1)"

    item = panel.list.item(0)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)
    assert window.reader.source.title == "Skills funding streams"
    qtbot.waitUntil(lambda: panel.labels() == ["← Devolution deals explained   · cites (backlink)"])
    assert len(links.links_of(lib, window.reader.source.id)) == 1


def test_items_go_into_a_collection_from_the_list_menu(qtbot, open_window, lib):
    make_coded_library(lib)
    collections.add_collection(lib, "Greater Manchester review")
    window = open_window(lib)
    qtbot.waitUntil(lambda: window.evidence.collections.scope_of(
        collections.get_collection(lib, "Greater Manchester review").id) is not None)
    window.list_pane.select_row(list_titles(window).index("Bus franchising in Manchester"))
    table = window.list_pane.list_table
    add = next(action for action in table.actions() if action.text() == "Add to &Collection")
    add.menu().aboutToShow.emit()
    target = next(a for a in add.menu().actions() if a.text() == "Greater Manchester review")
    target.trigger()
    wait_idle(qtbot, window)

    scope = window.evidence.collections.scope_of(
        collections.get_collection(lib, "Greater Manchester review").id)
    qtbot.waitUntil(lambda: window.sidebar.label_of(scope) == "Greater Manchester review (1)")
    window.sidebar.select_scope(scope)
    wait_idle(qtbot, window)
    assert list_titles(window) == ["Bus franchising in Manchester"]
