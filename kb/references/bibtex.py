"""Sources <-> BibTeX, read and written with bibtexparser 2.

Written as Zotero writes it: @article/@techreport/@online/@misc, "Family, Given and ..."
authors, organisations in braces, `month = mar`, UTF-8 text with LaTeX's special characters
escaped. Read leniently from Zotero, Mendeley and hand-made files: LaTeX accents, month names or
numbers, `date`/`urldate`, keywords split on commas or semicolons, duplicate keys.
"""

import contextlib
import logging
import re
import unicodedata

from kb.errors import InvalidInput
from kb.references.fields import (
    ParsedEntry,
    first_text,
    iso_to_parts,
    lenient_date,
    month_number,
    normalise_doi,
    source_value,
    split_keywords,
    strict_fields,
)
from kb.references.latex import from_latex, to_latex
from kb.references.names import parse_name

# Notes go out as @unpublished: a @misc with a url and an access date reads as a web page.
KIND_TO_BIBTEX = {"article": "article", "report": "techreport", "web_page": "online",
                  "note": "unpublished", "transcript": "misc"}
BIBTEX_TO_KIND = {
    "article": "article", "inproceedings": "article", "conference": "article",
    "periodical": "article", "report": "report", "techreport": "report", "book": "report",
    "inbook": "report", "incollection": "report", "booklet": "report", "manual": "report",
    "phdthesis": "report", "mastersthesis": "report", "thesis": "report",
    "proceedings": "report", "collection": "report", "online": "web_page",
    "electronic": "web_page", "www": "web_page", "webpage": "web_page", "unpublished": "note",
}
TRANSCRIPT_TYPE = "Interview transcript"  # `type` of a @misc that holds an interview
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Fields holding addresses and dates, never LaTeX text.
VERBATIM = {"url", "doi", "urldate", "date", "file", "eprint", "isbn", "issn"}
_PUBLISHER_FIELD = {"report": "institution", "web_page": "organization"}
_CONTAINER_FIELD = {"article": "journal", "web_page": "howpublished"}
_EXTRA_FIELDS = {"volume": "volume", "issue": "number", "isbn": "isbn", "issn": "issn",
                 "publisher_place": "address", "edition": "edition", "abstract": "abstract",
                 "note": "note", "short_title": "shorttitle"}


# --- export ------------------------------------------------------------------------------------

def _bibtex_name(author: str) -> str:
    name = parse_name(author)
    if "literal" in name:
        return "{" + to_latex(name["literal"]) + "}"  # braces: never split or inverted
    parts = [name["family"]]
    if name.get("suffix"):
        parts.append(name["suffix"])
    if name.get("given"):
        parts.append(name["given"])
    return ", ".join(to_latex(part) for part in parts)


def _citation_key(source, used: set[str]) -> str:
    authors = list(source_value(source, "authors", []) or [])
    name = parse_name(authors[0]) if authors else {}
    who = name.get("family") or name.get("literal") or ""
    words = [w for w in re.findall(r"\w+", str(source_value(source, "title", ""))) if len(w) > 3]
    base = "_".join(part for part in (who.split(" ")[-1] if who else "",
                                      str(source_value(source, "date", "") or "")[:4],
                                      words[0] if words else "") if part)
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9_]", "", base) or "ref"
    key, letter = base, ord("a")
    while key in used:
        key, letter = f"{base}{chr(letter)}", letter + 1
    used.add(key)
    return key


def _verbatim(value: str) -> str:
    # Braces would end the value early; percent-encoding keeps the address working.
    return str(value).replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def source_to_entry(source, used_keys: set[str]):
    """One source -> a bibtexparser `Entry`."""
    from bibtexparser.model import Entry, Field

    kind = source_value(source, "kind", "note")
    extra = dict(source_value(source, "extra", {}) or {})
    fields = [Field("title", to_latex(source_value(source, "title", ""), protect_capitals=True))]
    authors = [a for a in source_value(source, "authors", []) or [] if str(a).strip()]
    if authors:
        fields.append(Field("author", " and ".join(_bibtex_name(a) for a in authors)))
    parts = iso_to_parts(source_value(source, "date"))
    if parts:
        fields.append(Field("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(Field("month", MONTHS[parts[1] - 1], enclosing="no-enclosing"))
        if len(parts) > 2:
            fields.append(Field("date", source_value(source, "date")))  # biblatex keeps the day
    if source_value(source, "publisher"):
        fields.append(Field(_PUBLISHER_FIELD.get(kind, "publisher"),
                            to_latex(source_value(source, "publisher"))))
    if extra.get("container_title"):
        fields.append(Field(_CONTAINER_FIELD.get(kind, "booktitle"),
                            to_latex(str(extra["container_title"]))))
    for key, field_name in _EXTRA_FIELDS.items():
        if isinstance(extra.get(key), str | int) and str(extra[key]).strip():
            fields.append(Field(field_name, to_latex(str(extra[key]))))
    if isinstance(extra.get("pages"), str | int) and str(extra["pages"]).strip():
        fields.append(Field("pages", "--".join(
            to_latex(part) for part in re.split(r"\s*(?:-+|–|—)\s*", str(extra["pages"])))))
    genre = extra.get("genre") or (TRANSCRIPT_TYPE if kind == "transcript" else None)
    if isinstance(genre, str):
        fields.append(Field("type", to_latex(genre)))
    if extra.get("doi"):
        fields.append(Field("doi", _verbatim(normalise_doi(extra["doi"]) or extra["doi"])))
    for name, field_name in (("url", "url"), ("accessed", "urldate")):
        if source_value(source, name):
            fields.append(Field(field_name, _verbatim(source_value(source, name))))
    if source_value(source, "language"):
        fields.append(Field("language", to_latex(source_value(source, "language"))))
    tags = list(source_value(source, "tags", []) or [])
    if tags:
        fields.append(Field("keywords", to_latex(", ".join(tags))))
    return Entry(KIND_TO_BIBTEX.get(kind, "misc"), _citation_key(source, used_keys), fields)


def export_bibtex(sources) -> str:
    """Sources -> a BibTeX file (UTF-8)."""
    import bibtexparser
    from bibtexparser.library import Library

    used: set[str] = set()
    library = Library([source_to_entry(source, used) for source in sources])
    text = bibtexparser.write_string(library)
    return text if text.endswith("\n") else text + "\n"


# --- import ------------------------------------------------------------------------------------

@contextlib.contextmanager
def _quiet_parser():
    # bibtexparser logs each broken block as a warning; they are reported to the person instead.
    logger = logging.getLogger("bibtexparser")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _names(value: str) -> list[str]:
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    names = []
    for raw in split_multiple_persons_names(value):
        if raw.strip().lower() in ("others", "{others}"):
            continue  # BibTeX's "et al."
        try:
            parts = parse_single_name_into_parts(raw, strict=False)
        except ValueError:
            names.append(from_latex(raw).strip())
            continue
        words = [" ".join(parts.first), " ".join(parts.von), " ".join(parts.last),
                 " ".join(parts.jr)]
        names.append(" ".join(from_latex(w).strip() for w in words if w.strip()))
    return [" ".join(name.split()) for name in names if name.strip()]


def _plain_url(value: str) -> str:
    match = re.search(r"\\url\{([^}]*)\}", value)
    text = match.group(1) if match else value
    return re.sub(r"\\([_%&#$])", r"\1", text).strip().strip("{}").strip()


def _kind(entry_type: str, values: dict) -> str:
    if entry_type == "misc":
        genre = values.get("type", "").lower()
        if "interview" in genre or "transcript" in genre:
            return "transcript"
        if values.get("url") and values.get("urldate"):  # Zotero's web pages
            return "web_page"
        return "note"
    return BIBTEX_TO_KIND.get(entry_type, "article")


def _date(values: dict) -> str | None:
    date = lenient_date(values.get("date"))
    if date:
        return date
    year = lenient_date(values.get("year"))
    if not year:
        return values.get("date") or values.get("year") or None  # kept, reported later
    month = month_number(values.get("month"))
    day = values.get("day", "").strip()
    parts = [year[:4]] + ([f"{month:02d}"] if month else [])
    if month and day.isdigit():
        parts.append(f"{int(day):02d}")
    return lenient_date("-".join(parts)) or year


def entry_to_fields(entry) -> dict:
    """A bibtexparser `Entry` -> source fields."""
    raw = {field.key.lower(): field.value for field in entry.fields
           if isinstance(field.value, str)}
    values = {key: (value.strip() if key in VERBATIM else from_latex(value).strip())
              for key, value in raw.items()}
    entry_type = entry.entry_type.lower()
    kind = _kind(entry_type, values)
    url = _plain_url(raw["url"]) if raw.get("url") else None
    howpublished = values.get("howpublished", "")
    if not url and "\\url" in raw.get("howpublished", ""):
        url, howpublished = _plain_url(raw["howpublished"]), ""
    extra: dict = {}
    container = first_text(values.get("journal"), values.get("journaltitle"),
                           values.get("booktitle"), howpublished)
    if container:
        extra["container_title"] = container
    for key, field_name in _EXTRA_FIELDS.items():
        if values.get(field_name):
            extra[key] = values[field_name]
    if values.get("pages"):  # "100--120", read by LaTeX as "100–120"
        extra["pages"] = re.sub(r"\s*(?:-+|–|—)\s*", "-", values["pages"])
    genre = values.get("type")
    if genre and not (kind == "transcript" and genre == TRANSCRIPT_TYPE):
        extra["genre"] = genre
    doi = normalise_doi(values.get("doi")) or (normalise_doi(url) if url and "doi.org/" in url
                                               else None)
    if doi:
        extra["doi"] = doi
    return {
        "kind": kind,
        "title": " ".join(values.get("title", "").split()),
        "authors": _names(raw.get("author", "")),
        "date": _date(values),
        "publisher": first_text(values.get("publisher"), values.get("institution"),
                                values.get("organization"), values.get("school")),
        "url": url,
        "accessed": lenient_date(values.get("urldate")) or values.get("urldate") or None,
        "language": first_text(values.get("language"), values.get("langid")),
        "tags": split_keywords(values.get("keywords")),
        "extra": extra,
        "body": first_text(values.get("abstract"), values.get("note")) or "",
    }


def read_bibtex(text: str) -> list[ParsedEntry]:
    """Each entry of a BibTeX file, converted or with the reason it could not be read."""
    import bibtexparser
    from bibtexparser.model import Entry, ParsingFailedBlock

    with _quiet_parser():
        library = bibtexparser.parse_string(text.lstrip("\ufeff"))
    entries: list[ParsedEntry] = []
    for block in library.blocks:
        if isinstance(block, ParsingFailedBlock) and isinstance(block.ignore_error_block, Entry):
            block = block.ignore_error_block  # a repeated key or field: still a reference
        if isinstance(block, Entry):
            label = f"BibTeX entry '{block.key}'"
            try:
                fields = entry_to_fields(block)
            except (ValueError, TypeError) as error:
                entries.append(ParsedEntry(label, error=f"{label} could not be read ({error})."))
                continue
            if fields["title"]:
                entries.append(ParsedEntry(label, fields))
            else:
                entries.append(ParsedEntry(label, error=f"{label} has no title."))
        elif isinstance(block, ParsingFailedBlock):
            line = (block.start_line or 0) + 1
            key = re.match(r"\s*@\w+\s*[{(]\s*([^,\s]+)", block.raw or "")
            label = f"BibTeX entry '{key.group(1)}'" if key else f"BibTeX entry at line {line}"
            entries.append(ParsedEntry(
                label, error=f"{label} (line {line}) is malformed: {_reason(block.error)}"))
    if not entries:
        raise InvalidInput("This is not BibTeX: it has no entries like '@article{key, ...}'.")
    return entries


def _reason(error: Exception) -> str:
    text = getattr(error, "abort_reason", None) or str(error) or "the syntax is broken"
    text = " ".join(str(text).split()).rstrip(" .")
    return text[0].lower() + text[1:] + "."


def parse_bibtex(text: str) -> list[dict]:
    """A BibTeX file -> source fields per entry; InvalidInput if any entry is malformed."""
    return strict_fields(read_bibtex(text), "BibTeX")
