"""An indexing worker process: `python -m kb.index.index_worker FOLDER INDEXNAME BUDGET`.

Reads pickled batches of documents from stdin until a None, writes them into new segments of
the index in FOLDER, and answers on stdout with one pickle: ("done", segments) or
("error", traceback). The parent commits the segments; until then they are invisible. Standard
input closing early (the parent died or cancelled) ends the worker without an answer.
"""

import ctypes
import os
import pickle
import signal
import sys
import traceback

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Linux: have the kernel kill this process when its parent dies."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except OSError:
            return
        if os.getppid() == 1:  # the parent died before we asked
            os._exit(1)


def run(folder: str, indexname: str, budget_bytes: int, inbox, outbox) -> None:
    from whoosh.filedb.filestore import FileStorage

    from kb.index.segment_writer import FastSegmentWriter

    try:
        ix = FileStorage(folder).open_index(indexname)
        writer = FastSegmentWriter(ix, budget_bytes=budget_bytes, _lk=False)
        while True:
            try:
                batch = pickle.load(inbox)
            except EOFError:  # the parent went away: nothing of ours will be committed
                return
            if batch is None:
                break
            for fields in batch:
                writer.add_document(**fields)
        answer = ("done", writer.finish_segments(keep_temp=True))
    except Exception:  # noqa: BLE001 - reported to the parent, which fails the whole write
        answer = ("error", traceback.format_exc())
    pickle.dump(answer, outbox)
    outbox.flush()


def main() -> None:
    die_with_parent()
    answers = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answer stream
    folder, indexname, budget = sys.argv[1:4]
    run(folder, indexname, int(budget), sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
