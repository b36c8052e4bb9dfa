"""A library made for the search features (kinds, authors, years and tags to filter by; enough
matches for "funding" to page through) and ways to drive the search the way a person does."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from kb import sources
from kb.index import indexer
from tests.ui.helpers import wait_idle

ITEMS = [
    ("Bus franchising and fares funding", "report", ["Ann Lee"], "2023-05-01", ["transport"],
     "Franchising lets the mayor set fares. Funding for buses comes from the mayor."),
    ("Colleges funding crisis", "report", ["Sian Llewelyn"], "2024-02-01", ["skills"],
     "Further education colleges say their funding has fallen in real terms."),
    ("Skills funding streams", "note", ["Tom O'Brien"], "2021-11-08", ["skills"],
     "Nine separate skills funding streams reach providers here."),
    ("Trailblazer deals and single settlements", "article", ["Tom O'Brien"], "2024-03-01",
     ["devolution"], "Single settlements replace competitive funding pots for mayors."),
    ("Levelling up funding rounds", "web_page", ["Ann Lee"], "2022-06-10", ["levelling up"],
     "Three rounds of levelling up funding were bid for by councils."),
    ("Council finances under strain", "article", ["Rachel Adeyemi"], "2024-09-01",
     ["council finances"], "Section 114 notices follow gaps in funding and rising costs."),
    ("Tram extension business case", "report", ["Ann Lee"], "2019-04-01", ["transport"],
     "The tram extension needs capital funding from the transport settlement."),
]


def make_search_library(lib):
    for title, kind, authors, date, tags, body in ITEMS:
        sources.create_source(lib, title=title, kind=kind, authors=authors, date=date, tags=tags,
                              body=body)
    indexer.sync(lib)
    return lib


def type_query(qtbot, window, text):
    """Type into the search box (replacing what is there) and wait for the results."""
    field = window.search_box.field
    field.setFocus()
    field.selectAll()
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClicks(field, text)
    wait_idle(qtbot, window)


def click(qtbot, window, widget):
    """Click a button, or a checkbox on its box, and wait for what it starts."""
    position = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else QPoint()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=position)
    wait_idle(qtbot, window)


def facet_box(window, facet, value):
    panel = window.search_features.facet_panel
    box = panel.box_for(facet, value)
    assert box is not None, (facet, value, panel.labels(facet))
    panel.ensureWidgetVisible(box)  # scrolled to, as a person would
    return box
