"""The long crash run: SIGKILL a worker at random moments, many times per operation, and check
the library after each. Not part of `make test` (the suite runs 55 kills); run it by hand:

    .venv/bin/python tests/stress/crash_stress.py --kills 200 [--seed 1]

Prints one JSON object with the kills per operation and the final item counts.
"""

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.kb.crash_checks import assert_library_whole  # noqa: E402
from tests.kb.test_crash_safety import OPERATIONS, make_bundle, run_and_kill  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=100, help="kills per operation")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    summary = {}
    with tempfile.TemporaryDirectory() as work:
        for operation in OPERATIONS:
            folder, documents = Path(work) / operation, Path(work) / f"{operation}-documents"
            documents.mkdir()
            if operation == "bundle":
                make_bundle(Path(work) / "sender", documents / "incoming.edbundle")
            for _ in range(args.kills):
                run_and_kill(folder, documents, operation, rng.uniform(0.01, 0.8))
                counts = assert_library_whole(folder)
            summary[operation] = {"kills": args.kills, **counts}
            print(f"{operation}: {args.kills} kills, library whole", file=sys.stderr)
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
