"""Quotes and drafts, plugged into the main window as one feature: the sidebar's Quotes and
Drafts rows, the Quotes view and the drafts list where the list is, the draft editor where the
reader is (it stays there while quotes are browsed, so they can be dragged in), Clip as Quote in
the reader, and the File menu's draft and reference commands. The window calls `right_area` and
`add_menus` while it lays itself out; everything else is wired here."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar, QStackedWidget, QWidget

from kb.quotes import Quote
from ui.draft_actions import DraftActions
from ui.draft_pane import DraftPane
from ui.drafts_list import DraftsList
from ui.evidence_features import menu_named
from ui.item_model import ItemIdRole, ItemTypeRole
from ui.middle_pages import show_page
from ui.quote_actions import QuoteActions
from ui.quote_in_reader import QuoteInReader
from ui.quotes_view import QuotesView
from ui.references_actions import ReferenceActions
from ui.scope import scope_ids
from ui.when import counted
from ui.writing_sidebar import DRAFTS, QUOTES, WritingSection

DRAFTS_WIDTH = 340  # the drafts list's width while a draft is being written


def insert_before_last_separator(menu: QMenu, actions: list[QAction]) -> None:
    """Into the File menu above its last group (Quit), as their own group."""
    separators = [action for action in menu.actions() if action.isSeparator()]
    before = separators[-1] if separators else None
    menu.insertSeparator(before) if before is not None else menu.addSeparator()
    menu.insertActions(before, actions) if before is not None else menu.addActions(actions)


class WritingFeatures(QObject):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        context = window.context
        evidence = window.evidence
        self.quote_actions = QuoteActions(
            context, window.reader, evidence.highlighter,
            lambda: [theme.name for theme in evidence.store.codebook.themes], window)
        # Owned by the window until first shown where the list is (see `show_view`).
        self.quotes_view = QuotesView(context, self.quote_actions, window)
        self.drafts_list = DraftsList(context, window)
        for page in (self.quotes_view, self.drafts_list):
            page.hide()
        self.draft_pane = DraftPane(context)
        self.draft_actions = DraftActions(context, self.draft_pane, window)
        self.references = ReferenceActions(context, window, self._listed)
        self.section = WritingSection(context, window.sidebar, self)
        undo = getattr(getattr(window, "safety", None), "undo", None)
        self.quote_actions.undo = self.draft_actions.undo = undo
        self.words = QLabel()
        self.words.setObjectName("draftWords")
        self.words.hide()
        window.status.addPermanentWidget(self.words)
        self.in_reader = QuoteInReader(window.reader, self)
        self.right: QStackedWidget | None = None
        self._sizes: tuple[list[int], list[int]] | None = None  # (before, while drafting)
        self._select_after_reload: str | None = None
        self._connect()
        window.installEventFilter(self)  # to save the open draft before the window closes
        self.section.refresh_counts()

    # -- layout -------------------------------------------------------------------------------
    def right_area(self, reader_area: QWidget) -> QWidget:
        """The reader (with its tabs) and, in its place while a draft is open, the editor."""
        self.right = QStackedWidget()
        self.right.addWidget(reader_area)
        self.right.addWidget(self.draft_pane)
        return self.right

    def add_menus(self, bar: QMenuBar) -> None:
        draft_pane = self.draft_pane
        insert_before_last_separator(menu_named(bar, "&File"), [
            self.draft_actions.new_action, self.draft_actions.export_action,
            draft_pane.save_action])
        insert_before_last_separator(menu_named(bar, "&File"), self.references.actions)
        evidence = menu_named(bar, "E&vidence")
        evidence.addSeparator()
        evidence.addAction(self.quote_actions.clip_action)
        evidence.addAction(self.quote_actions.new_action)
        evidence.addAction(draft_pane.insert_action)
        highlight_actions = getattr(self._window.evidence, "highlight_actions", None)
        extra = getattr(highlight_actions, "extra_menu_actions", None)
        if extra is not None:  # the reader's right-click menu
            extra.append(self.quote_actions.clip_action)

    # -- wiring -------------------------------------------------------------------------------
    def _connect(self) -> None:
        window, context = self._window, self._window.context
        self.section.chosen.connect(self.show_view)
        window.search_box.search_requested.connect(lambda _text: self._show_reader())
        window.search_box.cleared.connect(lambda: self.show_view(self.section.current))
        context.library_changed.connect(self._library_changed)

        self.drafts_list.open_requested.connect(self.draft_pane.open_draft)
        self.drafts_list.new_requested.connect(self.draft_actions.new_draft)
        self.drafts_list.delete_requested.connect(self.draft_actions.delete)
        self.draft_actions.created.connect(self.open_draft)
        self.draft_pane.opened.connect(self._draft_opened)
        self.draft_pane.style_chosen.connect(self.quotes_view.set_style)
        self.draft_pane.words_counted.connect(
            lambda n: self.words.setText(counted(n, "word")))
        self.quotes_view.insert_requested.connect(self._insert)
        self.quotes_view.open_source.connect(self.open_source)
        self.quotes_view.detail.open_draft.connect(self.open_draft)
        self.quotes_view.loaded.connect(self._quotes_loaded)
        self.quotes_view.detail.quote_changed.connect(self._quote_chosen)
        window.list_pane.results_table.activated.connect(self._result_activated)
        self.quote_actions.quote_saved.connect(self._quote_saved)

        for feature in (self.quote_actions, self.draft_pane, self.draft_actions,
                        self.references, self.draft_pane.inserter):
            feature.message.connect(window.status.show_message)
            feature.problem.connect(window.message_bar.show_error)
        for failing in (self.quotes_view.failed, self.quotes_view.detail.failed,
                        self.drafts_list.failed, self.section.failed):
            failing.connect(window.message_bar.show_error)

    def _library_changed(self) -> None:
        self.section.refresh_counts()
        self.quotes_view.library_changed()
        self.drafts_list.library_changed()
        self.draft_pane.library_changed()

    # -- what is shown ------------------------------------------------------------------------
    def show_view(self, view: str) -> None:
        """Quotes or Drafts where the list is; the draft editor where the reader is while a
        draft is open (or the drafts list is shown); otherwise the reader."""
        if view == QUOTES:
            show_page(self._window, self.quotes_view)
        elif view == DRAFTS:
            show_page(self._window, self.drafts_list)
        self._make_room(view == DRAFTS)
        editor_wanted = view == DRAFTS or (view == QUOTES and self.draft_pane.draft is not None)
        if editor_wanted:
            self._show_editor()
        else:
            self._show_reader()

    def _make_room(self, drafting: bool) -> None:
        """While drafting the drafts list needs little width: lend the rest to the editor,
        and give it back afterwards unless the person has moved the panes meanwhile."""
        splitter = self._window.splitter
        sizes = splitter.sizes()
        if drafting and self._sizes is None and len(sizes) == 3 and sizes[1] > DRAFTS_WIDTH:
            narrowed = [sizes[0], DRAFTS_WIDTH, sizes[2] + sizes[1] - DRAFTS_WIDTH]
            splitter.setSizes(narrowed)
            self._sizes = (sizes, splitter.sizes())
        elif not drafting and self._sizes is not None:
            before, narrowed = self._sizes
            self._sizes = None
            if splitter.sizes() == narrowed:
                splitter.setSizes(before)

    def _quote_chosen(self, quote) -> None:
        """Browsing quotes with no draft open: show each in its source."""
        if quote is not None and self.section.current == QUOTES and self.right is not None \
                and self.right.currentIndex() == 0:
            self.in_reader.show(quote)

    def _show_reader(self) -> None:
        if self.right is not None:
            self.right.setCurrentIndex(0)
        self.words.hide()

    def _show_editor(self) -> None:
        if self.right is not None:
            self.right.setCurrentWidget(self.draft_pane)
        self.words.setVisible(self.draft_pane.draft is not None)

    def _result_activated(self, index) -> None:
        """Enter or a double-click on a quote or a draft among the search results."""
        item_type = index.data(ItemTypeRole)
        if item_type in ("draft", "quote"):  # sources and highlights go to the reader
            self._window.open_item(index.data(ItemIdRole), item_type)

    def open_quote(self, quote_id: str) -> None:
        """Show the Quotes list with this quote selected (once the list has it)."""
        self._select_after_reload = quote_id
        self.section.select(QUOTES)
        self._quotes_loaded()

    def open_draft(self, draft_id: str) -> None:
        if self.section.current != DRAFTS:
            self.section.select(DRAFTS)
        self._show_editor()
        self.draft_pane.open_draft(draft_id)

    def open_source(self, source_id: str) -> None:
        self._show_reader()
        self._window.reader.show_item(source_id)

    def _draft_opened(self, draft) -> None:
        self.words.setVisible(draft is not None and self.right is not None
                              and self.right.currentWidget() is self.draft_pane)
        if draft is None:
            return
        self.drafts_list.select_draft(draft.id)
        self.quotes_view.set_style(draft.style)

    def _insert(self, chosen: list[Quote]) -> None:
        if self.draft_pane.draft is None:
            self._window.status.show_message(
                "Open a draft first (Drafts in the sidebar), then insert quotes into it.")
            return
        self._show_editor()
        self.draft_pane.inserter.insert(chosen)

    def _quote_saved(self, quote: Quote) -> None:
        self._select_after_reload = quote.id  # the view re-reads after the change

    def _quotes_loaded(self) -> None:
        if self._select_after_reload and self.quotes_view.select_quote(self._select_after_reload):
            self._select_after_reload = None

    def _listed(self):
        """What the list shows, for exporting its references."""
        pane = self._window.list_pane
        if pane.searching:
            ids = [hit.id for hit in pane.results_model.hits if hit.item_type == "source"]
            return f"{counted(len(ids), 'search result')}", lambda _library: ids
        scope = pane.scope
        if scope.trash:
            return "every source", lambda _library: None
        return f"“{scope.title}”", lambda library: scope_ids(library, scope, "added", True)

    # -- closing ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.draft_pane.leave()  # queued before the window stops its pools
            self._make_room(False)  # the layout remembered is the usual one
        return False
