"""The main window: assembles the panes, menus and feature modules and connects them. Each
feature lives in its own module; this one only decides where things go and who hears what."""

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.evidence_features import EvidenceFeatures
from ui.exchange_features import ExchangeFeatures
from ui.import_actions import FileDropFilter, ImportActions
from ui.inspector import Inspector
from ui.item_list import ItemListPane
from ui.message_bar import MessageBar
from ui.reader import ReaderPane
from ui.safety_features import SafetyFeatures
from ui.scope import ListScope
from ui.search_box import SearchBox, SearchRunner
from ui.search_feature import SearchFeatures
from ui.settings import app_settings
from ui.sidebar import Sidebar
from ui.status import StatusArea
from ui.trash_actions import TrashActions
from ui.writing_features import WritingFeatures

DEFAULT_SIZE = (1366, 768)
DEFAULT_PANES = [180, 610, 576]  # sidebar | list | reader
DEFAULT_READER_SPLIT = [470, 210]  # reader above the inspector


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, remember_layout: bool = True):
        super().__init__()
        self.context = context
        self._remember_layout = remember_layout
        self.setWindowTitle(f"Evidence Desk — {context.library.folder.name}")
        self.setAcceptDrops(True)  # files dropped anywhere are imported (see FileDropFilter)

        self.sidebar = Sidebar(context)
        self.search_box = SearchBox()
        self.search_runner = SearchRunner(context, self)
        self.list_pane = ItemListPane(context)
        self.reader = ReaderPane(context)
        self.inspector = Inspector(context)
        self.message_bar = MessageBar()
        self.status = StatusArea(self)
        self.setStatusBar(self.status)
        self.imports = ImportActions(context, self)
        self.trash = TrashActions(context, self, self.list_pane.selected_ids)
        for table in self.list_pane.tables:
            self.trash.attach_to(table)
        self.search_features = SearchFeatures(self)  # facets, sort, paging, saved, related
        self.evidence = EvidenceFeatures(self)  # themes, collections, highlights, matrix
        self.safety = SafetyFeatures(self)  # undo/redo, the Trash view, backups
        self.exchange = ExchangeFeatures(self)  # bundles, sync folder, conflicts
        self.writing = WritingFeatures(self)  # quotes, drafts, references

        self._lay_out()
        self._build_menus()
        self._connect()
        self._drop_filter = FileDropFilter(self, self.imports.import_paths)
        QApplication.instance().installEventFilter(self._drop_filter)
        self._restore_layout()

        self.sidebar.refresh_counts()
        self.list_pane.show_scope(self.sidebar.scope)

    # -- assembly -----------------------------------------------------------------------------
    def _lay_out(self) -> None:
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(6, 6, 6, 0)
        middle_layout.setSpacing(6)
        middle_layout.addWidget(self.search_features.search_row(self.search_box))
        middle_layout.addWidget(
            self.evidence.middle_area(self.search_features.results_area(self.list_pane)), 1)

        inspector_area = QScrollArea()
        inspector_area.setWidget(self.inspector)
        inspector_area.setWidgetResizable(True)
        inspector_area.setFrameShape(QFrame.Shape.NoFrame)
        self.reader_splitter = QSplitter(Qt.Orientation.Vertical)
        self.reader_splitter.setObjectName("readerSplitter")
        self.reader_splitter.addWidget(self.search_features.reader_area(self.reader))
        self.reader_splitter.addWidget(self.evidence.side_area(inspector_area))
        self.reader_splitter.setStretchFactor(0, 1)
        self.reader_splitter.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.addWidget(self.search_features.sidebar_area(self.sidebar))
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.writing.right_area(self.reader_splitter))
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions(self.imports.actions)
        file_menu.addAction(self.search_features.save_action)
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions(self.trash.actions[:2])
        edit_menu.addSeparator()
        edit_menu.addAction(self.trash.empty_action)
        edit_menu.addSeparator()
        self.edit_title_action = edit_menu.addAction("Edit &Title")
        self.edit_title_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_title_action.triggered.connect(self.inspector.focus_title)

        go_menu = self.menuBar().addMenu("&Go")
        self.focus_search_action = QAction("Focus &Search", self)
        self.focus_search_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+K")])
        self.focus_search_action.triggered.connect(self.search_box.focus)
        go_menu.addAction(self.focus_search_action)
        focus_list = go_menu.addAction("&List")
        focus_list.setShortcut(QKeySequence("Ctrl+L"))
        focus_list.triggered.connect(self.list_pane.focus_list)
        focus_reader = go_menu.addAction("&Reader")
        focus_reader.setShortcut(QKeySequence("Ctrl+R"))
        focus_reader.triggered.connect(self.focus_reader)
        self.evidence.add_menus(self.menuBar())
        self.safety.add_menus(self.menuBar())
        self.exchange.add_menus(self.menuBar())
        self.writing.add_menus(self.menuBar())

    def _connect(self) -> None:
        context = self.context
        context.library_changed.connect(self._library_changed)
        context.task_started.connect(self.status.track)

        self.sidebar.scope_selected.connect(self._scope_selected)
        self.search_box.search_requested.connect(self.search_features.session.set_text)
        self.search_box.cleared.connect(self._search_cleared)
        self.search_runner.results_ready.connect(self.list_pane.show_results)
        # Results are never in the trash, so Delete trashes them whatever the sidebar shows.
        self.search_runner.results_ready.connect(lambda _: self.trash.set_scope(ListScope()))
        self.list_pane.suggestion_chosen.connect(self.search_box.field.setText)
        self.list_pane.current_item_changed.connect(self.reader.show_item)
        self.list_pane.activated.connect(self.focus_reader)
        self.reader.source_loaded.connect(self.inspector.show_source)

        for feature in (self.imports, self.trash, self.inspector):
            feature.message.connect(self.status.show_message)
        for problem in (self.imports.problem, self.trash.problem, self.search_runner.failed,
                        self.list_pane.failed, self.sidebar.failed, self.reader.failed):
            problem.connect(self.message_bar.show_error)

    # -- reactions ----------------------------------------------------------------------------
    def _scope_selected(self, scope: ListScope) -> None:
        self.trash.set_scope(scope)
        if self.search_box.text:
            self.search_box.clear()
        self.list_pane.show_scope(scope)

    def _search_cleared(self) -> None:
        self.search_runner.forget()
        self.trash.set_scope(self.sidebar.scope)
        self.list_pane.leave_search()

    def _library_changed(self) -> None:
        """Refresh only what is on screen: counts, the list (or the results), the open item."""
        self.sidebar.refresh_counts()
        self.list_pane.reload()
        self.search_features.library_changed()  # saved searches, and the results kept live
        self.reader.reload()

    def open_item(self, item_id: str, item_type: str) -> None:
        """Open any item where it lives: quotes and drafts in the writing area, the rest
        (sources, highlights, themes, collections) through the evidence features."""
        if item_type == "quote":
            self.writing.open_quote(item_id)
        elif item_type == "draft":
            self.writing.open_draft(item_id)
        else:
            self.evidence.open_item(item_id, item_type)

    def focus_reader(self) -> None:
        self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- remembered layout --------------------------------------------------------------------
    def _restore_layout(self) -> None:
        self.resize(*DEFAULT_SIZE)
        self.splitter.setSizes(DEFAULT_PANES)
        self.reader_splitter.setSizes(DEFAULT_READER_SPLIT)
        if not self._remember_layout:
            return
        settings = app_settings()
        for key, restore in (("window/geometry", self.restoreGeometry),
                             ("window/panes", self.splitter.restoreState),
                             ("window/reader", self.reader_splitter.restoreState)):
            value = settings.value(key)
            if isinstance(value, QByteArray | bytes):
                restore(value)

    def _save_layout(self) -> None:
        if not self._remember_layout:
            return
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/panes", self.splitter.saveState())
        settings.setValue("window/reader", self.reader_splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        QApplication.instance().removeEventFilter(self._drop_filter)
        self.context.shutdown()
        super().closeEvent(event)
