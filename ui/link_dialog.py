"""Link to…: find an item by typing words of its title (the search runs on the read pool as you
type), pick it, name the relation, OK."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb import search
from ui.context import AppContext
from ui.theme_dialogs import ok_cancel

IdRole = Qt.ItemDataRole.UserRole + 31
TYPING_PAUSE_MS = 200


class LinkDialog(QDialog):
    def __init__(self, context: AppContext, from_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle("Link to…")
        self.setMinimumWidth(460)
        self._context = context
        self._from_id = from_id
        self._sequence = 0
        self.query = QLineEdit(self)
        self.query.setPlaceholderText("Words from the title of the item to link to")
        self.results = QListWidget(self)
        self.relation = QLineEdit("related", self)
        self.relation.setPlaceholderText("cites, responds to, updates…")
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._search)
        form = QFormLayout()
        form.addRow("&Find:", self.query)
        form.addRow("", self.results)
        form.addRow("&Relation:", self.relation)
        self.buttons = ok_cancel(self)
        self.ok_button.setEnabled(False)
        self.results.currentItemChanged.connect(
            lambda item, _old: self.ok_button.setEnabled(item is not None))
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _search(self) -> None:
        text = self.query.text().strip()
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        if not text:
            self.results.clear()
            return
        self._context.read(
            lambda **_: search.search(library, text, limit=20, snippets=False, suggestions=False),
            on_done=lambda found: self._show(sequence, found))

    def _show(self, sequence: int, found) -> None:
        if sequence != self._sequence:
            return
        self.results.clear()
        for hit in found.hits:
            if hit.id == self._from_id:
                continue
            label = f"{hit.title}  —  {hit.kind_label}" + (f", {hit.date[:4]}" if hit.date else "")
            item = QListWidgetItem(label)
            item.setData(IdRole, hit.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen_id(self) -> str | None:
        item = self.results.currentItem()
        return item.data(IdRole) if item else None
