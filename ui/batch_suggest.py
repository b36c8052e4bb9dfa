"""Tools ▸ Suggest Themes for Uncoded Sources…: suggestions for every source with no evidence,
worked out on the read pool with progress and Cancel in the status bar, then shown for review —
a checkbox per suggestion — before anything is applied."""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb import theme_suggest
from kb.evidence import STANCES
from kb.items import describe_ids
from ui.context import AppContext
from ui.tasks import Task

SuggestionRole = Qt.ItemDataRole.UserRole + 71


class ReviewDialog(QDialog):
    """One row per source, a checkable row per suggested theme (the best one pre-ticked)."""

    def __init__(self, found: dict, titles: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("suggestionReview")
        self.setWindowTitle("Review Theme Suggestions")
        self.resize(640, 480)
        intro = QLabel("Tick the themes to tie each source to. Nothing is applied until you "
                       "press Apply.", self)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Source / theme", "Why"])
        self.tree.setColumnWidth(0, 300)
        for source_id, suggestions in found.items():
            parent_item = QTreeWidgetItem(self.tree, [titles.get(source_id, source_id), ""])
            parent_item.setFirstColumnSpanned(True)
            for rank, suggestion in enumerate(suggestions):
                item = QTreeWidgetItem(parent_item, [suggestion.theme, "; ".join(suggestion.reasons)])
                item.setData(0, SuggestionRole, (source_id, suggestion.theme_id))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if rank == 0 else Qt.CheckState.Unchecked)
                item.setToolTip(1, "; ".join(suggestion.reasons))
            parent_item.setExpanded(True)
        self.stance = QComboBox(self)
        for stance in STANCES:
            self.stance.addItem(stance, stance)
        self.stance.setCurrentIndex(STANCES.index("context"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        stance_row = QHBoxLayout()
        stance_row.addWidget(QLabel("Tie them with the stance", self))
        stance_row.addWidget(self.stance)
        stance_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(stance_row)
        layout.addWidget(self.buttons)

    def suggestion_items(self) -> list[QTreeWidgetItem]:
        found = []
        for top in range(self.tree.topLevelItemCount()):
            parent_item = self.tree.topLevelItem(top)
            found += [parent_item.child(i) for i in range(parent_item.childCount())]
        return found

    def accepted_links(self) -> list[tuple[str, str, str]]:
        stance = self.stance.currentData()
        return [(*item.data(0, SuggestionRole), stance) for item in self.suggestion_items()
                if item.checkState(0) == Qt.CheckState.Checked]


class BatchSuggest(QObject):
    message = Signal(str)
    problem = Signal(str)
    review_opened = Signal(object)

    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self._context = context
        self._window = window
        self.task: Task | None = None
        self.dialog: ReviewDialog | None = None
        self.action = QAction("Suggest Themes for &Uncoded Sources…", self)
        self.action.triggered.connect(self.run)

    def run(self) -> None:
        if self.task is not None and not self.task.is_done:
            self.message.emit("Suggestions are already being worked out.")
            return
        library = self._context.library

        def job(progress, cancelled):
            found = theme_suggest.suggest_for_uncoded(library, progress, cancelled)
            titles = {key: info.title for key, info in describe_ids(library, list(found)).items()}
            return found, titles

        task = self._context.read(job, label="Suggesting themes", on_done=self._review,
                                  on_failed=self.problem.emit)
        self.task = task
        self._context.task_started.emit(task)  # progress and Cancel in the status bar

    def _review(self, result) -> None:
        found, titles = result
        stopped = self.task is not None and self.task.cancel_requested
        if not found:
            self.message.emit("Stopped; no suggestions so far." if stopped else
                              "No suggestions: every source is coded, or no theme fits yet.")
            return
        if stopped:
            self.message.emit("Stopped; review the suggestions found so far.")
        dialog = ReviewDialog(found, titles, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._apply(dialog.accepted_links()))
        dialog.open()
        self.review_opened.emit(dialog)

    def _apply(self, links: list[tuple[str, str, str]]) -> None:
        if not links:
            self.message.emit("Nothing ticked, so nothing was applied.")
            return
        library = self._context.library
        self._context.write(lambda **_: theme_suggest.apply_suggestions(library, links),
                            "Applying suggestions", on_failed=self.problem.emit,
                            on_done=lambda n: self.message.emit(
                                f"Tied sources to {n} theme{'s' if n != 1 else ''}."))
