"""Selecting a theme shows its evidence where the list was, with filters; double-click opens the
source in the reader at the passage. A PDF's highlight shows its page."""

from PySide6.QtCore import Qt

from kb import evidence, sources
from kb.importing.pipeline import import_paths
from kb.index import indexer
from tests.kb.importing.conftest import build_pdf
from tests.ui.evidence_helpers import (
    highlight_with_dialog,
    make_coded_library,
    open_source,
    select_in_reader,
)
from tests.ui.helpers import wait_idle
from ui.scope import ALL_ITEMS
from ui.theme_view import EMPTY


def source_titled(lib, title):
    return next(s for s in (sources.get_source(lib, i) for i in sources.list_ids(lib))
                if s.title == title)


def click_theme(qtbot, window, name):
    section = window.evidence.themes
    qtbot.waitUntil(lambda: window.evidence.store.codebook.theme_named(name) is not None)
    item = section.item_for(window.evidence.store.codebook.theme_named(name).id)
    window.sidebar.scrollToItem(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    wait_idle(qtbot, window)


def test_the_theme_view_lists_evidence_filters_and_opens_the_passage(qtbot, open_window, lib):
    make_coded_library(lib)
    bus = source_titled(lib, "Bus franchising in Manchester")
    evidence.highlight_text(lib, bus.id, "Critics say franchising costs more",
                            [("Bus reform", "challenges")], note="Cost dispute")
    evidence.link_source(lib, source_titled(lib, "Devolution deals explained").id, "Transport")
    indexer.sync(lib)
    window = open_window(lib)

    click_theme(qtbot, window, "Skills")
    view = window.evidence.theme_view
    assert view.isVisible() and not window.list_pane.isVisible()
    assert view.empty.isVisible() and view.empty.text() == EMPTY

    click_theme(qtbot, window, "Transport")
    rows = view.table.rows()
    assert sorted(row.passage for row in rows) == ["", "Critics say franchising costs more"]
    assert "Transport" in view.title.text()

    view.filters.subthemes.setChecked(False)  # only what is tied to Transport itself
    wait_idle(qtbot, window)
    assert [row.source_title for row in view.table.rows()] == ["Devolution deals explained"]
    view.filters.subthemes.setChecked(True)
    view.filters.stance.setCurrentIndex(view.filters.stance.findData("challenges"))
    wait_idle(qtbot, window)
    assert [row.note for row in view.table.rows()] == ["Cost dispute"]

    item = view.table.topLevelItem(0)
    rect = view.table.visualItemRect(item)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText()
                    == "Critics say franchising costs more")
    assert window.reader.source.id == bus.id

    window.sidebar.select_scope(ALL_ITEMS)  # back to a list
    assert window.list_pane.isVisible() and not view.isVisible()


def test_a_pdf_highlight_keeps_its_page(qtbot, open_window, lib, tmp_path):
    pdf = tmp_path / "budget.pdf"
    pdf.write_bytes(build_pdf([["Page one talks about buses."],
                               ["Page two says skills budgets fell sharply."]],
                              {"Title": "Budget paper"}))
    import_paths(lib, [pdf])
    make_coded_library(lib)
    window = open_window(lib)
    title = next(s.title for s in (sources.get_source(lib, i) for i in sources.list_ids(lib))
                 if s.file_type == "pdf")
    open_source(qtbot, window, title)
    select_in_reader(window.reader, "skills budgets fell sharply")
    highlight_with_dialog(qtbot, window, "Skills", stance="supports")
    panel = window.evidence.highlights_panel
    qtbot.waitUntil(lambda: len(panel.items()) == 1)
    assert "p. 2" in panel.items()[0].text()
