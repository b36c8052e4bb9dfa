"""The lazy list model holds ids only and fetches the rows a view shows, a page at a time; the
search model shows each hit's passage with the matched words marked."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from kb.index.snippets import Snippet
from kb.search import SearchHit, SearchResults
from ui.item_model import PAGE_SIZE, ItemListModel, ItemTypeRole
from ui.search_model import SearchResultsModel, SnippetRole, SnippetSpansRole

TOTAL = 100_000


def synthetic_rows(ids):
    return [{"id": item_id, "kind": "report", "title": f"Report {item_id}",
             "authors": ["Ann Lee", "Bo Chen"], "publisher": None, "date": "2021-03-04",
             "tags": [], "created_at": "2024-01-02T10:00:00Z", "updated_at": "",
             "file_type": "pdf"} for item_id in ids]


class CountingFetcher:
    def __init__(self):
        self.calls: list[list[str]] = []

    def __call__(self, ids):
        self.calls.append(list(ids))
        return synthetic_rows(ids)


def test_a_hundred_thousand_ids_fetch_only_the_pages_shown(qtbot):
    fetcher = CountingFetcher()
    model = ItemListModel(fetcher)
    model.set_ids([f"ID{n:06d}" for n in range(TOTAL)])
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.setModel(model)
    view.show()
    qtbot.waitUntil(lambda: bool(fetcher.calls))  # the first paint

    assert model.rowCount() == TOTAL
    assert all(len(call) <= PAGE_SIZE for call in fetcher.calls)
    assert set(model.fetched_pages) == {0}

    view.scrollToBottom()
    last_page = (TOTAL - 1) // PAGE_SIZE
    qtbot.waitUntil(lambda: last_page in model.fetched_pages)
    assert model.index(TOTAL - 1, 0).data() == f"Report ID{TOTAL - 1:06d}"
    assert set(model.fetched_pages) <= {0, last_page - 1, last_page}
    assert len(fetcher.calls) <= 3  # never the 500 pages in between


def test_columns_show_what_a_person_reads(qtbot):
    model = ItemListModel(synthetic_rows)
    model.set_ids(["A1"])
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row == ["Report A1", "Ann Lee; Bo Chen", "Report", "2021-03-04", "2024-01-02"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Title", "Authors", "Kind", "Date", "Added"]
    assert model.index(0, 0).data(ItemTypeRole) == "source"


def test_rows_gone_since_listing_show_empty_rather_than_fail(qtbot):
    model = ItemListModel(lambda ids: [])
    model.set_ids(["GONE"])
    assert model.index(0, 0).data() == ""


def test_clicking_a_header_asks_for_the_ids_in_that_order(qtbot):
    model = ItemListModel(synthetic_rows)
    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert blocker.args == ["title", True]


def test_new_ids_drop_the_cached_rows(qtbot):
    fetcher = CountingFetcher()
    model = ItemListModel(fetcher)
    model.set_ids(["A", "B"])
    model.index(0, 0).data()
    model.set_ids(["B", "C"])
    assert model.fetched_pages == []
    assert model.index(1, 0).data() == "Report C"
    assert model.row_of("C") == 1 and model.row_of("A") is None


def make_hit(item_id, title, text, spans, page=None, item_type="source"):
    return SearchHit(id=item_id, kind="note", kind_label="Note", item_type=item_type,
                     title=title, authors=["Ann Lee"], date="2022", publisher=None, score=1.0,
                     snippets=[Snippet(text, spans, page)])


def test_search_results_show_the_passage_and_its_marked_words(qtbot):
    model = SearchResultsModel()
    text = "Nine separate skills funding\nstreams reach providers."
    model.set_results(SearchResults("skills", [make_hit("H1", "Skills note", text, [(14, 20)])],
                                    total=1, page=1, page_size=200))
    index = model.index(0, 0)
    assert index.data() == "Skills note"
    snippet = index.data(SnippetRole)
    assert snippet == "Nine separate skills funding streams reach providers."
    (start, end), = index.data(SnippetSpansRole)
    assert snippet[start:end] == "skills"
    assert "<b>skills</b>" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_late_match_is_brought_into_view_with_its_page(qtbot):
    text = "word " * 40 + "franchising at last"
    start = text.index("franchising")
    model = SearchResultsModel()
    model.set_results(SearchResults("f", [make_hit("H", "T", text, [(start, start + 11)], 4)],
                                    1, 1, 200))
    snippet = model.index(0, 0).data(SnippetRole)
    (s, e), = model.index(0, 0).data(SnippetSpansRole)
    assert snippet.startswith("p. 4 — …") and snippet[s:e] == "franchising"
    assert len(snippet) < 50


def test_sorting_results_keeps_the_selection_on_its_item(qtbot):
    model = SearchResultsModel()
    hits = [make_hit("B", "Beta", "b", []), make_hit("A", "Alpha", "a", [])]
    model.set_results(SearchResults("q", hits, 2, 1, 200))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(0)  # Beta
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(2)] == ["Alpha", "Beta"]
    assert view.currentIndex().row() == 1
    model.sort(-1)
    assert [model.index(r, 0).data() for r in range(2)] == ["Beta", "Alpha"]
    assert model.rowCount(QModelIndex()) == 2
