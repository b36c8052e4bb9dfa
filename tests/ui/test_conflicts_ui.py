"""Conflicts: two libraries edit the same fields, exchange bundles, and the person resolves
what clashed in the Conflicts view (Keep Current / Take Other / Edit…)."""

import time

from PySide6.QtCore import Qt

from kb import sources
from kb.bundle.export import export_bundle
from kb.bundle.importer import import_bundle
from tests.ui.exchange_helpers import choose_files, colleague_library  # noqa: F401 - a fixture
from tests.ui.helpers import list_titles, wait_idle
from ui.scope import ALL_ITEMS

TITLE = "Bus franchising in Manchester"


def clash(mine, theirs, tmp_path, monkeypatch):
    """Both edit the same source's title and publisher; returns their bundle."""
    export_bundle(mine, tmp_path / "mine.edbundle")
    import_bundle(theirs, tmp_path / "mine.edbundle")
    source_id = next(row["id"] for row in sources.summaries(mine, sources.list_ids(mine))
                     if row["title"] == TITLE)
    sources.update_source(mine, source_id, title="Bus franchising: our view", publisher="GMCA")
    time.sleep(0.01)  # their edit is the newer one; ours stays current all the same
    sources.update_source(theirs, source_id, title="Bus franchising: their view",
                          publisher="TfGM")
    monkeypatch.setenv("KB_MEMBER", "Priya")
    bundle = tmp_path / "theirs.edbundle"
    export_bundle(theirs, bundle)
    monkeypatch.delenv("KB_MEMBER")
    return source_id, bundle


def click_row(qtbot, window, row) -> None:
    sidebar = window.sidebar
    rect = sidebar.visualItemRect(row)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)


def test_resolve_conflicts_through_the_view(qtbot, open_window, filled, colleague, tmp_path,
                                            monkeypatch):
    source_id, bundle = clash(filled, colleague, tmp_path, monkeypatch)
    window = open_window(filled)
    exchange = window.exchange
    assert exchange.conflicts_row.isHidden()  # none yet

    choose_files(monkeypatch, open_path=bundle)
    exchange.bundles.import_action.trigger()
    wait_idle(qtbot, window)
    preview = exchange.bundles.preview
    assert preview.count_rows == [["Items", "0", "0", "1", "0"]]
    assert sorted(preview.conflict_rows) == [
        ["Bus franchising: our view", "Publisher", "GMCA", "TfGM"],
        ["Bus franchising: our view", "Title", "Bus franchising: our view",
         "Bus franchising: their view"]]
    preview.import_button.click()
    wait_idle(qtbot, window)
    assert "2 conflicts to resolve" in window.status.message_text

    assert not exchange.conflicts_row.isHidden()
    assert exchange.conflicts_row.text(0) == "Conflicts (2)"
    click_row(qtbot, window, exchange.conflicts_row)
    view = exchange.conflicts
    assert view.isVisible()
    assert sorted(row[1] for row in view.rows) == ["Publisher", "Title"]
    assert all(row[2] == "Priya" for row in view.rows)

    view.list.setCurrentItem(view.list.topLevelItem([r[1] for r in view.rows].index("Title")))
    assert view.current.toPlainText() == "Bus franchising: our view"
    assert view.other.toPlainText() == "Bus franchising: their view"
    view.take_button.click()
    wait_idle(qtbot, window)
    assert window.status.message_text == "Took the other title (from Priya)."
    assert sources.get_source(filled, source_id).title == "Bus franchising: their view"
    assert exchange.conflicts_row.text(0) == "Conflicts (1)"
    assert [row[1] for row in view.rows] == ["Publisher"]

    dialog = view.edit()  # the one left is selected
    assert dialog.text == "GMCA"  # pre-filled with the merged starting point
    dialog.set_text("TfGM for GMCA")
    dialog.accept()
    wait_idle(qtbot, window)
    assert sources.get_source(filled, source_id).publisher == "TfGM for GMCA"
    assert view.empty.isVisible() and view.rows == []
    assert "Bus franchising: their view" in list_titles(window)

    window.sidebar.select_scope(ALL_ITEMS)  # leaving the view: the row goes with no conflicts
    wait_idle(qtbot, window)
    assert exchange.conflicts_row.isHidden() and not view.isVisible()


def test_view_menu_shows_the_empty_state(qtbot, open_window, filled):
    window = open_window(filled)
    window.exchange.conflicts_action.trigger()
    wait_idle(qtbot, window)
    view = window.exchange.conflicts
    assert view.isVisible() and view.empty.isVisible()
    assert view.empty.text().startswith("No conflicts to resolve.")
