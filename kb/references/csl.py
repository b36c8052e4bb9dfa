"""Sources <-> CSL-JSON items, the exchange format of citation processors and Zotero/Mendeley.

Export follows the CSL 1.0.2 data schema. What CSL has no place for (display names with
honorifics, unmapped `extra` keys) travels in the item's `custom` object so that exporting and
re-importing through Evidence Desk loses nothing; other tools ignore it.

Import is lenient: real exports carry extra keys, literal names, `raw`/`literal` dates and types
we do not have; everything maps to the nearest kind and unknown fields are dropped.
"""

import json
import re

from kb.errors import InvalidInput
from kb.references.fields import (
    ParsedEntry,
    iso_to_parts,
    lenient_date,
    normalise_doi,
    parts_to_iso,
    source_value,
    split_keywords,
    strict_fields,
)
from kb.references.names import display_name, parse_name

KIND_TO_CSL = {"report": "report", "web_page": "webpage", "note": "document",
               "transcript": "interview"}
CSL_TO_KIND = {
    "article-journal": "article", "article-newspaper": "article", "article-magazine": "article",
    "article": "article", "report": "report", "book": "report", "chapter": "report",
    "webpage": "web_page", "post-weblog": "web_page", "post": "web_page",
    "interview": "transcript", "document": "note", "manuscript": "note",
    "personal_communication": "note",
}
# `extra` keys that have a CSL variable; all other keys travel in `custom`.
EXTRA_TO_CSL = {
    "doi": "DOI", "container_title": "container-title", "volume": "volume", "issue": "issue",
    "pages": "page", "isbn": "ISBN", "issn": "ISSN", "edition": "edition", "number": "number",
    "publisher_place": "publisher-place", "genre": "genre", "abstract": "abstract",
    "collection_title": "collection-title", "short_title": "title-short", "note": "note",
    "medium": "medium", "archive": "archive", "section": "section",
}
CSL_TO_EXTRA = {csl: key for key, csl in EXTRA_TO_CSL.items()}
# Variables the CSL schema types as plain strings (numbers are allowed for the others).
_STRING_ONLY = {"DOI", "ISBN", "ISSN", "abstract", "archive", "container-title", "genre",
                "medium", "note", "publisher-place", "title-short", "collection-title"}
_CSL_ALIASES = {"doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "pages": "page",
                "container_title": "container-title"}  # spellings seen in hand-made files
CUSTOM_KEY = "evidence_desk"
_MARKUP = re.compile(r"</?(?:i|b|em|strong|sup|sub|sc|span)(?:\s[^>]*)?>", re.I)


def _csl_type(kind: str, extra: dict) -> str:
    if kind == "article":
        return "article-journal" if extra.get("container_title") else "article"
    return KIND_TO_CSL.get(kind, "document")


def source_to_csl(source) -> dict:
    """One source (a `Source` or a dict of its fields) -> a CSL-JSON item."""
    extra = dict(source_value(source, "extra", {}) or {})
    authors = [a for a in (source_value(source, "authors", []) or []) if str(a).strip()]
    item: dict = {"id": str(source_value(source, "id", "") or "item"),
                  "type": _csl_type(source_value(source, "kind", "note"), extra),
                  "title": source_value(source, "title", "")}
    if authors:
        item["author"] = [parse_name(author) for author in authors]
    for name, csl_name in (("date", "issued"), ("accessed", "accessed")):
        parts = iso_to_parts(source_value(source, name))
        if parts:
            item[csl_name] = {"date-parts": [parts]}
    for name, csl_name in (("publisher", "publisher"), ("url", "URL"), ("language", "language")):
        if source_value(source, name):
            item[csl_name] = source_value(source, name)
    tags = list(source_value(source, "tags", []) or [])
    if tags:
        item["categories"] = tags
        item["keyword"] = ", ".join(tags)  # what Zotero and citeproc-js read
    custom_extra = {}
    for key, value in extra.items():
        csl_name = EXTRA_TO_CSL.get(key)
        if csl_name and _fits_csl(csl_name, value):
            item[csl_name] = value
        else:
            custom_extra[key] = value
    custom: dict = {}
    if any(display_name(parse_name(author)) != author for author in authors):
        custom["authors"] = authors  # the names as typed ("Dr Priya Raman", "Raman, Priya")
    if custom_extra:
        custom["extra"] = custom_extra
    if custom:
        item["custom"] = {CUSTOM_KEY: custom}
    return item


def _fits_csl(csl_name: str, value) -> bool:
    if isinstance(value, bool):
        return False
    if csl_name in _STRING_ONLY:
        return isinstance(value, str)
    return isinstance(value, str | int | float)


def _text(*values) -> str | None:
    """The first value that is text (or a number); other JSON (lists, objects) is ignored."""
    for value in values:
        if isinstance(value, str | int | float) and not isinstance(value, bool) and str(
                value).strip():
            return str(value).strip()
    return None


def csl_date(value) -> str | None:
    """A CSL date in any of its forms -> ISO text, or the original text if not understood."""
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list | tuple):
            iso = parts_to_iso(parts[0])
            if iso:
                return iso
        text = _text(value.get("raw"), value.get("literal"))
        if text is None and isinstance(parts, list) and parts:
            text = str(parts[0])
        return (lenient_date(text) or text) if text else None
    text = str(value).strip()
    return (lenient_date(text) or text) if text else None


def _names(value) -> list:
    return [name for name in value if isinstance(name, dict | str)] if isinstance(value, list) else []


def csl_to_source_fields(item: dict) -> dict:
    """A CSL-JSON item from any tool -> source fields (kind, title, authors, ..., extra, body).

    Values are converted, not yet validated: a date nobody could read stays as its text.
    """
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    ours = custom.get(CUSTOM_KEY) if isinstance(custom.get(CUSTOM_KEY), dict) else {}
    authors = [display_name(name) for name in _names(item.get("author"))]
    typed = ours.get("authors")
    if isinstance(typed, list) and len(typed) == len(authors) and all(
        display_name(parse_name(str(t))) == a for t, a in zip(typed, authors, strict=True)
    ):
        authors = [str(name) for name in typed]
    extra: dict = {}
    for key, value in item.items():
        target = CSL_TO_EXTRA.get(_CSL_ALIASES.get(key, key))
        if target and value not in (None, "", []):
            extra[target] = value
    if isinstance(ours.get("extra"), dict):
        extra.update(ours["extra"])
    if "doi" in extra and isinstance(extra["doi"], str):
        extra["doi"] = normalise_doi(extra["doi"]) or extra["doi"]
    tags = item.get("categories")
    tags = ([str(t) for t in tags if str(t).strip()] if isinstance(tags, list)
            else split_keywords(_text(item.get("keyword"))))
    title = _MARKUP.sub("", _text(item.get("title"), item.get("title-short")) or "")
    return {
        "kind": CSL_TO_KIND.get(str(item.get("type", "")), "article"),
        "title": " ".join(title.split()),
        "authors": [author for author in authors if author],
        "date": csl_date(item.get("issued")),
        "publisher": _text(item.get("publisher")),
        "url": _text(item.get("URL"), item.get("url")),
        "accessed": csl_date(item.get("accessed")),
        "language": _text(item.get("language")),
        "tags": tags,
        "extra": extra,
        "body": _text(item.get("abstract"), item.get("note")) or "",
    }


def export_csl_json(sources) -> str:
    """Sources -> a CSL-JSON document (a JSON array of items), as Zotero and pandoc read it."""
    return json.dumps([source_to_csl(source) for source in sources], ensure_ascii=False,
                      indent=2) + "\n"


def read_csl_json(text: str) -> list[ParsedEntry]:
    """Each item of a CSL-JSON document, converted or with the reason it could not be."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"This is not valid CSL-JSON: {error.msg} at line {error.lineno}."
        ) from None
    except RecursionError:
        raise InvalidInput("This is not CSL-JSON: it is nested far too deeply.") from None
    if isinstance(data, dict):
        listed = data.get("items") or data.get("references")
        data = listed if isinstance(listed, list) else [data]
    if not isinstance(data, list):
        raise InvalidInput("This is not CSL-JSON: it should be a list of reference objects.")
    entries = []
    for number, item in enumerate(data, start=1):
        label = f"CSL-JSON item {number}"
        if not isinstance(item, dict):
            entries.append(ParsedEntry(label, error=f"{label} is not an object."))
            continue
        fields = csl_to_source_fields(item)
        if fields["title"]:
            label = f"{label} ('{fields['title'][:60]}')"
            entries.append(ParsedEntry(label, fields))
        else:
            entries.append(ParsedEntry(label, error=f"{label} has no title."))
    return entries


def parse_csl_json(text: str) -> list[dict]:
    """A CSL-JSON document -> source fields per item; InvalidInput if any item is unusable."""
    entries = read_csl_json(text)
    return strict_fields(entries, "CSL-JSON")
