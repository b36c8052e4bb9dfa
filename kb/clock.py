"""Timestamps as the library stores them: UTC, ISO 8601, millisecond precision, sortable as text."""

from datetime import UTC, datetime


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def today_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")
