"""Search benchmark of Evidence Desk's core against SQLite FTS5 on a generated library.

    python bench/search_bench.py [--items 20000] [--workdir DIR] [--queries 200] [--skip-fts5] [--reuse]

Generates the corpus (bench/generate.py), imports it through kb.importing.pipeline.import_paths,
runs the query set through kb.search.search, times a cold open + first query and single-item
updates, reads memory, does the same with FTS5, and prints ONE JSON object on stdout (progress
goes to stderr). Each measurement runs in a fresh process. See bench/README.md.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from benchutil import emit, log  # noqa: E402

SEED = 7
FIRST_QUERY = "skills funding"
EDITED = "library-edited"
TARGETS = {  # figure -> (comparison, target), all at 20k items
    "import_items_per_s": (">=", 150), "query_p50_ms": ("<=", 30), "query_p95_ms": ("<=", 100),
    "open_first_query_s": ("<", 1.0), "update_visible_ms": ("<", 200),
    "memory_anon_mb": ("<", 400),
}


def _worker(name: str, workdir: Path, *extra: str) -> dict:
    """Run one measurement in a fresh Python process; its last stdout line is its JSON."""
    env = {k: v for k, v in os.environ.items() if k != "KB_LIBRARY"}
    env["KB_LIBRARY"] = ""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name,
               "--workdir", str(workdir), *extra]
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"worker {name} failed with exit code {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _run_worker(args: argparse.Namespace) -> None:
    import fts5_bench
    import kb_bench

    workdir = args.workdir
    library, fts_db = workdir / args.library, workdir / "fts5.sqlite"
    queries = json.loads((workdir / "queries.json").read_text("utf-8"))[:args.queries]
    jobs = {
        "kb-import": lambda: kb_bench.do_import(workdir / "corpus", library),
        "kb-queries": lambda: kb_bench.do_queries(library, queries),
        "kb-first": lambda: kb_bench.do_first(library, FIRST_QUERY, args.spawned_at),
        "kb-update": lambda: kb_bench.do_update(library, args.updates),
        "fts-build": lambda: fts5_bench.build(workdir / "corpus", fts_db),
        "fts-queries": lambda: fts5_bench.run_queries(fts_db, queries),
        "fts-first": lambda: fts5_bench.first_query(
            fts_db, {"fts": '"skills" "funding"', "where": "", "params": []}, args.spawned_at),
        "fts-update": lambda: fts5_bench.update(fts_db, args.updates),
    }
    emit(jobs[args.worker]())


def _first(name: str, workdir: Path, repeat: int = 3) -> dict:
    """Cold open + first query, several fresh processes; the median run by spawn-to-results."""
    runs = [_worker(name, workdir, "--spawned-at", repr(time.time())) for _ in range(repeat)]
    runs.sort(key=lambda run: run["spawn_to_results_s"])
    return {**runs[len(runs) // 2], "runs_s": [run["spawn_to_results_s"] for run in runs]}


def _copy_library(source: Path, target: Path) -> None:
    """The database and index (not the original files) of a library, so edits leave the
    imported library as it was and every run measures the same thing."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("files", "backups"))


def _import(workdir: Path) -> dict:
    shutil.rmtree(workdir / "library", ignore_errors=True)  # always into a new library
    return _worker("kb-import", workdir)


def _cached(path: Path, reuse: bool, compute) -> dict:
    """A stored result when reusing and present, else computed and stored."""
    if reuse and path.exists():
        log(f"reusing {path.name}")
        return json.loads(path.read_text("utf-8"))
    result = compute()
    path.write_text(json.dumps(result, indent=1), "utf-8")
    return result


def _prepare(args: argparse.Namespace) -> dict:
    import generate
    import queries

    workdir, corpus = args.workdir, args.workdir / "corpus"
    manifest_path = corpus / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    fresh = not (args.reuse and manifest.get("items") == args.items and manifest.get("seed") == SEED)
    if fresh:
        for stale in ("import.json", "fts5_build.json"):
            (workdir / stale).unlink(missing_ok=True)
        if (workdir / "library").exists() or corpus.exists():
            shutil.rmtree(workdir / "library", ignore_errors=True)
            shutil.rmtree(corpus, ignore_errors=True)
        log(f"generating {args.items} items into {corpus}")
        manifest = generate.generate(args.items, corpus, SEED)
        log(f"generated in {manifest['seconds']} s: {manifest['mean_words']} words per item")
    query_set = queries.build_queries(SEED, args.items)
    (workdir / "queries.json").write_text(json.dumps(query_set), "utf-8")
    return manifest


def _core_fingerprint() -> str:
    """The first 12 hex digits of a hash over kb/**/*.py: which state of the core was measured."""
    digest = hashlib.sha256()
    for path in sorted((BENCH_DIR.parent / "kb").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _ratio(ours: float, theirs: float) -> float | None:
    return round(ours / theirs, 2) if theirs else None


def _summary(ours: dict, fts: dict | None) -> dict:
    figures = {
        "import_items_per_s": ours["import"]["items_per_s"],
        "query_p50_ms": ours["queries"]["latency"]["p50_ms"],
        "query_p95_ms": ours["queries"]["latency"]["p95_ms"],
        "query_max_ms": ours["queries"]["latency"]["max_ms"],
        "open_first_query_s": ours["open_first_query"]["spawn_to_results_s"],
        "update_visible_ms": ours["update"]["latency"]["p50_ms"],
        "query_p50_ms_after_updates": ours["queries_after_updates"]["latency"]["p50_ms"],
        "query_p95_ms_after_updates": ours["queries_after_updates"]["latency"]["p95_ms"],
        "memory_peak_rss_mb": ours["queries"]["memory"]["peak_rss_mb"],
        "memory_anon_mb": ours["queries"]["memory"]["rss_anon_mb"],
    }
    fts_figures = fts and {
        "import_items_per_s": fts["build"]["items_per_s"],
        "query_p50_ms": fts["queries"]["latency"]["p50_ms"],
        "query_p95_ms": fts["queries"]["latency"]["p95_ms"],
        "query_max_ms": fts["queries"]["latency"]["max_ms"],
        "open_first_query_s": fts["open_first_query"]["spawn_to_results_s"],
        "update_visible_ms": fts["update"]["latency"]["p50_ms"],
        "query_p50_ms_after_updates": fts["queries_after_updates"]["latency"]["p50_ms"],
        "query_p95_ms_after_updates": fts["queries_after_updates"]["latency"]["p95_ms"],
        "memory_peak_rss_mb": fts["queries"]["memory"]["peak_rss_mb"],
        "memory_anon_mb": fts["queries"]["memory"]["rss_anon_mb"],
    }
    summary = {}
    for name, value in figures.items():
        entry = {"ours": value}
        if fts_figures:
            entry["fts5"] = fts_figures[name]
            entry["ratio_to_fts5"] = _ratio(value, fts_figures[name])
        if name in TARGETS:
            comparison, target = TARGETS[name]
            met = {">=": value >= target, "<=": value <= target, "<": value < target}[comparison]
            entry["target"] = f"{comparison} {target}"
            entry["met"] = met
        summary[name] = entry
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="default: <tmp>/evidence-desk-bench-<items> (never your library)")
    parser.add_argument("--queries", type=int, default=230, help="how many of the query set to run")
    parser.add_argument("--updates", type=int, default=20)
    parser.add_argument("--skip-fts5", action="store_true")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the corpus, library and FTS5 database already in the workdir")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--spawned-at", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--library", default="library", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.workdir = (args.workdir or Path(tempfile.gettempdir()) / f"evidence-desk-bench-{args.items}").resolve()
    if args.worker:
        _run_worker(args)
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    started, core = time.perf_counter(), _core_fingerprint()
    manifest = _prepare(args)
    workdir = args.workdir
    log("importing through kb.importing.pipeline.import_paths")
    ours = {"import": _cached(workdir / "import.json", args.reuse, lambda: _import(workdir))}
    log(f"import: {ours['import']['items_per_s']} items/s; running {args.queries} queries")
    ours["queries"] = _worker("kb-queries", workdir, "--queries", str(args.queries))
    log(f"queries: {ours['queries']['latency']}; cold open + first query")
    ours["open_first_query"] = _first("kb-first", workdir)
    log(f"updating {args.updates} items (in a copy of the library)")
    _copy_library(workdir / "library", workdir / EDITED)
    ours["update"] = _worker("kb-update", workdir, "--updates", str(args.updates), "--library", EDITED)
    log("queries again, after the updates")
    after = _worker("kb-queries", workdir, "--queries", str(args.queries), "--library", EDITED)
    ours["queries_after_updates"] = {key: after[key] for key in ("latency", "by_type", "segments")}
    fts = None
    if not args.skip_fts5:
        log("FTS5: building")
        fts = {"build": _cached(workdir / "fts5_build.json", args.reuse, lambda: _worker("fts-build", workdir))}
        fts["queries"] = _worker("fts-queries", workdir, "--queries", str(args.queries))
        fts["open_first_query"] = _first("fts-first", workdir)
        fts["update"] = _worker("fts-update", workdir, "--updates", str(args.updates))
        after = _worker("fts-queries", workdir, "--queries", str(args.queries))
        fts["queries_after_updates"] = {"latency": after["latency"]}
    per_query = {"kb_ms": ours["queries"].pop("ms"), "fts5_ms": fts["queries"].pop("ms") if fts else None}
    (workdir / "per_query_ms.json").write_text(json.dumps(per_query), "utf-8")
    result = {
        "items": args.items, "workdir": str(workdir), "core_fingerprint": core,
        "started_at": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(time.time() - (time.perf_counter() - started))),
        "corpus": manifest,
        "summary": _summary(ours, fts), "evidence_desk": ours, "fts5": fts,
        "benchmark_seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
