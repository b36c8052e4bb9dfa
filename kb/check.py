"""`kb check`: is the database sound, do the original files exist, does the index agree?

Drift between database and index is reported item by item; `repair` queues exactly those items
again and replays the outbox, so a repair never needs a full rebuild unless the index is lost.
"""

from dataclasses import asdict, dataclass, field

from kb import blobs, outbox
from kb.index import indexer
from kb.index.documents import live_revisions
from kb.library import Library


@dataclass
class CheckReport:
    database_ok: bool = True
    database_messages: list[str] = field(default_factory=list)
    items: int = 0
    indexed: int = 0
    pending_index_work: int = 0
    missing_from_index: list[str] = field(default_factory=list)
    stale_in_index: list[str] = field(default_factory=list)
    extra_in_index: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)  # source ids whose original is gone
    unreferenced_files: int = 0
    repaired: bool = False

    @property
    def ok(self) -> bool:
        return (self.database_ok and not self.missing_from_index and not self.stale_in_index
                and not self.extra_in_index and not self.missing_files
                and not self.pending_index_work)

    def problems(self) -> list[str]:
        found = list(self.database_messages) if not self.database_ok else []
        if self.pending_index_work:
            found.append(f"{self.pending_index_work} item(s) wait to be indexed.")
        if self.missing_from_index:
            found.append(f"{len(self.missing_from_index)} item(s) are missing from the index.")
        if self.stale_in_index:
            found.append(f"{len(self.stale_in_index)} item(s) are out of date in the index.")
        if self.extra_in_index:
            found.append(f"{len(self.extra_in_index)} deleted item(s) are still in the index.")
        if self.missing_files:
            found.append(f"{len(self.missing_files)} item(s) have lost their original file.")
        return found

    def to_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok, "problems": self.problems()}


def check(library: Library) -> CheckReport:
    report = CheckReport()
    conn = library.conn
    messages = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if messages != ["ok"]:
        report.database_ok = False
        report.database_messages = messages[:20]
    broken_keys = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken_keys:
        report.database_ok = False
        report.database_messages.append(f"{len(broken_keys)} row(s) refer to missing rows.")
    live = live_revisions(library)
    report.items = len(live)
    report.pending_index_work = outbox.count(conn)
    in_index = library.index.doc_ids()
    report.indexed = len(in_index)
    report.missing_from_index = sorted(set(live) - set(in_index))
    report.stale_in_index = sorted(i for i in set(live) & set(in_index) if live[i] != in_index[i])
    report.extra_in_index = sorted(set(in_index) - set(live))
    referenced = dict(conn.execute(
        "SELECT file_hash, id FROM sources WHERE file_hash IS NOT NULL"
    ))
    held = blobs.stored_hashes(library.files_dir)
    report.missing_files = sorted(referenced[h] for h in set(referenced) - held)
    report.unreferenced_files = len(held - set(referenced))
    return report


def repair(library: Library, progress=None) -> CheckReport:
    """Re-index whatever drifted and remove original files nothing refers to."""
    before = check(library)
    drifted = before.missing_from_index + before.stale_in_index + before.extra_in_index
    if drifted:
        with library.transaction() as conn:
            outbox.enqueue(conn, drifted)
    indexer.sync(library, progress)
    referenced = {row[0] for row in library.conn.execute(
        "SELECT file_hash FROM sources WHERE file_hash IS NOT NULL")}
    for file_hash in blobs.stored_hashes(library.files_dir) - referenced:
        blobs.blob_path(library.files_dir, file_hash).unlink(missing_ok=True)
    after = check(library)
    after.repaired = True
    return after
