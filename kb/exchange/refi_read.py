"""Reading the XML of a REFI-QDA project into plain data, checking it as it goes.

Every reference must be a GUID; every selection must lie inside its source's text; text sources
come from `PlainTextContent` or an `internal://` file of the archive (UTF-8; a byte order mark is
not counted). What is not understood is counted in the report, never dropped silently.
"""

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from kb.errors import InvalidInput
from kb.exchange.archive import Archive
from kb.exchange.common import Report, check_attributes, check_children, norm_guid, split_tag
from kb.exchange.refi_codebook import parse_codes
from kb.validate import clean_text

STAMPS = {"creatingUser", "creationDateTime", "modifyingUser", "modifiedDateTime"}
TEXT_ATTRIBUTES = {"guid", "name", "richTextPath", "plainTextPath"} | STAMPS
SELECTION_ATTRIBUTES = {"guid", "name", "startPosition", "endPosition"} | STAMPS
UNSUPPORTED_SOURCES = {"PDFSource": "PDF sources", "PictureSource": "picture sources",
                       "AudioSource": "audio sources", "VideoSource": "video sources"}
UNSUPPORTED_PARTS = {"Cases": "cases", "Sets": "sets", "Graphs": "graphs", "Links": "links"}

@dataclass
class Coding:
    code: str
    notes: list[str]


@dataclass
class Selection:
    guid: str
    start: int
    end: int
    description: str
    codings: list[Coding]
    notes: list[str]


@dataclass
class TextSource:
    guid: str
    name: str
    text: str
    description: str
    selections: list[Selection] = field(default_factory=list)
    codings: list[Coding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)


def _local(element: Element) -> str:
    return split_tag(element.tag)[1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child) == name]


class Reader:
    """Reads the XML of a project into plain data, checking it as it goes."""

    def __init__(self, archive: Archive, report: Report):
        self.archive = archive
        self.report = report
        self.variables: dict[str, str] = {}
        self.notes: dict[str, tuple[str, str]] = {}  # guid -> (name, text)

    def text_of(self, element: Element, what: str) -> str | None:
        """The plain text of a TextSource or Note: inline, or a file inside the archive."""
        inline = _children(element, "PlainTextContent")
        if inline:
            return inline[0].text or ""
        path = element.get("plainTextPath")
        if not path:
            return None
        if not path.lower().startswith("internal://"):
            self.report.unsupported(f"{what} refers to a file outside the project and was not "
                                    "imported")
            return None
        name = path[len("internal://"):]
        member = self.archive.find(f"sources/{name}", name)
        if member is None:
            raise InvalidInput(f"{what} needs {name}, which is not in {self.archive.label}.")
        data = self.archive.read(member)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput(f"The text of {what} is not UTF-8.") from None
        return text[1:] if text.startswith("\ufeff") else text

    def refs(self, element: Element, name: str, where: str) -> list[str]:
        return [norm_guid(child.get("targetGUID"), f"A reference in {where}")
                for child in _children(element, name)]

    def coding(self, element: Element, where: str) -> Coding:
        check_attributes(element, {"guid"} | STAMPS, self.report, "Coding")
        check_children(element, {"CodeRef", "NoteRef"}, self.report, "Coding")
        codes = self.refs(element, "CodeRef", where)
        if len(codes) != 1:
            raise InvalidInput(f"A coding in {where} should name one code.")
        return Coding(codes[0], self.refs(element, "NoteRef", where))

    def read_notes(self, element: Element) -> None:
        for note in _children(element, "Note"):
            check_attributes(note, TEXT_ATTRIBUTES, self.report, "Note")
            check_children(note, {"Description", "PlainTextContent", "NoteRef"}, self.report, "Note")
            for part in ("PlainTextSelection", "Coding", "VariableValue"):
                if _children(note, part):
                    self.report.unsupported(f"<{part}> inside notes is not imported",
                                            len(_children(note, part)))
            name = clean_text(note.get("name")) or "Note"
            guid = norm_guid(note.get("guid"), f"The note '{name}'")
            text = self.text_of(note, f"the note '{name}'")
            self.notes[guid] = (name, text or "")

    def read_variables(self, element: Element) -> None:
        for variable in _children(element, "Variable"):
            check_attributes(variable, {"guid", "name", "typeOfVariable"}, self.report, "Variable")
            name = clean_text(variable.get("name")) or "Variable"
            self.variables[norm_guid(variable.get("guid"), f"The variable '{name}'")] = name

    def variable_value(self, element: Element, where: str) -> tuple[str, str]:
        refs = self.refs(element, "VariableRef", where)
        if len(refs) != 1 or refs[0] not in self.variables:
            raise InvalidInput(f"A variable value in {where} names no known variable.")
        values = [child for child in element if _local(child) != "VariableRef"]
        return self.variables[refs[0]], (values[0].text or "").strip() if values else ""

    def text_source(self, element: Element) -> TextSource | None:
        check_attributes(element, TEXT_ATTRIBUTES, self.report, "TextSource")
        check_children(element, {"Description", "PlainTextContent", "PlainTextSelection", "Coding",
                                  "NoteRef", "VariableValue"}, self.report, "TextSource")
        name = clean_text(element.get("name")) or "Untitled source"
        where = f"the source '{name}'"
        guid = norm_guid(element.get("guid"), f"The source '{name}'")
        text = self.text_of(element, where)
        if text is None:
            if not element.get("plainTextPath"):
                self.report.unsupported(f"{where} has no plain text and was not imported")
            return None
        description = "".join(_children(element, "Description")[0].itertext()) if _children(
            element, "Description") else ""
        source = TextSource(guid, name, text, description)
        for child in _children(element, "PlainTextSelection"):
            source.selections.append(self.selection(child, source, where))
        source.codings = [self.coding(child, where) for child in _children(element, "Coding")]
        source.notes = self.refs(element, "NoteRef", where)
        for child in _children(element, "VariableValue"):
            variable, value = self.variable_value(child, where)
            if value:
                source.variables[variable] = value
        return source

    def selection(self, element: Element, source: TextSource, where: str) -> Selection:
        check_attributes(element, SELECTION_ATTRIBUTES, self.report, "PlainTextSelection")
        check_children(element, {"Description", "Coding", "NoteRef"}, self.report,
                       "PlainTextSelection")
        guid = norm_guid(element.get("guid"), f"A selection in {where}")
        try:
            start, end = int(element.get("startPosition", "")), int(element.get("endPosition", ""))
        except ValueError:
            raise InvalidInput(f"A selection in {where} has no whole-number start and end.") from None
        if start < 0 or end < start or end > len(source.text):
            raise InvalidInput(f"A selection in {where} runs from {start} to {end}, outside its "
                               f"text of {len(source.text)} characters.")
        descriptions = _children(element, "Description")
        return Selection(guid, start, end, clean_text(descriptions[0].text) if descriptions else "",
                         [self.coding(child, where) for child in _children(element, "Coding")],
                         self.refs(element, "NoteRef", where))


def read_project(root: Element, reader: Reader, report: Report):
    check_attributes(root, {"name", "origin", "creatingUserGUID", "creationDateTime",
                            "modifyingUserGUID", "modifiedDateTime", "basePath"}, report, "Project")
    check_children(root, {"Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links",
                          "Sets", "Graphs", "Description", "NoteRef"}, report, "Project")
    for element in _children(root, "Notes"):
        reader.read_notes(element)
    for element in _children(root, "Variables"):
        reader.read_variables(element)
    specs = []
    for element in _children(root, "CodeBook"):
        check_children(element, {"Codes"}, report, "CodeBook")
        for codes in _children(element, "Codes"):
            specs.extend(parse_codes(codes, report))
    for part, label in UNSUPPORTED_PARTS.items():
        for element in _children(root, part):
            report.unsupported(f"{label} (<{part}>) are not imported", max(1, len(list(element))))
    if _children(root, "Description"):
        report.unsupported("the project's description is not imported")
    text_sources = []
    for element in _children(root, "Sources"):
        for child in element:
            kind = _local(child)
            if kind == "TextSource":
                found = reader.text_source(child)
                if found is not None:
                    text_sources.append(found)
            elif kind in UNSUPPORTED_SOURCES:
                report.unsupported(f"{UNSUPPORTED_SOURCES[kind]} (<{kind}>) are not imported")
            elif kind:
                report.unsupported(f"element <{kind}> in <Sources> is not understood")
    return text_sources, specs


