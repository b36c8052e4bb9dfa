"""Postings spilled to disk while one segment is built, merged back when it is written.

A bulk writer that held every posting of its segment in memory had to start a new segment
whenever its memory budget was spent: a 100,000-item import left 13 segments, and every search
pays for each segment it visits (a term lookup and a posting reader per term per segment). Now
a full buffer is written out term by term as a run, the writer goes on with the same segment,
and the runs are merged term by term when the segment is written: one segment per writer.
"""

import heapq
import os
import pickle
import shutil
import tempfile
from array import array
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path

SPILL_PREFIX = ".spill-"  # folders in the index folder; a dead writer's are removed on open
TERMS_PER_CHUNK = 4096  # a run is read back this many terms at a time

Postings = tuple[bytes, array, array, list]  # term, document numbers, weights, values


class SpillFolder:
    """A writer's folder of runs, named for its process so a crashed writer's can be found."""

    def __init__(self, parent: str | None):
        self.path = Path(tempfile.mkdtemp(prefix=f"{SPILL_PREFIX}{os.getpid()}-", dir=parent))
        self._count = 0

    def new_run(self, fields: dict) -> "PostingRun":
        """Writes `fields` ({name: FieldPostings}) as a run and returns it."""
        self._count += 1
        return PostingRun.write(self.path / f"{self._count}.run", fields)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


class PostingRun:
    """One spilled buffer: for each field, its terms in byte order with their postings."""

    def __init__(self, path: Path, offsets: dict[str, int]):
        self.path = path
        self.offsets = offsets  # field name -> where its terms start in the file

    @classmethod
    def write(cls, path: Path, fields: dict) -> "PostingRun":
        offsets = {}
        with open(path, "wb") as out:
            for name in sorted(fields):
                if not len(fields[name]):
                    continue
                offsets[name] = out.tell()
                chunk = []
                for term, docnums, weights, values in fields[name].by_term():
                    chunk.append((term, docnums.tobytes(), weights.tobytes(), values))
                    if len(chunk) == TERMS_PER_CHUNK:
                        pickle.dump(chunk, out, 5)
                        chunk = []
                pickle.dump(chunk, out, 5)
                pickle.dump(None, out, 5)
        return cls(path, offsets)

    def terms(self, name: str) -> Iterator[Postings]:
        if name not in self.offsets:
            return
        with open(self.path, "rb") as source:
            source.seek(self.offsets[name])
            while (chunk := pickle.load(source)) is not None:
                for term, docnums, weights, values in chunk:
                    yield term, array("I", docnums), array("f", weights), values


def merged(sources: list[Iterator[Postings]]) -> Iterator[Postings]:
    """Each term once, in byte order, its postings from every source in order (sources are
    given in document order: earlier runs hold earlier documents)."""
    if len(sources) == 1:  # nothing was spilled: no merging to do
        yield from sources[0]
        return
    for term, group in groupby(heapq.merge(*sources, key=itemgetter(0)), key=itemgetter(0)):
        parts = list(group)
        if len(parts) == 1:
            yield parts[0]
            continue
        _term, docnums, weights, values = parts[0]  # fresh from by_term or a run: ours to extend
        for _term, more_docnums, more_weights, more_values in parts[1:]:
            docnums.extend(more_docnums)
            weights.extend(more_weights)
            values.extend(more_values)
        yield term, docnums, weights, values


def remove_abandoned(folder: Path) -> None:
    """Spill folders whose writer process is gone (it crashed or was killed)."""
    for child in folder.glob(f"{SPILL_PREFIX}*"):
        pid = child.name[len(SPILL_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(child, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
