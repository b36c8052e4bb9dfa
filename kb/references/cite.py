"""In-text citations and reference lists in Harvard, APA and Chicago, via citeproc-py.

Items are sources (`Source` objects or dicts of their fields) or CSL-JSON items. Before they
reach citeproc-py they are tidied, because it is strict where real data is loose: it warns
about variables it does not know, crashes on a date it cannot read as numbers or a name with
only a given name, and writes title text into HTML unescaped.
"""

import functools
import html
import warnings

from kb.errors import InvalidInput
from kb.references.csl import csl_date, source_to_csl
from kb.references.fields import iso_to_parts
from kb.references.names import display_name, family_key, initials_name, parse_name, short_name
from kb.references.styles import (
    NO_DATE,
    RENDER_LOCK,
    STYLE_LABELS,
    StyleError,
    load_style,
    style_key,
)

# Locator labels with a term in the CSL locales ("p.", "para.", "l."), as people choose them.
LOCATOR_LABELS = ("page", "chapter", "section", "paragraph", "line", "figure", "table", "part",
                  "volume", "issue", "column", "note", "verse", "book", "appendix")
QUOTED_IN = {"harvard": "quoted in", "apa": "as quoted in", "chicago": "quoted in"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_NAME_KEYS = {"family", "given", "literal", "dropping-particle", "non-dropping-particle",
              "suffix"}


@functools.cache
def _citeproc_variables() -> frozenset[str]:
    from citeproc import VARIABLES

    return frozenset(name.replace("_", "-") for name in VARIABLES) - {"locator"}


def as_csl(item) -> dict:
    """A source, a dict of source fields or a CSL-JSON item -> a CSL-JSON item."""
    if isinstance(item, dict) and "type" in item and "kind" not in item:
        return dict(item)
    return source_to_csl(item)


def _render_ready(item: dict, key: str, for_html: bool) -> dict:
    """Only what citeproc-py understands, in the shapes it expects."""
    known = _citeproc_variables()
    ready: dict = {"id": key, "type": str(item.get("type") or "document")}
    for name, value in item.items():
        if name not in known or value in (None, "", []):
            continue
        if name in ("author", "editor", "interviewer", "translator", "recipient",
                    "container-author", "collection-editor", "original-author"):
            entries = value if isinstance(value, list) else []
            value = [_name(entry) for entry in entries if isinstance(entry, dict | str)]
            value = [entry for entry in value if entry]
            if not value:
                continue
        elif name in ("issued", "accessed", "submitted", "event-date", "original-date"):
            parts = iso_to_parts(csl_date(value) or "")
            value = {"date-parts": [parts]} if parts else (
                {"literal": str(csl_date(value))} if csl_date(value) else None)
            if value is None:
                continue
        elif not isinstance(value, str | int | float) or isinstance(value, bool):
            continue  # citeproc-py would print a list or an object as its Python repr
        ready[name] = _escape(value, for_html)
    return ready


def _name(entry) -> dict | None:
    name = parse_name(entry) if isinstance(entry, str) else {
        k: str(v) for k, v in entry.items() if k in _NAME_KEYS and str(v or "").strip()}
    if "literal" not in name and not name.get("family"):
        text = display_name(name)
        return {"literal": text} if text else None  # citeproc-py needs a family name
    return name


def _escape(value, for_html: bool):
    if isinstance(value, str) and for_html:
        return html.escape(value, quote=False)
    if isinstance(value, dict):  # names and dates hold strings too
        return {k: _escape(v, for_html) for k, v in value.items()}
    if isinstance(value, list):
        return [_escape(v, for_html) for v in value]
    return value


def _as_list(items) -> list:
    if isinstance(items, list | tuple):
        return list(items)
    return [items]


def _bibliography(items: list[dict], key: str, for_html: bool):
    from citeproc import CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    ready = [_render_ready(item, f"item-{number}", for_html) for number, item in enumerate(items)]
    style = load_style(key)
    return CitationStylesBibliography(style, CiteProcJSON(ready),
                                      formatter.html if for_html else formatter.plain)


def _locators(locator, count: int) -> list:
    if isinstance(locator, list | tuple):
        if len(locator) != count:
            raise InvalidInput("Give one locator per cited item (or None for an item without).")
        return list(locator)
    if locator not in (None, "") and count > 1:
        raise InvalidInput("Give one locator per cited item when citing several items at once.")
    return [locator] * count


def format_citation(sources_or_csl_items, style: str, locator=None,
                    locator_label: str = "page") -> str:
    """The in-text citation of one or more items: "(Raman and O'Brien, 2021, p. 4)"."""
    from citeproc import Citation, CitationItem, Locator

    key = style_key(style)
    items = [as_csl(item) for item in _as_list(sources_or_csl_items)]
    if not items:
        raise InvalidInput("There is nothing to cite.")
    if locator_label not in LOCATOR_LABELS:
        raise InvalidInput(
            f"'{locator_label}' is not a kind of locator; use one of {', '.join(LOCATOR_LABELS)}."
        )
    cites = []
    for number, where in enumerate(_locators(locator, len(items))):
        text = str(where).strip() if where is not None else ""
        extra = {"locator": Locator(locator_label, text)} if text else {}
        cites.append(CitationItem(f"item-{number}", **extra))
    with RENDER_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = _bibliography(items, key, for_html=False)
        citation = Citation(cites)
        bibliography.register(citation)
        return _run(lambda: str(bibliography.cite(citation, lambda _item: None)), key, items)


def format_bibliography(items, style: str, output: str = "text") -> list[str]:
    """Reference-list entries for `items`, in the style's order.

    Styles leave some items out: APA and Chicago cite interviews as personal communications,
    in the text only.
    """
    from citeproc import Citation, CitationItem

    key = style_key(style)
    if output not in ("text", "html"):
        raise InvalidInput(f"Unknown output '{output}'; use 'text' or 'html'.")
    csl_items = [as_csl(item) for item in _as_list(items)]
    if not csl_items:
        return []
    with RENDER_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = _bibliography(csl_items, key, for_html=output == "html")
        # Registered without locators: some styles print a cite's locator in its entry.
        bibliography.register(Citation([CitationItem(f"item-{n}") for n in range(len(csl_items))]))

        def render() -> list[str]:
            bibliography.sort()
            return [" ".join(str(entry).split()) for entry in bibliography.bibliography()]

        return _run(render, key, csl_items)


def _run(render, key: str, items: list[dict]):
    # citeproc-py fails with assorted exceptions on data a style does not expect; a person
    # gets one sentence naming the reference instead of a traceback.
    try:
        return render()
    except (AttributeError, IndexError, KeyError, NotImplementedError, TypeError,
            ValueError) as error:
        titles = "; ".join(f"'{item.get('title', '')}'" for item in items[:3])
        raise StyleError(
            f"The {STYLE_LABELS[key]} style could not format {titles} ({type(error).__name__})."
        ) from error


def cite_source(source, style: str, locator=None, locator_label: str = "page") -> str:
    """The in-text citation of one source."""
    return format_citation([source], style, locator, locator_label)


def narrative_citation(source, style: str, locator=None, locator_label: str = "page") -> str:
    """The citation as part of a sentence: "Raman and O'Brien (2021, p. 4)"."""
    key = style_key(style)
    item = as_csl(source)
    if item.get("type") in ("interview", "personal_communication"):
        item["type"] = "report"  # cited as a document here, not as a personal communication
    text = format_citation([item], key, locator, locator_label)
    inner = text[1:-1] if text.startswith("(") and text.endswith(")") else text
    parts = iso_to_parts(csl_date(item.get("issued")) or "")
    when_text = str(parts[0]) if parts else NO_DATE[key]
    # Harvard and APA put a comma between author and year, Chicago only when there is no date.
    for separator in (", ", " "):
        at = inner.find(f"{separator}{when_text}")
        if at > 0:
            break
    else:
        return text
    who, when = inner[:at], inner[at + len(separator):]
    if key == "apa":
        who = who.replace(" & ", " and ")  # APA: "&" inside parentheses, "and" in running text
    return f"{who} ({when})"


def citation_for_quote(source_or_none, speaker: str | None, locator, style: str, *,
                       date=None, locator_label: str = "page") -> str:
    """How to cite a quotation.

    The source's own author: "(Raman, 2021, p. 4)". Someone quoted in it: "Jones, quoted in
    Raman (2021, p. 4)". No source (a conversation): "(Jones, personal communication,
    4 March 2021)", dated by `date` when known.
    """
    key = style_key(style)
    speaker = " ".join(str(speaker or "").split())
    if source_or_none is None:
        if not speaker:
            raise InvalidInput("A quotation needs a source or a speaker to cite.")
        return _personal_communication(speaker, date, key)
    if not speaker or _is_author(speaker, as_csl(source_or_none)):
        return format_citation([source_or_none], key, locator, locator_label)
    narrative = narrative_citation(source_or_none, key, locator, locator_label)
    return f"{short_name(speaker)}, {QUOTED_IN[key]} {narrative}"


def _is_author(speaker: str, item: dict) -> bool:
    speaker_key = family_key(speaker)
    names = item.get("author") if isinstance(item.get("author"), list) else []
    authors = [display_name(name) for name in names]
    return bool(speaker_key) and any(family_key(author) == speaker_key for author in authors)


def _personal_communication(speaker: str, date, key: str) -> str:
    parts = iso_to_parts(csl_date(date) or "") if date else None
    if key == "apa":
        who, when = initials_name(speaker), _written_date(parts, day_first=False)
    elif key == "chicago":
        who, when = display_name(parse_name(speaker)), _written_date(parts, day_first=False)
    else:
        who, when = short_name(speaker), _written_date(parts, day_first=True)
    return f"({who}, personal communication{', ' + when if when else ''})"


def _written_date(parts: list[int] | None, day_first: bool) -> str:
    """[2021, 3, 4] -> '4 March 2021' (British) or 'March 4, 2021' (American)."""
    if not parts:
        return ""
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS[parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}" if day_first else f"{month} {parts[2]}, {parts[0]}"
