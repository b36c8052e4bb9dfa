"""Keeping a library healthy: reindex, check, and opening the desktop app."""

import subprocess
import sys

import click

from kb.check import check, repair
from kb.cli.output import print_json, terminal_progress
from kb.index import indexer


@click.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def reindex(obj, as_json) -> None:
    """Rebuild the search index from the database."""
    progress, close = terminal_progress(not as_json)
    try:
        count = indexer.rebuild(obj.library, progress)
    finally:
        close()
    if as_json:
        print_json({"indexed": count})
    else:
        click.echo(f"Indexed {count} item(s).")


@click.command("check")
@click.option("--repair", "do_repair", is_flag=True, help="Fix index drift and stray files.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def check_command(obj, do_repair, as_json) -> None:
    """Check database integrity, original files, and that the index agrees with the database."""
    report = repair(obj.library) if do_repair else check(obj.library)
    if as_json:
        print_json(report.to_dict())
    else:
        click.echo(f"{report.items} item(s) in the library, {report.indexed} in the index.")
        for problem in report.problems():
            click.echo(f"problem: {problem}")
        if report.ok:
            click.echo("All is well." if not report.repaired else "Repaired; all is well now.")
    if not report.ok:
        raise click.exceptions.Exit(1)


@click.command()
@click.pass_obj
def gui(obj) -> None:
    """Open the desktop app on this library."""
    command = [sys.executable, "-m", "ui.app"]
    if obj.library_dir:
        command += ["--library", obj.library_dir]
    raise click.exceptions.Exit(subprocess.call(command))


COMMANDS = [reindex, check_command, gui]
