"""Helpers for the quotes and drafts tests: a library with a source, themes and a clipped quote,
and moving between the sidebar's Quotes and Drafts the way a person clicks."""

from PySide6.QtCore import Qt

from kb import drafts, quotes
from kb.index import indexer
from tests.ui.evidence_helpers import BUS_BODY, make_coded_library
from tests.ui.helpers import wait_idle

PASSAGE = "Franchising lets the mayor set fares and routes."


def library_with_quote(lib):
    """The coded library plus one quote clipped from the bus report."""
    make_coded_library(lib)
    bus = next(s for s in _sources(lib) if s.title.startswith("Bus"))
    start = BUS_BODY.index(PASSAGE)
    quote = quotes.clip_quote(lib, bus.id, start, start + len(PASSAGE), themes=["Transport"])
    indexer.sync(lib)
    return quote


def _sources(lib):
    from kb import sources

    return [sources.get_source(lib, i) for i in sources.list_ids(lib)]


def click_writing_row(qtbot, window, view: str) -> None:
    sidebar = window.sidebar
    rect = sidebar.visualItemRect(window.writing.section.rows[view])
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)


def open_new_draft(qtbot, window, title: str) -> str:
    """Drafts ▸ New Draft…, type the title, OK; returns the new draft's id once it is open."""
    click_writing_row(qtbot, window, "drafts")
    qtbot.mouseClick(window.writing.drafts_list.new_button, Qt.MouseButton.LeftButton)
    dialog = window.writing.draft_actions.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue(title)
    dialog.accept()
    window.activateWindow()  # a window manager does this when a dialog closes; offscreen not
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.writing.draft_pane
    qtbot.waitUntil(lambda: pane.draft is not None and pane.draft.title == title)
    wait_idle(qtbot, window)
    return pane.draft.id


def draft_body(lib, draft_id: str) -> str:
    return drafts.get_draft(lib, draft_id).body
