"""The sync folder: choose it, Sync Now (Ctrl+Shift+S or the status-bar button) sends my
changes and imports my teammates', "Last synced" says when; sealed bundles ask for the team
passphrase once."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kb import sources
from kb.bundle import sync as team_sync
from tests.ui.exchange_helpers import (  # noqa: F401 - colleague_library is a fixture
    answer_passphrases,
    choose_files,
    colleague_library,
)
from tests.ui.helpers import list_titles, wait_idle


def test_two_libraries_sync_through_a_folder(qtbot, open_window, filled, colleague, tmp_path,
                                             monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    sources.create_source(colleague, title="Rail devolution notes", kind="note",
                          body="Notes on devolving rail to mayors.")
    team_sync.set_sync_folder(colleague, folder)
    window = open_window(filled)
    sync = window.exchange.sync
    assert not sync.label.isVisible()  # no sync folder yet

    # Ctrl+Shift+S with no folder asks for one first, then syncs.
    choose_files(monkeypatch, folder=folder)
    window.activateWindow()
    QTest.keyClick(window.list_pane.list_table, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: sync.last_synced is not None)
    wait_idle(qtbot, window)
    sent = list(folder.glob("*.edbundle"))
    assert len(sent) == 1
    assert window.status.message_text == f"Synced: sent your changes ({sent[0].name})."
    assert sync.label.isVisible() and sync.label.text().startswith("Last synced: ")
    assert sync.label.text() != "Last synced: never"

    report = team_sync.sync(colleague)  # the teammate picks mine up and sends theirs
    assert len(report.imported) == 1 and report.exported

    sync.button.click()
    wait_idle(qtbot, window)
    assert "Rail devolution notes" in list_titles(window)
    assert window.status.message_text.startswith("Synced: imported 1 bundle (1 added")


def test_sealed_teammate_bundles_ask_for_the_passphrase(qtbot, open_window, filled, colleague,
                                                         tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    sources.create_source(colleague, title="Rail devolution notes", kind="note",
                          body="Notes on devolving rail to mayors.")
    team_sync.sync(colleague, folder, passphrase="harbour lights")
    team_sync.set_sync_folder(filled, folder)
    window = open_window(filled)
    sync = window.exchange.sync
    assert sync.label.text() == "Last synced: never"

    prompts = answer_passphrases(monkeypatch, ["harbour lights"])
    sync.sync_action.trigger()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(prompts))
    wait_idle(qtbot, window)
    assert "encrypted" in prompts[0]
    assert "Rail devolution notes" in list_titles(window)
    assert sync.passphrase == "harbour lights"  # kept for this session only


def test_a_missing_folder_is_one_sentence(qtbot, open_window, filled, tmp_path):
    gone = tmp_path / "unplugged"
    gone.mkdir()
    team_sync.set_sync_folder(filled, gone)
    gone.rmdir()
    window = open_window(filled)
    window.exchange.sync.sync_action.trigger()
    wait_idle(qtbot, window)
    assert window.message_bar.text == f"The sync folder {gone} is not available."
