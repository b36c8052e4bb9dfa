"""Importing a REFI-QDA project (.qdpx) made by NVivo, ATLAS.ti, MAXQDA, QualCoder or us.

Everything is read, checked and planned in memory first: the archive (see `kb.exchange.archive`),
the XML, every reference and every selection's span. Only then is the library written, in one
transaction, so a bad file changes nothing. Whatever the file holds that a library has no place
for (PDF, picture, audio and video sources, cases, sets, graphs, unknown elements) is counted in
the report's `unsupported` list rather than dropped silently.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from kb import anchors, evidence, sources
from kb.errors import InvalidInput
from kb.exchange.archive import Archive
from kb.exchange.common import Report, parse_xml, split_tag
from kb.exchange.refi_codebook import ThemePlan, walk
from kb.exchange.refi_project import ORIGIN, VARIABLES
from kb.exchange.refi_read import Coding, Reader, TextSource, read_project
from kb.importing.extracted import SOURCE_KINDS
from kb.library import Library

_STANCE = re.compile(r"^\s*stance:\s*(supports|challenges|context)\s*$", re.IGNORECASE)
_FIELDS = {name.casefold(): field_name for name, field_name in VARIABLES}


@dataclass
class _Plan:
    themes: ThemePlan
    sources: list[tuple[TextSource, dict]] = field(default_factory=list)
    note_sources: list[dict] = field(default_factory=list)


def import_project(library: Library, path: Path, merge_by_name: bool = False) -> dict:
    """Import a REFI-QDA project: its codes become themes, its text sources become sources and
    its coded selections become highlights. All or nothing; returns the report
    {added, merged, unsupported, renamed, skipped, sources, highlights, notes}."""
    report = Report()
    with Archive(Path(path)) as archive:
        member = archive.find("project.qde") or _only_qde(archive)
        root = parse_xml(archive.read(member), f"The project file in {archive.label}")
        namespace, local = split_tag(root.tag)
        if local != "Project" or not (namespace == "" or namespace.startswith("urn:QDA-XML:")):
            raise InvalidInput(f"{archive.label} is not a REFI-QDA project: its XML is not a "
                               "<Project>.")
        reader = Reader(archive, report)
        text_sources, specs = read_project(root, reader, report)
    plan = _plan(library, root, reader, text_sources, specs, merge_by_name, report)
    counts = {"sources": 0, "highlights": 0, "notes": len(plan.note_sources)}
    with library.transaction() as conn:
        plan.themes.apply(library)
        theme_of = {key: entry.theme_id for key, entry in plan.themes.by_key.items()}
        for source, values in plan.sources:
            created = sources.insert_source(conn, values)
            counts["sources"] += 1
            for start, end, pairs, note in _highlights(source, reader, report,
                                                       merge=root.get("origin", "") != ORIGIN):
                evidence.add_highlight(library, created.id, start, end,
                                       [(theme_of[code], stance) for code, stance in pairs], note)
                counts["highlights"] += 1
            for code, stance in _pairs(source.codings, reader):
                evidence.link_source(library, created.id, theme_of[code], stance)
        for values in plan.note_sources:
            sources.insert_source(conn, values)
    return report.to_dict(**counts)


def _only_qde(archive: Archive) -> str:
    found = [name for name in archive.names() if "/" not in name and name.lower().endswith(".qde")]
    if len(found) != 1:
        raise InvalidInput(f"{archive.label} is not a REFI-QDA project: it has no project.qde.")
    return found[0]


def _plan(library, root, reader, text_sources, specs, merge_by_name, report) -> _Plan:
    codes = {spec.guid for spec in walk(specs)}
    used_notes: set[str] = set()  # notes the project itself refers to become note sources
    for spec in walk(specs):
        spec.memo = _join(reader, spec.note_refs, used_notes)
    for source in text_sources:
        for coding in [c for s in source.selections for c in s.codings] + source.codings:
            if coding.code not in codes:
                raise InvalidInput(f"A coding in the source '{source.name}' refers to a code "
                                   "that is not in the project's codebook.")
            used_notes.update(coding.notes)
        for selection in source.selections:
            used_notes.update(selection.notes)
    plan = _Plan(ThemePlan(library, merge_by_name, report))
    plan.themes.add_codes(specs)
    for source in text_sources:
        plan.sources.append((source, _source_values(source, reader, used_notes, report)))
    for guid, (name, text) in reader.notes.items():
        if guid in used_notes:
            continue
        if not text.strip():
            report.skipped.append(f"the empty note '{name}'")
            continue
        plan.note_sources.append(_validated({"kind": "note", "title": name, "body": text}))
    return plan


def _join(reader: Reader, refs: list[str], used: set[str], first: str = "") -> str:
    parts = [first] if first.strip() else []
    for ref in refs:
        used.add(ref)
        if ref not in reader.notes:
            reader.report.unsupported("a reference to a note that is not in the project")
        elif reader.notes[ref][1].strip():
            parts.append(reader.notes[ref][1])
    return "\n\n".join(parts)


def _source_values(source: TextSource, reader: Reader, used: set[str], report: Report) -> dict:
    values: dict = {"kind": "note", "title": source.name, "body": source.text,
                    "memo": _join(reader, source.notes, used, source.description)}
    extra: dict = {"refi_guid": source.guid}
    for name, value in source.variables.items():
        field_name = _FIELDS.get(name.casefold())
        if field_name is None:
            extra.setdefault("variables", {})[name] = value
            continue
        if field_name == "kind" and value.lower() not in SOURCE_KINDS:
            extra.setdefault("variables", {})[name] = value
            continue
        try:
            values.update(sources.validate_fields({field_name: value}))
        except InvalidInput:
            extra.setdefault("variables", {})[name] = value
            report.unsupported(f"{name} '{value}' of '{source.name}' is not understood; it was "
                               "kept among the source's extra fields")
    return {**_validated(values), "extra": extra}


def _validated(values: dict) -> dict:
    cleaned = sources.validate_fields(values)
    if cleaned.get("body", "").strip():
        from kb.importing.pipeline import content_hash

        cleaned["content_hash"] = content_hash(cleaned["body"])
    return cleaned


def _pairs(codings: list[Coding], reader: Reader) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for coding in codings:
        stance = "context"
        for ref in coding.notes:
            match = _STANCE.match(reader.notes.get(ref, ("", ""))[1])
            if match:
                stance = match.group(1).lower()
        if (coding.code, stance) not in pairs:
            pairs.append((coding.code, stance))
    return pairs


def _coding_notes(codings: list[Coding], reader: Reader) -> list[str]:
    return [reader.notes[ref][1] for coding in codings for ref in coding.notes
            if ref in reader.notes and not _STANCE.match(reader.notes[ref][1])]


def _highlights(source: TextSource, reader: Reader, report: Report, merge: bool):
    """(start, end, [(code, stance)], note) for each selection; with `merge`, selections of the
    same passage (MAXQDA writes one per code) become one highlight with all their codes."""
    grouped: dict = {}
    for index, selection in enumerate(source.selections):
        key = (selection.start, selection.end) if merge else index
        grouped.setdefault(key, []).append(selection)
    for group in grouped.values():
        start, end = group[0].start, group[0].end
        try:
            anchors.make_anchor(source.text, start, end)
        except ValueError:
            report.skipped.append(f"an empty or blank selection ({start}..{end}) in "
                                  f"'{source.name}'")
            continue
        codings = [coding for selection in group for coding in selection.codings]
        notes: list[str] = []
        for selection in group:
            text = _join(reader, selection.notes, set(), selection.description)
            if text and text not in notes:
                notes.append(text)
        notes += [text for text in _coding_notes(codings, reader) if text not in notes]
        yield start, end, _pairs(codings, reader), "\n\n".join(notes)
