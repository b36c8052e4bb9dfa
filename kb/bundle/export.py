"""Writing a bundle: the manifest, the records as JSON Lines per kind (each with the versions it
has been), and the original files; zipped, and sealed with the team passphrase if one is given.
The file appears at the given path only when it is complete."""

import getpass
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from kb import blobs, records
from kb.bundle import scope as scopes
from kb.bundle.crypto import encrypt_stream
from kb.bundle.format import FORMAT_NAME, FORMAT_VERSION, KINDS, MANIFEST
from kb.bundle.versions import history, register
from kb.clock import now_iso
from kb.errors import InvalidInput
from kb.library import Library

Progress = Callable[[int, int, str], None]


def member_name(library: Library) -> str:
    return library.meta("member_name") or os.environ.get("KB_MEMBER") or getpass.getuser()


def row_for_bundle(kind: str, row: dict) -> dict:
    spec = KINDS[kind]
    out = dict(row)
    for name in spec.json_fields:
        if isinstance(out.get(name), str):
            out[name] = json.loads(out[name])
    return out


def _rows(library: Library, kind: str, ids: set[str]):
    spec = KINDS[kind]
    columns = ", ".join(("id", "created_at", "updated_at", "rev", "deleted_at", *spec.fields))
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        yield from records.fetch(library.conn, f"SELECT {columns} FROM {spec.table} WHERE id IN ({marks})", chunk)


def choose(library: Library, collection: str | None = None, theme: str | None = None,
           query: str | None = None, item_ids: list[str] | None = None) -> dict[str, set[str]]:
    chosen = [option for option in (collection, theme, query, item_ids) if option]
    if len(chosen) > 1:
        raise InvalidInput("Choose one scope: a collection, a theme, a query or items.")
    if collection:
        return scopes.for_collection(library, collection)
    if theme:
        return scopes.for_theme(library, theme)
    if query:
        return scopes.for_query(library, query)
    if item_ids:
        return scopes.for_items(library, {item_id.upper() for item_id in item_ids})
    return scopes.everything(library)


def export_bundle(library: Library, path: str | Path, *, collection: str | None = None,
                  theme: str | None = None, query: str | None = None,
                  item_ids: list[str] | None = None, originals: bool = True,
                  passphrase: str | None = None, since: str | None = None,
                  progress: Progress | None = None) -> dict:
    """Write a bundle to exactly `path`; returns the manifest. `since` (an ISO stamp) keeps only
    records changed after it (the sync folder's "my changes since last time")."""
    target = Path(path)
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name for the bundle.")
    chosen = choose(library, collection, theme, query, item_ids)
    manifest = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION,
                "library_id": library.library_id, "member": member_name(library),
                "created_at": now_iso(), "originals": originals, "counts": {}, "files": {},
                "tombstones": []}
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".zip")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            hashes_needed = _write_records(library, archive, chosen, manifest, since, progress)
            if originals:
                _write_originals(library, archive, hashes_needed, manifest)
            manifest["tombstones"] = [
                {"id": row[0], "kind": row[1], "deleted_at": row[2]} for row in library.conn.execute(
                    "SELECT item_id, kind, deleted_at FROM tombstones WHERE ? IS NULL OR deleted_at > ?",
                    (since, since))]
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        if passphrase:
            with open(temporary, "rb") as source, open(f"{temporary}.sealed", "wb") as sealed:
                encrypt_stream(source, sealed, passphrase)
            os.replace(f"{temporary}.sealed", target)
            Path(temporary).unlink(missing_ok=True)
        else:
            os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        Path(f"{temporary}.sealed").unlink(missing_ok=True)
        raise
    return manifest


def _write_records(library, archive, chosen, manifest, since, progress) -> set[str]:
    total = sum(len(ids) for ids in chosen.values())
    done = 0
    file_hashes: set[str] = set()
    with library.transaction() as conn:
        for kind in KINDS:
            ids = chosen.get(kind, set())
            name = f"records/{kind}.jsonl"
            digest, count = hashlib.sha256(), 0
            with archive.open(name, "w", force_zip64=True) as out:
                for row in _rows(library, kind, ids):
                    if since and row["updated_at"] <= since:
                        continue
                    data = row_for_bundle(kind, row)
                    register(conn, data)
                    line = json.dumps({"row": data, "history": history(conn, data["id"])},
                                      ensure_ascii=False).encode("utf-8") + b"\n"
                    out.write(line)
                    digest.update(line)
                    count += 1
                    if kind == "sources" and data.get("file_hash"):
                        file_hashes.add(data["file_hash"])
                    done += 1
                    if progress and done % 200 == 0:
                        progress(done, total, "Exporting")
            manifest["counts"][kind] = count
            manifest["files"][name] = digest.hexdigest()
    return file_hashes


def _write_originals(library: Library, archive, hashes: set[str], manifest: dict) -> None:
    for file_hash in sorted(hashes):
        source = blobs.blob_path(library.files_dir, file_hash)
        if not source.exists():
            continue  # reported by `kb check`; the records still travel
        name = f"originals/{file_hash}"
        archive.write(source, name)
        manifest["files"][name] = file_hash
