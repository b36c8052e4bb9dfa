"""Team exchange from the command line: kb bundle export|import, kb conflicts, kb sync."""

import os
from pathlib import Path

import click

from kb import conflicts
from kb.bundle.export import export_bundle
from kb.bundle.importer import import_bundle
from kb.cli.output import print_json
from kb.errors import InvalidInput


def read_passphrase(path: str | None) -> str | None:
    if path:
        try:
            return Path(path).read_text("utf-8").strip() or None
        except OSError as error:
            raise InvalidInput(f"Cannot read the passphrase file: {error.strerror}.") from error
    return os.environ.get("KB_PASSPHRASE") or None


@click.group("bundle")
def bundle() -> None:
    """Bundles: share with the team."""


@bundle.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--collection")
@click.option("--theme")
@click.option("--query")
@click.option("--item", "item_ids", multiple=True, help="Selected items (repeat).")
@click.option("--no-originals", is_flag=True, help="Leave the original files out.")
@click.option("--passphrase-file", type=click.Path(dir_okay=False),
              help="Encrypt with the team passphrase in this file (or $KB_PASSPHRASE).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def bundle_export(obj, file, collection, theme, query, item_ids, no_originals, passphrase_file, as_json):
    """Write a bundle to FILE."""
    manifest = export_bundle(obj.library, file, collection=collection, theme=theme, query=query,
                             item_ids=list(item_ids) or None, originals=not no_originals,
                             passphrase=read_passphrase(passphrase_file))
    if as_json:
        print_json({"file": file, "counts": manifest["counts"]})
    else:
        total = sum(manifest["counts"].values())
        click.echo(f"Wrote {total} record(s) to {file}.")


@bundle.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Show what would change; change nothing.")
@click.option("--passphrase-file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def bundle_import(obj, file, dry_run, passphrase_file, as_json):
    """Merge a colleague's bundle into the library (a backup is taken first)."""
    plan = import_bundle(obj.library, file, read_passphrase(passphrase_file), dry_run=dry_run)
    if as_json:
        print_json(plan.to_dict())
        return
    verb = "Would add" if dry_run else "Added"
    click.echo(f"{verb} {sum(plan.added.values())}, updated {sum(plan.updated.values())}, merged "
               f"{sum(plan.merged.values())}, moved {len(plan.trashed)} to the trash; "
               f"{plan.unchanged} unchanged; {len(plan.conflicts)} conflict(s).")
    for conflict in plan.conflicts[:20]:
        click.echo(f"conflict: {conflict['kind']} {conflict['item_id']} {conflict['field']}")


@click.group("conflicts", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def conflicts_group(ctx, as_json):
    """Open conflicts from merges (resolve with 'kb conflicts resolve')."""
    if ctx.invoked_subcommand:
        return
    found = conflicts.list_conflicts(ctx.obj.library)
    if as_json:
        print_json([c.to_dict() for c in found])
        return
    for c in found:
        click.echo(f"{c.id}  {c.kind}.{c.field} of {c.item_id}: current={str(c.current)[:40]!r} "
                   f"other={str(c.other)[:40]!r} (from {c.member})")
    if not found:
        click.echo("No conflicts.")


@conflicts_group.command("resolve")
@click.argument("conflict_id")
@click.argument("choice", type=click.Choice(conflicts.RESOLUTIONS))
@click.option("--value", help="With 'edit': the merged value.")
@click.pass_obj
def conflicts_resolve(obj, conflict_id, choice, value):
    """Keep the current value, take the other, or edit a merged value."""
    conflicts.resolve(obj.library, conflict_id, choice, value)
    from kb.index import indexer

    indexer.sync(obj.library)
    click.echo("Resolved.")


@click.command("sync")
@click.option("--folder", type=click.Path(file_okay=False), help="Use (and remember) this sync folder.")
@click.option("--passphrase-file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def sync_command(obj, folder, passphrase_file, as_json):
    """Export my changes to the team's sync folder and import everyone else's."""
    from kb.bundle import sync as syncing

    if folder:
        syncing.set_sync_folder(obj.library, folder)
    report = syncing.sync(obj.library, passphrase=read_passphrase(passphrase_file))
    if as_json:
        print_json(report.to_dict())
        return
    click.echo(f"Exported {report.exported or 'nothing new'}; imported {len(report.imported)} bundle(s)"
               + (f"; {len(report.waiting)} still arriving" if report.waiting else "")
               + (f"; {len(report.refused)} refused" if report.refused else "") + ".")
    for item in report.refused:
        click.echo(f"refused {item['name']}: {item['error']}", err=True)


COMMANDS = [bundle, conflicts_group, sync_command]
