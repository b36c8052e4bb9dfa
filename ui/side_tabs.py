"""The tabs beside the reader, under it: Details (the inspector), Highlights, Themes, Memo and
Links of the open source. Tab titles carry counts, so what exists is visible at a glance."""

from PySide6.QtWidgets import QTabWidget, QWidget


class SideTabs(QTabWidget):
    def __init__(self, details: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sideTabs")
        self.setDocumentMode(True)
        self.setMinimumWidth(160)  # the panels' buttons may clip; the panes must stay movable
        self.addTab(details, "Details")
        self._titles: dict[QWidget, str] = {}

    def add_panel(self, panel: QWidget, title: str) -> None:
        self._titles[panel] = title
        self.addTab(panel, title)

    def set_count(self, panel: QWidget, count: int) -> None:
        title = self._titles[panel]
        self.setTabText(self.indexOf(panel), f"{title} ({count})" if count else title)

    def show_panel(self, panel: QWidget) -> None:
        self.setCurrentWidget(panel)
