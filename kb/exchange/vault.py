"""Markdown vaults (Obsidian and the like): a library, a collection or a theme as a folder of
Markdown files, and such a folder back into a library.

    Sources/<title>.md       front matter (id, title, kind, authors, date, publisher, url, tags with
                             `theme/...` tags, collections), the text between markers, then its
                             whole-source themes, highlights and quotes as block quotes with block
                             ids (`> passage ^hl-ID`) and inline fields, its memo and its links
    Themes/<name>.md         colour, parent, description, memo, sub-themes and links to evidence
    Collections/<name>.md    description, memo and members
    Quotes.md                typed-in quotes that have no source

File names are sanitised and unique across the vault, so every `[[wikilink]]` finds its file.
Import is in `kb.exchange.vault_import`; `import_vault` is re-exported here.
"""

import shutil
from pathlib import Path

from kb import collections, evidence, quotes, sources
from kb.errors import InvalidInput
from kb.exchange.scope import Scope, resolve_scope
from kb.exchange.vault_format import (
    MEMO,
    NameBook,
    field_lines,
    front_matter,
    quote_block,
    region,
    tag_slug,
    wikilink,
)
from kb.exchange.vault_import import import_vault  # noqa: F401 - part of this module's API
from kb.items import describe_ids
from kb.library import Library

SOURCE_FIELDS = ("authors", "date", "publisher", "url", "accessed", "language")


def _label(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class _Writer:
    def __init__(self, library: Library, scope: Scope, folder: Path):
        self.library, self.scope, self.folder = library, scope, folder
        self.themes = {theme.id: theme for theme in scope.themes(library)}
        self.collections = [collections.get_collection(library, cid) for cid in scope.collection_ids]
        self.quotes = [quotes.get_quote(library, qid) for qid in scope.quote_ids]
        self.loose = [quote for quote in self.quotes if quote.source_id not in set(scope.source_ids)]
        book = NameBook()
        self.files: dict[str, tuple[str, str | None]] = {}  # item id -> (stem, block id)
        self.paths: dict[str, Path] = {}
        quotes_stem = book.claim("Quotes") if self.loose else ""
        for quote in self.loose:
            self.files[quote.id] = (quotes_stem, f"q-{quote.id}")
        for row in sources.summaries(library, scope.source_ids):
            self.files[row["id"]] = (book.claim(row["title"]), None)
        for theme in self.themes.values():
            self.files[theme.id] = (book.claim(theme.name, clash_suffix="(theme)"), None)
        for item in self.collections:
            self.files[item.id] = (book.claim(item.name, clash_suffix="(collection)"), None)
        self.quotes_stem = quotes_stem
        self.theme_ids = {theme.name: theme.id for theme in self.themes.values()}
        self.membership: dict[str, set[str]] = {}
        for collection_id, source_id in library.conn.execute(
                "SELECT collection_id, source_id FROM collection_items WHERE deleted_at IS NULL"):
            self.membership.setdefault(source_id, set()).add(collection_id)
        self.links: dict[str, list[tuple[str, str]]] = {}
        for from_id, to_id, relation in library.conn.execute(
                "SELECT from_id, to_id, relation FROM links WHERE deleted_at IS NULL ORDER BY created_at"):
            self.links.setdefault(from_id, []).append((to_id, relation))
        self.evidence: dict[str, list[str]] = {}  # theme id -> lines for its file
        self.counts = {"sources": 0, "themes": len(self.themes), "collections": len(self.collections),
                       "highlights": 0, "quotes": len(self.quotes), "links": 0}

    # -- helpers -----------------------------------------------------------------------------
    def tag(self, theme_id: str) -> str:
        parts, current = [], self.themes.get(theme_id)
        while current is not None and len(parts) < 50:
            parts.append(tag_slug(current.name))
            current = self.themes.get(current.parent_id) if current.parent_id else None
        return "theme/" + "/".join(reversed(parts))

    def theme_link(self, theme_id: str, name: str) -> str:
        return wikilink(self.files[theme_id][0], name) if theme_id in self.files else f"[[{name}]]"

    def write(self, folder: str, stem: str, text: str) -> None:
        path = self.folder / folder / f"{stem}.md" if folder else self.folder / f"{stem}.md"
        try:
            path.parent.mkdir(exist_ok=True)
            with open(path, "w", encoding="utf-8", errors="replace", newline="") as stream:
                stream.write(text)
        except OSError as error:
            raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from error

    def link_lines(self, blocks: dict[str, str | None]) -> str:
        """Outgoing links of the items in one file (`blocks`: item id -> its block id)."""
        wanted = [(from_id, to_id, relation) for from_id in blocks
                  for to_id, relation in self.links.get(from_id, [])]
        others = describe_ids(self.library, [to_id for _, to_id, _ in wanted if to_id not in self.files])
        lines = []
        for from_id, to_id, relation in wanted:
            if to_id in self.files:
                stem, block = self.files[to_id]
                target = wikilink(stem, None, block)
            elif to_id in others:
                info = others[to_id]
                target = f"{_label(info.title)} ({info.item_type}, not in this export)"
            else:
                continue
            origin = f"from ^{blocks[from_id]}: " if blocks[from_id] else ""
            lines.append(f"- {origin}{relation} → {target}\n")
            self.counts["links"] += 1
        return "\n## Links\n\n" + "".join(lines) if lines else ""

    def quote_text(self, quote, blocks: dict[str, str | None]) -> str:
        self.files.setdefault(quote.id, (self.quotes_stem, f"q-{quote.id}"))
        blocks[quote.id] = f"q-{quote.id}"
        themes = ", ".join(self.theme_link(self._theme_id(name), name) for name in quote.themes)
        position = f"{quote.start}-{quote.end}" if quote.start is not None else ""
        for name in quote.themes:
            theme_id = self._theme_id(name)
            self.evidence.setdefault(theme_id, []).append(
                f"- {wikilink(self.files[quote.id][0], '“' + _label(quote.text) + '”', blocks[quote.id])}"
                " (quote)\n")
        return quote_block(quote.text, f"q-{quote.id}") + "\n" + field_lines([
            ("speaker", quote.speaker), ("locator", quote.locator),
            ("locator-type", quote.locator_type if quote.locator else ""), ("date", quote.date),
            ("tags", ", ".join(quote.tags)), ("themes", themes), ("note", quote.note),
            ("position", position)]) + "\n"

    def _theme_id(self, name: str) -> str:
        return self.theme_ids.get(name, name)

    # -- files -------------------------------------------------------------------------------
    def source(self, source_id: str) -> None:
        source = sources.get_source(self.library, source_id)
        stem = self.files[source.id][0]
        highlights = evidence.highlights_for_source(self.library, source.id)
        whole = evidence.source_themes(self.library, source.id)
        own_quotes = [quote for quote in self.quotes if quote.source_id == source.id]
        used = {link.theme_id for link in whole} | {
            link.theme_id for h in highlights for link in h.themes}
        used |= {self._theme_id(name) for quote in own_quotes for name in quote.themes}
        matter: dict = {"id": source.id, "type": "source", "title": source.title, "kind": source.kind}
        matter.update({name: getattr(source, name) for name in SOURCE_FIELDS if getattr(source, name)})
        tags = list(source.tags) + sorted(self.tag(t) for t in used if t in self.themes)
        if tags:
            matter["tags"] = tags
        names = [c.name for c in self.collections if c.id in self.membership.get(source.id, ())]
        if names:
            matter["collections"] = names
        if source.extra:
            matter["extra"] = source.extra
        parts = [front_matter(matter), f"# {' '.join(source.title.split())}\n\n", region(source.body)]
        if whole:
            parts.append("\n## Themes\n\n")
            for link in whole:
                parts.append(f"- {self.theme_link(link.theme_id, link.theme)} ({link.stance})\n")
                self.evidence.setdefault(link.theme_id, []).append(
                    f"- {wikilink(stem)} ({link.stance}, whole source)\n")
        blocks: dict[str, str | None] = {source.id: None}
        if highlights:
            parts.append("\n## Highlights\n\n")
        for item in highlights:
            block = f"hl-{item.id}"
            blocks[item.id] = block
            placed = item.start is not None and item.end is not None
            passage = source.body[item.start:item.end] if placed else item.exact
            parts.append(quote_block(passage, block) + "\n" + field_lines([
                ("themes", ", ".join(f"{self.theme_link(link.theme_id, link.theme)} ({link.stance})"
                                     for link in item.themes)),
                ("note", item.note), ("position", f"{item.start}-{item.end}" if placed else ""),
                ("status", "" if placed else "orphaned")]) + "\n")
            for link in item.themes:
                self.evidence.setdefault(link.theme_id, []).append(
                    f"- {wikilink(stem, '“' + _label(passage) + '”', block)} ({link.stance})\n")
            self.counts["highlights"] += 1
        if own_quotes:
            parts.append("\n## Quotes\n\n")
            parts.extend(self.quote_text(quote, blocks) for quote in own_quotes)
        if source.memo:
            parts.append("\n## Memo\n\n" + region(source.memo, MEMO))
        parts.append(self.link_lines(blocks))
        self.write("Sources", stem, "".join(parts))
        self.counts["sources"] += 1

    def theme(self, theme) -> None:
        matter = {"id": theme.id, "type": "theme", "title": theme.name, "colour": theme.colour}
        parent = self.themes.get(theme.parent_id) if theme.parent_id else None
        if parent:
            matter["parent"] = parent.name
        if theme.description:
            matter["description"] = theme.description
        if theme.keywords:
            matter["keywords"] = theme.keywords
        matter["tags"] = [self.tag(theme.id)]
        parts = [front_matter(matter), f"# {' '.join(theme.name.split())}\n\n"]
        if parent:
            parts.append(f"Part of {self.theme_link(parent.id, parent.name)}.\n\n")
        if theme.description:
            parts.append(theme.description + "\n")
        if theme.memo:
            parts.append("\n## Memo\n\n" + region(theme.memo, MEMO))
        children = [t for t in self.themes.values() if t.parent_id == theme.id]
        if children:
            parts.append("\n## Sub-themes\n\n" + "".join(
                f"- {self.theme_link(child.id, child.name)}\n" for child in children))
        if self.evidence.get(theme.id):
            parts.append("\n## Evidence\n\n" + "".join(self.evidence[theme.id]))
        parts.append(self.link_lines({theme.id: None}))
        self.write("Themes", self.files[theme.id][0], "".join(parts))

    def collection(self, item) -> None:
        matter = {"id": item.id, "type": "collection", "title": item.name}
        if item.description:
            matter["description"] = item.description
        members = [sid for sid in self.scope.source_ids if item.id in self.membership.get(sid, ())]
        parts = [front_matter(matter), f"# {' '.join(item.name.split())}\n\n"]
        if item.description:
            parts.append(item.description + "\n")
        if item.memo:
            parts.append("\n## Memo\n\n" + region(item.memo, MEMO))
        if members:
            parts.append("\n## Sources\n\n" + "".join(
                f"- {wikilink(self.files[sid][0])}\n" for sid in members))
        parts.append(self.link_lines({item.id: None}))
        self.write("Collections", self.files[item.id][0], "".join(parts))

    def run(self) -> dict:
        for source_id in self.scope.source_ids:
            self.source(source_id)
        if self.loose:
            blocks: dict[str, str | None] = {}
            body = "".join(self.quote_text(quote, blocks) for quote in self.loose)
            self.write("", self.quotes_stem, front_matter({"type": "quotes", "title": "Quotes"})
                       + "# Quotes\n\n## Quotes\n\n" + body + self.link_lines(blocks))
        for theme in self.themes.values():
            self.theme(theme)
        for item in self.collections:
            self.collection(item)
        return self.counts


def export_vault(library: Library, folder: Path, scope: Scope | None = None) -> dict:
    """Write `scope` (default: the whole library) as Markdown files into `folder`, which must
    be new or empty. Returns counts of what was written."""
    folder = Path(folder)
    scope = scope or resolve_scope(library)
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is a file; give a new or empty folder to export to.")
    if folder.is_dir() and any(folder.iterdir()):
        raise InvalidInput(f"The folder {folder} is not empty; export into a new or empty folder.")
    made = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(f"Cannot create the folder {folder}: {error.strerror or error}.") from error
    try:
        counts = _Writer(library, scope, folder).run()
    except BaseException:
        for child in folder.iterdir():  # leave nothing half written
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        if made:
            folder.rmdir()
        raise
    return {"path": str(folder), "format": "vault", "scope": scope.label, **counts}
