"""UI test fixtures: an offscreen Qt, private settings, a small library and an open window."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kb import sources  # noqa: E402
from kb.index import indexer  # noqa: E402
from kb.library import open_library  # noqa: E402


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    """Never read or write the person's own window settings."""
    monkeypatch.setenv("EVIDENCE_DESK_SETTINGS", str(tmp_path / "settings.ini"))


@pytest.fixture
def lib(tmp_path):
    library = open_library(tmp_path / "lib")
    indexer.ensure_current(library)
    yield library
    library.close()


@pytest.fixture
def filled(lib):
    """A library with a few items of different kinds, indexed."""
    sources.create_source(lib, title="Bus franchising in Manchester", kind="report",
                          authors=["Ann Lee"], date="2023-05-01",
                          body="# Bus franchising in Manchester\n\nFranchising lets the mayor "
                               "set fares and routes. The **Bee Network** began in 2023.")
    sources.create_source(lib, title="Skills funding streams", kind="note",
                          authors=["Tom O'Brien"], date="2021-11-08",
                          body="Nine separate skills funding streams reach providers here.")
    sources.create_source(lib, title="Devolution deals explained", kind="article",
                          authors=["Sian Llewelyn"], date="2024-02-01",
                          body="Trailblazer deals give single settlements to mayors.")
    indexer.sync(lib)
    return lib


@pytest.fixture
def open_window(qtbot):
    """Open the main window on a library and wait for its first list and counts."""
    from tests.ui.helpers import wait_idle
    from ui.context import AppContext
    from ui.main_window import MainWindow

    def make(library):
        context = AppContext(library)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        wait_idle(qtbot, window)
        return window

    return make
