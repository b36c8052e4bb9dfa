"""Word documents (.docx), read with python-docx into Markdown.

Headings become #-headings, list paragraphs "- " items and tables simple Markdown tables;
character formatting, comments, footnotes and text boxes are not carried over.
"""

import datetime as dt
import io
import re
import zipfile
import zlib

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from kb.errors import ExtractionError
from kb.importing.extracted import Extracted
from kb.importing.metadata import clean_title, is_junk_title, parse_date, split_authors

REPORT_MIN_HEADINGS = 3
REPORT_MIN_WORDS = 1500
_MAX_UNPACKED = 1024 * 1024 * 1024  # refuse "zip bombs" before python-docx unpacks them
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, and encrypted .docx
_STRICT_NAMESPACE = b"purl.oclc.org/ooxml"
# What python-docx and the zip/XML layers under it raise on a damaged package.
_DAMAGED = (OpcError, zipfile.BadZipFile, KeyError, ValueError, AttributeError, IndexError,
            etree.LxmlError, zlib.error, EOFError, NotImplementedError)
_HEADING_RE = re.compile(r"^heading\s*(\d)$", re.I)
_LIST_STYLE_RE = re.compile(r"^list(?:\s+(?:paragraph|bullet|number|continue))?(?:\s*\d)?$", re.I)
_MARKDOWN_START_RE = re.compile(r"^(#|[-*+]\s|\d+[.)]\s|>)")
# python-docx's own template stamps this author and date on every new document.
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)


def _check_package(data: bytes, name: str) -> None:
    """Give a precise reason for files python-docx would fail on with a cryptic error."""
    if data.startswith(_OLE_SIGNATURE):
        raise ExtractionError(
            f"{name} is an encrypted or old-format (.doc) Word file; save it in Word as an "
            "unprotected .docx to import it."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            unpacked = sum(info.file_size for info in package.infolist())
            rels = package.read("_rels/.rels") if "_rels/.rels" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as err:
        raise ExtractionError(f"{name} is not a Word document (it is not a valid .docx package).") from err
    if unpacked > _MAX_UNPACKED:
        raise ExtractionError(f"{name} is too large to open ({unpacked // 2**20} MB when unpacked).")
    if _STRICT_NAMESPACE in rels:
        raise ExtractionError(
            f"{name} is saved in the Strict Open XML format, which cannot be read; save it in "
            "Word as a standard .docx to import it."
        )
    if not any(n.startswith("word/") for n in names):
        raise ExtractionError(f"{name} is not a Word document (it has no document text part).")


def _style_names(paragraph: Paragraph) -> list[str]:
    """The paragraph's style and the styles it is based on (custom headings inherit)."""
    names, style = [], paragraph.style
    while style is not None and len(names) < 6:
        names.append(style.name or "")
        style = style.base_style
    return names


def _heading_level(styles: list[str]) -> int:
    for style in styles:
        if style.casefold() == "title":
            return 1
        if m := _HEADING_RE.match(style):
            return min(max(int(m[1]), 1), 6)
    return 0


def _list_depth(paragraph: Paragraph, styles: list[str]) -> int | None:
    """Nesting level (0 = top) for a list item, or None for an ordinary paragraph."""
    ppr = paragraph._p.pPr  # python-docx has no public API for numbering
    numbering = ppr.numPr if ppr is not None else None
    if numbering is not None:
        level = numbering.ilvl.val if numbering.ilvl is not None else 0
        return min(int(level or 0), 8)
    return 0 if styles and _LIST_STYLE_RE.match(styles[0]) else None


def _text_boxes(paragraph: Paragraph) -> list[str]:
    """Text of the text boxes anchored in this paragraph (call-outs, captions), which
    python-docx's paragraph.text leaves out. Word stores each box twice, once as a modern
    drawing and once as a VML fallback; only the first copy is read."""
    boxes = paragraph._p.xpath(
        ".//w:txbxContent[not(ancestor::*[local-name()='Fallback'])]/w:p"
    )
    texts = (" ".join(Paragraph(p, paragraph._parent).text.split()) for p in boxes)
    return [t for t in texts if t]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table_markdown(table: Table) -> str:
    rows = [[_cell(cell.text) for cell in row.cells] for row in table.rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _paragraph_markdown(paragraph: Paragraph) -> tuple[str, str | None]:
    """(Markdown block, heading text if it is a heading)."""
    text = paragraph.text.strip()
    if not text:
        return "", None
    styles = _style_names(paragraph)
    level = _heading_level(styles)
    if level:
        heading = " ".join(text.split())
        return f"{'#' * level} {heading}", heading
    lines = [line.strip() for line in text.split("\n")]
    text = "  \n".join(lines)  # a manual line break in Word stays a line break
    depth = _list_depth(paragraph, styles)
    if depth is not None:
        return "  " * depth + "- " + text, None
    if _MARKDOWN_START_RE.match(text):
        text = "\\" + text  # "# 1 priority" typed in Word is text, not a Markdown heading
    return text, None


def _body(document: DocxDocument) -> tuple[str, list[str]]:
    """The document as Markdown, and the text of its headings in order."""
    blocks: list[str] = []
    headings: list[str] = []
    previous_was_item = False
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            block, heading, is_item = _table_markdown(item), None, False
        else:
            block, heading = _paragraph_markdown(item)
            is_item = block.lstrip().startswith("- ")
        if isinstance(item, Paragraph):
            boxes = _text_boxes(item)
            block = "\n\n".join(b for b in [block, *boxes] if b)
        if not block:
            continue
        if heading:
            headings.append(heading)
        # Consecutive list items form one list; every other block is its own paragraph.
        if is_item and previous_was_item:
            blocks[-1] += "\n" + block
        else:
            blocks.append(block)
        previous_was_item = is_item
    return "\n\n".join(blocks), headings


# Publisher-like properties an author sets in docProps/custom.xml. The "Company" in
# docProps/app.xml is not read: Word fills it from the Office licence ("Cisco Systems, Inc."
# on documents that merely were typed at Cisco), so it names a licensee, not a publisher.
_PUBLISHER_PROPERTIES = ("publisher", "organisation", "organization", "company")
# Core "category" values that say what kind of document this is.
_CATEGORY_KINDS = (
    (re.compile(r"transcript|interview", re.I), "transcript"),
    (re.compile(r"\b(notes?|memo|memorandum|minutes)\b", re.I), "note"),
    (re.compile(r"article|blog|comment|op-ed|opinion|feature", re.I), "article"),
    (re.compile(r"report|review|paper|briefing|evaluation|study|plan|strategy|guidance|"
                r"evidence|analysis|consultation|white paper", re.I), "report"),
)


def _custom_properties(data: bytes) -> dict[str, str]:
    """Named values from docProps/custom.xml, which python-docx does not read, by lower-cased
    name; a missing or damaged part just gives nothing."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("docProps/custom.xml")
            if info.file_size > 1_000_000:
                return {}
            root = etree.fromstring(package.read(info), parser)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, KeyError, OSError,
            RuntimeError, NotImplementedError, etree.LxmlError):
        return {}
    found: dict[str, str] = {}
    for prop in root.iter("{*}property") if root is not None else ():
        key = (prop.get("name") or "").strip().casefold()
        value = " ".join("".join(prop.itertext()).split())
        if key and value and key not in found:
            found[key] = value[:300]
    return found


def _publisher(properties: dict[str, str]) -> str | None:
    for key in _PUBLISHER_PROPERTIES:
        value = properties.get(key, "")
        if value and any(ch.isalpha() for ch in value):
            return value
    return None


def _kind(category: str | None, headings: int, words: int) -> str:
    for pattern, kind in _CATEGORY_KINDS:
        if category and pattern.search(category):
            return kind
    return "report" if headings >= REPORT_MIN_HEADINGS or words > REPORT_MIN_WORDS else "article"


def _core_metadata(document: DocxDocument) -> dict:
    try:
        props = document.core_properties
        found = {"title": props.title, "author": props.author, "created": props.created,
                 "keywords": props.keywords, "subject": props.subject, "language": props.language,
                 "category": props.category}
    except _DAMAGED:
        return {}  # a damaged docProps/core.xml costs only the metadata
    if found["author"] == "python-docx" and found["created"] == _TEMPLATE_CREATED:
        found["created"] = None
    return found


def extract_docx(data: bytes, name: str) -> Extracted:
    """Read a .docx file into Markdown with its core properties as metadata."""
    _check_package(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        body, headings = _body(document)
    except _DAMAGED as err:
        reason = " ".join(str(err).split()).strip("\"'")[:120] or type(err).__name__
        raise ExtractionError(f"{name} is damaged and could not be read as a Word document ({reason}).") from err

    core = _core_metadata(document)
    title = clean_title(core.get("title"))
    if not title or is_junk_title(title):
        title = clean_title(headings[0]) if headings else None
    keywords = core.get("keywords") or ""
    language = (core.get("language") or "").split("-")[0].lower()
    extra = {"subject": core["subject"]} if core.get("subject") else {}
    category = (core.get("category") or "").strip() or None
    if category:
        extra["category"] = category
    words = len(body.split())
    return Extracted(
        body=body,
        file_type="docx",
        title=title,
        authors=split_authors(core.get("author")),
        date=parse_date(core.get("created")),
        language=language if language.isalpha() and len(language) <= 3 else None,
        publisher=_publisher(_custom_properties(data)),
        kind=_kind(category, len(headings), words),
        tags=[k.strip() for k in re.split(r"[,;]", keywords) if k.strip()][:20],
        extra=extra,
    )
