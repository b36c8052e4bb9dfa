"""Importing a Markdown vault: front matter becomes metadata (unknown fields are kept in the
source's `extra`), the text becomes the source's text, block-quoted highlights are re-created
where their passage is found in the text, and themes, quotes, collections and links come back.

Everything is read and planned first; the library is written in one transaction at the end, so a
failure leaves it unchanged.
"""

import re
from pathlib import Path

from kb import anchors, collections, evidence, links, quotes, sources, themes
from kb.errors import InvalidInput, NotFound
from kb.exchange.common import Report
from kb.exchange.refi_codebook import ThemePlan, fold_name
from kb.exchange.vault_format import name_key, parse_wikilinks
from kb.exchange.vault_read import VaultFile, read_file, scan
from kb.library import Library
from kb.validate import clean_date, clean_text

SOURCE_FIELDS = ("kind", "authors", "date", "publisher", "url", "accessed", "language", "tags")
IGNORED = {"id", "type", "title", "collections", "extra"}
_POSITION = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


def _text(value) -> str:
    return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value or "")


class _Importer:
    def __init__(self, library: Library, files: list[VaultFile], merge_by_name: bool,
                 report: Report):
        self.library, self.files, self.report = library, files, report
        self.by_stem = {name_key(f.stem): f for f in files}
        self.plan = ThemePlan(library, merge_by_name, report)
        self.keywords: dict[str, list[str]] = {}
        self.theme_files = [f for f in files if f.kind == "theme"]
        self._plan_theme_files()

    # -- planning ------------------------------------------------------------------------------
    def _plan_theme_files(self) -> None:
        by_name = {fold_name(f.title): f for f in self.theme_files}
        parent_of: dict[str, str | None] = {}
        for item in self.theme_files:
            parent = item.matter.get("parent")
            parent_file = None
            if parent:
                links_found = parse_wikilinks(str(parent))
                parent_file = (self.by_stem.get(name_key(links_found[0][0])) if links_found
                               else by_name.get(fold_name(str(parent).strip())))
                if parent_file is None or parent_file.kind != "theme":
                    self.report.skipped.append(f"the parent '{parent}' of {item.rel}, which is "
                                               "not a theme file here; it was imported at the top")
                    parent_file = None
            parent_of[item.rel] = parent_file.rel if parent_file else None
        done: set[str] = set()
        pending = list(self.theme_files)
        while pending:
            ready = [f for f in pending if parent_of[f.rel] is None or parent_of[f.rel] in done]
            if not ready:  # a loop of parents: break it at the first file
                self.report.skipped.append(f"the parent of {pending[0].rel}, which makes a loop")
                parent_of[pending[0].rel] = None
                continue
            for item in ready:
                matter = item.matter
                parent_key = f"file:{parent_of[item.rel]}" if parent_of[item.rel] else None
                self.plan.add(f"file:{item.rel}", item.title, parent_key,
                              _text(matter.get("colour") or matter.get("color")) or None,
                              clean_text(_text(matter.get("description"))), item.memo)
                if matter.get("keywords"):
                    self.keywords[f"file:{item.rel}"] = [str(k) for k in matter["keywords"]] if \
                        isinstance(matter["keywords"], list) else [str(matter["keywords"])]
                for key in set(matter) - {"id", "type", "title", "colour", "color", "parent",
                                          "description", "keywords", "tags"}:
                    self.report.unsupported(f"front matter '{key}' of theme files is not imported")
                done.add(item.rel)
                pending.remove(item)

    def theme_key(self, stem: str, label: str | None) -> str:
        """The planned theme a [[link]] names: a theme file, else a theme made for the name."""
        target = self.by_stem.get(name_key(stem))
        if target is not None and target.kind == "theme":
            return f"file:{target.rel}"
        name = clean_text(label or stem) or "Unnamed theme"
        for entry in self.plan.entries:
            if fold_name(entry.name) == fold_name(name):
                return entry.key
        key = f"name:{fold_name(name)}"
        if key not in self.plan.by_key:
            self.plan.add(key, name, None, None)
        return key

    def source_values(self, item: VaultFile) -> dict:
        matter, extra = item.matter, {}
        if isinstance(matter.get("extra"), dict):
            extra.update(matter["extra"])
        values: dict = {"kind": "note", "title": clean_text(item.title) or "Untitled",
                        "body": item.body, "memo": item.memo}
        for key, value in matter.items():
            if key in IGNORED or value in (None, "", []):
                continue
            if key not in SOURCE_FIELDS:
                extra[key] = value
                continue
            if key == "tags":
                raw = value if isinstance(value, list) else str(value).split(",")
                value = [str(tag) for tag in raw if not str(tag).strip().lower().startswith("theme/")]
            elif key == "authors":
                value = [str(v) for v in value] if isinstance(value, list) else str(value)
            else:
                value = _text(value)
            try:
                values.update(sources.validate_fields({key: value}))
            except InvalidInput:
                extra[key] = value
                self.report.unsupported(f"{key} '{_text(value)}' in {item.rel} is not understood; "
                                        "it was kept among the source's extra fields")
        values = sources.validate_fields(values)
        if values["body"].strip():
            from kb.importing.pipeline import content_hash

            values["content_hash"] = content_hash(values["body"])
        return {**values, "extra": extra}

    def span(self, body: str, passage) -> tuple[int, int] | None:
        match = _POSITION.match(passage.fields.get("position", ""))
        if match and body[int(match.group(1)):int(match.group(2))] == passage.text:
            start, end = int(match.group(1)), int(match.group(2))
        elif passage.text and passage.text in body:
            start = body.index(passage.text)
            end = start + len(passage.text)
        else:
            found = anchors.locate_passage(body, passage.text)
            if not found:
                return None
            start, end = found[0]
        try:
            anchors.make_anchor(body, start, end)
        except ValueError:
            return None
        return start, end

    def quote_values(self, item: VaultFile, passage) -> dict | None:
        fields = passage.fields
        if not passage.text.strip():
            self.report.skipped.append(f"an empty quote in {item.rel}")
            return None
        kind = fields.get("locator-type", "").strip().lower()
        if kind and kind not in quotes.LOCATOR_TYPES:
            self.report.unsupported(f"locator type '{kind}' in {item.rel}")
            kind = ""
        date = fields.get("date", "").strip()
        try:
            date = clean_date(date) if date else None
        except InvalidInput:
            self.report.unsupported(f"quote date '{date}' in {item.rel}")
            date = None
        return {"text": passage.text, "speaker": fields.get("speaker", ""),
                "locator": fields.get("locator") or None, "locator_type": kind or None,
                "themes": [self.theme_key(s, label) for s, _, label, _ in
                           parse_wikilinks(fields.get("themes", ""))],
                "tags": fields.get("tags") or None, "note": fields.get("note", ""), "date": date}

    def build(self) -> None:
        self.planned: list[tuple] = []  # (file, values, highlights, whole-source themes, quotes)
        self.loose: list[tuple[str | None, dict]] = []
        for item in self.files:
            if item.kind == "source":
                values = self.source_values(item)
                highlights, own_quotes = [], []
                for passage in item.passages:
                    if passage.kind == "q":
                        found = self.quote_values(item, passage)
                        if found:
                            own_quotes.append((passage.block, found))
                        continue
                    span = self.span(values["body"], passage)
                    if span is None:
                        self.report.skipped.append(f"a highlight in {item.rel} whose passage is "
                                                   "not in its text")
                        continue
                    pairs = list(dict.fromkeys(
                        (self.theme_key(stem, label), stance or "context")
                        for stem, _, label, stance in parse_wikilinks(passage.fields.get("themes", ""))))
                    highlights.append((passage.block, *span, pairs, passage.fields.get("note", "")))
                whole = list(dict.fromkeys((self.theme_key(stem, label), stance or "context")
                                           for stem, _, label, stance in item.whole))
                self.planned.append((item, values, highlights, whole, own_quotes))
            elif item.kind == "quotes":
                for passage in item.passages:
                    found = self.quote_values(item, passage)
                    if found:
                        self.loose.append((passage.block, found))

    # -- writing -------------------------------------------------------------------------------
    def apply(self) -> dict:
        library, counts = self.library, {"sources": 0, "highlights": 0, "quotes": 0, "links": 0}
        item_ids: dict[str, str] = {}
        blocks: dict[str, str] = {}
        with library.transaction() as conn:
            self.plan.apply(library)
            theme = {key: entry.theme_id for key, entry in self.plan.by_key.items()}
            for key, words in self.keywords.items():
                if not self.plan.by_key[key].existing_id:
                    themes.update_theme(library, theme[key], keywords=words)
            for item in self.theme_files:
                item_ids[name_key(item.stem)] = theme[f"file:{item.rel}"]
            named = self._collections(item_ids)
            for item, values, highlights, whole, own_quotes in self.planned:
                source_id = sources.insert_source(conn, values).id
                item_ids[name_key(item.stem)] = source_id
                counts["sources"] += 1
                for block, start, end, pairs, note in highlights:
                    made = evidence.add_highlight(library, source_id, start, end,
                                                  [(theme[k], stance) for k, stance in pairs], note)
                    blocks[block or made.id] = made.id
                    counts["highlights"] += 1
                for key, stance in whole:
                    evidence.link_source(library, source_id, theme[key], stance)
                for block, values_ in own_quotes:
                    blocks[block or source_id] = self._quote(values_, source_id, theme)
                    counts["quotes"] += 1
                wanted = item.matter.get("collections") or []
                for name in wanted if isinstance(wanted, list) else [wanted]:
                    collection_id = named.get(fold_name(clean_text(str(name))))
                    if collection_id is None and clean_text(str(name)):
                        collection_id = self._collection(str(name), named)
                    if collection_id:
                        collections.add_to_collection(library, collection_id, [source_id])
            for block, values_ in self.loose:
                blocks[block or str(len(blocks))] = self._quote(values_, None, theme)
                counts["quotes"] += 1
            counts["links"] = self._links(item_ids, blocks)
        counts["collections"] = sorted(self._collection_names)
        return counts

    def _quote(self, values: dict, source_id: str | None, theme: dict) -> str:
        return quotes.add_quote(
            self.library, values["text"], source_id, speaker=values["speaker"],
            locator=values["locator"], locator_type=values["locator_type"],
            themes=[theme[key] for key in values["themes"]], tags=values["tags"],
            note=values["note"], date=values["date"]).id

    def _collection(self, name: str, named: dict, description: str = "", memo: str = "") -> str:
        self._collection_names.add(clean_text(name))
        try:
            return collections.get_collection(self.library, name).id
        except NotFound:
            made = collections.add_collection(self.library, name, description)
            if memo:
                collections.update_collection(self.library, made.id, memo=memo)
            named[fold_name(made.name)] = made.id
            return made.id

    def _collections(self, item_ids: dict) -> dict[str, str]:
        self._collection_names: set[str] = set()
        named: dict[str, str] = {}
        for item in self.files:
            if item.kind == "collection":
                collection_id = self._collection(item.title, named,
                                                 clean_text(_text(item.matter.get("description"))),
                                                 item.memo)
                named[fold_name(clean_text(item.title))] = collection_id
                item_ids[name_key(item.stem)] = collection_id
        return named

    def _links(self, item_ids: dict[str, str], blocks: dict[str, str]) -> int:
        made = 0
        for item in self.files:
            for block, relation, target in item.links:
                from_id = blocks.get(block) if block else item_ids.get(name_key(item.stem))
                found = parse_wikilinks(target)
                to_id = None
                if found:
                    stem, anchor = found[0][0], found[0][1]
                    to_id = blocks.get(anchor) if anchor else item_ids.get(name_key(stem))
                if not from_id or not to_id or from_id == to_id:
                    self.report.skipped.append(f"the link '{relation} → {target}' in {item.rel}, "
                                               "whose ends are not both in this folder")
                    continue
                links.add_link(self.library, from_id, to_id, relation)
                made += 1
        return made


def import_vault(library: Library, folder: Path, merge_by_name: bool = False) -> dict:
    """Import a folder of Markdown files (a vault we exported, or any Obsidian-style notes).
    All or nothing; returns {added, merged, unsupported, renamed, skipped, sources, highlights,
    quotes, links, collections}."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder.")
    report = Report()
    files = [item for path, rel in scan(folder, report)
             if (item := read_file(path, rel, report)) is not None]
    if not files:
        raise InvalidInput(f"There are no Markdown files to import in {folder}.")
    importer = _Importer(library, files, merge_by_name, report)
    importer.build()
    return report.to_dict(**importer.apply())
