"""What the evidence features share: the codebook (themes with their evidence counts) and the
collections (with item counts), read together on the read pool whenever the library changes,
so the sidebar, dialogs and menus all show one consistent picture without touching the database
on the UI thread."""

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from kb import collections, themes
from kb.collections import Collection
from kb.themes import Theme
from ui.context import AppContext


@dataclass
class Codebook:
    themes: list[Theme] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)  # evidence incl. sub-themes, by id
    collections: list[Collection] = field(default_factory=list)
    direct: dict[str, int] = field(default_factory=dict)  # evidence tied to the theme itself

    def theme(self, theme_id: str) -> Theme | None:
        return next((theme for theme in self.themes if theme.id == theme_id), None)

    def theme_named(self, name: str) -> Theme | None:
        wanted = " ".join(name.split()).casefold()
        return next((theme for theme in self.themes if theme.name.casefold() == wanted), None)

    def collection(self, collection_id: str) -> Collection | None:
        return next((c for c in self.collections if c.id == collection_id), None)

    def children(self, parent_id: str | None) -> list[Theme]:
        return [theme for theme in self.themes if theme.parent_id == parent_id]

    def below(self, theme_id: str) -> set[str]:
        """The theme and every theme beneath it."""
        found, todo = set(), [theme_id]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo += [child.id for child in self.children(current)]
        return found

    def path(self, theme: Theme) -> str:
        """'Parent › Child', for menus that list every theme."""
        names, current, seen = [theme.name], theme, set()
        while current.parent_id and current.parent_id not in seen:
            seen.add(current.parent_id)
            current = self.theme(current.parent_id)
            if current is None:
                break
            names.insert(0, current.name)
        return " › ".join(names)


def read_codebook(library) -> Codebook:
    return Codebook(themes.all_themes(library), themes.evidence_counts(library, True),
                    collections.all_collections(library), themes.evidence_counts(library, False))


class EvidenceStore(QObject):
    changed = Signal()  # a fresh Codebook is in `codebook`
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._sequence = 0
        self.codebook = Codebook()
        self.loaded_once = False
        context.library_changed.connect(self.refresh)

    def refresh(self) -> None:
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: read_codebook(library),
                           on_done=lambda book: self._apply(sequence, book),
                           on_failed=self.failed.emit)

    def _apply(self, sequence: int, book: Codebook) -> None:
        if sequence != self._sequence:
            return
        self.codebook = book
        self.loaded_once = True
        self.changed.emit()
