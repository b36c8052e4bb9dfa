"""Highlights, evidence views, re-anchoring, memos, links, collections, suggestions, reports."""

import docx
import pytest

from kb import collections, evidence, links, sources, themes
from kb.errors import InvalidInput, NotFound
from kb.index import indexer
from kb.search import search
from kb.theme_report import export_report
from kb.theme_suggest import apply_suggestions, suggest_for_source, suggest_for_uncoded
from kb.theme_views import cooccurrence, coverage, evidence_for_theme, matrix, set_cell_summary

BODY = ("Councils say the levelling up fund favoured bids from places with capacity. "
        "The apprenticeship levy is underspent in the north. Mayors want control of skills budgets.")


@pytest.fixture
def setup(library, add_source):
    themes.add_theme(library, "Central–local relations", keywords="bidding, competitive funding")
    themes.add_theme(library, "Skills", keywords="apprenticeship levy")
    first = add_source(title="Bidding wars", body=BODY, authors="Ann Lee", date="2022-05-01",
                       publisher="Local Review")
    second = add_source(title="Skills money", body="Apprenticeship levy funds go unspent; "
                        "the apprenticeship levy needs reform.", authors="Bo Chen", date="2020")
    return first, second


def test_highlight_by_text_with_themes_stance_and_note(library, setup):
    first, _ = setup
    item = evidence.highlight_text(library, first.id, "levelling up fund favoured bids",
                                   [("Central–local relations", "supports")], note="capacity gap")
    assert BODY[item.start:item.end] == "levelling up fund favoured bids"
    assert [(link.theme, link.stance) for link in item.themes] == [("Central–local relations", "supports")]
    indexer.sync(library)
    assert any(hit.item_type == "highlight" for hit in search(library, "capacity gap").hits)


def test_highlight_text_errors(library, setup):
    first, second = setup
    with pytest.raises(NotFound, match="not in"):
        evidence.highlight_text(library, first.id, "words that are not there")
    with pytest.raises(InvalidInput, match="appears 2 times"):
        evidence.highlight_text(library, second.id, "levy")
    with pytest.raises(InvalidInput):
        evidence.add_highlight(library, first.id, 10, 5)
    assert evidence.highlights_for_source(library, first.id) == []


def test_pdf_page_is_kept(library, setup):
    first, _ = setup
    with library.transaction() as conn:
        conn.execute("UPDATE sources SET page_starts = '[0, 80]' WHERE id = ?", (first.id,))
    item = evidence.highlight_text(library, first.id, "apprenticeship levy is underspent")
    assert item.page == 2


def test_edit_of_source_text_reanchors_or_orphans(library, setup):
    first, _ = setup
    moved = evidence.highlight_text(library, first.id, "Mayors want control of skills budgets")
    gone = evidence.highlight_text(library, first.id, "apprenticeship levy is underspent in the north")
    sources.update_source(library, first.id, body="A new opening paragraph.\n\n" + BODY.replace(
        "The apprenticeship levy is underspent in the north. ", ""))
    again = {h.id: h for h in evidence.highlights_for_source(library, first.id)}
    body = sources.get_source(library, first.id).body
    assert body[again[moved.id].start:again[moved.id].end] == "Mayors want control of skills budgets"
    assert again[moved.id].anchor_status in ("moved", "exact")
    assert again[gone.id].orphaned and again[gone.id].exact.startswith("apprenticeship")


def test_whole_source_evidence_and_views(library, setup):
    first, second = setup
    evidence.highlight_text(library, first.id, "levelling up fund favoured bids",
                            [("Central–local relations", "challenges"), ("Skills", "context")])
    evidence.link_source(library, second.id, "Skills", "supports")
    rows = evidence_for_theme(library, "Skills")
    assert {row.source_title for row in rows} == {"Bidding wars", "Skills money"}
    assert [row.stance for row in evidence_for_theme(library, "Skills", stance="supports")] == ["supports"]
    assert evidence_for_theme(library, "Skills", author="Bo") and not evidence_for_theme(
        library, "Skills", author="Nobody")
    assert len(evidence_for_theme(library, "Skills", date_from="2021")) == 1
    grid = matrix(library, "source")
    cells = {(c["theme_id"], c["group"]): c["count"] for c in grid["cells"]}
    skills = themes.get_theme(library, "Skills").id
    assert cells[(skills, "Bidding wars")] == 1 and cells[(skills, "Skills money")] == 1
    assert matrix(library, "year")["columns"] == ["2020", "2022"]
    summary = set_cell_summary(library, "Skills", "year", "2020", "Levy reform wanted.")
    assert summary["evidence_ids"]
    assert any(c["summary"] == "Levy reform wanted." for c in matrix(library, "year")["cells"])
    assert cooccurrence(library) == [{"themes": ["Central–local relations", "Skills"], "count": 1}]
    assert coverage(library)["uncoded_sources"] == []
    with pytest.raises(InvalidInput):
        matrix(library, "colour")


def test_untying_a_whole_source_from_a_theme(library, setup):
    first, second = setup
    evidence.highlight_text(library, first.id, "levelling up fund favoured bids", [("Skills", "context")])
    evidence.link_source(library, first.id, "Skills", "supports")
    evidence.link_source(library, second.id, "Skills", "supports")
    indexer.sync(library)

    def sources_found() -> set[str]:
        return {hit.id for hit in search(library, "theme:skills", limit=50).hits} & {first.id, second.id}

    assert sources_found() == {first.id, second.id}
    assert evidence.unlink_source(library, second.id, "skills") == 1
    indexer.sync(library)
    assert evidence.source_themes(library, second.id) == []
    assert sources_found() == {first.id}  # the index follows; `first` keeps its passage's theme
    assert evidence.unlink_source(library, first.id, "Skills") == 1
    assert evidence.source_themes(library, first.id) == []
    assert [link.theme for link in evidence.highlights_for_source(library, first.id)[0].themes] == [
        "Skills"]  # the passage keeps its own link
    before = library.conn.execute("SELECT count(*) FROM evidence WHERE deleted_at IS NULL").fetchone()
    with pytest.raises(NotFound, match="not tied"):
        evidence.unlink_source(library, second.id, "Skills")
    with pytest.raises(NotFound):
        evidence.unlink_source(library, second.id, "No such theme")
    with pytest.raises(NotFound):
        evidence.unlink_source(library, "NOSUCHSOURCE00", "Skills")
    assert library.conn.execute("SELECT count(*) FROM evidence WHERE deleted_at IS NULL").fetchone() == before


def test_collections_memos_and_links(library, setup):
    first, second = setup
    collections.add_collection(library, "Client A")
    assert collections.add_to_collection(library, "Client A", [first.id, first.id]) == 1
    indexer.sync(library)
    assert [h.title for h in search(library, 'collection:"client a"').hits] == ["Bidding wars"]
    sources.update_source(library, first.id, memo="Emerging argument: **capacity** matters")
    themes.update_theme(library, "Skills", memo="Skills memo about colleges")
    indexer.sync(library)
    assert search(library, "emerging argument").hits[0].title == "Bidding wars"
    assert search(library, "colleges").hits[0].item_type == "theme"
    links.add_link(library, first.id, second.id, "cites")
    found = links.links_of(library, second.id)
    assert [(link.direction, link.other_title) for link in found] == [("in", "Bidding wars")]
    with pytest.raises(InvalidInput):
        links.add_link(library, first.id, first.id)


def test_suggestions_from_keywords_and_similar_evidence(library, setup):
    first, second = setup
    suggestions = suggest_for_source(library, second.id)
    assert suggestions[0].theme == "Skills"
    batch = suggest_for_uncoded(library)
    assert set(batch) == {first.id, second.id}
    apply_suggestions(library, [(second.id, "Skills", "supports")])
    assert [s.theme for s in suggest_for_source(library, second.id)] != ["Skills"]


def test_theme_report_in_three_formats(library, setup, tmp_path):
    first, _ = setup
    evidence.highlight_text(library, first.id, "Mayors want control of skills budgets",
                            [("Skills", "supports")], note="Mayoral view")
    md = export_report(library, "Skills", "md", tmp_path / "r.md").read_text("utf-8")
    assert "> Mayors want control of skills budgets" in md and "Lee (2022)" in md
    assert "Supporting evidence" in md and "## Sources" in md
    html = export_report(library, "Skills", "html", tmp_path / "r.html").read_text("utf-8")
    assert "<blockquote>" in html
    document = docx.Document(str(export_report(library, "Skills", "docx", tmp_path / "r.docx")))
    texts = [p.text for p in document.paragraphs]
    assert any("Mayors want control" in t for t in texts)
    assert any(p.style.name == "Quote" for p in document.paragraphs)
