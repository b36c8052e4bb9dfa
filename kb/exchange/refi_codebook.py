"""REFI-QDA codebooks (.qdc): our themes as nested codes, and codes back into themes.

The code tree is shared with projects (.qdpx), which carry the same codes in another namespace.
Importing plans everything in memory first (names, parents, colours) and only then writes, in
one transaction: a codebook is taken in whole or not at all.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from kb import themes
from kb.errors import InvalidInput
from kb.exchange.common import (
    Report,
    check_attributes,
    check_children,
    guid_for,
    norm_guid,
    parse_xml,
    split_tag,
    write_atomic,
    xml_text,
)
from kb.exchange.scope import Scope, resolve_scope
from kb.library import Library
from kb.themes import DEFAULT_COLOURS, Theme
from kb.validate import clean_text

NS_CODEBOOK = "urn:QDA-XML:codebook:1.0"
NS_PROJECT = "urn:QDA-XML:project:1.0"
MAX_DEPTH = 100
MAX_FILE_BYTES = 50 * 1024 * 1024
CODE_ATTRIBUTES = {"guid", "name", "isCodable", "color"}


def code_guid(theme_id: str) -> str:
    return guid_for("theme", theme_id)


# -- writing ---------------------------------------------------------------------------------

def build_codes(parent: ET.Element, items: list[Theme], ns: str, note_ref=None) -> None:
    """Append <Codes> holding `items` (parents before children) as nested <Code> elements;
    `note_ref(theme)` may give the GUID of a note to refer to (a theme's memo)."""
    codes = ET.SubElement(parent, f"{{{ns}}}Codes")
    elements: dict[str, ET.Element] = {}
    for theme in items:
        container = elements.get(theme.parent_id or "", codes)
        element = ET.SubElement(container, f"{{{ns}}}Code", guid=code_guid(theme.id),
                                name=xml_text(theme.name), isCodable="true")
        if _valid_colour(theme.colour):
            element.set("color", theme.colour)
        if theme.description:
            ET.SubElement(element, f"{{{ns}}}Description").text = xml_text(theme.description)
        target = note_ref(theme) if note_ref else None
        if target:
            ET.SubElement(element, f"{{{ns}}}NoteRef", targetGUID=target)
        elements[theme.id] = element


def serialise(root: ET.Element, ns: str) -> bytes:
    prefix = f"{{{ns}}}"
    for element in root.iter():  # one default namespace, declared once on the root
        element.tag = element.tag.removeprefix(prefix)
    root.set("xmlns", ns)
    ET.indent(root)
    data = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data.replace(b"\r", b"&#13;")  # a carriage return in text survives parsing


def codebook_bytes(items: list[Theme]) -> bytes:
    root = ET.Element(f"{{{NS_CODEBOOK}}}CodeBook", origin="Evidence Desk")
    build_codes(root, items, NS_CODEBOOK)
    return serialise(root, NS_CODEBOOK)


def export_codebook(library: Library, path: Path, scope: Scope | None = None) -> dict:
    """Write the themes of `scope` (default: the whole library) as a REFI-QDA codebook."""
    scope = scope or resolve_scope(library)
    items = scope.themes(library, for_codebook=True)
    if not items:
        raise InvalidInput(f"The {scope.label} has no themes to export.")
    write_atomic(Path(path), codebook_bytes(items))
    return {"path": str(path), "format": "qdc", "scope": scope.label, "themes": len(items)}


# -- reading ---------------------------------------------------------------------------------

@dataclass
class CodeSpec:
    guid: str
    name: str
    colour: str | None
    description: str
    note_refs: list[str] = field(default_factory=list)
    children: list["CodeSpec"] = field(default_factory=list)
    memo: str = ""


def parse_codes(codes: ET.Element, report: Report, seen: set[str] | None = None,
                depth: int = 0) -> list[CodeSpec]:
    """The code tree under a <Codes> (or <Code>) element."""
    if depth > MAX_DEPTH:
        raise InvalidInput(f"The codebook nests codes more than {MAX_DEPTH} levels deep.")
    seen = set() if seen is None else seen
    found = []
    for element in codes:
        if split_tag(element.tag)[1] != "Code":
            continue
        check_attributes(element, CODE_ATTRIBUTES, report, "Code")
        check_children(element, {"Description", "NoteRef", "Code"}, report, "Code")
        guid = norm_guid(element.get("guid"), f"The code '{element.get('name', '')}'")
        if guid in seen:
            raise InvalidInput(f"The codebook has two codes with the GUID {guid}.")
        seen.add(guid)
        name = clean_text(element.get("name")) or "Unnamed code"
        colour = element.get("color")
        if colour is not None and not _valid_colour(colour.strip()):
            report.unsupported(f"colour '{colour}' of code '{name}' is not a hex colour; "
                               "a default colour was used")
            colour = None
        if element.get("isCodable") not in (None, "true", "false", "1", "0"):
            report.unsupported(f"isCodable '{element.get('isCodable')}' of code '{name}'")
        spec = CodeSpec(guid, name, colour.strip() if colour else None, "")
        for child in element:
            local = split_tag(child.tag)[1]
            if local == "Description":
                spec.description = clean_text(child.text)
            elif local == "NoteRef":
                spec.note_refs.append(norm_guid(child.get("targetGUID"), f"A note of code '{name}'"))
        spec.children = parse_codes(element, report, seen, depth + 1)
        found.append(spec)
    return found


def walk(specs: list[CodeSpec]):
    for spec in specs:
        yield spec
        yield from walk(spec.children)


def _valid_colour(value: str | None) -> bool:
    try:
        themes.clean_colour(value)
    except InvalidInput:
        return False
    return True


def fold_name(name: str) -> str:
    """How SQLite's NOCASE compares names: ASCII letters without case."""
    return "".join(c.lower() if c.isascii() else c for c in name)


@dataclass
class PlannedTheme:
    key: str
    name: str
    parent_key: str | None
    colour: str
    description: str
    memo: str
    existing_id: str | None = None
    theme_id: str | None = None


class ThemePlan:
    """Which theme each code becomes: a new one (under a free name) or an existing one."""

    def __init__(self, library: Library, merge_by_name: bool, report: Report):
        self.existing = {fold_name(t.name): t for t in themes.all_themes(library)}
        self.taken = set(self.existing)
        self.merge_by_name = merge_by_name
        self.report = report
        self.entries: list[PlannedTheme] = []
        self.by_key: dict[str, PlannedTheme] = {}
        self._merged: set[str] = set()

    def add(self, key: str, name: str, parent_key: str | None, colour: str | None,
            description: str = "", memo: str = "") -> PlannedTheme:
        name = clean_text(name) or "Unnamed code"
        folded = fold_name(name)
        match = self.existing.get(folded)
        parent = self.by_key.get(parent_key) if parent_key else None
        if match is not None and self.merge_by_name and match.id not in self._merged:
            self._merged.add(match.id)
            entry = PlannedTheme(key, match.name, parent_key, match.colour, description, memo,
                                 existing_id=match.id)
            self.report.merged.append(match.name)
        else:
            final = name
            if folded in self.taken:
                final = self._free_name(name, match is not None, parent)
                self.report.renamed.append(f"'{name}' was imported as '{final}'")
            self.taken.add(fold_name(final))
            if colour and _valid_colour(colour):
                colour = themes.clean_colour(colour)
            else:
                colour = parent.colour if parent else DEFAULT_COLOURS[len(self.entries) % 10]
            entry = PlannedTheme(key, final, parent_key, colour, description, memo)
            self.report.added.append(final)
        self.entries.append(entry)
        self.by_key[key] = entry
        return entry

    def _free_name(self, name: str, clashes_with_library: bool, parent) -> str:
        if clashes_with_library or parent is None:
            candidates = [f"{name} (imported)"] + [f"{name} (imported {n})" for n in range(2, 10_000)]
        else:  # two codes of one name under different parents, as NVivo allows
            candidates = [f"{name} ({parent.name})"] + [f"{name} ({n})" for n in range(2, 10_000)]
        for candidate in candidates:
            if fold_name(candidate) not in self.taken:
                return candidate
        raise InvalidInput(f"Too many themes are called '{name}'.")

    def add_codes(self, specs: list[CodeSpec], parent_key: str | None = None) -> None:
        for spec in specs:
            self.add(spec.guid, spec.name, parent_key, spec.colour, spec.description, spec.memo)
            self.add_codes(spec.children, spec.guid)

    def apply(self, library: Library) -> None:
        """Create or fill the planned themes, inside the caller's transaction."""
        for entry in self.entries:
            if entry.existing_id:
                entry.theme_id = entry.existing_id
                current = themes.get_theme(library, entry.existing_id)
                themes.update_theme(
                    library, current.id,
                    description=entry.description if entry.description and not current.description else None,
                    memo=entry.memo if entry.memo and not current.memo else None)
                continue
            parent = self.by_key[entry.parent_key].theme_id if entry.parent_key else None
            created = themes.add_theme(library, entry.name, parent, entry.colour, entry.description)
            entry.theme_id = created.id
            if entry.memo:
                themes.update_theme(library, created.id, memo=entry.memo)


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}.") from error
    if len(data) > limit:
        raise InvalidInput(f"{Path(path).name} is larger than {limit // (1024 * 1024)} MB.")
    return data


def import_codebook(library: Library, source, merge_by_name: bool = False) -> dict:
    """Add the codes of a REFI-QDA codebook (a path, or its bytes) as themes. A code whose name
    a theme already has is merged into it when `merge_by_name`, else added as 'NAME (imported)'.
    Returns {added, merged, unsupported, renamed, skipped, themes}."""
    name = "The codebook" if isinstance(source, bytes) else f"The codebook {Path(source).name}"
    data = source if isinstance(source, bytes) else read_limited(Path(source))
    root = parse_xml(data, name)
    namespace, local = split_tag(root.tag)
    if local != "CodeBook" or not (namespace == "" or namespace.startswith("urn:QDA-XML:")):
        raise InvalidInput(f"{name} is not a REFI-QDA codebook (.qdc).")
    report = Report()
    check_attributes(root, {"origin"}, report, "CodeBook")
    check_children(root, {"Codes", "Sets"}, report, "CodeBook")
    codes = [child for child in root if split_tag(child.tag)[1] == "Codes"]
    if len(codes) != 1:
        raise InvalidInput(f"{name} should hold one list of codes (<Codes>).")
    sets = [child for child in root if split_tag(child.tag)[1] == "Sets"]
    for element in sets:
        report.unsupported("code sets (<Set>) are not imported", len(list(element)))
    specs = parse_codes(codes[0], report)
    plan = ThemePlan(library, merge_by_name, report)
    plan.add_codes(specs)
    with library.transaction():
        plan.apply(library)
    return report.to_dict(themes=len(plan.entries))
