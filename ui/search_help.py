"""The small popup behind the search box's "?" button: the query syntax, with an example each."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

WIDTH_CHARS = 104

SYNTAX = [
    ("skills funding", "items with all of the words (in any form: skill, funded…); common words "
     "such as the, was, their are skipped"),
    ('"shared prosperity fund", "secretary of state"', "the exact phrase, common words too"),
    ("buses OR trams", "either word"),
    ("housing NOT london, housing -london", "leave out items with a word"),
    ("(buses OR trams) franchising", "group alternatives"),
    ("devol*", "words starting with… (devolution, devolved)"),
    ("skils~, organisaton~2", "close spellings (skills); ~2 allows two slips"),
    ("title:growth", "a word in the title"),
    ('author:"Ann Lee", publisher:IFS', "by author or publisher"),
    ("kind:report", "article, report, web, note, transcript, highlight, quote or draft"),
    ("tag:transport", "items tagged transport"),
    ("theme:skills, collection:Eastmoor", "evidence coded to a theme; items in a collection"),
    ("memo:follow-up", "a word in your memos"),
    ("year:2021, year:2019..2021", "one year, or a span of years"),
    ("date:2020..2022, date:2021-03", "a span of dates, or one month"),
    ("what did mayors say about bus fares", "a plain question: best matches first"),
]

TIPS = ("Narrow the results with the filters below the sidebar (tick several values to match "
        "any of them), pick an order with <i>Sort by</i>, and keep a search with "
        "<i>Save search…</i>: it appears under Saved searches in the sidebar and stays up to "
        "date. Scroll to the end of the results to load more.")


def syntax_html() -> str:
    rows = "".join(
        f"<tr><td style='padding-right:12px'><code>{example}</code></td><td>{meaning}</td></tr>"
        for example, meaning in SYNTAX
    )
    return ("<p><b>Searching</b></p>"
            f"<table cellspacing='3'>{rows}</table>"
            f"<p>{TIPS}</p>"
            "<p>Press Esc to clear the search and go back to the list.</p>")


class SearchHelpPopup(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(syntax_html(), self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)  # the tips paragraph wraps to the table's width
        self.label.setFixedWidth(self.label.fontMetrics().averageCharWidth() * WIDTH_CHARS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.label)

    def show_below(self, anchor: QWidget) -> None:
        self.adjustSize()
        corner = anchor.mapToGlobal(QPoint(anchor.width(), anchor.height()))
        self.move(corner.x() - self.width(), corner.y() + 2)
        self.show()
