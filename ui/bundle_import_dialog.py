"""The import preview: what importing a bundle would do, from an exact dry run of the import
(kb.bundle.importer with dry_run=True). Counts per kind — added, updated, merged, moved to the
trash — the records already here unchanged, and every conflict (the item, the field, the value
that stays current and the other one, which waits in View ▸ Conflicts). Import or Cancel."""

from collections import Counter

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb.bundle.importer import ImportPlan
from kb.render import escape
from ui.bundle_words import KIND_NAMES, field_label, kind_title, value_text
from ui.when import counted

COUNT_COLUMNS = ("What", "Added", "Updated", "Merged", "Moved to trash")
CONFLICT_COLUMNS = ("Item", "Field", "Current", "Other")


def plan_counts(plan: ImportPlan) -> dict[str, tuple[int, int, int, int]]:
    """(added, updated, merged, moved to trash) by kind, in the order people think of them."""
    trashed = Counter(entry["kind"] for entry in plan.trashed)  # bundle kinds are table names
    kinds = [kind for kind in KIND_NAMES
             if plan.added.get(kind) or plan.updated.get(kind) or plan.merged.get(kind)
             or trashed.get(kind)]
    return {kind: (plan.added.get(kind, 0), plan.updated.get(kind, 0), plan.merged.get(kind, 0),
                   trashed.get(kind, 0)) for kind in kinds}


def _table(parent: QWidget, headers: tuple[str, ...], rows: list[list[str]],
           name: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            table.setItem(row, column, cell)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def fit_height(table: QTableWidget, most_rows: int) -> None:
    """As tall as its rows (up to `most_rows`), so the dialog has no empty grid."""
    shown = max(1, min(table.rowCount(), most_rows))
    table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                         + table.verticalHeader().defaultSectionSize() * shown
                         + 2 * table.frameWidth() + 2)


class ImportPreviewDialog(QDialog):
    def __init__(self, file_name: str, plan: ImportPlan, titles: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle("Import Bundle")
        self.resize(680, 460 if plan.conflicts else 300)
        self.plan = plan
        counts = plan_counts(plan)
        member = f" from {escape(plan.member)}" if plan.member else ""
        changes = bool(counts)
        self.header = QLabel(
            f"<b>{escape(file_name)}</b>{member}<br>"
            + ("Importing it would make these changes (a backup is taken first):" if changes
               else "Nothing new — everything in this bundle is already in your library."), self)
        self.header.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)

        self.count_rows = [[kind_title(kind), *(f"{number:,}" for number in numbers)]
                           for kind, numbers in counts.items()]
        self.counts_table = _table(self, COUNT_COLUMNS, self.count_rows, "importCounts")
        self.counts_table.setVisible(changes)
        fit_height(self.counts_table, 8)
        layout.addWidget(self.counts_table)
        notes = []
        if plan.unchanged:
            notes.append(f"{counted(plan.unchanged, 'record')} already here and unchanged.")
        if plan.skipped:
            notes.append(f"{counted(len(plan.skipped), 'record')} skipped: they belong to items "
                         "you deleted for good.")
        self.notes = QLabel(" ".join(notes), self)
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(notes))
        layout.addWidget(self.notes)

        self.conflict_rows = [
            [titles.get(entry["item_id"]) or entry["item_id"], field_label(entry["field"]),
             value_text(entry["current"], 200), value_text(entry["other"], 200)]
            for entry in plan.conflicts]
        self.conflicts_label = QLabel(
            f"{counted(len(plan.conflicts), 'conflict')} — you and the sender changed the same "
            "field differently. The newer edit stays current; the other waits in "
            "View ▸ Conflicts for you to choose.", self)
        self.conflicts_label.setWordWrap(True)
        self.conflicts_table = _table(self, CONFLICT_COLUMNS, self.conflict_rows,
                                      "importConflicts")
        header = self.conflicts_table.horizontalHeader()
        for column in (2, 3):  # the values share the width with the item
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for widget in (self.conflicts_label, self.conflicts_table):
            widget.setVisible(bool(plan.conflicts))
            layout.addWidget(widget, 1 if widget is self.conflicts_table else 0)
        if not plan.conflicts:
            layout.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton("Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
