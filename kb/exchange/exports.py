"""`kb export qdc|qdpx|vault`: one entry point for the exchange formats, as the export command
(kb.cli.exports) calls it, returning the sentence it prints."""

from pathlib import Path

from kb.errors import InvalidInput
from kb.exchange.refi_codebook import export_codebook
from kb.exchange.refi_project import export_project
from kb.exchange.scope import resolve_scope
from kb.exchange.vault import export_vault
from kb.library import Library

WRITERS = {"qdc": export_codebook, "qdpx": export_project, "vault": export_vault}
COUNTED = ("sources", "themes", "highlights", "quotes", "collections", "links")


def export_result(library: Library, fmt: str, output, collection: str | None = None,
                  theme: str | None = None) -> dict:
    """Export the library (or one collection or theme) as `fmt`; returns counts, the scope and
    anything left out."""
    if fmt not in WRITERS:
        raise InvalidInput(f"'{fmt}' is not an exchange format; choose qdc, qdpx or vault.")
    scope = resolve_scope(library, collection=collection, theme=theme)
    return WRITERS[fmt](library, Path(output), scope)


def summary(result: dict) -> str:
    counted = ", ".join(f"{result[key]} {key}" for key in COUNTED if result.get(key))
    lines = [f"Exported the {result['scope']} to {result['path']}" +
             (f": {counted}." if counted else ".")]
    lines += [f"  left out: {line}" for line in result.get("skipped", [])]
    return "\n".join(lines)


def export(library: Library, fmt: str, output, collection: str | None = None,
           theme: str | None = None) -> str:
    return summary(export_result(library, fmt, output, collection, theme))
