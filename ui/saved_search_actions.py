"""Saving, renaming and deleting saved searches: the dialogs a person answers, then the core's
`kb.saved_searches` functions run on the write pool."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox, QToolButton, QWidget

from kb import saved_searches
from ui.context import AppContext
from ui.search_session import SearchSession


class SavedSearchActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    saved = Signal(str)  # the name just saved
    renaming = Signal(str, str)  # old name, new name: the views follow it before it is stored

    def __init__(self, context: AppContext, session: SearchSession, window: QWidget,
                 known_names: Callable[[], list[str]]):
        super().__init__(window)
        self._context = context
        self._session = session
        self.renaming.connect(session.saved_renamed)
        self._window = window
        self._known_names = known_names
        self.save_action = QAction("Save Search…", window)
        self.save_action.setStatusTip("Keep this search, its filters and order in the sidebar")
        self.save_action.triggered.connect(self.save_current)
        self.save_button = QToolButton(window)
        self.save_button.setObjectName("saveSearchButton")
        self.save_button.setText("Save search…")
        self.save_button.setToolTip("Save this search (with its filters and order) in the "
                                    "sidebar's Saved searches")
        self.save_button.clicked.connect(self.save_current)
        self.set_available(False)

    def set_available(self, available: bool) -> None:
        self.save_action.setEnabled(available)
        self.save_button.setEnabled(available)

    def _exists(self, name: str) -> bool:
        return name.casefold() in {known.casefold() for known in self._known_names()}

    def _confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self._window, title, question)
        return answer == QMessageBox.StandardButton.Yes

    # -- save -----------------------------------------------------------------------------------
    def save_current(self) -> None:
        session = self._session
        if not session.active:
            return
        name, ok = QInputDialog.getText(self._window, "Save Search", "Name for this search:",
                                        text=session.origin or session.text.strip())
        name = " ".join(name.split())
        if not ok or not name:
            return
        if self._exists(name) and not self._confirm(
                "Save Search", f"There is already a saved search called “{name}”. Replace it?"):
            return
        library = self._context.library
        query, filters, sort = session.text, session.filters_copy(), session.sort
        self._context.write(
            lambda **_: saved_searches.save(library, name, query, filters, sort),
            "Saving the search", index_after=False,
            on_done=lambda saved: self._announce_saved(saved.name),
            on_failed=self.problem.emit)

    def _announce_saved(self, name: str) -> None:
        self.message.emit(f"Saved the search “{name}”.")
        self.saved.emit(name)

    # -- rename and delete (from the sidebar's menu) ---------------------------------------------
    def rename(self, name: str) -> None:
        new_name, ok = QInputDialog.getText(self._window, "Rename Saved Search", "New name:",
                                            text=name)
        new_name = " ".join(new_name.split())
        if not ok or not new_name or new_name.casefold() == name.casefold():
            return  # (a change of capitals alone cannot be stored: see NEEDS_FROM_CORE.md)
        if self._exists(new_name):
            self.problem.emit(f"There is already a saved search called “{new_name}”.")
            return
        library = self._context.library

        def rename_job(**_) -> str:
            old = saved_searches.get(library, name)
            saved_searches.save(library, new_name, old.query, old.filters, old.sort)
            saved_searches.delete(library, name)
            return new_name

        self.renaming.emit(name, new_name)  # before the refresh looks for it by its new name
        self._context.write(rename_job, "Renaming the saved search", index_after=False,
                            on_done=lambda _new: self.message.emit(
                                f"Renamed the saved search to “{new_name}”."),
                            on_failed=self._rename_failed(name, new_name))

    def _rename_failed(self, name: str, new_name: str) -> Callable[[str], None]:
        def failed(message: str) -> None:
            self.renaming.emit(new_name, name)
            self.problem.emit(message)
        return failed

    def delete(self, name: str) -> None:
        if not self._confirm("Delete Saved Search",
                             f"Delete the saved search “{name}”? The items it finds stay."):
            return
        library = self._context.library
        self._context.write(lambda **_: saved_searches.delete(library, name),
                            "Deleting the saved search", index_after=False,
                            on_done=lambda _: self.message.emit(
                                f"Deleted the saved search “{name}”."),
                            on_failed=self.problem.emit)
