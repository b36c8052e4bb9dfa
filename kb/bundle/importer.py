"""Importing a bundle is a merge, all or nothing: checked whole first (see reader.py), references
resolved, a backup taken, then every record added, fast-forwarded, merged or left alone inside
one transaction. A dry run does the same work and rolls it back, so the preview is exact.
"""

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kb import blobs, outbox
from kb.bundle.format import ANY_TABLES, KINDS
from kb.bundle.merge import merge3
from kb.bundle.reader import BundleReader, refuse
from kb.bundle.versions import base_data, content_hash, known, register, remember_hashes
from kb.clock import now_iso
from kb.ids import new_id
from kb.library import Library

INDEXED = {"sources", "highlights", "themes", "collections", "quotes", "drafts"}
# Records whose change alters another item's index document.
INDEX_VIA = {"evidence": ("source_id", "highlight_id"), "collection_items": ("source_id",),
             "quote_themes": ("quote_id",)}


@dataclass
class ImportPlan:
    member: str = ""
    added: dict = field(default_factory=lambda: defaultdict(int))
    updated: dict = field(default_factory=lambda: defaultdict(int))
    merged: dict = field(default_factory=lambda: defaultdict(int))
    unchanged: int = 0
    trashed: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    dry_run: bool = False

    def to_dict(self) -> dict:
        return {"member": self.member, "added": dict(self.added), "updated": dict(self.updated),
                "merged": dict(self.merged), "unchanged": self.unchanged, "trashed": self.trashed,
                "conflicts": self.conflicts, "skipped": self.skipped, "dry_run": self.dry_run}


class _DryRun(Exception):
    """Raised inside the transaction to roll a preview back."""


def _local_row(conn, kind: str, item_id: str) -> dict | None:
    spec = KINDS[kind]
    columns = ("id", "created_at", "updated_at", "rev", "deleted_at", *spec.fields)
    row = conn.execute(f"SELECT {', '.join(columns)} FROM {spec.table} WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        return None
    data = dict(zip(columns, row, strict=True))
    for name in spec.json_fields:
        if isinstance(data.get(name), str):
            data[name] = json.loads(data[name])
    return data


def _write(conn, kind: str, row: dict, insert: bool) -> None:
    spec = KINDS[kind]
    values = {k: (json.dumps(v, ensure_ascii=False) if k in spec.json_fields else v)
              for k, v in row.items()}
    if insert:
        names = list(values)
        conn.execute(f"INSERT INTO {spec.table} ({', '.join(names)}) VALUES "
                     f"({', '.join('?' for _ in names)})", [values[n] for n in names])
    else:
        names = [n for n in values if n != "id"]
        conn.execute(f"UPDATE {spec.table} SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                     [values[n] for n in names] + [row["id"]])
    affected = [row["id"]] if kind in INDEXED else [row.get(f) for f in INDEX_VIA.get(kind, ())]
    outbox.enqueue(conn, [item for item in affected if item])


class _Importer:
    def __init__(self, library: Library, reader: BundleReader, plan: ImportPlan, progress=None):
        self.library, self.reader, self.plan = library, reader, plan
        self.progress = progress  # may raise Cancelled: inside apply() that rolls everything back
        self.conn = library.conn
        self.aliases: dict[str, str] = dict(self.conn.execute("SELECT foreign_id, local_id FROM id_aliases"))
        self.tombstoned = {row[0] for row in self.conn.execute("SELECT item_id FROM tombstones")}
        self.bundle_ids: dict[str, set[str]] = defaultdict(set)
        self.skip: set[str] = set()

    # -- pass 1: ids, aliases, references ----------------------------------------------------
    def resolve(self) -> None:
        for kind in KINDS:
            for row, _history in self.reader.records(kind):
                self.bundle_ids[kind].add(row["id"])
                if kind == "themes" and row["id"] not in self.aliases and not row.get("deleted_at"):
                    self._alias_theme(row)
        for kind, spec in KINDS.items():
            for row, _history in self.reader.records(kind):
                for column, targets in spec.references.items():
                    value = row.get(column)
                    if value is None:
                        continue
                    value = self.aliases.get(value, value)
                    tables = ANY_TABLES if targets == "any" else targets
                    if value in self.tombstoned:
                        self.skip.add(row["id"])
                        self.plan.skipped.append({"id": row["id"], "kind": kind,
                                                  "reason": "refers to an item deleted here for good"})
                    elif not self._exists(value, tables):
                        raise refuse(f"a record of {kind} refers to a missing item ({value})")

    def _alias_theme(self, row: dict) -> None:
        if self.conn.execute("SELECT 1 FROM themes WHERE id = ?", (row["id"],)).fetchone():
            return
        same = self.conn.execute("SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND "
                                 "deleted_at IS NULL", (row["name"],)).fetchone()
        if same:  # two members made "Devolution": one theme, not "Devolution (2)"
            self.aliases[row["id"]] = same[0]

    def _exists(self, item_id: str, tables) -> bool:
        if any(item_id in self.bundle_ids[table] for table in tables):
            return True
        return any(self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (item_id,)).fetchone()
                   for table in tables)

    # -- pass 2: apply -----------------------------------------------------------------------
    def apply(self) -> None:
        conn = self.conn
        total = sum(v for v in self.reader.manifest.get("counts", {}).values() if isinstance(v, int))
        done = 0
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for foreign_id, local_id in self.aliases.items():
            conn.execute("INSERT OR IGNORE INTO id_aliases VALUES (?, ?)", (foreign_id, local_id))
        for kind, spec in KINDS.items():
            for row, history in self.reader.records(kind):
                if row["id"] in self.skip:
                    continue
                for column in spec.references:
                    if row.get(column) in self.aliases:
                        row[column] = self.aliases[row[column]]
                done += 1
                if self.progress and done % 500 == 0:
                    self.progress(done, total, "Merging records")
                if kind == "themes" and row["id"] in self.aliases:
                    self._fill_aliased_theme(row)
                    continue
                self._apply_record(kind, row, history)
        for stone in self.reader.manifest.get("tombstones", []):
            self._apply_tombstone(stone)

    def _apply_record(self, kind: str, theirs: dict, history: list[str]) -> None:
        conn, plan = self.conn, self.plan
        mine = _local_row(conn, kind, theirs["id"])
        if mine is None:
            if theirs["id"] in self.tombstoned:
                plan.skipped.append({"id": theirs["id"], "kind": kind, "reason": "deleted here for good"})
                return
            _write(conn, kind, theirs, insert=True)
            register(conn, theirs, history[1:2])
            remember_hashes(conn, theirs["id"], history)
            plan.added[kind] += 1
            return
        mine_hash = register(conn, mine)
        their_hash = content_hash(theirs)
        seen = known(conn, theirs["id"])
        if their_hash == mine_hash or their_hash in seen:
            plan.unchanged += 1
        elif mine_hash in history:  # they built on my version: take theirs
            self._store(kind, theirs, mine)
            plan.updated[kind] += 1
        else:
            base = base_data(conn, theirs["id"], history)
            merged, conflicts = merge3(kind, base, mine, theirs,
                                       lambda name, a, b: self._disputed(theirs["id"], name, a, b))
            self._store(kind, merged, mine)
            register(conn, merged, [mine_hash, their_hash])
            plan.merged[kind] += 1
            for conflict in conflicts:
                self._record_conflict(kind, theirs["id"], conflict)
        register(conn, theirs, history[1:2])
        remember_hashes(conn, theirs["id"], history)

    def _disputed(self, item_id: str, field_name: str, first, second) -> bool:
        wanted = {json.dumps(first, sort_keys=True), json.dumps(second, sort_keys=True)}
        for current, other in self.conn.execute(
                "SELECT current, other FROM conflicts WHERE item_id = ? AND field = ? "
                "AND resolved_at IS NULL", (item_id, field_name)):
            values = {json.dumps(json.loads(current), sort_keys=True),
                      json.dumps(json.loads(other), sort_keys=True)}
            if values == wanted:
                return True
        return False

    def _store(self, kind: str, new: dict, old: dict) -> None:
        _write(self.conn, kind, new, insert=False)
        if new.get("deleted_at") and not old.get("deleted_at"):
            self.plan.trashed.append({"id": new["id"], "kind": kind})
        if kind == "sources" and new.get("body") != old.get("body"):
            from kb.evidence import reanchor

            reanchor(self.conn, new["id"], new["body"], new.get("page_starts") or [])

    def _record_conflict(self, kind: str, item_id: str, conflict) -> None:
        self.conn.execute(
            "INSERT INTO conflicts (id, item_id, kind, field, base, current, other, member, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id(), item_id, kind, conflict.field, json.dumps(conflict.base, ensure_ascii=False),
             json.dumps(conflict.current, ensure_ascii=False),
             json.dumps(conflict.other, ensure_ascii=False), self.plan.member, now_iso()))
        self.plan.conflicts.append({"item_id": item_id, "kind": kind, "field": conflict.field,
                                    "current": conflict.current, "other": conflict.other})

    def _fill_aliased_theme(self, theirs: dict) -> None:
        local_id = self.aliases[theirs["id"]]
        mine = _local_row(self.conn, "themes", local_id)
        changes = {name: theirs[name] for name in ("description", "keywords", "memo")
                   if mine and mine.get(name) in ("", [], None) and theirs.get(name)}
        if changes:
            mine.update(changes)
            mine["rev"] += 1
            mine["updated_at"] = now_iso()
            _write(self.conn, "themes", mine, insert=False)
            self.plan.updated["themes"] += 1
        else:
            self.plan.unchanged += 1

    def _apply_tombstone(self, stone) -> None:
        if not isinstance(stone, dict) or stone.get("kind") not in {s.table for s in KINDS.values()}:
            raise refuse("its manifest lists a malformed deletion")
        table, item_id = stone["kind"], self.aliases.get(str(stone.get("id")), str(stone.get("id")))
        row = self.conn.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", (item_id,)).fetchone()
        if row and row[0] is None:  # deleted for good there: into the trash here
            stamp = now_iso()
            self.conn.execute(f"UPDATE {table} SET deleted_at = ?, updated_at = ?, rev = rev + 1 "
                              "WHERE id = ?", (stamp, stamp, item_id))
            outbox.enqueue(self.conn, [item_id])
            self.plan.trashed.append({"id": item_id, "kind": table})

    def originals(self) -> None:
        for name in self.reader.manifest["files"]:
            if name.startswith("originals/"):
                file_hash = name.split("/")[1]
                target = blobs.blob_path(self.library.files_dir, file_hash)
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    partial = target.with_name(f".incoming-{file_hash}")
                    self.reader.extract_original(file_hash, partial)
                    partial.replace(target)


def import_bundle(library: Library, path: str | Path, passphrase: str | None = None,
                  dry_run: bool = False,
                  progress: Callable[[int, int, str], None] | None = None) -> ImportPlan:
    from kb.backups import backup
    from kb.index import indexer

    plan = ImportPlan(dry_run=dry_run)
    with BundleReader(path, passphrase) as reader:
        plan.member = str(reader.manifest.get("member", ""))[:100]
        importer = _Importer(library, reader, plan, progress)
        if progress:
            progress(0, 3, "Checking the bundle")
        importer.resolve()
        if dry_run:
            try:
                with library.transaction():
                    importer.apply()
                    raise _DryRun
            except _DryRun:
                pass
            return plan
        backup(library, "before-bundle-import")
        if progress:
            progress(1, 3, "Copying original files")
        importer.originals()
        if progress:
            progress(2, 3, "Merging records")
        with library.transaction():
            importer.apply()
    indexer.sync(library, progress)
    return plan
