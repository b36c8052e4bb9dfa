"""Kill a process (SIGKILL) at random moments during import, re-indexing, highlighting and draft
autosave; after reopening, the library is whole and the index agrees with it. 52 kills in all
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
OPERATIONS = ("import", "reindex", "highlight", "autosave")
KILLS_PER_OPERATION = 13


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
    for _ in range(KILLS_PER_OPERATION):
        run_and_kill(folder, documents, operation, rng.uniform(0.02, 0.5))
        assert_library_whole(folder)
