"""Printing for the `kb` command: JSON for scripts, short readable lines for people."""

import json
import sys
from collections.abc import Callable

import click


def print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def short_id(item_id: str) -> str:
    return item_id[-8:]


def authors_text(authors: list[str], limit: int = 2) -> str:
    if not authors:
        return ""
    if len(authors) > limit:
        return f"{', '.join(authors[:limit])} et al."
    return ", ".join(authors)


def terminal_progress(enabled: bool) -> tuple[Callable[[int, int, str], None] | None, Callable[[], None]]:
    """A progress callback drawing a bar on stderr when it is a terminal, and a closer."""
    if not enabled or not sys.stderr.isatty():
        return None, lambda: None
    state: dict = {"bar": None, "label": None}

    def report(done: int, total: int, label: str) -> None:
        stage = label.split(" ")[0]
        if state["label"] != stage:
            if state["bar"] is not None:
                state["bar"].render_finish()
            state["bar"] = click.progressbar(length=max(total, 1), label=stage, file=sys.stderr)
            state["label"] = stage
        bar = state["bar"]
        bar.update(max(0, done - bar.pos))

    def close() -> None:
        if state["bar"] is not None:
            state["bar"].render_finish()

    return report, close
