"""View ▸ Evidence Matrix: themes × sources (or collections, authors, publishers, years, tags),
counts shaded by density. Clicking a cell lists its evidence beside the table, with the cell's
summary to write and save. Co-occurrence and coverage are the other tabs."""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kb import theme_views
from ui.analysis_tabs import CooccurrenceTab, CoverageTab
from ui.context import AppContext
from ui.evidence_table import EvidenceTable
from ui.matrix_model import MatrixModel

GROUPING_LABELS = {"source": "Sources", "collection": "Collections", "author": "Authors",
                   "publisher": "Publishers", "year": "Years", "tag": "Tags"}


def cell_rows(library, theme_id: str, include_subthemes: bool, ids: list[str]):
    wanted = set(ids)
    return [row for row in theme_views.evidence_for_theme(library, theme_id, include_subthemes)
            if row.evidence_id in wanted]


class MatrixWindow(QWidget):
    loaded = Signal()
    cell_loaded = Signal()
    open_requested = Signal(str, object)  # source id, highlight id
    message = Signal(str)
    problem = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("matrixWindow")
        self.setWindowTitle("Evidence Matrix")
        self.resize(1100, 640)
        self._context = context
        self._sequence = 0
        self._cell: dict | None = None
        self.grouping = QComboBox(self)
        for key in theme_views.GROUPINGS:
            self.grouping.addItem(GROUPING_LABELS.get(key, key), key)
        self.subthemes = QCheckBox("Rows include sub-themes", self)
        self.subthemes.setChecked(True)
        self.grouping.currentIndexChanged.connect(self.reload)
        self.subthemes.toggled.connect(self.reload)
        self.model = MatrixModel(self.palette(), self)
        self.table = QTableView(self)
        self.table.setObjectName("matrixTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.clicked.connect(self.open_cell)
        self.empty = QLabel(self)
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)

        self.cell_title = QLabel("Click a cell to see its evidence.", self)
        self.cell_title.setWordWrap(True)
        self.evidence = EvidenceTable(self)
        self.evidence.open_requested.connect(self.open_requested)
        self.summary = QPlainTextEdit(self)
        self.summary.setPlaceholderText("Summarise what this cell's evidence says…")
        self.summary.setMaximumHeight(self.fontMetrics().height() * 6)
        self.save_summary = QPushButton("Save Summary", self)
        self.save_summary.clicked.connect(self._save_summary)
        self.summary.setEnabled(False)
        self.save_summary.setEnabled(False)

        matrix_tab = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Themes ×", self))
        top.addWidget(self.grouping)
        top.addWidget(self.subthemes)
        top.addStretch(1)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.cell_title)
        detail_layout.addWidget(self.evidence, 1)
        detail_layout.addWidget(QLabel("Cell summary (shown in the cell's tooltip):", self))
        detail_layout.addWidget(self.summary)
        detail_layout.addWidget(self.save_summary, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([620, 420])
        matrix_layout = QVBoxLayout(matrix_tab)
        matrix_layout.addLayout(top)
        matrix_layout.addWidget(self.empty)
        matrix_layout.addWidget(splitter, 1)

        self.cooccurrence = CooccurrenceTab(context, self)
        self.coverage = CoverageTab(context, self)
        self.coverage.open_source.connect(lambda source_id: self.open_requested.emit(source_id, None))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(matrix_tab, "Matrix")
        self.tabs.addTab(self.cooccurrence, "Co-occurrence")
        self.tabs.addTab(self.coverage, "Coverage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        context.library_changed.connect(self._library_changed)

    def _library_changed(self) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        grouping, subthemes = self.grouping.currentData(), self.subthemes.isChecked()
        self._context.read(lambda **_: theme_views.matrix(library, grouping, subthemes),
                           on_done=lambda data: self._show(sequence, data),
                           on_failed=self.problem.emit)
        self.cooccurrence.reload()
        self.coverage.reload()

    def _show(self, sequence: int, data: dict) -> None:
        if sequence != self._sequence:
            return
        self.model.set_matrix(data)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, max(60, min(header.sectionSize(column) + 16, 190)))
        if not data["themes"]:
            self.empty.setText("No themes yet — add some (or the starter codebook) in the sidebar.")
        elif not data["cells"]:
            self.empty.setText("No evidence yet — select text in a source and press H.")
        self.empty.setVisible(not data["themes"] or not data["cells"])
        if self._cell is not None:  # keep the open cell's evidence current
            self._cell = next((c for c in data["cells"] if c["theme_id"] == self._cell["theme_id"]
                               and c["group"] == self._cell["group"]), self._cell)
        self.loaded.emit()

    def index_of(self, theme_id: str, group: str) -> QModelIndex:
        rows = [theme["id"] for theme, _depth in self.model.rows]
        return self.model.index(rows.index(theme_id), self.model.columns.index(group))

    def open_cell(self, index: QModelIndex) -> None:
        cell = self.model.cell(index)
        theme = self.model.theme_at(index.row())
        group = self.model.columns[index.column()]
        self._cell = cell or {"theme_id": theme["id"], "group": group, "evidence_ids": [],
                              "summary": "", "count": 0}
        self._cell["theme_name"] = theme["name"]
        self.cell_title.setText(f"<b>{theme['name']}</b> × <b>{group}</b> — "
                                f"{self._cell['count']} piece(s) of evidence")
        self.summary.setPlainText(self._cell.get("summary", ""))
        self.summary.setEnabled(True)
        self.save_summary.setEnabled(True)
        library, include = self._context.library, self.subthemes.isChecked()
        ids = list(self._cell["evidence_ids"])
        self._context.read(lambda **_: cell_rows(library, theme["id"], include, ids),
                           on_done=self._show_cell, on_failed=self.problem.emit)

    def _show_cell(self, rows) -> None:
        self.evidence.set_rows(rows)
        self.cell_loaded.emit()

    def _save_summary(self) -> None:
        if self._cell is None:
            return
        library, cell = self._context.library, self._cell
        grouping, text = self.grouping.currentData(), self.summary.toPlainText()
        self._context.write(
            lambda **_: theme_views.set_cell_summary(library, cell["theme_id"], grouping,
                                                     cell["group"], text),
            "Saving the summary", on_failed=self.problem.emit,
            on_done=lambda _saved: self.message.emit("Summary saved."), index_after=False)
