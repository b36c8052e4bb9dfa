"""Saved searches: saved from the search box's button with their filters and order, listed in
the sidebar, run by a click and kept live, renamed and deleted from the right-click menu."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from kb import saved_searches, sources
from tests.ui.helpers import list_titles, wait_idle
from tests.ui.search_helpers import click, facet_box, make_search_library, type_query

REPORTS = ["Bus franchising and fares funding", "Colleges funding crisis",
           "Tram extension business case"]


@pytest.fixture
def window(open_window, lib):
    return open_window(make_search_library(lib))


def answer_name(monkeypatch, name: str) -> list[str]:
    """The name a person types into the dialog; returns the defaults the dialog offered."""
    offered = []

    def get_text(parent, title, label, *args, text="", **kwargs):
        offered.append(text)
        return name, True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return offered


def sidebar_names(window) -> list[str]:
    return [row.text(0) for row in window.search_features.saved_section.rows()]


def click_row(qtbot, window, row) -> None:
    sidebar = window.sidebar
    sidebar.scrollToItem(row)
    rect = sidebar.visualItemRect(row)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)


def right_click_row(qtbot, window, row):
    sidebar = window.sidebar
    sidebar.scrollToItem(row)
    point = sidebar.visualItemRect(row).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              sidebar.viewport().mapToGlobal(point))
    QApplication.sendEvent(sidebar.viewport(), event)
    menu = window.search_features.saved_section.last_menu
    assert menu is not None and menu.isVisible()
    return menu


def choose(menu, text: str) -> None:
    action = next(action for action in menu.actions() if action.text() == text)
    menu.hide()
    action.trigger()


def save_funding_reports(qtbot, window, monkeypatch) -> list[str]:
    type_query(qtbot, window, "funding")
    click(qtbot, window, facet_box(window, "kind", "report"))
    combo = window.search_features.results_bar.sort_combo
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_End)  # Added (newest)
    wait_idle(qtbot, window)
    offered = answer_name(monkeypatch, "Funding reports")
    click(qtbot, window, window.search_features.saved_actions.save_button)
    wait_idle(qtbot, window)
    return offered


def test_saving_keeps_the_query_filters_and_order_in_the_sidebar(qtbot, window, monkeypatch):
    features = window.search_features
    assert not features.saved_actions.save_button.isEnabled()  # nothing to save yet
    assert features.saved_section._placeholder.text(0) == "None yet"
    offered = save_funding_reports(qtbot, window, monkeypatch)
    assert offered == ["funding"]  # the query is offered as the name
    assert sidebar_names(window) == ["Funding reports"]
    assert features.saved_section._placeholder.isHidden()
    assert features.saved_section.current_name() == "Funding reports"  # picked, and live
    assert window.status.message_text == "Saved the search “Funding reports”."
    saved = saved_searches.get(window.context.library, "Funding reports")
    assert (saved.query, saved.filters, saved.sort) == ("funding", {"kind": ["report"]}, "added")
    assert features.save_action.isEnabled()


def test_clicking_a_saved_search_runs_it_and_it_stays_live(qtbot, window, monkeypatch):
    save_funding_reports(qtbot, window, monkeypatch)
    QTest.keyClick(window.search_box.field, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)
    assert not window.list_pane.searching
    assert window.sidebar.scope.title == "All items"

    features = window.search_features
    click_row(qtbot, window, features.saved_section.row_for("Funding reports"))
    assert window.list_pane.searching
    assert window.search_box.text == "funding"
    assert sorted(list_titles(window)) == REPORTS
    assert features.results_bar.chips.texts == ["Kind: Report  ✕"]
    assert features.results_bar.sort_combo.currentText() == "Added (newest)"

    library = window.context.library
    window.context.write(lambda **_: sources.create_source(
        library, title="Funding the new stadium", kind="report", body="Stadium funding."),
        "Adding")
    wait_idle(qtbot, window)
    assert list_titles(window)[0] == "Funding the new stadium"  # newest added first
    assert features.saved_section.current_name() == "Funding reports"

    type_query(qtbot, window, " more")  # changed: no longer the saved search
    assert features.saved_section.current_name() is None


def test_rename_and_delete_from_the_right_click_menu(qtbot, window, monkeypatch):
    save_funding_reports(qtbot, window, monkeypatch)
    section = window.search_features.saved_section

    answer_name(monkeypatch, "Reports on funding")
    choose(right_click_row(qtbot, window, section.row_for("Funding reports")), "Rename…")
    wait_idle(qtbot, window)
    assert sidebar_names(window) == ["Reports on funding"]
    assert section.current_name() == "Reports on funding"
    assert sorted(list_titles(window)) == REPORTS  # still live under its new name

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    choose(right_click_row(qtbot, window, section.row_for("Reports on funding")), "Delete")
    wait_idle(qtbot, window)
    assert sidebar_names(window) == []
    assert not section._placeholder.isHidden()
    assert not window.list_pane.searching  # back to the list it came from
    assert window.search_box.text == ""
    assert saved_searches.list_all(window.context.library) == []


def test_the_file_menu_saves_too_and_a_name_in_use_asks_first(qtbot, window, monkeypatch):
    save_funding_reports(qtbot, window, monkeypatch)
    type_query(qtbot, window, "trams")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: (
        asked.append(args[2]), QMessageBox.StandardButton.No)[1])
    answer_name(monkeypatch, "funding REPORTS")
    window.search_features.save_action.trigger()
    wait_idle(qtbot, window)
    assert asked == ["There is already a saved search called “funding REPORTS”. Replace it?"]
    assert saved_searches.get(window.context.library, "Funding reports").query == "funding"
