"""The bundled demo library: documents written by the team, imported on first use into a library
of its own (never the person's), with the levelling-up codebook, two client engagements, coded
evidence, quotes and a draft — so `make run` shows the whole of the app at once."""

import json
from collections.abc import Callable
from pathlib import Path

from kb import collections, drafts, evidence, quotes, sources, themes
from kb.errors import KbError
from kb.importing.pipeline import ImportReport, import_paths
from kb.index import indexer
from kb.library import Library

ROOT = Path(__file__).resolve().parent.parent / "resources"
DEMO_ROOT = ROOT / "demo"
DEMO_DOCUMENTS = DEMO_ROOT / "documents"
DEMO_EVIDENCE = DEMO_ROOT / "evidence.json"


def needs_demo_content(library: Library) -> bool:
    return library.meta("demo_loaded") is None


def load_demo(library: Library, progress: Callable[[int, int, str], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import the demo documents and their evidence once; later opens find them already there."""
    report = import_paths(library, [DEMO_DOCUMENTS], progress=progress, cancelled=cancelled)
    if report.cancelled:
        return report
    themes.import_codebook(library, themes.STARTER_CODEBOOK)
    if DEMO_EVIDENCE.exists():
        _apply_evidence(library, json.loads(DEMO_EVIDENCE.read_text("utf-8")))
    indexer.sync(library, progress)
    library.set_meta("demo_loaded", "1")
    return report


def _apply_evidence(library: Library, spec: dict) -> None:
    by_title = {row["title"]: row["id"] for row in sources.summaries(library, sources.list_ids(library))}
    for entry in spec.get("collections", []):
        try:
            collection = collections.add_collection(library, entry["name"], entry.get("description", ""))
        except KbError:
            continue  # already there
        ids = [by_title[title] for title in entry.get("sources", []) if title in by_title]
        collections.add_to_collection(library, collection.id, ids)
    for entry in spec.get("highlights", []):
        if entry["source"] in by_title:
            try:
                evidence.highlight_text(library, by_title[entry["source"]], entry["text"],
                                        [tuple(pair) for pair in entry.get("themes", [])],
                                        entry.get("note", ""))
            except KbError:
                continue  # a passage the document no longer has: the demo goes on without it
    made = []
    for entry in spec.get("quotes", []):
        try:
            made.append(quotes.add_quote(library, entry["text"], by_title.get(entry.get("source")),
                                         entry.get("speaker", ""), themes=entry.get("themes", [])))
        except KbError:
            made.append(None)
    for entry in spec.get("drafts", []):
        body = entry.get("body", "")
        for number, quote in enumerate(made):
            body = body.replace("{{quote:" + str(number) + "}}", quote.marker if quote else "")
        drafts.new_draft(library, entry["title"], body, entry.get("style", "harvard"))
