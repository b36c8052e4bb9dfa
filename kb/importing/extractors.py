"""The one entry point for reading a file: check it, pick the extractor by suffix, run it.

Every problem comes back as an ExtractionError with one sentence naming the file, so the
importer can report it against the file and carry on with the next.
"""

import importlib
import math
import pathlib
from collections.abc import Callable

from kb.errors import ExtractionError
from kb.importing.extracted import Extracted

DEFAULT_MAX_BYTES = 200 * 1024 * 1024

# suffix -> (module, function). Modules are imported on first use: trafilatura alone takes
# about half a second to import, which the command line should not pay for a .txt file.
_EXTRACTORS: dict[str, tuple[str, str]] = {
    ".txt": ("kb.importing.text_file", "extract_text_file"),
    ".md": ("kb.importing.markdown_file", "extract_markdown_file"),
    ".markdown": ("kb.importing.markdown_file", "extract_markdown_file"),
    ".html": ("kb.importing.web_page", "extract_web_page"),
    ".htm": ("kb.importing.web_page", "extract_web_page"),
    ".pdf": ("kb.importing.pdf_file", "extract_pdf"),
    ".docx": ("kb.importing.docx_file", "extract_docx"),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_EXTRACTORS)


def _extractor(suffix: str) -> Callable[[bytes, str], Extracted]:
    module, function = _EXTRACTORS[suffix]
    return getattr(importlib.import_module(module), function)


def _size(size: int) -> str:
    """ "250 MB", "1.5 MB", "12 KB": as precise as a person needs."""
    mb = size / (1024 * 1024)
    if mb < 1:
        return f"{math.ceil(size / 1024)} KB"
    return f"{mb:.1f} MB" if mb < 10 and not mb.is_integer() else f"{math.ceil(mb)} MB"


def _read(path: pathlib.Path, max_bytes: int) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ExtractionError(f"{name} is a folder, not a file.")
        if size == 0:
            raise ExtractionError(f"{name} is empty.")
        if size > max_bytes:
            raise ExtractionError(
                f"{name} is too large ({_size(size)}; the limit is {_size(max_bytes)})."
            )
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)  # the file may grow while we read it
    except FileNotFoundError as err:
        raise ExtractionError(f"{name} could not be found.") from err
    except PermissionError as err:
        raise ExtractionError(f"{name} cannot be read (permission denied).") from err
    except OSError as err:
        raise ExtractionError(f"{name} cannot be read ({err.strerror or err}).") from err
    if not data:
        raise ExtractionError(f"{name} is empty.")
    if len(data) > max_bytes:
        raise ExtractionError(
            f"{name} is too large (over {_size(max_bytes)}; the limit is {_size(max_bytes)})."
        )
    return data


def extract(path: pathlib.Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Extracted:
    """Read one file into an Extracted; raise ExtractionError with a one-sentence reason."""
    path = pathlib.Path(path)
    suffix = path.suffix.lower()
    if suffix not in _EXTRACTORS:
        kinds = ", ".join(SUPPORTED_SUFFIXES)
        raise ExtractionError(f"{path.name} is not a supported file type (supported: {kinds}).")
    data = _read(path, max_bytes)
    extracted = _extractor(suffix)(data, path.name)
    if not extracted.body.strip():
        raise ExtractionError(f"No text could be extracted from {path.name}.")
    return extracted
