"""Quotes on the move: the drag payload (a private mime type carrying quote ids, with the words
as plain text for other applications) and the clipboard's "copy with citation" (rich text and
plain text together, so Word, Outlook and a plain editor each paste something sensible)."""

import json

from PySide6.QtCore import QMimeData

from kb.quotes import Quote
from kb.render import escape

MIME_TYPE = "application/x-evidence-desk-quote-ids"
PASSAGE_MIME_TYPE = "application/x-evidence-desk-passage"  # a passage dragged out of the reader
BLOCK_QUOTE_WORDS = 40  # longer quotations are set as an indented block, as the styles advise


def flat(text: str) -> str:
    return " ".join((text or "").split())


def who_said(quote: Quote) -> str:
    return quote.speaker or quote.source_title or ""


def quotes_mime(quotes: list[Quote]) -> QMimeData:
    """What a dragged quote carries: its id for a draft, its words for anywhere else."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps([quote.id for quote in quotes]).encode("utf-8"))
    lines = []
    for quote in quotes:
        said = who_said(quote)
        lines.append(f"“{flat(quote.text)}”" + (f" — {said}" if said else ""))
    mime.setText("\n\n".join(lines))
    return mime


def quote_ids(mime: QMimeData | None) -> list[str]:
    """The quote ids a drop carries (none when it is not a quote drag)."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return []
    try:
        ids = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [str(each) for each in ids if isinstance(each, str)] if isinstance(ids, list) else []


def is_long(quote: Quote) -> bool:
    return len(quote.text.split()) >= BLOCK_QUOTE_WORDS


def cited_html(quote: Quote, citation: str) -> str:
    words = escape(flat(quote.text))
    if is_long(quote):
        return f"<blockquote><p>{words}</p></blockquote><p>{escape(citation)}</p>"
    return f"<p>“{words}” {escape(citation)}</p>"


def cited_text(quote: Quote, citation: str) -> str:
    if is_long(quote):
        return f"{flat(quote.text)}\n{citation}"
    return f"“{flat(quote.text)}” {citation}"


def citation_mime(pairs: list[tuple[Quote, str]]) -> QMimeData:
    """Quotes with their citations, as rich text and as plain text."""
    mime = QMimeData()
    mime.setHtml("".join(cited_html(quote, citation) for quote, citation in pairs))
    mime.setText("\n\n".join(cited_text(quote, citation) for quote, citation in pairs))
    return mime


def passage_of(mime: QMimeData | None) -> tuple[str, int, int] | None:
    """(source id, start, end) of a passage dragged from the reader, or None."""
    if mime is None or not mime.hasFormat(PASSAGE_MIME_TYPE):
        return None
    try:
        data = json.loads(bytes(mime.data(PASSAGE_MIME_TYPE)).decode("utf-8"))
        return str(data["source_id"]), int(data["start"]), int(data["end"])
    except (ValueError, KeyError, TypeError):
        return None
