"""Pieces every exchange format shares: stable GUIDs, safe XML, the import report, safe writes.

GUIDs are UUID version 5 over a fixed namespace and our own ids, so exporting the same library
twice gives the same GUIDs and another tool sees the same codes and sources again.
"""

import os
import re
import tempfile
import uuid
from collections import Counter
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from kb.errors import InvalidInput

NAMESPACE = uuid.UUID("6f1c2c7e-3b1d-5a4e-9a57-0e5d1e5c0d35")  # never change: GUIDs derive from it
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
# Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def guid_for(kind: str, item_id: str) -> str:
    """The GUID another tool knows our item by: the same every time the item is exported."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{item_id}"))


def norm_guid(value: str | None, where: str) -> str:
    """A GUID in one spelling (lower case, no braces) so references match however tools write
    them; raises InvalidInput for something that is not a GUID."""
    match = _GUID.match((value or "").strip())
    if not match:
        raise InvalidInput(f"{where} has the GUID '{value or ''}', which is not a GUID.")
    return match.group(1).lower()


def xml_text(value) -> str:
    """Text an XML 1.0 document can carry (characters it cannot are left out)."""
    return _NOT_XML.sub("", str(value or ""))


def split_tag(tag) -> tuple[str, str]:
    """(namespace, local name) of an element or attribute name."""
    if not isinstance(tag, str):  # comments and processing instructions
        return "", ""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def parse_xml(data: bytes, what: str) -> Element:
    """Parse untrusted XML, refusing document type and entity declarations (XML bombs,
    external entities); one clear sentence on any problem."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InvalidInput(f"{what} declares a document type or entities, which are refused "
                           "for safety.") from None
    except ParseError as error:
        raise InvalidInput(f"{what} is not well-formed XML ({error}).") from None


def check_children(element: Element, known: set[str], report: "Report", where: str) -> None:
    """Report child elements this importer does not understand."""
    for child in element:
        namespace, name = split_tag(child.tag)
        if name and (name not in known or not _ours(namespace)):
            report.unsupported(f"element <{name}> in <{where}> is not understood")


def check_attributes(element: Element, known: set[str], report: "Report", where: str) -> None:
    """Report attributes this importer does not understand (schema locations are fine)."""
    for attribute in element.attrib:
        namespace, name = split_tag(attribute)
        if namespace == XSI or (not namespace and name in known):
            continue
        report.unsupported(f"attribute '{name}' on <{where}> is not understood")


def _ours(namespace: str) -> bool:
    return namespace == "" or namespace.startswith("urn:QDA-XML:")


class Report:
    """What an import did, and everything it could not take in: nothing is dropped silently."""

    def __init__(self) -> None:
        self.added: list[str] = []
        self.merged: list[str] = []
        self.renamed: list[str] = []
        self.skipped: list[str] = []
        self._unsupported: Counter[str] = Counter()

    def unsupported(self, message: str, count: int = 1) -> None:
        self._unsupported[message] += count

    def unsupported_list(self) -> list[str]:
        return [message if count == 1 else f"{message} ({count} times)"
                for message, count in sorted(self._unsupported.items())]

    def to_dict(self, **more) -> dict:
        return {"added": self.added, "merged": self.merged, "unsupported": self.unsupported_list(),
                "renamed": self.renamed, "skipped": self.skipped, **more}


def write_atomic(path: Path, content) -> None:
    """Write a file whole or not at all: a failed export never leaves half a file behind.
    `content` is bytes, or a function writing to a binary stream."""
    path = Path(path)
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give a file name to export to.")
    if not path.parent.is_dir():
        raise InvalidInput(f"The folder {path.parent} does not exist.")
    handle, temporary = tempfile.mkstemp(prefix=".export-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(content, bytes):
                stream.write(content)
            else:
                content(stream)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from error
    finally:
        Path(temporary).unlink(missing_ok=True)
