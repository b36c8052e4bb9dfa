"""Commands for writing: kb quote …, kb draft …, kb cite."""

import click

from kb import draft_export, drafts, quotes, sources
from kb.cli.output import print_json, short_id
from kb.errors import NotFound
from kb.index import indexer
from kb.references.cite import cite_source

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
style_option = click.option("--style", type=click.Choice(drafts.STYLES), default="harvard",
                            show_default=True)


@click.group("quote")
def quote() -> None:
    """Quotes: exact words, who said them and where."""


@quote.command("add")
@click.option("--text", required=True, help="The exact words.")
@click.option("--source", "source_id", help="The source they come from (optional).")
@click.option("--speaker", default="", help="Who said them, if not the source's author.")
@click.option("--locator", help="Where: a page ('4' or 'p. 4'), 'para 12', 's. 3' or '00:14:32'.")
@click.option("--theme", "theme_names", multiple=True)
@click.option("--tags", help="Separated by commas.")
@click.option("--note", default="")
@click.option("--date", help="When it was said (for a call or workshop).")
@json_option
@click.pass_obj
def quote_add(obj, text, source_id, speaker, locator, theme_names, tags, note, date, as_json):
    """Add a quote (typed in, or found in a source)."""
    item = quotes.add_quote(obj.library, text, source_id, speaker, locator, None, theme_names,
                            tags, note, date)
    indexer.sync(obj.library)
    print_json(item.to_dict()) if as_json else click.echo(f"Added quote {item.id}.")


@quote.command("list")
@click.option("--theme")
@click.option("--speaker")
@click.option("--source", "source_id")
@click.option("--tag")
@json_option
@click.pass_obj
def quote_list(obj, theme, speaker, source_id, tag, as_json):
    """List quotes, filtered by theme, speaker, source or tag."""
    items = quotes.list_quotes(obj.library, theme, speaker, source_id, tag)
    if as_json:
        print_json([item.to_dict() for item in items])
        return
    for item in items:
        who = item.speaker or (item.source_title or "")
        click.echo(f"{item.id}  “{item.text[:90]}” — {who}")
    if not items:
        click.echo("No quotes yet: 'kb quote add --text …' or clip one in the app (Ctrl+Shift+C).")


@quote.command("show")
@click.argument("quote_id")
@style_option
@json_option
@click.pass_obj
def quote_show(obj, quote_id, style, as_json):
    """A quote with its citation and the drafts that use it."""
    item = quotes.get_quote(obj.library, quote_id)
    citation = draft_export.quote_citation(obj.library, item, style)
    used_in = quotes.drafts_using(obj.library, item.id)
    if as_json:
        print_json({**item.to_dict(), "citation": citation, "drafts": used_in})
        return
    click.echo(f"“{item.text}”\n{citation}")
    for draft in used_in:
        click.echo(f"used in: {draft['title']}")


@quote.command("delete")
@click.argument("quote_id")
@click.pass_obj
def quote_delete(obj, quote_id):
    """Move a quote to the trash."""
    quotes.delete_quote(obj.library, quote_id)
    indexer.sync(obj.library)
    click.echo("Moved the quote to the trash.")


@click.group("draft")
def draft() -> None:
    """Drafts: Markdown documents that use quotes, exported with citations."""


@draft.command("new")
@click.argument("title")
@click.option("--file", "path", type=click.File("r", encoding="utf-8"), help="Start from this Markdown.")
@style_option
@json_option
@click.pass_obj
def draft_new(obj, title, path, style, as_json):
    """Start a draft."""
    item = drafts.new_draft(obj.library, title, path.read() if path else "", style)
    indexer.sync(obj.library)
    print_json(item.to_dict()) if as_json else click.echo(f"Created draft {item.id}.")


@draft.command("list")
@json_option
@click.pass_obj
def draft_list(obj, as_json):
    """List drafts."""
    items = drafts.list_drafts(obj.library)
    if as_json:
        print_json([{**item.to_dict(), "word_count": item.word_count} for item in items])
        return
    for item in items:
        click.echo(f"{item.id}  {item.title}  ({item.word_count} words, {item.style})")


@draft.command("show")
@click.argument("draft_id")
@json_option
@click.pass_obj
def draft_show(obj, draft_id, as_json):
    """A draft's Markdown and the quotes it uses."""
    item = drafts.get_draft(obj.library, draft_id)
    used = drafts.quotes_in(obj.library, item)
    if as_json:
        print_json({**item.to_dict(), "quotes": [q.id for q in used], "word_count": item.word_count})
        return
    click.echo(item.body)


@draft.command("edit")
@click.argument("draft_id")
@click.option("--file", "path", type=click.File("r", encoding="utf-8"), help="New Markdown ('-' for stdin).")
@click.option("--title")
@click.option("--style", type=click.Choice(drafts.STYLES))
@click.option("--add-quote", "quote_ids", multiple=True, help="Append a quote by reference.")
@click.pass_obj
def draft_edit(obj, draft_id, path, title, style, quote_ids):
    """Change a draft's text, title or style, or append quotes."""
    item = drafts.get_draft(obj.library, draft_id)
    body = path.read() if path else item.body
    for quote_id in quote_ids:
        body, _ = drafts.insert_quote_marker(body, len(body), quotes.get_quote(obj.library, quote_id))
    drafts.save_draft(obj.library, item.id, body=body, title=title, style=style)
    indexer.sync(obj.library)
    click.echo(f"Saved draft {short_id(item.id)}.")


@draft.command("export")
@click.argument("draft_id")
@click.option("--format", "fmt", type=click.Choice(draft_export.FORMATS), default="md", show_default=True)
@click.option("--style", type=click.Choice(drafts.STYLES), help="Override the draft's style.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@click.pass_obj
def draft_export_command(obj, draft_id, fmt, style, output):
    """Export a draft with its citations and references."""
    if style:
        drafts.save_draft(obj.library, draft_id, style=style)
    path = draft_export.export_draft(obj.library, draft_id, fmt, output)
    click.echo(f"Wrote {path}")


@click.command("cite")
@click.argument("item_id")
@style_option
@click.option("--locator", help="A page for a source.")
@click.option("--bibliography", is_flag=True, help="Print the reference-list entry instead.")
@click.pass_obj
def cite(obj, item_id, style, locator, bibliography):
    """The citation of a source or a quote in a style."""
    from kb.references.cite import format_bibliography

    try:
        source = sources.get_source(obj.library, item_id)
    except NotFound:  # not a source: a quote, then
        item = quotes.get_quote(obj.library, item_id)
        click.echo(draft_export.quote_citation(obj.library, item, style))
        return
    if bibliography:
        entries = format_bibliography([source], style)
        click.echo(entries[0] if entries else "This style lists such items in the text only.")
    else:
        click.echo(cite_source(source, style, locator))


COMMANDS = [quote, draft, cite]
