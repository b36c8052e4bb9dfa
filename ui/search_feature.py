"""The search features, plugged into the main window as one unit: facets to narrow results,
"did you mean", sort and paging, saved searches in the sidebar, related items under the reader
and the searched words marked in the reader.

The window hands over its panes; this module builds the new widgets, places them around those
panes (`sidebar_area`, `search_row`, `results_area`, `reader_area`) and connects them.
"""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from kb.saved_searches import SavedSearch
from kb.search import SearchResults
from ui.facet_panel import FacetPanel
from ui.related_panel import RelatedPanel
from ui.result_paging import PagedResultsModel, PagingFooter
from ui.results_bar import ResultsBar
from ui.saved_search_actions import SavedSearchActions
from ui.search_marks import SearchMarks
from ui.search_session import SearchSession
from ui.sidebar_saved import SavedSearchesSection
from ui.suggestion_bar import SuggestionBar

FACETS_SHARE = 0.55  # of the sidebar column, when facets first appear


class SearchFeatures(QObject):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        context = window.context
        self.session = SearchSession(context, window.search_runner, self)
        self.results_bar = ResultsBar()
        self.suggestion_bar = SuggestionBar()
        self.facet_panel = FacetPanel()
        self.model: PagedResultsModel = window.list_pane.results_model
        self.paging_footer = PagingFooter(self.model)
        self.related = RelatedPanel(context)
        self.marks = SearchMarks(context, window.reader, self._query_on_screen, self)
        self.saved_section = SavedSearchesSection(context, window.sidebar,
                                                  window.sidebar.add_section)
        self.saved_actions = SavedSearchActions(context, self.session, window,
                                                lambda: self.saved_section.names)
        self._connect()
        self._searching_changed()
        self.saved_section.refresh()

    # -- where things go --------------------------------------------------------------------------
    def sidebar_area(self, sidebar: QWidget) -> QWidget:
        """The sidebar with the facets below it while results are shown (as Zotero's tag
        selector sits below its collections), so the list keeps its width."""
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("sidebarSplitter")
        self.left_splitter.addWidget(sidebar)
        self.left_splitter.addWidget(self.facet_panel)
        self.left_splitter.setChildrenCollapsible(False)
        return self.left_splitter

    def search_row(self, search_box: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(search_box, 1)
        layout.addWidget(self.saved_actions.save_button)
        return row

    def results_area(self, list_pane: QWidget) -> QWidget:
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.results_bar)
        layout.addWidget(self.suggestion_bar)
        layout.addWidget(list_pane, 1)
        layout.addWidget(self.paging_footer)
        return area

    def reader_area(self, reader: QWidget) -> QWidget:
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(reader, 1)
        layout.addWidget(self.related)
        return area

    @property
    def save_action(self):
        return self.saved_actions.save_action

    # -- wiring -----------------------------------------------------------------------------------
    def _connect(self) -> None:
        window, session = self._window, self.session
        window.search_box.cleared.connect(self._search_cleared)
        window.sidebar.scope_selected.connect(lambda _scope: session.reset())
        window.search_runner.results_ready.connect(self._results_arrived)
        window.list_pane.loaded.connect(self._searching_changed)

        session.changed.connect(self._session_changed)
        session.more_ready.connect(self.model.append_page)
        session.failed.connect(self._page_failed)
        self.model.more_wanted.connect(session.load_more)
        self.facet_panel.toggled.connect(session.set_filter)
        self.results_bar.chips.removed.connect(
            lambda facet, value: session.set_filter(facet, value, False))
        self.results_bar.chips.cleared.connect(session.clear_filters)
        self.results_bar.sort_chosen.connect(session.set_sort)
        self.suggestion_bar.chosen.connect(window.search_box.field.setText)

        saved = self.saved_section
        saved.chosen.connect(self._run_saved)
        saved.current_gone.connect(self._back_to_list)
        saved.rename_requested.connect(self.saved_actions.rename)
        saved.delete_requested.connect(self.saved_actions.delete)
        self.saved_actions.renaming.connect(saved.follow_rename)
        self.saved_actions.saved.connect(saved.select)

        window.list_pane.selected_item_changed.connect(self._item_selected)
        window.reader.source_loaded.connect(self._source_shown)
        self.related.open_requested.connect(self._open_related)

        self.saved_actions.message.connect(window.status.show_message)
        for problem in (self.saved_actions.problem, saved.failed, self.related.failed):
            problem.connect(window.message_bar.show_error)

    def library_changed(self) -> None:
        """Re-read what changed on screen: the saved searches and the results (kept live)."""
        self.saved_section.refresh()
        window = self._window
        if not window.list_pane.searching:
            return
        if self.session.active:
            self.session.refresh(pages=max(self.model.pages_loaded, 1))
        elif window.search_runner.last_query:
            window.search_runner.run(window.search_runner.last_query)

    # -- reactions --------------------------------------------------------------------------------
    def _query_on_screen(self) -> str:
        return self.session.text if self._window.list_pane.searching else ""

    def _results_arrived(self, results: SearchResults) -> None:
        if results.facets is not None:
            self.facet_panel.show_facets(results.facets, self.session.filters)
        self.suggestion_bar.show_results(results)
        self.results_bar.show_state(self.session.filters, self.session.sort)

    def _session_changed(self) -> None:
        session = self.session
        self.results_bar.show_state(session.filters, session.sort)
        if session.saved is None:
            self.saved_section.deselect()

    def _searching_changed(self) -> None:
        searching = self._window.list_pane.searching
        self.results_bar.setVisible(searching)
        if not searching:
            self.suggestion_bar.show_results(None)
        self._show_facet_panel(searching)
        self.saved_actions.set_available(searching and self.session.active)

    def _show_facet_panel(self, shown: bool) -> None:
        """Below the sidebar while searching, at the height the person last left it."""
        was_hidden = self.facet_panel.isHidden()
        splitter = getattr(self, "left_splitter", None)
        if splitter is not None and not shown and not was_hidden:
            self._left_sizes = splitter.sizes()
        self.facet_panel.setVisible(shown)
        if splitter is not None and shown and was_hidden:
            total = sum(splitter.sizes()) or splitter.height()
            facets = int(total * FACETS_SHARE)
            splitter.setSizes(getattr(self, "_left_sizes", None) or [total - facets, facets])

    def _search_cleared(self) -> None:
        self.session.reset()
        if self.saved_section.current_name() is not None or self._window.sidebar.currentItem() \
                is None:
            self._back_to_list()

    def _back_to_list(self) -> None:
        """Select the sidebar's list again (the saved search on screen is gone or cleared)."""
        window = self._window
        window.sidebar.select_scope(window.list_pane.scope)

    def _run_saved(self, saved: SavedSearch) -> None:
        self._window.search_box.show_query(saved.query)
        self.session.run_saved(saved)

    def _page_failed(self, message: str) -> None:
        self.model.page_failed()
        self._window.message_bar.show_error(message)

    def _item_selected(self, item: tuple[str, str] | None) -> None:
        """Related items follow the selected result of any kind: a quote, a highlight or a
        draft has its own (the reader shows a source; a source's are shown once it opens)."""
        if item is not None and item[1] != "source":
            self.related.show_for(item[0])

    def _source_shown(self, source) -> None:
        item = self._window.list_pane.current_item()
        if item is None or item[1] == "source":
            self.related.show_source(source)

    def _open_related(self, item_id: str, item_type: str) -> None:
        """A source: selected in the list if it is there, otherwise opened in the reader alone.
        Anything else opens where it lives (a draft in the editor, a theme in the codebook)."""
        if item_type != "source":
            self._window.open_item(item_id, item_type)
            return
        pane = self._window.list_pane
        row = pane.active_table.model().row_of(item_id)
        if row is not None:
            pane.select_row(row)
            return
        pane.active_table.clearSelection()
        self._window.reader.show_item(item_id)
