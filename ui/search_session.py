"""The search on screen: its words, the facet values it is narrowed to, its sort, and the saved
search it runs (when one was picked in the sidebar).

Every change runs the first page again through the `SearchRunner`, so an older, slower search
never replaces a newer one; later pages ("load more") run on the read pool and are dropped if
the search has changed since they were asked for.
"""

from PySide6.QtCore import QObject, Signal

from kb import saved_searches
from kb.library import Library
from kb.saved_searches import SavedSearch
from kb.search import SearchResults, search
from ui.context import AppContext
from ui.search_box import SearchRunner

PAGE_SIZE = 100
DEFAULT_SORT = "relevance"
Filters = dict[str, list[str]]


def own_facet_counts(library: Library, results: SearchResults, text: str,
                     filters: Filters) -> SearchResults:
    """Counts for a facet with chosen values, taken over what the *other* filters leave, so the
    facet's other values stay on offer: several values in one facet match any of them.
    (Wanted from the core as one call; see NEEDS_FROM_CORE.md.)"""
    if not results.facets:
        return results
    for name in [name for name, values in filters.items() if values]:
        others = {other: values for other, values in filters.items() if other != name and values}
        query = text if text.strip("* ") or others else "*"  # nothing narrows: every item
        wider = search(library, query, limit=1, filters=others or None, facets=True,
                       snippets=False, suggestions=False)
        if wider.facets and name in wider.facets:
            results.facets[name] = wider.facets[name]
    return results


class SearchSession(QObject):
    changed = Signal()  # the filters, the sort or the saved search changed
    more_ready = Signal(object)  # SearchResults: a further page to add to the list
    failed = Signal(str)

    def __init__(self, context: AppContext, runner: SearchRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self.text = ""
        self.filters: Filters = {}
        self.sort = DEFAULT_SORT
        self.saved: str | None = None  # the saved search on screen, while left as saved
        self.origin: str | None = None  # the saved search this one started from
        self.active = False  # a search is on screen (from the box or the sidebar)

    def filters_copy(self) -> Filters:
        return {name: list(values) for name, values in self.filters.items() if values}

    # -- what a person changes ----------------------------------------------------------------
    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            if self._leave_saved():
                self.changed.emit()
        self._run()

    def set_filter(self, facet: str, value: str, chosen: bool) -> None:
        values = self.filters.get(facet, [])
        if chosen == (value in values):
            return
        values = values + [value] if chosen else [v for v in values if v != value]
        if values:
            self.filters[facet] = values
        else:
            self.filters.pop(facet, None)
        self._changed_by_person()

    def clear_filters(self) -> None:
        if self.filters:
            self.filters = {}
            self._changed_by_person()

    def set_sort(self, sort: str) -> None:
        if sort != self.sort:
            self.sort = sort
            self._changed_by_person()

    def run_saved(self, saved: SavedSearch) -> None:
        self.text = saved.query
        self.filters = {name: list(values) for name, values in saved.filters.items() if values}
        self.sort = saved.sort
        self.saved = self.origin = saved.name
        self.changed.emit()
        self._run()

    def saved_renamed(self, old: str, new: str) -> None:
        if self.saved == old:
            self.saved = new
        if self.origin == old:
            self.origin = new

    def refresh(self, pages: int = 1) -> None:
        """Run the same search again (the library changed), as many pages as are shown."""
        if self.active:
            self._run(pages)

    def reset(self) -> None:
        """Back to no search: whatever is still running is no longer wanted."""
        self._runner.forget()
        had_state = bool(self.filters or self.saved or self.sort != DEFAULT_SORT)
        self.text, self.filters, self.sort = "", {}, DEFAULT_SORT
        self.saved = self.origin = None
        self.active = False
        if had_state:
            self.changed.emit()

    # -- running ------------------------------------------------------------------------------
    def _changed_by_person(self) -> None:
        self._leave_saved()
        self.changed.emit()
        if self.active:
            self._run()

    def _leave_saved(self) -> bool:
        left = self.saved is not None
        self.saved = None
        return left

    def _page_job(self, page: int, facets: bool):
        """A job for one page of the search as it stands now (its state is copied)."""
        library, text, filters, sort, saved = (self._context.library, self.text,
                                               self.filters_copy(), self.sort, self.saved)

        def run_page(**_) -> SearchResults:
            if saved is not None:
                found = saved_searches.run(library, saved, limit=PAGE_SIZE, page=page,
                                           facets=facets)
            else:
                found = search(library, text or "*", limit=PAGE_SIZE, page=page, sort=sort,
                               filters=filters or None, facets=facets, suggestions=page == 1)
            return own_facet_counts(library, found, text, filters) if facets else found

        return run_page

    def _run(self, pages: int = 1) -> None:
        first, later = self._page_job(1, facets=True), [
            self._page_job(page, facets=False) for page in range(2, pages + 1)]

        def first_pages(**_) -> SearchResults:
            found = first()
            for job in later:  # a refresh keeps as many rows as the person had loaded
                more = job()
                shown = {hit.id for hit in found.hits}
                found.hits.extend(hit for hit in more.hits if hit.id not in shown)
                found.page = more.page
            return found

        self.active = True
        self._runner.run_job(self.text, first_pages)

    def load_more(self, page: int) -> None:
        """Fetch page `page` of the search on screen; it is announced only if still wanted."""
        generation = self._runner.generation
        self._context.read(
            self._page_job(page, facets=False),
            on_done=lambda results: self._more_arrived(generation, results),
            on_failed=lambda message: self._more_failed(generation, message),
        )

    def _more_arrived(self, generation: int, results: SearchResults) -> None:
        if generation == self._runner.generation:
            self.more_ready.emit(results)

    def _more_failed(self, generation: int, message: str) -> None:
        if generation == self._runner.generation:
            self.failed.emit(message)
