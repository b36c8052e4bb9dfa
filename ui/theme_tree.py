"""The sidebar's Themes section: the codebook as a tree, each theme with its colour swatch and
its evidence count (sub-themes included). Right-click for what can be done to a theme; F2
renames; dragging a theme onto another makes it a sub-theme, onto the section's heading a
top-level theme. With no themes yet it offers the levelling-up starter codebook, or a new theme.

Rows are updated in place when the codebook changes, so expansion and selection survive."""

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QMenu, QTreeWidgetItem

from kb.themes import Theme
from ui.evidence_store import EvidenceStore
from ui.sidebar import Sidebar
from ui.theme_actions import ThemeActions
from ui.theme_picker import swatch

ThemeIdRole = Qt.ItemDataRole.UserRole + 11
OfferRole = Qt.ItemDataRole.UserRole + 12  # an empty-state row that does something when clicked
STARTER, NEW = "starter", "new"
THEME_MIME_TYPE = "application/x-evidence-desk-theme"  # a theme dragged within the sidebar


def theme_mime(theme_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(THEME_MIME_TYPE, QByteArray(theme_id.encode("utf-8")))
    return mime


def dragged_theme_id(mime: QMimeData | None) -> str | None:
    if mime is None or not mime.hasFormat(THEME_MIME_TYPE):
        return None
    return bytes(mime.data(THEME_MIME_TYPE).data()).decode("utf-8") or None


class ThemeSection(QObject):
    theme_selected = Signal(str)  # a theme's id: show its evidence

    def __init__(self, sidebar: Sidebar, store: EvidenceStore, actions: ThemeActions):
        super().__init__(sidebar)
        self._sidebar = sidebar
        self._store = store
        self._actions = actions
        self.section = sidebar.add_section("Themes")
        self.section.setToolTip(0, "Drag a theme here to make it a top-level theme; right-click "
                                   "for a new theme.")
        self._items: dict[str, QTreeWidgetItem] = {}
        self._offers: list[QTreeWidgetItem] = []
        self._pending_select: str | None = None
        self._pending_reveal: Theme | None = None  # moved: show it once the tree has it there
        self._loop_hinted: tuple[str, str] | None = None  # (theme, sub-theme) a drag hovers
        store.changed.connect(self.sync)
        sidebar.currentItemChanged.connect(self._current_changed)
        sidebar.itemClicked.connect(self._clicked)
        sidebar.itemActivated.connect(self._clicked)
        sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        sidebar.customContextMenuRequested.connect(self._context_menu)
        sidebar.installEventFilter(self)
        actions.theme_created.connect(self.select_theme)
        actions.theme_moved.connect(self._reveal_moved)
        sidebar.add_row_drags(self)

    # -- rows ---------------------------------------------------------------------------------
    def item_for(self, theme_id: str) -> QTreeWidgetItem | None:
        return self._items.get(theme_id)

    def label_of(self, theme_id: str) -> str:
        return self._items[theme_id].text(0)

    def current_theme(self) -> Theme | None:
        item = self._sidebar.currentItem()
        theme_id = item.data(0, ThemeIdRole) if item else None
        return self._store.codebook.theme(theme_id) if theme_id else None

    def select_theme(self, theme_id: str) -> None:
        """Pick a theme (a new one once the refreshed codebook lists it)."""
        item = self._items.get(theme_id)
        self._pending_select = None if item is not None else theme_id
        if item is not None:
            self._sidebar.scrollToItem(item)
            self._sidebar.setCurrentItem(item)

    def sync(self) -> None:
        book = self._store.codebook
        sidebar = self._sidebar
        current = sidebar.currentItem()
        current_theme = current.data(0, ThemeIdRole) if current else None
        blocked = sidebar.blockSignals(True)  # moving rows must not look like a new selection
        try:
            for theme_id in [key for key in self._items if book.theme(key) is None]:
                item = self._items.pop(theme_id)
                (item.parent() or self.section).removeChild(item)
            self._place(self.section, None, book)
            self._show_offers(not book.themes)
            if current_theme in self._items:
                sidebar.setCurrentItem(self._items[current_theme])
        finally:
            sidebar.blockSignals(blocked)
        if current_theme and current_theme not in self._items:
            sidebar.setCurrentItem(sidebar.topLevelItem(0).child(0))  # it went: back to All items
        if self._pending_select in self._items:
            self.select_theme(self._pending_select)
        if self._pending_reveal is not None:
            self._reveal_moved(self._pending_reveal)

    def _reveal_moved(self, moved: Theme) -> None:
        """Open the moved theme's new parents and pick it, once the refreshed tree shows it
        there (a refresh started before the move may arrive first)."""
        item = self._items.get(moved.id)
        parent_item = self._items.get(moved.parent_id) if moved.parent_id else self.section
        placed = item is not None and parent_item is not None and item.parent() is parent_item
        still_there = self._store.codebook.theme(moved.id) is not None
        self._pending_reveal = moved if still_there and not placed else None
        if not placed:
            return
        while parent_item is not None:
            parent_item.setExpanded(True)
            parent_item = parent_item.parent()
        self.select_theme(moved.id)

    def _place(self, parent_item: QTreeWidgetItem, parent_id: str | None, book) -> None:
        height = self._sidebar.fontMetrics().height() + 8
        for position, theme in enumerate(book.children(parent_id)):
            item = self._items.get(theme.id)
            if item is None:
                item = QTreeWidgetItem()
                item.setData(0, ThemeIdRole, theme.id)
                item.setSizeHint(0, QSize(0, height))
                self._items[theme.id] = item
            if item.parent() is not parent_item or parent_item.indexOfChild(item) != position:
                expanded = item.isExpanded()
                if item.parent() is not None:
                    item.parent().removeChild(item)
                parent_item.insertChild(position, item)
                item.setExpanded(expanded)
            count = book.totals.get(theme.id, 0)
            item.setText(0, f"{theme.name} ({count:,})")
            item.setIcon(0, swatch(theme.colour))
            tip = theme.description or theme.name
            item.setToolTip(0, f"{tip}\n{count} piece(s) of evidence, sub-themes included")
            self._place(item, theme.id, book)

    def _show_offers(self, empty: bool) -> None:
        if not empty:
            for item in self._offers:
                self.section.removeChild(item)
            self._offers = []
            return
        if self._offers:
            return
        link = self._sidebar.palette().color(QPalette.ColorRole.Link)
        for text, offer, tip in (
                ("Add the levelling-up starter codebook", STARTER,
                 "Adds a ready-made set of themes for levelling-up work; edit or delete any."),
                ("New theme…", NEW, "Start your own codebook")):
            item = QTreeWidgetItem(self.section, [text])
            item.setData(0, OfferRole, offer)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(0, link)
            item.setToolTip(0, tip)
            self._offers.append(item)

    # -- people's gestures --------------------------------------------------------------------
    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        theme_id = current.data(0, ThemeIdRole) if current else None
        if theme_id:
            self.theme_selected.emit(theme_id)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        offer = item.data(0, OfferRole)
        if offer == STARTER:
            self._actions.add_starter_codebook()
        elif offer == NEW:
            self._actions.new_theme(None)

    def _context_menu(self, point: QPoint) -> None:
        item = self._sidebar.itemAt(point)
        if item is None:
            return
        theme_id = item.data(0, ThemeIdRole)
        if theme_id is None and item is not self.section and item.data(0, OfferRole) is None:
            return
        menu = QMenu(self._sidebar)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        theme = self._store.codebook.theme(theme_id) if theme_id else None
        actions = self._actions
        if theme is not None:
            menu.addAction("New Sub-theme…", lambda: actions.new_theme(theme))
            rename = menu.addAction("Rename", lambda: actions.rename(theme))
            rename.setShortcut(Qt.Key.Key_F2)
            menu.addAction("Edit Colour, Description and Keywords…", lambda: actions.edit(theme))
            menu.addSeparator()
            menu.addAction("Move Under…", lambda: actions.move(theme))
            menu.addAction("Merge Into…", lambda: actions.merge(theme))
            menu.addAction("Delete…", lambda: actions.delete(theme))
            menu.addSeparator()
            menu.addAction("Export Report…", lambda: actions.export_report(theme))
            menu.addSeparator()
        menu.addAction(actions.new_action)
        if not self._store.codebook.themes:
            menu.addAction(actions.starter_action)
        menu.popup(self._sidebar.viewport().mapToGlobal(point))

    # -- dragging a theme onto another (the sidebar's RowDrags) --------------------------------
    def drag_payload(self, item: QTreeWidgetItem) -> QMimeData | None:
        theme_id = item.data(0, ThemeIdRole)
        return theme_mime(theme_id) if theme_id else None

    def takes_drag(self, mime: QMimeData) -> bool:
        return self._store.codebook.theme(dragged_theme_id(mime) or "") is not None

    def _move_asked(self, mime: QMimeData,
                    target: QTreeWidgetItem | None) -> tuple[Theme, Theme | None] | None:
        """The dragged theme and the parent a drop on `target` asks for (None: the top level),
        or None when `target` is no place for a theme."""
        book = self._store.codebook
        theme = book.theme(dragged_theme_id(mime) or "")
        if theme is None or target is None:
            return None
        if target is self.section:
            return theme, None
        target_id = target.data(0, ThemeIdRole)
        parent = book.theme(target_id) if target_id else None
        return (theme, parent) if parent is not None else None

    def can_drop(self, mime: QMimeData, target: QTreeWidgetItem | None) -> bool:
        """Offered only where the move changes something and makes no loop (the core checks
        again on the drop)."""
        asked = self._move_asked(mime, target)
        loop = asked is not None and self._is_loop(*asked)
        self._hint_loop(asked if loop else None)
        if asked is None or loop:
            return False
        theme, parent = asked
        return (parent.id if parent else None) not in (theme.id, theme.parent_id)

    def _is_loop(self, theme: Theme, parent: Theme | None) -> bool:
        """Under one of its own sub-themes (under itself is just no move)."""
        return (parent is not None and parent.id != theme.id
                and parent.id in self._store.codebook.below(theme.id))

    def _hint_loop(self, loop: tuple[Theme, Theme] | None) -> None:
        """Say why not while the drag hovers a sub-theme: once, not on every mouse move."""
        ids = (loop[0].id, loop[1].id) if loop else None
        if ids is not None and ids != self._loop_hinted:
            self._actions.hint_loop(*loop)
        self._loop_hinted = ids

    def drop(self, mime: QMimeData, target: QTreeWidgetItem | None) -> bool:
        asked = self._move_asked(mime, target)
        if asked is not None:
            self._actions.move_to(*asked)
        return asked is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F2 on a theme renames it (the window's F2 edits an item's title elsewhere)."""
        if watched is self._sidebar and event.type() in (QEvent.Type.ShortcutOverride,
                                                          QEvent.Type.KeyPress):
            key_event: QKeyEvent = event
            theme = self.current_theme()
            if key_event.key() == Qt.Key.Key_F2 and theme is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self._actions.rename(theme)
                return True
        return False
