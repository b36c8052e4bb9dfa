"""Theme suggestions: for the open source (accept one and it becomes a whole-source theme) and
in a batch for uncoded sources, reviewed before anything is applied."""

from PySide6.QtCore import Qt

from kb import evidence, sources
from tests.ui.evidence_helpers import make_coded_library, open_source
from tests.ui.helpers import wait_idle


def test_an_accepted_suggestion_becomes_a_whole_source_theme(qtbot, open_window, lib):
    window = open_window(make_coded_library(lib))
    open_source(qtbot, window, "Skills funding streams")
    panel = window.evidence.source_themes
    window.evidence.side_tabs.show_panel(panel)
    assert panel.none_label.isVisible()
    with qtbot.waitSignal(panel.suggestions_shown):
        qtbot.mouseClick(panel.suggest_button, Qt.MouseButton.LeftButton)
    row = next(row for row in panel.rows if row.suggestion.theme == "Skills")
    assert "mentions “skills”" in row.label.text()
    row.stance.setCurrentIndex(row.stance.findData("supports"))
    qtbot.mouseClick(row.accept_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)

    qtbot.waitUntil(lambda: panel.theme_labels() == ["Skills · supports"])
    source_id = window.reader.source.id
    assert [(t.theme, t.stance) for t in evidence.source_themes(lib, source_id)] == [
        ("Skills", "supports")]
    assert row not in panel.rows


def test_removing_a_whole_source_theme_link(qtbot, open_window, lib):
    make_coded_library(lib)
    source_id = next(i for i in sources.list_ids(lib) if sources.get_source(lib, i).title == "Skills funding streams")
    evidence.link_source(lib, source_id, "Skills", "supports")
    evidence.link_source(lib, source_id, "Transport", "context")
    window = open_window(lib)
    open_source(qtbot, window, "Skills funding streams")
    panel = window.evidence.source_themes
    window.evidence.side_tabs.show_panel(panel)
    qtbot.waitUntil(lambda: panel.theme_labels() == ["Skills · supports", "Transport · context"])
    assert not panel.remove_button.isEnabled()  # nothing selected yet

    first = panel.themes.item(0)
    qtbot.mouseClick(panel.themes.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.themes.visualItemRect(first).center())
    assert panel.remove_button.isEnabled()
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: panel.theme_labels() == ["Transport · context"])
    assert [t.theme for t in evidence.source_themes(lib, source_id)] == ["Transport"]

    panel.themes.setFocus()
    panel.themes.setCurrentRow(0)
    qtbot.keyClick(panel.themes, Qt.Key.Key_Delete)  # the keyboard way
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: panel.none_label.isVisible())
    assert evidence.source_themes(lib, source_id) == []


def test_batch_suggestions_are_reviewed_before_they_apply(qtbot, open_window, lib):
    window = open_window(make_coded_library(lib))
    batch = window.evidence.batch
    with qtbot.waitSignal(batch.review_opened, timeout=10_000):
        batch.action.trigger()
    dialog = batch.dialog
    items = dialog.suggestion_items()
    assert items, "the uncoded sources get suggestions"
    assert all(evidence.source_themes(lib, i) == [] for i in sources.list_ids(lib))
    for item in items:
        item.setCheckState(0, Qt.CheckState.Unchecked)
    skills = next(item for item in items if item.text(0) == "Skills")
    skills.setCheckState(0, Qt.CheckState.Checked)
    dialog.accept()
    wait_idle(qtbot, window)
    linked = {sources.get_source(lib, i).title: [t.theme for t in evidence.source_themes(lib, i)]
              for i in sources.list_ids(lib)}
    assert linked["Skills funding streams"] == ["Skills"]
    assert sum(len(names) for names in linked.values()) == 1
