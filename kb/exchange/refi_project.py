"""REFI-QDA projects (.qdpx) written from a library, for NVivo, ATLAS.ti, MAXQDA or QualCoder.

A .qdpx is a zip: `project.qde` (the XML: users, codebook, sources with their coded selections,
notes) and `sources/<guid>.txt`, each source's text in UTF-8. Selection positions count Unicode
characters (code points) of that text, which is what Python's string offsets already are.

What REFI-QDA has no place for travels as notes another tool shows as memos: a highlight's note,
a source's or theme's memo, and a coding's stance ("Stance: supports") when it is not "context".
Source metadata (kind, authors, date...) travels as text variables.
"""

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from kb import evidence, sources
from kb.clock import now_iso
from kb.exchange.common import guid_for, write_atomic, xml_text
from kb.exchange.refi_codebook import NS_PROJECT, build_codes, code_guid, serialise
from kb.exchange.scope import Scope, resolve_scope
from kb.library import Library

ORIGIN = "Evidence Desk"
# Source metadata as REFI-QDA text variables: (variable name, source field).
VARIABLES = (("Kind", "kind"), ("Authors", "authors"), ("Date", "date"),
             ("Publisher", "publisher"), ("URL", "url"), ("Accessed", "accessed"),
             ("Language", "language"), ("Tags", "tags"))
STANCE_NOTE = "Stance: {}"


def _q(name: str) -> str:
    return f"{{{NS_PROJECT}}}{name}"


def variable_guid(name: str) -> str:
    return guid_for("variable", name)


def _label(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return xml_text(flat if len(flat) <= limit else flat[:limit - 1] + "…")


class _Builder:
    def __init__(self, library: Library, scope: Scope):
        self.library = library
        self.scope = scope
        self.user = guid_for("user", library.library_id or "library")
        self.notes: dict[str, tuple[str, str, str]] = {}  # guid -> (name, text, created)
        self.counts = {"themes": 0, "sources": 0, "highlights": 0, "notes": 0}
        self.skipped: list[str] = []

    def note(self, kind: str, item_id: str, name: str, text: str, created: str) -> str:
        guid = guid_for(kind, item_id)
        self.notes[guid] = (name, text, created)
        return guid

    def theme_memo(self, theme) -> str | None:
        if not theme.memo:
            return None
        return self.note("theme-memo", theme.id, f"Memo: {theme.name}", theme.memo, theme.updated_at)

    def stance(self, stance: str) -> str | None:
        if stance == "context":
            return None
        return self.note("stance", stance, "Stance", STANCE_NOTE.format(stance), "2024-01-01T00:00:00Z")

    def build(self) -> ET.Element:
        stamp = now_iso()
        root = ET.Element(_q("Project"), name=xml_text(f"Evidence Desk: {self.scope.label}"),
                          origin=ORIGIN, creatingUserGUID=self.user, creationDateTime=stamp,
                          modifyingUserGUID=self.user, modifiedDateTime=stamp)
        users = ET.SubElement(root, _q("Users"))
        ET.SubElement(users, _q("User"), guid=self.user, name="Evidence Desk")
        items = self.scope.themes(self.library)
        self.theme_ids = {theme.id for theme in items}
        self.counts["themes"] = len(items)
        if items:
            build_codes(ET.SubElement(root, _q("CodeBook")), items, NS_PROJECT, self.theme_memo)
        if self.scope.source_ids:
            variables = ET.SubElement(root, _q("Variables"))
            for name, _ in VARIABLES:
                ET.SubElement(variables, _q("Variable"), guid=variable_guid(name), name=name,
                              typeOfVariable="Text")
            container = ET.SubElement(root, _q("Sources"))
            for source_id in self.scope.source_ids:
                self.source(container, sources.get_source(self.library, source_id))
        if self.notes:
            notes = ET.SubElement(root, _q("Notes"))
            for guid, (name, text, created) in self.notes.items():
                element = ET.SubElement(notes, _q("Note"), guid=guid, name=xml_text(name),
                                        creatingUser=self.user, creationDateTime=created)
                ET.SubElement(element, _q("PlainTextContent")).text = xml_text(text)
        self.counts["notes"] = len(self.notes)
        if self.scope.quote_ids:
            self.skipped.append(f"{len(self.scope.quote_ids)} quote(s): REFI-QDA projects have "
                                "no place for quotes (use a Markdown vault export)")
        return root

    def source(self, container: ET.Element, source) -> None:
        guid = guid_for("source", source.id)
        element = ET.SubElement(container, _q("TextSource"), guid=guid, name=xml_text(source.title),
                                plainTextPath=f"internal://{guid}.txt", creatingUser=self.user,
                                creationDateTime=source.created_at, modifyingUser=self.user,
                                modifiedDateTime=source.updated_at)
        self.counts["sources"] += 1
        orphaned = 0
        for highlight in evidence.highlights_for_source(self.library, source.id):
            if highlight.start is None or highlight.end is None:
                orphaned += 1
                continue
            self.counts["highlights"] += 1
            selection = ET.SubElement(
                element, _q("PlainTextSelection"), guid=guid_for("highlight", highlight.id),
                name=_label(source.body[highlight.start:highlight.end]),
                startPosition=str(highlight.start), endPosition=str(highlight.end),
                creatingUser=self.user, creationDateTime=highlight.created_at,
                modifyingUser=self.user, modifiedDateTime=highlight.updated_at)
            for link in highlight.themes:
                self.coding(selection, link, highlight.created_at)
            if highlight.note:
                ET.SubElement(selection, _q("NoteRef"), targetGUID=self.note(
                    "highlight-note", highlight.id, f"Note: {_label(highlight.exact, 40)}",
                    highlight.note, highlight.updated_at))
        if orphaned:
            self.skipped.append(f"{orphaned} highlight(s) of '{source.title}' whose passage is "
                                "no longer in its text")
        for link in evidence.source_themes(self.library, source.id):
            self.coding(element, link, source.created_at)
        if source.memo:
            ET.SubElement(element, _q("NoteRef"), targetGUID=self.note(
                "source-memo", source.id, f"Memo: {source.title}", source.memo, source.updated_at))
        for name, field_name in VARIABLES:
            value = getattr(source, field_name)
            if isinstance(value, list):
                value = ("; " if field_name == "authors" else ", ").join(value)
            if value:
                holder = ET.SubElement(element, _q("VariableValue"))
                ET.SubElement(holder, _q("VariableRef"), targetGUID=variable_guid(name))
                ET.SubElement(holder, _q("TextValue")).text = xml_text(value)

    def coding(self, parent: ET.Element, link, created: str) -> None:
        if link.theme_id not in self.theme_ids:
            return
        coding = ET.SubElement(parent, _q("Coding"), guid=guid_for("evidence", link.evidence_id),
                               creatingUser=self.user, creationDateTime=created)
        ET.SubElement(coding, _q("CodeRef"), targetGUID=code_guid(link.theme_id))
        stance = self.stance(link.stance)
        if stance:
            ET.SubElement(coding, _q("NoteRef"), targetGUID=stance)


def project_xml(library: Library, scope: Scope | None = None) -> tuple[bytes, _Builder]:
    builder = _Builder(library, scope or resolve_scope(library))
    return serialise(builder.build(), NS_PROJECT), builder


def export_project(library: Library, path: Path, scope: Scope | None = None) -> dict:
    """Write the sources, themes and highlights of `scope` (default: the whole library) as a
    REFI-QDA project. Returns counts and what had to be left out."""
    xml, builder = project_xml(library, scope)

    def write(stream) -> None:
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", xml)
            for source_id in builder.scope.source_ids:
                body = sources.get_source(builder.library, source_id).body
                # Readers (ours too) drop one leading byte-order mark: a text that itself
                # starts with one gets a mark in front, so it comes back whole.
                mark = "\ufeff" if body.startswith("\ufeff") else ""
                archive.writestr(f"sources/{guid_for('source', source_id)}.txt",
                                 (mark + body).encode("utf-8", errors="replace"))

    write_atomic(Path(path), write)
    return {"path": str(path), "format": "qdpx", "scope": builder.scope.label,
            **builder.counts, "skipped": builder.skipped}
