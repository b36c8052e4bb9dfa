"""Small value converters shared by the CSL-JSON, RIS and BibTeX readers and writers.

Reference managers write dates, DOIs, pages and keywords in many shapes ("2021/03/04/",
"2021///", "https://doi.org/10.1/x", "100--120", "a; b"). Each converter here accepts them all
and never raises: a value it cannot understand comes back as None so the caller can keep the
original text elsewhere instead of losing the whole reference.
"""

import re
import unicodedata
from dataclasses import dataclass

from kb.errors import InvalidInput
from kb.importing.metadata import parse_date


@dataclass
class ParsedEntry:
    """One reference read from a file: its source fields, or why it could not be read.

    `label` names the entry for a person ("BibTeX entry raman_2021", "RIS record 3").
    """

    label: str
    fields: dict | None = None
    error: str | None = None


def strict_fields(entries: list[ParsedEntry], format_name: str) -> list[dict]:
    """The fields of every entry, or InvalidInput naming the first one that failed."""
    for entry in entries:
        if entry.error:
            raise InvalidInput(entry.error)
    if not entries:
        raise InvalidInput(f"This {format_name} file holds no references.")
    return [entry.fields for entry in entries if entry.fields is not None]


def source_value(source, name: str, default=None):
    """A field of a source given as a `Source` object or as a dict of its fields."""
    value = source.get(name, default) if isinstance(source, dict) else getattr(source, name, default)
    return default if value is None else value


# --- dates -------------------------------------------------------------------------------------

_LEADING_PARTS = re.compile(r"^\s*(\d{4})(?:[-/.](\d{0,2}))?(?:[-/.](\d{0,2}))?")


def iso_to_parts(iso: str | None) -> list[int] | None:
    """'2021-03' -> [2021, 3]; None for no date."""
    if not iso:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", iso)
    if not match:
        return None
    return [int(part) for part in match.groups() if part]


def parts_to_iso(parts) -> str | None:
    """[2021, 3] or ["2021", "03"] -> '2021-03'; None when the parts are not a real date."""
    numbers: list[int] = []
    for part in list(parts or [])[:3]:
        try:
            number = int(str(part).strip())
        except ValueError:
            break
        if number <= 0:
            break  # some exporters pad missing parts with 0
        numbers.append(number)
    if not numbers:
        return None
    text = "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
    return parse_date(text)


def lenient_date(value) -> str | None:
    """Any date a reference manager writes -> ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or None.

    RIS writes "2021/03/04/", "2021///" or "2021/03/04/time"; Zotero's access dates carry a
    time ("2023-01-10 13:45:02"); BibTeX has "2021-03-04" or free text.
    """
    if value is None:
        return None
    if isinstance(value, int | list | tuple):
        return parts_to_iso(value if isinstance(value, list | tuple) else [value])
    text = str(value).strip()
    if not text:
        return None
    match = _LEADING_PARTS.match(text)
    if match and (match.end() == len(text) or not text[match.end()].isdigit()):
        parsed = parts_to_iso([part for part in match.groups() if part])
        if parsed:
            return parsed
    return parse_date(text)


def month_number(value) -> int | None:
    """'mar', 'March', '3', 3 -> 3."""
    text = str(value or "").strip().lower().rstrip(".")
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    names = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    return names.index(text[:3]) + 1 if text[:3] in names else None


# --- identifiers and text ----------------------------------------------------------------------

_DOI_IN_TEXT = re.compile(r"\b(10\.\d+(?:\.\d+)*/\S+)", re.I)


def normalise_doi(value) -> str | None:
    """'https://doi.org/10.1/X', 'doi:10.1/X' -> '10.1/X' (case kept: it is shown to people)."""
    text = str(value or "").strip()
    bare = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text, flags=re.I)
    if re.fullmatch(r"10\.\d+(?:\.\d+)*/\S+", bare):
        return bare  # a DOI field: every character belongs to the DOI
    match = _DOI_IN_TEXT.search(text)
    if not match:
        return None
    return match.group(1).rstrip(".,;")  # a DOI in a sentence or a note


def doi_key(value) -> str | None:
    """A DOI for matching: DOIs are case-insensitive by definition."""
    doi = normalise_doi(value)
    return doi.lower() if doi else None


def url_key(url) -> str | None:
    """A url for matching: scheme, 'www.', host case and a trailing slash do not matter."""
    text = str(url or "").strip()
    if not text:
        return None
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.I)
    host, _, rest = text.partition("/")
    host = host.lower()
    host = host[4:] if host.startswith("www.") else host
    return (host + ("/" + rest if rest else "")).rstrip("/")


def title_key(title) -> str:
    """A title for matching: case, accents, punctuation and spacing do not matter."""
    text = unicodedata.normalize("NFKD", str(title or "")).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = " ".join(re.sub(r"[\W_]+", " ", text).split())
    return words or " ".join(text.split())  # a title of punctuation only ("?") is itself


def fix_url(value) -> str | None:
    """Urls as exporters write them: several separated by ';', 'www.' without a scheme."""
    text = str(value or "").strip().split()[0] if str(value or "").strip() else ""
    if not text:
        return None
    if text.lower().startswith("www."):
        return "https://" + text
    return text


def split_pages(pages) -> tuple[str | None, str | None]:
    """'100-120', '100--120', '100–120' -> ('100', '120'); '7' -> ('7', None)."""
    text = str(pages or "").strip()
    if not text:
        return None, None
    parts = re.split(r"\s*(?:--?|–|—)\s*", text, maxsplit=1)
    first = parts[0] or None
    last = parts[1] if len(parts) > 1 and parts[1] else None
    return first, last


def join_pages(first, last) -> str | None:
    first, last = str(first or "").strip(), str(last or "").strip()
    if first and last:
        return f"{first}-{last}"
    return first or last or None


def split_keywords(values, separators: str = ";,") -> list[str]:
    """Keywords as one string ('a, b; c') or a list of them -> ['a', 'b', 'c'], in order."""
    if values is None:
        return []
    items = values if isinstance(values, list | tuple) else [values]
    pattern = "[" + re.escape(separators) + "\n]"
    tags: list[str] = []
    for item in items:
        for part in re.split(pattern, str(item)):
            tag = part.strip().lstrip("#").strip()
            if tag and tag not in tags:
                tags.append(tag)
    return tags


def first_text(*values) -> str | None:
    """The first value that holds some text (lists give their first item)."""
    for value in values:
        if isinstance(value, list | tuple):
            value = next((item for item in value if str(item or "").strip()), None)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None
