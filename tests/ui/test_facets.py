"""Facets beside the results: counts for the query, ticking values narrows (any within a facet,
all across facets), chips remove filters, "Clear filters", and the facets follow the query."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.helpers import list_titles, wait_idle
from tests.ui.search_helpers import click, facet_box, make_search_library, type_query


@pytest.fixture
def window(open_window, lib):
    return open_window(make_search_library(lib))


def test_facets_show_counts_for_the_query(qtbot, window):
    panel = window.search_features.facet_panel
    assert not panel.isVisible()  # nothing searched yet
    type_query(qtbot, window, "funding")
    assert panel.isVisible()
    assert len(list_titles(window)) == 7
    assert panel.labels("kind") == ["Report (3)", "Article (2)", "Note (1)", "Web page (1)"]
    assert "Ann Lee (3)" in panel.labels("author")
    assert panel.labels("year")[:2] == ["2024 (3)", "2023 (1)"]
    assert "transport (2)" in panel.labels("tag")
    assert not panel.sections["theme"].isVisible()  # nothing coded yet: no empty facet shown


def test_ticking_values_narrows_any_within_a_facet_all_across(qtbot, window):
    type_query(qtbot, window, "funding")
    chips = window.search_features.results_bar.chips
    panel = window.search_features.facet_panel

    click(qtbot, window, facet_box(window, "kind", "report"))
    assert sorted(list_titles(window)) == ["Bus franchising and fares funding",
                                           "Colleges funding crisis",
                                           "Tram extension business case"]
    assert chips.isVisible() and chips.texts == ["Kind: Report  ✕"]
    assert "Article (2)" in panel.labels("kind")  # the other kinds stay on offer
    assert facet_box(window, "kind", "report").isChecked()

    click(qtbot, window, facet_box(window, "kind", "article"))  # either kind
    assert len(list_titles(window)) == 5
    click(qtbot, window, facet_box(window, "author", "Ann Lee"))  # and by Ann Lee
    assert sorted(list_titles(window)) == ["Bus franchising and fares funding",
                                           "Tram extension business case"]
    assert chips.texts == ["Kind: Report  ✕", "Kind: Article  ✕", "Author: Ann Lee  ✕"]
    assert window.list_pane.info.text().startswith("2 matches")

    click(qtbot, window, chips.chips[2])  # the Ann Lee chip
    assert len(list_titles(window)) == 5
    assert not facet_box(window, "author", "Ann Lee").isChecked()

    click(qtbot, window, chips.clear_button)
    assert len(list_titles(window)) == 7
    assert not chips.isVisible()
    assert not facet_box(window, "kind", "report").isChecked()


def test_facets_follow_the_query_and_keep_the_chosen_values(qtbot, window):
    type_query(qtbot, window, "funding")
    click(qtbot, window, facet_box(window, "kind", "report"))
    type_query(qtbot, window, "skills")
    assert list_titles(window) == ["Colleges funding crisis"]  # the note is not a report
    panel = window.search_features.facet_panel
    assert sorted(panel.labels("kind")) == ["Note (1)", "Report (1)"]
    assert facet_box(window, "kind", "report").isChecked()
    assert window.search_features.results_bar.chips.texts == ["Kind: Report  ✕"]


def test_escape_leaves_the_search_and_forgets_its_filters(qtbot, window):
    type_query(qtbot, window, "funding")
    click(qtbot, window, facet_box(window, "year", "2024"))
    assert len(list_titles(window)) == 3
    QTest.keyClick(window.search_box.field, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)
    features = window.search_features
    assert not features.facet_panel.isVisible() and not features.results_bar.isVisible()
    type_query(qtbot, window, "funding")
    assert len(list_titles(window)) == 7
    assert features.results_bar.chips.texts == []
