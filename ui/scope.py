"""What the list shows when no search is typed: everything, one kind, or the trash."""

from dataclasses import dataclass

from kb.sources import KIND_PLURALS


@dataclass(frozen=True)
class ListScope:
    kind: str | None = None
    trash: bool = False

    @property
    def title(self) -> str:
        if self.trash:
            return "Trash"
        if self.kind:
            return plural_kind_label(self.kind)
        return "All items"

    def empty_text(self) -> str:
        if self.trash:
            return "The trash is empty."
        what = "items" if not self.kind else plural_kind_label(self.kind).lower()
        return f"No {what} yet — drag files here or press Ctrl+O to import."


ALL_ITEMS = ListScope()
TRASH = ListScope(trash=True)


def plural_kind_label(kind: str) -> str:
    """'Web page' -> 'Web pages': every kind label is a regular English noun."""
    return KIND_PLURALS.get(kind, kind)
