"""What the list shows when no search is typed: everything, one kind, a collection, or the
trash."""

from dataclasses import dataclass, field

from kb import collections, sources
from kb.sources import KIND_PLURALS


@dataclass(frozen=True)
class ListScope:
    kind: str | None = None
    trash: bool = False
    collection: str | None = None  # a collection's id
    name: str = field(default="", compare=False)  # the collection's name, for titles

    @property
    def title(self) -> str:
        if self.trash:
            return "Trash"
        if self.collection:
            return self.name or "Collection"
        if self.kind:
            return plural_kind_label(self.kind)
        return "All items"

    def empty_text(self) -> str:
        if self.trash:
            return "The trash is empty."
        if self.collection:
            return ("No items in this collection yet — right-click items in the list and "
                    "choose Add to Collection.")
        what = "items" if not self.kind else plural_kind_label(self.kind).lower()
        return f"No {what} yet — drag files here or press Ctrl+O to import."


ALL_ITEMS = ListScope()
TRASH = ListScope(trash=True)


def plural_kind_label(kind: str) -> str:
    """'Web page' -> 'Web pages': every kind label is a regular English noun."""
    return KIND_PLURALS.get(kind, kind)


def scope_ids(library, scope: ListScope, sort: str, descending: bool) -> list[str]:
    """The ids the list shows for `scope`, in order (run on the read pool)."""
    ids = sources.list_ids(library, kind=scope.kind, sort=sort, descending=descending,
                           trash=scope.trash)
    if scope.collection:
        members = set(collections.member_ids(library, scope.collection))
        ids = [item_id for item_id in ids if item_id in members]
    return ids
