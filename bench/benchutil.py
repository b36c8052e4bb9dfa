"""Small helpers shared by the benchmark's parts: timing statistics, memory, progress, JSON."""

import json
import os
import statistics
import sys
import time
from collections.abc import Iterable


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 200 values is the 190th smallest)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def latency_stats(ms: list[float]) -> dict:
    return {"count": len(ms), "p50_ms": round(statistics.median(ms), 2),
            "p95_ms": round(percentile(ms, 0.95), 2), "max_ms": round(max(ms), 2),
            "mean_ms": round(statistics.fmean(ms), 2)}


def by_type(types: Iterable[str], ms: list[float]) -> dict:
    groups: dict[str, list[float]] = {}
    for kind, value in zip(types, ms, strict=True):
        groups.setdefault(kind, []).append(value)
    return {kind: {"n": len(values), "p50_ms": round(statistics.median(values), 2),
                   "max_ms": round(max(values), 2)} for kind, values in sorted(groups.items())}


def memory() -> dict:
    """This process's peak RSS (VmHWM), RSS and anonymous RSS, in MB, from /proc/self/status."""
    wanted = {"VmHWM": "peak_rss_mb", "VmRSS": "rss_mb", "RssAnon": "rss_anon_mb"}
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in wanted:
                found[wanted[name]] = round(int(value.split()[0]) / 1024, 1)
    return found


def emit(result: dict) -> None:
    """A worker's answer: one JSON line, the last line of its stdout. The load average says
    whether other programs competed for the CPU meanwhile."""
    result["loadavg_1_5_15"] = [round(value, 2) for value in os.getloadavg()]
    print(json.dumps(result), flush=True)


class Progress:
    """A progress callback that logs at most every `every` seconds."""

    def __init__(self, label: str, every: float = 5.0):
        self.label, self.every, self.last = label, every, 0.0
        self.started = time.perf_counter()
        self.marks: dict[str, float] = {}

    def __call__(self, done: int, total: int, message: str) -> None:
        now = time.perf_counter()
        stage = message.split()[0]
        if stage not in self.marks:
            self.marks[stage] = now - self.started
        if now - self.last >= self.every or done == total:
            self.last = now
            log(f"{self.label}: {stage} {done}/{total} ({now - self.started:.0f} s)")
