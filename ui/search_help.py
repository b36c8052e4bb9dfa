"""The small popup behind the search box's "?" button: the query syntax, with an example each."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

SYNTAX = [
    ("levelling up", "items with all of the words (in any form: level, levelled…)"),
    ('"shared prosperity fund"', "the exact phrase"),
    ("buses OR trams", "either word"),
    ("housing NOT london, housing -london", "leave out items with a word"),
    ("(buses OR trams) franchising", "group alternatives"),
    ("devol*", "words starting with… (devolution, devolved)"),
    ("skils~", "close spellings (skills)"),
    ("title:growth", "a word in the title"),
    ('author:"Ann Lee", publisher:IFS', "by author or publisher"),
    ("kind:report", "article, report, web, note or transcript"),
    ("tag:transport", "items tagged transport"),
    ("year:2021, date:2020..2022", "one year, or a span of dates"),
]


def syntax_html() -> str:
    rows = "".join(
        f"<tr><td style='padding-right:12px'><code>{example}</code></td><td>{meaning}</td></tr>"
        for example, meaning in SYNTAX
    )
    return ("<p><b>Searching</b></p>"
            f"<table cellspacing='3'>{rows}</table>"
            "<p>Press Esc to clear the search and go back to the list.</p>")


class SearchHelpPopup(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(syntax_html(), self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.label)

    def show_below(self, anchor: QWidget) -> None:
        self.adjustSize()
        corner = anchor.mapToGlobal(QPoint(anchor.width(), anchor.height()))
        self.move(corner.x() - self.width(), corner.y() + 2)
        self.show()
