"""Kill a process (SIGKILL) at random moments during import, re-indexing, highlighting and draft
autosave, and bundle import; after reopening, the library is whole and the index agrees with it. 55 kills in all
(a longer run: tests/stress/crash_stress.py)."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.kb.crash_checks import assert_library_whole

WORKER = Path(__file__).resolve().parent / "crash_worker.py"
ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = ("import", "reindex", "highlight", "autosave", "bundle")
KILLS_PER_OPERATION = 11


def make_bundle(folder: Path, target: Path) -> None:
    from kb import evidence, sources, themes
    from kb.bundle.export import export_bundle
    from kb.library import open_library

    library = open_library(folder)
    themes.add_theme(library, "Bundle theme")
    for number in range(60):
        source = sources.create_source(library, title=f"Bundled {number}", body=f"Bundled words {number}.")
        evidence.highlight_text(library, source.id, f"words {number}", [("Bundle theme", "context")])
    export_bundle(library, target)
    library.close()


def run_and_kill(folder: Path, documents: Path, operation: str, delay: float) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, str(WORKER), str(folder), operation, str(documents)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert process.stdout.readline().strip() == "ready"
        time.sleep(delay)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()


@pytest.mark.parametrize("operation", OPERATIONS)
def test_random_kills_leave_a_whole_library(tmp_path, operation):
    rng = random.Random(f"crash-{operation}")
    folder, documents = tmp_path / "library", tmp_path / "documents"
    documents.mkdir()
    if operation == "bundle":
        make_bundle(tmp_path / "sender", documents / "incoming.edbundle")
    for _ in range(KILLS_PER_OPERATION):
        run_and_kill(folder, documents, operation, rng.uniform(0.02, 0.5))
        assert_library_whole(folder)
