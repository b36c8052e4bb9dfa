"""Evidence and themes, plugged into the main window as one feature: the Themes and Collections
sections of the sidebar, the theme view where the list is, highlighting in the reader, the
Highlights / Themes / Memo / Links tabs beside the inspector, the Evidence, View and Tools menu
entries and the matrix window. The window calls `middle_area`, `side_area` and `add_menus`
while it lays itself out; everything else is wired here."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStackedWidget, QWidget

from ui.batch_suggest import BatchSuggest
from ui.collection_section import CollectionSection
from ui.evidence_store import EvidenceStore
from ui.highlight_actions import HighlightActions
from ui.highlights_panel import HighlightsPanel
from ui.links_panel import LinksPanel
from ui.matrix_window import MatrixWindow
from ui.memo_editor import MemoEditor
from ui.reader_highlights import ReaderHighlighter
from ui.scope import ListScope
from ui.side_tabs import SideTabs
from ui.source_highlights import SourceHighlights
from ui.source_themes_panel import SourceThemesPanel
from ui.theme_actions import ThemeActions
from ui.theme_tree import ThemeIdRole, ThemeSection
from ui.theme_view import ThemeView


def menu_named(bar: QMenuBar, title: str) -> QMenu:
    """The menu bar's menu called `title` (ignoring '&'), added if there is none yet."""
    plain = title.replace("&", "")
    for action in bar.actions():
        if action.menu() is not None and action.text().replace("&", "") == plain:
            return action.menu()
    return bar.addMenu(title)


class EvidenceFeatures(QObject):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        context = window.context
        self.store = EvidenceStore(context, self)
        self.highlights = SourceHighlights(context, self)
        self.highlighter = ReaderHighlighter(window.reader, self.highlights, self)
        self.highlight_actions = HighlightActions(context, window.reader, self.highlighter,
                                                  self.highlights, self.store, window)
        self.theme_actions = ThemeActions(context, self.store, window)
        self.collections = CollectionSection(context, window.sidebar, self.store, window,
                                             window.list_pane.selected_ids,
                                             lambda: window.list_pane.scope)
        self.themes = ThemeSection(window.sidebar, self.store, self.theme_actions)
        self.theme_view = ThemeView(context, self.store, self.theme_actions)
        self.highlights_panel = HighlightsPanel(self.highlights, self.highlighter,
                                                self.highlight_actions)
        self.source_themes = SourceThemesPanel(context, self.highlights,
                                               self.highlight_actions.link_action)
        self.memo = MemoEditor(context)
        self.links = LinksPanel(context)
        self.batch = BatchSuggest(context, window)
        self.matrix: MatrixWindow | None = None
        self.middle: QStackedWidget | None = None
        self.side_tabs: SideTabs | None = None
        for table in window.list_pane.tables:
            self.collections.attach_to_list(table)
        self._connect()
        self.store.refresh()

    # -- layout -------------------------------------------------------------------------------
    def middle_area(self, list_area: QWidget) -> QWidget:
        """The list (or search results) and, in its place while a theme is selected, the
        theme view."""
        self.middle = QStackedWidget()
        self.middle.addWidget(list_area)
        self.middle.addWidget(self.theme_view)
        return self.middle

    def side_area(self, details: QWidget) -> QWidget:
        self.side_tabs = SideTabs(details)
        self.side_tabs.add_panel(self.highlights_panel, "Highlights")
        self.side_tabs.add_panel(self.source_themes, "Themes")
        self.side_tabs.add_panel(self.memo, "Memo")
        self.side_tabs.add_panel(self.links, "Links")
        self.highlights_panel.count_changed.connect(
            lambda n: self.side_tabs.set_count(self.highlights_panel, n))
        self.links.count_changed.connect(lambda n: self.side_tabs.set_count(self.links, n))
        self.highlights.loaded.connect(
            lambda: self.side_tabs.set_count(self.source_themes, len(self.highlights.themes)))
        return self.side_tabs

    def add_menus(self, bar: QMenuBar) -> None:
        evidence = menu_named(bar, "E&vidence")
        evidence.addAction(self.highlight_actions.highlight_action)
        evidence.addAction(self.highlight_actions.link_action)
        evidence.addSeparator()
        evidence.addAction(self.theme_actions.new_action)
        evidence.addAction(self.collections.new_action)
        evidence.addAction(self.theme_actions.starter_action)
        self.matrix_action = QAction("Evidence &Matrix", self)
        self.matrix_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.matrix_action.triggered.connect(self.show_matrix)
        menu_named(bar, "&View").addAction(self.matrix_action)
        menu_named(bar, "&Tools").addAction(self.batch.action)

    # -- wiring -------------------------------------------------------------------------------
    def _connect(self) -> None:
        window = self._window
        window.reader.source_loaded.connect(self.highlights.show_source)
        window.reader.source_loaded.connect(self.memo.show_source)
        window.reader.source_loaded.connect(self.links.show_source)
        self.themes.theme_selected.connect(self.show_theme)
        window.sidebar.currentItemChanged.connect(self._sidebar_changed)
        window.search_box.search_requested.connect(lambda _text: self.show_list())
        window.sidebar.scope_selected.connect(self.collections.scope_shown)
        self.theme_view.open_requested.connect(self.open_evidence)
        self.links.open_item.connect(window.open_item)  # quotes and drafts open in the writing area
        for feature in (self.highlight_actions, self.theme_actions, self.collections, self.memo,
                        self.links, self.source_themes, self.batch):
            feature.message.connect(window.status.show_message)
            feature.problem.connect(window.message_bar.show_error)
        for failing in (self.store.failed, self.highlights.failed, self.theme_view.failed):
            failing.connect(window.message_bar.show_error)

    def _sidebar_changed(self, current, _previous) -> None:
        if current is not None and current.data(0, ThemeIdRole) is None:
            self.show_list()

    def show_list(self) -> None:
        """Leave the theme view for the list (other views in the stack are left alone)."""
        if self.middle is not None and self.middle.currentWidget() is self.theme_view:
            self.middle.setCurrentIndex(0)

    def show_theme(self, theme_id: str) -> None:
        if self.middle is not None:
            self.middle.setCurrentWidget(self.theme_view)
        self.theme_view.show_theme(theme_id)

    def open_evidence(self, source_id: str, highlight_id: str | None) -> None:
        """Open a source in the reader, at the passage; show its highlights beside it."""
        self.highlighter.open_at(source_id, highlight_id)
        if highlight_id and self.side_tabs is not None:
            self.side_tabs.show_panel(self.highlights_panel)

    def open_item(self, item_id: str, item_type: str) -> None:
        if item_type == "source":
            self.open_evidence(item_id, None)
        elif item_type == "theme":
            self.themes.select_theme(item_id)
        elif item_type == "collection":
            scope = self.collections.scope_of(item_id)
            if scope is not None:
                self._window.sidebar.select_scope(scope)
        elif item_type == "highlight":
            self._open_highlight(item_id)

    def _open_highlight(self, highlight_id: str) -> None:
        from kb import evidence

        library = self._window.context.library
        self._window.context.read(lambda **_: evidence.get_highlight(library, highlight_id),
                                  on_done=lambda h: self.open_evidence(h.source_id, h.id),
                                  on_failed=self._window.message_bar.show_error)

    def show_matrix(self) -> MatrixWindow:
        if self.matrix is None:
            self.matrix = MatrixWindow(self._window.context, self._window)
            self.matrix.open_requested.connect(self.open_evidence)
            self.matrix.message.connect(self._window.status.show_message)
            self.matrix.problem.connect(self._window.message_bar.show_error)
        self.matrix.show()
        self.matrix.raise_()
        self.matrix.reload()
        return self.matrix

    def select_collection(self, collection_id: str) -> None:
        scope: ListScope | None = self.collections.scope_of(collection_id)
        if scope is not None:
            self._window.sidebar.select_scope(scope)
