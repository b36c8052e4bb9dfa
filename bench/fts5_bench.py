"""The yardstick: SQLite FTS5 (stdlib sqlite3, porter tokenizer, bm25, snippet()) on the same
Markdown files and the same queries, measured the same way as the core."""

import os
import random
import re
import sqlite3
import time
from pathlib import Path

import yaml
from benchutil import by_type, latency_stats, log, memory

SCHEMA = ("CREATE VIRTUAL TABLE docs USING fts5(title, authors, body, kind UNINDEXED, "
          "year UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')")
SEARCH = ("SELECT rowid, title, authors, snippet(docs, 2, '«', '»', '…', 24) FROM docs "
          "WHERE docs MATCH ?{where} ORDER BY bm25(docs, 3.0, 2.0, 1.0) LIMIT ?")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def markdown_files(corpus: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(corpus):
        dirs.sort()
        files += [Path(root) / name for name in sorted(names) if name.endswith(".md")]
    return files


def _row(path: Path) -> tuple:
    text = path.read_text("utf-8")
    match = _FRONT.match(text)
    fields = yaml.load(match.group(1), Loader=_LOADER) if match else {}
    body = text[match.end():] if match else text
    date = str(fields.get("date") or "")
    return (fields.get("title") or path.stem, "; ".join(fields.get("authors") or []), body,
            fields.get("kind") or "article", int(date[:4]) if date[:4].isdigit() else None)


def connect(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def build(corpus: Path, db_path: Path) -> dict:
    """Index every Markdown file (reading and parsing included) in one transaction."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    files = markdown_files(corpus)
    conn = connect(db_path)
    conn.execute(SCHEMA)
    with conn:
        for start in range(0, len(files), 500):
            conn.executemany("INSERT INTO docs (title, authors, body, kind, year) VALUES (?, ?, ?, ?, ?)",
                             [_row(path) for path in files[start:start + 500]])
            if start % 5000 == 0:
                log(f"FTS5 build: {start}/{len(files)}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    seconds = time.perf_counter() - started
    return {"items": len(files), "seconds": round(seconds, 2),
            "items_per_s": round(len(files) / seconds, 1),
            "db_mb": round(db_path.stat().st_size / 2**20, 1), **{"build_" + k: v for k, v in memory().items()}}


def search(conn: sqlite3.Connection, query: dict, limit: int = 20) -> list[tuple]:
    where = f" AND {query['where']}" if query["where"] else ""
    return conn.execute(SEARCH.format(where=where), [query["fts"], *query["params"], limit]).fetchall()


def run_queries(db_path: Path, queries: list[dict]) -> dict:
    conn = connect(db_path)
    ms, zero, errors = [], 0, []
    for query in queries:
        started = time.perf_counter()
        try:
            rows = search(conn, query)
        except sqlite3.OperationalError as error:
            rows = []
            errors.append(f"{query['fts']}: {error}")
        ms.append((time.perf_counter() - started) * 1000)
        zero += not rows
    return {"latency": latency_stats(ms), "by_type": by_type([q["type"] for q in queries], ms),
            "zero_hits": zero, "errors": errors[:5],
            "ms": [round(value, 3) for value in ms], "memory": memory()}


def first_query(db_path: Path, query: dict, spawned_at: float) -> dict:
    started = time.perf_counter()
    conn = connect(db_path)
    rows = search(conn, query)
    return {"in_process_s": round(time.perf_counter() - started, 4),
            "spawn_to_results_s": round(time.time() - spawned_at, 4), "hits": len(rows)}


def update(db_path: Path, count: int = 20) -> dict:
    """Append a new word to one row's body, commit, and search for it until it is found."""
    conn = connect(db_path)
    total = conn.execute("SELECT max(rowid) FROM docs").fetchone()[0]
    rng = random.Random("fts-update")
    ms = []
    for number in range(count):
        rowid = rng.randint(1, total)
        token = f"ftsedit{os.getpid()}x{number}"
        started = time.perf_counter()
        with conn:
            conn.execute("UPDATE docs SET body = body || ? WHERE rowid = ?", (f"\n\n{token}.", rowid))
        found = conn.execute("SELECT rowid, snippet(docs, 2, '«', '»', '…', 24) FROM docs "
                             "WHERE docs MATCH ? LIMIT 20", (token,)).fetchall()
        ms.append((time.perf_counter() - started) * 1000)
        if rowid not in [row[0] for row in found]:
            raise RuntimeError(f"FTS5 update of row {rowid} not visible")
    return {"latency": latency_stats(ms)}
