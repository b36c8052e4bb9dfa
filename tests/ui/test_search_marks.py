"""The searched words are marked in the reader when an item is opened from search results;
the search help documents everything the core understands; the index rebuild on open shows its
progress in the status bar."""

import shutil

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from kb.library import open_library
from tests.ui.helpers import list_titles, wait_idle
from tests.ui.search_helpers import make_search_library, type_query
from ui.search_marks import MARK_BACKGROUND, utf16_spans


def marked_words(window) -> list[str]:
    document = window.reader.document()
    words = []
    for start, end in window.search_features.marks.spans:
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        words.append(cursor.selectedText().lower())
    return words


def test_opening_a_result_marks_the_matched_words(qtbot, open_window, lib):
    window = open_window(make_search_library(lib))
    type_query(qtbot, window, "fund*")
    window.list_pane.select_row(list_titles(window).index("Skills funding streams"))
    wait_idle(qtbot, window)
    assert marked_words(window) == ["funding", "funding"]  # in the title and in the body
    backgrounds = {selection.format.background().color().name()
                   for selection in window.reader.extraSelections()}
    assert MARK_BACKGROUND.name() in backgrounds


def test_nothing_is_marked_outside_search(qtbot, open_window, lib):
    window = open_window(make_search_library(lib))
    type_query(qtbot, window, "funding")
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)
    assert window.search_features.marks.spans
    QTest.keyClick(window.search_box.field, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)
    assert window.search_features.marks.spans == []


def test_offsets_count_characters_beyond_the_basic_plane_twice():
    assert utf16_spans("a funding", [(2, 9)]) == [(2, 9)]
    assert utf16_spans("😀 funding", [(2, 9)]) == [(3, 10)]


def test_the_help_documents_everything_the_search_understands(qtbot, open_window, lib):
    window = open_window(lib)
    qtbot.mouseClick(window.search_box.help_button, Qt.MouseButton.LeftButton)
    popup = window.search_box.help_popup
    text = popup.label.text()
    for piece in ['"shared prosperity fund"', " OR ", "NOT", "-london", "(buses OR trams)",
                  "devol*", "skils~", "~2", "title:", "author:", "publisher:", "kind:", "tag:",
                  "theme:", "collection:", "memo:", "year:2021", "year:2019..2021",
                  "date:2020..2022", "date:2021-03", "plain question", "filters", "Sort by",
                  "Save search", "Saved searches"]:
        assert piece in text, piece
    popup.hide()


def test_a_rebuild_on_open_shows_progress_in_the_status_bar(qtbot, tmp_path):
    from ui.app import start_opening
    from ui.context import AppContext
    from ui.main_window import MainWindow

    library = make_search_library(open_library(tmp_path / "rebuilt"))
    index_dir = library.index_dir
    library.close()
    shutil.rmtree(index_dir)

    context = AppContext(open_library(tmp_path / "rebuilt"))
    window = MainWindow(context, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    seen = []
    task = start_opening(context, load_demo=False)
    task.progress.connect(lambda *_: seen.append(window.status.message_text))
    with qtbot.waitSignal(task.done, timeout=10_000):
        pass
    wait_idle(qtbot, window)
    assert "Rebuilding the search index — 7 of 7" in seen
    assert window.status.cancel_button.isHidden()
