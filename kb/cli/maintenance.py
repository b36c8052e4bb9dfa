"""Keeping a library healthy: reindex, check, and opening the desktop app."""

import subprocess
import sys

import click

from kb import backups
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


@click.command("backup")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the backup here.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def backup_command(obj, output, as_json) -> None:
    """Back up the database now (into the library's backups folder unless -o is given)."""
    path = backups.backup(obj.library, "manual", output)
    print_json({"backup": str(path)}) if as_json else click.echo(f"Backed up to {path}")


@click.command("backups")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def backups_command(obj, as_json) -> None:
    """List the automatic and manual backups."""
    found = backups.list_backups(obj.library)
    if as_json:
        print_json([info.to_dict() for info in found])
        return
    for info in found:
        click.echo(f"{info.taken_at}  {info.reason:<24} {info.size // 1024:>8} KB  {info.path}")
    if not found:
        click.echo("No backups yet: 'kb backup'.")


def restore_backup(obj, backup_file: str, yes: bool) -> None:
    """Replace the library's database with a backup (the current one is backed up first)."""
    backups.validate_backup(backup_file)
    if not yes:
        click.confirm("Replace the library's database with this backup?", abort=True)
    folder = obj.library.folder
    obj.close()
    safety = backups.restore(folder, backup_file)
    click.echo(f"Restored. The previous database was backed up to {safety}.")


COMMANDS = [reindex, check_command, gui, backup_command, backups_command]
