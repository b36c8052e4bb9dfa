"""Bundles at scale: export and import of a library of N items with H highlights, each in a
fresh process, reporting time and peak memory (import must stream: its memory must not grow
with the bundle). Prints one JSON object.

    .venv/bin/python bench/bundle_bench.py [--items 20000] [--highlights 10000] [--also 5000]
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKER = """
import json, sys, time
sys.path.insert(0, {root!r})
from bench.benchutil import memory
from kb.library import open_library
step, library_dir, bundle = sys.argv[1:4]
library = open_library(library_dir)
started = time.perf_counter()
if step == "export":
    from kb.bundle.export import export_bundle
    manifest = export_bundle(library, bundle)
    detail = sum(manifest["counts"].values())
else:
    from kb.index import indexer
    indexer.sync = lambda *a, **k: 0  # indexing is measured by search_bench; this is the merge
    from kb.bundle import importer
    plan = importer.import_bundle(library, bundle)
    detail = sum(plan.added.values())
print(json.dumps({{"seconds": round(time.perf_counter() - started, 1), "records": detail, **memory()}}))
"""


def step(name: str, library: Path, bundle: Path) -> dict:
    code = WORKER.format(root=str(ROOT))
    output = subprocess.run([sys.executable, "-c", code, name, str(library), str(bundle)],
                            capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(items: int, highlights: int, work: Path) -> dict:
    from bench.library_maker import make_library

    started = time.perf_counter()
    make_library(work / f"source-{items}", items, highlights, index=False).close()
    built = round(time.perf_counter() - started, 1)
    bundle = work / f"library-{items}.edbundle"
    exported = step("export", work / f"source-{items}", bundle)
    imported = step("import", work / f"target-{items}", bundle)
    return {"items": items, "highlights": highlights, "build_s": built,
            "bundle_mb": round(bundle.stat().st_size / 1e6, 1), "export": exported,
            "import_merge": imported}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--highlights", type=int, default=10000)
    parser.add_argument("--also", type=int, default=5000, help="a smaller run to show memory does not grow")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        runs = [measure(args.also, args.highlights // 2, work)] if args.also else []
        runs.append(measure(args.items, args.highlights, work))
    print(json.dumps(runs, indent=1))


if __name__ == "__main__":
    main()
