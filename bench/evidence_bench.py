"""Evidence views at scale: the theme view, the matrix (by source and by year), co-occurrence and
coverage on a library with 10,000 highlights. Prints one JSON object.

    .venv/bin/python bench/evidence_bench.py [--items 5000] [--highlights 10000]
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.library_maker import make_library  # noqa: E402
from kb import theme_views  # noqa: E402
from kb.themes import evidence_counts  # noqa: E402


def timed(function, repeat: int = 5) -> dict:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        runs.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(runs), 1), "max_ms": round(max(runs), 1),
            "size": len(result) if hasattr(result, "__len__") else None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--highlights", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        library = make_library(Path(work) / "lib", args.items, args.highlights, index=False)
        built = time.perf_counter() - started
        figures = {
            "items": args.items, "highlights": args.highlights, "build_s": round(built, 1),
            "theme_view_top_theme": timed(lambda: theme_views.evidence_for_theme(library, "Skills")),
            "theme_view_filtered": timed(lambda: theme_views.evidence_for_theme(
                library, "Skills", stance="supports", date_from="2015")),
            "matrix_by_source": timed(lambda: theme_views.matrix(library, "source")["cells"], 3),
            "matrix_by_year": timed(lambda: theme_views.matrix(library, "year")["cells"], 3),
            "cooccurrence": timed(lambda: theme_views.cooccurrence(library), 3),
            "coverage": timed(lambda: theme_views.coverage(library)["uncoded_sources"], 3),
            "theme_counts": timed(lambda: evidence_counts(library, include_subthemes=True)),
        }
        library.close()
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
