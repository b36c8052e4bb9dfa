"""Numbered schema migrations, applied in order, each in one transaction with its version bump.

The schema version is SQLite's `user_version`. A database newer than this code is refused rather
than guessed at; a failed step rolls back and leaves the library as it was.
"""

import importlib
import pkgutil
import sqlite3
from collections.abc import Callable

from kb.errors import LibraryError, LibraryTooNew

Step = tuple[int, str, Callable[[sqlite3.Connection], None]]


def _discover() -> list[Step]:
    steps: list[Step] = []
    for module_info in pkgutil.iter_modules(__path__):
        name = module_info.name
        if not (name.startswith("m") and name[1:5].isdigit()):
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        steps.append((int(name[1:5]), name, module.apply))
    steps.sort()
    numbers = [number for number, _, _ in steps]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n: {numbers}")
    return steps


STEPS = _discover()
LATEST_VERSION = STEPS[-1][0]


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def pending_steps(conn: sqlite3.Connection) -> list[Step]:
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise LibraryTooNew(
            f"This library was written by a newer version of Evidence Desk (schema {current}; "
            f"this version understands up to {LATEST_VERSION}); please upgrade the app."
        )
    return [step for step in STEPS if step[0] > current]


def migrate(conn: sqlite3.Connection, before_step: Callable[[int], None] | None = None) -> int:
    """Bring the database to the latest schema; returns how many steps ran.

    `before_step(number)` runs before each step (the library backs itself up there).
    """
    steps = pending_steps(conn)
    for number, name, apply in steps:
        if before_step:
            before_step(number)
        try:
            conn.execute("BEGIN IMMEDIATE")
            apply(conn)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise LibraryError(f"Upgrading the library failed at step {name}: {error}") from error
    return len(steps)
