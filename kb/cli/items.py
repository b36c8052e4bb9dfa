"""Commands on items: init, import, list, show, edit, delete, restore, trash."""

from pathlib import Path

import click

from kb import sources
from kb.cli.output import authors_text, print_json, short_id, terminal_progress
from kb.errors import KbError
from kb.importing.pipeline import import_paths

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


@click.command()
@json_option
@click.pass_obj
def init(obj, as_json: bool) -> None:
    """Create the library (every command also creates it on first use)."""
    library = obj.library
    if as_json:
        print_json({"library": str(library.folder), "id": library.library_id})
    else:
        click.echo(f"Library ready at {library.folder}")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@json_option
@click.pass_obj
def import_command(obj, paths: tuple[str, ...], as_json: bool) -> None:
    """Import files and folders (txt, md, html, pdf, docx; folders recursively)."""
    progress, close = terminal_progress(not as_json)
    try:
        report = import_paths(obj.library, paths, progress=progress)
    finally:
        close()
    if as_json:
        print_json({"imported": report.imported, "duplicates": report.duplicates,
                    "failed": report.failed})
    else:
        for item in report.imported:
            click.echo(f"imported  {short_id(item['id'])}  {item['title']}")
        for item in report.duplicates:
            click.echo(f"duplicate {short_id(item['id'])}  {item['path']} (already in the library)")
        for item in report.failed:
            click.echo(f"failed    {item['path']}: {item['error']}", err=True)
        click.echo(f"{len(report.imported)} imported, {len(report.duplicates)} duplicate(s), "
                   f"{len(report.failed)} failed.")
    if report.failed and not report.imported and not report.duplicates:
        raise click.exceptions.Exit(1)


@click.command("list")
@click.option("--kind", help="Only this kind (article, report, web_page, note, transcript).")
@click.option("--sort", default="added", show_default=True,
              type=click.Choice(sorted(sources.SORT_COLUMNS)))
@click.option("--desc", is_flag=True, help="Reverse the order.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many items.")
@click.option("--trash", "in_trash", is_flag=True, help="List the trash instead.")
@json_option
@click.pass_obj
def list_command(obj, kind, sort, desc, limit, in_trash, as_json) -> None:
    """List items."""
    kind = sources.clean_kind(kind, sources.SOURCE_KINDS) if kind else None
    ids = sources.list_ids(obj.library, kind=kind, sort=sort, descending=desc, trash=in_trash)
    rows = sources.summaries(obj.library, ids[:limit] if limit else ids)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        click.echo(f"{short_id(row['id'])}  {sources.KIND_LABELS[row['kind']]:<10}  "
                   f"{(row['date'] or ''):<10}  {row['title']}  {authors_text(row['authors'])}")
    if not rows:
        click.echo("The trash is empty." if in_trash else "No items yet: try 'kb import FOLDER'.")


@click.command()
@click.argument("item_id")
@json_option
@click.pass_obj
def show(obj, item_id: str, as_json: bool) -> None:
    """Show one item: its metadata and body."""
    source = sources.get_source(obj.library, item_id, include_deleted=True)
    if as_json:
        print_json(source.to_dict())
        return
    click.echo(source.title)
    click.echo("=" * min(len(source.title), 80))
    for label, value in (("Id", source.id), ("Kind", source.kind_label),
                         ("Authors", "; ".join(source.authors)), ("Publisher", source.publisher),
                         ("Date", source.date), ("URL", source.url), ("Accessed", source.accessed),
                         ("Tags", ", ".join(source.tags)), ("File", source.file_name),
                         ("In trash since", source.deleted_at)):
        if value:
            click.echo(f"{label + ':':<16}{value}")
    click.echo("")
    click.echo(source.body)


@click.command()
@click.argument("item_id")
@click.option("--title")
@click.option("--authors", help="Separate several with ';'.")
@click.option("--date", help="YYYY, YYYY-MM, YYYY-MM-DD or a date in words.")
@click.option("--publisher")
@click.option("--url")
@click.option("--accessed", help="Date the page or report was read.")
@click.option("--kind")
@click.option("--language")
@click.option("--tags", help="Separate several with ','; replaces the tags.")
@json_option
@click.pass_obj
def edit(obj, item_id, as_json, **changes) -> None:
    """Edit an item's metadata (an empty value clears a field)."""
    given = {name: value for name, value in changes.items() if value is not None}
    if not given:
        raise click.UsageError("Name at least one field to change, e.g. --title 'New title'.")
    source = sources.update_source(obj.library, item_id, **given)
    from kb.index import indexer

    indexer.sync(obj.library)
    if as_json:
        print_json(source.to_dict(with_body=False))
    else:
        click.echo(f"Updated {short_id(source.id)}  {source.title}")


@click.command()
@click.argument("item_ids", nargs=-1, required=True)
@json_option
@click.pass_obj
def delete(obj, item_ids, as_json) -> None:
    """Move items to the trash (restore them with 'kb restore')."""
    moved = sources.trash(obj.library, list(item_ids))
    from kb.index import indexer

    indexer.sync(obj.library)
    if as_json:
        print_json({"trashed": moved})
    else:
        click.echo(f"Moved {len(moved)} item(s) to the trash.")


@click.command()
@click.argument("item_ids", nargs=-1, required=True)
@click.option("--yes", is_flag=True, help="With a backup file: do not ask for confirmation.")
@json_option
@click.pass_obj
def restore(obj, item_ids, yes, as_json) -> None:
    """Restore items from the trash, or (given a backup file) the whole database from a backup."""
    if len(item_ids) == 1 and Path(item_ids[0]).is_file():
        from kb.cli.maintenance import restore_backup

        restore_backup(obj, item_ids[0], yes)
        return
    from kb import trash

    full_ids = []
    for item_id in item_ids:
        try:
            full_ids.append(sources.resolve_id(obj.library, item_id, include_deleted=True))
        except KbError:
            full_ids.append(item_id.upper())
    trash.restore_items(obj.library, full_ids)
    back = full_ids
    from kb.index import indexer

    indexer.sync(obj.library)
    if as_json:
        print_json({"restored": back})
    else:
        click.echo(f"Restored {len(back)} item(s).")


@click.command("empty-trash")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@json_option
@click.pass_obj
def empty_trash(obj, yes, as_json) -> None:
    """Delete the items in the trash for good."""
    from kb import trash

    count = len(trash.list_trash(obj.library))
    if count and not yes:
        click.confirm(f"Delete {count} item(s) in the trash for good?", abort=True)
    removed = trash.empty_trash(obj.library)
    from kb.index import indexer

    indexer.sync(obj.library)
    if as_json:
        print_json({"deleted": removed})
    else:
        click.echo(f"Deleted {removed} item(s) for good.")


@click.command("trash")
@json_option
@click.pass_obj
def trash_command(obj, as_json) -> None:
    """What is in the trash (sources, highlights, themes, collections, saved searches)."""
    from kb import trash

    items = trash.list_trash(obj.library)
    if as_json:
        print_json([item.to_dict() for item in items])
        return
    for item in items:
        click.echo(f"{item.id}  {item.item_type:<12} {item.deleted_at[:16]}  {item.title[:70]}")
    if not items:
        click.echo("The trash is empty.")


COMMANDS = [init, import_command, list_command, show, edit, delete, restore, empty_trash, trash_command]
