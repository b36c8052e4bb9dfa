"""The open source's links and backlinks ("this report cites that article"), read with
kb.links.links_of; "Link to…" adds one; double-click goes to the item at the far end."""

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kb import links
from kb.links import Link
from kb.sources import Source
from ui.context import AppContext
from ui.link_dialog import LinkDialog

LinkRole = Qt.ItemDataRole.UserRole + 41
EMPTY = "No links yet — press Link to… to connect this item to another (it shows there as a backlink)."


def link_label(link: Link) -> str:
    arrow = "→" if link.direction == "out" else "←"
    kind = "" if link.other_type == "source" else f" [{link.other_type}]"
    relation = link.relation if link.direction == "out" else f"{link.relation} (backlink)"
    return f"{arrow} {link.other_title}{kind}   · {relation}"


class LinksPanel(QWidget):
    open_item = Signal(str, str)  # item id, item type
    count_changed = Signal(int)
    message = Signal(str)
    problem = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("linksPanel")
        self._context = context
        self._sequence = 0
        self.source: Source | None = None
        self.dialog: LinkDialog | None = None
        self.list = QListWidget(self)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemActivated.connect(self._activated)
        self.empty = QLabel(EMPTY, self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        self.link_button = QPushButton("Link to…", self)
        self.link_button.clicked.connect(self.link_to)
        bar = QHBoxLayout()
        bar.addWidget(self.link_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.show_source(None)

    def show_source(self, source: Source | None) -> None:
        self.source = source
        self._sequence += 1
        sequence = self._sequence
        self.link_button.setEnabled(source is not None and not source.deleted_at)
        if source is None:
            self._show(sequence, [])
            return
        library = self._context.library
        self._context.read(lambda **_: links.links_of(library, source.id),
                           on_done=lambda found: self._show(sequence, found),
                           on_failed=lambda _message: self._show(sequence, []))

    def _show(self, sequence: int, found: list[Link]) -> None:
        if sequence != self._sequence:
            return
        self.list.clear()
        for link in found:
            item = QListWidgetItem(link_label(link))
            item.setData(LinkRole, link)
            item.setToolTip("Double-click to open")
            self.list.addItem(item)
        self.empty.setText(EMPTY if self.source else "Open a source to see its links.")
        self.stack.setCurrentWidget(self.list if found else self.empty)
        self.count_changed.emit(len(found))

    def labels(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def link_to(self) -> None:
        if self.source is None:
            return
        dialog = LinkDialog(self._context, self.source.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        library, from_id = self._context.library, self.source.id

        def add() -> None:
            to_id, relation = dialog.chosen_id(), dialog.relation.text()
            if to_id:
                self._context.write(lambda **_: links.add_link(library, from_id, to_id, relation),
                                    "Linking", on_failed=self.problem.emit,
                                    on_done=lambda _id: self.message.emit("Linked."))

        dialog.accepted.connect(add)
        dialog.open()

    def _activated(self, item: QListWidgetItem) -> None:
        link: Link = item.data(LinkRole)
        self.open_item.emit(link.other_id, link.other_type)

    def _context_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        link: Link = item.data(LinkRole)
        library = self._context.library
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Open", lambda: self._activated(item))
        menu.addAction("Remove Link", lambda: self._context.write(
            lambda **_: links.remove_link(library, link.id), "Removing a link",
            on_failed=self.problem.emit, on_done=lambda _r: self.message.emit("Link removed.")))
        menu.popup(self.list.viewport().mapToGlobal(point))
