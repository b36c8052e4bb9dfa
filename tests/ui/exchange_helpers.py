"""Helpers for the team-exchange tests: a colleague's library, and answering the file and
passphrase dialogs the way a person would."""

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from kb.index import indexer
from kb.library import open_library


@pytest.fixture(name="colleague")
def colleague_library(tmp_path):
    """A second library, as a teammate's on another laptop."""
    library = open_library(tmp_path / "colleague")
    indexer.ensure_current(library)
    yield library
    library.close()


def choose_files(monkeypatch, open_path=None, save_path=None, folder=None) -> None:
    if open_path is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *args, **kwargs: (str(open_path), ""))
    if save_path is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *args, **kwargs: (str(save_path), ""))
    if folder is not None:
        monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                            lambda *args, **kwargs: str(folder))


def answer_passphrases(monkeypatch, answers: list[str | None]) -> list[str]:
    """Type these passphrases in turn (None: press Cancel); returns the prompts shown."""
    prompts: list[str] = []
    remaining = list(answers)

    def get_text(parent, title, label, *args, **kwargs):
        prompts.append(label)
        answer = remaining.pop(0) if remaining else None
        return (answer or "", answer is not None)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return prompts
