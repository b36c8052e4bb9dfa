"""The Themes section of the sidebar: the starter codebook offered to an empty library, new
themes and sub-themes, renaming with F2, and deleting a theme with its evidence kept."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from kb import evidence, sources, themes
from kb.index import indexer
from tests.ui.evidence_helpers import make_coded_library
from tests.ui.helpers import wait_idle
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
