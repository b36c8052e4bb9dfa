"""File ▸ Export Bundle… and File ▸ Import Bundle…: choosing a scope and a passphrase, the
dry-run preview with its counts, importing for real, sealed and refused bundles."""

from kb import sources
from kb.bundle.crypto import _WRONG
from kb.bundle.export import export_bundle
from kb.bundle.importer import import_bundle
from tests.ui.exchange_helpers import (  # noqa: F401 - colleague_library is a fixture
    answer_passphrases,
    choose_files,
    colleague_library,
)
from tests.ui.helpers import list_titles, wait_idle
from ui.bundle_export_dialog import SELECTION


def add_rail_note(library) -> None:
    sources.create_source(library, title="Rail devolution notes", kind="note",
                          body="Notes on devolving rail to mayors.")


def test_export_a_selection_encrypted(qtbot, open_window, filled, colleague, tmp_path,
                                      monkeypatch):
    window = open_window(filled)
    window.list_pane.select_row(list_titles(window).index("Skills funding streams"))
    dialog = window.exchange.bundles.start_export()
    assert dialog.isVisible()
    assert dialog.radios[SELECTION].text() == "The selected items (1 item)"
    assert not dialog.radios[1].isEnabled()  # no collections to offer yet
    dialog.choose(SELECTION)
    dialog.encrypt.setChecked(True)
    dialog.passphrase.setText("harbour lights")
    dialog.repeat.setText("harbour light")
    dialog.export_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == ("The two passphrases do not match; type the same passphrase "
                                   "twice.")

    target = tmp_path / "skills.edbundle"
    choose_files(monkeypatch, save_path=target)
    dialog.repeat.setText("harbour lights")
    dialog.export_button.click()
    wait_idle(qtbot, window)
    assert target.exists()
    assert window.status.message_text == "Exported 1 item (encrypted) to skills.edbundle."
    plan = import_bundle(colleague, target, "harbour lights", dry_run=True)
    assert plan.added["sources"] == 1


def test_import_previews_then_imports(qtbot, open_window, filled, colleague, tmp_path,
                                      monkeypatch):
    monkeypatch.setenv("KB_MEMBER", "Priya")
    add_rail_note(colleague)
    bundle = tmp_path / "from-priya.anything"  # recognised by content, not by its name
    export_bundle(colleague, bundle)
    window = open_window(filled)
    choose_files(monkeypatch, open_path=bundle)
    window.exchange.bundles.import_action.trigger()
    wait_idle(qtbot, window)

    preview = window.exchange.bundles.preview
    assert preview is not None and preview.isVisible()
    assert preview.count_rows == [["Items", "1", "0", "0", "0"]]
    assert not preview.conflicts_table.isVisible()
    assert "Rail devolution notes" not in list_titles(window)  # a dry run changes nothing

    preview.import_button.click()
    wait_idle(qtbot, window)
    assert "Rail devolution notes" in list_titles(window)
    assert window.status.message_text == ("Imported the bundle from Priya: 1 added, 0 updated "
                                          "and 0 merged.")

    # The same bundle again: nothing new.
    window.exchange.bundles.import_action.trigger()
    wait_idle(qtbot, window)
    preview = window.exchange.bundles.preview
    assert preview.count_rows == [] and "Nothing new" in preview.header.text()
    assert preview.notes.text() == "1 record already here and unchanged."
    preview.reject()


def test_a_sealed_bundle_asks_for_the_passphrase(qtbot, open_window, filled, colleague,
                                                 tmp_path, monkeypatch):
    add_rail_note(colleague)
    bundle = tmp_path / "sealed.edbundle"
    export_bundle(colleague, bundle, passphrase="harbour lights")
    window = open_window(filled)
    choose_files(monkeypatch, open_path=bundle)

    prompts = answer_passphrases(monkeypatch, ["wrong words", None])
    window.exchange.bundles.import_action.trigger()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: len(prompts) == 2)
    wait_idle(qtbot, window)
    assert "sealed.edbundle is encrypted" in prompts[0]
    assert prompts[1].startswith(_WRONG)
    assert window.message_bar.text == _WRONG
    assert window.exchange.bundles.preview is None

    answer_passphrases(monkeypatch, ["harbour lights"])
    window.exchange.bundles.import_action.trigger()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.exchange.bundles.preview is not None)
    wait_idle(qtbot, window)
    assert window.exchange.bundles.preview.count_rows == [["Items", "1", "0", "0", "0"]]


def test_a_refused_file_says_why(qtbot, open_window, filled, tmp_path, monkeypatch):
    junk = tmp_path / "minutes.txt"
    junk.write_text("Minutes of the board meeting.")
    window = open_window(filled)
    choose_files(monkeypatch, open_path=junk)
    window.exchange.bundles.import_action.trigger()
    wait_idle(qtbot, window)
    assert window.message_bar.text == "minutes.txt is not an Evidence Desk bundle."
    assert window.exchange.bundles.preview is None
