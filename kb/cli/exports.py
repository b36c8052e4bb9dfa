"""kb export (references, and the exchange formats of other tools) and kb import-refs."""

import click

from kb.cli.output import print_json
from kb.index import indexer
from kb.references import exchange as references

EXCHANGE_FORMATS = ("qdc", "qdpx", "vault")


def _source_ids(library, collection: str | None, query: str | None) -> list[str] | None:
    if collection:
        from kb.collections import get_collection, member_ids

        return member_ids(library, get_collection(library, collection).id)
    if query:
        from kb.search import search

        hits = search(library, query, limit=100_000, snippets=False, suggestions=False).hits
        return [hit.id for hit in hits if hit.item_type == "source"]
    return None


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice([*references.FORMATS, *EXCHANGE_FORMATS]))
@click.option("-o", "--output", required=True, type=click.Path(), help="The file (or folder for vault).")
@click.option("--collection", help="Only this collection's sources.")
@click.option("--query", help="Only the sources a search finds.")
@click.option("--theme", help="Only this theme (qdc, qdpx, vault).")
@click.pass_obj
def export_command(obj, fmt, output, collection, query, theme):
    """Export sources as csl-json, ris or bibtex; or the codebook/project/notes as qdc, qdpx or
    vault (Markdown folder)."""
    if fmt in references.FORMATS:
        count = references.export_references(obj.library, fmt, output,
                                             _source_ids(obj.library, collection, query))
        click.echo(f"Wrote {count} reference(s) to {output}.")
        return
    from kb.exchange import exports

    summary = exports.export(obj.library, fmt, output, collection=collection, theme=theme)
    click.echo(summary)


@click.command("import-refs")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def import_refs(obj, file, as_json):
    """Import references (CSL-JSON, RIS or BibTeX, as Zotero or Mendeley export them)."""
    report = references.import_references(obj.library, file)
    indexer.sync(obj.library)
    if as_json:
        print_json(report)
        return
    click.echo(f"{len(report['imported'])} imported, {len(report['matched'])} already in the "
               f"library, {len(report['failed'])} could not be read.")
    for entry in report["failed"][:20]:
        click.echo(f"failed: {entry}", err=True)


COMMANDS = [export_command, import_refs]
