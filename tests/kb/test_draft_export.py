"""Drafts export with every quote exactly as clipped and correctly cited."""

import docx
import pytest

from kb import drafts, quotes, sources
from kb.draft_export import export_draft, preview_html, quote_citation
from kb.errors import InvalidInput


@pytest.fixture
def draft_with_quotes(library, add_source):
    report = add_source(title="Place and Productivity", body="Mayors need “real fiscal levers” now.",
                        authors="Dr Priya Raman; Tom O'Brien", date="2021-06-01", kind="report",
                        publisher="Centre for Place Policy")
    own = quotes.add_quote(library, "real fiscal levers", source_id=report.id, locator="p. 4")
    minister = quotes.add_quote(library, "We will level up every region.", source_id=report.id,
                                speaker="Michael Gove", locator="12")
    call = quotes.add_quote(library, "Stable funding matters most.", speaker="Cllr Ahmed",
                            date="2024-02-01")
    draft = drafts.new_draft(library, "Briefing", "# Briefing\n\nWhy **devolution** matters.")
    body = draft.body
    for item in (own, minister, call):
        body, _ = drafts.insert_quote_marker(body, len(body), item)
    drafts.save_draft(library, draft.id, body=body)
    return draft.id, report, (own, minister, call)


def test_citations_per_quote(library, draft_with_quotes):
    _, _, (own, minister, call) = draft_with_quotes
    assert quote_citation(library, own, "harvard") == "(Raman and O'Brien, 2021, p. 4)"
    assert "quoted in" in quote_citation(library, minister, "harvard")
    assert "Gove" in quote_citation(library, minister, "harvard")
    assert "personal communication" in quote_citation(library, call, "apa")


def test_markdown_export_has_quotes_citations_and_references(library, draft_with_quotes, tmp_path):
    draft_id, _, (own, _, call) = draft_with_quotes
    text = export_draft(library, draft_id, "md", tmp_path / "d.md").read_text("utf-8")
    assert "> real fiscal levers" in text and "> Stable funding matters most." in text
    assert "(Raman and O'Brien, 2021, p. 4)" in text
    assert "## References" in text and "Place and Productivity" in text
    assert "{{quote:" not in text


def test_corrected_source_flows_into_export(library, draft_with_quotes, tmp_path):
    draft_id, report, _ = draft_with_quotes
    sources.update_source(library, report.id, date="2020-06-01", title="Place, Productivity and Power")
    text = export_draft(library, draft_id, "md", tmp_path / "d.md").read_text("utf-8")
    assert "2020" in text and "Place, Productivity and Power" in text and "2021" not in text


@pytest.mark.parametrize("style", ["harvard", "apa", "chicago"])
def test_styles_and_docx(library, draft_with_quotes, tmp_path, style):
    draft_id, _, _ = draft_with_quotes
    drafts.save_draft(library, draft_id, style=style)
    path = export_draft(library, draft_id, "docx", tmp_path / f"d-{style}.docx")
    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert tuple({name for name, text in paragraphs if "real fiscal levers" in text}) == ("Quote", )
    assert any(name.startswith("Heading") and text == "References" for name, text in paragraphs)
    assert any(name == "Bibliography" and "Place and Productivity" in text for name, text in paragraphs)
    assert any(name == "Title" and text == "Briefing" for name, text in paragraphs)


def test_html_export_and_preview_are_sanitised(library, draft_with_quotes, tmp_path):
    draft_id, _, _ = draft_with_quotes
    html = export_draft(library, draft_id, "html", tmp_path / "d.html").read_text("utf-8")
    assert "<blockquote>" in html and "References" in html
    preview = preview_html(library, draft_id, body="<script>alert(1)</script> Hello")
    assert "<script" not in preview and "Hello" in preview


def test_bad_format_writes_nothing(library, draft_with_quotes, tmp_path):
    draft_id, _, _ = draft_with_quotes
    with pytest.raises(InvalidInput):
        export_draft(library, draft_id, "pdf", tmp_path / "d.pdf")
    assert not (tmp_path / "d.pdf").exists()
