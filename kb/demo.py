"""The bundled demo library: documents written by the team, imported on first use into a library
of its own (never the person's), so `make run` shows a working app at once."""

from collections.abc import Callable
from pathlib import Path

from kb.importing.pipeline import ImportReport, import_paths
from kb.library import Library

DEMO_ROOT = Path(__file__).resolve().parent.parent / "resources" / "demo"
DEMO_DOCUMENTS = DEMO_ROOT / "documents"


def needs_demo_content(library: Library) -> bool:
    return library.meta("demo_loaded") is None


def load_demo(library: Library, progress: Callable[[int, int, str], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import the demo documents once; later opens find them already there."""
    report = import_paths(library, [DEMO_DOCUMENTS], progress=progress, cancelled=cancelled)
    if not report.cancelled:
        library.set_meta("demo_loaded", "1")
    return report
