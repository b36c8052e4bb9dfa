"""Commands for exchange with other tools: kb import-qda …, kb import-vault …

(`kb export qdc|qdpx|vault` is the export command of kb.cli.exports, which calls
kb.exchange.exports.)
"""

import sys
from pathlib import Path

import click

from kb import exchange
from kb.cli.output import print_json
from kb.index import indexer

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
merge_option = click.option(
    "--merge-by-name/--no-merge-by-name", default=None,
    help="Merge codes into existing themes of the same name (default: import them as "
         "'NAME (imported)').")


def _print_report(report: dict) -> None:
    counted = ", ".join(f"{report[key]} {key}" for key in
                        ("sources", "highlights", "quotes", "links", "notes") if report.get(key))
    what = "the codebook" if report.get("format") == "qdc" else counted or "no items"
    click.echo(f"Imported {what}; themes: {len(report['added'])} added, "
               f"{len(report['merged'])} merged.")
    if report.get("collections"):
        click.echo(f"Collections: {', '.join(report['collections'])}.")
    for title, key in (("Renamed", "renamed"), ("Skipped", "skipped"),
                       ("Not imported", "unsupported")):
        if report.get(key):
            click.echo(f"{title}:")
            for line in report[key]:
                click.echo(f"  - {line}")


def _ask_merge(library, clashes: list[str], merge_by_name, as_json: bool) -> bool:
    if merge_by_name is not None or not clashes:
        return bool(merge_by_name)
    if as_json or not sys.stdin.isatty():
        return False
    shown = ", ".join(f"'{name}'" for name in clashes[:5]) + (" …" if len(clashes) > 5 else "")
    return click.confirm(f"{len(clashes)} code(s) have the names of existing themes ({shown}). "
                         "Merge them into those themes?", default=False)


@click.command("import-qda")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@merge_option
@json_option
@click.pass_obj
def import_qda(obj, file, merge_by_name, as_json):
    """Import a REFI-QDA codebook (.qdc) or project (.qdpx) from NVivo, ATLAS.ti, MAXQDA or
    QualCoder. All or nothing: a bad file changes nothing."""
    clashes = exchange.clashing_names(obj.library, file) if merge_by_name is None else []
    merge = _ask_merge(obj.library, clashes, merge_by_name, as_json)
    report = exchange.import_qda(obj.library, file, merge_by_name=merge)
    indexer.sync(obj.library)
    if as_json:
        print_json(report)
        return
    _print_report(report)
    if clashes and not merge:
        click.echo("Themes with names already in use were imported as 'NAME (imported)'; "
                   "use --merge-by-name to merge them into the existing themes instead.")


@click.command("import-vault")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@merge_option
@json_option
@click.pass_obj
def import_vault(obj, folder, merge_by_name, as_json):
    """Import a folder of Markdown files (an exported vault or Obsidian notes)."""
    report = exchange.import_vault(obj.library, folder, merge_by_name=bool(merge_by_name))
    indexer.sync(obj.library)
    print_json(report) if as_json else _print_report(report)


COMMANDS = [import_qda, import_vault]
