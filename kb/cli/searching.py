"""The search command."""

import click

from kb.cli.output import authors_text, print_json, short_id
from kb.search import SORTS, search


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1, max=1000))
@click.option("--page", default=1, show_default=True, type=click.IntRange(min=1))
@click.option("--sort", default="relevance", show_default=True, type=click.Choice(SORTS))
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.pass_obj
def search_command(obj, query, limit, page, sort, as_json) -> None:
    """Search the library. Words must all match; "phrases", OR, NOT/-word, (groups),
    prefix*, word~ and title:/author:/publisher:/kind:/tag:/year: fields work."""
    text = " ".join(query)
    results = search(obj.library, text, limit=limit, page=page, sort=sort)
    if as_json:
        print_json([hit.to_dict() for hit in results.hits])
        return
    for notice in results.notices:
        click.echo(f"({notice})")
    if not results.hits:
        click.echo("No matches.")
        return
    for hit in results.hits:
        heading = click.style(hit.title, bold=True)
        click.echo(f"{short_id(hit.id)}  {hit.kind_label:<10} {hit.date or '':<10}  {heading}")
        if hit.authors:
            click.echo(f"          {authors_text(hit.authors)}")
        for snippet in hit.snippets[:2]:
            page_note = f"p. {snippet.page}: " if snippet.page else ""
            marked = snippet.marked(click.style("", bold=True, reset=False), click.style("", reset=True))
            click.echo(f"          {page_note}{marked}")
    shown = (page - 1) * limit + len(results.hits)
    click.echo(f"{shown} of {results.total} match(es).")


COMMANDS = [search_command]
