"""Sources <-> RIS, the tagged format every reference manager reads, via rispy.

Written as Zotero writes it (TY, TI, AU "Family, Given", PY, DA "2021/03/04/", PB, UR, Y2, DO,
T2, VL, IS, SP/EP, KW, LA, ER). Read leniently: TI or T1, AU or A1, DA/PY/Y1 in any precision,
T2/JO/JF/JA for the journal, L2 when UR is missing, a byte-order mark, Windows line ends,
"TY - " with one space, and a last record without its ER line.
"""

import re

import rispy

from kb.errors import InvalidInput
from kb.references.fields import (
    ParsedEntry,
    first_text,
    fix_url,
    iso_to_parts,
    join_pages,
    lenient_date,
    normalise_doi,
    source_value,
    split_keywords,
    split_pages,
    strict_fields,
)
from kb.references.names import display_name, parse_name

KIND_TO_RIS = {"article": "JOUR", "report": "RPRT", "web_page": "ELEC", "note": "GEN",
               "transcript": "PCOMM"}
RIS_TO_KIND = {
    **dict.fromkeys(("JOUR", "EJOUR", "JFULL", "MGZN", "NEWS", "ABST", "INPR", "CPAPER", "CONF",
                     "SER"), "article"),
    **dict.fromkeys(("RPRT", "GOVDOC", "BOOK", "EBOOK", "EDBOOK", "CHAP", "ECHAP", "THES",
                     "STAND", "BILL", "HEAR", "STAT", "PAMP", "MANSCPT", "CTLG"), "report"),
    **dict.fromkeys(("ELEC", "BLOG", "WEB", "ICOMM", "DBASE", "DATA"), "web_page"),
    **dict.fromkeys(("GEN", "UNPB", "UNPD"), "note"),
    "PCOMM": "transcript",  # Zotero writes interviews (and letters) as PCOMM
}
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*))?$")


class _QuietWriter(rispy.RisWriter):
    def set_header(self, count: int) -> str:
        return ""  # rispy numbers records ("1."); Zotero and EndNote write no such line


def _ris_date(iso: str | None) -> str | None:
    """'2021-03' -> '2021/03//' (RIS keeps the slots of missing parts)."""
    parts = iso_to_parts(iso)
    if not parts:
        return None
    texts = [f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])]
    return "/".join(texts + [""] * (3 - len(texts))) + "/"


def source_to_record(source) -> dict:
    """One source -> a rispy record (a dict keyed by rispy's field names)."""
    kind = source_value(source, "kind", "note")
    extra = dict(source_value(source, "extra", {}) or {})
    record: dict = {"type_of_reference": KIND_TO_RIS.get(kind, "GEN"),
                    "title": " ".join(str(source_value(source, "title", "")).split())}
    authors = [a for a in source_value(source, "authors", []) or [] if str(a).strip()]
    if authors:
        record["authors"] = [_ris_name(author) for author in authors]
    date = source_value(source, "date")
    if iso_to_parts(date):
        record["year"] = date[:4]
        record["date"] = _ris_date(date)
    simple = {"publisher": source_value(source, "publisher"),
              "doi": normalise_doi(extra.get("doi")) or extra.get("doi"),
              "secondary_title": extra.get("container_title"), "volume": extra.get("volume"),
              "number": extra.get("issue"), "language": source_value(source, "language"),
              "access_date": _ris_date(source_value(source, "accessed")),
              "place_published": extra.get("publisher_place"), "abstract": extra.get("abstract"),
              "edition": extra.get("edition"), "short_title": extra.get("short_title"),
              "type_of_work": extra.get("genre"),
              "issn": extra.get("issn") or extra.get("isbn")}
    for name, value in simple.items():
        if isinstance(value, str | int) and str(value).strip():
            record[name] = " ".join(str(value).split())  # one RIS line per tag
    start, end = split_pages(extra.get("pages"))
    if start:
        record["start_page"] = start
    if end:
        record["end_page"] = end
    if source_value(source, "url"):
        record["urls"] = [source_value(source, "url")]
    tags = list(source_value(source, "tags", []) or [])
    if tags:
        record["keywords"] = tags
    if isinstance(extra.get("note"), str) and extra["note"].strip():
        record["notes"] = [" ".join(extra["note"].split())]
    return record


def _ris_name(author: str) -> str:
    name = parse_name(author)
    if "literal" in name:
        return name["literal"]
    return ", ".join(part for part in (name["family"], name.get("given"), name.get("suffix"))
                     if part)


def export_ris(sources) -> str:
    """Sources -> an RIS file."""
    records = [source_to_record(source) for source in sources]
    return rispy.dumps(records, implementation=_QuietWriter)


def _normalise_lines(text: str) -> str:
    """Tag lines in the exact 'XX  - value' shape rispy expects, and every record closed by
    an ER line (some exporters leave it out, and rispy would merge the records)."""
    lines: list[str] = []
    open_record = False
    for line in text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _TAG_LINE.match(line.strip())
        if not match:
            lines.append(line)
            continue
        tag = match.group(1)
        if tag == "TY" and open_record:
            lines.append("ER  - ")
        open_record = tag != "ER"
        lines.append(f"{tag}  - {match.group(2) or ''}")
    if open_record:
        lines.append("ER  - ")
    return "\n".join(lines)


def record_to_fields(record: dict) -> dict:
    """A rispy record -> source fields."""
    kind = RIS_TO_KIND.get(str(record.get("type_of_reference", "")).strip().upper(), "article")
    authors = [display_name(parse_name(name)) for name in
               (record.get("authors") or []) + (record.get("first_authors") or [])
               if str(name).strip()]
    urls = [fix_url(url) for url in (record.get("urls") or []) if fix_url(url)]
    if not urls:
        links = (record.get("unknown_tag") or {}).get("L2") or []
        links += [record.get("file_attachments2")] if record.get("file_attachments2") else []
        urls = [fix_url(url) for url in links if str(url or "").startswith("http")]
    date_text = first_text(record.get("date"), record.get("publication_year"), record.get("year"))
    year = lenient_date(record.get("year") or record.get("publication_year"))
    date = lenient_date(date_text) or (year if year else date_text)
    if year and date and iso_to_parts(date) and not date.startswith(year[:4]):
        date = year  # DA sometimes holds another date (of a conference); PY is the year
    extra: dict = {}
    pairs = {
        "container_title": first_text(record.get("secondary_title"), record.get("journal_name"),
                                      record.get("alternate_title3"),
                                      record.get("alternate_title2")),
        "volume": record.get("volume"), "issue": record.get("number"),
        "pages": join_pages(record.get("start_page"), record.get("end_page")),
        "publisher_place": record.get("place_published"), "abstract": record.get("abstract"),
        "edition": record.get("edition"), "short_title": record.get("short_title"),
        "genre": record.get("type_of_work"),
        "note": "\n".join(str(n) for n in record.get("notes") or [] if str(n).strip()) or None,
    }
    if record.get("issn"):
        pairs["issn" if kind == "article" else "isbn"] = record["issn"]
    extra = {key: str(value).strip() for key, value in pairs.items()
             if value is not None and str(value).strip()}
    doi = normalise_doi(record.get("doi")) or next(
        (normalise_doi(url) for url in urls if "doi.org/" in url), None)
    if doi:
        extra["doi"] = doi
    title = first_text(record.get("title"), record.get("primary_title"),
                       record.get("short_title")) or ""
    return {
        "kind": kind,
        "title": " ".join(title.split()),
        "authors": authors,
        "date": date,
        "publisher": first_text(record.get("publisher")),
        "url": urls[0] if urls else None,
        "accessed": lenient_date(record.get("access_date")) or first_text(record.get("access_date")),
        "language": first_text(record.get("language")),
        # One keyword per KW line (it may hold a comma); some databases list several with ';'.
        "tags": split_keywords(record.get("keywords"), separators=";"),
        "extra": extra,
        "body": first_text(extra.get("abstract"), extra.get("note")) or "",
    }


def read_ris(text: str) -> list[ParsedEntry]:
    """Each record of an RIS file, converted or with the reason it could not be."""
    normalised = _normalise_lines(text)
    if not re.search(r"^TY  - ", normalised, re.M):
        raise InvalidInput("This is not RIS: no record starts with a 'TY  - ' line.")
    try:
        records = rispy.loads(normalised, skip_unknown_tags=False)
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise InvalidInput(f"This RIS file is malformed and cannot be read ({error}).") from None
    entries = []
    for number, record in enumerate(records, start=1):
        label = f"RIS record {number}"
        fields = record_to_fields(record)
        if fields["title"]:
            entries.append(ParsedEntry(f"{label} ('{fields['title'][:60]}')", fields))
        else:
            entries.append(ParsedEntry(label, error=f"{label} has no title (TI or T1 line)."))
    return entries


def parse_ris(text: str) -> list[dict]:
    """An RIS file -> source fields per record; InvalidInput if any record is unusable."""
    return strict_fields(read_ris(text), "RIS")
