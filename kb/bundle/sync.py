"""The sync folder: a shared folder (a synced cloud drive or a network share) where each member
drops bundles of their changes and picks up everyone else's.

"Sync" exports my changes since my last sync as `<member>-<time>.edbundle` (written under a
hidden name, then renamed, so others never see half a file) and imports every teammate's bundle
not imported before. A bundle still being copied in by the cloud client is left for next time.
"""

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kb.bundle.export import export_bundle, member_name
from kb.bundle.format import SUFFIX
from kb.bundle.importer import import_bundle
from kb.bundle.reader import BundleReader
from kb.clock import now_iso
from kb.errors import InvalidInput
from kb.library import Library


@dataclass
class SyncReport:
    exported: str | None = None
    imported: list = field(default_factory=list)  # {"name", "added", "updated", "merged", "conflicts"}
    waiting: list = field(default_factory=list)  # names still arriving or unreadable for now
    refused: list = field(default_factory=list)  # {"name", "error"}
    synced_at: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def sync_folder(library: Library) -> Path | None:
    value = library.meta("sync_folder")
    return Path(value) if value else None


def set_sync_folder(library: Library, folder: str | Path) -> Path:
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise InvalidInput(f"{path} is not a folder.")
    library.set_meta("sync_folder", str(path.resolve()))
    return path


def sync(library: Library, folder: str | Path | None = None, passphrase: str | None = None,
         progress=None) -> SyncReport:
    target = Path(folder) if folder else sync_folder(library)
    if target is None:
        raise InvalidInput("Choose a sync folder first.")
    if not target.is_dir():
        raise InvalidInput(f"The sync folder {target} is not available.")
    report = SyncReport(synced_at=now_iso())
    _import_teammates(library, target, passphrase, report, progress)
    since = library.meta("last_sync_at")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    safe_member = re.sub(r"[^A-Za-z0-9_-]+", "-", member_name(library)).strip("-") or "member"
    path = target / f"{safe_member}-{stamp}{SUFFIX}"
    manifest = export_bundle(library, path, since=since, passphrase=passphrase)
    if sum(manifest["counts"].values()) == 0 and not manifest["tombstones"]:
        path.unlink(missing_ok=True)
    else:
        _mark_seen(library, path)
        report.exported = path.name
    library.set_meta("last_sync_at", report.synced_at)
    return report


def _mark_seen(library: Library, path: Path) -> None:
    with library.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO sync_seen VALUES (?, ?, ?)",
                     (_digest(path), path.name, now_iso()))


def _import_teammates(library: Library, folder: Path, passphrase, report: SyncReport, progress) -> None:
    seen = {row[0] for row in library.conn.execute("SELECT bundle_sha256 FROM sync_seen")}
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            digest = _digest(path)
        except OSError:
            report.waiting.append(path.name)
            continue
        if digest in seen:
            continue
        try:
            with BundleReader(path, passphrase) as reader:
                ours = reader.manifest.get("library_id") == library.library_id
        except InvalidInput as error:
            if "cut short" in str(error) or "damaged" in str(error):
                report.waiting.append(path.name)  # the cloud client may still be copying it
            else:
                report.refused.append({"name": path.name, "error": str(error)})
            continue
        if not ours:
            plan = import_bundle(library, path, passphrase, progress=progress)
            report.imported.append({"name": path.name, "added": sum(plan.added.values()),
                                    "updated": sum(plan.updated.values()),
                                    "merged": sum(plan.merged.values()),
                                    "conflicts": len(plan.conflicts)})
        with library.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO sync_seen VALUES (?, ?, ?)", (digest, path.name, now_iso()))
