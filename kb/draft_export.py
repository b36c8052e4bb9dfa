"""Exporting a draft: each `{{quote:ID}}` becomes the quote exactly as clipped, with its citation
in the draft's style, and the sources cited are listed at the end. Markdown, HTML or DOCX.

Citations are made from the sources as they are now, so a corrected title or date flows in.
"""

from pathlib import Path

from kb import render, sources
from kb.docx_writer import write_docx
from kb.drafts import Draft, get_draft, quotes_in
from kb.errors import InvalidInput, NotFound
from kb.library import Library
from kb.quotes import QUOTE_MARKER, Quote
from kb.references.cite import citation_for_quote, format_bibliography

FORMATS = ("md", "html", "docx")
LOCATOR_LABELS = {"page": "page", "paragraph": "paragraph", "section": "section"}


def _source_of(library: Library, quote: Quote):
    if not quote.source_id:
        return None
    try:
        return sources.get_source(library, quote.source_id, include_deleted=True)
    except NotFound:
        return None


def quote_citation(library: Library, quote: Quote, style: str) -> str:
    source = _source_of(library, quote)
    label = LOCATOR_LABELS.get(quote.locator_type)
    locator = quote.locator if label else None
    citation = citation_for_quote(source, quote.speaker or None, locator or None, style,
                                  date=quote.date, locator_label=label or "page")
    if quote.locator and quote.locator_type == "timestamp":
        citation = f"{citation} [{quote.locator}]"
    return citation


def _quote_block(library: Library, quote: Quote, style: str) -> str:
    lines = quote.text.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in lines)
    return f"{quoted}\n>\n> {quote_citation(library, quote, style)}"


def expanded_markdown(library: Library, draft: Draft) -> tuple[str, list[str], list[str]]:
    """(the draft's Markdown with quotes expanded, reference list as text, as HTML)."""
    used = {quote.id: quote for quote in quotes_in(library, draft)}

    def expand(match) -> str:
        quote = used.get(match.group(1))
        if quote is None:
            return "> [a quote that is no longer in the library]"
        return _quote_block(library, quote, draft.style)

    body = QUOTE_MARKER.sub(expand, draft.body)
    cited, seen = [], set()
    for quote in used.values():
        source = _source_of(library, quote)
        if source is not None and source.id not in seen:
            seen.add(source.id)
            cited.append(source)
    return (body, format_bibliography(cited, draft.style, "text") if cited else [],
            format_bibliography(cited, draft.style, "html") if cited else [])


def export_draft(library: Library, draft_id: str, fmt: str, path: str | Path) -> Path:
    """Write the draft to `path` (all or nothing: a partial file never replaces a good one)."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Cannot export as '{fmt}'; choose one of {', '.join(FORMATS)}.")
    draft = get_draft(library, draft_id)
    body, references, references_html = expanded_markdown(library, draft)
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:
        if fmt == "md":
            text = body.rstrip() + "\n"
            if references:
                text += "\n## References\n\n" + "\n\n".join(references) + "\n"
            partial.write_text(text, "utf-8")
        elif fmt == "html":
            listing = "".join(f"<p class='reference'>{entry}</p>" for entry in references_html)
            html_body = render.markdown_to_html(body)
            if listing:
                html_body += "<h2>References</h2>" + render.sanitise_html(listing)
            partial.write_text(
                "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>"
                f"{render.escape(draft.title)}</title></head><body>{html_body}</body></html>\n", "utf-8")
        else:
            write_docx(body, partial, references)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise InvalidInput(f"Cannot write {target}: {error.strerror}.") from error
    return target


def preview_html(library: Library, draft_id: str, body: str | None = None) -> str:
    """The draft as it will read (quotes expanded and cited), sanitised, for the live preview."""
    draft = get_draft(library, draft_id)
    if body is not None:
        draft.body = body
    expanded, _references, references_html = expanded_markdown(library, draft)
    html_body = render.markdown_to_html(expanded)
    if references_html:
        html_body += "<h2>References</h2>" + render.sanitise_html(
            "".join(f"<p>{entry}</p>" for entry in references_html))
    return html_body
