"""Commands for evidence work: highlight, evidence, matrix, coverage, link, suggest, report, memo."""

import click

from kb import (
    collections,
    evidence,
    links,
    sources,
    theme_report,
    theme_suggest,
    theme_views,
    themes,
)
from kb.cli.output import print_json, short_id
from kb.index import indexer

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


def _theme_pairs(theme_names: tuple[str, ...], stance: str) -> list[tuple[str, str]]:
    return [(name, stance) for name in theme_names]


@click.group("highlight")
def highlight() -> None:
    """Highlights: passages of sources tied to themes."""


@highlight.command("add")
@click.argument("source_id")
@click.option("--text", required=True, help="The exact passage (found in the source).")
@click.option("--theme", "theme_names", multiple=True, help="A theme (repeat for several).")
@click.option("--stance", type=click.Choice(evidence.STANCES), default="context", show_default=True)
@click.option("--note", default="")
@json_option
@click.pass_obj
def highlight_add(obj, source_id, text, theme_names, stance, note, as_json):
    """Highlight a passage of a source and tie it to themes."""
    item = evidence.highlight_text(obj.library, source_id, text, _theme_pairs(theme_names, stance), note)
    indexer.sync(obj.library)
    if as_json:
        print_json(item.to_dict())
    else:
        page = f" (p. {item.page})" if item.page else ""
        click.echo(f"Highlighted {short_id(item.id)}{page}: {len(item.themes)} theme(s).")


@highlight.command("list")
@click.argument("source_id")
@json_option
@click.pass_obj
def highlight_list(obj, source_id, as_json):
    """A source's highlights."""
    items = evidence.highlights_for_source(obj.library, source_id)
    if as_json:
        print_json([item.to_dict() for item in items])
        return
    for item in items:
        flag = " [orphaned]" if item.orphaned else ""
        names = ", ".join(f"{link.theme} ({link.stance})" for link in item.themes)
        click.echo(f"{item.id}{flag}  “{item.exact[:80]}”  {names}")


@highlight.command("delete")
@click.argument("highlight_id")
@click.pass_obj
def highlight_delete(obj, highlight_id):
    """Move a highlight to the trash."""
    evidence.delete_highlight(obj.library, highlight_id.upper())
    indexer.sync(obj.library)
    click.echo("Moved the highlight to the trash.")


@click.command("code")
@click.argument("source_id")
@click.argument("theme_name")
@click.option("--stance", type=click.Choice(evidence.STANCES), default="context")
@click.pass_obj
def code_source(obj, source_id, theme_name, stance):
    """Tie a whole source to a theme."""
    evidence.link_source(obj.library, source_id, theme_name, stance)
    indexer.sync(obj.library)
    click.echo(f"Tied the source to '{theme_name}'.")


@click.command("uncode")
@click.argument("source_id")
@click.argument("theme_name")
@json_option
@click.pass_obj
def uncode_source(obj, source_id, theme_name, as_json):
    """Untie a whole source from a theme (links through its passages stay)."""
    removed = evidence.unlink_source(obj.library, source_id, theme_name)
    indexer.sync(obj.library)
    if as_json:
        print_json({"removed_links": removed})
    else:
        click.echo(f"Untied the source from '{theme_name}'.")


@click.command("evidence")
@click.argument("theme_name")
@click.option("--no-subthemes", is_flag=True, help="Only the theme itself.")
@click.option("--stance", type=click.Choice(evidence.STANCES))
@click.option("--collection")
@click.option("--author")
@click.option("--from", "date_from", help="Sources dated on or after (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", help="Sources dated on or before.")
@json_option
@click.pass_obj
def evidence_command(obj, theme_name, no_subthemes, stance, collection, author, date_from,
                     date_to, as_json):
    """All evidence for a theme (and its sub-themes)."""
    rows = theme_views.evidence_for_theme(obj.library, theme_name, not no_subthemes, stance,
                                          collection, author, date_from, date_to)
    if as_json:
        print_json([row.to_dict() for row in rows])
        return
    for row in rows:
        where = f", p. {row.page}" if row.page else ""
        passage = f"“{row.passage[:160]}”" if row.passage else "(whole source)"
        click.echo(f"[{row.stance}] {row.theme}: {passage}\n    — {row.source_title} "
                   f"({row.date or 'n.d.'}{where})" + (f"\n    note: {row.note}" if row.note else ""))
    if not rows:
        click.echo("No evidence for this theme yet.")


@click.command("matrix")
@click.option("--by", "grouping", type=click.Choice(theme_views.GROUPINGS), default="source",
              show_default=True)
@json_option
@click.pass_obj
def matrix_command(obj, grouping, as_json):
    """Themes × sources (or collections, authors, publishers, years, tags) with evidence counts."""
    data = theme_views.matrix(obj.library, grouping)
    if as_json:
        print_json(data)
        return
    counts = {(c["theme_id"], c["group"]): c["count"] for c in data["cells"]}
    for theme in data["themes"]:
        row = {group: counts[(theme["id"], group)] for group in data["columns"]
               if (theme["id"], group) in counts}
        if row:
            click.echo(f"{theme['name']}: " + ", ".join(f"{g[:30]} {n}" for g, n in row.items()))


@click.command("coverage")
@json_option
@click.pass_obj
def coverage_command(obj, as_json):
    """Themes with no or thin evidence, and sources not yet coded."""
    data = theme_views.coverage(obj.library)
    if as_json:
        print_json({**data, "cooccurrence": theme_views.cooccurrence(obj.library)})
        return
    click.echo("No evidence: " + (", ".join(data["no_evidence"]) or "none"))
    click.echo("Thin evidence: " + (", ".join(f"{t['theme']} ({t['count']})" for t in data["thin_evidence"]) or "none"))
    click.echo(f"Sources not yet coded: {len(data['uncoded_sources'])}")


@click.command("link")
@click.argument("from_id")
@click.argument("to_id")
@click.option("--relation", default="related", show_default=True, help="e.g. cites, answers.")
@click.pass_obj
def link_command(obj, from_id, to_id, relation):
    """Link one item to another."""
    links.add_link(obj.library, from_id, to_id, relation)
    click.echo("Linked.")


@click.command("links")
@click.argument("item_id")
@json_option
@click.pass_obj
def links_command(obj, item_id, as_json):
    """An item's links and backlinks."""
    found = links.links_of(obj.library, item_id)
    if as_json:
        print_json([link.to_dict() for link in found])
        return
    for link in found:
        arrow = "→" if link.direction == "out" else "←"
        click.echo(f"{arrow} {link.relation}: {link.other_title} ({short_id(link.other_id)})")


@click.command("suggest")
@click.argument("source_id", required=False)
@click.option("--text", "passage", help="Suggest for this passage instead of a whole source.")
@click.option("--uncoded", is_flag=True, help="Suggest for every source not yet coded.")
@click.option("--apply", "apply_all", is_flag=True, help="Apply the top suggestion of each (with --uncoded).")
@json_option
@click.pass_obj
def suggest_command(obj, source_id, passage, uncoded, apply_all, as_json):
    """Suggest themes for a source or a passage (from keywords and similar coded evidence)."""
    if passage:
        items = theme_suggest.suggest_for_text(obj.library, passage, exclude_source=source_id)
        if as_json:
            print_json([item.to_dict() for item in items])
        for item in [] if as_json else items:
            click.echo(f"{item.theme} ({item.score}): {'; '.join(item.reasons)}")
        return
    if uncoded:
        found = theme_suggest.suggest_for_uncoded(obj.library)
        if apply_all:
            theme_suggest.apply_suggestions(
                obj.library, [(sid, items[0].theme, "context") for sid, items in found.items()])
            indexer.sync(obj.library)
        if as_json:
            print_json({sid: [s.to_dict() for s in items] for sid, items in found.items()})
        for sid, items in ({} if as_json else found).items():
            click.echo(f"{short_id(sid)}: " + ", ".join(f"{s.theme} ({s.score})" for s in items))
        return
    if not source_id:
        raise click.UsageError("Name a source, or use --uncoded.")
    items = theme_suggest.suggest_for_source(obj.library, source_id)
    if as_json:
        print_json([item.to_dict() for item in items])
    for item in [] if as_json else items:
        click.echo(f"{item.theme} ({item.score}): {'; '.join(item.reasons)}")


@click.command("report")
@click.argument("theme_name")
@click.option("--format", "fmt", type=click.Choice(theme_report.FORMATS), default="md", show_default=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@click.pass_obj
def report_command(obj, theme_name, fmt, output):
    """Export a theme's evidence as a report."""
    path = theme_report.export_report(obj.library, theme_name, fmt, output)
    click.echo(f"Wrote {path}")


@click.command("memo")
@click.argument("target")
@click.argument("text", required=False)
@click.option("--kind", type=click.Choice(["source", "theme", "collection"]), default="source")
@click.pass_obj
def memo_command(obj, target, text, kind):
    """Show or set the Markdown memo of a source, theme or collection ('-' reads standard input)."""
    if text == "-":
        text = click.get_text_stream("stdin").read()
    if kind == "theme":
        memo = themes.update_theme(obj.library, target, memo=text).memo if text is not None else \
            themes.get_theme(obj.library, target).memo
    elif kind == "collection":
        memo = collections.update_collection(obj.library, target, memo=text).memo if text is not None \
            else collections.get_collection(obj.library, target).memo
    else:
        memo = sources.update_source(obj.library, target, memo=text).memo if text is not None else \
            sources.get_source(obj.library, target).memo
    indexer.sync(obj.library)
    click.echo(memo)


COMMANDS = [highlight, code_source, uncode_source, evidence_command, matrix_command, coverage_command,
            link_command, links_command, suggest_command, report_command, memo_command]
