"""A theme's evidence as a report: grouped by sub-theme and stance, each passage with its
citation, and the sources listed at the end. Markdown, HTML or DOCX."""

from pathlib import Path

from kb import render, sources
from kb.citations import author_date, reference
from kb.docx_writer import write_docx
from kb.errors import InvalidInput
from kb.library import Library
from kb.theme_views import evidence_for_theme
from kb.themes import all_themes, get_theme

FORMATS = ("md", "html", "docx")
STANCE_HEADINGS = {"supports": "Supporting evidence", "challenges": "Challenging evidence",
                   "context": "Context"}


def _sections(library: Library, theme_name: str) -> tuple[str, list[tuple[int, str, str, list]], set]:
    """(title, [(depth, theme name, description, [(stance, rows)])], source ids cited)."""
    top = get_theme(library, theme_name)
    by_id = {theme.id: theme for theme in all_themes(library)}
    order = []

    def walk(theme_id: str, depth: int) -> None:
        order.append((depth, by_id[theme_id]))
        for child in sorted((t for t in by_id.values() if t.parent_id == theme_id), key=lambda t: t.name):
            walk(child.id, depth + 1)

    walk(top.id, 0)
    cited: set[str] = set()
    sections = []
    for depth, theme in order:
        rows = evidence_for_theme(library, theme.id, include_subthemes=False)
        by_stance = []
        for stance in ("supports", "challenges", "context"):
            chosen = [row for row in rows if row.stance == stance]
            if chosen:
                by_stance.append((stance, chosen))
                cited.update(row.source_id for row in chosen)
        sections.append((depth, theme.name, theme.description, by_stance))
    return top.name, sections, cited


def _markdown(library: Library, theme_name: str) -> str:
    title, sections, cited = _sections(library, theme_name)
    lines = [f"# Evidence: {title}", ""]
    for depth, name, description, by_stance in sections:
        if depth:
            lines += [f"{'#' * min(depth + 1, 6)} {name}", ""]
        if description:
            lines += [description, ""]
        if not by_stance:
            lines += ["_No evidence yet._", ""]
        for stance, rows in by_stance:
            lines += [f"**{STANCE_HEADINGS[stance]}**", ""]
            for row in rows:
                cite = author_date(row.authors, row.publisher, row.date, row.page)
                if row.passage:
                    quoted = "\n> ".join(row.passage.splitlines())
                    lines += [f"> {quoted}", ">", f"> — {cite}, *{row.source_title}*", ""]
                else:
                    lines += [f"- The whole source: *{row.source_title}* — {cite}", ""]
                if row.note:
                    lines += [f"Note: {row.note}", ""]
    lines += ["## Sources", ""]
    for source_id in sorted(cited):
        source = sources.get_source(library, source_id)
        lines.append(f"- {reference(source.authors, source.title, source.publisher, source.date, source.url)}")
    return "\n".join(lines).rstrip() + "\n"


def export_report(library: Library, theme_name: str, fmt: str, path: str | Path) -> Path:
    """Write the theme report to `path`; nothing is written if anything fails first."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Cannot write '{fmt}'; choose one of {', '.join(FORMATS)}.")
    target = Path(path)
    text = _markdown(library, theme_name)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        if fmt == "md":
            temporary.write_text(text, "utf-8")
        elif fmt == "html":
            body = render.markdown_to_html(text)
            page = (f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>"
                    f"{render.escape(get_theme(library, theme_name).name)}</title></head>"
                    f"<body>{body}</body></html>\n")
            temporary.write_text(page, "utf-8")
        else:
            body, _, sources_part = text.partition("\n## Sources\n")
            entries = [line[2:] for line in sources_part.splitlines() if line.startswith("- ")]
            write_docx(body, temporary, entries, "Sources")
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InvalidInput(f"Cannot write {target}: {error.strerror}.") from error
    return target


def report_markdown(library: Library, theme_name: str) -> str:
    return _markdown(library, theme_name)
