"""SQLite is the truth; the index must agree with it after crashes, damage and drift."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from kb import check, sources
from kb.index import indexer
from kb.library import open_library
from kb.search import search


def test_work_left_in_the_outbox_is_replayed_on_open(tmp_path):
    lib = open_library(tmp_path / "lib")
    indexer.ensure_current(lib)
    sources.create_source(lib, title="Written before the crash", body="phoenix")
    lib.close()  # "crash": the index never saw it
    lib = open_library(tmp_path / "lib")
    assert check.check(lib).pending_index_work == 1
    indexer.ensure_current(lib)
    assert search(lib, "phoenix").total == 1
    assert check.check(lib).ok
    lib.close()


def test_missing_or_corrupt_index_is_rebuilt(tmp_path, add_source, library):
    add_source(title="Durable", body="granite")
    index_dir = library.index_dir
    library.close()
    for child in index_dir.iterdir():
        if child.suffix == ".seg" or child.name.startswith("_items"):
            child.write_bytes(b"garbage")
    lib = open_library(tmp_path / "library")
    indexer.ensure_current(lib)
    assert search(lib, "granite").total == 1
    assert check.check(lib).ok
    lib.close()


def test_an_index_of_an_older_version_is_rebuilt_on_open(tmp_path, add_source, library):
    """An index written by an older release (its analysis differs) is rebuilt, not read: after
    this release drops function words, "council was funded" must be found as a phrase."""
    import json

    from kb.index.schema import SCHEMA_VERSION
    from kb.index.store import VERSION_FILE

    add_source(title="Phrase", body="The council was funded in full.")
    version_file = library.index_dir / VERSION_FILE
    library.close()
    version_file.write_text(json.dumps({"schema_version": SCHEMA_VERSION - 1, "complete": True}))
    lib = open_library(tmp_path / "library")
    assert lib.index.was_rebuilt
    indexer.ensure_current(lib)
    assert search(lib, '"council was funded"').total == 1
    assert json.loads(version_file.read_text())["schema_version"] == SCHEMA_VERSION
    assert check.check(lib).ok
    lib.close()


def test_check_reports_drift_and_repair_fixes_it(library, add_source):
    kept = add_source(title="Kept", body="alpha")
    gone = add_source(title="Gone", body="beta")
    # Simulate drift: change the database behind the index's back.
    with library.transaction() as conn:
        conn.execute("UPDATE sources SET rev = rev + 1, title = 'Changed' WHERE id = ?", (kept.id,))
        conn.execute("DELETE FROM sources WHERE id = ?", (gone.id,))
    report = check.check(library)
    assert not report.ok
    assert report.stale_in_index == [kept.id]
    assert report.extra_in_index == [gone.id]
    repaired = check.repair(library)
    assert repaired.ok
    assert search(library, "changed").total == 1
    assert search(library, "beta").total == 0


def test_rebuild_matches_the_database(library, add_source):
    for number in range(30):
        add_source(title=f"Doc {number}", body=f"word{number} shared")
    assert indexer.rebuild(library) == 30
    assert search(library, "shared", limit=100).total == 30
    assert check.check(library).ok


KILLED_INDEXER = textwrap.dedent("""
    import sys
    from kb.library import open_library
    from kb import sources
    from kb.index import indexer
    lib = open_library(sys.argv[1])
    indexer.ensure_current(lib)
    with lib.transaction() as conn:
        for n in range(3000):
            sources.insert_source(conn, {"kind": "note", "title": f"Note {n}",
                                         "body": "killed mid-way " * 40})
    print("committed", flush=True)
    while True:
        indexer.rebuild(lib)
""")


def no_process_left(marker: str, wait_s: float = 5.0) -> bool:
    """No process whose command line names `marker` (Linux /proc), within `wait_s`."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        alive = []
        for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/cmdline", "rb") as handle:
                        if marker.encode() in handle.read():
                            alive.append(entry)
                except OSError:
                    continue
        if not alive:
            return True
        time.sleep(0.1)
    return False


def test_killing_the_process_while_indexing_leaves_a_consistent_library(tmp_path):
    folder = tmp_path / "lib"
    for delay in (0.2, 0.9):
        process = subprocess.Popen([sys.executable, "-c", KILLED_INDEXER, str(folder)],
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "committed"
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert no_process_left(str(folder)), "index worker processes outlived their parent"
        lib = open_library(folder)
        indexer.ensure_current(lib)
        report = check.check(lib)
        assert report.ok, report.problems()
        assert search(lib, "killed", limit=1).total == report.items
        lib.close()
