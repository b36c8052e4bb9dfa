"""The Quotes view, in the list's place while the sidebar's Quotes is selected: a filter box,
filters by theme, speaker, source and tag, the citation style, the quotes as a table (drag one
into a draft; Ctrl+C copies it with its citation) and the selected quote in full below."""

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kb import quotes
from kb.drafts import STYLES
from kb.quotes import Quote
from kb.references.styles import STYLE_LABELS
from ui.context import AppContext
from ui.empty_state import empty_label
from ui.quote_actions import QuoteActions
from ui.quote_detail import QuoteDetail
from ui.quotes_model import QuoteFilter, QuotesModel
from ui.settings import app_settings

EMPTY_TEXT = ("No quotes yet — select words in a source and press Ctrl+Shift+C, or choose "
              "Evidence ▸ New Quote… to type one in from a call or workshop.")
NO_MATCH_TEXT = "No quotes match these filters — clear the filter box or choose “All”."
STYLE_SETTING = "quotes/style"
FILTERS = ("theme", "speaker", "source_id", "tag")
ALL_LABELS = {"theme": "All themes", "speaker": "All speakers", "source_id": "All sources",
              "tag": "All tags"}


def choices(found: list[Quote]) -> dict[str, list[tuple[str, str]]]:
    """(label, value) pairs each filter offers, from the quotes there are."""
    themes = sorted({name for quote in found for name in quote.themes}, key=str.casefold)
    speakers = sorted({quote.speaker for quote in found if quote.speaker}, key=str.casefold)
    titles = {quote.source_id: quote.source_title or "(source deleted)"
              for quote in found if quote.source_id}
    tags = sorted({tag for quote in found for tag in quote.tags}, key=str.casefold)
    return {"theme": [(name, name) for name in themes],
            "speaker": [(name, name) for name in speakers],
            "source_id": sorted(((title, key) for key, title in titles.items()),
                                key=lambda pair: pair[0].casefold()),
            "tag": [(tag, tag) for tag in tags]}


class QuotesView(QWidget):
    insert_requested = Signal(list)  # [Quote] to put into the open draft
    open_source = Signal(str)
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, actions: QuoteActions,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quotesView")
        self._context = context
        self._actions = actions
        self._sequence = 0
        self._stale = True
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("quoteFilter")
        self.filter_box.setPlaceholderText("Filter quotes")
        self.filter_box.setClearButtonEnabled(True)
        self.combos: dict[str, QComboBox] = {}
        for name in FILTERS:
            combo = QComboBox(self)
            combo.setObjectName(f"quoteFilter_{name}")
            combo.addItem(ALL_LABELS[name], None)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(170)
            combo.activated.connect(lambda _index: self.reload())
            self.combos[name] = combo
        self.style_combo = QComboBox(self)
        self.style_combo.setObjectName("quoteStyle")
        self.style_combo.setToolTip("The citation style for copying and for the detail below")
        for key in STYLES:
            self.style_combo.addItem(STYLE_LABELS[key].split(" (")[0], key)
        saved = app_settings().value(STYLE_SETTING, "harvard")
        self.style_combo.setCurrentIndex(max(self.style_combo.findData(saved), 0))
        self.style_combo.currentIndexChanged.connect(self._style_chosen)

        self.model = QuotesModel(self)
        self.proxy = QuoteFilter(self.model, self)
        self.filter_box.textChanged.connect(self._filter_typed)
        self.table = self._make_table()
        self.detail = QuoteDetail(context, self)
        self.detail.style = self.style
        self.detail.open_source.connect(self.open_source.emit)
        self.empty = empty_label(EMPTY_TEXT, self)
        self.empty.setObjectName("quotesEmpty")
        self._lay_out()
        self._add_actions()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("quotesTable")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # newest first, as read
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in {1: 110, 2: 140, 3: 64, 4: 100}.items():
            header.resizeSection(column, width)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(lambda _index: self.insert_requested.emit(self.selected()))
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(4)
        for name in FILTERS:
            filters.addWidget(self.combos[name])
        filters.addStretch(1)
        filters.addWidget(QLabel("Style:", self))
        filters.addWidget(self.style_combo)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

    def _add_actions(self) -> None:
        self.copy_action = QAction("&Copy with Citation", self)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_selected)
        self.delete_action = QAction("&Delete", self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(
            lambda: self._actions.delete_quotes(self.selected()))
        self.table.addActions([self.copy_action, self.delete_action])

    # -- what is shown ------------------------------------------------------------------------
    @property
    def style(self) -> str:
        return self.style_combo.currentData() or "harvard"

    def set_style(self, style: str) -> None:
        index = self.style_combo.findData(style)
        if index >= 0:
            self.style_combo.setCurrentIndex(index)

    def _style_chosen(self) -> None:
        app_settings().setValue(STYLE_SETTING, self.style)
        self.detail.set_style(self.style)

    def filters(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.combos.items()
                if combo.currentData()}

    def selected(self) -> list[Quote]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [quote for quote in (self.proxy.quote_at(row) for row in rows) if quote]

    def current_quote(self) -> Quote | None:
        index = self.table.currentIndex()
        return self.proxy.quote_at(index.row()) if index.isValid() else None

    def select_quote(self, quote_id: str) -> bool:
        row = self.model.row_of(quote_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, self.table.selectionModel().SelectionFlag.ClearAndSelect
            | self.table.selectionModel().SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def library_changed(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        """Read the quotes (and what the filters offer) on the read pool."""
        self._stale = False
        self._sequence += 1
        sequence, library, chosen = self._sequence, self._context.library, self.filters()

        def load(**_):
            everything = quotes.list_quotes(library)
            return everything, quotes.list_quotes(library, **chosen) if chosen else everything

        self._context.read(load, on_done=lambda found: self._apply(sequence, *found),
                           on_failed=self.failed.emit)

    def _apply(self, sequence: int, everything: list[Quote], shown: list[Quote]) -> None:
        if sequence != self._sequence:
            return
        offered = choices(everything)
        for name, combo in self.combos.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ALL_LABELS[name], None)
            for label, value in offered[name]:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            combo.blockSignals(False)
        kept = self.current_quote()
        self.model.set_quotes(shown)
        if kept is None or not self.select_quote(kept.id):
            self.detail.show_quote(None)
        self._show_page(bool(everything))
        self.loaded.emit()

    def _filter_typed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_page(bool(self.model.quotes) or bool(self.filters()))

    def _show_page(self, any_quotes: bool) -> None:
        if self.proxy.rowCount():
            self.stack.setCurrentWidget(self.table)
            return
        self.empty.setText(NO_MATCH_TEXT if any_quotes else EMPTY_TEXT)
        self.stack.setCurrentWidget(self.empty)

    def _selection_changed(self, *_args) -> None:
        chosen = self.selected()
        self.detail.show_quote(chosen[0] if len(chosen) == 1 else None)

    # -- acting on quotes ---------------------------------------------------------------------
    def copy_selected(self) -> None:
        self._actions.copy_with_citation(self.selected(), self.style)

    def _context_menu(self, point: QPoint) -> None:
        chosen = self.selected()
        if not chosen:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.copy_action)
        menu.addAction("&Insert into Draft", lambda: self.insert_requested.emit(chosen))
        menu.addSeparator()
        if len(chosen) == 1:
            menu.addAction("&Edit Quote…", lambda: self._actions.edit_quote(chosen[0]))
            if chosen[0].source_id:
                menu.addAction("&Open Source", lambda: self.open_source.emit(chosen[0].source_id))
        menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(point))
