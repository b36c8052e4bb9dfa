"""Commands for the codebook and collections: kb theme …, kb collection …"""

from pathlib import Path

import click

from kb import collections, themes
from kb.cli.output import print_json
from kb.index import indexer

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


@click.group("theme")
def theme() -> None:
    """Themes: the hierarchical codebook."""


def _print_tree(library, as_json: bool) -> None:
    items = themes.all_themes(library)
    counts = themes.evidence_counts(library)
    if as_json:
        print_json([{**t.to_dict(), "evidence": counts.get(t.id, 0)} for t in items])
        return
    children: dict = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)

    def show(parent_id, depth):
        for item in children.get(parent_id, []):
            click.echo(f"{'  ' * depth}{item.name}  ({counts.get(item.id, 0)})  {item.colour}")
            show(item.id, depth + 1)

    show(None, 0)
    if not items:
        click.echo("No themes yet: 'kb theme add NAME' or 'kb theme starter'.")


@theme.command("list")
@json_option
@click.pass_obj
def theme_list(obj, as_json):
    """The theme tree with evidence counts."""
    _print_tree(obj.library, as_json)


@theme.command("add")
@click.argument("name")
@click.option("--parent", help="The theme to put it under.")
@click.option("--colour", "--color", "colour", help="Hex colour, e.g. #1f77b4.")
@click.option("--description", default="")
@click.option("--keywords", help="Keywords and synonyms, separated by commas.")
@json_option
@click.pass_obj
def theme_add(obj, name, parent, colour, description, keywords, as_json):
    """Add a theme."""
    item = themes.add_theme(obj.library, name, parent, colour, description, keywords)
    indexer.sync(obj.library)
    print_json(item.to_dict()) if as_json else click.echo(f"Added theme '{item.name}'.")


@theme.command("edit")
@click.argument("name")
@click.option("--colour", "--color", "colour")
@click.option("--description")
@click.option("--keywords")
@click.option("--memo", help="Markdown memo (use '-' to read it from standard input).")
@json_option
@click.pass_obj
def theme_edit(obj, name, colour, description, keywords, memo, as_json):
    """Recolour, describe, set keywords or write the memo of a theme."""
    if memo == "-":
        memo = click.get_text_stream("stdin").read()
    item = themes.update_theme(obj.library, name, colour=colour, description=description,
                               keywords=keywords, memo=memo)
    indexer.sync(obj.library)
    print_json(item.to_dict()) if as_json else click.echo(f"Updated theme '{item.name}'.")


@theme.command("rename")
@click.argument("old")
@click.argument("new")
@click.pass_obj
def theme_rename(obj, old, new):
    """Rename a theme."""
    item = themes.update_theme(obj.library, old, name=new)
    indexer.sync(obj.library)
    click.echo(f"Renamed to '{item.name}'.")


@theme.command("move")
@click.argument("name")
@click.argument("new_parent", required=False)
@click.pass_obj
def theme_move(obj, name, new_parent):
    """Move a theme under NEW_PARENT (or to the top when omitted)."""
    item = themes.move_theme(obj.library, name, new_parent)
    indexer.sync(obj.library)
    click.echo(f"Moved '{item.name}'.")


@theme.command("merge")
@click.argument("source")
@click.argument("target")
@click.pass_obj
def theme_merge(obj, source, target):
    """Merge SOURCE into TARGET (its evidence and sub-themes move over)."""
    item = themes.merge_themes(obj.library, source, target)
    indexer.sync(obj.library)
    click.echo(f"Merged '{source}' into '{item.name}'.")


@theme.command("delete")
@click.argument("name")
@click.option("--evidence", type=click.Choice(["parent", "unlink"]), default="parent",
              show_default=True, help="Move the theme's evidence to its parent, or unlink it.")
@json_option
@click.pass_obj
def theme_delete(obj, name, evidence, as_json):
    """Move a theme to the trash."""
    result = themes.delete_theme(obj.library, name, evidence)
    indexer.sync(obj.library)
    if as_json:
        print_json(result)
    else:
        click.echo(f"Deleted '{result['theme']}': {result['moved_evidence']} evidence moved, "
                   f"{result['unlinked_evidence']} unlinked.")


@theme.command("starter")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False),
              help="A codebook JSON file (default: the levelling-up starter codebook).")
@click.pass_obj
def theme_starter(obj, path):
    """Add a starter codebook (themes that already exist are left alone)."""
    added = themes.import_codebook(obj.library, Path(path) if path else themes.STARTER_CODEBOOK)
    indexer.sync(obj.library)
    click.echo(f"Added {len(added)} theme(s).")


@click.group("collection")
def collection() -> None:
    """Collections: client engagements grouping sources."""


@collection.command("list")
@json_option
@click.pass_obj
def collection_list(obj, as_json):
    """Collections with their sizes."""
    items = collections.all_collections(obj.library)
    if as_json:
        print_json([item.to_dict() for item in items])
    for item in [] if as_json else items:
        click.echo(f"{item.name}  ({item.count})")


@collection.command("add")
@click.argument("name")
@click.option("--description", default="")
@click.pass_obj
def collection_add(obj, name, description):
    """Create a collection."""
    item = collections.add_collection(obj.library, name, description)
    indexer.sync(obj.library)
    click.echo(f"Added collection '{item.name}'.")


@collection.command("put")
@click.argument("name")
@click.argument("item_ids", nargs=-1, required=True)
@click.pass_obj
def collection_put(obj, name, item_ids):
    """Put sources into a collection."""
    added = collections.add_to_collection(obj.library, name, list(item_ids))
    indexer.sync(obj.library)
    click.echo(f"Added {added} item(s) to '{name}'.")


@collection.command("remove")
@click.argument("name")
@click.argument("item_ids", nargs=-1, required=True)
@click.pass_obj
def collection_remove(obj, name, item_ids):
    """Take sources out of a collection (they stay in the library)."""
    removed = collections.remove_from_collection(obj.library, name, list(item_ids))
    indexer.sync(obj.library)
    click.echo(f"Removed {removed} item(s) from '{name}'.")


@collection.command("delete")
@click.argument("name")
@click.pass_obj
def collection_delete(obj, name):
    """Move a collection to the trash (its sources stay)."""
    collections.delete_collection(obj.library, name)
    indexer.sync(obj.library)
    click.echo(f"Deleted collection '{name}'.")


COMMANDS = [theme, collection]
