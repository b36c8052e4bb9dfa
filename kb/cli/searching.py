"""Searching from the command line: search, related items and saved searches."""

import click

from kb import saved_searches
from kb.cli.output import authors_text, print_json, short_id
from kb.index.facets import FACETS
from kb.related import related
from kb.search import SORTS, search


def parse_filters(pairs: tuple[str, ...]) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in FACETS or not value:
            raise click.BadParameter(f"'{pair}' should be FACET=VALUE with FACET one of {', '.join(FACETS)}.",
                                     param_hint="--filter")
        filters.setdefault(name, []).append(value)
    return filters


def print_hits(results_hits, total: int | None = None, shown_to: int | None = None) -> None:
    for hit in results_hits:
        heading = click.style(hit.title, bold=True)
        click.echo(f"{short_id(hit.id)}  {hit.kind_label:<10} {hit.date or '':<10}  {heading}")
        if hit.authors:
            click.echo(f"          {authors_text(hit.authors)}")
        for snippet in hit.snippets[:2]:
            page_note = f"p. {snippet.page}: " if snippet.page else ""
            on, off = click.style("", bold=True, reset=False), click.style("", reset=True)
            click.echo(f"          {page_note}{snippet.marked(on, off)}")
    if total is not None:
        click.echo(f"{shown_to} of {total} match(es).")


def print_results(results, page: int, limit: int) -> None:
    for notice in results.notices:
        click.echo(f"({notice})")
    if results.suggestion:
        click.echo(f"Did you mean: {results.suggestion}")
    if not results.hits:
        click.echo("No matches.")
        return
    print_hits(results.hits, results.total, (page - 1) * limit + len(results.hits))
    if results.facets:
        for name, counts in results.facets.items():
            if counts:
                click.echo(f"{name}: " + ", ".join(f"{value} ({count})" for value, count in counts.items()))


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1, max=1000))
@click.option("--page", default=1, show_default=True, type=click.IntRange(min=1))
@click.option("--sort", default="relevance", show_default=True, type=click.Choice(SORTS))
@click.option("--filter", "filter_pairs", multiple=True, metavar="FACET=VALUE",
              help="Narrow to a facet value, e.g. --filter kind=report --filter year=2021.")
@click.option("--facets", "with_facets", is_flag=True,
              help="Count matches by kind, author, year, tag, theme and collection.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with --facets: one object).")
@click.pass_obj
def search_command(obj, query, limit, page, sort, filter_pairs, with_facets, as_json) -> None:
    """Search the library. All words must match; "phrases", OR, NOT or -word, (groups),
    prefix*, fuzzy~, and the fields title: author: publisher: kind: tag: theme: collection:
    memo: year:2021 date:2020..2022 work. A question in plain English ranks by best match."""
    results = search(obj.library, " ".join(query), limit=limit, page=page, sort=sort,
                     filters=parse_filters(filter_pairs), facets=with_facets)
    if as_json:
        print_json(results.to_dict() if with_facets else [hit.to_dict() for hit in results.hits])
    else:
        print_results(results, page, limit)


@click.command("related")
@click.argument("item_id")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1, max=200))
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def related_command(obj, item_id, limit, as_json) -> None:
    """Items related to ITEM_ID (more like this, from its key terms)."""
    hits = related(obj.library, item_id, limit)
    if as_json:
        print_json([hit.to_dict() for hit in hits])
    elif hits:
        print_hits(hits)
    else:
        click.echo("No related items.")


@click.group("saved")
def saved() -> None:
    """Saved searches: named queries that stay live as the library changes."""


@saved.command("add")
@click.argument("name")
@click.argument("query", required=False, default="")
@click.option("--filter", "filter_pairs", multiple=True, metavar="FACET=VALUE")
@click.option("--sort", default="relevance", type=click.Choice(SORTS))
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def saved_add(obj, name, query, filter_pairs, sort, as_json) -> None:
    """Save QUERY (and filters) as NAME, replacing a search of that name."""
    item = saved_searches.save(obj.library, name, query, parse_filters(filter_pairs), sort)
    if as_json:
        print_json(item.to_dict())
    else:
        click.echo(f"Saved search '{item.name}'.")


@saved.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def saved_list(obj, as_json) -> None:
    """List saved searches."""
    items = saved_searches.list_all(obj.library)
    if as_json:
        print_json([item.to_dict() for item in items])
        return
    for item in items:
        filters = " ".join(f"{k}={v}" for k, values in item.filters.items() for v in values)
        click.echo(f"{item.name}: {item.query} {filters}".rstrip())
    if not items:
        click.echo("No saved searches yet: 'kb saved add NAME QUERY'.")


@saved.command("run")
@click.argument("name")
@click.option("--limit", default=20, type=click.IntRange(min=1, max=1000))
@click.option("--page", default=1, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def saved_run(obj, name, limit, page, as_json) -> None:
    """Run a saved search."""
    results = saved_searches.run(obj.library, name, limit=limit, page=page, facets=as_json)
    if as_json:
        print_json(results.to_dict())
    else:
        print_results(results, page, limit)


@saved.command("delete")
@click.argument("name")
@click.pass_obj
def saved_delete(obj, name) -> None:
    """Delete a saved search."""
    saved_searches.delete(obj.library, name)
    click.echo(f"Deleted saved search '{name}'.")


COMMANDS = [search_command, related_command, saved]
