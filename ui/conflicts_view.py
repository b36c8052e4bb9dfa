"""View ▸ Conflicts (and the sidebar's "Conflicts (N)"): fields that a colleague's bundle and
this library changed differently. The open conflicts are listed with the item and field; the
selected one shows the current value and the other side by side, with Keep Current, Take Other
and Edit… (a merged value) calling kb.conflicts.resolve on the write pool."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb import conflicts
from kb.conflicts import Conflict
from kb.items import ITEM_TABLES, describe_ids
from ui.bundle_words import field_label, value_text
from ui.conflict_edit_dialog import ConflictEditDialog
from ui.context import AppContext
from ui.when import local_time

EMPTY_TEXT = ("No conflicts to resolve. When a colleague's bundle changes a field you changed "
              "too, both versions wait here for you to choose.")
ConflictRole = Qt.ItemDataRole.UserRole + 1
ITEM_TYPES = {table: item_type for item_type, table in ITEM_TABLES.items()}


def read_conflicts(library) -> tuple[list[Conflict], dict[str, str]]:
    found = conflicts.list_conflicts(library)
    names = describe_ids(library, [conflict.item_id for conflict in found])
    return found, {item_id: info.title for item_id, info in names.items()}


class ConflictsView(QWidget):
    count_changed = Signal(int)
    source_chosen = Signal(object)  # the conflicting source's id, to open it in the reader
    loaded = Signal()
    message = Signal(str)
    problem = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictsView")
        self._context = context
        self._sequence = 0
        self.titles: dict[str, str] = {}
        self.edit_dialog: ConflictEditDialog | None = None
        self._chosen_source: str | None = None

        title = QLabel("Conflicts", self)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 2)
        title.setFont(font)
        intro = QLabel("The same field was changed here and in a colleague's bundle. The current "
                       "value is the one in use; keep it, take the other, or write a merged one.",
                       self)
        intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("conflictList")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(["Item", "Field", "From", "When"])
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 100), (2, 90), (3, 140)):
            self.list.header().resizeSection(column, width)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.current = self._value_box("Current — in use now")
        self.other = self._value_box("Other")
        values = QHBoxLayout()
        values.addWidget(self.current.parentWidget())
        values.addWidget(self.other.parentWidget())
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(values, 1)
        self.keep_button = QPushButton("&Keep Current", self)
        self.take_button = QPushButton("&Take Other", self)
        self.edit_button = QPushButton("&Edit…", self)
        self.keep_button.clicked.connect(lambda: self.resolve("current"))
        self.take_button.clicked.connect(lambda: self.resolve("other"))
        self.edit_button.clicked.connect(self.edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_button, self.take_button, self.edit_button):
            buttons.addWidget(button)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        self._show([], {})

    def _value_box(self, caption: str) -> QPlainTextEdit:
        box = QGroupBox(caption, self)
        text = QPlainTextEdit(box)
        text.setReadOnly(True)
        QVBoxLayout(box).addWidget(text)
        return text

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: read_conflicts(library),
                           on_done=lambda result: self._apply(sequence, *result),
                           on_failed=self.problem.emit)

    def _apply(self, sequence: int, found: list[Conflict], titles: dict[str, str]) -> None:
        if sequence == self._sequence:
            self._show(found, titles)
            self.count_changed.emit(len(found))
            self.loaded.emit()

    def _show(self, found: list[Conflict], titles: dict[str, str]) -> None:
        selected = self.selected()
        row_before = self.list.indexOfTopLevelItem(self.list.currentItem())
        self.titles = titles
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for conflict in found:
            row = QTreeWidgetItem(self.list, [self.title_of(conflict), field_label(conflict.field),
                                              conflict.member, local_time(conflict.created_at)])
            row.setData(0, ConflictRole, conflict)
            if selected is not None and conflict.id == selected.id:
                chosen = row
        if chosen is None and found:  # the one resolved has gone: its neighbour, as in mail
            chosen = self.list.topLevelItem(min(max(row_before, 0), len(found) - 1))
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        self.stack.setCurrentWidget(self.stack.widget(0) if found else self.empty)
        self._show_selected()

    def title_of(self, conflict: Conflict) -> str:
        kind = ITEM_TYPES.get(conflict.kind, conflict.kind).replace("_", " ").capitalize()
        return self.titles.get(conflict.item_id) or f"{kind} {conflict.item_id[-6:]} (in the trash)"

    @property
    def rows(self) -> list[list[str]]:
        return [[self.list.topLevelItem(row).text(column) for column in range(4)]
                for row in range(self.list.topLevelItemCount())]

    @property
    def chosen_source(self) -> str | None:
        return self._chosen_source

    def selected(self) -> Conflict | None:
        row = self.list.currentItem()
        return row.data(0, ConflictRole) if row is not None else None

    def _show_selected(self) -> None:
        conflict = self.selected()
        for button in (self.keep_button, self.take_button, self.edit_button):
            button.setEnabled(conflict is not None)
        self.current.setPlainText(value_text(conflict.current) if conflict else "")
        self.other.setPlainText(value_text(conflict.other) if conflict else "")
        who = f" — from {conflict.member}" if conflict and conflict.member else ""
        self.other.parentWidget().setTitle(f"Other{who}")
        source = conflict.item_id if conflict and conflict.kind == "sources" else None
        if source != self._chosen_source:
            self._chosen_source = source
            self.source_chosen.emit(source)

    # -- resolving ----------------------------------------------------------------------------
    def edit(self) -> ConflictEditDialog | None:
        conflict = self.selected()
        if conflict is None:
            return None
        dialog = ConflictEditDialog(conflict, self.title_of(conflict), self)
        self.edit_dialog = dialog
        dialog.accepted.connect(lambda: self.resolve("edit", dialog.value(), conflict))
        dialog.open()
        return dialog

    def resolve(self, choice: str, value=None, conflict: Conflict | None = None) -> None:
        conflict = conflict or self.selected()
        if conflict is None:
            return
        library, field = self._context.library, field_label(conflict.field).lower()
        said = {"current": f"Kept the current {field}.",
                "other": f"Took the other {field}" + (f" (from {conflict.member})."
                                                      if conflict.member else "."),
                "edit": f"Saved the merged {field}."}[choice]
        self._context.write(
            lambda **_: conflicts.resolve(library, conflict.id, choice, value),
            "Resolving the conflict", on_done=lambda _result: self.message.emit(said),
            on_failed=self.problem.emit)
