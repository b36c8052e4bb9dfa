"""The measured side: Evidence Desk's core, called exactly as the app and command line call it.
Each function runs in its own fresh process (see search_bench.py) so memory and cold starts
are those of a real session."""

import random
import statistics
import time
from pathlib import Path

from benchutil import Progress, by_type, latency_stats, log, memory


def _folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def _segments(library) -> int:
    return len(library.index.searcher().reader().leaf_readers())


def do_import(corpus: Path, library_dir: Path) -> dict:
    from kb.importing.pipeline import import_paths
    from kb.index import indexer
    from kb.library import open_library

    started = time.perf_counter()
    library = open_library(library_dir)
    indexer.ensure_current(library)  # as the app and `kb` do on open (marks the new index whole)
    progress = Progress("import")
    report = import_paths(library, [corpus], progress)
    seconds = time.perf_counter() - started
    imported = len(report.imported)
    files_done = progress.marks.get("Imported", seconds)  # the final index sync starts here
    result = {
        "imported": imported, "duplicates": len(report.duplicates), "failed": len(report.failed),
        "failures": report.failed[:3], "seconds": round(seconds, 2),
        "items_per_s": round(imported / seconds, 1),
        "files_done_s": round(files_done, 2), "final_sync_s": round(seconds - files_done, 2),
        "segments": _segments(library), "index_marked_complete": not library.index.was_rebuilt,
        "index_mb": _folder_mb(library.index_dir),
        "db_mb": round(library.db_path.stat().st_size / 2**20, 1),
        "files_mb": _folder_mb(library.files_dir),
        **{"import_" + key: value for key, value in memory().items()},
    }
    library.close()
    return result


def _open(library_dir: Path):
    from kb.index import indexer
    from kb.library import open_library

    library = open_library(library_dir, create=False)
    indexer.ensure_current(library)
    return library


def do_queries(library_dir: Path, queries: list[dict]) -> dict:
    """Open the library in this fresh process and run the query set (after one warm-up query
    that opens the searcher); memory is read at the end."""
    from kb.search import search

    library = _open(library_dir)
    search(library, "warm up", limit=20)
    after_open = memory()
    ms, zero, relaxed, suggested, snippets = [], 0, 0, 0, 0
    for query in queries:
        started = time.perf_counter()
        results = search(library, query["kb"], limit=20)
        ms.append((time.perf_counter() - started) * 1000)
        zero += results.total == 0
        relaxed += results.relaxed
        suggested += results.suggestion is not None
        snippets += sum(len(hit.snippets) for hit in results.hits)
    facets_ms = []
    for query in queries[:40]:  # the app's result view also asks for facet counts
        started = time.perf_counter()
        search(library, query["kb"], limit=20, facets=True)
        facets_ms.append((time.perf_counter() - started) * 1000)
    return {"latency": latency_stats(ms), "by_type": by_type([q["type"] for q in queries], ms),
            "with_facets": latency_stats(facets_ms),
            "zero_hits": zero, "relaxed": relaxed, "suggestions": suggested, "snippets": snippets,
            "ms": [round(value, 3) for value in ms], "memory_after_open": after_open,
            "memory": memory(), "segments": _segments(library)}


def do_first(library_dir: Path, query: str, spawned_at: float) -> dict:
    """From a fresh process: import the core, open the library, answer one query."""
    started = time.perf_counter()
    from kb.index import indexer
    from kb.library import open_library
    from kb.search import search

    imported = time.perf_counter()
    library = open_library(library_dir, create=False)
    opened = time.perf_counter()
    indexer.ensure_current(library)
    current = time.perf_counter()
    results = search(library, query, limit=20)
    done = time.perf_counter()
    return {"spawn_to_results_s": round(time.time() - spawned_at, 4),
            "in_process_s": round(done - started, 4), "import_modules_s": round(imported - started, 4),
            "open_library_s": round(opened - imported, 4), "ensure_current_s": round(current - opened, 4),
            "first_search_s": round(done - current, 4), "hits": len(results.hits),
            "memory": memory()}


def do_update(library_dir: Path, count: int = 20) -> dict:
    """Edit the body of `count` items (a new word appended), sync the index, and search for the
    word until the item is found: the time from the edit to the change being searchable."""
    from kb import sources
    from kb.index import indexer
    from kb.search import search

    library = _open(library_dir)
    segments_before = _segments(library)
    ids = sources.list_ids(library)
    rng = random.Random("kb-update")
    split = {"update_source": [], "sync": [], "search": []}
    ms, edited, problem = [], "body", None
    for number in range(count):
        item_id = rng.choice(ids)
        source = sources.get_source(library, item_id)
        token = f"kbedit{int(time.time()) % 100000}x{number}"
        started = time.perf_counter()
        try:
            sources.update_source(library, item_id, **{edited: f"{getattr(source, edited)}\n\n{token}."})
        except ImportError as error:  # the core's body edit is broken: edit the memo instead
            edited, problem = "memo", f"body edit failed: {error!r}"
            log(f"{problem}; timing memo edits instead (the item is re-indexed whole either way)")
            started = time.perf_counter()
            sources.update_source(library, item_id, memo=f"{source.memo}\n\n{token}.")
        synced = time.perf_counter()
        indexer.sync(library)
        searched = time.perf_counter()
        results = search(library, token, limit=20)
        done = time.perf_counter()
        if item_id not in [hit.id for hit in results.hits]:
            raise RuntimeError(f"update of {item_id} not visible in search")
        ms.append((done - started) * 1000)
        for name, value in (("update_source", synced - started), ("sync", searched - synced),
                            ("search", done - searched)):
            split[name].append(value * 1000)
        log(f"update {number + 1}/{count}: {ms[-1]:.0f} ms")
    return {"latency": latency_stats(ms), "edited_field": edited, "problem": problem,
            "median_split_ms": {k: round(statistics.median(v), 1) for k, v in split.items()},
            "segments_before": segments_before, "segments_after": _segments(library),
            "memory": memory()}
