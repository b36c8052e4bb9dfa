"""PDF files, read with pypdf: text page by page, and metadata from the /Info dictionary.

The body is the pages' text joined by blank lines; `page_starts` records where each page
begins so a quotation can be cited with its page number.
"""

import io
from collections.abc import Callable
from pathlib import PurePath
from typing import TypeVar

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from kb.errors import ExtractionError
from kb.importing.extracted import Extracted
from kb.importing.metadata import clean_title, is_junk_title, parse_date, split_authors
from kb.importing.pdf_text import page_markdown, title_from_first_page

REPORT_MIN_PAGES = 4

T = TypeVar("T")


def _reason(err: BaseException) -> str:
    """A library's exception text, fit to sit in brackets in one sentence."""
    text = " ".join(str(err).split()).strip("\"'") or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _guarded(action: Callable[[], T], name: str) -> T:
    """Run a pypdf call, turning any failure into an ExtractionError naming the file."""
    try:
        return action()
    except ExtractionError:
        raise
    except FileNotDecryptedError as err:
        raise ExtractionError(f"{name} is password-protected.") from err
    except DependencyError as err:
        raise ExtractionError(
            f"{name} uses encryption this installation cannot open ({_reason(err)})."
        ) from err
    except PdfReadError as err:
        raise ExtractionError(f"{name} is damaged and could not be read as a PDF ({_reason(err)}).") from err
    except Exception as err:  # pypdf raises arbitrary errors (KeyError, TypeError, ValueError,
        # RecursionError, zlib.error...) on corrupt files; every one of them means "damaged".
        raise ExtractionError(f"{name} is damaged and could not be read as a PDF ({_reason(err)}).") from err


def _open(data: bytes, name: str) -> PdfReader:
    if b"%PDF-" not in data[:1024]:
        raise ExtractionError(f"{name} is not a PDF file (it has no PDF header).")
    reader = _guarded(lambda: PdfReader(io.BytesIO(data), strict=False), name)
    if reader.is_encrypted:
        # Many PDFs are encrypted only to restrict printing or copying: they open with an
        # empty user password. Only a real user password stops us.
        result = _guarded(lambda: reader.decrypt(""), name)
        if result == PasswordType.NOT_DECRYPTED:
            raise ExtractionError(f"{name} is password-protected.")
    return reader


def _xmp_publisher(reader: PdfReader) -> str | None:
    """dc:publisher from the XMP metadata stream; a damaged stream just means none."""
    try:
        xmp = reader.xmp_metadata
        publishers = (xmp.dc_publisher or []) if xmp is not None else []
    except Exception:  # pypdf and its XML parser fail in many ways on damaged XMP
        return None
    publisher = next((p for p in publishers if isinstance(p, str) and p.strip()), None)
    return " ".join(publisher.split())[:300] if publisher else None


def _info(reader: PdfReader, name: str) -> dict[str, str]:
    """The /Info strings worth having; a damaged /Info dictionary just means no metadata."""

    def read() -> dict[str, str]:
        info = reader.metadata or {}
        found = {}
        for key in ("/Title", "/Author", "/CreationDate", "/Subject", "/Keywords"):
            value = info.get(key)
            value = value.get_object() if hasattr(value, "get_object") else value
            if isinstance(value, str) and value.strip("\x00 "):
                found[key] = value.replace("\x00", "").strip()
        # A publisher only where the document states one: XMP's dc:publisher. Not /Creator,
        # which names the software that made the PDF ("Microsoft Word", "LaTeX").
        if publisher := _xmp_publisher(reader):
            found["publisher"] = publisher
        lang = reader.root_object.get("/Lang")
        if isinstance(lang, str) and lang.strip():
            found["/Lang"] = lang.strip()
        return found

    try:
        return _guarded(read, name)
    except ExtractionError:
        return {}


def _page_texts(reader: PdfReader, name: str) -> tuple[list[str], list[int]]:
    """Each page's raw text, and the numbers of pages whose text could not be read."""
    pages = _guarded(lambda: list(reader.pages), name)
    texts, failed = [], []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(_guarded(page.extract_text, name) or "")
        except ExtractionError:
            texts.append("")  # one broken page should not cost the reader the other ninety
            failed.append(number)
    return texts, failed


def _title(info: dict[str, str], first_page: str, name: str) -> str | None:
    stated = clean_title(info.get("/Title"))
    if stated and is_junk_title(stated):
        stated = None
    # Tools often write the file name as the title; the page itself usually says better.
    if stated and stated.casefold() != PurePath(name).stem.casefold():
        return stated
    return title_from_first_page(first_page) or stated


def _tags(keywords: str | None) -> list[str]:
    if not keywords:
        return []
    tags = [k.strip() for k in keywords.replace(";", ",").split(",") if k.strip()]
    return tags if len(tags) <= 20 and all(len(t) <= 40 for t in tags) else []


def extract_pdf(data: bytes, name: str) -> Extracted:
    """Read a PDF's text layer and /Info metadata."""
    reader = _open(data, name)
    raw_pages, failed = _page_texts(reader, name)
    if failed and len(failed) == len(raw_pages):
        raise ExtractionError(f"{name} is damaged: none of its pages could be read.")
    if not any(any(ch.isalnum() for ch in text) for text in raw_pages):
        raise ExtractionError(f"{name} has no text layer (a scanned image?).")

    pages = [page_markdown(text) for text in raw_pages]
    page_starts, offset = [], 0
    for text in pages:
        page_starts.append(offset)
        offset += len(text) + 2  # the "\n\n" joining pages
    info = _info(reader, name)
    extra: dict = {"page_count": len(pages)}
    if failed:
        extra["unreadable_pages"] = failed
    if info.get("/Subject"):
        extra["subject"] = info["/Subject"]
    lang = info.get("/Lang", "").split("-")[0].lower()
    return Extracted(
        body="\n\n".join(pages),
        file_type="pdf",
        title=_title(info, raw_pages[0], name),
        authors=split_authors(info.get("/Author")),
        date=parse_date(info.get("/CreationDate")),
        publisher=info.get("publisher"),
        language=lang if lang.isalpha() and len(lang) <= 3 else None,
        kind="report" if len(pages) >= REPORT_MIN_PAGES else "article",
        tags=_tags(info.get("/Keywords")),
        page_starts=page_starts,
        extra=extra,
    )
