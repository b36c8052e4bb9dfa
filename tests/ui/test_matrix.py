"""View ▸ Evidence Matrix: counts per theme and source; clicking a cell lists its evidence and
its summary can be written; co-occurrence and coverage tabs."""

from PySide6.QtCore import Qt

from kb import evidence, sources, theme_views
from kb.index import indexer
from tests.ui.evidence_helpers import make_coded_library
from tests.ui.helpers import wait_idle
from ui.matrix_model import CellRole


def test_clicking_a_cell_lists_its_evidence_and_saves_a_summary(qtbot, open_window, lib):
    make_coded_library(lib)
    bus = next(s for s in (sources.get_source(lib, i) for i in sources.list_ids(lib))
               if s.title.startswith("Bus"))
    evidence.highlight_text(lib, bus.id, "Critics say franchising costs more",
                            [("Bus reform", "challenges"), ("Skills", "context")])
    evidence.highlight_text(lib, bus.id, "The **Bee Network** began in 2023.",
                            [("Bus reform", "supports")])
    indexer.sync(lib)
    window = open_window(lib)
    window.evidence.matrix_action.trigger()
    matrix = window.evidence.matrix
    wait_idle(qtbot, window)
    assert matrix.isVisible()
    book = window.evidence.store.codebook
    transport = book.theme_named("Transport")
    index = matrix.index_of(transport.id, bus.title)
    assert index.data() == "2"  # its sub-theme's two passages count on its row
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None

    rect = matrix.table.visualRect(index)
    with qtbot.waitSignal(matrix.cell_loaded):
        qtbot.mouseClick(matrix.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sorted(row.passage for row in matrix.evidence.rows()) == [
        "Critics say franchising costs more", "The **Bee Network** began in 2023."]

    matrix.summary.setPlainText("Support for franchising, with cost doubts.")
    qtbot.mouseClick(matrix.save_summary, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    cells = theme_views.matrix(lib, "source")["cells"]
    saved = next(c for c in cells if c["theme_id"] == transport.id and c["group"] == bus.title)
    assert saved["summary"] == "Support for franchising, with cost doubts."
    qtbot.waitUntil(lambda: "cost doubts" in matrix.index_of(transport.id, bus.title).data(
        Qt.ItemDataRole.ToolTipRole))
    assert matrix.index_of(transport.id, bus.title).data(CellRole)["count"] == 2

    matrix.grouping.setCurrentIndex(matrix.grouping.findData("author"))
    wait_idle(qtbot, window)
    assert "Ann Lee" in matrix.model.columns

    assert matrix.cooccurrence.rows() == [("Bus reform", "Skills", 1)]
    coverage = matrix.coverage
    assert [coverage.uncoded.item(i).text() for i in range(coverage.uncoded.count())] == [
        "Devolution deals explained", "Skills funding streams"]
