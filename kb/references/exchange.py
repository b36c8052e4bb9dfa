"""Exporting sources to, and importing them from, CSL-JSON, RIS and BibTeX files.

An import reads every entry first, then writes all the new sources in one transaction: either
the whole file's new sources arrive or none do. Entries that cannot become sources (no title,
a malformed BibTeX block) are reported in `failed` and skipped; entries that are already in
the library (same DOI, url, or title and year) are reported in `matched` and left alone.
"""

import json
import os
import re
import tempfile
from pathlib import Path

from kb import sources
from kb.errors import ExtractionError, InvalidInput
from kb.library import Library
from kb.references.bibtex import export_bibtex, read_bibtex
from kb.references.csl import export_csl_json, read_csl_json
from kb.references.fields import ParsedEntry, fix_url
from kb.references.matching import ExistingReferences
from kb.references.ris import export_ris, read_ris

FORMATS = ("csl-json", "ris", "bibtex")
FORMAT_SUFFIXES = {"csl-json": ".json", "ris": ".ris", "bibtex": ".bib"}
MAX_IMPORT_BYTES = 50 * 1024 * 1024  # far beyond any real reference list; refuses a wrong file
_WRITERS = {"csl-json": export_csl_json, "ris": export_ris, "bibtex": export_bibtex}
_READERS = {"csl-json": read_csl_json, "ris": read_ris, "bibtex": read_bibtex}
# Fields whose unreadable values are kept in `extra` (as "<name>_as_given") rather than
# costing the whole reference.
_KEPT_WHEN_INVALID = ("date", "accessed", "url", "publisher", "language")


def _format(fmt: str) -> str:
    key = str(fmt or "").strip().lower()
    if key not in FORMATS:
        raise InvalidInput(f"Unknown reference format '{fmt}'; choose one of {', '.join(FORMATS)}.")
    return key


def render_references(items, fmt: str) -> str:
    """Sources (`Source` objects or dicts of their fields) as the text of a `fmt` file."""
    return _WRITERS[_format(fmt)](list(items))


def export_references(library: Library, fmt: str, path, source_ids=None) -> int:
    """Write the sources (all live ones when `source_ids` is None) to `path`; returns how many.

    The file is replaced atomically: a reader never sees it half-written.
    """
    key = _format(fmt)
    ids = sources.list_ids(library) if source_ids is None else list(source_ids)
    chosen = [sources.get_source(library, source_id) for source_id in ids]
    _write_atomically(Path(path), render_references(chosen, key))
    return len(chosen)


def _write_atomically(path: Path, text: str) -> None:
    if not path.parent.is_dir():
        raise InvalidInput(f"Cannot write {path}: the folder {path.parent} does not exist.")
    handle = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except OSError as error:
        if handle is not None and os.path.exists(handle.name):
            os.unlink(handle.name)
        raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from None


def detect_format(text: str) -> str:
    """'csl-json', 'ris' or 'bibtex', from what the text looks like."""
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith(("[", "{")):
        return "csl-json"
    if re.search(r"^\s*TY {1,2}-", text, re.M):
        return "ris"
    if re.search(r"^\s*@\s*\w+\s*[{(]", text, re.M):
        return "bibtex"
    raise InvalidInput(
        "This is not a reference file I can read; export CSL-JSON, RIS or BibTeX from your "
        "reference manager."
    )


def read_references(text: str) -> list[ParsedEntry]:
    """Every entry of a CSL-JSON, RIS or BibTeX text, converted or with its problem."""
    return _READERS[detect_format(text)](text)


def _read_file(path) -> str:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InvalidInput(f"{path.name} is too large ({size // 1_048_576} MB) for a "
                               "reference file.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a reference file.") from None
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}.") from None
    from kb.importing.decode import decode_text

    try:
        return decode_text(data, path.name)
    except ExtractionError as error:
        raise InvalidInput(str(error)) from None


def import_references(library: Library, path) -> dict:
    """Import the references in the file at `path` (format detected from its content).

    Returns {"imported": [ids], "matched": [{"id", "title"}], "failed": [{"entry", "error"}]}.
    """
    return import_text(library, _read_file(path))


def import_text(library: Library, text: str) -> dict:
    """As `import_references`, for text already read (pasted, or from the clipboard)."""
    entries = read_references(text)
    result: dict = {"imported": [], "matched": [], "failed": []}
    with library.transaction() as conn:
        existing = ExistingReferences(conn)
        for entry in entries:
            if entry.fields is None:
                result["failed"].append({"entry": entry.label, "error": entry.error})
                continue
            try:
                values = values_for_insert(entry.fields)
            except InvalidInput as error:
                result["failed"].append({"entry": entry.label, "error": str(error)})
                continue
            found = existing.find(values)
            if found:
                result["matched"].append({"id": found[0], "title": found[1]})
                continue
            source = sources.insert_source(conn, values)
            existing.add(source.id, values)
            result["imported"].append(source.id)
    return result


def values_for_insert(fields: dict) -> dict:
    """Source fields read from a file -> checked values for `kb.sources.insert_source`."""
    extra = {key: value for key, value in dict(fields.get("extra") or {}).items()
             if value not in (None, "", [], {})}
    values: dict = {}
    for name in ("kind", "title", "authors", "publisher", "date", "url", "accessed",
                 "language", "tags"):
        value = fields.get(name)
        if value in (None, "", []):
            continue
        try:
            values.update(sources.validate_fields({name: fix_url(value) if name == "url"
                                                   else value}))
        except InvalidInput:
            if name not in _KEPT_WHEN_INVALID:
                raise
            extra[f"{name}_as_given"] = str(value)
    if not values.get("title"):
        raise InvalidInput("The reference has no title.")
    try:
        json.dumps(extra, ensure_ascii=False)
    except (TypeError, ValueError):
        extra = {key: str(value) for key, value in extra.items()}
    values["extra"] = extra
    values["body"] = str(fields.get("body") or "")
    return values
