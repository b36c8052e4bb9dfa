"""How the records a bundle carries are named and counted for people ("3 items, 2 highlights
and 1 theme"), shared by the export message, the import preview and the sync report."""

from ui.when import counted

# Bundle record kinds, in the order people think of them; the rest travel silently.
KIND_NAMES = {
    "sources": ("item", "items"),
    "highlights": ("highlight", "highlights"),
    "evidence": ("evidence link", "evidence links"),
    "themes": ("theme", "themes"),
    "collections": ("collection", "collections"),
    "collection_items": ("collection entry", "collection entries"),
    "quotes": ("quote", "quotes"),
    "quote_themes": ("quote theme", "quote themes"),
    "drafts": ("draft", "drafts"),
    "saved_searches": ("saved search", "saved searches"),
    "cell_summaries": ("matrix summary", "matrix summaries"),
    "links": ("link", "links"),
}
MAIN_KINDS = ("sources", "highlights", "themes", "collections", "quotes", "drafts",
              "saved_searches")


def kind_title(kind: str) -> str:
    """'saved_searches' -> 'Saved searches' (a table row heading)."""
    plural = KIND_NAMES.get(kind, (kind, kind.replace("_", " ")))[1]
    return plural[:1].upper() + plural[1:]


def kind_count(kind: str, number: int) -> str:
    singular, plural = KIND_NAMES.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))
    return counted(number, singular, plural)


def listing(parts: list[str]) -> str:
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def counts_phrase(counts: dict[str, int], kinds=MAIN_KINDS) -> str:
    """The non-zero counts of the kinds people name, e.g. '3 items and 1 theme'."""
    return listing([kind_count(kind, counts[kind]) for kind in kinds if counts.get(kind)])


FIELD_LABELS = {"deleted_at": "In the trash", "body": "Text", "exact": "Highlighted text",
                "parent_id": "Parent theme", "url": "URL", "file_name": "File name",
                "page_starts": "Pages"}


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def value_text(value, limit: int | None = None) -> str:
    """A conflicting value as a person reads it: lists joined, nothing shown as '(empty)'."""
    if value is None or value == "" or value == []:
        text = "(empty)"
    elif isinstance(value, list):
        text = "; ".join(str(each) for each in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{key}: {each}" for key, each in value.items())
    else:
        text = str(value)
    if limit is not None and len(text) > limit:
        text = " ".join(text[:limit].split()[:-1]) + "…"
    return text
